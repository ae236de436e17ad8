//! High-level arguments: the flag values several commands share, turned into the libraries'
//! types (the language, `Criteria`, an instant, a position, the places to search), with the
//! errors a person can act on.

use std::num::NonZeroUsize;

use chrono::{DateTime, Datelike, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use inclusion::geo::CommuneSearch;
use inclusion::model::render::{EXCERPT_CHARS, excerpt};
use inclusion::model::vocab::{UnknownLabel, Vocabulary, find_label};
use inclusion::model::{AccessMode, Criteria, Diagnostic, Lang, Place, ReadOptions};
use inclusion::search::near_commune;
use inclusion::territory::TerritoryError;
use inclusion::territory::communes::Gazetteer;

use crate::error::CliError;
use crate::flags::{CriteriaFlags, Global, LangFlag, Position};
use crate::input::read_places;
use crate::output::eprintln;

/// Years the opening-hours engine and the holiday tables cover.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// The language: `--lang`, else English when `LANG` starts with `en`, else French.
pub fn lang(global: &Global) -> Lang {
    match global.lang {
        Some(LangFlag::Fr) => Lang::Fr,
        Some(LangFlag::En) => Lang::En,
        None => Lang::from_locale(&std::env::var("LANG").unwrap_or_default()),
    }
}

/// The criteria of the flags, each label checked (an unknown one names the closest).
pub fn criteria(flags: &CriteriaFlags, lang: Lang) -> Result<Criteria, CliError> {
    fn labels<V: Vocabulary>(
        flag: &str,
        values: &[String],
        lang: Lang,
    ) -> Result<Vec<V>, CliError> {
        values
            .iter()
            .map(|v| find_label::<V>(v).map_err(|e| label_error(flag, &e, lang)))
            .collect()
    }
    let mut c = Criteria::default();
    c.services = labels("--service", &flags.services, lang)?;
    c.publics = labels("--public", &flags.publics, lang)?;
    c.support_modes = labels("--support", &flags.support_modes, lang)?;
    c.specific_support = labels("--specific-support", &flags.specific_support, lang)?;
    c.national_programmes = labels("--programme", &flags.programmes, lang)?;
    c.fees = labels("--fee", &flags.fees, lang)?;
    if flags.receives_public {
        c.exclude_access_modes.push(AccessMode::NoPublicReception);
    }
    Ok(c)
}

fn label_error(flag: &str, e: &UnknownLabel, lang: Lang) -> CliError {
    CliError::input(format!(
        "{flag}{}{}",
        lang.pick(" : ", ": "),
        e.message(lang)
    ))
}

/// An instant given as local time in `tz` (`2026-12-01T10:00`, also with a space or seconds)
/// or as RFC 3339 with an offset, within the years the engine covers.
pub fn instant(text: &str, tz: Tz, flag: &str, lang: Lang) -> Result<DateTime<Utc>, CliError> {
    let shown = excerpt(text, EXCERPT_CHARS);
    let parsed = if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        Some(t.with_timezone(&Utc))
    } else {
        let naive = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(text.trim(), f).ok());
        match naive {
            None => None,
            Some(naive) => match tz.from_local_datetime(&naive).earliest() {
                Some(t) => Some(t.with_timezone(&Utc)),
                None => {
                    return Err(CliError::input(match lang {
                        Lang::Fr => format!(
                            "{flag} {shown} : cette heure n'existe pas à {} (passage à l'heure d'été)\ndonnez une heure après le changement.",
                            tz.name()
                        ),
                        Lang::En => format!(
                            "{flag} {shown}: this time does not exist in {} (clocks go forward)\ngive a time after the change.",
                            tz.name()
                        ),
                    }));
                }
            },
        }
    };
    let Some(t) = parsed else {
        return Err(CliError::input(match lang {
            Lang::Fr => format!(
                "{flag} « {shown} » n'est pas une date et une heure\nécrivez-la AAAA-MM-JJTHH:MM, par exemple 2026-12-01T10:00."
            ),
            Lang::En => format!(
                "{flag} '{shown}' is not a date and time\nwrite it YYYY-MM-DDTHH:MM, e.g. 2026-12-01T10:00."
            ),
        }));
    };
    let year = t.with_timezone(&tz).year();
    if !YEARS.contains(&year) {
        return Err(CliError::input(match lang {
            Lang::Fr => format!(
                "{flag} {shown} : l'année {year} est hors de la période prise en charge ({}–{})\ndonnez une date entre ces années.",
                YEARS.start(),
                YEARS.end()
            ),
            Lang::En => format!(
                "{flag} {shown}: the year {year} is outside the supported range ({}–{})\ngive a date within those years.",
                YEARS.start(),
                YEARS.end()
            ),
        }));
    }
    Ok(t)
}

