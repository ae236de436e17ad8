//! The land of France, of its overseas territories and of its neighbours, as `geo` polygons
//! indexed with `rstar` (cargo feature `outlines`, on by default).
//!
//! [`Outlines::embedded`] holds Natural Earth's 1:10m admin-0 outlines (public domain, from npm
//! `world-atlas` 2.0.2; `scripts/territory_outlines.py` rebuilds `data/outlines.txt`):
//! metropolitan France with Corse, Guadeloupe, Martinique, Guyane, La Réunion, Mayotte,
//! Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin, Wallis-et-Futuna, Polynésie
//! française, Nouvelle-Calédonie, and the [`Country`] neighbours of metropolitan France, of
//! Guyane and of Saint-Martin (clipped to a box around them).
//!
//! Two questions, each answered through an `rstar` tree:
//! * **where is this point** ([`Outlines::area_at`]): the polygons' bounding boxes (in degrees)
//!   give the candidates, and an interval tree over each area's edges
//!   (`geo::algorithm::indexed::IntervalTreeMultiPolygon`) tells inside from outside;
//! * **how far is French land** ([`Outlines::nearest_french_land`]): every edge of the French
//!   outlines is a chord between two unit vectors ([`sphere`](crate::sphere)), in a 3D R-tree
//!   whose boxes are exact lower bounds of the chord distance, so the nearest coast is exact
//!   on the sphere, with no special case across the 180° meridian (Wallis-et-Futuna).
//!
//! **Accuracy.** 1:10m coasts and borders are generalised: they are off by up to about a
//! kilometre, and islands smaller than a few square kilometres are missing (Sein, Molène,
//! Groix, Houat, Hoëdic, Bréhat, Batz, Aix, Port-Cros, Chausey...; Ouessant, Yeu, Belle-Île,
//! Porquerolles are there). The source grid adds up to 200 m. A point of one of those islands is
//! "at sea" a few kilometres from the outlines: [`COAST_TOLERANCE_M`](crate::position::COAST_TOLERANCE_M)
//! is chosen from the real datasets for that reason (see [`position`](crate::position)).
//!
//! ```
//! use geo_types::Point;
//! use inclusion_territory::outlines::{LandArea, Country, Outlines};
//! use inclusion_territory::Territory;
//!
//! let land = Outlines::embedded();
//! // Grenoble (x = longitude, y = latitude, as in every georust type).
//! assert_eq!(land.area_at(Point::new(5.72, 45.19)), Some(LandArea::French(Territory::Metropolitan)));
//! assert_eq!(land.area_at(Point::new(6.14, 46.20)), Some(LandArea::Neighbour(Country::Switzerland)));
//! assert_eq!(land.area_at(Point::new(-149.45, -17.65)), Some(LandArea::French(Territory::FrenchPolynesia)));
//! // In the Bay of Biscay, 80-odd km from the coast of Les Landes.
//! let sea = land.nearest_french_land(Point::new(-2.5, 44.0)).unwrap();
//! assert_eq!(sea.territory, Territory::Metropolitan);
//! assert!((70_000.0..110_000.0).contains(&sea.distance_m), "{}", sea.distance_m);
//! ```

use std::fmt;

use geo::Contains;
use geo::algorithm::indexed::IntervalTreeMultiPolygon;
use geo_types::{Coord, LineString, MultiPolygon, Point, Polygon, Rect};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, PointDistance, RTree, RTreeObject};

use crate::sphere::{chord2_to_metres, unit_vector};
use crate::{Territory, TerritoryError};

