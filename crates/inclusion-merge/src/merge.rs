//! [`merge`]: a cluster of duplicate places into one valid v1.0.2 place, with the provenance of
//! every value and every conflict reported.
//!
//! * Members are ordered by `date_maj` (most recent first), then by [quality](crate::quality())
//!   (best first), then by `id`.
//! * A single-valued field takes the value of the first member that has one; the address
//!   (`adresse`, `complement_adresse`, `code_postal`, `code_insee`, `commune`) and the
//!   coordinates each come whole from one member (a missing `code_insee` is taken from a member
//!   with the same postcode and commune). The placeholder `pivot` `00000000000000` counts as no
//!   value. `date_maj` is the most recent.
//! * A list is the union of the members' lists, in member order, without repeats (e-mails,
//!   web sites and free labels compared without case).
//! * `source` lists the members' sources, separated by `|`; the columns outside the standard
//!   (`extra`) are the union of the members'.
//! * The merged `id` is `merged-` followed by 32 hexadecimal digits of a SipHash-1-3 (128 bits,
//!   keys 0) of the sorted member ids joined by line feeds: stable across runs, machines and
//!   input order. A cluster of one place gives that place unchanged (merging is idempotent).
//! * [`Merged::provenance`] lists, for every value of the merged place, the members that had it
//!   (the first one gave it); [`Merged::conflicts`] lists every single-valued field for which
//!   members disagree (names, addresses, phones compared after normalisation, coordinates more
//!   than 50 m apart), with the value kept and the others.

use std::hash::Hasher;

use inclusion_geo::sphere::haversine_m;
use inclusion_model::syntax::{PivotKind, pivot_kind};
use inclusion_model::write::cell;
use inclusion_model::{Column, CompactString, Labels, Place, Record, Vocabulary};
use schemars::JsonSchema;
use serde::Serialize;
use siphasher::sip128::{Hasher128, SipHasher13};

use crate::MergeError;
use crate::config::Config;
use crate::contact::{normalize_phone, website_key};
use crate::quality::quality_on;
use crate::text::fold;

/// A merged place, where each of its values came from, and the values left out.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Merged {
    /// The merged place (its JSON form is the standard's flat record).
    #[serde(serialize_with = "serialize_place")]
    #[schemars(with = "Record<'static>")]
    pub place: Place,
    /// The ids of the members, in merge order (most recent first).
    pub members: Vec<String>,
    /// For every value of the merged place, the members that had it.
    pub provenance: Vec<Provenance>,
    /// The single-valued fields whose members disagree.
    pub conflicts: Vec<Conflict>,
}

fn serialize_place<S: serde::Serializer>(place: &Place, s: S) -> Result<S::Ok, S::Error> {
    Record(place).serialize(s)
}

/// Where a value of a merged place came from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Provenance {
    /// The column (`nom`, `services`...).
    pub column: String,
    /// The value (one label for a list column).
    pub value: String,
    /// The ids of the members that had it; the first gave it.
    pub from: Vec<String>,
}

/// A single-valued field on which members disagree.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Conflict {
    /// The column (`adresse` stands for the whole address, `latitude` for the coordinates).
    pub column: String,
    /// The value kept.
    pub kept: String,
    /// The member it came from.
    pub kept_from: String,
    /// The other values, each with the members that had it.
    pub others: Vec<ConflictValue>,
}

/// A value left out by a merge.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct ConflictValue {
    /// The value.
    pub value: String,
    /// The members that had it.
    pub from: Vec<String>,
}

/// The merged id of a set of member ids (see the [module documentation](self)).
///
/// ```
/// use inclusion_merge::merge::merged_id;
/// let id = merged_id(["b", "a"]);
/// assert_eq!(id, merged_id(["a", "b", "a"]));
/// assert!(id.starts_with("merged-") && id.len() == 7 + 32);
/// assert_eq!(merged_id(["only"]), "only");
/// ```
pub fn merged_id<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    let mut ids: Vec<&str> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() == 1 {
        return ids[0].to_owned();
    }
    let mut h = SipHasher13::new_with_keys(0, 0);
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            h.write(b"\n");
        }
        h.write(id.as_bytes());
    }
    format!("merged-{:032x}", h.finish128().as_u128())
}

