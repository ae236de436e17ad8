//! Peak memory of reading a large file: the program that `scripts/bench-memory.sh` runs under
//! `/usr/bin/time -v` (not a criterion benchmark: one run, one process per measure).
//!
//! ```sh
//! read_memory generate valid|invalid|x|json ROWS OUT   # writes a file of ROWS rows
//! read_memory read FILE keep|validate                  # reads it (places kept or not)
//! ```
//!
//! `valid`: the 646 real places of Hub du Sud (../shared/anchors) repeated with unique ids, as
//! canonical CSV; `invalid`: the same rows, each with a `pivot` that is not one (an error that
//! keeps the row out); `x`: the standard's header then rows of `x` (8 problems each); `json`:
//! the valid rows as a JSON array.
//!
//! The system allocator; `read_memory_mimalloc` is the same program with mimalloc, the
//! allocator of the command line and the Python package.

include!("support/read_memory_body.rs");
