//! The coverage map as SVG: communes as dots sized by population and coloured by distance band,
//! matching places as markers, a legend, a scale bar, and a title with the territory, the
//! filter and the date.
//!
//! Metropolitan France (with Corsica) is drawn in Lambert-93; each overseas territory present
//! gets its own inset in a local equirectangular projection with its own scale bar (see
//! [`projection`](super::projection)). When only overseas communes are measured, the first
//! territory is the main map. Communes without a point cannot be drawn: the legend counts them.
//! Every commune dot is a `<circle class="commune bN">` and every place a
//! `<path class="place">`, each with a `<title>` tooltip. Under them, each frame draws the land
//! (`<path class="land">`, neighbouring countries `class="land neighbour"`): the 1:10m outlines
//! of `inclusion_territory::outlines`, projected like the communes, simplified with `geo` to
//! half a pixel and clipped to the frame.

use chrono::NaiveDate;

use crate::format::{count, fit, thousands};
use crate::land::land_paths;
use crate::projection::Projection;
use crate::report::{CommuneCoverage, CoverageReport};
use crate::svg::{Svg, Value, num};
use inclusion_territory::admin::departement;

/// How to draw the map.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MapOptions {
    /// The date printed in the title (the day the data or the analysis refers to).
    pub date: NaiveDate,
    /// The width of the main map, in pixels (default 720; the legend adds 300).
    pub width: f64,
    /// A title replacing `Distance to the nearest help place — <territory>`.
    pub title: Option<String>,
    /// A line of credits at the bottom (data sources and licences).
    pub credits: Option<String>,
}

impl MapOptions {
    /// Default options for a date.
    pub fn new(date: NaiveDate) -> MapOptions {
        MapOptions {
            date,
            width: 720.0,
            title: None,
            credits: None,
        }
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> MapOptions {
        self.title = Some(title.into());
        self
    }

    /// Sets the credits line.
    pub fn credits(mut self, credits: impl Into<String>) -> MapOptions {
        self.credits = Some(credits.into());
        self
    }

    /// Sets the width of the main map in pixels (at least 200).
    pub fn width(mut self, width: f64) -> MapOptions {
        self.width = if width.is_finite() {
            width.max(200.0)
        } else {
            720.0
        };
        self
    }
}

const MARGIN: f64 = 16.0;
const HEADER: f64 = 58.0;
const LEGEND_GAP: f64 = 24.0;
const LEGEND_WIDTH: f64 = 300.0;
const INSET_GAP: f64 = 10.0;
const INSET_LABEL: f64 = 14.0;
const LINE: f64 = 17.0;
const MAX_RADIUS: f64 = 12.0;
const MARKER: f64 = 2.6;
/// Colours from the nearest band to the farthest (interpolated when there are more bands).
const STOPS: [(f64, f64, f64); 4] = [
    (26.0, 152.0, 80.0),
    (166.0, 217.0, 106.0),
    (253.0, 174.0, 97.0),
    (165.0, 0.0, 38.0),
];
const NO_PLACE_COLOUR: &str = "#4d4d4d";

/// One map frame: a projection, the communes drawn in it and where it sits on the page.
struct Panel<'a> {
    name: String,
    projection: Projection,
    lambert: bool,
    communes: Vec<(&'a CommuneCoverage, f64, f64)>,
    /// Projected bounds (min x, min y, max x, max y), padded.
    bounds: [f64; 4],
    /// Page position of the frame's top-left corner, and pixels per projected metre.
    x: f64,
    y: f64,
    scale: f64,
    width: f64,
    height: f64,
}

impl Panel<'_> {
    fn to_page(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.x + (x - self.bounds[0]) * self.scale,
            self.y + (self.bounds[3] - y) * self.scale,
        )
    }

    fn contains(&self, x: f64, y: f64) -> bool {
        (self.bounds[0]..=self.bounds[2]).contains(&x)
            && (self.bounds[1]..=self.bounds[3]).contains(&y)
    }

    /// Fits the bounds into `width` × `height` pixels at (`x`, `y`), centred.
    fn place_at(&mut self, x: f64, y: f64, width: f64, height: f64) {
        let (w, h) = (
            self.bounds[2] - self.bounds[0],
            self.bounds[3] - self.bounds[1],
        );
        self.scale = (width / w).min(height / h);
        self.width = width;
        self.height = height;
        self.x = x + (width - w * self.scale) / 2.0;
        self.y = y + (height - h * self.scale) / 2.0;
    }
}

