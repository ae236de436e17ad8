//! Readable reasons, in English and in French, for each comparator's verdict.

use inclusion_model::{CompactString, Place};

use crate::compare::{Comparator, Evidence, Finding, Note};
use crate::contact::{normalize_email, normalize_phone};
use crate::features::Prepared;
use crate::text::Kind;

/// A text in English and in French.
pub(crate) struct Texts {
    pub en: String,
    pub fr: String,
}

fn t(en: String, fr: String) -> Texts {
    Texts { en, fr }
}

fn kinds(mask: u16, fr: bool) -> String {
    Kind::of_mask(mask)
        .map(|k| if fr { k.label_fr() } else { k.label_en() })
        .collect::<Vec<_>>()
        .join(" + ")
}

fn first(v: &[CompactString]) -> &str {
    v.first().map(CompactString::as_str).unwrap_or("")
}

/// The reason of one comparator's verdict on places `a` and `b`.
pub(crate) fn describe(e: &Evidence, a: &Place, b: &Place, pa: &Prepared, pb: &Prepared) -> Texts {
    let mut texts = verdict(e, a, b, pa, pb);
    let note = match e.note {
        Note::None => None,
        Note::SameAddressGeocoding => Some((
            "; same address: the gap is a geocoding difference",
            " ; même adresse : l'écart vient du géocodage",
        )),
        Note::SameStreetGeocoding => Some((
            "; same street: the gap is partly a geocoding difference",
            " ; même rue : l'écart vient en partie du géocodage",
        )),
        Note::DifferentStreetNear => Some((
            "; within 60 m: one building on a corner, or a renamed street",
            " ; à moins de 60 m : un bâtiment d'angle ou une rue renommée",
        )),
        Note::OrganisationLevel => Some((
            "; it names the organisation, not the site, and the addresses differ far apart (R6, R7)",
            " ; il désigne l'organisation, pas le site, et les adresses diffèrent et sont éloignées (R6, R7)",
        )),
        Note::ExplainedByR7b => Some((
            "; explained by rule R7b (one France Services per commune)",
            " ; expliqué par la règle R7b (un France Services par commune)",
        )),
        Note::ItinerantByName => Some((
            "; one record does not say it is itinerant, but the names agree",
            " ; une fiche ne dit pas qu'elle est itinérante, mais les noms concordent",
        )),
    };
    if let Some((en, fr)) = note {
        texts.en.push_str(en);
        texts.fr.push_str(fr);
    }
    texts
}

