//! Measures a duplicate finder against the labelled data of `../shared/anchors/dedup`:
//! the hand-labelled real pairs (`real-pairs.*.json`) and the synthetic two-source sets
//! (`synthetic.*.truth.json`, which name their two files). Shared by the tests and the
//! benchmark.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use inclusion_model::{Place, ReadOptions, read_path};
use serde_json::Value;

/// Precision, recall and F1 of the `duplicate` decision.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Metrics {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// Labelled pairs left out (`unsure`, or a place the reader did not keep).
    pub left_out: usize,
}

impl Metrics {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn line(&self, what: &str) -> String {
        format!(
            "{what:<44} precision {:.3}  recall {:.3}  F1 {:.3}  (tp {}, fp {}, fn {}, left out {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.tp,
            self.fp,
            self.fn_,
            self.left_out
        )
    }
}

/// Reads a standard file leniently, as the duplicate finder does.
pub fn read_places(path: &Path) -> Vec<Place> {
    read_path(path, &ReadOptions::default().with_lenient(true))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .places
}

/// One labelled pair of places of one dataset.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub dataset: usize,
    pub left: usize,
    pub right: usize,
    pub duplicate: bool,
    pub why: String,
}

/// The labelled real pairs and the datasets they come from.
pub struct RealPairs {
    pub name: String,
    pub datasets: Vec<(String, Vec<Place>)>,
    pub pairs: Vec<Labelled>,
    /// Pairs labelled `unsure` or naming a place the reader did not keep.
    pub left_out: usize,
}

/// The files of the dedup anchors whose names start with `prefix` and end with `suffix`,
/// sorted, the public ones first.
pub fn anchor_files(prefix: &str, suffix: &str) -> Vec<PathBuf> {
    let dir = inclusion_anchors::anchors_dir().join("dedup");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(prefix) && n.ends_with(suffix))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort_by_key(|p| (!p.to_string_lossy().contains(".public."), p.clone()));
    files
}

pub fn load_real(path: &Path) -> RealPairs {
    let text = std::fs::read_to_string(path).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let mut datasets: Vec<(String, Vec<Place>)> = Vec::new();
    let mut index: Vec<HashMap<String, usize>> = Vec::new();
    let mut pairs = Vec::new();
    let mut left_out = 0;
    for p in doc["pairs"].as_array().unwrap() {
        let dataset = p["dataset"].as_str().unwrap();
        let d = match datasets.iter().position(|(n, _)| n == dataset) {
            Some(d) => d,
            None => {
                let file = inclusion_anchors::anchor(&format!("real-datasets/{dataset}"))
                    .expect("the real datasets are anchors too");
                let places = read_places(&file);
                index.push(
                    places
                        .iter()
                        .enumerate()
                        .map(|(i, p)| (p.id.to_string(), i))
                        .collect(),
                );
                datasets.push((dataset.to_owned(), places));
                datasets.len() - 1
            }
        };
        let label = p["label"].as_str().unwrap();
        let (l, r) = (
            index[d].get(p["left"].as_str().unwrap()),
            index[d].get(p["right"].as_str().unwrap()),
        );
        match (label, l, r) {
            ("duplicate" | "distinct", Some(&l), Some(&r)) => pairs.push(Labelled {
                dataset: d,
                left: l.min(r),
                right: l.max(r),
                duplicate: label == "duplicate",
                why: p["why"].as_str().unwrap_or("").to_owned(),
            }),
            _ => left_out += 1,
        }
    }
    RealPairs {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        datasets,
        pairs,
        left_out,
    }
}

impl RealPairs {
    /// Measures `predict` (the duplicate pairs `(i, j)`, `i < j`, of one dataset's places).
    pub fn measure(
        &self,
        mut predict: impl FnMut(&[Place]) -> HashSet<(usize, usize)>,
    ) -> (Metrics, Vec<(Labelled, bool)>) {
        let predicted: Vec<HashSet<(usize, usize)>> = self
            .datasets
            .iter()
            .map(|(_, places)| predict(places))
            .collect();
        let mut m = Metrics {
            left_out: self.left_out,
            ..Metrics::default()
        };
        let mut errors = Vec::new();
        for p in &self.pairs {
            let said = predicted[p.dataset].contains(&(p.left, p.right));
            match (p.duplicate, said) {
                (true, true) => m.tp += 1,
                (false, true) => {
                    m.fp += 1;
                    errors.push((p.clone(), said));
                }
                (true, false) => {
                    m.fn_ += 1;
                    errors.push((p.clone(), said));
                }
                (false, false) => {}
            }
        }
        (m, errors)
    }
}

/// A wrong pair `(i, j)` and whether it was predicted (a false duplicate) or not (missed).
pub type WrongPair = ((usize, usize), bool);

/// A synthetic two-source set: the places of A then of B, and the true cross pairs.
pub struct Synthetic {
    pub name: String,
    pub places: Vec<Place>,
    pub a_len: usize,
    pub truth: HashSet<(usize, usize)>,
}

pub fn load_synthetic(truth_path: &Path) -> Synthetic {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(truth_path).unwrap()).unwrap();
    let dir = truth_path.parent().unwrap();
    let a = read_places(&dir.join(doc["a_file"].as_str().unwrap()));
    let b = read_places(&dir.join(doc["b_file"].as_str().unwrap()));
    let a_len = a.len();
    let mut places = a;
    places.extend(b);
    let ids: HashMap<&str, usize> = places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let truth = doc["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| {
            let a = *ids.get(d["a_id"].as_str()?)?;
            let b = *ids.get(d["b_id"].as_str()?)?;
            Some((a.min(b), a.max(b)))
        })
        .collect();
    Synthetic {
        name: truth_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned(),
        places,
        a_len,
        truth,
    }
}

impl Synthetic {
    /// Measures `predicted` (duplicate pairs over all places): only cross pairs (one place of
    /// A, one of B) count; every cross pair not in the truth is distinct.
    pub fn measure(&self, predicted: &HashSet<(usize, usize)>) -> (Metrics, Vec<WrongPair>) {
        let cross = |&(i, j): &(usize, usize)| (i < self.a_len) != (j < self.a_len);
        let mut m = Metrics::default();
        let mut errors = Vec::new();
        for p in predicted.iter().filter(|p| cross(p)) {
            if self.truth.contains(p) {
                m.tp += 1;
            } else {
                m.fp += 1;
                errors.push((*p, true));
            }
        }
        for p in &self.truth {
            if !predicted.contains(p) {
                m.fn_ += 1;
                errors.push((*p, false));
            }
        }
        m.left_out = 0;
        errors.sort();
        (m, errors)
    }
}
