//! [`HelpNeeds`]: the recommendation translated into the vocabularies of the standard of the
//! lieux de médiation numérique, so that a nearest-help index can build its query filter.
//!
//! Rules `help-needs-1`:
//!
//! | accompaniment | services (any of) | support modes (any of) | programmes (any of) |
//! |---|---|---|---|
//! | autonomous | Accès internet et matériel informatique | En autonomie | — |
//! | occasional help | Maîtrise des outils numériques du quotidien (Aide aux démarches administratives if urgent) | Accompagnement individuel, À distance (no remote help without equipment or connection) | — |
//! | accompanied learning | Maîtrise des outils numériques du quotidien (Aide aux démarches administratives if urgent) | Accompagnement individuel, Dans un atelier collectif | — |
//! | on their behalf | Aide aux démarches administratives | Accompagnement individuel | Aidants Connect, France Services (France Services only without FranceConnect) |
//!
//! Specific support (any of): one value per flag (« Illettrisme », « Langues étrangères
//! (anglais) », « Langues étrangères (autres) », « Surdité », « Déficience visuelle »,
//! « Handicaps moteurs », « Handicaps mentaux »). The place must receive the public (not
//! « Ce lieu n'accueille pas de public »). Equipment and connection needs add separate
//! suggestions (« Acquisition de matériel informatique à prix solidaire », « Accès internet et
//! matériel informatique ») rather than narrowing the main search.
//!
//! The help is a [`Criteria`] of the model, the type the nearest-help index filters with:
//! criteria combine with AND; inside one list any value matches (OR); an empty list accepts
//! every place.

use inclusion_model::{
    AccessMode, Criteria, NationalProgramme, Place, Service, SpecificSupport, SupportMode,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Accompaniment, Context, Flag, Tri};

/// The version of the mapping from recommendation to vocabularies.
pub const HELP_NEEDS_RULES: &str = "help-needs-1";

/// The help to look for, in the standard's vocabularies. Criteria combine with AND; inside one
/// list any value matches (OR); an empty list accepts every place. Values are written with the
/// standard's exact French labels.
///
/// ```
/// use inclusion_model::{Service, SupportMode, NationalProgramme};
/// use inclusion_skills::{Answers, Questionnaire, assess};
///
/// let q = Questionnaire::builtin();
/// let mut answers = Answers::new(q).with("internet_3m", "no");
/// for sa in ["SA1", "SA2", "SA3", "SA4", "SA5", "SA6"] {
///     answers = answers.with(sa, "cannot");
/// }
/// let answers = answers
///     .with("equipment", ["smartphone"]).with("email", "yes").with("franceconnect", "yes")
///     .with("language", [] as [&str; 0]).with("urgent_procedure", "yes")
///     .with("wants_to_learn", "no").with("consent_on_behalf", "yes");
/// let needs = assess(q, &answers)?.outcome.needs;
/// assert_eq!(needs.criteria.services, [Service::AdministrativeProcedures]);
/// assert!(needs.criteria.national_programmes.contains(&NationalProgramme::FranceServices));
/// // The criteria's bit masks, as a mask-based index uses them.
/// let masks = needs.criteria.masks();
/// assert_eq!(masks.any.len(), 3); // services, support modes, programmes
/// # Ok::<(), inclusion_skills::SkillsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct HelpNeeds {
    /// The accompaniment this help answers.
    pub accompaniment: Accompaniment,
    /// The places that give this help: services, support modes, programmes and specific
    /// support (any of each), excluding the places that do not receive the public. Serialised
    /// as its lists beside the other fields.
    #[serde(flatten)]
    pub criteria: Criteria,
    /// Services worth a separate search (equipment, connection), not part of the main filter.
    #[schemars(schema_with = "inclusion_model::wire::labels_array_schema::<Service>")]
    pub also_suggest: Vec<Service>,
}

/// How far a search was relaxed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Relaxation {
    /// Every criterion.
    Exact,
    /// Without the specific-support criterion (few places declare it).
    WithoutSpecificSupport,
    /// Without the specific-support and support-mode criteria (many places leave
    /// `modalites_accompagnement` empty); services and programmes kept.
    WithoutSupportModes,
    /// Services only (many files leave `dispositif_programmes_nationaux` empty): whether the
    /// place is an Aidants Connect or France Services place must then be checked with it.
    ServicesOnly,
}

