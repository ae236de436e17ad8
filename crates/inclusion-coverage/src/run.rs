//! The coverage run: the communes of the scope, one batch of nearest-place queries
//! ([`HelpIndex::nearest_many`]), the aggregates and the notices.

use std::num::NonZeroUsize;

use inclusion_geo::{HelpFilter, HelpIndex, Hit};
use inclusion_territory::admin::{Region, departement, region, region_of_departement};
use inclusion_territory::communes::{Commune, Gazetteer, PointSource};

use crate::aggregate::{aggregate, by_area, km_to_m, round_mm};
use crate::error::CoverageError;
use crate::format::thousands;
use crate::report::{
    AreaCoverage, AreaKind, CommuneCoverage, CoverageReport, Notice, NoticeKind, PlaceCounts,
    PlacePoint,
};
use crate::request::CoverageRequest;
use crate::scope::Scope;

impl CoverageRequest {
    /// Measures, for every commune of the territory, the distance from its representative
    /// point to the nearest place of `index` that passes the filter, and aggregates it.
    ///
    /// Errors: an unknown région, département or code INSEE, an empty territory, invalid
    /// thresholds, or an index where no place has coordinates. A filter that matches no place
    /// is not an error: the report says so in a [`Notice`], and every measured commune is beyond
    /// every threshold.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use inclusion_territory::communes::Gazetteer;
    /// use inclusion_coverage::{CoverageRequest, Scope};
    /// use inclusion_geo::HelpIndex;
    /// use inclusion_model::{Address, Coordinates, Place};
    ///
    /// let gazetteer = Gazetteer::parse("code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n\
    ///     38185\tGrenoble\t38\t38000\t156140\t45.17869\t5.71479\tI\n\
    ///     38421\tSaint-Martin-d'Hères\t38\t38400\t38000\t45.16\t5.76\tI\n\
    ///     38052\tLe Bourg-d'Oisans\t38\t38520\t3300\t45.0552\t6.0306\tI\n").unwrap();
    /// let mut place = Place::new("mediatheque", "00000000000000", "Médiathèque",
    ///     Address::new("1 rue A", "38000", "Grenoble"), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    /// place.coordinates = Some(Coordinates::new(45.188, 5.725)?);
    /// let index = HelpIndex::build([place]).unwrap();
    ///
    /// let report = CoverageRequest::new(Scope::departement("38")).run(&index, &gazetteer)?;
    /// assert_eq!(report.total.communes, 3);
    /// // Only Le Bourg-d'Oisans is farther than 10 km (about 28 km).
    /// assert_eq!(report.total.beyond[1].communes, 1);
    /// assert_eq!(report.total.beyond[1].population, 3300);
    /// assert_eq!(report.ranked[0].name, "Le Bourg-d'Oisans");
    /// assert!(CoverageRequest::new(Scope::region("99")).run(&index, &gazetteer).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn run(
        &self,
        index: &HelpIndex,
        gazetteer: &Gazetteer,
    ) -> Result<CoverageReport, CoverageError> {
        self.run_parallel(index, gazetteer, NonZeroUsize::MIN)
    }

    /// [`CoverageRequest::run`] with the nearest-place queries on up to `threads` threads
    /// ([`HelpIndex::nearest_many_parallel`]: at least 512 communes per thread). The report is
    /// the same.
    ///
    /// ```
    /// use std::num::NonZeroUsize;
    /// use chrono::NaiveDate;
    /// use inclusion_coverage::{CoverageRequest, Scope};
    /// use inclusion_geo::HelpIndex;
    /// use inclusion_model::{Address, Coordinates, Place};
    /// use inclusion_territory::communes::Gazetteer;
    ///
    /// let places = [("lyon", 45.76, 4.84), ("grenoble", 45.19, 5.72), ("clermont", 45.78, 3.08)]
    ///     .map(|(id, lat, lon)| {
    ///         let mut p = Place::new(id, "00000000000000", id, Address::new("-", "69001", "-"),
    ///             NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    ///         p.coordinates = Some(Coordinates::new(lat, lon).unwrap());
    ///         p
    ///     });
    /// let index = HelpIndex::build(places)?;
    /// // The 4,000-odd communes of Auvergne-Rhône-Alpes, half on each thread.
    /// let request = CoverageRequest::new(Scope::region("84"));
    /// let two = NonZeroUsize::new(2).unwrap();
    /// let report = request.run_parallel(&index, Gazetteer::embedded(), two)?;
    /// assert_eq!(report, request.run(&index, Gazetteer::embedded())?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn run_parallel(
        &self,
        index: &HelpIndex,
        gazetteer: &Gazetteer,
        threads: NonZeroUsize,
    ) -> Result<CoverageReport, CoverageError> {
        let mut request = self.clone();
        request.thresholds_km = checked_thresholds(&self.thresholds_km)?;
        let largest = request.thresholds_km.last().copied().unwrap_or_default();
        let rank_km = checked_thresholds(&[self.rank_beyond_km.unwrap_or(largest)])?
            .first()
            .copied()
            .unwrap_or(largest);
        request.rank_beyond_km = Some(rank_km);
        let (territory_name, selected) = select(&self.territory, gazetteer)?;
        if index.is_empty() {
            return Err(CoverageError::NoPlaces(index.places().len()));
        }

        let matching_places = matching_places(index, &self.filter);
        // One batch of nearest-place queries for every commune with a point (none when no
        // place matches): answered in a cache-friendly order, each bounded by the previous.
        let positions: Vec<(f64, f64)> = if matching_places.is_empty() {
            Vec::new()
        } else {
            selected
                .iter()
                .filter_map(|c| c.point.map(|p| (p.latitude, p.longitude)))
                .collect()
        };
        let nearest = index.nearest_many_parallel(&positions, 1, &self.filter, threads)?;
        let mut nearest = nearest.iter();
        let thresholds_m: Vec<f64> = request.thresholds_km.iter().map(|&t| km_to_m(t)).collect();
        let mut communes = Vec::with_capacity(selected.len());
        let mut region_of = RegionOf::default();
        for commune in selected {
            let mut c = CommuneCoverage {
                code: commune.code.clone(),
                name: commune.name.clone(),
                departement: commune.departement.clone(),
                region: region_of
                    .get(&commune.departement)
                    .map(|r| r.code.to_owned()),
                population: commune.population,
                latitude: commune.point.map(|p| p.latitude),
                longitude: commune.point.map(|p| p.longitude),
                approximate_point: commune
                    .point
                    .is_some_and(|p| p.source == PointSource::SharedPostcode),
                distance_m: None,
                nearest_place: None,
                band: None,
            };
            if commune.point.is_some() {
                if let Some(hit) = nearest.next().and_then(|hits| hits.first()) {
                    c.distance_m = Some(round_mm(hit.distance_m));
                    c.nearest_place = Some(index.place(hit).id.to_string());
                }
                c.band = Some(
                    thresholds_m
                        .iter()
                        .take_while(|&&t| c.distance_m.is_none_or(|d| d > t))
                        .count(),
                );
            }
            communes.push(c);
        }

        let total = aggregate(
            AreaKind::Territory,
            "",
            &territory_name,
            &communes,
            &request.thresholds_km,
        );
        let (by_region, by_departement) = by_area(&communes, &request.thresholds_km);
        let rank_m = km_to_m(rank_km);
        let mut ranked: Vec<&CommuneCoverage> =
            communes.iter().filter(|c| c.is_beyond(rank_m)).collect();
        ranked.sort_unstable_by(|a, b| b.population.cmp(&a.population).then(a.code.cmp(&b.code)));
        let ranked: Vec<CommuneCoverage> = ranked.into_iter().take(request.top).cloned().collect();

        let places = PlaceCounts {
            total: index.places().len(),
            without_coordinates: index.places().len() - index.len(),
            matching: matching_places.len(),
        };
        let filter_description = self.filter.describe();
        let notices = notices(index, &places, &filter_description, &total, &communes);
        Ok(CoverageReport {
            request,
            territory_name,
            filter_description,
            places,
            matching_places,
            communes,
            total,
            by_region,
            by_departement,
            ranked,
            notices,
        })
    }
}

