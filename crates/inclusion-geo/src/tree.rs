//! The static tree behind [`crate::HelpIndex`]: a bounding-volume hierarchy over 3D unit
//! vectors, bulk-loaded by median splits, stored as flat arrays.
//!
//! * The tree is a complete binary tree in heap order (children of node `i` are `2i + 1` and
//!   `2i + 2`) whose `2^depth` leaves all sit at the same depth. Leaf `j` holds the points
//!   `j·n / 2^depth .. (j + 1)·n / 2^depth` (rounded down) of the reordered points, at most
//!   [`LEAF_SIZE`]: a node's range is computed from its number, so nodes store no pointers
//!   and the search stack holds node numbers only.
//! * The tree holds the hierarchy (boxes); the points are read through [`Points`]. The main
//!   tree's points ([`Coordinates`]) are stored one array per coordinate ("structure of
//!   arrays"), so that the squared distances of a leaf's points are computed in one vectorised
//!   loop; the place number of a point is in another array, read only for the answers and to
//!   break ties. A tree over a subset of them reads them through their positions
//!   ([`Gathered`]), so that it costs 4 bytes per point besides its boxes.
//! * Each node stores its axis-aligned box in `f32`, rounded outwards: the squared distance
//!   from a query to the box (computed in `f64`) is a lower bound of the chord² to every point
//!   inside. Filters keep their own per-node summaries (see [`Filter`]), so that a search
//!   without a filter reads boxes and coordinates only.
//! * Search is depth-first, nearer child first, with a fixed stack and a sorted buffer of the
//!   `k` best `(chord², position)` pairs: ties are broken by place number, so results are
//!   deterministic.
//! * Bulk loading orders 16-byte items (the position quantised to 32-bit integers, and the
//!   point number), splitting each node at its median on the axis where its items spread
//!   most; the boxes then come from the exact positions.

use crate::sphere::distance2;

/// The most points a leaf holds (chosen by measurement, see ARCHITECTURE.md).
pub(crate) const LEAF_SIZE: usize = 16;
const _: () = assert!(LEAF_SIZE <= 32, "a leaf's points are bits of a u32");

/// A result of a search: squared chord and tree position of the point.
pub(crate) type Found = (f64, u32);

/// A node's box, in `f32` rounded outwards. 24 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Bounds {
    min: [f32; 3],
    max: [f32; 3],
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

impl Bounds {
    const EMPTY: Bounds = Bounds {
        min: [f32::INFINITY; 3],
        max: [f32::NEG_INFINITY; 3],
    };

    /// The box of points: their extremes in `f64`, rounded outwards once (the same box as
    /// rounding each coordinate, rounding being monotone). [`Bounds::EMPTY`] without points.
    fn of<'a>(points: impl Iterator<Item = &'a [f64; 3]>) -> Bounds {
        let (mut min, mut max) = ([f64::INFINITY; 3], [f64::NEG_INFINITY; 3]);
        let mut any = false;
        for p in points {
            any = true;
            for a in 0..3 {
                min[a] = if p[a] < min[a] { p[a] } else { min[a] };
                max[a] = if p[a] > max[a] { p[a] } else { max[a] };
            }
        }
        if !any {
            return Bounds::EMPTY;
        }
        Bounds {
            min: min.map(f32_down),
            max: max.map(f32_up),
        }
    }

    fn merge(a: &Bounds, b: &Bounds) -> Bounds {
        let mut n = *a;
        for i in 0..3 {
            n.min[i] = n.min[i].min(b.min[i]);
            n.max[i] = n.max[i].max(b.max[i]);
        }
        n
    }

    /// The squared distance from `q` to the box (0 inside).
    #[inline(always)]
    fn distance2(&self, q: &[f64; 3]) -> f64 {
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

/// What a search asks of nodes and points besides distance: the filter of a query, for one
/// tree (its node summaries).
pub(crate) trait Filter {
    /// Whether node `i` of the tree searched may hold a point that passes: `false` only when
    /// none can.
    fn node(&mut self, i: usize) -> bool;
    /// Whether the point at main-tree position `main` passes: yes, no, or "decide later" (a
    /// costly check, run only for the points that would make it into the answer).
    fn point(&mut self, main: usize) -> Verdict;
    /// Decides a point judged [`Verdict::Later`].
    fn resolve(&mut self, main: usize) -> bool;
}

/// Whether a point passes a filter: yes, no, or "decide later".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Yes,
    No,
    Later,
}

/// No filter: every node and point passes.
pub(crate) struct Everything;

