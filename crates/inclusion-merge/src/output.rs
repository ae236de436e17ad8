//! Outputs of a deduplication: the pairs as CSV, the pairs to review as CSV (for a data
//! steward, with both records side by side and a `verdict` column to fill), the pairs as JSON,
//! and a text rendering.

use std::io::Write;

use inclusion_model::{Lang, Place};

use crate::MergeError;
use crate::pairs::{Decision, Pair, Pairs};
use crate::report::DedupReport;

fn csv_error(what: &str) -> impl Fn(csv::Error) -> MergeError + '_ {
    move |e| {
        let source = match e.into_kind() {
            csv::ErrorKind::Io(io) => io,
            other => std::io::Error::other(format!("{other:?}")),
        };
        MergeError::Write {
            what: what.to_owned(),
            source,
        }
    }
}

fn reasons(pair: &Pair, fr: bool) -> String {
    pair.reasons
        .iter()
        .filter(|r| r.points != 0.0)
        .map(|r| {
            format!(
                "{:+} {}",
                r.points,
                if fr { r.fr.as_str() } else { r.en.as_str() }
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// Writes every pair of `pairs` as CSV: `left`, `right`, `decision`, `score`, `distance_m`,
/// the two names and addresses, `decided_by` and the reasons with points (in French and in
/// English). `places` are the places the pairs were found in.
///
/// ```
/// use inclusion_merge::{find_duplicates, write_pairs_csv, Config};
/// # use inclusion_model::{Address, Place};
/// # use chrono::NaiveDate;
/// # let p = |id: &str| Place::new(id, "00000000000000", "APEJ", Address::new("72 Rue de Pons", "16100", "Cognac"), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
/// let places = [p("a"), p("b")];
/// let pairs = find_duplicates(&places, &Config::default())?;
/// let mut out = Vec::new();
/// write_pairs_csv(&pairs, &places, &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("left,right,decision,score,distance_m,"));
/// assert!(text.lines().nth(1).unwrap().starts_with("a,b,duplicate,"));
/// # Ok::<(), inclusion_merge::MergeError>(())
/// ```
///
/// # Errors
/// [`MergeError::Write`] when writing fails.
pub fn write_pairs_csv<W: Write>(
    pairs: &Pairs,
    places: &[Place],
    out: W,
) -> Result<(), MergeError> {
    let err = csv_error("the pairs CSV");
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "left",
        "right",
        "decision",
        "score",
        "distance_m",
        "left_nom",
        "right_nom",
        "left_adresse",
        "right_adresse",
        "decided_by",
        "raisons",
        "reasons",
    ])
    .map_err(&err)?;
    for pair in &pairs.pairs {
        let (a, b) = (places.get(pair.left_index), places.get(pair.right_index));
        let name = |p: Option<&Place>| p.map(|p| p.name.to_string()).unwrap_or_default();
        let street = |p: Option<&Place>| {
            p.map(|p| {
                format!(
                    "{}, {} {}",
                    p.address.street, p.address.postcode, p.address.commune
                )
            })
            .unwrap_or_default()
        };
        w.write_record([
            pair.left.clone(),
            pair.right.clone(),
            pair.decision.as_str().to_owned(),
            format!("{:.1}", pair.score),
            pair.distance_m
                .map(|d| format!("{d:.0}"))
                .unwrap_or_default(),
            name(a),
            name(b),
            street(a),
            street(b),
            pair.decided_by.en.clone(),
            reasons(pair, true),
            reasons(pair, false),
        ])
        .map_err(&err)?;
    }
    w.flush().map_err(|source| MergeError::Write {
        what: "the pairs CSV".to_owned(),
        source,
    })
}

/// Writes the pairs to review as CSV, for a data steward: both records side by side (id,
/// name, address, postcode, commune, source, phone, e-mails, web sites, `date_maj`), the score,
/// the distance, the reasons in French, and an empty `verdict` column to fill with `doublon` or
/// `distincts`.
///
/// # Errors
/// [`MergeError::Write`] when writing fails.
pub fn write_review_csv<W: Write>(
    pairs: &Pairs,
    places: &[Place],
    out: W,
) -> Result<(), MergeError> {
    let err = csv_error("the review CSV");
    let mut w = csv::Writer::from_writer(out);
    let side = [
        "id",
        "nom",
        "adresse",
        "code_postal",
        "commune",
        "source",
        "telephone",
        "courriels",
        "site_web",
        "date_maj",
    ];
    let mut header = vec!["score".to_owned(), "distance_m".to_owned()];
    for prefix in ["gauche", "droite"] {
        header.extend(side.iter().map(|c| format!("{prefix}_{c}")));
    }
    header.extend(["raisons".to_owned(), "verdict".to_owned()]);
    w.write_record(&header).map_err(&err)?;
    for pair in pairs.with_decision(Decision::Review) {
        let mut row = vec![
            format!("{:.1}", pair.score),
            pair.distance_m
                .map(|d| format!("{d:.0}"))
                .unwrap_or_default(),
        ];
        for (i, id) in [
            (pair.left_index, &pair.left),
            (pair.right_index, &pair.right),
        ] {
            match places.get(i).filter(|p| p.id == id) {
                Some(p) => row.extend([
                    p.id.to_string(),
                    p.name.to_string(),
                    p.address.street.to_string(),
                    p.address.postcode.to_string(),
                    p.address.commune.to_string(),
                    p.source.as_deref().unwrap_or_default().to_owned(),
                    p.contact.phone.as_deref().unwrap_or_default().to_owned(),
                    p.contact.emails.join("|"),
                    p.contact.websites.join("|"),
                    p.updated_on.to_string(),
                ]),
                None => {
                    row.push(id.clone());
                    row.extend(std::iter::repeat_n(String::new(), side.len() - 1));
                }
            }
        }
        row.push(reasons(pair, true));
        row.push(String::new());
        w.write_record(&row).map_err(&err)?;
    }
    w.flush().map_err(|source| MergeError::Write {
        what: "the review CSV".to_owned(),
        source,
    })
}

/// The JSON form of the pairs (see [`Pair`]).
///
/// # Errors
/// Never in practice (writing to memory).
pub fn pairs_to_json(pairs: &Pairs) -> Result<String, MergeError> {
    Ok(serde_json::to_string_pretty(pairs)?)
}

/// A text rendering of a deduplication, in French or English: the files read, the counts,
/// then every duplicate and review pair with its score, its decision and its reasons, the
/// clusters and the conflicts of the merged places, and the duplicate pairs left out of the
/// clusters. [`write_text`] writes the same text to an output as it goes.
pub fn render_text(report: &DedupReport, lang: Lang) -> String {
    let mut s = String::new();
    render(report, lang, &mut s);
    s
}

/// Writes [`render_text`]'s text to `out` as it is made, without holding it: the pairs and
/// their reasons of a file whose places repeat many times make hundreds of megabytes of it.
///
/// ```
/// use inclusion_merge::{dedup, render_text, write_text, Config, InputSet};
/// use inclusion_model::Lang;
/// let header = "id,pivot,nom,commune,code_postal,adresse,date_maj\n";
/// let mut input = InputSet::new();
/// input.add_bytes("cnfs", format!("{header}1,33820960400028,APEJ,Cognac,16100,72 Rue de Pons,2022-01-01\n").as_bytes())?;
/// input.add_bytes("dora", format!("{header}d7,33820960400028,APEJ COGNAC,Cognac,16100,72 RUE DE PONS,2023-05-01\n").as_bytes())?;
/// let report = dedup(&input, &Config::default())?;
/// let mut out = Vec::new();
/// write_text(&report, Lang::En, &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains("\nduplicate "), "{text}");
/// assert_eq!(text, render_text(&report, Lang::En));
/// # Ok::<(), inclusion_merge::MergeError>(())
/// ```
///
/// The text is buffered (its lines are written in many small pieces) and `out` flushed at
/// the end, as the CSV writers do.
///
/// # Errors
/// [`MergeError::Write`] when writing fails (the text stops there).
pub fn write_text<W: Write>(report: &DedupReport, lang: Lang, out: W) -> Result<(), MergeError> {
    let mut sink = Sink {
        out: std::io::BufWriter::new(out),
        error: None,
    };
    render(report, lang, &mut sink);
    let flushed = match sink.error {
        Some(error) => Err(error),
        None => sink.out.flush(),
    };
    flushed.map_err(|source| MergeError::Write {
        what: "the text report".to_owned(),
        source,
    })
}

/// An output written as text: the first failure is kept, and nothing is written after it.
struct Sink<W> {
    out: W,
    error: Option<std::io::Error>,
}

impl<W: Write> std::fmt::Write for Sink<W> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        if self.error.is_some() {
            return Err(std::fmt::Error);
        }
        self.out.write_all(text.as_bytes()).map_err(|e| {
            self.error = Some(e);
            std::fmt::Error
        })
    }
}

