//! The syntax of the values of the field, one implementation each: what the validator checks
//! (both levels) and what the exports to other standards rely on.
//!
//! | function | accepts | source |
//! |---|---|---|
//! | [`is_pivot`] | 9 to 14 ASCII letters or digits | the standard's `pivot` pattern `^[a-zA-Z0-9]{9,14}$` |
//! | [`is_postcode`] | 5 ASCII digits | the standard's `code_postal` pattern `^\d{5}$` (data·inclusion's too) |
//! | [`is_insee_code`] | 2 digits (or `2A`/`2B`) then 3 digits | the standard's `code_insee` pattern `^([013-9]\d\|2[AB1-9])\d{3}$` (stricter than data·inclusion's `^\w{5}$`) |
//! | [`is_phone`] | `+33`, `+590`… then 6 to 9 digits, nothing else | the standard's `telephone` pattern |
//! | [`parse_number`] | a decimal number, surrounding whitespace ignored | frictionless's `number` type (Python `Decimal`) |
//! | [`parse_date`] | `YYYY-M-D`, one- or two-digit months and days | frictionless's `date` type (Python `strptime(value, "%Y-%m-%d")`) |
//! | [`list_items`] | the items of a `\|` list, one leading `\|` allowed | the standard's list patterns `(?:(?:^\|\|)(…))+$` |
//! | [`is_siret_form`], [`is_siret`], [`is_siren`], [`luhn`] | 14 (9) digits; with the Luhn checksum, or La Poste's rule | INSEE (SIRENE); data·inclusion's `siret` pattern `^\d{14}$` |
//! | [`is_rna`] | `W`, a digit, a digit or capital letter, 7 digits | the RNA (see below) |
//! | [`pivot_kind`] | what a `pivot` holds: SIRET, bad checksum, placeholder, RNA, other | the above |
//! | [`is_email`] | RFC 5322 dot-atom in ASCII, `@`, a host name | RFC 5322 §3.4.1, data·inclusion's `format: email` |
//! | [`is_host`] | ASCII letters, digits, hyphens in two labels or more, an alphabetic top-level domain | RFC 1123, RFC 5891 |
//! | [`is_web_url`] | `http(s)://host[:port]` then RFC 3986 path, query and fragment | RFC 3986, data·inclusion's `format: uri` |
//!
//! ## The RNA number
//!
//! The sources disagree:
//!
//! * the ministry's prose (associations.gouv.fr) says « W suivi de 9 chiffres »;
//! * data·inclusion's pydantic schema (v0, the last with an `rna` field) has `^W\d{9}$`;
//! * the reference library `@gouvfr-anct/lieux-de-mediation-numerique` 2.3.0 has
//!   `^W[a-zA-Z0-9]{9}$` (its own test accepts `W9R2003255`, refuses `w123456789`).
//!
//! Real numbers are `W`, the three characters of the registry that issued them, and a
//! six-digit sequence: the registry of an overseas or Corsican prefecture has a letter in
//! second position (`W9R…` in La Réunion, `W2A…` in Corse-du-Sud), so `^W\d{9}$` refuses real
//! associations, while the library's rule also takes `Wabcdefghi`. This crate accepts
//! `W`, a digit, a digit or capital letter, then seven digits (`^W\d[\dA-Z]\d{7}$`): every real
//! form, and nothing the library refuses. data·inclusion v1 has no RNA field any more; the
//! export reports an RNA pivot as not exported.
//!
//! ## E-mail addresses and web addresses
//!
//! A value these functions accept is valid for data·inclusion's JSON Schema formats (`email`,
//! `uri`): the export writes nothing else, and a test checks the claim against a JSON Schema
//! validator. The Strict level of the validator warns about what they refuse, so that what it
//! accepts can be exported: addresses are ASCII (the reference library refuses `été@exemple.fr`
//! too), a web address starts with `http://` or `https://` (not `ftp://`, not `www.`), and a
//! space or an accented letter in a path must be percent-encoded.
//!
//! ```
//! use inclusion_model::syntax::{is_email, is_rna, is_siret, is_web_url, parse_date, pivot_kind, PivotKind};
//!
//! assert!(is_siret("43493312300029"));
//! assert!(is_siret("35600000049837")); // a post office: La Poste's rule
//! assert!(is_rna("W9R2003255") && !is_rna("W12345678"));
//! assert_eq!(pivot_kind("00000000000000"), PivotKind::Placeholder);
//! assert!(is_email("prenom.nom+cnfs@mairie-reims.fr") && !is_email("contact@exemple"));
//! assert!(is_web_url("https://www.rdv-solidarites.fr/") && !is_web_url("www.exemple.fr"));
//! assert_eq!(parse_date("2024-4-2").map(|d| d.to_string()).as_deref(), Some("2024-04-02"));
//! ```

