//! `inclusion.Place`: a place of the standard, its columns as attributes; its flat record as a
//! dict.

use chrono::{DateTime, FixedOffset, NaiveDate};
use inclusion_model::write::cell;
use inclusion_model::{Column, CompactString, Place, Vocabulary};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString};

use crate::convert::{instant, local};

/// A place of the standard (schema v1.0.2), as read and validated. Its attributes are the
/// standard's columns, typed: texts, `None` when absent, lists of labels for the list columns,
/// `date_maj` a `datetime.date`, `latitude`/`longitude` floats. `to_dict()` gives the flat
/// record of the standard's JSON form.
#[pyclass(frozen, module = "inclusion", name = "Place")]
pub struct PyPlace {
    pub(crate) place: Place,
}

fn vocab<V: Vocabulary>(values: &[V]) -> Vec<&'static str> {
    values.iter().map(|v| v.label_fr()).collect()
}

#[pymethods]
impl PyPlace {
    /// `id`: the place's identifier in its source.
    #[getter]
    fn id(&self) -> &str {
        &self.place.id
    }
    /// `pivot`: SIRET, RNA, or the placeholder `00000000000000`.
    #[getter]
    fn pivot(&self) -> &str {
        &self.place.pivot
    }
    /// `nom`.
    #[getter]
    fn nom(&self) -> &str {
        &self.place.name
    }
    /// `commune`.
    #[getter]
    fn commune(&self) -> &str {
        &self.place.address.commune
    }
    /// `code_postal`.
    #[getter]
    fn code_postal(&self) -> &str {
        &self.place.address.postcode
    }
    /// `code_insee`.
    #[getter]
    fn code_insee(&self) -> Option<&str> {
        self.place.address.insee_code.as_deref()
    }
    /// `adresse`.
    #[getter]
    fn adresse(&self) -> &str {
        &self.place.address.street
    }
    /// `complement_adresse`.
    #[getter]
    fn complement_adresse(&self) -> Option<&str> {
        self.place.address.complement.as_deref()
    }
    /// `latitude`, WGS84 degrees.
    #[getter]
    fn latitude(&self) -> Option<f64> {
        self.place.coordinates.map(|c| c.latitude())
    }
    /// `longitude`, WGS84 degrees.
    #[getter]
    fn longitude(&self) -> Option<f64> {
        self.place.coordinates.map(|c| c.longitude())
    }
    /// `typologie`: the typology codes.
    #[getter]
    fn typologie(&self) -> Vec<&str> {
        self.place.typology.iter().map(|t| t.code()).collect()
    }
    /// `telephone`.
    #[getter]
    fn telephone(&self) -> Option<&str> {
        self.place.contact.phone.as_deref()
    }
    /// `courriels`.
    #[getter]
    fn courriels(&self) -> Vec<&str> {
        self.place
            .contact
            .emails
            .iter()
            .map(CompactString::as_str)
            .collect()
    }
    /// `site_web`.
    #[getter]
    fn site_web(&self) -> Vec<&str> {
        self.place
            .contact
            .websites
            .iter()
            .map(CompactString::as_str)
            .collect()
    }
    /// `horaires`: the OpenStreetMap opening hours, as written.
    #[getter]
    fn horaires(&self) -> Option<&str> {
        self.place.opening_hours.as_ref().map(|h| h.as_str())
    }
    /// `presentation_resume`.
    #[getter]
    fn presentation_resume(&self) -> Option<&str> {
        self.place.summary.as_deref()
    }
    /// `presentation_detail`.
    #[getter]
    fn presentation_detail(&self) -> Option<&str> {
        self.place.description.as_deref()
    }
    /// `source`.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.place.source.as_deref()
    }
    /// `itinerance`.
    #[getter]
    fn itinerance(&self) -> Vec<&'static str> {
        vocab(&self.place.mobility)
    }
    /// `structure_parente`.
    #[getter]
    fn structure_parente(&self) -> Option<&str> {
        self.place.parent_organisation.as_deref()
    }
    /// `date_maj`.
    #[getter]
    fn date_maj(&self) -> NaiveDate {
        self.place.updated_on
    }
    /// `services`.
    #[getter]
    fn services(&self) -> Vec<&'static str> {
        vocab(&self.place.services)
    }
    /// `publics_specifiquement_adresses`.
    #[getter]
    fn publics_specifiquement_adresses(&self) -> Vec<&'static str> {
        vocab(&self.place.publics)
    }
    /// `prise_en_charge_specifique`.
    #[getter]
    fn prise_en_charge_specifique(&self) -> Vec<&'static str> {
        vocab(&self.place.specific_support)
    }
    /// `frais_a_charge`.
    #[getter]
    fn frais_a_charge(&self) -> Vec<&'static str> {
        vocab(&self.place.fees)
    }
    /// `dispositif_programmes_nationaux`.
    #[getter]
    fn dispositif_programmes_nationaux(&self) -> Vec<&'static str> {
        vocab(&self.place.national_programmes)
    }
    /// `formations_labels`.
    #[getter]
    fn formations_labels(&self) -> Vec<&'static str> {
        vocab(&self.place.training_labels)
    }
    /// `autres_formations_labels`.
    #[getter]
    fn autres_formations_labels(&self) -> Vec<&str> {
        self.place
            .other_labels
            .iter()
            .map(CompactString::as_str)
            .collect()
    }
    /// `modalites_acces`.
    #[getter]
    fn modalites_acces(&self) -> Vec<&'static str> {
        vocab(&self.place.access_modes)
    }
    /// `modalites_accompagnement`.
    #[getter]
    fn modalites_accompagnement(&self) -> Vec<&'static str> {
        vocab(&self.place.support_modes)
    }
    /// `fiche_acces_libre`.
    #[getter]
    fn fiche_acces_libre(&self) -> Option<&str> {
        self.place.accessibility_url.as_deref()
    }
    /// `prise_rdv`.
    #[getter]
    fn prise_rdv(&self) -> Option<&str> {
        self.place.booking_url.as_deref()
    }
    /// The columns outside the standard, as read (name, value).
    #[getter]
    fn extra(&self) -> Vec<(&str, &str)> {
        self.place
            .extra
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    /// Whether the place is open at an aware `datetime`, by its `horaires` in its own time zone
    /// (from its postcode and code INSEE) with its territory's holidays; `None` without
    /// parseable opening hours.
    fn is_open(&self, at: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
        let at = instant(at, "at")?;
        let place = &self.place;
        Ok(place
            .opening_hours
            .as_ref()
            .filter(|h| h.is_valid())
            .map(|h| h.is_open_at(at, place.hours_locale())))
    }

    /// The next change of state (opening or closing) strictly after `at`, as an aware
    /// datetime in the place's local time; `None` without parseable hours or change within
    /// two years.
    fn next_change(&self, at: &Bound<'_, PyAny>) -> PyResult<Option<DateTime<FixedOffset>>> {
        let at = instant(at, "at")?;
        let place = &self.place;
        Ok(place
            .opening_hours
            .as_ref()
            .and_then(|h| h.next_change(at, place.hours_locale()))
            .map(|c| local(c.at)))
    }

    /// The place as the standard's flat record: column name → text (lists joined with `|`),
    /// `latitude` and `longitude` as floats, absent values left out — the JSON form
    /// `write_json` writes, one dict per place.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        record(py, &self.place)
    }

    fn __repr__(&self) -> String {
        format!(
            "Place(id={:?}, nom={:?}, commune={:?})",
            self.place.id, self.place.name, self.place.address.commune
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyPlace>()
            .is_ok_and(|o| o.get().place == self.place)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.place.id.hash(&mut h);
        self.place.name.hash(&mut h);
        h.finish()
    }
}

