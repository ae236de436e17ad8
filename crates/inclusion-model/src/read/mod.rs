//! Reading standard files: CSV (v1.0.x) and JSON, with every problem as a [`Diagnostic`].
//!
//! Reading never fails on a bad row: the report holds every valid place and every problem
//! (row, column, value, code, message). A file that cannot be read at all (not UTF-8 nor
//! Windows-1252 text, not a JSON array, a required column missing from the header) gives a
//! report with no place and a file-level error ([`ReadReport::unreadable`]).
//!
//! What is accepted beyond the standard's publication format, each reported as a warning:
//! a UTF-8 byte-order mark (`file.bom`), `;` as column delimiter (`file.semicolon_delimiter`),
//! Windows-1252 text (`file.windows_1252`), columns outside the standard
//! (`file.unknown_column`, their values kept in [`Place::extra`]), optional columns missing
//! from the header (`file.missing_optional_column`).
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
//! assert_eq!((d.row, d.column.as_deref(), d.code), (Some(3), Some("date_maj"), "date"));
//! ```

pub(crate) mod csv;
mod decode;
mod json;

use std::path::Path;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Severity};
use crate::migrate::{SchemaVersion, VersionChoice};
use crate::place::Place;
use crate::validate::Level;
use crate::{ModelError, codes};

pub use self::csv::read_csv_str;
pub use self::json::read_json_slice;

/// How to read a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// The validation level (default: [`Level::Standard`]).
    pub level: Level,
    /// Keep a place whose errors are all in optional fields, with those values dropped (each
    /// diagnostic says so). By default a row with an error gives no place.
    pub lenient: bool,
    /// The date used as "today" by the Strict check of `date_maj` (default: the system date).
    pub today: Option<NaiveDate>,
    /// Which version of the standard to read the file as (default: detected from the header).
    pub version: VersionChoice,
}

impl ReadOptions {
    /// The Strict level.
    pub fn strict() -> ReadOptions {
        ReadOptions {
            level: Level::Strict,
            ..ReadOptions::default()
        }
    }

    /// Sets the level.
    pub fn with_level(mut self, level: Level) -> ReadOptions {
        self.level = level;
        self
    }

    /// Sets lenient reading.
    pub fn with_lenient(mut self, lenient: bool) -> ReadOptions {
        self.lenient = lenient;
        self
    }

    /// Reads the file as this version of the standard, whatever its header says.
    pub fn with_version(mut self, version: SchemaVersion) -> ReadOptions {
        self.version = VersionChoice::Force(version);
        self
    }

    pub(crate) fn version_for<'a>(
        &self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> SchemaVersion {
        match self.version {
            VersionChoice::Force(v) => v,
            VersionChoice::Detect => SchemaVersion::detect(names),
        }
    }

    /// Sets the date used as "today".
    pub fn with_today(mut self, today: NaiveDate) -> ReadOptions {
        self.today = Some(today);
        self
    }

    pub(crate) fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Utc::now().date_naive())
    }
}

/// The format of a file, as detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// CSV.
    Csv,
    /// JSON: an array of flat records keyed by the standard's column names.
    Json,
}

/// What reading a file gives: the valid places and every problem found.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ReadReport {
    /// The places of the rows that can be kept (valid rows; in lenient reading, also rows whose
    /// errors are all in optional fields).
    pub places: Vec<Place>,
    /// Every problem, in file order (file-level problems first).
    pub diagnostics: Vec<Diagnostic>,
    /// The number of data rows (records) in the file.
    pub rows: usize,
    /// The number of rows with at least one error.
    pub invalid_rows: usize,
    /// The format read.
    pub format: Format,
    /// The version of the standard the file was read as (detected, unless forced).
    pub version: SchemaVersion,
}

impl ReadReport {
    pub(crate) fn new(format: Format) -> ReadReport {
        ReadReport {
            places: Vec::new(),
            diagnostics: Vec::new(),
            rows: 0,
            invalid_rows: 0,
            format,
            version: SchemaVersion::V1_0,
        }
    }

    /// The number of rows without error.
    pub fn valid_rows(&self) -> usize {
        self.rows - self.invalid_rows
    }

    /// The errors (not the warnings).
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// Whether there is any error, in a row or in the file.
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// The file-level error that made the whole file unreadable, if any.
    pub fn unreadable(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| {
            d.row.is_none()
                && d.is_error()
                && matches!(
                    d.code,
                    codes::FILE_UNREADABLE | codes::FILE_MISSING_COLUMN | codes::JSON_TYPE
                )
        })
    }

    pub(crate) fn file_error(&mut self, code: &'static str, fr: String, en: String) {
        self.diagnostics
            .push(Diagnostic::new(Severity::Error, code, fr, en));
    }

    pub(crate) fn file_warning(&mut self, code: &'static str, fr: String, en: String) {
        self.diagnostics
            .push(Diagnostic::new(Severity::Warning, code, fr, en));
    }

    /// Counts a row the reader could not turn into a record, with its error.
    pub(crate) fn row_error(
        &mut self,
        row: usize,
        code: &'static str,
        fr: impl Into<String>,
        en: impl Into<String>,
    ) {
        self.rows += 1;
        self.invalid_rows += 1;
        self.diagnostics
            .push(Diagnostic::new(Severity::Error, code, fr, en).at_row(row));
    }
}

/// Reads bytes in any supported format: JSON when the first non-blank character is `[` or
/// `{`, CSV otherwise.
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
    let first = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    match first {
        Some(b'[') | Some(b'{') => read_json_slice(bytes, options),
        _ => self::csv::read_csv_bytes(bytes, options),
    }
}

/// Reads a file from disk (see [`read_bytes`]).
///
/// # Errors
/// [`ModelError::Io`] when the file cannot be opened or read; every other problem is a diagnostic
/// of the report.
pub fn read_path(path: impl AsRef<Path>, options: &ReadOptions) -> Result<ReadReport, ModelError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(read_bytes(&bytes, options))
}
