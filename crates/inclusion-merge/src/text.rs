//! Text normalisation for names and street addresses: folding, tokens, stop words, the
//! organisation vocabulary (generic words, kinds of organisation), French abbreviations and
//! acronyms, and street parsing.
//!
//! Everything here works on folded text ([`fold`]: lower case, no accents, punctuation as
//! spaces, `st`/`ste` as `saint`/`sainte`), one token at a time, with no allocation beyond the
//! token lists it returns. The word lists are the documented heart of the comparison: a word
//! is *generic* when many unrelated organisations carry it ("mairie", "médiathèque",
//! "espace", "France Services"), so that sharing it proves little, and a *kind* says what an
//! organisation is, so that a mairie and a library at one address stay two places.

use std::borrow::Cow;

pub use inclusion_territory::communes::fold;

/// Words that carry no meaning in a name or a street (articles, prepositions).
pub(crate) fn is_stop_word(t: &str) -> bool {
    matches!(
        t,
        "de" | "du"
            | "des"
            | "d"
            | "la"
            | "le"
            | "les"
            | "l"
            | "et"
            | "a"
            | "au"
            | "aux"
            | "en"
            | "pour"
            | "sur"
            | "par"
            | "chez"
            | "un"
            | "une"
            | "dans"
            | "avec"
            | "the"
            | "of"
            | "and"
    )
}

/// The stem of a folded token: plural `s`/`x` removed, `aux` read as `al`, and the feminine and
/// adjective forms of the organisation vocabulary mapped to one word, so that
/// « départementale » and « Dép. » meet « département ».
pub(crate) fn stem(t: &str) -> Cow<'_, str> {
    let t = match t {
        "dep" | "dept" | "depart" | "departemental" | "departementale" | "departementaux"
        | "departementales" | "departements" => return Cow::Borrowed("departement"),
        "asso" | "assoc" | "ass" | "associatif" | "associative" => {
            return Cow::Borrowed("association");
        }
        "bibli" | "biblio" | "bib" | "bm" => return Cow::Borrowed("bibliotheque"),
        "media" | "mediatheques" => return Cow::Borrowed("mediatheque"),
        "ctre" => return Cow::Borrowed("centre"),
        "sociaux" | "sociale" | "sociales" => return Cow::Borrowed("social"),
        "communale" | "communaux" | "communales" => return Cow::Borrowed("communal"),
        "intercommunale" | "intercommunaux" => return Cow::Borrowed("intercommunal"),
        "municipale" | "municipaux" | "municipales" => return Cow::Borrowed("municipal"),
        "locale" | "locaux" | "locales" => return Cow::Borrowed("local"),
        "culturelle" | "culturels" | "culturelles" => return Cow::Borrowed("culturel"),
        "publique" | "publiques" | "publics" => return Cow::Borrowed("public"),
        "numeriques" => return Cow::Borrowed("numerique"),
        "solidaires" => return Cow::Borrowed("solidaire"),
        "familiale" | "familiales" | "familiaux" => return Cow::Borrowed("familial"),
        "regionale" | "regionaux" | "regionales" => return Cow::Borrowed("regional"),
        "info" | "infos" | "informations" => return Cow::Borrowed("information"),
        "agglo" => return Cow::Borrowed("agglomeration"),
        "cyber" | "cyberbase" | "cybercentre" | "cyberespace" => return Cow::Borrowed("cyber"),
        "num" | "numer" | "numeriq" => return Cow::Borrowed("numerique"),
        "soc" | "socia" => return Cow::Borrowed("social"),
        "mais" | "mson" => return Cow::Borrowed("maison"),
        "esp" | "espa" => return Cow::Borrowed("espace"),
        "serv" | "svc" | "svce" => return Cow::Borrowed("service"),
        "mun" | "munic" | "municip" => return Cow::Borrowed("municipal"),
        "interco" => return Cow::Borrowed("intercommunal"),
        "cte" | "communaut" => return Cow::Borrowed("communaute"),
        "admin" | "adm" => return Cow::Borrowed("administratif"),
        "educ" => return Cow::Borrowed("education"),
        "form" => return Cow::Borrowed("formation"),
        "inf" => return Cow::Borrowed("information"),
        "pt" => return Cow::Borrowed("point"),
        "gd" | "gde" => return Cow::Borrowed("grand"),
        "pop" => return Cow::Borrowed("populaire"),
        t => t,
    };
    if t.len() > 4 && t.ends_with("aux") {
        return Cow::Owned(format!("{}al", &t[..t.len() - 3]));
    }
    if t.len() > 3 && (t.ends_with('s') || t.ends_with('x')) && !t.ends_with("ss") {
        return Cow::Borrowed(&t[..t.len() - 1]);
    }
    Cow::Borrowed(t)
}

