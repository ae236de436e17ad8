//! Conversion between places and **data·inclusion v1** (schema 1.0.10 of the GIP de
//! l'inclusion: `structures` and `services`), in both directions, with every loss reported.
//!
//! # What is here
//!
//! * **Export** — [`to_data_inclusion`] (`places`, `source`) and [`to_data_inclusion_with`]
//!   ([`ExportOptions`]: "today", [`OldDates`]) give a [`DataInclusionExport`]: the
//!   [`Structure`]s, the [`Service`]s and one [`Diagnostic`](inclusion_model::Diagnostic) per value not
//!   exported or changed. [`DataInclusionExport::write_json`] (or `structures_json` /
//!   `services_json`) writes the two JSON arrays. What it writes is valid against
//!   data·inclusion's JSON Schema, formats included (tested with the `jsonschema` crate on the
//!   real places of the Hub du Sud dataset and on generated places).
//! * **Import** — [`from_data_inclusion`] (structures, services) gives places and diagnostics;
//!   [`read_structures_json`] / [`read_services_json`] read the JSON arrays record by record.
//! * **Types** — [`Structure`] and [`Service`] field for field (serde, `schemars::JsonSchema`),
//!   the code lists [`Theme`] (69 `thematiques`) and [`Network`] (108 `reseaux_porteurs`), the
//!   short enumerations [`Cost`], [`ReceptionMode`], [`MobilisationMode`], [`Mobiliser`],
//!   [`ServiceType`], [`Audience`].
//! * **Tables** — [`mapping`] (every correspondence, as `const` tables), [`precisions`] (the
//!   texts written in free-text fields), [`codes`]. The syntax checks (e-mail, URI, SIRET,
//!   postcode, code INSEE) are those of the model, [`inclusion_model::syntax`].
//!
//! ```
//! use inclusion_model::{Place, Address, Service, Public, Fee, SupportMode, AccessMode};
//! use inclusion_exchange::data_inclusion::{to_data_inclusion, from_data_inclusion};
//! use chrono::NaiveDate;
//!
//! let mut place = Place::new("p1", "43493312300029", "Espace numérique de Reims",
//!     Address::new("12 BIS RUE DE LECLERCQ", "51100", "Reims"),
//!     NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
//! place.summary = Some("Ateliers et accompagnement au numérique.".into());
//! place.services = [Service::AdministrativeProcedures, Service::SafeUse].into();
//! place.publics = [Public::Seniors].into();
//! place.fees = [Fee::FreeUnderConditions].into();
//! place.support_modes = [SupportMode::Workshop, SupportMode::Remote].into();
//! place.access_modes = [AccessMode::WalkIn, AccessMode::Phone].into();
//!
//! let export = to_data_inclusion(&[place.clone()], "mediation-numerique");
//! assert_eq!((export.structures.len(), export.services.len()), (1, 2));
//! assert_eq!(export.services[0].frais_precisions.as_deref(), Some("Frais à charge : Gratuit sous condition"));
//!
//! let (places, diagnostics) = from_data_inclusion(&export.structures, &export.services);
//! assert!(diagnostics.is_empty());
//! let back = &places[0];
//! assert_eq!(back.id, "p1");
//! assert_eq!(back.services, place.services);
//! assert_eq!(back.fees, place.fees);
//! assert_eq!(back.support_modes, place.support_modes);
//! assert_eq!(back.source.as_deref(), Some("mediation-numerique"));
//! ```
//!
//! # One data·inclusion service per service of the place
//!
//! A place becomes one structure and **one service per value of its `services` column** (in
//! the standard's order), not one service grouping them. Why:
//!
//! * data·inclusion is searched by service: each of our services has its own themes (see
//!   [`mapping::SERVICE_THEMES`]), so a search for "acquérir un équipement" finds the service
//!   « Acquisition de matériel informatique à prix solidaire », not a catch-all;
//! * the service's `nom` is the standard's label, so the import gives back exactly the
//!   services that were exported, although four of them share the theme
//!   `numerique--maitriser-les-fondamentaux-du-numerique` (data·inclusion has only four
//!   `numerique` themes for our nine services);
//! * the standard describes publics, fees, access and support modes per place, not per
//!   service: they are repeated on every service, which is what data·inclusion expects (each
//!   service stands alone).
//!
//! A place without any service gives a structure and no service.
//!
//! # Where each exported value comes from
//!
//! | data·inclusion field | value |
//! |---|---|
//! | structure `source`, service `source` | the place's `source` (the producer of the place: a file gathered from several producers keeps each); the `source` argument for a place without one |
//! | structure `id` | `<source>--<id>` |
//! | structure `nom` | `nom`; shorter than 3 characters: `<nom> (<commune>)`; longer than 150: cut to 149 + `…` (a final period, which data·inclusion's description discourages but its schema accepts, is kept) |
//! | `date_maj` (both) | `date_maj`, within data·inclusion's bounds (see [below](#date_maj)) |
//! | structure `description` | `presentation_resume` (5 to 10 000 characters) |
//! | `siret` | `pivot` when it is 14 digits and not the placeholder `00000000000000` |
//! | `commune`, `code_postal`, `code_insee`, `adresse`, `complement_adresse`, `latitude`, `longitude` (both) | the same columns (`code_postal` must be 5 digits, `code_insee` 5 characters) |
//! | `telephone` | `telephone` |
//! | `courriel` | the first valid address of `courriels` |
//! | `site_web` | the first valid URI of `site_web` |
//! | `horaires_accueil` (structure) | `horaires` as written when it is OpenStreetMap syntax; in the corrected form when it parses only after the corrections of [`OpeningHours`](inclusion_model::OpeningHours) (French day names, `9h-12h`) |
//! | `accessibilite_lieu` | `fiche_acces_libre` |
//! | `reseaux_porteurs` | `dispositif_programmes_nationaux`, `formations_labels` and `typologie` through [`mapping::PROGRAMME_NETWORKS`], [`mapping::LABEL_NETWORKS`], [`mapping::TYPOLOGY_NETWORKS`] |
//! | service `id` | `<structure id>--<slug of the service>` (e.g. `…--acces-internet-et-materiel-informatique`) |
//! | service `nom` | the service's label in the standard (e.g. « Accès internet et matériel informatique ») |
//! | service `description` | `presentation_detail` (5 to 10 000 characters), else « `<service>` : service de médiation numérique proposé par `<nom>`. » |
//! | `thematiques` | [`mapping::SERVICE_THEMES`] |
//! | `type` | the first of « Accompagnement individuel » → `accompagnement`, « Dans un atelier collectif » → `atelier`, « En autonomie » → `aide-materielle` in `modalites_accompagnement` |
//! | `modes_accueil` | « À distance » → `a-distance`; any other support mode → `en-presentiel` |
//! | `frais` | `frais_a_charge`: `payant` if « Payant » is in it, else `gratuit` |
//! | `frais_precisions` | « Frais à charge : … » with the labels, unless the fees are exactly « Gratuit » or exactly « Payant » |
//! | `publics` | `publics_specifiquement_adresses` through [`mapping::PUBLIC_AUDIENCES`]; none → `tous-publics` |
//! | `publics_precisions` | « Prise en charge spécifique : … » with the labels of `prise_en_charge_specifique` |
//! | `modes_mobilisation`, `mobilisable_par` | `modalites_acces` through [`mapping::mobilisation_of`] |
//! | `mobilisation_precisions` | « Modalités d'accès : … » with the labels, when the codes do not give them back exactly |
//! | `lien_mobilisation` | `prise_rdv` |
//! | service `telephone`, `courriel`, `horaires_accueil` | the structure's (a service stands alone: it says how to reach it and when) |
//! | `lien_source`, `conditions_acces`, `zone_eligibilite`, `contact_nom_prenom`, `volume_horaire_hebdomadaire`, `nombre_semaines` | not written |
//!
//! # What the export loses
//!
//! Each loss that depends on the data gives a diagnostic (column = the standard's column).
//!
//! | standard column | kept | lost |
//! |---|---|---|
//! | `id`, `nom`, `commune`, `code_postal`, `code_insee`, `adresse`, `complement_adresse`, `latitude`, `longitude`, `telephone`, `fiche_acces_libre` | yes | invalid postcodes, INSEE codes, URIs (`invalid_for_export`) |
//! | `pivot` | SIRET | RNA numbers (no RNA field in v1), RIDET and other forms, the placeholder `00000000000000` |
//! | `typologie` | the 51 codes of [`mapping::TYPOLOGY_NETWORKS`] (as networks) | every other code (v1 has no typologie) |
//! | `courriels`, `site_web` | the first valid value | the other values |
//! | `horaires` | valid OpenStreetMap text, as written (corrected text in its corrected form) | text that does not parse |
//! | `presentation_resume` | yes | fewer than 5 characters; beyond 10 000 characters |
//! | `presentation_detail` | when the place has a service | fewer than 5 characters; places without services |
//! | `source` | yes | |
//! | `itinerance`, `structure_parente`, `autres_formations_labels` | no | always (no field) |
//! | `date_maj` | dates from 2000-01-01 to today | older and future dates are moved into that range |
//! | `services` | yes (one service each) | |
//! | `publics_specifiquement_adresses`, `prise_en_charge_specifique`, `frais_a_charge`, `modalites_acces`, `prise_rdv` | yes, when the place has a service | all of it when the place has none (data·inclusion carries them on services) |
//! | `modalites_accompagnement` | « À distance », and the first of « Accompagnement individuel », « Dans un atelier collectif », « En autonomie » | the others of these three (a service has a single `type`) |
//! | `dispositif_programmes_nationaux` | the 7 of [`mapping::PROGRAMME_NETWORKS`] | « Bibliothèques numérique de référence », « Certification PIX », « Promeneurs du net », « Relais numérique (Emmaüs Connect) » |
//! | `formations_labels` | « Fabriques de Territoire » | the 9 others (no network) |
//! | columns outside the standard (`Place::extra`) | no | always, without diagnostic (like the standard's writers) |
//!
//! The order and duplicates of lists are not kept: data·inclusion lists are sets; imported
//! lists come back in the standard's order.
//!
//! # What the import loses
//!
//! Each value gives a diagnostic (row = 1-based position in its array, column =
//! `structure.<field>` or `service.<field>`), except service ids.
//!
//! | data·inclusion field | becomes | lost |
//! |---|---|---|
//! | structure `id` | `id`, without the `<source>--` prefix | |
//! | `source` | `source` | |
//! | `siret` | `pivot` | none: `pivot` is the placeholder `00000000000000` (`missing_siret`) |
//! | `nom`, address fields, `telephone`, `accessibilite_lieu` | the same columns | structures without `adresse`, `code_postal` or `commune` give no place (`missing_address`) |
//! | `latitude`, `longitude` | coordinates | out of range, or only one of them |
//! | `courriel`, `site_web` | `courriels`, `site_web` | |
//! | `horaires_accueil` | `horaires` | |
//! | structure `description` | `presentation_resume` | |
//! | structure `date_maj` | `date_maj` (the latest of the structure's and its services') | a clamped 2000-01-01 stays 2000-01-01 |
//! | `reseaux_porteurs` | programmes, labels and `typologie` codes of the three tables | the other networks (`unmapped_reseau_porteur`) |
//! | `lien_source`, fields outside v1.0.10 | | always (`unmapped_field`) |
//! | service `nom` | a service of the standard when it is one of its labels | other names (`unmapped_field`) |
//! | service `id` | | always, without diagnostic (an identifier, rebuilt on export) |
//! | `thematiques` | services, by [`mapping::services_from_themes`] | themes that stand for no service (`unmapped_thematique`) |
//! | service `description` | `presentation_detail` (several different ones are joined) | the export's generated description (recognised) |
//! | `type` | `accompagnement`, `atelier`, `aide-materielle` → support modes | `aide-financiere`, `formation`, `information` (`unmapped_type`) |
//! | `modes_accueil` | `a-distance` → « À distance » | `en-presentiel` without a `type` that gives a support mode |
//! | `frais`, `frais_precisions` | `frais_a_charge` (the export's text, else `gratuit`/`payant`) | other texts |
//! | `publics` | `publics_specifiquement_adresses` | `tous-publics` means none; the 8 publics the standard does not name (`unmapped_public`) |
//! | `publics_precisions` | `prise_en_charge_specifique` (the export's text) | other texts |
//! | `modes_mobilisation`, `mobilisable_par`, `mobilisation_precisions` | `modalites_acces` | other texts; `professionnels` without `envoyer-un-courriel` |
//! | `lien_mobilisation` | `prise_rdv` | a second, different link |
//! | `lien_source`, `conditions_acces`, `zone_eligibilite`, `contact_nom_prenom`, `volume_horaire_hebdomadaire`, `nombre_semaines` | | always |
//! | service address, coordinates, `telephone`, `courriel`, `horaires_accueil` | | when different from the structure's |
//!
//! What survives a round trip place → data·inclusion → place (property-tested): every column
//! except those listed as lost above, with lists compared as sets.
//!
//! # `date_maj`
//!
//! data·inclusion requires 2000-01-01 ≤ `date_maj` ≤ today. A later date is exported as today
//! (`date_maj_future`, warning). An earlier one — in real data mostly the placeholder
//! `1970-01-01` — is exported as 2000-01-01 with a warning by default ([`OldDates::Clamp`]: the
//! place stays findable, and consumers that filter on freshness treat it as the stalest
//! possible, which an unknown date is), or the place is left out with an error
//! ([`OldDates::Skip`]). Both carry the code `date_maj_too_old` and the original date.
//!
//! # Diagnostics
//!
//! | code | direction | severity | meaning |
//! |---|---|---|---|
//! | `data_inclusion.duplicate_id` | both | error | a second place / structure with the same id: left out |
//! | `data_inclusion.not_exported` | export | warning | a value data·inclusion has no field or code for |
//! | `data_inclusion.invalid_for_export` | export | warning | a value data·inclusion's schema refuses (e-mail, URI, SIRET, postcode, INSEE code, opening hours, text under 5 characters) |
//! | `data_inclusion.date_maj_too_old` | export | warning (clamped) / error (skipped) | `date_maj` before 2000-01-01 |
//! | `data_inclusion.date_maj_future` | export | warning | `date_maj` after today: exported as today |
//! | `data_inclusion.nom_adjusted` | export | warning | `nom` under 3 or over 150 characters: completed or cut |
//! | `data_inclusion.truncated` | export | warning | a presentation over 10 000 characters: cut |
//! | `data_inclusion.horaires_corrected` | export | warning | `horaires` that parse only after corrections: exported corrected |
//! | `data_inclusion.unmapped_thematique` | import | warning | a theme that stands for no service |
//! | `data_inclusion.unmapped_public` | import | warning | a public the standard does not name |
//! | `data_inclusion.unmapped_reseau_porteur` | import | warning | a network that is no programme, label or typologie |
//! | `data_inclusion.unmapped_type` | import | warning | `aide-financiere`, `formation`, `information` |
//! | `data_inclusion.unmapped_field` | import | warning | a field or value the standard has no place for |
//! | `data_inclusion.missing_siret` | import | warning | no SIRET: placeholder pivot |
//! | `data_inclusion.missing_address` | import | error | no `adresse`, `code_postal` or `commune`: no place |
//! | `data_inclusion.orphan_service` | import | error | a service of no known structure: left out |
//! | `data_inclusion.invalid_value` | import | warning | coordinates out of range or alone, a SIRET that is not 14 digits |
//! | `data_inclusion.descriptions_merged` | import | warning | different service descriptions joined in `presentation_detail` |
//! | `data_inclusion.invalid_json` | import | error | the file is not a JSON array |
//! | `data_inclusion.invalid_record` | import | error | a record that is not a valid structure or service: left out |

mod code_set;
pub mod codes;
mod export;
mod import;
mod json;
pub mod mapping;
pub mod messages;
mod model;
mod network;
pub mod precisions;
mod theme;
mod vocabulary;

pub use export::{
    DataInclusionExport, ExportOptions, MIN_DATE_MAJ, OldDates, to_data_inclusion,
    to_data_inclusion_with,
};
pub use import::from_data_inclusion;
pub use json::{read_services_json, read_structures_json};
pub use model::{Extra, Service, Structure};
pub use network::Network;
pub use theme::Theme;
pub use vocabulary::{Audience, Cost, MobilisationMode, Mobiliser, ReceptionMode, ServiceType};
