//! Where help is missing: for every commune of région Auvergne-Rhône-Alpes, the distance to
//! the nearest embedded place that helps with administrative procedures, and a map.
//!
//! ```sh
//! cargo run --release --example coverage                     # the table
//! cargo run --release --example coverage -- map.svg          # and the map
//! ```
//!
//! The command line: `inclusion coverage --region 84 --service "..." --svg map.svg`.

use chrono::Utc;
use inclusion::coverage::{CoverageRequest, MapOptions, Scope};
use inclusion::geo::{HelpFilter, HelpIndex};
use inclusion::model::Service;
use inclusion::territory::communes::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let index = HelpIndex::build(inclusion::data::sample_places().iter().cloned())?;
    let report = CoverageRequest::new(Scope::region("84"))
        .filter(HelpFilter::default().services([Service::AdministrativeProcedures]))
        .thresholds_km([5.0, 10.0, 20.0])
        .top(10)
        .run(&index, Gazetteer::embedded())?;
    print!("{}", report.summary_table());
    // The report is data too (serde, schemas/coverage-report.schema.json).
    let total = &report.total;
    println!(
        "\n{} communes measured; report as JSON: {} bytes",
        total.located_communes,
        serde_json::to_string(&report)?.len()
    );
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(
            &path,
            report.to_svg(&MapOptions::new(Utc::now().date_naive())),
        )?;
        println!("wrote {path}");
    }
    Ok(())
}
