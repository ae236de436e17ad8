//! [`Timetable`]: opening hours as a form collects them (day → time ranges), to a canonical
//! OSM string and back.

use std::fmt;
use std::str::FromStr;

use chrono::Weekday;
use opening_hours::RuleKind;

use super::Exceptions;
use super::OpeningHours;
use super::bitmap::reference_week;
use super::eval::{hhmm, weekday_abbrev};
use crate::HoursError;

/// A time range within one day, in minutes since midnight: `start < end ≤ 24:00`.
///
/// ```
/// use inclusion_hours::HoursRange;
/// let r: HoursRange = "8:00-12:30".parse()?;
/// assert_eq!((r.start(), r.end()), (480, 750));
/// assert_eq!(r.to_string(), "08:00-12:30");
/// assert!("18:00-08:00".parse::<HoursRange>().is_err());
/// # Ok::<(), inclusion_hours::HoursError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HoursRange {
    start: u16,
    end: u16,
}

impl HoursRange {
    /// A range from `start` to `end` minutes since midnight; fails unless
    /// `start < end ≤ 1440`.
    pub fn new(start: u16, end: u16) -> Result<HoursRange, HoursError> {
        if start < end && end <= 1440 {
            Ok(HoursRange { start, end })
        } else {
            Err(HoursError::TimeRange {
                value: format!("{}-{}", hhmm(start.min(9999)), hhmm(end.min(9999))),
                reason: "the start must be before the end, both within the day (00:00 to 24:00); \
                         split a range that crosses midnight into two days"
                    .to_string(),
            })
        }
    }

    /// Minutes since midnight at the start.
    pub fn start(self) -> u16 {
        self.start
    }

    /// Minutes since midnight at the end (1440 for `24:00`).
    pub fn end(self) -> u16 {
        self.end
    }

    /// A comma-separated list of ranges, e.g. `8:00-12:00,14:00-18:00`.
    pub fn parse_list(text: &str) -> Result<Vec<HoursRange>, HoursError> {
        text.split(',').map(str::parse).collect()
    }
}

impl fmt::Display for HoursRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", hhmm(self.start), hhmm(self.end))
    }
}

impl FromStr for HoursRange {
    type Err = HoursError;

    fn from_str(s: &str) -> Result<HoursRange, HoursError> {
        let bad = |reason: &str| HoursError::TimeRange {
            value: s.to_string(),
            reason: reason.to_string(),
        };
        let (a, b) = s
            .trim()
            .split_once('-')
            .ok_or_else(|| bad("expected HH:MM-HH:MM, e.g. 09:00-12:30"))?;
        let time = |t: &str| -> Option<u16> {
            let (h, m) = t.trim().split_once(':')?;
            if h.is_empty() || h.len() > 2 || m.len() != 2 {
                return None;
            }
            let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
            (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
        };
        let start = time(a).ok_or_else(|| bad("the start is not a time HH:MM"))?;
        let end = time(b).ok_or_else(|| bad("the end is not a time HH:MM"))?;
        HoursRange::new(start, end).map_err(|_| {
            bad(
                "the start must be before the end, both within the day (00:00 to 24:00); \
                 split a range that crosses midnight into two days",
            )
        })
    }
}

/// Opening hours as day → time ranges, the form an input form collects.
///
/// Ranges of a day are kept sorted, with overlapping or touching ranges merged.
///
/// The canonical string follows the grouping of the national cartography's converter
/// (`@gouvfr-anct/timetable-to-osm-opening-hours` 2.1.0): days with the same hours are grouped,
/// groups ordered by size then by first day; a group of three days or more is written as a
/// range from its first to its last day (`Mo-Fr`), the days of that range that are closed
/// are closed again by a final `off` rule, and the days that have other hours get them in a
/// later rule (`Tu-Fr 09:00-12:00; We 14:00-17:00`). Two differences, both deliberate:
///
/// * times are always written on two digits (`08:00`, as `opening_hours.js` prettifies them),
///   where the converter copies the text it was given (`8:00`);
/// * a range is only used when it is correct: when it would cover a day given other hours by
///   an *earlier* rule, the days are listed instead (`Mo,We,Fr`, runs of three days or more
///   as `Mo-We`), and the closed days of the final `off` rule are listed the same way — the
///   converter writes ranges anyway (`Tu,Th,Sa off` as `Tu-Sa off`) and can close open days.
///
/// ```
/// use inclusion_hours::{Timetable, OpeningHours};
/// use chrono::Weekday::*;
///
/// let mut t = Timetable::new();
/// for day in [Mon, Tue, Thu, Fri] {
///     t.set_day(day, "8:00-12:00,15:00-18:00")?;
/// }
/// assert_eq!(t.to_osm(), "Mo-Fr 08:00-12:00,15:00-18:00; We off");
///
/// // And back, through the parsed form:
/// let again = OpeningHours::new(t.to_osm()).timetable()?;
/// assert_eq!(again, t);
/// # Ok::<(), inclusion_hours::HoursError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timetable {
    days: [Vec<HoursRange>; 7],
}

