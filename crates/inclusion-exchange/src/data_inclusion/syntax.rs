//! The syntax data·inclusion's JSON Schema requires of exported values (`format: email`,
//! `format: uri`, the SIRET, postcode and INSEE patterns). These checks are deliberately
//! *stricter* than the schema's formats (a test checks every value they accept against the
//! `jsonschema` crate): a value they reject is left out of the export with a diagnostic, never
//! written invalid.

/// An e-mail address in the common RFC 5322 form: a dot-atom local part of ASCII `atext`
/// (1 to 64 characters), `@`, a host name of at least two labels.
///
/// ```
/// use inclusion_exchange::data_inclusion::syntax::is_email;
/// assert!(is_email("contact@laquincaillerie.tl"));
/// assert!(is_email("prenom.nom+cnfs@mairie-reims.fr"));
/// assert!(!is_email("été@exemple.fr"));       // non-ASCII local part
/// assert!(!is_email("contact@exemple"));      // one label
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
        && domain.contains('.')
}

/// A DNS host name: labels of ASCII letters, digits and hyphens (not at either end, nor in
/// both the 3rd and 4th positions, which RFC 5891 keeps for IDNA `xn--` labels: those are
/// refused too), 1 to 63 characters each, at most 253 in all, the last one not all digits.
fn is_host(host: &str) -> bool {
    let label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.get(2..4) != Some("--")
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(label)
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| !tld.bytes().all(|b| b.is_ascii_digit()))
}

/// An absolute `http`/`https` URI (RFC 3986) with a host name, an optional port, and a path,
/// query and fragment made only of the characters RFC 3986 allows there (non-ASCII and spaces
/// must be percent-encoded), at most 2083 characters (data·inclusion's limit).
///
/// ```
/// use inclusion_exchange::data_inclusion::syntax::is_web_uri;
/// assert!(is_web_uri("https://www.rdv-solidarites.fr/"));
/// assert!(is_web_uri("http://exemple.fr:8080/a/b?x=1&y=%C3%A9#top"));
/// assert!(!is_web_uri("www.exemple.fr"));               // no scheme
/// assert!(!is_web_uri("https://exemple.fr/un lieu"));   // space
/// assert!(!is_web_uri("https://exemple.fr/médiathèque")); // not percent-encoded
/// assert!(!is_web_uri("https://exemple.fr/%E9%"));      // broken escape
/// ```
pub fn is_web_uri(s: &str) -> bool {
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
    if !(is_host(host) || host == "localhost") {
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

/// Exactly `n` ASCII digits.
pub(crate) fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// data·inclusion's `code_insee`: exactly five ASCII word characters (`^\w{5}$`).
pub(crate) fn is_insee_code(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// An RNA number: `W` and nine characters.
pub(crate) fn is_rna(s: &str) -> bool {
    s.len() == 10 && s.starts_with('W') && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_edge_cases() {
        assert!(is_web_uri("HTTPS://Exemple.FR"));
        assert!(is_web_uri("https://exemple.fr"));
        assert!(!is_web_uri("https://"));
        assert!(!is_web_uri("https://exemple.fr:port/"));
        assert!(!is_web_uri("https://exemple.fr/a#b#c"));
        assert!(!is_web_uri("https://exemple.fr/[x]"));
        assert!(!is_web_uri("https://exemple.fr/%4"));
        assert!(!is_web_uri("ftp://exemple.fr/"));
        assert!(is_web_uri(
            "https://m.facebook.com/laquincaillerienumerique/"
        ));
    }

    #[test]
    fn codes() {
        assert!(digits("43493312300029", 14));
        assert!(!digits("4349331230002", 14));
        assert!(is_insee_code("2A004") && !is_insee_code("2A04"));
        assert!(is_rna("W9R2003255") && !is_rna("W9R200325"));
    }
}
