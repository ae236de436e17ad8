//! [`WeeklyForm`]: the opening hours of a normal week as 672 bits (one per quarter-hour, local
//! time), for filters that must answer "open at t?" for many places in a few nanoseconds.
//!
//! Use from a spatial index:
//!
//! 1. at indexing time, keep `place.weekly_hours()` (a [`WeeklyForm`], 96 bytes, `Copy`) and
//!    the place's time zone;
//! 2. per query, compute `slot_at(t, tz)` once per time zone (most places share Europe/Paris)
//!    and whether the local date is a public holiday or the day after one
//!    ([`Territory::is_public_holiday_or_day_after`](super::Territory::is_public_holiday_or_day_after));
//! 3. per place, [`WeeklyForm::open_at_slot`] answers `Some(open)`, or `None` when the bitmap
//!    cannot be trusted at that instant: then call [`OpeningHours::is_open_at`](crate::OpeningHours::is_open_at)
//!    (about a microsecond).
//!
//! ```
//! use inclusion_hours::{OpeningHours, Territory, slot_at};
//! use chrono::{TimeZone, Utc};
//!
//! let form = OpeningHours::new("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00").weekly_form();
//! let tz = Territory::Metropolitan.time_zone();
//! let t = Utc.with_ymd_and_hms(2026, 6, 6, 8, 0, 0).unwrap(); // Saturday 10:00 in Paris
//! assert_eq!(form.open_at_slot(slot_at(t, tz), false), Some(true));
//! ```

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use opening_hours::RuleKind;
use opening_hours_syntax::rules::day::{HolidayKind, WeekDayRange};
use opening_hours_syntax::rules::time::Time;

use super::Expr;
use super::holidays;

/// Minutes per slot.
pub const SLOT_MINUTES: u32 = 15;
/// Slots per day (96).
pub const SLOTS_PER_DAY: u32 = 24 * 60 / SLOT_MINUTES;
/// Slots per week (672).
pub const SLOTS_PER_WEEK: u32 = 7 * SLOTS_PER_DAY;

const WORDS: usize = (SLOTS_PER_WEEK as usize).div_ceil(64);

/// One bit per quarter-hour of the week, local time: bit `s` is set when the place is open
/// during the whole slot `s` (`s = day × 96 + minute_of_day / 15`, Monday = day 0).
///
/// ```
/// use inclusion_hours::{WeekBitmap, slot_of};
/// use chrono::Weekday;
/// let mut b = WeekBitmap::CLOSED;
/// b.set_open(slot_of(Weekday::Tue, 9 * 60));
/// assert!(b.is_open_at_slot(slot_of(Weekday::Tue, 9 * 60 + 14)));
/// assert!(!b.is_open_at_slot(slot_of(Weekday::Tue, 9 * 60 + 15)));
/// assert_eq!(b.open_slots(), 1);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct WeekBitmap {
    words: [u64; WORDS],
}

impl WeekBitmap {
    /// Never open.
    pub const CLOSED: WeekBitmap = WeekBitmap { words: [0; WORDS] };

    /// Whether slot `slot` is open (`false` for a slot number ≥ 672).
    #[inline]
    pub fn is_open_at_slot(&self, slot: u16) -> bool {
        let s = usize::from(slot);
        self.words
            .get(s / 64)
            .is_some_and(|w| (w >> (s % 64)) & 1 == 1)
    }

    /// Whether it is open at an instant, reading the slot in time zone `tz`.
    pub fn is_open_at(&self, at: DateTime<Utc>, tz: Tz) -> bool {
        self.is_open_at_slot(slot_at(at, tz))
    }

    /// Marks slot `slot` open (ignored for a slot number ≥ 672).
    pub fn set_open(&mut self, slot: u16) {
        let s = usize::from(slot);
        if let Some(w) = self.words.get_mut(s / 64) {
            *w |= 1 << (s % 64);
        }
    }

    /// The number of open slots (quarter-hours) in the week.
    pub fn open_slots(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    /// The slots `from..to` (wrapping over the end of the week when `to < from`), as a mask
    /// for [`intersects`](Self::intersects): "open at some point between ... and ...".
    ///
    /// ```
    /// use inclusion_hours::{WeekBitmap, slot_of};
    /// use chrono::Weekday;
    /// let sunday_evening = WeekBitmap::window(slot_of(Weekday::Sun, 18 * 60), slot_of(Weekday::Mon, 60));
    /// assert_eq!(sunday_evening.open_slots(), 6 * 4 + 4);
    /// ```
    pub fn window(from: u16, to: u16) -> WeekBitmap {
        let mut b = WeekBitmap::CLOSED;
        let n = SLOTS_PER_WEEK as u16;
        let (from, to) = (from % n, to % n);
        let mut s = from;
        while s != to {
            b.set_open(s);
            s = (s + 1) % n;
        }
        b
    }

    /// Whether the two bitmaps share an open slot.
    pub fn intersects(&self, other: &WeekBitmap) -> bool {
        self.words.iter().zip(&other.words).any(|(a, b)| a & b != 0)
    }
}

impl fmt::Debug for WeekBitmap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WeekBitmap({} open quarter-hours)", self.open_slots())
    }
}

