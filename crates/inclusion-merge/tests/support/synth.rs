//! Synthetic places clustered like the population, with injected duplicates: each place falls
//! in a commune of the embedded gazetteer drawn in proportion to its population, around the
//! commune's point (σ = 300 m + 3 m × √population), with a name (a commune has at most one
//! mairie, France Services and CCAS), an address and contacts drawn from neutral word lists; a
//! share of the places are copied as another producer would
//! publish them (case, abbreviations, coordinates moved 10–300 m, contacts dropped, an older
//! `date_maj`). Shared by the benchmark and a test at a smaller scale.

#![allow(dead_code)]

use std::collections::HashSet;

use chrono::NaiveDate;
use inclusion_model::{Address, Coordinates, Place, Service};
use inclusion_territory::communes::Gazetteer;

#[path = "../../../inclusion-geo/tests/support/rng.rs"]
mod rng;
pub use rng::Rng;

const WORDS: [&str; 64] = [
    "Tilleuls",
    "Peupliers",
    "Chênes",
    "Érables",
    "Platanes",
    "Cèdres",
    "Saules",
    "Bouleaux",
    "Héron",
    "Martinet",
    "Mésange",
    "Hirondelle",
    "Rossignol",
    "Alouette",
    "Colibri",
    "Pélican",
    "Aurore",
    "Zénith",
    "Horizon",
    "Boussole",
    "Passerelle",
    "Escale",
    "Rivage",
    "Clairière",
    "Sources",
    "Cascade",
    "Estuaire",
    "Vallon",
    "Coteaux",
    "Garrigue",
    "Bocage",
    "Lande",
    "Ardoise",
    "Granit",
    "Basalte",
    "Silex",
    "Ocre",
    "Indigo",
    "Vermillon",
    "Safran",
    "Comète",
    "Orion",
    "Pléiades",
    "Galaxie",
    "Nébuleuse",
    "Astrolabe",
    "Équinoxe",
    "Solstice",
    "Moulin",
    "Lavoir",
    "Forge",
    "Halle",
    "Grange",
    "Fontaine",
    "Beffroi",
    "Belvédère",
    "Pixel",
    "Octet",
    "Réseau",
    "Clavier",
    "Souris",
    "Écran",
    "Câble",
    "Antenne",
];

const STREETS: [&str; 24] = [
    "de la République",
    "Victor Hugo",
    "Jean Jaurès",
    "de la Gare",
    "du Moulin",
    "des Écoles",
    "de l'Église",
    "du Marché",
    "de la Paix",
    "des Lilas",
    "du Stade",
    "de la Mairie",
    "Pasteur",
    "des Acacias",
    "du Château",
    "de la Liberté",
    "des Vignes",
    "du Port",
    "de la Fontaine",
    "des Prés",
    "du Lavoir",
    "de Verdun",
    "du Général de Gaulle",
    "Gambetta",
];

const TYPES: [(&str, &str); 6] = [
    ("rue", "r."),
    ("avenue", "av."),
    ("boulevard", "bd"),
    ("place", "pl."),
    ("chemin", "ch."),
    ("allée", "all."),
];

const SOURCES: [&str; 6] = [
    "conseiller-numerique",
    "france-services",
    "dora",
    "aidants-connect",
    "hub-regional",
    "france-tiers-lieux",
];

/// The places and the true duplicate pairs `(i, j)`, `i < j`: an original and each of its
/// copies, and the copies of one original between them.
pub struct Synth {
    pub places: Vec<Place>,
    pub truth: HashSet<(usize, usize)>,
}

struct Communes<'g> {
    communes: Vec<&'g inclusion_territory::communes::Commune>,
    cumulative: Vec<f64>,
}

impl Communes<'_> {
    fn draw(&self, rng: &mut Rng) -> &inclusion_territory::communes::Commune {
        let x = rng.unit() * self.cumulative.last().copied().unwrap_or(1.0);
        let i = self.cumulative.partition_point(|&c| c < x);
        self.communes[i.min(self.communes.len() - 1)]
    }
}

/// A name; a commune has at most one mairie, one France Services and one CCAS (`singletons`
/// holds the commune codes and kinds already drawn).
fn name(
    rng: &mut Rng,
    commune: &str,
    code: &str,
    singletons: &mut HashSet<(String, usize)>,
) -> String {
    let w = WORDS[rng.below(WORDS.len())];
    let w2 = WORDS[rng.below(WORDS.len())];
    let mut kind = rng.below(10);
    if matches!(kind, 0 | 2 | 6) && !singletons.insert((code.to_owned(), kind)) {
        kind = 3;
    }
    match kind {
        0 => format!("Mairie de {commune}"),
        1 => format!("Médiathèque {w}"),
        2 => format!("France Services {commune}"),
        3 => format!("Espace numérique {w} {w2}"),
        4 => format!("Centre social {w}"),
        5 => format!("Association {w} {w2}"),
        6 => format!("CCAS de {commune}"),
        7 => format!("EPN {w} {w2}"),
        8 => format!("Tiers-lieu {w} {w2}"),
        _ => format!("La {w} numérique"),
    }
}

