//! Reading standard files: CSV (v1.0.x) and JSON, with every problem as a
//! [`Diagnostic`](crate::Diagnostic).
//!
//! Reading never fails on a bad row: the report holds every valid place and every problem
//! (row, column, value, code, message). A file that cannot be read at all (not UTF-8 nor
//! Windows-1252 text, not a JSON array, a required column missing from the header) gives a
//! report with no place and a file-level error ([`ReadReport::unreadable`]).
//!
//! What is accepted beyond the standard's publication format, each reported as a warning:
//! a UTF-8 byte-order mark (`file.bom`), `;` as column delimiter (`file.semicolon_delimiter`),
//! Windows-1252 text (`file.windows_1252`), columns outside the standard
//! (`file.unknown_column`, their values kept in [`Place::extra`](crate::Place::extra)), optional columns missing
//! from the header (`file.missing_optional_column`).
//!
//! Records parsed elsewhere (a database, an API) go through the same validation, all at once
//! ([`validate_records`], which builds a [`ReadReport`]) or one at a time ([`RecordValidator`]).
//!
//! A report keeps every problem of the file itself and, of each code, the first
//! [`ReadOptions::max_diagnostics_per_code`] problems of rows (1,000 by default); its counts
//! stay exact ([`ReadReport::counts`], [`ReadReport::omitted`]).
//!
//! ```
//! use inclusion_model::{read_csv_str, ReadOptions, Service};
//!
//! let csv = "\
//! id,pivot,nom,commune,code_postal,adresse,date_maj,services
//! p1,43493312300029,Médiathèque,Reims,51100,1 rue X,2024-04-02,Aide aux démarches administratives
//! p2,43493312300029,Mairie,Reims,51100,2 rue Y,2024-13-02,
//! ";
//! let report = read_csv_str(csv, &ReadOptions::default());
//! assert_eq!(report.rows, 2);
//! assert_eq!(report.places.len(), 1);
//! assert!(report.places[0].offers(Service::AdministrativeProcedures));
//! // The bad row is reported with its row number as in a spreadsheet (the header is row 1).
//! let d = report.errors().next().unwrap();
//! assert_eq!((d.row(), d.column(), d.code()), (Some(3), Some("date_maj"), "date"));
//! ```

mod cells;
mod chunks;
mod csv;
mod decode;
mod file;
mod header;
mod json;
mod options;
mod parts;
mod progress;
mod report;
mod rows;
mod stream;

use std::path::Path;

use crate::{ModelError, Place};

pub use self::csv::{read_csv_in_parts, read_csv_str};
pub use self::json::read_json_slice;
pub use self::options::{DEFAULT_MAX_DIAGNOSTICS_PER_CODE, ReadOptions};
pub use self::progress::ReadProgress;
pub use self::report::{CodeCount, Format, ReadReport};
pub use self::rows::validate_records;
pub use self::stream::{CheckedRecord, RecordValidator};

/// A report read in parts ([`ReadOptions::threads`]) whose parts' places are not yet one
/// vector: [`read_bytes_parted`], [`read_path_parted`].
///
/// [`read_bytes`] appends the places of each part after the first to the first part's: a
/// move of every one of those places (664 bytes each; 33 MB, about 5 ms, for the second half
/// of a 100,000-row file), on one thread after the others are done, into memory the process
/// has often not touched yet. A caller that goes through the places in order (to make objects
/// of them, to count, to write them part by part) need not pay it; [`PartedReport::into_report`]
/// pays it when one vector is needed.
///
/// ```
/// use inclusion_model::{read_bytes, read_bytes_parted, ReadOptions};
/// let mut csv = String::from("id,pivot,nom,commune,code_postal,adresse,date_maj\n");
/// for i in 0..70_000 {
///     csv.push_str(&format!("p{i:05},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n"));
/// }
/// let options = ReadOptions::default().with_threads(2);
/// let parted = read_bytes_parted(csv.as_bytes(), &options);
/// assert_eq!(parted.later.len(), 1); // two parts: the first in `report.places`
/// assert_eq!(parted.len(), 70_000);
/// assert_eq!(parted.places().nth(69_999).map(|p| p.id.as_str()), Some("p69999"));
/// assert_eq!(parted.into_report(), read_bytes(csv.as_bytes(), &options));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PartedReport {
    /// The report, its places those of the first part: all of them when the file was read
    /// on one thread (a file under 4 MB, JSON, one thread asked).
    pub report: ReadReport,
    /// The places of each part after the first, in order: `report.places` then these are
    /// the places of [`read_bytes`], in its order.
    pub later: Vec<Vec<Place>>,
}

impl PartedReport {
    /// How many places in all.
    pub fn len(&self) -> usize {
        self.report.places.len() + self.later.iter().map(Vec::len).sum::<usize>()
    }

    /// Whether there is no place at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The places, in the order of [`read_bytes`].
    pub fn places(&self) -> impl Iterator<Item = &Place> {
        self.report.places.iter().chain(self.later.iter().flatten())
    }

    /// The report of [`read_bytes`]: the later parts' places appended to the first's
    /// ([`join_parts`]).
    pub fn into_report(self) -> ReadReport {
        let PartedReport { mut report, later } = self;
        join_parts(&mut report.places, later);
        report
    }

    fn of(mut report: ReadReport) -> PartedReport {
        let later = std::mem::take(&mut report.later);
        PartedReport { report, later }
    }
}

