//! Opening hours as sentences, in French or English: [`OpeningHours::describe`] and
//! [`OpeningHours::state_line`].
//!
//! A description states what each day *is* (later OSM rules replacing earlier ones are
//! resolved first), one group of days with the same hours per clause, conditions first
//! (`Pendant les vacances scolaires :`), in each language's conventions: French `9 h 30`,
//! `de 9 h à 12 h`, a space before `;` and `:`; English `9:30`, `9:00–12:00` with an en dash.
//! A French description read back with [`from_french`](super::from_french) gives the same
//! verdicts (tested over the real corpus).
//!
//! ```
//! use inclusion_hours::{Lang, OpeningHours};
//!
//! let h = OpeningHours::new("Mo-Fr 09:00-12:00,14:00-17:30; PH off");
//! assert_eq!(
//!     h.describe(Lang::Fr).unwrap(),
//!     "Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h 30 ; fermé les jours fériés"
//! );
//! assert_eq!(
//!     h.describe(Lang::En).unwrap(),
//!     "Monday to Friday, 9:00–12:00 and 14:00–17:30; closed on public holidays"
//! );
//! let h = OpeningHours::new("Tu,Th 09:00-12:00; SH off");
//! assert_eq!(
//!     h.describe(Lang::Fr).unwrap(),
//!     "Le mardi et le jeudi, de 9 h à 12 h ; fermé pendant les vacances scolaires"
//! );
//! ```

use chrono::{DateTime, Datelike, Utc};

use super::OpeningHours;
use super::eval::{Locale, State};
use super::lang::Lang;
use super::plan::{ALL_DAYS, DayKey, DayState, Parity, Part, Plan, Scope, Span};

const FR_DAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const EN_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `9 h`, `9 h 30` / `9:00`, `9:30`.
fn time(m: u16, lang: Lang) -> String {
    let (h, min) = (m / 60, m % 60);
    match (lang, min) {
        (Lang::Fr, 0) => format!("{h} h"),
        (Lang::Fr, _) => format!("{h} h {min:02}"),
        (Lang::En, _) => format!("{h}:{min:02}"),
    }
}

fn span(s: Span, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("de {} à {}", time(s.start, lang), time(s.end, lang)),
        Lang::En => format!("{}–{}", time(s.start, lang), time(s.end, lang)),
    }
}

/// `a, b et c` / `a, b and c`.
fn list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

fn month(m: u8, lang: Lang) -> &'static str {
    let i = usize::from(m.clamp(1, 12) - 1);
    match lang {
        Lang::Fr => FR_MONTHS[i],
        Lang::En => EN_MONTHS[i],
    }
}

/// Weekdays: `du lundi au vendredi et le samedi` / `Monday to Friday and Saturday`.
fn days(mask: u8, lang: Lang) -> String {
    if mask == ALL_DAYS {
        return match lang {
            Lang::Fr => "tous les jours".into(),
            Lang::En => "every day".into(),
        };
    }
    let mut items = Vec::new();
    let mut d = 0;
    while d < 7 {
        if mask & (1 << d) == 0 {
            d += 1;
            continue;
        }
        let mut e = d;
        while e + 1 < 7 && mask & (1 << (e + 1)) != 0 {
            e += 1;
        }
        let name = |x: usize| match lang {
            Lang::Fr => FR_DAYS[x],
            Lang::En => EN_DAYS[x],
        };
        if e - d >= 2 {
            items.push(match lang {
                Lang::Fr => format!("du {} au {}", name(d), name(e)),
                Lang::En => format!("{} to {}", name(d), name(e)),
            });
        } else {
            for x in d..=e {
                items.push(match lang {
                    Lang::Fr => format!("le {}", name(x)),
                    Lang::En => name(x).to_string(),
                });
            }
        }
        d = e + 1;
    }
    list(&items, lang)
}

fn ordinal(n: i8, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1er".into(),
        (Lang::Fr, -1) => "dernier".into(),
        (Lang::Fr, -2) => "avant-dernier".into(),
        (Lang::Fr, n) => format!("{n}e"),
        (Lang::En, 1) => "1st".into(),
        (Lang::En, 2) => "2nd".into(),
        (Lang::En, 3) => "3rd".into(),
        (Lang::En, -1) => "last".into(),
        (Lang::En, -2) => "second to last".into(),
        (Lang::En, n) => format!("{n}th"),
    }
}

