//! The recommended accompaniment: how much help the person needs, decided by explicit,
//! versioned rules ([`AccompanimentRules`]), with flags for equipment, accounts and specific
//! support.
//!
//! Rules `accompaniment-1` (each rule proposes a level or nothing; the recommendation is the
//! **highest** proposal, so that every rule is monotone and so is the result):
//!
//! | rule | proposes |
//! |---|---|
//! | `self_assessment` | from the lowest self-assessed autonomy over the competences an online procedure needs (all those the questionnaire covers): confidently → autonomous; on my own → occasional help; with help → accompanied learning; cannot → accompanied learning if the person wishes to learn and nothing is urgent, else on their behalf |
//! | `non_user` | internet not used in the last 3 months → accompanied learning if the person wishes to learn and nothing is urgent, else on their behalf |
//! | `dsi_class` | DSI class « aucune » → accompanied learning; « limitées » or « restreintes » → occasional help |
//! | `accounts` | no e-mail address or cannot log in with FranceConnect (or does not know) → occasional help |
//! | `reading_language` | a reading, writing or language difficulty → accompanied learning |
//! | `urgent` | an urgent procedure and a lowest autonomy of "with help" or less → on their behalf |
//! | `consent` | applied last: on their behalf without consent → accompanied learning, with a note |
//!
//! Flags: `needs_equipment` (neither computer nor tablet: a smartphone alone does not do every
//! procedure), `needs_connection` (no home connection), `needs_email_address`,
//! `needs_franceconnect`, one flag per specific support (illiteracy, foreign languages,
//! disabilities), `learning_path` (helped on their behalf now, and wishes to learn now or later).

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    Autonomy, Competence, Context, Disability, DsiClass, Equipment, LanguageNeed, Text, Tri,
    WishToLearn,
};

/// The level of accompaniment recommended, from the least to the most help. Ordered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Accompaniment {
    /// `autonomous`: « Autonome » — free-access equipment, self-training (Pix, Les Bons Clics).
    Autonomous,
    /// `occasional_help`: « Coup de pouce » — a mediator at hand for a quick question.
    OccasionalHelp,
    /// `accompanied_learning`: « Accompagnement » — learning with a mediator or a conseiller
    /// numérique, one to one or in a workshop ("faire avec").
    AccompaniedLearning,
    /// `on_behalf`: « Faire pour » — the procedure done on the person's behalf by an authorised
    /// aidant (Aidants Connect mandate) or at France Services; only with the person's consent.
    OnBehalf,
}

impl Accompaniment {
    /// Every level, least help first.
    pub const ALL: [Accompaniment; 4] = [
        Accompaniment::Autonomous,
        Accompaniment::OccasionalHelp,
        Accompaniment::AccompaniedLearning,
        Accompaniment::OnBehalf,
    ];

    /// The wire code.
    pub const fn code(self) -> &'static str {
        match self {
            Accompaniment::Autonomous => "autonomous",
            Accompaniment::OccasionalHelp => "occasional_help",
            Accompaniment::AccompaniedLearning => "accompanied_learning",
            Accompaniment::OnBehalf => "on_behalf",
        }
    }

    /// What the level means, for the person and the mediator.
    pub fn label(self) -> Text {
        match self {
            Accompaniment::Autonomous => Text::new(
                "Autonome : accès libre à un poste et à internet, autoformation",
                "Autonomous: free access to a computer and the internet, self-training",
            ),
            Accompaniment::OccasionalHelp => Text::new(
                "Coup de pouce : une aide ponctuelle d'un médiateur numérique",
                "Occasional help: a quick hand from a digital mediator",
            ),
            Accompaniment::AccompaniedLearning => Text::new(
                "Accompagnement : apprendre avec un médiateur ou un conseiller numérique, en rendez-vous individuel ou en atelier",
                "Accompanied learning: learning with a digital mediator or advisor, one to one or in a workshop",
            ),
            Accompaniment::OnBehalf => Text::new(
                "Faire pour : la démarche est faite en votre nom par un aidant habilité (Aidants Connect) ou à France Services",
                "On your behalf: the procedure is done in your name by an authorised aidant (Aidants Connect) or at France Services",
            ),
        }
    }
}