impl Filter for Everything {
    #[inline(always)]
    fn node(&mut self, _: usize) -> bool {
        true
    }
    #[inline(always)]
    fn point(&mut self, _: usize) -> Verdict {
        Verdict::Yes
    }
    #[inline(always)]
    fn resolve(&mut self, _: usize) -> bool {
        true
    }
}

/// The points a tree is searched over, by tree position.
pub(crate) trait Points {
    /// The place number of the point at tree position `pos`.
    fn place(&self, pos: u32) -> u32;
    /// The main-tree position of the point at tree position `pos`.
    fn main(&self, pos: usize) -> usize;
    /// The squared distances from `q` to the points `lo..hi` (at most [`LEAF_SIZE`]), into
    /// `d`; returns how many.
    fn distances(&self, q: &[f64; 3], lo: usize, hi: usize, d: &mut [f64; LEAF_SIZE]) -> usize;
}

/// The unit vectors and place numbers of the main tree's points, in tree order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Coordinates {
    x: Vec<f64>,
    y: Vec<f64>,
    z: Vec<f64>,
    place: Vec<u32>,
}

impl Coordinates {
    /// The points `xyz` with place numbers `places`, in the order `order` (of
    /// [`Tree::build`]).
    #[cfg(test)]
    pub(crate) fn new(xyz: &[[f64; 3]], places: &[u32], order: &[u32]) -> Coordinates {
        let points: Vec<[f64; 3]> = order.iter().map(|&i| xyz[i as usize]).collect();
        Coordinates::in_tree_order(&points, order.iter().map(|&i| places[i as usize]).collect())
    }

    /// The points and their place numbers, both in tree order (of [`Tree::build_gathered`]).
    pub(crate) fn in_tree_order(points: &[[f64; 3]], places: Vec<u32>) -> Coordinates {
        let coordinate = |a: usize| points.iter().map(|p| p[a]).collect();
        Coordinates {
            x: coordinate(0),
            y: coordinate(1),
            z: coordinate(2),
            place: places,
        }
    }

    /// How many points.
    pub(crate) fn len(&self) -> usize {
        self.place.len()
    }

    /// The unit vector of the point at tree position `pos`.
    #[inline]
    pub(crate) fn xyz(&self, pos: u32) -> [f64; 3] {
        let i = pos as usize;
        [self.x[i], self.y[i], self.z[i]]
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        (self.x.capacity() + self.y.capacity() + self.z.capacity()) * size_of::<f64>()
            + self.place.capacity() * size_of::<u32>()
    }
}

impl Points for Coordinates {
    #[inline(always)]
    fn place(&self, pos: u32) -> u32 {
        self.place[pos as usize]
    }

    #[inline(always)]
    fn main(&self, pos: usize) -> usize {
        pos
    }

    /// One loop over the three coordinate arrays, which the compiler vectorises.
    #[inline(always)]
    fn distances(&self, q: &[f64; 3], lo: usize, hi: usize, d: &mut [f64; LEAF_SIZE]) -> usize {
        let (xs, ys, zs) = (&self.x[lo..hi], &self.y[lo..hi], &self.z[lo..hi]);
        let n = xs.len().min(LEAF_SIZE);
        for (((d, &x), &y), &z) in d[..n].iter_mut().zip(xs).zip(ys).zip(zs) {
            *d = distance2(q, &[x, y, z]);
        }
        n
    }
}

/// Some of the points of [`Coordinates`], by their positions there.
pub(crate) struct Gathered<'a> {
    pub(crate) all: &'a Coordinates,
    pub(crate) positions: &'a [u32],
}

impl Points for Gathered<'_> {
    #[inline(always)]
    fn place(&self, pos: u32) -> u32 {
        self.all.place(self.positions[pos as usize])
    }

    #[inline(always)]
    fn main(&self, pos: usize) -> usize {
        self.positions[pos] as usize
    }

    #[inline(always)]
    fn distances(&self, q: &[f64; 3], lo: usize, hi: usize, d: &mut [f64; LEAF_SIZE]) -> usize {
        let positions = &self.positions[lo..hi];
        let n = positions.len().min(LEAF_SIZE);
        for (d, &p) in d[..n].iter_mut().zip(positions) {
            *d = distance2(q, &self.all.xyz(p));
        }
        n
    }
}

/// The boxes of the two children of a node, coordinate by coordinate, so that both distances
/// are computed side by side (two lanes of one vector instruction). 48 bytes.
#[derive(Debug, Clone, Copy)]
struct Children {
    min: [[f32; 2]; 3],
    max: [[f32; 2]; 3],
}

