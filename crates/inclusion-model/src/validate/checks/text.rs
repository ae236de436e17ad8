//! Text checks: required columns, the length of `presentation_resume`, blank rows.
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `required` | Standard | error | a required column (`id`, `pivot`, `nom`, `commune`, `code_postal`, `adresse`, `date_maj`) is empty: the row gives no place, even in lenient reading |
//! | `max_length` | Standard | error | `presentation_resume` has more than 280 characters (counted as Python does: Unicode scalar values) |
//! | `blank_row` | Standard | error | every cell of the row is empty (as frictionless reports it) |
//!
//! ```
//! use inclusion_model::{read_csv_str, ReadOptions};
//!
//! let header = "id,pivot,nom,commune,code_postal,adresse,date_maj,presentation_resume";
//! let long = "é".repeat(281);
//! let csv = format!("{header}\np1,43493312300029,,Reims,51100,1 rue X,2024-04-02,\n\
//!                    p2,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,{long}\n,,,,,,,\n");
//! let report = read_csv_str(&csv, &ReadOptions::default());
//! let rows: Vec<_> = report.diagnostics.iter().filter(|d| d.row().is_some()).collect();
//! let found: Vec<_> = rows.iter().map(|d| (d.row(), d.code())).collect();
//! assert_eq!(found, [(Some(2), "required"), (Some(3), "max_length"), (Some(4), "blank_row")]);
//! assert_eq!(rows[0].message_en(), "The required column nom ('Nom') is empty: fill it in.");
//! assert!(rows[1].message_en().starts_with("The summary is 281 characters long"));
//! ```

use crate::columns::Column;
use crate::diagnostic::{Arg, Diagnostic, Severity};
use crate::messages;
use crate::syntax;

use super::super::row::Row;

/// `blank_row`: reports a row whose cells are all empty; returns whether it is one.
#[inline]
pub(crate) fn blank_row(r: &mut Row<'_, '_>) -> bool {
    if !r.rec.is_blank() {
        return false;
    }
    r.error = true;
    r.fatal = true;
    r.push(Diagnostic::new(Severity::Error, &messages::BLANK_ROW));
    true
}

/// `required`: the text of a required column, or an error when it is empty.
#[inline]
pub(crate) fn required<'r>(r: &mut Row<'r, '_>, c: Column) -> Option<&'r str> {
    let v = r.get(c);
    if v.is_none() {
        r.error = true;
        r.fatal = true;
        r.push(Diagnostic::new(Severity::Error, &messages::REQUIRED).in_column(c.name()));
    }
    v
}

/// `max_length`: whether `presentation_resume` (if any) has at most 280 characters.
#[inline]
pub(crate) fn summary(r: &mut Row<'_, '_>) -> bool {
    let c = Column::Summary;
    let Some(s) = r.get(c) else {
        return true;
    };
    let n = syntax::char_len(s);
    if c.max_length().is_some_and(|max| n > max) {
        r.error(c, s, &messages::MAX_LENGTH, [Arg::from(n)]);
        false
    } else {
        true
    }
}
