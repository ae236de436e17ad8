//! `inclusion dedup` as a user runs it: the pairs it prints are the library's (text and JSON,
//! following `schemas/dedup-pairs.schema.json`), the synthetic two-source set of the anchors is
//! deduplicated as its truth says, `--pairs`, `--review` and `-o` write files that agree with
//! the printed pairs, the merged file passes `inclusion validate`, `--allow-internal` groups
//! the places of one file, and bad inputs give exit 1 or 2 with a short message.

#[path = "../../inclusion-schema/tests/common/mod.rs"]
mod checker;
mod common;

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use checker::Checker;
use common::{BAD_ROW, HEADER, file, inclusion, repo, scratch, text};
use inclusion::merge::{Config, Decision, InputSet, dedup, pairs_to_json};
use serde_json::Value;

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(bytes)))
}

/// The records of a CSV file as maps from column to value.
fn csv_records(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).expect("a CSV file");
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

/// `(left, right, decision)` of the JSON pairs.
fn pair_keys(pairs: &Value) -> Vec<(String, String, String)> {
    pairs["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(|p| {
            (
                p["left"].as_str().unwrap().to_owned(),
                p["right"].as_str().unwrap().to_owned(),
                p["decision"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

const COLUMNS: &str =
    "id,pivot,nom,commune,code_postal,adresse,date_maj,latitude,longitude,telephone";

/// Two files: `a1`/`b1` are one organisation written twice by two producers; `a2`/`a3` are two
/// copies within file `a` (grouped only with `--allow-internal`); `b2` is alone.
fn two_sources(dir: &Path) {
    file(
        dir,
        "a.csv",
        format!(
            "{COLUMNS}\n\
             a1,33820960400028,APEJ,Cognac,16100,72 Rue de Pons,2022-01-01,45.6950,-0.3300,+33545000000\n\
             a2,00000000000000,Médiathèque,Cognac,16100,10 Rue du Minage,2022-01-01,45.6960,-0.3310,\n\
             a3,00000000000000,Médiathèque,Cognac,16100,10 Rue du Minage,2022-01-01,45.6960,-0.3310,\n"
        ),
    );
    file(
        dir,
        "b.csv",
        format!(
            "{COLUMNS}\n\
             b1,33820960400028,APEJ COGNAC,Cognac,16100,72 RUE DE PONS,2023-05-01,45.6951,-0.3301,+33545000000\n\
             b2,00000000000000,Mairie,Jarnac,16200,1 place du Château,2023-05-01,45.68,-0.17,\n"
        ),
    );
}

#[test]
fn dedup_prints_the_pairs_of_the_library_and_writes_files_that_agree() {
    let dir = scratch("dedup-small");
    two_sources(&dir);

    // Text: the pairs with their reasons, the cluster, the pair left out of the clusters.
    let out = inclusion(&dir)
        .args(["dedup", "a.csv", "b.csv"])
        .assert()
        .code(0);
    let printed = text(&out.get_output().stdout);
    insta::assert_snapshot!("dedup_text", printed);

    // JSON: exactly the library's pairs, following the schema.
    let out = inclusion(&dir)
        .args(["dedup", "a.csv", "b.csv", "--format", "json"])
        .assert()
        .code(0);
    let pairs = json(&out.get_output().stdout);
    Checker::new("dedup-pairs").assert_valid(&pairs, "dedup --format json");
    let mut input = InputSet::new();
    input.add_path(dir.join("a.csv")).unwrap();
    input.add_path(dir.join("b.csv")).unwrap();
    let report = dedup(&input, &Config::default()).unwrap();
    let expected: Value = serde_json::from_str(&pairs_to_json(&report.pairs).unwrap()).unwrap();
    assert_eq!(pairs, expected);
    let keys: BTreeSet<_> = pair_keys(&pairs).into_iter().collect();
    let d = |l: &str, r: &str| (l.to_owned(), r.to_owned(), "duplicate".to_owned());
    assert!(keys.contains(&d("a1", "b1")), "{keys:?}");
    assert!(keys.contains(&d("a2", "a3")), "{keys:?}");
    assert!(
        !keys.iter().any(|(l, r, _)| l == "b2" || r == "b2"),
        "b2 is alone: {keys:?}"
    );

    // --pairs, --review, -o, --report together.
    let out = inclusion(&dir)
        .args([
            "dedup",
            "a.csv",
            "b.csv",
            "--pairs",
            "pairs.csv",
            "--review",
            "review.csv",
            "-o",
            "merged.csv",
            "--report",
            "report.json",
        ])
        .assert()
        .code(0);
    let notes = text(&out.get_output().stderr);
    assert!(
        notes.contains("écrit merged.csv (4 lieu(x) dont 1 fusionné(s)"),
        "{notes}"
    );
    let written: Vec<_> = csv_records(&dir.join("pairs.csv"))
        .into_iter()
        .map(|r| (r["left"].clone(), r["right"].clone(), r["decision"].clone()))
        .collect();
    assert_eq!(
        written,
        pair_keys(&pairs),
        "pairs.csv lists the printed pairs"
    );
    assert!(
        csv_records(&dir.join("review.csv")).is_empty(),
        "no pair to review"
    );

    // The merged file: one place for a1 + b1 (their sources listed), a2 and a3 kept apart (one
    // source), b2; `inclusion validate` accepts it.
    let merged = csv_records(&dir.join("merged.csv"));
    let ids: Vec<&str> = merged.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids[0].starts_with("merged-"), "{ids:?}");
    assert_eq!(&ids[1..], ["a2", "a3", "b2"]);
    let sources: BTreeSet<&str> = merged[0]["source"].split('|').collect();
    assert_eq!(sources, BTreeSet::from(["a", "b"]));
    // The most recent date_maj wins a single-valued field.
    assert_eq!(merged[0]["nom"], "APEJ COGNAC");
    inclusion(&dir)
        .args(["validate", "merged.csv"])
        .assert()
        .code(0);
    let report_json = json(&std::fs::read(dir.join("report.json")).unwrap());
    Checker::new("dedup-report").assert_valid(&report_json, "dedup --report");
    assert_eq!(report_json["merged"].as_array().unwrap().len(), 1);

    // --allow-internal: a2 and a3 are grouped too; the merged file is JSON by its extension.
    inclusion(&dir)
        .args([
            "dedup",
            "a.csv",
            "b.csv",
            "--allow-internal",
            "-o",
            "merged.json",
            "-q",
        ])
        .assert()
        .code(0)
        .stderr("");
    let merged = json(&std::fs::read(dir.join("merged.json")).unwrap());
    let ids: Vec<&str> = merged
        .as_array()
        .expect("an array of places")
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids[0].starts_with("merged-") && ids[1].starts_with("merged-"));
    assert_eq!(ids[2], "b2");
    inclusion(&dir)
        .args(["validate", "merged.json"])
        .assert()
        .code(0);
}

/// The synthetic set of the anchors (600 copies of A places in B, 300 distractors): the
/// duplicates the binary prints across the two files have the precision and recall the
/// library promises against the truth, the review file lists the pairs to review, and the
/// merged file has one place per cluster.
#[test]
fn dedup_of_the_synthetic_sources_follows_the_truth() {
    let (Some(a), Some(b), Some(truth)) = (
        inclusion_anchors::anchor("dedup/synthetic.public.a.json"),
        inclusion_anchors::anchor("dedup/synthetic.public.b.json"),
        inclusion_anchors::read("dedup/synthetic.public.truth.json"),
    ) else {
        return;
    };
    let dir = scratch("dedup-synthetic");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = inclusion(&dir)
        .args([
            "dedup",
            a,
            b,
            "--format",
            "json",
            "--review",
            "review.csv",
            "-o",
            "merged.csv",
        ])
        .assert()
        .code(0);
    let pairs = json(&out.get_output().stdout);
    Checker::new("dedup-pairs").assert_valid(&pairs, "dedup of the synthetic set");

    let ids_of = |path: &str| -> HashSet<String> {
        let v: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let (in_a, in_b) = (ids_of(a), ids_of(b));
    let truth: Value = serde_json::from_slice(&truth).unwrap();
    let truth: HashSet<(String, String)> = truth["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["a_id"].as_str().unwrap().to_owned(),
                d["b_id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let found: HashSet<(String, String)> = pair_keys(&pairs)
        .into_iter()
        .filter(|(_, _, d)| d == "duplicate")
        .filter_map(|(l, r, _)| {
            if in_a.contains(&l) && in_b.contains(&r) {
                Some((l, r))
            } else if in_a.contains(&r) && in_b.contains(&l) {
                Some((r, l))
            } else {
                None // a pair within one file: not in the truth
            }
        })
        .collect();
    let right = found.intersection(&truth).count() as f64;
    let (precision, recall) = (right / found.len() as f64, right / truth.len() as f64);
    println!("inclusion dedup on the synthetic set: precision {precision:.3}, recall {recall:.3}");
    assert!(precision >= 0.98, "precision {precision}");
    assert!(recall >= 0.95, "recall {recall}");

    // The review file lists exactly the pairs decided "review".
    let review: BTreeSet<(String, String)> = csv_records(&dir.join("review.csv"))
        .into_iter()
        .map(|r| (r["gauche_id"].clone(), r["droite_id"].clone()))
        .collect();
    let to_review: BTreeSet<(String, String)> = pair_keys(&pairs)
        .into_iter()
        .filter(|(_, _, d)| d == "review")
        .map(|(l, r, _)| (l, r))
        .collect();
    assert!(!to_review.is_empty());
    assert_eq!(review, to_review);

    // The merged file: every place of no cluster, one per cluster (the library's clusters).
    let mut input = InputSet::new();
    input.add_path(a).unwrap();
    input.add_path(b).unwrap();
    let report = dedup(&input, &Config::default()).unwrap();
    assert_eq!(
        report.pairs.with_decision(Decision::Duplicate).count(),
        pairs["stats"]["duplicates"].as_u64().unwrap() as usize
    );
    let merged_away: usize = report
        .clusters
        .clusters
        .iter()
        .map(|c| c.members.len() - 1)
        .sum();
    let merged = csv_records(&dir.join("merged.csv"));
    assert_eq!(merged.len(), in_a.len() + in_b.len() - merged_away);
    let ids: Vec<&str> = merged.iter().map(|r| r["id"].as_str()).collect();
    let library: Vec<&str> = report.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids, library,
        "the library's deduplicated places, in its order"
    );
    let merged_ids: HashSet<&str> = merged.iter().map(|r| r["id"].as_str()).collect();
    for cluster in &report.clusters.clusters {
        for member in &cluster.members {
            assert!(!merged_ids.contains(member.as_str()), "{member} was merged");
        }
    }
    inclusion(&dir)
        .args(["-q", "validate", "merged.csv"])
        .assert()
        .code(0);
}

/// Exit 1 when rows were left out (the good rows still deduplicated), exit 2 with a message of
/// one or two lines for what cannot be read or written; nothing written then.
#[test]
fn dedup_bad_inputs_say_what_to_do() {
    let dir = scratch("dedup-bad");
    two_sources(&dir);
    let two_lines = |args: &[&str], code: i32, needle: &str| {
        let out = inclusion(&dir).args(args).assert().code(code);
        let stderr = text(&out.get_output().stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(
            (1..=2).contains(&stderr.lines().count()),
            "{args:?}: one or two lines: {stderr}"
        );
        assert!(out.get_output().stdout.is_empty(), "{args:?}");
    };

    // A row with an error in a required field: left out and named, the others deduplicated.
    file(
        &dir,
        "some-bad.csv",
        format!(
            "{HEADER},latitude,longitude\n\
             c1,33820960400028,APEJ,Cognac,16100,72 Rue de Pons,2023-01-01,45.6950,-0.3300\n\
             {BAD_ROW},49.25,4.03\n"
        ),
    );
    let out = inclusion(&dir)
        .args(["dedup", "a.csv", "some-bad.csv", "--format", "json"])
        .assert()
        .code(1);
    let stderr = text(&out.get_output().stderr);
    assert!(
        stderr.contains("some-bad.csv : 1 ligne(s) sur 2 laissée(s) de côté (erreurs), lignes 3"),
        "{stderr}"
    );
    let keys = pair_keys(&json(&out.get_output().stdout));
    assert!(
        keys.contains(&("a1".into(), "c1".into(), "duplicate".into())),
        "{keys:?}"
    );

    two_lines(
        &["dedup", "a.csv", "missing.csv"],
        2,
        "impossible de lire missing.csv : ce fichier n'existe pas",
    );
    file(&dir, "no-columns.csv", "nom,commune\nMairie,Reims\n");
    two_lines(
        &["--lang", "en", "dedup", "a.csv", "no-columns.csv"],
        2,
        "no-columns.csv cannot be read",
    );
    file(
        &dir,
        "binary.csv",
        [0xff_u8, 0xfe, 0x00, 0x9f, 0x92, 0x96, b'\n'],
    );
    two_lines(&["dedup", "binary.csv"], 2, "binary.csv");
    two_lines(
        &["dedup", "a.csv", "b.csv", "-o", "missing/merged.csv"],
        2,
        "impossible de créer missing/merged.csv",
    );
    two_lines(&["dedup", "-", "-"], 2, "une seule fois");
    file(&dir, "rules.json", "{\"thresholds\": 3}");
    two_lines(
        &["dedup", "a.csv", "--config", "rules.json"],
        2,
        "schemas/dedup-config.schema.json",
    );
    // Usage errors from clap: no file, --to without -o.
    inclusion(&dir).args(["dedup"]).assert().code(2);
    inclusion(&dir)
        .args(["dedup", "a.csv", "--to", "json"])
        .assert()
        .code(2);
    assert!(!dir.join("missing").exists());
}

/// The README's example (`cat cnfs.csv dora.csv`, then `inclusion --lang en dedup ...`) is what
/// the binary prints for those files.
#[test]
fn the_readme_example_is_what_the_binary_prints() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let command =
        "$ inclusion --lang en dedup cnfs.csv dora.csv -o merged.csv --review review.csv\n";
    let start = readme
        .find("$ cat cnfs.csv dora.csv\n")
        .expect("the example")
        + 24;
    let end = readme.find(command).expect("the command");
    let both: Vec<&str> = readme[start..end].lines().collect();
    let second = both.iter().rposition(|l| l.starts_with("id,")).unwrap();
    let dir = scratch("dedup-readme");
    file(&dir, "cnfs.csv", both[..second].join("\n") + "\n");
    file(&dir, "dora.csv", both[second..].join("\n") + "\n");
    let out = inclusion(&dir)
        .args(["--lang", "en", "dedup", "cnfs.csv", "dora.csv"])
        .args(["-o", "merged.csv", "--review", "review.csv"])
        .assert()
        .code(0);
    let printed = text(&out.get_output().stdout);
    let shown = &readme[end + command.len()..];
    let lines: Vec<&str> = printed.lines().collect();
    // The summary, the first reasons, the cluster and the pair left out, as printed.
    for line in lines[..10].iter().chain(&lines[lines.len() - 4..]) {
        assert!(
            shown.contains(&format!("{line}\n")),
            "README should show: {line}"
        );
    }
    for line in text(&out.get_output().stderr).lines() {
        assert!(shown.contains(line), "README should show: {line}");
    }
}

/// The rules the help names are the default ones.
#[test]
fn dedup_help_names_the_default_rules() {
    let dir = scratch("dedup-help");
    let out = inclusion(&dir).args(["dedup", "--help"]).assert().success();
    let help = text(&out.get_output().stdout).replace('\n', " ");
    let config = Config::default();
    let rules = format!(
        "rules {}: duplicate from a score of {}, review from {};",
        config.version, config.thresholds.duplicate, config.thresholds.review
    );
    assert!(help.contains(&rules), "{rules}: {help}");
}

/// The standard input is one source among the files.
#[test]
fn dedup_reads_the_standard_input() {
    let dir = scratch("dedup-stdin");
    two_sources(&dir);
    let b = std::fs::read(dir.join("b.csv")).unwrap();
    let out = inclusion(&dir)
        .args(["dedup", "a.csv", "-", "--format", "json"])
        .write_stdin(b)
        .assert()
        .code(0);
    let keys = pair_keys(&json(&out.get_output().stdout));
    assert!(
        keys.contains(&("a1".into(), "b1".into(), "duplicate".into())),
        "{keys:?}"
    );
}
