//! The schema of a place's JSON record (`place.schema.json`) is honest: it accepts every place
//! this workspace writes, it agrees with the official validator on the standard's edge cases
//! (but for the listed corrections), and it rejects what the standard rejects.

mod common;

use common::{Checker, REAL_DATASETS};
use inclusion_model::wire::vocabulary_labels;
use inclusion_model::{Column, ColumnKind, Coordinates, ReadOptions, Record, read_path};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn place_checker() -> &'static Checker {
    static CHECKER: std::sync::OnceLock<Checker> = std::sync::OnceLock::new();
    CHECKER.get_or_init(|| Checker::new("place"))
}

/// A minimal valid record (the required columns of the standard's own example).
fn minimal() -> Map<String, Value> {
    let v = json!({
        "id": "structure-1", "pivot": "43493312300029", "nom": "Anonymal", "commune": "Reims",
        "code_postal": "51100", "adresse": "12 BIS RUE DE LECLERCQ", "date_maj": "2024-04-02",
    });
    v.as_object().unwrap().clone()
}

/// The record with one field set as a CSV cell would give it: an empty cell is absent, a
/// number column holds a number when the text is one.
fn with(field: &str, text: &str) -> Value {
    let mut r = minimal();
    r.remove(field);
    if !text.is_empty() {
        let value = match Column::from_name(field).map(Column::kind) {
            Some(ColumnKind::Number) => text.parse::<f64>().map_or(json!(text), |n| json!(n)),
            _ => json!(text),
        };
        r.insert(field.to_owned(), value);
    }
    Value::Object(r)
}

#[test]
fn every_place_of_the_real_datasets_follows_the_schema() {
    let checker = place_checker();
    let mut checked = 0;
    for file in REAL_DATASETS {
        let Some(path) = inclusion_anchors::anchor(file) else {
            continue;
        };
        let report = read_path(&path, &ReadOptions::default()).unwrap();
        assert!(!report.places.is_empty(), "{file}");
        for place in &report.places {
            let value = serde_json::to_value(Record(place)).unwrap();
            checker.assert_valid(&value, &format!("{file} {}", place.id));
            checked += 1;
        }
    }
    if inclusion_anchors::required() {
        assert!(checked > 1500, "{checked}");
    }
}

#[test]
fn the_schema_agrees_with_the_official_validator_but_for_the_corrections() {
    let Some(bytes) =
        inclusion_anchors::read("standard-mediation-num/field-edge-cases.frictionless.json")
    else {
        return;
    };
    let corpus: Value = serde_json::from_slice(&bytes).unwrap();
    let checker = place_checker();
    // Where this schema deliberately differs from the official validator (see
    // `inclusion_schema::table::CORRECTIONS`): (field, value, valid here).
    let corrections = [
        ("latitude", "95", false),
        ("formations_labels", "ORDI 3X0", false),
    ];
    let mut seen = Vec::new();
    let cases = corpus["cases"].as_array().unwrap();
    assert!(cases.len() >= 50);
    for case in cases {
        let field = case["field"].as_str().unwrap();
        let value = case["value"].as_str().unwrap();
        let official = case["standard_valid"].as_bool().unwrap();
        let ours = checker.errors(&with(field, value)).is_empty();
        match corrections
            .iter()
            .find(|(f, v, _)| *f == field && *v == value)
        {
            Some((_, _, expected)) => {
                assert_ne!(official, *expected, "{field}={value:?} is not a difference");
                assert_eq!(ours, *expected, "{field}={value:?}");
                seen.push((field, value));
            }
            None => assert_eq!(ours, official, "{field}={value:?}: official {official}"),
        }
    }
    assert_eq!(seen.len(), corrections.len(), "{seen:?}");
}

