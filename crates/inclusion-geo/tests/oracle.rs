//! The index against a brute-force haversine scan: 10,000 random queries over places in
//! metropolitan France, overseas (including Wallis-et-Futuna and Polynésie, on both sides of
//! the 180° meridian) and near the poles, with random k, radius and filters.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use inclusion_geo::{GeoError, HelpFilter, HelpIndex, HelpQuery};
use inclusion_model::OpeningHours;
use inclusion_model::hours::Locale;
use inclusion_model::{
    AccessMode, Address, Coordinates, Fee, NationalProgramme, Place, Public, Service,
    SpecificSupport, SupportMode,
};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;
#[path = "support/scan.rs"]
mod scan;
use scan::scan;

/// Regions (lat, lon, spread in degrees, postcode) where places and queries are drawn; the
/// postcode gives the places their time zone and public holidays.
const REGIONS: &[(f64, f64, f64, &str)] = &[
    (46.5, 2.5, 4.0, "38000"),      // metropolitan France
    (45.2, 5.7, 0.3, "38000"),      // Grenoble, dense
    (48.85, 2.35, 0.1, "75001"),    // Paris, very dense
    (48.6, 7.7, 0.3, "67000"),      // Alsace (two more public holidays)
    (-21.1, 55.5, 0.3, "97400"),    // La Réunion
    (16.2, -61.5, 0.4, "97100"),    // Guadeloupe
    (4.0, -53.0, 1.5, "97300"),     // Guyane
    (-12.8, 45.15, 0.15, "97600"),  // Mayotte
    (-13.28, -176.2, 0.1, "98600"), // Wallis
    (-14.3, -178.1, 0.1, "98620"),  // Futuna
    (-17.6, -149.5, 1.0, "98714"),  // Tahiti, Moorea
    (-9.5, -139.5, 1.5, "98740"),   // Marquises
    (-22.0, 166.0, 1.5, "98800"),   // Nouvelle-Calédonie
    (-16.0, 179.8, 0.5, "98600"),   // straddling the 180° meridian
    (89.5, 0.0, 0.5, "38000"),      // north pole
    (-89.7, 30.0, 0.3, "38000"),    // south pole
];

/// Opening hours of every kind the index handles: plain weekly bitmaps, public-holiday rules,
/// and rules only the exact evaluation can answer (dates, week numbers, nth weekday, minutes
/// off the quarter-hour), plus an unparseable text.
const HORAIRES: &[&str] = &[
    "Mo-Fr 09:00-12:00,14:00-17:00",
    "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off",
    "Tu-Sa 10:00-18:00",
    "Mo,We,Fr 14:00-19:00",
    "24/7",
    "Mo-Fr 08:30-12:30; Dec 25 off",
    "Mo-Fr 09:10-11:50",
    "week 1-53/2 Mo 10:00-12:00",
    "Sa[1] 10:00-12:00",
    "Mo-Fr 18:00-22:00; PH 10:00-12:00",
    "Su 10:00-12:00",
    "lundi au vendredi de 9h à 12h",
    "fermé pour travaux !!",
];

fn region(rng: &mut Rng) -> (f64, f64, f64, &'static str) {
    REGIONS[rng.below(REGIONS.len())]
}

fn position(rng: &mut Rng) -> (f64, f64) {
    let (lat, lon, s, _) = region(rng);
    let lat = (lat + rng.range(-s, s)).clamp(-90.0, 90.0);
    let mut lon = lon + rng.range(-s, s) * if lat.abs() > 80.0 { 100.0 } else { 1.0 };
    while lon > 180.0 {
        lon -= 360.0;
    }
    while lon < -180.0 {
        lon += 360.0;
    }
    (lat, lon)
}

