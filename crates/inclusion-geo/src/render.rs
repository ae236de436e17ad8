//! The answers of a nearest-help query ([`nearby_text`]) and of a search around a commune
//! ([`search_text`]) as text for people, in French or English.
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
//! p.contact.phone = Some("+33476000000".into());
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
use inclusion_model::{CompactString, Lang, Place};

use crate::index::HelpIndex;
use crate::query::Hit;
use crate::search::{CommuneSearch, RemoteHelp, SearchResults};

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
        let _ = writeln!(out, "{}", no_match(lang));
    }
    for (rank, hit) in hits.iter().enumerate() {
        let place = index.place(hit);
        let distance = format!(" — {}", distance(hit.distance_m, lang));
        place_block(&mut out, rank + 1, place, &distance, false, at, lang);
    }
    out
}

/// The answers of a [`CommuneSearch`] (`found`, from [`HelpIndex::search_commune`]) as a
/// person reads them: a heading with the commune (`from`), how many places of the commune,
/// how many others within the radius and how many giving remote help, and the places searched
/// (`source`); then the answers in the order to show them, under « Sur place » and « Aide à
/// distance » when remote help was asked for, each as in [`nearby_text`] with « dans la
/// commune » for the commune's places and no distance for remote help (whose web sites are
/// listed with its phone).
///
/// ```
/// use inclusion_geo::{CommuneSearch, HelpIndex, RemoteHelp, render::search_text};
/// use inclusion_model::{Address, Coordinates, Lang, Place, SupportMode};
/// use chrono::{NaiveDate, TimeZone, Utc};
///
/// let place = |id: &str, name: &str, insee: &str, lat: f64| {
///     let mut a = Address::new("1 rue A", "42000", "Saint-Étienne");
///     a.insee_code = Some(insee.into());
///     let mut p = Place::new(id, "00000000000000", name, a, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
///     p.coordinates = Some(Coordinates::new(lat, 4.39).unwrap());
///     p
/// };
/// let mut line = place("l", "Ligne d'aide", "69123", 45.76);
/// line.support_modes.push(SupportMode::Remote);
/// line.contact.phone = Some("+33400000000".into());
/// let index = HelpIndex::build([
///     place("c", "Centre social", "42218", 45.434),
///     place("n", "Médiathèque", "42095", 45.40),
///     line,
/// ])?;
/// let search = CommuneSearch::new(45.434, 4.39).insee_code("42218").k(3).remote(RemoteHelp::After);
/// let found = index.search_commune(&search)?;
/// let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
/// let text = search_text(&index, &search, &found, "Saint-Étienne (42218)", "my places", at, Lang::En);
/// assert_eq!(text, "\
/// In and around Saint-Étienne (42218): 1 place of the commune, 1 other within 10 km, 1 giving remote help (my places)
///
/// On site:
///
/// 1. Centre social — 0 m · in the commune
///    1 rue A, 42000 Saint-Étienne
///    Opening hours not given
///
/// 2. Médiathèque — 3.8 km
///    1 rue A, 42000 Saint-Étienne
///    Opening hours not given
///
/// Remote help (phone, video, online):
///
/// 3. Ligne d'aide
///    1 rue A, 42000 Saint-Étienne
///    Opening hours not given
///    +33400000000
/// ");
/// # Ok::<(), inclusion_geo::GeoError>(())
/// ```
pub fn search_text(
    index: &HelpIndex,
    search: &CommuneSearch,
    found: &SearchResults,
    from: &str,
    source: &str,
    at: DateTime<Utc>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let in_commune = found.on_site.iter().filter(|a| a.in_commune).count();
    let others = found.on_site.len() - in_commune;
    let remote = found.remote.len();
    let count = |n: usize, one: &str, many: &str| lang.count(n, one, many);
    let km = search.radius_m / 1000.0;
    let radius = if km >= 1.0 && km.fract() == 0.0 {
        format!("{km:.0} km")
    } else {
        distance(search.radius_m, lang)
    };
    let (place, places) = (lang.pick("lieu", "place"), lang.pick("lieux", "places"));
    let mut parts = Vec::new();
    if search.insee_code.is_some() {
        let (of_commune, within) = match lang {
            Lang::Fr => ("de la commune", "à moins de"),
            Lang::En => ("of the commune", "within"),
        };
        let (other, others_word) = (lang.pick("autre", "other"), lang.pick("autres", "others"));
        parts.push(format!("{} {of_commune}", count(in_commune, place, places)));
        parts.push(format!(
            "{} {within} {radius}",
            count(others, other, others_word)
        ));
    } else {
        parts.push(count(others, place, places));
    }
    if search.remote != RemoteHelp::No {
        parts.push(match lang {
            Lang::Fr => format!("{remote} à distance"),
            Lang::En => format!("{remote} giving remote help"),
        });
    }
    let parts = parts.join(", ");
    let _ = match (lang, search.insee_code.is_some()) {
        (Lang::Fr, true) => writeln!(out, "Dans et autour de {from} : {parts} ({source})"),
        (Lang::Fr, false) => writeln!(out, "Près de {from} : {parts} ({source})"),
        (Lang::En, true) => writeln!(out, "In and around {from}: {parts} ({source})"),
        (Lang::En, false) => writeln!(out, "Near {from}: {parts} ({source})"),
    };
    if found.on_site.is_empty() && found.remote.is_empty() {
        let _ = writeln!(out, "{}", no_match(lang));
    }
    let headings = search.remote != RemoteHelp::No;
    let mut section = None;
    for (n, answer) in found.answers().enumerate() {
        if headings && section != Some(answer.remote) {
            section = Some(answer.remote);
            let _ = write!(
                out,
                "\n{}\n",
                match (answer.remote, lang) {
                    (false, Lang::Fr) => "Sur place :",
                    (false, Lang::En) => "On site:",
                    (true, Lang::Fr) => "Aide à distance (téléphone, visio, en ligne) :",
                    (true, Lang::En) => "Remote help (phone, video, online):",
                }
            );
        }
        let Some(place) = index.places().get(answer.place) else {
            continue;
        };
        let mut label = answer
            .distance_m
            .map(|d| format!(" — {}", distance(d, lang)))
            .unwrap_or_default();
        if answer.in_commune && !answer.remote {
            label.push_str(lang.pick(" · dans la commune", " · in the commune"));
        }
        place_block(&mut out, n + 1, place, &label, answer.remote, at, lang);
    }
    out
}

