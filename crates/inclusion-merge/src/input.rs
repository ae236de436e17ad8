//! [`InputSet`]: the places of several files, read leniently for deduplication.
//!
//! Each file is read with the standard's readers in lenient mode: a place whose optional
//! fields are invalid still takes part (those values dropped, each reported), v0.1 files are
//! migrated to v1.0.2 keeping their ids, CSV and JSON are both accepted. Each file gets a
//! source name (its file stem by default). What the set adds, each reported as a warning of the
//! file: a place without `source` gets the file's source name (`merge.source_from_file`), and
//! a place whose `id` is already taken by an earlier file gets `name:id`
//! (`merge.id_collision`), so that every pair names its places without ambiguity.

use std::collections::HashSet;
use std::path::Path;

use inclusion_model::diagnostic::Arg;
use inclusion_model::{
    Diagnostic, Place, ReadOptions, ReadReport, SchemaVersion, Severity, read_bytes,
};
use schemars::JsonSchema;
use serde::Serialize;

use crate::MergeError;
use crate::messages;

/// One file (or one batch of places) of an [`InputSet`].
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct InputFile {
    /// The source name: the file stem, or the name given.
    pub name: String,
    /// The path read, if any.
    pub path: Option<String>,
    /// The version of the standard the file was read as (`0.1`, migrated, or `1.0`).
    pub version: String,
    /// The data rows of the file.
    pub rows: usize,
    /// The places that take part (the rows the lenient reader kept).
    pub places: usize,
    /// Every problem of the file, and what the set changed.
    pub diagnostics: Vec<Diagnostic>,
}

/// The places of several files, with the file each came from.
///
/// ```
/// use inclusion_merge::InputSet;
///
/// let a = r#"[{"id":"1","pivot":"00000000000000","nom":"APEJ","commune":"Cognac","code_postal":"16100",
///              "adresse":"72 Rue de Pons","date_maj":"2023-01-01","telephone":"05 45 35 38 91"}]"#;
/// let b = "id,pivot,nom,commune,code_postal,adresse,date_maj,source\n\
///          1,00000000000000,APEJ COGNAC,Cognac,16100,72 RUE DE PONS,2023-05-01,dora\n";
/// let mut set = InputSet::new();
/// set.add_bytes("cnfs", a.as_bytes())?;
/// set.add_bytes("dora", b.as_bytes())?;
/// assert_eq!(set.places.len(), 2);
/// // The phone out of the standard's pattern is dropped and reported; the place takes part.
/// assert!(set.files[0].diagnostics.iter().any(|d| d.column() == Some("telephone")));
/// // No source: the file's name. Id "1" taken: renamed in the second file.
/// assert_eq!(set.places[0].source.as_deref(), Some("cnfs"));
/// assert_eq!(set.places[1].id, "dora:1");
/// assert_eq!(set.file_of(1).name, "dora");
/// # Ok::<(), inclusion_merge::MergeError>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct InputSet {
    /// The places of every file, in file order.
    pub places: Vec<Place>,
    /// For each place, the index of its file in [`InputSet::files`].
    pub origins: Vec<usize>,
    /// The files.
    pub files: Vec<InputFile>,
    ids: HashSet<String>,
}

impl InputSet {
    /// An empty set.
    pub fn new() -> InputSet {
        InputSet::default()
    }

    /// Reads several files (CSV or JSON, v0.1 or v1), each named after its file stem.
    ///
    /// # Errors
    /// See [`InputSet::add_path`].
    pub fn read_paths<P: AsRef<Path>>(
        paths: impl IntoIterator<Item = P>,
    ) -> Result<InputSet, MergeError> {
        let mut set = InputSet::new();
        for p in paths {
            set.add_path(p)?;
        }
        Ok(set)
    }

