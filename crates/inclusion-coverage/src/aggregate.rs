//! The aggregates of a coverage run: one pass over the communes sums the territory, each
//! région (or collectivity) and each département.

use std::collections::BTreeMap;

use inclusion_territory::admin::{departement, region};

use crate::report::{AreaCoverage, AreaKind, Beyond, CommuneCoverage};

/// Metres, rounded to the millimetre.
pub(crate) fn round_mm(metres: f64) -> f64 {
    (metres * 1000.0).round() / 1000.0
}

/// Kilometres to metres, rounded to the millimetre (so that 0.1 km is exactly 100 m).
pub(crate) fn km_to_m(km: f64) -> f64 {
    round_mm(km * 1000.0)
}

/// An [`AreaCoverage`] being summed, one commune at a time.
struct Accumulator {
    area: AreaCoverage,
    thresholds_m: Vec<f64>,
    weighted: f64,
    weight: u64,
}

impl Accumulator {
    fn new(kind: AreaKind, code: &str, name: &str, thresholds_km: &[f64]) -> Accumulator {
        Accumulator {
            area: AreaCoverage {
                kind,
                code: code.to_owned(),
                name: name.to_owned(),
                communes: 0,
                population: 0,
                located_communes: 0,
                located_population: 0,
                beyond: thresholds_km
                    .iter()
                    .map(|&threshold_km| Beyond {
                        threshold_km,
                        communes: 0,
                        population: 0,
                        population_share: 0.0,
                    })
                    .collect(),
                mean_distance_m: None,
                max_distance_m: None,
            },
            thresholds_m: thresholds_km.iter().map(|&t| km_to_m(t)).collect(),
            weighted: 0.0,
            weight: 0,
        }
    }

    fn add(&mut self, c: &CommuneCoverage) {
        let area = &mut self.area;
        let population = u64::from(c.population);
        area.communes += 1;
        area.population += population;
        if !c.is_located() {
            return;
        }
        area.located_communes += 1;
        area.located_population += population;
        for (b, &t) in area.beyond.iter_mut().zip(&self.thresholds_m) {
            if c.is_beyond(t) {
                b.communes += 1;
                b.population += population;
            }
        }
        if let Some(d) = c.distance_m {
            self.weighted += d * population as f64;
            self.weight += population;
            area.max_distance_m = Some(area.max_distance_m.map_or(d, |m: f64| m.max(d)));
        }
    }

    fn finish(mut self) -> AreaCoverage {
        let area = &mut self.area;
        for b in &mut area.beyond {
            if area.located_population > 0 {
                b.population_share = b.population as f64 / area.located_population as f64;
            }
        }
        if self.weight > 0 {
            area.mean_distance_m = Some(round_mm(self.weighted / self.weight as f64));
        }
        self.area
    }
}

/// The aggregate of `communes` for `thresholds_km` (increasing).
pub(crate) fn aggregate<'a>(
    kind: AreaKind,
    code: &str,
    name: &str,
    communes: impl IntoIterator<Item = &'a CommuneCoverage>,
    thresholds_km: &[f64],
) -> AreaCoverage {
    let mut acc = Accumulator::new(kind, code, name, thresholds_km);
    communes.into_iter().for_each(|c| acc.add(c));
    acc.finish()
}

/// Accumulators by key, sorted by key at the end. Communes come grouped by département, so
/// the map is searched only when the key changes.
struct ByKey<'a> {
    areas: BTreeMap<&'a str, Accumulator>,
    last: Option<(&'a str, Accumulator)>,
}

impl<'a> ByKey<'a> {
    fn new() -> ByKey<'a> {
        ByKey {
            areas: BTreeMap::new(),
            last: None,
        }
    }

    fn add(&mut self, key: &'a str, c: &CommuneCoverage, new: impl FnOnce() -> Accumulator) {
        if self.last.as_ref().is_none_or(|(k, _)| *k != key) {
            if let Some((k, acc)) = self.last.take() {
                self.areas.insert(k, acc);
            }
            let acc = self.areas.remove(key).unwrap_or_else(new);
            self.last = Some((key, acc));
        }
        if let Some((_, acc)) = &mut self.last {
            acc.add(c);
        }
    }

    fn finish(mut self) -> Vec<AreaCoverage> {
        if let Some((k, acc)) = self.last.take() {
            self.areas.insert(k, acc);
        }
        self.areas.into_values().map(Accumulator::finish).collect()
    }
}

