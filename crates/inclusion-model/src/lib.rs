//! # inclusion-model
//!
//! The national open-data standard of the "lieux de médiation numérique" (schéma de données
//! des lieux de médiation numérique, v1.0.2), as typed Rust values:
//!
//! * [`Place`]: a place that helps people with digital tools, with the 32 fields of the standard;
//! * one enum per closed vocabulary ([`Service`], [`Public`], [`SpecificSupport`], [`Fee`],
//!   [`Mobility`], [`NationalProgramme`], [`TrainingLabel`], [`AccessMode`], [`SupportMode`])
//!   and the [`Typology`] codes, with the exact French labels on the wire; a list of them is a
//!   [`Labels`] (in file order, held inline: no allocation);
//! * [`Column`]: the 32 columns of the standard, their titles and constraints;
//! * [`Criteria`]: the help to look for, in the standard's vocabularies (any-of lists,
//!   exclusions, and their compiled bit masks), shared by the nearest-help index, the skills
//!   diagnostic and coverage;
//! * [`read`]: CSV and JSON files (BOM, `;` delimiter and Windows-1252 detected and
//!   reported), every problem a [`Diagnostic`] with row, column, value, stable
//!   [code](codes) and a message in French and English ([`messages`]: one table, rendered
//!   when printed) — a bad row never stops the file, and a report keeps the first 1,000
//!   problems of each code with exact counts; records parsed elsewhere go through the same
//!   rules as [`FlatRecord`]s, all at once ([`validate_records`]) or one at a time
//!   ([`RecordValidator`]); a large CSV file is read in parts on several threads
//!   ([`ReadOptions::threads`]) with exactly the report of one, and a caller that goes
//!   through the places in order can keep each part's places apart ([`read_bytes_parted`]);
//!   a CSV file on disk is read a chunk at a time ([`read_path`]), its progress counted for a
//!   bar ([`read_path_with_progress`]);
//! * [`validate`]: two levels, [`Level::Standard`] (exactly the official validator's verdicts)
//!   and [`Level::Strict`] (what the standard forgot: territory, SIRET checksum, e-mail/URL
//!   syntax...), with the standard's defects and the reference library's differences tabled;
//!   the checks are a catalogue ([`validate::checks`]), one family per module;
//! * [`syntax`]: one implementation of each syntax check of the field (SIRET, RNA, e-mail,
//!   web address, phone, postcode, code INSEE, dates and numbers as the official validator
//!   reads them), shared by the validator and the exports;
//! * [`migrate`]: v0.1 files detected and migrated to v1.0.2, every loss reported;
//! * [`redact`]: e-mail addresses and mobile phone numbers removed before a file is shared;
//! * [`hours_fix`]: `horaires` written in French, and the OSM value to write instead;
//! * [`render`]: a validation report as text for people, in French or English;
//! * [`write`](mod@write): canonical CSV v1.0.2 (idempotent byte for byte), JSON records, GeoJSON;
//!
//! ```
//! use inclusion_model::{read_csv_str, to_csv_string, ReadOptions, Service, SupportMode};
//!
//! let csv = "\
//! id,pivot,nom,commune,code_postal,adresse,date_maj,services,modalites_accompagnement
//! p1,43493312300029,Médiathèque,Reims,51100,1 rue X,2024-04-02,Aide aux démarches administratives,En autonomie|À distance
//! p2,43493312300029,Mairie,Reims,51100,2 rue Y,2024-04-02,Aide aux demarches,
//! ";
//! let report = read_csv_str(csv, &ReadOptions::default());
//! assert_eq!((report.rows, report.places.len()), (2, 1));
//! let place = &report.places[0];
//! assert!(place.offers(Service::AdministrativeProcedures));
//! assert_eq!(place.support_modes, [SupportMode::SelfService, SupportMode::Remote]);
//! // The bad label of row 3 is reported, with the valid values.
//! let d = report.errors().next().unwrap();
//! assert_eq!((d.row(), d.column(), d.code()), (Some(3), Some("services"), "label"));
//! assert!(d.message_en().contains("Valid values: Aide aux démarches administratives"));
//! // Canonical CSV v1.0.2 out.
//! assert!(to_csv_string(&report.places)?.starts_with("\"id\",\"pivot\""));
//! # Ok::<(), inclusion_model::ModelError>(())
//! ```
//!
//! * [`hours`] (the `inclusion-hours` crate) and the opening-hours methods of [`Place`]: the
//!   `horaires` field evaluated — open now?, next opening and closing, a week
//!   for display — in the place's own time zone with its public holidays, a 672-bit weekly
//!   form for fast "open at" filters, and weekly timetables to and from OSM strings:
//!
//! ```
//! use inclusion_model::{Address, OpeningHours, Place};
//! use chrono::{NaiveDate, TimeZone, Utc};
//!
//! let mut place = Place::new("p1", "00000000000000", "France Services",
//!     Address::new("2 place de la Mairie", "97300", "Cayenne"),
//!     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
//! place.opening_hours = Some(OpeningHours::new("Mo-Fr 08:00-12:00; PH off"));
//! let t = Utc.with_ymd_and_hms(2026, 6, 10, 12, 0, 0).unwrap(); // 09:00 in Cayenne
//! assert!(!place.is_open_at(t)); // 10 June: abolition day in Guyane
//! assert_eq!(place.next_opening(t).unwrap().to_string(), "2026-06-11 08:00:00 -03");
//! ```

