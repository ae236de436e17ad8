//! [`Theme`]: the 69 `thematiques` of data·inclusion v1.0.10 (`categorie--sous-categorie`).

use super::code_set::code_set;

code_set! {
    /// A data·inclusion « thématique » (field `thematiques` of a service): one of the 69 codes
    /// of data·inclusion v1.0.10, written `categorie--sous-categorie`.
    ///
    /// The constants name the codes this crate maps to and from the standard's services (see
    /// [`super::mapping`]); every other code is reachable with [`Theme::from_code`].
    ///
    /// ```
    /// use inclusion_exchange::data_inclusion::Theme;
    ///
    /// let t = Theme::from_code("numerique--acquerir-un-equipement").unwrap();
    /// assert_eq!(t, Theme::DIGITAL_EQUIPMENT);
    /// assert_eq!(t.category(), "numerique");
    /// assert_eq!(t.label_fr(), "Acquérir un équipement");
    /// assert_eq!(Theme::COUNT, 69);
    /// assert!(Theme::from_code("numerique").is_none()); // v0 codes are not v1 codes
    /// ```
    Theme, table = THEMES, what = "thematique";
}

impl Theme {
    /// `numerique--acceder-a-des-services-en-ligne`: « Accéder à des services en ligne ».
    pub const ONLINE_SERVICES: Theme = Theme::known("numerique--acceder-a-des-services-en-ligne");
    /// `numerique--acceder-a-une-connexion-internet`: « Accéder à une connexion Internet ».
    pub const INTERNET_CONNECTION: Theme =
        Theme::known("numerique--acceder-a-une-connexion-internet");
    /// `numerique--acquerir-un-equipement`: « Acquérir un équipement ».
    pub const DIGITAL_EQUIPMENT: Theme = Theme::known("numerique--acquerir-un-equipement");
    /// `numerique--maitriser-les-fondamentaux-du-numerique`: « Maîtriser les fondamentaux du numérique ».
    pub const DIGITAL_FUNDAMENTALS: Theme =
        Theme::known("numerique--maitriser-les-fondamentaux-du-numerique");
    /// `difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives`:
    /// « Accompagnement aux démarches administratives ».
    pub const ADMINISTRATIVE_PROCEDURES: Theme = Theme::known(
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    );
    /// `famille--soutien-a-la-parentalite-et-a-leducation`: « Soutien à la parentalité et à l’éducation ».
    pub const PARENTING: Theme = Theme::known("famille--soutien-a-la-parentalite-et-a-leducation");
    /// `preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi`:
    /// « Organiser ses démarches de recherche d’emploi ».
    pub const JOB_SEARCH: Theme =
        Theme::known("preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi");
    /// `remobilisation--activites-sportives-et-culturelles`: « Activités sportives et culturelles ».
    pub const CULTURE_AND_LEISURE: Theme =
        Theme::known("remobilisation--activites-sportives-et-culturelles");

    /// The category: the part of the code before `--` (e.g. `numerique`).
    pub fn category(self) -> &'static str {
        let code = self.code();
        code.split_once("--").map_or(code, |(c, _)| c)
    }

    /// Whether the theme is in the `numerique` category.
    pub fn is_digital(self) -> bool {
        self.category() == "numerique"
    }
}

