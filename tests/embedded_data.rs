//! The embedded dataset: reads without error, lies in France, and matches data/README.md.
#![cfg(feature = "embedded-data")]

use inclusion::data::{HINAURA_CSV, sample_places};
use inclusion::model::{ReadOptions, Service, read_csv_str};

#[test]
fn embedded_places_read_with_zero_standard_errors() {
    let report = read_csv_str(HINAURA_CSV, &ReadOptions::default());
    assert_eq!(report.rows, 687);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(sample_places(), report.places.as_slice());
}

#[test]
fn every_embedded_place_has_coordinates_inside_france() {
    let report = read_csv_str(HINAURA_CSV, &ReadOptions::strict());
    assert_eq!(report.invalid_rows, 0);
    let outside: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code().starts_with("coordinates."))
        .collect();
    assert!(outside.is_empty(), "{outside:#?}");
    assert!(sample_places().iter().all(|p| p.coordinates.is_some()));
}

#[test]
fn embedded_places_hold_no_e_mail_and_no_mobile_number() {
    for p in sample_places() {
        assert!(p.contact.emails.is_empty(), "{}", p.id);
        let phone = p.contact.phone.as_deref().unwrap_or("");
        assert!(
            !phone.starts_with("+336") && !phone.starts_with("+337"),
            "{}",
            p.id
        );
    }
}

#[test]
fn counts_per_service_in_data_readme_are_current() {
    let readme = include_str!("../data/README.md");
    for s in Service::ALL {
        let count = sample_places().iter().filter(|p| p.offers(*s)).count();
        let row = format!("| {} | {count} |", s.label_fr());
        assert!(
            readme.contains(&row),
            "data/README.md should have the row `{row}`"
        );
    }
}

/// The codes INSEE of the embedded file are those the enrichment step gives (the script
/// reproduces them), and the counts of data/README.md are current.
#[test]
fn embedded_codes_insee_are_the_enrichment_steps_and_the_readme_counts_them() {
    use inclusion::enrich::complete_insee_codes;
    use inclusion::territory::communes::Gazetteer;
    let g = Gazetteer::embedded();
    let embedded = sample_places();
    let mut stripped = embedded.to_vec();
    for p in &mut stripped {
        p.address.insee_code = None;
    }
    let report = complete_insee_codes(&mut stripped, g);
    assert_eq!(
        stripped.as_slice(),
        embedded,
        "rerun scripts/build-hinaura.sh"
    );
    let with_code = embedded
        .iter()
        .filter(|p| p.address.insee_code.is_some())
        .count();
    assert_eq!(with_code, report.completed.len());
    let readme = include_str!("../data/README.md");
    let line = format!(
        "**{} of {} completed**",
        report.completed.len(),
        embedded.len()
    );
    assert!(readme.contains(&line), "data/README.md should say {line}");
    let left = format!("**{} left without a code**", report.unresolved.len());
    assert!(readme.contains(&left), "data/README.md should say {left}");
    // Every code names a commune whose département is the postcode's (or a CEDEX one's).
    for p in embedded {
        if let Some(code) = &p.address.insee_code {
            let c = g.by_code(code).unwrap();
            assert_eq!(c.departement, p.address.postcode[..2], "{}", p.id);
        }
    }
}