mod bytes;
pub mod codes;
pub mod columns;
pub mod criteria;
pub mod diagnostic;
pub mod error;
pub mod hours_fix;
pub mod labels;
mod legacy;
pub mod messages;
pub mod migrate;
pub mod place;
mod place_hours;
pub mod printable;
pub mod read;
pub mod record;
pub mod redact;
pub mod render;
pub mod syntax;
pub mod typology;
pub mod validate;
pub mod vocab;
pub mod wire;
pub mod write;

pub use columns::{Column, ColumnKind};
/// The text type of a [`Place`]'s fields: a `str` of up to 24 bytes kept inline (codes, names,
/// phone numbers), a longer one on the heap; it derefs to `str` and converts from `&str` and
/// `String` (`.into()`). From the `compact_str` crate.
pub use compact_str::CompactString;
pub use criteria::Criteria;
pub use diagnostic::{Diagnostic, Severity};
pub use error::ModelError;
/// Opening hours: the `inclusion-hours` crate, whose types the places hold.
pub use inclusion_hours as hours;
pub use inclusion_hours::{
    HoursCache, Lang, Locale, OpeningHours, State, Territory, Timetable, WeekBitmap, WeeklyForm,
};
pub use labels::Labels;
pub use migrate::{SchemaVersion, VersionChoice};
pub use place::{Address, Contact, Coordinates, Place};
pub use read::{
    CheckedRecord, CodeCount, DEFAULT_MAX_DIAGNOSTICS_PER_CODE, Format, PartedReport, ReadOptions,
    ReadProgress, ReadReport, RecordValidator, join_parts, read_bytes, read_bytes_parted,
    read_csv_str, read_json_slice, read_path, read_path_parted, read_path_with_progress,
    validate_records,
};
#[doc(hidden)]
pub use read::{read_csv_in_parts, read_path_in_chunks, read_path_in_chunks_paced};
pub use record::FlatRecord;
pub use typology::Typology;
pub use validate::Level;
pub use vocab::{
    AccessMode, Fee, Mobility, NationalProgramme, Public, Service, SpecificSupport, SupportMode,
    TrainingLabel, UnknownLabel, Vocabulary,
};
pub use write::{
    Record, WriteOptions, to_csv_string, to_geojson_string, to_json_string, write_csv,
    write_csv_with, write_geojson, write_geojson_with, write_json, write_json_with,
};

/// The examples of the crate's README, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