/// `(code, French label)`, in the order of data·inclusion's JSON Schema (PyPI
/// `data-inclusion-schema` 1.0.10, Licence Ouverte 2.0).
const THEMES: [(&str, &str); 69] = [
    (
        "choisir-un-metier--confirmer-son-choix-de-metier",
        "Confirmer son choix de métier",
    ),
    (
        "choisir-un-metier--connaitre-les-opportunites-demploi",
        "Connaître les opportunités d’emploi",
    ),
    (
        "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite",
        "Découvrir un métier ou un secteur d’activité",
    ),
    (
        "choisir-un-metier--identifier-ses-points-forts-et-ses-competences",
        "Identifier ses points forts et ses compétences",
    ),
    (
        "creer-une-entreprise--definir-son-projet-de-creation-dentreprise",
        "Définir son projet de création d’entreprise",
    ),
    (
        "creer-une-entreprise--developper-son-entreprise",
        "Développer son entreprise",
    ),
    (
        "creer-une-entreprise--structurer-son-projet-de-creation-dentreprise",
        "Structurer son projet de création d’entreprise",
    ),
    (
        "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
        "Accompagnement aux démarches administratives",
    ),
    (
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete",
        "Accompagnement pour l’accès à la citoyenneté",
    ),
    (
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits",
        "Accompagnement pour l’accès aux droits",
    ),
    (
        "difficultes-administratives-ou-juridiques--beneficier-dune-mesure-daccompagnement-adapte",
        "Bénéficier d’une mesure d’accompagnement adapté",
    ),
    (
        "difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination",
        "Connaître ses droits face à une discrimination",
    ),
    (
        "difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire",
        "Prendre en compte une problématique judiciaire",
    ),
    (
        "difficultes-financieres--acquerir-une-autonomie-budgetaire",
        "Acquérir une autonomie budgétaire",
    ),
    (
        "difficultes-financieres--ameliorer-sa-gestion-budgetaire",
        "Améliorer sa gestion budgétaire",
    ),
    (
        "difficultes-financieres--mettre-en-place-une-mesure-de-protection-financiere",
        "Mettre en place une mesure de protection financière",
    ),
    (
        "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        "Prévenir une dégradation de la situation financière",
    ),
    (
        "difficultes-financieres--situation-dendettement-surendettement",
        "Situation d’endettement ou de surendettement",
    ),
    ("equipement-et-alimentation--aide-menagere", "Aide ménagère"),
    ("equipement-et-alimentation--alimentation", "Alimentation"),
    (
        "equipement-et-alimentation--electromenager",
        "Électroménager",
    ),
    ("equipement-et-alimentation--habillement", "Habillement"),
    ("famille--garde-denfants", "Garde d’enfants"),
    (
        "famille--prise-en-charge-personne-dependante",
        "Prise en charge d’une personne dépendante",
    ),
    (
        "famille--soutien-a-la-parentalite-et-a-leducation",
        "Soutien à la parentalité et à l’éducation",
    ),
    ("famille--soutien-aidants", "Soutien aux aidants"),
    (
        "famille--surmonter-conflits-separation-violence",
        "Surmonter les conflits liés à la séparation ou à la violence",
    ),
    (
        "lecture-ecriture-calcul--maitriser-le-calcul",
        "Maîtriser le calcul",
    ),
    (
        "lecture-ecriture-calcul--maitriser-le-francais",
        "Maîtriser le français",
    ),
    (
        "logement-hebergement--acheter-un-logement",
        "Acheter un logement",
    ),
    (
        "logement-hebergement--changer-de-logement",
        "Changer de logement",
    ),
    (
        "logement-hebergement--louer-un-logement",
        "Louer un logement",
    ),
    (
        "logement-hebergement--rechercher-une-solution-dhebergement-temporaire",
        "Rechercher une solution d’hébergement temporaire",
    ),
    (
        "logement-hebergement--reduire-les-impayes-de-loyer",
        "Réduire les impayés de loyer",
    ),
    (
        "logement-hebergement--se-maintenir-dans-le-logement",
        "Se maintenir dans le logement",
    ),
    (
        "logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement",
        "S’informer sur les démarches liées à l’accès au logement",
    ),
    ("mobilite--acceder-a-un-vehicule", "Accéder à un véhicule"),
    (
        "mobilite--entretenir-reparer-son-vehicule",
        "Entretenir et réparer son véhicule",
    ),
    (
        "mobilite--etre-accompagne-dans-son-parcours-mobilite",
        "Être accompagné dans son parcours mobilité",
    ),
    ("mobilite--financer-ma-mobilite", "Financer ma mobilité"),
    ("mobilite--preparer-un-permis", "Préparer un permis"),
    (
        "mobilite--mobilite-douce-partagee-collective",
        "Utiliser des services de mobilité douce, partagée ou collective",
    ),
    (
        "numerique--acceder-a-des-services-en-ligne",
        "Accéder à des services en ligne",
    ),
    (
        "numerique--acceder-a-une-connexion-internet",
        "Accéder à une connexion Internet",
    ),
    (
        "numerique--acquerir-un-equipement",
        "Acquérir un équipement",
    ),
    (
        "numerique--maitriser-les-fondamentaux-du-numerique",
        "Maîtriser les fondamentaux du numérique",
    ),
    (
        "preparer-sa-candidature--developper-son-reseau",
        "Développer son réseau",
    ),
    (
        "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
        "Organiser ses démarches de recherche d’emploi",
    ),
    (
        "preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation",
        "Réaliser un CV et/ou une lettre de motivation",
    ),
    (
        "preparer-sa-candidature--valoriser-ses-competences",
        "Valoriser ses compétences",
    ),
    (
        "remobilisation--activites-sportives-et-culturelles",
        "Activités sportives et culturelles",
    ),
    (
        "remobilisation--benevolat-action-citoyenne",
        "Bénévolat et action citoyenne",
    ),
    (
        "remobilisation--bien-etre-confiance-en-soi",
        "Bien-être et confiance en soi",
    ),
    ("remobilisation--lien-social", "Lien social"),
    ("sante--acces-aux-soins", "Accès aux soins"),
    ("sante--addictions", "Addictions"),
    (
        "sante--constituer-un-dossier-mdph-invalidite",
        "Constituer un dossier MDPH pour invalidité",
    ),
    ("sante--sante-mentale", "Santé mentale"),
    ("sante--sante-sexuelle", "Santé sexuelle"),
    (
        "se-former--monter-son-dossier-de-formation",
        "Monter son dossier de formation",
    ),
    ("se-former--trouver-sa-formation", "Trouver sa formation"),
    (
        "souvrir-a-linternational--connaitre-les-opportunites-demploi-a-letranger",
        "Connaître les opportunités d’emploi à l’étranger",
    ),
    (
        "souvrir-a-linternational--sinformer-sur-les-aides-pour-travailler-a-letranger",
        "S’informer sur les aides pour travailler à l’étranger",
    ),
    (
        "souvrir-a-linternational--sorganiser-suite-a-son-retour-en-france",
        "S’organiser suite à son retour en France",
    ),
    (
        "trouver-un-emploi--convaincre-un-recruteur-en-entretien",
        "Convaincre un recruteur en entretien",
    ),
    (
        "trouver-un-emploi--faire-des-candidatures-spontanees",
        "Faire des candidatures spontanées",
    ),
    (
        "trouver-un-emploi--maintien-dans-lemploi",
        "Maintien dans l’emploi",
    ),
    (
        "trouver-un-emploi--repondre-a-des-offres-demploi",
        "Répondre à des offres d’emploi",
    ),
    (
        "trouver-un-emploi--suivre-ses-candidatures-et-relancer-les-employeurs",
        "Suivre ses candidatures et relancer les employeurs",
    ),
];
