//! [`assess`]: from answers to an [`Assessment`] (profile, DSI class, proficiency,
//! recommendation, help to look for) with its [`Explanation`], and back from the explanation
//! ([`Explanation::recompute`]).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::accompaniment::{AccompanimentExplanation, Decision, Note, NoteCode, RuleInputs};
use crate::dsi::Tally;
use crate::proficiency::{self, AreaProficiency, ProficiencyExplanation};
use crate::questionnaire::ItemRole;
use crate::{
    AccompanimentRules, Answers, Autonomy, Competence, Context, DsiExplanation, DsiMode, DsiResult,
    HelpNeeds, PerArea, Questionnaire, Recommendation, Responses, RuleSet, SkillsError, Tri,
};

/// The result of a diagnostic, with its explanation. Serialises to JSON for a user interface;
/// [`Assessment::verify`] checks that the outcome follows from the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    /// The questionnaire answered, as `id/version`.
    pub questionnaire: String,
    /// The id of the rule set applied (see [`RuleSet`]).
    pub rules: String,
    /// What was decided.
    pub outcome: Outcome,
    /// Why: the items counted per area, the thresholds, the rules.
    pub explanation: Explanation,
}

/// What a diagnostic decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Outcome {
    /// The DSI 2.0 level of each area and the overall class, from the activities.
    pub dsi: DsiResult,
    /// Which activities the DSI result counts: always `dsi_style` for a questionnaire (not
    /// comparable with Eurostat figures; see [`DsiMode`]).
    pub dsi_mode: DsiMode,
    /// The self-assessed DigComp proficiency of each area.
    pub proficiency: PerArea<AreaProficiency>,
    /// The recommended accompaniment, its flags and notes.
    pub recommendation: Recommendation,
    /// The help to look for, in the standard's vocabularies.
    pub needs: HelpNeeds,
}

/// Why a diagnostic decided what it did; enough to recompute the outcome
/// ([`Explanation::recompute`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Explanation {
    /// The id of the rule set applied.
    pub rules: String,
    /// The activities counted in each area, the thresholds applied, the class rule.
    pub dsi: DsiExplanation,
    /// The competences and autonomy behind each area's proficiency.
    pub proficiency: PerArea<ProficiencyExplanation>,
    /// The inputs of the accompaniment rules, every rule's proposal and the binding rule.
    pub accompaniment: AccompanimentExplanation,
    /// The version of the mapping to the standard's vocabularies.
    pub help_needs: String,
}

/// Validates `answers` against `questionnaire` and scores them with the current rules.
///
/// Pure: no I/O, nothing logged or stored; the same answers always give the same assessment.
///
/// ```
/// use inclusion_skills::{assess, Accompaniment, Answers, DsiClass, Questionnaire};
///
/// let q = Questionnaire::builtin();
/// let mut answers = Answers::new(q).with("internet_3m", true);
/// for item in &q.items {
///     if item.id.len() == 3 {
///         // The 15 activities (IL1...PS3) and the 6 self-assessments (SA1...SA6).
///         answers = answers.with(&item.id, if item.id.starts_with("SA") { "confidently" } else { "yes" });
///     }
/// }
/// let answers = answers
///     .with("equipment", ["smartphone", "computer", "home_internet"]).with("email", "yes")
///     .with("franceconnect", "yes").with("language", [] as [&str; 0])
///     .with("urgent_procedure", "no").with("wants_to_learn", "no").with("consent_on_behalf", "no");
/// let a = assess(q, &answers)?;
/// assert_eq!(a.outcome.dsi.class, DsiClass::AboveBasic);
/// assert_eq!(a.outcome.recommendation.accompaniment, Accompaniment::Autonomous);
/// assert_eq!(a.explanation.recompute()?, a.outcome);
/// # Ok::<(), inclusion_skills::SkillsError>(())
/// ```
///
/// # Errors
/// [`SkillsError::InvalidAnswers`] listing every problem of the answers.
pub fn assess(questionnaire: &Questionnaire, answers: &Answers) -> Result<Assessment, SkillsError> {
    let responses = questionnaire.validate(answers)?;
    Ok(score(questionnaire, &responses, RuleSet::current()))
}

