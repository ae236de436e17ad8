//! A place as written: the text of each column ([`cell`]), the flat JSON record
//! ([`Record`]) the JSON and GeoJSON writers serialise, and the buffer they write through.

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use compact_str::CompactString;
use serde::ser::SerializeMap;

use crate::columns::Column;
use crate::place::Place;
use crate::vocab::Vocabulary;

/// The value of a place in one column, as written in a file (empty when absent).
pub fn cell(place: &Place, column: Column) -> Cow<'_, str> {
    fn opt(s: &Option<CompactString>) -> Cow<'_, str> {
        Cow::Borrowed(s.as_deref().unwrap_or(""))
    }
    fn list<V: Vocabulary>(v: &[V]) -> Cow<'static, str> {
        match v {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one.label_fr()),
            _ => Cow::Owned(v.iter().map(|x| x.label_fr()).collect::<Vec<_>>().join("|")),
        }
    }
    fn strings(v: &[CompactString]) -> Cow<'_, str> {
        match v {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one),
            _ => Cow::Owned(v.join("|")),
        }
    }
    match column {
        Column::Id => Cow::Borrowed(&place.id),
        Column::Pivot => Cow::Borrowed(&place.pivot),
        Column::Name => Cow::Borrowed(&place.name),
        Column::Commune => Cow::Borrowed(&place.address.commune),
        Column::Postcode => Cow::Borrowed(&place.address.postcode),
        Column::InseeCode => opt(&place.address.insee_code),
        Column::Street => Cow::Borrowed(&place.address.street),
        Column::AddressComplement => opt(&place.address.complement),
        Column::Latitude | Column::Longitude if place.coordinates.is_none() => Cow::Borrowed(""),
        Column::Latitude | Column::Longitude | Column::UpdatedOn => {
            let mut text = String::new();
            write_cell(place, column, &mut text);
            Cow::Owned(text)
        }
        Column::Typology => match place.typology.as_slice() {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one.code()),
            many => Cow::Owned(many.iter().map(|t| t.code()).collect::<Vec<_>>().join("|")),
        },
        Column::Phone => opt(&place.contact.phone),
        Column::Emails => strings(&place.contact.emails),
        Column::Websites => strings(&place.contact.websites),
        Column::OpeningHours => {
            Cow::Borrowed(place.opening_hours.as_ref().map_or("", |h| h.as_str()))
        }
        Column::Summary => opt(&place.summary),
        Column::Description => opt(&place.description),
        Column::Source => opt(&place.source),
        Column::Mobility => list(&place.mobility),
        Column::ParentOrganisation => opt(&place.parent_organisation),
        Column::Services => list(&place.services),
        Column::Publics => list(&place.publics),
        Column::SpecificSupport => list(&place.specific_support),
        Column::Fees => list(&place.fees),
        Column::NationalProgrammes => list(&place.national_programmes),
        Column::TrainingLabels => list(&place.training_labels),
        Column::OtherLabels => strings(&place.other_labels),
        Column::AccessModes => list(&place.access_modes),
        Column::SupportModes => list(&place.support_modes),
        Column::AccessibilityUrl => opt(&place.accessibility_url),
        Column::BookingUrl => opt(&place.booking_url),
    }
}

/// Appends to `out` the value of a place in a column that is not a text of the place: its
/// coordinates and its date (nothing for the other columns). The CSV writer writes them into
/// its buffer without a `String` each.
pub(super) fn write_cell(place: &Place, column: Column, out: &mut String) {
    match (column, place.coordinates) {
        (Column::Latitude, Some(c)) => decimal(c.latitude(), out),
        (Column::Longitude, Some(c)) => decimal(c.longitude(), out),
        (Column::UpdatedOn, _) => date(place.updated_on, out),
        _ => {}
    }
}

/// Appends `value` as `f64`'s `Display` writes it (the shortest decimal that reads back as
/// `value`, never an exponent, no `.0`), by the `zmij` crate: several times fewer
/// instructions for a coordinate than `Display`'s algorithm. Both give the shortest digits,
/// but where several strings of 16 or 17 digits read back as `value` they may pick different
/// ones, and `zmij` writes exponents below 10⁻⁵ and from 10¹⁶: those values go through
/// `Display` (at most 15 significant digits make the shortest string unique). Property tests
/// compare the two on any `f64`.
fn decimal(value: f64, out: &mut String) {
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format(value);
    let text = text.strip_suffix(".0").unwrap_or(text);
    // The digits from the first to the last that is not a zero, and whether an exponent
    // follows them, in one pass.
    let (mut significant, mut zeros, mut exponent) = (0usize, None, false);
    for byte in text.bytes() {
        match (byte, zeros) {
            (b'0', None) => {}
            (b'0', Some(n)) => zeros = Some(n + 1),
            (b'1'..=b'9', n) => {
                significant += n.unwrap_or(0) + 1;
                zeros = Some(0);
            }
            (b'e', _) => exponent = true,
            _ => {}
        }
    }
    if !value.is_finite() || exponent || significant > 15 {
        let _ = write!(out, "{value}");
    } else {
        out.push_str(text);
    }
}

