//! One module per command: each turns its flags into library calls and prints the result.

mod convert;
mod coverage;
mod hours;
mod near;
mod orient;
mod schemas;
mod validate;

use inclusion::model::Lang;

use crate::error::{CliError, Outcome};
use crate::flags::{Cli, Command};

/// What every command needs besides its flags.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The language of messages and labels.
    pub lang: Lang,
    /// `--quiet`: no notes, no progress bar.
    pub quiet: bool,
}

impl Context {
    /// Whether a progress bar may be shown (it also needs a terminal, see `progress`).
    pub fn progress(self, json: bool) -> bool {
        !self.quiet && !json
    }
}

/// Runs the command of `cli`.
pub fn run(cli: Cli, ctx: Context) -> Result<Outcome, CliError> {
    match cli.command {
        Command::Validate(f) => validate::run(&f, ctx),
        Command::Convert(f) => convert::run(&f, ctx),
        Command::Near(f) => near::run(&f, ctx),
        Command::Hours(f) => hours::run(&f, ctx),
        Command::Orient(f) => orient::run(&f, ctx),
        Command::Coverage(f) => coverage::run(&f, ctx),
        Command::Schemas(f) => schemas::run(&f, ctx),
        Command::Completions(f) => schemas::completions(&f, ctx),
    }
}
