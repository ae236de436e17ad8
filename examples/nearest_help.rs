//! The nearest places that can help, from a commune name or a position.
//!
//! ```sh
//! cargo run --release --example nearest_help -- --near "Grenoble" \
//!     --service "Aide aux démarches administratives" --open-at 2026-12-01T10:00 -k 5
//! cargo run --release --example nearest_help -- --lat 45.19 --lon 5.72 --radius-km 30 --format json
//! cargo run --release --example nearest_help -- --near "Valence (26)" --data lieux.csv
//! ```
//!
//! Options: `--near NAME|CODE INSEE|POSTCODE` or `--lat LAT --lon LON`; `--service LABEL`,
//! `--public LABEL`, `--fee LABEL`, `--support LABEL` (each repeatable: any of the values);
//! `--receives-public` (exclude « Ce lieu n'accueille pas de public »); `--open-now` or
//! `--open-at YYYY-MM-DDTHH:MM` (Paris time, or RFC 3339 with an offset); `--at INSTANT` (show
//! open or closed at that instant without filtering; default now); `-k N` (default 5);
//! `--radius-km KM`; `--data FILE` (any standard CSV or JSON file); `--format text|json`.
//!
//! Search as users mean it: `--commune` (with `--near`) answers with every place of the commune
//! (by code INSEE, completed from the postcode and commune name for places without one) plus
//! at most `k` others within `--radius-km` (default 10) of its point, each marked "in the
//! commune" or not; `--remote` adds the places that give help at a distance, in their own list
//! after the others and without a distance; `--cannot-travel` lists them first. With these
//! flags `--format json` prints `[{"id","nom","distance_m","in_commune","remote","latitude",
//! "longitude","open","next_change"}]` (see `inclusion::search`).
//!
//! Without `--data`, the places are the embedded real places (687 lieux of the Hinaura network
//! in Auvergne-Rhône-Alpes, see `data/README.md`); `--data` reads any standard file (CSV or
//! JSON, v0.1 or v1) with the standard's reader, keeping rows whose errors are in optional fields.

use std::process::ExitCode;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use inclusion::geo::{
    CommuneSearch, HelpFilter, HelpIndex, HelpQuery, NearbyPlace, RemoteHelp, SearchedPlace,
};
use inclusion::model::{
    AccessMode, Fee, Place, Public, ReadOptions, Service, SupportMode, read_path,
};
use inclusion::territory::communes::Gazetteer;

/// The command line, parsed.
struct Args {
    near: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    filter: HelpFilter,
    at: Option<DateTime<Utc>>,
    k: usize,
    radius_km: Option<f64>,
    data: Option<String>,
    json: bool,
    commune: bool,
    remote: RemoteHelp,
}

fn usage() -> &'static str {
    "usage: nearest_help (--near NAME | --lat LAT --lon LON) [--service LABEL]... [--public LABEL]... \
     [--fee LABEL]... [--support LABEL]... [--receives-public] [--open-now | --open-at 2026-12-01T10:00] [--at 2026-12-01T10:00] \
     [-k 5] [--radius-km 30] [--data FILE] [--format text|json] [--commune] [--remote | --cannot-travel]"
}

fn parse_args(argv: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args {
        near: None,
        lat: None,
        lon: None,
        filter: HelpFilter::default(),
        at: None,
        k: 5,
        radius_km: None,
        data: None,
        json: false,
        commune: false,
        remote: RemoteHelp::No,
    };
    let mut argv = argv.peekable();
    while let Some(flag) = argv.next() {
        let mut value = || {
            argv.next()
                .ok_or_else(|| format!("{flag} needs a value\n{}", usage()))
        };
        let number = |v: String| {
            v.parse::<f64>()
                .map_err(|_| format!("{flag}: '{v}' is not a number"))
        };
        match flag.as_str() {
            "--near" => args.near = Some(value()?),
            "--lat" => args.lat = Some(number(value()?)?),
            "--lon" => args.lon = Some(number(value()?)?),
            "--service" => args
                .filter
                .criteria
                .services
                .push(value()?.parse::<Service>().map_err(|e| format!("{e}"))?),
            "--public" => args
                .filter
                .criteria
                .publics
                .push(value()?.parse::<Public>().map_err(|e| format!("{e}"))?),
            "--fee" => args
                .filter
                .criteria
                .fees
                .push(value()?.parse::<Fee>().map_err(|e| format!("{e}"))?),
            "--support" => args.filter.criteria.support_modes.push(
                value()?
                    .parse::<SupportMode>()
                    .map_err(|e| format!("{e}"))?,
            ),
            "--receives-public" => args
                .filter
                .criteria
                .exclude_access_modes
                .push(AccessMode::NoPublicReception),
            "--open-now" => args.filter.open_at = Some(Utc::now()),
            "--open-at" => args.filter.open_at = Some(parse_instant(&value()?)?),
            "--at" => args.at = Some(parse_instant(&value()?)?),
            "-k" => {
                let v = value()?;
                args.k = v
                    .parse()
                    .map_err(|_| format!("-k: '{v}' is not a whole number"))?;
            }
            "--radius-km" => args.radius_km = Some(number(value()?)?),
            "--data" => args.data = Some(value()?),
            "--commune" => args.commune = true,
            "--remote" => {
                if args.remote == RemoteHelp::No {
                    args.remote = RemoteHelp::After;
                }
            }
            "--cannot-travel" => args.remote = RemoteHelp::First,
            "--format" => match value()?.as_str() {
                "text" => args.json = false,
                "json" => args.json = true,
                other => return Err(format!("--format: '{other}' is neither text nor json")),
            },
            "-h" | "--help" => return Err(usage().to_owned()),
            other => return Err(format!("unknown option '{other}'\n{}", usage())),
        }
    }
    Ok(args)
}