/// The days of a key.
fn key_days(key: &DayKey, lang: Lang) -> String {
    match key {
        DayKey::Weekday(d) => days(1 << d, lang),
        DayKey::Nth(d, nth) => {
            let ords: Vec<String> = nth.iter().map(|&n| ordinal(n, lang)).collect();
            match lang {
                Lang::Fr => format!(
                    "le {} {} du mois",
                    list(&ords, lang),
                    FR_DAYS[usize::from(*d % 7)]
                ),
                Lang::En => format!(
                    "the {} {} of the month",
                    list(&ords, lang),
                    EN_DAYS[usize::from(*d % 7)]
                ),
            }
        }
        DayKey::Holiday => match lang {
            Lang::Fr => "les jours fériés".into(),
            Lang::En => "public holidays".into(),
        },
        DayKey::HolidayEve(mask) => {
            let eve = match lang {
                Lang::Fr => "la veille des jours fériés",
                Lang::En => "the day before a public holiday",
            };
            if *mask == ALL_DAYS {
                eve.into()
            } else {
                match lang {
                    Lang::Fr => format!("{eve} tombant {}", days(*mask, lang)),
                    Lang::En => format!("{eve} falling on {}", days(*mask, lang)),
                }
            }
        }
    }
}

fn note(n: &str, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fr, "sur rendez-vous" | "sans rendez-vous") => n.to_string(),
        (Lang::Fr, _) => format!("(« {n} »)"),
        (Lang::En, "sur rendez-vous") => "by appointment".into(),
        (Lang::En, "sans rendez-vous") => "without appointment".into(),
        (Lang::En, _) => format!("(“{n}”)"),
    }
}

/// `de 9 h à 12 h et de 14 h à 17 h sur rendez-vous` / `9:00–12:00 and 14:00–17:00 by
/// appointment`.
fn parts(parts: &[Part], lang: Lang) -> String {
    let mut notes: Vec<Option<&str>> = Vec::new();
    for p in parts {
        if !notes.contains(&p.note.as_deref()) {
            notes.push(p.note.as_deref());
        }
    }
    let mut groups = Vec::new();
    for n in notes {
        let spans: Vec<String> = parts
            .iter()
            .filter(|p| p.note.as_deref() == n)
            .map(|p| span(p.span, lang))
            .collect();
        let mut text = list(&spans, lang);
        if let Some(n) = n {
            text.push(' ');
            text.push_str(&note(n, lang));
        }
        groups.push(text);
    }
    let sep = match lang {
        Lang::Fr => ", et ",
        Lang::En => ", and ",
    };
    groups.join(sep)
}

