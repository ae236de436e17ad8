//! Coverage runs against the embedded gazetteer and synthetic places: distances against a
//! brute-force haversine oracle, aggregates against a direct recomputation, threshold
//! boundaries, empty results and bad input.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};
use inclusion_coverage::{
    AreaCoverage, CommuneCoverage, CoverageError, CoverageReport, CoverageRequest, NoticeKind,
    Scope,
};
use inclusion_geo::sphere::{EARTH_RADIUS_M, haversine_m};
use inclusion_geo::{HelpFilter, HelpIndex, Hit};
use inclusion_model::{Address, Coordinates, OpeningHours, Place, Service};
use inclusion_territory::admin::{DEPARTEMENTS, REGIONS, region_of_departement};
use inclusion_territory::communes::{Gazetteer, PointSource};
use proptest::prelude::*;
use proptest::test_runner::{RngAlgorithm, TestRng};

fn place(id: &str, lat: f64, lon: f64, services: &[Service]) -> Place {
    let mut p = Place::new(
        id,
        "00000000000000",
        format!("Lieu {id}"),
        Address::new("1 rue A", "38000", "Grenoble"),
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
    );
    p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
    p.services = services.into();
    p
}

/// `n` places: most in metropolitan France, some overseas, each with random services.
fn synthetic_places(n: usize, seed: u8) -> Vec<Place> {
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]);
    let areas = [
        (41.5, 51.0, -5.0, 9.5),
        (-21.4, -20.9, 55.2, 55.8),
        (15.9, 16.5, -61.8, -61.0),
        (2.2, 5.7, -54.5, -51.7),
        (-17.9, -17.4, -149.9, -149.1),
    ];
    (0..n)
        .map(|i| {
            let (lat0, lat1, lon0, lon1) = areas[if i % 10 == 0 { 1 + i / 10 % 4 } else { 0 }];
            let lat = lat0 + (lat1 - lat0) * rng.random::<f64>();
            let lon = lon0 + (lon1 - lon0) * rng.random::<f64>();
            let services: Vec<Service> = Service::ALL
                .iter()
                .copied()
                .filter(|_| rng.random::<f64>() < 0.3)
                .collect();
            place(&format!("p{i:05}"), lat, lon, &services)
        })
        .collect()
}

fn gazetteer() -> &'static Gazetteer {
    Gazetteer::embedded()
}

/// The nearest accepted place by brute force: (distance, id), ties by id.
fn brute_force(places: &[Place], filter: &HelpFilter, lat: f64, lon: f64) -> Option<(f64, String)> {
    places
        .iter()
        .filter(|p| filter.accepts(p))
        .filter_map(|p| {
            let c = p.coordinates?;
            Some((
                haversine_m(lat, lon, c.latitude(), c.longitude()),
                p.id.to_string(),
            ))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)))
}

#[test]
fn distances_equal_a_brute_force_haversine_minimum() {
    let places = synthetic_places(3_000, 7);
    let index = HelpIndex::build(places.clone()).unwrap();
    for filter in [
        HelpFilter::default(),
        HelpFilter::default().services([Service::AdministrativeProcedures, Service::SafeUse]),
        HelpFilter::default().services([Service::AffordableEquipment]),
    ] {
        let request = CoverageRequest::new(Scope::All).filter(filter.clone());
        let report = request.run(&index, gazetteer()).unwrap();
        assert_eq!(report.communes.len(), gazetteer().communes().len());
        // On two threads (half of the 34,000-odd communes each), the same report.
        let two = std::num::NonZeroUsize::new(2).unwrap();
        assert_eq!(
            request.run_parallel(&index, gazetteer(), two).unwrap(),
            report
        );
        let mut checked = 0;
        for c in report.communes.iter().step_by(41) {
            let (Some(lat), Some(lon)) = (c.latitude, c.longitude) else {
                assert!(c.distance_m.is_none() && c.band.is_none(), "{c:?}");
                continue;
            };
            let (d, id) = brute_force(&places, &filter, lat, lon).unwrap();
            let got = c.distance_m.unwrap();
            assert!((got - d).abs() <= 1e-3, "{}: {got} vs {d}", c.code);
            // The same place, or one at the same distance (a tie).
            if c.nearest_place.as_deref() != Some(id.as_str()) {
                let other = places
                    .iter()
                    .find(|p| Some(p.id.as_str()) == c.nearest_place.as_deref());
                let oc = other.unwrap().coordinates.unwrap();
                let od = haversine_m(lat, lon, oc.latitude(), oc.longitude());
                assert!(
                    (od - d).abs() < 1e-6,
                    "{}: {:?} vs {id}",
                    c.code,
                    c.nearest_place
                );
            }
            checked += 1;
        }
        assert!(checked > 650, "{checked}");
        // Overseas communes are measured too (from places in their own territory).
        let papeete = report.communes.iter().find(|c| c.code == "98735").unwrap();
        assert!(papeete.distance_m.unwrap() < 50_000.0, "{papeete:?}");
    }
}

