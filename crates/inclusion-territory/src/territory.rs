//! [`Territory`]: which part of France a place is in, from its `code_postal` / `code_insee`
//! or its position, and so its time zone and its public-holiday calendar.

use chrono_tz::Tz;

use crate::admin::Departement;

/// A part of France with its own time zone or its own public holidays.
///
/// Found from the codes of an address with [`Territory::from_codes`]; each territory knows its
/// IANA time zone ([`Territory::time_zone`]) and its public holidays
/// ([`Territory::is_public_holiday`], see [`holidays`](super::holidays) for the calendars).
///
/// ```
/// use inclusion_territory::Territory;
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
    /// The position of this territory in [`Territory::ALL`]: a table per territory is an
    /// array indexed by it.
    ///
    /// ```
    /// use inclusion_territory::Territory;
    /// assert!(Territory::ALL.iter().enumerate().all(|(i, t)| t.index() == i));
    /// ```
    pub const fn index(self) -> usize {
        // `ALL` lists the variants in declaration order, as their discriminants count.
        self as usize
    }

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

    /// The territory of an address, from its `code_insee` when it is a well-formed code of a
    /// current département or collectivity ([`Departement::of_insee`]), otherwise from its
    /// `code_postal` ([`Departement::of_postcode`]).
    ///
    /// The INSEE code is preferred because it tells Saint-Barthélemy (977) and Saint-Martin
    /// (978) from Guadeloupe, and a commune from its neighbour across a département border.
    /// Postcodes `97133` (Saint-Barthélemy) and `97150` (Saint-Martin) are recognised too.
    /// Anything unrecognised (empty, malformed, Monaco's `980xx`) gives
    /// [`Territory::Metropolitan`].
    pub fn from_codes(postcode: &str, insee: Option<&str>) -> Territory {
        Departement::of_codes(postcode, insee)
            .map_or(Territory::Metropolitan, Territory::of_departement)
    }

    /// The territory of a département or overseas collectivity. The TAAF (984) and
    /// Clipperton (989), which have no inhabitants nor places, count as metropolitan.
    ///
    /// ```
    /// use inclusion_territory::{admin::departement, Territory};
    /// assert_eq!(Territory::of_departement(departement("68").unwrap()), Territory::AlsaceMoselle);
    /// assert_eq!(Territory::of_departement(departement("2B").unwrap()), Territory::Metropolitan);
    /// assert_eq!(Territory::of_departement(departement("976").unwrap()), Territory::Mayotte);
    /// ```
    pub fn of_departement(departement: &Departement) -> Territory {
        match departement.code {
            "57" | "67" | "68" => Territory::AlsaceMoselle,
            "971" => Territory::Guadeloupe,
            "972" => Territory::Martinique,
            "973" => Territory::Guyane,
            "974" => Territory::Reunion,
            "975" => Territory::SaintPierreEtMiquelon,
            "976" => Territory::Mayotte,
            "977" => Territory::SaintBarthelemy,
            "978" => Territory::SaintMartin,
            "986" => Territory::WallisEtFutuna,
            "987" => Territory::FrenchPolynesia,
            "988" => Territory::NewCaledonia,
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

/// A box around a French territory: south, north, west, east, in degrees.
struct Bounds(Territory, f64, f64, f64, f64);

/// Boxes around the French territories where places of the standard are found (metropolitan
/// France and Corse are two boxes).
const BOUNDS: &[Bounds] = &[
    Bounds(Territory::Metropolitan, 41.3, 51.2, -5.3, 8.3),
    Bounds(Territory::Metropolitan, 41.3, 43.1, 8.5, 9.6),
    Bounds(Territory::Guadeloupe, 15.8, 16.55, -61.85, -60.95),
    Bounds(Territory::Martinique, 14.35, 14.9, -61.25, -60.8),
    Bounds(Territory::Guyane, 2.1, 5.8, -54.65, -51.6),
    Bounds(Territory::Reunion, -21.4, -20.85, 55.2, 55.85),
    Bounds(Territory::Mayotte, -13.05, -12.6, 44.95, 45.35),
    Bounds(Territory::SaintPierreEtMiquelon, 46.7, 47.15, -56.45, -56.1),
    Bounds(Territory::SaintBarthelemy, 17.85, 17.98, -62.96, -62.78),
    Bounds(Territory::SaintMartin, 18.0, 18.13, -63.16, -62.96),
    Bounds(Territory::WallisEtFutuna, -14.4, -13.1, -178.3, -176.1),
    Bounds(Territory::FrenchPolynesia, -28.0, -7.8, -154.8, -134.4),
    Bounds(Territory::NewCaledonia, -22.9, -19.0, 163.5, 168.3),
];

impl Territory {
    /// The territory whose bounding box holds this position (WGS84 degrees), if any. A box
    /// is coarse: it holds sea and, for metropolitan France, parts of the neighbouring
    /// countries; Alsace-Moselle is answered as [`Territory::Metropolitan`].
    ///
    /// ```
    /// use inclusion_territory::Territory;
    /// assert_eq!(Territory::by_bounding_box(45.19, 5.72), Some(Territory::Metropolitan));
    /// assert_eq!(Territory::by_bounding_box(-21.1, 55.5), Some(Territory::Reunion));
    /// assert_eq!(Territory::by_bounding_box(5.72, 45.19), None); // swapped
    /// ```
    pub fn by_bounding_box(latitude: f64, longitude: f64) -> Option<Territory> {
        BOUNDS
            .iter()
            .find(|b| (b.1..=b.2).contains(&latitude) && (b.3..=b.4).contains(&longitude))
            .map(|b| b.0)
    }
}

/// The time zone of an address, from its `code_postal` and `code_insee`: Europe/Paris for
/// metropolitan France and Corse, the territory's own zone overseas (see [`Territory`]).
///
/// ```
/// use inclusion_territory::time_zone_for;
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
    fn bounding_boxes() {
        let at = Territory::by_bounding_box;
        assert_eq!(at(45.19, 5.72), Some(Territory::Metropolitan));
        assert_eq!(at(42.0, 9.0), Some(Territory::Metropolitan)); // Corse
        assert_eq!(at(-22.27, 166.45), Some(Territory::NewCaledonia));
        assert_eq!(at(-13.28, -176.17), Some(Territory::WallisEtFutuna));
        assert_eq!(at(0.0, 0.0), None);
        // Every territory with inhabitants has a box.
        for t in Territory::ALL {
            if t != Territory::AlsaceMoselle {
                assert!(BOUNDS.iter().any(|b| b.0 == t), "{t:?}");
            }
        }
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
