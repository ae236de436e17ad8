//! The counts of the README's search section, recomputed: the codes INSEE completed on the
//! real Hub du Sud file (anchors) and on the embedded places. The searches themselves are
//! tested against brute force in `crates/inclusion-geo/tests/search_oracle.rs` and through the
//! binary in `crates/inclusion-cli/tests/search.rs`.

use inclusion::enrich::complete_insee_codes;
use inclusion::model::{Lang, ReadOptions, read_path};
use inclusion::territory::communes::Gazetteer;

const README: &str = include_str!("../README.md");

/// Hub du Sud: 629 of its 646 places have no code INSEE; the enrichment completes most of
/// them, each with a commune of the place's département, and the README gives the counts.
#[test]
fn hub_du_sud_codes_are_completed_as_the_readme_says() {
    let Some(path) = inclusion_anchors::anchor("real-datasets/hub-du-sud-paca.20230517.json")
    else {
        return;
    };
    let mut places = read_path(&path, &ReadOptions::default()).unwrap().places;
    assert_eq!(places.len(), 646);
    let report = complete_insee_codes(&mut places, Gazetteer::embedded());
    println!("{}", report.summary(Lang::En));
    assert_eq!(report.already, 17);
    let line = format!(
        "Hub du Sud: {} of the {} places without a code INSEE completed",
        report.completed.len(),
        report.completed.len() + report.unresolved.len()
    );
    assert!(README.contains(&line), "README should say: {line}");
    let others = format!("the {} others are left without a", report.unresolved.len());
    assert!(README.contains(&others), "README should say: {others}");
    let g = Gazetteer::embedded();
    for c in &report.completed {
        let p = &places[c.place];
        assert_eq!(p.address.insee_code.as_deref(), Some(c.code.as_str()));
        let commune = g.by_code(&c.code).unwrap();
        assert_eq!(
            &commune.departement[..2],
            &p.address.postcode[..2],
            "{}",
            p.id
        );
    }
}

/// The embedded places: as many have a code INSEE as the README says.
#[cfg(feature = "embedded-data")]
#[test]
fn the_readme_counts_the_embedded_codes() {
    let places = inclusion::data::sample_places();
    let with_code = places
        .iter()
        .filter(|p| p.address.insee_code.is_some())
        .count();
    let line = format!("The embedded places: {with_code} of {}", places.len());
    assert!(README.contains(&line), "README should say: {line}");
}
