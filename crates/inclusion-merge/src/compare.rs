//! The comparators: each looks at one kind of evidence of two prepared places and gives an
//! outcome, a sub-score (0 = disagree, 1 = agree, none when it cannot tell) and points (see
//! [`crate::config`]).

use inclusion_geo::sphere::{chord2_to_metres, distance2};
use schemars::JsonSchema;
use serde::Serialize;

use crate::config::Config;
use crate::features::{Class, Pivot, Prepared, Words};
use crate::text::{Kind, kinds_compatible};

/// What a comparator looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Comparator {
    /// The names (`nom`), normalised: case, accents, punctuation, abbreviations and acronyms,
    /// generic words weighed for what they are worth.
    Name,
    /// The kinds of organisation the names state (mairie, France Services, library, CCAS...).
    Kind,
    /// The street address (`adresse`): house number and street name.
    Address,
    /// The commune (code INSEE, or postcode and name).
    Commune,
    /// The distance between the coordinates.
    Distance,
    /// The `pivot` (SIRET, SIREN, RNA).
    Identifier,
    /// The phone numbers, in E.164.
    Phone,
    /// The e-mail addresses (`courriels`).
    Email,
    /// The web sites (`site_web`).
    Website,
    /// The `typologie` codes.
    Typology,
    /// The `structure_parente`.
    Parent,
    /// Rule R7b: one France Services per commune.
    FranceServices,
    /// Rule R4: the stops of an itinerant service.
    Itinerant,
}

/// What a comparator found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Finding {
    /// The same value.
    Same,
    /// Names: one generic, the other's words all in it.
    Equivalent,
    /// Names: one contained in the other.
    Contained,
    /// Names: partial overlap (at least half).
    Partial,
    /// Names: a small overlap.
    Weak,
    /// Names: both generic, saying the same.
    GenericSame,
    /// Names: both generic, the words of one all in the other.
    GenericContained,
    /// Names: both generic, saying different things.
    GenericOther,
    /// Names: one generic, the other specific.
    OneGeneric,
    /// Kinds: compatible.
    Compatible,
    /// Address: same street, neighbouring numbers.
    Neighbour,
    /// Address: same street, a number missing.
    SameStreet,
    /// Address: same street, numbers far apart.
    FarNumber,
    /// Identifier: same SIREN, another establishment.
    SameEntity,
    /// Phone or e-mail: the same, but a person's.
    SamePersonal,
    /// Website: the same site, other pages.
    SameHost,
    /// Typologie: a shared or compatible code.
    Shared,
    /// Typologie: nothing in common.
    Disjoint,
    /// Distance: the distance in metres is in `value`.
    Measured,
    /// A rule that applies (France Services of one commune).
    Applies,
    /// Itinerant: a stop against a fixed place.
    FixedVsItinerant,
    /// Itinerant: two different stops.
    OtherStop,
    /// Itinerant: the same stop.
    SameStop,
    /// Different values.
    Different,
    /// Nothing to compare (a value missing on either side).
    Unknown,
}

/// Why a comparator's points were changed by what another comparator found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Note {
    None,
    /// Distance: the same address far from itself is a geocoding difference.
    SameAddressGeocoding,
    /// Distance: the same street far from itself is a geocoding difference (penalty capped).
    SameStreetGeocoding,
    /// Address: two street names within 60 m (a corner building, a renamed street).
    DifferentStreetNear,
    /// Identifier and contacts: they name the organisation, not the site, and the addresses
    /// differ far apart (R6, R7).
    OrganisationLevel,
    /// Address and distance: two France Services of one commune (R7b).
    ExplainedByR7b,
    /// Itinerant: one record does not say it is itinerant, but the names agree.
    ItinerantByName,
}

/// One comparator's verdict, without text (texts are written for the pairs kept).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Evidence {
    pub comparator: Comparator,
    pub outcome: Finding,
    /// Sub-score in [0, 1], or NaN when the comparator cannot tell.
    pub similarity: f32,
    /// A measured value: metres for the distance, the gap between house numbers.
    pub value: f32,
    pub points: f32,
    pub note: Note,
}

