//! A place as written: the text of each column ([`cell`]), and the flat JSON record
//! ([`Record`]) the JSON and GeoJSON writers serialise.

use std::borrow::Cow;

use serde::ser::SerializeMap;

use crate::columns::Column;
use crate::place::Place;
use crate::vocab::Vocabulary;

/// The value of a place in one column, as written in a file (empty when absent).
pub fn cell(place: &Place, column: Column) -> Cow<'_, str> {
    fn opt(s: &Option<String>) -> Cow<'_, str> {
        Cow::Borrowed(s.as_deref().unwrap_or(""))
    }
    fn list<V: Vocabulary>(v: &[V]) -> Cow<'static, str> {
        match v {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one.label_fr()),
            _ => Cow::Owned(v.iter().map(|x| x.label_fr()).collect::<Vec<_>>().join("|")),
        }
    }
    fn strings(v: &[String]) -> Cow<'_, str> {
        match v {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one),
            _ => Cow::Owned(v.join("|")),
        }
    }
    match column {
        Column::Id => Cow::Borrowed(&place.id),
        Column::Pivot => Cow::Borrowed(&place.pivot),
        Column::Name => Cow::Borrowed(&place.name),
        Column::Commune => Cow::Borrowed(&place.address.commune),
        Column::Postcode => Cow::Borrowed(&place.address.postcode),
        Column::InseeCode => opt(&place.address.insee_code),
        Column::Street => Cow::Borrowed(&place.address.street),
        Column::AddressComplement => opt(&place.address.complement),
        Column::Latitude => place
            .coordinates
            .map_or(Cow::Borrowed(""), |c| Cow::Owned(c.latitude().to_string())),
        Column::Longitude => place
            .coordinates
            .map_or(Cow::Borrowed(""), |c| Cow::Owned(c.longitude().to_string())),
        Column::Typology => match place.typology.as_slice() {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one.code()),
            many => Cow::Owned(many.iter().map(|t| t.code()).collect::<Vec<_>>().join("|")),
        },
        Column::Phone => opt(&place.contact.phone),
        Column::Emails => strings(&place.contact.emails),
        Column::Websites => strings(&place.contact.websites),
        Column::OpeningHours => {
            Cow::Borrowed(place.opening_hours.as_ref().map_or("", |h| h.as_str()))
        }
        Column::Summary => opt(&place.summary),
        Column::Description => opt(&place.description),
        Column::Source => opt(&place.source),
        Column::Mobility => list(&place.mobility),
        Column::ParentOrganisation => opt(&place.parent_organisation),
        Column::UpdatedOn => Cow::Owned(place.updated_on.format("%Y-%m-%d").to_string()),
        Column::Services => list(&place.services),
        Column::Publics => list(&place.publics),
        Column::SpecificSupport => list(&place.specific_support),
        Column::Fees => list(&place.fees),
        Column::NationalProgrammes => list(&place.national_programmes),
        Column::TrainingLabels => list(&place.training_labels),
        Column::OtherLabels => strings(&place.other_labels),
        Column::AccessModes => list(&place.access_modes),
        Column::SupportModes => list(&place.support_modes),
        Column::AccessibilityUrl => opt(&place.accessibility_url),
        Column::BookingUrl => opt(&place.booking_url),
    }
}

/// A place as the standard's flat JSON record (schema order, absent values left out,
/// coordinates as numbers), then its columns outside the standard ([`Place::extra`], texts).
/// Serialize it with serde.
pub struct Record<'a>(pub &'a Place);

/// A place as a flat JSON record, with or without its coordinates (GeoJSON properties leave
/// them out) and its columns outside the standard.
pub(super) struct RecordWith<'a> {
    pub(super) place: &'a Place,
    pub(super) coordinates: bool,
    pub(super) extra: bool,
}

fn serialize_record<S: serde::Serializer>(
    place: &Place,
    with_coordinates: bool,
    with_extra: bool,
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(None)?;
    for c in Column::ALL {
        match c {
            Column::Latitude | Column::Longitude => {
                if let (true, Some(co)) = (with_coordinates, place.coordinates) {
                    let v = if c == Column::Latitude {
                        co.latitude()
                    } else {
                        co.longitude()
                    };
                    map.serialize_entry(c.name(), &v)?;
                }
            }
            _ => {
                let v = cell(place, c);
                if !v.is_empty() {
                    map.serialize_entry(c.name(), &v)?;
                }
            }
        }
    }
    if with_extra {
        let mut written = rustc_hash::FxHashSet::default();
        for (name, value) in &place.extra {
            // Each key once (JSON keys are unique), never a standard column's name.
            if super::options::writable(name) && !value.is_empty() && written.insert(name.as_str())
            {
                map.serialize_entry(name, value)?;
            }
        }
    }
    map.end()
}

impl serde::Serialize for Record<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_record(self.0, true, true, s)
    }
}

impl serde::Serialize for RecordWith<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_record(self.place, self.coordinates, self.extra, s)
    }
}
