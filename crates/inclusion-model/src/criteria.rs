//! [`Criteria`]: the help to look for, in the standard's vocabularies, and its compiled form, a
//! few 64-bit masks.
//!
//! One type for every part of the workspace that selects places: the nearest-help index's
//! filter (`inclusion_geo::HelpFilter` is a `Criteria` plus "open at"), the help a skills
//! diagnostic recommends (`inclusion_skills::HelpNeeds` holds a `Criteria`), coverage runs.
//!
//! Semantics: criteria combine with AND; inside one list any value matches (OR); an empty list
//! accepts every place. A publics criterion also accepts the places that address no specific
//! public (the standard's default: open to everyone). `exclude_access_modes` rejects the places
//! that have any of its values.
//!
//! Every closed vocabulary a criterion can use is packed into one `u64` per place
//! ([`place_mask`], 46 bits: 9 services, 5 publics plus "everyone", 7 specific supports,
//! 3 fees, 11 programmes, 6 access modes, 4 support modes). A `Criteria` compiles
//! ([`Criteria::masks`]) to one "any of" mask per list it uses plus one "none of" mask, so that
//! testing a place is a handful of AND instructions, and a spatial index can keep the OR and the
//! AND of the masks below each node to skip whole subtrees ([`CriteriaMasks::may_match`]).
//!
//! ```
//! use inclusion_model::{AccessMode, Address, Criteria, Fee, Place, Public, Service};
//! use chrono::NaiveDate;
//!
//! let criteria = Criteria::default()
//!     .services([Service::AdministrativeProcedures, Service::SafeUse])
//!     .fees([Fee::Free])
//!     .exclude_access_modes([AccessMode::NoPublicReception]);
//! let mut place = Place::new("p", "00000000000000", "Médiathèque",
//!     Address::new("1 rue A", "38000", "Grenoble"), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
//! place.services.push(Service::SafeUse);
//! assert!(!criteria.accepts(&place)); // no fee declared
//! place.fees.push(Fee::Free);
//! assert!(criteria.accepts(&place));
//! // The compiled masks give the same answer.
//! assert!(criteria.masks().accepts(inclusion_model::criteria::place_mask(&place)));
//! // No specific public: open to everyone, seniors included.
//! assert!(Criteria::default().publics([Public::Seniors]).accepts(&place));
//! assert_eq!(criteria.describe(), "services = Aide aux démarches administratives | \
//!     Utilisation sécurisée du numérique; fees = Gratuit; \
//!     not access_modes = Ce lieu n'accueille pas de public");
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::place::Place;
use crate::vocab::{
    AccessMode, Fee, NationalProgramme, Public, Service, SpecificSupport, SupportMode, Vocabulary,
};

/// What a place must offer: one "any of" list per vocabulary, and access modes to exclude
/// (see the [module documentation](self) for the semantics). Serialised with the standard's
/// exact French labels; every list may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Criteria {
    /// `services`: the place offers at least one of these services.
    #[schemars(schema_with = "crate::vocab::labels_array_schema::<Service>")]
    pub services: Vec<Service>,
    /// `publics_specifiquement_adresses`: the place specifically addresses one of these publics,
    /// **or addresses no specific public** (the standard's default: open to everyone).
    #[schemars(schema_with = "crate::vocab::labels_array_schema::<Public>")]
    pub publics: Vec<Public>,
    /// `prise_en_charge_specifique`: the place provides at least one of these specific supports.
    #[schemars(schema_with = "crate::vocab::labels_array_schema::<SpecificSupport>")]
    pub specific_support: Vec<SpecificSupport>,
    /// `frais_a_charge`: the place has at least one of these fee conditions.
    #[schemars(schema_with = "crate::vocab::labels_array_schema::<Fee>")]
    pub fees: Vec<Fee>,
    /// `modalites_accompagnement`: the place gives help in at least one of these ways.
    #[schemars(schema_with = "crate::vocab::labels_array_schema::<SupportMode>")]
    pub support_modes: Vec<SupportMode>,
    /// `dispositif_programmes_nationaux`: the place belongs to at least one of these programmes.
    #[schemars(schema_with = "crate::vocab::labels_array_schema::<NationalProgramme>")]
    pub national_programmes: Vec<NationalProgramme>,
    /// `modalites_acces`: the place can be reached in at least one of these ways.
    #[schemars(schema_with = "crate::vocab::labels_array_schema::<AccessMode>")]
    pub access_modes: Vec<AccessMode>,
    /// `modalites_acces`: the place has none of these access modes (for example
    /// « Ce lieu n'accueille pas de public »).
    #[schemars(schema_with = "crate::vocab::labels_array_schema::<AccessMode>")]
    pub exclude_access_modes: Vec<AccessMode>,
}

