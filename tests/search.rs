//! Search as users mean it, end to end: codes INSEE completed on a real file, the places of a
//! commune plus those around it, and the `nearest_help` example's `--commune`, `--remote` and
//! `--cannot-travel`, run as a user runs them.

use std::process::{Command, Output};

use inclusion::enrich::complete_insee_codes;
use inclusion::geo::sphere::haversine_m;
use inclusion::model::{ReadOptions, read_path};
use inclusion::territory::communes::Gazetteer;

fn nearest_help(args: &[&str]) -> Output {
    let exe = std::env::current_exe().expect("test binary path");
    let profile = exe
        .ancestors()
        .find(|d| d.join("examples").is_dir())
        .expect("target directory");
    let path = profile.join("examples").join("nearest_help");
    assert!(path.exists(), "{} is not built", path.display());
    Command::new(path).args(args).output().expect("runs")
}

/// Hub du Sud: 629 of its 646 places have no code INSEE; the enrichment completes most of
/// them, and the counts are those of the README's search section.
#[test]
fn hub_du_sud_codes_are_completed_as_the_readme_says() {
    let Some(path) = inclusion_anchors::anchor("real-datasets/hub-du-sud-paca.20230517.json")
    else {
        return;
    };
    let mut places = read_path(&path, &ReadOptions::default()).unwrap().places;
    assert_eq!(places.len(), 646);
    let report = complete_insee_codes(&mut places, Gazetteer::embedded());
    println!("{}", report.summary());
    assert_eq!(report.already, 17);
    let readme = include_str!("../README.md");
    let line = format!(
        "Hub du Sud: {} of the {} places without a code INSEE completed",
        report.completed.len(),
        report.completed.len() + report.unresolved.len()
    );
    assert!(readme.contains(&line), "README should say: {line}");
    // Each code completed names a commune of the place's département.
    let g = Gazetteer::embedded();
    for c in &report.completed {
        let p = &places[c.place];
        let commune = g.by_code(&c.code).unwrap();
        assert_eq!(
            &commune.departement[..2],
            &p.address.postcode[..2],
            "{}",
            p.id
        );
    }
}

#[cfg(feature = "embedded-data")]
#[test]
fn commune_search_on_the_command_line_lists_the_commune_then_the_others() {
    let out = nearest_help(&[
        "--near",
        "Saint-Étienne",
        "--commune",
        "-k",
        "2",
        "--radius-km",
        "20",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answers: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let in_commune = answers.iter().filter(|a| a["in_commune"] == true).count();
    assert_eq!(answers.len(), in_commune + 2);
    // Every place of the embedded data whose code is 42218 is there.
    let want = inclusion::data::sample_places()
        .iter()
        .filter(|p| p.address.insee_code.as_deref() == Some("42218"))
        .count();
    assert_eq!(in_commune, want);
    let (_, point) = Gazetteer::embedded().locate("42218").unwrap();
    let mut last = 0.0;
    for a in &answers {
        let d = a["distance_m"].as_f64().unwrap();
        assert!(d >= last, "nearest first");
        last = d;
        let h = haversine_m(
            point.latitude,
            point.longitude,
            a["latitude"].as_f64().unwrap(),
            a["longitude"].as_f64().unwrap(),
        );
        assert!((h - d).abs() < 1e-3);
        if a["in_commune"] == false {
            assert!(d <= 20_000.0);
        }
        assert_eq!(a["remote"], false);
    }
}

#[test]
fn remote_help_from_a_file_comes_after_or_first_without_a_distance() {
    let dir = std::env::temp_dir().join(format!("inclusion-search-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("places.csv");
    // Three places of Lyon without a code INSEE, one of which helps at a distance.
    let header = "id,pivot,nom,commune,code_postal,adresse,latitude,longitude,date_maj,services,modalites_accompagnement\n";
    let rows = "a,00000000000000,Centre social,Lyon 3e Arrondissement,69003,1 rue A,45.759,4.85,2024-01-01,Aide aux démarches administratives,Accompagnement individuel\n\
                b,00000000000000,Médiathèque,LYON,69001,2 rue B,45.767,4.834,2024-01-01,Aide aux démarches administratives,\n\
                c,00000000000000,Ligne d'aide,Villeurbanne,69100,3 rue C,45.771,4.88,2024-01-01,Aide aux démarches administratives,À distance\n";
    std::fs::write(&file, format!("{header}{rows}")).unwrap();
    let file = file.to_str().unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec![
            "--near",
            "Lyon",
            "--commune",
            "--data",
            file,
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = nearest_help(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        v.iter()
            .map(|a| {
                (
                    a["id"].as_str().unwrap().to_owned(),
                    a["in_commune"].as_bool().unwrap(),
                    a["remote"].as_bool().unwrap(),
                    a["distance_m"].is_null(),
                )
            })
            .collect::<Vec<_>>()
    };
    let s = |x: &str| x.to_owned();
    // Lyon's two places (codes completed: an arrondissement, capitals), then Villeurbanne's.
    assert_eq!(
        run(&[]),
        [
            (s("a"), true, false, false),
            (s("b"), true, false, false),
            (s("c"), false, false, false)
        ]
    );
    assert_eq!(
        run(&["--remote"]),
        [
            (s("a"), true, false, false),
            (s("b"), true, false, false),
            (s("c"), false, false, false),
            (s("c"), false, true, true)
        ]
    );
    assert_eq!(
        run(&["--cannot-travel"])[0],
        (s("c"), false, true, true),
        "a person who cannot travel gets remote help first"
    );
    // Text output: the same, in words.
    let out = nearest_help(&["--near", "Lyon", "--commune", "--data", file, "--remote"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2 places of the commune"), "{text}");
    assert!(text.contains("Remote help"), "{text}");
    assert!(text.contains("(in the commune)"), "{text}");
}
