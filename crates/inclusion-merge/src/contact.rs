//! Contacts compared across records: phone numbers in E.164, e-mail addresses, web sites.
//!
//! ```
//! use inclusion_merge::contact::{normalize_phone, is_mobile, website_key};
//!
//! assert_eq!(normalize_phone("05 45 93 11 58").as_deref(), Some("+33545931158"));
//! assert_eq!(normalize_phone("+33 (0)5.45.93.11.58").as_deref(), Some("+33545931158"));
//! assert_eq!(normalize_phone("0262 21 00 00").as_deref(), Some("+262262210000"));
//! assert_eq!(normalize_phone("+687 41 03 20").as_deref(), Some("+687410320"));
//! assert_eq!(normalize_phone("appeler la mairie"), None);
//! assert!(is_mobile("+33612345678") && !is_mobile("+33545931158"));
//!
//! let key = website_key("https://www.Apej-App.fr/").unwrap();
//! assert_eq!((key.host.as_str(), key.path.as_str()), ("apej-app.fr", ""));
//! ```

/// Normalises a phone number to E.164 (`+` country code, then digits): national French
/// numbers (`05 45 93 11 58`), the overseas departments' national numbers (`0262…`, `0590…`,
/// `0594…`, `0596…`, `0269…`, `0639…`), `0033…`, `+33 (0)…`, spaces, dots and dashes. Numbers
/// already international are kept. `None` when the text is not a phone number.
pub fn normalize_phone(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    // Already E.164, as the standard requires: nothing to do.
    if let Some(digits) = trimmed.strip_prefix('+')
        && (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return Some(trimmed.to_owned());
    }
    let international = trimmed.starts_with('+') || trimmed.starts_with("00");
    let mut digits = String::with_capacity(trimmed.len());
    let mut rest = trimmed;
    // "+33 (0)5 ..." : the trunk zero in brackets is dropped.
    let without_trunk;
    if let Some(i) = rest.find("(0)") {
        without_trunk = format!("{}{}", &rest[..i], &rest[i + 3..]);
        rest = &without_trunk;
    }
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' | ' ' | '.' | '-' | '/' | '(' | ')' | '\u{a0}' => {}
            _ => return None,
        }
    }
    if international {
        let digits = digits.strip_prefix("00").unwrap_or(&digits);
        if !(8..=15).contains(&digits.len()) {
            return None;
        }
        return Some(format!("+{digits}"));
    }
    match digits.len() {
        10 if digits.starts_with('0') => {
            let national = &digits[1..];
            let country = match &digits[..4] {
                "0590" | "0690" | "0691" => "590",
                "0594" | "0694" => "594",
                "0262" | "0692" | "0693" | "0269" | "0639" => "262",
                "0596" | "0696" | "0697" => "596",
                _ => "33",
            };
            Some(format!("+{country}{national}"))
        }
        // Nouvelle-Calédonie (6 digits) and Polynésie française (8 digits, 40/87/89).
        6 => Some(format!("+687{digits}")),
        8 if matches!(&digits[..2], "40" | "87" | "89") => Some(format!("+689{digits}")),
        _ => None,
    }
}

/// Whether an E.164 number is a mobile number (metropolitan `+336`/`+337`, the overseas
/// departments' mobile ranges, Nouvelle-Calédonie's 7x/8x/9x): such a number is often a
/// person's, not a place's (rule R11 of the labelling policy).
pub fn is_mobile(e164: &str) -> bool {
    let starts = |p: &str| e164.starts_with(p);
    starts("+336")
        || starts("+337")
        || [
            "+590690", "+590691", "+594694", "+262692", "+262693", "+262639",
        ]
        .iter()
        .any(|p| starts(p))
        || ["+596696", "+596697"].iter().any(|p| starts(p))
        || (starts("+687") && matches!(e164.as_bytes().get(4), Some(b'7'..=b'9')))
        || starts("+68987")
        || starts("+68989")
}

/// An e-mail address for comparison: trimmed, lower case; `None` without one `@`.
pub fn normalize_email(raw: &str) -> Option<String> {
    let e = raw.trim().to_lowercase();
    let (local, domain) = e.split_once('@')?;
    (!local.is_empty() && domain.contains('.') && !domain.contains('@')).then_some(e)
}

