//! Clusters, merges, input sets and outputs, as the `inclusion dedup` command will use them.

use chrono::NaiveDate;
use inclusion_merge::{
    Config, Decision, InputSet, MergeError, Refusal, clusters, dedup, find_duplicates, merge,
    merge::merged_id, pairs_to_json, render_text, write_pairs_csv, write_review_csv, write_text,
};
use inclusion_model::{Address, Coordinates, Lang, Place, Service};

fn place(id: &str, name: &str, street: &str, source: &str) -> Place {
    let mut p = Place::new(
        id,
        "00000000000000",
        name,
        Address::new(street, "42100", "Saint-Étienne"),
        NaiveDate::from_ymd_opt(2023, 6, 1).unwrap(),
    );
    p.coordinates = Some(Coordinates::new(45.4268, 4.4075).unwrap());
    p.source = Some(source.into());
    p
}

#[test]
fn a_cluster_is_never_held_by_one_weak_link() {
    // a–b duplicates (same name and address), b–c duplicates (same phone and e-mail), but a and
    // c are two organisations: c may not join a's group.
    let a = place("a", "Médiathèque Louis Aragon", "1 rue Victor Hugo", "s1");
    let mut b = place("b", "Espace Louis Aragon", "1 rue Victor Hugo", "s2");
    b.contact.phone = Some("+33477000000".into());
    b.contact.emails.push("epn@aragon.fr".into());
    let mut c = place("c", "EPN Jean Moulin", "1 rue Victor Hugo", "s3");
    c.contact.phone = Some("+33477000000".into());
    c.contact.emails.push("epn@aragon.fr".into());
    let places = [a, b, c];
    let config = Config::default();
    let pairs = find_duplicates(&places, &config).unwrap();
    assert_eq!(pairs.get(0, 1).unwrap().decision, Decision::Duplicate);
    assert_eq!(pairs.get(1, 2).unwrap().decision, Decision::Duplicate);
    assert!(
        pairs
            .get(0, 2)
            .is_none_or(|p| p.decision == Decision::Distinct)
    );
    let groups = clusters(&places, &pairs, &config).unwrap();
    assert_eq!(groups.clusters.len(), 1);
    assert_eq!(groups.clusters[0].indices.len(), 2);
    let refused = &groups.refused[0];
    assert_eq!(refused.reason, Refusal::WeakLink);
    assert!(
        refused.en.contains("« a »") && refused.en.contains("« c »"),
        "{}",
        refused.en
    );
    // Every link of the cluster is listed with its score.
    assert_eq!(groups.clusters[0].links.len(), 1);
}

#[test]
fn same_source_and_size_limits() {
    let places = [
        place("a", "APEJ", "72 rue de Pons", "dora"),
        place("b", "APEJ", "72 rue de Pons", "dora"),
        place("c", "APEJ", "72 rue de Pons", "hub"),
    ];
    let mut config = Config::default();
    let pairs = find_duplicates(&places, &config).unwrap();
    assert_eq!(pairs.with_decision(Decision::Duplicate).count(), 3);
    let groups = clusters(&places, &pairs, &config).unwrap();
    assert_eq!(groups.clusters[0].members, ["a", "c"]);
    assert!(
        groups
            .refused
            .iter()
            .all(|r| r.reason == Refusal::SameSource)
    );
    config.allow_internal = true;
    let groups = clusters(&places, &pairs, &config).unwrap();
    assert_eq!(groups.clusters[0].members, ["a", "b", "c"]);
    assert!(groups.refused.is_empty());
    config.max_cluster_size = 2;
    let groups = clusters(&places, &pairs, &config).unwrap();
    assert_eq!(groups.clusters[0].members.len(), 2);
    assert!(groups.refused.iter().any(|r| r.reason == Refusal::TooLarge));
    // Pairs found in other places are refused.
    assert!(matches!(
        clusters(&places[..2], &pairs, &config),
        Err(MergeError::PlaceIndex { .. })
    ));
}

