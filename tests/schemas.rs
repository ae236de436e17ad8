//! The embedded data and the index's queries and hits follow the committed schemas
//! (`schemas/`, crate `inclusion-schema`), checked with the `jsonschema` crate with format
//! checking on. What the `inclusion` binary prints is checked in `crates/inclusion-cli/tests`.

#[path = "../crates/inclusion-schema/tests/common/mod.rs"]
mod common;

use chrono::{TimeZone, Utc};
use common::Checker;
use inclusion::geo::{HelpFilter, HelpIndex, HelpQuery};
use inclusion::model::{Record, Service, SupportMode};

#[cfg(feature = "embedded-data")]
#[test]
fn every_embedded_place_follows_the_place_schema() {
    let checker = Checker::new("place");
    let places = inclusion::data::sample_places();
    assert_eq!(places.len(), 687);
    for place in places {
        let value = serde_json::to_value(Record(place)).unwrap();
        checker.assert_valid(&value, &place.id);
    }
}

#[cfg(feature = "embedded-data")]
#[test]
fn nearest_help_queries_and_hits_on_the_embedded_places_follow_their_schemas() {
    let places = inclusion::data::sample_places();
    let index = HelpIndex::build(places.to_vec()).unwrap();
    let query_checker = Checker::new("help-query");
    let hit_checker = Checker::new("help-hit");
    let filters = [
        HelpFilter::default(),
        HelpFilter::default().services([Service::AdministrativeProcedures]),
        HelpFilter::default()
            .support_modes([SupportMode::Individual])
            .open_at(Utc.with_ymd_and_hms(2026, 3, 10, 9, 30, 0).unwrap()),
    ];
    let mut hits_seen = 0;
    // From every 25th place of the dataset, as a person standing there would ask.
    for place in places.iter().step_by(25) {
        let c = place.coordinates.unwrap();
        for filter in &filters {
            let query = HelpQuery::nearest(c.latitude(), c.longitude(), 5)
                .max_distance_m(50_000.0)
                .filter(filter.clone());
            query_checker.assert_valid(&serde_json::to_value(&query).unwrap(), &place.id);
            for hit in index.query(&query).unwrap() {
                hit_checker.assert_valid(&serde_json::to_value(hit).unwrap(), &place.id);
                hits_seen += 1;
            }
        }
    }
    assert!(hits_seen > 100, "{hits_seen}");
}
