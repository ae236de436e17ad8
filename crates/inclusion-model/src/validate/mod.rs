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
//! Every code is listed in [`codes`].
//!
//! ## Known defects of the standard, and what this crate does
//!
//! | defect | Standard level | Strict level | on write |
//! |---|---|---|---|
//! | the pattern of `formations_labels` spells `Étapes numériques(La Poste)` without a space, the description and the reference library with one | only the pattern's spelling is valid; the spaced spelling is an error `formations_labels.etapes_spelling` (kept as [`TrainingLabel::EtapesNumeriques`] in lenient reading) | same | the pattern's spelling, so that written files pass the official validator |
//! | `ORDI 3.0`: the dot is not escaped, so `ORDI 3X0` matches | accepted as [`TrainingLabel::Ordi30`] | warning `formations_labels.ordi_variant` | `ORDI 3.0` |
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

mod ids;
mod record;
pub(crate) mod rules;
mod stream;

pub use record::FlatRecord;
pub use stream::{CheckedRecord, RecordValidator};
pub(crate) mod strict;
pub use strict::{PivotKind, email as is_email, pivot_kind, url as is_url};

use chrono::NaiveDate;

use crate::codes;
use crate::columns::Column;
use crate::diagnostic::{Diagnostic, Severity};
use crate::hours::HoursCache;
use crate::labels::Labels;
use crate::place::{Address, Contact, Coordinates, Place};
use crate::typology::Typology;
use crate::vocab::{TrainingLabel, Vocabulary, expected_labels};

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

/// Validates records already split into columns (see [`FlatRecord`]); rows are numbered from 1.
///
/// The records are consumed: the texts they own move into the places without copy.
pub fn validate_records<'a>(
    records: impl IntoIterator<Item = FlatRecord<'a>>,
    options: &crate::ReadOptions,
) -> crate::ReadReport {
    let mut report = crate::ReadReport::new(crate::Format::Json);
    let records = records.into_iter();
    let mut validator = Validator::new(options.level, options.lenient, options.today());
    validator.reserve(records.size_hint().0, &mut report);
    for (i, mut r) in records.into_iter().enumerate() {
        validator.accept(&mut r, i + 1, false, &mut report);
    }
    report
}

