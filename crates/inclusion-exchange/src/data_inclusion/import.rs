//! data·inclusion v1 structures and services → places ([`from_data_inclusion`]).

use std::collections::HashMap;

use inclusion_model::CompactString;
use inclusion_model::diagnostic::{Diagnostic, Severity, Template};
use inclusion_model::hours::OpeningHours;
use inclusion_model::place::{Address, Coordinates, Place};
use inclusion_model::syntax::{PLACEHOLDER_SIRET, is_siret_form};
use inclusion_model::vocab::{
    AccessMode, Fee, Service as OurService, SpecificSupport, SupportMode, Vocabulary,
};

use super::mapping::{self, NetworkMeaning, sorted_set};
use super::messages;
use super::model::{Extra, Service, Structure};
use super::precisions::{generated_description, read_list};
use super::theme::Theme;
use super::vocabulary::{Audience, MobilisationMode, Mobiliser, ReceptionMode};

/// Converts data·inclusion structures and their services into places: one place per
/// structure, with the services whose `structure_id` is its `id`.
///
/// Every value that the standard cannot represent gives a [`Diagnostic`] (row = 1-based
/// position in `structures` or `services`, column = `structure.<field>` or
/// `service.<field>`); nothing is dropped silently. A structure without an address (required
/// by the standard) gives no place. The places are not validated against the standard: write
/// them and read them back, or use [`inclusion_model::validate`], for that.
///
/// ```
/// use inclusion_exchange::data_inclusion::{from_data_inclusion, Structure, Service, Theme, codes};
/// use inclusion_model::Service as PlaceService;
/// use chrono::NaiveDate;
///
/// let d = NaiveDate::from_ymd_opt(2025, 2, 14).unwrap();
/// let mut structure = Structure::new("dora", "dora--42", "Centre social Le Tournesol", d);
/// structure.adresse = Some("3 rue des Lilas".into());
/// structure.code_postal = Some("35000".into());
/// structure.commune = Some("Rennes".into());
/// let mut service = Service::new("dora", "dora--42", "dora--s1", "Permanence numérique",
///     "Aide pour les démarches en ligne.", d);
/// service.thematiques = Some(vec![
///     Theme::ONLINE_SERVICES,
///     Theme::from_code("logement-hebergement--louer-un-logement").unwrap(),
/// ]);
///
/// let (places, diagnostics) = from_data_inclusion(&[structure], &[service]);
/// assert_eq!(places[0].id, "42");
/// assert_eq!(places[0].services, vec![PlaceService::AdministrativeProcedures]);
/// assert_eq!(places[0].description.as_deref(), Some("Aide pour les démarches en ligne."));
/// let found: Vec<&str> = diagnostics.iter().map(|d| d.code()).collect();
/// assert_eq!(found, [codes::MISSING_SIRET, codes::UNMAPPED_FIELD, codes::UNMAPPED_THEMATIQUE]);
/// ```
pub fn from_data_inclusion(
    structures: &[Structure],
    services: &[Service],
) -> (Vec<Place>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut duplicate = vec![false; structures.len()];
    for (i, s) in structures.iter().enumerate() {
        if index.contains_key(s.id.as_str()) {
            duplicate[i] = true;
            diagnostics.push(diagnostic(
                Severity::Error,
                &messages::DUPLICATE_STRUCTURE,
                Record::Structure(i),
                "id",
                &s.id,
            ));
        } else {
            index.insert(s.id.as_str(), i);
        }
    }
    let mut attached: Vec<Vec<usize>> = vec![Vec::new(); structures.len()];
    for (j, service) in services.iter().enumerate() {
        match index.get(service.structure_id.as_str()) {
            Some(&i) => attached[i].push(j),
            None => diagnostics.push(diagnostic(
                Severity::Error,
                &messages::ORPHAN_SERVICE,
                Record::Service(j),
                "structure_id",
                &service.structure_id,
            )),
        }
    }
    let mut places = Vec::new();
    for (i, structure) in structures.iter().enumerate() {
        if duplicate[i] {
            continue;
        }
        let mut import = Import {
            diagnostics: &mut diagnostics,
        };
        let own: Vec<(usize, &Service)> = attached[i].iter().map(|&j| (j, &services[j])).collect();
        if let Some(place) = import.place(i, structure, &own) {
            places.push(place);
        }
    }
    (places, diagnostics)
}

