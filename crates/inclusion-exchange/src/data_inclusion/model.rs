//! [`Structure`] and [`Service`]: the two records of data·inclusion v1.0.10, field for field.
//!
//! Field names are data·inclusion's (they are the wire names), and the JSON Schema of the types
//! (`schemars`) carries data·inclusion's constraints (lengths, patterns, formats, unique items).
//! Optional fields are `None` when absent or `null` and are left out when written. Fields that data·inclusion may add later, or
//! that a producer adds, are kept in `extra` (and reported by the import, never dropped silently).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::network::Network;
use super::theme::Theme;
use super::vocabulary::{Audience, Cost, MobilisationMode, Mobiliser, ReceptionMode, ServiceType};

/// Other fields of a record, by name (fields that are not in data·inclusion v1.0.10).
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// A data·inclusion v1 structure: an organisation that offers services.
///
/// Required by data·inclusion: `source`, `id`, `nom` (3 to 150 characters), `date_maj`
/// (from 2000-01-01 to today).
///
/// ```
/// use inclusion_exchange::data_inclusion::Structure;
/// use chrono::NaiveDate;
///
/// let json = r#"{"source":"hub","id":"hub--p1","nom":"Médiathèque","date_maj":"2024-04-02",
///                "siret":"43493312300029","reseaux_porteurs":["conseillers-numeriques"],
///                "score_qualite":0.5}"#;
/// let s: Structure = serde_json::from_str(json)?;
/// assert_eq!(s.date_maj, NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
/// assert_eq!(s.reseaux_porteurs.as_ref().map(Vec::len), Some(1));
/// assert!(s.extra.contains_key("score_qualite")); // kept, not dropped
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Structure {
    /// Identifier of the producer of the data (e.g. `dora`).
    pub source: String,
    /// Unique identifier: the producer's identifier and the structure's, e.g. `dora--42`.
    pub id: String,
    /// Name, 3 to 150 characters.
    #[schemars(length(min = 3, max = 150))]
    pub nom: String,
    /// Date of the last change at the producer, from 2000-01-01 to today.
    pub date_maj: NaiveDate,
    /// Description, 5 to 10 000 characters.
    #[schemars(length(min = 5, max = 10000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Link to the structure on the producer's web site (URI).
    #[schemars(url, length(min = 1, max = 2083))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lien_source: Option<String>,
    /// SIRET number: 14 digits.
    #[schemars(pattern(r"^\d{14}$"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siret: Option<String>,
    /// Commune name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// Postcode: 5 digits.
    #[schemars(pattern(r"^\d{5}$"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_postal: Option<String>,
    /// INSEE (COG) code of the commune: 5 characters.
    #[schemars(pattern(r"^\w{5}$"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_insee: Option<String>,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adresse: Option<String>,
    /// Address complement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complement_adresse: Option<String>,
    /// WGS84 longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// WGS84 latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// One phone number, preferably E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    /// One e-mail address (RFC 5322).
    #[schemars(email)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub courriel: Option<String>,
    /// Web site (URI).
    #[schemars(url, length(min = 1, max = 2083))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_web: Option<String>,
    /// Opening hours, OpenStreetMap `opening_hours` syntax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horaires_accueil: Option<String>,
    /// Link to the structure's page on acceslibre (URI).
    #[schemars(url, length(min = 1, max = 2083))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibilite_lieu: Option<String>,
    /// Networks that carry the structure (no duplicates).
    #[schemars(extend("uniqueItems" = true))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reseaux_porteurs: Option<Vec<Network>>,
    /// Fields outside data·inclusion v1.0.10, kept as read.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Structure {
    /// A structure with its required fields and every optional field empty.
    pub fn new(
        source: impl Into<String>,
        id: impl Into<String>,
        nom: impl Into<String>,
        date_maj: NaiveDate,
    ) -> Structure {
        Structure {
            source: source.into(),
            id: id.into(),
            nom: nom.into(),
            date_maj,
            description: None,
            lien_source: None,
            siret: None,
            commune: None,
            code_postal: None,
            code_insee: None,
            adresse: None,
            complement_adresse: None,
            longitude: None,
            latitude: None,
            telephone: None,
            courriel: None,
            site_web: None,
            horaires_accueil: None,
            accessibilite_lieu: None,
            reseaux_porteurs: None,
            extra: Extra::new(),
        }
    }
}

