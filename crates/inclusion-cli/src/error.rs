//! [`CliError`]: the one error type of the command line, and its exit status.

use std::io;
use std::process::ExitCode;

/// Why a command stopped. Every message is already in the user's language and says what is
/// wrong and what to do, in one or two lines.
#[derive(Debug)]
pub enum CliError {
    /// Bad usage, or an input that cannot be used: exit 2.
    Input(String),
    /// An output that cannot be written (a full disk, a missing folder...): exit 2.
    Write(String),
    /// The reader of the standard output went away (`| head -1`): a quiet success, as ripgrep.
    BrokenPipe,
}

impl CliError {
    /// A bad input or usage.
    pub fn input(message: impl Into<String>) -> CliError {
        CliError::Input(message.into())
    }

    /// The status the process exits with.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::BrokenPipe => ExitCode::SUCCESS,
            CliError::Input(_) | CliError::Write(_) => ExitCode::from(2),
        }
    }

    /// The message to print, if any (a closed pipe prints nothing).
    pub fn message(&self) -> Option<&str> {
        match self {
            CliError::Input(m) | CliError::Write(m) => Some(m),
            CliError::BrokenPipe => None,
        }
    }
}

/// What a command found, when it ran to its end: the exit status 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report: exit 0.
    Success,
    /// Problems found in the input (rows with errors, no faithful value): exit 1.
    Problems,
}

impl Outcome {
    /// 0 or 1.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Problems => ExitCode::from(1),
        }
    }
}

/// Whether an I/O error is a closed pipe.
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}
