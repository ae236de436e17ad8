//! [`Answers`]: what a person answered, as given (JSON or built in code), and [`Responses`],
//! the same answers validated against a questionnaire and typed.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::questionnaire::{ContextField, ItemRole, Requirement};
use crate::scales::{Choice, ScaleId};
use crate::{
    AnswerProblem, Autonomy, Disability, Equipment, LanguageNeed, Questionnaire, SkillsError, Tri,
    UniqueMap, WishToLearn,
};

/// The answers of one person, keyed by item id, as a user interface sends them.
///
/// JSON: `{"questionnaire": "diagnostic-numerique/1.0.0", "answers": {"internet_3m": "yes",
/// "IL1": "no", "SA1": "on_my_own", "equipment": ["smartphone"], ...}}`.
///
/// ```
/// use inclusion_skills::{Answers, Questionnaire};
/// let q = Questionnaire::builtin();
/// let answers = Answers::new(q).with("internet_3m", "no").with("SA1", 2).with("equipment", ["smartphone"]);
/// assert_eq!(answers.answers.len(), 3);
/// assert!(answers.to_json().contains("\"SA1\":2"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// The questionnaire answered, as `id/version` (see [`Questionnaire::reference`]).
    pub questionnaire: String,
    /// The answer to each item, by item id. An item may appear only once.
    pub answers: UniqueMap<AnswerValue>,
}

/// One answer as given. Which form is valid depends on the item's scale: a code string
/// (`"yes"`, `"on_my_own"`), a boolean for yes/no scales, an integer 0–3 for the autonomy
/// scale, a list of codes for multiple-choice scales, or `null` for "not answered".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AnswerValue {
    /// `null`: the item was shown but not answered (same as leaving it out).
    Skipped,
    /// `true` / `false`, for yes/no scales.
    Bool(bool),
    /// A number: the position 0 to 3 on the autonomy scale.
    Number(f64),
    /// One code of the item's scale.
    Code(String),
    /// Codes of a multiple-choice scale (possibly empty: none applies).
    Codes(Vec<String>),
    /// Any other JSON value: always reported as out of scale.
    #[schemars(skip)]
    Other(serde_json::Value),
}

impl From<&str> for AnswerValue {
    fn from(code: &str) -> AnswerValue {
        AnswerValue::Code(code.to_owned())
    }
}

impl From<String> for AnswerValue {
    fn from(code: String) -> AnswerValue {
        AnswerValue::Code(code)
    }
}

impl From<bool> for AnswerValue {
    fn from(b: bool) -> AnswerValue {
        AnswerValue::Bool(b)
    }
}

impl From<u8> for AnswerValue {
    fn from(n: u8) -> AnswerValue {
        AnswerValue::Number(f64::from(n))
    }
}

impl<const N: usize> From<[&str; N]> for AnswerValue {
    fn from(codes: [&str; N]) -> AnswerValue {
        AnswerValue::Codes(codes.iter().map(|c| (*c).to_owned()).collect())
    }
}

impl From<Vec<String>> for AnswerValue {
    fn from(codes: Vec<String>) -> AnswerValue {
        AnswerValue::Codes(codes)
    }
}

impl Answers {
    /// No answers yet, for `questionnaire`.
    pub fn new(questionnaire: &Questionnaire) -> Answers {
        Answers {
            questionnaire: questionnaire.reference(),
            answers: UniqueMap::new(),
        }
    }

    /// Adds an answer (an item answered twice is reported by validation).
    pub fn with(mut self, item: impl Into<String>, value: impl Into<AnswerValue>) -> Answers {
        self.answers.insert(item, value.into());
        self
    }

    /// Reads answers from JSON text.
    ///
    /// # Errors
    /// [`SkillsError::Json`] when the text is not JSON of the documented shape.
    pub fn from_json_str(text: &str) -> Result<Answers, SkillsError> {
        Ok(serde_json::from_str(text)?)
    }

