//! Geometry on the sphere: unit vectors, chord lengths and great-circle distances.
//!
//! A position (latitude φ, longitude λ) becomes the unit vector
//! `[cos φ · cos λ, cos φ · sin λ, sin φ]`. The straight-line (chord) distance `c` between two
//! unit vectors is `2 · sin(θ / 2)` for the central angle θ, which grows with θ on [0, π]: the
//! nearest points by chord are exactly the nearest by great-circle distance, with no special case
//! at the poles or across the 180° meridian.
//!
//! ```
//! use inclusion_territory::sphere::{haversine_m, metres_to_chord2, chord2_to_metres};
//!
//! // Grenoble to Lyon, about 94.6 km.
//! let d = haversine_m(45.1885, 5.7245, 45.7640, 4.8357);
//! assert!((d - 94_600.0).abs() < 500.0);
//! // Metres <-> squared chord round-trip.
//! let c2 = metres_to_chord2(d);
//! assert!((chord2_to_metres(c2) - d).abs() < 1e-6);
//! ```

/// The mean Earth radius used for every distance, in metres (the IUGG/GRS80 mean radius
/// R₁ = 6,371,008.8 m, the value `geo::Haversine` uses).
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Half the circumference of the Earth with [`EARTH_RADIUS_M`]: no two points are farther apart.
pub const MAX_DISTANCE_M: f64 = std::f64::consts::PI * EARTH_RADIUS_M;

/// The unit vector of a position given in degrees.
///
/// ```
/// let v = inclusion_territory::sphere::unit_vector(90.0, 0.0);
/// assert!((v[2] - 1.0).abs() < 1e-15);
/// ```
pub fn unit_vector(latitude: f64, longitude: f64) -> [f64; 3] {
    let (sin_lat, cos_lat) = sin_cos_degrees(latitude);
    let (sin_lon, cos_lon) = sin_cos_degrees(longitude);
    [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat]
}

/// The sine and cosine of an angle in degrees, within two units in the last place of
/// `to_radians().sin_cos()` (the property test below), and exact at multiples of 90°.
///
/// The angle is first reduced by the nearest multiple of 90° (`d − 90 n`, exact in floating
/// point for any `|d|` below 10¹²), then converted to radians (at most π/4) for the kernels of
/// fdlibm (`__kernel_sin`, `__kernel_cos`: polynomials of degree 13 and 14, errors under one
/// unit in the last place on [−π/4, π/4]); the quadrant `n mod 4` swaps and signs the two.
/// Measured (callgrind, `INCLUSION_BENCH_WORKLOAD=100k:build`): glibc's `sincos` after
/// `to_radians` took 210 instructions a place (two calls), 14 % of the index's build; see
/// ARCHITECTURE.md (inclusion-geo, "Geometry").
///
/// ```
/// use inclusion_territory::sphere::sin_cos_degrees;
/// assert_eq!(sin_cos_degrees(90.0), (1.0, 0.0));
/// let (s, c) = sin_cos_degrees(45.1885);
/// let (s2, c2) = 45.1885_f64.to_radians().sin_cos();
/// assert!((s - s2).abs() < 1e-15 && (c - c2).abs() < 1e-15);
/// ```
#[inline]
pub fn sin_cos_degrees(degrees: f64) -> (f64, f64) {
    // One comparison, false for a NaN as for a large angle.
    if degrees.abs().partial_cmp(&1e12) != Some(std::cmp::Ordering::Less) {
        // Far beyond any position (or not a number): the standard library's reduction.
        return degrees.to_radians().sin_cos();
    }
    // The nearest multiple of 90° (`as` truncates: a half added away from zero rounds; one
    // off by one at a tie leaves the reduced angle a hair over 45°, where the kernels are
    // still exact to the unit). `round` is a library call on the baseline x86-64.
    let quadrant = (degrees * (1.0 / 90.0) + 0.5_f64.copysign(degrees)) as i64;
    let x = (degrees - quadrant as f64 * 90.0) * (std::f64::consts::PI / 180.0);
    let (sin, cos) = (kernel_sin(x), kernel_cos(x));
    match quadrant & 3 {
        0 => (sin, cos),
        1 => (cos, -sin + 0.0),
        2 => (-sin + 0.0, -cos),
        _ => (-cos, sin),
    }
}

