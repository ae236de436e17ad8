//! [`HelpIndex`]: the places, and the tree that finds the nearest ones.

use inclusion_model::Place;

use chrono::{DateTime, Utc};

use crate::open::{HoursSummary, HoursTable, OpenAt};
use crate::query::{HelpQuery, Hit, NearbyPlace, PlaceDetails};
use crate::sphere::{chord2_to_metres, metres_to_chord2, unit_vector};
use crate::tree::{Checks, Found, Node, Point, Tree, Verdict, no_checks};
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
    places: Vec<Place>,
    tree: Tree,
    hours: HoursTable,
    /// One summary per node of the tree (empty when no place has hours).
    hours_nodes: Vec<HoursSummary>,
    /// The places with a well-formed code INSEE (5 letters or digits), sorted by code (then by
    /// position, so by `id`): each as its point's index in the tree when it has coordinates,
    /// else as the tree's length plus its position (see [`HelpIndex::entry_place`]).
    by_insee: Vec<u32>,
    /// The code of each entry of `by_insee`, packed in base 36 ([`insee_key`]): a binary search
    /// reads 4 bytes per step, not a place.
    insee_keys: Vec<u32>,
    /// The places that give help at a distance, in a tree of their own (with its hours
    /// summaries): a remote list costs a small tree's query, not a 1%-selective filter.
    remote: Option<(Tree, Vec<HoursSummary>)>,
}