#[test]
fn open_at_filters_count_only_places_open_at_that_instant() {
    let mut places = synthetic_places(800, 11);
    let hours = [
        "Mo-Fr 09:00-12:00",
        "Sa 10:00-18:00",
        "Mo-Su 00:00-24:00",
        "not hours",
    ];
    for (i, p) in places.iter_mut().enumerate() {
        if i % 5 != 4 {
            p.opening_hours = Some(OpeningHours::new(hours[i % hours.len()]));
        }
    }
    let index = HelpIndex::build(places.clone()).unwrap();
    // A Saturday, 11:00 in Paris.
    let at = Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap();
    let filter = HelpFilter::default().open_at(at);
    let report = CoverageRequest::new(Scope::region("84"))
        .filter(filter.clone())
        .run(&index, gazetteer())
        .unwrap();
    // The places open at `at` by the exact evaluation (`HelpIndex::is_open_at` asks the
    // model's `OpeningHours::is_open_at`, itself checked against opening_hours.js in
    // `inclusion-model/tests/hours.rs`), not by the index's bitmaps.
    let open: Vec<Place> = index
        .places()
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            index.is_open_at(
                &Hit {
                    place: *i,
                    distance_m: 0.0,
                },
                at,
            ) == Some(true)
        })
        .map(|(_, p)| p.clone())
        .collect();
    assert!(
        !open.is_empty() && open.len() < places.len() / 2,
        "{}",
        open.len()
    );
    assert_eq!(report.places.matching, open.len());
    assert!(
        report
            .filter_description
            .contains("open at 2026-11-21T10:00:00Z")
    );
    for c in report.communes.iter().step_by(13) {
        if let (Some(lat), Some(lon)) = (c.latitude, c.longitude) {
            let (d, _) = brute_force(&open, &HelpFilter::default(), lat, lon).unwrap();
            assert!((c.distance_m.unwrap() - d).abs() <= 1e-3, "{}", c.code);
        }
    }
}

fn recompute(
    communes: &[&CommuneCoverage],
    thresholds_km: &[f64],
) -> (usize, u64, usize, u64, Vec<(usize, u64)>) {
    let located: Vec<&&CommuneCoverage> =
        communes.iter().filter(|c| c.latitude.is_some()).collect();
    let beyond = thresholds_km
        .iter()
        .map(|t| {
            let far: Vec<_> = located
                .iter()
                .filter(|c| c.distance_m.is_none_or(|d| d > t * 1000.0))
                .collect();
            (far.len(), far.iter().map(|c| u64::from(c.population)).sum())
        })
        .collect();
    (
        communes.len(),
        communes.iter().map(|c| u64::from(c.population)).sum(),
        located.len(),
        located.iter().map(|c| u64::from(c.population)).sum(),
        beyond,
    )
}

