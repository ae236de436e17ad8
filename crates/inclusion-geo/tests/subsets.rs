//! The searches that do not walk the main tree alone, against a brute-force haversine scan:
//! rare criteria values (their own trees), "open at" a quiet hour (the tree of the places open
//! at quiet hours, then the main tree for the others), and many positions at once
//! (`nearest_many`, on one thread or several). Places are mostly open in office hours, so
//! that weekday evenings, nights and Sundays are quiet, with rare services (1 and 2%),
//! opening hours that only the exact evaluation can answer, and public-holiday rules.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use inclusion_geo::{HelpFilter, HelpIndex, HelpQuery};
use inclusion_model::hours::Locale;
use inclusion_model::{Address, Coordinates, HoursCache, Place, Service, SupportMode};
use std::num::NonZeroUsize;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;
#[path = "support/scan.rs"]
mod scan;
use scan::scan;

/// (text, share): office hours for most places; a few open in the evening or on Sundays; a
/// date rule and public-holiday rules.
const HORAIRES: &[(&str, f64)] = &[
    ("Mo-Fr 09:00-12:00,14:00-17:00", 0.40),
    ("Mo-Fr 09:00-12:00,14:00-18:00; PH off", 0.25),
    ("Tu-Sa 10:00-12:30,13:30-18:00", 0.15),
    ("Mo,We 14:00-19:30; Sa 10:00-12:00; PH off", 0.03),
    ("Mo-Fr 09:00-19:00; Dec 25 off", 0.02),
    ("Su 10:00-12:00; PH 10:00-12:00", 0.02),
    ("Mo-Fr 18:00-21:00", 0.01),
];

/// (lat, lon, spread, postcode): mostly metropolitan, some overseas (other time zones).
const REGIONS: &[(f64, f64, f64, &str)] = &[
    (46.5, 2.5, 4.0, "38000"),
    (48.85, 2.35, 0.2, "75001"),
    (48.6, 7.7, 0.3, "67000"),
    (-21.1, 55.5, 0.3, "97400"),
    (16.2, -61.5, 0.4, "97100"),
    (-17.6, -149.5, 1.0, "98714"),
];

fn places(rng: &mut Rng, n: usize) -> Vec<Place> {
    let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut cache = HoursCache::new();
    (0..n)
        .map(|i| {
            let r = REGIONS[if rng.chance(0.85) {
                rng.below(3)
            } else {
                3 + rng.below(3)
            }];
            let mut p = Place::new(
                format!("p{:05}", rng.below(2 * n)),
                "00000000000000",
                format!("Lieu {i}"),
                Address::new("-", r.3, "-"),
                date,
            );
            let lat = r.0 + rng.range(-r.2, r.2);
            let lon = r.1 + rng.range(-r.2, r.2);
            p.coordinates = Coordinates::new(lat, lon).ok();
            p.opening_hours = rng.pick(HORAIRES).map(|text| cache.get(text));
            p.services = rng
                .subset(
                    &[
                        Service::EverydayDigitalTools,
                        Service::AdministrativeProcedures,
                        Service::AffordableEquipment,
                        Service::ParentingAndEducation,
                    ],
                    &[0.5, 0.3, 0.01, 0.02],
                )
                .into();
            p
        })
        .collect()
}

/// Brute force: every place, haversine, filter, sort by (distance, id), cut.
fn oracle(places: &[Place], q: &HelpQuery) -> Vec<(String, f64)> {
    let passing = places.iter().filter(|p| q.filter.accepts(p)).filter(|p| {
        q.filter.open_at.is_none_or(|at| {
            p.opening_hours.as_ref().is_some_and(|h| {
                let locale =
                    Locale::for_codes(&p.address.postcode, p.address.insee_code.as_deref());
                h.is_valid() && h.is_open_at(at, locale)
            })
        })
    });
    scan(passing, q)
}

fn same(index: &HelpIndex, got: &[inclusion_geo::Hit], want: &[(String, f64)], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (hit, (id, d)) in got.iter().zip(want) {
        assert!((hit.distance_m - d).abs() <= 1e-6 * d.max(1.0), "{what}");
        assert_eq!(&index.place(hit).id, id, "{what}");
    }
}

/// Quiet instants (weekday evenings and nights, Sunday, Christmas evening, a Sunday in
/// July), busy ones, and one during the autumn change of time in Paris.
fn instants() -> Vec<DateTime<Utc>> {
    [
        (2026, 12, 7, 17, 30), // Monday 18:30 in Paris
        (2026, 12, 8, 19, 10), // Tuesday 20:10
        (2026, 12, 9, 2, 0),   // Wednesday 03:00
        (2026, 12, 13, 9, 30), // Sunday 10:30
        (2026, 12, 25, 17, 0), // Christmas, 18:00
        (2026, 7, 12, 8, 15),  // Sunday in July (summer time)
        (2026, 12, 8, 9, 0),   // Tuesday 10:00: busy
        (2026, 10, 25, 1, 30), // autumn change in Paris
    ]
    .iter()
    .map(|&(y, m, d, h, mi)| Utc.with_ymd_and_hms(y, m, d, h, mi, 0).unwrap())
    .collect()
}

