//! Exact evaluation in a time zone: state at an instant, next change, a week of intervals.
//!
//! The `opening-hours` crate evaluates local (naive) date-times. An instant is turned into
//! local time with the zone's offset at that instant, so the state at an instant is always
//! exact. To find the next change, the local timeline is followed only while the offset stays
//! the same; at each offset change (found by bisection to the second) the evaluation restarts
//! from the new local time. So a rule inside the spring gap never opens, and the autumn hour
//! that happens twice is evaluated twice, without ever building a local time that does not
//! exist.

use std::fmt::Write as _;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use opening_hours::RuleKind;

use super::holidays;
use super::school::{self, SchoolZone};
use super::selectors;
use super::{Expr, HoursError, OpeningHours};
use inclusion_territory::{Departement, Territory};

/// Where opening hours are evaluated: a time zone, the public holidays of a territory, and
/// the school-holiday zone for `SH`.
///
/// Built from a [`Territory`] (its own zone), from address codes, or with an explicit zone:
///
/// ```
/// use inclusion_hours::{Locale, SchoolZone, Territory};
/// use chrono_tz::Europe;
///
/// let l = Locale::from(Territory::Guyane);
/// assert_eq!(l.tz.name(), "America/Cayenne");
/// assert_eq!(Locale::for_codes("97150", None).territory, Territory::SaintMartin);
/// assert_eq!(Locale::for_codes("38000", Some("38185")).school_zone, Some(SchoolZone::A));
/// let explicit = Locale::new(Europe::Brussels, Territory::Metropolitan);
/// assert_eq!(explicit.tz, Europe::Brussels);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale {
    /// The time zone in which the hours are written.
    pub tz: Tz,
    /// Whose public holidays `PH` means.
    pub territory: Territory,
    /// Whose school holidays `SH` means; `None` (not known) makes `SH` unknown (see
    /// [`SchoolZone`]).
    pub school_zone: Option<SchoolZone>,
}

impl Locale {
    /// A time zone with the public holidays of a territory (no school zone).
    pub fn new(tz: Tz, territory: Territory) -> Locale {
        Locale {
            tz,
            territory,
            school_zone: None,
        }
    }

    /// The locale of an address, from its `code_postal` and `code_insee`, with the school
    /// zone of its département.
    pub fn for_codes(postcode: &str, insee: Option<&str>) -> Locale {
        Locale::of_departement(Departement::of_codes(postcode, insee), true)
    }

    /// The locale of an address in `departement` (`None`, not known: metropolitan France),
    /// with the département's school zone when `school_holidays`, else only its territory's
    /// (see `From<Territory>`). A locale depends on the address through its département
    /// alone: code that finds the locales of many addresses can find each département's
    /// once.
    ///
    /// ```
    /// use inclusion_hours::{Locale, SchoolZone, Territory};
    /// use inclusion_territory::admin::departement;
    ///
    /// let grenoble = Locale::of_departement(departement("38"), true);
    /// assert_eq!(grenoble, Locale::for_codes("38000", Some("38185")));
    /// assert_eq!(grenoble.school_zone, Some(SchoolZone::A));
    /// assert_eq!(Locale::of_departement(departement("38"), false).school_zone, None);
    /// assert_eq!(Locale::of_departement(departement("974"), false).territory, Territory::Reunion);
    /// assert_eq!(Locale::of_departement(None, false).territory, Territory::Metropolitan);
    /// ```
    pub fn of_departement(departement: Option<&Departement>, school_holidays: bool) -> Locale {
        let locale =
            Locale::from(departement.map_or(Territory::Metropolitan, Territory::of_departement));
        if !school_holidays {
            return locale;
        }
        locale.with_school_zone_opt(departement.and_then(|d| SchoolZone::of_department(d.code)))
    }

    /// The same locale with `SH` meaning the school holidays of `zone`.
    pub fn with_school_zone(self, zone: SchoolZone) -> Locale {
        self.with_school_zone_opt(Some(zone))
    }

    /// The same locale with this school zone. A zone without an embedded calendar is kept
    /// as `None`: it evaluates the same, and so places share fewer distinct locales.
    pub fn with_school_zone_opt(self, zone: Option<SchoolZone>) -> Locale {
        Locale {
            school_zone: zone.filter(|z| z.has_calendar()),
            ..self
        }
    }
}

impl From<Territory> for Locale {
    /// The territory's time zone and public holidays; its school zone when the territory
    /// has a single one with a calendar (Alsace-Moselle: zone B), else none.
    fn from(territory: Territory) -> Locale {
        Locale {
            tz: territory.time_zone(),
            territory,
            school_zone: (territory == Territory::AlsaceMoselle).then_some(SchoolZone::B),
        }
    }
}

/// Open, closed or unknown (the OSM `unknown` rule kind, an open end `17:00+`, or a rule
/// that only carries a comment). Serialised as `"open"`, `"closed"`, `"unknown"`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Open.
    Open,
    /// Closed.
    Closed,
    /// The hours say it is not known.
    Unknown,
}

impl State {
    fn from_kind(kind: RuleKind) -> State {
        match kind {
            RuleKind::Open => State::Open,
            RuleKind::Closed => State::Closed,
            RuleKind::Unknown => State::Unknown,
        }
    }

    /// `open`, `closed` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Closed => "closed",
            State::Unknown => "unknown",
        }
    }
}

/// The state at an instant, in local time.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Status {
    /// Open, closed or unknown.
    pub state: State,
    /// The instant asked, in the local time zone.
    pub local_time: DateTime<Tz>,
    /// The comment of the rule that applies (e.g. `"sur rendez-vous"`), if any.
    pub comment: Option<Arc<str>>,
}

