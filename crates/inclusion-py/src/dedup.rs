//! `inclusion.dedup`: duplicates across sources.

use std::path::PathBuf;

use inclusion_merge::{Config, DedupReport, InputSet};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

use crate::convert::{to_python, type_name};
use crate::errors;
use crate::place::place_list;

/// The result of a deduplication: the pairs found with their explained decisions, the
/// clusters, the merged places with their provenance, and the deduplicated places.
#[pyclass(frozen, module = "inclusion", name = "Dedup")]
pub struct PyDedup {
    report: DedupReport,
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
        to_python(py, &self.report.pairs.pairs)
    }

    /// The whole report in its JSON form (`rules`, `files`, `pairs`, `clusters`, `merged`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.report)
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
/// migrated). `allow_internal` also merges duplicates found within one source.
#[pyfunction]
#[pyo3(signature = (sources, *, allow_internal = false))]
pub(crate) fn dedup(
    py: Python<'_>,
    sources: &Bound<'_, PyAny>,
    allow_internal: bool,
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
        if let Ok(bytes) = source.cast::<PyBytes>() {
            input
                .add_bytes(&name, bytes.as_bytes())
                .map_err(errors::merge)?;
        } else if source.is_instance_of::<PyString>() || source.hasattr("__fspath__")? {
            let path: PathBuf = source.extract()?;
            let bytes = std::fs::read(&path).map_err(|e| {
                errors::io_error(e.kind(), format!("cannot read {}: {e}", path.display()))
            })?;
            input.add_bytes(&name, &bytes).map_err(errors::merge)?;
        } else {
            input.add_places(&name, crate::read::places(&source)?);
        }
    }
    let mut config = Config::default();
    config.allow_internal = allow_internal;
    let report = py
        .detach(|| inclusion_merge::dedup(&input, &config))
        .map_err(errors::merge)?;
    let places = place_list(py, report.places.clone())?;
    Ok(PyDedup { report, places })
}
