//! The land under the map's communes: the outlines of `inclusion-territory` (Natural Earth
//! 1:10m: France, its overseas territories, its neighbours), projected into a map frame and
//! simplified with `geo` (Douglas–Peucker, to about half a pixel), as SVG paths.

use geo::Simplify;
use geo_types::{Coord, LineString, Polygon};
use inclusion_territory::outlines::{LandArea, Outlines};

use crate::projection::Projection;
use crate::svg::num;

/// One area's land in a frame: an SVG path (`evenodd`: holes are holes).
pub(crate) struct LandPath {
    /// French land (else a neighbouring country).
    pub(crate) french: bool,
    /// The path data, in page coordinates.
    pub(crate) d: String,
    /// The area's name, for the tooltip.
    pub(crate) name: &'static str,
}

/// The land paths of every area that meets a frame whose projected bounds are `bounds` (min x,
/// min y, max x, max y), drawn at `scale` pixels per projected metre by `to_page`.
pub(crate) fn land_paths(
    projection: &Projection,
    bounds: [f64; 4],
    scale: f64,
    to_page: impl Fn(f64, f64) -> (f64, f64),
) -> Vec<LandPath> {
    if !(scale.is_finite() && scale > 0.0) {
        return Vec::new();
    }
    // Half a pixel, in projected metres.
    let epsilon = 0.5 / scale;
    let (w, h) = (bounds[2] - bounds[0], bounds[3] - bounds[1]);
    let view = [
        bounds[0] - 0.1 * w,
        bounds[1] - 0.1 * h,
        bounds[2] + 0.1 * w,
        bounds[3] + 0.1 * h,
    ];
    let project = |ring: &LineString<f64>| -> LineString<f64> {
        ring.coords()
            .map(|c| {
                let (x, y) = projection.project(c.y, c.x);
                Coord { x, y }
            })
            .collect()
    };
    let mut paths = Vec::new();
    for outline in Outlines::embedded().outlines() {
        let mut d = String::new();
        for polygon in &outline.shape.0 {
            let exterior = project(polygon.exterior());
            let meets = {
                let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
                for c in exterior.coords() {
                    lo = [lo[0].min(c.x), lo[1].min(c.y)];
                    hi = [hi[0].max(c.x), hi[1].max(c.y)];
                }
                lo[0] <= view[2] && hi[0] >= view[0] && lo[1] <= view[3] && hi[1] >= view[1]
            };
            if !meets {
                continue;
            }
            let projected =
                Polygon::new(exterior, polygon.interiors().iter().map(project).collect())
                    .simplify(epsilon);
            for ring in std::iter::once(projected.exterior()).chain(projected.interiors()) {
                if ring.0.len() < 4 {
                    continue;
                }
                for (i, c) in ring.coords().take(ring.0.len() - 1).enumerate() {
                    let (x, y) = to_page(c.x, c.y);
                    d.push(if i == 0 { 'M' } else { 'L' });
                    d.push_str(&num(x));
                    d.push(',');
                    d.push_str(&num(y));
                }
                d.push('Z');
            }
        }
        if !d.is_empty() {
            paths.push(LandPath {
                french: matches!(outline.area, LandArea::French(_)),
                d,
                name: outline.area.name(),
            });
        }
    }
    // Neighbours first, French land on top.
    paths.sort_by_key(|p| p.french);
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metropolitan_france_and_its_neighbours_meet_the_lambert_frame() {
        let p = Projection::lambert93();
        // Lambert-93 bounds of metropolitan France, 1 pixel per kilometre.
        let bounds = [100_000.0, 6_040_000.0, 1_250_000.0, 7_120_000.0];
        let paths = land_paths(&p, bounds, 0.001, |x, y| (x / 1000.0, -y / 1000.0));
        let french: Vec<_> = paths.iter().filter(|p| p.french).collect();
        assert_eq!(french.len(), 1, "only metropolitan France is in this frame");
        assert_eq!(french[0].name, "France métropolitaine");
        assert!(paths.iter().any(|p| p.name == "Suisse"));
        assert!(!paths.iter().any(|p| p.name == "Brésil"));
        // Simplified to about a pixel: far fewer points than the 3,658 of the outline.
        let points = french[0].d.matches(['M', 'L']).count();
        assert!((200..3_000).contains(&points), "{points}");
        assert!(!french[0].d.contains("NaN"));
        // Neighbours are drawn first, France on top.
        assert!(paths.last().unwrap().french);
    }

    #[test]
    fn a_bad_scale_draws_nothing() {
        let p = Projection::lambert93();
        assert!(land_paths(&p, [0.0, 0.0, 1.0, 1.0], f64::NAN, |x, y| (x, y)).is_empty());
    }
}
