//! A small SVG writer: elements, attributes and text, with XML escaping.

use std::borrow::Cow;
use std::fmt::Write;

/// `s` with `&`, `<`, `>`, `"` and `'` replaced by their XML entities, and the characters that
/// XML 1.0 forbids (C0 controls other than tab, line feed and carriage return) removed.
pub(crate) fn escape(s: &str) -> Cow<'_, str> {
    let needs = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || is_forbidden(c);
    if !s.contains(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn is_forbidden(c: char) -> bool {
    (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')
}

/// A value of an attribute: text (escaped) or a number (written with 2 decimals at most).
pub(crate) enum Value<'a> {
    Text(&'a str),
    Num(f64),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Value<'a> {
        Value::Text(s)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(s: &'a String) -> Value<'a> {
        Value::Text(s)
    }
}

impl From<f64> for Value<'_> {
    fn from(x: f64) -> Value<'static> {
        Value::Num(x)
    }
}

/// A document being written.
pub(crate) struct Svg {
    out: String,
}

impl Svg {
    /// Starts a document of `width` × `height` pixels.
    pub(crate) fn new(width: f64, height: f64) -> Svg {
        let mut svg = Svg {
            out: String::with_capacity(1 << 16),
        };
        svg.out
            .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let view_box = format!("0 0 {} {}", num(width), num(height));
        svg.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg".into()),
                ("width", width.into()),
                ("height", height.into()),
                ("viewBox", (&view_box).into()),
            ],
        );
        svg
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, Value<'_>)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            match value {
                Value::Text(s) => self.out.push_str(&escape(s)),
                Value::Num(x) => self.out.push_str(&num(*x)),
            }
            self.out.push('"');
        }
    }

    /// `<name attrs>`.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, Value<'_>)]) {
        self.tag(name, attrs);
        self.out.push_str(">\n");
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) {
        let _ = writeln!(self.out, "</{name}>");
    }

    /// `<name attrs/>`.
    pub(crate) fn leaf(&mut self, name: &str, attrs: &[(&str, Value<'_>)]) {
        self.tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// `<name attrs>text</name>`, the text escaped.
    pub(crate) fn text(&mut self, name: &str, attrs: &[(&str, Value<'_>)], text: &str) {
        self.tag(name, attrs);
        self.out.push('>');
        self.out.push_str(&escape(text));
        let _ = writeln!(self.out, "</{name}>");
    }

    /// `<name attrs><title>tooltip</title></name>`: an element with a tooltip.
    pub(crate) fn with_tooltip(&mut self, name: &str, attrs: &[(&str, Value<'_>)], tip: &str) {
        self.tag(name, attrs);
        self.out.push_str("><title>");
        self.out.push_str(&escape(tip));
        let _ = writeln!(self.out, "</title></{name}>");
    }

    /// A `<style>` element (the CSS is written as is: it must not hold `<` or `&`).
    pub(crate) fn style(&mut self, css: &str) {
        debug_assert!(!css.contains(['<', '&']));
        let _ = writeln!(self.out, "<style>{css}</style>");
    }

    /// Closes the root element and returns the document.
    pub(crate) fn finish(mut self) -> String {
        self.close("svg");
        self.out
    }
}

/// A number with at most 2 decimals, without trailing zeros (`3`, `2.5`, `-0.25`).
pub(crate) fn num(x: f64) -> String {
    let s = format!("{:.2}", x);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "-0" | "" => "0".to_owned(),
        s => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_the_five_entities_and_drops_forbidden_characters() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(
            escape("Côte-d'Or & <Isère> \"x\"\u{1}"),
            "Côte-d&apos;Or &amp; &lt;Isère&gt; &quot;x&quot;"
        );
        assert!(matches!(escape("é"), Cow::Borrowed(_)));
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(1.236), "1.24");
    }

    #[test]
    fn documents_are_well_formed() {
        let mut svg = Svg::new(10.0, 20.0);
        svg.open("g", &[("class", "a&b".into())]);
        svg.text("text", &[("x", 1.5.into())], "x < y");
        svg.with_tooltip("circle", &[("r", 2.0.into())], "O'Hara");
        svg.close("g");
        let doc = svg.finish();
        assert!(doc.contains("<g class=\"a&amp;b\">"));
        assert!(doc.contains("<text x=\"1.5\">x &lt; y</text>"));
        assert!(doc.contains("<circle r=\"2\"><title>O&apos;Hara</title></circle>"));
        assert!(doc.trim_end().ends_with("</svg>"));
    }
}
