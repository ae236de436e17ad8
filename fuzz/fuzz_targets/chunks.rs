//! CSV bytes written to a file and read from disk a chunk at a time: whenever the reading by
//! chunks does not give up, its report is the report of the same bytes read at once
//! (`read_bytes`), on one thread and on several, with chunks of 1 to 1,021 bytes, and the
//! progress counted ends at the file's length.
#![no_main]

use std::path::PathBuf;

use inclusion_model::{ReadProgress, read_bytes, read_path_in_chunks};
use libfuzzer_sys::fuzz_target;

#[path = "csv_input.rs"]
mod csv_input;

/// One file per fuzzing process, written for each input and removed after it (in memory when
/// `/dev/shm` exists).
fn path() -> PathBuf {
    let dir = std::path::Path::new("/dev/shm");
    let dir = if dir.is_dir() {
        dir.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    dir.join(format!("inclusion-fuzz-chunks-{}.csv", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    // The first byte chooses: after a valid header or not, strict or not, lenient or not, one
    // to four threads, a limit of diagnostics per code or not; the second, the size of a chunk.
    let Some((&[choice, size], rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let (bytes, options) = csv_input::bytes_and_options(choice, rest);
    let options = options
        .with_threads(usize::from(choice >> 3 & 3) + 1)
        .with_parallel_min_bytes(0);
    let options = match choice >> 5 & 3 {
        0 => options,
        limit => options.with_max_diagnostics_per_code(usize::from(limit) - 1),
    };
    let chunk = usize::from(size) * 4 + 1;
    let path = path();
    std::fs::write(&path, &bytes).expect("writing the file to read");
    let progress = ReadProgress::new();
    let chunked = read_path_in_chunks(&path, &options, chunk, &progress);
    let _ = std::fs::remove_file(&path);
    if let Some(chunked) = chunked {
        let whole = read_bytes(&bytes, &options);
        assert_eq!(
            chunked, whole,
            "chunks of {chunk} bytes, {} threads",
            options.threads
        );
        assert_eq!(
            progress.bytes(),
            bytes.len() as u64,
            "each byte counted once"
        );
    }
});
