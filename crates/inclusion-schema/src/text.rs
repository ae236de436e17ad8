//! Descriptions for readers of other languages: the doc comments of the types, without what
//! only makes sense in Rust documentation.
//!
//! [`clean_description`] removes the runnable examples (fenced code blocks), turns rustdoc
//! links into plain code spans, and joins the lines of a paragraph that the source wrapped.
//!
//! ```
//! use inclusion_schema::text::clean_description;
//!
//! let doc = "The hits of a [`HelpQuery`](crate::HelpQuery), see [`Hit::place`].\n\
//!            Sorted by distance.\n\n```\nlet x = 1;\n```";
//! assert_eq!(clean_description(doc), "The hits of a `HelpQuery`, see `Hit::place`. Sorted by distance.");
//! ```

use schemars::Schema;
use serde_json::Value;

/// Whether a line starts a list item or a table row (kept on its own line).
fn starts_block(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("* ")
        || t.starts_with("- ")
        || t.starts_with('|')
        || t.starts_with('#')
        || t.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Replaces rustdoc links: `` [`X`](path) `` and `` [`X`] `` become `` `X` ``, and
/// `[text](path)` becomes `text` unless `path` is a web address.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(close) = after.find(']') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let label = &after[..close];
        let tail = &after[close + 1..];
        if let Some(target) = tail.strip_prefix('(')
            && let Some(end) = target.find(')')
        {
            let url = &target[..end];
            if url.starts_with("http://") || url.starts_with("https://") {
                out.push_str(&rest[start..start + 1 + close + 1 + 1 + end + 1]);
            } else {
                out.push_str(label);
            }
            rest = &target[end + 1..];
        } else if label.starts_with('`') && label.ends_with('`') && label.len() > 1 {
            out.push_str(label);
            rest = tail;
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A doc comment made readable outside Rust documentation (see the [module documentation](self)).
pub fn clean_description(doc: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(if starts_block(line) { '\n' } else { ' ' });
        }
        current.push_str(line.trim_end());
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    unlink(&paragraphs.join("\n\n"))
}

/// The transform applied to every generated schema and subschema: cleans `description`.
pub(crate) fn clean_schema(schema: &mut Schema) {
    if let Some(Value::String(d)) = schema.get_mut("description") {
        *d = clean_description(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_stay_on_their_lines_and_web_links_are_kept() {
        let doc = "Two kinds:\n* one\n* two\nSee [the standard](https://example.org/s).";
        assert_eq!(
            clean_description(doc),
            "Two kinds:\n* one\n* two See [the standard](https://example.org/s)."
        );
    }

    #[test]
    fn brackets_that_are_not_links_are_kept() {
        assert_eq!(clean_description("in [-90, 90]"), "in [-90, 90]");
        assert_eq!(clean_description("a [b"), "a [b");
        assert_eq!(clean_description("[`Service`] labels"), "`Service` labels");
    }
}
