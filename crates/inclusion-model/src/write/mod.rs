//! Writing places: canonical CSV v1.0.2, JSON records, GeoJSON.
//!
//! * CSV: the 32 columns in schema order, every field quoted, `|` between list items, dates
//!   `YYYY-MM-DD`, `\n` line ends, UTF-8 without BOM. What this writes, read and written again,
//!   is byte-identical.
//! * JSON: an array of flat records keyed by the standard's column names, in schema order,
//!   absent values left out, `latitude`/`longitude` as numbers (the form of the national
//!   cartography's files). Since absent values are left out, a file may hold no column that
//!   only v1 has; if it holds a column outside the standard named as a v0.1 column
//!   (`labels_nationaux`: an item the v0.1 mapping had no rule for), reading it detects v0.1:
//!   read it with [`ReadOptions::with_version`](crate::ReadOptions::with_version)`(V1_0)`.
//! * GeoJSON: a `FeatureCollection` of the places with coordinates (RFC 7946 `[longitude,
//!   latitude]`), the other columns as properties.
//!
//! Nothing read is lost: the columns outside the standard that a file had ([`Place::extra`])
//! are written after the standard's — in CSV as more columns (their names in the order they
//! first appear among the places; a place without a value leaves the cell empty, and a place
//! read back has them in that order), in JSON as
//! more keys of the record, in GeoJSON as more properties. A file without such columns is
//! written exactly as the standard's, byte for byte. [`WriteOptions::standard_only`] writes
//! the standard's 32 columns only, which the official validator (frictionless) asks for: it
//! reports every column it does not know (`extra-label`). An extra whose name is a column of
//! the standard is never written (it would repeat the column).
//!
//! ```
//! use inclusion_model::{read_csv_str, to_csv_string, write_csv_with, ReadOptions, WriteOptions};
//!
//! let input = "id,pivot,nom,commune,code_postal,adresse,date_maj,horaires_ete\n\
//!              p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,Mo-Fr 09:00-12:00\n";
//! let places = read_csv_str(input, &ReadOptions::default()).places;
//! let csv = to_csv_string(&places)?;
//! assert!(csv.lines().next().unwrap().ends_with(r#""prise_rdv","horaires_ete""#));
//! assert!(csv.lines().nth(1).unwrap().ends_with(r#","","Mo-Fr 09:00-12:00""#));
//! let mut standard = Vec::new();
//! write_csv_with(&places, &mut standard, &WriteOptions::standard_only())?;
//! assert!(String::from_utf8(standard).unwrap().lines().next().unwrap().ends_with(r#""prise_rdv""#));
//! # Ok::<(), inclusion_model::ModelError>(())
//! ```
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
mod options;
mod record;

use std::io::Write;

use serde::ser::SerializeSeq;

use crate::ModelError;
use crate::columns::Column;
use crate::place::Place;

pub use geojson::{to_geojson_string, write_geojson, write_geojson_with};
pub use record::{Record, cell};

pub use options::WriteOptions;

use options::writable;
use record::RecordWith;

/// The names of the extra columns of the places, in order of first appearance, each once.
fn extra_names(places: &[Place]) -> Vec<&str> {
    let mut seen = rustc_hash::FxHashSet::default();
    places
        .iter()
        .flat_map(|p| p.extra.iter().map(|(name, _)| name.as_str()))
        .filter(|name| writable(name) && seen.insert(*name))
        .collect()
}

/// Writes places as canonical CSV v1.0.2, with their columns outside the standard after the
/// standard's (see the [module documentation](self)).
///
/// # Errors
/// When writing to `out` fails.
pub fn write_csv<W: Write>(places: &[Place], out: W) -> Result<(), ModelError> {
    write_csv_with(places, out, &WriteOptions::default())
}

/// Writes places as canonical CSV v1.0.2, with options (see [`WriteOptions`]).
///
/// # Errors
/// When writing to `out` fails.
pub fn write_csv_with<W: Write>(
    places: &[Place],
    out: W,
    options: &WriteOptions,
) -> Result<(), ModelError> {
    let mut w = ::csv::WriterBuilder::new()
        .quote_style(::csv::QuoteStyle::Always)
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    let extras = if options.extra_columns {
        extra_names(places)
    } else {
        Vec::new()
    };
    let names = Column::ALL.iter().map(|c| c.name());
    w.write_record(names.chain(extras.iter().copied()))?;
    for p in places {
        let standard = Column::ALL.iter().map(|c| cell(p, *c));
        let extra = extras.iter().map(|name| {
            let value = p.extra.iter().find(|(n, _)| n == name);
            std::borrow::Cow::Borrowed(value.map_or("", |(_, v)| v.as_str()))
        });
        w.write_record(standard.chain(extra).map(|c| c.into_owned()))?;
    }
    w.flush().map_err(|e| ModelError::Csv(e.into()))?;
    Ok(())
}

/// Canonical CSV v1.0.2 as a string (see [`write_csv`]).
///
/// # Errors
/// Never in practice (writing to memory); the signature mirrors [`write_csv`].
pub fn to_csv_string(places: &[Place]) -> Result<String, ModelError> {
    let mut buf = Vec::new();
    write_csv(places, &mut buf)?;
    String::from_utf8(buf).map_err(|e| ModelError::Unreadable(e.to_string()))
}

struct Records<'a>(&'a [Place], WriteOptions);

impl serde::Serialize for Records<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for p in self.0 {
            seq.serialize_element(&RecordWith {
                place: p,
                coordinates: true,
                extra: self.1.extra_columns,
            })?;
        }
        seq.end()
    }
}

/// Writes places as a JSON array of flat records, with their columns outside the standard
/// as more keys (see the [module documentation](self)).
///
/// # Errors
/// When writing to `out` fails.
pub fn write_json<W: Write>(places: &[Place], out: W) -> Result<(), ModelError> {
    write_json_with(places, out, &WriteOptions::default())
}

/// Writes places as a JSON array of flat records, with options (see [`WriteOptions`]).
///
/// # Errors
/// When writing to `out` fails.
pub fn write_json_with<W: Write>(
    places: &[Place],
    out: W,
    options: &WriteOptions,
) -> Result<(), ModelError> {
    serde_json::to_writer_pretty(out, &Records(places, *options))?;
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
    Ok(serde_json::to_string_pretty(&Records(
        places,
        WriteOptions::default(),
    ))?)
}
