//! CSV and GeoJSON outputs of a [`CoverageReport`], and the names of its distance bands.

use std::fmt::Write;

use crate::report::{CommuneCoverage, CoverageReport};

impl CoverageReport {
    /// The label of each distance band, from the nearest: `≤ 5 km`, `5–10 km`, `10–20 km`,
    /// `> 20 km` for the default thresholds; a commune's [`CommuneCoverage::band`] indexes this
    /// list. When no place matches, the last label is `no matching place`.
    pub fn band_labels(&self) -> Vec<String> {
        let t = &self.request.thresholds_km;
        let mut labels = Vec::with_capacity(t.len() + 1);
        if let Some(first) = t.first() {
            labels.push(format!("≤ {first} km"));
        }
        for w in t.windows(2) {
            labels.push(format!("{}–{} km", w[0], w[1]));
        }
        if self.places.matching == 0 {
            labels.push("no matching place".to_owned());
        } else if let Some(last) = t.last() {
            labels.push(format!("> {last} km"));
        }
        labels
    }

    fn band_label(&self, labels: &[String], c: &CommuneCoverage) -> String {
        c.band
            .and_then(|b| labels.get(b))
            .cloned()
            .unwrap_or_default()
    }

    /// One CSV row per commune (RFC 4180, comma-separated, UTF-8, `\n` line ends):
    /// `code_insee,nom,departement,region,population,latitude,longitude,approximate_point,distance_km,nearest_place,band`.
    /// `approximate_point` is `true` or `false` (see [`CommuneCoverage::approximate_point`]);
    /// `distance_km` has three decimals (the metre); empty cells mean unknown (no point, or no
    /// matching place).
    pub fn to_csv(&self) -> String {
        let labels = self.band_labels();
        let mut out = String::with_capacity(self.communes.len() * 96);
        out.push_str(
            "code_insee,nom,departement,region,population,latitude,longitude,approximate_point,\
             distance_km,nearest_place,band\n",
        );
        for c in &self.communes {
            let cells = [
                c.code.clone(),
                c.name.clone(),
                c.departement.clone(),
                c.region.clone().unwrap_or_default(),
                c.population.to_string(),
                c.latitude.map(|v| v.to_string()).unwrap_or_default(),
                c.longitude.map(|v| v.to_string()).unwrap_or_default(),
                c.approximate_point.to_string(),
                c.distance_m
                    .map(|d| format!("{:.3}", d / 1000.0))
                    .unwrap_or_default(),
                c.nearest_place.clone().unwrap_or_default(),
                self.band_label(&labels, c),
            ];
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                csv_cell(&mut out, cell);
            }
            out.push('\n');
        }
        out
    }

    /// A GeoJSON FeatureCollection (RFC 7946): one Point feature per commune
    /// (`"kind": "commune"`, with code, name, département, région, population,
    /// `approximate_point`, `distance_m`, `nearest_place` and `band`; a commune without a point has a `null` geometry), then one per
    /// matching place (`"kind": "place"`, with `id` and `name`). The collection also carries
    /// `territory`, `filter` and `thresholds_km`.
    pub fn to_geojson(&self) -> String {
        let labels = self.band_labels();
        let mut out = String::with_capacity(self.communes.len() * 300);
        out.push_str("{\"type\":\"FeatureCollection\",\"territory\":");
        json_str(&mut out, &self.territory_name);
        out.push_str(",\"filter\":");
        json_str(&mut out, &self.filter_description);
        let thresholds: Vec<String> = self
            .request
            .thresholds_km
            .iter()
            .map(f64::to_string)
            .collect();
        let _ = write!(
            out,
            ",\"thresholds_km\":[{}],\"features\":[",
            thresholds.join(",")
        );
        let mut first = true;
        let mut sep = |out: &mut String| {
            if !std::mem::take(&mut first) {
                out.push(',');
            }
        };
        for c in &self.communes {
            sep(&mut out);
            point_feature(&mut out, c.latitude.zip(c.longitude));
            out.push_str("\"kind\":\"commune\",\"code\":");
            json_str(&mut out, &c.code);
            out.push_str(",\"name\":");
            json_str(&mut out, &c.name);
            out.push_str(",\"departement\":");
            json_str(&mut out, &c.departement);
            out.push_str(",\"region\":");
            json_opt_str(&mut out, c.region.as_deref());
            let _ = write!(
                out,
                ",\"population\":{},\"approximate_point\":{},\"distance_m\":",
                c.population, c.approximate_point
            );
            match c.distance_m {
                Some(d) => {
                    let _ = write!(out, "{d}");
                }
                None => out.push_str("null"),
            }
            out.push_str(",\"nearest_place\":");
            json_opt_str(&mut out, c.nearest_place.as_deref());
            out.push_str(",\"band\":");
            json_opt_str(
                &mut out,
                c.band
                    .is_some()
                    .then(|| self.band_label(&labels, c))
                    .as_deref(),
            );
            out.push_str("}}");
        }
        for p in &self.matching_places {
            sep(&mut out);
            point_feature(&mut out, Some((p.latitude, p.longitude)));
            out.push_str("\"kind\":\"place\",\"id\":");
            json_str(&mut out, &p.id);
            out.push_str(",\"name\":");
            json_str(&mut out, &p.name);
            out.push_str("}}");
        }
        out.push_str("]}\n");
        out
    }
}

/// Opens a feature up to its properties object.
fn point_feature(out: &mut String, point: Option<(f64, f64)>) {
    out.push_str("{\"type\":\"Feature\",\"geometry\":");
    match point {
        Some((lat, lon)) => {
            let _ = write!(out, "{{\"type\":\"Point\",\"coordinates\":[{lon},{lat}]}}");
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"properties\":{");
}

/// A CSV cell, quoted when it holds a comma, a quote or a line break.
fn csv_cell(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// A JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_opt_str(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.push_str("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        let mut out = String::new();
        for cell in ["plain", "a,b", "say \"hi\"", "two\nlines", ""] {
            csv_cell(&mut out, cell);
            out.push('|');
        }
        assert_eq!(out, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"||");
    }

    #[test]
    fn json_strings_are_escaped_and_parse_back() {
        let tricky = "Saint-Martin-d'Hères \"quoted\" back\\slash\ttab\u{1}ctl é";
        let mut out = String::new();
        json_str(&mut out, tricky);
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, tricky);
    }
}
