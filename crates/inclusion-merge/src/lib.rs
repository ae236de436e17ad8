//! # inclusion-merge
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod candidates;
pub mod compare;
pub mod config;
pub mod contact;
mod error;
mod explain;
mod features;
pub mod pairs;
pub mod text;

pub use candidates::CandidateStats;
pub use compare::{Comparator, Outcome};
pub use config::{Config, Metric, RULES_VERSION, Similarity, Thresholds, Weights};
pub use error::MergeError;
pub use pairs::{DecidedBy, Decision, Pair, PairStats, Pairs, Reason, explain, find_duplicates};