/// A neighbouring country (or territory) of metropolitan France, Guyane or Saint-Martin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Country {
    /// Andorra (AD).
    Andorra,
    /// Belgium (BE).
    Belgium,
    /// Brazil (BR), near Guyane.
    Brazil,
    /// Germany (DE).
    Germany,
    /// Guernsey (GG), a Channel Island.
    Guernsey,
    /// Italy (IT).
    Italy,
    /// Jersey (JE), a Channel Island.
    Jersey,
    /// Luxembourg (LU).
    Luxembourg,
    /// Monaco (MC).
    Monaco,
    /// San Marino (SM), inside Italy.
    SanMarino,
    /// Sint Maarten (SX), the Dutch part of Saint-Martin's island.
    SintMaarten,
    /// Spain (ES).
    Spain,
    /// Suriname (SR), near Guyane.
    Suriname,
    /// Switzerland (CH).
    Switzerland,
    /// The United Kingdom (GB).
    UnitedKingdom,
}

/// Each country with its ISO 3166-1 alpha-2 code and its French name.
const COUNTRIES: [(Country, &str, &str); 15] = [
    (Country::Andorra, "AD", "Andorre"),
    (Country::Belgium, "BE", "Belgique"),
    (Country::Brazil, "BR", "Brésil"),
    (Country::Germany, "DE", "Allemagne"),
    (Country::Guernsey, "GG", "Guernesey"),
    (Country::Italy, "IT", "Italie"),
    (Country::Jersey, "JE", "Jersey"),
    (Country::Luxembourg, "LU", "Luxembourg"),
    (Country::Monaco, "MC", "Monaco"),
    (Country::SanMarino, "SM", "Saint-Marin"),
    (
        Country::SintMaarten,
        "SX",
        "Sint Maarten (partie néerlandaise de Saint-Martin)",
    ),
    (Country::Spain, "ES", "Espagne"),
    (Country::Suriname, "SR", "Suriname"),
    (Country::Switzerland, "CH", "Suisse"),
    (Country::UnitedKingdom, "GB", "Royaume-Uni"),
];

/// The code of each French territory in `data/outlines.txt` (ISO 3166-1 alpha-2, `FR` for
/// metropolitan France with Corse).
const TERRITORIES: [(Territory, &str); 12] = [
    (Territory::Metropolitan, "FR"),
    (Territory::Guadeloupe, "GP"),
    (Territory::Martinique, "MQ"),
    (Territory::Guyane, "GF"),
    (Territory::Reunion, "RE"),
    (Territory::Mayotte, "YT"),
    (Territory::SaintPierreEtMiquelon, "PM"),
    (Territory::SaintBarthelemy, "BL"),
    (Territory::SaintMartin, "MF"),
    (Territory::WallisEtFutuna, "WF"),
    (Territory::FrenchPolynesia, "PF"),
    (Territory::NewCaledonia, "NC"),
];

impl Country {
    /// Its ISO 3166-1 alpha-2 code, e.g. `CH`.
    pub fn iso_code(self) -> &'static str {
        COUNTRIES.iter().find(|c| c.0 == self).map_or("", |c| c.1)
    }

    /// Its French name, e.g. `Suisse`.
    ///
    /// ```
    /// use inclusion_territory::outlines::Country;
    /// assert_eq!((Country::Switzerland.iso_code(), Country::Switzerland.name()), ("CH", "Suisse"));
    /// ```
    pub fn name(self) -> &'static str {
        COUNTRIES.iter().find(|c| c.0 == self).map_or("", |c| c.2)
    }
}

/// What a piece of land is: a French territory or a neighbouring country.
///
/// Alsace-Moselle is a legal territory, not a piece of land of its own: its land is
/// [`Territory::Metropolitan`]'s ([`LandArea::of_territory`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LandArea {
    /// The land of a French territory.
    French(Territory),
    /// The land of a neighbouring country.
    Neighbour(Country),
}

impl LandArea {
    /// The area holding a territory's land: Alsace-Moselle's is metropolitan France's.
    ///
    /// ```
    /// use inclusion_territory::{outlines::LandArea, Territory};
    /// assert_eq!(LandArea::of_territory(Territory::AlsaceMoselle), LandArea::French(Territory::Metropolitan));
    /// ```
    pub fn of_territory(territory: Territory) -> LandArea {
        match territory {
            Territory::AlsaceMoselle => LandArea::French(Territory::Metropolitan),
            t => LandArea::French(t),
        }
    }

