//! Is a place where its address says? A position checked against the land outlines
//! ([`outlines`](crate::outlines)) and the address's codes (cargo feature `outlines`).
//!
//! [`check_position`] (or a [`PositionChecker`] with other outlines, gazetteer or tolerance)
//! classifies a position given with the `code_postal` and optional `code_insee` of its address:
//!
//! | [`PositionCheck`] | when |
//! |---|---|
//! | `OnLand` | on the land of the territory the codes name, or within [`COAST_TOLERANCE_M`] of it |
//! | `SignLost` | not where the address says, but it is once the sign of the longitude (or latitude) is restored; the corrected position is given |
//! | `Swapped` | the same with latitude and longitude swapped |
//! | `OtherTerritory` | on the land of another French territory than the codes name |
//! | `NeighbourCountry` | in a neighbouring country, farther than the tolerance from French land |
//! | `AtSea` | farther than the tolerance from any French land, in no neighbouring country, with the distance and the nearest territory |
//!
//! "Where the address says" is the land of the territory of the codes (the code INSEE's and the
//! postcode's, [`Departement::of_insee`] and [`Departement::of_postcode`]; either, when they
//! disagree: that disagreement is a check of its own) and, when a gazetteer is given
//! ([`check_position`] uses the embedded one with the cargo feature `communes`), within
//! [`COMMUNE_RADIUS_M`] of the point of the commune of the code INSEE or of one of the communes
//! of the postcode. A position on the right land but farther from its commune, for which no
//! correction fits, is `OnLand` with that distance (`commune_distance_m`): a wrong postcode or a
//! geocoding to another commune, which the land cannot tell. The
//! commune test is what catches a lost minus sign that stays inside France: a place of Nantes
//! (1.55° W) written at 1.55° E lies on French land, near Orléans, 240 km from Nantes.
//! Corrections are only suggested when the position given is not where the address says and
//! the corrected one is.
//!
//! **The tolerance** ([`COAST_TOLERANCE_M`], 3.5 km from the outlines; [`PACIFIC_TOLERANCE_M`],
//! 40 km, for the Pacific collectivities) was chosen from the real datasets: the 1:10m outlines
//! are off by up to about a kilometre (real places on the coast lie up to 1.4 km off them), the
//! border of Monaco by 3.2 km (two real places of Cap-d'Ail), and islands are missing (a real
//! place on Tiga, Nouvelle-Calédonie, is 30.5 km from the nearest outline). The root test
//! `tests/land_checks.rs` checks the 2,306 real places with coordinates of
//! `../shared/anchors/real-datasets` and of the embedded data: the one flagged is a real error
//! (a place of Cognac with its longitude's sign lost), none is flagged wrongly.
//!
//! ```
//! use geo_types::Point;
//! use inclusion_territory::position::{check_position, PositionCheck};
//! use inclusion_territory::Territory;
//!
//! // Grenoble, where its postcode says.
//! let ok = check_position(Point::new(5.7245, 45.1885), "38000", Some("38185"));
//! assert!(matches!(ok, PositionCheck::OnLand { territory: Territory::Metropolitan, .. }));
//!
//! // Nantes with the minus sign of its longitude lost: on French land, near Orléans.
//! match check_position(Point::new(1.5536, 47.2184), "44000", None) {
//!     PositionCheck::SignLost { corrected, .. } => assert_eq!(corrected.x(), -1.5536),
//!     other => panic!("{other:?}"),
//! }
//!
//! // Latitude and longitude swapped (Grenoble again).
//! let swapped = check_position(Point::new(45.1885, 5.7245), "38000", None);
//! assert!(matches!(swapped, PositionCheck::Swapped { .. }));
//!
//! // A place of La Réunion put in Mayotte, one in Geneva, one in the Bay of Biscay.
//! let other = check_position(Point::new(45.15, -12.82), "97400", None);
//! assert!(matches!(other, PositionCheck::OtherTerritory { found: Territory::Mayotte, .. }));
//! let geneva = check_position(Point::new(6.14, 46.20), "74100", None);
//! assert!(matches!(geneva, PositionCheck::NeighbourCountry { .. }));
//! let sea = check_position(Point::new(-2.5, 44.0), "40200", None);
//! assert!(matches!(sea, PositionCheck::AtSea { distance_m, .. } if distance_m > 50_000.0));
//! ```

use geo_types::Point;

use crate::communes::Gazetteer;
use crate::outlines::{Country, LandArea, NearestLand, Outlines};
use crate::sphere::haversine_m;
use crate::{Departement, Territory};

/// How far from the outlines of its territory's land a position still counts as on land, in
/// metres: 3.5 km. Chosen from the real datasets (`tests/land_checks.rs`): real places on the
/// coast lie up to 1.4 km off the 1:10m outlines, and two real places of Cap-d'Ail lie 2.5 and
/// 3.2 km inside the outline of Monaco, whose 1:10m border is that coarse.
pub const COAST_TOLERANCE_M: f64 = 3_500.0;

