//! Test support for the conformance tests of the workspace.
//!
//! The reference data (`shared/anchors`: official schemas, oracle vectors, real datasets) lives
//! beside the repository, never inside it. A user's fresh clone does not have it: tests then
//! print a notice and skip. CI sets `INCLUSION_REQUIRE_ANCHORS=1`, and then a missing anchor file
//! is a failure.
//!
//! ```
//! // In a test:
//! let Some(path) = inclusion_anchors::anchor("standard-mediation-num/schema-v1.0.2.json") else {
//!     return; // skipped, with a notice printed
//! };
//! assert!(path.is_file());
//! ```

use std::path::PathBuf;

/// The environment variable that turns a missing anchor into a failure.
pub const REQUIRE_VAR: &str = "INCLUSION_REQUIRE_ANCHORS";

/// The anchors directory: `$INCLUSION_ANCHORS` if set, else `../shared/anchors` beside the
/// repository root.
pub fn anchors_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("INCLUSION_ANCHORS") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/anchors")
}

/// Whether missing anchors must fail (`INCLUSION_REQUIRE_ANCHORS` set to anything but `0` or empty).
pub fn required() -> bool {
    std::env::var(REQUIRE_VAR).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// The path of an anchor file relative to the anchors directory, or `None` (with a notice on
/// stderr) when it is absent and not required.
///
/// # Panics
/// When the file is absent and [`required`] is true: that is the test failure CI wants.
pub fn anchor(relative: &str) -> Option<PathBuf> {
    let path = anchors_dir().join(relative);
    if path.is_file() {
        return Some(path);
    }
    if required() {
        panic!(
            "anchor file {} is missing and {REQUIRE_VAR} is set",
            path.display()
        );
    }
    eprintln!(
        "notice: skipping, anchor file {} is absent (set {REQUIRE_VAR}=1 to make this a failure)",
        path.display()
    );
    None
}

/// The content of an anchor file as bytes (see [`anchor`]).
///
/// # Panics
/// When the file exists but cannot be read.
pub fn read(relative: &str) -> Option<Vec<u8>> {
    let path = anchor(relative)?;
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))
}
