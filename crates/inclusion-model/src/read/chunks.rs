//! Reading a CSV file from disk a chunk at a time ([`read_path`](super::read_path)), instead
//! of copying the whole file into memory first and then reading that copy.
//!
//! Each thread reads its part of the file in chunks of [`CHUNK_BYTES`] into a buffer of its
//! own, and reads the rows of each chunk while its bytes are still in the processor's
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

use super::csv::{self, Columns, Ending, Head, Records, Start};
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
    let cuts = if options.threads >= 2 && len >= options.parallel_min_bytes {
        cuts(source, body, options.threads, delimiter, width)
    } else {
        vec![body, len]
    };
    let parts = cuts.len() - 1;
    let report = csv::read_in_parts(parts, options, &report, |k, mut rows, mut report| {
        let (start, end) = (cuts[k], cuts[k + 1]);
        // The first part reads into the file's report: room for the places of every part
        // (not when they are kept apart), as `read_parts` reserves.
        let bytes = if k == 0 && !options.parts_apart {
            len - start
        } else {
            end - start
        };
        rows.reserve(estimate(bytes), bytes, &mut report);
        let reader = Chunks {
            source,
            columns: &columns,
            delimiter,
            chunk,
            progress,
        };
        let ending = reader.read_rows(start, end, &mut rows, &mut report)?;
        Some((rows, report, ending))
    })?;
    // A byte past `len`: the file grew since its length was taken, and is read again.
    source.ends_at_len().then_some(report)
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

/// Where to cut the rows (from byte `body`) of `source` into at most `parts` parts of about
/// the same size ([`super::parts::cuts`]): a cut is looked for in the [`CHUNK_BYTES`] after
/// each even share, read from the file (a window that cannot be read has none).
fn cuts(source: Source<'_>, body: usize, parts: usize, delimiter: u8, width: usize) -> Vec<usize> {
    let mut window = vec![0; CHUNK_BYTES];
    let starts_row = |line: &str| csv::reads_as_row(line, delimiter, width);
    super::parts::cuts(body, source.len, parts, |at| {
        let window = &mut window[..CHUNK_BYTES.min(source.len - at)];
        source.read_at(window, at)?;
        super::parts::row_start(window, starts_row).map(|cut| at + cut)
    })
}

/// Reads the rows of a part of a file a chunk at a time.
struct Chunks<'a> {
    source: Source<'a>,
    columns: &'a Columns<'a>,
    delimiter: u8,
    chunk: usize,
    progress: &'a ReadProgress,
}

impl Chunks<'_> {
    /// Reads the rows of bytes `start..end` into `rows` and `report`, as a part's rows are
    /// read ([`csv::read_rows`]); how the last chunk ended, or `None` when a chunk did not
    /// end where a record ends (or was not UTF-8, or could not be read).
    fn read_rows(
        &self,
        start: usize,
        end: usize,
        rows: &mut Rows,
        report: &mut ReadReport,
    ) -> Option<Ending> {
        let width = self.columns.header.len();
        // `buf[..filled]` holds the bytes from `at` on.
        let mut buf = vec![0; self.chunk.min(end - start)];
        let (mut at, mut filled, mut row) = (start, 0, 2);
        loop {
            let want = self.chunk.min(end - at - filled);
            if buf.len() < filled + want {
                buf.resize(filled + want, 0);
            }
            self.source
                .read_at(&mut buf[filled..filled + want], at + filled)?;
            filled += want;
            let last = at + filled == end;
            let cut = if last {
                filled
            } else {
                row_start_before(&buf[..filled], self.delimiter, width)?
            };
            let text = simdutf8::basic::from_utf8(&buf[..cut]).ok()?;
            let mut records = Records::new(text, self.delimiter, 0, 1, width).numbered_from(row);
            let ending = csv::read_rows(&mut records, self.columns, rows, report, true);
            self.progress.add(cut);
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
