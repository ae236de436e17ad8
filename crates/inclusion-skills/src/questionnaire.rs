//! [`Questionnaire`]: the versioned item bank, as data a user interface can render.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::scales::ScaleId;
use crate::{Area, Competence, DsiRules, Scale, SkillsError, Text, eurostat};

/// A diagnostic questionnaire: its identity and version, its answer scales with their labels,
/// and its items in the order they are asked.
///
/// The built-in questionnaire ([`Questionnaire::builtin`]) is in French with English
/// translations. A user interface renders it from its JSON form (`serde_json::to_string`);
/// answers name the questionnaire they were given to (see [`Questionnaire::reference`]).
///
/// ```
/// use inclusion_skills::{ItemRole, Questionnaire};
/// let q = Questionnaire::builtin();
/// assert_eq!(q.reference(), "diagnostic-numerique/1.0.0");
/// assert!((20..=30).contains(&q.items.len()));
/// q.check()?;
/// let first = &q.items[0];
/// assert_eq!(first.id, "internet_3m");
/// assert!(first.question.fr.starts_with("Avez-vous utilisé internet"));
/// # Ok::<(), inclusion_skills::SkillsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// The identifier of the questionnaire, e.g. `diagnostic-numerique`.
    pub id: String,
    /// The version of the questionnaire (semantic versioning: a change of wording is a minor
    /// version, a change of items or scales a major one).
    pub version: String,
    /// The title shown to the person.
    pub title: Text,
    /// The introduction shown before the first item (what it is for, that nothing is stored).
    pub introduction: Text,
    /// The answer scales, with the labels of their options.
    pub scales: Vec<Scale>,
    /// The items, in the order they are asked.
    pub items: Vec<Item>,
}

/// One question of the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The identifier used in answer files, e.g. `IL1` or `internet_3m`.
    pub id: String,
    /// The question as asked.
    pub question: Text,
    /// An optional explanation or example shown with the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// The answer scale (its options are in [`Questionnaire::scales`]).
    pub scale: ScaleId,
    /// When an answer is required.
    pub required: Requirement,
    /// What the item measures and how the engine uses it.
    pub role: ItemRole,
}

/// When an item must be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Always required.
    Always,
    /// Asked, and required, only when the internet-use item is answered "yes"; an answer given
    /// otherwise is accepted and not counted.
    WhenInternetUsed,
    /// Never required (the person may decline to answer).
    Optional,
}

/// What an item measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ItemRole {
    /// "In the last 3 months, have you...": an activity counted for the DSI 2.0 level of `area`.
    Activity {
        /// The DSI 2.0 area the activity is counted in.
        area: Area,
        /// The DigComp 2.2 competences the activity draws on.
        competences: Vec<Competence>,
        /// The EU ICT survey variable the activity follows (see [`eurostat::VARIABLES`]).
        eurostat: String,
    },
    /// "How well can you...": a self-assessment on the DigCompSAT four-point scale, for the
    /// DigComp proficiency estimate of `area`.
    SelfAssessment {
        /// The DigComp area assessed.
        area: Area,
        /// The DigComp 2.2 competences of `area` the statement covers.
        competences: Vec<Competence>,
    },
    /// A question on the person's situation, used by the accompaniment rules.
    Context {
        /// Which fact the question gives.
        field: ContextField,
    },
}

/// The facts of the person's situation that the accompaniment rules use.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ContextField {
    /// Used the internet in the last 3 months (the DSI gate).
    InternetUse,
    /// Equipment at home: smartphone, computer, tablet, home connection.
    Equipment,
    /// Has an e-mail address they can read.
    Email,
    /// Can log in with FranceConnect.
    #[serde(rename = "franceconnect")]
    FranceConnect,
    /// Reading, writing or language difficulties.
    Language,
    /// A disability calling for specific support.
    Disability,
    /// Has an urgent online procedure to complete.
    UrgentProcedure,
    /// Wishes to learn to do things on their own.
    WishToLearn,
    /// Consents to a professional acting on their behalf (Aidants Connect mandate).
    ConsentOnBehalf,
}

impl ContextField {
    /// Every field.
    pub const ALL: [ContextField; 9] = [
        ContextField::InternetUse,
        ContextField::Equipment,
        ContextField::Email,
        ContextField::FranceConnect,
        ContextField::Language,
        ContextField::Disability,
        ContextField::UrgentProcedure,
        ContextField::WishToLearn,
        ContextField::ConsentOnBehalf,
    ];