impl HelpIndex {
    /// Builds the index (bulk load, O(n log n)). Places without coordinates are kept in
    /// [`HelpIndex::places`] but never returned by a query.
    ///
    /// Fails only with more than 2³² − 2 places.
    pub fn build(places: impl IntoIterator<Item = Place>) -> Result<HelpIndex, GeoError> {
        let mut places: Vec<Place> = places.into_iter().collect();
        if places.len() >= u32::MAX as usize {
            return Err(GeoError::TooManyPlaces(places.len()));
        }
        places.sort_by(|a, b| a.id.cmp(&b.id));
        let (hours, hours_ids) = HoursTable::build(&places);
        let points: Vec<Point> = places
            .iter()
            .enumerate()
            .filter_map(|(i, place)| {
                let c = place.coordinates?;
                Some(Point {
                    xyz: unit_vector(c.latitude(), c.longitude()),
                    mask: place_mask(place),
                    place: i as u32,
                    hours: hours_ids[i],
                })
            })
            .collect();
        let remote_points: Vec<Point> = points
            .iter()
            .filter(|p| gives_remote_help(p.mask))
            .copied()
            .collect();
        let tree = Tree::build(points);
        let hours_nodes = hours.summaries(&tree);
        let key = |i: u32| {
            places[i as usize]
                .address
                .insee_code
                .as_deref()
                .and_then(insee_key)
        };
        let n_points = tree.points().len() as u32;
        let mut point_of = vec![u32::MAX; places.len()];
        for (j, p) in tree.points().iter().enumerate() {
            point_of[p.place as usize] = j as u32;
        }
        let mut by_place: Vec<(u32, u32)> = (0..places.len() as u32)
            .filter_map(|i| Some((key(i)?, i)))
            .collect();
        by_place.sort_unstable();
        let insee_keys = by_place.iter().map(|&(k, _)| k).collect();
        let by_insee: Vec<u32> = by_place
            .into_iter()
            .map(|(_, i)| match point_of[i as usize] {
                u32::MAX => n_points + i,
                j => j,
            })
            .collect();
        let remote = (!remote_points.is_empty()).then(|| {
            let tree = Tree::build(remote_points);
            let nodes = hours.summaries(&tree);
            (tree, nodes)
        });
        Ok(HelpIndex {
            tree,
            places,
            hours,
            hours_nodes,
            by_insee,
            insee_keys,
            remote,
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
    ///     a.insee_code = Some(insee.to_owned());
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
        let start = self.insee_keys.partition_point(|&k| k < key);
        let end = start + self.insee_keys[start..].partition_point(|&k| k == key);
        &self.by_insee[start..end]
    }

    /// The place of an entry of [`HelpIndex::by_insee`].
    pub(crate) fn entry_place(&self, entry: u32) -> usize {
        let points = self.tree.points();
        match points.get(entry as usize) {
            Some(p) => p.place as usize,
            None => entry as usize - points.len(),
        }
    }

    /// The tree's point of an entry of [`HelpIndex::by_insee`], when the place has coordinates.
    pub(crate) fn entry_point(&self, entry: u32) -> Option<&Point> {
        self.tree.points().get(entry as usize)
    }

    /// How many places are indexed (those with coordinates).
    pub fn len(&self) -> usize {
        self.tree.points().len()
    }

    /// Whether no place has coordinates.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Heap memory of the index itself in bytes, not counting the places: the tree's points
    /// (unit vector, filter mask, place number, hours slot) and nodes (box and masks).
    pub fn index_bytes(&self) -> usize {
        self.tree.memory_bytes()
            + self.hours.memory_bytes()
            + self.hours_nodes.capacity() * size_of::<HoursSummary>()
            + (self.by_insee.capacity() + self.insee_keys.capacity()) * size_of::<u32>()
            + self.remote.as_ref().map_or(0, |(t, n)| {
                t.memory_bytes() + n.capacity() * size_of::<HoursSummary>()
            })
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
            id: place.id.clone(),
            name: place.name.clone(),
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
        self.query(&HelpQuery::nearest(latitude, longitude, k).filter(filter.clone()))
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
        let q = unit_vector(query.latitude, query.longitude);
        let max_m = query.max_distance();
        let max_d2 = metres_to_chord2(max_m);
        let filter = query.filter.criteria.masks();
        // Asking for at least every place: collect them all, then sort (no k-best buffer).
        let k = query.k.filter(|&k| k < self.len());
        let mut found = Vec::with_capacity(k.unwrap_or(16).min(1024));
        self.search(
            &q,
            k,
            max_d2,
            &filter,
            query.filter.open_at,
            false,
            None,
            &mut found,
        );
        if let Some(k) = query.k {
            found.truncate(k);
        }
        // The distance comes from the chord itself (no access to the places): it agrees with
        // the haversine formula to about 1e-9 m, see `sphere`.
        let hits: Vec<Hit> = found
            .into_iter()
            .map(|(d2, place)| Hit {
                place: place as usize,
                distance_m: chord2_to_metres(d2),
            })
            .collect();
        Ok(hits)
    }

    #[allow(clippy::too_many_arguments)] // the one internal entry of every query kind
    pub(crate) fn search(
        &self,
        q: &[f64; 3],
        k: Option<usize>,
        max_d2: f64,
        filter: &CriteriaMasks,
        open_at: Option<DateTime<Utc>>,
        remote: bool,
        exclude: Option<&dyn Fn(u32) -> bool>,
        out: &mut Vec<Found>,
    ) {
        let (tree, hours_nodes) = match (&self.remote, remote) {
            (Some((tree, nodes)), true) => (tree, nodes),
            (None, true) => {
                out.clear();
                return;
            }
            (_, false) => (&self.tree, &self.hours_nodes),
        };
        let extra_point = |p: &Point| exclude.is_none_or(|x| !x(p.place));
        if let Some(at) = open_at {
            if self.hours.is_empty() {
                out.clear();
                return;
            }
            let open: OpenAt = self.hours.at(at);
            let node_ok = |i: usize, n: &Node| {
                filter.may_match(n.or, n.and)
                    && hours_nodes
                        .get(i)
                        .is_none_or(|s| self.hours.may_be_open(&open, s))
            };
            let point_ok = |p: &Point| {
                if filter.accepts(p.mask) && extra_point(p) {
                    self.hours.verdict(&open, p)
                } else {
                    Verdict::No
                }
            };
            let checks = Checks {
                node: node_ok,
                point: point_ok,
                resolve: |p: &Point| self.hours.resolve(&open, p),
            };
            return match k {
                Some(k) => tree.nearest(q, k, max_d2, checks, out),
                None => tree.within(q, max_d2, checks, out),
            };
        }
        let checks = Checks {
            node: |_, n: &Node| filter.may_match(n.or, n.and),
            point: |p: &Point| {
                if filter.accepts(p.mask) && extra_point(p) {
                    Verdict::Yes
                } else {
                    Verdict::No
                }
            },
            resolve: |_: &Point| false,
        };
        match (k, filter.is_empty() && exclude.is_none()) {
            (Some(k), true) => tree.nearest(q, k, max_d2, no_checks(), out),
            (Some(k), false) => tree.nearest(q, k, max_d2, checks, out),
            (None, true) => tree.within(q, max_d2, no_checks(), out),
            (None, false) => tree.within(q, max_d2, checks, out),
        }
    }
}

/// A code INSEE (5 letters or digits, case ignored, spaces around ignored) packed in base 36;
/// `None` for anything else.
fn insee_key(code: &str) -> Option<u32> {
    let code = code.trim();
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
    }
}
