//! French free text to OSM `opening_hours`: [`from_french`] and its [`Conversion`].
//!
//! The text goes through three steps, each a small grammar rather than a list of known
//! sentences:
//!
//! 1. **Words** — letters, numbers and signs, accents folded and case kept aside
//!    (`Mercredi` and `MERCREDI` are the same word; `8h30` is a number, `h`, a number).
//! 2. **Phrases** — each run of words becomes one meaning: days (`du lundi au vendredi`,
//!    `lun-ven`, `Lu, Ma, Je`, `L au V`, `tous les jours`, `le 1er et 3e mercredi du mois`),
//!    times (`9h`, `9 h 30`, `09:00`, `midi`, `de 9h à 12h`, `9h-12h et 14h-18h`, `14-17`),
//!    public holidays, school holidays, months and dates, appointments, closures (`fermé`,
//!    `sauf`), half days, or a word it does not know.
//! 3. **Sentences** — days are paired with their times in either order (`lundi 9h-12h`,
//!    `9h-19h du lundi au samedi`), closures and exceptions apply to the days they name,
//!    headers (`Pendant les vacances scolaires :`, `En juillet et août :`) set the condition
//!    of what follows. The result is a plan per condition, written as OSM.
//!
//! It never invents: text with no day and time together, days without hours, hours without
//! days, appointment-only text, references to something else (`selon les permanences`,
//! `voir le site`), a fortnightly rhythm without its weeks, one school-holiday period by name,
//! or seasonal hours without dates give no value and say why. A reading that another
//! competent reader could reasonably not make sets [`Conversion::ambiguous`].
//!
//! ```
//! use inclusion_hours::from_french;
//!
//! let c = from_french("Du lundi au vendredi de 9h à 12h et de 14h à 17h30, sauf jours fériés");
//! assert_eq!(c.osm.as_deref(), Some("Mo-Fr 09:00-12:00,14:00-17:30; PH off"));
//! assert!(!c.ambiguous && c.confidence > 0.9);
//!
//! let c = from_french("Lundi : 9h00 - 12h00 / 14h00 - 17h00\nMercredi : fermé\nSamedi 10h-12h");
//! assert_eq!(c.osm.as_deref(), Some("Mo 09:00-12:00,14:00-17:00; Sa 10:00-12:00"));
//!
//! let c = from_french("Permanence le mardi de 14h à 17h sur rendez-vous");
//! assert_eq!(c.osm.as_deref(), Some("Tu 14:00-17:00 open \"sur rendez-vous\""));
//!
//! // Never invented:
//! let c = from_french("Selon les permanences");
//! assert_eq!(c.osm, None);
//! assert!(c.why.unwrap().contains("selon"));
//! let c = from_french("Le matin du lundi au vendredi");
//! assert!(c.osm.is_none() && c.ambiguous);
//!
//! // As JSON for other tools:
//! let json = serde_json::to_value(from_french("lun-ven 8h30-12h")).unwrap();
//! assert_eq!(json["osm"], "Mo-Fr 08:30-12:00");
//! ```

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::OpeningHours;
use super::plan::{ALL_DAYS, DayKey, DayState, Parity, Part, Plan, Scope, Span, days_osm};

/// The result of [`from_french`]: the OSM value when the text can be converted faithfully,
/// with what was understood, what was not, and why.
///
/// Serialised as `{"osm": "..." | null, "confidence": 0.95, "understood": [...],
/// "not_understood": [...], "ambiguous": false, "why": "..." | null}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Conversion {
    /// The OpenStreetMap `opening_hours` value, or `None` when the text cannot be converted
    /// without inventing (see [`why`](Self::why)).
    pub osm: Option<String>,
    /// From 0 (no value) to 1 (the text was already OSM, or every word was understood and the
    /// reading is not ambiguous).
    pub confidence: f64,
    /// The parts of the text that were understood, in order, with their meaning.
    pub understood: Vec<Understood>,
    /// The parts of the text that were not understood (kept out of the value).
    pub not_understood: Vec<String>,
    /// Whether a competent reader could reasonably read the text another way; [`why`](Self::why)
    /// names the reading chosen (or why no value is given).
    pub ambiguous: bool,
    /// Why there is no value, or which reading was chosen when the text is ambiguous.
    pub why: Option<String>,
}

/// A part of the text and what it was understood to mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Understood {
    /// The words, as written.
    pub text: String,
    /// Their meaning, in OSM terms where there is one (`Mo-Fr`, `09:00-12:00`, `PH off`).
    pub meaning: String,
}

impl Conversion {
    /// The value as [`OpeningHours`], when there is one.
    pub fn opening_hours(&self) -> Option<OpeningHours> {
        self.osm.as_deref().map(OpeningHours::new)
    }
}

/// Converts opening hours written in French into an OSM `opening_hours` value.
///
/// Text that already is valid OSM syntax is returned as it is (confidence 1). Otherwise the
/// text is read as French (the grammar is described in the module `french`); the value, when there is
/// one, always parses. See [`Conversion`] for what comes back.
///
/// ```
/// use inclusion_hours::from_french;
/// assert_eq!(from_french("Mo-Fr 09:00-12:00").osm.as_deref(), Some("Mo-Fr 09:00-12:00"));
/// assert_eq!(
///     from_french("Tous les jours sauf le dimanche de 8h à 19h").osm.as_deref(),
///     Some("Mo-Sa 08:00-19:00")
/// );
/// assert_eq!(from_french("Ouvert 24h/24 7j/7").osm.as_deref(), Some("24/7"));
/// assert_eq!(
///     from_french("le 1er et 3e mercredi du mois de 14h à 17h").osm.as_deref(),
///     Some("We[1,3] 14:00-17:00")
/// );
/// assert_eq!(from_french("Voir site internet").osm, None);
/// ```
pub fn from_french(text: &str) -> Conversion {
    if !text.trim().is_empty() && text.parse::<super::Expr>().is_ok() {
        return Conversion {
            osm: Some(text.trim().to_string()),
            confidence: 1.0,
            understood: vec![Understood {
                text: text.trim().to_string(),
                meaning: "already OSM opening_hours".to_string(),
            }],
            not_understood: Vec::new(),
            ambiguous: false,
            why: None,
        };
    }
    let tokens = lex(text);
    let items = Phrases::new(&tokens).run();
    let mut reader = Reader::new(text, &items);
    reader.run();
    reader.finish()
}

/// A suggestion for a `horaires` value that is not valid OSM syntax: the [`from_french`]
/// conversion when the text fails to parse (even after the usual corrections) and the
/// conversion gives a value; `None` for valid text or text that cannot be converted.
///
/// This is what a validator turns into a warning ("`horaires` is not OSM syntax; suggested:
/// …"), never a silent rewrite.
///
/// ```
/// use inclusion_hours::suggest_osm;
/// let s = suggest_osm("Du lundi au vendredi de 9h à 12h").unwrap();
/// assert_eq!(s.osm.as_deref(), Some("Mo-Fr 09:00-12:00"));
/// assert!(suggest_osm("Mo-Fr 09:00-12:00").is_none()); // already valid
/// assert!(suggest_osm("Voir site internet").is_none()); // nothing faithful to suggest
/// ```
pub fn suggest_osm(horaires: &str) -> Option<Conversion> {
    if OpeningHours::new(horaires).is_valid() {
        return None;
    }
    let c = from_french(horaires);
    c.osm.is_some().then_some(c)
}

// ---------------------------------------------------------------------------------------
// 1. Words
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Lex {
    /// Lower case, accents folded.
    Word(String),
    /// Value and number of digits.
    Num(u32, usize),
    Punct(char),
    Newline,
}

#[derive(Debug, Clone)]
struct Tok {
    lex: Lex,
    /// Byte range in the text.
    src: Range<usize>,
    /// Whitespace before it.
    space: bool,
    /// First letter upper case.
    upper: bool,
}

fn fold(c: char) -> Option<char> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' => 'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ÿ' => 'y',
        c if c.is_alphabetic() => return c.to_lowercase().next(),
        _ => return None,
    })
}

fn lex(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut space = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let len = c.len_utf8();
        if c == '\n' || c == '\r' {
            if !matches!(
                out.last(),
                Some(Tok {
                    lex: Lex::Newline,
                    ..
                })
            ) {
                out.push(Tok {
                    lex: Lex::Newline,
                    src: i..i + len,
                    space,
                    upper: false,
                });
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c == 'œ' || c == 'Œ' || c.is_alphabetic() {
            let mut word = String::new();
            let mut end = i + len;
            let push = |ch: char, word: &mut String| {
                if ch == 'œ' || ch == 'Œ' {
                    word.push_str("oe");
                } else if let Some(f) = fold(ch) {
                    word.push(f);
                }
            };
            push(c, &mut word);
            while let Some(&(j, n)) = chars.peek() {
                if !(n.is_alphabetic() || n == 'œ' || n == 'Œ') {
                    break;
                }
                push(n, &mut word);
                end = j + n.len_utf8();
                chars.next();
            }
            out.push(Tok {
                lex: Lex::Word(word),
                src: i..end,
                space,
                upper: c.is_uppercase(),
            });
            space = false;
            continue;
        }
        if c.is_ascii_digit() {
            let mut value: u32 = c.to_digit(10).unwrap_or(0);
            let mut digits = 1;
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                let Some(v) = d.to_digit(10).filter(|_| d.is_ascii_digit()) else {
                    break;
                };
                value = value.saturating_mul(10).saturating_add(v);
                digits += 1;
                end = j + 1;
                chars.next();
            }
            out.push(Tok {
                lex: Lex::Num(value, digits),
                src: i..end,
                space,
                upper: false,
            });
            space = false;
            continue;
        }
        let p = match c {
            '–' | '—' | '‑' | '−' | '‐' | '~' => '-',
            '’' | 'ʼ' | '`' | '´' | '‘' => '\'',
            '•' | '·' | '*' | '●' | '▪' | '◦' => '•',
            '«' | '»' | '"' | '“' | '”' => '"',
            '[' | '{' => '(',
            ']' | '}' => ')',
            c => c,
        };
        out.push(Tok {
            lex: Lex::Punct(p),
            src: i..i + len,
            space,
            upper: false,
        });
        space = false;
    }
    out
}

// ---------------------------------------------------------------------------------------
// 2. Phrases
// ---------------------------------------------------------------------------------------

/// A set of days as written: weekdays, n-th weekdays, public holidays.
#[derive(Debug, Clone, PartialEq, Default)]
struct Days {
    mask: u8,
    nth: Option<(u8, Vec<i8>)>,
    holiday: bool,
    /// `les autres jours`: resolved against the days given before.
    others: bool,
}

impl Days {
    fn meaning(&self) -> String {
        let mut parts = Vec::new();
        if self.others {
            parts.push("the other days".to_string());
        }
        if self.mask != 0 {
            parts.push(days_osm(self.mask));
        }
        if let Some((d, nth)) = &self.nth {
            let list: Vec<String> = nth.iter().map(i8::to_string).collect();
            parts.push(format!("{}[{}]", days_osm(1 << d), list.join(",")));
        }
        if self.holiday {
            parts.push("PH".to_string());
        }
        parts.join(",")
    }

