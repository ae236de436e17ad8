//! The checks of a file's columns (the CSV header, the keys of a JSON file): unknown,
//! duplicate, legacy (v0.1), missing required and missing optional columns.
//!
//! Each distinct name gets at most one diagnostic, whatever the number of cells: a header of a
//! million empty names is one warning, not a million.

use rustc_hash::FxHashMap;

use crate::columns::Column;
use crate::diagnostic::{Arg, Diagnostic, Severity, Template};
use crate::legacy;
use crate::messages;

use super::report::{Format, ReadReport};

/// How many cells a CSV header may have. The standard has 32 columns (v0.1: 29); a file with
/// more than this is not a file of places, and reading it would only fill memory with names.
pub(crate) const MAX_HEADER_CELLS: usize = 10_000;

/// What a cell of the header is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HeaderCell {
    /// A column of the standard.
    Standard(Column),
    /// A column outside the standard, kept aside under its name (the index of the name in
    /// [`Header::unknown`]).
    Unknown(u32),
    /// A column of v0.1 in a v1 file, mapped as the migration maps it (its v0.1 name).
    Legacy(&'static str),
    /// A name already used by the cell at this index: its value is compared with that one.
    Duplicate(u32),
}

/// The columns of a file.
#[derive(Debug)]
pub(crate) struct Header {
    pub(crate) cells: Vec<HeaderCell>,
    /// The distinct names of the columns outside the standard.
    pub(crate) unknown: Vec<String>,
}

fn file_problem(
    report: &mut ReadReport,
    severity: Severity,
    template: &'static Template,
    args: impl Into<Box<[Arg]>>,
) {
    report.push(Diagnostic::new(severity, template).with_args(args));
}

/// Maps header names to columns, reporting unknown, duplicate, legacy and missing columns.
/// Returns `None` when a required column is missing (the file cannot be read).
pub(crate) fn map_header<'h>(
    names: impl Iterator<Item = &'h str>,
    report: &mut ReadReport,
) -> Option<Header> {
    let mut seen = [false; 32];
    let mut header = Header {
        cells: Vec::new(),
        unknown: Vec::new(),
    };
    // The first cell of each name, and how many more cells have it.
    let mut first: FxHashMap<&str, (u32, usize)> = FxHashMap::default();
    for (i, name) in names.enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        if let Some((at, more)) = first.get_mut(name) {
            *more += 1;
            header.cells.push(HeaderCell::Duplicate(*at));
            continue;
        }
        first.insert(name, (index, 0));
        let cell = match Column::from_name(name) {
            Some(c) => {
                seen[c.index()] = true;
                HeaderCell::Standard(c)
            }
            None => match legacy::v1_targets(name) {
                Some((legacy_name, targets)) => {
                    file_problem(
                        report,
                        Severity::Warning,
                        &messages::FILE_LEGACY_COLUMN,
                        [Arg::Static(legacy_name), Arg::Static(targets)],
                    );
                    HeaderCell::Legacy(legacy_name)
                }
                None => {
                    unknown_column(name, report);
                    header.unknown.push(name.to_owned());
                    HeaderCell::Unknown(u32::try_from(header.unknown.len() - 1).unwrap_or(0))
                }
            },
        };
        header.cells.push(cell);
    }
    let mut duplicates: Vec<(&str, (u32, usize))> = first
        .into_iter()
        .filter(|(_, (_, more))| *more > 0)
        .collect();
    duplicates.sort_by_key(|(_, (at, _))| *at);
    for (name, (_, more)) in duplicates {
        file_problem(
            report,
            Severity::Error,
            &messages::FILE_DUPLICATE_COLUMN,
            [Arg::from(name), Arg::from(more + 1)],
        );
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
            // Names of the standard (at most 32): listed whole, never cut.
            [Arg::Text(missing_optional.join(", ").into())],
        );
    }
    Some(header)
}

/// Reports a column outside the standard (with a hint when only the case differs).
fn unknown_column(name: &str, report: &mut ReadReport) {
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
        [Arg::Text(missing.join(", ").into())],
    );
    false
}

