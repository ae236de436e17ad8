//! Records validated one after the other into a [`ReadReport`]: what the readers and
//! [`validate_records`] share.

use crate::columns::Column;
use crate::diagnostic::Diagnostic;
use crate::place::Place;
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
    /// The rows whose id is new, when recorded (a part of a file read apart: see
    /// [`Rows::recording`]).
    ids: Option<NewIds>,
}

/// The rows of a part of a file whose id no earlier row of the part has: what the part's
/// report needs to change when an earlier part has that id.
#[derive(Debug, Default)]
pub(super) struct NewIds {
    /// The ids, end to end.
    text: String,
    /// The rows, in order.
    pub(super) rows: Vec<NewId>,
}

/// A row whose id no earlier row of its part has.
#[derive(Debug)]
pub(super) struct NewId {
    /// The row, numbered in its part.
    pub(super) row: usize,
    /// The hash of the id.
    pub(super) hash: u32,
    /// Where the id is in [`NewIds::text`].
    span: (usize, usize),
    /// Where the problems the validator found in the row start in the report's diagnostics.
    pub(super) at: usize,
    /// The index of its place in the report's places, when kept.
    pub(super) place: Option<usize>,
    /// Whether it gave a place (kept, or dropped with [`ReadOptions::keep_places`] off).
    pub(super) counted: bool,
    /// Whether the row has an error.
    pub(super) error: bool,
}

impl NewIds {
    /// The id of a row.
    pub(super) fn id(&self, row: &NewId) -> &str {
        self.text.get(row.span.0..row.span.1).unwrap_or_default()
    }
}

impl Rows {
    pub(super) fn new(options: &ReadOptions) -> Rows {
        Rows {
            validator: options.validator(),
            diags: Vec::new(),
            keep: options.keep_places,
            lenient: options.lenient,
            ids: None,
        }
    }

    /// Records the rows whose id is new (see [`NewIds`]).
    pub(super) fn recording(mut self) -> Rows {
        self.ids = Some(NewIds::default());
        self
    }

    /// The rows recorded (see [`Rows::recording`]).
    pub(super) fn take_ids(&mut self) -> NewIds {
        self.ids.take().unwrap_or_default()
    }

    /// Whether a row validated so far has this id (of hash `hash`); `places` are the places
    /// of the report these rows went into.
    pub(super) fn has_seen(&self, hash: u32, id: &str, places: &[Place]) -> bool {
        self.validator.has_seen(hash, id, places)
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
        let Some(mut ids) = self.ids.take() else {
            return self.validate(rec, row, row_error, report);
        };
        // The reader's problems first, as `validate` does: the validator's start at `at`.
        report.extend(&mut self.diags);
        let at = report.diagnostics.len();
        let (places, counted, invalid) = (
            report.places.len(),
            report.place_count(),
            report.invalid_rows,
        );
        let start = ids.text.len();
        ids.text.push_str(rec.cell(Column::Id).unwrap_or_default());
        self.validate(rec, row, row_error, report);
        match self.validator.new_id() {
            Some(hash) => ids.rows.push(NewId {
                row,
                hash,
                span: (start, ids.text.len()),
                at,
                place: (report.places.len() > places).then_some(places),
                counted: report.place_count() > counted,
                error: report.invalid_rows > invalid,
            }),
            None => ids.text.truncate(start),
        }
        self.ids = Some(ids);
    }

    /// [`Rows::accept`], without recording.
    fn validate(
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
            // No place is kept: none is built (but it is counted), its id remembered.
            let (would_keep, error) = self.validator.verify(rec, row, &mut self.diags);
            if would_keep && (!row_error || self.lenient) {
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