    /// The answers as compact JSON.
    pub fn to_json(&self) -> String {
        // Serialising strings, numbers, lists and maps of them cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Answers validated against a questionnaire and typed: what the scoring reads.
///
/// Built by [`Questionnaire::validate`]; items left unanswered are absent from the maps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Responses {
    /// The questionnaire answered, as `id/version`.
    pub questionnaire: String,
    /// The answers to activity items, by item id.
    pub activities: BTreeMap<String, Tri>,
    /// The answers to self-assessment items, by item id.
    pub self_assessments: BTreeMap<String, Autonomy>,
    /// The person's situation.
    pub context: Context,
}

/// The person's situation, from the context items. An optional item left unanswered takes the
/// value that asks the least of the person and assumes nothing in their favour: no equipment,
/// e-mail and FranceConnect unknown, no difficulty declared, no urgency, no wish to learn, no
/// consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Context {
    /// Used the internet in the last 3 months.
    pub used_internet_3m: bool,
    /// Equipment available at home.
    pub equipment: BTreeSet<Equipment>,
    /// Has an e-mail address they can read.
    pub email: Tri,
    /// Can log in with FranceConnect.
    pub franceconnect: Tri,
    /// Reading, writing or language difficulties.
    pub language: BTreeSet<LanguageNeed>,
    /// Disabilities calling for specific support.
    pub disabilities: BTreeSet<Disability>,
    /// Has an urgent online procedure to complete.
    pub urgent_procedure: bool,
    /// Wishes to learn.
    pub wants_to_learn: WishToLearn,
    /// Consents to a professional acting on their behalf.
    pub consents_on_behalf: bool,
}

impl Default for Context {
    fn default() -> Context {
        Context {
            used_internet_3m: false,
            equipment: BTreeSet::new(),
            email: Tri::DontKnow,
            franceconnect: Tri::DontKnow,
            language: BTreeSet::new(),
            disabilities: BTreeSet::new(),
            urgent_procedure: false,
            wants_to_learn: WishToLearn::No,
            consents_on_behalf: false,
        }
    }
}

/// A value parsed on its scale.
enum Parsed {
    Tri(Tri),
    Autonomy(Autonomy),
    Wish(WishToLearn),
    Set(Vec<String>),
}

fn out_of_scale(item: &str, value: &AnswerValue, scale: ScaleId) -> AnswerProblem {
    let mut expected: Vec<String> = scale.codes().iter().map(|c| (*c).to_owned()).collect();
    if scale == ScaleId::Autonomy {
        expected.extend(["0", "1", "2", "3"].map(str::to_owned));
    }
    AnswerProblem::OutOfScale {
        item: item.to_owned(),
        value: serde_json::to_string(value).unwrap_or_else(|_| "?".to_owned()),
        expected,
        list: scale.multiple(),
    }
}

/// Parses `value` on `scale`, pushing problems.
fn parse(
    item: &str,
    value: &AnswerValue,
    scale: ScaleId,
    problems: &mut Vec<AnswerProblem>,
) -> Option<Parsed> {
    let parsed = match (scale, value) {
        (ScaleId::YesNo | ScaleId::YesNoDontKnow, AnswerValue::Bool(b)) => {
            Some(Parsed::Tri(if *b { Tri::Yes } else { Tri::No }))
        }
        (ScaleId::YesNo, AnswerValue::Code(c)) => Tri::from_code(c)
            .filter(|t| *t != Tri::DontKnow)
            .map(Parsed::Tri),
        (ScaleId::YesNoDontKnow, AnswerValue::Code(c)) => Tri::from_code(c).map(Parsed::Tri),
        (ScaleId::Autonomy, AnswerValue::Code(c)) => Autonomy::from_code(c).map(Parsed::Autonomy),
        (ScaleId::Autonomy, AnswerValue::Number(n)) => (n.fract() == 0.0
            && (0.0..=3.0).contains(n))
        .then(|| Autonomy::from_score(*n as u8))
        .flatten()
        .map(Parsed::Autonomy),
        (ScaleId::WishToLearn, AnswerValue::Code(c)) => WishToLearn::from_code(c).map(Parsed::Wish),
        (
            ScaleId::Equipment | ScaleId::Language | ScaleId::Disability,
            AnswerValue::Codes(codes),
        ) => {
            let known = scale.codes();
            let mut seen = BTreeSet::new();
            let mut ok = true;
            for code in codes {
                if !known.contains(&code.as_str()) {
                    ok = false;
                    problems.push(out_of_scale(item, &AnswerValue::Code(code.clone()), scale));
                } else if !seen.insert(code.clone()) {
                    ok = false;
                    problems.push(AnswerProblem::Duplicate {
                        item: item.to_owned(),
                        option: Some(code.clone()),
                    });
                }
            }
            return ok.then(|| Parsed::Set(seen.into_iter().collect()));
        }
        _ => None,
    };
    if parsed.is_none() {
        problems.push(out_of_scale(item, value, scale));
    }
    parsed
}

