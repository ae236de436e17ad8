//! The DigComp 2.2 proficiency estimate of each area, from the self-assessment items.
//!
//! This is a **self-assessment**, not a test: it says how the person rates their own autonomy
//! on the four-point DigCompSAT scale, translated into the DigComp proficiency levels that
//! autonomy describes. It never claims more than level 5 ("guiding others"), and a range rather
//! than a point where the scale is coarser than DigComp's levels.
//!
//! Rules `digcomp2.2-self-1`:
//! * each competence covered by the questionnaire takes the highest autonomy of the items that
//!   cover it (an unanswered item counts as "cannot do it" and is listed as not answered);
//! * each area takes the **floor of the mean** over the competences of the area that the
//!   questionnaire covers (a fixed denominator: one more answer never lowers a mean);
//!   competences the questionnaire does not cover are listed as out of scope, never counted;
//! * autonomy → DigComp levels: cannot do it → below level 1; with help → 1 ("with
//!   guidance"); on my own → 2 to 3; confidently, can help others → 4 to 5.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::questionnaire::ItemRole;
use crate::{Autonomy, Competence, PerArea, Questionnaire, Responses, SkillsError, Text};

/// The version of the proficiency rules.
pub const PROFICIENCY_RULES: &str = "digcomp2.2-self-1";

/// A range of DigComp proficiency levels (1 to 8 in DigComp; at most 5 here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct LevelRange {
    /// The lowest level of the range.
    pub min: u8,
    /// The highest level of the range.
    pub max: u8,
}

impl LevelRange {
    /// The DigComp levels a self-assessed autonomy corresponds to; `None` below level 1.
    ///
    /// ```
    /// use inclusion_skills::{Autonomy, LevelRange};
    /// assert_eq!(LevelRange::of(Autonomy::CannotDo), None);
    /// assert_eq!(LevelRange::of(Autonomy::OnMyOwn), Some(LevelRange { min: 2, max: 3 }));
    /// assert_eq!(LevelRange::of(Autonomy::Confidently).unwrap().max, 5);
    /// ```
    pub const fn of(autonomy: Autonomy) -> Option<LevelRange> {
        match autonomy {
            Autonomy::CannotDo => None,
            Autonomy::WithHelp => Some(LevelRange { min: 1, max: 1 }),
            Autonomy::OnMyOwn => Some(LevelRange { min: 2, max: 3 }),
            Autonomy::Confidently => Some(LevelRange { min: 4, max: 5 }),
        }
    }
}

/// The self-assessed proficiency of one DigComp area.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct AreaProficiency {
    /// The autonomy of the area (floor of the mean over its covered competences).
    pub autonomy: Autonomy,
    /// The DigComp 2.2 proficiency levels that autonomy corresponds to; `null` below level 1.
    pub digcomp_levels: Option<LevelRange>,
    /// A short label for the person, e.g. « seul(e) (niveaux DigComp 2 à 3, auto-évaluation) ».
    pub label: Text,
}

impl AreaProficiency {
    fn of(autonomy: Autonomy) -> AreaProficiency {
        let levels = LevelRange::of(autonomy);
        let label = match levels {
            None => Text::new(
                "à découvrir (auto-évaluation)",
                "to discover (self-assessment)",
            ),
            Some(LevelRange { min, max }) if min == max => Text::new(
                format!("avec de l'aide (niveau DigComp {min}, auto-évaluation)"),
                format!("with help (DigComp level {min}, self-assessment)"),
            ),
            Some(LevelRange { min, max }) => {
                let (fr, en) = if autonomy == Autonomy::OnMyOwn {
                    ("seul(e)", "on my own")
                } else {
                    ("avec aisance, peut aider", "confidently, can help others")
                };
                Text::new(
                    format!("{fr} (niveaux DigComp {min} à {max}, auto-évaluation)"),
                    format!("{en} (DigComp levels {min} to {max}, self-assessment)"),
                )
            }
        };
        AreaProficiency {
            autonomy,
            digcomp_levels: levels,
            label,
        }
    }
}

/// The self-assessed autonomy of one competence, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CompetenceEstimate {
    /// The competence.
    pub competence: Competence,
    /// The highest autonomy among the answered items covering it ("cannot" if none answered).
    pub autonomy: Autonomy,
    /// The items covering the competence.
    pub items: Vec<String>,
    /// Among `items`, those not answered.
    pub not_answered: Vec<String>,
}

/// How the proficiency of one area was estimated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProficiencyExplanation {
    /// The competences of the area covered by the questionnaire, with their autonomy: the mean
    /// of their autonomy scores, rounded down, is the area's autonomy.
    pub competences: Vec<CompetenceEstimate>,
    /// The competences of the area the questionnaire does not cover (not counted).
    pub out_of_scope: Vec<Competence>,
}