    fn is_empty(&self) -> bool {
        self.mask == 0 && self.nth.is_none() && !self.holiday && !self.others
    }

    fn keys(&self) -> Vec<DayKey> {
        let mut keys: Vec<DayKey> = (0..7)
            .filter(|d| self.mask & (1 << d) != 0)
            .map(DayKey::Weekday)
            .collect();
        if let Some((d, nth)) = &self.nth {
            keys.push(DayKey::Nth(*d, nth.clone()));
        }
        if self.holiday {
            keys.push(DayKey::Holiday);
        }
        keys
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Half {
    Morning,
    Afternoon,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Days(Days),
    Times(Vec<Span>),
    /// A time alone, after `jusqu'à` / `fermeture à` (closing) or `à partir de` (opening).
    Until(u16),
    From(u16),
    /// A time alone with nothing saying what it is.
    LoneTime,
    Closed,
    Except,
    Including,
    Only,
    Half(Half),
    Holidays,
    HolidayEve,
    School,
    /// `période scolaire`: outside school holidays.
    SchoolTerm,
    Outside,
    During,
    Months(Vec<(u8, u8)>),
    Dates {
        year: Option<i32>,
        from: (u8, u8),
        to: (u8, u8),
    },
    RestOfYear,
    Season,
    Weeks(Parity),
    Note(&'static str),
    Phone,
    Noise,
    Colon,
    Sep(char),
    And,
    Block(&'static str),
    Filler,
    Unknown,
}

#[derive(Debug, Clone)]
struct Item {
    kind: Kind,
    src: Range<usize>,
}

/// Words that carry no meaning of their own here.
const FILLERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "de",
    "du",
    "des",
    "d",
    "a",
    "au",
    "aux",
    "en",
    "et",
    "ou",
    "ouvert",
    "ouverte",
    "ouverts",
    "ouvertes",
    "ouverture",
    "horaires",
    "horaire",
    "heures",
    "heure",
    "accueil",
    "public",
    "permanence",
    "permanences",
    "sur",
    "par",
    "pour",
    "nocturne",
    "nocturnes",
    "chaque",
    "mois",
    "tous",
    "toutes",
    "tout",
    "toute",
    "annee",
    "h",
    "hrs",
    "hr",
    "sont",
    "est",
    "nous",
    "vous",
    "on",
    "avec",
    "libre",
    "sans",
    "interruption",
    "continu",
    "continue",
    "journee",
    "non",
    "stop",
    "service",
    "bureau",
    "bureaux",
    "mairie",
    "lieu",
    "jour",
    "jours",
    "y",
    "inclus",
    "compris",
];

/// Words and phrases with a meaning (folded, lower case); longest first when they share a start.
const PHRASES: &[(&[&str], Kind)] = &[
    // References to something else, or rhythms OSM cannot anchor.
    (
        &["selon"],
        Kind::Block("the hours depend on something else (\"selon\")"),
    ),
    (&["variable"], Kind::Block("the hours are variable")),
    (&["variables"], Kind::Block("the hours are variable")),
    (
        &["voir"],
        Kind::Block("the text refers to another source (\"voir\")"),
    ),
    (
        &["consulter"],
        Kind::Block("the text refers to another source (\"consulter\")"),
    ),
    (
        &["contacter"],
        Kind::Block("the text asks to make contact for the hours"),
    ),
    (
        &["contactez"],
        Kind::Block("the text asks to make contact for the hours"),
    ),
    (
        &["appeler"],
        Kind::Block("the text asks to call for the hours"),
    ),
    (
        &["appelez"],
        Kind::Block("the text asks to call for the hours"),
    ),
    (
        &["sur", "deux"],
        Kind::Block("a fortnightly rhythm without its weeks cannot be encoded"),
    ),
    (
        &["sur", "2"],
        Kind::Block("a fortnightly rhythm without its weeks cannot be encoded"),
    ),
    (
        &["quinzaine"],
        Kind::Block("a fortnightly rhythm without its weeks cannot be encoded"),
    ),
    (
        &["certains"],
        Kind::Block("\"certains\" days cannot be encoded"),
    ),
    (
        &["certaines"],
        Kind::Block("\"certaines\" days cannot be encoded"),
    ),
    (
        &["parfois"],
        Kind::Block("occasional hours cannot be encoded"),
    ),
    (
        &["occasionnellement"],
        Kind::Block("occasional hours cannot be encoded"),
    ),
    (
        &["exceptionnellement"],
        Kind::Block("exceptional hours without dates cannot be encoded"),
    ),
    (
        &["exception"],
        Kind::Block("exceptions without dates cannot be encoded"),
    ),
    (
        &["communiquees"],
        Kind::Block("dates announced elsewhere cannot be encoded"),
    ),
    (
        &["communiques"],
        Kind::Block("dates announced elsewhere cannot be encoded"),
    ),
    (
        &["communique"],
        Kind::Block("dates announced elsewhere cannot be encoded"),
    ),
    (&["confirmer"], Kind::Block("hours still to be confirmed")),
    (&["definir"], Kind::Block("hours still to be set")),
    (
        &["provisoirement"],
        Kind::Block("temporary hours without dates cannot be encoded"),
    ),
    (
        &["jusqu", "au"],
        Kind::Block("a period ending on a date is not encoded"),
    ),
    (
        &["a", "compter", "du"],
        Kind::Block("a period starting on a date is not encoded"),
    ),
    (
        &["a", "partir", "du"],
        Kind::Block("a period starting on a date is not encoded"),
    ),
    (
        &["vacances", "de"],
        Kind::Block("one school-holiday period cannot be selected in OSM"),
    ),
    (
        &["vacances", "d"],
        Kind::Block("one school-holiday period cannot be selected in OSM"),
    ),
    (
        &["vacances", "du"],
        Kind::Block("one school-holiday period cannot be selected in OSM"),
    ),
    (
        &["petites", "vacances"],
        Kind::Block("one kind of school holidays cannot be selected in OSM"),
    ),
    (
        &["grandes", "vacances"],
        Kind::Block("one school-holiday period cannot be selected in OSM"),
    ),
    // Phone hours are not opening hours; a phone number is noise.
    (&["accueil", "telephonique"], Kind::Phone),
    (&["permanence", "telephonique"], Kind::Phone),
    (&["permanences", "telephoniques"], Kind::Phone),
    (&["telephonique"], Kind::Phone),
    (&["telephoniques"], Kind::Phone),
    (&["par", "telephone"], Kind::Phone),
    (&["au", "telephone"], Kind::Phone),
    (&["tel"], Kind::Noise),
    (&["telephone"], Kind::Noise),
    (&["fax"], Kind::Noise),
    // Appointments.
    (&["sur", "rendez", "vous"], Kind::Note("sur rendez-vous")),
    (&["sur", "rdv"], Kind::Note("sur rendez-vous")),
    (&["avec", "rendez", "vous"], Kind::Note("sur rendez-vous")),
    (&["avec", "rdv"], Kind::Note("sur rendez-vous")),
    (&["rendez", "vous"], Kind::Note("sur rendez-vous")),
    (&["rdv"], Kind::Note("sur rendez-vous")),
    (&["sans", "rendez", "vous"], Kind::Note("sans rendez-vous")),
    (&["sans", "rdv"], Kind::Note("sans rendez-vous")),
    (&["accueil", "libre"], Kind::Filler),
    // Holidays.
    (
        &["la", "veille", "des", "jours", "feries"],
        Kind::HolidayEve,
    ),
    (
        &["la", "veille", "d", "un", "jour", "ferie"],
        Kind::HolidayEve,
    ),
    (&["veille", "des", "jours", "feries"], Kind::HolidayEve),
    (&["veilles", "de", "jours", "feries"], Kind::HolidayEve),
    (&["veilles", "des", "jours", "feries"], Kind::HolidayEve),
    (&["les", "jours", "feries"], Kind::Holidays),
    (&["jours", "feries"], Kind::Holidays),
    (&["jour", "ferie"], Kind::Holidays),
    (&["les", "feries"], Kind::Holidays),
    (&["feries"], Kind::Holidays),
    (&["ferie"], Kind::Holidays),
    (&["jf"], Kind::Holidays),
    (&["vacances", "scolaires"], Kind::School),
    (&["conges", "scolaires"], Kind::School),
    (&["periode", "scolaire"], Kind::SchoolTerm),
    (&["periodes", "scolaires"], Kind::SchoolTerm),
    (&["temps", "scolaire"], Kind::SchoolTerm),
    (
        &["vacances"],
        Kind::Block("\"vacances\" without \"scolaires\" does not say which holidays"),
    ),
    (&["conges"], Kind::Season),
    (&["hors"], Kind::Outside),
    (&["en", "dehors", "des"], Kind::Outside),
    (&["en", "dehors", "de"], Kind::Outside),
    (&["pendant"], Kind::During),
    (&["durant"], Kind::During),
    (&["lors", "des"], Kind::During),
    (&["en", "periode", "de"], Kind::During),
    (&["uniquement"], Kind::Only),
    (&["seulement"], Kind::Only),
    (&["exclusivement"], Kind::Only),
    // Closures and exceptions.
    (&["fermeture", "annuelle"], Kind::Closed),
    (&["ferme"], Kind::Closed),
    (&["fermee"], Kind::Closed),
    (&["fermes"], Kind::Closed),
    (&["fermees"], Kind::Closed),
    (&["fermeture"], Kind::Closed),
    (&["clos"], Kind::Closed),
    (&["close"], Kind::Closed),
    (&["sauf"], Kind::Except),
    (&["excepte"], Kind::Except),
    (&["hormis"], Kind::Except),
    (&["a", "l", "exception", "du"], Kind::Except),
    (&["a", "l", "exception", "des"], Kind::Except),
    (&["a", "l", "exception", "de"], Kind::Except),
    (&["y", "compris"], Kind::Including),
    (&["meme"], Kind::Including),
    // Half days ("midi" alone is noon).
    (&["apres", "midi"], Kind::Half(Half::Afternoon)),
    (&["apres", "midis"], Kind::Half(Half::Afternoon)),
    (&["aprem"], Kind::Half(Half::Afternoon)),
    (&["matin"], Kind::Half(Half::Morning)),
    (&["matins"], Kind::Half(Half::Morning)),
    (&["matinee"], Kind::Half(Half::Morning)),
    (&["matinees"], Kind::Half(Half::Morning)),
    (&["soir"], Kind::Half(Half::Afternoon)),
    (&["soirs"], Kind::Half(Half::Afternoon)),
    (&["soiree"], Kind::Half(Half::Afternoon)),
    (&["soirees"], Kind::Half(Half::Afternoon)),
    // The rest of the year, seasons.
    (&["le", "reste", "de", "l", "annee"], Kind::RestOfYear),
    (&["reste", "de", "l", "annee"], Kind::RestOfYear),
    (&["le", "reste", "du", "temps"], Kind::RestOfYear),
    (&["hors", "saison"], Kind::RestOfYear),
    (&["ete"], Kind::Season),
    (&["estival"], Kind::Season),
    (&["estivaux"], Kind::Season),
    (&["hiver"], Kind::Season),
    (&["hivernal"], Kind::Season),
    (&["saison"], Kind::Season),
    (&["semaines", "paires"], Kind::Weeks(Parity::Even)),
    (&["semaine", "paire"], Kind::Weeks(Parity::Even)),
    (&["semaines", "impaires"], Kind::Weeks(Parity::Odd)),
    (&["semaine", "impaire"], Kind::Weeks(Parity::Odd)),
];

/// Days written as a group.
const DAY_GROUPS: &[(&[&str], u8)] = &[
    (&["tous", "les", "jours"], ALL_DAYS),
    (&["tout", "les", "jours"], ALL_DAYS),
    (&["toute", "la", "semaine"], ALL_DAYS),
    (&["chaque", "jour"], ALL_DAYS),
    (&["tlj"], ALL_DAYS),
    (&["tljs"], ALL_DAYS),
    (&["en", "semaine"], 0x1f),
    (&["jours", "ouvres"], 0x1f),
    (&["jours", "ouvrables"], 0x3f),
    (&["le", "week", "end"], 0x60),
    (&["week", "end"], 0x60),
    (&["weekend"], 0x60),
    (&["les", "autres", "jours"], 0),
    (&["autres", "jours"], 0),
];

const MONTH_WORDS: &[(&str, u8)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("jan", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("aout", 8),
    ("septembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("octobre", 10),
    ("oct", 10),
    ("novembre", 11),
    ("nov", 11),
    ("decembre", 12),
    ("dec", 12),
];

const FULL_DAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// How a day name was written: the shorter, the more context it needs.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum DayForm {
    Letter,
    Two,
    Full,
}

/// Levenshtein distance, for typing errors in day names.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn day_word(word: &str) -> Option<(u8, DayForm)> {
    let w = word
        .strip_suffix('s')
        .filter(|w| w.len() >= 5)
        .unwrap_or(word);
    if let Some(d) = FULL_DAYS.iter().position(|f| *f == w) {
        return Some((d as u8, DayForm::Full));
    }
    let three = match w {
        "lun" => 0,
        "mar" | "mard" => 1,
        "mer" | "merc" | "mercr" => 2,
        "jeu" | "jeud" => 3,
        "ven" | "vend" | "vendr" => 4,
        "sam" => 5,
        "dim" => 6,
        _ => 7,
    };
    if three < 7 {
        return Some((three, DayForm::Full));
    }
    let two = match w {
        "lu" => 0,
        "ma" => 1,
        "me" => 2,
        "je" => 3,
        "ve" => 4,
        "sa" => 5,
        "di" => 6,
        _ => 7,
    };
    if two < 7 {
        return Some((two, DayForm::Two));
    }
    let letter = match w {
        "l" => 0,
        "j" => 3,
        "v" => 4,
        "s" => 5,
        "d" => 6,
        _ => 7,
    };
    if letter < 7 {
        return Some((letter, DayForm::Letter));
    }
    // Typing errors: one letter off a full name ("mecredi", "vendredie", "samdi").
    if w.len() >= 5 {
        let mut best = None;
        for (d, f) in FULL_DAYS.iter().enumerate() {
            if distance(w, f) == 1 {
                if best.is_some() {
                    return None;
                }
                best = Some((d as u8, DayForm::Full));
            }
        }
        return best;
    }
    None
}

fn month_word(word: &str) -> Option<u8> {
    MONTH_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, m)| m)
}

fn ordinal_word(word: &str) -> Option<i8> {
    Some(match word {
        "premier" | "premiere" | "1er" | "1ere" => 1,
        "deuxieme" | "second" | "seconde" => 2,
        "troisieme" => 3,
        "quatrieme" => 4,
        "cinquieme" => 5,
        "dernier" | "derniere" => -1,
        _ => return None,
    })
}

fn is_ordinal_suffix(word: &str) -> bool {
    matches!(
        word,
        "er" | "re" | "ere" | "e" | "eme" | "ieme" | "nd" | "nde" | "d"
    )
}

struct Phrases<'a> {
    toks: &'a [Tok],
    i: usize,
    items: Vec<Item>,
}

