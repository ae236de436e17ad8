//! Files of schema v0.1.x: version detection and migration to v1.0.2.
//!
//! Much published data still uses v0.1.x (`;` lists, `publics_accueillis`, `conditions_acces`,
//! `labels_nationaux`, `courriel`, 15 services...). The readers detect the version from the
//! header (CSV) or the keys (JSON) — see [`SchemaVersion::detect`] — and migrate each v0.1
//! record to v1.0.2 before validating it with the v1 rules. The report says which version was
//! detected ([`ReadReport::version`](crate::ReadReport::version)).
//!
//! Nothing is dropped silently: every value without an exact v1 equivalent gives a warning.
//!
//! | v0.1 column | v1 column(s) | what happens |
//! |---|---|---|
//! | `services` (15 values) | `services` (9) | mapped as the national cartography does (table below); two v0.1 services giving the same v1 service give it once |
//! | `publics_accueillis` (11) | `publics_specifiquement_adresses` + `prise_en_charge_specifique` | split; « Adultes » has no equivalent (every place is open to adults by default): warning `migration.no_equivalent`; « Public langues étrangères » → « Langues étrangères (autres) », « Handicaps psychiques… » → « Handicaps mentaux », « Uniquement femmes » → « Femmes »: warning `migration.approximate` |
//! | `conditions_acces` (5) | `frais_a_charge` | the long labels shortened; « Accepte le Pass numérique » → « Gratuit sous condition », « Adhésion » → « Payant » (`migration.approximate`) |
//! | `labels_nationaux` (11) | `dispositif_programmes_nationaux` + `formations_labels` | « CNFS » → « Conseillers numériques », « Fabriques de Territoire » → formations_labels, « Point relais CAF » → « Point d'accès numérique CAF » (`migration.approximate`); « APTIC », « Relais pôle emploi », « French Tech », « Campus connecté » have no v1 equivalent: moved to `autres_formations_labels` (`migration.no_equivalent`) |
//! | `labels_autres` | `autres_formations_labels` | `;` → `\|` |
//! | `modalites_accompagnement` (4 long labels) | `modalites_accompagnement` (4 short) | relabelled; « A ma place… » → « Accompagnement individuel » (`migration.approximate`) |
//! | `courriel` | `courriels` | |
//! | `accessibilite` | `fiche_acces_libre` | |
//! | `typologie`, `site_web` | same | `;` → `\|` |
//! | `presentation_resume` (max. 500) | `presentation_resume` (max. 280) | a longer summary is moved to the start of `presentation_detail` and the summary cut at 279 characters + « … » (`migration.summary_moved`) |
//! | `cle_ban` | — | removed from the standard in v1: the value is kept in [`Place::extra`](crate::Place::extra) (`migration.no_equivalent`) |
//! | other columns | same | validated with the v1 rules |
//!
//! A value that is not a v0.1 label is passed to the v1 column unchanged (it may already be a
//! v1 label), where the v1 validation reports it if it is not valid.
//!
//! Service mapping (v0.1 → v1): démarches administratives (autonome, accompagnement) and
//! santé → « Aide aux démarches administratives »; smartphone/tablette, ordinateur, numérique
//! au quotidien → « Maîtrise des outils numériques du quotidien »; culture numérique,
//! citoyenneté numérique → « Compréhension du monde numérique »; insertion professionnelle,
//! entreprise → « Insertion professionnelle via le numérique »; connexion internet, matériel →
//! « Accès internet et matériel informatique »; s'équiper → « Acquisition de matériel
//! informatique à prix solidaire »; créer avec le numérique → « Loisirs et créations
//! numériques »; parentalité → « Parentalité et éducation avec le numérique ». No v0.1
//! service becomes « Utilisation sécurisée du numérique ».
//!
//! ```
//! use inclusion_model::{read_csv_str, ReadOptions, SchemaVersion, Service, Fee};
//!
//! let v01 = "id;pivot;nom;commune;code_postal;adresse;date_maj;services;conditions_acces\n\
//!     p1;43493312300029;Mairie;Reims;51100;1 rue X;2022-06-02;\
//!     Prendre en main un ordinateur;Accepte le Pass numérique : Il est possible d'utiliser un Pass numérique pour accéder au lieu\n";
//! // (`;` is also the column delimiter here: lists are quoted when they hold several values.)
//! let report = read_csv_str(v01, &ReadOptions::default());
//! assert_eq!(report.version, SchemaVersion::V0_1);
//! let place = &report.places[0];
//! assert_eq!(place.services, [Service::EverydayDigitalTools]);
//! assert_eq!(place.fees, [Fee::FreeUnderConditions]);
//! assert!(report.warnings().any(|d| d.code() == "migration.approximate"));
//! ```

