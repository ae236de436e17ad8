//! [`HelpQuery`] and its answer, [`Hit`].

use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use inclusion_model::{CompactString, Place};

use crate::{GeoError, HelpFilter, sphere::MAX_DISTANCE_M};

/// A nearest-help query: from a position, the `k` nearest places, or every place within
/// `max_distance_m`, or the `k` nearest within `max_distance_m`, that pass `filter`.
///
/// ```
/// use inclusion_geo::{HelpFilter, HelpQuery};
/// use inclusion_model::Service;
///
/// let q = HelpQuery::nearest(45.19, 5.72, 5)
///     .max_distance_m(30_000.0)
///     .filter(HelpFilter::default().services([Service::AdministrativeProcedures]));
/// assert!(q.validate().is_ok());
/// assert!(HelpQuery::nearest(f64::NAN, 5.72, 5).validate().is_err());
/// assert!(HelpQuery::nearest(45.19, 5.72, 0).validate().is_err());
/// assert!(HelpQuery::within(45.19, 5.72, -1.0).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct HelpQuery {
    /// Latitude of the person, WGS84 decimal degrees in [-90, 90].
    pub latitude: f64,
    /// Longitude of the person, WGS84 decimal degrees in [-180, 180].
    pub longitude: f64,
    /// How many places at most (the `k` nearest); at least 1. `None`: every place within
    /// `max_distance_m`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<usize>,
    /// Only places at most this far, in metres (great-circle distance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_distance_m: Option<f64>,
    /// What the places must offer.
    #[serde(default)]
    pub filter: HelpFilter,
}

impl HelpQuery {
    /// The `k` nearest places to a position, with no filter and no maximum distance.
    pub fn nearest(latitude: f64, longitude: f64, k: usize) -> HelpQuery {
        HelpQuery {
            latitude,
            longitude,
            k: Some(k),
            max_distance_m: None,
            filter: HelpFilter::default(),
        }
    }

    /// The `k` nearest places to a `geo_types::Point` (x = longitude, y = latitude), the
    /// georust exchange type.
    ///
    /// ```
    /// use inclusion_geo::HelpQuery;
    /// use geo_types::Point;
    /// assert_eq!(HelpQuery::nearest_point(Point::new(5.72, 45.19), 3), HelpQuery::nearest(45.19, 5.72, 3));
    /// assert_eq!(HelpQuery::within_point(Point::new(5.72, 45.19), 1e4), HelpQuery::within(45.19, 5.72, 1e4));
    /// ```
    pub fn nearest_point(point: geo_types::Point<f64>, k: usize) -> HelpQuery {
        HelpQuery::nearest(point.y(), point.x(), k)
    }

    /// Every place within `radius_m` metres of a `geo_types::Point` (x = longitude,
    /// y = latitude).
    pub fn within_point(point: geo_types::Point<f64>, radius_m: f64) -> HelpQuery {
        HelpQuery::within(point.y(), point.x(), radius_m)
    }

    /// Every place within `radius_m` metres of a position, nearest first.
    pub fn within(latitude: f64, longitude: f64, radius_m: f64) -> HelpQuery {
        HelpQuery {
            latitude,
            longitude,
            k: None,
            max_distance_m: Some(radius_m),
            filter: HelpFilter::default(),
        }
    }

    /// Sets the maximum distance in metres.
    pub fn max_distance_m(mut self, metres: f64) -> HelpQuery {
        self.max_distance_m = Some(metres);
        self
    }

    /// Sets the filter.
    pub fn filter(mut self, filter: HelpFilter) -> HelpQuery {
        self.filter = filter;
        self
    }

