//! Input texts as messages can hold and show them: [`excerpt`] (a short, escaped quote for a
//! one-line message), [`Escaped`] (control and bidirectional characters escaped) and the
//! limits [`EXCERPT_CHARS`] (shown) and [`KEPT_CHARS`] (kept in a diagnostic).

use std::fmt;

/// The most characters of a value the one-line messages of the command line quote.
pub const EXCERPT_CHARS: usize = 80;

/// How many characters of an input text a diagnostic keeps: a longer value or argument is
/// kept as its first `KEPT_CHARS` characters followed by `…`, and the messages give its
/// full length. A file can hold a 200 MB header cell or a 228 KB `horaires`: reports quote,
/// they do not copy.
pub const KEPT_CHARS: usize = 200;

/// A value as it can be shown in a one-line message: control and bidirectional characters (a
/// binary file's bytes, line breaks, escape sequences a terminal would obey) escaped as `\n`,
/// `\u{1b}`... (see [`Escaped`]), and at most `max_chars` characters, the rest replaced by `…`.
///
/// ```
/// use inclusion_model::printable::excerpt;
/// assert_eq!(excerpt("Mairie", 10), "Mairie");
/// assert_eq!(excerpt("a\u{1b}[31mb\nc", 20), "a\\u{1b}[31mb\\nc");
/// assert_eq!(excerpt("abcdefghij", 4), "abcd…");
/// ```
pub fn excerpt(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        None => Escaped(text).to_string(),
        Some((end, _)) => format!("{}…", Escaped(&text[..end])),
    }
}

/// The first `max_chars` characters of a text longer than that, followed by `…`, with the
/// text's length in characters (saturated at `u32::MAX`); `None` when the text is short
/// enough to be kept whole.
pub(crate) fn cut(s: &str, max_chars: usize) -> Option<(Box<str>, u32)> {
    // Characters are at most as many as bytes: most texts are decided without counting.
    if s.len() <= max_chars {
        return None;
    }
    let (end, _) = s.char_indices().nth(max_chars)?;
    let chars = max_chars + s[end..].chars().count();
    let mut text = String::with_capacity(end + '…'.len_utf8());
    text.push_str(&s[..end]);
    text.push('…');
    Some((
        text.into_boxed_str(),
        u32::try_from(chars).unwrap_or(u32::MAX),
    ))
}

/// A text written with its control characters escaped, for messages and terminals: a line
/// feed as `\n`, a carriage return as `\r`, a tab as `\t`, the other control characters
/// (C0, DEL, C1) and the bidirectional-formatting characters as `\u{1b}`. Every other
/// character is written as it is.
///
/// Rendered messages ([`Diagnostic::message_fr`](crate::Diagnostic::message_fr),
/// [`Diagnostic::message_en`](crate::Diagnostic::message_en), `Display`) escape the texts they
/// quote (values, arguments, column names) with it, and [`excerpt`] too; the accessors
/// ([`Diagnostic::value`](crate::Diagnostic::value), [`Diagnostic::args`](crate::Diagnostic::args))
/// give the texts unescaped.
///
/// ```
/// use inclusion_model::printable::Escaped;
/// assert_eq!(Escaped("a\u{1b}[31mb\nc\u{202e}d").to_string(), r"a\u{1b}[31mb\nc\u{202e}d");
/// assert_eq!(Escaped("Médiathèque « Nord »").to_string(), "Médiathèque « Nord »");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(needs_escape) {
            f.write_str(&rest[..i])?;
            let c = rest[i..].chars().next().unwrap_or_default();
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &rest[i + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// Whether a character is escaped by [`Escaped`].
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