macro_rules! setters {
    ($($field:ident: $ty:ty),+ $(,)?) => {
        $(
            #[doc = concat!("Sets [`Criteria::", stringify!($field), "`].")]
            pub fn $field(mut self, values: impl IntoIterator<Item = $ty>) -> Criteria {
                self.$field = values.into_iter().collect();
                self
            }
        )+
    };
}

impl Criteria {
    setters! {
        services: Service,
        publics: Public,
        specific_support: SpecificSupport,
        fees: Fee,
        support_modes: SupportMode,
        national_programmes: NationalProgramme,
        access_modes: AccessMode,
        exclude_access_modes: AccessMode,
    }

    /// Whether the criteria accept every place.
    pub fn is_empty(&self) -> bool {
        self.masks().is_empty()
    }

    /// Whether `place` meets the criteria (the same answer as the masks).
    pub fn accepts(&self, place: &Place) -> bool {
        self.masks().accepts(place_mask(place))
    }

    /// The criteria as masks over [`place_mask`] bits.
    pub fn masks(&self) -> CriteriaMasks {
        let mut any = Vec::with_capacity(7);
        let mut push = |mask: u64| {
            if mask != 0 {
                any.push(mask);
            }
        };
        push(field_mask(&self.services, SERVICES));
        if !self.publics.is_empty() {
            push(field_mask(&self.publics, PUBLICS) | EVERYONE_BIT);
        }
        push(field_mask(&self.specific_support, SPECIFIC));
        push(field_mask(&self.fees, FEES));
        push(field_mask(&self.support_modes, SUPPORT));
        push(field_mask(&self.national_programmes, PROGRAMMES));
        push(field_mask(&self.access_modes, ACCESS));
        CriteriaMasks {
            any,
            none: field_mask(&self.exclude_access_modes, ACCESS),
        }
    }

    /// The criteria in words, with the standard's column names and labels:
    /// `services = A | B; fees = Gratuit; not access_modes = …`, or `every place`.
    pub fn describe(&self) -> String {
        let parts = self.describe_parts();
        if parts.is_empty() {
            "every place".to_owned()
        } else {
            parts.join("; ")
        }
    }

    /// One `name = A | B` part per list that is not empty.
    pub fn describe_parts(&self) -> Vec<String> {
        fn labels<V: Vocabulary>(values: &[V]) -> String {
            values
                .iter()
                .map(|v| v.label_fr())
                .collect::<Vec<_>>()
                .join(" | ")
        }
        let mut parts = Vec::new();
        let mut push = |name: &str, list: String| {
            if !list.is_empty() {
                parts.push(format!("{name} = {list}"));
            }
        };
        push("services", labels(&self.services));
        push("publics", labels(&self.publics));
        push("specific_support", labels(&self.specific_support));
        push("fees", labels(&self.fees));
        push("support_modes", labels(&self.support_modes));
        push("national_programmes", labels(&self.national_programmes));
        push("access_modes", labels(&self.access_modes));
        push("not access_modes", labels(&self.exclude_access_modes));
        parts
    }
}

/// The offset of each vocabulary's bits in a place mask.
const SERVICES: u32 = 0;
const PUBLICS: u32 = SERVICES + Service::ALL.len() as u32;
/// Set for a place that addresses no specific public (open to everyone).
const EVERYONE: u32 = PUBLICS + Public::ALL.len() as u32;
const SPECIFIC: u32 = EVERYONE + 1;
const FEES: u32 = SPECIFIC + SpecificSupport::ALL.len() as u32;
const PROGRAMMES: u32 = FEES + Fee::ALL.len() as u32;
const ACCESS: u32 = PROGRAMMES + NationalProgramme::ALL.len() as u32;
const SUPPORT: u32 = ACCESS + AccessMode::ALL.len() as u32;
const USED_BITS: u32 = SUPPORT + SupportMode::ALL.len() as u32;
const _: () = assert!(
    USED_BITS <= 64,
    "the vocabularies no longer fit in a u64 mask"
);
const EVERYONE_BIT: u64 = 1 << EVERYONE;