    /// The scale the engine expects for this field.
    pub const fn scale(self) -> ScaleId {
        match self {
            ContextField::InternetUse
            | ContextField::UrgentProcedure
            | ContextField::ConsentOnBehalf => ScaleId::YesNo,
            ContextField::Email | ContextField::FranceConnect => ScaleId::YesNoDontKnow,
            ContextField::Equipment => ScaleId::Equipment,
            ContextField::Language => ScaleId::Language,
            ContextField::Disability => ScaleId::Disability,
            ContextField::WishToLearn => ScaleId::WishToLearn,
        }
    }
}

impl Questionnaire {
    /// Reads a questionnaire from JSON text (for instance one adapted by a network of
    /// mediators), and checks it.
    ///
    /// # Errors
    /// [`SkillsError::Json`] for malformed JSON, [`SkillsError::InvalidQuestionnaire`] when
    /// [`Questionnaire::check`] fails.
    pub fn from_json_str(text: &str) -> Result<Questionnaire, SkillsError> {
        let q: Questionnaire = serde_json::from_str(text)?;
        q.check()?;
        Ok(q)
    }

    /// `id/version`, the reference that answers must name.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.id, self.version)
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The definition of a scale.
    pub fn scale(&self, id: ScaleId) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// The item giving a context field.
    pub fn context_item(&self, field: ContextField) -> Option<&Item> {
        self.items
            .iter()
            .find(|i| matches!(i.role, ItemRole::Context { field: f } if f == field))
    }

