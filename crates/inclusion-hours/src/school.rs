//! School holidays (`SH`): the French calendar by zone, and the zone of a département.
//!
//! The calendar of metropolitan zones A, B and C is embedded from the PyPI package
//! `vacances-scolaires-france` (MIT; `data/school_holidays.tsv`, rebuilt by
//! `scripts/school_holidays.py`, see `data/README.md`). It covers
//! [`SCHOOL_CALENDAR_FIRST`] to [`SCHOOL_CALENDAR_LAST`]: from January 2016, when today's
//! zones took effect, to the end of the last summer holidays the package publishes.
//!
//! `SH` is never guessed. Where the state of a day depends on `SH` and the calendar cannot
//! tell — a date outside the calendar, a place whose zone is not known, Corse and the overseas
//! académies (no registry package gives their calendars) — the evaluation says
//! [`State::Unknown`](super::State::Unknown). Each such day is evaluated twice, as a school
//! holiday and as a school day: when both give the same state (a Sunday closed either way),
//! that state is the answer; otherwise it is unknown.
//!
//! ```
//! use inclusion_hours::{Locale, OpeningHours, SchoolZone, State, Territory, is_school_holiday};
//! use chrono::{NaiveDate, TimeZone, Utc};
//!
//! assert_eq!(SchoolZone::of_department("38"), Some(SchoolZone::A)); // Grenoble
//! assert_eq!(SchoolZone::of_department("75"), Some(SchoolZone::C)); // Paris
//! assert_eq!(SchoolZone::of_department("2A"), Some(SchoolZone::Corse));
//! let toussaint = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
//! assert_eq!(is_school_holiday(SchoolZone::C, toussaint), Some(true));
//! assert_eq!(is_school_holiday(SchoolZone::C, NaiveDate::from_ymd_opt(2031, 1, 1).unwrap()), None);
//!
//! let hours = OpeningHours::new("Tu,Th 09:00-12:00; SH off");
//! let paris = Locale::from(Territory::Metropolitan).with_school_zone(SchoolZone::C);
//! // Tuesday 20 October 2026, 10:00 in Paris: Toussaint holidays, closed.
//! let t = Utc.with_ymd_and_hms(2026, 10, 20, 8, 0, 0).unwrap();
//! assert_eq!(hours.status_at(t, paris).unwrap().state, State::Closed);
//! // A week earlier: open.
//! let t = Utc.with_ymd_and_hms(2026, 10, 13, 8, 0, 0).unwrap();
//! assert_eq!(hours.status_at(t, paris).unwrap().state, State::Open);
//! // In 2031 the calendar cannot tell: unknown, never a guess.
//! let t = Utc.with_ymd_and_hms(2031, 10, 14, 8, 0, 0).unwrap();
//! assert_eq!(hours.status_at(t, paris).unwrap().state, State::Unknown);
//! ```

use std::sync::{Arc, LazyLock, OnceLock};

use chrono::NaiveDate;
use compact_calendar::CompactCalendar;
use opening_hours::{Context, ContextHolidays};
use opening_hours_syntax::rules::day::{HolidayKind, WeekDayRange};

use super::{Expr, OpeningHours, holidays};
use inclusion_territory::Territory;

/// The school-holiday zone of a place: its académie's calendar.
///
/// Metropolitan académies are grouped in zones A, B and C (since January 2016); Corse and
/// each overseas académie or vice-rectorat have their own calendar. Only A, B and C are
/// embedded ([`has_calendar`](Self::has_calendar)); for the others `SH` is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum SchoolZone {
    /// Zone A: académies of Besançon, Bordeaux, Clermont-Ferrand, Dijon, Grenoble, Limoges,
    /// Lyon, Poitiers.
    A,
    /// Zone B: académies of Aix-Marseille, Amiens, Lille, Nancy-Metz, Nantes, Nice,
    /// Normandie, Orléans-Tours, Reims, Rennes, Strasbourg.
    B,
    /// Zone C: académies of Créteil, Montpellier, Paris, Toulouse, Versailles.
    C,
    /// Académie de Corse (2A, 2B), with its own calendar (not embedded).
    Corse,
    /// An overseas académie or vice-rectorat, with its own calendar (not embedded).
    Overseas(Territory),
}

