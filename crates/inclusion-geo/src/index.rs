//! [`HelpIndex`]: the places, and the tree that finds the nearest ones.

use inclusion_model::Place;

use std::num::NonZeroUsize;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};

use crate::filter::{MaskFilter, PointMasks};
use crate::open::{HoursIndex, HoursSummary, HoursTable, OpenAt, OpenFilter};
use crate::parallel;
use crate::query::{HelpQuery, Hit, NearbyPlace, PlaceDetails, check_position};
use crate::sphere::{chord2_to_metres, metres_to_chord2, unit_vector};
use crate::subset::{RareValues, SubTree, Summaries};
use crate::tree::{
    Coordinates, Everything, Filter, Found, Gathered, Ordering, Points, Tree, sort_found,
};
use crate::{GeoError, HelpFilter};
use inclusion_model::criteria::{CriteriaMasks, gives_remote_help, place_mask};

/// An immutable index of places for nearest-help queries, exact on the sphere.
///
/// Build it once from the places (places without coordinates are kept but not indexed), then
/// query it from as many threads as needed: it is `Send + Sync` and a query only reads.
/// Places are kept sorted by `id` (a stable sort), and results are sorted by distance with ties
/// broken by `id`, so the same query always gives the same answer.
///
/// ```
/// use inclusion_geo::{HelpFilter, HelpIndex, HelpQuery};
/// use inclusion_model::{Address, Coordinates, Place, Service};
/// use chrono::NaiveDate;
///
/// let place = |id: &str, lat: f64, lon: f64, service: Service| {
///     let mut p = Place::new(id, "00000000000000", id, Address::new("1 rue A", "38000", "Grenoble"),
///         NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
///     p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
///     p.services.push(service);
///     p
/// };
/// let index = HelpIndex::build(vec![
///     place("lyon", 45.764, 4.836, Service::AdministrativeProcedures),
///     place("grenoble", 45.188, 5.725, Service::SafeUse),
///     place("chambery", 45.564, 5.918, Service::AdministrativeProcedures),
/// ])?;
///
/// // The two nearest places to Grenoble's station.
/// let hits = index.nearest(45.191, 5.714, 2, &HelpFilter::default())?;
/// let ids: Vec<&str> = hits.iter().map(|h| index.place(h).id.as_str()).collect();
/// assert_eq!(ids, ["grenoble", "chambery"]);
///
/// // The nearest one that helps with administrative procedures, within 100 km.
/// let q = HelpQuery::nearest(45.191, 5.714, 1)
///     .max_distance_m(100_000.0)
///     .filter(HelpFilter::default().services([Service::AdministrativeProcedures]));
/// let hits = index.query(&q)?;
/// assert_eq!(index.place(&hits[0]).id, "chambery");
/// assert!((40_000.0..50_000.0).contains(&hits[0].distance_m));
/// # Ok::<(), inclusion_geo::GeoError>(())
/// ```
#[derive(Debug, Clone)]
pub struct HelpIndex {
    pub(crate) places: Vec<Place>,
    /// The main tree (its boxes).
    pub(crate) tree: Tree,
    /// Unit vectors and place numbers of the indexed places, in main-tree order.
    pub(crate) points: Coordinates,
    /// What filtered queries need, built by the first of them on a one-thread build (see
    /// [`HelpIndex::prepare`]).
    filters: OnceLock<Filters>,
    /// The commune lookup's tables, built by the first lookup on a one-thread build.
    communes: OnceLock<Communes>,
}

/// What the filters of queries read beside the tree: each point's criteria mask and opening
/// hours, the main tree's node summaries, and the subsets' trees.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filters {
    /// Criteria masks of the points.
    pub(crate) masks: PointMasks,
    /// Opening hours of the points.
    pub(crate) hours: HoursIndex,
    /// The summaries of the main tree's nodes.
    pub(crate) nodes: Summaries,
    /// Trees of the places with a rare criteria value.
    pub(crate) rare: RareValues,
    /// The tree of the places that may be open at quiet hours.
    pub(crate) quiet: Option<SubTree>,
    /// The places that give help at a distance, in a tree of their own (with its summaries):
    /// a remote list costs a small tree's query, not a 1%-selective filter.
    pub(crate) remote: Option<SubTree>,
}

/// A tree to search with filters: its boxes, the main-tree position of each of its points
/// (none for the main tree itself), the summaries of its nodes, and the points' filters.
#[derive(Clone, Copy)]
pub(crate) struct View<'a> {
    tree: &'a Tree,
    main: &'a [u32],
    nodes: &'a Summaries,
    filters: &'a Filters,
}

/// The tables of the commune lookup ([`HelpIndex::places_of_commune`]).
#[derive(Debug, Clone, Default)]
struct Communes {
    /// The places with a well-formed code INSEE (5 letters or digits), sorted by code (then by
    /// position, so by `id`): each as its main-tree position when it has coordinates, else as
    /// the tree's length plus its position (see [`HelpIndex::entry_place`]).
    by_insee: Vec<u32>,
    /// The code of every [`INSEE_SAMPLE`]-th entry of `by_insee`, packed in base 36
    /// ([`insee_key`]): a binary search reads 4 bytes per step down to [`INSEE_SAMPLE`]
    /// entries; a quarter of a byte per place.
    insee_keys: Vec<u32>,
    /// Per block of [`INSEE_SAMPLE`] entries, its second base: the key of its first entry
    /// [`FAR`] or more from the block's sampled key (or 0), with that entry's index in the
    /// block above [`KEY_BITS`] (the block's length when there is none).
    insee_splits: Vec<u32>,
    /// Per entry of `by_insee`, its key minus its base (the block's sampled key before the
    /// split, the second base from it), at most [`FAR`]: the last steps of the binary search
    /// read this byte instead of a place's code (a place read is a cache miss or two). Places
    /// are read only for the entries [`FAR`] from the second base too (a block over two
    /// jumps of 255 keys).
    insee_deltas: Vec<u8>,
}