/// The condition of a scope, as a header (`Pendant les vacances scolaires`), or `None`.
fn condition(scope: &Scope, lang: Lang) -> Option<String> {
    Some(match scope {
        Scope::Always => return None,
        Scope::SchoolHolidays => match lang {
            Lang::Fr => "pendant les vacances scolaires".into(),
            Lang::En => "during school holidays".into(),
        },
        Scope::Months(ranges) => {
            let items: Vec<String> = ranges
                .iter()
                .map(|&(a, b)| {
                    if a == b {
                        month(a, lang).to_string()
                    } else if b == a + 1 {
                        list(
                            &[month(a, lang).to_string(), month(b, lang).to_string()],
                            lang,
                        )
                    } else {
                        match lang {
                            Lang::Fr => format!("de {} à {}", month(a, lang), month(b, lang)),
                            Lang::En => format!("{} to {}", month(a, lang), month(b, lang)),
                        }
                    }
                })
                .collect();
            match lang {
                Lang::Fr => format!("en {}", list(&items, lang)),
                Lang::En => format!("in {}", list(&items, lang)),
            }
        }
        Scope::Dates { year, from, to } => {
            let day = |d: u8| match lang {
                Lang::Fr if d == 1 => "1er".to_string(),
                _ => d.to_string(),
            };
            let y = year.map(|y| format!(" {y}")).unwrap_or_default();
            if from == to {
                match lang {
                    Lang::Fr => format!("le {} {}{y}", day(from.1), month(from.0, lang)),
                    Lang::En => format!("on {} {}{y}", day(from.1), month(from.0, lang)),
                }
            } else {
                match lang {
                    Lang::Fr => format!(
                        "du {} {} au {} {}{y}",
                        day(from.1),
                        month(from.0, lang),
                        day(to.1),
                        month(to.0, lang)
                    ),
                    Lang::En => format!(
                        "from {} {} to {} {}{y}",
                        day(from.1),
                        month(from.0, lang),
                        day(to.1),
                        month(to.0, lang)
                    ),
                }
            }
        }
        Scope::Weeks(p) => match (lang, p) {
            (Lang::Fr, Parity::Even) => "les semaines paires".into(),
            (Lang::Fr, Parity::Odd) => "les semaines impaires".into(),
            (Lang::En, Parity::Even) => "in even weeks".into(),
            (Lang::En, Parity::Odd) => "in odd weeks".into(),
        },
    })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The clauses of a plan.
fn describe_plan(plan: &Plan, lang: Lang) -> String {
    let closed_word = match lang {
        Lang::Fr => "fermé",
        Lang::En => "closed",
    };
    let mut clauses: Vec<String> = Vec::new();
    let mut holiday_closed = false;
    for (index, sp) in plan.scopes.iter().enumerate() {
        let base = index == 0;
        let cond = condition(&sp.scope, lang);
        if sp.closed {
            if let Some(c) = &cond {
                let c = match (lang, &sp.scope) {
                    (Lang::En, Scope::Months(_)) => c.clone(),
                    _ => c.clone(),
                };
                clauses.push(format!("{closed_word} {c}"));
            }
            continue;
        }
        let mut own: Vec<String> = Vec::new();
        // Weekdays with the same state together.
        let groups = sp.weekday_groups(base);
        let holiday = sp.get(&DayKey::Holiday);
        let mut holiday_joined = false;
        for (mask, state) in &groups {
            let mut who = days(*mask, lang);
            if base
                && let Some(h @ DayState::Open(_)) = holiday
                && h == *state
                && !holiday_joined
            {
                who = list(&[who, key_days(&DayKey::Holiday, lang)], lang);
                holiday_joined = true;
            }
            own.push(match state {
                DayState::Open(p)
                    if *mask == ALL_DAYS
                        && p.len() == 1
                        && p[0].note.is_none()
                        && p[0].span
                            == (Span {
                                start: 0,
                                end: 1440,
                            }) =>
                {
                    match lang {
                        Lang::Fr => "24 h/24, 7 j/7".into(),
                        Lang::En => "24/7".into(),
                    }
                }
                DayState::Open(p) => format!("{}, {}", who, parts(p, lang)),
                DayState::Closed => format!("{closed_word} {who}"),
            });
        }
        for (key, state) in &sp.days {
            if matches!(key, DayKey::Weekday(_)) {
                continue;
            }
            if matches!(key, DayKey::Holiday) {
                match state {
                    DayState::Closed => {
                        holiday_closed = true;
                        continue;
                    }
                    DayState::Open(_) if holiday_joined => continue,
                    _ => {}
                }
            }
            let who = key_days(key, lang);
            own.push(match state {
                DayState::Open(p) => format!("{}, {}", who, parts(p, lang)),
                DayState::Closed => format!("{closed_word} {who}"),
            });
        }
        let sep = match lang {
            Lang::Fr => " : ",
            Lang::En => ": ",
        };
        for (i, text) in own.into_iter().enumerate() {
            match (&cond, i) {
                (Some(c), 0) => clauses.push(format!("{}{sep}{text}", capitalize(c))),
                _ => clauses.push(text),
            }
        }
    }
    if holiday_closed {
        clauses.push(match lang {
            Lang::Fr => "fermé les jours fériés".into(),
            Lang::En => "closed on public holidays".into(),
        });
    }
    let sep = match lang {
        Lang::Fr => " ; ",
        Lang::En => "; ",
    };
    let text = clauses.join(sep);
    capitalize(&text)
}

impl OpeningHours {
    /// The hours as sentences in `lang` (the form is described in the module `describe`), or `None`
    /// when the text does not parse.
    ///
    /// Hours a description cannot state faithfully (sun times, open ends, easter, year
    /// ranges, fallback rules, conditions written before the rules for every day) are given
    /// as their OSM text after `Horaires :` / `Hours:`.
    ///
    /// ```
    /// use inclusion_hours::{Lang, OpeningHours};
    /// let h = OpeningHours::new("Mo-Sa 07:00-20:00; Su,PH 09:00-12:00");
    /// assert_eq!(
    ///     h.describe(Lang::Fr).unwrap(),
    ///     "Du lundi au samedi, de 7 h à 20 h ; le dimanche et les jours fériés, de 9 h à 12 h"
    /// );
    /// assert_eq!(OpeningHours::new("Mo sunrise-sunset").describe(Lang::En).unwrap(),
    ///     "Hours: Mo sunrise-sunset");
    /// ```
    pub fn describe(&self, lang: Lang) -> Option<String> {
        let expr = self.expr()?;
        match Plan::from_expr(expr) {
            Some(plan) if !plan.opens_nowhere() => Some(describe_plan(&plan, lang)),
            Some(_) => Some(match lang {
                Lang::Fr => "Fermé".into(),
                Lang::En => "Closed".into(),
            }),
            None => Some(match lang {
                Lang::Fr => format!("Horaires : {}", expr),
                Lang::En => format!("Hours: {}", expr),
            }),
        }
    }

    /// One line for "is it open now": `Ouvert · ferme à 17 h 30`, `Fermé · ouvre lundi à
    /// 9 h`, `Open · closes at 17:30`, `Closed · opens tomorrow at 9:00`. The time is the
    /// next change in the locale's time zone, within [`HORIZON_DAYS`](super::HORIZON_DAYS);
    /// a comment of the current rule comes in brackets. `None` when the text does not parse.
    ///
    /// ```
    /// use inclusion_hours::{Lang, Locale, OpeningHours, Territory};
    /// use chrono::{TimeZone, Utc};
    /// let h = OpeningHours::new("Mo-Fr 09:00-12:00,14:00-17:30");
    /// let paris = Locale::from(Territory::Metropolitan);
    /// // Friday 18 December 2026, 15:00 in Paris.
    /// let t = Utc.with_ymd_and_hms(2026, 12, 18, 14, 0, 0).unwrap();
    /// assert_eq!(h.state_line(t, paris, Lang::Fr).unwrap(), "Ouvert · ferme à 17 h 30");
    /// assert_eq!(h.state_line(t, paris, Lang::En).unwrap(), "Open · closes at 17:30");
    /// // Saturday: closed until Monday.
    /// let t = Utc.with_ymd_and_hms(2026, 12, 19, 10, 0, 0).unwrap();
    /// assert_eq!(h.state_line(t, paris, Lang::Fr).unwrap(), "Fermé · ouvre lundi à 9 h");
    /// assert_eq!(h.state_line(t, paris, Lang::En).unwrap(), "Closed · opens Monday at 9:00");
    /// ```
    pub fn state_line(&self, at: DateTime<Utc>, locale: Locale, lang: Lang) -> Option<String> {
        let status = self.status_at(at, locale)?;
        let now = status.local_time.date_naive();
        let mut head = match (status.state, lang) {
            (State::Open, Lang::Fr) => "Ouvert".to_string(),
            (State::Open, Lang::En) => "Open".to_string(),
            (State::Closed, Lang::Fr) => "Fermé".to_string(),
            (State::Closed, Lang::En) => "Closed".to_string(),
            (State::Unknown, Lang::Fr) => "Horaires non connus".to_string(),
            (State::Unknown, Lang::En) => "Hours not known".to_string(),
        };
        if let Some(c) = &status.comment {
            head.push_str(&format!(" ({c})"));
        }
        let (next, verb) = match status.state {
            State::Open => (
                self.next_closing(at, locale),
                match lang {
                    Lang::Fr => "ferme",
                    Lang::En => "closes",
                },
            ),
            _ => (
                self.next_opening(at, locale),
                match lang {
                    Lang::Fr => "ouvre",
                    Lang::En => "opens",
                },
            ),
        };
        let Some(next) = next else {
            return Some(head);
        };
        let date = next.date_naive();
        let minutes = (next.time().num_seconds_from_midnight_u32() / 60) as u16;
        let t = time(minutes, lang);
        let days_ahead = (date - now).num_days();
        let weekday = date.weekday().num_days_from_monday() as usize;
        let when = match (lang, days_ahead) {
            (Lang::Fr, 0) => format!("à {t}"),
            (Lang::En, 0) => format!("at {t}"),
            (Lang::Fr, 1) => format!("demain à {t}"),
            (Lang::En, 1) => format!("tomorrow at {t}"),
            (Lang::Fr, 2..=6) => format!("{} à {t}", FR_DAYS[weekday]),
            (Lang::En, 2..=6) => format!("{} at {t}", EN_DAYS[weekday]),
            (Lang::Fr, _) => {
                let d = if date.day() == 1 {
                    "1er".to_string()
                } else {
                    date.day().to_string()
                };
                format!("le {d} {} à {t}", month(date.month() as u8, lang))
            }
            (Lang::En, _) => format!(
                "on {} {} at {t}",
                date.day(),
                month(date.month() as u8, lang)
            ),
        };
        Some(format!("{head} · {verb} {when}"))
    }
}

/// Seconds since midnight as `u32`.
trait SecondsOfDay {
    fn num_seconds_from_midnight_u32(&self) -> u32;
}

impl SecondsOfDay for chrono::NaiveTime {
    fn num_seconds_from_midnight_u32(&self) -> u32 {
        use chrono::Timelike;
        self.num_seconds_from_midnight()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::from_french;
    use crate::plan::tests::assert_same_verdicts;

    #[test]
    fn descriptions_read_back_as_the_same_hours() {
        for text in [
            "Mo-Fr 09:00-12:00,14:00-17:30; PH off",
            "Mo-Fr 08:30-12:00,13:30-17:00; We off",
            "Tu,Th 09:00-12:00; SH off",
            "Mo-Fr 09:00-12:00,14:00-18:00; SH Mo-Fr 09:00-12:00",
            "Mo-Sa 07:00-20:00; Su,PH 09:00-12:00",
            "We[1,3] 14:00-17:00",
            "Fr[-1] 09:00-12:00",
            "week 01-53/2 Tu 09:00-12:30; PH off",
            "Mo-Su 19:00-08:00",
            "24/7",
            "Jul 01-Aug 31 10:00-19:00",
            "Mo-Fr 09:00-12:00; Aug off",
            "Mo-Fr 09:00-12:00, Mo-Fr 14:00-17:00 open \"sur rendez-vous\"",
            "Mo-Fr 08:30-12:00,13:30-17:30; Jul-Aug Mo-Fr 08:00-13:00",
            "Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00; Jul-Aug Sa off",
            "SH We 10:00-17:00",
            "08:00-17:00",
        ] {
            let h = OpeningHours::new(text);
            let fr = h.describe(Lang::Fr).unwrap();
            let en = h.describe(Lang::En).unwrap();
            assert!(!en.is_empty());
            let back = from_french(&fr);
            let Some(osm) = back.osm else {
                panic!("{text} -> {fr} -> {:?}", back.why);
            };
            assert_same_verdicts(&h, &OpeningHours::new(osm));
        }
    }

    #[test]
    fn english_typography() {
        let h = OpeningHours::new("Sa 10:00-12:00 open \"sur rendez-vous\"; SH off");
        assert_eq!(
            h.describe(Lang::En).unwrap(),
            "Saturday, 10:00–12:00 by appointment; closed during school holidays"
        );
        assert_eq!(
            h.describe(Lang::Fr).unwrap(),
            "Le samedi, de 10 h à 12 h sur rendez-vous ; fermé pendant les vacances scolaires"
        );
        assert_eq!(serde_json::to_string(&Lang::En).unwrap(), "\"en\"");
    }
}
