//! [`CoverageReport`] and its parts: one [`CommuneCoverage`] per commune, [`AreaCoverage`]
//! aggregates for the whole territory, each région and each département, the most populous
//! communes beyond a threshold, and [`Notice`]s about what could not be measured.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::request::CoverageRequest;
use super::territory::{departement, region};

/// The result of a coverage run (see [`CoverageRequest::run`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CoverageReport {
    /// The request, with its thresholds sorted and the rank threshold filled in.
    pub request: CoverageRequest,
    /// The territory in words, e.g. `Auvergne-Rhône-Alpes (région 84)`.
    pub territory_name: String,
    /// The filter in words, e.g. `services = Aide aux démarches administratives`, or
    /// `every place`.
    pub filter_description: String,
    /// How many places were given, how many have coordinates and how many match the filter.
    pub places: PlaceCounts,
    /// The places that match the filter (and have coordinates), sorted by `id`.
    pub matching_places: Vec<PlacePoint>,
    /// One entry per commune of the territory, sorted by code INSEE.
    pub communes: Vec<CommuneCoverage>,
    /// The aggregate of the whole territory.
    pub total: AreaCoverage,
    /// One aggregate per région (or overseas collectivity), sorted by code.
    pub by_region: Vec<AreaCoverage>,
    /// One aggregate per département (or overseas collectivity), sorted by code.
    pub by_departement: Vec<AreaCoverage>,
    /// The most populous communes farther than `request.rank_beyond_km` from a matching place
    /// (at most `request.top`), most populous first, ties by code.
    pub ranked: Vec<CommuneCoverage>,
    /// What could not be measured, or deserves attention.
    pub notices: Vec<Notice>,
}

/// Counts of places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PlaceCounts {
    /// Places in the index.
    pub total: usize,
    /// Places without coordinates (never measured from).
    pub without_coordinates: usize,
    /// Places with coordinates that match the filter.
    pub matching: usize,
}

/// A place that matches the filter, as drawn on the map and written to GeoJSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlacePoint {
    /// The place's `id`.
    pub id: String,
    /// The place's `nom`.
    pub name: String,
    /// Latitude, WGS84 degrees.
    pub latitude: f64,
    /// Longitude, WGS84 degrees.
    pub longitude: f64,
}

/// The coverage of one commune.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CommuneCoverage {
    /// Code INSEE.
    pub code: String,
    /// Name.
    pub name: String,
    /// Code of the département or overseas collectivity.
    pub departement: String,
    /// INSEE code of the région; `None` for an overseas collectivity.
    pub region: Option<String>,
    /// Municipal population.
    pub population: u32,
    /// Latitude of the commune's representative point; `None` when the gazetteer has none
    /// (the commune is then not measured).
    pub latitude: Option<f64>,
    /// Longitude of the representative point.
    pub longitude: Option<f64>,
    /// Whether the point is an approximation: the gazetteer gives the commune the point of the
    /// most populous commune sharing one of its postcodes, a few kilometres off.
    pub approximate_point: bool,
    /// Great-circle distance in metres from the point to the nearest matching place, rounded to
    /// the millimetre; `None` when the commune has no point or no place matches the filter.
    pub distance_m: Option<f64>,
    /// The `id` of that nearest place (ties broken by the smallest `id`).
    pub nearest_place: Option<String>,
    /// The distance band: how many thresholds the distance exceeds (0: within the first
    /// threshold; the number of thresholds: beyond all of them, which is also the band of a
    /// commune when no place matches). `None` when the commune has no point.
    pub band: Option<usize>,
}

impl CommuneCoverage {
    /// Whether the commune has a point, so that its distance could be measured.
    pub fn is_located(&self) -> bool {
        self.band.is_some()
    }

    /// Whether the commune is farther than `threshold_m` metres from every matching place: its
    /// distance (rounded to the millimetre) is strictly greater, or no place matches. A commune
    /// without a point is never "beyond".
    pub fn is_beyond(&self, threshold_m: f64) -> bool {
        self.is_located() && self.distance_m.is_none_or(|d| d > threshold_m)
    }

    /// `Name (département)`, e.g. `Valence (26)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.departement)
    }
}

/// What kind of area an aggregate covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AreaKind {
    /// The whole territory of the request.
    Territory,
    /// A région.
    Region,
    /// A département.
    Departement,
    /// An overseas collectivity (no région, no département).
    Collectivity,
}

/// Aggregates over the communes of an area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AreaCoverage {
    /// What the area is.
    pub kind: AreaKind,
    /// Its code (région or département code; empty for the whole territory).
    pub code: String,
    /// Its name.
    pub name: String,
    /// Communes in the area.
    pub communes: usize,
    /// Their population.
    pub population: u64,
    /// Communes with a point (measured).
    pub located_communes: usize,
    /// Population of the measured communes: the denominator of every share.
    pub located_population: u64,
    /// One entry per threshold, in increasing order.
    pub beyond: Vec<Beyond>,
    /// Population-weighted mean distance to the nearest matching place, in metres, over the
    /// measured communes; `None` when no place matches or the measured population is 0.
    pub mean_distance_m: Option<f64>,
    /// The largest distance of a measured commune, in metres; `None` when no place matches or
    /// no commune is measured.
    pub max_distance_m: Option<f64>,
}

