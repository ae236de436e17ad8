//! The CSV reader.

use std::borrow::Cow;

use super::decode::{decode, delimiter};
use super::header::{HeaderCell, check_v01_header, map_header};
use super::options::ReadOptions;
use super::report::{Format, ReadReport};
use super::rows::Rows;
use crate::diagnostic::{Arg, Diagnostic, Severity};
use crate::messages;
use crate::migrate::{self, SchemaVersion};
use crate::record::FlatRecord;

/// Reads CSV text (already decoded). See [`read_bytes`](super::read_bytes) for bytes in other
/// encodings.
///
/// ```
/// use inclusion_model::{read_csv_str, ReadOptions};
/// let report = read_csv_str("id,nom\np1,Mairie\n", &ReadOptions::default());
/// // Required columns are missing: the file cannot be read.
/// let e = report.unreadable().unwrap();
/// assert_eq!(e.code(), "file.missing_column");
/// assert!(e.message_en().contains("pivot"));
/// ```
pub fn read_csv_str(text: &str, options: &ReadOptions) -> ReadReport {
    let mut report = options.report(Format::Csv);
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            report.push(Diagnostic::new(Severity::Warning, &messages::FILE_BOM_TEXT));
            rest
        }
        None => text,
    };
    read_text(text, options, report)
}

pub(crate) fn read_csv_bytes(bytes: &[u8], options: &ReadOptions) -> ReadReport {
    let mut report = options.report(Format::Csv);
    let text = decode(bytes, &mut report);
    read_text(&text, options, report)
}

fn read_text(text: &str, options: &ReadOptions, mut report: ReadReport) -> ReadReport {
    let delim = delimiter(text, &mut report);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = ::csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => {}
        Ok(false) => {
            report.push(Diagnostic::new(Severity::Error, &messages::FILE_EMPTY));
            return report;
        }
        Err(e) => {
            report.push(
                Diagnostic::new(Severity::Error, &messages::FILE_HEADER_UNREADABLE)
                    .with_args([Arg::from(e.to_string())]),
            );
            return report;
        }
    }
    let header: Vec<String> = record.iter().map(str::to_owned).collect();
    report.version = options.version_for(header.iter().map(String::as_str));
    if report.version == SchemaVersion::V0_1 {
        return read_v01(reader, &header, options, report);
    }
    let Some(cells) = map_header(header.iter().map(String::as_str), &mut report) else {
        return report;
    };

    // At most one place per line: reserving avoids moving large vectors while reading.
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let mut rows = Rows::new(options);
    rows.reserve(lines, text.len(), &mut report);
    let mut index = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                row_unreadable(&mut rows, &mut report, index + 2, &e);
                break;
            }
        }
        let row = index + 2;
        index += 1;
        let mut raw = FlatRecord::default();
        // An empty cell is an absent value: a new record has nothing to set for it.
        for (cell, value) in cells
            .iter()
            .zip(record.iter())
            .filter(|(_, v)| !v.is_empty())
        {
            match cell {
                HeaderCell::Standard(c) => raw.set_column(*c, Cow::Borrowed(value)),
                HeaderCell::Unknown(name) => raw.extra.push((name.clone(), value.to_owned())),
                _ => {}
            }
        }
        let row_error = record.len() != cells.len();
        if row_error {
            rows.diags()
                .push(cell_count(row, record.len(), cells.len()));
        }
        rows.accept(&mut raw, row, row_error, &mut report);
    }
    report
}

/// Reads the rows of a v0.1 file, migrating each to v1 before validating it.
fn read_v01(
    mut reader: ::csv::Reader<&[u8]>,
    header: &[String],
    options: &ReadOptions,
    mut report: ReadReport,
) -> ReadReport {
    report.push(migrate::detected_notice());
    if !check_v01_header(header.iter().map(String::as_str), &mut report) {
        return report;
    }
    let mut rows = Rows::new(options);
    let mut record = ::csv::StringRecord::new();
    let mut row = 1;
    loop {
        row += 1;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                row_unreadable(&mut rows, &mut report, row, &e);
                break;
            }
        }
        let row_error = record.len() != header.len();
        if row_error {
            rows.diags()
                .push(cell_count(row, record.len(), header.len()));
        }
        let pairs = header.iter().map(String::as_str).zip(record.iter());
        let mut raw = migrate::migrate_record(pairs, row, rows.diags());
        rows.accept(&mut raw, row, row_error, &mut report);
    }
    report
}

/// A row the CSV parser cannot read (invalid quoting...): reading stops there.
fn row_unreadable(rows: &mut Rows, report: &mut ReadReport, row: usize, e: &::csv::Error) {
    rows.diags().push(
        Diagnostic::new(Severity::Error, &messages::FILE_ROW_UNREADABLE)
            .at_row(row)
            .with_args([Arg::from(e.to_string())]),
    );
    rows.reject(report);
}

fn cell_count(row: usize, cells: usize, columns: usize) -> Diagnostic {
    Diagnostic::new(Severity::Error, &messages::CELL_COUNT)
        .at_row(row)
        .with_args([Arg::from(cells), Arg::from(columns)])
}
