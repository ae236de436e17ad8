//! Decisions on hand-built pairs: the hard negatives of real data come out distinct, the same
//! place described by two producers comes out duplicate, and every pair explains itself.

use chrono::NaiveDate;
use inclusion_merge::{Comparator, Config, Decision, Finding, explain, find_duplicates};
use inclusion_model::{Address, Coordinates, Mobility, Place};

struct P(Place);

impl P {
    fn new(
        id: &str,
        name: &str,
        street: &str,
        postcode: &str,
        commune: &str,
        lat: f64,
        lon: f64,
    ) -> P {
        let mut p = Place::new(
            id,
            "00000000000000",
            name,
            Address::new(street, postcode, commune),
            NaiveDate::from_ymd_opt(2023, 6, 1).unwrap(),
        );
        p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
        P(p)
    }
    fn phone(mut self, phone: &str) -> P {
        self.0.contact.phone = Some(phone.into());
        self
    }
    fn email(mut self, email: &str) -> P {
        self.0.contact.emails.push(email.into());
        self
    }
    fn siret(mut self, siret: &str) -> P {
        self.0.pivot = siret.into();
        self
    }
    fn source(mut self, source: &str) -> P {
        self.0.source = Some(source.into());
        self
    }
    fn itinerant(mut self) -> P {
        self.0.mobility.push(Mobility::Itinerant);
        self
    }
}

fn decision(a: &P, b: &P) -> Decision {
    let pair = explain(&a.0, &b.0, &Config::default());
    let reverse = explain(&b.0, &a.0, &Config::default());
    assert_eq!(
        pair.score, reverse.score,
        "the score of a pair does not depend on its order"
    );
    assert_eq!(pair.decision, reverse.decision);
    pair.decision
}

fn outcome(a: &P, b: &P, comparator: Comparator) -> Finding {
    explain(&a.0, &b.0, &Config::default())
        .reasons
        .iter()
        .find(|r| r.comparator == comparator)
        .map(|r| r.outcome)
        .unwrap()
}

#[test]
fn several_organisations_in_one_building_are_distinct() {
    // A mairie, the France Services and the library at one address (R2).
    let at = |id, name| {
        P::new(
            id,
            name,
            "1 place de la Mairie",
            "74580",
            "Viry",
            46.1160,
            6.0380,
        )
    };
    let mairie = at("m", "Mairie de Viry").phone("+33450353787");
    let fs = at("f", "France Services de Viry").phone("+33450353700");
    let library = at("b", "Médiathèque de Viry").phone("+33450745774");
    for (a, b) in [(&mairie, &fs), (&mairie, &library), (&fs, &library)] {
        assert_eq!(
            decision(a, b),
            Decision::Distinct,
            "{} / {}",
            a.0.name,
            b.0.name
        );
        assert_eq!(outcome(a, b, Comparator::Kind), Finding::Different);
        assert_eq!(outcome(a, b, Comparator::Address), Finding::Same);
    }
    // An association that meets in the library, with its own phone and e-mail (R2).
    let library = library.email("mediatheque@viry.fr");
    let club = at("c", "Club informatique Les Pixels")
        .phone("+33450000000")
        .email("contact@lespixels.fr");
    assert_eq!(decision(&club, &library), Decision::Distinct);
    // With nothing but the building in common, a named association and a generic name could
    // be two names of one organisation: a person decides (R12).
    let bare = at("d", "Les Pixels");
    let bare_library = at("e", "Médiathèque de Viry");
    assert_eq!(decision(&bare, &bare_library), Decision::Review);
}

#[test]
fn one_network_in_neighbouring_communes_is_distinct() {
    let a = P::new(
        "a",
        "France Services",
        "2 rue de la Gare",
        "16110",
        "La Rochefoucauld-en-Angoumois",
        45.7420,
        0.3850,
    );
    let b = P::new(
        "b",
        "France Services",
        "5 place du Champ de Foire",
        "16220",
        "Montbron",
        45.6680,
        0.4990,
    );
    assert_eq!(decision(&a, &b), Decision::Distinct);
    let c = P::new(
        "c",
        "Médiathèque",
        "1 rue Victor Hugo",
        "16110",
        "La Rochefoucauld-en-Angoumois",
        45.7400,
        0.3840,
    );
    let d = P::new(
        "d",
        "Médiathèque",
        "12 avenue de la République",
        "16110",
        "La Rochefoucauld-en-Angoumois",
        45.7480,
        0.3950,
    );
    assert_eq!(
        decision(&c, &d),
        Decision::Distinct,
        "two libraries of one commune at two streets (R5)"
    );
}

