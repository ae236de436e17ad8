//! Small trees over subsets of the places, for selective filters.
//!
//! A filter that only a few per cent of the places pass makes the main tree's search walk
//! many nodes whose summaries cannot rule them out (a node of 16 places holding one that
//! passes), and scan many places that do not pass. When every place that can pass is in a
//! known small subset, searching a tree of that subset alone costs about what an unfiltered
//! search costs. Two kinds of subsets are kept:
//!
//! * rare criteria values: the places with one bit of the criteria masks (a service, a
//!   public...) held by at most 1/32 of the places, within a budget of 1/8 of the places in
//!   all ([`RareValues`]);
//! * the places that may be open at quiet hours (see `open::Quiet`).
//!
//! A subset's tree keeps, per point, only its main-tree position: coordinates and place
//! numbers (ties break as in the main tree) are read there, and so are the masks and hours
//! that filters test. A subset costs 4 bytes per point besides its boxes.

use crate::tree::{Coordinates, Filter, Found, Gathered, Tree, Verdict};

/// A tree of some of the points of the main tree.
#[derive(Debug, Clone, Default)]
pub(crate) struct SubTree {
    tree: Tree,
    /// The main-tree position of each point of `tree`, in its tree order.
    main: Vec<u32>,
}

impl SubTree {
    /// The tree of the points at main-tree positions `positions`.
    pub(crate) fn new(all: &Coordinates, positions: &[u32]) -> SubTree {
        let xyz: Vec<[f64; 3]> = positions.iter().map(|&p| all.xyz(p)).collect();
        let (tree, order) = Tree::build(&xyz);
        let main = order.iter().map(|&i| positions[i as usize]).collect();
        SubTree { tree, main }
    }

    /// How many points.
    pub(crate) fn len(&self) -> usize {
        self.main.len()
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.tree.memory_bytes() + self.main.capacity() * size_of::<u32>()
    }

    /// [`Tree::nearest`] (with `k`) or [`Tree::within`] (without) in this subset of the
    /// points `all`, `filter` reading main-tree positions; `out` gets main-tree positions.
    pub(crate) fn search<F: Filter>(
        &self,
        all: &Coordinates,
        q: &[f64; 3],
        k: Option<usize>,
        max_d2: f64,
        filter: &mut F,
        out: &mut Vec<Found>,
    ) {
        let mut f = InSubset {
            main: &self.main,
            filter,
        };
        let points = Gathered {
            all,
            positions: &self.main,
        };
        match k {
            Some(k) => self.tree.nearest(&points, q, k, max_d2, &mut f, out),
            None => self.tree.within(&points, q, max_d2, &mut f, out),
        }
        for found in out.iter_mut() {
            found.1 = self.main[found.1 as usize];
        }
    }
}

/// A main-tree filter applied to a subset's points (its nodes have no summaries: every node
/// may hold a point that passes).
struct InSubset<'a, F> {
    main: &'a [u32],
    filter: &'a mut F,
}

impl<F: Filter> Filter for InSubset<'_, F> {
    #[inline(always)]
    fn node(&mut self, _: usize) -> bool {
        true
    }
    #[inline(always)]
    fn point(&mut self, pos: usize) -> Verdict {
        self.filter.point(self.main[pos] as usize)
    }
    fn resolve(&mut self, pos: usize) -> bool {
        self.filter.resolve(self.main[pos] as usize)
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
    const BUDGET_SHARE: usize = 8;

    /// The subsets of the rare bits of `masks` (per point of `all`, in tree order).
    pub(crate) fn new(all: &Coordinates, masks: &[u64]) -> RareValues {
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
        let mut trees = Vec::new();
        for b in rare {
            if counts[b] > budget {
                break;
            }
            budget -= counts[b];
            let positions: Vec<u32> = (0..n as u32)
                .filter(|&p| masks[p as usize] & (1 << b) != 0)
                .collect();
            by_bit[b] = Some(trees.len() as u8);
            trees.push(SubTree::new(all, &positions));
        }
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
