//! Holidays with weekdays: `SH Mo-Fr` against `SH,Mo-Fr`.
//!
//! In the OSM syntax a holiday and weekdays joined by a space select the days that are both
//! (`SH Mo-Fr`: school-holiday days from Monday to Friday), and joined by a comma the days
//! that are either (`Su,PH`). `opening_hours.js`, the reference, reads them so; the
//! `opening-hours` crate reads both as "either" (its parsed form does not keep the
//! separator). This module finds, from the text, the rules that mean "both", and builds one
//! expression per weekday in which such a rule is either the holiday alone (on its
//! weekdays) or absent (on the others): evaluating a date with the expression of its weekday
//! gives the reference's reading.

use opening_hours_syntax::rules::OpeningHoursExpression;
use opening_hours_syntax::rules::day::WeekDayRange;

use super::Expr;

const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Per adjacency of a holiday (`PH`, `SH`) and weekdays in the text, in order: whether they
/// are joined by a space (`true`) or a comma (`false`).
fn adjacencies(text: &str) -> Vec<bool> {
    // Text outside comments.
    let mut plain = String::with_capacity(text.len());
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
            plain.push(' ');
        } else {
            plain.push(if quoted { ' ' } else { c });
        }
    }
    let b = plain.as_bytes();
    let is_day_at = |i: usize| DAYS.iter().any(|d| b.get(i..i + 2) == Some(d.as_bytes()));
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < b.len() {
        let word_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let holiday = word_start
            && matches!(&b[i..i + 2], b"PH" | b"SH")
            && b.get(i + 2).is_none_or(|c| !c.is_ascii_alphanumeric());
        if !holiday {
            i += 1;
            continue;
        }
        // After: an optional offset (` -1 day`), then `,` or spaces and a weekday.
        let mut j = i + 2;
        let mut k = j;
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        if k < b.len() && (b[k] == b'+' || b[k] == b'-') {
            let mut m = k + 1;
            while m < b.len() && (b[m].is_ascii_digit() || b[m] == b' ') {
                m += 1;
            }
            if plain.get(m..).is_some_and(|r| r.starts_with("day")) {
                j = m + 3;
                if b.get(j) == Some(&b's') {
                    j += 1;
                }
            }
        }
        let mut k = j;
        let comma_after = b.get(k) == Some(&b',');
        if comma_after {
            k += 1;
        }
        let spaces = k;
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        if is_day_at(k) && (comma_after || k > spaces) {
            out.push(!comma_after);
        } else {
            // Before: a weekday (or `]` of `Sa[1]`) then `,` or spaces.
            let mut p = i;
            let mut spaced = false;
            while p > 0 && b[p - 1] == b' ' {
                p -= 1;
                spaced = true;
            }
            let comma_before = p > 0 && b[p - 1] == b',';
            if comma_before {
                p -= 1;
                while p > 0 && b[p - 1] == b' ' {
                    p -= 1;
                }
            }
            let day_before = p >= 2 && (is_day_at(p - 2) || b[p - 1] == b']');
            if day_before && (comma_before || spaced) {
                out.push(!comma_before);
            }
        }
        i = j.max(i + 2);
    }
    out
}

/// Whether a rule's weekday selector has both a holiday and weekdays.
fn mixes(rule: &opening_hours_syntax::rules::RuleSequence) -> bool {
    let w = &rule.day_selector.weekday;
    w.iter().any(|x| matches!(x, WeekDayRange::Holiday { .. }))
        && w.iter().any(|x| matches!(x, WeekDayRange::Fixed { .. }))
}

/// One expression per weekday (Monday first) when some rule means "holiday and weekdays";
/// `None` when the crate's reading is already the reference's.
pub(crate) fn weekday_variants(text: &str, expr: &Expr) -> Option<Vec<Expr>> {
    let ast = expr.get_expression();
    let candidates: Vec<usize> = ast
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| mixes(r))
        .map(|(i, _)| i)
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let joins = adjacencies(text);
    if joins.len() != candidates.len() || !joins.iter().any(|&s| s) {
        return None;
    }
    let both: Vec<usize> = candidates
        .iter()
        .zip(&joins)
        .filter(|(_, s)| **s)
        .map(|(&i, _)| i)
        .collect();
    let mut out = Vec::with_capacity(7);
    for day in 0..7u8 {
        let mut rules = Vec::new();
        for (i, rule) in ast.rules.iter().enumerate() {
            if !both.contains(&i) {
                rules.push(rule.clone());
                continue;
            }
            let on_day = rule.day_selector.weekday.iter().any(|x| match x {
                WeekDayRange::Fixed { range, .. } => {
                    let (a, b) = (
                        range.start().num_days_from_monday() as u8,
                        range.end().num_days_from_monday() as u8,
                    );
                    if a <= b {
                        (a..=b).contains(&day)
                    } else {
                        day >= a || day <= b
                    }
                }
                WeekDayRange::Holiday { .. } => false,
            });
            // n-th weekdays ("SH Sa[1]") cannot be split this way.
            if rule.day_selector.weekday.iter().any(|x| {
                matches!(x, WeekDayRange::Fixed { nth_from_start, nth_from_end, .. }
                    if nth_from_start.contains(&false) || nth_from_end.contains(&false))
            }) {
                return None;
            }
            if on_day {
                let mut r = rule.clone();
                r.day_selector
                    .weekday
                    .retain(|x| matches!(x, WeekDayRange::Holiday { .. }));
                rules.push(r);
            }
        }
        let variant = OpeningHoursExpression { rules }.to_string();
        out.push(variant.parse::<Expr>().ok()?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_commas_between_holidays_and_days() {
        assert_eq!(
            adjacencies("Mo-Fr 09:00-12:00; SH Mo-Fr 09:00-12:00"),
            vec![true]
        );
        assert_eq!(
            adjacencies("Mo-Sa 07:00-20:00; Su,PH 09:00-12:00"),
            vec![false]
        );
        assert_eq!(adjacencies("PH -1 day Mo-Fr 09:00-16:00"), vec![true]);
        assert_eq!(adjacencies("Mo-Fr 09:00-12:00; PH off"), Vec::<bool>::new());
        assert_eq!(adjacencies("Mo 10:00 \"SH Mo\""), Vec::<bool>::new());
        assert_eq!(
            adjacencies("SH,Sa 10:00-12:00; Mo PH off"),
            vec![false, true]
        );
    }

    #[test]
    fn variants_keep_a_holiday_rule_only_on_its_weekdays() {
        let text = "Mo-Fr 09:00-12:00,14:00-18:00; SH Mo-Fr 09:00-12:00";
        let expr: Expr = text.parse().unwrap();
        let v = weekday_variants(text, &expr).unwrap();
        assert_eq!(
            v[0].to_string(),
            "Mo-Fr 09:00-12:00,14:00-18:00; SH 09:00-12:00"
        );
        assert_eq!(v[5].to_string(), "Mo-Fr 09:00-12:00,14:00-18:00");
        assert!(
            weekday_variants("Su,PH 10:00-12:00", &"Su,PH 10:00-12:00".parse().unwrap()).is_none()
        );
    }
}
