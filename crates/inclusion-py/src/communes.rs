//! `inclusion.communes`: the gazetteer of French communes.

use inclusion_territory::communes::{Commune, Gazetteer, PointSource};
use pyo3::prelude::*;

use crate::errors;

/// A commune of the gazetteer (Code officiel géographique).
#[pyclass(frozen, module = "inclusion", name = "Commune")]
pub struct PyCommune {
    pub(crate) commune: Commune,
}

#[pymethods]
impl PyCommune {
    /// Code INSEE, e.g. `38185`.
    #[getter]
    fn code(&self) -> &str {
        &self.commune.code
    }
    /// Official name, e.g. `Grenoble`.
    #[getter]
    fn name(&self) -> &str {
        &self.commune.name
    }
    /// Code of the département or overseas collectivity, e.g. `38`, `2A`, `974`.
    #[getter]
    fn departement(&self) -> &str {
        &self.commune.departement
    }
    /// The postcodes.
    #[getter]
    fn postcodes(&self) -> Vec<&str> {
        self.commune.postcodes().collect()
    }
    /// Municipal population.
    #[getter]
    fn population(&self) -> u32 {
        self.commune.population
    }
    /// Latitude of the representative point (WGS84), `None` when the gazetteer has none.
    #[getter]
    fn latitude(&self) -> Option<f64> {
        self.commune.point.map(|p| p.latitude)
    }
    /// Longitude of the representative point.
    #[getter]
    fn longitude(&self) -> Option<f64> {
        self.commune.point.map(|p| p.longitude)
    }
    /// Whether the point is that of the most populous commune sharing a postcode (a few
    /// kilometres off) rather than the commune's own.
    #[getter]
    fn approximate_point(&self) -> bool {
        self.commune
            .point
            .is_some_and(|p| p.source == PointSource::SharedPostcode)
    }
    /// `Name (département)`, e.g. `Valence (26)`.
    #[getter]
    fn label(&self) -> String {
        self.commune.label()
    }
    fn __repr__(&self) -> String {
        format!(
            "Commune(code={:?}, name={:?}, departement={:?})",
            self.commune.code, self.commune.name, self.commune.departement
        )
    }
}

/// The commune a person means: a code INSEE (`38185`), a postcode (`38000`: its most populous
/// commune), or a name, case and accents ignored, with the département for homonyms
/// (`Valence (26)`). `CommuneError` when none matches (with suggestions) or several do.
#[pyfunction]
pub(crate) fn find(query: &str) -> PyResult<PyCommune> {
    Gazetteer::embedded()
        .find(query)
        .map(|c| PyCommune { commune: c.clone() })
        .map_err(errors::territory)
}

/// Like `find`, and the commune must have a point (`CommuneError` otherwise).
#[pyfunction]
pub(crate) fn locate(query: &str) -> PyResult<PyCommune> {
    Gazetteer::embedded()
        .locate(query)
        .map(|(c, _)| PyCommune { commune: c.clone() })
        .map_err(errors::territory)
}

/// Up to `n` commune names close to `name`, as `Name (département)`.
#[pyfunction]
#[pyo3(signature = (name, n = 5))]
pub(crate) fn suggest(name: &str, n: usize) -> Vec<String> {
    Gazetteer::embedded().suggest(name, n)
}
