//! Opening hours written in French, and the OSM value to write instead: the suggestion the
//! Strict level gives (`horaires.french`) and the rewrite a converter makes when asked
//! ([`fix_hours`]), each reported, never silent.
//!
//! ```
//! use chrono::NaiveDate;
//! use inclusion_model::{Address, OpeningHours, Place, hours_fix::fix_hours};
//!
//! let mut place = Place::new("p1", "00000000000000", "Mairie", Address::new("1 rue A", "38000", "Grenoble"),
//!     NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
//! place.opening_hours = Some(OpeningHours::new("Du lundi au vendredi de 9h à 12h"));
//! let mut other = place.clone();
//! other.id = "p2".into();
//! other.opening_hours = Some(OpeningHours::new("Voir site internet")); // nothing faithful
//! let mut places = vec![place, other];
//! let fixes = fix_hours(&mut places);
//! assert_eq!(fixes.len(), 1);
//! assert_eq!((fixes[0].id.as_str(), fixes[0].after.as_str()), ("p1", "Mo-Fr 09:00-12:00"));
//! assert_eq!(places[0].opening_hours.as_ref().unwrap().as_str(), "Mo-Fr 09:00-12:00");
//! assert_eq!(places[1].opening_hours.as_ref().unwrap().as_str(), "Voir site internet");
//! ```

use inclusion_hours::{OpeningHours, suggest_osm};
use rustc_hash::FxHashMap;

use crate::place::Place;

/// The suggestions of [`suggest_osm`] for `horaires` texts, computed once per distinct text
/// (a conversion costs tens of microseconds; a file repeats its texts).
#[derive(Debug, Default)]
pub struct HoursSuggestions {
    known: FxHashMap<Box<str>, Option<Box<str>>>,
}

impl HoursSuggestions {
    /// An empty cache.
    pub fn new() -> HoursSuggestions {
        HoursSuggestions::default()
    }

    /// The OSM value suggested for `hours` when it does not parse and reads as French that
    /// converts faithfully; `None` otherwise.
    pub fn get(&mut self, hours: &OpeningHours) -> Option<&str> {
        if hours.is_valid() {
            return None;
        }
        let raw = hours.as_str();
        if !self.known.contains_key(raw) {
            let value = suggest_osm(raw)
                .and_then(|c| c.osm)
                .map(String::into_boxed_str);
            self.known.insert(raw.into(), value);
        }
        self.known.get(raw).and_then(|v| v.as_deref())
    }
}

/// One `horaires` rewritten by [`fix_hours`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HoursFix {
    /// The `id` of the place.
    pub id: String,
    /// The text as it was.
    pub before: String,
    /// The OSM value written instead.
    pub after: String,
}

/// Replaces every `horaires` that is not OSM syntax, and that reads as French with a faithful
/// OSM value, by that value; returns each change, in the order of the places. Texts without a
/// faithful value are left as they are.
pub fn fix_hours(places: &mut [Place]) -> Vec<HoursFix> {
    let mut suggestions = HoursSuggestions::new();
    let mut fixes = Vec::new();
    for place in places {
        let Some(hours) = &place.opening_hours else {
            continue;
        };
        if let Some(osm) = suggestions.get(hours) {
            fixes.push(HoursFix {
                id: place.id.to_string(),
                before: hours.as_str().to_owned(),
                after: osm.to_owned(),
            });
            place.opening_hours = Some(OpeningHours::new(osm));
        }
    }
    fixes
}
