//! [`SkillsError`], the errors of this crate, and [`AnswerProblem`], one problem found in a set of
//! answers.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What can go wrong in this crate. Every variant that checks several things lists **all** the
/// problems found, so that a user interface or a person can fix them in one pass.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SkillsError {
    /// The answers do not fit the questionnaire (unknown item, missing required item, value
    /// out of scale, wrong questionnaire version...).
    #[error("the answers do not fit questionnaire {questionnaire}; fix the following {} problem(s):\n{}", problems.len(), bullet_list(problems))]
    InvalidAnswers {
        /// The questionnaire checked against, as `id/version`.
        questionnaire: String,
        /// Every problem found.
        problems: Vec<AnswerProblem>,
    },
    /// A questionnaire that the engine cannot score (an item without a valid scale, a missing
    /// context question, an area with too few activity items...).
    #[error("the questionnaire cannot be used; fix the following {} problem(s):\n{}", problems.len(), bullet_list(problems))]
    InvalidQuestionnaire {
        /// Every problem found.
        problems: Vec<String>,
    },
    /// An input of the full Eurostat mode with unknown variable names.
    #[error("the Eurostat input cannot be used; fix the following {} problem(s):\n{}\nthe known variables are: {}", problems.len(), bullet_list(problems), known.join(", "))]
    InvalidEurostatInput {
        /// Every problem found.
        problems: Vec<String>,
        /// The variable names the full Eurostat mode knows.
        known: Vec<&'static str>,
    },
    /// An explanation that names a set of rules this version of the crate does not know.
    #[error("unknown rules '{id}': this version of inclusion-skills knows {}", known.join(", "))]
    UnknownRuleSet {
        /// The id named.
        id: String,
        /// The ids of the rules of that kind this version knows.
        known: Vec<&'static str>,
    },
    /// An explanation that cannot be recomputed (for instance an area listed twice).
    #[error("the explanation cannot be recomputed: {0}")]
    InvalidExplanation(String),
    /// A JSON document that is not valid JSON or does not have the expected shape.
    #[error("invalid JSON: {0}")]
    Json(#[from] serde_json::Error),
}

fn bullet_list<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(|p| format!("  - {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One problem found while validating answers against a questionnaire.
///
/// ```
/// use inclusion_skills::AnswerProblem;
/// let p = AnswerProblem::OutOfScale {
///     item: "SA1".into(),
///     value: "4".into(),
///     expected: vec!["cannot".into(), "with_help".into(), "on_my_own".into(), "confidently".into()],
///     list: false,
/// };
/// assert_eq!(p.item(), "SA1");
/// assert!(p.to_string().contains("expected one of: cannot, with_help, on_my_own, confidently"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnswerProblem {
    /// The answers were given to another questionnaire or another version of it.
    WrongQuestionnaire {
        /// The `id/version` named in the answers.
        given: String,
        /// The `id/version` of the questionnaire used.
        expected: String,
    },
    /// An answer to an item the questionnaire does not have.
    UnknownItem {
        /// The item id given.
        item: String,
    },
    /// A required item without an answer.
    Missing {
        /// The item id.
        item: String,
    },
    /// A value that is not on the item's scale (or not of the right JSON type).
    OutOfScale {
        /// The item id.
        item: String,
        /// The value given, as JSON text.
        value: String,
        /// The accepted codes.
        expected: Vec<String>,
        /// Whether the item takes a list of codes (a JSON array, possibly empty).
        list: bool,
    },
    /// The same item answered twice, or the same option picked twice in a list.
    Duplicate {
        /// The item id.
        item: String,
        /// The repeated option, when an option of a list is repeated.
        option: Option<String>,
    },
}

impl AnswerProblem {
    /// The item concerned (the questionnaire's reference for
    /// [`AnswerProblem::WrongQuestionnaire`]).
    pub fn item(&self) -> &str {
        match self {
            AnswerProblem::WrongQuestionnaire { given, .. } => given,
            AnswerProblem::UnknownItem { item }
            | AnswerProblem::Missing { item }
            | AnswerProblem::OutOfScale { item, .. }
            | AnswerProblem::Duplicate { item, .. } => item,
        }
    }
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerProblem::WrongQuestionnaire { given, expected } => write!(
                f,
                "the answers name questionnaire '{given}' but are checked against '{expected}': use answers given to '{expected}'"
            ),
            AnswerProblem::UnknownItem { item } => write!(
                f,
                "{item}: no such item in the questionnaire (check the spelling of the item id)"
            ),
            AnswerProblem::Missing { item } => {
                write!(f, "{item}: this item is required and has no answer")
            }
            AnswerProblem::OutOfScale {
                item,
                value,
                expected,
                list: false,
            } => write!(
                f,
                "{item}: {value} is not a valid answer (expected one of: {})",
                expected.join(", ")
            ),
            AnswerProblem::OutOfScale {
                item,
                value,
                expected,
                list: true,
            } => write!(
                f,
                "{item}: {value} is not a valid answer (expected a list, possibly empty, of: {})",
                expected.join(", ")
            ),
            AnswerProblem::Duplicate { item, option: None } => {
                write!(f, "{item}: answered more than once (keep one answer)")
            }
            AnswerProblem::Duplicate {
                item,
                option: Some(o),
            } => write!(f, "{item}: option '{o}' is listed more than once"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_answers_lists_every_problem_on_its_own_line() {
        let e = SkillsError::InvalidAnswers {
            questionnaire: "q/1".into(),
            problems: vec![
                AnswerProblem::UnknownItem { item: "XX".into() },
                AnswerProblem::Missing { item: "IL1".into() },
            ],
        };
        let text = e.to_string();
        assert!(text.contains("2 problem(s)"), "{text}");
        assert!(text.contains("  - XX: no such item"), "{text}");
        assert!(text.contains("  - IL1: this item is required"), "{text}");
    }

    #[test]
    fn problems_serialize_with_a_tag() {
        let p = AnswerProblem::Missing { item: "IL1".into() };
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["problem"], "missing");
        assert_eq!(json["item"], "IL1");
    }
}
