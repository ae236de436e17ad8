//! Map projections for the coverage maps, in metres (x east, y north).
//!
//! * [`Projection::lambert93`]: **Lambert-93** (EPSG:2154), the official projection of
//!   metropolitan France: Lambert conformal conic on the GRS80 ellipsoid, standard parallels
//!   44° N and 49° N, origin 46°30′ N 3° E, false easting 700,000 m and northing 6,600,000 m.
//!   Conformal (shapes are kept); its scale factor goes from 0.99905 at 46.5° N to 1.0023 at
//!   Dunkirk and 1.0031 at Bonifacio, so one scale bar holds for the whole map to 0.3%. WGS84 coordinates are taken as RGF93,
//!   which agrees with WGS84 to a few centimetres.
//! * [`Projection::equirectangular`]: for an overseas territory, x = R·cos φ₀·Δλ and y = R·φ on
//!   the sphere of [`EARTH_RADIUS_M`], with φ₀ the territory's middle latitude; true to
//!   scale along the meridians and along φ₀, enough for the small extent of an island or of
//!   Guyane. Longitudes are measured from a central meridian, so a territory across the 180°
//!   meridian stays in one piece.
//!
//! ```
//! use inclusion_coverage::projection::Projection;
//!
//! let (x, y) = Projection::lambert93().project(46.5, 3.0);
//! assert!((x - 700_000.0).abs() < 1e-6 && (y - 6_600_000.0).abs() < 1e-6);
//! ```

use inclusion_geo::sphere::EARTH_RADIUS_M;

/// A projection from WGS84 degrees to metres on a plane (x east, y north).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Projection {
    /// Lambert conformal conic with two standard parallels, on an ellipsoid.
    LambertConic {
        /// Semi-major axis, metres.
        a: f64,
        /// First eccentricity.
        e: f64,
        /// Central meridian, radians.
        lon0: f64,
        /// Cone constant.
        n: f64,
        /// `a · F` of the usual formulas.
        a_f: f64,
        /// Radius of the parallel of origin.
        rho0: f64,
        /// False easting.
        x0: f64,
        /// False northing.
        y0: f64,
    },
    /// Equirectangular on the sphere, scaled by the cosine of a standard parallel.
    Equirectangular {
        /// Standard parallel, degrees.
        lat0: f64,
        /// Central meridian, degrees.
        lon0: f64,
    },
}

impl Projection {
    /// Lambert-93 (EPSG:2154).
    pub fn lambert93() -> Projection {
        // GRS80.
        let a = 6_378_137.0;
        let f: f64 = 1.0 / 298.257_222_101;
        let e = (2.0 * f - f * f).sqrt();
        let (phi1, phi2, phi0) = (44f64.to_radians(), 49f64.to_radians(), 46.5f64.to_radians());
        let m = |phi: f64| parallel_radius(e, phi);
        let t = |phi: f64| conformal_t(e, phi);
        let n = (m(phi1).ln() - m(phi2).ln()) / (t(phi1).ln() - t(phi2).ln());
        let a_f = a * m(phi1) / (n * t(phi1).powf(n));
        Projection::LambertConic {
            a,
            e,
            lon0: 3f64.to_radians(),
            n,
            a_f,
            rho0: a_f * t(phi0).powf(n),
            x0: 700_000.0,
            y0: 6_600_000.0,
        }
    }

    /// Equirectangular around a middle latitude and a central meridian (degrees).
    pub fn equirectangular(lat0: f64, lon0: f64) -> Projection {
        Projection::Equirectangular { lat0, lon0 }
    }

    /// The projected position (x east, y north), in metres.
    pub fn project(&self, latitude: f64, longitude: f64) -> (f64, f64) {
        match *self {
            Projection::LambertConic {
                e,
                lon0,
                n,
                a_f,
                rho0,
                x0,
                y0,
                ..
            } => {
                let rho = a_f * conformal_t(e, latitude.to_radians()).powf(n);
                let theta = n * (longitude.to_radians() - lon0);
                (x0 + rho * theta.sin(), y0 + rho0 - rho * theta.cos())
            }
            Projection::Equirectangular { lat0, lon0 } => {
                let dlon = (longitude - lon0 + 540.0).rem_euclid(360.0) - 180.0;
                (
                    EARTH_RADIUS_M * lat0.to_radians().cos() * dlon.to_radians(),
                    EARTH_RADIUS_M * latitude.to_radians(),
                )
            }
        }
    }

