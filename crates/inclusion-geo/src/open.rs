//! The "open at this instant" filter: weekly bitmaps per place, summaries per tree node.
//!
//! * At build time every place with parseable `horaires` gets an entry of a small table of
//!   distinct (text, locale) pairs: real files repeat a few hundred texts, so a place stores
//!   only a `u32` entry number. The locale (time zone, public holidays, school zone) comes from
//!   the place's postcode and code INSEE. Each entry keeps the 672-bit weekly bitmap of its text
//!   and whether that bitmap is exact every week, except on public holidays, or never (dates,
//!   week numbers, minutes off the quarter-hour...).
//! * Each tree node keeps an [`HoursSummary`]: the hours of the week (168 bits) when at least
//!   one of its places with a trustworthy bitmap is open and in which locales, plus the groups
//!   of its places whose bitmap may not answer: never (32 groups of entries) or on public
//!   holidays (32 other groups, and the locales of these places, so that these groups are
//!   looked at only on a holiday). A query skips a subtree whose summary says nothing can be
//!   open; it decides a group once (open when one of its entries may be open).
//! * An instant is resolved once per query ([`OpenAt`]), lazily per locale met: the local
//!   quarter-hour slot and whether the local date is a public holiday or the day after one.
//!   Both are kept in small lock-free caches shared by the queries of an index (per locale and
//!   UTC quarter-hour, per locale and local date), since converting to local time and computing
//!   the holidays cost far more than a query's tree walk. A place is then tested with one bit of
//!   its bitmap. When the bitmap cannot answer (about 1% of real places), the place is set aside
//!   and decided at the end of the search, only if it would still be among the answers, once
//!   per entry and query (every place of an entry shares the answer): by the entry's exact
//!   schedule for the local week ([`OpeningHours::week`], then a binary search), computed once
//!   per (entry, week) and kept in the index for the following queries, since an exact
//!   evaluation costs tens of microseconds.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use inclusion_model::criteria::CriteriaMasks;
use inclusion_model::hours::{
    Exceptions, Locale, SLOT_MINUTES, SLOTS_PER_WEEK, State, Territory, Tz, WeeklyForm, slot_of,
};
use inclusion_model::{OpeningHours, Place};
use rustc_hash::FxHashMap;

use crate::filter::{MaskFilter, PointMasks};
use crate::tree::{Filter, Tree, Verdict};

/// The hours entry of a place without usable opening hours: never open.
pub(crate) const NO_HOURS: u32 = u32::MAX;

/// Slots per hour (4).
const SLOTS_PER_HOUR: u16 = (60 / SLOT_MINUTES) as u16;

/// Locales with their own bit in node summaries and their own slot in a query's state. A
/// place's locale is its territory (13) with, only for hours that use `SH`, a metropolitan
/// school zone (3): at most 19 exist. Places of further locales would still be answered
/// exactly, through the exact-evaluation groups.
const LOCALES: usize = 32;

/// Groups of entries that need the exact evaluation, of each kind (never trusted, not trusted
/// on public holidays): the `n`-th entry of a kind is in group `n mod GROUPS`.
const GROUPS: usize = 32;

const _: () = assert!(Territory::ALL.len() + 3 <= LOCALES);

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
    form: WeeklyForm,
    locale: u8,
    /// How node summaries see this entry.
    seen: Seen,
    /// Hour `h` of the week (Monday 00:00 = 0) is set when some slot of it is open.
    open_hours: [u64; 3],
    hours: OpeningHours,
}

/// How node summaries see an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// By its open hours (it is trusted always).
    Hours,
    /// By its open hours, and on public holidays by its group of holiday entries.
    Holiday(u8),
    /// By its group of exact entries only (never trusted, or its locale has no bit of its own).
    Exact(u8),
}

/// The distinct opening hours and locales of the places of an index, and what queries learn
/// about them (local times, holidays, exact schedules), shared by every query.
#[derive(Debug, Clone, Default)]
pub(crate) struct HoursTable {
    locales: Vec<Locale>,
    entries: Vec<Entry>,
    /// Per group, its entries: never trusted, and trusted except on public holidays.
    exact_groups: Vec<Vec<u32>>,
    holiday_groups: Vec<Vec<u32>>,
    exact: ExactCache,
    local: LocalCache,
}

