//! Places → data·inclusion v1 structures and services ([`to_data_inclusion`]).

use std::io::Write;

use chrono::NaiveDate;

use crate::ExchangeError;
use inclusion_model::CompactString;
use inclusion_model::columns::Column;
use inclusion_model::diagnostic::{Arg, Diagnostic, Severity, Template};
use inclusion_model::hours::OpeningHours;
use inclusion_model::place::Place;
use inclusion_model::syntax::{
    PivotKind, is_email, is_insee_code, is_postcode, is_web_url, pivot_kind,
};
use inclusion_model::vocab::{AccessMode, Fee, Vocabulary};

use super::mapping::{self, sorted_set};
use super::messages;
use super::model::{Service, Structure};
use super::network::Network;
use super::precisions::{generated_description, write_list};
use super::vocabulary::Audience;

/// The earliest `date_maj` data·inclusion accepts.
pub const MIN_DATE_MAJ: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// data·inclusion's bounds on `nom` and on descriptions, in characters.
const NOM_MIN: usize = 3;
const NOM_MAX: usize = 150;
const TEXT_MIN: usize = 5;
const TEXT_MAX: usize = 10_000;

/// What the export does with a `date_maj` before 2000-01-01 (which data·inclusion refuses;
/// in real data it is mostly the placeholder `1970-01-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum OldDates {
    /// Export the place with `date_maj` 2000-01-01, the oldest date data·inclusion accepts, and
    /// a warning: the place stays findable, and consumers that filter on freshness treat it as
    /// the stalest possible (which an unknown date is).
    #[default]
    Clamp,
    /// Leave the place out, with an error.
    Skip,
}

/// How to export.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportOptions {
    /// The data·inclusion `source` (the identifier of the producer of the data, e.g.
    /// `mediation-numerique`) of the places that have no `source` of their own. A place with
    /// a `source` keeps it, on its structure and its services: a file gathered from several
    /// producers (`conseiller-numerique`, `dora`...) says who produced each place.
    pub source: String,
    /// "Today" for the `date_maj` bounds (default: the system date).
    pub today: Option<NaiveDate>,
    /// What to do with dates before 2000-01-01.
    pub old_dates: OldDates,
}

impl ExportOptions {
    /// Options with this `source` for places without one, and the defaults (system date,
    /// [`OldDates::Clamp`]).
    pub fn new(source: impl Into<String>) -> ExportOptions {
        ExportOptions {
            source: source.into(),
            today: None,
            old_dates: OldDates::default(),
        }
    }

    /// Sets "today".
    pub fn with_today(mut self, today: NaiveDate) -> ExportOptions {
        self.today = Some(today);
        self
    }

    /// Sets what to do with dates before 2000-01-01.
    pub fn with_old_dates(mut self, old_dates: OldDates) -> ExportOptions {
        self.old_dates = old_dates;
        self
    }
}

/// The result of an export: the structures, the services, and one diagnostic per value that
/// was not exported or was changed (row = 1-based position of the place in the slice, column =
/// the standard's column).
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct DataInclusionExport {
    /// One structure per exported place.
    pub structures: Vec<Structure>,
    /// One service per service of each exported place.
    pub services: Vec<Service>,
    /// What was not exported, or changed, and why.
    pub diagnostics: Vec<Diagnostic>,
}

impl DataInclusionExport {
    /// The structures as a JSON array (the form data·inclusion publishes).
    pub fn structures_json(&self) -> Result<String, ExchangeError> {
        Ok(serde_json::to_string(&self.structures)?)
    }

    /// The services as a JSON array.
    pub fn services_json(&self) -> Result<String, ExchangeError> {
        Ok(serde_json::to_string(&self.services)?)
    }

