//! Nearest-help lookup: `HelpIndex` against a brute-force haversine scan, an rstar R*-tree on
//! raw degrees (fast but wrong for some queries), an rstar R*-tree on 3D unit vectors, and the
//! kiddo k-d tree on the same unit vectors (the speed reference, no filters).
//!
//! ```sh
//! cargo bench --bench nearest_help                            # communes, 35k and 100k places
//! INCLUSION_BENCH_1M=1 cargo bench --bench nearest_help       # also 1,000,000 places
//! ```
//!
//! Instruction counts, which do not depend on the machine's load: `INCLUSION_BENCH_WORKLOAD`
//! names one set and one workload (see [`workload`]); the binary then builds that set only, runs
//! the workload once in the function `workload` and exits, so that callgrind counts it alone:
//!
//! ```sh
//! cargo bench --bench nearest_help --no-run    # prints the binary's path
//! INCLUSION_BENCH_WORKLOAD=35k:k5 valgrind --tool=callgrind --toggle-collect='*workload*' \
//!     target/release/deps/nearest_help-HASH
//! ```
//!
//! Data, all deterministic: the points of the embedded communes gazetteer (one place per
//! commune point), and synthetic places clustered like the population (a commune drawn with
//! probability proportional to its population, then a Gaussian offset of 1.5 km), with services
//! held by 50/50/30/30/10/10/3/3/1% of places, realistic opening hours, the commune's code
//! INSEE, and 1% of places giving help at a distance. Queries are 10,000
//! positions drawn the same way (3 km offset). Besides criterion's medians, the run prints one
//! table with build time, index memory, p50/p99 latency, filter selectivity and how often the
//! degrees tree is wrong.

use std::hint::black_box;
use std::num::NonZeroUsize;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use criterion::{BatchSize, Criterion};
use inclusion::geo::sphere::{haversine_m, unit_vector};
use inclusion::geo::{HelpFilter, HelpIndex, HelpQuery};
use inclusion::model::{Address, Coordinates, HoursCache, Place, Service, SupportMode};
use inclusion::territory::communes::Gazetteer;
use kiddo::{ImmutableKdTree, SquaredEuclidean};
use rstar::RTree;
use rstar::primitives::GeomWithData;

#[path = "../crates/inclusion-geo/tests/support/rng.rs"]
mod rng;
use rng::Rng;

/// Opening hours and their share of places, so that a weekday evening (Monday 18:30) finds a
/// few per cent of places open, as in real data (3.7% of mairies at that time).
const HORAIRES: &[(&str, f64)] = &[
    ("Mo-Fr 09:00-12:00,14:00-17:00", 0.30),
    ("Mo-Fr 09:00-12:00,14:00-18:00; PH off", 0.25),
    ("Tu-Sa 10:00-12:30,13:30-18:00", 0.15),
    ("Mo-Fr 08:30-12:30", 0.10),
    ("Mo,We 14:00-19:00; Sa 10:00-12:00; PH off", 0.03),
    ("Mo-Fr 09:00-19:00; Dec 25 off", 0.01),
    ("We 14:00-17:00; Sa 09:00-12:00", 0.08),
];
const SERVICE_SHARES: [f64; 9] = [0.5, 0.5, 0.3, 0.3, 0.1, 0.1, 0.03, 0.03, 0.01];

/// Population-weighted commune points.
struct Sampler {
    /// Per commune with a point: latitude, longitude, postcode and code INSEE (in one
    /// string, `"38000 38185"`).
    points: Vec<(f64, f64, String)>,
    cumulative: Vec<f64>,
}

impl Sampler {
    fn new(g: &Gazetteer) -> Sampler {
        let mut points = Vec::new();
        let mut cumulative = Vec::new();
        let mut total = 0.0;
        for c in g.communes() {
            if let Some(p) = c.point {
                total += f64::from(c.population.max(1));
                let postcode = c.postcodes().next().unwrap_or("75001");
                points.push((p.latitude, p.longitude, format!("{postcode} {}", c.code)));
                cumulative.push(total);
            }
        }
        Sampler { points, cumulative }
    }

