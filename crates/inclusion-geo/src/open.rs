//! The "open at this instant" filter: weekly bitmaps per place, summaries per tree node.
//!
//! * At build time every place with parseable `horaires` gets an entry of a small table of
//!   distinct (text, locale) pairs: real files repeat a few hundred texts, so a place stores
//!   only a `u32` entry number. The locale (time zone and public holidays) comes from the
//!   place's postcode and code INSEE. Each entry keeps the 672-bit weekly bitmap of its text
//!   and whether that bitmap is exact every week, except on public holidays, or never (dates,
//!   week numbers, minutes off the quarter-hour...).
//! * Each tree node keeps an [`HoursSummary`]: the hours of the week (168 bits) when
//!   at least one of its places with a trustworthy bitmap is open and in which locales, plus
//!   the groups of its places whose bitmap may not answer (4 groups per locale, so that an
//!   open place overseas never keeps a metropolitan subtree from being skipped). A query
//!   skips a subtree whose summary says nothing can be open.
//! * Per query, the local quarter-hour slot and the "public holiday or day after" flag are
//!   computed once per locale met (most queries meet one or two); a place is then tested with
//!   one bit of its bitmap. When the bitmap cannot answer (about 1% of real places), the place
//!   is set aside and decided at the end of the search, only if it would still be among the
//!   answers, once per entry and query (every place of an entry shares the answer): by the
//!   entry's exact schedule for the local week ([`OpeningHours::week`], then a binary search),
//!   computed once per (entry, week) and kept in the index for the following queries, since
//!   an exact evaluation costs microseconds.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use inclusion_model::hours::{
    Exceptions, Locale, SLOT_MINUTES, SLOTS_PER_WEEK, State, Territory, Tz, WeeklyForm, slot_of,
};
use inclusion_model::{OpeningHours, Place};

use crate::tree::{Point, Tree, Verdict};

/// The hours entry of a place without usable opening hours: never open.
pub(crate) const NO_HOURS: u32 = u32::MAX;

/// Slots per hour (4).
const SLOTS_PER_HOUR: u16 = (60 / SLOT_MINUTES) as u16;

/// Exact-evaluation groups: [`GROUPS_PER_LOCALE`] per locale.
const GROUPS: usize = 64;
const GROUPS_PER_LOCALE: usize = GROUPS / 16;

const _: () = assert!(Territory::ALL.len() <= 16, "locale masks are u16");

/// When the bitmap of an entry can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trust {
    /// Every week.
    Always,
    /// Every week, except on public holidays and the day after (`PH` rules).
    ExceptHolidays,
    /// Never: only the exact evaluation can tell.
    Never,
}

/// One distinct (text, locale) pair.
#[derive(Debug, Clone)]
struct Entry {
    hours: OpeningHours,
    form: WeeklyForm,
    locale: u8,
    trust: Trust,
    /// Exact-evaluation group: `locale × 4 + (rank among the locale's entries that may need
    /// the exact evaluation, mod 4)`.
    group: u8,
    /// Hour `h` of the week (Monday 00:00 = 0) is set when some slot of it is open.
    open_hours: [u64; 3],
}

/// The distinct opening hours and locales of the places of an index.
#[derive(Debug, Clone, Default)]
pub(crate) struct HoursTable {
    locales: Vec<Locale>,
    entries: Vec<Entry>,
    /// Per group, the entries that may need the exact evaluation (trust other than Always).
    groups: Vec<Vec<u32>>,
    cache: ExactCache,
}

/// Per node: when its places may be open.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct HoursSummary {
    open_hours: [u64; 3],
    /// Locales of places whose bitmap is trusted at least on ordinary days (bit = locale).
    locales: u16,
    /// Groups of places whose bitmap is not trusted on public holidays.
    holiday_groups: u64,
    /// Groups of places whose bitmap is never trusted.
    exact_groups: u64,
}

impl HoursSummary {
    pub(crate) fn merge(a: &HoursSummary, b: &HoursSummary) -> HoursSummary {
        let mut open_hours = a.open_hours;
        for (x, y) in open_hours.iter_mut().zip(b.open_hours) {
            *x |= y;
        }
        HoursSummary {
            open_hours,
            locales: a.locales | b.locales,
            holiday_groups: a.holiday_groups | b.holiday_groups,
            exact_groups: a.exact_groups | b.exact_groups,
        }
    }
}

