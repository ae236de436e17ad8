//! Reading a CSV file from disk a chunk at a time ([`read_path`](super::read_path)), instead
//! of copying the whole file into memory first and then reading that copy.
//!
//! Each thread reads its part of the file (the threads take parts from each other as they
//! go: [`Parts`]) in chunks of [`CHUNK_BYTES`] into a buffer of its own, and reads the rows of each chunk while its bytes are still in the processor's
//! caches. The file's bytes are thus never all in memory at once (a 42.5 MB file needed
//! 42.5 MB of fresh memory, faulted in at every read), and are fetched from memory once
//! instead of twice (README, "Reading speed").
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
use std::sync::{Mutex, MutexGuard};

use super::csv::{self, Columns, Ending, Head, Part, Records, Start};
use super::file::Source;
use super::options::ReadOptions;
use super::progress::ReadProgress;
use super::report::{Format, ReadReport};
use super::rows::Rows;

/// The size of a chunk: the bytes read from the file at a time, on each thread. Small
/// enough for a chunk to stay in a core's 512 KB second-level cache while its rows are
/// read, with the places written meanwhile.
pub(super) const CHUNK_BYTES: usize = 128 << 10;

/// How many lines are tried, from the end of a chunk backwards, for one that reads as a row
/// (see [`row_start_before`]); a chunk without such a line gives up the reading by chunks.
const MAX_LINES_TRIED: usize = 64;

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
    let width = header.len();
    progress.add(body);
    // Rows per byte, from the head, for the room to reserve (a tenth more, for the variation
    // of row lengths: reserved room that is never written is never touched).
    let head_rows = memchr::memchr_iter(b'\n', &head.as_bytes()[body..]).count();
    let estimate = |bytes: usize| {
        let rows = bytes as f64 * head_rows as f64 / (head.len() - body) as f64;
        (rows * 1.1) as usize + 16
    };
    let threads = if options.threads >= 2 && len >= options.parallel_min_bytes {
        options.threads
    } else {
        1
    };
    let parts = Parts::new(body, len);
    let reader = Chunks {
        source,
        columns: &columns,
        delimiter,
        chunk,
        progress,
        pause,
    };
    // Reads part `k` (taken by this thread) into `rows` and `report`.
    let read_part = |k: usize, mut rows: Rows, mut report: ReadReport, bytes: usize| -> Part {
        rows.reserve(estimate(bytes), bytes, &mut report);
        let ending = reader.read_rows(&parts, k, &mut rows, &mut report);
        if ending.is_none() {
            parts.give_up();
        }
        Some((rows, report, ending?))
    };
    // Takes parts from the others until none is worth taking.
    let take_parts = || {
        let mut read = Vec::new();
        while let Some((k, bytes)) = parts.take(source, chunk, delimiter, width) {
            let part = (Rows::new(options).recording(), options.part_report());
            read.push((k, read_part(k, part.0, part.1, bytes)));
        }
        read
    };
    let mut read: Vec<(usize, Part)> = std::thread::scope(|s| {
        let others: Vec<_> = (1..threads)
            .map(|_| std::thread::Builder::new().spawn_scoped(s, take_parts))
            .collect();
        // The first part reads into the file's report: room for the places of the whole
        // file, so that appending the others does not move its own (when they are kept
        // apart, for its share of them).
        let bytes = if options.parts_apart {
            (len - body) / threads
        } else {
            len - body
        };
        let mut read = vec![(0, read_part(0, Rows::new(options), report.clone(), bytes))];
        read.extend(take_parts());
        for other in others.into_iter().flatten() {
            // A thread that panicked lost the parts it took: the file is read whole.
            match other.join() {
                Ok(parts) => read.extend(parts),
                Err(_) => read.push((usize::MAX, None)),
            }
        }
        read
    });
    read.sort_by_key(|&(k, _)| parts.start(k));
    let count = read.len();
    let mut read = read.into_iter().map(|(_, part)| part);
    let first = read.next()?;
    let report = csv::append_parts(first, read.collect(), options)?;
    // A byte past `len`: the file grew since its length was taken, and is read again.
    source.ends_at_len().then_some((report, count))
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

