//! Nearest help on the embedded real places, from a commune of the embedded gazetteer: the
//! index against a brute-force scan of the same places, with the exact opening hours.
#![cfg(feature = "embedded-data")]

use chrono::{TimeZone, Utc};
use inclusion::data::sample_places;
use inclusion::geo::sphere::haversine_m;
use inclusion::geo::{HelpFilter, HelpIndex, HelpQuery};
use inclusion::model::{AccessMode, Service};
use inclusion::territory::communes::Gazetteer;

#[test]
fn near_grenoble_with_a_service_open_on_a_tuesday_morning_matches_a_brute_force_scan() {
    let places = sample_places().to_vec();
    let index = HelpIndex::build(places.clone()).unwrap();
    let grenoble = Gazetteer::embedded()
        .find("Grenoble")
        .unwrap()
        .point
        .unwrap();
    // Tuesday 2026-12-01, 10:00 in Paris.
    let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let filter = HelpFilter::default()
        .services([Service::AdministrativeProcedures])
        .exclude_access_modes([AccessMode::NoPublicReception])
        .open_at(at);
    let query = HelpQuery::nearest(grenoble.latitude, grenoble.longitude, 5)
        .max_distance_m(50_000.0)
        .filter(filter);
    let hits = index.query(&query).unwrap();
    assert_eq!(
        hits.len(),
        5,
        "Grenoble has more than five such places within 50 km"
    );

    let mut want: Vec<(f64, &str)> = places
        .iter()
        .filter(|p| p.offers(Service::AdministrativeProcedures) && p.receives_public())
        .filter(|p| p.is_open_at(at))
        .filter_map(|p| {
            let c = p.coordinates?;
            let d = haversine_m(
                grenoble.latitude,
                grenoble.longitude,
                c.latitude(),
                c.longitude(),
            );
            (d <= 50_000.0).then_some((d, p.id.as_str()))
        })
        .collect();
    want.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
    let got: Vec<&str> = hits.iter().map(|h| index.place(h).id.as_str()).collect();
    let want_ids: Vec<&str> = want.iter().take(5).map(|w| w.1).collect();
    assert_eq!(got, want_ids);
    for (h, w) in hits.iter().zip(&want) {
        assert!((h.distance_m - w.0).abs() <= 1e-6 * w.0.max(1.0));
        let answer = index.describe(h, at).unwrap();
        assert_eq!(answer.open, Some(true));
        assert!(answer.next_change.is_some_and(|c| c > at));
    }
}

#[test]
fn an_unknown_commune_gets_suggestions() {
    let err = Gazetteer::embedded()
        .find("Grenobl")
        .unwrap_err()
        .to_string();
    assert!(err.contains("Grenoble (38)"), "{err}");
}