impl HoursTable {
    /// Builds the table and gives each place its entry number ([`NO_HOURS`] when it has no
    /// usable hours).
    pub(crate) fn build(places: &[Place]) -> (HoursTable, Vec<u32>) {
        let mut table = HoursTable {
            groups: vec![Vec::new(); GROUPS],
            ..HoursTable::default()
        };
        let mut seen: HashMap<(&str, u8), u32> = HashMap::new();
        let ids = places
            .iter()
            .map(|place| {
                let Some(hours) = &place.opening_hours else {
                    return NO_HOURS;
                };
                let locale = place.hours_locale();
                let locale = match table.locales.iter().position(|l| *l == locale) {
                    Some(i) => i as u8,
                    None => {
                        table.locales.push(locale);
                        (table.locales.len() - 1) as u8
                    }
                };
                if let Some(&id) = seen.get(&(hours.as_str(), locale)) {
                    return id;
                }
                // Spread the locale's entries that may need the exact evaluation over its groups.
                let rank = table
                    .entries
                    .iter()
                    .filter(|e| e.locale == locale && e.trust != Trust::Always)
                    .count();
                let group = usize::from(locale) * GROUPS_PER_LOCALE + rank % GROUPS_PER_LOCALE;
                let Some(entry) = Entry::new(hours, locale, group as u8) else {
                    return NO_HOURS;
                };
                let id = table.entries.len() as u32;
                if entry.trust != Trust::Always {
                    table.groups[usize::from(entry.group)].push(id);
                }
                table.entries.push(entry);
                seen.insert((hours.as_str(), locale), id);
                id
            })
            .collect();
        (table, ids)
    }

    /// Whether no place has usable hours.
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Heap bytes of the table (the opening hours themselves are shared with the places).
    pub(crate) fn memory_bytes(&self) -> usize {
        self.entries.capacity() * size_of::<Entry>()
            + self.locales.capacity() * size_of::<Locale>()
            + self
                .groups
                .iter()
                .map(|g| size_of::<Vec<u32>>() + g.capacity() * 4)
                .sum::<usize>()
    }

    /// One summary per node of `tree` (none when no place has usable hours).
    pub(crate) fn summaries(&self, tree: &Tree) -> Vec<HoursSummary> {
        if self.is_empty() {
            return Vec::new();
        }
        tree.summarize(
            HoursSummary::default(),
            |s, p| self.add(s, p),
            HoursSummary::merge,
        )
    }

    /// Adds a point to a node summary.
    pub(crate) fn add(&self, summary: &mut HoursSummary, p: &Point) {
        let Some(e) = self.entries.get(p.hours as usize) else {
            return;
        };
        let group = 1u64 << e.group;
        match e.trust {
            Trust::Never => summary.exact_groups |= group,
            Trust::Always | Trust::ExceptHolidays => {
                if e.open_hours != [0; 3] {
                    summary.locales |= 1 << e.locale;
                    for (s, h) in summary.open_hours.iter_mut().zip(e.open_hours) {
                        *s |= h;
                    }
                }
                if e.trust == Trust::ExceptHolidays {
                    summary.holiday_groups |= group;
                }
            }
        }
    }

    /// Prepares an instant for one query (the local slots are computed on first use).
    pub(crate) fn at(&self, at: DateTime<Utc>) -> OpenAt {
        OpenAt {
            at,
            slots: [const { Cell::new(NOT_YET) }; 16],
            mondays: [const { Cell::new(i32::MIN) }; 16],
            entries: Memo::default(),
            groups: [const { Cell::new(UNKNOWN) }; GROUPS],
        }
    }

    /// The local slot of locale `l` at the query's instant, and whether the local date is a
    /// public holiday or the day after one (computed once per query and locale).
    fn slot(&self, q: &OpenAt, l: usize) -> (u16, bool) {
        let packed = q.slots[l].get();
        if packed != NOT_YET {
            return ((packed >> 1) as u16, packed & 1 == 1);
        }
        let Some(locale) = self.locales.get(l) else {
            return (0, true);
        };
        let local = q.at.with_timezone(&locale.tz);
        let slot = slot_of(local.weekday(), local.hour() * 60 + local.minute());
        let holiday = locale
            .territory
            .is_public_holiday_or_day_after(local.date_naive());
        q.slots[l].set(u32::from(slot) << 1 | u32::from(holiday));
        (slot, holiday)
    }

