//! `read_memory` (see `benches/read_memory.rs`) with mimalloc as the global allocator, as the
//! command line and the Python package read files: `valgrind --tool=callgrind
//! --toggle-collect='*read_bytes*' target/release/deps/read_memory_mimalloc-HASH read FILE keep`
//! counts the reader's instructions as those programs run it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

include!("support/read_memory_body.rs");
