//! The JSON wire forms of the model, described by JSON Schema (2020-12, schemars).
//!
//! * [`Record`]: a place as the standard's flat JSON record. Its schema is built from
//!   [`Column`] and the vocabularies, never written by hand: one property per column in schema
//!   order, titled with the standard's French title; `pivot`, `code_postal`, `code_insee` and
//!   `telephone` carry the standard's patterns; every vocabulary column carries a list pattern
//!   made of its exact French labels ([`list_pattern`]); `date_maj` is a `date`; `latitude`
//!   and `longitude` are numbers in range ([`coordinate_range`]);
//!   `presentation_resume` has at most 280 characters; the 7 required columns are required;
//!   absent values are left out, never written as empty strings.
//! * [`Diagnostic`] and [`Severity`]: one problem of a file, as the readers report it.
//! * [`ValidationReport`]: the summary a validator prints (`rows`, `valid`, `invalid`,
//!   `diagnostics`).
//!
//! ```
//! use inclusion_model::{Column, Record, Vocabulary, Fee};
//! use inclusion_model::wire::list_pattern;
//!
//! let schema = schemars::schema_for!(Record<'static>);
//! let fees = &schema.as_value()["properties"]["frais_a_charge"];
//! assert_eq!(fees["title"], "Frais à charge");
//! assert_eq!(fees["pattern"], format!("^{}", list_pattern(Column::Fees).unwrap()));
//! assert_eq!(list_pattern(Column::Fees).unwrap(),
//!            r"(?:(?:^|\|)(Gratuit|Gratuit sous condition|Payant))+$");
//! assert!(fees["description"].as_str().unwrap().contains(Fee::FreeUnderConditions.label_fr()));
//! assert_eq!(schema.as_value()["required"].as_array().unwrap().len(), 7);
//! ```

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use crate::columns::{Column, ColumnKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::read::ReadReport;
use crate::vocab::{
    AccessMode, Fee, Mobility, NationalProgramme, Public, Service, SpecificSupport, SupportMode,
    TrainingLabel, Vocabulary,
};
use crate::write::Record;

/// The characters with a meaning in regular expressions (Python `re` and ECMA-262 alike).
const REGEX_META: &[char] = &[
    '\\', '.', '+', '*', '?', '(', ')', '|', '[', ']', '{', '}', '^', '$',
];

pub use crate::vocab::labels_array_schema;

/// A label escaped so that, in a regular expression, it matches itself only.
///
/// ```
/// use inclusion_model::wire::escape_regex;
/// assert_eq!(escape_regex("ORDI 3.0"), r"ORDI 3\.0");
/// assert_eq!(escape_regex("Langues étrangères (anglais)"), r"Langues étrangères \(anglais\)");
/// assert_eq!(escape_regex("Familles et/ou enfants"), "Familles et/ou enfants");
/// ```
pub fn escape_regex(label: &str) -> String {
    let mut out = String::with_capacity(label.len() + 4);
    for ch in label.chars() {
        if REGEX_META.contains(&ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

fn pairs<V: Vocabulary>() -> Vec<(&'static str, &'static str)> {
    V::ALL
        .iter()
        .map(|v| (v.label_fr(), v.label_en()))
        .collect()
}

/// The labels of the closed vocabulary of a column, `(French label of the standard, English
/// label)`, in the order of the standard's pattern; `None` for a column without vocabulary.
///
/// ```
/// use inclusion_model::Column;
/// use inclusion_model::wire::vocabulary_labels;
/// assert_eq!(vocabulary_labels(Column::Mobility), Some(vec![("Itinérant", "Itinerant"), ("Fixe", "Fixed")]));
/// assert_eq!(vocabulary_labels(Column::Name), None);
/// ```
pub fn vocabulary_labels(column: Column) -> Option<Vec<(&'static str, &'static str)>> {
    Some(match column {
        Column::Mobility => pairs::<Mobility>(),
        Column::Services => pairs::<Service>(),
        Column::Publics => pairs::<Public>(),
        Column::SpecificSupport => pairs::<SpecificSupport>(),
        Column::Fees => pairs::<Fee>(),
        Column::NationalProgrammes => pairs::<NationalProgramme>(),
        Column::TrainingLabels => pairs::<TrainingLabel>(),
        Column::AccessModes => pairs::<AccessMode>(),
        Column::SupportModes => pairs::<SupportMode>(),
        _ => return None,
    })
}

/// The list pattern of a vocabulary column, in the standard's own form
/// `(?:(?:^|\|)(label1|label2|...))+$`, every label escaped with [`escape_regex`]; `None` for
/// a column without vocabulary.
///
/// It differs from the standard's pattern in one place only, deliberately: the dot of
/// `ORDI 3.0` is escaped (the standard's pattern also accepts `ORDI 3X0`).
pub fn list_pattern(column: Column) -> Option<String> {
    let labels = vocabulary_labels(column)?;
    let alternatives: Vec<String> = labels.iter().map(|(fr, _)| escape_regex(fr)).collect();
    Some(format!(r"(?:(?:^|\|)({}))+$", alternatives.join("|")))
}

/// The pattern a JSON Schema gives a column: the standard's pattern for `pivot`, `code_postal`,
/// `code_insee` and `telephone` (already anchored), the [`list_pattern`] anchored at the start
/// for a vocabulary column (JSON Schema patterns search anywhere in the value, so without the
/// leading `^` the value `Gratos|Gratuit` would match), `None` otherwise.
pub fn json_pattern(column: Column) -> Option<String> {
    match column.pattern() {
        Some(p) => Some(p.to_owned()),
        None => list_pattern(column).map(|p| format!("^{p}")),
    }
}

/// The inclusive range of a coordinate column (`latitude` [-90, 90], `longitude` [-180, 180]),
/// the range [`Coordinates::new`](crate::Coordinates::new) accepts; `None` for other columns.
pub const fn coordinate_range(column: Column) -> Option<(f64, f64)> {
    match column {
        Column::Latitude => Some((-90.0, 90.0)),
        Column::Longitude => Some((-180.0, 180.0)),
        _ => None,
    }
}

/// The French description of a column in the place record's schema: what it holds and, for a
/// vocabulary column, every label with its English translation.
pub fn column_description(column: Column) -> String {
    let name = column.name();
    let required = if column.is_required() {
        "obligatoire"
    } else {
        "facultative"
    };
    let mut text = format!("Colonne `{name}` du standard ({required}). ");
    match column.kind() {
        ColumnKind::Vocabulary => {
            text.push_str("Une ou plusieurs valeurs séparées par `|` parmi : ");
            let labels = vocabulary_labels(column).unwrap_or_default();
            let items: Vec<String> = labels
                .iter()
                .map(|(fr, en)| format!("« {fr} » ({en})"))
                .collect();
            text.push_str(&items.join(" ; "));
            text.push('.');
        }
        ColumnKind::FreeList => {
            text.push_str("Une ou plusieurs valeurs séparées par `|`.");
        }
        ColumnKind::Date => text.push_str("Date au format AAAA-MM-JJ (ISO 8601)."),
        ColumnKind::Number => {
            if let Some((min, max)) = coordinate_range(column) {
                text.push_str(&format!(
                    "Degrés décimaux WGS84, entre {min} et {max} (nombre JSON)."
                ));
            }
        }
        ColumnKind::Patterned => {
            if let Some(p) = column.pattern() {
                text.push_str(&format!("Conforme au motif `{p}`."));
            }
        }
        _ => {}
    }
    if let Some(max) = column.max_length() {
        text.push_str(&format!(" {max} caractères au plus."));
    }
    text.trim_end().to_owned()
}

/// The JSON Schema of one column of the place record.
fn column_schema(column: Column) -> Value {
    let mut p = Map::new();
    p.insert("title".into(), column.title().into());
    p.insert("description".into(), column_description(column).into());
    match column.kind() {
        ColumnKind::Number => {
            p.insert("type".into(), "number".into());
            if let Some((min, max)) = coordinate_range(column) {
                p.insert("minimum".into(), min.into());
                p.insert("maximum".into(), max.into());
            }
        }
        kind => {
            p.insert("type".into(), "string".into());
            p.insert("minLength".into(), 1.into());
            if kind == ColumnKind::Date {
                p.insert("format".into(), "date".into());
            }
            if let Some(pattern) = json_pattern(column) {
                p.insert("pattern".into(), pattern.into());
            }
            if let Some(max) = column.max_length() {
                p.insert("maxLength".into(), max.into());
            }
        }
    }
    Value::Object(p)
}

/// The place record's schema: see the [module documentation](self).
impl JsonSchema for Record<'_> {
    fn schema_name() -> Cow<'static, str> {
        "PlaceRecord".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "inclusion_model::wire::PlaceRecord".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let properties: Map<String, Value> = Column::ALL
            .iter()
            .map(|c| (c.name().to_owned(), column_schema(*c)))
            .collect();
        let required: Vec<&str> = Column::ALL
            .iter()
            .filter(|c| c.is_required())
            .map(|c| c.name())
            .collect();
        json_schema!({
            "title": "Lieu de médiation numérique",
            "description": "Un lieu de médiation numérique au format JSON du standard national \
                (schéma de données des lieux de médiation numérique v1.0.2) : un objet plat dont \
                les clés sont les noms de colonnes, dans l'ordre du schéma ; les listes sont des \
                textes dont les valeurs sont séparées par `|` ; `latitude` et `longitude` sont des \
                nombres ; les valeurs absentes sont omises. Les colonnes hors du standard que le \
                fichier lu avait suivent, avec leurs valeurs en texte (écrire sans elles : \
                `WriteOptions::standard_only`). A place as the standard's flat JSON record, \
                then the columns outside the standard that the file read had, as texts.",
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": {
                "description": "Une colonne hors du standard, gardée du fichier lu. A column \
                    outside the standard, kept from the file read.",
                "type": "string",
                "minLength": 1,
            },
        })
    }
}

/// `"warning"` or `"error"`.
impl JsonSchema for Severity {
    fn schema_name() -> Cow<'static, str> {
        "Severity".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "inclusion_model::Severity".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let values: Vec<String> = [Severity::Warning, Severity::Error]
            .iter()
            .map(ToString::to_string)
            .collect();
        json_schema!({
            "description": "Gravité : `warning` (avertissement : la valeur est gardée) ou `error` \
                (erreur : la ligne ou le fichier n'est pas conforme). How serious a problem is.",
            "type": "string",
            "enum": values,
        })
    }
}

