//! Every example runs to its end and prints what it demonstrates (`cargo test` builds the
//! examples next to the test binaries): CI runs each of them.

use std::path::PathBuf;
use std::process::Command;

fn examples_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    exe.ancestors()
        .find(|d| d.join("examples").is_dir())
        .expect("the target folder")
        .join("examples")
}

/// Runs an example with `args` and returns its standard output; it must exit 0.
fn run(name: &str, args: &[&str]) -> String {
    let path = examples_dir().join(name);
    assert!(path.exists(), "{} is not built", path.display());
    let out = Command::new(&path).args(args).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{name} {args:?}: {:?}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// The examples in `examples/`: each must be run below.
const EXAMPLES: [&str; 7] = [
    "convert",
    "coverage",
    "export_schemas",
    "nearest_help",
    "opening_hours",
    "orientation",
    "validate",
];

#[test]
fn every_example_is_listed_here() {
    let mut found: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".rs").map(str::to_owned)
            })
            .collect();
    found.sort();
    assert_eq!(found, EXAMPLES);
}

#[test]
fn validate_and_convert() {
    let out = run("validate", &[]);
    assert!(out.contains("687 rows, 687 valid, 0 invalid"), "{out}");
    let csv = run("convert", &[]);
    assert!(csv.starts_with("\"id\",\"pivot\""), "{csv}");
    assert!(csv.contains("Aide aux démarches administratives") && !csv.contains("jean.dupont"));
}

#[cfg(feature = "embedded-data")]
#[test]
fn nearest_help_orientation_and_coverage() {
    let out = run("nearest_help", &[]);
    assert!(
        out.starts_with("Near Grenoble (38): 5 of 687 places"),
        "{out}"
    );
    assert!(out.contains("\"distance_m\""), "{out}");
    let out = run("orientation", &[]);
    assert!(
        out.contains("on_behalf") && out.contains("Nearest places to Lyon (69)"),
        "{out}"
    );
    let svg = std::env::temp_dir().join(format!("inclusion-example-{}.svg", std::process::id()));
    let out = run("coverage", &[svg.to_str().unwrap()]);
    assert!(
        out.starts_with("Coverage of Auvergne-Rhône-Alpes (région 84)"),
        "{out}"
    );
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
}

#[test]
fn opening_hours_and_schemas() {
    let out = run("opening_hours", &[]);
    assert!(out.contains("open at Christmas: false"), "{out}");
    assert!(
        out.contains("-> Mo-Fr 09:00-12:00,14:00-17:30; PH off"),
        "{out}"
    );
    assert!(out.contains("-> no value"), "{out}");
    let dir =
        std::env::temp_dir().join(format!("inclusion-example-schemas-{}", std::process::id()));
    let out = run("export_schemas", &[dir.to_str().unwrap()]);
    assert!(out.contains("nearby-place.schema.json"), "{out}");
}