/// A change of state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// When it happens, in local time.
    pub at: DateTime<Tz>,
    /// The state from then on.
    pub state: State,
}

/// A period with one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Interval {
    /// First instant.
    pub start: DateTime<Tz>,
    /// First instant after the interval.
    pub end: DateTime<Tz>,
    /// The state during the interval.
    pub state: State,
}

/// The states over one week (Monday 00:00 to the next Monday 00:00, local time), for display.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WeekSchedule {
    /// The Monday of the week.
    pub monday: NaiveDate,
    /// Consecutive intervals covering the whole week, in time order.
    pub intervals: Vec<Interval>,
}

/// How far [`next_change`](OpeningHours::next_change) and friends look ahead: two years and
/// a day, enough for every yearly rule.
pub const HORIZON_DAYS: i64 = 732;

/// The first local date at which opening hours can be evaluated (the holiday tables of
/// `inclusion-territory` start there).
pub const FIRST_SUPPORTED_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The last local date at which opening hours can be evaluated (the holiday tables end there).
pub const LAST_SUPPORTED_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Whether opening hours can be evaluated at an instant in a locale: its local date is within
/// [`FIRST_SUPPORTED_DATE`]..=[`LAST_SUPPORTED_DATE`] (1900–2199). Outside, public holidays
/// are not known, and no state is given: the evaluation methods answer `None` (`false` for
/// [`OpeningHours::is_open_at`]), and their `try_` forms [`HoursError::OutOfRange`] — never
/// "closed".
///
/// ```
/// use inclusion_hours::{check_instant, HoursError, Locale, Territory};
/// use chrono::{TimeZone, Utc};
/// let paris = Locale::from(Territory::Metropolitan);
/// assert!(check_instant(Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap(), paris).is_ok());
/// let e = check_instant(Utc.with_ymd_and_hms(1800, 1, 1, 10, 0, 0).unwrap(), paris).unwrap_err();
/// assert!(matches!(e, HoursError::OutOfRange { .. }));
/// assert_eq!(e.to_string(), "1800-01-01 is outside the dates opening hours can be evaluated for \
///     (1900-01-01 to 2199-12-31, the years of the public-holiday tables): ask about a date in that range");
/// // 23:30 UTC on 31 December 2199 is already 2200 in Paris.
/// assert!(check_instant(Utc.with_ymd_and_hms(2199, 12, 31, 23, 30, 0).unwrap(), paris).is_err());
/// ```
///
/// # Errors
/// [`HoursError::OutOfRange`] with the local date.
pub fn check_instant(at: DateTime<Utc>, locale: Locale) -> Result<(), HoursError> {
    let utc = at.naive_utc();
    let offset = locale.tz.offset_from_utc_datetime(&utc).fix();
    // The local time of the last instants chrono knows may not exist: out of range too.
    let date = utc
        .checked_add_offset(offset)
        .map_or(at.date_naive(), |local| local.date());
    if (FIRST_SUPPORTED_DATE..=LAST_SUPPORTED_DATE).contains(&date)
        && utc.checked_add_offset(offset).is_some()
    {
        Ok(())
    } else {
        Err(HoursError::OutOfRange { local_date: date })
    }
}

/// Whether opening hours can be evaluated at an instant in every time zone (UTC−12 to
/// UTC+14): what a query over places of many territories checks before asking (see
/// [`check_instant`]).
///
/// ```
/// use inclusion_hours::check_instant_everywhere;
/// use chrono::{TimeZone, Utc};
/// assert!(check_instant_everywhere(Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap()).is_ok());
/// assert!(check_instant_everywhere(Utc.with_ymd_and_hms(2199, 12, 31, 12, 0, 0).unwrap()).is_err());
/// assert!(check_instant_everywhere(Utc.with_ymd_and_hms(1900, 1, 1, 6, 0, 0).unwrap()).is_err());
/// ```
///
/// # Errors
/// [`HoursError::OutOfRange`] with the date of the instant in the zone that is out of range.
pub fn check_instant_everywhere(at: DateTime<Utc>) -> Result<(), HoursError> {
    let out = |date: NaiveDate| Err(HoursError::OutOfRange { local_date: date });
    match (
        at.checked_sub_signed(chrono::TimeDelta::hours(12)),
        at.checked_add_signed(chrono::TimeDelta::hours(14)),
    ) {
        (Some(west), _) if west.date_naive() < FIRST_SUPPORTED_DATE => out(west.date_naive()),
        (_, Some(east)) if east.date_naive() > LAST_SUPPORTED_DATE => out(east.date_naive()),
        (Some(_), Some(_)) => Ok(()),
        _ => out(at.date_naive()),
    }
}

const DAY: i64 = 86_400;

/// An expression as the reference reads it: one expression, or one per weekday when a rule
/// selects "holiday and weekdays" (`SH Mo-Fr`, see [`selectors`](super::selectors)).
enum Reading {
    One(Expr),
    PerWeekday(Vec<Expr>),
}

impl Reading {
    fn new(text: &str, expr: &Expr, ctx: &opening_hours::Context) -> Reading {
        match selectors::weekday_variants(text, expr) {
            Some(v) => {
                Reading::PerWeekday(v.into_iter().map(|e| e.with_context(ctx.clone())).collect())
            }
            None => Reading::One(expr.clone().with_context(ctx.clone())),
        }
    }

    fn expr_at(&self, n: NaiveDateTime) -> &Expr {
        match self {
            Reading::One(e) => e,
            Reading::PerWeekday(v) => {
                let d = n.weekday().num_days_from_monday() as usize;
                v.get(d).unwrap_or(&v[0])
            }
        }
    }

    fn state(&self, n: NaiveDateTime) -> (RuleKind, Arc<str>) {
        self.expr_at(n).state(n)
    }