/// Appends `date` as `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it: by hand for years 0 to
/// 9999 (chrono's formatter interprets the pattern at each call, about 1,700 instructions a
/// date), through chrono for the others (a sign, or more than four digits).
fn date(date: NaiveDate, out: &mut String) {
    let (year, month, day) = (date.year(), date.month(), date.day());
    let Ok(year @ 0..=9999) = u32::try_from(year) else {
        let _ = write!(out, "{}", date.format("%Y-%m-%d"));
        return;
    };
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    for n in [year / 1000, year / 100, year / 10, year] {
        out.push(digit(n));
    }
    out.push('-');
    out.push(digit(month / 10));
    out.push(digit(month));
    out.push('-');
    out.push(digit(day / 10));
    out.push(digit(day));
}

/// `out` behind a 64 KB buffer: `serde_json` writes each key, quote and comma as a write of
/// its own, and a writer without a buffer of its own (or behind a wrapper, as the command
/// line's output is) paid a call per piece: 64 % of the instructions of writing 100,000
/// places as JSON (ARCHITECTURE.md). The caller sees its writer's errors, at the write or at
/// the final flush.
pub(super) fn buffered<W: std::io::Write>(out: W) -> std::io::BufWriter<W> {
    std::io::BufWriter::with_capacity(1 << 16, out)
}

/// A place as the standard's flat JSON record (schema order, absent values left out,
/// coordinates as numbers), then its columns outside the standard ([`Place::extra`], texts).
/// Serialize it with serde.
pub struct Record<'a>(pub &'a Place);

/// A place as a flat JSON record, with or without its coordinates (GeoJSON properties leave
/// them out) and its columns outside the standard.
pub(super) struct RecordWith<'a> {
    pub(super) place: &'a Place,
    pub(super) coordinates: bool,
    pub(super) extra: bool,
}

fn serialize_record<S: serde::Serializer>(
    place: &Place,
    with_coordinates: bool,
    with_extra: bool,
    s: S,
) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(None)?;
    for c in Column::ALL {
        match c {
            Column::Latitude | Column::Longitude => {
                if let (true, Some(co)) = (with_coordinates, place.coordinates) {
                    let v = if c == Column::Latitude {
                        co.latitude()
                    } else {
                        co.longitude()
                    };
                    map.serialize_entry(c.name(), &v)?;
                }
            }
            _ => {
                let v = cell(place, c);
                if !v.is_empty() {
                    map.serialize_entry(c.name(), &v)?;
                }
            }
        }
    }
    if with_extra {
        let mut written = rustc_hash::FxHashSet::default();
        for (name, value) in &place.extra {
            // Each key once (JSON keys are unique), never a standard column's name.
            if super::options::writable(name) && !value.is_empty() && written.insert(name.as_str())
            {
                map.serialize_entry(name, value)?;
            }
        }
    }
    map.end()
}

impl serde::Serialize for Record<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_record(self.0, true, true, s)
    }
}

impl serde::Serialize for RecordWith<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_record(self.place, self.coordinates, self.extra, s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn decimal(value: f64) -> String {
        let mut text = String::new();
        super::decimal(value, &mut text);
        text
    }

    fn date(d: NaiveDate) -> String {
        let mut text = String::new();
        super::date(d, &mut text);
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        /// Any `f64` (all bit patterns: subnormals, exponents, infinities, NaN) is written as
        /// `Display` writes it.
        #[test]
        fn decimals_are_those_of_display(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            prop_assert_eq!(decimal(value), value.to_string());
        }

        /// Coordinates as files give them (up to 8 decimals, whole degrees, halves) too.
        #[test]
        fn coordinates_are_written_as_display_writes_them(
            units in -180_000_000i64..=180_000_000,
            scale in prop_oneof![Just(1.0), Just(2.0), Just(1e3), Just(1e6), Just(1e8)],
        ) {
            let value = units as f64 / scale;
            prop_assert_eq!(decimal(value), value.to_string());
        }

        /// Decimals of at most 15 significant digits at every scale `zmij` writes without an
        /// exponent (and a little beyond), the values it writes itself.
        #[test]
        fn short_decimals_are_written_as_display_writes_them(
            digits in 1u64..1_000_000_000_000_000,
            exponent in -22i32..18,
            negative in any::<bool>(),
        ) {
            let text = format!("{}{digits}e{exponent}", if negative { "-" } else { "" });
            let value: f64 = text.parse().unwrap();
            prop_assert_eq!(decimal(value), value.to_string());
        }

        /// Any date chrono can hold, as `%Y-%m-%d` writes it.
        #[test]
        fn dates_are_those_of_chrono(days in -400_000i32..4_000_000) {
            if let Some(d) = NaiveDate::from_num_days_from_ce_opt(days) {
                prop_assert_eq!(date(d), d.format("%Y-%m-%d").to_string());
            }
        }
    }

    #[test]
    fn small_large_and_whole_numbers() {
        // 17 digits where two strings of that length read back as the value: `zmij` and
        // `Display` pick different ones (…299.2 and …299.3), so it goes through `Display`.
        let tie = f64::from_bits(14_057_265_450_375_100_717);
        for v in [
            0.0, -0.0, 45.0, -1.5, 1e-7, 1e-5, 1e15, 1e16, 1e22, 48.856614, tie,
        ] {
            assert_eq!(decimal(v), v.to_string(), "{v}");
        }
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(date(d(2024, 4, 2)), "2024-04-02");
        assert_eq!(date(d(7, 12, 31)), "0007-12-31");
        assert_eq!(
            date(d(-3, 1, 1)),
            d(-3, 1, 1).format("%Y-%m-%d").to_string()
        );
        assert_eq!(date(d(12345, 1, 1)), "+12345-01-01");
    }
}
