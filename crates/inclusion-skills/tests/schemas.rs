//! The public input and output types describe themselves as JSON Schema (schemars), with the
//! doc comments as descriptions and the standard's labels as enumerations.

use inclusion_model::Service;
use inclusion_skills::eurostat::{EurostatAssessment, EurostatInput};
use inclusion_skills::{Answers, Assessment, DsiResult, HelpNeeds, Questionnaire};
use schemars::schema_for;
use serde_json::Value;

fn schema<T: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schema_for!(T)).unwrap()
}

/// Follows a `$ref` into `$defs` when there is one.
fn resolve<'a>(root: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.trim_start_matches("#/$defs/");
            &root["$defs"][name]
        }
        None => v,
    }
}

#[test]
fn every_public_document_type_has_a_schema_with_descriptions() {
    for s in [
        schema::<Questionnaire>(),
        schema::<Answers>(),
        schema::<Assessment>(),
        schema::<EurostatInput>(),
        schema::<EurostatAssessment>(),
        schema::<DsiResult>(),
        schema::<HelpNeeds>(),
    ] {
        assert!(
            s["description"].as_str().is_some_and(|d| d.len() > 20),
            "{s:#}"
        );
        assert!(s["properties"].is_object(), "{s:#}");
    }
}

#[test]
fn help_needs_lists_the_standard_labels() {
    let s = schema::<HelpNeeds>();
    let labels: Vec<&str> = s["properties"]["services"]["items"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let expected: Vec<&str> = Service::ALL.iter().map(|v| v.label_fr()).collect();
    assert_eq!(labels, expected);
}

#[test]
fn dsi_result_has_the_five_areas_and_the_class_codes() {
    let s = schema::<DsiResult>();
    let areas = resolve(&s, &s["properties"]["areas"]);
    let keys: Vec<&String> = areas["properties"].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5, "{areas:#}");
    let class = resolve(&s, &s["properties"]["class"]);
    let text = class.to_string();
    for code in [
        "not_assessed",
        "none",
        "limited",
        "narrow",
        "low",
        "basic",
        "above_basic",
    ] {
        assert!(text.contains(&format!("\"{code}\"")), "{code}: {text}");
    }
}

#[test]
fn a_real_assessment_has_every_required_property_of_its_schema() {
    let a = Questionnaire::builtin();
    let mut answers = Answers::new(a).with("internet_3m", "no");
    for sa in ["SA1", "SA2", "SA3", "SA4", "SA5", "SA6"] {
        answers = answers.with(sa, 1);
    }
    let answers = answers
        .with("equipment", [] as [&str; 0])
        .with("email", "no")
        .with("franceconnect", "no")
        .with("language", [] as [&str; 0])
        .with("urgent_procedure", "no")
        .with("wants_to_learn", "yes")
        .with("consent_on_behalf", "no");
    let value = serde_json::to_value(inclusion_skills::assess(a, &answers).unwrap()).unwrap();
    let s = schema::<Assessment>();
    for (name, _) in s["properties"].as_object().unwrap() {
        assert!(value.get(name).is_some(), "{name}");
    }
    for required in s["required"].as_array().unwrap() {
        assert!(value.get(required.as_str().unwrap()).is_some());
    }
}
