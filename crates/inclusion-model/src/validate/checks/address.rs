//! Address checks: `code_postal`, `code_insee`, and their consistency.
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `pattern` | Standard | error | a `code_postal` that is not 5 digits ([`syntax::is_postcode`]), a `code_insee` outside the standard's pattern ([`syntax::is_insee_code`]) |
//! | `code_postal.insee_mismatch` | Strict | warning | the postcode is not one of the département of the code INSEE ([`Departement::of_insee`], [`Departement::accepts_postcode`]) |
//!
//! An invalid `code_insee` is left out of the place (the other fields are kept in lenient
//! reading).
//!
//! ```
//! use inclusion_model::{read_csv_str, ReadOptions};
//!
//! let csv = "id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj\n\
//!            p1,43493312300029,Mairie,Reims,75001,51454,1 rue X,2024-04-02\n\
//!            p2,43493312300029,Mairie,Ajaccio,20000,20004,1 rue X,2024-04-02\n";
//! let report = read_csv_str(csv, &ReadOptions::strict());
//! let found: Vec<_> = report.diagnostics.iter().filter(|d| d.row().is_some())
//!     .map(|d| (d.row(), d.column(), d.code())).collect();
//! assert_eq!(found, [
//!     (Some(2), Some("code_postal"), "code_postal.insee_mismatch"),
//!     (Some(3), Some("code_insee"), "pattern"),
//! ]);
//! ```
//!
//! [`syntax::is_postcode`]: crate::syntax::is_postcode
//! [`syntax::is_insee_code`]: crate::syntax::is_insee_code
//! [`Departement::of_insee`]: inclusion_territory::Departement::of_insee
//! [`Departement::accepts_postcode`]: inclusion_territory::Departement::accepts_postcode

use inclusion_territory::Departement;

use crate::columns::Column;
use crate::diagnostic::Arg;
use crate::messages;
use crate::syntax;

use super::super::row::Row;
use super::text::required;

/// `required` and `pattern` on `code_postal`: whether the postcode is given, and the postcode
/// when it matches the pattern.
#[inline]
pub(crate) fn postcode<'r>(r: &mut Row<'r, '_>) -> (bool, Option<&'r str>) {
    let c = Column::Postcode;
    let Some(p) = required(r, c) else {
        return (false, None);
    };
    if syntax::is_postcode(p) {
        (true, Some(p))
    } else {
        r.error(c, p, &messages::PATTERN_POSTCODE, []);
        (true, None)
    }
}

/// `pattern` on `code_insee`: the code when it is given and matches the pattern.
#[inline]
pub(crate) fn insee_code<'r>(r: &mut Row<'r, '_>) -> Option<&'r str> {
    let c = Column::InseeCode;
    let code = r.get(c)?;
    if syntax::is_insee_code(code) {
        Some(code)
    } else {
        r.error(c, code, &messages::PATTERN_INSEE, []);
        None
    }
}

/// `code_postal.insee_mismatch` (Strict): a valid postcode outside the département of a valid
/// code INSEE.
#[inline]
pub(crate) fn consistency(r: &mut Row<'_, '_>, postcode: Option<&str>, insee: Option<&str>) {
    if !r.strict {
        return;
    }
    if let (Some(p), Some(c)) = (postcode, insee)
        && Departement::of_insee(c).is_none_or(|d| !d.accepts_postcode(p))
    {
        r.warn(
            Column::Postcode,
            p,
            &messages::POSTCODE_INSEE_MISMATCH,
            [Arg::from(c)],
        );
    }
}
