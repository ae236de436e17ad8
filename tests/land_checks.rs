//! The position checks of `inclusion-territory` on every real place with coordinates: those of
//! `../shared/anchors/real-datasets` and the embedded places. No real place is flagged wrongly:
//! the places flagged are listed here one by one with what is wrong with them, and every other
//! place is on the land of its territory, within the tolerance of its coast.
//!
//! `cargo test --test land_checks -- --nocapture` prints the distribution of distances to the
//! outlines that the tolerance was chosen from.

use inclusion::model::{Place, ReadOptions, read_path};
use inclusion::territory::position::{
    COAST_TOLERANCE_M, COMMUNE_RADIUS_M, PositionCheck, check_position,
};

const DATASETS: [&str; 5] = [
    "real-datasets/hub-du-sud-paca.20230517.json",
    "real-datasets/charente.20230711.json",
    "real-datasets/nouvelle-caledonie.20240320.json",
    "real-datasets/bus-france-services-charente.20231003.json",
    "real-datasets/hinaura.schema-v0.1.json",
];

/// The real places whose position is not where their address says, each checked by hand
/// (dataset, id, the classification's variant, why).
const KNOWN_WRONG: &[(&str, &str, &str, &str)] = &[(
    "real-datasets/charente.20230711.json",
    "mediation-numerique-france-tiers-lieux-6018f95a69086482678b4757-mediation-numerique",
    "SignLost",
    "34 rue Gabriel Jaulin, 16100 Cognac, given at 0.3331° E: Cognac is at 0.33° W",
)];

fn places_of(relative: &str) -> Option<Vec<Place>> {
    let path = inclusion_anchors::anchor(relative)?;
    let report = read_path(&path, &ReadOptions::default().with_lenient(true)).ok()?;
    Some(report.places)
}

fn variant(c: &PositionCheck) -> &'static str {
    match c {
        PositionCheck::OnLand { .. } => "OnLand",
        PositionCheck::SignLost { .. } => "SignLost",
        PositionCheck::Swapped { .. } => "Swapped",
        PositionCheck::OtherTerritory { .. } => "OtherTerritory",
        PositionCheck::NeighbourCountry { .. } => "NeighbourCountry",
        PositionCheck::AtSea { .. } => "AtSea",
        _ => "other",
    }
}

#[test]
fn no_real_place_is_flagged_wrongly() {
    let mut sets: Vec<(String, Vec<Place>)> = Vec::new();
    for d in DATASETS {
        match places_of(d) {
            Some(p) => sets.push((d.to_owned(), p)),
            None => return, // the helper printed the notice (or failed when anchors are required)
        }
    }
    #[cfg(feature = "embedded-data")]
    sets.push((
        "embedded hinaura.v1.csv".to_owned(),
        inclusion::data::sample_places().to_vec(),
    ));
    let mut flagged = Vec::new();
    let mut coast: Vec<f64> = Vec::new();
    let (mut checked, mut inside) = (0usize, 0usize);
    for (name, places) in &sets {
        for p in places {
            let Some(c) = p.coordinates else { continue };
            checked += 1;
            let check = check_position(
                c.into(),
                &p.address.postcode,
                p.address.insee_code.as_deref(),
            );
            match check {
                PositionCheck::OnLand { distance_m, .. } => {
                    if distance_m == 0.0 {
                        inside += 1;
                    } else {
                        coast.push(distance_m);
                    }
                }
                other => flagged.push((name.clone(), p.id.clone(), variant(&other), other)),
            }
        }
    }
    coast.sort_by(f64::total_cmp);
    println!(
        "{checked} real places with coordinates: {inside} inside the outlines, {} within {COAST_TOLERANCE_M} m of them (largest {:?} m), {} flagged",
        coast.len(),
        coast.last().map(|d| d.round()),
        flagged.len()
    );
    for (name, id, _, check) in &flagged {
        println!("flagged: {name} {id} {check:?}");
    }
    let known: Vec<(String, String, &str)> = KNOWN_WRONG
        .iter()
        .map(|k| (k.0.to_owned(), k.1.to_owned(), k.2))
        .collect();
    let got: Vec<(String, String, &str)> = flagged
        .iter()
        .map(|f| (f.0.clone(), f.1.to_string(), f.2))
        .collect();
    assert_eq!(got, known, "the flagged real places changed");
    assert!(checked > 1_500, "{checked}");
}

/// Every real place that passes, with its longitude's sign lost or its coordinates swapped, is
/// caught and corrected back to where it was, when the error moves it far enough (more than
/// the commune radius from its commune, twice the longitude).
#[test]
fn lost_signs_and_swaps_of_real_places_are_corrected_back() {
    let mut places = Vec::new();
    for d in DATASETS {
        match places_of(d) {
            Some(p) => places.extend(p),
            None => return,
        }
    }
    let (mut signs, mut swaps) = (0, 0);
    for p in &places {
        let Some(c) = p.coordinates else { continue };
        let (code, insee) = (&p.address.postcode, p.address.insee_code.as_deref());
        let here = geo_types::Point::from(c);
        // Places where their address says: on its land and near its commune.
        let near_commune = matches!(
            check_position(here, code, insee),
            PositionCheck::OnLand { commune_distance_m, .. }
                if commune_distance_m.is_none_or(|d| d <= COMMUNE_RADIUS_M)
        );
        if !near_commune {
            continue;
        }
        let (lat, lon) = (c.latitude(), c.longitude());
        // A lost sign moves a place by 2 × |longitude| degrees: beyond 0.6°, always more than
        // the 30 km commune radius.
        if lon < -0.6 || (lon > 0.6 && lat < 0.0) {
            let wrong = geo_types::Point::new(-lon, lat);
            match check_position(wrong, code, insee) {
                PositionCheck::SignLost { corrected, .. } => {
                    assert_eq!(corrected, here, "{}", p.id);
                    signs += 1;
                }
                other => panic!("{} {lat} {lon}: {other:?}", p.id),
            }
        }
        let swapped = geo_types::Point::new(lat, lon);
        match check_position(swapped, code, insee) {
            PositionCheck::Swapped { corrected } => {
                assert_eq!(corrected, here, "{}", p.id);
                swaps += 1;
            }
            other => panic!("{} swapped ({lon}, {lat}): {other:?}", p.id),
        }
    }
    println!("{signs} lost signs and {swaps} swaps corrected back");
    assert!(signs > 50 && swaps > 1_500, "{signs} {swaps}");
}
