//! # inclusion-hours
//!
//! Opening hours: the `horaires` field of the lieux de médiation numérique, in the
//! OpenStreetMap `opening_hours` syntax, parsed once and evaluated in the place's own time zone
//! with the public holidays of its French territory. It knows nothing of places: the
//! place-level methods (`place.is_open_at(t)`...) are in `inclusion-model`.
//!
//! # What it offers
//!
//! * **Parse once** — [`OpeningHours::new`] parses the text with the `opening-hours` crate
//!   (2.1) and keeps the parsed form beside the raw text; [`HoursCache`] shares it between the
//!   rows of a file that repeat the same text. Text that does not parse keeps its raw form and
//!   gives [`OpeningHours::parse_error`]. The few corrections the reference JavaScript parser
//!   makes with a warning (French day names, `9h-12h`, `14-17`) are made too
//!   ([`OpeningHours::was_corrected`]).
//! * **Where** — [`Territory`] (from `code_postal` / `code_insee`, in `inclusion-territory`)
//!   gives the time zone ([`time_zone_for`]) and the public-holiday calendar used for `PH`
//!   (see [`inclusion_territory::holidays`]); [`Locale`] is the pair.
//! * **Is it open, when does it change** — [`OpeningHours::status_at`],
//!   [`OpeningHours::next_opening`], [`OpeningHours::next_closing`],
//!   [`OpeningHours::week`] take a `DateTime<Utc>` and answer in local time; the same methods
//!   exist on `inclusion_model::Place` (`place.is_open_at(t)`, ...). Daylight-saving changes
//!   are exact: a rule in the spring gap never opens, the autumn hour that happens twice is
//!   evaluated twice.
//! * **Fast filter** — [`WeeklyForm`]: a 672-bit [`WeekBitmap`] (one bit per quarter-hour of
//!   the week, local time) with the [`Exceptions`] it cannot represent (holidays, dates, week
//!   numbers, times off the quarter-hour...). A spatial index answers "open at t" with
//!   [`slot_at`] once per query and [`WeeklyForm::open_at_slot`] per place, falling back
//!   to [`OpeningHours::is_open_at`] when that returns `None`.
//! * **Timetables** — [`Timetable`]: day → time ranges (what a form collects), to a canonical
//!   OSM string ([`Timetable::to_osm`]) and back ([`OpeningHours::timetable`]).
//! * **French text** — [`from_french`]: hours as producers write them (« Du lundi au vendredi
//!   de 9h à 12h, fermé les jours fériés ») to an OSM value, with what was understood, what
//!   was not, and why nothing is given when the text cannot be converted faithfully
//!   ([`Conversion`]); [`suggest_osm`] is the suggestion a validator shows for a `horaires`
//!   that is not OSM syntax.
//! * **Readable hours** — [`OpeningHours::describe`] in French or English ([`Lang`]) and
//!   [`OpeningHours::state_line`] (« Ouvert · ferme à 17 h 30 »).
//! * **School holidays** — `SH` with the calendar of the place's [`SchoolZone`] (A, B, C;
//!   [`Locale::with_school_zone`], or from the codes with [`Locale::for_codes`]); where the
//!   calendar cannot tell, the state is unknown, never guessed (see [`SchoolZone`]).
//!
//! ```
//! use inclusion_hours::{OpeningHours, Locale, Territory, State};
//! use chrono::{TimeZone, Utc};
//!
//! let hours = OpeningHours::new("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off");
//! assert!(hours.parse_error().is_none());
//! let paris = Locale::from(Territory::Metropolitan);
//!
//! // Friday 2026-12-18, 10:00 in Paris (09:00 UTC): open until 12:00.
//! let t = Utc.with_ymd_and_hms(2026, 12, 18, 9, 0, 0).unwrap();
//! let status = hours.status_at(t, paris).unwrap();
//! assert_eq!(status.state, State::Open);
//! assert_eq!(status.local_time.to_string(), "2026-12-18 10:00:00 CET");
//! assert_eq!(hours.next_closing(t, paris).unwrap().to_string(), "2026-12-18 12:00:00 CET");
//!
//! // Christmas is a public holiday: closed, next opening on Saturday morning.
//! let christmas = Utc.with_ymd_and_hms(2026, 12, 25, 9, 0, 0).unwrap();
//! assert!(!hours.is_open_at(christmas, paris));
//! assert_eq!(hours.next_opening(christmas, paris).unwrap().to_string(), "2026-12-26 08:30:00 CET");
//!
//! // The same text in La Réunion (UTC+4): 10:00 local is 06:00 UTC.
//! let reunion = Locale::from(Territory::Reunion);
//! assert!(hours.is_open_at(Utc.with_ymd_and_hms(2026, 12, 18, 6, 0, 0).unwrap(), reunion));
//! ```
//!
//! French text in, readable text out:
//!
//! ```
//! use inclusion_hours::{from_french, Lang, Locale, OpeningHours};
//! use chrono::{TimeZone, Utc};
//!
//! let c = from_french("Mardi et jeudi de 9h à 12h, sauf pendant les vacances scolaires");
//! assert_eq!(c.osm.as_deref(), Some("Tu,Th 09:00-12:00; SH off"));
//! let hours = c.opening_hours().unwrap();
//! assert_eq!(hours.describe(Lang::En).unwrap(),
//!     "Tuesday and Thursday, 9:00–12:00; closed during school holidays");
//!
//! // Grenoble is in zone A: Tuesday 17 February 2026 is in its winter holidays.
//! let grenoble = Locale::for_codes("38000", Some("38185"));
//! let t = Utc.with_ymd_and_hms(2026, 2, 17, 9, 0, 0).unwrap();
//! assert_eq!(hours.state_line(t, grenoble, Lang::Fr).unwrap(), "Fermé · ouvre le 24 février à 9 h");
//! ```

