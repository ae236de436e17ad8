//! The item bank of the built-in questionnaire « Diagnostic numérique », version 1.0.0.
//!
//! Activity items follow variables of the EU survey on ICT usage (3 per area, so that every
//! DSI level is reachable); self-assessment items use the DigCompSAT four-point scale and cover
//! the competences an online procedure needs; context items feed the accompaniment rules.

use std::sync::LazyLock;

use crate::Competence as C;
use crate::questionnaire::{ContextField, Item, ItemRole, Questionnaire, Requirement};
use crate::scales::ScaleId;
use crate::{Area, Text};

fn activity(id: &str, area: Area, eurostat: &str, competences: &[C], fr: &str, en: &str) -> Item {
    Item {
        id: id.to_owned(),
        question: Text::new(
            format!("Au cours des 3 derniers mois, avez-vous {fr} ?"),
            format!("In the last 3 months, have you {en}?"),
        ),
        help: None,
        scale: ScaleId::YesNoDontKnow,
        required: Requirement::WhenInternetUsed,
        role: ItemRole::Activity {
            area,
            competences: competences.to_vec(),
            eurostat: eurostat.to_owned(),
        },
    }
}

fn self_assessment(id: &str, area: Area, competences: &[C], fr: &str, en: &str) -> Item {
    Item {
        id: id.to_owned(),
        question: Text::new(fr, en),
        help: Some(Text::new(
            "Choisissez la réponse qui vous ressemble le plus : il n'y a pas de mauvaise réponse.",
            "Pick the answer closest to you: there is no wrong answer.",
        )),
        scale: ScaleId::Autonomy,
        required: Requirement::Always,
        role: ItemRole::SelfAssessment {
            area,
            competences: competences.to_vec(),
        },
    }
}

fn context(
    id: &str,
    field: ContextField,
    required: Requirement,
    question: Text,
    help: Option<Text>,
) -> Item {
    Item {
        id: id.to_owned(),
        question,
        help,
        scale: field.scale(),
        required,
        role: ItemRole::Context { field },
    }
}

/// The questionnaire, version 1.0.0.
static BUILTIN: LazyLock<Questionnaire> = LazyLock::new(questionnaire_v1);

impl Questionnaire {
    /// The built-in questionnaire « Diagnostic numérique » (30 items, French with English).
    pub fn builtin() -> &'static Questionnaire {
        &BUILTIN
    }
}