use chrono::NaiveDate;

/// The standard's `pivot` pattern `^[a-zA-Z0-9]{9,14}$`: 9 to 14 ASCII letters or digits.
///
/// ```
/// use inclusion_model::syntax::is_pivot;
/// assert!(is_pivot("43493312300029") && is_pivot("W9R2003255") && is_pivot("123456789"));
/// assert!(!is_pivot("434 933 123 00029") && !is_pivot("1234567"));
/// ```
pub fn is_pivot(s: &str) -> bool {
    (9..=14).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The standard's `code_postal` pattern `^\d{5}$`: five ASCII digits.
///
/// ```
/// use inclusion_model::syntax::is_postcode;
/// assert!(is_postcode("51100") && !is_postcode("5110") && !is_postcode("2A004"));
/// ```
pub fn is_postcode(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The standard's `code_insee` pattern `^([013-9]\d|2[AB1-9])\d{3}$`: two digits (`2A` or `2B`
/// in Corsica, never `20`) then three digits.
///
/// ```
/// use inclusion_model::syntax::is_insee_code;
/// assert!(is_insee_code("51454") && is_insee_code("2A004") && is_insee_code("97411"));
/// assert!(!is_insee_code("20004") && !is_insee_code("2a004") && !is_insee_code("380546"));
/// ```
pub fn is_insee_code(s: &str) -> bool {
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

/// The country codes of the standard's `telephone` pattern.
pub const PHONE_PREFIXES: [&str; 10] = [
    "+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681",
];

/// The standard's `telephone` pattern
/// `^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$`: one number in
/// international form, without spaces nor the national leading 0.
///
/// The regex alternation backtracks, so a value matches when any prefix is followed by 6 to 9
/// digits and nothing else.
///
/// ```
/// use inclusion_model::syntax::is_phone;
/// assert!(is_phone("+33180059880") && is_phone("+687241541"));
/// assert!(!is_phone("+33 1 80 05 98 80") && !is_phone("0180059880") && !is_phone("+330180059880"));
/// ```
pub fn is_phone(s: &str) -> bool {
    PHONE_PREFIXES.iter().any(|p| {
        s.strip_prefix(p).is_some_and(|rest| {
            (6..=9).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// The `number` type of frictionless (Python `Decimal`): surrounding whitespace is ignored;
/// `NaN` and `Infinity` are numbers for the official validator (the model reports them as out
/// of range).
///
/// ```
/// use inclusion_model::syntax::parse_number;
/// assert_eq!(parse_number(" 43.52609 "), Some(43.52609));
/// assert_eq!(parse_number("43,52609"), None);
/// assert!(parse_number("NaN").is_some_and(f64::is_nan));
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    if let Some(plain) = plain_decimal(s.as_bytes()) {
        return Some(plain);
    }
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok()
}

/// A number written `-?D*(.D*)?` with 1 to 15 digits `D` (the coordinates of a file, nearly
/// always), converted as `str::parse` would, at a fraction of its cost; `None` for anything
/// else. The digits make an integer below 2⁵³ and the decimals a power of ten up to 10¹⁵, both
/// exact in `f64`: their quotient is the one rounding of the exact value (Clinger's fast path),
/// the correctly rounded number that `str::parse` gives too.
fn plain_decimal(bytes: &[u8]) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (negative, bytes) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let (mut integer, mut digits, mut point) = (0u64, 0usize, None);
    for &b in bytes {
        match b {
            b'0'..=b'9' if digits < 15 => {
                integer = integer * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b'.' if point.is_none() => point = Some(digits),
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let value = integer as f64 / POWERS[digits - point.unwrap_or(digits)];
    Some(if negative { -value } else { value })
}

/// The `date` type with `format: default` of frictionless: Python's
/// `datetime.strptime(value, "%Y-%m-%d")`, whose regex is
/// `(\d\d\d\d)-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])` followed by a check
/// that the whole value was consumed. So `2024-4-2` is a date, `2024-04-02T10:00:00` is not.
///
/// ```
/// use inclusion_model::syntax::parse_date;
/// use chrono::NaiveDate;
/// assert_eq!(parse_date("2024-4-2"), NaiveDate::from_ymd_opt(2024, 4, 2));
/// assert_eq!(parse_date("2024-01- 5"), NaiveDate::from_ymd_opt(2024, 1, 5));
/// assert_eq!(parse_date("02/04/2024"), None);
/// assert_eq!(parse_date("2024-02-30"), None);
/// ```
pub fn parse_date(s: &str) -> Option<NaiveDate> {
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
///
/// ```
/// use inclusion_model::syntax::list_items;
/// assert_eq!(list_items("|Gratuit|Payant").collect::<Vec<_>>(), ["Gratuit", "Payant"]);
/// assert_eq!(list_items("Gratuit|").collect::<Vec<_>>(), ["Gratuit", ""]);
/// ```
pub fn list_items(s: &str) -> impl Iterator<Item = &str> {
    // `str::split('|')` searches with the standard library's generic `memchr`, whose set-up
    // costs more than the short items of a list (see `bytes::find_byte`).
    let mut rest = Some(s.strip_prefix('|').unwrap_or(s));
    std::iter::from_fn(move || {
        let r = rest?;
        // `|` is ASCII: the bytes around it are character boundaries.
        Some(match crate::bytes::find_byte(r.as_bytes(), b'|') {
            Some(i) => {
                rest = r.get(i + 1..);
                &r[..i]
            }
            None => {
                rest = None;
                r
            }
        })
    })
}

/// The length in characters (Unicode scalar values), as Python's `len` (and so the standard's
/// `maxLength`) counts it.
///
/// ```
/// assert_eq!(inclusion_model::syntax::char_len("Médiathèque"), 11);
/// ```
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The placeholder `pivot` of real data, when no SIRET is known.
pub const PLACEHOLDER_SIRET: &str = "00000000000000";

/// The SIREN of La Poste, whose establishments' SIRETs do not follow the Luhn rule: the sum of
/// their digits is a multiple of 5 instead.
const LA_POSTE_SIREN: &str = "356000000";

/// The Luhn checksum of a string of ASCII digits (`false` if a character is not a digit).
///
/// ```
/// use inclusion_model::syntax::luhn;
/// assert!(luhn("79927398713") && !luhn("79927398710") && !luhn("7992739871x"));
/// ```
pub fn luhn(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.bytes().rev().enumerate() {
        if !c.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(c - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum.is_multiple_of(10)
}

/// 14 ASCII digits: the form of a SIRET, and data·inclusion's `siret` pattern `^\d{14}$` (the
/// checksum is not checked).
pub fn is_siret_form(s: &str) -> bool {
    s.len() == 14 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A SIRET: 14 digits whose Luhn checksum holds, or, for the establishments of La Poste
/// (SIREN 356000000), whose digits add up to a multiple of 5. The placeholder
/// `00000000000000` passes (see [`pivot_kind`]).
///
/// ```
/// use inclusion_model::syntax::is_siret;
/// assert!(is_siret("43493312300029") && !is_siret("43493312300028"));
/// assert!(is_siret("35600000000048") && is_siret("35600000049837") && !is_siret("35600000012345"));
/// ```
pub fn is_siret(s: &str) -> bool {
    is_siret_form(s)
        && (luhn(s)
            || (s.starts_with(LA_POSTE_SIREN)
                && s.bytes().map(|c| u32::from(c - b'0')).sum::<u32>() % 5 == 0))
}

/// A SIREN: 9 digits whose Luhn checksum holds (the first 9 digits of a SIRET).
///
/// ```
/// use inclusion_model::syntax::is_siren;
/// assert!(is_siren("434933123") && is_siren("356000000") && !is_siren("434933124"));
/// ```
pub fn is_siren(s: &str) -> bool {
    s.len() == 9 && luhn(s)
}

/// An RNA number (répertoire national des associations): `W`, a digit, a digit or capital
/// letter, then seven digits (see the [module documentation](self#the-rna-number) for the
/// sources and why).
///
/// ```
/// use inclusion_model::syntax::is_rna;
/// assert!(is_rna("W9R2003255") && is_rna("W123456789") && is_rna("W2A1000123"));
/// assert!(!is_rna("w123456789") && !is_rna("W12345678") && !is_rna("Wabcdefghi"));
/// ```
pub fn is_rna(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[0] == b'W'
        && b[1].is_ascii_digit()
        && (b[2].is_ascii_digit() || b[2].is_ascii_uppercase())
        && b[3..].iter().all(u8::is_ascii_digit)
}

/// What a `pivot` value is (see [`pivot_kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PivotKind {
    /// A SIRET ([`is_siret`]).
    Siret,
    /// 14 digits whose checksum fails.
    SiretBadChecksum,
    /// The placeholder `00000000000000` of real data ([`PLACEHOLDER_SIRET`]).
    Placeholder,
    /// An RNA number ([`is_rna`]).
    Rna,
    /// Anything else (a SIREN, a RIDET, letters...).
    Other,
}

/// What a `pivot` value is: a SIRET, a SIRET with a bad checksum, the placeholder, an RNA
/// number, or something else.
///
/// ```
/// use inclusion_model::syntax::{pivot_kind, PivotKind};
/// assert_eq!(pivot_kind("43493312300029"), PivotKind::Siret);
/// assert_eq!(pivot_kind("43493312300028"), PivotKind::SiretBadChecksum);
/// assert_eq!(pivot_kind("00000000000000"), PivotKind::Placeholder);
/// assert_eq!(pivot_kind("W9R2003255"), PivotKind::Rna);
/// assert_eq!(pivot_kind("123456789"), PivotKind::Other);
/// ```
pub fn pivot_kind(s: &str) -> PivotKind {
    if is_siret_form(s) {
        if s == PLACEHOLDER_SIRET {
            PivotKind::Placeholder
        } else if is_siret(s) {
            PivotKind::Siret
        } else {
            PivotKind::SiretBadChecksum
        }
    } else if is_rna(s) {
        PivotKind::Rna
    } else {
        PivotKind::Other
    }
}

/// An e-mail address in the common RFC 5322 form: a dot-atom local part of ASCII `atext`
/// (1 to 64 characters), `@`, a host name ([`is_host`]); 254 characters at most.
///
/// ```
/// use inclusion_model::syntax::is_email;
/// assert!(is_email("contact@laquincaillerie.tl"));
/// assert!(is_email("prenom.nom+cnfs@mairie-reims.fr"));
/// assert!(!is_email("été@exemple.fr"));       // non-ASCII local part
/// assert!(!is_email("contact@exemple"));      // one label
/// assert!(!is_email("x@exemple.f"));          // one-letter top-level domain
/// assert!(!is_email("a..b@exemple.fr"));
/// assert!(!is_email("contact @exemple.fr"));
/// ```
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let atext = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b);
    s.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && local
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(atext))
        && is_host(domain)
}

/// A DNS host name: two labels or more, of ASCII letters, digits and hyphens (not at either
/// end, nor in both the 3rd and 4th positions, which RFC 5891 keeps for IDNA `xn--` labels:
/// those are refused too), 1 to 63 characters each, at most 253 in all, the last one (the
/// top-level domain) of two letters or more.
///
/// ```
/// use inclusion_model::syntax::is_host;
/// assert!(is_host("www.mairie-reims.fr"));
/// assert!(!is_host("localhost") && !is_host("192.168.1.1") && !is_host("-x.fr") && !is_host("xn--mairie-vry-c7a.fr"));
/// ```
pub fn is_host(host: &str) -> bool {
    let label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.get(2..4) != Some("--")
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let Some((_, tld)) = host.rsplit_once('.') else {
        return false;
    };
    host.len() <= 253
        && host.split('.').all(label)
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

/// A web address: an absolute `http`/`https` URI (RFC 3986; the scheme in any case) with a
/// host name ([`is_host`], or `localhost`), an optional port, and a path, query and fragment
/// made only of the characters RFC 3986 allows there (non-ASCII and spaces must be
/// percent-encoded), at most 2083 characters (data·inclusion's limit).
///
/// ```
/// use inclusion_model::syntax::is_web_url;
/// assert!(is_web_url("https://www.rdv-solidarites.fr/"));
/// assert!(is_web_url("http://exemple.fr:8080/a/b?x=1&y=%C3%A9#top"));
/// assert!(!is_web_url("www.exemple.fr"));                 // no scheme
/// assert!(!is_web_url("ftp://exemple.fr/fichier.csv"));   // not the web
/// assert!(!is_web_url("https://exemple.fr/un lieu"));     // space
/// assert!(!is_web_url("https://exemple.fr/médiathèque")); // not percent-encoded
/// assert!(!is_web_url("https://exemple.fr/%E9%"));        // broken escape
/// ```
pub fn is_web_url(s: &str) -> bool {
    if s.len() > 2083 {
        return false;
    }
    let lower = s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) && port.len() <= 5 => h,
        Some(_) => return false,
        None => authority,
    };
    if !(is_host(host) || host.eq_ignore_ascii_case("localhost")) {
        return false;
    }
    let (before_fragment, fragment) = tail.split_once('#').unwrap_or((tail, ""));
    let (path, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    uri_chars(path, b"/") && uri_chars(query, b"/?") && uri_chars(fragment, b"/?")
}

/// RFC 3986 `pchar` (unreserved, sub-delims, `:`, `@`, `%XX`) plus the `extra` characters.
fn uri_chars(s: &str, extra: &[u8]) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            let escape_ok =
                i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit();
            if !escape_ok {
                return false;
            }
            i += 3;
            continue;
        }
        let ok =
            c.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&c) || extra.contains(&c);
        if !ok {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pivot_pattern() {
        assert!(is_pivot("ABCDEFGHIJKLMN"));
        assert!(!is_pivot("434933123000290"));
    }

    #[test]
    fn insee_pattern() {
        for ok in [
            "51454", "2A004", "2B033", "97411", "98818", "01001", "21231",
        ] {
            assert!(is_insee_code(ok), "{ok}");
        }
        for bad in ["20004", "2C004", "380546", "5145", "A1454", "2a004"] {
            assert!(!is_insee_code(bad), "{bad}");
        }
    }

    #[test]
    fn phone_pattern() {
        assert!(is_phone("+590123456"));
        assert!(!is_phone("+3318005988012"));
        assert!(!is_phone("+3212345678"));
    }

    #[test]
    fn dates_as_strptime() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        assert_eq!(parse_date("2024-04-02"), d(2024, 4, 2));
        assert_eq!(parse_date("2024-10-5"), d(2024, 10, 5));
        assert_eq!(parse_date("2024-1-10"), d(2024, 1, 10));
        assert_eq!(parse_date("2024-04-02T10:00:00"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("2024-01-32"), None);
        assert_eq!(parse_date("2024-00-10"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn numbers_at_the_edges_of_the_fast_path() {
        for s in [
            ".123456789012345",
            "123456789012345.",
            "1234567890123456",
            "-999999999999999",
            "0.000000000000001",
            "-.5",
            "5.",
            ".",
            "-",
            "1.2.3",
            "12:4",
            "4/5",
            "-0",
        ] {
            let want = s.parse::<f64>().ok().map(f64::to_bits);
            assert_eq!(parse_number(s).map(f64::to_bits), want, "{s}");
        }
    }

    #[test]
    fn list_items_follow_the_pattern() {
        assert_eq!(list_items("").collect::<Vec<_>>(), [""]);
        assert_eq!(list_items("|").collect::<Vec<_>>(), [""]);
        assert_eq!(list_items("a|").collect::<Vec<_>>(), ["a", ""]);
        assert_eq!(list_items("|Gratuit").collect::<Vec<_>>(), ["Gratuit"]);
        assert_eq!(list_items("||Gratuit").collect::<Vec<_>>(), ["", "Gratuit"]);
        assert_eq!(
            list_items("Gratuit|Payant").collect::<Vec<_>>(),
            ["Gratuit", "Payant"]
        );
    }

    proptest::proptest! {
        /// `str::parse` is the oracle, bit for bit, on numbers with up to 20 digits (the fast
        /// path and beyond it) and on texts around them.
        #[test]
        fn numbers_parse_as_the_standard_library(
            s in "[ ]?-?[0-9]{0,10}[.]?[0-9]{0,10}[ ]?|[-+.0-9eE ]{0,12}"
        ) {
            let want = Some(s.trim()).filter(|t| !t.is_empty()).and_then(|t| t.parse::<f64>().ok());
            proptest::prop_assert_eq!(parse_number(&s).map(f64::to_bits), want.map(f64::to_bits));
        }

        /// The same oracle on numbers of up to 32 digits with the point anywhere: within the
        /// fast path's 15 digits ([`plain_decimal`]) and past them, where it gives way to
        /// `str::parse`.
        #[test]
        fn long_numbers_parse_as_the_standard_library(s in "-?[0-9]{0,16}[.]?[0-9]{0,16}") {
            let want = Some(s.as_str()).filter(|t| !t.is_empty()).and_then(|t| t.parse::<f64>().ok());
            proptest::prop_assert_eq!(parse_number(&s).map(f64::to_bits), want.map(f64::to_bits));
        }

        /// The standard library's split is the oracle, on texts rich in `|`, with other
        /// ASCII and non-ASCII characters.
        #[test]
        fn list_items_split_as_the_standard_library(s in "[|a é€😀]{0,40}") {
            let want: Vec<&str> = s.strip_prefix('|').unwrap_or(&s).split('|').collect();
            proptest::prop_assert_eq!(list_items(&s).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn siret_checksums() {
        assert_eq!(pivot_kind("43493312300029"), PivotKind::Siret);
        assert_eq!(pivot_kind("43493312300028"), PivotKind::SiretBadChecksum);
        assert_eq!(pivot_kind("00000000000000"), PivotKind::Placeholder);
        // La Poste's head office passes Luhn; its post offices follow the sum-of-digits rule.
        assert_eq!(pivot_kind("35600000000048"), PivotKind::Siret);
        assert_eq!(pivot_kind("35600000049837"), PivotKind::Siret);
        assert_eq!(pivot_kind("35600000012345"), PivotKind::SiretBadChecksum);
        assert_eq!(pivot_kind("W9R2003255"), PivotKind::Rna);
        assert_eq!(pivot_kind("W123456789"), PivotKind::Rna);
        assert_eq!(pivot_kind("123456789"), PivotKind::Other);
        assert_eq!(pivot_kind("ABCDEFGHIJKLMN"), PivotKind::Other);
        assert!(luhn("732829320"));
    }

    /// The RNA cases of the reference library 2.3.0 (`value-objects.cases.json`): this crate
    /// accepts no number the library refuses.
    #[test]
    fn rna_numbers_the_reference_library_refuses_are_refused() {
        let Some(bytes) = inclusion_anchors::read(
            "lib-lieux-de-mediation-numerique-2.3.0/value-objects.cases.json",
        ) else {
            return;
        };
        let cases: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        let rna = cases["cases"]["Rna"].as_array().expect("Rna cases");
        assert!(rna.len() >= 5);
        for case in rna {
            let input = case["input"].as_str().expect("input");
            let library = case["ok"].as_bool().expect("ok");
            // Every library case is a real number or a malformed one: the verdicts agree.
            assert_eq!(is_rna(input), library, "{input}");
        }
    }

    #[test]
    fn emails() {
        assert!(is_email("a.b-c+d@mairie-reims.fr"));
        assert!(!is_email("pas-un-courriel"));
        assert!(!is_email("test@gmail"));
        assert!(!is_email("a b@exemple.fr"));
        assert!(!is_email("@exemple.fr"));
        assert!(!is_email(".contact@exemple.fr"));
        assert!(!is_email("contact@-exemple.fr"));
    }

    #[test]
    fn urls() {
        assert!(is_web_url("HTTPS://Exemple.FR"));
        assert!(is_web_url("https://exemple.fr"));
        assert!(is_web_url("http://localhost:8080/"));
        assert!(is_web_url(
            "https://outlook.office365.com/book/HoudinDidier@laposte.onmicrosoft.com/?ismsaljsauthenabled=true"
        ));
        assert!(!is_web_url("pas une url"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("https://exemple fr"));
        assert!(!is_web_url("https://exemple.fr:port/"));
        assert!(!is_web_url("https://exemple.fr/a#b#c"));
        assert!(!is_web_url("https://exemple.fr/[x]"));
        assert!(!is_web_url("https://exemple.fr/%4"));
        assert!(!is_web_url("https://intranet/"));
    }
}
