//! Synthetic places clustered like the population (shared by `benches/coverage.rs` and
//! `benches/search.rs`, which include this file with `#[path]`): a commune of the gazetteer
//! drawn with probability proportional to its population, then a Gaussian offset around its
//! point.

use inclusion::territory::communes::{Commune, CommunePoint, Gazetteer};
use proptest::prelude::RngExt;
use proptest::test_runner::TestRng;

/// The communes with a point, and the running total of their populations.
pub struct Population<'g> {
    located: Vec<(&'g Commune, CommunePoint)>,
    cumulative: Vec<f64>,
}

impl<'g> Population<'g> {
    pub fn new(g: &'g Gazetteer) -> Population<'g> {
        let located: Vec<_> = g
            .communes()
            .iter()
            .filter_map(|c| Some((c, c.point?)))
            .collect();
        let mut cumulative = Vec::with_capacity(located.len());
        let mut total = 0.0;
        for (c, _) in &located {
            total += f64::from(c.population.max(1));
            cumulative.push(total);
        }
        Population {
            located,
            cumulative,
        }
    }

    /// A commune, with probability proportional to its population.
    pub fn draw(&self, rng: &mut TestRng) -> (&'g Commune, CommunePoint) {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.random::<f64>() * total;
        let k = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.located.len() - 1);
        self.located[k]
    }

    /// A position around `point`, with a Gaussian offset of `sd_m` metres (Box-Muller).
    pub fn around(point: CommunePoint, sd_m: f64, rng: &mut TestRng) -> (f64, f64) {
        let (u, v) = (rng.random::<f64>().max(1e-300), rng.random::<f64>());
        let r = (-2.0 * u.ln()).sqrt() * sd_m / 111_195.0;
        let (s, c) = (std::f64::consts::TAU * v).sin_cos();
        let lat = (point.latitude + r * s).clamp(-90.0, 90.0);
        let lon = point.longitude + r * c / point.latitude.to_radians().cos().max(0.05);
        (lat, (lon + 540.0).rem_euclid(360.0) - 180.0)
    }
}