use std::borrow::Cow;

use crate::columns::{Column, ColumnKind};
use crate::diagnostic::{Arg, Diagnostic, Severity, Template};
use crate::legacy::{self, Fit, LabelTarget, PublicTarget};
use crate::messages;
use crate::record::FlatRecord;
use crate::syntax;
use crate::vocab::Vocabulary;

/// The version of the standard a file follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[non_exhaustive]
pub enum SchemaVersion {
    /// v0.1.x (2022): `;` lists, 29 columns, 15 services.
    #[serde(rename = "0.1")]
    V0_1,
    /// v1.0.x (2024–): `|` lists, 32 columns, 9 services.
    #[default]
    #[serde(rename = "1.0")]
    V1_0,
}

impl SchemaVersion {
    /// Detects the version from the column names: v0.1 when some column exists only in v0.1
    /// and none exists only in v1; v1 otherwise (files with v1 columns and some legacy v0.1
    /// columns are v1 files whose legacy columns are reported as unknown).
    ///
    /// ```
    /// use inclusion_model::SchemaVersion;
    /// assert_eq!(SchemaVersion::detect(["id", "courriel", "conditions_acces"]), SchemaVersion::V0_1);
    /// assert_eq!(SchemaVersion::detect(["id", "courriels", "labels_nationaux"]), SchemaVersion::V1_0);
    /// assert_eq!(SchemaVersion::detect(["id", "nom"]), SchemaVersion::V1_0);
    /// ```
    pub fn detect<'a>(names: impl IntoIterator<Item = &'a str>) -> SchemaVersion {
        let (mut old, mut new) = (false, false);
        for n in names {
            old |= legacy::V01_ONLY.contains(&n);
            new |= legacy::V1_ONLY.contains(&n);
        }
        if old && !new {
            SchemaVersion::V0_1
        } else {
            SchemaVersion::V1_0
        }
    }

    /// The version as written in the standard's changelog (`0.1`, `1.0`).
    pub fn as_str(self) -> &'static str {
        match self {
            SchemaVersion::V0_1 => "0.1",
            SchemaVersion::V1_0 => "1.0",
        }
    }
}

impl std::fmt::Display for SchemaVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "v{}", self.as_str())
    }
}

/// Which version to read a file as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum VersionChoice {
    /// Detect it from the header ([`SchemaVersion::detect`]).
    #[default]
    Detect,
    /// Read as this version, whatever the header says.
    Force(SchemaVersion),
}

/// The file-level notice that a v0.1 file was migrated.
pub(crate) fn detected_notice() -> Diagnostic {
    Diagnostic::new(Severity::Warning, &messages::MIGRATION_VERSION)
}

/// Migrates one v0.1 record, given as (column name, value) pairs, to a v1 flat record; every
/// value without an exact v1 equivalent gives a warning on `diags`.
pub(crate) fn migrate_record<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    row: usize,
    diags: &mut Vec<Diagnostic>,
) -> FlatRecord<'a> {
    let mut m = Migration::new(row, diags, false);
    for (name, value) in pairs {
        if value.is_empty() {
            continue;
        }
        m.column(name, value);
    }
    m.finish()
}

