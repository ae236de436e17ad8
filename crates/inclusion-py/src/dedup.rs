//! `inclusion.dedup`, `find_duplicates`, `explain`, `merge`, `quality`: duplicates across
//! sources, found with the reasons of each decision, grouped and merged.

use inclusion_merge::{Config, DedupReport, InputSet};
use inclusion_model::Place;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::convert::{many_to_python, to_python, type_name};
use crate::errors;
use crate::place::{PyPlace, place_list};
use crate::read::FileSource;

/// The result of a deduplication: the pairs found with their explained decisions, the
/// clusters, the merged places with their provenance, and the deduplicated places.
#[pyclass(frozen, module = "inclusion", name = "Dedup")]
pub struct PyDedup {
    report: DedupReport,
    /// The places read from every source, which the pairs' indices name.
    input: InputSet,
    places: Py<PyList>,
}

#[pymethods]
impl PyDedup {
    /// The deduplicated places: each cluster's merged place where its first member was, and
    /// every place in no cluster, in input order.
    #[getter]
    fn places(&self, py: Python<'_>) -> Py<PyList> {
        self.places.clone_ref(py)
    }

    /// The pairs decided `duplicate` or `review`, one dict each (`left`, `right`,
    /// `decision`, `score`, `reasons`...).
    fn pairs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        many_to_python(py, &self.report.pairs.pairs)
    }

    /// The clusters (groups of duplicates merged into one place), one dict each (`members`,
    /// `sources`, `links`...).
    fn clusters<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        many_to_python(py, &self.report.clusters.clusters)
    }

    /// One dict per cluster: the merged place as the standard's flat record (`place`), its
    /// `members`, the `provenance` of every value and the `conflicts` between members.
    fn merged<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        many_to_python(py, &self.report.merged)
    }

    /// The pairs to review, as the CSV a data steward fills in (one row per pair, both
    /// places side by side, the reasons, an empty `verdict` column).
    fn review_csv(&self) -> PyResult<String> {
        let mut out = Vec::new();
        inclusion_merge::write_review_csv(&self.report.pairs, &self.input.places, &mut out)
            .map_err(errors::merge)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// The whole report in its JSON form (`rules`, `files`, `pairs`, `clusters`, `merged`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        many_to_python(py, &self.report)
    }

    fn __repr__(&self) -> String {
        format!(
            "Dedup({} pairs, {} clusters, {} places)",
            self.report.pairs.pairs.len(),
            self.report.clusters.clusters.len(),
            self.report.places.len()
        )
    }
}

/// Finds, groups and merges the duplicates across sources. `sources` maps a source name to a
/// `Report`, an iterable of `Place`, a path or the bytes of a file (read leniently, v0.1
/// migrated). `allow_internal` also merges duplicates found within one source; `radius_m`
/// is the distance within which places are compared (default 300 m).
#[pyfunction]
#[pyo3(signature = (sources, *, allow_internal = false, radius_m = None))]
pub(crate) fn dedup(
    py: Python<'_>,
    sources: &Bound<'_, PyAny>,
    allow_internal: bool,
    radius_m: Option<f64>,
) -> PyResult<PyDedup> {
    let items = sources.call_method0("items").map_err(|_| {
        PyTypeError::new_err(format!(
            "sources must be a mapping of source name to places, not {}",
            type_name(sources)
        ))
    })?;
    let mut input = InputSet::new();
    for item in items.try_iter()? {
        let (name, source): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
        let name: String = name.extract().map_err(|_| {
            PyTypeError::new_err(format!("source names are str, not {}", type_name(&name)))
        })?;
        match FileSource::of(&source)? {
            Some(FileSource::Bytes(bytes)) => {
                input
                    .add_bytes(&name, bytes.as_bytes())
                    .map_err(errors::merge)?;
            }
            Some(FileSource::Path(path)) => {
                let bytes = std::fs::read(&path).map_err(|e| {
                    errors::io_error(e.kind(), format!("cannot read {}: {e}", path.display()))
                })?;
                input.add_bytes(&name, &bytes).map_err(errors::merge)?;
            }
            None => {
                input.add_places(&name, crate::read::places(&source)?);
            }
        }
    }
    let mut config = config(radius_m, false);
    config.allow_internal = allow_internal;
    let report = py
        .detach(|| inclusion_merge::dedup(&input, &config))
        .map_err(errors::merge)?;
    let places = place_list(py, report.places.clone())?;
    Ok(PyDedup {
        report,
        input,
        places,
    })
}

/// The rules with the caller's radius and whether `distinct` pairs are kept.
fn config(radius_m: Option<f64>, keep_distinct: bool) -> Config {
    let mut config = Config::default();
    if let Some(radius_m) = radius_m {
        config.radius_m = radius_m;
    }
    config.keep_distinct = keep_distinct;
    config
}

/// The pairs of duplicates among `places` (a `Report` or `Place`s), one dict each, best
/// score first: `left` and `right` (ids), `decision` (`duplicate` or `review`; `distinct`
/// too with `keep_distinct`), `score`, `reasons` (points, French and English text) and
/// `decided_by`.
#[pyfunction]
#[pyo3(signature = (places, *, radius_m = None, keep_distinct = false))]
pub(crate) fn find_duplicates<'py>(
    py: Python<'py>,
    places: &Bound<'py, PyAny>,
    radius_m: Option<f64>,
    keep_distinct: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let places = crate::read::places(places)?;
    let config = config(radius_m, keep_distinct);
    let pairs = py
        .detach(|| inclusion_merge::find_duplicates(&places, &config))
        .map_err(errors::merge)?;
    many_to_python(py, &pairs.pairs)
}

/// Why two places are, or are not, the same place: their pair as `find_duplicates` gives it,
/// whatever the decision.
#[pyfunction]
pub(crate) fn explain<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyPlace>,
    b: &Bound<'py, PyPlace>,
) -> PyResult<Bound<'py, PyAny>> {
    let pair = inclusion_merge::explain(&a.get().place, &b.get().place, &Config::default());
    to_python(py, &pair)
}

/// Merges places known to be the same place into one valid place: the most recent value of
/// each field, lists unioned, sources listed, a stable id. Returns the merged `Place` and a
/// dict of its `members`, the `provenance` of every value and the `conflicts`.
#[pyfunction]
pub(crate) fn merge<'py>(
    py: Python<'py>,
    places: &Bound<'py, PyAny>,
) -> PyResult<(PyPlace, Bound<'py, PyAny>)> {
    let places = crate::read::places(places)?;
    let members: Vec<&Place> = places.iter().collect();
    let merged = inclusion_merge::merge(&members, &Config::default()).map_err(errors::merge)?;
    let details = to_python(py, &merged)?;
    if let Ok(dict) = details.cast::<pyo3::types::PyDict>() {
        dict.del_item("place")?;
    }
    Ok((
        PyPlace {
            place: merged.place,
        },
        details,
    ))
}

/// The quality of a place's record, from 0 to 100, criterion by criterion (freshness,
/// contact, coordinates, description, opening hours, services, address, identifier), as a
/// dict (`score`, `criteria`).
#[pyfunction]
pub(crate) fn quality<'py>(
    py: Python<'py>,
    place: &Bound<'py, PyPlace>,
) -> PyResult<Bound<'py, PyAny>> {
    to_python(py, &inclusion_merge::quality(&place.get().place))
}