#[test]
fn invalid_records_are_rejected_at_the_right_field() {
    let checker = place_checker();
    checker.assert_valid(&Value::Object(minimal()), "the minimal record");
    let cases: Vec<(&str, Value)> = vec![
        // A wrong service label, alone or among good ones, and a case change.
        ("/services", with("services", "Aide administrative")),
        (
            "/services",
            with("services", "Gratuit|Aide aux démarches administratives"),
        ),
        ("/frais_a_charge", with("frais_a_charge", "Gratos|Gratuit")),
        ("/frais_a_charge", with("frais_a_charge", "gratuit")),
        // Bad dates.
        ("/date_maj", with("date_maj", "02/04/2024")),
        ("/date_maj", with("date_maj", "2024-02-30")),
        ("/date_maj", with("date_maj", "2024-04-02T10:00:00")),
        // Patterns and lengths.
        ("/code_postal", with("code_postal", "5110")),
        ("/pivot", with("pivot", "434 933 123 00029")),
        ("/telephone", with("telephone", "03 26 00 00 00")),
        (
            "/presentation_resume",
            with("presentation_resume", &"x".repeat(281)),
        ),
        ("/latitude", with("latitude", "abc")),
        ("/longitude", with("longitude", "200")),
        // An empty required value, and a column outside the standard that is not a text
        // (such columns, kept from the file read, are texts).
        ("/nom", {
            let mut r = minimal();
            r.insert("nom".into(), json!(""));
            Value::Object(r)
        }),
        ("/labels_nationaux", {
            let mut r = minimal();
            r.insert("labels_nationaux".into(), json!(["France Services"]));
            Value::Object(r)
        }),
        ("/horaires_ete", {
            let mut r = minimal();
            r.insert("horaires_ete".into(), json!(""));
            Value::Object(r)
        }),
    ];
    for (path, record) in &cases {
        let errors = checker.assert_invalid(record, path);
        assert!(
            errors.iter().any(|e| e.starts_with(&format!("{path}: "))),
            "{path}: {errors:?}"
        );
    }
    // Every required column left out is reported.
    for c in Column::ALL.iter().filter(|c| c.is_required()) {
        let mut r = minimal();
        r.remove(c.name());
        let errors = checker.assert_invalid(&Value::Object(r), c.name());
        assert!(errors.iter().any(|e| e.contains(c.name())), "{errors:?}");
    }
    // A column outside the standard, as the writers keep it, is a text.
    let mut r = minimal();
    r.insert("horaires_ete".into(), json!("Mo-Fr 09:00-12:00"));
    checker.assert_valid(&Value::Object(r), "a column outside the standard");
    // 280 characters (not bytes) are fine.
    checker.assert_valid(&with("presentation_resume", &"é".repeat(280)), "280 chars");
}

#[test]
fn the_coordinate_range_is_the_models() {
    let checker = place_checker();
    for lat in [-90.000_001, -90.0, 0.0, 45.5, 90.0, 90.000_001] {
        for lon in [-180.000_001, -180.0, 2.35, 180.0, 180.000_001] {
            let mut r = minimal();
            r.insert("latitude".into(), json!(lat));
            r.insert("longitude".into(), json!(lon));
            let ours = checker.errors(&Value::Object(r)).is_empty();
            assert_eq!(ours, Coordinates::new(lat, lon).is_ok(), "{lat}, {lon}");
        }
    }
}

/// A list cell made of real labels and near misses, sometimes with a leading `|`.
fn list_cell(labels: Vec<&'static str>) -> impl Strategy<Value = String> {
    let n = labels.len();
    let item = prop_oneof![
        4 => (0..n).prop_map(move |i| labels[i].to_owned()),
        1 => "[a-zA-Zé .()|«»]{0,12}",
    ];
    (any::<bool>(), prop::collection::vec(item, 1..4))
        .prop_map(|(lead, items)| format!("{}{}", if lead { "|" } else { "" }, items.join("|")))
}

fn vocabulary_columns() -> Vec<Column> {
    Column::ALL
        .into_iter()
        .filter(|c| c.kind() == ColumnKind::Vocabulary)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The list pattern accepts a cell exactly when, after one optional leading `|`, every
    /// `|`-separated item is a label of the column's vocabulary (or the cell is empty, so
    /// absent).
    #[test]
    fn list_patterns_accept_exactly_lists_of_labels(
        (column, cell) in (0..vocabulary_columns().len()).prop_flat_map(|i| {
            let c = vocabulary_columns()[i];
            let labels = vocabulary_labels(c).unwrap().into_iter().map(|l| l.0).collect();
            (Just(c), list_cell(labels))
        })
    ) {
        let labels = vocabulary_labels(column).unwrap();
        let body = cell.strip_prefix('|').unwrap_or(&cell);
        // An empty cell is absent (left out of the record), which is valid.
        let expected = cell.is_empty()
            || (!body.is_empty()
                && body.split('|').all(|item| labels.iter().any(|(fr, _)| *fr == item)));
        let ours = place_checker().errors(&with(column.name(), &cell)).is_empty();
        prop_assert_eq!(ours, expected, "{}={:?}", column, cell);
    }
}