impl Evidence {
    fn new(comparator: Comparator, outcome: Finding, similarity: f64, points: f64) -> Evidence {
        Evidence {
            comparator,
            outcome,
            similarity: similarity as f32,
            value: f32::NAN,
            points: points as f32,
            note: Note::None,
        }
    }

    fn unknown(comparator: Comparator) -> Evidence {
        Evidence::new(comparator, Finding::Unknown, f64::NAN, 0.0)
    }
}

/// The verdicts of all comparators on one pair.
#[derive(Debug, Clone)]
pub(crate) struct Comparison {
    pub evidence: [Evidence; 13],
    pub len: usize,
    /// The prior plus every comparator's points.
    pub points: f64,
    pub distance_m: Option<f64>,
}

impl Comparison {
    pub(crate) fn evidence(&self) -> &[Evidence] {
        &self.evidence[..self.len]
    }

    /// The score between 0 and 100.
    pub(crate) fn score(&self) -> f64 {
        100.0 / (1.0 + (-self.points).exp())
    }

    fn push(&mut self, e: Evidence) {
        self.evidence[self.len] = e;
        self.len += 1;
        self.points += f64::from(e.points);
    }

    fn get(&self, c: Comparator) -> Option<&Evidence> {
        self.evidence().iter().find(|e| e.comparator == c)
    }

    fn outcome(&self, c: Comparator) -> Finding {
        self.get(c).map_or(Finding::Unknown, |e| e.outcome)
    }

    /// Changes the points of a comparator's verdict (with the note that says why).
    fn adjust(&mut self, c: Comparator, note: Note, points: impl Fn(f32) -> f32) {
        if let Some(e) = self.evidence[..self.len]
            .iter_mut()
            .find(|e| e.comparator == c)
        {
            let new = points(e.points);
            if new != e.points {
                self.points += f64::from(new - e.points);
                e.points = new;
                e.note = note;
            }
        }
    }
}