/// Well-known acronyms of the field, expanded to the words they stand for (already stemmed),
/// so that « EFS de Rouillac » and « Espace France Services Rouillac » read alike and the kind
/// of organisation is found. `first` says whether the token opens the name: `cc`, `ca` and
/// `cs` are expanded only there (elsewhere they are too ambiguous).
pub(crate) fn expand_acronym(t: &str, first: bool) -> Option<&'static [&'static str]> {
    Some(match t {
        "efs" => &["espace", "france", "service"],
        "fs" => &["france", "service"],
        "mfs" => &["maison", "france", "service"],
        "msap" => &["maison", "service", "public"],
        "ccas" => &["centre", "communal", "action", "social"],
        "cias" => &["centre", "intercommunal", "action", "social"],
        "mjc" => &["maison", "jeune", "culture"],
        "pij" => &["point", "information", "jeunesse"],
        "bij" => &["bureau", "information", "jeunesse"],
        "cij" => &["centre", "information", "jeunesse"],
        "crij" => &["centre", "regional", "information", "jeunesse"],
        "epn" => &["espace", "public", "numerique"],
        "cdc" => &["communaute", "commune"],
        "cc" if first => &["communaute", "commune"],
        "ca" if first => &["communaute", "agglomeration"],
        "cs" if first => &["centre", "social"],
        "csc" => &["centre", "socioculturel"],
        "cscs" => &["centre", "social", "culturel"],
        "mds" => &["maison", "solidarite"],
        "cnfs" => &["conseiller", "numerique"],
        _ => return None,
    })
}

/// Words that many unrelated organisations carry: sharing one proves little, and a name made
/// only of them (and of its commune's name) is *generic* (« Mairie », « Médiathèque de
/// Faverges », « France Services »). Compared stemmed.
pub(crate) fn is_generic(t: &str) -> bool {
    matches!(
        t,
        "mairie"
            | "hotel"
            | "ville"
            | "annexe"
            | "deleguee"
            | "delegue"
            | "quartier"
            | "commune"
            | "communal"
            | "intercommunal"
            | "communaute"
            | "agglomeration"
            | "metropole"
            | "departement"
            | "region"
            | "regional"
            | "conseil"
            | "municipal"
            | "mediatheque"
            | "bibliotheque"
            | "ludotheque"
            | "espace"
            | "france"
            | "service"
            | "maison"
            | "centre"
            | "social"
            | "socioculturel"
            | "socio"
            | "culturel"
            | "culture"
            | "numerique"
            | "public"
            | "point"
            | "information"
            | "jeunesse"
            | "jeune"
            | "accueil"
            | "association"
            | "conseiller"
            | "conseillere"
            | "permanence"
            | "antenne"
            | "agence"
            | "mission"
            | "local"
            | "emploi"
            | "insertion"
            | "cyber"
            | "tier"
            | "lieu"
            | "fablab"
            | "atelier"
            | "mediation"
            | "solidarite"
            | "solidaire"
            | "pole"
            | "site"
            | "bureau"
            | "poste"
            | "postal"
            | "office"
            | "club"
            | "foyer"
            | "famille"
            | "familial"
            | "senior"
            | "aide"
            | "acce"
            | "inclusion"
            | "formation"
            | "education"
            | "populaire"
            | "union"
            | "federation"
            | "groupement"
            | "action"
            | "ressource"
            | "relai"
            | "salle"
            | "direction"
            | "structure"
            | "reseau"
            | "informatique"
            | "internet"
            | "logement"
            | "habitat"
            | "sante"
            | "autonomie"
            | "enfance"
            | "retraite"
            | "handicap"
            | "travail"
            | "economie"
            | "economique"
            | "developpement"
            | "vie"
            | "projet"
            | "animation"
            | "multimedia"
            | "digital"
            | "communication"
            | "administratif"
            | "administrative"
            | "demarche"
            | "itinerant"
            | "itinerante"
            | "bus"
            | "mobile"
            | "caf"
            | "msa"
            | "cpam"
            | "pimm"
            | "udaf"
    )
}

