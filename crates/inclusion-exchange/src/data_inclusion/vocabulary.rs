//! The short enumerations of data·inclusion v1.0.10: [`Cost`] (`Frais`), [`ReceptionMode`]
//! (`ModeAccueil`), [`MobilisationMode`] (`ModeMobilisation`), [`Mobiliser`]
//! (`PersonneMobilisatrice`), [`ServiceType`] (`TypeService`) and [`Audience`] (`Public`).
//!
//! Rust names are English; on the wire (serde, JSON Schema) each value is its data·inclusion
//! code, e.g. `a-distance`.
//!
//! ```
//! use inclusion_exchange::data_inclusion::{Audience, ReceptionMode};
//!
//! assert_eq!(ReceptionMode::Remote.code(), "a-distance");
//! assert_eq!(serde_json::to_string(&Audience::Seniors)?, "\"seniors\"");
//! assert_eq!(Audience::from_code("tous-publics"), Some(Audience::Everyone));
//! assert_eq!(Audience::ALL.len(), 14);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::fmt;

macro_rules! di_enum {
    (
        $(#[$meta:meta])*
        $name:ident;
        $( $variant:ident => $code:literal, $fr:literal; )+
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
        )]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("`", $code, "`: « ", $fr, " ».")]
                #[serde(rename = $code)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order of data·inclusion's JSON Schema.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The data·inclusion code (the wire form).
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The French label published by data·inclusion.
            pub const fn label_fr(self) -> &'static str {
                match self { $($name::$variant => $fr),+ }
            }

            /// The value with this exact code, if any.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

di_enum! {
    /// Whether a service costs something (`frais`, data·inclusion `Frais`).
    Cost;
    Free => "gratuit", "Gratuit";
    Paying => "payant", "Payant";
}

di_enum! {
    /// Where a service is given (`modes_accueil`, data·inclusion `ModeAccueil`).
    ReceptionMode;
    Remote => "a-distance", "À distance";
    OnSite => "en-presentiel", "En présentiel";
}

di_enum! {
    /// How a person gets the service (`modes_mobilisation`, data·inclusion `ModeMobilisation`).
    MobilisationMode;
    SendEmail => "envoyer-un-courriel", "Envoyer un courriel";
    WalkIn => "se-presenter", "Se présenter";
    Phone => "telephoner", "Téléphoner";
    UseLink => "utiliser-lien-mobilisation", "Utiliser le lien de mobilisation";
}

di_enum! {
    /// Who can ask for the service (`mobilisable_par`, data·inclusion `PersonneMobilisatrice`).
    Mobiliser;
    Users => "usagers", "Usagers";
    Professionals => "professionnels", "Professionnels";
}

di_enum! {
    /// The kind of service (`type`, data·inclusion `TypeService`).
    ServiceType;
    Support => "accompagnement", "Accompagnement";
    FinancialAid => "aide-financiere", "Aide financière";
    MaterialAid => "aide-materielle", "Aide matérielle";
    Workshop => "atelier", "Atelier";
    Training => "formation", "Formation";
    Information => "information", "Information";
}

di_enum! {
    /// A public a service is for (`publics`, data·inclusion `Public`). A person is eligible when
    /// they belong to one of the listed publics; [`Audience::Everyone`] must be alone.
    Audience;
    Everyone => "tous-publics", "Tous publics";
    Workers => "actifs", "Actifs";
    MinimumIncomeRecipients => "beneficiaires-des-minimas-sociaux", "Bénéficiaires des minimas sociaux";
    Jobseekers => "demandeurs-emploi", "Demandeurs d’emploi";
    Students => "etudiants", "Étudiants";
    Families => "familles", "Familles";
    Women => "femmes", "Femmes";
    Youth => "jeunes", "Jeunes";
    DisabledPeople => "personnes-en-situation-de-handicap", "Personnes en situation de handicap";
    PeopleInEmergency => "personnes-en-situation-durgence", "Personnes en situation d’urgence";
    PeopleInSpecificLegalSituation => "personnes-en-situation-juridique-specifique", "Personnes en situation juridique spécifique";
    Exiles => "personnes-exilees", "Personnes exilées";
    QpvFrrResidents => "residents-qpv-frr", "Résidents en QPV ou FRR";
    Seniors => "seniors", "Séniors";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde() {
        for a in Audience::ALL {
            let json = serde_json::to_string(a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.code()));
            assert_eq!(serde_json::from_str::<Audience>(&json).unwrap(), *a);
            assert_eq!(Audience::from_code(a.code()), Some(*a));
        }
        assert!(serde_json::from_str::<ServiceType>("\"numerique\"").is_err());
        assert_eq!(Mobiliser::from_code("usagers"), Some(Mobiliser::Users));
        assert_eq!(
            Cost::ALL.len() + ReceptionMode::ALL.len() + MobilisationMode::ALL.len(),
            8
        );
    }
}
