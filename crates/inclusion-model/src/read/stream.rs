//! [`RecordValidator`]: validation record by record, for streams that are not kept whole.

use crate::diagnostic::Diagnostic;
use crate::place::Place;
use crate::record::FlatRecord;
use crate::validate::Validator;

use super::options::ReadOptions;

/// Validates records one at a time, with the same rules and diagnostics as
/// [`validate_records`](crate::validate_records), without keeping the places: for an import
/// into a database, a file larger than memory, or a check that stops at the first error.
/// Every diagnostic of a record is handed back (there is no report to summarise them).
///
/// The validator remembers every id it has seen (the standard's `unique` rule holds across the
/// whole stream), and nothing else; rows are numbered from 1 in the order of the calls.
///
/// ```
/// use inclusion_model::{FlatRecord, ReadOptions, RecordValidator};
///
/// let mut validator = RecordValidator::new(&ReadOptions::default());
/// let record = |id: &str| {
///     let mut r = FlatRecord::new();
///     for (k, v) in [("id", id), ("pivot", "43493312300029"), ("nom", "Mairie"), ("commune", "Reims"),
///                    ("code_postal", "51100"), ("adresse", "1 place X"), ("date_maj", "2024-04-02")] {
///         r.set(k, v.to_owned());
///     }
///     r
/// };
/// let first = validator.check(record("p1"));
/// assert_eq!(first.row, 1);
/// assert_eq!(first.place.map(|p| p.name), Some("Mairie".into()));
/// assert!(first.diagnostics.is_empty());
///
/// let again = validator.check(record("p1"));
/// assert!(again.error && again.place.is_none());
/// assert_eq!((again.row, again.diagnostics[0].code()), (2, "unique"));
/// assert_eq!(validator.rows(), 2);
/// ```
#[derive(Debug)]
pub struct RecordValidator {
    validator: Validator,
    rows: usize,
}

/// What [`RecordValidator::check`] found in one record.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CheckedRecord {
    /// The row number (1 for the first record checked).
    pub row: usize,
    /// The place, unless the row has an error (in lenient reading, unless a required column is
    /// unusable).
    pub place: Option<Place>,
    /// Every problem of the row, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the row has an error: it is invalid for the standard.
    pub error: bool,
}

impl RecordValidator {
    /// A validator with these options (level, lenient reading, "today"; the version choice
    /// does not apply: records are v1).
    pub fn new(options: &ReadOptions) -> RecordValidator {
        RecordValidator {
            validator: options.validator(),
            rows: 0,
        }
    }

    /// Validates the next record. Texts the record owns move into the place without copy.
    pub fn check(&mut self, mut record: FlatRecord<'_>) -> CheckedRecord {
        self.rows += 1;
        let mut diagnostics = Vec::new();
        let (place, error) = self
            .validator
            .check(&mut record, self.rows, &mut diagnostics);
        CheckedRecord {
            row: self.rows,
            place,
            diagnostics,
            error,
        }
    }

    /// How many records have been checked.
    pub fn rows(&self) -> usize {
        self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::rows::validate_records;
    use proptest::prelude::*;

    fn record(id: &str, pivot: &str, fees: &str) -> FlatRecord<'static> {
        let mut r = FlatRecord::new();
        for (k, v) in [
            ("id", id),
            ("pivot", pivot),
            ("nom", "Lieu"),
            ("commune", "Reims"),
            ("code_postal", "51100"),
            ("adresse", "1 place X"),
            ("date_maj", "2024-04-02"),
            ("frais_a_charge", fees),
        ] {
            r.set(k, v.to_owned());
        }
        r
    }

    proptest! {
        /// Record by record gives exactly the places, diagnostics and counts of the whole
        /// validation, at both levels and in lenient reading: duplicates (also of rows with
        /// errors), bad pivots, bad labels.
        #[test]
        fn agrees_with_validate_records(
            rows in proptest::collection::vec(("[abc]", prop_oneof!["43493312300029", "12"], prop_oneof!["Gratuit", "gratuit", ""]), 0..30),
            strict in any::<bool>(),
            lenient in any::<bool>(),
        ) {
            let mut options = if strict { ReadOptions::strict() } else { ReadOptions::default() };
            options.lenient = lenient;
            let records = || rows.iter().map(|(id, pivot, fees)| record(id, pivot, fees));
            let whole = validate_records(records(), &options);
            let mut v = RecordValidator::new(&options);
            let (mut places, mut diagnostics, mut invalid) = (Vec::new(), Vec::new(), 0);
            for (i, r) in records().enumerate() {
                let c = v.check(r);
                prop_assert_eq!(c.row, i + 1);
                prop_assert!(c.diagnostics.iter().all(|d| d.row() == Some(i + 1)));
                places.extend(c.place);
                diagnostics.extend(c.diagnostics);
                invalid += usize::from(c.error);
            }
            prop_assert_eq!(v.rows(), whole.rows);
            prop_assert_eq!(invalid, whole.invalid_rows);
            prop_assert_eq!(places, whole.places);
            prop_assert_eq!(diagnostics, whole.diagnostics);
        }
    }
}
