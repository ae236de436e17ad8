//! [`SchemaError`]: what can go wrong when writing or checking a schemas directory.

use std::path::PathBuf;

/// The command that regenerates the committed `schemas/` directory.
pub const EXPORT_COMMAND: &str = "cargo run --example export_schemas";

/// The errors of this crate. Generating a schema never fails; reading and writing files can.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SchemaError {
    /// A schema file or its directory cannot be written.
    #[error("cannot write {}: {source}; check that the directory exists and is writable", path.display())]
    Write {
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A schemas directory cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The files of a schemas directory differ from what the code generates.
    #[error(
        "the schemas in {} are out of date (changed: {}; missing: {}; not generated any more: {}); \
         run `{EXPORT_COMMAND}` to regenerate them{}",
        dir.display(),
        list(changed),
        list(missing),
        list(unexpected),
        if unexpected.is_empty() { "" } else { ", and delete the files that are not generated any more" }
    )]
    Stale {
        /// The directory checked.
        dir: PathBuf,
        /// Files whose content differs from the generated text.
        changed: Vec<String>,
        /// Generated files absent from the directory.
        missing: Vec<String>,
        /// Schema files of the directory that the code does not generate.
        unexpected: Vec<String>,
    },
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_message_names_the_files_and_the_command() {
        let e = SchemaError::Stale {
            dir: PathBuf::from("schemas"),
            changed: vec!["place.schema.json".into()],
            missing: vec![],
            unexpected: vec!["old.schema.json".into()],
        };
        let text = e.to_string();
        assert!(text.contains("changed: place.schema.json"), "{text}");
        assert!(text.contains("missing: none"), "{text}");
        assert!(text.contains(EXPORT_COMMAND), "{text}");
        assert!(text.contains("delete"), "{text}");
    }
}
