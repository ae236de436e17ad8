//! The CSV reader.
//!
//! Besides the standard's rules, the reader checks what only the text of a file shows:
//!
//! * a cell whose quote is never closed where it should be (`file.unclosed_quote`): a quoted
//!   cell that runs over lines that would each read as a row of the header's width is a
//!   stray quote, not a long text. The row where it opened is reported, with the lines
//!   skipped, and reading resumes at the next line that reads as a row — instead of every
//!   following row vanishing into one cell;
//! * a column repeated in the header whose later cell holds another value than the first
//!   (`file.duplicate_column`): the value that is not read is named, and the row is invalid;
//! * cells that hold invalid UTF-8 (`file.invalid_utf8`, see [`decode`](super::decode));
//! * v0.1 columns in a v1 file, mapped as the migration maps them (`file.legacy_column`).

use std::borrow::Cow;

use super::cells::{Cells, builder};
use super::decode::{REPLACEMENT, delimiter, invalid_cell};
use super::header::{Header, HeaderCell, MAX_HEADER_CELLS, check_v01_header, map_header};
use super::options::ReadOptions;
use super::parts;
use super::report::{Format, ReadReport};
use super::rows::Rows;
use crate::columns::Column;
use crate::diagnostic::{Arg, Diagnostic, Severity};
use crate::messages;
use crate::migrate::{self, SchemaVersion};
use crate::record::FlatRecord;

/// Reads CSV text (already decoded). See [`read_bytes`](super::read_bytes) for bytes in other
/// encodings.
///
/// ```
/// use inclusion_model::{read_csv_str, ReadOptions};
/// let report = read_csv_str("id,nom\np1,Mairie\n", &ReadOptions::default());
/// // Required columns are missing: the file cannot be read.
/// let e = report.unreadable().unwrap();
/// assert_eq!(e.code(), "file.missing_column");
/// assert!(e.message_en().contains("pivot"));
/// ```
pub fn read_csv_str(text: &str, options: &ReadOptions) -> ReadReport {
    read_str(text, options, false).unwrap_or_else(|| options.report(Format::Csv))
}

/// Reads CSV text as [`read_csv_str`] does with [`ReadOptions::threads`] above 1, but only
/// by the parallel path: `None` when its rows would be read on one thread instead (a text
/// under [`ReadOptions::parallel_min_bytes`](ReadOptions), a cut that would change the
/// report, a v0.1 file). The threads take parts as they go: a small text may come in one.
/// For tests of the parallel path.
#[doc(hidden)]
pub fn read_csv_in_parts(text: &str, options: &ReadOptions) -> Option<ReadReport> {
    read_str(text, options, true)
}

fn read_str(text: &str, options: &ReadOptions, parts_only: bool) -> Option<ReadReport> {
    let mut report = options.report(Format::Csv);
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            report.push(Diagnostic::new(Severity::Warning, &messages::FILE_BOM_TEXT));
            rest
        }
        None => text,
    };
    read_text(text, false, options, report, parts_only)
}

/// Reads a decoded text; `diags` are the problems of its decoding, `replaced` says whether
/// invalid UTF-8 sequences were replaced by `�` (cells that hold one are then reported).
pub(crate) fn read_decoded(
    text: &str,
    replaced: bool,
    diags: Vec<Diagnostic>,
    options: &ReadOptions,
) -> ReadReport {
    let report = options.report_after(Format::Csv, diags);
    read_text(text, replaced, options, report.clone(), false).unwrap_or(report)
}

fn read_text(
    text: &str,
    replaced: bool,
    options: &ReadOptions,
    report: ReadReport,
    parts_only: bool,
) -> Option<ReadReport> {
    let head = match start(text, options, report) {
        Start::Done(report) => return Some(report),
        Start::V01(head) => {
            let records = Records::new(
                text,
                head.delimiter,
                head.body,
                head.body_line,
                head.header.len(),
            );
            return (!parts_only)
                .then(|| read_v01(records, &head.header, replaced, options, head.report));
        }
        Start::V1(head) => head,
    };
    let Head {
        delimiter: delim,
        header,
        cells,
        body,
        body_line,
        mut report,
    } = head;
    let columns = Columns {
        header: &header,
        cells: &cells,
        replaced,
    };
    let parts = read_parts(text, delim, body, &columns, options, &report);
    if parts.is_some() || parts_only {
        return parts;
    }
    // At most one place per line: reserving avoids moving large vectors while reading.
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let mut rows = Rows::new(options);
    rows.reserve(lines, text.len(), &mut report);
    let mut records = Records::new(text, delim, body, body_line, header.len());
    read_rows(&mut records, &columns, &mut rows, &mut report, false);
    Some(report)
}

