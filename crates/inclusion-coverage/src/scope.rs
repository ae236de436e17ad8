//! [`Scope`]: the communes a coverage run measures.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The communes that a coverage run measures.
///
/// Serialised as `"all"`, `{"region": "84"}`, `{"departement": "38"}` or
/// `{"communes": ["38185", "38421"]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Scope {
    /// Every commune of the gazetteer: metropolitan France, the overseas départements and the
    /// overseas collectivities.
    All,
    /// The communes of one région, by its INSEE code (see [`REGIONS`](inclusion_territory::admin::REGIONS)).
    Region(String),
    /// The communes of one département or overseas collectivity, by its code (see
    /// [`DEPARTEMENTS`](inclusion_territory::admin::DEPARTEMENTS)).
    Departement(String),
    /// The communes with these codes INSEE.
    Communes(Vec<String>),
}

impl Scope {
    /// A région by its INSEE code.
    pub fn region(code: impl Into<String>) -> Scope {
        Scope::Region(code.into())
    }

    /// A département or overseas collectivity by its code.
    pub fn departement(code: impl Into<String>) -> Scope {
        Scope::Departement(code.into())
    }

    /// A list of codes INSEE.
    pub fn communes<S: Into<String>>(codes: impl IntoIterator<Item = S>) -> Scope {
        Scope::Communes(codes.into_iter().map(Into::into).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_serialises_as_documented() {
        let json = |t: &Scope| serde_json::to_string(t).unwrap();
        assert_eq!(json(&Scope::All), r#""all""#);
        assert_eq!(json(&Scope::region("84")), r#"{"region":"84"}"#);
        assert_eq!(json(&Scope::departement("38")), r#"{"departement":"38"}"#);
        assert_eq!(
            json(&Scope::communes(["38185"])),
            r#"{"communes":["38185"]}"#
        );
        let back: Scope = serde_json::from_str(r#"{"region":"11"}"#).unwrap();
        assert_eq!(back, Scope::region("11"));
    }
}
