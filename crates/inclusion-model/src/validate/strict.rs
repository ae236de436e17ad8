//! The checks the standard forgot, applied at the Strict level: identifiers, territory,
//! e-mail and URL syntax, consistency of the codes.

/// What a `pivot` value is (see [`pivot_kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PivotKind {
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

/// What a `pivot` value is: a SIRET (with its checksum: Luhn, or La Poste's sum-of-digits
/// rule), the placeholder `00000000000000` of real data, an RNA number, or something else the
/// standard's pattern accepts. The Strict level's checks use it; so does the comparison of
/// identifiers in `inclusion-merge`.
///
/// ```
/// use inclusion_model::validate::{pivot_kind, PivotKind};
/// assert_eq!(pivot_kind("43493312300029"), PivotKind::Siret);
/// assert_eq!(pivot_kind("43493312300028"), PivotKind::SiretBadChecksum);
/// assert_eq!(pivot_kind("00000000000000"), PivotKind::Placeholder);
/// assert_eq!(pivot_kind("W9R2003255"), PivotKind::Rna);
/// ```
pub fn pivot_kind(s: &str) -> PivotKind {
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
/// least two letters (the Strict level's `email.syntax` check).
///
/// ```
/// use inclusion_model::validate::is_email;
/// assert!(is_email("contact@laquincaillerie.tl"));
/// assert!(!is_email("test@gmail"));
/// ```
pub fn email(s: &str) -> bool {
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
/// path without spaces (the Strict level's `url.syntax` check).
///
/// ```
/// use inclusion_model::validate::is_url;
/// assert!(is_url("https://www.laquincaillerie.tl/"));
/// assert!(!is_url("www.google.com"));
/// ```
pub fn url(s: &str) -> bool {
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

/// A French territory, with the box that contains it (south, north, west, east in degrees).
pub(crate) struct Territory {
    pub(crate) name: &'static str,
    south: f64,
    north: f64,
    west: f64,
    east: f64,
}

const fn t(name: &'static str, south: f64, north: f64, west: f64, east: f64) -> Territory {
    Territory {
        name,
        south,
        north,
        west,
        east,
    }
}

/// Boxes around the French territories where places of the standard are found.
pub(crate) const TERRITORIES: &[Territory] = &[
    t("France métropolitaine", 41.3, 51.2, -5.3, 8.3),
    t("Corse", 41.3, 43.1, 8.5, 9.6),
    t("Guadeloupe", 15.8, 16.55, -61.85, -60.95),
    t("Martinique", 14.35, 14.9, -61.25, -60.8),
    t("Guyane", 2.1, 5.8, -54.65, -51.6),
    t("La Réunion", -21.4, -20.85, 55.2, 55.85),
    t("Mayotte", -13.05, -12.6, 44.95, 45.35),
    t("Saint-Pierre-et-Miquelon", 46.7, 47.15, -56.45, -56.1),
    t("Saint-Barthélemy", 17.85, 17.98, -62.96, -62.78),
    t("Saint-Martin", 18.0, 18.13, -63.16, -62.96),
    t("Wallis-et-Futuna", -14.4, -13.1, -178.3, -176.1),
    t("Polynésie française", -28.0, -7.8, -154.8, -134.4),
    t("Nouvelle-Calédonie", -22.9, -19.0, 163.5, 168.3),
];

/// The territory containing this position, if any.
pub(crate) fn territory(latitude: f64, longitude: f64) -> Option<&'static Territory> {
    TERRITORIES
        .iter()
        .find(|t| (t.south..=t.north).contains(&latitude) && (t.west..=t.east).contains(&longitude))
}

/// The département (or territory) part of an INSEE code: 2 characters, or 3 for 97x/98x.
pub(crate) fn insee_departement(insee: &str) -> &str {
    if insee.starts_with("97") || insee.starts_with("98") {
        insee.get(..3).unwrap_or(insee)
    } else {
        insee.get(..2).unwrap_or(insee)
    }
}

/// Whether a postcode is consistent with the département of an INSEE code (both already valid
/// for the standard's patterns). Corsica's postcodes start with `20` for `2A`/`2B`; the
/// overseas collectivities of Saint-Barthélemy (977) and Saint-Martin (978) use 971xx postcodes.
pub(crate) fn postcode_matches_insee(postcode: &str, insee: &str) -> bool {
    let dep = insee_departement(insee);
    match dep {
        "2A" | "2B" => postcode.starts_with("20"),
        "977" | "978" => postcode.starts_with("971"),
        _ => postcode.starts_with(dep),
    }
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

    #[test]
    fn territories() {
        assert_eq!(
            territory(45.19, 5.72).map(|t| t.name),
            Some("France métropolitaine")
        );
        assert_eq!(territory(-21.1, 55.5).map(|t| t.name), Some("La Réunion"));
        assert_eq!(
            territory(-22.27, 166.45).map(|t| t.name),
            Some("Nouvelle-Calédonie")
        );
        assert_eq!(
            territory(-13.28, -176.17).map(|t| t.name),
            Some("Wallis-et-Futuna")
        );
        assert!(territory(5.72, 45.19).is_none());
        assert!(territory(0.0, 0.0).is_none());
    }

    #[test]
    fn postcode_consistency() {
        assert!(postcode_matches_insee("51100", "51454"));
        assert!(postcode_matches_insee("20000", "2A004"));
        assert!(postcode_matches_insee("97400", "97411"));
        assert!(postcode_matches_insee("97133", "97701"));
        assert!(postcode_matches_insee("98800", "98818"));
        assert!(!postcode_matches_insee("75001", "51454"));
        assert!(!postcode_matches_insee("97200", "97411"));
    }
}
