//! [`HoursError`]: what can go wrong in this crate.

/// Why opening hours cannot give what was asked. Evaluation itself never fails: text that does
/// not parse answers "unknown" (see [`OpeningHours::parse_error`](crate::OpeningHours::parse_error)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HoursError {
    /// Opening hours that cannot give what was asked (e.g. text that does not parse, or
    /// that depends on dates, turned into a weekly timetable).
    #[error("opening hours {raw:?}: {reason}")]
    OpeningHours {
        /// The `horaires` text.
        raw: String,
        /// What is wrong and what to do.
        reason: String,
    },
    /// An instant whose local date is outside the dates the hours can be evaluated for
    /// (1900-01-01 to 2199-12-31: the years of the public-holiday tables). No state is given
    /// then: neither open nor closed. See [`check_instant`](crate::check_instant).
    #[error(
        "{local_date} is outside the dates opening hours can be evaluated for (1900-01-01 to \
         2199-12-31, the years of the public-holiday tables): ask about a date in that range"
    )]
    OutOfRange {
        /// The local date asked (or reached by a search).
        local_date: chrono::NaiveDate,
    },
    /// A time range of a weekly timetable that is not `HH:MM-HH:MM` within one day.
    #[error("invalid time range {value:?}: {reason}")]
    TimeRange {
        /// The range as given.
        value: String,
        /// What is wrong and what to do.
        reason: String,
    },
}