fn random_places(rng: &mut Rng, n: usize) -> Vec<Place> {
    let date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut places: Vec<Place> = Vec::with_capacity(n);
    let mut positions = Vec::with_capacity(n);
    for i in 0..n {
        // Ids in random order, some duplicated, so the id sort and tie-break matter.
        let id = format!("lieu-{:05}", rng.below(n * 2));
        let mut p = Place::new(
            id,
            "00000000000000",
            format!("Lieu {i}"),
            Address::new("-", "00000", "-"),
            date,
        );
        let (lat, lon) = if i > 0 && rng.chance(0.03) {
            // Same coordinates as an earlier place: an exact tie.
            positions[rng.below(i)]
        } else {
            position(rng)
        };
        positions.push((lat, lon));
        // The postcode of the region nearest in latitude-longitude (a time-zone stand-in).
        let postcode = REGIONS
            .iter()
            .min_by(|a, b| {
                let d = |r: &&(f64, f64, f64, &str)| (r.0 - lat).powi(2) + (r.1 - lon).powi(2);
                d(a).total_cmp(&d(b))
            })
            .map_or("38000", |r| r.3);
        p.address.postcode = postcode.into();
        if !rng.chance(0.1) {
            p.opening_hours = Some(OpeningHours::new(HORAIRES[rng.below(HORAIRES.len())]));
        }
        if !rng.chance(0.02) {
            p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
        }
        // Services from very common to 1%.
        p.services = rng
            .subset(
                Service::ALL,
                &[0.5, 0.5, 0.3, 0.3, 0.1, 0.1, 0.03, 0.03, 0.01],
            )
            .into();
        p.publics = rng.subset(Public::ALL, &[0.1]).into();
        p.specific_support = rng.subset(SpecificSupport::ALL, &[0.05]).into();
        p.fees = rng.subset(Fee::ALL, &[0.6, 0.2, 0.1]).into();
        p.national_programmes = rng.subset(NationalProgramme::ALL, &[0.08, 0.02]).into();
        p.access_modes = rng
            .subset(AccessMode::ALL, &[0.5, 0.4, 0.3, 0.2, 0.05, 0.02])
            .into();
        p.support_modes = rng.subset(SupportMode::ALL, &[0.6, 0.5, 0.3, 0.1]).into();
        places.push(p);
    }
    places
}

fn random_filter(rng: &mut Rng) -> HelpFilter {
    let mut f = HelpFilter::default();
    let pick = |rng: &mut Rng, p: f64| rng.chance(p);
    if pick(rng, 0.5) {
        f = f.services(rng.subset(Service::ALL, &[0.15]));
    }
    if pick(rng, 0.15) {
        f = f.publics(rng.subset(Public::ALL, &[0.4]));
    }
    if pick(rng, 0.1) {
        f = f.specific_support(rng.subset(SpecificSupport::ALL, &[0.3]));
    }
    if pick(rng, 0.2) {
        f = f.fees(rng.subset(Fee::ALL, &[0.5]));
    }
    if pick(rng, 0.15) {
        f = f.support_modes(rng.subset(SupportMode::ALL, &[0.4]));
    }
    if pick(rng, 0.1) {
        f = f.national_programmes(rng.subset(NationalProgramme::ALL, &[0.3]));
    }
    if pick(rng, 0.1) {
        f = f.access_modes(rng.subset(AccessMode::ALL, &[0.4]));
    }
    if pick(rng, 0.3) {
        f = f.exclude_access_modes([AccessMode::NoPublicReception]);
    }
    if pick(rng, 0.3) {
        f = f.open_at(random_instant(rng));
    }
    f
}

/// An instant in 2026-2027, often on a public holiday, around a daylight-saving change, or on
/// a weekday evening.
fn random_instant(rng: &mut Rng) -> DateTime<Utc> {
    let special = [
        (2026, 12, 25, 9, 30), // Christmas, 10:30 in Paris
        (2026, 12, 26, 9, 30), // Saint Étienne (Alsace-Moselle), day after Christmas
        (2026, 7, 14, 12, 0),  // 14 juillet
        (2026, 5, 1, 8, 0),    // 1er mai
        (2026, 3, 29, 1, 30),  // spring forward in Paris
        (2026, 10, 25, 0, 45), // autumn, first 02:45 in Paris
        (2026, 10, 25, 1, 45), // autumn, second 02:45 in Paris
        (2026, 12, 7, 17, 30), // Monday 18:30 in Paris
        (2026, 12, 20, 20, 0), // Sunday evening
    ];
    if rng.chance(0.3) {
        let (y, m, d, h, mi) = special[rng.below(special.len())];
        return Utc.with_ymd_and_hms(y, m, d, h, mi, 0).unwrap();
    }
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    // A random quarter-hour or minute in two years.
    let minutes = rng.below(2 * 365 * 24 * 60) as i64;
    start + chrono::Duration::minutes(minutes)
}

/// The filter, written independently of the index's masks.
fn oracle_accepts(f: &HelpFilter, p: &Place) -> bool {
    let f = &f.criteria;
    fn any<T: PartialEq>(wanted: &[T], have: &[T]) -> bool {
        wanted.is_empty() || wanted.iter().any(|w| have.contains(w))
    }
    any(&f.services, &p.services)
        && (f.publics.is_empty() || p.publics.is_empty() || any(&f.publics, &p.publics))
        && any(&f.specific_support, &p.specific_support)
        && any(&f.fees, &p.fees)
        && any(&f.support_modes, &p.support_modes)
        && any(&f.national_programmes, &p.national_programmes)
        && any(&f.access_modes, &p.access_modes)
        && !f
            .exclude_access_modes
            .iter()
            .any(|x| p.access_modes.contains(x))
}

