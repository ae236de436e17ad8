//! `inclusion.OpeningHours`: the `horaires` field (OpenStreetMap syntax) evaluated in a
//! territory's time zone with its public holidays; `from_french`.

use chrono::{DateTime, FixedOffset};
use inclusion_hours::{Lang, Locale, OpeningHours, State};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert::{date, instant, local, to_python};
use crate::errors::{self, Kind};

/// Opening hours in the OpenStreetMap `opening_hours` syntax, evaluated in the time zone and
/// with the public holidays (and school holidays, for `SH`) of the territory of `postcode` /
/// `insee` (metropolitan France when neither is given; overseas postcodes such as `97400`
/// give their own zone).
#[pyclass(frozen, module = "inclusion", name = "OpeningHours")]
pub struct PyOpeningHours {
    hours: OpeningHours,
    locale: Locale,
}

fn lang(code: &str) -> PyResult<Lang> {
    match code {
        "fr" => Ok(Lang::Fr),
        "en" => Ok(Lang::En),
        other => Err(PyValueError::new_err(format!(
            "lang must be \"fr\" or \"en\", not {other:?}"
        ))),
    }
}

/// `(start, end, state)` of a week, in local time.
type LocalInterval = (DateTime<FixedOffset>, DateTime<FixedOffset>, &'static str);

fn state(s: State) -> &'static str {
    s.as_str()
}

#[pymethods]
impl PyOpeningHours {
    /// Parses `text`; `OpeningHoursError` (with the position and what was expected) when it
    /// is not valid `opening_hours` syntax. Forms the reference parser corrects with a warning
    /// (`Lundi 9h-12h`) are accepted: see `was_corrected` and `canonical`.
    #[new]
    #[pyo3(signature = (text, postcode = None, insee = None))]
    fn new(text: &str, postcode: Option<&str>, insee: Option<&str>) -> PyResult<PyOpeningHours> {
        let hours = OpeningHours::new(text);
        if let Some(e) = hours.parse_error() {
            // Hours written in French: say what they read as, as the command line does.
            let hint = match inclusion_hours::suggest_osm(text).and_then(|c| c.osm) {
                Some(osm) => format!(
                    "; read as French it is {osm:?}: use OpeningHours(OpeningHours.from_french(text)[\"osm\"])"
                ),
                None => String::new(),
            };
            return Err(errors::error(
                Kind::Hours,
                format!("opening hours {text:?}: {e}{hint}"),
            ));
        }
        let locale = Locale::for_codes(postcode.unwrap_or(""), insee);
        Ok(PyOpeningHours { hours, locale })
    }

    /// The text as given.
    #[getter]
    fn text(&self) -> &str {
        self.hours.as_str()
    }

    /// The IANA time zone in which the hours are evaluated, e.g. `Europe/Paris`,
    /// `Indian/Reunion`.
    #[getter]
    fn time_zone(&self) -> &'static str {
        self.locale.tz.name()
    }

    /// Whether the text parsed only after corrections (French day names, `9h30`...).
    #[getter]
    fn was_corrected(&self) -> bool {
        self.hours.was_corrected()
    }

    /// The parsed text in canonical OSM form.
    #[getter]
    fn canonical(&self) -> Option<String> {
        self.hours.canonical()
    }

    /// Whether it is open at an aware datetime (closed and unknown are `False`).
    fn is_open(&self, at: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.hours.is_open_at(instant(at, "at")?, self.locale))
    }

    /// `"open"`, `"closed"` or `"unknown"` at an aware datetime.
    fn state(&self, at: &Bound<'_, PyAny>) -> PyResult<&'static str> {
        let at = instant(at, "at")?;
        Ok(self
            .hours
            .status_at(at, self.locale)
            .map_or("unknown", |s| state(s.state)))
    }

    /// The first change of state strictly after `at`, as an aware datetime in local time, or
    /// `None` when nothing changes within two years.
    fn next_change(&self, at: &Bound<'_, PyAny>) -> PyResult<Option<DateTime<FixedOffset>>> {
        let at = instant(at, "at")?;
        Ok(self.hours.next_change(at, self.locale).map(|c| local(c.at)))
    }

    /// The next opening strictly after `at` (after the current one when open), or `None`.
    fn next_opening(&self, at: &Bound<'_, PyAny>) -> PyResult<Option<DateTime<FixedOffset>>> {
        let at = instant(at, "at")?;
        Ok(self.hours.next_opening(at, self.locale).map(local))
    }

    /// The week (Monday 00:00 to the next Monday, local time) that contains the date `day`:
    /// consecutive `(start, end, state)` intervals covering it, aware datetimes in local time,
    /// state `"open"`, `"closed"` or `"unknown"`.
    fn week(&self, day: &Bound<'_, PyAny>) -> PyResult<Vec<LocalInterval>> {
        let day = date(day, "day")?;
        let week = self
            .hours
            .week(day, self.locale)
            .ok_or_else(|| errors::error(Kind::Hours, "these opening hours cannot be evaluated"))?;
        Ok(week
            .intervals
            .iter()
            .map(|i| (local(i.start), local(i.end), state(i.state)))
            .collect())
    }

    /// The hours in words, `lang` `"fr"` (default) or `"en"`.
    #[pyo3(signature = (lang = "fr"))]
    fn describe(&self, lang: &str) -> PyResult<String> {
        let lang = self::lang(lang)?;
        Ok(self.hours.describe(lang).unwrap_or_default())
    }

    /// One line for "is it open now" at `at`: `Ouvert · ferme à 17 h 30`.
    #[pyo3(signature = (at, lang = "fr"))]
    fn state_line(&self, at: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
        let lang = self::lang(lang)?;
        let at = instant(at, "at")?;
        Ok(self
            .hours
            .state_line(at, self.locale, lang)
            .unwrap_or_default())
    }

    /// Reads French free text (« du lundi au vendredi de 9h à 12h ») into OSM syntax, never
    /// inventing: `{"osm": str | None, "confidence", "understood", "not_understood",
    /// "ambiguous", "why"}`.
    #[staticmethod]
    fn from_french<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &inclusion_hours::from_french(text))
    }

    fn __repr__(&self) -> String {
        format!(
            "OpeningHours({:?}, time_zone={:?})",
            self.hours.as_str(),
            self.locale.tz.name()
        )
    }
}