/// Who lives farther than a threshold from every matching place.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Beyond {
    /// The threshold, in kilometres.
    pub threshold_km: f64,
    /// Measured communes strictly farther than the threshold.
    pub communes: usize,
    /// Their population.
    pub population: u64,
    /// `population / located_population` (0 when the measured population is 0).
    pub population_share: f64,
}

/// Something the reader of a report should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Notice {
    /// What it is about.
    pub kind: NoticeKind,
    /// How many places or communes it concerns.
    pub count: usize,
    /// A sentence for people.
    pub message: String,
}

/// The kinds of [`Notice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeKind {
    /// No place matches the filter: every measured commune is beyond every threshold.
    NoMatchingPlace,
    /// Some places have no coordinates and were left out.
    PlacesWithoutCoordinates,
    /// Some communes have no point in the gazetteer: their distance is unknown.
    CommunesWithoutPoint,
    /// Some communes have an approximate point (a neighbour's sharing their postcode).
    ApproximatePoints,
}

/// Metres, rounded to the millimetre.
pub(crate) fn round_mm(metres: f64) -> f64 {
    (metres * 1000.0).round() / 1000.0
}

/// Kilometres to metres, rounded to the millimetre (so that 0.1 km is exactly 100 m).
pub(crate) fn km_to_m(km: f64) -> f64 {
    round_mm(km * 1000.0)
}

/// An [`AreaCoverage`] being summed, one commune at a time.
struct Accumulator {
    area: AreaCoverage,
    thresholds_m: Vec<f64>,
    weighted: f64,
    weight: u64,
}

impl Accumulator {
    fn new(kind: AreaKind, code: &str, name: &str, thresholds_km: &[f64]) -> Accumulator {
        Accumulator {
            area: AreaCoverage {
                kind,
                code: code.to_owned(),
                name: name.to_owned(),
                communes: 0,
                population: 0,
                located_communes: 0,
                located_population: 0,
                beyond: thresholds_km
                    .iter()
                    .map(|&threshold_km| Beyond {
                        threshold_km,
                        communes: 0,
                        population: 0,
                        population_share: 0.0,
                    })
                    .collect(),
                mean_distance_m: None,
                max_distance_m: None,
            },
            thresholds_m: thresholds_km.iter().map(|&t| km_to_m(t)).collect(),
            weighted: 0.0,
            weight: 0,
        }
    }

    fn add(&mut self, c: &CommuneCoverage) {
        let area = &mut self.area;
        let population = u64::from(c.population);
        area.communes += 1;
        area.population += population;
        if !c.is_located() {
            return;
        }
        area.located_communes += 1;
        area.located_population += population;
        for (b, &t) in area.beyond.iter_mut().zip(&self.thresholds_m) {
            if c.is_beyond(t) {
                b.communes += 1;
                b.population += population;
            }
        }
        if let Some(d) = c.distance_m {
            self.weighted += d * population as f64;
            self.weight += population;
            area.max_distance_m = Some(area.max_distance_m.map_or(d, |m: f64| m.max(d)));
        }
    }

    fn finish(mut self) -> AreaCoverage {
        let area = &mut self.area;
        for b in &mut area.beyond {
            if area.located_population > 0 {
                b.population_share = b.population as f64 / area.located_population as f64;
            }
        }
        if self.weight > 0 {
            area.mean_distance_m = Some(round_mm(self.weighted / self.weight as f64));
        }
        self.area
    }
}

/// The aggregate of `communes` for `thresholds_km` (increasing).
pub(crate) fn aggregate<'a>(
    kind: AreaKind,
    code: &str,
    name: &str,
    communes: impl IntoIterator<Item = &'a CommuneCoverage>,
    thresholds_km: &[f64],
) -> AreaCoverage {
    let mut acc = Accumulator::new(kind, code, name, thresholds_km);
    communes.into_iter().for_each(|c| acc.add(c));
    acc.finish()
}

/// Accumulators by key, sorted by key at the end. Communes come grouped by département, so
/// the map is searched only when the key changes.
struct ByKey<'a> {
    areas: BTreeMap<&'a str, Accumulator>,
    last: Option<(&'a str, Accumulator)>,
}

impl<'a> ByKey<'a> {
    fn new() -> ByKey<'a> {
        ByKey {
            areas: BTreeMap::new(),
            last: None,
        }
    }

    fn add(&mut self, key: &'a str, c: &CommuneCoverage, new: impl FnOnce() -> Accumulator) {
        if self.last.as_ref().is_none_or(|(k, _)| *k != key) {
            if let Some((k, acc)) = self.last.take() {
                self.areas.insert(k, acc);
            }
            let acc = self.areas.remove(key).unwrap_or_else(new);
            self.last = Some((key, acc));
        }
        if let Some((_, acc)) = &mut self.last {
            acc.add(c);
        }
    }

    fn finish(mut self) -> Vec<AreaCoverage> {
        if let Some((k, acc)) = self.last.take() {
            self.areas.insert(k, acc);
        }
        self.areas.into_values().map(Accumulator::finish).collect()
    }
}

