//! [`FlatRecord`]: one record as read from a file, column by column, before validation.

use std::borrow::Cow;

use compact_str::CompactString;

use crate::columns::{Column, ColumnKind};

use crate::syntax;

/// One flat record as read from a file, before validation: the text of each of the 32 columns
/// (an empty value is absent, as in the standard) and the columns outside the standard.
///
/// The readers build these for you; build them yourself to validate records you already
/// parsed (from a database, an API...), with [`validate_records`](crate::validate_records) or
/// [`RecordValidator`](crate::RecordValidator).
/// Texts can be borrowed (`&str`, copied into the places) or owned (`String`, moved into the
/// places without copy); `latitude` and `longitude` can also be given as numbers.
///
/// ```
/// use inclusion_model::{FlatRecord, ReadOptions, validate_records};
///
/// let mut r = FlatRecord::new();
/// for (k, v) in [("id", "p1"), ("pivot", "43493312300029"), ("nom", "Mairie"), ("commune", "Reims"),
///                ("code_postal", "51100"), ("adresse", "1 place X"), ("date_maj", "2024-04-02"),
///                ("labels_nationaux", "France Services")] {
///     r.set(k, v);
/// }
/// r.set_number("latitude", 49.2583);
/// r.set_number("longitude", 4.0317);
/// assert_eq!(r.get("nom").as_deref(), Some("Mairie"));
/// assert_eq!(r.get("latitude").as_deref(), Some("49.2583"));
/// let report = validate_records([r], &ReadOptions::default());
/// let place = &report.places[0];
/// assert_eq!(place.coordinates.unwrap().latitude(), 49.2583);
/// assert_eq!(place.extra, [("labels_nationaux".to_owned(), "France Services".to_owned())]);
/// ```
#[derive(Debug, Default, Clone)]
pub struct FlatRecord<'a> {
    /// For each of the 32 columns, 1 + the position of its value in `cells`, or 0 when the
    /// column is absent.
    slots: [u8; 32],
    /// The values, in the order they were set (a value removed later is left as `None`). Real
    /// records fill about a dozen of the 32 columns: keeping only those (16 inline, more on
    /// the heap) makes a record about half as large as one slot per column, which is what
    /// validation reads and moves.
    cells: Cells<'a>,
    pub(crate) extra: Vec<(String, String)>,
}

/// How many values a record holds before they move to the heap.
const INLINE_CELLS: usize = 16;

/// The values of a record: the first [`INLINE_CELLS`] inline, the others on the heap.
#[derive(Debug, Default, Clone)]
struct Cells<'a> {
    inline: [Option<Cell<'a>>; INLINE_CELLS],
    /// How many of `inline` are used.
    len: u8,
    spill: Vec<Option<Cell<'a>>>,
}

impl<'a> Cells<'a> {
    /// Adds a value; returns its position.
    #[inline]
    fn push(&mut self, cell: Option<Cell<'a>>) -> usize {
        let len = usize::from(self.len);
        match self.inline.get_mut(len) {
            Some(slot) => {
                *slot = cell;
                self.len += 1;
                len
            }
            None => {
                self.spill.push(cell);
                INLINE_CELLS + self.spill.len() - 1
            }
        }
    }

    #[inline]
    fn get(&self, i: usize) -> Option<&Option<Cell<'a>>> {
        match i.checked_sub(INLINE_CELLS) {
            None => self.inline.get(i),
            Some(j) => self.spill.get(j),
        }
    }

    #[inline]
    fn get_mut(&mut self, i: usize) -> Option<&mut Option<Cell<'a>>> {
        match i.checked_sub(INLINE_CELLS) {
            None => self.inline.get_mut(i),
            Some(j) => self.spill.get_mut(j),
        }
    }

    /// How many values were pushed (at most 32: one per column).
    #[cfg(test)]
    fn len(&self) -> usize {
        usize::from(self.len) + self.spill.len()
    }

    fn iter(&self) -> impl Iterator<Item = &Option<Cell<'a>>> {
        self.inline.iter().chain(&self.spill)
    }
}