/// What the header of a CSV text says: how its rows are read.
pub(super) enum Start {
    /// The text ends at its header, or its header cannot be read (too wide, unreadable, a
    /// required column missing): the report is complete.
    Done(ReadReport),
    /// A v0.1 file's header (not mapped: its rows are migrated one by one).
    V01(Head<()>),
    /// A v1 file's header, mapped to the standard's columns.
    V1(Head<Header>),
}

/// The header of a CSV text, and where its rows start.
pub(super) struct Head<C> {
    pub(super) delimiter: u8,
    pub(super) header: ::csv::StringRecord,
    /// The header's cells mapped to the standard's columns (v1).
    pub(super) cells: C,
    /// The byte where the rows start, and its line (1-based).
    pub(super) body: usize,
    pub(super) body_line: u64,
    /// The report so far: the header's problems (delimiter, unknown or missing columns).
    pub(super) report: ReadReport,
}

/// Reads the header of `text` (`report` holds the problems of decoding it).
pub(super) fn start(text: &str, options: &ReadOptions, mut report: ReadReport) -> Start {
    if text.trim().is_empty() {
        report.push(Diagnostic::new(Severity::Error, &messages::FILE_EMPTY));
        return Start::Done(report);
    }
    let mut diags = Vec::new();
    let delim = delimiter(text, &mut diags);
    for d in diags {
        report.push(d);
    }
    // The header is counted before it is read: a header of a hundred million empty names
    // would otherwise take gigabytes to hold.
    let first_line = text.split('\n').next().unwrap_or_default();
    if let Some(n) = count_cells(first_line, delim).filter(|n| *n > MAX_HEADER_CELLS) {
        report.push(
            Diagnostic::new(Severity::Error, &messages::FILE_TOO_MANY_COLUMNS)
                .with_args([Arg::from(n), Arg::from(MAX_HEADER_CELLS)]),
        );
        return Start::Done(report);
    }
    let mut reader = builder(delim).from_reader(text.as_bytes());
    let mut header = ::csv::StringRecord::new();
    match reader.read_record(&mut header) {
        Ok(true) => {}
        Ok(false) => {
            report.push(Diagnostic::new(Severity::Error, &messages::FILE_EMPTY));
            return Start::Done(report);
        }
        Err(e) => {
            report.push(
                Diagnostic::new(Severity::Error, &messages::FILE_HEADER_UNREADABLE)
                    .with_args([Arg::from(e.to_string())]),
            );
            return Start::Done(report);
        }
    }
    let body = reader.position().byte() as usize;
    let body_line = reader.position().line();
    report.version = options.version_for(header.iter());
    if report.version == SchemaVersion::V0_1 {
        return Start::V01(Head {
            delimiter: delim,
            header,
            cells: (),
            body,
            body_line,
            report,
        });
    }
    match map_header(header.iter(), &mut report) {
        Some(cells) => Start::V1(Head {
            delimiter: delim,
            header,
            cells,
            body,
            body_line,
            report,
        }),
        None => Start::Done(report),
    }
}

/// The header of a v1 file: what reading its rows needs.
#[derive(Clone, Copy)]
pub(super) struct Columns<'h> {
    pub(super) header: &'h ::csv::StringRecord,
    pub(super) cells: &'h Header,
    /// Whether invalid UTF-8 sequences were replaced (the cells that hold one are reported).
    pub(super) replaced: bool,
}

/// How [`read_rows`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ending {
    /// At the end of the text; `open` says whether the last record ends in a quoted cell
    /// (its last line feed is in the cell).
    End { open: bool },
    /// A part of a file met a stray quote or a row the parser cannot read: it stopped there,
    /// without reporting it (the file is then read on one thread).
    Stopped,
}

