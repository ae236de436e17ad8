//! Validating values against the generated schemas with the `jsonschema` crate, formats
//! checked, both against the standalone file and against the bundle.
#![allow(dead_code)]

use inclusion_schema::bundle::{bundle, bundle_names};
use inclusion_schema::catalogue;
use jsonschema::Validator;
use serde_json::{Value, json};

/// The real datasets of the anchors (`../shared/anchors/real-datasets`).
pub const REAL_DATASETS: &[&str] = &[
    "real-datasets/hinaura.schema-v0.1.json",
    "real-datasets/hub-du-sud-paca.20230517.json",
    "real-datasets/charente.20230711.json",
    "real-datasets/nouvelle-caledonie.20240320.json",
    "real-datasets/bus-france-services-charente.20231003.json",
    "real-datasets/fake-7-lieux.schema-v0.1.json",
];

/// A validator with format checking on (`date`, `date-time`...).
pub fn validator(schema: &Value) -> Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("not a valid JSON Schema: {e}\n{schema:#}"))
}

/// The schema of one entry of the catalogue, by file stem.
pub fn schema(file: &str) -> Value {
    catalogue()
        .into_iter()
        .find(|e| e.file == file)
        .unwrap_or_else(|| panic!("no entry {file}"))
        .schema()
}

/// The validators of one exported type: its own file, and its definition in the bundle.
pub struct Checker {
    pub file: &'static str,
    own: Validator,
    bundled: Validator,
}

impl Checker {
    pub fn new(file: &'static str) -> Checker {
        let name = bundle_names()
            .into_iter()
            .find(|(f, _)| *f == file)
            .map(|(_, n)| n)
            .unwrap_or_else(|| panic!("{file} is not in the bundle"));
        let b = bundle();
        let bundled = json!({
            "$schema": b["$schema"],
            "$defs": b["$defs"],
            "$ref": format!("#/$defs/{name}"),
        });
        Checker {
            file,
            own: validator(&schema(file)),
            bundled: validator(&bundled),
        }
    }

    /// The errors of `instance` (`path: message`); the bundle must agree on validity.
    pub fn errors(&self, instance: &Value) -> Vec<String> {
        let errors: Vec<String> = self
            .own
            .iter_errors(instance)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert_eq!(
            errors.is_empty(),
            self.bundled.is_valid(instance),
            "{}: the bundle and the file disagree on {instance}",
            self.file
        );
        errors
    }

    /// Panics with the errors when `instance` is not valid.
    pub fn assert_valid(&self, instance: &Value, what: &str) {
        let errors = self.errors(instance);
        assert!(
            errors.is_empty(),
            "{what} does not follow {}.schema.json:\n{}\n{instance:#}",
            self.file,
            errors.join("\n")
        );
    }

    /// Panics when `instance` is valid; returns the errors.
    pub fn assert_invalid(&self, instance: &Value, what: &str) -> Vec<String> {
        let errors = self.errors(instance);
        assert!(
            !errors.is_empty(),
            "{what} passes {}.schema.json: {instance:#}",
            self.file
        );
        errors
    }
}
