//! The files of `schemas/`: generating them, writing them, checking the committed ones.
//!
//! ```
//! use inclusion_schema::{check_dir, generate, write_dir};
//!
//! let dir = std::env::temp_dir().join(format!("inclusion-schema-doc-{}", std::process::id()));
//! let written = write_dir(&dir)?;
//! assert_eq!(written.len(), generate().len());
//! check_dir(&dir)?; // what was just written is current
//!
//! std::fs::write(dir.join("place.schema.json"), "{}")?;
//! let err = check_dir(&dir).unwrap_err().to_string();
//! assert!(err.contains("changed: place.schema.json"));
//! assert!(err.contains("cargo run --example export_schemas"));
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::SchemaError;
use crate::bundle::{BUNDLE_FILE, bundle};
use crate::catalogue::catalogue;
use crate::table::{TABLE_SCHEMA_FILE, table_schema};

/// One generated file: its name in `schemas/` and its exact text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GeneratedFile {
    /// The file name, e.g. `assessment.schema.json`.
    pub name: String,
    /// The text: pretty-printed JSON (two-space indent, keys of schemas sorted) and a final
    /// newline.
    pub contents: String,
}

fn pretty<T: Serialize>(value: &T) -> String {
    // Serialising a `serde_json::Value` or plain structs of strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Every file of `schemas/`, sorted by name: one JSON Schema per type of the
/// [catalogue](crate::catalogue()), the [bundle](crate::bundle::bundle()) and the
/// [Table Schema](crate::table::table_schema).
pub fn generate() -> Vec<GeneratedFile> {
    let mut files: Vec<GeneratedFile> = catalogue()
        .iter()
        .map(|e| GeneratedFile {
            name: e.file_name(),
            contents: pretty(&e.schema()),
        })
        .collect();
    files.push(GeneratedFile {
        name: BUNDLE_FILE.to_owned(),
        contents: pretty(&bundle()),
    });
    files.push(GeneratedFile {
        name: TABLE_SCHEMA_FILE.to_owned(),
        contents: pretty(&table_schema()),
    });
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Writes every generated file into `dir` (created if needed), and returns their paths.
/// Other files of `dir` are left alone.
///
/// # Errors
/// [`SchemaError::Write`] when the directory or a file cannot be written.
pub fn write_dir(dir: impl AsRef<Path>) -> Result<Vec<PathBuf>, SchemaError> {
    let dir = dir.as_ref();
    std::fs::create_dir_all(dir).map_err(|source| SchemaError::Write {
        path: dir.to_owned(),
        source,
    })?;
    generate()
        .into_iter()
        .map(|f| {
            let path = dir.join(&f.name);
            std::fs::write(&path, f.contents.as_bytes())
                .map(|()| path.clone())
                .map_err(|source| SchemaError::Write { path, source })
        })
        .collect()
}

/// Whether a file name looks like one this crate writes (so that a leftover from an older
/// version is reported).
fn is_schema_file(name: &str) -> bool {
    name.ends_with(".schema.json") || (name.starts_with("table-schema-") && name.ends_with(".json"))
}

/// Checks that `dir` holds exactly the generated files, byte for byte.
///
/// # Errors
/// [`SchemaError::Stale`] listing the files that differ, are missing, or are not generated any more
/// (with the command that regenerates them); [`SchemaError::Read`] when `dir` cannot be read.
pub fn check_dir(dir: impl AsRef<Path>) -> Result<(), SchemaError> {
    let dir = dir.as_ref();
    let generated = generate();
    let mut changed = Vec::new();
    let mut missing = Vec::new();
    for f in &generated {
        let path = dir.join(&f.name);
        match std::fs::read(&path) {
            Ok(bytes) if bytes == f.contents.as_bytes() => {}
            Ok(_) => changed.push(f.name.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => missing.push(f.name.clone()),
            Err(source) => return Err(SchemaError::Read { path, source }),
        }
    }
    let mut unexpected = Vec::new();
    if dir.is_dir() {
        let entries = std::fs::read_dir(dir).map_err(|source| SchemaError::Read {
            path: dir.to_owned(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| SchemaError::Read {
                path: dir.to_owned(),
                source,
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_schema_file(&name) && !generated.iter().any(|f| f.name == name) {
                unexpected.push(name);
            }
        }
        unexpected.sort();
    }
    if changed.is_empty() && missing.is_empty() && unexpected.is_empty() {
        Ok(())
    } else {
        Err(SchemaError::Stale {
            dir: dir.to_owned(),
            changed,
            missing,
            unexpected,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_names_are_unique() {
        let a = generate();
        let b = generate();
        assert_eq!(a, b);
        let mut names: Vec<&str> = a.iter().map(|f| f.name.as_str()).collect();
        names.dedup();
        assert_eq!(names.len(), a.len());
        assert!(a.iter().all(|f| is_schema_file(&f.name)));
        assert!(a.iter().all(|f| f.contents.ends_with("}\n")));
    }

    #[test]
    fn check_reports_missing_and_unexpected_files() {
        let dir = std::env::temp_dir().join(format!(
            "inclusion-schema-check-{}-{}",
            std::process::id(),
            line!()
        ));
        write_dir(&dir).unwrap();
        std::fs::remove_file(dir.join("answers.schema.json")).unwrap();
        std::fs::write(dir.join("old.schema.json"), "{}").unwrap();
        std::fs::write(dir.join("notes.txt"), "kept").unwrap();
        match check_dir(&dir) {
            Err(SchemaError::Stale {
                changed,
                missing,
                unexpected,
                ..
            }) => {
                assert!(changed.is_empty());
                assert_eq!(missing, ["answers.schema.json"]);
                assert_eq!(unexpected, ["old.schema.json"]);
            }
            other => panic!("{other:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn writing_into_a_file_is_a_clear_error() {
        let file =
            std::env::temp_dir().join(format!("inclusion-schema-file-{}", std::process::id()));
        std::fs::write(&file, "not a directory").unwrap();
        let err = write_dir(&file).unwrap_err();
        assert!(matches!(err, SchemaError::Write { .. }), "{err:?}");
        assert!(err.to_string().contains("cannot write"));
        std::fs::remove_file(&file).unwrap();
    }
}