/// Builds places from records, row after row, collecting diagnostics.
#[derive(Debug)]
pub(crate) struct Validator {
    level: Level,
    lenient: bool,
    today: NaiveDate,
    seen_ids: ids::IdSet,
    /// The hash of the id of the row being validated, when no earlier row has that id.
    new_id: Option<u32>,
    hours: HoursCache,
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
        }
    }

    /// Room for `rows` more rows without growing the report's places or the duplicate-id set.
    pub(crate) fn reserve(&mut self, rows: usize, report: &mut crate::ReadReport) {
        report.places.reserve(rows);
        self.seen_ids.reserve(rows);
    }

    /// Validates one record and adds its place (when it can be kept) and its problems to the
    /// report. `row_error` is an error already found by the reader for this row.
    pub(crate) fn accept(
        &mut self,
        rec: &mut FlatRecord<'_>,
        row: usize,
        row_error: bool,
        report: &mut crate::ReadReport,
    ) {
        report.rows += 1;
        let (place, error) = self.build(rec, row, &mut report.diagnostics, &report.places);
        let error = error || row_error;
        if error {
            report.invalid_rows += 1;
        }
        match place {
            Some(p) if !error || self.lenient => {
                report.places.push(p);
                let index = report.places.len() - 1;
                if let Some(hash) = self.new_id {
                    self.seen_ids.insert_place(hash, index);
                }
            }
            other => self.remember_id(other.as_ref(), rec),
        }
    }

    /// Validates one record on its own (see [`RecordValidator`]): the place when it can be
    /// kept, and whether the row has an error; every problem is pushed on `diags`.
    pub(crate) fn check(
        &mut self,
        rec: &mut FlatRecord<'_>,
        row: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> (Option<Place>, bool) {
        let (place, error) = self.build(rec, row, diags, &[]);
        self.remember_id(place.as_ref(), rec);
        (place.filter(|_| !error || self.lenient), error)
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

    /// Validates one record; returns the place when it can be kept, and pushes every problem.
    /// Also returns whether the row has an error (a row kept in lenient reading can have one),
    /// and sets `new_id` for the row.
    fn build(
        &mut self,
        rec: &mut FlatRecord<'_>,
        row: usize,
        diags: &mut Vec<Diagnostic>,
        places: &[Place],
    ) -> (Option<Place>, bool) {
        self.new_id = None;
        let mut r = Row {
            row,
            rec: &*rec,
            diags,
            strict: self.level == Level::Strict,
            lenient: self.lenient,
            error: false,
            fatal: false,
        };

        if rec.is_blank() {
            r.push(
                Diagnostic::new(
                    Severity::Error,
                    codes::BLANK_ROW,
                    "Ligne vide : toutes les cellules sont vides. Supprimez-la.",
                    "Blank row: every cell is empty. Remove it.",
                ),
                None,
            );
            return (None, true);
        }

        let id = r.required(Column::Id).is_some();
        if let Some(id) = r.get(Column::Id) {
            let hash = ids::IdSet::hash(id);
            if self.seen_ids.contains(hash, id, places) {
                r.error(
                Column::Id,
                id,
                codes::UNIQUE,
                format!("L'identifiant « {id} » est déjà utilisé par une ligne précédente : chaque lieu doit avoir un id unique."),
                format!("The id '{id}' is already used by an earlier row: every place needs a unique id."),
            );
            } else {
                self.new_id = Some(hash);
            }
        }
        let pivot = r.required(Column::Pivot).is_some();
        if let Some(p) = r.get(Column::Pivot) {
            if !rules::pivot(p) {
                r.pattern_error(Column::Pivot, p, "9 à 14 lettres ou chiffres sans espace (SIRET de 14 chiffres, ou RNA W + 9 caractères)", "9 to 14 letters or digits without spaces (a 14-digit SIRET, or an RNA number W + 9 characters)");
            } else if r.strict {
                r.check_pivot(p);
            }
        }
        let name = r.required(Column::Name).is_some();
        let commune = r.required(Column::Commune).is_some();
        let postcode = r.required(Column::Postcode);
        if let Some(p) = postcode
            && !rules::postcode(p)
        {
            r.pattern_error(
                Column::Postcode,
                p,
                "5 chiffres, par exemple 51100",
                "5 digits, e.g. 51100",
            );
        }
        let street = r.required(Column::Street).is_some();
        let insee = r.get(Column::InseeCode);
        let mut insee_ok = None;
        if let Some(c) = insee {
            if rules::insee_code(c) {
                insee_ok = Some(c);
            } else {
                r.pattern_error(Column::InseeCode, c, "5 caractères : 2 chiffres (ou 2A/2B en Corse) puis 3 chiffres, par exemple 51454 ou 2A004", "5 characters: 2 digits (or 2A/2B in Corsica) then 3 digits, e.g. 51454 or 2A004");
            }
        }
        if r.strict
            && let (Some(p), Some(c)) = (postcode.filter(|p| rules::postcode(p)), insee_ok)
            && !strict::postcode_matches_insee(p, c)
        {
            r.warn(Column::Postcode, p, codes::POSTCODE_INSEE_MISMATCH,
                format!("Le code postal {p} n'est pas dans le département du code INSEE {c} : vérifiez l'un des deux."),
                format!("Postcode {p} is not in the département of INSEE code {c}: check both."));
        }

        let coordinates = r.coordinates();
        let typology = r.typology();
        let phone_ok = r.get(Column::Phone).is_none_or(|t| {
            if rules::phone(t) {
                true
            } else {
                r.pattern_error(Column::Phone, t, "un seul numéro au format international sans espace ni 0 initial, par exemple +33180059880 (indicatifs +33, +590, +594, +262, +596, +269, +687, +689, +508, +681)", "one number in international form without spaces or leading 0, e.g. +33180059880 (codes +33, +590, +594, +262, +596, +269, +687, +689, +508, +681)");
                false
            }
        });
        if let (true, Some(list)) = (r.strict, r.get(Column::Emails)) {
            for e in rules::list_items(list).filter(|i| !i.is_empty()) {
                if !strict::email(e) {
                    r.warn(Column::Emails, e, codes::EMAIL_SYNTAX,
                        format!("« {e} » n'est pas une adresse électronique valide (attendu : nom@domaine.fr)."),
                        format!("'{e}' is not a valid e-mail address (expected: name@domain.fr)."));
                }
            }
        }
        if let (true, Some(list)) = (r.strict, r.get(Column::Websites)) {
            for u in rules::list_items(list).filter(|i| !i.is_empty()) {
                r.check_url(Column::Websites, u);
            }
        }
        let opening_hours = r.get(Column::OpeningHours).map(|h| {
            let oh = self.hours.get(h);
            if r.strict
                && let Some(why) = oh.parse_error()
            {
                r.warn(Column::OpeningHours, h, codes::HOURS_SYNTAX,
                    format!("Les horaires ne suivent pas la syntaxe OpenStreetMap opening_hours ({why}) : le texte est gardé mais ne peut pas être évalué."),
                    format!("The opening hours are not valid OpenStreetMap opening_hours syntax ({why}): the text is kept but cannot be evaluated."));
            }
            oh
        });
        let summary_ok = r.get(Column::Summary).is_none_or(|s| {
            let n = rules::char_len(s);
            if n > 280 {
                r.error(Column::Summary, s, codes::MAX_LENGTH,
                    format!("La présentation résumée fait {n} caractères ; le standard en autorise 280 au plus. Raccourcissez-la ou déplacez la suite dans presentation_detail."),
                    format!("The summary is {n} characters long; the standard allows at most 280. Shorten it or move the rest to presentation_detail."));
                false
            } else {
                true
            }
        });
        let mobility = r.vocab_list(Column::Mobility);
        let updated_on = r.updated_on(self.today);
        let services = r.vocab_list(Column::Services);
        let publics = r.vocab_list(Column::Publics);
        let specific_support = r.vocab_list(Column::SpecificSupport);
        let fees = r.vocab_list(Column::Fees);
        let national_programmes = r.vocab_list(Column::NationalProgrammes);
        let training_labels = r.training_labels();
        let access_modes = r.vocab_list(Column::AccessModes);
        let support_modes = r.vocab_list(Column::SupportModes);
        if r.strict {
            for c in [Column::AccessibilityUrl, Column::BookingUrl] {
                if let Some(u) = r.get(c) {
                    r.check_url(c, u);
                }
            }
        }

        let error = r.error;
        let fatal = r.fatal;
        let insee_ok = insee_ok.is_some();
        if fatal || (error && !self.lenient) {
            return (None, error);
        }
        let Some(updated_on) = updated_on.filter(|_| id && pivot && name && commune && street)
        else {
            return (None, true);
        };
        // Every check is done: move the texts out of the record (no copy when it owns them).
        let mut take = |c: Column| rec.take(c);
        let place = Place {
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
        };
        (Some(place), error)
    }
}

/// The state of the row being validated.
struct Row<'r, 'a> {
    row: usize,
    rec: &'r FlatRecord<'a>,
    diags: &'r mut Vec<Diagnostic>,
    strict: bool,
    lenient: bool,
    /// The row has an error (it is invalid for the standard).
    error: bool,
    /// The row cannot be kept even in lenient reading (a required column is unusable).
    fatal: bool,
}

impl<'r, 'a> Row<'r, 'a> {
    fn get(&self, c: Column) -> Option<&'r str> {
        self.rec.cell(c)
    }

    fn push(&mut self, d: Diagnostic, column: Option<(Column, &str)>) {
        let mut d = d.at_row(self.row);
        if let Some((c, v)) = column {
            d = d.in_column(c.name()).with_value(v);
        }
        self.diags.push(d);
    }

    fn error(&mut self, c: Column, value: &str, code: &'static str, fr: String, en: String) {
        self.error = true;
        let (fr, en) = if c.is_required() || c == Column::Id {
            self.fatal = true;
            (fr, en)
        } else if self.lenient {
            (
                format!("{fr} Valeur ignorée (lecture tolérante)."),
                format!("{en} Value dropped (lenient reading)."),
            )
        } else {
            (fr, en)
        };
        self.push(
            Diagnostic::new(Severity::Error, code, fr, en),
            Some((c, value)),
        );
    }

    fn warn(&mut self, c: Column, value: &str, code: &'static str, fr: String, en: String) {
        self.push(
            Diagnostic::new(Severity::Warning, code, fr, en),
            Some((c, value)),
        );
    }

    fn pattern_error(&mut self, c: Column, value: &str, expected_fr: &str, expected_en: &str) {
        self.error(
            c,
            value,
            codes::PATTERN,
            format!(
                "La valeur « {value} » de {} ne respecte pas le format du standard : {expected_fr}.",
                c.name()
            ),
            format!(
                "The value '{value}' of {} does not match the standard's format: {expected_en}.",
                c.name()
            ),
        );
    }

    fn required(&mut self, c: Column) -> Option<&'r str> {
        let v = self.get(c);
        if v.is_none() {
            self.error = true;
            self.fatal = true;
            self.push(
                Diagnostic::new(
                    Severity::Error,
                    codes::REQUIRED,
                    format!(
                        "La colonne obligatoire {} (« {} ») est vide : renseignez-la.",
                        c.name(),
                        c.title()
                    ),
                    format!(
                        "The required column {} ('{}') is empty: fill it in.",
                        c.name(),
                        c.title()
                    ),
                )
                .in_column(c.name()),
                None,
            );
        }
        v
    }

    fn typology(&mut self) -> Vec<Typology> {
        let Some(s) = self.get(Column::Typology) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in rules::list_items(s).filter(|i| !i.is_empty()) {
            let t = Typology::listed(item).unwrap_or_else(|| Typology::Unlisted(item.to_owned()));
            if self.strict && !t.is_listed() {
                self.warn(Column::Typology, item, codes::TYPOLOGY_UNLISTED,
                    format!("« {item} » n'est pas l'un des 92 codes de typologie de la bibliothèque de référence (data·inclusion) ; il est gardé tel quel."),
                    format!("'{item}' is not one of the 92 typologie codes of the reference library (data·inclusion); it is kept as written."));
            }
            out.push(t);
        }
        out
    }

    fn vocab_list<V: Vocabulary>(&mut self, c: Column) -> Labels<V> {
        let Some(s) = self.get(c) else {
            return Labels::new();
        };
        let mut out = Labels::new();
        for item in rules::list_items(s) {
            match V::from_label(item) {
                Some(v) => out.push(v),
                None => self.label_error::<V>(c, s, item),
            }
        }
        out
    }

    fn label_error<V: Vocabulary>(&mut self, c: Column, cell: &str, item: &str) {
        let (fr, en) = label_problem::<V>(item);
        self.error(
            c,
            cell,
            codes::LABEL,
            format!("{fr} Valeurs admises : {}.", expected_labels::<V>()),
            format!("{en} Valid values: {}.", expected_labels::<V>()),
        );
    }

    fn training_labels(&mut self) -> Labels<TrainingLabel> {
        let c = Column::TrainingLabels;
        let Some(s) = self.get(c) else {
            return Labels::new();
        };
        let mut out = Labels::new();
        for item in rules::list_items(s) {
            if let Some(v) = TrainingLabel::from_label(item) {
                out.push(v);
            } else if item == TrainingLabel::ETAPES_NUMERIQUES_SPACED {
                self.error(c, s, codes::ETAPES_SPELLING,
                    "« Étapes numériques (La Poste) » s'écrit « Étapes numériques(La Poste) », sans espace, dans le motif du standard v1.0.2 : le validateur officiel refuse la forme avec espace.".to_owned(),
                    "'Étapes numériques (La Poste)' is spelled 'Étapes numériques(La Poste)', without a space, in the pattern of standard v1.0.2: the official validator rejects the spaced form.".to_owned());
                if self.lenient {
                    out.push(TrainingLabel::EtapesNumeriques);
                }
            } else if crate::vocab::is_ordi_variant(item) {
                if self.strict {
                    self.warn(c, s, codes::ORDI_VARIANT,
                        format!("« {item} » est accepté par le motif du standard (point non échappé) mais le label s'écrit « ORDI 3.0 »."),
                        format!("'{item}' is accepted by the standard's pattern (unescaped dot) but the label is spelled 'ORDI 3.0'."));
                }
                out.push(TrainingLabel::Ordi30);
            } else {
                self.label_error::<TrainingLabel>(c, s, item);
            }
        }
        out
    }

    fn coordinates(&mut self) -> Option<Coordinates> {
        let lat = self.number(Column::Latitude);
        let lon = self.number(Column::Longitude);
        match (lat, lon) {
            (Some(lat), Some(lon)) => match Coordinates::new(lat, lon) {
                Ok(c) => {
                    if self.strict {
                        self.check_territory(c);
                    }
                    Some(c)
                }
                Err(_) => {
                    let fr = format!(
                        "Les coordonnées ({lat}, {lon}) sont hors limites (latitude entre -90 et 90, longitude entre -180 et 180) : le lieu est gardé sans coordonnées."
                    );
                    let en = format!(
                        "The coordinates ({lat}, {lon}) are out of range (latitude in [-90, 90], longitude in [-180, 180]): the place is kept without coordinates."
                    );
                    let v = self.coordinates_text();
                    if self.strict {
                        self.error(
                            Column::Latitude,
                            &v,
                            codes::COORDINATES_OUT_OF_RANGE,
                            fr,
                            en,
                        );
                    } else {
                        self.warn(
                            Column::Latitude,
                            &v,
                            codes::COORDINATES_OUT_OF_RANGE,
                            fr,
                            en,
                        );
                    }
                    None
                }
            },
            (Some(_), None) | (None, Some(_))
                if self.rec.has(Column::Latitude) != self.rec.has(Column::Longitude) =>
            {
                let c = if self.rec.has(Column::Latitude) {
                    Column::Latitude
                } else {
                    Column::Longitude
                };
                let v = self.rec.text(c).unwrap_or_default();
                self.warn(c, &v, codes::COORDINATES_INCOMPLETE,
                    "Une seule des deux coordonnées (latitude, longitude) est renseignée : le lieu est gardé sans coordonnées.".to_owned(),
                    "Only one of latitude and longitude is given: the place is kept without coordinates.".to_owned());
                None
            }
            _ => None,
        }
    }

    /// `latitude, longitude` as given, for diagnostics.
    fn coordinates_text(&self) -> String {
        let text = |c| self.rec.text(c).unwrap_or_default();
        format!("{}, {}", text(Column::Latitude), text(Column::Longitude))
    }

    fn number(&mut self, c: Column) -> Option<f64> {
        let s = match self.rec.number(c)? {
            Ok(n) => return Some(n),
            Err(s) => s,
        };
        match rules::number(s) {
            Some(n) => Some(n),
            None => {
                self.error(c, s, codes::NUMBER,
                    format!("« {s} » n'est pas un nombre : écrivez des degrés décimaux avec un point, par exemple 43.52609."),
                    format!("'{s}' is not a number: write decimal degrees with a dot, e.g. 43.52609."));
                None
            }
        }
    }

    fn check_territory(&mut self, c: Coordinates) {
        let (lat, lon) = (c.latitude(), c.longitude());
        if strict::territory(lat, lon).is_some() {
            return;
        }
        let v = self.coordinates_text();
        if let Some(t) = strict::territory(lon, lat) {
            let name = t.name;
            self.warn(Column::Latitude, &v, codes::COORDINATES_SWAPPED,
                format!("Les coordonnées ({lat}, {lon}) ne sont pas en France, mais le seraient ({name}) en inversant latitude et longitude : vérifiez leur ordre."),
                format!("The coordinates ({lat}, {lon}) are not in France, but would be ({name}) with latitude and longitude swapped: check their order."));
        } else {
            self.warn(Column::Latitude, &v, codes::COORDINATES_OUTSIDE_FRANCE,
                format!("Les coordonnées ({lat}, {lon}) ne sont dans aucun territoire français : vérifiez-les."),
                format!("The coordinates ({lat}, {lon}) are in no French territory: check them."));
        }
    }

    fn check_pivot(&mut self, p: &str) {
        let c = Column::Pivot;
        match strict::pivot_kind(p) {
            strict::PivotKind::Siret | strict::PivotKind::Rna => {}
            strict::PivotKind::SiretBadChecksum => self.warn(c, p, codes::PIVOT_SIRET_CHECKSUM,
                format!("Le SIRET {p} a une clé de contrôle (Luhn) invalide : vérifiez-le sur annuaire-entreprises.data.gouv.fr."),
                format!("SIRET {p} has an invalid (Luhn) checksum: check it on annuaire-entreprises.data.gouv.fr.")),
            strict::PivotKind::Placeholder => self.warn(c, p, codes::PIVOT_PLACEHOLDER,
                "Le pivot 00000000000000 est une valeur de remplissage : renseignez le vrai SIRET ou RNA de la structure.".to_owned(),
                "The pivot 00000000000000 is a placeholder: give the structure's real SIRET or RNA number.".to_owned()),
            strict::PivotKind::Other => self.warn(c, p, codes::PIVOT_FORMAT,
                format!("Le pivot {p} n'est ni un SIRET (14 chiffres) ni un numéro RNA (W suivi de 9 caractères)."),
                format!("The pivot {p} is neither a SIRET (14 digits) nor an RNA number (W followed by 9 characters).")),
        }
    }

    fn check_url(&mut self, c: Column, u: &str) {
        if !strict::url(u) {
            self.warn(
                c,
                u,
                codes::URL_SYNTAX,
                format!(
                    "« {u} » n'est pas une adresse web valide (attendu : https://exemple.fr/...)."
                ),
                format!("'{u}' is not a valid web address (expected: https://example.fr/...)."),
            );
        }
    }

    fn updated_on(&mut self, today: NaiveDate) -> Option<NaiveDate> {
        let s = self.required(Column::UpdatedOn)?;
        let Some(d) = rules::date(s) else {
            self.error(
                Column::UpdatedOn,
                s,
                codes::DATE,
                format!(
                    "« {s} » n'est pas une date au format AAAA-MM-JJ (par exemple 2024-04-02)."
                ),
                format!("'{s}' is not a date in the YYYY-MM-DD format (e.g. 2024-04-02)."),
            );
            return None;
        };
        if self.strict {
            if d > today {
                self.warn(
                    Column::UpdatedOn,
                    s,
                    codes::DATE_FUTURE,
                    format!(
                        "La date de mise à jour {d} est dans le futur (nous sommes le {today})."
                    ),
                    format!("The update date {d} is in the future (today is {today})."),
                );
            } else if d < NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(d) {
                self.warn(Column::UpdatedOn, s, codes::DATE_TOO_OLD,
                    format!("La date de mise à jour {d} est antérieure à 2000 : c'est sans doute une valeur de remplissage (1970-01-01). Indiquez la vraie date."),
                    format!("The update date {d} is before 2000: probably a placeholder (1970-01-01). Give the real date."));
            }
        }
        Some(d)
    }
}

