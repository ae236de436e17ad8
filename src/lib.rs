//! # inclusion
//!
//! Reusable libraries for digital-inclusion services in France. This facade re-exports the
//! crates of the workspace, each with one job, and holds the glue that joins them:
//!
//! * [`territory`] (`inclusion-territory`): régions, départements, overseas collectivities,
//!   time zones and public holidays, the gazetteer of French communes.
//! * [`hours`] (`inclusion-hours`): opening hours in the OpenStreetMap syntax, evaluated in
//!   each territory's time zone with its holidays.
//! * [`model`] (`inclusion-model`): the standard of the lieux de médiation numérique: places,
//!   vocabularies, [`Criteria`](model::Criteria), reading, validating, migrating, writing.
//! * [`exchange`] (`inclusion-exchange`): data·inclusion structures and services.
//! * [`geo`] (`inclusion-geo`): nearest-help lookup on the sphere, with filters and opening
//!   hours.
//! * [`coverage`] (`inclusion-coverage`): where help is missing, commune by commune.
//! * [`skills`] (`inclusion-skills`): the digital-skills diagnostic and the help it recommends.
//! * [`merge`] (`inclusion-merge`): duplicates across sources — candidate pairs, explained
//!   decisions, guarded clusters, merge with provenance, quality score.
//! * [`schema`] (`inclusion-schema`): JSON Schema of every public JSON form, and the
//!   standard's Table Schema.
//! * [`data`]: embedded real places (cargo feature `embedded-data`, on by default).
//! * [`enrich`]: the missing codes INSEE of places completed from their postcode and commune
//!   name, with a report.
//! * [`search`]: search as users mean it: the places of a commune plus those around it, and
//!   remote help in a list of its own.
//! * [`orient`]: from a skills diagnostic to the nearest places that give the help it
//!   recommends, the search relaxed step by step when too few places match.

//!
//! ## With the georust ecosystem
//!
//! Positions go in and out as `geo_types` values, so the georust crates an application already
//! uses (`wkt`, `geojson`, `geozero` for PostGIS, `geo`'s algorithms) take them as they are:
//!
//! ```
//! # #[cfg(feature = "embedded-data")] {
//! use inclusion::geo::{HelpFilter, HelpIndex, HelpQuery};
//! use inclusion::model::Coordinates;
//! use wkt::ToWkt;
//!
//! let index = HelpIndex::build(inclusion::data::sample_places().iter().cloned())?;
//! let grenoble = geo_types::Point::new(5.7245, 45.1885);
//! let hits = index.query(&HelpQuery::nearest_point(grenoble, 3))?;
//! let place = index.place(&hits[0]);
//! let point = place.point().unwrap();
//! assert!(point.wkt_string().starts_with("POINT(5.7"));
//! // A point from elsewhere becomes coordinates, checked.
//! let back = Coordinates::try_from(point)?;
//! assert_eq!(Some(back), place.coordinates);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "embedded-data")]
pub mod data;
pub mod enrich;
pub mod orient;
pub mod search;

pub use inclusion_coverage as coverage;
pub use inclusion_exchange as exchange;
pub use inclusion_geo as geo;
pub use inclusion_hours as hours;
pub use inclusion_merge as merge;
pub use inclusion_model as model;
pub use inclusion_schema as schema;
pub use inclusion_skills as skills;
pub use inclusion_territory as territory;
