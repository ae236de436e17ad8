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
    if f.questionnaire {
        out.write_json(Questionnaire::builtin(), true)?;
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
            out.write_json(&assessment.result, false)?;
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
        out.write_json(&assessment, true)?;
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