    /// Writes the structures and the services as two JSON arrays.
    ///
    /// ```
    /// # use inclusion_model::{Place, Address, Service};
    /// # use inclusion_exchange::data_inclusion::to_data_inclusion;
    /// # use chrono::NaiveDate;
    /// # let mut place = Place::new("p1", "43493312300029", "Médiathèque",
    /// #     Address::new("1 rue X", "51100", "Reims"), NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
    /// # place.services.push(Service::SafeUse);
    /// let export = to_data_inclusion(&[place], "hub");
    /// let (mut structures, mut services) = (Vec::new(), Vec::new());
    /// export.write_json(&mut structures, &mut services)?;
    /// assert!(structures.starts_with(br#"[{"source":"hub","id":"hub--p1""#));
    /// assert_eq!(services, export.services_json()?.into_bytes());
    /// # Ok::<(), inclusion_exchange::ExchangeError>(())
    /// ```
    pub fn write_json(
        &self,
        structures: impl Write,
        services: impl Write,
    ) -> Result<(), ExchangeError> {
        serde_json::to_writer(structures, &self.structures)?;
        serde_json::to_writer(services, &self.services)?;
        Ok(())
    }
}

/// Exports places as data·inclusion v1 structures and services, with `source` as the
/// data·inclusion source of the places without one (a place's own `source` is kept), today's
/// date as the upper bound of `date_maj`, and old dates clamped (see
/// [`to_data_inclusion_with`] and the [module documentation](super)).
///
/// ```
/// use inclusion_model::{Place, Address, Service, SupportMode};
/// use inclusion_exchange::data_inclusion::{to_data_inclusion, ServiceType, Theme};
/// use chrono::NaiveDate;
///
/// let mut place = Place::new("p1", "43493312300029", "Médiathèque Croix-Rouge",
///     Address::new("1 rue X", "51100", "Reims"), NaiveDate::from_ymd_opt(2024, 4, 2).unwrap());
/// place.services = [Service::AdministrativeProcedures, Service::InternetAndEquipmentAccess].into();
/// place.support_modes = [SupportMode::Individual].into();
///
/// let export = to_data_inclusion(&[place], "hub");
/// assert_eq!(export.structures[0].id, "hub--p1");
/// assert_eq!(export.structures[0].siret.as_deref(), Some("43493312300029"));
/// let s = &export.services[1];
/// assert_eq!(s.id, "hub--p1--acces-internet-et-materiel-informatique");
/// assert_eq!(s.nom, "Accès internet et matériel informatique");
/// assert_eq!(s.thematiques, Some(vec![Theme::INTERNET_CONNECTION]));
/// assert_eq!(s.r#type, Some(ServiceType::Support));
/// assert!(export.diagnostics.is_empty());
/// ```
pub fn to_data_inclusion(places: &[Place], source: &str) -> DataInclusionExport {
    to_data_inclusion_with(places, &ExportOptions::new(source))
}

/// Exports places as data·inclusion v1 structures and services, with options.
///
/// ```
/// use inclusion_model::{Place, Address};
/// use inclusion_exchange::data_inclusion::{to_data_inclusion_with, ExportOptions, OldDates, codes};
/// use chrono::NaiveDate;
///
/// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let place = Place::new("p1", "43493312300029", "Mairie", Address::new("1 rue X", "51100", "Reims"),
///     date(1970, 1, 1));
/// let options = ExportOptions::new("hub").with_today(date(2026, 1, 1));
///
/// let clamped = to_data_inclusion_with(&[place.clone()], &options);
/// assert_eq!(clamped.structures[0].date_maj, date(2000, 1, 1));
/// assert_eq!(clamped.diagnostics[0].code(), codes::DATE_TOO_OLD);
///
/// let skipped = to_data_inclusion_with(&[place], &options.with_old_dates(OldDates::Skip));
/// assert!(skipped.structures.is_empty());
/// assert!(skipped.diagnostics[0].is_error());
/// ```
pub fn to_data_inclusion_with(places: &[Place], options: &ExportOptions) -> DataInclusionExport {
    let today = options
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut out = DataInclusionExport::default();
    // The hasher of the reader's own set of ids (`FxHash`): SipHash was 4 % of the export.
    let mut seen = rustc_hash::FxHashSet::default();
    seen.reserve(places.len());
    for (i, place) in places.iter().enumerate() {
        let mut report = Report {
            row: i + 1,
            diagnostics: &mut out.diagnostics,
        };
        if !seen.insert(place.id.as_str()) {
            report.push(
                Severity::Error,
                &messages::DUPLICATE_PLACE,
                Column::Id,
                &place.id,
                [],
            );
            continue;
        }
        let Some(date_maj) = export_date(place.updated_on, today, options.old_dates, &mut report)
        else {
            continue;
        };
        let structure = export_structure(place, options, date_maj, &mut report);
        out.services
            .extend(export_services(place, &structure, &mut report));
        out.structures.push(structure);
    }
    out
}

