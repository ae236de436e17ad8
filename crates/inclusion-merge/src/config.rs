//! [`Config`]: the versioned rules of the comparison — candidate radius, string similarity,
//! the points each comparator gives, the thresholds of the three decisions — with defaults.
//!
//! # How a pair is decided
//!
//! Each comparator looks at one kind of evidence and gives *points*: positive when the
//! evidence says "same help point", negative when it says "two help points", zero when it
//! cannot tell. The points are added to the [`prior`](Weights::prior) (most candidate pairs
//! are distinct) and the sum `p` becomes a score `100 / (1 + e^-p)` between 0 and 100 (the
//! points are log-odds). The decision compares the score with the
//! [thresholds](DedupThresholds): `duplicate` at or above [`DedupThresholds::duplicate`], `review` at or
//! above [`DedupThresholds::review`], `distinct` below.
//!
//! The points follow the labelling policy of the reference data (rules R1–R12): the name and
//! the address weigh most; a specific shared contact counts, a person's contact little (R11);
//! two kinds of organisation in the names (a mairie and a France Services) weigh against
//! (R2); the same SIRET helps, but not against different addresses (R6); two stops of an
//! itinerant service are never merged (R4); two France Services of one commune a few hundred
//! metres apart are one (R7b).
//!
//! | comparator | outcome | default points |
//! |---|---|---|
//! | — | prior | −2 |
//! | name | same organisation named (every distinctive word of each name found in the other, acronyms included) | +4 (+3 when each name has a single distinctive word and their other words differ) |
//! | name | equivalent (one name is generic, the other's words are all in it) | +3 |
//! | name | one name contained in the other | +2.5 |
//! | name | partial overlap (at least half) | +1 |
//! | name | both generic, same words | +1 |
//! | name | nothing in common | −3 |
//! | kind | two different kinds of organisation (mairie / France Services / library / CCAS...) | −4 |
//! | address | same number and street | +3 |
//! | address | same street, neighbouring numbers (≤ 4 apart) | +1 |
//! | address | same street, a number missing | +1 |
//! | address | same street, numbers far apart | −2 |
//! | address | different streets | −2.5 (−0.75 within 60 m) |
//! | commune | different communes (code INSEE, or postcode and name) | −2.5 |
//! | distance | ≤ 30 m / ≤ 100 m / ≤ 250 m / ≤ 600 m | +1.5 / +1 / +0.5 / 0 |
//! | distance | ≤ 2 km / ≤ 10 km / more | −1.5 / −3 / −5 (none with the same address, at most −1.5 on the same street) |
//! | identifier | same SIRET or RNA | +1.5 |
//! | identifier | same SIREN, other establishment | −0.5 |
//! | identifier | different | −1 |
//! | phone | same number, a place's | +3 |
//! | phone | same number, a mobile or from a per-person feed | +1 |
//! | phone | different numbers | −1 |
//! | e-mail | a shared address, a place's | +2 |
//! | e-mail | a shared address, a person's | +0.5 |
//! | e-mail | different addresses | −0.5 |
//! | website | same page / same site | +1 / +0.25 |
//! | typologie | a shared (or compatible) code / disjoint codes | +0.25 / −1 |
//! | structure parente | same / different | +0.5 / −0.75 |
//! | France Services | two France Services of one commune within 500 m, names and phones not contradicting (R7b) | +3 |
//! | itinerant | a stop of an itinerant service and another place or stop (R4) | −10 |
//!
//! Defaults: `duplicate` at 95 (`p` ≥ 2.94), `review` at 75 (`p` ≥ 1.10).
//!
//! ```
//! use inclusion_merge::Config;
//!
//! let config = Config::default();
//! assert_eq!(config.version, inclusion_merge::RULES_VERSION);
//! // A configuration file may change a few values only.
//! let custom: Config = serde_json::from_str(r#"{"radius_m": 300, "thresholds": {"duplicate": 97}}"#)?;
//! assert_eq!(custom.radius_m, 300.0);
//! assert_eq!(custom.thresholds.review, 75.0);
//! custom.validate()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::MergeError;

/// The version of the default rules. Change it whenever a default changes, so that a
/// decision can always be traced to the rules that made it.
pub const RULES_VERSION: &str = "merge-rules-1";

