//! Every command of the built binary, as a user runs it: outputs, exit codes, bad inputs, and
//! snapshots (insta) of the help and of one text output per command.

mod common;

use common::{BAD_ROW, GOOD_ROW, HEADER, fails, file, inclusion, repo, scratch, succeeds, text};
use predicates::prelude::*;
use serde_json::Value;

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(bytes)))
}

// ---------------------------------------------------------------------------------------
// help, version, completions, language

#[test]
fn help_and_version() {
    let dir = scratch("help");
    let out = inclusion(&dir).arg("--help").assert().success();
    insta::assert_snapshot!("help", text(&out.get_output().stdout));
    let out = inclusion(&dir).args(["near", "--help"]).assert().success();
    insta::assert_snapshot!("near_help", text(&out.get_output().stdout));
    let out = inclusion(&dir).args(["dedup", "--help"]).assert().success();
    insta::assert_snapshot!("dedup_help", text(&out.get_output().stdout));
    inclusion(&dir)
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("inclusion {}\n", env!("CARGO_PKG_VERSION")));
    // No command, an unknown command or flag: usage error, exit 2.
    inclusion(&dir).assert().code(2);
    inclusion(&dir).arg("frobnicate").assert().code(2);
    fails(&dir, &["validate", "x.csv", "--nope"], "--nope");
}