    /// The first local time in `(from, end)` where the state differs from the state at `from`.
    fn first_change(&self, from: NaiveDateTime, end: NaiveDateTime) -> Option<NaiveDateTime> {
        let kind = self.state(from).0;
        let mut t = from;
        loop {
            // Within one local day, the expression of that weekday.
            let midnight = t.date().succ_opt()?.and_hms_opt(0, 0, 0)?;
            let seg_end = match self {
                Reading::One(_) => end,
                Reading::PerWeekday(_) => midnight.min(end),
            };
            if let Some(c) = self
                .expr_at(t)
                .iter_range(t, seg_end)
                .find(|r| r.kind != kind)
                .map(|r| r.range.start)
            {
                return Some(c);
            }
            if seg_end >= end {
                return None;
            }
            t = midnight;
            if self.state(t).0 != kind {
                return Some(t);
            }
        }
    }
}

/// The evaluation of one expression in one locale.
pub(crate) struct Evaluator {
    expr: Reading,
    /// For an expression with `SH`: the same with every day the school calendar cannot tell
    /// counted as a school holiday (`expr` counts them as school days). Where the two
    /// disagree, the state is unknown.
    alt: Option<Reading>,
    tz: Tz,
}

/// An instant outside the supported dates (see [`check_instant`]), or a search that reached
/// their end without finding what it looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OutOfRange;

/// The state when the school calendar may not tell: the same in both readings, or unknown.
fn combine(a: RuleKind, b: RuleKind) -> RuleKind {
    if a == b { a } else { RuleKind::Unknown }
}

impl Evaluator {
    /// `text` is the text that parsed as `expr` (for what the parsed form does not keep).
    pub(crate) fn new(text: &str, expr: &Expr, locale: Locale) -> Evaluator {
        if school::uses_school_holidays(expr) {
            let (known, widened) = school::contexts(locale.territory, locale.school_zone);
            return Evaluator {
                expr: Reading::new(text, expr, known),
                alt: Some(Reading::new(text, expr, widened)),
                tz: locale.tz,
            };
        }
        Evaluator {
            expr: Reading::new(text, expr, holidays::context(locale.territory)),
            alt: None,
            tz: locale.tz,
        }
    }

    /// The state and comment at a local time.
    fn local_state(&self, n: NaiveDateTime) -> (RuleKind, Arc<str>) {
        let (kind, comment) = self.expr.state(n);
        match &self.alt {
            Some(alt) => (combine(kind, alt.state(n).0), comment),
            None => (kind, comment),
        }
    }

    /// UTC offset in seconds at instant `t` (Unix seconds).
    fn offset(&self, t: i64) -> i64 {
        DateTime::from_timestamp(t, 0).map_or(0, |dt| {
            i64::from(
                self.tz
                    .offset_from_utc_datetime(&dt.naive_utc())
                    .fix()
                    .local_minus_utc(),
            )
        })
    }

    /// The local time at `t` with offset `off`.
    fn naive(t: i64, off: i64) -> Option<NaiveDateTime> {
        DateTime::from_timestamp(t.checked_add(off)?, 0).map(|d| d.naive_utc())
    }

    /// The first and last instants (Unix seconds) whose local date is supported.
    fn bounds(&self) -> (i64, i64) {
        let first = FIRST_SUPPORTED_DATE.and_time(chrono::NaiveTime::MIN);
        let after = LAST_SUPPORTED_DATE
            .succ_opt()
            .map_or(first, |d| d.and_time(chrono::NaiveTime::MIN));
        let start = self.instant_of_local(first).unwrap_or(i64::MAX);
        let end = self.instant_of_local(after).unwrap_or(i64::MIN);
        (start, end.saturating_sub(1))
    }

    /// Whether the local date of instant `t` is supported.
    fn in_range(&self, t: i64) -> bool {
        Self::naive(t, self.offset(t))
            .is_some_and(|n| (FIRST_SUPPORTED_DATE..=LAST_SUPPORTED_DATE).contains(&n.date()))
    }

    /// The state and comment at instant `t`.
    pub(crate) fn state_at(&self, t: i64) -> Result<(RuleKind, Arc<str>), OutOfRange> {
        match Self::naive(t, self.offset(t)) {
            Some(n) if (FIRST_SUPPORTED_DATE..=LAST_SUPPORTED_DATE).contains(&n.date()) => {
                Ok(self.local_state(n))
            }
            _ => Err(OutOfRange),
        }
    }

