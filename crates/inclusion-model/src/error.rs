//! [`ModelError`]: the errors of this crate.

/// What can go wrong in this crate, outside of the per-row [`Diagnostic`](crate::Diagnostic)s.
///
/// Reading a file never fails on a bad row: bad rows become diagnostics. These errors are for
/// what cannot be used at all (an unreadable file, a value built in code that is out of range).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// Coordinates that are not finite or out of range.
    #[error(
        "invalid coordinates ({latitude}, {longitude}): latitude must be in [-90, 90] and longitude in [-180, 180], both finite"
    )]
    InvalidCoordinates {
        /// The latitude given.
        latitude: f64,
        /// The longitude given.
        longitude: f64,
    },
    /// An I/O error while reading or writing a file.
    #[error("cannot read or write {path}: {source}")]
    Io {
        /// The file concerned.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file that cannot be read at all (not CSV, not JSON, missing required columns...).
    #[error("the file cannot be read: {0}")]
    Unreadable(String),
    /// Serialising to JSON failed.
    #[error("JSON serialisation failed: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing CSV failed.
    #[error("CSV writing failed: {0}")]
    Csv(#[from] csv::Error),
    /// Opening hours that cannot give what was asked (see `inclusion-hours`).
    #[error(transparent)]
    Hours(#[from] inclusion_hours::HoursError),
}
