//! The digital-skills diagnostic: `assess`, `questionnaire`, `eurostat_assess`.

use inclusion_skills::eurostat::EurostatInput;
use inclusion_skills::{Answers, Questionnaire};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMapping};

use crate::convert::{to_python, type_name};
use crate::errors::{self, Kind};

/// The JSON form of a Python mapping, as a serde value of the library.
fn from_python<T: serde::de::DeserializeOwned>(
    value: &Bound<'_, PyAny>,
    what: &str,
) -> PyResult<T> {
    if !value.is_instance_of::<PyDict>() && !value.is_instance_of::<PyMapping>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{what} must be a dict, not {}",
            type_name(value)
        )));
    }
    // Through JSON text, so that types are checked as strictly as in the JSON form (a str is
    // not a bool, as it would be by truthiness).
    let text: String = value
        .py()
        .import("json")?
        .call_method1("dumps", (value,))?
        .extract()?;
    serde_json::from_str(&text).map_err(|e| {
        errors::error(
            Kind::Answers,
            format!("{what} do not have the documented form: {e}"),
        )
    })
}

/// Assesses a person's answers to the built-in questionnaire « Diagnostic numérique » and
/// returns the assessment in its JSON form (`outcome`: DSI levels and class, DigComp ranges,
/// recommended accompaniment, help needs; `explanation`). `answers` is either the answers
/// alone, `{"internet_3m": "yes", "IL1": "no", ...}`, or the full form
/// `{"questionnaire": "diagnostic-numerique/1.0.0", "answers": {...}}`. `AnswersError` lists
/// every problem (unknown item, missing required item, value out of scale).
#[pyfunction]
pub(crate) fn assess<'py>(
    py: Python<'py>,
    answers: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if !answers.is_instance_of::<PyDict>() && !answers.is_instance_of::<PyMapping>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "the answers must be a dict, not {}",
            type_name(answers)
        )));
    }
    let questionnaire = Questionnaire::builtin();
    let full = answers.cast::<PyDict>().is_ok_and(|d| {
        d.contains("answers").unwrap_or(false) && d.contains("questionnaire").unwrap_or(false)
    });
    let answers: Answers = if full {
        from_python(answers, "the answers")?
    } else {
        let form = PyDict::new(py);
        form.set_item("questionnaire", questionnaire.reference())?;
        form.set_item("answers", answers)?;
        from_python(form.as_any(), "the answers")?
    };
    let assessment = py
        .detach(|| inclusion_skills::assess(questionnaire, &answers))
        .map_err(errors::skills)?;
    to_python(py, &assessment)
}

/// The built-in questionnaire in its JSON form (items, scales, French and English texts),
/// for a user interface.
#[pyfunction]
pub(crate) fn questionnaire(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, Questionnaire::builtin())
}

/// The full Eurostat mode: the DSI 2.0 levels and class from the EU survey's own variables,
/// `{"used_internet_3m": true, "activities": {"IUIF": true, ...}}`. Returns `{"result",
/// "explanation"}`.
#[pyfunction]
pub(crate) fn eurostat_assess<'py>(
    py: Python<'py>,
    survey: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let input: EurostatInput = from_python(survey, "the survey answers")?;
    let assessment = inclusion_skills::eurostat::assess(&input).map_err(errors::skills)?;
    to_python(py, &assessment)
}
