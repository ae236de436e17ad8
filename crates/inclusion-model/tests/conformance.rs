//! Conformance against the reference data in `../shared/anchors`: the official example, the
//! official validator's verdicts, real published datasets, and the reference TypeScript library.

use inclusion_model::{
    Column, Level, Place, ReadOptions, ReadReport, SchemaVersion, read_bytes, read_csv_str,
    read_json_slice, to_csv_string, to_json_string,
};
use serde_json::Value;

fn json(relative: &str) -> Option<Value> {
    let bytes = inclusion_anchors::read(relative)?;
    Some(serde_json::from_slice(&bytes).expect("anchor JSON parses"))
}

fn errors(report: &ReadReport) -> Vec<String> {
    report.errors().map(ToString::to_string).collect()
}

#[test]
fn official_example_reads_without_diagnostic_and_round_trips() {
    let Some(bytes) = inclusion_anchors::read("standard-mediation-num/exemple-valide-v1.0.2.csv")
    else {
        return;
    };
    for level in [Level::Standard, Level::Strict] {
        let options = ReadOptions::default().with_level(level);
        let report = read_bytes(&bytes, &options);
        let unexpected: Vec<_> = report
            .diagnostics
            .iter()
            // The example's own data: a SIRET that exists, coordinates of Aix-en-Provence for a
            // place in Reims (same territory, so no warning), 2024 date. Only Strict
            // warnings about the example's deliberate placeholders are tolerated.
            .filter(|d| level == Level::Standard || d.is_error())
            .collect();
        assert!(unexpected.is_empty(), "{level:?}: {unexpected:#?}");
        assert_eq!(report.rows, 1);
        assert_eq!(report.places.len(), 1);
    }
    let places = read_bytes(&bytes, &ReadOptions::default()).places;
    let p = &places[0];
    assert_eq!(p.id, "structure-1");
    assert_eq!(p.services.len(), 3);
    assert_eq!(p.support_modes.len(), 4);
    assert_eq!(
        p.coordinates.map(|c| (c.latitude(), c.longitude())),
        Some((43.52609, 5.41423))
    );

    // read -> write -> read gives equal places; writing again is byte-identical.
    let csv = to_csv_string(&places).unwrap();
    let again = read_csv_str(&csv, &ReadOptions::default());
    assert!(again.diagnostics.is_empty(), "{:?}", again.diagnostics);
    assert_eq!(again.places, places);
    assert_eq!(to_csv_string(&again.places).unwrap(), csv);

    // Every cell of the official example is in our output, unchanged.
    let original = read_bytes(&bytes, &ReadOptions::default());
    let mut rdr = csv::Reader::from_reader(bytes.as_slice());
    let headers = rdr.headers().unwrap().clone();
    let row = rdr.records().next().unwrap().unwrap();
    for (name, value) in headers.iter().zip(row.iter()) {
        let column = Column::from_name(name).unwrap();
        assert_eq!(
            inclusion_model::write::cell(&original.places[0], column),
            value,
            "{name}"
        );
    }

    // And through JSON.
    let json = to_json_string(&places).unwrap();
    assert_eq!(
        read_json_slice(json.as_bytes(), &ReadOptions::default()).places,
        places
    );
}

