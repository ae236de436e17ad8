//! The duplicate finder against the national cartography's rule, in the same run and on the
//! same data.
//!
//! ```sh
//! cargo bench -p inclusion-merge --bench dedup
//! ```
//!
//! 1. Accuracy (printed): precision, recall and F1 of both on the labelled real pairs and the
//!    synthetic two-source set of `../shared/anchors/dedup` (when present), and on the
//!    injected duplicates of the 100,000 generated places.
//! 2. Speed (criterion): `find_duplicates` on 100,000 places clustered like the population
//!    (candidate pairs per second as the throughput), against the cartography's rule comparing
//!    all pairs within each code INSEE (pairs compared per second).
//!
//! `DEDUP_ONCE=1` runs each side once, without criterion: under
//! `valgrind --tool=callgrind`, the inclusive instruction counts of `find_duplicates` and of
//! `baseline::duplicates` compare the two whatever the load of the machine.

use std::collections::HashSet;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use inclusion_merge::{Config, Decision, find_duplicates};
use inclusion_model::Place;

#[path = "../tests/support/baseline.rs"]
mod baseline;
#[path = "../tests/support/eval.rs"]
mod eval;
#[path = "../tests/support/synth.rs"]
mod synth;

const N: usize = 100_000;

fn ours(places: &[Place], config: &Config) -> HashSet<(usize, usize)> {
    find_duplicates(places, config)
        .expect("valid configuration")
        .with_decision(Decision::Duplicate)
        .map(|p| (p.left_index, p.right_index))
        .collect()
}

fn accuracy() {
    let config = Config::default();
    for file in eval::anchor_files("real-pairs.", ".json") {
        let real = eval::load_real(&file);
        println!(
            "{}",
            real.measure(|p| ours(p, &config))
                .0
                .line(&format!("{} inclusion-merge", real.name))
        );
        for complete in [false, true] {
            let m = real
                .measure(|p| baseline::duplicates(p, complete).0.into_iter().collect())
                .0;
            let what = if complete {
                "baseline, code INSEE completed"
            } else {
                "baseline"
            };
            println!("{}", m.line(&format!("{} {what}", real.name)));
        }
    }
    for file in eval::anchor_files("synthetic.", ".truth.json") {
        let set = eval::load_synthetic(&file);
        println!(
            "{}",
            set.measure(&ours(&set.places, &config))
                .0
                .line(&format!("{} inclusion-merge", set.name))
        );
        let b: HashSet<_> = baseline::duplicates(&set.places, true)
            .0
            .into_iter()
            .collect();
        println!(
            "{}",
            set.measure(&b).0.line(&format!("{} baseline", set.name))
        );
    }
}

fn measure_generated(
    places: &[Place],
    truth: &HashSet<(usize, usize)>,
    predicted: &HashSet<(usize, usize)>,
) -> eval::Metrics {
    let mut m = eval::Metrics::default();
    for p in predicted {
        if truth.contains(p) {
            m.tp += 1;
        } else {
            m.fp += 1;
        }
    }
    m.fn_ = truth.iter().filter(|p| !predicted.contains(p)).count();
    let _ = places;
    m
}

fn bench(c: &mut Criterion) {
    let once = std::env::var_os("DEDUP_ONCE").is_some();
    if !once {
        accuracy();
    }
    let synth::Synth { places, truth } = synth::generate(N, 0.1, 2026);
    let config = Config::default();
    if once {
        let pairs = find_duplicates(&places, &config).expect("valid configuration");
        let (_, compared) = baseline::duplicates(&places, false);
        println!(
            "once: {} candidate pairs, {compared} pairs within each code INSEE",
            pairs.stats.candidates.compared
        );
        return;
    }

    let t = Instant::now();
    let pairs = find_duplicates(&places, &config).expect("valid configuration");
    let ours_time = t.elapsed();
    let candidates = pairs.stats.candidates.compared;
    let predicted: HashSet<_> = pairs
        .with_decision(Decision::Duplicate)
        .map(|p| (p.left_index, p.right_index))
        .collect();
    println!(
        "{} places ({} injected duplicates): {} candidate pairs ({} within {} m, {} by name), {} duplicate, {} review; one run {:.2} s",
        places.len(),
        truth.len(),
        candidates,
        pairs.stats.candidates.spatial_pairs,
        config.radius_m,
        pairs.stats.candidates.name_pairs,
        pairs.stats.duplicates,
        pairs.stats.reviews,
        ours_time.as_secs_f64()
    );
    println!(
        "{}",
        measure_generated(&places, &truth, &predicted).line("generated 100k inclusion-merge")
    );
    let t = Instant::now();
    let (baseline_pairs, compared) = baseline::duplicates(&places, false);
    let baseline_time = t.elapsed();
    println!(
        "baseline: {compared} pairs compared (all pairs within each code INSEE); one run {:.2} s",
        baseline_time.as_secs_f64()
    );
    let b: HashSet<_> = baseline_pairs.into_iter().collect();
    println!(
        "{}",
        measure_generated(&places, &truth, &b).line("generated 100k baseline")
    );

    let mut group = c.benchmark_group("dedup_100k");
    group.sample_size(10);
    group.throughput(Throughput::Elements(candidates as u64));
    group.bench_function("inclusion_merge_find_duplicates", |b| {
        b.iter(|| find_duplicates(&places, &config).expect("valid configuration"))
    });
    group.throughput(Throughput::Elements(compared as u64));
    group.bench_function("cartography_all_pairs_within_insee", |b| {
        b.iter(|| baseline::duplicates(&places, false))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
