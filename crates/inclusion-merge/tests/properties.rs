//! Invariants, checked on random places (many of them near copies of each other): pair scores
//! are symmetric and independent of the input order, a place is never its own duplicate,
//! merging is idempotent, and a merged place validates at the Standard level.

use chrono::NaiveDate;
use inclusion_merge::{
    Config, Decision, clusters, explain, find_duplicates, merge, merge_clusters,
};
use inclusion_model::{
    Address, Coordinates, Place, ReadOptions, Service, read_csv_str, to_csv_string,
};
use proptest::prelude::*;

const COMMUNES: [(&str, &str, f64, f64); 3] = [
    ("Cognac", "16100", 45.6950, -0.3300),
    ("Angoulême", "16000", 45.6500, 0.1550),
    ("Soyaux", "16800", 45.6410, 0.1990),
];
const KINDS: [&str; 6] = [
    "Mairie de",
    "Médiathèque",
    "France Services",
    "Association",
    "CCAS",
    "EPN",
];
const WORDS: [&str; 6] = [
    "Sisley",
    "Les Pixels",
    "APEJ",
    "Omega",
    "La Turbine",
    "Rives",
];
const STREETS: [&str; 4] = [
    "rue de Pons",
    "avenue Jean Monnet",
    "place de la Mairie",
    "bd Léon Blum",
];

prop_compose! {
    fn place(id: usize)(
        commune in 0..COMMUNES.len(),
        kind in 0..KINDS.len(),
        word in prop::option::of(0..WORDS.len()),
        number in prop::option::of(1u32..40),
        street in 0..STREETS.len(),
        dlat in -0.004f64..0.004,
        dlon in -0.004f64..0.004,
        phone in prop::option::of(0u32..3),
        siret in prop::option::of(0usize..2),
        day in 1u32..28,
        services in prop::collection::vec(0..Service::ALL.len(), 0..3),
        source in 0usize..3,
    ) -> Place {
        let (commune, postcode, lat, lon) = COMMUNES[commune];
        let name = match word {
            Some(w) => format!("{} {}", KINDS[kind], WORDS[w]),
            None => format!("{} {commune}", KINDS[kind]),
        };
        let street = match number {
            Some(n) => format!("{n} {}", STREETS[street]),
            None => STREETS[street].to_owned(),
        };
        let mut p = Place::new(
            format!("p{id}"),
            ["00000000000000", "33820960400028", "78125600300034"][siret.map_or(0, |s| s + 1)],
            name,
            Address::new(street, postcode, commune),
            NaiveDate::from_ymd_opt(2023, 3, day).unwrap(),
        );
        p.coordinates = Some(Coordinates::new(lat + dlat, lon + dlon).unwrap());
        p.contact.phone = phone.map(|k| format!("+3354500000{k}").into());
        for s in services {
            if !p.services.contains(&Service::ALL[s]) {
                p.services.push(Service::ALL[s]);
            }
        }
        p.source = Some(["dora", "conseiller-numerique", "hub"][source].into());
        p
    }
}

fn places(max: usize) -> impl Strategy<Value = Vec<Place>> {
    (2..max).prop_flat_map(|n| (0..n).map(place).collect::<Vec<_>>())
}

