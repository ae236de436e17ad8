//! The coverage map, parsed as XML: one mark per commune and per place, classes that match the
//! report, escaped text, the title with the filter and the date, insets for overseas France.

use chrono::NaiveDate;
use inclusion::coverage::{CoverageReport, CoverageRequest, MapOptions, Scope};
use inclusion::data::sample_places;
use inclusion::geo::{HelpFilter, HelpIndex};
use inclusion::model::{AccessMode, Address, Coordinates, Place, Service};
use inclusion::territory::communes::Gazetteer;
use roxmltree::{Document, Node};

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn has_class(n: &Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|t| t == class))
}

fn marks<'a>(doc: &'a Document, tag: &str, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.has_tag_name(tag) && has_class(n, class))
        .collect()
}

fn tooltip(n: &Node) -> String {
    n.children()
        .find(|c| c.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
        .to_owned()
}

fn all_text(doc: &Document) -> String {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every commune dot: its class band equals the report's band for that commune.
fn check_commune_marks(doc: &Document, report: &CoverageReport) {
    let circles = marks(doc, "circle", "commune");
    assert_eq!(circles.len(), report.total.located_communes);
    let mut seen = std::collections::HashSet::new();
    for c in &circles {
        let tip = tooltip(c);
        let code = tip.split_whitespace().next().unwrap();
        assert!(seen.insert(code.to_owned()), "{code} drawn twice");
        let commune = report.communes.iter().find(|k| k.code == code).unwrap();
        let band = format!("b{}", commune.band.unwrap());
        assert!(has_class(c, &band), "{tip}: {:?}", c.attribute("class"));
        let r: f64 = c.attribute("r").unwrap().parse().unwrap();
        assert!(r > 0.0 && r <= 12.0);
    }
}

#[test]
fn region_84_map_has_one_mark_per_commune_and_per_place() {
    let index = HelpIndex::build(sample_places().to_vec()).unwrap();
    let report = CoverageRequest::new(Scope::region("84"))
        .run(&index, Gazetteer::embedded())
        .unwrap();
    let svg = report.to_svg(&MapOptions::new(date()));
    let doc = Document::parse(&svg).expect("well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
    let width: f64 = root.attribute("width").unwrap().parse().unwrap();
    let height: f64 = root.attribute("height").unwrap().parse().unwrap();
    check_commune_marks(&doc, &report);
    for c in marks(&doc, "circle", "commune") {
        let cx: f64 = c.attribute("cx").unwrap().parse().unwrap();
        let cy: f64 = c.attribute("cy").unwrap().parse().unwrap();
        assert!((0.0..width).contains(&cx) && (0.0..height).contains(&cy));
    }

    // Places: every matching place inside the communes' latitude/longitude box is drawn, and
    // nothing else.
    let located = report.communes.iter().filter(|c| c.latitude.is_some());
    let (mut lat0, mut lat1, mut lon0, mut lon1) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
    for c in located {
        let (lat, lon) = (c.latitude.unwrap(), c.longitude.unwrap());
        (lat0, lat1, lon0, lon1) = (lat0.min(lat), lat1.max(lat), lon0.min(lon), lon1.max(lon));
    }
    let inside = report
        .matching_places
        .iter()
        .filter(|p| (lat0..=lat1).contains(&p.latitude) && (lon0..=lon1).contains(&p.longitude))
        .count();
    let places = marks(&doc, "path", "place");
    assert!(places.len() >= inside && places.len() <= report.places.matching);
    assert!(inside > 650, "{inside}");
    for p in &places {
        let tip = tooltip(p);
        let id = tip.rsplit_once('(').unwrap().1.trim_end_matches(')');
        assert!(report.matching_places.iter().any(|m| m.id == id), "{tip}");
    }

    // Title: territory, filter and date; legend: one line per band; scale bar.
    let text = all_text(&doc);
    assert!(text.contains("Distance to the nearest help place — Auvergne-Rhône-Alpes (région 84)"));
    assert!(
        text.contains("Filter: every place · 687 matching places · 2026-11-20"),
        "{text}"
    );
    for label in report.band_labels() {
        assert!(text.contains(&format!("{label}: ")), "{label}");
    }
    assert!(text.contains("Projection: Lambert-93 (EPSG:2154)."));
    assert!(marks(&doc, "g", "scale").len() == 1);
    assert!(
        text.lines().any(|l| l.ends_with(" km") && l.len() <= 7),
        "scale label"
    );
}

fn place(id: &str, name: &str, lat: f64, lon: f64) -> Place {
    let mut p = Place::new(
        id,
        "00000000000000",
        name,
        Address::new("1 rue A", "38000", "Grenoble"),
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
    );
    p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
    p.services.push(Service::AdministrativeProcedures);
    p
}

#[test]
fn text_is_escaped_and_places_outside_the_map_are_counted() {
    let g = Gazetteer::parse(
        "code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n\
         38001\tA & B <C>\t38\t38000\t1000\t45.1\t5.7\tI\n\
         38002\tSaint-Martin-d'Hères\t38\t38400\t38000\t45.17\t5.76\tI\n\
         38003\tNowhere \"quoted\"\t38\t38500\t50\t\t\t\n\
         38004\tLa Mure\t38\t38350\t5000\t44.9\t5.78\tP\n",
    )
    .unwrap();
    let index = HelpIndex::build([
        place("p<1>", "Espace & \"numérique\"", 45.15, 5.72),
        place("p2", "L'atelier", 45.0, 5.75),
        place("reunion", "Far away", -21.1, 55.5),
    ])
    .unwrap();
    let filter = HelpFilter::default()
        .services([Service::AdministrativeProcedures])
        .exclude_access_modes([AccessMode::NoPublicReception]);
    let report = CoverageRequest::new(Scope::departement("38"))
        .filter(filter)
        .run(&index, &g)
        .unwrap();
    let svg = report.to_svg(&MapOptions::new(date()).title("Isère: <draft> & 'test'"));
    let doc = Document::parse(&svg).expect("well-formed XML");
    check_commune_marks(&doc, &report);
    assert_eq!(marks(&doc, "circle", "commune").len(), 3);
    let places = marks(&doc, "path", "place");
    assert_eq!(places.len(), 2);
    let tips: Vec<String> = places.iter().map(tooltip).collect();
    assert!(
        tips.contains(&"Espace & \"numérique\" (p<1>)".to_owned()),
        "{tips:?}"
    );
    let text = all_text(&doc);
    assert!(text.contains("Isère: <draft> & 'test'"));
    assert!(
        text.contains("not access_modes = Ce lieu n'accueille pas de public"),
        "{text}"
    );
    let flat = text.replace('\n', " ");
    assert!(flat.contains("(2; 1 outside the map)"), "{text}");
    assert!(
        flat.contains("Not drawn, no known point: 1 commune (50 inhabitants)."),
        "{text}"
    );
    assert!(
        flat.contains("sharing their postcode (approximate): 1 commune."),
        "{text}"
    );
    assert!(flat.contains("≤ 5 km: 1 commune, "), "{text}");
    let names: Vec<String> = marks(&doc, "circle", "commune")
        .iter()
        .map(tooltip)
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("38001 A & B <C> (38): ")),
        "{names:?}"
    );
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("38002 Saint-Martin-d'Hères (38): "))
    );
}

