//! The JSON reader: an array of flat records keyed by the standard's column names.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::value::RawValue;
use serde_json::{Number, Value};

use super::decode::{REPLACEMENT, decode, invalid_cell};
use super::header::{Key as KeyKind, check_json_keys};
use super::options::ReadOptions;
use super::report::{Format, ReadReport};
use super::rows::Rows;
use crate::columns::{Column, ColumnKind};
use crate::diagnostic::{Arg, Diagnostic, Severity};
use crate::messages;
use crate::migrate::{self, SchemaVersion};
use crate::record::FlatRecord;

/// Reads a JSON array of flat records keyed by the standard's column names, as the national
/// cartography publishes them: values are strings, `latitude`/`longitude` numbers (strings are
/// accepted too), lists `|`-separated strings; `null` or a missing key is an absent value.
/// Rows are numbered from 1 (the first record).
///
/// The bytes are decoded as a CSV file's are (UTF-8, UTF-16, invalid UTF-8 sequences
/// reported in their cells; see [`read_bytes`](super::read_bytes)). The texts of the records
/// are read in place (no copy unless a string has an escape): a place copies only the texts
/// it keeps.
///
/// A number too large for a 64-bit float (`1e400`) is reported on its cell, not as a file
/// that cannot be read: as a latitude it is out of range, in a text column it is read as its
/// text. A key repeated in a record is reported (the last value is read, as JSON object
/// models do).
///
/// ```
/// use inclusion_model::{read_json_slice, ReadOptions};
/// let report = read_json_slice(br#"{"id": "p1"}"#, &ReadOptions::default());
/// assert_eq!(report.unreadable().unwrap().code(), "json.type");
/// ```
pub fn read_json_slice(bytes: &[u8], options: &ReadOptions) -> ReadReport {
    let mut diags = Vec::new();
    let decoded = decode(bytes, &mut diags);
    read_decoded(&decoded.text, decoded.replaced > 0, diags, options)
}

/// Reads a decoded JSON text; `diags` are the problems of its decoding, `replaced` says
/// whether invalid UTF-8 sequences were replaced by `�`.
pub(crate) fn read_decoded(
    text: &str,
    replaced: bool,
    diags: Vec<Diagnostic>,
    options: &ReadOptions,
) -> ReadReport {
    let mut report = options.report_after(Format::Json, diags);
    if text.trim().is_empty() {
        report.push(Diagnostic::new(Severity::Error, &messages::FILE_EMPTY));
        return report;
    }
    // Pass 1: the shape of the document and the distinct keys of its records, values skipped
    // (the version must be known before the first record is validated).
    let (keys, records) = match outline(text) {
        Ok(Outline::Array { keys, records }) => (keys, records),
        Ok(Outline::Other) => {
            report.push(Diagnostic::new(Severity::Error, &messages::JSON_NOT_ARRAY));
            return report;
        }
        Err(e) => {
            report.push(
                Diagnostic::new(Severity::Error, &messages::FILE_INVALID_JSON)
                    .with_args([Arg::from(e.to_string())]),
            );
            return report;
        }
    };
    let keys: BTreeSet<&str> = keys.iter().map(AsRef::as_ref).collect();
    report.version = options.version_for(keys.iter().copied());
    let v01 = report.version == SchemaVersion::V0_1;
    if v01 {
        report.push(migrate::detected_notice());
    }
    check_json_keys(keys.iter().copied(), v01, &mut report);

    // Pass 2: each record validated as soon as it is parsed, then dropped: memory holds one
    // record at a time, not the whole array.
    let start = report.clone();
    let mut records_read = Records::new(options, report, v01, replaced);
    records_read
        .rows
        .reserve(records, text.len(), &mut records_read.report);
    match stream(text, Mode::Fast, &mut records_read) {
        Ok(()) => records_read.report,
        // serde_json refuses a number beyond the range of an `f64` (`1e400`) or a string
        // with a lone surrogate escape (`"\ud800"`), which pass 1 skipped: read again,
        // slower, keeping the text of every value, so that such a value is a problem of its
        // cell.
        Err(_) => {
            drop(records_read);
            let mut again = Records::new(options, start.clone(), v01, replaced);
            again.rows.reserve(records, text.len(), &mut again.report);
            match stream(text, Mode::Raw, &mut again) {
                Ok(()) => again.report,
                Err(e) => unreadable(start, &e),
            }
        }
    }
}