/// Reads the records of a v1 file into the report; `part` says whether they are a part of
/// the file read apart (see [`read_parts`]).
pub(super) fn read_rows<'t>(
    records: &mut Records<'t>,
    columns: &Columns<'_>,
    rows: &mut Rows,
    report: &mut ReadReport,
    part: bool,
) -> Ending {
    let Columns {
        header,
        cells: columns,
        replaced,
    } = *columns;
    let mut record = Cells::default();
    let mut open = false;
    // The columns of a header made of the standard's columns alone, each once, when no cell
    // had to be repaired: a row's cells then go straight to their columns (`standard_row`).
    let standard: Option<Vec<Column>> = (!replaced)
        .then(|| {
            columns
                .cells
                .iter()
                .map(|cell| match *cell {
                    HeaderCell::Standard(c) => Some(c),
                    _ => None,
                })
                .collect()
        })
        .flatten();
    loop {
        let row = match records.next(&mut record) {
            Next::Record(row) => row,
            Next::Skipped(_) | Next::Error(..) if part => return Ending::Stopped,
            Next::Skipped(skipped) => {
                skipped.report(header, rows, report);
                continue;
            }
            Next::End => return Ending::End { open },
            Next::Error(row, e) => {
                row_unreadable(rows, report, row, &e);
                return Ending::End { open };
            }
        };
        if part {
            open = record
                .len()
                .checked_sub(1)
                .and_then(|last| record.get(last))
                .is_some_and(|cell| cell.ends_with('\n'));
        }
        let mut raw = FlatRecord::default();
        if let Some((standard, cells)) = standard.as_deref().zip(record.borrowed())
            && cells.len() == standard.len()
        {
            standard_row(standard, cells, &mut raw);
            rows.accept(&mut raw, row, false, report);
            continue;
        }
        let mut row_error = false;
        // The v0.1 cells of the row (allocated only when there are some).
        let mut legacy: Vec<(&'static str, &str)> = Vec::new();
        // An empty cell is an absent value: a new record has nothing to set for it.
        for (i, (cell, value)) in columns
            .cells
            .iter()
            .zip(record.iter())
            .enumerate()
            .filter(|(_, (_, v))| !v.is_empty())
        {
            if replaced && value.contains(REPLACEMENT) {
                row_error = true;
                let name = header.get(i).unwrap_or_default().to_owned();
                rows.diags().push(invalid_cell(row, name.into(), value));
            }
            match *cell {
                HeaderCell::Standard(c) => raw.set_column(c, Cow::Borrowed(value)),
                HeaderCell::Unknown(name) => {
                    let name = &columns.unknown[name as usize];
                    raw.extra.push((name.clone(), value.to_owned()));
                }
                HeaderCell::Legacy(name) => legacy.push((name, value)),
                HeaderCell::Duplicate(first) => {
                    if record.get(first as usize) != Some(value) {
                        row_error = true;
                        let name = header.get(i).unwrap_or_default().to_owned();
                        rows.diags().push(
                            Diagnostic::new(Severity::Error, &messages::CELL_DUPLICATE_COLUMN)
                                .at_row(row)
                                .in_column(name)
                                .with_value(value),
                        );
                    }
                }
            }
        }
        if !legacy.is_empty() {
            migrate::merge_legacy(&mut raw, &legacy, row, rows.diags());
        }
        if record.len() != columns.cells.len() {
            row_error = true;
            rows.diags()
                .push(cell_count(row, record.len(), columns.cells.len()));
        }
        rows.accept(&mut raw, row, row_error, report);
    }
}

/// The parallel path ([`ReadOptions::threads`]) for a text in memory: its rows read in
/// parts on threads that take parts from each other ([`parts::Parts`]), a chunk at a time
/// ([`ChunkReader`]), each part with its own validator, the parts' reports appended
/// in order ([`append_parts`]). `None` when the text is read on one thread: too small, one
/// thread asked, or a part that does not read as it would in the whole text (a cut inside a
/// quoted cell, a stray quote).
fn read_parts(
    text: &str,
    delim: u8,
    body: usize,
    columns: &Columns<'_>,
    options: &ReadOptions,
    report: &ReadReport,
) -> Option<ReadReport> {
    if options.threads < 2 || text.len() < options.parallel_min_bytes {
        return None;
    }
    let bytes = text.as_bytes();
    let len = bytes.len();
    // Chunks of [`parts::CHUNK_BYTES`] in a large text; in a small one (a test's), small
    // enough for the threads to have parts to take.
    let chunk = (len / options.threads.saturating_mul(16)).clamp(4_096, parts::CHUNK_BYTES);
    let sample = &bytes[body.min(len)..len.min(body.saturating_add(parts::CHUNK_BYTES))];
    let parts = parts::Parts::new(body, len);
    let reader = ChunkReader {
        parts: &parts,
        chunk,
        columns,
        delimiter: delim,
    };
    let read = reader.read_in_turns(options.threads, options, report, sample, || {
        TextChunks(text)
    });
    read.map(|(report, _)| report)
}

/// A part of a file read by [`ChunkReader::read_part`]: its rows' validator, its report and how
/// it ended; `None` when it could not be read as a part (the file is then read whole).
pub(super) type Part = Option<(Rows, ReadReport, Ending)>;

/// Where the bytes of a part's chunks come from ([`ChunkReader`]): a text in memory
/// ([`TextChunks`]), or a file read at offsets (`chunks::FileChunks`).
pub(super) trait ChunkSource {
    /// The bytes `at..to` of the file; the bytes before `at` are no longer asked for.
    fn bytes(&mut self, at: usize, to: usize) -> Option<&[u8]>;
    /// The bytes `at..at + len`, just given by [`ChunkSource::bytes`], as text.
    fn text(&self, at: usize, len: usize) -> Option<&str>;
    /// Called once the rows of a chunk of part `k` are read, with the chunk's length.
    fn chunk_read(&self, _k: usize, _bytes: usize) {}
}

/// A text in memory, its chunks sliced from it.
struct TextChunks<'t>(&'t str);

