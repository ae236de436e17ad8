//! From a diagnostic to places: the nearest places that give the help a person needs, with the
//! search relaxed step by step when too few places match.
//!
//! This joins `inclusion-skills` (which says what help to look for, as a
//! [`Criteria`] inside [`HelpNeeds`]) and `inclusion-geo` (which finds
//! the nearest places that meet it). Real files often leave `prise_en_charge_specifique`,
//! `modalites_accompagnement` or `dispositif_programmes_nationaux` empty, so an exact search
//! can find nothing near a person who does have help nearby: [`nearest_for_needs`] tries the
//! searches of [`HelpNeeds::relaxations`] in order (exact, then without the specific support,
//! without the support modes, services only) and stops at the first that finds `k` places,
//! keeping the one that found the most; the answer says how far the search was relaxed.
//!
//! ```
//! # #[cfg(feature = "embedded-data")] {
//! use inclusion::geo::HelpIndex;
//! use inclusion::orient::nearest_for_needs;
//! use inclusion::skills::{Accompaniment, Context, HelpNeeds, Relaxation};
//!
//! let needs = HelpNeeds::derive(Accompaniment::OnBehalf, &Default::default(), &Context::default());
//! let index = HelpIndex::build(inclusion::data::sample_places().iter().cloned())?;
//! let found = nearest_for_needs(&index, &needs, 45.19, 5.72, 3)?; // Grenoble
//! assert_eq!(found.hits.len(), 3);
//! // The embedded places declare no national programme: the search ended with services only.
//! assert_eq!(found.relaxation, Relaxation::ServicesOnly);
//! assert!(found.hits.iter().all(|h| found.criteria.accepts(index.place(h))));
//! # }
//! # Ok::<(), inclusion::geo::GeoError>(())
//! ```

use std::fmt::Write;

use chrono::{DateTime, Utc};
use inclusion_geo::{GeoError, HelpFilter, HelpIndex, Hit};
use inclusion_model::{Criteria, Lang, Service};
use inclusion_skills::{HelpNeeds, Relaxation};

/// What [`nearest_for_needs`] found.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Orientation {
    /// How far the search was relaxed ([`Relaxation::Exact`] when every criterion was kept).
    pub relaxation: Relaxation,
    /// The criteria of the search that gave [`Orientation::hits`].
    pub criteria: Criteria,
    /// The nearest places that meet them, nearest first (fewer than `k` when even the
    /// loosest search found fewer).
    pub hits: Vec<Hit>,
    /// For each service of [`HelpNeeds::also_suggest`] (equipment, connection), the nearest
    /// place that offers it and receives the public, if any.
    pub also: Vec<(Service, Option<Hit>)>,
}

/// The `k` nearest places of `index` to (`latitude`, `longitude`) that give the help of
/// `needs`, relaxing the search when fewer than `k` match (see the [module docs](self)).
///
/// # Errors
/// The index's errors: an invalid position, `k = 0`.
pub fn nearest_for_needs(
    index: &HelpIndex,
    needs: &HelpNeeds,
    latitude: f64,
    longitude: f64,
    k: usize,
) -> Result<Orientation, GeoError> {
    let mut best: Option<(Relaxation, Criteria, Vec<Hit>)> = None;
    for (relaxation, relaxed) in needs.relaxations() {
        let filter = HelpFilter::from(relaxed.criteria.clone());
        let hits = index.nearest(latitude, longitude, k, &filter)?;
        let enough = hits.len() >= k;
        if best.as_ref().is_none_or(|(_, _, h)| hits.len() > h.len()) {
            best = Some((relaxation, relaxed.criteria, hits));
        }
        if enough {
            break;
        }
    }
    let (relaxation, criteria, hits) =
        best.unwrap_or_else(|| (Relaxation::Exact, needs.criteria.clone(), Vec::new()));
    let also = needs
        .also_suggest
        .iter()
        .map(|&service| {
            let filter = HelpFilter::default()
                .services([service])
                .exclude_access_modes(needs.criteria.exclude_access_modes.iter().copied());
            let hit = index.nearest(latitude, longitude, 1, &filter)?;
            Ok((service, hit.into_iter().next()))
        })
        .collect::<Result<_, GeoError>>()?;
    Ok(Orientation {
        relaxation,
        criteria,
        hits,
        also,
    })
}