/// fdlibm's coefficients of `__kernel_sin` (`S1` to `S6`), as the shortest decimals of the
/// same doubles (the test below checks their bits against those fdlibm gives).
const SIN: [f64; 6] = [
    -0.166_666_666_666_666_32,
    0.008_333_333_333_322_49,
    -0.000_198_412_698_298_579_5,
    2.755_731_370_707_006_8e-6,
    -2.505_076_025_340_686_3e-8,
    1.589_690_995_211_55e-10,
];

/// fdlibm's coefficients of `__kernel_cos` (`C1` to `C6`), as [`SIN`].
const COS: [f64; 6] = [
    0.041_666_666_666_666_6,
    -0.001_388_888_888_887_411,
    2.480_158_728_947_673e-5,
    -2.755_731_435_139_066_3e-7,
    2.087_572_321_298_175e-9,
    -1.135_964_755_778_819_5e-11,
];

/// fdlibm's `__kernel_sin(x, 0, 0)`: the sine of `x` in [−π/4, π/4].
#[inline]
fn kernel_sin(x: f64) -> f64 {
    let [s1, s2, s3, s4, s5, s6] = SIN;
    let z = x * x;
    let r = s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)));
    x + z * x * (s1 + z * r)
}

/// fdlibm's `__kernel_cos(x, 0)`: the cosine of `x` in [−π/4, π/4].
#[inline]
fn kernel_cos(x: f64) -> f64 {
    let [c1, c2, c3, c4, c5, c6] = COS;
    let z = x * x;
    let w = z * z;
    let r = z * (c1 + z * (c2 + z * c3)) + w * w * (c4 + z * (c5 + z * c6));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + z * r)
}

/// The squared Euclidean distance between two 3D points.
#[inline]
pub fn distance2(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    let dx = a[0] - b[0];
    let dy = a[1] - b[1];
    let dz = a[2] - b[2];
    dx * dx + dy * dy + dz * dz
}

/// The squared chord between two unit vectors that are `metres` apart on the sphere.
/// Distances beyond half the circumference are capped there (chord² = 4).
pub fn metres_to_chord2(metres: f64) -> f64 {
    let angle = (metres / EARTH_RADIUS_M).clamp(0.0, std::f64::consts::PI);
    let chord = 2.0 * (angle / 2.0).sin();
    chord * chord
}

/// The great-circle distance in metres for a squared chord between two unit vectors.
pub fn chord2_to_metres(chord2: f64) -> f64 {
    let half = (chord2.max(0.0).sqrt() / 2.0).min(1.0);
    2.0 * EARTH_RADIUS_M * half.asin()
}