fn check_area(area: &AreaCoverage, communes: &[&CommuneCoverage], thresholds_km: &[f64]) {
    let (n, pop, located, located_pop, beyond) = recompute(communes, thresholds_km);
    assert_eq!(
        (
            area.communes,
            area.population,
            area.located_communes,
            area.located_population
        ),
        (n, pop, located, located_pop),
        "{}",
        area.name
    );
    for (b, (count, population)) in area.beyond.iter().zip(beyond) {
        assert_eq!(
            (b.communes, b.population),
            (count, population),
            "{} {}",
            area.name,
            b.threshold_km
        );
        let share = if located_pop == 0 {
            0.0
        } else {
            population as f64 / located_pop as f64
        };
        assert!((b.population_share - share).abs() < 1e-12);
    }
}

fn check_aggregates(report: &CoverageReport) {
    let t = &report.request.thresholds_km;
    let all: Vec<&CommuneCoverage> = report.communes.iter().collect();
    check_area(&report.total, &all, t);
    let mut by_dep: BTreeMap<&str, Vec<&CommuneCoverage>> = BTreeMap::new();
    let mut by_region: BTreeMap<String, Vec<&CommuneCoverage>> = BTreeMap::new();
    for c in &report.communes {
        by_dep.entry(&c.departement).or_default().push(c);
        let region = region_of_departement(&c.departement)
            .map_or(c.departement.clone(), |r| r.code.to_owned());
        by_region.entry(region).or_default().push(c);
    }
    assert_eq!(report.by_departement.len(), by_dep.len());
    for (area, (code, list)) in report.by_departement.iter().zip(&by_dep) {
        assert_eq!(&area.code, code);
        check_area(area, list, t);
    }
    assert_eq!(report.by_region.len(), by_region.len());
    for (area, (code, list)) in report.by_region.iter().zip(&by_region) {
        assert_eq!(&area.code, code);
        check_area(area, list, t);
    }
    // Ranked: the most populous communes beyond the rank threshold, in order.
    let rank_m = report.request.rank_beyond_km.unwrap() * 1000.0;
    let mut expected: Vec<&CommuneCoverage> = report
        .communes
        .iter()
        .filter(|c| c.latitude.is_some() && c.distance_m.is_none_or(|d| d > rank_m))
        .collect();
    expected.sort_by(|a, b| b.population.cmp(&a.population).then(a.code.cmp(&b.code)));
    expected.truncate(report.request.top);
    let got: Vec<&str> = report.ranked.iter().map(|c| c.code.as_str()).collect();
    let want: Vec<&str> = expected.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(got, want);
    // Bands agree with the distances.
    for c in &report.communes {
        if c.latitude.is_some() {
            let band = t
                .iter()
                .filter(|&&k| c.distance_m.is_none_or(|d| d > k * 1000.0))
                .count();
            assert_eq!(c.band, Some(band), "{c:?}");
        } else {
            assert_eq!(c.band, None);
        }
    }
}

#[test]
fn aggregates_equal_a_direct_recomputation() {
    let index = HelpIndex::build(synthetic_places(1_500, 3)).unwrap();
    let filter = HelpFilter::default().services([Service::AdministrativeProcedures]);
    for (territory, thresholds) in [
        (Scope::All, vec![5.0, 10.0, 20.0]),
        (Scope::region("84"), vec![2.5, 15.0]),
        (Scope::departement("974"), vec![1.0, 3.0, 30.0, 100.0]),
        (
            Scope::communes(["38185", "98735", "2A004", "75056"]),
            vec![10.0],
        ),
    ] {
        let report = CoverageRequest::new(territory.clone())
            .filter(filter.clone())
            .thresholds_km(thresholds)
            .top(15)
            .run(&index, gazetteer())
            .unwrap();
        check_aggregates(&report);
        // Every région and département sums back to the total.
        let sum = |areas: &[AreaCoverage]| -> (usize, u64, u64) {
            areas.iter().fold((0, 0, 0), |acc, a| {
                (
                    acc.0 + a.communes,
                    acc.1 + a.population,
                    acc.2 + a.beyond[0].population,
                )
            })
        };
        let total = (
            report.total.communes,
            report.total.population,
            report.total.beyond[0].population,
        );
        assert_eq!(sum(&report.by_region), total, "{territory:?}");
        assert_eq!(sum(&report.by_departement), total, "{territory:?}");
    }
}