    /// A position near a commune drawn by population, offset by a Gaussian of `sigma_m`.
    fn draw(&self, rng: &mut Rng, sigma_m: f64) -> (f64, f64, &str) {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let i = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.points.len() - 1);
        let (lat, lon, postcode) = &self.points[i];
        let dlat = rng.gaussian() * sigma_m / 111_195.0;
        let dlon = rng.gaussian() * sigma_m / (111_195.0 * lat.to_radians().cos().max(0.05));
        let lon = (lon + dlon + 540.0).rem_euclid(360.0) - 180.0;
        ((lat + dlat).clamp(-90.0, 90.0), lon, postcode)
    }
}

fn make_place(
    i: usize,
    lat: f64,
    lon: f64,
    codes: &str,
    rng: &mut Rng,
    cache: &mut HoursCache,
) -> Place {
    let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let (postcode, insee) = codes.split_once(' ').unwrap_or((codes, ""));
    let mut p = Place::new(
        format!("p{i:07}"),
        "00000000000000",
        "Lieu",
        Address::new("-", postcode, "-"),
        date,
    );
    p.address.insee_code = Some(insee.into());
    // 1% of places give help at a distance (their own tree in the index).
    if i % 100 == 42 {
        p.support_modes.push(SupportMode::Remote);
    }
    p.coordinates = Coordinates::new(lat, lon).ok();
    p.services = Service::ALL
        .iter()
        .zip(SERVICE_SHARES)
        .filter_map(|(s, share)| (rng.unit() < share).then_some(*s))
        .collect();
    p.opening_hours = rng.pick(HORAIRES).map(|text| cache.get(text));
    p
}

fn synthetic(sampler: &Sampler, n: usize, seed: u64) -> Vec<Place> {
    let mut rng = Rng(seed);
    let mut cache = HoursCache::new();
    (0..n)
        .map(|i| {
            let (lat, lon, pc) = sampler.draw(&mut rng, 1_500.0);
            make_place(i, lat, lon, pc, &mut rng, &mut cache)
        })
        .collect()
}

fn commune_places(sampler: &Sampler) -> Vec<Place> {
    let mut rng = Rng(17);
    let mut cache = HoursCache::new();
    sampler
        .points
        .iter()
        .enumerate()
        .map(|(i, (lat, lon, pc))| make_place(i, *lat, *lon, pc, &mut rng, &mut cache))
        .collect()
}

/// What each competitor indexes.
struct Competitors {
    index: HelpIndex,
    /// The build (its tables left to the first filtered query), then the tables.
    build_index: Duration,
    build_tables: Duration,
    kiddo: ImmutableKdTree<f64, 3>,
    build_kiddo: Duration,
    degrees: RTree<GeomWithData<[f64; 2], u32>>,
    build_degrees: Duration,
    unit: RTree<GeomWithData<[f64; 3], u32>>,
    /// Per place of `index.places()`: unit vector, (lat, lon), 1% service held.
    xyz: Vec<[f64; 3]>,
    latlon: Vec<(f64, f64)>,
    rare: Vec<bool>,
    /// The commune points of the gazetteer.
    communes: Vec<(f64, f64)>,
}

fn competitors(places: Vec<Place>) -> Competitors {
    let t = Instant::now();
    let index = HelpIndex::build(places).unwrap_or_else(|e| panic!("{e}"));
    let build_index = t.elapsed();
    // The tables now, so that no query of the benchmarks pays for them.
    let t = Instant::now();
    index.prepare();
    let build_tables = t.elapsed();
    let latlon: Vec<(f64, f64)> = index
        .places()
        .iter()
        .map(|p| {
            p.coordinates
                .map_or((0.0, 0.0), |c| (c.latitude(), c.longitude()))
        })
        .collect();
    let xyz: Vec<[f64; 3]> = latlon.iter().map(|&(la, lo)| unit_vector(la, lo)).collect();
    let rare = index
        .places()
        .iter()
        .map(|p| p.offers(Service::AffordableEquipment))
        .collect();
    let t = Instant::now();
    let kiddo = ImmutableKdTree::<f64, 3>::new_from_slice(&xyz).unwrap_or_else(|e| panic!("{e:?}"));
    let build_kiddo = t.elapsed();
    let t = Instant::now();
    let degrees = RTree::bulk_load(
        latlon
            .iter()
            .enumerate()
            .map(|(i, &(la, lo))| GeomWithData::new([lo, la], i as u32))
            .collect(),
    );
    let build_degrees = t.elapsed();
    let unit = RTree::bulk_load(
        xyz.iter()
            .enumerate()
            .map(|(i, &v)| GeomWithData::new(v, i as u32))
            .collect(),
    );
    Competitors {
        index,
        build_index,
        build_tables,
        kiddo,
        build_kiddo,
        degrees,
        build_degrees,
        unit,
        xyz,
        latlon,
        rare,
        communes: Gazetteer::embedded()
            .communes()
            .iter()
            .filter_map(|c| c.point.map(|p| (p.latitude, p.longitude)))
            .collect(),
    }
}

