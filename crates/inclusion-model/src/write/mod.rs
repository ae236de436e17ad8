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
    let mut w = CsvWriter::new(out, CsvWriter::<W>::CHUNK);
    write_records(places, options, &mut w)?;
    w.finish()
}

/// The header and the records of `places` (see [`write_csv_with`]).
fn write_records<W: Write>(
    places: &[Place],
    options: &WriteOptions,
    w: &mut CsvWriter<W>,
) -> Result<(), ModelError> {
    let extras = if options.extra_columns {
        extra_names(places)
    } else {
        Vec::new()
    };
    let names = Column::ALL.iter().map(|c| c.name());
    for name in names.chain(extras.iter().copied()) {
        w.field(name);
    }
    w.end_record()?;
    for p in places {
        for column in Column::ALL {
            match column {
                Column::Latitude | Column::Longitude | Column::UpdatedOn => {
                    w.unescaped(|text| record::write_cell(p, column, text));
                }
                _ => w.field(&cell(p, column)),
            }
        }
        for name in &extras {
            let value = p.extra.iter().find(|(n, _)| n == name);
            w.field(value.map_or("", |(_, v)| v.as_str()));
        }
        w.end_record()?;
    }
    Ok(())
}

/// The canonical CSV form, written by hand: every field quoted, a quote inside doubled, `,`
/// between fields and `\n` after each record (what the `csv` crate writes with
/// `QuoteStyle::Always` and a `\n` terminator; a property test compares the two). Measured
/// (callgrind, `inclusion convert` of the 100,000-row CSV of `scripts/python-bench.py` to CSV):
/// the `csv` crate's writer took 574 M of the 966 M instructions of writing, in its state
/// machine per field and per delimiter, which this form does not need; see ARCHITECTURE.md.
struct CsvWriter<W> {
    out: W,
    /// The records not yet written to `out`.
    buffer: String,
    /// How much is gathered before it is written to `out`.
    chunk: usize,
    /// Whether the next field starts a record.
    first: bool,
}

impl<W: Write> CsvWriter<W> {
    /// What is gathered before it is written to a file or a stream.
    const CHUNK: usize = 1 << 16;

    /// A writer to `out` that writes what it gathered past `chunk` bytes.
    fn new(out: W, chunk: usize) -> CsvWriter<W> {
        CsvWriter {
            out,
            buffer: String::with_capacity(chunk.min(Self::CHUNK) + 4096),
            chunk,
            first: true,
        }
    }

    /// Opens a field: the delimiter before it unless it starts the record, then its quote.
    fn open(&mut self) {
        if !self.first {
            self.buffer.push(',');
        }
        self.first = false;
        self.buffer.push('"');
    }

    /// A field of any text.
    fn field(&mut self, text: &str) {
        self.open();
        let mut rest = text;
        while let Some(quote) = crate::bytes::find_byte(rest.as_bytes(), b'"') {
            self.buffer.push_str(&rest[..=quote]);
            self.buffer.push('"');
            rest = &rest[quote + 1..];
        }
        self.buffer.push_str(rest);
        self.buffer.push('"');
    }

    /// A field that `write` writes and that holds no quote (a number, a date).
    fn unescaped(&mut self, write: impl FnOnce(&mut String)) {
        self.open();
        write(&mut self.buffer);
        self.buffer.push('"');
    }

    /// Ends a record; what is gathered goes to `out` once it is a chunk.
    fn end_record(&mut self) -> Result<(), ModelError> {
        self.buffer.push('\n');
        self.first = true;
        if self.buffer.len() >= self.chunk {
            self.flush_buffer()?;
        }
        Ok(())
    }

    fn flush_buffer(&mut self) -> Result<(), ModelError> {
        let written = self.out.write_all(self.buffer.as_bytes());
        self.buffer.clear();
        written.map_err(|e| ModelError::Csv(e.into()))
    }

    /// Writes what is left and flushes `out`.
    fn finish(mut self) -> Result<(), ModelError> {
        self.flush_buffer()?;
        self.out.flush().map_err(|e| ModelError::Csv(e.into()))
    }
}

