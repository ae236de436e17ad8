//! Splitting CSV text into records of cells.
//!
//! The text is already valid UTF-8 and every byte the grammar looks at (the delimiter, the
//! quote, the line ends) is ASCII, so a cell is a slice of the text: it is borrowed, never
//! copied nor validated again, unless it holds a doubled quote (`""`), which is unescaped into
//! a string of its own. The common grammar is read here, one search per cell
//! (`bytes::find_byte`, `bytes::find_any`): cells
//! unquoted, or quoted and followed by the delimiter or a line end. A record that leaves it
//! (text after a closing quote, a quote not closed before the end of the text) is read by the
//! `csv` crate, whose rules (RFC 4180, `\r`, `\n` and `\r\n` ending records, blank lines
//! skipped, a quote inside an unquoted cell kept as it is) are the reference: the property
//! test below compares the two on arbitrary text.
//!
//! Measured (callgrind, `inclusion validate` of the 100,000-row CSV of `cargo bench --bench
//! read`): the `csv` crate spent 962 M of the reader's 1,887 M instructions in its state
//! machine (643 M) and in validating the UTF-8 of the text a second and third time (319 M).
//! An empty cell before the delimiter (`""` or nothing), 17 of the 32 cells of a row of the
//! file of `scripts/python-bench.py`, is then read before any search: `Cells::read` went from
//! 282.7 M to 232.7 M instructions on that file (`read_memory read FILE keep`, mimalloc).

use crate::bytes::{find_any, find_byte};

/// The `csv` crate's reader as the files of the standard are read: no header (the caller
/// reads it), rows of any width (the caller reports a wrong one).
pub(super) fn builder(delimiter: u8) -> ::csv::ReaderBuilder {
    let mut b = ::csv::ReaderBuilder::new();
    b.delimiter(delimiter).has_headers(false).flexible(true);
    b
}

/// The cells of one record, borrowed from the text when they can be.
#[derive(Debug, Default)]
pub(super) struct Cells<'t> {
    /// Each cell of the text; an empty text in place of a cell of `owned`. Clearing costs
    /// nothing, where a `Cow` per cell would be dropped one by one (4 % of the reader's
    /// instructions), and a cell is sliced once, where spans would be sliced again when read.
    cells: Vec<&'t str>,
    /// The cells that are not slices of the text (a doubled quote unescaped, or a record read
    /// by the csv crate), with their indices, in order.
    owned: Vec<(usize, String)>,
}

impl<'t> Cells<'t> {
    /// The cells, in order.
    pub(super) fn iter(&self) -> Iter<'_, 't> {
        Iter {
            cells: self.cells.iter(),
            owned: &self.owned,
            index: 0,
        }
    }

    /// The cells, when each is a slice of the text (none unescaped nor read by the `csv`
    /// crate).
    pub(super) fn borrowed(&self) -> Option<&[&'t str]> {
        self.owned.is_empty().then_some(self.cells.as_slice())
    }

    /// The cell at `index`.
    pub(super) fn get(&self, index: usize) -> Option<&str> {
        match self.owned.iter().find(|(i, _)| *i == index) {
            Some((_, cell)) => Some(cell),
            None => self.cells.get(index).copied(),
        }
    }

    /// The number of cells.
    pub(super) fn len(&self) -> usize {
        self.cells.len()
    }

    /// Starts a new record.
    fn clear(&mut self) {
        self.cells.clear();
        if !self.owned.is_empty() {
            self.owned.clear();
        }
    }

    /// Adds a cell that is not a slice of the text.
    fn push_owned(&mut self, cell: String) {
        self.owned.push((self.cells.len(), cell));
        self.cells.push("");
    }

    /// Reads the record of `text` at byte `pos` (after the line ends before it, which are
    /// skipped as blank lines are) into these cells. The bytes where the record starts and
    /// where it ends (at its line end, or at the end of the text); `None` at the end of the
    /// text.
    pub(super) fn read(
        &mut self,
        text: &'t str,
        pos: usize,
        delimiter: u8,
    ) -> Result<Option<(usize, usize)>, ::csv::Error> {
        self.clear();
        let bytes = text.as_bytes();
        let start = bytes
            .get(pos..)
            .unwrap_or_default()
            .iter()
            .position(|b| !matches!(b, b'\n' | b'\r'))
            .map_or(bytes.len(), |skip| pos + skip);
        if start == bytes.len() {
            return Ok(None);
        }
        if let Some(end) = self.split(text, start, delimiter) {
            return Ok(Some((start, end)));
        }
        self.clear();
        let mut reader = builder(delimiter).from_reader(&bytes[start..]);
        let mut record = ::csv::StringRecord::new();
        if !reader.read_record(&mut record)? {
            return Ok(None);
        }
        let read = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
        for cell in &record {
            self.push_owned(cell.to_owned());
        }
        Ok(Some((start, start.saturating_add(read).min(bytes.len()))))
    }

