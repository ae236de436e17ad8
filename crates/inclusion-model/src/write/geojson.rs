//! GeoJSON output: a FeatureCollection of the places with coordinates.

use std::io::Write;

use serde::ser::{SerializeMap, SerializeSeq};

use super::options::WriteOptions;
use super::record::RecordWith;
use crate::ModelError;
use crate::place::Place;

struct Feature<'a>(&'a Place, WriteOptions);

impl serde::Serialize for Feature<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Some(c) = self.0.coordinates else {
            return s.serialize_none();
        };
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("type", "Feature")?;
        map.serialize_entry("id", &self.0.id)?;
        map.serialize_entry(
            "geometry",
            &serde_json::json!({"type": "Point", "coordinates": [c.longitude(), c.latitude()]}),
        )?;
        let properties = RecordWith {
            place: self.0,
            coordinates: false,
            extra: self.1.extra_columns,
        };
        map.serialize_entry("properties", &properties)?;
        map.end()
    }
}

struct Features<'a>(&'a [Place], WriteOptions);

impl serde::Serialize for Features<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for p in self.0.iter().filter(|p| p.coordinates.is_some()) {
            seq.serialize_element(&Feature(p, self.1))?;
        }
        seq.end()
    }
}

struct Collection<'a>(&'a [Place], WriteOptions);

impl serde::Serialize for Collection<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("type", "FeatureCollection")?;
        map.serialize_entry("features", &Features(self.0, self.1))?;
        map.end()
    }
}

/// Writes the places that have coordinates as a GeoJSON `FeatureCollection` of points
/// (`[longitude, latitude]`, RFC 7946), with the feature `id` and the other columns, those
/// outside the standard included, as properties. Places without coordinates are left out.
///
/// # Errors
/// When writing to `out` fails.
pub fn write_geojson<W: Write>(places: &[Place], out: W) -> Result<(), ModelError> {
    write_geojson_with(places, out, &WriteOptions::default())
}

/// [`write_geojson`] with options (see [`WriteOptions`]).
///
/// # Errors
/// When writing to `out` fails.
pub fn write_geojson_with<W: Write>(
    places: &[Place],
    out: W,
    options: &WriteOptions,
) -> Result<(), ModelError> {
    let mut out = super::record::buffered(out);
    serde_json::to_writer(&mut out, &Collection(places, *options))?;
    out.flush().map_err(serde_json::Error::io)?;
    Ok(())
}

/// The GeoJSON `FeatureCollection` as a string (see [`write_geojson`]).
///
/// ```
/// use inclusion_model::{Place, Address, Coordinates, to_geojson_string};
/// use chrono::NaiveDate;
///
/// let mut p = Place::new("p1", "43493312300029", "Mairie", Address::new("1 place X", "51100", "Reims"),
///                        NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
/// p.coordinates = Some(Coordinates::new(49.25, 4.03)?);
/// let g: serde_json::Value = serde_json::from_str(&to_geojson_string(&[p])?)?;
/// assert_eq!(g["features"][0]["geometry"]["coordinates"], serde_json::json!([4.03, 49.25]));
/// assert_eq!(g["features"][0]["properties"]["nom"], "Mairie");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Never in practice (writing to memory).
pub fn to_geojson_string(places: &[Place]) -> Result<String, ModelError> {
    Ok(serde_json::to_string(&Collection(
        places,
        WriteOptions::default(),
    ))?)
}
