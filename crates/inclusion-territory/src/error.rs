//! [`TerritoryError`]: what can go wrong when looking up French territory.

/// Why a commune, département or région cannot be found. Every message says what to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TerritoryError {
    /// A commune name, code or postcode that matches nothing.
    #[error("no commune matches '{query}'{}", suggestions_text(.suggestions))]
    UnknownCommune {
        /// What was looked up.
        query: String,
        /// Close names, best first (may be empty).
        suggestions: Vec<String>,
    },
    /// A commune name shared by several communes: the département tells them apart.
    #[error("'{query}' names several communes: {}; add the département (e.g. '{query} ({example})')", .candidates.join(", "))]
    AmbiguousCommune {
        /// What was looked up.
        query: String,
        /// `Name (département)` of each commune with that name.
        candidates: Vec<String>,
        /// The département of the most populous of them, for the example in the message.
        example: String,
    },
    /// A commune the gazetteer knows, but without a representative point.
    #[error(
        "{commune} has no known position in the gazetteer: give a latitude and a longitude instead"
    )]
    NoPoint {
        /// `Name (département)`.
        commune: String,
    },
    /// A gazetteer file that cannot be read.
    #[error("gazetteer line {line}: {problem}")]
    Gazetteer {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        problem: String,
    },
    /// An outlines file that cannot be read.
    #[error("outlines line {line}: {problem}")]
    Outlines {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        problem: String,
    },
}

fn suggestions_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", suggestions.join(", "))
    }
}
