//! `inclusion near (--near NAME|POSTCODE|INSEE | --lat LAT --lon LON) [-k N] [--radius-km R]
//! [criteria...] [--open-now | --open-at T] [--at T] [--remote] [--cannot-travel] [--dedup]
//! [--data FILE] [--format text|json]`.
//!
//! `--near` searches around the commune (`inclusion::search`): its places by code INSEE plus
//! at most `k` others within the radius of its point. `--lat --lon` is the plain `k` nearest,
//! unless `--remote` or `--cannot-travel` asks for the remote list too (then a search around
//! the point, without a commune).

use chrono::Utc;
use chrono_tz::Europe::Paris;
use inclusion::geo::render::{nearby_text, search_text};
use inclusion::geo::sphere::MAX_DISTANCE_M;
use inclusion::geo::{
    CommuneSearch, HelpFilter, HelpIndex, HelpQuery, NearbyPlace, RemoteHelp, SearchedPlace,
};
use inclusion::merge::Config;
use inclusion::model::{Lang, Place};
use inclusion::search::{one_per_cluster, places_with_codes};
use inclusion::territory::communes::Gazetteer;

use crate::args::{criteria, instant, origin, places};
use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Format, Near};
use crate::output::{Output, eprintln};

/// The places around a commune, or the nearest; exit 0 (also when none matches: the answer
/// is then an empty list).
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
    let remote = if f.cannot_travel {
        RemoteHelp::First
    } else if f.remote {
        RemoteHelp::After
    } else {
        RemoteHelp::No
    };
    let around_commune = f.position.near.is_some();
    let json = f.format == Format::Json;
    // The gazetteer (for --near) and the places with their index load side by side.
    let (from, loaded) = std::thread::scope(|scope| {
        let from = scope.spawn(|| origin(&f.position, lang));
        let loaded = places(f.data.as_deref(), lang, ctx.quiet, ctx.progress(json)).and_then(
            |(places, source)| {
                // The embedded places come with their codes INSEE (completed when the file was
                // built); a file's are completed for a search around a commune.
                let completing = around_commune && f.data.is_some();
                let places = prepare(places, completing, f.dedup, ctx)?;
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
    let mut out = Output::stdout(lang);
    let search = match (from.commune.clone(), remote) {
        (Some(search), _) => Some(search),
        (None, RemoteHelp::After | RemoteHelp::First) => {
            Some(CommuneSearch::new(from.latitude, from.longitude).radius_m(MAX_DISTANCE_M))
        }
        (None, RemoteHelp::No) => None,
    };
    if let Some(search) = search {
        let mut search = search.k(f.k).filter(filter).remote(remote);
        if let Some(km) = f.radius_km {
            search = search.radius_m(km * 1000.0);
        }
        let found = index
            .search_commune(&search)
            .map_err(|e| CliError::input(e.to_string()))?;
        if json {
            let answers: Vec<SearchedPlace> = found
                .answers()
                .filter_map(|a| index.describe_answer(a, at))
                .collect();
            out.write_json(&answers, true)?;
        } else {
            out.write_str(&search_text(
                &index,
                &search,
                &found,
                &from.label,
                &source,
                at,
                lang,
            ))?;
        }
    } else {
        let mut query = HelpQuery::nearest(from.latitude, from.longitude, f.k).filter(filter);
        if let Some(km) = f.radius_km {
            query = query.max_distance_m(km * 1000.0);
        }
        let hits = index
            .query(&query)
            .map_err(|e| CliError::input(e.to_string()))?;
        if json {
            let answers: Vec<NearbyPlace> =
                hits.iter().filter_map(|h| index.describe(h, at)).collect();
            out.write_json(&answers, true)?;
        } else {
            out.write_str(&nearby_text(&index, &hits, &from.label, &source, at, lang))?;
        }
    }
    out.finish()?;
    Ok(Outcome::Success)
}

/// The places to index: codes INSEE completed (`completing`), one per cluster of duplicates
/// (`dedup`), each step reported on the standard error.
fn prepare(
    places: Vec<Place>,
    completing: bool,
    dedup: bool,
    ctx: Context,
) -> Result<Vec<Place>, CliError> {
    let lang = ctx.lang;
    let mut places = places;
    if completing {
        let (completed, completion) = places_with_codes(places, Gazetteer::embedded());
        places = completed;
        let missing = completion.completed.len() + completion.unresolved.len();
        if !ctx.quiet && missing > 0 {
            let summary = completion.summary(lang);
            eprintln(summary.lines().next().unwrap_or_default());
        }
    }
    if dedup {
        let before = places.len();
        let (kept, groups) = one_per_cluster(places, &Config::default())
            .map_err(|e| CliError::input(e.to_string()))?;
        places = kept;
        if !ctx.quiet {
            let (left_out, clusters) = (before - places.len(), groups.clusters.len());
            eprintln(&match lang {
                Lang::Fr => format!(
                    "--dedup : {left_out} lieu(x) laissé(s) de côté, doublon(s) d'un autre ({clusters} groupe(s)) ; le meilleur de chaque groupe est gardé."
                ),
                Lang::En => format!(
                    "--dedup: {left_out} place(s) left out as duplicates of another ({clusters} cluster(s)); the best of each cluster is kept."
                ),
            });
        }
    }
    Ok(places)
}
