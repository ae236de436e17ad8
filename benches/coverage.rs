//! Territorial coverage: the whole run (every commune of the embedded gazetteer, 34,969, of
//! which 28,997 have a point) against 1,000, 10,000 and 100,000 places, and the exports.
//!
//! ```sh
//! cargo bench --bench coverage
//! ```
//!
//! Places are synthetic and deterministic, clustered like the population: a commune drawn with
//! probability proportional to its population, then a Gaussian offset of 2 km; one service in
//! ten places. The baseline, in the same run, is the same nearest-place search done by a
//! linear scan of 3D unit vectors (a dot product per place, the fastest scan there is; a
//! haversine scan is about 30 times slower), measured on 1,000 communes and scaled to all of
//! them. Besides criterion's medians, the run prints one Markdown table.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion};
use inclusion::coverage::{CoverageRequest, MapOptions, Scope};
use inclusion::geo::sphere::{chord2_to_metres, distance2, unit_vector};
use inclusion::geo::{HelpFilter, HelpIndex};
use inclusion::model::{Address, Coordinates, Place, Service};
use inclusion::territory::communes::Gazetteer;
use proptest::test_runner::{RngAlgorithm, TestRng};

#[path = "support/population.rs"]
mod population;
use population::Population;

/// `n` places clustered like the population.
fn places(g: &Gazetteer, n: usize) -> Vec<Place> {
    let population = Population::new(g);
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[n as u8; 32]);
    let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    (0..n)
        .map(|i| {
            let (commune, point) = population.draw(&mut rng);
            // 2 km standard deviation.
            let (lat, lon) = Population::around(point, 2_000.0, &mut rng);
            let postcode = commune.postcodes().next().unwrap_or("75001");
            let mut p = Place::new(
                format!("p{i:06}"),
                "00000000000000",
                "Lieu",
                Address::new("-", postcode, "-"),
                date,
            );
            p.coordinates = Coordinates::new(lat, lon).ok();
            p.services.push(if i % 10 == 0 {
                Service::AffordableEquipment
            } else {
                Service::EverydayDigitalTools
            });
            p
        })
        .collect()
}

/// The baseline: nearest matching place of each commune point by a linear scan.
fn scan(points: &[[f64; 3]], communes: &[[f64; 3]]) -> f64 {
    let mut sum = 0.0;
    for q in communes {
        let best = points
            .iter()
            .map(|p| distance2(q, p))
            .fold(f64::INFINITY, f64::min);
        sum += chord2_to_metres(best);
    }
    sum
}

/// The median of `runs` timings of `f`, in seconds.
fn median(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

fn main() {
    let mut crit = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
        .configure_from_args();
    let g = Gazetteer::embedded();
    let all = CoverageRequest::new(Scope::All);
    let rare = all
        .clone()
        .filter(HelpFilter::default().services([Service::AffordableEquipment]));
    // No synthetic place offers this service: the run skips every query, which measures what
    // the run costs besides the index (selection, aggregates, ranking, the report's strings).
    let none = all
        .clone()
        .filter(HelpFilter::default().services([Service::ParentingAndEducation]));
    let commune_points: Vec<[f64; 3]> = g
        .communes()
        .iter()
        .filter_map(|c| c.point.map(|p| unit_vector(p.latitude, p.longitude)))
        .collect();
    let sample: Vec<[f64; 3]> = commune_points
        .iter()
        .step_by(29)
        .take(1_000)
        .copied()
        .collect();
    let scale = commune_points.len() as f64 / sample.len() as f64;

    let mut rows = Vec::new();
    for n in [1_000usize, 10_000, 100_000] {
        let places = places(g, n);
        let build = median(5, || {
            black_box(HelpIndex::build(places.clone()).ok());
        });
        let Ok(index) = HelpIndex::build(places.clone()) else {
            return;
        };
        let mut group = crit.benchmark_group("coverage");
        group.bench_function(BenchmarkId::new("all_communes", n), |b| {
            b.iter(|| black_box(all.run(&index, g).ok()))
        });
        group.bench_function(BenchmarkId::new("all_communes_10pct_service", n), |b| {
            b.iter(|| black_box(rare.run(&index, g).ok()))
        });
        let points: Vec<[f64; 3]> = places
            .iter()
            .filter_map(|p| {
                p.coordinates
                    .map(|c| unit_vector(c.latitude(), c.longitude()))
            })
            .collect();
        group.bench_function(BenchmarkId::new("scan_1000_communes", n), |b| {
            b.iter(|| black_box(scan(&points, &sample)))
        });
        group.finish();

        let run = median(7, || {
            black_box(all.run(&index, g).ok());
        });
        let run_rare = median(7, || {
            black_box(rare.run(&index, g).ok());
        });
        let no_query = median(7, || {
            black_box(none.run(&index, g).ok());
        });
        let baseline = median(5, || {
            black_box(scan(&points, &sample));
        }) * scale;
        rows.push((n, build, run, run_rare, no_query, baseline));
    }

    // The exports of the whole of France, at 10,000 places.
    let index = HelpIndex::build(places(g, 10_000)).ok();
    let report = index.as_ref().and_then(|i| all.run(i, g).ok());
    let options = MapOptions::new(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default());
    let exports = report.as_ref().map(|r| {
        (
            median(5, || {
                black_box(r.to_svg(&options));
            }),
            median(5, || {
                black_box(r.to_csv());
            }),
            median(5, || {
                black_box(r.to_geojson());
            }),
            r.to_svg(&options).len(),
        )
    });

    println!();
    println!(
        "| places | build index | coverage run, every place | run, 10% service | same run, no place matching (no query) | linear scan (3D dot product), extrapolated | speed-up |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (n, build, run, rare, no_query, baseline) in rows {
        println!(
            "| {n} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {:.0} ms | {:.0}× |",
            build * 1e3,
            run * 1e3,
            rare * 1e3,
            no_query * 1e3,
            baseline * 1e3,
            baseline / run
        );
    }
    if let Some((svg, csv, geojson, bytes)) = exports {
        println!(
            "\nExports of all of France (10,000 places): SVG {:.0} ms ({:.1} MB), CSV {:.0} ms, GeoJSON {:.0} ms",
            svg * 1e3,
            bytes as f64 / 1e6,
            csv * 1e3,
            geojson * 1e3
        );
    }
    crit.final_summary();
}
