//! Opening hours against the anchors: the reference parser's verdicts on the real `horaires`
//! corpus, the national timetable converter's vectors, and the weekly bitmap against the exact
//! evaluation for every quarter-hour of several weeks, for every place of the real datasets.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc, Weekday};
use inclusion_hours::HoursCache;
use inclusion_hours::{Exceptions, Locale, OpeningHours, State, Territory, Timetable, slot_at};
use serde_json::Value;

fn json(relative: &str) -> Option<Value> {
    let bytes = inclusion_anchors::read(relative)?;
    Some(serde_json::from_slice(&bytes).expect("anchor is JSON"))
}

/// Strings where our verdict differs from opening_hours.js 3.15.0, with the reason. Empty:
/// every disagreement of the `opening-hours` crate alone is resolved by the corrections
/// `opening_hours.js` also makes (French day names, `9h`, `14-17`, `Sun`).
const KNOWN_DISAGREEMENTS: &[(&str, &str)] = &[];

#[test]
fn parse_verdicts_agree_with_the_reference_parser() {
    let Some(corpus) = json("opening-hours/horaires-corpus.json") else {
        return;
    };
    let entries: Vec<&Value> = corpus["corpus"]
        .as_array()
        .unwrap()
        .iter()
        .chain(corpus["extra_examples"].as_array().unwrap())
        .collect();
    assert!(entries.len() >= 876);
    let mut disagreements = Vec::new();
    let mut corrected = 0;
    for e in &entries {
        let raw = e["value"].as_str().unwrap();
        let js = &e["opening_hours_js"];
        let js_valid = js["valid"].as_bool().unwrap();
        let ours = OpeningHours::new(raw);
        if ours.is_valid() != js_valid {
            disagreements.push(raw);
            continue;
        }
        if !js_valid {
            assert!(
                ours.parse_error().is_some_and(|m| !m.contains('\n')),
                "{raw}"
            );
            continue;
        }
        corrected += usize::from(ours.was_corrected());
        // Same meaning as the reference's prettified text: same weekly form.
        if let Some(pretty) = js["prettified"].as_str() {
            let reference = OpeningHours::new(pretty);
            assert!(reference.is_valid(), "prettified {pretty:?} of {raw:?}");
            assert_eq!(
                ours.weekly_form(),
                reference.weekly_form(),
                "{raw:?} vs {pretty:?}"
            );
        }
    }
    let known: Vec<&str> = KNOWN_DISAGREEMENTS.iter().map(|(s, _)| *s).collect();
    assert_eq!(disagreements, known);
    // The corrections are needed for: `Mo 14-17;9-12,14-17`, `Lundi 9h-12h`, `Mo-Sun ...`.
    assert_eq!(corrected, 3);
}

#[test]
fn timetable_vectors_of_the_national_converter() {
    let Some(vectors) = json("opening-hours/timetable-to-osm.vectors.json") else {
        return;
    };
    let vectors = vectors["vectors"].as_array().unwrap();
    assert_eq!(vectors.len(), 18);
    for v in vectors {
        let mut table = Timetable::new();
        for day in v["input"].as_array().unwrap() {
            let d = match day["day"].as_str().unwrap() {
                "Mo" => Weekday::Mon,
                "Tu" => Weekday::Tue,
                "We" => Weekday::Wed,
                "Th" => Weekday::Thu,
                "Fr" => Weekday::Fri,
                "Sa" => Weekday::Sat,
                "Su" => Weekday::Sun,
                other => panic!("day {other}"),
            };
            table.set_day(d, day["osmHours"].as_str().unwrap()).unwrap();
        }
        let expected = v["expected_osm"].as_str().unwrap();
        // Our canonical form writes hours on two digits: `8:00` becomes `08:00`.
        assert_eq!(table.to_osm(), pad_hours(expected), "{}", v["description"]);
        if !expected.is_empty() {
            // And back: the converter's own string gives the same timetable.
            let back = OpeningHours::new(expected).timetable().unwrap();
            assert_eq!(back, table, "{expected}");
        }
    }
}

/// `8:00` -> `08:00` wherever an hour has one digit.
fn pad_hours(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let starts_number = c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit());
        if starts_number && chars.get(i + 1) == Some(&':') {
            out.push('0');
        }
        out.push(c);
    }
    out
}

#[test]
fn pad_hours_only_pads_one_digit_hours() {
    assert_eq!(
        pad_hours("Th 8:00-9:25,15:00-16:05"),
        "Th 08:00-09:25,15:00-16:05"
    );
    assert_eq!(pad_hours(""), "");
}

/// One place of a real dataset: its hours and where it is.
struct RealPlace {
    hours: OpeningHours,
    locale: Locale,
}

