//! The texts the export writes in data·inclusion's free-text fields, and how the import
//! recognises them.
//!
//! data·inclusion has no field for three lists of the standard, or keeps only part of them in
//! its codes: the export then writes them, with the standard's own column title and labels, in
//! the free-text field meant for details. The import reads such a text back only when it has
//! exactly this form; any other text is reported (it has no place in the standard).
//!
//! | standard column | data·inclusion field | written when |
//! |---|---|---|
//! | `prise_en_charge_specifique` | `publics_precisions` | always (no code exists) |
//! | `frais_a_charge` | `frais_precisions` | the fees are not exactly « Gratuit » or exactly « Payant » |
//! | `modalites_acces` | `mobilisation_precisions` | `modes_mobilisation` and `mobilisable_par` do not give them back exactly |
//!
//! ```
//! use inclusion_exchange::data_inclusion::precisions;
//! use inclusion_model::{Fee, SpecificSupport};
//!
//! let text = precisions::write_list(&[SpecificSupport::Deafness, SpecificSupport::Illiteracy]);
//! assert_eq!(text, "Prise en charge spécifique : Surdité, Illettrisme");
//! assert_eq!(
//!     precisions::read_list::<SpecificSupport>(&text),
//!     Some(vec![SpecificSupport::Deafness, SpecificSupport::Illiteracy])
//! );
//! assert_eq!(precisions::read_list::<Fee>(&text), None); // another column's title
//! assert_eq!(precisions::read_list::<SpecificSupport>("Accueil LSF le mardi"), None);
//! ```

use inclusion_model::columns::Column;
use inclusion_model::vocab::Vocabulary;

/// Between the title and the labels.
const TITLE_SEPARATOR: &str = " : ";
/// Between two labels (no label of the three vocabularies contains it).
const LABEL_SEPARATOR: &str = ", ";

/// The column title of a vocabulary (e.g. « Frais à charge »).
fn title<V: Vocabulary>() -> &'static str {
    Column::from_name(V::COLUMN).map_or(V::COLUMN, Column::title)
}

/// `« <column title> : <label>, <label> »`.
pub fn write_list<V: Vocabulary>(values: &[V]) -> String {
    let labels: Vec<&str> = values.iter().map(|v| v.label_fr()).collect();
    format!(
        "{}{TITLE_SEPARATOR}{}",
        title::<V>(),
        labels.join(LABEL_SEPARATOR)
    )
}

/// The values of a text written by [`write_list`] for this vocabulary, or `None` when the text
/// has another form (a producer's own words).
pub fn read_list<V: Vocabulary>(text: &str) -> Option<Vec<V>> {
    let rest = text
        .strip_prefix(title::<V>())?
        .strip_prefix(TITLE_SEPARATOR)?;
    rest.split(LABEL_SEPARATOR).map(V::from_label).collect()
}

/// The description the export gives a service when the place has no detailed presentation:
/// `« <service> : service de médiation numérique proposé par <structure>. »`. The import
/// recognises it and does not turn it into a presentation.
///
/// ```
/// use inclusion_exchange::data_inclusion::precisions::generated_description;
/// assert_eq!(
///     generated_description("Accès internet et matériel informatique", "Médiathèque"),
///     "Accès internet et matériel informatique : service de médiation numérique proposé par Médiathèque."
/// );
/// ```
pub fn generated_description(service_nom: &str, structure_nom: &str) -> String {
    // Concatenated: `format!` cost about 790 instructions a service, this about 260.
    [
        service_nom,
        " : service de médiation numérique proposé par ",
        structure_nom,
        ".",
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use inclusion_model::vocab::{AccessMode, Fee, SpecificSupport};

    fn no_separator_in_labels<V: Vocabulary>() {
        for v in V::ALL {
            assert!(!v.label_fr().contains(LABEL_SEPARATOR), "{}", v.label_fr());
        }
    }

    #[test]
    fn labels_never_contain_the_separator() {
        no_separator_in_labels::<SpecificSupport>();
        no_separator_in_labels::<Fee>();
        no_separator_in_labels::<AccessMode>();
    }

    #[test]
    fn every_subset_round_trips() {
        for bits in 1u32..(1 << AccessMode::ALL.len()) {
            let v: Vec<AccessMode> = AccessMode::ALL
                .iter()
                .copied()
                .filter(|m| bits & (1 << m.index()) != 0)
                .collect();
            assert_eq!(read_list::<AccessMode>(&write_list(&v)), Some(v));
        }
    }

    #[test]
    fn titles_are_the_standard_column_titles() {
        assert_eq!(write_list(&[Fee::Free]), "Frais à charge : Gratuit");
        assert_eq!(
            write_list(&[AccessMode::NoPublicReception]),
            "Modalités d'accès : Ce lieu n'accueille pas de public"
        );
        assert_eq!(read_list::<Fee>("Frais à charge : "), None);
        assert_eq!(read_list::<Fee>("Frais à charge : Gratuit,Payant"), None);
    }
}
