//! Opening hours at an instant, as a document for other tools ([`HoursReport`], its JSON
//! form) and as text for people ([`hours_text`], [`conversion_text`]).
//!
//! ```
//! use inclusion_hours::{Lang, Locale, OpeningHours, State, Territory};
//! use inclusion_hours::render::{HoursReport, hours_text};
//! use chrono::{TimeZone, Utc};
//!
//! let hours = OpeningHours::new("Mo-Fr 09:00-12:00; PH off");
//! let paris = Locale::from(Territory::Metropolitan);
//! // Tuesday 2026-12-01, 10:00 in Paris.
//! let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
//! let report = HoursReport::new(Some(&hours), at, paris, Lang::En);
//! assert_eq!((report.open, report.state), (Some(true), State::Open));
//! assert_eq!(report.next_change.unwrap().to_rfc3339(), "2026-12-01T12:00:00+01:00");
//! assert_eq!(report.week.len(), 11); // closed and open intervals, Monday to Sunday
//! let json = serde_json::to_value(&report).unwrap();
//! assert_eq!(json["state"], "open");
//! let text = hours_text(&hours, at, paris, Lang::Fr).unwrap();
//! assert!(text.contains("État       Ouvert · ferme à 12 h\n"), "{text}");
//! ```

use std::fmt::Write;

use chrono::{DateTime, FixedOffset, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::OpeningHours;
use super::eval::{Locale, State};
use super::french::Conversion;
use super::lang::Lang;

/// The state of opening hours at an instant, with the next change and the week around it:
/// what `inclusion hours --format json` prints.
///
/// Serialised as `{"open": true|false|null, "state": "open"|"closed"|"unknown",
/// "comment", "local_time", "time_zone", "next_change", "next_state", "description",
/// "week": [{"start", "end", "state"}...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct HoursReport {
    /// Whether it is open at the instant asked; `null` when the hours do not parse (or there
    /// are none) or say the state is not known.
    pub open: Option<bool>,
    /// Open, closed or unknown at the instant asked.
    pub state: State,
    /// The comment of the rule that applies (e.g. `sur rendez-vous`), if any.
    pub comment: Option<String>,
    /// The instant asked, in local time (RFC 3339 with its offset).
    pub local_time: DateTime<FixedOffset>,
    /// The IANA time zone the hours were evaluated in (e.g. `Europe/Paris`).
    pub time_zone: String,
    /// When the state next changes, in local time; `null` without hours or change within two
    /// years.
    pub next_change: Option<DateTime<FixedOffset>>,
    /// The state from [`next_change`](Self::next_change) on.
    pub next_state: Option<State>,
    /// The hours in words, in the language asked; `null` without hours.
    pub description: Option<String>,
    /// The week (Monday 00:00 to the next Monday, local time) that contains the instant, as
    /// consecutive intervals of one state; empty without hours.
    pub week: Vec<WeekInterval>,
}

/// One interval of [`HoursReport::week`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct WeekInterval {
    /// First instant, local time.
    pub start: DateTime<FixedOffset>,
    /// First instant after the interval, local time.
    pub end: DateTime<FixedOffset>,
    /// The state during the interval.
    pub state: State,
}