/// The diagnostics of one place.
struct Report<'a> {
    row: usize,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Report<'_> {
    fn push(
        &mut self,
        severity: Severity,
        template: &'static Template,
        column: Column,
        value: &str,
        args: impl Into<Box<[Arg]>>,
    ) {
        self.diagnostics.push(
            Diagnostic::new(severity, template)
                .at_row(self.row)
                .in_column(column.name())
                .with_value(value)
                .with_args(args),
        );
    }

    /// A value that data·inclusion has no field or code for (`not_exported`), or that does
    /// not meet its schema (`invalid_for_export`): a warning without arguments.
    fn warn(&mut self, column: Column, value: &str, template: &'static Template) {
        self.push(Severity::Warning, template, column, value, []);
    }
}

fn export_date(
    date: NaiveDate,
    today: NaiveDate,
    policy: OldDates,
    report: &mut Report<'_>,
) -> Option<NaiveDate> {
    // The date as text only for a diagnostic (most dates need none).
    let value = || date.to_string();
    if date < MIN_DATE_MAJ {
        return match policy {
            OldDates::Clamp => {
                report.warn(Column::UpdatedOn, &value(), &messages::DATE_CLAMPED);
                Some(MIN_DATE_MAJ)
            }
            OldDates::Skip => {
                report.push(
                    Severity::Error,
                    &messages::DATE_SKIPPED,
                    Column::UpdatedOn,
                    &value(),
                    [],
                );
                None
            }
        };
    }
    if date > today {
        report.push(
            Severity::Warning,
            &messages::DATE_FUTURE,
            Column::UpdatedOn,
            &value(),
            [Arg::from(today)],
        );
        return Some(today);
    }
    Some(date)
}

