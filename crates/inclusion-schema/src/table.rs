//! The standard's Table Schema (frictionless) for v1.0.2, generated from the model's own
//! column definitions ([`Column`]) and vocabularies.
//!
//! The fields are the standard's 32 columns in the same order, with the same types, required
//! flags, patterns and `maxLength`; `id` is unique and the primary key. It differs from the
//! published `schema.json` v1.0.2 only where the standard has a defect, deliberately
//! ([`CORRECTIONS`]):
//!
//! * `formations_labels`: the dot of `ORDI 3.0` is escaped (`ORDI 3\.0`); the published pattern
//!   also accepts `ORDI 3X0`;
//! * `latitude` in [-90, 90] and `longitude` in [-180, 180] (`minimum`/`maximum`); the
//!   published schema has no range, so that `95` is a valid latitude.
//!
//! Kept as published, although defective: the spelling `Étapes numériques(La Poste)` without a
//! space (the only one the official validator accepts, and the one this workspace writes),
//! and the list patterns that accept a leading `|`. Descriptions are generated (French, with
//! every label of the vocabulary), not copied from the standard.
//!
//! ```
//! use inclusion_schema::table::table_schema;
//!
//! let t = table_schema();
//! assert_eq!(t.fields.len(), 32);
//! assert_eq!(t.fields[4].name, "code_postal");
//! assert_eq!(t.fields[4].constraints.pattern.as_deref(), Some(r"^\d{5}$"));
//! assert!(t.fields[4].constraints.required);
//! let labels = t.fields.iter().find(|f| f.name == "formations_labels").unwrap();
//! assert!(labels.constraints.pattern.as_deref().unwrap().contains(r"ORDI 3\.0"));
//! ```

use inclusion_model::wire::{column_description, coordinate_range, list_pattern};
use inclusion_model::{Column, ColumnKind};
use serde::Serialize;

/// The file name of the generated Table Schema in `schemas/`.
pub const TABLE_SCHEMA_FILE: &str = "table-schema-v1.0.2.json";

/// The deliberate differences from the published `schema.json` v1.0.2:
/// `(field, constraint, why)`.
pub const CORRECTIONS: &[(&str, &str, &str)] = &[
    (
        "latitude",
        "minimum/maximum",
        "the standard has no range: 95 is a valid latitude there; here [-90, 90]",
    ),
    (
        "longitude",
        "minimum/maximum",
        "the standard has no range: 200 is a valid longitude there; here [-180, 180]",
    ),
    (
        "formations_labels",
        "pattern",
        "the standard leaves the dot of `ORDI 3.0` unescaped, so `ORDI 3X0` matches; here `ORDI 3\\.0`",
    ),
];

/// A Table Schema (frictionless) descriptor: the subset this workspace writes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TableSchema {
    /// The profile URL of Table Schema.
    #[serde(rename = "$schema")]
    pub profile: &'static str,
    /// The standard's name.
    pub name: &'static str,
    /// The standard's title.
    pub title: &'static str,
    /// What the descriptor is, and its corrections.
    pub description: String,
    /// The version of the standard.
    pub version: &'static str,
    /// The 32 fields, in schema order.
    pub fields: Vec<Field>,
    /// The field that identifies a row: `id`.
    #[serde(rename = "primaryKey")]
    pub primary_key: &'static str,
}

/// One field (column) of a [`TableSchema`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Field {
    /// The column name, e.g. `code_postal`.
    pub name: &'static str,
    /// The standard's French title, e.g. `Code postal`.
    pub title: &'static str,
    /// A French description (with every label of a vocabulary column).
    pub description: String,
    /// `string`, `number` or `date`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `default` for the date; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    /// The constraints of the field.
    pub constraints: Constraints,
}

/// The constraints of a [`Field`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Constraints {
    /// Whether a value is required.
    pub required: bool,
    /// Whether values are unique in the file (`id` only).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unique: bool,
    /// The regular expression a value matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The maximum length in characters.
    #[serde(rename = "maxLength", skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// The smallest value of a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum: Option<f64>,
    /// The largest value of a number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum: Option<f64>,
}

fn field(column: Column) -> Field {
    let (kind, format) = match column.kind() {
        ColumnKind::Number => ("number", None),
        ColumnKind::Date => ("date", Some("default")),
        _ => ("string", None),
    };
    let range = coordinate_range(column);
    Field {
        name: column.name(),
        title: column.title(),
        description: column_description(column),
        kind,
        format,
        constraints: Constraints {
            required: column.is_required(),
            unique: column == Column::Id,
            pattern: column
                .pattern()
                .map(str::to_owned)
                .or_else(|| list_pattern(column)),
            max_length: column.max_length(),
            minimum: range.map(|r| r.0),
            maximum: range.map(|r| r.1),
        },
    }
}

/// The Table Schema of the standard v1.0.2, as this workspace reads and writes it (see the
/// [module documentation](self)).
pub fn table_schema() -> TableSchema {
    let corrections: Vec<String> = CORRECTIONS
        .iter()
        .map(|(field, constraint, why)| format!("`{field}` ({constraint}): {why}"))
        .collect();
    TableSchema {
        profile: "https://frictionlessdata.io/schemas/table-schema.json",
        name: "standard-mediation-num",
        title: "Lieux de médiation numérique",
        description: format!(
            "Schéma de données des lieux de médiation numérique v1.0.2, généré depuis les \
             définitions de colonnes de inclusion-model. Deliberate corrections of the published \
             schema: {}.",
            corrections.join("; ")
        ),
        version: "v1.0.2",
        fields: Column::ALL.iter().map(|c| field(*c)).collect(),
        primary_key: Column::Id.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_correction_names_a_field() {
        let t = table_schema();
        for (name, _, _) in CORRECTIONS {
            assert!(t.fields.iter().any(|f| f.name == *name), "{name}");
        }
    }

    #[test]
    fn only_the_date_has_a_format_and_only_the_id_is_unique() {
        let t = table_schema();
        for f in &t.fields {
            assert_eq!(f.format.is_some(), f.name == "date_maj", "{}", f.name);
            assert_eq!(f.constraints.unique, f.name == t.primary_key, "{}", f.name);
        }
    }
}