fn queries(sampler: &Sampler, n: usize) -> Vec<(f64, f64)> {
    let mut rng = Rng(99);
    (0..n)
        .map(|_| {
            let (la, lo, _) = sampler.draw(&mut rng, 3_000.0);
            (la, lo)
        })
        .collect()
}

/// Monday 2026-12-07 18:30 in Paris: a weekday evening.
fn weekday_evening() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 17, 30, 0)
        .single()
        .unwrap_or_default()
}

/// A different weekday evening (Monday to Friday, 18:00 to 20:59 in Paris) for each query
/// number, so that exact answers are never reused from an earlier query.
fn evening_number(i: usize) -> DateTime<Utc> {
    let week = chrono::Duration::weeks((i / 900) as i64);
    let day = chrono::Duration::days((i % 5) as i64);
    let minute = chrono::Duration::minutes(((i / 5) % 180) as i64 - 30);
    weekday_evening() + week + day + minute
}

fn k5() -> NonZeroUsize {
    NonZeroUsize::MIN.saturating_add(4)
}

fn brute_force(c: &Competitors, q: (f64, f64), k: usize) -> Vec<(f64, usize)> {
    let mut all: Vec<(f64, usize)> = c
        .latlon
        .iter()
        .enumerate()
        .map(|(i, &(la, lo))| (haversine_m(q.0, q.1, la, lo), i))
        .collect();
    let nth = k.min(all.len() - 1);
    all.select_nth_unstable_by(nth, |a, b| a.0.total_cmp(&b.0));
    all.truncate(k);
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    all
}

fn percentiles(mut ns: Vec<u128>) -> (u128, u128) {
    ns.sort_unstable();
    let at = |p: f64| ns[((ns.len() as f64 * p) as usize).min(ns.len() - 1)];
    (at(0.5), at(0.99))
}

fn time_each(qs: &[(f64, f64)], mut f: impl FnMut((f64, f64))) -> (u128, u128) {
    let ns = qs
        .iter()
        .map(|&q| {
            let t = Instant::now();
            f(q);
            t.elapsed().as_nanos()
        })
        .collect();
    percentiles(ns)
}

