//! Writes the JSON Schemas of every public JSON form, their bundle and the standard's Table
//! Schema into `schemas/` (or the directory given with `--out`).
//!
//! ```sh
//! cargo run --example export_schemas                 # writes schemas/ of the repository
//! cargo run --example export_schemas -- --out DIR    # writes them somewhere else
//! cargo run --example export_schemas -- --check      # fails when schemas/ is out of date
//! ```
//!
//! Exit status: 0 on success, 1 when `--check` finds differences, 2 on a usage or write error.

use std::path::PathBuf;
use std::process::ExitCode;

use inclusion::schema::{check_dir, write_dir};

const USAGE: &str = "usage: export_schemas [--out DIR] [--check]";

fn main() -> ExitCode {
    let mut out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut check = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => match args.next() {
                Some(dir) => out = PathBuf::from(dir),
                None => {
                    eprintln!("--out needs a directory\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--check" => check = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("unknown argument '{other}'\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if check {
        return match check_dir(&out) {
            Ok(()) => {
                println!("{}: up to date", out.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        };
    }
    match write_dir(&out) {
        Ok(paths) => {
            for p in &paths {
                println!("{}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
