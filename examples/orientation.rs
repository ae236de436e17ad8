//! Orientation after a digital-skills diagnostic: profile, DSI class, recommended
//! accompaniment with its explanation, and the help to look for.
//!
//! ```sh
//! cargo run --release --example orientation -- examples/skills-no-skills-urgent.json --near Lyon
//! cargo run --release --example orientation -- examples/skills-confident-needs-equipment.json --lat 45.19 --lon 5.72 -k 5
//! cargo run --release --example orientation -- ANSWERS.json --format json
//! cargo run --release --example orientation -- --questionnaire
//! cargo run --release --example orientation -- --eurostat examples/skills-eurostat.json --format json
//! ```
//!
//! With a position (`--near` a commune name, postcode or code INSEE, or `--lat`/`--lon`), the
//! `k` nearest embedded places (default 3) that give the recommended help are listed, open or
//! not at this moment; when fewer than `k` match, the search drops the specific-support
//! criterion, then the support modes, and says so.
//!
//! Options: `--lang fr|en` (text output, default fr); `--format text|json`. Answers are read,
//! scored and printed; nothing is stored.

use std::process::ExitCode;

use chrono::Utc;
use inclusion::data::sample_places;
use inclusion::geo::HelpIndex;
use inclusion::orient::nearest_for_needs;
use inclusion::skills::{self, Answers, HelpNeeds, Lang, Questionnaire, eurostat, render};
use inclusion::territory::communes::Gazetteer;

const USAGE: &str = "usage:
  orientation ANSWERS.json [--near COMMUNE | --lat LAT --lon LON] [-k K] [--format text|json] [--lang fr|en]
  orientation --questionnaire
  orientation --eurostat FILE [--format text|json]";

#[derive(Debug, Default)]
struct Args {
    answers: Option<String>,
    questionnaire: bool,
    eurostat: Option<String>,
    json: bool,
    english: bool,
    near: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    k: usize,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        k: 3,
        ..Args::default()
    };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--questionnaire" => a.questionnaire = true,
            "--eurostat" => a.eurostat = Some(value("--eurostat")?),
            "--format" => match value("--format")?.as_str() {
                "json" => a.json = true,
                "text" => a.json = false,
                other => return Err(format!("--format takes text or json, not '{other}'")),
            },
            "--lang" => match value("--lang")?.as_str() {
                "fr" => a.english = false,
                "en" => a.english = true,
                other => return Err(format!("--lang takes fr or en, not '{other}'")),
            },
            "--near" => a.near = Some(value("--near")?),
            "--lat" => a.lat = Some(number(&value("--lat")?, "--lat")?),
            "--lon" => a.lon = Some(number(&value("--lon")?, "--lon")?),
            "-k" => {
                let v = value("-k")?;
                a.k = v
                    .parse()
                    .map_err(|_| format!("-k takes a whole number, not '{v}'"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            s => {
                if a.answers.replace(s.to_owned()).is_some() {
                    return Err("give one answers file".to_owned());
                }
            }
        }
    }
    if a.near.is_some() && (a.lat.is_some() || a.lon.is_some()) {
        return Err("give either --near or --lat/--lon, not both".to_owned());
    }
    if a.lat.is_some() != a.lon.is_some() {
        return Err("--lat and --lon go together".to_owned());
    }
    let modes = usize::from(a.answers.is_some())
        + usize::from(a.questionnaire)
        + usize::from(a.eurostat.is_some());
    if modes != 1 {
        return Err("give an answers file, --questionnaire, or --eurostat FILE".to_owned());
    }
    Ok(a)
}

fn number(s: &str, name: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("{name} takes a number in degrees, not '{s}'"))
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
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
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    if args.questionnaire {
        println!(
            "{}",
            serde_json::to_string_pretty(Questionnaire::builtin()).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    if let Some(path) = &args.eurostat {
        let input =
            eurostat::EurostatInput::from_json_str(&read(path)?).map_err(|e| e.to_string())?;
        let assessment = eurostat::assess(&input).map_err(|e| e.to_string())?;
        if args.json {
            println!(
                "{}",
                serde_json::to_string(&assessment.result).map_err(|e| e.to_string())?
            );
        } else {
            let lang = if args.english { Lang::En } else { Lang::Fr };
            print!("{}", render::eurostat_text(&assessment, lang));
        }
        return Ok(());
    }
    let Some(path) = &args.answers else {
        return Err("no answers file".to_owned());
    };
    let position = position(args)?;
    let answers = Answers::from_json_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
    let assessment =
        skills::assess(Questionnaire::builtin(), &answers).map_err(|e| format!("{path}: {e}"))?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&assessment).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    let lang = if args.english { Lang::En } else { Lang::Fr };
    print!("{}", render::profile_text(&assessment, lang));
    println!();
    print!("{}", render::recommendation_text(&assessment, lang));
    println!();
    print!("{}", render::needs_text(&assessment.outcome.needs, lang));
    print_places(args, position, &assessment.outcome.needs, lang)
}

/// Where to search from: `--near` resolved with the gazetteer, or `--lat`/`--lon`.
fn position(args: &Args) -> Result<Option<(f64, f64, String)>, String> {
    Ok(Some(match (&args.near, args.lat, args.lon) {
        (Some(name), _, _) => {
            let (commune, point) = Gazetteer::embedded()
                .locate(name)
                .map_err(|e| e.to_string())?;
            (point.latitude, point.longitude, commune.label())
        }
        (None, Some(lat), Some(lon)) => (lat, lon, format!("{lat}, {lon}")),
        _ => return Ok(None),
    }))
}

fn print_places(
    args: &Args,
    position: Option<(f64, f64, String)>,
    needs: &HelpNeeds,
    lang: Lang,
) -> Result<(), String> {
    let Some((latitude, longitude, from)) = position else {
        return Ok(());
    };
    let index = HelpIndex::build(sample_places().iter().cloned()).map_err(|e| e.to_string())?;
    // The exact search first; looser ones only when it finds fewer than k places.
    let found =
        nearest_for_needs(&index, needs, latitude, longitude, args.k).map_err(|e| e.to_string())?;
    let source = lang.pick(
        "lieux embarqués, réseau Hinaura, Auvergne-Rhône-Alpes",
        "embedded places, Hinaura network, Auvergne-Rhône-Alpes",
    );
    println!();
    print!("{}", found.text(&index, &from, source, lang, Utc::now()));
    Ok(())
}
