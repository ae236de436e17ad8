//! The Eurostat Digital Skills Indicator 2.0 rules: the level of each area from a count of
//! activities ([`Thresholds`]), and the overall class from the five levels ([`ClassRule`]),
//! both held as data in a versioned [`DsiRules`] table.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Area, PerArea, Text};

/// The level of one area in the DSI 2.0: what the activities done in the last 3 months show.
/// Ordered: `None < Basic < AboveBasic`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AreaLevel {
    /// `none`: no activity of the area was done.
    None,
    /// `basic`: « de base », the basic number of activities was reached.
    Basic,
    /// `above_basic`: « au-dessus de la base », the above-basic number of activities was reached.
    AboveBasic,
}

impl AreaLevel {
    /// Every level, lowest first.
    pub const ALL: [AreaLevel; 3] = [AreaLevel::None, AreaLevel::Basic, AreaLevel::AboveBasic];

    /// The wire code (`none`, `basic`, `above_basic`).
    pub const fn code(self) -> &'static str {
        match self {
            AreaLevel::None => "none",
            AreaLevel::Basic => "basic",
            AreaLevel::AboveBasic => "above_basic",
        }
    }

    /// The French label.
    pub const fn label_fr(self) -> &'static str {
        match self {
            AreaLevel::None => "aucune compétence",
            AreaLevel::Basic => "compétences de base",
            AreaLevel::AboveBasic => "compétences au-dessus de la base",
        }
    }

    /// The English label.
    pub const fn label_en(self) -> &'static str {
        match self {
            AreaLevel::None => "no skills",
            AreaLevel::Basic => "basic skills",
            AreaLevel::AboveBasic => "above basic skills",
        }
    }
}

/// The overall DSI 2.0 class of a person. Ordered from `NotAssessed` (lowest) to
/// `AboveBasic` (highest), the order of the Eurostat glossary.
///
/// ```
/// use inclusion_skills::DsiClass;
/// assert_eq!(DsiClass::Low.eurostat_code(), "I_DSK2_LW");
/// assert_eq!(serde_json::to_string(&DsiClass::NoSkills).unwrap(), "\"none\"");
/// assert!(DsiClass::Basic.at_least_basic() && !DsiClass::Low.at_least_basic());
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DsiClass {
    /// `not_assessed` (`I_DSK2_NA`): the internet was not used in the last 3 months.
    NotAssessed,
    /// `none` (`I_DSK2_X`): no overall digital skills (0 or 1 area at basic or above).
    #[serde(rename = "none")]
    NoSkills,
    /// `limited` (`I_DSK2_LM`): 2 of the 5 areas at basic or above.
    Limited,
    /// `narrow` (`I_DSK2_N`): 3 of the 5 areas at basic or above.
    Narrow,
    /// `low` (`I_DSK2_LW`): 4 of the 5 areas at basic or above.
    Low,
    /// `basic` (`I_DSK2_B`): all 5 areas at basic or above, not all above basic.
    Basic,
    /// `above_basic` (`I_DSK2_AB`): all 5 areas above basic.
    AboveBasic,
}

impl DsiClass {
    /// Every class, lowest first.
    pub const ALL: [DsiClass; 7] = [
        DsiClass::NotAssessed,
        DsiClass::NoSkills,
        DsiClass::Limited,
        DsiClass::Narrow,
        DsiClass::Low,
        DsiClass::Basic,
        DsiClass::AboveBasic,
    ];