/// The pairs (key, place number), given in place-number order, sorted by key then place
/// number: a stable counting sort on the key's two halves of [`KEY_BITS`]` / 2` bits (two
/// passes over the pairs and two tables of 8,192 counts). Callgrind, 100,000 places: 4.8 M
/// instructions against 15.1 M for the standard library's unstable sort of the pairs packed in
/// 64-bit numbers.
fn sort_by_key(mut from: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    const HALF: u32 = KEY_BITS.div_ceil(2);
    const BUCKETS: usize = 1 << HALF;
    let digit = |key: u32, pass: u32| (key >> (pass * HALF)) as usize & (BUCKETS - 1);
    let mut to = vec![(0, 0); from.len()];
    for pass in 0..2 {
        let mut start = vec![0usize; BUCKETS + 1];
        for &(key, _) in &from {
            start[digit(key, pass) + 1] += 1;
        }
        for b in 0..BUCKETS {
            start[b + 1] += start[b];
        }
        for &pair in &from {
            let slot = &mut start[digit(pair.0, pass)];
            to[*slot] = pair;
            *slot += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    from
}

/// Sorts places by `id`, as a stable sort does (equal ids keep their order), moving each
/// place at most twice: the ids and positions are sorted, then the places are put in that
/// order by swaps along the permutation's cycles. A place is 664 bytes: the standard
/// library's stable sort moved each one about 17 times at 100,000 places (callgrind, `inclusion
/// near --data` on a 100,000-row file whose ids are not in order: 572 M of the build's 751 M
/// instructions); see ARCHITECTURE.md ("Build").
fn sort_by_id(places: &mut [Place]) {
    let mut keys: Vec<(&str, u32)> = (0..)
        .zip(places.iter())
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    // Unstable, but no two keys are equal: the position breaks ties as a stable sort would.
    keys.sort_unstable();
    let mut order: Vec<u32> = keys.into_iter().map(|(_, i)| i).collect();
    // Position `k` takes the place at `order[k]`: each cycle of the permutation is followed
    // from its first position, the place that was there carried along by the swaps; a
    // position done is marked as taking its own place (`order[k] == k`), so a later start in
    // the same cycle stops at once.
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let from = order[k] as usize;
            order[k] = k as u32;
            if from == start {
                break;
            }
            places.swap(k, from);
            k = from;
        }
    }
}

/// The largest delta of [`HelpIndex::insee_deltas`]: it and the keys beyond are told apart
/// by their places' codes.
const FAR: u8 = u8::MAX;

/// Keys ([`insee_key`]) take this many bits: 36⁵ < 2²⁶.
const KEY_BITS: u32 = 26;

/// What the tree needs of the places: the unit vectors of those with coordinates and their
/// place numbers.
#[derive(Default)]
struct Positions {
    xyz: Vec<[f64; 3]>,
    numbers: Vec<u32>,
}

impl Positions {
    /// The positions of `places`, read in one pass that checks their order (`None` when they
    /// are not sorted by `id`), then turned into unit vectors.
    ///
    /// Two loops rather than one: a place is 664 bytes, so each is a new cache line or two,
    /// and a loop that only copies the coordinates keeps many of those loads in flight, where
    /// one that also computes each place's sines and cosines waits for them one or two at a
    /// time. At 100,000 places: 5.0 ms instead of 7.4 (ARCHITECTURE.md, "Build, fourteenth
    /// session").
    fn read(places: &[Place]) -> Option<Positions> {
        let mut read = Positions {
            xyz: Vec::with_capacity(places.len()),
            numbers: Vec::with_capacity(places.len()),
        };
        let mut previous: Option<&str> = None;
        for (i, place) in (0..).zip(places) {
            if previous.is_some_and(|p| p > place.id.as_str()) {
                return None;
            }
            previous = Some(&place.id);
            if let Some(c) = place.coordinates {
                read.xyz.push([c.latitude(), c.longitude(), 0.0]);
                read.numbers.push(i);
            }
        }
        for p in &mut read.xyz {
            *p = unit_vector(p[0], p[1]);
        }
        Some(read)
    }
}

/// What the tables of the filters and of the commune lookup need of the places, per place,
/// read in one pass (a place is 664 bytes with heap blocks: reading the places costs about as
/// much as ordering the tree, ARCHITECTURE.md "Build").
#[derive(Default)]
struct Labels {
    hours: HoursTable,
    /// Per place, its entry in `hours`.
    hours_ids: Vec<u32>,
    /// Per place, its criteria mask (0 for a place without coordinates, which no filter
    /// reads).
    masks: Vec<u64>,
    /// Per place with a well-formed code INSEE: its key ([`insee_key`]) and place number.
    insee: Vec<(u32, u32)>,
}

impl Labels {
    /// With `FILTERS`, the opening hours (their table and each place's entry) and the masks;
    /// with `COMMUNES`, the codes INSEE.
    fn read<const FILTERS: bool, const COMMUNES: bool>(places: &[Place]) -> Labels {
        let mut table = HoursTable::builder();
        let capacity = if FILTERS { places.len() } else { 0 };
        let mut read = Labels {
            hours_ids: Vec::with_capacity(capacity),
            masks: Vec::with_capacity(capacity),
            ..Labels::default()
        };
        for (i, place) in (0..).zip(places) {
            if FILTERS {
                read.hours_ids.push(table.entry(place));
                read.masks
                    .push(place.coordinates.map_or(0, |_| place_mask(place)));
            }
            if COMMUNES && let Some(key) = place.address.insee_code.as_deref().and_then(insee_key) {
                read.insee.push((key, i));
            }
        }
        read.hours = table.finish();
        read
    }
}

impl Filters {
    /// The masks and hours entries of the points, whose place numbers are `in_tree_order`,
    /// from those of the places.
    fn gather(
        hours: HoursTable,
        hours_ids: &[u32],
        masks: &[u64],
        in_tree_order: impl Iterator<Item = u32> + Clone,
    ) -> (PointMasks, HoursIndex) {
        let point_masks = in_tree_order.clone().map(|i| masks[i as usize]).collect();
        let point_hours = in_tree_order.map(|i| hours_ids[i as usize]).collect();
        (
            PointMasks::new(point_masks),
            HoursIndex::new(hours, point_hours),
        )
    }

    /// The summaries and subsets made from the points' masks and hours, with
    /// `two_threads` the rare values' trees on one thread and the rest on the other.
    fn finish(
        masks: PointMasks,
        hours: HoursIndex,
        tree: &Tree,
        points: &Coordinates,
        two_threads: bool,
    ) -> Filters {
        let (rare, (nodes, quiet, remote)) = parallel::join(
            two_threads,
            || RareValues::new(points, &masks, &hours),
            || {
                let nodes = Summaries::new(tree, &masks, &hours, |pos| pos);
                let quiet = Some(hours.quiet_positions())
                    .filter(|p| !p.is_empty())
                    .map(|p| SubTree::new(points, &p, &masks, &hours));
                let remote: Vec<u32> = (0..masks.points().len() as u32)
                    .filter(|&pos| gives_remote_help(masks.points()[pos as usize]))
                    .collect();
                let remote =
                    (!remote.is_empty()).then(|| SubTree::new(points, &remote, &masks, &hours));
                (nodes, quiet, remote)
            },
        );
        Filters {
            masks,
            hours,
            nodes,
            rare,
            quiet,
            remote,
        }
    }

    /// A subset's tree with the summaries of its nodes.
    pub(crate) fn view<'a>(&'a self, t: &'a SubTree) -> View<'a> {
        View {
            tree: &t.tree,
            main: &t.main,
            nodes: &t.nodes,
            filters: self,
        }
    }

    /// Heap bytes.
    fn memory_bytes(&self) -> usize {
        self.masks.memory_bytes()
            + self.hours.memory_bytes()
            + self.nodes.memory_bytes()
            + self.rare.memory_bytes()
            + self.quiet.as_ref().map_or(0, SubTree::memory_bytes)
            + self.remote.as_ref().map_or(0, SubTree::memory_bytes)
    }
}

impl HelpIndex {
    /// The fewest places [`HelpIndex::build_parallel`] builds on two threads: below, a
    /// thread costs more than it saves.
    pub const MIN_PARALLEL_BUILD: usize = 8_192;

