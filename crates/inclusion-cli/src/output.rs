//! Where the output goes: the standard output or a file (`-o`), and messages on the standard
//! error. A closed pipe ends the program quietly with success; any other write error (a full
//! disk, a missing folder) is a [`CliError::Write`] that names the target and what to do.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use inclusion::model::Lang;

use crate::error::{CliError, is_broken_pipe};

/// Set when a message could not be written to the standard error (other than a closed pipe):
/// the exit status then says something went wrong.
static STDERR_FAILED: AtomicBool = AtomicBool::new(false);

/// Whether a message could not be written to the standard error.
pub fn stderr_failed() -> bool {
    STDERR_FAILED.load(Ordering::Relaxed)
}

/// Writes `text` on the standard error, never panicking: a closed pipe is ignored, another
/// failure remembered ([`stderr_failed`]).
pub fn eprint(text: &str) {
    let mut err = io::stderr().lock();
    if let Err(e) = err.write_all(text.as_bytes()).and_then(|()| err.flush())
        && !is_broken_pipe(&e)
    {
        STDERR_FAILED.store(true, Ordering::Relaxed);
    }
}

/// [`eprint`] with a line break.
pub fn eprintln(text: &str) {
    if text.ends_with('\n') {
        eprint(text);
    } else {
        eprint(&format!("{text}\n"));
    }
}

/// The error prefix, coloured when asked.
pub fn error_prefix(lang: Lang, color: bool) -> String {
    let (word, colon) = (lang.pick("erreur", "error"), lang.pick(" : ", ": "));
    if color {
        format!("\u{1b}[1;31m{word}\u{1b}[0m{colon}")
    } else {
        format!("{word}{colon}")
    }
}

/// Whether to colour messages on the standard error for `--color WHEN`.
pub fn use_color(when: crate::flags::ColorFlag) -> bool {
    match when {
        crate::flags::ColorFlag::Always => true,
        crate::flags::ColorFlag::Never => false,
        crate::flags::ColorFlag::Auto => {
            io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// The output of a command: the standard output, or a file.
pub struct Output {
    target: Target,
    lang: Lang,
}

enum Target {
    Stdout(BufWriter<io::Stdout>),
    File(BufWriter<File>, PathBuf),
}

impl Output {
    /// The standard output.
    pub fn stdout(lang: Lang) -> Output {
        Output {
            target: Target::Stdout(BufWriter::new(io::stdout())),
            lang,
        }
    }

    /// A file, created (or emptied) now.
    pub fn file(path: &Path, lang: Lang) -> Result<Output, CliError> {
        let file = File::create(path).map_err(|e| create_error(path, &e, lang))?;
        Ok(Output {
            target: Target::File(BufWriter::new(file), path.to_owned()),
            lang,
        })
    }

    /// `-o OUT` when given, the standard output otherwise.
    pub fn to(path: Option<&Path>, lang: Lang) -> Result<Output, CliError> {
        match path {
            Some(p) => Output::file(p, lang),
            None => Ok(Output::stdout(lang)),
        }
    }

    /// Writes all of `text`.
    pub fn write_str(&mut self, text: &str) -> Result<(), CliError> {
        let result = self.writer().write_all(text.as_bytes());
        result.map_err(|e| self.error(&e))
    }

    /// Writes with a library writer (`write_csv`, `serde_json::to_writer`...). A failure of
    /// the output itself is told apart from the library's own errors (`describe`).
    pub fn write_with<E>(
        &mut self,
        f: impl FnOnce(&mut dyn Write) -> Result<(), E>,
        describe: impl FnOnce(E) -> String,
    ) -> Result<(), CliError> {
        let mut recorder = Recorder {
            inner: self.writer(),
            error: None,
        };
        // The library's writes gathered before they reach the recorder: `serde_json` writes
        // each key, quote and comma as a write of its own, and each went through the
        // recorder's and the output's calls (a quarter of the instructions of `convert --to
        // data-inclusion`; ARCHITECTURE.md).
        let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut recorder);
        let result = f(&mut buffered);
        // A failure of the last writes is the recorder's; what could not be written is
        // dropped, not tried again.
        let _ = buffered.flush();
        let _ = buffered.into_parts();
        let failed = recorder.error.take();
        match (result, failed) {
            (Ok(()), None) => Ok(()),
            (_, Some(io)) => Err(self.error(&io)),
            (Err(e), None) => Err(CliError::Write(describe(e))),
        }
    }

    /// Writes `value` as JSON (pretty: indented) and a line break.
    pub fn write_json<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
        pretty: bool,
    ) -> Result<(), CliError> {
        self.write_with(
            |w| {
                if pretty {
                    serde_json::to_writer_pretty(w, value)
                } else {
                    serde_json::to_writer(w, value)
                }
            },
            |e| e.to_string(),
        )?;
        self.write_str("\n")
    }

    /// Flushes and closes; the output is complete only when this returns `Ok`.
    pub fn finish(mut self) -> Result<(), CliError> {
        let result = match &mut self.target {
            Target::Stdout(w) => w.flush(),
            // A regular file is synced, so that a full disk is told now rather than lost;
            // a device (`/dev/null`) cannot be.
            Target::File(w, _) => w.flush().and_then(|()| {
                let file = w.get_ref();
                match file.metadata() {
                    Ok(m) if m.is_file() => file.sync_all(),
                    _ => Ok(()),
                }
            }),
        };
        result.map_err(|e| self.error(&e))
    }

    fn writer(&mut self) -> &mut dyn Write {
        match &mut self.target {
            Target::Stdout(w) => w,
            Target::File(w, _) => w,
        }
    }

    fn error(&self, e: &io::Error) -> CliError {
        if is_broken_pipe(e) {
            return CliError::BrokenPipe;
        }
        let target = match &self.target {
            Target::Stdout(_) => self
                .lang
                .pick("la sortie standard", "the standard output")
                .to_owned(),
            Target::File(_, p) => p.display().to_string(),
        };
        write_error(&target, e, self.lang)
    }
}

/// A writer that keeps the first I/O error of the writer it wraps, so that an error a library
/// wraps in its own type can still be told (a closed pipe, a full disk).
struct Recorder<'w> {
    inner: &'w mut dyn Write,
    error: Option<io::Error>,
}