impl<'a> Phrases<'a> {
    fn new(toks: &'a [Tok]) -> Phrases<'a> {
        Phrases {
            toks,
            i: 0,
            items: Vec::new(),
        }
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        match self.toks.get(i).map(|t| &t.lex) {
            Some(Lex::Word(w)) => Some(w),
            _ => None,
        }
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.toks.get(i).map(|t| &t.lex) {
            Some(Lex::Num(v, d)) => Some((*v, *d)),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i).map(|t| &t.lex) {
            Some(Lex::Punct(c)) => Some(*c),
            _ => None,
        }
    }

    fn push(&mut self, kind: Kind, from: usize, to: usize) {
        let start = self.toks.get(from).map_or(0, |t| t.src.start);
        let end = self
            .toks
            .get(to.saturating_sub(1))
            .map_or(start, |t| t.src.end);
        self.items.push(Item {
            kind,
            src: start..end.max(start),
        });
        self.i = to;
    }

    /// Matches words from `i`, skipping `'` and `-` between them; the index after the match.
    fn words_at(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut j = i;
        for (n, w) in words.iter().enumerate() {
            if n > 0 {
                while matches!(self.punct(j), Some('\'') | Some('-')) {
                    j += 1;
                }
            }
            match self.toks.get(j).map(|t| &t.lex) {
                Some(Lex::Word(x)) if x == w => j += 1,
                Some(Lex::Num(v, _)) if v.to_string() == *w => j += 1,
                _ => return None,
            }
        }
        Some(j)
    }

    fn run(mut self) -> Vec<Item> {
        while self.i < self.toks.len() {
            let start = self.i;
            if self.try_phone()
                || self.try_dates()
                || self.try_nth()
                || self.try_always()
                || self.try_times()
                || self.try_days()
                || self.try_months()
                || self.try_phrase()
            {
                continue;
            }
            let tok = &self.toks[start];
            let kind = match &tok.lex {
                Lex::Newline => Kind::Sep('\n'),
                Lex::Punct(':') => Kind::Colon,
                Lex::Punct('\'') | Lex::Punct('"') => Kind::Filler,
                Lex::Punct(c) => Kind::Sep(*c),
                Lex::Word(w) if w == "et" => Kind::And,
                Lex::Word(w) if FILLERS.contains(&w.as_str()) => Kind::Filler,
                Lex::Num(v, 4) if (1990..=2100).contains(v) => Kind::Filler,
                _ => Kind::Unknown,
            };
            self.push(kind, start, start + 1);
        }
        self.items
    }

    /// Phone numbers: `+33` or a two-digit group starting with 0, then four or more groups
    /// of two digits, or one run of nine digits or more.
    fn try_phone(&mut self) -> bool {
        let i = self.i;
        let mut j = i;
        let plus = self.punct(j) == Some('+');
        if plus {
            j += 1;
        }
        let Some((v, digits)) = self.num(j) else {
            return false;
        };
        if digits >= 9 {
            self.push(Kind::Noise, i, j + 1);
            return true;
        }
        if !(plus || (digits == 2 && v < 10)) {
            return false;
        }
        let mut groups = 0;
        while let Some((_, digits)) = self.num(j) {
            if digits != 2 && !(groups == 0 && plus) {
                break;
            }
            groups += 1;
            j += 1;
            if matches!(self.punct(j), Some('.') | Some('-')) && self.num(j + 1).is_some() {
                j += 1;
            }
        }
        if groups >= 5 {
            self.push(Kind::Noise, i, j);
            return true;
        }
        false
    }

    /// `1er juillet`, `du 1er juillet au 31 août`, `du 12 au 16 avril 2027`.
    fn try_dates(&mut self) -> bool {
        let i = self.i;
        let Some((d1, j)) = self.day_of_month(i) else {
            return false;
        };
        let m1 = self.word(j).and_then(month_word);
        let mut k = if m1.is_some() {
            self.after_month(j + 1)
        } else {
            j
        };
        let y1 = self.year(k);
        if y1.is_some() {
            k += 1;
        }
        // A range?
        let dash = match (self.word(k), self.punct(k)) {
            (Some("au") | Some("a"), _) | (_, Some('-')) => Some(k + 1),
            _ => None,
        };
        if let Some(k2) = dash
            && let Some((d2, j2)) = self.day_of_month(k2)
            && let Some(m2) = self.word(j2).and_then(month_word)
        {
            let mut end = self.after_month(j2 + 1);
            let y2 = self.year(end);
            if y2.is_some() {
                end += 1;
            }
            let year = y2.or(y1);
            let from = (m1.unwrap_or(m2), d1);
            let to = (m2, d2);
            if from <= to {
                self.push(Kind::Dates { year, from, to }, i, end);
                return true;
            }
            return false;
        }
        if let Some(m) = m1 {
            self.push(
                Kind::Dates {
                    year: y1,
                    from: (m, d1),
                    to: (m, d1),
                },
                i,
                k,
            );
            return true;
        }
        false
    }

    /// A day of the month (`1er`, `12`): value and the index after it.
    fn day_of_month(&self, i: usize) -> Option<(u8, usize)> {
        let (v, digits) = self.num(i)?;
        if digits > 2 || !(1..=31).contains(&v) {
            return None;
        }
        let mut j = i + 1;
        if self
            .word(j)
            .is_some_and(|w| matches!(w, "er" | "re" | "ere"))
        {
            j += 1;
        }
        Some((v as u8, j))
    }

    fn after_month(&self, j: usize) -> usize {
        if self.punct(j) == Some('.') { j + 1 } else { j }
    }

    fn year(&self, i: usize) -> Option<i32> {
        self.num(i)
            .filter(|&(v, d)| d == 4 && (1990..=2100).contains(&v))
            .map(|(v, _)| v as i32)
    }

    /// An ordinal (`1er`, `3e`, `premier`, `dernier`, `avant-dernier`): value and the index
    /// after it.
    fn ordinal(&self, i: usize) -> Option<(i8, usize)> {
        if let Some((v, digits)) = self.num(i) {
            let w = self.word(i + 1)?;
            if digits <= 1 && (1..=5).contains(&v) && is_ordinal_suffix(w) {
                return Some((v as i8, i + 2));
            }
            return None;
        }
        if let Some(j) = self.words_at(i, &["avant", "dernier"]) {
            return Some((-2, j));
        }
        let w = self.word(i)?;
        ordinal_word(w).map(|o| (o, i + 1))
    }

    /// `le 1er et 3e mercredi du mois`, `le dernier vendredi`.
    fn try_nth(&mut self) -> bool {
        let i = self.i;
        let Some((first, mut j)) = self.ordinal(i) else {
            return false;
        };
        let mut nth = vec![first];
        while matches!(
            (self.word(j), self.punct(j)),
            (Some("et"), _) | (_, Some(',' | '-'))
        ) {
            let k = j + 1;
            let k = if self.word(k) == Some("le") { k + 1 } else { k };
            match self.ordinal(k) {
                Some((o, next)) => {
                    nth.push(o);
                    j = next;
                }
                None => break,
            }
        }
        let Some((day, DayForm::Full)) = self.word(j).and_then(day_word) else {
            return false;
        };
        let mut end = j + 1;
        for tail in [
            &["du", "mois"][..],
            &["de", "chaque", "mois"],
            &["de", "mois"],
            &["de", "l", "mois"],
        ] {
            if let Some(k) = self.words_at(end, tail) {
                end = k;
                break;
            }
        }
        nth.sort_by_key(|&n| {
            if n > 0 {
                i16::from(n)
            } else {
                100 - i16::from(n)
            }
        });
        nth.dedup();
        let days = Days {
            nth: Some((day, nth)),
            ..Days::default()
        };
        self.push(Kind::Days(days), i, end);
        true
    }

    /// `24h/24`, `7j/7`, `7 jours sur 7`, `24 heures sur 24`.
    fn try_always(&mut self) -> bool {
        let i = self.i;
        let Some((v, _)) = self.num(i) else {
            return false;
        };
        if v != 7 && v != 24 {
            return false;
        }
        let mut j = i + 1;
        let unit = self.word(j);
        let unit_ok = match (v, unit) {
            (7, Some("j" | "jours" | "jour" | "jrs" | "jr")) => true,
            (24, Some("h" | "heures" | "heure" | "hrs")) => true,
            (_, None) => false,
            _ => return false,
        };
        if unit_ok {
            j += 1;
        }
        let sep = match (self.punct(j), self.word(j)) {
            (Some('/'), _) | (_, Some("sur")) => j + 1,
            _ => return false,
        };
        if self.num(sep).map(|n| n.0) != Some(v) {
            return false;
        }
        let mut end = sep + 1;
        if matches!(self.word(end), Some("j" | "h")) {
            end += 1;
        }
        if v == 7 {
            self.push(
                Kind::Days(Days {
                    mask: ALL_DAYS,
                    ..Days::default()
                }),
                i,
                end,
            );
        } else {
            self.push(
                Kind::Times(vec![Span {
                    start: 0,
                    end: 1440,
                }]),
                i,
                end,
            );
        }
        true
    }

    /// One time of day: `(minutes, index after, explicit)`. Explicit times carry `h`, `:`
    /// or a word (`midi`); bare numbers are hours only inside a range.
    fn time(&self, i: usize) -> Option<(u16, usize, bool)> {
        match self.word(i) {
            Some("midi") => return Some((720, i + 1, true)),
            Some("minuit") => return Some((1440, i + 1, true)),
            _ => {}
        }
        let (h, digits) = self.num(i)?;
        if digits > 2 || h > 24 {
            return None;
        }
        let h = h as u16;
        let j = i + 1;
        // 09:00, 9.30 is not accepted (dates, phone numbers).
        if self.punct(j) == Some(':')
            && let Some((m, 2)) = self.num(j + 1)
            && m < 60
        {
            return Some((h * 60 + m as u16, j + 2, true));
        }
        if let Some(w) = self.word(j)
            && matches!(w, "h" | "heures" | "heure" | "hrs" | "hr")
        {
            let k = j + 1;
            // Minutes: attached (9h30) or two digits after a space (9 h 30), unless that
            // number is the next hour (14h18h).
            if let Some((m, md)) = self.num(k)
                && m < 60
                && md <= 2
                && self.word(k + 1) != Some("h")
                && self.punct(k + 1) != Some(':')
                && (!self.toks[k].space || md == 2)
            {
                return Some((h * 60 + m as u16, k + 1, true));
            }
            return Some((h * 60, k, true));
        }
        Some((h * 60, j, false))
    }

    /// A dash between two times: the index after it.
    fn dash(&self, i: usize, before_explicit: bool) -> Option<usize> {
        match (&self.toks.get(i)?.lex, self.word(i)) {
            (Lex::Punct('-' | '/' | '>'), _) => Some(i + 1),
            (_, Some("a" | "au" | "jusqu")) => {
                let mut j = i + 1;
                if self.word(i) == Some("jusqu") {
                    while self.punct(j) == Some('\'') {
                        j += 1;
                    }
                    if self.word(j) == Some("a") {
                        j += 1;
                    }
                }
                Some(j)
            }
            // "9h 0 12h": a zero typed for "à".
            (Lex::Num(0, 1), _) if before_explicit && self.toks[i].space => Some(i + 1),
            _ => None,
        }
    }

    /// One range `9h-12h`, `de 9h à 12h`, `13:30 17:00`, `14h18h`, `9-12`.
    fn span(&self, i: usize) -> Option<(Span, usize)> {
        let mut j = i;
        if matches!(self.word(j), Some("de" | "entre" | "des")) {
            j += 1;
        }
        let (a, k, ea) = self.time(j)?;
        let (b, end, eb) = if let Some(k2) = self.dash(k, ea)
            && let Some(t) = self.time(k2)
        {
            t
        } else if self.word(k) == Some("et")
            && self.word(i) == Some("entre")
            && let Some(t) = self.time(k + 1)
        {
            t
        } else if ea && let Some((b, e, true)) = self.time(k) {
            // Two explicit times side by side: 13:30 17:00, 14h18h.
            (b, e, true)
        } else {
            return None;
        };
        // Bare numbers only when the other end is a time too, or both are small hours
        // joined by a dash (not a date or a count).
        if !ea && !eb {
            let next_is_month = self.word(end).and_then(month_word).is_some();
            if next_is_month || !matches!(self.punct(k), Some('-') | Some('/')) {
                return None;
            }
        }
        let start = if a == 1440 { 0 } else { a };
        if start == b || (start >= 1440) {
            return None;
        }
        let end_min = if b == 0 { 1440 } else { b };
        Some((
            Span {
                start,
                end: end_min,
            },
            end,
        ))
    }

    /// Ranges joined by `et`, `/`, `,`, `+` or spaces.
    fn try_times(&mut self) -> bool {
        let i = self.i;
        let Some((first, mut j)) = self.span(i) else {
            return self.try_lone_time();
        };
        let mut spans = vec![first];
        loop {
            let mut k = j;
            match (self.word(k), self.punct(k)) {
                (Some("et" | "puis"), _) => k += 1,
                (_, Some('/' | ',' | '+' | '&')) => k += 1,
                _ => {}
            }
            if matches!(self.word(k), Some("de" | "des")) {
                // handled by span()
            }
            match self.span(k) {
                Some((s, next)) => {
                    spans.push(s);
                    j = next;
                }
                None => break,
            }
        }
        self.push(Kind::Times(spans), i, j);
        true
    }

    /// A time alone: after `jusqu'à`, `fermeture à` it is a closing time, after `à partir
    /// de`, `ouverture à`, `dès` an opening time.
    fn try_lone_time(&mut self) -> bool {
        let i = self.i;
        let until = self
            .words_at(i, &["jusqu", "a"])
            .or_else(|| self.words_at(i, &["fermeture", "a"]))
            .or_else(|| self.words_at(i, &["ferme", "a"]))
            .or_else(|| self.words_at(i, &["fin", "a"]));
        let from = self
            .words_at(i, &["a", "partir", "de"])
            .or_else(|| self.words_at(i, &["ouverture", "a"]))
            .or_else(|| self.words_at(i, &["ouvre", "a"]))
            .or_else(|| self.words_at(i, &["des"]));
        if let Some(j) = until
            && let Some((t, end, true)) = self.time(j)
        {
            self.push(Kind::Until(t), i, end);
            return true;
        }
        if let Some(j) = from
            && let Some((t, end, true)) = self.time(j)
        {
            self.push(Kind::From(t.min(1439)), i, end);
            return true;
        }
        if let Some((_, end, true)) = self.time(i) {
            self.push(Kind::LoneTime, i, end);
            return true;
        }
        false
    }

    /// Days: names, abbreviations, ranges and lists, and groups (`tous les jours`).
    fn try_days(&mut self) -> bool {
        let i = self.i;
        for (words, mask) in DAY_GROUPS {
            if let Some(j) = self.words_at(i, words) {
                let days = Days {
                    mask: *mask,
                    others: *mask == 0,
                    ..Days::default()
                };
                self.push(Kind::Days(days), i, j);
                return true;
            }
        }
        let mut j = i;
        if matches!(self.word(j), Some("du" | "de" | "le" | "les")) {
            j += 1;
        }
        let Some((first, j)) = self.day_atom(j) else {
            return false;
        };
        let mut atoms = vec![first];
        let mut conns: Vec<char> = Vec::new();
        let mut end = j;
        let mut holiday = false;
        loop {
            let (conn, k) = match (self.word(end), self.punct(end)) {
                (Some("au" | "a"), _) => ('r', end + 1),
                (_, Some('-')) => ('-', end + 1),
                (_, Some('/')) => ('/', end + 1),
                (Some("et"), _) | (_, Some('&')) => ('l', end + 1),
                // "du lundi au jeudi, le vendredi": a comma after a range starts a new group.
                (_, Some(',')) if conns.last().is_none_or(|&c| c != 'r') => ('l', end + 1),
                _ => break,
            };
            let mut k = k;
            if matches!(self.word(k), Some("le" | "les" | "du" | "de")) {
                k += 1;
            }
            if conn == 'l'
                && let Some(next) = self
                    .words_at(k, &["jours", "feries"])
                    .or_else(|| self.words_at(k, &["jour", "ferie"]))
                    .or_else(|| self.words_at(k, &["feries"]))
            {
                holiday = true;
                end = next;
                break;
            }
            match self.day_atom(k) {
                Some((atom, next)) => {
                    atoms.push(atom);
                    conns.push(conn);
                    end = next;
                }
                None => break,
            }
        }
        // Short forms need context: a capital or a dot, and a single letter only next to
        // another day.
        let alone = atoms.len() == 1;
        for &(_, form, strong) in &atoms {
            if form == DayForm::Letter && (alone || !strong) {
                return false;
            }
            if form == DayForm::Two && !strong && alone {
                return false;
            }
        }
        let dashes = conns.iter().filter(|&&c| c == '-').count();
        let mut mask = 0u8;
        let mut idx = 0;
        while idx < atoms.len() {
            let (a, ..) = atoms[idx];
            let range_next = idx < conns.len()
                && (conns[idx] == 'r'
                    || (conns[idx] == '-' && dashes == 1 && atoms.len() == 2)
                    || (conns[idx] == '/'
                        && atoms.len() == 2
                        && atoms.iter().all(|x| x.1 == DayForm::Letter)));
            if range_next {
                let (b, ..) = atoms[idx + 1];
                let mut d = a;
                loop {
                    mask |= 1 << d;
                    if d == b {
                        break;
                    }
                    d = (d + 1) % 7;
                }
                idx += 2;
                // "du lundi au vendredi et le samedi": the list goes on.
                continue;
            }
            mask |= 1 << a;
            idx += 1;
        }
        // A dot after an abbreviation belongs to it.
        if self.punct(end) == Some('.') && self.toks.get(end - 1).is_some_and(|t| t.src.len() <= 4)
        {
            end += 1;
        }
        let days = Days {
            mask,
            holiday,
            ..Days::default()
        };
        self.push(Kind::Days(days), i, end);
        true
    }

    /// One day name: (day, form, strong) and the index after it (and its dot). A short form
    /// is strong when written with a capital or a dot.
    fn day_atom(&self, i: usize) -> Option<((u8, DayForm, bool), usize)> {
        let w = self.word(i)?;
        let (d, form) = day_word(w)?;
        let tok = &self.toks[i];
        let dot = self.punct(i + 1) == Some('.');
        let strong = tok.upper || dot;
        // "me", "ma", "je", "sa" as French words need a capital or a dot.
        let next = if dot && (form != DayForm::Full || w.len() <= 4) {
            i + 2
        } else {
            i + 1
        };
        Some(((d, form, strong || form == DayForm::Full), next))
    }

    /// `en juillet et août`, `juillet-août`, `de juillet à août`.
    fn try_months(&mut self) -> bool {
        let i = self.i;
        let Some(first) = self.word(i).and_then(month_word) else {
            return false;
        };
        let mut ranges = vec![(first, first)];
        let mut end = self.after_month(i + 1);
        loop {
            let (range, k) = match (self.word(end), self.punct(end)) {
                (Some("a" | "au"), _) | (_, Some('-')) => (true, end + 1),
                (Some("et"), _) | (_, Some(',' | '/')) => (false, end + 1),
                _ => break,
            };
            let Some(m) = self.word(k).and_then(month_word) else {
                break;
            };
            if range {
                if let Some(last) = ranges.last_mut()
                    && m >= last.0
                {
                    last.1 = m;
                } else {
                    break;
                }
            } else {
                ranges.push((m, m));
            }
            end = self.after_month(k + 1);
        }
        // Adjacent months as one range.
        ranges.sort_unstable();
        let mut merged: Vec<(u8, u8)> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.0 <= last.1 + 1 => last.1 = last.1.max(r.1),
                _ => merged.push(r),
            }
        }
        self.push(Kind::Months(merged), i, end);
        true
    }

    fn try_phrase(&mut self) -> bool {
        let i = self.i;
        let mut best: Option<(usize, &Kind)> = None;
        for (words, kind) in PHRASES {
            if let Some(j) = self.words_at(i, words)
                && best.is_none_or(|(b, _)| j > b)
            {
                best = Some((j, kind));
            }
        }
        if let Some((j, kind)) = best {
            // `fermeture à 16h`, `jusqu'à 20h` are times.
            if matches!(kind, Kind::Closed) && self.try_lone_time() {
                return true;
            }
            if let Kind::Block(_) = kind
                && matches!(self.word(i), Some("a"))
            {
                // "à partir du" / "à compter du" only block before a date.
                if self.day_of_month(j).is_none() {
                    return false;
                }
            }
            self.push(kind.clone(), i, j);
            return true;
        }
        false
    }
}

