//! The CSV reader.

use std::borrow::Cow;

use super::decode::{decode, delimiter};
use super::{Format, ReadOptions, ReadReport};
use crate::codes;
use crate::columns::Column;
use crate::diagnostic::{Diagnostic, Severity};
use crate::migrate::{self, SchemaVersion};
use crate::validate::{FlatRecord, Validator};

/// What a header cell is.
#[derive(Clone)]
pub(crate) enum HeaderCell {
    Standard(Column),
    Unknown(String),
    Ignored,
}

/// Reads CSV text (already decoded). See [`read_bytes`](super::read_bytes) for bytes in other
/// encodings.
///
/// ```
/// use inclusion_model::{read_csv_str, ReadOptions};
/// let report = read_csv_str("id,nom\np1,Mairie\n", &ReadOptions::default());
/// // Required columns are missing: the file cannot be read.
/// let e = report.unreadable().unwrap();
/// assert_eq!(e.code, "file.missing_column");
/// assert!(e.message_en.contains("pivot"));
/// ```
pub fn read_csv_str(text: &str, options: &ReadOptions) -> ReadReport {
    let mut report = ReadReport::new(Format::Csv);
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            report.file_warning(
                codes::FILE_BOM,
                "Le fichier commence par une marque d'ordre des octets (BOM) : elle est ignorée."
                    .to_owned(),
                "The file starts with a byte-order mark (BOM): it is ignored.".to_owned(),
            );
            rest
        }
        None => text,
    };
    read_text(text, options, report)
}

pub(crate) fn read_csv_bytes(bytes: &[u8], options: &ReadOptions) -> ReadReport {
    let mut report = ReadReport::new(Format::Csv);
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
            report.file_error(
                codes::FILE_UNREADABLE,
                "Le fichier est vide : il faut au moins la ligne d'en-tête.".to_owned(),
                "The file is empty: it needs at least the header line.".to_owned(),
            );
            return report;
        }
        Err(e) => {
            report.file_error(
                codes::FILE_UNREADABLE,
                format!("L'en-tête CSV ne peut pas être lu : {e}."),
                format!("The CSV header cannot be read: {e}."),
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
    let mut validator = Validator::new(options.level, options.lenient, options.today());
    validator.reserve(lines, &mut report);
    let mut index = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                row_unreadable(&mut report, index + 2, &e);
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
        let mut row_error = false;
        if record.len() != cells.len() {
            row_error = true;
            report
                .diagnostics
                .push(cell_count(row, record.len(), cells.len()));
        }
        validator.accept(&mut raw, row, row_error, &mut report);
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
    report.diagnostics.push(migrate::detected_notice());
    if !migrate::check_v01_header(header.iter().map(String::as_str), &mut report) {
        return report;
    }
    let mut validator = Validator::new(options.level, options.lenient, options.today());
    let mut record = ::csv::StringRecord::new();
    let mut row = 1;
    loop {
        row += 1;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                row_unreadable(&mut report, row, &e);
                break;
            }
        }
        let row_error = record.len() != header.len();
        if row_error {
            report
                .diagnostics
                .push(cell_count(row, record.len(), header.len()));
        }
        let pairs = header.iter().map(String::as_str).zip(record.iter());
        let mut raw = migrate::migrate_record(pairs, row, &mut report.diagnostics);
        validator.accept(&mut raw, row, row_error, &mut report);
    }
    report
}

/// A row the CSV parser cannot read (invalid quoting...): reading stops there.
fn row_unreadable(report: &mut ReadReport, row: usize, e: &::csv::Error) {
    report.row_error(
        row,
        codes::FILE_UNREADABLE,
        format!("Ligne {row} illisible : {e}. La lecture s'arrête là."),
        format!("Row {row} cannot be read: {e}. Reading stops there."),
    );
}

fn cell_count(row: usize, cells: usize, columns: usize) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        codes::CELL_COUNT,
        format!("La ligne a {cells} cellules alors que l'en-tête a {columns} colonnes : vérifiez les guillemets et les séparateurs."),
        format!("The row has {cells} cells but the header has {columns} columns: check quotes and separators."),
    )
    .at_row(row)
}

/// Maps header names to columns, reporting unknown, duplicate and missing columns. Returns
/// `None` when a required column is missing (the file cannot be read).
pub(crate) fn map_header<'h>(
    names: impl Iterator<Item = &'h str>,
    report: &mut ReadReport,
) -> Option<Vec<HeaderCell>> {
    let mut seen = [false; 32];
    let mut cells = Vec::new();
    for name in names {
        match Column::from_name(name) {
            Some(c) if seen[c.index()] => {
                report.file_error(
                    codes::FILE_DUPLICATE_COLUMN,
                    format!("La colonne {name} apparaît deux fois dans l'en-tête : seule la première est lue."),
                    format!("Column {name} appears twice in the header: only the first one is read."),
                );
                cells.push(HeaderCell::Ignored);
            }
            Some(c) => {
                seen[c.index()] = true;
                cells.push(HeaderCell::Standard(c));
            }
            None => {
                let hint = Column::ALL
                    .iter()
                    .find(|c| c.name().eq_ignore_ascii_case(name.trim()))
                    .map(|c| {
                        (
                            format!(" (vouliez-vous dire {c} ?)"),
                            format!(" (did you mean {c}?)"),
                        )
                    })
                    .unwrap_or_default();
                report.file_warning(
                    codes::FILE_UNKNOWN_COLUMN,
                    format!("La colonne « {name} » ne fait pas partie du standard{} : ses valeurs sont gardées à part.", hint.0),
                    format!("Column '{name}' is not part of the standard{}: its values are kept aside.", hint.1),
                );
                cells.push(HeaderCell::Unknown(name.to_owned()));
            }
        }
    }
    if !required_columns_present(report, |c| seen[c.index()]) {
        return None;
    }
    let missing_optional: Vec<&str> = Column::ALL
        .iter()
        .filter(|c| !c.is_required() && !seen[c.index()])
        .map(|c| c.name())
        .collect();
    if !missing_optional.is_empty() && report.format == Format::Csv {
        let list = missing_optional.join(", ");
        report.file_warning(
            codes::FILE_MISSING_OPTIONAL_COLUMN,
            format!("Colonnes facultatives absentes de l'en-tête : {list}. Le standard demande toutes les colonnes, même vides."),
            format!("Optional columns missing from the header: {list}. The standard asks for every column, even empty."),
        );
    }
    Some(cells)
}

/// Reports, as a file error, the required columns for which `present` is false; returns
/// whether all are present (otherwise no row can be read).
pub(crate) fn required_columns_present(
    report: &mut ReadReport,
    present: impl Fn(Column) -> bool,
) -> bool {
    let missing: Vec<&str> = Column::ALL
        .iter()
        .filter(|c| c.is_required() && !present(**c))
        .map(|c| c.name())
        .collect();
    if missing.is_empty() {
        return true;
    }
    let list = missing.join(", ");
    report.file_error(
        codes::FILE_MISSING_COLUMN,
        format!("Colonnes obligatoires absentes de l'en-tête : {list}. Aucune ligne ne peut être lue ; les noms de colonnes doivent être exactement ceux du standard."),
        format!("Required columns missing from the header: {list}. No row can be read; column names must be exactly those of the standard."),
    );
    false
}