#[test]
fn region_84_is_its_twelve_departements() {
    let index = HelpIndex::build(synthetic_places(200, 1)).unwrap();
    let region = CoverageRequest::new(Scope::region("84"))
        .run(&index, gazetteer())
        .unwrap();
    assert_eq!(region.territory_name, "Auvergne-Rhône-Alpes (région 84)");
    assert_eq!(region.by_region.len(), 1);
    assert_eq!(region.by_departement.len(), 12);
    let mut communes = 0;
    for dep in [
        "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
    ] {
        let d = CoverageRequest::new(Scope::departement(dep))
            .run(&index, gazetteer())
            .unwrap();
        communes += d.total.communes;
        let area = region
            .by_departement
            .iter()
            .find(|a| a.code == dep)
            .unwrap();
        assert_eq!(area.communes, d.total.communes);
        assert_eq!(area.beyond, d.total.beyond);
    }
    assert_eq!(communes, region.total.communes);
    // The gazetteer has 4,000-odd communes and about 8.2 million inhabitants in the région.
    assert!(
        (3_900..4_200).contains(&region.total.communes),
        "{}",
        region.total.communes
    );
    assert!((8_000_000..8_500_000).contains(&region.total.population));
}

#[test]
fn every_commune_of_the_gazetteer_has_a_known_departement() {
    let mut population_by_region: BTreeMap<&str, u64> = BTreeMap::new();
    for c in gazetteer().communes() {
        let d = DEPARTEMENTS.iter().find(|d| d.code == c.departement);
        let d = d.unwrap_or_else(|| panic!("{} ({}): unknown département", c.code, c.departement));
        // Codes INSEE start with the département code (97x/98x: three characters).
        assert!(
            c.code.starts_with(&d.code[..d.code.len().min(3)]),
            "{}",
            c.code
        );
        if let Some(r) = d.region {
            *population_by_region.entry(r).or_default() += u64::from(c.population);
        }
    }
    assert_eq!(population_by_region.len(), REGIONS.len());
    // Populations légales (INSEE) of a few régions, in millions, as a sanity check of the table.
    for (code, low, high) in [
        ("11", 12.0, 12.6),
        ("84", 8.0, 8.5),
        ("94", 0.3, 0.4),
        ("04", 0.8, 0.95),
    ] {
        let p = population_by_region[code] as f64 / 1e6;
        assert!((low..high).contains(&p), "{code}: {p}");
    }
}

/// A one-line gazetteer with a commune at (45, 5).
fn one_commune() -> Gazetteer {
    Gazetteer::parse(
        "code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n\
         38001\tTest\t38\t38000\t1000\t45\t5\tI\n",
    )
    .unwrap()
}

/// A latitude `metres` north of 45° N along the 5° E meridian.
fn north_of_45(metres: f64) -> f64 {
    45.0 + (metres / EARTH_RADIUS_M).to_degrees()
}

#[test]
fn a_commune_exactly_at_a_threshold_is_not_beyond_it() {
    let g = one_commune();
    for (metres, beyond_5) in [(5_000.0, false), (4_999.998, false), (5_000.002, true)] {
        let index = HelpIndex::build([place("p", north_of_45(metres), 5.0, &[])]).unwrap();
        let report = CoverageRequest::new(Scope::All).run(&index, &g).unwrap();
        let c = &report.communes[0];
        assert_eq!(c.distance_m, Some(metres), "{metres}");
        assert_eq!(c.band, Some(usize::from(beyond_5)), "{metres}");
        assert_eq!(
            report.total.beyond[0].communes,
            usize::from(beyond_5),
            "{metres}"
        );
        assert_eq!(report.total.beyond[1].communes, 0);
    }
    // A threshold of 0 km: only a place on the commune's point is "not beyond".
    let index = HelpIndex::build([place("p", 45.0, 5.0, &[])]).unwrap();
    let report = CoverageRequest::new(Scope::All)
        .thresholds_km([0.0])
        .run(&index, &g)
        .unwrap();
    assert_eq!(report.communes[0].distance_m, Some(0.0));
    assert_eq!(report.total.beyond[0].communes, 0);
}

