//! The answer scales of the questionnaire: the typed answers the engine understands
//! ([`Tri`], [`Autonomy`], [`WishToLearn`], [`Equipment`], [`LanguageNeed`], [`Disability`])
//! and their rendering for a user interface ([`ScaleId`], [`Scale`], [`ScaleOption`]).
//!
//! The engine fixes the codes of every scale; a questionnaire carries the labels (see
//! [`crate::Questionnaire::check`], which verifies that a questionnaire's scales use exactly
//! these codes).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;

/// A closed set of answer codes with their labels.
pub trait Choice: Sized + Copy + Ord + 'static {
    /// Every value, in the order shown to the person.
    const ALL: &'static [Self];
    /// The wire code, e.g. `dont_know`.
    fn code(self) -> &'static str;
    /// The French label shown to the person.
    fn label_fr(self) -> &'static str;
    /// The English label.
    fn label_en(self) -> &'static str;
    /// The value with this wire code (exact match).
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! choice {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $fr:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            JsonSchema,
        )]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("`", $code, "`: « ", $fr, " » (", $en, ").")]
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            fn label_fr(self) -> &'static str {
                match self { $($name::$variant => $fr),+ }
            }
            fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }
        }
    };
}

choice! {
    /// A yes / no / don't know answer, e.g. to « Au cours des 3 derniers mois, avez-vous… ? ».
    /// For the Eurostat counts, "don't know" counts as "no" (and is reported).
    Tri {
        Yes = "yes", "Oui", "Yes";
        No = "no", "Non", "No";
        DontKnow = "dont_know", "Je ne sais pas", "I don't know";
    }
}

choice! {
    /// The four-point self-assessment scale of DigCompSAT (JRC, 2020), in order: how well the
    /// person can do something. JSON answers may also give it as the integer 0 to 3.
    Autonomy {
        /// Level 0.
        CannotDo = "cannot", "Je ne sais pas le faire", "I don't know how to do it";
        /// Level 1.
        WithHelp = "with_help", "Je sais le faire avec de l'aide", "I can do it with help";
        /// Level 2.
        OnMyOwn = "on_my_own", "Je sais le faire seul(e)", "I can do it on my own";
        /// Level 3.
        Confidently = "confidently",
            "Je le fais avec aisance et je peux aider quelqu'un",
            "I can do it with confidence and, if needed, help others";
    }
}

impl Autonomy {
    /// The position on the scale, 0 (cannot do it) to 3 (confidently, can help others).
    pub const fn score(self) -> u8 {
        self as u8
    }

    /// The value at position `score` (0 to 3).
    ///
    /// ```
    /// use inclusion_skills::Autonomy;
    /// assert_eq!(Autonomy::from_score(2), Some(Autonomy::OnMyOwn));
    /// assert_eq!(Autonomy::from_score(4), None);
    /// ```
    pub const fn from_score(score: u8) -> Option<Autonomy> {
        match score {
            0 => Some(Autonomy::CannotDo),
            1 => Some(Autonomy::WithHelp),
            2 => Some(Autonomy::OnMyOwn),
            3 => Some(Autonomy::Confidently),
            _ => None,
        }
    }
}

choice! {
    /// Whether the person wishes to learn to do things on their own.
    WishToLearn {
        Yes = "yes", "Oui", "Yes";
        NotNow = "not_now", "Pas maintenant", "Not now";
        No = "no", "Non", "No";
    }
}

choice! {
    /// Equipment the person can use at home.
    Equipment {
        Smartphone = "smartphone", "Un smartphone", "A smartphone";
        Computer = "computer", "Un ordinateur", "A computer";
        Tablet = "tablet", "Une tablette", "A tablet";
        HomeInternet = "home_internet",
            "Une connexion internet à la maison (box ou forfait suffisant)",
            "An internet connection at home (broadband or a sufficient mobile plan)";
    }
}

choice! {
    /// A reading, writing or language difficulty.
    LanguageNeed {
        /// Maps to « Illettrisme ».
        ReadingWriting = "reading_writing",
            "Lire ou écrire le français est difficile pour moi",
            "Reading or writing French is difficult for me";
        /// Maps to « Langues étrangères (anglais) ».
        FrenchLimitedEnglish = "french_limited_english",
            "Je parle peu le français ; je parle anglais",
            "I speak little French; I speak English";
        /// Maps to « Langues étrangères (autres) ».
        FrenchLimitedOther = "french_limited_other",
            "Je parle peu le français ; je parle une autre langue",
            "I speak little French; I speak another language";
    }
}

choice! {
    /// A disability that calls for specific support.
    Disability {
        /// Maps to « Surdité ».
        Hearing = "hearing", "Surdité ou malentendance", "Deafness or hearing loss";
        /// Maps to « Déficience visuelle ».
        Visual = "visual", "Déficience visuelle", "Visual impairment";
        /// Maps to « Handicaps moteurs ».
        Motor = "motor", "Handicap moteur", "Motor disability";
        /// Maps to « Handicaps mentaux ».
        Cognitive = "cognitive",
            "Handicap mental, cognitif ou psychique",
            "Mental, cognitive or psychological disability";
    }
}

