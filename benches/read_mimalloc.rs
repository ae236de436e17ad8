//! The `read` benchmark with mimalloc as the global allocator, as an application that loads
//! large files would configure it: reading allocates a few strings per place, and the
//! allocator is then a large share of the time. `cargo bench --bench read_mimalloc`
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

include!("support/read_body.rs");