/// A need or support that goes with the recommendation (not a level).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Neither a computer nor a tablet at home.
    NeedsEquipment,
    /// No internet connection at home.
    NeedsConnection,
    /// No e-mail address the person can read (or does not know).
    NeedsEmailAddress,
    /// Cannot log in with FranceConnect (or does not know).
    #[serde(rename = "needs_franceconnect")]
    NeedsFranceConnect,
    /// Reading or writing difficulty: « Illettrisme ».
    Illiteracy,
    /// Speaks little French, speaks English: « Langues étrangères (anglais) ».
    ForeignLanguageEnglish,
    /// Speaks little French, speaks another language: « Langues étrangères (autres) ».
    ForeignLanguageOther,
    /// « Surdité ».
    Deafness,
    /// « Déficience visuelle ».
    VisualImpairment,
    /// « Handicaps moteurs ».
    MotorDisability,
    /// « Handicaps mentaux ».
    MentalDisability,
    /// Helped on their behalf now, and wishes to learn (now or later): offer a learning path too.
    LearningPath,
}

impl Flag {
    /// The wire code, e.g. `needs_equipment`.
    pub const fn code(self) -> &'static str {
        match self {
            Flag::NeedsEquipment => "needs_equipment",
            Flag::NeedsConnection => "needs_connection",
            Flag::NeedsEmailAddress => "needs_email_address",
            Flag::NeedsFranceConnect => "needs_franceconnect",
            Flag::Illiteracy => "illiteracy",
            Flag::ForeignLanguageEnglish => "foreign_language_english",
            Flag::ForeignLanguageOther => "foreign_language_other",
            Flag::Deafness => "deafness",
            Flag::VisualImpairment => "visual_impairment",
            Flag::MotorDisability => "motor_disability",
            Flag::MentalDisability => "mental_disability",
            Flag::LearningPath => "learning_path",
        }
    }
}

/// The name of a rule of the accompaniment rules.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// From the lowest self-assessed autonomy.
    SelfAssessment,
    /// The internet was not used in the last 3 months.
    NonUser,
    /// From the DSI class.
    DsiClass,
    /// No e-mail address or no FranceConnect login.
    Accounts,
    /// Reading, writing or language difficulty.
    ReadingLanguage,
    /// An urgent procedure the person cannot do alone.
    Urgent,
    /// No help on the person's behalf without their consent.
    Consent,
}

impl RuleId {
    /// The wire code, e.g. `self_assessment`.
    pub const fn code(self) -> &'static str {
        match self {
            RuleId::SelfAssessment => "self_assessment",
            RuleId::NonUser => "non_user",
            RuleId::DsiClass => "dsi_class",
            RuleId::Accounts => "accounts",
            RuleId::ReadingLanguage => "reading_language",
            RuleId::Urgent => "urgent",
            RuleId::Consent => "consent",
        }
    }
}

/// What the accompaniment rules read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInputs<'a> {
    /// The lowest self-assessed autonomy over the required competences.
    pub task_autonomy: Autonomy,
    /// The DSI class.
    pub dsi_class: DsiClass,
    /// The person's situation.
    pub context: &'a Context,
}

/// One rule: its name, its wording, and the level it proposes (if any) for given inputs.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct AccompanimentRule {
    /// The rule's name.
    pub id: RuleId,
    /// The rule in French.
    pub text_fr: &'static str,
    /// The rule in English.
    pub text_en: &'static str,
    /// The level proposed for the inputs, or `None` when the rule does not apply.
    pub propose: fn(&RuleInputs<'_>) -> Option<Accompaniment>,
}

/// A versioned, ordered list of accompaniment rules.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct AccompanimentRules {
    /// The version, e.g. `accompaniment-1`.
    pub id: &'static str,
    /// The rules, in the order they are reported (the first one proposing the highest level is
    /// the binding rule). The consent rule is applied after them, always.
    pub rules: &'static [AccompanimentRule],
}

