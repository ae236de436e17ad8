//! Candidate pairs: the places within a radius (an R*-tree of unit vectors, exact on the
//! sphere), and, in each commune, the places whose names share a distinctive word whatever
//! their distance (so that a place with bad coordinates is still found). Never all pairs of a
//! commune or a département.

use inclusion_geo::sphere::{distance2, metres_to_chord2};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};
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

    // Within the radius: each point as a cube of side `chord` around it, one R*-tree of them
    // joined with itself (two cubes meet when the points are within `chord` on every axis),
    // then the exact distance on the sphere.
    let chord2 = metres_to_chord2(radius_m);
    let half = chord2.sqrt() / 2.0;
    let cubes: Vec<GeomWithData<Rectangle<[f64; 3]>, u32>> = prepared
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let [x, y, z] = p.point?;
            let cube = Rectangle::from_corners(
                [x - half, y - half, z - half],
                [x + half, y + half, z + half],
            );
            Some(GeomWithData::new(cube, i as u32))
        })
        .collect();
    stats.with_coordinates = cubes.len();
    let tree = RTree::bulk_load(cubes);
    for (a, b) in tree.intersection_candidates_with_other_tree(&tree) {
        if a.data < b.data
            && let (Some(pa), Some(pb)) = (
                prepared[a.data as usize].point,
                prepared[b.data as usize].point,
            )
            && distance2(&pa, &pb) <= chord2
        {
            pairs.push((a.data, b.data));
        }
    }
    stats.spatial_pairs = pairs.len();

    // Same commune, a shared distinctive word (or, for generic names, the same words): the
    // (commune, word, place) triples sorted, each run of one commune and one word a block.
    let mut entries: Vec<(u32, u64, u32)> = Vec::with_capacity(prepared.len() * 3);
    for (i, p) in prepared.iter().enumerate() {
        let i = i as u32;
        let mut any = false;
        for t in p.name.iter().filter(|t| t.class == Class::Distinctive) {
            any = true;
            entries.push((p.commune, u64::from(t.id), i));
        }
        if !any {
            // A generic name: its generic words, as one key (high bit set).
            let mut words: Vec<u32> = p
                .name
                .iter()
                .filter(|t| t.class == Class::Generic)
                .map(|t| t.id)
                .collect();
            words.sort_unstable();
            words.dedup();
            let key = words.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &w| {
                (h ^ u64::from(w)).wrapping_mul(0x100_0000_01b3)
            }) | (1 << 63);
            entries.push((p.commune, key, i));
        }
    }
    entries.sort_unstable();
    entries.dedup();
    let mut name_pairs: Vec<(u32, u32)> = Vec::new();
    for block in entries.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1) {
        if block.len() < 2 {
            continue;
        }
        if block.len() > name_block_limit {
            stats.common_words_skipped += 1;
            continue;
        }
        for (k, &(_, _, i)) in block.iter().enumerate() {
            for &(_, _, j) in &block[k + 1..] {
                name_pairs.push((i, j));
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