#[test]
fn merge_keeps_the_most_recent_values_and_reports_the_rest() {
    let mut old = place("cnfs-1", "APEJ", "72 Rue de Pons", "conseiller-numerique");
    old.updated_on = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    old.pivot = "33820960400028".into();
    old.contact.phone = Some("+33545353891".into());
    old.contact.emails.push("Contact@apej.fr".into());
    old.services.push(Service::AdministrativeProcedures);
    old.address.insee_code = Some("42218".into());
    let mut new = place("dora-7", "APEJ COGNAC", "72 RUE DE PONS", "dora");
    new.updated_on = NaiveDate::from_ymd_opt(2023, 5, 1).unwrap();
    new.contact.phone = Some("+33545829800".into());
    new.contact.emails.push("contact@apej.fr".into());
    new.contact.emails.push("accueil@apej.fr".into());
    new.services.push(Service::EverydayDigitalTools);
    new.services.push(Service::AdministrativeProcedures);
    new.coordinates = Some(Coordinates::new(45.4300, 4.4075).unwrap());

    let merged = merge(&[&old, &new], &Config::default()).unwrap();
    let p = &merged.place;
    assert_eq!(merged.members, ["dora-7", "cnfs-1"]);
    assert_eq!(p.name, "APEJ COGNAC");
    assert_eq!(p.updated_on, new.updated_on);
    assert_eq!(p.pivot, "33820960400028", "the placeholder is no value");
    assert_eq!(p.address.street, "72 RUE DE PONS");
    assert_eq!(
        p.address.insee_code.as_deref(),
        Some("42218"),
        "filled from a member of the same commune"
    );
    assert_eq!(p.contact.phone.as_deref(), Some("+33545829800"));
    assert_eq!(p.contact.emails, ["contact@apej.fr", "accueil@apej.fr"]);
    assert_eq!(
        p.services,
        [
            Service::EverydayDigitalTools,
            Service::AdministrativeProcedures
        ]
    );
    assert_eq!(p.source.as_deref(), Some("dora|conseiller-numerique"));
    assert_eq!(p.id, merged_id(["cnfs-1", "dora-7"]));
    // Conflicts: the name, the phone and the coordinates (350 m), not the address (case only).
    let columns: Vec<&str> = merged.conflicts.iter().map(|c| c.column.as_str()).collect();
    assert_eq!(columns, ["nom", "latitude", "telephone"]);
    let phone = &merged.conflicts[2];
    assert_eq!(
        (phone.kept.as_str(), phone.kept_from.as_str()),
        ("+33545829800", "dora-7")
    );
    assert_eq!(phone.others[0].value, "+33545353891");
    assert_eq!(phone.others[0].from, ["cnfs-1"]);
    // Provenance of every value.
    let from = |column: &str, value: &str| {
        merged
            .provenance
            .iter()
            .find(|v| v.column == column && v.value == value)
            .map(|v| v.from.clone())
    };
    assert_eq!(
        from("pivot", "33820960400028"),
        Some(vec!["cnfs-1".to_owned()])
    );
    assert_eq!(
        from("services", "Aide aux démarches administratives"),
        Some(vec!["dora-7".to_owned(), "cnfs-1".to_owned()])
    );
    assert_eq!(
        from("courriels", "accueil@apej.fr"),
        Some(vec!["dora-7".to_owned()])
    );
    assert!(matches!(
        merge(&[], &Config::default()),
        Err(MergeError::EmptyCluster)
    ));
}