fn learn_or_delegate(c: &Context) -> Accompaniment {
    if c.wants_to_learn == WishToLearn::Yes && !c.urgent_procedure {
        Accompaniment::AccompaniedLearning
    } else {
        Accompaniment::OnBehalf
    }
}

const RULES_1: [AccompanimentRule; 6] = [
    AccompanimentRule {
        id: RuleId::SelfAssessment,
        text_fr: "autonomie la plus faible : avec aisance → autonome ; seul(e) → coup de pouce ; avec aide → accompagnement ; ne sait pas → accompagnement si la personne veut apprendre et que rien n'est urgent, sinon faire pour",
        text_en: "lowest autonomy: confidently → autonomous; on my own → occasional help; with help → accompanied learning; cannot → accompanied learning if the person wishes to learn and nothing is urgent, else on their behalf",
        propose: |i| {
            Some(match i.task_autonomy {
                Autonomy::Confidently => Accompaniment::Autonomous,
                Autonomy::OnMyOwn => Accompaniment::OccasionalHelp,
                Autonomy::WithHelp => Accompaniment::AccompaniedLearning,
                Autonomy::CannotDo => learn_or_delegate(i.context),
            })
        },
    },
    AccompanimentRule {
        id: RuleId::NonUser,
        text_fr: "pas d'usage d'internet depuis 3 mois → accompagnement si la personne veut apprendre et que rien n'est urgent, sinon faire pour",
        text_en: "internet not used in the last 3 months → accompanied learning if the person wishes to learn and nothing is urgent, else on their behalf",
        propose: |i| (!i.context.used_internet_3m).then(|| learn_or_delegate(i.context)),
    },
    AccompanimentRule {
        id: RuleId::DsiClass,
        text_fr: "classe DSI « aucune » → accompagnement ; « limitées » ou « restreintes » → coup de pouce",
        text_en: "DSI class none → accompanied learning; limited or narrow → occasional help",
        propose: |i| match i.dsi_class {
            DsiClass::NoSkills => Some(Accompaniment::AccompaniedLearning),
            DsiClass::Limited | DsiClass::Narrow => Some(Accompaniment::OccasionalHelp),
            _ => None,
        },
    },
    AccompanimentRule {
        id: RuleId::Accounts,
        text_fr: "pas d'adresse e-mail ou pas de connexion FranceConnect → coup de pouce",
        text_en: "no e-mail address or no FranceConnect login → occasional help",
        propose: |i| {
            (i.context.email != Tri::Yes || i.context.franceconnect != Tri::Yes)
                .then_some(Accompaniment::OccasionalHelp)
        },
    },
    AccompanimentRule {
        id: RuleId::ReadingLanguage,
        text_fr: "difficulté à lire, à écrire ou avec le français → accompagnement",
        text_en: "difficulty reading, writing or with French → accompanied learning",
        propose: |i| (!i.context.language.is_empty()).then_some(Accompaniment::AccompaniedLearning),
    },
    AccompanimentRule {
        id: RuleId::Urgent,
        text_fr: "démarche urgente et autonomie la plus faible « avec aide » ou moins → faire pour",
        text_en: "urgent procedure and lowest autonomy \"with help\" or less → on their behalf",
        propose: |i| {
            (i.context.urgent_procedure && i.task_autonomy <= Autonomy::WithHelp)
                .then_some(Accompaniment::OnBehalf)
        },
    },
];

const CONSENT_TEXT: (&str, &str) = (
    "pas de « faire pour » sans l'accord de la personne → accompagnement",
    "never on the person's behalf without their consent → accompanied learning",
);

impl AccompanimentRules {
    /// Version 1 of the rules (see the module docs).
    pub const V1: AccompanimentRules = AccompanimentRules {
        id: "accompaniment-1",
        rules: &RULES_1,
    };

    /// Every version this crate knows.
    pub const ALL: [AccompanimentRules; 1] = [AccompanimentRules::V1];

    /// The rules with this id.
    pub fn by_id(id: &str) -> Option<AccompanimentRules> {
        AccompanimentRules::ALL.into_iter().find(|r| r.id == id)
    }

