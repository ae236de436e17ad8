//! The catalogue: every public JSON form of the workspace, with the file its schema goes to.
//!
//! Each [`Entry`] is one Rust type and the direction in which its JSON travels:
//! [`Direction::Output`] for what the crates produce (described as serde serialises it: a
//! field that is always written is required), [`Direction::Input`] for what they accept
//! (described as serde deserialises it: a field with a default may be left out).
//!
//! ```
//! use inclusion_schema::{catalogue, Direction};
//!
//! let place = catalogue().into_iter().find(|e| e.file == "place").unwrap();
//! assert_eq!(place.direction, Direction::Output);
//! assert_eq!(place.file_name(), "place.schema.json");
//! let schema = place.schema();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(schema["properties"]["code_postal"]["title"], "Code postal");
//! ```

use inclusion_coverage::{CoverageReport, CoverageRequest};
use inclusion_geo::{CommuneSearch, HelpQuery, Hit, NearbyPlace, SearchedPlace};
use inclusion_merge::{Clusters, Config as DedupConfig, DedupReport, Merged, Pairs, Quality};
use inclusion_model::hours::render::{FrenchHoursReport, HoursReport};
use inclusion_model::wire::ValidationReport;
use inclusion_model::{Diagnostic, Record};
use inclusion_skills::eurostat::{EurostatAssessment, EurostatInput};
use inclusion_skills::{Answers, Assessment, DsiResult, HelpNeeds, Questionnaire};
use inclusion_territory::communes::Commune;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

/// Which way a JSON form travels, and so which serde contract its schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Direction {
    /// Produced by the crates: the schema describes serialisation.
    Output,
    /// Accepted by the crates: the schema describes deserialisation.
    Input,
}

impl Direction {
    /// The schemars settings of this direction: JSON Schema 2020-12, the matching contract,
    /// and descriptions cleaned for readers of other languages
    /// ([`clean_description`](crate::text::clean_description)).
    pub fn settings(self) -> SchemaSettings {
        let clean: fn(&mut Schema) = crate::text::clean_schema;
        let settings = SchemaSettings::draft2020_12().with_transform(RecursiveTransform(clean));
        match self {
            Direction::Output => settings.for_serialize(),
            Direction::Input => settings.for_deserialize(),
        }
    }
}

/// One exported type (see the [module documentation](self)).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Entry {
    /// The stem of its schema file, e.g. `assessment` for `assessment.schema.json`.
    pub file: &'static str,
    /// The crate that owns the type.
    pub crate_name: &'static str,
    /// The Rust path of the type, from its crate's root, e.g. `Assessment`.
    pub rust_type: &'static str,
    /// Which way the JSON travels.
    pub direction: Direction,
    root: fn(SchemaGenerator) -> Schema,
    sub: fn(&mut SchemaGenerator) -> Schema,
}

fn root<T: JsonSchema>(generator: SchemaGenerator) -> Schema {
    generator.into_root_schema_for::<T>()
}

fn sub<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

impl Entry {
    fn of<T: JsonSchema>(
        file: &'static str,
        crate_name: &'static str,
        rust_type: &'static str,
        direction: Direction,
    ) -> Entry {
        Entry {
            file,
            crate_name,
            rust_type,
            direction,
            root: root::<T>,
            sub: sub::<T>,
        }
    }

    /// The file name of its schema: `<file>.schema.json`.
    pub fn file_name(&self) -> String {
        format!("{}.schema.json", self.file)
    }

    /// The standalone schema of the type (JSON Schema 2020-12, with its own `$defs`).
    pub fn schema(&self) -> Value {
        (self.root)(self.direction.settings().into_generator()).to_value()
    }

    /// The schema of the type inside `generator`: a `$ref` to its definition, which the
    /// generator keeps with the definitions it depends on.
    pub fn subschema(&self, generator: &mut SchemaGenerator) -> Schema {
        (self.sub)(generator)
    }
}