/// A data·inclusion v1 service: one offer of a structure.
///
/// Required by data·inclusion: `source`, `structure_id`, `id`, `nom` (3 to 150 characters),
/// `description` (5 to 10 000 characters), `date_maj`.
///
/// ```
/// use inclusion_exchange::data_inclusion::{Service, Theme, ServiceType};
///
/// let json = r#"{"source":"hub","structure_id":"hub--p1","id":"hub--p1--acces",
///                "nom":"Accès internet","description":"Postes en libre accès.",
///                "date_maj":"2024-04-02","type":"aide-materielle",
///                "thematiques":["numerique--acceder-a-une-connexion-internet"]}"#;
/// let s: Service = serde_json::from_str(json)?;
/// assert_eq!(s.r#type, Some(ServiceType::MaterialAid));
/// assert_eq!(s.thematiques, Some(vec![Theme::INTERNET_CONNECTION]));
/// // An unknown code is an error that names the field's expected values.
/// let bad = json.replace("aide-materielle", "numerique");
/// assert!(serde_json::from_str::<Service>(&bad).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Service {
    /// Identifier of the producer of the data.
    pub source: String,
    /// The `id` of the structure that offers the service.
    pub structure_id: String,
    /// Unique identifier of the service.
    pub id: String,
    /// Name, 3 to 150 characters.
    #[schemars(length(min = 3, max = 150))]
    pub nom: String,
    /// Description, 5 to 10 000 characters.
    #[schemars(length(min = 5, max = 10000))]
    pub description: String,
    /// Link to the service on the producer's web site (URI).
    #[schemars(url, length(min = 1, max = 2083))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lien_source: Option<String>,
    /// Date of the last change at the producer, from 2000-01-01 to today.
    pub date_maj: NaiveDate,
    /// The kind of service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ServiceType>,
    /// Themes (no duplicates).
    #[schemars(extend("uniqueItems" = true))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thematiques: Option<Vec<Theme>>,
    /// Free or paying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frais: Option<Cost>,
    /// Details on the costs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frais_precisions: Option<String>,
    /// Publics the service is for (at least one, no duplicates; `tous-publics` alone).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publics: Option<Vec<Audience>>,
    /// Details on the publics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publics_precisions: Option<String>,
    /// Conditions of access (prerequisites, documents to bring).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions_acces: Option<String>,
    /// Commune name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// Postcode: 5 digits.
    #[schemars(pattern(r"^\d{5}$"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_postal: Option<String>,
    /// INSEE (COG) code of the commune: 5 characters.
    #[schemars(pattern(r"^\w{5}$"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_insee: Option<String>,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adresse: Option<String>,
    /// Address complement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complement_adresse: Option<String>,
    /// WGS84 longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// WGS84 latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// One phone number, preferably E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    /// One e-mail address (RFC 5322).
    #[schemars(email)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub courriel: Option<String>,
    /// Where the service is given (no duplicates).
    #[schemars(extend("uniqueItems" = true))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modes_accueil: Option<Vec<ReceptionMode>>,
    /// COG codes (commune, département, EPCI, country) or `france`.
    #[schemars(length(min = 1))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone_eligibilite: Option<Vec<String>>,
    /// Name of a contact person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_nom_prenom: Option<String>,
    /// Link to ask for the service (URI).
    #[schemars(url, length(min = 1, max = 2083))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lien_mobilisation: Option<String>,
    /// How to ask for the service (at least one, no duplicates).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modes_mobilisation: Option<Vec<MobilisationMode>>,
    /// Who can ask for the service (at least one, no duplicates).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobilisable_par: Option<Vec<Mobiliser>>,
    /// Details on how to ask for the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobilisation_precisions: Option<String>,
    /// Hours per week.
    #[schemars(range(min = 0))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_horaire_hebdomadaire: Option<f64>,
    /// Number of weeks (at least 1).
    #[schemars(range(min = 1))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nombre_semaines: Option<u32>,
    /// Opening hours of the service, OpenStreetMap `opening_hours` syntax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horaires_accueil: Option<String>,
    /// Fields outside data·inclusion v1.0.10, kept as read.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Service {
    /// A service with its required fields and every optional field empty.
    pub fn new(
        source: impl Into<String>,
        structure_id: impl Into<String>,
        id: impl Into<String>,
        nom: impl Into<String>,
        description: impl Into<String>,
        date_maj: NaiveDate,
    ) -> Service {
        Service {
            source: source.into(),
            structure_id: structure_id.into(),
            id: id.into(),
            nom: nom.into(),
            description: description.into(),
            lien_source: None,
            date_maj,
            r#type: None,
            thematiques: None,
            frais: None,
            frais_precisions: None,
            publics: None,
            publics_precisions: None,
            conditions_acces: None,
            commune: None,
            code_postal: None,
            code_insee: None,
            adresse: None,
            complement_adresse: None,
            longitude: None,
            latitude: None,
            telephone: None,
            courriel: None,
            modes_accueil: None,
            zone_eligibilite: None,
            contact_nom_prenom: None,
            lien_mobilisation: None,
            modes_mobilisation: None,
            mobilisable_par: None,
            mobilisation_precisions: None,
            volume_horaire_hebdomadaire: None,
            nombre_semaines: None,
            horaires_accueil: None,
            extra: Extra::new(),
        }
    }
}
