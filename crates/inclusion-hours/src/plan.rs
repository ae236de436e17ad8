//! The meaning that French text and readable descriptions share: per condition (always, school
//! holidays, months, dates, week parity), what each day (weekday, n-th weekday, public holiday,
//! eve of a public holiday) is: open at some times, with a note, or closed.
//!
//! [`french`](super::french) builds a [`Plan`] from text and writes it as OSM with
//! [`Plan::to_osm`]; [`describe`](super::describe) builds one from a parsed expression with
//! [`Plan::from_expr`] and writes it as sentences. So a description read back gives the same
//! plan.

use opening_hours::RuleKind;
use opening_hours_syntax::rules::RuleOperator;
use opening_hours_syntax::rules::day::{
    Date, DateOffset, HolidayKind, MonthdayRange, WeekDayOffset, WeekDayRange,
};
use opening_hours_syntax::rules::time::Time;

use super::Expr;
use super::eval::hhmm;
use super::timetable::format_days;

/// Every weekday, as a mask (bit 0 = Monday).
pub(crate) const ALL_DAYS: u8 = 0x7f;

/// A time range in minutes since midnight. `end` is at most 1440; `end <= start` means the
/// range goes on after midnight (`19:00-08:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Span {
    pub start: u16,
    pub end: u16,
}

impl Span {
    /// Whether two ranges of the same day share a minute.
    pub fn overlaps(self, other: Span) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        a0 < b1 && b0 < a1
    }

    /// Start and end on one extended day (the end may pass 24:00).
    pub fn bounds(self) -> (u16, u16) {
        if self.end <= self.start {
            (self.start, self.end + 1440)
        } else {
            (self.start, self.end)
        }
    }

    /// `09:00-12:00`.
    pub fn to_osm(self) -> String {
        format!("{}-{}", hhmm(self.start), hhmm(self.end))
    }
}

/// One open time range of a day and its note (`"sur rendez-vous"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Part {
    pub span: Span,
    pub note: Option<String>,
}

/// What a day is under one condition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum DayState {
    /// Open at these times (sorted by start).
    Open(Vec<Part>),
    /// Closed all day.
    Closed,
}

/// A kind of day.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum DayKey {
    /// A weekday, 0 = Monday.
    Weekday(u8),
    /// Some occurrences of a weekday in the month: `[1, 3]`, `[-1]`.
    Nth(u8, Vec<i8>),
    /// A public holiday (`PH`).
    Holiday,
    /// The day before a public holiday, when it is one of these weekdays (`PH -1 day Mo-Fr`).
    HolidayEve(u8),
}

/// Even or odd ISO week numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Parity {
    Even,
    Odd,
}

/// When a set of day rules applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Scope {
    /// Always (the rest of the year).
    Always,
    /// During school holidays (`SH`).
    SchoolHolidays,
    /// During these months, as inclusive ranges of month numbers (`Jul-Aug` is `[(7, 8)]`).
    Months(Vec<(u8, u8)>),
    /// Between two dates (month, day), inclusive, in one year or every year.
    Dates {
        year: Option<i32>,
        from: (u8, u8),
        to: (u8, u8),
    },
    /// In even or odd ISO weeks.
    Weeks(Parity),
}

/// The day rules of one condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScopePlan {
    pub scope: Scope,
    /// Days in the order they were first given.
    pub days: Vec<(DayKey, DayState)>,
    /// Closed whatever the day (`SH off`, `Aug off`).
    pub closed: bool,
}

impl ScopePlan {
    pub fn get(&self, key: &DayKey) -> Option<&DayState> {
        self.days.iter().find(|(k, _)| k == key).map(|(_, s)| s)
    }

    pub fn set(&mut self, key: DayKey, state: DayState) {
        match self.days.iter_mut().find(|(k, _)| *k == key) {
            Some((_, s)) => *s = state,
            None => self.days.push((key, state)),
        }
    }