/// A starting point: its latitude, longitude and how to name it.
pub struct Origin {
    /// Latitude, degrees.
    pub latitude: f64,
    /// Longitude, degrees.
    pub longitude: f64,
    /// `Grenoble (38185, 38000 38100)` or `45.19, 5.72`.
    pub label: String,
    /// For `--near`: the search around the commune (its code INSEE, its point, the default
    /// radius), from `inclusion::search::near_commune`.
    pub commune: Option<CommuneSearch>,
}

/// The position of `--near` (through the embedded gazetteer, loaded only then) or of
/// `--lat`/`--lon`; `None` when neither is given.
pub fn origin(p: &Position, lang: Lang) -> Result<Option<Origin>, CliError> {
    if let Some(query) = &p.near {
        let (commune, search) =
            near_commune(Gazetteer::embedded(), query).map_err(|e| territory_error(&e, lang))?;
        let postcodes: Vec<&str> = commune.postcodes().collect();
        return Ok(Some(Origin {
            latitude: search.latitude,
            longitude: search.longitude,
            label: format!(
                "{} ({}, {})",
                commune.name,
                commune.code,
                postcodes.join(" ")
            ),
            commune: Some(search),
        }));
    }
    match (p.lat, p.lon) {
        (Some(latitude), Some(longitude)) => {
            if !(latitude.is_finite()
                && longitude.is_finite()
                && (-90.0..=90.0).contains(&latitude)
                && (-180.0..=180.0).contains(&longitude))
            {
                return Err(CliError::input(match lang {
                    Lang::Fr => format!(
                        "position invalide ({latitude}, {longitude})\nla latitude va de -90 à 90 et la longitude de -180 à 180, en degrés décimaux."
                    ),
                    Lang::En => format!(
                        "invalid position ({latitude}, {longitude})\nlatitude goes from -90 to 90 and longitude from -180 to 180, in decimal degrees."
                    ),
                }));
            }
            Ok(Some(Origin {
                latitude,
                longitude,
                label: format!("{latitude}, {longitude}"),
                commune: None,
            }))
        }
        _ => Ok(None),
    }
}

/// The gazetteer's errors in the user's language.
fn territory_error(e: &TerritoryError, lang: Lang) -> CliError {
    let message = match (e, lang) {
        (TerritoryError::UnknownCommune { query, suggestions }, Lang::Fr) => {
            let q = excerpt(query, EXCERPT_CHARS);
            if suggestions.is_empty() {
                format!(
                    "aucune commune ne correspond à « {q} »\ndonnez un nom de commune, un code postal ou un code INSEE."
                )
            } else {
                format!(
                    "aucune commune ne correspond à « {q} » : vouliez-vous dire {} ?",
                    suggestions.join(", ")
                )
            }
        }
        (
            TerritoryError::AmbiguousCommune {
                query,
                candidates,
                example,
            },
            Lang::Fr,
        ) => format!(
            "« {} » désigne plusieurs communes : {}\najoutez le département, par exemple « {} ({example}) ».",
            excerpt(query, EXCERPT_CHARS),
            candidates.join(", "),
            excerpt(query, EXCERPT_CHARS)
        ),
        (TerritoryError::NoPoint { commune }, Lang::Fr) => {
            format!("la position de {commune} n'est pas connue\ndonnez plutôt --lat et --lon.")
        }
        (TerritoryError::NoPoint { commune }, Lang::En) => {
            format!("the position of {commune} is not known\ngive --lat and --lon instead.")
        }
        _ => excerpt(&e.to_string(), 16 * EXCERPT_CHARS),
    };
    CliError::input(message)
}