/// Per node: when its places may be open. 40 bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HoursSummary {
    open_hours: [u64; 3],
    /// Groups of places whose bitmap is never trusted.
    exact: u32,
    /// Groups of places whose bitmap is not trusted on public holidays, and their locales.
    holiday: u32,
    holiday_locales: u32,
    /// Locales of places whose bitmap is trusted at least on ordinary days (bit = locale).
    locales: u32,
}

impl HoursSummary {
    const EMPTY: HoursSummary = HoursSummary {
        open_hours: [0; 3],
        exact: 0,
        holiday: 0,
        holiday_locales: 0,
        locales: 0,
    };

    fn merge(a: &HoursSummary, b: &HoursSummary) -> HoursSummary {
        HoursSummary {
            open_hours: [
                a.open_hours[0] | b.open_hours[0],
                a.open_hours[1] | b.open_hours[1],
                a.open_hours[2] | b.open_hours[2],
            ],
            exact: a.exact | b.exact,
            holiday: a.holiday | b.holiday,
            holiday_locales: a.holiday_locales | b.holiday_locales,
            locales: a.locales | b.locales,
        }
    }
}

/// The hours of the indexed places: the table, each point's entry (tree order), each node's
/// summary.
#[derive(Debug, Clone, Default)]
pub(crate) struct HoursIndex {
    table: HoursTable,
    points: Vec<u32>,
    nodes: Vec<HoursSummary>,
}

impl HoursTable {
    /// Builds the table and gives each place its entry number ([`NO_HOURS`] when it has no
    /// usable hours).
    pub(crate) fn build(places: &[Place]) -> (HoursTable, Vec<u32>) {
        let mut table = HoursTable {
            exact_groups: vec![Vec::new(); GROUPS],
            holiday_groups: vec![Vec::new(); GROUPS],
            ..HoursTable::default()
        };
        // A place's locale depends only on its postcode, code INSEE and whether its hours use
        // school holidays (`Place::hours_locale`), and finding it costs a few microseconds:
        // it is computed once per distinct triple.
        let mut locale_of: FxHashMap<(&str, Option<&str>, bool), u8> = FxHashMap::default();
        let mut seen: FxHashMap<(&str, u8), u32> = FxHashMap::default();
        let ids = places
            .iter()
            .map(|place| {
                let Some(hours) = &place.opening_hours else {
                    return NO_HOURS;
                };
                let key = (
                    place.address.postcode.as_str(),
                    place.address.insee_code.as_deref(),
                    hours.uses_school_holidays(),
                );
                let locale = *locale_of.entry(key).or_insert_with(|| {
                    let locale = place.hours_locale();
                    match table.locales.iter().position(|l| *l == locale) {
                        Some(i) => i as u8,
                        None => {
                            table.locales.push(locale);
                            (table.locales.len() - 1) as u8
                        }
                    }
                });
                if let Some(&id) = seen.get(&(hours.as_str(), locale)) {
                    return id;
                }
                let id = match Entry::new(hours, locale, &table) {
                    None => NO_HOURS,
                    Some(entry) => {
                        let id = table.entries.len() as u32;
                        match entry.seen {
                            Seen::Hours => {}
                            Seen::Exact(g) => table.exact_groups[usize::from(g)].push(id),
                            Seen::Holiday(g) => table.holiday_groups[usize::from(g)].push(id),
                        }
                        table.entries.push(entry);
                        id
                    }
                };
                seen.insert((hours.as_str(), locale), id);
                id
            })
            .collect();
        (table, ids)
    }

    /// Heap bytes of the table (the opening hours themselves are shared with the places).
    fn memory_bytes(&self) -> usize {
        self.entries.capacity() * size_of::<Entry>()
            + self.locales.capacity() * size_of::<Locale>()
            + (self.exact_groups.iter().chain(&self.holiday_groups))
                .map(|g| size_of::<Vec<u32>>() + g.capacity() * 4)
                .sum::<usize>()
            + size_of::<LocalCache>()
    }

