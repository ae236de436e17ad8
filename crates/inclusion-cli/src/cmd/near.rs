//! `inclusion near (COMMUNE | --near NAME|POSTCODE|INSEE | --lat LAT --lon LON) [-k N]
//! [--radius-km R] [criteria...] [--open-now | --open-at T] [--at T] [--remote]
//! [--cannot-travel] [--dedup] [--data FILE] [--format text|json]`.
//!
//! `COMMUNE` (or `--near`, the same) searches around the commune (`inclusion::search`): its
//! places by code INSEE plus at most `k` others within the radius of its point. `--lat --lon`
//! is the plain `k` nearest, unless `--remote` or `--cannot-travel` asks for the remote list
//! too (then a search around the point, without a commune).

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
use crate::flags::{Format, Near, Position};
use crate::output::{Output, eprintln};

/// What a search gives: the JSON answers of a search around a commune or of a plain nearest
/// query, or the text and whether it lists no place.
enum Answer {
    Searched(Vec<SearchedPlace>),
    Nearby(Vec<NearbyPlace>),
    Text(String, bool),
}

/// The places around a commune, or the nearest; exit 0 (also when none matches: the answer
/// is then an empty list). In text, when none is open at the time asked, the places that
/// match the other criteria are listed instead, under a line saying so, each with when it
/// opens next.
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
    let criteria_only = HelpFilter::from(criteria(&f.criteria, lang)?);
    let mut filter = criteria_only.clone();
    let mut at = Utc::now();
    if f.open_now {
        filter = filter.open_at(at);
    }
    if let Some(text) = &f.open_at {
        at = instant(text, Paris, "--open-at", lang)?;
        filter = filter.open_at(at);
    }
    let asks_open = filter.open_at.is_some();
    if let Some(text) = &f.at {
        at = instant(text, Paris, "--at", lang)?;
    }
    // `inclusion near Grenoble` is `inclusion near --near Grenoble`.
    let position = Position {
        near: f.position.near.clone().or_else(|| f.commune.clone()),
        ..f.position.clone()
    };
    if position.near.is_none() && position.lat.is_none() {
        return Err(CliError::input(lang.pick(
            "d'où chercher ? donnez une commune (inclusion near Grenoble ; ou un code postal, un code INSEE) ou --lat et --lon.",
            "search from where? give a commune (inclusion near Grenoble; or a postcode, a code INSEE) or --lat and --lon.",
        )));
    }
    let remote = if f.cannot_travel {
        RemoteHelp::First
    } else if f.remote {
        RemoteHelp::After
    } else {
        RemoteHelp::No
    };
    let around_commune = position.near.is_some();
    let json = f.format == Format::Json;
    // The gazetteer (for --near) and the places with their index load side by side.
    let (from, loaded) = std::thread::scope(|scope| {
        let from = scope.spawn(|| origin(&position, lang));
        let threads = f.threads.get();
        let read = places(
            f.data.as_deref(),
            lang,
            ctx.quiet,
            ctx.progress(json),
            threads,
        );
        let loaded = read.and_then(|(places, source)| {
            // The embedded places come with their codes INSEE (completed when the file was
            // built); a file's are completed for a search around a commune.
            let completing = around_commune && f.data.is_some();
            let places = prepare(places, completing, f.dedup, ctx)?;
            let index = HelpIndex::build_parallel(places, threads)
                .map_err(|e| CliError::input(e.to_string()))?;
            Ok((index, source))
        });
        (from.join(), loaded)
    });
    let from = from
        .unwrap_or_else(|_| Err(CliError::input("the commune lookup stopped")))?
        .ok_or_else(|| CliError::input("no position"))?;
    let (index, source) = loaded?;
    let search = match (from.commune.clone(), remote) {
        (Some(search), _) => Some(search),
        (None, RemoteHelp::After | RemoteHelp::First) => {
            Some(CommuneSearch::new(from.latitude, from.longitude).radius_m(MAX_DISTANCE_M))
        }
        (None, RemoteHelp::No) => None,
    };
    let answer = |filter: HelpFilter| -> Result<Answer, CliError> {
        if let Some(search) = &search {
            let mut search = search.clone().k(f.k).filter(filter).remote(remote);
            if let Some(km) = f.radius_km {
                search = search.radius_m(km * 1000.0);
            }
            let found = index
                .search_commune(&search)
                .map_err(|e| CliError::input(e.to_string()))?;
            Ok(if json {
                let answers: Vec<SearchedPlace> = found
                    .answers()
                    .filter_map(|a| index.describe_answer(a, at))
                    .collect();
                Answer::Searched(answers)
            } else {
                let empty = found.answers().next().is_none();
                let text = search_text(&index, &search, &found, &from.label, &source, at, lang);
                Answer::Text(text, empty)
            })
        } else {
            let mut query = HelpQuery::nearest(from.latitude, from.longitude, f.k).filter(filter);
            if let Some(km) = f.radius_km {
                query = query.max_distance_m(km * 1000.0);
            }
            let hits = index
                .query(&query)
                .map_err(|e| CliError::input(e.to_string()))?;
            Ok(if json {
                Answer::Nearby(hits.iter().filter_map(|h| index.describe(h, at)).collect())
            } else {
                let text = nearby_text(&index, &hits, &from.label, &source, at, lang);
                Answer::Text(text, hits.is_empty())
            })
        }
    };
    let mut out = Output::stdout(lang);
    match answer(filter)? {
        Answer::Searched(answers) => out.write_json(&answers, true)?,
        Answer::Nearby(answers) => out.write_json(&answers, true)?,
        Answer::Text(text, empty) => {
            // Nothing open at that time (at night, on a Sunday): rather than an empty answer,
            // the places that match the other criteria, each with when it opens next.
            let closed = match (empty && asks_open).then(|| answer(criteria_only)) {
                Some(Ok(Answer::Text(text, false))) => Some(text),
                Some(Err(e)) => return Err(e),
                _ => None,
            };
            match closed {
                Some(closed) => {
                    out.write_str(lang.pick(
                        "Aucun lieu qui correspond n'est ouvert à cette heure ; les voici sans cette condition, avec leur prochaine ouverture.\n\n",
                        "No matching place is open at that time; here they are without that condition, with when they open next.\n\n",
                    ))?;
                    out.write_str(&closed)?;
                }
                None => out.write_str(&text)?,
            }
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