    /// Its name: the territory's ([`Territory::name`]) or the country's ([`Country::name`]).
    pub fn name(self) -> &'static str {
        match self {
            LandArea::French(t) => t.name(),
            LandArea::Neighbour(c) => c.name(),
        }
    }

    fn from_code(code: &str) -> Option<LandArea> {
        TERRITORIES
            .iter()
            .find(|t| t.1 == code)
            .map(|t| LandArea::French(t.0))
            .or_else(|| {
                COUNTRIES
                    .iter()
                    .find(|c| c.1 == code)
                    .map(|c| LandArea::Neighbour(c.0))
            })
    }
}

/// The land of one area, as a `geo` multipolygon (x = longitude, y = latitude, WGS84 degrees).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Outline {
    /// Whose land it is.
    pub area: LandArea,
    /// Its polygons.
    pub shape: MultiPolygon<f64>,
}

/// The nearest French land to a point.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct NearestLand {
    /// The territory of that land.
    pub territory: Territory,
    /// The great-circle distance to it, in metres; 0 on the land itself.
    pub distance_m: f64,
}

/// One edge of a French outline, as the chord between the unit vectors of its ends.
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: [f64; 3],
    b: [f64; 3],
    /// Index of the area in [`Outlines::areas`].
    area: u16,
}

impl RTreeObject for Edge {
    type Envelope = AABB<[f64; 3]>;

    fn envelope(&self) -> AABB<[f64; 3]> {
        AABB::from_corners(self.a, self.b)
    }
}

impl PointDistance for Edge {
    /// The squared Euclidean distance from a point to the segment: its box's distance is a
    /// lower bound of it, as rstar requires.
    fn distance_2(&self, p: &[f64; 3]) -> f64 {
        let d = sub(self.b, self.a);
        let len2 = dot(d, d);
        let t = if len2 > 0.0 {
            (dot(sub(*p, self.a), d) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let q = [
            self.a[0] + t * d[0],
            self.a[1] + t * d[1],
            self.a[2] + t * d[2],
        ];
        let e = sub(*p, q);
        dot(e, e)
    }
}

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// The land outlines, indexed (see the [module docs](self)). Build once; `Send + Sync`.
pub struct Outlines {
    areas: Vec<Outline>,
    /// One containment index per area.
    containment: Vec<IntervalTreeMultiPolygon<f64>>,
    /// The bounding box of every polygon, in degrees, with its area's index.
    boxes: RTree<GeomWithData<Rectangle<[f64; 2]>, u16>>,
    /// Every edge of the French outlines, on the unit sphere.
    coasts: RTree<Edge>,
}

impl fmt::Debug for Outlines {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outlines")
            .field("areas", &self.areas.len())
            .field("polygons", &self.boxes.size())
            .field("french_edges", &self.coasts.size())
            .finish()
    }
}

#[cfg(feature = "outlines")]
static EMBEDDED: &str = include_str!("../data/outlines.txt");

impl Outlines {
    /// The embedded outlines (parsed and indexed once, on first use, in a few milliseconds).
    pub fn embedded() -> &'static Outlines {
        static CELL: std::sync::OnceLock<Outlines> = std::sync::OnceLock::new();
        CELL.get_or_init(|| {
            // The embedded file is checked by the tests; no land at all is the safe fallback.
            Outlines::parse(EMBEDDED).unwrap_or_else(|_| Outlines::new(Vec::new()))
        })
    }

