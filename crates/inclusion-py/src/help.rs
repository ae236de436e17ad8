//! `inclusion.HelpIndex`: the nearest places that can help, with filters and opening hours.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};
use inclusion_geo::{CommuneSearch, HelpFilter, HelpIndex, HelpQuery, Hit, RemoteHelp};
use inclusion_hours::Locale;
use inclusion_model::{
    AccessMode, Criteria, Fee, NationalProgramme, OpeningHours, Public, Service, SpecificSupport,
    SupportMode,
};
use inclusion_territory::communes::Gazetteer;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::communes::PyCommune;
use crate::convert::{self, labels, local, optional_instant};
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
#[pyclass(frozen, get_all, module = "inclusion", name = "Hit")]
pub struct PyHit {
    /// The place (the same `Place` object that was given to the index).
    place: Py<PyPlace>,
    /// Great-circle distance from the query position, in metres.
    distance_m: f64,
    /// Whether the place is open at the instant of the query (`open_at`, or `at`, or now);
    /// `None` without parseable opening hours.
    open: Option<bool>,
    /// When it next opens or closes after that instant, an aware datetime in the place's
    /// local time; `None` without parseable opening hours or change within two years.
    next_change: Option<DateTime<FixedOffset>>,
}

#[pymethods]
impl PyHit {
    /// The answer as the JSON form of the command line: `id`, `nom`, `distance_m`,
    /// `latitude`, `longitude`, `open`, `next_change` (ISO 8601 text).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let place = &self.place.bind(py).get().place;
        let d = PyDict::new(py);
        d.set_item("id", place.id.as_str())?;
        d.set_item("nom", place.name.as_str())?;
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

/// One answer of a search around a commune (`HelpIndex.near_commune`): a place of the
/// commune, a place around it, or remote help.
#[pyclass(frozen, get_all, module = "inclusion", name = "Answer")]
pub struct PyAnswer {
    /// The place (the same `Place` object that was given to the index).
    place: Py<PyPlace>,
    /// Great-circle distance from the commune's point, in metres; `None` for remote help and
    /// for a place of the commune without coordinates.
    distance_m: Option<f64>,
    /// Whether the place's `code_insee` is the commune's.
    in_commune: bool,
    /// Whether the answer is remote help (helps at a distance).
    remote: bool,
    /// Whether the place is open at the instant of the search; `None` without parseable
    /// opening hours.
    open: Option<bool>,
    /// When it next opens or closes after that instant, in the place's local time.
    next_change: Option<DateTime<FixedOffset>>,
}

#[pymethods]
impl PyAnswer {
    fn __repr__(&self, py: Python<'_>) -> String {
        let place = &self.place.bind(py).get().place;
        format!(
            "Answer(id={:?}, nom={:?}, distance_m={:?}, in_commune={}, remote={})",
            place.id,
            place.name,
            self.distance_m.map(f64::round),
            if self.in_commune { "True" } else { "False" },
            if self.remote { "True" } else { "False" },
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
        let at = instant(&query.filter, at)?;
        let hits = self.index.query(&query).map_err(errors::geo)?;
        let states = self.open_states(hits.iter().map(|hit| hit.place), at);
        (hits.iter().zip(states))
            .map(|(hit, state)| self.hit(py, hit, state))
            .collect()
    }

    /// A hit as the Python object, with its place's state (`open_states`).
    fn hit(&self, py: Python<'_>, hit: &Hit, (open, next_change): OpenState) -> PyResult<PyHit> {
        Ok(PyHit {
            place: self.object(py, hit.place)?,
            distance_m: hit.distance_m,
            open,
            next_change,
        })
    }

    /// The object of the place at `index` in the index's order.
    fn object(&self, py: Python<'_>, index: usize) -> PyResult<Py<PyPlace>> {
        self.objects
            .get(index)
            .map(|object| object.clone_ref(py))
            .ok_or_else(|| {
                PyValueError::new_err("internal error: a hit outside the index's places")
            })
    }

    /// Whether each of `places` (positions in the index's order) is open at `at`, and its
    /// next change (both `None` without parseable opening hours), each (opening hours,
    /// locale) evaluated once: places with the same hours in the same time zone and holidays
    /// have the same state at `at` (the hits of a batch often share their places, and places
    /// their hours, as the places `within` a large radius do).
    fn open_states(
        &self,
        places: impl Iterator<Item = usize>,
        at: DateTime<Utc>,
    ) -> Vec<OpenState> {
        let mut known: HashMap<(&str, Locale), OpenState> = HashMap::new();
        places
            .map(|index| match self.hours_of(index) {
                None => (None, None),
                Some((hours, locale)) => *known
                    .entry((hours.as_str(), locale))
                    .or_insert_with(|| open_state(hours, locale, at)),
            })
            .collect()
    }

    /// The parseable opening hours of the place at `index` in the index's order, and the
    /// locale they are read in.
    fn hours_of(&self, index: usize) -> Option<(&OpeningHours, Locale)> {
        let place = self.index.places().get(index)?;
        let hours = place.opening_hours.as_ref().filter(|h| h.is_valid())?;
        Some((hours, place.hours_locale()))
    }
}

/// (latitude, longitude) pairs from Python: any iterable of sequences of two numbers.
fn pairs(positions: &Bound<'_, PyAny>) -> PyResult<Vec<(f64, f64)>> {
    let not_pairs = |i: usize, item: &Bound<'_, PyAny>| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "positions must be (latitude, longitude) pairs of numbers; item {i} is {}",
            item.repr()
                .map_or_else(|_| convert::type_name(item), |r| r.to_string())
        ))
    };
    let mut out = Vec::with_capacity(positions.len().unwrap_or(0));
    let items = positions.try_iter().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "positions must be an iterable of (latitude, longitude) pairs, not {}",
            convert::type_name(positions)
        ))
    })?;
    for (i, item) in items.enumerate() {
        let item = item?;
        let text = item.is_instance_of::<pyo3::types::PyString>()
            || item.is_instance_of::<pyo3::types::PyBytes>();
        if text || item.len().ok() != Some(2) {
            return Err(not_pairs(i, &item));
        }
        let number = |j: usize| -> PyResult<f64> {
            item.get_item(j)
                .and_then(|v| v.extract::<f64>())
                .map_err(|_| not_pairs(i, &item))
        };
        out.push((number(0)?, number(1)?));
    }
    Ok(out)
}

