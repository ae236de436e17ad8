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

pub(crate) mod csv;
mod decode;
mod header;
mod json;
mod report;
mod stream;

use std::path::Path;

use chrono::NaiveDate;

use crate::ModelError;
use crate::diagnostic::Diagnostic;
use crate::migrate::{SchemaVersion, VersionChoice};
use crate::record::FlatRecord;
use crate::validate::{Level, Validator};

pub use self::csv::read_csv_str;
pub use self::json::read_json_slice;
pub use self::report::{CodeCount, ReadReport};
pub use self::stream::{CheckedRecord, RecordValidator};

/// How many problems of rows a report keeps per code, by default (see
/// [`ReadOptions::max_diagnostics_per_code`]).
pub const DEFAULT_MAX_DIAGNOSTICS_PER_CODE: usize = 1_000;

/// How to read a file.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// How many problems of rows the report keeps per code (and severity); the others are
    /// counted ([`ReadReport::counts`]) but not kept. Problems of the file itself are always
    /// kept. Default: [`DEFAULT_MAX_DIAGNOSTICS_PER_CODE`] (1,000): far more than a person
    /// reads before fixing the cause, which is nearly always one mistake repeated (a column
    /// shifted, a wrong label everywhere); enough for a tool to page through examples; and it
    /// bounds the report to a few megabytes (about 40 codes of 1,000 diagnostics of about 100
    /// bytes) whatever the size of the file. `usize::MAX` keeps everything.
    pub max_diagnostics_per_code: usize,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            level: Level::default(),
            lenient: false,
            today: None,
            version: VersionChoice::default(),
            max_diagnostics_per_code: DEFAULT_MAX_DIAGNOSTICS_PER_CODE,
        }
    }
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

    /// Sets how many problems of rows the report keeps per code.
    pub fn with_max_diagnostics_per_code(mut self, max: usize) -> ReadOptions {
        self.max_diagnostics_per_code = max;
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

    /// The date used as "today": [`ReadOptions::today`], or the system date.
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Utc::now().date_naive())
    }

    /// The validator these options ask for.
    fn validator(&self) -> Validator {
        Validator::new(self.level, self.lenient, self.today())
    }

    /// An empty report for these options.
    fn report(&self, format: Format) -> ReadReport {
        ReadReport::new(format, self.max_diagnostics_per_code)
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

/// Validates records one after the other into a report: the reader's side of the
/// [`Validator`], shared by the CSV and JSON readers and [`validate_records`].
struct Rows {
    validator: Validator,
    /// The problems of the row being read, before they go into the report.
    diags: Vec<Diagnostic>,
}

impl Rows {
    fn new(options: &ReadOptions) -> Rows {
        Rows {
            validator: options.validator(),
            diags: Vec::new(),
        }
    }

    /// Room for `rows` more rows: the places (at most one per row, and no more than `bytes`
    /// could hold) and the duplicate-id set.
    fn reserve(&mut self, rows: usize, bytes: usize, report: &mut ReadReport) {
        // A valid record holds its seven required values and six separators, 32 bytes at least
        // (`a,123456789,n,c,51100,a,2024-1-1`): no file holds more places than this.
        const SMALLEST_VALID_RECORD: usize = 32;
        let places = rows.min(bytes / SMALLEST_VALID_RECORD + 1);
        report.places.reserve(places);
        self.validator.reserve(places);
    }

    /// The problems found by the reader in the row about to be validated.
    fn diags(&mut self) -> &mut Vec<Diagnostic> {
        &mut self.diags
    }

    /// Validates the record of a row: its place and problems (after those the reader found)
    /// into the report. `row_error` says whether the reader found an error in the row.
    fn accept(
        &mut self,
        rec: &mut FlatRecord<'_>,
        row: usize,
        row_error: bool,
        report: &mut ReadReport,
    ) {
        let error = self
            .validator
            .accept(rec, row, row_error, &mut self.diags, &mut report.places);
        report.count_row(error);
        report.extend(&mut self.diags);
    }

    /// A row the reader could not turn into a record: its problems into the report.
    fn reject(&mut self, report: &mut ReadReport) {
        report.count_row(true);
        report.extend(&mut self.diags);
    }
}

/// Validates records already split into columns (see [`FlatRecord`]); rows are numbered from 1.
///
/// The records are consumed: the texts they own move into the places without copy.
///
/// ```
/// use inclusion_model::{FlatRecord, ReadOptions, validate_records};
///
/// let mut r = FlatRecord::new();
/// for (k, v) in [("id", "p1"), ("pivot", "43493312300029"), ("nom", "Mairie"), ("commune", "Reims"),
///                ("code_postal", "5110"), ("adresse", "1 place X"), ("date_maj", "2024-04-02")] {
///     r.set(k, v);
/// }
/// let report = validate_records([r], &ReadOptions::default());
/// assert_eq!((report.rows, report.invalid_rows), (1, 1));
/// assert_eq!(report.diagnostics[0].code(), "pattern");
/// ```
pub fn validate_records<'a>(
    records: impl IntoIterator<Item = FlatRecord<'a>>,
    options: &ReadOptions,
) -> ReadReport {
    let mut report = options.report(Format::Json);
    let records = records.into_iter();
    let mut rows = Rows::new(options);
    let hint = records.size_hint().0;
    rows.reserve(hint, usize::MAX, &mut report);
    for (i, mut r) in records.enumerate() {
        rows.accept(&mut r, i + 1, false, &mut report);
    }
    report
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
