//! [`ReadOptions`]: how to read a file.

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::migrate::{SchemaVersion, VersionChoice};
use crate::validate::{Level, Validator};

use super::report::{Format, ReadReport};

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
    /// Keep the places read in [`ReadReport::places`] (default: `true`). A validation that
    /// only needs the verdict and the problems sets it to `false`: every row is validated the
    /// same (duplicate ids included), the counts and diagnostics are the same, but each place
    /// is dropped once validated, so the memory is the file's, not the file's and its places'
    /// (a `Place` and its texts take about twice the bytes of its CSV row).
    pub keep_places: bool,
    /// How many threads read a large CSV file (default: 1; a library does not start threads
    /// unasked: the command line and the Python package pass the CPUs the system gives,
    /// `std::thread::available_parallelism`, unless told otherwise). With more than one, a
    /// CSV file of at least 4 MB is read in parts at the start of rows, cut as the threads
    /// go: each thread takes half of what the part with the most left has not read yet, so
    /// that one thread slowed by the machine does not keep the others waiting; the
    /// report is the same, exactly, as on one thread: the same places in the
    /// same order, the same diagnostics (rows, order, limit per code, duplicate ids across
    /// parts) and counts. A file the cuts could change (a cut inside a quoted text over
    /// several lines, a stray quote) is read on one thread; so are JSON and v0.1 files.
    ///
    /// ```
    /// use inclusion_model::{read_csv_str, ReadOptions};
    /// let mut csv = String::from("id,pivot,nom,commune,code_postal,adresse,date_maj\n");
    /// for i in 0..70_000 {
    ///     csv.push_str(&format!("p{},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n", i % 69_000));
    /// }
    /// let one = read_csv_str(&csv, &ReadOptions::default());
    /// let two = read_csv_str(&csv, &ReadOptions::default().with_threads(2));
    /// assert_eq!(two, one);
    /// assert_eq!(two.count("unique"), 1_000);
    /// ```
    pub threads: usize,
    /// The size from which a CSV file is read in parts (see [`ReadOptions::threads`]).
    pub(crate) parallel_min_bytes: usize,
    /// The places of the parts after the first left in their own vectors
    /// ([`crate::read_bytes_parted`]) rather than appended to the first part's.
    pub(crate) parts_apart: bool,
}

/// The size from which a CSV file is read in parts when [`ReadOptions::threads`] allows it:
/// a smaller file reads in less than 15 ms on one thread (287 MB/s, README "Reading speed").
const PARALLEL_MIN_BYTES: usize = 4 << 20;

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            level: Level::default(),
            lenient: false,
            today: None,
            version: VersionChoice::default(),
            max_diagnostics_per_code: DEFAULT_MAX_DIAGNOSTICS_PER_CODE,
            keep_places: true,
            threads: 1,
            parallel_min_bytes: PARALLEL_MIN_BYTES,
            parts_apart: false,
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

    /// Sets whether the places read are kept (see [`ReadOptions::keep_places`]).
    ///
    /// ```
    /// use inclusion_model::{read_csv_str, ReadOptions};
    /// let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\n\
    ///            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n\
    ///            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n";
    /// let kept = read_csv_str(csv, &ReadOptions::default());
    /// let checked = read_csv_str(csv, &ReadOptions::default().with_keep_places(false));
    /// assert!(checked.places.is_empty());
    /// assert_eq!(checked.diagnostics, kept.diagnostics); // the duplicate id, found either way
    /// assert_eq!((checked.rows, checked.invalid_rows), (kept.rows, kept.invalid_rows));
    /// ```
    pub fn with_keep_places(mut self, keep: bool) -> ReadOptions {
        self.keep_places = keep;
        self
    }

    /// Sets how many problems of rows the report keeps per code.
    pub fn with_max_diagnostics_per_code(mut self, max: usize) -> ReadOptions {
        self.max_diagnostics_per_code = max;
        self
    }

    /// Sets how many threads read a large CSV file (see [`ReadOptions::threads`]); 0 is 1.
    pub fn with_threads(mut self, threads: usize) -> ReadOptions {
        self.threads = threads.max(1);
        self
    }

    /// Sets the size from which a CSV file is read in parts (4 MB by default): for tests of
    /// the parallel path on small files.
    #[doc(hidden)]
    pub fn with_parallel_min_bytes(mut self, bytes: usize) -> ReadOptions {
        self.parallel_min_bytes = bytes;
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
    pub(super) fn validator(&self) -> Validator {
        Validator::new(self.level, self.lenient, self.today())
    }

    /// An empty report for these options.
    pub(super) fn report(&self, format: Format) -> ReadReport {
        ReadReport::new(format, self.max_diagnostics_per_code)
    }

    /// An empty report for a part of a CSV file read apart: it keeps at least one diagnostic
    /// of each code, so that the order in which codes first appear is known.
    pub(super) fn part_report(&self) -> ReadReport {
        ReadReport::new(Format::Csv, self.max_diagnostics_per_code.max(1))
    }

    /// These options, the places of the parts after the first kept apart
    /// ([`crate::read_bytes_parted`]).
    pub(super) fn with_parts_apart(&self) -> ReadOptions {
        ReadOptions {
            parts_apart: true,
            ..self.clone()
        }
    }

    /// A report for these options that starts with `diags` (the problems of decoding a file).
    pub(super) fn report_after(&self, format: Format, diags: Vec<Diagnostic>) -> ReadReport {
        let mut report = self.report(format);
        for d in diags {
            report.push(d);
        }
        report
    }
}
