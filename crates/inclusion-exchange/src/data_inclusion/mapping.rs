//! The mapping tables between the standard's vocabularies and data·inclusion's codes, in both
//! directions. Every table is a `const` that the documentation and the tests read; the
//! functions below only apply them.
//!
//! ```
//! use inclusion_exchange::data_inclusion::mapping;
//! use inclusion_exchange::data_inclusion::{Network, Theme};
//! use inclusion_model::{NationalProgramme, Service};
//!
//! assert_eq!(
//!     mapping::themes_of(Service::InternetAndEquipmentAccess),
//!     &[Theme::INTERNET_CONNECTION]
//! );
//! assert_eq!(mapping::network_of_programme(NationalProgramme::DigitalAdvisors), Some(Network::DIGITAL_ADVISORS));
//! assert_eq!(mapping::network_of_programme(NationalProgramme::PixCertification), None);
//! ```

use inclusion_model::typology::Typology;
use inclusion_model::vocab::{
    AccessMode, Fee, NationalProgramme, Public, Service as OurService, SupportMode, TrainingLabel,
    Vocabulary,
};

use super::network::Network;
use super::theme::Theme;
use super::vocabulary::{Audience, Cost, MobilisationMode, Mobiliser, ReceptionMode, ServiceType};

/// Each service of the standard: the slug that ends its data·inclusion service `id`, and its
/// data·inclusion themes. Every service has at least one `numerique--…` theme; the other
/// themes say what the digital help is for.
pub const SERVICE_THEMES: [(OurService, &str, &[Theme]); 9] = [
    (
        OurService::AdministrativeProcedures,
        "aide-aux-demarches-administratives",
        &[Theme::ONLINE_SERVICES, Theme::ADMINISTRATIVE_PROCEDURES],
    ),
    (
        OurService::EverydayDigitalTools,
        "maitrise-des-outils-numeriques-du-quotidien",
        &[Theme::DIGITAL_FUNDAMENTALS],
    ),
    (
        OurService::ProfessionalIntegration,
        "insertion-professionnelle-via-le-numerique",
        &[Theme::DIGITAL_FUNDAMENTALS, Theme::JOB_SEARCH],
    ),
    (
        OurService::SafeUse,
        "utilisation-securisee-du-numerique",
        &[Theme::DIGITAL_FUNDAMENTALS],
    ),
    (
        OurService::ParentingAndEducation,
        "parentalite-et-education-avec-le-numerique",
        &[Theme::DIGITAL_FUNDAMENTALS, Theme::PARENTING],
    ),
    (
        OurService::LeisureAndCreation,
        "loisirs-et-creations-numeriques",
        &[Theme::DIGITAL_FUNDAMENTALS, Theme::CULTURE_AND_LEISURE],
    ),
    (
        OurService::UnderstandingDigitalWorld,
        "comprehension-du-monde-numerique",
        &[Theme::DIGITAL_FUNDAMENTALS],
    ),
    (
        OurService::InternetAndEquipmentAccess,
        "acces-internet-et-materiel-informatique",
        &[Theme::INTERNET_CONNECTION],
    ),
    (
        OurService::AffordableEquipment,
        "acquisition-de-materiel-informatique-a-prix-solidaire",
        &[Theme::DIGITAL_EQUIPMENT],
    ),
];

/// The categories whose themes, next to `numerique--maitriser-les-fondamentaux-du-numerique`,
/// make a foreign service « Insertion professionnelle via le numérique » on import.
pub const EMPLOYMENT_CATEGORIES: [&str; 4] = [
    "choisir-un-metier",
    "preparer-sa-candidature",
    "trouver-un-emploi",
    "creer-une-entreprise",
];

/// National programmes ⇄ networks (one to one). `Bibliothèques numérique de référence`,
/// `Certification PIX`, `Promeneurs du net` and `Relais numérique (Emmaüs Connect)` (partner
/// structures, not carried by Emmaüs) have no network.
pub const PROGRAMME_NETWORKS: [(NationalProgramme, Network); 7] = [
    (NationalProgramme::AidantsConnect, Network::AIDANTS_CONNECT),
    (
        NationalProgramme::DigitalAdvisors,
        Network::DIGITAL_ADVISORS,
    ),
    (NationalProgramme::FranceServices, Network::FRANCE_SERVICES),
    (
        NationalProgramme::GrandeEcoleDuNumerique,
        Network::GRANDE_ECOLE_DU_NUMERIQUE,
    ),
    (NationalProgramme::RedCross, Network::RED_CROSS),
    (NationalProgramme::CafDigitalAccessPoint, Network::CAF),
    (NationalProgramme::EmmausConnect, Network::EMMAUS),
];

