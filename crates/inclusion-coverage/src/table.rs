//! The text summary of a [`CoverageReport`].

use std::fmt::Write;

use crate::format::{fit, thousands};
use crate::report::{AreaCoverage, CoverageReport};

const NAME_WIDTH: usize = 30;
const CELL_WIDTH: usize = 16;

impl CoverageReport {
    /// A plain-text summary: the territory, the filter and the places; one row for the
    /// territory, each région (when there are several) and each département (when there are
    /// several), with measured communes and population, the population-weighted mean distance
    /// and, for each threshold, `communes beyond · share of the population beyond`; then the
    /// ranked communes and the notices.
    pub fn summary_table(&self) -> String {
        let mut out = String::new();
        let p = &self.places;
        let _ = writeln!(out, "Coverage of {}", self.territory_name);
        let _ = writeln!(
            out,
            "Filter: {} ({} matching of {} places; {} without coordinates)",
            self.filter_description,
            thousands(p.matching as u64),
            thousands(p.total as u64),
            thousands(p.without_coordinates as u64)
        );
        let _ = writeln!(
            out,
            "Distance from each commune's point to the nearest matching place, over the \
             communes with a known point; columns: communes beyond · share of the population \
             beyond.\n"
        );
        self.header(&mut out);
        row(&mut out, &self.total);
        if self.by_region.len() > 1 {
            out.push('\n');
            for a in &self.by_region {
                row(&mut out, a);
            }
        }
        if self.by_departement.len() > 1 {
            out.push('\n');
            for a in &self.by_departement {
                row(&mut out, a);
            }
        }
        let rank_km = self.request.rank_beyond_km.unwrap_or_default();
        out.push('\n');
        if self.ranked.is_empty() {
            let _ = writeln!(out, "No commune is farther than {rank_km} km.");
        } else {
            let _ = writeln!(
                out,
                "Most populous communes farther than {rank_km} km ({} shown):",
                self.ranked.len()
            );
            let _ = writeln!(
                out,
                "  {:<6} {:<w$} {:>10}  {:>9}  nearest place",
                "code",
                "commune",
                "population",
                "distance",
                w = NAME_WIDTH
            );
            for c in &self.ranked {
                let distance = c
                    .distance_m
                    .map_or("no place".to_owned(), |d| format!("{:.1} km", d / 1000.0));
                let _ = writeln!(
                    out,
                    "  {:<6} {:<w$} {:>10}  {:>9}  {}",
                    c.code,
                    fit(&c.label(), NAME_WIDTH),
                    thousands(u64::from(c.population)),
                    distance,
                    c.nearest_place
                        .as_deref()
                        .map(|id| self.place_name(id))
                        .unwrap_or_default(),
                    w = NAME_WIDTH
                );
            }
        }
        for n in &self.notices {
            let _ = writeln!(out, "Note: {}", n.message);
        }
        out
    }

    /// `Name (id)` of a matching place.
    fn place_name(&self, id: &str) -> String {
        match self
            .matching_places
            .binary_search_by(|p| p.id.as_str().cmp(id))
        {
            Ok(i) => format!("{} ({id})", fit(&self.matching_places[i].name, 32)),
            Err(_) => id.to_owned(),
        }
    }

    fn header(&self, out: &mut String) {
        let _ = write!(
            out,
            "{:<w$} {:>8} {:>11} {:>8}",
            "area",
            "communes",
            "population",
            "mean",
            w = NAME_WIDTH
        );
        for t in &self.request.thresholds_km {
            let _ = write!(out, "{:>c$}", format!("> {t} km"), c = CELL_WIDTH);
        }
        out.push('\n');
    }
}

fn row(out: &mut String, a: &AreaCoverage) {
    let name = if a.code.is_empty() {
        "Total".to_owned()
    } else {
        format!("{} {}", a.code, a.name)
    };
    let mean = a
        .mean_distance_m
        .map_or("-".to_owned(), |m| format!("{:.1} km", m / 1000.0));
    let _ = write!(
        out,
        "{:<w$} {:>8} {:>11} {:>8}",
        fit(&name, NAME_WIDTH),
        thousands(a.located_communes as u64),
        thousands(a.located_population),
        mean,
        w = NAME_WIDTH
    );
    for b in &a.beyond {
        let cell = format!(
            "{} · {:.1}%",
            thousands(b.communes as u64),
            100.0 * b.population_share
        );
        let _ = write!(out, "{cell:>c$}", c = CELL_WIDTH);
    }
    out.push('\n');
}
