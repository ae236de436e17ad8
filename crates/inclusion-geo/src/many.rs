//! [`HelpIndex::nearest_many`]: the same question asked from many positions at once, as a
//! coverage run asks it from every commune.
//!
//! * The positions are answered in the Morton order of their unit vectors (a space-filling
//!   curve), so that consecutive queries walk the same nodes while they are in the caches.
//! * Each query starts from a bound given by the previous query's answers: they pass the same
//!   filter, so the `k` nearest places of the new position are no farther than the farthest of
//!   them. On ordered positions this bound is tight and the search skips most of the tree.
//! * "Open at" is resolved once for the whole batch (local times, exact answers already known)
//!   instead of once per query.
//! * [`HelpIndex::nearest_many_parallel`] cuts the positions into one contiguous part per
//!   thread (`std::thread::scope`), and each thread does all of its part's work: the unit
//!   vectors, their Morton order, the queries, the hits in the order of the positions. The
//!   parts' answers are then put end to end: nothing else is left to the calling thread.
//!   [`HelpIndex::nearest_many`] uses the calling thread only.
//!
//! Answers are the same as [`HelpIndex::nearest`] gives for each position, in the order of
//! the positions, whatever the number of threads.

use std::num::NonZeroUsize;

use crate::open::OpenAt;
use crate::parallel;
use crate::query::{Hit, check_position};
use crate::sphere::{distance2, unit_vector};
use crate::tree::Found;
use crate::{GeoError, HelpFilter, HelpIndex};
use inclusion_model::criteria::CriteriaMasks;

/// The answers of [`HelpIndex::nearest_many`]: one list of hits per position, in the order of
/// the positions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ManyHits {
    hits: Vec<Hit>,
    /// Where the hits of each position end in `hits`.
    ends: Vec<usize>,
}

impl ManyHits {
    /// How many positions were asked.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no position was asked.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The hits of position `i` (nearest first), or `None` past the last position.
    pub fn get(&self, i: usize) -> Option<&[Hit]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.hits.get(start..end)
    }

    /// The hits of each position, in the order of the positions.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[Hit]> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }
}

impl std::ops::Index<usize> for ManyHits {
    type Output = [Hit];

    /// The hits of position `i`.
    ///
    /// # Panics
    /// If `i` is not below [`ManyHits::len`].
    fn index(&self, i: usize) -> &[Hit] {
        match self.get(i) {
            Some(hits) => hits,
            None => panic!("position {i} of {} asked", self.len()),
        }
    }
}

/// Fewer positions than this per thread are not worth a thread.
const MIN_PER_THREAD: usize = 512;

/// The answers of a run of positions: per position (its number in the part, its start in
/// `found`, its count), and the points found.
struct Run {
    spans: Vec<(u32, u32, u32)>,
    found: Vec<Found>,
}

impl HelpIndex {
    /// The `k` nearest places that pass `filter` from each of `positions` (latitude,
    /// longitude), on the calling thread: the same answers as [`HelpIndex::nearest`] for each
    /// position, several times faster for many positions (they are answered in an order that
    /// keeps the caches warm, each query bounded by the previous one's answers).
    ///
    /// An invalid position or `k = 0` is an error, as for [`HelpIndex::nearest`].
    ///
    /// ```
    /// use inclusion_geo::{HelpFilter, HelpIndex};
    /// use inclusion_model::{Address, Coordinates, Place};
    /// use chrono::NaiveDate;
    ///
    /// let place = |id: &str, lat: f64, lon: f64| {
    ///     let mut p = Place::new(id, "00000000000000", id, Address::new("-", "38000", "-"),
    ///         NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    ///     p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
    ///     p
    /// };
    /// let index = HelpIndex::build([place("grenoble", 45.188, 5.725), place("lyon", 45.764, 4.836)])?;
    /// let communes = [(45.17, 5.71), (45.75, 4.85), (45.4, 5.6)];
    /// let answers = index.nearest_many(&communes, 1, &HelpFilter::default())?;
    /// let nearest: Vec<&str> = answers.iter().map(|hits| index.place(&hits[0]).id.as_str()).collect();
    /// assert_eq!(nearest, ["grenoble", "lyon", "grenoble"]);
    /// // The same answers as one query per position.
    /// assert_eq!(answers[1], index.nearest(45.75, 4.85, 1, &HelpFilter::default())?[..]);
    /// # Ok::<(), inclusion_geo::GeoError>(())
    /// ```
    pub fn nearest_many(
        &self,
        positions: &[(f64, f64)],
        k: usize,
        filter: &HelpFilter,
    ) -> Result<ManyHits, GeoError> {
        self.nearest_many_parallel(positions, k, filter, NonZeroUsize::MIN)
    }

