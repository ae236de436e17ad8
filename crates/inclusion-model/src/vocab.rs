//! The closed vocabularies of the standard (schema v1.0.2, §2.3 of the research notes).
//!
//! Each vocabulary is a Rust enum with English variant names. On the wire (CSV, JSON, serde)
//! a value is always the **exact French label published by the standard** (NFC, ASCII
//! apostrophe, case-sensitive); [`Vocabulary::label_fr`] and [`Vocabulary::label_en`] give the
//! labels for user interfaces.
//!
//! ```
//! use inclusion_model::{Service, Vocabulary};
//!
//! let s: Service = "Aide aux démarches administratives".parse()?;
//! assert_eq!(s, Service::AdministrativeProcedures);
//! assert_eq!(s.to_string(), "Aide aux démarches administratives");
//! assert_eq!(s.label_en(), "Help with administrative procedures");
//! assert_eq!(Service::ALL.len(), 9);
//!
//! // Labels are matched exactly: no case folding, no trimming.
//! assert!("aide aux démarches administratives".parse::<Service>().is_err());
//! # Ok::<(), inclusion_model::UnknownLabel>(())
//! ```

use std::fmt;
use std::str::FromStr;

use inclusion_hours::Lang;

/// A value that is not one of the labels of a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{value}' is not a valid {vocabulary} label{} (expected one of: {expected})", did_you_mean(.suggestion))]
pub struct UnknownLabel {
    /// The column of the standard this vocabulary belongs to, e.g. `services`.
    pub vocabulary: &'static str,
    /// The value that was given.
    pub value: String,
    /// The valid labels, separated by ` | `.
    pub expected: String,
    /// The French label closest to the value, when one is close enough to be what was meant.
    pub suggestion: Option<&'static str>,
}

fn did_you_mean(suggestion: &Option<&'static str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(" (did you mean '{s}'?)"))
}

impl UnknownLabel {
    fn new<V: Vocabulary>(value: &str) -> UnknownLabel {
        UnknownLabel {
            vocabulary: V::COLUMN,
            value: value.to_owned(),
            expected: expected_labels::<V>(),
            suggestion: closest_label::<V>(value),
        }
    }

    /// What is wrong and what to do, for people, in two lines: the value is not a label (with
    /// the closest label, if any), then the valid labels.
    ///
    /// ```
    /// use inclusion_model::{Lang, Service, vocab::find_label};
    /// let e = find_label::<Service>("aide aux demarches").unwrap_err();
    /// assert_eq!(e.suggestion, Some("Aide aux démarches administratives"));
    /// let fr = e.message(Lang::Fr);
    /// assert!(fr.starts_with("« aide aux demarches » n'est pas une valeur de services : vouliez-vous dire « Aide aux démarches administratives » ?\nValeurs possibles : Aide aux démarches administratives | "), "{fr}");
    /// assert!(e.message(Lang::En).starts_with("'aide aux demarches' is not a value of services: did you mean 'Aide aux démarches administratives'?\nValid values: "));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        let value = crate::printable::excerpt(&self.value, crate::printable::EXCERPT_CHARS);
        let (column, expected) = (self.vocabulary, &self.expected);
        match (lang, self.suggestion) {
            (Lang::Fr, Some(s)) => format!(
                "« {value} » n'est pas une valeur de {column} : vouliez-vous dire « {s} » ?\nValeurs possibles : {expected}"
            ),
            (Lang::Fr, None) => format!(
                "« {value} » n'est pas une valeur de {column}.\nValeurs possibles : {expected}"
            ),
            (Lang::En, Some(s)) => format!(
                "'{value}' is not a value of {column}: did you mean '{s}'?\nValid values: {expected}"
            ),
            (Lang::En, None) => {
                format!("'{value}' is not a value of {column}.\nValid values: {expected}")
            }
        }
    }
}