/// The zone of each metropolitan département, by number, ten per line (index 0 unused; 20 is
/// Corse, see [`SchoolZone::of_department`]).
const METROPOLITAN_ZONES: &[u8; 96] = b"-ABABBBABC\
BCCBBAAABA\
-ABAAAABBB\
CCCACBBBAA\
ABAABBCACB\
BBBBBBBBAB\
BBBAACCBBA\
AABAACBCCA\
BCCBBBAABA\
ACCCCC";

impl SchoolZone {
    /// The zone of an address, from the département of its codes
    /// ([`Departement::of_codes`](inclusion_territory::Departement::of_codes): the code INSEE
    /// first, then the postcode).
    ///
    /// ```
    /// use inclusion_hours::SchoolZone;
    /// assert_eq!(SchoolZone::of_codes("38000", Some("38185")), Some(SchoolZone::A));
    /// assert_eq!(SchoolZone::of_codes("75001", None), Some(SchoolZone::C));
    /// assert_eq!(SchoolZone::of_codes("20200", None), Some(SchoolZone::Corse));
    /// assert_eq!(SchoolZone::of_codes("", None), None);
    /// ```
    pub fn of_codes(postcode: &str, insee: Option<&str>) -> Option<SchoolZone> {
        inclusion_territory::Departement::of_codes(postcode, insee)
            .and_then(|d| SchoolZone::of_department(d.code))
    }

    /// The zone of a département from its code: `"38"`, `"01"`, `"2A"`, `"2B"`, `"974"`.
    /// `None` for anything else.
    ///
    /// ```
    /// use inclusion_hours::{SchoolZone, Territory};
    /// assert_eq!(SchoolZone::of_department("33"), Some(SchoolZone::A)); // Bordeaux
    /// assert_eq!(SchoolZone::of_department("67"), Some(SchoolZone::B)); // Strasbourg
    /// assert_eq!(SchoolZone::of_department("31"), Some(SchoolZone::C)); // Toulouse
    /// assert_eq!(SchoolZone::of_department("974"), Some(SchoolZone::Overseas(Territory::Reunion)));
    /// assert_eq!(SchoolZone::of_department("99"), None);
    /// ```
    pub fn of_department(code: &str) -> Option<SchoolZone> {
        // The codes that are not in the table of metropolitan départements.
        let code = code.trim();
        match code {
            "2A" | "2B" | "2a" | "2b" | "20" => return Some(SchoolZone::Corse),
            "971" => return Some(SchoolZone::Overseas(Territory::Guadeloupe)),
            "972" => return Some(SchoolZone::Overseas(Territory::Martinique)),
            "973" => return Some(SchoolZone::Overseas(Territory::Guyane)),
            "974" => return Some(SchoolZone::Overseas(Territory::Reunion)),
            "975" => return Some(SchoolZone::Overseas(Territory::SaintPierreEtMiquelon)),
            "976" => return Some(SchoolZone::Overseas(Territory::Mayotte)),
            "977" => return Some(SchoolZone::Overseas(Territory::SaintBarthelemy)),
            "978" => return Some(SchoolZone::Overseas(Territory::SaintMartin)),
            "986" => return Some(SchoolZone::Overseas(Territory::WallisEtFutuna)),
            "987" => return Some(SchoolZone::Overseas(Territory::FrenchPolynesia)),
            "988" => return Some(SchoolZone::Overseas(Territory::NewCaledonia)),
            _ => {}
        }
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: usize = code.parse().ok()?;
        match METROPOLITAN_ZONES.get(n)? {
            b'A' => Some(SchoolZone::A),
            b'B' => Some(SchoolZone::B),
            b'C' => Some(SchoolZone::C),
            _ => None,
        }
    }

