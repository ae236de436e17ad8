//! Validation of records against the standard, at two levels.
//!
//! * [`Level::Standard`] accepts exactly what the official validator (frictionless, against
//!   schema v1.0.2) accepts: required columns, `id` unique, the patterns of `pivot`,
//!   `code_postal`, `code_insee`, `telephone` and of the list columns, `number` and `date`
//!   types, and the 280-character limit of `presentation_resume`.
//! * [`Level::Strict`] adds what users need and the standard forgot: coordinates in range and
//!   in French territory (swapped coordinates get their own code), SIRET checksum and RNA
//!   format, e-mail and URL syntax, typologie codes, parseable opening hours, `date_maj` not in
//!   the future nor before 2000, code postal consistent with the département of the code INSEE.
//!   These are warnings, except coordinates out of range, which are unusable (errors).
//!
//! The checks are a catalogue, one module per family, each with its codes and an example:
//! [`checks`]. Every code is listed in [`codes`](crate::codes), every message in
//! [`messages`](crate::messages).
//!
//! Validation turns one record ([`FlatRecord`]) into a place and its
//! diagnostics; it knows nothing of files and reports. The readers ([`read`](crate::read)),
//! [`validate_records`](crate::validate_records) and [`RecordValidator`](crate::RecordValidator)
//! use it.
//!
//! ## Known defects of the standard, and what this crate does
//!
//! | defect | Standard level | Strict level | on write |
//! |---|---|---|---|
//! | the pattern of `formations_labels` spells `Étapes numériques(La Poste)` without a space, the description and the reference library with one | only the pattern's spelling is valid; the spaced spelling is an error `formations_labels.etapes_spelling` (kept as [`TrainingLabel::EtapesNumeriques`](crate::TrainingLabel::EtapesNumeriques) in lenient reading) | same | the pattern's spelling, so that written files pass the official validator |
//! | `ORDI 3.0`: the dot is not escaped, so `ORDI 3X0` matches | accepted as [`TrainingLabel::Ordi30`](crate::TrainingLabel::Ordi30) | warning `formations_labels.ordi_variant` | `ORDI 3.0` |
//! | `latitude`/`longitude` have no range | `95` is valid; the place is kept without coordinates and a warning `coordinates.out_of_range` | error `coordinates.out_of_range` | — |
//! | `pivot` admits any 9–14 letters or digits (no checksum), and RIDETs of 6–7 digits fail | as the pattern | SIRET checksum, RNA format, placeholder warnings | — |
//! | the services' description misspells `Comprehension du monde numérique` | only the accented label is valid | same | accented label |
//! | a leading `|` in a list is accepted, duplicates too | accepted (duplicates are kept) | same | no leading `|` |
//!
//! Two behaviours of the official validator are deliberately not reproduced, because no real
//! file relies on them and they would lose data: Python's `$` also matches before a final
//! newline (so `Gratuit\n` passes the official pattern; here it is an unknown label), and
//! Python's `\d` matches non-ASCII digits (here only ASCII digits are digits).
//!
//! ## Where this crate differs from the reference TypeScript library
//!
//! The library `@gouvfr-anct/lieux-de-mediation-numerique` 2.3.0 (`fromSchemaLieuDeMediationNumerique`)
//! is stricter than the standard on some fields and looser on others. This crate follows the
//! standard at the Standard level, and puts the library's extra checks at the Strict level,
//! as warnings, so that no place the standard accepts is lost:
//!
//! | input | library 2.3.0 | this crate (Standard) | why |
//! |---|---|---|---|
//! | `formations_labels = Étapes numériques (La Poste)` | valid | error `formations_labels.etapes_spelling` | the official validator rejects it |
//! | `formations_labels = Étapes numériques(La Poste)` | `FormationLabelError` | valid | the standard's pattern |
//! | `telephone = 03 26 00 00 00` (national form, spaces) | valid | error `pattern` | the standard requires `+33…` without spaces |
//! | `typologie = MAIRIE` / `AUTRE` | `TypologiesError` | valid (Strict: warning `typologie.unlisted`) | the standard does not restrict typologie |
//! | commune `Reims$`, address characters | `CommuneError`, `VoieError` | valid | no such constraint in the standard |
//! | latitude 95, longitude 200 | `LatitudeError` / `LongitudeError` | valid, coordinates dropped with a warning (Strict: error) | the standard has no range |
//! | malformed URL in `fiche_acces_libre` / `prise_rdv` | `UrlError` | valid (Strict: warning `url.syntax`) | not checked by the standard |
//! | `presentation_resume` of 300 characters | valid | error `max_length` | the standard's `maxLength: 280` |
//! | `date_maj = pas une date` | valid (Invalid Date) | error `date` | the standard's `date` type |
//! | invalid `frais_a_charge` / `itinerance` when there is no service | valid (dropped silently) | error `label` | the standard checks them; nothing is dropped silently |
//! | `services = ""` | `ServicesError` | valid (empty = absent) | frictionless treats an empty cell as absent |
//! | no services | `modalites_acces` forced to « Ce lieu n'accueille pas de public », other service-dependent fields dropped | kept as written | nothing is invented or dropped |
//! | duplicated list values | deduplicated (services, modalités d'accompagnement) | kept as written | lossless round trip |
//! | `pivot` with spaces `434 933 123 00029` | `PivotError` | error `pattern` | same verdict |

