//! French free text to OSM, against the corpus of ../shared/anchors/opening-hours/french-text:
//! every convertible text gives the reference evaluator's verdicts, no non-convertible text
//! gets a value; and descriptions read back give the same verdicts over the real `horaires`
//! corpus.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use inclusion_model::hours::{Locale, OpeningHours, State, Territory, from_french};
use serde_json::Value;

fn json(relative: &str) -> Option<Value> {
    let bytes = inclusion_anchors::read(relative)?;
    Some(serde_json::from_slice(&bytes).expect("anchor is JSON"))
}

/// The instant of a Paris wall-clock time `YYYY-MM-DDTHH:MM`.
fn paris(local: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").expect("at_local");
    Paris
        .from_local_datetime(&naive)
        .earliest()
        .expect("a Paris time")
        .with_timezone(&Utc)
}

/// The locale the reference evaluator used for an item (its `state`).
fn locale_of(item: &Value) -> Locale {
    match item["state"].as_str() {
        Some("Moselle" | "Haut-Rhin" | "Bas-Rhin") => Locale::from(Territory::AlsaceMoselle),
        // Paris, zone C.
        Some("Île-de-France") => Locale::for_codes("75001", Some("75101")),
        Some(other) => panic!("a state this test does not know: {other}"),
        None => Locale::from(Territory::Metropolitan),
    }
}

fn is_open(hours: &OpeningHours, at: DateTime<Utc>, locale: Locale) -> bool {
    hours.status_at(at, locale).map(|s| s.state) == Some(State::Open)
}

#[test]
fn french_corpus_verdicts_agree_with_the_reference() {
    let Some(corpus) = json("opening-hours/french-text/corpus.public.json") else {
        return;
    };
    let items = corpus.as_array().expect("a list");
    assert!(items.len() >= 80);
    let (mut convertible, mut converted, mut refused_right) = (0, 0, 0);
    let (mut checks, mut agreeing) = (0, 0);
    let mut failures = Vec::new();
    for item in items {
        let id = item["id"].as_str().unwrap();
        let text = item["text"].as_str().unwrap();
        let c = from_french(text);
        // The JSON shape the command line prints.
        let j = serde_json::to_value(&c).unwrap();
        for key in ["osm", "confidence", "understood", "not_understood", "ambiguous", "why"] {
            assert!(j.get(key).is_some(), "{key}");
        }
        match item["expected_osm"].as_str() {
            None => {
                if c.osm.is_none() {
                    refused_right += 1;
                    assert!(c.why.is_some(), "{id}: a refusal says why");
                } else {
                    failures.push(format!("{id}: {text:?} gave {:?}, expected no value", c.osm));
                }
            }
            Some(expected) => {
                convertible += 1;
                let Some(osm) = &c.osm else {
                    failures.push(format!("{id}: {text:?} refused: {:?} (expected {expected})", c.why));
                    continue;
                };
                converted += 1;
                let ours = OpeningHours::new(osm.as_str());
                assert!(ours.is_valid(), "{id}: {osm}");
                let locale = locale_of(item);
                let mut all = true;
                for check in item["checks"].as_array().unwrap() {
                    checks += 1;
                    let at = paris(check["at_local"].as_str().unwrap());
                    let want = check["open"].as_bool().unwrap();
                    if is_open(&ours, at, locale) == want {
                        agreeing += 1;
                    } else {
                        all = false;
                        eprintln!("{id} at {at}: {:?} want {want}", ours.status_at(at, locale));
                    }
                }
                if !all {
                    failures.push(format!("{id}: {text:?} gave {osm}, expected {expected}"));
                }
            }
        }
    }
    let non_convertible = items.len() - convertible;
    println!(
        "french corpus: {converted}/{convertible} convertible texts converted ({:.1} %), \
         {refused_right}/{non_convertible} non-convertible texts refused, \
         {agreeing}/{checks} verdicts agree ({:.1} %)",
        100.0 * converted as f64 / convertible as f64,
        100.0 * agreeing as f64 / checks.max(1) as f64
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