/// Trainings and labels ⇄ networks (one to one): only `Fabriques de Territoire` is a network.
pub const LABEL_NETWORKS: [(TrainingLabel, Network); 1] = [(
    TrainingLabel::FabriquesDeTerritoire,
    Network::FABRIQUE_DE_TERRITOIRE,
)];

/// `typologie` codes ⇄ networks, one to one: a code is here only when it is the single code
/// for its network and that network is not already the image of a programme or a label (so the
/// import gives back exactly what the export wrote). Left out on purpose: `CIAS` (with `CCAS`
/// → `ccas-cias`), `CC`/`EPCI` (with `MUNI` → `communes`), `DEPT`/`CDAS` (with `CD` →
/// `departements`), `PREF` (with `REG` → `regions`), `EPI` (with `EPN`), `MDEF` (with `MDE`),
/// `ACIPHC` (with `ACI`), `RFS`/`CAF`/`FABRIQUE` (images of programmes or labels).
pub const TYPOLOGY_NETWORKS: [(Typology, Network); 51] = [
    (Typology::Aci, Network::known("aci")),
    (Typology::Afpa, Network::known("afpa")),
    (Typology::Ai, Network::known("ai")),
    (Typology::Ase, Network::known("ase")),
    (Typology::Avip, Network::known("creches-avip")),
    (Typology::Caarud, Network::known("caarud")),
    (Typology::Cada, Network::known("cada")),
    (
        Typology::CapEmploi,
        Network::known("cap-emploi-reseau-cheops"),
    ),
    (Typology::Cava, Network::known("cava")),
    (Typology::Ccas, Network::known("ccas-cias")),
    (Typology::Ccons, Network::known("chambres-consulaires")),
    (Typology::Cd, Network::known("departements")),
    (Typology::Chrs, Network::known("chrs")),
    (Typology::Chu, Network::known("chu")),
    (Typology::Cidff, Network::known("cidff")),
    (Typology::Cmp, Network::known("cmp")),
    (Typology::Cms, Network::known("cms")),
    (Typology::Cpam, Network::known("cpam")),
    (Typology::Cph, Network::known("cph")),
    (Typology::Csapa, Network::known("csapa")),
    (
        Typology::E2c,
        Network::known("ecoles-de-la-deuxieme-chance"),
    ),
    (Typology::Ea, Network::known("ea")),
    (Typology::Eatt, Network::known("eatt")),
    (Typology::Ei, Network::known("ei")),
    (Typology::Eiti, Network::known("eiti")),
    (Typology::Epide, Network::known("epide")),
    (Typology::Epn, Network::known("espaces-publics-numeriques")),
    (Typology::Esat, Network::known("esat")),
    (Typology::Etti, Network::known("etti")),
    (Typology::Ft, Network::known("france-travail")),
    (Typology::Geiq, Network::known("geiq")),
    (Typology::Huda, Network::known("huda")),
    (Typology::LaPoste, Network::known("la-poste")),
    (Typology::Mde, Network::known("maisons-de-l-emploi")),
    (Typology::Mdph, Network::known("mdph")),
    (Typology::Mds, Network::known("maisons-des-solidarites")),
    (Typology::Mjc, Network::known("mjc")),
    (Typology::Ml, Network::known("mission-locale")),
    (Typology::Msa, Network::known("mutualite-sociale-agricole")),
    (Typology::Msap, Network::known("msap")),
    (Typology::Muni, Network::known("communes")),
    (
        Typology::Odc,
        Network::known("delegataire-conseil-departemental"),
    ),
    (
        Typology::PijBij,
        Network::known("reseau-information-jeunesse"),
    ),
    (Typology::Pimms, Network::known("pimms-mediation")),
    (Typology::Pjj, Network::known("pjj")),
    (Typology::Plie, Network::known("plie")),
    (Typology::Reg, Network::known("regions")),
    (Typology::Ressourcerie, Network::known("ressourceries")),
    (Typology::RsFjt, Network::known("residences-fjt")),
    (Typology::Spip, Network::known("spip")),
    (Typology::Udaf, Network::known("unaf")),
];