fn key(places: &[Place], pairs: &inclusion_merge::Pairs) -> Vec<(String, String, Decision, u64)> {
    let mut v: Vec<_> = pairs
        .pairs
        .iter()
        .map(|p| {
            let (a, b) = if p.left < p.right {
                (p.left.clone(), p.right.clone())
            } else {
                (p.right.clone(), p.left.clone())
            };
            assert_eq!(places[p.left_index].id, p.left);
            (a, b, p.decision, p.score.to_bits())
        })
        .collect();
    v.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn pair_scores_are_symmetric(a in place(0), b in place(1)) {
        let config = Config::default();
        let ab = explain(&a, &b, &config);
        let ba = explain(&b, &a, &config);
        prop_assert_eq!(ab.score.to_bits(), ba.score.to_bits());
        prop_assert_eq!(ab.decision, ba.decision);
        let outcomes = |p: &inclusion_merge::Pair| p.reasons.iter().map(|r| (r.comparator, r.outcome)).collect::<Vec<_>>();
        prop_assert_eq!(outcomes(&ab), outcomes(&ba));
    }

    #[test]
    fn pairs_do_not_depend_on_the_input_order(places in places(12)) {
        let mut config = Config::default();
        config.keep_distinct = true;
        let forward = find_duplicates(&places, &config).unwrap();
        let mut reversed = places.clone();
        reversed.reverse();
        let backward = find_duplicates(&reversed, &config).unwrap();
        prop_assert_eq!(key(&places, &forward), key(&reversed, &backward));
        prop_assert_eq!(forward.stats.clone(), backward.stats.clone());
    }

    #[test]
    fn a_place_is_never_its_own_duplicate(places in places(10)) {
        let mut config = Config::default();
        config.keep_distinct = true;
        let mut with_copies = places.clone();
        with_copies.extend(places.iter().cloned());
        let pairs = find_duplicates(&with_copies, &config).unwrap();
        prop_assert!(pairs.pairs.iter().all(|p| p.left_index != p.right_index));
        // Each place against its exact copy: a duplicate.
        for i in 0..places.len() {
            let pair = pairs.get(i, i + places.len()).expect("a place and its copy are candidates");
            prop_assert_eq!(pair.decision, Decision::Duplicate);
        }
        let alone = find_duplicates(&places[..1], &config).unwrap();
        prop_assert!(alone.pairs.is_empty());
    }

    #[test]
    fn merging_is_idempotent_and_valid(places in places(8)) {
        let config = Config::default();
        let refs: Vec<&Place> = places.iter().collect();
        let merged = merge(&refs, &config).unwrap();
        // Merging the merged place again changes nothing; nor do repeated members.
        let again = merge(&[&merged.place], &config).unwrap();
        prop_assert_eq!(&again.place, &merged.place);
        let mut twice = refs.clone();
        twice.extend(refs.iter().copied());
        prop_assert_eq!(&merge(&twice, &config).unwrap().place, &merged.place);
        // The member order does not matter.
        let mut reversed = refs.clone();
        reversed.reverse();
        prop_assert_eq!(&merge(&reversed, &config).unwrap().place, &merged.place);
        // The merged place validates at the Standard level.
        let csv = to_csv_string(std::slice::from_ref(&merged.place)).unwrap();
        let report = read_csv_str(&csv, &ReadOptions::default());
        prop_assert!(!report.has_errors(), "{:?}", report.diagnostics);
        prop_assert_eq!(report.places.len(), 1);
        // Every service of every member is kept, and each value has a provenance.
        for p in &places {
            for s in p.services.iter() {
                prop_assert!(merged.place.services.contains(s));
            }
        }
        prop_assert!(merged.provenance.iter().all(|v| !v.from.is_empty()));
    }

    #[test]
    fn clusters_never_hold_a_distinct_pair(places in places(12)) {
        let mut config = Config::default();
        config.allow_internal = true;
        let pairs = find_duplicates(&places, &config).unwrap();
        let groups = clusters(&places, &pairs, &config).unwrap();
        let mut seen = vec![false; places.len()];
        for c in &groups.clusters {
            prop_assert!(c.indices.len() >= 2 && c.indices.len() <= config.max_cluster_size);
            for (k, &x) in c.indices.iter().enumerate() {
                prop_assert!(!seen[x], "a place in two clusters");
                seen[x] = true;
                for &y in &c.indices[k + 1..] {
                    let d = explain(&places[x], &places[y], &config).decision;
                    prop_assert!(d != Decision::Distinct, "{} / {}", places[x].id, places[y].id);
                }
            }
        }
        let (merged_places, merged) = merge_clusters(&places, &groups, &config).unwrap();
        let grouped: usize = groups.clusters.iter().map(|c| c.indices.len()).sum();
        prop_assert_eq!(merged_places.len(), places.len() - grouped + groups.clusters.len());
        prop_assert_eq!(merged.len(), groups.clusters.len());
    }
}

prop_compose! {
    /// A place of any text: names, streets, communes, codes, contacts as a file may hold them.
    fn any_place(id: usize)(
        name in ".{1,80}",
        street in ".{0,60}",
        commune in ".{0,30}",
        postcode in "[0-9]{5}|.{0,6}",
        insee in proptest::option::of("[0-9AB]{5}|.{0,6}"),
        pivot in "[0-9]{14}|W[0-9]{9}|.{0,16}",
        phone in proptest::option::of(".{0,20}"),
        email in proptest::option::of(".{0,30}"),
        website in proptest::option::of(".{0,40}"),
        lat in -90.0f64..90.0,
        lon in -180.0f64..180.0,
        source in proptest::option::of(".{0,12}"),
    ) -> Place {
        let mut address = Address::new(street, postcode, commune);
        address.insee_code = insee.map(Into::into);
        let mut p = Place::new(format!("x{id}"), pivot, name, address, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
        p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
        p.contact.phone = phone.map(Into::into);
        p.contact.emails.extend(email.map(Into::into));
        p.contact.websites.extend(website.map(Into::into));
        p.source = source.map(Into::into);
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the text of the fields, the finder, the clusters, the merge and the outputs
    /// answer without panicking.
    #[test]
    fn any_text_is_handled(a in any_place(0), b in any_place(1), c in any_place(2)) {
        let mut config = Config::default();
        config.keep_distinct = true;
        config.allow_internal = true;
        let mut copy = a.clone();
        copy.id = "x-copy".into();
        let places = [a, b, c, copy];
        let pairs = find_duplicates(&places, &config).unwrap();
        let groups = clusters(&places, &pairs, &config).unwrap();
        merge_clusters(&places, &groups, &config).unwrap();
        inclusion_merge::write_pairs_csv(&pairs, &places, std::io::sink()).unwrap();
        inclusion_merge::write_review_csv(&pairs, &places, std::io::sink()).unwrap();
        inclusion_merge::pairs_to_json(&pairs).unwrap();
        for p in &places {
            inclusion_merge::quality(p);
        }
        prop_assert!(pairs.pairs.iter().all(|p| p.left_index < p.right_index && p.score.is_finite()));
        // An exact copy is always compared (same point), whatever it says.
        prop_assert!(pairs.get(0, 3).is_some());
    }
}

#[test]
fn very_long_names_and_acronyms() {
    let words: Vec<String> = (0..100).map(|i| format!("mot{i}")).collect();
    let long = words.join(" ");
    let initials: String = words.iter().map(|w| &w[..1]).collect::<String>();
    let mut a = Place::new(
        "a",
        "00000000000000",
        long.clone(),
        Address::new("1 rue A", "16100", "Cognac"),
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
    );
    a.coordinates = Some(Coordinates::new(45.69, -0.33).unwrap());
    let mut b = a.clone();
    b.id = "b".into();
    b.name = format!("{} ΣΩ ßß {long}", &initials[..6]).into();
    let pair = explain(&a, &b, &Config::default());
    assert!(pair.score > 0.0);
}