    /// Whether the zone's calendar is embedded (zones A, B and C).
    pub fn has_calendar(self) -> bool {
        matches!(self, SchoolZone::A | SchoolZone::B | SchoolZone::C)
    }

    /// `A`, `B`, `C`, `Corse`, or the territory's name.
    pub fn name(self) -> &'static str {
        match self {
            SchoolZone::A => "A",
            SchoolZone::B => "B",
            SchoolZone::C => "C",
            SchoolZone::Corse => "Corse",
            SchoolZone::Overseas(t) => t.name(),
        }
    }

    /// The index of the embedded calendar.
    fn calendar_index(self) -> Option<usize> {
        match self {
            SchoolZone::A => Some(0),
            SchoolZone::B => Some(1),
            SchoolZone::C => Some(2),
            _ => None,
        }
    }
}

/// One school-holiday period of a zone, first and last days included.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SchoolHolidayPeriod {
    /// The zone.
    pub zone: SchoolZone,
    /// The first day of holidays.
    pub first: NaiveDate,
    /// The last day of holidays.
    pub last: NaiveDate,
    /// Its name as published (`Vacances de la Toussaint`).
    pub name: String,
}

/// The embedded calendar (see the module docs).
const TSV: &str = include_str!("../data/school_holidays.tsv");

struct Calendar {
    first: NaiveDate,
    last: NaiveDate,
    periods: Vec<SchoolHolidayPeriod>,
    /// Per zone A, B, C: the holiday days.
    days: [Arc<CompactCalendar>; 3],
}

static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| parse_calendar(TSV));

fn parse_calendar(tsv: &str) -> Calendar {
    let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    let mut first = NaiveDate::MAX;
    let mut last = NaiveDate::MIN;
    let mut periods = Vec::new();
    let mut days: [CompactCalendar; 3] = Default::default();
    for line in tsv
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cells: Vec<&str> = line.split('\t').collect();
        let (Some(a), Some(b)) = (
            cells.get(1).and_then(|c| date(c)),
            cells.get(2).and_then(|c| date(c)),
        ) else {
            continue;
        };
        let zone = match cells.first().copied() {
            Some("covered") => {
                first = a;
                last = b;
                continue;
            }
            Some("A") => SchoolZone::A,
            Some("B") => SchoolZone::B,
            Some("C") => SchoolZone::C,
            _ => continue,
        };
        if let Some(i) = zone.calendar_index() {
            let mut d = a;
            while d <= b {
                days[i].insert(d);
                let Some(next) = d.succ_opt() else { break };
                d = next;
            }
        }
        periods.push(SchoolHolidayPeriod {
            zone,
            first: a,
            last: b,
            name: cells.get(3).unwrap_or(&"").to_string(),
        });
    }
    Calendar {
        first,
        last,
        periods,
        days: days.map(Arc::new),
    }
}

/// The first day of the embedded school calendar.
pub const SCHOOL_CALENDAR_FIRST: (i32, u32, u32) = (2016, 1, 1);
/// The last day of the embedded school calendar (end of the summer holidays).
pub const SCHOOL_CALENDAR_LAST: (i32, u32, u32) = (2028, 8, 31);

/// Whether `date` is a school holiday in `zone`: `None` when the calendar cannot tell (a
/// zone without an embedded calendar, or a date outside [`SCHOOL_CALENDAR_FIRST`] ..=
/// [`SCHOOL_CALENDAR_LAST`]).
///
/// ```
/// use inclusion_hours::{SchoolZone, is_school_holiday};
/// use chrono::NaiveDate;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(is_school_holiday(SchoolZone::A, d(2026, 2, 10)), Some(true)); // winter, zone A
/// assert_eq!(is_school_holiday(SchoolZone::C, d(2026, 2, 10)), Some(false));
/// assert_eq!(is_school_holiday(SchoolZone::Corse, d(2026, 2, 10)), None);
/// assert_eq!(is_school_holiday(SchoolZone::C, d(2015, 12, 31)), None);
/// ```
pub fn is_school_holiday(zone: SchoolZone, date: NaiveDate) -> Option<bool> {
    let cal = &*CALENDAR;
    let i = zone.calendar_index()?;
    if date < cal.first || date > cal.last {
        return None;
    }
    Some(cal.days[i].contains(date))
}

