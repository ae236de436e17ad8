//! The `coverage` example, run as a user runs it (`cargo test` builds the examples).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `target/<profile>/examples/coverage` with `args`.
fn coverage(args: &[&str]) -> Output {
    let exe = std::env::current_exe().expect("test binary path");
    let profile = exe
        .ancestors()
        .find(|d| d.join("examples").is_dir())
        .expect("target directory");
    let path = profile.join("examples").join("coverage");
    assert!(path.exists(), "{} is not built", path.display());
    Command::new(path).args(args).output().expect("runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("inclusion-coverage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("written")
}

#[test]
fn default_run_covers_region_84_and_writes_the_files() {
    let (svg, csv, geojson) = (scratch("84.svg"), scratch("84.csv"), scratch("84.geojson"));
    let out = coverage(&[
        "--svg",
        svg.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
        "--geojson",
        geojson.to_str().unwrap(),
        "--date",
        "2026-11-20",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Coverage of Auvergne-Rhône-Alpes (région 84)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("Filter: every place (687 matching of 687 places"));
    for dep in ["01 Ain", "38 Isère", "74 Haute-Savoie"] {
        assert!(stdout.contains(dep), "{dep}");
    }
    assert!(stdout.contains("Most populous communes farther than 20 km"));
    let csv = read(&csv);
    let rows = csv.lines().count() - 1;
    assert!((3_900..4_200).contains(&rows), "{rows}");
    let geojson: serde_json::Value = serde_json::from_str(&read(&geojson)).unwrap();
    assert_eq!(
        geojson["features"].as_array().unwrap().len(),
        rows + 687,
        "communes and places"
    );
    let svg = read(&svg);
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
    let out = coverage(&[
        "--departement",
        "38",
        "--service",
        "aide aux démarches administratives",
        "--thresholds-km",
        "10,5",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
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
}

#[test]
fn bad_input_gets_a_clear_error_and_no_panic() {
    let out = coverage(&["--region", "99"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("unknown région code '99'"), "{err}");
    assert!(err.contains("84 (Auvergne-Rhône-Alpes)") && err.contains("11 (Île-de-France)"));

    let out = coverage(&["--service", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("unknown service 'nope'")
            && err.contains("Aide aux démarches administratives")
    );

    let out = coverage(&["--thresholds-km", "5,x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not 'x'"));

    let out = coverage(&["--region", "84", "--all"]);
    assert_eq!(out.status.code(), Some(2));

    let out = coverage(&["--communes", "38185,99999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("99999"));
}

const HEADER: &str = "id,pivot,nom,commune,code_postal,adresse,date_maj,latitude,longitude";

#[test]
fn data_files_with_missing_coordinates_get_a_notice_or_an_error() {
    let partial = scratch("partial.csv");
    std::fs::write(
        &partial,
        format!(
            "{HEADER}\np1,43493312300029,Mairie,Grenoble,38000,1 rue X,2024-04-02,45.19,5.72\n\
             p2,43493312300029,Mairie,Grenoble,38000,1 rue X,2024-04-02,,\n"
        ),
    )
    .unwrap();
    let out = coverage(&["--departement", "38", "--data", partial.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Isère (département 38)"));
    assert!(
        stdout.contains("Note: 1 of 2 places have no coordinates and were left out (id: p2)"),
        "{stdout}"
    );

    let none = scratch("none.csv");
    std::fs::write(
        &none,
        format!("{HEADER}\np2,43493312300029,Mairie,Grenoble,38000,1 rue X,2024-04-02,,\n"),
    )
    .unwrap();
    let out = coverage(&["--data", none.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("none of the 1 place(s) has coordinates"));

    let out = coverage(&["--data", "/nonexistent/places.csv"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(!text(&out.stderr).contains("panicked"));
}
