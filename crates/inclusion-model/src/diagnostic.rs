//! [`Diagnostic`]: one problem found in a file, with where, what, and how to fix it.

use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the value is kept.
    Warning,
    /// The row (or the file) does not conform; the value or the row cannot be used as is.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem found while reading or validating: where it is, the value, a stable code, and a
/// message in French and in English that says what to fix.
///
/// `row` is the 1-based line number as a spreadsheet shows it: for a CSV file the header is
/// row 1 and the first place is row 2; for a JSON array the first record is row 1. File-level
/// problems (encoding, missing columns) have no row.
///
/// ```
/// use inclusion_model::{read_csv_str, ReadOptions, Severity};
///
/// let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\n\
///            p1,43493312300029,Anonymal,Reims,5110,1 rue X,2024-04-02\n";
/// let report = read_csv_str(csv, &ReadOptions::default());
/// let d = report.errors().next().unwrap();
/// assert_eq!((d.row, d.column.as_deref(), d.value.as_deref()), (Some(2), Some("code_postal"), Some("5110")));
/// assert_eq!(d.code, "pattern");
/// assert_eq!(d.severity, Severity::Error);
/// assert!(report.places.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// 1-based row in the file (see above); `None` for a problem of the whole file.
    pub row: Option<usize>,
    /// The column (header name) concerned, if any.
    pub column: Option<String>,
    /// The offending value, as read.
    pub value: Option<String>,
    /// A stable, machine-readable code (see [`codes`](crate::codes)).
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and how to fix it, in French.
    pub message_fr: String,
    /// What is wrong and how to fix it, in English.
    pub message_en: String,
}

impl Diagnostic {
    /// A new diagnostic.
    pub fn new(
        severity: Severity,
        code: &'static str,
        message_fr: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            row: None,
            column: None,
            value: None,
            code,
            severity,
            message_fr: message_fr.into(),
            message_en: message_en.into(),
        }
    }

    /// Sets the row.
    pub fn at_row(mut self, row: usize) -> Diagnostic {
        self.row = Some(row);
        self
    }

    /// Sets the column.
    pub fn in_column(mut self, column: impl Into<String>) -> Diagnostic {
        self.column = Some(column.into());
        self
    }

    /// Sets the value.
    pub fn with_value(mut self, value: impl Into<String>) -> Diagnostic {
        self.value = Some(value.into());
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            Some(r) => write!(f, "row {r}")?,
            None => f.write_str("file")?,
        }
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        write!(
            f,
            ": {} [{}]: {}",
            self.severity, self.code, self.message_en
        )?;
        if let Some(v) = &self.value {
            write!(f, " (value: {v:?})")?;
        }
        Ok(())
    }
}
