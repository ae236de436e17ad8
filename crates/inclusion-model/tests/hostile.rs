//! Hostile input: the reproducers of "nothing lost, nothing crashes". Large inputs are
//! generated here, never committed. Each test names the problem it reproduces.

use inclusion_model::{
    Column, Diagnostic, NationalProgramme, Place, ReadOptions, ReadReport, Severity, WriteOptions,
    read_bytes, read_csv_str, read_json_slice, to_csv_string, to_geojson_string, to_json_string,
    write_csv_with,
};

const HEADER: &str = "id,pivot,nom,commune,code_postal,adresse,date_maj";

fn anchor(path: &str) -> Option<Vec<u8>> {
    inclusion_anchors::read(path)
}

fn codes(report: &ReadReport) -> Vec<&'static str> {
    report.diagnostics.iter().map(Diagnostic::code).collect()
}

/// The real places of Hub du Sud (646, v1 with v0.1 columns), as read.
fn hub_du_sud() -> Option<Vec<Place>> {
    let bytes = anchor("real-datasets/hub-du-sud-paca.20230517.json")?;
    let report = read_bytes(&bytes, &ReadOptions::default());
    assert_eq!(report.places.len(), 646);
    Some(report.places)
}

#[test]
fn newlines_inside_a_quoted_cell_do_not_reserve_memory_per_line() {
    // Was: "memory allocation of 26560001328 bytes failed" (one place reserved per line feed).
    let Some(example) = anchor("standard-mediation-num/exemple-valide-v1.0.2.csv") else {
        return;
    };
    let mut bytes = example.clone();
    bytes.extend(std::iter::repeat_n(b'\n', 40_000_000));
    let report = read_bytes(&bytes, &ReadOptions::default());
    let expected = read_bytes(&example, &ReadOptions::default());
    assert_eq!(report.places, expected.places);
    assert!(report.places.capacity() <= bytes.len() / 32 + 1);
    // Inside a quoted cell: one cell of 40 million line feeds, one row.
    let mut quoted = format!("{HEADER},presentation_detail\n").into_bytes();
    quoted.extend_from_slice(b"p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,\"a");
    quoted.extend(std::iter::repeat_n(b'\n', 40_000_000));
    quoted.extend_from_slice(b"b\"\n");
    let report = read_bytes(&quoted, &ReadOptions::default());
    assert_eq!(
        (report.rows, report.places.len()),
        (1, 1),
        "{:?}",
        codes(&report)
    );
}

#[test]
fn a_header_of_a_hundred_million_commas_is_one_error() {
    // Was: out of memory (one warning per empty column name).
    let mut text = String::with_capacity(100_000_100);
    text.push_str(HEADER);
    text.extend(std::iter::repeat_n(',', 100_000_000));
    text.push('\n');
    let report = read_csv_str(&text, &ReadOptions::default());
    assert_eq!(report.diagnostics.len(), 1, "{:?}", codes(&report));
    let d = report.unreadable().unwrap();
    assert!(
        d.message_en().starts_with("The header has 100000007 cells"),
        "{d}"
    );
    // Below the limit, every empty name is one warning, whatever the number of cells.
    let commas = ",".repeat(9_000);
    let text =
        format!("{HEADER}{commas}\np1,43493312300029,M,R,51100,1 rue X,2024-04-02{commas}\n");
    let report = read_csv_str(&text, &ReadOptions::default());
    assert_eq!(
        report.count("file.unknown_column"),
        1,
        "{:?}",
        codes(&report)
    );
    assert_eq!(report.count("file.duplicate_column"), 1);
    assert_eq!(report.places.len(), 1);
    // A row of ten million commas is one cell-count error.
    let text = format!(
        "{HEADER}\np1,43493312300029,M,R,51100,1 rue X,2024-04-02{}\n",
        ",".repeat(10_000_000)
    );
    let report = read_csv_str(&text, &ReadOptions::default());
    assert_eq!(
        codes(&report),
        ["file.missing_optional_column", "cell_count"]
    );
}

#[test]
fn a_million_bad_rows_keep_a_bounded_report_with_exact_counts() {
    // Was: 5.6 GB for a 2 MB file (every diagnostic kept with its two messages).
    let mut text = String::from(HEADER);
    text.push('\n');
    text.push_str(&"x\n".repeat(1_000_000));
    let report = read_csv_str(&text, &ReadOptions::default());
    assert_eq!((report.rows, report.invalid_rows), (1_000_000, 1_000_000));
    assert_eq!(report.count("cell_count"), 1_000_000);
    assert_eq!(report.count("required"), 6_000_000);
    assert!(
        report.diagnostics.len() <= 4 * 1_000 + 2,
        "{}",
        report.diagnostics.len()
    );
    let omitted: Vec<String> = report.omitted().map(|c| c.summary_en()).collect();
    assert!(omitted.contains(&"… and 999,000 more errors with code cell_count".to_owned()));
    // 1,000,000 empty objects.
    let json = format!("[{}{{}}]", "{},".repeat(999_999));
    let report = read_json_slice(json.as_bytes(), &ReadOptions::default());
    assert_eq!(report.count("blank_row"), 1_000_000);
    assert!(report.diagnostics.len() <= 1_000);
}