impl ChunkSource for TextChunks<'_> {
    fn bytes(&mut self, at: usize, to: usize) -> Option<&[u8]> {
        self.0.as_bytes().get(at..to)
    }

    fn text(&self, at: usize, len: usize) -> Option<&str> {
        self.0.get(at..at.checked_add(len)?)
    }
}

/// Reads the parts of a file ([`parts::Parts`]) a chunk at a time.
pub(super) struct ChunkReader<'a> {
    pub(super) parts: &'a parts::Parts,
    /// The bytes claimed at a time.
    pub(super) chunk: usize,
    pub(super) columns: &'a Columns<'a>,
    pub(super) delimiter: u8,
}

impl ChunkReader<'_> {
    /// Reads the parts of the file on `threads` threads that take parts from each other
    /// ([`parts::in_turns`]), each part from a `source()` of its own, and where a part taken
    /// starts looked for in the window a `source()` gives there. The first part reads into a
    /// copy of the file's `report`, with room for the places of the whole body (when the
    /// parts are kept apart, for its share of them: appending the others then does not move
    /// its own); the others each into a report of its own, their new ids recorded; the room
    /// for a part's places from the rows per byte of `sample`. Then appends them in order
    /// ([`append_parts`]): the report and the number of parts; `None` when the reading gave up.
    pub(super) fn read_in_turns<S: ChunkSource>(
        &self,
        threads: usize,
        options: &ReadOptions,
        report: &ReadReport,
        sample: &[u8],
        source: impl Fn() -> S + Sync,
    ) -> Option<(ReadReport, usize)> {
        let read_part = |k: usize, mut rows: Rows, mut report: ReadReport, bytes: usize| -> Part {
            rows.reserve(parts::rows_in(sample, bytes), bytes, &mut report);
            let ending = self.read_part(&mut source(), k, &mut rows, &mut report);
            Some((rows, report, ending?))
        };
        let width = self.columns.header.len();
        let starts_row = |line: &str| reads_as_row(line, self.delimiter, width);
        let cut_after = |middle: usize, end: usize| {
            let mut window = source();
            let to = end.min(middle.saturating_add(parts::CHUNK_BYTES));
            parts::row_start(window.bytes(middle, to)?, starts_row).map(|cut| middle + cut)
        };
        let body = self.parts.body_bytes();
        let first = if options.parts_apart {
            body / threads.max(1)
        } else {
            body
        };
        let read = parts::in_turns(
            self.parts,
            threads,
            self.chunk,
            || read_part(0, Rows::new(options), report.clone(), first),
            |k, bytes| {
                let rows = Rows::new(options).recording();
                read_part(k, rows, options.part_report(), bytes)
            },
            cut_after,
        )?;
        let count = read.len();
        let mut read = read.into_iter();
        let first = read.next()?;
        Some((append_parts(first, read.collect(), options)?, count))
    }

    /// Reads the rows of part `k` from `source` into `rows` and `report`, as a part's rows
    /// are read ([`read_rows`]), claiming its bytes a chunk at a time (another thread may
    /// take what is not claimed yet: [`parts::Parts::take`]); [`ChunkSource::chunk_read`]
    /// after each chunk's rows. A chunk ends where a part may start: at the last line feed of its bytes
    /// after which the line reads alone as a row (the rest is read again with the next
    /// chunk). How the last chunk ended; `None` when a chunk did not end where a record ends
    /// (or was not UTF-8, or could not be read), which makes the whole reading give up
    /// ([`parts::Parts::give_up`]: the file is read whole), or when it gave up.
    fn read_part(
        &self,
        source: &mut impl ChunkSource,
        k: usize,
        rows: &mut Rows,
        report: &mut ReadReport,
    ) -> Option<Ending> {
        let ending = self.read_chunks(source, k, rows, report);
        if ending.is_none() {
            self.parts.give_up();
        }
        ending
    }

    /// [`ChunkReader::read_part`], without giving up.
    fn read_chunks(
        &self,
        source: &mut impl ChunkSource,
        k: usize,
        rows: &mut Rows,
        report: &mut ReadReport,
    ) -> Option<Ending> {
        let width = self.columns.header.len();
        let starts_row = |line: &str| reads_as_row(line, self.delimiter, width);
        let mut at = self.parts.start(k);
        let (mut claimed, mut row) = (at, 2);
        loop {
            let last;
            (claimed, last) = self.parts.claim(k, claimed, self.chunk)?;
            let bytes = source.bytes(at, claimed)?;
            let cut = if last {
                bytes.len()
            } else {
                parts::row_start_before(bytes, starts_row)?
            };
            let text = source.text(at, cut)?;
            let mut records = Records::new(text, self.delimiter, 0, 1, width).numbered_from(row);
            let ending = read_rows(&mut records, self.columns, rows, report, true);
            source.chunk_read(k, cut);
            if last {
                return Some(ending);
            }
            if ending != (Ending::End { open: false }) {
                return None;
            }
            row = records.row();
            at += cut;
        }
    }
}