    /// Adds an entry to a node summary.
    fn add(&self, summary: &mut HoursSummary, entry: u32) {
        let Some(e) = self.entries.get(entry as usize) else {
            return;
        };
        match e.seen {
            Seen::Hours => {}
            Seen::Exact(g) => {
                summary.exact |= 1 << g;
                return;
            }
            Seen::Holiday(g) => {
                summary.holiday |= 1 << g;
                summary.holiday_locales |= 1 << e.locale;
            }
        }
        if e.open_hours != [0; 3] {
            summary.locales |= 1 << e.locale;
            for (s, h) in summary.open_hours.iter_mut().zip(e.open_hours) {
                *s |= h;
            }
        }
    }
}

impl HoursIndex {
    /// The hours of the points of `tree`: `entries` gives each point's entry, in tree order.
    pub(crate) fn new(table: HoursTable, tree: &Tree, points: Vec<u32>) -> HoursIndex {
        let nodes = if table.entries.is_empty() {
            Vec::new()
        } else {
            tree.summarize(
                HoursSummary::EMPTY,
                |r| {
                    let mut s = HoursSummary::EMPTY;
                    for &e in &points[r] {
                        table.add(&mut s, e);
                    }
                    s
                },
                HoursSummary::merge,
            )
        };
        HoursIndex {
            table,
            points,
            nodes,
        }
    }

    /// Whether no place has usable hours.
    pub(crate) fn is_empty(&self) -> bool {
        self.table.entries.is_empty()
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.table.memory_bytes()
            + self.points.capacity() * size_of::<u32>()
            + self.nodes.capacity() * size_of::<HoursSummary>()
    }

    /// The local slot of locale `l` at the instant (with [`HOLIDAY`] set when the local date
    /// is a public holiday or the day after one), computed once per query and locale.
    #[inline(always)]
    fn slot(&self, q: &mut OpenAt, l: usize) -> u16 {
        match q.slots.get(l) {
            Some(&s) if s != NOT_YET => s,
            _ => self.compute_slot(q, l),
        }
    }

    #[cold]
    #[inline(never)]
    fn compute_slot(&self, q: &mut OpenAt, l: usize) -> u16 {
        let s = self.table.local.slot(&self.table.locales, l, q.at);
        if let Some(x) = q.slots.get_mut(l) {
            *x = s;
        }
        s
    }

    /// The Monday of the local week of the query's instant in locale `l`, as days since
    /// 0001-01-01 (computed once per query and locale).
    fn local_monday(&self, q: &mut OpenAt, l: usize) -> i32 {
        if let Some(&known) = q.mondays.get(l)
            && known != i32::MIN
        {
            return known;
        }
        let tz = self.table.locales.get(l).map_or(Tz::UTC, |x| x.tz);
        let date = q.at.with_timezone(&tz).date_naive();
        let monday = date.num_days_from_ce() - date.weekday().num_days_from_monday() as i32;
        if let Some(x) = q.mondays.get_mut(l) {
            *x = monday;
        }
        monday
    }

    /// Whether node `i` may hold a place open at `q`.
    #[inline(always)]
    fn may_be_open(&self, q: &mut OpenAt, i: usize) -> bool {
        let Some(s) = self.nodes.get(i) else {
            return false;
        };
        let mut locales = s.locales;
        while locales != 0 {
            let l = locales.trailing_zeros() as usize;
            locales &= locales - 1;
            let hour = usize::from((self.slot(q, l) & SLOT_BITS) / SLOTS_PER_HOUR);
            if (s.open_hours[hour / 64] >> (hour % 64)) & 1 != 0 {
                return true;
            }
        }
        if s.exact != 0 && self.groups_may_be_open(q, EXACT, s.exact) {
            return true;
        }
        // Holiday entries answer by their bitmap (in `open_hours`) except on a holiday.
        if s.holiday != 0 {
            let mut locales = s.holiday_locales;
            while locales != 0 {
                let l = locales.trailing_zeros() as usize;
                locales &= locales - 1;
                if self.slot(q, l) & HOLIDAY != 0 {
                    return self.groups_may_be_open(q, HOLIDAYS, s.holiday);
                }
            }
        }
        false
    }

