//! [`MergeError`]: the errors of this crate.

/// What can go wrong while finding, clustering and merging duplicates. Problems of single
/// rows of the files read are not errors: they are diagnostics of the
/// [`InputSet`](crate::InputSet).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// A configuration value that makes no sense.
    #[error("invalid configuration: {0}; fix the value or leave it out to use the default")]
    Config(String),
    /// A configuration file that is not the JSON form of a [`Config`](crate::Config).
    #[error("cannot read the configuration {path}: {reason}")]
    ConfigFile {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A file that cannot be opened or read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file that is not a standard file at all (not CSV nor JSON of places).
    #[error(
        "{path} cannot be read as a file of lieux de médiation numérique: {}",
        diagnostic.message_en()
    )]
    Unreadable {
        /// The file.
        path: String,
        /// The file-level diagnostic that says why (in French and English).
        diagnostic: Box<inclusion_model::Diagnostic>,
    },
    /// Writing an output failed (closed pipe, full disk...).
    #[error("cannot write {what}: {source}")]
    Write {
        /// What was being written.
        what: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// More places than the pairs can index.
    #[error("too many places: {0} (at most 4,294,967,294); split the input by département")]
    TooManyPlaces(usize),
    /// A cluster that names a place index outside the places given.
    #[error(
        "a cluster names place {index}, but only {len} places were given: pass the places the pairs were found in"
    )]
    PlaceIndex {
        /// The index.
        index: usize,
        /// The number of places.
        len: usize,
    },
    /// Serialising to JSON failed.
    #[error("JSON serialisation failed: {0}")]
    Json(#[from] serde_json::Error),
    /// Merging an empty cluster.
    #[error("cannot merge an empty cluster")]
    EmptyCluster,
}
