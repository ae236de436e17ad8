//! Search as users mean it, from what a person types: "near Saint-Étienne" is the places of the
//! commune plus those within a radius of it, with remote help listed apart when asked.
//!
//! [`near_commune`] resolves a commune name, code INSEE or postcode with the gazetteer
//! ([`Gazetteer::locate`]) and gives the [`CommuneSearch`] of that commune (its code INSEE, its
//! point, [`DEFAULT_RADIUS_M`](inclusion_geo::search::DEFAULT_RADIUS_M)); the caller adds `k`, a
//! filter and the remote list, and runs it on an index ([`HelpIndex::search_commune`]). Places
//! without a code INSEE are only found by the radius: complete their codes first
//! ([`places_with_codes`], through [`crate::enrich`]).
//!
//! ```
//! # #[cfg(feature = "embedded-data")] {
//! use inclusion::geo::{HelpIndex, RemoteHelp};
//! use inclusion::search::{near_commune, places_with_codes};
//! use inclusion::territory::communes::Gazetteer;
//!
//! let gazetteer = Gazetteer::embedded();
//! let (places, completion) = places_with_codes(inclusion::data::sample_places().to_vec(), gazetteer);
//! assert_eq!(completion.completed.len(), 0); // the embedded places come with their codes
//! let index = HelpIndex::build(places)?;
//! let (commune, search) = near_commune(gazetteer, "Saint-Étienne")?;
//! assert_eq!(commune.code, "42218");
//! let found = index.search_commune(&search.k(3).radius_m(20_000.0).remote(RemoteHelp::After))?;
//! let in_commune = found.on_site.iter().filter(|a| a.in_commune).count();
//! assert!(in_commune > 10, "{in_commune}"); // every place of Saint-Étienne, whatever k says
//! assert_eq!(found.on_site.len(), in_commune + 3); // and three others within 20 km
//! assert!(found.remote.is_empty()); // no embedded place gives remote help
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use inclusion_geo::{CommuneSearch, HelpIndex};
use inclusion_model::Place;
use inclusion_territory::TerritoryError;
use inclusion_territory::communes::{Commune, Gazetteer};

use crate::enrich::{InseeCompletion, complete_insee_codes};

/// The search around the commune a person named (a name, `Name (département)`, a code INSEE
/// or a postcode, as [`Gazetteer::find`] reads it): its code INSEE, its point, the default
/// radius; no `k`, filter nor remote list yet.
///
/// # Errors
/// An unknown commune (with suggestions), an ambiguous name, a commune without a point.
pub fn near_commune<'g>(
    gazetteer: &'g Gazetteer,
    query: &str,
) -> Result<(&'g Commune, CommuneSearch), TerritoryError> {
    let (commune, point) = gazetteer.locate(query)?;
    let search =
        CommuneSearch::new(point.latitude, point.longitude).insee_code(commune.code.clone());
    Ok((commune, search))
}

/// The places with their missing codes INSEE completed ([`complete_insee_codes`]), and the
/// report of what was completed and what could not be.
pub fn places_with_codes(
    mut places: Vec<Place>,
    gazetteer: &Gazetteer,
) -> (Vec<Place>, InseeCompletion) {
    let report = complete_insee_codes(&mut places, gazetteer);
    (places, report)
}

/// Builds the index of places whose codes were completed: [`places_with_codes`] then
/// [`HelpIndex::build`].
///
/// # Errors
/// The index's ([`inclusion_geo::GeoError::TooManyPlaces`]).
pub fn index_with_codes(
    places: Vec<Place>,
    gazetteer: &Gazetteer,
) -> Result<(HelpIndex, InseeCompletion), inclusion_geo::GeoError> {
    let (places, report) = places_with_codes(places, gazetteer);
    Ok((HelpIndex::build(places)?, report))
}