/// The proficiency of every area and its explanation.
pub(crate) fn estimate(
    questionnaire: &Questionnaire,
    responses: &Responses,
) -> (PerArea<AreaProficiency>, PerArea<ProficiencyExplanation>) {
    let mut covering: BTreeMap<Competence, Vec<&str>> = BTreeMap::new();
    for item in &questionnaire.items {
        if let ItemRole::SelfAssessment { competences, .. } = &item.role {
            for c in competences {
                covering.entry(*c).or_default().push(&item.id);
            }
        }
    }
    let explanations = PerArea::from_fn(|area| {
        let competences = covering
            .iter()
            .filter(|(c, _)| c.area() == area)
            .map(|(c, items)| {
                let answers: Vec<Autonomy> = items
                    .iter()
                    .filter_map(|id| responses.self_assessments.get(*id).copied())
                    .collect();
                CompetenceEstimate {
                    competence: *c,
                    autonomy: answers.into_iter().max().unwrap_or(Autonomy::CannotDo),
                    items: items.iter().map(|s| (*s).to_owned()).collect(),
                    not_answered: items
                        .iter()
                        .filter(|id| !responses.self_assessments.contains_key(**id))
                        .map(|s| (*s).to_owned())
                        .collect(),
                }
            })
            .collect();
        ProficiencyExplanation {
            competences,
            out_of_scope: Competence::ALL
                .into_iter()
                .filter(|c| c.area() == area && !covering.contains_key(c))
                .collect(),
        }
    });
    let levels = PerArea::from_fn(|area| {
        let scores: Vec<u8> = covering
            .iter()
            .filter(|(c, _)| c.area() == area)
            .map(|(_, items)| {
                items
                    .iter()
                    .filter_map(|id| responses.self_assessments.get(*id))
                    .map(|a| a.score())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        AreaProficiency::of(floor_mean(&scores))
    });
    (levels, explanations)
}

/// The autonomy whose score is the floor of the mean of `scores` (cannot do it when empty).
fn floor_mean(scores: &[u8]) -> Autonomy {
    let sum: usize = scores.iter().map(|s| usize::from(*s)).sum();
    let mean = sum.checked_div(scores.len()).unwrap_or(0);
    Autonomy::from_score(u8::try_from(mean).unwrap_or(0)).unwrap_or(Autonomy::CannotDo)
}

impl ProficiencyExplanation {
    /// The area's proficiency recomputed from the listed competence autonomies.
    pub fn recompute(&self) -> AreaProficiency {
        let scores: Vec<u8> = self
            .competences
            .iter()
            .map(|c| c.autonomy.score())
            .collect();
        AreaProficiency::of(floor_mean(&scores))
    }
}

/// The autonomy of every competence listed in the explanations: the input of the
/// accompaniment's "self-assessment" rule.
pub(crate) fn competence_autonomies(
    explanations: &PerArea<ProficiencyExplanation>,
) -> Result<BTreeMap<Competence, Autonomy>, SkillsError> {
    let mut map = BTreeMap::new();
    for (area, e) in explanations.iter() {
        for c in &e.competences {
            if c.competence.area() != area {
                return Err(SkillsError::InvalidExplanation(format!(
                    "competence {} is listed under area {}",
                    c.competence.code(),
                    area.code()
                )));
            }
            if map.insert(c.competence, c.autonomy).is_some() {
                return Err(SkillsError::InvalidExplanation(format!(
                    "competence {} is listed twice",
                    c.competence.code()
                )));
            }
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Choice;

    #[test]
    fn floor_of_the_mean() {
        assert_eq!(floor_mean(&[]), Autonomy::CannotDo);
        assert_eq!(floor_mean(&[3, 0]), Autonomy::WithHelp);
        assert_eq!(floor_mean(&[3, 2, 2, 2]), Autonomy::OnMyOwn);
        assert_eq!(floor_mean(&[3, 3]), Autonomy::Confidently);
    }

    #[test]
    fn levels_never_exceed_5_and_grow_with_autonomy() {
        let mut last = 0;
        for a in Autonomy::ALL {
            let r = LevelRange::of(*a);
            let max = r.map_or(0, |r| r.max);
            assert!(max <= 5);
            assert!(max > last || *a == Autonomy::CannotDo);
            if let Some(r) = r {
                assert!(r.min >= 1 && r.min <= r.max);
            }
            last = max;
        }
    }

    #[test]
    fn labels_say_it_is_a_self_assessment() {
        for a in Autonomy::ALL {
            let p = AreaProficiency::of(*a);
            assert!(p.label.fr.contains("auto-évaluation"), "{}", p.label.fr);
            assert!(p.label.en.contains("self-assessment"), "{}", p.label.en);
        }
    }
}