const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

impl Timetable {
    /// A timetable with every day closed.
    pub fn new() -> Timetable {
        Timetable::default()
    }

    /// Adds an opening range to a day.
    pub fn add(&mut self, day: Weekday, range: HoursRange) {
        let ranges = &mut self.days[day.num_days_from_monday() as usize];
        ranges.push(range);
        ranges.sort_unstable();
        let mut merged: Vec<HoursRange> = Vec::with_capacity(ranges.len());
        for r in ranges.drain(..) {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        *ranges = merged;
    }

    /// Replaces the hours of a day by a comma-separated list of ranges
    /// (`8:00-12:00,14:00-18:00`); an empty text closes the day.
    pub fn set_day(&mut self, day: Weekday, ranges: &str) -> Result<(), HoursError> {
        let parsed = if ranges.trim().is_empty() {
            Vec::new()
        } else {
            HoursRange::parse_list(ranges)?
        };
        self.days[day.num_days_from_monday() as usize].clear();
        for r in parsed {
            self.add(day, r);
        }
        Ok(())
    }

    /// The opening ranges of a day, sorted.
    pub fn day(&self, day: Weekday) -> &[HoursRange] {
        &self.days[day.num_days_from_monday() as usize]
    }

    /// Whether every day is closed.
    pub fn is_empty(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }

    /// The canonical OSM `opening_hours` string (the form is described on [`Timetable`]). An
    /// empty timetable gives the empty string, as the national converter does.
    pub fn to_osm(&self) -> String {
        // Groups of days with the same hours, by first day, then by size (stable).
        let mut groups: Vec<(Vec<usize>, &[HoursRange])> = Vec::new();
        for (d, ranges) in self.days.iter().enumerate() {
            if ranges.is_empty() {
                continue;
            }
            match groups.iter_mut().find(|(_, r)| *r == ranges.as_slice()) {
                Some((days, _)) => days.push(d),
                None => groups.push((vec![d], ranges)),
            }
        }
        groups.sort_by_key(|(days, _)| std::cmp::Reverse(days.len()));

        let group_of = |d: usize| groups.iter().position(|(days, _)| days.contains(&d));
        let mut rules = Vec::new();
        let mut covered = [false; 7];
        for (index, (days, ranges)) in groups.iter().enumerate() {
            let (first, last) = (days[0], days[days.len() - 1]);
            // A range first-last is right when every other day in it is closed or gets its
            // own hours from a later rule.
            let span_ok =
                days.len() >= 3 && (first..=last).all(|d| group_of(d).is_none_or(|g| g >= index));
            let selected: Vec<usize> = if span_ok {
                (first..=last).collect()
            } else {
                days.clone()
            };
            for &d in &selected {
                covered[d] = true;
            }
            let selector = if span_ok {
                format!(
                    "{}-{}",
                    weekday_abbrev(WEEK[first]),
                    weekday_abbrev(WEEK[last])
                )
            } else {
                format_days(days)
            };
            let hours: Vec<String> = ranges.iter().map(HoursRange::to_string).collect();
            let hours = hours.join(",");
            rules.push(if selector == "Mo-Su" {
                hours
            } else {
                format!("{selector} {hours}")
            });
        }
        let off: Vec<usize> = (0..7)
            .filter(|&d| covered[d] && self.days[d].is_empty())
            .collect();
        if !off.is_empty() {
            rules.push(format!("{} off", format_days(&off)));
        }
        rules.join("; ")
    }
}

/// Days as OSM: runs of three days or more as ranges, others listed (`Mo-We,Fr`, `Tu,Th`).
pub(super) fn format_days(days: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!(
                "{}-{}",
                weekday_abbrev(WEEK[days[i]]),
                weekday_abbrev(WEEK[days[j]])
            ));
        } else {
            parts.extend(
                days[i..=j]
                    .iter()
                    .map(|&d| weekday_abbrev(WEEK[d]).to_string()),
            );
        }
        i = j + 1;
    }
    parts.join(",")
}

