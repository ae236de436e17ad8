//! The validation report and its diagnostics, as produced on the real datasets, follow
//! `validation-report.schema.json` and `diagnostic.schema.json`; broken reports do not.

mod common;

use common::{Checker, REAL_DATASETS};
use inclusion_model::wire::ValidationReport;
use inclusion_model::{Level, ReadOptions, read_csv_str, read_path};
use serde_json::{Value, json};

#[test]
fn reports_of_the_real_datasets_follow_the_schema_at_both_levels() {
    let report_checker = Checker::new("validation-report");
    let diagnostic_checker = Checker::new("diagnostic");
    let mut codes = std::collections::BTreeSet::new();
    for file in REAL_DATASETS {
        let Some(path) = inclusion_anchors::anchor(file) else {
            continue;
        };
        for level in [Level::Standard, Level::Strict] {
            let report = read_path(&path, &ReadOptions::default().with_level(level)).unwrap();
            let value = serde_json::to_value(ValidationReport::from(&report)).unwrap();
            report_checker.assert_valid(&value, &format!("{file} ({level:?})"));
            for d in &report.diagnostics {
                codes.insert(d.code());
                diagnostic_checker.assert_valid(&serde_json::to_value(d).unwrap(), file);
            }
        }
    }
    if inclusion_anchors::required() {
        // The real files exercise many kinds of problems, file-level ones included.
        assert!(codes.len() >= 10, "{codes:?}");
        assert!(
            codes.iter().any(|c| c.starts_with("migration.")),
            "{codes:?}"
        );
    }
}

#[test]
fn file_level_problems_without_row_follow_the_schema() {
    let report = read_csv_str("nom,commune\nMairie,Reims\n", &ReadOptions::default());
    let value = serde_json::to_value(ValidationReport::from(&report)).unwrap();
    assert!(value["diagnostics"][0]["row"].is_null(), "{value:#}");
    Checker::new("validation-report").assert_valid(&value, "an unreadable file");
}

#[test]
fn broken_reports_are_rejected() {
    let checker = Checker::new("validation-report");
    let diagnostic = json!({
        "row": 2, "column": "code_postal", "value": "5110", "code": "pattern",
        "severity": "error", "message_fr": "…", "message_en": "…",
    });
    let counts = json!([{"code": "pattern", "severity": "error", "found": 1, "listed": 1}]);
    let report = |d: Value| {
        json!({"rows": 1, "valid": 0, "invalid": 1, "errors": 1, "warnings": 0,
               "diagnostics": [d], "counts": counts})
    };
    checker.assert_valid(&report(diagnostic.clone()), "a good report");
    let broken = |key: &str, value: Option<Value>| {
        let mut d = diagnostic.clone();
        match value {
            Some(v) => d[key] = v,
            None => {
                d.as_object_mut().unwrap().remove(key);
            }
        }
        report(d)
    };
    for (what, r) in [
        ("unknown severity", broken("severity", Some(json!("fatal")))),
        ("row 0", broken("row", Some(json!(0)))),
        ("row as text", broken("row", Some(json!("2")))),
        ("code with spaces", broken("code", Some(json!("bad code")))),
        ("no English message", broken("message_en", None)),
        ("an extra key", broken("hint", Some(json!("…")))),
        (
            "negative count",
            json!({"rows": -1, "valid": 0, "invalid": 0, "errors": 0, "warnings": 0,
                   "diagnostics": [], "counts": []}),
        ),
        (
            "no diagnostics",
            json!({"rows": 0, "valid": 0, "invalid": 0, "errors": 0, "warnings": 0, "counts": []}),
        ),
        (
            "no counts",
            json!({"rows": 0, "valid": 0, "invalid": 0, "errors": 0, "warnings": 0, "diagnostics": []}),
        ),
        (
            "a count without the number found",
            json!({"rows": 0, "valid": 0, "invalid": 0, "errors": 0, "warnings": 0, "diagnostics": [],
                   "counts": [{"code": "pattern", "severity": "error", "listed": 0}]}),
        ),
    ] {
        checker.assert_invalid(&r, what);
    }
}
