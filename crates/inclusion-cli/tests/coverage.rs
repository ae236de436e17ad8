//! `inclusion coverage`, as a user runs it: the default run (région 84 on the embedded
//! places) with its files, the JSON report, bad inputs and places without coordinates.

mod common;

use std::path::Path;

use common::{fails, file, inclusion, scratch, text};
use predicates::prelude::*;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("written")
}

#[test]
fn default_run_covers_region_84_and_writes_the_files() {
    let dir = scratch("coverage-84");
    let out = inclusion(&dir)
        .args([
            "--lang",
            "en",
            "coverage",
            "--svg",
            "84.svg",
            "--csv",
            "84.csv",
            "--geojson",
            "84.geojson",
            "--date",
            "2026-11-20",
        ])
        .assert()
        .code(0);
    let stdout = text(&out.get_output().stdout);
    assert!(
        stdout.starts_with("Coverage of Auvergne-Rhône-Alpes (région 84)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("Filter: every place (687 matching of 687 places"));
    for dep in ["01 Ain", "38 Isère", "74 Haute-Savoie"] {
        assert!(stdout.contains(dep), "{dep}");
    }
    assert!(stdout.contains("Most populous communes farther than 20 km"));
    let stderr = text(&out.get_output().stderr);
    assert!(stderr.contains("wrote 84.svg (map)"), "{stderr}");
    let csv = read(&dir.join("84.csv"));
    let rows = csv.lines().count() - 1;
    assert!((3_900..4_200).contains(&rows), "{rows}");
    let geojson: serde_json::Value = serde_json::from_str(&read(&dir.join("84.geojson"))).unwrap();
    assert_eq!(
        geojson["features"].as_array().unwrap().len(),
        rows + 687,
        "communes and places"
    );
    let svg = read(&dir.join("84.svg"));
    assert!(svg.contains("2026-11-20"));
    assert_eq!(
        svg.matches("class=\"place\"").count(),
        687 - svg_outside(&svg)
    );
}

/// The number of places the legend says are outside the map (0 when it says nothing).
fn svg_outside(svg: &str) -> usize {
    svg.split("; ")
        .find_map(|s| s.strip_suffix(" outside the map)</text>"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[test]
fn json_format_prints_the_report() {
    let dir = scratch("coverage-json");
    let out = inclusion(&dir)
        .args([
            "coverage",
            "--departement",
            "38",
            "--service",
            "aide aux démarches administratives",
            "--thresholds-km",
            "10,5",
            "--format",
            "json",
        ])
        .assert()
        .code(0);
    let report: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).expect("one JSON object");
    assert_eq!(report["request"]["territory"]["departement"], "38");
    assert_eq!(
        report["request"]["filter"]["services"][0],
        "Aide aux démarches administratives"
    );
    assert_eq!(
        report["request"]["thresholds_km"],
        serde_json::json!([5.0, 10.0])
    );
    assert_eq!(report["by_departement"].as_array().unwrap().len(), 1);
    assert!(out.get_output().stderr.is_empty());
}

#[test]
fn bad_input_gets_a_clear_error_and_no_panic() {
    let dir = scratch("coverage-bad");
    let out = inclusion(&dir)
        .args(["coverage", "--region", "99"])
        .assert()
        .code(2);
    let err = text(&out.get_output().stderr);
    assert!(err.contains("unknown région code '99'"), "{err}");
    assert!(err.contains("84 (Auvergne-Rhône-Alpes)") && err.contains("11 (Île-de-France)"));

    inclusion(&dir)
        .args(["--lang", "en", "coverage", "--service", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'nope' is not a value of services",
        ))
        .stderr(predicate::str::contains(
            "Aide aux démarches administratives",
        ));
    fails(&dir, &["coverage", "--thresholds-km", "5,x"], "'x'");
    inclusion(&dir)
        .args(["coverage", "--region", "84", "--all"])
        .assert()
        .code(2);
    fails(&dir, &["coverage", "--insee", "38185,99999"], "99999");
    fails(
        &dir,
        &["coverage", "--svg", "no/folder/map.svg"],
        "le dossier n'existe pas",
    );
}

const HEADER: &str = "id,pivot,nom,commune,code_postal,adresse,date_maj,latitude,longitude";

#[test]
fn data_files_with_missing_coordinates_or_unreadable_get_a_notice_or_an_error() {
    let dir = scratch("coverage-data");
    file(
        &dir,
        "partial.csv",
        format!(
            "{HEADER}\np1,43493312300029,Mairie,Grenoble,38000,1 rue X,2024-04-02,45.19,5.72\n\
             p2,43493312300029,Mairie,Grenoble,38000,1 rue X,2024-04-02,,\n"
        ),
    );
    let out = inclusion(&dir)
        .args([
            "--lang",
            "en",
            "coverage",
            "--departement",
            "38",
            "--data",
            "partial.csv",
        ])
        .assert()
        .code(0);
    let stdout = text(&out.get_output().stdout);
    assert!(stdout.contains("Isère (département 38)"));
    assert!(
        stdout.contains("Note: 1 of 2 places have no coordinates and were left out (id: p2)"),
        "{stdout}"
    );

    file(
        &dir,
        "none.csv",
        format!("{HEADER}\np2,43493312300029,Mairie,Grenoble,38000,1 rue X,2024-04-02,,\n"),
    );
    fails(
        &dir,
        &["coverage", "--data", "none.csv"],
        "none of the 1 place(s) has coordinates",
    );

    // An unreadable file says why, not "none of the 0 place(s)".
    file(&dir, "header-only.csv", "nom,commune\nMairie,Reims\n");
    let out = inclusion(&dir)
        .args(["--lang", "en", "coverage", "--data", "header-only.csv"])
        .assert()
        .code(2);
    let err = text(&out.get_output().stderr);
    assert!(
        err.contains("header-only.csv cannot be read: Required columns missing"),
        "{err}"
    );
    assert!(!err.contains("0 place(s)"), "{err}");
    // Rejected rows are named, as validate names them.
    file(
        &dir,
        "some-bad.csv",
        format!(
            "{HEADER}\np1,43493312300029,Mairie,Grenoble,38000,1 rue X,2024-04-02,45.19,5.72\n\
             p2,43493312300029,Mairie,Grenoble,3800,1 rue X,2024-04-02,45.19,5.72\n"
        ),
    );
    inclusion(&dir)
        .args(["coverage", "--departement", "38", "--data", "some-bad.csv"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "some-bad.csv : 1 ligne(s) sur 2 laissée(s) de côté (erreurs), lignes 3",
        ));
    inclusion(&dir)
        .args(["coverage", "--data", "/nonexistent/places.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("panicked").not());
}