    /// The first local time in `(n, n_end)` where the kind differs from `current`.
    fn next_local_change(
        &self,
        n: NaiveDateTime,
        n_end: NaiveDateTime,
        current: RuleKind,
    ) -> Option<(NaiveDateTime, RuleKind)> {
        if n >= n_end {
            return None;
        }
        if let (Reading::One(e), None) = (&self.expr, &self.alt) {
            return e
                .iter_range(n, n_end)
                .find(|r| r.kind != current)
                .map(|r| (r.range.start, r.kind));
        }
        // The combined state can only change where one of the readings changes.
        let mut t = n;
        // Each step passes a change of one reading; two years hold a few thousand at most.
        for _ in 0..100_000 {
            let a = self.expr.first_change(t, n_end);
            let b = self.alt.as_ref().and_then(|alt| alt.first_change(t, n_end));
            let next = match (a, b) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => a.or(b)?,
            };
            let kind = self.local_state(next).0;
            if kind != current {
                return Some((next, kind));
            }
            t = next;
        }
        None
    }

    /// The first instant in `(t, u]` where the offset differs from `off`, if any.
    fn next_offset_change(&self, t: i64, u: i64, off: i64) -> Option<i64> {
        const STEP: i64 = 7 * DAY;
        let mut a = t;
        while a < u {
            let b = a.saturating_add(STEP).min(u);
            if self.offset(b) != off {
                // Bisect: offset(lo) == off, offset(hi) != off.
                let (mut lo, mut hi) = (a, b);
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if self.offset(mid) == off {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                return Some(hi);
            }
            a = b;
        }
        None
    }

    /// The first change of kind strictly after `t0` and before `end` (Unix seconds); `Ok(None)`
    /// when there is none. `Err` when `t0` is out of range, or when `end` is past the last
    /// supported instant and no change comes before it (what comes after is not known).
    pub(crate) fn next_change(
        &self,
        t0: i64,
        end: i64,
    ) -> Result<Option<(i64, RuleKind)>, OutOfRange> {
        let current = self.state_at(t0)?.0;
        let (_, last) = self.bounds();
        let clamped = end > last.saturating_add(1);
        let end = end.min(last.saturating_add(1));
        if t0 >= end {
            return if clamped { Err(OutOfRange) } else { Ok(None) };
        }
        let found = self.next_change_within(t0, end, current);
        match found {
            None if clamped => Err(OutOfRange),
            found => Ok(found),
        }
    }

    /// [`Evaluator::next_change`] within supported instants.
    fn next_change_within(&self, t0: i64, end: i64, current: RuleKind) -> Option<(i64, RuleKind)> {
        let mut t = t0;
        // Each round passes an offset change; there are a few per year at most.
        for _ in 0..64 {
            let off = self.offset(t);
            let n = Self::naive(t, off)?;
            let n_end = Self::naive(end, off)?;
            let candidate = self
                .next_local_change(n, n_end, current)
                .map(|(c, kind)| (c.and_utc().timestamp() - off, kind));
            let until = candidate.map_or(end, |(u, _)| u);
            match self.next_offset_change(t, until, off) {
                Some(x) => {
                    let kind = self.state_at(x).ok()?.0;
                    if kind != current {
                        return Some((x, kind));
                    }
                    t = x;
                }
                None => return candidate.filter(|&(u, _)| u < end),
            }
        }
        None
    }

    /// The instant of a local time: the earliest when it happens twice, the end of the gap
    /// when it does not exist.
    fn instant_of_local(&self, local: NaiveDateTime) -> Option<i64> {
        let mut n = local;
        for _ in 0..=(24 * 60) {
            if let Some(dt) = self.tz.from_local_datetime(&n).earliest() {
                return Some(dt.timestamp());
            }
            n = n.checked_add_signed(chrono::TimeDelta::minutes(1))?;
        }
        None
    }

    fn local(&self, t: i64) -> Option<DateTime<Tz>> {
        DateTime::from_timestamp(t, 0).map(|d| d.with_timezone(&self.tz))
    }

    /// Every interval of the week containing `date`.
    pub(crate) fn week(&self, date: NaiveDate) -> Option<WeekSchedule> {
        let monday =
            date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))?;
        let next_monday = monday.checked_add_days(Days::new(7))?;
        let start = self.instant_of_local(monday.and_hms_opt(0, 0, 0)?)?;
        let end = self.instant_of_local(next_monday.and_hms_opt(0, 0, 0)?)?;
        // Every day of the week must be supported.
        if !self.in_range(start) || !self.in_range(end - 1) {
            return None;
        }
        let mut intervals = Vec::new();
        let mut t = start;
        let mut kind = self.state_at(t).ok()?.0;
        while t < end {
            let (next, next_kind) = self.next_change(t, end).ok()?.unwrap_or((end, kind));
            intervals.push(Interval {
                start: self.local(t)?,
                end: self.local(next)?,
                state: State::from_kind(kind),
            });
            t = next;
            kind = next_kind;
        }
        Some(WeekSchedule { monday, intervals })
    }
}

/// Unix seconds of an instant (whole seconds: opening hours change on whole minutes).
fn secs(at: DateTime<Utc>) -> i64 {
    at.timestamp()
}

/// The error of an instant whose local date is outside the supported dates, or of a search
/// that reached their end.
fn out_of_range(at: DateTime<Utc>, locale: Locale) -> HoursError {
    match check_instant(at, locale) {
        Err(e) => e,
        Ok(()) => HoursError::OutOfRange {
            local_date: LAST_SUPPORTED_DATE
                .succ_opt()
                .unwrap_or(LAST_SUPPORTED_DATE),
        },
    }
}

/// The first 200 characters of a text, then `…`: an error never quotes a whole input.
fn excerpt(s: &str) -> String {
    match s.char_indices().nth(200) {
        None => s.to_owned(),
        Some((cut, _)) => format!("{}…", &s[..cut]),
    }
}

impl OpeningHours {
    fn evaluator(&self, locale: Locale) -> Option<Evaluator> {
        self.expr()
            .map(|e| Evaluator::new(&self.parsed_text(), e, locale))
    }

    /// The evaluator, or why there is none.
    fn try_evaluator(&self, locale: Locale) -> Result<Evaluator, HoursError> {
        self.evaluator(locale)
            .ok_or_else(|| HoursError::OpeningHours {
                raw: excerpt(self.as_str()),
                reason: self.parse_error().unwrap_or_default().to_owned(),
            })
    }

