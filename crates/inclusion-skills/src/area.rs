//! The five competence areas shared by DigComp 2.2 and the Eurostat Digital Skills Indicator
//! 2.0 ([`Area`]), the 21 DigComp 2.2 competences ([`Competence`]) and a value per area
//! ([`PerArea`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One of the five competence areas of DigComp 2.2, which are also the five component
/// indicators of the Eurostat Digital Skills Indicator 2.0.
///
/// On the wire an area is written `information`, `communication`, `content_creation`, `safety`
/// or `problem_solving`.
///
/// ```
/// use inclusion_skills::Area;
/// assert_eq!(Area::ALL.len(), 5);
/// assert_eq!(Area::Safety.eurostat_code(), "SF");
/// assert_eq!(Area::Information.label_fr(), "Informations et données");
/// assert_eq!(serde_json::to_string(&Area::ContentCreation).unwrap(), "\"content_creation\"");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// DigComp area 1, « Informations et données » (information and data literacy; Eurostat `IL`).
    Information,
    /// DigComp area 2, « Communication et collaboration » (communication and collaboration;
    /// Eurostat `CC`).
    Communication,
    /// DigComp area 3, « Création de contenus numériques » (digital content creation;
    /// Eurostat `DCC`).
    ContentCreation,
    /// DigComp area 4, « Protection et sécurité » (safety; Eurostat `SF`).
    Safety,
    /// DigComp area 5, « Résolution de problèmes » (problem solving; Eurostat `PS`).
    ProblemSolving,
}

impl Area {
    /// The five areas, in DigComp order (1 to 5).
    pub const ALL: [Area; 5] = [
        Area::Information,
        Area::Communication,
        Area::ContentCreation,
        Area::Safety,
        Area::ProblemSolving,
    ];

    /// The position of the area in [`Area::ALL`] (0 to 4).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The DigComp area number (1 to 5).
    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The wire name, e.g. `content_creation`.
    pub const fn code(self) -> &'static str {
        match self {
            Area::Information => "information",
            Area::Communication => "communication",
            Area::ContentCreation => "content_creation",
            Area::Safety => "safety",
            Area::ProblemSolving => "problem_solving",
        }
    }

    /// The abbreviation Eurostat uses in its indicator codes (`IL`, `CC`, `DCC`, `SF`, `PS`).
    pub const fn eurostat_code(self) -> &'static str {
        match self {
            Area::Information => "IL",
            Area::Communication => "CC",
            Area::ContentCreation => "DCC",
            Area::Safety => "SF",
            Area::ProblemSolving => "PS",
        }
    }

    /// The French name of the area.
    pub const fn label_fr(self) -> &'static str {
        match self {
            Area::Information => "Informations et données",
            Area::Communication => "Communication et collaboration",
            Area::ContentCreation => "Création de contenus numériques",
            Area::Safety => "Protection et sécurité",
            Area::ProblemSolving => "Résolution de problèmes",
        }
    }

    /// The English name of the area (DigComp 2.2).
    pub const fn label_en(self) -> &'static str {
        match self {
            Area::Information => "Information and data literacy",
            Area::Communication => "Communication and collaboration",
            Area::ContentCreation => "Digital content creation",
            Area::Safety => "Safety",
            Area::ProblemSolving => "Problem solving",
        }
    }
}

/// One value for each of the five areas, written on the wire as an object with the keys
/// `information`, `communication`, `content_creation`, `safety` and `problem_solving`.
///
/// ```
/// use inclusion_skills::{Area, PerArea};
/// let counts = PerArea::from_fn(|area| area.number());
/// assert_eq!(counts[Area::Safety], 4);
/// assert_eq!(counts.iter().map(|(_, n)| *n).sum::<u8>(), 15);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
pub struct PerArea<T> {
    /// Information and data literacy (« Informations et données »).
    pub information: T,
    /// Communication and collaboration (« Communication et collaboration »).
    pub communication: T,
    /// Digital content creation (« Création de contenus numériques »).
    pub content_creation: T,
    /// Safety (« Protection et sécurité »).
    pub safety: T,
    /// Problem solving (« Résolution de problèmes »).
    pub problem_solving: T,
}

