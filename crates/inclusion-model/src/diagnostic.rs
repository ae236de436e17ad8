//! [`Diagnostic`]: one problem found in a file, with where, what, and how to fix it; its
//! message [`Template`] and [`Arg`]uments.
//!
//! A diagnostic is compact: where it is (row, column), the value, its severity, a reference to
//! a static message template and the few arguments the template needs. The French and English
//! messages are rendered when they are asked for ([`Diagnostic::message_fr`],
//! [`Diagnostic::message_en`], `Display`, serialisation), not stored: a file with a million bad
//! rows holds a million small records, not two million sentences.
//!
//! The templates of this crate are in [`messages`](crate::messages); another crate defines its
//! own table of `static` [`Template`]s the same way (see [`Template::new`]).
//!
//! ## Placeholders
//!
//! A template's texts may hold, between braces:
//!
//! | placeholder | replaced by |
//! |---|---|
//! | `{0}`, `{1}`… | the arguments of the diagnostic, in order |
//! | `{value}` | the value of the diagnostic |
//! | `{column}` | the column of the diagnostic |
//! | `{title}` | the French title of that column in the standard (e.g. `Code postal`), or its name |
//! | `{labels}` | the valid labels of that column's vocabulary, separated by ` \| ` |
//! | `{row}` | the row of the diagnostic |
//!
//! ```
//! use inclusion_model::diagnostic::{Arg, Diagnostic, Severity, Template};
//!
//! static TOO_FAR: Template = Template::new(
//!     "distance.too_far",
//!     "distance.too_far",
//!     "Le lieu « {value} » est à {0} km : plus de {1} km.",
//!     "Place '{value}' is {0} km away: more than {1} km.",
//! );
//! let d = Diagnostic::new(Severity::Warning, &TOO_FAR)
//!     .at_row(3)
//!     .in_column("nom")
//!     .with_value("Mairie")
//!     .with_args([Arg::from(42.5), Arg::from(30_u64)]);
//! assert_eq!(d.code(), "distance.too_far");
//! assert_eq!(d.message_en(), "Place 'Mairie' is 42.5 km away: more than 30 km.");
//! assert_eq!(d.to_string(), "row 3, column nom: warning [distance.too_far]: Place 'Mairie' is 42.5 km away: more than 30 km. (value: \"Mairie\")");
//! ```

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;

use crate::columns::Column;
use crate::printable::cut;
pub use crate::printable::{Escaped, KEPT_CHARS};
use crate::vocab;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the value is kept.
    Warning,
    /// The row (or the file) does not conform; the value or the row cannot be used as is.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// The French and English texts of a diagnostic, for one code (or one variant of a code), with
/// placeholders (see the [module documentation](self#placeholders)).
///
/// Templates are `static` items of a table (for this crate, [`messages`](crate::messages));
/// a [`Diagnostic`] refers to one. Two templates are the same when their codes and keys are.
#[derive(Debug)]
pub struct Template {
    code: &'static str,
    key: &'static str,
    fr: &'static str,
    en: &'static str,
}

impl Template {
    /// A template for the diagnostics of `code`; `key` names this variant of the code's
    /// message, stably (the code itself when the code has one message, `code.variant`
    /// otherwise, e.g. `label.case`).
    pub const fn new(
        code: &'static str,
        key: &'static str,
        fr: &'static str,
        en: &'static str,
    ) -> Template {
        Template { code, key, fr, en }
    }

    /// The diagnostic code.
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The stable name of this variant of the code's message.
    pub const fn key(&self) -> &'static str {
        self.key
    }

    /// The French text, with its placeholders.
    pub const fn fr(&self) -> &'static str {
        self.fr
    }

    /// The English text, with its placeholders.
    pub const fn en(&self) -> &'static str {
        self.en
    }

    /// The placeholders of a text of a template, in order (`0`, `value`...).
    ///
    /// ```
    /// use inclusion_model::{diagnostic::Template, messages};
    /// let names: Vec<&str> = Template::placeholders(messages::COORDINATES_SWAPPED.en()).collect();
    /// assert_eq!(names, ["0", "1", "2"]);
    /// ```
    pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
        let mut rest = text;
        std::iter::from_fn(move || {
            let start = rest.find('{')?;
            let len = rest[start..].find('}')?;
            let name = &rest[start + 1..start + len];
            rest = &rest[start + len + 1..];
            Some(name)
        })
    }
}