/// The kind of an organisation, as its name says it. Two places whose names state two
/// different kinds (a mairie and a France Services, a library and a CCAS) are two
/// organisations, even at one address (rule R2 of the labelling policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Kind {
    FranceServices,
    Mairie,
    Library,
    Ccas,
    SocialCentre,
    Mjc,
    YouthInformation,
    PostOffice,
    Intercommunality,
    MissionLocale,
    ThirdPlace,
    Caf,
    EmploymentAgency,
    DepartmentSocial,
}

impl Kind {
    /// The bit of this kind in a mask.
    pub(crate) const fn bit(self) -> u16 {
        1 << self as u8
    }

    pub(crate) const ALL: [Kind; 14] = [
        Kind::FranceServices,
        Kind::Mairie,
        Kind::Library,
        Kind::Ccas,
        Kind::SocialCentre,
        Kind::Mjc,
        Kind::YouthInformation,
        Kind::PostOffice,
        Kind::Intercommunality,
        Kind::MissionLocale,
        Kind::ThirdPlace,
        Kind::Caf,
        Kind::EmploymentAgency,
        Kind::DepartmentSocial,
    ];

    /// The French name of the kind, for explanations.
    pub(crate) const fn label_fr(self) -> &'static str {
        match self {
            Kind::FranceServices => "France Services",
            Kind::Mairie => "mairie",
            Kind::Library => "médiathèque ou bibliothèque",
            Kind::Ccas => "CCAS",
            Kind::SocialCentre => "centre social",
            Kind::Mjc => "MJC",
            Kind::YouthInformation => "information jeunesse",
            Kind::PostOffice => "La Poste",
            Kind::Intercommunality => "intercommunalité",
            Kind::MissionLocale => "mission locale",
            Kind::ThirdPlace => "tiers-lieu",
            Kind::Caf => "CAF",
            Kind::EmploymentAgency => "France Travail",
            Kind::DepartmentSocial => "action sociale du département",
        }
    }

    /// The English name of the kind, for explanations.
    pub(crate) const fn label_en(self) -> &'static str {
        match self {
            Kind::FranceServices => "France Services",
            Kind::Mairie => "town hall",
            Kind::Library => "library",
            Kind::Ccas => "CCAS (municipal social action)",
            Kind::SocialCentre => "social centre",
            Kind::Mjc => "MJC (youth and culture centre)",
            Kind::YouthInformation => "youth information",
            Kind::PostOffice => "post office",
            Kind::Intercommunality => "intercommunality",
            Kind::MissionLocale => "mission locale",
            Kind::ThirdPlace => "third place",
            Kind::Caf => "CAF (family allowance office)",
            Kind::EmploymentAgency => "employment agency",
            Kind::DepartmentSocial => "département's social services",
        }
    }

    /// The kinds of a mask.
    pub(crate) fn of_mask(mask: u16) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| mask & k.bit() != 0)
    }
}