/// The places to search: the file of `--data` (read leniently; rows left out are named on
/// the standard error), or the embedded places. Also says where they come from.
pub fn places(
    data: Option<&str>,
    lang: Lang,
    quiet: bool,
    progress: bool,
    threads: NonZeroUsize,
) -> Result<(Vec<Place>, String), CliError> {
    let Some(path) = data else {
        return Ok((
            inclusion::data::sample_places().to_vec(),
            lang.pick(
                "lieux embarqués : réseau Hinaura, Auvergne-Rhône-Alpes, 2021–2022",
                "embedded places: Hinaura network, Auvergne-Rhône-Alpes, 2021–2022",
            )
            .to_owned(),
        ));
    };
    let options = ReadOptions::default()
        .with_lenient(true)
        .with_threads(threads.get());
    let (report, name) = read_places(path, &options, lang, progress)?;
    if let Some(d) = report.unreadable() {
        return Err(unreadable(&name, d, lang));
    }
    if !quiet {
        note_rows_left_out(
            &name,
            report.rows,
            report.places.len(),
            report.errors(),
            lang,
        );
    }
    let source = match lang {
        Lang::Fr => format!("{name}, {} lieux lus", report.places.len()),
        Lang::En => format!("{name}, {} places read", report.places.len()),
    };
    Ok((report.places, source))
}

/// A file that is not a file of places at all: why, and what to do.
pub fn unreadable(name: &str, d: &Diagnostic, lang: Lang) -> CliError {
    let why = match lang {
        Lang::Fr => d.message_fr(),
        Lang::En => d.message_en(),
    };
    CliError::input(match lang {
        Lang::Fr => format!(
            "{name} ne peut pas être lu : {}\nvérifiez-le avec « inclusion validate {name} ».",
            excerpt(&why, 8 * EXCERPT_CHARS)
        ),
        Lang::En => format!(
            "{name} cannot be read: {}\ncheck it with `inclusion validate {name}`.",
            excerpt(&why, 8 * EXCERPT_CHARS)
        ),
    })
}

/// The note for the rows of a file read leniently that were left out (`rows` read, `kept`
/// places), naming the first 20 rows with an error; nothing when none was.
pub fn note_rows_left_out<'d>(
    name: &str,
    rows: usize,
    kept: usize,
    errors: impl Iterator<Item = &'d Diagnostic>,
    lang: Lang,
) {
    let left_out = rows.saturating_sub(kept);
    if left_out == 0 {
        return;
    }
    let mut rows_with_errors: Vec<usize> = errors
        .filter_map(|d| d.row())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let more = rows_with_errors.len() > 20;
    rows_with_errors.truncate(20);
    let list: Vec<String> = rows_with_errors.iter().map(usize::to_string).collect();
    let list = format!("{}{}", list.join(", "), if more { ", …" } else { "" });
    eprintln(&match lang {
        Lang::Fr => format!(
            "{name} : {left_out} ligne(s) sur {rows} laissée(s) de côté (erreurs), lignes {list} ; « inclusion validate {name} » dit pourquoi."
        ),
        Lang::En => format!(
            "{name}: {left_out} of {rows} row(s) left out (errors), rows {list}; `inclusion validate {name}` says why."
        ),
    });
}