/// A label as a person types it: the standard's French label or the English label, letter case
/// ignored. Anything else is an [`UnknownLabel`] that lists the valid labels and names the
/// closest one ("did you mean").
///
/// ```
/// use inclusion_model::{Service, SupportMode, vocab::find_label};
/// assert_eq!(find_label::<Service>("aide aux Démarches administratives"), Ok(Service::AdministrativeProcedures));
/// assert_eq!(find_label::<SupportMode>("one-to-one support"), Ok(SupportMode::Individual));
/// let e = find_label::<SupportMode>("en autonomi").unwrap_err();
/// assert_eq!(e.suggestion, Some("En autonomie"));
/// assert_eq!(find_label::<SupportMode>("xyz").unwrap_err().suggestion, None);
/// ```
pub fn find_label<V: Vocabulary>(text: &str) -> Result<V, UnknownLabel> {
    let wanted = text.trim().to_lowercase();
    V::ALL
        .iter()
        .copied()
        .find(|v| v.label_fr().to_lowercase() == wanted || v.label_en().to_lowercase() == wanted)
        .ok_or_else(|| UnknownLabel::new::<V>(text))
}

/// The French label of `V` closest to `text` (compared without case with the French and English
/// labels, and with their start: a label begun with a typo counts as close), when it is close
/// enough.
fn closest_label<V: Vocabulary>(text: &str) -> Option<&'static str> {
    let wanted = text.trim().to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &'static str)> = None;
    for v in V::ALL {
        for label in [v.label_fr(), v.label_en()] {
            let label = label.to_lowercase();
            let whole = strsim::normalized_levenshtein(&wanted, &label);
            // The start of a label typed with a typo ("aide aux demarches") is close too.
            let length = wanted.chars().count();
            let start: String = label.chars().take(length).collect();
            let start = if length >= 4 {
                0.95 * strsim::normalized_levenshtein(&wanted, &start)
            } else {
                0.0
            };
            let score = whole.max(start);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, v.label_fr()));
            }
        }
    }
    best.filter(|(score, _)| *score >= 0.6)
        .map(|(_, label)| label)
}

/// What every closed vocabulary of the standard can do.
pub trait Vocabulary: Sized + Copy + Eq + Ord + fmt::Debug + 'static {
    /// The column of the standard that holds this vocabulary (e.g. `services`).
    const COLUMN: &'static str;
    /// Every value, in the order of the standard's pattern.
    const ALL: &'static [Self];
    /// The exact French label of the standard (the wire form).
    fn label_fr(self) -> &'static str;
    /// An English label for user interfaces.
    fn label_en(self) -> &'static str;
    /// The position of this value in [`Vocabulary::ALL`] (stable, `< 32`): handy for bitsets.
    fn index(self) -> usize;
    /// Looks a label up exactly as the standard's validator does (exact, case-sensitive).
    fn from_label(label: &str) -> Option<Self>;
    /// A bit set with one bit per value of `values`: `1 << value.index()`.
    fn mask<'a>(values: impl IntoIterator<Item = &'a Self>) -> u32 {
        values.into_iter().fold(0, |m, v| m | (1 << v.index()))
    }
}

/// The valid labels of the vocabulary of a column (by its name), separated by ` | `; `None`
/// for a column without vocabulary.
pub(crate) fn labels_of_column(column: &str) -> Option<String> {
    fn of<V: Vocabulary>(column: &str) -> Option<String> {
        (column == V::COLUMN).then(expected_labels::<V>)
    }
    of::<Service>(column)
        .or_else(|| of::<Public>(column))
        .or_else(|| of::<SpecificSupport>(column))
        .or_else(|| of::<Fee>(column))
        .or_else(|| of::<Mobility>(column))
        .or_else(|| of::<NationalProgramme>(column))
        .or_else(|| of::<TrainingLabel>(column))
        .or_else(|| of::<AccessMode>(column))
        .or_else(|| of::<SupportMode>(column))
}

/// The JSON Schema of a list of values of one vocabulary, as the Rust types hold them (a JSON
/// array of its exact French labels): for `#[schemars(schema_with = "...")]` on `Vec<V>` fields.
///
/// ```
/// use inclusion_model::{Fee, wire::labels_array_schema};
/// let mut generator = schemars::SchemaGenerator::default();
/// let schema = labels_array_schema::<Fee>(&mut generator);
/// assert_eq!(schema.as_value()["items"]["enum"][2], "Payant");
/// ```
pub fn labels_array_schema<V: Vocabulary>(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let labels: Vec<&'static str> = V::ALL.iter().map(|v| v.label_fr()).collect();
    schemars::json_schema!({
        "type": "array",
        "items": { "type": "string", "enum": labels },
    })
}