/// Compares two prepared places.
pub(crate) fn compare(
    a: &Prepared,
    b: &Prepared,
    words: &Words<'_>,
    config: &Config,
) -> Comparison {
    let w = &config.weights;
    let mut c = Comparison {
        evidence: [Evidence::unknown(Comparator::Name); 13],
        len: 0,
        points: w.prior,
        distance_m: None,
    };
    let name = compare_names(a, b, words);
    c.push(Evidence::new(
        Comparator::Name,
        name.outcome,
        name.similarity,
        match name.outcome {
            Finding::Same if name.one_word => w.name_same_one_word,
            Finding::Same => w.name_same,
            Finding::Equivalent => w.name_equivalent,
            Finding::Contained => w.name_contained,
            Finding::Partial => w.name_partial,
            Finding::GenericSame => w.name_generic_same,
            Finding::GenericContained => w.name_generic_contained,
            Finding::Different => w.name_different,
            _ => 0.0,
        },
    ));
    c.push(if a.kinds == 0 || b.kinds == 0 {
        Evidence::unknown(Comparator::Kind)
    } else if kinds_compatible(a.kinds, b.kinds) {
        Evidence::new(Comparator::Kind, Finding::Compatible, 1.0, 0.0)
    } else {
        Evidence::new(Comparator::Kind, Finding::Different, 0.0, w.kind_different)
    });
    let address = compare_streets(a, b, words, config);
    c.push(address);
    // Two communes are two addresses, whatever the streets (« Place de la Mairie » in two
    // villages; a network in neighbouring communes, R5).
    c.push(if a.commune == b.commune {
        Evidence::new(Comparator::Commune, Finding::Same, 1.0, 0.0)
    } else {
        Evidence::new(
            Comparator::Commune,
            Finding::Different,
            0.0,
            w.commune_different,
        )
    });
    c.push(compare_distance(a, b, config));
    c.distance_m = c
        .get(Comparator::Distance)
        .and_then(|e| (e.outcome == Finding::Measured).then_some(f64::from(e.value)));
    c.push(compare_pivots(&a.pivot, &b.pivot, config));
    c.push(compare_phones(a, b, config));
    c.push(compare_emails(a, b, config));
    c.push(compare_websites(a, b, config));
    c.push(compare_typologies(a, b, config));
    c.push(match (&a.parent, &b.parent) {
        (Some(x), Some(y)) if x == y => {
            Evidence::new(Comparator::Parent, Finding::Same, 1.0, w.parent_same)
        }
        (Some(_), Some(_)) => Evidence::new(
            Comparator::Parent,
            Finding::Different,
            0.0,
            w.parent_different,
        ),
        _ => Evidence::unknown(Comparator::Parent),
    });

    // The address text is more reliable than geocoding: one address far from itself is a
    // geocoding difference (a record on the commune's centre), not two places.
    let distance = c.distance_m;
    match address.outcome {
        Finding::Same => c.adjust(Comparator::Distance, Note::SameAddressGeocoding, |p| {
            p.max(0.0)
        }),
        Finding::Neighbour | Finding::SameStreet => {
            let floor = w.distance_2000 as f32;
            c.adjust(Comparator::Distance, Note::SameStreetGeocoding, |p| {
                p.max(floor)
            });
        }
        Finding::Different if distance.is_some_and(|d| d <= 60.0) => {
            let near = w.address_different_near as f32;
            c.adjust(Comparator::Address, Note::DifferentStreetNear, |_| near);
        }
        _ => {}
    }
    // R6, R7: the identifier and the contacts name the organisation; at two addresses far
    // apart they do not make the two sites one.
    let far_apart = matches!(address.outcome, Finding::Different | Finding::FarNumber)
        && distance.is_none_or(|d| d > 300.0);
    if far_apart {
        for comparator in [
            Comparator::Identifier,
            Comparator::Phone,
            Comparator::Email,
            Comparator::Website,
        ] {
            c.adjust(comparator, Note::OrganisationLevel, |p| p.min(0.0));
        }
    }
    // R7b: one France Services per commune.
    let fs = Kind::FranceServices.bit();
    let contradicting = |c: &Comparison, x: Comparator| c.outcome(x) == Finding::Different;
    if a.kinds & fs != 0
        && b.kinds & fs != 0
        && a.commune == b.commune
        && !a.names_other_commune
        && !b.names_other_commune
        && distance.is_none_or(|d| d <= 500.0)
        && match name.outcome {
            Finding::Different | Finding::Weak => false,
            // Names that say different things agree only when both say France Services: a
            // town hall or a local office labelled France Services is often a place of its
            // own beside the commune's France Services.
            Finding::GenericOther | Finding::OneGeneric => {
                a.named_france_services && b.named_france_services
            }
            _ => true,
        }
        && !contradicting(&c, Comparator::Phone)
        && !contradicting(&c, Comparator::Email)
    {
        c.push(Evidence::new(
            Comparator::FranceServices,
            Finding::Applies,
            1.0,
            w.one_france_services,
        ));
        c.adjust(Comparator::Address, Note::ExplainedByR7b, |p| p.max(0.0));
        c.adjust(Comparator::Distance, Note::ExplainedByR7b, |p| p.max(0.0));
    }
    // R4: each stop of an itinerant service is its own place. A record that does not say it is
    // itinerant but whose name agrees with the stop's is the same service described without
    // the mark.
    if a.itinerant || b.itinerant {
        let names_agree = matches!(
            name.outcome,
            Finding::Same | Finding::Equivalent | Finding::Contained | Finding::GenericSame
        );
        let mut note = Note::None;
        let outcome = if a.itinerant != b.itinerant && !names_agree {
            Finding::FixedVsItinerant
        } else {
            if a.itinerant != b.itinerant {
                note = Note::ItinerantByName;
            }
            let near = |m: f64| distance.is_none_or(|d| d <= m);
            let same_stop = match address.outcome {
                Finding::Same => true,
                Finding::SameStreet | Finding::Neighbour => near(500.0),
                Finding::Unknown => distance.is_some_and(|d| d <= 30.0),
                _ => false,
            };
            if same_stop {
                Finding::SameStop
            } else {
                Finding::OtherStop
            }
        };
        let (similarity, points) = if outcome == Finding::SameStop {
            (1.0, 0.0)
        } else {
            (0.0, w.itinerant)
        };
        let mut e = Evidence::new(Comparator::Itinerant, outcome, similarity, points);
        e.note = note;
        c.push(e);
    }
    c
}

/// The result of comparing two names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NameMatch {
    pub outcome: Finding,
    pub similarity: f64,
    /// Each name has a single distinctive word (often a building's or a district's name) and
    /// their other words differ (« Cyber espace La Turbine », « Médiathèque La Turbine »).
    pub one_word: bool,
}

