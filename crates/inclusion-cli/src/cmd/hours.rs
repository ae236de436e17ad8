//! `inclusion hours TEXT [--from-french] [--describe] [--at T] [--postcode P | --insee CODE]
//! [--format text|json]`.

use chrono::Utc;
use inclusion::hours::render::{FrenchHoursReport, HoursReport, conversion_text, hours_text};
use inclusion::hours::{Locale, OpeningHours, from_french, suggest_osm};
use inclusion::model::Lang;
use inclusion::model::render::{EXCERPT_CHARS, excerpt};

use crate::args::instant;
use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Format, Hours};
use crate::output::Output;

/// Exit 0; with `--from-french`, 1 when the text has no faithful OSM value; 2 for hours that
/// do not parse.
pub fn run(f: &Hours, ctx: Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let locale = match (&f.postcode, &f.insee) {
        (_, Some(insee)) => Locale::for_codes("", Some(insee)),
        (Some(postcode), None) => Locale::for_codes(postcode, None),
        (None, None) => Locale::for_codes("75001", None),
    };
    let at = match &f.at {
        Some(text) => instant(text, locale.tz, "--at", lang)?,
        None => Utc::now(),
    };
    let json = f.format == Format::Json;
    let mut out = Output::stdout(lang);
    let mut outcome = Outcome::Success;
    let hours = if f.from_french {
        let conversion = from_french(&f.text);
        if conversion.osm.is_none() {
            outcome = Outcome::Problems;
        }
        if json && !f.describe {
            let report = FrenchHoursReport::new(conversion, at, locale, lang);
            out.write_json(&report, true)?;
            out.finish()?;
            return Ok(outcome);
        }
        if !f.describe {
            out.write_str(&conversion_text(&conversion, lang))?;
        }
        match conversion.opening_hours() {
            Some(h) => h,
            None => {
                out.finish()?;
                return Ok(outcome);
            }
        }
    } else {
        let hours = OpeningHours::new(f.text.as_str());
        if let Some(why) = hours.parse_error() {
            return Err(not_osm(&f.text, why, lang));
        }
        hours
    };
    if f.describe {
        let words = hours.describe(lang).unwrap_or_default();
        if json {
            let value = serde_json::json!({ "osm": hours.as_str(), "description": words });
            out.write_json(&value, true)?;
        } else {
            out.write_str(&format!("{words}\n"))?;
        }
    } else if json {
        let report = HoursReport::new(Some(&hours), at, locale, lang);
        out.write_json(&report, true)?;
    } else {
        if f.from_french {
            out.write_str("\n")?;
        }
        out.write_str(&hours_text(&hours, at, locale, lang).unwrap_or_default())?;
    }
    out.finish()?;
    Ok(outcome)
}

/// Hours that do not parse: why, and the OSM value when the text reads as French.
fn not_osm(text: &str, why: &str, lang: Lang) -> CliError {
    let shown = excerpt(text, EXCERPT_CHARS);
    let why = excerpt(why, 2 * EXCERPT_CHARS);
    let suggestion = suggest_osm(text).and_then(|c| c.osm);
    CliError::input(match (lang, suggestion) {
        (Lang::Fr, Some(osm)) => format!(
            "« {shown} » n'est pas dans la syntaxe OpenStreetMap opening_hours ({why})\nécrit en français, il se lit « {osm} » : voyez inclusion hours --from-french."
        ),
        (Lang::En, Some(osm)) => format!(
            "'{shown}' is not OpenStreetMap opening_hours syntax ({why})\nread as French it is '{osm}': see inclusion hours --from-french."
        ),
        (Lang::Fr, None) => format!(
            "« {shown} » n'est pas dans la syntaxe OpenStreetMap opening_hours ({why})\nécrivez par exemple « Mo-Fr 09:00-12:00 », ou essayez --from-french."
        ),
        (Lang::En, None) => format!(
            "'{shown}' is not OpenStreetMap opening_hours syntax ({why})\nwrite e.g. 'Mo-Fr 09:00-12:00', or try --from-french."
        ),
    })
}