// ---------------------------------------------------------------------------------------
// 3. Sentences
// ---------------------------------------------------------------------------------------

/// A change to the plan, applied in phases: hours first, then changes to hours, then
/// closures, so that "Fermé le mercredi" removes Wednesday wherever it is written.
#[derive(Debug, Clone)]
enum Op {
    Set {
        scope: Scope,
        days: Days,
        parts: Vec<Part>,
    },
    Until {
        scope: Scope,
        days: Days,
        at: u16,
    },
    From {
        scope: Scope,
        days: Days,
        at: u16,
    },
    Cut {
        scope: Scope,
        days: Days,
        span: Span,
    },
    /// The eve of a public holiday gets the hours of these days, cut at `until`.
    Eve {
        days: Days,
        until: Option<u16>,
    },
    CloseHalf {
        scope: Scope,
        days: Days,
        half: Half,
    },
    CloseDays {
        scope: Scope,
        days: Days,
    },
    CloseScope {
        scope: Scope,
    },
}

struct Reader<'a> {
    text: &'a str,
    items: &'a [Item],
    ops: Vec<Op>,
    /// Times given without days, per scope.
    dangling_times: Vec<(Scope, Vec<Part>, Range<usize>)>,
    /// Condition set by a header, until the next one.
    header: Scope,
    sh_off_unless_defined: bool,
    refusal: Option<String>,
    ambiguous: Vec<String>,
    understood: Vec<Understood>,
    phone_only: bool,
    any_phone: bool,
}