impl OpeningHours {
    /// The weekly timetable of these hours: fails when the text does not parse, depends on
    /// dates or holidays (`PH`, `Dec 25`, `week 2-52/2`...), or has periods of unknown state.
    ///
    /// ```
    /// use inclusion_hours::OpeningHours;
    /// use chrono::Weekday;
    /// let t = OpeningHours::new("Mo-Fr 09:00-12:00; We off; Fr 22:00-01:00").timetable()?;
    /// assert!(t.day(Weekday::Wed).is_empty());
    /// assert_eq!(t.day(Weekday::Sat)[0].to_string(), "00:00-01:00");
    /// assert!(OpeningHours::new("Mo-Fr 09:00-12:00; PH off").timetable().is_err());
    /// # Ok::<(), inclusion_hours::HoursError>(())
    /// ```
    pub fn timetable(&self) -> Result<Timetable, HoursError> {
        let fail = |reason: String| HoursError::OpeningHours {
            raw: self.as_str().to_string(),
            reason,
        };
        let parsed = self.parsed().ok_or_else(|| {
            fail(format!(
                "the text does not parse ({})",
                self.parse_error().unwrap_or("unknown error")
            ))
        })?;
        let exceptions = parsed.weekly.exceptions.without(Exceptions::SUB_QUARTER);
        if !exceptions.is_empty() {
            return Err(fail(format!(
                "the hours depend on {exceptions}, which a weekly timetable cannot represent"
            )));
        }
        let mut timetable = Timetable::new();
        for (start, end, kind) in reference_week(&parsed.expr) {
            match kind {
                RuleKind::Closed => {}
                RuleKind::Unknown => {
                    return Err(fail(
                        "some periods are of unknown state (`unknown`, an open end `+` or a \
                         comment alone), which a timetable cannot represent"
                            .to_string(),
                    ));
                }
                RuleKind::Open => {
                    // Split at midnight.
                    let mut s = start;
                    while s < end {
                        let day = (s / 1440) as usize;
                        let day_end = (day as u32 + 1) * 1440;
                        let e = end.min(day_end);
                        let range =
                            HoursRange::new((s % 1440) as u16, (e - day as u32 * 1440) as u16)
                                .map_err(|e| fail(e.to_string()))?;
                        timetable.add(WEEK[day % 7], range);
                        s = e;
                    }
                }
            }
        }
        Ok(timetable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Weekday::*;
    use proptest::prelude::*;

    fn table(days: &[(Weekday, &str)]) -> Timetable {
        let mut t = Timetable::new();
        for (d, r) in days {
            t.set_day(*d, r).unwrap();
        }
        t
    }

    #[test]
    fn ranges_are_merged_and_sorted() {
        let t = table(&[(Mon, "14:00-18:00,09:00-12:00,11:00-12:30,18:00-19:00")]);
        let text: Vec<String> = t.day(Mon).iter().map(|r| r.to_string()).collect();
        assert_eq!(text, ["09:00-12:30", "14:00-19:00"]);
    }

    #[test]
    fn bad_ranges_are_rejected_with_a_reason() {
        for bad in [
            "",
            "9-12",
            "09:00",
            "25:00-26:00",
            "09:60-10:00",
            "12:00-09:00",
            "24:30-24:45",
        ] {
            let e = bad.parse::<HoursRange>().unwrap_err();
            assert!(matches!(e, HoursError::TimeRange { .. }), "{bad}");
        }
        assert_eq!("22:00-24:00".parse::<HoursRange>().unwrap().end(), 1440);
        assert!(HoursRange::new(10, 10).is_err());
    }

    #[test]
    fn spans_are_not_used_when_they_would_override_an_earlier_rule() {
        // Mo,We,Fr have A; Tu,Th,Sa have B. "Tu-Sa B" would override We and Fr.
        let t = table(&[
            (Mon, "08:00-12:00"),
            (Wed, "08:00-12:00"),
            (Fri, "08:00-12:00"),
            (Tue, "14:00-18:00"),
            (Thu, "14:00-18:00"),
            (Sat, "14:00-18:00"),
        ]);
        let osm = t.to_osm();
        assert_eq!(osm, "Mo-Fr 08:00-12:00; Tu,Th,Sa 14:00-18:00");
        assert_eq!(OpeningHours::new(osm).timetable().unwrap(), t);
    }

    #[test]
    fn not_weekly_texts_are_refused() {
        for text in [
            "Mo 10:00-12:00; PH off",
            "Dec 25 off",
            "Mo 10:00-12:00 unknown",
            "n'importe quoi",
        ] {
            let e = OpeningHours::new(text).timetable().unwrap_err();
            assert!(matches!(e, HoursError::OpeningHours { .. }), "{text}");
        }
        // Minutes that are not on a quarter-hour are fine in a timetable.
        let t = OpeningHours::new("Th 8:00-9:25").timetable().unwrap();
        assert_eq!(t.day(Thu)[0].to_string(), "08:00-09:25");
    }

    fn arb_day() -> impl Strategy<Value = Vec<HoursRange>> {
        // Up to 3 ranges on a 5-minute grid; overlaps are merged by `add`.
        prop::collection::vec((0u16..287, 1u16..60), 0..3).prop_map(|v| {
            v.into_iter()
                .filter_map(|(s, len)| {
                    let start = s * 5;
                    HoursRange::new(start, (start + len * 5).min(1440)).ok()
                })
                .collect()
        })
    }

    fn arb_timetable() -> impl Strategy<Value = Timetable> {
        // Few distinct day patterns, so that groups form.
        (
            prop::collection::vec(arb_day(), 1..4),
            prop::collection::vec(0usize..4, 7),
        )
            .prop_map(|(patterns, picks)| {
                let mut t = Timetable::new();
                for (d, p) in picks.into_iter().enumerate() {
                    if let Some(ranges) = patterns.get(p) {
                        for r in ranges {
                            t.add(WEEK[d], *r);
                        }
                    }
                }
                t
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn to_osm_then_back_gives_the_same_timetable(t in arb_timetable()) {
            let osm = t.to_osm();
            if t.is_empty() {
                prop_assert_eq!(osm, "");
            } else {
                let h = OpeningHours::new(osm.clone());
                prop_assert!(h.is_valid(), "{} does not parse", osm);
                let back = h.timetable().unwrap();
                prop_assert_eq!(back, t, "{}", osm);
            }
        }
    }
}
