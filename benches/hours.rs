//! Opening hours: exact evaluation against the weekly bitmap, per place.
//!
//! Data: every place with `horaires` of the real datasets (`../shared/anchors/real-datasets`,
//! about 1,200 places), or a few typical texts when the anchors are absent. The instant is a
//! Thursday 10:00 in Paris (2026-12-17 09:00 UTC).
//!
//! * `hours/exact_is_open`: `OpeningHours::is_open_at` for each place (the exact evaluation,
//!   in the place's time zone with its public holidays);
//! * `hours/bitmap_open_at_slot`: `WeeklyForm::open_at_slot` for each place, the slot of each
//!   time zone computed once, as a spatial filter does;
//! * `hours/filter_open_at`: the bitmap with the exact fallback when it cannot answer;
//! * `hours/next_opening`: `OpeningHours::next_opening` for each place;
//! * `hours/parse_distinct` and `hours/cache_hit`: parsing each distinct text, against
//!   getting it from a `HoursCache` that has it already;
//! * `hours/describe_fr`: `OpeningHours::describe(Lang::Fr)` of each distinct valid text;
//! * `hours/from_french_described`: `from_french` of those descriptions (the round trip);
//! * `hours/from_french_corpus`: `from_french` of each text of the French corpus
//!   (`opening-hours/french-text`).
//!
//! ```sh
//! cargo bench --bench hours
//! ```

use std::collections::HashMap;
use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use inclusion::model::HoursCache;
use inclusion::model::hours::{Lang, Locale, OpeningHours, Tz, WeeklyForm, from_french, slot_at};
use serde_json::Value;

const FALLBACK: &[(&str, &str)] = &[
    ("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "51100"),
    ("Mo-Fr 09:00-12:00,14:00-17:00", "13001"),
    ("Tu,Th 14:00-17:00; PH off", "67000"),
    ("We 09:00-12:00", "97400"),
    ("Mo-Fr 07:30-11:30", "98800"),
];

/// (text, postcode, INSEE code) of every place with opening hours.
fn texts() -> Vec<(String, String, Option<String>)> {
    let dir = inclusion_anchors::anchors_dir().join("real-datasets");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for f in files
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
        {
            let Ok(bytes) = std::fs::read(f) else {
                continue;
            };
            let Ok(records) = serde_json::from_slice::<Vec<HashMap<String, Value>>>(&bytes) else {
                continue;
            };
            for r in records {
                let get = |k: &str| r.get(k).and_then(Value::as_str).map(str::to_string);
                if let Some(h) = get("horaires").filter(|h| !h.trim().is_empty()) {
                    out.push((h, get("code_postal").unwrap_or_default(), get("code_insee")));
                }
            }
        }
    }
    if out.is_empty() {
        eprintln!(
            "notice: {} is absent; benchmarking a few typical texts",
            dir.display()
        );
        out = FALLBACK
            .iter()
            .map(|(h, p)| (h.to_string(), p.to_string(), None))
            .collect();
    }
    out
}

/// The texts of the French corpus (`opening-hours/french-text`), or a few typical ones.
fn french_texts() -> Vec<String> {
    let path =
        inclusion_anchors::anchors_dir().join("opening-hours/french-text/corpus.public.json");
    let texts: Vec<String> = std::fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice::<Vec<HashMap<String, Value>>>(&b).ok())
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.get("text").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if !texts.is_empty() {
        return texts;
    }
    eprintln!(
        "notice: {} is absent; benchmarking a few French texts",
        path.display()
    );
    [
        "Du lundi au vendredi de 9h à 12h et de 14h à 17h30, sauf jours fériés",
        "lun-ven 8h30-12h",
        "Mardi, mercredi, vendredi : 10h-12h / 14h-18h ; samedi : 10h-17h.",
        "Selon les permanences",
    ]
    .map(str::to_string)
    .to_vec()
}

struct Place {
    hours: OpeningHours,
    locale: Locale,
    form: WeeklyForm,
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let mut cache = HoursCache::new();
    let places: Vec<Place> = texts
        .iter()
        .map(|(h, p, i)| {
            let hours = cache.get(h);
            let form = hours.weekly_form();
            Place {
                hours,
                locale: Locale::for_codes(p, i.as_deref()),
                form,
            }
        })
        .collect();
    let n = places.len() as u64;
    let at = Utc.with_ymd_and_hms(2026, 12, 17, 9, 0, 0).unwrap();
    eprintln!(
        "{} places, {} distinct texts, {} with an exact bitmap ({} with exceptions)",
        places.len(),
        cache.len(),
        places
            .iter()
            .filter(|p| p.form.exceptions.is_empty())
            .count(),
        places
            .iter()
            .filter(|p| !p.form.exceptions.is_empty())
            .count()
    );