/// Publics specifically addressed ⇄ data·inclusion publics (one to one). A place that names no
/// public is for everyone: `tous-publics`.
pub const PUBLIC_AUDIENCES: [(Public, Audience); 5] = [
    (Public::Youth, Audience::Youth),
    (Public::Students, Audience::Students),
    (Public::Families, Audience::Families),
    (Public::Seniors, Audience::Seniors),
    (Public::Women, Audience::Women),
];

/// The data·inclusion themes of a service of the standard (see [`SERVICE_THEMES`]).
pub fn themes_of(service: OurService) -> &'static [Theme] {
    SERVICE_THEMES[service.index()].2
}

/// The slug of a service of the standard, which ends its data·inclusion service `id`.
pub fn slug_of(service: OurService) -> &'static str {
    SERVICE_THEMES[service.index()].1
}

/// The services of the standard that a foreign data·inclusion service's themes stand for, and
/// the themes that stand for none (to be reported).
///
/// `numerique--acceder-a-des-services-en-ligne` → « Aide aux démarches administratives » (and
/// then `…--accompagnement-aux-demarches-administratives` is part of it);
/// `numerique--acceder-a-une-connexion-internet` → « Accès internet et matériel informatique »;
/// `numerique--acquerir-un-equipement` → « Acquisition de matériel informatique à prix
/// solidaire »; `numerique--maitriser-les-fondamentaux-du-numerique` → « Parentalité et
/// éducation avec le numérique » with `famille--soutien-a-la-parentalite-et-a-leducation`,
/// « Insertion professionnelle via le numérique » with a theme of [`EMPLOYMENT_CATEGORIES`],
/// « Loisirs et créations numériques » with `remobilisation--activites-sportives-et-culturelles`,
/// else « Maîtrise des outils numériques du quotidien ». Other themes stand for no service.
///
/// ```
/// use inclusion_exchange::data_inclusion::{mapping, Theme};
/// use inclusion_model::Service;
///
/// let (services, unmapped) = mapping::services_from_themes(&[
///     Theme::DIGITAL_FUNDAMENTALS,
///     Theme::PARENTING,
///     Theme::from_code("sante--acces-aux-soins").unwrap(),
/// ]);
/// assert_eq!(services, vec![Service::ParentingAndEducation]);
/// assert_eq!(unmapped, vec![Theme::from_code("sante--acces-aux-soins").unwrap()]);
/// ```
pub fn services_from_themes(themes: &[Theme]) -> (Vec<OurService>, Vec<Theme>) {
    let has = |t: Theme| themes.contains(&t);
    let fundamentals = has(Theme::DIGITAL_FUNDAMENTALS);
    let employment = |t: Theme| EMPLOYMENT_CATEGORIES.contains(&t.category());
    let mut services = Vec::new();
    let mut unmapped = Vec::new();
    for &t in themes {
        let service = if t == Theme::ONLINE_SERVICES {
            Some(OurService::AdministrativeProcedures)
        } else if t == Theme::INTERNET_CONNECTION {
            Some(OurService::InternetAndEquipmentAccess)
        } else if t == Theme::DIGITAL_EQUIPMENT {
            Some(OurService::AffordableEquipment)
        } else if t == Theme::ADMINISTRATIVE_PROCEDURES && has(Theme::ONLINE_SERVICES) {
            Some(OurService::AdministrativeProcedures)
        } else if t == Theme::DIGITAL_FUNDAMENTALS {
            let refined = has(Theme::PARENTING)
                || has(Theme::CULTURE_AND_LEISURE)
                || themes.iter().any(|&x| employment(x));
            // With a refining theme, the refined service stands for it (below).
            (!refined).then_some(OurService::EverydayDigitalTools)
        } else if fundamentals && t == Theme::PARENTING {
            Some(OurService::ParentingAndEducation)
        } else if fundamentals && t == Theme::CULTURE_AND_LEISURE {
            Some(OurService::LeisureAndCreation)
        } else if fundamentals && employment(t) {
            Some(OurService::ProfessionalIntegration)
        } else {
            unmapped.push(t);
            None
        };
        if let Some(s) = service {
            services.push(s);
        }
    }
    services.sort();
    services.dedup();
    (services, unmapped)
}

/// The network of a national programme, if any (see [`PROGRAMME_NETWORKS`]).
pub fn network_of_programme(p: NationalProgramme) -> Option<Network> {
    PROGRAMME_NETWORKS
        .iter()
        .find(|(x, _)| *x == p)
        .map(|(_, n)| *n)
}

