//! `inclusion near (--near NAME|POSTCODE|INSEE | --lat LAT --lon LON) [-k N] [--radius-km R]
//! [criteria...] [--open-now | --open-at T] [--at T] [--data FILE] [--format text|json]`.

use chrono::Utc;
use chrono_tz::Europe::Paris;
use inclusion::geo::render::nearby_text;
use inclusion::geo::{HelpFilter, HelpIndex, HelpQuery, NearbyPlace};
use inclusion::model::Lang;

use crate::args::{criteria, instant, origin, places};
use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Format, Near};
use crate::output::Output;

/// The nearest places; exit 0 (also when none matches: the answer is then an empty list).
pub fn run(f: &Near, ctx: Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    if f.k == 0 {
        return Err(CliError::input(lang.pick(
            "-k doit valoir au moins 1\nc'est le nombre de lieux à donner.",
            "-k must be at least 1\nit is the number of places to list.",
        )));
    }
    if let Some(km) = f.radius_km
        && !(km.is_finite() && km >= 0.0)
    {
        return Err(CliError::input(match lang {
            Lang::Fr => format!("--radius-km {km} : donnez une distance en kilomètres, positive."),
            Lang::En => format!("--radius-km {km}: give a distance in kilometres, 0 or more."),
        }));
    }
    let mut filter = HelpFilter::from(criteria(&f.criteria, lang)?);
    let mut at = Utc::now();
    if f.open_now {
        filter = filter.open_at(at);
    }
    if let Some(text) = &f.open_at {
        at = instant(text, Paris, "--open-at", lang)?;
        filter = filter.open_at(at);
    }
    if let Some(text) = &f.at {
        at = instant(text, Paris, "--at", lang)?;
    }
    if f.position.near.is_none() && f.position.lat.is_none() {
        return Err(CliError::input(lang.pick(
            "d'où chercher ? donnez --near (commune, code postal ou code INSEE) ou --lat et --lon.",
            "search from where? give --near (commune, postcode or code INSEE) or --lat and --lon.",
        )));
    }
    let json = f.format == Format::Json;
    // The gazetteer (for --near) and the places with their index load side by side.
    let (from, loaded) = std::thread::scope(|scope| {
        let from = scope.spawn(|| origin(&f.position, lang));
        let loaded = places(f.data.as_deref(), lang, ctx.quiet, ctx.progress(json)).and_then(
            |(places, source)| {
                let index = HelpIndex::build(places).map_err(|e| CliError::input(e.to_string()))?;
                Ok((index, source))
            },
        );
        (from.join(), loaded)
    });
    let from = from
        .unwrap_or_else(|_| Err(CliError::input("the commune lookup stopped")))?
        .ok_or_else(|| CliError::input("no position"))?;
    let (index, source) = loaded?;
    let mut query = HelpQuery::nearest(from.latitude, from.longitude, f.k).filter(filter);
    if let Some(km) = f.radius_km {
        query = query.max_distance_m(km * 1000.0);
    }
    let hits = index
        .query(&query)
        .map_err(|e| CliError::input(e.to_string()))?;
    let mut out = Output::stdout(lang);
    if json {
        let answers: Vec<NearbyPlace> = hits.iter().filter_map(|h| index.describe(h, at)).collect();
        out.write_json(&answers, true)?;
    } else {
        out.write_str(&nearby_text(&index, &hits, &from.label, &source, at, lang))?;
    }
    out.finish()?;
    Ok(Outcome::Success)
}
