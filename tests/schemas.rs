//! The JSON that users get from the examples and from the embedded data follows the committed
//! schemas (`schemas/`, crate `inclusion-schema`), checked with the `jsonschema` crate with
//! format checking on.

#[path = "../crates/inclusion-schema/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{TimeZone, Utc};
use common::Checker;
use inclusion::geo::{HelpFilter, HelpIndex, HelpQuery};
use inclusion::model::wire::ValidationReport;
use inclusion::model::{Level, ReadOptions, Record, Service, SupportMode, read_path};
use serde_json::Value;

fn example(name: &str) -> Command {
    let mut dir = std::env::current_exe().expect("test binary path");
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    Command::new(dir.join("examples").join(name))
}

/// Runs an example and parses its standard output as JSON.
fn run_json(cmd: &mut Command) -> (Option<i32>, Value) {
    let out = cmd.output().expect("the example runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), value)
}

fn repo(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[cfg(feature = "embedded-data")]
#[test]
fn every_embedded_place_follows_the_place_schema() {
    let checker = Checker::new("place");
    let places = inclusion::data::sample_places();
    assert_eq!(places.len(), 687);
    for place in places {
        let value = serde_json::to_value(Record(place)).unwrap();
        checker.assert_valid(&value, &place.id);
    }
}

#[test]
fn the_validate_example_prints_a_validation_report_for_every_real_dataset() {
    let checker = Checker::new("validation-report");
    for file in common::REAL_DATASETS {
        let Some(path) = inclusion_anchors::anchor(file) else {
            continue;
        };
        for (level, name) in [(Level::Standard, "standard"), (Level::Strict, "strict")] {
            let (status, printed) = run_json(
                example("validate")
                    .arg(&path)
                    .args(["--format", "json", "--level", name]),
            );
            assert!(matches!(status, Some(0 | 1)), "{file}: {status:?}");
            checker.assert_valid(&printed, &format!("validate {file} --level {name}"));
            // The example prints exactly the library's `ValidationReport`.
            let report = read_path(&path, &ReadOptions::default().with_level(level)).unwrap();
            let expected = serde_json::to_value(ValidationReport::from(&report)).unwrap();
            assert_eq!(printed, expected, "{file} ({name})");
        }
    }
}

#[test]
fn the_orientation_example_prints_documents_that_follow_their_schemas() {
    let (status, q) = run_json(example("orientation").arg("--questionnaire"));
    assert_eq!(status, Some(0));
    Checker::new("questionnaire").assert_valid(&q, "orientation --questionnaire");

    let assessment = Checker::new("assessment");
    for sample in [
        "examples/skills-no-skills-urgent.json",
        "examples/skills-confident-needs-equipment.json",
    ] {
        let (status, a) = run_json(
            example("orientation")
                .arg(repo(sample))
                .args(["--format", "json"]),
        );
        assert_eq!(status, Some(0), "{sample}");
        assessment.assert_valid(&a, sample);
        // The answers file itself follows the answers schema.
        let answers: Value =
            serde_json::from_str(&std::fs::read_to_string(repo(sample)).unwrap()).unwrap();
        Checker::new("answers").assert_valid(&answers, sample);
    }

    let sample = repo("examples/skills-eurostat.json");
    let (status, r) = run_json(
        example("orientation")
            .arg("--eurostat")
            .arg(&sample)
            .args(["--format", "json"]),
    );
    assert_eq!(status, Some(0));
    Checker::new("dsi-result").assert_valid(&r, "orientation --eurostat");
    let input: Value = serde_json::from_str(&std::fs::read_to_string(&sample).unwrap()).unwrap();
    Checker::new("eurostat-input").assert_valid(&input, "skills-eurostat.json");
}

#[cfg(feature = "embedded-data")]
#[test]
fn nearest_help_queries_and_hits_on_the_embedded_places_follow_their_schemas() {
    let places = inclusion::data::sample_places();
    let index = HelpIndex::build(places.to_vec()).unwrap();
    let query_checker = Checker::new("help-query");
    let hit_checker = Checker::new("help-hit");
    let filters = [
        HelpFilter::default(),
        HelpFilter::default().services([Service::AdministrativeProcedures]),
        HelpFilter::default()
            .support_modes([SupportMode::Individual])
            .open_at(Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()),
    ];
    let mut hits_seen = 0;
    // From every 25th place of the dataset, as a person standing there would ask.
    for place in places.iter().step_by(25) {
        let c = place.coordinates.unwrap();
        for filter in &filters {
            let query = HelpQuery::nearest(c.latitude(), c.longitude(), 5)
                .max_distance_m(50_000.0)
                .filter(filter.clone());
            query_checker.assert_valid(&serde_json::to_value(&query).unwrap(), &place.id);
            for hit in index.query(&query).unwrap() {
                hit_checker.assert_valid(&serde_json::to_value(hit).unwrap(), &place.id);
                hits_seen += 1;
            }
        }
    }
    assert!(hits_seen > 100, "{hits_seen}");
}

#[cfg(feature = "embedded-data")]
#[test]
fn the_nearest_help_example_prints_places_that_follow_their_schema() {
    for args in [
        &["--near", "Grenoble"][..],
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
        &[
            "--near",
            "Annecy",
            "--service",
            "Aide aux démarches administratives",
            "--radius-km",
            "20",
        ][..],
        // The commune search prints other records (`searched-place`).
        &["--near", "Saint-Étienne", "--commune", "-k", "3"][..],
        &[
            "--near",
            "Grenoble",
            "--commune",
            "--remote",
            "--radius-km",
            "5",
        ][..],
    ] {
        let (status, places) = run_json(
            example("nearest_help")
                .args(args)
                .args(["--format", "json"]),
        );
        assert_eq!(status, Some(0), "{args:?}");
        let places = places.as_array().expect("a JSON array");
        assert!(!places.is_empty(), "{args:?}");
        let schema = if args.contains(&"--commune") {
            "searched-place"
        } else {
            "nearby-place"
        };
        let checker = Checker::new(schema);
        for p in places {
            checker.assert_valid(p, &format!("nearest_help {args:?}"));
        }
    }
}

#[test]
fn the_coverage_example_prints_a_report_that_follows_its_schema() {
    for args in [
        &["--region", "84"][..],
        &[
            "--departement",
            "38",
            "--service",
            "Aide aux démarches administratives",
        ][..],
    ] {
        let (status, report) = run_json(example("coverage").args(args).args(["--format", "json"]));
        assert_eq!(status, Some(0), "{args:?}");
        Checker::new("coverage-report").assert_valid(&report, &format!("coverage {args:?}"));
    }
}