    /// The wire code (`not_assessed`, `none`, `limited`, `narrow`, `low`, `basic`, `above_basic`).
    pub const fn code(self) -> &'static str {
        match self {
            DsiClass::NotAssessed => "not_assessed",
            DsiClass::NoSkills => "none",
            DsiClass::Limited => "limited",
            DsiClass::Narrow => "narrow",
            DsiClass::Low => "low",
            DsiClass::Basic => "basic",
            DsiClass::AboveBasic => "above_basic",
        }
    }

    /// The Eurostat indicator code of the class (dataset `isoc_sk_dskl_i21`).
    pub const fn eurostat_code(self) -> &'static str {
        match self {
            DsiClass::NotAssessed => "I_DSK2_NA",
            DsiClass::NoSkills => "I_DSK2_X",
            DsiClass::Limited => "I_DSK2_LM",
            DsiClass::Narrow => "I_DSK2_N",
            DsiClass::Low => "I_DSK2_LW",
            DsiClass::Basic => "I_DSK2_B",
            DsiClass::AboveBasic => "I_DSK2_AB",
        }
    }

    /// The French label.
    pub const fn label_fr(self) -> &'static str {
        match self {
            DsiClass::NotAssessed => {
                "non évalué (pas d'usage d'internet au cours des 3 derniers mois)"
            }
            DsiClass::NoSkills => "aucune compétence numérique globale",
            DsiClass::Limited => "compétences numériques limitées",
            DsiClass::Narrow => "compétences numériques restreintes",
            DsiClass::Low => "compétences numériques faibles",
            DsiClass::Basic => "compétences numériques de base",
            DsiClass::AboveBasic => "compétences numériques au-dessus de la base",
        }
    }

    /// The English label (Eurostat's wording).
    pub const fn label_en(self) -> &'static str {
        match self {
            DsiClass::NotAssessed => "not assessed (internet not used in the last 3 months)",
            DsiClass::NoSkills => "no overall digital skills",
            DsiClass::Limited => "limited overall digital skills",
            DsiClass::Narrow => "narrow overall digital skills",
            DsiClass::Low => "low overall digital skills",
            DsiClass::Basic => "basic overall digital skills",
            DsiClass::AboveBasic => "above basic overall digital skills",
        }
    }

    /// Whether the class counts towards Eurostat's headline `I_DSK2_BAB` ("at least basic").
    pub const fn at_least_basic(self) -> bool {
        matches!(self, DsiClass::Basic | DsiClass::AboveBasic)
    }
}

/// How many activities of an area give the basic and the above-basic level.
///
/// ```
/// use inclusion_skills::{AreaLevel, Thresholds};
/// let t = Thresholds { basic: 1, above_basic: 3 };
/// assert_eq!(t.level(0), AreaLevel::None);
/// assert_eq!(t.level(2), AreaLevel::Basic);
/// assert_eq!(t.level(3), AreaLevel::AboveBasic);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Thresholds {
    /// The smallest number of activities that gives the basic level.
    pub basic: u8,
    /// The smallest number of activities that gives the above-basic level.
    pub above_basic: u8,
}

impl Thresholds {
    /// The level given by `count` activities.
    pub fn level(self, count: usize) -> AreaLevel {
        if count >= usize::from(self.above_basic) {
            AreaLevel::AboveBasic
        } else if count >= usize::from(self.basic) {
            AreaLevel::Basic
        } else {
            AreaLevel::None
        }
    }
}

/// One row of the overall-class table: the class given when the number of areas at basic or
/// above lies in `min_at_least_basic..=max_at_least_basic` (and, if `all_above_basic`, every
/// area is above basic). Rows are tried in order; the first that matches decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct ClassRule {
    /// The class this row gives.
    pub class: DsiClass,
    /// Whether the row needs all five areas above basic.
    pub all_above_basic: bool,
    /// The smallest number of areas at basic or above.
    pub min_at_least_basic: u8,
    /// The largest number of areas at basic or above.
    pub max_at_least_basic: u8,
    /// The rule in French.
    pub text_fr: &'static str,
    /// The rule in English.
    pub text_en: &'static str,
}

impl ClassRule {
    /// Whether the row applies to `at_least_basic` areas at basic or above, of which
    /// `above_basic` above basic.
    pub fn matches(&self, at_least_basic: usize, above_basic: usize) -> bool {
        (!self.all_above_basic || above_basic == Area::ALL.len())
            && (usize::from(self.min_at_least_basic)..=usize::from(self.max_at_least_basic))
                .contains(&at_least_basic)
    }