    /// The state at an instant, with the local time; `None` when the text does not parse or
    /// the instant is outside the supported dates ([`check_instant`]; [`try_status_at`]
    /// tells which).
    ///
    /// ```
    /// use inclusion_hours::{OpeningHours, Locale, Territory, State};
    /// use chrono::{TimeZone, Utc};
    /// let h = OpeningHours::new("Mo-Fr 09:00-17:00 \"sur rendez-vous\"");
    /// let s = h.status_at(Utc.with_ymd_and_hms(2026, 3, 2, 14, 0, 0).unwrap(), Territory::Martinique.into()).unwrap();
    /// assert_eq!((s.state, s.local_time.to_string().as_str()), (State::Open, "2026-03-02 10:00:00 AST"));
    /// assert_eq!(s.comment.as_deref(), Some("sur rendez-vous"));
    /// ```
    ///
    /// [`try_status_at`]: Self::try_status_at
    pub fn status_at(&self, at: DateTime<Utc>, locale: Locale) -> Option<Status> {
        self.try_status_at(at, locale).ok()
    }

    /// The state at an instant, with the local time.
    ///
    /// ```
    /// use inclusion_hours::{OpeningHours, HoursError, Locale, Territory};
    /// use chrono::{TimeZone, Utc};
    /// let h = OpeningHours::new("Mo-Fr 09:00-17:00");
    /// let paris = Locale::from(Territory::Metropolitan);
    /// let then = Utc.with_ymd_and_hms(1800, 1, 1, 10, 0, 0).unwrap();
    /// assert!(matches!(h.try_status_at(then, paris), Err(HoursError::OutOfRange { .. })));
    /// let bad = OpeningHours::new("le matin");
    /// let now = Utc.with_ymd_and_hms(2026, 1, 5, 10, 0, 0).unwrap();
    /// assert!(matches!(bad.try_status_at(now, paris), Err(HoursError::OpeningHours { .. })));
    /// ```
    ///
    /// # Errors
    /// [`HoursError::OpeningHours`] when the text does not parse, [`HoursError::OutOfRange`]
    /// when the local date of `at` is outside 1900–2199.
    pub fn try_status_at(&self, at: DateTime<Utc>, locale: Locale) -> Result<Status, HoursError> {
        let ev = self.try_evaluator(locale)?;
        let (kind, comment) = ev
            .state_at(secs(at))
            .map_err(|_| out_of_range(at, locale))?;
        Ok(Status {
            state: State::from_kind(kind),
            local_time: at.with_timezone(&locale.tz),
            comment: (!comment.is_empty()).then_some(comment),
        })
    }

    /// Whether it is open at an instant (`false` when closed, unknown, the text does not
    /// parse, or the instant is outside the supported dates).
    pub fn is_open_at(&self, at: DateTime<Utc>, locale: Locale) -> bool {
        self.evaluator(locale)
            .is_some_and(|ev| ev.state_at(secs(at)).is_ok_and(|s| s.0 == RuleKind::Open))
    }

    /// The first change of state strictly after `at`, within [`HORIZON_DAYS`] days; `None`
    /// also when the instant is outside the supported dates, or when the search reaches their
    /// end without a change ([`try_next_change`](Self::try_next_change) tells which).
    pub fn next_change(&self, at: DateTime<Utc>, locale: Locale) -> Option<Change> {
        self.try_next_change(at, locale).ok().flatten()
    }

    /// The first change of state strictly after `at`, within [`HORIZON_DAYS`] days;
    /// `Ok(None)` when there is none.
    ///
    /// ```
    /// use inclusion_hours::{OpeningHours, HoursError, Locale, Territory};
    /// use chrono::{TimeZone, Utc};
    /// let h = OpeningHours::new("Mo-Fr 09:00-17:00");
    /// let paris = Locale::from(Territory::Metropolitan);
    /// let late = Utc.with_ymd_and_hms(2199, 12, 30, 20, 0, 0).unwrap(); // a Monday night
    /// // Tuesday 31 December 2199 still opens; after it, nothing is known.
    /// assert!(h.try_next_change(late, paris).unwrap().is_some());
    /// let h = OpeningHours::new("Mo-Fr 09:00-17:00; Dec 31 off");
    /// assert!(matches!(h.try_next_change(late, paris), Err(HoursError::OutOfRange { .. })));
    /// ```
    ///
    /// # Errors
    /// As [`try_status_at`](Self::try_status_at); [`HoursError::OutOfRange`] also when the
    /// search reaches the end of the supported dates without a change.
    pub fn try_next_change(
        &self,
        at: DateTime<Utc>,
        locale: Locale,
    ) -> Result<Option<Change>, HoursError> {
        let ev = self.try_evaluator(locale)?;
        let t = secs(at);
        let found = ev
            .next_change(t, t.saturating_add(HORIZON_DAYS * DAY))
            .map_err(|_| out_of_range(at, locale))?;
        Ok(found.and_then(|(x, kind)| {
            Some(Change {
                at: ev.local(x)?,
                state: State::from_kind(kind),
            })
        }))
    }

    /// The next instant strictly after `at` at which it opens (within [`HORIZON_DAYS`] days).
    /// When it is open at `at`, that is after the current opening. `None` also when the
    /// instant is outside the supported dates ([`try_next_opening`](Self::try_next_opening)
    /// tells).
    pub fn next_opening(&self, at: DateTime<Utc>, locale: Locale) -> Option<DateTime<Tz>> {
        self.try_next_opening(at, locale).ok().flatten()
    }

    /// The next instant strictly after `at` at which an opening ends (to closed or unknown),
    /// within [`HORIZON_DAYS`] days; `None` also when the instant is outside the supported
    /// dates ([`try_next_closing`](Self::try_next_closing) tells).
    pub fn next_closing(&self, at: DateTime<Utc>, locale: Locale) -> Option<DateTime<Tz>> {
        self.try_next_closing(at, locale).ok().flatten()
    }

    /// [`next_opening`](Self::next_opening), with why there is no answer.
    ///
    /// # Errors
    /// As [`try_next_change`](Self::try_next_change).
    pub fn try_next_opening(
        &self,
        at: DateTime<Utc>,
        locale: Locale,
    ) -> Result<Option<DateTime<Tz>>, HoursError> {
        self.next_transition(at, locale, true)
    }