/// What a sentence collects before it is applied.
#[derive(Default)]
struct Sentence {
    items: Vec<usize>,
}

fn is_condition(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::School
            | Kind::SchoolTerm
            | Kind::Months(_)
            | Kind::Dates { .. }
            | Kind::RestOfYear
            | Kind::Weeks(_)
    )
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, items: &'a [Item]) -> Reader<'a> {
        Reader {
            text,
            items,
            ops: Vec::new(),
            dangling_times: Vec::new(),
            header: Scope::Always,
            sh_off_unless_defined: false,
            refusal: None,
            ambiguous: Vec::new(),
            understood: Vec::new(),
            phone_only: true,
            any_phone: false,
        }
    }

    fn src(&self, r: &Range<usize>) -> String {
        self.text.get(r.clone()).unwrap_or("").trim().to_string()
    }

    fn refuse(&mut self, why: String) {
        if self.refusal.is_none() {
            self.refusal = Some(why);
        }
    }

    fn note(&mut self, item: usize, meaning: impl Into<String>) {
        let text = self.src(&self.items[item].src);
        self.understood.push(Understood {
            text,
            meaning: meaning.into(),
        });
    }

    /// Splits into sentences (`.`, `;`, new lines, `|`, bullets) and reads each.
    fn run(&mut self) {
        let mut sentence = Sentence::default();
        for (idx, item) in self.items.iter().enumerate() {
            let ends = matches!(
                item.kind,
                Kind::Sep('.' | ';' | '\n' | '|' | '•' | '!' | '?')
            );
            if ends {
                let s = std::mem::take(&mut sentence);
                self.sentence(&s);
            } else {
                sentence.items.push(idx);
            }
        }
        let s = std::mem::take(&mut sentence);
        self.sentence(&s);
    }

    /// Reads one sentence.
    fn sentence(&mut self, s: &Sentence) {
        if s.items.is_empty() {
            return;
        }
        let items = self.items;
        let kinds: Vec<&Kind> = s.items.iter().map(|&i| &items[i].kind).collect();
        for (n, k) in kinds.iter().enumerate() {
            if let Kind::Block(why) = k {
                let text = self.src(&items[s.items[n]].src);
                self.refuse(format!("{why}: \"{text}\""));
                return;
            }
        }
        let is_phone = kinds.iter().any(|k| matches!(k, Kind::Phone));
        let has_schedule = kinds
            .iter()
            .any(|k| matches!(k, Kind::Days(_) | Kind::Times(_)));
        if is_phone {
            self.any_phone = true;
            if has_schedule {
                let text: Vec<String> = s.items.iter().map(|&i| self.src(&items[i].src)).collect();
                self.understood.push(Understood {
                    text: text.join(" "),
                    meaning: "phone hours, not opening hours: left out".to_string(),
                });
            }
            return;
        }
        if has_schedule {
            self.phone_only = false;
        }
        // Seasons and leave need dates in the same sentence.
        if kinds.iter().any(|k| matches!(k, Kind::Season))
            && !kinds
                .iter()
                .any(|k| matches!(k, Kind::Months(_) | Kind::Dates { .. }))
        {
            let n = kinds
                .iter()
                .position(|k| matches!(k, Kind::Season))
                .unwrap_or(0);
            let text = self.src(&items[s.items[n]].src);
            self.refuse(format!(
                "seasonal hours or leave without dates cannot be encoded: \"{text}\""
            ));
            return;
        }
        // The condition of the sentence: a header at its start (before any day or time)
        // sets it for what follows; a condition after the hours applies to this sentence.
        let mut scope = self.header.clone();
        let first_schedule = kinds
            .iter()
            .position(|k| matches!(k, Kind::Days(_) | Kind::Times(_) | Kind::Until(_)))
            .unwrap_or(kinds.len());
        let mut consumed = vec![false; kinds.len()];
        for n in 0..kinds.len() {
            if !is_condition(kinds[n]) {
                continue;
            }
            // What comes before: a closure or an exception makes it a closure, not a header.
            let before: Vec<&Kind> = kinds[..n]
                .iter()
                .rev()
                .take_while(|k| {
                    matches!(
                        k,
                        Kind::Filler
                            | Kind::Outside
                            | Kind::During
                            | Kind::Only
                            | Kind::Except
                            | Kind::Closed
                            | Kind::Unknown
                            | Kind::Season
                            | Kind::Sep('(' | ',' | '-')
                    )
                })
                .copied()
                .collect();
            let negative = before
                .iter()
                .any(|k| matches!(k, Kind::Outside | Kind::Except | Kind::Closed));
            let closed = before.iter().any(|k| matches!(k, Kind::Closed));
            let in_header = n < first_schedule;
            let cond = match kinds[n] {
                Kind::School => Scope::SchoolHolidays,
                Kind::Months(m) => Scope::Months(m.clone()),
                Kind::Dates { year, from, to } => Scope::Dates {
                    year: *year,
                    from: *from,
                    to: *to,
                },
                Kind::Weeks(p) => Scope::Weeks(*p),
                _ => Scope::Always,
            };
            let term = matches!(kinds[n], Kind::SchoolTerm);
            let rest = matches!(kinds[n], Kind::RestOfYear);
            if rest {
                consumed[n] = true;
                self.note(s.items[n], "the rest of the year (no condition)");
                if in_header {
                    self.header = Scope::Always;
                    scope = Scope::Always;
                }
                continue;
            }
            if term || (negative && cond == Scope::SchoolHolidays) {
                // Outside school holidays: the hours are the usual ones, and school holidays
                // are closed unless other hours are given for them.
                consumed[n] = true;
                self.sh_off_unless_defined = true;
                self.note(
                    s.items[n],
                    "outside school holidays: SH off unless SH hours are given",
                );
                if in_header {
                    self.header = Scope::Always;
                    scope = Scope::Always;
                }
                continue;
            }
            if negative {
                // Closed during a period: for the days of the sentence, or all days.
                if closed || !has_schedule || n >= first_schedule {
                    consumed[n] = true;
                    let days = self.sentence_days(s, &kinds);
                    let meaning = format!("{} off", cond.osm());
                    self.note(s.items[n], meaning);
                    match days {
                        Some(days)
                            if !closed || kinds.iter().any(|k| matches!(k, Kind::Days(_))) =>
                        {
                            self.ops.push(Op::CloseDays { scope: cond, days })
                        }
                        _ => self.ops.push(Op::CloseScope { scope: cond }),
                    }
                }
                continue;
            }
            consumed[n] = true;
            self.note(s.items[n], format!("condition {}", cond.osm()));
            if in_header {
                self.header = cond.clone();
            }
            scope = cond;
        }
        self.pair(s, &kinds, &consumed, &scope);
    }

    /// The days named in a sentence with hours (for "sauf en juillet-août").
    fn sentence_days(&self, _s: &Sentence, kinds: &[&Kind]) -> Option<Days> {
        let mut out = Days::default();
        let mut last: Option<Days> = None;
        for k in kinds {
            if let Kind::Days(d) = k {
                last = Some(d.clone());
            }
        }
        if let Some(d) = last {
            out.mask |= d.mask;
            out.nth = d.nth;
            out.holiday = d.holiday;
            return Some(out);
        }
        None
    }

    /// Pairs days and times in a sentence and records closures and exceptions.
    fn pair(&mut self, s: &Sentence, kinds: &[&Kind], consumed: &[bool], scope: &Scope) {
        let items = self.items;
        let mut pending_days: Option<(Days, usize)> = None;
        let mut pending_times: Option<(Vec<Span>, usize)> = None;
        let mut pending_note: Option<&'static str> = None;
        let mut current_days: Option<Days> = None;
        let mut last_set: Option<usize> = None; // index in self.ops
        let mut times_first = false;
        let mut halves_without_times = false;
        let mut n = 0;
        let mut sentence_note: Option<&'static str> = None;
        while n < kinds.len() {
            if consumed[n] {
                n += 1;
                continue;
            }
            let item = s.items[n];
            match kinds[n] {
                Kind::Days(d) => {
                    self.note(item, d.meaning());
                    let d = self.resolve_others(d, scope);
                    // "Lundi : fermé"
                    if let Some((Kind::Closed, after)) = self.next_meaningful(kinds, n + 1) {
                        let text = self.src(&items[s.items[after]].src);
                        self.understood.push(Understood {
                            text,
                            meaning: format!("{} off", d.meaning()),
                        });
                        self.ops.push(Op::CloseDays {
                            scope: scope.clone(),
                            days: d,
                        });
                        n = after + 1;
                        continue;
                    }
                    // "le mercredi après-midi fermé"
                    if let Some((Kind::Half(half), h)) = self.next_meaningful(kinds, n + 1)
                        && let Some((Kind::Closed, after)) = self.next_meaningful(kinds, h + 1)
                    {
                        let half = *half;
                        self.note(s.items[h], "half day");
                        self.note(s.items[after], "closed");
                        self.ops.push(Op::CloseHalf {
                            scope: scope.clone(),
                            days: d,
                            half,
                        });
                        n = after + 1;
                        continue;
                    }
                    if let Some((times, _)) = pending_times.take()
                        && pending_days.is_none()
                    {
                        times_first = true;
                        last_set = Some(self.set(scope, &d, &times, pending_note.take()));
                        current_days = Some(d);
                    } else if let Some((mut p, at)) = pending_days.take() {
                        // Days after days: one list.
                        p.mask |= d.mask;
                        p.holiday |= d.holiday;
                        if d.nth.is_some() {
                            p.nth = d.nth;
                        }
                        pending_days = Some((p, at));
                    } else {
                        pending_days = Some((d, n));
                    }
                }
                Kind::Times(spans) => {
                    self.note(
                        item,
                        spans
                            .iter()
                            .map(|s| s.to_osm())
                            .collect::<Vec<_>>()
                            .join(","),
                    );
                    let note = pending_note.take().or(sentence_note);
                    if let Some((d, _)) = pending_days.take() {
                        last_set = Some(self.set(scope, &d, spans, note));
                        current_days = Some(d);
                    } else if !times_first && let Some(d) = current_days.clone() {
                        last_set = Some(self.set(scope, &d, spans, note));
                    } else if let Some((t, _)) = pending_times.as_mut() {
                        t.extend(spans.iter().copied());
                    } else {
                        pending_times = Some((spans.clone(), n));
                        pending_note = note;
                    }
                }
                Kind::Note(text) => {
                    self.note(item, format!("comment \"{text}\""));
                    let after_times =
                        matches!(self.prev_meaningful(kinds, n), Some((Kind::Times(_), _)));
                    let before_times = matches!(
                        self.next_meaningful(kinds, n + 1),
                        Some((Kind::Times(_) | Kind::Days(_), _))
                    );
                    if after_times && !before_times {
                        if let Some(op) = last_set {
                            self.attach_note(op, text);
                        } else if let Some((_, _)) = pending_times {
                            pending_note = Some(text);
                        }
                    } else if last_set.is_none() && pending_times.is_none() && !before_times {
                        sentence_note = Some(text);
                    } else if last_set.is_none() && pending_times.is_none() {
                        sentence_note = Some(text);
                        pending_note = Some(text);
                    } else {
                        pending_note = Some(text);
                    }
                }
                Kind::Closed | Kind::Except | Kind::Outside => {
                    let except = !matches!(kinds[n], Kind::Closed);
                    n = self.closure(
                        s,
                        kinds,
                        consumed,
                        n,
                        scope,
                        except,
                        &mut pending_days,
                        &mut current_days,
                        &mut last_set,
                    );
                    continue;
                }
                Kind::Including => {
                    // "y compris les jours fériés": the holidays get the hours of the days.
                    if let Some((Kind::Holidays, after)) = self.next_meaningful(kinds, n + 1) {
                        self.note(item, "PH included");
                        if let Some((d, at)) = pending_days.as_mut() {
                            d.holiday = true;
                            let _ = at;
                        } else if let Some(op) = last_set
                            && let Some(Op::Set { days, .. }) = self.ops.get_mut(op)
                        {
                            days.holiday = true;
                        }
                        n = after + 1;
                        continue;
                    }
                }
                Kind::Holidays => {
                    // "dimanche et jours fériés" when not joined by the day parser.
                    self.note(item, "PH");
                    if let Some((d, _)) = pending_days.as_mut() {
                        d.holiday = true;
                    } else if pending_times.is_some() || current_days.is_none() {
                        pending_days = Some((
                            Days {
                                holiday: true,
                                ..Days::default()
                            },
                            n,
                        ));
                    }
                }
                Kind::Until(at) | Kind::From(at) => {
                    let until = matches!(kinds[n], Kind::Until(_));
                    let at = *at;
                    self.note(
                        item,
                        format!(
                            "{} at {}",
                            if until { "closes" } else { "opens" },
                            super::eval::hhmm(at)
                        ),
                    );
                    // The days: next (before a separator), pending, or the current ones.
                    let next_days = match self.next_meaningful(kinds, n + 1) {
                        Some((Kind::Days(d), after)) => Some((d.clone(), after)),
                        Some((Kind::HolidayEve, after)) => {
                            self.note(s.items[after], "PH -1 day");
                            self.ops.push(Op::Eve {
                                days: current_days.clone().unwrap_or(Days {
                                    mask: ALL_DAYS,
                                    ..Days::default()
                                }),
                                until: Some(at),
                            });
                            n = after + 1;
                            continue;
                        }
                        _ => None,
                    };
                    let (days, skip) = if let Some((d, after)) = next_days {
                        self.note(s.items[after], d.meaning());
                        (Some(d), after + 1)
                    } else if let Some((d, _)) = pending_days.take() {
                        (Some(d), n + 1)
                    } else {
                        (current_days.clone(), n + 1)
                    };
                    match days {
                        Some(days) => self.ops.push(if until {
                            Op::Until {
                                scope: scope.clone(),
                                days,
                                at,
                            }
                        } else {
                            Op::From {
                                scope: scope.clone(),
                                days,
                                at,
                            }
                        }),
                        None => {
                            let text = self.src(&items[item].src);
                            self.refuse(format!(
                                "a time without the days it applies to: \"{text}\""
                            ));
                        }
                    }
                    n = skip;
                    continue;
                }
                Kind::LoneTime => {
                    let text = self.src(&items[item].src);
                    self.refuse(format!("a single time is not a time range: \"{text}\""));
                }
                Kind::Half(_) => {
                    // With times, redundant; without, ambiguous.
                    halves_without_times = true;
                    self.note(item, "half day (redundant with the times)");
                }
                Kind::HolidayEve => {
                    let text = self.src(&items[item].src);
                    self.refuse(format!(
                        "the eve of public holidays without hours: \"{text}\""
                    ));
                }
                Kind::Season => {}
                Kind::School
                | Kind::SchoolTerm
                | Kind::Months(_)
                | Kind::Dates { .. }
                | Kind::RestOfYear
                | Kind::Weeks(_) => {}
                Kind::Noise => self.note(item, "phone number: left out"),
                Kind::Unknown => {}
                _ => {}
            }
            n += 1;
        }
        if let Some((d, at)) = pending_days {
            let text = self.src(&items[s.items[at]].src);
            if halves_without_times {
                self.ambiguous
                    .push(format!("half days without times: \"{text}\""));
                self.refuse(format!(
                    "a half day without times cannot be encoded: \"{text}\""
                ));
            } else if !d.is_empty() {
                self.refuse(format!("days without hours: \"{text}\""));
            }
        }
        if let Some((times, at)) = pending_times {
            let note = pending_note.or(sentence_note);
            let parts = times
                .into_iter()
                .map(|span| Part {
                    span,
                    note: note.map(str::to_string),
                })
                .collect();
            self.dangling_times
                .push((scope.clone(), parts, items[s.items[at]].src.clone()));
        }
        if last_set.is_none()
            && sentence_note.is_some()
            && !kinds.iter().any(|k| matches!(k, Kind::Times(_)))
        {
            self.refuse("appointments without hours cannot be encoded".to_string());
        }
    }

    /// `les autres jours`: the weekdays not given so far in this scope.
    fn resolve_others(&self, d: &Days, scope: &Scope) -> Days {
        if !d.others {
            return d.clone();
        }
        let mut given = 0u8;
        for op in &self.ops {
            if let Op::Set { scope: s, days, .. } | Op::CloseDays { scope: s, days } = op
                && s == scope
            {
                given |= days.mask;
            }
        }
        Days {
            mask: ALL_DAYS & !given,
            ..d.clone()
        }
    }

    fn next_meaningful<'k>(&self, kinds: &[&'k Kind], from: usize) -> Option<(&'k Kind, usize)> {
        kinds
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, k)| !matches!(k, Kind::Filler | Kind::Colon | Kind::Sep('(' | ')' | '-')))
            .map(|(i, k)| (*k, i))
    }

    fn prev_meaningful<'k>(&self, kinds: &[&'k Kind], before: usize) -> Option<(&'k Kind, usize)> {
        kinds[..before]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, k)| !matches!(k, Kind::Filler | Kind::Colon | Kind::Sep('(' | ')')))
            .map(|(i, k)| (*k, i))
    }

    fn set(&mut self, scope: &Scope, days: &Days, spans: &[Span], note: Option<&str>) -> usize {
        let parts = spans
            .iter()
            .map(|&span| Part {
                span,
                note: note.map(str::to_string),
            })
            .collect();
        self.ops.push(Op::Set {
            scope: scope.clone(),
            days: days.clone(),
            parts,
        });
        self.ops.len() - 1
    }

    fn attach_note(&mut self, op: usize, text: &str) {
        if let Some(Op::Set { parts, .. }) = self.ops.get_mut(op) {
            for p in parts {
                p.note = Some(text.to_string());
            }
        }
    }

    /// A closure (`fermé`) or an exception (`sauf`, `hors`) and what it names. Returns the
    /// index after it.
    #[allow(clippy::too_many_arguments)]
    fn closure(
        &mut self,
        s: &Sentence,
        kinds: &[&Kind],
        consumed: &[bool],
        start: usize,
        scope: &Scope,
        except: bool,
        pending_days: &mut Option<(Days, usize)>,
        current_days: &mut Option<Days>,
        last_set: &mut Option<usize>,
    ) -> usize {
        let items = self.items;
        self.note(s.items[start], if except { "except" } else { "closed" });
        let mut n = start + 1;
        let mut days = Days::default();
        let mut half: Option<Half> = None;
        let mut holidays = false;
        let mut eve = false;
        let mut cut: Vec<Span> = Vec::new();
        let mut named_any = false;
        let mut override_times: Option<Vec<Span>> = None;
        let mut override_note: Option<&'static str> = None;
        while n < kinds.len() {
            if consumed[n] {
                n += 1;
                continue;
            }
            match kinds[n] {
                Kind::Filler | Kind::And | Kind::During | Kind::Only | Kind::Colon => {}
                Kind::Sep(',') => {
                    // "sauf le mercredi, de 9h à 12h": the times that follow are the day's.
                    if except
                        && !days.is_empty()
                        && let Some((Kind::Times(t), after)) = self.next_meaningful(kinds, n + 1)
                    {
                        self.note(
                            s.items[after],
                            t.iter().map(|s| s.to_osm()).collect::<Vec<_>>().join(","),
                        );
                        override_times = Some(t.clone());
                        n = after + 1;
                        if let Some((Kind::Note(text), a2)) = self.next_meaningful(kinds, n) {
                            override_note = Some(text);
                            n = a2 + 1;
                        }
                        self.ambiguous
                            .push("\"sauf D, T\" read as: on D the hours are T".to_string());
                        break;
                    }
                    // A comma ends the closure unless more of it follows.
                    match self.next_meaningful(kinds, n + 1) {
                        Some((Kind::Days(_) | Kind::Holidays | Kind::Half(_), _))
                            if named_any && !last_set.is_some() => {}
                        _ => break,
                    }
                }
                Kind::Days(d) => {
                    if named_any && !days.is_empty() && half.is_some() {
                        // "le mercredi après-midi et le vendredi matin": one closure per pair.
                        self.push_closure(scope, &days, half, current_days, except);
                        days = Days::default();
                        half = None;
                    }
                    self.note(s.items[n], d.meaning());
                    let d = self.resolve_others(d, scope);
                    days.mask |= d.mask;
                    days.holiday |= d.holiday;
                    if d.nth.is_some() {
                        days.nth = d.nth.clone();
                    }
                    named_any = true;
                }
                Kind::Half(h) => {
                    self.note(
                        s.items[n],
                        match h {
                            Half::Morning => "morning",
                            Half::Afternoon => "afternoon",
                        },
                    );
                    half = Some(*h);
                    named_any = true;
                }
                Kind::Holidays => {
                    self.note(s.items[n], "PH off");
                    holidays = true;
                    named_any = true;
                }
                Kind::HolidayEve => {
                    self.note(s.items[n], "PH -1 day off");
                    eve = true;
                    named_any = true;
                }
                Kind::Times(t) if !except || days.is_empty() => {
                    // "fermé entre 12h et 14h"
                    if !days.is_empty() || holidays {
                        // "sauf le mardi de 9h à 12h" handled below
                        override_times = Some(t.clone());
                        self.note(
                            s.items[n],
                            t.iter().map(|s| s.to_osm()).collect::<Vec<_>>().join(","),
                        );
                        n += 1;
                        break;
                    }
                    self.note(
                        s.items[n],
                        format!(
                            "closed {}",
                            t.iter().map(|s| s.to_osm()).collect::<Vec<_>>().join(",")
                        ),
                    );
                    cut.extend(t.iter().copied());
                    named_any = true;
                }
                Kind::Times(t) => {
                    override_times = Some(t.clone());
                    self.note(
                        s.items[n],
                        t.iter().map(|s| s.to_osm()).collect::<Vec<_>>().join(","),
                    );
                    n += 1;
                    break;
                }
                Kind::Sep(')') | Kind::Sep('(') => {
                    if named_any {
                        n += 1;
                        break;
                    }
                }
                Kind::Unknown => {
                    if named_any {
                        break;
                    }
                }
                _ => break,
            }
            n += 1;
        }
        let _ = items;
        if let Some(times) = override_times {
            if days.is_empty() && !holidays {
                let text = self.src(&items[s.items[start]].src);
                self.refuse(format!("hours after a closure without days: \"{text}\""));
                return n;
            }
            if !except {
                // "fermé le lundi de 12h à 14h": a cut on those days.
                for span in times {
                    self.ops.push(Op::Cut {
                        scope: scope.clone(),
                        days: days.clone(),
                        span,
                    });
                }
                return n;
            }
            // "sauf le mercredi, de 9h à 12h" / "tous les jours sauf le dimanche de 8h à 19h"
            if let Some((p, at)) = pending_days.as_mut() {
                p.mask &= !days.mask;
                let _ = at;
                // The times belong to the pending days.
                let pd = p.clone();
                *pending_days = None;
                *last_set = Some(self.set(scope, &pd, &times, override_note));
                *current_days = Some(pd);
                return n;
            }
            days.holiday |= holidays;
            *last_set = Some(self.set(scope, &days, &times, override_note));
            return n;
        }
        if !cut.is_empty() {
            let days = current_days
                .clone()
                .or_else(|| pending_days.as_ref().map(|p| p.0.clone()));
            match days {
                Some(days) => {
                    for span in cut {
                        self.ops.push(Op::Cut {
                            scope: scope.clone(),
                            days: days.clone(),
                            span,
                        });
                    }
                }
                None => {
                    self.refuse("closed times without days".to_string());
                }
            }
        }
        if holidays {
            self.ops.push(Op::CloseDays {
                scope: Scope::Always,
                days: Days {
                    holiday: true,
                    ..Days::default()
                },
            });
        }
        if eve {
            self.ops.push(Op::Eve {
                days: Days {
                    mask: ALL_DAYS,
                    ..Days::default()
                },
                until: None,
            });
        }
        if !days.is_empty() || half.is_some() {
            // "tous les jours sauf le dimanche" before the times: remove from the days.
            if except
                && half.is_none()
                && let Some((p, _)) = pending_days.as_mut()
            {
                p.mask &= !days.mask;
                if days.nth.is_some() {
                    self.push_closure(scope, &days, None, current_days, except);
                }
                return n;
            }
            if days.is_empty() {
                // "fermé l'après-midi": the current days.
                if let Some(d) = current_days.clone() {
                    days = d;
                }
            }
            self.push_closure(scope, &days, half, current_days, except);
        } else if !named_any {
            // "fermé" alone: nothing to close.
            let text = self.src(&items[s.items[start]].src);
            self.understood.pop();
            self.understood.push(Understood {
                text,
                meaning: "closed (nothing named)".to_string(),
            });
        }
        n
    }

    fn push_closure(
        &mut self,
        scope: &Scope,
        days: &Days,
        half: Option<Half>,
        _current: &Option<Days>,
        _except: bool,
    ) {
        match half {
            Some(half) => self.ops.push(Op::CloseHalf {
                scope: scope.clone(),
                days: days.clone(),
                half,
            }),
            None => self.ops.push(Op::CloseDays {
                scope: scope.clone(),
                days: days.clone(),
            }),
        }
    }

    /// Applies the changes in phases and writes the value.
    fn finish(mut self) -> Conversion {
        let not_understood = self.not_understood();
        if self.refusal.is_none() && self.any_phone && self.phone_only {
            self.refuse("only phone hours are given, not opening hours".to_string());
        }
        // Times without days: every day, less the days closed in the same scope.
        let dangling = std::mem::take(&mut self.dangling_times);
        for (scope, parts, src) in dangling {
            let closes_days = self.ops.iter().any(|op| {
                matches!(op, Op::CloseDays { scope: s, days } if *s == scope && days.mask != 0)
            });
            let has_days = self.ops.iter().any(|op| matches!(op, Op::Set { .. }));
            if closes_days && !has_days {
                self.ambiguous
                    .push("hours without days read as every day that is not said closed".into());
                self.ops.insert(
                    0,
                    Op::Set {
                        scope,
                        days: Days {
                            mask: ALL_DAYS,
                            ..Days::default()
                        },
                        parts,
                    },
                );
            } else {
                let text = self.src(&src);
                self.refuse(format!("hours without days: \"{text}\""));
            }
        }
        let ambiguous = !self.ambiguous.is_empty();
        if let Some(why) = self.refusal.take() {
            return Conversion {
                osm: None,
                confidence: 0.0,
                understood: self.understood,
                not_understood,
                ambiguous,
                why: Some(why),
            };
        }
        let (plan, conflicts) = apply(&self.ops, self.sh_off_unless_defined);
        let mut why_amb = self.ambiguous.clone();
        why_amb.extend(conflicts);
        let ambiguous = !why_amb.is_empty();
        let osm = plan.to_osm();
        let Some(osm) = osm.filter(|o| OpeningHours::new(o.as_str()).is_valid()) else {
            let why = if self.ops.is_empty() {
                "no day with hours was found".to_string()
            } else {
                "nothing is open once closures are applied".to_string()
            };
            return Conversion {
                osm: None,
                confidence: 0.0,
                understood: self.understood,
                not_understood,
                ambiguous,
                why: Some(why),
            };
        };
        // Confidence: the share of the letters understood, less for ambiguity.
        let total: usize = self
            .text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .count()
            .max(1);
        let unknown: usize = not_understood
            .iter()
            .map(|s| s.chars().filter(|c| c.is_alphanumeric()).count())
            .sum();
        let mut confidence = 1.0 - 0.5 * (unknown as f64 / total as f64);
        if ambiguous {
            confidence *= 0.7;
        }
        let confidence = (confidence * 100.0).round() / 100.0;
        Conversion {
            osm: Some(osm),
            confidence,
            understood: self.understood,
            not_understood,
            ambiguous,
            why: ambiguous.then(|| why_amb.join("; ")),
        }
    }

    /// Runs of unknown words, as written.
    fn not_understood(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut run: Option<Range<usize>> = None;
        for item in self.items {
            if matches!(item.kind, Kind::Unknown) {
                run = Some(match run {
                    Some(r) => r.start..item.src.end,
                    None => item.src.clone(),
                });
            } else if (!matches!(item.kind, Kind::Filler) || run.is_none())
                && let Some(r) = run.take()
            {
                out.push(self.src(&r));
            }
        }
        if let Some(r) = run {
            out.push(self.src(&r));
        }
        out.retain(|s| !s.is_empty());
        out
    }
}

