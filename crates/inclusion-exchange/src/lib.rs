//! # inclusion-exchange
//!
//! The lieux de médiation numérique in the other standards of the field, so that a producer
//! publishes once and the aggregators read it in their own form. What it offers:
//!
//! * [`data_inclusion`]: export to data·inclusion v1 structures and services
//!   ([`data_inclusion::to_data_inclusion`]), with one diagnostic per value that has no
//!   equivalent, and import back ([`data_inclusion::from_data_inclusion`]); the vocabularies
//!   of both sides and the mapping between them;
//! * [`ExchangeError`]: the crate's one error enum.
//!
//! Open Referral HSDS is planned next.
//!
//! ```
//! use chrono::NaiveDate;
//! use inclusion_exchange::data_inclusion::to_data_inclusion;
//! use inclusion_model::{Address, Place, Service};
//!
//! let mut place = Place::new("p1", "43493312300029", "Médiathèque",
//!     Address::new("1 rue X", "51100", "Reims"), NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
//! place.services.push(Service::AdministrativeProcedures);
//! let export = to_data_inclusion(&[place], "hub");
//! assert_eq!(export.structures.len(), 1);
//! assert_eq!(export.services.len(), 1);
//! assert_eq!(export.structures[0].id, "hub--p1");
//! ```

pub mod data_inclusion;
mod error;

pub use error::ExchangeError;

/// The examples of the crate's README, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
