//! `inclusion.coverage`: where help is missing, commune by commune.

use inclusion_coverage::{CoverageReport, CoverageRequest, Scope};
use inclusion_territory::communes::Gazetteer;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{self, many_to_python};
use crate::errors;
use crate::help::{PyHelpIndex, filter_from_kwargs};

/// A territorial coverage report: for every commune of the territory, the distance from its
/// point to the nearest place that passes the filter, and the population beyond each
/// threshold by département and région.
#[pyclass(frozen, module = "inclusion", name = "Coverage")]
pub struct PyCoverage {
    report: CoverageReport,
}

#[pymethods]
impl PyCoverage {
    /// The whole report in its JSON form (`request`, `territory_name`, `places`, `communes`,
    /// `total`, `by_region`, `by_departement`, `ranked`, `notices`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        many_to_python(py, &self.report)
    }

    /// One dict per commune (`code`, `name`, `departement`, `region`, `population`,
    /// `latitude`, `longitude`, `approximate_point`, `distance_m`, `nearest_place`, `band`):
    /// `pandas.DataFrame(coverage.records())`.
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        many_to_python(py, &self.report.communes)
    }

    /// The aggregates (the whole territory, each région, each département) as records.
    fn area_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let all: Vec<_> = std::iter::once(&self.report.total)
            .chain(&self.report.by_region)
            .chain(&self.report.by_departement)
            .collect();
        many_to_python(py, &all)
    }

    /// The summary table as text (what the command line prints).
    fn summary(&self) -> String {
        self.report.summary_table()
    }

    /// One CSV row per commune.
    fn to_csv(&self) -> String {
        self.report.to_csv()
    }

    /// The communes and the matching places as GeoJSON points.
    fn to_geojson(&self) -> String {
        self.report.to_geojson()
    }

    fn __repr__(&self) -> String {
        format!(
            "Coverage({:?}, {} communes, {} matching places)",
            self.report.territory_name,
            self.report.communes.len(),
            self.report.places.matching
        )
    }
}

/// Measures the coverage of a territory by the places of `index`: every commune of France
/// (default), of a `region` (INSEE code, e.g. `"84"`), of a `departement` (`"38"`) or of a list
/// of `communes` (codes INSEE). Filters as in `HelpIndex.nearest`; thresholds in kilometres
/// (default 5, 10, 20); the `top` most populous communes beyond `rank_beyond_km` (default: the
/// largest threshold) are ranked. The communes' nearest places are found on `threads`
/// threads (at least 512 communes each; by default, as many as the system gives this
/// process; `threads=1`: the calling thread): the same report whatever the number.
#[pyfunction]
#[pyo3(signature = (index, *, region = None, departement = None, communes = None, thresholds_km = None, rank_beyond_km = None, top = 20, threads = None, **filters))]
#[allow(clippy::too_many_arguments)] // the Python signature
pub(crate) fn coverage(
    py: Python<'_>,
    index: &Bound<'_, PyHelpIndex>,
    region: Option<String>,
    departement: Option<String>,
    communes: Option<Vec<String>>,
    thresholds_km: Option<Vec<f64>>,
    rank_beyond_km: Option<f64>,
    top: usize,
    threads: Option<usize>,
    filters: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyCoverage> {
    let threads = convert::threads(threads)?;
    let scope = match (region, departement, communes) {
        (None, None, None) => Scope::All,
        (Some(r), None, None) => Scope::region(r),
        (None, Some(d), None) => Scope::departement(d),
        (None, None, Some(c)) => Scope::communes(c),
        _ => {
            return Err(PyValueError::new_err(
                "give at most one of region, departement and communes",
            ));
        }
    };
    let mut request = CoverageRequest::new(scope)
        .filter(filter_from_kwargs(filters)?)
        .top(top);
    if let Some(t) = thresholds_km {
        request = request.thresholds_km(t);
    }
    if let Some(r) = rank_beyond_km {
        request = request.rank_beyond_km(r);
    }
    let index = &index.get().index;
    let report = py
        .detach(|| request.run_parallel(index, Gazetteer::embedded(), threads))
        .map_err(errors::coverage)?;
    Ok(PyCoverage { report })
}
