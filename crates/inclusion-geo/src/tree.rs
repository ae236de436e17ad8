//! The static tree behind [`crate::HelpIndex`]: a bounding-volume hierarchy over 3D unit
//! vectors, bulk-loaded by median splits, stored as flat arrays.
//!
//! * Points are reordered so that every node covers a contiguous range of them; the tree is a
//!   complete binary tree in heap order (children of node `i` are `2i + 1` and `2i + 2`) whose
//!   leaves all sit at the same depth and hold at most [`LEAF_SIZE`] points. A node's range is
//!   recomputed while descending (`mid = lo + (hi - lo) / 2`), so nodes store no pointers.
//! * Each node stores its axis-aligned box (the squared distance from a query to the box is a
//!   lower bound of the chord² to every point inside) and the OR and AND of the filter masks of
//!   its points, so that a filtered search skips subtrees with no possible match.
//! * Search is depth-first, nearer child first, with an explicit stack and a sorted buffer of the
//!   `k` best `(chord², place)` pairs: ties are broken by place number, so results are
//!   deterministic.

use crate::sphere::distance2;

/// The most points a leaf holds (chosen by measurement, see the `nearest_help` benchmark).
pub(crate) const LEAF_SIZE: usize = 16;

/// One indexed place: its unit vector, filter mask, place number and hours slot.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Point {
    pub(crate) xyz: [f64; 3],
    pub(crate) mask: u64,
    pub(crate) place: u32,
    pub(crate) hours: u32,
}

/// A node: the box of its points (in `f32`, rounded outwards, so that its distance stays a
/// lower bound) and the OR / AND of their masks. 40 bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub(crate) min: [f32; 3],
    pub(crate) max: [f32; 3],
    pub(crate) or: u64,
    pub(crate) and: u64,
}

/// The largest `f32` not above `x`.
fn f32_down(x: f64) -> f32 {
    let y = x as f32;
    if f64::from(y) > x { y.next_down() } else { y }
}

/// The smallest `f32` not below `x`.
fn f32_up(x: f64) -> f32 {
    let y = x as f32;
    if f64::from(y) < x { y.next_up() } else { y }
}

impl Node {
    const EMPTY: Node = Node {
        min: [f32::INFINITY; 3],
        max: [f32::NEG_INFINITY; 3],
        or: 0,
        and: u64::MAX,
    };

    fn add_point(&mut self, p: &Point) {
        for a in 0..3 {
            self.min[a] = self.min[a].min(f32_down(p.xyz[a]));
            self.max[a] = self.max[a].max(f32_up(p.xyz[a]));
        }
        self.or |= p.mask;
        self.and &= p.mask;
    }

    fn merge(a: &Node, b: &Node) -> Node {
        let mut n = *a;
        for i in 0..3 {
            n.min[i] = n.min[i].min(b.min[i]);
            n.max[i] = n.max[i].max(b.max[i]);
        }
        n.or |= b.or;
        n.and &= b.and;
        n
    }

    /// The squared distance from `q` to the box (0 inside).
    #[inline]
    pub(crate) fn distance2(&self, q: &[f64; 3]) -> f64 {
        let mut d = 0.0;
        for (a, &x) in q.iter().enumerate() {
            let t = (f64::from(self.min[a]) - x)
                .max(x - f64::from(self.max[a]))
                .max(0.0);
            d += t * t;
        }
        d
    }
}

/// The tree: points in tree order and nodes in heap order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tree {
    points: Vec<Point>,
    nodes: Vec<Node>,
    /// Index of the first leaf: `2^depth - 1`.
    first_leaf: usize,
}

/// A result of a search: squared chord and place number.
pub(crate) type Found = (f64, u32);

/// Whether a point passes a filter: yes, no, or "decide later" (a costly check, run only for
/// the points that would make it into the answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Yes,
    No,
    Later,
}

/// What a search asks of nodes and points: `node` must return true for every node that holds
/// a point passing `point` (or `resolve`); `point` says yes, no or later; `resolve` decides
/// the points set aside.
pub(crate) struct Checks<N, P, R> {
    pub(crate) node: N,
    pub(crate) point: P,
    pub(crate) resolve: R,
}

/// No filter: every node and point passes.
#[allow(clippy::type_complexity)] // three closure types, named once here
pub(crate) fn no_checks()
-> Checks<impl Fn(usize, &Node) -> bool, impl FnMut(&Point) -> Verdict, impl FnMut(&Point) -> bool>
{
    Checks {
        node: |_: usize, _: &Node| true,
        point: |_: &Point| Verdict::Yes,
        resolve: |_: &Point| true,
    }
}