/// The network of a training or label, if any (see [`LABEL_NETWORKS`]).
pub fn network_of_label(l: TrainingLabel) -> Option<Network> {
    LABEL_NETWORKS
        .iter()
        .find(|(x, _)| *x == l)
        .map(|(_, n)| *n)
}

/// The network of a `typologie` code, if any (see [`TYPOLOGY_NETWORKS`]).
pub fn network_of_typology(t: &Typology) -> Option<Network> {
    TYPOLOGY_NETWORKS
        .iter()
        .find(|(x, _)| x == t)
        .map(|(_, n)| *n)
}

/// What a network stands for in the standard: a programme, a label or a `typologie` code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkMeaning {
    /// A national programme (`dispositif_programmes_nationaux`).
    Programme(NationalProgramme),
    /// A training or label (`formations_labels`).
    Label(TrainingLabel),
    /// A kind of structure (`typologie`).
    Typology(Typology),
}

/// What a network stands for in the standard, or `None` (reported by the import).
pub fn meaning_of_network(n: Network) -> Option<NetworkMeaning> {
    if let Some((p, _)) = PROGRAMME_NETWORKS.iter().find(|(_, x)| *x == n) {
        return Some(NetworkMeaning::Programme(*p));
    }
    if let Some((l, _)) = LABEL_NETWORKS.iter().find(|(_, x)| *x == n) {
        return Some(NetworkMeaning::Label(*l));
    }
    TYPOLOGY_NETWORKS
        .iter()
        .find(|(_, x)| *x == n)
        .map(|(t, _)| NetworkMeaning::Typology(t.clone()))
}

/// The data·inclusion public of a public of the standard.
pub fn audience_of(p: Public) -> Audience {
    PUBLIC_AUDIENCES[p.index()].1
}

/// The public of the standard of a data·inclusion public, if any (`tous-publics` and the
/// publics the standard does not name have none).
pub fn public_of(a: Audience) -> Option<Public> {
    PUBLIC_AUDIENCES
        .iter()
        .find(|(_, x)| *x == a)
        .map(|(p, _)| *p)
}

/// `frais` for the fees of a place: `payant` when any fee is « Payant » (a person must know
/// they may pay), else `gratuit` (« Gratuit », « Gratuit sous condition »); `None` when no fee
/// is given.
pub fn cost_of(fees: &[Fee]) -> Option<Cost> {
    if fees.contains(&Fee::Paying) {
        Some(Cost::Paying)
    } else if fees.is_empty() {
        None
    } else {
        Some(Cost::Free)
    }
}

/// The fee a `frais` code alone stands for.
pub fn fee_of(cost: Cost) -> Fee {
    match cost {
        Cost::Free => Fee::Free,
        Cost::Paying => Fee::Paying,
    }
}

/// `type` for the support modes of a place: the first of « Accompagnement individuel »
/// (`accompagnement`), « Dans un atelier collectif » (`atelier`), « En autonomie »
/// (`aide-materielle`: the v0.1 wording was « j'ai accès à du matériel et une connexion »)
/// that the place offers; `None` when it offers none of them (only « À distance », or nothing).
pub fn service_type_of(modes: &[SupportMode]) -> Option<ServiceType> {
    [
        (SupportMode::Individual, ServiceType::Support),
        (SupportMode::Workshop, ServiceType::Workshop),
        (SupportMode::SelfService, ServiceType::MaterialAid),
    ]
    .into_iter()
    .find(|(m, _)| modes.contains(m))
    .map(|(_, t)| t)
}

/// The support mode a `type` stands for, if any (`aide-financiere`, `formation`, `information`
/// stand for none).
pub fn support_mode_of(t: ServiceType) -> Option<SupportMode> {
    match t {
        ServiceType::Support => Some(SupportMode::Individual),
        ServiceType::Workshop => Some(SupportMode::Workshop),
        ServiceType::MaterialAid => Some(SupportMode::SelfService),
        _ => None,
    }
}

/// `modes_accueil` for the support modes of a place: `a-distance` for « À distance »,
/// `en-presentiel` for any of the three others.
pub fn reception_modes_of(modes: &[SupportMode]) -> Vec<ReceptionMode> {
    let mut out = Vec::new();
    if modes.contains(&SupportMode::Remote) {
        out.push(ReceptionMode::Remote);
    }
    if modes.iter().any(|m| *m != SupportMode::Remote) {
        out.push(ReceptionMode::OnSite);
    }
    out
}

