//! Property tests: the readers never panic, and write-then-read returns the same places.

use chrono::NaiveDate;
use inclusion_model::{
    AccessMode, Address, Coordinates, Fee, Level, Mobility, NationalProgramme, OpeningHours, Place,
    Public, ReadOptions, Service, SpecificSupport, SupportMode, TrainingLabel, Typology,
    Vocabulary, read_bytes, read_csv_str, read_json_slice, to_csv_string, to_json_string,
};
use proptest::prelude::*;

fn vocab<V: Vocabulary>() -> impl Strategy<Value = Vec<V>> {
    prop::collection::vec(prop::sample::select(V::ALL), 0..4)
}

/// Free text as found in real files: letters, accents, punctuation, quotes, commas, newlines —
/// but no `|` (a list separator) and not empty (empty = absent).
fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9éèàçÉÎœ«» ,;:'\"\n./()-]{1,40}".prop_filter("not blank", |s| !s.is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn item() -> impl Strategy<Value = String> {
    "[A-Za-z0-9@._-]{1,20}"
}

prop_compose! {
    fn place()(
        id in "[a-z0-9-]{1,12}",
        pivot in "[0-9]{14}|W[0-9]{9}",
        name in text(),
        street in text(),
        complement in opt_text(),
        postcode in "[0-9]{5}",
        insee in prop::option::of("[013-9][0-9]{4}|2[AB1-9][0-9]{3}"),
        commune in text(),
        coords in prop::option::of((-90.0f64..=90.0, -180.0f64..=180.0)),
        typology in prop::collection::vec(prop_oneof![
            prop::sample::select(Typology::LISTED).prop_map(|t| t.clone()),
            "[A-Z_]{2,10}".prop_map(|s| s.parse::<Typology>().unwrap()),
        ], 0..3),
        phone in prop::option::of("\\+33[0-9]{9}"),
        emails in prop::collection::vec(item(), 0..3),
        websites in prop::collection::vec(item(), 0..3),
        hours in opt_text(),
        summary in opt_text(),
        description in opt_text(),
        source in opt_text(),
        mobility in vocab::<Mobility>(),
        parent in opt_text(),
        days in 0i64..20000,
        services in vocab::<Service>(),
        publics in vocab::<Public>(),
        support in vocab::<SpecificSupport>(),
        fees in vocab::<Fee>(),
        programmes in vocab::<NationalProgramme>(),
        labels in vocab::<TrainingLabel>(),
        other_labels in prop::collection::vec(item(), 0..3),
        access in vocab::<AccessMode>(),
        modes in vocab::<SupportMode>(),
        a11y in prop::option::of(item()),
        booking in prop::option::of(item()),
        extra in prop::collection::btree_map("x_[a-z]{1,6}", "[a-zé ,\"|;]{1,8}", 0..3),
    ) -> Place {
        let date = NaiveDate::from_ymd_opt(1980, 1, 1).unwrap() + chrono::Duration::days(days);
        let mut address = Address::new(street, postcode, commune);
        address.complement = complement.map(Into::into);
        address.insee_code = insee.map(Into::into);
        let mut p = Place::new(id, pivot, name, address, date);
        p.coordinates = coords.map(|(a, b)| Coordinates::new(a, b).unwrap());
        p.typology = typology;
        p.contact.phone = phone.map(Into::into);
        p.contact.emails = emails.into_iter().map(Into::into).collect();
        p.contact.websites = websites.into_iter().map(Into::into).collect();
        p.opening_hours = hours.map(OpeningHours::new);
        p.summary = summary.map(Into::into);
        p.description = description.map(Into::into);
        p.source = source.map(Into::into);
        p.mobility = mobility.into();
        p.parent_organisation = parent.map(Into::into);
        p.services = services.into();
        p.publics = publics.into();
        p.specific_support = support.into();
        p.fees = fees.into();
        p.national_programmes = programmes.into();
        p.training_labels = labels.into();
        p.other_labels = other_labels.into_iter().map(Into::into).collect();
        p.access_modes = access.into();
        p.support_modes = modes.into();
        p.accessibility_url = a11y.map(Into::into);
        p.booking_url = booking.map(Into::into);
        // Columns outside the standard, as a file may hold them (unique names, non-empty).
        p.extra = extra.into_iter().collect();
        p
    }
}

fn sorted_extra(mut places: Vec<Place>) -> Vec<Place> {
    for p in &mut places {
        p.extra.sort();
    }
    places
}

