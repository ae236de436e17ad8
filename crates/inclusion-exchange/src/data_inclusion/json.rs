//! Reading data·inclusion JSON files (an array of structures, an array of services) record by
//! record: a record that is not valid is reported and left out, the others are kept.

use serde::de::DeserializeOwned;

use inclusion_model::diagnostic::{Arg, Diagnostic, Severity};

use super::messages;
use super::model::{Service, Structure};

/// Reads a JSON array of data·inclusion structures.
///
/// ```
/// use inclusion_exchange::data_inclusion::{read_structures_json, codes};
///
/// let json = br#"[{"source":"s","id":"s--1","nom":"Mairie","date_maj":"2024-01-01"},
///                 {"source":"s","id":"s--2","nom":"Mairie","date_maj":"01/02/2024"}]"#;
/// let (structures, diagnostics) = read_structures_json(json);
/// assert_eq!(structures.len(), 1);
/// assert_eq!(diagnostics[0].code(), codes::INVALID_RECORD);
/// assert_eq!((diagnostics[0].row(), diagnostics[0].value()), (Some(2), Some("s--2")));
///
/// let (none, diagnostics) = read_structures_json(b"{}");
/// assert!(none.is_empty() && diagnostics[0].code() == codes::INVALID_JSON);
/// ```
pub fn read_structures_json(bytes: &[u8]) -> (Vec<Structure>, Vec<Diagnostic>) {
    read_records(bytes, "structure")
}

/// Reads a JSON array of data·inclusion services (see [`read_structures_json`]).
pub fn read_services_json(bytes: &[u8]) -> (Vec<Service>, Vec<Diagnostic>) {
    read_records(bytes, "service")
}

fn read_records<T: DeserializeOwned>(
    bytes: &[u8],
    what: &'static str,
) -> (Vec<T>, Vec<Diagnostic>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let values: Vec<serde_json::Value> = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            let d = Diagnostic::new(Severity::Error, &messages::INVALID_JSON)
                .with_args([Arg::Static(what), Arg::from(e.to_string())]);
            return (Vec::new(), vec![d]);
        }
    };
    let mut records = Vec::with_capacity(values.len());
    let mut diagnostics = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let id = value
            .get("id")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned();
        match T::deserialize(value) {
            Ok(r) => records.push(r),
            Err(e) => diagnostics.push(
                Diagnostic::new(Severity::Error, &messages::INVALID_RECORD)
                    .at_row(i + 1)
                    .in_column(what)
                    .with_value(id)
                    .with_args([Arg::Static(what), Arg::from(e.to_string())]),
            ),
        }
    }
    (records, diagnostics)
}
