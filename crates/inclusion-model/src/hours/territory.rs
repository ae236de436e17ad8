//! [`Territory`]: which part of France a place is in, from its `code_postal` / `code_insee`,
//! and so its time zone and its public-holiday calendar.

use chrono_tz::Tz;

/// A part of France with its own time zone or its own public holidays.
///
/// Found from the codes of an address with [`Territory::from_codes`]; each territory knows its
/// IANA time zone ([`Territory::time_zone`]) and its public holidays
/// ([`Territory::is_public_holiday`], see [`holidays`](super::holidays) for the calendars).
///
/// ```
/// use inclusion_model::hours::Territory;
///
/// assert_eq!(Territory::from_codes("51100", Some("51454")), Territory::Metropolitan);
/// assert_eq!(Territory::from_codes("67000", None), Territory::AlsaceMoselle);
/// assert_eq!(Territory::from_codes("97400", None), Territory::Reunion);
/// // Saint-Barthélemy has a Guadeloupe-style postcode but its own INSEE code (977)
/// assert_eq!(Territory::from_codes("97133", None), Territory::SaintBarthelemy);
/// assert_eq!(Territory::from_codes("97133", Some("97701")), Territory::SaintBarthelemy);
/// assert_eq!(Territory::NewCaledonia.time_zone(), chrono_tz::Pacific::Noumea);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Territory {
    /// Metropolitan France and Corse, except Alsace-Moselle (Europe/Paris). Also the default
    /// when the codes say nothing usable.
    #[default]
    Metropolitan,
    /// Bas-Rhin (67), Haut-Rhin (68) and Moselle (57): Europe/Paris, with two extra public
    /// holidays (Vendredi saint, 26 décembre).
    AlsaceMoselle,
    /// Guadeloupe (971, America/Guadeloupe).
    Guadeloupe,
    /// Martinique (972, America/Martinique).
    Martinique,
    /// Guyane (973, America/Cayenne).
    Guyane,
    /// La Réunion (974, Indian/Reunion).
    Reunion,
    /// Saint-Pierre-et-Miquelon (975, America/Miquelon).
    SaintPierreEtMiquelon,
    /// Mayotte (976, Indian/Mayotte).
    Mayotte,
    /// Saint-Barthélemy (INSEE 977, postcode 97133, America/St_Barthelemy).
    SaintBarthelemy,
    /// Saint-Martin (INSEE 978, postcode 97150, America/Marigot).
    SaintMartin,
    /// Wallis-et-Futuna (986, Pacific/Wallis).
    WallisEtFutuna,
    /// Polynésie française (987, Pacific/Tahiti). The Marquises (UTC−9:30) and the Gambier
    /// (UTC−9) have their own zones, which the codes alone do not tell apart: they are
    /// evaluated in Tahiti time.
    FrenchPolynesia,
    /// Nouvelle-Calédonie (988, Pacific/Noumea).
    NewCaledonia,
}

impl Territory {
    /// Every territory, in declaration order.
    pub const ALL: [Territory; 13] = [
        Territory::Metropolitan,
        Territory::AlsaceMoselle,
        Territory::Guadeloupe,
        Territory::Martinique,
        Territory::Guyane,
        Territory::Reunion,
        Territory::SaintPierreEtMiquelon,
        Territory::Mayotte,
        Territory::SaintBarthelemy,
        Territory::SaintMartin,
        Territory::WallisEtFutuna,
        Territory::FrenchPolynesia,
        Territory::NewCaledonia,
    ];

    /// The territory of an address, from its `code_insee` when it is a well-formed code
    /// (5 characters, digits or `2A`/`2B`), otherwise from its `code_postal`.
    ///
    /// The INSEE code is preferred because it tells Saint-Barthélemy (977) and Saint-Martin
    /// (978) from Guadeloupe, and a commune from its neighbour across a département border.
    /// Postcodes `97133` (Saint-Barthélemy) and `97150` (Saint-Martin) are recognised too.
    /// Anything unrecognised (empty, malformed, Monaco's `980xx`) gives
    /// [`Territory::Metropolitan`].
    pub fn from_codes(postcode: &str, insee: Option<&str>) -> Territory {
        if let Some(t) = insee.and_then(|c| Territory::from_insee(c.trim())) {
            return t;
        }
        Territory::from_postcode(postcode.trim()).unwrap_or_default()
    }