    /// Reads outlines in the format of the embedded `data/outlines.txt`: `#` comments, a line
    /// `grid SX SY TX TY`, then one line per ring, `AREA POLYGON RING X Y DX DY ...` (integers on
    /// the grid, each point after the first relative to the previous one; degrees are
    /// `T + S × grid`; ring 0 is a polygon's exterior, the others its holes; `AREA` is a code of
    /// `FR GP MQ GF RE YT PM BL MF WF PF NC` or of a [`Country`]).
    ///
    /// ```
    /// use geo_types::Point;
    /// use inclusion_territory::{outlines::{LandArea, Outlines}, Territory};
    /// // A 1° square around (45.5 N, 5.5 E), on a grid of 0.5°.
    /// let o = Outlines::parse("grid 0.5 0.5 0 0\nFR 0 0 10 90 2 0 0 2 -2 0 0 -2\n")?;
    /// assert_eq!(o.area_at(Point::new(5.5, 45.5)), Some(LandArea::French(Territory::Metropolitan)));
    /// assert!(Outlines::parse("FR 0 0 1 2\n").is_err()); // no grid line
    /// # Ok::<(), inclusion_territory::TerritoryError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Outlines, TerritoryError> {
        let mut grid: Option<[f64; 4]> = None;
        // (area, polygon number, rings)
        let mut polygons: Vec<(LandArea, u32, Vec<LineString<f64>>)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let bad = |problem: &str| TerritoryError::Outlines {
                line: n + 1,
                problem: problem.to_owned(),
            };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut words = line.split_ascii_whitespace();
            let head = words.next().unwrap_or_default();
            if head == "grid" {
                let v: Vec<f64> = words
                    .map(str::parse)
                    .collect::<Result<_, _>>()
                    .map_err(|_| bad("grid values must be numbers"))?;
                let [sx, sy, tx, ty] = v[..] else {
                    return Err(bad("expected grid SX SY TX TY"));
                };
                if !(v.iter().all(|x| x.is_finite()) && sx > 0.0 && sy > 0.0) {
                    return Err(bad("grid scales must be positive numbers"));
                }
                grid = Some([sx, sy, tx, ty]);
                continue;
            }
            let [sx, sy, tx, ty] = grid.ok_or_else(|| bad("a ring before the grid line"))?;
            let area = LandArea::from_code(head).ok_or_else(|| bad("unknown area code"))?;
            let mut numbers = words.map(str::parse::<i64>);
            let mut next = || {
                numbers
                    .next()
                    .transpose()
                    .map_err(|_| bad("not an integer"))
            };
            let polygon = next()?.ok_or_else(|| bad("missing polygon number"))?;
            let ring = next()?.ok_or_else(|| bad("missing ring number"))?;
            let (mut x, mut y) = (0i64, 0i64);
            let mut coords = Vec::new();
            while let Some(dx) = next()? {
                let dy = next()?.ok_or_else(|| bad("odd number of coordinates"))?;
                x += dx;
                y += dy;
                let lon = tx + sx * x as f64;
                let lat = ty + sy * y as f64;
                if !((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)) {
                    return Err(bad("a point out of range"));
                }
                coords.push(Coord { x: lon, y: lat });
            }
            if coords.len() < 4 {
                return Err(bad("a ring needs at least 4 points"));
            }
            let polygon = u32::try_from(polygon).map_err(|_| bad("bad polygon number"))?;
            match polygons.last_mut() {
                Some((a, p, rings)) if *a == area && *p == polygon && ring > 0 => {
                    rings.push(LineString::new(coords))
                }
                _ if ring == 0 => polygons.push((area, polygon, vec![LineString::new(coords)])),
                _ => return Err(bad("a hole must follow its polygon's exterior ring")),
            }
        }
        let mut areas: Vec<Outline> = Vec::new();
        for (area, _, mut rings) in polygons {
            let exterior = rings.remove(0);
            let polygon = Polygon::new(exterior, rings);
            match areas.iter_mut().find(|o| o.area == area) {
                Some(o) => o.shape.0.push(polygon),
                None => areas.push(Outline {
                    area,
                    shape: MultiPolygon::new(vec![polygon]),
                }),
            }
        }
        Ok(Outlines::new(areas))
    }

    /// Indexes outlines given as `geo` multipolygons (one per area; several outlines of the
    /// same area are merged).
    ///
    /// ```
    /// use geo_types::{polygon, MultiPolygon, Point};
    /// use inclusion_territory::outlines::{LandArea, Country, Outline, Outlines};
    /// let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
    /// let o = Outlines::from_outlines([(LandArea::Neighbour(Country::Spain), MultiPolygon::new(vec![square]))]);
    /// assert_eq!(o.area_at(Point::new(0.5, 0.5)), Some(LandArea::Neighbour(Country::Spain)));
    /// assert_eq!(o.nearest_french_land(Point::new(0.5, 0.5)), None); // no French land
    /// ```
    pub fn from_outlines(
        outlines: impl IntoIterator<Item = (LandArea, MultiPolygon<f64>)>,
    ) -> Outlines {
        let mut areas: Vec<Outline> = Vec::new();
        for (area, shape) in outlines {
            match areas.iter_mut().find(|o| o.area == area) {
                Some(o) => o.shape.0.extend(shape.0),
                None => areas.push(Outline { area, shape }),
            }
        }
        Outlines::new(areas)
    }

    fn new(areas: Vec<Outline>) -> Outlines {
        let containment = areas
            .iter()
            .map(|o| IntervalTreeMultiPolygon::new(&o.shape))
            .collect();
        let mut boxes = Vec::new();
        let mut edges = Vec::new();
        for (i, outline) in areas.iter().enumerate() {
            let i = i as u16;
            for polygon in &outline.shape.0 {
                if let Some(rect) = bounding_rect(polygon.exterior()) {
                    let (lo, hi) = (rect.min(), rect.max());
                    boxes.push(GeomWithData::new(
                        Rectangle::from_corners([lo.x, lo.y], [hi.x, hi.y]),
                        i,
                    ));
                }
                if !matches!(outline.area, LandArea::French(_)) {
                    continue;
                }
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    for line in ring.lines() {
                        edges.push(Edge {
                            a: unit_vector(line.start.y, line.start.x),
                            b: unit_vector(line.end.y, line.end.x),
                            area: i,
                        });
                    }
                }
            }
        }
        Outlines {
            areas,
            containment,
            boxes: RTree::bulk_load(boxes),
            coasts: RTree::bulk_load(edges),
        }
    }

    /// Every outline: the French territories first (metropolitan France, then overseas), then
    /// the neighbouring countries.
    pub fn outlines(&self) -> &[Outline] {
        &self.areas
    }

    /// The land of one area, if the outlines hold it (for a territory, through
    /// [`LandArea::of_territory`]).
    ///
    /// ```
    /// use geo::Area as _;
    /// use inclusion_territory::{outlines::{LandArea, Outlines}, Territory};
    /// let reunion = Outlines::embedded().outline(LandArea::French(Territory::Reunion)).unwrap();
    /// // About 2,500 km²: 0.2 square degrees at 21° S.
    /// assert!((0.15..0.25).contains(&reunion.unsigned_area()));
    /// ```
    pub fn outline(&self, area: LandArea) -> Option<&MultiPolygon<f64>> {
        let area = match area {
            LandArea::French(t) => LandArea::of_territory(t),
            a => a,
        };
        self.areas.iter().find(|o| o.area == area).map(|o| &o.shape)
    }

    /// The area whose land holds the point (x = longitude, y = latitude), if any: a French
    /// territory, or a neighbouring country. Points exactly on an outline count as outside;
    /// the tolerance of [`position`](crate::position) absorbs that and the outlines' error.
    pub fn area_at(&self, point: Point<f64>) -> Option<LandArea> {
        let (x, y) = (point.x(), point.y());
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let here = AABB::from_point([x, y]);
        let mut found: Option<u16> = None;
        for candidate in self.boxes.locate_in_envelope_intersecting(&here) {
            let i = candidate.data;
            // French land first, then the lowest index: the answer does not depend on the
            // tree's order.
            if found.is_some_and(|f| f <= i) {
                continue;
            }
            if self.containment[usize::from(i)].contains(&point) {
                found = Some(i);
            }
        }
        found.map(|i| self.areas[usize::from(i)].area)
    }

    /// The nearest French land to the point and its great-circle distance in metres (0 on
    /// the land); `None` when the outlines hold no French land or the point is not finite.
    pub fn nearest_french_land(&self, point: Point<f64>) -> Option<NearestLand> {
        let (x, y) = (point.x(), point.y());
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        if let Some(LandArea::French(territory)) = self.area_at(point) {
            return Some(NearestLand {
                territory,
                distance_m: 0.0,
            });
        }
        let q = unit_vector(y, x);
        let (edge, d2) = self
            .coasts
            .nearest_neighbor_iter_with_distance_2(&q)
            .next()?;
        let LandArea::French(territory) = self.areas[usize::from(edge.area)].area else {
            return None;
        };
        Some(NearestLand {
            territory,
            distance_m: chord2_to_metres(d2),
        })
    }
}