    /// Checks the query: a finite position in range, `k ≥ 1`, a finite distance `≥ 0`, at
    /// least one of `k` and `max_distance_m`, and an `open_at` whose date is within the dates
    /// opening hours can be evaluated for in every time zone (1900–2199, see
    /// [`check_instant_everywhere`](inclusion_model::hours::check_instant_everywhere)).
    ///
    /// ```
    /// use inclusion_geo::{GeoError, HelpFilter, HelpQuery};
    /// use chrono::{TimeZone, Utc};
    /// let then = Utc.with_ymd_and_hms(1800, 1, 1, 10, 0, 0).unwrap();
    /// let q = HelpQuery::nearest(45.19, 5.72, 5).filter(HelpFilter::default().open_at(then));
    /// assert!(matches!(q.validate(), Err(GeoError::OpenAtOutOfRange(_))));
    /// ```
    pub fn validate(&self) -> Result<(), GeoError> {
        check_position(self.latitude, self.longitude)?;
        if self.k == Some(0) {
            return Err(GeoError::ZeroK);
        }
        // No place passes an "open" filter its hours cannot be evaluated for.
        if let Some(at) = self.filter.open_at
            && let Err(e) = inclusion_model::hours::check_instant_everywhere(at)
        {
            return Err(GeoError::OpenAtOutOfRange(e.to_string()));
        }
        match self.max_distance_m {
            Some(d) if !(d.is_finite() && d >= 0.0) => Err(GeoError::InvalidDistance(d)),
            None if self.k.is_none() => Err(GeoError::Unbounded),
            _ => Ok(()),
        }
    }

    /// The maximum distance, capped at half the Earth's circumference.
    pub(crate) fn max_distance(&self) -> f64 {
        self.max_distance_m
            .unwrap_or(MAX_DISTANCE_M)
            .min(MAX_DISTANCE_M)
    }
}

/// Checks a query position: finite, latitude in [-90, 90], longitude in [-180, 180].
pub(crate) fn check_position(latitude: f64, longitude: f64) -> Result<(), GeoError> {
    if latitude.is_finite()
        && longitude.is_finite()
        && (-90.0..=90.0).contains(&latitude)
        && (-180.0..=180.0).contains(&longitude)
    {
        Ok(())
    } else {
        Err(GeoError::InvalidCoordinates {
            latitude,
            longitude,
        })
    }
}

/// One answer of a query: a place of the index and its distance.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Hit {
    /// The position of the place in [`crate::HelpIndex::places`].
    pub place: usize,
    /// Great-circle distance from the query position, in metres, on the sphere of
    /// [`EARTH_RADIUS_M`](crate::sphere::EARTH_RADIUS_M) (the haversine distance, to about
    /// 1e-9 relative).
    pub distance_m: f64,
}

/// A nearest-help answer ready to show or send: what [`crate::HelpIndex::describe`] gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct NearbyPlace {
    /// `id` of the place.
    pub id: String,
    /// `nom` of the place.
    #[serde(rename = "nom")]
    pub name: String,
    /// Great-circle distance from the query position, in metres.
    pub distance_m: f64,
    /// Latitude of the place, WGS84 degrees.
    pub latitude: f64,
    /// Longitude of the place, WGS84 degrees.
    pub longitude: f64,
    /// Whether it is open at the instant asked; `null` without parseable opening hours.
    pub open: Option<bool>,
    /// When it next opens or closes, in the place's local time (RFC 3339 with its offset);
    /// `null` without parseable opening hours or change within two years.
    pub next_change: Option<DateTime<FixedOffset>>,
    /// The address, contact and opening hours as written (`adresse`, `code_postal`, `commune`,
    /// `telephone`, `horaires`...: the keys of the standard, at the top level of the JSON).
    #[serde(flatten)]
    pub details: PlaceDetails,
}

/// What a person needs to go to or reach a place, as the place gives it: the fields of an
/// answer besides its distance and state, shared by [`NearbyPlace`] and
/// [`SearchedPlace`](crate::SearchedPlace) (flattened into both: the keys of the standard at the
/// top level of their JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct PlaceDetails {
    /// `adresse`: number and street.
    #[serde(rename = "adresse")]
    pub street: String,
    /// `complement_adresse`, if any.
    #[serde(rename = "complement_adresse")]
    pub complement: Option<String>,
    /// `code_postal`.
    #[serde(rename = "code_postal")]
    pub postcode: String,
    /// `code_insee`, if given.
    #[serde(rename = "code_insee")]
    pub insee_code: Option<String>,
    /// `commune`.
    pub commune: String,
    /// `telephone`, in the standard's international form, if any.
    #[serde(rename = "telephone")]
    pub phone: Option<String>,
    /// `courriels`: e-mail addresses (possibly none).
    #[serde(rename = "courriels", default)]
    pub emails: Vec<String>,
    /// `site_web`: websites (possibly none).
    #[serde(rename = "site_web", default)]
    pub websites: Vec<String>,
    /// `prise_rdv`: where to book an appointment, if anywhere.
    #[serde(rename = "prise_rdv")]
    pub booking_url: Option<String>,
    /// `horaires`: the opening hours as written (OSM syntax), if any.
    #[serde(rename = "horaires")]
    pub opening_hours: Option<String>,
}