/// Maps the v0.1 columns a v1 record still carries (`pairs`: the v0.1 name and the value;
/// see [`legacy::LEGACY_IN_V1`]) into its v1 columns, as the migration of a v0.1 file does,
/// with the same warnings on `diags`.
///
/// Only what the migration has a rule for moves: v0.1 labels (mapped), v1 labels already
/// (kept), free texts (`courriel`, `accessibilite`, `labels_autres`). An item of a list that
/// is neither stays aside, under its v0.1 column, in the record's columns outside the
/// standard: a column the standard's validator ignores never makes a row invalid. A list the
/// v1 record already has gets the mapped items it lacks; a single value (`fiche_acces_libre`)
/// the v1 record already has with another value is kept, and the v0.1 value stays aside.
///
/// ```
/// use inclusion_model::{read_csv_str, ReadOptions, NationalProgramme};
/// // A v1 file (it has `frais_a_charge`) with two v0.1 columns.
/// let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj,frais_a_charge,labels_nationaux,courriel\n\
///            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,Gratuit,CNFS;France Services;Label X,a@b.fr\n";
/// let report = read_csv_str(csv, &ReadOptions::default());
/// let place = &report.places[0];
/// assert_eq!(place.national_programmes, [NationalProgramme::DigitalAdvisors, NationalProgramme::FranceServices]);
/// assert_eq!(place.contact.emails, ["a@b.fr"]);
/// assert_eq!(place.extra, [("labels_nationaux".to_owned(), "Label X".to_owned())]);
/// assert_eq!(report.count("file.legacy_column"), 2);
/// ```
pub(crate) fn merge_legacy(
    rec: &mut FlatRecord<'_>,
    pairs: &[(&'static str, &str)],
    row: usize,
    diags: &mut Vec<Diagnostic>,
) {
    let mut m = Migration::new(row, diags, true);
    for (name, value) in pairs {
        if !value.is_empty() {
            m.column(name, value);
        }
    }
    let mut mapped = m.finish();
    for c in Column::ALL {
        let Some(new) = mapped.take(c) else {
            continue;
        };
        match rec.text(c).map(Cow::into_owned) {
            None => rec.set_column(c, Cow::Owned(new.into_string())),
            Some(old) if matches!(c.kind(), ColumnKind::Vocabulary | ColumnKind::FreeList) => {
                let mut items: Vec<&str> = syntax::list_items(&old).collect();
                for item in syntax::list_items(&new) {
                    if !items.contains(&item) {
                        items.push(item);
                    }
                }
                let merged = items.join("|");
                rec.set_column(c, Cow::Owned(merged));
            }
            Some(old) if old == new => {}
            Some(_) => {
                let from = pairs
                    .iter()
                    .find(|(name, _)| {
                        legacy::v1_targets(name).is_some_and(|(_, t)| t.contains(c.name()))
                    })
                    .map_or(c.name(), |(name, _)| name);
                rec.extra.push((from.to_owned(), new.into_string()));
            }
        }
    }
    rec.extra.append(&mut mapped.extra);
}

struct Migration<'d, 'a> {
    row: usize,
    diags: &'d mut Vec<Diagnostic>,
    out: FlatRecord<'a>,
    other_labels: Vec<String>,
    summary: Option<&'a str>,
    detail: Option<&'a str>,
    /// Items without a migration rule that are not v1 labels stay aside (in `out.extra`,
    /// under their v0.1 column) instead of going to the v1 column.
    only_rules: bool,
}

impl<'d, 'a> Migration<'d, 'a> {
    fn new(row: usize, diags: &'d mut Vec<Diagnostic>, only_rules: bool) -> Migration<'d, 'a> {
        Migration {
            row,
            diags,
            out: FlatRecord::new(),
            other_labels: Vec::new(),
            summary: None,
            detail: None,
            only_rules,
        }
    }

    /// Keeps an item aside, under its v0.1 column (see `only_rules`).
    fn aside(&mut self, column: &str, item: &str) {
        match self.out.extra.iter_mut().find(|(name, _)| name == column) {
            Some((_, value)) => {
                value.push(';');
                value.push_str(item);
            }
            None => self.out.extra.push((column.to_owned(), item.to_owned())),
        }
    }

    fn warn(
        &mut self,
        template: &'static Template,
        column: &'static str,
        value: &str,
        args: impl Into<Box<[Arg]>>,
    ) {
        self.diags.push(
            Diagnostic::new(Severity::Warning, template)
                .at_row(self.row)
                .in_column(column)
                .with_value(value)
                .with_args(args),
        );
    }

    fn approximate(&mut self, column: &'static str, value: &str, to: &'static str) {
        self.warn(
            &messages::MIGRATION_APPROXIMATE,
            column,
            value,
            [Arg::Static(to)],
        );
    }

    fn column(&mut self, name: &'a str, value: &'a str) {
        match name {
            "typologie" | "site_web" | "labels_autres" => {
                let target = match name {
                    "labels_autres" => "autres_formations_labels",
                    n => n,
                };
                if name == "labels_autres" {
                    self.other_labels.extend(split(value).map(str::to_owned));
                } else {
                    self.out.set(target, join(split(value)));
                }
            }
            "courriel" => self.out.set("courriels", join(split(value))),
            "accessibilite" => self.out.set("fiche_acces_libre", value),
            "presentation_resume" => self.summary = Some(value),
            "presentation_detail" => self.detail = Some(value),
            "cle_ban" => {
                self.warn(&messages::MIGRATION_CLE_BAN, "cle_ban", value, []);
                self.out.set(name, value);
            }
            "services" => {
                let mapped = self.map_list(
                    "services",
                    value,
                    |v| {
                        legacy::SERVICES
                            .iter()
                            .find(|(l, _)| *l == v)
                            .map(|(_, s)| (s.label_fr(), Fit::Exact))
                    },
                    |v| crate::vocab::Service::from_label(v).is_some(),
                );
                self.out.set("services", mapped);
            }
            "conditions_acces" => {
                let mapped = self.map_list(
                    "conditions_acces",
                    value,
                    |v| {
                        legacy::CONDITIONS
                            .iter()
                            .find(|(l, _, _)| *l == v)
                            .map(|(_, f, fit)| (f.label_fr(), *fit))
                    },
                    |v| crate::vocab::Fee::from_label(v).is_some(),
                );
                self.out.set("frais_a_charge", mapped);
            }
            "modalites_accompagnement" => {
                let mapped = self.map_list(
                    "modalites_accompagnement",
                    value,
                    |v| {
                        legacy::SUPPORT_MODES
                            .iter()
                            .find(|(l, _, _)| *l == v)
                            .map(|(_, m, fit)| (m.label_fr(), *fit))
                    },
                    |v| crate::vocab::SupportMode::from_label(v).is_some(),
                );
                self.out.set("modalites_accompagnement", mapped);
            }
            "publics_accueillis" => self.publics(value),
            "labels_nationaux" => self.labels(value),
            _ => self.out.set(name, value),
        }
    }

    /// Maps each `;`-separated item; an item that is not a v0.1 label is kept as is (the v1
    /// validation judges it), or, with `only_rules`, kept aside unless `is_v1` says it is a
    /// v1 label. Returns the `|`-joined v1 list, without repeats.
    fn map_list(
        &mut self,
        column: &'static str,
        value: &str,
        map: impl Fn(&str) -> Option<(&'static str, Fit)>,
        is_v1: impl Fn(&str) -> bool,
    ) -> String {
        let mut out: Vec<String> = Vec::new();
        for item in split(value) {
            let mapped = match map(item) {
                Some((to, fit)) => {
                    if fit == Fit::Approximate {
                        self.approximate(column, item, to);
                    }
                    to.to_owned()
                }
                None if self.only_rules && !is_v1(item) => {
                    self.aside(column, item);
                    continue;
                }
                None => item.to_owned(),
            };
            if !out.contains(&mapped) {
                out.push(mapped);
            }
        }
        out.join("|")
    }

    fn publics(&mut self, value: &str) {
        let (mut publics, mut support) = (Vec::new(), Vec::new());
        let column = "publics_accueillis";
        for item in split(value) {
            match legacy::PUBLICS.iter().find(|(l, _, _)| *l == item) {
                Some((_, PublicTarget::Public(p), fit)) => {
                    if *fit == Fit::Approximate {
                        self.approximate(column, item, p.label_fr());
                    }
                    push_unique(&mut publics, p.label_fr());
                }
                Some((_, PublicTarget::Support(s), fit)) => {
                    if *fit == Fit::Approximate {
                        self.approximate(column, item, s.label_fr());
                    }
                    push_unique(&mut support, s.label_fr());
                }
                Some((_, PublicTarget::Nothing(why), _)) => self.warn(why, column, item, []),
                None => {
                    // Not a v0.1 label: a v1 public or support already, or an error for v1.
                    if crate::vocab::SpecificSupport::from_label(item).is_some() {
                        push_unique(&mut support, item);
                    } else if self.only_rules && crate::vocab::Public::from_label(item).is_none() {
                        self.aside(column, item);
                    } else {
                        push_unique(&mut publics, item);
                    }
                }
            }
        }
        self.out
            .set("publics_specifiquement_adresses", publics.join("|"));
        self.out
            .set("prise_en_charge_specifique", support.join("|"));
    }

    fn labels(&mut self, value: &str) {
        let (mut programmes, mut training) = (Vec::new(), Vec::new());
        let column = "labels_nationaux";
        for item in split(value) {
            match legacy::LABELS.iter().find(|(l, _, _)| *l == item) {
                Some((_, LabelTarget::Programme(p), fit)) => {
                    if *fit == Fit::Approximate {
                        self.approximate(column, item, p.label_fr());
                    }
                    push_unique(&mut programmes, p.label_fr());
                }
                Some((_, LabelTarget::Training(t), _)) => push_unique(&mut training, t.label_fr()),
                Some((_, LabelTarget::Other, _)) => {
                    self.warn(&messages::MIGRATION_OTHER_LABEL, column, item, []);
                    self.other_labels.push(item.to_owned());
                }
                None => {
                    if self.only_rules {
                        if crate::vocab::TrainingLabel::from_label(item).is_some() {
                            push_unique(&mut training, item);
                        } else if crate::vocab::NationalProgramme::from_label(item).is_some() {
                            push_unique(&mut programmes, item);
                        } else {
                            self.aside(column, item);
                        }
                    } else if crate::vocab::TrainingLabel::parse_lenient(item).is_some() {
                        push_unique(&mut training, item);
                    } else {
                        push_unique(&mut programmes, item);
                    }
                }
            }
        }
        self.out
            .set("dispositif_programmes_nationaux", programmes.join("|"));
        self.out.set("formations_labels", training.join("|"));
    }

    fn finish(mut self) -> FlatRecord<'a> {
        if !self.other_labels.is_empty() {
            let joined = self.other_labels.join("|");
            self.out.set("autres_formations_labels", joined);
        }
        match (self.summary, self.detail) {
            (Some(s), detail) if syntax::char_len(s) > 280 => {
                let cut: String = s.chars().take(279).collect();
                let detail = match detail {
                    Some(d) => format!("{s}\n\n{d}"),
                    None => s.to_owned(),
                };
                self.warn(
                    &messages::MIGRATION_SUMMARY_MOVED,
                    "presentation_resume",
                    s,
                    [],
                );
                self.out.set("presentation_resume", format!("{cut}…"));
                self.out.set("presentation_detail", detail);
            }
            (summary, detail) => {
                if let Some(s) = summary {
                    self.out.set("presentation_resume", s);
                }
                if let Some(d) = detail {
                    self.out.set("presentation_detail", d);
                }
            }
        }
        self.out
    }
}

fn split(value: &str) -> impl Iterator<Item = &str> {
    value.split(';').filter(|s| !s.is_empty())
}

fn join<'x>(items: impl Iterator<Item = &'x str>) -> Cow<'static, str> {
    Cow::Owned(items.collect::<Vec<_>>().join("|"))
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_owned());
    }
}
