//! Contact redaction: the e-mail addresses and mobile phone numbers of places removed before a
//! file is shared or embedded.
//!
//! A place's `courriels` and a mobile `telephone` often belong to a person (a conseiller
//! numérique's own address or phone) rather than to the organisation: personal data that a
//! republished or embedded file should not carry. Landlines are kept (they are the places'
//! switchboards); so are websites and booking links.
//!
//! ```
//! use chrono::NaiveDate;
//! use inclusion_model::{Address, Place, redact::{is_mobile_phone, redact_contacts}};
//!
//! let mut place = Place::new("p1", "00000000000000", "France Services",
//!     Address::new("1 rue A", "38000", "Grenoble"), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
//! place.contact.emails = vec!["jean.dupont@exemple.fr".into()];
//! place.contact.phone = Some("+33612345678".into());
//! let mut places = vec![place];
//! let redacted = redact_contacts(&mut places);
//! assert_eq!((redacted.emails, redacted.mobile_phones), (1, 1));
//! assert!(places[0].contact.emails.is_empty() && places[0].contact.phone.is_none());
//! assert!(!is_mobile_phone("+33476000000")); // a landline stays
//! ```

use crate::place::Place;

/// The prefixes of mobile numbers, in the international form the standard requires: France
/// (06, 07), Guadeloupe, Saint-Barthélemy and Saint-Martin (0690, 0691), Guyane (0694),
/// Martinique (0696, 0697), La Réunion and Mayotte (0692, 0693, 0639), Nouvelle-Calédonie
/// (7x, 8x, 9x), Polynésie française (87, 88, 89), Saint-Pierre-et-Miquelon (55),
/// Wallis-et-Futuna (8x).
const MOBILE_PREFIXES: [&str; 17] = [
    "+336", "+337", "+59069", "+594694", "+596696", "+596697", "+26269", "+262639", "+269639",
    "+6877", "+6878", "+6879", "+68987", "+68988", "+68989", "+50855", "+6818",
];

/// Whether a phone number (in the standard's international form, spaces allowed) is a mobile
/// number: one that often belongs to a person rather than to a place.
pub fn is_mobile_phone(phone: &str) -> bool {
    let compact: String = phone.chars().filter(|c| !c.is_whitespace()).collect();
    MOBILE_PREFIXES.iter().any(|p| compact.starts_with(p))
}

/// What [`redact_contacts`] removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Redaction {
    /// E-mail addresses removed.
    pub emails: usize,
    /// Mobile phone numbers removed.
    pub mobile_phones: usize,
    /// Places that had at least one of them.
    pub places: usize,
}

impl Place {
    /// Removes the place's e-mail addresses and its phone number when it is a mobile number
    /// ([`is_mobile_phone`]); returns what was removed.
    pub fn redact_contacts(&mut self) -> Redaction {
        let emails = std::mem::take(&mut self.contact.emails).len();
        let mobile = self.contact.phone.as_deref().is_some_and(is_mobile_phone);
        if mobile {
            self.contact.phone = None;
        }
        Redaction {
            emails,
            mobile_phones: usize::from(mobile),
            places: usize::from(emails > 0 || mobile),
        }
    }
}

/// Redacts the contacts of every place ([`Place::redact_contacts`]); returns the totals.
pub fn redact_contacts(places: &mut [Place]) -> Redaction {
    places
        .iter_mut()
        .map(Place::redact_contacts)
        .fold(Redaction::default(), |a, r| Redaction {
            emails: a.emails + r.emails,
            mobile_phones: a.mobile_phones + r.mobile_phones,
            places: a.places + r.places,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::Address;
    use chrono::NaiveDate;

    fn place(phone: Option<&str>, emails: &[&str]) -> Place {
        let mut p = Place::new(
            "p",
            "00000000000000",
            "Lieu",
            Address::new("1 rue A", "75001", "Paris"),
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        );
        p.contact.phone = phone.map(Into::into);
        p.contact.emails = emails.iter().map(|e| (*e).into()).collect();
        p.contact.websites = vec!["https://exemple.fr".into()];
        p
    }

    #[test]
    fn mobiles_of_every_territory_and_landlines() {
        for mobile in [
            "+33612345678",
            "+33 7 12 34 56 78",
            "+590690123456",
            "+594694123456",
            "+596696123456",
            "+262692123456",
            "+262639123456",
            "+687751234",
            "+68987123456",
            "+508551234",
        ] {
            assert!(is_mobile_phone(mobile), "{mobile}");
        }
        for landline in [
            "+33476000000",
            "+590590123456",
            "+262262123456",
            "+687271234",
            "",
        ] {
            assert!(!is_mobile_phone(landline), "{landline}");
        }
    }

    #[test]
    fn redaction_keeps_landlines_and_websites_and_counts() {
        let mut places = vec![
            place(Some("+33612345678"), &["a@b.fr", "c@d.fr"]),
            place(Some("+33476000000"), &[]),
            place(None, &["x@y.fr"]),
        ];
        let r = redact_contacts(&mut places);
        assert_eq!(
            r,
            Redaction {
                emails: 3,
                mobile_phones: 1,
                places: 2
            }
        );
        assert!(places.iter().all(|p| p.contact.emails.is_empty()));
        assert_eq!(places[0].contact.phone, None);
        assert_eq!(places[1].contact.phone.as_deref(), Some("+33476000000"));
        assert!(places.iter().all(|p| p.contact.websites.len() == 1));
        // Redacting again removes nothing more.
        assert_eq!(redact_contacts(&mut places), Redaction::default());
    }
}
