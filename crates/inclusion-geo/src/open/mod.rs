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
//!   of its places whose bitmap may not answer: never, or on public holidays (one group of
//!   each kind per locale, the latter looked at only when one of the node's locales is on a
//!   holiday). A query skips a subtree whose summary says nothing can be open; it decides a
//!   group once (open when one of its entries may be open).
//! * An instant is resolved once per query ([`OpenAt`]), lazily per locale met: its local time
//!   ([`local`]). A place is then tested with one bit of its bitmap. When the bitmap cannot
//!   answer (about 1% of real places), the place is set aside and decided at the end of the
//!   search, only if it would still be among the answers, once per class of entries and query:
//!   by the class's exact schedule for the local week, computed once and kept for the
//!   following queries ([`exact`]).
//! * The places that may be open at quiet hours (evenings, lunchtime, Sundays) also have a
//!   tree of their own ([`quiet`]: which places, and when), searched first when the query's
//!   hour is quiet.

mod exact;
mod local;
mod quiet;

use chrono::{DateTime, NaiveDate, Utc};
use inclusion_model::hours::{
    Exceptions, Locale, SLOT_MINUTES, SLOTS_PER_WEEK, State, Territory, WeeklyForm,
};
use inclusion_model::{OpeningHours, Place};
use inclusion_territory::Departement;
use rustc_hash::FxHashMap;

use crate::filter::MaskFilter;
use crate::tree::{Filter, Tree, Verdict};
use exact::{ExactCache, Schedule, local_time_locale, lookup};
use local::{Local, LocalTimes};
use quiet::{EntryHours, Quiet};

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
/// on public holidays): one per locale (modulo 16).
const GROUPS: usize = 16;

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
    /// Its class for exact answers (see [`exact`]).
    class: u32,
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
    /// Per class of entries (see [`exact`]), the locale in which it is evaluated.
    classes: Vec<Locale>,
    exact: ExactCache,
    local: LocalTimes,
}

/// Per node: when its places may be open. 32 bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HoursSummary {
    open_hours: [u64; 3],
    /// Locales of places whose bitmap is trusted at least on ordinary days (bit = locale).
    locales: u32,
    /// Groups of places whose bitmap is never trusted.
    exact: u16,
    /// Groups of places whose bitmap is not trusted on public holidays (their locales are
    /// in `locales`).
    holiday: u16,
}

impl HoursSummary {
    const EMPTY: HoursSummary = HoursSummary {
        open_hours: [0; 3],
        locales: 0,
        exact: 0,
        holiday: 0,
    };

    fn merge(a: &HoursSummary, b: &HoursSummary) -> HoursSummary {
        HoursSummary {
            open_hours: [
                a.open_hours[0] | b.open_hours[0],
                a.open_hours[1] | b.open_hours[1],
                a.open_hours[2] | b.open_hours[2],
            ],
            locales: a.locales | b.locales,
            exact: a.exact | b.exact,
            holiday: a.holiday | b.holiday,
        }
    }
}

/// The hours of the indexed places: the table, each point's entry (main-tree order), the
/// quiet hours.
#[derive(Debug, Clone, Default)]
pub(crate) struct HoursIndex {
    table: HoursTable,
    points: Vec<u32>,
    quiet: Option<Quiet>,
}

impl HoursTable {
    /// A table to fill place by place ([`TableBuilder::entry`]).
    pub(crate) fn builder<'a>() -> TableBuilder<'a> {
        TableBuilder {
            table: HoursTable {
                exact_groups: vec![Vec::new(); GROUPS],
                holiday_groups: vec![Vec::new(); GROUPS],
                ..HoursTable::default()
            },
            texts: FxHashMap::default(),
            by_address: FxHashMap::default(),
            by_hours_and_departement: FxHashMap::default(),
            locale_of: FxHashMap::default(),
            seen: FxHashMap::default(),
            classes: FxHashMap::default(),
        }
    }

