//! One module per command: each turns its flags into library calls and prints the result.

mod convert;
mod coverage;
mod dedup;
mod hours;
mod near;
mod orient;
mod schemas;
mod validate;

use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Cli, Command};

/// Runs the command of `cli`.
pub fn run(cli: Cli, ctx: Context) -> Result<Outcome, CliError> {
    match cli.command {
        Command::Validate(f) => validate::run(&f, ctx),
        Command::Convert(f) => convert::run(&f, ctx),
        Command::Near(f) => near::run(&f, ctx),
        Command::Hours(f) => hours::run(&f, ctx),
        Command::Orient(f) => orient::run(&f, ctx),
        Command::Coverage(f) => coverage::run(&f, ctx),
        Command::Dedup(f) => dedup::run(&f, ctx),
        Command::Schemas(f) => schemas::run(&f, ctx),
        Command::Completions(f) => schemas::completions(&f, ctx),
    }
}