/// The tolerance for the Pacific collectivities (Nouvelle-Calédonie, Polynésie française,
/// Wallis-et-Futuna), whose 1:10m outlines miss inhabited islands and islets: 40 km.
pub const PACIFIC_TOLERANCE_M: f64 = 40_000.0;

/// How far from the point of the address's commune a place may be before a lost sign or a
/// swap is looked for, and how near the corrected position must come: 30 km (a commune's point
/// is its seat, or the seat of a commune sharing its postcode).
pub const COMMUNE_RADIUS_M: f64 = 30_000.0;

/// Where a position lies with respect to the address it comes with (see the
/// [module docs](self)). Positions are `geo_types::Point`s: x = longitude, y = latitude.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum PositionCheck {
    /// On the land of the territory the codes name (any French territory when they name
    /// none), or within the tolerance of it.
    OnLand {
        /// The territory whose land it is on (metropolitan France for Alsace-Moselle).
        territory: Territory,
        /// Distance to that land in metres: 0 on it, up to the tolerance off its coast.
        distance_m: f64,
        /// Distance to the nearest point of the address's commune (or of the communes of its
        /// postcode), when a gazetteer knows one.
        commune_distance_m: Option<f64>,
    },
    /// Not where the address says, but the position with a sign restored is: the longitude's
    /// (the common case, west of Greenwich), the latitude's, or both.
    SignLost {
        /// The corrected position.
        corrected: Point<f64>,
        /// Whether the longitude's sign was lost.
        longitude: bool,
        /// Whether the latitude's sign was lost.
        latitude: bool,
    },
    /// Not where the address says, but the position with latitude and longitude swapped is.
    Swapped {
        /// The corrected position (signs restored too when that was needed).
        corrected: Point<f64>,
    },
    /// On (or within the tolerance of) the land of another French territory than the one the
    /// codes name.
    OtherTerritory {
        /// The territory of the land it is on.
        found: Territory,
        /// The territory the codes name (metropolitan France for Alsace-Moselle).
        expected: Territory,
    },
    /// On the land of a neighbouring country, farther than the tolerance from French land.
    NeighbourCountry {
        /// The country.
        country: Country,
        /// Distance to the nearest French land, in metres.
        distance_m: f64,
    },
    /// Farther than the tolerance from French land, and in no neighbouring country: at sea, or
    /// somewhere else in the world.
    AtSea {
        /// Distance to the nearest French land, in metres.
        distance_m: f64,
        /// The territory of that land.
        nearest: Territory,
    },
}

impl PositionCheck {
    /// Whether the position is where the address says ([`PositionCheck::OnLand`]).
    pub fn is_on_land(&self) -> bool {
        matches!(self, PositionCheck::OnLand { .. })
    }
}

/// Checks positions against land outlines, an optional gazetteer and a tolerance.
///
/// ```
/// use geo_types::Point;
/// use inclusion_territory::outlines::Outlines;
/// use inclusion_territory::position::{PositionChecker, PositionCheck};
///
/// // Without a gazetteer only the land is checked: Nantes with its sign lost passes.
/// let land_only = PositionChecker::new(Outlines::embedded());
/// assert!(land_only.check(Point::new(1.5536, 47.2184), "44000", None).is_on_land());
/// // 5 km off the coast of Les Landes: at sea with the default tolerance, on land with 10 km.
/// let off = Point::new(-1.42, 44.0);
/// assert!(!land_only.check(off, "40200", None).is_on_land());
/// assert!(land_only.tolerance_m(10_000.0).check(off, "40200", None).is_on_land());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct PositionChecker<'a> {
    outlines: &'a Outlines,
    gazetteer: Option<&'a Gazetteer>,
    tolerance_m: f64,
    commune_radius_m: f64,
}