    /// Applies the rules: every proposal, the binding rule, the level and the flags.
    pub(crate) fn decide(&self, inputs: &RuleInputs<'_>) -> Decision {
        let proposals: Vec<Proposal> = self
            .rules
            .iter()
            .map(|r| Proposal {
                rule: r.id,
                rule_text: Text::new(r.text_fr, r.text_en),
                proposed: (r.propose)(inputs),
            })
            .collect();
        let highest = proposals
            .iter()
            .filter_map(|p| p.proposed)
            .max()
            .unwrap_or(Accompaniment::Autonomous);
        let deciding = proposals
            .iter()
            .find(|p| p.proposed == Some(highest))
            .map_or(RuleId::SelfAssessment, |p| p.rule);
        let c = inputs.context;
        let consent_applied = highest == Accompaniment::OnBehalf && !c.consents_on_behalf;
        let level = if consent_applied {
            Accompaniment::AccompaniedLearning
        } else {
            highest
        };
        let mut proposals = proposals;
        proposals.push(Proposal {
            rule: RuleId::Consent,
            rule_text: Text::new(CONSENT_TEXT.0, CONSENT_TEXT.1),
            proposed: consent_applied.then_some(Accompaniment::AccompaniedLearning),
        });
        let mut notes = Vec::new();
        if consent_applied {
            notes.push(Note::new(
                NoteCode::MandateRefused,
                "Une aide « faire pour » serait indiquée, mais la personne n'a pas donné son accord : accompagnement proposé à la place. Reposer la question si la situation l'exige.",
                "Help on the person's behalf would be indicated, but the person did not consent: accompanied learning is offered instead. Ask again if the situation requires it.",
            ));
        }
        if level == Accompaniment::OnBehalf && c.franceconnect != Tri::Yes {
            notes.push(Note::new(
                NoteCode::MandateNeedsFranceConnect,
                "Un mandat Aidants Connect demande une identité FranceConnect : orienter vers France Services, ou créer d'abord une identité.",
                "An Aidants Connect mandate needs a FranceConnect identity: refer to France Services, or create an identity first.",
            ));
        }
        Decision {
            flags: flags(c, level),
            proposals,
            highest,
            binding_rule: if consent_applied {
                RuleId::Consent
            } else {
                deciding
            },
            consent_applied,
            level,
            notes,
        }
    }
}

fn flags(c: &Context, level: Accompaniment) -> BTreeSet<Flag> {
    let mut f = BTreeSet::new();
    if !c.equipment.contains(&Equipment::Computer) && !c.equipment.contains(&Equipment::Tablet) {
        f.insert(Flag::NeedsEquipment);
    }
    if !c.equipment.contains(&Equipment::HomeInternet) {
        f.insert(Flag::NeedsConnection);
    }
    if c.email != Tri::Yes {
        f.insert(Flag::NeedsEmailAddress);
    }
    if c.franceconnect != Tri::Yes {
        f.insert(Flag::NeedsFranceConnect);
    }
    for l in &c.language {
        f.insert(match l {
            LanguageNeed::ReadingWriting => Flag::Illiteracy,
            LanguageNeed::FrenchLimitedEnglish => Flag::ForeignLanguageEnglish,
            LanguageNeed::FrenchLimitedOther => Flag::ForeignLanguageOther,
        });
    }
    for d in &c.disabilities {
        f.insert(match d {
            Disability::Hearing => Flag::Deafness,
            Disability::Visual => Flag::VisualImpairment,
            Disability::Motor => Flag::MotorDisability,
            Disability::Cognitive => Flag::MentalDisability,
        });
    }
    if level == Accompaniment::OnBehalf && c.wants_to_learn != WishToLearn::No {
        f.insert(Flag::LearningPath);
    }
    f
}

/// What the rules decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decision {
    pub(crate) proposals: Vec<Proposal>,
    pub(crate) highest: Accompaniment,
    pub(crate) binding_rule: RuleId,
    pub(crate) consent_applied: bool,
    pub(crate) level: Accompaniment,
    pub(crate) flags: BTreeSet<Flag>,
    pub(crate) notes: Vec<Note>,
}

