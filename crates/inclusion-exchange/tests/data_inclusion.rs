//! The data·inclusion conversion against data·inclusion's own JSON Schema (v1.0.10, formats
//! checked with the `jsonschema` crate), the real Hub du Sud dataset, the reference library's
//! example record, and round-trip properties.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use inclusion_exchange::data_inclusion::{
    self as di, Audience, Cost, DataInclusionExport, ExportOptions, MobilisationMode, Mobiliser,
    Network, OldDates, ReceptionMode, ServiceType, Theme, codes, from_data_inclusion,
    read_services_json, read_structures_json, to_data_inclusion, to_data_inclusion_with,
};
use inclusion_model::{
    AccessMode, Address, Contact, Coordinates, Fee, NationalProgramme, OpeningHours, Place, Public,
    ReadOptions, Service, SpecificSupport, SupportMode, TrainingLabel, Typology, Vocabulary,
    read_json_slice,
};
use jsonschema::{Draft, Validator};
use proptest::prelude::*;
use proptest::sample::subsequence;
use serde_json::Value;

const SCHEMA: &str = "data-inclusion/jsonschema.v1.0.10.json";
const SOURCE: &str = "mediation-numerique";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn options() -> ExportOptions {
    ExportOptions::new(SOURCE).with_today(today())
}

/// A validator with format validation on (and unknown formats refused, so that a format the
/// crate does not know cannot pass silently).
fn validator(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(false)
        .build(schema)
        .expect("the schema compiles")
}

/// The same, for schemars' schemas: they carry formats of their own (`double`, `uint32`)
/// that JSON Schema does not define.
fn lenient_validator(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles")
}

/// The validators of data·inclusion's `Structure` and `Service`, from the anchor.
struct Schemas {
    structure: Validator,
    service: Validator,
}

fn schemas() -> Option<Schemas> {
    let bytes = inclusion_anchors::read(SCHEMA)?;
    let all: Value = serde_json::from_slice(&bytes).unwrap();
    Some(Schemas {
        structure: validator(&all["Structure"]),
        service: validator(&all["Service"]),
    })
}