    /// Weekdays grouped by identical state (as masks), in the order of their first day;
    /// closed days left out when `skip_closed` (closed is the default for every day).
    pub fn weekday_groups(&self, skip_closed: bool) -> Vec<(u8, &DayState)> {
        let mut groups: Vec<(u8, &DayState)> = Vec::new();
        for d in 0..7u8 {
            let Some(state) = self.get(&DayKey::Weekday(d)) else {
                continue;
            };
            if skip_closed && *state == DayState::Closed {
                continue;
            }
            match groups.iter_mut().find(|(_, s)| *s == state) {
                Some((mask, _)) => *mask |= 1 << d,
                None => groups.push((1 << d, state)),
            }
        }
        groups
    }

    /// The open parts of a weekday (empty when closed or not given).
    pub fn weekday_parts(&self, day: u8) -> &[Part] {
        match self.get(&DayKey::Weekday(day)) {
            Some(DayState::Open(parts)) => parts,
            _ => &[],
        }
    }
}

/// Per condition, what each day is; the first scope is [`Scope::Always`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    pub scopes: Vec<ScopePlan>,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            scopes: vec![ScopePlan {
                scope: Scope::Always,
                days: Vec::new(),
                closed: false,
            }],
        }
    }
}

/// OSM month abbreviations, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

const OSM_DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// The days of a mask as OSM (`Mo-Fr`, `Tu,Th`).
pub(crate) fn days_osm(mask: u8) -> String {
    let days: Vec<usize> = (0..7).filter(|d| mask & (1 << d) != 0).collect();
    format_days(&days)
}

impl Scope {
    /// The OSM selector of the condition, empty for [`Scope::Always`].
    pub fn osm(&self) -> String {
        match self {
            Scope::Always => String::new(),
            Scope::SchoolHolidays => "SH".to_string(),
            Scope::Months(ranges) => ranges
                .iter()
                .map(|&(a, b)| {
                    let m = |x: u8| MONTHS[usize::from(x.clamp(1, 12) - 1)];
                    if a == b {
                        m(a).to_string()
                    } else {
                        format!("{}-{}", m(a), m(b))
                    }
                })
                .collect::<Vec<_>>()
                .join(","),
            Scope::Dates { year, from, to } => {
                let m = |x: u8| MONTHS[usize::from(x.clamp(1, 12) - 1)];
                let mut s = year.map(|y| format!("{y} ")).unwrap_or_default();
                s.push_str(&format!("{} {:02}", m(from.0), from.1));
                if to != from {
                    if to.0 == from.0 {
                        s.push_str(&format!("-{:02}", to.1));
                    } else {
                        s.push_str(&format!("-{} {:02}", m(to.0), to.1));
                    }
                }
                s
            }
            Scope::Weeks(Parity::Even) => "week 02-52/2".to_string(),
            Scope::Weeks(Parity::Odd) => "week 01-53/2".to_string(),
        }
    }
}

/// One OSM rule being written, and whether it adds to the previous one (`, `).
struct Rule {
    text: String,
    additional: bool,
}