impl Children {
    fn of(left: &Bounds, right: &Bounds) -> Children {
        Children {
            min: std::array::from_fn(|a| [left.min[a], right.min[a]]),
            max: std::array::from_fn(|a| [left.max[a], right.max[a]]),
        }
    }

    /// The squared distances from `q` to the left and right boxes (0 inside).
    #[inline(always)]
    fn distance2(&self, q: &[f64; 3]) -> [f64; 2] {
        let mut d = [0.0; 2];
        for (a, &x) in q.iter().enumerate() {
            for ((d, &min), &max) in d.iter_mut().zip(&self.min[a]).zip(&self.max[a]) {
                let below = f64::from(min) - x;
                let above = x - f64::from(max);
                let t = if below > above { below } else { above };
                let t = if t > 0.0 { t } else { 0.0 };
                *d += t * t;
            }
        }
        d
    }

    /// The box of child `c` (0: left, 1: right).
    #[cfg(test)]
    fn child(&self, c: usize) -> Bounds {
        Bounds {
            min: std::array::from_fn(|a| self.min[a][c]),
            max: std::array::from_fn(|a| self.max[a][c]),
        }
    }
}

/// The tree: boxes in heap order over points in tree order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tree {
    /// The box of the root.
    root: Bounds,
    /// Per node above the leaves, the boxes of its two children.
    children: Vec<Children>,
    /// How many nodes (leaves included): `2^(depth + 1) - 1`, 0 when empty.
    nodes: usize,
    /// How many points.
    n: usize,
    /// Depth of the leaves (the root is at depth 0).
    depth: u32,
    /// Index of the first leaf: `2^depth - 1`.
    first_leaf: usize,
}

/// The deepest tree: more than `2^32` points cannot be indexed, so a stack of one pending
/// sibling per level never holds more than this.
const MAX_DEPTH: usize = 32;

impl Tree {
    /// Bulk-loads the tree of the points `xyz` (O(n log n)). Returns the tree and, for each
    /// tree position, the index of its point in `xyz`.
    ///
    /// At most `u32::MAX` points. With `two_threads`, the two halves of the root are ordered
    /// and boxed on two threads: the tree is the same.
    pub(crate) fn build(xyz: &[[f64; 3]], two_threads: bool) -> (Tree, Vec<u32>) {
        let (tree, order, _) = Tree::build_gathered(xyz, two_threads);
        (tree, order)
    }

    /// [`Tree::build`], and the points in tree order: the boxes are computed from them, read
    /// in order, rather than from `xyz` through `order` (one read of the points in a random
    /// order instead of two when the caller needs them in tree order too).
    pub(crate) fn build_gathered(
        xyz: &[[f64; 3]],
        two_threads: bool,
    ) -> (Tree, Vec<u32>, Vec<[f64; 3]>) {
        Ordering::split_root(xyz).finish(xyz, two_threads)
    }
}

/// A tree being built, in two steps so that the first can run beside other work: the points'
/// items and the root's median split ([`Ordering::split_root`]), then the rest
/// ([`Ordering::finish`], the root's halves on two threads when asked).
#[derive(Debug, Default)]
pub(crate) struct Ordering {
    /// Order 16-byte items (position rounded to f32, point number): the order only decides
    /// which points share a node, the boxes come from the exact positions.
    items: Vec<Item>,
    span: Span,
}

impl Ordering {
    /// The items of the points `xyz` (at most `u32::MAX`), split at the root.
    pub(crate) fn split_root(xyz: &[[f64; 3]]) -> Ordering {
        let n = xyz.len();
        let mut depth = 0u32;
        while n.div_ceil(1 << depth) > LEAF_SIZE {
            depth += 1;
        }
        let mut items: Vec<Item> = xyz
            .iter()
            .enumerate()
            .map(|(i, p)| {
                [
                    p[0] as f32,
                    p[1] as f32,
                    p[2] as f32,
                    f32::from_bits(i as u32),
                ]
            })
            .collect();
        let span = Span { n, depth };
        // The items of the root's left half now come first (its leaves' share of them).
        split(&mut items, span, 0, 1 << depth);
        Ordering { items, span }
    }

