//! # inclusion
//!
//! Reusable libraries for digital-inclusion services in France. This facade re-exports the
//! crates of the workspace:
//!
//! * [`model`] (`inclusion-model`): the standard of the lieux de médiation numérique.
//! * [`geo`] (`inclusion-geo`): nearest-help lookup on the sphere, with filters and opening
//!   hours, and the gazetteer of French communes (`geo::communes`).
//! * [`skills`] (`inclusion-skills`): the digital-skills diagnostic and the help it recommends.
//! * [`merge`] (`inclusion-merge`): duplicates across sources — candidate pairs, explained
//!   decisions, guarded clusters, merge with provenance, quality score.
//! * [`schema`] (`inclusion-schema`): JSON Schema of every public JSON form, and the
//!   standard's Table Schema.
//! * [`data`]: embedded real places (cargo feature `embedded-data`, on by default).
//! * [`help_filter`]: from the help a diagnostic recommends (`skills`) to the nearest-help
//!   filter (`geo`), the one link between the two crates.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "embedded-data")]
pub mod data;

pub use inclusion_geo as geo;
pub use inclusion_merge as merge;
pub use inclusion_model as model;
pub use inclusion_schema as schema;
pub use inclusion_skills as skills;

/// The nearest-help filter for the help a diagnostic recommends: each list of the
/// [`HelpNeeds`](skills::HelpNeeds) becomes the filter's list of the same vocabulary (a place
/// matches a list when it declares any of its values; lists combine with AND), so that the
/// index selects exactly the places [`HelpNeeds::accepts`](skills::HelpNeeds::accepts).
/// `also_suggest` is left out: it names separate searches.
///
/// ```
/// # #[cfg(feature = "embedded-data")] {
/// use inclusion::geo::HelpIndex;
/// use inclusion::skills::{Accompaniment, Context, HelpNeeds};
///
/// let needs = HelpNeeds::derive(Accompaniment::AccompaniedLearning, &Default::default(), &Context::default());
/// let places = inclusion::data::sample_places();
/// let index = HelpIndex::build(places.iter().cloned())?;
/// let hits = index.nearest(45.19, 5.72, 3, &inclusion::help_filter(&needs))?; // Grenoble
/// assert_eq!(hits.len(), 3);
/// assert!(hits.iter().all(|h| needs.accepts(index.place(h))));
/// # }
/// # Ok::<(), inclusion::geo::GeoError>(())
/// ```
pub fn help_filter(needs: &skills::HelpNeeds) -> geo::HelpFilter {
    geo::HelpFilter::default()
        .services(needs.services.iter().copied())
        .support_modes(needs.support_modes.iter().copied())
        .national_programmes(needs.programmes.iter().copied())
        .specific_support(needs.specific_support.iter().copied())
        .exclude_access_modes(needs.exclude_access_modes.iter().copied())
}
