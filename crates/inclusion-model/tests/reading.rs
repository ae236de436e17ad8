//! Reading behaviour: encodings, delimiters, headers, bad rows, lenient reading, Strict checks.

use chrono::NaiveDate;
use inclusion_model::{
    Column, Diagnostic, Level, ReadOptions, ReadReport, Service, Severity, TrainingLabel,
    read_bytes, read_csv_str, to_csv_string,
};

const HEADER: &str = "id,pivot,nom,commune,code_postal,adresse,date_maj";

fn codes(report: &ReadReport) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code()).collect()
}

/// A full canonical file with one place whose `field` is `value`.
fn with_field(field: &str, value: &str) -> String {
    with_fields(&[(field, value)])
}

/// A full canonical file with one place whose fields are replaced.
fn with_fields(fields: &[(&str, &str)]) -> String {
    let mut p = inclusion_model::Place::new(
        "p1",
        "43493312300029",
        "Médiathèque",
        inclusion_model::Address::new("1 rue de la Paix", "51100", "Reims"),
        NaiveDate::from_ymd_opt(2024, 4, 2).unwrap(),
    );
    p.address.insee_code = Some("51454".into());
    p.coordinates = Some(inclusion_model::Coordinates::new(49.2583, 4.0317).unwrap());
    let csv = to_csv_string(&[p]).unwrap();
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    let row = rdr.records().next().unwrap().unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&headers).unwrap();
    w.write_record(
        headers
            .iter()
            .zip(row.iter())
            .map(|(h, v)| fields.iter().find(|(f, _)| *f == h).map_or(v, |(_, x)| *x)),
    )
    .unwrap();
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn strict(csv: &str) -> ReadReport {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    read_csv_str(csv, &ReadOptions::strict().with_today(today))
}

#[test]
fn a_bad_row_among_ten_thousand_is_named_and_the_rest_come_through() {
    let mut text = String::from(HEADER);
    text.push('\n');
    for i in 0..10_000 {
        let date = if i == 4321 {
            "2024-02-30"
        } else {
            "2024-02-29"
        };
        text.push_str(&format!(
            "p{i},43493312300029,Lieu {i},Reims,51100,{i} rue X,{date}\n"
        ));
    }
    let report = read_csv_str(&text, &ReadOptions::default());
    assert_eq!(report.rows, 10_000);
    assert_eq!(report.places.len(), 9_999);
    let errors: Vec<&Diagnostic> = report.errors().collect();
    assert_eq!(errors.len(), 1);
    let d = errors[0];
    // Row 4321 of the data is line 4323 of the file (header is row 1, first place row 2).
    assert_eq!(d.row(), Some(4323));
    assert_eq!(d.column(), Some("date_maj"));
    assert_eq!(d.value(), Some("2024-02-30"));
    assert_eq!(d.code(), "date");
    assert!(d.message_fr().contains("AAAA-MM-JJ") && d.message_en().contains("YYYY-MM-DD"));
    assert!(report.places.iter().all(|p| p.id != "p4321"));
}

#[test]
fn semicolons_bom_and_windows_1252_are_detected_and_reported() {
    let text = format!(
        "{};services\np1;43493312300029;Mairie;Reims;51100;1 rue X;2024-04-02;Aide aux démarches administratives\n",
        HEADER.replace(',', ";")
    );
    let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    for (input, expected) in [
        (bytes.clone(), vec!["file.bom", "file.semicolon_delimiter"]),
        (
            encoded.to_vec(),
            vec!["file.windows_1252", "file.semicolon_delimiter"],
        ),
    ] {
        let report = read_bytes(&input, &ReadOptions::default());
        let file_codes: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code() != "file.missing_optional_column")
            .map(|d| d.code())
            .collect();
        assert_eq!(file_codes, expected);
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.severity() == Severity::Warning)
        );
        assert_eq!(report.places.len(), 1);
        assert_eq!(
            report.places[0].services,
            [Service::AdministrativeProcedures]
        );
    }
}

#[test]
fn unknown_columns_are_kept_and_reported_missing_required_columns_stop_the_file() {
    let text = format!(
        "{HEADER},frais_a_charge,ma_colonne,Services\np1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,Gratuit,France Services,x\n"
    );
    let report = read_csv_str(&text, &ReadOptions::default());
    let unknown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code() == "file.unknown_column")
        .collect();
    assert_eq!(unknown.len(), 2);
    assert!(unknown[1].message_en().contains("did you mean services"));
    assert_eq!(
        report.places[0].extra,
        [
            ("ma_colonne".to_owned(), "France Services".to_owned()),
            ("Services".to_owned(), "x".to_owned())
        ]
    );

    let report = read_csv_str(
        "id,nom,commune,code_postal,adresse\np1,Mairie,Reims,51100,1 rue X\n",
        &ReadOptions::default(),
    );
    let e = report.unreadable().expect("unreadable");
    assert_eq!(e.code(), "file.missing_column");
    assert!(e.message_fr().contains("pivot, date_maj"));
    assert!(report.places.is_empty());
    assert!(
        read_csv_str("", &ReadOptions::default())
            .unreadable()
            .is_some()
    );
}