    /// The tree of the points `xyz` (those given to [`Ordering::split_root`]): see
    /// [`Tree::build_gathered`].
    ///
    /// Each half of the root is ordered, then its points gathered in tree order and its
    /// leaves boxed, as one piece of work: the halves on two threads with `two_threads`.
    pub(crate) fn finish(
        self,
        xyz: &[[f64; 3]],
        two_threads: bool,
    ) -> (Tree, Vec<u32>, Vec<[f64; 3]>) {
        let Ordering { mut items, span } = self;
        let Span { n, depth } = span;
        if n == 0 {
            return (Tree::default(), Vec::new(), Vec::new());
        }
        let first_leaf = (1usize << depth) - 1;
        let mut tree = Tree {
            root: Bounds::EMPTY,
            children: Vec::new(),
            nodes: 2 * first_leaf + 1,
            n,
            depth,
            first_leaf,
        };
        let mut boxes = vec![Bounds::EMPTY; tree.nodes];
        let mut points = vec![[0.0; 3]; n];
        let mut order = vec![0u32; n];
        // The halves of the leaves (a single leaf is a right half with an empty left one),
        // and of the items, points and numbers, which the root's split cut where the right
        // half's leaves start.
        let (_, leaves) = boxes.split_at_mut(first_leaf);
        let (left, right) = leaves.split_at_mut(leaves.len() / 2);
        let cut = span.start(left.len());
        let (left_items, right_items) = items.split_at_mut(cut);
        let (left_points, right_points) = points.split_at_mut(cut);
        let (left_order, right_order) = order.split_at_mut(cut);
        // A half: the leaves `first..first + leaves.len()`, their items, points and numbers.
        let half = |first: usize,
                    leaves: &mut [Bounds],
                    items: &mut [Item],
                    points: &mut [[f64; 3]],
                    numbers: &mut [u32]| {
            self::order(items, span, first, leaves.len());
            for ((p, number), it) in points.iter_mut().zip(numbers.iter_mut()).zip(&*items) {
                *number = it[3].to_bits();
                *p = xyz[*number as usize];
            }
            let start = span.start(first);
            for (j, b) in (first..).zip(leaves.iter_mut()) {
                let (lo, hi) = (span.start(j), span.start(j + 1));
                *b = Bounds::of(points[lo - start..hi - start].iter());
            }
        };
        let right_first = left.len();
        crate::parallel::join(
            two_threads,
            || half(0, left, left_items, left_points, left_order),
            || half(right_first, right, right_items, right_points, right_order),
        );
        drop(items);
        for node in (0..first_leaf).rev() {
            boxes[node] = Bounds::merge(&boxes[2 * node + 1], &boxes[2 * node + 2]);
        }
        tree.root = boxes[0];
        tree.children = (0..first_leaf)
            .map(|node| Children::of(&boxes[2 * node + 1], &boxes[2 * node + 2]))
            .collect();
        (tree, order, points)
    }
}

impl Tree {
    /// How many points the tree holds.
    pub(crate) fn len(&self) -> usize {
        self.n
    }

    /// How many nodes the tree has (leaves included).
    #[cfg(test)]
    fn nodes(&self) -> usize {
        self.nodes
    }

    /// The box of node `node`.
    #[cfg(test)]
    fn bounds(&self, node: usize) -> Bounds {
        match node {
            0 => self.root,
            _ => self.children[(node - 1) / 2].child((node - 1) % 2),
        }
    }

    /// The tree positions `lo..hi` of the points under node `node`.
    #[inline]
    pub(crate) fn range(&self, node: usize) -> (usize, usize) {
        // Node `node` is at depth d = floor(log2(node + 1)), number p in its level, and covers
        // the leaves p·2^(depth - d) .. (p + 1)·2^(depth - d).
        let level = (node + 1).ilog2();
        let p = node + 1 - (1 << level);
        let shift = self.depth - level;
        let span = Span {
            n: self.n,
            depth: self.depth,
        };
        (span.start(p << shift), span.start((p + 1) << shift))
    }

    /// A summary of the points of every node, in node order: `leaf` summarises the tree
    /// positions `lo..hi` of a leaf, `merge` combines two children's.
    pub(crate) fn summarize<S: Clone>(
        &self,
        empty: S,
        leaf: impl Fn(std::ops::Range<usize>) -> S,
        merge: impl Fn(&S, &S) -> S,
    ) -> Vec<S> {
        if self.nodes == 0 {
            return Vec::new();
        }
        let mut all = vec![empty; self.nodes];
        for (node, s) in all.iter_mut().enumerate().skip(self.first_leaf) {
            let (lo, hi) = self.range(node);
            *s = leaf(lo..hi);
        }
        for node in (0..self.first_leaf).rev() {
            all[node] = merge(&all[2 * node + 1], &all[2 * node + 2]);
        }
        all
    }

