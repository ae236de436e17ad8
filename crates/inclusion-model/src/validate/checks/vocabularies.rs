//! Vocabulary checks: the labels of the list columns, `typologie`, and the quirks of
//! `formations_labels`.
//!
//! | code | level | severity | check |
//! |---|---|---|---|
//! | `label` | Standard | error | an item of a vocabulary column (`services`, `frais_a_charge`...) that is not one of its labels, exactly (case, accents in NFC, ASCII apostrophe); an empty item (`Gratuit\|`, `\|\|`) |
//! | `formations_labels.etapes_spelling` | Standard | error | `Étapes numériques (La Poste)` with a space: the standard's pattern spells it without, and the official validator refuses it (lenient reading keeps the label) |
//! | `formations_labels.ordi_variant` | Strict | warning | `ORDI 3X0`: accepted by the standard's pattern, whose dot is not escaped, but not the label's spelling |
//! | `typologie.unlisted` | Strict | warning | a `typologie` code outside the 92 codes of the reference library (the standard does not restrict them: the code is kept) |
//!
//! The value of a `label` diagnostic is the whole cell; its message names the item, says what
//! is wrong when the cause is a frequent one — a typographic apostrophe (`label.apostrophe`),
//! spaces around `|` (`label.spaces`), the case (`label.case`), decomposed accents
//! (`label.nfc`), a value of the standard's v0.1 in a v1 file (`label.v01`), `;` as separator
//! (`label.separator`) — and lists the valid labels.
//!
//! ```
//! use inclusion_model::{read_csv_str, ReadOptions};
//!
//! let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj,frais_a_charge,formations_labels\n\
//!            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,Gratuit | Payant,\n\
//!            p2,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,,Étapes numériques (La Poste)\n";
//! let report = read_csv_str(csv, &ReadOptions::default());
//! let found: Vec<_> = report.diagnostics.iter().filter(|d| d.row().is_some())
//!     .map(|d| (d.row(), d.code(), d.template().key())).collect();
//! assert_eq!(found, [
//!     (Some(2), "label", "label.spaces"),
//!     (Some(2), "label", "label.spaces"),
//!     (Some(3), "formations_labels.etapes_spelling", "formations_labels.etapes_spelling"),
//! ]);
//! assert_eq!(report.diagnostics.iter().find(|d| d.row() == Some(2)).unwrap().message_en(),
//!     "'Gratuit ' is not a valid value; remove the spaces around '|': 'Gratuit'. \
//!      Valid values: Gratuit | Gratuit sous condition | Payant.");
//! ```

use crate::columns::Column;
use crate::diagnostic::{Arg, Template};
use crate::labels::Labels;
use crate::legacy;
use crate::messages;
use crate::syntax;
use crate::typology::Typology;
use crate::vocab::{self, TrainingLabel, Vocabulary};

use super::super::row::Row;

/// `label`: the labels of a vocabulary column, each item that is not one reported.
#[inline]
pub(crate) fn list<V: Vocabulary>(r: &mut Row<'_, '_>, c: Column) -> Labels<V> {
    let Some(s) = r.get(c) else {
        return Labels::new();
    };
    let mut out = Labels::new();
    for item in syntax::list_items(s) {
        match V::from_label(item) {
            Some(v) => out.push(v),
            None => label_error::<V>(r, c, s, item),
        }
    }
    out
}

/// `typologie.unlisted` (Strict): the `typologie` codes, listed or not.
#[inline]
pub(crate) fn typology(r: &mut Row<'_, '_>) -> Vec<Typology> {
    let c = Column::Typology;
    let Some(s) = r.get(c) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in syntax::list_items(s).filter(|i| !i.is_empty()) {
        let t = Typology::listed(item).unwrap_or_else(|| Typology::Unlisted(item.to_owned()));
        if r.strict && !t.is_listed() {
            r.warn(c, item, &messages::TYPOLOGY_UNLISTED, []);
        }
        out.push(t);
    }
    out
}