#[test]
fn one_invalid_byte_in_a_utf8_file_is_one_error_at_its_row_and_column() {
    // Was: the whole file read as Windows-1252, all 646 rows failing (or `Ã©` everywhere).
    let Some(places) = hub_du_sud() else {
        return;
    };
    let csv = to_csv_string(&places).unwrap();
    let row = 101; // the 100th place
    let name = &places[row - 2].name;
    let mut bytes = csv.into_bytes();
    let line_start = bytes
        .split(|b| *b == b'\n')
        .take(row - 1)
        .map(|l| l.len() + 1)
        .sum::<usize>();
    let at = line_start
        + bytes[line_start..]
            .windows(name.len())
            .position(|w| w == name.as_bytes())
            .unwrap();
    bytes.insert(at + 1, 0xFF);
    for lenient in [false, true] {
        let report = read_bytes(&bytes, &ReadOptions::default().with_lenient(lenient));
        assert_eq!(report.diagnostics[0].code(), "file.invalid_utf8");
        let cell: Vec<_> = report.errors().map(|d| (d.row(), d.column())).collect();
        assert_eq!(cell, [(Some(row), Some("nom"))]);
        assert_eq!(report.places.len(), 645 + usize::from(lenient));
        // Every other accent is read as written.
        assert!(report.places.iter().all(|p| !p.name.contains('Ã')));
        assert!(report.places.iter().any(|p| p.name.contains('é')));
    }
}

#[test]
fn utf16_files_are_decoded_and_named_in_both_formats() {
    let Some(places) = hub_du_sud() else {
        return;
    };
    for text in [
        to_csv_string(&places).unwrap(),
        to_json_string(&places).unwrap(),
    ] {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let report = read_bytes(&utf16, &ReadOptions::default());
        assert_eq!(report.diagnostics[0].code(), "file.utf16");
        assert!(report.diagnostics[0].message_en().contains("UTF-16LE"));
        assert!(!codes(&report).contains(&"file.windows_1252"));
        assert_eq!(report.places, places);
    }
}

#[test]
fn v01_columns_of_v1_files_are_mapped_and_other_columns_written_back() {
    // Was: `convert` dropped 471 `labels_nationaux` values of Hub du Sud, `courriel` of
    // Charente and Nouvelle-Calédonie.
    for (file, column, rows, check) in [
        (
            "hub-du-sud-paca.20230517.json",
            "labels_nationaux",
            471,
            (|p: &Place| !p.national_programmes.is_empty()) as fn(&Place) -> bool,
        ),
        ("charente.20230711.json", "courriel", 53, |p: &Place| {
            !p.contact.emails.is_empty()
        }),
        (
            "nouvelle-caledonie.20240320.json",
            "courriel",
            52,
            |p: &Place| !p.contact.emails.is_empty(),
        ),
    ] {
        let Some(bytes) = anchor(&format!("real-datasets/{file}")) else {
            return;
        };
        let raw: Vec<serde_json::Map<String, serde_json::Value>> =
            serde_json::from_slice(&bytes).unwrap();
        let report = read_bytes(&bytes, &ReadOptions::default().with_lenient(true));
        assert!(codes(&report).contains(&"file.legacy_column"), "{file}");
        let with_value: Vec<&str> = raw
            .iter()
            .filter(|r| {
                r.get(column)
                    .and_then(|v| v.as_str())
                    .is_some_and(|v| !v.is_empty())
            })
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        let kept: Vec<&Place> = report
            .places
            .iter()
            .filter(|p| with_value.contains(&p.id.as_str()))
            .collect();
        assert!(kept.len() >= rows, "{file}: {} of {rows}", kept.len());
        for p in kept {
            assert!(check(p), "{file}: {} lost its {column}", p.id);
        }
    }
    let Some(places) = hub_du_sud() else {
        return;
    };
    let cnfs = places
        .iter()
        .filter(|p| {
            p.national_programmes
                .contains(&NationalProgramme::DigitalAdvisors)
        })
        .count();
    assert_eq!(cnfs, 264 + 89);
}

