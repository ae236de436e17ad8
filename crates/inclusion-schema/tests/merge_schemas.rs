//! The documents of the duplicate finder (`inclusion-merge`), produced through its library API
//! on real datasets, follow their schemas; malformed configurations do not.

mod common;

use common::Checker;
use inclusion_merge::{Config, InputSet, dedup, quality};
use serde_json::{Value, json};

fn json_of<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

/// Two real datasets of the anchors when present (Charente, v1, and Hinaura, v0.1), else a
/// small inline set with a duplicate.
fn input() -> InputSet {
    let mut set = InputSet::new();
    let files = [
        "real-datasets/charente.20230711.json",
        "real-datasets/hinaura.schema-v0.1.json",
    ];
    let paths: Vec<_> = files
        .iter()
        .filter_map(|f| inclusion_anchors::anchor(f))
        .collect();
    if paths.len() == files.len() {
        for p in paths {
            set.add_path(p).unwrap();
        }
    } else {
        set.add_bytes(
            "a",
            b"id,pivot,nom,commune,code_postal,adresse,date_maj,latitude,longitude,telephone\n\
              1,33820960400028,APEJ,Cognac,16100,72 Rue de Pons,2022-01-01,45.6950,-0.3300,+33545353891\n\
              2,00000000000000,Mediatheque,Cognac,16100,10 Rue du Minage,2022-01-01,45.6960,-0.3310,\n",
        )
        .unwrap();
        set.add_bytes(
            "b",
            b"id,pivot,nom,commune,code_postal,adresse,date_maj,latitude,longitude\n\
              d7,33820960400028,APEJ COGNAC,Cognac,16100,72 RUE DE PONS,2023-05-01,45.6951,-0.3301\n",
        )
        .unwrap();
    }
    set
}

#[test]
fn dedup_documents_follow_their_schemas() {
    let set = input();
    let mut config = Config::default();
    config.allow_internal = true;
    let report = dedup(&set, &config).unwrap();
    assert!(!report.merged.is_empty(), "the input has duplicates");
    Checker::new("dedup-report").assert_valid(&json_of(&report), "a dedup report");
    Checker::new("dedup-pairs").assert_valid(&json_of(&report.pairs), "the pairs");
    Checker::new("dedup-clusters").assert_valid(&json_of(&report.clusters), "the clusters");
    let merged = Checker::new("merged-place");
    for m in &report.merged {
        merged.assert_valid(&json_of(m), "a merged place");
    }
    let quality_checker = Checker::new("quality");
    for p in set.places.iter().take(200) {
        quality_checker.assert_valid(&json_of(&quality(p)), "a quality score");
    }
    // With the distinct pairs kept too.
    config.keep_distinct = true;
    let pairs = inclusion_merge::find_duplicates(&set.places, &config).unwrap();
    Checker::new("dedup-pairs").assert_valid(&json_of(&pairs), "pairs with distinct ones");
}

#[test]
fn configurations_follow_their_schema() {
    let checker = Checker::new("dedup-config");
    checker.assert_valid(&json_of(&Config::default()), "the default configuration");
    checker.assert_valid(&json!({}), "an empty configuration (every default)");
    checker.assert_valid(
        &json!({"radius_m": 300, "thresholds": {"duplicate": 97}, "similarity": {"metric": "levenshtein"}}),
        "a partial configuration",
    );
    checker.assert_invalid(&json!({"radius": 300}), "an unknown key");
    checker.assert_invalid(
        &json!({"similarity": {"metric": "soundex"}}),
        "an unknown metric",
    );
    checker.assert_invalid(
        &json!({"thresholds": {"duplicate": "high"}}),
        "a threshold as text",
    );
    checker.assert_invalid(&json!({"today": "2024-13-01"}), "a date that is not one");
    // What the schema accepts, serde reads.
    let read: Config =
        serde_json::from_value(json!({"radius_m": 300, "today": "2024-06-01"})).unwrap();
    assert_eq!(read.radius_m, 300.0);
}