/// Checks the header of a v0.1 file: reports columns outside v0.1 (once per name) and
/// returns `false` (with a file error) when a required column is missing.
pub(crate) fn check_v01_header<'h>(
    names: impl IntoIterator<Item = &'h str>,
    report: &mut ReadReport,
) -> bool {
    let names: Vec<&str> = names.into_iter().collect();
    let mut reported = rustc_hash::FxHashSet::default();
    for n in &names {
        if !legacy::V01_COLUMNS.contains(n) && reported.insert(*n) {
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

/// What the JSON reader does with a key of a v1 file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    /// A column of the standard.
    Standard(Column),
    /// A v0.1 column, mapped as the migration maps it.
    Legacy(&'static str),
    /// Kept aside under its name.
    Unknown,
}

impl Key {
    /// The meaning of a key in a v1 file.
    pub(crate) fn of(name: &str) -> Key {
        match Column::from_name(name) {
            Some(c) => Key::Standard(c),
            None => match legacy::v1_targets(name) {
                Some((legacy_name, _)) => Key::Legacy(legacy_name),
                None => Key::Unknown,
            },
        }
    }
}

/// Reports the keys of a JSON file that are not columns (of v0.1 when `v01`), and, in a v1
/// file, the v0.1 keys that are mapped.
pub(crate) fn check_json_keys<'k>(
    keys: impl IntoIterator<Item = &'k str>,
    v01: bool,
    report: &mut ReadReport,
) {
    for name in keys {
        if v01 {
            if !legacy::V01_COLUMNS.contains(&name) {
                file_problem(
                    report,
                    Severity::Warning,
                    &messages::FILE_UNKNOWN_KEY,
                    [Arg::from(name)],
                );
            }
            continue;
        }
        match Key::of(name) {
            Key::Standard(_) => {}
            Key::Legacy(legacy_name) => {
                let targets = legacy::v1_targets(legacy_name).map_or("", |(_, t)| t);
                file_problem(
                    report,
                    Severity::Warning,
                    &messages::FILE_LEGACY_COLUMN,
                    [Arg::Static(legacy_name), Arg::Static(targets)],
                );
            }
            Key::Unknown => file_problem(
                report,
                Severity::Warning,
                &messages::FILE_UNKNOWN_KEY,
                [Arg::from(name)],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    #[test]
    fn one_diagnostic_per_distinct_name_whatever_the_number_of_cells() {
        let mut report = ReadReport::new(Format::Csv, usize::MAX);
        // The seven required columns (indices 0 to 6), then 1,000 empty names.
        let mut names: Vec<&str> = Column::ALL
            .iter()
            .filter(|c| c.is_required())
            .map(|c| c.name())
            .collect();
        names.extend(std::iter::repeat_n("", 1_000));
        names.extend(["nom", "autre", "nom", "labels_nationaux"]);
        let header = map_header(names.iter().copied(), &mut report).unwrap();
        let found: Vec<(&str, Vec<String>)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code(), d.args().iter().map(|a| a.to_string()).collect()))
            .collect();
        assert_eq!(
            found,
            [
                (codes::FILE_UNKNOWN_COLUMN, vec!["".to_owned()]),
                (codes::FILE_UNKNOWN_COLUMN, vec!["autre".to_owned()]),
                (
                    codes::FILE_LEGACY_COLUMN,
                    vec![
                        "labels_nationaux".to_owned(),
                        "dispositif_programmes_nationaux, formations_labels, autres_formations_labels".to_owned()
                    ]
                ),
                (codes::FILE_DUPLICATE_COLUMN, vec!["nom".to_owned(), "3".to_owned()]),
                (codes::FILE_DUPLICATE_COLUMN, vec!["".to_owned(), "1000".to_owned()]),
                (codes::FILE_MISSING_OPTIONAL_COLUMN, vec![report.diagnostics[5].args()[0].to_string()]),
            ]
        );
        assert_eq!(header.cells[8], HeaderCell::Duplicate(7));
        assert_eq!(header.cells[1007], HeaderCell::Duplicate(2));
        assert_eq!(header.cells[1008], HeaderCell::Unknown(1));
        assert_eq!(header.cells[1010], HeaderCell::Legacy("labels_nationaux"));
        assert_eq!(header.unknown, ["", "autre"]);
    }
}