/// One problem of a file: the fields of [`Diagnostic`], all always present.
impl JsonSchema for Diagnostic {
    fn schema_name() -> Cow<'static, str> {
        "Diagnostic".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "inclusion_model::Diagnostic".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let severity = generator.subschema_for::<Severity>();
        json_schema!({
            "description": "Un problème trouvé en lisant ou en validant un fichier : où (ligne, \
                colonne), la valeur, un code stable et un message en français et en anglais qui \
                dit quoi corriger. One problem found while reading or validating a file.",
            "type": "object",
            "properties": {
                "row": {
                    "description": "Ligne (à partir de 1) telle qu'un tableur la montre : pour un CSV \
                        l'en-tête est la ligne 1 ; pour un tableau JSON le premier enregistrement \
                        est la ligne 1 ; `null` pour un problème du fichier entier.",
                    "type": ["integer", "null"],
                    "minimum": 1,
                },
                "column": {
                    "description": "La colonne (nom de l'en-tête) concernée, ou `null`.",
                    "type": ["string", "null"],
                },
                "value": {
                    "description": "La valeur fautive, telle que lue, ou `null`.",
                    "type": ["string", "null"],
                },
                "code": {
                    "description": "Code stable, lisible par une machine : sans point pour les \
                        contrôles du standard (`required`, `pattern`, `label`, `date`...), avec un \
                        point pour les contrôles ajoutés ou ceux du fichier \
                        (`coordinates.out_of_range`, `file.bom`...).",
                    "type": "string",
                    "pattern": "^[a-z0-9_]+(\\.[a-z0-9_]+)*$",
                },
                "severity": severity,
                "message_fr": {
                    "description": "Ce qui ne va pas et comment le corriger, en français.",
                    "type": "string",
                },
                "message_en": {
                    "description": "What is wrong and how to fix it, in English.",
                    "type": "string",
                },
            },
            "required": ["row", "column", "value", "code", "severity", "message_fr", "message_en"],
            "additionalProperties": false,
        })
    }
}

