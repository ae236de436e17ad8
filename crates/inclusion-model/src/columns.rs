//! The 32 columns of the standard (schema v1.0.2), in schema order.
//!
//! This table is the single source of the column names, titles and required flags used by the
//! readers, the writers, the validator and the Table Schema export.
//!
//! ```
//! use inclusion_model::Column;
//!
//! assert_eq!(Column::ALL.len(), 32);
//! assert_eq!(Column::ALL[0].name(), "id");
//! assert_eq!(Column::from_name("date_maj"), Some(Column::UpdatedOn));
//! assert!(Column::UpdatedOn.is_required());
//! assert!(!Column::Services.is_required()); // no longer required since v1.0.1
//! ```

use std::fmt;

/// The kind of value a column holds, as the standard's Table Schema declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnKind {
    /// Free text (`type: string`, no pattern).
    Text,
    /// Text with a pattern (`pivot`, `code_postal`, `code_insee`, `telephone`).
    Patterned,
    /// A decimal number (`type: number`): `latitude`, `longitude`.
    Number,
    /// A date `YYYY-MM-DD` (`type: date`): `date_maj`.
    Date,
    /// A `|`-separated list of labels of a closed vocabulary (list pattern).
    Vocabulary,
    /// A `|`-separated list of free values (`typologie`, `courriels`, `site_web`,
    /// `autres_formations_labels`): no constraint in the standard.
    FreeList,
}

macro_rules! columns {
    ($( $variant:ident => $name:literal, $title:literal, $required:literal, $kind:ident; )+) => {
        /// A column of the standard (see the [module documentation](self)).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Column {
            $(
                #[doc = concat!("`", $name, "`: « ", $title, " ».")]
                $variant,
            )+
        }

        impl Column {
            /// The 32 columns, in the order of the schema (the canonical CSV order).
            pub const ALL: [Column; 32] = [$(Column::$variant),+];

            /// The column name in the file header (e.g. `code_postal`).
            pub const fn name(self) -> &'static str {
                match self { $(Column::$variant => $name),+ }
            }

            /// The French title of the schema (e.g. `Code postal`).
            pub const fn title(self) -> &'static str {
                match self { $(Column::$variant => $title),+ }
            }

            /// Whether the schema marks this column as required.
            pub const fn is_required(self) -> bool {
                match self { $(Column::$variant => $required),+ }
            }

            /// The kind of value the column holds.
            pub const fn kind(self) -> ColumnKind {
                match self { $(Column::$variant => ColumnKind::$kind),+ }
            }

            /// The column with this exact header name, if any (names are matched exactly).
            pub fn from_name(name: &str) -> Option<Column> {
                match name { $($name => Some(Column::$variant),)+ _ => None }
            }
        }
    };
}

columns! {
    Id => "id", "Identifiant unique local du lieu", true, Text;
    Pivot => "pivot", "SIRET ou RNA ou RIDET", true, Patterned;
    Name => "nom", "Nom", true, Text;
    Commune => "commune", "Commune", true, Text;
    Postcode => "code_postal", "Code postal", true, Patterned;
    InseeCode => "code_insee", "Code INSEE", false, Patterned;
    Street => "adresse", "Adresse", true, Text;
    AddressComplement => "complement_adresse", "Complément d'adresse", false, Text;
    Latitude => "latitude", "Latitude", false, Number;
    Longitude => "longitude", "Longitude", false, Number;
    Typology => "typologie", "Typologie", false, FreeList;
    Phone => "telephone", "Numéro de téléphone", false, Patterned;
    Emails => "courriels", "Courriel(s)", false, FreeList;
    Websites => "site_web", "Site web", false, FreeList;
    OpeningHours => "horaires", "Horaires", false, Text;
    Summary => "presentation_resume", "Présentation résumé", false, Text;
    Description => "presentation_detail", "Présentation détaillée", false, Text;
    Source => "source", "Structure collectant la donnée", false, Text;
    Mobility => "itinerance", "Itinérance", false, Vocabulary;
    ParentOrganisation => "structure_parente", "Structure parente", false, Text;
    UpdatedOn => "date_maj", "Date de mise à jour", true, Date;
    Services => "services", "Services", false, Vocabulary;
    Publics => "publics_specifiquement_adresses", "Publics spécifiquement adressés", false, Vocabulary;
    SpecificSupport => "prise_en_charge_specifique", "Prise en charge spécifique", false, Vocabulary;
    Fees => "frais_a_charge", "Frais à charge", false, Vocabulary;
    NationalProgrammes => "dispositif_programmes_nationaux", "Dispositifs et programmes nationaux", false, Vocabulary;
    TrainingLabels => "formations_labels", "Formations et labels", false, Vocabulary;
    OtherLabels => "autres_formations_labels", "Autres formations et labels", false, FreeList;
    AccessModes => "modalites_acces", "Modalités d'accès", false, Vocabulary;
    SupportModes => "modalites_accompagnement", "Modalités d'accompagnement", false, Vocabulary;
    AccessibilityUrl => "fiche_acces_libre", "Fiche Accès libre", false, Text;
    BookingUrl => "prise_rdv", "Prise de rdv", false, Text;
}

impl Column {
    /// The position of the column in schema order (0-based).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The maximum length in characters, when the schema sets one (`presentation_resume`: 280).
    pub const fn max_length(self) -> Option<usize> {
        match self {
            Column::Summary => Some(280),
            _ => None,
        }
    }

    /// The regular expression of the schema for a patterned column, verbatim.
    pub const fn pattern(self) -> Option<&'static str> {
        match self {
            Column::Pivot => Some("^[a-zA-Z0-9]{9,14}$"),
            Column::Postcode => Some("^\\d{5}$"),
            Column::InseeCode => Some("^([013-9]\\d|2[AB1-9])\\d{3}$"),
            Column::Phone => Some(
                "^(\\+33|\\+590|\\+594|\\+262|\\+596|\\+269|\\+687|\\+689|\\+508|\\+681)(\\d){6,9}$",
            ),
            _ => None,
        }
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Column {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_ordered() {
        for (i, c) in Column::ALL.iter().enumerate() {
            assert_eq!(c.index(), i);
            assert_eq!(Column::from_name(c.name()), Some(*c));
        }
        let required: Vec<_> = Column::ALL
            .iter()
            .filter(|c| c.is_required())
            .map(|c| c.name())
            .collect();
        assert_eq!(
            required,
            [
                "id",
                "pivot",
                "nom",
                "commune",
                "code_postal",
                "adresse",
                "date_maj"
            ]
        );
    }
}