mod bitmap;
pub mod describe;
mod error;
mod eval;
pub mod french;
mod holidays;
mod lang;
mod lenient;
mod plan;
pub mod render;
mod school;
mod selectors;
mod timetable;

use std::fmt;
use std::sync::{Arc, OnceLock};

pub use bitmap::{
    Exceptions, SLOT_MINUTES, SLOTS_PER_DAY, SLOTS_PER_WEEK, WeekBitmap, WeeklyForm, slot_at,
    slot_of,
};
pub use chrono_tz::Tz;
pub use error::HoursError;
pub use eval::{
    Change, FIRST_SUPPORTED_DATE, HORIZON_DAYS, Interval, LAST_SUPPORTED_DATE, Locale, State,
    Status, WeekSchedule, check_instant, check_instant_everywhere,
};
pub use french::{Conversion, Understood, from_french, suggest_osm};
pub use inclusion_territory::{Territory, time_zone_for};
pub use lang::Lang;
pub use school::{
    SCHOOL_CALENDAR_FIRST, SCHOOL_CALENDAR_LAST, SchoolHolidayPeriod, SchoolZone,
    is_school_holiday, school_holiday_periods,
};
pub use timetable::{HoursRange, Timetable};

/// The parsed expression of the `opening-hours` crate, with no location (naive local times).
type Expr = opening_hours::OpeningHours;

/// The opening hours of a place, as written in the `horaires` column (OpenStreetMap
/// `opening_hours` syntax, e.g. `Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00`).
///
/// The raw text is always kept, so that a file round-trips without loss; the parsed form (or
/// the parse error) is computed once, in [`OpeningHours::new`], and shared by clones. Two
/// values are equal when their raw texts are equal.
///
/// ```
/// use inclusion_hours::OpeningHours;
/// let h = OpeningHours::new("Mo-Fr 09:00-12:00");
/// assert_eq!(h.as_str(), "Mo-Fr 09:00-12:00");
/// assert!(h.is_valid());
///
/// let bad = OpeningHours::new("Mo-Fr 09:00-19:00; Sa 17:00");
/// assert!(!bad.is_valid());
/// assert_eq!(bad.as_str(), "Mo-Fr 09:00-19:00; Sa 17:00");
/// println!("{}", bad.parse_error().unwrap());
/// ```
#[derive(Clone)]
pub struct OpeningHours {
    inner: Arc<Inner>,
}

