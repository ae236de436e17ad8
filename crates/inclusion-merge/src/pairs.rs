//! [`find_duplicates`]: candidate pairs, compared and decided, each with its reasons.

use std::cell::RefCell;

use inclusion_model::Place;
use inclusion_territory::communes::Gazetteer;
use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::Serialize;

use crate::MergeError;
use crate::candidates::{CandidateStats, candidates};
use crate::compare::{Comparator, Comparison, Finding, compare};
use crate::config::{Config, DedupThresholds};
use crate::explain::describe;
use crate::features::{Prepared, Preparer, Words};

/// The decision on a pair of places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Decision {
    /// The same help point described twice: merge them.
    Duplicate,
    /// The evidence does not decide: a person should look.
    Review,
    /// Two help points.
    Distinct,
}

impl Decision {
    /// The decision of a score under these thresholds.
    pub fn of_score(score: f64, thresholds: &DedupThresholds) -> Decision {
        if score >= thresholds.duplicate {
            Decision::Duplicate
        } else if score >= thresholds.review {
            Decision::Review
        } else {
            Decision::Distinct
        }
    }

    /// `duplicate`, `review` or `distinct`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Duplicate => "duplicate",
            Decision::Review => "review",
            Decision::Distinct => "distinct",
        }
    }
}

/// One comparator's verdict on a pair: what it found, its sub-score, its points, and why.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Reason {
    /// The comparator.
    pub comparator: Comparator,
    /// What it found.
    pub outcome: Finding,
    /// Its sub-score, from 0 (disagree) to 1 (agree); absent when it cannot tell.
    pub sub_score: Option<f64>,
    /// Its points toward "duplicate" (negative: toward "distinct").
    pub points: f64,
    /// Why, in English.
    pub en: String,
    /// Why, in French.
    pub fr: String,
}

/// Two places compared, the decision, and its explanation.
///
/// Its JSON form: `{"left": id, "right": id, "decision": "duplicate"|"review"|"distinct",
/// "score": .., "distance_m": .., "reasons": [..], "decided_by": {..}}`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Pair {
    /// The `id` of the first place.
    pub left: String,
    /// The `id` of the second place.
    pub right: String,
    /// The decision.
    pub decision: Decision,
    /// The score, from 0 to 100 (see [`crate::config`]); written rounded to 0.1.
    #[serde(serialize_with = "serialize_round1")]
    pub score: f64,
    /// The distance between the places in metres, when both have coordinates; written
    /// rounded to 0.1.
    #[serde(serialize_with = "serialize_round1_option")]
    pub distance_m: Option<f64>,
    /// Every comparator's verdict, in a fixed order.
    pub reasons: Vec<Reason>,
    /// What decided, in English and in French.
    pub decided_by: DecidedBy,
    /// Index of the first place in the input.
    #[serde(skip)]
    #[schemars(skip)]
    pub left_index: usize,
    /// Index of the second place in the input.
    #[serde(skip)]
    #[schemars(skip)]
    pub right_index: usize,
}

/// What decided a pair.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct DecidedBy {
    /// In English.
    pub en: String,
    /// In French.
    pub fr: String,
}

/// Counts of a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct PairStats {
    /// How the candidates were found.
    pub candidates: CandidateStats,
    /// Pairs decided `duplicate`.
    pub duplicates: usize,
    /// Pairs decided `review`.
    pub reviews: usize,
    /// Pairs decided `distinct`.
    pub distinct: usize,
}

/// The result of [`find_duplicates`]: the pairs decided `duplicate` and `review` (and
/// `distinct` when [`Config::keep_distinct`] is set), best score first.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Pairs {
    /// The version of the rules ([`Config::version`]).
    pub rules: String,
    /// The thresholds used.
    pub thresholds: DedupThresholds,
    /// Counts.
    pub stats: PairStats,
    /// The pairs kept.
    pub pairs: Vec<Pair>,
}

impl Pairs {
    /// The pairs with this decision.
    pub fn with_decision(&self, decision: Decision) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(move |p| p.decision == decision)
    }

    /// The pair of these two places (by index, in either order), if it was kept.
    pub fn get(&self, i: usize, j: usize) -> Option<&Pair> {
        let (i, j) = (i.min(j), i.max(j));
        self.pairs
            .iter()
            .find(|p| p.left_index == i && p.right_index == j)
    }
}

/// The places prepared for comparison.
pub(crate) struct PreparedSet<'g> {
    pub preparer: Preparer<'g>,
    pub prepared: Vec<Prepared>,
    similar: RefCell<FxHashMap<u64, bool>>,
}