#[test]
fn columns_outside_the_standard_are_written_in_every_format_unless_asked() {
    let csv = format!(
        "{HEADER},horaires_ete,Services\n\
         p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,Mo-Fr 09:00-12:00,x\n\
         p2,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,,y\n"
    );
    let mut places = read_csv_str(&csv, &ReadOptions::default()).places;
    let written = to_csv_string(&places).unwrap();
    let header = written.lines().next().unwrap();
    assert!(
        header.ends_with(r#""prise_rdv","horaires_ete","Services""#),
        "{header}"
    );
    // Read again and written again: the same places, byte for byte.
    let again = read_csv_str(&written, &ReadOptions::default()).places;
    assert_eq!(again, places);
    assert_eq!(to_csv_string(&again).unwrap(), written);
    let json: serde_json::Value = serde_json::from_str(&to_json_string(&places).unwrap()).unwrap();
    assert_eq!(json[0]["horaires_ete"], "Mo-Fr 09:00-12:00");
    assert_eq!(json[1].get("horaires_ete"), None);
    assert_eq!(json[1]["Services"], "y");
    places[0].coordinates = Some(inclusion_model::Coordinates::new(49.25, 4.03).unwrap());
    let geo: serde_json::Value =
        serde_json::from_str(&to_geojson_string(&places).unwrap()).unwrap();
    assert_eq!(geo["features"][0]["properties"]["Services"], "x");
    let mut standard = Vec::new();
    write_csv_with(&places, &mut standard, &WriteOptions::standard_only()).unwrap();
    let standard = String::from_utf8(standard).unwrap();
    assert!(!standard.contains("horaires_ete") && !standard.contains("Services"));
    assert_eq!(
        standard.lines().next().unwrap().split(',').count(),
        Column::ALL.len()
    );
}

#[test]
fn messages_quote_excerpts_and_escape_control_characters() {
    // Was: 228 KB of `horaires` and whole headers echoed back, control bytes printed raw.
    let hours = "Mo-Su 00:00-24:00 x; ".repeat(12_000);
    let csv = format!(
        "{HEADER},horaires\np1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,{hours}\n"
    );
    let report = read_csv_str(&csv, &ReadOptions::strict());
    for d in &report.diagnostics {
        let shown = d.to_string();
        assert!(
            shown.len() < 2_000,
            "{} bytes: {}",
            shown.len(),
            &shown[..300]
        );
        assert!(d.message_en().len() < 2_000 && d.message_fr().len() < 2_000);
    }
    let long_name = "a".repeat(1_000_000);
    let csv = format!(
        "{HEADER},{long_name}\np1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,x\n"
    );
    let report = read_csv_str(&csv, &ReadOptions::default());
    let unknown = report
        .warnings()
        .find(|d| d.code() == "file.unknown_column")
        .unwrap();
    assert!(
        unknown.message_en().contains("… [1,000,000 characters]"),
        "{}",
        unknown.message_en()
    );
    assert!(
        unknown
            .message_fr()
            .contains("… [1\u{a0}000\u{a0}000 caractères]")
    );
    // Control bytes of a binary file are escaped in every rendered message.
    let binary = b"\x1b[2J\x1b]0;pwned\x07,\x00\x01\n\x1b[31mrow\n";
    let report = read_bytes(binary, &ReadOptions::default());
    for d in &report.diagnostics {
        for text in [d.to_string(), d.message_en(), d.message_fr()] {
            assert!(!text.chars().any(|c| c.is_control()), "{text:?}");
        }
    }
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.message_en().contains("\\u{1b}[2J\\u{1b}]0;pwned\\u{7}")),
        "{:#?}",
        report
            .diagnostics
            .iter()
            .map(|d| d.message_en())
            .collect::<Vec<_>>()
    );
    // A blank file is empty, not a file with missing columns.
    for blank in [&b" \n\t\r\n  "[..], b"\xEF\xBB\xBF   \n"] {
        let report = read_bytes(blank, &ReadOptions::default());
        let d = report.unreadable().unwrap();
        assert_eq!(d.template().key(), "file.unreadable.empty");
        assert_eq!(d.severity(), Severity::Error);
    }
}

#[test]
fn fuzz_json_a_v01_named_column_kept_aside_reads_back_as_v1() {
    // Found by `cargo fuzz run json`: an item of `labels_nationaux` without a v0.1 rule stays
    // aside under that name; written as JSON without any v1-only column, the file reads back
    // as v0.1 unless the version is given.
    use inclusion_model::SchemaVersion;
    let json = br#"[{"id":"a","pivot":"13001840100013","nom":"CTAS","commune":"Angoul\u00eame",
        "code_postal":"16000","adresse":"2 bd","date_maj":"2023-04-01","frais_a_charge":null,
        "labels_nationaux":"AiDants Connect"}]"#;
    let report = read_json_slice(json, &ReadOptions::default());
    assert_eq!(report.version, SchemaVersion::V1_0);
    let places = report.places;
    assert_eq!(
        places[0].extra,
        [("labels_nationaux".to_owned(), "AiDants Connect".to_owned())]
    );
    let written = to_json_string(&places).unwrap();
    let as_v1 = ReadOptions::default().with_version(SchemaVersion::V1_0);
    assert_eq!(read_json_slice(written.as_bytes(), &as_v1).places, places);
    let detected = read_json_slice(written.as_bytes(), &ReadOptions::default());
    assert_eq!(detected.version, SchemaVersion::V0_1);
}
