//! Values crossing the boundary: instants, dates, JSON forms, vocabulary labels.

use std::num::NonZeroUsize;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateTime, PyString, PyTzInfo};

/// An aware `datetime.datetime` as an instant. A naive datetime (no `tzinfo`, or a `tzinfo`
/// that gives no offset) is refused: opening hours are evaluated at an instant, in each
/// place's own time zone, and a naive value names no instant.
pub(crate) fn instant(value: &Bound<'_, PyAny>, argument: &str) -> PyResult<DateTime<Utc>> {
    let Ok(dt) = value.cast::<PyDateTime>() else {
        return Err(PyTypeError::new_err(format!(
            "{argument} must be a datetime.datetime, not {}",
            type_name(value)
        )));
    };
    let offset = dt.call_method0("utcoffset")?;
    if offset.is_none() {
        return Err(PyValueError::new_err(format!(
            "{argument} is a naive datetime ({}): give an aware one, with its time zone, e.g. \
             datetime.now(timezone.utc) or datetime(2026, 12, 1, 10, 0, \
             tzinfo=ZoneInfo(\"Europe/Paris\")); opening hours are evaluated at an instant, in \
             each place's own time zone",
            dt.str()?
        )));
    }
    let utc = PyTzInfo::utc(value.py())?;
    dt.call_method1("astimezone", (utc,))?.extract()
}

/// An optional instant argument (`None` allowed).
pub(crate) fn optional_instant(
    value: Option<&Bound<'_, PyAny>>,
    argument: &str,
) -> PyResult<Option<DateTime<Utc>>> {
    match value {
        Some(v) if !v.is_none() => instant(v, argument).map(Some),
        _ => Ok(None),
    }
}

/// A `datetime.date` (a `datetime` is refused: its time would be silently dropped).
pub(crate) fn date(value: &Bound<'_, PyAny>, argument: &str) -> PyResult<NaiveDate> {
    if value.is_instance_of::<PyDateTime>() || !value.is_instance_of::<PyDate>() {
        return Err(PyTypeError::new_err(format!(
            "{argument} must be a datetime.date, not {}",
            type_name(value)
        )));
    }
    value.extract()
}

/// A local time as an aware Python datetime with a fixed offset (`datetime.timezone`).
pub(crate) fn local<Tz: chrono::TimeZone>(at: DateTime<Tz>) -> DateTime<FixedOffset> {
    at.fixed_offset()
}

/// The name of a value's type, for messages.
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |n| n.to_string())
}

/// Any serialisable value in its JSON form, as Python objects (dicts, lists, str, int, float,
/// bool, None).
pub(crate) fn to_python<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// [`to_python`] for a value of many objects (the records of a report, the pairs of a
/// deduplication), with Python's cyclic collector paused while they are made ([`crate::gc`]);
/// small values go through [`to_python`], which spares them the pause's calls.
pub(crate) fn many_to_python<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let _paused = crate::gc::Paused::new(py);
    to_python(py, value)
}

/// The `threads` argument of `read`, `HelpIndex`, `nearest_many` and `coverage`: 1 or more,
/// or `None` for as many as the system gives this process (its CPUs, or its share of them
/// under a quota; one when it cannot tell), as the command line's `--threads` does.
pub(crate) fn threads(threads: Option<usize>) -> PyResult<NonZeroUsize> {
    match threads {
        None => Ok(std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN)),
        Some(n) => NonZeroUsize::new(n).ok_or_else(|| {
            PyValueError::new_err(
                "threads must be 1 or more (1 works on the calling thread), or None for \
                 every CPU",
            )
        }),
    }
}

/// A list of labels of a vocabulary from Python: one label (`str`) or an iterable of them;
/// `None` is the empty list. French labels of the standard, exactly as published.
pub(crate) fn labels<V>(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<V>>
where
    V: std::str::FromStr<Err = inclusion_model::UnknownLabel>,
{
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(vec![s.to_cow()?.parse().map_err(crate::errors::label)?]);
    }
    let mut out = Vec::new();
    for item in value.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "expected a label or an iterable of labels (str), not {}",
            type_name(value)
        ))
    })? {
        let item = item?;
        let Ok(s) = item.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "labels are str (the standard's French labels), not {}",
                type_name(&item)
            )));
        };
        out.push(s.to_cow()?.parse().map_err(crate::errors::label)?);
    }
    Ok(out)
}