    /// Whether one of the groups `groups` of kind `kind` ([`EXACT`] or [`HOLIDAYS`]) may hold
    /// an open place.
    #[inline(always)]
    fn groups_may_be_open(&self, q: &mut OpenAt, kind: usize, groups: u32) -> bool {
        let [open, closed] = q.groups[kind];
        if groups & open != 0 {
            return true;
        }
        let unknown = groups & !closed;
        unknown != 0 && self.decide_groups(q, kind, unknown)
    }

    /// Decides the groups `groups` of kind `kind` (not yet known in this query): open when one
    /// of their entries is open or not known without an exact evaluation, closed otherwise.
    /// Returns whether one of them is open.
    #[cold]
    #[inline(never)]
    fn decide_groups(&self, q: &mut OpenAt, kind: usize, groups: u32) -> bool {
        let lists = if kind == EXACT {
            &self.table.exact_groups
        } else {
            &self.table.holiday_groups
        };
        let mut rest = groups;
        while rest != 0 {
            let g = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let open = lists[g]
                .iter()
                .any(|&id| self.known(q, id as usize) != Some(false));
            q.groups[kind][usize::from(!open)] |= 1 << g;
        }
        groups & q.groups[kind][0] != 0
    }

    /// Whether the places of entry `id` are open at `q`, when that is known without a new
    /// exact evaluation: from the bitmap, or from an exact answer already computed (in this
    /// query, or the week's schedule of the entry computed by an earlier query).
    #[inline(always)]
    fn known(&self, q: &mut OpenAt, id: usize) -> Option<bool> {
        let e = self.table.entries.get(id)?;
        let s = self.slot(q, usize::from(e.locale));
        match e.form.open_at_slot(s & SLOT_BITS, s & HOLIDAY != 0) {
            Some(open) => Some(open),
            None => self.known_exactly(q, id, e),
        }
    }

    /// [`HoursIndex::known`] for an entry whose bitmap cannot answer.
    #[inline(never)]
    fn known_exactly(&self, q: &mut OpenAt, id: usize, e: &Entry) -> Option<bool> {
        match q.memo(id, self.table.entries.len()) {
            OPEN => Some(true),
            CLOSED => Some(false),
            NOT_CACHED => None,
            _ => {
                let week = self.local_monday(q, usize::from(e.locale));
                let cached = self.table.exact.get(id as u32, week, q.at.timestamp());
                q.remember(id, cached.map_or(NOT_CACHED, state));
                cached
            }
        }
    }

    /// Whether the places of entry `id` are open at `q`, running the exact evaluation if needed.
    fn entry_open(&self, q: &mut OpenAt, id: usize) -> bool {
        let Some(e) = self.table.entries.get(id) else {
            return false;
        };
        if let Some(open) = self.known(q, id) {
            return open;
        }
        let week = self.local_monday(q, usize::from(e.locale));
        // Another query may have computed it since this one looked.
        if let Some(open) = self.table.exact.get(id as u32, week, q.at.timestamp()) {
            q.remember(id, state(open));
            return open;
        }
        let locale = self.table.locales[usize::from(e.locale)];
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
            open = lookup(&intervals, q.at.timestamp());
            self.table.exact.put(id as u32, week, intervals);
        }
        let open = open.unwrap_or_else(|| e.hours.is_open_at(q.at, locale));
        q.remember(id, state(open));
        open
    }

    /// Yes or no when the bitmap (or an exact answer already known) can tell, else later.
    #[inline(always)]
    fn verdict(&self, q: &mut OpenAt, pos: usize) -> Verdict {
        let id = self.points[pos];
        if id == NO_HOURS {
            return Verdict::No;
        }
        match self.known(q, id as usize) {
            Some(true) => Verdict::Yes,
            Some(false) => Verdict::No,
            None => Verdict::Later,
        }
    }

    /// Whether the place at tree position `pos` is open at `q` (exact evaluation when needed).
    fn resolve(&self, q: &mut OpenAt, pos: usize) -> bool {
        let id = self.points[pos];
        id != NO_HOURS && self.entry_open(q, id as usize)
    }
}