#[test]
fn one_siret_for_several_sites_is_distinct() {
    // R6: the same organisation, its SIRET, phone and e-mail, at two addresses 1.3 km apart.
    let head = P::new(
        "a",
        "CTAS Bordeaux - AASG Angoulême",
        "2 boulevard de l'Artillerie",
        "16000",
        "Angoulême",
        45.6583,
        0.1736,
    )
    .siret("13001840100013")
    .phone("+33545000000")
    .email("contact@ctas.fr");
    let site = P::new(
        "b",
        "CTAS Bordeaux - AAS Angoulême Ville",
        "167 rue de Périgueux",
        "16000",
        "Angoulême",
        45.6476,
        0.1677,
    )
    .siret("13001840100013")
    .phone("+33545000000")
    .email("contact@ctas.fr");
    assert_eq!(decision(&head, &site), Decision::Distinct);
    let pair = explain(&head.0, &site.0, &Config::default());
    let phone = pair
        .reasons
        .iter()
        .find(|r| r.comparator == Comparator::Phone)
        .unwrap();
    assert_eq!(
        phone.points, 0.0,
        "the organisation's phone does not make two sites one"
    );
    assert!(phone.en.contains("R6"), "{}", phone.en);
}

#[test]
fn the_stops_of_a_mobile_bus_are_distinct() {
    let stop = |id, name, street, commune, postcode, lat, lon| {
        P::new(id, name, street, postcode, commune, lat, lon)
            .itinerant()
            .phone("+33630392518")
            .siret("21160400400013")
    };
    let a = stop(
        "1",
        "Bus France Services - [Place de la mairie]",
        "Place de la Mairie",
        "Luxé",
        "16230",
        45.8914,
        0.1173,
    );
    let b = stop(
        "2",
        "Bus France Services - [Place de la mairie]",
        "Place de la Mairie",
        "Verteuil-sur-Charente",
        "16510",
        45.9827,
        0.2293,
    );
    let c = stop(
        "3",
        "Bus France Services - [Parking de l'église]",
        "Rue de l'Église",
        "Luxé",
        "16230",
        45.8920,
        0.1190,
    );
    assert_eq!(decision(&a, &b), Decision::Distinct);
    assert_eq!(decision(&a, &c), Decision::Distinct);
    assert_eq!(outcome(&a, &c, Comparator::Itinerant), Finding::OtherStop);
    // The bus parked in front of the mairie is not the mairie (R4).
    let mairie = P::new(
        "m",
        "Mairie de Luxé",
        "Place de la Mairie",
        "16230",
        "Luxé",
        45.8914,
        0.1174,
    );
    assert_eq!(decision(&a, &mairie), Decision::Distinct);
    assert_eq!(
        outcome(&a, &mairie, Comparator::Itinerant),
        Finding::FixedVsItinerant
    );
    // The same stop described twice is one.
    let again = stop(
        "4",
        "Bus France Services [Place de la Mairie]",
        "Pl. de la Mairie",
        "Luxé",
        "16230",
        45.8916,
        0.1176,
    );
    assert_eq!(decision(&a, &again), Decision::Duplicate);
}

#[test]
fn the_same_place_from_two_producers_is_a_duplicate() {
    // R1: the example of the labelling policy.
    let cnfs = P::new(
        "a",
        "FRANCE SERVICES DES ASPRES",
        "50 route de Cannes",
        "06130",
        "Grasse",
        43.6500,
        6.9300,
    )
    .source("conseiller-numerique");
    let fs = P::new(
        "b",
        "France services Les Aspres",
        "50 rte de Cannes",
        "06130",
        "GRASSE",
        43.6506,
        6.9310,
    )
    .source("france-services")
    .phone("+33493000000");
    assert_eq!(decision(&cnfs, &fs), Decision::Duplicate);
    // An acronym and its words, same SIRET, neighbouring numbers (R1).
    let flep = P::new(
        "c",
        "Foyer Laïque d'Éducation Permanente",
        "7 Boulevard Léon Blum",
        "16800",
        "Soyaux",
        45.6410,
        0.1990,
    )
    .siret("78125600300034");
    let cscs = P::new(
        "d",
        "CSCS FLEP",
        "9 bd Léon Blum 16800 SOYAUX",
        "16800",
        "Soyaux",
        45.6412,
        0.1993,
    )
    .siret("78125600300034");
    assert_eq!(outcome(&flep, &cscs, Comparator::Name), Finding::Same);
    assert_eq!(decision(&flep, &cscs), Decision::Duplicate);
    // Two France Services records of one commune, 245 m apart, names agreeing (R7b).
    let a = P::new(
        "e",
        "France services Rouillacais",
        "Boulevard d'Encamp",
        "16170",
        "Rouillac",
        45.7766,
        -0.0628,
    );
    let b = P::new(
        "f",
        "Espace France Services Rouillac",
        "314 Avenue Jean Monnet",
        "16170",
        "Rouillac",
        45.7788,
        -0.0630,
    );
    assert_eq!(decision(&a, &b), Decision::Duplicate);
    assert_eq!(
        outcome(&a, &b, Comparator::FranceServices),
        Finding::Applies
    );
}