    let mut g = c.benchmark_group("hours");
    g.throughput(Throughput::Elements(n));
    g.bench_function("exact_is_open", |b| {
        b.iter(|| {
            places
                .iter()
                .filter(|p| p.hours.is_open_at(black_box(at), p.locale))
                .count()
        })
    });
    // Per query: the slot and "holiday or day after" of each time zone, once.
    let per_zone = |at: chrono::DateTime<Utc>| {
        let mut zones: HashMap<(Tz, inclusion::model::Territory), (u16, bool)> = HashMap::new();
        for p in &places {
            zones
                .entry((p.locale.tz, p.locale.territory))
                .or_insert_with(|| {
                    let local = at.with_timezone(&p.locale.tz).date_naive();
                    (
                        slot_at(at, p.locale.tz),
                        p.locale.territory.is_public_holiday_or_day_after(local),
                    )
                });
        }
        zones
    };
    let zones = per_zone(at);
    let keyed: Vec<(u16, bool)> = places
        .iter()
        .map(|p| zones[&(p.locale.tz, p.locale.territory)])
        .collect();
    // The README's "places that need the exact fallback" at this instant.
    let fallback = places
        .iter()
        .zip(&keyed)
        .filter(|(p, (slot, holiday))| p.form.open_at_slot(*slot, *holiday).is_none())
        .count();
    eprintln!(
        "at {at}: {fallback} of {} places need the exact fallback (the bitmap cannot answer)",
        places.len()
    );
    g.bench_function("bitmap_open_at_slot", |b| {
        b.iter(|| {
            places
                .iter()
                .zip(&keyed)
                .filter(|(p, (slot, holiday))| {
                    p.form.open_at_slot(black_box(*slot), *holiday) == Some(true)
                })
                .count()
        })
    });
    g.bench_function("filter_open_at", |b| {
        b.iter(|| {
            places
                .iter()
                .zip(&keyed)
                .filter(|(p, (slot, holiday))| {
                    p.form
                        .open_at_slot(black_box(*slot), *holiday)
                        .unwrap_or_else(|| p.hours.is_open_at(at, p.locale))
                })
                .count()
        })
    });
    g.bench_function("next_opening", |b| {
        b.iter(|| {
            places
                .iter()
                .filter_map(|p| p.hours.next_opening(black_box(at), p.locale))
                .count()
        })
    });
    let distinct: Vec<&str> = {
        let mut v: Vec<&str> = texts.iter().map(|(h, _, _)| h.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    g.throughput(Throughput::Elements(distinct.len() as u64));
    g.sample_size(10);
    g.bench_function("parse_distinct", |b| {
        b.iter(|| {
            distinct
                .iter()
                .map(|t| OpeningHours::new(*t))
                .filter(OpeningHours::is_valid)
                .count()
        })
    });
    // French text and descriptions, per text, against parsing the OSM text above.
    let parsed: Vec<OpeningHours> = distinct
        .iter()
        .map(|t| OpeningHours::new(*t))
        .filter(OpeningHours::is_valid)
        .collect();
    g.throughput(Throughput::Elements(parsed.len() as u64));
    g.bench_function("describe_fr", |b| {
        b.iter(|| {
            parsed
                .iter()
                .filter_map(|h| h.describe(black_box(Lang::Fr)))
                .count()
        })
    });
    let described: Vec<String> = parsed.iter().filter_map(|h| h.describe(Lang::Fr)).collect();
    g.throughput(Throughput::Elements(described.len() as u64));
    g.bench_function("from_french_described", |b| {
        b.iter(|| {
            described
                .iter()
                .filter(|t| from_french(black_box(t)).osm.is_some())
                .count()
        })
    });
    let french = french_texts();
    g.throughput(Throughput::Elements(french.len() as u64));
    g.bench_function("from_french_corpus", |b| {
        b.iter(|| {
            french
                .iter()
                .filter(|t| from_french(black_box(t)).osm.is_some())
                .count()
        })
    });
    g.sample_size(100);
    g.bench_function("cache_hit", |b| {
        b.iter(|| {
            distinct
                .iter()
                .map(|t| cache.get(black_box(t)))
                .filter(OpeningHours::is_valid)
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