    /// [`next_closing`](Self::next_closing), with why there is no answer.
    ///
    /// # Errors
    /// As [`try_next_change`](Self::try_next_change).
    pub fn try_next_closing(
        &self,
        at: DateTime<Utc>,
        locale: Locale,
    ) -> Result<Option<DateTime<Tz>>, HoursError> {
        self.next_transition(at, locale, false)
    }

    fn next_transition(
        &self,
        at: DateTime<Utc>,
        locale: Locale,
        opening: bool,
    ) -> Result<Option<DateTime<Tz>>, HoursError> {
        let ev = self.try_evaluator(locale)?;
        let out = |_| out_of_range(at, locale);
        let t0 = secs(at);
        let end = t0.saturating_add(HORIZON_DAYS * DAY);
        let mut t = t0;
        let mut was_open = ev.state_at(t).map_err(out)?.0 == RuleKind::Open;
        while let Some((x, kind)) = ev.next_change(t, end).map_err(out)? {
            let is_open = kind == RuleKind::Open;
            if is_open != was_open && is_open == opening {
                return Ok(ev.local(x));
            }
            was_open = is_open;
            t = x;
        }
        Ok(None)
    }

    /// The intervals of the week (Monday to Sunday, local time) that contains `date`, for
    /// display; `None` when the text does not parse or a day of the week is outside the
    /// supported dates (1900–2199).
    ///
    /// ```
    /// use inclusion_hours::{OpeningHours, Territory, State};
    /// use chrono::NaiveDate;
    /// let h = OpeningHours::new("Mo-Fr 09:00-12:00");
    /// let week = h.week(NaiveDate::from_ymd_opt(2026, 5, 6).unwrap(), Territory::Metropolitan.into()).unwrap();
    /// // 1 and 8 May 2026 are Fridays and public holidays, but this text has no `PH off`.
    /// let open: Vec<_> = week.intervals.iter().filter(|i| i.state == State::Open).collect();
    /// assert_eq!(open.len(), 5);
    /// assert_eq!(open[0].start.to_string(), "2026-05-04 09:00:00 CEST");
    /// print!("{}", week.grid());
    /// ```
    pub fn week(&self, date: NaiveDate, locale: Locale) -> Option<WeekSchedule> {
        self.evaluator(locale)?.week(date)
    }
}

impl WeekSchedule {
    /// The intervals with this state.
    pub fn with_state(&self, state: State) -> impl Iterator<Item = &Interval> {
        self.intervals.iter().filter(move |i| i.state == state)
    }

    /// The week as a small text grid: one line per day, one cell per half-hour (`#` open for
    /// the whole half-hour, `+` open part of it, `?` unknown, `.` closed), then the open
    /// intervals in local time.
    pub fn grid(&self) -> String {
        let mut out = String::from("             ");
        for h in (0..24).step_by(3) {
            let _ = write!(out, "{h:<6}");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        for d in 0..7u64 {
            let Some(date) = self.monday.checked_add_days(Days::new(d)) else {
                continue;
            };
            let day = weekday_abbrev(date.weekday());
            let _ = write!(out, "{day} {} ", date.format("%m-%d"));
            // Minutes of this local day covered by each state.
            let mut open = [0u16; 48];
            let mut unknown = [0u16; 48];
            let mut spans = Vec::new();
            for i in &self.intervals {
                let (s, e) = (i.start.naive_local(), i.end.naive_local());
                let day_start = date.and_time(chrono::NaiveTime::MIN);
                let Some(day_end) = date.succ_opt().map(|n| n.and_time(chrono::NaiveTime::MIN))
                else {
                    continue;
                };
                let (s, e) = (s.max(day_start), e.min(day_end));
                if s >= e {
                    continue;
                }
                let from = minutes_since(day_start, s);
                let to = minutes_since(day_start, e);
                if i.state == State::Open {
                    spans.push((from, to));
                }
                for m in from..to {
                    let cell = usize::from(m / 30).min(47);
                    match i.state {
                        State::Open => open[cell] += 1,
                        State::Unknown => unknown[cell] += 1,
                        State::Closed => {}
                    }
                }
            }
            for c in 0..48 {
                out.push(if open[c] >= 30 {
                    '#'
                } else if open[c] > 0 {
                    '+'
                } else if unknown[c] > 0 {
                    '?'
                } else {
                    '.'
                });
            }
            let text: Vec<String> = spans
                .iter()
                .map(|&(a, b)| format!("{}-{}", hhmm(a), hhmm(b)))
                .collect();
            let _ = writeln!(
                out,
                "  {}",
                if text.is_empty() {
                    "closed".to_string()
                } else {
                    text.join(", ")
                }
            );
        }
        out
    }
}

fn minutes_since(start: NaiveDateTime, t: NaiveDateTime) -> u16 {
    let m = (t - start).num_minutes().clamp(0, 1440);
    u16::try_from(m).unwrap_or(1440)
}

/// `HH:MM` for minutes since midnight (1440 is `24:00`).
pub(crate) fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The OSM abbreviation of a weekday.
pub(crate) fn weekday_abbrev(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "Mo",
        Weekday::Tue => "Tu",
        Weekday::Wed => "We",
        Weekday::Thu => "Th",
        Weekday::Fri => "Fr",
        Weekday::Sat => "Sa",
        Weekday::Sun => "Su",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, Timelike};
    use chrono_tz::Europe::Paris;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    const PARIS: Locale = Locale {
        tz: Paris,
        territory: Territory::Metropolitan,
        school_zone: None,
    };

