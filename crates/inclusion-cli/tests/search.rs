//! Search as users mean it, through the binary, against brute force over the same places:
//! `near --near COMMUNE` lists every place of the commune (whatever `-k` says) then the `k`
//! nearest others within the radius, with distances by haversine from the commune's point;
//! `--remote` lists remote help apart and without a distance, `--cannot-travel` first;
//! `--dedup` keeps one place per cluster of duplicates; `--data FILE` completes the file's
//! codes INSEE first; `convert --complete-insee` completes codes and says what it could not.

#[path = "../../inclusion-schema/tests/common/mod.rs"]
mod checker;
mod common;

use std::collections::BTreeSet;

use checker::Checker;
use common::{file, inclusion, repo, scratch, text};
use inclusion::geo::sphere::haversine_m;
use inclusion::merge::{Config, clusters, find_duplicates};
use inclusion::model::{Place, ReadOptions, read_path};
use inclusion::territory::communes::Gazetteer;
use serde_json::Value;

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(bytes)))
}

/// `inclusion near ARGS --format json` in `dir`: its answers (exit 0 required).
fn near_json(dir: &std::path::Path, args: &[&str]) -> Vec<Value> {
    let out = inclusion(dir)
        .arg("near")
        .args(args)
        .args(["--format", "json"])
        .assert()
        .success();
    let answers = json(&out.get_output().stdout);
    answers.as_array().expect("a JSON array").clone()
}

/// `inclusion --lang en near ARGS` in `dir` (exit 0 required): its standard output and error.
fn near_en(dir: &std::path::Path, args: &[&str]) -> (String, String) {
    let out = inclusion(dir)
        .args(["--lang", "en", "near"])
        .args(args)
        .assert()
        .success();
    (
        text(&out.get_output().stdout),
        text(&out.get_output().stderr),
    )
}

/// The embedded places, as the binary reads them.
fn embedded() -> &'static [Place] {
    inclusion::data::sample_places()
}

/// The distance of `p` from a point, by haversine.
fn distance(p: &Place, latitude: f64, longitude: f64) -> Option<f64> {
    p.coordinates
        .as_ref()
        .map(|c| haversine_m(latitude, longitude, c.latitude(), c.longitude()))
}

/// Around Saint-Étienne on the embedded places: all the places of 42218 whatever `-k`, then
/// the `k` nearest others within the radius, as brute force finds them; distances by
/// haversine from the commune's point; nearest first; no remote answer unless asked.
#[test]
fn near_a_commune_lists_all_its_places_then_the_nearest_others() {
    let dir = scratch("search-commune");
    let g = Gazetteer::embedded();
    let (commune, point) = g.locate("Saint-Étienne").unwrap();
    assert_eq!(commune.code, "42218");
    let (lat, lon) = (point.latitude, point.longitude);
    let of_commune: BTreeSet<&str> = embedded()
        .iter()
        .filter(|p| p.address.insee_code.as_deref() == Some("42218"))
        .map(|p| p.id.as_str())
        .collect();
    assert!(of_commune.len() > 3, "the test needs a commune with places");
    let mut others: Vec<(f64, &str)> = embedded()
        .iter()
        .filter(|p| !of_commune.contains(p.id.as_str()))
        .filter_map(|p| Some((distance(p, lat, lon)?, p.id.as_str())))
        .filter(|(d, _)| *d <= 20_000.0)
        .collect();
    others.sort_by(|a, b| a.0.total_cmp(&b.0));
    let searched = Checker::new("searched-place");
    for k in [1usize, 2, 7] {
        let k_text = k.to_string();
        let answers = near_json(
            &dir,
            &[
                "--near",
                "Saint-Étienne",
                "-k",
                &k_text,
                "--radius-km",
                "20",
            ],
        );
        let in_commune: BTreeSet<&str> = answers
            .iter()
            .filter(|a| a["in_commune"] == true)
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        assert_eq!(in_commune, of_commune, "-k {k}: every place of the commune");
        let got_others: Vec<&str> = answers
            .iter()
            .filter(|a| a["in_commune"] == false)
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        let want: Vec<&str> = others.iter().take(k).map(|(_, id)| *id).collect();
        assert_eq!(
            got_others, want,
            "-k {k}: the k nearest others within 20 km"
        );
        let mut last = 0.0;
        for a in &answers {
            searched.assert_valid(a, "near --near Saint-Étienne");
            assert_eq!(a["remote"], false);
            assert_eq!(a["code_insee"] == "42218", a["in_commune"] == true, "{a}");
            let d = a["distance_m"].as_f64().expect("a distance");
            assert!(d >= last, "nearest first");
            last = d;
            let h = haversine_m(
                lat,
                lon,
                a["latitude"].as_f64().unwrap(),
                a["longitude"].as_f64().unwrap(),
            );
            assert!((h - d).abs() < 1e-3, "{} m by haversine, {d} printed", h);
        }
    }
    // Text: the same places, in words.
    let (printed, _) = near_en(&dir, &["--near", "Saint-Étienne", "-k", "2"]);
    let within_10_km = others.iter().filter(|(d, _)| *d <= 10_000.0).count().min(2);
    let header = format!(
        "{} places of the commune, {within_10_km} other",
        of_commune.len()
    );
    assert!(printed.contains(&header), "{header}: {printed}");
    assert_eq!(
        printed.matches("· in the commune").count(),
        of_commune.len(),
        "{printed}"
    );
}