/// Which tokens of each name found a match in the other (bit `i` for token `i`; names are
/// cut at 64 words).
fn match_tokens(a: &Prepared, b: &Prepared, words: &Words<'_>) -> (u64, u64) {
    let (mut ma, mut mb) = (0u64, 0u64);
    let na = a.name.len().min(64);
    let nb = b.name.len().min(64);
    for (i, ta) in a.name[..na].iter().enumerate() {
        for (j, tb) in b.name[..nb].iter().enumerate() {
            if ta.id == tb.id {
                ma |= 1 << i;
                mb |= 1 << j;
            }
        }
    }
    // Typos: a distinctive word left unmatched against any unmatched word of the other name.
    {
        for (i, ta) in a.name[..na].iter().enumerate() {
            for (j, tb) in b.name[..nb].iter().enumerate() {
                let unmatched_distinctive = (ta.class == Class::Distinctive && ma & (1 << i) == 0)
                    || (tb.class == Class::Distinctive && mb & (1 << j) == 0);
                if !unmatched_distinctive {
                    continue;
                }
                if words.similar(ta.id, tb.id) {
                    ma |= 1 << i;
                    mb |= 1 << j;
                }
            }
        }
    }
    // Acronyms: a distinctive word of 3 to 6 letters that spells the initials of a run of the
    // other name's words (« FLEP » = Foyer Laïque d'Éducation Permanente).
    // Both directions look at the words left unmatched before acronyms, so that the result
    // does not depend on which place is `a`.
    let (ua, ub) = (ma, mb);
    acronyms(a, b, words, na, ua, &mut ma, &mut mb);
    acronyms(b, a, words, nb, ub, &mut mb, &mut ma);
    (ma, mb)
}

fn acronyms(
    a: &Prepared,
    b: &Prepared,
    words: &Words<'_>,
    na: usize,
    matched_before: u64,
    ma: &mut u64,
    mb: &mut u64,
) {
    for (i, ta) in a.name[..na].iter().enumerate() {
        if ta.class != Class::Distinctive || matched_before & (1 << i) != 0 {
            continue;
        }
        let s = words.get(ta.id);
        if !(3..=6).contains(&s.len()) || !s.bytes().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        let (hay, needle) = (b.initials.as_bytes(), s.as_bytes());
        if needle.len() > hay.len() {
            continue;
        }
        let found = (0..=hay.len() - needle.len())
            .find(|&k| hay[k] == needle[0] && hay[k..k + needle.len()] == *needle);
        if let Some(k) = found {
            // One byte of `initials` per word: `k` is the index of the run's first word.
            if k + s.len() <= 64 {
                *ma |= 1 << i;
                for j in k..k + s.len() {
                    *mb |= 1 << j;
                }
            }
        }
    }
}

/// The distinct generic words of a name (names are short: counted in place, no allocation).
fn generic(p: &Prepared) -> impl Iterator<Item = u32> + '_ {
    let words = &p.name;
    words
        .iter()
        .enumerate()
        .filter(move |&(i, t)| {
            t.class == Class::Generic && !words[..i].iter().any(|u| u.id == t.id)
        })
        .map(|(_, t)| t.id)
}

/// Whether two names have the same generic words.
fn same_generic_words(a: &Prepared, b: &Prepared) -> bool {
    generic(a).all(|x| generic(b).any(|y| y == x)) && generic(b).all(|y| generic(a).any(|x| x == y))
}