    /// Brute force: state every minute, first minute whose state differs.
    fn brute_next_change(
        h: &OpeningHours,
        at: DateTime<Utc>,
        minutes: i64,
    ) -> Option<(DateTime<Utc>, State)> {
        let s0 = h.status_at(at, PARIS).unwrap().state;
        // Start at the next whole minute (changes happen on whole minutes).
        let first = at + TimeDelta::seconds(60 - i64::from(at.second()));
        (0..minutes)
            .map(|m| first + TimeDelta::minutes(m))
            .map(|t| (t, h.status_at(t, PARIS).unwrap().state))
            .find(|&(_, s)| s != s0)
    }

    #[test]
    fn spring_gap_rule_never_opens() {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
        let h = OpeningHours::new("Su 02:00-02:30");
        for m in 0..180 {
            let t = utc(2026, 3, 28, 23, 0) + TimeDelta::minutes(m);
            assert!(!h.is_open_at(t, PARIS), "{t}");
        }
        // Next opening: a week later, the 2026-04-05 02:00 CEST.
        let next = h.next_opening(utc(2026, 3, 29, 0, 0), PARIS).unwrap();
        assert_eq!(next.to_string(), "2026-04-05 02:00:00 CEST");
    }

    #[test]
    fn spring_gap_cuts_a_range_that_crosses_it() {
        let h = OpeningHours::new("Su 01:30-02:30");
        let at = utc(2026, 3, 29, 0, 0); // 01:00 CET
        let open = h.next_opening(at, PARIS).unwrap();
        assert_eq!(open.to_string(), "2026-03-29 01:30:00 CET");
        let close = h.next_closing(at, PARIS).unwrap();
        // 02:00 CET does not exist: the clock reads 03:00 CEST, and 02:30 is past.
        assert_eq!(close.to_string(), "2026-03-29 03:00:00 CEST");
        assert_eq!(close.with_timezone(&Utc), utc(2026, 3, 29, 1, 0));
    }

    #[test]
    fn autumn_hour_is_open_twice() {
        // 2026-10-25: 03:00 CEST goes back to 02:00 CET (01:00 UTC).
        let h = OpeningHours::new("Su 02:15-02:45");
        let first = h.next_opening(utc(2026, 10, 24, 22, 0), PARIS).unwrap();
        assert_eq!(first.with_timezone(&Utc), utc(2026, 10, 25, 0, 15));
        let closing = h.next_closing(first.with_timezone(&Utc), PARIS).unwrap();
        assert_eq!(closing.with_timezone(&Utc), utc(2026, 10, 25, 0, 45));
        let second = h.next_opening(closing.with_timezone(&Utc), PARIS).unwrap();
        assert_eq!(second.with_timezone(&Utc), utc(2026, 10, 25, 1, 15));
        assert_eq!(second.to_string(), "2026-10-25 02:15:00 CET");
        assert_eq!(second.num_seconds_from_midnight(), 2 * 3600 + 15 * 60);
    }

    #[test]
    fn next_change_matches_brute_force_around_dst() {
        let texts = [
            "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off",
            "Su 01:30-02:30",
            "Su 02:15-02:45; Sa 23:00-26:00",
            "24/7; Su 02:00-03:00 off",
            "Sa-Su 00:00-01:00,02:30-03:30 unknown",
        ];
        let starts = [
            utc(2026, 3, 28, 20, 7),
            utc(2026, 3, 29, 0, 59),
            utc(2026, 3, 29, 0, 31),
            utc(2026, 10, 24, 23, 50),
            utc(2026, 10, 25, 0, 20),
            utc(2026, 10, 25, 1, 10),
        ];
        for text in texts {
            let h = OpeningHours::new(text);
            assert!(h.is_valid(), "{text}");
            for &at in &starts {
                let window = 3 * 24 * 60;
                let fast = h
                    .next_change(at, PARIS)
                    .map(|c| (c.at.with_timezone(&Utc), c.state))
                    .filter(|(t, _)| *t <= at + TimeDelta::minutes(window));
                let slow = brute_next_change(&h, at, window);
                assert_eq!(fast, slow, "{text} from {at}");
            }
        }
    }

    #[test]
    fn holidays_follow_the_territory() {
        let h = OpeningHours::new("Mo-Fr 09:00-17:00; PH off");
        // Wednesday 2027-05-27: abolition day in Guadeloupe only.
        let t = Utc.with_ymd_and_hms(2027, 5, 27, 14, 0, 0).unwrap(); // 10:00 in Guadeloupe
        assert!(!h.is_open_at(t, Territory::Guadeloupe.into()));
        assert!(h.is_open_at(
            t,
            Locale::new(Territory::Guadeloupe.time_zone(), Territory::Martinique)
        ));
        // 26 December 2025 is a Friday: closed in Strasbourg, open in Paris.
        let t = utc(2025, 12, 26, 10, 0);
        assert!(!h.is_open_at(t, Territory::AlsaceMoselle.into()));
        assert!(h.is_open_at(t, Territory::Metropolitan.into()));
    }

