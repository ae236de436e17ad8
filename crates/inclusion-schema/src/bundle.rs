//! One schema with every exported type under shared `$defs`.
//!
//! Types are generated with two generators, one per [`Direction`]. A definition that reads the
//! same in both is kept once; one that differs (a field with a serde default is optional when
//! read and always present when written) keeps its name for the output form and gets the
//! suffix `Input` for the input form, and every `$ref` of the input definitions follows.
//!
//! The bundle accepts exactly the documents that one of the exported types accepts (`anyOf`);
//! refer to one type with `inclusion.schema.json#/$defs/<name>` ([`bundle_names`]).
//!
//! ```
//! use inclusion_schema::bundle::{bundle, bundle_names};
//!
//! let b = bundle();
//! let names = bundle_names();
//! let assessment = names.iter().find(|(file, _)| *file == "assessment").unwrap();
//! assert!(b["$defs"][&assessment.1].is_object());
//! assert_eq!(b["anyOf"].as_array().unwrap().len(), names.len());
//! ```

use std::collections::{BTreeMap, BTreeSet};

use schemars::SchemaGenerator;
use serde_json::{Map, Value, json};

use crate::catalogue::{Direction, Entry, catalogue};

/// The file name of the bundle in `schemas/`.
pub const BUNDLE_FILE: &str = "inclusion.schema.json";

const DEFS: &str = "#/$defs/";

/// The definitions of the bundle and, for every entry, the name of its definition.
struct Built {
    defs: Map<String, Value>,
    names: Vec<(&'static str, String)>,
}

/// Every `$ref` name (under `#/$defs/`) used in `value`.
fn refs(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => {
                        if let Some(name) = r.strip_prefix(DEFS) {
                            out.insert(name.to_owned());
                        }
                    }
                    _ => refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// Rewrites the `$ref`s of `value` whose name is renamed.
fn rename_refs(value: &mut Value, renamed: &BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => {
                        let new = r
                            .strip_prefix(DEFS)
                            .and_then(|name| renamed.get(name))
                            .map(|name| format!("{DEFS}{name}"));
                        if let Some(new) = new {
                            *r = new;
                        }
                    }
                    (_, v) => rename_refs(v, renamed),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rename_refs(v, renamed)),
        _ => {}
    }
}

/// The name of the definition a subschema refers to, if it is a bare `$ref`.
fn ref_name(schema: &Value) -> Option<String> {
    let map = schema.as_object()?;
    let r = map.get("$ref")?.as_str()?.strip_prefix(DEFS)?;
    (map.len() == 1).then(|| r.to_owned())
}

fn build() -> Built {
    let mut generators: BTreeMap<bool, SchemaGenerator> = BTreeMap::new();
    let mut roots: Vec<(&Entry, Value)> = Vec::new();
    let entries = catalogue();
    for entry in &entries {
        let input = entry.direction == Direction::Input;
        let generator = generators
            .entry(input)
            .or_insert_with(|| entry.direction.settings().into_generator());
        roots.push((entry, entry.subschema(generator).to_value()));
    }
    let mut take = |input: bool| {
        generators
            .remove(&input)
            .map(|mut g| g.take_definitions(true))
            .unwrap_or_default()
    };
    let mut defs = take(false);
    let input_defs = take(true);

    // Input definitions that differ from the output one of the same name, or refer to one
    // that does, are renamed (to a fixed point).
    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    loop {
        let before = renamed.len();
        for (name, schema) in &input_defs {
            if renamed.contains_key(name) || !defs.contains_key(name) {
                continue;
            }
            let mut used = BTreeSet::new();
            refs(schema, &mut used);
            if defs.get(name) != Some(schema) || used.iter().any(|u| renamed.contains_key(u)) {
                let mut new = format!("{name}Input");
                let mut i = 2;
                while defs.contains_key(&new) || input_defs.contains_key(&new) {
                    new = format!("{name}Input{i}");
                    i += 1;
                }
                renamed.insert(name.clone(), new);
            }
        }
        if renamed.len() == before {
            break;
        }
    }
    for (name, mut schema) in input_defs {
        rename_refs(&mut schema, &renamed);
        match renamed.get(&name) {
            Some(new) => {
                defs.insert(new.clone(), schema);
            }
            None => {
                defs.entry(name).or_insert(schema);
            }
        }
    }

    let names = roots
        .into_iter()
        .map(|(entry, mut root)| {
            if entry.direction == Direction::Input {
                rename_refs(&mut root, &renamed);
            }
            let name = ref_name(&root).unwrap_or_else(|| {
                // An inlined schema gets a definition of its own, named after its file.
                let name = entry.file.to_owned();
                defs.insert(name.clone(), root);
                name
            });
            (entry.file, name)
        })
        .collect();
    Built { defs, names }
}