/// The shared part of [`OpeningHours`]: the text, and its parsed form computed once, on first
/// use.
struct Inner {
    raw: Box<str>,
    parsed: OnceLock<Result<Parsed, String>>,
}

/// A successfully parsed text.
struct Parsed {
    expr: Expr,
    corrected: bool,
    weekly: WeeklyForm,
}

impl OpeningHours {
    /// Opening hours from the text of the `horaires` column.
    ///
    /// The text is parsed once, on the first question asked (about 50 µs in a release build
    /// with its weekly form), and the parsed form is shared by every clone. Readers at the
    /// Strict level ask at import (to report syntax errors); at the Standard level the cost is
    /// paid by the first evaluation, e.g. when a spatial index is built. Use a [`HoursCache`]
    /// when many rows repeat the same text.
    pub fn new(raw: impl Into<String>) -> OpeningHours {
        let raw: String = raw.into();
        OpeningHours {
            inner: Arc::new(Inner {
                raw: raw.into_boxed_str(),
                parsed: OnceLock::new(),
            }),
        }
    }

    /// The parse result, computed on first use.
    fn result(&self) -> &Result<Parsed, String> {
        self.inner.parsed.get_or_init(|| {
            parse(&self.inner.raw).map(|(expr, corrected)| {
                let weekly = bitmap::weekly_form(&expr);
                Parsed {
                    expr,
                    corrected,
                    weekly,
                }
            })
        })
    }

    /// The text as written in the file.
    pub fn as_str(&self) -> &str {
        &self.inner.raw
    }

    /// Why the text is not valid `opening_hours` syntax, or `None` when it parses.
    ///
    /// The message is one line, e.g. `at character 27: expected a time range (HH:MM-HH:MM)...`.
    pub fn parse_error(&self) -> Option<&str> {
        self.result().as_ref().err().map(String::as_str)
    }

    /// Whether the text parses (possibly after [corrections](Self::was_corrected)).
    pub fn is_valid(&self) -> bool {
        self.result().is_ok()
    }

    /// Whether the text parsed only after the corrections that the reference JavaScript parser
    /// also makes with a warning: day names in French or in full, `9h30`, hours without
    /// minutes (`14-17`). [`canonical`](Self::canonical) gives the corrected text.
    ///
    /// ```
    /// use inclusion_hours::OpeningHours;
    /// let h = OpeningHours::new("Lundi 9h-12h");
    /// assert!(h.is_valid() && h.was_corrected());
    /// assert_eq!(h.canonical().as_deref(), Some("Mo 09:00-12:00"));
    /// ```
    pub fn was_corrected(&self) -> bool {
        self.result().as_ref().is_ok_and(|p| p.corrected)
    }

    /// The parsed expression written back in the `opening-hours` crate's canonical form (hours
    /// on two digits, days abbreviated), or `None` when the text does not parse.
    pub fn canonical(&self) -> Option<String> {
        self.parsed().map(|p| p.expr.to_string())
    }

    /// The compact weekly form used for fast "open at" filters; see [`WeeklyForm`].
    /// Text that does not parse gives a form with [`Exceptions::NOT_EVALUABLE`].
    ///
    /// ```
    /// use inclusion_hours::OpeningHours;
    /// use inclusion_hours::{Exceptions, slot_of};
    /// use chrono::Weekday;
    ///
    /// let form = OpeningHours::new("Mo-Fr 09:00-12:00; PH off").weekly_form();
    /// assert_eq!(form.exceptions, Exceptions::HOLIDAYS);
    /// let monday_10h = slot_of(Weekday::Mon, 10 * 60);
    /// assert_eq!(form.open_at_slot(monday_10h, false), Some(true));
    /// assert_eq!(form.open_at_slot(monday_10h, true), None); // a holiday: evaluate exactly
    /// ```
    pub fn weekly_form(&self) -> WeeklyForm {
        match self.parsed() {
            Some(p) => p.weekly,
            None => WeeklyForm {
                bitmap: WeekBitmap::CLOSED,
                exceptions: Exceptions::NOT_EVALUABLE,
            },
        }
    }