/// The rules of a deduplication run (see the [module documentation](self)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Config {
    /// The version of these rules, recorded with every result (default: [`RULES_VERSION`]).
    pub version: String,
    /// Places closer than this (metres, great-circle) are compared (default 500).
    pub radius_m: f64,
    /// In one commune, places whose names share a distinctive word are compared whatever
    /// their distance, unless more than this many places of the commune share it (then the word
    /// is not distinctive there). Default 50.
    pub name_block_limit: usize,
    /// The string similarity used to match words of names and streets.
    pub similarity: Similarity,
    /// The decision thresholds.
    pub thresholds: DedupThresholds,
    /// The points of each comparator.
    pub weights: Weights,
    /// Whether two places of the same source (`source` field) may be merged into one cluster
    /// (default: no; pairs are still reported).
    pub allow_internal: bool,
    /// The largest cluster built (default 20): a larger group is almost always a chain of
    /// different places.
    pub max_cluster_size: usize,
    /// Whether [`find_duplicates`](crate::find_duplicates) keeps the distinct pairs too (with
    /// their reasons). Default: no, they are only counted.
    pub keep_distinct: bool,
    /// The date from which the freshness of `date_maj` is measured (default: today).
    pub today: Option<NaiveDate>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            version: RULES_VERSION.to_owned(),
            radius_m: 500.0,
            name_block_limit: 50,
            similarity: Similarity::default(),
            thresholds: DedupThresholds::default(),
            weights: Weights::default(),
            allow_internal: false,
            max_cluster_size: 20,
            keep_distinct: false,
            today: None,
        }
    }
}

impl Config {
    /// Checks that the values make sense: thresholds between 0 and 100 with `review` ≤
    /// `duplicate`, a radius between 1 m and 50 km, a similarity threshold in (0, 1], finite
    /// points, a cluster size of at least 2.
    ///
    /// # Errors
    /// [`MergeError::Config`] naming the value to fix.
    pub fn validate(&self) -> Result<(), MergeError> {
        let bad = |what: String| Err(MergeError::Config(what));
        let t = &self.thresholds;
        if !(0.0..=100.0).contains(&t.duplicate) || !(0.0..=100.0).contains(&t.review) {
            return bad(format!(
                "thresholds must be between 0 and 100 (duplicate {}, review {})",
                t.duplicate, t.review
            ));
        }
        if t.review > t.duplicate {
            return bad(format!(
                "the review threshold ({}) must not exceed the duplicate threshold ({})",
                t.review, t.duplicate
            ));
        }
        if !(1.0..=50_000.0).contains(&self.radius_m) {
            return bad(format!(
                "radius_m must be between 1 and 50000 metres, not {}",
                self.radius_m
            ));
        }
        let s = self.similarity.word_threshold;
        if !(s > 0.0 && s <= 1.0) {
            return bad(format!(
                "similarity.word_threshold must be in (0, 1], not {s}"
            ));
        }
        if self.max_cluster_size < 2 {
            return bad("max_cluster_size must be at least 2".to_owned());
        }
        if let Some(name) = self.weights.first_not_finite() {
            return bad(format!("weights.{name} must be a finite number"));
        }
        Ok(())
    }

    pub(crate) fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Utc::now().date_naive())
    }
}

/// The thresholds of the decisions, on the 0–100 score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct DedupThresholds {
    /// At or above: `duplicate` (default 95).
    pub duplicate: f64,
    /// At or above (and below `duplicate`): `review` (default 75).
    pub review: f64,
}

impl Default for DedupThresholds {
    fn default() -> DedupThresholds {
        DedupThresholds {
            duplicate: 95.0,
            review: 75.0,
        }
    }
}

/// The string similarity that matches two words (a typo, an abbreviation left).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Similarity {
    /// The measure (default: Jaro-Winkler, chosen by measurement: see ARCHITECTURE.md).
    pub metric: Metric,
    /// Two words match at or above this similarity (default 0.85).
    pub word_threshold: f64,
}

impl Default for Similarity {
    fn default() -> Similarity {
        Similarity {
            metric: Metric::JaroWinkler,
            word_threshold: 0.85,
        }
    }
}

/// A string similarity of the `strsim` crate, between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Metric {
    /// Jaro-Winkler (`strsim::jaro_winkler`): rewards a common beginning.
    JaroWinkler,
    /// Normalised Levenshtein (`strsim::normalized_levenshtein`).
    Levenshtein,
    /// Sørensen-Dice on character bigrams (`strsim::sorensen_dice`).
    SorensenDice,
    /// Equality only.
    Exact,
}