/// The summary of a validation, as `inclusion validate --format json` prints it: the counts
/// of rows, the problems kept (at most
/// [`ReadOptions::max_diagnostics_per_code`](crate::ReadOptions::max_diagnostics_per_code) of
/// each code in rows) and the exact number of problems of each code.
///
/// ```
/// use inclusion_model::{read_csv_str, ReadOptions};
/// use inclusion_model::wire::ValidationReport;
///
/// let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\n\
///            p1,43493312300029,Mairie,Reims,5110,1 rue X,2024-04-02\n\
///            p2,43493312300029,Mairie,Reims,5110,1 rue X,2024-04-02\n";
/// let report = read_csv_str(csv, &ReadOptions::default().with_max_diagnostics_per_code(1));
/// let json = serde_json::to_value(ValidationReport::from(&report))?;
/// assert_eq!((json["rows"].as_u64(), json["valid"].as_u64(), json["invalid"].as_u64()), (Some(2), Some(0), Some(2)));
/// let codes: Vec<&str> = json["diagnostics"].as_array().unwrap().iter()
///     .filter_map(|d| d["code"].as_str()).collect();
/// assert_eq!(codes.iter().filter(|c| **c == "pattern").count(), 1); // one listed...
/// let pattern = json["counts"].as_array().unwrap().iter().find(|c| c["code"] == "pattern").unwrap();
/// assert_eq!((pattern["found"].as_u64(), pattern["listed"].as_u64()), (Some(2), Some(1))); // ...of two
/// assert_eq!(json["errors"].as_u64(), Some(2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ValidationReport<'a> {
    /// Nombre de lignes de données (enregistrements) du fichier. The number of data rows.
    pub rows: usize,
    /// Nombre de lignes sans erreur. The number of rows without error.
    pub valid: usize,
    /// Nombre de lignes avec au moins une erreur. The number of rows with at least one error.
    pub invalid: usize,
    /// Nombre exact d'erreurs trouvées (listées ou non). The exact number of errors found
    /// (listed or not).
    pub errors: usize,
    /// Nombre exact d'avertissements trouvés (listés ou non). The exact number of warnings
    /// found (listed or not).
    pub warnings: usize,
    /// Les problèmes gardés, dans l'ordre du fichier (ceux du fichier entier d'abord, tous) ; au
    /// plus un nombre fixé par code dans les lignes (1 000 par défaut, `--max-per-code`). The
    /// problems kept, in file order (every file-level problem first); at most a set number per
    /// code in rows (1,000 by default, `--max-per-code`).
    pub diagnostics: &'a [Diagnostic],
    /// Pour chaque code et gravité, dans l'ordre de première apparition : combien de problèmes
    /// ont été trouvés et combien sont listés. For each code and severity, in order of first
    /// appearance: how many problems were found and how many are listed.
    pub counts: Vec<CodeTotal>,
}