/// A place as the standard's flat record (see [`PyPlace::to_dict`]).
pub(crate) fn record<'py>(py: Python<'py>, place: &Place) -> PyResult<Bound<'py, PyDict>> {
    // The keys: the column names as Python strings made once, whose hashes Python keeps,
    // where a `&str` key would be made and hashed again for every value of every record.
    static KEYS: PyOnceLock<Vec<Py<PyString>>> = PyOnceLock::new();
    let keys = KEYS.get_or_init(py, || {
        Column::ALL
            .iter()
            .map(|c| PyString::intern(py, c.name()).unbind())
            .collect()
    });
    let dict = PyDict::new(py);
    for (column, key) in Column::ALL.into_iter().zip(keys) {
        let key = key.bind(py);
        match column {
            Column::Latitude | Column::Longitude => {
                if let Some(c) = place.coordinates {
                    let v = if column == Column::Latitude {
                        c.latitude()
                    } else {
                        c.longitude()
                    };
                    dict.set_item(key, v)?;
                }
            }
            _ => {
                let v = cell(place, column);
                if !v.is_empty() {
                    dict.set_item(key, v.as_ref())?;
                }
            }
        }
    }
    Ok(dict)
}

/// Places as a Python list of `Place` objects (each place moved into its object).
pub(crate) fn place_list(
    py: Python<'_>,
    places: impl IntoIterator<Item = Place>,
) -> PyResult<Py<PyList>> {
    let _paused = crate::gc::Paused::new(py);
    let objects = places
        .into_iter()
        .map(|place| Py::new(py, PyPlace { place }))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, objects)?.unbind())
}