/// The parts of a file's rows, as the threads read them: each part's bytes, and how far
/// its reader has taken them (see [`Parts::take`]).
///
/// The first part is the whole body of the file, read by the calling thread. Each other
/// thread takes a part from the others: the second half of the bytes that the part with the
/// most bytes not yet read has left, cut where a row starts ([`super::parts::row_start`]).
/// A thread that ends its part takes another in the same way, until no part has
/// [`MIN_TAKEN_CHUNKS`] chunks left. So on two threads the file is read in two halves, as
/// it was cut before, and a thread that the host slows (another process on its processor)
/// is relieved of what it has not read by the thread that ends first, instead of keeping
/// the other waiting. Each part is read as any part is, and checked the same way: a cut that
/// falls in a quoted text over several lines makes the reading give up.
struct Parts {
    /// Each part's start, how far its reader has read or is reading, and its end; `None`
    /// once the reading has given up.
    ranges: Mutex<Option<Vec<Range>>>,
}

/// The bytes of a part: `start..end`, of which `start..claimed` are read or being read.
#[derive(Clone, Copy)]
struct Range {
    start: usize,
    claimed: usize,
    end: usize,
}

/// How many chunks a part must have left unread for another thread to take half of them:
/// 1 MB with chunks of 128 KB. Each part taken costs its own validator, id set and report,
/// and its ids are looked up in the earlier parts' after the threads; with 4 MB, the relief
/// of a slowed thread came later and quiet reads were no faster (ARCHITECTURE.md, "Threads
/// take parts from each other").
const MIN_TAKEN_CHUNKS: usize = 8;

impl Parts {
    /// One part: the body of the file, from byte `body` to `len`.
    fn new(body: usize, len: usize) -> Parts {
        let whole = Range {
            start: body,
            claimed: body,
            end: len,
        };
        Parts {
            ranges: Mutex::new(Some(vec![whole])),
        }
    }

    /// The ranges, while the reading goes on.
    fn ranges(&self) -> Option<MutexGuard<'_, Option<Vec<Range>>>> {
        self.ranges.lock().ok().filter(|ranges| ranges.is_some())
    }

    /// Makes the reading give up: the file will be read whole.
    fn give_up(&self) {
        if let Ok(mut ranges) = self.ranges.lock() {
            *ranges = None;
        }
    }

    /// Where part `k` starts (the order of the parts in the file).
    fn start(&self, k: usize) -> usize {
        let ranges = self.ranges.lock().ok();
        let range = ranges
            .as_deref()
            .and_then(Option::as_ref)
            .and_then(|r| r.get(k));
        range.map_or(usize::MAX, |range| range.start)
    }

    /// Claims the next bytes of part `k`, at most `chunk` from `from`: the end of the
    /// bytes claimed, and whether they end the part. `None` when the reading gave up.
    fn claim(&self, k: usize, from: usize, chunk: usize) -> Option<(usize, bool)> {
        let mut guard = self.ranges()?;
        let range = guard.as_mut()?.get_mut(k)?;
        range.claimed = range.end.min(from.saturating_add(chunk)).max(from);
        Some((range.claimed, range.claimed == range.end))
    }

    /// Takes a new part from the part with the most bytes left unread (see [`Parts`]): its
    /// index and its bytes. `None` when no part has [`MIN_TAKEN_CHUNKS`] chunks left, when
    /// no row starts in the chunk after the middle of what is left, or when the reading
    /// gave up.
    fn take(
        &self,
        source: Source<'_>,
        chunk: usize,
        delimiter: u8,
        width: usize,
    ) -> Option<(usize, usize)> {
        let mut window = Vec::new();
        loop {
            let (k, middle, end) = {
                let guard = self.ranges()?;
                let (k, range) = guard
                    .as_ref()?
                    .iter()
                    .enumerate()
                    .max_by_key(|(_, r)| r.end - r.claimed)?;
                if range.end - range.claimed < MIN_TAKEN_CHUNKS.saturating_mul(chunk) {
                    return None;
                }
                (
                    k,
                    range.claimed + (range.end - range.claimed) / 2,
                    range.end,
                )
            };
            // The window is read without holding the lock: the part's reader goes on.
            window.resize(CHUNK_BYTES.min(end - middle), 0);
            source.read_at(&mut window, middle)?;
            let starts_row = |line: &str| csv::reads_as_row(line, delimiter, width);
            let cut = middle + super::parts::row_start(&window, starts_row)?;
            let mut guard = self.ranges()?;
            let ranges = guard.as_mut()?;
            let range = ranges.get_mut(k)?;
            // Taken only if the part's reader has not claimed the cut meanwhile (nor another
            // thread taken from the same part): otherwise, look again.
            if range.end == end && range.claimed < cut && cut < end {
                range.end = cut;
                ranges.push(Range {
                    start: cut,
                    claimed: cut,
                    end,
                });
                return Some((ranges.len() - 1, end - cut));
            }
        }
    }
}

