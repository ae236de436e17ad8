//! [`quality`]: a score of how usable a place's record is, criterion by criterion, in the
//! spirit of data·inclusion's `score_qualite`. It chooses the representative of a cluster
//! (and breaks ties when merging), and is available on its own.
//!
//! | criterion | weight | full marks | partial |
//! |---|---|---|---|
//! | freshness of `date_maj` | 25 | updated in the last 6 months | decays linearly to 0 at 2 years; 0 for a date in the future or before 2000 (placeholders such as 1970-01-01) |
//! | contact | 20 | a phone and an e-mail | 0.75 with one of them, 0.5 with a web site only |
//! | coordinates | 15 | given with at least 4 decimals (about 10 m) | 0.5 when coarser |
//! | description | 10 | `presentation_resume` or `presentation_detail` of at least 30 characters and 5 words, not the name repeated | 0.5 when shorter |
//! | opening hours | 10 | `horaires` that parse | 0.25 when they do not |
//! | services | 10 | at least one service declared | — |
//! | address | 5 | a house number in `adresse` | 0.5 without |
//! | identifier | 5 | a SIRET with a valid checksum or an RNA number | 0.5 for a SIRET whose checksum fails |
//!
//! The score is the sum of `weight × value`, from 0 to 100.
//!
//! ```
//! use inclusion_merge::{quality_on, QualityCriterion};
//! use inclusion_model::{Address, Place, Service};
//! use chrono::NaiveDate;
//!
//! let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
//! let mut place = Place::new("p1", "43493312300029", "Médiathèque",
//!     Address::new("12 rue de la Paix", "51100", "Reims"), NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
//! place.services.push(Service::AdministrativeProcedures);
//! let q = quality_on(&place, today);
//! let fresh = q.criteria.iter().find(|c| c.criterion == QualityCriterion::Freshness).unwrap();
//! assert_eq!(fresh.value, 1.0);
//! // Fresh, services, house number, valid SIRET: 25 + 10 + 5 + 5.
//! assert_eq!(q.score, 45.0);
//! ```

use chrono::NaiveDate;
use inclusion_model::Place;
use inclusion_model::syntax::{PivotKind, is_email, is_web_url, pivot_kind};
use schemars::JsonSchema;
use serde::Serialize;

use crate::text::{fold, parse_street};

/// A criterion of the quality score (see the [module documentation](self)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QualityCriterion {
    /// How recent `date_maj` is.
    Freshness,
    /// A way to get in touch.
    Contact,
    /// Precise coordinates.
    Coordinates,
    /// A usable description.
    Description,
    /// Opening hours that parse.
    OpeningHours,
    /// Services declared.
    Services,
    /// A precise address.
    Address,
    /// A real identifier.
    Identifier,
}

impl QualityCriterion {
    /// The weight of the criterion (the weights add up to 100).
    pub const fn weight(self) -> f64 {
        match self {
            QualityCriterion::Freshness => 25.0,
            QualityCriterion::Contact => 20.0,
            QualityCriterion::Coordinates => 15.0,
            QualityCriterion::Description => 10.0,
            QualityCriterion::OpeningHours => 10.0,
            QualityCriterion::Services => 10.0,
            QualityCriterion::Address => 5.0,
            QualityCriterion::Identifier => 5.0,
        }
    }
}

/// One criterion's mark.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct QualityMark {
    /// The criterion.
    pub criterion: QualityCriterion,
    /// Its weight.
    pub weight: f64,
    /// Its value, from 0 to 1.
    pub value: f64,
    /// Why, in English.
    pub en: String,
    /// Why, in French.
    pub fr: String,
}

/// The quality of a place: its score from 0 to 100, and the mark of each criterion.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Quality {
    /// The score, from 0 to 100 (rounded to 0.1).
    pub score: f64,
    /// Each criterion's mark, in the order of the table.
    pub criteria: Vec<QualityMark>,
}