    /// The rule as a bilingual text.
    pub fn text(&self) -> Text {
        Text::new(self.text_fr, self.text_en)
    }
}

/// A versioned set of DSI rules: the thresholds of every area and the class table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct DsiRules {
    /// The version of the rules, e.g. `eurostat-dsi2-2021`.
    pub id: &'static str,
    /// The thresholds of every area.
    pub thresholds: PerArea<Thresholds>,
    /// The class table, tried in order.
    pub classes: &'static [ClassRule],
}

const CLASS_TABLE_2021: [ClassRule; 6] = [
    ClassRule {
        class: DsiClass::AboveBasic,
        all_above_basic: true,
        min_at_least_basic: 5,
        max_at_least_basic: 5,
        text_fr: "les 5 domaines au-dessus de la base → « au-dessus de la base »",
        text_en: "all 5 areas above basic → above basic",
    },
    ClassRule {
        class: DsiClass::Basic,
        all_above_basic: false,
        min_at_least_basic: 5,
        max_at_least_basic: 5,
        text_fr: "les 5 domaines au moins de base, pas tous au-dessus → « de base »",
        text_en: "all 5 areas basic or above, not all above basic → basic",
    },
    ClassRule {
        class: DsiClass::Low,
        all_above_basic: false,
        min_at_least_basic: 4,
        max_at_least_basic: 4,
        text_fr: "4 domaines sur 5 au moins de base → « faibles »",
        text_en: "4 of 5 areas basic or above → low",
    },
    ClassRule {
        class: DsiClass::Narrow,
        all_above_basic: false,
        min_at_least_basic: 3,
        max_at_least_basic: 3,
        text_fr: "3 domaines sur 5 au moins de base → « restreintes »",
        text_en: "3 of 5 areas basic or above → narrow",
    },
    ClassRule {
        class: DsiClass::Limited,
        all_above_basic: false,
        min_at_least_basic: 2,
        max_at_least_basic: 2,
        text_fr: "2 domaines sur 5 au moins de base → « limitées »",
        text_en: "2 of 5 areas basic or above → limited",
    },
    ClassRule {
        class: DsiClass::NoSkills,
        all_above_basic: false,
        min_at_least_basic: 0,
        max_at_least_basic: 1,
        text_fr: "0 ou 1 domaine au moins de base → « aucune compétence globale »",
        text_en: "0 or 1 area basic or above → no overall digital skills",
    },
];

impl DsiRules {
    /// The Eurostat DSI 2.0 rules as used from the 2021 survey: basic from 1 activity in every
    /// area; above basic from 2 activities in information and communication, from 3 in content
    /// creation, safety and problem solving; the class table of Eurostat's indicator labels.
    pub const EUROSTAT_2021: DsiRules = DsiRules {
        id: "eurostat-dsi2-2021",
        thresholds: PerArea {
            information: Thresholds {
                basic: 1,
                above_basic: 2,
            },
            communication: Thresholds {
                basic: 1,
                above_basic: 2,
            },
            content_creation: Thresholds {
                basic: 1,
                above_basic: 3,
            },
            safety: Thresholds {
                basic: 1,
                above_basic: 3,
            },
            problem_solving: Thresholds {
                basic: 1,
                above_basic: 3,
            },
        },
        classes: &CLASS_TABLE_2021,
    };

