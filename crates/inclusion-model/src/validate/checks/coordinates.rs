//! Coordinate checks: numbers, range, territory, swapped latitude and longitude.
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `number` | Standard | error | `latitude` or `longitude` is not a number ([`syntax::parse_number`]: Python's `Decimal`, so `NaN` is a number here) |
//! | `coordinates.incomplete` | both | warning | only one of them is given: the place is kept without coordinates |
//! | `coordinates.out_of_range` | both | warning (Standard), error (Strict) | not a finite latitude in [-90, 90] and longitude in [-180, 180]: the standard sets no range, so the Standard level keeps the place, without coordinates |
//! | `coordinates.swapped` | Strict | warning | not where the address says, but it is with latitude and longitude swapped; the corrected position is in the message |
//! | `coordinates.sign_lost` | Strict | warning | not where the address says, but it is with the sign of the longitude (or latitude) restored; the corrected position is in the message |
//! | `coordinates.other_territory` | Strict | warning | on the land of another French territory than `code_postal` / `code_insee` name |
//! | `coordinates.neighbour_country` | Strict | warning | in a neighbouring country, farther than the tolerance from French land |
//! | `coordinates.at_sea` | Strict | warning | at sea, farther than the tolerance from French land and at most 100 km from it |
//! | `coordinates.outside_france` | Strict | warning | farther than 100 km from any French land and in no neighbouring country |
//!
//! The Strict checks of the position use the land outlines and the communes of
//! `inclusion-territory` ([`check_position`]: the land of the territory the codes name, within the
//! tolerance chosen from the real datasets, and near the commune of the codes), with the cargo
//! feature `land` (on by default). Without it, they fall back on bounding boxes around each
//! territory ([`Territory::by_bounding_box`]): `coordinates.swapped` and
//! `coordinates.outside_france` only, and a position in the sea or across a border inside a
//! box passes.
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
//! # #[cfg(feature = "land")]
//! assert!(report.diagnostics.iter().any(|d| d.message_en().contains("but (49.2583, 4.0317) do")));
//! ```
//!
//! [`syntax::parse_number`]: crate::syntax::parse_number
//! [`Territory::by_bounding_box`]: inclusion_territory::Territory::by_bounding_box
//! [`check_position`]: https://docs.rs/inclusion-territory/latest/inclusion_territory/position/fn.check_position.html

#[cfg(not(feature = "land"))]
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

/// The Strict checks of the position: with the land outlines (cargo feature `land`), or with
/// bounding boxes.
fn territory(r: &mut Row<'_, '_>, c: Coordinates) {
    #[cfg(feature = "land")]
    land(r, c);
    #[cfg(not(feature = "land"))]
    boxes(r, c);
}

/// A distance in kilometres, for messages: one decimal below 100 km.
#[cfg(feature = "land")]
fn km(metres: f64) -> Arg {
    let km = metres / 1000.0;
    Arg::from(if km < 100.0 {
        format!("{km:.1}")
    } else {
        format!("{km:.0}")
    })
}

/// The land checks: `coordinates.swapped`, `coordinates.sign_lost`, `coordinates.other_territory`,
/// `coordinates.neighbour_country`, `coordinates.at_sea`, `coordinates.outside_france`.
#[cfg(feature = "land")]
fn land(r: &mut Row<'_, '_>, c: Coordinates) {
    use inclusion_territory::position::{PositionCheck, check_position};

    /// Beyond this distance from French land, a position is "outside France" rather than "at
    /// sea".
    const AT_SEA_LIMIT_M: f64 = 100_000.0;

    let postcode = r.rec.cell(Column::Postcode).unwrap_or_default();
    let insee = r
        .rec
        .cell(Column::InseeCode)
        .filter(|c| syntax::is_insee_code(c));
    let (lat, lon) = (c.latitude(), c.longitude());
    let check = check_position(geo_types::Point::new(lon, lat), postcode, insee);
    let v = text(r);
    let (template, args): (_, [Arg; 4]) = match check {
        PositionCheck::OnLand { .. } => return,
        PositionCheck::SignLost { corrected, .. } => (
            &messages::COORDINATES_SIGN_LOST,
            [
                lat.into(),
                lon.into(),
                corrected.y().into(),
                corrected.x().into(),
            ],
        ),
        PositionCheck::Swapped { corrected } => (
            &messages::COORDINATES_SWAPPED_CORRECTED,
            [
                lat.into(),
                lon.into(),
                corrected.y().into(),
                corrected.x().into(),
            ],
        ),
        PositionCheck::OtherTerritory { found, expected } => (
            &messages::COORDINATES_OTHER_TERRITORY,
            [
                lat.into(),
                lon.into(),
                Arg::Static(found.name()),
                Arg::Static(expected.name()),
            ],
        ),
        PositionCheck::NeighbourCountry {
            country,
            distance_m,
        } => (
            &messages::COORDINATES_NEIGHBOUR_COUNTRY,
            [
                lat.into(),
                lon.into(),
                Arg::Static(country.name()),
                km(distance_m),
            ],
        ),
        PositionCheck::AtSea {
            distance_m,
            nearest,
        } if distance_m <= AT_SEA_LIMIT_M => (
            &messages::COORDINATES_AT_SEA,
            [
                lat.into(),
                lon.into(),
                km(distance_m),
                Arg::Static(nearest.name()),
            ],
        ),
        _ => {
            r.warn(
                Column::Latitude,
                &v,
                &messages::COORDINATES_OUTSIDE_FRANCE,
                [Arg::from(lat), Arg::from(lon)],
            );
            return;
        }
    };
    r.warn(Column::Latitude, &v, template, args);
}

/// `coordinates.swapped`, `coordinates.outside_france` with bounding boxes (without the cargo
/// feature `land`).
#[cfg(not(feature = "land"))]
fn boxes(r: &mut Row<'_, '_>, c: Coordinates) {
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

#[cfg(all(test, feature = "land"))]
mod tests {
    use crate::{ReadOptions, read_csv_str};

    /// The codes and values of the position diagnostics of one row at the Strict level.
    fn position_codes(postcode: &str, insee: &str, lat: &str, lon: &str) -> Vec<(String, String)> {
        let csv = format!(
            "id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj,latitude,longitude\n\
             p1,43493312300029,Lieu,X,{postcode},{insee},1 rue X,2024-04-02,{lat},{lon}\n"
        );
        read_csv_str(&csv, &ReadOptions::strict())
            .diagnostics
            .iter()
            .filter(|d| d.code().starts_with("coordinates."))
            .map(|d| (d.code().to_owned(), d.message_en()))
            .collect()
    }

    #[test]
    fn each_land_outcome_has_its_code() {
        // Grenoble where its codes say: nothing.
        assert!(position_codes("38000", "38185", "45.1885", "5.7245").is_empty());
        // Nantes with its longitude's sign lost: on French land near Orléans.
        let d = position_codes("44000", "44109", "47.2184", "1.5536");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, "coordinates.sign_lost");
        assert!(d[0].1.contains("(47.2184, -1.5536) do"), "{}", d[0].1);
        // Swapped.
        let d = position_codes("38000", "38185", "5.7245", "45.1885");
        assert_eq!(d[0].0, "coordinates.swapped");
        assert!(d[0].1.contains("(45.1885, 5.7245) do"), "{}", d[0].1);
        // A place of La Réunion put in Mayotte.
        let d = position_codes("97400", "97411", "-12.82", "45.15");
        assert_eq!(d[0].0, "coordinates.other_territory");
        assert!(
            d[0].1
                .contains("in Mayotte, but the postcode or code INSEE says La Réunion"),
            "{}",
            d[0].1
        );
        // Geneva for a place of Annemasse.
        let d = position_codes("74100", "74012", "46.20", "6.14");
        assert_eq!(d[0].0, "coordinates.neighbour_country");
        // In the Bay of Biscay, 70-odd km off Landes.
        let d = position_codes("40200", "40160", "44.0", "-2.2");
        assert_eq!(d[0].0, "coordinates.at_sea");
        assert!(
            d[0].1
                .contains("km from the nearest land (France métropolitaine)"),
            "{}",
            d[0].1
        );
        // In the middle of the Atlantic.
        let d = position_codes("40200", "40160", "30.0", "-40.0");
        assert_eq!(d[0].0, "coordinates.outside_france");
    }

    #[test]
    fn the_standard_level_does_not_check_the_land() {
        let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj,latitude,longitude\n\
                   p1,43493312300029,Lieu,X,44000,1 rue X,2024-04-02,47.2184,1.5536\n";
        let report = read_csv_str(csv, &ReadOptions::default());
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| !d.code().starts_with("coordinates."))
        );
    }
}