/// The first `n` characters of `s`, then `…`.
fn shorten(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

fn export_nom(name: &str, commune: &str, report: &mut Report<'_>) -> String {
    let n = name.chars().count();
    if n < NOM_MIN {
        let nom = if commune.is_empty() {
            format!("Lieu {name}")
        } else {
            format!("{name} ({commune})")
        };
        report.push(
            Severity::Warning,
            &messages::NOM_TOO_SHORT,
            Column::Name,
            name,
            [Arg::from(nom.as_str())],
        );
        nom
    } else if n > NOM_MAX {
        report.warn(Column::Name, name, &messages::NOM_TOO_LONG);
        shorten(name, NOM_MAX)
    } else {
        name.to_owned()
    }
}

/// A presentation as a data·inclusion description (5 to 10 000 characters), or `None`.
fn export_text(text: &str, column: Column, report: &mut Report<'_>) -> Option<String> {
    let n = text.chars().count();
    if n < TEXT_MIN {
        report.warn(column, text, &messages::INVALID_SHORT_TEXT);
        None
    } else if n > TEXT_MAX {
        report.warn(column, &shorten(text, 80), &messages::TRUNCATED);
        Some(shorten(text, TEXT_MAX))
    } else {
        Some(text.to_owned())
    }
}

fn export_siret(pivot: &str, report: &mut Report<'_>) -> Option<String> {
    match pivot_kind(pivot) {
        // data·inclusion's pattern is `^\d{14}$`; it checks the registry itself.
        PivotKind::Siret | PivotKind::SiretBadChecksum => Some(pivot.to_owned()),
        PivotKind::Placeholder => {
            report.warn(Column::Pivot, pivot, &messages::INVALID_PLACEHOLDER);
            None
        }
        PivotKind::Rna => {
            report.warn(Column::Pivot, pivot, &messages::NOT_EXPORTED_RNA);
            None
        }
        _ => {
            report.warn(Column::Pivot, pivot, &messages::INVALID_SIRET);
            None
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// `value` when `ok`, else `None` and a diagnostic.
fn checked(
    value: &str,
    ok: bool,
    column: Column,
    why: &'static Template,
    report: &mut Report<'_>,
) -> Option<String> {
    if value.is_empty() {
        None
    } else if ok {
        Some(value.to_owned())
    } else {
        report.warn(column, value, why);
        None
    }
}

/// The first valid value of a list (data·inclusion keeps one); invalid ones and further valid
/// ones are reported.
fn first_valid(
    values: &[CompactString],
    valid: fn(&str) -> bool,
    column: Column,
    report: &mut Report<'_>,
) -> Option<String> {
    let mut kept: Option<&CompactString> = None;
    let mut others = Vec::new();
    for v in values {
        if !valid(v) {
            report.warn(column, v, &messages::INVALID_SYNTAX);
        } else if kept.is_none() {
            kept = Some(v);
        } else if kept != Some(v) {
            others.push(v.as_str());
        }
    }
    if !others.is_empty() {
        report.warn(
            column,
            &others.join("|"),
            &messages::NOT_EXPORTED_FIRST_ONLY,
        );
    }
    kept.map(|k| k.to_string())
}

fn export_structure(
    place: &Place,
    options: &ExportOptions,
    date_maj: NaiveDate,
    report: &mut Report<'_>,
) -> Structure {
    let source = place
        .source
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(options.source.as_str());
    let address = &place.address;
    let nom = export_nom(&place.name, &address.commune, report);
    let mut s = Structure::new(source, [source, "--", &place.id].concat(), nom, date_maj);
    s.description = place
        .summary
        .as_deref()
        .and_then(|t| export_text(t, Column::Summary, report));
    s.siret = export_siret(&place.pivot, report);
    s.commune = non_empty(&address.commune);
    s.code_postal = checked(
        &address.postcode,
        is_postcode(&address.postcode),
        Column::Postcode,
        &messages::INVALID_POSTCODE,
        report,
    );
    s.code_insee = address.insee_code.as_deref().and_then(|c| {
        checked(
            c,
            is_insee_code(c),
            Column::InseeCode,
            &messages::INVALID_INSEE,
            report,
        )
    });
    s.adresse = non_empty(&address.street);
    s.complement_adresse = address.complement.as_deref().and_then(non_empty);
    s.latitude = place.coordinates.map(|c| c.latitude());
    s.longitude = place.coordinates.map(|c| c.longitude());
    s.telephone = place.contact.phone.as_deref().and_then(non_empty);
    s.courriel = first_valid(&place.contact.emails, is_email, Column::Emails, report);
    s.site_web = first_valid(
        &place.contact.websites,
        is_web_url,
        Column::Websites,
        report,
    );
    s.horaires_accueil = place
        .opening_hours
        .as_ref()
        .and_then(|h| export_hours(h, report));
    s.accessibilite_lieu = place.accessibility_url.as_deref().and_then(|u| {
        checked(
            u,
            is_web_url(u),
            Column::AccessibilityUrl,
            &messages::INVALID_URI,
            report,
        )
    });
    let networks = export_networks(place, report);
    s.reseaux_porteurs = (!networks.is_empty()).then_some(networks);
    report_structure_losses(place, report);
    s
}

/// The opening hours as written when they are OpenStreetMap syntax; corrected when they parse
/// only after corrections; `None` when they do not parse.
fn export_hours(hours: &OpeningHours, report: &mut Report<'_>) -> Option<String> {
    let raw = hours.as_str();
    if raw.is_empty() {
        return None;
    }
    if !hours.is_valid() {
        report.warn(Column::OpeningHours, raw, &messages::INVALID_HOURS);
        return None;
    }
    // The canonical form only when it is written: making it for every place (to learn that
    // the text parses) was a fifth of the export's instructions.
    if !hours.was_corrected() {
        return Some(raw.to_owned());
    }
    let canonical = hours.canonical()?;
    report.push(
        Severity::Warning,
        &messages::HOURS_CORRECTED,
        Column::OpeningHours,
        raw,
        [Arg::from(canonical.as_str())],
    );
    Some(canonical)
}

fn export_networks(place: &Place, report: &mut Report<'_>) -> Vec<Network> {
    fn split<T>(
        values: impl IntoIterator<Item = T>,
        map: impl Fn(&T) -> Option<Network>,
        label: impl Fn(&T) -> String,
        networks: &mut Vec<Network>,
    ) -> String {
        let mut lost = Vec::new();
        for v in values {
            match map(&v) {
                Some(n) => networks.push(n),
                None => lost.push(label(&v)),
            }
        }
        lost.join("|")
    }
    let mut networks = Vec::new();
    let programmes = split(
        sorted_set::<_, Vec<_>>(place.national_programmes.iter().copied()),
        |p| mapping::network_of_programme(*p),
        |p| p.label_fr().to_owned(),
        &mut networks,
    );
    let labels = split(
        sorted_set::<_, Vec<_>>(place.training_labels.iter().copied()),
        |l| mapping::network_of_label(*l),
        |l| l.label_fr().to_owned(),
        &mut networks,
    );
    let mut typologies = place.typology.clone();
    typologies.sort();
    typologies.dedup();
    let typologies = split(
        typologies,
        mapping::network_of_typology,
        |t| t.code().to_owned(),
        &mut networks,
    );
    for (column, lost) in [
        (Column::NationalProgrammes, programmes),
        (Column::TrainingLabels, labels),
        (Column::Typology, typologies),
    ] {
        if !lost.is_empty() {
            report.warn(column, &lost, &messages::NOT_EXPORTED_NETWORK);
        }
    }
    networks.sort();
    networks.dedup();
    networks
}

fn report_structure_losses(place: &Place, report: &mut Report<'_>) {
    let mobility = sorted_set::<_, Vec<_>>(place.mobility.iter().copied());
    if !mobility.is_empty() {
        let value: Vec<&str> = mobility.iter().map(|m| m.label_fr()).collect();
        report.warn(
            Column::Mobility,
            &value.join("|"),
            &messages::NOT_EXPORTED_MOBILITY,
        );
    }
    if let Some(parent) = place
        .parent_organisation
        .as_deref()
        .filter(|p| !p.is_empty())
    {
        report.warn(
            Column::ParentOrganisation,
            parent,
            &messages::NOT_EXPORTED_PARENT,
        );
    }
    if !place.other_labels.is_empty() {
        report.warn(
            Column::OtherLabels,
            &place.other_labels.join("|"),
            &messages::NOT_EXPORTED_OTHER_LABELS,
        );
    }
}

fn export_services(place: &Place, structure: &Structure, report: &mut Report<'_>) -> Vec<Service> {
    let services = sorted_set::<_, Vec<_>>(place.services.iter().copied());
    let publics = sorted_set::<_, Vec<_>>(place.publics.iter().copied());
    let support = sorted_set::<_, Vec<_>>(place.specific_support.iter().copied());
    let fees = sorted_set::<_, Vec<_>>(place.fees.iter().copied());
    let access = sorted_set::<_, Vec<_>>(place.access_modes.iter().copied());
    let modes = sorted_set::<_, Vec<_>>(place.support_modes.iter().copied());
    if services.is_empty() {
        report_service_losses(place, report);
        return Vec::new();
    }
    let description = place
        .description
        .as_deref()
        .and_then(|t| export_text(t, Column::Description, report));
    let link = place.booking_url.as_deref().and_then(|u| {
        checked(
            u,
            is_web_url(u),
            Column::BookingUrl,
            &messages::INVALID_URI,
            report,
        )
    });

    let mut template = Service::new(
        structure.source.as_str(),
        structure.id.as_str(),
        "",
        "",
        "",
        structure.date_maj,
    );
    template.r#type = mapping::service_type_of(&modes);
    template.frais = mapping::cost_of(&fees);
    if !fees.is_empty() && fees != [Fee::Free] && fees != [Fee::Paying] {
        template.frais_precisions = Some(write_list(&fees));
    }
    template.publics = Some(if publics.is_empty() {
        vec![Audience::Everyone]
    } else {
        publics.iter().map(|p| mapping::audience_of(*p)).collect()
    });
    if !support.is_empty() {
        template.publics_precisions = Some(write_list(&support));
    }
    template.commune.clone_from(&structure.commune);
    template.code_postal.clone_from(&structure.code_postal);
    template.code_insee.clone_from(&structure.code_insee);
    template.adresse.clone_from(&structure.adresse);
    template
        .complement_adresse
        .clone_from(&structure.complement_adresse);
    template.latitude = structure.latitude;
    template.longitude = structure.longitude;
    // The structure's contacts and hours are the service's: data·inclusion's services stand
    // alone (and its `score_qualite` asks each for a way to contact it).
    template.telephone.clone_from(&structure.telephone);
    template.courriel.clone_from(&structure.courriel);
    template
        .horaires_accueil
        .clone_from(&structure.horaires_accueil);
    let reception = mapping::reception_modes_of(&modes);
    template.modes_accueil = (!reception.is_empty()).then_some(reception);
    let (codes, who) = mapping::mobilisation_of(&access, link.is_some());
    let back: Vec<AccessMode> =
        mapping::access_modes_of(&codes, (!who.is_empty()).then_some(&who[..]));
    if back != access {
        template.mobilisation_precisions = Some(write_list(&access));
    }
    template.modes_mobilisation = (!codes.is_empty()).then_some(codes);
    template.mobilisable_par = (!who.is_empty()).then_some(who);
    template.lien_mobilisation = link;

    services
        .into_iter()
        .map(|s| {
            let mut out = template.clone();
            out.id = [&structure.id, "--", mapping::slug_of(s)].concat();
            out.nom = s.label_fr().to_owned();
            out.description = description
                .clone()
                .unwrap_or_else(|| generated_description(s.label_fr(), &structure.nom));
            out.thematiques = Some(mapping::themes_of(s).to_vec());
            out
        })
        .collect()
}

/// The values data·inclusion carries on services, lost when the place has none.
fn report_service_losses(place: &Place, report: &mut Report<'_>) {
    fn labels<V: Vocabulary>(v: &[V]) -> String {
        sorted_set::<_, Vec<_>>(v.iter().copied())
            .iter()
            .map(|x| x.label_fr())
            .collect::<Vec<_>>()
            .join("|")
    }
    let lost = [
        (
            Column::Description,
            place.description.as_deref().unwrap_or_default(),
        ),
        (Column::Publics, &labels(&place.publics)),
        (Column::SpecificSupport, &labels(&place.specific_support)),
        (Column::Fees, &labels(&place.fees)),
        (Column::AccessModes, &labels(&place.access_modes)),
        (Column::SupportModes, &labels(&place.support_modes)),
        (
            Column::BookingUrl,
            place.booking_url.as_deref().unwrap_or_default(),
        ),
    ];
    for (column, value) in lost {
        if !value.is_empty() {
            report.warn(column, value, &messages::NOT_EXPORTED_NO_SERVICE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data_inclusion::codes;
    use inclusion_model::place::Address;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn place() -> Place {
        Place::new(
            "p1",
            "43493312300029",
            "Médiathèque",
            Address::new("1 rue X", "51100", "Reims"),
            date(2024, 4, 2),
        )
    }

    fn options() -> ExportOptions {
        ExportOptions::new("hub").with_today(date(2026, 1, 1))
    }

    fn codes_of(e: &DataInclusionExport) -> Vec<(&str, Option<&str>)> {
        e.diagnostics
            .iter()
            .map(|d| (d.code(), d.column()))
            .collect()
    }

    #[test]
    fn future_dates_become_today() {
        let mut p = place();
        p.updated_on = date(2030, 1, 1);
        let e = to_data_inclusion_with(&[p], &options());
        assert_eq!(e.structures[0].date_maj, date(2026, 1, 1));
        assert_eq!(codes_of(&e), vec![(codes::DATE_FUTURE, Some("date_maj"))]);
    }

    #[test]
    fn opening_hours_are_exported_in_osm_syntax_or_not_at_all() {
        let mut p = place();
        for (raw, exported, code) in [
            ("Mo-Fr 9:00-12:00", Some("Mo-Fr 9:00-12:00"), None),
            (
                "Lundi 9h-12h",
                Some("Mo 09:00-12:00"),
                Some(codes::HOURS_CORRECTED),
            ),
            ("Sa 17:00", None, Some(codes::INVALID_FOR_EXPORT)),
        ] {
            p.opening_hours = Some(OpeningHours::new(raw));
            let e = to_data_inclusion_with(std::slice::from_ref(&p), &options());
            assert_eq!(
                e.structures[0].horaires_accueil.as_deref(),
                exported,
                "{raw}"
            );
            assert_eq!(e.diagnostics.first().map(|d| d.code()), code, "{raw}");
        }
    }

    #[test]
    fn duplicate_ids_are_exported_once() {
        let e = to_data_inclusion_with(&[place(), place()], &options());
        assert_eq!(e.structures.len(), 1);
        assert_eq!(e.diagnostics[0].code(), codes::DUPLICATE_ID);
        assert_eq!(e.diagnostics[0].row(), Some(2));
    }

    #[test]
    fn names_are_brought_within_bounds() {
        let mut p = place();
        p.name = "BM".into();
        let e = to_data_inclusion_with(&[p.clone()], &options());
        assert_eq!(e.structures[0].nom, "BM (Reims)");
        p.name = "x".repeat(200).into();
        let e = to_data_inclusion_with(&[p], &options());
        assert_eq!(e.structures[0].nom.chars().count(), 150);
        assert!(e.structures[0].nom.ends_with('…'));
        assert_eq!(e.diagnostics[0].code(), codes::NOM_ADJUSTED);
    }

    #[test]
    fn pivots_that_are_not_sirets_are_reported() {
        for (pivot, code) in [
            ("00000000000000", codes::INVALID_FOR_EXPORT),
            ("W9R2003255", codes::NOT_EXPORTED),
            ("1234567", codes::INVALID_FOR_EXPORT),
        ] {
            let mut p = place();
            p.pivot = pivot.into();
            let e = to_data_inclusion_with(&[p], &options());
            assert_eq!(e.structures[0].siret, None);
            assert_eq!(codes_of(&e), vec![(code, Some("pivot"))], "{pivot}");
        }
    }

    #[test]
    fn postcodes_and_insee_codes_follow_the_standard() {
        let invalid = |column| vec![(codes::INVALID_FOR_EXPORT, Some(column))];
        for (postcode, insee, expected, kept) in [
            ("51100", "51454", vec![], true),
            ("20000", "2A004", vec![], true),
            ("5110", "51454", invalid("code_postal"), true),
            ("20000", "20004", invalid("code_insee"), false),
        ] {
            let mut p = place();
            p.address.postcode = postcode.into();
            p.address.insee_code = Some(insee.into());
            let e = to_data_inclusion_with(&[p], &options());
            assert_eq!(codes_of(&e), expected, "{postcode} {insee}");
            let exported = e.structures[0].code_insee.as_deref();
            assert_eq!(exported, kept.then_some(insee), "{insee}");
        }
    }

    #[test]
    fn only_the_first_valid_email_and_site_are_kept() {
        let mut p = place();
        p.contact.emails = vec!["pas un courriel".into(), "a@b.fr".into(), "c@d.fr".into()];
        p.contact.websites = vec!["www.exemple.fr".into(), "https://exemple.fr/".into()];
        let e = to_data_inclusion_with(&[p], &options());
        assert_eq!(e.structures[0].courriel.as_deref(), Some("a@b.fr"));
        assert_eq!(
            e.structures[0].site_web.as_deref(),
            Some("https://exemple.fr/")
        );
        assert_eq!(
            codes_of(&e),
            vec![
                (codes::INVALID_FOR_EXPORT, Some("courriels")),
                (codes::NOT_EXPORTED, Some("courriels")),
                (codes::INVALID_FOR_EXPORT, Some("site_web")),
            ]
        );
    }

    #[test]
    fn a_place_without_services_reports_what_only_services_carry() {
        let mut p = place();
        p.fees = [Fee::Free].into();
        p.description = Some("Un long texte de présentation.".into());
        let e = to_data_inclusion_with(&[p], &options());
        assert!(e.services.is_empty());
        assert_eq!(
            codes_of(&e),
            vec![
                (codes::NOT_EXPORTED, Some("presentation_detail")),
                (codes::NOT_EXPORTED, Some("frais_a_charge")),
            ]
        );
    }

    #[test]
    fn generated_descriptions_name_the_service_and_the_place() {
        let mut p = place();
        p.services = [inclusion_model::Service::SafeUse].into();
        let e = to_data_inclusion_with(&[p], &options());
        assert_eq!(
            e.services[0].description,
            "Utilisation sécurisée du numérique : service de médiation numérique proposé par Médiathèque."
        );
        assert_eq!(e.services[0].publics, Some(vec![Audience::Everyone]));
        assert_eq!(e.services[0].modes_accueil, None);
    }
}
