//! Search as users mean it: the places of a commune plus the places around it, and remote help
//! in a list of its own.
//!
//! A search "near Saint-Étienne" is not a circle around one point: people asked for the places
//! *of the commune*, plus those within a radius of it, and for remote help listed apart.
//! [`CommuneSearch`] says so, and [`HelpIndex::search_commune`] answers:
//!
//! * **on site**: every place whose `code_insee` is the commune's (whatever `k` and the radius
//!   say: a large commune's places are all there), plus the other places within `radius_m` of
//!   the commune's point, at most `k` of them, nearest first; every answer says whether it is in
//!   the commune and its distance from the commune's point (none for a place of the commune
//!   without coordinates, listed last). All pass the filter.
//! * **remote** (when [`CommuneSearch::remote`] asks for it): the places that give help at a
//!   distance ([`inclusion_model::criteria::gives_remote_help`]: « À distance », or no public
//!   reception and contact by phone, e-mail or online) and pass the filter (except its
//!   exclusion of « Ce lieu n'accueille pas de public », which is what such places say), the
//!   nearest first but **without a distance**, at most `k` (10 without `k`). A place that does
//!   both is in both lists. [`RemoteHelp::After`] lists them after the on-site answers,
//!   [`RemoteHelp::First`] (a person who cannot travel) before.
//!
//! The default radius, [`DEFAULT_RADIUS_M`], is 10 km: in Auvergne-Rhône-Alpes 91.8% of the
//! population lives within 10 km of a place of the embedded data (coverage README), so the
//! neighbouring communes' places are in, and a large commune's point reaches its edges.
//!
//! ```
//! use inclusion_geo::{CommuneSearch, HelpIndex, RemoteHelp};
//! use inclusion_model::{Address, Coordinates, Place, SupportMode};
//! use chrono::NaiveDate;
//!
//! let place = |id: &str, insee: &str, lat: f64, lon: f64| {
//!     let mut a = Address::new("1 rue A", "42000", "Saint-Étienne");
//!     a.insee_code = Some(insee.into());
//!     let mut p = Place::new(id, "00000000000000", id, a, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
//!     p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
//!     p
//! };
//! let mut phone_line = place("phone", "69123", 45.76, 4.84); // in Lyon, 50 km away
//! phone_line.support_modes.push(SupportMode::Remote);
//! let index = HelpIndex::build([
//!     place("centre", "42218", 45.434, 4.390),
//!     place("edge", "42218", 45.47, 4.33),        // far side of the commune
//!     place("next-door", "42095", 45.40, 4.35),   // a neighbour, 5 km away
//!     place("far", "42207", 45.60, 4.10),         // 30 km away
//!     phone_line,
//! ])?;
//! let search = CommuneSearch::new(45.434, 4.390)
//!     .insee_code("42218")
//!     .k(1)
//!     .remote(RemoteHelp::After);
//! let found = index.search_commune(&search)?;
//! let on_site: Vec<(&str, bool)> = found.on_site.iter()
//!     .map(|a| (index.places()[a.place].id.as_str(), a.in_commune)).collect();
//! // Both places of the commune, whatever k says, plus one other within 10 km, nearest first.
//! assert_eq!(on_site, [("centre", true), ("next-door", false), ("edge", true)]);
//! let remote: Vec<&str> = found.remote.iter().map(|a| index.places()[a.place].id.as_str()).collect();
//! assert_eq!(remote, ["phone"]);
//! assert!(found.remote.iter().all(|a| a.distance_m.is_none() && a.remote));
//! // The answers in the order to show them: on site first, then remote.
//! assert_eq!(found.answers().last().unwrap().place, found.remote[0].place);
//! # Ok::<(), inclusion_geo::GeoError>(())
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::open::OpenAt;
use crate::query::{Hit, PlaceDetails};
use crate::sphere::{chord2_to_metres, distance2, metres_to_chord2, unit_vector};
use crate::tree::Points;
use crate::{GeoError, HelpFilter, HelpIndex, HelpQuery};
use inclusion_model::criteria::{NO_PUBLIC_RECEPTION_BIT, place_mask};

/// The default radius of a [`CommuneSearch`] around the commune's point: 10 km (see the
/// [module docs](self) for why).
pub const DEFAULT_RADIUS_M: f64 = 10_000.0;

/// How many remote answers at most when the search has no `k`.
pub const DEFAULT_REMOTE_K: usize = 10;

/// Whether and where a search lists remote help.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemoteHelp {
    /// No remote list.
    #[default]
    No,
    /// Remote help after the on-site answers.
    After,
    /// Remote help first: for a person who cannot travel.
    First,
}

