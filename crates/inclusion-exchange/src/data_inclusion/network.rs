//! [`Network`]: the 108 `reseaux_porteurs` of data·inclusion v1.0.10.

use super::code_set::code_set;

code_set! {
    /// A data·inclusion « réseau porteur » (field `reseaux_porteurs` of a structure): the
    /// network, organisation or administration that carries a structure; one of the 108 codes
    /// of data·inclusion v1.0.10.
    ///
    /// The constants name the codes this crate maps to and from the standard's national
    /// programmes and labels (see [`super::mapping`]); the codes that map to `typologie` codes
    /// are in [`super::mapping::TYPOLOGY_NETWORKS`]; every other code is reachable with
    /// [`Network::from_code`].
    ///
    /// ```
    /// use inclusion_exchange::data_inclusion::Network;
    ///
    /// let n: Network = "conseillers-numeriques".parse().unwrap();
    /// assert_eq!(n, Network::DIGITAL_ADVISORS);
    /// assert_eq!(n.label_fr(), "Conseillers Numériques");
    /// assert_eq!(Network::COUNT, 108);
    /// assert!("conseiller-numerique".parse::<Network>().is_err()); // the v0 spelling
    /// ```
    Network, table = NETWORKS, what = "reseau porteur";
}

impl Network {
    /// `aidants-connect`: « Aidants Connect ».
    pub const AIDANTS_CONNECT: Network = Network::known("aidants-connect");
    /// `conseillers-numeriques`: « Conseillers Numériques ».
    pub const DIGITAL_ADVISORS: Network = Network::known("conseillers-numeriques");
    /// `france-service`: « France Service ».
    pub const FRANCE_SERVICES: Network = Network::known("france-service");
    /// `grandes-ecoles-du-numerique`: « Grandes Écoles du Numérique ».
    pub const GRANDE_ECOLE_DU_NUMERIQUE: Network = Network::known("grandes-ecoles-du-numerique");
    /// `croix-rouge`: « Croix-Rouge ».
    pub const RED_CROSS: Network = Network::known("croix-rouge");
    /// `caf`: « Caisse d’Allocations Familiales ».
    pub const CAF: Network = Network::known("caf");
    /// `emmaus`: « Emmaüs ».
    pub const EMMAUS: Network = Network::known("emmaus");
    /// `fabrique-de-territoire`: « Fabrique de Territoire ».
    pub const FABRIQUE_DE_TERRITOIRE: Network = Network::known("fabrique-de-territoire");
}