    /// Builds the index (bulk load, O(n log n)) on the calling thread. Places without
    /// coordinates are kept in [`HelpIndex::places`] but never returned by a query.
    ///
    /// The build reads the places' positions and orders the tree, which is all a query
    /// without filter needs. The tables of the filters (criteria masks, opening hours, the
    /// subsets of rare values and quiet hours, remote help) are built by the first query
    /// that has a filter, and those of [`HelpIndex::places_of_commune`] by the first lookup;
    /// each once, whichever thread comes first (the others wait for it). Call
    /// [`HelpIndex::prepare`] to build them now, for example before a server takes
    /// requests. At 100,000 places the build takes about twice kiddo's and the tables as
    /// much again (README, "Nearest help").
    ///
    /// Fails only with more than 2³² − 2 places.
    pub fn build(places: impl IntoIterator<Item = Place>) -> Result<HelpIndex, GeoError> {
        HelpIndex::build_parallel(places, NonZeroUsize::MIN)
    }

    /// [`HelpIndex::build`] on two threads (the calling one and one more) when `threads` is 2
    /// or more and there are at least [`HelpIndex::MIN_PARALLEL_BUILD`] places, with every
    /// table built at once: one thread reads the places' opening hours, criteria and codes
    /// INSEE while the other reads their positions and splits the tree's root; then each
    /// orders and boxes one half of the tree, then builds half of the tables. The index
    /// answers as [`HelpIndex::build`]'s, whatever the number of threads, and holds the same
    /// tables once they are built (a test compares them); the work is cut in two, so more
    /// threads are not used. When the system cannot make a thread, everything runs on the
    /// calling one. On one thread (or fewer places), this is [`HelpIndex::build`], tables
    /// built on first use.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use inclusion_geo::{HelpFilter, HelpIndex};
    /// use inclusion_model::{Address, Coordinates, Place};
    /// use chrono::NaiveDate;
    ///
    /// let places: Vec<Place> = (0..20_000)
    ///     .map(|i| {
    ///         let mut p = Place::new(format!("{i:05}"), "00000000000000", "Lieu",
    ///             Address::new("1 rue A", "38000", "Grenoble"),
    ///             NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    ///         let (lat, lon) = (43.0 + (i % 100) as f64 * 0.05, 1.0 + (i / 100) as f64 * 0.03);
    ///         p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
    ///         p
    ///     })
    ///     .collect();
    /// let threads = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    /// let index = HelpIndex::build_parallel(places.clone(), threads)?;
    /// let alone = HelpIndex::build(places)?;
    /// let (a, b) = (
    ///     index.nearest(45.19, 5.72, 3, &HelpFilter::default())?,
    ///     alone.nearest(45.19, 5.72, 3, &HelpFilter::default())?,
    /// );
    /// assert_eq!(a, b);
    /// # Ok::<(), inclusion_geo::GeoError>(())
    /// ```
    pub fn build_parallel(
        places: impl IntoIterator<Item = Place>,
        threads: NonZeroUsize,
    ) -> Result<HelpIndex, GeoError> {
        let mut places: Vec<Place> = places.into_iter().collect();
        if places.len() >= u32::MAX as usize {
            return Err(GeoError::TooManyPlaces(places.len()));
        }
        let two = threads.get() >= 2 && places.len() >= HelpIndex::MIN_PARALLEL_BUILD;
        // The positions and the root's split; on two threads, the labels beside them. `None`
        // when the places are not sorted by `id` (checked while the positions are read).
        let read = |places: &[Place]| {
            let positions = || {
                Positions::read(places).map(|p| {
                    let ordering = Ordering::split_root(&p.xyz);
                    (p, ordering)
                })
            };
            if !two {
                return positions().map(|(p, ordering)| (p, None, ordering));
            }
            let (labels, positions) =
                parallel::join(true, || Labels::read::<true, true>(places), positions);
            positions.map(|(p, ordering)| (p, Some(labels), ordering))
        };
        // Places usually come sorted by `id`; when they do not, they are sorted and read
        // again.
        let (positions, labels, ordering) = match read(&places) {
            Some(read) => read,
            None => {
                sort_by_id(&mut places);
                read(&places).unwrap_or_default()
            }
        };
        let Positions { xyz, numbers } = positions;
        let (tree, order, in_order) = ordering.finish(&xyz, two);
        drop(xyz);
        let in_tree_order = || order.iter().map(|&i| numbers[i as usize]);
        let Some(labels) = labels else {
            let points = Coordinates::in_tree_order(&in_order, in_tree_order().collect());
            return Ok(HelpIndex {
                places,
                tree,
                points,
                filters: OnceLock::new(),
                communes: OnceLock::new(),
            });
        };
        let Labels {
            hours,
            hours_ids,
            masks,
            insee,
        } = labels;
        let n_places = places.len();
        // Two sides: the points' positions and the codes INSEE; their criteria and hours.
        let ((points, communes), (point_masks, point_hours)) = parallel::join(
            two,
            || {
                let points = Coordinates::in_tree_order(&in_order, in_tree_order().collect());
                drop(in_order);
                let communes = Communes::new(insee, &points, n_places);
                (points, communes)
            },
            || Filters::gather(hours, &hours_ids, &masks, in_tree_order()),
        );
        drop((masks, hours_ids));
        let filters = Filters::finish(point_masks, point_hours, &tree, &points, two);
        Ok(HelpIndex {
            places,
            tree,
            points,
            filters: OnceLock::from(filters),
            communes: OnceLock::from(communes),
        })
    }

    /// Builds now, on the calling thread, the tables that a build on one thread leaves to
    /// the first query that needs them ([`HelpIndex::build`]): those of the filters and of
    /// the commune lookup. Nothing is done for tables already built. Queries answer the same
    /// with or without it; it only moves the tables' cost (a few milliseconds at 100,000
    /// places) from the first filtered query to now.
    ///
    /// ```
    /// use inclusion_geo::HelpIndex;
    /// use inclusion_model::{Address, Coordinates, Place};
    /// use chrono::NaiveDate;
    ///
    /// let mut p = Place::new("m1", "00000000000000", "Médiathèque",
    ///     Address::new("1 rue A", "38000", "Grenoble"), NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// p.coordinates = Some(Coordinates::new(45.19, 5.72).unwrap());
    /// let index = HelpIndex::build([p])?;
    /// let tree_only = index.index_bytes();
    /// index.prepare();
    /// assert!(index.index_bytes() > tree_only);
    /// # Ok::<(), inclusion_geo::GeoError>(())
    /// ```
    pub fn prepare(&self) {
        if self.filters.get().is_none() && self.communes.get().is_none() {
            // Both: the places read once for the two.
            let labels = Labels::read::<true, true>(&self.places);
            self.filters
                .get_or_init(|| self.filters_of(labels.hours, &labels.hours_ids, &labels.masks));
            self.communes
                .get_or_init(|| Communes::new(labels.insee, &self.points, self.places.len()));
        }
        self.filters();
        self.communes();
    }

