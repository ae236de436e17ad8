//! [`ReadReport`]: the places read and the problems found, with exact counts per code and at
//! most a given number of diagnostics kept per code.

use crate::codes;
use crate::diagnostic::{Diagnostic, Severity, thousands};
use crate::migrate::SchemaVersion;
use crate::place::Place;

/// The format of a file, as detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// CSV.
    Csv,
    /// JSON: an array of flat records keyed by the standard's column names.
    Json,
}

/// What reading a file gives: the valid places and the problems found.
///
/// The counts are exact. The list of diagnostics keeps every problem of the file itself (those
/// without row) and, of each code, the first [`ReadOptions::max_diagnostics_per_code`] problems
/// of rows: a file of a million bad rows does not need a million messages, and memory stays
/// bounded. [`ReadReport::omitted`] says what was left out, with a line to print after the
/// list.
///
/// ```
/// use inclusion_model::{read_csv_str, ReadOptions};
///
/// let mut csv = String::from("id,pivot,nom,commune,code_postal,adresse,date_maj\n");
/// for i in 0..5 {
///     csv.push_str(&format!("p{i},43493312300029,Mairie,Reims,5110,1 rue X,2024-04-02\n"));
/// }
/// let options = ReadOptions::default().with_max_diagnostics_per_code(2);
/// let report = read_csv_str(&csv, &options);
/// assert_eq!((report.rows, report.invalid_rows), (5, 5));
/// let kept: Vec<_> = report.errors().map(|d| d.row()).collect();
/// assert_eq!(kept, [Some(2), Some(3)]);
/// assert_eq!(report.count("pattern"), 5);
/// assert_eq!(report.error_count(), 5);
/// let omitted: Vec<String> = report.omitted().map(|c| c.summary_en()).collect();
/// assert_eq!(omitted, ["… and 3 more errors with code pattern"]);
/// ```
///
/// [`ReadOptions::max_diagnostics_per_code`]: crate::ReadOptions::max_diagnostics_per_code
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ReadReport {
    /// The places of the rows that can be kept (valid rows; in lenient reading, also rows whose
    /// errors are all in optional fields).
    pub places: Vec<Place>,
    /// The problems, in file order (file-level problems first): every problem of the file
    /// itself, and the first ones of each code in rows (see above).
    pub diagnostics: Vec<Diagnostic>,
    /// The number of data rows (records) in the file.
    pub rows: usize,
    /// The number of rows with at least one error.
    pub invalid_rows: usize,
    /// The format read.
    pub format: Format,
    /// The version of the standard the file was read as (detected, unless forced).
    pub version: SchemaVersion,
    /// How many problems of each code and severity were found, in order of first appearance.
    counts: Vec<CodeCount>,
    /// How many problems of rows are kept per code and severity.
    limit: usize,
    /// Places validated then dropped, when the places are not kept
    /// ([`ReadOptions::keep_places`](crate::ReadOptions::keep_places)).
    dropped: usize,
    /// The places of the parts after the first, when they are kept apart
    /// ([`crate::read_bytes_parted`], which moves them out): empty in every report a caller
    /// is given.
    pub(super) later: Vec<Vec<Place>>,
}

/// How many problems of one code (and severity) a reading found, and how many of them its
/// report keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeCount {
    /// The code.
    pub code: &'static str,
    /// The severity of these problems.
    pub severity: Severity,
    /// How many were found.
    pub found: usize,
    /// How many are in [`ReadReport::diagnostics`].
    pub kept: usize,
}

/// A row of a part of a file read apart whose id an earlier part has (see
/// [`ReadReport::append_part`]): the `unique` error its part did not find.
#[derive(Debug)]
pub(super) struct LateDuplicate {
    /// Where the error goes in the part's diagnostics (before the one at this index).
    pub(super) at: usize,
    /// The error, at the row's number in its part.
    pub(super) diagnostic: Diagnostic,
    /// The index of its place in the part's places, when kept: it is not.
    pub(super) place: Option<usize>,
    /// Whether the part counted a place for it (kept or dropped): it gives none.
    pub(super) counted: bool,
    /// Whether the part found an error in the row (it has one).
    pub(super) error: bool,
}

impl CodeCount {
    /// How many were found but not kept.
    pub fn omitted(&self) -> usize {
        self.found - self.kept
    }

    /// The line that says, in English, how many were left out: `… and 999,000 more errors
    /// with code required`.
    pub fn summary_en(&self) -> String {
        let what = match (self.severity, self.omitted()) {
            (Severity::Error, 1) => "error",
            (Severity::Error, _) => "errors",
            (Severity::Warning, 1) => "warning",
            (Severity::Warning, _) => "warnings",
        };
        format!(
            "… and {} more {what} with code {}",
            thousands(self.omitted(), ','),
            self.code
        )
    }

