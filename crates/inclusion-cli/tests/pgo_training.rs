//! The training run of the profile-guided build (`scripts/pgo-train-cli.sh`, called by
//! `scripts/build-pgo.sh`) drives this binary through its main commands: run here on a few
//! hundred rows with the test build, so that a renamed flag or a changed exit status fails
//! here rather than in the next profiled build.

mod common;

use std::process::Command;

use common::{inclusion, repo, scratch, text};

#[test]
fn the_training_run_of_the_profiled_build_goes_through_every_command() {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    if Command::new(&python).arg("--version").output().is_err() {
        println!("skipped: {python} is not installed (the training file is written by Python)");
        return;
    }
    let dir = scratch("pgo");
    let out = Command::new("bash")
        .arg(repo().join("scripts/pgo-train-cli.sh"))
        .arg(env!("CARGO_BIN_EXE_inclusion"))
        .arg(&dir)
        .arg("300")
        .env("PYTHON", &python)
        .output()
        .expect("bash runs the training script");
    assert!(
        out.status.success(),
        "the training run failed: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("300 rows through validate"));

    // The training file: 300 rows, one in fifty broken (rows 7, 57, ..., 257 of the data).
    let report = inclusion(&dir)
        .args(["-q", "validate", "train.csv", "--format", "json"])
        .output()
        .expect("validate runs");
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON report");
    assert_eq!(report["rows"], 300);
    let invalid = report["invalid"].as_u64().expect("a count");
    assert!((1..=6).contains(&invalid), "{invalid} invalid rows");

    // What `convert` wrote in the training run holds exactly the valid rows' places.
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("train.json")).expect("train.json"))
            .expect("a JSON array");
    let places = json.as_array().expect("an array").len() as u64;
    assert_eq!(places, 300 - invalid);
    for written in [
        "converted.csv",
        "converted.geojson",
        "converted.data-inclusion",
    ] {
        assert!(
            dir.join(written).metadata().is_ok_and(|m| m.len() > 0),
            "{written}"
        );
    }
}