/// The report of a file read in parts: `first`, read into the file's report, then `rest`,
/// each read into a report of its own, in the order of the file. Their rows are renumbered,
/// the ids of a part found in an earlier one reported as duplicates, the limit per code
/// applied to the whole. `None` when a part could not be read, or one but the last does not
/// end where a record ends.
pub(super) fn append_parts(
    first: Part,
    rest: Vec<Part>,
    options: &ReadOptions,
) -> Option<ReadReport> {
    let first = first?;
    let mut rest: Vec<_> = rest.into_iter().collect::<Option<_>>()?;
    let last = rest.len();
    let endings = std::iter::once(first.2).chain(rest.iter().map(|part| part.2));
    for (k, ending) in endings.enumerate() {
        match ending {
            Ending::End { open: false } => {}
            Ending::End { open: true } if k == last => {}
            _ => return None,
        }
    }
    let (first_rows, mut report, _) = first;
    let duplicates = parts::late_duplicates(&first_rows, &report.places, &mut rest);
    for ((_, part, _), duplicates) in rest.into_iter().zip(duplicates) {
        report.append_part(part, duplicates, options.parts_apart);
    }
    Some(report)
}

/// The cells of a row of as many cells as its header, which names each of the standard's
/// `columns` once, borrowed into `raw`: what the general loop of [`read_rows`] does for such a
/// row, without its cases (unknown, v0.1 and repeated columns, repaired cells, a wrong width).
/// Measured (callgrind, `read_memory read FILE keep` with mimalloc, the 100,000 rows of
/// `scripts/python-bench.py`): `read_rows` itself, without reading the records and validating
/// them, went from 157.1 M to 84.6 M instructions, and the whole read from 899.3 M to 826.8 M.
fn standard_row<'t>(columns: &[Column], cells: &[&'t str], raw: &mut FlatRecord<'t>) {
    for (&column, &value) in columns.iter().zip(cells) {
        if !value.is_empty() {
            raw.set_new_column(column, value);
        }
    }
}

/// Reads the rows of a v0.1 file, migrating each to v1 before validating it.
fn read_v01(
    mut records: Records<'_>,
    header: &::csv::StringRecord,
    replaced: bool,
    options: &ReadOptions,
    mut report: ReadReport,
) -> ReadReport {
    report.push(migrate::detected_notice());
    if !check_v01_header(header.iter(), &mut report) {
        return report;
    }
    let mut rows = Rows::new(options);
    let mut record = Cells::default();
    loop {
        let row = match records.next(&mut record) {
            Next::Record(row) => row,
            Next::Skipped(skipped) => {
                skipped.report(header, &mut rows, &mut report);
                continue;
            }
            Next::End => break,
            Next::Error(row, e) => {
                row_unreadable(&mut rows, &mut report, row, &e);
                break;
            }
        };
        let mut row_error = record.len() != header.len();
        if row_error {
            rows.diags()
                .push(cell_count(row, record.len(), header.len()));
        }
        if replaced {
            for (name, value) in header.iter().zip(record.iter()) {
                if value.contains(REPLACEMENT) {
                    row_error = true;
                    rows.diags()
                        .push(invalid_cell(row, name.to_owned().into(), value));
                }
            }
        }
        let pairs = header.iter().zip(record.iter());
        let mut raw = migrate::migrate_record(pairs, row, rows.diags());
        rows.accept(&mut raw, row, row_error, &mut report);
    }
    report
}

/// The number of cells of a line read alone (`None` when a quote opened in it is not
/// closed at its end).
fn count_cells(line: &str, delimiter: u8) -> Option<usize> {
    let (mut cells, mut quoted) = (1usize, false);
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            cells += 1;
        }
    }
    (!quoted).then_some(cells)
}

/// What [`Records::next`] read.
enum Next {
    /// A record, at this row.
    Record(usize),
    /// Lines skipped after an unclosed quote.
    Skipped(Skipped),
    /// The end of the text.
    End,
    /// A record the CSV parser cannot read, at this row.
    Error(usize, ::csv::Error),
}

/// Lines skipped because a quote opened on the first of them runs over lines that read as
/// rows.
struct Skipped {
    /// The row where the quote opened.
    row: usize,
    /// The index of the cell where it opened.
    cell: usize,
    /// The text of the line where it opened.
    text: String,
    /// The first and last lines skipped (1-based, as an editor numbers them).
    first_line: u64,
    last_line: u64,
    /// How many lines the quoted cell ran over that read as rows.
    swallowed: usize,
    /// The line where reading resumes, if any line after it reads as a row.
    resumed: Option<u64>,
}