/// Compares two names (see [`Finding`] for the levels).
pub(crate) fn compare_names(a: &Prepared, b: &Prepared, words: &Words<'_>) -> NameMatch {
    let (ma, mb) = match_tokens(a, b, words);
    let count = |p: &Prepared, m: u64| -> (u32, u32) {
        let mut total = 0;
        let mut matched = 0;
        for (i, t) in p.name.iter().take(64).enumerate() {
            if t.class == Class::Distinctive {
                total += 1;
                if m & (1 << i) != 0 {
                    matched += 1;
                }
            }
        }
        (total, matched)
    };
    let (da, mda) = count(a, ma);
    let (db, mdb) = count(b, mb);
    if da + db == 0 {
        // Both generic: the same words (one set inside the other), or not. Names are short:
        // the distinct generic words are counted in place, without allocating.
        let la = generic(a).count();
        let lb = generic(b).count();
        let shared = generic(a).filter(|x| generic(b).any(|y| y == *x)).count();
        let union = la + lb - shared;
        let similarity = if union == 0 {
            1.0
        } else {
            shared as f64 / union as f64
        };
        let outcome = if union > 0 && shared == union {
            Finding::GenericSame
        } else if union > 0 && shared == la.min(lb) {
            Finding::GenericContained
        } else {
            Finding::GenericOther
        };
        return NameMatch {
            outcome,
            similarity,
            one_word: false,
        };
    }
    let similarity = f64::from(mda + mdb) / f64::from(da + db);
    let outcome = if da > 0 && db > 0 {
        if mda == da && mdb == db {
            Finding::Same
        } else if mda == da || mdb == db {
            Finding::Contained
        } else if similarity >= 0.5 {
            Finding::Partial
        } else if mda + mdb > 0 {
            Finding::Weak
        } else {
            Finding::Different
        }
    } else {
        // One name generic: are the other's distinctive words all in it?
        let (d, m) = if da > 0 { (da, mda) } else { (db, mdb) };
        if m == d {
            Finding::Equivalent
        } else if m > 0 {
            Finding::Weak
        } else {
            Finding::OneGeneric
        }
    };
    NameMatch {
        outcome,
        similarity,
        one_word: da == 1 && db == 1 && !same_generic_words(a, b),
    }
}

/// The share of the words of `a` found in `b` and of `b` found in `a`.
fn word_cover(a: &[u32], b: &[u32], words: &Words<'_>) -> (f64, f64) {
    let found = |x: u32, ys: &[u32]| ys.contains(&x) || ys.iter().any(|&y| words.similar(x, y));
    let ca = a.iter().filter(|&&x| found(x, b)).count() as f64 / a.len() as f64;
    let cb = b.iter().filter(|&&y| found(y, a)).count() as f64 / b.len() as f64;
    (ca, cb)
}

fn compare_streets(a: &Prepared, b: &Prepared, words: &Words<'_>, config: &Config) -> Evidence {
    let w = &config.weights;
    if a.street_name.is_empty() || b.street_name.is_empty() {
        return Evidence::unknown(Comparator::Address);
    }
    let (ca, cb) = word_cover(&a.street_name, &b.street_name, words);
    let (low, high) = if ca < cb { (ca, cb) } else { (cb, ca) };
    let same_street = low >= 0.66 || (high >= 1.0 && low >= 0.3);
    let street_similarity = (ca + cb) / 2.0;
    if !same_street {
        return Evidence::new(
            Comparator::Address,
            Finding::Different,
            street_similarity,
            w.address_different,
        );
    }
    match (a.street_number, b.street_number) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let gap = if a1 < b0 {
                b0 - a1
            } else {
                a0.saturating_sub(b1)
            };
            let (outcome, points) = match gap {
                0 => (Finding::Same, w.address_same),
                1..=4 => (Finding::Neighbour, w.address_neighbour),
                _ => (Finding::FarNumber, w.address_far_number),
            };
            let mut e = Evidence::new(
                Comparator::Address,
                outcome,
                if gap == 0 {
                    street_similarity
                } else {
                    street_similarity / 2.0
                },
                points,
            );
            e.value = gap as f32;
            e
        }
        _ => Evidence::new(
            Comparator::Address,
            Finding::SameStreet,
            street_similarity * 0.75,
            w.address_same_street,
        ),
    }
}

fn compare_distance(a: &Prepared, b: &Prepared, config: &Config) -> Evidence {
    let w = &config.weights;
    let (Some(pa), Some(pb)) = (a.point, b.point) else {
        return Evidence::unknown(Comparator::Distance);
    };
    let d = chord2_to_metres(distance2(&pa, &pb));
    let points = if d <= 30.0 {
        w.distance_30
    } else if d <= 100.0 {
        w.distance_100
    } else if d <= 250.0 {
        w.distance_250
    } else if d <= 600.0 {
        w.distance_600
    } else if d <= 2000.0 {
        w.distance_2000
    } else if d <= 10_000.0 {
        w.distance_10000
    } else {
        w.distance_far
    };
    let mut e = Evidence::new(
        Comparator::Distance,
        Finding::Measured,
        (1.0 - d / 1000.0).clamp(0.0, 1.0),
        points,
    );
    e.value = d as f32;
    e
}