#[test]
fn input_sets_read_several_files_leniently() {
    let dir = std::env::temp_dir().join(format!("inclusion-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A v0.1 file (`;` lists, `courriel`), migrated, ids kept.
    let v01 = dir.join("hub.csv");
    std::fs::write(
        &v01,
        "id;pivot;nom;commune;code_postal;adresse;date_maj;services;courriel\n\
         12;00000000000000;APEJ;Cognac;16100;72 Rue de Pons;2022-06-02;Prendre en main un ordinateur;contact@apej.fr\n",
    )
    .unwrap();
    let v1 = dir.join("dora.json");
    std::fs::write(
        &v1,
        r#"[{"id":"12","pivot":"00000000000000","nom":"APEJ COGNAC","commune":"Cognac","code_postal":"16100",
            "adresse":"72 RUE DE PONS","date_maj":"2023-05-01","source":"dora","telephone":"05 45 35 38 91"},
           {"id":"13","pivot":"00000000000000","nom":"Sans date","commune":"Cognac","code_postal":"16100",
            "adresse":"1 rue X","date_maj":"pas une date"}]"#,
    )
    .unwrap();
    let set = InputSet::read_paths([&v01, &v1]).unwrap();
    assert_eq!(set.files.len(), 2);
    assert_eq!(
        (set.files[0].name.as_str(), set.files[0].version.as_str()),
        ("hub", "0.1")
    );
    assert_eq!(set.places[0].id, "12");
    assert_eq!(set.places[0].contact.emails, ["contact@apej.fr"]);
    assert_eq!(set.places[1].id, "dora:12");
    assert_eq!(set.files[1].rows, 2);
    assert_eq!(
        set.files[1].places, 1,
        "a row without a valid date_maj (required) cannot take part"
    );
    let codes: Vec<&str> = set.files[1].diagnostics.iter().map(|d| d.code()).collect();
    assert!(codes.contains(&"merge.id_collision"), "{codes:?}");
    assert!(codes.contains(&"date"), "{codes:?}");
    assert!(
        set.places[1].contact.phone.is_none(),
        "the invalid phone is dropped, and reported"
    );
    assert_eq!(set.file_of(1).name, "dora");

    let report = dedup(&set, &Config::default()).unwrap();
    assert_eq!(report.clusters.clusters.len(), 1);
    assert_eq!(report.places.len(), 1);
    let text = render_text(&report, Lang::En);
    assert!(text.contains("file hub: 1 place of 1 row (v0.1)"), "{text}");
    assert!(text.contains("duplicate "), "{text}");
    assert!(
        text.contains("conflict nom: kept « APEJ COGNAC »"),
        "{text}"
    );
    let texte = render_text(&report, Lang::Fr);
    assert!(
        texte.contains("fichier hub : 1 lieu sur 1 ligne (v0.1)"),
        "{texte}"
    );
    assert!(texte.contains("\ndoublon "), "{texte}");
    assert!(
        texte.contains("conflit nom : gardé « APEJ COGNAC »"),
        "{texte}"
    );
    // Each pair's reasons in the language asked.
    let pair = &report.pairs.pairs[0];
    assert!(texte.contains(&pair.decided_by.fr) && text.contains(&pair.decided_by.en));
    // Written as it goes: the same text; an output that fails stops it with the error.
    let mut written = Vec::new();
    write_text(&report, Lang::Fr, &mut written).unwrap();
    assert_eq!(String::from_utf8(written).unwrap(), texte);
    let mut full = FailsAfter {
        room: 40,
        written: Vec::new(),
    };
    let err = write_text(&report, Lang::En, &mut full).unwrap_err();
    assert!(matches!(err, MergeError::Write { .. }), "{err}");
    assert!(full.written.len() <= 40 && text.as_bytes().starts_with(&full.written));

    // Errors name the file.
    let missing = InputSet::read_paths([dir.join("absent.csv")]).unwrap_err();
    assert!(
        matches!(missing, MergeError::Read { .. }) && missing.to_string().contains("absent.csv")
    );
    let garbage = dir.join("garbage.json");
    std::fs::write(&garbage, "{\"not\": \"an array\"}").unwrap();
    let err = InputSet::read_paths([&garbage]).unwrap_err();
    assert!(matches!(err, MergeError::Unreadable { .. }), "{err}");
    // The diagnostic says why in both languages; bytes read elsewhere get the same name.
    let MergeError::Unreadable { diagnostic, .. } = err else {
        unreachable!()
    };
    assert!(!diagnostic.message_fr().is_empty() && diagnostic.is_error());
    let mut set = InputSet::new();
    let file = set
        .add_path_bytes(dir.join("dora.csv"), "id,pivot,nom,commune,code_postal,adresse,date_maj\n1,00000000000000,APEJ,Cognac,16100,72 Rue de Pons,2023-05-01\n".as_bytes())
        .unwrap();
    assert_eq!((file.name.as_str(), file.places), ("dora", 1));
    assert!(file.path.as_deref().unwrap().ends_with("dora.csv"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn outputs_read_back() {
    let mut a = place("a", "APEJ", "72 rue de Pons", "s1");
    a.contact.phone = Some("+33545353891".into());
    let b = place("b", "APEJ", "72 rue de Pons", "s2");
    // A review pair: the same building, a generic name and a named association.
    let c = place("c", "Les Pixels", "3 rue Victor Hugo", "s1");
    let d = place(
        "d",
        "Médiathèque de Saint-Étienne",
        "3 rue Victor Hugo",
        "s2",
    );
    let places = [a, b, c, d];
    let pairs = find_duplicates(&places, &Config::default()).unwrap();
    assert_eq!(pairs.stats.duplicates, 1);
    assert_eq!(pairs.stats.reviews, 1);

    let mut out = Vec::new();
    write_pairs_csv(&pairs, &places, &mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), pairs.pairs.len());
    assert_eq!(
        (&rows[0][0], &rows[0][1], &rows[0][2]),
        ("a", "b", "duplicate")
    );
    assert!(rows[0][10].contains("même adresse"), "{:?}", &rows[0]);

    let mut out = Vec::new();
    write_review_csv(&pairs, &places, &mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(header.get(header.len() - 1), Some("verdict"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!((&rows[0][2], &rows[0][12]), ("c", "d"));

    let json: serde_json::Value = serde_json::from_str(&pairs_to_json(&pairs).unwrap()).unwrap();
    for pair in json["pairs"].as_array().unwrap() {
        for key in ["left", "right", "decision", "score", "reasons"] {
            assert!(pair.get(key).is_some(), "{key} missing in {pair}");
        }
        assert!(["duplicate", "review", "distinct"].contains(&pair["decision"].as_str().unwrap()));
    }
    assert_eq!(json["rules"], inclusion_merge::RULES_VERSION);

    // A closed pipe is an error, not a panic.
    struct Closed;
    impl std::io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = write_pairs_csv(&pairs, &places, Closed).unwrap_err();
    assert!(matches!(err, MergeError::Write { .. }), "{err}");
}

/// An output with room for `room` bytes: a full disk.
struct FailsAfter {
    room: usize,
    written: Vec<u8>,
}

impl std::io::Write for FailsAfter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.room - self.written.len());
        if n == 0 && !buf.is_empty() {
            return Err(std::io::Error::other("no space left on device"));
        }
        self.written.extend_from_slice(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
