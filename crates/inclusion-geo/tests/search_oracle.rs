//! `HelpIndex::search_commune` against a brute-force scan: random places in a few communes
//! (some without coordinates, some giving remote help), random searches (code INSEE or none,
//! radius, k, filters, "open at", remote lists), compared answer by answer.

use chrono::{NaiveDate, TimeZone, Utc};
use inclusion_geo::{CommuneSearch, HelpFilter, HelpIndex, RemoteHelp, sphere::haversine_m};
use inclusion_model::{
    AccessMode, Address, Coordinates, OpeningHours, Place, Service, SupportMode,
};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// Communes: code INSEE, point (lat, lon).
const COMMUNES: &[(&str, f64, f64)] = &[
    ("42218", 45.434, 4.390),
    ("42095", 45.40, 4.35),
    ("69123", 45.76, 4.84),
    ("38185", 45.19, 5.72),
    ("97411", -20.88, 55.45),
];

fn random_places(rng: &mut Rng, n: usize) -> Vec<Place> {
    let date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let (code, lat, lon) = COMMUNES[rng.below(COMMUNES.len())];
            let mut address = Address::new("1 rue A", "42000", "X");
            // Some places of a commune carry no code (as most real places).
            if rng.chance(0.7) {
                address.insee_code = Some(code.into());
            }
            let mut p = Place::new(format!("p{i:04}"), "00000000000000", "X", address, date);
            if rng.chance(0.97) {
                // Up to ~25 km around the commune's point.
                let c = Coordinates::new(lat + rng.range(-0.2, 0.2), lon + rng.range(-0.25, 0.25));
                p.coordinates = c.ok();
            }
            if rng.chance(0.5) {
                p.services.push(Service::AdministrativeProcedures);
            }
            if rng.chance(0.05) {
                p.support_modes.push(SupportMode::Remote);
            }
            if rng.chance(0.05) {
                p.access_modes.push(AccessMode::NoPublicReception);
                if rng.chance(0.6) {
                    p.access_modes.push(AccessMode::Phone);
                }
            }
            if rng.chance(0.6) {
                p.opening_hours = Some(OpeningHours::new(if rng.chance(0.5) {
                    "Mo-Fr 09:00-12:00"
                } else {
                    "Tu-Sa 14:00-18:00; PH off"
                }));
            }
            p
        })
        .collect()
}

