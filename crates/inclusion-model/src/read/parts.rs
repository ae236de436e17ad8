//! Reading a large CSV file in parts on threads ([`ReadOptions::threads`]): the parts the
//! threads take from each other as they go ([`Parts`], [`in_turns`]), where a part and a
//! chunk may start, and which rows of a part repeat the id of an earlier part.
//!
//! A part must read exactly as it reads in the whole file: it starts where a record starts.
//! A line feed starts a record unless it is in a quoted cell, which only the parser,
//! reading from the start, knows. So the cuts are guessed, then checked:
//!
//! * a cut is a line feed after which the line reads, alone, as a row (as many cells as the
//!   header, quotes closed): in a quoted text over several lines, such a line is rare;
//! * each part is then read by the parser from its cut, a chunk at a time; if a part or a
//!   chunk ends inside a quoted cell (the cut was in it), or meets a stray quote (whose
//!   recovery reads past it), the reading gives up and the file is read on one thread.
//!
//! [`ReadOptions::threads`]: super::ReadOptions::threads

use std::sync::{Mutex, MutexGuard};

use crate::place::Place;
use crate::validate::checks::identifiers;

use super::report::{LateDuplicate, ReadReport};
use super::rows::Rows;

/// How many line feeds after the middle of what a part has left a cut is looked for, before
/// giving up on it.
const MAX_LINES_SEARCHED: usize = 10_000;

/// The start of the first line of `bytes` after a line feed for which `starts_row` holds
/// (the line without its line feed), among the lines of the first [`MAX_LINES_SEARCHED`]
/// line feeds: where a part may start.
pub(super) fn row_start(bytes: &[u8], starts_row: impl Fn(&str) -> bool) -> Option<usize> {
    let mut at = 0;
    for _ in 0..MAX_LINES_SEARCHED {
        let next = at + memchr::memchr(b'\n', &bytes[at..])? + 1;
        let end = memchr::memchr(b'\n', &bytes[next..]).map_or(bytes.len(), |i| next + i);
        if next < bytes.len() && std::str::from_utf8(&bytes[next..end]).is_ok_and(&starts_row) {
            return Some(next);
        }
        at = next;
    }
    None
}

/// The size of a chunk: the bytes read from the file at a time, on each thread. Small
/// enough for a chunk to stay in a core's 512 KB second-level cache while its rows are
/// read, with the places written meanwhile.
pub(super) const CHUNK_BYTES: usize = 128 << 10;

/// The parts of a file's rows, as the threads read them: each part's bytes, and how far
/// its reader has taken them (see [`Parts::take`]).
///
/// The first part is the whole body of the file, read by the calling thread. Each other
/// thread takes a part from the others: the second half of the bytes that the part with the
/// most bytes not yet read has left, cut where a row starts ([`row_start`]).
/// A thread that ends its part takes another in the same way, until no part has
/// [`MIN_TAKEN_CHUNKS`] chunks left. So on two threads the file is read in two halves, as
/// it was cut before, and a thread that the host slows (another process on its processor)
/// is relieved of what it has not read by the thread that ends first, instead of keeping
/// the other waiting. Each part is read as any part is, and checked the same way: a cut that
/// falls in a quoted text over several lines makes the reading give up.
pub(super) struct Parts {
    /// Each part's start, how far its reader has read or is reading, and its end; `None`
    /// once the reading has given up.
    ranges: Mutex<Option<Vec<Range>>>,
    /// The bytes of the body, from its start to the end of the file.
    body_bytes: usize,
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
    pub(super) fn new(body: usize, len: usize) -> Parts {
        let whole = Range {
            start: body,
            claimed: body,
            end: len,
        };
        Parts {
            ranges: Mutex::new(Some(vec![whole])),
            body_bytes: len.saturating_sub(body),
        }
    }