/// Whether the place is open at `at` by the exact evaluation (no bitmap), memoised per
/// (text, postcode) since the exact evaluation is slow in a debug build. This oracle checks the
/// index's bitmaps, groups and schedule cache against the model's exact evaluation; the exact
/// evaluation itself is checked against opening_hours.js in `inclusion-model/tests/hours.rs`.
fn oracle_open<'a>(
    memo: &mut HashMap<(&'a str, &'a str), bool>,
    p: &'a Place,
    at: DateTime<Utc>,
) -> bool {
    let Some(h) = &p.opening_hours else {
        return false;
    };
    *memo
        .entry((h.as_str(), p.address.postcode.as_str()))
        .or_insert_with(|| {
            h.is_valid()
                && h.is_open_at(
                    at,
                    Locale::for_codes(&p.address.postcode, p.address.insee_code.as_deref()),
                )
        })
}

/// Brute force: every place, haversine, filter, sort by (distance, id), cut.
fn oracle(places: &[Place], q: &HelpQuery) -> Vec<(String, f64)> {
    let mut memo = HashMap::new();
    let passing = places
        .iter()
        .filter(|p| oracle_accepts(&q.filter, p))
        .filter(|p| {
            q.filter
                .open_at
                .is_none_or(|at| oracle_open(&mut memo, p, at))
        });
    scan(passing, q)
}

#[test]
fn ten_thousand_random_queries_match_a_brute_force_haversine_scan() {
    let mut rng = Rng(0x5EED_0F1A_2024);
    let places = random_places(&mut rng, 3_000);
    let index = HelpIndex::build(places.clone()).unwrap();
    assert_eq!(
        index.len(),
        places.iter().filter(|p| p.coordinates.is_some()).count()
    );
    let (mut results, mut empty, mut near_ties) = (0usize, 0usize, 0usize);
    let mut open_results = 0usize;
    for i in 0..10_000 {
        let (lat, lon) = match i % 50 {
            0 => (90.0, rng.range(-180.0, 180.0)),
            1 => (-90.0, 0.0),
            2 => (
                rng.range(-20.0, -10.0),
                if rng.chance(0.5) { 180.0 } else { -180.0 },
            ),
            _ => position(&mut rng),
        };
        let k = if rng.chance(0.2) {
            None
        } else {
            let most = if rng.chance(0.8) { 10 } else { 200 };
            Some(1 + rng.below(most))
        };
        let radius = if k.is_none() || rng.chance(0.4) {
            Some(rng.range(0.0, 1.0).powi(3) * 500_000.0)
        } else {
            None
        };
        let mut q = HelpQuery::nearest(lat, lon, 1).filter(random_filter(&mut rng));
        q.k = k;
        q.max_distance_m = radius;
        let got = index.query(&q).unwrap();
        let want = oracle(&places, &q);
        assert_eq!(got.len(), want.len(), "query {i}: {q:?}");
        for (j, (hit, (id, d))) in got.iter().zip(&want).enumerate() {
            let rel = (hit.distance_m - d).abs() / d.max(1e-9);
            assert!(
                rel <= 1e-6 || (hit.distance_m - d).abs() < 1e-9,
                "query {i} rank {j}: {} vs {d}",
                hit.distance_m
            );
            let got_id = &index.place(hit).id;
            if got_id != id {
                // Only two places at the same distance (to 1e-12) may be told apart differently
                // by the chord and by the haversine formula.
                let other = want.iter().find(|w| w.0 == got_id).map(|w| w.1);
                assert!(
                    other.is_some_and(|o| (o - d).abs() <= 1e-12 * d.max(1.0)),
                    "query {i} rank {j}: index gives {got_id}, oracle {id} ({q:?})"
                );
                near_ties += 1;
            }
        }
        results += got.len();
        if q.filter.open_at.is_some() {
            open_results += got.len();
        }
        empty += usize::from(got.is_empty());
    }
    // The random queries exercise both non-empty and empty answers.
    assert!(results > 50_000, "{results}");
    assert!(empty > 100, "{empty}");
    assert!(near_ties < 10, "{near_ties}");
    assert!(open_results > 2_000, "{open_results}");
    eprintln!(
        "{results} results ({open_results} with open_at), {empty} empty answers, {near_ties} near ties"
    );
}