/// The great-circle distance in metres between two positions in degrees, by the haversine
/// formula on a sphere of radius [`EARTH_RADIUS_M`].
///
/// ```
/// // A quarter of a meridian.
/// let d = inclusion_territory::sphere::haversine_m(0.0, 0.0, 90.0, 0.0);
/// assert!((d - inclusion_territory::sphere::MAX_DISTANCE_M / 2.0).abs() < 1e-6);
/// ```
pub fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.clamp(0.0, 1.0).sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// How many representable numbers lie between `a` and `b` (0 when equal, ±0 alike).
    fn ulps(a: f64, b: f64) -> u64 {
        let key = |x: f64| {
            let bits = x.to_bits() as i64;
            if bits < 0 { i64::MIN - bits } else { bits }
        };
        key(a).abs_diff(key(b))
    }

    /// At most two units in the last place apart, or 2⁻⁵¹ near zero, where the oracle's own
    /// conversion to radians (an error of half a unit of π) dominates: sin(180°) is 1.2e-16
    /// for the standard library, 0 here, the exact answer.
    fn close(ours: f64, std: f64) -> bool {
        ulps(ours, std) <= 2 || (ours - std).abs() <= 2.0 * f64::EPSILON
    }

    #[test]
    fn the_kernels_coefficients_are_fdlibm_s() {
        // fdlibm's k_sin.c and k_cos.c give each coefficient's bits next to its decimal.
        let sin = [
            0xbfc5555555555549_u64,
            0x3f8111111110f8a6,
            0xbf2a01a019c161d5,
            0x3ec71de357b1fe7d,
            0xbe5ae5e68a2b9ceb,
            0x3de5d93a5acfd57c,
        ];
        let cos = [
            0x3fa555555555554c_u64,
            0xbf56c16c16c15177,
            0x3efa01a019cb1590,
            0xbe927e4f809c52ad,
            0x3e21ee9ebdb4b1c4,
            0xbda8fae9be8838d4,
        ];
        assert_eq!(SIN.map(f64::to_bits), sin);
        assert_eq!(COS.map(f64::to_bits), cos);
    }

    #[test]
    fn sine_and_cosine_are_exact_at_multiples_of_90_degrees() {
        for (d, sin, cos) in [
            (0.0, 0.0, 1.0),
            (90.0, 1.0, 0.0),
            (180.0, 0.0, -1.0),
            (-90.0, -1.0, 0.0),
            (-180.0, 0.0, -1.0),
            (270.0, -1.0, 0.0),
            (360.0, 0.0, 1.0),
        ] {
            assert_eq!(sin_cos_degrees(d), (sin, cos), "{d}");
        }
        assert!(sin_cos_degrees(f64::NAN).0.is_nan() && sin_cos_degrees(f64::INFINITY).1.is_nan());
        let far = 1e15_f64 + 0.5;
        assert_eq!(sin_cos_degrees(far), far.to_radians().sin_cos());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        /// The standard library is the oracle, on the angle first brought into [−180°, 180°]
        /// (`%` is exact; radians of a large angle are not): at most two units in
        /// the last place apart (see `close`), for positions and any angle up to 10⁶ degrees.
        #[test]
        fn sine_and_cosine_are_those_of_the_standard_library(
            degrees in prop_oneof![-180.0..180.0f64, -1e6..1e6f64, -1e-3..1e-3f64],
        ) {
            let (sin, cos) = sin_cos_degrees(degrees);
            let mut reduced = degrees % 360.0;
            if reduced.abs() > 180.0 {
                // Exact (Sterbenz): the two are within a factor of two.
                reduced -= 360.0_f64.copysign(reduced);
            }
            let (std_sin, std_cos) = reduced.to_radians().sin_cos();
            prop_assert!(close(sin, std_sin), "sin {degrees}: {sin} vs {std_sin}");
            prop_assert!(close(cos, std_cos), "cos {degrees}: {cos} vs {std_cos}");
        }
    }

    #[test]
    fn chord_is_monotonic_with_haversine() {
        let pts = [
            (45.0, 5.0),
            (45.001, 5.0),
            (46.0, 7.0),
            (-13.28, -176.17),
            (-17.53, -149.56),
            (89.9, 120.0),
            (-45.0, -175.0),
        ];
        let q = unit_vector(45.0, 5.0);
        let mut by_chord: Vec<_> = pts
            .iter()
            .map(|&(la, lo)| (distance2(&q, &unit_vector(la, lo)), la, lo))
            .collect();
        by_chord.sort_by(|a, b| a.0.total_cmp(&b.0));
        let hav: Vec<f64> = by_chord
            .iter()
            .map(|&(_, la, lo)| haversine_m(45.0, 5.0, la, lo))
            .collect();
        assert!(hav.windows(2).all(|w| w[0] <= w[1]), "{hav:?}");
        for &(c2, la, lo) in &by_chord {
            let h = haversine_m(45.0, 5.0, la, lo);
            assert!((chord2_to_metres(c2) - h).abs() <= 1e-6 * h.max(1.0));
        }
    }

    #[test]
    fn antimeridian_neighbours_are_close() {
        let d = haversine_m(-13.3, 179.99, -13.3, -179.99);
        assert!(d < 2_200.0 && d > 2_100.0, "{d}");
        let c2 = distance2(&unit_vector(-13.3, 179.99), &unit_vector(-13.3, -179.99));
        assert!((chord2_to_metres(c2) - d).abs() < 1e-3);
    }

    #[test]
    fn metres_chord_round_trip_and_caps() {
        for m in [0.0, 1.0, 1_000.0, 30_000.0, 5_000_000.0, MAX_DISTANCE_M] {
            let back = chord2_to_metres(metres_to_chord2(m));
            assert!((back - m).abs() <= 1e-6 * m.max(1.0), "{m} -> {back}");
        }
        assert_eq!(metres_to_chord2(1e12), metres_to_chord2(MAX_DISTANCE_M));
        assert!((metres_to_chord2(MAX_DISTANCE_M) - 4.0).abs() < 1e-12);
    }
}