fn unique_ids(mut places: Vec<Place>) -> Vec<Place> {
    for (i, p) in places.iter_mut().enumerate() {
        p.id = format!("{i}-{}", p.id).into();
    }
    places
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_give_diagnostics_or_places(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for level in [Level::Standard, Level::Strict] {
            let options = ReadOptions::default().with_level(level).with_lenient(level == Level::Strict);
            let report = read_bytes(&bytes, &options);
            prop_assert!(report.places.len() <= report.rows);
            prop_assert!(report.invalid_rows <= report.rows);
            let json = read_json_slice(&bytes, &options);
            prop_assert!(json.places.len() <= json.rows);
            prop_assert!(json.invalid_rows <= json.rows);
            // Random bytes are not a JSON array of records: when nothing is read, an error
            // says why (unless the bytes are an empty array).
            let empty_array = serde_json::from_slice::<Vec<serde_json::Value>>(&bytes)
                .is_ok_and(|v| v.is_empty());
            if json.rows == 0 && !empty_array {
                prop_assert!(json.errors().next().is_some(), "{:?}", json);
            }
        }
    }

    #[test]
    fn csv_write_then_read_returns_the_same_places(places in prop::collection::vec(place(), 0..6)) {
        let places = unique_ids(places);
        let csv = to_csv_string(&places).unwrap();
        let report = read_csv_str(&csv, &ReadOptions::default());
        prop_assert!(!report.has_errors(), "{:?}", report.diagnostics);
        // Columns outside the standard come back in the file's column order.
        prop_assert_eq!(sorted_extra(report.places.clone()), sorted_extra(places));
        prop_assert_eq!(to_csv_string(&report.places).unwrap(), csv);
    }

    #[test]
    fn validating_without_keeping_the_places_finds_the_same_problems(
        places in prop::collection::vec(place(), 0..6),
        noise in prop::collection::vec((0usize..6, 0usize..40, "[a-z0-9|,]{0,4}"), 0..4),
        strict in any::<bool>(),
        lenient in any::<bool>(),
    ) {
        // Written places, some cells replaced by noise, and the first id repeated.
        let mut places = unique_ids(places);
        if let (Some(first), true) = (places.first().map(|p| p.id.clone()), places.len() > 2) {
            places[2].id = first;
        }
        let mut csv: Vec<Vec<String>> = to_csv_string(&places)
            .unwrap()
            .lines()
            .map(|l| l.split("\",\"").map(str::to_owned).collect())
            .collect();
        for (row, cell, text) in noise {
            let rows = csv.len();
            if let Some(c) = csv.get_mut(1 + row % rows.max(1)).and_then(|r| { let n = r.len(); r.get_mut(cell % n) }) {
                *c = text;
            }
        }
        let text: String = csv.iter().map(|r| r.join("\",\"") + "\n").collect();
        let options = ReadOptions::default()
            .with_level(if strict { Level::Strict } else { Level::Standard })
            .with_lenient(lenient);
        let kept = read_csv_str(&text, &options);
        let checked = read_csv_str(&text, &options.clone().with_keep_places(false));
        prop_assert!(checked.places.is_empty());
        // The places not built are counted as the ones kept.
        prop_assert_eq!(checked.place_count(), kept.places.len());
        prop_assert_eq!(&checked.diagnostics, &kept.diagnostics);
        prop_assert_eq!((checked.rows, checked.invalid_rows), (kept.rows, kept.invalid_rows));
        prop_assert_eq!(checked.counts(), kept.counts());
    }

    #[test]
    fn json_write_then_read_returns_the_same_places(places in prop::collection::vec(place(), 0..6)) {
        let places = unique_ids(places);
        let json = to_json_string(&places).unwrap();
        let report = read_json_slice(json.as_bytes(), &ReadOptions::default());
        prop_assert!(!report.has_errors(), "{:?}", report.diagnostics);
        prop_assert_eq!(report.places, places);
    }
}