impl<'a> PositionChecker<'a> {
    /// A checker with these outlines, no gazetteer, [`COAST_TOLERANCE_M`] and
    /// [`COMMUNE_RADIUS_M`].
    pub fn new(outlines: &'a Outlines) -> PositionChecker<'a> {
        PositionChecker {
            outlines,
            gazetteer: None,
            tolerance_m: COAST_TOLERANCE_M,
            commune_radius_m: COMMUNE_RADIUS_M,
        }
    }

    /// Uses a gazetteer for the points of the address's communes.
    pub fn gazetteer(mut self, gazetteer: &'a Gazetteer) -> PositionChecker<'a> {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Sets the tolerance in metres (a negative or non-finite value is read as 0).
    pub fn tolerance_m(mut self, metres: f64) -> PositionChecker<'a> {
        self.tolerance_m = non_negative(metres);
        self
    }

    /// Sets the commune radius in metres (a negative or non-finite value is read as 0).
    pub fn commune_radius_m(mut self, metres: f64) -> PositionChecker<'a> {
        self.commune_radius_m = non_negative(metres);
        self
    }

    /// Classifies a position (x = longitude, y = latitude) given with its address's
    /// `code_postal` and `code_insee` (see the [module docs](self)).
    pub fn check(
        &self,
        position: Point<f64>,
        postcode: &str,
        insee: Option<&str>,
    ) -> PositionCheck {
        // The territories the codes name: the code INSEE's and the postcode's. When they
        // disagree, the position may agree with either (the disagreement of the codes is a
        // check of its own, `code_postal.insee_mismatch`).
        let mut expected: Vec<Territory> = Vec::with_capacity(2);
        for d in [
            insee.and_then(Departement::of_insee),
            Departement::of_postcode(postcode),
        ]
        .into_iter()
        .flatten()
        {
            let t = land_of(Territory::of_departement(d));
            if !expected.contains(&t) {
                expected.push(t);
            }
        }
        let anchors = self.anchors(postcode, insee);
        let commune_distance = |p: Point<f64>| {
            anchors
                .iter()
                .map(|a| haversine_m(p.y(), p.x(), a.y(), a.x()))
                .reduce(f64::min)
        };
        let near_land = |n: &NearestLand| n.distance_m <= self.tolerance_for(n.territory);
        let on_expected_land = |n: Option<NearestLand>| {
            n.filter(near_land)
                .filter(|n| expected.is_empty() || expected.contains(&n.territory))
        };
        let nearest = self.outlines.nearest_french_land(position);
        if let Some(n) = on_expected_land(nearest) {
            let d = commune_distance(position);
            if d.is_none_or(|d| d <= self.commune_radius_m) {
                return PositionCheck::OnLand {
                    territory: n.territory,
                    distance_m: n.distance_m,
                    commune_distance_m: d,
                };
            }
        }
        // Not where the address says: would a restored sign or a swap put it there? Only when
        // the codes say where that is, and the position is far enough off: farther than the
        // commune radius from the address's commune, or without a commune point, on other
        // land or farther than the radius from its territory's.
        let (x, y) = (position.x(), position.y());
        let misplaced = match commune_distance(position) {
            Some(d) => d > self.commune_radius_m,
            None => nearest.is_none_or(|n| {
                !expected.contains(&n.territory) || n.distance_m > self.commune_radius_m
            }),
        };
        let correct = !expected.is_empty() && misplaced;
        let fits = |p: Point<f64>| {
            on_expected_land(self.outlines.nearest_french_land(p)).is_some()
                && commune_distance(p).is_none_or(|d| d <= self.commune_radius_m)
        };
        let signs = [(-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0)];
        if correct {
            for (sx, sy) in signs {
                let p = Point::new(sx * x, sy * y);
                if (x != 0.0 || sx > 0.0) && (y != 0.0 || sy > 0.0) && fits(p) {
                    return PositionCheck::SignLost {
                        corrected: p,
                        longitude: sx < 0.0,
                        latitude: sy < 0.0,
                    };
                }
            }
            if (-90.0..=90.0).contains(&x) {
                for (sx, sy) in [(1.0, 1.0)].into_iter().chain(signs) {
                    let p = Point::new(sx * y, sy * x);
                    if fits(p) {
                        return PositionCheck::Swapped { corrected: p };
                    }
                }
            }
        }
        match nearest {
            Some(n) if near_land(&n) => match expected.first() {
                Some(&e) if !expected.contains(&n.territory) => PositionCheck::OtherTerritory {
                    found: n.territory,
                    expected: e,
                },
                // On the right land but far from the commune, and no correction fits.
                _ => PositionCheck::OnLand {
                    territory: n.territory,
                    distance_m: n.distance_m,
                    commune_distance_m: commune_distance(position),
                },
            },
            Some(n) => match self.outlines.area_at(position) {
                Some(LandArea::Neighbour(country)) => PositionCheck::NeighbourCountry {
                    country,
                    distance_m: n.distance_m,
                },
                _ => PositionCheck::AtSea {
                    distance_m: n.distance_m,
                    nearest: n.territory,
                },
            },
            // No French land in the outlines at all: nothing to check against.
            None => PositionCheck::OnLand {
                territory: expected.first().copied().unwrap_or_default(),
                distance_m: 0.0,
                commune_distance_m: None,
            },
        }
    }

    /// The tolerance for the land of a territory: the checker's, or [`PACIFIC_TOLERANCE_M`]
    /// for the Pacific collectivities when that is larger.
    pub fn tolerance_for(&self, territory: Territory) -> f64 {
        match territory {
            Territory::NewCaledonia | Territory::FrenchPolynesia | Territory::WallisEtFutuna => {
                self.tolerance_m.max(PACIFIC_TOLERANCE_M)
            }
            _ => self.tolerance_m,
        }
    }

    /// The points of the commune of the code INSEE and of the communes of the postcode.
    fn anchors(&self, postcode: &str, insee: Option<&str>) -> Vec<Point<f64>> {
        let Some(g) = self.gazetteer else {
            return Vec::new();
        };
        let point =
            |c: &crate::communes::Commune| c.point.map(|p| Point::new(p.longitude, p.latitude));
        insee
            .and_then(|code| g.by_code(code))
            .into_iter()
            .chain(g.by_postcode(postcode))
            .filter_map(point)
            .collect()
    }
}

/// A distance given by the caller: negative or not finite reads as 0.
fn non_negative(metres: f64) -> f64 {
    if metres.is_finite() {
        metres.max(0.0)
    } else {
        0.0
    }
}

/// The territory whose land holds a territory's places (metropolitan France for
/// Alsace-Moselle).
fn land_of(territory: Territory) -> Territory {
    match LandArea::of_territory(territory) {
        LandArea::French(t) => t,
        LandArea::Neighbour(_) => territory,
    }
}

/// Classifies a position with the embedded outlines, the embedded gazetteer (with the cargo
/// feature `communes`), [`COAST_TOLERANCE_M`] and [`COMMUNE_RADIUS_M`]: see the
/// [module docs](self).
pub fn check_position(position: Point<f64>, postcode: &str, insee: Option<&str>) -> PositionCheck {
    let checker = PositionChecker::new(Outlines::embedded());
    #[cfg(feature = "communes")]
    let checker = checker.gazetteer(Gazetteer::embedded());
    checker.check(position, postcode, insee)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_are_only_suggested_when_they_land_where_the_address_says() {
        // Brest (4.49° W) with its sign lost: 4.49° E at 48.39° N is in Champagne, on French
        // land, 650 km from Brest.
        match check_position(Point::new(4.4861, 48.3904), "29200", Some("29019")) {
            PositionCheck::SignLost {
                corrected,
                longitude: true,
                latitude: false,
            } => assert_eq!((corrected.x(), corrected.y()), (-4.4861, 48.3904)),
            other => panic!("{other:?}"),
        }
        // Saint-Denis de La Réunion with its latitude's sign lost (21° N is in the Arabian Sea).
        assert!(matches!(
            check_position(Point::new(55.45, 20.88), "97400", None),
            PositionCheck::SignLost {
                latitude: true,
                longitude: false,
                ..
            }
        ));
        // Cayenne swapped and without its signs.
        assert!(matches!(
            check_position(Point::new(4.93, 52.33), "97300", None),
            PositionCheck::Swapped { corrected } if corrected.x() < 0.0
        ));
        // Strasbourg (7.75° E) given as 7.75° W: at sea off Brittany, and no correction of a
        // place whose codes are empty.
        assert!(matches!(
            check_position(Point::new(-7.75, 48.58), "", None),
            PositionCheck::AtSea { .. }
        ));
    }

    #[test]
    fn alsace_moselle_is_metropolitan_land() {
        let c = check_position(Point::new(7.75, 48.58), "67000", Some("67482"));
        assert!(
            matches!(
                c,
                PositionCheck::OnLand {
                    territory: Territory::Metropolitan,
                    ..
                }
            ),
            "{c:?}"
        );
    }

    #[test]
    fn the_tolerance_decides_between_coast_and_sea() {
        let outlines = Outlines::embedded();
        // Off the straight coast of Les Landes.
        let p = Point::new(-1.42, 44.0);
        let coast = outlines.nearest_french_land(p).unwrap();
        assert!((2_000.0..10_000.0).contains(&coast.distance_m), "{coast:?}");
        let checker = PositionChecker::new(outlines);
        let within = checker
            .tolerance_m(coast.distance_m + 1.0)
            .check(p, "40200", None);
        assert!(
            matches!(within, PositionCheck::OnLand { distance_m, .. } if distance_m == coast.distance_m),
            "{within:?}"
        );
        let beyond = checker
            .tolerance_m(coast.distance_m - 1.0)
            .check(p, "40200", None);
        assert!(
            matches!(beyond, PositionCheck::AtSea { nearest: Territory::Metropolitan, distance_m } if distance_m == coast.distance_m),
            "{beyond:?}"
        );
    }

    #[test]
    fn codes_that_name_no_territory_accept_any_french_land() {
        assert!(check_position(Point::new(-149.45, -17.65), "", None).is_on_land());
        assert!(check_position(Point::new(5.72, 45.19), "99999", None).is_on_land());
    }
}
