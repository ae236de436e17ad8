//! [`RuleSet`]: every versioned rule table the engine applies, under one id.

use crate::needs::HELP_NEEDS_RULES;
use crate::proficiency::PROFICIENCY_RULES;
use crate::{AccompanimentRules, DsiRules};

/// The rules of the engine, versioned together: an assessment records the id of its rule set,
/// and any change of a threshold, a table or a rule gives a new id.
///
/// ```
/// use inclusion_skills::RuleSet;
/// let rules = RuleSet::current();
/// assert_eq!(rules.id, "skills-rules-1");
/// assert_eq!(rules.dsi.id, "eurostat-dsi2-2021");
/// assert_eq!(rules.accompaniment.id, "accompaniment-1");
/// assert!(RuleSet::by_id("skills-rules-1").is_some());
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct RuleSet {
    /// The id recorded in every assessment.
    pub id: &'static str,
    /// The DSI 2.0 thresholds and class table.
    pub dsi: DsiRules,
    /// The version of the DigComp self-assessment rules.
    pub proficiency: &'static str,
    /// The accompaniment rules.
    pub accompaniment: AccompanimentRules,
    /// The version of the mapping to the standard's vocabularies.
    pub help_needs: &'static str,
}

impl RuleSet {
    /// Version 1: `eurostat-dsi2-2021`, `digcomp2.2-self-1`, `accompaniment-1`, `help-needs-1`.
    pub const V1: RuleSet = RuleSet {
        id: "skills-rules-1",
        dsi: DsiRules::EUROSTAT_2021,
        proficiency: PROFICIENCY_RULES,
        accompaniment: AccompanimentRules::V1,
        help_needs: HELP_NEEDS_RULES,
    };

    /// The ids of every rule set this version of the crate knows.
    pub const KNOWN_IDS: [&'static str; 1] = [RuleSet::V1.id];

    /// The rule set applied by [`crate::assess()`].
    pub fn current() -> &'static RuleSet {
        &RuleSet::V1
    }

    /// The rule set with this id.
    pub fn by_id(id: &str) -> Option<RuleSet> {
        [RuleSet::V1].into_iter().find(|r| r.id == id)
    }
}