fn report(name: &str, c: &Competitors, qs: &[(f64, f64)]) {
    let n = c.index.len();
    let none = HelpFilter::default();
    let rare = HelpFilter::default().services([Service::AffordableEquipment]);
    let evening = HelpFilter::default().open_at(weekday_evening());
    let (p50, p99) = time_each(qs, |(la, lo)| {
        black_box(c.index.nearest(la, lo, 5, &none).ok());
    });
    let (k50, k99) = time_each(qs, |(la, lo)| {
        black_box(
            c.kiddo
                .query(&unit_vector(la, lo))
                .nearest_n::<SquaredEuclidean<f64>>(k5())
                .execute(),
        );
    });
    let (r50, r99) = time_each(qs, |(la, lo)| {
        black_box(c.index.nearest(la, lo, 5, &rare).ok());
    });
    let (o50, o99) = time_each(qs, |(la, lo)| {
        black_box(c.index.nearest(la, lo, 5, &evening).ok());
    });
    // A clone starts with no exact schedule kept: the 10,000 instants (11 weeks) pay for
    // computing them.
    let cold = c.index.clone();
    let mut n_query = 0;
    let (v50, v99) = time_each(qs, |(la, lo)| {
        n_query += 1;
        let f = HelpFilter::default().open_at(evening_number(n_query));
        black_box(cold.nearest(la, lo, 5, &f).ok());
    });
    drop(cold);
    // How often the degrees tree is wrong: its nearest (or its 5 nearest) are not the true ones.
    let (mut wrong1, mut wrong5) = (0, 0);
    for &(la, lo) in qs {
        let truth = c.index.nearest(la, lo, 5, &none).unwrap_or_default();
        let got: Vec<f64> = c
            .degrees
            .nearest_neighbor_iter(&[lo, la])
            .take(5)
            .map(|g| {
                let (pla, plo) = c.latlon[g.data as usize];
                haversine_m(la, lo, pla, plo)
            })
            .collect();
        let mut sorted = got.clone();
        sorted.sort_by(f64::total_cmp);
        let same = |a: f64, b: f64| (a - b).abs() <= 1e-6 * b.max(1.0);
        if !same(got[0], truth[0].distance_m) {
            wrong1 += 1;
        }
        if sorted
            .iter()
            .zip(&truth)
            .any(|(g, t)| !same(*g, t.distance_m))
        {
            wrong5 += 1;
        }
    }
    let open_share = c
        .index
        .nearest(46.5, 2.5, usize::MAX, &evening)
        .map_or(0, |h| h.len()) as f64
        / n as f64;
    let rare_share = c.rare.iter().filter(|&&r| r).count() as f64 / n as f64;
    println!(
        "| {name} | {n} | {:.1} + {:.1} ms | {:.1} ms | {:.1} ms | {:.1} B | {p50} / {p99} | {k50} / {k99} | {:.2} | {r50} / {r99} ({:.1}%) | {o50} / {o99} ({:.1}%) | {v50} / {v99} | {:.2}% / {:.2}% |",
        c.build_index.as_secs_f64() * 1e3,
        c.build_tables.as_secs_f64() * 1e3,
        c.build_kiddo.as_secs_f64() * 1e3,
        c.build_degrees.as_secs_f64() * 1e3,
        c.index.index_bytes() as f64 / n as f64,
        p50 as f64 / k50 as f64,
        rare_share * 100.0,
        open_share * 100.0,
        100.0 * wrong1 as f64 / qs.len() as f64,
        100.0 * wrong5 as f64 / qs.len() as f64,
    );
}

fn bench_set(crit: &mut Criterion, name: &str, c: &Competitors, qs: &[(f64, f64)]) {
    let none = HelpFilter::default();
    let rare = HelpFilter::default().services([Service::AffordableEquipment]);
    let evening = HelpFilter::default().open_at(weekday_evening());
    let cycle = |i: &mut usize| {
        *i = (*i + 1) % qs.len();
        qs[*i]
    };
    let mut g = crit.benchmark_group(format!("k5/{name}"));
    let mut i = 0;
    g.bench_function("help_index", |b| {
        b.iter(|| {
            let (la, lo) = cycle(&mut i);
            black_box(c.index.nearest(la, lo, 5, &none).ok())
        })
    });
    g.bench_function("kiddo_nearest_n", |b| {
        b.iter(|| {
            let (la, lo) = cycle(&mut i);
            black_box(
                c.kiddo
                    .query(&unit_vector(la, lo))
                    .nearest_n::<SquaredEuclidean<f64>>(k5())
                    .execute(),
            )
        })
    });
    g.bench_function("rstar_degrees", |b| {
        b.iter(|| {
            let (la, lo) = cycle(&mut i);
            black_box(
                c.degrees
                    .nearest_neighbor_iter(&[lo, la])
                    .take(5)
                    .map(|g| g.data)
                    .sum::<u32>(),
            )
        })
    });
    g.bench_function("rstar_unit_vectors", |b| {
        b.iter(|| {
            let (la, lo) = cycle(&mut i);
            black_box(
                c.unit
                    .nearest_neighbor_iter(&unit_vector(la, lo))
                    .take(5)
                    .map(|g| g.data)
                    .sum::<u32>(),
            )
        })
    });
    if c.index.len() <= 100_000 {
        g.sample_size(10);
        g.bench_function("brute_force_haversine", |b| {
            b.iter(|| black_box(brute_force(c, cycle(&mut i), 5)))
        });
    }
    g.finish();

    let mut g = crit.benchmark_group(format!("k5_filtered/{name}"));
    g.bench_function("help_index_service_1pct", |b| {
        b.iter(|| {
            let (la, lo) = cycle(&mut i);
            black_box(c.index.nearest(la, lo, 5, &rare).ok())
        })
    });
    g.bench_function("rstar_unit_vectors_iter_filter_1pct", |b| {
        b.iter(|| {
            let (la, lo) = cycle(&mut i);
            black_box(
                c.unit
                    .nearest_neighbor_iter(&unit_vector(la, lo))
                    .filter(|g| c.rare[g.data as usize])
                    .take(5)
                    .map(|g| g.data)
                    .sum::<u32>(),
            )
        })
    });
    g.bench_function("help_index_open_weekday_evening", |b| {
        b.iter(|| {
            let (la, lo) = cycle(&mut i);
            black_box(c.index.nearest(la, lo, 5, &evening).ok())
        })
    });
    let mut n_query = 0;
    g.bench_function("help_index_open_other_evenings", |b| {
        b.iter(|| {
            let (la, lo) = cycle(&mut i);
            n_query += 1;
            let f = HelpFilter::default().open_at(evening_number(n_query));
            black_box(c.index.nearest(la, lo, 5, &f).ok())
        })
    });
    g.bench_function("help_index_within_10km", |b| {
        b.iter(|| {
            let (la, lo) = cycle(&mut i);
            black_box(c.index.query(&HelpQuery::within(la, lo, 10_000.0)).ok())
        })
    });
    g.finish();
    let _ = &c.xyz;
}

