//! The library's errors as Python exceptions.
//!
//! The exception classes are defined in Python (`python/inclusion/_errors.py`), so that each
//! can derive from both `inclusion.InclusionError` and the built-in class a Python programmer
//! expects (`ValueError`, `LookupError`); a file that cannot be opened is a built-in `OSError`
//! (`FileNotFoundError`, `PermissionError`...). The message is always the library's own.

use pyo3::exceptions::{
    PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::PyType;

/// The exception classes of `inclusion._errors`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// `InclusionError`: the base class.
    Inclusion,
    /// `UnreadableFileError`: bytes that are not a file of places at all.
    Unreadable,
    /// `UnknownLabelError`: a value outside a vocabulary of the standard.
    Label,
    /// `InvalidQueryError`: a nearest-help query that cannot be answered.
    Query,
    /// `CommuneError`: a commune that cannot be found, or is ambiguous.
    Commune,
    /// `OpeningHoursError`: opening hours that do not parse.
    Hours,
    /// `AnswersError`: skills answers that do not fit the questionnaire.
    Answers,
    /// `CoverageError`: a coverage request that cannot be run.
    Coverage,
    /// `DedupError`: a deduplication that cannot be run.
    Dedup,
}

impl Kind {
    fn class_name(self) -> &'static str {
        match self {
            Kind::Inclusion => "InclusionError",
            Kind::Unreadable => "UnreadableFileError",
            Kind::Label => "UnknownLabelError",
            Kind::Query => "InvalidQueryError",
            Kind::Commune => "CommuneError",
            Kind::Hours => "OpeningHoursError",
            Kind::Answers => "AnswersError",
            Kind::Coverage => "CoverageError",
            Kind::Dedup => "DedupError",
        }
    }
}

/// An exception of class `kind` with `message`. Falls back to `ValueError` if the Python part of
/// the package cannot be imported (the native module used on its own).
pub(crate) fn error(kind: Kind, message: impl Into<String>) -> PyErr {
    let message = message.into();
    Python::attach(|py| {
        match py
            .import("inclusion._errors")
            .and_then(|m| m.getattr(kind.class_name()))
            .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from))
        {
            Ok(class) => PyErr::from_type(class, message),
            Err(_) => PyValueError::new_err(message),
        }
    })
}

/// An I/O error as the matching built-in `OSError` subclass, with the library's message.
pub(crate) fn io_error(kind: std::io::ErrorKind, message: String) -> PyErr {
    match kind {
        std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
        std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
        std::io::ErrorKind::IsADirectory => PyIsADirectoryError::new_err(message),
        _ => PyOSError::new_err(message),
    }
}

/// [`inclusion_model::ModelError`] as a Python exception.
pub(crate) fn model(e: inclusion_model::ModelError) -> PyErr {
    use inclusion_model::ModelError;
    match &e {
        ModelError::Io { source, .. } => io_error(source.kind(), e.to_string()),
        ModelError::Unreadable(_) => error(Kind::Unreadable, e.to_string()),
        ModelError::Hours(_) => error(Kind::Hours, e.to_string()),
        _ => error(Kind::Inclusion, e.to_string()),
    }
}

/// [`inclusion_model::UnknownLabel`] as `UnknownLabelError`.
pub(crate) fn label(e: inclusion_model::UnknownLabel) -> PyErr {
    error(Kind::Label, e.to_string())
}

/// [`inclusion_geo::GeoError`] as `InvalidQueryError`.
pub(crate) fn geo(e: inclusion_geo::GeoError) -> PyErr {
    error(Kind::Query, e.to_string())
}

/// [`inclusion_territory::TerritoryError`] as `CommuneError`.
pub(crate) fn territory(e: inclusion_territory::TerritoryError) -> PyErr {
    error(Kind::Commune, e.to_string())
}

/// [`inclusion_skills::SkillsError`] as `AnswersError`.
pub(crate) fn skills(e: inclusion_skills::SkillsError) -> PyErr {
    error(Kind::Answers, e.to_string())
}

/// [`inclusion_coverage::CoverageError`] as `CoverageError`.
pub(crate) fn coverage(e: inclusion_coverage::CoverageError) -> PyErr {
    error(Kind::Coverage, e.to_string())
}

/// [`inclusion_merge::MergeError`] as `DedupError`, or an `OSError` for a file that cannot be
/// read.
pub(crate) fn merge(e: inclusion_merge::MergeError) -> PyErr {
    match &e {
        inclusion_merge::MergeError::Read { source, .. } => io_error(source.kind(), e.to_string()),
        inclusion_merge::MergeError::Unreadable { .. } => error(Kind::Unreadable, e.to_string()),
        _ => error(Kind::Dedup, e.to_string()),
    }
}