/// What is wrong with a list item that is not a label, with a hint when the cause is a
/// frequent one (case, spaces, typographic apostrophe, decomposed accents, `;` separator).
fn label_problem<V: Vocabulary>(item: &str) -> (String, String) {
    if item.is_empty() {
        return (
            "Élément vide dans la liste : pas de « | » en fin de liste ni de « || ».".to_owned(),
            "Empty item in the list: no trailing '|' and no '||'.".to_owned(),
        );
    }
    let hint = |fr: &str, en: &str, label: &str| {
        (
            format!("« {item} » n'est pas une valeur admise ; {fr} « {label} »."),
            format!("'{item}' is not a valid value; {en} '{label}'."),
        )
    };
    let folded = item.replace('\u{2019}', "'");
    for v in V::ALL {
        let label = v.label_fr();
        if folded == label {
            return hint(
                "utilisez l'apostrophe droite (') :",
                "use the straight apostrophe ('):",
                label,
            );
        }
        if item.trim() == label {
            return hint(
                "retirez les espaces autour des « | » :",
                "remove the spaces around '|':",
                label,
            );
        }
        if item.to_lowercase() == label.to_lowercase() {
            return hint(
                "les majuscules comptent :",
                "letters are case-sensitive:",
                label,
            );
        }
        if item.contains(['\u{301}', '\u{300}', '\u{302}', '\u{308}', '\u{327}'])
            && strip_combining(item) == strip_accents(label)
        {
            return hint(
                "les accents doivent être composés (Unicode NFC) :",
                "accents must be precomposed (Unicode NFC):",
                label,
            );
        }
    }
    if item.split(';').any(crate::migrate::v01::is_v01_label) {
        return (
            format!(
                "« {item} » est une valeur de la v0.1 du standard, pas de la v1 : ce fichier mélange les deux versions. Convertissez la ligne en v1 (la lecture en v0.1 migre ces valeurs)."
            ),
            format!(
                "'{item}' is a value of the standard's v0.1, not v1: this file mixes both versions. Convert the row to v1 (reading it as v0.1 migrates these values)."
            ),
        );
    }
    if item.contains(';') {
        return (
            format!(
                "« {item} » n'est pas une valeur admise ; en v1 les valeurs se séparent par « | », pas par « ; »."
            ),
            format!("'{item}' is not a valid value; in v1 values are separated by '|', not ';'."),
        );
    }
    (
        format!("« {item} » n'est pas une valeur admise pour {}.", V::COLUMN),
        format!("'{item}' is not a valid value for {}.", V::COLUMN),
    )
}

fn strip_combining(s: &str) -> String {
    s.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}

fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'É' | 'È' | 'Ê' => 'E',
            'À' | 'Â' => 'A',
            c => c,
        })
        .collect()
}