fn verdict(e: &Evidence, a: &Place, b: &Place, pa: &Prepared, pb: &Prepared) -> Texts {
    let (na, nb) = (&a.name, &b.name);
    let sim = e.similarity;
    match (e.comparator, e.outcome) {
        (Comparator::Name, Finding::Same) => t(
            format!("the names « {na} » and « {nb} » name the same organisation"),
            format!("les noms « {na} » et « {nb} » désignent la même organisation"),
        ),
        (Comparator::Name, Finding::Equivalent) => t(
            format!("one name is generic and the other's words are all in it: « {na} », « {nb} »"),
            format!("un nom est générique et les mots de l'autre y figurent : « {na} », « {nb} »"),
        ),
        (Comparator::Name, Finding::Contained) => t(
            format!("one name is contained in the other: « {na} », « {nb} »"),
            format!("un nom est contenu dans l'autre : « {na} », « {nb} »"),
        ),
        (Comparator::Name, Finding::Partial) => t(
            format!("the names share most of their distinctive words (similarity {sim:.2}): « {na} », « {nb} »"),
            format!("les noms ont la plupart de leurs mots distinctifs en commun (similarité {sim:.2}) : « {na} », « {nb} »"),
        ),
        (Comparator::Name, Finding::Weak) => t(
            format!("the names share few distinctive words (similarity {sim:.2}): « {na} », « {nb} »"),
            format!("les noms ont peu de mots distinctifs en commun (similarité {sim:.2}) : « {na} », « {nb} »"),
        ),
        (Comparator::Name, Finding::GenericSame) => t(
            format!("both names are generic and say the same: the same kind of organisation in the commune (« {na} », « {nb} »)"),
            format!("les deux noms sont génériques et disent la même chose : le même type d'organisation dans la commune (« {na} », « {nb} »)"),
        ),
        (Comparator::Name, Finding::GenericContained) => t(
            format!("both names are generic, the words of one all in the other: « {na} », « {nb} »"),
            format!("les deux noms sont génériques, les mots de l'un tous dans l'autre : « {na} », « {nb} »"),
        ),
        (Comparator::Name, Finding::GenericOther) => t(
            format!("both names are generic and differ: « {na} », « {nb} »"),
            format!("les deux noms sont génériques et diffèrent : « {na} », « {nb} »"),
        ),
        (Comparator::Name, Finding::OneGeneric) => t(
            format!("one name is generic, the other names an organisation: « {na} », « {nb} »"),
            format!("un nom est générique, l'autre désigne une organisation : « {na} », « {nb} »"),
        ),
        (Comparator::Name, _) => t(
            format!("the names share no distinctive word: « {na} », « {nb} »"),
            format!("les noms n'ont aucun mot distinctif en commun : « {na} », « {nb} »"),
        ),
        (Comparator::Kind, Finding::Compatible) => t(
            format!("the names state compatible kinds of organisation ({} / {})", kinds(pa.kinds, false), kinds(pb.kinds, false)),
            format!("les noms indiquent des types d'organisation compatibles ({} / {})", kinds(pa.kinds, true), kinds(pb.kinds, true)),
        ),
        (Comparator::Kind, Finding::Different) => t(
            format!("two kinds of organisation, each its own help point (R2): {} / {}", kinds(pa.kinds, false), kinds(pb.kinds, false)),
            format!("deux types d'organisation, chacune son propre lieu (R2) : {} / {}", kinds(pa.kinds, true), kinds(pb.kinds, true)),
        ),
        (Comparator::Kind, _) => t(
            "a name states no kind of organisation".to_owned(),
            "un nom n'indique pas de type d'organisation".to_owned(),
        ),
        (Comparator::Address, outcome) => {
            let (sa, sb) = (&a.address.street, &b.address.street);
            match outcome {
                Finding::Same => t(
                    format!("same address: « {sa} », « {sb} »"),
                    format!("même adresse : « {sa} », « {sb} »"),
                ),
                Finding::Neighbour => t(
                    format!("same street, neighbouring numbers: « {sa} », « {sb} »"),
                    format!("même rue, numéros voisins : « {sa} », « {sb} »"),
                ),
                Finding::SameStreet => t(
                    format!("same street, a house number missing: « {sa} », « {sb} »"),
                    format!("même rue, un numéro manque : « {sa} », « {sb} »"),
                ),
                Finding::FarNumber => t(
                    format!("same street, numbers {} apart: « {sa} », « {sb} »", e.value),
                    format!("même rue, numéros distants de {} : « {sa} », « {sb} »", e.value),
                ),
                Finding::Different => t(
                    format!("different streets: « {sa} », « {sb} »"),
                    format!("rues différentes : « {sa} », « {sb} »"),
                ),
                _ => t(
                    format!("no street to compare: « {sa} », « {sb} »"),
                    format!("pas de rue à comparer : « {sa} », « {sb} »"),
                ),
            }
        }
        (Comparator::Commune, Finding::Same) => t(
            format!("same commune: {}", a.address.commune),
            format!("même commune : {}", a.address.commune),
        ),
        (Comparator::Commune, _) => t(
            format!("different communes: {} {}, {} {}", a.address.postcode, a.address.commune, b.address.postcode, b.address.commune),
            format!("communes différentes : {} {}, {} {}", a.address.postcode, a.address.commune, b.address.postcode, b.address.commune),
        ),
        (Comparator::Distance, Finding::Measured) => t(
            format!("{:.0} m apart", e.value),
            format!("à {:.0} m l'un de l'autre", e.value),
        ),
        (Comparator::Distance, _) => t(
            "coordinates missing on one side".to_owned(),
            "coordonnées absentes d'un côté".to_owned(),
        ),
        (Comparator::Identifier, Finding::Same) => t(
            format!("same identifier {}", a.pivot.trim()),
            format!("même identifiant {}", a.pivot.trim()),
        ),
        (Comparator::Identifier, Finding::SameEntity) => t(
            format!("same SIREN {}, other establishments (R6: sites of one legal entity): {}, {}", &a.pivot.trim()[..9], a.pivot.trim(), b.pivot.trim()),
            format!("même SIREN {}, autres établissements (R6 : sites d'une même entité) : {}, {}", &a.pivot.trim()[..9], a.pivot.trim(), b.pivot.trim()),
        ),
        (Comparator::Identifier, Finding::Different) => t(
            format!("different identifiers: {}, {}", a.pivot.trim(), b.pivot.trim()),
            format!("identifiants différents : {}, {}", a.pivot.trim(), b.pivot.trim()),
        ),
        (Comparator::Identifier, _) => t(
            "no identifier to compare (placeholder or absent)".to_owned(),
            "pas d'identifiant à comparer (fictif ou absent)".to_owned(),
        ),
        (Comparator::Phone, outcome) => {
            let e164 = |p: &Place| {
                p.contact
                    .phone
                    .as_deref()
                    .map(|x| normalize_phone(x).unwrap_or_else(|| x.to_owned()))
                    .unwrap_or_default()
            };
            let (pa_phone, pb_phone) = (e164(a), e164(b));
            match outcome {
                Finding::Same => t(
                    format!("same phone {pa_phone}"),
                    format!("même téléphone {pa_phone}"),
                ),
                Finding::SamePersonal => t(
                    format!("same phone {pa_phone}, but a mobile or from a per-person feed: one person may serve both places (R11)"),
                    format!("même téléphone {pa_phone}, mais un mobile ou d'un flux par personne : une personne peut servir les deux lieux (R11)"),
                ),
                Finding::Different => t(
                    format!("different phones: {pa_phone}, {pb_phone}"),
                    format!("téléphones différents : {pa_phone}, {pb_phone}"),
                ),
                _ => t(
                    "a phone is missing".to_owned(),
                    "un téléphone manque".to_owned(),
                ),
            }
        }
        (Comparator::Email, outcome) => {
            let emails = |p: &Place| -> Vec<String> {
                p.contact.emails.iter().filter_map(|e| normalize_email(e)).collect()
            };
            let theirs = emails(b);
            let shared = emails(a)
                .into_iter()
                .find(|x| theirs.contains(x))
                .unwrap_or_default();
            match outcome {
                Finding::Same => t(
                    format!("same e-mail {shared}"),
                    format!("même courriel {shared}"),
                ),
                Finding::SamePersonal => t(
                    format!("same e-mail {shared}, a person's: one person may serve both places (R11)"),
                    format!("même courriel {shared}, celui d'une personne : elle peut servir les deux lieux (R11)"),
                ),
                Finding::Different => t(
                    format!("no shared e-mail: {}, {}", a.contact.emails.join(", "), b.contact.emails.join(", ")),
                    format!("aucun courriel commun : {}, {}", a.contact.emails.join(", "), b.contact.emails.join(", ")),
                ),
                _ => t("an e-mail is missing".to_owned(), "un courriel manque".to_owned()),
            }
        }
        (Comparator::Website, outcome) => {
            let (wa, wb) = (first(&a.contact.websites), first(&b.contact.websites));
            match outcome {
                Finding::Same => t(format!("same web page {wa}"), format!("même page web {wa}")),
                Finding::SameHost => t(
                    format!("same web site, other pages (a network's site): {wa}, {wb}"),
                    format!("même site web, autres pages (site d'un réseau) : {wa}, {wb}"),
                ),
                Finding::Different => t(
                    format!("different web sites: {wa}, {wb}"),
                    format!("sites web différents : {wa}, {wb}"),
                ),
                _ => t("a web site is missing".to_owned(), "un site web manque".to_owned()),
            }
        }
        (Comparator::Typology, outcome) => {
            let codes = |p: &Place| {
                p.typology
                    .iter()
                    .map(|t| t.code())
                    .collect::<Vec<_>>()
                    .join("|")
            };
            let (ca, cb) = (codes(a), codes(b));
            match outcome {
                Finding::Shared => t(
                    format!("compatible typologie: {ca}, {cb}"),
                    format!("typologies compatibles : {ca}, {cb}"),
                ),
                Finding::Disjoint => t(
                    format!("typologie codes with nothing in common: {ca}, {cb}"),
                    format!("typologies sans code commun : {ca}, {cb}"),
                ),
                _ => t("a typologie is missing".to_owned(), "une typologie manque".to_owned()),
            }
        }
        (Comparator::Parent, outcome) => {
            let pa = a.parent_organisation.as_deref().unwrap_or("");
            let pb = b.parent_organisation.as_deref().unwrap_or("");
            match outcome {
                Finding::Same => t(
                    format!("same parent structure « {pa} »"),
                    format!("même structure parente « {pa} »"),
                ),
                Finding::Different => t(
                    format!("different parent structures: « {pa} », « {pb} »"),
                    format!("structures parentes différentes : « {pa} », « {pb} »"),
                ),
                _ => t(
                    "a parent structure is missing".to_owned(),
                    "une structure parente manque".to_owned(),
                ),
            }
        }
        (Comparator::FranceServices, _) => t(
            "two France Services of one commune within 500 m, names and phones not contradicting: a commune almost always has one (R7b)".to_owned(),
            "deux France Services d'une même commune à moins de 500 m, sans nom ni téléphone contradictoire : une commune en a presque toujours un seul (R7b)".to_owned(),
        ),
        (Comparator::Itinerant, Finding::FixedVsItinerant) => t(
            "a stop of an itinerant service and a fixed place are two places (R4)".to_owned(),
            "un arrêt d'un service itinérant et un lieu fixe sont deux lieux (R4)".to_owned(),
        ),
        (Comparator::Itinerant, Finding::OtherStop) => t(
            "two stops of an itinerant service, each its own place (R4)".to_owned(),
            "deux arrêts d'un service itinérant, chacun son propre lieu (R4)".to_owned(),
        ),
        (Comparator::Itinerant, _) => t(
            "the same stop of an itinerant service".to_owned(),
            "le même arrêt d'un service itinérant".to_owned(),
        ),
    }
}