/// Appends the places of the `later` parts after `places`, in order, room reserved once:
/// what [`PartedReport::into_report`] does, for a caller that keeps a [`PartedReport`]'s
/// places apart from its report (the Python package makes objects of them, and joins them
/// only when it needs one slice).
///
/// ```
/// use inclusion_model::{join_parts, read_bytes, read_bytes_parted, ReadOptions};
/// let mut csv = String::from("id,pivot,nom,commune,code_postal,adresse,date_maj\n");
/// for i in 0..70_000 {
///     csv.push_str(&format!("p{i:05},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n"));
/// }
/// let options = ReadOptions::default().with_threads(2);
/// let parted = read_bytes_parted(csv.as_bytes(), &options);
/// let mut places = parted.report.places;
/// join_parts(&mut places, parted.later);
/// assert_eq!(places, read_bytes(csv.as_bytes(), &options).places);
/// ```
pub fn join_parts(places: &mut Vec<Place>, later: Vec<Vec<Place>>) {
    places.reserve(later.iter().map(Vec::len).sum::<usize>());
    for mut part in later {
        places.append(&mut part);
    }
}

/// [`read_bytes`], the places of each part after the first left in their own vectors (see
/// [`PartedReport`]). Everything else is the same: the diagnostics, counts and rows, and the
/// places in the same order.
pub fn read_bytes_parted(bytes: &[u8], options: &ReadOptions) -> PartedReport {
    PartedReport::of(read_bytes(bytes, &options.with_parts_apart()))
}

/// [`read_path`], the places of each part after the first left in their own vectors (see
/// [`PartedReport`]).
///
/// # Errors
/// As [`read_path`].
pub fn read_path_parted(
    path: impl AsRef<Path>,
    options: &ReadOptions,
) -> Result<PartedReport, ModelError> {
    read_path(path, &options.with_parts_apart()).map(PartedReport::of)
}

/// Reads bytes in any supported format: JSON when the first non-blank character is `[` or
/// `{`, CSV otherwise.
///
/// The bytes are decoded first, whatever the format: UTF-8 (a byte-order mark removed and
/// reported; invalid sequences replaced by `�`, each cell that holds one reported at its row
/// and column), UTF-16 (reported), or, only when the file as a whole is not UTF-8,
/// Windows-1252 (reported).
///
/// ```
/// use inclusion_model::{read_bytes, ReadOptions, Format};
/// let json = br#"[{"id":"p1","pivot":"43493312300029","nom":"Mairie","commune":"Reims",
///                  "code_postal":"51100","adresse":"1 place X","date_maj":"2024-04-02",
///                  "latitude":49.25,"longitude":4.03}]"#;
/// let report = read_bytes(json, &ReadOptions::default());
/// assert_eq!(report.format, Format::Json);
/// assert_eq!(report.places[0].coordinates.unwrap().latitude(), 49.25);
/// ```
pub fn read_bytes(bytes: &[u8], options: &ReadOptions) -> ReadReport {
    let mut diags = Vec::new();
    let decoded = self::decode::decode(bytes, &mut diags);
    let (text, replaced) = (&decoded.text, decoded.replaced > 0);
    match self::decode::format_of(text) {
        Some(Format::Json) => self::json::read_decoded(text, replaced, diags, options),
        _ => self::csv::read_decoded(text, replaced, diags, options),
    }
}

/// Reads a file from disk (see [`read_bytes`]).
///
/// A CSV file in UTF-8 is read a chunk at a time, each chunk's rows read while its bytes are
/// in the processor's caches, instead of being copied whole into memory first; the report
/// is the same.
///
/// # Errors
/// [`ModelError::Io`] when the file cannot be opened or read; every other problem is a diagnostic
/// of the report.
pub fn read_path(path: impl AsRef<Path>, options: &ReadOptions) -> Result<ReadReport, ModelError> {
    read_path_with_progress(path, options, &ReadProgress::new())
}

/// [`read_path`], counting in `progress` the bytes read as it goes, for a progress bar shown
/// by another thread (see [`ReadProgress`]).
///
/// # Errors
/// As [`read_path`].
pub fn read_path_with_progress(
    path: impl AsRef<Path>,
    options: &ReadOptions,
    progress: &ReadProgress,
) -> Result<ReadReport, ModelError> {
    let path = path.as_ref();
    let io = |source| ModelError::Io {
        path: path.display().to_string(),
        source,
    };
    // Opened once: a named FIFO opened again would wait for a writer that is gone.
    let file = std::fs::File::open(path).map_err(io)?;
    if let Some(report) = chunks::read(&file, options, parts::CHUNK_BYTES, progress) {
        return Ok(report);
    }
    let bytes = file::read(&file, options).map_err(io)?;
    progress.reach(bytes.len());
    Ok(read_bytes(&bytes, options))
}

/// [`read_path_with_progress`] by chunks of `chunk_bytes` bytes only: `None` when the file
/// would be read whole (smaller than a chunk, not a CSV file in UTF-8, a chunk that could
/// change the report). For tests of the reading by chunks.
#[doc(hidden)]
pub fn read_path_in_chunks(
    path: impl AsRef<Path>,
    options: &ReadOptions,
    chunk_bytes: usize,
    progress: &ReadProgress,
) -> Option<ReadReport> {
    let file = std::fs::File::open(path).ok()?;
    chunks::read(&file, options, chunk_bytes, progress)
}

/// [`read_path_in_chunks`], calling `pause(k)` on the thread that reads part `k` after each
/// of its chunks (part 0 is the calling thread's); the report and the number of parts the
/// file was read in. For tests of the parts that threads take from each other.
#[doc(hidden)]
pub fn read_path_in_chunks_paced(
    path: impl AsRef<Path>,
    options: &ReadOptions,
    chunk_bytes: usize,
    pause: &(dyn Fn(usize) + Sync),
) -> Option<(ReadReport, usize)> {
    let file = std::fs::File::open(path).ok()?;
    chunks::read_paced(&file, options, chunk_bytes, &ReadProgress::new(), pause)
}