/// The name of an answer scale: what kind of answer an item takes.
///
/// ```
/// use inclusion_skills::ScaleId;
/// assert!(ScaleId::Equipment.multiple());
/// assert_eq!(ScaleId::Autonomy.codes(), ["cannot", "with_help", "on_my_own", "confidently"]);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ScaleId {
    /// One of `yes`, `no` (a JSON boolean is accepted too).
    YesNo,
    /// One of `yes`, `no`, `dont_know` (a JSON boolean is accepted too).
    YesNoDontKnow,
    /// The DigCompSAT four-point scale: `cannot`, `with_help`, `on_my_own`, `confidently`,
    /// or the integer 0 to 3.
    Autonomy,
    /// One of `yes`, `not_now`, `no`.
    WishToLearn,
    /// Any subset (a JSON array) of `smartphone`, `computer`, `tablet`, `home_internet`.
    Equipment,
    /// Any subset of `reading_writing`, `french_limited_english`, `french_limited_other`.
    Language,
    /// Any subset of `hearing`, `visual`, `motor`, `cognitive`.
    Disability,
}

impl ScaleId {
    /// Every scale.
    pub const ALL: [ScaleId; 7] = [
        ScaleId::YesNo,
        ScaleId::YesNoDontKnow,
        ScaleId::Autonomy,
        ScaleId::WishToLearn,
        ScaleId::Equipment,
        ScaleId::Language,
        ScaleId::Disability,
    ];

    /// Whether the answer is a list of options (any subset, possibly empty).
    pub const fn multiple(self) -> bool {
        matches!(
            self,
            ScaleId::Equipment | ScaleId::Language | ScaleId::Disability
        )
    }

    /// The wire name, e.g. `yes_no_dont_know`.
    pub const fn code(self) -> &'static str {
        match self {
            ScaleId::YesNo => "yes_no",
            ScaleId::YesNoDontKnow => "yes_no_dont_know",
            ScaleId::Autonomy => "autonomy",
            ScaleId::WishToLearn => "wish_to_learn",
            ScaleId::Equipment => "equipment",
            ScaleId::Language => "language",
            ScaleId::Disability => "disability",
        }
    }

    /// The codes the engine understands for this scale, in display order.
    pub fn codes(self) -> Vec<&'static str> {
        self.reference_options()
            .into_iter()
            .map(|(c, _, _)| c)
            .collect()
    }

    /// (code, French label, English label) of every option the engine defines.
    fn reference_options(self) -> Vec<(&'static str, &'static str, &'static str)> {
        fn of<C: Choice>() -> Vec<(&'static str, &'static str, &'static str)> {
            C::ALL
                .iter()
                .map(|v| (v.code(), v.label_fr(), v.label_en()))
                .collect()
        }
        match self {
            ScaleId::YesNo => of::<Tri>()
                .into_iter()
                .filter(|(code, _, _)| *code != Tri::DontKnow.code())
                .collect(),
            ScaleId::YesNoDontKnow => of::<Tri>(),
            ScaleId::Autonomy => of::<Autonomy>(),
            ScaleId::WishToLearn => of::<WishToLearn>(),
            ScaleId::Equipment => of::<Equipment>(),
            ScaleId::Language => of::<LanguageNeed>(),
            ScaleId::Disability => of::<Disability>(),
        }
    }

    /// The scale with the engine's labels, ready to be rendered.
    pub fn reference_scale(self) -> Scale {
        Scale {
            id: self,
            multiple: self.multiple(),
            options: self
                .reference_options()
                .into_iter()
                .map(|(code, fr, en)| ScaleOption {
                    code: code.to_owned(),
                    label: Text::new(fr, en),
                })
                .collect(),
        }
    }
}

/// An answer scale as a user interface renders it: its options, in display order, with labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Scale {
    /// Which scale this is.
    pub id: ScaleId,
    /// Whether the person may pick several options (the answer is then a JSON array, possibly
    /// empty); otherwise exactly one option is picked.
    pub multiple: bool,
    /// The options, in display order.
    pub options: Vec<ScaleOption>,
}

/// One option of an answer scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ScaleOption {
    /// The code to put in the answers file, e.g. `on_my_own`.
    pub code: String,
    /// What the person sees.
    pub label: Text,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        fn check<C: Choice + std::fmt::Debug>() {
            for v in C::ALL {
                assert_eq!(C::from_code(v.code()), Some(*v));
            }
            let mut codes: Vec<_> = C::ALL.iter().map(|v| v.code()).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), C::ALL.len());
        }
        check::<Tri>();
        check::<Autonomy>();
        check::<WishToLearn>();
        check::<Equipment>();
        check::<LanguageNeed>();
        check::<Disability>();
        assert_eq!(Tri::from_code("Yes"), None);
    }

    #[test]
    fn autonomy_scores_follow_the_order_of_the_scale() {
        for (i, a) in Autonomy::ALL.iter().enumerate() {
            assert_eq!(a.score() as usize, i);
            assert_eq!(Autonomy::from_score(i as u8), Some(*a));
        }
        assert!(Autonomy::CannotDo < Autonomy::Confidently);
    }

    #[test]
    fn yes_no_dont_know_is_shown_as_yes_no_dont_know() {
        assert_eq!(ScaleId::YesNoDontKnow.codes(), ["yes", "no", "dont_know"]);
        assert_eq!(ScaleId::YesNo.codes(), ["yes", "no"]);
        for s in ScaleId::ALL {
            let scale = s.reference_scale();
            assert_eq!(scale.multiple, s.multiple());
            assert_eq!(scale.options.len(), s.codes().len());
            assert_eq!(serde_json::to_value(s).unwrap(), s.code());
        }
    }
}