pub mod checks;
mod ids;
mod row;

use chrono::NaiveDate;
use inclusion_hours::HoursCache;

use crate::hours_fix::HoursSuggestions;

use crate::columns::Column;
use crate::diagnostic::Diagnostic;
use crate::place::{Address, Contact, Place};
use crate::record::FlatRecord;

use checks::{address, contact, coordinates, dates, hours, identifiers, text, vocabularies};
use row::Row;

/// How much to check (see the [module documentation](self)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[non_exhaustive]
pub enum Level {
    /// Exactly what the official validator of the standard checks.
    #[default]
    Standard,
    /// The standard, plus the checks it forgot (mostly warnings).
    Strict,
}

impl std::str::FromStr for Level {
    type Err = String;
    fn from_str(s: &str) -> Result<Level, String> {
        match s {
            "standard" => Ok(Level::Standard),
            "strict" => Ok(Level::Strict),
            _ => Err(format!(
                "unknown validation level '{s}': use 'standard' or 'strict'"
            )),
        }
    }
}

/// Builds places from records, row after row: each record gives a place (when it can be
/// kept) and its diagnostics. It remembers the ids seen (the standard's `unique` rule holds
/// across the file) and shares the parsed opening hours between rows.
#[derive(Debug)]
pub(crate) struct Validator {
    level: Level,
    lenient: bool,
    today: NaiveDate,
    seen_ids: ids::IdSet,
    /// The hash of the id of the row being validated, when no earlier row has that id.
    new_id: Option<u32>,
    hours: HoursCache,
    /// The OSM values suggested for French `horaires` (Strict level), once per distinct text.
    suggestions: HoursSuggestions,
}

impl Validator {
    pub(crate) fn new(level: Level, lenient: bool, today: NaiveDate) -> Validator {
        Validator {
            level,
            lenient,
            today,
            seen_ids: ids::IdSet::default(),
            new_id: None,
            hours: HoursCache::new(),
            suggestions: HoursSuggestions::new(),
        }
    }

    /// Room for `rows` more rows without growing the duplicate-id set.
    pub(crate) fn reserve(&mut self, rows: usize) {
        self.seen_ids.reserve(rows);
    }

    /// The hash of the id of the row just validated, when no earlier row has that id (it is
    /// now in the set of ids seen).
    pub(crate) fn new_id(&self) -> Option<u32> {
        self.new_id
    }

    /// Whether an id (of hash [`IdSet::hash`](ids::IdSet::hash)) was seen; `places` are the
    /// places this validator kept.
    pub(crate) fn has_seen(&self, hash: u32, id: &str, places: &[Place]) -> bool {
        self.seen_ids.contains(hash, id, places)
    }

    /// Validates one record: pushes its problems on `diags` and, when it can be kept, its place
    /// on `places`. `row_error` is an error the reader already found in the row. Returns
    /// whether the row has an error (a row kept in lenient reading can have one).
    pub(crate) fn accept(
        &mut self,
        rec: &mut FlatRecord<'_>,
        row: usize,
        row_error: bool,
        diags: &mut Vec<Diagnostic>,
        places: &mut Vec<Place>,
    ) -> bool {
        let before = places.len();
        let error = self.build(rec, row, row_error, diags, places);
        if places.len() > before {
            if let Some(hash) = self.new_id {
                self.seen_ids.insert_place(hash, before);
            }
        } else {
            // Not kept: the id is still in the record.
            self.remember_id(None, rec);
        }
        error
    }