impl PreparedSet<'static> {
    pub(crate) fn new(places: &[Place]) -> PreparedSet<'static> {
        let mut preparer = Preparer::new(Gazetteer::embedded());
        let prepared = places.iter().map(|p| preparer.prepare(p)).collect();
        PreparedSet {
            preparer,
            prepared,
            similar: RefCell::default(),
        }
    }
}

impl PreparedSet<'_> {
    /// Compares two places (the word similarities cached for one configuration at a time).
    pub(crate) fn compare(&self, i: usize, j: usize, config: &Config) -> Comparison {
        let words = Words::new(&self.preparer.interner, &config.similarity, &self.similar);
        compare(&self.prepared[i], &self.prepared[j], &words, config)
    }
}

/// Finds the duplicates among places: candidate pairs (places within
/// [`Config::radius_m`], and places of one commune whose names share a distinctive word),
/// each compared by every comparator and decided. Pairs are independent of the order of the
/// places and of `left`/`right`.
///
/// ```
/// use inclusion_merge::{find_duplicates, Config, Decision};
/// use inclusion_model::{Address, Coordinates, Place};
/// use chrono::NaiveDate;
///
/// let place = |id: &str, name: &str, street: &str, lat: f64| {
///     let mut p = Place::new(id, "00000000000000", name, Address::new(street, "16100", "Cognac"),
///         NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
///     p.coordinates = Some(Coordinates::new(lat, -0.33).unwrap());
///     p
/// };
/// let places = [
///     place("a", "APEJ", "72 Rue de Pons", 45.6950),
///     place("b", "APEJ COGNAC", "72 RUE DE PONS", 45.6951),
///     place("c", "Médiathèque de Cognac", "10 Rue du Minage", 45.6960),
/// ];
/// let pairs = find_duplicates(&places, &Config::default())?;
/// let dup: Vec<_> = pairs.with_decision(Decision::Duplicate).collect();
/// assert_eq!(dup.len(), 1);
/// assert_eq!((dup[0].left.as_str(), dup[0].right.as_str()), ("a", "b"));
/// assert!(dup[0].reasons.iter().any(|r| r.en.contains("same address")));
/// # Ok::<(), inclusion_merge::MergeError>(())
/// ```
///
/// # Errors
/// [`MergeError::Config`] for an invalid configuration, [`MergeError::TooManyPlaces`] beyond
/// 2³² − 1 places.
pub fn find_duplicates(places: &[Place], config: &Config) -> Result<Pairs, MergeError> {
    config.validate()?;
    if places.len() >= u32::MAX as usize {
        return Err(MergeError::TooManyPlaces(places.len()));
    }
    let set = PreparedSet::new(places);
    let (candidates, candidate_stats) =
        candidates(&set.prepared, config.radius_m, config.name_block_limit);
    let mut stats = PairStats {
        candidates: candidate_stats,
        ..PairStats::default()
    };
    let mut kept = Vec::new();
    for (i, j) in candidates {
        let (i, j) = (i as usize, j as usize);
        let comparison = set.compare(i, j, config);
        let decision = Decision::of_score(comparison.score(), &config.thresholds);
        match decision {
            Decision::Duplicate => stats.duplicates += 1,
            Decision::Review => stats.reviews += 1,
            Decision::Distinct => stats.distinct += 1,
        }
        if decision != Decision::Distinct || config.keep_distinct {
            kept.push(build_pair(places, &set, i, j, &comparison, config));
        }
    }
    kept.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.left_index.cmp(&b.left_index))
            .then(a.right_index.cmp(&b.right_index))
    });
    Ok(Pairs {
        rules: config.version.clone(),
        thresholds: config.thresholds.clone(),
        stats,
        pairs: kept,
    })
}

/// Compares two places, whatever their distance, and explains the decision.
///
/// ```
/// use inclusion_merge::{explain, Config, Decision};
/// use inclusion_model::{Address, Place};
/// use chrono::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
/// let mairie = Place::new("m", "00000000000000", "Mairie de Marthon",
///     Address::new("40 Grande Rue", "16380", "Marthon"), day);
/// let fs = Place::new("f", "00000000000000", "France Services de Marthon",
///     Address::new("40 Grande Rue", "16380", "Marthon"), day);
/// let pair = explain(&mairie, &fs, &Config::default());
/// assert_eq!(pair.decision, Decision::Distinct);
/// assert!(pair.reasons.iter().any(|r| r.en.contains("two kinds of organisation")));
/// ```
pub fn explain(a: &Place, b: &Place, config: &Config) -> Pair {
    let places = [a.clone(), b.clone()];
    let set = PreparedSet::new(&places);
    let comparison = set.compare(0, 1, config);
    build_pair(&places, &set, 0, 1, &comparison, config)
}

pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn serialize_round1<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(round1(*x))
}

fn serialize_round1_option<S: serde::Serializer>(x: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match x {
        Some(x) => s.serialize_some(&round1(*x)),
        None => s.serialize_none(),
    }
}

pub(crate) fn build_pair(
    places: &[Place],
    set: &PreparedSet<'_>,
    i: usize,
    j: usize,
    comparison: &Comparison,
    config: &Config,
) -> Pair {
    let (a, b) = (&places[i], &places[j]);
    let (pa, pb) = (&set.prepared[i], &set.prepared[j]);
    let score = comparison.score();
    let decision = Decision::of_score(score, &config.thresholds);
    let reasons: Vec<Reason> = comparison
        .evidence()
        .iter()
        .map(|e| {
            let texts = describe(e, a, b, pa, pb);
            Reason {
                comparator: e.comparator,
                outcome: e.outcome,
                sub_score: (!e.similarity.is_nan())
                    .then(|| (f64::from(e.similarity) * 100.0).round() / 100.0),
                points: f64::from(e.points),
                en: texts.en,
                fr: texts.fr,
            }
        })
        .collect();
    let decided_by = decided_by(decision, score, comparison, &reasons, config);
    Pair {
        left: a.id.to_string(),
        right: b.id.to_string(),
        decision,
        score,
        distance_m: comparison.distance_m,
        reasons,
        decided_by,
        left_index: i,
        right_index: j,
    }
}

fn decided_by(
    decision: Decision,
    score: f64,
    comparison: &Comparison,
    reasons: &[Reason],
    config: &Config,
) -> DecidedBy {
    let t = &config.thresholds;
    let (rel, threshold) = match decision {
        Decision::Duplicate => ("≥", t.duplicate),
        Decision::Review => ("≥", t.review),
        Decision::Distinct => ("<", t.review),
    };
    // A rule that vetoes (R4) decides alone.
    if let Some(r) = reasons
        .iter()
        .find(|r| r.comparator == Comparator::Itinerant && r.points < 0.0)
    {
        return DecidedBy {
            en: format!("{}: rule R4, {}", decision.as_str(), r.en),
            fr: format!("{} : règle R4, {}", decision_fr(decision), r.fr),
        };
    }
    let mut strongest: Vec<&Reason> = reasons.iter().filter(|r| r.points != 0.0).collect();
    strongest.sort_by(|a, b| b.points.abs().total_cmp(&a.points.abs()));
    strongest.truncate(3);
    let list = |fr: bool| {
        strongest
            .iter()
            .map(|r| {
                let name = comparator_name(r.comparator, fr);
                format!("{name} {:+}", r.points)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let total = comparison.points;
    DecidedBy {
        en: format!(
            "{}: score {:.1} {rel} {threshold} (points {total:+.2}; strongest: {})",
            decision.as_str(),
            score,
            list(false)
        ),
        fr: format!(
            "{} : score {:.1} {rel} {threshold} (points {total:+.2} ; les plus forts : {})",
            decision_fr(decision),
            score,
            list(true)
        ),
    }
}

fn decision_fr(d: Decision) -> &'static str {
    match d {
        Decision::Duplicate => "doublon",
        Decision::Review => "à revoir",
        Decision::Distinct => "distincts",
    }
}

fn comparator_name(c: Comparator, fr: bool) -> &'static str {
    match (c, fr) {
        (Comparator::Name, false) => "name",
        (Comparator::Name, true) => "nom",
        (Comparator::Kind, false) => "kind",
        (Comparator::Kind, true) => "type",
        (Comparator::Address, false) => "address",
        (Comparator::Address, true) => "adresse",
        (Comparator::Commune, _) => "commune",
        (Comparator::Distance, _) => "distance",
        (Comparator::Identifier, false) => "identifier",
        (Comparator::Identifier, true) => "identifiant",
        (Comparator::Phone, false) => "phone",
        (Comparator::Phone, true) => "téléphone",
        (Comparator::Email, false) => "e-mail",
        (Comparator::Email, true) => "courriel",
        (Comparator::Website, false) => "website",
        (Comparator::Website, true) => "site web",
        (Comparator::Typology, _) => "typologie",
        (Comparator::Parent, false) => "parent",
        (Comparator::Parent, true) => "structure parente",
        (Comparator::FranceServices, _) => "France Services R7b",
        (Comparator::Itinerant, false) => "itinerant R4",
        (Comparator::Itinerant, true) => "itinérance R4",
    }
}