    /// The weekly bitmap when it is exact for every week (no exception at all), else `None`
    /// (evaluate with [`is_open_at`](Self::is_open_at)).
    ///
    /// ```
    /// use inclusion_hours::OpeningHours;
    /// assert!(OpeningHours::new("Mo-Fr 09:00-12:00").weekly().is_some());
    /// assert!(OpeningHours::new("Mo-Fr 09:00-12:00; PH off").weekly().is_none());
    /// assert!(OpeningHours::new("Mo-Fr 09:10-12:00").weekly().is_none());
    /// ```
    pub fn weekly(&self) -> Option<WeekBitmap> {
        self.parsed()
            .filter(|p| p.weekly.exceptions.is_empty())
            .map(|p| p.weekly.bitmap)
    }

    /// The parsed form, when the text parses.
    fn parsed(&self) -> Option<&Parsed> {
        self.result().as_ref().ok()
    }

    /// The text that was parsed: the raw text, or its corrected form.
    fn parsed_text(&self) -> std::borrow::Cow<'_, str> {
        if self.was_corrected()
            && let Some(corrected) = lenient::correct(self.as_str())
        {
            return corrected.into();
        }
        self.as_str().into()
    }

    /// The parsed expression, when the text parses.
    fn expr(&self) -> Option<&Expr> {
        self.parsed().map(|p| &p.expr)
    }
}

impl fmt::Debug for OpeningHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("OpeningHours");
        d.field("raw", &self.as_str());
        match self.result() {
            Ok(p) => d
                .field("corrected", &p.corrected)
                .field("exceptions", &p.weekly.exceptions),
            Err(e) => d.field("parse_error", e),
        };
        d.finish()
    }
}

impl PartialEq for OpeningHours {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner) || self.inner.raw == other.inner.raw
    }
}

impl Eq for OpeningHours {}

/// The longest `horaires` text that is evaluated, in characters: OpenStreetMap's limit for
/// a tag value. A longer text is kept (a file round-trips) but not evaluated: its
/// [`parse_error`](OpeningHours::parse_error) says why, and every question about it answers
/// "not known", as for a text that does not parse.
///
/// The work of an evaluation grows with the number of rules: a text of 20,000 rules took
/// 15 s per place to find its next change. Within 255 characters (the real datasets' longest
/// value has 138) the slowest text measured, thirteen `Mo-Su 00:00-24:00` rules that never
/// change, takes 6 ms to search two years for a change (release build); a usual text, a few
/// microseconds.
///
/// ```
/// use inclusion_hours::{OpeningHours, MAX_HOURS_CHARS};
/// let long = "Mo-Su 00:00-24:00; ".repeat(20_000);
/// let h = OpeningHours::new(long.trim_end_matches("; "));
/// assert!(!h.is_valid());
/// assert!(h.parse_error().unwrap().starts_with("the text is 379998 characters long"));
/// assert!(OpeningHours::new("Mo-Su 00:00-24:00; ".repeat(13).trim_end_matches("; ")).is_valid());
/// assert_eq!(MAX_HOURS_CHARS, 255);
/// ```
pub const MAX_HOURS_CHARS: usize = 255;

/// Parses with the crate, then with the lenient corrections; `bool` tells whether the
/// corrections were needed.
fn parse(raw: &str) -> Result<(Expr, bool), String> {
    if raw.trim().is_empty() {
        // The crate reads an empty text as "always closed"; opening_hours.js refuses it.
        return Err("the text is empty".to_string());
    }
    if raw.len() > MAX_HOURS_CHARS {
        let n = raw.chars().count();
        if n > MAX_HOURS_CHARS {
            return Err(format!(
                "the text is {n} characters long: opening hours are evaluated up to \
                 {MAX_HOURS_CHARS} characters, OpenStreetMap's limit for a tag value"
            ));
        }
    }
    match raw.parse::<Expr>() {
        Ok(expr) => Ok((expr, false)),
        Err(error) => {
            if let Some(corrected) = lenient::correct(raw)
                && let Ok(expr) = corrected.parse::<Expr>()
            {
                return Ok((expr, true));
            }
            Err(one_line_message(raw, &error.to_string()))
        }
    }
}

