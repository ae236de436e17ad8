//! What the comparison needs of a place, computed once per place: name tokens with their
//! class, kinds of organisation, the parsed street, the point on the sphere, the commune key,
//! identifiers and contacts in comparable form.

use std::cell::RefCell;
use std::collections::hash_map::Entry;

use inclusion_geo::sphere::unit_vector;
use inclusion_model::syntax::{PivotKind, pivot_kind};
use inclusion_model::{Mobility, NationalProgramme, Place};
use inclusion_territory::communes::Gazetteer;
use rustc_hash::FxHashMap;

use crate::config::{Metric, Similarity};
use crate::contact::{is_mobile, is_personal_email, normalize_email, normalize_phone, website_key};
use crate::text::{
    Kind, expand_acronym, fold, is_generic, is_itinerant_word, is_stop_word, kinds_of,
    parse_folded_street, stem,
};

/// Strings as small integers, so that token equality is an integer comparison.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    ids: FxHashMap<Box<str>, u32>,
    strings: Vec<Box<str>>,
}

impl Interner {
    pub(crate) fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.into());
        match self.ids.entry(s.into()) {
            Entry::Vacant(v) => {
                v.insert(id);
            }
            Entry::Occupied(_) => unreachable!("checked above"),
        }
        id
    }

    pub(crate) fn get(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }
}

/// Words of a run with their similarity: equal ids, or the configured [`Similarity`] of two
/// words of at least 4 letters at or above its threshold. Results are cached per pair of
/// words (the same street and organisation words meet again and again).
pub(crate) struct Words<'a> {
    interner: &'a Interner,
    similarity: &'a Similarity,
    cache: &'a RefCell<FxHashMap<u64, bool>>,
}

impl<'a> Words<'a> {
    pub(crate) fn new(
        interner: &'a Interner,
        similarity: &'a Similarity,
        cache: &'a RefCell<FxHashMap<u64, bool>>,
    ) -> Words<'a> {
        Words {
            interner,
            similarity,
            cache,
        }
    }

    pub(crate) fn get(&self, id: u32) -> &str {
        self.interner.get(id)
    }

    pub(crate) fn similar(&self, x: u32, y: u32) -> bool {
        if x == y {
            return true;
        }
        if self.similarity.metric == Metric::Exact {
            return false;
        }
        let (sx, sy) = (self.interner.get(x), self.interner.get(y));
        if sx.len() < 4 || sy.len() < 4 {
            return false;
        }
        let key = (u64::from(x.min(y)) << 32) | u64::from(x.max(y));
        if let Some(&v) = self.cache.borrow().get(&key) {
            return v;
        }
        let v = self.similarity.metric.similarity(sx, sy) >= self.similarity.word_threshold;
        self.cache.borrow_mut().insert(key, v);
        v
    }
}

/// The class of a name token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A word many organisations carry (see [`crate::text`]).
    Generic,
    /// A word of the place's commune name.
    Locality,
    /// Any other word: what names this organisation.
    Distinctive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameToken {
    pub id: u32,
    pub class: Class,
}

/// The `pivot` in comparable form (interned).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pivot {
    /// Placeholder or absent.
    None,
    /// 14 digits (checksum valid or not), and its SIREN (the first 9).
    Siret { siret: u32, siren: u32 },
    /// An RNA number or another identifier (RIDET...).
    Other(u32),
}

/// A web site in comparable form (interned).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Site {
    /// Host and path.
    pub page: u32,
    pub host: u32,
    /// A platform hosting unrelated pages (see [`WebsiteKey::is_shared_host`]).
    pub shared_host: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub name: Vec<NameToken>,
    /// Initials of the runs of non-stop-word tokens, for acronyms: the string of the first
    /// letters of every token.
    pub initials: String,
    pub kinds: u16,
    /// For a France Services: its name names another commune of its département (« France
    /// Services de Marthon (permanence L'Isle-d'Espagnac) » in L'Isle-d'Espagnac), so it is
    /// another commune's desk (rule R7b's exception).
    pub names_other_commune: bool,
    /// Its name says France Services (not only its `dispositif_programmes_nationaux`, which
    /// real files fill from their leftover v0.1 `labels_nationaux` too).
    pub named_france_services: bool,
    pub itinerant: bool,
    pub street_number: Option<(u32, u32)>,
    pub street_name: Vec<u32>,
    pub point: Option<[f64; 3]>,
    pub commune: u32,
    pub pivot: Pivot,
    /// The phone in E.164 (interned) and whether it is a mobile.
    pub phone: Option<(u32, bool)>,
    /// The e-mails (interned, lower case) and whether each looks like a person's.
    pub emails: Vec<(u32, bool)>,
    pub websites: Vec<Site>,
    pub typology: Vec<u32>,
    /// `typologie` holds `RFS` / `PIMMS` (the cartography's one compatible pair).
    pub rfs: bool,
    pub pimms: bool,
    pub parent: Option<u32>,
}