/// `modes_mobilisation` and `mobilisable_par` for the access modes of a place.
///
/// « Se présenter » → `se-presenter`, « Téléphoner » → `telephoner`, « Contacter par mail » and
/// « Envoyer un mail avec une fiche de prescription » → `envoyer-un-courriel`, « Prendre un RDV
/// en ligne » → `utiliser-lien-mobilisation` when there is a booking link; `usagers` may ask
/// when any of the first four is given, `professionnels` with a referral form.
/// « Ce lieu n'accueille pas de public » has no code.
pub fn mobilisation_of(
    modes: &[AccessMode],
    has_link: bool,
) -> (Vec<MobilisationMode>, Vec<Mobiliser>) {
    let mut codes = Vec::new();
    let mut push = |c: MobilisationMode| {
        if !codes.contains(&c) {
            codes.push(c);
        }
    };
    for m in AccessMode::ALL.iter().filter(|m| modes.contains(m)) {
        match m {
            AccessMode::WalkIn => push(MobilisationMode::WalkIn),
            AccessMode::Phone => push(MobilisationMode::Phone),
            AccessMode::Email | AccessMode::ReferralByEmail => push(MobilisationMode::SendEmail),
            AccessMode::OnlineBooking if has_link => push(MobilisationMode::UseLink),
            _ => {}
        }
    }
    codes.sort();
    let mut who = Vec::new();
    let by_users = [
        AccessMode::WalkIn,
        AccessMode::Phone,
        AccessMode::Email,
        AccessMode::OnlineBooking,
    ];
    if modes.iter().any(|m| by_users.contains(m)) {
        who.push(Mobiliser::Users);
    }
    if modes.contains(&AccessMode::ReferralByEmail) {
        who.push(Mobiliser::Professionals);
    }
    (codes, who)
}

/// The access modes that `modes_mobilisation` and `mobilisable_par` stand for, in the
/// standard's order: the inverse of [`mobilisation_of`] where it is one to one;
/// `envoyer-un-courriel` is « Contacter par mail » when users may ask (or nobody is named) and
/// « Envoyer un mail avec une fiche de prescription » when professionals may.
pub fn access_modes_of(codes: &[MobilisationMode], who: Option<&[Mobiliser]>) -> Vec<AccessMode> {
    let users = who.is_none_or(|w| w.contains(&Mobiliser::Users));
    let professionals = who.is_some_and(|w| w.contains(&Mobiliser::Professionals));
    let mut out = Vec::new();
    for c in codes {
        match c {
            MobilisationMode::WalkIn => out.push(AccessMode::WalkIn),
            MobilisationMode::Phone => out.push(AccessMode::Phone),
            MobilisationMode::UseLink => out.push(AccessMode::OnlineBooking),
            MobilisationMode::SendEmail => {
                if users {
                    out.push(AccessMode::Email);
                }
                if professionals {
                    out.push(AccessMode::ReferralByEmail);
                }
            }
        }
    }
    sorted_set(out)
}