/// Kinds that may describe one organisation together: a France Services desk is often run
/// by La Poste, an intercommunality, a CCAS or a social centre, and named after it (rule R2b).
pub(crate) fn kinds_compatible(a: u16, b: u16) -> bool {
    if a == 0 || b == 0 || a & b != 0 {
        return true;
    }
    let fs = Kind::FranceServices.bit();
    let hosts = Kind::PostOffice.bit()
        | Kind::Intercommunality.bit()
        | Kind::SocialCentre.bit()
        | Kind::DepartmentSocial.bit();
    (a & fs != 0 && b & hosts != 0) || (b & fs != 0 && a & hosts != 0)
}

/// The kinds a sequence of stemmed name tokens states.
pub(crate) fn kinds_of(tokens: &[&str]) -> u16 {
    let mut mask = 0u16;
    let has = |i: usize, words: &[&str]| -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.get(i + k) == Some(w))
    };
    for (i, &t) in tokens.iter().enumerate() {
        let kind = match t {
            "france" if has(i, &["france", "service"]) => Some(Kind::FranceServices),
            "maison" if has(i, &["maison", "service", "public"]) => Some(Kind::FranceServices),
            "mairie" => Some(Kind::Mairie),
            "hotel" if has(i, &["hotel", "ville"]) => Some(Kind::Mairie),
            "commune" | "ville" if i == 0 => Some(Kind::Mairie),
            "mediatheque" | "bibliotheque" | "ludotheque" => Some(Kind::Library),
            "centre" if has(i, &["centre", "communal", "action"]) => Some(Kind::Ccas),
            "centre" if has(i, &["centre", "intercommunal", "action"]) => Some(Kind::Ccas),
            "centre" if has(i, &["centre", "social"]) || has(i, &["centre", "socioculturel"]) => {
                Some(Kind::SocialCentre)
            }
            "espace" if has(i, &["espace", "socioculturel"]) => Some(Kind::SocialCentre),
            "maison" if has(i, &["maison", "jeune", "culture"]) => Some(Kind::Mjc),
            "information" if has(i, &["information", "jeunesse"]) => Some(Kind::YouthInformation),
            "poste" | "postal" => Some(Kind::PostOffice),
            "communaute" => Some(Kind::Intercommunality),
            "metropole" | "agglomeration" => Some(Kind::Intercommunality),
            "mission" if has(i, &["mission", "local"]) => Some(Kind::MissionLocale),
            "tier" if has(i, &["tier", "lieu"]) => Some(Kind::ThirdPlace),
            "fablab" | "coworking" => Some(Kind::ThirdPlace),
            "caf" => Some(Kind::Caf),
            "pole" if has(i, &["pole", "emploi"]) => Some(Kind::EmploymentAgency),
            "france" if has(i, &["france", "travail"]) => Some(Kind::EmploymentAgency),
            "maison" if has(i, &["maison", "solidarite"]) => Some(Kind::DepartmentSocial),
            "solidarite" if tokens.contains(&"departement") => Some(Kind::DepartmentSocial),
            _ => None,
        };
        if let Some(k) = kind {
            mask |= k.bit();
        }
    }
    mask
}

/// Words saying that a place is an itinerant service (a bus, a mobile desk): each of its stops
/// is its own place (rule R4).
pub(crate) fn is_itinerant_word(t: &str) -> bool {
    matches!(
        t,
        "bus" | "itinerant" | "itinerante" | "itinerance" | "camion" | "numeribus" | "mobile"
    )
}

