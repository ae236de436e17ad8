//! # inclusion
//!
//! Reusable libraries for digital-inclusion services in France. This facade re-exports the
//! crates of the workspace:
//!
//! * [`model`] (`inclusion-model`): the standard of the lieux de médiation numérique.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub use inclusion_model as model;