/// A search around a commune: its places (by code INSEE) plus the places within a radius of
/// its point, and optionally remote help (see the [module docs](self)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CommuneSearch {
    /// Latitude of the commune's point, WGS84 degrees.
    pub latitude: f64,
    /// Longitude of the commune's point, WGS84 degrees.
    pub longitude: f64,
    /// The commune's code INSEE: its places are always answers. `None`: a plain search around
    /// the point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insee_code: Option<String>,
    /// The radius around the point for the other places, in metres.
    #[serde(default = "default_radius")]
    pub radius_m: f64,
    /// At most this many other places (and remote ones); `None`: every other place within
    /// the radius (and [`DEFAULT_REMOTE_K`] remote ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<usize>,
    /// What the places must offer.
    #[serde(default)]
    pub filter: HelpFilter,
    /// Whether and where to list remote help.
    #[serde(default)]
    pub remote: RemoteHelp,
}

fn default_radius() -> f64 {
    DEFAULT_RADIUS_M
}

impl CommuneSearch {
    /// A search around a point, with the default radius, no `k`, no filter, no remote list.
    pub fn new(latitude: f64, longitude: f64) -> CommuneSearch {
        CommuneSearch {
            latitude,
            longitude,
            insee_code: None,
            radius_m: DEFAULT_RADIUS_M,
            k: None,
            filter: HelpFilter::default(),
            remote: RemoteHelp::No,
        }
    }

    /// A search around a `geo_types::Point` (x = longitude, y = latitude).
    ///
    /// ```
    /// let s = inclusion_geo::CommuneSearch::at(geo_types::Point::new(4.39, 45.43));
    /// assert_eq!((s.latitude, s.longitude), (45.43, 4.39));
    /// ```
    pub fn at(point: geo_types::Point<f64>) -> CommuneSearch {
        CommuneSearch::new(point.y(), point.x())
    }

    /// Sets the commune's code INSEE.
    pub fn insee_code(mut self, code: impl Into<String>) -> CommuneSearch {
        self.insee_code = Some(code.into());
        self
    }

    /// Sets the radius in metres.
    pub fn radius_m(mut self, metres: f64) -> CommuneSearch {
        self.radius_m = metres;
        self
    }

    /// Sets `k`.
    pub fn k(mut self, k: usize) -> CommuneSearch {
        self.k = Some(k);
        self
    }

    /// Sets the filter.
    pub fn filter(mut self, filter: HelpFilter) -> CommuneSearch {
        self.filter = filter;
        self
    }

    /// Sets whether and where to list remote help.
    pub fn remote(mut self, remote: RemoteHelp) -> CommuneSearch {
        self.remote = remote;
        self
    }

    /// Checks the search: the position, the radius and `k` as [`HelpQuery::validate`] does.
    pub fn validate(&self) -> Result<(), GeoError> {
        let mut q = HelpQuery::within(self.latitude, self.longitude, self.radius_m);
        q.k = self.k;
        q.validate()
    }
}

/// One answer of a [`CommuneSearch`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SearchAnswer {
    /// The position of the place in [`HelpIndex::places`].
    pub place: usize,
    /// Great-circle distance from the commune's point, in metres; `None` for remote answers
    /// and for places of the commune without coordinates.
    pub distance_m: Option<f64>,
    /// Whether the place's `code_insee` is the commune's.
    pub in_commune: bool,
    /// Whether this is a remote answer (of [`SearchResults::remote`]).
    pub remote: bool,
}

/// The answers of a [`CommuneSearch`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SearchResults {
    /// The places of the commune and those around it, nearest first (ties by `id`).
    pub on_site: Vec<SearchAnswer>,
    /// Remote help, nearest first but without a distance; empty unless asked for.
    pub remote: Vec<SearchAnswer>,
    /// Whether the remote answers come first ([`RemoteHelp::First`]).
    pub remote_first: bool,
}

impl SearchResults {
    /// Every answer in the order to show them: on site then remote, or remote first.
    pub fn answers(&self) -> impl Iterator<Item = &SearchAnswer> {
        let (a, b) = if self.remote_first {
            (&self.remote, &self.on_site)
        } else {
            (&self.on_site, &self.remote)
        };
        a.iter().chain(b)
    }
}

/// A [`SearchAnswer`] ready to show or send: what [`HelpIndex::describe_answer`] gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SearchedPlace {
    /// `id` of the place.
    pub id: String,
    /// `nom` of the place.
    #[serde(rename = "nom")]
    pub name: String,
    /// Great-circle distance from the commune's point, in metres; `null` for remote help and
    /// for a place of the commune without coordinates.
    pub distance_m: Option<f64>,
    /// Whether the place's `code_insee` is the commune's.
    pub in_commune: bool,
    /// Whether it is listed as remote help.
    pub remote: bool,
    /// Latitude of the place, WGS84 degrees (`null` without coordinates).
    pub latitude: Option<f64>,
    /// Longitude of the place, WGS84 degrees (`null` without coordinates).
    pub longitude: Option<f64>,
    /// Whether it is open at the instant asked; `null` without parseable opening hours.
    pub open: Option<bool>,
    /// When it next opens or closes, in the place's local time; `null` without parseable
    /// opening hours or change within two years.
    pub next_change: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// The address, contact and opening hours as written, as in a [`NearbyPlace`]
    /// (`adresse`, `code_postal`, `commune`, `telephone`, `site_web`, `prise_rdv`,
    /// `horaires`...: the keys of the standard, at the top level of the JSON).
    ///
    /// [`NearbyPlace`]: crate::NearbyPlace
    #[serde(flatten)]
    pub details: PlaceDetails,
}

