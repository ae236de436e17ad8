//! The committed `schemas/` directory is exactly what the code generates.

use std::path::PathBuf;

#[test]
fn committed_schemas_are_current() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    if let Err(e) = inclusion_schema::check_dir(&dir) {
        panic!("{e}");
    }
}
