//! The machinery shared by the two long code lists of data·inclusion ([`Theme`](super::Theme),
//! 69 codes, and [`Network`](super::Network), 108 codes): a `Copy` handle on a row of a static
//! table of `(code, French label)`, checked at compile time when written as a constant.

/// Whether two strings are equal, usable in `const` context.
pub(super) const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Defines a code-set type over a `&'static [(&str, &str)]` table of `(code, label)` rows.
macro_rules! code_set {
    (
        $(#[$meta:meta])*
        $name:ident, table = $table:ident, what = $what:literal;
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u8);

        impl $name {
            /// The number of codes of data·inclusion v1.0.10.
            pub const COUNT: usize = $table.len();

            /// The value with this code, checked when the program is compiled
            /// (a code that is not in the list does not compile when used in a constant).
            pub(crate) const fn known(code: &str) -> $name {
                let mut i = 0;
                while i < $table.len() {
                    if $crate::data_inclusion::code_set::const_eq($table[i].0, code) {
                        return $name(i as u8);
                    }
                    i += 1;
                }
                panic!(concat!("not a ", $what, " code of data·inclusion v1.0.10"))
            }

            /// The value with this exact code (case-sensitive), if it is one of the list.
            pub fn from_code(code: &str) -> Option<$name> {
                $table.iter().position(|(c, _)| *c == code).map(|i| $name(i as u8))
            }

            /// The code, as written in data·inclusion files.
            pub fn code(self) -> &'static str {
                $table[self.0 as usize].0
            }

            /// The French label published by data·inclusion.
            pub fn label_fr(self) -> &'static str {
                $table[self.0 as usize].1
            }

            /// Every value, in the order of data·inclusion's JSON Schema.
            pub fn all() -> impl Iterator<Item = $name> {
                (0..$table.len()).map(|i| $name(i as u8))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<$name, String> {
                $name::from_code(s).ok_or_else(|| {
                    format!(
                        concat!("'{}' is not a ", $what, " code of data·inclusion v1.0.10 (expected one of the {} codes, e.g. '{}')"),
                        s,
                        $table.len(),
                        $table[0].0
                    )
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let codes: Vec<&str> = $table.iter().map(|(c, _)| *c).collect();
                schemars::json_schema!({
                    "description": concat!("A ", $what, " code of data·inclusion v1.0.10."),
                    "type": "string",
                    "enum": codes,
                })
            }
        }
    };
}

pub(super) use code_set;