impl<T> PerArea<T> {
    /// Builds the value of each area with `f`, in [`Area::ALL`] order.
    pub fn from_fn(mut f: impl FnMut(Area) -> T) -> PerArea<T> {
        PerArea {
            information: f(Area::Information),
            communication: f(Area::Communication),
            content_creation: f(Area::ContentCreation),
            safety: f(Area::Safety),
            problem_solving: f(Area::ProblemSolving),
        }
    }

    /// The (area, value) pairs in [`Area::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Area, &T)> {
        Area::ALL.into_iter().map(move |a| (a, &self[a]))
    }

    /// Applies `f` to every value.
    pub fn map<U>(&self, mut f: impl FnMut(Area, &T) -> U) -> PerArea<U> {
        PerArea::from_fn(|a| f(a, &self[a]))
    }
}

impl<T> std::ops::Index<Area> for PerArea<T> {
    type Output = T;
    fn index(&self, area: Area) -> &T {
        match area {
            Area::Information => &self.information,
            Area::Communication => &self.communication,
            Area::ContentCreation => &self.content_creation,
            Area::Safety => &self.safety,
            Area::ProblemSolving => &self.problem_solving,
        }
    }
}

impl<T> std::ops::IndexMut<Area> for PerArea<T> {
    fn index_mut(&mut self, area: Area) -> &mut T {
        match area {
            Area::Information => &mut self.information,
            Area::Communication => &mut self.communication,
            Area::ContentCreation => &mut self.content_creation,
            Area::Safety => &mut self.safety,
            Area::ProblemSolving => &mut self.problem_solving,
        }
    }
}

macro_rules! competences {
    ($( $variant:ident = $code:literal, $area:ident, $fr:literal, $en:literal; )+) => {
        /// One of the 21 competences of DigComp 2.2, written on the wire as its number
        /// (`"1.1"` to `"5.4"`).
        ///
        /// English titles are DigComp's; no official French version of DigComp 2.2 exists, so
        /// the French titles are a working translation (only « Nétiquette » is attested).
        ///
        /// ```
        /// use inclusion_skills::{Area, Competence};
        /// assert_eq!(Competence::ALL.len(), 21);
        /// assert_eq!(Competence::ManagingDigitalIdentity.code(), "2.6");
        /// assert_eq!(Competence::ManagingDigitalIdentity.area(), Area::Communication);
        /// assert_eq!("4.2".parse::<Competence>(), Ok(Competence::ProtectingPersonalData));
        /// ```
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            JsonSchema,
        )]
        pub enum Competence {
            $(
                #[doc = concat!($code, " ", $en, " (« ", $fr, " »).")]
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl Competence {
            /// The 21 competences, in DigComp order.
            pub const ALL: [Competence; 21] = [$(Competence::$variant),+];

            /// The DigComp number, e.g. `"2.6"`.
            pub const fn code(self) -> &'static str {
                match self { $(Competence::$variant => $code),+ }
            }

            /// The area the competence belongs to.
            pub const fn area(self) -> Area {
                match self { $(Competence::$variant => Area::$area),+ }
            }

            /// The French title (working translation).
            pub const fn label_fr(self) -> &'static str {
                match self { $(Competence::$variant => $fr),+ }
            }

            /// The English title (DigComp 2.2).
            pub const fn label_en(self) -> &'static str {
                match self { $(Competence::$variant => $en),+ }
            }
        }

        impl std::str::FromStr for Competence {
            type Err = String;
            /// Parses a DigComp number such as `"2.6"`.
            fn from_str(s: &str) -> Result<Competence, String> {
                match s {
                    $($code => Ok(Competence::$variant),)+
                    _ => Err(format!("'{s}' is not a DigComp 2.2 competence number (1.1 to 5.4)")),
                }
            }
        }
    };
}

