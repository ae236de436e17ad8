//! Reports and values as text for people, in French or English: a validation report
//! ([`report_text`]), one problem ([`diagnostic_text`]) and a short, printable excerpt of any value ([`excerpt`]).
//!
//! ```
//! use inclusion_model::{read_csv_str, Lang, ReadOptions, render::report_text};
//!
//! let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\n\
//!            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n\
//!            p2,43493312300029,Mairie,Reims,5110,1 rue X,2024-04-02\n";
//! let report = read_csv_str(csv, &ReadOptions::default());
//! let text = report_text(&report, "lieux.csv", Lang::En);
//! assert!(text.contains("\nlieux.csv: row 3, column code_postal, value \"5110\": error [pattern]: "), "{text}");
//! assert!(text.ends_with("\nlieux.csv: 2 rows, 1 valid, 1 invalid; 1 error, 1 warning; 1 place kept.\n"), "{text}");
//! let texte = report_text(&report, "lieux.csv", Lang::Fr);
//! assert!(texte.contains("lieux.csv : ligne 3, colonne code_postal, valeur « 5110 » : erreur [pattern] : "), "{texte}");
//! ```

use std::fmt::Write;

use inclusion_hours::Lang;

use crate::diagnostic::{Diagnostic, Severity, thousands};
use crate::read::ReadReport;

pub use crate::printable::{EXCERPT_CHARS, excerpt};

/// A validation report as a person reads it: one line per problem kept (where, value, severity,
/// code, message), a line per code of which problems were counted but not listed, then the
/// totals. `name` is the file's name as the reader knows it.
pub fn report_text(report: &ReadReport, name: &str, lang: Lang) -> String {
    let mut out = String::new();
    let name = excerpt(name, EXCERPT_CHARS);
    for d in &report.diagnostics {
        diagnostic_line(&mut out, &name, d, lang);
    }
    for omitted in report.omitted() {
        let _ = writeln!(
            out,
            "{}",
            match lang {
                Lang::Fr => omitted.summary_fr(),
                Lang::En => omitted.summary_en(),
            }
        );
    }
    let (errors, warnings) = (report.error_count(), report.warning_count());
    let kept = report.place_count();
    let _ = match lang {
        Lang::Fr => writeln!(
            out,
            "\n{name} : {} ligne{}, {} valide{}, {} invalide{} ; {} erreur{}, {} avertissement{} ; {} lieu{} gardé{}.",
            n_fr(report.rows),
            plural_fr(report.rows, "s"),
            n_fr(report.valid_rows()),
            plural_fr(report.valid_rows(), "s"),
            n_fr(report.invalid_rows),
            plural_fr(report.invalid_rows, "s"),
            n_fr(errors),
            plural_fr(errors, "s"),
            n_fr(warnings),
            plural_fr(warnings, "s"),
            n_fr(kept),
            plural_fr(kept, "x"),
            plural_fr(kept, "s"),
        ),
        Lang::En => writeln!(
            out,
            "\n{name}: {} row{}, {} valid, {} invalid; {} error{}, {} warning{}; {} place{} kept.",
            thousands(report.rows, ','),
            plural_en(report.rows),
            thousands(report.valid_rows(), ','),
            thousands(report.invalid_rows, ','),
            thousands(errors, ','),
            plural_en(errors),
            thousands(warnings, ','),
            plural_en(warnings),
            thousands(kept, ','),
            plural_en(kept),
        ),
    };
    out
}

/// One problem on one line (ending with a line break), as [`report_text`] lists them: where
/// (`name`, row, column), the value (an [`excerpt`]), severity, code and message.
pub fn diagnostic_text(d: &Diagnostic, name: &str, lang: Lang) -> String {
    let mut out = String::new();
    diagnostic_line(&mut out, &excerpt(name, EXCERPT_CHARS), d, lang);
    out
}

fn diagnostic_line(out: &mut String, name: &str, d: &Diagnostic, lang: Lang) {
    let _ = write!(out, "{name}{}", lang.pick(" : ", ": "));
    match d.row() {
        Some(r) => {
            let _ = write!(out, "{} {r}", lang.pick("ligne", "row"));
        }
        None => out.push_str(lang.pick("fichier", "file")),
    }
    if let Some(c) = d.column() {
        let _ = write!(
            out,
            ", {} {}",
            lang.pick("colonne", "column"),
            excerpt(c, 40)
        );
    }
    if let Some(v) = d.value() {
        let v = excerpt(v, EXCERPT_CHARS);
        let _ = match lang {
            Lang::Fr => write!(out, ", valeur « {v} »"),
            Lang::En => write!(out, ", value \"{v}\""),
        };
    }
    let severity = match (d.severity(), lang) {
        (Severity::Error, Lang::Fr) => "erreur",
        (Severity::Warning, Lang::Fr) => "avertissement",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    };
    let message = match lang {
        Lang::Fr => d.message_fr(),
        Lang::En => d.message_en(),
    };
    let sep = lang.pick(" : ", ": ");
    let _ = writeln!(
        out,
        "{sep}{severity} [{}]{sep}{}",
        d.code(),
        excerpt(&message, 16 * EXCERPT_CHARS)
    );
}

fn n_fr(n: usize) -> String {
    thousands(n, '\u{a0}')
}

fn plural_fr(n: usize, mark: &'static str) -> &'static str {
    if n > 1 { mark } else { "" }
}

fn plural_en(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ReadOptions, read_bytes, read_csv_str};

    const HEADER: &str = "id,pivot,nom,commune,code_postal,adresse,date_maj";

    #[test]
    fn every_problem_has_its_line_and_the_totals_are_exact() {
        let mut csv = format!("{HEADER}\n");
        for i in 0..5 {
            csv.push_str(&format!(
                "p{i},43493312300029,Mairie,Reims,5110,1 rue X,2024-04-02\n"
            ));
        }
        let report = read_csv_str(
            &csv,
            &ReadOptions::default().with_max_diagnostics_per_code(2),
        );
        let en = report_text(&report, "f.csv", Lang::En);
        assert_eq!(en.lines().filter(|l| l.contains("[pattern]")).count(), 2);
        assert!(
            en.contains("\n… and 3 more errors with code pattern\n"),
            "{en}"
        );
        assert!(
            en.ends_with(
                "f.csv: 5 rows, 0 valid, 5 invalid; 5 errors, 1 warning; 0 places kept.\n"
            ),
            "{en}"
        );
        let fr = report_text(&report, "f.csv", Lang::Fr);
        assert!(
            fr.contains("\n… et 3 autres erreurs de code pattern\n"),
            "{fr}"
        );
        assert!(fr.ends_with("f.csv : 5 lignes, 0 valide, 5 invalides ; 5 erreurs, 1 avertissement ; 0 lieu gardé.\n"), "{fr}");
    }

    #[test]
    fn control_bytes_of_a_binary_file_are_escaped_and_long_values_cut() {
        let mut bytes = format!("{HEADER}\np1,43493312300029,").into_bytes();
        bytes.extend_from_slice(b"\x1b[2J\x07");
        bytes.extend_from_slice(",Reims,5110,1 rue X,2024-04-02\n".as_bytes());
        let report = read_bytes(&bytes, &ReadOptions::default());
        let text = report_text(&report, "bin\u{7}.csv", Lang::En);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(text.contains("bin\\u{7}.csv"), "{text}");
        let long = "x".repeat(1000);
        assert_eq!(
            excerpt(&long, EXCERPT_CHARS).chars().count(),
            EXCERPT_CHARS + 1
        );
    }
}