/// The slot of a local weekday and minute of the day (minutes ≥ 1440 are clamped).
pub fn slot_of(day: Weekday, minute_of_day: u32) -> u16 {
    let day = day.num_days_from_monday();
    let q = minute_of_day.min(24 * 60 - 1) / SLOT_MINUTES;
    u16::try_from(day * SLOTS_PER_DAY + q).unwrap_or(0)
}

/// The slot of an instant in time zone `tz` (its local weekday and time). Compute it once
/// per query and time zone, not once per place.
///
/// ```
/// use inclusion_hours::{slot_at, slot_of};
/// use chrono::{TimeZone, Utc, Weekday};
/// let t = Utc.with_ymd_and_hms(2026, 1, 4, 23, 30, 0).unwrap(); // Sunday 23:30 UTC
/// assert_eq!(slot_at(t, chrono_tz::Europe::Paris), slot_of(Weekday::Mon, 30));
/// assert_eq!(slot_at(t, chrono_tz::Pacific::Tahiti), slot_of(Weekday::Sun, 13 * 60 + 30));
/// ```
pub fn slot_at(at: DateTime<Utc>, tz: Tz) -> u16 {
    let local = at.with_timezone(&tz);
    slot_of(local.weekday(), local.hour() * 60 + local.minute())
}

/// What a [`WeekBitmap`] cannot represent, as a set of flags.
///
/// ```
/// use inclusion_hours::Exceptions;
/// let e = Exceptions::HOLIDAYS | Exceptions::DATES;
/// assert!(e.contains(Exceptions::DATES));
/// assert_eq!(e.to_string(), "holidays, dates");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Exceptions(u8);

impl Exceptions {
    /// Nothing: the bitmap is exact for every week.
    pub const NONE: Exceptions = Exceptions(0);
    /// Public holidays (`PH`): the bitmap is exact on other days, except the day after a
    /// holiday.
    pub const HOLIDAYS: Exceptions = Exceptions(1);
    /// Years, months, dates or days relative to a date or holiday (`Dec 25`, `2026`,
    /// `easter`, `PH +1 day`).
    pub const DATES: Exceptions = Exceptions(1 << 1);
    /// Week numbers (`week 1-53/2`).
    pub const WEEK_NUMBERS: Exceptions = Exceptions(1 << 2);
    /// The n-th weekday of the month (`Sa[1]`).
    pub const NTH_WEEKDAY: Exceptions = Exceptions(1 << 3);
    /// Times relative to the sun (`sunrise`, `dusk`).
    pub const VARIABLE_TIMES: Exceptions = Exceptions(1 << 4);
    /// A change of state that is not on a quarter-hour (`09:10`).
    pub const SUB_QUARTER: Exceptions = Exceptions(1 << 5);
    /// The text does not parse (or there are no opening hours): nothing is known.
    pub const NOT_EVALUABLE: Exceptions = Exceptions(1 << 6);

    const NAMES: [(Exceptions, &'static str); 7] = [
        (Exceptions::HOLIDAYS, "holidays"),
        (Exceptions::DATES, "dates"),
        (Exceptions::WEEK_NUMBERS, "week numbers"),
        (Exceptions::NTH_WEEKDAY, "n-th weekday"),
        (Exceptions::VARIABLE_TIMES, "sun times"),
        (Exceptions::SUB_QUARTER, "times off the quarter-hour"),
        (Exceptions::NOT_EVALUABLE, "not evaluable"),
    ];

    /// Whether no flag is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every flag of `other` is set.
    pub fn contains(self, other: Exceptions) -> bool {
        self.0 & other.0 == other.0
    }

    /// These flags less those of `other`.
    pub fn without(self, other: Exceptions) -> Exceptions {
        Exceptions(self.0 & !other.0)
    }

    /// The raw bits.
    pub fn bits(self) -> u8 {
        self.0
    }
}

impl std::ops::BitOr for Exceptions {
    type Output = Exceptions;
    fn bitor(self, rhs: Exceptions) -> Exceptions {
        Exceptions(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Exceptions {
    fn bitor_assign(&mut self, rhs: Exceptions) {
        self.0 |= rhs.0;
    }
}

impl fmt::Display for Exceptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        let names: Vec<&str> = Exceptions::NAMES
            .iter()
            .filter(|(e, _)| self.contains(*e))
            .map(|(_, n)| *n)
            .collect();
        f.write_str(&names.join(", "))
    }
}

impl fmt::Debug for Exceptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Exceptions({self})")
    }
}