/// `--remote` and `--cannot-travel` on a file of 30 places around Grenoble, one in three
/// helping at a distance: the remote list holds the `k` nearest places that give remote help
/// (brute force), without a distance, after the on-site answers or before them.
#[test]
fn remote_help_is_listed_apart_after_or_first() {
    let dir = scratch("search-remote");
    let (commune, point) = Gazetteer::embedded().locate("Grenoble").unwrap();
    let mut csv = String::from(
        "id,pivot,nom,commune,code_postal,code_insee,adresse,latitude,longitude,date_maj,modalites_accompagnement\n",
    );
    let mut remote: Vec<(f64, String)> = Vec::new();
    for i in 0..30_u32 {
        // A spiral around the commune's point, out to about 25 km.
        let angle = f64::from(i) * 2.4;
        let r = 0.01 + 0.008 * f64::from(i);
        let (lat, lon) = (
            point.latitude + r * angle.sin(),
            point.longitude + 1.4 * r * angle.cos(),
        );
        let (code, name) = if i % 4 == 0 {
            (commune.code.as_str(), "Grenoble")
        } else {
            ("38421", "Saint-Martin-d'Hères")
        };
        let remote_help = i % 3 == 0;
        let mode = if remote_help {
            "À distance"
        } else {
            "Accompagnement individuel"
        };
        csv.push_str(&format!(
            "p{i},00000000000000,Lieu {i},{name},38000,{code},{i} rue A,{lat:.6},{lon:.6},2024-01-01,{mode}\n"
        ));
        if remote_help {
            let d = haversine_m(point.latitude, point.longitude, lat, lon);
            remote.push((d, format!("p{i}")));
        }
    }
    file(&dir, "places.csv", csv);
    remote.sort_by(|a, b| a.0.total_cmp(&b.0));
    let want: Vec<String> = remote.iter().take(3).map(|(_, id)| id.clone()).collect();

    let args = ["--near", "Grenoble", "--data", "places.csv", "-k", "3"];
    let with = |extra: &str| {
        let mut all = args.to_vec();
        all.push(extra);
        near_json(&dir, &all)
    };
    let plain = near_json(&dir, &args);
    assert!(plain.iter().all(|a| a["remote"] == false));
    let after = with("--remote");
    let first = with("--cannot-travel");
    let (on_site, remote_part) = after.split_at(plain.len());
    assert_eq!(
        on_site,
        plain.as_slice(),
        "the on-site answers come first, unchanged"
    );
    let ids = |answers: &[Value]| -> Vec<String> {
        answers
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(remote_part), want);
    for a in remote_part {
        assert_eq!(a["remote"], true);
        assert!(
            a["distance_m"].is_null(),
            "no distance for remote help: {a}"
        );
    }
    // A person who cannot travel: the same lists, remote first.
    assert_eq!(first.len(), after.len());
    assert_eq!(&first[..remote_part.len()], remote_part);
    assert_eq!(&first[remote_part.len()..], on_site);
    // From a position, --remote asks for the remote list too.
    let (lat, lon) = (point.latitude.to_string(), point.longitude.to_string());
    let from_point = near_json(
        &dir,
        &[
            "--lat",
            &lat,
            "--lon",
            &lon,
            "--data",
            "places.csv",
            "-k",
            "3",
            "--remote",
        ],
    );
    let remote_ids: Vec<String> = from_point
        .iter()
        .filter(|a| a["remote"] == true)
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(remote_ids, want);
    // The text says so.
    let (printed, _) = near_en(&dir, &[&args[..], &["--cannot-travel"]].concat());
    let (remote_at, on_site_at) = (
        printed.find("Remote help").expect("a remote section"),
        printed.find("On site").expect("an on-site section"),
    );
    assert!(remote_at < on_site_at, "{printed}");
}

