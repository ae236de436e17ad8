//! [`Row`]: the state of the row being validated, shared by the checks.

use crate::columns::Column;
use crate::diagnostic::{Arg, Diagnostic, Severity, Template};
use crate::record::FlatRecord;

/// The record being validated, where its diagnostics go, and what was found so far.
pub(crate) struct Row<'r, 'a> {
    /// The record.
    pub(crate) rec: &'r FlatRecord<'a>,
    /// Its 1-based row number.
    row: usize,
    diags: &'r mut Vec<Diagnostic>,
    /// The Strict level is on.
    pub(crate) strict: bool,
    /// Lenient reading: an error in an optional column drops the value, not the place.
    pub(crate) lenient: bool,
    /// The row has an error (it is invalid for the standard).
    pub(crate) error: bool,
    /// The row cannot be kept even in lenient reading (a required column is unusable).
    pub(crate) fatal: bool,
}

impl<'r, 'a> Row<'r, 'a> {
    #[inline]
    pub(crate) fn new(
        rec: &'r FlatRecord<'a>,
        row: usize,
        diags: &'r mut Vec<Diagnostic>,
        strict: bool,
        lenient: bool,
    ) -> Row<'r, 'a> {
        Row {
            rec,
            row,
            diags,
            strict,
            lenient,
            error: false,
            fatal: false,
        }
    }

    /// The text of a column given as text.
    #[inline]
    pub(crate) fn get(&self, c: Column) -> Option<&'r str> {
        self.rec.cell(c)
    }

    /// Adds a diagnostic of this row.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d.at_row(self.row));
    }

    /// A problem with the value of a column.
    pub(crate) fn problem(
        &mut self,
        severity: Severity,
        c: Column,
        value: &str,
        template: &'static Template,
        args: impl Into<Box<[Arg]>>,
    ) {
        let mut d = Diagnostic::new(severity, template)
            .in_column(c.name())
            .with_value(value)
            .with_args(args);
        if severity == Severity::Error {
            self.error = true;
            if c.is_required() || c == Column::Id {
                self.fatal = true;
            } else if self.lenient {
                d = d.value_dropped();
            }
        }
        self.push(d);
    }

    /// An error: the row is invalid; the place cannot be kept unless the column is optional
    /// and reading is lenient (then the value is dropped, and the message says so).
    pub(crate) fn error(
        &mut self,
        c: Column,
        value: &str,
        template: &'static Template,
        args: impl Into<Box<[Arg]>>,
    ) {
        self.problem(Severity::Error, c, value, template, args);
    }

    /// A warning: the value is kept.
    pub(crate) fn warn(
        &mut self,
        c: Column,
        value: &str,
        template: &'static Template,
        args: impl Into<Box<[Arg]>>,
    ) {
        self.problem(Severity::Warning, c, value, template, args);
    }
}