#[test]
fn france_map_has_an_inset_per_overseas_territory() {
    let index = HelpIndex::build(sample_places().to_vec()).unwrap();
    let report = CoverageRequest::new(Scope::All)
        .filter(HelpFilter::default().services([Service::AdministrativeProcedures]))
        .run(&index, Gazetteer::embedded())
        .unwrap();
    let svg = report.to_svg(&MapOptions::new(date()));
    let doc = Document::parse(&svg).expect("well-formed XML");
    check_commune_marks(&doc, &report);
    let insets: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && has_class(n, "inset-name"))
        .filter_map(|n| n.text())
        .collect();
    for name in [
        "Guadeloupe",
        "Martinique",
        "Guyane",
        "La Réunion",
        "Mayotte",
        "Polynésie fr",
    ] {
        assert!(
            insets.iter().any(|i| i.starts_with(name)),
            "{name}: {insets:?}"
        );
    }
    // One frame and one scale bar per panel: the mainland and each inset.
    assert_eq!(marks(&doc, "rect", "frame").len(), insets.len() + 1);
    assert_eq!(marks(&doc, "g", "scale").len(), insets.len() + 1);
    let flat = all_text(&doc).replace('\n', " ");
    assert!(
        flat.contains("Insets: equirectangular, each with its own scale."),
        "{flat}"
    );
}

#[test]
fn a_filter_that_matches_nothing_draws_every_commune_in_the_last_band() {
    let index = HelpIndex::build(sample_places().to_vec()).unwrap();
    let report = CoverageRequest::new(Scope::departement("38"))
        .filter(
            HelpFilter::default()
                .open_at(chrono::Utc::now() + chrono::Duration::days(3650))
                .services([Service::ParentingAndEducation])
                .exclude_access_modes(AccessMode::ALL.iter().copied()),
        )
        .run(&index, Gazetteer::embedded())
        .unwrap();
    assert_eq!(report.places.matching, 0);
    let svg = report.to_svg(&MapOptions::new(date()));
    let doc = Document::parse(&svg).unwrap();
    let circles = marks(&doc, "circle", "commune");
    assert_eq!(circles.len(), report.total.located_communes);
    assert!(circles.iter().all(|c| has_class(c, "b3")));
    assert!(marks(&doc, "path", "place").is_empty());
    assert!(all_text(&doc).contains("no matching place: "));
}
