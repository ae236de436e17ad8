//! Opening-hours checks: `horaires`.
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `horaires.syntax` | Strict | warning | not OpenStreetMap `opening_hours` syntax, as `opening_hours.js` reads it (with its corrections of French day names, `9h30`, `14-17`) |
//! | `horaires.too_long` | both | warning | longer than [`MAX_HOURS_CHARS`] (255) characters, OpenStreetMap's limit for a tag value: the text is kept, but not evaluated (the place's hours are unknown) |
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
//!
//! // 20,000 rules: reported at both levels, kept, never evaluated.
//! let long = "Mo-Su 00:00-24:00; ".repeat(20_000);
//! let csv = format!("id,pivot,nom,commune,code_postal,adresse,date_maj,horaires\n\
//!                    p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,{long}\n");
//! let report = read_csv_str(&csv, &ReadOptions::default());
//! let d = report.warnings().find(|d| d.row().is_some()).unwrap();
//! assert_eq!((d.code(), d.row(), d.value_chars()), ("horaires.too_long", Some(2), Some(380_000)));
//! let t = chrono::Utc::now();
//! assert_eq!(report.places[0].opening_status(t), None);
//! ```

use inclusion_hours::{HoursCache, MAX_HOURS_CHARS, OpeningHours};

use crate::columns::Column;
use crate::diagnostic::Arg;
use crate::hours_fix::HoursSuggestions;
use crate::messages;
use crate::syntax;

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
    if h.len() > MAX_HOURS_CHARS {
        let n = syntax::char_len(h);
        if n > MAX_HOURS_CHARS {
            r.warn(c, h, &messages::HOURS_TOO_LONG, [Arg::from(n)]);
            return Some(cache.get(h));
        }
    }
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
