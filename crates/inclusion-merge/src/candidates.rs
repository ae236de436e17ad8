//! Candidate pairs: the places within a radius (an R*-tree of unit vectors, exact on the
//! sphere), and, in each commune, the places whose names share a distinctive word whatever
//! their distance (so that a place with bad coordinates is still found). Never all pairs of a
//! commune or a département.

use inclusion_geo::sphere::metres_to_chord2;
use rstar::RTree;
use rstar::primitives::GeomWithData;
use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::Serialize;

use crate::features::{Class, Prepared};

/// How the candidate pairs were found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct CandidateStats {
    /// Places given.
    pub places: usize,
    /// Places with coordinates (the others are found by name only).
    pub with_coordinates: usize,
    /// Pairs within the radius.
    pub spatial_pairs: usize,
    /// Pairs of one commune sharing a distinctive word of their names.
    pub name_pairs: usize,
    /// Distinct pairs compared (the union of both).
    pub compared: usize,
    /// Words of names left out of the name candidates because too many places of a commune
    /// carry them.
    pub common_words_skipped: usize,
}

/// The candidate pairs `(i, j)`, `i < j`, sorted, without repeats.
pub(crate) fn candidates(
    prepared: &[Prepared],
    radius_m: f64,
    name_block_limit: usize,
) -> (Vec<(u32, u32)>, CandidateStats) {
    let mut stats = CandidateStats {
        places: prepared.len(),
        ..CandidateStats::default()
    };
    let mut pairs: Vec<(u32, u32)> = Vec::new();

    // Within the radius.
    let points: Vec<GeomWithData<[f64; 3], u32>> = prepared
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.point.map(|xyz| GeomWithData::new(xyz, i as u32)))
        .collect();
    stats.with_coordinates = points.len();
    let chord2 = metres_to_chord2(radius_m);
    let tree = RTree::bulk_load(points.clone());
    for p in &points {
        for q in tree.locate_within_distance(*p.geom(), chord2) {
            if q.data > p.data {
                pairs.push((p.data, q.data));
            }
        }
    }
    stats.spatial_pairs = pairs.len();

    // Same commune, a shared distinctive word (or, for generic names, the same words).
    let mut by_commune: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (i, p) in prepared.iter().enumerate() {
        by_commune.entry(p.commune).or_default().push(i as u32);
    }
    let mut name_pairs: Vec<(u32, u32)> = Vec::new();
    let mut buckets: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for members in by_commune.values() {
        if members.len() < 2 {
            continue;
        }
        buckets.clear();
        for &i in members {
            let p = &prepared[i as usize];
            let mut any = false;
            for t in p.name.iter().filter(|t| t.class == Class::Distinctive) {
                any = true;
                let bucket = buckets.entry(u64::from(t.id)).or_default();
                if bucket.last() != Some(&i) {
                    bucket.push(i);
                }
            }
            if !any {
                // A generic name: its generic words, as one key.
                let mut words: Vec<u32> = p
                    .name
                    .iter()
                    .filter(|t| t.class == Class::Generic)
                    .map(|t| t.id)
                    .collect();
                words.sort_unstable();
                words.dedup();
                let key = words
                    .iter()
                    .fold(0xcbf2_9ce4_8422_2325u64, |h, &w| {
                        (h ^ u64::from(w)).wrapping_mul(0x100_0000_01b3)
                    })
                    | (1 << 63);
                buckets.entry(key).or_default().push(i);
            }
        }
        for bucket in buckets.values() {
            if bucket.len() < 2 {
                continue;
            }
            if bucket.len() > name_block_limit {
                stats.common_words_skipped += 1;
                continue;
            }
            for (k, &i) in bucket.iter().enumerate() {
                for &j in &bucket[k + 1..] {
                    name_pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    name_pairs.sort_unstable();
    name_pairs.dedup();
    stats.name_pairs = name_pairs.len();
    pairs.extend(name_pairs);
    pairs.sort_unstable();
    pairs.dedup();
    stats.compared = pairs.len();
    (pairs, stats)
}