fn no_match(lang: Lang) -> &'static str {
    lang.pick(
        "Aucun lieu ne correspond : élargissez la distance ou retirez un critère.",
        "No place matches: widen the distance or drop a criterion.",
    )
}

/// One place: rank, name and `label` (its distance...); address; open or closed at `at`;
/// phone and booking link (and web sites, for remote help).
fn place_block(
    out: &mut String,
    rank: usize,
    place: &Place,
    label: &str,
    websites: bool,
    at: DateTime<Utc>,
    lang: Lang,
) {
    let _ = writeln!(out, "\n{rank}. {}{label}", place.name);
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
    let sites: &[CompactString] = if websites {
        &place.contact.websites
    } else {
        &[]
    };
    let contact: Vec<&str> = place
        .contact
        .phone
        .iter()
        .chain(place.booking_url.iter())
        .chain(sites)
        .map(CompactString::as_str)
        .collect();
    if !contact.is_empty() {
        let _ = writeln!(out, "   {}", contact.join(" · "));
    }
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

    #[test]
    fn search_text_in_french_remote_first_and_around_a_point() {
        use crate::{CommuneSearch, RemoteHelp};
        use inclusion_model::SupportMode;
        let mut a = place("a", 45.19, Some("Mo-Fr 09:00-12:00"));
        a.address.insee_code = Some("38185".into());
        let mut b = place("b", 45.30, None);
        b.address.insee_code = Some("38421".into());
        b.support_modes.push(SupportMode::Remote);
        b.contact.websites.push("https://b.example".into());
        let index = HelpIndex::build([a, b]).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let search = CommuneSearch::new(45.19, 5.72)
            .insee_code("38185")
            .radius_m(2_500.0)
            .remote(RemoteHelp::First);
        let found = index.search_commune(&search).unwrap();
        let fr = search_text(&index, &search, &found, "Grenoble", "test", at, Lang::Fr);
        assert_eq!(
            fr,
            "Dans et autour de Grenoble : 1 lieu de la commune, 0 autre à moins de 2,5 km, 1 à distance (test)\n\
             \nAide à distance (téléphone, visio, en ligne) :\n\
             \n1. b\n   1 rue A, 38000 Grenoble\n   Horaires non renseignés\n   https://b.example\n\
             \nSur place :\n\
             \n1. a — 0 m · dans la commune\n   1 rue A, 38000 Grenoble\n   Ouvert · ferme à 12 h\n"
                .replace("\n1. a", "\n2. a")
        );
        // Around a point, without a commune nor remote list: no sections, no « dans la commune ».
        let search = CommuneSearch::new(45.19, 5.72).k(1);
        let found = index.search_commune(&search).unwrap();
        let en = search_text(&index, &search, &found, "45.19, 5.72", "test", at, Lang::En);
        assert!(
            en.starts_with("Near 45.19, 5.72: 1 place (test)\n\n1. a — 0 m\n"),
            "{en}"
        );
        let search = CommuneSearch::new(48.85, 2.35)
            .insee_code("75056")
            .radius_m(1000.0);
        let none = index.search_commune(&search).unwrap();
        let en = search_text(&index, &search, &none, "X", "test", at, Lang::En);
        assert_eq!(
            en,
            "In and around X: 0 places of the commune, 0 others within 1 km (test)\n\
             No place matches: widen the distance or drop a criterion.\n"
        );
    }
}
