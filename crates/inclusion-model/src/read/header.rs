//! The checks of a file's columns (the CSV header, the keys of a JSON file): unknown,
//! duplicate, missing required and missing optional columns.

use crate::columns::Column;
use crate::diagnostic::{Arg, Diagnostic, Severity, Template};
use crate::legacy;
use crate::messages;

use super::report::{Format, ReadReport};

/// What a header cell is.
#[derive(Clone)]
pub(crate) enum HeaderCell {
    Standard(Column),
    Unknown(String),
    Ignored,
}

fn file_problem(
    report: &mut ReadReport,
    severity: Severity,
    template: &'static Template,
    args: impl Into<Box<[Arg]>>,
) {
    report.push(Diagnostic::new(severity, template).with_args(args));
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
                file_problem(
                    report,
                    Severity::Error,
                    &messages::FILE_DUPLICATE_COLUMN,
                    [Arg::from(name)],
                );
                cells.push(HeaderCell::Ignored);
            }
            Some(c) => {
                seen[c.index()] = true;
                cells.push(HeaderCell::Standard(c));
            }
            None => {
                let like = Column::ALL
                    .iter()
                    .find(|c| c.name().eq_ignore_ascii_case(name.trim()));
                match like {
                    Some(c) => file_problem(
                        report,
                        Severity::Warning,
                        &messages::FILE_UNKNOWN_COLUMN_HINT,
                        [Arg::from(name), Arg::Static(c.name())],
                    ),
                    None => file_problem(
                        report,
                        Severity::Warning,
                        &messages::FILE_UNKNOWN_COLUMN,
                        [Arg::from(name)],
                    ),
                }
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
        file_problem(
            report,
            Severity::Warning,
            &messages::FILE_MISSING_OPTIONAL_COLUMN,
            [Arg::from(missing_optional.join(", "))],
        );
    }
    Some(cells)
}

/// Reports, as a file error, the required columns for which `present` is false; returns
/// whether all are present (otherwise no row can be read).
fn required_columns_present(report: &mut ReadReport, present: impl Fn(Column) -> bool) -> bool {
    let missing: Vec<&str> = Column::ALL
        .iter()
        .filter(|c| c.is_required() && !present(**c))
        .map(|c| c.name())
        .collect();
    if missing.is_empty() {
        return true;
    }
    file_problem(
        report,
        Severity::Error,
        &messages::FILE_MISSING_COLUMN,
        [Arg::from(missing.join(", "))],
    );
    false
}

/// Checks the header of a v0.1 file: reports columns outside v0.1 and returns `false` (with a
/// file error) when a required column is missing.
pub(crate) fn check_v01_header<'h>(
    names: impl IntoIterator<Item = &'h str>,
    report: &mut ReadReport,
) -> bool {
    let names: Vec<&str> = names.into_iter().collect();
    for n in &names {
        if !legacy::V01_COLUMNS.contains(n) {
            file_problem(
                report,
                Severity::Warning,
                &messages::FILE_UNKNOWN_COLUMN_V01,
                [Arg::from(*n)],
            );
        }
    }
    required_columns_present(report, |c| names.contains(&c.name()))
}

/// Reports the keys of a JSON file that are not columns (of v0.1 when `v01`).
pub(crate) fn check_json_keys<'k>(
    keys: impl IntoIterator<Item = &'k str>,
    v01: bool,
    report: &mut ReadReport,
) {
    let known = |k: &str| {
        if v01 {
            legacy::V01_COLUMNS.contains(&k)
        } else {
            Column::from_name(k).is_some()
        }
    };
    for name in keys.into_iter().filter(|k| !known(k)) {
        file_problem(
            report,
            Severity::Warning,
            &messages::FILE_UNKNOWN_KEY,
            [Arg::from(name)],
        );
    }
}