/// What one rule proposed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Proposal {
    /// The rule.
    pub rule: RuleId,
    /// The rule's wording.
    pub rule_text: Text,
    /// The level it proposed; `null` when it did not apply.
    pub proposed: Option<Accompaniment>,
}

/// A remark that goes with the recommendation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Note {
    /// What kind of remark.
    pub code: NoteCode,
    /// The remark, for the mediator.
    pub text: Text,
}

impl Note {
    pub(crate) fn new(code: NoteCode, fr: &str, en: &str) -> Note {
        Note {
            code,
            text: Text::new(fr, en),
        }
    }
}

/// The kinds of [`Note`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NoteCode {
    /// Help on the person's behalf would be indicated but the person did not consent.
    MandateRefused,
    /// Help on the person's behalf without a FranceConnect identity: Aidants Connect is not
    /// possible, France Services is.
    MandateNeedsFranceConnect,
    /// Activities were answered "yes" although the internet was not used in the last 3 months;
    /// the DSI gate wins (not assessed).
    InconsistentInternetUse,
}

/// The recommendation: the accompaniment level, its flags and notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Recommendation {
    /// The level of accompaniment.
    pub accompaniment: Accompaniment,
    /// What the level means.
    pub label: Text,
    /// Needs and supports that go with it.
    pub flags: BTreeSet<Flag>,
    /// Remarks for the mediator.
    pub notes: Vec<Note>,
}