/// The weekly bitmap of a text and what it cannot represent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WeeklyForm {
    /// The open quarter-hours of a week without holidays.
    pub bitmap: WeekBitmap,
    /// What the bitmap does not represent.
    pub exceptions: Exceptions,
}

impl WeeklyForm {
    /// Whether it is open at `slot` according to the bitmap, when the bitmap can answer:
    ///
    /// * no exception: `Some(bit)`;
    /// * [`Exceptions::NOT_EVALUABLE`]: `Some(false)` (nothing says it is open);
    /// * only [`Exceptions::HOLIDAYS`]: `Some(bit)` when `holiday_or_day_after` is `false`
    ///   (the local date is not a public holiday nor the day after one), else `None`;
    /// * otherwise `None`: evaluate exactly.
    #[inline]
    pub fn open_at_slot(&self, slot: u16, holiday_or_day_after: bool) -> Option<bool> {
        if self.exceptions.is_empty()
            || (self.exceptions == Exceptions::HOLIDAYS && !holiday_or_day_after)
        {
            Some(self.bitmap.is_open_at_slot(slot))
        } else if self.exceptions == Exceptions::NOT_EVALUABLE {
            Some(false)
        } else {
            None
        }
    }
}

/// A Monday, start of the reference week used to evaluate weekly rules.
const REFERENCE_MONDAY: (i32, u32, u32) = (2024, 1, 1);

/// The states of a week without holidays, as (start, end, kind) in minutes since Monday 00:00.
pub(crate) fn reference_week(expr: &Expr) -> Vec<(u32, u32, RuleKind)> {
    let (y, m, d) = REFERENCE_MONDAY;
    let Some(monday) = NaiveDate::from_ymd_opt(y, m, d) else {
        return Vec::new();
    };
    let (Some(start), Some(end)) = (
        monday.and_hms_opt(0, 0, 0),
        monday
            .checked_add_days(chrono::Days::new(7))
            .and_then(|n| n.and_hms_opt(0, 0, 0)),
    ) else {
        return Vec::new();
    };
    let minute = |t: chrono::NaiveDateTime| {
        u32::try_from((t - start).num_minutes().clamp(0, i64::from(7 * 1440))).unwrap_or(0)
    };
    expr.clone()
        .with_context(holidays::no_holidays().clone())
        .iter_range(start, end)
        .map(|r| (minute(r.range.start), minute(r.range.end), r.kind))
        .collect()
}

/// The flags that come from the syntax alone.
fn syntax_exceptions(expr: &Expr) -> Exceptions {
    let mut e = Exceptions::NONE;
    for rule in &expr.get_expression().rules {
        let days = &rule.day_selector;
        if !days.year.is_empty() || !days.monthday.is_empty() {
            e |= Exceptions::DATES;
        }
        if !days.week.is_empty() {
            e |= Exceptions::WEEK_NUMBERS;
        }
        let mut holiday_rule = false;
        for wd in &days.weekday {
            match wd {
                WeekDayRange::Fixed {
                    offset,
                    nth_from_start,
                    nth_from_end,
                    ..
                } => {
                    if *offset != 0 {
                        e |= Exceptions::DATES;
                    }
                    if nth_from_start.contains(&false) || nth_from_end.contains(&false) {
                        e |= Exceptions::NTH_WEEKDAY;
                    }
                }
                WeekDayRange::Holiday { offset, kind } => {
                    holiday_rule = true;
                    e |= Exceptions::HOLIDAYS;
                    // School holidays are periods of dates, not public holidays.
                    if *offset != 0 || *kind == HolidayKind::School {
                        e |= Exceptions::DATES;
                    }
                }
            }
        }
        // `SH Mo-Fr`: the crate and the reference may read it differently (see `selectors`),
        // so the reference week alone does not tell.
        if holiday_rule
            && days
                .weekday
                .iter()
                .any(|w| matches!(w, WeekDayRange::Fixed { .. }))
        {
            e |= Exceptions::DATES;
        }
        for span in &rule.time_selector.spans {
            let times = [&span.range.start, &span.range.end];
            if times.iter().any(|t| matches!(t, Time::Variable(_))) {
                e |= Exceptions::VARIABLE_TIMES;
            }
            // A holiday rule reaching past midnight changes the day after the holiday too.
            if holiday_rule
                && let Time::Fixed(end) = span.range.end
                && end.mins_from_midnight() > 24 * 60
            {
                e |= Exceptions::DATES;
            }
        }
    }
    e
}