/// A file without codes INSEE (ported from the facade's former search tests): Lyon's two
/// places, one written by its arrondissement and one in capitals, are in the commune once
/// their codes are completed; Villeurbanne's helps at a distance and is in both lists.
#[test]
fn near_on_a_data_file_completes_its_codes_and_lists_remote_help() {
    let dir = scratch("search-data");
    file(
        &dir,
        "places.csv",
        "id,pivot,nom,commune,code_postal,adresse,latitude,longitude,date_maj,services,modalites_accompagnement\n\
         a,00000000000000,Centre social,Lyon 3e Arrondissement,69003,1 rue A,45.759,4.85,2024-01-01,Aide aux démarches administratives,Accompagnement individuel\n\
         b,00000000000000,Médiathèque,LYON,69001,2 rue B,45.767,4.834,2024-01-01,Aide aux démarches administratives,\n\
         c,00000000000000,Ligne d'aide,Villeurbanne,69100,3 rue C,45.771,4.88,2024-01-01,Aide aux démarches administratives,À distance\n",
    );
    let run = |extra: &[&str]| {
        let mut args = vec!["--near", "Lyon", "--data", "places.csv"];
        args.extend_from_slice(extra);
        near_json(&dir, &args)
            .iter()
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
    // -k 1 keeps both places of the commune, and one other.
    assert_eq!(run(&["-k", "1"]).len(), 3);
    // Text output: the same, in words, and the completion reported.
    let (printed, notes) = near_en(
        &dir,
        &["--near", "Lyon", "--data", "places.csv", "--remote"],
    );
    assert!(printed.contains("2 places of the commune"), "{printed}");
    assert!(printed.contains("Remote help"), "{printed}");
    assert_eq!(printed.matches("· in the commune").count(), 2, "{printed}");
    assert!(notes.contains("code INSEE: 3 completed"), "{notes}");
}

/// `--dedup`: of two copies of one place from two sources, only the cluster's representative
/// (the library's clusters) is listed; two copies from one source both stay.
#[test]
fn near_dedup_keeps_one_place_per_cluster() {
    let dir = scratch("search-dedup");
    let path = file(
        &dir,
        "places.csv",
        "id,pivot,nom,commune,code_postal,adresse,latitude,longitude,date_maj,telephone,horaires,source\n\
         cnfs-1,33820960400028,APEJ,Cognac,16100,72 Rue de Pons,45.6950,-0.3300,2022-01-01,,,cnfs\n\
         dora-1,33820960400028,APEJ COGNAC,Cognac,16100,72 RUE DE PONS,45.6951,-0.3301,2023-05-01,+33545353891,Mo-Fr 09:00-12:00,dora\n\
         cnfs-2,00000000000000,Médiathèque,Cognac,16100,10 Rue du Minage,45.6960,-0.3310,2022-01-01,,,cnfs\n\
         cnfs-3,00000000000000,Médiathèque,Cognac,16100,10 Rue du Minage,45.6960,-0.3310,2022-01-01,,,cnfs\n\
         dora-2,00000000000000,Mairie,Jarnac,16200,1 place du Château,45.68,-0.17,2023-05-01,,,dora\n",
    );
    // The oracle: the library's clusters over the same places.
    let places = read_path(&path, &ReadOptions::default()).unwrap().places;
    let config = Config::default();
    let pairs = find_duplicates(&places, &config).unwrap();
    let groups = clusters(&places, &pairs, &config).unwrap();
    assert_eq!(groups.clusters.len(), 1);
    let cluster = &groups.clusters[0];
    let left_out: BTreeSet<&str> = cluster
        .members
        .iter()
        .map(String::as_str)
        .filter(|m| *m != cluster.representative)
        .collect();
    assert_eq!(left_out.len(), 1);
    let all: BTreeSet<&str> = places.iter().map(|p| p.id.as_str()).collect();
    let want: BTreeSet<&str> = all.difference(&left_out).copied().collect();

    let ids = |extra: &[&str]| -> BTreeSet<String> {
        let mut args = vec![
            "--near",
            "Cognac",
            "--data",
            "places.csv",
            "-k",
            "10",
            "--radius-km",
            "50",
        ];
        args.extend_from_slice(extra);
        near_json(&dir, &args)
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let as_strings = |s: &BTreeSet<&str>| s.iter().map(|x| (*x).to_owned()).collect();
    assert_eq!(ids(&[]), as_strings(&all));
    assert_eq!(ids(&["--dedup"]), as_strings(&want));
    assert!(
        ids(&["--dedup"]).contains("dora-1"),
        "the copy with a phone and hours"
    );
    let (_, notes) = near_en(
        &dir,
        &["--near", "Cognac", "--data", "places.csv", "--dedup"],
    );
    assert!(
        notes.contains("--dedup: 1 place(s) left out as duplicates of another (1 cluster(s))"),
        "{notes}"
    );
}

/// An unknown or misspelt commune: exit 2, one or two lines, suggestions when there are some.
#[test]
fn near_an_unknown_commune_says_what_to_do() {
    let dir = scratch("search-unknown");
    for (args, needle) in [
        (
            &["near", "--near", "Lyonn"][..],
            "vouliez-vous dire Lyon (69)",
        ),
        (
            &["near", "--near", "Zzzzqx", "--remote"][..],
            "donnez un nom de commune",
        ),
        (
            &["--lang", "en", "near", "--near", "Saint-Etiene", "--dedup"][..],
            "Saint-Étienne (42)",
        ),
    ] {
        let out = inclusion(&dir).args(args).assert().code(2);
        let stderr = text(&out.get_output().stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!((1..=2).contains(&stderr.lines().count()), "{stderr}");
        assert!(out.get_output().stdout.is_empty());
    }
}

/// `convert --complete-insee`: each missing code completed as the gazetteer resolves it, the
/// others reported with why, codes already given kept; the embedded file, whose codes were
/// completed by its script, comes out byte for byte the same.
#[test]
fn convert_complete_insee_completes_and_reports() {
    let dir = scratch("search-convert");
    file(
        &dir,
        "places.csv",
        "id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj\n\
         lyon,00000000000000,Centre social,Lyon 3e Arrondissement,69003,,1 rue A,2024-01-01\n\
         ste,00000000000000,Médiathèque,St Etienne,42000,,2 rue B,2024-01-01\n\
         given,00000000000000,Mairie,Grenoble,38000,38185,3 rue C,2024-01-01\n\
         nowhere,00000000000000,Mairie,Nulle-Part-sur-Mer,38000,,4 rue D,2024-01-01\n",
    );
    let out = inclusion(&dir)
        .args([
            "--lang",
            "en",
            "convert",
            "places.csv",
            "--to",
            "json",
            "--complete-insee",
        ])
        .assert()
        .success();
    let places = json(&out.get_output().stdout);
    let codes: Vec<(&str, Option<&str>)> = places
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["code_insee"].as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("lyon", Some("69123")),
            ("ste", Some("42218")),
            ("given", Some("38185")),
            ("nowhere", None)
        ]
    );
    // Each completed code names the commune of the place's name in the gazetteer.
    let g = Gazetteer::embedded();
    assert_eq!(g.by_code("69123").unwrap().name, "Lyon");
    assert_eq!(g.by_code("42218").unwrap().name, "Saint-Étienne");
    let notes = text(&out.get_output().stderr);
    assert!(notes.contains("code INSEE: 2 completed"), "{notes}");
    assert!(notes.contains("1 left without"), "{notes}");
    assert!(notes.contains("1 already given"), "{notes}");
    assert!(
        notes.contains(
            "nowhere (38000 Nulle-Part-sur-Mer): no commune of the postcode has that name"
        ),
        "{notes}"
    );
    // Without the flag, nothing is completed.
    let out = inclusion(&dir)
        .args(["convert", "places.csv", "--to", "json"])
        .assert()
        .success();
    let places = json(&out.get_output().stdout);
    assert!(places[0]["code_insee"].is_null());

    // The embedded file: its codes are already complete, so it comes back unchanged.
    let hinaura = repo().join("data/hinaura.v1.csv");
    let out = inclusion(&dir)
        .args(["--lang", "en", "convert"])
        .arg(&hinaura)
        .args(["--to", "csv", "--complete-insee"])
        .assert()
        .success();
    assert!(
        out.get_output().stdout == std::fs::read(&hinaura).unwrap(),
        "convert --complete-insee changed data/hinaura.v1.csv"
    );
    let with_code = embedded_with_code();
    let notes = text(&out.get_output().stderr);
    let summary = format!(
        "code INSEE: 0 completed, {} left without",
        embedded().len() - with_code
    );
    assert!(notes.contains(&summary), "{summary}: {notes}");
    assert!(
        notes.contains(&format!("{with_code} already given")),
        "{notes}"
    );
}

fn embedded_with_code() -> usize {
    embedded()
        .iter()
        .filter(|p| p.address.insee_code.is_some())
        .count()
}