/// Which record a diagnostic is about, with its 0-based position.
#[derive(Clone, Copy)]
enum Record {
    Structure(usize),
    Service(usize),
}

/// A diagnostic about `field` of a record.
fn diagnostic(
    severity: Severity,
    template: &'static Template,
    record: Record,
    field: &str,
    value: &str,
) -> Diagnostic {
    let (prefix, i) = match record {
        Record::Structure(i) => ("structure", i),
        Record::Service(i) => ("service", i),
    };
    Diagnostic::new(severity, template)
        .at_row(i + 1)
        .in_column(format!("{prefix}.{field}"))
        .with_value(value)
}

/// A JSON value as text: strings as they are, anything else as JSON.
fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn non_empty(v: &Option<String>) -> Option<CompactString> {
    v.as_deref()
        .filter(|s| !s.is_empty())
        .map(CompactString::new)
}

/// What one place gathers from its services.
#[derive(Default)]
struct Gathered {
    services: Vec<OurService>,
    descriptions: Vec<CompactString>,
    publics: Vec<inclusion_model::vocab::Public>,
    specific_support: Vec<SpecificSupport>,
    fees: Vec<Fee>,
    access_modes: Vec<AccessMode>,
    support_modes: Vec<SupportMode>,
    booking_url: Option<CompactString>,
}