fn set_of<C: Choice>(codes: &[String]) -> BTreeSet<C> {
    codes.iter().filter_map(|c| C::from_code(c)).collect()
}

impl Questionnaire {
    /// Checks `answers` against the questionnaire and types them.
    ///
    /// Every problem is collected before returning: answers to another questionnaire version,
    /// items answered twice, unknown items, required items without an answer (activity items
    /// are required only when the internet was used in the last 3 months), values out of scale.
    ///
    /// ```
    /// use inclusion_skills::{Answers, SkillsError, Questionnaire};
    /// let q = Questionnaire::builtin();
    /// let answers = Answers::new(q).with("internet_3m", "yes").with("SA1", 7).with("IL9", "yes");
    /// let Err(SkillsError::InvalidAnswers { problems, .. }) = q.validate(&answers) else { panic!() };
    /// // The unknown item, the value out of scale, and every required item left out.
    /// assert!(problems.len() > 20);
    /// ```
    ///
    /// # Errors
    /// [`SkillsError::InvalidAnswers`] listing every problem; [`SkillsError::InvalidQuestionnaire`] when the
    /// questionnaire itself cannot be scored.
    pub fn validate(&self, answers: &Answers) -> Result<Responses, SkillsError> {
        self.check()?;
        let mut problems = Vec::new();
        let reference = self.reference();
        if answers.questionnaire != reference {
            problems.push(AnswerProblem::WrongQuestionnaire {
                given: answers.questionnaire.clone(),
                expected: reference.clone(),
            });
        }
        for item in answers.answers.duplicates() {
            problems.push(AnswerProblem::Duplicate {
                item: item.clone(),
                option: None,
            });
        }
        for id in answers.answers.keys() {
            if self.item(id).is_none() {
                problems.push(AnswerProblem::UnknownItem {
                    item: id.to_owned(),
                });
            }
        }
        let given = |id: &str| {
            answers
                .answers
                .get(id)
                .filter(|v| !matches!(v, AnswerValue::Skipped))
        };
        // Whether the internet was used decides which items are required.
        let internet_used = self
            .context_item(ContextField::InternetUse)
            .and_then(|item| given(&item.id))
            .map(|v| {
                matches!(v, AnswerValue::Bool(true))
                    || matches!(v, AnswerValue::Code(c) if c == "yes")
            });

        let mut responses = Responses {
            questionnaire: reference.clone(),
            activities: BTreeMap::new(),
            self_assessments: BTreeMap::new(),
            context: Context::default(),
        };
        for item in &self.items {
            let Some(value) = given(&item.id) else {
                let required = match item.required {
                    Requirement::Always => true,
                    Requirement::WhenInternetUsed => internet_used == Some(true),
                    Requirement::Optional => false,
                };
                if required {
                    problems.push(AnswerProblem::Missing {
                        item: item.id.clone(),
                    });
                }
                continue;
            };
            let Some(parsed) = parse(&item.id, value, item.scale, &mut problems) else {
                continue;
            };
            let ctx = &mut responses.context;
            match (&item.role, parsed) {
                (ItemRole::Activity { .. }, Parsed::Tri(t)) => {
                    responses.activities.insert(item.id.clone(), t);
                }
                (ItemRole::SelfAssessment { .. }, Parsed::Autonomy(a)) => {
                    responses.self_assessments.insert(item.id.clone(), a);
                }
                (ItemRole::Context { field }, parsed) => match (field, parsed) {
                    (ContextField::InternetUse, Parsed::Tri(t)) => {
                        ctx.used_internet_3m = t == Tri::Yes
                    }
                    (ContextField::Email, Parsed::Tri(t)) => ctx.email = t,
                    (ContextField::FranceConnect, Parsed::Tri(t)) => ctx.franceconnect = t,
                    (ContextField::UrgentProcedure, Parsed::Tri(t)) => {
                        ctx.urgent_procedure = t == Tri::Yes
                    }
                    (ContextField::ConsentOnBehalf, Parsed::Tri(t)) => {
                        ctx.consents_on_behalf = t == Tri::Yes
                    }
                    (ContextField::WishToLearn, Parsed::Wish(w)) => ctx.wants_to_learn = w,
                    (ContextField::Equipment, Parsed::Set(s)) => ctx.equipment = set_of(&s),
                    (ContextField::Language, Parsed::Set(s)) => ctx.language = set_of(&s),
                    (ContextField::Disability, Parsed::Set(s)) => ctx.disabilities = set_of(&s),
                    // `check` guarantees each field's scale, so the parsed kind always fits.
                    _ => {}
                },
                _ => {}
            }
        }
        if problems.is_empty() {
            Ok(responses)
        } else {
            Err(SkillsError::InvalidAnswers {
                questionnaire: reference,
                problems,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete(internet: &str) -> Answers {
        let q = Questionnaire::builtin();
        let mut a = Answers::new(q).with("internet_3m", internet);
        for item in &q.items {
            match item.role {
                ItemRole::Activity { .. } => a = a.with(&item.id, "no"),
                ItemRole::SelfAssessment { .. } => a = a.with(&item.id, 1),
                ItemRole::Context { .. } => {}
            }
        }
        a.with("equipment", ["computer"])
            .with("email", "yes")
            .with("franceconnect", "dont_know")
            .with("language", [] as [&str; 0])
            .with("urgent_procedure", false)
            .with("wants_to_learn", "not_now")
            .with("consent_on_behalf", "yes")
    }

    fn problems(answers: &Answers) -> Vec<AnswerProblem> {
        match Questionnaire::builtin().validate(answers) {
            Err(SkillsError::InvalidAnswers { problems, .. }) => problems,
            other => panic!("expected invalid answers, got {other:?}"),
        }
    }

    #[test]
    fn complete_answers_are_typed() {
        let r = Questionnaire::builtin().validate(&complete("yes")).unwrap();
        assert_eq!(r.activities.len(), 15);
        assert!(r.activities.values().all(|t| *t == Tri::No));
        assert!(
            r.self_assessments
                .values()
                .all(|a| *a == Autonomy::WithHelp)
        );
        let c = &r.context;
        assert!(c.used_internet_3m && !c.urgent_procedure && c.consents_on_behalf);
        assert_eq!(c.equipment, [Equipment::Computer].into());
        assert_eq!((c.email, c.franceconnect), (Tri::Yes, Tri::DontKnow));
        assert_eq!(c.wants_to_learn, WishToLearn::NotNow);
        assert!(c.disabilities.is_empty() && c.language.is_empty());
    }

    #[test]
    fn every_problem_is_listed_at_once() {
        let text = r#"{"questionnaire": "diagnostic-numerique/0.9", "answers": {
                "internet_3m": "yes", "IL1": "maybe", "IL1": "yes", "SA1": 4, "SA2": 2.5,
                "equipment": "computer", "language": ["reading_writing", "reading_writing"],
                "disability": ["blind"], "wants_to_learn": true, "FOO": "yes",
                "email": null, "internet_3m_bis": {}
            }}"#;
        let answers = Answers::from_json_str(text).unwrap();
        let p = problems(&answers);
        let has = |f: &dyn Fn(&AnswerProblem) -> bool| p.iter().any(f);
        assert!(has(
            &|x| matches!(x, AnswerProblem::WrongQuestionnaire { given, .. } if given == "diagnostic-numerique/0.9")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::Duplicate { item, option: None } if item == "IL1")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::OutOfScale { item, value, .. } if item == "IL1" && value == "\"maybe\"")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::OutOfScale { item, value, .. } if item == "SA1" && value == "4.0")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::OutOfScale { item, .. } if item == "SA2")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::OutOfScale { item, list: true, .. } if item == "equipment")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::Duplicate { item, option: Some(o) } if item == "language" && o == "reading_writing")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::OutOfScale { item, value, .. } if item == "disability" && value == "\"blind\"")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::OutOfScale { item, .. } if item == "wants_to_learn")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::UnknownItem { item } if item == "FOO")
        ));
        assert!(has(
            &|x| matches!(x, AnswerProblem::UnknownItem { item } if item == "internet_3m_bis")
        ));
        // `null` is no answer: email is missing, like the other required items left out.
        for missing in [
            "email",
            "IL2",
            "SA3",
            "franceconnect",
            "urgent_procedure",
            "consent_on_behalf",
        ] {
            assert!(
                has(&|x| matches!(x, AnswerProblem::Missing { item } if item == missing)),
                "{missing}"
            );
        }
        // The error message names them all.
        let err = Questionnaire::builtin()
            .validate(&answers)
            .unwrap_err()
            .to_string();
        for x in &p {
            assert!(err.contains(&x.to_string()), "{x}");
        }
    }

    /// `a` with the answer to `key` replaced by `value`, or removed when `value` is `None`.
    fn replaced(a: &Answers, key: &str, value: Option<AnswerValue>) -> Answers {
        let mut out = a.clone();
        out.answers = a
            .answers
            .iter()
            .filter_map(|(k, v)| match (k == key, &value) {
                (false, _) => Some((k, v.clone())),
                (true, new) => new.clone().map(|n| (k, n)),
            })
            .collect();
        out
    }

    #[test]
    fn activities_are_required_only_when_the_internet_was_used() {
        let q = Questionnaire::builtin();
        let mut a = complete("no");
        for item in &q.items {
            if matches!(item.role, ItemRole::Activity { .. }) {
                a = replaced(&a, &item.id, None);
            }
        }
        let r = q.validate(&a).unwrap();
        assert!(r.activities.is_empty() && !r.context.used_internet_3m);
        let p = problems(&replaced(&a, "internet_3m", Some("yes".into())));
        assert_eq!(p.len(), 15, "{p:?}");
        assert!(p.iter().all(|x| matches!(x, AnswerProblem::Missing { .. })));
        // Without an answer to the internet question, only that one is reported missing.
        let p = problems(&replaced(&a, "internet_3m", None));
        assert_eq!(
            p,
            [AnswerProblem::Missing {
                item: "internet_3m".into()
            }]
        );
    }

    #[test]
    fn yes_no_items_take_booleans_but_not_dont_know() {
        let a = complete("yes").with("internet_3m", "dont_know");
        // The first value is kept and the repeat reported.
        let p = problems(&a);
        assert!(
            p.iter()
                .any(|x| matches!(x, AnswerProblem::Duplicate { .. }))
        );
        let p = problems(&replaced(&a, "internet_3m", Some("dont_know".into())));
        assert!(
            matches!(&p[0], AnswerProblem::OutOfScale { item, expected, .. } if item == "internet_3m" && expected == &["yes", "no"]),
            "{p:?}"
        );
        let a = replaced(&a, "internet_3m", Some(true.into()));
        assert!(
            Questionnaire::builtin()
                .validate(&a)
                .unwrap()
                .context
                .used_internet_3m
        );
    }

    #[test]
    fn answers_round_trip_through_json() {
        let a = complete("yes");
        let back = Answers::from_json_str(&a.to_json()).unwrap();
        assert_eq!(back, a);
        assert!(
            Answers::from_json_str(r#"{"questionnaire": "x", "answers": {}, "extra": 1}"#).is_err()
        );
    }
}
