//! [`CoverageError`]: why a coverage run cannot be made.

use inclusion_territory::admin::REGIONS;

/// Why a coverage run cannot be made. Every message says what to fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CoverageError {
    /// A région code that is not one of the 18 INSEE codes.
    #[error("unknown région code '{code}'; valid codes: {valid}", code = .0, valid = valid_regions())]
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
    /// The scope holds no commune (an empty list of codes, or an empty gazetteer).
    #[error("the territory '{0}' holds no commune: nothing to measure")]
    EmptyTerritory(String),
    /// No place of the index has coordinates.
    #[error(
        "none of the {0} place(s) has coordinates: coverage is measured from the places' \
         latitude and longitude; give places with coordinates"
    )]
    NoPlaces(usize),
    /// A distance threshold that is negative or not a finite number.
    #[error("invalid distance threshold {0} km: thresholds must be finite numbers >= 0")]
    InvalidThreshold(f64),
    /// No threshold was given.
    #[error("give at least one distance threshold (in km), e.g. 5, 10, 20")]
    NoThresholds,
    /// A query of the nearest-help index failed.
    #[error(transparent)]
    Index(#[from] inclusion_geo::GeoError),
}

fn valid_regions() -> String {
    REGIONS
        .iter()
        .map(|r| format!("{} ({})", r.code, r.name))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_region_lists_every_valid_code() {
        let msg = CoverageError::UnknownRegion("85".into()).to_string();
        assert!(msg.contains("'85'"), "{msg}");
        for r in REGIONS {
            assert!(msg.contains(&format!("{} ({})", r.code, r.name)), "{msg}");
        }
    }

    #[test]
    fn messages_say_what_to_fix() {
        let msg = CoverageError::UnknownCommunes(vec!["99999".into(), "x".into()]).to_string();
        assert!(
            msg.starts_with("2 unknown code(s) INSEE: 99999, x;"),
            "{msg}"
        );
        assert!(
            CoverageError::NoPlaces(3)
                .to_string()
                .contains("give places with coordinates")
        );
        assert!(
            CoverageError::InvalidThreshold(-1.0)
                .to_string()
                .contains(">= 0")
        );
    }
}
