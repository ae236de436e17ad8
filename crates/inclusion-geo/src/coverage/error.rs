//! The coverage errors are variants of the crate's one error enum, [`GeoError`]; the name
//! [`CoverageError`] is kept as an alias for readability at call sites.

use crate::GeoError;

use super::territory::REGIONS;

/// Why a coverage run cannot be made: an alias of the crate's error enum, [`GeoError`].
pub type CoverageError = GeoError;

pub(crate) fn valid_regions() -> String {
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