/// The values in the vocabulary's order, without duplicates.
pub(crate) fn sorted_set<V: Vocabulary, L: FromIterator<V>>(v: impl IntoIterator<Item = V>) -> L {
    let mask = v.into_iter().fold(0u32, |m, x| m | 1 << x.index());
    V::ALL
        .iter()
        .copied()
        .filter(|x| mask & 1 << x.index() != 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_table_is_in_vocabulary_order_and_always_digital() {
        for (i, (s, slug, themes)) in SERVICE_THEMES.iter().enumerate() {
            assert_eq!(s.index(), i);
            assert!(themes.iter().any(|t| t.is_digital()), "{slug}");
            assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
        }
    }

    #[test]
    fn foreign_themes_give_back_the_services_they_were_written_for() {
        // Every service whose themes are not shared with another comes back from its themes
        // alone; the three services that share `…--maitriser-les-fondamentaux-du-numerique`
        // alone come back as « Maîtrise des outils numériques du quotidien ».
        for (s, _, themes) in SERVICE_THEMES {
            let (back, unmapped) = services_from_themes(themes);
            assert!(unmapped.is_empty(), "{s:?}");
            let expected = match s {
                OurService::SafeUse | OurService::UnderstandingDigitalWorld => {
                    OurService::EverydayDigitalTools
                }
                other => other,
            };
            assert_eq!(back, vec![expected], "{s:?}");
        }
    }

    #[test]
    fn refining_themes_need_the_digital_fundamentals() {
        let (s, u) = services_from_themes(&[Theme::PARENTING, Theme::JOB_SEARCH]);
        assert!(s.is_empty());
        assert_eq!(u, vec![Theme::PARENTING, Theme::JOB_SEARCH]);
        let (s, u) = services_from_themes(&[Theme::ADMINISTRATIVE_PROCEDURES]);
        assert!(s.is_empty());
        assert_eq!(u, vec![Theme::ADMINISTRATIVE_PROCEDURES]);
        let job = Theme::from_code("trouver-un-emploi--repondre-a-des-offres-demploi").unwrap();
        let (s, u) = services_from_themes(&[Theme::DIGITAL_FUNDAMENTALS, job]);
        assert_eq!(s, vec![OurService::ProfessionalIntegration]);
        assert!(u.is_empty());
    }

    #[test]
    fn network_tables_are_one_to_one() {
        let mut all: Vec<Network> = PROGRAMME_NETWORKS.iter().map(|x| x.1).collect();
        all.extend(LABEL_NETWORKS.iter().map(|x| x.1));
        all.extend(TYPOLOGY_NETWORKS.iter().map(|x| x.1));
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "a network is the image of two values");
        let mut typologies: Vec<&Typology> = TYPOLOGY_NETWORKS.iter().map(|x| &x.0).collect();
        typologies.dedup();
        assert_eq!(typologies.len(), TYPOLOGY_NETWORKS.len());
        for (t, n) in &TYPOLOGY_NETWORKS {
            assert!(t.is_listed());
            assert_eq!(
                meaning_of_network(*n),
                Some(NetworkMeaning::Typology(t.clone()))
            );
            assert_eq!(network_of_typology(t), Some(*n));
        }
        for (p, n) in PROGRAMME_NETWORKS {
            assert_eq!(meaning_of_network(n), Some(NetworkMeaning::Programme(p)));
        }
        assert_eq!(meaning_of_network(Network::known("simplon")), None);
    }

    #[test]
    fn publics_fees_and_types() {
        for p in Public::ALL {
            assert_eq!(public_of(audience_of(*p)), Some(*p));
        }
        assert_eq!(public_of(Audience::Everyone), None);
        assert_eq!(cost_of(&[Fee::Free, Fee::Paying]), Some(Cost::Paying));
        assert_eq!(cost_of(&[Fee::FreeUnderConditions]), Some(Cost::Free));
        assert_eq!(cost_of(&[]), None);
        assert_eq!(
            service_type_of(&[SupportMode::Workshop, SupportMode::Individual]),
            Some(ServiceType::Support)
        );
        assert_eq!(service_type_of(&[SupportMode::Remote]), None);
        for m in [
            SupportMode::Individual,
            SupportMode::Workshop,
            SupportMode::SelfService,
        ] {
            assert_eq!(service_type_of(&[m]).and_then(support_mode_of), Some(m));
        }
        assert_eq!(
            reception_modes_of(&[SupportMode::Remote, SupportMode::SelfService]),
            vec![ReceptionMode::Remote, ReceptionMode::OnSite]
        );
    }

    #[test]
    fn access_modes_round_trip_when_one_to_one() {
        // Exhaustive over the 64 subsets: the codes give back the set exactly unless it holds
        // « Ce lieu n'accueille pas de public » (no code), or a referral form without
        // « Contacter par mail » next to another mode open to users (then `envoyer-un-courriel`
        // reads as both). The export writes the labels in `mobilisation_precisions` then.
        for bits in 0u32..64 {
            let modes: Vec<AccessMode> = AccessMode::ALL
                .iter()
                .copied()
                .filter(|m| bits & (1 << m.index()) != 0)
                .collect();
            let (codes, who) = mobilisation_of(&modes, true);
            let back = access_modes_of(&codes, (!who.is_empty()).then_some(&who[..]));
            let has = |m: AccessMode| modes.contains(&m);
            let other_user_mode =
                has(AccessMode::WalkIn) || has(AccessMode::Phone) || has(AccessMode::OnlineBooking);
            let referral_reads_as_email =
                has(AccessMode::ReferralByEmail) && other_user_mode && !has(AccessMode::Email);
            let exact = !has(AccessMode::NoPublicReception) && !referral_reads_as_email;
            assert_eq!(
                back == modes,
                exact,
                "{modes:?} -> {codes:?} {who:?} -> {back:?}"
            );
        }
    }
}