impl Metric {
    /// The similarity of two words.
    pub fn similarity(self, a: &str, b: &str) -> f64 {
        if a == b {
            return 1.0;
        }
        match self {
            Metric::JaroWinkler => strsim::jaro_winkler(a, b),
            Metric::Levenshtein => strsim::normalized_levenshtein(a, b),
            Metric::SorensenDice => strsim::sorensen_dice(a, b),
            Metric::Exact => 0.0,
        }
    }
}

macro_rules! weights {
    ($( $(#[doc = $doc:literal])* $field:ident = $default:expr; )+) => {
        /// The points of each comparator's outcomes (log-odds; see the
        /// [module documentation](self) for the table).
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(default, deny_unknown_fields)]
        #[non_exhaustive]
        pub struct Weights {
            $( $(#[doc = $doc])* pub $field: f64, )+
        }

        impl Default for Weights {
            fn default() -> Weights {
                Weights { $( $field: $default, )+ }
            }
        }

        impl Weights {
            fn first_not_finite(&self) -> Option<&'static str> {
                $( if !self.$field.is_finite() { return Some(stringify!($field)); } )+
                None
            }
        }
    };
}

weights! {
    /// Added to every pair: most candidate pairs are distinct.
    prior = -2.0;
    /// Every distinctive word of each name is found in the other (acronyms included).
    name_same = 4.0;
    /// The same, but each name has a single distinctive word (often a building's or a
    /// district's name) and their generic words differ (« Cyber espace La Turbine »,
    /// « Médiathèque La Turbine »).
    name_same_one_word = 3.0;
    /// One name is generic, the other's distinctive words are all in it.
    name_equivalent = 3.0;
    /// The distinctive words of one name are all in the other, which has more.
    name_contained = 2.5;
    /// At least half of the distinctive words are shared.
    name_partial = 1.0;
    /// Both names are generic and say the same (« Mairie de Roussas » twice): the same kind
    /// of organisation of the same commune.
    name_generic_same = 2.5;
    /// Both names are generic, the words of one all in the other (« Mairie » and « Mairie
    /// annexe »).
    name_generic_contained = 1.0;
    /// The names share no distinctive word.
    name_different = -3.0;
    /// The names state two kinds of organisation that cannot be one (R2).
    kind_different = -4.0;
    /// Same house number and street.
    address_same = 3.0;
    /// Same street, house numbers at most 4 apart.
    address_neighbour = 1.0;
    /// Same street, at least one house number missing.
    address_same_street = 1.0;
    /// Same street, house numbers more than 4 apart.
    address_far_number = -2.0;
    /// Different streets, more than 60 m apart (or without coordinates).
    address_different = -2.5;
    /// Different streets within 60 m: one building on a corner, or a renamed street.
    address_different_near = -0.75;
    /// Different communes (R5: a network in neighbouring communes).
    commune_different = -2.5;
    /// At most 30 m apart.
    distance_30 = 1.5;
    /// At most 100 m apart.
    distance_100 = 1.0;
    /// At most 250 m apart.
    distance_250 = 0.5;
    /// At most 600 m apart.
    distance_600 = 0.0;
    /// At most 2 km apart.
    distance_2000 = -1.5;
    /// At most 10 km apart.
    distance_10000 = -3.0;
    /// More than 10 km apart.
    distance_far = -5.0;
    /// Same SIRET (or RNA).
    identifier_same = 1.5;
    /// Same SIREN, another establishment (R6: sites of one legal entity).
    identifier_same_entity = -0.5;
    /// Different identifiers.
    identifier_different = -1.0;
    /// Same phone number, a landline (a place's).
    phone_same = 3.0;
    /// Same phone number, a mobile (often a person's: R11).
    phone_same_personal = 1.0;
    /// Different phone numbers.
    phone_different = -1.0;
    /// A shared e-mail address of a place (`contact@`, `mediatheque@`...).
    email_same = 2.0;
    /// A shared e-mail address of a person (`prenom.nom@`: R11).
    email_same_personal = 0.5;
    /// Different e-mail addresses.
    email_different = -0.5;
    /// The same web page.
    website_same = 1.0;
    /// The same web site, other pages (a network's site).
    website_same_host = 0.25;
    /// A shared or compatible typologie code.
    typology_shared = 0.25;
    /// Typologie codes with nothing in common.
    typology_disjoint = -1.0;
    /// The same parent structure.
    parent_same = 0.5;
    /// Different parent structures.
    parent_different = -0.75;
    /// Two France Services of one commune within 500 m, names and contacts not contradicting
    /// (R7b); their address difference then counts for nothing.
    one_france_services = 5.0;
    /// An itinerant stop against another place or another stop (R4).
    itinerant = -10.0;
}
