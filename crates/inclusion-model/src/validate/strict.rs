//! The checks the standard forgot, applied at the Strict level: identifiers, territory,
//! e-mail and URL syntax, consistency of the codes.

/// What a `pivot` value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PivotKind {
    /// 14 digits with a valid Luhn checksum (or La Poste's SIRET rule).
    Siret,
    /// 14 digits whose checksum fails.
    SiretBadChecksum,
    /// The placeholder `00000000000000` of real data.
    Placeholder,
    /// `W` + 9 characters in the RNA format (`W` + digit + digit-or-letter + 7 digits).
    Rna,
    /// Something else that the standard's pattern accepts (a SIREN, a RIDET, letters...).
    Other,
}

/// The SIREN of La Poste, whose establishments' SIRETs do not follow the Luhn rule: the sum of
/// their digits is a multiple of 5 instead.
const LA_POSTE_SIREN: &str = "356000000";

pub(crate) fn pivot_kind(s: &str) -> PivotKind {
    let b = s.as_bytes();
    if b.len() == 14 && b.iter().all(u8::is_ascii_digit) {
        if b.iter().all(|&c| c == b'0') {
            return PivotKind::Placeholder;
        }
        let ok = if s.starts_with(LA_POSTE_SIREN) {
            luhn(b) || b.iter().map(|&c| (c - b'0') as u32).sum::<u32>() % 5 == 0
        } else {
            luhn(b)
        };
        return if ok {
            PivotKind::Siret
        } else {
            PivotKind::SiretBadChecksum
        };
    }
    if b.len() == 10
        && b[0] == b'W'
        && b[1].is_ascii_digit()
        && (b[2].is_ascii_digit() || b[2].is_ascii_uppercase())
        && b[3..].iter().all(u8::is_ascii_digit)
    {
        return PivotKind::Rna;
    }
    PivotKind::Other
}

/// The Luhn checksum over ASCII digits.
pub(crate) fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &c) in digits.iter().rev().enumerate() {
        let mut d = (c - b'0') as u32;
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

/// A plausible e-mail address: one `@`, a non-empty local part without spaces, a domain of
/// dot-separated labels of letters, digits and hyphens, ending in a top-level domain of at
/// least two letters.
pub(crate) fn email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    if local.is_empty()
        || local.len() > 64
        || local
            .chars()
            .any(|c| c.is_whitespace() || c == '@' || c.is_control())
    {
        return false;
    }
    host(domain)
}

/// A host name: dot-separated labels of letters, digits and hyphens (not at either end), with
/// an alphabetic top-level domain of at least two letters.
fn host(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld = labels[labels.len() - 1];
    labels.iter().all(|l| label_ok(l)) && tld.len() >= 2 && tld.chars().all(char::is_alphabetic)
}

/// A plausible web URL: `http://` or `https://`, a host name (optionally with a port), then any
/// path without spaces.
pub(crate) fn url(s: &str) -> bool {
    let rest = if let Some(r) = s.strip_prefix("https://") {
        r
    } else if let Some(r) = s.strip_prefix("http://") {
        r
    } else {
        return false;
    };
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let hostport = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let hostname = match hostport.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => hostport,
    };
    host(hostname) || hostname == "localhost"
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn luhn_known_values() {
        assert!(luhn(b"79927398713"));
        assert!(!luhn(b"79927398710"));
        assert!(luhn(b"732829320"));
    }

    #[test]
    fn emails() {
        assert!(email("contact@laquincaillerie.tl"));
        assert!(email("a.b-c+d@mairie-reims.fr"));
        assert!(!email("pas-un-courriel"));
        assert!(!email("test@gmail"));
        assert!(!email("a b@exemple.fr"));
        assert!(!email("@exemple.fr"));
        assert!(!email("x@exemple.f"));
    }

    #[test]
    fn urls() {
        assert!(url("https://www.laquincaillerie.tl/"));
        assert!(url("http://exemple.fr:8080/a?b=c#d"));
        assert!(!url("www.google.com"));
        assert!(!url("pas une url"));
        assert!(!url("https://exemple fr"));
        assert!(!url("ftp://exemple.fr"));
    }
}
