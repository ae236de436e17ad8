//! Is it open, when does it change, and the week as a grid.
//!
//! ```sh
//! cargo run --example opening_hours -- "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off" \
//!     [--at 2026-12-25T10:00] [--postcode 97400] [--insee 97411]
//! ```
//!
//! `--at` is a local time in the zone of the postcode (or an RFC 3339 instant with its offset,
//! e.g. `2026-12-25T09:00:00Z`); without it, now. Without `--postcode`, Paris.

use std::process::ExitCode;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use inclusion::model::hours::{Locale, OpeningHours, State};

struct Args {
    hours: String,
    at: Option<String>,
    postcode: String,
    insee: Option<String>,
}

fn usage() -> String {
    "usage: opening_hours \"<opening_hours text>\" [--at YYYY-MM-DDTHH:MM] [--postcode 75001] [--insee 75101]".to_string()
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut args = Args {
        hours: String::new(),
        at: None,
        postcode: "75001".to_string(),
        insee: None,
    };
    let mut hours = None;
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or(format!("{name} needs a value\n{}", usage()))
        };
        match a.as_str() {
            "--at" => args.at = Some(value("--at")?),
            "--postcode" => args.postcode = value("--postcode")?,
            "--insee" => args.insee = Some(value("--insee")?),
            "-h" | "--help" => return Err(usage()),
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}\n{}", usage()));
            }
            other => hours = Some(other.to_string()),
        }
    }
    args.hours = hours.ok_or_else(usage)?;
    Ok(args)
}

fn instant(at: Option<&str>, locale: Locale) -> Result<DateTime<Utc>, String> {
    let Some(text) = at else {
        return Ok(Utc::now());
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M"))
        .map_err(|_| {
            format!("--at {text:?}: expected YYYY-MM-DDTHH:MM (local time) or an RFC 3339 instant")
        })?;
    locale
        .tz
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(format!(
            "--at {text:?} does not exist in {} (clocks move forward then)",
            locale.tz.name()
        ))
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let locale = Locale::for_codes(&args.postcode, args.insee.as_deref());
    let at = instant(args.at.as_deref(), locale)?;
    let hours = OpeningHours::new(args.hours.as_str());
    if let Some(error) = hours.parse_error() {
        return Err(format!(
            "{:?} is not valid opening_hours syntax: {error}",
            hours.as_str()
        ));
    }
    println!("hours:     {}", hours.as_str());
    if hours.was_corrected()
        && let Some(canonical) = hours.canonical()
    {
        println!("read as:   {canonical}");
    }
    println!(
        "where:     {} ({})",
        locale.territory.name(),
        locale.tz.name()
    );
    let status = hours.status_at(at, locale).ok_or("cannot evaluate")?;
    println!(
        "at:        {}",
        status.local_time.format("%A %Y-%m-%d %H:%M %Z")
    );
    let comment = status
        .comment
        .as_deref()
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    println!("state:     {}{comment}", status.state.as_str());
    match hours.next_change(at, locale) {
        Some(change) => {
            let verb = match change.state {
                State::Open => "opens",
                State::Closed => "closes",
                State::Unknown => "becomes unknown",
            };
            println!(
                "next:      {verb} {}",
                change.at.format("%A %Y-%m-%d %H:%M %Z")
            );
        }
        None => println!("next:      no change in the next two years"),
    }
    let week = hours
        .week(status.local_time.date_naive(), locale)
        .ok_or("cannot evaluate the week")?;
    println!(
        "\nweek of {} (# open, + open part of the half-hour, ? unknown):",
        week.monday
    );
    print!("{}", week.grid());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
