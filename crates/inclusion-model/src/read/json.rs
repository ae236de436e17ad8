//! The JSON reader: an array of flat records keyed by the standard's column names.

use std::borrow::Cow;
use std::collections::BTreeSet;

use serde_json::Value;

use super::{Format, ReadOptions, ReadReport};
use crate::codes;
use crate::columns::{Column, ColumnKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::migrate::{self, SchemaVersion};
use crate::validate::{FlatRecord, Validator};

/// Reads a JSON array of flat records keyed by the standard's column names, as the national
/// cartography publishes them: values are strings, `latitude`/`longitude` numbers (strings are
/// accepted too), lists `|`-separated strings; `null` or a missing key is an absent value.
/// Rows are numbered from 1 (the first record).
///
/// ```
/// use inclusion_model::{read_json_slice, ReadOptions};
/// let report = read_json_slice(br#"{"id": "p1"}"#, &ReadOptions::default());
/// assert_eq!(report.unreadable().unwrap().code, "json.type");
/// ```
pub fn read_json_slice(bytes: &[u8], options: &ReadOptions) -> ReadReport {
    let mut report = ReadReport::new(Format::Json);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            report.file_error(
                codes::FILE_UNREADABLE,
                format!("Le JSON est invalide : {e}."),
                format!("Invalid JSON: {e}."),
            );
            return report;
        }
    };
    let Value::Array(records) = value else {
        report.file_error(
            codes::JSON_TYPE,
            "Le fichier JSON doit être un tableau d'objets (un objet par lieu).".to_owned(),
            "The JSON file must be an array of objects (one object per place).".to_owned(),
        );
        return report;
    };

    let keys: BTreeSet<String> = records
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|o| o.keys())
        .cloned()
        .collect();
    report.version = options.version_for(keys.iter().map(String::as_str));
    let v01 = report.version == SchemaVersion::V0_1;
    if v01 {
        report.diagnostics.push(migrate::detected_notice());
    }
    let known = |k: &str| {
        if v01 {
            migrate::V01_COLUMNS.contains(&k)
        } else {
            Column::from_name(k).is_some()
        }
    };
    for name in keys.iter().filter(|k| !known(k)) {
        report.file_warning(
            codes::FILE_UNKNOWN_COLUMN,
            format!("La clé « {name} » ne fait pas partie du standard : ses valeurs sont gardées à part."),
            format!("Key '{name}' is not part of the standard: its values are kept aside."),
        );
    }

    let mut validator = Validator::new(options.level, options.lenient, options.today());
    validator.reserve(records.len(), &mut report);
    // The records are consumed: their strings move into the places without copy.
    for (i, record) in records.into_iter().enumerate() {
        let row = i + 1;
        let Value::Object(object) = record else {
            report.row_error(
                row,
                codes::JSON_TYPE,
                "Cet élément du tableau n'est pas un objet JSON : il est ignoré.",
                "This array element is not a JSON object: it is ignored.",
            );
            continue;
        };
        let mut raw = FlatRecord::default();
        let mut row_error = false;
        let mut pairs: Vec<(String, Cow<'static, str>)> = Vec::new();
        for (key, value) in object {
            let text: Cow<'static, str> = match value {
                Value::Null => continue,
                Value::String(s) => Cow::Owned(s),
                Value::Number(n) => {
                    let is_number_column =
                        Column::from_name(&key).is_some_and(|c| c.kind() == ColumnKind::Number);
                    if !is_number_column {
                        number_warning(&mut report, row, &key, &n.to_string());
                    } else if let (false, Some(x)) = (v01, n.as_f64()) {
                        // Kept as a number: no text to write out and parse back.
                        raw.set_number(&key, x);
                        continue;
                    }
                    Cow::Owned(n.to_string())
                }
                Value::Bool(b) => {
                    number_warning(&mut report, row, &key, &b.to_string());
                    Cow::Owned(b.to_string())
                }
                value @ (Value::Array(_) | Value::Object(_)) => {
                    row_error = true;
                    report.diagnostics.push(
                        Diagnostic::new(
                            Severity::Error,
                            codes::JSON_TYPE,
                            format!("La valeur de « {key} » est un tableau ou un objet : le standard attend du texte (listes séparées par « | »)."),
                            format!("The value of '{key}' is an array or an object: the standard expects text (lists separated by '|')."),
                        )
                        .at_row(row)
                        .in_column(key.as_str())
                        .with_value(value.to_string()),
                    );
                    continue;
                }
            };
            if v01 {
                pairs.push((key, text));
                continue;
            }
            match Column::from_name(&key) {
                Some(c) => raw.set_column(c, text),
                None if !text.is_empty() => raw.extra.push((key, text.into_owned())),
                None => {}
            }
        }
        if v01 {
            let borrowed = pairs.iter().map(|(k, v)| (k.as_str(), v.as_ref()));
            let mut migrated = migrate::migrate_record(borrowed, row, &mut report.diagnostics);
            validator.accept(&mut migrated, row, row_error, &mut report);
            continue;
        }
        validator.accept(&mut raw, row, row_error, &mut report);
    }
    report
}

fn number_warning(report: &mut ReadReport, row: usize, key: &str, value: &str) {
    report.diagnostics.push(
        Diagnostic::new(
            Severity::Warning,
            codes::JSON_NUMBER,
            format!("La valeur de « {key} » n'est pas une chaîne de caractères : elle est lue comme le texte « {value} »."),
            format!("The value of '{key}' is not a string: it is read as the text '{value}'."),
        )
        .at_row(row)
        .in_column(key)
        .with_value(value),
    );
}