/// The text of [`render_text`], into `s`.
fn render(report: &DedupReport, lang: Lang, s: &mut impl std::fmt::Write) {
    let fr = lang == Lang::Fr;
    let places: usize = report.files.iter().map(|f| f.places).sum();
    let _ = writeln!(s, "{} {}", lang.pick("règles", "rules"), report.rules);
    let n = |count: usize, one: &str, many: &str| lang.count(count, one, many);
    for f in &report.files {
        let diagnostics = n(f.diagnostics.len(), "diagnostic", "diagnostics");
        let _ = match lang {
            Lang::Fr => writeln!(
                s,
                "fichier {} : {} sur {} (v{}), {diagnostics}",
                f.name,
                n(f.places, "lieu", "lieux"),
                n(f.rows, "ligne", "lignes"),
                f.version,
            ),
            Lang::En => writeln!(
                s,
                "file {}: {} of {} (v{}), {diagnostics}",
                f.name,
                n(f.places, "place", "places"),
                n(f.rows, "row", "rows"),
                f.version,
            ),
        };
    }
    let st = &report.pairs.stats;
    let c = &st.candidates;
    let grouped: usize = report
        .clusters
        .clusters
        .iter()
        .map(|c| c.members.len())
        .sum();
    let (clusters, refused, after) = (
        report.clusters.clusters.len(),
        report.clusters.refused.len(),
        report.places.len(),
    );
    let _ = match lang {
        Lang::Fr => writeln!(
            s,
            "{} ; {} ({} dans le rayon, {} par le nom dans une commune)\n\
             {}, {} à revoir, {}\n\
             {} ({}), {} hors des groupes ; {} après fusion",
            n(places, "lieu", "lieux"),
            n(c.compared, "paire comparée", "paires comparées"),
            c.spatial_pairs,
            c.name_pairs,
            n(st.duplicates, "doublon", "doublons"),
            st.reviews,
            n(st.distinct, "distincte", "distinctes"),
            n(clusters, "groupe", "groupes"),
            n(grouped, "lieu", "lieux"),
            n(
                refused,
                "paire de doublons laissée",
                "paires de doublons laissées"
            ),
            n(after, "lieu", "lieux"),
        ),
        Lang::En => writeln!(
            s,
            "{}; {} compared ({} within the radius, {} by name in a commune)\n\
             {}, {} to review, {} distinct\n\
             {} ({}), {} left out of them; {} after merging",
            n(places, "place", "places"),
            n(c.compared, "pair", "pairs"),
            c.spatial_pairs,
            c.name_pairs,
            n(st.duplicates, "duplicate", "duplicates"),
            st.reviews,
            st.distinct,
            n(clusters, "cluster", "clusters"),
            n(grouped, "place", "places"),
            n(refused, "duplicate pair", "duplicate pairs"),
            n(after, "place", "places"),
        ),
    };
    for pair in &report.pairs.pairs {
        let decision = match (pair.decision, lang) {
            (Decision::Duplicate, Lang::Fr) => "doublon",
            (Decision::Review, Lang::Fr) => "à revoir",
            (Decision::Distinct, Lang::Fr) => "distincts",
            (d, _) => d.as_str(),
        };
        let _ = writeln!(
            s,
            "\n{decision} {:.1}  {} / {}{}",
            pair.score,
            pair.left,
            pair.right,
            pair.distance_m
                .map(|d| format!(", {d:.0} m"))
                .unwrap_or_default()
        );
        let decided_by = if fr {
            &pair.decided_by.fr
        } else {
            &pair.decided_by.en
        };
        let _ = writeln!(s, "  {decided_by}");
        for r in &pair.reasons {
            let _ = writeln!(s, "  {:+5.2}  {}", r.points, if fr { &r.fr } else { &r.en });
        }
    }
    for (cluster, merged) in report.clusters.clusters.iter().zip(&report.merged) {
        let _ = writeln!(
            s,
            "\n{} {} → {} ({} {})",
            lang.pick("groupe", "cluster"),
            cluster.members.join(", "),
            merged.place.id,
            lang.pick("représentant", "representative"),
            cluster.representative
        );
        for conflict in &merged.conflicts {
            let others: Vec<String> = conflict
                .others
                .iter()
                .map(|o| format!("« {} » ({})", o.value, o.from.join(", ")))
                .collect();
            let _ = match lang {
                Lang::Fr => writeln!(
                    s,
                    "  conflit {} : gardé « {} » ({}), écarté {}",
                    conflict.column,
                    conflict.kept,
                    conflict.kept_from,
                    others.join(", ")
                ),
                Lang::En => writeln!(
                    s,
                    "  conflict {}: kept « {} » ({}), left out {}",
                    conflict.column,
                    conflict.kept,
                    conflict.kept_from,
                    others.join(", ")
                ),
            };
        }
    }
    for r in &report.clusters.refused {
        let _ = match lang {
            Lang::Fr => writeln!(s, "\nlaissés à part {} / {} : {}", r.left, r.right, r.fr),
            Lang::En => writeln!(s, "\nleft out {} / {}: {}", r.left, r.right, r.en),
        };
    }
}
