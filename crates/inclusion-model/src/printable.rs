//! Values as they can be shown in a one-line message: [`excerpt`].

/// The most characters of a value the messages quote.
pub const EXCERPT_CHARS: usize = 80;

/// A value as it can be shown in a one-line message: control characters (a binary file's
/// bytes, line breaks, escape sequences a terminal would obey) escaped as `\n`, `\u{1b}`...,
/// and at most `max_chars` characters, the rest replaced by `…`.
///
/// ```
/// use inclusion_model::printable::excerpt;
/// assert_eq!(excerpt("Mairie", 10), "Mairie");
/// assert_eq!(excerpt("a\u{1b}[31mb\nc", 20), "a\\u{1b}[31mb\\nc");
/// assert_eq!(excerpt("abcdefghij", 4), "abcd…");
/// ```
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max_chars * 4));
    for (n, c) in text.chars().enumerate() {
        if n == max_chars {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}