fn bench_build(crit: &mut Criterion, name: &str, places: &[Place], c: &Competitors) {
    let mut g = crit.benchmark_group(format!("build/{name}"));
    g.sample_size(10);
    // The copy of the places is made outside the timed part.
    g.bench_function("help_index", |b| {
        b.iter_batched(
            || places.to_vec(),
            |p| black_box(HelpIndex::build(p).ok()),
            BatchSize::LargeInput,
        )
    });
    g.bench_function("help_index_with_tables", |b| {
        b.iter_batched(
            || places.to_vec(),
            |p| black_box(with_tables(p)),
            BatchSize::LargeInput,
        )
    });
    g.bench_function("help_index_two_threads", |b| {
        b.iter_batched(
            || places.to_vec(),
            |p| black_box(HelpIndex::build_parallel(p, two_threads()).ok()),
            BatchSize::LargeInput,
        )
    });
    g.bench_function("kiddo", |b| {
        b.iter(|| black_box(ImmutableKdTree::<f64, 3>::new_from_slice(&c.xyz).ok()))
    });
    g.bench_function("kiddo_from_places", |b| {
        b.iter(|| black_box(ImmutableKdTree::<f64, 3>::new_from_slice(&kiddo_vectors(places)).ok()))
    });
    g.finish();
}

/// The index of `places` on one thread, with the tables its first filtered query would build.
fn with_tables(places: Vec<Place>) -> Option<HelpIndex> {
    let index = HelpIndex::build(places).ok()?;
    index.prepare();
    Some(index)
}

/// Two threads, for the parallel build.
fn two_threads() -> NonZeroUsize {
    NonZeroUsize::new(2).expect("2 is not 0")
}

/// The median times in ms of 21 rounds of `runs` (builds, batches of queries), run in turns in each round (so
/// that a change of the machine's load falls on all of them), each on a fresh input made
/// before its clock starts, what it gives dropped after the clock stops.
fn median_ms(runs: &mut [&mut dyn FnMut() -> Duration]) -> Vec<f64> {
    let mut times = vec![Vec::new(); runs.len()];
    for _ in 0..21 {
        for (run, times) in runs.iter_mut().zip(&mut times) {
            times.push(run().as_secs_f64() * 1e3);
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort_by(f64::total_cmp);
            t[10]
        })
        .collect()
}

