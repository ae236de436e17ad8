//! [`ExchangeError`]: what can go wrong in this crate.

/// Why an exchange document cannot be written. Values that do not fit the target format are
/// not errors but [`Diagnostic`](inclusion_model::Diagnostic)s of the conversion.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExchangeError {
    /// Serialising or writing JSON failed (for example a full disk).
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}
