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