/// How long `run` takes on `input`, what it gives dropped outside the clock.
fn timed<I, O>(input: I, run: impl FnOnce(I) -> O) -> Duration {
    let t = Instant::now();
    let out = run(input);
    let elapsed = t.elapsed();
    drop(black_box(out));
    elapsed
}

/// The unit vectors kiddo is built from when it starts from places, as its users would.
fn kiddo_vectors(places: &[Place]) -> Vec<[f64; 3]> {
    places
        .iter()
        .filter_map(|p| p.coordinates)
        .map(|c| unit_vector(c.latitude(), c.longitude()))
        .collect()
}

/// One workload of `INCLUSION_BENCH_WORKLOAD=SET:WHAT` (SET: `communes`, `35k`, `100k`, `1m`),
/// for callgrind; returns a number that depends on every answer, so nothing is optimised away.
/// WHAT: `k5` (HelpIndex, no filter), `kiddo` (kiddo `nearest_n(5)`), `rare` (1% service),
/// `evening` (open Monday 18:30), `evenings` (10,000 other evenings, cold index), `within`
/// (10 km), `many` (the k = 5 queries by `nearest_many`), `communes` / `communes_two_threads`
/// / `communes_single` (the nearest place of each of the 28,997 commune points, by
/// `nearest_many`, by `nearest_many_parallel` on two threads, one by one), `communestime`
/// (the three, medians of 21 rounds in turns, wall clock),
/// `build` (HelpIndex::build of the set: the tree, its tables left to the first filtered
/// query), `build_tables` (the same, then the tables: [`HelpIndex::prepare`]), `build_unsorted` (the same places in another
/// order than their ids', which the build sorts first), `kiddo_build` (kiddo from the unit vectors),
/// `kiddo_places_build` (kiddo from the places: their unit vectors computed, then the tree),
/// `build_two_threads` (HelpIndex::build_parallel on two threads, tables included), `buildtime`
/// (medians of 21 rounds of the five builds in turns,
/// wall clock): each query workload runs the 10,000 queries once. What is built is
/// returned, so that it is dropped outside.
#[inline(never)]
fn workload(
    what: &str,
    c: &Competitors,
    places: &mut Vec<Place>,
    qs: &[(f64, f64)],
) -> (usize, Option<HelpIndex>, Option<ImmutableKdTree<f64, 3>>) {
    let none = HelpFilter::default();
    let rare = HelpFilter::default().services([Service::AffordableEquipment]);
    let evening = HelpFilter::default().open_at(weekday_evening());
    let sum = |f: &dyn Fn(usize, (f64, f64)) -> usize| {
        qs.iter().enumerate().map(|(i, &q)| f(i, q)).sum::<usize>()
    };
    let hits =
        |r: Result<Vec<inclusion::geo::Hit>, _>| r.map_or(0, |h| h.iter().map(|h| h.place).sum());
    let built = match what {
        "build" | "build_unsorted" => HelpIndex::build(std::mem::take(places)).ok(),
        "build_tables" => with_tables(std::mem::take(places)),
        "build_two_threads" => {
            HelpIndex::build_parallel(std::mem::take(places), two_threads()).ok()
        }
        _ => None,
    };
    let kiddo = match what {
        "kiddo_build" => ImmutableKdTree::<f64, 3>::new_from_slice(&c.xyz).ok(),
        "kiddo_places_build" => {
            ImmutableKdTree::<f64, 3>::new_from_slice(&kiddo_vectors(places)).ok()
        }
        _ => None,
    };
    let kiddo_k5 = |(la, lo): (f64, f64)| -> usize {
        c.kiddo
            .query(&unit_vector(la, lo))
            .nearest_n::<SquaredEuclidean<f64>>(k5())
            .execute()
            .iter()
            .map(|n| n.item as usize)
            .sum()
    };
    let n = match what {
        "k5" => sum(&|_, (la, lo)| hits(c.index.nearest(la, lo, 5, &none))),
        "race" => {
            // HelpIndex and kiddo in turns, 40 rounds of the 10,000 queries: the least and the
            // median time of each (the least is the least disturbed by other processes).
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            let mut total = 0;
            for _ in 0..40 {
                let t = Instant::now();
                total += sum(&|_, (la, lo)| hits(c.index.nearest(la, lo, 5, &none)));
                ours.push(t.elapsed().as_secs_f64());
                let t = Instant::now();
                total += sum(&|_, q| kiddo_k5(q));
                theirs.push(t.elapsed().as_secs_f64());
            }
            ours.sort_by(f64::total_cmp);
            theirs.sort_by(f64::total_cmp);
            let per = |t: f64| t * 1e9 / qs.len() as f64;
            println!(
                "HelpIndex min {:.0} ns median {:.0} ns; kiddo min {:.0} ns median {:.0} ns; ratio min {:.3} median {:.3}",
                per(ours[0]),
                per(ours[20]),
                per(theirs[0]),
                per(theirs[20]),
                ours[0] / theirs[0],
                ours[20] / theirs[20]
            );
            total
        }
        "kiddo" => sum(&|_, q| kiddo_k5(q)),
        "rare" => sum(&|_, (la, lo)| hits(c.index.nearest(la, lo, 5, &rare))),
        "evening" => sum(&|_, (la, lo)| hits(c.index.nearest(la, lo, 5, &evening))),
        "evenings" => sum(&|i, (la, lo)| {
            let f = HelpFilter::default().open_at(evening_number(i + 1));
            hits(c.index.nearest(la, lo, 5, &f))
        }),
        "buildtime" => {
            // One copy of the places per build, made and dropped outside the timed part.
            let t = median_ms(&mut [
                &mut || timed(places.clone(), |p| HelpIndex::build(p).ok()),
                &mut || timed(places.clone(), with_tables),
                &mut || {
                    timed(places.clone(), |p| {
                        HelpIndex::build_parallel(p, two_threads()).ok()
                    })
                },
                &mut || {
                    timed((), |()| {
                        ImmutableKdTree::<f64, 3>::new_from_slice(&c.xyz).ok()
                    })
                },
                // kiddo as a user of it would build it from the same places: unit vectors
                // computed from their coordinates (reading the places and the sines and
                // cosines), then the tree.
                &mut || {
                    timed((), |()| {
                        ImmutableKdTree::<f64, 3>::new_from_slice(&kiddo_vectors(places)).ok()
                    })
                },
            ]);
            let (one, tables, two, kiddo, from_places) = (t[0], t[1], t[2], t[3], t[4]);
            println!(
                "build median (21 rounds, in turns): HelpIndex {one:.2} ms on one thread ({tables:.2} ms with its tables), {two:.2} ms on two (tables included); kiddo {kiddo:.2} ms; ratios {:.2} ({:.2}) and {:.2}; kiddo with the unit vectors computed from the places {from_places:.2} ms, ratios {:.2} ({:.2}) and {:.2}",
                one / kiddo,
                tables / kiddo,
                two / kiddo,
                one / from_places,
                tables / from_places,
                two / from_places
            );
            places.len()
        }
        "communestime" => {
            let n = c.communes.len() as f64;
            let t = median_ms(&mut [
                &mut || {
                    timed((), |()| {
                        c.communes
                            .iter()
                            .map(|&(la, lo)| hits(c.index.nearest(la, lo, 1, &none)))
                            .sum::<usize>()
                    })
                },
                &mut || timed((), |()| c.index.nearest_many(&c.communes, 1, &none).ok()),
                &mut || {
                    timed((), |()| {
                        c.index
                            .nearest_many_parallel(&c.communes, 1, &none, two_threads())
                            .ok()
                    })
                },
            ]);
            let qps = |ms: f64| n / ms / 1e3;
            println!(
                "the nearest place of each of the {n} commune points, medians of 21 rounds in turns: one by one {:.2} ms ({:.2} M/s), nearest_many {:.2} ms ({:.2} M/s), on two threads {:.2} ms ({:.2} M/s); speed-ups {:.2} and {:.2}",
                t[0],
                qps(t[0]),
                t[1],
                qps(t[1]),
                t[2],
                qps(t[2]),
                t[0] / t[1],
                t[0] / t[2]
            );
            c.communes.len()
        }
        "many" => c
            .index
            .nearest_many(qs, 5, &none)
            .map_or(0, |m| m.iter().flatten().map(|h| h.place).sum()),
        "communes" => c
            .index
            .nearest_many(&c.communes, 1, &none)
            .map_or(0, |m| m.iter().flatten().map(|h| h.place).sum()),
        "communes_two_threads" => c
            .index
            .nearest_many_parallel(&c.communes, 1, &none, two_threads())
            .map_or(0, |m| m.iter().flatten().map(|h| h.place).sum()),
        "communes_single" => c
            .communes
            .iter()
            .map(|&(la, lo)| hits(c.index.nearest(la, lo, 1, &none)))
            .sum(),
        "within" => sum(&|_, (la, lo)| hits(c.index.query(&HelpQuery::within(la, lo, 10_000.0)))),
        "build" | "build_tables" | "build_unsorted" | "build_two_threads" => {
            built.as_ref().map_or(0, HelpIndex::len)
        }
        "kiddo_build" | "kiddo_places_build" => kiddo.as_ref().map_or(0, |t| t.size()),
        other => panic!("unknown workload {other}"),
    };
    (n, built, kiddo)
}