/// How many problems of one code and severity a validation found and listed (in
/// [`ValidationReport::counts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[non_exhaustive]
pub struct CodeTotal {
    /// Le code du problème. The problem's code.
    pub code: &'static str,
    /// La gravité. The severity.
    pub severity: Severity,
    /// Combien ont été trouvés. How many were found.
    pub found: usize,
    /// Combien sont dans `diagnostics`. How many are in `diagnostics`.
    pub listed: usize,
}

impl<'a> From<&'a ReadReport> for ValidationReport<'a> {
    fn from(report: &'a ReadReport) -> ValidationReport<'a> {
        ValidationReport {
            rows: report.rows,
            valid: report.valid_rows(),
            invalid: report.invalid_rows,
            errors: report.error_count(),
            warnings: report.warning_count(),
            diagnostics: &report.diagnostics,
            counts: report
                .counts()
                .iter()
                .map(|c| CodeTotal {
                    code: c.code,
                    severity: c.severity,
                    found: c.found,
                    listed: c.kept,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_columns_and_only_them_have_labels_and_list_patterns() {
        for c in Column::ALL {
            let is_vocab = c.kind() == ColumnKind::Vocabulary;
            assert_eq!(vocabulary_labels(c).is_some(), is_vocab, "{c}");
            assert_eq!(list_pattern(c).is_some(), is_vocab, "{c}");
            assert_eq!(
                json_pattern(c).is_some(),
                is_vocab || c.kind() == ColumnKind::Patterned,
                "{c}"
            );
        }
    }

    #[test]
    fn escaping_keeps_every_label_literal() {
        for c in Column::ALL {
            for (fr, _) in vocabulary_labels(c).unwrap_or_default() {
                let escaped = escape_regex(fr);
                let unescaped: String = {
                    let mut out = String::new();
                    let mut chars = escaped.chars();
                    while let Some(ch) = chars.next() {
                        if ch == '\\' {
                            let next = chars.next().expect("an escape is followed by a char");
                            assert!(REGEX_META.contains(&next), "{escaped}");
                            out.push(next);
                        } else {
                            assert!(!REGEX_META.contains(&ch), "{escaped}");
                            out.push(ch);
                        }
                    }
                    out
                };
                assert_eq!(unescaped, fr);
            }
        }
    }

    #[test]
    fn place_record_schema_lists_the_32_columns() {
        let schema = schemars::schema_for!(Record<'static>);
        let props = schema.as_value()["properties"].as_object().unwrap();
        let mut names: Vec<&str> = props.keys().map(String::as_str).collect();
        let mut expected: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        expected.sort_unstable();
        assert_eq!(names, expected);
        assert_eq!(props["date_maj"]["format"], "date");
        assert_eq!(props["presentation_resume"]["maxLength"], 280);
        assert_eq!(props["latitude"]["type"], "number");
        assert_eq!(props["pivot"]["pattern"], Column::Pivot.pattern().unwrap());
    }

    #[test]
    fn diagnostic_schema_has_every_serialised_field() {
        let d = Diagnostic::new(Severity::Error, &crate::messages::PATTERN_POSTCODE)
            .at_row(2)
            .in_column("code_postal")
            .with_value("5110");
        let value = serde_json::to_value(&d).unwrap();
        let schema = schemars::schema_for!(Diagnostic);
        let props = schema.as_value()["properties"].as_object().unwrap();
        let mut keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        let mut schema_keys: Vec<&String> = props.keys().collect();
        keys.sort_unstable();
        schema_keys.sort_unstable();
        assert_eq!(keys, schema_keys);
    }
}