#[test]
fn bad_input_gets_an_error_not_a_panic() {
    let mut rng = Rng(7);
    let index = HelpIndex::build(random_places(&mut rng, 100)).unwrap();
    let none = HelpFilter::default();
    for (lat, lon) in [
        (f64::NAN, 0.0),
        (0.0, f64::NAN),
        (90.1, 0.0),
        (0.0, -180.5),
        (f64::INFINITY, 0.0),
    ] {
        assert!(matches!(
            index.nearest(lat, lon, 5, &none),
            Err(GeoError::InvalidCoordinates { .. })
        ));
    }
    assert_eq!(index.nearest(45.0, 5.0, 0, &none), Err(GeoError::ZeroK));
    assert_eq!(
        index.within(45.0, 5.0, -1.0, &none),
        Err(GeoError::InvalidDistance(-1.0))
    );
    assert!(matches!(
        index.within(45.0, 5.0, f64::NAN, &none),
        Err(GeoError::InvalidDistance(_))
    ));
    let mut unbounded = HelpQuery::nearest(45.0, 5.0, 1);
    unbounded.k = None;
    assert_eq!(index.query(&unbounded), Err(GeoError::Unbounded));
    // Messages tell what to fix.
    assert!(GeoError::ZeroK.to_string().contains("at least 1"));
    // Edge values that are valid.
    assert!(index.nearest(90.0, 180.0, 5, &none).unwrap().len() == 5);
    assert!(index.within(-90.0, -180.0, 0.0, &none).is_ok());
    assert_eq!(
        index.nearest(45.0, 5.0, usize::MAX, &none).unwrap().len(),
        index.len()
    );
    assert!(index.within(45.0, 5.0, f64::MAX, &none).unwrap().len() == index.len());
}

#[test]
fn empty_index_and_impossible_filter_give_empty_answers() {
    let empty = HelpIndex::build(Vec::new()).unwrap();
    assert!(
        empty
            .nearest(45.0, 5.0, 3, &HelpFilter::default())
            .unwrap()
            .is_empty()
    );
    let mut rng = Rng(11);
    let index = HelpIndex::build(random_places(&mut rng, 500)).unwrap();
    let impossible = HelpFilter::default()
        .access_modes([AccessMode::NoPublicReception])
        .exclude_access_modes([AccessMode::NoPublicReception]);
    assert!(index.nearest(45.0, 5.0, 3, &impossible).unwrap().is_empty());
}

#[test]
fn index_is_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<HelpIndex>();
    let mut rng = Rng(3);
    let places = random_places(&mut rng, 1_000);
    // "Open at" queries on a cold index: the threads fill and read the shared cache of exact
    // schedules (places whose weekly bitmap cannot answer) at the same time, in different
    // orders, for instants of a few weeks (holidays and DST changes included).
    let queries: Vec<HelpQuery> = (0..64)
        .map(|_| {
            let (lat, lon) = position(&mut rng);
            let at = random_instant(&mut rng);
            HelpQuery::nearest(lat, lon, 20).filter(HelpFilter::default().open_at(at))
        })
        .collect();
    let want: Vec<Vec<(String, f64)>> = queries.iter().map(|q| oracle(&places, q)).collect();
    // Answers that only the exact evaluation could give (the bitmap has an exception other
    // than holidays): the cache is really used.
    let exact_only = want
        .iter()
        .flatten()
        .filter(|(id, _)| {
            // (Ids repeat: any place of that id whose bitmap cannot answer.)
            places.iter().filter(|p| p.id == id).any(|p| {
                p.opening_hours.as_ref().is_some_and(|h| {
                    let e = h.weekly_form().exceptions;
                    !e.is_empty() && e != inclusion_model::hours::Exceptions::HOLIDAYS
                })
            })
        })
        .count();
    assert!(exact_only > 20, "{exact_only}");
    let index = HelpIndex::build(places.clone()).unwrap();
    let single = index.nearest(45.2, 5.7, 7, &HelpFilter::default()).unwrap();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4usize)
            .map(|t| {
                let (index, queries) = (&index, &queries);
                s.spawn(move || {
                    let mut answers = vec![Vec::new(); queries.len()];
                    for round in 0..3 {
                        for j in 0..queries.len() {
                            // Each thread walks the queries in its own order.
                            let i = (j * (2 * t + 1) + round * 7) % queries.len();
                            let got: Vec<String> = index
                                .query(&queries[i])
                                .unwrap()
                                .iter()
                                .map(|h| index.place(h).id.to_string())
                                .collect();
                            answers[i] = got;
                        }
                    }
                    (
                        answers,
                        index.nearest(45.2, 5.7, 7, &HelpFilter::default()).unwrap(),
                    )
                })
            })
            .collect();
        for h in handles {
            let (answers, nearest) = h.join().unwrap();
            assert_eq!(nearest, single);
            for (i, (got, want)) in answers.iter().zip(&want).enumerate() {
                let want: Vec<&String> = want.iter().map(|(id, _)| id).collect();
                assert_eq!(
                    got.iter().collect::<Vec<_>>(),
                    want,
                    "query {i}: {:?}",
                    queries[i]
                );
            }
        }
    });
}