/// An optional text of a place as an owned `String`, the type of the answers.
fn owned(text: &Option<CompactString>) -> Option<String> {
    text.as_deref().map(str::to_owned)
}

impl PlaceDetails {
    /// The details of a place.
    pub fn of(place: &Place) -> PlaceDetails {
        PlaceDetails {
            street: place.address.street.to_string(),
            complement: owned(&place.address.complement),
            postcode: place.address.postcode.to_string(),
            insee_code: owned(&place.address.insee_code),
            commune: place.address.commune.to_string(),
            phone: owned(&place.contact.phone),
            emails: place.contact.emails.iter().map(|e| e.to_string()).collect(),
            websites: place
                .contact
                .websites
                .iter()
                .map(|w| w.to_string())
                .collect(),
            booking_url: owned(&place.booking_url),
            opening_hours: place.opening_hours.as_ref().map(|h| h.as_str().to_owned()),
        }
    }
}

impl NearbyPlace {
    /// The place's position as a `geo_types::Point` (x = longitude, y = latitude).
    ///
    /// ```
    /// # use inclusion_geo::{HelpFilter, HelpIndex};
    /// # use inclusion_model::{Address, Coordinates, Place};
    /// # use chrono::{NaiveDate, Utc};
    /// # let mut p = Place::new("m", "00000000000000", "M", Address::new("1 rue A", "38000", "Grenoble"),
    /// #     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// # p.coordinates = Some(Coordinates::new(45.19, 5.72).unwrap());
    /// # let index = HelpIndex::build([p]).unwrap();
    /// let hit = index.nearest(45.2, 5.7, 1, &HelpFilter::default()).unwrap()[0];
    /// let answer = index.describe(&hit, Utc::now()).unwrap();
    /// assert_eq!(answer.point(), geo_types::Point::new(5.72, 45.19));
    /// ```
    pub fn point(&self) -> geo_types::Point<f64> {
        geo_types::Point::new(self.longitude, self.latitude)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use inclusion_model::Service;

    #[test]
    fn query_round_trips_through_json() {
        let q = HelpQuery::nearest(45.19, 5.72, 5)
            .max_distance_m(30_000.0)
            .filter(HelpFilter::default().services([Service::AdministrativeProcedures]));
        let json = serde_json::to_string(&q).unwrap();
        assert_eq!(serde_json::from_str::<HelpQuery>(&json).unwrap(), q);
        // Only the position is required.
        let minimal: HelpQuery =
            serde_json::from_str(r#"{"latitude": 1.0, "longitude": 2.0}"#).unwrap();
        assert_eq!(minimal.validate(), Err(GeoError::Unbounded));
        assert!(serde_json::from_str::<HelpQuery>(r#"{"latitude": 1.0}"#).is_err());
    }

    #[test]
    fn schemas_list_the_french_labels_and_the_answer_fields() {
        let query = serde_json::to_value(schemars::schema_for!(HelpQuery)).unwrap();
        let text = query.to_string();
        assert!(
            text.contains("Aide aux démarches administratives"),
            "{text}"
        );
        assert!(text.contains("Ce lieu n'accueille pas de public"));
        assert!(text.contains("date-time"), "open_at is an RFC 3339 instant");
        let answer = serde_json::to_value(schemars::schema_for!(NearbyPlace)).unwrap();
        for field in [
            "id",
            "nom",
            "distance_m",
            "latitude",
            "longitude",
            "open",
            "next_change",
            "adresse",
            "code_postal",
            "commune",
            "telephone",
            "courriels",
            "site_web",
            "prise_rdv",
            "horaires",
        ] {
            assert!(answer["properties"].get(field).is_some(), "{field}");
        }
    }
}