    /// Heap bytes used by the tree (its boxes).
    pub(crate) fn memory_bytes(&self) -> usize {
        self.children.capacity() * size_of::<Children>()
    }

    /// Inserts `cand` into the sorted `k`-best buffer `out` if it belongs there; returns the
    /// new pruning bound (the k-th distance once the buffer is full, else `bound`).
    #[inline(always)]
    fn insert_best(
        points: &impl Points,
        out: &mut Vec<Found>,
        k: usize,
        cand: Found,
        bound: f64,
    ) -> f64 {
        let mut at = out.len();
        if at == k {
            if !before(points, cand, out[k - 1]) {
                return bound;
            }
            at -= 1;
        } else {
            out.push(cand);
        }
        while at > 0 && before(points, cand, out[at - 1]) {
            out[at] = out[at - 1];
            at -= 1;
        }
        out[at] = cand;
        if out.len() == k { out[k - 1].0 } else { bound }
    }

    /// The `k` nearest points with chord² ≤ `max_d2` (at most `bound` when one is known: a
    /// chord² within which `k` points are known to pass) that pass `filter`, in `(d2, place)`
    /// order, into `out` (cleared first). A point judged [`Verdict::Later`] is decided by
    /// `filter.resolve` at the end, and only if it would still be among the `k` best: costly
    /// checks run as rarely as possible.
    pub(crate) fn nearest<F: Filter>(
        &self,
        points: &impl Points,
        q: &[f64; 3],
        k: usize,
        max_d2: f64,
        filter: &mut F,
        out: &mut Vec<Found>,
    ) {
        out.clear();
        if k == 0 {
            return;
        }
        // Points set aside, resolved nearest first whenever there are `k` of them (so the
        // bound keeps shrinking even when most points need `resolve`) and at the end.
        let mut pending: Vec<Found> = Vec::new();
        let flush = |filter: &mut F, pending: &mut Vec<Found>, out: &mut Vec<Found>, bound| {
            pending.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let mut bound = bound;
            for &cand in pending.iter() {
                if cand.0 > bound || (out.len() == k && !before(points, cand, out[k - 1])) {
                    break;
                }
                if filter.resolve(points.main(cand.1 as usize)) {
                    bound = Self::insert_best(points, out, k, cand, bound);
                }
            }
            pending.clear();
            bound
        };
        let bound = self.search(q, max_d2, filter, |filter, lo, hi, mut bound| {
            let mut d = [0.0; LEAF_SIZE];
            let n = points.distances(q, lo, hi, &mut d);
            // The points within the bound as bits (one comparison per point, no branch), then
            // only those, nearest bound first (it shrinks as points are taken).
            let mut near = d[..n]
                .iter()
                .enumerate()
                .fold(0u32, |m, (i, &d2)| m | u32::from(d2 <= bound) << i);
            while near != 0 {
                let i = near.trailing_zeros() as usize;
                near &= near - 1;
                let d2 = d[i];
                if d2 > bound {
                    continue;
                }
                let pos = lo + i;
                match filter.point(points.main(pos)) {
                    Verdict::Yes => {
                        bound = Self::insert_best(points, out, k, (d2, pos as u32), bound)
                    }
                    Verdict::No => {}
                    Verdict::Later => {
                        pending.push((d2, pos as u32));
                        if pending.len() >= k {
                            bound = flush(filter, &mut pending, out, bound);
                        }
                    }
                }
            }
            bound
        });
        if !pending.is_empty() {
            flush(filter, &mut pending, out, bound);
        }
    }

    /// Every point with chord² ≤ `max_d2` that passes `filter` (or, for [`Verdict::Later`],
    /// `filter.resolve`), in `(d2, place)` order, into `out` (cleared first).
    pub(crate) fn within<F: Filter>(
        &self,
        points: &impl Points,
        q: &[f64; 3],
        max_d2: f64,
        filter: &mut F,
        out: &mut Vec<Found>,
    ) {
        out.clear();
        self.search(q, max_d2, filter, |filter, lo, hi, bound| {
            let mut d = [0.0; LEAF_SIZE];
            let n = points.distances(q, lo, hi, &mut d);
            for (i, &d2) in d[..n].iter().enumerate() {
                if d2 > max_d2 {
                    continue;
                }
                let pos = lo + i;
                let main = points.main(pos);
                let keep = match filter.point(main) {
                    Verdict::Yes => true,
                    Verdict::No => false,
                    Verdict::Later => filter.resolve(main),
                };
                if keep {
                    out.push((d2, pos as u32));
                }
            }
            bound
        });
        sort_found(points, out);
    }

