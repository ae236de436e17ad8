//! `inclusion orient ANSWERS.json|- [--near ... | --lat --lon] [-k N] [--format text|json]`,
//! `inclusion orient --questionnaire`, `inclusion orient --eurostat FILE [--format json]`.

use chrono::Utc;
use inclusion::geo::HelpIndex;
use inclusion::orient::nearest_for_needs;
use inclusion::skills::{Answers, Questionnaire, assess, eurostat, render};

use crate::args::origin;
use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Format, Orient};
use crate::input::read_text;
use crate::output::Output;

/// The assessment (and the nearest places when a position is given), the questionnaire, or
/// the Eurostat class. Answers are read, scored and printed; nothing is stored.
pub fn run(f: &Orient, ctx: Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let json = f.format == Format::Json;
    let mut out = Output::stdout(lang);
    let pretty = |out: &mut Output, value: &dyn erased::Json| -> Result<(), CliError> {
        out.write_with(|w| value.write(w), |e| e.to_string())?;
        out.write_str("\n")
    };
    if f.questionnaire {
        pretty(&mut out, &Questionnaire::builtin())?;
        out.finish()?;
        return Ok(Outcome::Success);
    }
    if let Some(path) = &f.eurostat {
        let (text, name) = read_text(path, lang)?;
        let input = eurostat::EurostatInput::from_json_str(&text)
            .map_err(|e| CliError::input(format!("{name}: {e}")))?;
        let assessment =
            eurostat::assess(&input).map_err(|e| CliError::input(format!("{name}: {e}")))?;
        if json {
            out.write_with(
                |w| serde_json::to_writer(w, &assessment.result),
                |e| e.to_string(),
            )?;
            out.write_str("\n")?;
        } else {
            out.write_str(&render::eurostat_text(&assessment, lang))?;
        }
        out.finish()?;
        return Ok(Outcome::Success);
    }
    let Some(path) = &f.answers else {
        return Err(CliError::input(lang.pick(
            "donnez un fichier de réponses, --questionnaire ou --eurostat FICHIER.",
            "give an answers file, --questionnaire or --eurostat FILE.",
        )));
    };
    if f.k == 0 {
        return Err(CliError::input(lang.pick(
            "-k doit valoir au moins 1\nc'est le nombre de lieux à donner.",
            "-k must be at least 1\nit is the number of places to list.",
        )));
    }
    let from = origin(&f.position, lang)?;
    let (text, name) = read_text(path, lang)?;
    let answers =
        Answers::from_json_str(&text).map_err(|e| CliError::input(format!("{name}: {e}")))?;
    let assessment = assess(Questionnaire::builtin(), &answers)
        .map_err(|e| CliError::input(format!("{name}: {e}")))?;
    if json {
        pretty(&mut out, &assessment)?;
        out.finish()?;
        return Ok(Outcome::Success);
    }
    let mut text = render::profile_text(&assessment, lang);
    text.push('\n');
    text.push_str(&render::recommendation_text(&assessment, lang));
    text.push('\n');
    text.push_str(&render::needs_text(&assessment.outcome.needs, lang));
    if let Some(from) = from {
        let index = HelpIndex::build(inclusion::data::sample_places().iter().cloned())
            .map_err(|e| CliError::input(e.to_string()))?;
        let found = nearest_for_needs(
            &index,
            &assessment.outcome.needs,
            from.latitude,
            from.longitude,
            f.k,
        )
        .map_err(|e| CliError::input(e.to_string()))?;
        let source = lang.pick(
            "lieux embarqués, réseau Hinaura, Auvergne-Rhône-Alpes",
            "embedded places, Hinaura network, Auvergne-Rhône-Alpes",
        );
        text.push('\n');
        text.push_str(&found.text(&index, &from.label, source, lang, Utc::now()));
    }
    out.write_str(&text)?;
    out.finish()?;
    Ok(Outcome::Success)
}

/// Pretty JSON of any serialisable value behind a `dyn`.
mod erased {
    use std::io::Write;

    /// A value written as pretty JSON.
    pub trait Json {
        /// Writes the value.
        fn write(&self, w: &mut dyn Write) -> Result<(), serde_json::Error>;
    }

    impl<T: serde::Serialize> Json for T {
        fn write(&self, w: &mut dyn Write) -> Result<(), serde_json::Error> {
            serde_json::to_writer_pretty(w, self)
        }
    }
}