    /// The overall class of five area levels, and the row of the class table that gave it.
    ///
    /// ```
    /// use inclusion_skills::{AreaLevel, DsiClass, DsiRules, PerArea};
    /// let mut levels = PerArea::from_fn(|_| AreaLevel::AboveBasic);
    /// assert_eq!(DsiRules::EUROSTAT_2021.class(&levels).0, DsiClass::AboveBasic);
    /// levels.safety = AreaLevel::None;
    /// let (class, rule) = DsiRules::EUROSTAT_2021.class(&levels);
    /// assert_eq!(class, DsiClass::Low);
    /// assert_eq!(rule.text_en, "4 of 5 areas basic or above → low");
    /// ```
    pub fn class(&self, levels: &PerArea<AreaLevel>) -> (DsiClass, &'static ClassRule) {
        let at_least_basic = levels
            .iter()
            .filter(|(_, l)| **l >= AreaLevel::Basic)
            .count();
        let above = levels
            .iter()
            .filter(|(_, l)| **l == AreaLevel::AboveBasic)
            .count();
        let classes: &'static [ClassRule] = self.classes;
        let rule = classes
            .iter()
            .find(|r| r.matches(at_least_basic, above))
            // The tables of this crate cover every case (tested on all 243 combinations);
            // the last row is the lowest class.
            .unwrap_or(&CLASS_TABLE_2021[CLASS_TABLE_2021.len() - 1]);
        (rule.class, rule)
    }
}

/// The DSI result of one person: the level of each area and the overall class.
///
/// On the wire: `{"areas": {"information": L, "communication": L, "content_creation": L,
/// "safety": L, "problem_solving": L}, "class": C}`, with `L` one of `none`, `basic`,
/// `above_basic`, or `null` for every area when the class is `not_assessed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct DsiResult {
    /// The level of each area; `null` when the person was not assessed.
    pub areas: PerArea<Option<AreaLevel>>,
    /// The overall DSI 2.0 class.
    pub class: DsiClass,
}

/// What was counted in one area, and the level it gave.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct AreaCount {
    /// The activities counted as done (answered "yes"), by id: these make the count.
    pub counted: Vec<String>,
    /// The activities of the area not counted (answered "no" or "don't know", or not answered).
    pub not_counted: Vec<String>,
    /// Among `not_counted`, those answered "don't know" (counted as not done, as Eurostat
    /// counts a missing answer).
    pub dont_know: Vec<String>,
    /// The thresholds applied to the number of `counted` activities.
    pub thresholds: Option<Thresholds>,
    /// The level given; `null` when the person was not assessed.
    pub level: Option<AreaLevel>,
}

/// Which activities a DSI result counts, and so how far it can be compared with Eurostat's
/// published figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DsiMode {
    /// `dsi_style`: the Eurostat rules applied to the questionnaire's short list of activities
    /// (3 per area instead of Eurostat's 5 to 7). Reaching a level is harder with fewer
    /// activities, so the result leans towards lower classes: an orientation aid, **not
    /// comparable with Eurostat or INSEE figures**.
    DsiStyle,
    /// `eurostat_full`: the Eurostat rules applied to the survey's own activity variables, as
    /// Eurostat computes the indicator (with the reconstructed variable list; see
    /// [`crate::eurostat`]).
    EurostatFull,
}

/// How a [`DsiResult`] was obtained: the activities counted in each area, the thresholds, the
/// row of the class table. [`DsiExplanation::recompute`] gives the result back from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DsiExplanation {
    /// The version of the DSI rules applied (see [`DsiRules::id`]).
    pub rules: String,
    /// Which activities were counted: the questionnaire's (DSI-style) or the survey's.
    pub mode: DsiMode,
    /// Whether the internet was used in the last 3 months: without it, the person is not
    /// assessed, whatever the activities.
    pub used_internet_3m: bool,
    /// What was counted in each area.
    pub areas: PerArea<AreaCount>,
    /// How many areas are at basic or above (`null` when not assessed).
    pub areas_at_least_basic: Option<u8>,
    /// The row of the class table that decided the class (`null` when not assessed).
    pub class_rule: Option<Text>,
    /// The class given.
    pub class: DsiClass,
}

/// The activities of one area, sorted out by answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) counted: Vec<String>,
    pub(crate) not_counted: Vec<String>,
    pub(crate) dont_know: Vec<String>,
}