/// The weekly form of a parsed expression.
pub(crate) fn weekly_form(expr: &Expr) -> WeeklyForm {
    let mut exceptions = syntax_exceptions(expr);
    let mut bitmap = WeekBitmap::CLOSED;
    for (start, end, kind) in reference_week(expr) {
        if start % SLOT_MINUTES != 0 || (end % SLOT_MINUTES != 0 && end < 7 * 1440) {
            exceptions |= Exceptions::SUB_QUARTER;
        }
        if kind == RuleKind::Open {
            for s in start / SLOT_MINUTES..end.div_ceil(SLOT_MINUTES) {
                bitmap.set_open(u16::try_from(s).unwrap_or(u16::MAX));
            }
        }
    }
    WeeklyForm { bitmap, exceptions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OpeningHours;

    fn form(text: &str) -> WeeklyForm {
        let h = OpeningHours::new(text);
        assert!(h.is_valid(), "{text}");
        h.weekly_form()
    }

    #[test]
    fn bitmap_is_tiny_and_copy() {
        fn is_copy<T: Copy>() {}
        is_copy::<WeekBitmap>();
        is_copy::<WeeklyForm>();
        assert_eq!(std::mem::size_of::<WeekBitmap>(), 88);
        assert!(std::mem::size_of::<WeeklyForm>() <= 96);
    }

    #[test]
    fn simple_week() {
        let f = form("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00");
        assert!(f.exceptions.is_empty());
        assert_eq!(f.bitmap.open_slots(), 5 * (12 + 18) + 14);
        assert!(
            f.bitmap
                .is_open_at_slot(slot_of(Weekday::Fri, 18 * 60 + 15))
        );
        assert!(
            !f.bitmap
                .is_open_at_slot(slot_of(Weekday::Fri, 18 * 60 + 30))
        );
        assert!(!f.bitmap.is_open_at_slot(slot_of(Weekday::Sun, 10 * 60)));
        assert!(!f.bitmap.is_open_at_slot(672));
    }

    #[test]
    fn overnight_and_week_wrap() {
        let f = form("Su 22:00-02:00");
        assert!(f.exceptions.is_empty());
        assert!(f.bitmap.is_open_at_slot(slot_of(Weekday::Sun, 23 * 60)));
        assert!(f.bitmap.is_open_at_slot(slot_of(Weekday::Mon, 60)));
        assert!(!f.bitmap.is_open_at_slot(slot_of(Weekday::Mon, 2 * 60)));
        assert_eq!(f.bitmap.open_slots(), 16);
    }

    #[test]
    fn exceptions_are_flagged() {
        assert_eq!(
            form("Mo-Fr 09:00-12:00; PH off").exceptions,
            Exceptions::HOLIDAYS
        );
        assert_eq!(
            form("Dec 25 off; Mo 10:00-11:00").exceptions,
            Exceptions::DATES
        );
        assert_eq!(
            form("week 1-53/2 Tu 10:00-12:00").exceptions,
            Exceptions::WEEK_NUMBERS
        );
        assert_eq!(
            form("Sa[1] 10:00-12:00").exceptions,
            Exceptions::NTH_WEEKDAY
        );
        assert_eq!(
            form("Mo sunrise-sunset").exceptions,
            Exceptions::VARIABLE_TIMES
        );
        assert_eq!(form("Mo 09:10-12:00").exceptions, Exceptions::SUB_QUARTER);
        assert_eq!(
            form("PH 20:00-26:00").exceptions,
            Exceptions::HOLIDAYS | Exceptions::DATES
        );
        assert!(form("24/7").exceptions.is_empty());
        assert_eq!(form("24/7").bitmap.open_slots(), 672);
    }

    #[test]
    fn open_at_slot_respects_exceptions() {
        let slot = slot_of(Weekday::Mon, 10 * 60);
        assert_eq!(form("Mo 10:00-11:00").open_at_slot(slot, true), Some(true));
        let ph = form("Mo 10:00-11:00; PH off");
        assert_eq!(ph.open_at_slot(slot, false), Some(true));
        assert_eq!(ph.open_at_slot(slot, true), None);
        assert_eq!(form("Mo 10:05-11:00").open_at_slot(slot, false), None);
        let bad = OpeningHours::new("n'importe quoi").weekly_form();
        assert_eq!(bad.open_at_slot(slot, false), Some(false));
    }

    #[test]
    fn window_wraps_and_intersects() {
        let w = WeekBitmap::window(slot_of(Weekday::Sat, 0), slot_of(Weekday::Mon, 0));
        assert_eq!(w.open_slots(), 2 * 96);
        assert!(form("Sa 10:00-11:00").bitmap.intersects(&w));
        assert!(!form("Mo-Fr 10:00-11:00").bitmap.intersects(&w));
        assert_eq!(WeekBitmap::window(5, 5).open_slots(), 0);
    }
}
