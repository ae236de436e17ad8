//! Outputs of a deduplication: the pairs as CSV, the pairs to review as CSV (for a data
//! steward, with both records side by side and a `verdict` column to fill), the pairs as JSON,
//! and a text rendering.

use std::fmt::Write as _;
use std::io::Write;

use inclusion_model::Place;

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
        let name = |p: Option<&Place>| p.map(|p| p.name.clone()).unwrap_or_default();
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
            match places.get(i).filter(|p| &p.id == id) {
                Some(p) => row.extend([
                    p.id.clone(),
                    p.name.clone(),
                    p.address.street.clone(),
                    p.address.postcode.clone(),
                    p.address.commune.clone(),
                    p.source.clone().unwrap_or_default(),
                    p.contact.phone.clone().unwrap_or_default(),
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

/// A text rendering of a deduplication: the files read, the counts, then every duplicate and
/// review pair with its score, its decision and its reasons, the clusters and the conflicts
/// of the merged places.
pub fn render_text(report: &DedupReport) -> String {
    let mut s = String::new();
    let places: usize = report.files.iter().map(|f| f.places).sum();
    let _ = writeln!(s, "rules {}", report.rules);
    for f in &report.files {
        let _ = writeln!(
            s,
            "file {}: {} places of {} rows (v{}), {} diagnostics",
            f.name,
            f.places,
            f.rows,
            f.version,
            f.diagnostics.len()
        );
    }
    let st = &report.pairs.stats;
    let c = &st.candidates;
    let _ = writeln!(
        s,
        "{places} places; {} pairs compared ({} within the radius, {} by name in a commune)",
        c.compared, c.spatial_pairs, c.name_pairs
    );
    let _ = writeln!(
        s,
        "{} duplicate, {} to review, {} distinct",
        st.duplicates, st.reviews, st.distinct
    );
    let grouped: usize = report
        .clusters
        .clusters
        .iter()
        .map(|c| c.members.len())
        .sum();
    let _ = writeln!(
        s,
        "{} clusters ({grouped} places), {} duplicate pairs left out of them; {} places after merging",
        report.clusters.clusters.len(),
        report.clusters.refused.len(),
        report.places.len()
    );
    for pair in &report.pairs.pairs {
        let _ = writeln!(
            s,
            "\n{} {:.1}  {} / {}{}",
            pair.decision.as_str(),
            pair.score,
            pair.left,
            pair.right,
            pair.distance_m
                .map(|d| format!(", {d:.0} m"))
                .unwrap_or_default()
        );
        let _ = writeln!(s, "  {}", pair.decided_by.en);
        for r in &pair.reasons {
            let _ = writeln!(s, "  {:+5.2}  {}", r.points, r.en);
        }
    }
    for (cluster, merged) in report.clusters.clusters.iter().zip(&report.merged) {
        let _ = writeln!(
            s,
            "\ncluster {} → {} (representative {})",
            cluster.members.join(", "),
            merged.place.id,
            cluster.representative
        );
        for conflict in &merged.conflicts {
            let others: Vec<String> = conflict
                .others
                .iter()
                .map(|o| format!("« {} » ({})", o.value, o.from.join(", ")))
                .collect();
            let _ = writeln!(
                s,
                "  conflict {}: kept « {} » ({}), left out {}",
                conflict.column,
                conflict.kept,
                conflict.kept_from,
                others.join(", ")
            );
        }
    }
    for r in &report.clusters.refused {
        let _ = writeln!(s, "\nleft out {} / {}: {}", r.left, r.right, r.en);
    }
    s
}