    /// Depth-first traversal, nearer child first, calling `leaf(filter, lo, hi, bound)` for
    /// every leaf whose box is within the current bound; `leaf` returns the new bound (it only
    /// shrinks). Returns the final bound.
    #[inline(always)]
    fn search<F: Filter>(
        &self,
        q: &[f64; 3],
        max_d2: f64,
        filter: &mut F,
        mut leaf: impl FnMut(&mut F, usize, usize, f64) -> f64,
    ) -> f64 {
        // Finite, so that the infinite distance given to the nodes the filter rules out
        // always prunes them.
        let mut bound = max_d2.min(f64::MAX);
        if self.nodes == 0 || !filter.node(0) || self.root.distance2(q) > bound {
            return bound;
        }
        // At most three pending nodes per two levels.
        let mut stack = [(0u32, 0.0f64); 2 * MAX_DEPTH];
        let mut top = 0;
        let mut node = 0usize;
        'visit: loop {
            // Descend to a leaf, two levels at a time while it can: the boxes of the four
            // grandchildren of `node` are the children of its two children, side by side in
            // memory, so that one step reads one place and waits for one load instead of two.
            while node < self.first_leaf {
                let l = 2 * node + 1;
                if l < self.first_leaf {
                    let [a, b] = self.children[l].distance2(q);
                    let [c, d] = self.children[l + 1].distance2(q);
                    let g = 2 * l + 1;
                    let mut next = [(g, a), (g + 1, b), (g + 2, c), (g + 3, d)];
                    for (n, dist) in next.iter_mut() {
                        if !filter.node(*n) {
                            *dist = f64::INFINITY;
                        }
                    }
                    sort4(&mut next);
                    // The three others, farthest first, so that the nearest comes back first.
                    for &(n, dist) in next[1..].iter().rev() {
                        if dist <= bound {
                            stack[top] = (n as u32, dist);
                            top += 1;
                        }
                    }
                    if next[0].1 > bound {
                        break;
                    }
                    node = next[0].0;
                    continue;
                }
                let r = l + 1;
                let [ld, rd] = self.children[node].distance2(q);
                let ld = if filter.node(l) { ld } else { f64::INFINITY };
                let rd = if filter.node(r) { rd } else { f64::INFINITY };
                let (near, nd, far, fd) = if ld <= rd {
                    (l, ld, r, rd)
                } else {
                    (r, rd, l, ld)
                };
                if fd <= bound {
                    stack[top] = (far as u32, fd);
                    top += 1;
                }
                if nd > bound {
                    break;
                }
                node = near;
            }
            if node >= self.first_leaf {
                let (lo, hi) = self.range(node);
                bound = leaf(filter, lo, hi, bound);
            }
            // The next pending sibling still within the bound.
            loop {
                if top == 0 {
                    break 'visit;
                }
                top -= 1;
                let (n, d) = stack[top];
                if d <= bound {
                    node = n as usize;
                    continue 'visit;
                }
            }
        }
        bound
    }
}

/// Sorts four (node, distance) pairs by distance (a sorting network).
#[inline(always)]
fn sort4(v: &mut [(usize, f64); 4]) {
    let mut swap = |i: usize, j: usize| {
        if v[j].1 < v[i].1 {
            v.swap(i, j);
        }
    };
    swap(0, 1);
    swap(2, 3);
    swap(0, 2);
    swap(1, 3);
    swap(1, 2);
}

/// `a` comes before `b`: by distance, then place number.
#[inline(always)]
fn before(points: &impl Points, a: Found, b: Found) -> bool {
    a.0 < b.0 || (a.0 == b.0 && points.place(a.1) < points.place(b.1))
}

/// Sorts found points by distance, then place number.
pub(crate) fn sort_found(points: &impl Points, found: &mut [Found]) {
    found.sort_unstable_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then_with(|| points.place(a.1).cmp(&points.place(b.1)))
    });
}

/// The leaf boundaries of `n` points in `2^depth` leaves.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    n: usize,
    depth: u32,
}

impl Span {
    /// The first point of leaf `j` (`n` for `j = 2^depth`).
    #[inline]
    fn start(self, j: usize) -> usize {
        ((j as u64 * self.n as u64) >> self.depth) as usize
    }
}

/// How many items of a node give its spread: every (n/`SAMPLE`)-th of its n items (all of a
/// node below 2·`SAMPLE`). 32 rather than 512: 4.8 % fewer instructions to build, the queries
/// as fast (ARCHITECTURE.md, "Build, third session").
const SAMPLE: usize = 32;

