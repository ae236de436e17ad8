//! Writing places: canonical CSV v1.0.2, JSON records, GeoJSON.
//!
//! * CSV: the 32 columns in schema order, every field quoted, `|` between list items, dates
//!   `YYYY-MM-DD`, `\n` line ends, UTF-8 without BOM. What this writes, read and written again,
//!   is byte-identical.
//! * JSON: an array of flat records keyed by the standard's column names, in schema order,
//!   absent values left out, `latitude`/`longitude` as numbers (the form of the national
//!   cartography's files).
//! * GeoJSON: a `FeatureCollection` of the places with coordinates (RFC 7946 `[longitude,
//!   latitude]`), the other columns as properties.
//!
//! Columns outside the standard ([`Place::extra`]) are not written.
//!
//! ```
//! use inclusion_model::{read_csv_str, to_csv_string, ReadOptions};
//!
//! let input = "id,pivot,nom,commune,code_postal,adresse,date_maj,services\n\
//!              p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-4-2,|Aide aux démarches administratives\n";
//! let places = read_csv_str(input, &ReadOptions::default()).places;
//! let csv = to_csv_string(&places)?;
//! assert!(csv.starts_with("\"id\",\"pivot\",\"nom\""));
//! assert!(csv.contains("\"2024-04-02\""));                      // canonical date
//! assert!(csv.contains("\"Aide aux démarches administratives\"")); // no leading '|'
//! // Idempotent: read again and write again, byte for byte.
//! let again = read_csv_str(&csv, &ReadOptions::default()).places;
//! assert_eq!(again, places);
//! assert_eq!(to_csv_string(&again)?, csv);
//! # Ok::<(), inclusion_model::ModelError>(())
//! ```

mod geojson;

use std::borrow::Cow;
use std::io::Write;

use serde::ser::{SerializeMap, SerializeSeq};

use crate::ModelError;
use crate::columns::Column;
use crate::place::Place;
use crate::vocab::Vocabulary;

pub use geojson::{to_geojson_string, write_geojson};

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

/// Writes places as canonical CSV v1.0.2 (see the [module documentation](self)).
///
/// # Errors
/// When writing to `out` fails.
pub fn write_csv<W: Write>(places: &[Place], out: W) -> Result<(), ModelError> {
    let mut w = ::csv::WriterBuilder::new()
        .quote_style(::csv::QuoteStyle::Always)
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(Column::ALL.iter().map(|c| c.name()))?;
    for p in places {
        w.write_record(Column::ALL.iter().map(|c| cell(p, *c).into_owned()))?;
    }
    w.flush().map_err(|e| ModelError::Csv(e.into()))?;
    Ok(())
}

/// Canonical CSV v1.0.2 as a string.
///
/// # Errors
/// Never in practice (writing to memory); the signature mirrors [`write_csv`].
pub fn to_csv_string(places: &[Place]) -> Result<String, ModelError> {
    let mut buf = Vec::new();
    write_csv(places, &mut buf)?;
    String::from_utf8(buf).map_err(|e| ModelError::Unreadable(e.to_string()))
}

/// A place as the standard's flat JSON record (schema order, absent values left out,
/// coordinates as numbers). Serialize it with serde.
pub struct Record<'a>(pub &'a Place);

/// Like [`Record`], without the coordinates (for GeoJSON properties).
pub(crate) struct Properties<'a>(pub &'a Place);

fn serialize_record<S: serde::Serializer>(
    place: &Place,
    with_coordinates: bool,
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
    map.end()
}

impl serde::Serialize for Record<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_record(self.0, true, s)
    }
}

impl serde::Serialize for Properties<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_record(self.0, false, s)
    }
}

struct Records<'a>(&'a [Place]);

impl serde::Serialize for Records<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for p in self.0 {
            seq.serialize_element(&Record(p))?;
        }
        seq.end()
    }
}

/// Writes places as a JSON array of flat records (see the [module documentation](self)).
///
/// # Errors
/// When writing to `out` fails.
pub fn write_json<W: Write>(places: &[Place], out: W) -> Result<(), ModelError> {
    serde_json::to_writer_pretty(out, &Records(places))?;
    Ok(())
}

/// The JSON array of flat records as a string.
///
/// ```
/// use inclusion_model::{read_json_slice, to_json_string, ReadOptions};
/// let json = r#"[{"id":"p1","pivot":"43493312300029","nom":"Mairie","commune":"Reims","code_postal":"51100","adresse":"1 place X","date_maj":"2024-04-02","latitude":49.25,"longitude":4.03}]"#;
/// let places = read_json_slice(json.as_bytes(), &ReadOptions::default()).places;
/// let out = to_json_string(&places)?;
/// assert_eq!(read_json_slice(out.as_bytes(), &ReadOptions::default()).places, places);
/// # Ok::<(), inclusion_model::ModelError>(())
/// ```
///
/// # Errors
/// Never in practice (writing to memory).
pub fn to_json_string(places: &[Place]) -> Result<String, ModelError> {
    Ok(serde_json::to_string_pretty(&Records(places))?)
}
