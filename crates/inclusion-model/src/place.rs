//! [`Place`]: a "lieu de médiation numérique", with the 32 fields of schema v1.0.2, typed.

use chrono::NaiveDate;
use compact_str::CompactString;

use crate::hours::OpeningHours;
use crate::labels::Labels;
use crate::typology::Typology;
use crate::vocab::{
    AccessMode, Fee, Mobility, NationalProgramme, Public, Service, SpecificSupport, SupportMode,
    TrainingLabel,
};

/// A place that helps people with digital tools: a "lieu de médiation numérique".
///
/// Every field of the standard (v1.0.2) is here, typed; the column each field comes from is
/// named in its documentation. Lists keep the order (and duplicates) of the file, so that
/// nothing read is lost; the lists of a closed vocabulary are [`Labels`], which hold their
/// values inline (no allocation). Texts are [`CompactString`]s: a `str` of up to 24 bytes
/// (codes, phone numbers, most names) is kept inline, a longer one on the heap; they deref to
/// `str`, compare with `&str`, and are made from `&str` or `String` with `.into()`.
///
/// Build one by reading a file (see [`crate::read`]) or with [`Place::new`] and the public fields:
///
/// ```
/// use inclusion_model::{Place, Address, Coordinates, Service};
/// use chrono::NaiveDate;
///
/// let mut place = Place::new(
///     "structure-1",
///     "43493312300029",
///     "Anonymal",
///     Address::new("12 BIS RUE DE LECLERCQ", "51100", "Reims"),
///     NaiveDate::from_ymd_opt(2024, 4, 2).unwrap(),
/// );
/// place.coordinates = Some(Coordinates::new(49.2583, 4.0317)?);
/// place.services.push(Service::AdministrativeProcedures);
/// place.contact.phone = Some("+33326000000".into());
/// assert!(place.offers(Service::AdministrativeProcedures));
/// assert_eq!(place.name, "Anonymal");
/// let name: String = place.name.to_string();
/// # Ok::<(), inclusion_model::ModelError>(())
/// ```
// The fields are laid out in this order (`repr(C)`), the one the compiler chose when the
// texts were `String`s: the index's build reads the coordinates, `id`, `code_postal`,
// `code_insee`, the label lists and the hours of every place, and reads them fastest in this
// layout. The layout the compiler chose for `CompactString` texts made that read 35 % slower
// (ARCHITECTURE.md, "Build, ninth session").
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[repr(C)]
pub struct Place {
    /// `latitude` and `longitude` (WGS84), when both are given and finite.
    pub coordinates: Option<Coordinates>,
    /// `id`: the producer's local, unique identifier of the place (required).
    pub id: CompactString,
    /// `pivot`: SIRET (14 digits), RNA (`W` + 9) or RIDET of the structure (required).
    pub pivot: CompactString,
    /// `nom`: the name of the place (required).
    pub name: CompactString,
    /// `adresse`, `complement_adresse`, `code_postal`, `code_insee`, `commune`.
    pub address: Address,
    /// `typologie`: the kinds of structure.
    pub typology: Vec<Typology>,
    /// `telephone`, `courriels`, `site_web`.
    pub contact: Contact,
    /// `autres_formations_labels`: other trainings and labels (free text).
    pub other_labels: Vec<CompactString>,
    /// Non-empty values of columns that are not in the standard (name, value), in the order of
    /// the file's columns (CSV) or of the keys (JSON, whose objects have no order): kept so that
    /// nothing read is lost (the writers of the standard's formats leave them out).
    pub extra: Vec<(String, String)>,
    /// `presentation_resume`: a short presentation (at most 280 characters in the standard).
    pub summary: Option<CompactString>,
    /// `presentation_detail`: a detailed presentation.
    pub description: Option<CompactString>,
    /// `source`: the structure that collected the data.
    pub source: Option<CompactString>,
    /// `structure_parente`: the parent structure or network.
    pub parent_organisation: Option<CompactString>,
    /// `fiche_acces_libre`: URL of the place's accessibility page on acceslibre.
    pub accessibility_url: Option<CompactString>,
    /// `prise_rdv`: URL of the online booking page.
    pub booking_url: Option<CompactString>,
    /// `itinerance`: fixed and/or itinerant.
    pub mobility: Labels<Mobility>,
    /// `services`: what help the place gives.
    pub services: Labels<Service>,
    /// `publics_specifiquement_adresses`: publics specifically addressed (by default, everyone).
    pub publics: Labels<Public>,
    /// `prise_en_charge_specifique`: specific support (disabilities, languages, illiteracy).
    pub specific_support: Labels<SpecificSupport>,
    /// `frais_a_charge`: what the person pays.
    pub fees: Labels<Fee>,
    /// `dispositif_programmes_nationaux`: national schemes and programmes.
    pub national_programmes: Labels<NationalProgramme>,
    /// `formations_labels`: trainings and labels.
    pub training_labels: Labels<TrainingLabel>,
    /// `modalites_acces`: how to get in touch.
    pub access_modes: Labels<AccessMode>,
    /// `modalites_accompagnement`: how help is given.
    pub support_modes: Labels<SupportMode>,
    /// `horaires`: opening hours in the OpenStreetMap `opening_hours` syntax.
    pub opening_hours: Option<OpeningHours>,
    /// `date_maj`: the date of the last update (required).
    pub updated_on: NaiveDate,
}