    /// The tables of the filters from the places' labels.
    fn filters_of(&self, hours: HoursTable, hours_ids: &[u32], masks: &[u64]) -> Filters {
        let in_tree_order = (0..self.len() as u32).map(|pos| self.points.place(pos));
        let (masks, hours) = Filters::gather(hours, hours_ids, masks, in_tree_order);
        Filters::finish(masks, hours, &self.tree, &self.points, false)
    }

    /// The tables of the filters, built now when this is their first use.
    pub(crate) fn filters(&self) -> &Filters {
        self.filters.get_or_init(|| {
            let labels = Labels::read::<true, false>(&self.places);
            self.filters_of(labels.hours, &labels.hours_ids, &labels.masks)
        })
    }

    /// The tables of the commune lookup, built now when this is their first use.
    fn communes(&self) -> &Communes {
        self.communes.get_or_init(|| {
            let insee = Labels::read::<false, true>(&self.places).insee;
            Communes::new(insee, &self.points, self.places.len())
        })
    }

    /// Every place given to [`HelpIndex::build`], sorted by `id`; [`Hit::place`] is a position
    /// in this slice.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place of a hit.
    ///
    /// # Panics
    /// If the hit does not come from this index (its position is out of range).
    pub fn place(&self, hit: &Hit) -> &Place {
        &self.places[hit.place]
    }