/// The report of a file that pass 2 cannot read although pass 1, which skips values, could
/// (not expected: the slower reading keeps every value's text): no record is kept, as for
/// any file that is not JSON.
fn unreadable(mut report: ReadReport, e: &serde_json::Error) -> ReadReport {
    report.push(
        Diagnostic::new(Severity::Error, &messages::FILE_INVALID_JSON)
            .with_args([Arg::from(e.to_string())]),
    );
    report
}

/// The records of a file being read: what each record needs to be validated into the report.
struct Records {
    rows: Rows,
    report: ReadReport,
    v01: bool,
    replaced: bool,
    /// The row of the next record.
    row: usize,
}

impl Records {
    fn new(options: &ReadOptions, report: ReadReport, v01: bool, replaced: bool) -> Records {
        Records {
            rows: Rows::new(options),
            report,
            v01,
            replaced,
            row: 1,
        }
    }

    /// Validates the next element of the array into the report.
    fn record(&mut self, element: Element<'_>) {
        let (v01, replaced) = (self.v01, self.replaced);
        let row = self.row;
        self.row += 1;
        let rows = &mut self.rows;
        let report = &mut self.report;
        let Element::Object(entries) = element else {
            rows.diags()
                .push(Diagnostic::new(Severity::Error, &messages::JSON_NOT_OBJECT).at_row(row));
            rows.reject(report);
            return;
        };
        let mut raw = FlatRecord::default();
        let mut row_error = false;
        let mut pairs: Vec<(Cow<'_, str>, Cow<'_, str>)> = Vec::new();
        let mut legacy: Vec<(&'static str, Cow<'_, str>)> = Vec::new();
        for (key, value) in last_of_each_key(entries, row, rows.diags(), &mut row_error) {
            let column = Column::from_name(&key);
            let text: Cow<'_, str> = match value {
                JsonValue::Null => continue,
                JsonValue::Text(s) => s,
                JsonValue::Number(n) => {
                    let number_column = column.filter(|c| c.kind() == ColumnKind::Number);
                    if number_column.is_none() {
                        number_warning(rows.diags(), row, &key, &n.to_string());
                    } else if let (false, Some(c), Some(x)) = (v01, number_column, n.as_f64()) {
                        // Kept as a number: no text to write out and parse back.
                        raw.set_column_number(c, x);
                        continue;
                    }
                    Cow::Owned(n.to_string())
                }
                JsonValue::BigNumber(n) => {
                    // Beyond an `f64`: its text, which the number check reads as out of range.
                    if !column.is_some_and(|c| c.kind() == ColumnKind::Number) {
                        number_warning(rows.diags(), row, &key, n);
                    }
                    Cow::Borrowed(n)
                }
                JsonValue::Bool(b) => {
                    number_warning(rows.diags(), row, &key, &b.to_string());
                    Cow::Owned(b.to_string())
                }
                JsonValue::Nested(value) => {
                    row_error = true;
                    rows.diags().push(
                        Diagnostic::new(Severity::Error, &messages::JSON_NESTED)
                            .at_row(row)
                            .in_column(column_name(column, &key))
                            .with_value(value),
                    );
                    continue;
                }
                JsonValue::BadText(raw) => {
                    row_error = true;
                    rows.diags().push(
                        Diagnostic::new(Severity::Error, &messages::JSON_BAD_ESCAPE)
                            .at_row(row)
                            .in_column(column_name(column, &key))
                            .with_value(raw),
                    );
                    continue;
                }
            };
            if replaced && text.contains(REPLACEMENT) {
                row_error = true;
                let d = invalid_cell(row, column_name(column, &key), &text);
                rows.diags().push(d);
            }
            if v01 {
                pairs.push((key, text));
                continue;
            }
            match KeyKind::of(&key) {
                KeyKind::Standard(c) => raw.set_column(c, text),
                KeyKind::Legacy(name) => legacy.push((name, text)),
                KeyKind::Unknown if !text.is_empty() => {
                    raw.extra.push((key.into_owned(), text.into_owned()));
                }
                KeyKind::Unknown => {}
            }
        }
        if !legacy.is_empty() {
            let borrowed: Vec<(&'static str, &str)> =
                legacy.iter().map(|(k, v)| (*k, v.as_ref())).collect();
            migrate::merge_legacy(&mut raw, &borrowed, row, rows.diags());
        }
        if v01 {
            let borrowed = pairs.iter().map(|(k, v)| (k.as_ref(), v.as_ref()));
            let mut migrated = migrate::migrate_record(borrowed, row, rows.diags());
            rows.accept(&mut migrated, row, row_error, report);
            return;
        }
        rows.accept(&mut raw, row, row_error, report);
    }
}