#[test]
fn cell_count_duplicate_ids_and_blank_rows_are_errors() {
    let text = format!(
        "{HEADER}\np1,43493312300029,A,Reims,51100,1 rue X,2024-04-02\np1,43493312300029,B,Reims,51100,1 rue X,2024-04-02\np2,43493312300029,C,Reims,51100,1 rue X,2024-04-02,extra\n,,,,,,\n"
    );
    let report = read_csv_str(&text, &ReadOptions::default());
    assert_eq!(codes(&report)[1..], ["unique", "cell_count", "blank_row"]);
    let rows: Vec<_> = report.errors().map(|d| d.row()).collect();
    assert_eq!(rows, [Some(3), Some(4), Some(5)]);
    assert_eq!(report.places.len(), 1);
    assert_eq!(report.invalid_rows, 3);
}

#[test]
fn lenient_reading_keeps_places_with_errors_in_optional_fields_only() {
    let text = format!(
        "{HEADER},telephone,frais_a_charge\np1,43493312300029,A,Reims,51100,1 rue X,2024-04-02,01 80 05 98 80,Gratuit|gratuit\np2,434,B,Reims,51100,1 rue X,2024-04-02,,\n"
    );
    let strict_read = read_csv_str(&text, &ReadOptions::default());
    assert!(strict_read.places.is_empty());
    let lenient = read_csv_str(&text, &ReadOptions::default().with_lenient(true));
    assert_eq!(lenient.invalid_rows, 2);
    // p1 kept without its phone and its bad fee; p2's pivot is required: not kept.
    assert_eq!(lenient.places.len(), 1);
    let p = &lenient.places[0];
    assert_eq!(p.contact.phone, None);
    assert_eq!(p.fees, [inclusion_model::Fee::Free]);
    let dropped: Vec<_> = lenient
        .errors()
        .filter(|d| d.row() == Some(2))
        .map(|d| {
            (
                d.column().unwrap().to_owned(),
                d.message_en().ends_with("Value dropped (lenient reading)."),
            )
        })
        .collect();
    assert_eq!(
        dropped,
        [
            ("telephone".to_owned(), true),
            ("frais_a_charge".to_owned(), true)
        ]
    );
    let hint = lenient
        .errors()
        .find(|d| d.column() == Some("frais_a_charge"))
        .unwrap();
    assert!(
        hint.message_en().contains("case-sensitive"),
        "{}",
        hint.message_en()
    );
}

#[test]
fn labels_get_hints_for_frequent_mistakes() {
    let cases = [
        (
            "modalites_acces",
            "Ce lieu n\u{2019}accueille pas de public",
            "straight apostrophe",
        ),
        ("frais_a_charge", "Gratuit | Payant", "spaces around"),
        ("itinerance", "Itine\u{301}rant", "precomposed"),
        ("frais_a_charge", "Gratuit;Payant", "separated by '|'"),
        (
            "services",
            "Accéder à une connexion internet;Accéder à du matériel",
            "standard's v0.1",
        ),
        ("frais_a_charge", "Gratuit|", "Empty item"),
    ];
    for (field, value, hint) in cases {
        let report = read_csv_str(&with_field(field, value), &ReadOptions::default());
        let d = report
            .errors()
            .next()
            .unwrap_or_else(|| panic!("{field}={value}"));
        assert_eq!(d.code(), "label");
        assert!(d.message_en().contains(hint), "{value}: {}", d.message_en());
        assert!(d.message_en().contains("Valid values:"));
    }
}

#[test]
fn etapes_numeriques_spellings() {
    let spaced = with_field("formations_labels", "Étapes numériques (La Poste)");
    let report = read_csv_str(&spaced, &ReadOptions::default());
    assert_eq!(
        report.errors().next().unwrap().code(),
        "formations_labels.etapes_spelling"
    );
    let lenient = read_csv_str(&spaced, &ReadOptions::default().with_lenient(true));
    assert_eq!(
        lenient.places[0].training_labels,
        [TrainingLabel::EtapesNumeriques]
    );
    // Written back with the standard's spelling, which reads without error.
    let out = to_csv_string(&lenient.places).unwrap();
    assert!(out.contains("\"Étapes numériques(La Poste)\""));
    assert!(!read_csv_str(&out, &ReadOptions::default()).has_errors());
}