/// CSV text with the 7 required columns and some optional ones in any order, and rows written
/// from valid places with a few cells replaced by noise: the rows reach the validator (unlike
/// random headers, which almost never hold the 7 required columns). Also random headers and
/// rows. Nothing panics, every row is counted, every row without error is kept, and every row
/// with an error has a diagnostic naming it; the test counts the rows that were validated.
#[test]
fn csv_like_text_never_panics() {
    use inclusion_model::Column;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[derive(Debug, Clone)]
    enum Input {
        Random(Vec<Column>, Vec<Vec<String>>),
        NearValid {
            places: Vec<Place>,
            keep: Vec<bool>,
            order: Vec<usize>,
            noise: Vec<(usize, usize, String)>,
        },
    }
    let random = (
        prop::sample::subsequence(Column::ALL.to_vec(), 0..32),
        prop::collection::vec(prop::collection::vec("[^\\x00]{0,12}", 0..34), 0..5),
    )
        .prop_map(|(h, r)| Input::Random(h, r));
    let near_valid = (
        prop::collection::vec(place(), 1..5),
        prop::collection::vec(any::<bool>(), 32),
        Just((0..32).collect::<Vec<usize>>()).prop_shuffle(),
        prop::collection::vec((0usize..8, 0usize..32, "[^\\x00]{0,12}"), 0..4),
    )
        .prop_map(|(places, keep, order, noise)| Input::NearValid {
            places: unique_ids(places),
            keep,
            order,
            noise,
        });
    let input = prop_oneof![1 => random, 3 => near_valid];

    let (validated, kept, rejected) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let config = ProptestConfig::with_cases(256);
    let rng = proptest::test_runner::TestRng::deterministic_rng(config.rng_algorithm);
    proptest::test_runner::TestRunner::new_with_rng(config, rng)
        .run(&input, |input| {
            let (text, records) = match input {
                Input::Random(header, rows) => {
                    let mut text = header
                        .iter()
                        .map(|c| c.name())
                        .collect::<Vec<_>>()
                        .join(",");
                    text.push('\n');
                    for row in rows {
                        text.push_str(&row.join(","));
                        text.push('\n');
                    }
                    (text, None)
                }
                Input::NearValid {
                    places,
                    keep,
                    order,
                    noise,
                } => {
                    let canonical = to_csv_string(&places).unwrap();
                    let mut reader = csv::Reader::from_reader(canonical.as_bytes());
                    let header: Vec<String> = reader
                        .headers()
                        .unwrap()
                        .iter()
                        .map(str::to_owned)
                        .collect();
                    // The required columns and the optional ones kept, in a shuffled order.
                    let columns: Vec<usize> = order
                        .into_iter()
                        .filter(|&i| {
                            keep[i] || Column::from_name(&header[i]).unwrap().is_required()
                        })
                        .collect();
                    let mut rows: Vec<Vec<String>> = reader
                        .records()
                        .map(|r| {
                            let r = r.unwrap();
                            columns.iter().map(|&i| r[i].to_owned()).collect()
                        })
                        .collect();
                    for (row, column, value) in noise {
                        let n = rows.len();
                        let cells = &mut rows[row % n];
                        let c = column % cells.len();
                        cells[c] = value;
                    }
                    let mut writer = csv::Writer::from_writer(Vec::new());
                    writer
                        .write_record(columns.iter().map(|&i| &header[i]))
                        .unwrap();
                    for row in &rows {
                        writer.write_record(row).unwrap();
                    }
                    (
                        String::from_utf8(writer.into_inner().unwrap()).unwrap(),
                        Some(rows.len()),
                    )
                }
            };
            let report = read_csv_str(&text, &ReadOptions::strict().with_lenient(true));
            prop_assert!(report.places.len() <= report.rows);
            prop_assert!(
                report.valid_rows() <= report.places.len(),
                "a row without error was lost"
            );
            let rows_with_errors: std::collections::BTreeSet<usize> =
                report.errors().filter_map(|d| d.row()).collect();
            prop_assert_eq!(
                rows_with_errors.len(),
                report.invalid_rows,
                "{:?}",
                report.diagnostics
            );
            if let Some(n) = records {
                // Nothing is lost: every row written is counted, and reaches the validator.
                prop_assert_eq!(report.rows, n, "{}", text);
                prop_assert!(
                    report
                        .diagnostics
                        .iter()
                        .all(|d| d.row().is_some() || !d.is_error()),
                    "a file-level error for a file with the required columns: {:?}",
                    report.diagnostics
                );
                validated.fetch_add(1, Ordering::Relaxed);
            }
            kept.fetch_add(report.places.len(), Ordering::Relaxed);
            rejected.fetch_add(report.invalid_rows, Ordering::Relaxed);
            Ok(())
        })
        .unwrap();
    let (validated, kept, rejected) = (
        validated.into_inner(),
        kept.into_inner(),
        rejected.into_inner(),
    );
    eprintln!(
        "{validated} of 256 texts had their rows validated: {kept} places kept, {rejected} rows with errors"
    );
    assert!(
        validated > 150 && kept > 300 && rejected > 50,
        "{validated} {kept} {rejected}"
    );
}
