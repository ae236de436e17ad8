//! Date checks: `date_maj`.
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `required` | Standard | error | `date_maj` is empty |
//! | `date` | Standard | error | not a date as frictionless reads one ([`syntax::parse_date`]: Python's `strptime` with `%Y-%m-%d`, so `2024-4-2` is a date) |
//! | `date_maj.future` | Strict | warning | after today ([`ReadOptions::today`](crate::ReadOptions::today)) |
//! | `date_maj.too_old` | Strict | warning | before 2000-01-01 (often the placeholder 1970-01-01) |
//!
//! ```
//! use chrono::NaiveDate;
//! use inclusion_model::{read_csv_str, ReadOptions};
//!
//! let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\n\
//!            p1,43493312300029,Mairie,Reims,51100,1 rue X,2027-01-01\n\
//!            p2,43493312300029,Mairie,Reims,51100,1 rue X,1970-01-01\n\
//!            p3,43493312300029,Mairie,Reims,51100,1 rue X,02/04/2024\n";
//! let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
//! let report = read_csv_str(csv, &ReadOptions::strict().with_today(today));
//! let found: Vec<_> = report.diagnostics.iter().filter(|d| d.row().is_some())
//!     .map(|d| (d.row(), d.code())).collect();
//! assert_eq!(found, [(Some(2), "date_maj.future"), (Some(3), "date_maj.too_old"), (Some(4), "date")]);
//! assert_eq!(report.diagnostics.iter().find(|d| d.code() == "date_maj.future").unwrap().message_en(),
//!            "The update date 2027-01-01 is in the future (today is 2026-01-01).");
//! ```
//!
//! [`syntax::parse_date`]: crate::syntax::parse_date

use chrono::NaiveDate;

use crate::columns::Column;
use crate::diagnostic::Arg;
use crate::messages;
use crate::syntax;

use super::super::row::Row;
use super::text::required;

/// The oldest `date_maj` that is not reported as a placeholder.
const OLDEST: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// `required` and `date` on `date_maj`, and at the Strict level `date_maj.future` and
/// `date_maj.too_old`: the date, when it is one.
#[inline]
pub(crate) fn updated_on(r: &mut Row<'_, '_>, today: NaiveDate) -> Option<NaiveDate> {
    let c = Column::UpdatedOn;
    let s = required(r, c)?;
    let Some(d) = syntax::parse_date(s) else {
        r.error(c, s, &messages::DATE, []);
        return None;
    };
    if r.strict {
        if d > today {
            r.warn(
                c,
                s,
                &messages::DATE_FUTURE,
                [Arg::from(d), Arg::from(today)],
            );
        } else if d < OLDEST {
            r.warn(c, s, &messages::DATE_TOO_OLD, [Arg::from(d)]);
        }
    }
    Some(d)
}