#[test]
fn strict_checks_are_warnings_with_their_own_codes() {
    let cases: &[(&str, &str, &str)] = &[
        ("pivot", "00000000000000", "pivot.placeholder"),
        ("pivot", "43493312300028", "pivot.siret_checksum"),
        ("pivot", "123456789", "pivot.format"),
        ("courriels", "contact@mairie", "courriels.syntax"),
        ("site_web", "www.mairie.fr", "url.syntax"),
        ("prise_rdv", "rdv.fr", "url.syntax"),
        ("date_maj", "2027-01-01", "date_maj.future"),
        ("date_maj", "1970-01-01", "date_maj.too_old"),
        ("code_postal", "75001", "code_postal.insee_mismatch"),
        ("typologie", "MAIRIE", "typologie.unlisted"),
        (
            "formations_labels",
            "ORDI 3X0",
            "formations_labels.ordi_variant",
        ),
    ];
    for (field, value, code) in cases {
        let text = with_field(field, value);
        let standard = read_csv_str(&text, &ReadOptions::default());
        assert!(
            standard.diagnostics.is_empty(),
            "{field}: {:?}",
            standard.diagnostics
        );
        let report = strict(&text);
        let found: Vec<_> = report.diagnostics.iter().map(|d| d.code()).collect();
        assert!(found.contains(code), "{field}={value}: {found:?}");
        assert!(!report.has_errors(), "{field}={value}: {found:?}");
        assert_eq!(report.places.len(), 1);
    }
}

#[test]
fn swapped_coordinates_are_recognised() {
    // (4.03, 4.03) is in the Gulf of Guinea: outside France, and not France once swapped.
    let text = with_field("latitude", "4.0317");
    assert!(codes(&strict(&text)).contains(&"coordinates.outside_france"));
    let swapped = with_fields(&[("latitude", "4.0317"), ("longitude", "49.2583")]);
    let report = strict(&swapped);
    assert!(
        codes(&report).contains(&"coordinates.swapped"),
        "{:?}",
        report.diagnostics
    );
}

#[test]
fn coordinates_out_of_range_are_kept_out_of_the_place() {
    let text = with_field("latitude", "95");
    let standard = read_csv_str(&text, &ReadOptions::default());
    assert_eq!(standard.invalid_rows, 0);
    assert_eq!(codes(&standard), ["coordinates.out_of_range"]);
    assert!(standard.places[0].coordinates.is_none());
    let strict_report = strict(&text);
    assert_eq!(strict_report.invalid_rows, 1);
    let nan = read_csv_str(&with_field("latitude", "NaN"), &ReadOptions::default());
    assert!(nan.places[0].coordinates.is_none());
    let levels: Vec<Level> = vec!["standard".parse().unwrap(), "strict".parse().unwrap()];
    assert_eq!(levels, [Level::Standard, Level::Strict]);
    assert!("lax".parse::<Level>().is_err());
    assert_eq!(Column::Latitude.name(), "latitude");
}

/// JSON numbers for `latitude`/`longitude` are kept as numbers (no text to parse back), and
/// give the same places and diagnostics, with the values written out, as the same text.
#[test]
fn json_number_coordinates_read_as_their_text_would() {
    let base = r#""id":"p1","pivot":"43493312300029","nom":"M","commune":"Reims","code_postal":"51100","adresse":"1 rue X","date_maj":"2024-04-02""#;
    let pair = |lat: &str, lon: &str| {
        let num = format!("[{{{base},\"latitude\":{lat},\"longitude\":{lon}}}]");
        let text = format!("[{{{base},\"latitude\":\"{lat}\",\"longitude\":\"{lon}\"}}]");
        let strict = ReadOptions::strict();
        (
            read_bytes(num.as_bytes(), &strict),
            read_bytes(text.as_bytes(), &strict),
        )
    };
    for (lat, lon) in [
        ("49.2583", "4.0317"),
        ("95", "4.5"),
        ("4.0317", "49.2583"),
        ("-33.5", "150.25"),
    ] {
        let (num, text) = pair(lat, lon);
        assert_eq!(num.places, text.places, "{lat}, {lon}");
        let view = |r: &ReadReport| -> Vec<(&str, Option<String>)> {
            r.diagnostics
                .iter()
                .map(|d| (d.code(), d.value().map(str::to_owned)))
                .collect()
        };
        assert_eq!(view(&num), view(&text), "{lat}, {lon}");
    }
    let (num, _) = pair("95", "4.5");
    assert_eq!(num.diagnostics[0].value(), Some("95, 4.5"));
    let (ok, _) = pair("49.2583", "4.0317");
    assert_eq!(
        ok.places[0].coordinates.map(|c| c.latitude()),
        Some(49.2583)
    );

    let only_lat = format!("[{{{base},\"latitude\":49.25}}]");
    let r = read_bytes(only_lat.as_bytes(), &ReadOptions::default());
    assert_eq!(codes(&r), ["coordinates.incomplete"]);
    assert_eq!(r.diagnostics[0].value(), Some("49.25"));
}
