//! [`clusters`]: groups of duplicates, guarded against chaining.
//!
//! Duplicate pairs are taken best score first. A pair joins the groups of its two places only
//! when every place of one group, against every place of the other, is at least a `review`
//! pair (complete linkage at the review threshold, the comparisons missing from the pairs made
//! on the spot): a group is never held together by one weak link, and A–B, B–C duplicates with
//! A–C distinct stay apart. Two places of the same `source` are never grouped unless
//! [`Config::allow_internal`](crate::Config::allow_internal) is set, and no group grows beyond
//! [`Config::max_cluster_size`](crate::Config::max_cluster_size). Every duplicate pair left out
//! is reported with the reason.

use std::cell::RefCell;
use std::collections::HashMap;

use inclusion_model::Place;
use inclusion_territory::communes::Gazetteer;
use rustc_hash::FxHashMap;
use schemars::JsonSchema;
use serde::Serialize;

use crate::MergeError;
use crate::config::Config;
use crate::features::{Prepared, Preparer, Words};
use crate::pairs::{Decision, Pairs, round1};
use crate::quality::quality_on;
use crate::text::fold;

/// A group of places found to be one help point.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Cluster {
    /// The ids of its places, in input order.
    pub members: Vec<String>,
    /// The id of its representative: the best quality score (`quality`), then the most recent
    /// `date_maj`, then the smallest id.
    pub representative: String,
    /// The pairs of its places and their scores (every pair, so that each link can be checked).
    pub links: Vec<Link>,
    /// The indices of its places in the input, in order.
    #[serde(skip)]
    #[schemars(skip)]
    pub indices: Vec<usize>,
}

/// Two places of a cluster and their score.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Link {
    /// One place's id.
    pub left: String,
    /// The other place's id.
    pub right: String,
    /// Their score.
    pub score: f64,
    /// Their decision (`duplicate` or `review`).
    pub decision: Decision,
}

/// Why a duplicate pair was not used to group its places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Refusal {
    /// The two groups hold places of the same source.
    SameSource,
    /// A place of one group and a place of the other are a `distinct` pair.
    WeakLink,
    /// The group would exceed the largest size allowed.
    TooLarge,
}

/// A duplicate pair left out of the clusters.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Refused {
    /// One place's id.
    pub left: String,
    /// The other place's id.
    pub right: String,
    /// Their score.
    pub score: f64,
    /// Why.
    pub reason: Refusal,
    /// Why, in English (naming the places that could not be grouped).
    pub en: String,
    /// Why, in French.
    pub fr: String,
}

/// The clusters of a set of places.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Clusters {
    /// The groups of two places or more (a place in none stands alone).
    pub clusters: Vec<Cluster>,
    /// The duplicate pairs not used, with the reason.
    pub refused: Vec<Refused>,
}

struct Scorer<'p> {
    places: &'p [Place],
    known: HashMap<(usize, usize), f64>,
    preparer: Preparer<'static>,
    prepared: HashMap<usize, Prepared>,
    similar: RefCell<FxHashMap<u64, bool>>,
}

impl Scorer<'_> {
    fn score(&mut self, i: usize, j: usize, config: &Config) -> f64 {
        let key = (i.min(j), i.max(j));
        if let Some(&s) = self.known.get(&key) {
            return s;
        }
        for k in [i, j] {
            if !self.prepared.contains_key(&k) {
                let p = self.preparer.prepare(&self.places[k]);
                self.prepared.insert(k, p);
            }
        }
        let words = Words::new(&self.preparer.interner, &config.similarity, &self.similar);
        let s =
            crate::compare::compare(&self.prepared[&i], &self.prepared[&j], &words, config).score();
        self.known.insert(key, s);
        s
    }
}

fn source_key(p: &Place) -> Option<String> {
    p.source.as_deref().map(fold).filter(|s| !s.is_empty())
}

