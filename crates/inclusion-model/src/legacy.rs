//! Schema v0.1.x: its columns, its vocabularies and their mapping to v1.0.2 (used by the
//! migration, and by the validator to recognise a v0.1 value in a v1 file).
//!
//! Labels are verbatim from `schema.json` at tag v0.1.1 (`;`-separated lists). The service
//! mapping is the one the reference TypeScript library and the national cartography's ETL
//! implement (through the equivalent data·inclusion v0 thématiques); the other mappings follow
//! the library's data·inclusion v0 codes (`pass-numerique` → « Gratuit sous condition »,
//! `adhesion` → « Payant », `delegation` → « Accompagnement individuel »...).

use crate::diagnostic::Template;
use crate::messages;
use crate::vocab::{
    Fee, NationalProgramme, Public, Service, SpecificSupport, SupportMode, TrainingLabel,
};

/// Columns that only v0.1 has.
pub(crate) const V01_ONLY: [&str; 7] = [
    "publics_accueillis",
    "conditions_acces",
    "labels_nationaux",
    "labels_autres",
    "courriel",
    "cle_ban",
    "accessibilite",
];

/// Columns that only v1 has.
pub(crate) const V1_ONLY: [&str; 10] = [
    "courriels",
    "itinerance",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "dispositif_programmes_nationaux",
    "formations_labels",
    "autres_formations_labels",
    "modalites_acces",
    "fiche_acces_libre",
];

/// The v0.1 columns a v1 file may still carry (real files do) that the migration maps, with
/// the v1 columns their values go to (see [`migrate`](crate::migrate)). `cle_ban` has no v1
/// column: in a v1 file it is a column outside the standard, kept aside.
pub(crate) const LEGACY_IN_V1: [(&str, &str); 6] = [
    (
        "publics_accueillis",
        "publics_specifiquement_adresses, prise_en_charge_specifique",
    ),
    ("conditions_acces", "frais_a_charge"),
    (
        "labels_nationaux",
        "dispositif_programmes_nationaux, formations_labels, autres_formations_labels",
    ),
    ("labels_autres", "autres_formations_labels"),
    ("courriel", "courriels"),
    ("accessibilite", "fiche_acces_libre"),
];

/// The v0.1 column of this name that the migration maps in a v1 file, and the v1 columns its
/// values go to.
pub(crate) fn v1_targets(name: &str) -> Option<(&'static str, &'static str)> {
    LEGACY_IN_V1.iter().find(|(n, _)| *n == name).copied()
}

/// The 29 columns of v0.1.1, in schema order.
pub(crate) const V01_COLUMNS: [&str; 29] = [
    "id",
    "pivot",
    "nom",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "latitude",
    "longitude",
    "cle_ban",
    "typologie",
    "telephone",
    "courriel",
    "site_web",
    "horaires",
    "presentation_resume",
    "presentation_detail",
    "source",
    "structure_parente",
    "date_maj",
    "services",
    "publics_accueillis",
    "conditions_acces",
    "labels_nationaux",
    "labels_autres",
    "modalites_accompagnement",
    "accessibilite",
    "prise_rdv",
];

/// How well a v0.1 value maps to v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fit {
    /// Same meaning.
    Exact,
    /// The closest v1 value; the nuance is reported.
    Approximate,
}

/// The v1 value(s) a v0.1 value of `publics_accueillis` becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PublicTarget {
    Public(Public),
    Support(SpecificSupport),
    /// No v1 equivalent (the message says why).
    Nothing(&'static Template),
}

/// A v0.1 national label becomes a national programme, a training label, or, without v1
/// equivalent, an "other label" (free text in `autres_formations_labels`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelTarget {
    Programme(NationalProgramme),
    Training(TrainingLabel),
    Other,
}