/// Groups the located communes by territory (metropolitan France, then each overseas code).
fn panels(report: &CoverageReport) -> Vec<Panel<'_>> {
    let mut groups: Vec<(String, Vec<&CommuneCoverage>)> = Vec::new();
    for c in report.communes.iter().filter(|c| c.is_located()) {
        let key = if c.departement.len() == 2 {
            String::new()
        } else {
            c.departement.clone()
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(c),
            None => groups.push((key, vec![c])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups
        .into_iter()
        .filter_map(|(key, list)| {
            let lambert = key.is_empty();
            let projection = if lambert {
                Projection::lambert93()
            } else {
                let (lat0, lon0) = middle(&list)?;
                Projection::equirectangular(lat0, lon0)
            };
            let communes: Vec<_> = list
                .into_iter()
                .filter_map(|c| {
                    let (x, y) = projection.project(c.latitude?, c.longitude?);
                    Some((c, x, y))
                })
                .collect();
            let bounds = padded_bounds(communes.iter().map(|&(_, x, y)| (x, y)))?;
            let name = if lambert {
                "France métropolitaine".to_owned()
            } else {
                departement(&key).map_or(key.clone(), |d| d.name.to_owned())
            };
            Some(Panel {
                name,
                projection,
                lambert,
                communes,
                bounds,
                x: 0.0,
                y: 0.0,
                scale: 1.0,
                width: 0.0,
                height: 0.0,
            })
        })
        .collect()
}

/// The middle latitude and a central meridian of the communes (longitudes taken relative to
/// the first one, so that the 180° meridian does not split a territory).
fn middle(list: &[&CommuneCoverage]) -> Option<(f64, f64)> {
    let first = list.first()?.longitude?;
    let (mut lat_min, mut lat_max, mut d_min, mut d_max) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
    for c in list {
        let (lat, lon) = (c.latitude?, c.longitude?);
        let d = (lon - first + 540.0).rem_euclid(360.0) - 180.0;
        lat_min = lat_min.min(lat);
        lat_max = lat_max.max(lat);
        d_min = d_min.min(d);
        d_max = d_max.max(d);
    }
    let lon0 = (first + (d_min + d_max) / 2.0 + 540.0).rem_euclid(360.0) - 180.0;
    Some(((lat_min + lat_max) / 2.0, lon0))
}

/// The bounds of the points, padded by 5% (and at least 5 km around a single point).
fn padded_bounds(points: impl Iterator<Item = (f64, f64)>) -> Option<[f64; 4]> {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for (x, y) in points {
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    if !b.iter().all(|v| v.is_finite()) {
        return None;
    }
    let pad_x = ((b[2] - b[0]) * 0.05).max(5_000.0);
    let pad_y = ((b[3] - b[1]) * 0.05).max(5_000.0);
    Some([b[0] - pad_x, b[1] - pad_y, b[2] + pad_x, b[3] + pad_y])
}

/// The CSS colour of each band.
fn band_colours(bands: usize, no_matching_place: bool) -> Vec<String> {
    (0..bands)
        .map(|i| {
            if no_matching_place && i + 1 == bands {
                return NO_PLACE_COLOUR.to_owned();
            }
            let t = if bands <= 1 {
                0.0
            } else {
                i as f64 / (bands - 1) as f64
            };
            let pos = t * (STOPS.len() - 1) as f64;
            let k = (pos.floor() as usize).min(STOPS.len() - 2);
            let f = pos - k as f64;
            let (a, b) = (STOPS[k], STOPS[k + 1]);
            let mix = |x: f64, y: f64| (x + (y - x) * f).round() as u8;
            format!(
                "#{:02x}{:02x}{:02x}",
                mix(a.0, b.0),
                mix(a.1, b.1),
                mix(a.2, b.2)
            )
        })
        .collect()
}

/// A round length in km close to (below) `max_km`.
fn nice_km(max_km: f64) -> f64 {
    let mut best = 1.0;
    for base in [1.0, 2.0, 5.0] {
        let mut v = base;
        while v <= max_km {
            best = f64::max(best, v);
            v *= 10.0;
        }
    }
    best
}

/// Words of `text` in lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

impl CoverageReport {
    /// The map as an SVG document (see the [`coverage`](crate) module docs for what it
    /// shows). Text is XML-escaped; the document is UTF-8.
    pub fn to_svg(&self, options: &MapOptions) -> String {
        let mut panels = panels(self);
        // The field is public: a width that is not a number, or too small, falls back.
        let map_w = if options.width.is_finite() {
            options.width.max(200.0)
        } else {
            720.0
        };

        // Layout: the main map, then a row (or rows) of insets under it.
        let mut y = MARGIN + HEADER;
        let mut insets_height = 0.0;
        if let Some((main, insets)) = panels.split_first_mut() {
            let (w, h) = (
                main.bounds[2] - main.bounds[0],
                main.bounds[3] - main.bounds[1],
            );
            let height = (map_w * h / w).clamp(map_w * 0.4, map_w * 1.1);
            main.place_at(MARGIN, y, map_w, height);
            y += height + INSET_GAP;
            if !insets.is_empty() {
                let n = insets.len() as f64;
                let size = ((map_w - INSET_GAP * (n - 1.0)) / n).clamp(96.0, 150.0);
                let per_row = (((map_w + INSET_GAP) / (size + INSET_GAP)).floor() as usize).max(1);
                for (i, inset) in insets.iter_mut().enumerate() {
                    let (row, col) = (i / per_row, i % per_row);
                    let ix = MARGIN + col as f64 * (size + INSET_GAP);
                    let iy = y + row as f64 * (size + INSET_LABEL + INSET_GAP);
                    inset.place_at(ix, iy + INSET_LABEL, size, size);
                }
                let rows = insets.len().div_ceil(per_row) as f64;
                insets_height = rows * (size + INSET_LABEL + INSET_GAP);
            }
        }
        let maps_bottom = if panels.is_empty() {
            y + 60.0
        } else {
            y + insets_height
        };

        let labels = self.band_labels();
        let colours = band_colours(labels.len(), self.places.matching == 0);
        let legend_lines = labels.len() + 15 + usize::from(self.places.without_coordinates > 0);
        let legend_bottom = MARGIN + HEADER + 10.0 + legend_lines as f64 * LINE;
        let credit_lines = options.credits.as_deref().map_or(Vec::new(), |c| {
            wrap(c, ((map_w + LEGEND_WIDTH) / 6.2) as usize)
        });
        let width = MARGIN + map_w + LEGEND_GAP + LEGEND_WIDTH + MARGIN;
        let height =
            maps_bottom.max(legend_bottom) + 12.0 + credit_lines.len() as f64 * 14.0 + MARGIN;

        let mut svg = Svg::new(width.ceil(), height.ceil());
        let mut css = String::from(
            "text{font-family:'DejaVu Sans',Verdana,sans-serif;fill:#222}\
             .title{font-size:18px;font-weight:bold}.subtitle{font-size:12px;fill:#444}\
             .frame{fill:#eef3f6;stroke:#aaa;stroke-width:0.8}\
             .land{fill:#f1efe6;stroke:#b8b29c;stroke-width:0.5;fill-rule:evenodd}\
             .land.neighbour{fill:#f7f6f2;stroke:#d0ccbd}\
             .commune{stroke:#fff;stroke-width:0.25}\
             .place{fill:none;stroke:#14215a;stroke-width:1.4;stroke-linecap:round}\
             .legend{font-size:12px}.legend .head{font-weight:bold}.note{font-size:11px;fill:#555}\
             .inset-name{font-size:11px}.scale path{stroke:#222;stroke-width:1.2;fill:none}\
             .scale text{font-size:10px}",
        );
        for (i, c) in colours.iter().enumerate() {
            css.push_str(&format!(".b{i}{{fill:{c}}}"));
        }
        svg.style(&css);

        // Title and subtitle.
        let title = options.title.clone().unwrap_or_else(|| {
            format!(
                "Distance to the nearest help place — {}",
                self.territory_name
            )
        });
        let subtitle = format!(
            "Filter: {} · {} matching places · {}",
            self.filter_description,
            thousands(self.places.matching as u64),
            options.date.format("%Y-%m-%d")
        );
        svg.text("title", &[], &format!("{title}. {subtitle}"));
        svg.text(
            "text",
            &[
                ("class", "title".into()),
                ("x", MARGIN.into()),
                ("y", (MARGIN + 16.0).into()),
            ],
            &title,
        );
        let sub_lines = wrap(&subtitle, ((map_w + LEGEND_WIDTH) / 6.6) as usize);
        for (i, line) in sub_lines.iter().take(2).enumerate() {
            svg.text(
                "text",
                &[
                    ("class", "subtitle".into()),
                    ("x", MARGIN.into()),
                    ("y", (MARGIN + 36.0 + i as f64 * 15.0).into()),
                ],
                line,
            );
        }

        // Dot sizes: area proportional to population, with a floor that keeps small communes
        // visible (larger when there are few communes).
        let max_population = self
            .communes
            .iter()
            .filter(|c| c.is_located())
            .map(|c| c.population)
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let located = panels
            .iter()
            .map(|p| p.communes.len())
            .sum::<usize>()
            .max(1);
        let min_radius = ((map_w * map_w * 0.8 / located as f64).sqrt() * 0.25).clamp(0.6, 2.0);
        let radius = |population: u32| {
            (MAX_RADIUS * (f64::from(population) / max_population).sqrt()).max(min_radius)
        };

        let mut outside = 0usize;
        let mut place_pages: Vec<Vec<(f64, f64, usize)>> = vec![Vec::new(); panels.len()];
        for (i, p) in self.matching_places.iter().enumerate() {
            let panel = panels.iter().position(|panel| {
                let (x, y) = panel.projection.project(p.latitude, p.longitude);
                panel.contains(x, y)
            });
            match panel {
                Some(k) => {
                    let (x, y) = panels[k].projection.project(p.latitude, p.longitude);
                    let (px, py) = panels[k].to_page(x, y);
                    place_pages[k].push((px, py, i));
                }
                None => outside += 1,
            }
        }

        for (k, panel) in panels.iter_mut().enumerate() {
            let is_inset = k > 0;
            svg.leaf(
                "rect",
                &[
                    ("class", "frame".into()),
                    ("x", (panel.x - 1.0).into()),
                    ("y", (panel.y - 1.0).into()),
                    (
                        "width",
                        ((panel.bounds[2] - panel.bounds[0]) * panel.scale + 2.0).into(),
                    ),
                    (
                        "height",
                        ((panel.bounds[3] - panel.bounds[1]) * panel.scale + 2.0).into(),
                    ),
                ],
            );
            let content_width = (panel.bounds[2] - panel.bounds[0]) * panel.scale;
            let land = land_paths(&panel.projection, panel.bounds, panel.scale, |x, y| {
                panel.to_page(x, y)
            });
            if !land.is_empty() {
                let clip = format!("frame{k}");
                svg.open("clipPath", &[("id", (&clip).into())]);
                svg.leaf(
                    "rect",
                    &[
                        ("x", panel.x.into()),
                        ("y", panel.y.into()),
                        ("width", content_width.into()),
                        (
                            "height",
                            ((panel.bounds[3] - panel.bounds[1]) * panel.scale).into(),
                        ),
                    ],
                );
                svg.close("clipPath");
                let url = format!("url(#{clip})");
                svg.open(
                    "g",
                    &[("class", "lands".into()), ("clip-path", (&url).into())],
                );
                for path in &land {
                    let class = if path.french {
                        "land"
                    } else {
                        "land neighbour"
                    };
                    svg.with_tooltip(
                        "path",
                        &[("class", class.into()), ("d", (&path.d).into())],
                        path.name,
                    );
                }
                svg.close("g");
            }
            if is_inset {
                svg.text(
                    "text",
                    &[
                        ("class", "inset-name".into()),
                        ("x", panel.x.into()),
                        ("y", (panel.y - 4.0).into()),
                    ],
                    &fit(&panel.name, (content_width / 6.0) as usize),
                );
            }
            // Largest dots first, so that small communes stay visible on top.
            panel.communes.sort_by(|a, b| {
                b.0.population
                    .cmp(&a.0.population)
                    .then(a.0.code.cmp(&b.0.code))
            });
            svg.open("g", &[("class", "communes".into())]);
            for &(c, x, y) in &panel.communes {
                let (px, py) = panel.to_page(x, y);
                let band = c.band.unwrap_or_default();
                let class = format!("commune b{band}");
                let distance = c.distance_m.map_or("no matching place".to_owned(), |d| {
                    format!("{:.1} km", d / 1000.0)
                });
                let tip = format!(
                    "{} {}: {distance}, {} inhabitants",
                    c.code,
                    c.label(),
                    thousands(u64::from(c.population))
                );
                svg.with_tooltip(
                    "circle",
                    &[
                        ("class", (&class).into()),
                        ("cx", px.into()),
                        ("cy", py.into()),
                        ("r", radius(c.population).into()),
                    ],
                    &tip,
                );
            }
            svg.close("g");
            svg.open("g", &[("class", "places".into())]);
            for &(px, py, i) in &place_pages[k] {
                let p = &self.matching_places[i];
                let d = cross(px, py);
                svg.with_tooltip(
                    "path",
                    &[("class", "place".into()), ("d", (&d).into())],
                    &format!("{} ({})", p.name, p.id),
                );
            }
            svg.close("g");
            scale_bar(&mut svg, panel, is_inset);
        }
        if panels.is_empty() {
            svg.text(
                "text",
                &[
                    ("class", "note".into()),
                    ("x", MARGIN.into()),
                    ("y", (MARGIN + HEADER + 20.0).into()),
                ],
                "No commune of the territory has a known point: nothing to draw.",
            );
        }

        self.legend(
            &mut svg,
            &labels,
            outside,
            radius,
            max_population,
            panels.first(),
            panels.len() > 1,
            MARGIN + map_w + LEGEND_GAP,
        );
        for (i, line) in credit_lines.iter().enumerate() {
            svg.text(
                "text",
                &[
                    ("class", "note".into()),
                    ("x", MARGIN.into()),
                    (
                        "y",
                        (maps_bottom.max(legend_bottom) + 12.0 + i as f64 * 14.0).into(),
                    ),
                ],
                line,
            );
        }
        svg.finish()
    }

    #[allow(clippy::too_many_arguments)]
    fn legend(
        &self,
        svg: &mut Svg,
        labels: &[String],
        outside: usize,
        radius: impl Fn(u32) -> f64,
        max_population: f64,
        main: Option<&Panel<'_>>,
        has_insets: bool,
        x: f64,
    ) {
        let mut y = MARGIN + HEADER + 12.0;
        svg.open("g", &[("class", "legend".into())]);
        let line = |svg: &mut Svg, class: &str, dx: f64, text: &str, y: &mut f64| {
            svg.text(
                "text",
                &[
                    ("class", class.into()),
                    ("x", (x + dx).into()),
                    ("y", (*y).into()),
                ],
                text,
            );
            *y += LINE;
        };
        line(
            svg,
            "head",
            0.0,
            "Distance to the nearest matching place",
            &mut y,
        );
        // Communes and population per band, over the measured communes.
        let mut counts = vec![(0usize, 0u64); labels.len()];
        for c in &self.communes {
            if let Some(b) = c.band.filter(|&b| b < counts.len()) {
                counts[b].0 += 1;
                counts[b].1 += u64::from(c.population);
            }
        }
        let measured = self.total.located_population.max(1) as f64;
        for (i, (label, (n, population))) in labels.iter().zip(&counts).enumerate() {
            let class = format!("swatch b{i}");
            svg.leaf(
                "circle",
                &[
                    ("class", (&class).into()),
                    ("cx", (x + 6.0).into()),
                    ("cy", (y - 4.0).into()),
                    ("r", 5.5.into()),
                ],
            );
            let text = format!(
                "{label}: {}, {:.1}% of pop.",
                count(*n, "commune"),
                100.0 * *population as f64 / measured
            );
            line(svg, "band", 18.0, &text, &mut y);
        }
        y += 6.0;
        line(svg, "head", 0.0, "Population of the commune", &mut y);
        let mut sizes: Vec<u32> = [1_000_000u32, 100_000, 10_000, 1_000]
            .into_iter()
            .filter(|&p| f64::from(p) <= max_population)
            .take(3)
            .collect();
        sizes.reverse();
        let mut cx = x + 6.0;
        let row_y = y + 4.0;
        for p in &sizes {
            let r = radius(*p);
            svg.leaf(
                "circle",
                &[
                    ("class", "swatch".into()),
                    ("cx", (cx + r).into()),
                    ("cy", row_y.into()),
                    ("r", r.into()),
                    ("fill", "none".into()),
                    ("stroke", "#555".into()),
                ],
            );
            svg.text(
                "text",
                &[
                    ("class", "note".into()),
                    ("x", (cx + 2.0 * r + 3.0).into()),
                    ("y", (row_y + 4.0).into()),
                ],
                &thousands(u64::from(*p)),
            );
            cx += 2.0 * r + 58.0;
        }
        y += 2.0 * MAX_RADIUS + 8.0;
        let d = cross(x + 6.0, y - 4.0);
        svg.leaf(
            "path",
            &[
                ("class", "swatch".into()),
                ("d", (&d).into()),
                ("stroke", "#14215a".into()),
                ("stroke-width", 1.4.into()),
            ],
        );
        let places = if outside > 0 {
            format!(
                "help place matching the filter ({}; {} outside the map)",
                thousands((self.places.matching - outside) as u64),
                thousands(outside as u64)
            )
        } else {
            format!(
                "help place matching the filter ({})",
                thousands(self.places.matching as u64)
            )
        };
        line(svg, "places", 18.0, &places, &mut y);
        y += 6.0;
        let unlocated = self.total.communes - self.total.located_communes;
        let mut notes = Vec::new();
        if unlocated > 0 {
            notes.push(format!(
                "Not drawn, no known point: {} ({} inhabitants).",
                count(unlocated, "commune"),
                thousands(self.total.population - self.total.located_population)
            ));
        }
        let approximate = self.communes.iter().filter(|c| c.approximate_point).count();
        if approximate > 0 {
            notes.push(format!(
                "Drawn at the point of the most populous commune sharing their postcode \
                 (approximate): {}.",
                count(approximate, "commune")
            ));
        }
        if self.places.without_coordinates > 0 {
            notes.push(format!(
                "Left out, no coordinates: {}.",
                count(self.places.without_coordinates, "place")
            ));
        }
        if main.is_some_and(|p| p.lambert) {
            notes.push("Projection: Lambert-93 (EPSG:2154).".to_owned());
        } else if main.is_some() {
            notes.push("Projection: equirectangular at the territory's latitude.".to_owned());
        }
        if has_insets {
            notes.push("Insets: equirectangular, each with its own scale.".to_owned());
        }
        notes.push("Distances: great circle from the commune's point.".to_owned());
        notes.push("Land: Natural Earth 1:10m (public domain).".to_owned());
        for note in notes {
            for part in wrap(&note, 46) {
                line(svg, "note", 0.0, &part, &mut y);
            }
        }
        svg.close("g");
    }
}

/// The marker of a place: a small cross centred on it.
fn cross(x: f64, y: f64) -> String {
    format!(
        "M{},{}h{d}M{},{}v{d}",
        num(x - MARKER),
        num(y),
        num(x),
        num(y - MARKER),
        d = num(2.0 * MARKER)
    )
}

/// A scale bar in the bottom-left corner of a panel.
fn scale_bar(svg: &mut Svg, panel: &Panel<'_>, small: bool) {
    // Pixels per kilometre on the ground (Lambert-93 is within 0.3% of true scale).
    let px_per_km = panel.scale * 1000.0;
    let km = nice_km(panel.width * if small { 0.45 } else { 0.22 } / px_per_km);
    let len = km * px_per_km;
    let x = panel.x + 8.0;
    let y = panel.y + (panel.bounds[3] - panel.bounds[1]) * panel.scale - 8.0;
    svg.open("g", &[("class", "scale".into())]);
    let d = format!("M{},{}v4h{}v-4", num(x), num(y - 4.0), num(len));
    svg.leaf("path", &[("d", (&d).into())]);
    let label = format!("{km} km");
    svg.text(
        "text",
        &[("x", Value::Num(x)), ("y", Value::Num(y - 7.0))],
        &label,
    );
    svg.close("g");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report of one place near Grenoble over the communes of a gazetteer (the rows after
    /// the header).
    fn report_of(communes: &str) -> CoverageReport {
        let gazetteer = inclusion_territory::communes::Gazetteer::parse(&format!(
            "code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n{communes}"
        ))
        .unwrap();
        let mut place = inclusion_model::Place::new(
            "p",
            "00000000000000",
            "Lieu",
            inclusion_model::Address::new("1 rue A", "38000", "Grenoble"),
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        );
        place.coordinates = inclusion_model::Coordinates::new(45.2, 5.7).ok();
        let index = inclusion_geo::HelpIndex::build([place]).unwrap();
        super::super::CoverageRequest::new(super::super::Scope::All)
            .run(&index, &gazetteer)
            .unwrap()
    }

    #[test]
    fn a_width_that_is_not_a_number_falls_back() {
        let report = report_of("38185\tGrenoble\t38\t38000\t156140\t45.17869\t5.71479\tI\n");
        for width in [f64::NAN, f64::INFINITY, -5.0, 0.0] {
            let mut options = MapOptions::new(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
            options.width = width;
            let svg = report.to_svg(&options);
            assert_eq!(svg.matches("class=\"commune ").count(), 1, "{width}");
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{width}");
        }
    }

    #[test]
    fn each_frame_draws_its_land_under_the_communes() {
        let report = report_of(
            "38185\tGrenoble\t38\t38000\t156140\t45.17869\t5.71479\tI\n\
             74010\tAnnecy\t74\t74000\t130000\t45.899\t6.129\tI\n\
             97411\tSaint-Denis\t974\t97400\t150000\t-20.88\t55.45\tI\n\
             97415\tSaint-Paul\t974\t97460\t100000\t-21.01\t55.27\tI\n",
        );
        let svg = report.to_svg(&MapOptions::new(
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        ));
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let lands: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("land")))
            .map(|n| {
                let title = n.children().find(|c| c.has_tag_name("title"));
                (
                    n.attribute("class").unwrap().to_owned(),
                    title.and_then(|t| t.text()).unwrap_or_default().to_owned(),
                )
            })
            .collect();
        // The main frame (Grenoble–Annecy) shows France and Switzerland; the inset La Réunion.
        let has = |class: &str, name: &str| lands.iter().any(|(c, n)| c == class && n == name);
        assert!(has("land", "France métropolitaine"), "{lands:?}");
        assert!(has("land neighbour", "Suisse"), "{lands:?}");
        assert!(has("land", "La Réunion"), "{lands:?}");
        assert!(!has("land", "Mayotte"), "{lands:?}");
        // Each frame's land is clipped to it, and drawn before the communes.
        assert_eq!(svg.matches("<clipPath").count(), 2);
        assert!(svg.find("class=\"land\"").unwrap() < svg.find("class=\"commune ").unwrap());
    }

    #[test]
    fn nice_lengths() {
        assert_eq!(nice_km(0.5), 1.0);
        assert_eq!(nice_km(7.0), 5.0);
        assert_eq!(nice_km(49.0), 20.0);
        assert_eq!(nice_km(50.0), 50.0);
        assert_eq!(nice_km(180.0), 100.0);
    }

    #[test]
    fn colours_go_from_green_to_red_and_grey_means_no_place() {
        let c = band_colours(4, false);
        assert_eq!(c[0], "#1a9850");
        assert_eq!(c[3], "#a50026");
        assert_eq!(c.len(), 4);
        let c = band_colours(4, true);
        assert_eq!(c[3], NO_PLACE_COLOUR);
        assert_eq!(band_colours(1, false), ["#1a9850"]);
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn padded_bounds_of_one_point_are_not_empty() {
        let b = padded_bounds([(100.0, 200.0)].into_iter()).unwrap();
        assert_eq!(b, [-4_900.0, -4_800.0, 5_100.0, 5_200.0]);
        assert!(padded_bounds(std::iter::empty()).is_none());
    }
}