#[test]
fn rare_values_and_quiet_hours_give_the_brute_force_answers() {
    let mut rng = Rng(0x5AB5E7);
    let places = places(&mut rng, 6_000);
    let index = HelpIndex::build(places.clone()).unwrap();
    let rare = [Service::AffordableEquipment];
    let two_rare = [Service::AffordableEquipment, Service::ParentingAndEducation];
    let mut checked = 0;
    for (i, at) in instants().into_iter().enumerate() {
        let filters = [
            HelpFilter::default().open_at(at),
            HelpFilter::default().services(rare).open_at(at),
            HelpFilter::default()
                .services([Service::AdministrativeProcedures])
                .open_at(at),
            HelpFilter::default().services(rare),
            HelpFilter::default().services(two_rare),
        ];
        for filter in filters {
            for _ in 0..25 {
                let r = REGIONS[rng.below(REGIONS.len())];
                let (lat, lon) = (r.0 + rng.range(-r.2, r.2), r.1 + rng.range(-r.2, r.2));
                let mut q = HelpQuery::nearest(lat, lon, 1 + rng.below(12)).filter(filter.clone());
                if rng.chance(0.3) {
                    q.max_distance_m = Some(rng.range(1_000.0, 300_000.0));
                }
                if rng.chance(0.15) {
                    q.k = None;
                    q.max_distance_m = Some(rng.range(1_000.0, 60_000.0));
                }
                let got = index.query(&q).unwrap();
                same(
                    &index,
                    &got,
                    &oracle(&places, &q),
                    &format!("instant {i}: {q:?}"),
                );
                checked += got.len();
            }
        }
    }
    assert!(checked > 5_000, "{checked}");
}

#[test]
fn nearest_many_answers_as_single_queries_on_any_number_of_threads() {
    let mut rng = Rng(0xBA7C4);
    let places = places(&mut rng, 5_000);
    let index = HelpIndex::build(places).unwrap();
    let positions: Vec<(f64, f64)> = (0..3_000)
        .map(|_| {
            let r = REGIONS[rng.below(REGIONS.len())];
            (r.0 + rng.range(-r.2, r.2), r.1 + rng.range(-r.2, r.2))
        })
        .collect();
    let at = instants();
    let filters = [
        HelpFilter::default(),
        HelpFilter::default().services([Service::AdministrativeProcedures]),
        HelpFilter::default().services([Service::AffordableEquipment]),
        HelpFilter::default().open_at(at[0]),
        HelpFilter::default().open_at(at[4]),
        HelpFilter::default().open_at(at[6]),
    ];
    for filter in &filters {
        for k in [1, 5] {
            let want: Vec<Vec<inclusion_geo::Hit>> = positions
                .iter()
                .map(|&(lat, lon)| index.nearest(lat, lon, k, filter).unwrap())
                .collect();
            for threads in [1, 2, 3] {
                let threads = NonZeroUsize::new(threads).unwrap();
                let got = index
                    .nearest_many_parallel(&positions, k, filter, threads)
                    .unwrap();
                assert_eq!(got.len(), positions.len());
                for (i, hits) in got.iter().enumerate() {
                    assert_eq!(hits, &want[i][..], "{filter:?} k={k} position {i}");
                }
            }
            assert_eq!(
                index.nearest_many(&positions, k, filter).unwrap(),
                index
                    .nearest_many_parallel(&positions, k, filter, NonZeroUsize::MIN)
                    .unwrap()
            );
        }
    }
    // Bad input: the same errors as single queries.
    assert!(index.nearest_many(&[(91.0, 0.0)], 1, &filters[0]).is_err());
    assert!(index.nearest_many(&positions, 0, &filters[0]).is_err());
    assert!(index.nearest_many(&[], 3, &filters[0]).unwrap().is_empty());
}

#[test]
fn index_memory_stays_within_64_bytes_per_place() {
    let mut rng = Rng(64);
    for n in [3_000, 20_000, 32_769] {
        // Every place with a code INSEE (a side table), 1% giving remote help (a tree).
        let mut all = places(&mut rng, n);
        for (i, p) in all.iter_mut().enumerate() {
            p.address.insee_code = Some(format!("{:05}", 1000 + i % 3000).into());
            if i % 100 == 42 {
                p.support_modes.push(SupportMode::Remote);
            }
        }
        let index = HelpIndex::build(all).unwrap();
        // The tree alone until the tables are built (by a filtered query, or now).
        let tree_only = index.index_bytes() as f64 / index.len() as f64;
        assert!(
            (28.0..40.0).contains(&tree_only),
            "{n} places, the tree: {tree_only:.1} bytes per place (coordinates and place numbers take 28)"
        );
        index.prepare();
        let per_place = index.index_bytes() as f64 / index.len() as f64;
        assert!(
            per_place <= 64.0,
            "{n} places: {per_place:.1} bytes per place"
        );
        assert!(
            per_place >= 40.0,
            "{n} places: {per_place:.1} (the coordinates alone take 24)"
        );
    }
}
