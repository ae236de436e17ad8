//! Text decoding, format detection (JSON or CSV) and delimiter detection.
//!
//! A file is decoded once, as a whole, before its format is detected:
//!
//! * a UTF-8 byte-order mark is removed (`file.bom`);
//! * UTF-16 (with a byte-order mark, or without one when every other byte of the start of
//!   the file is zero) is decoded (`file.utf16`);
//! * UTF-8 is read as UTF-8 even when some byte sequences are invalid: each invalid sequence
//!   becomes `�` (U+FFFD), the file gets one warning (`file.invalid_utf8`, with the count
//!   and the first offset) and the readers report each cell that holds one (an error of
//!   code `file.invalid_utf8`, at its row and column);
//! * Windows-1252 only when the file as a whole is not UTF-8: it has more invalid sequences
//!   than valid multi-byte characters (`file.windows_1252`). One stray byte in a UTF-8 file
//!   full of accents is an error in one cell, not a reason to read every accent as `Ã©`.

use std::borrow::Cow;

use crate::diagnostic::{Arg, Diagnostic, Severity};
use crate::messages;

use super::report::Format;

/// The text of a file, and whether invalid UTF-8 sequences were replaced by `�` in it.
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    /// How many invalid sequences were replaced by U+FFFD (the readers then report each cell
    /// that holds one).
    pub(crate) replaced: usize,
}

/// The replacement character, which marks where a byte sequence could not be decoded.
pub(crate) const REPLACEMENT: char = '\u{fffd}';

/// Decodes the bytes of a text file (see the [module documentation](self)); the problems of
/// the file go on `diags`. Decoding never fails.
pub(crate) fn decode<'a>(bytes: &'a [u8], diags: &mut Vec<Diagnostic>) -> Decoded<'a> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        diags.push(Diagnostic::new(Severity::Warning, &messages::FILE_BOM));
        return decode_utf8(rest, diags);
    }
    if let Some((encoding, rest)) = utf16(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(rest);
        let name = if encoding == encoding_rs::UTF_16LE {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        };
        diags.push(
            Diagnostic::new(Severity::Warning, &messages::FILE_UTF16)
                .with_args([Arg::Static(name)]),
        );
        let replaced = if had_errors {
            text.matches(REPLACEMENT).count()
        } else {
            0
        };
        return Decoded {
            text: Cow::Owned(text.into_owned()),
            replaced,
        };
    }
    decode_utf8(bytes, diags)
}

/// The UTF-16 encoding of the bytes and the bytes after its byte-order mark, if the file is
/// UTF-16: a byte-order mark, or, without one, a start where every other byte is zero (the
/// ASCII characters of a header or of JSON punctuation, in UTF-16).
pub(super) fn utf16(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, &[u8])> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some((encoding_rs::UTF_16LE, rest));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some((encoding_rs::UTF_16BE, rest));
    }
    let start = &bytes[..bytes.len().min(256) & !1];
    if start.len() < 4 {
        return None;
    }
    let pairs = start.len() / 2;
    let zeros = |offset: usize| {
        start
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // Text in UTF-8 or Windows-1252 has no zero byte at all.
    if odd == pairs && even == 0 {
        Some((encoding_rs::UTF_16LE, bytes))
    } else if even == pairs && odd == 0 {
        Some((encoding_rs::UTF_16BE, bytes))
    } else {
        None
    }
}

/// UTF-8, with its invalid sequences replaced and reported, or Windows-1252 when the bytes
/// as a whole are not UTF-8.
fn decode_utf8<'a>(bytes: &'a [u8], diags: &mut Vec<Diagnostic>) -> Decoded<'a> {
    // The SIMD validation takes 0.5 instruction per byte where the standard library's takes
    // 1.6 (callgrind, the 42.5 MB file of `cargo bench --bench read`: 20 M against 66 M), and
    // says as it does where the first invalid sequence is.
    let error = match simdutf8::compat::from_utf8(bytes) {
        Ok(s) => {
            return Decoded {
                text: Cow::Borrowed(s),
                replaced: 0,
            };
        }
        Err(e) => e,
    };
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Each lead byte (0xC0 and above) starts one valid multi-byte character.
        multibyte += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte <= invalid {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        diags.push(
            Diagnostic::new(Severity::Warning, &messages::FILE_WINDOWS_1252)
                .with_args([Arg::from(error.valid_up_to())]),
        );
        return Decoded {
            text: Cow::Owned(text.into_owned()),
            replaced: 0,
        };
    }
    let first = error.valid_up_to();
    let line = 1 + memchr::memchr_iter(b'\n', &bytes[..first]).count();
    diags.push(
        Diagnostic::new(Severity::Warning, &messages::FILE_INVALID_UTF8).with_args([
            Arg::from(invalid),
            Arg::from(first),
            Arg::from(line),
        ]),
    );
    Decoded {
        text: String::from_utf8_lossy(bytes),
        replaced: invalid,
    }
}