/// v0.1 `services` (15 values) → v1 `services`.
pub(crate) const SERVICES: &[(&str, Service)] = &[
    (
        "Devenir autonome dans les démarches administratives",
        Service::AdministrativeProcedures,
    ),
    (
        "Réaliser des démarches administratives avec un accompagnement",
        Service::AdministrativeProcedures,
    ),
    (
        "Prendre en main un smartphone ou une tablette",
        Service::EverydayDigitalTools,
    ),
    (
        "Prendre en main un ordinateur",
        Service::EverydayDigitalTools,
    ),
    (
        "Utiliser le numérique au quotidien",
        Service::EverydayDigitalTools,
    ),
    (
        "Approfondir ma culture numérique",
        Service::UnderstandingDigitalWorld,
    ),
    (
        "Favoriser mon insertion professionnelle",
        Service::ProfessionalIntegration,
    ),
    (
        "Accéder à une connexion internet",
        Service::InternetAndEquipmentAccess,
    ),
    ("Accéder à du matériel", Service::InternetAndEquipmentAccess),
    (
        "S'équiper en matériel informatique",
        Service::AffordableEquipment,
    ),
    (
        "Créer et développer mon entreprise",
        Service::ProfessionalIntegration,
    ),
    ("Créer avec le numérique", Service::LeisureAndCreation),
    (
        "Accompagner les démarches de santé",
        Service::AdministrativeProcedures,
    ),
    (
        "Promouvoir la citoyenneté numérique",
        Service::UnderstandingDigitalWorld,
    ),
    (
        "Soutenir la parentalité et l'éducation avec le numérique",
        Service::ParentingAndEducation,
    ),
];

/// v0.1 `publics_accueillis` (11 values) → v1 `publics_specifiquement_adresses` or
/// `prise_en_charge_specifique`.
pub(crate) const PUBLICS: &[(&str, PublicTarget, Fit)] = &[
    (
        "Seniors (+ 65 ans)",
        PublicTarget::Public(Public::Seniors),
        Fit::Exact,
    ),
    (
        "Familles/enfants",
        PublicTarget::Public(Public::Families),
        Fit::Exact,
    ),
    (
        "Adultes",
        PublicTarget::Nothing(&messages::MIGRATION_ADULTS),
        Fit::Exact,
    ),
    (
        "Jeunes (16-26 ans)",
        PublicTarget::Public(Public::Youth),
        Fit::Exact,
    ),
    (
        "Public langues étrangères",
        PublicTarget::Support(SpecificSupport::ForeignLanguagesOther),
        Fit::Approximate,
    ),
    (
        "Déficience visuelle",
        PublicTarget::Support(SpecificSupport::VisualImpairment),
        Fit::Exact,
    ),
    (
        "Surdité",
        PublicTarget::Support(SpecificSupport::Deafness),
        Fit::Exact,
    ),
    (
        "Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales",
        PublicTarget::Support(SpecificSupport::MentalDisability),
        Fit::Approximate,
    ),
    (
        "Handicaps mentaux : déficiences limitant les activités d'une personne",
        PublicTarget::Support(SpecificSupport::MentalDisability),
        Fit::Exact,
    ),
    (
        "Uniquement femmes",
        PublicTarget::Public(Public::Women),
        Fit::Approximate,
    ),
    (
        "Personnes en situation d'illettrisme",
        PublicTarget::Support(SpecificSupport::Illiteracy),
        Fit::Exact,
    ),
];

/// v0.1 `conditions_acces` (5 values) → v1 `frais_a_charge`.
pub(crate) const CONDITIONS: &[(&str, Fee, Fit)] = &[
    (
        "Gratuit : Je peux accéder gratuitement au lieu et à ses services",
        Fee::Free,
        Fit::Exact,
    ),
    (
        "Gratuit sous condition : La gratuité est conditionnée à des critères (situation familiale, convention avec un organisme social...)",
        Fee::FreeUnderConditions,
        Fit::Exact,
    ),
    (
        "Payant : L'accès au lieu et/ou à ses services est payant",
        Fee::Paying,
        Fit::Exact,
    ),
    (
        "Accepte le Pass numérique : Il est possible d'utiliser un Pass numérique pour accéder au lieu",
        Fee::FreeUnderConditions,
        Fit::Approximate,
    ),
    (
        "Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer",
        Fee::Paying,
        Fit::Approximate,
    ),
];