/// `(code, French label)`, in the order of data·inclusion's JSON Schema (PyPI
/// `data-inclusion-schema` 1.0.10, Licence Ouverte 2.0).
const NETWORKS: [(&str, &str); 108] = [
    ("60000-rebonds", "60 000 Rebonds"),
    ("action-logement", "Action Logement"),
    (
        "adie",
        "Association pour le Droit à l’Initiative Économique",
    ),
    (
        "afpa",
        "Agence Nationale pour la Formation Professionnelle des Adultes",
    ),
    ("agefiph", "Agefiph"),
    ("ai", "Associations Intermédiaires"),
    ("aidants-connect", "Aidants Connect"),
    ("alliance-villes-emploi", "Alliance Villes Emploi"),
    ("anlci", "Agence Nationale de Lutte Contre l’Illettrisme"),
    ("apprentis-dauteuil", "Apprentis d’Auteuil"),
    ("ase", "Aide Sociale à l’Enfance"),
    ("banques-alimentaires", "Banques Alimentaires"),
    (
        "caarud",
        "Centres d’Accueil et d’Accompagnement à la Réduction de Risques pour Usagers de Drogues",
    ),
    ("cada", "Centres d’Accueil de Demandeurs d’Asile"),
    ("caf", "Caisse d’Allocations Familiales"),
    ("campus-connecte", "Campus Connecté"),
    ("cap-emploi-reseau-cheops", "CAP Emploi - Réseau CHEOPS"),
    ("cava", "Centres d’Adaptation à la Vie Active"),
    (
        "ccas-cias",
        "Les Centres Communaux d’Action Sociale et les Centres Intercommunaux d’Action Sociale",
    ),
    ("chambres-consulaires", "Chambres Consulaires"),
    ("chantier-ecole", "Réseau Chantier École"),
    ("chrs", "Centres d’Hébergement et de Réinsertion Sociale"),
    ("chu", "Centres d’Hébergement d’Urgence"),
    (
        "cidff",
        "Centres d’Information sur les Droits des Femmes et des Familles",
    ),
    ("cmp", "Centres Médico-Psychologiques"),
    ("cms", "Centres Médico-Sociaux"),
    ("cnam", "Conservatoire National des Arts et Métiers"),
    ("collectif-emploi", "Collectif Emploi"),
    (
        "communes",
        "Communes, mairies, communautés de communes, etc.",
    ),
    ("coorace", "Fédération COORACE"),
    ("conseillers-numeriques", "Conseillers Numériques"),
    ("cpam", "Caisses Primaires d’Assurance Maladie"),
    ("cph", "Centres Provisoires d’Hébergement"),
    (
        "creches-avip",
        "Crèches à Vocation d’Insertion Professionnelle",
    ),
    ("crepi", "CREPI"),
    ("cresus", "Fédération Française des Associations CRÉSUS"),
    ("croix-rouge", "Croix-Rouge"),
    (
        "csapa",
        "Centres de Soins, d’Accompagnement et de Prévention en Addictologie",
    ),
    (
        "delegataire-conseil-departemental",
        "Organisation délégataire d’un Conseil Départemental",
    ),
    ("departements", "Départements et Services Départementaux"),
    ("duo-for-a-job", "DUO for a JOB"),
    ("ecoles-de-la-deuxieme-chance", "Écoles de la 2ᵉ Chance"),
    ("ea", "Entreprises Adaptées"),
    ("eatt", "Entreprises Adaptées de Travail Temporaire"),
    ("egee", "Association EGEE"),
    ("emmaus", "Emmaüs"),
    ("epide", "EPIDE"),
    (
        "esat",
        "Établissement et Service d’Accompagnement par le Travail",
    ),
    ("espaces-publics-numeriques", "Espaces Publics Numériques"),
    (
        "etcld",
        "Expérimentation Territoriale contre le Chômage de Longue Durée",
    ),
    ("fabrique-de-territoire", "Fabrique de Territoire"),
    ("face", "Fondation FACE"),
    (
        "fcsf",
        "Fédération des Centres Sociaux et Socioculturels de France",
    ),
    (
        "federation-professionnelle-femmes",
        "Fédération Professionnelle pour les Femmes",
    ),
    (
        "federation-des-acteurs-de-la-solidarite",
        "Fédération des Acteurs de la Solidarité",
    ),
    ("france-active", "France Active"),
    ("france-service", "France Service"),
    ("france-travail", "France Travail"),
    ("french-tech", "French Tech"),
    ("geiq", "GEIQ"),
    ("grandes-ecoles-du-numerique", "Grandes Écoles du Numérique"),
    ("huda", "Hébergement d’Urgence pour Demandeurs d’Asile"),
    ("hup", "Association H’UP"),
    ("inae", "INAÉ Nouvelle Aquitaine"),
    ("initiative-france", "Initiative France"),
    ("konexio", "Association Konexio"),
    ("la-cravate-solidaire", "La Cravate Solidaire"),
    ("la-poste", "La Poste"),
    ("les-premieres", "Les Premières"),
    ("maisons-de-l-emploi", "Maisons de l’Emploi"),
    (
        "maison-departementale-de-lautonomie",
        "Maisons Départementales de l’Autonomie",
    ),
    (
        "maisons-des-solidarites",
        "Maisons Départementales des Solidarités (MDS)",
    ),
    (
        "mdph",
        "Maisons Départementales pour les Personnes Handicapées (MDPH)",
    ),
    ("mission-locale", "Mission Locale"),
    ("mjc", "Maisons des Jeunes et de la Culture"),
    ("mobin", "Mob’In"),
    ("msap", "Maisons de Services Au Public"),
    ("mutualite-sociale-agricole", "Mutualité Sociale Agricole"),
    ("nqt", "Association NQT"),
    (
        "pimms-mediation",
        "Point Information Médiation Multi Services",
    ),
    ("pjj", "Protection Judiciaire de la Jeunesse"),
    ("plie", "Plans Locaux pour l’Insertion et l’Emploi"),
    ("points-conseil-budget", "Points Conseil Budget"),
    ("points-justice", "Points Justice"),
    ("positive-planet", "Positive Planet"),
    ("regions", "Régions, Préfectures et services régionaux"),
    ("reseau-app", "Réseau APP"),
    ("reseau-bge", "Réseau BGE"),
    ("reseau-entreprendre", "Réseau Entreprendre"),
    ("reseau-information-jeunesse", "Réseau Information Jeunesse"),
    ("residences-fjt", "Résidences - Foyers Jeunes Travailleurs"),
    ("ressourceries", "Ressourceries"),
    ("restos-du-coeur", "Restos du Coeur"),
    ("secours-populaire", "Secours Populaire"),
    (
        "ei",
        "Structures d’Insertion par l’Activité Économique - Entreprises d’Insertion",
    ),
    (
        "aci",
        "Structures d’Insertion par l’Activité Économique - Ateliers et Chantiers d’Insertion",
    ),
    (
        "etti",
        "Structures d’Insertion par l’Activité Économique - Entreprises de Travail Temporaire d’Insertion",
    ),
    (
        "eiti",
        "Structures d’Insertion par l’Activité Économique - Entreprises d’Insertion par le Travail Indépendant",
    ),
    ("siao", "Services Intégrés d’Accueil et d’Orientation"),
    ("simplon", "Simplon"),
    ("singa", "Association SINGA"),
    ("snc", "Solidarité Nouvelle Face au Chômage"),
    (
        "spip",
        "Services Pénitentiaires d’Insertion et de Probation",
    ),
    ("tous-tes-possibles", "Tous Tes Possibles"),
    ("unaf", "Union Nationale de l’Aide aux Familles"),
    ("unea", "Union Nationale des Entreprises Adaptées"),
    ("unis-cite", "UnisCité"),
    ("wimoov", "Wimoov"),
];