    /// The Monday of the local week of the query's instant in locale `l`, as days since
    /// 0001-01-01 (computed once per query and locale).
    fn local_monday(&self, q: &OpenAt, l: usize) -> i32 {
        let known = q.mondays[l].get();
        if known != i32::MIN {
            return known;
        }
        let tz = self.locales.get(l).map_or(Tz::UTC, |x| x.tz);
        let date = q.at.with_timezone(&tz).date_naive();
        let monday = date.num_days_from_ce() - date.weekday().num_days_from_monday() as i32;
        q.mondays[l].set(monday);
        monday
    }

    /// Whether a subtree summarised by `s` may hold a place open at `q`.
    #[inline]
    pub(crate) fn may_be_open(&self, q: &OpenAt, s: &HoursSummary) -> bool {
        let mut locales = s.locales;
        while locales != 0 {
            let l = locales.trailing_zeros() as usize;
            locales &= locales - 1;
            let hour = usize::from(self.slot(q, l).0 / SLOTS_PER_HOUR);
            if s.open_hours[hour / 64] & (1 << (hour % 64)) != 0 {
                return true;
            }
        }
        // Holiday rules only matter on a holiday: their entries answer by bitmap otherwise.
        let mut groups = s.exact_groups | s.holiday_groups;
        while groups != 0 {
            let g = groups.trailing_zeros() as usize;
            groups &= groups - 1;
            if self.group_may_be_open(q, g) {
                return true;
            }
        }
        false
    }

    /// Whether some entry of group `g` may be open, from what is known without running an
    /// exact evaluation (an entry not yet evaluated counts as "may be open"). Memoised.
    fn group_may_be_open(&self, q: &OpenAt, g: usize) -> bool {
        match q.groups[g].get() {
            OPEN => true,
            CLOSED => false,
            _ => {
                let mut unknown = false;
                for &id in &self.groups[g] {
                    match self.known(q, id as usize) {
                        Some(true) => {
                            q.groups[g].set(OPEN);
                            return true;
                        }
                        Some(false) => {}
                        None => unknown = true,
                    }
                }
                // Remember only a final answer: an entry not yet evaluated may be later.
                if !unknown {
                    q.groups[g].set(CLOSED);
                }
                unknown
            }
        }
    }

    /// Whether the places of entry `id` are open at `q`, when that is known without a new
    /// exact evaluation: from the bitmap, or from an exact answer already computed (in this
    /// query, or the week's schedule of the entry computed by an earlier query).
    fn known(&self, q: &OpenAt, id: usize) -> Option<bool> {
        let e = self.entries.get(id)?;
        let (slot, holiday) = self.slot(q, usize::from(e.locale));
        if let Some(open) = e.form.open_at_slot(slot, holiday) {
            return Some(open);
        }
        match q.entries.get(id) {
            OPEN => Some(true),
            CLOSED => Some(false),
            _ => {
                let week = self.local_monday(q, usize::from(e.locale));
                let cached = self.cache.get(id as u32, week, q.at.timestamp())?;
                q.remember(id, cached, self.entries.len());
                Some(cached)
            }
        }
    }

    /// Whether the places of entry `id` are open at `q`, running the exact evaluation if needed.
    fn entry_open(&self, q: &OpenAt, id: usize) -> bool {
        if let Some(open) = self.known(q, id) {
            return open;
        }
        let Some(e) = self.entries.get(id) else {
            return false;
        };
        let locale = self.locales[usize::from(e.locale)];
        let week = self.local_monday(q, usize::from(e.locale));
        // The whole local week at once: later queries of the same week need no evaluation.
        let schedule = NaiveDate::from_num_days_from_ce_opt(week)
            .and_then(|monday| e.hours.week(monday, locale));
        let mut open = None;
        if let Some(schedule) = schedule {
            let intervals: Schedule = schedule
                .intervals
                .iter()
                .map(|i| {
                    (
                        i.start.timestamp(),
                        i.end.timestamp(),
                        i.state == State::Open,
                    )
                })
                .collect();
            self.cache.put(id as u32, week, Arc::clone(&intervals));
            open = lookup(&intervals, q.at.timestamp());
        }
        let open = open.unwrap_or_else(|| e.hours.is_open_at(q.at, locale));
        q.remember(id, open, self.entries.len());
        open
    }

    /// Yes or no when the bitmap (or an exact answer already known) can tell, else later.
    #[inline]
    pub(crate) fn verdict(&self, q: &OpenAt, p: &Point) -> Verdict {
        if p.hours == NO_HOURS {
            return Verdict::No;
        }
        match self.known(q, p.hours as usize) {
            Some(true) => Verdict::Yes,
            Some(false) => Verdict::No,
            None => Verdict::Later,
        }
    }