/// The région of a département, remembered from one commune to the next: communes come sorted
/// by code, so grouped by département, and the table is looked up once per département.
#[derive(Default)]
struct RegionOf<'a> {
    last: Option<(&'a str, Option<&'static Region>)>,
}

impl<'a> RegionOf<'a> {
    fn get(&mut self, departement: &'a str) -> Option<&'static Region> {
        match self.last {
            Some((d, r)) if d == departement => r,
            _ => {
                let r = region_of_departement(departement);
                self.last = Some((departement, r));
                r
            }
        }
    }
}

/// Thresholds sorted and deduplicated, or the first invalid one.
fn checked_thresholds(thresholds: &[f64]) -> Result<Vec<f64>, CoverageError> {
    if thresholds.is_empty() {
        return Err(CoverageError::NoThresholds);
    }
    if let Some(&bad) = thresholds.iter().find(|t| !(t.is_finite() && **t >= 0.0)) {
        return Err(CoverageError::InvalidThreshold(bad));
    }
    let mut sorted = thresholds.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.dedup_by(|a, b| km_to_m(*a) == km_to_m(*b));
    Ok(sorted)
}

/// The territory's name and communes (sorted by code, as in the gazetteer).
fn select<'g>(
    territory: &Scope,
    gazetteer: &'g Gazetteer,
) -> Result<(String, Vec<&'g Commune>), CoverageError> {
    let all = gazetteer.communes();
    let (name, selected): (String, Vec<&Commune>) = match territory {
        Scope::All => ("France (every commune)".to_owned(), all.iter().collect()),
        Scope::Region(code) => {
            let r = region(code).ok_or_else(|| CoverageError::UnknownRegion(code.trim().into()))?;
            let mut region_of = RegionOf::default();
            let selected = all
                .iter()
                .filter(|c| region_of.get(&c.departement).is_some_and(|cr| cr == r))
                .collect();
            (format!("{} (région {})", r.name, r.code), selected)
        }
        Scope::Departement(code) => {
            let d = departement(code)
                .ok_or_else(|| CoverageError::UnknownDepartement(code.trim().into()))?;
            let selected = all.iter().filter(|c| c.departement == d.code).collect();
            let what = if d.region.is_some() {
                "département"
            } else {
                "collectivité"
            };
            (format!("{} ({what} {})", d.name, d.code), selected)
        }
        Scope::Communes(codes) => {
            let mut selected = Vec::new();
            let mut unknown = Vec::new();
            for code in codes {
                match gazetteer.by_code(code) {
                    Some(c) => selected.push(c),
                    None => unknown.push(code.trim().to_owned()),
                }
            }
            if !unknown.is_empty() {
                return Err(CoverageError::UnknownCommunes(unknown));
            }
            selected.sort_by(|a, b| a.code.cmp(&b.code));
            selected.dedup_by(|a, b| a.code == b.code);
            let name = match &selected[..] {
                [one] => one.label(),
                list => format!("{} communes", list.len()),
            };
            (name, selected)
        }
    };
    if selected.is_empty() {
        return Err(CoverageError::EmptyTerritory(name));
    }
    Ok((name, selected))
}