/// Applies the changes to a plan: hours, then changes to hours, then closures. Returns the
/// plan and the conflicts met (a day given twice with different hours).
fn apply(ops: &[Op], sh_off_unless_defined: bool) -> (Plan, Vec<String>) {
    let mut plan = Plan::default();
    let mut conflicts = Vec::new();
    // 1. Hours.
    for op in ops {
        if let Op::Set { scope, days, parts } = op {
            let sp = plan.scope_mut(scope);
            for key in days.keys() {
                let mut new = parts.clone();
                if let Some(DayState::Open(old)) = sp.get(&key) {
                    let overlap = old
                        .iter()
                        .any(|o| new.iter().any(|n| n.span.overlaps(o.span)));
                    if overlap {
                        if *old != new {
                            conflicts.push(format!(
                                "{} given twice: the later hours replace the earlier ones",
                                days.meaning()
                            ));
                        }
                    } else {
                        let mut all = old.clone();
                        all.append(&mut new);
                        new = all;
                    }
                }
                new.sort_by_key(|p| p.span);
                new.dedup();
                sp.set(key, DayState::Open(new));
            }
        }
    }
    // 2. Changes to hours.
    for op in ops {
        match op {
            Op::Until { scope, days, at } | Op::From { scope, days, at } => {
                let until = matches!(op, Op::Until { .. });
                let sp = plan.scope_mut(scope);
                let mut base_parts: Option<Vec<Part>> = None;
                for key in days.keys() {
                    let Some(DayState::Open(parts)) = sp.get(&key) else {
                        continue;
                    };
                    let mut parts = parts.clone();
                    if until {
                        parts.retain(|p| p.span.start < *at);
                        if let Some(last) = parts.last_mut() {
                            last.span.end = *at;
                        }
                    } else {
                        parts.retain(|p| p.span.bounds().1 > *at);
                        if let Some(first) = parts.first_mut() {
                            first.span.start = *at;
                        }
                    }
                    base_parts.get_or_insert(parts.clone());
                    sp.set(key, DayState::Open(parts));
                }
                if base_parts.is_none() {
                    conflicts.push(format!(
                        "a {} time for {} which has no hours: left out",
                        if until { "closing" } else { "opening" },
                        days.meaning()
                    ));
                }
            }
            Op::Cut { scope, days, span } => {
                let sp = plan.scope_mut(scope);
                for key in days.keys() {
                    if let Some(DayState::Open(parts)) = sp.get(&key) {
                        let mut out = Vec::new();
                        for p in parts {
                            let (a, b) = p.span.bounds();
                            let (c, d) = span.bounds();
                            if d <= a || c >= b {
                                out.push(p.clone());
                                continue;
                            }
                            if c > a {
                                out.push(Part {
                                    span: Span { start: a, end: c },
                                    note: p.note.clone(),
                                });
                            }
                            if d < b {
                                out.push(Part {
                                    span: Span {
                                        start: d,
                                        end: if b > 1440 { b - 1440 } else { b },
                                    },
                                    note: p.note.clone(),
                                });
                            }
                        }
                        sp.set(key, DayState::Open(out));
                    }
                }
            }
            Op::Eve { days, until } => {
                // Per group of days with the same hours, the eve gets those hours, cut.
                let sp = plan.scope_mut(&Scope::Always);
                let mut groups: Vec<(u8, Vec<Part>)> = Vec::new();
                for d in 0..7u8 {
                    if days.mask & (1 << d) == 0 {
                        continue;
                    }
                    let parts = sp.weekday_parts(d).to_vec();
                    if parts.is_empty() && until.is_some() {
                        continue;
                    }
                    match groups.iter_mut().find(|(_, p)| *p == parts) {
                        Some((m, _)) => *m |= 1 << d,
                        None => groups.push((1 << d, parts)),
                    }
                }
                for (mask, mut parts) in groups {
                    let state = match until {
                        None => DayState::Closed,
                        Some(at) => {
                            parts.retain(|p| p.span.start < *at);
                            if let Some(last) = parts.last_mut() {
                                last.span.end = *at;
                            }
                            DayState::Open(parts)
                        }
                    };
                    sp.set(DayKey::HolidayEve(mask), state);
                }
            }
            _ => {}
        }
    }
    // 3. Closures.
    for op in ops {
        match op {
            Op::CloseHalf { scope, days, half } => {
                let sp = plan.scope_mut(scope);
                for key in days.keys() {
                    if let Some(DayState::Open(parts)) = sp.get(&key) {
                        let mut kept: Vec<Part> = Vec::new();
                        for p in parts {
                            let (a, b) = p.span.bounds();
                            match half {
                                Half::Afternoon if a >= 720 => {}
                                Half::Afternoon if b > 720 && a < 720 => {
                                    conflicts.push("a range across noon cut at 12:00".into());
                                    kept.push(Part {
                                        span: Span { start: a, end: 720 },
                                        note: p.note.clone(),
                                    });
                                }
                                Half::Morning if b <= 780 || a < 720 && b <= 840 && a < 660 => {}
                                Half::Morning if a < 720 => {
                                    conflicts.push("a range across noon cut at 12:00".into());
                                    kept.push(Part {
                                        span: Span {
                                            start: 720,
                                            end: p.span.end,
                                        },
                                        note: p.note.clone(),
                                    });
                                }
                                _ => kept.push(p.clone()),
                            }
                        }
                        let state = if kept.is_empty() {
                            DayState::Closed
                        } else {
                            DayState::Open(kept)
                        };
                        sp.set(key, state);
                    }
                }
            }
            Op::CloseDays { scope, days } => {
                let sp = plan.scope_mut(scope);
                for key in days.keys() {
                    sp.set(key, DayState::Closed);
                }
            }
            Op::CloseScope { scope } => {
                let sp = plan.scope_mut(scope);
                sp.closed = true;
                sp.days.clear();
            }
            _ => {}
        }
    }
    if sh_off_unless_defined {
        let sp = plan.scope_mut(&Scope::SchoolHolidays);
        if sp.days.is_empty() {
            sp.closed = true;
        }
    }
    // Empty scopes are not written.
    plan.scopes = plan
        .scopes
        .into_iter()
        .enumerate()
        .filter(|(i, s)| *i == 0 || s.closed || !s.days.is_empty())
        .map(|(_, s)| s)
        .collect();
    (plan, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn osm(text: &str) -> Option<String> {
        from_french(text).osm
    }

    #[test]
    fn words_fold_accents_and_keep_positions() {
        let toks = lex("Fermé à 8h30 – Août");
        let words: Vec<_> = toks.iter().map(|t| t.lex.clone()).collect();
        assert_eq!(
            words,
            vec![
                Lex::Word("ferme".into()),
                Lex::Word("a".into()),
                Lex::Num(8, 1),
                Lex::Word("h".into()),
                Lex::Num(30, 2),
                Lex::Punct('-'),
                Lex::Word("aout".into()),
            ]
        );
        assert_eq!(&"Fermé à 8h30 – Août"[toks[0].src.clone()], "Fermé");
        assert!(toks[0].upper && !toks[1].upper);
    }

    #[test]
    fn hour_forms() {
        for (text, want) in [
            ("lundi 9h-12h", "Mo 09:00-12:00"),
            ("lundi 9h30-12h", "Mo 09:30-12:00"),
            ("lundi 09:00-12:00", "Mo 09:00-12:00"),
            ("lundi 9 h 30 - 12 h", "Mo 09:30-12:00"),
            ("lundi de 9h à midi", "Mo 09:00-12:00"),
            ("lundi 12h-14h", "Mo 12:00-14:00"),
            ("lundi 9-12", "Mo 09:00-12:00"),
            ("lundi 14h18h", "Mo 14:00-18:00"),
            ("lundi 9h 0 12h", "Mo 09:00-12:00"),
            ("lundi 13:30 17:00", "Mo 13:30-17:00"),
            ("LUNDI 9H30/12H30", "Mo 09:30-12:30"),
            ("lundi 9h-12h et 14h-18h", "Mo 09:00-12:00,14:00-18:00"),
            ("lundi de 19h à 8h", "Mo 19:00-08:00"),
        ] {
            assert_eq!(osm(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn day_forms() {
        for (text, want) in [
            ("du lundi au vendredi 9h-12h", "Mo-Fr 09:00-12:00"),
            ("lun-ven 9h-12h", "Mo-Fr 09:00-12:00"),
            ("Lu, Ma, Je 9h-12h", "Mo,Tu,Th 09:00-12:00"),
            ("L au V : 8h-12h", "Mo-Fr 08:00-12:00"),
            (
                "Lundi-mardi-jeudi-vendredi 9h-12h",
                "Mo,Tu,Th,Fr 09:00-12:00",
            ),
            ("mardi à jeudi 9h-12h", "Tu-Th 09:00-12:00"),
            ("Mar. au Ven. 9h-12h", "Tu-Fr 09:00-12:00"),
            (
                "tous les jours sauf le dimanche de 8h à 19h",
                "Mo-Sa 08:00-19:00",
            ),
            ("Mecredi 14h-18h", "We 14:00-18:00"),
            (
                "le dernier vendredi du mois de 9h à 12h",
                "Fr[-1] 09:00-12:00",
            ),
            (
                "Du lundi au vendredi 9h-12h et 14h-17h, le mercredi après-midi fermé",
                "Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00; We 09:00-12:00",
            ),
        ] {
            assert_eq!(osm(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn refusals_say_why() {
        for text in [
            "Selon les permanences",
            "Voir site internet",
            "Horaires variables, nous contacter",
            "Ouvert du lundi au vendredi",
            "De 9h à 17h",
            "Accueil sur rendez-vous uniquement",
            "Fermé le dimanche",
            "Le mardi de 9h à 12h une semaine sur deux",
            "Fermé pendant les vacances de Noël, du lundi au vendredi 9h-12h",
            "Horaires d'hiver : du lundi au vendredi 9h-17h",
            "",
        ] {
            let c = from_french(text);
            assert_eq!(c.osm, None, "{text}");
            assert!(c.why.is_some(), "{text}");
            assert_eq!(c.confidence, 0.0);
        }
    }

    #[test]
    fn understood_and_not_understood_parts() {
        let c = from_french("Médiathèque : le mercredi de 9h à 12h");
        assert_eq!(c.osm.as_deref(), Some("We 09:00-12:00"));
        assert_eq!(c.not_understood, vec!["Médiathèque".to_string()]);
        assert!(
            c.understood
                .iter()
                .any(|u| u.text == "le mercredi" && u.meaning == "We")
        );
        assert!(c.confidence < 1.0 && c.confidence > 0.5);
    }
}