/// Inserts `cand` into the sorted `k`-best buffer `out` if it belongs there; returns the new
/// pruning bound (the k-th distance once the buffer is full, else `bound`).
#[inline]
fn insert_best(out: &mut Vec<Found>, k: usize, cand: Found, bound: f64) -> f64 {
    if out.len() == k {
        match out.last() {
            Some(&worst) if before(cand, worst) => {
                out.pop();
            }
            _ => return bound,
        }
    }
    let at = out.partition_point(|&f| before(f, cand));
    out.insert(at, cand);
    if out.len() == k { out[k - 1].0 } else { bound }
}

/// `(d2, place)` ordering: by distance, then place number.
#[inline]
fn before(a: Found, b: Found) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
}

impl Tree {
    /// Bulk-loads the tree (takes O(n log n)).
    pub(crate) fn build(points: Vec<Point>) -> Tree {
        if points.is_empty() {
            return Tree::default();
        }
        let mut depth = 0u32;
        while points.len().div_ceil(1 << depth) > LEAF_SIZE {
            depth += 1;
        }
        let first_leaf = (1usize << depth) - 1;
        // Order 16-byte items (position rounded to f32, point number) rather than the 40-byte
        // points: the order only decides which points share a node, the boxes come from the
        // exact positions below.
        let mut items: Vec<([f32; 3], u32)> = points
            .iter()
            .enumerate()
            .map(|(i, p)| (p.xyz.map(|c| c as f32), i as u32))
            .collect();
        order(&mut items, 0, first_leaf);
        let points: Vec<Point> = items.iter().map(|&(_, i)| points[i as usize]).collect();
        let mut tree = Tree {
            points,
            nodes: Vec::new(),
            first_leaf,
        };
        tree.nodes = tree.summarize(Node::EMPTY, Node::add_point, Node::merge);
        tree
    }

    /// A summary of the points of every node, in node order: `add` folds a point into a
    /// summary, `merge` combines two children's.
    pub(crate) fn summarize<S: Copy>(
        &self,
        empty: S,
        add: impl Fn(&mut S, &Point),
        merge: impl Fn(&S, &S) -> S,
    ) -> Vec<S> {
        if self.points.is_empty() {
            return Vec::new();
        }
        let mut all = vec![empty; 2 * self.first_leaf + 1];
        fn fill<S: Copy>(
            all: &mut [S],
            points: &[Point],
            first_leaf: usize,
            (node, lo, hi): (usize, usize, usize),
            add: &impl Fn(&mut S, &Point),
            merge: &impl Fn(&S, &S) -> S,
        ) {
            if node >= first_leaf {
                for p in &points[lo..hi] {
                    add(&mut all[node], p);
                }
                return;
            }
            let mid = lo + (hi - lo) / 2;
            fill(all, points, first_leaf, (2 * node + 1, lo, mid), add, merge);
            fill(all, points, first_leaf, (2 * node + 2, mid, hi), add, merge);
            all[node] = merge(&all[2 * node + 1], &all[2 * node + 2]);
        }
        let root = (0, 0, self.points.len());
        fill(&mut all, &self.points, self.first_leaf, root, &add, &merge);
        all
    }

    /// The points, in tree order.
    pub(crate) fn points(&self) -> &[Point] {
        &self.points
    }

    /// Heap bytes used by the tree (points and nodes).
    pub(crate) fn memory_bytes(&self) -> usize {
        self.points.capacity() * size_of::<Point>() + self.nodes.capacity() * size_of::<Node>()
    }

