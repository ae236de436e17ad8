//! # inclusion-territory
//!
//! French territory, as the services that orient people towards digital help need it. What it
//! offers:
//!
//! * [`admin`]: the 18 régions, the 101 départements and the 8 overseas collectivities (codes,
//!   names, région of each), and the one way in the workspace to tell the département of a
//!   code INSEE ([`Departement::of_insee`]) or of a postcode ([`Departement::of_postcode`]), and
//!   whether the two agree ([`Departement::accepts_postcode`]);
//! * [`Territory`]: the part of France a place is in (metropolitan France, Alsace-Moselle and
//!   each overseas département or collectivity), from its codes ([`Territory::from_codes`]) or
//!   roughly from its position ([`Territory::by_bounding_box`]), with its IANA time zone
//!   ([`Territory::time_zone`], [`time_zone_for`]);
//! * [`holidays`]: the public holidays of each territory, 1900–2199 (Easter computus,
//!   Alsace-Moselle's two extra days, each overseas abolition day, the Pacific collectivities'
//!   own days);
//! * [`communes`] (cargo feature `communes`, on by default): the gazetteer of the 34,969
//!   current communes (code INSEE, name, postcodes, population, a point for 96.5% of the
//!   population), so that "near Grenoble", "38000" or "38185" becomes a position
//!   ([`communes::Gazetteer::locate`]);
//! * [`outlines`] (cargo feature `outlines`, on by default): the land of France, of every
//!   overseas territory and of the neighbouring countries (Natural Earth 1:10m) as `geo`
//!   polygons indexed with `rstar`: which territory or country a point is in, how far the
//!   nearest French land is;
//! * [`position`] (feature `outlines`): whether a place's position is where its address says:
//!   on its territory's land, at sea, in a neighbouring country, in another territory, or with
//!   a lost minus sign or swapped coordinates (and where it should be);
//! * [`sphere`]: unit vectors, chord ↔ metres, haversine distance;
//! * [`TerritoryError`]: the crate's one error enum.
//!
//! Positions are exchanged as `geo_types::Point<f64>` (x = longitude, y = latitude), the type of
//! the georust ecosystem (GeoJSON, WKT, PostGIS through its crates).
//!
//! ```
//! use chrono::NaiveDate;
//! use inclusion_territory::{admin::Departement, Territory};
//!
//! // A place of Mulhouse is in Alsace-Moselle: Paris time, and 26 December is a holiday.
//! let t = Territory::from_codes("68100", None);
//! assert_eq!(t, Territory::AlsaceMoselle);
//! assert_eq!(t.time_zone(), chrono_tz::Europe::Paris);
//! assert!(t.is_public_holiday(NaiveDate::from_ymd_opt(2026, 12, 26).unwrap()));
//!
//! // The code INSEE tells Saint-Martin from Guadeloupe, whose postcodes it shares.
//! let d = Departement::of_insee("97801").unwrap();
//! assert_eq!((d.code, d.name), ("978", "Saint-Martin"));
//! assert!(d.accepts_postcode("97150"));
//! assert_eq!(Territory::of_departement(d).time_zone(), chrono_tz::America::Marigot);
//! ```
//!
//! ```
//! # #[cfg(feature = "communes")] {
//! use inclusion_territory::communes::Gazetteer;
//!
//! let (commune, point) = Gazetteer::embedded().locate("Saint-Étienne")?;
//! assert_eq!((commune.code.as_str(), commune.departement.as_str()), ("42218", "42"));
//! assert!((point.latitude - 45.43).abs() < 0.05);
//! # }
//! # Ok::<(), inclusion_territory::TerritoryError>(())
//! ```
//!
//! ```
//! # #[cfg(feature = "outlines")] {
//! use geo_types::Point;
//! use inclusion_territory::position::{check_position, PositionCheck};
//!
//! // A place of Cognac (0.33° W) published at 0.33° E: on French land, but 50 km from Cognac.
//! match check_position(Point::new(0.3331, 45.6915), "16100", None) {
//!     PositionCheck::SignLost { corrected, .. } => assert_eq!(corrected, Point::new(-0.3331, 45.6915)),
//!     other => panic!("{other:?}"),
//! }
//! # }
//! ```

pub mod admin;
pub mod communes;
mod error;
pub mod holidays;
#[cfg(feature = "outlines")]
pub mod outlines;
#[cfg(feature = "outlines")]
pub mod position;
pub mod sphere;
mod territory;

pub use admin::{Departement, Region};
pub use error::TerritoryError;
pub use territory::{Territory, time_zone_for};

/// The examples of the crate's README, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
