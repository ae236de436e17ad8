//! The messages of the data·inclusion conversion's diagnostics: one
//! [`Template`](inclusion_model::diagnostic::Template) per code or variant of a code (each
//! with a stable key), in French and in English, defined with
//! [`message_table!`](inclusion_model::message_table) as the model's
//! [`messages`](inclusion_model::messages) are.
//!
//! ```
//! use inclusion_exchange::data_inclusion::{messages, to_data_inclusion, codes};
//! use inclusion_model::{Address, Place};
//! use chrono::NaiveDate;
//!
//! let place = Place::new("p1", "W9R2003255", "Mairie", Address::new("1 rue X", "51100", "Reims"),
//!     NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
//! let export = to_data_inclusion(&[place], "hub");
//! let d = &export.diagnostics[0];
//! assert_eq!(d.template(), &messages::NOT_EXPORTED_RNA);
//! assert_eq!(d.code(), codes::NOT_EXPORTED);
//! assert_eq!(d.message_en(), "value not exported to data·inclusion: data·inclusion v1 has no RNA field any more, only the SIRET");
//! ```

use super::codes;

inclusion_model::message_table! {
    // --- Export ---

    /// A place whose `id` an earlier place has.
    DUPLICATE_PLACE = codes::DUPLICATE_ID, "data_inclusion.duplicate_id.place",
        "cet id est déjà celui d'un lieu précédent : le lieu n'est pas exporté ; donnez à chaque lieu un id unique",
        "this id is already used by an earlier place: the place is not exported; give every place a unique id";
    /// An RNA pivot.
    NOT_EXPORTED_RNA = codes::NOT_EXPORTED, "data_inclusion.not_exported.rna",
        "valeur non exportée vers data·inclusion : data·inclusion v1 n'a plus de champ RNA, seulement le SIRET",
        "value not exported to data·inclusion: data·inclusion v1 has no RNA field any more, only the SIRET";
    /// The values of a list after the first.
    NOT_EXPORTED_FIRST_ONLY = codes::NOT_EXPORTED, "data_inclusion.not_exported.first_only",
        "valeur non exportée vers data·inclusion : data·inclusion n'accepte qu'une valeur ; seule la première est exportée",
        "value not exported to data·inclusion: data·inclusion takes one value; only the first one is exported";
    /// Programmes, labels, `typologie` codes without network.
    NOT_EXPORTED_NETWORK = codes::NOT_EXPORTED, "data_inclusion.not_exported.network",
        "valeur non exportée vers data·inclusion : aucun réseau porteur data·inclusion ne lui correspond (data·inclusion v1 n'a pas de typologie)",
        "value not exported to data·inclusion: no data·inclusion réseau porteur matches it (data·inclusion v1 has no typologie)";
    /// `itinerance`.
    NOT_EXPORTED_MOBILITY = codes::NOT_EXPORTED, "data_inclusion.not_exported.itinerance",
        "valeur non exportée vers data·inclusion : data·inclusion n'a pas de champ itinérance",
        "value not exported to data·inclusion: data·inclusion has no itinerance field";
    /// `structure_parente`.
    NOT_EXPORTED_PARENT = codes::NOT_EXPORTED, "data_inclusion.not_exported.structure_parente",
        "valeur non exportée vers data·inclusion : data·inclusion n'a pas de champ structure parente",
        "value not exported to data·inclusion: data·inclusion has no parent-structure field";
    /// `autres_formations_labels`.
    NOT_EXPORTED_OTHER_LABELS = codes::NOT_EXPORTED, "data_inclusion.not_exported.autres_formations_labels",
        "valeur non exportée vers data·inclusion : data·inclusion n'a pas de champ pour les autres formations et labels",
        "value not exported to data·inclusion: data·inclusion has no field for other trainings and labels";
    /// What only services carry, on a place without service.
    NOT_EXPORTED_NO_SERVICE = codes::NOT_EXPORTED, "data_inclusion.not_exported.no_service",
        "valeur non exportée vers data·inclusion : le lieu n'a aucun service, et data·inclusion porte cette information sur les services",
        "value not exported to data·inclusion: the place has no service, and data·inclusion carries this on services";
    /// The placeholder SIRET.
    INVALID_PLACEHOLDER = codes::INVALID_FOR_EXPORT, "data_inclusion.invalid_for_export.placeholder",
        "valeur non exportée, refusée par le schéma data·inclusion : SIRET fictif 00000000000000 ; indiquez le SIRET du lieu",
        "value not exported, data·inclusion's schema refuses it: placeholder SIRET 00000000000000; give the place's SIRET";
    /// A pivot that is neither SIRET nor RNA.
    INVALID_SIRET = codes::INVALID_FOR_EXPORT, "data_inclusion.invalid_for_export.siret",
        "valeur non exportée, refusée par le schéma data·inclusion : le SIRET doit avoir 14 chiffres",
        "value not exported, data·inclusion's schema refuses it: the SIRET must be 14 digits";
    /// A postcode that is not 5 digits.
    INVALID_POSTCODE = codes::INVALID_FOR_EXPORT, "data_inclusion.invalid_for_export.code_postal",
        "valeur non exportée, refusée par le schéma data·inclusion : le code postal doit avoir 5 chiffres",
        "value not exported, data·inclusion's schema refuses it: the postcode must be 5 digits";
    /// A code INSEE outside the standard's pattern.
    INVALID_INSEE = codes::INVALID_FOR_EXPORT, "data_inclusion.invalid_for_export.code_insee",
        "valeur non exportée, refusée par le schéma data·inclusion : le code INSEE doit avoir 5 caractères : 2 chiffres (2A ou 2B en Corse) puis 3 chiffres",
        "value not exported, data·inclusion's schema refuses it: the INSEE code must be 5 characters: 2 digits (2A or 2B in Corsica) then 3 digits";
    /// An e-mail or web address of a list.
    INVALID_SYNTAX = codes::INVALID_FOR_EXPORT, "data_inclusion.invalid_for_export.syntax",
        "valeur non exportée, refusée par le schéma data·inclusion : syntaxe invalide (RFC 5322 pour un courriel, URI http(s) pour un site)",
        "value not exported, data·inclusion's schema refuses it: invalid syntax (RFC 5322 for an e-mail, http(s) URI for a web site)";
    /// `fiche_acces_libre`, `prise_rdv`.
    INVALID_URI = codes::INVALID_FOR_EXPORT, "data_inclusion.invalid_for_export.uri",
        "valeur non exportée, refusée par le schéma data·inclusion : URI http(s) invalide",
        "value not exported, data·inclusion's schema refuses it: invalid http(s) URI";
    /// `horaires` that do not parse.
    INVALID_HOURS = codes::INVALID_FOR_EXPORT, "data_inclusion.invalid_for_export.horaires",
        "valeur non exportée, refusée par le schéma data·inclusion : data·inclusion demande la syntaxe OpenStreetMap opening_hours",
        "value not exported, data·inclusion's schema refuses it: data·inclusion requires the OpenStreetMap opening_hours syntax";
    /// A presentation under 5 characters.
    INVALID_SHORT_TEXT = codes::INVALID_FOR_EXPORT, "data_inclusion.invalid_for_export.short_text",
        "valeur non exportée, refusée par le schéma data·inclusion : moins de 5 caractères",
        "value not exported, data·inclusion's schema refuses it: shorter than 5 characters";
    /// A date before 2000, exported as 2000-01-01.
    DATE_CLAMPED = codes::DATE_TOO_OLD, "data_inclusion.date_maj_too_old.clamped",
        "date_maj antérieure au 2000-01-01 (refusée par data·inclusion) : exportée comme 2000-01-01 ; indiquez la vraie date de mise à jour",
        "date_maj before 2000-01-01 (refused by data·inclusion): exported as 2000-01-01; give the real date of the last update";
    /// A date before 2000: the place is left out.
    DATE_SKIPPED = codes::DATE_TOO_OLD, "data_inclusion.date_maj_too_old.skipped",
        "date_maj antérieure au 2000-01-01 (refusée par data·inclusion) : le lieu n'est pas exporté ; indiquez la vraie date de mise à jour",
        "date_maj before 2000-01-01 (refused by data·inclusion): the place is not exported; give the real date of the last update";
    /// A date in the future: `{0}` today.
    DATE_FUTURE = codes::DATE_FUTURE, "data_inclusion.date_maj_future",
        "date_maj dans le futur (refusée par data·inclusion) : exportée comme {0} ; corrigez la date",
        "date_maj in the future (refused by data·inclusion): exported as {0}; fix the date";
    /// A name under 3 characters: `{0}` the name exported.
    NOM_TOO_SHORT = codes::NOM_ADJUSTED, "data_inclusion.nom_adjusted.short",
        "nom de moins de 3 caractères (refusé par data·inclusion) : exporté comme « {0} »",
        "nom shorter than 3 characters (refused by data·inclusion): exported as '{0}'";
    /// A name over 150 characters.
    NOM_TOO_LONG = codes::NOM_ADJUSTED, "data_inclusion.nom_adjusted.long",
        "nom de plus de 150 caractères (refusé par data·inclusion) : raccourci ; donnez un nom plus court",
        "nom longer than 150 characters (refused by data·inclusion): shortened; give a shorter name";
    /// A presentation over 10,000 characters.
    TRUNCATED = codes::TRUNCATED, "data_inclusion.truncated",
        "texte de plus de 10 000 caractères (refusé par data·inclusion) : raccourci",
        "text longer than 10,000 characters (refused by data·inclusion): shortened";
    /// Hours exported corrected: `{0}` the corrected text.
    HOURS_CORRECTED = codes::HOURS_CORRECTED, "data_inclusion.horaires_corrected",
        "horaires hors syntaxe OpenStreetMap, exportés corrigés : « {0} » ; écrivez-les ainsi",
        "opening hours outside the OpenStreetMap syntax, exported corrected: '{0}'; write them so";

    // --- Import ---

    /// A structure whose `id` an earlier structure has.
    DUPLICATE_STRUCTURE = codes::DUPLICATE_ID, "data_inclusion.duplicate_id.structure",
        "cet id est déjà celui d'une structure précédente : la structure n'est pas reprise",
        "this id is already used by an earlier structure: the structure is not imported";
    /// A service without structure.
    ORPHAN_SERVICE = codes::ORPHAN_SERVICE, "data_inclusion.orphan_service",
        "aucune structure n'a cet id : le service n'est pas repris ; ajoutez sa structure",
        "no structure has this id: the service is not imported; add its structure";
    /// A field the standard has no place for.
    UNMAPPED_FIELD = codes::UNMAPPED_FIELD, "data_inclusion.unmapped_field",
        "le standard des lieux de médiation numérique n'a pas d'équivalent : la valeur n'est pas reprise",
        "the standard of the lieux de médiation numérique has no equivalent: the value is not imported";
    /// A structure without address.
    MISSING_ADDRESS = codes::MISSING_ADDRESS, "data_inclusion.missing_address",
        "adresse, code postal et commune sont obligatoires dans le standard : la structure n'est pas reprise ; complétez son adresse",
        "street, postcode and commune are required by the standard: the structure is not imported; complete its address";
    /// A SIRET that is not 14 digits.
    INVALID_SIRET_IMPORT = codes::INVALID_VALUE, "data_inclusion.invalid_value.siret",
        "un SIRET a 14 chiffres : le pivot est le SIRET fictif 00000000000000",
        "a SIRET is 14 digits: the pivot is the placeholder 00000000000000";
    /// Coordinates out of range.
    INVALID_COORDINATES = codes::INVALID_VALUE, "data_inclusion.invalid_value.coordinates",
        "coordonnées hors des bornes (latitude dans [-90, 90], longitude dans [-180, 180]) : non reprises",
        "coordinates out of range (latitude in [-90, 90], longitude in [-180, 180]): not imported";
    /// One coordinate alone.
    LONE_COORDINATE = codes::INVALID_VALUE, "data_inclusion.invalid_value.lone_coordinate",
        "latitude et longitude vont ensemble : la coordonnée seule n'est pas reprise",
        "latitude and longitude go together: the lone coordinate is not imported";
    /// A structure without SIRET.
    MISSING_SIRET = codes::MISSING_SIRET, "data_inclusion.missing_siret",
        "pas de SIRET : le pivot (obligatoire) est le SIRET fictif 00000000000000 ; indiquez le SIRET ou le RNA",
        "no SIRET: the (required) pivot is the placeholder 00000000000000; give the SIRET or RNA number";
    /// A network the standard does not name.
    UNMAPPED_RESEAU_PORTEUR = codes::UNMAPPED_RESEAU_PORTEUR, "data_inclusion.unmapped_reseau_porteur",
        "ce réseau porteur n'est ni un dispositif, ni une formation ou un label, ni une typologie du standard : il n'est pas repris",
        "this réseau porteur is no programme, training or label, nor typologie of the standard: it is not imported";
    /// Services with different descriptions.
    DESCRIPTIONS_MERGED = codes::DESCRIPTIONS_MERGED, "data_inclusion.descriptions_merged",
        "les services de la structure ont des descriptions différentes : elles sont réunies dans presentation_detail",
        "the structure's services have different descriptions: they are joined in presentation_detail";
    /// A theme without service.
    UNMAPPED_THEMATIQUE = codes::UNMAPPED_THEMATIQUE, "data_inclusion.unmapped_thematique",
        "cette thématique ne correspond à aucun service du standard : elle n'est pas reprise",
        "this thématique matches no service of the standard: it is not imported";
    /// A service type without support mode.
    UNMAPPED_TYPE = codes::UNMAPPED_TYPE, "data_inclusion.unmapped_type",
        "ce type de service n'est pas une modalité d'accompagnement du standard : il n'est pas repris",
        "this service type is no support mode of the standard: it is not imported";
    /// A public the standard does not name.
    UNMAPPED_PUBLIC = codes::UNMAPPED_PUBLIC, "data_inclusion.unmapped_public",
        "ce public n'est pas un public spécifiquement adressé du standard : il n'est pas repris",
        "this public is not one the standard names: it is not imported";
    /// Not a JSON array: `{0}` what (`structure`, `service`), `{1}` the parser's error.
    INVALID_JSON = codes::INVALID_JSON, "data_inclusion.invalid_json",
        "le fichier n'est pas un tableau JSON de {0}s data·inclusion : {1}",
        "the file is not a JSON array of data·inclusion {0}s: {1}";
    /// A record that is not a structure or service: `{0}` what, `{1}` the parser's error.
    INVALID_RECORD = codes::INVALID_RECORD, "data_inclusion.invalid_record",
        "{0} non conforme à data·inclusion v1, non reprise : {1}",
        "{0} does not conform to data·inclusion v1, not imported: {1}";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_message_and_every_message_a_code_of_the_table() {
        for code in codes::ALL {
            assert!(
                ALL.iter().any(|t| t.code() == code),
                "{code} has no message"
            );
        }
        for t in ALL {
            assert!(codes::ALL.contains(&t.code()), "{}", t.key());
        }
        assert_eq!(
            inclusion_model::diagnostic::table_problems(ALL),
            Vec::<String>::new()
        );
    }
}
