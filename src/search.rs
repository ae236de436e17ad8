//! Search as users mean it, from what a person types: "near Saint-Étienne" is the places of the
//! commune plus those within a radius of it, with remote help listed apart when asked.
//!
//! [`near_commune`] resolves a commune name, code INSEE or postcode with the gazetteer
//! ([`Gazetteer::locate`]) and gives the [`CommuneSearch`] of that commune (its code INSEE, its
//! point, [`DEFAULT_RADIUS_M`](inclusion_geo::search::DEFAULT_RADIUS_M)); the caller adds `k`, a
//! filter and the remote list, and runs it on an index ([`HelpIndex::search_commune`]). Places
//! without a code INSEE are only found by the radius: complete their codes first
//! ([`places_with_codes`], through [`crate::enrich`]). A search can keep one place per cluster
//! of duplicates ([`one_per_cluster`], through [`inclusion_merge`]): build the index from what
//! it keeps.
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
use inclusion_merge::{Clusters, Config, MergeError, clusters, find_duplicates};
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

/// One place per cluster of duplicates: the places of each cluster that
/// [`inclusion_merge::clusters`] finds (with `config`'s rules: two places of one source are
/// never grouped unless [`Config::allow_internal`]) but its representative — the best quality
/// score ([`inclusion_merge::quality()`]), then the most recent `date_maj`, then the smallest
/// `id` — are left out; every place in no cluster stays, in input order. The clusters come
/// back too, to say what was left out. Build the index from the places kept.
///
/// ```
/// use chrono::NaiveDate;
/// use inclusion::geo::{HelpFilter, HelpIndex};
/// use inclusion::merge::Config;
/// use inclusion::model::{Address, Coordinates, OpeningHours, Place};
/// use inclusion::search::one_per_cluster;
///
/// let copy = |id: &str, source: &str| {
///     let mut p = Place::new(id, "33820960400028", "APEJ", Address::new("72 Rue de Pons", "16100", "Cognac"),
///         NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
///     p.coordinates = Some(Coordinates::new(45.695, -0.33).unwrap());
///     p.source = Some(source.into());
///     p
/// };
/// let mut better = copy("dora-1", "dora");
/// better.contact.phone = Some("+33545353891".into());
/// better.opening_hours = Some(OpeningHours::new("Mo-Fr 09:00-12:00"));
/// let (kept, groups) = one_per_cluster(vec![copy("cnfs-7", "cnfs"), better], &Config::default())?;
/// assert_eq!(groups.clusters.len(), 1);
/// assert_eq!(kept.len(), 1);
/// assert_eq!(kept[0].id, "dora-1"); // the copy with a phone and opening hours
/// let index = HelpIndex::build(kept)?;
/// assert_eq!(index.nearest(45.69, -0.33, 5, &HelpFilter::default())?.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The merge crate's: an invalid `config`, too many places.
pub fn one_per_cluster(
    places: Vec<Place>,
    config: &Config,
) -> Result<(Vec<Place>, Clusters), MergeError> {
    let pairs = find_duplicates(&places, config)?;
    let groups = clusters(&places, &pairs, config)?;
    let mut keep = vec![true; places.len()];
    for cluster in &groups.clusters {
        let representative = cluster
            .indices
            .iter()
            .copied()
            .find(|&i| places[i].id == cluster.representative);
        for &i in &cluster.indices {
            if Some(i) != representative {
                keep[i] = false;
            }
        }
    }
    let kept = places
        .into_iter()
        .zip(keep)
        .filter_map(|(p, keep)| keep.then_some(p))
        .collect();
    Ok((kept, groups))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use inclusion_geo::{HelpFilter, RemoteHelp};
    use inclusion_merge::quality_on;
    use inclusion_model::{Address, Coordinates, OpeningHours, Service};

    fn place(id: &str, name: &str, street: &str, source: &str, lat: f64) -> Place {
        let mut address = Address::new(street, "42000", "Saint-Étienne");
        address.insee_code = Some("42218".into());
        let mut p = Place::new(
            id,
            "00000000000000",
            name,
            address,
            NaiveDate::from_ymd_opt(2023, 6, 1).unwrap(),
        );
        p.coordinates = Some(Coordinates::new(lat, 4.39).unwrap());
        p.source = Some(source.into());
        p
    }

    /// Two copies of one place from two sources, and a third place: the merge crate's own
    /// clustering groups the copies, and only its representative — the better copy — is kept,
    /// so a query and a commune search find it alone.
    #[test]
    fn only_the_better_copy_of_a_duplicate_comes_back() {
        let sparse = place(
            "hub-12",
            "Médiathèque Tarentaize",
            "20 rue Jo Gouttebarge",
            "hub",
            45.4340,
        );
        let mut full = place(
            "cnfs-3",
            "Mediatheque de Tarentaize",
            "20 Rue Jo Gouttebarge",
            "cnfs",
            45.43402,
        );
        full.contact.phone = Some("+33477430991".into());
        full.opening_hours = Some(OpeningHours::new("Tu-Sa 10:00-18:00"));
        full.services.push(Service::AdministrativeProcedures);
        full.updated_on = NaiveDate::from_ymd_opt(2024, 2, 1).unwrap();
        let other = place(
            "hub-13",
            "Centre social Le Babet",
            "5 rue Lamartine",
            "hub",
            45.4400,
        );
        let places = vec![sparse, other, full];
        let mut config = Config::default();
        config.today = NaiveDate::from_ymd_opt(2024, 6, 1);
        // The merge crate's clustering, on its own.
        let pairs = find_duplicates(&places, &config).unwrap();
        let groups = clusters(&places, &pairs, &config).unwrap();
        assert_eq!(groups.clusters.len(), 1, "{groups:?}");
        let cluster = &groups.clusters[0];
        assert_eq!(cluster.indices, [0, 2]);
        let today = config.today.unwrap();
        assert!(quality_on(&places[2], today).score > quality_on(&places[0], today).score);
        assert_eq!(cluster.representative, "cnfs-3");

        let (kept, found) = one_per_cluster(places.clone(), &config).unwrap();
        assert_eq!(found, groups);
        let ids: Vec<&str> = kept.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            ["hub-13", "cnfs-3"],
            "input order, the worse copy left out"
        );
        let index = HelpIndex::build(kept).unwrap();
        let hits = index
            .nearest(45.434, 4.39, 5, &HelpFilter::default())
            .unwrap();
        assert_eq!(hits.len(), 2);
        assert_eq!(index.place(&hits[0]).id, "cnfs-3");
        let search = CommuneSearch::new(45.434, 4.39)
            .insee_code("42218")
            .remote(RemoteHelp::After);
        let answers = index.search_commune(&search).unwrap();
        assert_eq!(answers.on_site.len(), 2);
        assert!(answers.on_site.iter().all(|a| a.in_commune));

        // Without clusters (one source, the default rules), nothing is left out.
        let mut same = places;
        for p in &mut same {
            p.source = Some("hub".into());
        }
        let (kept, groups) = one_per_cluster(same, &config).unwrap();
        assert!(groups.clusters.is_empty());
        assert_eq!(kept.len(), 3);
    }
}
