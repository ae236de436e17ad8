//! The `validate` and `convert` examples, run as a user runs them (`cargo test` builds the
//! examples next to the test binaries).

use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> Command {
    let mut dir = std::env::current_exe().expect("test binary path");
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    let path = dir.join("examples").join(name);
    assert!(
        path.exists(),
        "{} is not built: `cargo test` builds the examples (or run `cargo build --examples`)",
        path.display()
    );
    Command::new(path)
}

fn temp(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("inclusion-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write temp file");
    path
}

const HEADER: &str = "id,pivot,nom,commune,code_postal,adresse,date_maj";

#[test]
fn validate_exit_status_and_json_report() {
    let good = temp(
        "good.csv",
        format!("{HEADER}\np1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n").as_bytes(),
    );
    let bad = temp(
        "bad.csv",
        format!("{HEADER}\np1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\np2,43493312300029,Mairie,Reims,5110,1 rue X,2024-04-02\n").as_bytes(),
    );
    let unreadable = temp("unreadable.csv", b"nom,commune\nMairie,Reims\n");

    let out = example("validate").arg(&good).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = example("validate")
        .arg(&bad)
        .args(["--format", "json", "--level", "strict"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(report["rows"], 2);
    assert_eq!(report["valid"], 1);
    assert_eq!(report["invalid"], 1);
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error");
    assert_eq!(d["row"], 3);
    assert_eq!(d["column"], "code_postal");
    assert_eq!(d["value"], "5110");
    assert_eq!(d["code"], "pattern");
    assert!(d["message_fr"].as_str().unwrap().contains("5 chiffres"));

    let out = example("validate").arg(&unreadable).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Required columns missing"));

    let out = example("validate")
        .arg("/no/such/file.csv")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = example("validate")
        .args([good.to_str().unwrap(), "--level", "lax"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'standard' or 'strict'"));
}

#[test]
fn convert_v01_json_to_every_target() {
    let v01 = temp(
        "v01.json",
        r#"[{"id":"p1","pivot":"43493312300029","nom":"Mairie","commune":"Reims","code_postal":"51100",
             "adresse":"1 rue X","date_maj":"2022-06-02","latitude":49.25,"longitude":4.03,
             "services":"Prendre en main un ordinateur;Accompagner les démarches de santé",
             "courriel":"jean.dupont@exemple.fr","telephone":"+33612345678","source":"Hub"}]"#
            .as_bytes(),
    );
    let out = example("convert")
        .arg(&v01)
        .args(["--to", "csv"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains(
        "\"Maîtrise des outils numériques du quotidien|Aide aux démarches administratives\""
    ));
    assert!(csv.contains("jean.dupont@exemple.fr"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard v0.1"));

    let redacted = example("convert")
        .arg(&v01)
        .args(["--to", "json", "--redact-contacts"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&redacted.stdout).unwrap();
    assert_eq!(
        json[0]["services"],
        "Maîtrise des outils numériques du quotidien|Aide aux démarches administratives"
    );
    assert!(json[0].get("courriels").is_none() && json[0].get("telephone").is_none());

    let out_file =
        std::env::temp_dir().join(format!("inclusion-cli-{}-out.geojson", std::process::id()));
    let status = example("convert")
        .arg(&v01)
        .args(["--to", "geojson", "-o"])
        .arg(&out_file)
        .status()
        .expect("runs");
    assert!(status.success());
    let geo: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    assert_eq!(
        geo["features"][0]["geometry"]["coordinates"],
        serde_json::json!([4.03, 49.25])
    );

    let di = example("convert")
        .arg(&v01)
        .args(["--to", "data-inclusion"])
        .output()
        .expect("runs");
    assert!(
        di.status.success(),
        "{}",
        String::from_utf8_lossy(&di.stderr)
    );
    let di: serde_json::Value = serde_json::from_slice(&di.stdout).unwrap();
    assert_eq!(di["structures"].as_array().unwrap().len(), 1);
    assert!(!di["services"].as_array().unwrap().is_empty());

    let out = example("convert").arg(&v01).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