impl DsiRules {
    /// Every rule set this version of the crate knows.
    pub const ALL: [DsiRules; 1] = [DsiRules::EUROSTAT_2021];

    /// The rules with this id.
    pub fn by_id(id: &str) -> Option<DsiRules> {
        DsiRules::ALL.into_iter().find(|r| r.id == id)
    }

    /// Levels and class from the activities of each area, with the explanation.
    pub(crate) fn evaluate(
        &self,
        mode: DsiMode,
        used_internet_3m: bool,
        tallies: PerArea<Tally>,
    ) -> (DsiResult, DsiExplanation) {
        let levels = PerArea::from_fn(|a| {
            used_internet_3m.then(|| self.thresholds[a].level(tallies[a].counted.len()))
        });
        let (class, rule) = match levels_if_assessed(&levels) {
            Some(l) => {
                let (class, rule) = self.class(&l);
                (class, Some(rule))
            }
            None => (DsiClass::NotAssessed, None),
        };
        let mut tallies = tallies;
        let areas = PerArea::from_fn(|a| {
            let t = std::mem::take(&mut tallies[a]);
            AreaCount {
                counted: t.counted,
                not_counted: t.not_counted,
                dont_know: t.dont_know,
                thresholds: Some(self.thresholds[a]),
                level: levels[a],
            }
        });
        let explanation = DsiExplanation {
            rules: self.id.to_owned(),
            mode,
            used_internet_3m,
            areas,
            areas_at_least_basic: used_internet_3m.then(|| {
                levels
                    .iter()
                    .filter(|(_, l)| l.is_some_and(|l| l >= AreaLevel::Basic))
                    .count() as u8
            }),
            class_rule: rule.map(ClassRule::text),
            class,
        };
        (
            DsiResult {
                areas: levels,
                class,
            },
            explanation,
        )
    }
}

fn levels_if_assessed(levels: &PerArea<Option<AreaLevel>>) -> Option<PerArea<AreaLevel>> {
    Some(PerArea {
        information: levels.information?,
        communication: levels.communication?,
        content_creation: levels.content_creation?,
        safety: levels.safety?,
        problem_solving: levels.problem_solving?,
    })
}