    /// The `k` nearest points with chord² ≤ `max_d2` that pass `point_ok`, in `(d2, place)`
    /// order, into `out` (cleared first). `node_ok` must return true for every node that holds a
    /// point passing `point_ok`. A point judged [`Verdict::Later`] is decided by `resolve` at the
    /// end, and only if it would still be among the `k` best: costly checks run as rarely as
    /// possible.
    pub(crate) fn nearest(
        &self,
        q: &[f64; 3],
        k: usize,
        max_d2: f64,
        checks: Checks<
            impl Fn(usize, &Node) -> bool,
            impl FnMut(&Point) -> Verdict,
            impl FnMut(&Point) -> bool,
        >,
        out: &mut Vec<Found>,
    ) {
        let Checks {
            node: node_ok,
            point: mut point_ok,
            mut resolve,
        } = checks;
        out.clear();
        if k == 0 {
            return;
        }
        // Points set aside, resolved nearest first whenever there are `k` of them (so the
        // bound keeps shrinking even when most points need `resolve`) and at the end.
        let mut pending: Vec<(f64, Point)> = Vec::new();
        let mut flush = |pending: &mut Vec<(f64, Point)>, out: &mut Vec<Found>, bound: f64| {
            pending.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.place.cmp(&b.1.place)));
            let mut bound = bound;
            for (d2, p) in pending.drain(..) {
                let cand = (d2, p.place);
                if d2 > bound || (out.len() == k && out.last().is_some_and(|&w| !before(cand, w))) {
                    break;
                }
                if resolve(&p) {
                    bound = insert_best(out, k, cand, bound);
                }
            }
            pending.clear();
            bound
        };
        let mut bound = max_d2;
        self.search(q, max_d2, &node_ok, |b, p| {
            bound = b;
            let d2 = distance2(q, &p.xyz);
            if d2 > bound {
                return bound;
            }
            match point_ok(p) {
                Verdict::Yes => insert_best(out, k, (d2, p.place), bound),
                Verdict::No => bound,
                Verdict::Later => {
                    pending.push((d2, *p));
                    if pending.len() >= k {
                        flush(&mut pending, out, bound)
                    } else {
                        bound
                    }
                }
            }
        });
        flush(&mut pending, out, bound);
    }

    /// Every point with chord² ≤ `max_d2` that passes `point_ok` (or, for
    /// [`Verdict::Later`], `resolve`), in `(d2, place)` order.
    pub(crate) fn within(
        &self,
        q: &[f64; 3],
        max_d2: f64,
        checks: Checks<
            impl Fn(usize, &Node) -> bool,
            impl FnMut(&Point) -> Verdict,
            impl FnMut(&Point) -> bool,
        >,
        out: &mut Vec<Found>,
    ) {
        let Checks {
            node: node_ok,
            point: mut point_ok,
            mut resolve,
        } = checks;
        out.clear();
        self.search(q, max_d2, &node_ok, |bound, p| {
            let d2 = distance2(q, &p.xyz);
            if d2 <= max_d2 {
                let keep = match point_ok(p) {
                    Verdict::Yes => true,
                    Verdict::No => false,
                    Verdict::Later => resolve(p),
                };
                if keep {
                    out.push((d2, p.place));
                }
            }
            bound
        });
        out.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    }

    /// Depth-first traversal, nearer child first, visiting every leaf point whose node box is
    /// within the current bound. `visit(bound, point)` returns the new bound (it only shrinks).
    fn search(
        &self,
        q: &[f64; 3],
        max_d2: f64,
        node_ok: &impl Fn(usize, &Node) -> bool,
        mut visit: impl FnMut(f64, &Point) -> f64,
    ) {
        let Some(root) = self.nodes.first() else {
            return;
        };
        if !node_ok(0, root) {
            return;
        }
        let mut bound = max_d2;
        let root_d2 = root.distance2(q);
        if root_d2 > bound {
            return;
        }
        // (node, lo, hi, box distance²): at most one pending sibling per level.
        let mut stack: [(usize, usize, usize, f64); 64] = [(0, 0, 0, 0.0); 64];
        let mut top = 0;
        let mut current = Some((0usize, 0usize, self.points.len(), root_d2));
        loop {
            let (mut node, mut lo, mut hi, d2) = match current.take() {
                Some(c) => c,
                None => {
                    if top == 0 {
                        return;
                    }
                    top -= 1;
                    stack[top]
                }
            };
            if d2 > bound {
                continue;
            }
            // Descend to a leaf, pushing the farther child at each level.
            while node < self.first_leaf {
                let mid = lo + (hi - lo) / 2;
                let (l, r) = (2 * node + 1, 2 * node + 2);
                let (ln, rn) = (&self.nodes[l], &self.nodes[r]);
                let ld = if node_ok(l, ln) {
                    ln.distance2(q)
                } else {
                    f64::INFINITY
                };
                let rd = if node_ok(r, rn) {
                    rn.distance2(q)
                } else {
                    f64::INFINITY
                };
                let (near, far) = if ld <= rd {
                    ((l, lo, mid, ld), (r, mid, hi, rd))
                } else {
                    ((r, mid, hi, rd), (l, lo, mid, ld))
                };
                if far.3 <= bound {
                    stack[top] = far;
                    top += 1;
                }
                if near.3 > bound {
                    node = usize::MAX;
                    break;
                }
                (node, lo, hi) = (near.0, near.1, near.2);
            }
            if node == usize::MAX {
                continue;
            }
            for p in &self.points[lo..hi] {
                bound = visit(bound, p);
            }
        }
    }
}