#[test]
fn a_place_with_bad_coordinates_is_still_compared() {
    // Same commune, same organisation name, one record 40 km away (geocoded elsewhere).
    let good = P::new(
        "a",
        "Association Les Rives de la Charente",
        "5 rue du Halage",
        "16000",
        "Angoulême",
        45.6466,
        0.1480,
    );
    let bad = P::new(
        "b",
        "Rives de Charente",
        "5 chemin du Halage",
        "16000",
        "Angoulême",
        45.9000,
        0.5000,
    );
    let places = [good.0, bad.0];
    let pairs = find_duplicates(&places, &Config::default()).unwrap();
    assert_eq!(pairs.stats.candidates.spatial_pairs, 0);
    assert_eq!(pairs.stats.candidates.name_pairs, 1);
    assert_eq!(pairs.pairs.len(), 1);
    assert_eq!(
        pairs.pairs[0].decision,
        Decision::Duplicate,
        "same name and address: the 40 km are a geocoding error"
    );
}

#[test]
fn every_pair_explains_each_comparator() {
    let a = P::new(
        "a",
        "APEJ",
        "72 Rue de Pons",
        "16100",
        "Cognac",
        45.6950,
        -0.3300,
    )
    .siret("33820960400028");
    let b = P::new(
        "b",
        "APEJ COGNAC",
        "72 RUE DE PONS",
        "16100",
        "Cognac",
        45.6951,
        -0.3301,
    )
    .siret("33820960400028");
    let pair = explain(&a.0, &b.0, &Config::default());
    let comparators: Vec<Comparator> = pair.reasons.iter().map(|r| r.comparator).collect();
    for c in [
        Comparator::Name,
        Comparator::Kind,
        Comparator::Address,
        Comparator::Commune,
        Comparator::Distance,
        Comparator::Identifier,
        Comparator::Phone,
        Comparator::Email,
        Comparator::Website,
        Comparator::Typology,
        Comparator::Parent,
    ] {
        assert!(comparators.contains(&c), "{c:?} missing");
    }
    // The points add up to the score.
    let points: f64 =
        Config::default().weights.prior + pair.reasons.iter().map(|r| r.points).sum::<f64>();
    assert!((100.0 / (1.0 + (-points).exp()) - pair.score).abs() < 1e-9);
    assert!(pair.decided_by.en.starts_with("duplicate: score"));
    assert!(pair.decided_by.fr.starts_with("doublon : score"));
    assert!(
        pair.reasons
            .iter()
            .all(|r| !r.en.is_empty() && !r.fr.is_empty())
    );
    let unknown = pair
        .reasons
        .iter()
        .find(|r| r.comparator == Comparator::Phone)
        .unwrap();
    assert_eq!(
        (unknown.outcome, unknown.sub_score),
        (Finding::Unknown, None)
    );
}

#[test]
fn thresholds_decide() {
    let a = P::new(
        "a",
        "APEJ",
        "72 Rue de Pons",
        "16100",
        "Cognac",
        45.6950,
        -0.3300,
    );
    let b = P::new(
        "b",
        "APEJ",
        "72 Rue de Pons",
        "16100",
        "Cognac",
        45.6950,
        -0.3300,
    );
    let mut config = Config::default();
    let score = explain(&a.0, &b.0, &config).score;
    config.thresholds.duplicate = 100.0;
    config.thresholds.review = score - 1.0;
    assert_eq!(explain(&a.0, &b.0, &config).decision, Decision::Review);
    config.thresholds.review = 100.0;
    assert_eq!(explain(&a.0, &b.0, &config).decision, Decision::Distinct);
    config.thresholds.review = 101.0;
    assert!(find_duplicates(&[a.0, b.0], &config).is_err());
}
