//! Contact checks: `telephone`, `courriels`, and the web addresses (`site_web`,
//! `fiche_acces_libre`, `prise_rdv`).
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `pattern` | Standard | error | a `telephone` that is not one number in the standard's international form ([`syntax::is_phone`]) |
//! | `courriels.syntax` | Strict | warning | an item of `courriels` that is not an e-mail address ([`syntax::is_email`]) |
//! | `url.syntax` | Strict | warning | an item of `site_web`, or `fiche_acces_libre` or `prise_rdv`, that is not a web address ([`syntax::is_web_url`]) |
//!
//! An invalid `telephone` is left out of the place (the other fields are kept in lenient
//! reading). The Strict checks are those the data·inclusion export needs: what they accept is
//! valid for its JSON Schema.
//!
//! ```
//! use inclusion_model::{read_csv_str, ReadOptions};
//!
//! let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj,telephone,courriels,site_web\n\
//!            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,03 26 00 00 00,,\n\
//!            p2,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,+33326000000,contact@mairie|a@b.fr,www.mairie.fr\n";
//! let report = read_csv_str(csv, &ReadOptions::strict());
//! let found: Vec<_> = report.diagnostics.iter().filter(|d| d.row().is_some())
//!     .map(|d| (d.row(), d.code(), d.value())).collect();
//! assert_eq!(found, [
//!     (Some(2), "pattern", Some("03 26 00 00 00")),
//!     (Some(3), "courriels.syntax", Some("contact@mairie")),
//!     (Some(3), "url.syntax", Some("www.mairie.fr")),
//! ]);
//! ```
//!
//! [`syntax::is_phone`]: crate::syntax::is_phone
//! [`syntax::is_email`]: crate::syntax::is_email
//! [`syntax::is_web_url`]: crate::syntax::is_web_url

use crate::columns::Column;
use crate::messages;
use crate::syntax;

use super::super::row::Row;

/// `pattern` on `telephone`: whether the phone (if any) can be kept.
#[inline]
pub(crate) fn phone(r: &mut Row<'_, '_>) -> bool {
    let c = Column::Phone;
    match r.get(c) {
        Some(t) if !syntax::is_phone(t) => {
            r.error(c, t, &messages::PATTERN_PHONE, []);
            false
        }
        _ => true,
    }
}

/// `courriels.syntax` (Strict), on each item of `courriels`.
#[inline]
pub(crate) fn emails(r: &mut Row<'_, '_>) {
    let c = Column::Emails;
    if let (true, Some(list)) = (r.strict, r.get(c)) {
        for e in syntax::list_items(list).filter(|i| !i.is_empty()) {
            if !syntax::is_email(e) {
                r.warn(c, e, &messages::EMAIL_SYNTAX, []);
            }
        }
    }
}

/// `url.syntax` (Strict), on each item of `site_web`.
#[inline]
pub(crate) fn websites(r: &mut Row<'_, '_>) {
    let c = Column::Websites;
    if let (true, Some(list)) = (r.strict, r.get(c)) {
        for u in syntax::list_items(list).filter(|i| !i.is_empty()) {
            url(r, c, u);
        }
    }
}

/// `url.syntax` (Strict), on `fiche_acces_libre` and `prise_rdv`.
#[inline]
pub(crate) fn links(r: &mut Row<'_, '_>) {
    if !r.strict {
        return;
    }
    for c in [Column::AccessibilityUrl, Column::BookingUrl] {
        if let Some(u) = r.get(c) {
            url(r, c, u);
        }
    }
}
fn url(r: &mut Row<'_, '_>, c: Column, u: &str) {
    if !syntax::is_web_url(u) {
        r.warn(c, u, &messages::URL_SYNTAX, []);
    }
}
