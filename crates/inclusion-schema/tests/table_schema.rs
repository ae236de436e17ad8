//! The generated Table Schema against the standard's published `schema.json` v1.0.2, field by
//! field: every difference must be one of the deliberate corrections listed here.

use inclusion_schema::table::{CORRECTIONS, table_schema};
use serde_json::{Value, json};

/// The constraints compared, with the value an absent key means.
const COMPARED: &[(&str, Value)] = &[
    ("required", Value::Bool(false)),
    ("unique", Value::Bool(false)),
    ("pattern", Value::Null),
    ("maxLength", Value::Null),
    ("minimum", Value::Null),
    ("maximum", Value::Null),
    ("enum", Value::Null),
];

/// The deliberate corrections: `(field, property, standard's value, ours)`. Each is a defect
/// of the standard documented in `inclusion_model::validate`:
fn expected_differences(standard: &Value) -> Vec<(String, String, Value, Value)> {
    let labels_pattern = standard["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "formations_labels")
        .unwrap()["constraints"]["pattern"]
        .as_str()
        .unwrap()
        .to_owned();
    let d = |f: &str, p: &str, a: Value, b: Value| (f.to_owned(), p.to_owned(), a, b);
    vec![
        // The standard has no range for coordinates (95 is a valid latitude there).
        d("latitude", "minimum", Value::Null, json!(-90.0)),
        d("latitude", "maximum", Value::Null, json!(90.0)),
        d("longitude", "minimum", Value::Null, json!(-180.0)),
        d("longitude", "maximum", Value::Null, json!(180.0)),
        // `ORDI 3.0`: the unescaped dot also accepts `ORDI 3X0`. Nothing else of this pattern
        // changes, in particular not the spelling `Étapes numériques\(La Poste\)`.
        d(
            "formations_labels",
            "pattern",
            json!(labels_pattern),
            json!(labels_pattern.replace("ORDI 3.0", r"ORDI 3\.0")),
        ),
    ]
}

#[test]
fn ours_matches_the_standard_field_by_field_but_for_the_listed_corrections() {
    let Some(bytes) = inclusion_anchors::read("standard-mediation-num/schema-v1.0.2.json") else {
        return;
    };
    let standard: Value = serde_json::from_slice(&bytes).unwrap();
    let ours = serde_json::to_value(table_schema()).unwrap();

    assert_eq!(ours["version"], standard["version"]);
    assert_eq!(ours["primaryKey"], standard["primaryKey"]);
    let theirs = standard["fields"].as_array().unwrap();
    let mine = ours["fields"].as_array().unwrap();
    let names = |fields: &[Value]| -> Vec<String> {
        fields
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(mine), names(theirs), "same fields in the same order");

    let mut differences = Vec::new();
    for (a, b) in theirs.iter().zip(mine) {
        let name = a["name"].as_str().unwrap();
        for key in ["title", "type", "format"] {
            assert_eq!(a[key], b[key], "{name}.{key}");
        }
        for (key, absent) in COMPARED {
            let get = |f: &Value| match &f["constraints"][key] {
                Value::Null => absent.clone(),
                v => v.clone(),
            };
            let (x, y) = (get(a), get(b));
            if x != y {
                differences.push((name.to_owned(), (*key).to_owned(), x, y));
            }
        }
    }
    assert_eq!(differences, expected_differences(&standard));

    // Every correction the crate declares is among the differences, and vice versa.
    let mut declared: Vec<&str> = CORRECTIONS.iter().map(|c| c.0).collect();
    let mut found: Vec<&str> = differences.iter().map(|d| d.0.as_str()).collect();
    declared.sort_unstable();
    found.sort_unstable();
    found.dedup();
    assert_eq!(declared, found);
}

#[test]
fn the_spelling_etapes_numeriques_is_the_standards() {
    let t = table_schema();
    let f = t
        .fields
        .iter()
        .find(|f| f.name == "formations_labels")
        .unwrap();
    let pattern = f.constraints.pattern.as_deref().unwrap();
    assert!(
        pattern.contains(r"|Étapes numériques\(La Poste\)|"),
        "{pattern}"
    );
    assert!(!pattern.contains(r"Étapes numériques \("), "{pattern}");
}
