//! The stable codes of the [`Diagnostic`](inclusion_model::Diagnostic)s of the data·inclusion
//! conversion (the table is in the [module documentation](super#diagnostics)).

/// Two places (export) or two structures (import) with the same `id`: the later one is left out.
pub const DUPLICATE_ID: &str = "data_inclusion.duplicate_id";
/// A value of a place that data·inclusion has no field or code for: not exported.
pub const NOT_EXPORTED: &str = "data_inclusion.not_exported";
/// A value of a place that does not meet data·inclusion's schema (e-mail, URI, SIRET,
/// postcode, INSEE code, opening hours, a text too short): not exported.
pub const INVALID_FOR_EXPORT: &str = "data_inclusion.invalid_for_export";
/// `date_maj` before 2000-01-01: exported as 2000-01-01, or the place left out.
pub const DATE_TOO_OLD: &str = "data_inclusion.date_maj_too_old";
/// `date_maj` after today: exported as today.
pub const DATE_FUTURE: &str = "data_inclusion.date_maj_future";
/// `nom` shorter than 3 or longer than 150 characters: completed or shortened.
pub const NOM_ADJUSTED: &str = "data_inclusion.nom_adjusted";
/// A presentation longer than 10 000 characters: shortened.
pub const TRUNCATED: &str = "data_inclusion.truncated";
/// `horaires` that parse only after corrections (French day names, `9h-12h`): exported in
/// OpenStreetMap syntax.
pub const HOURS_CORRECTED: &str = "data_inclusion.horaires_corrected";
/// A theme that stands for no service of the standard.
pub const UNMAPPED_THEMATIQUE: &str = "data_inclusion.unmapped_thematique";
/// A public that the standard does not name.
pub const UNMAPPED_PUBLIC: &str = "data_inclusion.unmapped_public";
/// A network that is no programme, label or `typologie` code of the standard.
pub const UNMAPPED_RESEAU_PORTEUR: &str = "data_inclusion.unmapped_reseau_porteur";
/// A service `type` that is no support mode of the standard.
pub const UNMAPPED_TYPE: &str = "data_inclusion.unmapped_type";
/// A field (or a value of a field) that the standard has no place for.
pub const UNMAPPED_FIELD: &str = "data_inclusion.unmapped_field";
/// A structure without SIRET: the place's `pivot` is the placeholder `00000000000000`.
pub const MISSING_SIRET: &str = "data_inclusion.missing_siret";
/// A structure without `adresse`, `code_postal` or `commune` (required by the standard): no place.
pub const MISSING_ADDRESS: &str = "data_inclusion.missing_address";
/// A service whose `structure_id` is the `id` of no structure: left out.
pub const ORPHAN_SERVICE: &str = "data_inclusion.orphan_service";
/// A value that cannot be used (coordinates out of range or alone, a malformed SIRET).
pub const INVALID_VALUE: &str = "data_inclusion.invalid_value";
/// Services of one structure with different descriptions: joined into `presentation_detail`.
pub const DESCRIPTIONS_MERGED: &str = "data_inclusion.descriptions_merged";
/// A data·inclusion file that is not a JSON array.
pub const INVALID_JSON: &str = "data_inclusion.invalid_json";
/// A record of a data·inclusion file that is not a valid structure or service: left out.
pub const INVALID_RECORD: &str = "data_inclusion.invalid_record";

/// Every code, for documentation and tests.
pub const ALL: [&str; 20] = [
    DUPLICATE_ID,
    NOT_EXPORTED,
    INVALID_FOR_EXPORT,
    DATE_TOO_OLD,
    DATE_FUTURE,
    NOM_ADJUSTED,
    TRUNCATED,
    HOURS_CORRECTED,
    UNMAPPED_THEMATIQUE,
    UNMAPPED_PUBLIC,
    UNMAPPED_RESEAU_PORTEUR,
    UNMAPPED_TYPE,
    UNMAPPED_FIELD,
    MISSING_SIRET,
    MISSING_ADDRESS,
    ORPHAN_SERVICE,
    INVALID_VALUE,
    DESCRIPTIONS_MERGED,
    INVALID_JSON,
    INVALID_RECORD,
];

#[cfg(test)]
mod tests {
    use super::ALL;

    #[test]
    fn every_code_is_unique_and_in_the_module_table() {
        let docs = include_str!("mod.rs");
        for (i, code) in ALL.iter().enumerate() {
            assert!(code.starts_with("data_inclusion."), "{code}");
            assert!(!ALL[..i].contains(code), "{code} twice");
            assert!(
                docs.contains(&format!("| `{code}` |")),
                "{code} is not documented"
            );
        }
    }
}
