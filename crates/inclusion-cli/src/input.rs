//! Reading the input of a command: a file, or the standard input for `-`, with a progress bar
//! for large files, and errors that say what is wrong (no such file, a folder, no permission).

use std::fs::{File, Metadata};
use std::io;
use std::sync::Arc;

use inclusion::model::render::{EXCERPT_CHARS, excerpt};
use inclusion::model::{
    Lang, ModelError, ReadOptions, ReadProgress, ReadReport, read_bytes, read_path_with_progress,
};

use crate::error::CliError;
use crate::progress::Progress;

/// The places of `path` (`-`: the standard input) read with `options`, and the name to show
/// for it. A regular file is read by the library from disk (`read_path_with_progress`: a CSV
/// file a chunk at a time, never whole in memory), under a bar of the bytes read and
/// validated; the standard input, a pipe or a named FIFO is read whole first, under a bar of
/// bytes, then validated under a spinner.
pub fn read_places(
    path: &str,
    options: &ReadOptions,
    lang: Lang,
    progress: bool,
) -> Result<(ReadReport, String), CliError> {
    let spinner = || Progress::start(lang.pick("lecture", "reading"), None, progress);
    if path == "-" {
        let (bytes, name) = read_input(path, lang, progress)?;
        let _bar = spinner();
        return Ok((read_bytes(&bytes, options), name));
    }
    let shown = excerpt(path, EXCERPT_CHARS);
    let (file, meta) = open(path, &shown, lang)?;
    if !meta.is_file() {
        // Read from this handle: a named FIFO opened again would wait for a writer that is
        // gone.
        let bytes = read_all(file, None, &shown, lang, progress)?;
        let _bar = spinner();
        return Ok((read_bytes(&bytes, options), shown));
    }
    drop(file);
    let count = Arc::new(ReadProgress::new());
    let _bar = Progress::following(lang.pick("lecture", "reading"), meta.len(), progress, {
        let count = Arc::clone(&count);
        move || count.bytes()
    });
    match read_path_with_progress(path, options, &count) {
        Ok(report) => Ok((report, shown)),
        Err(ModelError::Io { source, .. }) => Err(read_error(&shown, &source, lang)),
        Err(e) => Err(CliError::input(e.to_string())),
    }
}

/// The file at `path`, opened, and what the system says of it; an error that says what to do
/// when it cannot be opened or is a folder.
fn open(path: &str, shown: &str, lang: Lang) -> Result<(File, Metadata), CliError> {
    let file = File::open(path).map_err(|e| read_error(shown, &e, lang))?;
    let meta = file.metadata().map_err(|e| read_error(shown, &e, lang))?;
    if meta.is_dir() {
        return Err(CliError::input(match lang {
            Lang::Fr => format!(
                "{shown} est un dossier, pas un fichier\ndonnez le chemin d'un fichier CSV ou JSON."
            ),
            Lang::En => {
                format!("{shown} is a folder, not a file\ngive the path of a CSV or JSON file.")
            }
        }));
    }
    Ok((file, meta))
}

/// The bytes of `path` (`-`: the standard input), and the name to show for it.
pub fn read_input(path: &str, lang: Lang, progress: bool) -> Result<(Vec<u8>, String), CliError> {
    if path == "-" {
        let name = lang
            .pick("<entrée standard>", "<standard input>")
            .to_owned();
        let bar = Progress::start(&name, None, progress);
        let mut bytes = Vec::new();
        bar.read_to_end(io::stdin().lock(), &mut bytes)
            .map_err(|e| read_error(&name, &e, lang))?;
        return Ok((bytes, name));
    }
    let shown = excerpt(path, EXCERPT_CHARS);
    let (file, meta) = open(path, &shown, lang)?;
    let len = meta.is_file().then_some(meta.len());
    let bytes = read_all(file, len, &shown, lang, progress)?;
    Ok((bytes, shown))
}

/// The bytes of `file` (`len` of them if known: a bar of bytes, otherwise a spinner).
fn read_all(
    file: File,
    len: Option<u64>,
    shown: &str,
    lang: Lang,
    progress: bool,
) -> Result<Vec<u8>, CliError> {
    let bar = Progress::start(shown, len, progress);
    let mut bytes = Vec::with_capacity(len.and_then(|n| usize::try_from(n).ok()).unwrap_or(0));
    bar.read_to_end(file, &mut bytes)
        .map_err(|e| read_error(shown, &e, lang))?;
    Ok(bytes)
}

fn read_error(name: &str, e: &io::Error, lang: Lang) -> CliError {
    let (what, advice) = match (e.kind(), lang) {
        (io::ErrorKind::NotFound, Lang::Fr) => {
            ("ce fichier n'existe pas".to_owned(), "vérifiez le chemin.")
        }
        (io::ErrorKind::NotFound, Lang::En) => ("no such file".to_owned(), "check the path."),
        (io::ErrorKind::PermissionDenied, Lang::Fr) => (
            "lecture refusée".to_owned(),
            "vérifiez les droits du fichier.",
        ),
        (io::ErrorKind::PermissionDenied, Lang::En) => (
            "permission denied".to_owned(),
            "check the file's permissions.",
        ),
        (io::ErrorKind::IsADirectory, Lang::Fr) => (
            "c'est un dossier".to_owned(),
            "donnez le chemin d'un fichier.",
        ),
        (io::ErrorKind::IsADirectory, Lang::En) => {
            ("it is a folder".to_owned(), "give the path of a file.")
        }
        (_, Lang::Fr) => (e.to_string(), "vérifiez le fichier."),
        (_, Lang::En) => (e.to_string(), "check the file."),
    };
    CliError::input(match lang {
        Lang::Fr => format!("impossible de lire {name} : {what}\n{advice}"),
        Lang::En => format!("cannot read {name}: {what}\n{advice}"),
    })
}

/// The contents of a small text input (answers, Eurostat variables) as UTF-8.
pub fn read_text(path: &str, lang: Lang) -> Result<(String, String), CliError> {
    let (bytes, name) = read_input(path, lang, false)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, name)),
        Err(_) => Err(CliError::input(match lang {
            Lang::Fr => {
                format!("{name} n'est pas du texte UTF-8\ndonnez un fichier JSON en UTF-8.")
            }
            Lang::En => format!("{name} is not UTF-8 text\ngive a JSON file in UTF-8."),
        })),
    }
}