impl Skipped {
    /// The error of the row where the quote opened; each line skipped counts as an invalid
    /// row (the file's rows keep their numbers).
    fn report(self, header: &::csv::StringRecord, rows: &mut Rows, report: &mut ReadReport) {
        let column = header.get(self.cell).unwrap_or_default().to_owned();
        let mut args = vec![
            Arg::from(self.first_line),
            Arg::from(self.swallowed),
            Arg::from(self.last_line),
        ];
        let template = match self.resumed {
            Some(line) => {
                args.push(Arg::from(line));
                &messages::FILE_UNCLOSED_QUOTE
            }
            None => &messages::FILE_UNCLOSED_QUOTE_END,
        };
        let d = Diagnostic::new(Severity::Error, template).with_args(args);
        rows.diags()
            .push(d.at_row(self.row).in_column(column).with_value(self.text));
        rows.reject(report);
        for _ in self.first_line..self.last_line {
            report.count_row(true);
        }
    }
}

/// The data records of a CSV text, with their rows, recovering from unclosed quotes.
pub(super) struct Records<'t> {
    text: &'t str,
    delimiter: u8,
    /// The number of cells of the header: a line that reads as this many cells is a row.
    width: usize,
    /// The byte offset in `text` of the next record (or of the line ends before it).
    pos: usize,
    /// A byte offset in `text` at the start of a line, and that line (1-based): lines are
    /// counted from there only when a stray quote needs one.
    line_mark: (usize, u64),
    /// The row of the next record.
    row: usize,
}

impl<'t> Records<'t> {
    /// The records of `text` from byte `start` (line `line`), after a header of `width`
    /// cells.
    pub(super) fn new(
        text: &'t str,
        delimiter: u8,
        start: usize,
        line: u64,
        width: usize,
    ) -> Records<'t> {
        let start = start.min(text.len());
        Records {
            text,
            delimiter,
            width,
            pos: start,
            line_mark: (start, line),
            row: 2,
        }
    }

    /// These records numbered from `row` (the rows of a part of a file read a chunk at a
    /// time go on from the chunk before).
    pub(super) fn numbered_from(mut self, row: usize) -> Records<'t> {
        self.row = row;
        self
    }

    /// The row of the next record.
    pub(super) fn row(&self) -> usize {
        self.row
    }

    /// The line (1-based) of byte `at`, at or after the last one asked.
    fn line_at(&mut self, at: usize) -> u64 {
        let (from, line) = self.line_mark;
        let at = at.max(from);
        let feeds = memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..at]).count();
        let line = line + feeds as u64;
        self.line_mark = (at, line);
        line
    }

    fn next(&mut self, record: &mut Cells<'t>) -> Next {
        let row = self.row;
        let (start, end) = match record.read(self.text, self.pos, self.delimiter) {
            Ok(Some(span)) => span,
            Ok(None) => return Next::End,
            Err(e) => return Next::Error(row, e),
        };
        self.pos = end;
        self.row += 1;
        let raw = self.text.get(start..end).unwrap_or_default();
        let raw = raw.strip_suffix('\n').unwrap_or(raw);
        // Most records are one line: one search for a line feed decides.
        let Some(first_end) = memchr::memchr(b'\n', raw.as_bytes()) else {
            return Next::Record(row);
        };
        let swallowed = raw[first_end + 1..]
            .split('\n')
            .filter(|line| self.reads_as_row(line))
            .count();
        if swallowed == 0 {
            return Next::Record(row);
        }
        // A stray quote: skip its line and the lines after it that do not read as rows.
        let first_line = self.line_at(start);
        let mut resume = start + first_end + 1;
        let mut last_line = first_line;
        let mut resumed = None;
        while resume < self.text.len() {
            let line_end = memchr::memchr(b'\n', &self.text.as_bytes()[resume..])
                .map_or(self.text.len(), |i| resume + i + 1);
            let line = &self.text[resume..line_end];
            if self.reads_as_row(line.strip_suffix('\n').unwrap_or(line)) {
                resumed = Some(last_line + 1);
                break;
            }
            last_line += 1;
            resume = line_end;
        }
        let cell = record
            .iter()
            .position(|field| field.contains('\n'))
            .unwrap_or(0);
        self.pos = resume;
        self.line_mark = (resume, last_line + 1);
        self.row = row + usize::try_from(last_line - first_line + 1).unwrap_or(usize::MAX);
        let text = &raw[..first_end];
        Next::Skipped(Skipped {
            row,
            cell,
            text: text.strip_suffix('\r').unwrap_or(text).to_owned(),
            first_line,
            last_line,
            swallowed,
            resumed,
        })
    }

    /// Whether a line, read alone, is a row (see [`reads_as_row`]).
    fn reads_as_row(&self, line: &str) -> bool {
        reads_as_row(line, self.delimiter, self.width)
    }
}

/// Whether a line, read alone, is a row: as many cells as the header, quotes closed.
pub(super) fn reads_as_row(line: &str, delimiter: u8, width: usize) -> bool {
    let line = line.strip_suffix('\r').unwrap_or(line);
    !line.is_empty() && count_cells(line, delimiter) == Some(width)
}

