//! [`Lang`]: the language of the texts written for people.

use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The language of a text written for people (descriptions, state lines, diagnostics,
/// reports): French, the language of the standard and of its users, or English.
///
/// This is the one language type of the workspace; it lives here, in the lowest crate that
/// writes sentences, and the other crates re-export it.
///
/// ```
/// use inclusion_hours::Lang;
///
/// assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
/// assert!("de".parse::<Lang>().is_err());
/// assert_eq!(Lang::Fr.pick("Ouvert", "Open"), "Ouvert");
/// assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
/// assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Lang::Fr);
/// assert_eq!(Lang::from_locale(""), Lang::Fr);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French (`fr`), the default.
    #[default]
    Fr,
    /// English (`en`).
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The text of this language among a French and an English one.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// `n` and the word for it, singular or plural as this language wants it (0 takes the
    /// singular in French, the plural in English).
    ///
    /// ```
    /// use inclusion_hours::Lang;
    ///
    /// assert_eq!(Lang::Fr.count(0, "lieu", "lieux"), "0 lieu");
    /// assert_eq!(Lang::Fr.count(2, "lieu", "lieux"), "2 lieux");
    /// assert_eq!(Lang::En.count(0, "place", "places"), "0 places");
    /// assert_eq!(Lang::En.count(1, "place", "places"), "1 place");
    /// ```
    pub fn count(self, n: usize, one: &str, many: &str) -> String {
        let plural = match self {
            Lang::Fr => n > 1,
            Lang::En => n != 1,
        };
        format!("{n} {}", if plural { many } else { one })
    }

    /// The language a POSIX locale names (`LANG`, `LC_ALL`...): English when it starts with
    /// `en`, French otherwise (the default of the tools of this workspace).
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    /// The code, `fr` or `en`.
    pub fn code(self) -> &'static str {
        self.pick("fr", "en")
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language '{other}': use fr or en")),
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