/// Reads the rows of a part of a file a chunk at a time.
struct Chunks<'a> {
    source: Source<'a>,
    columns: &'a Columns<'a>,
    delimiter: u8,
    chunk: usize,
    progress: &'a ReadProgress,
    /// Called with the part's index after each chunk ([`read_paced`]).
    pause: &'a (dyn Fn(usize) + Sync),
}

impl Chunks<'_> {
    /// Reads the rows of part `k` of `parts` into `rows` and `report`, as a part's rows are
    /// read ([`csv::read_rows`]), claiming its bytes a chunk at a time (another thread may
    /// take what is not claimed yet: [`Parts::take`]); how the last chunk ended, or `None`
    /// when a chunk did not end where a record ends (or was not UTF-8, or could not be
    /// read), or when the reading gave up.
    fn read_rows(
        &self,
        parts: &Parts,
        k: usize,
        rows: &mut Rows,
        report: &mut ReadReport,
    ) -> Option<Ending> {
        let width = self.columns.header.len();
        let start = parts.start(k);
        // `buf[..filled]` holds the bytes from `at` on.
        let mut buf = Vec::new();
        let (mut at, mut filled, mut row) = (start, 0, 2);
        loop {
            let (claimed, last) = parts.claim(k, at + filled, self.chunk)?;
            let want = claimed - (at + filled);
            if buf.len() < filled + want {
                buf.resize(filled + want, 0);
            }
            self.source
                .read_at(&mut buf[filled..filled + want], at + filled)?;
            filled += want;
            let cut = if last {
                filled
            } else {
                row_start_before(&buf[..filled], self.delimiter, width)?
            };
            let text = simdutf8::basic::from_utf8(&buf[..cut]).ok()?;
            let mut records = Records::new(text, self.delimiter, 0, 1, width).numbered_from(row);
            let ending = csv::read_rows(&mut records, self.columns, rows, report, true);
            self.progress.add(cut);
            (self.pause)(k);
            if last {
                return Some(ending);
            }
            if ending != (Ending::End { open: false }) {
                return None;
            }
            row = records.row();
            buf.copy_within(cut..filled, 0);
            at += cut;
            filled -= cut;
        }
    }
}

/// The start of the last line of `bytes` that ends in them and reads, alone, as a row:
/// where a chunk ends. `None` when none of the last [`MAX_LINES_TRIED`] lines does.
fn row_start_before(bytes: &[u8], delimiter: u8, width: usize) -> Option<usize> {
    let mut end = memchr::memrchr(b'\n', bytes)?;
    for _ in 0..MAX_LINES_TRIED {
        let start = memchr::memrchr(b'\n', &bytes[..end])? + 1;
        if let Ok(line) = std::str::from_utf8(&bytes[start..end])
            && csv::reads_as_row(line, delimiter, width)
        {
            return Some(start);
        }
        end = start - 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_ends_at_the_start_of_the_last_whole_line_that_reads_as_a_row() {
        let bytes = b"a,b\n\"x\ny\",z\nc,d\ne,f";
        // "e,f" has no line feed: the last whole line is "c,d", which reads as a row.
        assert_eq!(row_start_before(bytes, b',', 2), Some(12));
        // With three cells a row, no line does.
        assert_eq!(row_start_before(bytes, b',', 3), None);
        // `y",z` does not read as a row (its quote is not closed), nor does the first line,
        // which has no line feed before it.
        assert_eq!(row_start_before(&bytes[..12], b',', 2), None);
    }
}