    /// The line that says, in French, how many were left out: `… et 999 000 autres erreurs de
    /// code required`.
    pub fn summary_fr(&self) -> String {
        let what = match (self.severity, self.omitted()) {
            (Severity::Error, 1) => "autre erreur",
            (Severity::Error, _) => "autres erreurs",
            (Severity::Warning, 1) => "autre avertissement",
            (Severity::Warning, _) => "autres avertissements",
        };
        format!(
            "… et {} {what} de code {}",
            thousands(self.omitted(), '\u{a0}'),
            self.code
        )
    }
}

impl ReadReport {
    pub(crate) fn new(format: Format, limit: usize) -> ReadReport {
        ReadReport {
            places: Vec::new(),
            diagnostics: Vec::new(),
            rows: 0,
            invalid_rows: 0,
            format,
            version: SchemaVersion::V1_0,
            counts: Vec::new(),
            dropped: 0,
            limit,
            later: Vec::new(),
        }
    }

    /// The number of rows without error.
    pub fn valid_rows(&self) -> usize {
        self.rows - self.invalid_rows
    }

    /// The errors kept (not the warnings).
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The warnings kept.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Warning)
    }

    /// Whether there is any error, in a row or in the file (kept or not).
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// How many problems of each code and severity were found, in order of first appearance.
    pub fn counts(&self) -> &[CodeCount] {
        &self.counts
    }

    /// How many problems of this code were found (kept or not).
    pub fn count(&self, code: &str) -> usize {
        self.counts
            .iter()
            .filter(|c| c.code == code)
            .map(|c| c.found)
            .sum()
    }

    /// How many errors were found (kept or not).
    pub fn error_count(&self) -> usize {
        self.total(Severity::Error)
    }

    /// How many warnings were found (kept or not).
    pub fn warning_count(&self) -> usize {
        self.total(Severity::Warning)
    }

    fn total(&self, severity: Severity) -> usize {
        self.counts
            .iter()
            .filter(|c| c.severity == severity)
            .map(|c| c.found)
            .sum()
    }

    /// The codes of which some problems were left out of [`ReadReport::diagnostics`], with
    /// their counts; [`CodeCount::summary_en`] gives the line to print after the list.
    pub fn omitted(&self) -> impl Iterator<Item = &CodeCount> {
        self.counts.iter().filter(|c| c.omitted() > 0)
    }

    /// The file-level error that made the whole file unreadable, if any.
    pub fn unreadable(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| {
            d.row().is_none()
                && d.is_error()
                && matches!(
                    d.code(),
                    codes::FILE_UNREADABLE | codes::FILE_MISSING_COLUMN | codes::JSON_TYPE
                )
        })
    }

    /// Counts a problem, and keeps it unless this code already has its share of rows.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        let (code, severity) = (d.code(), d.severity());
        let i = match self
            .counts
            .iter()
            .position(|c| c.severity == severity && c.code == code)
        {
            Some(i) => i,
            None => {
                self.counts.push(CodeCount {
                    code,
                    severity,
                    found: 0,
                    kept: 0,
                });
                self.counts.len() - 1
            }
        };
        let count = &mut self.counts[i];
        count.found += 1;
        if d.row().is_none() || count.kept < self.limit {
            count.kept += 1;
            self.diagnostics.push(d);
        }
    }

    /// Moves the problems of a row into the report (see [`ReadReport::push`]).
    pub(crate) fn extend(&mut self, diags: &mut Vec<Diagnostic>) {
        for d in diags.drain(..) {
            self.push(d);
        }
    }

    /// Appends the report of the next part of the same file, read apart (rows numbered from
    /// 2 in the part, diagnostics kept up to the same limit, or 1 when the limit is 0):
    /// the report is then the one reading the file up to the end of that part gives.
    /// `duplicates` are the rows of the part whose id an earlier part has, in order.
    ///
    /// With `apart`, the part's places (those of its late duplicates removed) go to
    /// [`ReadReport::later`] instead of [`ReadReport::places`].
    pub(super) fn append_part(
        &mut self,
        part: ReadReport,
        duplicates: Vec<LateDuplicate>,
        apart: bool,
    ) {
        let offset = self.rows;
        self.rows += part.rows;
        self.invalid_rows += part.invalid_rows;
        self.dropped += part.dropped;
        let mut gone = Vec::new();
        for d in &duplicates {
            self.invalid_rows += usize::from(!d.error);
            match d.place {
                Some(i) => gone.push(i),
                None if d.counted => self.dropped = self.dropped.saturating_sub(1),
                None => {}
            }
        }
        let mut gone = gone.into_iter().peekable();
        let mut places = part.places;
        if gone.peek().is_some() {
            let mut i = 0;
            places.retain(|_| {
                i += 1;
                gone.next_if_eq(&(i - 1)).is_none()
            });
        }
        if apart {
            self.later.push(places);
        } else {
            self.places.append(&mut places);
        }
        // The problems in order, each late duplicate where the validator would have put it;
        // then those of the part not kept, counted.
        let mut duplicates = duplicates.into_iter().peekable();
        let kept = part.diagnostics.len();
        for (i, d) in part.diagnostics.into_iter().enumerate() {
            while let Some(dup) = duplicates.next_if(|dup| dup.at == i) {
                self.push_shifted(dup.diagnostic, offset);
            }
            self.push_shifted(d, offset);
        }
        for dup in duplicates {
            debug_assert_eq!(dup.at, kept);
            self.push_shifted(dup.diagnostic, offset);
        }
        for c in part.counts.iter().filter(|c| c.omitted() > 0) {
            if let Some(mine) = self
                .counts
                .iter_mut()
                .find(|m| m.severity == c.severity && m.code == c.code)
            {
                mine.found += c.omitted();
            }
        }
    }

    fn push_shifted(&mut self, mut d: Diagnostic, rows: usize) {
        d.shift_row(rows);
        self.push(d);
    }

    /// Counts a row: `error` says whether it has an error.
    /// How many places the reading gave: [`ReadReport::places`], and with
    /// [`ReadOptions::keep_places`](crate::ReadOptions::keep_places) off, the places validated
    /// then dropped (the number the same reading would have kept).
    ///
    /// ```
    /// use inclusion_model::{read_csv_str, ReadOptions};
    /// let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\n\
    ///            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n\
    ///            p2,43493312300029,Mairie,Reims,5110,1 rue X,2024-04-02\n";
    /// let checked = read_csv_str(csv, &ReadOptions::default().with_keep_places(false));
    /// assert_eq!((checked.places.len(), checked.place_count()), (0, 1));
    /// let lenient = ReadOptions::default().with_lenient(true).with_keep_places(false);
    /// assert_eq!(read_csv_str(csv, &lenient).place_count(), 1); // a required value is wrong
    /// ```
    pub fn place_count(&self) -> usize {
        self.places.len() + self.dropped
    }

    /// A place validated and dropped (the places are not kept).
    pub(crate) fn count_dropped_place(&mut self) {
        self.dropped += 1;
    }

    pub(crate) fn count_row(&mut self, error: bool) {
        self.rows += 1;
        if error {
            self.invalid_rows += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages;

    fn row(
        template: &'static crate::diagnostic::Template,
        severity: Severity,
        r: usize,
    ) -> Diagnostic {
        Diagnostic::new(severity, template).at_row(r)
    }

    #[test]
    fn rows_past_the_limit_are_counted_not_kept_and_file_problems_are_always_kept() {
        let mut report = ReadReport::new(Format::Csv, 2);
        for _ in 0..3 {
            report.push(Diagnostic::new(
                Severity::Warning,
                &messages::FILE_UNKNOWN_COLUMN,
            ));
        }
        for r in 2..7 {
            report.push(row(&messages::REQUIRED, Severity::Error, r));
            report.push(row(&messages::LABEL_CASE, Severity::Error, r));
        }
        report.push(row(&messages::LABEL_UNKNOWN, Severity::Error, 9));
        // Same code, other severity: counted apart.
        report.push(row(
            &messages::COORDINATES_OUT_OF_RANGE,
            Severity::Warning,
            9,
        ));
        report.push(row(&messages::COORDINATES_OUT_OF_RANGE, Severity::Error, 9));

        assert_eq!(report.diagnostics.len(), 3 + 2 + 2 + 2);
        assert_eq!(report.count(codes::LABEL), 6);
        assert_eq!(report.count(codes::REQUIRED), 5);
        assert_eq!(report.count(codes::COORDINATES_OUT_OF_RANGE), 2);
        assert_eq!((report.error_count(), report.warning_count()), (12, 4));
        let omitted: Vec<(&str, usize)> = report.omitted().map(|c| (c.code, c.omitted())).collect();
        assert_eq!(omitted, [(codes::REQUIRED, 3), (codes::LABEL, 4)]);
        let label = report.omitted().nth(1).unwrap();
        assert_eq!(label.summary_en(), "… and 4 more errors with code label");
        assert_eq!(label.summary_fr(), "… et 4 autres erreurs de code label");
        // The first of each code are kept, in order.
        let kept: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code() == codes::LABEL)
            .map(|d| d.row())
            .collect();
        assert_eq!(kept, [Some(2), Some(3)]);
    }

    #[test]
    fn summaries_count_in_thousands() {
        let c = CodeCount {
            code: "required",
            severity: Severity::Warning,
            found: 1_000_001,
            kept: 1_000,
        };
        assert_eq!(
            c.summary_en(),
            "… and 999,001 more warnings with code required"
        );
        assert_eq!(
            c.summary_fr(),
            "… et 999\u{a0}001 autres avertissements de code required"
        );
    }
}
