//! # inclusion-merge
//!
//! The same place arrives several times, written differently, when places are aggregated
//! from many producers (conseillers numériques, France Services, Aidants Connect, dora,
//! tiers-lieux, regional hubs). This crate finds those duplicates, explains each decision,
//! groups and merges them, and scores the quality of a record:
//!
//! * [`find_duplicates`]: candidate pairs from an R*-tree of the places within
//!   [`Config::radius_m`] and, in each commune, from names sharing a distinctive word (so a
//!   place with bad coordinates is still found); each pair compared by every
//!   [`Comparator`] — name, kind of organisation, address, distance, SIRET, phone (E.164),
//!   e-mail, web site, typologie, parent structure, and the rules for France Services and
//!   itinerant services — and decided `duplicate`, `review` or `distinct` ([`Pairs`], each
//!   [`Pair`] with its [`Reason`]s and what decided); [`explain`] for any two places.
//! * [`Config`]: the versioned rules ([`RULES_VERSION`]), the points of each comparator and the
//!   thresholds, with documented defaults ([`config`]).
//! * [`clusters`]: groups of duplicates guarded against chaining (complete linkage at the
//!   review threshold, no two places of one source unless allowed, a size limit), every pair
//!   left out reported.
//! * [`merge()`]: a cluster into one valid v1.0.2 place — the most recent value of each field,
//!   lists unioned, sources listed, a stable merged id — with the [`Provenance`] of every value
//!   and every [`Conflict`]; [`merge_clusters`] for a whole set.
//! * [`quality()`]: a score from 0 to 100, criterion by criterion (freshness, contact,
//!   coordinates, description, opening hours, services, address, identifier).
//! * [`InputSet`]: several files read leniently (v0.1 migrated, ids kept), each with its source
//!   name and diagnostics; [`dedup`] runs the whole job into a [`DedupReport`].
//! * Outputs: [`write_pairs_csv`], [`write_review_csv`] (for a data steward),
//!   [`pairs_to_json`], [`render_text`] (or [`write_text`] as it goes); every public
//!   document has a JSON Schema in `inclusion-schema`.
//! * [`contact`]: phone numbers to E.164, e-mail and web-site keys; [`text`]: the
//!   normalisation of names and streets.
//!
//! ```
//! use inclusion_merge::{find_duplicates, clusters, merge, quality, Config, Decision};
//! use inclusion_model::{Address, Coordinates, Place};
//! use chrono::NaiveDate;
//!
//! let place = |id: &str, name: &str, street: &str, phone: &str, source: &str, day: u32| {
//!     let mut p = Place::new(id, "00000000000000", name, Address::new(street, "42100", "Saint-Étienne"),
//!         NaiveDate::from_ymd_opt(2023, 6, day).unwrap());
//!     p.coordinates = Some(Coordinates::new(45.4268 + f64::from(day) * 1e-5, 4.4075).unwrap());
//!     p.contact.phone = Some(phone.into());
//!     p.source = Some(source.into());
//!     p
//! };
//! let places = vec![
//!     place("hub-1", "EPN des quartiers Sud-Est (Espace Sisley)", "19 rue Alfred Sisley", "+33477464941", "hub", 1),
//!     place("cnfs-9", "Espace Alfred Sisley", "19 Rue Alfred Sisley", "+33477464941", "cnfs", 2),
//!     place("hub-2", "Médiathèque Tarentaize", "20 rue Jo Gouttebarge", "+33477430991", "hub", 3),
//! ];
//! let config = Config::default();
//! let pairs = find_duplicates(&places, &config)?;
//! let pair = pairs.with_decision(Decision::Duplicate).next().unwrap();
//! assert_eq!((pair.left.as_str(), pair.right.as_str()), ("hub-1", "cnfs-9"));
//! for reason in &pair.reasons {
//!     println!("{:+} {}", reason.points, reason.fr); // « même adresse », « même téléphone »...
//! }
//!
//! let groups = clusters(&places, &pairs, &config)?;
//! let members: Vec<&Place> = groups.clusters[0].indices.iter().map(|&i| &places[i]).collect();
//! let merged = merge(&members, &config)?;
//! assert_eq!(merged.place.name, "Espace Alfred Sisley"); // the most recent record's name
//! assert_eq!(merged.place.source.as_deref(), Some("cnfs|hub"));
//! assert!(quality(&merged.place).score > 0.0);
//! # Ok::<(), inclusion_merge::MergeError>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod candidates;
pub mod cluster;
pub mod compare;
pub mod config;
pub mod contact;
mod error;
mod explain;
mod features;
pub mod input;
pub mod merge;
pub mod messages;
pub mod output;
pub mod pairs;
pub mod quality;
pub mod report;
pub mod text;

pub use candidates::CandidateStats;
pub use cluster::{Cluster, Clusters, Link, Refusal, Refused, clusters};
pub use compare::{Comparator, Finding};
pub use config::{Config, DedupThresholds, Metric, RULES_VERSION, Similarity, Weights};
pub use error::MergeError;
pub use input::{InputFile, InputSet};
pub use merge::{Conflict, ConflictValue, Merged, Provenance, merge};
pub use output::{pairs_to_json, render_text, write_pairs_csv, write_review_csv, write_text};
pub use pairs::{DecidedBy, Decision, Pair, PairStats, Pairs, Reason, explain, find_duplicates};
pub use quality::{Quality, QualityCriterion, QualityMark, quality, quality_on};
pub use report::{DedupReport, dedup, merge_clusters};

/// The examples of the crate's README, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