/// `2026-12-01T10:00` (Paris time) or RFC 3339 (`2026-12-01T10:00:00+01:00`, `...Z`).
fn parse_instant(text: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .map_err(|_| format!("'{text}' is not a date and time like 2026-12-01T10:00"))?;
    Paris
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| format!("{text} does not exist in Paris time (daylight-saving gap)"))
}

/// The places: `--data FILE`, else the embedded real places (`inclusion::data`).
fn load_places(data: Option<&str>) -> Result<(Vec<Place>, String), String> {
    let Some(path) = data else {
        #[cfg(feature = "embedded-data")]
        return Ok((
            inclusion::data::sample_places().to_vec(),
            "embedded places: Hinaura, Auvergne-Rhône-Alpes, see data/README.md".to_owned(),
        ));
        #[cfg(not(feature = "embedded-data"))]
        return Err("built without the embedded places: pass --data FILE".to_owned());
    };
    let report =
        read_path(path, &ReadOptions::default().with_lenient(true)).map_err(|e| e.to_string())?;
    if let Some(d) = report.unreadable() {
        return Err(format!("{path}: {}", d.message_en()));
    }
    let skipped = report.rows - report.places.len();
    Ok((
        report.places,
        format!("{path}, {skipped} invalid rows skipped"),
    ))
}

fn run(args: Args) -> Result<(), String> {
    if args.commune || args.remote != RemoteHelp::No {
        return run_search(args);
    }
    let (lat, lon, origin) = match (&args.near, args.lat, args.lon) {
        (Some(name), None, None) => {
            let (commune, p) = Gazetteer::embedded()
                .locate(name)
                .map_err(|e| e.to_string())?;
            (
                p.latitude,
                p.longitude,
                format!(
                    "{} ({}, {})",
                    commune.label(),
                    commune.code,
                    commune.postcodes().collect::<Vec<_>>().join(" ")
                ),
            )
        }
        (None, Some(lat), Some(lon)) => (lat, lon, format!("{lat}, {lon}")),
        _ => {
            return Err(format!(
                "give either --near or both --lat and --lon\n{}",
                usage()
            ));
        }
    };
    let (places, source) = load_places(args.data.as_deref())?;
    let index = HelpIndex::build(places).map_err(|e| e.to_string())?;
    let mut query = HelpQuery::nearest(lat, lon, args.k).filter(args.filter.clone());
    if let Some(km) = args.radius_km {
        query = query.max_distance_m(km * 1000.0);
    }
    let hits = index.query(&query).map_err(|e| e.to_string())?;
    let at = args.filter.open_at.or(args.at).unwrap_or_else(Utc::now);
    let answers: Vec<NearbyPlace> = hits.iter().filter_map(|h| index.describe(h, at)).collect();
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&answers).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    println!(
        "Near {origin}: {} of {} places with coordinates ({source})",
        answers.len(),
        index.len()
    );
    if answers.is_empty() {
        println!("No place matches: widen --radius-km or drop a filter.");
    }
    for (n, (hit, a)) in hits.iter().zip(&answers).enumerate() {
        let place = index.place(hit);
        let distance = if a.distance_m < 1000.0 {
            format!("{:.0} m", a.distance_m)
        } else {
            format!("{:.1} km", a.distance_m / 1000.0)
        };
        println!("\n{}. {} — {distance}", n + 1, a.name);
        let addr = &place.address;
        println!("   {}, {} {}", addr.street, addr.postcode, addr.commune);
        let state = match (a.open, a.next_change) {
            (Some(true), Some(c)) => format!("open, closes {}", c.format("%a %d %b %H:%M")),
            (Some(true), None) => "open".to_owned(),
            (Some(false), Some(c)) => format!("closed, opens {}", c.format("%a %d %b %H:%M")),
            (Some(false), None) => "closed".to_owned(),
            (None, _) => "opening hours unknown".to_owned(),
        };
        println!("   {state}");
        if let Some(phone) = &place.contact.phone {
            println!("   phone {phone}");
        }
        if let Some(url) = &place.booking_url {
            println!("   book {url}");
        }
    }
    Ok(())
}

