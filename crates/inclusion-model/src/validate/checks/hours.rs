//! Opening-hours checks: `horaires`.
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `horaires.syntax` | Strict | warning | not OpenStreetMap `opening_hours` syntax, as `opening_hours.js` reads it (with its corrections of French day names, `9h30`, `14-17`) |
//! | `horaires.french` | Strict | warning | instead of `horaires.syntax`, when the text reads as French with a faithful OSM value ([`suggest_osm`](inclusion_hours::suggest_osm)): the message gives that value; the text is kept, never rewritten |
//!
//! The standard does not check `horaires`. Each distinct text is parsed once per file (an
//! [`HoursCache`]); at the Standard level, on first use rather
//! than at reading. The text is kept either way.
//!
//! ```
//! use inclusion_model::{read_csv_str, ReadOptions};
//!
//! let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj,horaires\n\
//!            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,Mo-Fr 09:00-12:00\n\
//!            p2,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,le matin\n\
//!            p3,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,lundi au vendredi 9h-12h\n";
//! let report = read_csv_str(csv, &ReadOptions::strict());
//! let found: Vec<_> = report.diagnostics.iter().filter(|d| d.row().is_some())
//!     .map(|d| (d.row(), d.code())).collect();
//! assert_eq!(found, [(Some(3), "horaires.syntax"), (Some(4), "horaires.french")]);
//! assert_eq!(report.places[1].opening_hours.as_ref().map(|h| h.as_str()), Some("le matin"));
//! let suggestion = report.diagnostics.last().unwrap().message_en();
//! assert!(suggestion.contains("'Mo-Fr 09:00-12:00'"), "{suggestion}");
//! assert_eq!(report.places[2].opening_hours.as_ref().map(|h| h.as_str()), Some("lundi au vendredi 9h-12h"));
//! ```

use inclusion_hours::{HoursCache, OpeningHours};

use crate::columns::Column;
use crate::diagnostic::Arg;
use crate::hours_fix::HoursSuggestions;
use crate::messages;

use super::super::row::Row;

/// The opening hours of the place (shared with the other rows that have the same text), and at
/// the Strict level `horaires.french` (with the OSM value suggested) or `horaires.syntax`.
#[inline]
pub(crate) fn opening_hours(
    r: &mut Row<'_, '_>,
    cache: &mut HoursCache,
    suggestions: &mut HoursSuggestions,
) -> Option<OpeningHours> {
    let c = Column::OpeningHours;
    let h = r.get(c)?;
    let oh = cache.get(h);
    if r.strict
        && let Some(why) = oh.parse_error()
    {
        match suggestions.get(&oh) {
            Some(osm) => {
                let osm = Arg::from(osm);
                r.warn(c, h, &messages::HOURS_FRENCH, [osm]);
            }
            None => r.warn(c, h, &messages::HOURS_SYNTAX, [Arg::from(why)]),
        }
    }
    Some(oh)
}
