//! Converts a file of lieux de médiation numérique between formats and versions.
//!
//! ```sh
//! cargo run --release --example convert -- IN --to csv|json|geojson|data-inclusion [-o OUT]
//!     [--lenient] [--redact-contacts] [--complete-insee]
//! ```
//!
//! `IN` is any supported file: CSV or JSON, standard v0.1 (migrated) or v1. The diagnostics go
//! to stderr; the output to `OUT` or stdout. `--redact-contacts` removes e-mail addresses and
//! mobile phone numbers (which may be personal) from the output. `--complete-insee` fills the
//! missing `code_insee` from the postcode and the commune's name when they name exactly one
//! commune of the embedded gazetteer (`inclusion::enrich`), and prints what it completed and
//! why it left the others.
//! Exit status: 0 when no row has an error, 1 when some rows were left out, 2 when nothing
//! could be read or written.

use std::io::Write;
use std::process::ExitCode;

use inclusion::model::{Place, ReadOptions, read_path};

#[derive(Clone, Copy, PartialEq)]
enum Target {
    Csv,
    Json,
    GeoJson,
    DataInclusion,
}

struct Args {
    input: String,
    target: Target,
    output: Option<String>,
    lenient: bool,
    redact: bool,
    complete_insee: bool,
}

const USAGE: &str = "usage: convert IN --to csv|json|geojson|data-inclusion [-o OUT] [--lenient] [--redact-contacts] [--complete-insee]";

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut input, mut target, mut output) = (None, None, None);
    let (mut lenient, mut redact, mut complete_insee) = (false, false, false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--to" => {
                target = Some(match args.next().as_deref() {
                    Some("csv") => Target::Csv,
                    Some("json") => Target::Json,
                    Some("geojson") => Target::GeoJson,
                    Some("data-inclusion") => Target::DataInclusion,
                    other => {
                        return Err(format!(
                            "unknown --to {other:?}: use csv, json, geojson or data-inclusion"
                        ));
                    }
                })
            }
            "-o" | "--output" => output = Some(args.next().ok_or("-o needs a file name")?),
            "--lenient" => lenient = true,
            "--redact-contacts" => redact = true,
            "--complete-insee" => complete_insee = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{USAGE}")),
            s => {
                if input.replace(s.to_owned()).is_some() {
                    return Err(format!("only one input file can be given\n{USAGE}"));
                }
            }
        }
    }
    Ok(Args {
        input: input.ok_or(USAGE)?,
        target: target.ok_or(format!("--to is required\n{USAGE}"))?,
        output,
        lenient,
        redact,
        complete_insee,
    })
}

/// Mobile numbers: +33 6, +33 7, and the overseas mobile ranges (+590 69, +594 694, +596 696,
/// +262 69, +269 639, +687 7/8/9, +689 87/88/89, +508 55, +681 8).
fn write(args: &Args, places: &[Place], out: &mut dyn Write) -> Result<(), String> {
    let result = match args.target {
        Target::Csv => inclusion::model::write_csv(places, &mut *out),
        Target::Json => inclusion::model::write_json(places, &mut *out),
        Target::GeoJson => inclusion::model::write_geojson(places, &mut *out),
        Target::DataInclusion => {
            let source = places
                .iter()
                .find_map(|p| p.source.clone())
                .unwrap_or_else(|| "inclusion".to_owned());
            let export = inclusion::exchange::data_inclusion::to_data_inclusion(places, &source);
            for d in &export.diagnostics {
                eprintln!("{d}");
            }
            let value = serde_json::json!({
                "structures": export.structures,
                "services": export.services,
            });
            serde_json::to_writer_pretty(&mut *out, &value)
                .map_err(inclusion::model::ModelError::from)
        }
    };
    result.map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let options = ReadOptions::default().with_lenient(args.lenient);
    let report = match read_path(&args.input, &options) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    for d in &report.diagnostics {
        eprintln!("{d}");
    }
    if let Some(d) = report.unreadable() {
        eprintln!("{}: cannot be read: {}", args.input, d.message_en());
        return ExitCode::from(2);
    }
    let mut places = report.places.clone();
    if args.redact {
        let r = inclusion::model::redact::redact_contacts(&mut places);
        eprintln!(
            "redacted {} e-mail addresses and {} mobile phone numbers",
            r.emails, r.mobile_phones
        );
    }
    if args.complete_insee {
        let report = inclusion::enrich::complete_insee_codes(
            &mut places,
            inclusion::territory::communes::Gazetteer::embedded(),
        );
        eprintln!("{}", report.summary());
    }
    let written = match &args.output {
        Some(path) => std::fs::File::create(path)
            .map_err(|e| format!("cannot create {path}: {e}"))
            .and_then(|f| write(&args, &places, &mut std::io::BufWriter::new(f))),
        None => write(&args, &places, &mut std::io::stdout().lock()),
    };
    if let Err(e) = written {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    eprintln!(
        "{}: standard {} ({:?}), {} rows, {} places written, {} rows with errors, {} warnings",
        args.input,
        report.version,
        report.format,
        report.rows,
        places.len(),
        report.invalid_rows,
        report.warnings().count()
    );
    if report.invalid_rows > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
