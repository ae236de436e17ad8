//! Property tests of the land outlines: points sampled inside each outline are found in it,
//! points sampled outside are not, against `geo`'s plain point-in-polygon test on every polygon
//! (no index) as the oracle.
#![cfg(feature = "outlines")]

use geo::{BoundingRect, Contains};
use geo_types::Point;
use inclusion_territory::outlines::{LandArea, Outlines};
use proptest::prelude::*;

/// The oracle: the first outline (in the outlines' order) whose polygons contain the point.
fn brute_force(outlines: &Outlines, p: Point<f64>) -> Option<LandArea> {
    outlines
        .outlines()
        .iter()
        .find(|o| o.shape.0.iter().any(|poly| poly.contains(&p)))
        .map(|o| o.area)
}

/// Every (area, polygon) of the embedded outlines.
fn polygons() -> Vec<(usize, usize)> {
    let o = Outlines::embedded();
    o.outlines()
        .iter()
        .enumerate()
        .flat_map(|(i, outline)| (0..outline.shape.0.len()).map(move |j| (i, j)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_500))]

    /// Points drawn in the bounding box of a random polygon: inside some outline by the oracle,
    /// then found in that outline; outside every outline, then found in none.
    #[test]
    fn points_in_and_around_every_polygon(pick in 0usize..10_000, u in 0.0f64..1.0, v in 0.0f64..1.0) {
        let o = Outlines::embedded();
        let all = polygons();
        let (i, j) = all[pick % all.len()];
        let rect = o.outlines()[i].shape.0[j].bounding_rect().unwrap();
        // The box grown by 10% on each side, so that points outside are drawn too.
        let (w, h) = (rect.width(), rect.height());
        let p = Point::new(
            rect.min().x - 0.1 * w + u * 1.2 * w,
            rect.min().y - 0.1 * h + v * 1.2 * h,
        );
        prop_assert_eq!(o.area_at(p), brute_force(o, p), "{:?}", p);
    }
}

#[test]
fn many_points_are_drawn_inside_and_outside_each_area() {
    // The property above would be weak if nearly every point fell outside: count both kinds
    // with a 24 × 24 grid over each territory's bounding box.
    let o = Outlines::embedded();
    for outline in o.outlines() {
        let rect = outline
            .shape
            .0
            .iter()
            .filter_map(|p| p.bounding_rect())
            .max_by(|a, b| (a.width() * a.height()).total_cmp(&(b.width() * b.height())))
            .unwrap();
        let (mut inside, mut outside) = (0, 0);
        for a in 0..24 {
            for b in 0..24 {
                let p = Point::new(
                    rect.min().x + (a as f64 + 0.5) / 24.0 * rect.width(),
                    rect.min().y + (b as f64 + 0.5) / 24.0 * rect.height(),
                );
                let here = o.area_at(p);
                assert_eq!(here, brute_force(o, p), "{p:?}");
                if here == Some(outline.area) {
                    inside += 1;
                } else {
                    outside += 1;
                }
            }
        }
        assert!(
            inside > 0 && outside > 0,
            "{:?}: {inside} {outside}",
            outline.area
        );
    }
}
