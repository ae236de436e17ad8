//! The corrections the reference JavaScript parser (`opening_hours.js`) makes with a warning
//! and that the `opening-hours` crate refuses: day names in French or in full
//! (`Lundi`, `lun.`, `Monday`, `Sun`), `h` as the hour separator (`9h`, `12h30`) and hours
//! without minutes in a time range (`14-17`).
//!
//! They are tried only on text that does not parse as it is; the corrected text must then
//! parse, otherwise the original error stands.

/// One token of the text.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A run of letters.
    Word(String),
    /// A run of ASCII digits.
    Number(String),
    /// Anything else, one character at a time.
    Other(char),
}

fn tokenize(raw: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    for c in raw.chars() {
        match (tokens.last_mut(), c) {
            (Some(Token::Word(w)), c) if c.is_alphabetic() => w.push(c),
            (Some(Token::Number(n)), c) if c.is_ascii_digit() => n.push(c),
            (_, c) if c.is_alphabetic() => tokens.push(Token::Word(c.to_string())),
            (_, c) if c.is_ascii_digit() => tokens.push(Token::Number(c.to_string())),
            (_, c) => tokens.push(Token::Other(c)),
        }
    }
    tokens
}

/// The two-letter abbreviation of a day name written in French or English, in full or short.
fn day_abbreviation(word: &str) -> Option<&'static str> {
    Some(match word.to_lowercase().as_str() {
        "lundi" | "lun" | "monday" | "mon" => "Mo",
        "mardi" | "tuesday" | "tue" | "tues" => "Tu",
        "mercredi" | "mer" | "wednesday" | "wed" => "We",
        "jeudi" | "jeu" | "thursday" | "thu" | "thur" | "thurs" => "Th",
        "vendredi" | "ven" | "friday" | "fri" => "Fr",
        "samedi" | "sam" | "saturday" | "sat" => "Sa",
        "dimanche" | "dim" | "sunday" | "sun" => "Su",
        _ => return None,
    })
}

/// Whether a word may precede bare hours in the same rule (days and holidays only: after
/// `week` or a month, numbers are week numbers or days of the month).
fn allows_bare_hours(word: &str) -> bool {
    matches!(
        word,
        "Mo" | "Tu" | "We" | "Th" | "Fr" | "Sa" | "Su" | "PH" | "SH" | "h"
    )
}

/// An hour written without minutes: 1 or 2 digits, at most 24.
fn is_hour(n: &str) -> bool {
    n.len() <= 2 && n.parse::<u8>().is_ok_and(|h| h <= 24)
}

/// The corrected text, or `None` when no correction applies.
pub(crate) fn correct(raw: &str) -> Option<String> {
    let tokens = tokenize(raw);
    let mut out = String::with_capacity(raw.len() + 8);
    let mut last_word: Option<String> = None;
    let mut i = 0;
    // Whether token `j` is a bare hour: a number not preceded by `:`/`h` and not followed by
    // `:`/`h`.
    let is_bare = |j: usize| -> bool {
        let Some(Token::Number(n)) = tokens.get(j) else {
            return false;
        };
        let prev_ok = j == 0
            || !matches!(
                tokens.get(j - 1),
                Some(Token::Other(':')) | Some(Token::Word(_))
            );
        let next_ok = !matches!(
            tokens.get(j + 1),
            Some(Token::Other(':')) | Some(Token::Word(_))
        );
        is_hour(n) && prev_ok && next_ok
    };
    while let Some(token) = tokens.get(i) {
        match token {
            Token::Word(w) => {
                let after_number = i > 0 && matches!(tokens.get(i - 1), Some(Token::Number(_)));
                if (w == "h" || w == "H") && after_number {
                    out.push(':');
                    match tokens.get(i + 1) {
                        Some(Token::Number(m)) if m.len() == 2 => {
                            out.push_str(m);
                            i += 1;
                        }
                        _ => out.push_str("00"),
                    }
                    last_word = Some("h".to_string());
                } else if let Some(day) = day_abbreviation(w) {
                    out.push_str(day);
                    last_word = Some(day.to_string());
                } else {
                    out.push_str(w);
                    last_word = Some(w.clone());
                }
            }
            Token::Number(n) => {
                out.push_str(n);
                let context_ok = last_word.as_deref().is_none_or(allows_bare_hours);
                let starts_range = matches!(tokens.get(i + 1), Some(Token::Other('-')))
                    && is_bare(i + 2)
                    && is_bare(i);
                let ends_range = i >= 2
                    && matches!(tokens.get(i - 1), Some(Token::Other('-')))
                    && is_bare(i - 2)
                    && is_bare(i);
                if context_ok && (starts_range || ends_range) {
                    out.push_str(":00");
                }
            }
            Token::Other(c) => {
                if *c == ';' || *c == '|' {
                    last_word = None;
                }
                out.push(*c);
            }
        }
        i += 1;
    }
    (out != raw).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::correct;

    #[test]
    fn french_days_and_h_separator() {
        assert_eq!(correct("Lundi 9h-12h").as_deref(), Some("Mo 9:00-12:00"));
        assert_eq!(
            correct("mardi,jeudi 8h30-12h").as_deref(),
            Some("Tu,Th 8:30-12:00")
        );
        assert_eq!(
            correct("Mo-Sun 00:00-00:00").as_deref(),
            Some("Mo-Su 00:00-00:00")
        );
    }

    #[test]
    fn bare_hours_in_ranges() {
        assert_eq!(
            correct("Mo 14-17;9-12,14-17").as_deref(),
            Some("Mo 14:00-17:00;9:00-12:00,14:00-17:00")
        );
        // Minutes and week numbers are left alone.
        assert_eq!(correct("Th 14-18:10-19"), None);
        assert_eq!(correct("week 1-53/2 Mo 09:00-12:00"), None);
        assert_eq!(correct("Dec 24-26 off"), None);
        assert_eq!(correct("Mo-Fr 09:00-12:00"), None);
    }
}
