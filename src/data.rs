//! Embedded data: real places, ready to use (cargo feature `embedded-data`, on by default).
//!
//! The places are the 687 lieux de médiation numérique published by the Hinaura network
//! (Auvergne-Rhône-Alpes) in the npm package `@gouvfr-anct/cartographie-nationale@5.22.0`
//! (Licence Ouverte 2.0), migrated from standard v0.1 to v1.0.2 by this workspace's own
//! importer, without e-mail addresses and mobile phone numbers. Origin, licence and
//! transformation: `data/README.md`; `scripts/build-hinaura.sh` rebuilds the file.
//!
//! ```
//! use inclusion::data::sample_places;
//! use inclusion::model::Service;
//!
//! let places = sample_places();
//! assert_eq!(places.len(), 687);
//! assert!(places.iter().all(|p| p.coordinates.is_some()));
//! let admin = places.iter().filter(|p| p.offers(Service::AdministrativeProcedures)).count();
//! assert!(admin > 100);
//! ```

use std::sync::OnceLock;

use inclusion_model::{Place, ReadOptions, read_csv_str};

/// The embedded file, canonical CSV of standard v1.0.2.
pub const HINAURA_CSV: &str = include_str!("../data/hinaura.v1.csv");

/// The embedded places (read once, on first use).
pub fn sample_places() -> &'static [Place] {
    static PLACES: OnceLock<Vec<Place>> = OnceLock::new();
    PLACES.get_or_init(|| read_csv_str(HINAURA_CSV, &ReadOptions::default()).places)
}
