//! Writes the JSON Schemas of every public JSON form, their bundle and the standard's Table
//! Schema into `schemas/` of the repository (or into the folder given).
//!
//! ```sh
//! cargo run --example export_schemas            # rewrites schemas/ after a type changed
//! cargo run --example export_schemas -- DIR     # writes them elsewhere
//! ```
//!
//! The command line: `inclusion schemas --out DIR [--check]`.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schemas"));
    for path in inclusion::schema::write_dir(&out)? {
        println!("{}", path.display());
    }
    // `check_dir` is what the tests run: it fails, naming the files, when out is stale.
    inclusion::schema::check_dir(&out)?;
    Ok(())
}
