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
    ) -> Place {
        let date = NaiveDate::from_ymd_opt(1980, 1, 1).unwrap() + chrono::Duration::days(days);
        let mut address = Address::new(street, postcode, commune);
        address.complement = complement;
        address.insee_code = insee;
        let mut p = Place::new(id, pivot, name, address, date);
        p.coordinates = coords.map(|(a, b)| Coordinates::new(a, b).unwrap());
        p.typology = typology;
        p.contact.phone = phone;
        p.contact.emails = emails;
        p.contact.websites = websites;
        p.opening_hours = hours.map(OpeningHours::new);
        p.summary = summary;
        p.description = description;
        p.source = source;
        p.mobility = mobility.into();
        p.parent_organisation = parent;
        p.services = services.into();
        p.publics = publics.into();
        p.specific_support = support.into();
        p.fees = fees.into();
        p.national_programmes = programmes.into();
        p.training_labels = labels.into();
        p.other_labels = other_labels;
        p.access_modes = access.into();
        p.support_modes = modes.into();
        p.accessibility_url = a11y;
        p.booking_url = booking;
        p
    }
}

fn unique_ids(mut places: Vec<Place>) -> Vec<Place> {
    for (i, p) in places.iter_mut().enumerate() {
        p.id = format!("{i}-{}", p.id);
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
            let _ = read_json_slice(&bytes, &options);
        }
    }

    #[test]
    fn csv_like_text_never_panics(
        header in prop::sample::subsequence(inclusion_model::Column::ALL.to_vec(), 0..32),
        rows in prop::collection::vec(prop::collection::vec("[^\\x00]{0,12}", 0..34), 0..5),
    ) {
        let mut text = header.iter().map(|c| c.name()).collect::<Vec<_>>().join(",");
        text.push('\n');
        for row in rows {
            text.push_str(&row.join(","));
            text.push('\n');
        }
        let report = read_csv_str(&text, &ReadOptions::strict().with_lenient(true));
        prop_assert!(report.places.len() <= report.rows);
    }

    #[test]
    fn csv_write_then_read_returns_the_same_places(places in prop::collection::vec(place(), 0..6)) {
        let places = unique_ids(places);
        let csv = to_csv_string(&places).unwrap();
        let report = read_csv_str(&csv, &ReadOptions::default());
        prop_assert!(!report.has_errors(), "{:?}", report.diagnostics);
        prop_assert_eq!(&report.places, &places);
        prop_assert_eq!(to_csv_string(&report.places).unwrap(), csv);
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

/// A CSV file of rows with frequent defects: repeated ids, bad pivots, postcodes, dates, labels
/// and coordinates, missing values, cells too many.
fn defective_csv() -> impl Strategy<Value = String> {
    let row = (
        prop::sample::select(vec!["a", "b", "c", ""]),
        prop::sample::select(vec!["43493312300029", "12", "00000000000000"]),
        prop::sample::select(vec!["51100", "5110", ""]),
        prop::sample::select(vec!["2024-04-02", "2024-13-01", "1970-01-01"]),
        prop::sample::select(vec!["Gratuit", "gratuit", "Gratos|Payant", ""]),
        prop::sample::select(vec!["49.25", "95", "x", ""]),
        any::<bool>(),
    );
    prop::collection::vec(row, 0..40).prop_map(|rows| {
        let mut text =
            String::from("id,pivot,nom,commune,code_postal,adresse,date_maj,frais_a_charge,latitude,longitude,Services\n");
        for (id, pivot, postcode, date, fees, lat, extra) in rows {
            text.push_str(&format!(
                "{id},{pivot},Mairie,Reims,{postcode},1 rue X,{date},{fees},{lat},4.03,x{}\n",
                if extra { ",y" } else { "" }
            ));
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A report with a limit per code keeps every problem of the file and the first ones of
    /// each code and severity in rows, in file order; its counts, rows and places are those of
    /// the report that keeps everything.
    #[test]
    fn a_limited_report_keeps_the_first_problems_of_each_code_and_counts_them_all(
        csv in defective_csv(),
        limit in 0usize..4,
        strict in any::<bool>(),
    ) {
        let all_options = if strict { ReadOptions::strict() } else { ReadOptions::default() }
            .with_max_diagnostics_per_code(usize::MAX);
        let all = read_csv_str(&csv, &all_options);
        let limited = read_csv_str(&csv, &all_options.clone().with_max_diagnostics_per_code(limit));
        prop_assert_eq!((limited.rows, limited.invalid_rows), (all.rows, all.invalid_rows));
        prop_assert_eq!(&limited.places, &all.places);
        prop_assert_eq!(limited.has_errors(), all.has_errors());
        prop_assert_eq!(limited.error_count(), all.errors().count());
        prop_assert_eq!(limited.warning_count(), all.warnings().count());

        let mut seen = std::collections::HashMap::new();
        let expected: Vec<_> = all
            .diagnostics
            .iter()
            .filter(|d| {
                let n = seen.entry((d.code(), d.severity())).or_insert(0usize);
                *n += 1;
                d.row().is_none() || *n <= limit
            })
            .collect();
        prop_assert_eq!(limited.diagnostics.iter().collect::<Vec<_>>(), expected);

        prop_assert!(all.omitted().next().is_none());
        let found = |r: &inclusion_model::ReadReport| -> Vec<_> {
            r.counts().iter().map(|c| (c.code, c.severity, c.found)).collect()
        };
        prop_assert_eq!(found(&limited), found(&all));
        for c in limited.counts() {
            let listed = limited
                .diagnostics
                .iter()
                .filter(|d| (d.code(), d.severity()) == (c.code, c.severity))
                .count();
            prop_assert_eq!(c.kept, listed);
        }
        let omitted: usize = limited.omitted().map(|c| c.omitted()).sum();
        prop_assert_eq!(omitted + limited.diagnostics.len(), all.diagnostics.len());
    }
}
