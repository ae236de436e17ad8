//! Records validated one after the other into a [`ReadReport`]: what the readers and
//! [`validate_records`] share.

use crate::diagnostic::Diagnostic;
use crate::record::FlatRecord;
use crate::validate::Validator;

use super::options::ReadOptions;
use super::report::{Format, ReadReport};

/// Validates records one after the other into a report: the reader's side of the
/// [`Validator`], shared by the CSV and JSON readers and [`validate_records`].
pub(super) struct Rows {
    validator: Validator,
    /// The problems of the row being read, before they go into the report.
    diags: Vec<Diagnostic>,
    /// Keep the places in the report (see [`ReadOptions::keep_places`]).
    keep: bool,
    /// Lenient reading: a row with errors can give a place.
    lenient: bool,
}

impl Rows {
    pub(super) fn new(options: &ReadOptions) -> Rows {
        Rows {
            validator: options.validator(),
            diags: Vec::new(),
            keep: options.keep_places,
            lenient: options.lenient,
        }
    }

    /// Room for `rows` more rows: the places (at most one per row, and no more than `bytes`
    /// could hold) and the duplicate-id set.
    pub(super) fn reserve(&mut self, rows: usize, bytes: usize, report: &mut ReadReport) {
        // A valid record holds its seven required values and six separators, 32 bytes at least
        // (`a,123456789,n,c,51100,a,2024-1-1`): no file holds more places than this.
        const SMALLEST_VALID_RECORD: usize = 32;
        let places = rows.min(bytes / SMALLEST_VALID_RECORD + 1);
        if self.keep {
            report.places.reserve(places);
        }
        self.validator.reserve(places);
    }

    /// The problems found by the reader in the row about to be validated.
    pub(super) fn diags(&mut self) -> &mut Vec<Diagnostic> {
        &mut self.diags
    }

    /// Validates the record of a row: its place and problems (after those the reader found)
    /// into the report. `row_error` says whether the reader found an error in the row.
    pub(super) fn accept(
        &mut self,
        rec: &mut FlatRecord<'_>,
        row: usize,
        row_error: bool,
        report: &mut ReadReport,
    ) {
        let error = if self.keep {
            self.validator
                .accept(rec, row, row_error, &mut self.diags, &mut report.places)
        } else {
            // Validated as a stream: the place is dropped (but counted), its id remembered.
            let (place, error) = self.validator.check(rec, row, &mut self.diags);
            if place.is_some() && (!row_error || self.lenient) {
                report.count_dropped_place();
            }
            error || row_error
        };
        report.count_row(error);
        if !self.diags.is_empty() {
            report.extend(&mut self.diags);
        }
    }

    /// A row the reader could not turn into a record: its problems into the report.
    pub(super) fn reject(&mut self, report: &mut ReadReport) {
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
