//! Search as users mean it against a plain k-nearest query, in the same run: the places of a
//! commune plus at most 5 others within 10 km (`HelpIndex::search_commune`), the same with the
//! remote list, and the plain `HelpIndex::nearest(k = 5)` from the same point (the baseline).
//!
//! ```sh
//! cargo bench --bench search
//! ```
//!
//! Places: 35,000 synthetic places clustered like the population (a commune drawn with
//! probability proportional to its population, a Gaussian offset of 1.5 km), each with its
//! commune's code INSEE (as after `inclusion::enrich`), 1% giving help at a distance
//! (« À distance »). Queries: 1,000 communes drawn the same way (by population: big cities
//! often), and 1,000 communes drawn uniformly (most communes are small), each from its gazetteer
//! point with its code. A second baseline asks the plain query for as many places as the
//! commune search answers (a city's search lists all its places). Criterion's medians are per
//! 1,000 queries; the run also prints the mean number of answers.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::Criterion;
use inclusion::geo::{CommuneSearch, HelpFilter, HelpIndex, RemoteHelp};
use inclusion::model::{Address, Coordinates, Place, Service, SupportMode};
use inclusion::territory::communes::Gazetteer;
use proptest::prelude::RngExt;
use proptest::test_runner::{RngAlgorithm, TestRng};

struct Setup {
    index: HelpIndex,
    /// (latitude, longitude, code INSEE) of each query.
    queries: Vec<(f64, f64, String)>,
}

#[path = "support/population.rs"]
mod population;
use population::Population;

fn setup(n: usize, queries: usize) -> Setup {
    let population = Population::new(Gazetteer::embedded());
    let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
    let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let places: Vec<Place> = (0..n)
        .map(|i| {
            let (commune, point) = population.draw(&mut rng);
            let (lat, lon) = Population::around(point, 1_500.0, &mut rng);
            let postcode = commune.postcodes().next().unwrap_or("75001");
            let mut address = Address::new("-", postcode, commune.name.clone());
            address.insee_code = Some(commune.code.as_str().into());
            let mut p = Place::new(format!("p{i:06}"), "00000000000000", "Lieu", address, date);
            p.coordinates = Coordinates::new(lat, lon).ok();
            p.services.push(Service::EverydayDigitalTools);
            if i % 100 == 0 {
                p.support_modes.push(SupportMode::Remote);
            }
            p
        })
        .collect();
    let queries = (0..queries)
        .map(|_| {
            let (commune, point) = population.draw(&mut rng);
            (point.latitude, point.longitude, commune.code.clone())
        })
        .collect();
    Setup {
        index: HelpIndex::build(places).expect("index"),
        queries,
    }
}

fn main() {
    let mut crit = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
        .configure_from_args();
    let s = setup(35_000, 1_000);
    // A second set of queries: communes drawn uniformly (most communes are small).
    let uniform: Vec<(f64, f64, String)> = {
        let located: Vec<_> = Gazetteer::embedded()
            .communes()
            .iter()
            .filter_map(|c| Some((c, c.point?)))
            .collect();
        let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[9; 32]);
        (0..1_000)
            .map(|_| {
                let (c, p) = located[rng.random_range(0..located.len())];
                (p.latitude, p.longitude, c.code.clone())
            })
            .collect()
    };
    let none = HelpFilter::default();
    let search = |lat: f64, lon: f64, code: &str, remote: RemoteHelp| {
        CommuneSearch::new(lat, lon)
            .insee_code(code)
            .k(5)
            .remote(remote)
    };
    for (name, queries) in [("population", &s.queries), ("uniform", &uniform)] {
        let (mut in_commune, mut others, mut remote) = (0usize, 0usize, 0usize);
        // The plain query asking for as many places as the commune search answers.
        let mut same_count = Vec::with_capacity(queries.len());
        for (lat, lon, code) in queries {
            let r = s
                .index
                .search_commune(&search(*lat, *lon, code, RemoteHelp::After))
                .expect("valid");
            in_commune += r.on_site.iter().filter(|a| a.in_commune).count();
            others += r.on_site.iter().filter(|a| !a.in_commune).count();
            remote += r.remote.len();
            same_count.push(r.on_site.len().max(1));
        }
        let n = queries.len() as f64;
        println!(
            "{name}: per search {:.1} places of the commune, {:.1} others within 10 km, {:.1} remote",
            in_commune as f64 / n,
            others as f64 / n,
            remote as f64 / n
        );
        let mut g = crit.benchmark_group(format!("search_{name}_1000_queries_35k_places"));
        g.bench_function("plain_nearest_k5", |b| {
            b.iter(|| {
                for (lat, lon, _) in queries {
                    black_box(s.index.nearest(*lat, *lon, 5, &none).expect("valid"));
                }
            })
        });
        g.bench_function("plain_nearest_same_count", |b| {
            b.iter(|| {
                for ((lat, lon, _), k) in queries.iter().zip(&same_count) {
                    black_box(s.index.nearest(*lat, *lon, *k, &none).expect("valid"));
                }
            })
        });
        g.bench_function("commune_search_k5_10km", |b| {
            b.iter(|| {
                for (lat, lon, code) in queries {
                    black_box(
                        s.index
                            .search_commune(&search(*lat, *lon, code, RemoteHelp::No))
                            .expect("valid"),
                    );
                }
            })
        });
        g.bench_function("commune_search_k5_10km_remote", |b| {
            b.iter(|| {
                for (lat, lon, code) in queries {
                    black_box(
                        s.index
                            .search_commune(&search(*lat, *lon, code, RemoteHelp::After))
                            .expect("valid"),
                    );
                }
            })
        });
        g.bench_function("remote_list_alone_k5", |b| {
            b.iter(|| {
                for (lat, lon, _) in queries {
                    let q = CommuneSearch::new(*lat, *lon)
                        .radius_m(0.0)
                        .k(5)
                        .remote(RemoteHelp::After);
                    black_box(s.index.search_commune(&q).expect("valid"));
                }
            })
        });
        g.finish();
    }
    crit.final_summary();
}
