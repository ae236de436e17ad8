//! Validating a file against the standard, at the Strict level, and printing the report as
//! people read it.
//!
//! ```sh
//! cargo run --example validate              # the embedded places (data/hinaura.v1.csv)
//! cargo run --example validate -- FILE      # any CSV or JSON file, v0.1 or v1
//! ```
//!
//! The command line does the same with more options: `inclusion validate FILE --level strict`.

use inclusion::model::render::report_text;
use inclusion::model::{Lang, ReadOptions, read_path};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/data/hinaura.v1.csv").to_owned());
    // Reading never stops at a bad row: every problem is a diagnostic, valid rows are kept.
    let report = read_path(&path, &ReadOptions::strict())?;
    print!("{}", report_text(&report, &path, Lang::En));
    // Counts are exact even when the list is summarised past 1,000 problems of a code.
    for count in report.counts() {
        println!("{:>8} × {} ({})", count.found, count.code, count.severity);
    }
    if let Some(d) = report.unreadable() {
        return Err(d.message_en().into());
    }
    Ok(())
}