impl HelpIndex {
    /// A search answer as a self-contained record (see [`HelpIndex::describe`]); `None` when
    /// the answer does not come from this index.
    pub fn describe_answer(
        &self,
        answer: &SearchAnswer,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Option<SearchedPlace> {
        let hit = Hit {
            place: answer.place,
            distance_m: answer.distance_m.unwrap_or(0.0),
        };
        let nearby = self.describe(&hit, at)?;
        let place = &self.places()[answer.place];
        Some(SearchedPlace {
            id: nearby.id,
            name: nearby.name,
            distance_m: answer.distance_m,
            in_commune: answer.in_commune,
            remote: answer.remote,
            latitude: place.coordinates.map(|c| c.latitude()),
            longitude: place.coordinates.map(|c| c.longitude()),
            open: nearby.open,
            next_change: nearby.next_change,
            details: nearby.details,
        })
    }

    /// Answers a search around a commune (see the [module docs](crate::search)).
    ///
    /// # Errors
    /// An invalid position, radius or `k = 0` ([`CommuneSearch::validate`]).
    pub fn search_commune(&self, search: &CommuneSearch) -> Result<SearchResults, GeoError> {
        search.validate()?;
        let q = unit_vector(search.latitude, search.longitude);
        let filter = &search.filter;
        let code = search.insee_code.as_deref().map(str::trim).unwrap_or("");
        let masks = filter.criteria.masks();
        // The commune's places that pass the filter: masks and positions from the tree, the
        // exact opening hours only when asked. Without criteria every place passes, and the
        // filters' tables are not needed (nor built).
        let point_masks = (!masks.is_empty()).then(|| self.filters().masks.points());
        let mut on_site: Vec<SearchAnswer> = Vec::new();
        for &entry in self.commune_entries(code) {
            let place = self.entry_place(entry);
            let point = self.entry_point(entry);
            let passes = match (point_masks, point) {
                (None, _) => true,
                (Some(points), Some(pos)) => masks.accepts(points[pos as usize]),
                (Some(_), None) => masks.accepts(place_mask(&self.places()[place])),
            };
            let open = filter.open_at.is_none_or(|at| {
                self.is_open_at(
                    &Hit {
                        place,
                        distance_m: 0.0,
                    },
                    at,
                ) == Some(true)
            });
            if passes && open {
                on_site.push(SearchAnswer {
                    place,
                    distance_m: point
                        .map(|pos| chord2_to_metres(distance2(&q, &self.points.xyz(pos)))),
                    in_commune: true,
                    remote: false,
                });
            }
        }
        // The commune's places by position (they came in `id` order, which is position order).
        let of_commune: Vec<u32> = self
            .commune_entries(code)
            .iter()
            .map(|&e| self.entry_place(e) as u32)
            .collect();
        let in_commune = |i: u32| of_commune.binary_search(&i).is_ok();
        // The others: the nearest within the radius that are not the commune's. The `k` of
        // them are among the `k + m` nearest of all, `m` the commune's places.
        let mut found = Vec::new();
        let mut open = filter.open_at.map(OpenAt::new);
        self.search(
            &q,
            search.k.map(|k| k.saturating_add(of_commune.len())),
            metres_to_chord2(search.radius_m),
            &masks,
            open.as_mut(),
            &mut found,
        );
        let others = found
            .into_iter()
            .map(|(d2, pos)| self.hit(d2, pos))
            .filter(|hit| !in_commune(hit.place as u32))
            .take(search.k.unwrap_or(usize::MAX));
        on_site.extend(others.map(|hit| SearchAnswer {
            place: hit.place,
            distance_m: Some(hit.distance_m),
            in_commune: false,
            remote: false,
        }));
        on_site.sort_by(|a, b| {
            let d = |x: &SearchAnswer| x.distance_m.unwrap_or(f64::INFINITY);
            d(a).total_cmp(&d(b)).then(a.place.cmp(&b.place))
        });
        let remote = match search.remote {
            RemoteHelp::No => Vec::new(),
            RemoteHelp::After | RemoteHelp::First => {
                let mut masks = filter.criteria.masks();
                masks.none &= !NO_PUBLIC_RECEPTION_BIT;
                let mut found = Vec::new();
                self.search_remote(
                    &q,
                    Some(search.k.unwrap_or(DEFAULT_REMOTE_K)),
                    4.0,
                    &masks,
                    open.as_mut(),
                    &mut found,
                );
                found
                    .into_iter()
                    .map(|(_, pos)| self.points.place(pos) as usize)
                    .map(|i| SearchAnswer {
                        place: i,
                        distance_m: None,
                        in_commune: !code.is_empty()
                            && self.places()[i]
                                .address
                                .insee_code
                                .as_deref()
                                .is_some_and(|c| c.trim() == code),
                        remote: true,
                    })
                    .collect()
            }
        };
        Ok(SearchResults {
            on_site,
            remote,
            remote_first: search.remote == RemoteHelp::First,
        })
    }
}