/// The crate's error (a multi-line pest report for syntax errors) as one readable line that
/// quotes at most 20 characters of the text: never the parser's report, nor the whole text.
fn one_line_message(raw: &str, message: &str) -> String {
    let column = message
        .split_once("-->")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|pos| pos.split_once(':'))
        .and_then(|(_, col)| col.parse::<usize>().ok());
    // pest writes `= expected A, B or C`, `= unexpected D`, or `= unexpected D; expected A`.
    let report = message
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("= "))
        .unwrap_or_default();
    let rules = |prefix: &str| -> Vec<&'static str> {
        let mut wanted: Vec<&str> = report
            .split("; ")
            .filter_map(|part| part.strip_prefix(prefix))
            .flat_map(|list| list.split(", "))
            .flat_map(|w| w.split(" or "))
            .filter_map(|rule| readable_rule(rule.trim()))
            .collect();
        wanted.dedup();
        wanted
    };
    let (expected, unexpected) = (rules("expected "), rules("unexpected "));
    let Some(col) = column else {
        // Not a syntax report: a sentence of the crate, cut if long.
        let line = message.split_whitespace().collect::<Vec<_>>().join(" ");
        return match line.char_indices().nth(200) {
            Some((cut, _)) => format!("{}…", &line[..cut]),
            None => line,
        };
    };
    let rest: String = raw.chars().skip(col.saturating_sub(1)).take(20).collect();
    let place = if rest.is_empty() {
        "at the end of the text".to_string()
    } else {
        format!("at character {col} ({rest:?})")
    };
    match (unexpected.is_empty(), expected.is_empty()) {
        (true, true) => format!("unexpected text {place}"),
        (true, false) => format!("{place}: expected {}", expected.join(" or ")),
        (false, true) => format!("{place}: unexpected {}", unexpected.join(" or ")),
        (false, false) => format!(
            "{place}: unexpected {}; expected {}",
            unexpected.join(" or "),
            expected.join(" or ")
        ),
    }
}

/// What a grammar rule of the parser means for the person writing the text.
fn readable_rule(rule: &str) -> Option<&'static str> {
    Some(match rule {
        "EOI" => "the end of the text",
        "any_rule_separator"
        | "normal_rule_separator"
        | "additional_rule_separator"
        | "fallback_rule_separator" => "a rule separator (`;` or `,`)",
        "rules_modifier" | "rules_modifier_enum" => "`open`, `closed`, `off` or a comment",
        "timespan" | "timespan_plus" | "time_selector" => "a time range such as 09:00-12:00",
        "time"
        | "extended_time"
        | "hour_minutes"
        | "extended_hour_minutes"
        | "hour"
        | "extended_hour"
        | "minute" => "a time such as 09:00",
        "weekday_selector" | "weekday_sequence" | "weekday_range" | "wday" => "days such as Mo-Fr",
        "holiday" | "holiday_sequence" | "public_holiday" => "PH",
        "small_range_selectors" | "wide_range_selectors" | "selector_sequence" => {
            "days or times such as Mo-Fr 09:00-12:00"
        }
        "always_open" => "24/7",
        "monthday_range" | "month" | "monthday_selector" => "a month or date such as Dec 25",
        "year" | "year_range" | "year_selector" => "a year",
        "week_selector" | "week" | "weeknum" => "week numbers",
        "comment" => "a comment in double quotes",
        _ => return None,
    })
}

/// Parses `horaires` strings once: real files repeat the same few strings on many rows, so a
/// reader keeps one cache per file and every row with the same text shares the parsed form.
///
/// ```
/// use inclusion_hours::HoursCache;
/// let mut cache = HoursCache::new();
/// let a = cache.get("Mo-Fr 09:00-12:00");
/// let b = cache.get("Mo-Fr 09:00-12:00");
/// assert_eq!(a, b);
/// assert_eq!(cache.len(), 1);
/// ```
#[derive(Debug, Default)]
pub struct HoursCache {
    parsed: rustc_hash::FxHashMap<Box<str>, OpeningHours>,
}

