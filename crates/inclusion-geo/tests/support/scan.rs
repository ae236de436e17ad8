//! The brute-force answer the index is checked against (shared by `oracle.rs` and
//! `subsets.rs`, which include this file with `#[path]`): every place given, by haversine
//! distance from the query, within its maximum distance, sorted by (distance, id), cut at `k`.

use inclusion_geo::HelpQuery;
use inclusion_geo::sphere::haversine_m;
use inclusion_model::Place;

/// The answer to `q` among `places` (already filtered), as (id, metres).
pub fn scan<'a>(places: impl Iterator<Item = &'a Place>, q: &HelpQuery) -> Vec<(String, f64)> {
    let max = q.max_distance_m.unwrap_or(f64::INFINITY);
    let mut all: Vec<(String, f64)> = places
        .filter_map(|p| {
            let c = p.coordinates?;
            let d = haversine_m(q.latitude, q.longitude, c.latitude(), c.longitude());
            (d <= max).then(|| (p.id.to_string(), d))
        })
        .collect();
    all.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    if let Some(k) = q.k {
        all.truncate(k);
    }
    all
}