/// The entries of an object in key order, the last value of a repeated key only (as a JSON
/// object model keeps them); each value not read is reported on `diags` (an error when it
/// differs from the value read, which sets `row_error`; a warning when it is the same).
fn last_of_each_key<'a>(
    mut entries: Vec<(Cow<'a, str>, JsonValue<'a>)>,
    row: usize,
    diags: &mut Vec<Diagnostic>,
    row_error: &mut bool,
) -> Vec<(Cow<'a, str>, JsonValue<'a>)> {
    // A stable sort keeps the entries of a key in file order: the last one wins.
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    if entries.windows(2).all(|w| w[0].0 != w[1].0) {
        return entries;
    }
    let mut kept = Vec::with_capacity(entries.len());
    let mut entries = entries.into_iter().peekable();
    while let Some(entry) = entries.next() {
        match entries.peek() {
            Some(next) if next.0 == entry.0 => {
                let same = next.1.same_as(&entry.1);
                let (severity, template) = if same {
                    (Severity::Warning, &messages::JSON_DUPLICATE_KEY_SAME)
                } else {
                    *row_error = true;
                    (Severity::Error, &messages::JSON_DUPLICATE_KEY)
                };
                diags.push(
                    Diagnostic::new(severity, template)
                        .at_row(row)
                        .in_column(column_name(Column::from_name(&entry.0), &entry.0))
                        .with_value(entry.1.to_text()),
                );
            }
            _ => kept.push(entry),
        }
    }
    kept
}

/// How values are read: numbers as `f64` (fast), or as their text (for documents with a
/// number beyond the range of an `f64`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Fast,
    Raw,
}

/// What pass 1 finds: an array, with the distinct keys of its objects and how many of its
/// elements are objects or arrays (room to reserve), or another JSON value.
enum Outline<'a> {
    Array {
        keys: rustc_hash::FxHashSet<Cow<'a, str>>,
        records: usize,
    },
    Other,
}

/// Pass 1: the outline of the document. A scan of its bytes, not a parse: strings are
/// skipped with `memchr`, and the keys of the objects of the array are the strings found
/// where a key goes (after `{` or `,` in an object of the array). A document whose syntax is
/// wrong is found so by pass 2, which parses. A document that is not an array is parsed here
/// (values skipped), to tell a JSON value that is no array from text that is no JSON.
fn outline(text: &str) -> Result<Outline<'_>, serde_json::Error> {
    let bytes = text.as_bytes();
    let Some(start) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Ok(Outline::Other);
    };
    if bytes[start] != b'[' {
        serde_json::from_str::<IgnoredAny>(text)?;
        return Ok(Outline::Other);
    }
    let mut keys: rustc_hash::FxHashSet<Cow<'_, str>> = rustc_hash::FxHashSet::default();
    let (mut depth, mut records) = (0usize, 0usize);
    // Whether the element being read (depth 2) is an object, and a key comes next.
    let (mut in_object, mut key_next) = (false, false);
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                let (end, escaped) = string_end(bytes, i + 1);
                if key_next && depth == 2 {
                    if escaped {
                        // Decoded before it is looked up: the set holds decoded keys, and an
                        // escaped key's text may be another key's decoded text (the key
                        // written `"\""`, a quote, has the text `\"`, which `"\\\""`
                        // decodes to).
                        let quoted = text.get(i..=end).unwrap_or_default();
                        keys.insert(Cow::Owned(serde_json::from_str::<String>(quoted)?));
                    } else {
                        let raw = &text[i + 1..end.min(text.len())];
                        if !keys.contains(raw) {
                            keys.insert(Cow::Borrowed(raw));
                        }
                    }
                }
                key_next = false;
                i = end + 1;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth == 2 {
                    records += 1;
                    in_object = b == b'{';
                    key_next = in_object;
                }
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                key_next = false;
            }
            b',' => key_next = depth == 2 && in_object,
            b':' => key_next = false,
            _ => {}
        }
        i += 1;
    }
    Ok(Outline::Array { keys, records })
}