/// Scores validated responses with a rule set. Responses to items the questionnaire does not
/// have are ignored (validation rejects them).
pub fn score(questionnaire: &Questionnaire, responses: &Responses, rules: &RuleSet) -> Assessment {
    let used = responses.context.used_internet_3m;
    let mut tallies: PerArea<Tally> = PerArea::default();
    for item in &questionnaire.items {
        if let ItemRole::Activity { area, .. } = &item.role {
            let tally = &mut tallies[*area];
            match responses.activities.get(&item.id) {
                Some(Tri::Yes) => tally.counted.push(item.id.clone()),
                Some(Tri::DontKnow) => {
                    tally.dont_know.push(item.id.clone());
                    tally.not_counted.push(item.id.clone());
                }
                _ => tally.not_counted.push(item.id.clone()),
            }
        }
    }
    let (dsi, dsi_explanation) = rules.dsi.evaluate(DsiMode::DsiStyle, used, tallies);
    let (proficiency, proficiency_explanation) = proficiency::estimate(questionnaire, responses);
    let required: BTreeMap<Competence, Autonomy> = proficiency_explanation
        .iter()
        .flat_map(|(_, e)| e.competences.iter().map(|c| (c.competence, c.autonomy)))
        .collect();
    let task_autonomy = lowest(&required);
    let context = &responses.context;
    let decision = rules.accompaniment.decide(&RuleInputs {
        task_autonomy,
        dsi_class: dsi.class,
        context,
    });
    let recommendation = recommendation(&decision, &dsi_explanation);
    let needs = HelpNeeds::derive(decision.level, &decision.flags, context);
    Assessment {
        questionnaire: responses.questionnaire.clone(),
        rules: rules.id.to_owned(),
        outcome: Outcome {
            dsi,
            dsi_mode: DsiMode::DsiStyle,
            proficiency,
            recommendation,
            needs,
        },
        explanation: Explanation {
            rules: rules.id.to_owned(),
            dsi: dsi_explanation,
            proficiency: proficiency_explanation,
            accompaniment: AccompanimentExplanation {
                rules: rules.accompaniment.id.to_owned(),
                required_competences: required,
                task_autonomy,
                dsi_class: dsi.class,
                situation: context.clone(),
                proposals: decision.proposals,
                highest: decision.highest,
                binding_rule: decision.binding_rule,
                consent_applied: decision.consent_applied,
                level: decision.level,
            },
            help_needs: rules.help_needs.to_owned(),
        },
    }
}

/// The lowest autonomy of the required competences ("cannot" when there are none).
fn lowest(required: &BTreeMap<Competence, Autonomy>) -> Autonomy {
    required
        .values()
        .copied()
        .min()
        .unwrap_or(Autonomy::CannotDo)
}

fn recommendation(decision: &Decision, dsi: &DsiExplanation) -> Recommendation {
    let mut notes = decision.notes.clone();
    if !dsi.used_internet_3m && dsi.areas.iter().any(|(_, a)| !a.counted.is_empty()) {
        notes.push(Note::new(
            NoteCode::InconsistentInternetUse,
            "Des activités en ligne sont déclarées alors qu'internet n'a pas été utilisé depuis 3 mois : la personne n'est pas évaluée (règle Eurostat). Vérifier la première réponse.",
            "Online activities are declared although the internet was not used in the last 3 months: the person is not assessed (Eurostat rule). Check the first answer.",
        ));
    }
    Recommendation {
        accompaniment: decision.level,
        label: decision.level.label(),
        flags: decision.flags.clone(),
        notes,
    }
}

impl Explanation {
    /// Recomputes the outcome from the explanation alone: the DSI levels from the activities
    /// listed as counted and the thresholds; the class from the class table of the named rules;
    /// each area's proficiency from the listed competence autonomies; the accompaniment by
    /// applying the named rules to those and to the recorded situation; the help needs from the
    /// recommendation. Recorded results (levels, class, proposals, level) are not read.
    ///
    /// # Errors
    /// [`SkillsError::UnknownRuleSet`] for rules this version does not know;
    /// [`SkillsError::InvalidExplanation`] for an explanation that lists a competence twice or under
    /// the wrong area, or an area without thresholds.
    pub fn recompute(&self) -> Result<Outcome, SkillsError> {
        let unknown = |id: &str, known: Vec<&'static str>| SkillsError::UnknownRuleSet {
            id: id.to_owned(),
            known,
        };
        let rules = RuleSet::by_id(&self.rules)
            .ok_or_else(|| unknown(&self.rules, RuleSet::KNOWN_IDS.to_vec()))?;
        let accompaniment_rules =
            AccompanimentRules::by_id(&self.accompaniment.rules).ok_or_else(|| {
                let known = AccompanimentRules::ALL.iter().map(|r| r.id).collect();
                unknown(&self.accompaniment.rules, known)
            })?;
        if self.help_needs != rules.help_needs {
            return Err(unknown(&self.help_needs, vec![rules.help_needs]));
        }
        let dsi = self.dsi.recompute()?;
        let proficiency = self.proficiency.map(|_, e| e.recompute());
        let autonomies = proficiency::competence_autonomies(&self.proficiency)?;
        let context: &Context = &self.accompaniment.situation;
        let decision = accompaniment_rules.decide(&RuleInputs {
            task_autonomy: lowest(&autonomies),
            dsi_class: dsi.class,
            context,
        });
        let recommendation = recommendation(&decision, &self.dsi);
        let needs = HelpNeeds::derive(decision.level, &decision.flags, context);
        Ok(Outcome {
            dsi,
            dsi_mode: self.dsi.mode,
            proficiency,
            recommendation,
            needs,
        })
    }
}

impl Assessment {
    /// Checks that the outcome is what the explanation recomputes to (for instance after the
    /// assessment was stored as JSON and read back).
    ///
    /// # Errors
    /// [`SkillsError::InvalidExplanation`] when they differ, or the errors of
    /// [`Explanation::recompute`].
    pub fn verify(&self) -> Result<(), SkillsError> {
        if self.explanation.recompute()? == self.outcome {
            Ok(())
        } else {
            Err(SkillsError::InvalidExplanation(
                "the outcome is not what the explanation recomputes to".to_owned(),
            ))
        }
    }
}
