//! Reading a file from disk into memory, for the files [`read_path`](super::read_path) does
//! not read a chunk at a time ([`chunks`](super::chunks): JSON, small files, and every case
//! the chunks would not reproduce): on the parallel path ([`ReadOptions::threads`] of 2 or
//! more, a file of 4 MB or more, the size from which a CSV file is read in parts), its two
//! halves at once, each thread copying its half (and faulting in its pages) with a
//! positioned read.
//!
//! Measured (the 42.5 MB file of `cargo bench --bench read`, page cache warm, this host):
//! copying the file into fresh memory took 30 to 37 ms on one thread, a third of the
//! parallel read's time; see ARCHITECTURE.md ("Reading in parts").
//!
//! [`ReadOptions::threads`]: super::options::ReadOptions::threads

use std::fs::File;
use std::io::{self, Read};

use super::options::ReadOptions;

/// The bytes of `file` (open, at its start), read as [`std::fs::read`] does, in two halves at
/// once when `options` allow it. A file that changes size while it is read is read again on
/// one thread. A file that is not a regular one (a pipe, a named FIFO) is read to its end
/// from the handle: it is never opened twice.
pub(super) fn read(mut file: &File, options: &ReadOptions) -> io::Result<Vec<u8>> {
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    #[cfg(unix)]
    if options.threads >= 2
        && len >= options.parallel_min_bytes.max(2)
        && let Some(bytes) = halves(file, len)
    {
        return Ok(bytes);
    }
    #[cfg(not(unix))]
    let _ = options;
    // Room for the length the file had (as `fs::read` reserves), fallible.
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(len.saturating_add(1).min(isize::MAX as usize))
        .map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The `len` bytes of `file` read in two halves, one on a scoped thread; `None` when the
/// file is not exactly that long any more (or a thread cannot be made), for the caller to
/// read it again.
#[cfg(unix)]
fn halves(file: &File, len: usize) -> Option<Vec<u8>> {
    // Zeroed by the allocator (fresh pages from the system are zero), where filling reserved
    // room with zeros wrote and faulted in the whole file's memory on this thread before the
    // two threads start: 14–15 → 10 ms to read the 45 MB file of `scripts/python-bench.py` in
    // halves with mimalloc, 33 → 19 ms with glibc (ARCHITECTURE.md). Fallible, as
    // `std::fs::read`'s reservation is.
    let mut bytes = bytemuck::allocation::try_zeroed_vec::<u8>(len).ok()?;
    let source = Source { file, len };
    let (first, second) = bytes.split_at_mut(len / 2);
    let offset = first.len();
    let read = std::thread::scope(|scope| {
        let other = std::thread::Builder::new()
            .spawn_scoped(scope, || source.read_at(second, offset))
            .ok()?;
        let mine = source.read_at(first, 0);
        let other = other.join().ok()?;
        Some(mine.is_some() && other.is_some())
    });
    (read? && source.ends_at_len()).then_some(bytes)
}

/// A file of `len` bytes (its length when it was taken), read at offsets: the halves of
/// [`read`], and the chunks of [`super::chunks`]. Reading at an offset leaves the handle's
/// position at the start of the file.
#[derive(Clone, Copy)]
pub(super) struct Source<'f> {
    pub(super) file: &'f File,
    pub(super) len: usize,
}

impl Source<'_> {
    /// Fills `buf` from byte `at`; `None` when the file has fewer bytes there (or on a
    /// system without positioned reads, where files are read whole).
    pub(super) fn read_at(&self, buf: &mut [u8], at: usize) -> Option<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            self.file.read_exact_at(buf, at as u64).ok()
        }
        #[cfg(not(unix))]
        {
            let _ = (self.file, buf, at);
            None
        }
    }

    /// Whether the file still ends at `len`: no byte there. A byte there (the file grew
    /// since its length was taken) or an error reading it says no: the file is read again.
    pub(super) fn ends_at_len(&self) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            matches!(self.file.read_at(&mut [0], self.len as u64), Ok(0))
        }
        #[cfg(not(unix))]
        {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reads_the_same_in_halves_and_on_one_thread() {
        let dir = std::env::temp_dir().join(format!("inclusion-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for len in [0usize, 1, 2, 3, 4_095, 4_096, 100_001] {
            let path = dir.join(format!("{len}.bin"));
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            for threads in [1, 2] {
                let options = ReadOptions::default()
                    .with_threads(threads)
                    .with_parallel_min_bytes(0);
                let file = File::open(&path).unwrap();
                assert_eq!(
                    read(&file, &options).unwrap(),
                    bytes,
                    "{len} bytes, {threads}"
                );
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_file_shorter_or_longer_than_its_length_taken_is_noticed() {
        let path = std::env::temp_dir().join(format!("inclusion-source-{}", std::process::id()));
        std::fs::write(&path, [7u8; 100]).unwrap();
        let file = File::open(&path).unwrap();
        let source = Source {
            file: &file,
            len: 100,
        };
        let mut buf = [0; 10];
        assert_eq!(source.read_at(&mut buf, 90), Some(()));
        assert_eq!(buf, [7; 10]);
        // Shrunk since its length was taken: fewer bytes than asked.
        assert_eq!(source.read_at(&mut buf, 95), None);
        assert!(source.ends_at_len());
        // Grown since: a byte past the length taken.
        assert!(
            !Source {
                file: &file,
                len: 50
            }
            .ends_at_len()
        );
        std::fs::remove_file(&path).unwrap();
    }
}