/// The key of a place's commune: its code INSEE when the gazetteer confirms it (arrondissements
/// of Paris, Lyon and Marseille read as their commune), else the commune found by postcode and
/// name in the gazetteer, else `postcode name` folded.
pub(crate) fn commune_key(place: &Place, gazetteer: &Gazetteer) -> String {
    let address = &place.address;
    let name = fold(&address.commune);
    let postcode = address.postcode.trim();
    if let Some(code) = address.insee_code.as_deref().map(str::trim) {
        let code = commune_of_arrondissement(code);
        // The postcode is the commune's, or the name is and the postcode is of its département
        // (a CEDEX); a homonym elsewhere (« Mont-Dore » 63236 for Le Mont-Dore, 98800) is not.
        let departement_of_postcode = |d: &str| match d {
            "2A" | "2B" => postcode.starts_with("20"),
            d => postcode.starts_with(d),
        };
        if let Some(c) = gazetteer.by_code(code)
            && (c.postcodes().any(|p| p == postcode)
                || (fold(&c.name) == name && departement_of_postcode(&c.departement)))
        {
            return c.code.clone();
        }
    }
    let candidates = gazetteer.by_postcode(postcode);
    let by_name = candidates
        .iter()
        .find(|c| fold(&c.name) == name)
        .or_else(|| {
            // "MARSEILLE 6E ARRONDISSEMENT", "Meythet - Annecy": a commune name inside.
            candidates.iter().find(|c| {
                let n = fold(&c.name);
                name.split(' ')
                    .collect::<Vec<_>>()
                    .windows(n.split(' ').count())
                    .any(|w| w.join(" ") == n)
            })
        });
    match by_name {
        Some(c) => c.code.clone(),
        None if candidates.len() == 1 => candidates[0].code.clone(),
        None => format!("{postcode} {name}"),
    }
}

/// Whether the name of a place names a commune of its département other than its own (runs of
/// one to four words of the folded name, starting and ending with a word that is not a stop
/// word nor a generic word).
fn names_other_commune(place: &Place, key: &str, gazetteer: &Gazetteer) -> bool {
    let own = fold(&place.address.commune);
    let departement = match gazetteer.by_code(key) {
        Some(c) => c.departement.clone(),
        None => {
            let p = place.address.postcode.trim();
            if p.starts_with("97") || p.starts_with("98") {
                p.get(..3).unwrap_or(p).to_owned()
            } else {
                p.get(..2).unwrap_or(p).to_owned()
            }
        }
    };
    let same_departement =
        |d: &str| d == departement || (departement == "20" && d.starts_with('2'));
    let folded = fold(&place.name);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let meaningful = |w: &str| !is_stop_word(w) && !is_generic(&stem(w)) && w.len() > 2;
    for start in 0..words.len() {
        if !meaningful(words[start]) {
            continue;
        }
        for end in start..words.len().min(start + 4) {
            if !meaningful(words[end]) {
                continue;
            }
            let run = words[start..=end].join(" ");
            if own.contains(&run) {
                continue;
            }
            if gazetteer
                .by_name(&run)
                .iter()
                .any(|c| c.code != key && same_departement(&c.departement))
            {
                return true;
            }
        }
    }
    false
}

/// The code of the commune of an arrondissement of Paris (751xx), Lyon (6938x) or Marseille
/// (132xx); other codes unchanged.
fn commune_of_arrondissement(code: &str) -> &str {
    let b = code.as_bytes();
    if b.len() != 5 {
        return code;
    }
    match &b[..3] {
        b"751" => "75056",
        b"693" if b[3] == b'8' => "69123",
        b"132" => "13055",
        _ => code,
    }
}

/// The name's tokens: folded, stop words removed, acronyms of the field expanded, stemmed
/// (what [`Preparer::prepare`] interns).
#[cfg(test)]
pub(crate) fn name_words(name: &str) -> Vec<String> {
    let folded = fold(name);
    let mut words = Vec::new();
    for t in folded.split(' ').filter(|t| !t.is_empty()) {
        if is_stop_word(t) {
            continue;
        }
        match expand_acronym(t, words.is_empty()) {
            Some(expansion) => words.extend(expansion.iter().map(|w| (*w).to_owned())),
            None => words.push(stem(t).into_owned()),
        }
    }
    words
}