/// Orders `items` (the points of node `node`) so that each child of the node gets a
/// contiguous half: median split on the axis where the items spread most, recursively down to
/// the leaves.
fn order(items: &mut [([f32; 3], u32)], node: usize, first_leaf: usize) {
    if node >= first_leaf || items.len() < 2 {
        return;
    }
    let (mut min, mut max) = ([f32::INFINITY; 3], [f32::NEG_INFINITY; 3]);
    for (xyz, _) in items.iter() {
        for a in 0..3 {
            min[a] = min[a].min(xyz[a]);
            max[a] = max[a].max(xyz[a]);
        }
    }
    let spread = [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
    let axis = if spread[0] >= spread[1] && spread[0] >= spread[2] {
        0
    } else if spread[1] >= spread[2] {
        1
    } else {
        2
    };
    let mid = items.len() / 2;
    items.select_nth_unstable_by(mid, |a, b| a.0[axis].total_cmp(&b.0[axis]));
    let (left, right) = items.split_at_mut(mid);
    order(left, 2 * node + 1, first_leaf);
    order(right, 2 * node + 2, first_leaf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sphere::unit_vector;

    fn points(n: usize) -> Vec<Point> {
        (0..n)
            .map(|i| {
                let lat = -60.0 + (i as f64 * 7.31) % 120.0;
                let lon = -180.0 + (i as f64 * 13.7) % 360.0;
                Point {
                    xyz: unit_vector(lat, lon),
                    mask: 1 << (i % 5),
                    place: i as u32,
                    hours: 0,
                }
            })
            .collect()
    }

    fn brute(pts: &[Point], q: &[f64; 3], k: usize, max_d2: f64, bit: u64) -> Vec<Found> {
        let mut all: Vec<Found> = pts
            .iter()
            .filter(|p| p.mask & bit != 0)
            .map(|p| (distance2(q, &p.xyz), p.place))
            .filter(|f| f.0 <= max_d2)
            .collect();
        all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        all.truncate(k);
        all
    }

    #[test]
    fn every_size_from_empty_to_several_leaves_matches_brute_force() {
        for n in [0, 1, 2, 7, 8, 9, 16, 17, 100, 1000] {
            let pts = points(n);
            let tree = Tree::build(pts.clone());
            assert_eq!(tree.points().len(), n);
            let mut out = Vec::new();
            for (qi, (lat, lon)) in [(45.0, 5.0), (-13.0, 179.9), (90.0, 0.0)]
                .iter()
                .enumerate()
            {
                let q = unit_vector(*lat, *lon);
                for k in [1, 3, 10, 2000] {
                    let bit = 1u64 << qi;
                    let verdict = |p: &Point| match p.mask & bit != 0 {
                        // Every third point is decided late, as opening hours sometimes are.
                        true if p.place.is_multiple_of(3) => Verdict::Later,
                        true => Verdict::Yes,
                        false => Verdict::No,
                    };
                    let checks = Checks {
                        node: |_: usize, nd: &Node| nd.or & bit != 0,
                        point: verdict,
                        resolve: |_: &Point| true,
                    };
                    tree.nearest(&q, k, 4.0, checks, &mut out);
                    assert_eq!(out, brute(&pts, &q, k, 4.0, bit), "n={n} k={k}");
                    let later = Checks {
                        node: |_: usize, _: &Node| true,
                        point: |_: &Point| Verdict::Later,
                        resolve: |_: &Point| true,
                    };
                    tree.within(&q, 0.05, later, &mut out);
                    assert_eq!(out, brute(&pts, &q, usize::MAX, 0.05, u64::MAX));
                }
            }
        }
    }

    #[test]
    fn leaves_are_small_and_boxes_hold_their_points() {
        let tree = Tree::build(points(1000));
        let leaves = tree.nodes.len() - tree.first_leaf;
        assert!(1000_usize.div_ceil(leaves) <= LEAF_SIZE);
        let root = tree.nodes[0];
        for p in tree.points() {
            assert_eq!(root.distance2(&p.xyz), 0.0);
            assert_eq!(root.or & p.mask, p.mask);
        }
        assert_eq!(root.or, 0b11111);
        assert_eq!(root.and, 0);
    }
}