    /// Reads a file, named after its file stem.
    ///
    /// # Errors
    /// [`MergeError::Read`] when the file cannot be read, [`MergeError::Unreadable`] when it is
    /// not a file of places at all (its file-level diagnostic says why).
    pub fn add_path(&mut self, path: impl AsRef<Path>) -> Result<&InputFile, MergeError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| MergeError::Read {
            path: path.display().to_string(),
            source,
        })?;
        self.add_path_bytes(path, &bytes)
    }

    /// Adds the bytes of a file already read (by a caller that shows its progress, or reads it
    /// its own way), named after the file stem of `path` as [`InputSet::add_path`] does, with
    /// `path` recorded.
    ///
    /// # Errors
    /// [`MergeError::Unreadable`] when the bytes are not a file of places at all.
    pub fn add_path_bytes(
        &mut self,
        path: impl AsRef<Path>,
        bytes: &[u8],
    ) -> Result<&InputFile, MergeError> {
        let path = path.as_ref();
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let report = read_bytes(bytes, &read_options());
        self.add_report(name, Some(path.display().to_string()), report)
    }

    /// Reads the bytes of a file (CSV or JSON) under a source name.
    ///
    /// # Errors
    /// [`MergeError::Unreadable`] when the bytes are not a file of places at all.
    pub fn add_bytes(&mut self, name: &str, bytes: &[u8]) -> Result<&InputFile, MergeError> {
        let report = read_bytes(bytes, &read_options());
        self.add_report(name.to_owned(), None, report)
    }

    /// Adds places read elsewhere under a source name.
    pub fn add_places(&mut self, name: &str, places: Vec<Place>) -> &InputFile {
        let rows = places.len();
        let mut report_places = places;
        let mut diagnostics = Vec::new();
        self.adopt(name, &mut report_places, &mut diagnostics);
        self.push(
            InputFile {
                name: name.to_owned(),
                path: None,
                version: "1.0".to_owned(),
                rows,
                places: report_places.len(),
                diagnostics,
            },
            report_places,
        )
    }

    /// The file a place (by index) came from.
    ///
    /// # Panics
    /// When `index` is not the index of a place of the set.
    pub fn file_of(&self, index: usize) -> &InputFile {
        &self.files[self.origins[index]]
    }

    fn add_report(
        &mut self,
        name: String,
        path: Option<String>,
        report: ReadReport,
    ) -> Result<&InputFile, MergeError> {
        if let Some(d) = report.unreadable() {
            return Err(MergeError::Unreadable {
                path: path.unwrap_or_else(|| name.clone()),
                diagnostic: Box::new(d.clone()),
            });
        }
        let ReadReport {
            mut places,
            mut diagnostics,
            rows,
            version,
            ..
        } = report;
        self.adopt(&name, &mut places, &mut diagnostics);
        let version = match version {
            SchemaVersion::V0_1 => "0.1",
            _ => "1.0",
        };
        Ok(self.push(
            InputFile {
                name,
                path,
                version: version.to_owned(),
                rows,
                places: places.len(),
                diagnostics,
            },
            places,
        ))
    }

    /// Fills missing sources and renames colliding ids, with diagnostics.
    fn adopt(&mut self, name: &str, places: &mut [Place], diagnostics: &mut Vec<Diagnostic>) {
        let mut filled = 0usize;
        for p in places.iter_mut() {
            if p.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
                p.source = Some(name.into());
                filled += 1;
            }
            if self.ids.contains(p.id.as_str()) {
                let old = p.id.clone();
                let mut new = format!("{name}:{old}");
                let mut n = 2;
                while self.ids.contains(&new) {
                    new = format!("{name}:{old}:{n}");
                    n += 1;
                }
                diagnostics.push(
                    Diagnostic::new(Severity::Warning, &messages::ID_COLLISION_RENAMED)
                        .with_args([Arg::from(new.clone())])
                        .in_column("id")
                        .with_value(old),
                );
                p.id = new.into();
            }
            self.ids.insert(p.id.to_string());
        }
        if filled > 0 {
            diagnostics.push(
                Diagnostic::new(Severity::Warning, &messages::SOURCE_FILLED)
                    .with_args([Arg::from(filled)])
                    .in_column("source")
                    .with_value(name),
            );
        }
    }

    fn push(&mut self, file: InputFile, places: Vec<Place>) -> &InputFile {
        let index = self.files.len();
        self.origins
            .extend(std::iter::repeat_n(index, places.len()));
        self.places.extend(places);
        self.files.push(file);
        &self.files[index]
    }
}

fn read_options() -> ReadOptions {
    ReadOptions::default().with_lenient(true)
}