/// For every entry of the [catalogue](crate::catalogue()), `(file stem, name of its definition
/// in the bundle)`.
pub fn bundle_names() -> Vec<(&'static str, String)> {
    build().names
}

/// The bundle: JSON Schema 2020-12 with every exported type in `$defs` (see the
/// [module documentation](self)).
pub fn bundle() -> Value {
    let Built { defs, names } = build();
    let any_of: Vec<Value> = names
        .iter()
        .map(|(_, name)| json!({ "$ref": format!("{DEFS}{name}") }))
        .collect();
    let index: Vec<String> = names
        .iter()
        .map(|(file, name)| format!("{file}.schema.json = #/$defs/{name}"))
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "inclusion",
        "description": format!(
            "Tous les documents JSON des crates inclusion, avec des définitions partagées. \
             Every JSON document of the inclusion crates, with shared definitions: {}.",
            index.join(", ")
        ),
        "anyOf": any_of,
        "$defs": defs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reference_of_the_bundle_resolves() {
        let b = bundle();
        let mut used = BTreeSet::new();
        refs(&b, &mut used);
        let defs = b["$defs"].as_object().unwrap();
        for name in &used {
            assert!(defs.contains_key(name), "dangling $ref {name}");
        }
        assert!(!used.is_empty());
    }

    #[test]
    fn each_entry_definition_equals_its_standalone_schema() {
        // Same content as the per-type file, apart from the meta keys and the $defs that the
        // bundle shares (compared after following references).
        let b = bundle();
        for (entry, (_, name)) in catalogue().iter().zip(bundle_names()) {
            let mut standalone = entry.schema();
            let standalone_defs = standalone
                .as_object_mut()
                .and_then(|m| m.remove("$defs"))
                .unwrap_or_default();
            let obj = standalone.as_object_mut().unwrap();
            obj.remove("$schema");
            let mut def = b["$defs"][&name].clone();
            // The root title defaults to the type name; a definition has none.
            if def.get("title").is_none() {
                obj.remove("title");
            }
            let mut renamed = BTreeMap::new();
            for (k, _) in standalone_defs.as_object().into_iter().flatten() {
                if !b["$defs"][k].is_null() && entry.direction == Direction::Input {
                    let input = format!("{k}Input");
                    if !b["$defs"][&input].is_null() {
                        renamed.insert(k.clone(), input);
                    }
                }
            }
            rename_refs(&mut standalone, &renamed);
            def.as_object_mut().unwrap().remove("$schema");
            assert_eq!(standalone, def, "{}", entry.file);
        }
    }

    #[test]
    fn renaming_follows_references() {
        let mut v = json!({"a": {"$ref": "#/$defs/X"}, "b": [{"$ref": "#/$defs/Y"}]});
        let renamed = BTreeMap::from([("X".to_owned(), "XInput".to_owned())]);
        rename_refs(&mut v, &renamed);
        assert_eq!(
            v,
            json!({"a": {"$ref": "#/$defs/XInput"}, "b": [{"$ref": "#/$defs/Y"}]})
        );
    }
}