/// The instant at which hits say whether they are open: the filter's `open_at`, else `at`
/// (an aware datetime), else now.
fn instant(filter: &HelpFilter, at: Option<&Bound<'_, PyAny>>) -> PyResult<DateTime<Utc>> {
    match filter.open_at {
        Some(t) => Ok(t),
        None => Ok(optional_instant(at, "at")?.unwrap_or_else(Utc::now)),
    }
}

/// Whether a place is open at an instant, and its next change (in the place's local time).
type OpenState = (Option<bool>, Option<DateTime<FixedOffset>>);

/// [`OpenState`] of opening hours in a locale at `at`.
fn open_state(hours: &OpeningHours, locale: Locale, at: DateTime<Utc>) -> OpenState {
    (
        Some(hours.is_open_at(at, locale)),
        hours.next_change(at, locale).map(|c| local(c.at)),
    )
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
    /// coordinates are kept (in `places`) but never returned. With 8,192 places or more and
    /// `threads` of 2 or more (by default, as many as the system gives this process), the
    /// index is built on two threads (the same index).
    #[new]
    #[pyo3(signature = (places, *, threads = None))]
    fn new(
        py: Python<'_>,
        places: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<PyHelpIndex> {
        let threads = convert::threads(threads)?;
        let mut objects = place_objects(places)?;
        // The index sorts its places by id (a stable sort): sort the objects the same way,
        // so that a hit's position names its object.
        objects.sort_by(|a, b| a.bind(py).get().place.id.cmp(&b.bind(py).get().place.id));
        let places: Vec<_> = objects
            .iter()
            .map(|p| p.bind(py).get().place.clone())
            .collect();
        // Every table built here, with the interpreter released, rather than by the first
        // filtered query (a one-thread build leaves them to it), which holds the interpreter.
        let index = py
            .detach(|| {
                let index = HelpIndex::build_parallel(places, threads)?;
                index.prepare();
                Ok(index)
            })
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

    /// The `k` nearest places that pass the filters from each of many positions, as `nearest`
    /// answers each: one list of hits per position, in the order of `positions` (an iterable
    /// of (latitude, longitude) pairs, tuples or lists). Filters and `at` as for `nearest`.
    /// With the interpreter released, the positions are answered in an order that keeps the
    /// caches warm, each bounded by the previous answers, on `threads` threads (each a part
    /// of 512 positions or more; by default, as many threads as the system gives); then
    /// each hit's `open` and `next_change` are found on the calling thread, each
    /// opening-hours text evaluated once per time zone and holidays.
    #[pyo3(signature = (positions, k = 5, *, at = None, threads = None, **filters))]
    fn nearest_many(
        &self,
        py: Python<'_>,
        positions: &Bound<'_, PyAny>,
        k: usize,
        at: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Vec<Vec<PyHit>>> {
        let positions = pairs(positions)?;
        let filter = filter_from_kwargs(filters)?;
        let threads = convert::threads(threads)?;
        let at = instant(&filter, at)?;
        // The answers and whether each place is open (the evaluation of its hours, most of
        // the work), with the interpreter released; then the Python objects.
        let (many, states) = py
            .detach(|| {
                let many = self
                    .index
                    .nearest_many_parallel(&positions, k, &filter, threads)?;
                let states = self.open_states(many.iter().flatten().map(|hit| hit.place), at);
                Ok((many, states))
            })
            .map_err(errors::geo)?;
        let mut states = states.into_iter();
        many.iter()
            .map(|hits| {
                hits.iter()
                    .map(|hit| self.hit(py, hit, states.next().unwrap_or_default()))
                    .collect()
            })
            .collect()
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

    /// Search around a commune, as people mean "near Saint-Étienne": every place of the
    /// commune (by `code_insee`, whatever `k` says), plus at most `k` other places within
    /// `radius_km` of its point (default 10 km), nearest first; with `remote="after"` or
    /// `"first"`, the places that help at a distance in a list of their own (at most `k`,
    /// 10 without `k`), after or before the others. `query` is a commune name, `Name (26)`,
    /// a code INSEE or a postcode (`CommuneError` when unknown or ambiguous). Filters and
    /// `at` as for `nearest`. Places without a `code_insee` are only found by the radius.
    /// Returns the commune and the answers in the order to show them.
    #[pyo3(signature = (query, k = None, *, radius_km = None, remote = None, at = None, **filters))]
    #[allow(clippy::too_many_arguments)] // the Python signature
    fn near_commune(
        &self,
        py: Python<'_>,
        query: &str,
        k: Option<usize>,
        radius_km: Option<f64>,
        remote: Option<&str>,
        at: Option<&Bound<'_, PyAny>>,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<(PyCommune, Vec<PyAnswer>)> {
        let (commune, point) = Gazetteer::embedded()
            .locate(query)
            .map_err(errors::territory)?;
        let remote = match remote {
            None => RemoteHelp::No,
            Some("after") => RemoteHelp::After,
            Some("first") => RemoteHelp::First,
            Some(other) => {
                return Err(PyValueError::new_err(format!(
                    "remote must be None, \"after\" or \"first\", not {other:?}"
                )));
            }
        };
        let filter = filter_from_kwargs(filters)?;
        let at = instant(&filter, at)?;
        let mut search = CommuneSearch::new(point.latitude, point.longitude)
            .insee_code(commune.code.clone())
            .filter(filter)
            .remote(remote);
        if let Some(k) = k {
            search = search.k(k);
        }
        if let Some(r) = radius_km {
            search = search.radius_m(radius_m(r)?);
        }
        let found = py
            .detach(|| self.index.search_commune(&search))
            .map_err(errors::geo)?;
        let states = self.open_states(found.answers().map(|a| a.place), at);
        let answers = (found.answers().zip(states))
            .map(|(a, (open, next_change))| {
                Ok(PyAnswer {
                    place: self.object(py, a.place)?,
                    distance_m: a.distance_m,
                    in_commune: a.in_commune,
                    remote: a.remote,
                    open,
                    next_change,
                })
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok((
            PyCommune {
                commune: commune.clone(),
            },
            answers,
        ))
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