    /// The positions in [`HelpIndex::places`] of the places whose `code_insee` is `code`
    /// (spaces around either and case ignored), in `id` order; with or without coordinates.
    /// Only well-formed codes (5 letters or digits) are indexed: any other code finds nothing.
    ///
    /// ```
    /// use inclusion_geo::HelpIndex;
    /// use inclusion_model::{Address, Place};
    /// use chrono::NaiveDate;
    ///
    /// let place = |id: &str, insee: &str| {
    ///     let mut a = Address::new("1 rue A", "38000", "Grenoble");
    ///     a.insee_code = Some(insee.into());
    ///     Place::new(id, "00000000000000", id, a, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap())
    /// };
    /// let index = HelpIndex::build([place("b", "38185"), place("a", "38185"), place("c", "38421")])?;
    /// let ids: Vec<&str> = index.places_of_commune("38185").map(|i| index.places()[i].id.as_str()).collect();
    /// assert_eq!(ids, ["a", "b"]);
    /// # Ok::<(), inclusion_geo::GeoError>(())
    /// ```
    pub fn places_of_commune(&self, code: &str) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.commune_entries(code)
            .iter()
            .map(|&e| self.entry_place(e))
    }

    /// The entries of [`HelpIndex::by_insee`] of a code INSEE.
    pub(crate) fn commune_entries(&self, code: &str) -> &[u32] {
        let Some(key) = insee_key(code) else {
            return &[];
        };
        let communes = self.communes();
        let start = communes.first_entry(self, key, false);
        let end = communes.first_entry(self, key, true);
        &communes.by_insee[start..end]
    }

    /// The place of an entry of [`HelpIndex::by_insee`].
    pub(crate) fn entry_place(&self, entry: u32) -> usize {
        match self.entry_point(entry) {
            Some(pos) => self.points.place(pos) as usize,
            None => (entry - self.len() as u32) as usize,
        }
    }

    /// The main-tree position of an entry of [`HelpIndex::by_insee`], when the place has
    /// coordinates.
    pub(crate) fn entry_point(&self, entry: u32) -> Option<u32> {
        ((entry as usize) < self.len()).then_some(entry)
    }

    /// How many places are indexed (those with coordinates).
    pub fn len(&self) -> usize {
        self.tree.len()
    }

    /// Whether no place has coordinates.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Heap memory of the index itself in bytes, not counting the places: the tree (unit
    /// vectors, place numbers, node boxes) and the tables built so far (see
    /// [`HelpIndex::build`]): the criteria masks of points and nodes, the opening hours (each
    /// point's entry, the table of distinct hours, node summaries), the subsets (rare values,
    /// quiet hours, remote help) and the codes INSEE. Call [`HelpIndex::prepare`] first for
    /// the memory of the whole index.
    pub fn index_bytes(&self) -> usize {
        self.tree.memory_bytes()
            + self.points.memory_bytes()
            + self.filters.get().map_or(0, Filters::memory_bytes)
            + self.communes.get().map_or(0, Communes::memory_bytes)
    }

    /// Whether a place is open at an instant, by its `horaires` in its own time zone (from
    /// its postcode and code INSEE), or `None` when it has no parseable opening hours.
    pub fn is_open_at(&self, hit: &Hit, at: DateTime<Utc>) -> Option<bool> {
        let place = self.places.get(hit.place)?;
        let hours = place.opening_hours.as_ref().filter(|h| h.is_valid())?;
        Some(hours.is_open_at(at, place.hours_locale()))
    }

    /// A hit as a self-contained answer: the place's id, name, position, distance, whether it
    /// is open at `at` with its next change of state (both `None` without parseable hours),
    /// its address, contact, booking link and opening hours as written.
    ///
    /// ```
    /// use inclusion_geo::{HelpFilter, HelpIndex};
    /// use inclusion_model::{Address, Coordinates, OpeningHours, Place};
    /// use chrono::{NaiveDate, TimeZone, Utc};
    ///
    /// let mut p = Place::new("m1", "00000000000000", "Médiathèque", Address::new("1 rue A", "38000", "Grenoble"),
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// p.coordinates = Some(Coordinates::new(45.19, 5.72).unwrap());
    /// p.opening_hours = Some(OpeningHours::new("Mo-Fr 09:00-12:00"));
    /// let index = HelpIndex::build([p]).unwrap();
    /// let hit = index.nearest(45.2, 5.7, 1, &HelpFilter::default()).unwrap()[0];
    /// // Tuesday 2026-12-01, 10:00 in Grenoble.
    /// let answer = index.describe(&hit, Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()).unwrap();
    /// assert_eq!(answer.open, Some(true));
    /// assert_eq!(answer.next_change.unwrap().to_rfc3339(), "2026-12-01T12:00:00+01:00");
    /// let json = serde_json::to_value(&answer).unwrap();
    /// assert_eq!(json["nom"], "Médiathèque");
    /// assert_eq!((json["adresse"].as_str(), json["commune"].as_str()), (Some("1 rue A"), Some("Grenoble")));
    /// assert_eq!(json["horaires"], "Mo-Fr 09:00-12:00");
    /// ```
    ///
    /// `None` when the hit does not come from this index (its position is out of range).
    pub fn describe(&self, hit: &Hit, at: DateTime<Utc>) -> Option<NearbyPlace> {
        let place = self.places.get(hit.place)?;
        let (latitude, longitude) = place
            .coordinates
            .map_or((f64::NAN, f64::NAN), |c| (c.latitude(), c.longitude()));
        let hours = place.opening_hours.as_ref().filter(|h| h.is_valid());
        let locale = place.hours_locale();
        Some(NearbyPlace {
            id: place.id.to_string(),
            name: place.name.to_string(),
            distance_m: hit.distance_m,
            latitude,
            longitude,
            open: hours.map(|h| h.is_open_at(at, locale)),
            next_change: hours
                .and_then(|h| h.next_change(at, locale))
                .map(|c| c.at.fixed_offset()),
            details: PlaceDetails::of(place),
        })
    }

    /// The `k` nearest places to a position that pass `filter`.
    pub fn nearest(
        &self,
        latitude: f64,
        longitude: f64,
        k: usize,
        filter: &HelpFilter,
    ) -> Result<Vec<Hit>, GeoError> {
        check_position(latitude, longitude)?;
        if k == 0 {
            return Err(GeoError::ZeroK);
        }
        Ok(self.answer(latitude, longitude, Some(k), None, filter))
    }

    /// Every place within `radius_m` metres of a position that passes `filter`, nearest first.
    pub fn within(
        &self,
        latitude: f64,
        longitude: f64,
        radius_m: f64,
        filter: &HelpFilter,
    ) -> Result<Vec<Hit>, GeoError> {
        self.query(&HelpQuery::within(latitude, longitude, radius_m).filter(filter.clone()))
    }

    /// Answers a query: places sorted by distance, ties broken by `id`. A bad query (see
    /// [`HelpQuery::validate`]) is an error; a query that matches nothing is an empty list.
    pub fn query(&self, query: &HelpQuery) -> Result<Vec<Hit>, GeoError> {
        query.validate()?;
        Ok(self.answer(
            query.latitude,
            query.longitude,
            query.k,
            query.max_distance_m.map(|_| query.max_distance()),
            &query.filter,
        ))
    }

    /// A valid query's answer.
    fn answer(
        &self,
        latitude: f64,
        longitude: f64,
        k: Option<usize>,
        max_m: Option<f64>,
        filter: &HelpFilter,
    ) -> Vec<Hit> {
        let q = unit_vector(latitude, longitude);
        let max_d2 = max_m.map_or(f64::MAX, metres_to_chord2);
        let masks = filter.criteria.masks();
        let mut open = filter.open_at.map(OpenAt::new);
        let mut found = Vec::with_capacity(k.unwrap_or(16).min(1024));
        self.search(&q, k, max_d2, &masks, open.as_mut(), &mut found);
        // The distance comes from the chord itself (no access to the places): it agrees with
        // the haversine formula to about 1e-9 m, see `sphere`.
        found
            .into_iter()
            .map(|(d2, pos)| self.hit(d2, pos))
            .collect()
    }

    /// The hit of a point found at chord² `d2`, tree position `pos`.
    #[inline]
    pub(crate) fn hit(&self, d2: f64, pos: u32) -> Hit {
        Hit {
            place: self.points.place(pos) as usize,
            distance_m: chord2_to_metres(d2),
        }
    }

    /// The search of one query, into `out` as `(chord², main-tree position)` in answer
    /// order: the `k` nearest (or, without `k`, every place) within chord² `max_d2` that pass
    /// `masks` and, with `open`, are open at its instant.
    ///
    /// The trees searched: the subsets of a rare criteria value when the criteria need one
    /// (only their places can pass); else, at a quiet hour, the quiet subset then the main tree
    /// for the other places within the bound found; else the main tree.
    pub(crate) fn search(
        &self,
        q: &[f64; 3],
        k: Option<usize>,
        max_d2: f64,
        masks: &CriteriaMasks,
        mut open: Option<&mut OpenAt>,
        out: &mut Vec<Found>,
    ) {
        out.clear();
        if self.is_empty() {
            return;
        }
        // Asking for at least every place: collect them all, then sort (no k-best buffer).
        let k = k.filter(|&k| k < self.len());
        if masks.is_empty() && open.is_none() {
            // No filter: the tree and its points alone, without the filters' tables.
            search_points(&self.tree, &self.points, q, k, max_d2, None, None, out);
            return;
        }
        let filters = self.filters();
        if !filters.masks.may_match(masks) || (open.is_some() && filters.hours.is_empty()) {
            return;
        }
        let rare = if masks.any.is_empty() {
            None
        } else {
            filters.rare.covering(&masks.any)
        };
        if let Some(bits) = rare {
            let mut subsets = (0..64)
                .filter(|b| bits & (1 << b) != 0)
                .filter_map(|b| filters.rare.subset(b));
            if bits.count_ones() == 1 {
                if let Some(subset) = subsets.next() {
                    self.search_in(filters.view(subset), q, k, max_d2, masks, open, false, out);
                }
                return;
            }
            // Several values: the union of their subsets (a place may be in several).
            let mut part = Vec::new();
            let mut bound = max_d2;
            for subset in subsets {
                let at = open.as_deref_mut();
                self.search_in(
                    filters.view(subset),
                    q,
                    k,
                    bound,
                    masks,
                    at,
                    false,
                    &mut part,
                );
                out.extend_from_slice(&part);
                sort_found(&self.points, out);
                out.dedup_by_key(|f| f.1);
                if let Some(k) = k {
                    out.truncate(k);
                    if out.len() == k {
                        bound = out[k - 1].0;
                    }
                }
            }
            return;
        }
        let main = self.main_view(filters);
        // A quiet hour: the places that may be open are in a small subset, but for places of
        // other locales whose hour is not quiet.
        if let (Some(at), Some(quiet)) = (open.as_deref_mut(), &filters.quiet)
            && filters.hours.quiet_at(at)
        {
            self.search_in(
                filters.view(quiet),
                q,
                k,
                max_d2,
                masks,
                Some(&mut *at),
                false,
                out,
            );
            let bound = match k {
                Some(k) if out.len() == k => out[k - 1].0,
                _ => max_d2,
            };
            let mut rest = Vec::new();
            self.search_in(main, q, k, bound, masks, Some(at), true, &mut rest);
            if !rest.is_empty() {
                out.extend_from_slice(&rest);
                sort_found(&self.points, out);
                if let Some(k) = k {
                    out.truncate(k);
                }
            }
            return;
        }
        self.search_in(main, q, k, max_d2, masks, open, false, out);
    }

    /// The main tree with the summaries of its nodes.
    pub(crate) fn main_view<'a>(&'a self, filters: &'a Filters) -> View<'a> {
        View {
            tree: &self.tree,
            main: &[],
            nodes: &filters.nodes,
            filters,
        }
    }

    /// [`HelpIndex::search`] among the places that give help at a distance only (their own
    /// tree).
    pub(crate) fn search_remote(
        &self,
        q: &[f64; 3],
        k: Option<usize>,
        max_d2: f64,
        masks: &CriteriaMasks,
        open: Option<&mut OpenAt>,
        out: &mut Vec<Found>,
    ) {
        out.clear();
        let filters = self.filters();
        let Some(remote) = &filters.remote else {
            return;
        };
        if open.is_some() && filters.hours.is_empty() {
            return;
        }
        let k = k.filter(|&k| k < remote.len());
        self.search_in(filters.view(remote), q, k, max_d2, masks, open, false, out);
    }

    /// The search of one tree (the main tree or a subset) with the filter of its summaries;
    /// `out` gets main-tree positions. With `outside_quiet`, only the places outside the
    /// quiet subset.
    #[allow(clippy::too_many_arguments)] // the parts of one query, passed down once
    pub(crate) fn search_in(
        &self,
        t: View,
        q: &[f64; 3],
        k: Option<usize>,
        max_d2: f64,
        masks: &CriteriaMasks,
        open: Option<&mut OpenAt>,
        outside_quiet: bool,
        out: &mut Vec<Found>,
    ) {
        let criteria = (!masks.is_empty()).then_some(MaskFilter {
            masks,
            points: t.filters.masks.points(),
            nodes: &t.nodes.masks,
        });
        let open = open.map(|at| OpenPart {
            at,
            hours: &t.filters.hours,
            nodes: &t.nodes.hours,
            outside_quiet,
        });
        if t.main.is_empty() {
            search_points(t.tree, &self.points, q, k, max_d2, criteria, open, out);
        } else {
            let points = Gathered {
                all: &self.points,
                positions: t.main,
            };
            search_points(t.tree, &points, q, k, max_d2, criteria, open, out);
            for found in out.iter_mut() {
                found.1 = t.main[found.1 as usize];
            }
        }
    }
}

