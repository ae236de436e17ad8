//! Numbers and names in the text outputs: thousands separators, counts, cut names.

/// `s` cut to `width` characters, with `…` when cut.
pub(crate) fn fit(s: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut cut: String = s.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}

/// `1 commune`, `1,234 communes`.
pub(crate) fn count(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {noun}{s}", thousands(n as u64))
}

/// `1234567` -> `1,234,567`.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(68_350_798), "68,350,798");
        assert_eq!(count(1, "commune"), "1 commune");
        assert_eq!(count(0, "place"), "0 places");
        assert_eq!(count(1_234, "commune"), "1,234 communes");
    }

    #[test]
    fn fit_cuts_on_characters() {
        assert_eq!(fit("Île-de-France", 30), "Île-de-France");
        assert_eq!(fit("Terres australes et antarctiques", 10), "Terres au…");
        assert_eq!(fit("ééééé", 3).chars().count(), 3);
    }
}