impl Recorder<'_> {
    fn keep<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        result.map_err(|e| {
            let copy = io::Error::new(e.kind(), e.to_string());
            if self.error.is_none() {
                self.error = Some(e);
            }
            copy
        })
    }
}

impl Write for Recorder<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.keep(r)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.keep(r)
    }
}

/// `cannot write TARGET: reason` and what to do.
pub fn write_error(target: &str, e: &io::Error, lang: Lang) -> CliError {
    let advice = match (e.kind(), lang) {
        (io::ErrorKind::StorageFull, Lang::Fr) => "libérez de la place ou écrivez ailleurs.",
        (io::ErrorKind::StorageFull, Lang::En) => "free some space or write elsewhere.",
        (_, Lang::Fr) => "vérifiez la destination et ses droits.",
        (_, Lang::En) => "check the destination and its permissions.",
    };
    CliError::Write(match lang {
        Lang::Fr => format!("impossible d'écrire dans {target} : {e}\n{advice}"),
        Lang::En => format!("cannot write to {target}: {e}\n{advice}"),
    })
}

fn create_error(path: &Path, e: &io::Error, lang: Lang) -> CliError {
    let folder_missing = e.kind() == io::ErrorKind::NotFound;
    let p = path.display();
    CliError::Write(match (lang, folder_missing) {
        (Lang::Fr, true) => format!(
            "impossible de créer {p} : le dossier n'existe pas\ncréez-le d'abord, ou choisissez un autre chemin."
        ),
        (Lang::En, true) => format!(
            "cannot create {p}: the folder does not exist\ncreate it first, or choose another path."
        ),
        (Lang::Fr, false) => {
            format!("impossible de créer {p} : {e}\nvérifiez le chemin et ses droits.")
        }
        (Lang::En, false) => format!("cannot create {p}: {e}\ncheck the path and its permissions."),
    })
}

/// Writes a whole file (`--svg`, `--csv`...), with the same errors as [`Output`].
pub fn write_file(path: &Path, content: &str, lang: Lang) -> Result<(), CliError> {
    let mut out = Output::file(path, lang)?;
    out.write_str(content)?;
    out.finish()
}
