//! [`WriteOptions`]: how to write places, and which extra columns can be written.

use crate::columns::Column;

/// How to write places: what the command line's `--drop-unknown-columns` sets.
///
/// ```
/// use inclusion_model::WriteOptions;
/// assert!(WriteOptions::default().extra_columns);
/// assert!(!WriteOptions::standard_only().extra_columns);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct WriteOptions {
    /// Write the columns outside the standard ([`Place::extra`](crate::Place::extra)) after the standard's
    /// (default: `true`: nothing read is lost).
    pub extra_columns: bool,
}

impl Default for WriteOptions {
    fn default() -> WriteOptions {
        WriteOptions {
            extra_columns: true,
        }
    }
}

impl WriteOptions {
    /// The standard's 32 columns only: [`Place::extra`](crate::Place::extra) is not written.
    pub fn standard_only() -> WriteOptions {
        WriteOptions {
            extra_columns: false,
        }
    }

    /// Sets whether the columns outside the standard are written.
    pub fn with_extra_columns(mut self, extra_columns: bool) -> WriteOptions {
        self.extra_columns = extra_columns;
        self
    }
}

/// Whether an extra column of a place is written: not when its name is a standard column's.
pub(super) fn writable(name: &str) -> bool {
    Column::from_name(name).is_none()
}