/// Canonical CSV v1.0.2 as a string (see [`write_csv`]).
///
/// # Errors
/// Never in practice (writing to memory); the signature mirrors [`write_csv`].
pub fn to_csv_string(places: &[Place]) -> Result<String, ModelError> {
    // The text is gathered whole in the writer's buffer, already a `String`: no copy to
    // bytes and back, no second validation of 44 MB of UTF-8 for 100,000 places.
    let mut w = CsvWriter::new(std::io::sink(), usize::MAX);
    write_records(places, &WriteOptions::default(), &mut w)?;
    Ok(w.buffer)
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
    let mut out = record::buffered(out);
    serde_json::to_writer_pretty(&mut out, &Records(places, *options))?;
    out.flush().map_err(serde_json::Error::io)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Records written by [`CsvWriter`].
    fn ours(records: &[Vec<String>]) -> String {
        let mut out = Vec::new();
        let mut w = CsvWriter::new(&mut out, CsvWriter::<Vec<u8>>::CHUNK);
        for record in records {
            for field in record {
                w.field(field);
            }
            w.end_record().unwrap();
        }
        w.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The same records written by the `csv` crate, every field quoted, `\n` after each.
    fn reference(records: &[Vec<String>]) -> String {
        let mut w = ::csv::WriterBuilder::new()
            .quote_style(::csv::QuoteStyle::Always)
            .terminator(::csv::Terminator::Any(b'\n'))
            .flexible(true)
            .from_writer(Vec::new());
        for record in records {
            w.write_record(record).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_000))]

        /// The `csv` crate is the oracle: the same bytes for any fields (quotes, delimiters,
        /// line ends, long fields past the first 32 bytes searched word by word).
        #[test]
        fn records_are_written_as_the_csv_crate_writes_them(
            records in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::collection::vec(
                        prop_oneof![
                            Just("\""), Just("\"\""), Just(","), Just(";"), Just("\n"),
                            Just("\r\n"), Just("a"), Just("é"), Just(" "), Just("bcdefghij"),
                        ],
                        0..20,
                    ).prop_map(|parts| parts.concat()),
                    1..6,
                ),
                0..5,
            ),
        ) {
            prop_assert_eq!(ours(&records), reference(&records));
        }
    }

    #[test]
    fn records_past_a_chunk_are_all_written_in_order() {
        let records: Vec<Vec<String>> = (0..20_000)
            .map(|i| {
                vec![
                    format!("p{i}"),
                    "a \"quoted\" name".to_owned(),
                    String::new(),
                ]
            })
            .collect();
        let written = ours(&records);
        assert!(written.len() > 4 * CsvWriter::<Vec<u8>>::CHUNK);
        assert_eq!(written, reference(&records));
    }

    /// A writer that refuses everything after its first `room` bytes.
    struct Full {
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "full"));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_full_disk_is_an_error_not_a_panic() {
        let csv = format!(
            "id,pivot,nom,commune,code_postal,adresse,date_maj\n{}",
            (0..2_000)
                .map(|i| format!("p{i},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n"))
                .collect::<String>()
        );
        let places = crate::read_csv_str(&csv, &crate::ReadOptions::default()).places;
        assert_eq!(places.len(), 2_000);
        for room in [0, 100, 70_000] {
            let e = write_csv(&places, Full { room }).unwrap_err();
            assert!(e.to_string().contains("full"), "{e}");
            // JSON and GeoJSON go through a buffer: the error comes at a write or at the flush.
            let e = write_json(&places, Full { room }).unwrap_err();
            assert!(e.to_string().contains("full"), "{e}");
            // (Places without coordinates: an empty collection of 43 bytes.)
            let e = write_geojson(&places, Full { room: room.min(20) }).unwrap_err();
            assert!(e.to_string().contains("full"), "{e}");
        }
        // Buffered, the JSON written is the string's.
        let mut json = Vec::new();
        write_json(&places, &mut json).unwrap();
        assert_eq!(json, to_json_string(&places).unwrap().as_bytes());
        let mut all = Vec::new();
        write_csv(&places, &mut all).unwrap();
        assert!(
            all.len() > 70_000,
            "the last case fails past the first chunk"
        );
        // The text gathered whole is the text written in chunks.
        assert_eq!(to_csv_string(&places).unwrap().as_bytes(), all);
    }
}