fn real_places() -> Option<Vec<RealPlace>> {
    // Presence check (prints the notice when the anchors are absent).
    inclusion_anchors::anchor("real-datasets/charente.20230711.json")?;
    let dir = inclusion_anchors::anchors_dir().join("real-datasets");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut cache = HoursCache::new();
    let mut places = Vec::new();
    for f in files {
        let records: Vec<HashMap<String, Value>> =
            serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap();
        for r in records {
            let text = |k: &str| {
                r.get(k)
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            let Some(h) = text("horaires") else { continue };
            places.push(RealPlace {
                hours: cache.get(h),
                locale: Locale::for_codes(text("code_postal").unwrap_or(""), text("code_insee")),
            });
        }
    }
    Some(places)
}

#[test]
fn weekly_bitmap_agrees_with_exact_evaluation_on_real_places() {
    let Some(places) = real_places() else { return };
    assert!(places.len() > 1000, "{}", places.len());
    // Weeks with: the spring DST change, 14 July and 15 August, Christmas and 26 December,
    // Ascension and the Guadeloupe/Martinique abolition days.
    let mondays = [
        (2026, 3, 23),
        (2026, 7, 13),
        (2026, 8, 10),
        (2026, 12, 21),
        (2027, 5, 24),
    ]
    .map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
    // Distinct (text, locale) pairs: the evaluation depends on nothing else.
    let mut pairs: Vec<(&OpeningHours, Locale)> = Vec::new();
    for p in &places {
        if p.hours.is_valid() && !pairs.iter().any(|(h, l)| *h == &p.hours && *l == p.locale) {
            pairs.push((&p.hours, p.locale));
        }
    }
    let territories: std::collections::HashSet<Territory> =
        pairs.iter().map(|(_, l)| l.territory).collect();
    assert!(territories.contains(&Territory::NewCaledonia));
    assert!(territories.contains(&Territory::Metropolitan));

    let (mut compared, mut fallback, mut open_slots) = (0usize, 0usize, 0usize);
    for (hours, locale) in &pairs {
        let form = hours.weekly_form();
        let territory = locale.territory;
        for monday in mondays {
            let week = hours.week(monday, *locale).unwrap();
            let state_at = |t: DateTime<Utc>| {
                week.intervals
                    .iter()
                    .find(|i| i.start.with_timezone(&Utc) <= t && t < i.end.with_timezone(&Utc))
                    .map(|i| i.state)
                    .unwrap()
            };
            // Every quarter-hour instant of the local week (both instants of a repeated hour,
            // none in a spring gap).
            let start = week.intervals[0].start.with_timezone(&Utc);
            let end = week.intervals.last().unwrap().end.with_timezone(&Utc);
            let mut t = start;
            while t < end {
                let local = t.with_timezone(&locale.tz);
                let near_holiday = territory.is_public_holiday_or_day_after(local.date_naive());
                let exact = state_at(t) == State::Open;
                match form.open_at_slot(slot_at(t, locale.tz), near_holiday) {
                    Some(open) => {
                        assert_eq!(
                            open,
                            exact,
                            "{:?} at {local} ({:?})",
                            hours.as_str(),
                            territory
                        );
                        compared += 1;
                        open_slots += usize::from(open);
                    }
                    None => fallback += 1,
                }
                t += TimeDelta::minutes(15);
            }
            // The week's intervals agree with the state at an instant (a second exact path).
            for probe in [0i64, 1, 2, 3, 4, 5, 6]
                .map(|d| start + TimeDelta::hours(d * 24 + 10) + TimeDelta::minutes(7 * d))
            {
                let s = hours.status_at(probe, *locale).unwrap().state;
                assert_eq!(s, state_at(probe), "{:?} at {probe}", hours.as_str());
            }
        }
    }
    eprintln!(
        "{} (text, locale) pairs: {compared} quarter-hours decided by the bitmap ({open_slots} open), {fallback} by exact evaluation",
        pairs.len()
    );
    // The bitmap decides the vast majority of cases, and real places are open in them.
    assert!(
        compared > 10 * fallback,
        "compared {compared}, fallback {fallback}"
    );
    assert!(
        open_slots > compared / 20,
        "open {open_slots} of {compared}"
    );
}

#[test]
fn weekly_forms_of_real_places_are_mostly_exact() {
    let Some(places) = real_places() else { return };
    let valid: Vec<_> = places.iter().filter(|p| p.hours.is_valid()).collect();
    let exact = valid.iter().filter(|p| p.hours.weekly().is_some()).count();
    assert!(exact * 10 > valid.len() * 9, "{exact} of {}", valid.len());
    let flagged: Vec<_> = valid
        .iter()
        .filter(|p| !p.hours.weekly_form().exceptions.is_empty())
        .map(|p| (p.hours.as_str(), p.hours.weekly_form().exceptions))
        .collect();
    eprintln!(
        "{exact} of {} valid texts have an exact weekly bitmap; flagged: {flagged:?}",
        valid.len()
    );
    for (text, e) in &flagged {
        assert!(!e.contains(Exceptions::NOT_EVALUABLE), "{text}");
    }
}

#[test]
fn next_opening_from_every_real_place_is_a_change_to_open() {
    let Some(places) = real_places() else { return };
    let at = Utc.with_ymd_and_hms(2026, 12, 24, 15, 0, 0).unwrap();
    let mut seen = std::collections::HashSet::new();
    for p in places.iter().filter(|p| p.hours.is_valid()) {
        if !seen.insert((p.hours.as_str().to_string(), p.locale)) {
            continue;
        }
        if let Some(next) = p.hours.next_opening(at, p.locale) {
            let next = next.with_timezone(&Utc);
            assert!(next > at);
            assert!(
                p.hours.is_open_at(next, p.locale),
                "{:?} at {next}",
                p.hours.as_str()
            );
            assert!(
                !p.hours.is_open_at(next - TimeDelta::seconds(1), p.locale),
                "{:?}",
                p.hours.as_str()
            );
        }
    }
    assert!(seen.len() > 500);
}