/// The index of the quote that closes the string whose text starts at `from` (the length of
/// `bytes` when there is none), and whether the string holds an escape.
fn string_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let (mut j, mut escaped) = (from, false);
    while let Some(k) = bytes
        .get(j..)
        .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
    {
        if bytes[j + k] == b'"' {
            return (j + k, escaped);
        }
        // An escape: the next byte is part of it (`\"` does not close the string).
        escaped = true;
        j += k + 2;
    }
    (bytes.len(), escaped)
}

/// Pass 2: each element of the array, parsed in `mode`, handed to `records`.
fn stream(text: &str, mode: Mode, records: &mut Records) -> Result<(), serde_json::Error> {
    let mut d = serde_json::Deserializer::from_str(text);
    StreamSeed { mode, records }.deserialize(&mut d)?;
    d.end()
}

/// Pass 2 on the document (an array, as pass 1 found).
struct StreamSeed<'r> {
    mode: Mode,
    records: &'r mut Records,
}

impl<'de> DeserializeSeed<'de> for StreamSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        struct V<'r>(Mode, &'r mut Records);
        impl<'de> Visitor<'de> for V<'_> {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
                while let Some(element) = seq.next_element_seed(ElementSeed(self.0))? {
                    self.1.record(element);
                }
                Ok(())
            }
        }
        d.deserialize_seq(V(self.mode, self.records))
    }
}

/// What the reader keeps of an element of the array: an object's entries, in file order;
/// anything else is an error of the row, with nothing more to keep.
enum Element<'a> {
    Object(Vec<(Cow<'a, str>, JsonValue<'a>)>),
    Other,
}

/// A value of a record, its text borrowed from the input when it has no escape.
enum JsonValue<'a> {
    Null,
    Text(Cow<'a, str>),
    Number(Number),
    /// A number beyond the range of an `f64`, as written (read in [`Mode::Raw`] only).
    BigNumber(&'a str),
    /// A string with an escape that is no character (a lone surrogate, `"\ud800"`), as
    /// written (read in [`Mode::Raw`] only).
    BadText(&'a str),
    Bool(bool),
    /// An array or an object (an error: the standard's values are texts), as JSON text, boxed:
    /// it is rare, and every value of every record is as large as the largest form.
    Nested(Box<str>),
}

impl<'a> JsonValue<'a> {
    /// A value from its JSON text (of [`Mode::Raw`]).
    fn from_raw(text: &'a str) -> JsonValue<'a> {
        match text.as_bytes().first() {
            Some(b'[' | b'{') => JsonValue::Nested(match serde_json::from_str::<Value>(text) {
                Ok(v) => v.to_string().into(),
                Err(_) => text.into(),
            }),
            Some(b'"') => {
                serde_json::from_str::<JsonValue<'a>>(text).unwrap_or(JsonValue::BadText(text))
            }
            _ => serde_json::from_str::<JsonValue<'a>>(text).unwrap_or(JsonValue::BigNumber(text)),
        }
    }

    /// The value as the text a diagnostic quotes.
    fn to_text(&self) -> String {
        match self {
            JsonValue::Null => "null".to_owned(),
            JsonValue::Text(t) => t.to_string(),
            JsonValue::Number(n) => n.to_string(),
            JsonValue::BigNumber(n) | JsonValue::BadText(n) => (*n).to_owned(),
            JsonValue::Bool(b) => b.to_string(),
            JsonValue::Nested(v) => v.to_string(),
        }
    }

    fn same_as(&self, other: &JsonValue<'_>) -> bool {
        match (self, other) {
            (JsonValue::Null, JsonValue::Null) => true,
            (JsonValue::Text(a), JsonValue::Text(b)) => a == b,
            (JsonValue::Number(a), JsonValue::Number(b)) => a == b,
            (JsonValue::BigNumber(a), JsonValue::BigNumber(b)) => a == b,
            (JsonValue::BadText(a), JsonValue::BadText(b)) => a == b,
            (JsonValue::Bool(a), JsonValue::Bool(b)) => a == b,
            (JsonValue::Nested(a), JsonValue::Nested(b)) => a == b,
            _ => false,
        }
    }
}

/// Reads an [`Element`] in a [`Mode`].
#[derive(Clone, Copy)]
struct ElementSeed(Mode);

/// Reads a [`JsonValue`] in a [`Mode`].
#[derive(Clone, Copy)]
struct ValueSeed(Mode);

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = JsonValue<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<JsonValue<'de>, D::Error> {
        match self.0 {
            Mode::Fast => JsonValue::deserialize(d),
            Mode::Raw => <&'de RawValue>::deserialize(d).map(|raw| JsonValue::from_raw(raw.get())),
        }
    }
}

/// A key of a record, borrowed from the input when it has no escape.
struct Key<'a>(Cow<'a, str>);