/// The minimal valid record the official verdicts were computed with, as a CSV of all columns
/// with one field replaced.
fn one_row_csv(field: &str, value: &str) -> String {
    let base = [
        ("id", "structure-1"),
        ("pivot", "43493312300029"),
        ("nom", "Anonymal"),
        ("commune", "Reims"),
        ("code_postal", "51100"),
        ("adresse", "12 BIS RUE DE LECLERCQ"),
        ("date_maj", "2024-04-02"),
    ];
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(Vec::new());
    w.write_record(Column::ALL.iter().map(|c| c.name()))
        .unwrap();
    w.write_record(Column::ALL.iter().map(|c| {
        if c.name() == field {
            value
        } else {
            base.iter()
                .find(|(n, _)| *n == c.name())
                .map_or("", |(_, v)| *v)
        }
    }))
    .unwrap();
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn field_edge_cases_match_the_official_validator() {
    let Some(doc) = json("standard-mediation-num/field-edge-cases.frictionless.json") else {
        return;
    };
    let cases = doc["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 55);
    let mut mismatches = Vec::new();
    for case in cases {
        let field = case["field"].as_str().unwrap();
        let value = case["value"].as_str().unwrap();
        let expected = case["standard_valid"].as_bool().unwrap();
        let report = read_csv_str(&one_row_csv(field, value), &ReadOptions::default());
        assert_eq!(report.rows, 1);
        let valid = report.invalid_rows == 0;
        if valid != expected {
            mismatches.push(format!(
                "{field}={value:?}: validator says {expected}, we say {valid}: {:?}",
                errors(&report)
            ));
        }
        // An invalid row's errors name the field and the value (an excerpt of a long one).
        if !expected {
            let quotes = |d: &inclusion_model::Diagnostic| match (d.value(), d.value_chars()) {
                (Some(v), None) => v == value,
                (Some(v), Some(n)) => {
                    n == value.chars().count() && value.starts_with(v.trim_end_matches('…'))
                }
                (None, _) => false,
            };
            assert!(
                report
                    .errors()
                    .any(|d| d.column() == Some(field) && quotes(d)),
                "{field}={value:?}: {:?}",
                errors(&report)
            );
            assert!(report.places.is_empty());
        } else {
            assert_eq!(report.places.len(), 1, "{field}={value:?}");
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}

/// A real dataset read as v1, as the official validator reads it.
fn real(relative: &str) -> Option<ReadReport> {
    let bytes = inclusion_anchors::read(relative)?;
    let options = ReadOptions::default().with_version(SchemaVersion::V1_0);
    Some(read_json_slice(&bytes, &options))
}

#[test]
fn real_datasets_give_the_official_validator_counts() {
    // (file, rows, valid, invalid) as the official validator counts them on the v1 columns.
    let expected = [
        ("real-datasets/hub-du-sud-paca.20230517.json", 646, 646, 0),
        ("real-datasets/charente.20230711.json", 188, 188, 0),
        ("real-datasets/nouvelle-caledonie.20240320.json", 90, 78, 12),
        (
            "real-datasets/bus-france-services-charente.20231003.json",
            12,
            0,
            12,
        ),
    ];
    for (file, rows, valid, invalid) in expected {
        let Some(report) = real(file) else { return };
        assert_eq!(
            (report.rows, report.valid_rows(), report.invalid_rows),
            (rows, valid, invalid),
            "{file}: {:#?}",
            errors(&report).iter().take(5).collect::<Vec<_>>()
        );
        assert_eq!(report.places.len(), valid, "{file}");
        // Legacy columns are reported, not errors.
        assert!(
            report
                .errors()
                .all(|d| d.row().is_some() && d.column().is_some()),
            "{file}"
        );
    }
    // Nouvelle-Calédonie: all 12 invalid rows for the 280-character summary.
    let Some(nc) = real("real-datasets/nouvelle-caledonie.20240320.json") else {
        return;
    };
    let errs: Vec<_> = nc.errors().collect();
    assert_eq!(errs.len(), 12);
    assert!(
        errs.iter()
            .all(|d| d.code() == "max_length" && d.column() == Some("presentation_resume"))
    );
    // Bus France Services: the services column holds v0.1 labels with ';'.
    let Some(bus) = real("real-datasets/bus-france-services-charente.20231003.json") else {
        return;
    };
    assert!(
        bus.errors()
            .all(|d| d.code() == "label" && d.column() == Some("services"))
    );
    assert_eq!(
        bus.errors()
            .map(|d| d.row())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        12
    );
}

#[test]
fn real_datasets_strict_level_reports_known_traps() {
    let Some(bytes) = inclusion_anchors::read("real-datasets/hub-du-sud-paca.20230517.json") else {
        return;
    };
    let report = read_json_slice(&bytes, &ReadOptions::strict());
    // Strict adds warnings, never errors, on this file the validator accepts.
    assert_eq!(report.invalid_rows, 0, "{:?}", errors(&report));
    let codes: std::collections::BTreeSet<_> = report.warnings().map(|d| d.code()).collect();
    assert!(codes.contains("pivot.placeholder"), "{codes:?}");
    // Four places have no coordinates; every other one is kept with them.
    let without = report
        .places
        .iter()
        .filter(|p| p.coordinates.is_none())
        .count();
    assert_eq!(without, 4);
}

/// Our decision for each of the 46 records of the reference library's test cases: the verdict
/// of the official validator at the Standard level (the library is stricter or looser in
/// places; see the table in `inclusion_model::validate`), and for the records the library
/// rejects but the standard accepts, the Strict-level code that reports the library's concern
/// (or `None` where we deliberately do not check it).
#[test]
fn reference_library_cases_our_decisions() {
    let Some(lib) = json("lib-lieux-de-mediation-numerique-2.3.0/from-schema.cases.json") else {
        return;
    };
    let Some(std_verdicts) =
        json("lib-lieux-de-mediation-numerique-2.3.0/standard-vs-lib.from-schema-cases.json")
    else {
        return;
    };
    let cases = lib["cases"].as_array().unwrap();
    let verdicts = std_verdicts.as_array().unwrap();
    assert_eq!(cases.len(), 46);
    // Where the library rejects what the standard accepts: what our Strict level says.
    let strict_concerns: &[(&str, Option<&str>)] = &[
        ("commune with $", None),
        ("latitude out of range", Some("coordinates.out_of_range")),
        ("longitude out of range", Some("coordinates.out_of_range")),
        ("invalid fiche_acces_libre url", Some("url.syntax")),
        ("invalid prise_rdv url", Some("url.syntax")),
        ("unknown typologie", Some("typologie.unlisted")),
        (
            "typologie AUTRE uppercase (lib value is \"Autre\")",
            Some("typologie.unlisted"),
        ),
        (
            "formation label without space \"Étapes numériques(La Poste)\" (standard regex OK; lib rejects)",
            None,
        ),
        ("empty string services (split gives [\"\"] -> error)", None),
    ];
    let mut seen_concerns = 0;
    for (case, verdict) in cases.iter().zip(verdicts) {
        let label = case["label"].as_str().unwrap();
        assert_eq!(verdict["label"].as_str(), Some(label));
        let record = serde_json::to_vec(&[&case["input"]]).unwrap();
        let report = read_json_slice(&record, &ReadOptions::default());
        let standard_valid = verdict["standard_valid"].as_bool().unwrap();
        assert_eq!(
            report.invalid_rows == 0,
            standard_valid,
            "{label}: {:?}",
            errors(&report)
        );
        let lib_ok = case["ok"].as_bool().unwrap();
        if !lib_ok && standard_valid {
            let concern = strict_concerns
                .iter()
                .find(|(l, _)| *l == label)
                .unwrap_or_else(|| panic!("undocumented disagreement: {label}"));
            seen_concerns += 1;
            let strict = read_json_slice(&record, &ReadOptions::strict());
            if let Some(code) = concern.1 {
                assert!(
                    strict.diagnostics.iter().any(|d| d.code() == code),
                    "{label}: expected {code} at Strict: {:?}",
                    strict.diagnostics
                );
            }
        }
        // Where both accept, the fields the library keeps agree with ours.
        if lib_ok && standard_valid {
            let out = &case["output"];
            let p: &Place = &report.places[0];
            assert_eq!(out["id"].as_str(), Some(p.id.as_str()), "{label}");
            assert_eq!(out["pivot"].as_str(), Some(p.pivot.as_str()), "{label}");
            assert_eq!(
                out["adresse"]["code_postal"].as_str(),
                Some(p.address.postcode.as_str())
            );
            if let Some(services) = out["services"].as_array() {
                let mut ours: Vec<_> = p.services.iter().map(|s| s.label_fr()).collect();
                ours.dedup();
                let theirs: Vec<_> = services.iter().filter_map(Value::as_str).collect();
                let mut a = ours.clone();
                a.sort();
                a.dedup();
                let mut b = theirs.clone();
                b.sort();
                assert_eq!(a, b, "{label}");
            }
            if let Some(loc) = out.get("localisation") {
                let c = p.coordinates.expect("coordinates");
                assert_eq!(loc["latitude"].as_f64(), Some(c.latitude()), "{label}");
            }
        }
    }
    assert_eq!(seen_concerns, strict_concerns.len());
}

#[test]
fn hinaura_v01_migrates_with_every_place_kept_and_every_loss_reported() {
    let Some(source) = json("real-datasets/hinaura.schema-v0.1.json") else {
        return;
    };
    let bytes = serde_json::to_vec(&source).unwrap();
    let report = read_json_slice(&bytes, &ReadOptions::default());
    assert_eq!(report.version, SchemaVersion::V0_1);
    assert_eq!(report.rows, 687);
    assert_eq!(report.invalid_rows, 0, "{:?}", errors(&report));
    assert_eq!(report.places.len(), 687);
    assert_eq!(report.diagnostics[0].code(), "migration.version");

    // An independent count of the losses in the source: each must have its diagnostic.
    let records = source.as_array().unwrap();
    let items = |r: &Value, key: &str| -> Vec<String> {
        r[key]
            .as_str()
            .map(|s| s.split(';').map(str::to_owned).collect())
            .unwrap_or_default()
    };
    let mut expected = 0;
    for (i, r) in records.iter().enumerate() {
        let row = Some(i + 1);
        let place = &report.places[i];
        assert_eq!(place.id, r["id"].as_str().unwrap());
        // Every v0.1 service maps to at least one v1 service.
        assert_eq!(place.services.is_empty(), items(r, "services").is_empty());
        for adult in items(r, "publics_accueillis")
            .iter()
            .filter(|v| *v == "Adultes")
        {
            expected += 1;
            assert!(
                report.diagnostics.iter().any(|d| d.row() == row
                    && d.code() == "migration.no_equivalent"
                    && d.value() == Some(adult.as_str())),
                "row {i}"
            );
        }
        for label in items(r, "labels_nationaux") {
            if [
                "APTIC",
                "Relais pôle emploi",
                "French Tech",
                "Campus connecté",
            ]
            .contains(&label.as_str())
            {
                expected += 1;
                assert!(
                    place.other_labels.iter().any(|o| *o == label),
                    "row {i}: {label}"
                );
            }
        }
        if let Some(resume) = r["presentation_resume"].as_str()
            && resume.chars().count() > 280
        {
            expected += 1;
            assert!(place.description.as_deref().unwrap().starts_with(resume));
        }
    }
    let reported = report
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.code(),
                "migration.no_equivalent" | "migration.summary_moved"
            )
        })
        .count();
    assert_eq!(reported, expected);
    // Every kept value is valid v1: written, the places read back without error.
    let csv = to_csv_string(&report.places).unwrap();
    let back = read_csv_str(&csv, &ReadOptions::default());
    assert_eq!(back.invalid_rows, 0);
    assert_eq!(back.places, report.places);
}

#[test]
fn mixed_bus_file_gets_a_clear_diagnostic_per_row() {
    let Some(bytes) =
        inclusion_anchors::read("real-datasets/bus-france-services-charente.20231003.json")
    else {
        return;
    };
    // Read as v1 (its columns are v1): every row says its services are v0.1 values.
    let as_v1 = read_json_slice(
        &bytes,
        &ReadOptions::default().with_version(SchemaVersion::V1_0),
    );
    assert_eq!(as_v1.invalid_rows, 12);
    for row in 1..=12 {
        let d = as_v1
            .errors()
            .find(|d| d.row() == Some(row))
            .unwrap_or_else(|| panic!("row {row}"));
        assert!(
            d.message_en().contains("value of the standard's v0.1"),
            "{}",
            d.message_en()
        );
    }
    // Detected: its legacy columns (labels_nationaux, accessibilite) make it a v0.1 file,
    // migrated with every place kept.
    let detected = read_json_slice(&bytes, &ReadOptions::default());
    assert_eq!(detected.version, SchemaVersion::V0_1);
    assert_eq!(detected.places.len(), 12, "{:?}", errors(&detected));
}

#[test]
fn official_v01_example_migrates() {
    let Some(bytes) = inclusion_anchors::read("standard-mediation-num/exemple-valide-v0.1.1.csv")
    else {
        return;
    };
    let report = read_bytes(&bytes, &ReadOptions::default());
    assert_eq!(report.version, SchemaVersion::V0_1);
    assert_eq!(report.places.len(), 1, "{:?}", errors(&report));
    let p = &report.places[0];
    assert_eq!(p.contact.emails, ["contact@laquincaillerie.tl"]);
    assert_eq!(p.contact.websites.len(), 2);
    assert!(
        p.extra
            .iter()
            .any(|(k, v)| k == "cle_ban" && v == "13001_3079_00001")
    );
    assert!(!p.services.is_empty() && !p.support_modes.is_empty());
}

/// The land checks of the Strict level on every real dataset: each position diagnostic is
/// listed with its place, so that a real place flagged wrongly fails the test. The one flagged
/// is a real error: a place of Cognac (16) published at 0.33° E instead of 0.33° W.
#[cfg(feature = "land")]
#[test]
fn real_datasets_land_checks_flag_only_real_errors() {
    let files = [
        "real-datasets/hub-du-sud-paca.20230517.json",
        "real-datasets/charente.20230711.json",
        "real-datasets/nouvelle-caledonie.20240320.json",
        "real-datasets/bus-france-services-charente.20231003.json",
        "real-datasets/hinaura.schema-v0.1.json",
    ];
    let mut flagged = Vec::new();
    let mut checked = 0;
    for file in files {
        let Some(bytes) = inclusion_anchors::read(file) else {
            return;
        };
        let report = read_json_slice(&bytes, &ReadOptions::strict().with_lenient(true));
        checked += report
            .places
            .iter()
            .filter(|p| p.coordinates.is_some())
            .count();
        for d in report.warnings().filter(|d| {
            d.code().starts_with("coordinates.") && d.code() != "coordinates.incomplete"
        }) {
            flagged.push(format!(
                "{file} row {:?}: {} {}",
                d.row(),
                d.code(),
                d.message_en()
            ));
        }
    }
    assert!(checked > 1_600, "{checked}");
    assert_eq!(flagged.len(), 1, "{flagged:#?}");
    assert!(flagged[0].contains("coordinates.sign_lost"), "{flagged:#?}");
    assert!(flagged[0].contains("charente"), "{flagged:#?}");
}