/// `label`, `formations_labels.etapes_spelling`, `formations_labels.ordi_variant`: the
/// labels of `formations_labels`.
#[inline]
pub(crate) fn training_labels(r: &mut Row<'_, '_>) -> Labels<TrainingLabel> {
    let c = Column::TrainingLabels;
    let Some(s) = r.get(c) else {
        return Labels::new();
    };
    let mut out = Labels::new();
    for item in syntax::list_items(s) {
        if let Some(v) = TrainingLabel::from_label(item) {
            out.push(v);
        } else if item == TrainingLabel::ETAPES_NUMERIQUES_SPACED {
            r.error(c, s, &messages::ETAPES_SPELLING, []);
            if r.lenient {
                out.push(TrainingLabel::EtapesNumeriques);
            }
        } else if vocab::is_ordi_variant(item) {
            if r.strict {
                r.warn(c, s, &messages::ORDI_VARIANT, [Arg::from(item)]);
            }
            out.push(TrainingLabel::Ordi30);
        } else {
            label_error::<TrainingLabel>(r, c, s, item);
        }
    }
    out
}

/// `label` on `item` of the cell `cell`.
fn label_error<V: Vocabulary>(r: &mut Row<'_, '_>, c: Column, cell: &str, item: &str) {
    let (template, label) = label_problem::<V>(item);
    let args: Box<[Arg]> = match label {
        Some(label) => Box::new([Arg::from(item), Arg::Static(label)]),
        None => Box::new([Arg::from(item)]),
    };
    r.error(c, cell, template, args);
}

/// What is wrong with a list item that is not a label, with a hint when the cause is a
/// frequent one; the label meant, when the hint names one.
fn label_problem<V: Vocabulary>(item: &str) -> (&'static Template, Option<&'static str>) {
    if item.is_empty() {
        return (&messages::LABEL_EMPTY, None);
    }
    let folded = item.replace('\u{2019}', "'");
    for v in V::ALL {
        let label = v.label_fr();
        let template = if folded == label {
            &messages::LABEL_APOSTROPHE
        } else if item.trim() == label {
            &messages::LABEL_SPACES
        } else if item.to_lowercase() == label.to_lowercase() {
            &messages::LABEL_CASE
        } else if item.contains(['\u{301}', '\u{300}', '\u{302}', '\u{308}', '\u{327}'])
            && strip_combining(item) == strip_accents(label)
        {
            &messages::LABEL_NFC
        } else {
            continue;
        };
        return (template, Some(label));
    }
    if item.split(';').any(legacy::is_v01_label) {
        (&messages::LABEL_V01, None)
    } else if item.contains(';') {
        (&messages::LABEL_SEPARATOR, None)
    } else {
        (&messages::LABEL_UNKNOWN, None)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{AccessMode, Fee, Mobility, Service};

    #[test]
    fn hints_name_the_label_meant() {
        fn key(
            (t, label): (&'static Template, Option<&'static str>),
        ) -> (&'static str, Option<&'static str>) {
            (t.key(), label)
        }
        assert_eq!(key(label_problem::<Fee>("")), ("label.empty", None));
        assert_eq!(
            key(label_problem::<AccessMode>(
                "Ce lieu n\u{2019}accueille pas de public"
            )),
            (
                "label.apostrophe",
                Some("Ce lieu n'accueille pas de public")
            )
        );
        assert_eq!(
            key(label_problem::<Fee>(" Payant")),
            ("label.spaces", Some("Payant"))
        );
        assert_eq!(
            key(label_problem::<Fee>("GRATUIT")),
            ("label.case", Some("Gratuit"))
        );
        assert_eq!(
            key(label_problem::<Mobility>("Itine\u{301}rant")),
            ("label.nfc", Some("Itinérant"))
        );
        assert_eq!(
            key(label_problem::<Service>("Prendre en main un ordinateur")),
            ("label.v01", None)
        );
        assert_eq!(
            key(label_problem::<Fee>("Gratuit;Payant")),
            ("label.separator", None)
        );
        assert_eq!(key(label_problem::<Fee>("Gratos")), ("label.unknown", None));
    }
}
