//! [`CoverageRequest`]: what to measure.

use inclusion_geo::HelpFilter;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::scope::Scope;

/// The default distance thresholds, in kilometres.
pub const DEFAULT_THRESHOLDS_KM: [f64; 3] = [5.0, 10.0, 20.0];

/// The default number of ranked communes.
pub const DEFAULT_TOP: usize = 20;

/// What a coverage run measures: a territory, a filter (the same as the nearest-help
/// queries), distance thresholds, and how many communes to rank.
///
/// ```
/// use inclusion_coverage::{CoverageRequest, Scope};
/// use inclusion_geo::HelpFilter;
/// use inclusion_model::Service;
///
/// let request = CoverageRequest::new(Scope::region("84"))
///     .filter(HelpFilter::default().services([Service::AdministrativeProcedures]))
///     .thresholds_km([10.0, 5.0, 20.0, 30.0])
///     .top(10);
/// assert_eq!(request.thresholds_km, [10.0, 5.0, 20.0, 30.0]); // sorted by the run
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CoverageRequest {
    /// The communes to measure.
    pub territory: Scope,
    /// Which places count as help.
    #[serde(default)]
    pub filter: HelpFilter,
    /// Distance thresholds in kilometres (default 5, 10, 20). A commune is beyond a threshold
    /// when its distance, rounded to the millimetre, is strictly greater.
    #[serde(default = "default_thresholds")]
    pub thresholds_km: Vec<f64>,
    /// The threshold of the ranking of communes; default: the largest threshold.
    #[serde(default)]
    pub rank_beyond_km: Option<f64>,
    /// How many communes to rank (default 20).
    #[serde(default = "default_top")]
    pub top: usize,
}

fn default_thresholds() -> Vec<f64> {
    DEFAULT_THRESHOLDS_KM.to_vec()
}

fn default_top() -> usize {
    DEFAULT_TOP
}

impl CoverageRequest {
    /// A request for a territory, every place counting as help, thresholds 5, 10 and 20 km,
    /// the 20 most populous communes beyond 20 km ranked.
    pub fn new(territory: Scope) -> CoverageRequest {
        CoverageRequest {
            territory,
            filter: HelpFilter::default(),
            thresholds_km: default_thresholds(),
            rank_beyond_km: None,
            top: DEFAULT_TOP,
        }
    }

    /// Sets the filter.
    pub fn filter(mut self, filter: HelpFilter) -> CoverageRequest {
        self.filter = filter;
        self
    }

    /// Sets the thresholds, in kilometres (any order; duplicates are merged).
    pub fn thresholds_km(mut self, thresholds: impl IntoIterator<Item = f64>) -> CoverageRequest {
        self.thresholds_km = thresholds.into_iter().collect();
        self
    }

    /// Sets the threshold of the ranking, in kilometres.
    pub fn rank_beyond_km(mut self, km: f64) -> CoverageRequest {
        self.rank_beyond_km = Some(km);
        self
    }

    /// Sets how many communes to rank.
    pub fn top(mut self, n: usize) -> CoverageRequest {
        self.top = n;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_json_has_defaults() {
        let r: CoverageRequest = serde_json::from_str(r#"{"territory":"all"}"#).unwrap();
        assert_eq!(r, CoverageRequest::new(Scope::All));
        assert!(serde_json::from_str::<CoverageRequest>(r#"{"territory":"all","x":1}"#).is_err());
    }
}