impl HelpNeeds {
    /// The help a recommendation calls for (rules `help-needs-1`, see the module docs).
    pub fn derive(
        accompaniment: Accompaniment,
        flags: &std::collections::BTreeSet<Flag>,
        context: &Context,
    ) -> HelpNeeds {
        use Accompaniment as A;
        let no_equipment =
            flags.contains(&Flag::NeedsEquipment) || flags.contains(&Flag::NeedsConnection);
        let learning_service = if context.urgent_procedure {
            Service::AdministrativeProcedures
        } else {
            Service::EverydayDigitalTools
        };
        let (services, support_modes, programmes) = match accompaniment {
            A::Autonomous => (
                vec![Service::InternetAndEquipmentAccess],
                vec![SupportMode::SelfService],
                vec![],
            ),
            A::OccasionalHelp => (
                vec![learning_service],
                if no_equipment {
                    vec![SupportMode::Individual]
                } else {
                    vec![SupportMode::Individual, SupportMode::Remote]
                },
                vec![],
            ),
            A::AccompaniedLearning => (
                vec![learning_service],
                vec![SupportMode::Individual, SupportMode::Workshop],
                vec![],
            ),
            A::OnBehalf => (
                vec![Service::AdministrativeProcedures],
                vec![SupportMode::Individual],
                if context.franceconnect == Tri::Yes {
                    vec![
                        NationalProgramme::AidantsConnect,
                        NationalProgramme::FranceServices,
                    ]
                } else {
                    vec![NationalProgramme::FranceServices]
                },
            ),
        };
        let specific_support: Vec<SpecificSupport> = flags
            .iter()
            .filter_map(|f| match f {
                Flag::Illiteracy => Some(SpecificSupport::Illiteracy),
                Flag::ForeignLanguageEnglish => Some(SpecificSupport::ForeignLanguagesEnglish),
                Flag::ForeignLanguageOther => Some(SpecificSupport::ForeignLanguagesOther),
                Flag::Deafness => Some(SpecificSupport::Deafness),
                Flag::VisualImpairment => Some(SpecificSupport::VisualImpairment),
                Flag::MotorDisability => Some(SpecificSupport::MotorDisability),
                Flag::MentalDisability => Some(SpecificSupport::MentalDisability),
                _ => None,
            })
            .collect();
        let mut also_suggest = Vec::new();
        if flags.contains(&Flag::NeedsEquipment) {
            also_suggest.push(Service::AffordableEquipment);
        }
        if no_equipment && !services.contains(&Service::InternetAndEquipmentAccess) {
            also_suggest.push(Service::InternetAndEquipmentAccess);
        }
        HelpNeeds {
            accompaniment,
            criteria: Criteria::default()
                .services(services)
                .support_modes(support_modes)
                .national_programmes(programmes)
                .specific_support(specific_support)
                .exclude_access_modes([AccessMode::NoPublicReception]),
            also_suggest,
        }
    }

    /// Whether `place` offers this help.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use inclusion_model::{Address, Place, Service, SupportMode};
    /// use inclusion_skills::{Accompaniment, Context, HelpNeeds};
    ///
    /// let needs = HelpNeeds::derive(Accompaniment::Autonomous, &Default::default(), &Context::default());
    /// let mut place = Place::new("p", "00000000000000", "EPN",
    ///     Address::new("1 rue A", "69001", "Lyon"), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    /// assert!(!needs.accepts(&place));
    /// place.services.push(Service::InternetAndEquipmentAccess);
    /// place.support_modes.push(SupportMode::SelfService);
    /// assert!(needs.accepts(&place));
    /// ```
    pub fn accepts(&self, place: &Place) -> bool {
        self.criteria.accepts(place)
    }