/// The "open at" part of a query, as one tree's search needs it: its instant, the points'
/// hours, the tree's nodes' summaries, and whether only places outside the quiet subset are
/// wanted.
struct OpenPart<'a, 'q> {
    at: &'q mut OpenAt,
    hours: &'a HoursIndex,
    nodes: &'a [HoursSummary],
    outside_quiet: bool,
}

/// [`HelpIndex::search_in`] for one kind of points, with the filters of the query.
#[allow(clippy::too_many_arguments)] // the parts of one query, passed down once
#[inline(always)]
fn search_points(
    tree: &Tree,
    points: &impl Points,
    q: &[f64; 3],
    k: Option<usize>,
    max_d2: f64,
    criteria: Option<MaskFilter>,
    open: Option<OpenPart>,
    out: &mut Vec<Found>,
) {
    fn run<F: Filter>(
        tree: &Tree,
        points: &impl Points,
        q: &[f64; 3],
        k: Option<usize>,
        max_d2: f64,
        f: &mut F,
        out: &mut Vec<Found>,
    ) {
        match k {
            Some(k) => tree.nearest(points, q, k, max_d2, f, out),
            None => tree.within(points, q, max_d2, f, out),
        }
    }
    match (open, criteria) {
        (Some(open), criteria) => {
            let mut f = OpenFilter {
                criteria,
                hours: open.hours,
                nodes: open.nodes,
                at: open.at,
                outside_quiet: open.outside_quiet,
            };
            run(tree, points, q, k, max_d2, &mut f, out)
        }
        (None, Some(mut f)) => run(tree, points, q, k, max_d2, &mut f, out),
        (None, None) => run(tree, points, q, k, max_d2, &mut Everything, out),
    }
}

/// Whether an entry of key `k` comes before the first one [`Communes::first_entry`] looks
/// for: the first above `key` (`above`), or the first not below it.
fn before(k: u32, key: u32, above: bool) -> bool {
    if above { k <= key } else { k < key }
}

/// One key of `by_insee` ([`Communes`]) in this many is kept.
const INSEE_SAMPLE: usize = 16;

impl Communes {
    /// The tables of the pairs (key, place number) of the places with a code INSEE, in
    /// place-number order; `points` are the main tree's.
    fn new(insee: Vec<(u32, u32)>, points: &Coordinates, n_places: usize) -> Communes {
        // Sorted by key then place number; places with coordinates by their main-tree position.
        let insee = sort_by_key(insee);
        let n_points = points.len() as u32;
        let mut point_of = vec![u32::MAX; n_places];
        for pos in 0..n_points {
            point_of[points.place(pos) as usize] = pos;
        }
        let insee_keys = insee
            .iter()
            .step_by(INSEE_SAMPLE)
            .map(|&(k, _)| k)
            .collect();
        let (insee_splits, insee_deltas) = insee_deltas(&insee);
        // Not collected in place: that would keep the 8-byte pairs' allocation.
        let mut by_insee = Vec::with_capacity(insee.len());
        by_insee.extend(insee.iter().map(|&(_, i)| match point_of[i as usize] {
            u32::MAX => n_points + i,
            pos => pos,
        }));
        Communes {
            by_insee,
            insee_keys,
            insee_splits,
            insee_deltas,
        }
    }

    /// Heap bytes.
    fn memory_bytes(&self) -> usize {
        (self.by_insee.capacity() + self.insee_keys.capacity() + self.insee_splits.capacity())
            * size_of::<u32>()
            + self.insee_deltas.capacity()
    }

    /// The first entry of `by_insee` whose key is above `key` (`above`) or not
    /// below it (keys ascend): among the sampled keys, then by the deltas of the block's part
    /// that holds it.
    fn first_entry(&self, index: &HelpIndex, key: u32, above: bool) -> usize {
        let block = self.insee_keys.partition_point(|&k| before(k, key, above));
        // Entry `block × S` is not before (or is the end); entry `(block − 1) × S` is, so
        // its key is at most `key`.
        let Some(first) = block.checked_sub(1) else {
            return 0;
        };
        let lo = first * INSEE_SAMPLE;
        let hi = (block * INSEE_SAMPLE).min(self.by_insee.len());
        let split = self.insee_splits[first];
        let mid = (lo + (split >> KEY_BITS) as usize).min(hi);
        let second = split & ((1 << KEY_BITS) - 1);
        if mid < hi && before(second, key, above) {
            self.first_in(index, mid..hi, second, key, above)
        } else {
            self.first_in(index, lo..mid, self.insee_keys[first], key, above)
        }
    }

    /// [`Communes::first_entry`] within `range`, whose entries' deltas count from `base`
    /// (at most `key`); the answer is the range's end at the latest.
    fn first_in(
        &self,
        index: &HelpIndex,
        range: std::ops::Range<usize>,
        base: u32,
        key: u32,
        above: bool,
    ) -> usize {
        let deltas = &self.insee_deltas[range.clone()];
        match u8::try_from(key.saturating_sub(base))
            .ok()
            .filter(|&d| d < FAR)
        {
            Some(d) => range.start + deltas.partition_point(|&x| before(x.into(), d.into(), above)),
            None => {
                // Entries under FAR are below the key; the others are read.
                let from = range.start + deltas.partition_point(|&x| x < FAR);
                let key_of = |e: u32| {
                    index.places[index.entry_place(e)]
                        .address
                        .insee_code
                        .as_deref()
                        .and_then(insee_key)
                        .unwrap_or(u32::MAX)
                };
                from + self.by_insee[from..range.end]
                    .partition_point(|&e| before(key_of(e), key, above))
            }
        }
    }
}

