//! [`Text`]: a short text in French, with its English translation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A text shown to the person or to the mediator, in French (the reference language of the
/// questionnaire) and in English.
///
/// ```
/// use inclusion_skills::Text;
/// let t = Text::new("Oui", "Yes");
/// assert_eq!((t.fr.as_str(), t.en.as_str()), ("Oui", "Yes"));
/// ```
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct Text {
    /// The French text (reference wording).
    pub fr: String,
    /// The English translation.
    pub en: String,
}

impl Text {
    /// A text from its French and English wordings.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            fr: fr.into(),
            en: en.into(),
        }
    }
}