impl HoursReport {
    /// The report of `hours` at `at` in `locale` (descriptions in `lang`). `None`, or hours
    /// that do not parse, give an unknown state with no change and an empty week.
    pub fn new(
        hours: Option<&OpeningHours>,
        at: DateTime<Utc>,
        locale: Locale,
        lang: Lang,
    ) -> HoursReport {
        let status = hours.and_then(|h| h.status_at(at, locale));
        let next = hours.and_then(|h| h.next_change(at, locale));
        let week = hours
            .zip(status.as_ref())
            .and_then(|(h, s)| h.week(s.local_time.date_naive(), locale))
            .map(|w| {
                w.intervals
                    .iter()
                    .map(|i| WeekInterval {
                        start: i.start.fixed_offset(),
                        end: i.end.fixed_offset(),
                        state: i.state,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let state = status.as_ref().map_or(State::Unknown, |s| s.state);
        HoursReport {
            open: match state {
                State::Open => Some(true),
                State::Closed => Some(false),
                State::Unknown => None,
            },
            state,
            comment: status
                .as_ref()
                .and_then(|s| s.comment.as_deref().map(str::to_owned)),
            local_time: at.with_timezone(&locale.tz).fixed_offset(),
            time_zone: locale.tz.name().to_owned(),
            next_change: next.map(|c| c.at.fixed_offset()),
            next_state: next.map(|c| c.state),
            description: hours.and_then(|h| h.describe(lang)),
            week,
        }
    }
}

/// A French text read by [`from_french`](crate::from_french), and its value evaluated: what
/// `inclusion hours --from-french --format json` prints, the fields of [`Conversion`] and of
/// [`HoursReport`] side by side (`{"osm", "confidence", "understood", "not_understood",
/// "ambiguous", "why", "open", "state", ...}`; without a value, `open` is `null`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct FrenchHoursReport {
    /// What was read.
    #[serde(flatten)]
    pub conversion: Conversion,
    /// Its value at the instant asked.
    #[serde(flatten)]
    pub report: HoursReport,
}

impl FrenchHoursReport {
    /// Reads `conversion`'s value (if any) at `at` in `locale`.
    pub fn new(
        conversion: Conversion,
        at: DateTime<Utc>,
        locale: Locale,
        lang: Lang,
    ) -> FrenchHoursReport {
        let hours = conversion.opening_hours();
        let report = HoursReport::new(hours.as_ref(), at, locale, lang);
        FrenchHoursReport { conversion, report }
    }
}

/// The hours at an instant as a person reads them: the text (and how it was read when it was
/// corrected), the hours in words, where and when they are evaluated, the state with the next
/// change, then the week as a grid ([`WeekSchedule::grid`](crate::WeekSchedule::grid)).
/// `None` when the text does not parse.
pub fn hours_text(
    hours: &OpeningHours,
    at: DateTime<Utc>,
    locale: Locale,
    lang: Lang,
) -> Option<String> {
    let status = hours.status_at(at, locale)?;
    let mut out = String::new();
    let label = |fr: &str, en: &str| format!("{:<11}", lang.pick(fr, en));
    let _ = writeln!(out, "{}{}", label("Horaires", "Hours"), hours.as_str());
    if hours.was_corrected()
        && let Some(canonical) = hours.canonical()
    {
        let _ = writeln!(out, "{}{canonical}", label("Lu comme", "Read as"));
    }
    if let Some(words) = hours.describe(lang) {
        let _ = writeln!(out, "{}{words}", label("En clair", "In words"));
    }
    let _ = writeln!(
        out,
        "{}{} ({})",
        label("Où", "Where"),
        locale.territory.name(),
        locale.tz.name()
    );
    let _ = writeln!(
        out,
        "{}{}",
        label("Quand", "When"),
        status.local_time.format("%Y-%m-%d %H:%M %:z")
    );
    if let Some(line) = hours.state_line(at, locale, lang) {
        let _ = writeln!(out, "{}{line}", label("État", "State"));
    }
    if let Some(week) = hours.week(status.local_time.date_naive(), locale) {
        let _ = writeln!(
            out,
            "\n{} {} {}",
            lang.pick("Semaine du", "Week of"),
            week.monday,
            lang.pick(
                "(# ouvert, + ouvert une partie de la demi-heure, ? inconnu) :",
                "(# open, + open part of the half-hour, ? unknown):"
            )
        );
        out.push_str(&week.grid());
    }
    Some(out)
}

/// What [`from_french`](crate::from_french) read, as a person reads it: the OSM value (or
/// why there is none), the confidence, what was understood and what was not.
///
/// ```
/// use inclusion_hours::{Lang, from_french, render::conversion_text};
/// let text = conversion_text(&from_french("Du lundi au vendredi de 9h à 12h"), Lang::En);
/// assert!(text.starts_with("OSM value  Mo-Fr 09:00-12:00\nConfidence 100 %\n"), "{text}");
/// let text = conversion_text(&from_french("Voir site internet"), Lang::Fr);
/// assert!(text.starts_with("Valeur OSM aucune\n"), "{text}");
/// ```
pub fn conversion_text(c: &Conversion, lang: Lang) -> String {
    let mut out = String::new();
    let label = |fr: &str, en: &str| format!("{:<11}", lang.pick(fr, en));
    let value = c
        .osm
        .as_deref()
        .unwrap_or_else(|| lang.pick("aucune", "none"));
    let _ = writeln!(out, "{}{value}", label("Valeur OSM", "OSM value"));
    let _ = writeln!(
        out,
        "{}{:.0} %",
        label("Confiance", "Confidence"),
        c.confidence * 100.0
    );
    if let Some(why) = &c.why {
        let _ = writeln!(out, "{}{why}", label("Pourquoi", "Why"));
    }
    for u in &c.understood {
        let _ = writeln!(
            out,
            "{}« {} » → {}",
            label("Compris", "Understood"),
            u.text,
            u.meaning
        );
    }
    for n in &c.not_understood {
        let _ = writeln!(out, "{}« {n} »", label("Pas compris", "Not read"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Territory, from_french};
    use chrono::TimeZone;

    #[test]
    fn a_report_without_hours_is_unknown_with_an_empty_week() {
        let at = Utc.with_ymd_and_hms(2026, 12, 25, 6, 0, 0).unwrap();
        let reunion = Locale::from(Territory::Reunion);
        let r = HoursReport::new(None, at, reunion, Lang::Fr);
        assert_eq!((r.open, r.state), (None, State::Unknown));
        assert!(r.week.is_empty() && r.next_change.is_none() && r.description.is_none());
        assert_eq!(r.time_zone, "Indian/Reunion");
        assert_eq!(r.local_time.to_rfc3339(), "2026-12-25T10:00:00+04:00");
        let bad = OpeningHours::new("le matin");
        assert_eq!(HoursReport::new(Some(&bad), at, reunion, Lang::Fr), r);
        assert!(hours_text(&bad, at, reunion, Lang::Fr).is_none());
    }

    #[test]
    fn the_week_covers_seven_days_and_the_state_follows_the_holidays() {
        let hours = OpeningHours::new("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off");
        let reunion = Locale::for_codes("97400", None);
        // Christmas, 10:00 in La Réunion: a public holiday.
        let at = Utc.with_ymd_and_hms(2026, 12, 25, 6, 0, 0).unwrap();
        let r = HoursReport::new(Some(&hours), at, reunion, Lang::En);
        assert_eq!((r.open, r.state), (Some(false), State::Closed));
        assert_eq!(r.next_state, Some(State::Open));
        assert_eq!(
            r.next_change.unwrap().to_rfc3339(),
            "2026-12-26T08:30:00+04:00"
        );
        let first = r.week.first().unwrap();
        let last = r.week.last().unwrap();
        assert_eq!(first.start.to_rfc3339(), "2026-12-21T00:00:00+04:00");
        assert_eq!(last.end.to_rfc3339(), "2026-12-28T00:00:00+04:00");
        assert!(r.week.windows(2).all(|w| w[0].end == w[1].start));
        let text = hours_text(&hours, at, reunion, Lang::En).unwrap();
        assert!(
            text.contains("Where      La Réunion (Indian/Reunion)\n"),
            "{text}"
        );
        assert!(
            text.contains("When       2026-12-25 10:00 +04:00\n"),
            "{text}"
        );
        assert!(
            text.contains("State      Closed · opens tomorrow at 8:30\n"),
            "{text}"
        );
        assert!(text.contains("Fr 12-25 ................"), "{text}");
    }

    #[test]
    fn a_french_report_has_the_conversion_and_the_state_side_by_side() {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let paris = Locale::from(Territory::Metropolitan);
        let r = FrenchHoursReport::new(from_french("lun-ven 8h30-12h"), at, paris, Lang::Fr);
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["osm"], "Mo-Fr 08:30-12:00");
        assert_eq!(json["open"], true);
        assert_eq!(json["state"], "open");
        let none = FrenchHoursReport::new(from_french("Voir site internet"), at, paris, Lang::Fr);
        let json = serde_json::to_value(&none).unwrap();
        assert!(json["osm"].is_null() && json["open"].is_null());
        assert_eq!(json["state"], "unknown");
        assert!(json["why"].is_string());
    }
}