pub(crate) fn expected_labels<V: Vocabulary>() -> String {
    V::ALL
        .iter()
        .map(|v| v.label_fr())
        .collect::<Vec<_>>()
        .join(" | ")
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, column = $column:literal;
        $( $variant:ident => $fr:literal, $en:literal; )+
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("« ", $fr, " » (", $en, ").")]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order of the standard's pattern.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The exact French label of the standard (the wire form).
            pub const fn label_fr(self) -> &'static str {
                match self { $($name::$variant => $fr),+ }
            }

            /// An English label for user interfaces.
            pub const fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }
        }

        impl Vocabulary for $name {
            const COLUMN: &'static str = $column;
            const ALL: &'static [Self] = $name::ALL;
            fn label_fr(self) -> &'static str { $name::label_fr(self) }
            fn label_en(self) -> &'static str { $name::label_en(self) }
            fn index(self) -> usize { self as usize }
            fn from_label(label: &str) -> Option<Self> {
                match label { $($fr => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label_fr())
            }
        }

        impl FromStr for $name {
            type Err = UnknownLabel;
            fn from_str(s: &str) -> Result<Self, UnknownLabel> {
                <$name as Vocabulary>::from_label(s).ok_or_else(|| UnknownLabel::new::<$name>(s))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.label_fr())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary! {
    /// A service offered by a place (`services`, 9 values).
    Service, column = "services";
    AdministrativeProcedures => "Aide aux démarches administratives", "Help with administrative procedures";
    EverydayDigitalTools => "Maîtrise des outils numériques du quotidien", "Mastering everyday digital tools";
    ProfessionalIntegration => "Insertion professionnelle via le numérique", "Finding work through digital tools";
    SafeUse => "Utilisation sécurisée du numérique", "Using digital tools safely";
    ParentingAndEducation => "Parentalité et éducation avec le numérique", "Parenting and education with digital tools";
    LeisureAndCreation => "Loisirs et créations numériques", "Digital leisure and creation";
    UnderstandingDigitalWorld => "Compréhension du monde numérique", "Understanding the digital world";
    InternetAndEquipmentAccess => "Accès internet et matériel informatique", "Access to the internet and computers";
    AffordableEquipment => "Acquisition de matériel informatique à prix solidaire", "Buying computer equipment at an affordable price";
}

vocabulary! {
    /// A public the place specifically addresses (`publics_specifiquement_adresses`, 5 values).
    /// By default a place is open to everyone.
    Public, column = "publics_specifiquement_adresses";
    Youth => "Jeunes", "Young people";
    Students => "Étudiants", "Students";
    Families => "Familles et/ou enfants", "Families and/or children";
    Seniors => "Seniors", "Seniors";
    Women => "Femmes", "Women";
}

vocabulary! {
    /// A specific support the place can provide (`prise_en_charge_specifique`, 7 values).
    SpecificSupport, column = "prise_en_charge_specifique";
    Deafness => "Surdité", "Deafness";
    MotorDisability => "Handicaps moteurs", "Motor disabilities";
    MentalDisability => "Handicaps mentaux", "Mental disabilities";
    Illiteracy => "Illettrisme", "Illiteracy";
    ForeignLanguagesEnglish => "Langues étrangères (anglais)", "Foreign languages (English)";
    ForeignLanguagesOther => "Langues étrangères (autres)", "Foreign languages (others)";
    VisualImpairment => "Déficience visuelle", "Visual impairment";
}

vocabulary! {
    /// What the person pays (`frais_a_charge`, 3 values).
    Fee, column = "frais_a_charge";
    Free => "Gratuit", "Free";
    FreeUnderConditions => "Gratuit sous condition", "Free under conditions";
    Paying => "Payant", "Paying";
}

vocabulary! {
    /// Whether the place moves (`itinerance`, 2 values).
    Mobility, column = "itinerance";
    Itinerant => "Itinérant", "Itinerant";
    Fixed => "Fixe", "Fixed";
}

vocabulary! {
    /// A national scheme or programme the place belongs to (`dispositif_programmes_nationaux`, 11 values).
    NationalProgramme, column = "dispositif_programmes_nationaux";
    AidantsConnect => "Aidants Connect", "Aidants Connect";
    ReferenceDigitalLibraries => "Bibliothèques numérique de référence", "Reference digital libraries";
    PixCertification => "Certification PIX", "PIX certification";
    DigitalAdvisors => "Conseillers numériques", "Digital advisors (conseillers numériques)";
    EmmausConnect => "Emmaüs Connect", "Emmaüs Connect";
    FranceServices => "France Services", "France Services";
    GrandeEcoleDuNumerique => "Grande école du numérique", "Grande école du numérique";
    RedCross => "La Croix Rouge", "French Red Cross";
    CafDigitalAccessPoint => "Point d'accès numérique CAF", "CAF digital access point";
    PromeneursDuNet => "Promeneurs du net", "Promeneurs du net";
    EmmausConnectRelay => "Relais numérique (Emmaüs Connect)", "Digital relay (Emmaüs Connect)";
}

vocabulary! {
    /// A training or label held by the place's staff (`formations_labels`, 10 values).
    ///
    /// Two labels of the standard have known defects, handled deliberately:
    /// * [`TrainingLabel::EtapesNumeriques`]: the standard's pattern spells it
    ///   `Étapes numériques(La Poste)` (no space), while its description and the reference
    ///   TypeScript library spell it `Étapes numériques (La Poste)`. The wire label is the
    ///   pattern's (the only one the official validator accepts); [`str::parse`] also accepts the
    ///   spaced form, and the validator of this crate reports it (code
    ///   `formations_labels.etapes_spelling`).
    /// * [`TrainingLabel::Ordi30`]: the pattern `ORDI 3.0` leaves the dot unescaped, so the
    ///   official validator also accepts `ORDI 3X0`; the validator of this crate does too at the
    ///   Standard level and warns at the Strict level.
    TrainingLabel, column = "formations_labels";
    MonEspaceSante => "Formé à « Mon Espace Santé »", "Trained in « Mon Espace Santé »";
    Duplex => "Formé à « DUPLEX » (illettrisme)", "Trained in « DUPLEX » (illiteracy)";
    ArniaMedNumBfc => "Arnia/MedNum BFC (Bourgogne-Franche-Comté)", "Arnia/MedNum BFC (Bourgogne-Franche-Comté)";
    ReuseResourcesNormandie => "Collectif ressources et acteurs réemploi (Normandie)", "Reuse resources collective (Normandy)";
    EtapesNumeriques => "Étapes numériques(La Poste)", "Étapes numériques (La Poste)";
    FabriquesDeTerritoire => "Fabriques de Territoire", "Fabriques de Territoire";
    EclaireursDuNumerique => "Les Éclaireurs du numérique (Drôme)", "Les Éclaireurs du numérique (Drôme)";
    MesPapiers => "Mes Papiers (Métropole de Lyon)", "Mes Papiers (Lyon metropolitan area)";
    Ordi30 => "ORDI 3.0", "ORDI 3.0";
    SudLabs => "SUD LABS (PACA)", "SUD LABS (PACA)";
}

impl TrainingLabel {
    /// The spelling of [`TrainingLabel::EtapesNumeriques`] used by the standard's description
    /// and the reference TypeScript library (with a space), which the official validator rejects.
    pub const ETAPES_NUMERIQUES_SPACED: &'static str = "Étapes numériques (La Poste)";

    /// Parses a label like [`str::parse`], and also the spaced spelling
    /// [`TrainingLabel::ETAPES_NUMERIQUES_SPACED`] and the `ORDI 3?0` variants the official
    /// pattern accepts.
    ///
    /// ```
    /// use inclusion_model::TrainingLabel;
    /// assert_eq!(TrainingLabel::parse_lenient("Étapes numériques (La Poste)"), Some(TrainingLabel::EtapesNumeriques));
    /// assert_eq!(TrainingLabel::parse_lenient("ORDI 3X0"), Some(TrainingLabel::Ordi30));
    /// assert_eq!(TrainingLabel::parse_lenient("ordi 3.0"), None);
    /// ```
    pub fn parse_lenient(s: &str) -> Option<Self> {
        if let Some(v) = <Self as Vocabulary>::from_label(s) {
            return Some(v);
        }
        if s == Self::ETAPES_NUMERIQUES_SPACED {
            return Some(TrainingLabel::EtapesNumeriques);
        }
        if is_ordi_variant(s) {
            return Some(TrainingLabel::Ordi30);
        }
        None
    }
}

/// `ORDI 3` + any single character + `0`: what the unescaped pattern `ORDI 3.0` matches.
pub(crate) fn is_ordi_variant(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("ORDI 3") else {
        return false;
    };
    let mut chars = rest.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('0'), None) if c != '\n')
}

