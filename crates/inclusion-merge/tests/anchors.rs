//! The duplicate finder against the labelled data of `../shared/anchors/dedup`, with the
//! national cartography's rule as the baseline, on the same data in the same run.
//!
//! `cargo test -p inclusion-merge --test anchors -- --nocapture` prints precision, recall and
//! F1; `INCLUSION_MERGE_SHOW_ERRORS=1` also prints every wrong pair with its reasons.

mod support;

use std::collections::HashSet;

use inclusion_merge::{Config, Decision, explain, find_duplicates};
use inclusion_model::Place;
use support::{baseline, eval};

fn show_errors() -> bool {
    std::env::var("INCLUSION_MERGE_SHOW_ERRORS").is_ok_and(|v| v == "1")
}

fn ours(places: &[Place], config: &Config) -> HashSet<(usize, usize)> {
    find_duplicates(places, config)
        .unwrap()
        .with_decision(Decision::Duplicate)
        .map(|p| (p.left_index, p.right_index))
        .collect()
}

fn print_pair(a: &Place, b: &Place, config: &Config) {
    let pair = explain(a, b, config);
    println!("    {} | {}", pair.decided_by.en, pair.left);
    for r in &pair.reasons {
        if r.points != 0.0 || matches!(r.comparator, inclusion_merge::Comparator::Name) {
            println!("      {:+5.2} {}", r.points, r.en);
        }
    }
}

#[test]
fn real_pairs() {
    // The public set is required (a notice, or a failure under INCLUSION_REQUIRE_ANCHORS=1);
    // every other set of the same kind found beside it is measured too.
    if inclusion_anchors::anchor("dedup/real-pairs.public.json").is_none() {
        return;
    }
    let files = eval::anchor_files("real-pairs.", ".json");
    let config = Config::default();
    for file in files {
        let real = eval::load_real(&file);
        let (m, errors) = real.measure(|places| ours(places, &config));
        println!("{}", m.line(&format!("{} inclusion-merge", real.name)));
        let (b, _) =
            real.measure(|places| baseline::duplicates(places, false).0.into_iter().collect());
        println!(
            "{}",
            b.line(&format!("{} baseline (code INSEE as published)", real.name))
        );
        let (bc, _) =
            real.measure(|places| baseline::duplicates(places, true).0.into_iter().collect());
        println!(
            "{}",
            bc.line(&format!("{} baseline (code INSEE completed)", real.name))
        );
        if show_errors() {
            for (p, said) in &errors {
                let places = &real.datasets[p.dataset].1;
                let (a, b) = (&places[p.left], &places[p.right]);
                println!(
                    "  {} [{}] « {} » / « {} »: {}",
                    if *said { "FALSE DUPLICATE" } else { "MISSED" },
                    real.datasets[p.dataset].0,
                    a.name,
                    b.name,
                    p.why
                );
                print_pair(a, b, &config);
            }
        }
        // The targets, on every set of labelled real pairs found.
        assert!(
            m.precision() >= 0.97 && m.recall() >= 0.90 && m.f1() > b.f1().max(bc.f1()),
            "{}: precision {:.3} (target 0.97), recall {:.3} (target 0.90), F1 {:.3} (baseline {:.3})",
            real.name,
            m.precision(),
            m.recall(),
            m.f1(),
            b.f1().max(bc.f1())
        );
    }
}

#[test]
fn synthetic_sets() {
    if inclusion_anchors::anchor("dedup/synthetic.public.truth.json").is_none() {
        return;
    }
    let files = eval::anchor_files("synthetic.", ".truth.json");
    let config = Config::default();
    for file in files {
        let set = eval::load_synthetic(&file);
        let predicted = ours(&set.places, &config);
        let (m, errors) = set.measure(&predicted);
        println!("{}", m.line(&format!("{} inclusion-merge", set.name)));
        let mut baseline_f1: f64 = 0.0;
        for complete in [false, true] {
            let (pairs, _) = baseline::duplicates(&set.places, complete);
            let (b, _) = set.measure(&pairs.into_iter().collect());
            baseline_f1 = baseline_f1.max(b.f1());
            println!(
                "{}",
                b.line(&format!(
                    "{} baseline{}",
                    set.name,
                    if complete {
                        " (code INSEE completed)"
                    } else {
                        ""
                    }
                ))
            );
        }
        if show_errors() {
            for ((i, j), said) in &errors {
                let (a, b) = (&set.places[*i], &set.places[*j]);
                println!(
                    "  {} « {} » / « {} »",
                    if *said { "FALSE DUPLICATE" } else { "MISSED" },
                    a.name,
                    b.name
                );
                print_pair(a, b, &config);
            }
        }
        // The targets, on every synthetic set found.
        assert!(
            m.precision() >= 0.98 && m.recall() >= 0.95 && m.f1() > baseline_f1,
            "{}: precision {:.3} (target 0.98), recall {:.3} (target 0.95), F1 {:.3} (baseline {baseline_f1:.3})",
            set.name,
            m.precision(),
            m.recall(),
            m.f1()
        );
    }
}

/// The string similarity that matches words, chosen by measurement: every measure of
/// `strsim` at several thresholds, on the real pairs and the synthetic set (ARCHITECTURE.md
/// records the table). The default must be the best F1 on the public sets, or within 0.005.
#[test]
fn similarity_choice() {
    use inclusion_merge::Metric;
    let (Some(real), Some(synthetic)) = (
        inclusion_anchors::anchor("dedup/real-pairs.public.json"),
        inclusion_anchors::anchor("dedup/synthetic.public.truth.json"),
    ) else {
        return;
    };
    let real = eval::load_real(&real);
    let synthetic = eval::load_synthetic(&synthetic);
    let mut candidates = vec![(Metric::Exact, 1.0)];
    for t in [0.8, 0.82, 0.85, 0.88, 0.9, 0.92, 0.95] {
        candidates.push((Metric::JaroWinkler, t));
    }
    for t in [0.7, 0.75, 0.8, 0.85] {
        candidates.push((Metric::Levenshtein, t));
    }
    for t in [0.6, 0.7, 0.8] {
        candidates.push((Metric::SorensenDice, t));
    }
    let default = Config::default();
    let mut best = (0.0f64, 0.0f64);
    let mut default_f1 = (0.0, 0.0);
    for (metric, threshold) in candidates {
        let mut config = Config::default();
        config.similarity.metric = metric;
        config.similarity.word_threshold = threshold;
        let (r, _) = real.measure(|places| ours(places, &config));
        let (s, _) = synthetic.measure(&ours(&synthetic.places, &config));
        println!(
            "{:<14} {threshold:.2}  real P {:.3} R {:.3} F1 {:.3}  synthetic P {:.3} R {:.3} F1 {:.3}",
            format!("{metric:?}"),
            r.precision(),
            r.recall(),
            r.f1(),
            s.precision(),
            s.recall(),
            s.f1()
        );
        best = (best.0.max(r.f1()), best.1.max(s.f1()));
        if config.similarity == default.similarity {
            default_f1 = (r.f1(), s.f1());
        }
    }
    assert!(
        default_f1.0 >= best.0 - 0.005 && default_f1.1 >= best.1 - 0.005,
        "{default_f1:?} vs {best:?}"
    );
}