impl HoursCache {
    /// An empty cache.
    pub fn new() -> HoursCache {
        HoursCache::default()
    }

    /// The opening hours for this text, parsed at most once per distinct text (later calls
    /// share the parsed form: a hash lookup and a reference-count increment).
    pub fn get(&mut self, raw: &str) -> OpeningHours {
        if let Some(hours) = self.parsed.get(raw) {
            return hours.clone();
        }
        let hours = OpeningHours::new(raw);
        self.parsed.insert(raw.into(), hours.clone());
        hours
    }

    /// The number of distinct texts parsed.
    pub fn len(&self) -> usize {
        self.parsed.len()
    }

    /// Whether nothing was parsed yet.
    pub fn is_empty(&self) -> bool {
        self.parsed.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_traits<T: Clone + fmt::Debug + Send + Sync + PartialEq>() {}

    #[test]
    fn opening_hours_is_clone_debug_send_sync() {
        assert_traits::<OpeningHours>();
    }

    #[test]
    fn equality_is_on_the_raw_text() {
        assert_eq!(
            OpeningHours::new("Mo 10:00-12:00"),
            OpeningHours::new("Mo 10:00-12:00")
        );
        // Same meaning, different text: not equal (the text round-trips).
        assert_ne!(
            OpeningHours::new("Mo 10:00-12:00"),
            OpeningHours::new("Mo 10:00-12:00 open")
        );
    }

    #[test]
    fn cache_shares_the_parsed_form() {
        let mut cache = HoursCache::new();
        let a = cache.get("Mo-Fr 09:00-12:00");
        let b = cache.get("Mo-Fr 09:00-12:00");
        assert!(Arc::ptr_eq(&a.inner, &b.inner));
        let c = cache.get("Sa 09:00-12:00");
        assert!(!Arc::ptr_eq(&a.inner, &c.inner));
        assert_eq!(cache.len(), 2);
        let bad = cache.get("n'importe quoi");
        assert!(bad.parse_error().is_some());
        assert_eq!(cache.len(), 3);
    }

    #[test]
    fn parse_errors_are_one_line_and_point_at_the_problem() {
        let h = OpeningHours::new("Mo-Fr 09:00-19:00; Sa 17:00");
        let e = h.parse_error().unwrap();
        assert!(!e.contains('\n'), "{e}");
        assert_eq!(
            e,
            "at the end of the text: expected a time range such as 09:00-12:00"
        );
        let e = OpeningHours::new("Lundi: 9:00-12:00")
            .parse_error()
            .unwrap()
            .to_string();
        assert!(e.starts_with("at character 1 (\"Lundi"), "{e}");
        assert_eq!(
            OpeningHours::new("").parse_error(),
            Some("the text is empty")
        );
        assert_eq!(
            OpeningHours::new("  ").parse_error(),
            Some("the text is empty")
        );
        // pest's "unexpected" reports are read too: no parser report, no whole text.
        assert_eq!(
            OpeningHours::new("Mo 10:00-09:00 ; ;").parse_error(),
            Some("at character 18 (\";\"): unexpected a rule separator (`;` or `,`)")
        );
        let long = format!("Mo 10:00-11:00 ; ;{}", " ".repeat(230));
        let e = OpeningHours::new(long).parse_error().unwrap().to_owned();
        assert!(
            e.len() < 120 && !e.contains("-->") && !e.contains('|'),
            "{e}"
        );
    }

    #[test]
    fn corrections_are_reported() {
        let h = OpeningHours::new("Mo 14-17");
        assert!(h.was_corrected());
        assert_eq!(h.canonical().as_deref(), Some("Mo 14:00-17:00"));
        let h = OpeningHours::new("Mo 14:00-17:00");
        assert!(!h.was_corrected());
        assert!(!OpeningHours::new("garbage").was_corrected());
    }
}

/// The examples of the crate's README, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
