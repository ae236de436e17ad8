//! SplitMix64: a small, seeded, reproducible generator for tests and benchmarks (shared by
//! `crates/inclusion-geo/tests/oracle.rs` and `benches/nearest_help.rs`, which include this
//! file with `#[path]`; each uses only some of the methods).
#![allow(dead_code)]

/// SplitMix64 state.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// One of `choices` drawn with its share (one uniform draw), or `None` with the share left
    /// over when the shares add up to less than 1.
    pub fn pick<'a, T>(&mut self, choices: &'a [(T, f64)]) -> Option<&'a T> {
        let mut x = self.unit();
        for (choice, share) in choices {
            if x < *share {
                return Some(choice);
            }
            x -= share;
        }
        None
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform in 0..n.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Each value with its own probability.
    pub fn subset<T: Copy>(&mut self, all: &[T], probabilities: &[f64]) -> Vec<T> {
        all.iter()
            .zip(probabilities.iter().cycle())
            .filter_map(|(v, &p)| self.chance(p).then_some(*v))
            .collect()
    }

    /// Standard normal (Box–Muller).
    pub fn gaussian(&mut self) -> f64 {
        let (u, v) = (self.unit().max(1e-300), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}
