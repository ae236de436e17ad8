//! Reading a CSV file from disk a chunk at a time ([`read_path`](super::read_path)), instead
//! of copying the whole file into memory first and then reading that copy.
//!
//! Each thread reads its part of the file (the threads take parts from each other as they
//! go: [`Parts`]) in chunks of [`CHUNK_BYTES`](super::parts::CHUNK_BYTES) into a buffer of its own
//! ([`FileChunks`]), and reads the rows of each chunk while its bytes are still in the
//! processor's caches ([`ChunkReader`], which reads a text in memory the same way). The
//! file's bytes are thus never all in memory at once (a 42.5 MB file needed 42.5 MB of fresh
//! memory, faulted in at every read), and are fetched from memory once instead of twice
//! (README, "Reading speed").
//!
//! A chunk ends where a part of the file read apart may end ([`super::parts`]): at a line
//! feed after which the line reads, alone, as a row. The rows of each chunk are read as a
//! part's rows are, and with the same guard: whatever the reading of a part would not
//! reproduce exactly (a chunk that ends inside a quoted text over several lines, a stray
//! quote, a row the parser cannot read), and whatever the whole file's decoding decides (a
//! byte-order mark, UTF-16, invalid UTF-8, Windows-1252, a JSON file, a v0.1 file, a header
//! the file ends in or that cannot be read), makes this reading give up; the file is then
//! read whole, as before, so the report is the same either way.

use std::fs::File;

use super::csv::{self, ChunkReader, ChunkSource, Columns, Head, Start};
use super::file::Source;
use super::options::ReadOptions;
use super::parts::Parts;
use super::progress::ReadProgress;
use super::report::{Format, ReadReport};

/// The report of the CSV file `file` (open) read a chunk of `chunk` bytes at a time (see the
/// [module documentation](self)); `None` when the file is to be read whole: smaller than a
/// chunk, not a regular file, or a case this reading does not reproduce. A file that
/// changes while it is read gives `None` too (it is then read again, whole). Only
/// positioned reads are made: the handle's position stays at the start of the file.
/// `progress` counts the header's bytes, then each chunk's once its rows are read.
pub(super) fn read(
    file: &File,
    options: &ReadOptions,
    chunk: usize,
    progress: &ReadProgress,
) -> Option<ReadReport> {
    read_paced(file, options, chunk, progress, &|_| {}).map(|(report, _)| report)
}

/// [`read`], calling `pause(k)` on the thread that reads part `k` after each of its chunks
/// (the first part is the calling thread's: a test slows it down to see another thread take
/// what it has not read); the report and the number of parts the file was read in.
pub(super) fn read_paced(
    file: &File,
    options: &ReadOptions,
    chunk: usize,
    progress: &ReadProgress,
    pause: &(dyn Fn(usize) + Sync),
) -> Option<(ReadReport, usize)> {
    let metadata = file.metadata().ok()?;
    let len = usize::try_from(metadata.len()).ok()?;
    let chunk = chunk.max(1);
    if !metadata.is_file() || len <= chunk {
        return None;
    }
    let source = Source { file, len };
    let mut head = vec![0; chunk];
    source.read_at(&mut head, 0)?;
    let head = head_text(&head)?;
    let Start::V1(Head {
        delimiter,
        header,
        cells,
        body,
        report,
        ..
    }) = csv::start(head, options, options.report(Format::Csv))
    else {
        return None;
    };
    // The header must end before the head does: otherwise its last cell may go on after it.
    if body >= head.len() {
        return None;
    }
    let columns = Columns {
        header: &header,
        cells: &cells,
        replaced: false,
    };
    progress.add(body);
    let threads = if options.threads >= 2 && len >= options.parallel_min_bytes {
        options.threads
    } else {
        1
    };
    let parts = Parts::new(body, len);
    let reader = ChunkReader {
        parts: &parts,
        chunk,
        columns: &columns,
        delimiter,
    };
    // Rows per byte from the head's, for the room to reserve.
    let sample = &head.as_bytes()[body..];
    let read = reader.read_in_turns(threads, options, &report, sample, || {
        FileChunks::new(source, progress, pause)
    });
    // A byte past `len`: the file grew since its length was taken, and is read again.
    read.filter(|_| source.ends_at_len())
}

/// The head of a file as text, up to its last line feed, if it can be read by chunks: no
/// byte-order mark, not UTF-16, valid UTF-8, and CSV by the rule of the whole file's reading
/// ([`super::decode::format_of`]); a head of white space only leaves the format open, and is not.
fn head_text(head: &[u8]) -> Option<&str> {
    if head.starts_with(b"\xEF\xBB\xBF") || super::decode::utf16(head).is_some() {
        return None;
    }
    let end = memchr::memrchr(b'\n', head)? + 1;
    let text = simdutf8::basic::from_utf8(&head[..end]).ok()?;
    (super::decode::format_of(text)? == Format::Csv).then_some(text)
}

/// A file's chunks, read at offsets into a buffer of their own: the bytes of a chunk after
/// its last row (the start of the next row) stay in the buffer for the next chunk. Each
/// chunk's bytes are counted in `progress` once its rows are read, and `pause` is called
/// ([`read_paced`]).
struct FileChunks<'a> {
    source: Source<'a>,
    progress: &'a ReadProgress,
    pause: &'a (dyn Fn(usize) + Sync),
    /// `buf[..filled]` holds the bytes of the file from `from` on.
    buf: Vec<u8>,
    from: usize,
    filled: usize,
}

impl<'a> FileChunks<'a> {
    fn new(
        source: Source<'a>,
        progress: &'a ReadProgress,
        pause: &'a (dyn Fn(usize) + Sync),
    ) -> FileChunks<'a> {
        FileChunks {
            source,
            progress,
            pause,
            buf: Vec::new(),
            from: 0,
            filled: 0,
        }
    }
}

impl ChunkSource for FileChunks<'_> {
    fn bytes(&mut self, at: usize, to: usize) -> Option<&[u8]> {
        // The bytes before `at` are dropped: those after it move to the front.
        let gone = at.checked_sub(self.from)?;
        if gone >= self.filled {
            self.filled = 0;
        } else if gone > 0 {
            self.buf.copy_within(gone..self.filled, 0);
            self.filled -= gone;
        }
        self.from = at;
        let want = to.checked_sub(at)?;
        if self.buf.len() < want {
            self.buf.resize(want, 0);
        }
        if self.filled < want {
            let (start, end) = (self.filled, want);
            self.source.read_at(&mut self.buf[start..end], at + start)?;
            self.filled = want;
        }
        self.buf.get(..want)
    }

    fn text(&self, at: usize, len: usize) -> Option<&str> {
        let start = at.checked_sub(self.from)?;
        let bytes = self.buf.get(start..start.checked_add(len)?)?;
        simdutf8::basic::from_utf8(bytes).ok()
    }

    fn chunk_read(&self, k: usize, bytes: usize) {
        self.progress.add(bytes);
        (self.pause)(k);
    }
}