    /// Validates one record on its own (see [`RecordValidator`](crate::RecordValidator)): the
    /// place when it can be kept, and whether the row has an error; every problem is pushed on
    /// `diags`.
    pub(crate) fn check(
        &mut self,
        rec: &mut FlatRecord<'_>,
        row: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> (Option<Place>, bool) {
        let mut place = None;
        let error = self.build(rec, row, false, diags, &mut place);
        self.remember_id(place.as_ref(), rec);
        (place, error)
    }

    /// Validates one record whose place is not wanted (a report that keeps no place): every
    /// problem pushed on `diags`, the id remembered, and no place built, which would copy its
    /// texts to free them at once. Whether a place would have been kept, and whether the row
    /// has an error: what [`Validator::check`] returns, without the place.
    pub(crate) fn verify(
        &mut self,
        rec: &mut FlatRecord<'_>,
        row: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> (bool, bool) {
        let mut would_keep = false;
        let error = self.build(rec, row, false, diags, &mut would_keep);
        self.remember_id(None, rec);
        (would_keep, error)
    }

    /// Remembers the id of the row just built, when new, as an id outside `places`: a later
    /// row with the same id is a duplicate for the standard, whether this row is kept or not.
    fn remember_id(&mut self, place: Option<&Place>, rec: &FlatRecord<'_>) {
        if let Some(hash) = self.new_id {
            let id = place.map(|p| p.id.as_str());
            if let Some(id) = id.or_else(|| rec.cell(Column::Id)) {
                self.seen_ids.insert_other(hash, id);
            }
        }
    }

    /// Runs the checks of the [catalogue](checks) on one record, in column order; gives the
    /// place to `kept` when it can be kept (no error, `row_error` included, or lenient
    /// reading), and returns whether the row has an error. Sets `new_id`.
    ///
    /// The place goes straight into `kept` (the report's vector when places are kept): built,
    /// returned and then pushed, it was copied twice (664 bytes each time). `kept` is a trait
    /// object so that `build` stays one function: two instances of a generic `build` call each
    /// check from two places, and the compiler then stopped inlining them (ARCHITECTURE.md).
    fn build(
        &mut self,
        rec: &mut FlatRecord<'_>,
        row: usize,
        row_error: bool,
        diags: &mut Vec<Diagnostic>,
        kept: &mut dyn Kept,
    ) -> bool {
        self.new_id = None;
        let strict = self.level == Level::Strict;
        let mut r = Row::new(&*rec, row, diags, strict, self.lenient);
        if text::blank_row(&mut r) {
            return true;
        }
        let (id, new_id) = identifiers::id(&mut r, &self.seen_ids, kept.places());
        self.new_id = new_id;
        let pivot = identifiers::pivot(&mut r);
        let name = text::required(&mut r, Column::Name).is_some();
        let commune = text::required(&mut r, Column::Commune).is_some();
        let (_, postcode) = address::postcode(&mut r);
        let street = text::required(&mut r, Column::Street).is_some();
        let insee = address::insee_code(&mut r);
        address::consistency(&mut r, postcode, insee);
        let coordinates = coordinates::coordinates(&mut r);
        let typology = vocabularies::typology(&mut r);
        let phone_ok = contact::phone(&mut r);
        contact::emails(&mut r);
        contact::websites(&mut r);
        let opening_hours = hours::opening_hours(&mut r, &mut self.hours, &mut self.suggestions);
        let summary_ok = text::summary(&mut r);
        let mobility = vocabularies::list(&mut r, Column::Mobility);
        let updated_on = dates::updated_on(&mut r, self.today);
        let services = vocabularies::list(&mut r, Column::Services);
        let publics = vocabularies::list(&mut r, Column::Publics);
        let specific_support = vocabularies::list(&mut r, Column::SpecificSupport);
        let fees = vocabularies::list(&mut r, Column::Fees);
        let national_programmes = vocabularies::list(&mut r, Column::NationalProgrammes);
        let training_labels = vocabularies::training_labels(&mut r);
        let access_modes = vocabularies::list(&mut r, Column::AccessModes);
        let support_modes = vocabularies::list(&mut r, Column::SupportModes);
        contact::links(&mut r);

        // An error the reader found in the row counts as the checks' own.
        let (error, fatal) = (r.error || row_error, r.fatal);
        let insee_ok = insee.is_some();
        if fatal || (error && !self.lenient) {
            return error;
        }
        let Some(updated_on) = updated_on.filter(|_| id && pivot && name && commune && street)
        else {
            return true;
        };
        if !kept.wants_place() {
            kept.count();
            return error;
        }
        // Every check is done: move the texts out of the record (no copy when it owns them).
        let mut take = |c: Column| rec.take(c);
        kept.keep(Place {
            id: take(Column::Id).unwrap_or_default(),
            pivot: take(Column::Pivot).unwrap_or_default(),
            name: take(Column::Name).unwrap_or_default(),
            address: Address {
                street: take(Column::Street).unwrap_or_default(),
                complement: take(Column::AddressComplement),
                postcode: take(Column::Postcode).unwrap_or_default(),
                insee_code: take(Column::InseeCode).filter(|_| insee_ok),
                commune: take(Column::Commune).unwrap_or_default(),
            },
            coordinates,
            typology,
            contact: Contact {
                phone: take(Column::Phone).filter(|_| phone_ok),
                emails: rec.take_list(Column::Emails),
                websites: rec.take_list(Column::Websites),
            },
            opening_hours,
            summary: rec.take(Column::Summary).filter(|_| summary_ok),
            description: rec.take(Column::Description),
            source: rec.take(Column::Source),
            mobility,
            parent_organisation: rec.take(Column::ParentOrganisation),
            updated_on,
            services,
            publics,
            specific_support,
            fees,
            national_programmes,
            training_labels,
            other_labels: rec.take_list(Column::OtherLabels),
            access_modes,
            support_modes,
            accessibility_url: rec.take(Column::AccessibilityUrl),
            booking_url: rec.take(Column::BookingUrl),
            extra: std::mem::take(&mut rec.extra),
        });
        error
    }
}

/// Where [`Validator::build`] gives a place it keeps: the report's vector, or the one place of
/// a record validated on its own.
trait Kept {
    /// The places kept before this one (where a duplicate id is looked for).
    fn places(&self) -> &[Place];
    /// Keeps the place.
    fn keep(&mut self, place: Place);
    /// Whether the place is wanted: when not, [`Validator::build`] stops once every check is
    /// done and calls [`Kept::count`] where it would have built the place.
    fn wants_place(&self) -> bool {
        true
    }
    /// A place that would have been kept, not built ([`Kept::wants_place`]).
    fn count(&mut self) {}
}

impl Kept for Vec<Place> {
    fn places(&self) -> &[Place] {
        self
    }

    #[inline]
    fn keep(&mut self, place: Place) {
        self.push(place);
    }
}

/// No place wanted ([`Validator::verify`]): whether one would have been kept.
impl Kept for bool {
    fn places(&self) -> &[Place] {
        &[]
    }

    fn keep(&mut self, _: Place) {
        *self = true;
    }

    fn wants_place(&self) -> bool {
        false
    }

    fn count(&mut self) {
        *self = true;
    }
}

impl Kept for Option<Place> {
    fn places(&self) -> &[Place] {
        &[]
    }

    #[inline]
    fn keep(&mut self, place: Place) {
        *self = Some(place);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::diagnostic::Severity;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    fn record(fields: &[(&str, &str)]) -> FlatRecord<'static> {
        let mut r = FlatRecord::new();
        for (k, v) in [
            ("id", "p1"),
            ("pivot", "43493312300029"),
            ("nom", "Mairie"),
            ("commune", "Reims"),
            ("code_postal", "51100"),
            ("adresse", "1 place X"),
            ("date_maj", "2024-04-02"),
        ] {
            r.set(k, v.to_owned());
        }
        for (k, v) in fields {
            r.set(k, v.to_string());
        }
        r
    }

    /// A diagnostic as `(row, column, code, severity)`.
    type Found = (usize, Option<String>, &'static str, Severity);

    /// Validates records in order as a reader does; the places kept and every diagnostic.
    fn accept_all(
        level: Level,
        lenient: bool,
        records: Vec<FlatRecord<'static>>,
    ) -> (Vec<Place>, Vec<Found>) {
        let mut v = Validator::new(level, lenient, today());
        let (mut places, mut diags) = (Vec::new(), Vec::new());
        for (i, mut r) in records.into_iter().enumerate() {
            v.accept(&mut r, i + 1, false, &mut diags, &mut places);
        }
        let diags = diags
            .iter()
            .map(|d: &Diagnostic| {
                let column = d.column().map(str::to_owned);
                (d.row().unwrap_or(0), column, d.code(), d.severity())
            })
            .collect();
        (places, diags)
    }

    #[test]
    fn a_valid_record_gives_its_place_and_nothing_else() {
        let (places, diags) = accept_all(Level::Strict, false, vec![record(&[])]);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(places.len(), 1);
        assert_eq!(places[0].address.postcode, "51100");
    }

    #[test]
    fn an_id_is_taken_by_a_row_whether_it_is_kept_or_not() {
        let records = vec![
            record(&[("code_postal", "5110")]), // p1, not kept
            record(&[]),                        // p1 again: a duplicate
            record(&[("id", "p2")]),
        ];
        let (places, diags) = accept_all(Level::Standard, false, records);
        let codes: Vec<_> = diags.iter().map(|d| (d.0, d.2)).collect();
        assert_eq!(codes, [(1, "pattern"), (2, "unique")]);
        assert_eq!(places.len(), 1);
        assert_eq!(places[0].id, "p2");
    }

    #[test]
    fn lenient_reading_drops_bad_optional_values_not_places_with_bad_required_ones() {
        let bad_phone = record(&[("telephone", "03 26 00 00 00"), ("code_insee", "20004")]);
        let bad_postcode = record(&[("id", "p2"), ("code_postal", "5110")]);
        let (places, diags) = accept_all(Level::Standard, true, vec![bad_phone, bad_postcode]);
        assert_eq!(places.len(), 1);
        assert_eq!(places[0].contact.phone, None);
        assert_eq!(places[0].address.insee_code, None);
        assert_eq!(diags.len(), 3);
        assert!(diags.iter().all(|d| d.3 == Severity::Error));
    }

    #[test]
    fn an_error_found_by_the_reader_keeps_the_place_out_unless_lenient() {
        for lenient in [false, true] {
            let mut v = Validator::new(Level::Standard, lenient, today());
            let (mut places, mut diags) = (Vec::new(), Vec::new());
            let error = v.accept(&mut record(&[]), 2, true, &mut diags, &mut places);
            assert!(error);
            assert!(diags.is_empty());
            assert_eq!(places.len(), usize::from(lenient));
        }
    }

    #[test]
    fn check_gives_the_place_back_and_remembers_its_id() {
        let mut v = Validator::new(Level::Standard, false, today());
        let mut diags = Vec::new();
        let (place, error) = v.check(&mut record(&[]), 1, &mut diags);
        assert!(!error && place.is_some() && diags.is_empty());
        let (place, error) = v.check(&mut record(&[]), 2, &mut diags);
        assert!(error && place.is_none());
        assert_eq!(diags[0].code(), crate::codes::UNIQUE);
        assert_eq!(diags[0].row(), Some(2));
    }

    #[test]
    fn a_blank_record_is_one_error_and_nothing_more() {
        let (places, diags) = accept_all(Level::Strict, true, vec![FlatRecord::new()]);
        assert!(places.is_empty());
        assert_eq!(diags, [(1, None, crate::codes::BLANK_ROW, Severity::Error)]);
    }

    fn field() -> impl Strategy<Value = (&'static str, &'static str)> {
        prop::sample::select(vec![
            ("pivot", "00000000000000"),
            ("pivot", "43493312300028"),
            ("pivot", "12"),
            ("code_postal", "75001"),
            ("code_insee", "51454"),
            ("latitude", "95"),
            ("latitude", "4.0317"),
            ("longitude", "49.2583"),
            ("courriels", "contact@mairie"),
            ("site_web", "www.mairie.fr"),
            ("telephone", "0326000000"),
            ("date_maj", "2027-01-01"),
            ("date_maj", "1970-01-01"),
            ("frais_a_charge", "gratuit"),
            ("typologie", "MAIRIE"),
            ("formations_labels", "ORDI 3X0"),
            ("horaires", "le matin"),
            ("nom", ""),
        ])
    }

    proptest! {
        /// The Strict level only adds: every Standard problem is found at the Strict level too
        /// (out-of-range coordinates become an error there), and a place the Strict level keeps
        /// is the place the Standard level keeps.
        #[test]
        fn the_strict_level_adds_to_the_standard_level(
            records in prop::collection::vec(prop::collection::vec(field(), 0..4), 1..6),
            lenient in any::<bool>(),
        ) {
            let records: Vec<_> = records
                .iter()
                .enumerate()
                .map(|(i, fields)| {
                    let id = format!("p{i}");
                    let mut r = record(fields);
                    r.set("id", id);
                    r
                })
                .collect();
            let (standard_places, standard) = accept_all(Level::Standard, lenient, records.clone());
            let (strict_places, strict) = accept_all(Level::Strict, lenient, records);
            for d in &standard {
                let found = strict.iter().any(|s| {
                    (s.0, &s.1, s.2) == (d.0, &d.1, d.2)
                        && (s.3 == d.3 || s.2 == crate::codes::COORDINATES_OUT_OF_RANGE)
                });
                prop_assert!(found, "{:?} not found at the Strict level: {:?}", d, strict);
            }
            for p in &strict_places {
                prop_assert!(standard_places.contains(p));
            }
        }
    }
}