    /// The territory of an INSEE (COG) commune code, or `None` when the code is not 5
    /// characters of digits (or `2A`/`2B` + 3 digits).
    fn from_insee(code: &str) -> Option<Territory> {
        let b = code.as_bytes();
        if b.len() != 5 {
            return None;
        }
        if b[0] == b'2' && matches!(b[1], b'A' | b'B' | b'a' | b'b') {
            return b[2..]
                .iter()
                .all(u8::is_ascii_digit)
                .then_some(Territory::Metropolitan);
        }
        if !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(Territory::from_department_digits(b))
    }

    /// The territory of a 5-digit postcode, or `None` when it is not 5 digits.
    fn from_postcode(code: &str) -> Option<Territory> {
        let b = code.as_bytes();
        if b.len() != 5 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(match code {
            "97133" => Territory::SaintBarthelemy,
            "97150" => Territory::SaintMartin,
            _ => Territory::from_department_digits(b),
        })
    }

    /// The territory from the first digits of a 5-digit code (INSEE or postcode).
    fn from_department_digits(b: &[u8]) -> Territory {
        match (b[0], b[1], b[2]) {
            (b'5', b'7', _) | (b'6', b'7', _) | (b'6', b'8', _) => Territory::AlsaceMoselle,
            (b'9', b'7', b'1') => Territory::Guadeloupe,
            (b'9', b'7', b'2') => Territory::Martinique,
            (b'9', b'7', b'3') => Territory::Guyane,
            (b'9', b'7', b'4') => Territory::Reunion,
            (b'9', b'7', b'5') => Territory::SaintPierreEtMiquelon,
            (b'9', b'7', b'6') => Territory::Mayotte,
            (b'9', b'7', b'7') => Territory::SaintBarthelemy,
            (b'9', b'7', b'8') => Territory::SaintMartin,
            (b'9', b'8', b'6') => Territory::WallisEtFutuna,
            (b'9', b'8', b'7') => Territory::FrenchPolynesia,
            (b'9', b'8', b'8') => Territory::NewCaledonia,
            _ => Territory::Metropolitan,
        }
    }

    /// The IANA time zone in which the territory's opening hours are written.
    pub fn time_zone(self) -> Tz {
        use chrono_tz::{America, Europe, Indian, Pacific};
        match self {
            Territory::Metropolitan | Territory::AlsaceMoselle => Europe::Paris,
            Territory::Guadeloupe => America::Guadeloupe,
            Territory::Martinique => America::Martinique,
            Territory::Guyane => America::Cayenne,
            Territory::Reunion => Indian::Reunion,
            Territory::SaintPierreEtMiquelon => America::Miquelon,
            Territory::Mayotte => Indian::Mayotte,
            Territory::SaintBarthelemy => America::St_Barthelemy,
            Territory::SaintMartin => America::Marigot,
            Territory::WallisEtFutuna => Pacific::Wallis,
            Territory::FrenchPolynesia => Pacific::Tahiti,
            Territory::NewCaledonia => Pacific::Noumea,
        }
    }

    /// The French name of the territory.
    pub fn name(self) -> &'static str {
        match self {
            Territory::Metropolitan => "France métropolitaine",
            Territory::AlsaceMoselle => "Alsace-Moselle",
            Territory::Guadeloupe => "Guadeloupe",
            Territory::Martinique => "Martinique",
            Territory::Guyane => "Guyane",
            Territory::Reunion => "La Réunion",
            Territory::SaintPierreEtMiquelon => "Saint-Pierre-et-Miquelon",
            Territory::Mayotte => "Mayotte",
            Territory::SaintBarthelemy => "Saint-Barthélemy",
            Territory::SaintMartin => "Saint-Martin",
            Territory::WallisEtFutuna => "Wallis-et-Futuna",
            Territory::FrenchPolynesia => "Polynésie française",
            Territory::NewCaledonia => "Nouvelle-Calédonie",
        }
    }
}

