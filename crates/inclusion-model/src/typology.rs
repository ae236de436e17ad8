//! The `typologie` codes: the kind of structure a place is.
//!
//! The standard does not restrict `typologie` (its schema has no pattern); it refers to the
//! data·inclusion "typologies de structure". The reference TypeScript library
//! (`@gouvfr-anct/lieux-de-mediation-numerique` 2.3.0) accepts 92 codes, listed here as
//! variants of [`Typology`]; any other code is kept as [`Typology::Unlisted`] (and reported at
//! the Strict validation level only).
//!
//! ```
//! use inclusion_model::Typology;
//!
//! let t: Typology = "TIERS_LIEUX".parse().unwrap();
//! assert_eq!(t, Typology::TiersLieux);
//! assert_eq!(t.code(), "TIERS_LIEUX");
//! assert_eq!(t.label_fr(), "Tiers lieu & coworking");
//! assert_eq!(t.label_en(), "Third place & coworking");
//!
//! // Codes outside the list are kept, not rejected.
//! let u: Typology = "MAIRIE".parse().unwrap();
//! assert_eq!(u, Typology::Unlisted("MAIRIE".into()));
//! assert_eq!(u.to_string(), "MAIRIE");
//! assert_eq!(Typology::LISTED.len(), 92);
//! ```

use std::fmt;
use std::str::FromStr;

macro_rules! typologies {
    ($( $variant:ident => $code:literal, $fr:literal, $en:literal; )+) => {
        /// A `typologie` code (see the [module documentation](self)).
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Typology {
            $(
                #[doc = concat!("`", $code, "`: « ", $fr, " » (", $en, ").")]
                $variant,
            )+
            /// A code that is not one of the 92 codes of the reference library, kept as written.
            Unlisted(String),
        }

        impl Typology {
            /// The 92 codes of the reference library, in its order.
            pub const LISTED: &'static [Typology] = &[$(Typology::$variant),+];

            /// The code as written in the `typologie` column (e.g. `TIERS_LIEUX`).
            pub fn code(&self) -> &str {
                match self { $(Typology::$variant => $code,)+ Typology::Unlisted(s) => s }
            }

            /// The French label of the code (from data·inclusion's "typologies de structure"),
            /// or the code itself for an unlisted code.
            pub fn label_fr(&self) -> &str {
                match self { $(Typology::$variant => $fr,)+ Typology::Unlisted(s) => s }
            }

            /// An English label for user interfaces, or the code itself for an unlisted code.
            pub fn label_en(&self) -> &str {
                match self { $(Typology::$variant => $en,)+ Typology::Unlisted(s) => s }
            }

            /// The listed code with this exact spelling, if any.
            pub fn listed(code: &str) -> Option<Typology> {
                match code { $($code => Some(Typology::$variant),)+ _ => None }
            }

            /// Whether this is one of the 92 codes of the reference library.
            pub fn is_listed(&self) -> bool {
                !matches!(self, Typology::Unlisted(_))
            }
        }
    };
}