/// One aggregate per région (or collectivity) and one per département, sorted by code.
pub(crate) fn by_area(
    communes: &[CommuneCoverage],
    thresholds_km: &[f64],
) -> (Vec<AreaCoverage>, Vec<AreaCoverage>) {
    let mut regions = ByKey::new();
    let mut departements = ByKey::new();
    for c in communes {
        let dep = c.departement.as_str();
        let in_region = c.region.is_some();
        let key = c.region.as_deref().unwrap_or(dep);
        regions.add(key, c, || match c.region.as_deref().and_then(region) {
            Some(r) => Accumulator::new(AreaKind::Region, r.code, r.name, thresholds_km),
            None => Accumulator::new(
                AreaKind::Collectivity,
                dep,
                departement_name(dep),
                thresholds_km,
            ),
        });
        departements.add(dep, c, || {
            let kind = if in_region {
                AreaKind::Departement
            } else {
                AreaKind::Collectivity
            };
            Accumulator::new(kind, dep, departement_name(dep), thresholds_km)
        });
    }
    (regions.finish(), departements.finish())
}

fn departement_name(code: &str) -> &str {
    departement(code).map_or(code, |d| d.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commune(code: &str, dep: &str, population: u32, distance_m: Option<f64>) -> CommuneCoverage {
        CommuneCoverage {
            code: code.into(),
            name: code.into(),
            departement: dep.into(),
            region: inclusion_territory::admin::region_of_departement(dep).map(|r| r.code.into()),
            population,
            latitude: Some(45.0),
            longitude: Some(5.0),
            approximate_point: false,
            distance_m,
            nearest_place: distance_m.map(|_| "p".into()),
            band: Some(0),
        }
    }

    #[test]
    fn beyond_is_strictly_greater_and_unlocated_communes_are_left_out() {
        let mut unlocated = commune("38003", "38", 1_000, None);
        unlocated.band = None;
        let communes = [
            commune("38001", "38", 100, Some(5_000.0)),
            commune("38002", "38", 200, Some(5_000.001)),
            commune("38004", "38", 300, None), // no matching place
            unlocated,
        ];
        let a = aggregate(AreaKind::Territory, "", "t", &communes, &[5.0, 10.0]);
        assert_eq!((a.communes, a.population), (4, 1_600));
        assert_eq!((a.located_communes, a.located_population), (3, 600));
        assert_eq!((a.beyond[0].communes, a.beyond[0].population), (2, 500));
        assert_eq!((a.beyond[1].communes, a.beyond[1].population), (1, 300));
        assert!((a.beyond[0].population_share - 500.0 / 600.0).abs() < 1e-12);
        assert_eq!(a.max_distance_m, Some(5_000.001));
        let mean = (100.0 * 5_000.0 + 200.0 * 5_000.001) / 300.0;
        assert!((a.mean_distance_m.unwrap() - mean).abs() < 1e-3);
    }

    #[test]
    fn empty_areas_have_zero_shares() {
        let a = aggregate(AreaKind::Territory, "", "t", &[], &[5.0]);
        assert_eq!(a.beyond[0].population_share, 0.0);
        assert_eq!(a.mean_distance_m, None);
        assert_eq!(a.max_distance_m, None);
    }

    #[test]
    fn areas_group_by_region_and_departement_with_collectivities_apart() {
        let mut papeete = commune("98735", "987", 26_000, Some(1.0));
        papeete.region = None;
        let communes = [
            commune("38185", "38", 150_000, Some(1.0)),
            commune("69123", "69", 500_000, Some(1.0)),
            commune("75056", "75", 2_000_000, Some(1.0)),
            papeete,
        ];
        let (regions, deps) = by_area(&communes, &[5.0]);
        let r: Vec<(&str, &str, AreaKind, usize)> = regions
            .iter()
            .map(|a| (a.code.as_str(), a.name.as_str(), a.kind, a.communes))
            .collect();
        assert_eq!(
            r,
            [
                ("11", "Île-de-France", AreaKind::Region, 1),
                ("84", "Auvergne-Rhône-Alpes", AreaKind::Region, 2),
                ("987", "Polynésie française", AreaKind::Collectivity, 1),
            ]
        );
        assert_eq!(deps.len(), 4);
        assert_eq!(deps[0].name, "Isère");
        assert_eq!(deps[3].kind, AreaKind::Collectivity);
    }

    #[test]
    fn rounding() {
        assert_eq!(round_mm(4_999.999_9), 5_000.0);
        assert_eq!(km_to_m(0.1), 100.0);
        assert_eq!(km_to_m(5.0), 5_000.0);
    }
}