    /// Whether the place of `p` is open at `q` (exact evaluation when needed).
    pub(crate) fn resolve(&self, q: &OpenAt, p: &Point) -> bool {
        p.hours != NO_HOURS && self.entry_open(q, p.hours as usize)
    }
}

/// Exact schedules by (entry, local week), shared by every query of an index: the week's
/// intervals of one entry (`OpeningHours::week`) answer every instant of that week, so
/// "open now" queries, and queries for other hours of the same week, need no new evaluation.
/// The cache is cleared when it holds [`ExactCache::CAPACITY`] weeks.
#[derive(Debug, Default)]
struct ExactCache(Mutex<HashMap<(u32, i32), Schedule>>);

/// A week as `(start, end, open)` intervals in Unix seconds, contiguous and sorted.
type Schedule = Arc<[(i64, i64, bool)]>;

/// Whether `t` (Unix seconds) falls in an open interval of `intervals` (sorted, contiguous);
/// `None` when no interval holds it.
fn lookup(intervals: &[(i64, i64, bool)], t: i64) -> Option<bool> {
    let i = intervals.partition_point(|iv| iv.1 <= t);
    intervals.get(i).filter(|iv| iv.0 <= t).map(|iv| iv.2)
}

impl ExactCache {
    const CAPACITY: usize = 1 << 14;

    fn get(&self, entry: u32, week: i32, t: i64) -> Option<bool> {
        let map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        lookup(map.get(&(entry, week))?, t)
    }

    fn put(&self, entry: u32, week: i32, intervals: Schedule) {
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= Self::CAPACITY {
            map.clear();
        }
        map.insert((entry, week), intervals);
    }
}

impl Clone for ExactCache {
    fn clone(&self) -> ExactCache {
        ExactCache::default()
    }
}

impl Entry {
    /// The entry of a text, or `None` when it cannot be evaluated (never open).
    fn new(hours: &OpeningHours, locale: u8, group: u8) -> Option<Entry> {
        let form = hours.weekly_form();
        let trust = if form.exceptions.is_empty() {
            Trust::Always
        } else if form.exceptions == Exceptions::HOLIDAYS {
            Trust::ExceptHolidays
        } else if form.exceptions == Exceptions::NOT_EVALUABLE || !hours.is_valid() {
            return None;
        } else {
            Trust::Never
        };
        let mut open_hours = [0u64; 3];
        for slot in 0..SLOTS_PER_WEEK as u16 {
            if form.bitmap.is_open_at_slot(slot) {
                let h = usize::from(slot / SLOTS_PER_HOUR);
                open_hours[h / 64] |= 1 << (h % 64);
            }
        }
        Some(Entry {
            hours: hours.clone(),
            form,
            locale,
            trust,
            group,
            open_hours,
        })
    }
}

const NOT_YET: u32 = u32::MAX;
const UNKNOWN: u8 = 0;
const CLOSED: u8 = 1;
const OPEN: u8 = 2;

/// An instant resolved for one query: local slots per locale, and the answers of the exact
/// evaluations made so far (interior mutability: the search only holds shared references).
#[derive(Debug)]
pub(crate) struct OpenAt {
    at: DateTime<Utc>,
    /// Per locale: `slot << 1 | holiday`, or [`NOT_YET`].
    slots: [Cell<u32>; 16],
    /// Per locale: the local Monday of the instant (days since 0001-01-01), or `i32::MIN`.
    mondays: [Cell<i32>; 16],
    entries: Memo,
    groups: [Cell<u8>; GROUPS],
}

impl OpenAt {
    /// Keeps an exact answer for the rest of the query.
    fn remember(&self, id: usize, open: bool, entries: usize) {
        if self.entries.len() != entries {
            self.entries.set_len(entries);
        }
        self.entries.set(id, if open { OPEN } else { CLOSED });
    }
}

/// Answers per entry (UNKNOWN, CLOSED, OPEN), allocated on the first exact answer.
#[derive(Debug, Default)]
struct Memo(std::cell::RefCell<Vec<u8>>);

impl Memo {
    fn len(&self) -> usize {
        self.0.borrow().len()
    }
    fn set_len(&self, n: usize) {
        self.0.borrow_mut().resize(n, UNKNOWN);
    }
    fn get(&self, i: usize) -> u8 {
        self.0.borrow().get(i).copied().unwrap_or(UNKNOWN)
    }
    fn set(&self, i: usize, v: u8) {
        if let Some(x) = self.0.borrow_mut().get_mut(i) {
            *x = v;
        }
    }
}