fn copy(rng: &mut Rng, original: &Place, id: usize) -> Place {
    let mut p = original.clone();
    p.id = format!("copy-{id}").into();
    p.source = Some(SOURCES[rng.below(SOURCES.len())].into());
    p.name = match rng.below(4) {
        0 => p.name.to_uppercase(),
        1 => p
            .name
            .replace("Centre", "Ctre")
            .replace("Association", "Asso")
            .replace("Espace", "Esp.")
            .into(),
        2 => format!("{} - {}", p.name, p.address.commune).into(),
        _ => p.name.to_lowercase(),
    };
    for (long, short) in TYPES {
        if rng.chance(0.5) {
            p.address.street = p.address.street.replacen(long, short, 1).into();
        }
    }
    if let Some(c) = p.coordinates {
        let d = rng.range(10.0, 300.0);
        let angle = rng.range(0.0, std::f64::consts::TAU);
        let lat = c.latitude() + d * angle.sin() / 111_195.0;
        let lon = c.longitude() + d * angle.cos() / (111_195.0 * c.latitude().to_radians().cos());
        p.coordinates = Coordinates::new(lat, lon).ok();
    }
    if rng.chance(0.3) {
        p.contact.phone = None;
    }
    if rng.chance(0.3) {
        p.contact.emails.clear();
    }
    if rng.chance(0.3) {
        p.address.insee_code = None;
    }
    p.updated_on -= chrono::Duration::days(rng.below(400) as i64 + 1);
    p
}

/// `n` places, about `duplicate_share` of them copies of others.
pub fn generate(n: usize, duplicate_share: f64, seed: u64) -> Synth {
    let g = Gazetteer::embedded();
    let communes: Vec<_> = g
        .communes()
        .iter()
        .filter(|c| c.point.is_some() && c.population > 0)
        .collect();
    let mut total = 0.0;
    let cumulative = communes
        .iter()
        .map(|c| {
            total += f64::from(c.population);
            total
        })
        .collect();
    let communes = Communes {
        communes,
        cumulative,
    };
    let mut rng = Rng(seed);
    let mut places: Vec<Place> = Vec::with_capacity(n);
    let mut families: Vec<Vec<usize>> = Vec::new();
    let mut singletons = HashSet::new();
    let mut family_of: Vec<usize> = Vec::with_capacity(n);
    let base = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    while places.len() < n {
        let i = places.len();
        if i > 100 && rng.chance(duplicate_share) {
            let original = rng.below(i);
            // Copy an original only, not a copy.
            if !places[original].id.starts_with("copy-") {
                let c = copy(&mut rng, &places[original], i);
                places.push(c);
                let f = family_of[original];
                families[f].push(i);
                family_of.push(f);
                continue;
            }
        }
        let commune = communes.draw(&mut rng);
        let point = commune.point.unwrap();
        let sigma = 300.0 + 3.0 * f64::from(commune.population).sqrt();
        let lat = point.latitude + rng.gaussian() * sigma / 111_195.0;
        let lon = point.longitude
            + rng.gaussian() * sigma / (111_195.0 * point.latitude.to_radians().cos().max(0.05));
        let (kind, _) = TYPES[rng.below(TYPES.len())];
        let street = format!(
            "{} {kind} {}",
            1 + rng.below(150),
            STREETS[rng.below(STREETS.len())]
        );
        let postcode = commune.postcodes().next().unwrap_or("75001").to_owned();
        let mut address = Address::new(street, postcode, commune.name.clone());
        if rng.chance(0.8) {
            address.insee_code = Some(commune.code.as_str().into());
        }
        let mut p = Place::new(
            format!("p-{i}"),
            "00000000000000",
            name(&mut rng, &commune.name, &commune.code, &mut singletons),
            address,
            base + chrono::Duration::days(rng.below(1200) as i64),
        );
        p.coordinates = Coordinates::new(lat, lon).ok();
        if rng.chance(0.6) {
            p.contact.phone =
                Some(format!("+33{}{:08}", 1 + rng.below(5), rng.below(100_000_000)).into());
        }
        if rng.chance(0.4) {
            p.contact
                .emails
                .push(format!("contact{i}@exemple.fr").into());
        }
        p.source = Some(SOURCES[rng.below(SOURCES.len())].into());
        p.services.push(Service::ALL[rng.below(Service::ALL.len())]);
        places.push(p);
        family_of.push(families.len());
        families.push(vec![i]);
    }
    let mut truth = HashSet::new();
    for f in &families {
        for (k, &i) in f.iter().enumerate() {
            for &j in &f[k + 1..] {
                truth.insert((i.min(j), i.max(j)));
            }
        }
    }
    Synth { places, truth }
}