/// The second bases of the blocks of [`INSEE_SAMPLE`] keys and the deltas of the keys
/// (sorted).
fn insee_deltas(insee: &[(u32, u32)]) -> (Vec<u32>, Vec<u8>) {
    let far = u32::from(FAR);
    let delta = |distance: u32| u8::try_from(distance).unwrap_or(FAR);
    let mut splits = Vec::with_capacity(insee.len().div_ceil(INSEE_SAMPLE));
    let mut deltas = Vec::with_capacity(insee.len());
    for block in insee.chunks(INSEE_SAMPLE) {
        let base = block.first().map_or(0, |&(k, _)| k);
        let split = block
            .iter()
            .position(|&(k, _)| k - base >= far)
            .unwrap_or(block.len());
        let second = block.get(split).map_or(0, |&(k, _)| k);
        splits.push(((split as u32) << KEY_BITS) | second);
        deltas.extend(block[..split].iter().map(|&(k, _)| delta(k - base)));
        deltas.extend(block[split..].iter().map(|&(k, _)| delta(k - second)));
    }
    (splits, deltas)
}

/// A code INSEE (5 letters or digits, case ignored, spaces around ignored) packed in base 36;
/// `None` for anything else.
fn insee_key(code: &str) -> Option<u32> {
    // Five bytes are trimmed already, or refused either way (white space is no letter).
    let code = if code.len() == 5 { code } else { code.trim() };
    if code.len() != 5 {
        return None;
    }
    code.bytes().try_fold(0u32, |acc, b| {
        let digit = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'z' => b - b'a' + 10,
            b'A'..=b'Z' => b - b'A' + 10,
            _ => return None,
        };
        Some(acc * 36 + u32::from(digit))
    })
}

#[cfg(test)]
mod insee_key_tests {
    use super::insee_key;

    #[test]
    fn keys_keep_the_order_of_codes_and_refuse_the_malformed() {
        let codes = [
            "01001", "09999", "2A004", "2B033", "38185", "97411", "98818",
        ];
        let keys: Vec<u32> = codes.iter().map(|c| insee_key(c).unwrap()).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(insee_key(" 2a004 "), insee_key("2A004"));
        assert_eq!(insee_key("3818"), None);
        assert_eq!(insee_key("38-85"), None);
        assert_eq!(insee_key("381850"), None);
        // Five bytes with white space: refused as their trimmed text is.
        for code in [
            " 3818",
            "3818 ",
            "38 85",
            "\t3818",
            "\u{a0}381",
            "2A\u{a0}0",
        ] {
            assert_eq!(insee_key(code), None, "{code:?}");
        }
        assert_eq!(insee_key("\u{a0}38185\u{a0}"), insee_key("38185"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};
    use inclusion_model::{Address, Coordinates, Criteria, HoursCache, OpeningHours, Service};

    proptest::proptest! {
        /// The counting sort gives the order of a stable sort by key, for keys over all of
        /// [`KEY_BITS`] (both halves) and clustered ones (equal keys, place numbers kept in
        /// order).
        #[test]
        fn sort_by_key_is_a_stable_sort_by_key(
            keys in proptest::collection::vec(
                proptest::prop_oneof![0u32..(1 << KEY_BITS), 0u32..4, (1u32 << 13) - 2..(1 << 13) + 2],
                0..400,
            )
        ) {
            let pairs: Vec<(u32, u32)> = keys.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
            let mut expected = pairs.clone();
            expected.sort_by_key(|&(k, _)| k);
            proptest::prop_assert_eq!(sort_by_key(pairs), expected);
        }

        /// Places sorted by id as the standard library's stable sort does, equal ids in
        /// their order (told apart by their names), whatever the permutation's cycles.
        #[test]
        fn sort_by_id_is_a_stable_sort_by_id(
            ids in proptest::collection::vec(0u8..12, 0..200),
        ) {
            let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
            let mut places: Vec<Place> = ids
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let address = Address::new("1 rue A", "38000", "Grenoble");
                    Place::new(format!("p{id:02}"), "00000000000000", format!("{i}"), address, day)
                })
                .collect();
            let mut expected = places.clone();
            expected.sort_by(|a, b| a.id.cmp(&b.id));
            sort_by_id(&mut places);
            let key = |p: &Place| (p.id.clone(), p.name.clone());
            proptest::prop_assert_eq!(
                places.iter().map(key).collect::<Vec<_>>(),
                expected.iter().map(key).collect::<Vec<_>>()
            );
        }
    }

    /// Everything the index holds but the places, as text, its tables built.
    fn inside(index: &HelpIndex) -> String {
        index.prepare();
        let HelpIndex {
            places,
            tree,
            points,
            filters,
            communes,
        } = index;
        let ids: Vec<&str> = places.iter().map(|p| p.id.as_str()).collect();
        let (filters, communes) = (filters.get().unwrap(), communes.get().unwrap());
        format!("{ids:?} {tree:?} {points:?} {filters:?} {communes:?}")
    }

    #[test]
    fn two_threads_build_the_same_index_sorted_or_not() {
        let two = NonZeroUsize::new(2).unwrap();
        let mut all = places(HelpIndex::MIN_PARALLEL_BUILD + 1000);
        // Some without coordinates or code INSEE, as in real files.
        for p in all.iter_mut().step_by(7) {
            p.coordinates = None;
        }
        for p in all.iter_mut().step_by(5) {
            p.address.insee_code = None;
        }
        // Texts and locales met late, hours that cannot be evaluated, places without hours,
        // texts not shared.
        let half = all.len() / 2;
        for (i, p) in all.iter_mut().enumerate().skip(half + 1) {
            let (postcode, text) = match i % 6 {
                0 => ("67000", "Mo-Sa 10:00-18:00; SH off"),
                1 => ("97110", "Tu-Fr 14:00-19:00"),
                2 => ("38000", "not hours at all"),
                3 => ("97400", "Mo-Fr 09:00-17:00"),
                _ => continue,
            };
            p.address.postcode = postcode.into();
            p.opening_hours = (i % 5 != 0).then(|| OpeningHours::new(text));
        }
        let one = HelpIndex::build(all.clone()).unwrap();
        let both = HelpIndex::build_parallel(all.clone(), two).unwrap();
        assert_eq!(inside(&one), inside(&both));
        all.reverse();
        let reversed = HelpIndex::build_parallel(all, two).unwrap();
        assert_eq!(inside(&one), inside(&reversed));
    }

