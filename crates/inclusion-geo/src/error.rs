//! [`GeoError`]: what can go wrong in this crate.

/// Why a query cannot be answered, or an index cannot be built. Every message says what to fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum GeoError {
    /// The query position is not a finite WGS84 position.
    #[error(
        "invalid query position ({latitude}, {longitude}): latitude must be a finite number in \
         [-90, 90] and longitude a finite number in [-180, 180], in decimal degrees"
    )]
    InvalidCoordinates {
        /// The latitude given.
        latitude: f64,
        /// The longitude given.
        longitude: f64,
    },
    /// `k = 0`: a nearest query must ask for at least one place.
    #[error("k must be at least 1 (the number of nearest places to return)")]
    ZeroK,
    /// A radius or maximum distance that is negative or not a number.
    #[error("invalid distance {0} m: a radius or maximum distance must be a finite number >= 0")]
    InvalidDistance(f64),
    /// A query with neither `k` nor a maximum distance would return the whole dataset.
    #[error("the query has neither k nor max_distance_m: give at least one of them")]
    Unbounded,
    /// An `open_at` outside the dates opening hours can be evaluated for (1900–2199 in every
    /// time zone): no place could be said open then.
    #[error("open_at: {0}")]
    OpenAtOutOfRange(String),
    /// More places than the index can number (2³² − 1).
    #[error("{0} places is more than the index can hold (at most 4,294,967,294)")]
    TooManyPlaces(usize),
}