#[test]
fn no_matching_place_puts_every_commune_beyond_every_threshold() {
    let index = HelpIndex::build(synthetic_places(100, 2).into_iter().map(|mut p| {
        p.services.retain(|s| *s != Service::ParentingAndEducation);
        p
    }))
    .unwrap();
    let report = CoverageRequest::new(Scope::region("93"))
        .filter(HelpFilter::default().services([Service::ParentingAndEducation]))
        .run(&index, gazetteer())
        .unwrap();
    assert_eq!(report.places.matching, 0);
    assert!(report.matching_places.is_empty());
    let notice = report
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::NoMatchingPlace)
        .unwrap();
    assert!(
        notice.message.contains("no place matches the filter"),
        "{}",
        notice.message
    );
    assert!(
        notice
            .message
            .contains("Parentalité et éducation avec le numérique")
    );
    for b in &report.total.beyond {
        assert_eq!(b.communes, report.total.located_communes);
        assert_eq!(b.population, report.total.located_population);
        assert_eq!(b.population_share, 1.0);
    }
    assert!(
        report
            .communes
            .iter()
            .all(|c| c.distance_m.is_none() && c.nearest_place.is_none())
    );
    assert!(
        report
            .communes
            .iter()
            .filter(|c| c.latitude.is_some())
            .all(|c| c.band == Some(3))
    );
    assert_eq!(report.band_labels().last().unwrap(), "no matching place");
    assert_eq!(report.ranked.len(), 20);
    assert_eq!(report.ranked[0].name, "Marseille");
    assert!(
        report
            .summary_table()
            .contains("Note: no place matches the filter")
    );
    check_aggregates(&report);
}

#[test]
fn bad_territories_are_errors_that_say_what_is_valid() {
    let index = HelpIndex::build(synthetic_places(10, 4)).unwrap();
    let run = |t: Scope| CoverageRequest::new(t).run(&index, gazetteer());
    let err = run(Scope::region("85")).unwrap_err();
    assert_eq!(err, CoverageError::UnknownRegion("85".into()));
    let msg = err.to_string();
    assert!(
        msg.contains("84 (Auvergne-Rhône-Alpes)") && msg.contains("06 (Mayotte)"),
        "{msg}"
    );
    assert!(
        matches!(run(Scope::departement("20")), Err(CoverageError::UnknownDepartement(d)) if d == "20")
    );
    assert_eq!(
        run(Scope::communes(["38185", "99999", "3818"])).unwrap_err(),
        CoverageError::UnknownCommunes(vec!["99999".into(), "3818".into()])
    );
    assert!(matches!(
        run(Scope::communes(Vec::<String>::new())),
        Err(CoverageError::EmptyTerritory(_))
    ));
    // Duplicated codes count once; codes are trimmed.
    let r = run(Scope::communes(["38185", " 38185 "])).unwrap();
    assert_eq!(r.total.communes, 1);
    assert_eq!(r.territory_name, "Grenoble (38)");
    // Codes are normalised: région 4 is La Réunion, département 2a is Corse-du-Sud.
    assert_eq!(
        run(Scope::region("4")).unwrap().territory_name,
        "La Réunion (région 04)"
    );
    assert_eq!(
        run(Scope::departement("2a")).unwrap().territory_name,
        "Corse-du-Sud (département 2A)"
    );
    assert_eq!(
        run(Scope::departement("987")).unwrap().territory_name,
        "Polynésie française (collectivité 987)"
    );
    // An empty gazetteer has no commune to measure.
    assert!(matches!(
        CoverageRequest::new(Scope::All).run(&index, &Gazetteer::default()),
        Err(CoverageError::EmptyTerritory(_))
    ));
}

