//! [`HelpFilter`]: which places a query accepts, and its compiled form, a few 64-bit masks.
//!
//! Every closed vocabulary of a place that a filter can use is packed into one `u64` per place
//! (46 bits: 9 services, 5 publics plus "everyone", 7 specific supports, 3 fees, 11 programmes,
//! 6 access modes, 4 support modes). A filter becomes one "any of" mask per vocabulary it names
//! plus one "none of" mask, so testing a place is a handful of AND instructions, and the index
//! keeps, for every node of its tree, the OR and the AND of the masks below it to skip whole
//! subtrees that cannot match.

use chrono::{DateTime, Utc};
use inclusion_model::{
    AccessMode, Fee, NationalProgramme, Place, Public, Service, SpecificSupport, SupportMode,
    Vocabulary,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a place must offer to be returned by a query. Criteria combine with AND; inside one
/// list, any value matches (OR). Empty lists and `None` accept every place.
///
/// ```
/// use inclusion_geo::HelpFilter;
/// use inclusion_model::{AccessMode, Fee, Service};
///
/// let filter = HelpFilter::default()
///     .services([Service::AdministrativeProcedures])
///     .fees([Fee::Free, Fee::FreeUnderConditions])
///     .exclude_access_modes([AccessMode::NoPublicReception]);
/// assert!(!filter.is_empty());
/// assert!(HelpFilter::default().is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct HelpFilter {
    /// `services`: the place offers at least one of these services.
    #[schemars(schema_with = "inclusion_model::wire::labels_array_schema::<Service>")]
    pub services: Vec<Service>,
    /// `publics_specifiquement_adresses`: the place specifically addresses one of these publics,
    /// **or addresses no specific public** (the standard's default: open to everyone).
    #[schemars(schema_with = "inclusion_model::wire::labels_array_schema::<Public>")]
    pub publics: Vec<Public>,
    /// `prise_en_charge_specifique`: the place provides at least one of these specific supports.
    #[schemars(schema_with = "inclusion_model::wire::labels_array_schema::<SpecificSupport>")]
    pub specific_support: Vec<SpecificSupport>,
    /// `frais_a_charge`: the place has at least one of these fee conditions.
    #[schemars(schema_with = "inclusion_model::wire::labels_array_schema::<Fee>")]
    pub fees: Vec<Fee>,
    /// `modalites_accompagnement`: the place gives help in at least one of these ways.
    #[schemars(schema_with = "inclusion_model::wire::labels_array_schema::<SupportMode>")]
    pub support_modes: Vec<SupportMode>,
    /// `dispositif_programmes_nationaux`: the place belongs to at least one of these programmes.
    #[schemars(schema_with = "inclusion_model::wire::labels_array_schema::<NationalProgramme>")]
    pub national_programmes: Vec<NationalProgramme>,
    /// `modalites_acces`: the place can be reached in at least one of these ways.
    #[schemars(schema_with = "inclusion_model::wire::labels_array_schema::<AccessMode>")]
    pub access_modes: Vec<AccessMode>,
    /// `modalites_acces`: the place has none of these access modes (for example
    /// « Ce lieu n'accueille pas de public »).
    #[schemars(schema_with = "inclusion_model::wire::labels_array_schema::<AccessMode>")]
    pub exclude_access_modes: Vec<AccessMode>,
    /// Open at this instant, by the place's `horaires` evaluated in its own time zone. Places
    /// without opening hours, or whose hours cannot be parsed, are not returned.
    pub open_at: Option<DateTime<Utc>>,
}

macro_rules! setter {
    ($($field:ident: $ty:ty),+ $(,)?) => {
        $(
            #[doc = concat!("Sets [`HelpFilter::", stringify!($field), "`].")]
            pub fn $field(mut self, values: impl IntoIterator<Item = $ty>) -> HelpFilter {
                self.$field = values.into_iter().collect();
                self
            }
        )+
    };
}