vocabulary! {
    /// How a person can get in touch with the place (`modalites_acces`, 6 values).
    AccessMode, column = "modalites_acces";
    WalkIn => "Se présenter", "Walk in";
    Phone => "Téléphoner", "Phone";
    Email => "Contacter par mail", "E-mail";
    OnlineBooking => "Prendre un RDV en ligne", "Book an appointment online";
    NoPublicReception => "Ce lieu n'accueille pas de public", "This place does not receive the public";
    ReferralByEmail => "Envoyer un mail avec une fiche de prescription", "Send an e-mail with a referral form";
}

vocabulary! {
    /// How help is given (`modalites_accompagnement`, 4 values).
    SupportMode, column = "modalites_accompagnement";
    SelfService => "En autonomie", "On your own";
    Individual => "Accompagnement individuel", "One-to-one support";
    Workshop => "Dans un atelier collectif", "In a group workshop";
    Remote => "À distance", "Remotely";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<V: Vocabulary + fmt::Display + FromStr>(count: usize) {
        assert_eq!(V::ALL.len(), count, "{}", V::COLUMN);
        for (i, v) in V::ALL.iter().enumerate() {
            assert_eq!(v.index(), i);
            assert_eq!(V::from_label(v.label_fr()), Some(*v));
            assert_eq!(v.to_string(), v.label_fr());
            assert!(!v.label_en().is_empty());
            assert!(v.label_fr().chars().all(|c| c != '\u{2019}'));
        }
    }

    #[test]
    fn counts_and_round_trips() {
        check::<Service>(9);
        check::<Public>(5);
        check::<SpecificSupport>(7);
        check::<Fee>(3);
        check::<Mobility>(2);
        check::<NationalProgramme>(11);
        check::<TrainingLabel>(10);
        check::<AccessMode>(6);
        check::<SupportMode>(4);
    }

    #[test]
    fn serde_uses_french_labels() {
        let json = serde_json::to_string(&SupportMode::Remote).unwrap();
        assert_eq!(json, "\"À distance\"");
        let back: SupportMode = serde_json::from_str(&json).unwrap();
        assert_eq!(back, SupportMode::Remote);
        assert!(serde_json::from_str::<SupportMode>("\"A distance\"").is_err());
    }

    #[test]
    fn unknown_label_lists_expected_values() {
        let err = "Gratos".parse::<Fee>().unwrap_err();
        assert_eq!(err.vocabulary, "frais_a_charge");
        assert!(err.to_string().contains("Gratuit sous condition"));
    }

    #[test]
    fn ordi_variants() {
        assert!(is_ordi_variant("ORDI 3.0"));
        assert!(is_ordi_variant("ORDI 3X0"));
        assert!(!is_ordi_variant("ORDI 30"));
        assert!(!is_ordi_variant("ORDI 3.00"));
    }

    #[test]
    fn mask_sets_one_bit_per_value() {
        let m = Service::mask(&[Service::SafeUse, Service::AffordableEquipment]);
        assert_eq!(m, (1 << 3) | (1 << 8));
    }
}