/// The embedded periods of a zone, in order (empty for a zone without a calendar).
///
/// ```
/// use inclusion_hours::{SchoolZone, school_holiday_periods};
/// let toussaint = school_holiday_periods(SchoolZone::C)
///     .find(|p| p.name == "Vacances de la Toussaint" && p.first.to_string().starts_with("2026"))
///     .unwrap();
/// assert_eq!((toussaint.first.to_string(), toussaint.last.to_string()),
///            ("2026-10-17".to_string(), "2026-11-01".to_string()));
/// ```
pub fn school_holiday_periods(
    zone: SchoolZone,
) -> impl Iterator<Item = &'static SchoolHolidayPeriod> {
    CALENDAR.periods.iter().filter(move |p| p.zone == zone)
}

impl OpeningHours {
    /// Whether the hours use the `SH` selector, so that their evaluation needs a
    /// [`SchoolZone`] (see [`Locale::with_school_zone`](super::Locale::with_school_zone)).
    ///
    /// ```
    /// use inclusion_hours::OpeningHours;
    /// assert!(OpeningHours::new("Mo-Fr 09:00-12:00; SH off").uses_school_holidays());
    /// assert!(!OpeningHours::new("Mo-Fr 09:00-12:00; PH off").uses_school_holidays());
    /// ```
    pub fn uses_school_holidays(&self) -> bool {
        self.expr().is_some_and(uses_school_holidays)
    }
}

/// Whether an expression has an `SH` selector.
pub(crate) fn uses_school_holidays(expr: &Expr) -> bool {
    expr.get_expression().rules.iter().any(|r| {
        r.day_selector.weekday.iter().any(|w| {
            matches!(
                w,
                WeekDayRange::Holiday {
                    kind: HolidayKind::School,
                    ..
                }
            )
        })
    })
}

/// The two contexts for an expression with `SH` in a territory and zone: days the calendar
/// cannot tell are school days in the first, school holidays in the second.
pub(crate) fn contexts(
    territory: Territory,
    zone: Option<SchoolZone>,
) -> &'static (Context, Context) {
    const SLOTS: usize = 4;
    static CACHE: [OnceLock<(Context, Context)>; Territory::ALL.len() * SLOTS] =
        [const { OnceLock::new() }; Territory::ALL.len() * SLOTS];
    let t = territory.index();
    let z = zone
        .and_then(SchoolZone::calendar_index)
        .map_or(0, |i| i + 1);
    let slot = &CACHE[t * SLOTS + z];
    slot.get_or_init(|| {
        let base = holidays::context(territory);
        let public = Arc::new(base.holidays.get_public().clone());
        let cal = &*CALENDAR;
        let known = match zone.and_then(SchoolZone::calendar_index) {
            Some(i) => cal.days[i].clone(),
            None => Arc::new(CompactCalendar::default()),
        };
        // Every day the calendar cannot tell, within the years holidays are computed for.
        let mut widened = (*known).clone();
        let first = NaiveDate::from_ymd_opt(inclusion_territory::holidays::FIRST_YEAR, 1, 1);
        let last = NaiveDate::from_ymd_opt(inclusion_territory::holidays::LAST_YEAR, 12, 31);
        if let (Some(mut d), Some(last)) = (first, last) {
            let has = zone.is_some_and(SchoolZone::has_calendar);
            while d <= last {
                if !has || d < cal.first || d > cal.last {
                    widened.insert(d);
                }
                match d.succ_opt() {
                    Some(n) => d = n,
                    None => break,
                }
            }
        }
        let make = |school: Arc<CompactCalendar>| {
            base.clone()
                .with_holidays(ContextHolidays::new(public.clone(), school))
        };
        (make(known.clone()), make(Arc::new(widened)))
    })
}