/// A point being ordered: its position in `f32` (never NaN) and its number (the bits of the
/// last lane).
type Item = [f32; 4];

/// Orders `items` (the points of the leaves `first..first + leaves`) so that each half of the
/// leaves gets a contiguous part: median split on the axis where the items spread most,
/// recursively down to the leaves.
fn order(items: &mut [Item], span: Span, first: usize, leaves: usize) {
    if let Some(mid) = split(items, span, first, leaves) {
        let half = leaves / 2;
        let (left, right) = items.split_at_mut(mid);
        order(left, span, first, half);
        order(right, span, first + half, half);
    }
}

/// The median split of a node (the items of the leaves `first..first + leaves`) on the axis
/// where its items spread most: the items of its first half of leaves before the others, and
/// where those start; `None` for a leaf or a node of fewer than two items.
fn split(items: &mut [Item], span: Span, first: usize, leaves: usize) -> Option<usize> {
    if leaves < 2 || items.len() < 2 {
        return None;
    }
    // The spread of a large node from a sample of its items: the axis it chooses is the same
    // but for nodes almost as wide as high, whose split matters least.
    let step = (items.len() / SAMPLE).max(1);
    let (mut min, mut max) = ([f32::INFINITY; 4], [f32::NEG_INFINITY; 4]);
    for it in items.iter().step_by(step) {
        // Four lanes (the last, the point number's bits, unused): vector instructions.
        for a in 0..4 {
            min[a] = if it[a] < min[a] { it[a] } else { min[a] };
            max[a] = if it[a] > max[a] { it[a] } else { max[a] };
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
    let mid = span.start(first + leaves / 2) - span.start(first);
    items.select_nth_unstable_by(mid, |a, b| {
        a[axis]
            .partial_cmp(&b[axis])
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    Some(mid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sphere::unit_vector;

    fn points(n: usize) -> (Vec<[f64; 3]>, Vec<u64>) {
        (0..n)
            .map(|i| {
                let lat = -60.0 + (i as f64 * 7.31) % 120.0;
                let lon = -180.0 + (i as f64 * 13.7) % 360.0;
                (unit_vector(lat, lon), 1 << (i % 5))
            })
            .unzip()
    }

    fn brute(
        xyz: &[[f64; 3]],
        masks: &[u64],
        q: &[f64; 3],
        k: usize,
        max_d2: f64,
        bit: u64,
    ) -> Vec<(f64, u32)> {
        let mut all: Vec<(f64, u32)> = xyz
            .iter()
            .zip(masks)
            .enumerate()
            .filter(|(_, (_, m))| *m & bit != 0)
            .map(|(i, (p, _))| (distance2(q, p), i as u32))
            .filter(|f| f.0 <= max_d2)
            .collect();
        all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        all.truncate(k);
        all
    }

    /// A filter on one mask bit, with every third point decided late, as opening hours
    /// sometimes are (or every point, with `later`).
    struct Bit<'a> {
        bit: u64,
        masks: &'a [u64],
        nodes: &'a [u64],
        places: &'a Coordinates,
        later: bool,
    }

    impl Filter for Bit<'_> {
        fn node(&mut self, i: usize) -> bool {
            self.nodes[i] & self.bit != 0
        }
        fn point(&mut self, pos: usize) -> Verdict {
            match self.masks[pos] & self.bit != 0 {
                true if self.later || self.places.place(pos as u32).is_multiple_of(3) => {
                    Verdict::Later
                }
                true => Verdict::Yes,
                false => Verdict::No,
            }
        }
        fn resolve(&mut self, _: usize) -> bool {
            true
        }
    }

    #[test]
    fn every_size_from_empty_to_several_leaves_matches_brute_force() {
        for n in [0, 1, 2, 7, 8, 9, 16, 17, 33, 100, 1000] {
            let (xyz, masks) = points(n);
            let ids: Vec<u32> = (0..n as u32).collect();
            let (tree, order) = Tree::build(&xyz, false);
            let places = Coordinates::new(&xyz, &ids, &order);
            assert_eq!((tree.len(), places.len()), (n, n));
            let tree_masks: Vec<u64> = order.iter().map(|&i| masks[i as usize]).collect();
            let nodes = tree.summarize(
                0,
                |r| tree_masks[r].iter().fold(0, |a, m| a | m),
                |a, b| a | b,
            );
            let mut out = Vec::new();
            let answer = |out: &[Found]| -> Vec<(f64, u32)> {
                out.iter().map(|&(d, pos)| (d, places.place(pos))).collect()
            };
            for (qi, (lat, lon)) in [(45.0, 5.0), (-13.0, 179.9), (90.0, 0.0)]
                .iter()
                .enumerate()
            {
                let q = unit_vector(*lat, *lon);
                for k in [1, 3, 10, 2000] {
                    let bit = 1u64 << qi;
                    let mut f = Bit {
                        bit,
                        masks: &tree_masks,
                        nodes: &nodes,
                        places: &places,
                        later: false,
                    };
                    for max_d2 in [4.0, f64::MAX] {
                        tree.nearest(&places, &q, k, max_d2, &mut f, &mut out);
                        let want = brute(&xyz, &masks, &q, k, max_d2, bit);
                        assert_eq!(answer(&out), want, "n={n} k={k}");
                    }
                    tree.nearest(&places, &q, k, f64::MAX, &mut Everything, &mut out);
                    let want = brute(&xyz, &masks, &q, k, 5.0, u64::MAX);
                    assert_eq!(answer(&out), want);
                    let mut later = Bit {
                        bit: u64::MAX,
                        later: true,
                        ..f
                    };
                    tree.within(&places, &q, 0.05, &mut later, &mut out);
                    let want = brute(&xyz, &masks, &q, usize::MAX, 0.05, u64::MAX);
                    assert_eq!(answer(&out), want);
                }
            }
        }
    }

    #[test]
    fn two_threads_build_the_same_tree() {
        for n in [1, 17, 33, 3000, 4097] {
            let (xyz, _) = points(n);
            let (one, one_order) = Tree::build(&xyz, false);
            let (two, two_order) = Tree::build(&xyz, true);
            assert_eq!(one_order, two_order, "{n} points");
            assert_eq!(format!("{one:?}"), format!("{two:?}"), "{n} points");
        }
    }

    #[test]
    fn a_subset_read_through_positions_gives_the_same_answers() {
        let (xyz, _) = points(3000);
        let ids: Vec<u32> = (0..3000).collect();
        let (_, order) = Tree::build(&xyz, false);
        let all = Coordinates::new(&xyz, &ids, &order);
        // Every seventh point, in tree positions.
        let chosen: Vec<u32> = (0..3000).step_by(7).collect();
        let sub_xyz: Vec<[f64; 3]> = chosen.iter().map(|&p| all.xyz(p)).collect();
        let (sub, sub_order) = Tree::build(&sub_xyz, false);
        let positions: Vec<u32> = sub_order.iter().map(|&i| chosen[i as usize]).collect();
        let gathered = Gathered {
            all: &all,
            positions: &positions,
        };
        let own = Coordinates::new(
            &sub_xyz,
            &chosen.iter().map(|&p| all.place(p)).collect::<Vec<_>>(),
            &sub_order,
        );
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for (lat, lon) in [(45.0, 5.0), (-13.0, 179.9), (10.0, -60.0)] {
            let q = unit_vector(lat, lon);
            sub.nearest(&gathered, &q, 7, f64::MAX, &mut Everything, &mut a);
            sub.nearest(&own, &q, 7, f64::MAX, &mut Everything, &mut b);
            assert_eq!(a, b);
            assert_eq!(a.len(), 7);
        }
    }

    #[test]
    fn leaves_are_small_and_boxes_hold_their_points() {
        for n in [1, 15, 16, 17, 1000, 4097] {
            let (xyz, _) = points(n);
            let ids: Vec<u32> = (0..n as u32).collect();
            let (tree, order) = Tree::build(&xyz, false);
            let places = Coordinates::new(&xyz, &ids, &order);
            let mut seen = vec![false; n];
            for node in 0..tree.nodes() {
                let (lo, hi) = tree.range(node);
                assert!(lo < hi, "no empty node (n={n}, node {node})");
                if node >= tree.first_leaf {
                    assert!(hi - lo <= LEAF_SIZE);
                } else {
                    // Children split the node's range.
                    assert_eq!(tree.range(2 * node + 1).0, lo);
                    assert_eq!(tree.range(2 * node + 1).1, tree.range(2 * node + 2).0);
                    assert_eq!(tree.range(2 * node + 2).1, hi);
                }
                for pos in lo..hi {
                    let p = xyz[order[pos] as usize];
                    assert_eq!(places.xyz(pos as u32), p);
                    assert_eq!(tree.bounds(node).distance2(&p), 0.0);
                    seen[order[pos] as usize] = true;
                }
            }
            assert!(seen.iter().all(|&s| s));
            assert_eq!(tree.range(0), (0, n));
        }
    }
}
