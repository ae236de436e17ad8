//! [`FlatRecord`]: one record as read from a file, column by column, before validation.

use std::borrow::Cow;

use crate::columns::{Column, ColumnKind};

use super::rules;

/// One flat record as read from a file, before validation: the text of each of the 32 columns
/// (an empty value is absent, as in the standard) and the columns outside the standard.
///
/// The readers build these for you; build them yourself to validate records you already
/// parsed (from a database, an API...), with [`validate_records`](super::validate_records).
/// Texts can be borrowed (`&str`, copied into the places) or owned (`String`, moved into the
/// places without copy); `latitude` and `longitude` can also be given as numbers.
///
/// ```
/// use inclusion_model::validate::{FlatRecord, validate_records};
/// use inclusion_model::ReadOptions;
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
    cells: [Option<Cell<'a>>; 32],
    pub(crate) extra: Vec<(String, String)>,
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
    /// use inclusion_model::validate::FlatRecord;
    /// let mut r = FlatRecord::new();
    /// r.set_number("longitude", 4.0317);
    /// r.set_number("code_postal", 51100.0);
    /// assert_eq!(r.get("code_postal").as_deref(), Some("51100"));
    /// ```
    pub fn set_number(&mut self, name: &str, value: f64) {
        match Column::from_name(name) {
            Some(c) if c.kind() == ColumnKind::Number && value.is_finite() => {
                self.cells[c.index()] = Some(Cell::Number(value));
            }
            _ => self.set(name, value.to_string()),
        }
    }

    /// The value of a standard column by its header name, as text (a number set with
    /// [`FlatRecord::set_number`] is written out).
    pub fn get(&self, name: &str) -> Option<Cow<'_, str>> {
        Column::from_name(name).and_then(|c| self.text(c))
    }

    /// The value of a column as text, whatever its form.
    pub(crate) fn text(&self, c: Column) -> Option<Cow<'_, str>> {
        match self.cells[c.index()].as_ref()? {
            Cell::Text(t) => Some(Cow::Borrowed(t)),
            Cell::Number(n) => Some(Cow::Owned(n.to_string())),
        }
    }

    /// The text of a column given as text (`None` for a number).
    pub(crate) fn cell(&self, c: Column) -> Option<&str> {
        match self.cells[c.index()].as_ref()? {
            Cell::Text(t) => Some(t),
            Cell::Number(_) => None,
        }
    }

    /// The value of a number column: the number, or the text to parse.
    pub(crate) fn number(&self, c: Column) -> Option<Result<f64, &str>> {
        match self.cells[c.index()].as_ref()? {
            Cell::Text(t) => Some(Err(t)),
            Cell::Number(n) => Some(Ok(*n)),
        }
    }

    /// Whether the column has a value.
    pub(crate) fn has(&self, c: Column) -> bool {
        self.cells[c.index()].is_some()
    }

    /// Whether every cell is empty.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(Option::is_none) && self.extra.is_empty()
    }

    /// Moves the text of a column out of the record.
    pub(crate) fn take(&mut self, c: Column) -> Option<String> {
        match self.cells[c.index()].take()? {
            Cell::Text(t) => Some(t.into_owned()),
            Cell::Number(n) => Some(n.to_string()),
        }
    }

    /// Moves a free list out of the record: a single item moves without copy.
    pub(crate) fn take_list(&mut self, c: Column) -> Vec<String> {
        match self.take(c) {
            None => Vec::new(),
            Some(v) if !v.contains('|') => vec![v],
            Some(v) => rules::list_items(&v)
                .filter(|i| !i.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }

    pub(crate) fn set_column(&mut self, c: Column, value: Cow<'a, str>) {
        self.cells[c.index()] = if value.is_empty() {
            None
        } else {
            Some(Cell::Text(value))
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