/// The canonical street type of a folded address token (`av` → `avenue`, `bd` → `boulevard`,
/// `pl` → `place`...), or `None` when the token is not a street type.
pub(crate) fn street_type(t: &str) -> Option<&'static str> {
    Some(match t {
        "rue" | "r" => "rue",
        "avenue" | "av" | "ave" | "aven" | "avn" => "avenue",
        "boulevard" | "bd" | "bld" | "blvd" | "bvd" | "boul" | "bl" => "boulevard",
        "place" | "pl" | "placette" => "place",
        "chemin" | "ch" | "chem" | "che" => "chemin",
        "route" | "rte" | "rt" => "route",
        "allee" | "allees" | "all" | "al" => "allee",
        "impasse" | "imp" => "impasse",
        "square" | "sq" => "square",
        "cours" | "crs" => "cours",
        "esplanade" | "esp" | "espl" => "esplanade",
        "promenade" | "prom" => "promenade",
        "passage" | "pass" => "passage",
        "quai" | "qu" | "qua" => "quai",
        "faubourg" | "fg" | "fbg" => "faubourg",
        "residence" | "res" | "resid" => "residence",
        "lotissement" | "lot" => "lotissement",
        "hameau" | "ham" => "hameau",
        "lieudit" | "ld" => "lieudit",
        "voie" => "voie",
        "sentier" | "sente" => "sentier",
        "montee" | "mte" => "montee",
        "traverse" | "tsse" => "traverse",
        "rampe" => "rampe",
        "draye" => "draye",
        "corniche" => "corniche",
        "parvis" => "parvis",
        "mail" => "mail",
        "cite" => "cite",
        "rond" => "rond-point",
        "zone" | "za" | "zi" | "zac" => "zone",
        "domaine" | "dom" => "domaine",
        "parc" => "parc",
        "carrefour" | "carr" => "carrefour",
        "venelle" => "venelle",
        "ruelle" => "ruelle",
        "galerie" => "galerie",
        "village" => "village",
        "bourg" => "bourg",
        _ => return None,
    })
}

/// Abbreviations of the words of a street name (`dr` → `docteur`, `gal` → `general`...).
pub(crate) fn street_word(t: &str) -> &str {
    match t {
        "dr" | "doct" => "docteur",
        "gal" | "gen" | "gl" | "grl" => "general",
        "mal" | "mar" | "marech" => "marechal",
        "pdt" | "pres" => "president",
        "cdt" | "cmdt" => "commandant",
        "lt" | "ltn" => "lieutenant",
        "cap" | "capt" | "cne" => "capitaine",
        "prof" | "pr" => "professeur",
        "ste" => "sainte",
        "st" => "saint",
        "mgr" => "monseigneur",
        t => t,
    }
}

/// Tokens that end the street part of an address (building, floor, post box...).
pub(crate) fn ends_street(t: &str) -> bool {
    matches!(
        t,
        "batiment"
            | "bat"
            | "etage"
            | "entree"
            | "immeuble"
            | "imm"
            | "bp"
            | "cedex"
            | "appartement"
            | "apt"
            | "escalier"
            | "porte"
            | "rdc"
            | "rez"
    )
}

/// Number suffixes (`12 bis`, `4 B`).
pub(crate) fn is_number_suffix(t: &str) -> bool {
    matches!(
        t,
        "bis" | "ter" | "quater" | "quinquies" | "a" | "b" | "c" | "d" | "e" | "f"
    )
}

/// The number of a token made only of ASCII digits (at most 5), possibly followed by one
/// letter (`4b`).
pub(crate) fn house_number(t: &str) -> Option<u32> {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_lowercase());
    if digits.is_empty() || digits.len() > 5 || t.len() - digits.len() > 1 {
        return None;
    }
    if t.len() - digits.len() == 1 && !t.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    digits.parse().ok()
}

/// A street address read from the `adresse` text: the house number (a range for `13-15`),
/// the street type, and the words of the street name (folded, abbreviations expanded, stop
/// words removed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Street {
    /// The house number, or a range (`20-24` → `(20, 24)`); equal bounds for one number.
    pub number: Option<(u32, u32)>,
    /// The canonical street type (`rue`, `avenue`...), when one was found.
    pub kind: Option<&'static str>,
    /// The words of the street name.
    pub name: Vec<String>,
}