#[test]
fn commune_searches_match_a_brute_force_scan() {
    let mut rng = Rng(0x5EA2C4);
    let places = random_places(&mut rng, 1_500);
    let index = HelpIndex::build(places).unwrap();
    let all = index.places();
    let mut non_empty = (0, 0);
    for _ in 0..1_500 {
        let (code, lat, lon) = COMMUNES[rng.below(COMMUNES.len())];
        let mut search = CommuneSearch::new(lat, lon);
        if rng.chance(0.8) {
            search = search.insee_code(code);
        }
        search = search.radius_m(rng.range(0.0, 30_000.0));
        if rng.chance(0.7) {
            search = search.k(1 + rng.below(8));
        }
        let mut filter = HelpFilter::default();
        if rng.chance(0.4) {
            filter = filter.services([Service::AdministrativeProcedures]);
        }
        if rng.chance(0.3) {
            filter = filter.exclude_access_modes([AccessMode::NoPublicReception]);
        }
        if rng.chance(0.3) {
            let day = 1 + rng.below(28) as u32;
            filter = filter.open_at(Utc.with_ymd_and_hms(2026, 12, day, 9, 30, 0).unwrap());
        }
        search = search.filter(filter.clone());
        search = search.remote(match rng.below(3) {
            0 => RemoteHelp::No,
            1 => RemoteHelp::After,
            _ => RemoteHelp::First,
        });
        let got = index.search_commune(&search).unwrap();

        // The oracle.
        let passes = |p: &Place, remote: bool| {
            let mut f = filter.clone();
            if remote {
                f.criteria
                    .exclude_access_modes
                    .retain(|m| *m != AccessMode::NoPublicReception);
            }
            f.accepts(p)
                && f.open_at.is_none_or(|at| {
                    p.opening_hours
                        .as_ref()
                        .is_some_and(|h| h.is_valid() && h.is_open_at(at, p.hours_locale()))
                })
        };
        let distance = |p: &Place| {
            p.coordinates
                .map(|c| haversine_m(lat, lon, c.latitude(), c.longitude()))
        };
        let code_given = search.insee_code.as_deref();
        let in_commune =
            |p: &Place| code_given.is_some_and(|c| p.address.insee_code.as_deref() == Some(c));
        let mut want: Vec<(f64, usize, bool)> = all
            .iter()
            .enumerate()
            .filter(|(_, p)| in_commune(p) && passes(p, false))
            .map(|(i, p)| (distance(p).unwrap_or(f64::INFINITY), i, true))
            .collect();
        let mut others: Vec<(f64, usize, bool)> = all
            .iter()
            .enumerate()
            .filter(|(_, p)| !in_commune(p) && passes(p, false))
            .filter_map(|(i, p)| {
                let d = distance(p)?;
                (d <= search.radius_m).then_some((d, i, false))
            })
            .collect();
        others.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        others.truncate(search.k.unwrap_or(usize::MAX));
        want.extend(others);
        want.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let got_on_site: Vec<(usize, bool)> = got
            .on_site
            .iter()
            .map(|a| (a.place, a.in_commune))
            .collect();
        let want_on_site: Vec<(usize, bool)> = want.iter().map(|w| (w.1, w.2)).collect();
        assert_eq!(got_on_site, want_on_site, "{search:?}");
        for (a, w) in got.on_site.iter().zip(&want) {
            match a.distance_m {
                Some(d) => assert!((d - w.0).abs() <= 1e-6 * w.0.max(1.0), "{d} {}", w.0),
                None => assert!(w.0.is_infinite()),
            }
            assert!(!a.remote);
        }

        let mut remote: Vec<(f64, usize)> = all
            .iter()
            .enumerate()
            .filter(|(_, p)| p.gives_remote_help() && passes(p, true))
            .filter_map(|(i, p)| Some((distance(p)?, i)))
            .collect();
        remote.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        remote.truncate(search.k.unwrap_or(inclusion_geo::search::DEFAULT_REMOTE_K));
        if search.remote == RemoteHelp::No {
            remote.clear();
        }
        let got_remote: Vec<usize> = got.remote.iter().map(|a| a.place).collect();
        let want_remote: Vec<usize> = remote.iter().map(|r| r.1).collect();
        assert_eq!(got_remote, want_remote, "{search:?}");
        assert!(
            got.remote
                .iter()
                .all(|a| a.remote && a.distance_m.is_none())
        );
        for a in &got.remote {
            assert_eq!(a.in_commune, in_commune(&all[a.place]));
        }
        // Display order.
        let order: Vec<bool> = got.answers().map(|a| a.remote).collect();
        let first_remote = search.remote == RemoteHelp::First;
        assert!(order.windows(2).all(|w| if first_remote {
            w[0] >= w[1]
        } else {
            w[0] <= w[1]
        }));
        non_empty.0 += usize::from(got.on_site.iter().any(|a| a.in_commune));
        non_empty.1 += usize::from(!got.remote.is_empty());
    }
    // The searches did meet places of the commune and remote help.
    assert!(non_empty.0 > 500 && non_empty.1 > 300, "{non_empty:?}");
}

#[test]
fn bad_searches_are_errors() {
    let index = HelpIndex::build(Vec::new()).unwrap();
    assert!(
        index
            .search_commune(&CommuneSearch::new(f64::NAN, 4.0))
            .is_err()
    );
    assert!(
        index
            .search_commune(&CommuneSearch::new(45.0, 4.0).radius_m(-1.0))
            .is_err()
    );
    assert!(
        index
            .search_commune(&CommuneSearch::new(45.0, 4.0).k(0))
            .is_err()
    );
    let empty = index
        .search_commune(
            &CommuneSearch::new(45.0, 4.0)
                .insee_code("42218")
                .remote(RemoteHelp::First),
        )
        .unwrap();
    assert!(empty.on_site.is_empty() && empty.remote.is_empty() && empty.remote_first);
}