/// The département code (`"38"`, `"2A"`, `"974"`) of an address, from the same code
/// [`Territory::from_codes`] uses (`code_insee` when well formed, else `code_postal`).
/// Postcodes of Corse (`20xxx`) give `"2A"` below 20200, `"2B"` from it.
// TODO(territory): the one "département of a code" of inclusion-territory replaces this at
// merge; it is here only to find the school zone of a place.
pub(crate) fn department_of_codes(postcode: &str, insee: Option<&str>) -> Option<String> {
    let valid_insee = insee
        .map(str::trim)
        .filter(|c| Territory::from_insee(c).is_some());
    let (code, is_postcode) = match valid_insee {
        Some(c) => (c, false),
        None => {
            let p = postcode.trim();
            Territory::from_postcode(p)?;
            (p, true)
        }
    };
    let upper = code.to_ascii_uppercase();
    if upper.starts_with("97") || upper.starts_with("98") {
        return upper.get(..3).map(str::to_string);
    }
    if is_postcode && upper.starts_with("20") {
        return Some(if upper.as_str() < "20200" { "2A" } else { "2B" }.to_string());
    }
    upper.get(..2).map(str::to_string)
}

/// The time zone of an address, from its `code_postal` and `code_insee`: Europe/Paris for
/// metropolitan France and Corse, the territory's own zone overseas (see [`Territory`]).
///
/// ```
/// use inclusion_model::hours::time_zone_for;
/// use chrono_tz::{America, Europe, Indian, Pacific};
///
/// assert_eq!(time_zone_for("20000", Some("2A004")), Europe::Paris);
/// assert_eq!(time_zone_for("97300", None), America::Cayenne);
/// assert_eq!(time_zone_for("97150", None), America::Marigot);
/// assert_eq!(time_zone_for("98714", None), Pacific::Tahiti);
/// assert_eq!(time_zone_for("", None), Europe::Paris);
/// ```
pub fn time_zone_for(postcode: &str, insee: Option<&str>) -> Tz {
    Territory::from_codes(postcode, insee).time_zone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insee_code_wins_over_postcode() {
        // A Guadeloupe-looking postcode with Saint-Martin's INSEE code.
        assert_eq!(
            Territory::from_codes("97100", Some("97801")),
            Territory::SaintMartin
        );
        // Malformed INSEE code: the postcode decides.
        assert_eq!(
            Territory::from_codes("97200", Some("97X")),
            Territory::Martinique
        );
        assert_eq!(
            Territory::from_codes("57000", Some("")),
            Territory::AlsaceMoselle
        );
    }

    #[test]
    fn every_overseas_prefix_has_its_zone() {
        let cases = [
            ("97110", Territory::Guadeloupe, "America/Guadeloupe"),
            ("97200", Territory::Martinique, "America/Martinique"),
            ("97300", Territory::Guyane, "America/Cayenne"),
            ("97400", Territory::Reunion, "Indian/Reunion"),
            (
                "97500",
                Territory::SaintPierreEtMiquelon,
                "America/Miquelon",
            ),
            ("97600", Territory::Mayotte, "Indian/Mayotte"),
            ("97133", Territory::SaintBarthelemy, "America/St_Barthelemy"),
            ("97150", Territory::SaintMartin, "America/Marigot"),
            ("98600", Territory::WallisEtFutuna, "Pacific/Wallis"),
            ("98714", Territory::FrenchPolynesia, "Pacific/Tahiti"),
            ("98800", Territory::NewCaledonia, "Pacific/Noumea"),
            ("75001", Territory::Metropolitan, "Europe/Paris"),
            ("20000", Territory::Metropolitan, "Europe/Paris"),
            ("68100", Territory::AlsaceMoselle, "Europe/Paris"),
        ];
        for (postcode, territory, zone) in cases {
            assert_eq!(
                Territory::from_codes(postcode, None),
                territory,
                "{postcode}"
            );
            assert_eq!(territory.time_zone().name(), zone, "{postcode}");
        }
    }

    #[test]
    fn corsican_and_malformed_codes() {
        assert_eq!(
            Territory::from_codes("20200", Some("2B033")),
            Territory::Metropolitan
        );
        assert_eq!(
            Territory::from_codes("abcde", None),
            Territory::Metropolitan
        );
        assert_eq!(Territory::from_codes("9740", None), Territory::Metropolitan);
        assert_eq!(
            Territory::from_codes(" 97400 ", Some(" 97411 ")),
            Territory::Reunion
        );
    }

    #[test]
    fn all_lists_each_territory_once() {
        let mut seen = std::collections::HashSet::new();
        for t in Territory::ALL {
            assert!(seen.insert(t));
            assert!(!t.name().is_empty());
        }
    }
}