/// The error of a cell that holds a replaced invalid sequence (`value` is its text, with
/// `�` where the bytes could not be read).
pub(crate) fn invalid_cell(row: usize, column: Cow<'static, str>, value: &str) -> Diagnostic {
    Diagnostic::new(Severity::Error, &messages::CELL_INVALID_UTF8)
        .at_row(row)
        .in_column(column)
        .with_value(value)
}

/// The column delimiter: `;` when the header line has more `;` than `,` outside quotes
/// (reported), `,` otherwise.
pub(crate) fn delimiter(text: &str, report: &mut Vec<Diagnostic>) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
    }
    if semicolons > commas {
        report.push(Diagnostic::new(
            Severity::Warning,
            &messages::FILE_SEMICOLON,
        ));
        b';'
    } else {
        b','
    }
}

/// The format of a decoded text, told by its first character that is not white space (as
/// `str::trim_start` sees it: the vertical tab is white space): JSON for `[` or `{`, CSV for
/// any other; `None` for a text of white space only (read as CSV: an empty file). The one
/// rule of `read_bytes` and of the head of a file read by chunks.
pub(super) fn format_of(text: &str) -> Option<Format> {
    let first = *text.trim_start().as_bytes().first()?;
    Some(if matches!(first, b'[' | b'{') {
        Format::Json
    } else {
        Format::Csv
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    fn decoded(bytes: &[u8]) -> (String, usize, Vec<&'static str>) {
        let mut diags = Vec::new();
        let d = decode(bytes, &mut diags);
        (
            d.text.into_owned(),
            d.replaced,
            diags.iter().map(Diagnostic::code).collect(),
        )
    }

    #[test]
    fn utf8_bom_and_1252() {
        assert_eq!(
            decoded(b"\xEF\xBB\xBFa,b"),
            ("a,b".into(), 0, vec![codes::FILE_BOM])
        );
        assert_eq!(
            decoded(b"Itin\xe9rant"),
            ("Itinérant".into(), 0, vec![codes::FILE_WINDOWS_1252])
        );
        assert_eq!(
            decoded("Itinérant".as_bytes()),
            ("Itinérant".into(), 0, vec![])
        );
    }

    #[test]
    fn one_invalid_byte_in_utf8_text_is_replaced_not_a_reason_for_windows_1252() {
        let mut bytes = "Médiathèque, Itinérant\n".repeat(3).into_bytes();
        bytes.extend_from_slice(b"Mairie \xe9t\xe9\n");
        let (text, replaced, codes) = decoded(&bytes);
        assert_eq!(codes, [codes::FILE_INVALID_UTF8]);
        assert_eq!(replaced, 2);
        assert!(text.starts_with("Médiathèque, Itinérant\n"));
        assert!(text.ends_with("Mairie �t�\n"));
        let mut diags = Vec::new();
        decode(&bytes, &mut diags);
        // Two sequences, the first on line 4 (`é` is 0xC3 0xA9 in UTF-8: 0xE9 is invalid).
        let first = bytes.iter().position(|b| *b == 0xe9).unwrap() as u64;
        assert_eq!(diags[0].args(), [Arg::Int(2), Arg::Int(first), Arg::Int(4)]);
    }

    #[test]
    fn utf16_with_or_without_a_byte_order_mark() {
        let text = "[{\"nom\": \"Médiathèque\"}]";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [
            ([&b"\xFF\xFE"[..], &le].concat(), "UTF-16LE"),
            ([&b"\xFE\xFF"[..], &be].concat(), "UTF-16BE"),
            (le.clone(), "UTF-16LE"),
            (be.clone(), "UTF-16BE"),
        ] {
            let mut diags = Vec::new();
            let d = decode(&bytes, &mut diags);
            assert_eq!(d.text, text, "{name}");
            assert_eq!(diags[0].code(), codes::FILE_UTF16);
            assert_eq!(diags[0].args(), [Arg::Static(name)]);
        }
    }

    #[test]
    fn delimiter_detection() {
        let mut r = Vec::new();
        assert_eq!(delimiter("a;b;\"c,d,e\"\n1,2,3", &mut r), b';');
        assert_eq!(r.len(), 1);
        let mut r = Vec::new();
        assert_eq!(delimiter("a,b,\"c;d;e\"\n", &mut r), b',');
        assert!(r.is_empty());
    }
}
