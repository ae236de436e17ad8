//! `inclusion validate FILE|- [--level standard|strict] [--format text|json] [--lenient]
//! [--max-per-code N] [--threads N]`.

use inclusion::model::render::report_text;
use inclusion::model::wire::ValidationReport;
use inclusion::model::{Lang, Level, ReadOptions};

use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Format, LevelFlag, Validate};
use crate::input::read_places;
use crate::output::Output;

/// Exit 0 when no row has an error, 1 when some row has one, 2 when the input cannot be read.
pub fn run(f: &Validate, ctx: Context) -> Result<Outcome, CliError> {
    let json = f.format == Format::Json;
    let level = match f.level {
        LevelFlag::Standard => Level::Standard,
        LevelFlag::Strict => Level::Strict,
    };
    // The places are validated then dropped: memory holds the problems listed and, for a
    // CSV file, a chunk of it at a time (the whole file for JSON or the standard input).
    let options = ReadOptions::default()
        .with_level(level)
        .with_lenient(f.lenient)
        .with_max_diagnostics_per_code(f.max_per_code)
        .with_keep_places(false)
        .with_threads(f.threads.get().get());
    let (report, name) = read_places(&f.input, &options, ctx.lang, ctx.progress(json))?;
    let mut out = Output::stdout(ctx.lang);
    if json {
        out.write_json(&ValidationReport::from(&report), false)?;
    } else {
        out.write_str(&report_text(&report, &name, ctx.lang))?;
    }
    out.finish()?;
    if let Some(d) = report.unreadable() {
        return Err(CliError::input(match ctx.lang {
            Lang::Fr => format!("{name} ne peut pas être lu : {}", d.message_fr()),
            Lang::En => format!("{name} cannot be read: {}", d.message_en()),
        }));
    }
    Ok(if report.invalid_rows > 0 {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}
