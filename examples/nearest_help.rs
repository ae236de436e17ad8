//! The nearest places that help with administrative procedures, open on a Tuesday morning,
//! near a commune found by name in the embedded gazetteer.
//!
//! ```sh
//! cargo run --release --example nearest_help              # the embedded places
//! cargo run --release --example nearest_help -- FILE      # the places of a CSV or JSON file
//! ```
//!
//! The command line: `inclusion near --near Grenoble --service "..." --open-now`.

use chrono::{TimeZone, Utc};
use inclusion::geo::render::nearby_text;
use inclusion::geo::{HelpFilter, HelpIndex, HelpQuery};
use inclusion::model::{Lang, ReadOptions, Service, read_path};
use inclusion::territory::communes::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let places = match std::env::args().nth(1) {
        Some(path) => read_path(path, &ReadOptions::default().with_lenient(true))?.places,
        None => inclusion::data::sample_places().to_vec(),
    };
    let index = HelpIndex::build(places)?;
    // "Grenoble", a postcode or a code INSEE; homonyms are told apart as "Valence (26)".
    let (commune, point) = Gazetteer::embedded().locate("Grenoble")?;
    // Tuesday 1 December 2026, 10:00 in Paris.
    let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let query = HelpQuery::nearest(point.latitude, point.longitude, 5)
        .max_distance_m(30_000.0)
        .filter(
            HelpFilter::default()
                .services([Service::AdministrativeProcedures])
                .open_at(at),
        );
    let hits = index.query(&query)?;
    print!(
        "{}",
        nearby_text(&index, &hits, &commune.label(), "example", at, Lang::En)
    );
    // The same answers as JSON documents (schemas/nearby-place.schema.json).
    if let Some(first) = hits.first().and_then(|h| index.describe(h, at)) {
        println!("\n{}", serde_json::to_string(&first)?);
    }
    Ok(())
}