    /// The scale factor at a latitude: projected metres per metre on the ground along a
    /// parallel (1 on the standard parallels).
    pub fn scale_factor(&self, latitude: f64) -> f64 {
        match *self {
            Projection::LambertConic { a, e, n, a_f, .. } => {
                let phi = latitude.to_radians();
                let rho = a_f * conformal_t(e, phi).powf(n);
                rho * n / (a * parallel_radius(e, phi))
            }
            Projection::Equirectangular { lat0, .. } => {
                lat0.to_radians().cos() / latitude.to_radians().cos()
            }
        }
    }
}

/// `m(φ) = cos φ / √(1 − e² sin² φ)`: the radius of a parallel over the semi-major axis.
fn parallel_radius(e: f64, phi: f64) -> f64 {
    phi.cos() / (1.0 - (e * phi.sin()).powi(2)).sqrt()
}

/// `t(φ) = tan(π/4 − φ/2) / ((1 − e sin φ) / (1 + e sin φ))^(e/2)`.
fn conformal_t(e: f64, phi: f64) -> f64 {
    let es = e * phi.sin();
    (std::f64::consts::FRAC_PI_4 - phi / 2.0).tan() / ((1.0 - es) / (1.0 + es)).powf(e / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values computed with PROJ 9.5.1 (pyproj 3.7.2),
    /// `Transformer.from_crs("EPSG:4326", "EPSG:2154", always_xy=True)`.
    const PROJ: [(f64, f64, f64, f64); 6] = [
        (3.0, 46.5, 700_000.000, 6_600_000.000),
        (2.3522, 48.8566, 652_469.023, 6_862_035.259),
        (5.7245, 45.1885, 913_924.101, 6_458_045.158),
        (-4.4861, 48.3904, 146_632.979, 6_836_262.327),
        (9.45, 42.70, 1_228_546.045, 6_199_420.644),
        (7.75, 48.58, 1_050_163.944, 6_841_622.715),
    ];

    #[test]
    fn lambert93_matches_proj_to_the_millimetre() {
        let p = Projection::lambert93();
        for (lon, lat, x, y) in PROJ {
            let (px, py) = p.project(lat, lon);
            assert!(
                (px - x).abs() < 2e-3 && (py - y).abs() < 2e-3,
                "{lat},{lon}: {px},{py}"
            );
        }
    }

    #[test]
    fn lambert93_scale_is_one_on_the_standard_parallels() {
        let p = Projection::lambert93();
        assert!((p.scale_factor(44.0) - 1.0).abs() < 1e-9);
        assert!((p.scale_factor(49.0) - 1.0).abs() < 1e-9);
        // Published: k0 = 0.99905 at the parallel of origin.
        assert!((p.scale_factor(46.5) - 0.999_05).abs() < 1e-5);
        // Within 0.1% between 43° and 50° N, 0.31% at the ends (Bonifacio, Dunkirk).
        for lat in [43.0, 44.5, 46.5, 48.0, 50.0] {
            assert!((p.scale_factor(lat) - 1.0).abs() < 1e-3, "{lat}");
        }
        assert!((p.scale_factor(41.3) - 1.003_07).abs() < 1e-5);
        assert!((p.scale_factor(51.1) - 1.002_34).abs() < 1e-5);
    }

    #[test]
    fn equirectangular_is_true_along_meridians_and_wraps_the_antimeridian() {
        let p = Projection::equirectangular(-13.5, -177.0);
        let (_, y1) = p.project(-13.0, -177.0);
        let (_, y2) = p.project(-14.0, -177.0);
        let d = inclusion_geo::sphere::haversine_m(-13.0, -177.0, -14.0, -177.0);
        assert!(((y1 - y2) - d).abs() < 1e-6);
        let (x_east, _) = p.project(-13.5, 179.9);
        let (x_west, _) = p.project(-13.5, -179.9);
        assert!(x_east < 0.0 && x_west < 0.0 && x_west > x_east);
        assert!((p.scale_factor(-13.5) - 1.0).abs() < 1e-12);
    }
}