    /// The search, then progressively relaxed versions of it, for when the exact search finds
    /// too few places: without specific support, then also without support modes, then
    /// services only. Versions equal to an earlier one are left out.
    pub fn relaxations(&self) -> Vec<(Relaxation, HelpNeeds)> {
        let mut out = vec![(Relaxation::Exact, self.clone())];
        let mut without_specific = self.clone();
        without_specific.criteria.specific_support.clear();
        let mut without_modes = without_specific.clone();
        without_modes.criteria.support_modes.clear();
        let mut services_only = without_modes.clone();
        services_only.criteria.national_programmes.clear();
        for (r, n) in [
            (Relaxation::WithoutSpecificSupport, without_specific),
            (Relaxation::WithoutSupportModes, without_modes),
            (Relaxation::ServicesOnly, services_only),
        ] {
            if out.iter().all(|(_, m)| *m != n) {
                out.push((r, n));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Equipment, WishToLearn};
    use chrono::NaiveDate;
    use inclusion_model::Address;
    use std::collections::BTreeSet;

    fn place(
        services: &[Service],
        modes: &[SupportMode],
        programmes: &[NationalProgramme],
    ) -> Place {
        let mut p = Place::new(
            "p",
            "00000000000000",
            "Lieu",
            Address::new("1 rue A", "69001", "Lyon"),
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        );
        p.services = services.into();
        p.support_modes = modes.into();
        p.national_programmes = programmes.into();
        p
    }

    fn ctx(fc: Tri, urgent: bool) -> Context {
        Context {
            used_internet_3m: true,
            equipment: [Equipment::Computer, Equipment::HomeInternet].into(),
            email: Tri::Yes,
            franceconnect: fc,
            urgent_procedure: urgent,
            wants_to_learn: WishToLearn::Yes,
            consents_on_behalf: true,
            ..Context::default()
        }
    }

    #[test]
    fn on_behalf_looks_for_aidants_connect_or_france_services() {
        let none = BTreeSet::new();
        let n = HelpNeeds::derive(Accompaniment::OnBehalf, &none, &ctx(Tri::Yes, true));
        let fs = place(
            &[Service::AdministrativeProcedures],
            &[SupportMode::Individual],
            &[NationalProgramme::FranceServices],
        );
        let ac = place(
            &[Service::AdministrativeProcedures],
            &[SupportMode::Individual],
            &[NationalProgramme::AidantsConnect],
        );
        let other = place(
            &[Service::AdministrativeProcedures],
            &[SupportMode::Individual],
            &[NationalProgramme::DigitalAdvisors],
        );
        assert!(n.accepts(&fs) && n.accepts(&ac) && !n.accepts(&other));
        // Without FranceConnect, no Aidants Connect mandate is possible.
        let n = HelpNeeds::derive(Accompaniment::OnBehalf, &none, &ctx(Tri::No, true));
        assert!(n.accepts(&fs) && !n.accepts(&ac));
    }

    #[test]
    fn places_without_public_reception_are_excluded() {
        let n = HelpNeeds::derive(
            Accompaniment::AccompaniedLearning,
            &BTreeSet::new(),
            &ctx(Tri::Yes, false),
        );
        let mut p = place(
            &[Service::EverydayDigitalTools],
            &[SupportMode::Workshop],
            &[],
        );
        assert!(n.accepts(&p));
        p.access_modes.push(AccessMode::NoPublicReception);
        assert!(!n.accepts(&p));
    }

    #[test]
    fn flags_become_specific_support_and_suggestions() {
        let flags: BTreeSet<Flag> = [Flag::Deafness, Flag::Illiteracy, Flag::NeedsEquipment].into();
        let n = HelpNeeds::derive(Accompaniment::OccasionalHelp, &flags, &ctx(Tri::Yes, false));
        assert_eq!(
            n.criteria.specific_support,
            [SpecificSupport::Illiteracy, SpecificSupport::Deafness]
        );
        assert_eq!(n.criteria.support_modes, [SupportMode::Individual]);
        assert_eq!(
            n.also_suggest,
            [
                Service::AffordableEquipment,
                Service::InternetAndEquipmentAccess
            ]
        );
        // Brute force: a place with exactly one value of each list matches; without the
        // specific support it does not.
        let mut p = place(
            &[n.criteria.services[0]],
            &[n.criteria.support_modes[0]],
            &[],
        );
        p.specific_support.push(SpecificSupport::Illiteracy);
        assert!(n.accepts(&p));
        p.specific_support.clear();
        assert!(!n.accepts(&p));
        let relaxed = n.relaxations();
        // No programme to drop: the services-only search is the same as the one before.
        assert_eq!(relaxed.len(), 3);
        assert!(relaxed[1].1.accepts(&p));
    }

    #[test]
    fn relaxations_end_with_services_only() {
        let flags: BTreeSet<Flag> = [Flag::Deafness].into();
        let n = HelpNeeds::derive(Accompaniment::OnBehalf, &flags, &ctx(Tri::Yes, true));
        let r = n.relaxations();
        let kinds: Vec<Relaxation> = r.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            [
                Relaxation::Exact,
                Relaxation::WithoutSpecificSupport,
                Relaxation::WithoutSupportModes,
                Relaxation::ServicesOnly
            ]
        );
        // Each search accepts every place the previous one accepts.
        let mut p = place(
            &[Service::AdministrativeProcedures],
            &[SupportMode::Individual],
            &[NationalProgramme::AidantsConnect],
        );
        p.specific_support.push(SpecificSupport::Deafness);
        assert!(r.iter().all(|(_, n)| n.accepts(&p)));
        let bare = place(&[Service::AdministrativeProcedures], &[], &[]);
        let accepted: Vec<bool> = r.iter().map(|(_, n)| n.accepts(&bare)).collect();
        assert_eq!(accepted, [false, false, false, true]);
        assert_eq!(
            r[3].1.criteria.exclude_access_modes,
            [AccessMode::NoPublicReception]
        );
    }

    #[test]
    fn relaxations_skip_repeats() {
        let n = HelpNeeds::derive(
            Accompaniment::Autonomous,
            &BTreeSet::new(),
            &ctx(Tri::Yes, false),
        );
        let r: Vec<Relaxation> = n.relaxations().into_iter().map(|(r, _)| r).collect();
        assert_eq!(r, [Relaxation::Exact, Relaxation::WithoutSupportModes]);
    }

    #[test]
    fn serializes_with_the_standard_labels() {
        let n = HelpNeeds::derive(
            Accompaniment::OnBehalf,
            &BTreeSet::new(),
            &ctx(Tri::Yes, true),
        );
        let json = serde_json::to_value(&n).unwrap();
        assert_eq!(json["services"][0], "Aide aux démarches administratives");
        assert_eq!(
            json["exclude_access_modes"][0],
            "Ce lieu n'accueille pas de public"
        );
        let back: HelpNeeds = serde_json::from_value(json).unwrap();
        assert_eq!(back, n);
    }
}