    #[test]
    fn week_intervals_cover_the_week_and_alternate() {
        let h = OpeningHours::new("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off");
        // The week of the autumn change (Sunday 2026-10-25 has 25 hours).
        let w = h
            .week(NaiveDate::from_ymd_opt(2026, 10, 21).unwrap(), PARIS)
            .unwrap();
        assert_eq!(w.monday, NaiveDate::from_ymd_opt(2026, 10, 19).unwrap());
        let first = w.intervals.first().unwrap();
        let last = w.intervals.last().unwrap();
        assert_eq!(first.start.to_string(), "2026-10-19 00:00:00 CEST");
        assert_eq!(last.end.to_string(), "2026-10-26 00:00:00 CET");
        assert_eq!((last.end - first.start).num_hours(), 7 * 24 + 1);
        for pair in w.intervals.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert_ne!(pair[0].state, pair[1].state);
        }
        assert_eq!(w.with_state(State::Open).count(), 11);
        let grid = w.grid();
        assert_eq!(grid.lines().count(), 8);
        assert!(grid.contains("Mo 10-19 ..................######....#########...........  09:00-12:00, 14:00-18:30"), "{grid}");
        assert!(
            grid.contains("Su 10-25 ................................................  closed"),
            "{grid}"
        );
    }

    const TEXTS: [&str; 8] = [
        "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off",
        "Su 01:30-02:30; Sa 22:00-27:00",
        "24/7; Su 02:00-03:00 off",
        "Mo-Su 02:00-02:59 unknown \"appeler\"",
        "week 2-52/2 Tu 09:30-12:00; PH off",
        "Dec 25 off; Mo-Sa 10:00-19:00",
        "Mo sunrise-sunset",
        "off",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// Whatever the instant and zone (DST days included), nothing panics and every
        /// reported change is one: the new state holds at the change, and the old one a
        /// second before.
        #[test]
        fn changes_are_real_changes(
            text in 0usize..TEXTS.len(),
            secs in -2_300_000_000i64..7_300_000_000,
            territory in 0usize..Territory::ALL.len(),
        ) {
            let h = OpeningHours::new(TEXTS[text]);
            let locale = Locale::from(Territory::ALL[territory]);
            let at = DateTime::from_timestamp(secs, 0).unwrap();
            // Outside 1900–2199 (local date) nothing is said, and the error says why.
            let Some(before) = h.status_at(at, locale).map(|s| s.state) else {
                proptest::prop_assert!(check_instant(at, locale).is_err());
                let out = matches!(h.try_status_at(at, locale), Err(HoursError::OutOfRange { .. }));
                proptest::prop_assert!(out);
                proptest::prop_assert_eq!(h.next_change(at, locale), None);
                proptest::prop_assert!(!h.is_open_at(at, locale));
                return Ok(());
            };
            proptest::prop_assert!(check_instant(at, locale).is_ok());
            if let Some(change) = h.next_change(at, locale) {
                let t = change.at.with_timezone(&Utc);
                proptest::prop_assert!(t > at);
                proptest::prop_assert_eq!(h.status_at(t, locale).unwrap().state, change.state);
                proptest::prop_assert_eq!(h.status_at(t - TimeDelta::seconds(1), locale).unwrap().state, before);
            }
            if let Some(open) = h.next_opening(at, locale) {
                let t = open.with_timezone(&Utc);
                proptest::prop_assert!(h.is_open_at(t, locale));
                proptest::prop_assert!(!h.is_open_at(t - TimeDelta::seconds(1), locale));
            }
        }
    }

    #[test]
    fn dates_outside_1900_2199_are_out_of_range_never_closed() {
        let h = OpeningHours::new("Mo-Fr 09:00-17:00");
        for at in [
            utc(1800, 1, 6, 10, 0),
            utc(1899, 12, 29, 10, 0),
            utc(2200, 1, 6, 10, 0),
            utc(2300, 6, 2, 10, 0),
        ] {
            assert_eq!(h.status_at(at, PARIS), None, "{at}");
            assert!(!h.is_open_at(at, PARIS));
            for result in [
                h.try_status_at(at, PARIS).map(|_| ()),
                h.try_next_change(at, PARIS).map(|_| ()),
                h.try_next_opening(at, PARIS).map(|_| ()),
                h.try_next_closing(at, PARIS).map(|_| ()),
            ] {
                let Err(HoursError::OutOfRange { local_date }) = result else {
                    panic!("{at}: {result:?}");
                };
                assert_eq!(local_date, at.date_naive());
            }
            assert!(h.week(at.date_naive(), PARIS).is_none());
        }
        // Within range, the last days of 2199 are evaluated; a search past its end is not
        // answered "no change".
        let friday = utc(2199, 12, 27, 10, 0);
        assert_eq!(h.status_at(friday, PARIS).unwrap().state, State::Open);
        let always = OpeningHours::new("24/7");
        assert!(matches!(
            always.try_next_change(friday, PARIS),
            Err(HoursError::OutOfRange { .. })
        ));
        assert_eq!(
            always.try_next_change(utc(2026, 1, 1, 0, 0), PARIS),
            Ok(None)
        );
        // 1900-01-01 is a Monday: its week is given; 2199-12-31 is a Tuesday: its week ends in
        // 2200, and is not given.
        assert!(
            h.week(NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(), PARIS)
                .is_some()
        );
        assert!(
            h.week(NaiveDate::from_ymd_opt(2199, 12, 29).unwrap(), PARIS)
                .is_some()
        );
        assert!(
            h.week(NaiveDate::from_ymd_opt(2199, 12, 31).unwrap(), PARIS)
                .is_none()
        );
    }

    #[test]
    fn out_of_range_instants_do_not_panic() {
        let h = OpeningHours::new("24/7");
        let far = DateTime::<Utc>::MAX_UTC;
        assert!(!h.is_open_at(far, PARIS));
        assert_eq!(h.next_change(far, PARIS), None);
        assert_eq!(h.next_opening(DateTime::<Utc>::MIN_UTC, PARIS), None);
        assert!(h.week(NaiveDate::MAX, PARIS).is_none());
    }

    #[test]
    fn unparsable_text_answers_nothing() {
        let h = OpeningHours::new("sur rendez-vous");
        let t = utc(2026, 1, 5, 10, 0);
        assert!(h.status_at(t, PARIS).is_none());
        assert!(!h.is_open_at(t, PARIS));
        assert!(h.next_opening(t, PARIS).is_none());
    }
}