fn join_rule(prefix: &str, days: &str, rest: &str) -> String {
    [prefix, days, rest]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The rules of one day state under a selector: the parts grouped by note, each group after
/// the first as an additional rule.
fn state_rules(prefix: &str, days: &str, state: &DayState, out: &mut Vec<Rule>) {
    match state {
        DayState::Closed => out.push(Rule {
            text: join_rule(prefix, days, "off"),
            additional: false,
        }),
        DayState::Open(parts) => {
            let mut notes: Vec<Option<&str>> = Vec::new();
            for p in parts {
                if !notes.contains(&p.note.as_deref()) {
                    notes.push(p.note.as_deref());
                }
            }
            for (i, note) in notes.iter().enumerate() {
                let spans: Vec<String> = parts
                    .iter()
                    .filter(|p| p.note.as_deref() == *note)
                    .map(|p| p.span.to_osm())
                    .collect();
                let mut rest = spans.join(",");
                if let Some(n) = note {
                    rest.push_str(&format!(" open \"{}\"", n.replace('"', "'")));
                }
                // An additional rule needs its own day selector.
                let days = if i > 0 && days.is_empty() && prefix.is_empty() {
                    "Mo-Su"
                } else {
                    days
                };
                out.push(Rule {
                    text: join_rule(prefix, days, &rest),
                    additional: i > 0,
                });
            }
        }
    }
}

fn nth_osm(day: u8, nth: &[i8]) -> String {
    let list: Vec<String> = nth.iter().map(i8::to_string).collect();
    format!("{}[{}]", OSM_DAYS[usize::from(day % 7)], list.join(","))
}

impl Plan {
    /// The plan of a scope, created (empty) when missing.
    pub fn scope_mut(&mut self, scope: &Scope) -> &mut ScopePlan {
        let index = match self.scopes.iter().position(|s| s.scope == *scope) {
            Some(i) => i,
            None => {
                self.scopes.push(ScopePlan {
                    scope: scope.clone(),
                    days: Vec::new(),
                    closed: false,
                });
                self.scopes.len() - 1
            }
        };
        &mut self.scopes[index]
    }

    /// Whether nothing is open anywhere.
    pub fn opens_nowhere(&self) -> bool {
        !self.scopes.iter().any(|s| {
            s.days
                .iter()
                .any(|(_, st)| matches!(st, DayState::Open(p) if !p.is_empty()))
        })
    }

    /// The OSM `opening_hours` value, or `None` when the plan opens nowhere.
    pub fn to_osm(&self) -> Option<String> {
        if self.opens_nowhere() {
            return None;
        }
        let mut rules: Vec<Rule> = Vec::new();
        let mut holiday_closed = false;
        for (index, sp) in self.scopes.iter().enumerate() {
            let base = index == 0;
            let prefix = sp.scope.osm();
            if sp.closed {
                rules.push(Rule {
                    text: join_rule(&prefix, "", "off"),
                    additional: false,
                });
                continue;
            }
            let mut groups = sp.weekday_groups(base);
            let holiday = sp.get(&DayKey::Holiday);
            let others: Vec<&(DayKey, DayState)> = sp
                .days
                .iter()
                .filter(|(k, _)| matches!(k, DayKey::Nth(..) | DayKey::HolidayEve(_)))
                .collect();
            // A public holiday with the same hours as a group joins it, written last.
            let mut holiday_joined = false;
            if base
                && others.is_empty()
                && let Some(h @ DayState::Open(_)) = holiday
                && let Some(pos) = groups.iter().position(|(_, s)| *s == h)
            {
                let g = groups.remove(pos);
                groups.push(g);
                holiday_joined = true;
            }
            let count = groups.len();
            for (i, (mask, state)) in groups.into_iter().enumerate() {
                let all_day = matches!(state, DayState::Open(p)
                    if p.len() == 1 && p[0].note.is_none() && p[0].span == Span { start: 0, end: 1440 });
                let mut days = days_osm(mask);
                if holiday_joined && i + 1 == count {
                    days.push_str(",PH");
                } else if mask == ALL_DAYS && all_day && prefix.is_empty() {
                    rules.push(Rule {
                        text: "24/7".to_string(),
                        additional: false,
                    });
                    continue;
                }
                state_rules(&prefix, &days, state, &mut rules);
            }
            for (key, state) in others {
                let days = match key {
                    DayKey::Nth(d, nth) => nth_osm(*d, nth),
                    DayKey::HolidayEve(mask) if *mask == ALL_DAYS => "PH -1 day".to_string(),
                    DayKey::HolidayEve(mask) => format!("PH -1 day {}", days_osm(*mask)),
                    _ => continue,
                };
                state_rules(&prefix, &days, state, &mut rules);
            }
            match holiday {
                Some(DayState::Closed) => holiday_closed = true,
                Some(state @ DayState::Open(_)) if !holiday_joined => {
                    state_rules(&prefix, "PH", state, &mut rules);
                }
                _ => {}
            }
        }
        if holiday_closed {
            rules.push(Rule {
                text: "PH off".to_string(),
                additional: false,
            });
        }
        let mut out = String::new();
        for (i, r) in rules.iter().enumerate() {
            if i > 0 {
                out.push_str(if r.additional { ", " } else { "; " });
            }
            out.push_str(&r.text);
        }
        Some(out)
    }

    /// The plan of a parsed expression, when every rule is one a plan can hold: weekdays
    /// (n-th too), `PH`, `PH -1 day`, `SH`, months, dates, even/odd weeks, fixed times,
    /// `open`/`closed` with a comment, normal or additional rules, and conditions in the order
    /// a plan writes them (rules for every day before conditional ones). `None` otherwise.
    pub fn from_expr(expr: &Expr) -> Option<Plan> {
        let mut plan = Plan::default();
        let mut seen_condition = false;
        for rule in &expr.get_expression().rules {
            if rule.operator == RuleOperator::Fallback || rule.kind == RuleKind::Unknown {
                return None;
            }
            let additional = rule.operator == RuleOperator::Additional;
            let ds = &rule.day_selector;
            if !ds.year.is_empty() || ds.monthday.len() > 1 || ds.week.len() > 1 {
                return None;
            }
            // The condition.
            let mut scope = Scope::Always;
            if let Some(md) = ds.monthday.first() {
                scope = month_scope(md)?;
            }
            if let Some(w) = ds.week.first() {
                if scope != Scope::Always {
                    return None;
                }
                let (range, step) = w.into_parts();
                scope = match (range.start().0, range.end().0, step) {
                    (1, 53, 2) => Scope::Weeks(Parity::Odd),
                    (2, 52 | 53, 2) => Scope::Weeks(Parity::Even),
                    _ => return None,
                };
            }
            // The days.
            let mut keys: Vec<DayKey> = Vec::new();
            let mut school = false;
            let mut eve = false;
            let mut mask = 0u8;
            for wd in &ds.weekday {
                match wd {
                    WeekDayRange::Holiday {
                        kind: HolidayKind::School,
                        offset: 0,
                    } => school = true,
                    WeekDayRange::Holiday {
                        kind: HolidayKind::Public,
                        offset: 0,
                    } => keys.push(DayKey::Holiday),
                    WeekDayRange::Holiday {
                        kind: HolidayKind::Public,
                        offset: -1,
                    } => eve = true,
                    WeekDayRange::Holiday { .. } => return None,
                    WeekDayRange::Fixed {
                        range,
                        offset: 0,
                        nth_from_start,
                        nth_from_end,
                    } => {
                        let (a, b) = (
                            range.start().num_days_from_monday() as u8,
                            range.end().num_days_from_monday() as u8,
                        );
                        let mut m = 0u8;
                        let mut d = a;
                        loop {
                            m |= 1 << d;
                            if d == b {
                                break;
                            }
                            d = (d + 1) % 7;
                        }
                        let all =
                            !nth_from_start.contains(&false) && !nth_from_end.contains(&false);
                        if all {
                            mask |= m;
                        } else {
                            if a != b {
                                return None;
                            }
                            let mut nth: Vec<i8> = Vec::new();
                            for (i, on) in nth_from_start.iter().enumerate() {
                                if *on {
                                    nth.push(i as i8 + 1);
                                }
                            }
                            for (i, on) in nth_from_end.iter().enumerate() {
                                if *on {
                                    nth.push(-(i as i8) - 1);
                                }
                            }
                            keys.push(DayKey::Nth(a, nth));
                        }
                    }
                    WeekDayRange::Fixed { .. } => return None,
                }
            }
            if school {
                if scope != Scope::Always {
                    return None;
                }
                scope = Scope::SchoolHolidays;
            }
            if eve {
                if !keys.is_empty() {
                    return None;
                }
                keys.push(DayKey::HolidayEve(if mask == 0 { ALL_DAYS } else { mask }));
                mask = 0;
            }
            for d in 0..7 {
                if mask & (1 << d) != 0 {
                    keys.push(DayKey::Weekday(d));
                }
            }
            let whole_scope = keys.is_empty();
            if whole_scope && scope == Scope::Always && rule.kind == RuleKind::Open {
                keys.extend((0..7).map(DayKey::Weekday));
            }
            let holiday_off = keys == [DayKey::Holiday] && rule.kind == RuleKind::Closed;
            if scope == Scope::Always {
                // `PH off` is written last anyway.
                if seen_condition && !holiday_off {
                    return None;
                }
            } else {
                seen_condition = true;
            }
            // The times.
            let mut spans = Vec::new();
            for span in &rule.time_selector.spans {
                if span.open_end || span.repeats.is_some() {
                    return None;
                }
                let (Time::Fixed(a), Time::Fixed(b)) = (span.range.start, span.range.end) else {
                    return None;
                };
                let (a, b) = (a.mins_from_midnight(), b.mins_from_midnight());
                // `19:00-08:00` goes on after midnight, as `19:00-32:00` does.
                if a >= 1440 || b > 2880 || b == a {
                    return None;
                }
                let end = if b > 1440 { b - 1440 } else { b };
                if b > 1440 && end > a {
                    return None;
                }
                spans.push(Span { start: a, end });
            }
            let note = (!rule.comment.is_empty()).then(|| rule.comment.to_string());
            let sp = plan.scope_mut(&scope);
            if whole_scope && scope != Scope::Always {
                if rule.kind == RuleKind::Closed && !additional {
                    sp.closed = true;
                    sp.days.clear();
                    continue;
                }
                keys.extend((0..7).map(DayKey::Weekday));
            }
            if whole_scope && scope == Scope::Always && rule.kind == RuleKind::Closed {
                // `off` alone closes everything said before.
                if additional {
                    return None;
                }
                for (_, s) in sp.days.iter_mut() {
                    *s = DayState::Closed;
                }
                continue;
            }
            for key in keys {
                let state = match rule.kind {
                    RuleKind::Closed => {
                        if additional {
                            return None;
                        }
                        DayState::Closed
                    }
                    _ => {
                        let mut parts: Vec<Part> = spans
                            .iter()
                            .map(|&span| Part {
                                span,
                                note: note.clone(),
                            })
                            .collect();
                        if additional && let Some(DayState::Open(old)) = sp.get(&key) {
                            let mut all = old.clone();
                            all.append(&mut parts);
                            all.sort_by_key(|p| p.span);
                            parts = all;
                        }
                        DayState::Open(parts)
                    }
                };
                sp.set(key, state);
            }
        }
        // A later conditional rule on the same weekday as an n-th rule, or a base `PH` rule
        // under a condition, cannot be written back in the same order.
        if plan
            .scopes
            .iter()
            .skip(1)
            .any(|s| s.get(&DayKey::Holiday).is_some())
        {
            return None;
        }
        Some(plan)
    }
}

/// The scope of a month or date selector.
fn month_scope(md: &MonthdayRange) -> Option<Scope> {
    match md {
        MonthdayRange::Month { range, year: None } => {
            let (a, b) = (*range.start() as u8, *range.end() as u8);
            if b < a {
                return None;
            }
            Some(Scope::Months(vec![(a, b)]))
        }
        MonthdayRange::Date { start, end } => {
            let plain = |o: &DateOffset| o.day_offset == 0 && o.wday_offset == WeekDayOffset::None;
            if !plain(&start.1) || !plain(&end.1) {
                return None;
            }
            let (
                Date::Fixed {
                    year: y1,
                    month: m1,
                    day: d1,
                },
                Date::Fixed {
                    year: y2,
                    month: m2,
                    day: d2,
                },
            ) = (start.0, end.0)
            else {
                return None;
            };
            if y2.is_some() && y2 != y1 {
                return None;
            }
            let (from, to) = ((m1 as u8, d1), (m2 as u8, d2));
            if to < from {
                return None;
            }
            Some(Scope::Dates {
                year: y1.map(|y| y.0),
                from,
                to,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::OpeningHours;

    fn open(spans: &[(u16, u16)], note: Option<&str>) -> DayState {
        DayState::Open(
            spans
                .iter()
                .map(|&(start, end)| Part {
                    span: Span { start, end },
                    note: note.map(str::to_string),
                })
                .collect(),
        )
    }

    /// The same state every 433 minutes over 2026, in Paris with the zone C calendar.
    pub(crate) fn assert_same_verdicts(a: &OpeningHours, b: &OpeningHours) {
        use crate::{Locale, SchoolZone, Territory};
        use chrono::{TimeDelta, TimeZone, Utc};
        let locale = Locale::from(Territory::Metropolitan).with_school_zone(SchoolZone::C);
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        for step in 0..(365 * 24 * 60 / 433) {
            let t = start + TimeDelta::minutes(433 * step);
            assert_eq!(
                a.status_at(t, locale).map(|s| s.state),
                b.status_at(t, locale).map(|s| s.state),
                "{} / {} at {t}",
                a.as_str(),
                b.as_str()
            );
        }
    }

    #[test]
    fn plans_are_written_as_osm() {
        let mut plan = Plan::default();
        let base = plan.scope_mut(&Scope::Always);
        for d in 0..5 {
            base.set(DayKey::Weekday(d), open(&[(540, 720), (840, 1050)], None));
        }
        base.set(DayKey::Weekday(2), DayState::Closed);
        base.set(DayKey::Holiday, DayState::Closed);
        plan.scope_mut(&Scope::SchoolHolidays).closed = true;
        assert_eq!(
            plan.to_osm().as_deref(),
            Some("Mo,Tu,Th,Fr 09:00-12:00,14:00-17:30; SH off; PH off")
        );
        let osm = plan.to_osm().unwrap();
        assert!(OpeningHours::new(osm).is_valid());
    }

    #[test]
    fn notes_make_additional_rules_and_holidays_join_their_group() {
        let mut plan = Plan::default();
        let base = plan.scope_mut(&Scope::Always);
        for d in 0..5 {
            base.set(
                DayKey::Weekday(d),
                DayState::Open(vec![
                    Part {
                        span: Span {
                            start: 540,
                            end: 720,
                        },
                        note: None,
                    },
                    Part {
                        span: Span {
                            start: 840,
                            end: 1020,
                        },
                        note: Some("sur rendez-vous".into()),
                    },
                ]),
            );
        }
        base.set(DayKey::Weekday(6), open(&[(540, 720)], None));
        base.set(DayKey::Holiday, open(&[(540, 720)], None));
        assert_eq!(
            plan.to_osm().as_deref(),
            Some(
                "Mo-Fr 09:00-12:00, Mo-Fr 14:00-17:00 open \"sur rendez-vous\"; Su,PH 09:00-12:00"
            )
        );
    }

    #[test]
    fn from_expr_then_to_osm_keeps_the_meaning() {
        for text in [
            "Mo-Fr 09:00-12:00,14:00-17:30; PH off",
            "Mo-Fr 08:30-12:00,13:30-17:00; We off",
            "Tu,Th 09:00-12:00; SH off",
            "Mo-Fr 09:00-12:00,14:00-18:00; SH Mo-Fr 09:00-12:00",
            "Mo-Sa 07:00-20:00; Su,PH 09:00-12:00",
            "We[1,3] 14:00-17:00",
            "week 01-53/2 Tu 09:00-12:30; PH off",
            "Mo-Su 19:00-08:00",
            "24/7",
            "Jul 01-Aug 31 10:00-19:00",
            "Mo-Fr 09:00-12:00; Aug off",
            "2027 Apr 12-16 off; Mo-Fr 09:00-12:00",
        ] {
            let h = OpeningHours::new(text);
            let plan = Plan::from_expr(h.expr().unwrap());
            if text.starts_with("2027") {
                // A condition before the rules for every day: not a plan.
                assert!(plan.is_none(), "{text}");
                continue;
            }
            let osm = plan.unwrap_or_else(|| panic!("{text}")).to_osm().unwrap();
            let back = OpeningHours::new(&osm);
            assert!(back.is_valid(), "{text} -> {osm}");
            assert_same_verdicts(&h, &back);
        }
    }
}
