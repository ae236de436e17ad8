//! Exact answers for the places whose weekly bitmap cannot answer (dates, week numbers,
//! minutes off the quarter-hour, public holidays on a holiday): week schedules computed by the
//! exact evaluation ([`OpeningHours::week`](inclusion_model::OpeningHours::week), tens of
//! microseconds), kept for every later query of the same week.
//!
//! The state of opening hours at an instant depends only on the local time of the instant
//! (the evaluation reads the local date and time, then the rules), and, when the hours have
//! holiday rules (`PH`, `SH`), on the territory's holidays and school zone. So a schedule is
//! computed in local time (evaluated with the UTC zone, whose instants are local times), once
//! per *class* of entries and local week, and shared by every locale of the class: a class is
//! a text alone when it has no holiday rule, else a text in one territory and school zone.
//! A query then looks its local time up. With a dozen time zones in the data, this divides the
//! number of exact evaluations by as many.

use std::sync::{Arc, Mutex, PoisonError};

use inclusion_model::hours::{Locale, Territory, Tz};
use rustc_hash::FxHashMap;

/// A week as `(start, end, open)` intervals of local time (seconds since 1970-01-01 00:00
/// local), contiguous and sorted.
pub(crate) type Schedule = Arc<[(i64, i64, bool)]>;

/// Whether local time `n` falls in an open interval of `intervals` (sorted, contiguous);
/// `None` when no interval holds it.
pub(crate) fn lookup(intervals: &[(i64, i64, bool)], n: i64) -> Option<bool> {
    let i = intervals.partition_point(|iv| iv.1 <= n);
    intervals.get(i).filter(|iv| iv.0 <= n).map(|iv| iv.2)
}

/// The locale in which a class is evaluated: the UTC zone (its instants are local times),
/// with the locale's holidays and school zone when the hours have holiday rules.
pub(crate) fn local_time_locale(locale: Locale, holiday_rules: bool) -> Locale {
    if holiday_rules {
        Locale {
            tz: Tz::UTC,
            ..locale
        }
    } else {
        Locale::new(Tz::UTC, Territory::Metropolitan)
    }
}

/// Schedules by (class, local Monday in days since 0001-01-01), shared by every query of an
/// index. Cleared when it holds [`ExactCache::CAPACITY`] weeks. Hashed by `FxHash`: the keys
/// are the index's own numbers, and the standard library's SipHash cost a quarter of a
/// lookup.
#[derive(Debug, Default)]
pub(crate) struct ExactCache(Mutex<FxHashMap<(u32, i32), Schedule>>);

impl ExactCache {
    const CAPACITY: usize = 1 << 14;

    /// Whether local time `n` of the week of `monday` is open for class `class`, when its
    /// schedule is known.
    pub(crate) fn get(&self, class: u32, monday: i32, n: i64) -> Option<bool> {
        let map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        lookup(map.get(&(class, monday))?, n)
    }

    /// Keeps the schedule of class `class` for the week of `monday`.
    pub(crate) fn put(&self, class: u32, monday: i32, intervals: Schedule) {
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= Self::CAPACITY {
            map.clear();
        }
        map.insert((class, monday), intervals);
    }
}

impl Clone for ExactCache {
    /// An empty cache.
    fn clone(&self) -> ExactCache {
        ExactCache::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};
    use inclusion_model::OpeningHours;

    /// The state at an instant from the local-time schedule equals the exact evaluation in
    /// the real zone, across daylight-saving changes and in zones on both sides of UTC.
    #[test]
    fn local_time_schedules_answer_as_the_zone_does() {
        for text in [
            "Mo-Fr 09:00-19:00; Dec 25 off",
            "Mo-Su 01:30-03:10; Mar 29 off",
            "week 1-53/2 Mo-Fr 08:00-12:00",
            "Mo-Fr 09:00-17:00; PH 10:00-12:00",
        ] {
            let hours = OpeningHours::new(text);
            let holiday_rules = hours
                .weekly_form()
                .exceptions
                .contains(inclusion_model::hours::Exceptions::HOLIDAYS);
            for territory in [
                Territory::Metropolitan,
                Territory::AlsaceMoselle,
                Territory::Reunion,
                Territory::FrenchPolynesia,
            ] {
                let locale = Locale::from(territory);
                let naive = local_time_locale(locale, holiday_rules);
                // Around the spring and autumn changes in Paris, and Christmas.
                for (y, m, d) in [(2026, 3, 23), (2026, 10, 19), (2026, 12, 21)] {
                    let monday = NaiveDate::from_ymd_opt(y, m, d).unwrap();
                    let week = hours.week(monday, naive).unwrap();
                    let intervals: Vec<(i64, i64, bool)> = week
                        .intervals
                        .iter()
                        .map(|i| {
                            let open = i.state == inclusion_model::hours::State::Open;
                            (i.start.timestamp(), i.end.timestamp(), open)
                        })
                        .collect();
                    let start = Utc.from_utc_datetime(&monday.and_hms_opt(0, 0, 0).unwrap());
                    for step in 0..(7 * 24 * 4) {
                        let at = start + chrono::Duration::minutes(step * 15 + 7);
                        let local = at.with_timezone(&locale.tz).naive_local();
                        let n = local.and_utc().timestamp();
                        let want = hours.is_open_at(at, locale);
                        if let Some(got) = lookup(&intervals, n) {
                            assert_eq!(got, want, "{text} {territory:?} {at}");
                        } else {
                            // Only instants whose local time falls outside this local week.
                            let days = (local.date() - monday).num_days();
                            assert!(!(0..7).contains(&days), "{text} {at}");
                        }
                    }
                }
            }
        }
    }
}
