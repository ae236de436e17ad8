//! Real values of the skills engine and of the nearest-help index, produced through their
//! library APIs, follow their schemas; malformed inputs do not.

mod common;

use std::sync::OnceLock;

use chrono::{NaiveDate, TimeZone, Utc};
use common::Checker;
use inclusion_coverage::{CoverageRequest, Scope};
use inclusion_geo::{HelpFilter, HelpIndex, HelpQuery};
use inclusion_model::{Address, Coordinates, Fee, OpeningHours, Place, Service};
use inclusion_skills::eurostat::{self, EurostatInput, VARIABLES};
use inclusion_skills::{Answers, Questionnaire, assess};
use inclusion_territory::communes::Gazetteer;
use proptest::prelude::*;
use serde_json::{Value, json};

fn checker(file: &'static str) -> &'static Checker {
    static CHECKERS: OnceLock<Vec<Checker>> = OnceLock::new();
    let all = CHECKERS.get_or_init(|| {
        [
            "questionnaire",
            "answers",
            "assessment",
            "help-needs",
            "dsi-result",
            "eurostat-input",
            "eurostat-assessment",
            "help-query",
            "help-hit",
            "commune",
            "coverage-request",
            "coverage-report",
        ]
        .into_iter()
        .map(Checker::new)
        .collect()
    });
    all.iter().find(|c| c.file == file).unwrap()
}

fn json_of<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

/// Answers to every item of the built-in questionnaire: `picks[i]` chooses the option (or, for
/// a multiple-choice scale, the subset of options) of item `i`.
fn answers_from(picks: &[u32]) -> Answers {
    let q = Questionnaire::builtin();
    let mut answers = Answers::new(q);
    for (item, pick) in q.items.iter().zip(picks.iter().cycle()) {
        let scale = q.scales.iter().find(|s| s.id == item.scale).unwrap();
        let codes: Vec<String> = scale.options.iter().map(|o| o.code.clone()).collect();
        answers = if scale.multiple {
            let subset = codes
                .iter()
                .enumerate()
                .filter(|(i, _)| pick & (1 << i) != 0)
                .map(|(_, c)| c.clone())
                .collect::<Vec<String>>();
            answers.with(item.id.clone(), subset)
        } else {
            answers.with(item.id.clone(), codes[*pick as usize % codes.len()].clone())
        };
    }
    answers
}

#[test]
fn the_builtin_questionnaire_follows_its_schema() {
    checker("questionnaire").assert_valid(&json_of(Questionnaire::builtin()), "builtin");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any complete set of answers, its assessment, help needs and DSI result follow their
    /// schemas.
    #[test]
    fn assessments_follow_their_schemas(picks in prop::collection::vec(any::<u32>(), 30)) {
        let answers = answers_from(&picks);
        checker("answers").assert_valid(&json_of(&answers), "answers");
        let a = assess(Questionnaire::builtin(), &answers).unwrap();
        checker("assessment").assert_valid(&json_of(&a), "assessment");
        checker("help-needs").assert_valid(&json_of(&a.outcome.needs), "needs");
        checker("dsi-result").assert_valid(&json_of(&a.outcome.dsi), "dsi");
    }

    /// Any survey input and its full Eurostat assessment follow their schemas.
    #[test]
    fn eurostat_assessments_follow_their_schemas(
        used in any::<bool>(),
        done in prop::collection::vec(prop::option::of(any::<bool>()), VARIABLES.len()),
    ) {
        let activities: serde_json::Map<String, Value> = VARIABLES
            .iter()
            .zip(&done)
            .filter_map(|(v, d)| d.map(|d| (v.name.to_owned(), json!(d))))
            .collect();
        let text = json!({"used_internet_3m": used, "activities": activities}).to_string();
        let input = EurostatInput::from_json_str(&text).unwrap();
        checker("eurostat-input").assert_valid(&json_of(&input), "input");
        let a = eurostat::assess(&input).unwrap();
        checker("eurostat-assessment").assert_valid(&json_of(&a), "assessment");
        checker("dsi-result").assert_valid(&json_of(&a.result), "result");
    }
}

#[test]
fn malformed_answers_are_rejected() {
    let c = checker("answers");
    c.assert_valid(
        &json!({"questionnaire": "diagnostic-numerique/1.0.0", "answers": {"SA1": 2}}),
        "a partial answer set",
    );
    for (what, v) in [
        ("no questionnaire", json!({"answers": {}})),
        (
            "an object as an answer",
            json!({"questionnaire": "q/1", "answers": {"SA1": {"x": 1}}}),
        ),
        (
            "an unknown key",
            json!({"questionnaire": "q/1", "answers": {}, "name": "Jeanne"}),
        ),
        (
            "answers as a list",
            json!({"questionnaire": "q/1", "answers": []}),
        ),
    ] {
        c.assert_invalid(&v, what);
    }
}

/// An index of one place per commune with a point (one commune in `step`), with services,
/// fees and hours varying.
fn index() -> &'static HelpIndex {
    static INDEX: OnceLock<HelpIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let updated = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let places = Gazetteer::embedded()
            .communes()
            .iter()
            .filter_map(|c| c.point.map(|p| (c, p)))
            .step_by(7)
            .enumerate()
            .map(|(i, (c, p))| {
                let postcode = c.postcodes().next().unwrap_or("00000").to_owned();
                let mut place = Place::new(
                    c.code.clone(),
                    "00000000000000",
                    c.name.clone(),
                    Address::new("Mairie", postcode, c.name.clone()),
                    updated,
                );
                place.coordinates = Coordinates::new(p.latitude, p.longitude).ok();
                place.services = vec![Service::ALL[i % Service::ALL.len()]].into();
                place.fees = vec![Fee::ALL[i % Fee::ALL.len()]].into();
                if i % 3 == 0 {
                    place.opening_hours = Some(OpeningHours::new("Mo-Fr 09:00-17:00"));
                }
                place
            })
            .collect::<Vec<_>>();
        HelpIndex::build(places).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Queries (as a client sends them) and their hits follow their schemas.
    #[test]
    fn queries_and_hits_follow_their_schemas(
        lat in 41.0f64..51.0,
        lon in -5.0f64..9.5,
        k in prop::option::of(1usize..20),
        radius in prop::option::of(1_000.0f64..50_000.0),
        service in prop::option::of(0usize..9),
        open in any::<bool>(),
    ) {
        let mut filter = HelpFilter::default();
        if let Some(s) = service {
            filter = filter.services([Service::ALL[s]]);
        }
        if open {
            filter = filter.open_at(Utc.with_ymd_and_hms(2026, 3, 10, 10, 0, 0).unwrap());
        }
        let mut query = match k {
            Some(k) => HelpQuery::nearest(lat, lon, k),
            None => HelpQuery::within(lat, lon, radius.unwrap_or(10_000.0)),
        }
        .filter(filter);
        if let (Some(_), Some(r)) = (k, radius) {
            query = query.max_distance_m(r);
        }
        let query_json = json_of(&query);
        checker("help-query").assert_valid(&query_json, "query");
        // The schema describes what the crate reads back.
        let back: HelpQuery = serde_json::from_value(query_json).unwrap();
        prop_assert_eq!(&back, &query);
        for hit in index().query(&query).unwrap() {
            checker("help-hit").assert_valid(&json_of(&hit), "hit");
        }
    }
}

