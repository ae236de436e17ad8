//! The cost of the land checks per place: `check_position` (outlines, codes and the communes of
//! the address), `Outlines::area_at` and `Outlines::nearest_french_land` alone, against the
//! bounding-box test the Strict validation uses today (`Territory::by_bounding_box`), over the
//! 687 embedded places and the same places with their longitude's sign lost.
//!
//! ```sh
//! cargo bench --bench territory
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use geo_types::Point;
use inclusion::territory::Territory;
use inclusion::territory::outlines::Outlines;
use inclusion::territory::position::check_position;

fn main() {
    let mut crit = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
        .configure_from_args();
    let places: Vec<(Point<f64>, String, Option<String>)> = inclusion::data::sample_places()
        .iter()
        .filter_map(|p| {
            Some((
                p.point()?,
                p.address.postcode.to_string(),
                p.address.insee_code.as_deref().map(str::to_owned),
            ))
        })
        .collect();
    let lost: Vec<_> = places
        .iter()
        .map(|(p, c, i)| (Point::new(-p.x(), p.y()), c.clone(), i.clone()))
        .collect();
    let outlines = Outlines::embedded();
    // Parse and index the embedded data before timing.
    black_box(check_position(
        places[0].0,
        &places[0].1,
        places[0].2.as_deref(),
    ));
    let mut g = crit.benchmark_group("land_checks_687_places");
    g.bench_function("by_bounding_box", |b| {
        b.iter(|| {
            for (p, _, _) in &places {
                black_box(Territory::by_bounding_box(p.y(), p.x()));
            }
        })
    });
    g.bench_function("area_at", |b| {
        b.iter(|| {
            for (p, _, _) in &places {
                black_box(outlines.area_at(*p));
            }
        })
    });
    g.bench_function("nearest_french_land", |b| {
        b.iter(|| {
            for (p, _, _) in &places {
                black_box(outlines.nearest_french_land(*p));
            }
        })
    });
    g.bench_function("check_position", |b| {
        b.iter(|| {
            for (p, code, insee) in &places {
                black_box(check_position(*p, code, insee.as_deref()));
            }
        })
    });
    g.bench_function("check_position_sign_lost", |b| {
        b.iter(|| {
            for (p, code, insee) in &lost {
                black_box(check_position(*p, code, insee.as_deref()));
            }
        })
    });
    g.finish();
    crit.final_summary();
}