/// Merges a cluster of places (see the [module documentation](self)).
///
/// ```
/// use inclusion_merge::{merge, Config};
/// use inclusion_model::{Address, Place, Service};
/// use chrono::NaiveDate;
///
/// let mut old = Place::new("cnfs-1", "33820960400028", "APEJ",
///     Address::new("72 Rue de Pons", "16100", "Cognac"), NaiveDate::from_ymd_opt(2022, 1, 1).unwrap());
/// old.contact.phone = Some("+33545353891".into());
/// old.services.push(Service::AdministrativeProcedures);
/// let mut new = Place::new("dora-7", "33820960400028", "APEJ COGNAC",
///     Address::new("72 RUE DE PONS", "16100", "Cognac"), NaiveDate::from_ymd_opt(2023, 5, 1).unwrap());
/// new.services.push(Service::EverydayDigitalTools);
///
/// let merged = merge(&[&old, &new], &Config::default())?;
/// assert_eq!(merged.place.name, "APEJ COGNAC");             // the most recent
/// assert_eq!(merged.place.contact.phone.as_deref(), Some("+33545353891")); // the only one
/// assert_eq!(merged.place.services.len(), 2);               // the union
/// assert!(merged.place.id.starts_with("merged-"));
/// let name = merged.conflicts.iter().find(|c| c.column == "nom").unwrap();
/// assert_eq!((name.kept.as_str(), name.others[0].value.as_str()), ("APEJ COGNAC", "APEJ"));
/// # Ok::<(), inclusion_merge::MergeError>(())
/// ```
///
/// # Errors
/// [`MergeError::EmptyCluster`] when `members` is empty.
pub fn merge(members: &[&Place], config: &Config) -> Result<Merged, MergeError> {
    let mut distinct: Vec<&Place> = Vec::with_capacity(members.len());
    for m in members {
        if !distinct.iter().any(|d| d.id == m.id) {
            distinct.push(m);
        }
    }
    if distinct.is_empty() {
        return Err(MergeError::EmptyCluster);
    }
    let today = config.today();
    let mut ordered: Vec<(&Place, f64)> = distinct
        .iter()
        .map(|p| (*p, quality_on(p, today).score))
        .collect();
    ordered.sort_by(|(a, qa), (b, qb)| {
        b.updated_on
            .cmp(&a.updated_on)
            .then(qb.total_cmp(qa))
            .then(a.id.cmp(&b.id))
    });
    let members: Vec<&Place> = ordered.into_iter().map(|(p, _)| p).collect();
    let mut merger = Merger {
        members: &members,
        provenance: Vec::new(),
        conflicts: Vec::new(),
    };
    let place = if members.len() == 1 {
        members[0].clone()
    } else {
        merger.build()
    };
    merger.record_provenance(&place);
    Ok(Merged {
        place,
        members: members.iter().map(|p| p.id.to_string()).collect(),
        provenance: merger.provenance,
        conflicts: merger.conflicts,
    })
}

struct Merger<'a> {
    members: &'a [&'a Place],
    provenance: Vec<Provenance>,
    conflicts: Vec<Conflict>,
}

