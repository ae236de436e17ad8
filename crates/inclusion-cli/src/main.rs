//! `inclusion`: the command line of the inclusion workspace, thin glue over its libraries.
//!
//! `flags` holds every flag as data (clap derive); `cmd` has one module per command, each
//! turning its flags into library calls (`args` for what several share) and printing through
//! `output`, where a closed pipe ends the program quietly and any other write error is a
//! clear message with exit 2 ([`error::CliError`]). See the crate's README for the commands.

mod args;
mod cmd;
mod context;
mod error;
mod flags;
mod input;
mod output;
mod progress;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::flags::{Cli, ColorFlag};

/// The program's allocator: reading keeps several short texts per place, and glibc's `malloc`
/// and `free` are about a sixth of the instructions of `inclusion validate` on a large file
/// (mimalloc: a few). Measured in ARCHITECTURE.md ("Allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let color = prescan_color(&argv);
    let clap_color = match color {
        ColorFlag::Auto => clap::ColorChoice::Auto,
        ColorFlag::Always => clap::ColorChoice::Always,
        ColorFlag::Never => clap::ColorChoice::Never,
    };
    let parsed = Cli::command()
        .color(clap_color)
        .try_get_matches_from(argv)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version end here too (exit 0); a closed pipe is ignored.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let ctx = context::Context {
        lang: args::lang(&cli.global),
        quiet: cli.global.quiet,
    };
    let color = output::use_color(cli.global.color);
    match cmd::run(cli, ctx) {
        // Messages were lost (a full standard error): the status says so.
        Ok(_) if output::stderr_failed() => ExitCode::from(2),
        Ok(outcome) => outcome.exit_code(),
        Err(e) => {
            if let Some(message) = e.message() {
                output::eprintln(&format!(
                    "{}{message}",
                    output::error_prefix(ctx.lang, color)
                ));
            }
            e.exit_code()
        }
    }
}

/// `--color WHEN` read before clap parses, so that clap's own messages follow it.
fn prescan_color(argv: &[std::ffi::OsString]) -> ColorFlag {
    let mut when = ColorFlag::Auto;
    let mut args = argv.iter().filter_map(|a| a.to_str());
    while let Some(a) = args.next() {
        let value = match a.strip_prefix("--color") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        when = match value {
            Some("always") => ColorFlag::Always,
            Some("never") => ColorFlag::Never,
            Some("auto") => ColorFlag::Auto,
            _ => when,
        };
    }
    when
}