/// The places with coordinates that pass the filter, `open_at` included (evaluated as the
/// index does: places without valid opening hours are not open).
fn matching_places(index: &HelpIndex, filter: &HelpFilter) -> Vec<PlacePoint> {
    index
        .places()
        .iter()
        .enumerate()
        .filter_map(|(i, place)| {
            let c = place.coordinates?;
            let open = filter.open_at.is_none_or(|at| {
                let hit = Hit {
                    place: i,
                    distance_m: 0.0,
                };
                index.is_open_at(&hit, at) == Some(true)
            });
            (open && filter.accepts(place)).then(|| PlacePoint {
                id: place.id.to_string(),
                name: place.name.to_string(),
                latitude: c.latitude(),
                longitude: c.longitude(),
            })
        })
        .collect()
}

fn notices(
    index: &HelpIndex,
    places: &PlaceCounts,
    filter: &str,
    total: &AreaCoverage,
    communes: &[CommuneCoverage],
) -> Vec<Notice> {
    let mut notices = Vec::new();
    if places.matching == 0 {
        notices.push(Notice {
            kind: NoticeKind::NoMatchingPlace,
            count: 0,
            message: format!(
                "no place matches the filter ({filter}): every measured commune counts as beyond \
                 every threshold"
            ),
        });
    }
    if places.without_coordinates > 0 {
        let ids: Vec<&str> = index
            .places()
            .iter()
            .filter(|p| p.coordinates.is_none())
            .take(5)
            .map(|p| p.id.as_str())
            .collect();
        let more = if places.without_coordinates > ids.len() {
            ", …"
        } else {
            ""
        };
        notices.push(Notice {
            kind: NoticeKind::PlacesWithoutCoordinates,
            count: places.without_coordinates,
            message: format!(
                "{} of {} places have no coordinates and were left out (id: {}{more})",
                places.without_coordinates,
                places.total,
                ids.join(", ")
            ),
        });
    }
    let unlocated = total.communes - total.located_communes;
    if unlocated > 0 {
        let population = total.population - total.located_population;
        let share = if total.population > 0 {
            100.0 * population as f64 / total.population as f64
        } else {
            0.0
        };
        notices.push(Notice {
            kind: NoticeKind::CommunesWithoutPoint,
            count: unlocated,
            message: format!(
                "{} of {} communes ({} inhabitants, {share:.1}% of the population) have no \
                 known point in the gazetteer: their distance is unknown and they are left out of \
                 the shares",
                thousands(unlocated as u64),
                thousands(total.communes as u64),
                thousands(population)
            ),
        });
    }
    let approximate: Vec<&CommuneCoverage> =
        communes.iter().filter(|c| c.approximate_point).collect();
    if !approximate.is_empty() {
        let population: u64 = approximate.iter().map(|c| u64::from(c.population)).sum();
        notices.push(Notice {
            kind: NoticeKind::ApproximatePoints,
            count: approximate.len(),
            message: format!(
                "{} of {} communes ({} inhabitants) have an approximate point, that of the most \
                 populous commune sharing their postcode: their distance is that commune's",
                thousands(approximate.len() as u64),
                thousands(total.communes as u64),
                thousands(population)
            ),
        });
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_sorted_deduplicated_and_checked() {
        assert_eq!(
            checked_thresholds(&[20.0, 5.0, 10.0, 5.0]).unwrap(),
            [5.0, 10.0, 20.0]
        );
        assert_eq!(checked_thresholds(&[]), Err(CoverageError::NoThresholds));
        assert_eq!(
            checked_thresholds(&[5.0, -1.0]),
            Err(CoverageError::InvalidThreshold(-1.0))
        );
        assert!(matches!(
            checked_thresholds(&[f64::NAN]),
            Err(CoverageError::InvalidThreshold(t)) if t.is_nan()
        ));
        assert!(checked_thresholds(&[f64::INFINITY]).is_err());
        assert_eq!(checked_thresholds(&[0.0]).unwrap(), [0.0]);
    }
}