    /// [`HelpIndex::nearest_many`] on up to `threads` threads (the calling one included):
    /// the positions are cut into one contiguous part per thread, each part answered in its
    /// own cache-friendly order. The answers do not depend on the number of threads. Small
    /// batches (fewer than 512 positions per thread) use fewer threads; when the system
    /// cannot make a thread, its part is answered on the calling one.
    pub fn nearest_many_parallel(
        &self,
        positions: &[(f64, f64)],
        k: usize,
        filter: &HelpFilter,
        threads: NonZeroUsize,
    ) -> Result<ManyHits, GeoError> {
        if k == 0 {
            return Err(GeoError::ZeroK);
        }
        for &(latitude, longitude) in positions {
            check_position(latitude, longitude)?;
        }
        let threads = threads.get().min(positions.len() / MIN_PER_THREAD).max(1);
        let per_thread = positions.len().div_ceil(threads).max(1);
        let masks = filter.criteria.masks();
        let parts: Vec<&[(f64, f64)]> = positions.chunks(per_thread).collect();
        let parts = parallel::map(&parts, |part| self.answer_part(part, k, &masks, filter));
        // The parts' answers end to end.
        let mut parts = parts.into_iter();
        let (mut hits, mut ends): (Vec<Hit>, Vec<usize>) = parts.next().unwrap_or_default();
        for (more, more_ends) in parts {
            let offset = hits.len();
            ends.extend(more_ends.into_iter().map(|end| end + offset));
            hits.extend(more);
        }
        Ok(ManyHits { hits, ends })
    }

    /// The hits of each of `part`'s positions and where they end, in the order of `part`: its
    /// positions answered in the Morton order of their unit vectors, on the current thread.
    fn answer_part(
        &self,
        part: &[(f64, f64)],
        k: usize,
        masks: &CriteriaMasks,
        filter: &HelpFilter,
    ) -> (Vec<Hit>, Vec<usize>) {
        let xyz: Vec<[f64; 3]> = part
            .iter()
            .map(|&(lat, lon)| unit_vector(lat, lon))
            .collect();
        let run = self.run(&xyz, &morton_order(&xyz), k, masks, filter);
        // Back to the order of the positions.
        let mut at = vec![(0u32, 0u32); part.len()];
        for &(i, start, len) in &run.spans {
            at[i as usize] = (start, len);
        }
        let mut hits = Vec::with_capacity(run.found.len());
        let mut ends = Vec::with_capacity(part.len());
        for &(start, len) in &at {
            let found = &run.found[start as usize..(start + len) as usize];
            hits.extend(found.iter().map(|&(d2, pos)| self.hit(d2, pos)));
            ends.push(hits.len());
        }
        (hits, ends)
    }

    /// Answers the positions `run` (in that order) on the current thread.
    fn run(
        &self,
        xyz: &[[f64; 3]],
        run: &[u32],
        k: usize,
        masks: &CriteriaMasks,
        filter: &HelpFilter,
    ) -> Run {
        let mut open = filter.open_at.map(OpenAt::new);
        let mut out = Vec::with_capacity(k.min(1024));
        let mut previous: Vec<u32> = Vec::with_capacity(k.min(1024));
        let mut answers = Run {
            spans: Vec::with_capacity(run.len()),
            found: Vec::with_capacity(run.len() * k.min(16)),
        };
        for &i in run {
            let q = &xyz[i as usize];
            // The previous answers pass the filter: the k nearest are no farther than they are.
            let bound = if previous.len() == k {
                previous
                    .iter()
                    .map(|&pos| distance2(q, &self.points.xyz(pos)))
                    .fold(0.0, f64::max)
            } else {
                f64::MAX
            };
            self.search(q, Some(k), bound, masks, open.as_mut(), &mut out);
            previous.clear();
            previous.extend(out.iter().map(|f| f.1));
            answers
                .spans
                .push((i, answers.found.len() as u32, out.len() as u32));
            answers.found.extend_from_slice(&out);
        }
        answers
    }
}

