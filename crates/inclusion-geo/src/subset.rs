//! Small trees over subsets of the places, for selective filters.
//!
//! A filter that only a few per cent of the places pass makes the main tree's search walk
//! many nodes whose summaries cannot rule them out (a node of 16 places holding one that
//! passes), and scan many places that do not pass. When every place that can pass is in a
//! known small subset, searching a tree of that subset alone costs about what an unfiltered
//! search costs. Two kinds of subsets are kept:
//!
//! * rare criteria values: the places with one bit of the criteria masks (a service, a
//!   public...) held by at most 1/32 of the places, within a budget of 1/16 of the places in
//!   all ([`RareValues`]);
//! * the places that may be open at quiet hours (see `open::Quiet`).
//!
//! A subset's tree keeps, per point, only its main-tree position: coordinates and place
//! numbers (ties break as in the main tree) are read there, and so are the masks and hours
//! that filters test. Its nodes have their own summaries (criteria masks, opening hours), so
//! that a filter prunes there as in the main tree. A subset costs 4 bytes per point besides
//! its nodes (64 bytes each, one per 6 to 8 points).

use crate::filter::PointMasks;
use crate::open::{HoursIndex, HoursSummary};
use crate::tree::{Coordinates, Tree};

/// A tree of some of the points of the main tree, with the summaries of its nodes.
#[derive(Debug, Clone, Default)]
pub(crate) struct SubTree {
    pub(crate) tree: Tree,
    /// The main-tree position of each point of `tree`, in its tree order.
    pub(crate) main: Vec<u32>,
    pub(crate) nodes: Summaries,
}

/// What the filters read of the nodes of a tree.
#[derive(Debug, Clone, Default)]
pub(crate) struct Summaries {
    /// Per node, the OR of the criteria masks below it.
    pub(crate) masks: Vec<u64>,
    /// Per node, when its places may be open (empty when no place has hours).
    pub(crate) hours: Vec<HoursSummary>,
}

impl Summaries {
    /// The summaries of the nodes of `tree`, whose tree position `pos` is the main-tree
    /// position `main(pos)`.
    pub(crate) fn new(
        tree: &Tree,
        masks: &PointMasks,
        hours: &HoursIndex,
        main: impl Fn(usize) -> usize + Copy,
    ) -> Summaries {
        Summaries {
            masks: masks.node_masks(tree, main),
            hours: hours.summaries(tree, main),
        }
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.masks.capacity() * size_of::<u64>() + self.hours.capacity() * size_of::<HoursSummary>()
    }
}

impl SubTree {
    /// The tree of the points at main-tree positions `positions`.
    pub(crate) fn new(
        all: &Coordinates,
        positions: &[u32],
        masks: &PointMasks,
        hours: &HoursIndex,
    ) -> SubTree {
        let xyz: Vec<[f64; 3]> = positions.iter().map(|&p| all.xyz(p)).collect();
        let (tree, order) = Tree::build(&xyz, false);
        let main: Vec<u32> = order.iter().map(|&i| positions[i as usize]).collect();
        let nodes = Summaries::new(&tree, masks, hours, |pos: usize| main[pos] as usize);
        SubTree { tree, main, nodes }
    }

    /// How many points.
    pub(crate) fn len(&self) -> usize {
        self.main.len()
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.tree.memory_bytes()
            + self.main.capacity() * size_of::<u32>()
            + self.nodes.memory_bytes()
    }
}

/// The subsets of the places holding a rare criteria bit.
#[derive(Debug, Clone, Default)]
pub(crate) struct RareValues {
    /// Per bit of the criteria masks, the number of its subset in `trees`, if it has one.
    by_bit: Vec<Option<u8>>,
    trees: Vec<SubTree>,
}

impl RareValues {
    /// At most this share of the places hold a bit with a subset.
    const MAX_SHARE: usize = 32;
    /// All subsets together hold at most this share of the places.
    const BUDGET_SHARE: usize = 16;

    /// The subsets of the rare bits of the masks of the points of `all`.
    pub(crate) fn new(
        all: &Coordinates,
        point_masks: &PointMasks,
        hours: &HoursIndex,
    ) -> RareValues {
        let masks = point_masks.points();
        let n = masks.len();
        let mut counts = [0usize; 64];
        for &m in masks {
            let mut m = m;
            while m != 0 {
                counts[m.trailing_zeros() as usize] += 1;
                m &= m - 1;
            }
        }
        let mut rare: Vec<usize> = (0..64)
            .filter(|&b| counts[b] > 0 && counts[b] <= n / Self::MAX_SHARE)
            .collect();
        rare.sort_by_key(|&b| counts[b]);
        let mut budget = n / Self::BUDGET_SHARE;
        let mut by_bit = vec![None; 64];
        let mut chosen = 0u64;
        let mut positions: Vec<Vec<u32>> = Vec::new();
        for b in rare {
            if counts[b] > budget {
                break;
            }
            budget -= counts[b];
            by_bit[b] = Some(positions.len() as u8);
            chosen |= 1 << b;
            positions.push(Vec::with_capacity(counts[b]));
        }
        // The positions of every chosen bit in one pass over the masks.
        for (p, &m) in masks.iter().enumerate() {
            let mut m = m & chosen;
            while m != 0 {
                if let Some(t) = by_bit[m.trailing_zeros() as usize] {
                    positions[usize::from(t)].push(p as u32);
                }
                m &= m - 1;
            }
        }
        let trees = positions
            .iter()
            .map(|positions| SubTree::new(all, positions, point_masks, hours))
            .collect();
        RareValues { by_bit, trees }
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.by_bit.capacity()
            + self
                .trees
                .iter()
                .map(|t| size_of::<SubTree>() + t.memory_bytes())
                .sum::<usize>()
    }

    /// The "any of" mask of `any` whose places are in the subsets of its bits, the one with
    /// the fewest places, when one is: the union of these subsets holds every place that
    /// passes the masks.
    pub(crate) fn covering(&self, any: &[u64]) -> Option<u64> {
        let mut best: Option<(usize, u64)> = None;
        for &a in any {
            let mut size = 0;
            let mut bits = a;
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                match self.subset(b) {
                    Some(t) => size += t.len(),
                    None => {
                        size = usize::MAX;
                        break;
                    }
                }
            }
            if size != usize::MAX && best.is_none_or(|(s, _)| size < s) {
                best = Some((size, a));
            }
        }
        best.map(|(_, a)| a)
    }

    /// The subset of the places with bit `b`, if it has one.
    pub(crate) fn subset(&self, b: usize) -> Option<&SubTree> {
        let t = self.by_bit.get(b).copied().flatten()?;
        self.trees.get(usize::from(t))
    }
}