#[test]
fn malformed_queries_are_rejected() {
    let c = checker("help-query");
    c.assert_valid(
        &json!({"latitude": 45.19, "longitude": 5.72, "k": 3,
                "filter": {"services": ["Aide aux démarches administratives"]}}),
        "a query",
    );
    for (what, v) in [
        (
            "an unknown service label",
            json!({"latitude": 45.19, "longitude": 5.72, "k": 3,
                   "filter": {"services": ["Aide administrative"]}}),
        ),
        (
            "a bad instant",
            json!({"latitude": 45.19, "longitude": 5.72, "k": 3,
                   "filter": {"open_at": "mardi 10h"}}),
        ),
        ("no latitude", json!({"longitude": 5.72, "k": 3})),
        (
            "latitude as text",
            json!({"latitude": "45.19", "longitude": 5.72, "k": 3}),
        ),
        (
            "an unknown key",
            json!({"latitude": 45.19, "longitude": 5.72, "k": 3, "radius": 5}),
        ),
    ] {
        c.assert_invalid(&v, what);
    }
}

#[test]
fn every_commune_of_the_gazetteer_follows_its_schema() {
    let c = checker("commune");
    let communes = Gazetteer::embedded().communes();
    assert!(communes.len() > 30_000);
    for commune in communes {
        c.assert_valid(&json_of(commune), &commune.code);
    }
}

#[test]
fn the_vocabulary_labels_of_the_schemas_are_the_standards() {
    // The help needs list services by their exact French labels.
    let needs = common::schema("help-needs");
    let text = needs.to_string();
    for s in Service::ALL {
        assert!(text.contains(&format!("\"{}\"", s.label_fr())), "{s:?}");
    }
}

#[test]
fn coverage_requests_and_reports_follow_their_schemas() {
    let request_checker = checker("coverage-request");
    let report_checker = checker("coverage-report");
    let gazetteer = Gazetteer::embedded();
    let requests = [
        CoverageRequest::new(Scope::region("84")),
        CoverageRequest::new(Scope::departement("974"))
            .filter(HelpFilter::default().services([Service::AdministrativeProcedures]))
            .thresholds_km([2.0, 5.0, 50.0]),
        CoverageRequest::new(Scope::communes(["38185", "2A004", "98735"])).top(2),
        CoverageRequest::new(Scope::All)
            .filter(HelpFilter::default().fees([Fee::Free]))
            .rank_beyond_km(10.0),
    ];
    for request in requests {
        let json = json_of(&request);
        request_checker.assert_valid(&json, &json.to_string());
        let back: CoverageRequest = serde_json::from_value(json).unwrap();
        assert_eq!(back, request);
        let report = request.run(index(), gazetteer).unwrap();
        report_checker.assert_valid(&json_of(&report), &format!("{:?}", request.territory));
    }
    // A minimal request as a client writes it: the defaults fill the rest.
    request_checker.assert_valid(&json!({"territory": {"region": "84"}}), "minimal");
    for (what, v) in [
        ("no territory", json!({"top": 3})),
        (
            "an unknown territory kind",
            json!({"territory": {"canton": "3801"}}),
        ),
        (
            "an unknown fee label",
            json!({"territory": "all", "filter": {"fees": ["Gratos"]}}),
        ),
        (
            "thresholds as text",
            json!({"territory": "all", "thresholds_km": "5,10"}),
        ),
    ] {
        request_checker.assert_invalid(&v, what);
    }
}