/// `--commune`, `--remote`, `--cannot-travel`: the commune's places plus those around it, and
/// remote help (`inclusion::search`).
fn run_search(args: Args) -> Result<(), String> {
    let gazetteer = Gazetteer::embedded();
    let (mut search, origin) = match (&args.near, args.lat, args.lon) {
        (Some(name), None, None) if args.commune => {
            let (commune, search) =
                inclusion::search::near_commune(gazetteer, name).map_err(|e| e.to_string())?;
            (search, format!("{} ({})", commune.label(), commune.code))
        }
        (Some(name), None, None) => {
            let (commune, p) = gazetteer.locate(name).map_err(|e| e.to_string())?;
            let search = CommuneSearch::new(p.latitude, p.longitude)
                .radius_m(inclusion::geo::sphere::MAX_DISTANCE_M);
            (search, format!("{} ({})", commune.label(), commune.code))
        }
        (None, Some(lat), Some(lon)) if !args.commune => (
            CommuneSearch::new(lat, lon).radius_m(inclusion::geo::sphere::MAX_DISTANCE_M),
            format!("{lat}, {lon}"),
        ),
        (None, Some(_), Some(_)) => {
            return Err(
                "--commune needs --near with a commune name, postcode or code INSEE".to_owned(),
            );
        }
        _ => {
            return Err(format!(
                "give either --near or both --lat and --lon\n{}",
                usage()
            ));
        }
    };
    if let Some(km) = args.radius_km {
        search = search.radius_m(km * 1000.0);
    }
    search = search
        .k(args.k)
        .filter(args.filter.clone())
        .remote(args.remote);
    let (places, source) = load_places(args.data.as_deref())?;
    let (index, completion) =
        inclusion::search::index_with_codes(places, gazetteer).map_err(|e| e.to_string())?;
    if !args.json && !completion.completed.is_empty() {
        eprintln!(
            "{}",
            completion.summary().lines().next().unwrap_or_default()
        );
    }
    let found = index.search_commune(&search).map_err(|e| e.to_string())?;
    let at = args.filter.open_at.or(args.at).unwrap_or_else(Utc::now);
    let answers: Vec<SearchedPlace> = found
        .answers()
        .filter_map(|a| index.describe_answer(a, at))
        .collect();
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&answers).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    let in_commune = found.on_site.iter().filter(|a| a.in_commune).count();
    if args.commune {
        println!(
            "In and around {origin}: {in_commune} places of the commune, {} others within {:.0} km, {} giving remote help ({source})",
            found.on_site.len() - in_commune,
            search.radius_m / 1000.0,
            found.remote.len()
        );
    } else {
        println!(
            "Near {origin}: {} places, {} giving remote help ({source})",
            found.on_site.len(),
            found.remote.len()
        );
    }
    if answers.is_empty() {
        println!("No place matches: widen --radius-km or drop a filter.");
    }
    let mut heading = None;
    for (n, (a, answer)) in found.answers().zip(&answers).enumerate() {
        if heading != Some(a.remote) {
            heading = Some(a.remote);
            println!(
                "\n{}",
                if a.remote {
                    "Remote help (phone, video, online):"
                } else {
                    "On site:"
                }
            );
        }
        let place = &index.places()[a.place];
        let distance = match answer.distance_m {
            Some(d) if d < 1000.0 => format!(" — {d:.0} m"),
            Some(d) => format!(" — {:.1} km", d / 1000.0),
            None => String::new(),
        };
        let mark = if a.in_commune {
            " (in the commune)"
        } else {
            ""
        };
        println!("{}. {}{distance}{mark}", n + 1, answer.name);
        let addr = &place.address;
        println!("   {}, {} {}", addr.street, addr.postcode, addr.commune);
        if let Some(phone) = &place.contact.phone {
            println!("   phone {phone}");
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
