//! Reading a large CSV file in parts, one per thread ([`ReadOptions::threads`]): where to
//! cut it, and which rows of a part repeat the id of an earlier part.
//!
//! A part must read exactly as it reads in the whole file: it starts where a record starts.
//! A line feed starts a record unless it is in a quoted cell, which only the parser,
//! reading from the start, knows. So the cuts are guessed, then checked:
//!
//! * a cut is a line feed after which the line reads, alone, as a row (as many cells as the
//!   header, quotes closed): in a quoted text over several lines, such a line is rare;
//! * each part is then read by the parser from its cut; if the last record of a part ends in
//!   a quoted cell (the cut was in it), or a part meets a stray quote (whose recovery reads
//!   past the part), the parts are dropped and the file is read on one thread.
//!
//! [`ReadOptions::threads`]: super::ReadOptions::threads

use crate::place::Place;
use crate::validate::checks::identifiers;

use super::report::{LateDuplicate, ReadReport};
use super::rows::Rows;

/// How many line feeds after the even cut a cut is looked for, before giving up on it.
const MAX_LINES_SEARCHED: usize = 10_000;

/// Where to cut the rows of a text of `len` bytes (from byte `start`) into at most `parts`
/// parts of about the same size: the start of each part, then the end of the text.
/// `row_start_from(at)` gives the first place to cut at or after byte `at` ([`row_start`]
/// in the text from there), if any: without one, one part fewer.
pub(super) fn cuts(
    start: usize,
    len: usize,
    parts: usize,
    mut row_start_from: impl FnMut(usize) -> Option<usize>,
) -> Vec<usize> {
    let start = start.min(len);
    let size = (len - start) / parts.max(1);
    let mut cuts = vec![start];
    for k in 1..parts {
        let last = cuts.last().copied().unwrap_or(start);
        let at = (start + k * size).max(last);
        if let Some(cut) = row_start_from(at) {
            cuts.push(cut);
        }
    }
    cuts.push(len);
    cuts
}

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
    fn cuts_fall_at_the_start_of_a_line_that_reads_as_a_row() {
        let text = "h\nrow\nx\nrow\nrow\nx\nx\n";
        let in_text = |starts_row: fn(&str) -> bool| {
            move |at: usize| row_start(&text.as_bytes()[at..], starts_row).map(|cut| at + cut)
        };
        let cuts = cuts(2, text.len(), 3, in_text(|line| line == "row"));
        // Even shares of the 18 bytes after the header end at bytes 8 and 14. After 8, the
        // first line that reads as a row starts at 12 (the one at 8 starts on the share, not
        // after a line feed past it); after 14, no line does: three parts asked, two made.
        assert_eq!(cuts, [2, 12, text.len()]);
        // No line reads as a row: one part.
        assert_eq!(
            super::cuts(2, text.len(), 3, in_text(|_| false)),
            [2, text.len()]
        );
    }
}
