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
mod record;

use std::io::Write;

use serde::ser::SerializeSeq;

use crate::ModelError;
use crate::columns::Column;
use crate::place::Place;

pub use geojson::{to_geojson_string, write_geojson};
pub use record::{Record, cell};

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