/// v0.1 `labels_nationaux` (11 values) → v1 `dispositif_programmes_nationaux`,
/// `formations_labels`, or `autres_formations_labels`.
pub(crate) const LABELS: &[(&str, LabelTarget, Fit)] = &[
    (
        "France Services",
        LabelTarget::Programme(NationalProgramme::FranceServices),
        Fit::Exact,
    ),
    (
        "CNFS",
        LabelTarget::Programme(NationalProgramme::DigitalAdvisors),
        Fit::Exact,
    ),
    ("APTIC", LabelTarget::Other, Fit::Exact),
    (
        "Aidants Connect",
        LabelTarget::Programme(NationalProgramme::AidantsConnect),
        Fit::Exact,
    ),
    (
        "Fabriques de Territoire",
        LabelTarget::Training(TrainingLabel::FabriquesDeTerritoire),
        Fit::Exact,
    ),
    (
        "Grandes écoles du numérique",
        LabelTarget::Programme(NationalProgramme::GrandeEcoleDuNumerique),
        Fit::Exact,
    ),
    (
        "Point relais CAF",
        LabelTarget::Programme(NationalProgramme::CafDigitalAccessPoint),
        Fit::Approximate,
    ),
    (
        "Point numérique CAF",
        LabelTarget::Programme(NationalProgramme::CafDigitalAccessPoint),
        Fit::Exact,
    ),
    ("Relais pôle emploi", LabelTarget::Other, Fit::Exact),
    ("French Tech", LabelTarget::Other, Fit::Exact),
    ("Campus connecté", LabelTarget::Other, Fit::Exact),
];

/// v0.1 `modalites_accompagnement` (4 long labels) → v1 (4 short labels).
pub(crate) const SUPPORT_MODES: &[(&str, SupportMode, Fit)] = &[
    (
        "Seul : j'ai accès à du matériel et une connexion",
        SupportMode::SelfService,
        Fit::Exact,
    ),
    (
        "Avec de l'aide : je suis accompagné seul dans l'usage du numérique",
        SupportMode::Individual,
        Fit::Exact,
    ),
    (
        "Dans un atelier : j'apprends collectivement à utiliser le numérique",
        SupportMode::Workshop,
        Fit::Exact,
    ),
    (
        "A ma place : une personne habilitée fait les démarches à ma place",
        SupportMode::Individual,
        Fit::Approximate,
    ),
];

/// Whether a value is a label of any v0.1 vocabulary (to explain v1 files holding v0.1 values).
pub(crate) fn is_v01_label(value: &str) -> bool {
    SERVICES.iter().any(|(l, _)| *l == value)
        || PUBLICS.iter().any(|(l, _, _)| *l == value)
        || CONDITIONS.iter().any(|(l, _, _)| *l == value)
        || LABELS.iter().any(|(l, _, _)| *l == value)
        || SUPPORT_MODES.iter().any(|(l, _, _)| *l == value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_v1_service_but_safe_use_has_a_v01_origin() {
        for s in Service::ALL {
            let has = SERVICES.iter().any(|(_, t)| t == s);
            assert_eq!(has, *s != Service::SafeUse, "{s:?}");
        }
        assert_eq!(SERVICES.len(), 15);
        assert_eq!(PUBLICS.len(), 11);
        assert_eq!(CONDITIONS.len(), 5);
        assert_eq!(LABELS.len(), 11);
        assert_eq!(SUPPORT_MODES.len(), 4);
    }

    #[test]
    fn labels_are_the_v01_schema_patterns() {
        let Some(bytes) = inclusion_anchors::read("standard-mediation-num/schema-v0.1.1.json")
        else {
            return;
        };
        let schema: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let pattern = |name: &str| -> String {
            schema["fields"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["name"] == name)
                .unwrap()["constraints"]["pattern"]
                .as_str()
                .unwrap()
                .replace('\\', "")
        };
        let check = |name: &str, labels: Vec<&str>| {
            let p = pattern(name);
            let inner = p
                .strip_prefix("(?:(?:^|;)(")
                .and_then(|s| s.strip_suffix("))+$"))
                .unwrap();
            let mut ours = labels.clone();
            ours.sort();
            let mut theirs: Vec<&str> = inner.split('|').collect();
            theirs.sort();
            assert_eq!(ours, theirs, "{name}");
        };
        check("services", SERVICES.iter().map(|x| x.0).collect());
        check("publics_accueillis", PUBLICS.iter().map(|x| x.0).collect());
        check("conditions_acces", CONDITIONS.iter().map(|x| x.0).collect());
        check("labels_nationaux", LABELS.iter().map(|x| x.0).collect());
        check(
            "modalites_accompagnement",
            SUPPORT_MODES.iter().map(|x| x.0).collect(),
        );
    }
}