impl Place {
    /// A place with its required fields and every optional field empty.
    pub fn new(
        id: impl Into<CompactString>,
        pivot: impl Into<CompactString>,
        name: impl Into<CompactString>,
        address: Address,
        updated_on: NaiveDate,
    ) -> Place {
        Place {
            id: id.into(),
            pivot: pivot.into(),
            name: name.into(),
            address,
            coordinates: None,
            typology: Vec::new(),
            contact: Contact::default(),
            opening_hours: None,
            summary: None,
            description: None,
            source: None,
            mobility: Labels::new(),
            parent_organisation: None,
            updated_on,
            services: Labels::new(),
            publics: Labels::new(),
            specific_support: Labels::new(),
            fees: Labels::new(),
            national_programmes: Labels::new(),
            training_labels: Labels::new(),
            other_labels: Vec::new(),
            access_modes: Labels::new(),
            support_modes: Labels::new(),
            accessibility_url: None,
            booking_url: None,
            extra: Vec::new(),
        }
    }

    /// Whether the place offers this service.
    pub fn offers(&self, service: Service) -> bool {
        self.services.contains(&service)
    }

    /// The place's position as a `geo_types::Point` (x = longitude, y = latitude), the exchange
    /// type of the georust crates: from there it is GeoJSON (`geojson`), WKT (`wkt`), a PostGIS
    /// value (`geozero`, `postgis`)... `None` without coordinates.
    ///
    /// ```
    /// use inclusion_model::{Address, Coordinates, Place};
    /// use chrono::NaiveDate;
    ///
    /// let mut p = Place::new("p", "00000000000000", "Médiathèque",
    ///     Address::new("1 rue A", "38000", "Grenoble"), NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    /// assert_eq!(p.point(), None);
    /// p.coordinates = Some(Coordinates::new(45.19, 5.72)?);
    /// assert_eq!(p.point(), Some(geo_types::Point::new(5.72, 45.19)));
    /// # Ok::<(), inclusion_model::ModelError>(())
    /// ```
    pub fn point(&self) -> Option<geo_types::Point<f64>> {
        self.coordinates.map(Into::into)
    }

    /// Whether the place receives the public: `modalites_acces` does not say
    /// « Ce lieu n'accueille pas de public ».
    pub fn receives_public(&self) -> bool {
        !self.access_modes.contains(&AccessMode::NoPublicReception)
    }
}

/// The postal address of a place.
// In this order (`repr(C)`): see `Place`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
#[repr(C)]
pub struct Address {
    /// `adresse`: number and street, e.g. `12 BIS RUE DE LECLERCQ` (required).
    pub street: CompactString,
    /// `code_postal`: five digits (required).
    pub postcode: CompactString,
    /// `commune`: the commune's name (required).
    pub commune: CompactString,
    /// `complement_adresse`: building, floor, etc.
    pub complement: Option<CompactString>,
    /// `code_insee`: the official geographic code of the commune (COG), e.g. `51454`, `2A004`.
    pub insee_code: Option<CompactString>,
}

