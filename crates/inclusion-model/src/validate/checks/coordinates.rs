//! Coordinate checks: numbers, range, territory, swapped latitude and longitude.
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `number` | Standard | error | `latitude` or `longitude` is not a number ([`syntax::parse_number`]: Python's `Decimal`, so `NaN` is a number here) |
//! | `coordinates.incomplete` | both | warning | only one of them is given: the place is kept without coordinates |
//! | `coordinates.out_of_range` | both | warning (Standard), error (Strict) | not a finite latitude in [-90, 90] and longitude in [-180, 180]: the standard sets no range, so the Standard level keeps the place, without coordinates |
//! | `coordinates.swapped` | Strict | warning | in no French territory, but in one with latitude and longitude swapped ([`Territory::by_bounding_box`]) |
//! | `coordinates.outside_france` | Strict | warning | in no French territory, even swapped |
//!
//! The value of these diagnostics is `latitude, longitude` as given.
//!
//! ```
//! use inclusion_model::{read_csv_str, ReadOptions};
//!
//! let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj,latitude,longitude\n\
//!            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,4.0317,49.2583\n\
//!            p2,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,95,4.03\n\
//!            p3,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,49°15',4.03\n";
//! let report = read_csv_str(csv, &ReadOptions::strict());
//! let found: Vec<_> = report.diagnostics.iter().filter(|d| d.row().is_some())
//!     .map(|d| (d.row(), d.code(), d.value())).collect();
//! assert_eq!(found, [
//!     (Some(2), "coordinates.swapped", Some("4.0317, 49.2583")),
//!     (Some(3), "coordinates.out_of_range", Some("95, 4.03")),
//!     (Some(4), "number", Some("49°15'")),
//! ]);
//! assert!(report.diagnostics.iter().any(|d| d.message_en().contains("would be (France métropolitaine)")));
//! ```
//!
//! [`syntax::parse_number`]: crate::syntax::parse_number
//! [`Territory::by_bounding_box`]: inclusion_territory::Territory::by_bounding_box

use inclusion_territory::Territory;

use crate::columns::Column;
use crate::diagnostic::{Arg, Severity};
use crate::messages;
use crate::place::Coordinates;
use crate::syntax;

use super::super::row::Row;

/// The coordinates of the place, when both are numbers in range; every problem reported.
#[inline]
pub(crate) fn coordinates(r: &mut Row<'_, '_>) -> Option<Coordinates> {
    let lat = number(r, Column::Latitude);
    let lon = number(r, Column::Longitude);
    match (lat, lon) {
        (Some(lat), Some(lon)) => match Coordinates::new(lat, lon) {
            Ok(c) => {
                if r.strict {
                    territory(r, c);
                }
                Some(c)
            }
            Err(_) => {
                let severity = if r.strict {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                let v = text(r);
                r.problem(
                    severity,
                    Column::Latitude,
                    &v,
                    &messages::COORDINATES_OUT_OF_RANGE,
                    [Arg::from(lat), Arg::from(lon)],
                );
                None
            }
        },
        (Some(_), None) | (None, Some(_))
            if r.rec.has(Column::Latitude) != r.rec.has(Column::Longitude) =>
        {
            let c = if r.rec.has(Column::Latitude) {
                Column::Latitude
            } else {
                Column::Longitude
            };
            let v = r.rec.text(c).unwrap_or_default();
            r.warn(c, &v, &messages::COORDINATES_INCOMPLETE, []);
            None
        }
        _ => None,
    }
}

/// `latitude, longitude` as given, for diagnostics.
fn text(r: &Row<'_, '_>) -> String {
    let text = |c| r.rec.text(c).unwrap_or_default();
    format!("{}, {}", text(Column::Latitude), text(Column::Longitude))
}

/// `number`: the value of a number column, if it is one.
#[inline]
fn number(r: &mut Row<'_, '_>, c: Column) -> Option<f64> {
    let s = match r.rec.number(c)? {
        Ok(n) => return Some(n),
        Err(s) => s,
    };
    let n = syntax::parse_number(s);
    if n.is_none() {
        r.error(c, s, &messages::NUMBER, []);
    }
    n
}

/// `coordinates.swapped`, `coordinates.outside_france` (Strict).
fn territory(r: &mut Row<'_, '_>, c: Coordinates) {
    let (lat, lon) = (c.latitude(), c.longitude());
    if Territory::by_bounding_box(lat, lon).is_some() {
        return;
    }
    let v = text(r);
    let args = [Arg::from(lat), Arg::from(lon)];
    match Territory::by_bounding_box(lon, lat) {
        Some(t) => {
            let [lat, lon] = args;
            r.warn(
                Column::Latitude,
                &v,
                &messages::COORDINATES_SWAPPED,
                [lat, lon, Arg::Static(t.name())],
            );
        }
        None => r.warn(
            Column::Latitude,
            &v,
            &messages::COORDINATES_OUTSIDE_FRANCE,
            args,
        ),
    }
}