    /// The common grammar from `start` (not a line end): the end of the record, or `None`
    /// when it needs the whole grammar.
    fn split(&mut self, text: &'t str, start: usize, delimiter: u8) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut at = start;
        loop {
            // An empty cell before the delimiter, quoted or not: the most frequent cell of the
            // standard's files (17 of the 32 of a row of the benchmark's file), read without
            // searching.
            if let Some(&[first, second, third]) = bytes.get(at..at + 3) {
                if first == delimiter {
                    self.cells.push("");
                    at += 1;
                    continue;
                }
                if first == b'"' && second == b'"' && third == delimiter {
                    self.cells.push("");
                    at += 3;
                    continue;
                }
            }
            if bytes.get(at) == Some(&b'"') {
                let open = at + 1;
                let mut close = open + find_byte(&bytes[open..], b'"')?;
                if bytes.get(close + 1) == Some(&b'"') {
                    let cell;
                    (cell, close) = unescape(text, open, close)?;
                    self.push_owned(cell);
                } else {
                    self.cells.push(&text[open..close]);
                }
                at = close + 1;
                match bytes.get(at) {
                    Some(&b) if b == delimiter => at += 1,
                    None | Some(b'\n' | b'\r') => return Some(at),
                    Some(_) => return None,
                }
            } else {
                let end = find_any(&bytes[at..], [delimiter, b'\n', b'\r'])
                    .map_or(bytes.len(), |i| at + i);
                self.cells.push(&text[at..end]);
                at = end;
                match bytes.get(at) {
                    Some(&b) if b == delimiter => at += 1,
                    _ => return Some(at),
                }
            }
        }
    }
}

/// The cells of a record, in order (see [`Cells::iter`]).
pub(super) struct Iter<'c, 't> {
    cells: std::slice::Iter<'c, &'t str>,
    /// The cells not yet reached that are not slices of the text.
    owned: &'c [(usize, String)],
    /// The index of the next cell.
    index: usize,
}

impl<'c> Iterator for Iter<'c, '_> {
    type Item = &'c str;

    #[inline]
    fn next(&mut self) -> Option<&'c str> {
        let cell = *self.cells.next()?;
        let index = self.index;
        self.index += 1;
        match self.owned.split_first() {
            Some(((at, owned), rest)) if *at == index => {
                self.owned = rest;
                Some(owned)
            }
            _ => Some(cell),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.cells.size_hint()
    }
}

/// The quoted cell of `text` that opens at byte `open` and holds a doubled quote at `quote`:
/// its text, each doubled quote made one, and its closing quote. `None` when it is not closed.
fn unescape(text: &str, open: usize, mut quote: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut cell = String::new();
    let mut from = open;
    loop {
        if bytes.get(quote + 1) != Some(&b'"') {
            cell.push_str(&text[from..quote]);
            return Some((cell, quote));
        }
        cell.push_str(&text[from..=quote]);
        from = quote + 2;
        quote = from + find_byte(&bytes[from..], b'"')?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every record of `text`, read by [`Cells::read`] from one record's end to the next.
    fn ours(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        let (mut records, mut cells, mut pos) = (Vec::new(), Cells::default(), 0);
        while let Some((start, end)) = cells.read(text, pos, delimiter).unwrap() {
            assert!(start >= pos && end >= start, "{start} {end} after {pos}");
            assert!(end > pos, "no progress at {pos} in {text:?}");
            records.push(cells.iter().map(str::to_owned).collect());
            pos = end;
        }
        records
    }

    /// Every record of `text`, read by the `csv` crate alone.
    fn reference(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        let mut reader = builder(delimiter).from_reader(text.as_bytes());
        reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn cells_are_borrowed_unless_a_quote_is_doubled() {
        let text = "a,\"b,c\",\"d\"\"e\",\n\"x\"\r\n\r\n\"never closed\nend";
        let mut cells = Cells::default();
        let (start, end) = cells.read(text, 0, b',').unwrap().unwrap();
        assert_eq!((start, end), (0, 15));
        assert_eq!(cells.iter().collect::<Vec<_>>(), ["a", "b,c", "d\"e", ""]);
        assert_eq!(cells.cells[1].as_ptr(), text[3..].as_ptr(), "borrowed");
        assert_eq!(cells.owned, [(2, "d\"e".to_owned())]);
        let (start, end) = cells.read(text, end, b',').unwrap().unwrap();
        assert_eq!(&text[start..end], "\"x\"");
        // The blank line is skipped; the unclosed quote runs to the end (the csv crate's rule).
        let (start, end) = cells.read(text, end, b',').unwrap().unwrap();
        assert_eq!((start, end), (23, text.len()));
        assert_eq!(cells.iter().collect::<Vec<_>>(), ["never closed\nend"]);
        assert_eq!(cells.read(text, end, b',').unwrap(), None);
        assert_eq!(reference(text, b','), ours(text, b','));
    }

    #[test]
    fn empty_cells_quoted_or_not_are_read_without_a_search() {
        // Empty cells before the delimiter (the fast path), and at the end of a record, at
        // the end of the text, and before a doubled quote (the general one).
        let text = "\"\",,\"\",\"a\",\"\"\n,\"\"\"x\",\"\"";
        assert_eq!(
            ours(text, b','),
            [vec!["", "", "", "a", ""], vec!["", "\"x", ""]]
        );
        assert_eq!(ours(text, b','), reference(text, b','));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// The csv crate is the oracle: the same records and cells on any text made of the
        /// bytes the grammar looks at, and others.
        #[test]
        fn records_are_those_of_the_csv_crate(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just(","), Just(";"), Just("\""), Just("\"\""), Just("\n"), Just("\r\n"),
                    Just("\r"), Just("a"), Just("é"), Just(" "), Just("bc"),
                ],
                0..60,
            ),
            semicolon in any::<bool>(),
        ) {
            let text = parts.concat();
            let delimiter = if semicolon { b';' } else { b',' };
            prop_assert_eq!(ours(&text, delimiter), reference(&text, delimiter));
        }
    }
}
