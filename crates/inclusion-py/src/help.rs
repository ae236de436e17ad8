//! `inclusion.HelpIndex`: the nearest places that can help, with filters and opening hours.

use chrono::{DateTime, FixedOffset, Utc};
use inclusion_geo::{HelpFilter, HelpIndex, HelpQuery, Hit};
use inclusion_model::{
    AccessMode, Criteria, Fee, NationalProgramme, Public, Service, SpecificSupport, SupportMode,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{labels, local, optional_instant};
use crate::errors;
use crate::place::PyPlace;
use crate::read::place_objects;

/// What the places must offer, from the keyword arguments shared by `HelpIndex.nearest`,
/// `HelpIndex.within` and `coverage`: one list of French labels per vocabulary (any value
/// matches; lists combine with AND) and `open_at`, an aware datetime. An unknown keyword is an
/// error naming the known ones.
pub(crate) fn filter_from_kwargs(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<HelpFilter> {
    let Some(kwargs) = kwargs else {
        return Ok(HelpFilter::default());
    };
    for key in kwargs.keys() {
        let key: String = key.extract()?;
        if !FILTER_KEYWORDS.contains(&key.as_str()) {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "unexpected keyword argument {key:?}; the filters are: {}",
                FILTER_KEYWORDS.join(", ")
            )));
        }
    }
    let get = |name: &str| kwargs.get_item(name);
    let criteria = Criteria::default()
        .services(labels::<Service>(get("services")?.as_ref())?)
        .publics(labels::<Public>(get("publics")?.as_ref())?)
        .specific_support(labels::<SpecificSupport>(
            get("specific_support")?.as_ref(),
        )?)
        .fees(labels::<Fee>(get("fees")?.as_ref())?)
        .support_modes(labels::<SupportMode>(get("support_modes")?.as_ref())?)
        .national_programmes(labels::<NationalProgramme>(
            get("national_programmes")?.as_ref(),
        )?)
        .access_modes(labels::<AccessMode>(get("access_modes")?.as_ref())?)
        .exclude_access_modes(labels::<AccessMode>(get("exclude_access_modes")?.as_ref())?);
    let mut filter = HelpFilter::from(criteria);
    filter.open_at = optional_instant(get("open_at")?.as_ref(), "open_at")?;
    Ok(filter)
}

/// The filter keywords.
const FILTER_KEYWORDS: [&str; 9] = [
    "services",
    "publics",
    "specific_support",
    "fees",
    "support_modes",
    "national_programmes",
    "access_modes",
    "exclude_access_modes",
    "open_at",
];

/// A nearest-help index over places, exact on the sphere (great-circle distances in metres),
/// with filters on the standard's vocabularies and on opening hours.
#[pyclass(frozen, module = "inclusion", name = "HelpIndex")]
pub struct PyHelpIndex {
    pub(crate) index: HelpIndex,
    /// The `Place` objects given, in the index's order (sorted by id).
    objects: Vec<Py<PyPlace>>,
}

/// One answer: the place, its distance, and whether it is open.
#[pyclass(frozen, module = "inclusion", name = "Hit")]
pub struct PyHit {
    place: Py<PyPlace>,
    distance_m: f64,
    open: Option<bool>,
    next_change: Option<DateTime<FixedOffset>>,
}

#[pymethods]
impl PyHit {
    /// The place (the same `Place` object that was given to the index).
    #[getter]
    fn place(&self, py: Python<'_>) -> Py<PyPlace> {
        self.place.clone_ref(py)
    }
    /// Great-circle distance from the query position, in metres.
    #[getter]
    fn distance_m(&self) -> f64 {
        self.distance_m
    }
    /// Whether the place is open at the instant of the query (`open_at`, or `at`, or now);
    /// `None` without parseable opening hours.
    #[getter]
    fn open(&self) -> Option<bool> {
        self.open
    }
    /// When it next opens or closes after that instant, an aware datetime in the place's
    /// local time; `None` without parseable opening hours or change within two years.
    #[getter]
    fn next_change(&self) -> Option<DateTime<FixedOffset>> {
        self.next_change
    }
    /// The answer as the JSON form of the command line: `id`, `nom`, `distance_m`,
    /// `latitude`, `longitude`, `open`, `next_change` (ISO 8601 text).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let place = &self.place.bind(py).get().place;
        let d = PyDict::new(py);
        d.set_item("id", &place.id)?;
        d.set_item("nom", &place.name)?;
        d.set_item("distance_m", self.distance_m)?;
        d.set_item("latitude", place.coordinates.map(|c| c.latitude()))?;
        d.set_item("longitude", place.coordinates.map(|c| c.longitude()))?;
        d.set_item("open", self.open)?;
        d.set_item("next_change", self.next_change.map(|c| c.to_rfc3339()))?;
        Ok(d)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let place = &self.place.bind(py).get().place;
        let open = match self.open {
            Some(true) => "True",
            Some(false) => "False",
            None => "None",
        };
        format!(
            "Hit(id={:?}, nom={:?}, distance_m={:.0}, open={open})",
            place.id, place.name, self.distance_m
        )
    }
}