/// "Open at" (and the criteria, when there are any) as a tree filter.
pub(crate) struct OpenFilter<'a> {
    pub(crate) criteria: Option<MaskFilter<'a>>,
    pub(crate) hours: &'a HoursIndex,
    pub(crate) at: &'a mut OpenAt,
}

impl<'a> OpenFilter<'a> {
    /// The filter of `masks` (ignored when empty) and the instant `at`.
    pub(crate) fn new(
        masks: &'a CriteriaMasks,
        points: &'a PointMasks,
        hours: &'a HoursIndex,
        at: &'a mut OpenAt,
    ) -> OpenFilter<'a> {
        OpenFilter {
            criteria: (!masks.is_empty()).then_some(MaskFilter { masks, points }),
            hours,
            at,
        }
    }
}

impl Filter for OpenFilter<'_> {
    #[inline(always)]
    fn node(&mut self, i: usize) -> bool {
        self.criteria.as_mut().is_none_or(|c| c.node(i)) && self.hours.may_be_open(self.at, i)
    }
    #[inline(always)]
    fn point(&mut self, pos: usize) -> Verdict {
        if let Some(c) = &mut self.criteria
            && c.point(pos) == Verdict::No
        {
            return Verdict::No;
        }
        self.hours.verdict(self.at, pos)
    }
    fn resolve(&mut self, pos: usize) -> bool {
        self.hours.resolve(self.at, pos)
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

/// The local slot of a locale per UTC quarter-hour, and whether a local date is a public
/// holiday or the day after one, in two small direct-mapped caches of self-checking words
/// (key and answer in one atomic `u64`, so a word read is either a whole answer or a miss):
/// any number of threads read and write them without locks.
struct LocalCache {
    slots: [AtomicU64; 256],
    holidays: [AtomicU64; 64],
}

impl Default for LocalCache {
    fn default() -> LocalCache {
        LocalCache {
            slots: [const { AtomicU64::new(0) }; 256],
            holidays: [const { AtomicU64::new(0) }; 64],
        }
    }
}

impl Clone for LocalCache {
    fn clone(&self) -> LocalCache {
        LocalCache::default()
    }
}

impl std::fmt::Debug for LocalCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LocalCache")
    }
}

/// A word of [`LocalCache`] holds a 16-bit answer, this flag, and a key in the bits from
/// [`KEY_SHIFT`] up.
const VALID: u64 = 1 << 16;
const KEY_SHIFT: u32 = 17;
const KEY_BITS: u64 = !((1 << KEY_SHIFT) - 1);