impl Orientation {
    /// The places found, as a mediator reads them: the relaxation said in words, then one line
    /// per place (distance, name, postcode and commune, open or closed at `now`, phone), then
    /// the separate suggestions. `from` names the starting point and `source` the places
    /// searched (both printed in the heading).
    pub fn text(
        &self,
        index: &HelpIndex,
        from: &str,
        source: &str,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} {from} ({} {source})",
            lang.pick("Lieux les plus proches de", "Nearest places to"),
            index.len(),
        );
        let relaxed = match self.relaxation {
            Relaxation::Exact => None,
            Relaxation::WithoutSpecificSupport => Some(lang.pick(
                "(aucun lieu assez proche ne déclare la prise en charge spécifique : critère retiré)",
                "(no place near enough declares the specific support: criterion dropped)",
            )),
            Relaxation::WithoutSupportModes => Some(lang.pick(
                "(critères assouplis : sans prise en charge spécifique ni modalité d'accompagnement)",
                "(relaxed: without specific support or support modes)",
            )),
            _ => Some(lang.pick(
                "(critères assouplis : services seulement ; vérifier avec le lieu le dispositif, l'accompagnement et la prise en charge)",
                "(relaxed: services only; check the programme, support mode and specific support with the place)",
            )),
        };
        if let Some(relaxed) = relaxed {
            let _ = writeln!(out, "  {relaxed}");
        }
        if self.hits.is_empty() {
            let _ = writeln!(
                out,
                "  {}",
                lang.pick("aucun lieu ne correspond", "no place matches")
            );
        }
        for (rank, hit) in self.hits.iter().enumerate() {
            let place = index.place(hit);
            let open = match index.is_open_at(hit, now) {
                Some(true) => lang.pick("ouvert maintenant", "open now"),
                Some(false) => lang.pick("fermé maintenant", "closed now"),
                None => lang.pick("horaires inconnus", "hours unknown"),
            };
            let _ = writeln!(
                out,
                "  {}. {:>6.1} km  {} — {} {} — {open}",
                rank + 1,
                hit.distance_m / 1000.0,
                place.name,
                place.address.postcode,
                place.address.commune
            );
            if let Some(phone) = &place.contact.phone {
                let _ = writeln!(out, "              {phone}");
            }
        }
        for (service, hit) in &self.also {
            let found = hit.map_or_else(
                || {
                    lang.pick("aucun lieu dans les données", "no place in the data")
                        .to_owned()
                },
                |h| {
                    let p = index.place(&h);
                    format!(
                        "{:.1} km, {} — {}",
                        h.distance_m / 1000.0,
                        p.name,
                        p.address.commune
                    )
                },
            );
            let _ = writeln!(
                out,
                "  {} « {} » : {found}",
                lang.pick("aussi", "also"),
                service.label_fr()
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use inclusion_model::{
        AccessMode, Address, Coordinates, NationalProgramme, Place, SpecificSupport, SupportMode,
    };
    use inclusion_skills::{Accompaniment, Context, Flag, Tri};

    fn place(id: &str, km_north: f64, services: &[Service], modes: &[SupportMode]) -> Place {
        let mut p = Place::new(
            id,
            "00000000000000",
            id,
            Address::new("1 rue A", "38000", "Grenoble"),
            NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        );
        p.coordinates = Some(Coordinates::new(45.0 + km_north / 111.2, 5.7).unwrap());
        p.services = services.into();
        p.support_modes = modes.into();
        p
    }

    fn needs(flags: &[Flag]) -> HelpNeeds {
        let mut context = Context::default();
        context.franceconnect = Tri::Yes;
        HelpNeeds::derive(
            Accompaniment::OnBehalf,
            &flags.iter().copied().collect(),
            &context,
        )
    }

    #[test]
    fn exact_search_when_enough_places_match() {
        let admin = [Service::AdministrativeProcedures];
        let individual = [SupportMode::Individual];
        let mut near = place("a", 1.0, &admin, &individual);
        near.national_programmes = [NationalProgramme::FranceServices].into();
        let mut far = place("b", 9.0, &admin, &individual);
        far.national_programmes = [NationalProgramme::AidantsConnect].into();
        let other = place("c", 0.5, &admin, &[]);
        let index = HelpIndex::build([near, far, other]).unwrap();
        let found = nearest_for_needs(&index, &needs(&[]), 45.0, 5.7, 2).unwrap();
        assert_eq!(found.relaxation, Relaxation::Exact);
        let ids: Vec<&str> = found
            .hits
            .iter()
            .map(|h| index.place(h).id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(found.criteria, needs(&[]).criteria);
    }

    #[test]
    fn relaxes_step_by_step_and_keeps_the_best_search() {
        let admin = [Service::AdministrativeProcedures];
        // One place with the programme but no specific support, one with services only.
        let mut programme = place("a", 3.0, &admin, &[SupportMode::Individual]);
        programme.national_programmes = [NationalProgramme::FranceServices].into();
        let bare = place("b", 1.0, &admin, &[]);
        let closed = {
            let mut p = place("c", 0.1, &admin, &[]);
            p.access_modes = [AccessMode::NoPublicReception].into();
            p
        };
        let index = HelpIndex::build([programme, bare, closed]).unwrap();
        let n = needs(&[Flag::Deafness]);
        // k = 1: dropping the specific support finds the programme place.
        let one = nearest_for_needs(&index, &n, 45.0, 5.7, 1).unwrap();
        assert_eq!(one.relaxation, Relaxation::WithoutSpecificSupport);
        assert_eq!(index.place(&one.hits[0]).id, "a");
        assert!(one.criteria.specific_support.is_empty());
        // k = 2: only the services-only search finds two; the place without public reception
        // stays out at every step.
        let two = nearest_for_needs(&index, &n, 45.0, 5.7, 2).unwrap();
        assert_eq!(two.relaxation, Relaxation::ServicesOnly);
        let ids: Vec<&str> = two
            .hits
            .iter()
            .map(|h| index.place(h).id.as_str())
            .collect();
        assert_eq!(ids, ["b", "a"]);
        // k = 5: no search finds five; the one that found the most is kept (the first of them).
        let five = nearest_for_needs(&index, &n, 45.0, 5.7, 5).unwrap();
        assert_eq!(
            (five.relaxation, five.hits.len()),
            (Relaxation::ServicesOnly, 2)
        );
    }

    #[test]
    fn text_says_the_relaxation_the_places_and_the_suggestions() {
        let admin = [Service::AdministrativeProcedures];
        let mut p = place("a", 3.0, &admin, &[SupportMode::Individual]);
        p.contact.phone = Some("+33476000000".into());
        let index = HelpIndex::build([p]).unwrap();
        let mut n = needs(&[Flag::Deafness, Flag::NeedsEquipment]);
        n.criteria.national_programmes.clear();
        let found = nearest_for_needs(&index, &n, 45.0, 5.7, 1).unwrap();
        let now = chrono::Utc::now();
        let fr = found.text(&index, "Grenoble", "lieux", Lang::Fr, now);
        assert!(
            fr.starts_with("Lieux les plus proches de Grenoble (1 lieux)\n"),
            "{fr}"
        );
        assert!(fr.contains("critère retiré"), "{fr}");
        assert!(
            fr.contains("  1.    3.0 km  a — 38000 Grenoble — horaires inconnus\n"),
            "{fr}"
        );
        assert!(fr.contains("+33476000000"));
        assert!(fr.contains("aussi « Acquisition de matériel informatique à prix solidaire » : aucun lieu dans les données"), "{fr}");
        let en = found.text(&index, "Grenoble", "places", Lang::En, now);
        assert!(
            en.contains("criterion dropped") && en.contains("hours unknown"),
            "{en}"
        );
    }

    #[test]
    fn also_suggest_finds_the_nearest_equipment_place() {
        let mut n = needs(&[Flag::NeedsEquipment]);
        n.criteria.specific_support = vec![SpecificSupport::Deafness];
        let shop = place("shop", 4.0, &[Service::AffordableEquipment], &[]);
        let index = HelpIndex::build([shop]).unwrap();
        let found = nearest_for_needs(&index, &n, 45.0, 5.7, 1).unwrap();
        assert!(found.hits.is_empty());
        assert_eq!(found.also.len(), 2);
        assert_eq!(found.also[0].0, Service::AffordableEquipment);
        assert_eq!(
            found.also[0]
                .1
                .map(|h| index.place(&h).id.clone())
                .as_deref(),
            Some("shop")
        );
        assert_eq!(found.also[1], (Service::InternetAndEquipmentAccess, None));
        assert!(nearest_for_needs(&index, &n, 95.0, 5.7, 1).is_err());
        assert!(nearest_for_needs(&index, &n, 45.0, 5.7, 0).is_err());
    }
}