/// One aggregate per région (or collectivity) and one per département, sorted by code.
pub(crate) fn by_area(
    communes: &[CommuneCoverage],
    thresholds_km: &[f64],
) -> (Vec<AreaCoverage>, Vec<AreaCoverage>) {
    let mut regions = ByKey::new();
    let mut departements = ByKey::new();
    for c in communes {
        let dep = c.departement.as_str();
        let in_region = c.region.is_some();
        let key = c.region.as_deref().unwrap_or(dep);
        regions.add(key, c, || match c.region.as_deref().and_then(region) {
            Some(r) => Accumulator::new(AreaKind::Region, r.code, r.name, thresholds_km),
            None => Accumulator::new(
                AreaKind::Collectivity,
                dep,
                departement_name(dep),
                thresholds_km,
            ),
        });
        departements.add(dep, c, || {
            let kind = if in_region {
                AreaKind::Departement
            } else {
                AreaKind::Collectivity
            };
            Accumulator::new(kind, dep, departement_name(dep), thresholds_km)
        });
    }
    (regions.finish(), departements.finish())
}

fn departement_name(code: &str) -> &str {
    departement(code).map_or(code, |d| d.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commune(code: &str, dep: &str, population: u32, distance_m: Option<f64>) -> CommuneCoverage {
        CommuneCoverage {
            code: code.into(),
            name: code.into(),
            departement: dep.into(),
            region: super::super::territory::region_of_departement(dep).map(|r| r.code.into()),
            population,
            latitude: Some(45.0),
            longitude: Some(5.0),
            approximate_point: false,
            distance_m,
            nearest_place: distance_m.map(|_| "p".into()),
            band: Some(0),
        }
    }

    #[test]
    fn beyond_is_strictly_greater_and_unlocated_communes_are_left_out() {
        let mut unlocated = commune("38003", "38", 1_000, None);
        unlocated.band = None;
        let communes = [
            commune("38001", "38", 100, Some(5_000.0)),
            commune("38002", "38", 200, Some(5_000.001)),
            commune("38004", "38", 300, None), // no matching place
            unlocated,
        ];
        let a = aggregate(AreaKind::Territory, "", "t", &communes, &[5.0, 10.0]);
        assert_eq!((a.communes, a.population), (4, 1_600));
        assert_eq!((a.located_communes, a.located_population), (3, 600));
        assert_eq!((a.beyond[0].communes, a.beyond[0].population), (2, 500));
        assert_eq!((a.beyond[1].communes, a.beyond[1].population), (1, 300));
        assert!((a.beyond[0].population_share - 500.0 / 600.0).abs() < 1e-12);
        assert_eq!(a.max_distance_m, Some(5_000.001));
        let mean = (100.0 * 5_000.0 + 200.0 * 5_000.001) / 300.0;
        assert!((a.mean_distance_m.unwrap() - mean).abs() < 1e-3);
    }

    #[test]
    fn empty_areas_have_zero_shares() {
        let a = aggregate(AreaKind::Territory, "", "t", &[], &[5.0]);
        assert_eq!(a.beyond[0].population_share, 0.0);
        assert_eq!(a.mean_distance_m, None);
        assert_eq!(a.max_distance_m, None);
    }

    #[test]
    fn areas_group_by_region_and_departement_with_collectivities_apart() {
        let mut papeete = commune("98735", "987", 26_000, Some(1.0));
        papeete.region = None;
        let communes = [
            commune("38185", "38", 150_000, Some(1.0)),
            commune("69123", "69", 500_000, Some(1.0)),
            commune("75056", "75", 2_000_000, Some(1.0)),
            papeete,
        ];
        let (regions, deps) = by_area(&communes, &[5.0]);
        let r: Vec<(&str, &str, AreaKind, usize)> = regions
            .iter()
            .map(|a| (a.code.as_str(), a.name.as_str(), a.kind, a.communes))
            .collect();
        assert_eq!(
            r,
            [
                ("11", "Île-de-France", AreaKind::Region, 1),
                ("84", "Auvergne-Rhône-Alpes", AreaKind::Region, 2),
                ("987", "Polynésie française", AreaKind::Collectivity, 1),
            ]
        );
        assert_eq!(deps.len(), 4);
        assert_eq!(deps[0].name, "Isère");
        assert_eq!(deps[3].kind, AreaKind::Collectivity);
    }

    #[test]
    fn rounding() {
        assert_eq!(round_mm(4_999.999_9), 5_000.0);
        assert_eq!(km_to_m(0.1), 100.0);
        assert_eq!(km_to_m(5.0), 5_000.0);
    }
}