/// The quality of a place today (see [`quality_on`]).
pub fn quality(place: &Place) -> Quality {
    quality_on(place, chrono::Utc::now().date_naive())
}

fn mark(criterion: QualityCriterion, value: f64, en: String, fr: String) -> QualityMark {
    QualityMark {
        criterion,
        weight: criterion.weight(),
        value,
        en,
        fr,
    }
}

/// The number of decimals of a coordinate as written (shortest form that reads back).
fn decimals(x: f64) -> usize {
    let s = x.to_string();
    s.split_once('.').map_or(0, |(_, d)| d.len())
}

/// The quality of a place, freshness measured from `today`.
pub fn quality_on(place: &Place, today: NaiveDate) -> Quality {
    use QualityCriterion as Q;
    let mut criteria = Vec::with_capacity(8);

    let age = (today - place.updated_on).num_days();
    let date = place.updated_on;
    let old_placeholder = date < NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(date);
    let freshness = if age < 0 || old_placeholder {
        0.0
    } else if age <= 183 {
        1.0
    } else if age >= 730 {
        0.0
    } else {
        (730 - age) as f64 / (730.0 - 183.0)
    };
    criteria.push(mark(
        Q::Freshness,
        freshness,
        format!("updated on {date}, {age} days before {today}"),
        format!("mis à jour le {date}, {age} jours avant le {today}"),
    ));

    let phone = place.contact.phone.is_some();
    let email = place.contact.emails.iter().any(|e| is_email(e.trim()));
    let web = place.contact.websites.iter().any(|w| is_web_url(w.trim()));
    let contact = match (phone, email, web) {
        (true, true, _) => 1.0,
        (true, false, _) | (false, true, _) => 0.75,
        (false, false, true) => 0.5,
        (false, false, false) => 0.0,
    };
    let yes = |b: bool, fr: bool| match (b, fr) {
        (true, false) => "yes",
        (false, false) => "no",
        (true, true) => "oui",
        (false, true) => "non",
    };
    criteria.push(mark(
        Q::Contact,
        contact,
        format!(
            "phone: {}, e-mail: {}, web site: {}",
            yes(phone, false),
            yes(email, false),
            yes(web, false)
        ),
        format!(
            "téléphone : {}, courriel : {}, site web : {}",
            yes(phone, true),
            yes(email, true),
            yes(web, true)
        ),
    ));

    let (coordinates, en, fr) = match place.coordinates {
        Some(c) if decimals(c.latitude()) >= 4 && decimals(c.longitude()) >= 4 => (
            1.0,
            "coordinates to 4 decimals or more".to_owned(),
            "coordonnées à 4 décimales ou plus".to_owned(),
        ),
        Some(_) => (
            0.5,
            "coordinates with fewer than 4 decimals".to_owned(),
            "coordonnées à moins de 4 décimales".to_owned(),
        ),
        None => (
            0.0,
            "no coordinates".to_owned(),
            "pas de coordonnées".to_owned(),
        ),
    };
    criteria.push(mark(Q::Coordinates, coordinates, en, fr));

    let text = place
        .summary
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .or(place.description.as_deref())
        .unwrap_or("")
        .trim();
    let usable = text.chars().count() >= 30
        && text.split_whitespace().count() >= 5
        && fold(text) != fold(&place.name);
    let description = if usable {
        1.0
    } else if !text.is_empty() {
        0.5
    } else {
        0.0
    };
    criteria.push(mark(
        Q::Description,
        description,
        format!("description of {} characters", text.chars().count()),
        format!("description de {} caractères", text.chars().count()),
    ));

    let hours = match &place.opening_hours {
        Some(h) if h.is_valid() => 1.0,
        Some(_) => 0.25,
        None => 0.0,
    };
    criteria.push(mark(
        Q::OpeningHours,
        hours,
        match hours {
            1.0 => "opening hours that parse".to_owned(),
            0.0 => "no opening hours".to_owned(),
            _ => "opening hours that do not parse".to_owned(),
        },
        match hours {
            1.0 => "horaires lisibles".to_owned(),
            0.0 => "pas d'horaires".to_owned(),
            _ => "horaires illisibles".to_owned(),
        },
    ));

    let services = place.services.len();
    criteria.push(mark(
        Q::Services,
        if services > 0 { 1.0 } else { 0.0 },
        format!("{services} services declared"),
        format!("{services} services déclarés"),
    ));

    let street = parse_street(&place.address.street, &[]);
    let address = if street.number.is_some() {
        1.0
    } else if !place.address.street.trim().is_empty() {
        0.5
    } else {
        0.0
    };
    criteria.push(mark(
        Q::Address,
        address,
        format!("address « {} »", place.address.street),
        format!("adresse « {} »", place.address.street),
    ));

    let (identifier, en, fr) = match pivot_kind(place.pivot.trim()) {
        PivotKind::Siret | PivotKind::Rna => (
            1.0,
            "a valid SIRET or RNA".to_owned(),
            "un SIRET ou RNA valide".to_owned(),
        ),
        PivotKind::SiretBadChecksum => (
            0.5,
            "a SIRET whose checksum fails".to_owned(),
            "un SIRET dont la clé est fausse".to_owned(),
        ),
        _ => (
            0.0,
            "no real identifier".to_owned(),
            "pas d'identifiant réel".to_owned(),
        ),
    };
    criteria.push(mark(Q::Identifier, identifier, en, fr));

    let score = criteria.iter().map(|c| c.weight * c.value).sum::<f64>();
    Quality {
        score: (score * 10.0).round() / 10.0,
        criteria,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use inclusion_model::{Address, Coordinates, OpeningHours};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn freshness_decays_from_six_months_to_two_years() {
        let today = day(2024, 6, 1);
        let at = |date| {
            let p = Place::new(
                "p",
                "00000000000000",
                "X",
                Address::new("-", "75001", "Paris"),
                date,
            );
            quality_on(&p, today).criteria[0].value
        };
        assert_eq!(at(day(2024, 1, 1)), 1.0);
        assert_eq!(at(day(2022, 5, 1)), 0.0);
        assert_eq!(at(day(1970, 1, 1)), 0.0);
        assert_eq!(at(day(2025, 1, 1)), 0.0);
        let mid = at(day(2023, 6, 1));
        assert!(mid > 0.0 && mid < 1.0, "{mid}");
        assert!(at(day(2023, 9, 1)) > mid);
    }

    #[test]
    fn every_criterion_counts() {
        let today = day(2024, 6, 1);
        let mut p = Place::new(
            "p",
            "W9R2003255",
            "Médiathèque",
            Address::new("12 rue de la Paix", "51100", "Reims"),
            day(2024, 5, 1),
        );
        p.contact.phone = Some("+33326000000".into());
        p.contact.emails.push("contact@mediatheque.fr".into());
        p.coordinates = Some(Coordinates::new(49.2583, 4.0317).unwrap());
        p.summary = Some("Un espace public numérique ouvert à tous, avec des ateliers.".into());
        p.opening_hours = Some(OpeningHours::new("Mo-Fr 09:00-12:00"));
        p.services
            .push(inclusion_model::Service::AdministrativeProcedures);
        assert_eq!(quality_on(&p, today).score, 100.0);
        p.opening_hours = Some(OpeningHours::new("quand on peut"));
        p.coordinates = Some(Coordinates::new(49.26, 4.03).unwrap());
        p.contact.emails.clear();
        let q = quality_on(&p, today);
        assert_eq!(q.score, 100.0 - 10.0 * 0.75 - 15.0 * 0.5 - 20.0 * 0.25);
        assert_eq!(q.criteria.iter().map(|c| c.weight).sum::<f64>(), 100.0);
    }
}
