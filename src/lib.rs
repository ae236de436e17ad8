//! # inclusion
//!
//! Reusable libraries for digital-inclusion services in France. This facade re-exports the
//! crates of the workspace:
//!
//! * [`model`] (`inclusion-model`): the standard of the lieux de médiation numérique.
//! * [`geo`] (`inclusion-geo`): nearest-help lookup on the sphere, with filters and opening
//!   hours, and the gazetteer of French communes (`geo::communes`).
//! * [`skills`] (`inclusion-skills`): the digital-skills diagnostic and the help it recommends.
//! * [`schema`] (`inclusion-schema`): JSON Schema of every public JSON form, and the
//!   standard's Table Schema.
//! * [`data`]: embedded real places (cargo feature `embedded-data`, on by default).
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "embedded-data")]
pub mod data;

pub use inclusion_geo as geo;
pub use inclusion_model as model;
pub use inclusion_schema as schema;
pub use inclusion_skills as skills;