/// Whether an e-mail address looks like a person's (`prenom.nom@…`, an address of the
/// conseillers numériques' domain) rather than a place's (`contact@`, `accueil@`,
/// `mediatheque@`): a person's address shared by two records says that one person serves
/// both, not that they are one place (rule R11).
pub fn is_personal_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    if domain == "conseiller-numerique.fr" {
        return true;
    }
    const ROLES: [&str; 34] = [
        "contact",
        "accueil",
        "info",
        "mairie",
        "secretariat",
        "mediatheque",
        "bibliotheque",
        "epn",
        "cyber",
        "numerique",
        "france",
        "services",
        "ccas",
        "direction",
        "admin",
        "communication",
        "bonjour",
        "hello",
        "animation",
        "pij",
        "mjc",
        "centre",
        "social",
        "espace",
        "association",
        "asso",
        "conseiller",
        "cnfs",
        "permanence",
        "inclusion",
        "atelier",
        "fablab",
        "efs",
        "msap",
    ];
    let parts: Vec<&str> = local.split(['.', '-', '_']).collect();
    parts.len() == 2
        && parts.iter().all(|p| {
            !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()) && !ROLES.contains(p)
        })
}

/// A web address reduced for comparison: the host without `www.`, and the path without its
/// trailing `/`, query or fragment.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WebsiteKey {
    /// The host, lower case, without `www.` (e.g. `apej-app.fr`).
    pub host: String,
    /// The path, without the trailing `/` (empty for the home page).
    pub path: String,
}

impl WebsiteKey {
    /// Whether the host is a platform that hosts many unrelated pages (social networks, site
    /// builders): only the whole address says something there, not the host.
    pub fn is_shared_host(&self) -> bool {
        const SHARED: [&str; 16] = [
            "facebook.com",
            "fr-fr.facebook.com",
            "m.facebook.com",
            "instagram.com",
            "linkedin.com",
            "twitter.com",
            "x.com",
            "youtube.com",
            "sites.google.com",
            "google.com",
            "wordpress.com",
            "wixsite.com",
            "over-blog.com",
            "linktr.ee",
            "pagesjaunes.fr",
            "france-services.gouv.fr",
        ];
        SHARED.iter().any(|s| {
            self.host == *s
                || self
                    .host
                    .strip_suffix(s)
                    .is_some_and(|prefix| prefix.ends_with('.'))
        })
    }
}

/// The [`WebsiteKey`] of a web address (with or without `http(s)://`); `None` without a host.
pub fn website_key(raw: &str) -> Option<WebsiteKey> {
    let s = raw.trim().to_lowercase();
    let s = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(&s);
    let end = s.find(['/', '?', '#']).unwrap_or(s.len());
    let host = s[..end].trim_start_matches("www.");
    let host = host.split(':').next().unwrap_or(host);
    if host.is_empty() || !host.contains('.') || host.contains(char::is_whitespace) {
        return None;
    }
    let rest = &s[end..];
    let path = rest.split(['?', '#']).next().unwrap_or("");
    Some(WebsiteKey {
        host: host.to_owned(),
        path: path.trim_end_matches('/').to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        assert_eq!(
            normalize_phone("+33545931158").as_deref(),
            Some("+33545931158")
        );
        assert_eq!(
            normalize_phone("0033 5 45 93 11 58").as_deref(),
            Some("+33545931158")
        );
        assert_eq!(
            normalize_phone("05.45.93.11.58").as_deref(),
            Some("+33545931158")
        );
        assert_eq!(
            normalize_phone("0590 12 34 56").as_deref(),
            Some("+590590123456")
        );
        assert_eq!(
            normalize_phone("06 12 34 56 78").as_deref(),
            Some("+33612345678")
        );
        assert_eq!(normalize_phone("41 03 20").as_deref(), Some("+687410320"));
        assert_eq!(normalize_phone("12"), None);
        assert_eq!(normalize_phone("05 45 93 11 58 poste 12"), None);
        assert!(is_mobile("+687749715"));
        assert!(!is_mobile("+687205252"));
        assert!(is_mobile("+262692123456"));
    }

    #[test]
    fn emails() {
        assert_eq!(
            normalize_email(" Contact@Apej-App.fr ").as_deref(),
            Some("contact@apej-app.fr")
        );
        assert_eq!(normalize_email("pas un courriel"), None);
        assert!(is_personal_email("mf.guichou@rochefoucauld-perigord.fr"));
        assert!(is_personal_email("pauline@conseiller-numerique.fr"));
        assert!(!is_personal_email("epn.sud.est@gmail.com"));
        assert!(!is_personal_email("animation-restauration@annecy.fr"));
        assert!(!is_personal_email("contact@apej-app.fr"));
        assert!(!is_personal_email("cnumerique15@gmail.com"));
    }

    #[test]
    fn websites() {
        let k = website_key("http://www.numeriquepourtous.nc").unwrap();
        assert_eq!(k, website_key("http://numeriquepourtous.nc/").unwrap());
        let fb = website_key("https://fr-fr.facebook.com/people/mjc/100080688043735/").unwrap();
        assert!(fb.is_shared_host());
        assert_eq!(fb.path, "/people/mjc/100080688043735");
        assert!(!k.is_shared_host());
        assert_eq!(website_key("pas un site"), None);
    }
}
