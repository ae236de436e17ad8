//! The local time of an instant in a locale, as the "open at" filter needs it: the
//! quarter-hour slot of the local week, whether the local date is a public holiday or the day
//! after one, and the offset from UTC.
//!
//! Converting an instant to local time (a binary search in the zone's transitions) and
//! computing a territory's public holidays cost far more than a query's walk through the
//! tree, and every query needs them for each locale it meets. They are kept in small
//! direct-mapped caches of self-checking words (key and answer in one atomic `u64`, so that a
//! word read is either a whole answer or a miss), which any number of threads read and write
//! without locks: the answer per (locale, UTC quarter-hour); behind it, per (locale, UTC hour),
//! the offset, the hour's first slot and its holiday flags, from which any quarter of the hour
//! follows by arithmetic; and the holiday flag per (locale, local date).

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, NaiveDate, Offset, Utc, Weekday};
use inclusion_model::hours::{Locale, SLOTS_PER_DAY, SLOTS_PER_WEEK, Territory, slot_of};

/// The local time of an instant in a locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Local {
    /// The slot of the local week (`day × 96 + minute / 15`, Monday = day 0), with
    /// [`Local::HOLIDAY`] set when the local date is a public holiday or the day after one.
    pub(crate) slot: u16,
    /// Local time minus UTC, in seconds.
    pub(crate) offset: i32,
}

impl Local {
    /// The flag of [`Local::slot`] for a public holiday or the day after one.
    pub(crate) const HOLIDAY: u16 = 1 << 15;
    /// The bits of [`Local::slot`] that hold the slot (slots < 672 < 2^10).
    pub(crate) const SLOT_BITS: u16 = 0x3FF;
    /// Not computed yet.
    pub(crate) const NOT_YET: Local = Local {
        slot: u16::MAX,
        offset: 0,
    };

    /// The local time of slot `slot`, on a public holiday (or the day after one) or not, at
    /// `offset` seconds from UTC.
    #[inline(always)]
    fn new(slot: u16, holiday: bool, offset: i32) -> Local {
        Local {
            slot: slot | if holiday { Local::HOLIDAY } else { 0 },
            offset,
        }
    }

    /// The slot of the local week, 0 to 671.
    #[inline(always)]
    pub(crate) fn slot(self) -> u16 {
        self.slot & Self::SLOT_BITS
    }

    /// Whether the local date is a public holiday or the day after one.
    #[inline(always)]
    pub(crate) fn holiday(self) -> bool {
        self.slot & Self::HOLIDAY != 0
    }

    /// The Monday of the local week of instant `t` (Unix seconds), in days since 0001-01-01.
    pub(crate) fn monday(self, t: i64) -> i32 {
        let local_day = (t + i64::from(self.offset)).div_euclid(86_400);
        let weekday = i64::from(self.slot() / 96);
        (local_day - weekday + UNIX_EPOCH_DAYS_CE) as i32
    }
}

/// The caches, shared by every query of an index.
pub(crate) struct LocalTimes {
    slots: [AtomicU64; 256],
    hours: [AtomicU64; 256],
    holidays: [AtomicU64; 64],
}

impl Default for LocalTimes {
    fn default() -> LocalTimes {
        LocalTimes {
            slots: [const { AtomicU64::new(0) }; 256],
            hours: [const { AtomicU64::new(0) }; 256],
            holidays: [const { AtomicU64::new(0) }; 64],
        }
    }
}

impl Clone for LocalTimes {
    /// An empty cache.
    fn clone(&self) -> LocalTimes {
        LocalTimes::default()
    }
}

impl std::fmt::Debug for LocalTimes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LocalTimes")
    }
}

