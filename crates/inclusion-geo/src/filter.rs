//! [`HelpFilter`]: which places a query accepts: the help to look for ([`Criteria`], with
//! its compiled bit masks) plus "open at an instant".

use chrono::{DateTime, SecondsFormat, Utc};
use inclusion_model::criteria::CriteriaMasks;
use inclusion_model::{
    AccessMode, Criteria, Fee, NationalProgramme, Place, Public, Service, SpecificSupport,
    SupportMode,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::tree::{Filter, Tree, Verdict};

/// What a place must offer to be returned by a query: [`Criteria`] (combined with AND; inside
/// one list, any value matches) and, optionally, open at an instant. Serialised as the
/// criteria's lists beside `open_at`, each optional.
///
/// ```
/// use inclusion_geo::HelpFilter;
/// use inclusion_model::{AccessMode, Criteria, Fee, Service};
///
/// let filter = HelpFilter::default()
///     .services([Service::AdministrativeProcedures])
///     .fees([Fee::Free, Fee::FreeUnderConditions])
///     .exclude_access_modes([AccessMode::NoPublicReception]);
/// assert!(!filter.is_empty());
/// assert!(HelpFilter::default().is_empty());
/// // The same filter from criteria built elsewhere (a diagnostic, a form...).
/// let criteria = Criteria::default().services([Service::AdministrativeProcedures]);
/// assert_eq!(HelpFilter::from(criteria.clone()).criteria, criteria);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct HelpFilter {
    /// The help to look for.
    #[serde(flatten)]
    pub criteria: Criteria,
    /// Open at this instant, by the place's `horaires` evaluated in its own time zone. Places
    /// without opening hours, or whose hours cannot be parsed, are not returned.
    pub open_at: Option<DateTime<Utc>>,
}

impl From<Criteria> for HelpFilter {
    fn from(criteria: Criteria) -> HelpFilter {
        HelpFilter {
            criteria,
            open_at: None,
        }
    }
}

macro_rules! setter {
    ($($field:ident: $ty:ty),+ $(,)?) => {
        $(
            #[doc = concat!("Sets [`Criteria::", stringify!($field), "`].")]
            pub fn $field(mut self, values: impl IntoIterator<Item = $ty>) -> HelpFilter {
                self.criteria = self.criteria.$field(values);
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
        self.criteria.is_empty() && self.open_at.is_none()
    }

    /// Whether `place` meets the filter's criteria (everything but [`HelpFilter::open_at`]).
    /// The index gives the same answer from its masks.
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
        self.criteria.accepts(place)
    }

    /// The filter in words: [`Criteria::describe`], then `open at` the instant.
    ///
    /// ```
    /// use inclusion_geo::HelpFilter;
    /// use inclusion_model::{AccessMode, Service};
    /// use chrono::{TimeZone, Utc};
    ///
    /// assert_eq!(HelpFilter::default().describe(), "every place");
    /// let f = HelpFilter::default()
    ///     .services([Service::AdministrativeProcedures])
    ///     .exclude_access_modes([AccessMode::NoPublicReception])
    ///     .open_at(Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap());
    /// assert_eq!(f.describe(), "services = Aide aux démarches administratives; \
    ///     not access_modes = Ce lieu n'accueille pas de public; open at 2026-12-01T09:00:00Z");
    /// ```
    pub fn describe(&self) -> String {
        let mut parts = self.criteria.describe_parts();
        if let Some(at) = self.open_at {
            parts.push(format!(
                "open at {}",
                at.to_rfc3339_opts(SecondsFormat::Secs, true)
            ));
        }
        if parts.is_empty() {
            "every place".to_owned()
        } else {
            parts.join("; ")
        }
    }
}

/// The criteria masks of the indexed places ([`inclusion_model::criteria::place_mask`]), in
/// main-tree order, and the AND of them all.
#[derive(Debug, Clone, Default)]
pub(crate) struct PointMasks {
    points: Vec<u64>,
    and: u64,
}

impl PointMasks {
    /// The masks of the points, given in main-tree order.
    pub(crate) fn new(points: Vec<u64>) -> PointMasks {
        let and = points.iter().fold(u64::MAX, |a, &m| a & m);
        PointMasks { points, and }
    }

    /// The masks of the points, in main-tree order.
    pub(crate) fn points(&self) -> &[u64] {
        &self.points
    }

    /// Whether some place may pass `masks`: `false` when every place has an excluded value.
    pub(crate) fn may_match(&self, masks: &CriteriaMasks) -> bool {
        !self.points.is_empty() && masks.may_match(u64::MAX, self.and)
    }

    /// The OR of the masks below each node of `tree`, whose tree position `pos` is the
    /// main-tree position `main(pos)`.
    pub(crate) fn node_masks(&self, tree: &Tree, main: impl Fn(usize) -> usize) -> Vec<u64> {
        tree.summarize(
            0,
            |r| r.fold(0, |or, pos| or | self.points[main(pos)]),
            |a, b| a | b,
        )
    }

    /// Heap bytes.
    pub(crate) fn memory_bytes(&self) -> usize {
        self.points.capacity() * size_of::<u64>()
    }
}

/// A query's criteria (not empty) as a filter of one tree: `nodes` are the OR of the masks
/// below each of its nodes. A node is skipped when its OR misses an "any of" mask (the AND
/// of the masks, which would rule out subtrees where every place has an excluded value, is
/// kept for the whole index only: it costs 8 bytes per node and almost never prunes).
pub(crate) struct MaskFilter<'a> {
    pub(crate) masks: &'a CriteriaMasks,
    pub(crate) points: &'a [u64],
    pub(crate) nodes: &'a [u64],
}

impl Filter for MaskFilter<'_> {
    #[inline(always)]
    fn node(&mut self, i: usize) -> bool {
        self.masks.may_match(self.nodes[i], 0)
    }
    #[inline(always)]
    fn point(&mut self, main: usize) -> Verdict {
        if self.masks.accepts(self.points[main]) {
            Verdict::Yes
        } else {
            Verdict::No
        }
    }
    fn resolve(&mut self, _: usize) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_round_trip_is_flat_and_rejects_unknown_keys() {
        let f = HelpFilter::default()
            .services([Service::AdministrativeProcedures])
            .exclude_access_modes([AccessMode::NoPublicReception]);
        let json = serde_json::to_value(&f).unwrap();
        assert_eq!(json["services"][0], "Aide aux démarches administratives");
        assert_eq!(
            json["exclude_access_modes"][0],
            "Ce lieu n'accueille pas de public"
        );
        assert!(json["open_at"].is_null());
        let back: HelpFilter = serde_json::from_value(json).unwrap();
        assert_eq!(back, f);
        let partial: HelpFilter = serde_json::from_str(r#"{"fees":["Gratuit"]}"#).unwrap();
        assert_eq!(partial, HelpFilter::default().fees([Fee::Free]));
        let open: HelpFilter =
            serde_json::from_str(r#"{"open_at":"2026-12-01T09:00:00Z"}"#).unwrap();
        assert!(open.open_at.is_some() && open.criteria.is_empty());
        assert!(serde_json::from_str::<HelpFilter>(r#"{"service":[]}"#).is_err());
        assert!(serde_json::from_str::<HelpFilter>(r#"{"open":true}"#).is_err());
    }
}