/// The value of a cell: a text, or a number already parsed (for the number columns).
#[derive(Debug, Clone)]
enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> FlatRecord<'a> {
    /// An empty record.
    pub fn new() -> FlatRecord<'a> {
        FlatRecord::default()
    }

    /// Sets the value of a column by its header name; a name outside the standard is kept
    /// aside (see [`Place::extra`](crate::Place::extra)). An empty value is absent.
    pub fn set(&mut self, name: &str, value: impl Into<Cow<'a, str>>) {
        let value = value.into();
        match Column::from_name(name) {
            Some(c) => self.set_column(c, value),
            None if !value.is_empty() => self.extra.push((name.to_owned(), value.into_owned())),
            None => {}
        }
    }

    /// Sets a column from a number already parsed (a JSON number, a database `float`...):
    /// for `latitude` and `longitude` the number is kept as is; for any other column, and for
    /// values that are not finite, its text is set, as [`FlatRecord::set`] would.
    ///
    /// ```
    /// use inclusion_model::FlatRecord;
    /// let mut r = FlatRecord::new();
    /// r.set_number("longitude", 4.0317);
    /// r.set_number("code_postal", 51100.0);
    /// assert_eq!(r.get("code_postal").as_deref(), Some("51100"));
    /// ```
    pub fn set_number(&mut self, name: &str, value: f64) {
        match Column::from_name(name) {
            Some(c) => self.set_column_number(c, value),
            None => self.set(name, value.to_string()),
        }
    }

    /// [`FlatRecord::set_number`] for a column already looked up.
    pub(crate) fn set_column_number(&mut self, c: Column, value: f64) {
        if c.kind() == ColumnKind::Number && value.is_finite() {
            self.put(c, Some(Cell::Number(value)));
        } else {
            self.set_column(c, Cow::Owned(value.to_string()));
        }
    }

    /// The value of a standard column by its header name, as text (a number set with
    /// [`FlatRecord::set_number`] is written out).
    pub fn get(&self, name: &str) -> Option<Cow<'_, str>> {
        Column::from_name(name).and_then(|c| self.text(c))
    }

    /// The value of a column as text, whatever its form.
    pub(crate) fn text(&self, c: Column) -> Option<Cow<'_, str>> {
        match self.slot(c)? {
            Cell::Text(t) => Some(Cow::Borrowed(t)),
            Cell::Number(n) => Some(Cow::Owned(n.to_string())),
        }
    }

    /// The text of a column given as text (`None` for a number).
    pub(crate) fn cell(&self, c: Column) -> Option<&str> {
        match self.slot(c)? {
            Cell::Text(t) => Some(t),
            Cell::Number(_) => None,
        }
    }

    /// The value of a number column: the number, or the text to parse.
    pub(crate) fn number(&self, c: Column) -> Option<Result<f64, &str>> {
        match self.slot(c)? {
            Cell::Text(t) => Some(Err(t)),
            Cell::Number(n) => Some(Ok(*n)),
        }
    }

    /// Whether the column has a value.
    pub(crate) fn has(&self, c: Column) -> bool {
        self.slot(c).is_some()
    }

    /// Whether every cell is empty.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(Option::is_none) && self.extra.is_empty()
    }

    /// Where the value of a column is (or was) kept in `cells`.
    #[inline]
    fn position(&self, c: Column) -> Option<usize> {
        usize::from(self.slots[c.index()]).checked_sub(1)
    }

    /// The value of a column, if any.
    #[inline]
    fn slot(&self, c: Column) -> Option<&Cell<'a>> {
        self.cells.get(self.position(c)?)?.as_ref()
    }

    /// Sets (or, with `None`, removes) the value of a column. A column keeps its position once
    /// it has one, so `cells` never holds more than 32 values.
    #[inline]
    fn put(&mut self, c: Column, cell: Option<Cell<'a>>) {
        match self.position(c) {
            Some(i) => {
                if let Some(old) = self.cells.get_mut(i) {
                    *old = cell;
                }
            }
            None if cell.is_some() => self.push_new(c, cell),
            None => {}
        }
    }

    /// Gives a column without a position the next one, holding `cell`.
    #[inline]
    fn push_new(&mut self, c: Column, cell: Option<Cell<'a>>) {
        // At most 32 positions are ever given: one fits in a byte.
        self.slots[c.index()] = (self.cells.push(cell) + 1) as u8;
    }

    /// Takes the text of a column out of the record: a borrowed text is copied, an owned one
    /// moved.
    ///
    /// Always inlined: called for about fifteen columns a row, its entry and exit (the
    /// registers it saves around the allocation) cost 18 instructions a call, 27 M for the
    /// 100,000 rows of the benchmark; inlined, the read went from 681.7 M to 672.1 M.
    #[inline(always)]
    pub(crate) fn take(&mut self, c: Column) -> Option<CompactString> {
        let i = self.position(c)?;
        let cell = self.cells.get_mut(i)?;
        // A borrowed text (the common case) is copied, and the cell emptied without moving
        // it out first.
        if let Some(Cell::Text(Cow::Borrowed(t))) = *cell {
            *cell = None;
            return Some(CompactString::new(t));
        }
        match cell.take()? {
            Cell::Text(t) => Some(t.into()),
            Cell::Number(n) => Some(n.to_string().into()),
        }
    }

    /// Moves a free list out of the record: a single item moves without copy.
    pub(crate) fn take_list(&mut self, c: Column) -> Vec<CompactString> {
        match self.take(c) {
            None => Vec::new(),
            Some(v) if crate::bytes::find_byte(v.as_bytes(), b'|').is_none() => vec![v],
            Some(v) => syntax::list_items(&v)
                .filter(|i| !i.is_empty())
                .map(CompactString::new)
                .collect(),
        }
    }

    /// Sets the text of a column not set before (a row whose header names each column once),
    /// without looking for an earlier value.
    #[inline]
    pub(crate) fn set_new_column(&mut self, c: Column, value: &'a str) {
        debug_assert!(self.position(c).is_none(), "{c:?} set twice");
        self.push_new(c, Some(Cell::Text(Cow::Borrowed(value))));
    }

    #[inline]
    pub(crate) fn set_column(&mut self, c: Column, value: Cow<'a, str>) {
        if !value.is_empty() {
            self.put(c, Some(Cell::Text(value)));
        } else if self.slots[c.index()] != 0 {
            self.put(c, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_record_is_about_half_the_size_of_one_slot_per_column() {
        let one_slot_per_column = 32 * std::mem::size_of::<Option<Cell<'_>>>();
        assert!(std::mem::size_of::<FlatRecord<'_>>() * 3 < one_slot_per_column * 2);
    }

    #[test]
    fn every_column_can_be_set_past_the_inline_cells() {
        let mut record = FlatRecord::new();
        for c in Column::ALL {
            record.set(c.name(), c.name());
        }
        assert!(!record.cells.spill.is_empty());
        for c in Column::ALL {
            assert_eq!(record.cell(c), Some(c.name()));
        }
        for c in Column::ALL.into_iter().rev() {
            assert_eq!(record.take(c).as_deref(), Some(c.name()));
            assert!(!record.has(c));
        }
        assert!(record.is_blank());
    }

    /// One step on a record: set a column's text (owned, or borrowed from the steps), set a
    /// number, or take a column out.
    #[derive(Debug, Clone)]
    enum Step {
        Text(usize, String, bool),
        Number(usize, f64),
        Take(usize),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0..32usize, "[a-z]{0,3}", any::<bool>()).prop_map(|(c, t, b)| Step::Text(c, t, b)),
            (0..32usize, -90.0..90.0f64).prop_map(|(c, n)| Step::Number(c, n)),
            (0..32usize).prop_map(Step::Take),
        ]
    }

    proptest! {
        /// Any sequence of sets and takes reads back as a map from column to text would:
        /// every column, present or not, as text and as number.
        #[test]
        fn a_record_reads_back_what_a_map_would(steps in prop::collection::vec(step(), 0..200)) {
            let mut record = FlatRecord::new();
            let mut model: HashMap<usize, String> = HashMap::new();
            for s in &steps {
                match *s {
                    Step::Text(c, ref t, borrowed) => {
                        let column = Column::ALL[c];
                        if borrowed {
                            record.set(column.name(), t.as_str());
                        } else {
                            record.set(column.name(), t.clone());
                        }
                        if t.is_empty() { model.remove(&c); } else { model.insert(c, t.clone()); }
                    }
                    Step::Number(c, n) => {
                        record.set_number(Column::ALL[c].name(), n);
                        model.insert(c, n.to_string());
                    }
                    Step::Take(c) => {
                        prop_assert_eq!(record.take(Column::ALL[c]).map(String::from), model.remove(&c));
                    }
                }
                prop_assert!(record.cells.len() <= 32);
            }
            for (i, column) in Column::ALL.into_iter().enumerate() {
                prop_assert_eq!(record.text(column).map(Cow::into_owned), model.get(&i).cloned());
                prop_assert_eq!(record.has(column), model.contains_key(&i));
            }
            prop_assert_eq!(record.is_blank(), model.is_empty());
        }
    }

    #[test]
    fn a_cell_is_no_larger_than_a_text() {
        assert_eq!(
            std::mem::size_of::<Option<Cell<'_>>>(),
            std::mem::size_of::<Option<Cow<'_, str>>>()
        );
    }

    #[test]
    fn numbers_outside_number_columns_and_non_finite_numbers_become_text() {
        let mut r = FlatRecord::new();
        r.set_number("latitude", f64::NAN);
        r.set_number("nom", 12.5);
        r.set_number("inconnue", 3.0);
        assert_eq!(r.cell(Column::Latitude), Some("NaN"));
        assert_eq!(r.cell(Column::Name), Some("12.5"));
        assert_eq!(r.extra, [("inconnue".to_owned(), "3".to_owned())]);
        r.set_number("longitude", -0.5);
        assert_eq!(r.number(Column::Longitude), Some(Ok(-0.5)));
        assert_eq!(r.cell(Column::Longitude), None);
        assert_eq!(r.take(Column::Longitude).as_deref(), Some("-0.5"));
        assert!(!r.has(Column::Longitude));
    }
}