fn questionnaire_v1() -> Questionnaire {
    use Area::*;
    use ContextField as F;
    use Requirement::*;
    let items = vec![
        context(
            "internet_3m",
            F::InternetUse,
            Always,
            Text::new(
                "Avez-vous utilisé internet au cours des 3 derniers mois (sur un téléphone, un ordinateur ou une tablette) ?",
                "Have you used the internet in the last 3 months (on a phone, a computer or a tablet)?",
            ),
            Some(Text::new(
                "Si la réponse est non, les questions sur les 3 derniers mois ne sont pas posées.",
                "If the answer is no, the questions about the last 3 months are skipped.",
            )),
        ),
        // Information and data literacy.
        activity(
            "IL1",
            Information,
            "IUIF",
            &[C::Browsing],
            "cherché des informations sur des produits ou des services (prix, horaires, adresses)",
            "looked for information about goods or services (prices, opening hours, addresses)",
        ),
        activity(
            "IL2",
            Information,
            "IHIF",
            &[C::Browsing],
            "cherché des informations sur la santé (maladie, traitement, alimentation)",
            "looked for health information (illness, treatment, nutrition)",
        ),
        activity(
            "IL3",
            Information,
            "TICCSFOI",
            &[C::Evaluating],
            "vérifié qu'une information trouvée sur internet était vraie, en consultant d'autres sources ou un site officiel",
            "checked that information found online was true, by looking at other sources or an official website",
        ),
        // Communication and collaboration.
        activity(
            "CC1",
            Communication,
            "IUEM",
            &[C::Interacting],
            "envoyé ou reçu des e-mails",
            "sent or received e-mails",
        ),
        activity(
            "CC2",
            Communication,
            "IUPH1",
            &[C::Interacting],
            "téléphoné ou fait un appel vidéo par internet (WhatsApp, Skype, Teams…)",
            "made a phone or video call over the internet (WhatsApp, Skype, Teams…)",
        ),
        activity(
            "CC3",
            Communication,
            "IUCHAT1",
            &[C::Interacting, C::Sharing],
            "échangé des messages avec une messagerie instantanée (WhatsApp, Messenger, Signal…)",
            "exchanged messages with an instant messaging app (WhatsApp, Messenger, Signal…)",
        ),
        // Digital content creation.
        activity(
            "DC1",
            ContentCreation,
            "CWRD1",
            &[C::DevelopingContent],
            "utilisé un traitement de texte (Word, LibreOffice, Google Docs…)",
            "used word processing software (Word, LibreOffice, Google Docs…)",
        ),
        activity(
            "DC2",
            ContentCreation,
            "CPRES2",
            &[C::IntegratingContent],
            "créé un document qui réunit du texte et des images, des tableaux ou des graphiques (CV, affiche, présentation)",
            "created a document combining text with pictures, tables or charts (CV, poster, presentation)",
        ),
        activity(
            "DC3",
            ContentCreation,
            "CEPVA1",
            &[C::DevelopingContent],
            "retouché une photo, une vidéo ou un enregistrement audio",
            "edited a photo, a video or an audio recording",
        ),
        // Safety.
        activity(
            "SF1",
            Safety,
            "MAPS_RRGL",
            &[C::ProtectingPersonalData],
            "refusé ou limité l'accès à votre position géographique (localisation)",
            "refused or limited access to your geographical location",
        ),
        activity(
            "SF2",
            Safety,
            "PCOOK1",
            &[C::ProtectingPersonalData],
            "modifié les réglages de votre navigateur pour bloquer ou limiter les cookies",
            "changed the settings of your browser to block or limit cookies",
        ),
        activity(
            "SF3",
            Safety,
            "MAPS_CWSC",
            &[C::ProtectingDevices, C::ProtectingPersonalData],
            "vérifié qu'un site était sécurisé (cadenas, adresse en https) avant d'y donner des informations personnelles",
            "checked that a website was secure (padlock, https address) before giving personal information",
        ),
        // Problem solving.
        activity(
            "PS1",
            ProblemSolving,
            "CINSAPP1",
            &[C::SolvingTechnicalProblems, C::IdentifyingNeeds],
            "téléchargé ou installé une application ou un logiciel",
            "downloaded or installed an app or software",
        ),
        activity(
            "PS2",
            ProblemSolving,
            "CCONF1",
            &[C::SolvingTechnicalProblems],
            "modifié un réglage d'un téléphone, d'une application ou d'un logiciel (wifi, taille du texte, notifications)",
            "changed a setting of a phone, an app or software (wifi, text size, notifications)",
        ),
        activity(
            "PS3",
            ProblemSolving,
            "IUBK",
            &[C::IdentifyingNeeds],
            "utilisé la banque en ligne (site ou application de votre banque)",
            "used online banking (your bank's website or app)",
        ),
        // Self-assessment.
        self_assessment(
            "SA1",
            Information,
            &[C::Browsing, C::Evaluating],
            "Trouver sur internet une information fiable, par exemple sur un site officiel",
            "Finding reliable information on the internet, for example on an official website",
        ),
        self_assessment(
            "SA2",
            Communication,
            &[C::Interacting, C::Sharing],
            "Envoyer un e-mail avec un document en pièce jointe",
            "Sending an e-mail with a document attached",
        ),
        self_assessment(
            "SA3",
            ContentCreation,
            &[C::DevelopingContent, C::IntegratingContent],
            "Photographier ou scanner un justificatif et l'enregistrer pour l'envoyer (PDF ou image)",
            "Photographing or scanning a supporting document and saving it to send it (PDF or picture)",
        ),
        self_assessment(
            "SA4",
            Safety,
            &[C::ProtectingDevices, C::ProtectingPersonalData],
            "Protéger vos comptes et vos données : mots de passe, faux messages, arnaques",
            "Protecting your accounts and data: passwords, fake messages, scams",
        ),
        self_assessment(
            "SA5",
            ProblemSolving,
            &[C::SolvingTechnicalProblems],
            "Résoudre un problème simple sur un appareil : se connecter au wifi, faire une mise à jour, retrouver un mot de passe oublié",
            "Solving a simple problem on a device: connecting to wifi, installing an update, recovering a forgotten password",
        ),
        self_assessment(
            "SA6",
            Communication,
            &[C::EngagingInCitizenship, C::ManagingDigitalIdentity],
            "Faire une démarche administrative en ligne (CAF, impôts, ameli, France Travail) en vous connectant à votre compte",
            "Completing an administrative procedure online (CAF, taxes, ameli, France Travail) by logging in to your account",
        ),
        // Situation.
        context(
            "equipment",
            F::Equipment,
            Always,
            Text::new(
                "De quel équipement disposez-vous chez vous ? (plusieurs réponses possibles ; aucune si vous n'avez rien de cela)",
                "What equipment do you have at home? (several answers possible; none if you have none of these)",
            ),
            None,
        ),
        context(
            "email",
            F::Email,
            Always,
            Text::new(
                "Avez-vous une adresse e-mail que vous savez consulter ?",
                "Do you have an e-mail address that you know how to check?",
            ),
            None,
        ),
        context(
            "franceconnect",
            F::FranceConnect,
            Always,
            Text::new(
                "Savez-vous vous connecter avec FranceConnect (avec votre compte impots.gouv.fr, ameli, l'Identité Numérique La Poste, MSA…) ?",
                "Can you log in with FranceConnect (with your impots.gouv.fr, ameli, La Poste digital identity or MSA account…)?",
            ),
            None,
        ),
        context(
            "language",
            F::Language,
            Always,
            Text::new(
                "Rencontrez-vous l'une de ces difficultés ? (plusieurs réponses possibles ; aucune si ce n'est pas le cas)",
                "Do you have any of these difficulties? (several answers possible; none if not)",
            ),
            None,
        ),
        context(
            "disability",
            F::Disability,
            Optional,
            Text::new(
                "Avez-vous besoin d'un accompagnement adapté à une situation de handicap ? (facultatif)",
                "Do you need support adapted to a disability? (optional)",
            ),
            Some(Text::new(
                "Cette réponse sert seulement à trouver un lieu adapté ; vous pouvez ne pas répondre.",
                "This answer is only used to find a suitable place; you may leave it out.",
            )),
        ),
        context(
            "urgent_procedure",
            F::UrgentProcedure,
            Always,
            Text::new(
                "Avez-vous une démarche en ligne urgente à faire (des droits à ouvrir, une date limite proche) ?",
                "Do you have an urgent online procedure to complete (benefits to claim, a close deadline)?",
            ),
            None,
        ),
        context(
            "wants_to_learn",
            F::WishToLearn,
            Always,
            Text::new(
                "Souhaitez-vous apprendre à utiliser le numérique et à faire vos démarches par vous-même ?",
                "Would you like to learn to use digital tools and complete your procedures on your own?",
            ),
            None,
        ),
        context(
            "consent_on_behalf",
            F::ConsentOnBehalf,
            Always,
            Text::new(
                "Si c'est nécessaire, acceptez-vous qu'un professionnel habilité fasse une démarche en votre nom (mandat Aidants Connect) ?",
                "If needed, do you agree that an authorised professional completes a procedure on your behalf (Aidants Connect mandate)?",
            ),
            Some(Text::new(
                "Le mandat est signé avec vous, pour des démarches et une durée choisies (un an au plus), et peut être révoqué à tout moment.",
                "The mandate is signed with you, for chosen procedures and duration (one year at most), and can be revoked at any time.",
            )),
        ),
    ];
    Questionnaire {
        id: "diagnostic-numerique".to_owned(),
        version: "1.0.0".to_owned(),
        title: Text::new("Diagnostic numérique", "Digital skills check"),
        introduction: Text::new(
            "Ce questionnaire prend environ 5 minutes. Il sert à savoir ce que vous faites déjà avec le numérique et quelle aide vous proposer. Vos réponses ne sont pas enregistrées.",
            "This questionnaire takes about 5 minutes. It shows what you already do with digital tools and which help to offer you. Your answers are not stored.",
        ),
        scales: ScaleId::ALL.iter().map(|s| s.reference_scale()).collect(),
        items,
    }
}