impl Address {
    /// An address with its required parts.
    pub fn new(
        street: impl Into<CompactString>,
        postcode: impl Into<CompactString>,
        commune: impl Into<CompactString>,
    ) -> Address {
        Address {
            street: street.into(),
            complement: None,
            postcode: postcode.into(),
            insee_code: None,
            commune: commune.into(),
        }
    }
}

/// How to reach a place.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Contact {
    /// `telephone`: one number in international form without spaces, e.g. `+33180059880`.
    pub phone: Option<CompactString>,
    /// `courriels`: e-mail addresses.
    pub emails: Vec<CompactString>,
    /// `site_web`: web sites.
    pub websites: Vec<CompactString>,
}

/// A WGS84 position, in decimal degrees; both values are finite and in range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coordinates {
    latitude: f64,
    longitude: f64,
}

impl Coordinates {
    /// A position; fails unless `latitude` is in [-90, 90] and `longitude` in [-180, 180].
    ///
    /// ```
    /// use inclusion_model::Coordinates;
    /// let c = Coordinates::new(45.19, 5.72)?;
    /// assert_eq!((c.latitude(), c.longitude()), (45.19, 5.72));
    /// assert!(Coordinates::new(95.0, 5.72).is_err());
    /// assert!(Coordinates::new(f64::NAN, 5.72).is_err());
    /// # Ok::<(), inclusion_model::ModelError>(())
    /// ```
    pub fn new(latitude: f64, longitude: f64) -> Result<Coordinates, crate::ModelError> {
        if latitude.is_finite()
            && longitude.is_finite()
            && (-90.0..=90.0).contains(&latitude)
            && (-180.0..=180.0).contains(&longitude)
        {
            Ok(Coordinates {
                latitude,
                longitude,
            })
        } else {
            Err(crate::ModelError::InvalidCoordinates {
                latitude,
                longitude,
            })
        }
    }

    /// Latitude in degrees, in [-90, 90].
    pub fn latitude(self) -> f64 {
        self.latitude
    }

    /// Longitude in degrees, in [-180, 180].
    pub fn longitude(self) -> f64 {
        self.longitude
    }
}

/// A position as a `geo_types::Point`: x is the longitude, y the latitude (the georust
/// convention, as in GeoJSON and WKT).
///
/// ```
/// use inclusion_model::Coordinates;
/// use geo_types::Point;
///
/// let grenoble = Coordinates::new(45.19, 5.72)?;
/// let point: Point<f64> = grenoble.into();
/// assert_eq!((point.x(), point.y()), (5.72, 45.19));
/// // Back, checked: finite and in range.
/// assert_eq!(Coordinates::try_from(point)?, grenoble);
/// assert!(Coordinates::try_from(Point::new(5.72, 95.0)).is_err());
/// assert!(Coordinates::try_from(Point::new(f64::NAN, 45.19)).is_err());
/// # Ok::<(), inclusion_model::ModelError>(())
/// ```
impl From<Coordinates> for geo_types::Point<f64> {
    fn from(c: Coordinates) -> geo_types::Point<f64> {
        geo_types::Point::new(c.longitude, c.latitude)
    }
}

/// A `geo_types::Point` (x = longitude, y = latitude) as coordinates, checked like
/// [`Coordinates::new`].
impl TryFrom<geo_types::Point<f64>> for Coordinates {
    type Error = crate::ModelError;

    fn try_from(point: geo_types::Point<f64>) -> Result<Coordinates, crate::ModelError> {
        Coordinates::new(point.y(), point.x())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading 100,000 places writes (and faults in) `size_of::<Place>()` bytes for each: the
    /// size is a measured cost (README, "Reading speed"), kept from growing unnoticed.
    #[test]
    fn a_place_takes_at_most_664_bytes() {
        assert!(std::mem::size_of::<Place>() <= 664);
        assert_eq!(std::mem::size_of::<Labels<Service>>(), 16);
    }
}
