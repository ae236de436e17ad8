//! Completing what real files leave out, explicitly and with a report: the code INSEE of each
//! place, from its postcode and commune name.
//!
//! Most real places have no `code_insee` (629 of the 646 Hub du Sud places, all 687 Hinaura
//! places), yet "the places of this commune" is a question by code INSEE. [`complete_insee_codes`]
//! fills the missing codes through the gazetteer's [`Gazetteer::resolve_insee`] (postcode, then
//! the commune's name folded: accents, case, hyphens, `St`/`Saint`, the arrondissements of Paris,
//! Lyon and Marseille, `CEDEX`), only when that names exactly one commune, and reports each place
//! it completed (and how) and each it could not (and why). Codes already given are left as they
//! are. Nothing happens unless it is called: reading a file never invents a code.
//!
//! ```
//! # #[cfg(feature = "embedded-data")] {
//! use inclusion::enrich::complete_insee_codes;
//! use inclusion::territory::communes::Gazetteer;
//!
//! let mut places = inclusion::data::sample_places().to_vec();
//! for p in &mut places {
//!     p.address.insee_code = None; // as published
//! }
//! let report = complete_insee_codes(&mut places, Gazetteer::embedded());
//! assert_eq!(report.completed.len() + report.unresolved.len(), places.len());
//! assert!(report.completed.len() > 600);
//! let first = &report.completed[0];
//! assert_eq!(places[first.place].address.insee_code.as_deref(), Some(first.code.as_str()));
//! println!("{}", report.summary(inclusion::model::Lang::En));
//! # }
//! ```

use std::collections::BTreeMap;

use inclusion_model::{Lang, Place};
use inclusion_territory::communes::{Gazetteer, InseeMatch, InseeUnresolved};
use serde::Serialize;

/// What [`complete_insee_codes`] did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct InseeCompletion {
    /// Places that already had a code INSEE (left as they were).
    pub already: usize,
    /// Places whose code was completed.
    pub completed: Vec<CompletedCode>,
    /// Places whose code could not be completed, with why.
    pub unresolved: Vec<UnresolvedCode>,
}

/// A code INSEE completed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CompletedCode {
    /// The place's position in the slice given.
    pub place: usize,
    /// The place's `id`.
    pub id: String,
    /// The code written in `code_insee`.
    pub code: String,
    /// How the commune was found.
    pub how: InseeMatch,
}

/// A code INSEE that could not be completed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct UnresolvedCode {
    /// The place's position in the slice given.
    pub place: usize,
    /// The place's `id`.
    pub id: String,
    /// Its `code_postal` and `commune`, as given.
    pub postcode: String,
    /// Its `commune`, as given.
    pub commune: String,
    /// Why.
    pub reason: InseeUnresolved,
}

/// Completes the missing `code_insee` of `places` from their postcode and commune name (see
/// the [module docs](self)).
pub fn complete_insee_codes(places: &mut [Place], gazetteer: &Gazetteer) -> InseeCompletion {
    let mut report = InseeCompletion::default();
    for (i, place) in places.iter_mut().enumerate() {
        let address = &mut place.address;
        if address
            .insee_code
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty())
        {
            report.already += 1;
            continue;
        }
        match gazetteer.resolve_insee(&address.postcode, &address.commune) {
            Ok((commune, how)) => {
                address.insee_code = Some(commune.code.as_str().into());
                report.completed.push(CompletedCode {
                    place: i,
                    id: place.id.to_string(),
                    code: commune.code.clone(),
                    how,
                });
            }
            Err(reason) => report.unresolved.push(UnresolvedCode {
                place: i,
                id: place.id.to_string(),
                postcode: address.postcode.to_string(),
                commune: address.commune.to_string(),
                reason,
            }),
        }
    }
    report
}

impl InseeCompletion {
    /// The report in a few lines, in French or English: counts by how each code was found and
    /// why the others were not, then each place left without a code.
    pub fn summary(&self, lang: Lang) -> String {
        let mut how: BTreeMap<InseeMatch, usize> = BTreeMap::new();
        for c in &self.completed {
            *how.entry(c.how).or_default() += 1;
        }
        let mut why: BTreeMap<&'static str, usize> = BTreeMap::new();
        for u in &self.unresolved {
            *why.entry(reason_key(&u.reason, lang)).or_default() += 1;
        }
        // ` (3 by name, 1 …)`, or nothing.
        let detail = |parts: Vec<String>| {
            if parts.is_empty() {
                String::new()
            } else {
                format!(" ({})", parts.join(", "))
            }
        };
        let how = detail(
            how.iter()
                .map(|(k, n)| format!("{n} {}", match_key(*k, lang)))
                .collect(),
        );
        let why = detail(why.iter().map(|(k, n)| format!("{n} {k}")).collect());
        let (completed, unresolved) = (self.completed.len(), self.unresolved.len());
        let mut out = match lang {
            Lang::Fr => format!(
                "code INSEE : {completed} complété(s){how}, {unresolved} laissé(s) sans{why}, {} déjà donné(s)",
                self.already
            ),
            Lang::En => format!(
                "code INSEE: {completed} completed{how}, {unresolved} left without{why}, {} already given",
                self.already
            ),
        };
        for u in &self.unresolved {
            out.push_str(&format!(
                "\n  {} ({} {}){}{}",
                u.id,
                u.postcode,
                u.commune,
                lang.pick(" : ", ": "),
                reason_text(&u.reason, lang)
            ));
        }
        out
    }
}

