//! The duplicate finder on generated places clustered like the population, with injected
//! duplicates (the benchmark's generator, at a smaller scale): the candidate pairs are a small
//! share of the pairs within each code INSEE, and the injected duplicates are found.

mod support;

use std::collections::HashSet;

use inclusion_merge::{Config, Decision, find_duplicates};
use support::{baseline, synth};

#[test]
fn generated_places_at_scale() {
    let synth::Synth { places, truth } = synth::generate(10_000, 0.1, 7);
    let pairs = find_duplicates(&places, &Config::default()).unwrap();
    let predicted: HashSet<(usize, usize)> = pairs
        .with_decision(Decision::Duplicate)
        .map(|p| (p.left_index, p.right_index))
        .collect();
    let tp = predicted.intersection(&truth).count();
    let precision = tp as f64 / predicted.len() as f64;
    let recall = tp as f64 / truth.len() as f64;
    let (_, within_insee) = baseline::duplicates(&places, false);
    println!(
        "{} places, {} injected duplicates: {} candidate pairs (all pairs within each code INSEE: {within_insee}); precision {precision:.3}, recall {recall:.3}",
        places.len(),
        truth.len(),
        pairs.stats.candidates.compared
    );
    assert!(pairs.stats.candidates.compared * 5 < within_insee);
    assert!(
        precision >= 0.95 && recall >= 0.9,
        "precision {precision}, recall {recall}"
    );
}