impl Merger<'_> {
    /// The first member with a value (by `get`), and records a conflict when others differ
    /// (compared by `key`).
    fn pick<T: Clone>(
        &mut self,
        column: &str,
        get: impl Fn(&Place) -> Option<T>,
        show: impl Fn(&T) -> String,
        key: impl Fn(&T) -> String,
    ) -> Option<(T, usize)> {
        let values: Vec<(usize, T)> = self
            .members
            .iter()
            .enumerate()
            .filter_map(|(i, p)| get(p).map(|v| (i, v)))
            .collect();
        let (first_i, first) = values.first().cloned()?;
        let kept_key = key(&first);
        let mut others: Vec<ConflictValue> = Vec::new();
        let mut other_keys: Vec<String> = Vec::new();
        for (i, v) in &values[1..] {
            let k = key(v);
            if k == kept_key {
                continue;
            }
            let id = self.members[*i].id.to_string();
            match other_keys.iter().position(|o| *o == k) {
                Some(pos) => others[pos].from.push(id),
                None => {
                    other_keys.push(k);
                    others.push(ConflictValue {
                        value: show(v),
                        from: vec![id],
                    });
                }
            }
        }
        if !others.is_empty() {
            self.conflicts.push(Conflict {
                column: column.to_owned(),
                kept: show(&first),
                kept_from: self.members[first_i].id.to_string(),
                others,
            });
        }
        Some((first, first_i))
    }

    fn text(
        &mut self,
        column: Column,
        get: impl Fn(&Place) -> Option<CompactString>,
    ) -> Option<CompactString> {
        self.pick(
            column.name(),
            |p| get(p).filter(|s| !s.trim().is_empty()),
            CompactString::to_string,
            |s| fold(s),
        )
        .map(|(v, _)| v)
    }

    fn build(&mut self) -> Place {
        let members = self.members;
        let first = members[0];
        let ids: Vec<&str> = members.iter().map(|p| p.id.as_str()).collect();
        let mut place = first.clone();
        place.id = merged_id(ids).into();

        let real_pivot = |p: &Place| {
            let kind = pivot_kind(p.pivot.trim());
            (kind != PivotKind::Placeholder && !p.pivot.trim().is_empty()).then(|| p.pivot.clone())
        };
        place.pivot = self
            .text(Column::Pivot, real_pivot)
            .unwrap_or_else(|| first.pivot.clone());
        place.name = self
            .text(Column::Name, |p| Some(p.name.clone()))
            .unwrap_or_else(|| first.name.clone());
        if let Some((address, _)) = self.pick(
            Column::Street.name(),
            |p| Some(p.address.clone()),
            |a| format!("{}, {} {}", a.street, a.postcode, a.commune),
            |a| fold(&format!("{} {} {}", a.street, a.postcode, a.commune)),
        ) {
            place.address = address;
        }
        if place.address.insee_code.is_none() {
            place.address.insee_code = members.iter().find_map(|p| {
                (p.address.postcode == place.address.postcode
                    && fold(&p.address.commune) == fold(&place.address.commune))
                .then(|| p.address.insee_code.clone())
                .flatten()
            });
        }
        if let Some((coordinates, i)) = self.pick(
            Column::Latitude.name(),
            |p| p.coordinates,
            |c| format!("{}, {}", c.latitude(), c.longitude()),
            |_| String::new(),
        ) {
            place.coordinates = Some(coordinates);
            // Coordinates conflict only when more than 50 m apart.
            self.conflicts
                .retain(|c| c.column != Column::Latitude.name());
            let far: Vec<ConflictValue> = members
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .filter_map(|(_, p)| {
                    let c = p.coordinates?;
                    let d = haversine_m(
                        coordinates.latitude(),
                        coordinates.longitude(),
                        c.latitude(),
                        c.longitude(),
                    );
                    (d > 50.0).then(|| ConflictValue {
                        value: format!("{}, {} ({d:.0} m away)", c.latitude(), c.longitude()),
                        from: vec![p.id.to_string()],
                    })
                })
                .collect();
            if !far.is_empty() {
                self.conflicts.push(Conflict {
                    column: Column::Latitude.name().to_owned(),
                    kept: format!("{}, {}", coordinates.latitude(), coordinates.longitude()),
                    kept_from: members[i].id.to_string(),
                    others: far,
                });
            }
        }
        place.contact.phone = self
            .pick(
                Column::Phone.name(),
                |p| p.contact.phone.clone(),
                CompactString::to_string,
                |s| normalize_phone(s).unwrap_or_else(|| s.to_string()),
            )
            .map(|(v, _)| v);
        place.opening_hours = self
            .pick(
                Column::OpeningHours.name(),
                |p| p.opening_hours.clone(),
                |h| h.as_str().to_owned(),
                |h| h.as_str().split_whitespace().collect::<String>(),
            )
            .map(|(v, _)| v);
        place.summary = self.text(Column::Summary, |p| p.summary.clone());
        place.description = self.text(Column::Description, |p| p.description.clone());
        place.parent_organisation = self.text(Column::ParentOrganisation, |p| {
            p.parent_organisation.clone()
        });
        place.accessibility_url =
            self.text(Column::AccessibilityUrl, |p| p.accessibility_url.clone());
        place.booking_url = self.text(Column::BookingUrl, |p| p.booking_url.clone());
        place.updated_on = members
            .iter()
            .map(|p| p.updated_on)
            .max()
            .unwrap_or(first.updated_on);

        let mut sources: Vec<String> = Vec::new();
        for p in members {
            if let Some(s) = p.source.as_deref().map(str::trim).filter(|s| !s.is_empty())
                && !sources.iter().any(|k| fold(k) == fold(s))
            {
                sources.push(s.to_owned());
            }
        }
        place.source = (!sources.is_empty()).then(|| sources.join("|").into());

        place.typology = union(members, |p| p.typology.clone(), |t| t.code().to_owned());
        place.contact.emails = union(
            members,
            |p| p.contact.emails.clone(),
            |e| e.trim().to_lowercase(),
        );
        place.contact.websites = union(
            members,
            |p| p.contact.websites.clone(),
            |w| {
                website_key(w).map_or_else(
                    || w.as_str().to_lowercase(),
                    |k| format!("{}{}", k.host, k.path),
                )
            },
        );
        place.other_labels = union(members, |p| p.other_labels.clone(), |s| fold(s));
        place.mobility = labels(members, |p| &p.mobility);
        place.services = labels(members, |p| &p.services);
        place.publics = labels(members, |p| &p.publics);
        place.specific_support = labels(members, |p| &p.specific_support);
        place.fees = labels(members, |p| &p.fees);
        place.national_programmes = labels(members, |p| &p.national_programmes);
        place.training_labels = labels(members, |p| &p.training_labels);
        place.access_modes = labels(members, |p| &p.access_modes);
        place.support_modes = labels(members, |p| &p.support_modes);
        place.extra = union(
            members,
            |p| p.extra.clone(),
            |(k, v)| format!("{k}\u{0}{v}"),
        );
        place
    }

    /// Records, for every non-empty column of the merged place, the members that had each
    /// value. Values are compared as written (`cell`); list columns value by value.
    fn record_provenance(&mut self, merged: &Place) {
        for column in Column::ALL {
            if column == Column::Id {
                continue;
            }
            let text = cell(merged, column);
            if text.is_empty() {
                continue;
            }
            let list = matches!(
                column.kind(),
                inclusion_model::ColumnKind::FreeList | inclusion_model::ColumnKind::Vocabulary
            ) || column == Column::Source;
            let values: Vec<&str> = if list {
                text.split('|').collect()
            } else {
                vec![&text]
            };
            for value in values {
                let key = fold(value);
                let from: Vec<String> = self
                    .members
                    .iter()
                    .filter(|p| {
                        let theirs = cell(p, column);
                        if list {
                            theirs.split('|').any(|v| fold(v) == key)
                        } else {
                            fold(&theirs) == key
                        }
                    })
                    .map(|p| p.id.to_string())
                    .collect();
                self.provenance.push(Provenance {
                    column: column.name().to_owned(),
                    value: value.to_owned(),
                    from,
                });
            }
        }
    }
}

/// The union of the members' lists, in member order, without repeats (compared by `key`).
fn union<T: Clone>(
    members: &[&Place],
    list: impl Fn(&Place) -> Vec<T>,
    key: impl Fn(&T) -> String,
) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for p in members {
        for v in list(p) {
            let k = key(&v);
            if !keys.contains(&k) {
                keys.push(k);
                out.push(v);
            }
        }
    }
    out
}

fn labels<V: Vocabulary + Copy + PartialEq>(
    members: &[&Place],
    list: impl Fn(&Place) -> &Labels<V>,
) -> Labels<V> {
    let mut out = Labels::new();
    for p in members {
        for v in list(p).iter() {
            if !out.contains(v) {
                out.push(*v);
            }
        }
    }
    out
}