fn compare_pivots(a: &Pivot, b: &Pivot, config: &Config) -> Evidence {
    let w = &config.weights;
    let c = Comparator::Identifier;
    match (*a, *b) {
        (
            Pivot::Siret {
                siret: x,
                siren: sx,
            },
            Pivot::Siret {
                siret: y,
                siren: sy,
            },
        ) => {
            if x == y {
                Evidence::new(c, Finding::Same, 1.0, w.identifier_same)
            } else if sx == sy {
                Evidence::new(c, Finding::SameEntity, 0.5, w.identifier_same_entity)
            } else {
                Evidence::new(c, Finding::Different, 0.0, w.identifier_different)
            }
        }
        (Pivot::Other(x), Pivot::Other(y)) => {
            if x == y {
                Evidence::new(c, Finding::Same, 1.0, w.identifier_same)
            } else {
                Evidence::new(c, Finding::Different, 0.0, w.identifier_different)
            }
        }
        _ => Evidence::unknown(c),
    }
}

fn compare_phones(a: &Prepared, b: &Prepared, config: &Config) -> Evidence {
    let w = &config.weights;
    let c = Comparator::Phone;
    match (a.phone, b.phone) {
        (Some((x, mobile)), Some((y, _))) if x == y => {
            if mobile {
                Evidence::new(c, Finding::SamePersonal, 1.0, w.phone_same_personal)
            } else {
                Evidence::new(c, Finding::Same, 1.0, w.phone_same)
            }
        }
        (Some(_), Some(_)) => Evidence::new(c, Finding::Different, 0.0, w.phone_different),
        _ => Evidence::unknown(c),
    }
}

fn compare_emails(a: &Prepared, b: &Prepared, config: &Config) -> Evidence {
    let w = &config.weights;
    let c = Comparator::Email;
    if a.emails.is_empty() || b.emails.is_empty() {
        return Evidence::unknown(c);
    }
    let mut shared = false;
    let mut place_address = false;
    for &(x, personal) in &a.emails {
        if b.emails.iter().any(|&(y, _)| x == y) {
            shared = true;
            place_address |= !personal;
        }
    }
    if !shared {
        return Evidence::new(c, Finding::Different, 0.0, w.email_different);
    }
    if place_address {
        Evidence::new(c, Finding::Same, 1.0, w.email_same)
    } else {
        Evidence::new(c, Finding::SamePersonal, 1.0, w.email_same_personal)
    }
}

fn compare_websites(a: &Prepared, b: &Prepared, config: &Config) -> Evidence {
    let w = &config.weights;
    let c = Comparator::Website;
    if a.websites.is_empty() || b.websites.is_empty() {
        return Evidence::unknown(c);
    }
    if a.websites
        .iter()
        .any(|x| b.websites.iter().any(|y| x.page == y.page))
    {
        return Evidence::new(c, Finding::Same, 1.0, w.website_same);
    }
    if a.websites
        .iter()
        .any(|x| !x.shared_host && b.websites.iter().any(|y| y.host == x.host))
    {
        return Evidence::new(c, Finding::SameHost, 0.5, w.website_same_host);
    }
    Evidence::new(c, Finding::Different, 0.0, 0.0)
}

fn compare_typologies(a: &Prepared, b: &Prepared, config: &Config) -> Evidence {
    let w = &config.weights;
    let c = Comparator::Typology;
    if a.typology.is_empty() || b.typology.is_empty() {
        return Evidence::unknown(c);
    }
    let shared = a.typology.iter().any(|x| b.typology.contains(x));
    // The national cartography's one compatible pair: a France Services and a PIMMS.
    let compatible = (a.rfs && b.pimms) || (a.pimms && b.rfs);
    if shared || compatible {
        Evidence::new(c, Finding::Shared, 1.0, w.typology_shared)
    } else {
        Evidence::new(c, Finding::Disjoint, 0.0, w.typology_disjoint)
    }
}