impl PartialEq for Template {
    fn eq(&self, other: &Template) -> bool {
        self.code == other.code && self.key == other.key
    }
}

impl Eq for Template {}

/// Defines a table of message [`Template`]s: one `pub static` per template, documented with its
/// key and texts, and `pub static ALL: &[&Template]` listing them. For the tables of other
/// crates, as [`messages`](crate::messages) is this crate's; check them with
/// [`table_problems`].
///
/// ```
/// mod messages {
///     inclusion_model::message_table! {
///         /// A place too far away: `{0}` its distance in km.
///         TOO_FAR = "distance.too_far", "distance.too_far",
///             "Le lieu « {value} » est à {0} km.",
///             "Place '{value}' is {0} km away.";
///     }
/// }
/// assert_eq!(messages::ALL, [&messages::TOO_FAR]);
/// assert!(inclusion_model::diagnostic::table_problems(messages::ALL).is_empty());
/// ```
#[macro_export]
macro_rules! message_table {
    ($( $(#[$doc:meta])* $name:ident = $code:expr, $key:literal, $fr:literal, $en:literal; )+) => {
        $(
            $(#[$doc])*
            #[doc = ""]
            #[doc = concat!("Key `", $key, "`.")]
            #[doc = ""]
            #[doc = concat!("* fr: `", $fr, "`")]
            #[doc = concat!("* en: `", $en, "`")]
            pub static $name: $crate::diagnostic::Template =
                $crate::diagnostic::Template::new($code, $key, $fr, $en);
        )+

        /// Every template of this table.
        pub static ALL: &[&$crate::diagnostic::Template] = &[$(&$name),+];
    };
}

/// What is wrong with a table of templates (empty when nothing is): a key used twice, a key
/// that is neither its code nor `code.variant`, an empty text, French and English texts with
/// different placeholders, an unknown named placeholder, arguments not numbered `0`, `1`...
///
/// ```
/// use inclusion_model::diagnostic::{Template, table_problems};
/// static A: Template = Template::new("x.code", "x.code", "{0} et {1}", "{0} and {2}");
/// static B: Template = Template::new("x.code", "y", "{1}", "{1}");
/// assert_eq!(table_problems(&[&A, &B]), [
///     r#"x.code: placeholders {"0", "1"} in French, {"0", "2"} in English"#,
///     "y: not a variant of code x.code",
///     "y: arguments [1] are not numbered 0, 1...",
/// ]);
/// assert!(table_problems(inclusion_model::messages::ALL).is_empty());
/// ```
pub fn table_problems(templates: &[&Template]) -> Vec<String> {
    let named = ["value", "column", "title", "labels", "row"];
    let mut problems = Vec::new();
    let mut keys = std::collections::BTreeSet::new();
    for t in templates {
        let key = t.key;
        if !keys.insert(key) {
            problems.push(format!("{key}: key used twice"));
        }
        if key != t.code && !key.strip_prefix(t.code).is_some_and(|v| v.starts_with('.')) {
            problems.push(format!("{key}: not a variant of code {}", t.code));
        }
        if t.fr.is_empty() || t.en.is_empty() {
            problems.push(format!("{key}: empty text"));
        }
        let fr: std::collections::BTreeSet<&str> = Template::placeholders(t.fr).collect();
        let en: std::collections::BTreeSet<&str> = Template::placeholders(t.en).collect();
        if fr != en {
            problems.push(format!(
                "{key}: placeholders {fr:?} in French, {en:?} in English"
            ));
        }
        let mut args = Vec::new();
        for p in fr.union(&en) {
            match p.parse::<usize>() {
                Ok(i) => args.push(i),
                Err(_) if named.contains(p) => {}
                Err(_) => problems.push(format!("{key}: unknown placeholder {{{p}}}")),
            }
        }
        args.sort_unstable();
        if args.iter().enumerate().any(|(i, a)| i != *a) {
            problems.push(format!(
                "{key}: arguments {args:?} are not numbered 0, 1..."
            ));
        }
    }
    problems
}

/// An argument of a diagnostic's message (`{0}`, `{1}`... in its [`Template`]).
///
/// A text longer than [`KEPT_CHARS`] characters is kept as an excerpt ([`Arg::Cut`]):
/// a message never quotes a whole input.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Arg {
    /// A text of the input or computed.
    Text(Box<str>),
    /// The first [`KEPT_CHARS`] characters of a longer text, and the length of the whole
    /// text in characters; rendered `début… [228,000 characters]` (`[228 000 caractères]`).
    Cut(Box<str>, u32),
    /// A text of the program (a label, a column name...): no copy.
    Static(&'static str),
    /// A whole number, written with digits only.
    Int(u64),
    /// A number, written as Rust writes an `f64` (`43.5`, `95`).
    Float(f64),
    /// A date, written `YYYY-MM-DD`.
    Date(NaiveDate),
}

/// Numbers compare by their bits, so that a `NaN` argument equals itself.
impl PartialEq for Arg {
    fn eq(&self, other: &Arg) -> bool {
        match (self, other) {
            (Arg::Text(a), Arg::Text(b)) => a == b,
            (Arg::Cut(a, n), Arg::Cut(b, m)) => a == b && n == m,
            (Arg::Static(a), Arg::Static(b)) => a == b,
            (Arg::Int(a), Arg::Int(b)) => a == b,
            (Arg::Float(a), Arg::Float(b)) => a.to_bits() == b.to_bits(),
            (Arg::Date(a), Arg::Date(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Arg {}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        match cut(s, KEPT_CHARS) {
            None => Arg::Text(s.into()),
            Some((cut, chars)) => Arg::Cut(cut, chars),
        }
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        match cut(&s, KEPT_CHARS) {
            None => Arg::Text(s.into_boxed_str()),
            Some((cut, chars)) => Arg::Cut(cut, chars),
        }
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Int(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Int(n as u64)
    }
}

impl From<f64> for Arg {
    fn from(x: f64) -> Arg {
        Arg::Float(x)
    }
}

impl From<NaiveDate> for Arg {
    fn from(d: NaiveDate) -> Arg {
        Arg::Date(d)
    }
}

/// Texts (and [`Arg::Cut`] excerpts) are written as they are, control characters included:
/// messages escape them (see [`Escaped`]).
impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Cut(s, chars) => write!(f, "{s}… [{chars} characters]"),
            Arg::Static(s) => f.write_str(s),
            Arg::Int(n) => write!(f, "{n}"),
            Arg::Float(x) => write!(f, "{x}"),
            Arg::Date(d) => write!(f, "{d}"),
        }
    }
}

/// Writes an input text in a message: escaped, and, for an excerpt, with the full length.
fn write_quoted(
    out: &mut impl fmt::Write,
    text: &str,
    cut: Option<u32>,
    lang: Lang,
) -> fmt::Result {
    write!(out, "{}", Escaped(text))?;
    match (cut, lang) {
        (None, _) => Ok(()),
        (Some(n), Lang::Fr) => write!(out, " [{} caractères]", thousands(n as usize, '\u{a0}')),
        (Some(n), Lang::En) => write!(out, " [{} characters]", thousands(n as usize, ',')),
    }
}

/// The two languages of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Fr,
    En,
}

/// The sentence added to the message of an error whose value was dropped in lenient reading.
const VALUE_DROPPED: (&str, &str) = (
    " Valeur ignorée (lecture tolérante).",
    " Value dropped (lenient reading).",
);

/// One problem found while reading or validating: where it is, the value, a stable code, and a
/// message in French and in English that says what to fix.
///
/// `row` is the 1-based line number as a spreadsheet shows it: for a CSV file the header is
/// row 1 and the first place is row 2; for a JSON array the first record is row 1. File-level
/// problems (encoding, missing columns) have no row.
///
/// Its JSON form (serde) has the keys `row`, `column`, `value`, `code`, `severity`,
/// `message_fr` and `message_en` (see the `diagnostic` JSON Schema).
///
/// ```
/// use inclusion_model::{read_csv_str, ReadOptions, Severity};
///
/// let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\n\
///            p1,43493312300029,Anonymal,Reims,5110,1 rue X,2024-04-02\n";
/// let report = read_csv_str(csv, &ReadOptions::default());
/// let d = report.errors().next().unwrap();
/// assert_eq!((d.row(), d.column(), d.value()), (Some(2), Some("code_postal"), Some("5110")));
/// assert_eq!(d.code(), "pattern");
/// assert_eq!(d.severity(), Severity::Error);
/// assert!(d.message_fr().contains("5 chiffres"));
/// assert!(report.places.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    row: Option<usize>,
    column: Option<Cow<'static, str>>,
    /// The value, or its first [`KEPT_CHARS`] characters and `…`.
    value: Option<Box<str>>,
    template: &'static Template,
    args: Box<[Arg]>,
    /// The length of the value in characters when `value` is an excerpt, 0 otherwise.
    value_chars: u32,
    severity: Severity,
    /// The value was dropped (lenient reading): the message says so.
    dropped: bool,
}

impl Diagnostic {
    /// A new diagnostic, of this severity, whose message is `template` (without row, column,
    /// value or arguments: add them with the methods below).
    pub fn new(severity: Severity, template: &'static Template) -> Diagnostic {
        Diagnostic {
            row: None,
            column: None,
            value: None,
            template,
            args: Box::default(),
            value_chars: 0,
            severity,
            dropped: false,
        }
    }

    /// Sets the row.
    pub fn at_row(mut self, row: usize) -> Diagnostic {
        self.row = Some(row);
        self
    }

    /// Moves the row (if any) `by` rows down: a part of a file read apart numbers its rows
    /// from 2, as a file does.
    pub(crate) fn shift_row(&mut self, by: usize) {
        if let Some(row) = &mut self.row {
            *row = row.saturating_add(by);
        }
    }

    /// Sets the column (a `&'static str`, such as a [`Column`] name, is not copied; a name
    /// longer than [`KEPT_CHARS`] characters is kept as an excerpt).
    pub fn in_column(mut self, column: impl Into<Cow<'static, str>>) -> Diagnostic {
        let column = column.into();
        self.column = Some(match cut(&column, KEPT_CHARS) {
            None => column,
            Some((cut, _)) => Cow::Owned(cut.into_string()),
        });
        self
    }

    /// Sets the value. A value longer than [`KEPT_CHARS`] characters is kept as an
    /// excerpt: its first characters and `…`; [`Diagnostic::value_chars`] gives its length.
    ///
    /// ```
    /// use inclusion_model::{Diagnostic, Severity, messages};
    /// let long = "Mo-Su 00:00-24:00; ".repeat(1_000);
    /// let d = Diagnostic::new(Severity::Warning, &messages::HOURS_SYNTAX).with_value(long.as_str());
    /// assert_eq!(d.value().unwrap().chars().count(), 201);
    /// assert!(d.value().unwrap().ends_with("Mo-Su 00:0…"));
    /// assert_eq!(d.value_chars(), Some(19_000));
    /// assert!(d.to_string().ends_with("…\" [19,000 characters])"), "{d}");
    /// ```
    pub fn with_value(mut self, value: impl Into<Box<str>>) -> Diagnostic {
        let value = value.into();
        match cut(&value, KEPT_CHARS) {
            None => {
                self.value = Some(value);
                self.value_chars = 0;
            }
            Some((cut, chars)) => {
                self.value = Some(cut);
                self.value_chars = chars;
            }
        }
        self
    }

    /// Sets the arguments of the message (`{0}`, `{1}`...).
    pub fn with_args(mut self, args: impl Into<Box<[Arg]>>) -> Diagnostic {
        self.args = args.into();
        self
    }

    /// Says, at the end of the message, that the value was dropped (lenient reading keeps the
    /// place without it).
    ///
    /// ```
    /// use inclusion_model::{Diagnostic, Severity, messages};
    /// let d = Diagnostic::new(Severity::Error, &messages::NUMBER).with_value("x").value_dropped();
    /// assert!(d.message_en().ends_with("e.g. 43.52609. Value dropped (lenient reading)."));
    /// ```
    pub fn value_dropped(mut self) -> Diagnostic {
        self.dropped = true;
        self
    }

    /// The 1-based row in the file (see above); `None` for a problem of the whole file.
    pub fn row(&self) -> Option<usize> {
        self.row
    }

    /// The column (header name) concerned, if any.
    pub fn column(&self) -> Option<&str> {
        self.column.as_deref()
    }

    /// The offending value, as read (not escaped: control characters are as in the file); a
    /// value longer than [`KEPT_CHARS`] characters is an excerpt ending with `…` (see
    /// [`Diagnostic::value_chars`]).
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// The length in characters of a value kept as an excerpt; `None` when
    /// [`Diagnostic::value`] is the whole value.
    pub fn value_chars(&self) -> Option<usize> {
        (self.value_chars > 0).then_some(self.value_chars as usize)
    }

    /// A stable, machine-readable code (see [`codes`](crate::codes)).
    pub fn code(&self) -> &'static str {
        self.template.code
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The message template.
    pub fn template(&self) -> &'static Template {
        self.template
    }

    /// The arguments of the message.
    pub fn args(&self) -> &[Arg] {
        &self.args
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What is wrong and how to fix it, in French.
    pub fn message_fr(&self) -> String {
        self.message(Lang::Fr)
    }

    /// What is wrong and how to fix it, in English.
    pub fn message_en(&self) -> String {
        self.message(Lang::En)
    }

    fn message(&self, lang: Lang) -> String {
        let mut out = String::new();
        // Writing into a `String` cannot fail.
        let _ = self.write_message(lang, &mut out);
        out
    }

    /// Renders the message: the template's text with its placeholders replaced.
    fn write_message(&self, lang: Lang, out: &mut impl fmt::Write) -> fmt::Result {
        let (text, dropped) = match lang {
            Lang::Fr => (self.template.fr, VALUE_DROPPED.0),
            Lang::En => (self.template.en, VALUE_DROPPED.1),
        };
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            out.write_str(&rest[..start])?;
            let after = &rest[start + 1..];
            match after.find('}') {
                Some(end) => {
                    self.write_placeholder(&after[..end], lang, out)?;
                    rest = &after[end + 1..];
                }
                None => {
                    out.write_str(&rest[start..])?;
                    rest = "";
                }
            }
        }
        out.write_str(rest)?;
        if self.dropped {
            out.write_str(dropped)?;
        }
        Ok(())
    }

    /// Writes a placeholder; the texts of the input (value, column, arguments) escaped.
    fn write_placeholder(&self, name: &str, lang: Lang, out: &mut impl fmt::Write) -> fmt::Result {
        let column = self.column.as_deref().unwrap_or_default();
        match name {
            "value" => write_quoted(
                out,
                self.value.as_deref().unwrap_or_default(),
                (self.value_chars > 0).then_some(self.value_chars),
                lang,
            ),
            "column" => write!(out, "{}", Escaped(column)),
            "title" => match Column::from_name(column) {
                Some(c) => out.write_str(c.title()),
                None => write!(out, "{}", Escaped(column)),
            },
            "labels" => out.write_str(&vocab::labels_of_column(column).unwrap_or_default()),
            "row" => match self.row {
                Some(r) => write!(out, "{r}"),
                None => Ok(()),
            },
            index => match index.parse::<usize>().ok().and_then(|i| self.args.get(i)) {
                Some(Arg::Text(t)) => write_quoted(out, t, None, lang),
                Some(Arg::Cut(t, chars)) => write_quoted(out, t, Some(*chars), lang),
                Some(arg) => write!(out, "{arg}"),
                // An unknown placeholder is written as is (the tables are tested to have none).
                None => write!(out, "{{{index}}}"),
            },
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            Some(r) => write!(f, "row {r}")?,
            None => f.write_str("file")?,
        }
        if let Some(c) = &self.column {
            write!(f, ", column {}", Escaped(c))?;
        }
        write!(f, ": {} [{}]: ", self.severity, self.code())?;
        self.write_message(Lang::En, f)?;
        if let Some(v) = &self.value {
            f.write_str(" (value: \"")?;
            write_quoted(f, v, None, Lang::En)?;
            f.write_str("\"")?;
            if let Some(n) = self.value_chars() {
                write!(f, " [{} characters]", thousands(n, ','))?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// The message, rendered into a serialiser without an intermediate `String`.
struct Message<'d>(&'d Diagnostic, Lang);

impl serde::Serialize for Message<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{self}"))
    }
}

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_message(self.1, f)
    }
}

impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Diagnostic", 7)?;
        st.serialize_field("row", &self.row)?;
        st.serialize_field("column", &self.column)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("code", self.code())?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("message_fr", &Message(self, Lang::Fr))?;
        st.serialize_field("message_en", &Message(self, Lang::En))?;
        st.end()
    }
}

/// Writes `n` with a thousands separator: `,` in English, a space in French.
pub(crate) fn thousands(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    static T: Template = Template::new(
        "test.code",
        "test.code",
        "{value} en {column} ({title}) ligne {row} : {0}, {1}, {2}, {3} ; {labels}.",
        "{value} in {column} ({title}) row {row}: {0}, {1}, {2}, {3}; {labels}.",
    );

    #[test]
    fn placeholders_are_replaced_at_render_time() {
        let d = Diagnostic::new(Severity::Warning, &T)
            .at_row(7)
            .in_column("frais_a_charge")
            .with_value("Gratos")
            .with_args([
                Arg::Static("a"),
                Arg::from(3_usize),
                Arg::from(-0.5),
                Arg::from(NaiveDate::from_ymd_opt(2024, 4, 2).unwrap()),
            ]);
        assert_eq!(
            d.message_en(),
            "Gratos in frais_a_charge (Frais à charge) row 7: a, 3, -0.5, 2024-04-02; Gratuit | Gratuit sous condition | Payant."
        );
        assert!(d.message_fr().starts_with("Gratos en frais_a_charge"));
    }

    #[test]
    fn missing_arguments_and_open_braces_are_written_as_they_are() {
        static ODD: Template = Template::new("t", "t", "{0} et {", "{9} and {");
        let d = Diagnostic::new(Severity::Error, &ODD);
        assert_eq!(d.message_fr(), "{0} et {");
        assert_eq!(d.message_en(), "{9} and {");
    }

    #[test]
    fn serialised_with_the_rendered_messages_in_the_historical_key_order() {
        let d = Diagnostic::new(Severity::Error, &T)
            .at_row(2)
            .in_column("code_postal")
            .with_value("5110")
            .with_args([Arg::Static("x"), Arg::Int(1), Arg::Int(2), Arg::Int(3)]);
        let json = serde_json::to_string(&d).unwrap();
        let fr = serde_json::to_string(&d.message_fr()).unwrap();
        let en = serde_json::to_string(&d.message_en()).unwrap();
        assert_eq!(
            json,
            format!(
                r#"{{"row":2,"column":"code_postal","value":"5110","code":"test.code","severity":"error","message_fr":{fr},"message_en":{en}}}"#
            )
        );
    }

    #[test]
    fn a_diagnostic_is_small() {
        // Row, column, value, template, arguments, severity: no message text.
        assert!(std::mem::size_of::<Diagnostic>() <= 88);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(999_000, ','), "999,000");
        assert_eq!(thousands(1_234_567, ' '), "1 234 567");
        assert_eq!(thousands(12, ','), "12");
        assert_eq!(thousands(0, ','), "0");
    }
}