#[test]
fn places_without_coordinates_are_reported_and_an_index_without_any_is_an_error() {
    let g = one_commune();
    let mut no_coords = place("nowhere", 45.0, 5.0, &[]);
    no_coords.coordinates = None;
    let err = CoverageRequest::new(Scope::All)
        .run(&HelpIndex::build([no_coords.clone()]).unwrap(), &g)
        .unwrap_err();
    assert_eq!(err, CoverageError::NoPlaces(1));
    assert!(
        err.to_string()
            .contains("none of the 1 place(s) has coordinates")
    );
    let empty = HelpIndex::build(Vec::new()).unwrap();
    assert_eq!(
        CoverageRequest::new(Scope::All)
            .run(&empty, &g)
            .unwrap_err(),
        CoverageError::NoPlaces(0)
    );

    let index = HelpIndex::build([no_coords, place("here", 45.01, 5.0, &[])]).unwrap();
    let report = CoverageRequest::new(Scope::All).run(&index, &g).unwrap();
    assert_eq!(
        (
            report.places.total,
            report.places.without_coordinates,
            report.places.matching
        ),
        (2, 1, 1)
    );
    let n = report
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::PlacesWithoutCoordinates)
        .unwrap();
    assert_eq!(n.count, 1);
    assert!(n.message.contains("nowhere"), "{}", n.message);
    assert_eq!(report.communes[0].nearest_place.as_deref(), Some("here"));
}

#[test]
fn bad_thresholds_are_errors() {
    let index = HelpIndex::build(synthetic_places(10, 5)).unwrap();
    let run = |t: Vec<f64>| {
        CoverageRequest::new(Scope::departement("38"))
            .thresholds_km(t)
            .run(&index, gazetteer())
    };
    assert_eq!(run(vec![]).unwrap_err(), CoverageError::NoThresholds);
    assert_eq!(
        run(vec![5.0, -2.0]).unwrap_err(),
        CoverageError::InvalidThreshold(-2.0)
    );
    assert!(run(vec![f64::NAN]).is_err());
    let r = CoverageRequest::new(Scope::departement("38"))
        .rank_beyond_km(f64::INFINITY)
        .run(&index, gazetteer());
    assert!(matches!(r, Err(CoverageError::InvalidThreshold(_))));
    // Unsorted, duplicated thresholds are sorted and merged.
    assert_eq!(
        run(vec![20.0, 5.0, 20.0]).unwrap().request.thresholds_km,
        [5.0, 20.0]
    );
}

#[test]
fn communes_without_a_point_are_counted_apart() {
    let report = CoverageRequest::new(Scope::departement("21"))
        .run(
            &HelpIndex::build(synthetic_places(300, 6)).unwrap(),
            gazetteer(),
        )
        .unwrap();
    let unlocated: Vec<_> = report
        .communes
        .iter()
        .filter(|c| c.latitude.is_none())
        .collect();
    assert!(!unlocated.is_empty());
    assert!(
        unlocated
            .iter()
            .all(|c| c.band.is_none() && !c.is_beyond(0.0))
    );
    let n = report
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::CommunesWithoutPoint)
        .unwrap();
    assert_eq!(n.count, unlocated.len());
    assert_eq!(
        report.total.communes - report.total.located_communes,
        unlocated.len()
    );
    // Approximate points (a neighbour's, through a shared postcode) are flagged and counted.
    let shared: Vec<&str> = gazetteer()
        .communes()
        .iter()
        .filter(|c| c.departement == "21")
        .filter(|c| {
            c.point
                .is_some_and(|p| p.source == PointSource::SharedPostcode)
        })
        .map(|c| c.code.as_str())
        .collect();
    let flagged: Vec<&str> = report
        .communes
        .iter()
        .filter(|c| c.approximate_point)
        .map(|c| c.code.as_str())
        .collect();
    assert!(!shared.is_empty());
    assert_eq!(flagged, shared);
    let n = report
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::ApproximatePoints)
        .unwrap();
    assert_eq!(n.count, shared.len());
}

