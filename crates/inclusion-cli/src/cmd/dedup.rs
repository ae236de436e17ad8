//! `inclusion dedup FILE... [-o MERGED [--to csv|json|geojson|data-inclusion]]
//! [--pairs PAIRS.csv] [--review REVIEW.csv] [--report REPORT.json] [--config FILE]
//! [--allow-internal] [--format text|json]`: `inclusion::merge` from files to files.

use std::path::Path;

use inclusion::merge::{
    Config, InputSet, MergeError, dedup, write_pairs_csv, write_review_csv, write_text,
};
use inclusion::model::Lang;
use inclusion::model::render::{EXCERPT_CHARS, excerpt};

use crate::args::{note_rows_left_out, unreadable};
use crate::cmd::convert::{Writing, write_places};
use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Dedup, Format, Target};
use crate::input::{read_input, read_text};
use crate::output::{Output, eprintln};
use crate::progress::Progress;

/// The pairs on the standard output (text or JSON), the files asked for; exit 0, or 1 when
/// rows of the input were left out (errors in required fields), 2 when a file cannot be read
/// or written.
pub fn run(f: &Dedup, ctx: Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let json = f.format == Format::Json;
    let mut config = match &f.config {
        Some(path) => read_config(path, lang)?,
        None => Config::default(),
    };
    if f.allow_internal {
        config.allow_internal = true;
    }
    config
        .validate()
        .map_err(|e| CliError::input(excerpt(&e.to_string(), 4 * EXCERPT_CHARS)))?;
    if f.inputs.iter().filter(|p| *p == "-").count() > 1 {
        return Err(CliError::input(lang.pick(
            "l'entrée standard (-) ne peut être lue qu'une fois\ndonnez - une seule fois.",
            "the standard input (-) can be read only once\ngive - once.",
        )));
    }
    let mut input = InputSet::new();
    let mut left_out = false;
    for path in &f.inputs {
        let (bytes, name) = read_input(path, lang, ctx.progress(json))?;
        let added = if path == "-" {
            input.add_bytes("stdin", &bytes)
        } else {
            input.add_path_bytes(path, &bytes)
        };
        let file = added.map_err(|e| match e {
            MergeError::Unreadable { diagnostic, .. } => unreadable(&name, &diagnostic, lang),
            other => CliError::input(other.to_string()),
        })?;
        left_out |= file.places < file.rows;
        if !ctx.quiet {
            let errors = file.diagnostics.iter().filter(|d| d.is_error());
            note_rows_left_out(&name, file.rows, file.places, errors, lang);
        }
    }
    // Open the files before the work, so that a bad path fails at once.
    let open = |p: &Option<std::path::PathBuf>| p.as_deref().map(|p| Output::file(p, lang));
    let merged_out = open(&f.output).transpose()?;
    let pairs_out = open(&f.pairs).transpose()?;
    let review_out = open(&f.review).transpose()?;
    let report_out = open(&f.report).transpose()?;
    let report = {
        let _bar = Progress::start(
            lang.pick("recherche des doublons", "finding duplicates"),
            None,
            ctx.progress(json),
        );
        dedup(&input, &config).map_err(|e| CliError::input(e.to_string()))?
    };
    let mut out = Output::stdout(lang);
    if json {
        // Streamed: the JSON of many pairs with their reasons is several times the input's
        // size (470 MB for a file of 5.8 MB whose places repeat twenty times each).
        out.write_json(&report.pairs, true)?;
    } else {
        out.write_with(|w| write_text(&report, lang, w), |e| e.to_string())?;
    }
    out.finish()?;
    let mut wrote = Vec::new();
    if let (Some(mut out), Some(path)) = (merged_out, &f.output) {
        let to = f.to.unwrap_or_else(|| target_of(path));
        write_places(
            &mut out,
            &report.places,
            to,
            &Writing::default(),
            &path.display().to_string(),
            ctx,
        )?;
        out.finish()?;
        let merged = report.merged.len();
        let conflicts: usize = report.merged.iter().map(|m| m.conflicts.len()).sum();
        let places = report.places.len();
        wrote.push((
            path,
            match lang {
                Lang::Fr => format!(
                    "{places} lieu(x) dont {merged} fusionné(s) ; {conflicts} conflit(s) de valeurs, détaillé(s) par --report"
                ),
                Lang::En => format!(
                    "{places} place(s), {merged} of them merged; {conflicts} conflicting value(s), detailed by --report"
                ),
            },
        ));
    }
    let pairs = &report.pairs;
    if let (Some(mut out), Some(path)) = (pairs_out, &f.pairs) {
        out.write_with(
            |w| write_pairs_csv(pairs, &input.places, w),
            |e| e.to_string(),
        )?;
        out.finish()?;
        wrote.push((path, count(pairs.pairs.len(), lang)));
    }
    if let (Some(mut out), Some(path)) = (review_out, &f.review) {
        out.write_with(
            |w| write_review_csv(pairs, &input.places, w),
            |e| e.to_string(),
        )?;
        out.finish()?;
        wrote.push((path, count(pairs.stats.reviews, lang)));
    }
    if let (Some(mut out), Some(path)) = (report_out, &f.report) {
        out.write_json(&report, true)?;
        out.finish()?;
        wrote.push((
            path,
            lang.pick("rapport complet", "whole report").to_owned(),
        ));
    }
    if !ctx.quiet {
        for (path, what) in wrote {
            eprintln(&match lang {
                Lang::Fr => format!("écrit {} ({what})", path.display()),
                Lang::En => format!("wrote {} ({what})", path.display()),
            });
        }
    }
    Ok(if left_out {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

/// The format of `-o MERGED` from its extension: `.json`, `.geojson`, otherwise CSV.
fn target_of(path: &Path) -> Target {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "json" => Target::Json,
        "geojson" => Target::Geojson,
        _ => Target::Csv,
    }
}

fn count(pairs: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{pairs} paire(s)"),
        Lang::En => format!("{pairs} pair(s)"),
    }
}

/// `--config FILE`: the rules as JSON, values left out at their defaults.
fn read_config(path: &str, lang: Lang) -> Result<Config, CliError> {
    let (text, name) = read_text(path, lang)?;
    serde_json::from_str(&text).map_err(|e| {
        let why = excerpt(&e.to_string(), 2 * EXCERPT_CHARS);
        CliError::input(match lang {
            Lang::Fr => format!(
                "{name} n'est pas une configuration de déduplication : {why}\nvoyez schemas/dedup-config.schema.json."
            ),
            Lang::En => format!(
                "{name} is not a deduplication configuration: {why}\nsee schemas/dedup-config.schema.json."
            ),
        })
    })
}