    /// Heap bytes of the table (the opening hours themselves are shared with the places).
    fn memory_bytes(&self) -> usize {
        self.entries.capacity() * size_of::<Entry>()
            + self.locales.capacity() * size_of::<Locale>()
            + (self.exact_groups.iter().chain(&self.holiday_groups))
                .map(|g| size_of::<Vec<u32>>() + g.capacity() * 4)
                .sum::<usize>()
            + self.classes.capacity() * size_of::<Locale>()
            + size_of::<LocalTimes>()
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
                // Its locale is in `locales` even when its bitmap is never open: a holiday in
                // that locale makes the node look at its group.
                summary.holiday |= 1 << g;
                summary.locales |= 1 << e.locale;
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

/// Builds a [`HoursTable`] from the places, one at a time (so that the index reads each place
/// once).
///
/// Distinct texts first (a place's text is found by its address when places share their
/// opening hours, clones or a `HoursCache`, else hashed once), then the locale: it depends
/// only on the place's département (from its codes, read from small tables) and whether the
/// hours use school holidays ([`Locale::of_departement`], as `Place::hours_locale`), so it is
/// computed once per département and flag, in a map of a hundred-odd entries that stays in
/// the cache (keyed by the postcode and code INSEE, it held one entry per distinct pair,
/// tens of thousands, each lookup a cache miss); an entry is then found by two small
/// numbers.
pub(crate) struct TableBuilder<'a> {
    table: HoursTable,
    texts: FxHashMap<&'a str, (u32, bool)>,
    by_address: FxHashMap<usize, (u32, bool)>,
    /// The entry of each (address of the hours' text, département by address) met: a place
    /// whose hours and département were met before takes its entry from one lookup, where the
    /// text, the locale and the entry are three.
    by_hours_and_departement: FxHashMap<(usize, usize), u32>,
    /// Per département (by address; 0 when not known) and use of school holidays, the
    /// locale's number.
    locale_of: FxHashMap<(usize, bool), u8>,
    seen: FxHashMap<(u32, u8), u32>,
    /// Classes for exact answers: a text alone, or with its locale when it has holiday rules
    /// (see [`exact`]).
    classes: FxHashMap<(u32, Option<u8>), u32>,
}

impl<'a> TableBuilder<'a> {
    /// The entry number of a place ([`NO_HOURS`] when it has no usable hours).
    pub(crate) fn entry(&mut self, place: &'a Place) -> u32 {
        let Some(hours) = &place.opening_hours else {
            return NO_HOURS;
        };
        let departement =
            Departement::of_codes(&place.address.postcode, place.address.insee_code.as_deref());
        let departement_key = departement.map_or(0, |d| std::ptr::from_ref(d) as usize);
        let address = hours.as_str().as_ptr() as usize;
        if let Some(&id) = self
            .by_hours_and_departement
            .get(&(address, departement_key))
        {
            return id;
        }
        let texts = &mut self.texts;
        let (text, school) = *self.by_address.entry(address).or_insert_with(|| {
            let next = texts.len() as u32;
            *texts
                .entry(hours.as_str())
                .or_insert_with(|| (next, hours.uses_school_holidays()))
        });
        let table = &mut self.table;
        let key = (departement_key, school);
        let locale = *self.locale_of.entry(key).or_insert_with(|| {
            let locale = Locale::of_departement(departement, school);
            match table.locales.iter().position(|l| *l == locale) {
                Some(i) => i as u8,
                None => {
                    table.locales.push(locale);
                    (table.locales.len() - 1) as u8
                }
            }
        });
        if let Some(&id) = self.seen.get(&(text, locale)) {
            self.by_hours_and_departement
                .insert((address, departement_key), id);
            return id;
        }
        let id = match Entry::new(hours, locale) {
            None => NO_HOURS,
            Some(mut entry) => {
                let holiday_rules = entry.form.exceptions.contains(Exceptions::HOLIDAYS);
                let key = (text, holiday_rules.then_some(locale));
                entry.class = *self.classes.entry(key).or_insert_with(|| {
                    let l = table.locales[usize::from(locale)];
                    table.classes.push(local_time_locale(l, holiday_rules));
                    (table.classes.len() - 1) as u32
                });
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
        self.seen.insert((text, locale), id);
        self.by_hours_and_departement
            .insert((address, departement_key), id);
        id
    }

    /// The table.
    pub(crate) fn finish(self) -> HoursTable {
        self.table
    }
}

impl HoursIndex {
    /// The hours of the points: `points` gives each point's entry, in main-tree order.
    pub(crate) fn new(table: HoursTable, points: Vec<u32>) -> HoursIndex {
        let entries: Vec<EntryHours> = table
            .entries
            .iter()
            .map(|e| EntryHours {
                locale: e.locale,
                open_hours: e.open_hours,
                exact: matches!(e.seen, Seen::Exact(_)),
            })
            .collect();
        let quiet = Quiet::new(&entries, &points);
        HoursIndex {
            table,
            points,
            quiet,
        }
    }

    /// The summary of each node of `tree`, whose tree position `pos` is the main-tree
    /// position `main(pos)` (none when no place has hours).
    pub(crate) fn summaries(
        &self,
        tree: &Tree,
        main: impl Fn(usize) -> usize,
    ) -> Vec<HoursSummary> {
        if self.is_empty() {
            return Vec::new();
        }
        tree.summarize(
            HoursSummary::EMPTY,
            |r| {
                let mut s = HoursSummary::EMPTY;
                for pos in r {
                    self.table.add(&mut s, self.points[main(pos)]);
                }
                s
            },
            HoursSummary::merge,
        )
    }

    /// The main-tree positions of the places of the quiet subset (none without quiet hours).
    pub(crate) fn quiet_positions(&self) -> Vec<u32> {
        let Some(quiet) = &self.quiet else {
            return Vec::new();
        };
        (0..self.points.len() as u32)
            .filter(|&p| quiet.holds(self.points[p as usize]))
            .collect()
    }

    /// Whether no place has usable hours.
    pub(crate) fn is_empty(&self) -> bool {
        self.table.entries.is_empty()
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.table.memory_bytes()
            + self.points.capacity() * size_of::<u32>()
            + self.quiet.as_ref().map_or(0, Quiet::memory_bytes)
    }

    /// Whether `q`'s instant is a quiet hour in the locale with the most places (and not a
    /// holiday there): the quiet subset is then searched first, then the main tree with
    /// [`OpenFilter::outside_quiet`].
    pub(crate) fn quiet_at(&self, q: &mut OpenAt) -> bool {
        self.quiet
            .as_ref()
            .is_some_and(|quiet| self.covered(q, quiet.main_locale()))
    }

    /// Whether every place of locale `l` open at `q` is in the quiet subset.
    #[inline(always)]
    fn covered(&self, q: &mut OpenAt, l: usize) -> bool {
        let Some(quiet) = &self.quiet else {
            return false;
        };
        let local = self.local(q, l);
        !local.holiday() && quiet.is_quiet(usize::from(local.slot() / SLOTS_PER_HOUR))
    }

    /// The local time of the instant in locale `l`, computed once per query and locale.
    #[inline(always)]
    fn local(&self, q: &mut OpenAt, l: usize) -> Local {
        match q.locals.get(l) {
            Some(&local) if local != Local::NOT_YET => local,
            _ => self.compute_local(q, l),
        }
    }

    #[cold]
    #[inline(never)]
    fn compute_local(&self, q: &mut OpenAt, l: usize) -> Local {
        let Some(locale) = self.table.locales.get(l) else {
            return Local {
                slot: Local::HOLIDAY,
                offset: 0,
            };
        };
        let local = self.table.local.local(locale, l, q.at);
        if let Some(x) = q.locals.get_mut(l) {
            *x = local;
        }
        local
    }

    /// Whether a node summarised by `s` may hold a place open at `q`; with `outside_quiet`,
    /// a place outside the quiet subset.
    #[inline(always)]
    fn may_be_open(&self, q: &mut OpenAt, s: &HoursSummary, outside_quiet: bool) -> bool {
        let mut holiday = false;
        let mut locales = s.locales;
        while locales != 0 {
            let l = locales.trailing_zeros() as usize;
            locales &= locales - 1;
            if outside_quiet && self.covered(q, l) {
                continue;
            }
            let local = self.local(q, l);
            let hour = usize::from(local.slot() / SLOTS_PER_HOUR);
            if (s.open_hours[hour / 64] >> (hour % 64)) & 1 != 0 {
                return true;
            }
            holiday |= local.holiday();
        }
        // Every exact entry is in the quiet subset.
        if !outside_quiet && s.exact != 0 && self.groups_may_be_open(q, EXACT, s.exact) {
            return true;
        }
        // Holiday entries answer by their bitmap (in `open_hours`) except on a holiday.
        holiday && s.holiday != 0 && self.groups_may_be_open(q, HOLIDAYS, s.holiday)
    }

    /// Whether one of the groups `groups` of kind `kind` ([`EXACT`] or [`HOLIDAYS`]) may hold
    /// an open place.
    #[inline(always)]
    fn groups_may_be_open(&self, q: &mut OpenAt, kind: usize, groups: u16) -> bool {
        let [open, closed] = q.groups[kind];
        if groups & open != 0 {
            return true;
        }
        let unknown = groups & !closed;
        unknown != 0 && self.decide_groups(q, kind, unknown)
    }

    /// Decides the groups `groups` of kind `kind` (not yet known in this query): open when one
    /// of their entries is open, closed when all are closed; a group with an entry not known
    /// without an exact evaluation may be open, and is decided again at its next node (its
    /// entries may be known by then). Returns whether one of them may be open.
    #[cold]
    #[inline(never)]
    fn decide_groups(&self, q: &mut OpenAt, kind: usize, groups: u16) -> bool {
        let lists = if kind == EXACT {
            &self.table.exact_groups
        } else {
            &self.table.holiday_groups
        };
        let mut may = false;
        let mut rest = groups;
        while rest != 0 {
            let g = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            let mut unknown = false;
            let mut open = false;
            for &id in &lists[g] {
                match self.known(q, id as usize) {
                    Some(true) => {
                        open = true;
                        break;
                    }
                    Some(false) => {}
                    None => unknown = true,
                }
            }
            if open {
                q.groups[kind][0] |= 1 << g;
            } else if !unknown {
                q.groups[kind][1] |= 1 << g;
            }
            may |= open || unknown;
        }
        may
    }

    /// Whether the places of entry `id` are open at `q`, when that is known without a new
    /// exact evaluation: from the bitmap, or from an exact answer already computed (in this
    /// query, or the week's schedule of the entry's class computed by an earlier query).
    #[inline(always)]
    fn known(&self, q: &mut OpenAt, id: usize) -> Option<bool> {
        let e = self.table.entries.get(id)?;
        let local = self.local(q, usize::from(e.locale));
        match e.form.open_at_slot(local.slot(), local.holiday()) {
            Some(open) => Some(open),
            None => self.known_exactly(q, id, e, local),
        }
    }

    /// [`HoursIndex::known`] for an entry whose bitmap cannot answer.
    #[inline(never)]
    fn known_exactly(&self, q: &mut OpenAt, id: usize, e: &Entry, local: Local) -> Option<bool> {
        // Remembered per entry: the entries of a class answer at their own local times.
        match q.memo(id, self.table.entries.len()) {
            OPEN => Some(true),
            CLOSED => Some(false),
            NOT_CACHED => None,
            _ => {
                let t = q.at.timestamp();
                let n = t + i64::from(local.offset);
                let cached = self.table.exact.get(e.class, local.monday(t), n);
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
        let local = self.local(q, usize::from(e.locale));
        let t = q.at.timestamp();
        let (monday, n) = (local.monday(t), t + i64::from(local.offset));
        // Another query may have computed it since this one looked.
        let open = self.table.exact.get(e.class, monday, n).or_else(|| {
            // The whole local week at once: later queries of the same week need no evaluation.
            let naive = self.table.classes[e.class as usize];
            let schedule = NaiveDate::from_num_days_from_ce_opt(monday)
                .and_then(|monday| e.hours.week(monday, naive))?;
            let intervals: Schedule = schedule
                .intervals
                .iter()
                .map(|i| {
                    let open = i.state == State::Open;
                    (i.start.timestamp(), i.end.timestamp(), open)
                })
                .collect();
            let open = lookup(&intervals, n);
            self.table.exact.put(e.class, monday, intervals);
            open
        });
        let open = open.unwrap_or_else(|| {
            let locale = self.table.locales[usize::from(e.locale)];
            e.hours.is_open_at(q.at, locale)
        });
        q.remember(id, state(open));
        open
    }

    /// Yes or no when the bitmap (or an exact answer already known) can tell, else later;
    /// with `outside_quiet`, no for the places of the quiet subset.
    #[inline(always)]
    fn verdict(&self, q: &mut OpenAt, pos: usize, outside_quiet: bool) -> Verdict {
        let id = self.points[pos];
        if id == NO_HOURS
            || (outside_quiet && self.quiet.as_ref().is_some_and(|quiet| quiet.holds(id)))
        {
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

/// "Open at" (and the criteria, when there are any) as a filter of one tree: `nodes` are
/// the summaries of its nodes.
pub(crate) struct OpenFilter<'a> {
    pub(crate) criteria: Option<MaskFilter<'a>>,
    pub(crate) hours: &'a HoursIndex,
    pub(crate) nodes: &'a [HoursSummary],
    pub(crate) at: &'a mut OpenAt,
    /// Only the places outside the quiet subset (after a search of the subset).
    pub(crate) outside_quiet: bool,
}

impl Filter for OpenFilter<'_> {
    #[inline(always)]
    fn node(&mut self, i: usize) -> bool {
        self.criteria.as_mut().is_none_or(|c| c.node(i))
            && self
                .nodes
                .get(i)
                .is_some_and(|s| self.hours.may_be_open(self.at, s, self.outside_quiet))
    }
    #[inline(always)]
    fn point(&mut self, pos: usize) -> Verdict {
        if let Some(c) = &mut self.criteria
            && c.point(pos) == Verdict::No
        {
            return Verdict::No;
        }
        self.hours.verdict(self.at, pos, self.outside_quiet)
    }
    fn resolve(&mut self, pos: usize) -> bool {
        self.hours.resolve(self.at, pos)
    }
}

impl Entry {
    /// The entry of a text, or `None` when it cannot be evaluated (never open).
    fn new(hours: &OpeningHours, locale: u8) -> Option<Entry> {
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
            class: 0,
            seen: match trust {
                _ if usize::from(locale) >= LOCALES => Seen::Exact(group(locale)),
                Trust::Always => Seen::Hours,
                Trust::ExceptHolidays => Seen::Holiday(group(locale)),
                Trust::Never => Seen::Exact(group(locale)),
            },
            open_hours,
            hours: hours.clone(),
        })
    }
}

/// An entry's exact answer in this query: not looked up, closed, open, or not in the index's
/// cache of exact schedules.
const UNKNOWN: u8 = 0;
const CLOSED: u8 = 1;
const OPEN: u8 = 2;
const NOT_CACHED: u8 = 3;

fn state(open: bool) -> u8 {
    if open { OPEN } else { CLOSED }
}

/// An instant resolved for one query (or one batch of queries at the same instant): the local
/// times per locale, and what is known of the exact-evaluation groups and entries.
#[derive(Debug)]
pub(crate) struct OpenAt {
    at: DateTime<Utc>,
    /// Per locale: its local time, or [`Local::NOT_YET`].
    locals: [Local; LOCALES],
    /// Per entry: UNKNOWN, CLOSED, OPEN or NOT_CACHED (allocated on first use).
    entries: Vec<u8>,
    /// Per kind of group ([`EXACT`], [`HOLIDAYS`]): the groups known to hold a place open,
    /// and those known to hold none.
    groups: [[u16; 2]; 2],
}

/// The kinds of groups, in [`OpenAt::groups`].
const EXACT: usize = 0;
const HOLIDAYS: usize = 1;

/// The group of the entries of a locale (of each kind): one per locale, so that an entry
/// of a far locale, whose exact answer no query near here needs, never keeps a group of
/// this locale undecided.
fn group(locale: u8) -> u8 {
    (usize::from(locale) % GROUPS) as u8
}

impl OpenAt {
    /// The instant `at`, nothing computed yet.
    pub(crate) fn new(at: DateTime<Utc>) -> OpenAt {
        OpenAt {
            at,
            locals: [Local::NOT_YET; LOCALES],
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

#[cfg(test)]
mod tests {
    use super::*;
    use inclusion_model::Address;
    use inclusion_model::hours::Tz;

    /// Places sharing one `OpeningHours` (one text, one address) take one entry per locale:
    /// the lookup by (text, département) gives the places of one département the same entry,
    /// and never gives a place of La Réunion the entry of a place of Isère.
    #[test]
    fn shared_hours_take_an_entry_per_locale() {
        let hours = OpeningHours::new("Mo-Fr 09:00-18:00");
        let place = |postcode: &str| {
            let address = Address::new("1 rue A", postcode, "X");
            let day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
            let mut p = Place::new("1", "00000000000000", "Lieu", address, day);
            p.opening_hours = Some(hours.clone());
            p
        };
        let places = [
            place("38000"),
            place("97400"),
            place("38100"),
            place("97410"),
            place("75001"),
        ];
        let mut builder = HoursTable::builder();
        let ids: Vec<u32> = places.iter().map(|p| builder.entry(p)).collect();
        let table = builder.finish();
        let tz = |id: u32| table.locales[usize::from(table.entries[id as usize].locale)].tz;
        assert_eq!(tz(ids[0]), Tz::Europe__Paris);
        assert_eq!(tz(ids[1]), Tz::Indian__Reunion);
        assert_eq!((ids[2], ids[3], ids[4]), (ids[0], ids[1], ids[0]));
        assert_ne!(ids[0], ids[1]);
        assert_eq!(table.entries.len(), 2);
    }
}