    /// A one-thread build leaves its tables to the first query that needs them: a query
    /// without filter builds none, a filtered one builds them, once, whichever thread comes
    /// first; the answers are those of an index whose tables were built at once.
    #[test]
    fn tables_are_built_on_first_use_and_answer_as_prepared() {
        let mut all = places(3000);
        for p in all.iter_mut().step_by(3) {
            p.address.insee_code = Some("38185".into());
        }
        let lazy = HelpIndex::build(all.clone()).unwrap();
        let prepared = HelpIndex::build(all).unwrap();
        prepared.prepare();
        let tree_only = lazy.index_bytes();
        assert!(tree_only < prepared.index_bytes());
        let none = HelpFilter::default();
        assert_eq!(
            lazy.nearest(45.6, 5.6, 5, &none).unwrap(),
            prepared.nearest(45.6, 5.6, 5, &none).unwrap()
        );
        assert_eq!(
            lazy.index_bytes(),
            tree_only,
            "a query without filter built tables"
        );
        // A commune search without filter builds the commune lookup only.
        let search = crate::CommuneSearch::new(45.19, 5.72)
            .insee_code("38185")
            .k(3);
        assert_eq!(
            lazy.search_commune(&search).unwrap(),
            prepared.search_commune(&search).unwrap()
        );
        assert!(
            lazy.filters.get().is_none(),
            "a search without filter built the filters"
        );
        assert!(lazy.communes.get().is_some());
        assert!(lazy.index_bytes() > tree_only);
        assert!(lazy.index_bytes() < prepared.index_bytes());
        let at = Utc.with_ymd_and_hms(2026, 12, 7, 18, 30, 0).unwrap();
        let filters = [
            HelpFilter::default().services([Service::AffordableEquipment]),
            HelpFilter::default().open_at(at),
        ];
        std::thread::scope(|s| {
            for t in 0..3 {
                let (lazy, prepared, filters) = (&lazy, &prepared, &filters);
                s.spawn(move || {
                    for i in 0..50 {
                        let (lat, lon) = (45.0 + (i + t) as f64 / 100.0, 5.0 + i as f64 / 60.0);
                        for f in filters {
                            assert_eq!(
                                lazy.nearest(lat, lon, 4, f).unwrap(),
                                prepared.nearest(lat, lon, 4, f).unwrap()
                            );
                        }
                    }
                });
            }
        });
        // Every table now.
        assert!(lazy.filters.get().is_some());
        assert_eq!(lazy.places_of_commune("38185").len(), 1000);
        assert_eq!(lazy.index_bytes(), prepared.index_bytes());
        assert_eq!(inside(&lazy), inside(&prepared));
    }

    /// Places open in office hours (a few in the evening, some only exactly known), with a
    /// service held by 1% of them.
    fn places(n: usize) -> Vec<Place> {
        let date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut cache = HoursCache::new();
        (0..n)
            .map(|i| {
                let mut p = Place::new(
                    format!("p{i:05}"),
                    "00000000000000",
                    "Lieu",
                    Address::new("-", if i % 10 == 0 { "97400" } else { "38000" }, "-"),
                    date,
                );
                let (lat, lon) = if i % 10 == 0 {
                    (-21.1, 55.5)
                } else {
                    (45.5, 5.5)
                };
                let (a, b) = ((i * 7919 % 1000) as f64, (i * 104_729 % 1000) as f64);
                p.coordinates = Coordinates::new(lat + a / 2000.0, lon + b / 2000.0).ok();
                let hours = match i % 50 {
                    0 => "Mo-Fr 18:00-21:00",
                    1 => "Mo-Fr 09:00-19:00; Dec 25 off",
                    2..=20 => "Mo-Fr 09:00-12:00,14:00-18:00; PH off",
                    _ => "Mo-Fr 09:00-17:00",
                };
                p.opening_hours = Some(cache.get(hours));
                if i % 100 == 7 {
                    p.services.push(Service::AffordableEquipment);
                }
                p
            })
            .collect()
    }

    /// The searches through subsets give what the main tree alone gives.
    #[test]
    fn subsets_answer_as_the_main_tree_alone() {
        let index = HelpIndex::build(places(4000)).unwrap();
        let rare = Criteria::default()
            .services([Service::AffordableEquipment])
            .masks();
        let filters = index.filters();
        assert!(filters.rare.covering(&rare.any).is_some());
        assert!(filters.quiet.is_some());
        let none = Criteria::default().masks();
        // Monday 19:30 in Grenoble (quiet), Tuesday 10:00 (busy), Christmas 18:00.
        let instants = [
            (2026, 12, 7, 18, 30),
            (2026, 12, 8, 9, 0),
            (2026, 12, 25, 17, 0),
        ];
        let (mut via_subsets, mut main_only) = (Vec::new(), Vec::new());
        let mut quiet_used = 0;
        for (y, m, d, h, mi) in instants {
            let at = Utc.with_ymd_and_hms(y, m, d, h, mi, 0).unwrap();
            for masks in [&none, &rare] {
                for i in 0..200 {
                    let q = unit_vector(45.0 + i as f64 / 200.0, 5.0 + (i % 7) as f64 / 5.0);
                    for k in [Some(1), Some(6), None] {
                        let max_d2 = if k.is_some() { f64::MAX } else { 1e-5 };
                        let mut open = OpenAt::new(at);
                        quiet_used += usize::from(self::quiet_hour(&index, at));
                        index.search(&q, k, max_d2, masks, Some(&mut open), &mut via_subsets);
                        let mut open = OpenAt::new(at);
                        index.search_in(
                            index.main_view(filters),
                            &q,
                            k.filter(|&k| k < index.len()),
                            max_d2,
                            masks,
                            Some(&mut open),
                            false,
                            &mut main_only,
                        );
                        assert_eq!(via_subsets, main_only, "{at} {k:?}");
                        index.search(&q, k, max_d2, masks, None, &mut via_subsets);
                        index.search_in(
                            index.main_view(filters),
                            &q,
                            k,
                            max_d2,
                            masks,
                            None,
                            false,
                            &mut main_only,
                        );
                        assert_eq!(via_subsets, main_only);
                    }
                }
            }
        }
        assert!(quiet_used > 0);
    }

    /// The places of a commune, found through the sampled keys, are those a scan finds, for
    /// communes whose places span several samples, and with or without coordinates.
    #[test]
    fn places_of_commune_are_those_a_scan_finds() {
        // A few codes far apart, many places each (a commune's entries span blocks), then
        // codes of one département, a few places each (blocks of many codes), with neighbours
        // of the codes asked that no place has.
        let far = ["01001", "2A004", "38185", "38421", "97411", "mal", "69123"].map(String::from);
        let near: Vec<String> = (0..120).map(|i| format!("38{:03}", 1 + 2 * i)).collect();
        for (codes, per_code) in [(&far[..], 140), (&near[..], 3)] {
            let mut all = places(1000);
            for (i, p) in all.iter_mut().enumerate() {
                p.address.insee_code = Some(codes[(i * 37) % codes.len()].as_str().into());
                if i % 9 == 0 {
                    p.coordinates = None;
                }
            }
            let index = HelpIndex::build(all).unwrap();
            let absent = [
                "75056", "00000", "zzzzz", "38000", "38002", "38240", "38999",
            ];
            for code in codes.iter().map(String::as_str).chain(absent) {
                let scan: Vec<usize> = (0..index.places().len())
                    .filter(|&i| index.places()[i].address.insee_code.as_deref() == Some(code))
                    .filter(|_| insee_key(code).is_some())
                    .collect();
                let found: Vec<usize> = index.places_of_commune(code).collect();
                assert_eq!(found, scan, "{code}");
                if insee_key(code).is_some() && codes.iter().any(|c| c == code) {
                    assert!(found.len() >= per_code, "{code}: {}", found.len());
                }
            }
        }
    }

    fn quiet_hour(index: &HelpIndex, at: DateTime<Utc>) -> bool {
        index.filters().hours.quiet_at(&mut OpenAt::new(at))
    }
}
