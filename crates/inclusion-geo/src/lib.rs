//! # inclusion-geo
//!
//! Nearest-help lookup for the lieux de médiation numérique, exact on the sphere:
//!
//! * [`HelpIndex`]: built once from places, immutable and `Send + Sync`; answers "the `k`
//!   nearest places" and "every place within `r` metres" from a latitude/longitude, with an
//!   optional maximum distance and a [`HelpFilter`] (services, publics, specific support, fees,
//!   support and access modes, national programmes, open at an instant). Answers are the true
//!   nearest by great-circle distance, in metres, sorted by distance then `id`.
//!   [`HelpIndex::build`] reads the positions and orders the tree, which is all a query
//!   without filter needs (at 100,000 places, about 1.8 × kiddo's build); the tables of the
//!   filters and of the commune lookup are built by their first use, or at once by
//!   [`HelpIndex::prepare`]. [`HelpIndex::build_parallel`] builds everything on two threads.
//! * [`HelpIndex::nearest_many`] / [`HelpIndex::nearest_many_parallel`] → [`ManyHits`]: the
//!   same question from many positions at once (a coverage run's communes), in a cache-friendly
//!   order, on one thread or several.
//! * [`HelpQuery`] / [`Hit`] / [`NearbyPlace`]: the query and its answers, serialisable (serde)
//!   and described by JSON Schema (schemars); a query can start from a `geo_types::Point`
//!   ([`HelpQuery::nearest_point`]) and an answer gives one back ([`NearbyPlace::point`]).
//! * [`search`]: search as users mean it: the places of a commune plus those within a radius
//!   ([`CommuneSearch`], [`HelpIndex::search_commune`]), and remote help in its own list.
//! * [`render`]: the answers as text for people, in French or English;
//! * [`sphere`]: unit vectors, chord ↔ metres conversions, haversine distance;
//! * [`GeoError`]: the crate's one error enum.
//!
//! The gazetteer that turns "near Grenoble" into a position is in `inclusion-territory`;
//! territorial coverage, built on this index, in `inclusion-coverage`.
//!
//! ```
//! use inclusion_geo::{HelpFilter, HelpIndex};
//! use inclusion_model::{Address, Coordinates, Place};
//! use chrono::NaiveDate;
//!
//! let mut places = Vec::new();
//! for (id, lat, lon) in [("a", 48.85, 2.35), ("b", 45.76, 4.84), ("c", -17.53, -149.56)] {
//!     let mut p = Place::new(id, "00000000000000", id, Address::new("-", "75001", "-"),
//!         NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
//!     p.coordinates = Some(Coordinates::new(lat, lon)?);
//!     places.push(p);
//! }
//! let index = HelpIndex::build(places).unwrap();
//! // From Moorea (Polynésie), the nearest is Papeete's place, about 17 km away.
//! let hits = index.nearest(-17.54, -149.83, 1, &HelpFilter::default()).unwrap();
//! assert_eq!(index.place(&hits[0]).id, "c");
//! assert!(hits[0].distance_m < 30_000.0);
//! # Ok::<(), inclusion_model::ModelError>(())
//! ```

pub mod error;
pub mod filter;
pub mod index;
mod many;
mod open;
mod parallel;
pub mod query;
pub mod render;
pub mod search;
mod subset;
mod tree;

/// Geometry on the sphere (unit vectors, chord ↔ metres, haversine), from `inclusion-territory`,
/// where the land outlines use it too.
pub use inclusion_territory::sphere;

pub use error::GeoError;
pub use filter::HelpFilter;
pub use index::HelpIndex;
pub use many::ManyHits;
pub use query::{HelpQuery, Hit, NearbyPlace, PlaceDetails};
pub use search::{CommuneSearch, RemoteHelp, SearchAnswer, SearchResults, SearchedPlace};

/// The examples of the crate's README, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
