//! Validates a file of lieux de médiation numérique (CSV or JSON) against the national standard.
//!
//! ```sh
//! cargo run --release --example validate -- FILE [--level standard|strict] [--format text|json] [--lenient]
//! ```
//!
//! Exit status: 0 when no row has an error, 1 when some row has an error, 2 when the file cannot
//! be read at all (the reason is printed).

use std::process::ExitCode;

use inclusion::model::wire::ValidationReport;
use inclusion::model::{Level, ReadOptions, ReadReport, read_path};

struct Args {
    file: String,
    level: Level,
    json: bool,
    lenient: bool,
}

const USAGE: &str =
    "usage: validate FILE [--level standard|strict] [--format text|json] [--lenient]";

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut file = None;
    let mut level = Level::Standard;
    let mut json = false;
    let mut lenient = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--level" => {
                level = args
                    .next()
                    .ok_or("--level needs a value: standard or strict")?
                    .parse()?
            }
            "--format" => match args.next().as_deref() {
                Some("text") => json = false,
                Some("json") => json = true,
                other => return Err(format!("unknown --format {other:?}: use text or json")),
            },
            "--lenient" => lenient = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            s => {
                if file.replace(s.to_owned()).is_some() {
                    return Err(format!("only one FILE can be given\n{USAGE}"));
                }
            }
        }
    }
    Ok(Args {
        file: file.ok_or(USAGE)?,
        level,
        json,
        lenient,
    })
}

fn print_json(report: &ReadReport) {
    // The shape is `schemas/validation-report.schema.json`.
    match serde_json::to_string(&ValidationReport::from(report)) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("cannot write the report as JSON: {e}"),
    }
}

fn print_text(file: &str, report: &ReadReport) {
    for d in &report.diagnostics {
        println!("{d}");
    }
    // Past the first 1,000 of a code, problems are counted, not listed.
    for omitted in report.omitted() {
        println!("{}", omitted.summary_en());
    }
    let warnings = report.warning_count();
    let errors = report.error_count();
    println!(
        "\n{file}: {} rows, {} valid, {} invalid; {errors} errors, {warnings} warnings; {} places kept.",
        report.rows,
        report.valid_rows(),
        report.invalid_rows,
        report.places.len()
    );
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let options = ReadOptions::default()
        .with_level(args.level)
        .with_lenient(args.lenient);
    let report = match read_path(&args.file, &options) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if args.json {
        print_json(&report);
    } else {
        print_text(&args.file, &report);
    }
    if let Some(d) = report.unreadable() {
        eprintln!("{}: cannot be read: {}", args.file, d.message_en());
        return ExitCode::from(2);
    }
    if report.invalid_rows > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
