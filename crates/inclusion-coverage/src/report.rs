//! [`CoverageReport`] and its parts: one [`CommuneCoverage`] per commune, [`AreaCoverage`]
//! aggregates for the whole territory, each région and each département, the most populous
//! communes beyond a threshold, and [`Notice`]s about what could not be measured.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::request::CoverageRequest;

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

    /// The commune's point as a `geo_types::Point` (x = longitude, y = latitude), when it has
    /// one.
    pub fn point(&self) -> Option<geo_types::Point<f64>> {
        Some(geo_types::Point::new(self.longitude?, self.latitude?))
    }
}

impl CoverageReport {
    /// The points of the communes farther than `threshold_m` metres from every matching
    /// place ([`CommuneCoverage::is_beyond`]), as a `geo_types::MultiPoint`: the georust
    /// value of the "zones blanches", ready for the `geojson`, `wkt` or PostGIS crates (or for
    /// `geo`'s algorithms: a convex hull, a clustering...).
    ///
    /// ```
    /// use inclusion_coverage::{CoverageRequest, Scope};
    /// use inclusion_geo::HelpIndex;
    /// use inclusion_model::{Address, Coordinates, Place};
    /// use inclusion_territory::communes::Gazetteer;
    /// use chrono::NaiveDate;
    ///
    /// let gazetteer = Gazetteer::parse("code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n\
    ///     38185\tGrenoble\t38\t38000\t156140\t45.18\t5.72\tI\n\
    ///     38253\tLes Deux Alpes\t38\t38860\t1910\t45.01\t6.12\tI\n")?;
    /// let mut place = Place::new("p", "00000000000000", "Lieu", Address::new("1 rue A", "38000", "Grenoble"),
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// place.coordinates = Some(Coordinates::new(45.19, 5.72)?);
    /// let index = HelpIndex::build([place])?;
    /// let report = CoverageRequest::new(Scope::All).run(&index, &gazetteer)?;
    /// let far = report.points_beyond(20_000.0);
    /// assert_eq!(far.0, [geo_types::Point::new(6.12, 45.01)]); // Les Deux Alpes, 36 km away
    /// assert_eq!(report.communes[0].point(), Some(geo_types::Point::new(5.72, 45.18)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn points_beyond(&self, threshold_m: f64) -> geo_types::MultiPoint<f64> {
        self.communes
            .iter()
            .filter(|c| c.is_beyond(threshold_m))
            .filter_map(CommuneCoverage::point)
            .collect()
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