#[test]
fn csv_and_geojson_have_one_record_per_commune() {
    let index = HelpIndex::build(synthetic_places(500, 8)).unwrap();
    let report = CoverageRequest::new(Scope::departement("38"))
        .run(&index, gazetteer())
        .unwrap();
    let csv = report.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), report.communes.len() + 1);
    assert!(lines[0].starts_with(
        "code_insee,nom,departement,region,population,latitude,longitude,approximate_point,distance_km"
    ));
    let grenoble = lines.iter().find(|l| l.starts_with("38185,")).unwrap();
    let c = report.communes.iter().find(|c| c.code == "38185").unwrap();
    assert!(
        grenoble.contains(&format!(",{:.3},", c.distance_m.unwrap() / 1000.0)),
        "{grenoble}"
    );
    assert!(grenoble.starts_with("38185,Grenoble,38,84,"));
    assert!(grenoble.contains(",false,"), "{grenoble}");
    let approximate = report
        .communes
        .iter()
        .filter(|c| c.approximate_point)
        .count();
    assert!(approximate > 0);
    assert_eq!(csv.matches(",true,").count(), approximate);

    let json: serde_json::Value = serde_json::from_str(&report.to_geojson()).unwrap();
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().unwrap();
    assert_eq!(
        features.len(),
        report.communes.len() + report.matching_places.len()
    );
    let communes: Vec<_> = features
        .iter()
        .filter(|f| f["properties"]["kind"] == "commune")
        .collect();
    assert_eq!(communes.len(), report.communes.len());
    let g = communes
        .iter()
        .find(|f| f["properties"]["code"] == "38185")
        .unwrap();
    assert_eq!(g["geometry"]["coordinates"][0].as_f64(), c.longitude);
    assert_eq!(g["properties"]["distance_m"].as_f64(), c.distance_m);
    assert_eq!(g["properties"]["population"], c.population);
    let places = features
        .iter()
        .filter(|f| f["properties"]["kind"] == "place")
        .count();
    assert_eq!(places, report.places.matching);
    let unlocated = communes.iter().filter(|f| f["geometry"].is_null()).count();
    assert_eq!(
        unlocated,
        report.total.communes - report.total.located_communes
    );
}

#[test]
fn report_serialises_to_json_with_its_request() {
    let index = HelpIndex::build(synthetic_places(50, 9)).unwrap();
    let report = CoverageRequest::new(Scope::departement("974"))
        .filter(HelpFilter::default().services([Service::AdministrativeProcedures]))
        .run(&index, gazetteer())
        .unwrap();
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["request"]["territory"]["departement"], "974");
    assert_eq!(
        json["request"]["filter"]["services"][0],
        "Aide aux démarches administratives"
    );
    assert_eq!(json["total"]["beyond"].as_array().unwrap().len(), 3);
    let back: CoverageReport = serde_json::from_value(json).unwrap();
    assert_eq!(back, report);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// For random places and thresholds: bands match distances, counts shrink as thresholds
    /// grow, and the aggregates match a recomputation.
    #[test]
    fn invariants_hold_for_random_places_and_thresholds(
        points in prop::collection::vec((44.0f64..46.5, 2.5f64..7.5, 0u32..512), 1..60),
        thresholds in prop::collection::vec(0.0f64..40.0, 1..5),
        service in 0usize..9,
    ) {
        let places: Vec<Place> = points.iter().enumerate().map(|(i, &(lat, lon, mask))| {
            let services: Vec<Service> = Service::ALL.iter().copied().filter(|s| mask & (1 << (*s as u32)) != 0).collect();
            place(&format!("q{i}"), lat, lon, &services)
        }).collect();
        let index = HelpIndex::build(places.clone()).unwrap();
        let filter = HelpFilter::default().services([Service::ALL[service]]);
        let report = CoverageRequest::new(Scope::departement("38"))
            .filter(filter.clone())
            .thresholds_km(thresholds)
            .run(&index, gazetteer())
            .unwrap();
        check_aggregates(&report);
        let b = &report.total.beyond;
        prop_assert!(b.windows(2).all(|w| w[0].communes >= w[1].communes && w[0].population >= w[1].population));
        for c in report.communes.iter().step_by(17) {
            if let (Some(lat), Some(lon)) = (c.latitude, c.longitude) {
                let oracle = brute_force(&places, &filter, lat, lon).map(|(d, _)| d);
                match (c.distance_m, oracle) {
                    (Some(d), Some(o)) => prop_assert!((d - o).abs() <= 1e-3),
                    (None, None) => {}
                    other => prop_assert!(false, "{other:?}"),
                }
            }
        }
    }
}