/// The numbers of `xyz`'s points in the order of the 33 high bits of their Morton codes (11
/// per axis: cells of about 6 km), points of one cell in their own order: a least significant
/// digit radix sort on three 11-bit digits. The order only needs to keep near positions
/// together; sorting the whole codes (`sort_unstable_by_key`) cost about 170 instructions a
/// position, this about 90 (ARCHITECTURE.md, "Batches").
fn morton_order(xyz: &[[f64; 3]]) -> Vec<u32> {
    const BITS: u32 = 11;
    const MASK: u64 = (1 << BITS) - 1;
    let mut items: Vec<(u64, u32)> = (xyz.iter().zip(0..))
        .map(|(p, i)| (morton(p) >> 30, i))
        .collect();
    let mut sorted = vec![(0u64, 0u32); items.len()];
    for pass in 0..3 {
        let digit = |key: u64| ((key >> (BITS * pass)) & MASK) as usize;
        // Where each digit's items start in `sorted`: counts, then their running sums.
        let mut starts = vec![0usize; 1 << BITS];
        for &(key, _) in &items {
            starts[digit(key)] += 1;
        }
        let mut sum = 0;
        for start in &mut starts {
            (*start, sum) = (sum, sum + *start);
        }
        for &item in &items {
            let at = &mut starts[digit(item.0)];
            sorted[*at] = item;
            *at += 1;
        }
        std::mem::swap(&mut items, &mut sorted);
    }
    items.into_iter().map(|(_, i)| i).collect()
}

/// The Morton code of a unit vector: its coordinates quantised to 21 bits each, interleaved.
fn morton(p: &[f64; 3]) -> u64 {
    let q = |c: f64| (((c + 1.0) * 1_048_576.0) as u64).min(0x1F_FFFF);
    spread(q(p[0])) | spread(q(p[1])) << 1 | spread(q(p[2])) << 2
}

/// The 21 low bits of `v`, two zero bits between each.
fn spread(v: u64) -> u64 {
    let mut x = v & 0x1F_FFFF;
    x = (x | x << 32) & 0x001F_0000_0000_FFFF;
    x = (x | x << 16) & 0x001F_0000_FF00_00FF;
    x = (x | x << 8) & 0x100F_00F0_0F00_F00F;
    x = (x | x << 4) & 0x10C3_0C30_C30C_30C3;
    x = (x | x << 2) & 0x1249_2492_4924_9249;
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The radix sort gives the standard library's stable sort by the codes' 33 high bits.
        #[test]
        fn morton_order_is_the_stable_sort_by_the_high_bits(
            points in proptest::collection::vec((-90.0f64..=90.0, -180.0f64..=180.0), 0..3000),
            repeat in 0usize..4,
        ) {
            // Some positions repeated, so that cells hold several points.
            let mut xyz: Vec<[f64; 3]> =
                points.iter().map(|&(la, lo)| unit_vector(la, lo)).collect();
            let again: Vec<[f64; 3]> = xyz.iter().step_by(repeat + 1).copied().collect();
            xyz.extend(again);
            let mut want: Vec<u32> = (0..xyz.len() as u32).collect();
            want.sort_by_key(|&i| morton(&xyz[i as usize]) >> 30);
            proptest::prop_assert_eq!(morton_order(&xyz), want);
        }
    }

    #[test]
    fn morton_interleaves_and_keeps_order_per_axis() {
        assert_eq!(spread(0b111), 0b1001001);
        assert_eq!(spread(0x1F_FFFF).count_ones(), 21);
        assert!(morton(&[0.5, 0.0, 0.0]) > morton(&[0.4, 0.0, 0.0]));
        assert!(morton(&[0.0, 0.0, 1.0]) > morton(&[0.0, 0.0, -1.0]));
    }
}