#[test]
fn completions_for_every_shell() {
    let dir = scratch("completions");
    for shell in ["bash", "zsh", "fish", "powershell"] {
        inclusion(&dir)
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(
                predicate::str::contains("inclusion").and(predicate::str::contains("validate")),
            );
    }
    inclusion(&dir)
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn messages_follow_lang_and_the_lang_flag() {
    let dir = scratch("lang");
    inclusion(&dir)
        .args(["validate", "missing.csv"])
        .assert()
        .code(2)
        .stderr("erreur : impossible de lire missing.csv : ce fichier n'existe pas\nvérifiez le chemin.\n");
    inclusion(&dir)
        .env("LANG", "en_GB.UTF-8")
        .args(["validate", "missing.csv"])
        .assert()
        .code(2)
        .stderr("error: cannot read missing.csv: no such file\ncheck the path.\n");
    inclusion(&dir)
        .env("LANG", "en_GB.UTF-8")
        .args(["--lang", "fr", "validate", "missing.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("erreur : "));
    inclusion(&dir)
        .args(["validate", "missing.csv", "--color", "always"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "\u{1b}[1;31merreur\u{1b}[0m : ",
        ));
}

// ---------------------------------------------------------------------------------------
// validate

#[test]
fn validate_exit_status_and_json_report() {
    let dir = scratch("validate");
    file(&dir, "good.csv", format!("{HEADER}\n{GOOD_ROW}\n"));
    file(
        &dir,
        "bad.csv",
        format!("{HEADER}\n{GOOD_ROW}\n{BAD_ROW}\n"),
    );
    file(&dir, "unreadable.csv", "nom,commune\nMairie,Reims\n");

    inclusion(&dir)
        .args(["validate", "good.csv"])
        .assert()
        .code(0);

    let out = inclusion(&dir)
        .args([
            "validate", "bad.csv", "--format", "json", "--level", "strict",
        ])
        .assert()
        .code(1);
    let report = json(&out.get_output().stdout);
    assert_eq!(
        (report["rows"].as_u64(), report["valid"].as_u64()),
        (Some(2), Some(1))
    );
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
    // JSON output has no progress bar or note on stderr.
    assert!(out.get_output().stderr.is_empty());

    fails(
        &dir,
        &["--lang", "en", "validate", "unreadable.csv"],
        "Required columns missing",
    );
    inclusion(&dir)
        .args(["validate", "/no/such/file.csv"])
        .assert()
        .code(2);
    inclusion(&dir)
        .args(["validate", "good.csv", "--level", "lax"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard").and(predicate::str::contains("strict")));
    // A directory as input.
    inclusion(&dir)
        .args(["validate", "."])
        .assert()
        .code(2)
        .stderr("erreur : . est un dossier, pas un fichier\ndonnez le chemin d'un fichier CSV ou JSON.\n");
}

#[test]
fn validate_text_and_stdin() {
    let dir = scratch("validate-text");
    file(
        &dir,
        "bad.csv",
        format!("{HEADER}\n{GOOD_ROW}\n{BAD_ROW}\n"),
    );
    let out = inclusion(&dir)
        .args(["validate", "bad.csv", "--level", "strict"])
        .assert()
        .code(1);
    insta::assert_snapshot!("validate_text", text(&out.get_output().stdout));
    // The same file from the standard input.
    inclusion(&dir)
        .args(["--lang", "en", "validate", "-"])
        .write_stdin(format!("{HEADER}\n{GOOD_ROW}\n{BAD_ROW}\n"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "<standard input>: 2 rows, 1 valid, 1 invalid; 1 error, 1 warning; 1 place kept.",
        ));
}

#[test]
fn a_large_file_reads_from_disk_by_chunks_as_from_the_standard_input() {
    // 20,000 rows (about 1.2 MB: many chunks of the library's reading from disk, two parts
    // on two threads), bad postcodes, duplicate ids and a text over two lines among them;
    // the standard input is read whole. Both must say the same.
    let dir = scratch("chunks");
    let mut csv = format!("{HEADER},presentation_detail\n");
    for i in 0..20_000 {
        let postcode = if i % 7 == 3 { "5110" } else { "51100" };
        let detail = if i % 11 == 5 { "\"deux\nlignes\"" } else { "" };
        csv.push_str(&format!(
            "p{},43493312300029,Mairie {i},Reims,{postcode},{i} rue X,2024-04-02,{detail}\n",
            i % 19_000
        ));
    }
    file(&dir, "big.csv", &csv);
    for args in [
        &["validate", "--format", "json", "--threads", "1"][..],
        &["validate", "--format", "json", "--threads", "2"][..],
        &["validate", "--max-per-code", "3"][..],
        &["convert", "--to", "json", "-q"][..],
        &["convert", "--to", "csv", "--threads", "2", "-q"][..],
    ] {
        let from_disk = inclusion(&dir).args(args).arg("big.csv").output().unwrap();
        let from_stdin = inclusion(&dir)
            .args(args)
            .arg("-")
            .write_stdin(csv.clone())
            .output()
            .unwrap();
        assert_eq!(
            from_disk.status.code(),
            from_stdin.status.code(),
            "{args:?}"
        );
        let (disk, stdin) = (text(&from_disk.stdout), text(&from_stdin.stdout));
        assert!(disk.len() > 1_000, "{args:?}: {disk}");
        // The text report names its input; nothing else differs.
        assert_eq!(
            disk.replace("big.csv", "<input>"),
            stdin.replace("<entrée standard>", "<input>"),
            "{args:?}"
        );
    }
    let report = json(
        &inclusion(&dir)
            .args(["validate", "big.csv", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(report["rows"], 20_000, "{report}");
}

#[test]
fn validate_strict_suggests_osm_hours_for_french_text_without_rewriting() {
    let dir = scratch("validate-hours");
    file(
        &dir,
        "hours.csv",
        format!("{HEADER},horaires\n{GOOD_ROW},du lundi au vendredi de 9h à 12h\n"),
    );
    let out = inclusion(&dir)
        .args(["--lang", "en", "validate", "hours.csv", "--level", "strict"])
        .assert()
        .code(0);
    let stdout = text(&out.get_output().stdout);
    assert!(
        stdout.contains("warning [horaires.french]") && stdout.contains("'Mo-Fr 09:00-12:00'"),
        "{stdout}"
    );
    // The Standard level does not look at hours.
    inclusion(&dir)
        .args(["validate", "hours.csv"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("horaires").not());
}

#[test]
fn binary_input_is_escaped_not_echoed_raw() {
    let dir = scratch("binary");
    let mut bytes = format!("{HEADER}\np1,43493312300029,Mairie,Reims,").into_bytes();
    bytes.extend_from_slice(b"\x1b]0;pwned\x07\x1b[2J");
    bytes.extend_from_slice(",1 rue X,2024-04-02\n".as_bytes());
    file(&dir, "bin.csv", &bytes);
    let out = inclusion(&dir)
        .args(["validate", "bin.csv"])
        .assert()
        .code(1);
    let stdout = text(&out.get_output().stdout);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    assert!(stdout.contains("\\u{1b}"), "{stdout}");
}

// ---------------------------------------------------------------------------------------
// convert

const V01: &str = r#"[{"id":"p1","pivot":"43493312300029","nom":"Mairie","commune":"Reims","code_postal":"51100",
     "adresse":"1 rue X","date_maj":"2022-06-02","latitude":49.25,"longitude":4.03,
     "services":"Prendre en main un ordinateur;Accompagner les démarches de santé",
     "courriel":"jean.dupont@exemple.fr","telephone":"+33612345678","source":"Hub"}]"#;

#[test]
fn convert_v01_json_to_every_target() {
    let dir = scratch("convert");
    file(&dir, "v01.json", V01);
    let out = inclusion(&dir)
        .args(["--lang", "en", "convert", "v01.json", "--to", "csv"])
        .assert()
        .code(0);
    let csv = text(&out.get_output().stdout);
    assert!(csv.contains(
        "\"Maîtrise des outils numériques du quotidien|Aide aux démarches administratives\""
    ));
    assert!(csv.contains("jean.dupont@exemple.fr"));
    assert!(text(&out.get_output().stderr).contains("migration.version"));

    let out = inclusion(&dir)
        .args(["convert", "v01.json", "--to", "json", "--redact-contacts"])
        .assert()
        .code(0);
    let records = json(&out.get_output().stdout);
    assert_eq!(
        records[0]["services"],
        "Maîtrise des outils numériques du quotidien|Aide aux démarches administratives"
    );
    assert!(records[0].get("courriels").is_none() && records[0].get("telephone").is_none());
    assert!(
        text(&out.get_output().stderr).contains("1 adresse(s) e-mail et 1 numéro(s) de mobile")
    );

    inclusion(&dir)
        .args([
            "convert",
            "v01.json",
            "--to",
            "geojson",
            "-o",
            "out.geojson",
        ])
        .assert()
        .code(0)
        .stdout("");
    let geo: Value =
        serde_json::from_slice(&std::fs::read(dir.join("out.geojson")).unwrap()).unwrap();
    assert_eq!(
        geo["features"][0]["geometry"]["coordinates"],
        serde_json::json!([4.03, 49.25])
    );

    let out = inclusion(&dir)
        .args(["convert", "v01.json", "--to", "data-inclusion"])
        .assert()
        .code(0);
    let di = json(&out.get_output().stdout);
    assert_eq!(di["structures"].as_array().unwrap().len(), 1);
    assert!(!di["services"].as_array().unwrap().is_empty());

    // --to is required; an unknown target lists the valid ones.
    inclusion(&dir)
        .args(["convert", "v01.json"])
        .assert()
        .code(2);
    inclusion(&dir)
        .args(["convert", "v01.json", "--to", "xml"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("data-inclusion").and(predicate::str::contains("Some(").not()),
        );
}

#[test]
fn convert_reads_stdin_writes_stdout_and_fails_clearly_on_a_missing_folder() {
    let dir = scratch("convert-io");
    let out = inclusion(&dir)
        .args(["-q", "convert", "-", "--to", "csv"])
        .write_stdin(format!("{HEADER}\n{GOOD_ROW}\n{BAD_ROW}\n"))
        .assert()
        .code(1);
    let csv = text(&out.get_output().stdout);
    assert_eq!(csv.lines().count(), 2, "header and the good row: {csv}");
    assert!(out.get_output().stderr.is_empty(), "--quiet");
    file(&dir, "in.csv", format!("{HEADER}\n{GOOD_ROW}\n"));
    fails(
        &dir,
        &[
            "convert",
            "in.csv",
            "--to",
            "csv",
            "-o",
            "no/such/folder/out.csv",
        ],
        "impossible de créer no/such/folder/out.csv : le dossier n'existe pas",
    );
}

#[test]
fn convert_fix_hours_writes_and_reports_each_suggestion() {
    let dir = scratch("convert-fix");
    file(
        &dir,
        "hours.csv",
        format!(
            "{HEADER},horaires\n{GOOD_ROW},Du lundi au vendredi de 9h à 12h\n\
             p3,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,Voir site internet\n"
        ),
    );
    let out = inclusion(&dir)
        .args(["convert", "hours.csv", "--to", "json", "--fix-hours"])
        .assert()
        .code(0);
    let records = json(&out.get_output().stdout);
    assert_eq!(records[0]["horaires"], "Mo-Fr 09:00-12:00");
    assert_eq!(records[1]["horaires"], "Voir site internet");
    let stderr = text(&out.get_output().stderr);
    assert!(
        stderr
            .contains("p1: horaires « Du lundi au vendredi de 9h à 12h » → « Mo-Fr 09:00-12:00 »"),
        "{stderr}"
    );
    assert!(!stderr.contains("p3: horaires"), "{stderr}");
    // Without the flag, nothing is rewritten.
    let out = inclusion(&dir)
        .args(["convert", "hours.csv", "--to", "json"])
        .assert()
        .code(0);
    assert_eq!(
        json(&out.get_output().stdout)[0]["horaires"],
        "Du lundi au vendredi de 9h à 12h"
    );
}

// ---------------------------------------------------------------------------------------
// near

#[test]
fn near_text_on_the_embedded_places() {
    let dir = scratch("near");
    let out = inclusion(&dir)
        .args([
            "near",
            "--near",
            "Grenoble",
            "--service",
            "Aide aux démarches administratives",
            "--open-at",
            "2026-12-01T10:00",
            "-k",
            "3",
        ])
        .assert()
        .success();
    insta::assert_snapshot!("near_text", text(&out.get_output().stdout));
}

#[test]
fn near_when_nothing_is_open_lists_the_places_with_their_next_opening() {
    let dir = scratch("near-closed");
    let run = |args: &[&str]| text(&succeeds(&dir, args));
    let search = [
        "near",
        "--near",
        "Grenoble",
        "--service",
        "Aide aux démarches administratives",
        "-k",
        "3",
    ];
    // A Sunday at 3 in the morning: nothing is open.
    let sunday_night = [&search[..], &["--open-at", "2026-12-06T03:00"]].concat();
    let json_answer = run(&[&sunday_night[..], &["--format", "json"]].concat());
    assert_eq!(json(json_answer.as_bytes()), serde_json::json!([]));
    let shown = run(&sunday_night);
    let note = "Aucun lieu qui correspond n'est ouvert à cette heure ; les voici sans cette condition, avec leur prochaine ouverture.\n\n";
    let rest = shown.strip_prefix(note).expect(&shown);
    // The same search without the open condition, at the same instant.
    assert_eq!(
        rest,
        run(&[&search[..], &["--at", "2026-12-06T03:00"]].concat())
    );
    assert!(rest.contains("Fermé · ouvre demain à"), "{rest}");
    assert!(!rest.contains("Ouvert ·"), "{rest}");
    // Open places: no note. Nothing matching at all: the usual answer, no note.
    let open = run(&[&search[..], &["--open-at", "2026-12-01T10:00"]].concat());
    assert!(open.contains("Ouvert ·") && !open.contains("Aucun lieu qui correspond"));
    let none = run(&[
        "--lang",
        "en",
        "near",
        "--lat",
        "48.85",
        "--lon",
        "2.35",
        "--radius-km",
        "1",
        "--open-at",
        "2026-12-06T03:00",
    ]);
    assert!(
        none.contains("No place matches") && !none.contains("open at that time"),
        "{none}"
    );
}

#[test]
fn near_json_has_the_answer_fields_and_follows_the_filters() {
    let dir = scratch("near-json");
    let out = inclusion(&dir)
        .args([
            "near",
            "--lat",
            "45.76",
            "--lon",
            "4.84",
            "-k",
            "8",
            "--radius-km",
            "20",
            "--support",
            "Accompagnement individuel",
            "--open-at",
            "2026-12-01T10:00",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let places = json(&out.get_output().stdout);
    let places = places.as_array().unwrap();
    assert_eq!(places.len(), 8);
    let mut last = 0.0;
    for p in places {
        for key in [
            "id",
            "nom",
            "adresse",
            "code_postal",
            "commune",
            "courriels",
            "site_web",
        ] {
            assert!(p.get(key).is_some(), "{key}: {p}");
        }
        assert_eq!(p["open"], true, "--open-at filters");
        let d = p["distance_m"].as_f64().unwrap();
        assert!(d >= last && d <= 20_000.0);
        last = d;
    }
    // English, no match: an empty list, exit 0.
    let out = inclusion(&dir)
        .args([
            "near",
            "--lat",
            "48.85",
            "--lon",
            "2.35",
            "--radius-km",
            "1",
            "--format",
            "json",
        ])
        .assert()
        .success();
    assert_eq!(json(&out.get_output().stdout), serde_json::json!([]));
}

#[test]
fn near_takes_the_commune_as_its_argument_as_with_near() {
    let dir = scratch("near-argument");
    let run = |args: &[&str]| json(&succeeds(&dir, args));
    let rest = ["-k", "4", "--at", "2026-12-01T10:00", "--format", "json"];
    for commune in ["Grenoble", "38000", "Valence (26)"] {
        let by_argument = run(&[&["near", commune][..], &rest].concat());
        let by_flag = run(&[&["near", "--near", commune][..], &rest].concat());
        assert!(
            by_argument.as_array().is_some_and(|a| !a.is_empty()),
            "{commune}"
        );
        assert_eq!(by_argument, by_flag, "{commune}");
    }
}

#[test]
fn near_bad_inputs_say_what_to_do() {
    let dir = scratch("near-bad");
    inclusion(&dir)
        .args([
            "near",
            "--near",
            "Grenoble",
            "--service",
            "aide aux demarches",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "vouliez-vous dire « Aide aux démarches administratives » ?",
        ))
        .stderr(predicate::str::contains(
            "Valeurs possibles : Aide aux démarches administratives |",
        ));
    fails(
        &dir,
        &["near", "--near", "Grenoble", "--open-at", "demain"],
        "AAAA-MM-JJTHH:MM",
    );
    fails(
        &dir,
        &[
            "--lang",
            "en",
            "near",
            "--near",
            "Grenoble",
            "--open-at",
            "1800-01-01T10:00",
        ],
        "outside the supported range (1900–2199)",
    );
    fails(
        &dir,
        &["near", "--near", "Grenoble", "-k", "0"],
        "-k doit valoir au moins 1",
    );
    fails(&dir, &["near", "--near", "Grenobl"], "Grenoble (38)");
    fails(&dir, &["near", "Grenobl"], "Grenoble (38)");
    fails(
        &dir,
        &["near"],
        "donnez une commune (inclusion near Grenoble",
    );
    fails(
        &dir,
        &["near", "Grenoble", "--near", "Lyon"],
        "cannot be used with",
    );
    fails(
        &dir,
        &["near", "Grenoble", "--lat", "45", "--lon", "5"],
        "cannot be used with",
    );
    fails(&dir, &["near", "--lat", "45.2"], "--lon");
    fails(
        &dir,
        &["near", "--lat", "95", "--lon", "5"],
        "position invalide",
    );
    // 2026-03-29 02:30 does not exist in Paris.
    fails(
        &dir,
        &["near", "--near", "Lyon", "--open-at", "2026-03-29T02:30"],
        "n'existe pas",
    );
}

#[test]
fn near_on_a_data_file_names_the_rows_left_out() {
    let dir = scratch("near-data");
    file(
        &dir,
        "places.csv",
        format!("{HEADER},latitude,longitude\n{GOOD_ROW},49.25,4.03\n{BAD_ROW},49.26,4.04\n"),
    );
    let out = inclusion(&dir)
        .args([
            "--lang",
            "en",
            "near",
            "--near",
            "Reims",
            "--data",
            "places.csv",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let places = json(&out.get_output().stdout);
    assert_eq!(places.as_array().unwrap().len(), 1);
    assert_eq!(places[0]["id"], "p1");
    let stderr = text(&out.get_output().stderr);
    assert!(
        stderr.contains("places.csv: 1 of 2 row(s) left out (errors), rows 3"),
        "{stderr}"
    );
    file(&dir, "empty.csv", "");
    fails(
        &dir,
        &[
            "--lang",
            "en",
            "near",
            "--near",
            "Reims",
            "--data",
            "empty.csv",
        ],
        "empty.csv cannot be read: The file is empty",
    );
}

#[test]
fn near_and_coverage_on_two_threads_answer_as_on_one() {
    let dir = scratch("near-threads");
    // More places than the index builds on two threads from (8,192), around Reims and in
    // La Réunion, with opening hours of two time zones, and a bad row.
    let mut csv = format!("{HEADER},latitude,longitude,horaires\n");
    for i in 0..9_000 {
        let (postcode, lat, lon) = if i % 9 == 0 {
            ("97400", -20.9, 55.45)
        } else {
            ("51100", 49.25, 4.03)
        };
        let (dlat, dlon) = (
            (i * 7919 % 1000) as f64 / 2000.0,
            (i * 104_729 % 1000) as f64 / 2000.0,
        );
        let hours = [
            "Mo-Fr 09:00-17:00",
            "Mo-Sa 14:00-19:00; PH off",
            "Tu,Th 18:00-21:00",
        ][i % 3];
        csv.push_str(&format!(
            "p{i:05},43493312300029,Lieu {i},Reims,{postcode},1 rue X,2024-04-02,{:.5},{:.5},{hours}\n",
            lat + dlat,
            lon + dlon
        ));
    }
    csv.push_str(&format!("{BAD_ROW},49.26,4.04,\n"));
    file(&dir, "many.csv", &csv);
    // `threads` empty: the default, as many threads as the system gives.
    let run = |args: &[&str], threads: &str| {
        let out = inclusion(&dir)
            .args(["--lang", "en"])
            .args(args)
            .args(["--data", "many.csv", "--format", "json"])
            .args(
                ["--threads", threads]
                    .iter()
                    .filter(|_| !threads.is_empty()),
            )
            .assert()
            .success();
        json(&out.get_output().stdout)
    };
    let near = [
        "near",
        "--lat",
        "49.3",
        "--lon",
        "4.1",
        "-k",
        "40",
        "--open-at",
        "2026-03-03T18:30",
    ];
    let one = run(&near, "1");
    assert_eq!(one.as_array().unwrap().len(), 40);
    assert_eq!(run(&near, "2"), one);
    assert_eq!(run(&near, ""), one);
    // Grand Est: 5,000-odd communes, half of them on each thread.
    let coverage = ["coverage", "--region", "44"];
    let one = run(&coverage, "1");
    assert!(
        one["communes"].as_array().is_some_and(|c| !c.is_empty()),
        "{one}"
    );
    assert_eq!(run(&coverage, "2"), one);
    assert_eq!(run(&coverage, ""), one);
    fails(
        &dir,
        &["near", "--lat", "49", "--lon", "4", "--threads", "0"],
        "--threads",
    );
}

// ---------------------------------------------------------------------------------------
// hours

const HOURS: &str = "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off";

#[test]
fn hours_text_and_json_in_the_territory_local_time() {
    let dir = scratch("hours");
    let out = inclusion(&dir)
        .args([
            "hours",
            HOURS,
            "--at",
            "2026-12-25T10:00",
            "--postcode",
            "97400",
        ])
        .assert()
        .success();
    insta::assert_snapshot!("hours_text", text(&out.get_output().stdout));
    let out = inclusion(&dir)
        .args([
            "hours",
            HOURS,
            "--at",
            "2026-12-24T10:00",
            "--insee",
            "97411",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let r = json(&out.get_output().stdout);
    assert_eq!(
        (r["open"].as_bool(), r["state"].as_str()),
        (Some(true), Some("open"))
    );
    assert_eq!(r["local_time"], "2026-12-24T10:00:00+04:00");
    assert_eq!(r["next_change"], "2026-12-24T12:00:00+04:00");
    assert_eq!(r["time_zone"], "Indian/Reunion");
    assert_eq!(
        r["week"].as_array().unwrap().first().unwrap()["start"],
        "2026-12-21T00:00:00+04:00"
    );
}

#[test]
fn hours_from_french_and_describe() {
    let dir = scratch("hours-french");
    let out = inclusion(&dir)
        .args([
            "hours",
            "--from-french",
            "Du lundi au vendredi de 9h à 12h, sauf jours fériés",
            "--at",
            "2026-12-01T10:00",
            "--format",
            "json",
        ])
        .assert()
        .code(0);
    let r = json(&out.get_output().stdout);
    assert_eq!(r["osm"], "Mo-Fr 09:00-12:00; PH off");
    assert_eq!(r["open"], true);
    assert!(r["confidence"].as_f64().unwrap() > 0.9);
    assert!(r["not_understood"].as_array().unwrap().is_empty());
    // No faithful value: exit 1, `osm` and `open` null, the reason given.
    let out = inclusion(&dir)
        .args([
            "hours",
            "--from-french",
            "Voir site internet",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let r = json(&out.get_output().stdout);
    assert!(r["osm"].is_null() && r["open"].is_null(), "{r}");
    assert!(r["why"].is_string());
    let out = inclusion(&dir)
        .args([
            "hours",
            "--from-french",
            "lundi au vendredi 9h-12h",
            "--at",
            "2026-12-01T10:00",
        ])
        .assert()
        .code(0);
    insta::assert_snapshot!("hours_from_french_text", text(&out.get_output().stdout));
    inclusion(&dir)
        .args([
            "--lang",
            "en",
            "hours",
            "Mo-Fr 09:00-12:00; PH off",
            "--describe",
        ])
        .assert()
        .success()
        .stdout("Monday to Friday, 9:00–12:00; closed on public holidays\n");
    inclusion(&dir)
        .args(["hours", "Mo-Fr 09:00-12:00; PH off", "--describe"])
        .assert()
        .success()
        .stdout("Du lundi au vendredi, de 9 h à 12 h ; fermé les jours fériés\n");
}

#[test]
fn hours_bad_inputs() {
    let dir = scratch("hours-bad");
    fails(
        &dir,
        &["hours", "du lundi au vendredi de 9h à 12h"],
        "il se lit « Mo-Fr 09:00-12:00 »",
    );
    fails(
        &dir,
        &["hours", HOURS, "--at", "25/12/2026"],
        "n'est pas une date et une heure",
    );
    fails(
        &dir,
        &["hours", HOURS, "--at", "2300-01-01T10:00"],
        "hors de la période prise en charge",
    );
    inclusion(&dir)
        .args(["hours", HOURS, "--postcode", "75001", "--insee", "75101"])
        .assert()
        .code(2);
}

// ---------------------------------------------------------------------------------------
// orient

#[test]
fn orient_text_json_questionnaire_and_eurostat() {
    let dir = scratch("orient");
    let answers = repo().join("examples/skills-no-skills-urgent.json");
    let out = inclusion(&dir)
        .arg("orient")
        .arg(&answers)
        .assert()
        .success();
    insta::assert_snapshot!("orient_text", text(&out.get_output().stdout));
    let out = inclusion(&dir)
        .arg("orient")
        .arg(&answers)
        .args(["--format", "json"])
        .assert()
        .success();
    let a = json(&out.get_output().stdout);
    assert_eq!(a["outcome"]["recommendation"]["accompaniment"], "on_behalf");
    // With a position: the nearest places that give the help, relaxed when needed.
    inclusion(&dir)
        .arg("--lang")
        .arg("en")
        .arg("orient")
        .arg(&answers)
        .args(["--near", "Lyon", "-k", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Nearest places to Lyon"))
        .stdout(predicate::str::contains("  2. "));
    // The answers from the standard input.
    inclusion(&dir)
        .args(["orient", "-", "--format", "json"])
        .write_stdin(std::fs::read(&answers).unwrap())
        .assert()
        .success();
    let out = inclusion(&dir)
        .args(["orient", "--questionnaire"])
        .assert()
        .success();
    assert!(
        json(&out.get_output().stdout)["items"]
            .as_array()
            .unwrap()
            .len()
            >= 30
    );
    inclusion(&dir)
        .args(["orient", "--eurostat"])
        .arg(repo().join("examples/skills-eurostat.json"))
        .args(["--format", "json"])
        .assert()
        .success()
        .stdout("{\"areas\":{\"information\":\"above_basic\",\"communication\":\"above_basic\",\"content_creation\":\"basic\",\"safety\":\"basic\",\"problem_solving\":\"above_basic\"},\"class\":\"basic\"}\n");
}

#[test]
fn orient_bad_inputs() {
    let dir = scratch("orient-bad");
    inclusion(&dir).arg("orient").assert().code(2);
    inclusion(&dir)
        .args(["orient", "--questionnaire", "--eurostat", "x.json"])
        .assert()
        .code(2);
    file(
        &dir,
        "bad.json",
        r#"{"questionnaire": "x", "answers": {"nope": 1}}"#,
    );
    fails(&dir, &["orient", "bad.json"], "bad.json");
    file(&dir, "bin.json", b"\xff\xfe\x00");
    fails(&dir, &["orient", "bin.json"], "n'est pas du texte UTF-8");
}

// ---------------------------------------------------------------------------------------
// coverage, schemas

#[test]
fn coverage_text_of_a_departement() {
    let dir = scratch("coverage-text");
    let out = inclusion(&dir)
        .args([
            "--lang",
            "en",
            "coverage",
            "--departement",
            "38",
            "--service",
            "Aide aux démarches administratives",
            "--top",
            "5",
        ])
        .assert()
        .success();
    insta::assert_snapshot!("coverage_text", text(&out.get_output().stdout));
}

#[test]
fn schemas_print_the_bundle_and_write_the_files() {
    let dir = scratch("schemas");
    let out = inclusion(&dir).arg("schemas").assert().success();
    let bundle = json(&out.get_output().stdout);
    assert!(bundle["$defs"].get("NearbyPlace").is_some());
    assert_eq!(
        text(&out.get_output().stdout),
        std::fs::read_to_string(repo().join("schemas/inclusion.schema.json")).unwrap(),
        "the bundle printed is the committed one"
    );
    inclusion(&dir)
        .args(["schemas", "--out", "s"])
        .assert()
        .success();
    assert!(dir.join("s/hours-report.schema.json").exists());
    inclusion(&dir)
        .args(["schemas", "--out", "s", "--check"])
        .assert()
        .code(0);
    std::fs::write(dir.join("s/place.schema.json"), "{}").unwrap();
    inclusion(&dir)
        .args(["schemas", "--out", "s", "--check"])
        .assert()
        .code(1);
    inclusion(&dir)
        .arg("schemas")
        .arg("--out")
        .arg(repo().join("schemas"))
        .arg("--check")
        .assert()
        .code(0);
}
