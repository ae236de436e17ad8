//! Identifier checks: `id` unique, and the `pivot` (SIRET or RNA number).
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `unique` | Standard | error | the `id` of an earlier row, kept or not (the standard's `unique` constraint holds across the file) |
//! | `pattern` | Standard | error | a `pivot` that is not 9 to 14 ASCII letters or digits ([`syntax::is_pivot`]) |
//! | `pivot.siret_checksum` | Strict | warning | 14 digits whose checksum fails (Luhn, or La Poste's rule: [`syntax::is_siret`]) |
//! | `pivot.placeholder` | Strict | warning | the placeholder `00000000000000` |
//! | `pivot.format` | Strict | warning | neither a SIRET nor an RNA number ([`syntax::is_rna`]): a SIREN, a RIDET, letters... |
//!
//! ```
//! use inclusion_model::{read_csv_str, ReadOptions};
//!
//! let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\n\
//!            p1,43493312300028,Mairie,Reims,51100,1 rue X,2024-04-02\n\
//!            p1,W9R2003255,Mairie,Reims,51100,1 rue X,2024-04-02\n\
//!            p2,434 933 123,Mairie,Reims,51100,1 rue X,2024-04-02\n";
//! let report = read_csv_str(csv, &ReadOptions::strict());
//! let found: Vec<_> = report.diagnostics.iter().filter(|d| d.row().is_some())
//!     .map(|d| (d.row(), d.code())).collect();
//! assert_eq!(found, [(Some(2), "pivot.siret_checksum"), (Some(3), "unique"), (Some(4), "pattern")]);
//! assert_eq!(report.places.len(), 1);
//! ```
//!
//! [`syntax::is_pivot`]: crate::syntax::is_pivot
//! [`syntax::is_siret`]: crate::syntax::is_siret
//! [`syntax::is_rna`]: crate::syntax::is_rna

use crate::columns::Column;
use crate::diagnostic::{Diagnostic, Severity};
use crate::messages;
use crate::place::Place;
use crate::syntax::{self, PivotKind};

use super::super::ids::IdSet;
use super::super::row::Row;
use super::text::required;

/// The `unique` error [`id`] reports on a row whose id an earlier row has (for a reader that
/// finds the earlier row later, in a part of the file read apart).
pub(crate) fn duplicate(row: usize, id: &str) -> Diagnostic {
    Diagnostic::new(Severity::Error, &messages::UNIQUE)
        .in_column(Column::Id.name())
        .with_value(id)
        .at_row(row)
}

/// `required` and `unique` on `id`: whether the id is given, and its hash when no earlier row
/// has it (the caller adds it to `ids` once it knows where the id is kept).
#[inline]
pub(crate) fn id(r: &mut Row<'_, '_>, ids: &IdSet, places: &[Place]) -> (bool, Option<u32>) {
    let Some(id) = required(r, Column::Id) else {
        return (false, None);
    };
    let hash = IdSet::hash(id);
    if ids.contains(hash, id, places) {
        r.error(Column::Id, id, &messages::UNIQUE, []);
        (true, None)
    } else {
        (true, Some(hash))
    }
}

/// `required` and `pattern` on `pivot`, and at the Strict level what the pivot holds: whether
/// the pivot is given.
#[inline]
pub(crate) fn pivot(r: &mut Row<'_, '_>) -> bool {
    let c = Column::Pivot;
    let Some(p) = required(r, c) else {
        return false;
    };
    if !syntax::is_pivot(p) {
        r.error(c, p, &messages::PATTERN_PIVOT, []);
    } else if r.strict {
        let template = match syntax::pivot_kind(p) {
            PivotKind::SiretBadChecksum => &messages::PIVOT_SIRET_CHECKSUM,
            PivotKind::Placeholder => &messages::PIVOT_PLACEHOLDER,
            PivotKind::Other => &messages::PIVOT_FORMAT,
            _ => return true,
        };
        r.warn(c, p, template, []);
    }
    true
}