/// A row the CSV parser cannot read: reading stops there.
fn row_unreadable(rows: &mut Rows, report: &mut ReadReport, row: usize, e: &::csv::Error) {
    rows.diags().push(
        Diagnostic::new(Severity::Error, &messages::FILE_ROW_UNREADABLE)
            .at_row(row)
            .with_args([Arg::from(e.to_string())]),
    );
    rows.reject(report);
}

fn cell_count(row: usize, cells: usize, columns: usize) -> Diagnostic {
    Diagnostic::new(Severity::Error, &messages::CELL_COUNT)
        .at_row(row)
        .with_args([Arg::from(cells), Arg::from(columns)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes;

    const HEADER: &str = "id,pivot,nom,commune,code_postal,adresse,date_maj";

    fn row(i: usize) -> String {
        format!("p{i},43493312300029,Mairie {i},Reims,51100,{i} rue X,2024-04-02\n")
    }

    #[test]
    fn a_stray_quote_is_reported_where_it_opened_and_reading_resumes_on_the_next_row() {
        let mut csv = format!("{HEADER}\n");
        for i in 2..=10 {
            csv.push_str(&row(i));
        }
        csv.push_str("\"p11,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n");
        for i in 12..=314 {
            csv.push_str(&row(i));
        }
        let report = read_csv_str(&csv, &ReadOptions::default());
        assert_eq!(report.rows, 313);
        assert_eq!(report.places.len(), 312);
        let d = report.errors().next().unwrap();
        assert_eq!(
            (d.code(), d.row(), d.column()),
            (codes::FILE_UNCLOSED_QUOTE, Some(11), Some("id"))
        );
        assert_eq!(
            d.value(),
            Some("\"p11,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02")
        );
        assert_eq!(
            d.message_en(),
            "A quote opened on line 11 is not closed where it should be: the cell runs over 303 lines that read as rows. \
             Lines 11 to 11 are skipped; reading resumes at line 12. Write a quote inside a cell twice (\"\") and quote the cell."
        );
        // The rows after it keep their numbers.
        assert_eq!(report.places[9].id, "p12");
        assert_eq!(report.places.last().unwrap().id, "p314");
    }

    #[test]
    fn crlf_line_ends_and_blank_lines_are_not_stray_quotes_and_keep_line_numbers() {
        let mut csv = format!("{HEADER}\n");
        for i in 2..=6 {
            csv.push_str(&row(i));
        }
        let crlf = csv.replace('\n', "\r\n");
        let report = read_csv_str(&crlf, &ReadOptions::default());
        assert_eq!(report.errors().count(), 0, "{:#?}", report.diagnostics);
        assert_eq!((report.rows, report.places.len()), (5, 5));
        // A stray quote on line 5, after a blank line: named at its line and row.
        let mut csv = format!("{HEADER}\n{}{}\n", row(2), row(3));
        csv.push_str("\"p4,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n");
        for i in 5..=7 {
            csv.push_str(&row(i));
        }
        for text in [csv.clone(), csv.replace('\n', "\r\n")] {
            let report = read_csv_str(&text, &ReadOptions::default());
            let d = report.errors().next().unwrap();
            assert_eq!((d.code(), d.row()), (codes::FILE_UNCLOSED_QUOTE, Some(4)));
            assert!(
                d.message_en()
                    .contains("quote opened on line 5 is not closed where it should be"),
                "{}",
                d.message_en()
            );
            assert!(d.message_en().contains("reading resumes at line 6"));
            assert_eq!(report.places.last().unwrap().id, "p7");
            assert_eq!(report.errors().count(), 1, "{:#?}", report.diagnostics);
        }
    }

    #[test]
    fn a_long_text_over_several_lines_is_a_cell_not_a_stray_quote() {
        let csv = format!(
            "{HEADER},presentation_detail\np1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,\"Ligne 1\nLigne 2, avec une virgule\n\nLigne 4\"\n{}",
            row(3).trim_end().to_owned() + ",\n"
        );
        let report = read_csv_str(&csv, &ReadOptions::default());
        assert_eq!(report.places.len(), 2, "{:#?}", report.diagnostics);
        assert!(
            report.places[0]
                .description
                .as_deref()
                .unwrap()
                .contains("Ligne 4")
        );
    }

    #[test]
    fn a_quote_never_closed_until_the_end_skips_to_the_end() {
        let mut csv = format!("{HEADER}\n{}", row(2));
        csv.push_str("p3,\"43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n");
        csv.push_str(&row(4));
        csv.push_str("une ligne qui n'est pas une ligne\n");
        let report = read_csv_str(&csv, &ReadOptions::default());
        let d = report.errors().next().unwrap();
        assert_eq!((d.row(), d.column()), (Some(3), Some("pivot")));
        assert_eq!(report.places.len(), 2, "{:#?}", report.diagnostics);
        assert_eq!(report.places[1].id, "p4");
        // `p4` reads as a row: reading resumed there; the last line has one cell.
        assert_eq!(report.rows, 4);
        let mut csv = format!("{HEADER}\n{}", row(2));
        csv.push_str("p3,\"43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n");
        csv.push_str(&row(4));
        csv.push_str("\"\n");
        let report = read_csv_str(&csv, &ReadOptions::default());
        // The stray quote closes on the last line: the cell ran over `p4`.
        let d = report.errors().next().unwrap();
        assert_eq!((d.code(), d.row()), (codes::FILE_UNCLOSED_QUOTE, Some(3)));
        let mut csv = format!("{HEADER}\n{}", row(2));
        csv.push_str("p3,\"43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n");
        csv.push_str(&row(4));
        csv.push_str("\"p5\n");
        let report = read_csv_str(&csv, &ReadOptions::default());
        assert_eq!(
            report.errors().next().unwrap().code(),
            codes::FILE_UNCLOSED_QUOTE
        );
    }

    #[test]
    fn a_repeated_column_with_another_value_is_an_error_naming_it() {
        let csv = format!(
            "{HEADER},nom\np1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,Mairie\n\
             p2,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,Médiathèque\n\
             p3,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,\n"
        );
        let report = read_csv_str(&csv, &ReadOptions::default());
        let found: Vec<_> = report
            .errors()
            .map(|d| (d.code(), d.row(), d.column(), d.value()))
            .collect();
        assert_eq!(
            found,
            [
                (codes::FILE_DUPLICATE_COLUMN, None, None, None),
                (
                    codes::FILE_DUPLICATE_COLUMN,
                    Some(3),
                    Some("nom"),
                    Some("Médiathèque")
                ),
            ]
        );
        assert_eq!((report.rows, report.invalid_rows), (3, 1));
    }

    #[test]
    fn a_header_too_wide_is_refused_before_it_is_read() {
        let csv = format!("{HEADER}{}\n{}", ",".repeat(MAX_HEADER_CELLS), row(2));
        let report = read_csv_str(&csv, &ReadOptions::default());
        let d = report.unreadable().unwrap();
        assert_eq!(d.template(), &messages::FILE_TOO_MANY_COLUMNS);
        assert_eq!(d.args(), [Arg::Int(10_007), Arg::Int(10_000)]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        /// A row under a header of the standard's columns alone goes straight to its columns
        /// (`standard_row`); the same rows under a header with one more column, outside the
        /// standard and empty, take the general loop: the same places and row diagnostics, at
        /// both levels, lenient or not.
        #[test]
        fn standard_rows_read_as_the_general_loop_reads_them(
            rows in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::prop_oneof![
                        3 => proptest::strategy::Just(""),
                        3 => proptest::strategy::Just("p1"),
                        1 => proptest::strategy::Just("43493312300029"),
                        1 => proptest::strategy::Just("Mairie \"\"Nord\"\""),
                        1 => proptest::strategy::Just("51100"),
                        1 => proptest::strategy::Just("2024-04-02"),
                        1 => proptest::strategy::Just("x,y"),
                        1 => proptest::strategy::Just("Reims"),
                    ],
                    6..=8,
                ),
                0..12,
            ),
            strict in proptest::prelude::any::<bool>(),
            lenient in proptest::prelude::any::<bool>(),
        ) {
            let text = |extra: bool| {
                let mut csv = format!("{HEADER}{}\n", if extra { ",hors_standard" } else { "" });
                for cells in &rows {
                    let mut cells: Vec<String> = cells.iter().map(|c| format!("\"{c}\"")).collect();
                    if extra {
                        // The column outside the standard, empty, at its place in the header:
                        // after the seven standard cells, before a cell past the header (a
                        // row of eight keeps its eighth past the header in both files).
                        let columns = HEADER.split(',').count();
                        cells.insert(cells.len().min(columns), String::new());
                    }
                    csv.push_str(&cells.join(","));
                    csv.push('\n');
                }
                csv
            };
            let rows_of = |report: &ReadReport| -> Vec<_> {
                report
                    .diagnostics
                    .iter()
                    .filter(|d| d.row().is_some())
                    .map(|d| (d.code(), d.row(), d.column().map(str::to_owned), d.value().map(str::to_owned)))
                    .collect()
            };
            let level = if strict { crate::validate::Level::Strict } else { crate::validate::Level::Standard };
            let options = ReadOptions::default().with_level(level).with_lenient(lenient);
            let (standard, general) = (read_csv_str(&text(false), &options), read_csv_str(&text(true), &options));
            proptest::prop_assert_eq!(&standard.places, &general.places);
            proptest::prop_assert_eq!(rows_of(&standard), rows_of(&general));
            proptest::prop_assert_eq!((standard.rows, standard.invalid_rows), (general.rows, general.invalid_rows));
        }
    }
}
