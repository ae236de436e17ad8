//! The JSON the binary prints follows the committed schemas (`schemas/`, crate
//! `inclusion-schema`), checked with the `jsonschema` crate with format checking on.

#[path = "../../inclusion-schema/tests/common/mod.rs"]
mod checker;
mod common;

use checker::Checker;
use common::{inclusion, repo, scratch};
use inclusion::model::wire::ValidationReport;
use inclusion::model::{Level, ReadOptions, read_path};
use serde_json::Value;

/// Runs the binary and parses its standard output as JSON.
fn run_json(args: &[&str]) -> (Option<i32>, Value) {
    let dir = scratch("schemas-run");
    let out = inclusion(&dir).args(args).output().expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), value)
}

#[test]
fn validate_prints_a_validation_report_for_every_real_dataset() {
    let checker = Checker::new("validation-report");
    for file in checker::REAL_DATASETS {
        let Some(path) = inclusion_anchors::anchor(file) else {
            continue;
        };
        let path_text = path.to_str().unwrap();
        for (level, name) in [(Level::Standard, "standard"), (Level::Strict, "strict")] {
            let (status, printed) =
                run_json(&["validate", path_text, "--format", "json", "--level", name]);
            assert!(matches!(status, Some(0 | 1)), "{file}: {status:?}");
            checker.assert_valid(&printed, &format!("validate {file} --level {name}"));
            // The binary prints exactly the library's `ValidationReport`.
            let report = read_path(&path, &ReadOptions::default().with_level(level)).unwrap();
            let expected = serde_json::to_value(ValidationReport::from(&report)).unwrap();
            assert_eq!(printed, expected, "{file} ({name})");
        }
    }
}

#[test]
fn orient_prints_documents_that_follow_their_schemas() {
    let (status, q) = run_json(&["orient", "--questionnaire"]);
    assert_eq!(status, Some(0));
    Checker::new("questionnaire").assert_valid(&q, "orient --questionnaire");

    let assessment = Checker::new("assessment");
    for sample in [
        "examples/skills-no-skills-urgent.json",
        "examples/skills-confident-needs-equipment.json",
    ] {
        let path = repo().join(sample);
        let (status, a) = run_json(&["orient", path.to_str().unwrap(), "--format", "json"]);
        assert_eq!(status, Some(0), "{sample}");
        assessment.assert_valid(&a, sample);
        // The answers file itself follows the answers schema.
        let answers: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        Checker::new("answers").assert_valid(&answers, sample);
    }

    let sample = repo().join("examples/skills-eurostat.json");
    let (status, r) = run_json(&[
        "orient",
        "--eurostat",
        sample.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(status, Some(0));
    Checker::new("dsi-result").assert_valid(&r, "orient --eurostat");
    let input: Value = serde_json::from_str(&std::fs::read_to_string(&sample).unwrap()).unwrap();
    Checker::new("eurostat-input").assert_valid(&input, "skills-eurostat.json");
}

/// Around a commune (`--near`, or `--remote` from a position): `searched-place`; the plain
/// nearest from a position: `nearby-place`.
#[test]
fn near_prints_places_that_follow_their_schema() {
    let (searched, nearby) = (Checker::new("searched-place"), Checker::new("nearby-place"));
    for (args, checker) in [
        (&["--near", "Grenoble"][..], &searched),
        (
            &[
                "--lat",
                "45.76",
                "--lon",
                "4.84",
                "-k",
                "8",
                "--open-at",
                "2026-12-01T10:00",
            ][..],
            &nearby,
        ),
        (
            &[
                "--near",
                "Annecy",
                "--service",
                "Aide aux démarches administratives",
                "--radius-km",
                "20",
                "--dedup",
            ][..],
            &searched,
        ),
        (
            &["--lat", "45.19", "--lon", "5.72", "--cannot-travel"][..],
            &searched,
        ),
    ] {
        let mut all = vec!["near"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let (status, places) = run_json(&all);
        assert_eq!(status, Some(0), "{args:?}");
        let places = places.as_array().expect("a JSON array");
        assert!(!places.is_empty(), "{args:?}");
        for p in places {
            checker.assert_valid(p, &format!("near {args:?}"));
        }
    }
}

#[test]
fn hours_prints_reports_that_follow_their_schemas() {
    let (status, r) = run_json(&[
        "hours",
        "Mo-Fr 09:00-12:00; PH off",
        "--at",
        "2026-12-01T10:00",
        "--format",
        "json",
    ]);
    assert_eq!(status, Some(0));
    Checker::new("hours-report").assert_valid(&r, "hours");
    let french = Checker::new("french-hours-report");
    for (text, code) in [
        ("Du lundi au vendredi de 9h à 12h", Some(0)),
        ("Selon les permanences", Some(1)),
    ] {
        let (status, r) = run_json(&["hours", "--from-french", text, "--format", "json"]);
        assert_eq!(status, code, "{text}");
        french.assert_valid(&r, text);
    }
}

#[test]
fn coverage_prints_a_report_that_follows_its_schema() {
    for args in [
        &["--region", "84"][..],
        &[
            "--departement",
            "38",
            "--service",
            "Aide aux démarches administratives",
        ][..],
    ] {
        let mut all = vec!["coverage"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let (status, report) = run_json(&all);
        assert_eq!(status, Some(0), "{args:?}");
        Checker::new("coverage-report").assert_valid(&report, &format!("coverage {args:?}"));
    }
}