/// How the recommendation was decided: the inputs, every rule's proposal, the binding rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AccompanimentExplanation {
    /// The version of the rules (see [`AccompanimentRules::id`]).
    pub rules: String,
    /// The competences an online procedure needs, with the person's self-assessed autonomy.
    pub required_competences: BTreeMap<Competence, Autonomy>,
    /// The lowest autonomy over `required_competences` (recomputed from the proficiency
    /// explanation).
    pub task_autonomy: Autonomy,
    /// The DSI class used (recomputed from the DSI explanation).
    pub dsi_class: DsiClass,
    /// The person's situation, as answered.
    pub situation: Context,
    /// What every rule proposed.
    pub proposals: Vec<Proposal>,
    /// The highest proposal.
    pub highest: Accompaniment,
    /// The rule that decided the level: the first rule proposing the highest level, or
    /// `consent` when the consent rule lowered it.
    pub binding_rule: RuleId,
    /// Whether the consent rule lowered "on their behalf" to "accompanied learning".
    pub consent_applied: bool,
    /// The level recommended.
    pub level: Accompaniment,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Choice;

    fn ctx() -> Context {
        Context {
            used_internet_3m: true,
            equipment: [Equipment::Computer, Equipment::HomeInternet].into(),
            email: Tri::Yes,
            franceconnect: Tri::Yes,
            wants_to_learn: WishToLearn::Yes,
            consents_on_behalf: true,
            ..Context::default()
        }
    }

    fn decide(task: Autonomy, class: DsiClass, c: &Context) -> Decision {
        AccompanimentRules::V1.decide(&RuleInputs {
            task_autonomy: task,
            dsi_class: class,
            context: c,
        })
    }

    #[test]
    fn self_assessment_rule_maps_each_autonomy() {
        let c = ctx();
        let levels: Vec<_> = [
            Autonomy::Confidently,
            Autonomy::OnMyOwn,
            Autonomy::WithHelp,
            Autonomy::CannotDo,
        ]
        .into_iter()
        .map(|a| decide(a, DsiClass::AboveBasic, &c).level)
        .collect();
        assert_eq!(
            levels,
            [
                Accompaniment::Autonomous,
                Accompaniment::OccasionalHelp,
                Accompaniment::AccompaniedLearning,
                Accompaniment::AccompaniedLearning, // wishes to learn, nothing urgent
            ]
        );
        let d = decide(Autonomy::Confidently, DsiClass::AboveBasic, &c);
        assert_eq!(d.binding_rule, RuleId::SelfAssessment);
        assert!(d.flags.is_empty(), "{:?}", d.flags);
    }

    #[test]
    fn urgency_without_autonomy_means_on_behalf_only_with_consent() {
        let mut c = ctx();
        c.urgent_procedure = true;
        let d = decide(Autonomy::WithHelp, DsiClass::Basic, &c);
        assert_eq!(
            (d.level, d.binding_rule),
            (Accompaniment::OnBehalf, RuleId::Urgent)
        );
        assert!(d.flags.contains(&Flag::LearningPath));
        c.consents_on_behalf = false;
        let d = decide(Autonomy::WithHelp, DsiClass::Basic, &c);
        assert_eq!(d.level, Accompaniment::AccompaniedLearning);
        assert_eq!(d.binding_rule, RuleId::Consent);
        assert!(d.consent_applied);
        assert_eq!(d.highest, Accompaniment::OnBehalf);
        assert_eq!(d.notes[0].code, NoteCode::MandateRefused);
    }

    #[test]
    fn dsi_class_and_accounts_rules() {
        let mut c = ctx();
        let d = decide(Autonomy::Confidently, DsiClass::NoSkills, &c);
        assert_eq!(
            (d.level, d.binding_rule),
            (Accompaniment::AccompaniedLearning, RuleId::DsiClass)
        );
        let d = decide(Autonomy::Confidently, DsiClass::Narrow, &c);
        assert_eq!(d.level, Accompaniment::OccasionalHelp);
        let d = decide(Autonomy::Confidently, DsiClass::Low, &c);
        assert_eq!(d.level, Accompaniment::Autonomous);
        c.email = Tri::DontKnow;
        let d = decide(Autonomy::Confidently, DsiClass::Low, &c);
        assert_eq!(
            (d.level, d.binding_rule),
            (Accompaniment::OccasionalHelp, RuleId::Accounts)
        );
        assert!(d.flags.contains(&Flag::NeedsEmailAddress));
    }

    #[test]
    fn on_behalf_without_franceconnect_is_noted() {
        let mut c = ctx();
        c.used_internet_3m = false;
        c.wants_to_learn = WishToLearn::No;
        c.franceconnect = Tri::No;
        let d = decide(Autonomy::CannotDo, DsiClass::NotAssessed, &c);
        assert_eq!(d.level, Accompaniment::OnBehalf);
        assert!(
            d.notes
                .iter()
                .any(|n| n.code == NoteCode::MandateNeedsFranceConnect)
        );
        assert!(!d.flags.contains(&Flag::LearningPath));
    }

    /// Every situation that matters to the rules: internet use, e-mail, FranceConnect, a
    /// language difficulty, urgency, wish to learn, consent.
    fn situations() -> Vec<Context> {
        let mut out = Vec::new();
        for used in [false, true] {
            for email in [Tri::Yes, Tri::No, Tri::DontKnow] {
                for franceconnect in [Tri::Yes, Tri::No, Tri::DontKnow] {
                    for language in [false, true] {
                        for urgent_procedure in [false, true] {
                            for wants_to_learn in
                                [WishToLearn::Yes, WishToLearn::NotNow, WishToLearn::No]
                            {
                                for consents_on_behalf in [false, true] {
                                    out.push(Context {
                                        used_internet_3m: used,
                                        email,
                                        franceconnect,
                                        language: if language {
                                            [LanguageNeed::FrenchLimitedOther].into()
                                        } else {
                                            BTreeSet::new()
                                        },
                                        urgent_procedure,
                                        wants_to_learn,
                                        consents_on_behalf,
                                        ..ctx()
                                    });
                                }
                            }
                        }
                    }
                }
            }
        }
        out
    }

    fn classes(c: &Context) -> Vec<DsiClass> {
        if c.used_internet_3m {
            DsiClass::ALL[1..].to_vec()
        } else {
            vec![DsiClass::NotAssessed]
        }
    }

    /// The situation with one more barrier, for each barrier the situation does not have yet.
    fn worse(c: &Context) -> Vec<Context> {
        let mut out = Vec::new();
        let mut push = |f: &dyn Fn(&mut Context)| {
            let mut w = c.clone();
            f(&mut w);
            if w != *c {
                out.push(w);
            }
        };
        push(&|w| w.used_internet_3m = false);
        push(&|w| w.urgent_procedure = true);
        push(&|w| {
            w.language.insert(LanguageNeed::ReadingWriting);
        });
        if c.email == Tri::Yes {
            push(&|w| w.email = Tri::No);
            push(&|w| w.email = Tri::DontKnow);
        }
        if c.franceconnect == Tri::Yes {
            push(&|w| w.franceconnect = Tri::No);
            push(&|w| w.franceconnect = Tri::DontKnow);
        }
        out
    }

    /// Exhaustive monotonicity of the rules over every situation, autonomy and class.
    #[test]
    fn rules_are_monotone_everywhere() {
        let mut cases = 0;
        for c in situations() {
            for (ti, task) in Autonomy::ALL.iter().enumerate() {
                for class in classes(&c) {
                    let d = decide(*task, class, &c);
                    cases += 1;
                    if !c.consents_on_behalf {
                        assert_ne!(d.level, Accompaniment::OnBehalf, "{c:?}");
                    }
                    // More autonomy never raises the level.
                    if let Some(better) = Autonomy::ALL.get(ti + 1) {
                        assert!(
                            decide(*better, class, &c).level <= d.level,
                            "{task:?} {class:?} {c:?}"
                        );
                    }
                    // A better class never raises it.
                    for better in classes(&c).into_iter().filter(|b| *b > class) {
                        assert!(
                            decide(*task, better, &c).level <= d.level,
                            "{class:?}->{better:?} {c:?}"
                        );
                    }
                    // A barrier never lowers it, nor removes a flag.
                    for w in worse(&c) {
                        let class_w = if w.used_internet_3m {
                            class
                        } else {
                            DsiClass::NotAssessed
                        };
                        let dw = decide(*task, class_w, &w);
                        assert!(
                            dw.level >= d.level,
                            "{c:?} -> {w:?}: {:?} -> {:?}",
                            d.level,
                            dw.level
                        );
                        assert!(d.flags.is_subset(&dw.flags), "{c:?} -> {w:?}");
                    }
                }
            }
        }
        assert_eq!(cases, 216 * 4 * 6 + 216 * 4);
    }

    #[test]
    fn codes_are_the_wire_names() {
        let flags = [
            Flag::NeedsEquipment,
            Flag::NeedsConnection,
            Flag::NeedsEmailAddress,
            Flag::NeedsFranceConnect,
            Flag::Illiteracy,
            Flag::ForeignLanguageEnglish,
            Flag::ForeignLanguageOther,
            Flag::Deafness,
            Flag::VisualImpairment,
            Flag::MotorDisability,
            Flag::MentalDisability,
            Flag::LearningPath,
        ];
        for f in flags {
            assert_eq!(serde_json::to_value(f).unwrap(), f.code());
        }
        for r in AccompanimentRules::V1
            .rules
            .iter()
            .map(|r| r.id)
            .chain([RuleId::Consent])
        {
            assert_eq!(serde_json::to_value(r).unwrap(), r.code());
        }
        for a in Accompaniment::ALL {
            assert_eq!(serde_json::to_value(a).unwrap(), a.code());
        }
    }

    #[test]
    fn flags_follow_the_situation() {
        let mut c = ctx();
        c.equipment = [Equipment::Smartphone].into();
        c.language = [
            LanguageNeed::ReadingWriting,
            LanguageNeed::FrenchLimitedOther,
        ]
        .into();
        c.disabilities = [Disability::Hearing].into();
        let d = decide(Autonomy::Confidently, DsiClass::AboveBasic, &c);
        let want: BTreeSet<Flag> = [
            Flag::NeedsEquipment,
            Flag::NeedsConnection,
            Flag::Illiteracy,
            Flag::ForeignLanguageOther,
            Flag::Deafness,
        ]
        .into();
        assert_eq!(d.flags, want);
        assert_eq!(d.level, Accompaniment::AccompaniedLearning);
        assert_eq!(d.binding_rule, RuleId::ReadingLanguage);
    }
}
