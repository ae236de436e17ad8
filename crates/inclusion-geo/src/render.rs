//! The answers of a nearest-help query as text for people, in French or English.
//!
//! ```
//! use inclusion_geo::{HelpFilter, HelpIndex, render::nearby_text};
//! use inclusion_model::{Address, Coordinates, Lang, OpeningHours, Place};
//! use chrono::{NaiveDate, TimeZone, Utc};
//!
//! let mut p = Place::new("m1", "00000000000000", "Médiathèque", Address::new("1 rue A", "38000", "Grenoble"),
//!     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
//! p.coordinates = Some(Coordinates::new(45.19, 5.72).unwrap());
//! p.opening_hours = Some(OpeningHours::new("Mo-Fr 09:00-12:00"));
//! p.contact.phone = Some("+33476000000".to_owned());
//! let index = HelpIndex::build([p])?;
//! let hits = index.nearest(45.2, 5.7, 3, &HelpFilter::default())?;
//! // Tuesday 2026-12-01, 10:00 in Grenoble.
//! let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
//! let text = nearby_text(&index, &hits, "Grenoble", "my places", at, Lang::En);
//! assert_eq!(text, "\
//! Near Grenoble: 1 of 1 places (my places)
//!
//! 1. Médiathèque — 1.9 km
//!    1 rue A, 38000 Grenoble
//!    Open · closes at 12:00
//!    +33476000000
//! ");
//! assert!(nearby_text(&index, &hits, "Grenoble", "mes lieux", at, Lang::Fr)
//!     .contains("1. Médiathèque — 1,9 km\n   1 rue A, 38000 Grenoble\n   Ouvert · ferme à 12 h\n"));
//! # Ok::<(), inclusion_geo::GeoError>(())
//! ```

use std::fmt::Write;

use chrono::{DateTime, Utc};
use inclusion_model::Lang;

use crate::index::HelpIndex;
use crate::query::Hit;

/// The places of `hits` (answers of `index`, nearest first) as a person reads them: a heading
/// with the starting point (`from`) and the places searched (`source`), then one block per
/// place: rank, name and distance; address; open or closed at `at` with the next change
/// (the place's own time zone); phone and booking link. No hit gives one line saying so.
pub fn nearby_text(
    index: &HelpIndex,
    hits: &[Hit],
    from: &str,
    source: &str,
    at: DateTime<Utc>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = match lang {
        Lang::Fr => writeln!(
            out,
            "Près de {from} : {} lieu{} sur {} ({source})",
            hits.len(),
            if hits.len() > 1 { "x" } else { "" },
            index.len()
        ),
        Lang::En => writeln!(
            out,
            "Near {from}: {} of {} places ({source})",
            hits.len(),
            index.len()
        ),
    };
    if hits.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Aucun lieu ne correspond : élargissez la distance ou retirez un critère.",
                "No place matches: widen the distance or drop a criterion.",
            )
        );
    }
    for (rank, hit) in hits.iter().enumerate() {
        let place = index.place(hit);
        let _ = writeln!(
            out,
            "\n{}. {} — {}",
            rank + 1,
            place.name,
            distance(hit.distance_m, lang)
        );
        let a = &place.address;
        let _ = writeln!(out, "   {}, {} {}", a.street, a.postcode, a.commune);
        let state = match &place.opening_hours {
            Some(h) => h
                .state_line(at, place.hours_locale(), lang)
                .unwrap_or_else(|| {
                    format!(
                        "{} {:?}",
                        lang.pick("Horaires illisibles :", "Unreadable hours:"),
                        h.as_str()
                    )
                }),
            None => lang
                .pick("Horaires non renseignés", "Opening hours not given")
                .to_owned(),
        };
        let _ = writeln!(out, "   {state}");
        let contact: Vec<&str> = place
            .contact
            .phone
            .iter()
            .chain(place.booking_url.iter())
            .map(String::as_str)
            .collect();
        if !contact.is_empty() {
            let _ = writeln!(out, "   {}", contact.join(" · "));
        }
    }
    out
}

/// `850 m`, `1,2 km` (French) or `1.2 km` (English).
fn distance(metres: f64, lang: Lang) -> String {
    if metres < 1000.0 {
        return format!("{metres:.0} m");
    }
    let km = format!("{:.1} km", metres / 1000.0);
    match lang {
        Lang::Fr => km.replace('.', ","),
        Lang::En => km,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HelpFilter;
    use chrono::{NaiveDate, TimeZone};
    use inclusion_model::{Address, Coordinates, OpeningHours, Place};

    fn place(id: &str, lat: f64, hours: Option<&str>) -> Place {
        let mut p = Place::new(
            id,
            "00000000000000",
            id,
            Address::new("1 rue A", "38000", "Grenoble"),
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        );
        p.coordinates = Some(Coordinates::new(lat, 5.72).unwrap());
        p.opening_hours = hours.map(OpeningHours::new);
        p
    }

    #[test]
    fn distances_and_hours_in_both_languages() {
        assert_eq!(distance(849.6, Lang::Fr), "850 m");
        assert_eq!(distance(12_345.0, Lang::Fr), "12,3 km");
        assert_eq!(distance(12_345.0, Lang::En), "12.3 km");
        let index = HelpIndex::build([
            place("a", 45.19, None),
            place("b", 45.20, Some("not hours")),
            place("c", 45.30, Some("Sa 10:00-12:00")),
        ])
        .unwrap();
        let hits = index
            .nearest(45.19, 5.72, 3, &HelpFilter::default())
            .unwrap();
        // Tuesday 2026-12-01, 10:00 in Grenoble.
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let fr = nearby_text(&index, &hits, "Grenoble", "test", at, Lang::Fr);
        assert!(
            fr.starts_with("Près de Grenoble : 3 lieux sur 3 (test)\n"),
            "{fr}"
        );
        assert!(
            fr.contains("1. a — 0 m\n   1 rue A, 38000 Grenoble\n   Horaires non renseignés\n"),
            "{fr}"
        );
        assert!(fr.contains("Horaires illisibles : \"not hours\""), "{fr}");
        assert!(
            fr.contains(
                "3. c — 12,2 km\n   1 rue A, 38000 Grenoble\n   Fermé · ouvre samedi à 10 h\n"
            ),
            "{fr}"
        );
        let en = nearby_text(&index, &hits[..0], "Grenoble", "test", at, Lang::En);
        assert_eq!(
            en,
            "Near Grenoble: 0 of 3 places (test)\nNo place matches: widen the distance or drop a criterion.\n"
        );
    }
}