impl PyHelpIndex {
    fn run(
        &self,
        py: Python<'_>,
        query: HelpQuery,
        at: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyHit>> {
        let at: DateTime<Utc> = match query.filter.open_at {
            Some(t) => t,
            None => optional_instant(at, "at")?.unwrap_or_else(Utc::now),
        };
        let hits = self.index.query(&query).map_err(errors::geo)?;
        hits.iter()
            .map(|hit| self.hit(py, hit, at))
            .collect::<PyResult<Vec<_>>>()
    }

    fn hit(&self, py: Python<'_>, hit: &Hit, at: DateTime<Utc>) -> PyResult<PyHit> {
        let outside = || PyValueError::new_err("internal error: a hit outside the index's places");
        let place = self.index.places().get(hit.place).ok_or_else(outside)?;
        let object = self.objects.get(hit.place).ok_or_else(outside)?;
        let hours = place.opening_hours.as_ref().filter(|h| h.is_valid());
        let locale = place.hours_locale();
        Ok(PyHit {
            place: object.clone_ref(py),
            distance_m: hit.distance_m,
            open: hours.map(|h| h.is_open_at(at, locale)),
            next_change: hours
                .and_then(|h| h.next_change(at, locale))
                .map(|c| local(c.at)),
        })
    }
}

fn radius_m(radius_km: f64) -> PyResult<f64> {
    if radius_km.is_finite() && radius_km >= 0.0 {
        Ok(radius_km * 1000.0)
    } else {
        Err(errors::geo(inclusion_geo::GeoError::InvalidDistance(
            radius_km * 1000.0,
        )))
    }
}

#[pymethods]
impl PyHelpIndex {
    /// Builds the index over places: a `Report` or an iterable of `Place`. Places without
    /// coordinates are kept (in `places`) but never returned.
    #[new]
    fn new(py: Python<'_>, places: &Bound<'_, PyAny>) -> PyResult<PyHelpIndex> {
        let mut objects = place_objects(places)?;
        // The index sorts its places by id (a stable sort): sort the objects the same way,
        // so that a hit's position names its object.
        objects.sort_by(|a, b| a.bind(py).get().place.id.cmp(&b.bind(py).get().place.id));
        let places: Vec<_> = objects
            .iter()
            .map(|p| p.bind(py).get().place.clone())
            .collect();
        let index = py
            .detach(|| HelpIndex::build(places))
            .map_err(errors::geo)?;
        Ok(PyHelpIndex { index, objects })
    }

    /// The `k` nearest places to a position (WGS84 degrees) that pass the filters, nearest
    /// first (ties by id). Filters (keyword arguments): `services`, `publics`,
    /// `specific_support`, `fees`, `support_modes`, `national_programmes`, `access_modes`,
    /// `exclude_access_modes` — each a French label of the standard or a list of them — and
    /// `open_at`, an aware datetime. `radius_km` bounds the distance; `at` is the instant
    /// for `Hit.open` and `Hit.next_change` when `open_at` is not given (default: now).
    #[pyo3(signature = (latitude, longitude, k = 5, *, radius_km = None, at = None, **filters))]
    #[allow(clippy::too_many_arguments)] // the Python signature
    fn nearest(
        &self,
        py: Python<'_>,
        latitude: f64,
        longitude: f64,
        k: usize,
        radius_km: Option<f64>,
        at: Option<&Bound<'_, PyAny>>,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Vec<PyHit>> {
        let mut query =
            HelpQuery::nearest(latitude, longitude, k).filter(filter_from_kwargs(filters)?);
        if let Some(r) = radius_km {
            query = query.max_distance_m(radius_m(r)?);
        }
        self.run(py, query, at)
    }

    /// Every place within `radius_km` of a position that passes the filters (see `nearest`),
    /// nearest first.
    #[pyo3(signature = (latitude, longitude, radius_km, *, at = None, **filters))]
    fn within(
        &self,
        py: Python<'_>,
        latitude: f64,
        longitude: f64,
        radius_km: f64,
        at: Option<&Bound<'_, PyAny>>,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Vec<PyHit>> {
        let query = HelpQuery::within(latitude, longitude, radius_m(radius_km)?)
            .filter(filter_from_kwargs(filters)?);
        self.run(py, query, at)
    }

    /// Every place given, sorted by id (those without coordinates included).
    #[getter]
    fn places<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.objects.iter().map(|p| p.clone_ref(py)))
    }

    /// How many places can be returned (those with coordinates).
    fn __len__(&self) -> usize {
        self.index.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "HelpIndex({} places, {} with coordinates)",
            self.objects.len(),
            self.index.len()
        )
    }
}