competences! {
    Browsing = "1.1", Information,
        "Naviguer, rechercher et filtrer des données, informations et contenus numériques",
        "Browsing, searching and filtering data, information and digital content";
    Evaluating = "1.2", Information,
        "Évaluer des données, informations et contenus numériques",
        "Evaluating data, information and digital content";
    ManagingData = "1.3", Information,
        "Gérer des données, informations et contenus numériques",
        "Managing data, information and digital content";
    Interacting = "2.1", Communication,
        "Interagir à l'aide des technologies numériques",
        "Interacting through digital technologies";
    Sharing = "2.2", Communication,
        "Partager à l'aide des technologies numériques",
        "Sharing through digital technologies";
    EngagingInCitizenship = "2.3", Communication,
        "S'engager dans la citoyenneté à l'aide des technologies numériques",
        "Engaging in citizenship through digital technologies";
    Collaborating = "2.4", Communication,
        "Collaborer à l'aide des technologies numériques",
        "Collaborating through digital technologies";
    Netiquette = "2.5", Communication, "Nétiquette", "Netiquette";
    ManagingDigitalIdentity = "2.6", Communication,
        "Gérer son identité numérique", "Managing digital identity";
    DevelopingContent = "3.1", ContentCreation,
        "Développer des contenus numériques", "Developing digital content";
    IntegratingContent = "3.2", ContentCreation,
        "Intégrer et réélaborer des contenus numériques",
        "Integrating and re-elaborating digital content";
    CopyrightAndLicences = "3.3", ContentCreation,
        "Droits d'auteur et licences", "Copyright and licences";
    Programming = "3.4", ContentCreation, "Programmer", "Programming";
    ProtectingDevices = "4.1", Safety, "Protéger les appareils", "Protecting devices";
    ProtectingPersonalData = "4.2", Safety,
        "Protéger les données personnelles et la vie privée",
        "Protecting personal data and privacy";
    ProtectingHealth = "4.3", Safety,
        "Protéger la santé et le bien-être", "Protecting health and well-being";
    ProtectingEnvironment = "4.4", Safety,
        "Protéger l'environnement", "Protecting the environment";
    SolvingTechnicalProblems = "5.1", ProblemSolving,
        "Résoudre des problèmes techniques", "Solving technical problems";
    IdentifyingNeeds = "5.2", ProblemSolving,
        "Identifier les besoins et les réponses technologiques",
        "Identifying needs and technological responses";
    CreativelyUsing = "5.3", ProblemSolving,
        "Utiliser de manière créative les technologies numériques",
        "Creatively using digital technologies";
    IdentifyingGaps = "5.4", ProblemSolving,
        "Identifier les lacunes en matière de compétences numériques",
        "Identifying digital competence gaps";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digcomp_has_3_6_4_4_4_competences() {
        let per_area =
            PerArea::from_fn(|a| Competence::ALL.iter().filter(|c| c.area() == a).count());
        assert_eq!(
            per_area,
            PerArea {
                information: 3,
                communication: 6,
                content_creation: 4,
                safety: 4,
                problem_solving: 4
            }
        );
    }

    #[test]
    fn competence_codes_round_trip_and_start_with_their_area_number() {
        for c in Competence::ALL {
            assert_eq!(c.code().parse::<Competence>(), Ok(c));
            assert!(c.code().starts_with(&format!("{}.", c.area().number())));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.code()));
            assert_eq!(serde_json::from_str::<Competence>(&json).unwrap(), c);
        }
        assert!("6.1".parse::<Competence>().is_err());
    }

    #[test]
    fn per_area_serializes_with_the_area_codes_as_keys() {
        let v = PerArea::from_fn(|a| a.code().len());
        let json = serde_json::to_value(v).unwrap();
        for a in Area::ALL {
            assert_eq!(json[a.code()], a.code().len());
            assert_eq!(serde_json::to_value(a).unwrap(), a.code());
            assert_eq!(Area::ALL[a.index()], a);
        }
    }
}
