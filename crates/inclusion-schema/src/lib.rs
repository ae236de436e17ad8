//! # inclusion-schema
//!
//! Machine-readable descriptions of every JSON document the inclusion crates read or write,
//! for applications written in other languages. Everything is **generated from the Rust
//! types** (schemars 1.x, JSON Schema 2020-12), never written by hand; titles and descriptions
//! come from the doc comments and give the standard's French labels.
//!
//! * [`catalogue()`]: the exported types and their files — the place as the standard's JSON
//!   record, the diagnostics and the validation report (`inclusion-model`); the questionnaire,
//!   answers, assessment, help needs and Eurostat mode of the skills engine
//!   (`inclusion-skills`); the nearest-help query and its hits (`inclusion-geo`); a commune
//!   of the gazetteer (`inclusion-territory`); the territorial coverage request and report
//!   (`inclusion-coverage`). [`Entry::schema`] gives one standalone schema.
//! * [`bundle`](bundle::bundle): one schema with all of them under shared `$defs`.
//! * [`table`](table::table_schema): the standard's Table Schema (frictionless) v1.0.2 built
//!   from the model's column definitions, with its deliberate [corrections](table::CORRECTIONS).
//! * [`generate`], [`write_dir`], [`check_dir`]: the files of `schemas/`, written by
//!   `cargo run --example export_schemas [-- DIR]` (or `inclusion schemas --out DIR`), and
//!   checked byte for byte by a test.
//!
//! ```
//! use inclusion_schema::catalogue;
//!
//! let assessment = catalogue().into_iter().find(|e| e.file == "assessment").unwrap();
//! let schema = assessment.schema();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert!(schema["properties"]["outcome"].is_object());
//!
//! // The wire form of a place: the standard's columns, patterns and vocabularies.
//! let place = catalogue().into_iter().find(|e| e.file == "place").unwrap().schema();
//! assert_eq!(place["properties"]["date_maj"]["format"], "date");
//! assert!(place["properties"]["services"]["pattern"].as_str().unwrap()
//!     .contains("Aide aux démarches administratives"));
//! ```

pub mod bundle;
pub mod catalogue;
pub mod error;
pub mod export;
pub mod table;
pub mod text;

pub use catalogue::{Direction, Entry, catalogue};
pub use error::{EXPORT_COMMAND, SchemaError};
pub use export::{GeneratedFile, check_dir, generate, write_dir};

/// The examples of the crate's README, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
