//! Text decoding and delimiter detection for CSV files.

use std::borrow::Cow;

use super::report::ReadReport;
use crate::diagnostic::{Arg, Diagnostic, Severity};
use crate::messages;

/// Decodes the bytes of a text file: UTF-8 (a byte-order mark is removed and reported), or
/// Windows-1252 when the bytes are not UTF-8 (reported). Windows-1252 maps every byte, so
/// decoding never fails.
pub(crate) fn decode<'a>(bytes: &'a [u8], report: &mut ReadReport) -> Cow<'a, str> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => {
            report.push(Diagnostic::new(Severity::Warning, &messages::FILE_BOM));
            rest
        }
        None => bytes,
    };
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            report.push(
                Diagnostic::new(Severity::Warning, &messages::FILE_WINDOWS_1252)
                    .with_args([Arg::from(e.valid_up_to())]),
            );
            Cow::Owned(text.into_owned())
        }
    }
}

/// The column delimiter: `;` when the header line has more `;` than `,` outside quotes
/// (reported), `,` otherwise.
pub(crate) fn delimiter(text: &str, report: &mut ReadReport) -> u8 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;
    use crate::read::report::Format;

    #[test]
    fn utf8_bom_and_1252() {
        let mut r = ReadReport::new(Format::Csv, usize::MAX);
        assert_eq!(decode(b"\xEF\xBB\xBFa,b", &mut r), "a,b");
        assert_eq!(r.diagnostics[0].code(), codes::FILE_BOM);
        let mut r = ReadReport::new(Format::Csv, usize::MAX);
        assert_eq!(decode(b"Itin\xe9rant", &mut r), "Itinérant");
        assert_eq!(r.diagnostics[0].code(), codes::FILE_WINDOWS_1252);
        let mut r = ReadReport::new(Format::Csv, usize::MAX);
        assert_eq!(decode("Itinérant".as_bytes(), &mut r), "Itinérant");
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn delimiter_detection() {
        let mut r = ReadReport::new(Format::Csv, usize::MAX);
        assert_eq!(delimiter("a;b;\"c,d,e\"\n1,2,3", &mut r), b';');
        assert_eq!(r.diagnostics.len(), 1);
        let mut r = ReadReport::new(Format::Csv, usize::MAX);
        assert_eq!(delimiter("a,b,\"c;d;e\"\n", &mut r), b',');
        assert!(r.diagnostics.is_empty());
    }
}