impl<'de> DeserializeSeed<'de> for ElementSeed {
    type Value = Element<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Element<'de>, D::Error> {
        struct V(Mode);
        impl<'de> Visitor<'de> for V {
            type Value = Element<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Element<'de>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Element::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Element<'de>, A::Error> {
                // Records hold a dozen keys or more: room for 16 at the first key avoids
                // growing four times, and an empty object (`{}`) allocates nothing.
                let mut entries = Vec::new();
                while let Some(Key(k)) = map.next_key::<Key<'de>>()? {
                    let v = map.next_value_seed(ValueSeed(self.0))?;
                    if entries.capacity() == 0 {
                        entries.reserve(map.size_hint().unwrap_or(16));
                    }
                    entries.push((k, v));
                }
                Ok(Element::Object(entries))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Element<'de>, E> {
                Ok(Element::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Element<'de>, E> {
                Ok(Element::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Element<'de>, E> {
                Ok(Element::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Element<'de>, E> {
                Ok(Element::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Element<'de>, E> {
                Ok(Element::Other)
            }
            fn visit_unit<E>(self) -> Result<Element<'de>, E> {
                Ok(Element::Other)
            }
        }
        d.deserialize_any(V(self.0))
    }
}

impl<'de> Deserialize<'de> for JsonValue<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonValue<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<JsonValue<'de>, E> {
                Ok(JsonValue::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<JsonValue<'de>, E> {
                Ok(JsonValue::Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<JsonValue<'de>, E> {
                Ok(JsonValue::Text(Cow::Owned(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<JsonValue<'de>, E> {
                Ok(JsonValue::Number(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<JsonValue<'de>, E> {
                Ok(JsonValue::Number(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<JsonValue<'de>, E> {
                Number::from_f64(v)
                    .map(JsonValue::Number)
                    .ok_or_else(|| E::custom("a number that is not finite"))
            }
            fn visit_bool<E>(self, v: bool) -> Result<JsonValue<'de>, E> {
                Ok(JsonValue::Bool(v))
            }
            fn visit_unit<E>(self) -> Result<JsonValue<'de>, E> {
                Ok(JsonValue::Null)
            }
            fn visit_none<E>(self) -> Result<JsonValue<'de>, E> {
                Ok(JsonValue::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<JsonValue<'de>, A::Error> {
                Value::deserialize(SeqAccessDeserializer::new(seq))
                    .map(|v| JsonValue::Nested(v.to_string().into()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonValue<'de>, A::Error> {
                Value::deserialize(MapAccessDeserializer::new(map))
                    .map(|v| JsonValue::Nested(v.to_string().into()))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The name of a key for a diagnostic: the column's name (no copy) when it is one.
fn column_name(column: Option<Column>, key: &str) -> std::borrow::Cow<'static, str> {
    match column {
        Some(c) => c.name().into(),
        None => key.to_owned().into(),
    }
}

fn number_warning(diags: &mut Vec<Diagnostic>, row: usize, key: &str, value: &str) {
    diags.push(
        Diagnostic::new(Severity::Warning, &messages::JSON_NUMBER)
            .at_row(row)
            .in_column(column_name(Column::from_name(key), key))
            .with_value(value),
    );
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::codes;

    fn diagnostic<'r>(report: &'r ReadReport, row: usize, code: &str) -> &'r Diagnostic {
        report
            .diagnostics
            .iter()
            .find(|d| d.row() == Some(row) && d.code() == code)
            .unwrap_or_else(|| panic!("no {code} on row {row}: {:#?}", report.diagnostics))
    }

    const REQUIRED: &str = r#""pivot":"43493312300029","nom":"Mairie","commune":"Reims","code_postal":"51100","adresse":"1 place X","date_maj":"2024-04-02""#;

    #[test]
    fn values_of_every_json_type_are_read_or_reported() {
        let json = format!(
            r#"[
            {{"id":"a",{REQUIRED},"latitude":49.25,"longitude":4.03,"source":null,"presentation_resume":"Mairie \"centre\" \u00e9","autre":"y","autre":"y"}},
            12,
            {{"id":"c",{REQUIRED},"code_insee":51454,"site_web":true}},
            {{"id":"d",{REQUIRED},"services":["Aide aux démarches administratives"]}}
        ]"#
        );
        let report = read_json_slice(json.as_bytes(), &ReadOptions::default());
        assert_eq!((report.rows, report.invalid_rows), (4, 2));
        let ids: Vec<&str> = report.places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);

        // Row 1: numbers kept as numbers, null absent, escapes decoded, a key repeated with the
        // same value (a warning).
        assert_eq!(
            diagnostic(&report, 1, codes::FILE_DUPLICATE_COLUMN).severity(),
            Severity::Warning
        );
        let a = &report.places[0];
        let c = a.coordinates.expect("coordinates");
        assert_eq!((c.latitude(), c.longitude()), (49.25, 4.03));
        assert_eq!(a.source, None);
        assert_eq!(a.summary.as_deref(), Some("Mairie \"centre\" é"));
        assert_eq!(a.extra, [("autre".to_owned(), "y".to_owned())]);
        // Row 2: not an object.
        assert_eq!(diagnostic(&report, 2, codes::JSON_TYPE).column(), None);
        // Row 3: a number and a boolean in text columns are read as their text, with a warning.
        let insee = diagnostic(&report, 3, codes::JSON_NUMBER);
        assert_eq!(insee.column(), Some("code_insee"));
        assert_eq!(insee.value(), Some("51454"));
        assert_eq!(
            report.places[1].address.insee_code.as_deref(),
            Some("51454")
        );
        assert_eq!(report.places[1].contact.websites, ["true"]);
        // Row 4: an array is an error naming the column and giving the value as JSON.
        let nested = diagnostic(&report, 4, codes::JSON_TYPE);
        assert_eq!(nested.column(), Some("services"));
        assert_eq!(
            nested.value(),
            Some(r#"["Aide aux démarches administratives"]"#)
        );
    }

    #[test]
    fn a_document_that_is_not_an_array_or_not_json_is_unreadable() {
        for (text, code) in [
            (&b"{\"id\": [1, {}]}"[..], codes::JSON_TYPE),
            (b"\"lieux\"", codes::JSON_TYPE),
            (b"[{\"id\": \"a\"", codes::FILE_UNREADABLE),
            (b"  \n ", codes::FILE_UNREADABLE),
            (
                b"[{\"id\": 1e999, \"nom\": [1e999]}] x",
                codes::FILE_UNREADABLE,
            ),
        ] {
            let report = read_json_slice(text, &ReadOptions::default());
            assert_eq!(report.unreadable().map(|d| d.code()), Some(code));
        }
        // A lone surrogate escape is a problem of its cell; the other records are read.
        let lone =
            format!(r#"[{{"id":"a",{REQUIRED}}}, {{"id":"b",{REQUIRED},"source":"x\ud800"}}]"#);
        let report = read_json_slice(lone.as_bytes(), &ReadOptions::default());
        assert!(report.unreadable().is_none());
        assert_eq!(
            (report.rows, report.invalid_rows, report.places.len()),
            (2, 1, 1)
        );
        let d = diagnostic(&report, 2, codes::JSON_TYPE);
        assert_eq!(
            (d.column(), d.value()),
            (Some("source"), Some(r#""x\ud800""#))
        );
        let blank = read_json_slice(b"  \n ", &ReadOptions::default());
        assert_eq!(
            blank.unreadable().unwrap().template(),
            &messages::FILE_EMPTY
        );
    }

    #[test]
    fn a_number_beyond_the_range_of_a_float_is_a_problem_of_its_cell() {
        let mut records: Vec<String> = (0..25)
            .map(|i| format!(r#"{{"id":"p{i}",{REQUIRED},"latitude":49.25,"longitude":4.03}}"#))
            .collect();
        records[3] = format!(
            r#"{{"id":"p3",{REQUIRED},"latitude":1e400,"longitude":4.03,"code_insee":-2e999,"services":[1e999]}}"#
        );
        let json = format!("[{}]", records.join(","));
        let report = read_json_slice(json.as_bytes(), &ReadOptions::default());
        assert_eq!(report.rows, 25);
        // Every place is read; row 4 has an error in `services` (an array) and is left out.
        assert_eq!(report.places.len(), 24);
        let lat = diagnostic(&report, 4, codes::COORDINATES_OUT_OF_RANGE);
        assert_eq!(lat.value(), Some("1e400, 4.03"));
        assert_eq!(
            diagnostic(&report, 4, codes::JSON_NUMBER).value(),
            Some("-2e999")
        );
        assert_eq!(
            diagnostic(&report, 4, codes::JSON_TYPE).value(),
            Some("[1e999]")
        );
        let lenient = read_json_slice(json.as_bytes(), &ReadOptions::default().with_lenient(true));
        let p3 = lenient.places.iter().find(|p| p.id == "p3").unwrap();
        assert_eq!(p3.coordinates, None);
        assert_eq!(p3.address.insee_code, None);
    }

    #[test]
    fn a_key_repeated_with_another_value_is_an_error_naming_it() {
        let json = format!(r#"[{{"id":"a",{REQUIRED},"source":"Hub","source":"Dora"}}]"#);
        let report = read_json_slice(json.as_bytes(), &ReadOptions::default());
        let d = diagnostic(&report, 1, codes::FILE_DUPLICATE_COLUMN);
        assert_eq!(
            (d.column(), d.value(), d.severity()),
            (Some("source"), Some("Hub"), Severity::Error)
        );
        assert_eq!((report.rows, report.invalid_rows), (1, 1));
        let lenient = read_json_slice(json.as_bytes(), &ReadOptions::default().with_lenient(true));
        assert_eq!(lenient.places[0].source.as_deref(), Some("Dora"));
    }

    #[test]
    fn utf16_and_invalid_utf8_json_are_decoded_and_reported() {
        let json = format!(r#"[{{"id":"a",{REQUIRED},"complement_adresse":"Châlons"}}]"#);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(json.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let report = read_json_slice(&utf16, &ReadOptions::default());
        assert_eq!(
            report.places[0].address.complement.as_deref(),
            Some("Châlons")
        );
        assert_eq!(report.diagnostics[0].code(), codes::FILE_UTF16);
        // One invalid byte (0xE2 alone) in a file otherwise UTF-8.
        let mut bad = json
            .replace("Châlons", "Ch#lons, Châlons, Épernay")
            .into_bytes();
        let at = bad.iter().position(|b| *b == b'#').unwrap();
        bad[at] = 0xE2;
        let report = read_json_slice(&bad, &ReadOptions::default());
        assert_eq!(report.diagnostics[0].code(), codes::FILE_INVALID_UTF8);
        let cell = diagnostic(&report, 1, codes::FILE_INVALID_UTF8);
        assert_eq!(
            (cell.column(), cell.value()),
            (
                Some("complement_adresse"),
                Some("Ch\u{fffd}lons, Châlons, Épernay")
            )
        );
        assert!(report.places.is_empty());
    }

    /// Writes `value` as JSON with every character of every string (keys included) escaped as
    /// `\uXXXX`: nothing can be read in place.
    fn escaped(value: &Value, out: &mut String) {
        fn string(s: &str, out: &mut String) {
            out.push('"');
            for unit in s.encode_utf16() {
                out.push_str(&format!("\\u{unit:04x}"));
            }
            out.push('"');
        }
        match value {
            Value::String(s) => string(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    escaped(item, out);
                }
                out.push(']');
            }
            Value::Object(map) => {
                out.push('{');
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(k, out);
                    out.push(':');
                    escaped(v, out);
                }
                out.push('}');
            }
            other => out.push_str(&other.to_string()),
        }
    }

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            4 => "[a-zé|\"\\\\ 0-9]{0,12}".prop_map(Value::String),
            1 => Just(Value::String("Gratuit|Payant".to_owned())),
            1 => (-200.0..200.0f64).prop_map(|n| serde_json::json!(n)),
            1 => any::<i32>().prop_map(|n| serde_json::json!(n)),
            1 => any::<bool>().prop_map(Value::Bool),
            1 => Just(Value::Null),
            1 => Just(serde_json::json!(["x", 1])),
        ]
    }

    fn key() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => proptest::sample::select(Column::ALL.map(Column::name).to_vec()).prop_map(str::to_owned),
            1 => Just("autre".to_owned()),
            1 => Just("labels_nationaux".to_owned()),
        ]
    }

    #[test]
    fn an_escaped_key_is_not_taken_for_another_key_decoded() {
        // The first key is a backslash and a quote; the second, a quote, is written with the
        // very text the first decodes to. Found by the property test below (2026-12-03).
        let text = r#"[{"\\\"": ""}, {"\"": ""}]"#;
        let Ok(Outline::Array { keys, .. }) = outline(text) else {
            panic!("an array");
        };
        let found: BTreeSet<String> = keys.into_iter().map(Cow::into_owned).collect();
        assert_eq!(found, BTreeSet::from(["\\\"".to_owned(), "\"".to_owned()]));
    }

    proptest! {
        /// The byte scan of pass 1 finds exactly the keys of the array's objects that a parse
        /// finds, escapes and brackets in strings included, plain or escaped.
        #[test]
        fn the_outline_finds_the_keys_a_parse_finds(
            records in prop::collection::vec(
                prop::collection::btree_map("[a-z\"\\\\é{}\\[\\],: ]{0,6}", value(), 0..5), 0..5),
            escape in any::<bool>(),
        ) {
            let document = Value::Array(records.into_iter().map(|m| Value::Object(m.into_iter().collect())).collect());
            let text = if escape {
                let mut out = String::new();
                escaped(&document, &mut out);
                out
            } else {
                serde_json::to_string(&document).unwrap()
            };
            let Ok(Outline::Array { keys, .. }) = outline(&text) else {
                return Err(TestCaseError::fail("not an array"));
            };
            let found: BTreeSet<String> = keys.into_iter().map(Cow::into_owned).collect();
            let expected: BTreeSet<String> = document
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|r| r.as_object().unwrap().keys().cloned())
                .collect();
            prop_assert_eq!(found, expected);
        }

        /// Texts read in place and texts that must be unescaped give the same report: the
        /// same places, diagnostics (rows, columns, values, codes) and counts.
        #[test]
        fn escaped_and_plain_texts_read_the_same(
            records in prop::collection::vec(prop::collection::btree_map(key(), value(), 0..12), 0..6),
            not_object in any::<bool>(),
        ) {
            let mut items: Vec<Value> = records
                .into_iter()
                .map(|m| Value::Object(m.into_iter().collect()))
                .collect();
            if not_object {
                items.push(Value::String("pas un objet".to_owned()));
            }
            let document = Value::Array(items);
            let plain = serde_json::to_string(&document).expect("serialises");
            let mut unescaped = String::new();
            escaped(&document, &mut unescaped);
            for level in [crate::Level::Standard, crate::Level::Strict] {
                let options = ReadOptions { level, ..ReadOptions::default() };
                let a = read_json_slice(plain.as_bytes(), &options);
                let b = read_json_slice(unescaped.as_bytes(), &options);
                prop_assert_eq!(a, b);
            }
        }
    }
}
