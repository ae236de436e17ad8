//! The national cartography's current rule (mednum-cli `dedupliquer`), reimplemented as the
//! baseline: places of the same code INSEE with compatible typologies are scored by the mean of
//! three scores, truncated — fuzzball's `ratio` of the names, `ratio` of the addresses, and
//! `100 / (1000 d + 1)` for the Euclidean distance `d` in degrees (100 under 0.0004°, and 100
//! when a place has no coordinates, as the tool computes a distance of 0) — and are duplicates
//! above 83 across sources, above 90 within a source (same `source` field).

use std::collections::HashMap;

use inclusion_model::Place;
use inclusion_territory::communes::{Gazetteer, fold};

/// fuzzball's default pre-processing: letters and digits kept, anything else a space, lower
/// case, trimmed.
fn full_process(s: &str) -> Vec<char> {
    let lower: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .to_lowercase();
    lower.trim().chars().collect()
}

/// fuzzball's `ratio`: `round(100 × (1 − indel distance / total length))`, 0 when a text is
/// empty after pre-processing.
pub fn ratio(a: &str, b: &str) -> f64 {
    let (a, b) = (full_process(a), full_process(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    (100.0 * rapidfuzz::fuzz::ratio(a.iter().copied(), b.iter().copied())).round()
}

fn distance_score(a: &Place, b: &Place) -> f64 {
    let d = match (a.coordinates, b.coordinates) {
        (Some(x), Some(y)) => {
            ((x.latitude() - y.latitude()).powi(2) + (x.longitude() - y.longitude()).powi(2)).sqrt()
        }
        _ => 0.0,
    };
    if d < 0.0004 {
        100.0
    } else {
        (100.0 / (d * 1000.0 + 1.0)).trunc()
    }
}

fn typologies_compatible(a: &Place, b: &Place) -> bool {
    if a.typology.is_empty() || b.typology.is_empty() {
        return true;
    }
    let has = |p: &Place, code: &str| p.typology.iter().any(|t| t.code() == code);
    a.typology.iter().any(|t| b.typology.contains(t))
        || (has(a, "RFS") && has(b, "PIMMS"))
        || (has(a, "PIMMS") && has(b, "RFS"))
}

/// The code INSEE of a place: as published, or (when `complete`) completed from the postcode
/// and the commune name with the gazetteer.
pub fn insee_code(place: &Place, complete: bool) -> Option<String> {
    if let Some(code) = &place.address.insee_code {
        return Some(code.to_string());
    }
    if !complete {
        return None;
    }
    let g = Gazetteer::embedded();
    let candidates = g.by_postcode(&place.address.postcode);
    let name = fold(&place.address.commune);
    candidates
        .iter()
        .find(|c| fold(&c.name) == name)
        .or(if candidates.len() == 1 {
            candidates.first()
        } else {
            None
        })
        .map(|c| c.code.clone())
}

/// The baseline's score of a pair (0–100).
pub fn score(a: &Place, b: &Place) -> f64 {
    ((ratio(&a.name, &b.name) + ratio(&a.address.street, &b.address.street) + distance_score(a, b))
        / 3.0)
        .trunc()
}

/// The baseline's duplicate pairs `(i, j)`, `i < j`, and the number of pairs it compared (all
/// pairs within each code INSEE).
pub fn duplicates(places: &[Place], complete_insee: bool) -> (Vec<(usize, usize)>, usize) {
    let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        if let Some(code) = insee_code(p, complete_insee) {
            by_code.entry(code).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut compared = 0;
    for members in by_code.values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                compared += 1;
                let (a, b) = (&places[i], &places[j]);
                if !typologies_compatible(a, b) {
                    continue;
                }
                let cutoff = if a.source == b.source { 90.0 } else { 83.0 };
                if score(a, b) > cutoff {
                    out.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    out.sort_unstable();
    (out, compared)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ratio_like_fuzzball() {
        assert_eq!(super::ratio("this is a test", "this is a test!"), 100.0);
        assert_eq!(super::ratio("APEJ", "APEJ COGNAC"), 53.0);
        assert_eq!(super::ratio("", "x"), 0.0);
    }
}
