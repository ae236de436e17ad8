//! The checks of the standard's Table Schema (v1.0.2), exactly as the official validator
//! (frictionless) applies them: patterns matched from the start of the value, `number` and
//! `date` types, `maxLength`.

use chrono::NaiveDate;

/// `^[a-zA-Z0-9]{9,14}$`
pub(crate) fn pivot(s: &str) -> bool {
    (9..=14).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// `^\d{5}$`
pub(crate) fn postcode(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}

/// `^([013-9]\d|2[AB1-9])\d{3}$`
pub(crate) fn insee_code(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 5 || !b[2..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    match b[0] {
        b'0' | b'1' | b'3'..=b'9' => b[1].is_ascii_digit(),
        b'2' => matches!(b[1], b'A' | b'B' | b'1'..=b'9'),
        _ => false,
    }
}

/// The country codes of the `telephone` pattern.
pub(crate) const PHONE_PREFIXES: [&str; 10] = [
    "+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681",
];

/// `^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$`
///
/// The regex alternation tries the prefixes in order but backtracks, so a value matches when
/// any prefix is followed by 6 to 9 digits and nothing else.
pub(crate) fn phone(s: &str) -> bool {
    PHONE_PREFIXES.iter().any(|p| {
        s.strip_prefix(p).is_some_and(|rest| {
            (6..=9).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// The `number` type of frictionless (Python `Decimal`): surrounding whitespace is ignored;
/// `NaN` and `Infinity` are numbers for the validator (they are reported by the model).
pub(crate) fn number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok()
}

/// The `date` type with `format: default` of frictionless: Python's
/// `datetime.strptime(value, "%Y-%m-%d")`, whose regex is
/// `(\d\d\d\d)-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])` followed by a check
/// that the whole value was consumed. So `2024-4-2` is a date, `2024-04-02T10:00:00` is not.
pub(crate) fn date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return None;
    }
    let year = (b[0] - b'0') as i32 * 1000
        + (b[1] - b'0') as i32 * 100
        + (b[2] - b'0') as i32 * 10
        + (b[3] - b'0') as i32;
    let rest = &b[5..];
    // Month: the first alternative that lets the rest of the pattern ("-" then a day) match.
    let (month, rest) = month_then_dash(rest)?;
    let (day, used) = day_prefix(rest)?;
    if used != rest.len() {
        return None; // "unconverted data remains"
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

fn digit(b: u8) -> u32 {
    (b - b'0') as u32
}

fn month_then_dash(b: &[u8]) -> Option<(u32, &[u8])> {
    // 1[0-2] | 0[1-9] then "-"
    if b.len() >= 3 && b[2] == b'-' {
        match (b[0], b[1]) {
            (b'1', b'0'..=b'2') | (b'0', b'1'..=b'9') => {
                return Some((digit(b[0]) * 10 + digit(b[1]), &b[3..]));
            }
            _ => {}
        }
    }
    // [1-9] then "-"
    if b.len() >= 2 && matches!(b[0], b'1'..=b'9') && b[1] == b'-' {
        return Some((digit(b[0]), &b[2..]));
    }
    None
}

fn day_prefix(b: &[u8]) -> Option<(u32, usize)> {
    match b {
        [b'3', c @ (b'0' | b'1'), ..] => Some((30 + digit(*c), 2)),
        [a @ (b'1' | b'2'), c, ..] if c.is_ascii_digit() => Some((digit(*a) * 10 + digit(*c), 2)),
        [b'0', c @ b'1'..=b'9', ..] => Some((digit(*c), 2)),
        [a @ b'1'..=b'9', ..] => Some((digit(*a), 1)),
        [b' ', a @ b'1'..=b'9', ..] => Some((digit(*a), 2)),
        _ => None,
    }
}

/// The items of a list cell, as the standard's list patterns `(?:(?:^|\|)(V…))+$` read them:
/// one optional leading `|`, then items separated by `|`. An empty item (trailing `|`, `||`)
/// never matches a label, so it is returned as an empty string for the caller to report.
pub(crate) fn list_items(s: &str) -> impl Iterator<Item = &str> {
    s.strip_prefix('|').unwrap_or(s).split('|')
}

/// The length in characters (Unicode scalar values), as Python's `len` counts it.
pub(crate) fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pivot_pattern() {
        assert!(pivot("43493312300029"));
        assert!(pivot("W9R2003255"));
        assert!(pivot("123456789"));
        assert!(pivot("ABCDEFGHIJKLMN"));
        assert!(!pivot("1234567"));
        assert!(!pivot("434933123000290"));
        assert!(!pivot("434 933 123 00029"));
    }

    #[test]
    fn insee_pattern() {
        for ok in [
            "51454", "2A004", "2B033", "97411", "98818", "01001", "21231",
        ] {
            assert!(insee_code(ok), "{ok}");
        }
        for bad in ["20004", "2C004", "380546", "5145", "A1454", "2a004"] {
            assert!(!insee_code(bad), "{bad}");
        }
    }

    #[test]
    fn phone_pattern() {
        assert!(phone("+33180059880"));
        assert!(phone("+687241541"));
        assert!(phone("+590123456"));
        assert!(!phone("+33 1 80 05 98 80"));
        assert!(!phone("0180059880"));
        // 10 digits after +33: no prefix leaves 6–9 digits.
        assert!(!phone("+330180059880"));
        assert!(!phone("+3318005988012"));
        assert!(!phone("+3212345678"));
    }

    #[test]
    fn dates_as_strptime() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(date("2024-04-02"), d(2024, 4, 2));
        assert_eq!(date("2024-4-2"), d(2024, 4, 2));
        assert_eq!(date("2024-10-5"), d(2024, 10, 5));
        assert_eq!(date("2024-1-10"), d(2024, 1, 10));
        assert_eq!(date("2024-01- 5"), d(2024, 1, 5));
        assert_eq!(date("02/04/2024"), None);
        assert_eq!(date("2024-04-02T10:00:00"), None);
        assert_eq!(date("2024-13-01"), None);
        assert_eq!(date("2024-02-30"), None);
        assert_eq!(date("2024-01-32"), None);
        assert_eq!(date("2024-00-10"), None);
        assert_eq!(date(""), None);
    }

    #[test]
    fn list_items_follow_the_pattern() {
        assert_eq!(list_items("|Gratuit").collect::<Vec<_>>(), ["Gratuit"]);
        assert_eq!(list_items("Gratuit|").collect::<Vec<_>>(), ["Gratuit", ""]);
        assert_eq!(list_items("||Gratuit").collect::<Vec<_>>(), ["", "Gratuit"]);
        assert_eq!(
            list_items("Gratuit|Payant").collect::<Vec<_>>(),
            ["Gratuit", "Payant"]
        );
    }
}