impl Schemas {
    /// Every schema error of every exported record, as readable lines.
    fn errors(&self, export: &DataInclusionExport) -> Vec<String> {
        let structures: Value = serde_json::from_str(&export.structures_json().unwrap()).unwrap();
        let services: Value = serde_json::from_str(&export.services_json().unwrap()).unwrap();
        let mut out = Vec::new();
        for (validator, records) in [(&self.structure, &structures), (&self.service, &services)] {
            for r in records.as_array().unwrap() {
                for e in validator.iter_errors(r) {
                    out.push(format!("{} {}: {e}", r["id"], e.instance_path()));
                }
            }
        }
        out
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A place with every column filled, as the reference library's example record.
fn full_place() -> Place {
    let mut p = Place::new(
        "structure-1",
        "43493312300029",
        "Anonymal",
        Address::new("12 BIS RUE DE LECLERCQ", "51100", "Reims"),
        date(2024, 4, 2),
    );
    p.address.insee_code = Some("51454".into());
    p.address.complement = Some("Le patio du bois de l'Aulne".into());
    p.coordinates = Some(Coordinates::new(43.52609, 5.41423).unwrap());
    p.typology = vec![Typology::TiersLieux, Typology::Epn];
    p.contact.phone = Some("+33180059880".into());
    p.contact.emails = vec!["contact@laquincaillerie.tl".into()];
    p.contact.websites = vec!["https://www.laquincaillerie.tl/".into()];
    p.opening_hours = Some(OpeningHours::new(
        "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
    ));
    p.summary = Some("Notre association propose des formations aux outils numériques.".into());
    p.description = Some("Notre parcours d'initiation permet l'acquisition de compétences.".into());
    p.services = vec![
        Service::EverydayDigitalTools,
        Service::ProfessionalIntegration,
        Service::LeisureAndCreation,
    ]
    .into();
    p.publics = [Public::Youth, Public::Women].into();
    p.specific_support = [SpecificSupport::Deafness, SpecificSupport::Illiteracy].into();
    p.fees = [Fee::FreeUnderConditions, Fee::Paying].into();
    p.national_programmes = vec![
        NationalProgramme::AidantsConnect,
        NationalProgramme::RedCross,
    ]
    .into();
    p.training_labels = [TrainingLabel::FabriquesDeTerritoire].into();
    p.access_modes = vec![
        AccessMode::WalkIn,
        AccessMode::Phone,
        AccessMode::OnlineBooking,
    ]
    .into();
    p.support_modes = [SupportMode::Individual, SupportMode::Remote].into();
    p.accessibility_url = Some("https://acceslibre.beta.gouv.fr/app/29-lampaul-plouarzel/a/bibliotheque-mediatheque/erp/mediatheque-13/".into());
    p.booking_url = Some("https://www.rdv-solidarites.fr/".into());
    p.source = Some(SOURCE.into());
    p
}

#[test]
fn a_full_place_exports_valid_records_and_comes_back_whole() {
    let Some(schemas) = schemas() else { return };
    let place = full_place();
    let export = to_data_inclusion_with(std::slice::from_ref(&place), &options());
    assert_eq!(schemas.errors(&export), Vec::<String>::new());
    // TIERS_LIEUX is the only value with no data·inclusion equivalent.
    let lost: Vec<_> = export
        .diagnostics
        .iter()
        .map(|d| (d.code(), d.column(), d.value()))
        .collect();
    assert_eq!(
        lost,
        vec![(codes::NOT_EXPORTED, Some("typologie"), Some("TIERS_LIEUX"))]
    );

    let s = &export.structures[0];
    assert_eq!(
        s.reseaux_porteurs,
        Some(vec![
            Network::AIDANTS_CONNECT,
            Network::from_code("espaces-publics-numeriques").unwrap(),
            Network::FABRIQUE_DE_TERRITOIRE,
            Network::RED_CROSS,
        ])
        .map(|mut v| {
            v.sort();
            v
        })
    );
    assert_eq!(export.services.len(), 3);
    let sv = &export.services[1];
    assert_eq!(sv.nom, "Insertion professionnelle via le numérique");
    assert_eq!(
        sv.thematiques,
        Some(vec![Theme::DIGITAL_FUNDAMENTALS, Theme::JOB_SEARCH])
    );
    assert_eq!(sv.r#type, Some(ServiceType::Support));
    assert_eq!(sv.frais, Some(Cost::Paying));
    assert_eq!(
        sv.frais_precisions.as_deref(),
        Some("Frais à charge : Gratuit sous condition, Payant")
    );
    assert_eq!(sv.publics, Some(vec![Audience::Youth, Audience::Women]));
    assert_eq!(
        sv.publics_precisions.as_deref(),
        Some("Prise en charge spécifique : Surdité, Illettrisme")
    );
    assert_eq!(
        sv.modes_accueil,
        Some(vec![ReceptionMode::Remote, ReceptionMode::OnSite])
    );
    assert_eq!(
        sv.modes_mobilisation,
        Some(vec![
            MobilisationMode::WalkIn,
            MobilisationMode::Phone,
            MobilisationMode::UseLink
        ])
    );
    assert_eq!(sv.mobilisable_par, Some(vec![Mobiliser::Users]));
    assert_eq!(sv.mobilisation_precisions, None); // the codes say it all
    assert_eq!(sv.description, place.description.clone().unwrap());

    let (places, diagnostics) = from_data_inclusion(&export.structures, &export.services);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let mut expected = place;
    expected.typology = vec![Typology::Epn]; // TIERS_LIEUX has no network
    expected.training_labels = [TrainingLabel::FabriquesDeTerritoire].into();
    assert_eq!(places, vec![expected]);
}

#[test]
fn the_json_files_read_back_as_they_were_written() {
    let export = to_data_inclusion_with(&[full_place()], &options());
    let (mut structures, mut services) = (Vec::new(), Vec::new());
    export.write_json(&mut structures, &mut services).unwrap();
    let (s, d1) = read_structures_json(&structures);
    let (v, d2) = read_services_json(&services);
    assert!(d1.is_empty() && d2.is_empty());
    assert_eq!((s, v), (export.structures.clone(), export.services.clone()));
}

/// Exported records broken in one field each: (structures, services).
fn broken_records(export: &DataInclusionExport) -> (Vec<Value>, Vec<Value>) {
    let structure = serde_json::to_value(&export.structures[0]).unwrap();
    let service = serde_json::to_value(&export.services[0]).unwrap();
    let broken = |base: &Value, field: &str, value: Value| {
        let mut v = base.clone();
        v[field] = value;
        v
    };
    let mut no_description = service.clone();
    no_description
        .as_object_mut()
        .unwrap()
        .remove("description");
    let services = vec![
        no_description,
        broken(&service, "description", "abc".into()),
        broken(&service, "nom", "x".repeat(151).into()),
        broken(&service, "thematiques", serde_json::json!(["numerique"])),
        broken(&service, "publics", serde_json::json!([])),
        broken(&service, "lien_mobilisation", "www.exemple.fr".into()),
        broken(
            &service,
            "lien_mobilisation",
            "https://exemple.fr/un lieu".into(),
        ),
        broken(&service, "date_maj", "2024-13-01".into()),
        broken(&service, "courriel", "pas un courriel".into()),
        broken(
            &service,
            "modes_mobilisation",
            serde_json::json!(["telephoner", "telephoner"]),
        ),
        broken(&service, "nombre_semaines", 0.into()),
    ];
    let structures = vec![
        broken(&structure, "nom", "BM".into()),
        broken(&structure, "siret", "00000000000000X".into()),
        broken(&structure, "code_postal", "5110".into()),
        broken(&structure, "courriel", "contact@".into()),
        broken(&structure, "site_web", "exemple.fr".into()),
        broken(
            &structure,
            "reseaux_porteurs",
            serde_json::json!(["conseiller-numerique"]),
        ),
        broken(
            &structure,
            "reseaux_porteurs",
            serde_json::json!(["caf", "caf"]),
        ),
    ];
    (structures, services)
}

#[test]
fn invalid_records_are_rejected_by_the_schema() {
    // The negative control: the validator really checks lengths, patterns, formats and enums.
    let Some(schemas) = schemas() else { return };
    let export = to_data_inclusion_with(&[full_place()], &options());
    assert!(schemas.errors(&export).is_empty());
    let (structures, services) = broken_records(&export);
    for v in &services {
        assert!(!schemas.service.is_valid(v), "accepted: {v}");
    }
    for v in &structures {
        assert!(!schemas.structure.is_valid(v), "accepted: {v}");
    }
}

#[test]
fn every_place_of_hub_du_sud_exports_valid_records() {
    let Some(schemas) = schemas() else { return };
    let Some(bytes) = inclusion_anchors::read("real-datasets/hub-du-sud-paca.20230517.json") else {
        return;
    };
    let report = read_json_slice(&bytes, &ReadOptions::default());
    assert_eq!(report.places.len(), 646);
    let export = to_data_inclusion_with(&report.places, &options());
    assert_eq!(schemas.errors(&export), Vec::<String>::new());
    assert_eq!(export.structures.len(), 646);
    let services: usize = report
        .places
        .iter()
        .map(|p| p.services.iter().collect::<HashSet<_>>().len())
        .sum();
    assert_eq!(export.services.len(), services);
    // Every record is there, and so are its diagnostics: 99 placeholder 1970 dates and 646
    // placeholder SIRETs.
    let count = |code: &str, column: &str| {
        export
            .diagnostics
            .iter()
            .filter(|d| d.code() == code && d.column() == Some(column))
            .count()
    };
    assert_eq!(count(codes::DATE_TOO_OLD, "date_maj"), 99);
    assert_eq!(count(codes::INVALID_FOR_EXPORT, "pivot"), 646);
    assert!(export.structures.iter().all(|s| s.siret.is_none()));
    // Each structure keeps the source of its place (5 producers in this file).
    for (place, structure) in report.places.iter().zip(&export.structures) {
        assert_eq!(Some(structure.source.as_str()), place.source.as_deref());
    }

    // And the import gives back every place, with what survives.
    let (places, _) = from_data_inclusion(&export.structures, &export.services);
    assert_eq!(places.len(), 646);
    for (a, b) in report.places.iter().zip(&places) {
        assert_eq!((&a.id, &a.name, &a.address), (&b.id, &b.name, &b.address));
        assert_eq!(a.source, b.source);
        assert_eq!(sorted(&a.services), b.services);
        assert_eq!(a.coordinates, b.coordinates);
        // Opening hours that do not parse are not exported; those that parse after
        // corrections are exported corrected.
        let exported = a.opening_hours.as_ref().and_then(|h| {
            if h.was_corrected() {
                h.canonical()
            } else {
                h.is_valid().then(|| h.as_str().to_owned())
            }
        });
        assert_eq!(
            exported.as_deref(),
            b.opening_hours.as_ref().map(OpeningHours::as_str)
        );
    }
    // How many hours are refused or corrected, from the reference parser's verdicts on each
    // text (opening_hours.js: invalid, or valid with warnings), not from our own parser.
    let Some(corpus) = inclusion_anchors::read("opening-hours/horaires-corpus.json") else {
        return;
    };
    let corpus: Value = serde_json::from_slice(&corpus).unwrap();
    let verdicts: HashMap<&str, &Value> = corpus["corpus"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["value"].as_str().unwrap(), &e["opening_hours_js"]))
        .collect();
    let (mut js_invalid, mut js_corrected) = (0, 0);
    for p in &report.places {
        let Some(h) = &p.opening_hours else { continue };
        let js = verdicts
            .get(h.as_str())
            .unwrap_or_else(|| panic!("{:?} is in the corpus", h.as_str()));
        if js["valid"] == false {
            js_invalid += 1;
        } else if js.get("warnings").is_some() {
            js_corrected += 1;
        }
    }
    // Hub du Sud: 6 places whose hours opening_hours.js refuses, 1 that it corrects.
    assert_eq!((js_invalid, js_corrected), (6, 1));
    assert_eq!(count(codes::INVALID_FOR_EXPORT, "horaires"), js_invalid);
    assert_eq!(count(codes::HOURS_CORRECTED, "horaires"), js_corrected);
}

fn sorted<V: Vocabulary>(v: &[V]) -> Vec<V> {
    let mut v = v.to_vec();
    v.sort_by_key(|x| x.index());
    v.dedup();
    v
}

#[test]
fn the_reference_library_record_exports_what_it_can_and_says_what_it_cannot() {
    let Some(schemas) = schemas() else { return };
    let Some(bytes) = inclusion_anchors::read(
        "lib-lieux-de-mediation-numerique-2.3.0/data-inclusion-transfer.cases.json",
    ) else {
        return;
    };
    let cases: Value = serde_json::from_slice(&bytes).unwrap();
    let record = serde_json::to_vec(&[&cases["input_schema_record"]]).unwrap();
    let report = read_json_slice(&record, &ReadOptions::default());
    assert_eq!(report.places.len(), 1, "{:#?}", report.diagnostics);
    let export = to_data_inclusion_with(
        &report.places,
        &ExportOptions::new("Hubik").with_today(today()),
    );
    assert_eq!(schemas.errors(&export), Vec::<String>::new());
    // The library's v0 export keeps the same place-level values (its `thematiques` are v0
    // codes; its one service is split here into one per service).
    let v0 = &cases["toSchemaStructureDataInclusion"];
    let s = &export.structures[0];
    assert_eq!(s.siret.as_deref(), v0["siret"].as_str());
    assert_eq!(s.courriel.as_deref(), v0["courriel"].as_str());
    assert_eq!(s.site_web.as_deref(), v0["site_web"].as_str());
    assert_eq!(
        s.horaires_accueil.as_deref(),
        v0["horaires_ouverture"].as_str()
    );
    assert_eq!(
        s.accessibilite_lieu.as_deref(),
        v0["accessibilite"].as_str()
    );
    assert_eq!(s.description.as_deref(), v0["presentation_resume"].as_str());
    let names: Vec<&str> = export.services.iter().map(|x| x.nom.as_str()).collect();
    let lib_services: Vec<&str> = cases["fromSchemaDataInclusion_of_the_above"]["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(names, lib_services);
    // Like the library, the programmes that have a network are kept (« La Croix Rouge » too
    // here: v1 has `croix-rouge`), and the second e-mail and web site are not.
    assert_eq!(
        s.reseaux_porteurs.clone().unwrap(),
        vec![
            Network::AIDANTS_CONNECT,
            Network::DIGITAL_ADVISORS,
            Network::RED_CROSS
        ]
    );
    let lost: Vec<(&str, &str)> = export
        .diagnostics
        .iter()
        .map(|d| (d.code(), d.column().unwrap()))
        .collect();
    assert_eq!(
        lost,
        vec![
            (codes::NOT_EXPORTED, "courriels"),
            (codes::NOT_EXPORTED, "site_web"),
            (codes::NOT_EXPORTED, "formations_labels"),
            (codes::NOT_EXPORTED, "typologie"),
            (codes::NOT_EXPORTED, "itinerance"),
            (codes::NOT_EXPORTED, "structure_parente"),
            (codes::NOT_EXPORTED, "autres_formations_labels"),
        ]
    );
}

#[test]
fn code_lists_are_data_inclusion_v1_0_10() {
    let (Some(schema), Some(enums)) = (
        inclusion_anchors::read(SCHEMA),
        inclusion_anchors::read("data-inclusion/enums.v1.0.10.json"),
    ) else {
        return;
    };
    let schema: Value = serde_json::from_slice(&schema).unwrap();
    let enums: Value = serde_json::from_slice(&enums).unwrap();
    let codes_of = |record: &str, def: &str| -> Vec<String> {
        schema[record]["$defs"][def]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    let label = |def: &str, code: &str| -> String {
        enums[def]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["value"] == code)
            .map(|e| e["label"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let themes: Vec<String> = Theme::all().map(|t| t.code().to_owned()).collect();
    assert_eq!(themes, codes_of("Service", "Thematique"));
    for t in Theme::all() {
        assert_eq!(t.label_fr(), label("Thematique", t.code()));
    }
    let networks: Vec<String> = Network::all().map(|n| n.code().to_owned()).collect();
    assert_eq!(networks, codes_of("Structure", "ReseauPorteur"));
    for n in Network::all() {
        assert_eq!(n.label_fr(), label("ReseauPorteur", n.code()));
    }
    macro_rules! same {
        ($t:ty, $def:literal) => {
            let ours: Vec<String> = <$t>::ALL.iter().map(|v| v.code().to_owned()).collect();
            assert_eq!(ours, codes_of("Service", $def), $def);
            for v in <$t>::ALL {
                assert_eq!(v.label_fr(), label($def, v.code()));
            }
        };
    }
    same!(Audience, "Public");
    same!(Cost, "Frais");
    same!(ReceptionMode, "ModeAccueil");
    same!(MobilisationMode, "ModeMobilisation");
    same!(Mobiliser, "PersonneMobilisatrice");
    same!(ServiceType, "TypeService");
}

#[test]
fn our_generated_schema_states_data_inclusion_constraints() {
    // The schemars schema of the types accepts the records they write and refuses the same
    // broken records as data·inclusion's schema.
    let structure =
        lenient_validator(&serde_json::to_value(schemars::schema_for!(di::Structure)).unwrap());
    let service =
        lenient_validator(&serde_json::to_value(schemars::schema_for!(di::Service)).unwrap());
    let export = to_data_inclusion_with(&[full_place()], &options());
    for s in &export.structures {
        let v = serde_json::to_value(s).unwrap();
        assert!(structure.is_valid(&v), "{v}");
    }
    for s in &export.services {
        let v = serde_json::to_value(s).unwrap();
        assert!(service.is_valid(&v), "{v}");
    }
    let (structures, services) = broken_records(&export);
    for v in &services {
        assert!(!service.is_valid(v), "accepted: {v}");
    }
    for v in &structures {
        assert!(!structure.is_valid(v), "accepted: {v}");
    }
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

const HOURS: [&str; 5] = [
    "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
    "Tu,Th 09:00-19:00",
    "Mo-Fr 08:30-12:00,13:30-17:00; Th off",
    "24/7",
    "Mo-Sa 10:00-18:00; PH off",
];

fn subset<V: Vocabulary>() -> impl Strategy<Value = Vec<V>> {
    subsequence(V::ALL.to_vec(), 0..=V::ALL.len())
}

/// Places built from the vocabularies, with only values data·inclusion can carry (the
/// `survivors` of the round trip), except the documented per-place losses computed in
/// `expected_after_round_trip`.
fn places() -> impl Strategy<Value = Place> {
    let mapped_typologies: Vec<Typology> = di::mapping::TYPOLOGY_NETWORKS
        .iter()
        .map(|(t, _)| t.clone())
        .collect();
    let mapped_programmes: Vec<NationalProgramme> = di::mapping::PROGRAMME_NETWORKS
        .iter()
        .map(|(p, _)| *p)
        .collect();
    let identity = (
        "[a-z0-9-]{1,12}",
        prop_oneof![Just("00000000000000".to_owned()), "[1-9][0-9]{13}"],
        "[A-Za-zéèàç' -]{3,60}",
        ("[0-9]{1,3} [A-Z ]{3,20}", "[0-9]{5}", "[A-Za-z-]{1,20}"),
        (
            // Codes INSEE of the standard: Corsica is 2A/2B, never 20.
            proptest::option::of("[013-9][0-9]{4}|2[AB1-9][0-9]{3}"),
            proptest::option::of("[A-Za-z ]{1,20}"),
        ),
        proptest::option::of((-90.0f64..=90.0, -180.0f64..=180.0)),
        0i64..=9496, // days from 2000-01-01 to 2026-01-01
    );
    let contact = (
        proptest::option::of("\\+33[0-9]{9}"),
        proptest::option::of("[a-z][a-z0-9_-]{0,4}(\\.[a-z0-9_-]{1,4})?@[a-z]{1,8}\\.fr"),
        proptest::option::of("https://[a-z]{1,10}\\.fr/[a-z0-9/_-]{0,10}"),
        proptest::option::of(0..HOURS.len()),
        proptest::option::of("[A-Za-z ,.'éè]{5,100}"),
        proptest::option::of("[A-Za-z ,.'éè\n]{5,300}"),
        proptest::option::of(Just(SOURCE.to_owned())),
        (
            proptest::option::of("https://acceslibre\\.beta\\.gouv\\.fr/app/[a-z0-9-]{1,20}/"),
            proptest::option::of("https://rdv\\.[a-z]{1,8}\\.fr/[a-z0-9]{0,8}"),
        ),
    );
    let lists = (
        subset::<Service>(),
        subset::<Public>(),
        subset::<SpecificSupport>(),
        subset::<Fee>(),
        subset::<AccessMode>(),
        subset::<SupportMode>(),
        subsequence(mapped_programmes.clone(), 0..=mapped_programmes.len()),
        proptest::bool::ANY,
        subsequence(mapped_typologies.clone(), 0..=4),
    );
    (identity, contact, lists).prop_map(|(identity, contact, lists)| {
        let (id, pivot, name, (street, postcode, commune), (insee, complement), coords, days) =
            identity;
        let mut p = Place::new(
            id,
            pivot,
            name,
            Address::new(street, postcode, commune),
            date(2000, 1, 1) + chrono::Days::new(days as u64),
        );
        p.address.insee_code = insee.map(Into::into);
        p.address.complement = complement.map(Into::into);
        p.coordinates = coords.map(|(lat, lon)| Coordinates::new(lat, lon).unwrap());
        let (phone, email, site, hours, summary, detail, source, (access, booking)) = contact;
        p.contact = Contact::default();
        p.contact.phone = phone.map(Into::into);
        p.contact.emails = email.into_iter().map(Into::into).collect();
        p.contact.websites = site.into_iter().map(Into::into).collect();
        p.opening_hours = hours.map(|i| OpeningHours::new(HOURS[i]));
        p.summary = summary.map(Into::into);
        p.description = detail.map(Into::into);
        p.source = source.map(Into::into);
        p.accessibility_url = access.map(Into::into);
        p.booking_url = booking.map(Into::into);
        let (
            services,
            publics,
            support,
            fees,
            access_modes,
            support_modes,
            programmes,
            fabrique,
            mut typology,
        ) = lists;
        p.services = services.into();
        p.publics = publics.into();
        p.specific_support = support.into();
        p.fees = fees.into();
        p.access_modes = access_modes.into();
        p.support_modes = support_modes.into();
        p.national_programmes = sorted(&programmes).into();
        p.training_labels = if fabrique {
            vec![TrainingLabel::FabriquesDeTerritoire]
        } else {
            vec![]
        }
        .into();
        typology.sort();
        p.typology = typology;
        p
    })
}

/// What the documentation says comes back from a round trip (see the module's loss tables).
fn expected_after_round_trip(place: &Place) -> Place {
    let mut p = place.clone();
    p.source = Some(SOURCE.into());
    if p.services.is_empty() {
        p.description = None;
        p.publics.clear();
        p.specific_support.clear();
        p.fees.clear();
        p.access_modes.clear();
        p.support_modes.clear();
        p.booking_url = None;
    } else {
        // A service has one `type`: « À distance » and the first presential mode survive.
        let remote = p.support_modes.contains(&SupportMode::Remote);
        let first = [
            SupportMode::Individual,
            SupportMode::Workshop,
            SupportMode::SelfService,
        ]
        .into_iter()
        .find(|m| p.support_modes.contains(m));
        p.support_modes = sorted(
            &first
                .into_iter()
                .chain(remote.then_some(SupportMode::Remote))
                .collect::<Vec<_>>(),
        )
        .into();
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn round_trip_keeps_every_value_data_inclusion_can_carry(place in places()) {
        let export = to_data_inclusion_with(std::slice::from_ref(&place), &options());
        // The only export diagnostics: the placeholder pivot, and what only services carry
        // when the place has none.
        let unexpected: Vec<_> = export
            .diagnostics
            .iter()
            .filter(|d| {
                let placeholder = d.column() == Some("pivot") && place.pivot == "00000000000000";
                let no_service = place.services.is_empty() && d.code() == codes::NOT_EXPORTED;
                !(placeholder || no_service)
            })
            .collect();
        prop_assert!(unexpected.is_empty(), "{:#?}", unexpected);
        let (places, diagnostics) = from_data_inclusion(&export.structures, &export.services);
        let expected_import_diagnostics = usize::from(place.pivot == "00000000000000");
        prop_assert_eq!(diagnostics.len(), expected_import_diagnostics, "{:#?}", diagnostics);
        prop_assert_eq!(places, vec![expected_after_round_trip(&place)]);
    }

    #[test]
    fn exported_records_are_always_valid(places in proptest::collection::vec(messy_places(), 1..4)) {
        let Some(schemas) = schemas() else { return Ok(()) };
        let export = to_data_inclusion_with(&places, &options());
        prop_assert_eq!(schemas.errors(&export), Vec::<String>::new());
        let known: HashSet<&str> = codes::ALL.into_iter().collect();
        prop_assert!(export.diagnostics.iter().all(|d| known.contains(d.code())));
        prop_assert!(export.structures.iter().all(|s| s.date_maj >= di::MIN_DATE_MAJ && s.date_maj <= today()));
    }
}

/// The e-mail and URI checks of the export accept only what the JSON Schema formats accept.
/// The generators give plausible values and noisy ones; the test counts the values the checks
/// accept, so that checks refusing everything cannot pass.
#[test]
fn the_syntax_checks_are_stricter_than_the_schema_formats() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let email = prop_oneof![
        "[a-zA-Z0-9!#$%&'*+/=?^_{|}~-]{1,6}(\\.[a-zA-Z0-9!#$%&'*+/=?^_{|}~-]{1,6})?@[a-zA-Z0-9-]{1,8}(\\.[a-zA-Z0-9-]{1,6})?\\.[a-zA-Z]{2,6}",
        "[a-zA-Z0-9.!#$%&'*+/=?^_{|}~é -]{0,12}@[a-zA-Z0-9.é_-]{0,14}",
    ];
    let uri = prop_oneof![
        "(https?|HTTPS)://[a-z0-9-]{1,8}(\\.[a-z0-9-]{1,5})?\\.[a-z]{2,5}(:[0-9]{1,5})?(/[a-zA-Z0-9%._~!$&'()*+,;=:@-]{0,8}){0,3}(\\?[a-zA-Z0-9%=&/?:@-]{0,10})?(#[a-zA-Z0-9/?-]{0,6})?",
        "(https?|HTTPS|ftp)://[a-z0-9.é-]{0,12}(:[0-9a]{0,6})?[/a-zA-Z0-9%._~!$&'()*+,;=:@?#\\[\\]é \"<>-]{0,24}",
    ];
    let email_format = validator(&serde_json::json!({"type": "string", "format": "email"}));
    let uri_format = validator(&serde_json::json!({"type": "string", "format": "uri"}));
    let (emails, uris) = (AtomicUsize::new(0), AtomicUsize::new(0));
    // A fixed seed: the counts are those of the same cases on every run.
    let config = ProptestConfig::with_cases(512);
    let rng = proptest::test_runner::TestRng::deterministic_rng(config.rng_algorithm);
    proptest::test_runner::TestRunner::new_with_rng(config, rng)
        .run(&(email, uri), |(email, uri)| {
            if inclusion_model::syntax::is_email(&email) {
                emails.fetch_add(1, Ordering::Relaxed);
                prop_assert!(
                    email_format.is_valid(&Value::String(email.clone())),
                    "{}",
                    email
                );
            }
            if inclusion_model::syntax::is_web_url(&uri) {
                uris.fetch_add(1, Ordering::Relaxed);
                prop_assert!(uri_format.is_valid(&Value::String(uri.clone())), "{}", uri);
            }
            Ok(())
        })
        .unwrap();
    let (emails, uris) = (emails.into_inner(), uris.into_inner());
    eprintln!("of 512 cases, the checks accepted {emails} e-mails and {uris} URIs");
    // The plausible values end with a top-level domain of letters, as real ones do: about 30 %
    // of the e-mails and 15 % of the URIs pass the checks (154 and 79 with this seed).
    assert!(
        emails >= 100 && uris >= 40,
        "{emails} e-mails, {uris} URIs accepted"
    );
}

/// Places with the defects of real data: placeholder or RNA pivots, 1970 and future dates,
/// short and long names, invalid e-mails and URLs, bad hours, short texts, unmapped values.
fn messy_places() -> impl Strategy<Value = Place> {
    (
        places(),
        prop_oneof![Just("W9R2003255"), Just("1234567"), Just("43493312300029")],
        prop_oneof![
            Just(date(1970, 1, 1)),
            Just(date(2031, 5, 1)),
            Just(date(2024, 1, 1))
        ],
        prop_oneof!["[A-Z]{0,2}", "[A-Za-z ]{151,200}", "[A-Za-z ]{3,20}"],
        proptest::collection::vec(
            prop_oneof![
                Just("été@exemple.fr".to_owned()),
                Just("contact@exemple".to_owned()),
                Just("a@b.fr".to_owned()),
                Just("x y@exemple.fr".to_owned()),
            ],
            0..3,
        ),
        proptest::collection::vec(
            prop_oneof![
                Just("www.exemple.fr".to_owned()),
                Just("https://exemple.fr/médiathèque".to_owned()),
                Just("https://exemple.fr/".to_owned()),
            ],
            0..3,
        ),
        prop_oneof![
            Just("Sa 17:00"),
            Just("Mo-Fr 09:00-12:00"),
            Just("n'importe quoi")
        ],
        prop_oneof![Just("RAS"), Just("Un texte assez long pour être gardé.")],
        ("[0-9]{4,6}", proptest::option::of("[0-9A-Z]{3,7}")),
        subset::<NationalProgramme>(),
        subset::<TrainingLabel>(),
    )
        .prop_map(
            |(
                mut p,
                pivot,
                updated,
                name,
                emails,
                sites,
                hours,
                text,
                (postcode, insee),
                programmes,
                labels,
            )| {
                p.pivot = pivot.into();
                p.updated_on = updated;
                p.name = name.into();
                p.contact.emails = emails.into_iter().map(Into::into).collect();
                p.contact.websites = sites.iter().map(|s| s.as_str().into()).collect();
                p.accessibility_url = sites.first().cloned().map(Into::into);
                p.booking_url = sites.last().cloned().map(Into::into);
                p.opening_hours = Some(OpeningHours::new(hours));
                p.summary = Some(text.into());
                p.description = Some(text.into());
                p.address.postcode = postcode.into();
                p.address.insee_code = insee.map(Into::into);
                p.national_programmes = programmes.into();
                p.training_labels = labels.into();
                p.typology.push(Typology::TiersLieux);
                p.mobility = [inclusion_model::Mobility::Itinerant].into();
                p.other_labels = vec!["Label et la bête".into()];
                p.source = Some("conseiller-numerique".into());
                p
            },
        )
}

#[test]
fn clamped_and_skipped_dates_say_so() {
    let mut old = full_place();
    old.id = "structure-0".into();
    old.updated_on = date(1970, 1, 1);
    let skip = to_data_inclusion_with(
        &[old.clone(), full_place()],
        &options().with_old_dates(OldDates::Skip),
    );
    assert_eq!(skip.structures.len(), 1);
    assert_eq!(skip.services.len(), 3);
    let d = &skip.diagnostics[0];
    assert_eq!(
        (d.code(), d.row(), d.value()),
        (codes::DATE_TOO_OLD, Some(1), Some("1970-01-01"))
    );
    assert!(d.is_error());
    let clamp = to_data_inclusion(&[old], SOURCE);
    assert_eq!(clamp.structures[0].date_maj, di::MIN_DATE_MAJ);
    assert!(
        clamp
            .services
            .iter()
            .all(|s| s.date_maj == di::MIN_DATE_MAJ)
    );
    assert!(!clamp.diagnostics[0].is_error());
}

#[test]
fn each_structure_and_service_keeps_its_source_and_services_carry_the_contacts() {
    // Was: all 188 Charente structures exported with the source of the first place, and no
    // service with a phone or an e-mail.
    let Some(bytes) = inclusion_anchors::read("real-datasets/charente.20230711.json") else {
        return;
    };
    let report = read_json_slice(&bytes, &ReadOptions::default().with_lenient(true));
    let export = to_data_inclusion_with(&report.places, &options());
    let sources: HashSet<&str> = export
        .structures
        .iter()
        .map(|s| s.source.as_str())
        .collect();
    assert_eq!(sources.len(), 6, "{sources:?}");
    let by_id: std::collections::HashMap<&str, &inclusion_exchange::data_inclusion::Structure> =
        export
            .structures
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
    let mut with_contact = 0;
    for service in &export.services {
        let structure = by_id[service.structure_id.as_str()];
        assert_eq!(service.source, structure.source);
        assert!(service.id.starts_with(&format!("{}--", structure.source)));
        assert_eq!(service.telephone, structure.telephone);
        assert_eq!(service.courriel, structure.courriel);
        assert_eq!(service.horaires_accueil, structure.horaires_accueil);
        with_contact += usize::from(service.telephone.is_some() || service.courriel.is_some());
    }
    // 65 phones and 53 e-mails (the v0.1 `courriel` column, read into `courriels`) in 188 places.
    assert!(
        with_contact * 3 > export.services.len(),
        "{with_contact} of {}",
        export.services.len()
    );
    let place = |structure: &inclusion_exchange::data_inclusion::Structure| {
        report
            .places
            .iter()
            .find(|p| structure.id.ends_with(&format!("--{}", p.id)))
            .unwrap()
    };
    for structure in &export.structures {
        assert_eq!(
            place(structure).source.as_deref(),
            Some(structure.source.as_str())
        );
    }
    // A place without a source takes the export's.
    let mut anonymous = report.places[0].clone();
    anonymous.source = None;
    let e = to_data_inclusion_with(&[anonymous], &options());
    assert_eq!(e.structures[0].source, options().source);
}
