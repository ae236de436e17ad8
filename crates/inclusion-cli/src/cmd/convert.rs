//! `inclusion convert FILE|- --to csv|json|geojson|data-inclusion [-o OUT] [--lenient]
//! [--redact-contacts] [--fix-hours] [--complete-insee] [--drop-unknown-columns] [--source NAME]
//! [--max-per-code N] [--threads N]`.

use inclusion::enrich::complete_insee_codes;
use inclusion::exchange::data_inclusion::to_data_inclusion;
use inclusion::model::hours_fix::fix_hours;
use inclusion::model::redact::redact_contacts;
use inclusion::model::render::{diagnostic_text, excerpt, report_text};
use inclusion::model::{
    Lang, Place, ReadOptions, WriteOptions, write_csv_with, write_geojson_with, write_json_with,
};
use inclusion::territory::communes::Gazetteer;

use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Convert, Target};
use crate::input::read_places;
use crate::output::{Output, eprint, eprintln};
use crate::progress::Progress;

/// The problems of the input and what was changed go to the standard error; exit 0 when no
/// row has an error, 1 when rows were left out, 2 when nothing could be read or written.
pub fn run(f: &Convert, ctx: Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let options = ReadOptions::default()
        .with_lenient(f.lenient)
        .with_max_diagnostics_per_code(f.max_per_code)
        .with_threads(f.threads.get().get());
    let (report, name) = read_places(&f.input, &options, lang, ctx.progress(false))?;
    if let Some(d) = report.unreadable() {
        return Err(CliError::input(match lang {
            Lang::Fr => format!("{name} ne peut pas être lu : {}", d.message_fr()),
            Lang::En => format!("{name} cannot be read: {}", d.message_en()),
        }));
    }
    // Open the output before the work, so that a bad path fails at once.
    let mut out = Output::to(f.output.as_deref(), lang)?;
    if !ctx.quiet {
        eprint(&report_text(&report, &name, lang));
    }
    let mut places = report.places;
    if f.fix_hours {
        for fix in fix_hours(&mut places) {
            if !ctx.quiet {
                eprintln(&match lang {
                    Lang::Fr => format!(
                        "{}: horaires « {} » → « {} »",
                        excerpt(&fix.id, 40),
                        excerpt(&fix.before, 120),
                        fix.after
                    ),
                    Lang::En => format!(
                        "{}: horaires '{}' → '{}'",
                        excerpt(&fix.id, 40),
                        excerpt(&fix.before, 120),
                        fix.after
                    ),
                });
            }
        }
    }
    if f.redact_contacts {
        let r = redact_contacts(&mut places);
        if !ctx.quiet {
            eprintln(&match lang {
                Lang::Fr => format!(
                    "{} adresse(s) e-mail et {} numéro(s) de mobile retirés ({} lieu(x)).",
                    r.emails, r.mobile_phones, r.places
                ),
                Lang::En => format!(
                    "removed {} e-mail address(es) and {} mobile number(s) ({} place(s)).",
                    r.emails, r.mobile_phones, r.places
                ),
            });
        }
    }
    if f.complete_insee {
        let completion = complete_insee_codes(&mut places, Gazetteer::embedded());
        if !ctx.quiet {
            eprintln(&completion.summary(lang));
        }
    }
    // Nothing read is lost: the columns outside the standard are written unless asked not to.
    let writing = Writing {
        options: WriteOptions::default().with_extra_columns(!f.drop_unknown_columns),
        source: &f.source,
    };
    {
        let _bar = Progress::start(lang.pick("écriture", "writing"), None, ctx.progress(false));
        write_places(&mut out, &places, f.to, &writing, &name, ctx)?;
        out.finish()?;
    }
    Ok(if report.invalid_rows > 0 {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

/// How places are written: which columns, and the data·inclusion source of the places that
/// give none.
pub struct Writing<'a> {
    /// The columns outside the standard, written or not.
    pub options: WriteOptions,
    /// `--source`: the data·inclusion source of a place without its own `source`.
    pub source: &'a str,
}

impl Default for Writing<'_> {
    /// Every column read; `inclusion` as the source of places without one.
    fn default() -> Self {
        Writing {
            options: WriteOptions::default(),
            source: "inclusion",
        }
    }
}

/// Writes `places` as `to` (the problems of a data·inclusion export go to the standard error,
/// naming the input `name`).
pub fn write_places(
    out: &mut Output,
    places: &[Place],
    to: Target,
    writing: &Writing<'_>,
    name: &str,
    ctx: Context,
) -> Result<(), CliError> {
    let options = &writing.options;
    match to {
        Target::Csv => out.write_with(|w| write_csv_with(places, w, options), |e| e.to_string()),
        Target::Json => {
            out.write_with(|w| write_json_with(places, w, options), |e| e.to_string())?;
            out.write_str("\n")
        }
        Target::Geojson => {
            out.write_with(
                |w| write_geojson_with(places, w, options),
                |e| e.to_string(),
            )?;
            out.write_str("\n")
        }
        Target::DataInclusion => {
            // Each place keeps its own source (see `to_data_inclusion`).
            let export = to_data_inclusion(places, writing.source);
            if !ctx.quiet {
                for d in &export.diagnostics {
                    eprint(&diagnostic_text(d, name, ctx.lang));
                }
            }
            /// `{"structures": [...], "services": [...]}`, serialised as it is: through a
            /// `serde_json::Value` it cost 8.2 G of the 10.4 G instructions of converting
            /// 100,000 places, and sorted each record's keys (ARCHITECTURE.md).
            #[derive(serde::Serialize)]
            struct Document<'a, S, V> {
                structures: &'a [S],
                services: &'a [V],
            }
            let document = Document {
                structures: &export.structures,
                services: &export.services,
            };
            out.write_json(&document, true)
        }
    }
}
