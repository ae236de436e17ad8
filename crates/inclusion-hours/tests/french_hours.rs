//! French free text to OSM, against the corpus of ../shared/anchors/opening-hours/french-text:
//! every convertible text gives the reference evaluator's verdicts, no non-convertible text
//! gets a value; and descriptions read back give the same verdicts over the real `horaires`
//! corpus.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use inclusion_hours::{Locale, OpeningHours, State, Territory, from_french};
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
        for key in [
            "osm",
            "confidence",
            "understood",
            "not_understood",
            "ambiguous",
            "why",
        ] {
            assert!(j.get(key).is_some(), "{key}");
        }
        match item["expected_osm"].as_str() {
            None => {
                if c.osm.is_none() {
                    refused_right += 1;
                    assert!(c.why.is_some(), "{id}: a refusal says why");
                } else {
                    failures.push(format!(
                        "{id}: {text:?} gave {:?}, expected no value",
                        c.osm
                    ));
                }
            }
            Some(expected) => {
                convertible += 1;
                let Some(osm) = &c.osm else {
                    failures.push(format!(
                        "{id}: {text:?} refused: {:?} (expected {expected})",
                        c.why
                    ));
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

/// Every valid `horaires` of the real datasets, described in French and read back, gives the
/// same state as the original at instants spread over six weeks with public holidays (every
/// 4 h 13 min from Monday 27 April 2026: 1, 8, 14 and 25 May are holidays).
#[test]
fn french_descriptions_of_the_real_corpus_read_back_to_the_same_verdicts() {
    use inclusion_hours::{Lang, SchoolZone};
    let Some(corpus) = json("opening-hours/horaires-corpus.json") else {
        return;
    };
    let locale = Locale::from(Territory::Metropolitan).with_school_zone(SchoolZone::C);
    let start = Paris
        .with_ymd_and_hms(2026, 4, 27, 0, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let instants: Vec<DateTime<Utc>> = (0..(42 * 24 * 60 / 253))
        .map(|k| start + chrono::TimeDelta::minutes(253 * k))
        .collect();
    let (mut described, mut failures) = (0, Vec::new());
    for entry in corpus["corpus"].as_array().unwrap() {
        let raw = entry["value"].as_str().unwrap();
        let hours = OpeningHours::new(raw);
        if !hours.is_valid() {
            continue;
        }
        described += 1;
        let fr = hours.describe(Lang::Fr).unwrap();
        assert!(hours.describe(Lang::En).is_some_and(|en| !en.is_empty()));
        let back = from_french(&fr);
        let Some(osm) = back.osm else {
            failures.push(format!("{raw:?} -> {fr:?}: refused ({:?})", back.why));
            continue;
        };
        let again = OpeningHours::new(osm.as_str());
        for &t in &instants {
            let a = hours.status_at(t, locale).map(|s| s.state);
            let b = again.status_at(t, locale).map(|s| s.state);
            if a != b {
                failures.push(format!(
                    "{raw:?} -> {fr:?} -> {osm:?}: {a:?} / {b:?} at {t}"
                ));
                break;
            }
        }
    }
    println!(
        "round trip: {} of {described} valid corpus texts described in French and read back with the same verdicts",
        described - failures.len()
    );
    assert!(described >= 860);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The suggestion a validator gives for `horaires` in French.
#[test]
fn suggestions_only_for_text_that_is_not_osm() {
    use inclusion_hours::suggest_osm;
    let s = suggest_osm("Du lundi au vendredi de 9h à 12h, fermé les jours fériés").unwrap();
    assert_eq!(s.osm.as_deref(), Some("Mo-Fr 09:00-12:00; PH off"));
    assert!(suggest_osm("Mo-Fr 09:00-12:00").is_none());
    // Corrected by the lenient parser, so valid: no suggestion.
    assert!(suggest_osm("Lundi 9h-12h").is_none());
    assert!(suggest_osm("Selon les permanences").is_none());
}