    /// The ranges, while the reading goes on.
    fn ranges(&self) -> Option<MutexGuard<'_, Option<Vec<Range>>>> {
        self.ranges.lock().ok().filter(|ranges| ranges.is_some())
    }

    /// Makes the reading give up: the file will be read whole.
    pub(super) fn give_up(&self) {
        if let Ok(mut ranges) = self.ranges.lock() {
            *ranges = None;
        }
    }

    /// The bytes of the body, all parts together.
    pub(super) fn body_bytes(&self) -> usize {
        self.body_bytes
    }

    /// Where part `k` starts (the order of the parts in the file).
    pub(super) fn start(&self, k: usize) -> usize {
        let ranges = self.ranges.lock().ok();
        let range = ranges
            .as_deref()
            .and_then(Option::as_ref)
            .and_then(|r| r.get(k));
        range.map_or(usize::MAX, |range| range.start)
    }

    /// Claims the next bytes of part `k`, at most `chunk` from `from`: the end of the
    /// bytes claimed, and whether they end the part. `None` when the reading gave up.
    pub(super) fn claim(&self, k: usize, from: usize, chunk: usize) -> Option<(usize, bool)> {
        let mut guard = self.ranges()?;
        let range = guard.as_mut()?.get_mut(k)?;
        range.claimed = range.end.min(from.saturating_add(chunk)).max(from);
        Some((range.claimed, range.claimed == range.end))
    }

    /// Takes a new part from the part with the most bytes left unread (see [`Parts`]): its
    /// index and its bytes. `cut_after(middle, end)` gives where a row starts after byte
    /// `middle` of the bytes left (`middle..end`), if it finds one in the window it reads
    /// there (the part's reader goes on meanwhile). `None` when no part has
    /// [`MIN_TAKEN_CHUNKS`] chunks left, when no row starts after the middle of what is
    /// left, or when the reading gave up.
    pub(super) fn take(
        &self,
        chunk: usize,
        cut_after: &impl Fn(usize, usize) -> Option<usize>,
    ) -> Option<(usize, usize)> {
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
            let cut = cut_after(middle, end)?;
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

/// How many lines are tried, from the end of a chunk backwards, for one that reads as a row
/// (see [`row_start_before`]); a chunk without such a line gives up the reading by chunks.
const MAX_LINES_TRIED: usize = 64;

/// The start of the last line of `bytes` that ends in them and for which `starts_row` holds
/// (the line without its line feed): where a chunk ends. `None` when none of the last
/// [`MAX_LINES_TRIED`] lines does.
pub(super) fn row_start_before(bytes: &[u8], starts_row: impl Fn(&str) -> bool) -> Option<usize> {
    let mut end = memchr::memrchr(b'\n', bytes)?;
    for _ in 0..MAX_LINES_TRIED {
        let start = memchr::memrchr(b'\n', &bytes[..end])? + 1;
        if let Ok(line) = std::str::from_utf8(&bytes[start..end])
            && starts_row(line)
        {
            return Some(start);
        }
        end = start - 1;
    }
    None
}

/// Reads the parts of a file's rows on `threads` threads, the threads taking parts from each
/// other ([`Parts`]): `first()`, the whole body at the start, on this thread; on each other
/// thread, and on this one once its part is read, `taken(k, bytes)` for each part `k` it
/// takes ([`Parts::take`], with `cut_after`). The results in the order of the file; `None`
/// when a thread panicked (its parts are lost: the file is then read whole).
pub(super) fn in_turns<T: Send>(
    parts: &Parts,
    threads: usize,
    chunk: usize,
    first: impl FnOnce() -> T,
    taken: impl Fn(usize, usize) -> T + Sync,
    cut_after: impl Fn(usize, usize) -> Option<usize> + Sync,
) -> Option<Vec<T>> {
    let take_parts = || {
        let mut read = Vec::new();
        while let Some((k, bytes)) = parts.take(chunk, &cut_after) {
            read.push((k, taken(k, bytes)));
        }
        read
    };
    let mut read = std::thread::scope(|s| {
        let others: Vec<_> = (1..threads)
            .map(|_| std::thread::Builder::new().spawn_scoped(s, take_parts))
            .collect();
        let mut read = vec![(0, first())];
        read.extend(take_parts());
        // A thread that could not be started took nothing; one that panicked lost its parts.
        for other in others.into_iter().flatten() {
            read.extend(other.join().ok()?);
        }
        Some(read)
    })?;
    read.sort_by_key(|&(k, _)| parts.start(k));
    Some(read.into_iter().map(|(_, part)| part).collect())
}

/// How many rows `bytes` of a file hold about, from a `sample` of its rows (a tenth more,
/// for the variation of row lengths: room reserved and never written is never touched).
pub(super) fn rows_in(sample: &[u8], bytes: usize) -> usize {
    let rows = memchr::memchr_iter(b'\n', sample).count();
    let per_byte = rows as f64 / sample.len().max(1) as f64;
    (bytes as f64 * per_byte * 1.1) as usize + 16
}

/// The rows of each part after the first (`parts`, each with its rows recorded: see
/// [`Rows::recording`]) whose id an earlier part has: `first` validated the first part into
/// `places`.
pub(super) fn late_duplicates<E>(
    first: &Rows,
    places: &[Place],
    parts: &mut [(Rows, ReadReport, E)],
) -> Vec<Vec<LateDuplicate>> {
    let ids: Vec<_> = parts
        .iter_mut()
        .map(|(rows, _, _)| rows.take_ids())
        .collect();
    let mut earlier: Vec<(&Rows, &[Place])> = vec![(first, places)];
    let mut found = Vec::with_capacity(parts.len());
    for ((rows, report, _), ids) in parts.iter().zip(&ids) {
        let duplicates = ids
            .rows
            .iter()
            .filter(|r| {
                let id = ids.id(r);
                earlier
                    .iter()
                    .any(|(rows, places)| rows.has_seen(r.hash, id, places))
            })
            .map(|r| LateDuplicate {
                at: r.at,
                diagnostic: identifiers::duplicate(r.row, ids.id(r)),
                place: r.place,
                counted: r.counted,
                error: r.error,
            })
            .collect();
        found.push(duplicates);
        earlier.push((rows, &report.places));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_starts_at_the_first_line_after_a_line_feed_that_reads_as_a_row() {
        let text = b"h\nrow\nx\nrow\nrow\nx\nx\n";
        let row = |line: &str| line == "row";
        // The line at the start of the bytes is not after a line feed: the first "row" after
        // one starts at byte 2.
        assert_eq!(row_start(text, row), Some(2));
        assert_eq!(row_start(&text[3..], row), Some(5));
        assert_eq!(row_start(&text[14..], row), None);
        assert_eq!(row_start(text, |_| false), None);
    }

    #[test]
    fn a_chunk_ends_at_the_start_of_the_last_whole_line_that_reads_as_a_row() {
        let bytes = b"a,b\n\"x\ny\",z\nc,d\ne,f";
        let cells =
            |n: usize| move |line: &str| line.split(',').count() == n && !line.contains('"');
        // "e,f" has no line feed: the last whole line is "c,d", which reads as a row.
        assert_eq!(row_start_before(bytes, cells(2)), Some(12));
        // With three cells a row, no line does.
        assert_eq!(row_start_before(bytes, cells(3)), None);
        // `y",z` does not read as a row, nor does the first line, which has no line feed
        // before it.
        assert_eq!(row_start_before(&bytes[..12], cells(2)), None);
    }

    /// Part 0 of 100 bytes, read 10 at a time, and a cut wherever asked (the middle).
    fn middle(middle: usize, _end: usize) -> Option<usize> {
        Some(middle)
    }

    #[test]
    fn a_part_is_taken_from_the_part_with_the_most_bytes_left_and_cut_from_it() {
        let parts = Parts::new(0, 100);
        // Part 0 claims its first 10 bytes: 90 left, half of them taken (from 55).
        assert_eq!(parts.claim(0, 0, 10), Some((10, false)));
        assert_eq!(
            parts.take(12, &middle),
            None,
            "fewer than 8 chunks of 12 left"
        );
        assert_eq!(parts.take(5, &middle), Some((1, 45)));
        assert_eq!((parts.start(0), parts.start(1)), (0, 55));
        // Part 0 now ends at 55: its claims stop there, and the last one says so.
        assert_eq!(parts.claim(0, 10, 40), Some((50, false)));
        assert_eq!(parts.claim(0, 50, 40), Some((55, true)));
        // Part 1 has the most left (45): the next part is taken from it.
        assert_eq!(parts.take(5, &middle), Some((2, 23)));
        assert_eq!(parts.start(2), 77);
        assert_eq!(parts.claim(1, 55, 100), Some((77, true)));
        // A cut the owner has already claimed is not taken: the next largest is looked at
        // again, and with nothing worth taking, none is.
        assert_eq!(parts.claim(2, 77, 20), Some((97, false)));
        assert_eq!(parts.take(5, &|_, _| Some(80)), None);
        assert_eq!(parts.claim(2, 97, 20), Some((100, true)));
    }

    #[test]
    fn a_reading_given_up_claims_and_takes_nothing() {
        let parts = Parts::new(10, 1_000);
        parts.give_up();
        assert_eq!(parts.claim(0, 10, 10), None);
        assert_eq!(parts.take(1, &middle), None);
        assert_eq!(parts.start(0), usize::MAX);
    }

    #[test]
    fn the_parts_read_in_turns_come_in_the_order_of_the_file() {
        // Each part "read" as its own bytes, claimed a byte at a time; four threads.
        let parts = Parts::new(0, 4_000);
        let read_part = |k: usize| {
            let start = parts.start(k);
            let mut claimed = start;
            loop {
                let (to, last) = parts.claim(k, claimed, 1).unwrap();
                claimed = to;
                if last {
                    return (start, claimed);
                }
            }
        };
        let read = in_turns(&parts, 4, 1, || read_part(0), |k, _| read_part(k), middle).unwrap();
        // Whatever parts were taken, they cover the bytes once, in order.
        assert_eq!(read.first().map(|r| r.0), Some(0));
        assert_eq!(read.last().map(|r| r.1), Some(4_000));
        for pair in read.windows(2) {
            assert_eq!(pair[0].1, pair[1].0, "{read:?}");
        }
    }
}