fn field_mask<V: Vocabulary>(values: &[V], offset: u32) -> u64 {
    u64::from(V::mask(values)) << offset
}

/// The criteria bits of a place: one bit per vocabulary value it declares, and one for
/// "addresses no specific public" (see the [module documentation](self)).
pub fn place_mask(place: &Place) -> u64 {
    let everyone = if place.publics.is_empty() {
        EVERYONE_BIT
    } else {
        0
    };
    field_mask(&place.services, SERVICES)
        | field_mask(&place.publics, PUBLICS)
        | everyone
        | field_mask(&place.specific_support, SPECIFIC)
        | field_mask(&place.fees, FEES)
        | field_mask(&place.national_programmes, PROGRAMMES)
        | field_mask(&place.access_modes, ACCESS)
        | field_mask(&place.support_modes, SUPPORT)
}

/// The bit of « À distance » (`modalites_accompagnement`).
const REMOTE_BIT: u64 = 1 << (SUPPORT + SupportMode::Remote as u32);
/// The bit of « Ce lieu n'accueille pas de public » (`modalites_acces`).
const NO_PUBLIC_BIT: u64 = 1 << (ACCESS + AccessMode::NoPublicReception as u32);
/// The bits of the access modes that need no visit: phone, e-mail, online booking, referral
/// by e-mail.
const DISTANT_CONTACT_BITS: u64 = (1 << (ACCESS + AccessMode::Phone as u32))
    | (1 << (ACCESS + AccessMode::Email as u32))
    | (1 << (ACCESS + AccessMode::OnlineBooking as u32))
    | (1 << (ACCESS + AccessMode::ReferralByEmail as u32));

/// Whether a place with this [`place_mask`] gives help at a distance: « À distance » is among
/// its `modalites_accompagnement`, or it receives no public (« Ce lieu n'accueille pas de
/// public ») and is reached by phone, e-mail or online (`modalites_acces`). A place that
/// receives the public and has a phone number is not remote help: people phone it to come.
///
/// ```
/// use inclusion_model::{AccessMode, Address, Place, SupportMode};
/// use inclusion_model::criteria::{gives_remote_help, place_mask};
/// use chrono::NaiveDate;
///
/// let mut p = Place::new("p", "00000000000000", "Permanence",
///     Address::new("1 rue A", "38000", "Grenoble"), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
/// p.access_modes.push(AccessMode::Phone);
/// assert!(!gives_remote_help(place_mask(&p)));
/// p.access_modes.push(AccessMode::NoPublicReception);
/// assert!(gives_remote_help(place_mask(&p)));
/// p.access_modes.clear();
/// p.support_modes.push(SupportMode::Remote);
/// assert!(gives_remote_help(place_mask(&p)));
/// ```
#[inline]
pub fn gives_remote_help(mask: u64) -> bool {
    mask & REMOTE_BIT != 0 || (mask & NO_PUBLIC_BIT != 0 && mask & DISTANT_CONTACT_BITS != 0)
}

impl Place {
    /// Whether the place gives help at a distance (see [`gives_remote_help`]).
    pub fn gives_remote_help(&self) -> bool {
        gives_remote_help(place_mask(self))
    }
}

/// The mask bit of « Ce lieu n'accueille pas de public », which a search for remote help
/// takes out of the excluded access modes.
pub const NO_PUBLIC_RECEPTION_BIT: u64 = NO_PUBLIC_BIT;

/// [`Criteria`] as masks: a place mask `m` passes when `m & a != 0` for every `a` in `any` and
/// `m & none == 0`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CriteriaMasks {
    /// One "any of" mask per list the criteria use.
    pub any: Vec<u64>,
    /// The bits a place must not have.
    pub none: u64,
}

impl CriteriaMasks {
    /// Whether every place passes.
    pub fn is_empty(&self) -> bool {
        self.any.is_empty() && self.none == 0
    }

    /// Whether a place with this [`place_mask`] passes.
    #[inline]
    pub fn accepts(&self, mask: u64) -> bool {
        mask & self.none == 0 && self.any.iter().all(|&a| mask & a != 0)
    }