impl HelpFilter {
    setter! {
        services: Service,
        publics: Public,
        specific_support: SpecificSupport,
        fees: Fee,
        support_modes: SupportMode,
        national_programmes: NationalProgramme,
        access_modes: AccessMode,
        exclude_access_modes: AccessMode,
    }

    /// Sets [`HelpFilter::open_at`].
    pub fn open_at(mut self, at: DateTime<Utc>) -> HelpFilter {
        self.open_at = Some(at);
        self
    }

    /// Whether the filter accepts every place.
    pub fn is_empty(&self) -> bool {
        self.compile().is_empty() && self.open_at.is_none()
    }

    /// Whether `place` passes the filter's vocabulary criteria (everything but
    /// [`HelpFilter::open_at`]). The index gives the same answer from its masks.
    ///
    /// ```
    /// use inclusion_geo::HelpFilter;
    /// use inclusion_model::{Address, Place, Public, Service};
    /// use chrono::NaiveDate;
    ///
    /// let mut place = Place::new("p", "00000000000000", "Médiathèque",
    ///     Address::new("1 rue A", "38000", "Grenoble"), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    /// place.services.push(Service::SafeUse);
    /// assert!(HelpFilter::default().services([Service::SafeUse]).accepts(&place));
    /// assert!(!HelpFilter::default().services([Service::AdministrativeProcedures]).accepts(&place));
    /// // No specific public: open to everyone, seniors included.
    /// assert!(HelpFilter::default().publics([Public::Seniors]).accepts(&place));
    /// ```
    pub fn accepts(&self, place: &Place) -> bool {
        self.compile().accepts(place_mask(place))
    }

    /// The filter as masks over [`place_mask`] bits.
    pub(crate) fn compile(&self) -> CompiledFilter {
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
        CompiledFilter {
            any,
            none: field_mask(&self.exclude_access_modes, ACCESS),
        }
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

/// The filter bits of a place: one bit per vocabulary value it has (see the module docs).
pub(crate) fn place_mask(place: &Place) -> u64 {
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

/// A [`HelpFilter`] as masks: a place mask `m` passes when `m & a != 0` for every `a` in `any`
/// and `m & none == 0`.
#[derive(Debug, Clone, Default)]
pub(crate) struct CompiledFilter {
    pub(crate) any: Vec<u64>,
    pub(crate) none: u64,
}

impl CompiledFilter {
    pub(crate) fn is_empty(&self) -> bool {
        self.any.is_empty() && self.none == 0
    }

    #[inline]
    pub(crate) fn accepts(&self, mask: u64) -> bool {
        mask & self.none == 0 && self.any.iter().all(|&a| mask & a != 0)
    }

    /// Whether a subtree whose masks OR to `or` and AND to `and` may hold a matching place.
    #[inline]
    pub(crate) fn may_match(&self, or: u64, and: u64) -> bool {
        and & self.none == 0 && self.any.iter().all(|&a| or & a != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use inclusion_model::Address;

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
        let f = HelpFilter::default().services([Service::SafeUse, Service::AffordableEquipment]);
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
        let seniors = HelpFilter::default().publics([Public::Seniors]);
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
        let f = HelpFilter::default()
            .services([Service::SafeUse])
            .exclude_access_modes([AccessMode::NoPublicReception])
            .compile();
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
    fn serde_round_trip_uses_french_labels() {
        let f = HelpFilter::default()
            .services([Service::AdministrativeProcedures])
            .exclude_access_modes([AccessMode::NoPublicReception]);
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.contains("Aide aux démarches administratives"));
        assert!(json.contains("Ce lieu n'accueille pas de public"));
        let back: HelpFilter = serde_json::from_str(&json).unwrap();
        assert_eq!(back, f);
        let partial: HelpFilter = serde_json::from_str(r#"{"fees":["Gratuit"]}"#).unwrap();
        assert_eq!(partial, HelpFilter::default().fees([Fee::Free]));
        assert!(serde_json::from_str::<HelpFilter>(r#"{"service":[]}"#).is_err());
    }
}