typologies! {
    Aci => "ACI", "Structures porteuses d'ateliers et chantiers d'insertion (ACI)", "Integration workshops and worksites (ACI)";
    Aciphc => "ACIPHC", "SIAE — Atelier chantier d'insertion premières heures en chantier", "Integration worksite, first hours on site";
    Afpa => "AFPA", "Agence nationale pour la formation professionnelle des adultes (AFPA)", "National agency for adult vocational training (AFPA)";
    Ai => "AI", "Associations intermédiaires (AI)", "Intermediary associations (AI)";
    Ase => "ASE", "Aide sociale à l'enfance (ASE)", "Child welfare (ASE)";
    Asso => "ASSO", "Associations", "Associations";
    AssoChomeur => "ASSO_CHOMEUR", "Associations de chômeurs", "Associations of unemployed people";
    Other => "Autre", "Autre", "Other";
    Avip => "AVIP", "Crèche À Vocation d'Insertion Professionnelle (AVIP)", "Nursery supporting parents' return to work (AVIP)";
    Bib => "BIB", "Bibliothèque / Médiathèque", "Library / media library";
    Caarud => "CAARUD", "CAARUD - Centre d'accueil et d'accompagnement à la réduction de risques pour usagers de drogues", "Harm-reduction support centre for drug users (CAARUD)";
    Cada => "CADA", "Centres d'accueil de demandeurs d'asile (CADA)", "Reception centres for asylum seekers (CADA)";
    Caf => "CAF", "Caisses d'allocation familiale (CAF)", "Family allowance offices (CAF)";
    CapEmploi => "CAP_EMPLOI", "Cap Emploi", "Cap Emploi (employment of disabled people)";
    Cava => "CAVA", "Centres d'adaptation à la vie active (CAVA)", "Centres for adaptation to working life (CAVA)";
    Cc => "CC", "Communautés de Commune", "Communities of communes";
    Ccas => "CCAS", "Centres communaux d'action sociale (CCAS)", "Municipal social action centres (CCAS)";
    Ccons => "CCONS", "Chambres consulaires (CCI, CMA, CA)", "Chambers of commerce, crafts and agriculture";
    Cd => "CD", "Conseils Départementaux (CD)", "Departmental councils (CD)";
    Cdas => "CDAS", "Centre Départementale d'Action Sociale (CDAS)", "Departmental social action centre (CDAS)";
    Cfp => "CFP", "Centre des Finances Publiques (CFP)", "Public finance centre (CFP)";
    Chrs => "CHRS", "Centres d'hébergement et de réinsertion sociale (CHRS)", "Shelter and social rehabilitation centres (CHRS)";
    Chu => "CHU", "Centres d'hébergement d'urgence (CHU)", "Emergency shelters (CHU)";
    Cias => "CIAS", "Centres intercommunaux d'action sociale (CIAS)", "Intermunicipal social action centres (CIAS)";
    Cidff => "CIDFF", "Centres d'information sur les droits des femmes et des familles (CIDFF)", "Information centres on women's and families' rights (CIDFF)";
    Citmet => "CITMET", "Cité des métiers", "Cité des métiers (careers centre)";
    Cmp => "CMP", "Centre Médico-Psychologique (CMP)", "Medical-psychological centre (CMP)";
    Cms => "CMS", "Centre Médico-Social (CMS)", "Medical-social centre (CMS)";
    Cpam => "CPAM", "Caisse Primaire d'Assurance Maladie (CPAM)", "Primary health insurance office (CPAM)";
    Cph => "CPH", "Centres provisoires d'hébergement (CPH)", "Temporary accommodation centres for refugees (CPH)";
    Cs => "CS", "Centre social", "Social centre";
    Csapa => "CSAPA", "CSAPA - Centre de soins, d'accompagnement et de prévention en addictologie", "Addiction care, support and prevention centre (CSAPA)";
    Csc => "CSC", "Centre Socio-Culturel (CSC)", "Socio-cultural centre (CSC)";
    Deets => "DEETS", "Directions de l'Economie, de l'Emploi, du Travail et des Solidarités (DEETS)", "Directorates for economy, employment, labour and solidarity (DEETS)";
    Dept => "DEPT", "Services sociaux du Conseil départemental", "Social services of the departmental council";
    Diplp => "DIPLP", "Délégation interministérielles à la prévention et à la lutte contre la pauvreté", "Interministerial delegation for preventing and fighting poverty";
    E2c => "E2C", "E2C - École de la 2e chance", "Second-chance school (E2C)";
    Ea => "EA", "Entreprise adaptée (EA)", "Adapted company (EA)";
    Eatt => "EATT", "Entreprise Adaptée (EATT)", "Adapted temporary-work company (EATT)";
    Ei => "EI", "Entreprises d'insertion (EI)", "Integration companies (EI)";
    Eiti => "EITI", "Entreprises d'insertion par le travail indépendant (EITI)", "Integration companies through self-employment (EITI)";
    Enm => "ENM", "Espace Numérique Mobile (ENM)", "Mobile digital space (ENM)";
    Epci => "EPCI", "Intercommunalité (EPCI)", "Intermunicipality (EPCI)";
    Epi => "EPI", "Espace Public Internet (EPI)", "Public internet space (EPI)";
    Epide => "EPIDE", "EPIDE - Établissement pour l'insertion dans l'emploi", "Institution for integration into employment (EPIDE)";
    Epn => "EPN", "Espace Public Numérique (EPN)", "Public digital space (EPN)";
    Es => "ES", "Épicerie Solidaire", "Solidarity grocery";
    Esat => "ESAT", "Établissement et service d'aide par le travail (ESAT)", "Sheltered work establishment (ESAT)";
    Ess => "ESS", "Entreprise de l'Économie Sociale et Solidaire", "Social and solidarity economy company";
    Etti => "ETTI", "Entreprises de travail temporaire d'insertion (ETTI)", "Integration temporary-work agencies (ETTI)";
    Evs => "EVS", "Espace de Vie Sociale (EVS)", "Social life space (EVS)";
    Fablab => "FABLAB", "Fablab / Atelier partagé", "Fablab / shared workshop";
    Fabrique => "FABRIQUE", "Fabrique de territoire", "Fabrique de territoire";
    Fais => "FAIS", "Fédérations d'acteurs de l'insertion et de la solidarité", "Federations of integration and solidarity actors";
    Ft => "FT", "France Travail", "France Travail (public employment service)";
    Geiq => "GEIQ", "Groupements d'employeurs pour l'insertion et la qualification (GEIQ)", "Employer groups for integration and qualification (GEIQ)";
    Huda => "HUDA", "HUDA - Hébergement d'urgence pour demandeurs d'asile", "Emergency housing for asylum seekers (HUDA)";
    LaPoste => "LA_POSTE", "Bureau de poste / Agence postale", "Post office / postal agency";
    Mde => "MDE", "Maison de l'emploi", "Employment centre";
    Mdh => "MDH", "Maison des habitants (MDH)", "Residents' centre (MDH)";
    Mdef => "MDEF", "Maison de l'emploi et de la formation", "Employment and training centre";
    Mdph => "MDPH", "Maison Départementale des Personnes Handicapées", "Departmental centre for disabled people (MDPH)";
    Mds => "MDS", "Maison Départementale des Solidarités", "Departmental solidarity centre";
    Mjc => "MJC", "Maison des jeunes et de la culture", "Youth and culture centre (MJC)";
    Ml => "ML", "Mission Locale", "Mission Locale (youth employment)";
    Mq => "MQ", "Maison de quartier", "Neighbourhood centre";
    Msa => "MSA", "Mutualité Sociale Agricole", "Agricultural social security (MSA)";
    Msap => "MSAP", "Maison de Services Au Public (MSAP)", "Public services centre (MSAP)";
    Muni => "MUNI", "Municipalités", "Municipalities";
    Oacas => "OACAS", "Structures agréées Organisme d'accueil communautaire et d'activité solidaire (OACAS)", "Approved community reception and solidarity organisations (OACAS)";
    Odc => "ODC", "Organisation délégataire d'un CD", "Organisation delegated by a departmental council";
    Of => "OF", "Organisme de formations", "Training organisation";
    Oil => "OIL", "Opérateur d'intermédiation locative", "Rental intermediation operator";
    Opcs => "OPCS", "Organisation porteuse de la clause sociale", "Organisation supporting the social clause";
    Pad => "PAD", "Point d'Accès au Droit", "Legal access point (PAD)";
    Pension => "PENSION", "Pension de famille / résidence accueil", "Boarding house / supported residence";
    Pi => "PI", "Point Information (PI)", "Information point (PI)";
    PijBij => "PIJ_BIJ", "Points et bureaux information jeunesse (PIJ/BIJ)", "Youth information points and offices (PIJ/BIJ)";
    Pimms => "PIMMS", "Point Information Médiation Multi Services (PIMMS)", "Multi-service mediation information point (PIMMS)";
    Pjj => "PJJ", "Protection judiciaire de la jeunesse (PJJ)", "Youth judicial protection (PJJ)";
    Plie => "PLIE", "Plans locaux pour l'insertion et l'emploi (PLIE)", "Local plans for integration and employment (PLIE)";
    Pref => "PREF", "Préfecture, Sous-Préfecture", "Prefecture, sub-prefecture";
    Prevention => "PREVENTION", "Service ou club de prévention", "Prevention service or club";
    Reg => "REG", "Région", "Region";
    RelaisLecture => "RELAIS_LECTURE", "Relais lecture", "Reading relay";
    Ressourcerie => "RESSOURCERIE", "Ressourcerie", "Reuse centre (ressourcerie)";
    Rfs => "RFS", "Réseau France Services", "France Services network";
    RsFjt => "RS_FJT", "Résidence sociale / FJT - Foyer de Jeunes Travailleurs", "Social residence / young workers' hostel (FJT)";
    Scp => "SCP", "Services et clubs de prévention", "Prevention services and clubs";
    Spip => "SPIP", "Services pénitentiaires d'insertion et de probation (SPIP)", "Prison integration and probation services (SPIP)";
    TiersLieux => "TIERS_LIEUX", "Tiers lieu & coworking", "Third place & coworking";
    Udaf => "UDAF", "Union Départementale d'Aide aux Familles (UDAF)", "Departmental union of family associations (UDAF)";
}

impl FromStr for Typology {
    type Err = std::convert::Infallible;
    /// Never fails: an unknown code becomes [`Typology::Unlisted`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Typology::listed(s).unwrap_or_else(|| Typology::Unlisted(s.to_owned())))
    }
}

impl fmt::Display for Typology {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Typology {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Typology {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Typology::listed(&s).unwrap_or_else(|| Typology::Unlisted(s.into_owned())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_codes_round_trip() {
        assert_eq!(Typology::LISTED.len(), 92);
        for t in Typology::LISTED {
            assert_eq!(Typology::listed(t.code()).as_ref(), Some(t));
            assert!(t.is_listed());
            assert!(!t.label_en().is_empty() && !t.label_fr().is_empty());
        }
        assert_eq!(Typology::listed("Autre"), Some(Typology::Other));
        assert_eq!(Typology::listed("AUTRE"), None);
    }
}