/// Every exported type, in the order of the files' documentation.
pub fn catalogue() -> Vec<Entry> {
    use Direction::{Input, Output};
    vec![
        // inclusion-model
        Entry::of::<Record<'static>>("place", "inclusion-model", "Record", Output),
        Entry::of::<Diagnostic>("diagnostic", "inclusion-model", "Diagnostic", Output),
        Entry::of::<ValidationReport<'static>>(
            "validation-report",
            "inclusion-model",
            "wire::ValidationReport",
            Output,
        ),
        // inclusion-skills
        Entry::of::<Questionnaire>("questionnaire", "inclusion-skills", "Questionnaire", Output),
        Entry::of::<Answers>("answers", "inclusion-skills", "Answers", Input),
        Entry::of::<Assessment>("assessment", "inclusion-skills", "Assessment", Output),
        Entry::of::<HelpNeeds>("help-needs", "inclusion-skills", "HelpNeeds", Output),
        Entry::of::<DsiResult>("dsi-result", "inclusion-skills", "DsiResult", Output),
        Entry::of::<EurostatInput>(
            "eurostat-input",
            "inclusion-skills",
            "eurostat::EurostatInput",
            Input,
        ),
        Entry::of::<EurostatAssessment>(
            "eurostat-assessment",
            "inclusion-skills",
            "eurostat::EurostatAssessment",
            Output,
        ),
        // inclusion-hours (through the model's re-export)
        Entry::of::<HoursReport>(
            "hours-report",
            "inclusion-hours",
            "render::HoursReport",
            Output,
        ),
        Entry::of::<FrenchHoursReport>(
            "french-hours-report",
            "inclusion-hours",
            "render::FrenchHoursReport",
            Output,
        ),
        // inclusion-geo
        Entry::of::<HelpQuery>("help-query", "inclusion-geo", "HelpQuery", Input),
        Entry::of::<Hit>("help-hit", "inclusion-geo", "Hit", Output),
        Entry::of::<NearbyPlace>("nearby-place", "inclusion-geo", "NearbyPlace", Output),
        Entry::of::<CommuneSearch>("commune-search", "inclusion-geo", "CommuneSearch", Input),
        Entry::of::<SearchedPlace>("searched-place", "inclusion-geo", "SearchedPlace", Output),
        // inclusion-territory
        Entry::of::<Commune>(
            "commune",
            "inclusion-territory",
            "communes::Commune",
            Output,
        ),
        // inclusion-coverage
        Entry::of::<CoverageRequest>(
            "coverage-request",
            "inclusion-coverage",
            "CoverageRequest",
            Input,
        ),
        Entry::of::<CoverageReport>(
            "coverage-report",
            "inclusion-coverage",
            "CoverageReport",
            Output,
        ),
        // inclusion-merge
        Entry::of::<DedupConfig>("dedup-config", "inclusion-merge", "Config", Input),
        Entry::of::<Pairs>("dedup-pairs", "inclusion-merge", "Pairs", Output),
        Entry::of::<Clusters>("dedup-clusters", "inclusion-merge", "Clusters", Output),
        Entry::of::<Merged>("merged-place", "inclusion-merge", "Merged", Output),
        Entry::of::<DedupReport>("dedup-report", "inclusion-merge", "DedupReport", Output),
        Entry::of::<Quality>("quality", "inclusion-merge", "Quality", Output),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_unique_kebab_case() {
        let entries = catalogue();
        let mut stems: Vec<&str> = entries.iter().map(|e| e.file).collect();
        assert!(stems.iter().all(|s| {
            s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }));
        stems.sort_unstable();
        stems.dedup();
        assert_eq!(stems.len(), entries.len());
    }

    #[test]
    fn every_schema_is_an_object_schema_with_a_description() {
        for e in catalogue() {
            let s = e.schema();
            assert_eq!(s["type"], "object", "{}: {s:#}", e.file);
            assert!(
                s["description"].as_str().is_some_and(|d| d.len() > 20),
                "{} has no description: {s:#}",
                e.file
            );
        }
    }

    #[test]
    fn contracts_follow_the_direction() {
        // `HelpQuery::filter` has a serde default: optional when read, always written.
        let query = catalogue()
            .into_iter()
            .find(|e| e.file == "help-query")
            .unwrap();
        let required = |s: &Value| -> Vec<String> {
            s["required"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert!(!required(&query.schema()).contains(&"filter".to_owned()));
        let as_output = Direction::Output
            .settings()
            .into_generator()
            .into_root_schema_for::<HelpQuery>()
            .to_value();
        assert!(required(&as_output).contains(&"filter".to_owned()));
    }
}