struct Import<'a> {
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Import<'_> {
    fn push(
        &mut self,
        severity: Severity,
        template: &'static Template,
        record: Record,
        field: &str,
        value: &str,
    ) {
        self.diagnostics
            .push(diagnostic(severity, template, record, field, value));
    }

    /// A field or value the standard has no place for.
    fn unmapped(&mut self, record: Record, field: &str, value: &str) {
        self.push(
            Severity::Warning,
            &messages::UNMAPPED_FIELD,
            record,
            field,
            value,
        );
    }

    fn extra(&mut self, record: Record, extra: &Extra) {
        for (k, v) in extra.iter().filter(|(_, v)| !v.is_null()) {
            self.unmapped(record, k, &json_text(v));
        }
    }

    fn place(&mut self, i: usize, s: &Structure, services: &[(usize, &Service)]) -> Option<Place> {
        let record = Record::Structure(i);
        let (street, postcode, commune) = (
            non_empty(&s.adresse),
            non_empty(&s.code_postal),
            non_empty(&s.commune),
        );
        let (Some(street), Some(postcode), Some(commune)) = (street, postcode, commune) else {
            let missing: Vec<&str> = [
                ("adresse", &s.adresse),
                ("code_postal", &s.code_postal),
                ("commune", &s.commune),
            ]
            .into_iter()
            .filter(|(_, v)| non_empty(v).is_none())
            .map(|(k, _)| k)
            .collect();
            self.push(
                Severity::Error,
                &messages::MISSING_ADDRESS,
                record,
                missing.join("|").as_str(),
                &s.id,
            );
            return None;
        };
        let id =
            s.id.strip_prefix(s.source.as_str())
                .and_then(|rest| rest.strip_prefix("--"))
                .filter(|rest| !rest.is_empty())
                .unwrap_or(&s.id);
        let pivot = match &s.siret {
            Some(siret) if is_siret_form(siret) => siret.clone(),
            Some(siret) => {
                self.push(
                    Severity::Warning,
                    &messages::INVALID_SIRET_IMPORT,
                    record,
                    "siret",
                    siret,
                );
                PLACEHOLDER_SIRET.to_owned()
            }
            None => {
                self.push(
                    Severity::Warning,
                    &messages::MISSING_SIRET,
                    record,
                    "siret",
                    "",
                );
                PLACEHOLDER_SIRET.to_owned()
            }
        };
        let mut address = Address::new(street, postcode, commune);
        address.insee_code = non_empty(&s.code_insee);
        address.complement = non_empty(&s.complement_adresse);
        let mut place = Place::new(id, pivot, s.nom.as_str(), address, s.date_maj);
        place.coordinates = self.coordinates(record, s.latitude, s.longitude);
        place.contact.phone = non_empty(&s.telephone);
        place.contact.emails = non_empty(&s.courriel).into_iter().collect();
        place.contact.websites = non_empty(&s.site_web).into_iter().collect();
        place.opening_hours = non_empty(&s.horaires_accueil).map(OpeningHours::new);
        place.summary = non_empty(&s.description);
        place.source = Some(s.source.as_str().into());
        place.accessibility_url = non_empty(&s.accessibilite_lieu);
        for n in s.reseaux_porteurs.iter().flatten() {
            match mapping::meaning_of_network(*n) {
                Some(NetworkMeaning::Programme(p)) => place.national_programmes.push(p),
                Some(NetworkMeaning::Label(l)) => place.training_labels.push(l),
                Some(NetworkMeaning::Typology(t)) => place.typology.push(t),
                None => self.push(
                    Severity::Warning,
                    &messages::UNMAPPED_RESEAU_PORTEUR,
                    record,
                    "reseaux_porteurs",
                    n.code(),
                ),
            }
        }
        place.national_programmes = sorted_set(std::mem::take(&mut place.national_programmes));
        place.training_labels = sorted_set(std::mem::take(&mut place.training_labels));
        place.typology.sort();
        place.typology.dedup();
        if let Some(link) = non_empty(&s.lien_source) {
            self.unmapped(record, "lien_source", &link);
        }
        self.extra(record, &s.extra);

        let mut g = Gathered::default();
        for &(j, service) in services {
            place.updated_on = place.updated_on.max(service.date_maj);
            self.service(j, service, s, &mut g);
        }
        place.services = sorted_set(g.services);
        place.publics = sorted_set(g.publics);
        place.specific_support = sorted_set(g.specific_support);
        place.fees = sorted_set(g.fees);
        place.access_modes = sorted_set(g.access_modes);
        place.support_modes = sorted_set(g.support_modes);
        place.booking_url = g.booking_url;
        place.description = match g.descriptions.len() {
            0 => None,
            1 => g.descriptions.pop(),
            _ => {
                self.push(
                    Severity::Warning,
                    &messages::DESCRIPTIONS_MERGED,
                    record,
                    "description",
                    &s.id,
                );
                Some(g.descriptions.join("\n\n").into())
            }
        };
        Some(place)
    }

    fn coordinates(
        &mut self,
        record: Record,
        latitude: Option<f64>,
        longitude: Option<f64>,
    ) -> Option<Coordinates> {
        match (latitude, longitude) {
            (Some(lat), Some(lon)) => match Coordinates::new(lat, lon) {
                Ok(c) => Some(c),
                Err(_) => {
                    self.push(
                        Severity::Warning,
                        &messages::INVALID_COORDINATES,
                        record,
                        "latitude|longitude",
                        &format!("{lat}|{lon}"),
                    );
                    None
                }
            },
            (None, None) => None,
            (lat, lon) => {
                let value = lat.or(lon).map(|v| v.to_string()).unwrap_or_default();
                self.push(
                    Severity::Warning,
                    &messages::LONE_COORDINATE,
                    record,
                    if lat.is_some() {
                        "latitude"
                    } else {
                        "longitude"
                    },
                    &value,
                );
                None
            }
        }
    }

    fn service(&mut self, j: usize, sv: &Service, s: &Structure, g: &mut Gathered) {
        let record = Record::Service(j);
        let themes: &[Theme] = sv.thematiques.as_deref().unwrap_or(&[]);
        let (more, unmapped) = match OurService::from_label(&sv.nom) {
            Some(ours) => {
                g.services.push(ours);
                let own = mapping::themes_of(ours);
                let rest: Vec<Theme> = themes
                    .iter()
                    .copied()
                    .filter(|t| !own.contains(t))
                    .collect();
                mapping::services_from_themes(&rest)
            }
            None => {
                self.unmapped(record, "nom", &sv.nom);
                mapping::services_from_themes(themes)
            }
        };
        g.services.extend(more);
        for t in unmapped {
            self.push(
                Severity::Warning,
                &messages::UNMAPPED_THEMATIQUE,
                record,
                "thematiques",
                t.code(),
            );
        }
        if sv.description != generated_description(&sv.nom, &s.nom)
            && !g.descriptions.iter().any(|d| *d == sv.description)
        {
            g.descriptions.push(sv.description.as_str().into());
        }

        let typed = sv.r#type.and_then(mapping::support_mode_of);
        match (sv.r#type, typed) {
            (_, Some(m)) => g.support_modes.push(m),
            (Some(t), None) => self.push(
                Severity::Warning,
                &messages::UNMAPPED_TYPE,
                record,
                "type",
                t.code(),
            ),
            (None, None) => {}
        }
        for m in sv.modes_accueil.iter().flatten() {
            match m {
                ReceptionMode::Remote => g.support_modes.push(SupportMode::Remote),
                ReceptionMode::OnSite if typed.is_none() => {
                    self.unmapped(record, "modes_accueil", m.code());
                }
                _ => {}
            }
        }

        for a in sv.publics.iter().flatten() {
            match mapping::public_of(*a) {
                Some(p) => g.publics.push(p),
                None if *a == Audience::Everyone => {}
                None => self.push(
                    Severity::Warning,
                    &messages::UNMAPPED_PUBLIC,
                    record,
                    "publics",
                    a.code(),
                ),
            }
        }
        if let Some(text) = non_empty(&sv.publics_precisions) {
            match read_list::<SpecificSupport>(&text) {
                Some(v) => g.specific_support.extend(v),
                None => self.unmapped(record, "publics_precisions", &text),
            }
        }
        match sv.frais_precisions.as_deref().and_then(read_list::<Fee>) {
            Some(v) => g.fees.extend(v),
            None => {
                g.fees.extend(sv.frais.map(mapping::fee_of));
                if let Some(text) = non_empty(&sv.frais_precisions) {
                    self.unmapped(record, "frais_precisions", &text);
                }
            }
        }
        self.access(record, sv, g);
        if let Some(link) = non_empty(&sv.lien_mobilisation) {
            match &g.booking_url {
                None => g.booking_url = Some(link),
                Some(kept) if *kept == link => {}
                Some(_) => self.unmapped(record, "lien_mobilisation", &link),
            }
        }

        let free_fields = [
            ("lien_source", sv.lien_source.clone()),
            ("conditions_acces", sv.conditions_acces.clone()),
            ("contact_nom_prenom", sv.contact_nom_prenom.clone()),
            (
                "zone_eligibilite",
                sv.zone_eligibilite.as_ref().map(|z| z.join("|")),
            ),
            (
                "volume_horaire_hebdomadaire",
                sv.volume_horaire_hebdomadaire.map(|v| v.to_string()),
            ),
            ("nombre_semaines", sv.nombre_semaines.map(|v| v.to_string())),
        ];
        for (field, value) in free_fields {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                self.unmapped(record, field, &v);
            }
        }
        // Fields a service may repeat from its structure: kept only when they are the same.
        let same = [
            ("commune", &sv.commune, &s.commune),
            ("code_postal", &sv.code_postal, &s.code_postal),
            ("code_insee", &sv.code_insee, &s.code_insee),
            ("adresse", &sv.adresse, &s.adresse),
            (
                "complement_adresse",
                &sv.complement_adresse,
                &s.complement_adresse,
            ),
            ("telephone", &sv.telephone, &s.telephone),
            ("courriel", &sv.courriel, &s.courriel),
            (
                "horaires_accueil",
                &sv.horaires_accueil,
                &s.horaires_accueil,
            ),
        ];
        for (field, own, structure) in same {
            if let Some(v) = non_empty(own).filter(|v| Some(v) != non_empty(structure).as_ref()) {
                self.unmapped(record, field, &v);
            }
        }
        for (field, own, structure) in [
            ("latitude", sv.latitude, s.latitude),
            ("longitude", sv.longitude, s.longitude),
        ] {
            if let Some(v) = own.filter(|v| Some(*v) != structure) {
                self.unmapped(record, field, &v.to_string());
            }
        }
        self.extra(record, &sv.extra);
    }

    fn access(&mut self, record: Record, sv: &Service, g: &mut Gathered) {
        if let Some(v) = sv
            .mobilisation_precisions
            .as_deref()
            .and_then(read_list::<AccessMode>)
        {
            g.access_modes.extend(v);
            return;
        }
        if let Some(text) = non_empty(&sv.mobilisation_precisions) {
            self.unmapped(record, "mobilisation_precisions", &text);
        }
        let codes: &[MobilisationMode] = sv.modes_mobilisation.as_deref().unwrap_or(&[]);
        let who = sv.mobilisable_par.as_deref();
        g.access_modes.extend(mapping::access_modes_of(codes, who));
        let professionals = who.is_some_and(|w| w.contains(&Mobiliser::Professionals));
        if professionals && !codes.contains(&MobilisationMode::SendEmail) {
            self.unmapped(record, "mobilisable_par", Mobiliser::Professionals.code());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data_inclusion::codes;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn structure() -> Structure {
        let mut s = Structure::new("src", "src--a", "Maison France Services", d(2024, 1, 1));
        s.adresse = Some("1 place de la Mairie".into());
        s.code_postal = Some("26000".into());
        s.commune = Some("Valence".into());
        s.siret = Some("43493312300029".into());
        s
    }

    fn service(nom: &str, description: &str) -> Service {
        Service::new(
            "src",
            "src--a",
            "src--a--1",
            nom,
            description,
            d(2024, 6, 1),
        )
    }

    fn codes_of(d: &[Diagnostic]) -> Vec<(&str, Option<&str>, Option<&str>)> {
        d.iter()
            .map(|x| (x.code(), x.column(), x.value()))
            .collect()
    }

    #[test]
    fn orphans_duplicates_and_missing_addresses() {
        let mut no_address = structure();
        no_address.id = "src--b".into();
        no_address.commune = None;
        let mut orphan = service("Atelier", "Un atelier.");
        orphan.structure_id = "src--z".into();
        let (places, diags) =
            from_data_inclusion(&[structure(), structure(), no_address], &[orphan]);
        assert_eq!(places.len(), 1);
        assert_eq!(
            codes_of(&diags),
            vec![
                (codes::DUPLICATE_ID, Some("structure.id"), Some("src--a")),
                (
                    codes::ORPHAN_SERVICE,
                    Some("service.structure_id"),
                    Some("src--z")
                ),
                (
                    codes::MISSING_ADDRESS,
                    Some("structure.commune"),
                    Some("src--b")
                ),
            ]
        );
        assert_eq!(diags[0].row(), Some(2));
    }

    #[test]
    fn foreign_services_are_merged_and_what_has_no_place_is_reported() {
        let mut a = service("Atelier seniors", "Ateliers tablette pour les seniors.");
        a.r#type = Some(crate::data_inclusion::vocabulary::ServiceType::Workshop);
        a.thematiques = Some(vec![Theme::DIGITAL_FUNDAMENTALS]);
        a.publics = Some(vec![Audience::Seniors, Audience::Jobseekers]);
        a.frais = Some(crate::data_inclusion::vocabulary::Cost::Paying);
        a.frais_precisions = Some("5 € par séance".into());
        let mut b = service("Accès libre", "Postes en accès libre.");
        b.id = "src--a--2".into();
        b.r#type = Some(crate::data_inclusion::vocabulary::ServiceType::Information);
        b.thematiques = Some(vec![Theme::INTERNET_CONNECTION]);
        b.modes_accueil = Some(vec![ReceptionMode::OnSite, ReceptionMode::Remote]);
        b.modes_mobilisation = Some(vec![MobilisationMode::WalkIn]);
        b.lien_mobilisation = Some("https://rdv.exemple.fr/".into());
        b.commune = Some("Romans".into());
        b.date_maj = d(2025, 1, 1);
        let (places, diags) = from_data_inclusion(&[structure()], &[a, b]);
        let p = &places[0];
        assert_eq!(p.id, "a");
        assert_eq!(p.updated_on, d(2025, 1, 1));
        assert_eq!(
            p.services,
            vec![
                OurService::EverydayDigitalTools,
                OurService::InternetAndEquipmentAccess
            ]
        );
        assert_eq!(
            p.support_modes,
            vec![SupportMode::Workshop, SupportMode::Remote]
        );
        assert_eq!(p.publics, vec![inclusion_model::vocab::Public::Seniors]);
        assert_eq!(p.fees, vec![Fee::Paying]);
        assert_eq!(p.access_modes, vec![AccessMode::WalkIn]);
        assert_eq!(p.booking_url.as_deref(), Some("https://rdv.exemple.fr/"));
        assert_eq!(
            p.description.as_deref(),
            Some("Ateliers tablette pour les seniors.\n\nPostes en accès libre.")
        );
        assert_eq!(
            codes_of(&diags),
            vec![
                (
                    codes::UNMAPPED_FIELD,
                    Some("service.nom"),
                    Some("Atelier seniors")
                ),
                (
                    codes::UNMAPPED_PUBLIC,
                    Some("service.publics"),
                    Some("demandeurs-emploi")
                ),
                (
                    codes::UNMAPPED_FIELD,
                    Some("service.frais_precisions"),
                    Some("5 € par séance")
                ),
                (
                    codes::UNMAPPED_FIELD,
                    Some("service.nom"),
                    Some("Accès libre")
                ),
                (
                    codes::UNMAPPED_TYPE,
                    Some("service.type"),
                    Some("information")
                ),
                (
                    codes::UNMAPPED_FIELD,
                    Some("service.modes_accueil"),
                    Some("en-presentiel")
                ),
                (
                    codes::UNMAPPED_FIELD,
                    Some("service.commune"),
                    Some("Romans")
                ),
                (
                    codes::DESCRIPTIONS_MERGED,
                    Some("structure.description"),
                    Some("src--a")
                ),
            ]
        );
        assert_eq!(diags[3].row(), Some(2));
    }

    #[test]
    fn structure_values_without_a_place_are_reported() {
        let mut s = structure();
        s.siret = None;
        s.latitude = Some(45.0);
        s.lien_source = Some("https://dora.exemple/s/1".into());
        s.reseaux_porteurs = Some(vec![
            crate::data_inclusion::network::Network::DIGITAL_ADVISORS,
            crate::data_inclusion::network::Network::known("simplon"),
            crate::data_inclusion::network::Network::known("la-poste"),
        ]);
        s.extra
            .insert("score_qualite".into(), serde_json::json!(0.8));
        s.extra.insert("vide".into(), serde_json::Value::Null);
        let (places, diags) = from_data_inclusion(&[s], &[]);
        let p = &places[0];
        assert_eq!(p.pivot, PLACEHOLDER_SIRET);
        assert_eq!(p.coordinates, None);
        assert_eq!(
            p.national_programmes,
            vec![inclusion_model::NationalProgramme::DigitalAdvisors]
        );
        assert_eq!(p.typology, vec![inclusion_model::Typology::LaPoste]);
        assert_eq!(
            codes_of(&diags),
            vec![
                (codes::MISSING_SIRET, Some("structure.siret"), Some("")),
                (codes::INVALID_VALUE, Some("structure.latitude"), Some("45")),
                (
                    codes::UNMAPPED_RESEAU_PORTEUR,
                    Some("structure.reseaux_porteurs"),
                    Some("simplon")
                ),
                (
                    codes::UNMAPPED_FIELD,
                    Some("structure.lien_source"),
                    Some("https://dora.exemple/s/1")
                ),
                (
                    codes::UNMAPPED_FIELD,
                    Some("structure.score_qualite"),
                    Some("0.8")
                ),
            ]
        );
    }

    #[test]
    fn professionals_without_email_and_unparsed_texts() {
        let mut a = service("Aide aux démarches administratives", "Sur prescription.");
        a.mobilisable_par = Some(vec![Mobiliser::Professionals]);
        a.modes_mobilisation = Some(vec![MobilisationMode::Phone]);
        a.mobilisation_precisions = Some("Appeler le matin".into());
        a.publics_precisions = Some("Personnes sourdes".into());
        let (places, diags) = from_data_inclusion(&[structure()], &[a]);
        assert_eq!(
            places[0].services,
            vec![OurService::AdministrativeProcedures]
        );
        assert_eq!(places[0].access_modes, vec![AccessMode::Phone]);
        assert_eq!(
            codes_of(&diags),
            vec![
                (
                    codes::UNMAPPED_FIELD,
                    Some("service.publics_precisions"),
                    Some("Personnes sourdes")
                ),
                (
                    codes::UNMAPPED_FIELD,
                    Some("service.mobilisation_precisions"),
                    Some("Appeler le matin")
                ),
                (
                    codes::UNMAPPED_FIELD,
                    Some("service.mobilisable_par"),
                    Some("professionnels")
                ),
            ]
        );
    }
}