/// Groups the duplicate pairs of `places` (see the [module documentation](self)).
///
/// ```
/// use inclusion_merge::{clusters, find_duplicates, Config};
/// use inclusion_model::{Address, Coordinates, Place};
/// use chrono::NaiveDate;
///
/// let place = |id: &str, source: &str| {
///     let mut p = Place::new(id, "33820960400028", "APEJ", Address::new("72 Rue de Pons", "16100", "Cognac"),
///         NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
///     p.coordinates = Some(Coordinates::new(45.695, -0.33).unwrap());
///     p.source = Some(source.into());
///     p
/// };
/// let places = [place("a", "dora"), place("b", "conseiller-numerique"), place("c", "dora")];
/// let config = Config::default();
/// let pairs = find_duplicates(&places, &config)?;
/// let groups = clusters(&places, &pairs, &config)?;
/// // "a" and "c" come from the same source: one of them stays out.
/// assert_eq!(groups.clusters.len(), 1);
/// assert_eq!(groups.clusters[0].members.len(), 2);
/// assert!(!groups.refused.is_empty());
/// # Ok::<(), inclusion_merge::MergeError>(())
/// ```
///
/// # Errors
/// [`MergeError::PlaceIndex`] when the pairs name a place beyond `places` (pairs found in
/// other places), [`MergeError::Config`] for an invalid configuration.
pub fn clusters(places: &[Place], pairs: &Pairs, config: &Config) -> Result<Clusters, MergeError> {
    config.validate()?;
    for p in &pairs.pairs {
        let index = p.left_index.max(p.right_index);
        if index >= places.len()
            || places[p.left_index].id != p.left
            || places[p.right_index].id != p.right
        {
            return Err(MergeError::PlaceIndex {
                index,
                len: places.len(),
            });
        }
    }
    let mut scorer = Scorer {
        places,
        known: pairs
            .pairs
            .iter()
            .map(|p| ((p.left_index, p.right_index), p.score))
            .collect(),
        preparer: Preparer::new(Gazetteer::embedded()),
        prepared: HashMap::new(),
        similar: RefCell::default(),
    };
    let review = config.thresholds.review;
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut refused = Vec::new();
    let mut edges: Vec<_> = pairs.with_decision(Decision::Duplicate).collect();
    edges.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.left_index.cmp(&b.left_index))
            .then(a.right_index.cmp(&b.right_index))
    });
    for edge in edges {
        let (i, j) = (edge.left_index, edge.right_index);
        let gi = group_of.get(&i).copied();
        let gj = group_of.get(&j).copied();
        if gi.is_some() && gi == gj {
            continue;
        }
        let a: Vec<usize> = gi.map_or_else(|| vec![i], |g| groups[g].clone());
        let b: Vec<usize> = gj.map_or_else(|| vec![j], |g| groups[g].clone());
        let refuse = |reason: Refusal, en: String, fr: String| Refused {
            left: edge.left.clone(),
            right: edge.right.clone(),
            score: edge.score,
            reason,
            en,
            fr,
        };
        if a.len() + b.len() > config.max_cluster_size {
            refused.push(refuse(
                Refusal::TooLarge,
                format!("the group would exceed {} places", config.max_cluster_size),
                format!("le groupe dépasserait {} lieux", config.max_cluster_size),
            ));
            continue;
        }
        if !config.allow_internal
            && let Some((x, y)) = a.iter().find_map(|&x| {
                let sx = source_key(&places[x])?;
                b.iter()
                    .find(|&&y| source_key(&places[y]).as_ref() == Some(&sx))
                    .map(|&y| (x, y))
            })
        {
            let s = places[x].source.as_deref().unwrap_or("");
            refused.push(refuse(
                Refusal::SameSource,
                format!(
                    "« {} » and « {} » come from the same source « {s} » (allow internal merges to group them)",
                    places[x].id, places[y].id
                ),
                format!(
                    "« {} » et « {} » viennent de la même source « {s} » (autorisez les fusions internes pour les grouper)",
                    places[x].id, places[y].id
                ),
            ));
            continue;
        }
        let mut weak = None;
        'outer: for &x in &a {
            for &y in &b {
                let s = scorer.score(x, y, config);
                if s < review {
                    weak = Some((x, y, s));
                    break 'outer;
                }
            }
        }
        if let Some((x, y, s)) = weak {
            refused.push(refuse(
                Refusal::WeakLink,
                format!(
                    "« {} » and « {} » would be in one group but are distinct (score {:.1} < {review})",
                    places[x].id, places[y].id, s
                ),
                format!(
                    "« {} » et « {} » seraient dans un même groupe mais sont distincts (score {:.1} < {review})",
                    places[x].id, places[y].id, s
                ),
            ));
            continue;
        }
        // Join: the new group takes the lower index of the two.
        let target = match (gi, gj) {
            (Some(g), Some(h)) => {
                let moved = std::mem::take(&mut groups[h]);
                for &m in &moved {
                    group_of.insert(m, g);
                }
                groups[g].extend(moved);
                g
            }
            (Some(g), None) => {
                groups[g].push(j);
                group_of.insert(j, g);
                g
            }
            (None, Some(h)) => {
                groups[h].push(i);
                group_of.insert(i, h);
                h
            }
            (None, None) => {
                groups.push(vec![i, j]);
                group_of.insert(i, groups.len() - 1);
                group_of.insert(j, groups.len() - 1);
                groups.len() - 1
            }
        };
        groups[target].sort_unstable();
    }
    let today = config.today();
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|indices| {
            let representative = *indices
                .iter()
                .max_by(|&&x, &&y| {
                    let (px, py) = (&places[x], &places[y]);
                    quality_on(px, today)
                        .score
                        .total_cmp(&quality_on(py, today).score)
                        .then(px.updated_on.cmp(&py.updated_on))
                        .then(py.id.cmp(&px.id))
                })
                .unwrap_or(&indices[0]);
            let mut links = Vec::new();
            for (k, &x) in indices.iter().enumerate() {
                for &y in &indices[k + 1..] {
                    let score = scorer.score(x, y, config);
                    links.push(Link {
                        left: places[x].id.to_string(),
                        right: places[y].id.to_string(),
                        score: round1(score),
                        decision: Decision::of_score(score, &config.thresholds),
                    });
                }
            }
            Cluster {
                members: indices.iter().map(|&i| places[i].id.to_string()).collect(),
                representative: places[representative].id.to_string(),
                links,
                indices,
            }
        })
        .collect();
    clusters.sort_by_key(|c| c.indices[0]);
    Ok(Clusters { clusters, refused })
}