/// A cache word: the answer in its low bits, [`VALID`], and the key from [`KEY_SHIFT`] up.
/// For `slots`: the slot (bits 0–9), the holiday flag (bit 10), the offset in quarter-hours
/// plus 64 (bits 11–17). For `hours`: the slot of the hour's first second (bits 0–9), the
/// offset (bits 10–16), and the holiday flags of the local dates of the hour, the first and
/// the next (bits 17 and 18). For `holidays`: bit 0.
const VALID: u64 = 1 << 19;
const KEY_SHIFT: u32 = 20;
const KEY_BITS: u64 = !((1 << KEY_SHIFT) - 1);

/// Mixes a key into a cache index of `bits` bits.
fn mix(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_DAYS_CE: i64 = 719_163;

/// Slots in a week.
const WEEK_SLOTS: u16 = SLOTS_PER_WEEK as u16;

/// The slot of the week of local time `seconds` (since 1970-01-01 00:00 local), and its day.
fn slot_and_day(seconds: i64) -> (u16, i64) {
    let day = seconds.div_euclid(86_400);
    // 1970-01-01 was a Thursday: day 3 of a week that starts on Monday.
    let weekday =
        Weekday::try_from(day.wrapping_add(3).rem_euclid(7) as u8).unwrap_or(Weekday::Mon);
    let minute = (seconds.rem_euclid(86_400) / 60) as u32;
    (slot_of(weekday, minute), day)
}

/// An offset from UTC as the words hold it: whole quarter-hours within ±16 hours, plus 64.
fn offset_bits(offset: i32) -> Option<u64> {
    (offset % 900 == 0 && (-64 * 900..64 * 900).contains(&offset))
        .then(|| (offset / 900 + 64) as u64)
}

/// The offset in seconds of [`offset_bits`]'s seven bits.
fn offset_of_bits(bits: u64) -> i32 {
    ((bits & 0x7F) as i32 - 64) * 900
}

/// The word `word` when it holds the answer for `key` (and the key fits the cache); `None`
/// for a miss.
#[inline(always)]
fn probe(word: &AtomicU64, key: u64, cacheable: bool) -> Option<u64> {
    if !cacheable {
        return None;
    }
    let w = word.load(Ordering::Relaxed);
    (w & KEY_BITS == key && w & VALID != 0).then_some(w)
}

impl LocalTimes {
    /// The local time of `at` in `locale` (number `l` of the index's locales).
    ///
    /// Two caches: per (locale, UTC quarter-hour), the answer itself, which every query at
    /// the same quarter-hour finds; behind it, per (locale, UTC hour), what makes the answer
    /// of any quarter of that hour by arithmetic (see [`LocalTimes::by_hour`]), so that
    /// queries spread over the evenings of a season do not each convert the instant in the
    /// zone's transitions (three conversions a miss).
    pub(crate) fn local(&self, locale: &Locale, l: usize, at: DateTime<Utc>) -> Local {
        let t = at.timestamp();
        let quarter = t.div_euclid(900);
        // Key: the quarter-hour (36 bits, about a million years around 1970) and the locale.
        let q = quarter.wrapping_add(1 << 35) as u64;
        let cacheable = q < 1 << 36 && l < 256;
        let key = (q << 8 | l as u64) << KEY_SHIFT;
        let word = &self.slots[mix(key, 8)];
        if let Some(w) = probe(word, key, cacheable) {
            return Local::new(
                (w & 0x3FF) as u16,
                w >> 10 & 1 == 1,
                offset_of_bits(w >> 11),
            );
        }
        let (local, uniform) = self.by_hour(locale, l, t);
        if let Some(off) = offset_bits(local.offset).filter(|_| cacheable && uniform) {
            let answer = u64::from(local.slot()) | u64::from(local.holiday()) << 10 | off << 11;
            word.store(key | VALID | answer, Ordering::Relaxed);
        }
        local
    }

    /// The local time at `t` (Unix seconds) from the cache per (locale, UTC hour): the slot
    /// of the hour's first second, the offset, and the holiday flags of the (at most two)
    /// local dates of the hour. Within an hour of one offset that is a whole number of
    /// quarter-hours, the local quarter-hours follow the UTC ones, so the slot at `t` is the
    /// first one plus the quarters since. Also whether the whole hour has that offset (its
    /// first and last seconds have it: no change in between).
    fn by_hour(&self, locale: &Locale, l: usize, t: i64) -> (Local, bool) {
        let hour = t.div_euclid(3_600);
        // Key: the hour (35 bits) and the locale.
        let h = hour.wrapping_add(1 << 34) as u64;
        let cacheable = h < 1 << 35 && l < 256;
        let key = (h << 8 | l as u64) << KEY_SHIFT;
        let word = &self.hours[mix(key, 8)];
        let answer = match probe(word, key, cacheable) {
            Some(w) => w,
            None => {
                let offset_at = |t: i64| {
                    DateTime::from_timestamp(t, 0)
                        .map(|u| u.with_timezone(&locale.tz).offset().fix().local_minus_utc())
                };
                let offset = offset_at(t).unwrap_or(0);
                let off = offset_bits(offset).filter(|_| {
                    offset_at(hour * 3_600) == Some(offset)
                        && offset_at(hour * 3_600 + 3_599) == Some(offset)
                });
                let Some(off) = off else {
                    let (slot, day) = slot_and_day(t + i64::from(offset));
                    let holiday = self.holiday(locale.territory, l, day);
                    return (Local::new(slot, holiday, offset), false);
                };
                let (first, day) = slot_and_day(hour * 3_600 + i64::from(offset));
                let holidays = u64::from(self.holiday(locale.territory, l, day))
                    | u64::from(self.holiday(locale.territory, l, day + 1)) << 1;
                let answer = key | VALID | u64::from(first) | off << 10 | holidays << 17;
                if cacheable {
                    word.store(answer, Ordering::Relaxed);
                }
                answer
            }
        };
        // The quarter of the hour (0 to 3), and the slot it is, past the end of the week into
        // its start; the day of the hour it falls in (0 or 1) picks its holiday flag.
        let quarter = ((t - hour * 3_600) / 900) as u16;
        let first = (answer & 0x3FF) as u16;
        let mut slot = first + quarter;
        if slot >= WEEK_SLOTS {
            slot -= WEEK_SLOTS;
        }
        let next_day = (u32::from(first) % SLOTS_PER_DAY + u32::from(quarter)) / SLOTS_PER_DAY;
        let holiday = answer >> (17 + next_day) & 1 == 1;
        (
            Local::new(slot, holiday, offset_of_bits(answer >> 10)),
            true,
        )
    }

    /// Whether local day `day` (counted from 1970-01-01) is a public holiday of `territory`
    /// (locale `l`) or the day after one; `false` for a day that is no date.
    fn holiday(&self, territory: Territory, l: usize, day: i64) -> bool {
        // Key: the day (32 bits) and the locale.
        let d = day.wrapping_add(1 << 31) as u64;
        let cacheable = d < 1 << 32 && l < 256;
        let key = (d << 8 | l as u64) << KEY_SHIFT;
        let word = &self.holidays[mix(key, 6)];
        if let Some(w) = probe(word, key, cacheable) {
            return w & 1 == 1;
        }
        let Some(date) = i32::try_from(day.wrapping_add(UNIX_EPOCH_DAYS_CE))
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
        else {
            return false;
        };
        let holiday = territory.is_public_holiday_or_day_after(date);
        if cacheable {
            word.store(key | VALID | u64::from(holiday), Ordering::Relaxed);
        }
        holiday
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Timelike};
    use inclusion_model::hours::{Tz, slot_of};
    use proptest::prelude::*;

    /// The locales of territories with a summer time, with offsets of half an hour, and far
    /// from Paris; and one zone whose offset changes within a UTC hour.
    fn locales() -> Vec<Locale> {
        [
            (Tz::Europe__Paris, Territory::Metropolitan),
            (Tz::Europe__Paris, Territory::AlsaceMoselle),
            (Tz::America__Miquelon, Territory::SaintPierreEtMiquelon),
            (Tz::Pacific__Marquesas, Territory::FrenchPolynesia),
            (Tz::America__Guadeloupe, Territory::Guadeloupe),
            (Tz::Indian__Reunion, Territory::Reunion),
            (Tz::Pacific__Noumea, Territory::NewCaledonia),
            // Not French: its summer time moves by half an hour at 15:30 UTC, within an hour.
            (Tz::Australia__Lord_Howe, Territory::Metropolitan),
        ]
        .into_iter()
        .map(|(tz, territory)| Locale::new(tz, territory))
        .collect()
    }

    /// The local time as the zone's conversion gives it, without any cache.
    fn reference(locale: &Locale, at: DateTime<Utc>) -> Local {
        let here = at.with_timezone(&locale.tz);
        let slot = slot_of(here.weekday(), here.hour() * 60 + here.minute());
        let holiday = locale
            .territory
            .is_public_holiday_or_day_after(here.date_naive());
        Local {
            slot: slot | if holiday { Local::HOLIDAY } else { 0 },
            offset: here.offset().fix().local_minus_utc(),
        }
    }

    /// Asks every locale the time of every instant twice (a miss, then a hit unless another
    /// key took the word), in the order given and then in reverse.
    fn check(instants: &[DateTime<Utc>]) {
        let times = LocalTimes::default();
        let locales = locales();
        for round in 0..2 {
            for (i, &at) in instants.iter().enumerate() {
                let at = if round == 0 {
                    at
                } else {
                    instants[instants.len() - 1 - i]
                };
                for (l, locale) in locales.iter().enumerate() {
                    let want = reference(locale, at);
                    assert_eq!(times.local(locale, l, at), want, "{at} in {:?}", locale.tz);
                    assert_eq!(times.local(locale, l, at), want, "{at} again");
                }
            }
        }
    }

    #[test]
    fn local_times_are_the_zones_around_summer_time_changes_and_holidays() {
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        // Every 7 minutes over six hours around the changes of 2026 in Paris (29 March and
        // 25 October, 01:00 UTC), Miquelon (8 March and 1 November) and Lord Howe (3 October,
        // 15:30 UTC), over New Year's night (in Paris, and in the Marquesas, where it falls
        // at 09:30 UTC, within an hour), the Marquesas' first Monday of 2026 (the week's
        // last slot and its first in one UTC hour), 14 July and the end of Paris's local mean
        // time (1911), and at the seconds around each change.
        let mut instants = Vec::new();
        for start in [
            "2026-03-28T22:00:00Z",
            "2026-10-24T22:00:00Z",
            "2026-03-08T03:00:00Z",
            "2026-11-01T02:00:00Z",
            "2025-12-31T20:00:00Z",
            "2026-07-14T20:00:00Z",
            "1911-03-10T21:00:00Z",
            "2026-10-03T13:00:00Z",
            "2026-01-01T07:00:00Z",
            "2026-01-05T07:00:00Z",
        ] {
            let start = at(start);
            instants.extend((0..52).map(|i| start + chrono::Duration::minutes(7 * i)));
        }
        for change in [
            "2026-03-29T01:00:00Z",
            "2026-10-25T01:00:00Z",
            "2026-03-08T05:00:00Z",
            "2026-10-03T15:30:00Z",
        ] {
            let change = at(change);
            instants.extend((-2..2).map(|s| change + chrono::Duration::seconds(s)));
        }
        check(&instants);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any instants from 1850 to 2250 (holidays are known from 1900 to 2199; the zones
        /// have offsets that are not whole quarter-hours before 1911 in Paris).
        #[test]
        fn local_times_are_the_zones_at_any_instant(
            seconds in proptest::collection::vec(-3_786_825_600i64..8_835_984_000, 1..40),
        ) {
            let instants: Vec<_> = seconds
                .iter()
                .filter_map(|&s| DateTime::from_timestamp(s, 0))
                .collect();
            check(&instants);
        }
    }
}
