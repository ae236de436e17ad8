//! [`GeoError`]: what can go wrong in this crate.

/// Why a query (or a gazetteer lookup) cannot be answered. Every message says what to fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum GeoError {
    /// The query position is not a finite WGS84 position.
    #[error(
        "invalid query position ({latitude}, {longitude}): latitude must be a finite number in \
         [-90, 90] and longitude a finite number in [-180, 180], in decimal degrees"
    )]
    InvalidCoordinates {
        /// The latitude given.
        latitude: f64,
        /// The longitude given.
        longitude: f64,
    },
    /// `k = 0`: a nearest query must ask for at least one place.
    #[error("k must be at least 1 (the number of nearest places to return)")]
    ZeroK,
    /// A radius or maximum distance that is negative or not a number.
    #[error("invalid distance {0} m: a radius or maximum distance must be a finite number >= 0")]
    InvalidDistance(f64),
    /// A query with neither `k` nor a maximum distance would return the whole dataset.
    #[error("the query has neither k nor max_distance_m: give at least one of them")]
    Unbounded,
    /// More places than the index can number (2³² − 1).
    #[error("{0} places is more than the index can hold (at most 4,294,967,294)")]
    TooManyPlaces(usize),
    /// A commune name, code or postcode that matches nothing.
    #[error("no commune matches '{query}'{}", suggestions_text(.suggestions))]
    UnknownCommune {
        /// What was looked up.
        query: String,
        /// Close names, best first (may be empty).
        suggestions: Vec<String>,
    },
    /// A commune name shared by several communes: the département tells them apart.
    #[error("'{query}' names several communes: {}; add the département (e.g. '{query} ({})')", .candidates.join(", "), .candidates.first().map(|c| departement_of(c)).unwrap_or_default())]
    AmbiguousCommune {
        /// What was looked up.
        query: String,
        /// `Name (département)` of each commune with that name.
        candidates: Vec<String>,
    },
    // Coverage (see `coverage`).
    /// A région code that is not one of the 18 INSEE codes.
    #[error("unknown région code '{code}'; valid codes: {valid}", code = .0, valid = crate::coverage::error::valid_regions())]
    UnknownRegion(String),
    /// A département or collectivity code that does not exist.
    #[error(
        "unknown département code '{0}': use 01 to 95 (without 20), 2A, 2B, 971 to 976, or an \
         overseas collectivity 975, 977, 978, 984, 986, 987, 988, 989"
    )]
    UnknownDepartement(String),
    /// Codes INSEE that the gazetteer does not know.
    #[error(
        "{} unknown code(s) INSEE: {}; give current commune codes (5 characters, e.g. 38185 or \
         2A004)",
        .0.len(), .0.join(", ")
    )]
    UnknownCommunes(Vec<String>),
    /// The territory holds no commune (an empty list of codes, or an empty gazetteer).
    #[error("the territory '{0}' holds no commune: nothing to measure")]
    EmptyTerritory(String),
    /// No place of the index has coordinates.
    #[error(
        "none of the {0} place(s) has coordinates: coverage is measured from the places' \
         latitude and longitude; give places with coordinates"
    )]
    NoPlaces(usize),
    /// A distance threshold that is negative or not a finite number, or no threshold at all.
    #[error("invalid distance threshold {0} km: thresholds must be finite numbers >= 0")]
    InvalidThreshold(f64),
    /// No threshold was given.
    #[error("give at least one distance threshold (in km), e.g. 5, 10, 20")]
    NoThresholds,
}

fn suggestions_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", suggestions.join(", "))
    }
}

fn departement_of(candidate: &str) -> String {
    candidate
        .rsplit_once('(')
        .map(|(_, d)| d.trim_end_matches(')').to_owned())
        .unwrap_or_default()
}