fn main() {
    if let Ok(spec) = std::env::var("INCLUSION_BENCH_WORKLOAD") {
        let (set, what) = spec.split_once(':').unwrap_or((spec.as_str(), "k5"));
        let sampler = Sampler::new(Gazetteer::embedded());
        let qs = queries(&sampler, 10_000);
        let places = match set {
            "communes" => commune_places(&sampler),
            "35k" => synthetic(&sampler, 35_000, 1),
            "100k" => synthetic(&sampler, 100_000, 2),
            "1m" => synthetic(&sampler, 1_000_000, 3),
            other => panic!("unknown set {other}"),
        };
        // A fresh index: no exact schedule kept from an earlier query.
        let c = competitors(places.clone());
        let mut places = places;
        if what == "build_unsorted" {
            // The places in another order than their ids' (a stride through them), as in a
            // file whose ids are not sorted: the build sorts them first.
            let n = places.len();
            let mut slots: Vec<Option<Place>> = places.into_iter().map(Some).collect();
            places = (0..n).filter_map(|i| slots[i * 7_919 % n].take()).collect();
            assert_eq!(
                places.len(),
                n,
                "the stride must be prime to the number of places"
            );
        }
        let t = Instant::now();
        let (r, _, _) = workload(what, &c, &mut places, &qs);
        println!(
            "{spec}: {r} in {:.1} ms; index {:.1} bytes per place",
            t.elapsed().as_secs_f64() * 1e3,
            c.index.index_bytes() as f64 / c.index.len() as f64
        );
        return;
    }
    let mut crit = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50)
        .configure_from_args();
    let gazetteer = Gazetteer::embedded();
    let sampler = Sampler::new(gazetteer);
    let qs = queries(&sampler, 10_000);
    let mut sets: Vec<(&str, Vec<Place>)> = vec![
        ("communes", commune_places(&sampler)),
        ("synthetic_35k", synthetic(&sampler, 35_000, 1)),
        ("synthetic_100k", synthetic(&sampler, 100_000, 2)),
    ];
    if std::env::var_os("INCLUSION_BENCH_1M").is_some_and(|v| v != "0") {
        sets.push(("synthetic_1m", synthetic(&sampler, 1_000_000, 3)));
    }
    let mut table = Vec::new();
    for (name, places) in sets {
        let c = competitors(places.clone());
        bench_set(&mut crit, name, &c, &qs);
        if c.index.len() <= 100_000 {
            bench_build(&mut crit, name, &places, &c);
        }
        table.push((name, c));
    }
    println!();
    println!(
        "| set | places | build HelpIndex (tree + tables) | build kiddo | build rstar degrees | index bytes/place | HelpIndex k=5 p50 / p99 (ns) | kiddo k=5 p50 / p99 (ns) | ratio p50 | 1% service k=5 p50 / p99 (ns) | open Mon 18:30 k=5 p50 / p99 (ns) | open, 10,000 other evenings, p50 / p99 (ns) | rstar-degrees wrong: nearest / top 5 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (name, c) in &table {
        report(name, c, &qs);
    }
    crit.final_summary();
}