/// Reads a street address. `locality` holds the folded tokens of the commune's name and the
/// postcode: when they end the text (`9 boulevard Léon Blum 16800 SOYAUX`), they are left out
/// of the street name.
pub(crate) fn parse_street(address: &str, locality: &[&str]) -> Street {
    let folded = fold(address);
    let s = parse_folded_street(&folded, locality);
    Street {
        number: s.number,
        kind: s.kind,
        name: s.name.into_iter().map(str::to_owned).collect(),
    }
}

/// [`parse_street`] on an address already folded, the words borrowed from it.
pub(crate) struct StreetRef<'a> {
    pub number: Option<(u32, u32)>,
    pub kind: Option<&'static str>,
    pub name: Vec<&'a str>,
}

/// [`parse_street`] on folded text.
pub(crate) fn parse_folded_street<'a>(folded: &'a str, locality: &[&str]) -> StreetRef<'a> {
    let tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    // The street type preceded by a number wins; else the first street type.
    let mut chosen: Option<(usize, Option<(u32, u32)>)> = None;
    for (i, t) in tokens.iter().enumerate() {
        if street_type(t).is_none() || i + 1 >= tokens.len() {
            continue;
        }
        // `r` and `al` are types only when they open the text or follow a number.
        if matches!(*t, "r" | "al" | "ch" | "pl" | "lot")
            && i > 0
            && number_before(&tokens, i).is_none()
        {
            continue;
        }
        let number = number_before(&tokens, i);
        if number.is_some() {
            chosen = Some((i, number));
            break;
        }
        if chosen.is_none() {
            chosen = Some((i, None));
        }
    }
    let (name_start, kind, number) = match chosen {
        Some((i, number)) => (i + 1, street_type(tokens[i]), number),
        None => {
            // No street type: a leading number, then the name (« 12 Le Bourg », « La Comète »).
            match tokens.first().and_then(|t| house_number(t)) {
                Some(n) => (1, None, Some((n, n))),
                None => (0, None, None),
            }
        }
    };
    let mut name: Vec<&'a str> = Vec::new();
    let mut i = name_start;
    while i < tokens.len() {
        let t = tokens[i];
        if ends_street(t) {
            break;
        }
        // A number followed by a street type starts another address: stop there.
        if house_number(t).is_some()
            && tokens
                .get(i + 1)
                .is_some_and(|n| street_type(n).is_some() || is_number_suffix(n))
            && i > name_start
        {
            break;
        }
        if !is_stop_word(t) {
            name.push(street_type(t).unwrap_or_else(|| street_word(t)));
        }
        i += 1;
    }
    // Trailing postcode and commune words, then trailing bare numbers (a split postcode).
    while let Some(&last) = name.last() {
        if name.len() > 1 && (locality.contains(&last) || last.bytes().all(|b| b.is_ascii_digit()))
        {
            name.pop();
        } else {
            break;
        }
    }
    StreetRef { number, kind, name }
}