pub(crate) struct Preparer<'g> {
    pub interner: Interner,
    /// Per word id: 0 not known yet, 1 a generic word, 2 another word.
    generic: Vec<u8>,
    /// Per commune text: its folded text and the ids of its stemmed words.
    localities: FxHashMap<String, (String, Vec<u32>)>,
    buffer: String,
    gazetteer: &'g Gazetteer,
    communes: Interner,
    /// `code INSEE \0 postcode \0 commune` → the commune key (and whether the name names
    /// another commune, for France Services).
    keys: FxHashMap<String, String>,
}

impl<'g> Preparer<'g> {
    pub(crate) fn new(gazetteer: &'g Gazetteer) -> Preparer<'g> {
        Preparer {
            interner: Interner::default(),
            generic: Vec::new(),
            localities: FxHashMap::default(),
            buffer: String::new(),
            gazetteer,
            communes: Interner::default(),
            keys: FxHashMap::default(),
        }
    }

    /// The id of a word, remembering whether it is generic.
    fn word(&mut self, w: &str) -> u32 {
        let id = self.interner.id(w);
        let i = id as usize;
        if i >= self.generic.len() {
            self.generic.resize(i + 1, 0);
        }
        if self.generic[i] == 0 {
            self.generic[i] = if is_generic(w) || w.len() <= 2 { 1 } else { 2 };
        }
        id
    }

    pub(crate) fn prepare(&mut self, place: &Place) -> Prepared {
        let address = &place.address;
        if !self.localities.contains_key(address.commune.as_str()) {
            let folded = fold(&address.commune);
            let ids = folded
                .split(' ')
                .filter(|t| !t.is_empty() && !is_stop_word(t))
                .map(|t| stem(t).into_owned())
                .collect::<Vec<_>>()
                .iter()
                .map(|w| self.word(w))
                .collect();
            self.localities
                .insert(address.commune.to_string(), (folded, ids));
        }

        // Name: folded, stop words out, acronyms expanded, stemmed, interned.
        let folded_name = fold(&place.name);
        let mut ids: Vec<u32> = Vec::with_capacity(8);
        for t in folded_name.split(' ').filter(|t| !t.is_empty()) {
            if is_stop_word(t) {
                continue;
            }
            match expand_acronym(t, ids.is_empty()) {
                Some(expansion) => {
                    for w in expansion {
                        ids.push(self.word(w));
                    }
                }
                None => {
                    let w = stem(t);
                    ids.push(self.word(&w));
                }
            }
        }
        let (_, locality) = &self.localities[address.commune.as_str()];
        let words: Vec<&str> = ids.iter().map(|&i| self.interner.get(i)).collect();
        let mut kinds = kinds_of(&words);
        let named_france_services = kinds & Kind::FranceServices.bit() != 0;
        if place
            .national_programmes
            .contains(&NationalProgramme::FranceServices)
        {
            kinds |= Kind::FranceServices.bit();
        }
        let itinerant = place.mobility.contains(&Mobility::Itinerant)
            || words.iter().any(|w| is_itinerant_word(w));
        // One ASCII byte per word (`_` for a word that does not start with an ASCII letter or
        // digit), so that a byte offset is a word index.
        let initials: String = words
            .iter()
            .map(|w| match w.as_bytes().first() {
                Some(&c) if c.is_ascii_alphanumeric() => char::from(c),
                _ => '_',
            })
            .collect();
        let name = ids
            .iter()
            .map(|&id| NameToken {
                id,
                class: if locality.contains(&id) {
                    Class::Locality
                } else if self.generic[id as usize] == 1 {
                    Class::Generic
                } else {
                    Class::Distinctive
                },
            })
            .collect();

        // Street.
        let folded_street = fold(&address.street);
        let (street_number, street_words) = {
            let (folded_commune, _) = &self.localities[address.commune.as_str()];
            let mut locality_refs: Vec<&str> = folded_commune
                .split(' ')
                .filter(|t| !t.is_empty())
                .collect();
            locality_refs.push(address.postcode.trim());
            let street = parse_folded_street(&folded_street, &locality_refs);
            let ids: Vec<u32> = street.name.iter().map(|w| self.interner.id(w)).collect();
            (street.number, ids)
        };

        let point = place
            .coordinates
            .map(|c| unit_vector(c.latitude(), c.longitude()));
        self.buffer.clear();
        self.buffer
            .push_str(address.insee_code.as_deref().unwrap_or(""));
        self.buffer.push('\0');
        self.buffer.push_str(&address.postcode);
        self.buffer.push('\0');
        self.buffer.push_str(&address.commune);
        let key = match self.keys.get(self.buffer.as_str()) {
            Some(k) => k.clone(),
            None => {
                let k = commune_key(place, self.gazetteer);
                self.keys.insert(self.buffer.clone(), k.clone());
                k
            }
        };
        let names_other_commune = kinds & Kind::FranceServices.bit() != 0
            && names_other_commune(place, &key, self.gazetteer);
        let commune = self.communes.id(&key);
        let pivot_text = place.pivot.trim();
        let pivot = match pivot_kind(pivot_text) {
            PivotKind::Placeholder => Pivot::None,
            PivotKind::Siret | PivotKind::SiretBadChecksum => Pivot::Siret {
                siret: self.interner.id(pivot_text),
                siren: self.interner.id(&pivot_text[..9]),
            },
            _ if pivot_text.is_empty() => Pivot::None,
            _ => Pivot::Other(self.interner.id(&pivot_text.to_uppercase())),
        };
        let phone = match place.contact.phone.as_deref().and_then(normalize_phone) {
            Some(p) => Some((self.interner.id(&p), is_mobile(&p))),
            None => None,
        };
        let mut emails = Vec::new();
        for e in place
            .contact
            .emails
            .iter()
            .filter_map(|e| normalize_email(e))
        {
            let personal = is_personal_email(&e);
            emails.push((self.interner.id(&e), personal));
        }
        let mut websites = Vec::new();
        for key in place.contact.websites.iter().filter_map(|w| website_key(w)) {
            self.buffer.clear();
            self.buffer.push_str(&key.host);
            self.buffer.push_str(&key.path);
            let page = self.interner.id(&self.buffer);
            websites.push(Site {
                page,
                host: self.interner.id(&key.host),
                shared_host: key.is_shared_host(),
            });
        }
        let typology = place
            .typology
            .iter()
            .map(|t| self.interner.id(t.code()))
            .collect();
        let code = |c: &str| place.typology.iter().any(|t| t.code() == c);
        let parent = match place.parent_organisation.as_deref().map(fold) {
            Some(p) if !p.is_empty() => Some(self.interner.id(&p)),
            _ => None,
        };
        Prepared {
            name,
            initials,
            kinds,
            names_other_commune,
            named_france_services,
            itinerant,
            street_number,
            street_name: street_words,
            point,
            commune,
            pivot,
            phone,
            emails,
            websites,
            typology,
            rfs: code("RFS"),
            pimms: code("PIMMS"),
            parent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use inclusion_model::Address;

    fn place(
        name: &str,
        street: &str,
        postcode: &str,
        commune: &str,
        insee: Option<&str>,
    ) -> Place {
        let mut address = Address::new(street, postcode, commune);
        address.insee_code = insee.map(Into::into);
        Place::new(
            "p",
            "00000000000000",
            name,
            address,
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        )
    }

    #[test]
    fn commune_keys() {
        let g = Gazetteer::embedded();
        // Aix-en-Provence under two postcodes, without a code INSEE: one key.
        let a = commune_key(&place("x", "1 rue A", "13100", "AIX-EN-PROVENCE", None), g);
        let b = commune_key(&place("x", "1 rue A", "13090", "Aix en Provence", None), g);
        assert_eq!(a, "13001");
        assert_eq!(a, b);
        // A Marseille arrondissement reads as Marseille.
        let m = commune_key(
            &place(
                "x",
                "1 rue A",
                "13006",
                "MARSEILLE 6E ARRONDISSEMENT",
                Some("13206"),
            ),
            g,
        );
        assert_eq!(m, "13055");
        // A code INSEE that contradicts the postcode and the name is not trusted.
        let nc = commune_key(
            &place("x", "1 rue A", "98800", "Mont-Dore", Some("63236")),
            g,
        );
        assert_ne!(nc, "63236");
    }

    #[test]
    fn name_words_expand_and_stem() {
        assert_eq!(
            name_words("EFS de Rouillac"),
            ["espace", "france", "service", "rouillac"]
        );
        assert_eq!(
            name_words("CCAS PÉGOMAS"),
            ["centre", "communal", "action", "social", "pegoma"]
        );
        assert_eq!(
            name_words("Médiathèques départementales"),
            ["mediatheque", "departement"]
        );
    }
}