/// The years of the calendar, for documentation and tests.
#[allow(dead_code)]
pub(crate) fn covered() -> (NaiveDate, NaiveDate) {
    (CALENDAR.first, CALENDAR.last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn every_metropolitan_department_has_a_zone() {
        let mut count = [0; 3];
        for n in 1..=95 {
            let code = format!("{n:02}");
            match SchoolZone::of_department(&code) {
                Some(SchoolZone::A) => count[0] += 1,
                Some(SchoolZone::B) => count[1] += 1,
                Some(SchoolZone::C) => count[2] += 1,
                Some(SchoolZone::Corse) => assert_eq!(n, 20),
                other => panic!("{code}: {other:?}"),
            }
        }
        // 32 + 41 + 21 + Corse = 94 numbers, plus 2A and 2B.
        assert_eq!(count, [32, 41, 21]);
        // A few by académie.
        for (code, zone) in [
            ("25", SchoolZone::A), // Besançon
            ("64", SchoolZone::A), // Bordeaux
            ("87", SchoolZone::A), // Limoges
            ("14", SchoolZone::B), // Normandie (Caen)
            ("57", SchoolZone::B), // Nancy-Metz
            ("83", SchoolZone::B), // Nice
            ("34", SchoolZone::C), // Montpellier
            ("93", SchoolZone::C), // Créteil
            ("95", SchoolZone::C), // Versailles
        ] {
            assert_eq!(SchoolZone::of_department(code), Some(zone), "{code}");
        }
        assert_eq!(SchoolZone::of_department("00"), None);
        assert_eq!(SchoolZone::of_department("96"), None);
        assert_eq!(SchoolZone::of_department("7"), None);
    }

    #[test]
    fn the_calendar_matches_the_reference_evaluator_for_zone_c_in_2026() {
        // opening_hours.js (corpus README): winter 22 Feb–8 Mar, spring 19 Apr–3 May,
        // summer 5 Jul–31 Aug, Toussaint 18 Oct–1 Nov, Christmas 20 Dec 2026–3 Jan 2027. The
        // package starts each period on the Saturday classes end, one day earlier.
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for (first, last) in [
            (d(2026, 2, 22), d(2026, 3, 8)),
            (d(2026, 4, 19), d(2026, 5, 3)),
            (d(2026, 7, 5), d(2026, 8, 31)),
            (d(2026, 10, 18), d(2026, 11, 1)),
            (d(2026, 12, 20), d(2027, 1, 3)),
        ] {
            let mut day = first;
            while day <= last {
                assert_eq!(is_school_holiday(SchoolZone::C, day), Some(true), "{day}");
                day = day.succ_opt().unwrap();
            }
            assert_eq!(
                is_school_holiday(SchoolZone::C, last.succ_opt().unwrap()),
                Some(false)
            );
            let saturday = first.pred_opt().unwrap();
            assert_eq!(saturday.weekday(), chrono::Weekday::Sat);
            assert_eq!(is_school_holiday(SchoolZone::C, saturday), Some(true));
        }
    }

    #[test]
    fn periods_are_ordered_and_cover_every_school_year() {
        let (first, last) = covered();
        assert_eq!(
            (first.year(), first.month(), first.day()),
            SCHOOL_CALENDAR_FIRST
        );
        assert_eq!(
            (last.year(), last.month(), last.day()),
            SCHOOL_CALENDAR_LAST
        );
        for zone in [SchoolZone::A, SchoolZone::B, SchoolZone::C] {
            let periods: Vec<_> = school_holiday_periods(zone).collect();
            for w in periods.windows(2) {
                assert!(w[0].last < w[1].first, "{zone:?} {w:?}");
            }
            for year in 2016..=2028 {
                // Every year has its summer holidays.
                assert!(
                    periods
                        .iter()
                        .any(|p| p.name == "Vacances d'été" && p.first.year() == year),
                    "{zone:?} {year}"
                );
            }
        }
    }
}