/// The house number (or range) just before token `i`: digits, an optional suffix (`bis`), and
/// an optional second number for a range (`13 15`, from `13-15`).
fn number_before(tokens: &[&str], i: usize) -> Option<(u32, u32)> {
    let mut j = i;
    if j > 0 && is_number_suffix(tokens[j - 1]) && j >= 2 && house_number(tokens[j - 2]).is_some() {
        j -= 1;
    }
    let high = house_number(tokens.get(j.checked_sub(1)?)?)?;
    // A range: "13 15 rue" (from "13-15").
    if j >= 2
        && let Some(low) = house_number(tokens[j - 2])
        && low < high
        && high - low <= 20
    {
        return Some((low, high));
    }
    Some((high, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn street(s: &str) -> (Option<(u32, u32)>, Option<&'static str>, String) {
        let p = parse_street(s, &["soyaux", "16800", "noumea", "98800", "gap"]);
        (p.number, p.kind, p.name.join(" "))
    }

    #[test]
    fn streets_of_real_data() {
        assert_eq!(
            street("12 BIS RUE DE LECLERCQ"),
            (Some((12, 12)), Some("rue"), "leclercq".into())
        );
        assert_eq!(
            street("9 boulevard Léon Blum 16800 SOYAUX"),
            (Some((9, 9)), Some("boulevard"), "leon blum".into())
        );
        assert_eq!(
            street("10 Pl. du Docteur Lhomme"),
            (Some((10, 10)), Some("place"), "docteur lhomme".into())
        );
        assert_eq!(
            street("Place du 11 Novembre"),
            (None, Some("place"), "11 novembre".into())
        );
        assert_eq!(
            street("Caserne Adj Levasseur - 2 boulevard de l'artillerie"),
            (Some((2, 2)), Some("boulevard"), "artillerie".into())
        );
        assert_eq!(
            street("20-24 Rue Jo Gouttebarge"),
            (Some((20, 24)), Some("rue"), "jo gouttebarge".into())
        );
        assert_eq!(
            street("20 rue Anatole France 98 800 Nouméa"),
            (Some((20, 20)), Some("rue"), "anatole france".into())
        );
        assert_eq!(
            street("5 r. Leonolphe Gaillard Gap"),
            (Some((5, 5)), Some("rue"), "leonolphe gaillard".into())
        );
        assert_eq!(
            street("1 résidence du lycée 1 avenue du stade batiment 1 entrée 1"),
            (Some((1, 1)), Some("residence"), "lycee".into())
        );
        assert_eq!(
            street("17 Avenue docteur Tagnard"),
            (Some((17, 17)), Some("avenue"), "docteur tagnard".into())
        );
        assert_eq!(
            street("Mairie annexe - Vao"),
            (None, None, "mairie annexe vao".into())
        );
        assert_eq!(
            street("6 av. du Gal Leclerc"),
            (Some((6, 6)), Some("avenue"), "general leclerc".into())
        );
    }

    #[test]
    fn stems_and_generic_words() {
        assert_eq!(stem("departementale"), "departement");
        assert_eq!(stem("services"), "service");
        assert_eq!(stem("associations"), "association");
        assert_eq!(stem("rives"), "rive");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("hopitaux"), "hopital");
        assert_eq!(stem("jeunes"), stem("jeune"));
        assert!(is_generic(&stem("mediatheques")));
        assert!(!is_generic("sisley"));
    }

    #[test]
    fn kinds_from_names() {
        let k = |s: &str| {
            let f = fold(s);
            let words: Vec<String> = f
                .split(' ')
                .filter(|t| !t.is_empty() && !is_stop_word(t))
                .map(|t| stem(t).into_owned())
                .collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            kinds_of(&words)
        };
        assert_eq!(k("Mairie de Marthon"), Kind::Mairie.bit());
        assert_eq!(k("France Services de Marthon"), Kind::FranceServices.bit());
        assert_eq!(k("Médiathèque de Viry"), Kind::Library.bit());
        assert_eq!(
            k("Centre communal d'action sociale - Mont-Dore"),
            Kind::Ccas.bit()
        );
        assert_eq!(k("Centre Social de Montbrison"), Kind::SocialCentre.bit());
        assert_eq!(k("Association CAFES"), 0);
        assert!(!kinds_compatible(
            k("Mairie de Marthon"),
            k("France Services de Marthon")
        ));
        assert!(kinds_compatible(
            k("France services La Poste"),
            k("Bureau de poste")
        ));
    }

    #[test]
    fn house_numbers() {
        assert_eq!(house_number("12"), Some(12));
        assert_eq!(house_number("4b"), Some(4));
        assert_eq!(house_number("rd202"), None);
        assert_eq!(house_number("b"), None);
        assert_eq!(house_number("123456"), None);
    }
}