    /// Whether a group of places whose masks OR to `or` and AND to `and` may hold a place
    /// that passes (a conservative test: `false` only when none can).
    #[inline]
    pub fn may_match(&self, or: u64, and: u64) -> bool {
        and & self.none == 0 && self.any.iter().all(|&a| or & a != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::Address;
    use chrono::NaiveDate;

    fn place() -> Place {
        Place::new(
            "p",
            "00000000000000",
            "Lieu",
            Address::new("1 rue A", "75001", "Paris"),
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        )
    }

    #[test]
    fn each_criterion_is_any_of_and_criteria_combine_with_and() {
        let mut p = place();
        p.services = [Service::SafeUse, Service::LeisureAndCreation].into();
        p.fees = [Fee::Paying].into();
        p.access_modes = [AccessMode::Phone].into();
        let f = Criteria::default().services([Service::SafeUse, Service::AffordableEquipment]);
        assert!(f.accepts(&p));
        assert!(!f.clone().fees([Fee::Free]).accepts(&p));
        assert!(f.clone().fees([Fee::Free, Fee::Paying]).accepts(&p));
        assert!(f.clone().access_modes([AccessMode::Phone]).accepts(&p));
        assert!(!f.clone().access_modes([AccessMode::WalkIn]).accepts(&p));
        assert!(
            f.clone()
                .exclude_access_modes([AccessMode::NoPublicReception])
                .accepts(&p)
        );
        assert!(!f.exclude_access_modes([AccessMode::Phone]).accepts(&p));
    }

    #[test]
    fn publics_accept_places_open_to_everyone() {
        let mut p = place();
        let seniors = Criteria::default().publics([Public::Seniors]);
        assert!(seniors.accepts(&p));
        p.publics = [Public::Youth].into();
        assert!(!seniors.accepts(&p));
        p.publics.push(Public::Seniors);
        assert!(seniors.accepts(&p));
    }

    #[test]
    fn every_vocabulary_value_has_its_own_bit() {
        let mut p = place();
        p.services = Service::ALL.into();
        p.publics = Public::ALL.into();
        p.specific_support = SpecificSupport::ALL.into();
        p.fees = Fee::ALL.into();
        p.national_programmes = NationalProgramme::ALL.into();
        p.access_modes = AccessMode::ALL.into();
        p.support_modes = SupportMode::ALL.into();
        // All bits but "everyone" (the place addresses specific publics).
        assert_eq!(place_mask(&p), ((1u64 << USED_BITS) - 1) & !EVERYONE_BIT);
        assert_eq!(place_mask(&place()), EVERYONE_BIT);
    }

    #[test]
    fn subtree_test_is_conservative() {
        let f = Criteria::default()
            .services([Service::SafeUse])
            .exclude_access_modes([AccessMode::NoPublicReception])
            .masks();
        let a = field_mask(&[Service::SafeUse], SERVICES)
            | field_mask(&[AccessMode::NoPublicReception], ACCESS);
        let b = field_mask(&[Service::AdministrativeProcedures], SERVICES);
        assert!(!f.accepts(a) && !f.accepts(b));
        // Neither place matches, but the OR/AND summary cannot tell: it must say "maybe".
        assert!(f.may_match(a | b, a & b));
        // All places share an excluded bit: nothing can match.
        assert!(!f.may_match(a, a));
    }

    #[test]
    fn empty_criteria_accept_everything() {
        let c = Criteria::default();
        assert!(c.is_empty() && c.accepts(&place()));
        assert_eq!(c.describe(), "every place");
        assert!(!c.clone().fees([Fee::Free]).is_empty());
    }

    #[test]
    fn serde_round_trip_uses_french_labels_and_rejects_unknown_keys() {
        let c = Criteria::default()
            .services([Service::AdministrativeProcedures])
            .exclude_access_modes([AccessMode::NoPublicReception]);
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains("Aide aux démarches administratives"));
        assert!(json.contains("Ce lieu n'accueille pas de public"));
        let back: Criteria = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        let partial: Criteria = serde_json::from_str(r#"{"fees":["Gratuit"]}"#).unwrap();
        assert_eq!(partial, Criteria::default().fees([Fee::Free]));
        assert!(serde_json::from_str::<Criteria>(r#"{"service":[]}"#).is_err());
        assert!(serde_json::from_str::<Criteria>(r#"{"fees":["gratuit"]}"#).is_err());
    }
}
