//! # inclusion-coverage
//!
//! Territorial coverage: where is help missing?
//!
//! For every commune of a territory (all of France, a région, a département or a list of codes
//! INSEE), the great-circle distance from its representative point to the nearest place that
//! passes a [`HelpFilter`](inclusion_geo::HelpFilter) (the same filters as the nearest-help queries),
//! then aggregates: the population and number of communes beyond each distance threshold
//! (default 5, 10 and 20 km), for the territory, each région and each département, and the most
//! populous communes beyond a threshold. Every distance comes from the [`HelpIndex`](inclusion_geo::HelpIndex):
//! all 34,969 communes are measured in tens of milliseconds (see the `coverage` benchmark).
//!
//! * [`CoverageRequest`] → [`CoverageRequest::run`] → [`CoverageReport`] (serde + JSON Schema);
//!   [`CoverageRequest::run_parallel`] finds the communes' nearest places on several threads.
//! * Outputs: [`CoverageReport::summary_table`] (text), [`CoverageReport::to_csv`] (one row per
//!   commune), [`CoverageReport::to_geojson`] (communes and places as points) and
//!   [`CoverageReport::to_svg`] (a map: communes as dots sized by population and coloured by
//!   distance band, places as markers, legend, scale bar, title with the filter and the date;
//!   Lambert-93 for metropolitan France, one inset per overseas territory).
//! * [`Scope`]: the communes to measure (all of France, a région, a département, a list of
//!   codes INSEE), with the régions and départements of `inclusion-territory`.
//! * [`projection`]: Lambert-93 (checked against PROJ to 2 mm) and the local projections of
//!   the overseas insets.
//! * [`CoverageError`]: unknown région (the message lists the valid codes), département or
//!   commune, empty territory, no place with coordinates, invalid thresholds.
//!
//! Communes without a point in the gazetteer (3.5% of the population) cannot be measured: they
//! are counted apart (`located_*` fields) and reported in a [`Notice`].
//!
//! ```
//! use chrono::NaiveDate;
//! use inclusion_territory::communes::Gazetteer;
//! use inclusion_coverage::{CoverageRequest, MapOptions, Scope};
//! use inclusion_geo::{HelpFilter, HelpIndex};
//! use inclusion_model::{Address, Coordinates, Place, Service};
//!
//! let gazetteer = Gazetteer::parse("code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n\
//!     38185\tGrenoble\t38\t38000\t156140\t45.17869\t5.71479\tI\n\
//!     38052\tLe Bourg-d'Oisans\t38\t38520\t3300\t45.0552\t6.0306\tI\n\
//!     73065\tChambéry\t73\t73000\t60000\t45.5646\t5.9178\tI\n").unwrap();
//! let mut place = Place::new("p1", "00000000000000", "France services",
//!     Address::new("1 rue A", "38000", "Grenoble"), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
//! place.coordinates = Some(Coordinates::new(45.188, 5.725)?);
//! place.services.push(Service::AdministrativeProcedures);
//! let index = HelpIndex::build([place]).unwrap();
//!
//! let report = CoverageRequest::new(Scope::region("84"))
//!     .filter(HelpFilter::default().services([Service::AdministrativeProcedures]))
//!     .run(&index, &gazetteer)?;
//! assert_eq!(report.by_departement.len(), 2);
//! let beyond_20 = &report.total.beyond[2];
//! assert_eq!((beyond_20.threshold_km, beyond_20.communes, beyond_20.population), (20.0, 2, 63_300));
//! assert!(report.summary_table().contains("Savoie"));
//! assert_eq!(report.to_csv().lines().count(), 4);
//! let svg = report.to_svg(&MapOptions::new(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()));
//! assert_eq!(svg.matches("class=\"commune ").count(), 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod aggregate;
mod error;
mod export;
mod format;
mod land;
mod map;
pub mod projection;
mod report;
mod request;
mod run;
mod scope;
mod svg;
mod table;

pub use error::CoverageError;
pub use map::MapOptions;
pub use report::{
    AreaCoverage, AreaKind, Beyond, CommuneCoverage, CoverageReport, Notice, NoticeKind,
    PlaceCounts, PlacePoint,
};
pub use request::{CoverageRequest, DEFAULT_THRESHOLDS_KM, DEFAULT_TOP};
pub use scope::Scope;

/// The examples of the crate's README, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
