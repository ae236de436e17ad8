//! The local time of an instant in a locale, as the "open at" filter needs it: the
//! quarter-hour slot of the local week, whether the local date is a public holiday or the day
//! after one, and the offset from UTC.
//!
//! Converting an instant to local time (a binary search in the zone's transitions) and
//! computing a territory's public holidays cost far more than a query's walk through the
//! tree, and every query needs them for each locale it meets. They are kept in two small
//! direct-mapped caches of self-checking words (key and answer in one atomic `u64`, so that a
//! word read is either a whole answer or a miss), which any number of threads read and write
//! without locks: per (locale, UTC quarter-hour) and per (locale, local date).

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Datelike, NaiveDate, Offset, Timelike, Utc};
use inclusion_model::hours::{Locale, Territory, slot_of};

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
        /// Days from 0001-01-01 to 1970-01-01.
        const UNIX_EPOCH_DAYS: i64 = 719_163;
        let local_day = (t + i64::from(self.offset)).div_euclid(86_400);
        let weekday = i64::from(self.slot() / 96);
        (local_day - weekday + UNIX_EPOCH_DAYS) as i32
    }
}

/// The caches, shared by every query of an index.
pub(crate) struct LocalTimes {
    slots: [AtomicU64; 256],
    holidays: [AtomicU64; 64],
}

impl Default for LocalTimes {
    fn default() -> LocalTimes {
        LocalTimes {
            slots: [const { AtomicU64::new(0) }; 256],
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

/// A cache word: the answer in its low bits (slot: bits 0–9, holiday: bit 10, offset in
/// quarter-hours plus 64: bits 11–17), [`VALID`], and the key from [`KEY_SHIFT`] up.
const VALID: u64 = 1 << 18;
const KEY_SHIFT: u32 = 19;
const KEY_BITS: u64 = !((1 << KEY_SHIFT) - 1);

/// Mixes a key into a cache index of `bits` bits.
fn mix(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

impl LocalTimes {
    /// The local time of `at` in `locale` (number `l` of the index's locales).
    pub(crate) fn local(&self, locale: &Locale, l: usize, at: DateTime<Utc>) -> Local {
        let t = at.timestamp();
        let quarter = t.div_euclid(900);
        // Key: the quarter-hour (37 bits, about 3.9 million years around 1970) and the locale.
        let q = quarter.wrapping_add(1 << 36) as u64;
        let cacheable = q < 1 << 37 && l < 256;
        let key = (q << 8 | l as u64) << KEY_SHIFT;
        let word = &self.slots[mix(key, 8)];
        if cacheable {
            let w = word.load(Ordering::Relaxed);
            if w & KEY_BITS == key && w & VALID != 0 {
                let holiday = if w >> 10 & 1 == 1 { Local::HOLIDAY } else { 0 };
                return Local {
                    slot: (w & 0x3FF) as u16 | holiday,
                    offset: ((w >> 11 & 0x7F) as i32 - 64) * 900,
                };
            }
        }
        let here = at.with_timezone(&locale.tz);
        let slot_here = slot_of(here.weekday(), here.hour() * 60 + here.minute());
        let holiday = self.holiday(locale.territory, l, here.date_naive());
        let offset = here.offset().fix().local_minus_utc();
        let local = Local {
            slot: slot_here | if holiday { Local::HOLIDAY } else { 0 },
            offset,
        };
        // The whole quarter-hour has the same answer when its first and last seconds have the
        // same offset (no change in between) and that offset is a whole number of
        // quarter-hours (the local quarter-hours then match the UTC ones).
        let same_offset = |t: i64| {
            DateTime::from_timestamp(t, 0).is_some_and(|u| {
                u.with_timezone(&locale.tz).offset().fix().local_minus_utc() == offset
            })
        };
        if cacheable
            && offset % 900 == 0
            && (-64 * 900..64 * 900).contains(&offset)
            && same_offset(quarter * 900)
            && same_offset(quarter * 900 + 899)
        {
            let off = (offset / 900 + 64) as u64;
            let answer = u64::from(local.slot()) | u64::from(holiday) << 10 | off << 11;
            word.store(key | VALID | answer, Ordering::Relaxed);
        }
        local
    }

    /// Whether `date` is a public holiday of `territory` (locale `l`) or the day after one.
    fn holiday(&self, territory: Territory, l: usize, date: NaiveDate) -> bool {
        let day = i64::from(date.num_days_from_ce()).wrapping_add(1 << 31) as u64;
        let cacheable = day < 1 << 32 && l < 256;
        let key = (day << 8 | l as u64) << KEY_SHIFT;
        let word = &self.holidays[mix(key, 6)];
        if cacheable {
            let w = word.load(Ordering::Relaxed);
            if w & KEY_BITS == key && w & VALID != 0 {
                return w & 1 == 1;
            }
        }
        let holiday = territory.is_public_holiday_or_day_after(date);
        if cacheable {
            word.store(key | VALID | u64::from(holiday), Ordering::Relaxed);
        }
        holiday
    }
}