impl DsiExplanation {
    /// Recomputes the result from the explanation alone: the number of activities listed in
    /// `counted` of each area against its `thresholds`, then the class table of the rules named
    /// by `rules`. The recorded levels, count of areas and class are not read.
    ///
    /// # Errors
    /// [`SkillsError::UnknownRuleSet`](crate::SkillsError::UnknownRuleSet) when `rules` is unknown,
    /// [`SkillsError::InvalidExplanation`](crate::SkillsError::InvalidExplanation) when an assessed area has
    /// no thresholds.
    pub fn recompute(&self) -> Result<DsiResult, crate::SkillsError> {
        let rules =
            DsiRules::by_id(&self.rules).ok_or_else(|| crate::SkillsError::UnknownRuleSet {
                id: self.rules.clone(),
                known: DsiRules::ALL.iter().map(|r| r.id).collect(),
            })?;
        if !self.used_internet_3m {
            return Ok(DsiResult {
                areas: PerArea::default(),
                class: DsiClass::NotAssessed,
            });
        }
        let mut levels = PerArea::from_fn(|_| AreaLevel::None);
        for (area, count) in self.areas.iter() {
            let thresholds = count.thresholds.ok_or_else(|| {
                crate::SkillsError::InvalidExplanation(format!(
                    "area {} has no thresholds",
                    area.code()
                ))
            })?;
            levels[area] = thresholds.level(count.counted.len());
        }
        let (class, _) = rules.class(&levels);
        Ok(DsiResult {
            areas: levels.map(|_, l| Some(*l)),
            class,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The thresholds of Eurostat, as published (CBS description, DSI 2.0 microdata script):
    /// information and communication: 1 basic, 2+ above; the three others: 1–2 basic, 3+ above.
    #[test]
    fn every_threshold_boundary() {
        let rules = DsiRules::EUROSTAT_2021;
        let expected_il_cc = [
            AreaLevel::None,
            AreaLevel::Basic,
            AreaLevel::AboveBasic,
            AreaLevel::AboveBasic,
            AreaLevel::AboveBasic,
        ];
        let expected_others = [
            AreaLevel::None,
            AreaLevel::Basic,
            AreaLevel::Basic,
            AreaLevel::AboveBasic,
            AreaLevel::AboveBasic,
        ];
        for area in Area::ALL {
            let expected = match area {
                Area::Information | Area::Communication => &expected_il_cc,
                _ => &expected_others,
            };
            for (n, want) in expected.iter().enumerate() {
                assert_eq!(rules.thresholds[area].level(n), *want, "{area:?} n={n}");
            }
            assert_eq!(rules.thresholds[area].level(100), AreaLevel::AboveBasic);
        }
    }

    /// Independent oracle, written like the DSI 2.0 microdata script: count the areas with no
    /// skill and decide by that count.
    fn oracle(levels: [AreaLevel; 5]) -> DsiClass {
        let nos = levels.iter().filter(|l| **l == AreaLevel::None).count();
        let abv = levels
            .iter()
            .filter(|l| **l == AreaLevel::AboveBasic)
            .count();
        match (abv, nos) {
            (5, _) => DsiClass::AboveBasic,
            (_, 0) => DsiClass::Basic,
            (_, 1) => DsiClass::Low,
            (_, 2) => DsiClass::Narrow,
            (_, 3) => DsiClass::Limited,
            _ => DsiClass::NoSkills,
        }
    }

    #[test]
    fn all_243_combinations_of_area_levels_give_the_eurostat_class() {
        let mut seen = std::collections::BTreeMap::new();
        for code in 0..243usize {
            let mut digits = [AreaLevel::None; 5];
            let mut c = code;
            for d in &mut digits {
                *d = AreaLevel::ALL[c % 3];
                c /= 3;
            }
            let levels = PerArea::from_fn(|a| digits[a.index()]);
            let (class, rule) = DsiRules::EUROSTAT_2021.class(&levels);
            assert_eq!(class, oracle(digits), "{digits:?}");
            assert_eq!(rule.class, class);
            // Exactly one row of the table matches each combination, except the all-above one,
            // which the "above basic" row and then the "basic" row match: the first wins.
            let k = digits.iter().filter(|l| **l >= AreaLevel::Basic).count();
            let above = digits
                .iter()
                .filter(|l| **l == AreaLevel::AboveBasic)
                .count();
            let matching: Vec<DsiClass> = CLASS_TABLE_2021
                .iter()
                .filter(|r| r.matches(k, above))
                .map(|r| r.class)
                .collect();
            if above == 5 {
                assert_eq!(matching, [DsiClass::AboveBasic, DsiClass::Basic]);
            } else {
                assert_eq!(matching, [class], "{digits:?}");
            }
            *seen.entry(class).or_insert(0) += 1;
        }
        // Every class but NotAssessed is reached; AboveBasic only by the all-above vector.
        assert_eq!(seen.len(), 6);
        assert_eq!(seen[&DsiClass::AboveBasic], 1);
        // Basic: all five at least basic (2^5) minus the all-above one.
        assert_eq!(seen[&DsiClass::Basic], 31);
        // Low: one area none (5 ways), the four others basic or above (2^4).
        assert_eq!(seen[&DsiClass::Low], 5 * 16);
        assert_eq!(seen.values().sum::<usize>(), 243);
    }

    #[test]
    fn classes_are_ordered_like_the_eurostat_glossary() {
        let mut sorted = DsiClass::ALL;
        sorted.sort();
        assert_eq!(sorted, DsiClass::ALL);
        for c in DsiClass::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.code());
        }
    }
}
