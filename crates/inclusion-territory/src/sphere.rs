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
    let (sin_lat, cos_lat) = latitude.to_radians().sin_cos();
    let (sin_lon, cos_lon) = longitude.to_radians().sin_cos();
    [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat]
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
