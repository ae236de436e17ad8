//! [`UniqueMap`]: a JSON object read without losing repeated keys.
//!
//! A JSON object may repeat a key; `serde_json` then silently keeps the last value. For
//! answers that would hide a contradiction ("yes" then "no" for the same item), so this map
//! remembers every repeated key and the validators report them.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A map from string keys to values, sorted by key, that remembers keys given more than once
/// when read from JSON (the first value is kept). On the wire it is a plain JSON object.
///
/// ```
/// use inclusion_skills::UniqueMap;
/// let m: UniqueMap<bool> = serde_json::from_str(r#"{"b": true, "a": false, "b": false}"#)?;
/// assert_eq!(m.get("b"), Some(&true));
/// assert_eq!(m.duplicates(), ["b"]);
/// assert_eq!(m.keys().collect::<Vec<_>>(), ["a", "b"]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UniqueMap<V> {
    entries: BTreeMap<String, V>,
    duplicates: Vec<String>,
}

impl<V> Default for UniqueMap<V> {
    fn default() -> Self {
        UniqueMap {
            entries: BTreeMap::new(),
            duplicates: Vec::new(),
        }
    }
}

impl<V> UniqueMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an entry; a key already present is recorded as a duplicate and its first value kept.
    pub fn insert(&mut self, key: impl Into<String>, value: V) {
        match self.entries.entry(key.into()) {
            std::collections::btree_map::Entry::Occupied(e) => {
                let key = e.key();
                if !self.duplicates.contains(key) {
                    self.duplicates.push(key.clone());
                    self.duplicates.sort();
                }
            }
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(value);
            }
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.entries.get(key)
    }

    /// The keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The entries, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The number of distinct keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The keys given more than once, sorted.
    pub fn duplicates(&self) -> &[String] {
        &self.duplicates
    }
}

impl<K: Into<String>, V> FromIterator<(K, V)> for UniqueMap<V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = UniqueMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<V: Serialize> Serialize for UniqueMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.entries.serialize(s)
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for UniqueMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = UniqueMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = UniqueMap::new();
                while let Some((k, v)) = access.next_entry::<String, V>()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }
        d.deserialize_map(MapVisitor(PhantomData))
    }
}

impl<V: JsonSchema> JsonSchema for UniqueMap<V> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <BTreeMap<String, V>>::json_schema(generator)
    }
}