fn bounding_rect(ring: &LineString<f64>) -> Option<Rect<f64>> {
    let mut it = ring.coords();
    let first = *it.next()?;
    let (mut lo, mut hi) = (first, first);
    for c in it {
        lo = Coord {
            x: lo.x.min(c.x),
            y: lo.y.min(c.y),
        };
        hi = Coord {
            x: hi.x.max(c.x),
            y: hi.y.max(c.y),
        };
    }
    Some(Rect::new(lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sphere::haversine_m;

    #[test]
    fn the_embedded_outlines_hold_every_territory_and_neighbour() {
        let o = Outlines::embedded();
        for (t, _) in TERRITORIES {
            let shape = o
                .outline(LandArea::French(t))
                .expect("every territory has land");
            assert!(!shape.0.is_empty(), "{t:?}");
        }
        for (c, _, _) in COUNTRIES {
            assert!(o.outline(LandArea::Neighbour(c)).is_some(), "{c:?}");
        }
        assert_eq!(o.outlines().len(), TERRITORIES.len() + COUNTRIES.len());
        // Alsace-Moselle's land is metropolitan France's.
        assert_eq!(
            o.outline(LandArea::French(Territory::AlsaceMoselle)),
            o.outline(LandArea::French(Territory::Metropolitan))
        );
    }

    #[test]
    fn known_places_are_in_their_area() {
        let o = Outlines::embedded();
        let fr = |t| Some(LandArea::French(t));
        let cases = [
            ((48.8566, 2.3522), fr(Territory::Metropolitan)),
            ((42.3062, 9.1497), fr(Territory::Metropolitan)), // Corte
            ((48.58, 7.75), fr(Territory::Metropolitan)),     // Strasbourg
            ((16.05, -61.67), fr(Territory::Guadeloupe)),
            ((14.70, -61.00), fr(Territory::Martinique)),
            ((4.0, -53.0), fr(Territory::Guyane)),
            ((-21.1, 55.5), fr(Territory::Reunion)),
            ((-12.82, 45.15), fr(Territory::Mayotte)),
            ((47.05, -56.35), fr(Territory::SaintPierreEtMiquelon)),
            ((17.905, -62.83), fr(Territory::SaintBarthelemy)),
            ((18.08, -63.03), fr(Territory::SaintMartin)),
            ((-13.28, -176.17), fr(Territory::WallisEtFutuna)),
            ((-17.65, -149.45), fr(Territory::FrenchPolynesia)),
            ((-21.5, 165.5), fr(Territory::NewCaledonia)),
            ((50.85, 4.35), Some(LandArea::Neighbour(Country::Belgium))),
            ((40.42, -3.70), Some(LandArea::Neighbour(Country::Spain))),
            ((42.51, 1.52), Some(LandArea::Neighbour(Country::Andorra))),
            ((43.74, 7.42), Some(LandArea::Neighbour(Country::Monaco))),
            ((49.21, -2.13), Some(LandArea::Neighbour(Country::Jersey))),
            ((5.83, -55.17), Some(LandArea::Neighbour(Country::Suriname))),
            (
                (18.03, -63.05),
                Some(LandArea::Neighbour(Country::SintMaarten)),
            ),
            ((46.0, -5.0), None), // Bay of Biscay
            ((43.0, 6.0), None),  // Mediterranean, off Toulon
            ((0.0, 0.0), None),   // Gulf of Guinea
            ((52.52, 13.40), Some(LandArea::Neighbour(Country::Germany))), // Berlin
            ((59.33, 18.07), None), // Stockholm: no neighbour
        ];
        let wrong: Vec<_> = cases
            .iter()
            .filter(|((lat, lon), want)| o.area_at(Point::new(*lon, *lat)) != *want)
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
        // Llívia, a Spanish town inside France: a hole of France and land of Spain.
        assert_eq!(
            o.area_at(Point::new(1.98, 42.465)),
            Some(LandArea::Neighbour(Country::Spain))
        );
    }

    #[test]
    fn nearest_land_is_the_brute_force_nearest_edge() {
        let o = Outlines::embedded();
        // Brute force over every French edge, distance by the same 3D segment formula.
        let brute = |lat: f64, lon: f64| {
            let q = unit_vector(lat, lon);
            let mut best = (f64::INFINITY, 0u16);
            for e in o.coasts.iter() {
                let d = e.distance_2(&q);
                if d < best.0 {
                    best = (d, e.area);
                }
            }
            (chord2_to_metres(best.0), best.1)
        };
        let mut rng = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..300 {
            let (lat, lon) = (next() * 170.0 - 85.0, next() * 360.0 - 180.0);
            let p = Point::new(lon, lat);
            let got = o.nearest_french_land(p).unwrap();
            if got.distance_m == 0.0 {
                continue;
            }
            let (want, area) = brute(lat, lon);
            assert!((got.distance_m - want).abs() < 1e-6, "({lat}, {lon})");
            assert_eq!(
                LandArea::French(got.territory),
                o.areas[usize::from(area)].area
            );
        }
    }

    #[test]
    fn distances_agree_with_haversine_to_a_vertex() {
        // From the middle of the Bay of Biscay, the nearest land is at most as far as the
        // nearest vertex of the outline, and close to it (edges are a few km long).
        let o = Outlines::embedded();
        let p = Point::new(-4.0, 45.0);
        let got = o.nearest_french_land(p).unwrap().distance_m;
        let nearest_vertex = o
            .outline(LandArea::French(Territory::Metropolitan))
            .unwrap()
            .0
            .iter()
            .flat_map(|poly| poly.exterior().coords())
            .map(|c| haversine_m(45.0, -4.0, c.y, c.x))
            .fold(f64::INFINITY, f64::min);
        assert!(got <= nearest_vertex + 1e-6);
        assert!(got > nearest_vertex - 3_000.0, "{got} {nearest_vertex}");
    }

    #[test]
    fn bad_lines_are_errors_with_their_number() {
        let ok = "grid 0.5 0.5 0 0\nFR 0 0 10 90 2 0 0 2 -2 0 0 -2\n";
        assert!(Outlines::parse(ok).is_ok());
        for (text, line) in [
            ("grid 0.5 0.5 0 0\nXX 0 0 10 90 2 0 0 2 -2 0 0 -2\n", 2),
            ("grid 0.5 0.5 0 0\nFR 0 0 10 90 2 0 0\n", 2),
            ("grid 0.5 0.5 0 0\nFR 0 0 10 90 2 0 0 2 -2 0 0\n", 2),
            ("grid 0.5 0.5 0 0\nFR 0 1 10 90 2 0 0 2 -2 0 0 -2\n", 2),
            ("grid 0.5 -1 0 0\n", 1),
            ("grid 0.5 0.5 0 0\nFR 0 0 10 900 2 0 0 2 -2 0 0 -2\n", 2),
            ("grid 0.5 0.5 0 0\nFR 0 0 10 x 2 0 0 2 -2 0 0 -2\n", 2),
        ] {
            match Outlines::parse(text) {
                Err(TerritoryError::Outlines { line: l, .. }) => assert_eq!(l, line, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