fn match_key(m: InseeMatch, lang: Lang) -> &'static str {
    match (m, lang) {
        (InseeMatch::Name, Lang::Fr) => "par le nom",
        (InseeMatch::Name, Lang::En) => "by name",
        (InseeMatch::NameInDepartement, Lang::Fr) => {
            "par le nom dans le département d'un code postal CEDEX"
        }
        (InseeMatch::NameInDepartement, Lang::En) => {
            "by name in the département of a CEDEX postcode"
        }
        (InseeMatch::PartOfName, Lang::Fr) => "par une partie du nom",
        (InseeMatch::PartOfName, Lang::En) => "by part of the name",
        (InseeMatch::CloseName, Lang::Fr) => "par un nom à une lettre près",
        (InseeMatch::CloseName, Lang::En) => "by a name spelt within a letter",
        (_, _) => lang.pick("autrement", "other"),
    }
}

fn reason_key(r: &InseeUnresolved, lang: Lang) -> &'static str {
    match (r, lang) {
        (InseeUnresolved::NoName, Lang::Fr) => "sans nom de commune",
        (InseeUnresolved::NoName, Lang::En) => "without a commune name",
        (InseeUnresolved::UnknownPostcode, Lang::Fr) => "au code postal inconnu",
        (InseeUnresolved::UnknownPostcode, Lang::En) => "with an unknown postcode",
        (InseeUnresolved::NameNotInPostcode { .. }, Lang::Fr) => {
            "dont le nom n'est pas une commune du code postal"
        }
        (InseeUnresolved::NameNotInPostcode { .. }, Lang::En) => {
            "whose name is not a commune of the postcode"
        }
        (InseeUnresolved::SeveralCommunes { .. }, Lang::Fr) => "ambigu(s)",
        (InseeUnresolved::SeveralCommunes { .. }, Lang::En) => "ambiguous",
        (_, _) => lang.pick("autre", "other"),
    }
}

/// Why a code was not completed, in words (English: the gazetteer's own text).
fn reason_text(r: &InseeUnresolved, lang: Lang) -> String {
    match (r, lang) {
        (InseeUnresolved::NoName, Lang::Fr) => "pas de nom de commune".to_owned(),
        (InseeUnresolved::UnknownPostcode, Lang::Fr) => {
            "le code postal ne dessert aucune commune et le nom est inconnu dans son département"
                .to_owned()
        }
        (InseeUnresolved::NameNotInPostcode { candidates }, Lang::Fr) => format!(
            "aucune commune du code postal n'a ce nom (le code postal dessert {})",
            candidates.join(", ")
        ),
        (InseeUnresolved::SeveralCommunes { candidates }, Lang::Fr) => {
            format!("plusieurs communes conviennent : {}", candidates.join(", "))
        }
        (r, _) => r.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use inclusion_model::Address;

    fn place(id: &str, postcode: &str, commune: &str, insee: Option<&str>) -> Place {
        let mut address = Address::new("1 rue A", postcode, commune);
        address.insee_code = insee.map(Into::into);
        Place::new(
            id,
            "00000000000000",
            id,
            address,
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        )
    }

    #[test]
    fn completes_only_what_is_missing_and_says_why_not() {
        let g = Gazetteer::parse(
            "code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n\
             38185\tGrenoble\t38\t38000,38100\t156140\t45.17869\t5.71479\tI\n\
             38421\tSaint-Martin-d'Hères\t38\t38400\t38000\t45.17\t5.76\tI\n",
        )
        .unwrap();
        let mut places = vec![
            place("a", "38400", "ST MARTIN D HERES", None),
            place("b", "38000", "Grenoble", Some("38185")),
            place("c", "38000", "Lyon", None),
            place("d", "38044", "GRENOBLE CEDEX 9", Some(" ")),
        ];
        let report = complete_insee_codes(&mut places, &g);
        assert_eq!(report.already, 1);
        assert_eq!(places[0].address.insee_code.as_deref(), Some("38421"));
        assert_eq!(places[3].address.insee_code.as_deref(), Some("38185"));
        assert_eq!(places[2].address.insee_code, None);
        assert_eq!(
            report
                .completed
                .iter()
                .map(|c| (c.id.as_str(), c.how))
                .collect::<Vec<_>>(),
            [
                ("a", InseeMatch::Name),
                ("d", InseeMatch::NameInDepartement)
            ]
        );
        assert_eq!(report.unresolved.len(), 1);
        let summary = report.summary(Lang::En);
        assert!(summary.starts_with("code INSEE: 2 completed (1 by name, 1 by name in the département of a CEDEX postcode), 1 left without (1 whose name is not a commune of the postcode), 1 already given"), "{summary}");
        assert!(summary.contains("c (38000 Lyon): no commune of the postcode has that name"));
        let texte = report.summary(Lang::Fr);
        assert!(texte.starts_with("code INSEE : 2 complété(s) (1 par le nom, 1 par le nom dans le département d'un code postal CEDEX), 1 laissé(s) sans (1 dont le nom n'est pas une commune du code postal), 1 déjà donné(s)"), "{texte}");
        assert!(texte.contains("c (38000 Lyon) : aucune commune du code postal n'a ce nom (le code postal dessert 38185)"), "{texte}");
    }
}
