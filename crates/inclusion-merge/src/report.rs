//! [`dedup`]: the whole job on an [`InputSet`] — pairs, clusters, merged places — and
//! [`merge_clusters`], the deduplicated set of places.

use inclusion_model::Place;
use schemars::JsonSchema;
use serde::Serialize;

use crate::MergeError;
use crate::cluster::{Clusters, clusters};
use crate::config::Config;
use crate::input::{InputFile, InputSet};
use crate::merge::{Merged, merge};
use crate::pairs::{Pairs, find_duplicates};

/// The result of [`dedup`]: what was read, the pairs, the clusters and the merged places.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct DedupReport {
    /// The version of the rules ([`Config::version`]).
    pub rules: String,
    /// The files read, with their diagnostics.
    pub files: Vec<InputFile>,
    /// The pairs decided `duplicate` and `review` (see [`find_duplicates`]).
    pub pairs: Pairs,
    /// The clusters and the duplicate pairs left out of them.
    pub clusters: Clusters,
    /// One merged place per cluster, with provenance and conflicts.
    pub merged: Vec<Merged>,
    /// The deduplicated places: each cluster's merged place where its first member was, and
    /// every place in no cluster, in input order.
    #[serde(skip)]
    #[schemars(skip)]
    pub places: Vec<Place>,
}

/// Finds, groups and merges the duplicates of an input set.
///
/// ```
/// use inclusion_merge::{dedup, Config, InputSet};
///
/// let a = "id,pivot,nom,commune,code_postal,adresse,date_maj,latitude,longitude,source\n\
///          1,33820960400028,APEJ,Cognac,16100,72 Rue de Pons,2022-01-01,45.6950,-0.3300,conseiller-numerique\n\
///          2,00000000000000,Médiathèque,Cognac,16100,10 Rue du Minage,2022-01-01,45.6960,-0.3310,conseiller-numerique\n";
/// let b = "id,pivot,nom,commune,code_postal,adresse,date_maj,latitude,longitude,source\n\
///          d7,33820960400028,APEJ COGNAC,Cognac,16100,72 RUE DE PONS,2023-05-01,45.6951,-0.3301,dora\n";
/// let mut input = InputSet::new();
/// input.add_bytes("cnfs", a.as_bytes())?;
/// input.add_bytes("dora", b.as_bytes())?;
/// let report = dedup(&input, &Config::default())?;
/// assert_eq!(report.clusters.clusters.len(), 1);
/// assert_eq!(report.places.len(), 2); // APEJ merged, the médiathèque alone
/// assert_eq!(report.places[0].name, "APEJ COGNAC");
/// # Ok::<(), inclusion_merge::MergeError>(())
/// ```
///
/// # Errors
/// [`MergeError::Config`] for an invalid configuration, [`MergeError::TooManyPlaces`].
pub fn dedup(input: &InputSet, config: &Config) -> Result<DedupReport, MergeError> {
    let pairs = find_duplicates(&input.places, config)?;
    let clusters = clusters(&input.places, &pairs, config)?;
    let (places, merged) = merge_clusters(&input.places, &clusters, config)?;
    Ok(DedupReport {
        rules: config.version.clone(),
        files: input.files.clone(),
        pairs,
        clusters,
        merged,
        places,
    })
}

/// The deduplicated places: each cluster merged (see [`merge`]) where its first member was,
/// every other place unchanged, in input order; and the merged places with their provenance.
///
/// # Errors
/// [`MergeError::PlaceIndex`] when a cluster names a place beyond `places`.
pub fn merge_clusters(
    places: &[Place],
    clusters: &Clusters,
    config: &Config,
) -> Result<(Vec<Place>, Vec<Merged>), MergeError> {
    let mut cluster_of: Vec<Option<usize>> = vec![None; places.len()];
    for (k, c) in clusters.clusters.iter().enumerate() {
        for &i in &c.indices {
            let slot = cluster_of.get_mut(i).ok_or(MergeError::PlaceIndex {
                index: i,
                len: places.len(),
            })?;
            *slot = Some(k);
        }
    }
    let mut merged = Vec::with_capacity(clusters.clusters.len());
    for c in &clusters.clusters {
        let members: Vec<&Place> = c.indices.iter().map(|&i| &places[i]).collect();
        merged.push(merge(&members, config)?);
    }
    let mut out = Vec::with_capacity(places.len());
    for (i, p) in places.iter().enumerate() {
        match cluster_of[i] {
            None => out.push(p.clone()),
            Some(k) if clusters.clusters[k].indices[0] == i => out.push(merged[k].place.clone()),
            Some(_) => {}
        }
    }
    Ok((out, merged))
}