    /// Checks that the engine can score this questionnaire: unique item ids; every scale used
    /// is defined once, with exactly the engine's codes; activity items on a yes/no scale,
    /// following a known Eurostat variable of their area, with at least one competence;
    /// self-assessment items on the autonomy scale, with competences of their area; every
    /// context field asked exactly once, on its scale, the internet-use item always required;
    /// every area with enough activity items to reach "above basic" and at least one
    /// self-assessment item.
    ///
    /// # Errors
    /// [`SkillsError::InvalidQuestionnaire`] listing every problem.
    pub fn check(&self) -> Result<(), SkillsError> {
        let mut problems = Vec::new();
        if self.id.trim().is_empty() || self.version.trim().is_empty() {
            problems.push("the questionnaire needs a non-empty id and version".to_owned());
        }
        let mut defined = BTreeSet::new();
        for scale in &self.scales {
            let id = scale.id.code();
            if !defined.insert(scale.id) {
                problems.push(format!("scale {id} is defined more than once"));
            }
            let mut codes: Vec<&str> = scale.options.iter().map(|o| o.code.as_str()).collect();
            let mut expected = scale.id.codes();
            codes.sort_unstable();
            expected.sort_unstable();
            if codes != expected {
                problems.push(format!(
                    "scale {id} must have exactly the options {}",
                    scale.id.codes().join(", ")
                ));
            }
            if scale.multiple != scale.id.multiple() {
                problems.push(format!(
                    "scale {id} must have multiple = {}",
                    scale.id.multiple()
                ));
            }
        }
        let mut ids = BTreeSet::new();
        let mut fields: BTreeMap<ContextField, usize> = BTreeMap::new();
        let mut activities = crate::PerArea::<usize>::default();
        let mut self_assessments = crate::PerArea::<usize>::default();
        for item in &self.items {
            let id = &item.id;
            if id.trim().is_empty() {
                problems.push("an item has an empty id".to_owned());
            }
            if !ids.insert(id.as_str()) {
                problems.push(format!("item id {id} is used more than once"));
            }
            if !defined.contains(&item.scale) {
                problems.push(format!(
                    "item {id} uses scale {} which is not defined in `scales`",
                    item.scale.code()
                ));
            }
            match &item.role {
                ItemRole::Activity {
                    area,
                    competences,
                    eurostat: variable,
                } => {
                    activities[*area] += 1;
                    if !matches!(item.scale, ScaleId::YesNo | ScaleId::YesNoDontKnow) {
                        problems.push(format!("activity item {id} must use a yes/no scale"));
                    }
                    if competences.is_empty() {
                        problems.push(format!("activity item {id} names no competence"));
                    }
                    match eurostat::variable(variable) {
                        Some(v) if v.area == Some(*area) => {}
                        Some(_) => problems.push(format!(
                            "activity item {id}: Eurostat variable {variable} is not counted in area {}",
                            area.code()
                        )),
                        None => problems.push(format!(
                            "activity item {id}: {variable} is not a variable of the DSI 2.0 list"
                        )),
                    }
                }
                ItemRole::SelfAssessment { area, competences } => {
                    self_assessments[*area] += 1;
                    if item.scale != ScaleId::Autonomy {
                        problems.push(format!(
                            "self-assessment item {id} must use the autonomy scale"
                        ));
                    }
                    if competences.is_empty() {
                        problems.push(format!("self-assessment item {id} names no competence"));
                    }
                    for c in competences.iter().filter(|c| c.area() != *area) {
                        problems.push(format!(
                            "self-assessment item {id}: competence {} is not in area {}",
                            c.code(),
                            area.code()
                        ));
                    }
                }
                ItemRole::Context { field } => {
                    *fields.entry(*field).or_default() += 1;
                    if item.scale != field.scale() {
                        problems.push(format!(
                            "context item {id} must use scale {}",
                            field.scale().code()
                        ));
                    }
                    if *field == ContextField::InternetUse && item.required != Requirement::Always {
                        problems.push(format!(
                            "the internet-use item {id} must always be required"
                        ));
                    }
                }
            }
            if item.required == Requirement::WhenInternetUsed
                && matches!(
                    item.role,
                    ItemRole::Context {
                        field: ContextField::InternetUse
                    }
                )
            {
                problems.push(format!("item {id} cannot depend on itself"));
            }
        }
        for field in ContextField::ALL {
            match fields.get(&field).copied().unwrap_or(0) {
                1 => {}
                0 => problems.push(format!("no item asks the context field {field:?}")),
                n => problems.push(format!("{n} items ask the context field {field:?}")),
            }
        }
        let thresholds = DsiRules::EUROSTAT_2021.thresholds;
        for area in Area::ALL {
            let needed = usize::from(thresholds[area].above_basic);
            if activities[area] < needed {
                problems.push(format!(
                    "area {} has {} activity item(s); {needed} are needed to reach above basic",
                    area.code(),
                    activities[area]
                ));
            }
            if self_assessments[area] == 0 {
                problems.push(format!("area {} has no self-assessment item", area.code()));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(SkillsError::InvalidQuestionnaire { problems })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_questionnaire_is_valid_and_covers_every_area() {
        let q = Questionnaire::builtin();
        q.check().unwrap();
        assert_eq!(q.items.len(), 30);
        let count = |pred: fn(&ItemRole) -> bool| q.items.iter().filter(|i| pred(&i.role)).count();
        assert_eq!(count(|r| matches!(r, ItemRole::Activity { .. })), 15);
        assert_eq!(count(|r| matches!(r, ItemRole::SelfAssessment { .. })), 6);
        assert_eq!(count(|r| matches!(r, ItemRole::Context { .. })), 9);
        for item in &q.items {
            assert!(!item.question.fr.is_empty() && !item.question.en.is_empty());
            assert!(!item.question.fr.contains('\u{2019}'), "{}", item.id);
        }
    }

    #[test]
    fn json_round_trip_keeps_the_questionnaire() {
        let q = Questionnaire::builtin();
        let json = serde_json::to_string(q).unwrap();
        let back = Questionnaire::from_json_str(&json).unwrap();
        assert_eq!(&back, q);
    }

    #[test]
    fn check_lists_every_problem() {
        let mut q = Questionnaire::builtin().clone();
        // Remove a safety activity, duplicate an id, break a scale, drop a context item.
        let sf = q.items.iter().position(|i| i.id == "SF1").unwrap();
        q.items.remove(sf);
        q.items[1].id = q.items[2].id.clone();
        q.scales[0].options.pop();
        q.items.retain(|i| i.id != "consent_on_behalf");
        let Err(SkillsError::InvalidQuestionnaire { problems }) = q.check() else {
            panic!("a broken questionnaire was accepted")
        };
        let all = problems.join("\n");
        assert!(
            all.contains("area safety has 2 activity item(s); 3 are needed"),
            "{all}"
        );
        assert!(all.contains("is used more than once"), "{all}");
        assert!(all.contains("must have exactly the options"), "{all}");
        assert!(all.contains("ConsentOnBehalf"), "{all}");
    }

    #[test]
    fn activity_items_must_follow_a_variable_of_their_area() {
        let mut q = Questionnaire::builtin().clone();
        for item in &mut q.items {
            if let ItemRole::Activity { eurostat, .. } = &mut item.role
                && item.id == "IL1"
            {
                *eurostat = "IUEM".into();
            }
        }
        let err = q.check().unwrap_err().to_string();
        assert!(
            err.contains("IUEM is not counted in area information"),
            "{err}"
        );
    }
}
