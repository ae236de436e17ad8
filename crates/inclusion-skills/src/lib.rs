//! # inclusion-skills
//!
//! A digital-skills diagnostic for digital mediators, social workers and self-service kiosks:
//! a short questionnaire goes in; the person's skills profile, the level of accompaniment they
//! need and the kind of place to send them to come out, each with its explanation.
//!
//! The engine is **pure**: no I/O, no logging, no storage of answers (they are personal data);
//! the same answers always give the same result. Every rule is data, versioned ([`RuleSet`]).
//!
//! ## What it does
//!
//! * **A versioned questionnaire** ([`Questionnaire::builtin`], « Diagnostic numérique »
//!   1.0.0): 30 items in French with English, as data a user interface renders from JSON —
//!   15 activity items ("in the last 3 months, have you...") mapped to the five areas of
//!   DigComp 2.2 / DSI 2.0 and to EU survey variables, 6 self-assessment items on the
//!   four-point DigCompSAT scale, 9 items on the person's situation (internet use, equipment,
//!   e-mail, FranceConnect, reading or language difficulties, disability, urgency, wish to
//!   learn, consent to a mandate).
//! * **Validation** ([`Questionnaire::validate`]): unknown items, missing required items,
//!   values out of scale, repeated answers, all listed at once ([`SkillsError::InvalidAnswers`]).
//! * **Scoring** ([`assess()`]):
//!   - the DSI 2.0 level of each area with Eurostat's exact thresholds and the overall class
//!     ([`DsiResult`], [`DsiClass`]) — "DSI-style", see the honesty note below;
//!   - a self-assessed DigComp proficiency per area, levels 1 to 5 at most
//!     ([`AreaProficiency`]);
//!   - the recommended accompaniment ([`Accompaniment`]: autonomous, occasional help,
//!     accompanied learning, on the person's behalf — only with consent) with flags for
//!     equipment, connection, accounts and specific support ([`Flag`]);
//!   - the help to look for in the standard's vocabularies ([`HelpNeeds`]: a
//!     [`Criteria`](inclusion_model::Criteria) of services, support modes, programmes,
//!     specific support), which is a nearest-help index's filter as it is.
//! * **Explanations** ([`Explanation`]): the items counted per area, the thresholds, the class
//!   rule, every accompaniment rule's proposal and the binding one;
//!   [`Explanation::recompute`] gives the outcome back from the explanation alone.
//! * **The full Eurostat mode** ([`eurostat::assess`]): the class computed from the survey's
//!   own activity variables, as Eurostat does.
//! * **Text** ([`render`]): the profile, the recommendation and the help to look for, in
//!   French or English ([`Lang`]), as the mediator reads them.
//!
//! ## Example
//!
//! ```
//! use inclusion_skills::{assess, Accompaniment, Answers, DsiClass, Questionnaire, RuleId};
//! use inclusion_model::NationalProgramme;
//!
//! let q = Questionnaire::builtin();
//! // A person who has not used the internet, with an urgent procedure, consenting to a mandate.
//! let answers = Answers::new(q)
//!     .with("internet_3m", "no")
//!     .with("SA1", "cannot").with("SA2", "cannot").with("SA3", "cannot")
//!     .with("SA4", "cannot").with("SA5", "cannot").with("SA6", "with_help")
//!     .with("equipment", ["smartphone"])
//!     .with("email", "no").with("franceconnect", "no")
//!     .with("language", [] as [&str; 0])
//!     .with("urgent_procedure", "yes").with("wants_to_learn", "not_now")
//!     .with("consent_on_behalf", "yes");
//! let a = assess(q, &answers)?;
//! assert_eq!(a.outcome.dsi.class, DsiClass::NotAssessed);
//! assert_eq!(a.outcome.recommendation.accompaniment, Accompaniment::OnBehalf);
//! // Decided by the self-assessment rule: the lowest autonomy is "cannot", and learning is
//! // "not now".
//! assert_eq!(a.explanation.accompaniment.binding_rule, RuleId::SelfAssessment);
//! // Without FranceConnect no Aidants Connect mandate: France Services.
//! assert_eq!(a.outcome.needs.criteria.national_programmes, [NationalProgramme::FranceServices]);
//! // The outcome follows from the explanation alone.
//! assert_eq!(a.explanation.recompute()?, a.outcome);
//! # Ok::<(), inclusion_skills::SkillsError>(())
//! ```
//!
//! ## Honesty note: DSI-style versus full Eurostat
//!
//! The questionnaire asks 3 activities per area where Eurostat's survey has 5 to 7. The
//! questionnaire's DSI class applies Eurostat's exact rules to fewer activities, so it leans
//! towards lower classes: it is an orientation aid ([`DsiMode::DsiStyle`]), **not comparable
//! with Eurostat or INSEE figures**. Only [`eurostat::assess`], on the survey's own variables,
//! computes the class as Eurostat does ([`DsiMode::EurostatFull`]); its variable list is
//! reconstructed and its uncertain points are named in [`eurostat`]. The proficiency levels
//! are a self-assessment, not a test.

pub mod accompaniment;
pub mod answers;
pub mod area;
pub mod assess;
mod bank;
pub mod dsi;
pub mod error;
pub mod eurostat;
pub mod needs;
pub mod proficiency;
pub mod questionnaire;
pub mod render;
pub mod rules;
pub mod scales;
pub mod text;
pub mod unique_map;

pub use accompaniment::{
    Accompaniment, AccompanimentExplanation, AccompanimentRule, AccompanimentRules, Flag, Note,
    NoteCode, Proposal, Recommendation, RuleId, RuleInputs,
};
pub use answers::{AnswerValue, Answers, Context, Responses};
pub use area::{Area, Competence, PerArea};
pub use assess::{Assessment, Explanation, Outcome, assess, score};
pub use dsi::{
    AreaCount, AreaLevel, ClassRule, DsiClass, DsiExplanation, DsiMode, DsiResult, DsiRules,
    Thresholds,
};
pub use error::{AnswerProblem, SkillsError};
pub use inclusion_model::Lang;
pub use needs::{HelpNeeds, Relaxation};
pub use proficiency::{AreaProficiency, CompetenceEstimate, LevelRange, ProficiencyExplanation};
pub use questionnaire::{ContextField, Item, ItemRole, Questionnaire, Requirement};
pub use rules::RuleSet;
pub use scales::{
    Autonomy, Choice, Disability, Equipment, LanguageNeed, Scale, ScaleId, ScaleOption, Tri,
    WishToLearn,
};
pub use text::Text;
pub use unique_map::UniqueMap;

/// The examples of the crate's README, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