/// Mixes a key into a cache index of `bits` bits.
fn mix(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

impl LocalCache {
    /// The local slot of locale `l` at `at`, with [`HOLIDAY`] set on a public holiday or the
    /// day after one.
    fn slot(&self, locales: &[Locale], l: usize, at: DateTime<Utc>) -> u16 {
        let Some(locale) = locales.get(l) else {
            return HOLIDAY;
        };
        let t = at.timestamp();
        let quarter = t.div_euclid(900);
        // Key: the quarter-hour (39 bits, about 15 million years around 1970) and the locale.
        let q = quarter.wrapping_add(1 << 38) as u64;
        let cacheable = q < 1 << 39 && l < 256;
        let key = (q << 8 | l as u64) << KEY_SHIFT;
        let word = &self.slots[mix(key, 8)];
        if cacheable {
            let w = word.load(Ordering::Relaxed);
            if w & KEY_BITS == key && w & VALID != 0 {
                return w as u16;
            }
        }
        let local = |t: i64| DateTime::from_timestamp(t, 0).map(|u| u.with_timezone(&locale.tz));
        let slot_of_local = |d: &DateTime<Tz>| slot_of(d.weekday(), d.hour() * 60 + d.minute());
        let here = at.with_timezone(&locale.tz);
        let slot = slot_of_local(&here);
        let holiday = self.holiday(locale.territory, l, here.date_naive());
        let answer = slot | if holiday { HOLIDAY } else { 0 };
        // The whole quarter-hour has the same answer when its first and last seconds have the
        // same local slot, date and offset (no change of offset in between).
        if cacheable
            && let (Some(first), Some(last)) = (local(quarter * 900), local(quarter * 900 + 899))
            && slot_of_local(&first) == slot
            && slot_of_local(&last) == slot
            && first.date_naive() == last.date_naive()
            && first.offset() == last.offset()
        {
            word.store(key | VALID | u64::from(answer), Ordering::Relaxed);
        }
        answer
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

impl Entry {
    /// The entry of a text, or `None` when it cannot be evaluated (never open).
    fn new(hours: &OpeningHours, locale: u8, table: &HoursTable) -> Option<Entry> {
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
            form,
            locale,
            seen: match trust {
                _ if usize::from(locale) >= LOCALES => Seen::Exact(next(&table.exact_groups)),
                Trust::Always => Seen::Hours,
                Trust::ExceptHolidays => Seen::Holiday(next(&table.holiday_groups)),
                Trust::Never => Seen::Exact(next(&table.exact_groups)),
            },
            open_hours,
            hours: hours.clone(),
        })
    }
}

/// The slot bits of a local slot word (slots < 672 < 2^10).
const SLOT_BITS: u16 = 0x3FF;
/// The flag of a local slot word for a public holiday or the day after one.
const HOLIDAY: u16 = 1 << 15;
/// A locale whose local slot is not computed yet.
const NOT_YET: u16 = u16::MAX;

/// An entry's exact answer in this query: not looked up, closed, open, or not in the
/// index's cache of exact schedules.
const UNKNOWN: u8 = 0;
const CLOSED: u8 = 1;
const OPEN: u8 = 2;
const NOT_CACHED: u8 = 3;

fn state(open: bool) -> u8 {
    if open { OPEN } else { CLOSED }
}

/// An instant resolved for one query (or one batch of queries at the same instant): the local
/// slots per locale, and what is known of the exact-evaluation groups and entries.
#[derive(Debug)]
pub(crate) struct OpenAt {
    at: DateTime<Utc>,
    /// Per locale: `slot | HOLIDAY`, or [`NOT_YET`].
    slots: [u16; LOCALES],
    /// Per locale: the local Monday of the instant (days since 0001-01-01), or `i32::MIN`.
    mondays: [i32; LOCALES],
    /// Per entry: UNKNOWN, CLOSED, OPEN or NOT_CACHED (allocated on first use).
    entries: Vec<u8>,
    /// Per kind of group ([`EXACT`], [`HOLIDAYS`]): the groups known to hold a place open (or
    /// not decided without an exact evaluation), and those known to hold none.
    groups: [[u32; 2]; 2],
}

/// The kinds of groups, in [`OpenAt::groups`].
const EXACT: usize = 0;
const HOLIDAYS: usize = 1;

/// The group of the next entry of a kind: entries are spread over the groups in turn.
fn next(groups: &[Vec<u32>]) -> u8 {
    let n: usize = groups.iter().map(Vec::len).sum();
    (n % GROUPS) as u8
}

impl OpenAt {
    /// The instant `at`, nothing computed yet.
    pub(crate) fn new(at: DateTime<Utc>) -> OpenAt {
        OpenAt {
            at,
            slots: [NOT_YET; LOCALES],
            mondays: [i32::MIN; LOCALES],
            entries: Vec::new(),
            groups: [[0; 2]; 2],
        }
    }

    fn memo(&mut self, id: usize, entries: usize) -> u8 {
        if self.entries.len() != entries {
            self.entries.resize(entries, UNKNOWN);
        }
        self.entries.get(id).copied().unwrap_or(UNKNOWN)
    }

    /// Keeps an exact answer for the rest of the query.
    fn remember(&mut self, id: usize, answer: u8) {
        if let Some(x) = self.entries.get_mut(id) {
            *x = answer;
        }
    }
}
