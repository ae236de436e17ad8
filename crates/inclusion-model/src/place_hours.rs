//! The opening-hours methods of [`Place`]: evaluated in the place's own time zone, with the
//! public holidays of its territory (both from `code_postal` / `code_insee`).

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::Place;
use inclusion_hours::{
    Exceptions, Locale, OpeningHours, Status, Territory, WeekBitmap, WeekSchedule, WeeklyForm,
};
use inclusion_territory::Departement;

impl Place {
    /// The territory of the place, from its `code_insee` (preferred) or `code_postal`.
    pub fn territory(&self) -> Territory {
        Territory::from_codes(&self.address.postcode, self.address.insee_code.as_deref())
    }

    /// The time zone of the place (see [`time_zone_for`](inclusion_hours::time_zone_for)).
    pub fn time_zone(&self) -> Tz {
        self.territory().time_zone()
    }

    /// The place's time zone and public holidays, and its school-holiday zone when its
    /// hours use `SH`.
    ///
    /// The school zone is set only for hours with `SH`: other hours evaluate the same
    /// without it, and places then share one locale per territory (a spatial index keeps
    /// the distinct locales of its places in small masks).
    pub fn hours_locale(&self) -> Locale {
        Locale::of_departement(
            Departement::of_codes(&self.address.postcode, self.address.insee_code.as_deref()),
            self.opening_hours
                .as_ref()
                .is_some_and(OpeningHours::uses_school_holidays),
        )
    }

    /// Open, closed or unknown at an instant, with the place's local time; `None` when the
    /// place has no `horaires` or they do not parse.
    ///
    /// ```
    /// use inclusion_model::{Address, OpeningHours, Place, State};
    /// use chrono::{NaiveDate, TimeZone, Utc};
    ///
    /// let mut place = Place::new("p1", "00000000000000", "Médiathèque",
    ///     Address::new("1 rue de la Gare", "97400", "Saint-Denis"),
    ///     NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    /// place.opening_hours = Some(OpeningHours::new("Mo-Fr 08:00-16:00; PH off"));
    ///
    /// // 05:00 UTC is 09:00 in La Réunion.
    /// let t = Utc.with_ymd_and_hms(2026, 12, 18, 5, 0, 0).unwrap();
    /// let status = place.opening_status(t).unwrap();
    /// assert_eq!(status.state, State::Open);
    /// assert_eq!(status.local_time.to_string(), "2026-12-18 09:00:00 +04");
    /// assert_eq!(place.next_closing(t).unwrap().to_string(), "2026-12-18 16:00:00 +04");
    /// // 20 December is a public holiday in La Réunion (a Sunday in 2026), 21 is a Monday.
    /// let sunday = Utc.with_ymd_and_hms(2026, 12, 20, 5, 0, 0).unwrap();
    /// assert_eq!(place.next_opening(sunday).unwrap().to_string(), "2026-12-21 08:00:00 +04");
    /// ```
    pub fn opening_status(&self, at: DateTime<Utc>) -> Option<Status> {
        self.opening_hours
            .as_ref()?
            .status_at(at, self.hours_locale())
    }

    /// Whether the place is open at an instant (`false` without usable opening hours).
    pub fn is_open_at(&self, at: DateTime<Utc>) -> bool {
        self.opening_hours
            .as_ref()
            .is_some_and(|h| h.is_open_at(at, self.hours_locale()))
    }

    /// The next opening strictly after `at`, in the place's local time.
    pub fn next_opening(&self, at: DateTime<Utc>) -> Option<DateTime<Tz>> {
        self.opening_hours
            .as_ref()?
            .next_opening(at, self.hours_locale())
    }

    /// The next closing strictly after `at`, in the place's local time.
    pub fn next_closing(&self, at: DateTime<Utc>) -> Option<DateTime<Tz>> {
        self.opening_hours
            .as_ref()?
            .next_closing(at, self.hours_locale())
    }

    /// The intervals of the week (local Monday to Sunday) containing `date`, for display.
    pub fn opening_week(&self, date: NaiveDate) -> Option<WeekSchedule> {
        self.opening_hours.as_ref()?.week(date, self.hours_locale())
    }

    /// The compact weekly form for fast filters (see [`WeeklyForm`]); a place without
    /// `horaires` gives [`Exceptions::NOT_EVALUABLE`].
    pub fn weekly_hours(&self) -> WeeklyForm {
        self.opening_hours.as_ref().map_or(
            WeeklyForm {
                bitmap: WeekBitmap::CLOSED,
                exceptions: Exceptions::NOT_EVALUABLE,
            },
            |h| h.weekly_form(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Address, OpeningHours, State};
    use chrono::TimeZone;

    fn place(postcode: &str, insee: Option<&str>, hours: Option<&str>) -> Place {
        let mut address = Address::new("1 rue X", postcode, "Commune");
        address.insee_code = insee.map(Into::into);
        let mut p = Place::new(
            "p",
            "00000000000000",
            "Lieu",
            address,
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        );
        p.opening_hours = hours.map(OpeningHours::new);
        p
    }

    #[test]
    fn the_place_zone_decides_the_local_time() {
        let t = Utc.with_ymd_and_hms(2026, 6, 1, 20, 0, 0).unwrap(); // a Monday
        let hours = Some("Mo 09:00-12:00");
        // 20:00 UTC Monday is 07:00 Tuesday in Nouméa, 10:00 Monday in Tahiti.
        assert!(!place("98800", None, hours).is_open_at(t));
        assert!(place("98714", None, hours).is_open_at(t));
        assert_eq!(
            place("98714", None, hours)
                .opening_status(t)
                .unwrap()
                .local_time
                .to_string(),
            "2026-06-01 10:00:00 -10"
        );
        assert!(!place("75001", None, hours).is_open_at(t));
    }

    #[test]
    fn no_hours_means_nothing_known() {
        let p = place("75001", None, None);
        let t = Utc.with_ymd_and_hms(2026, 6, 1, 10, 0, 0).unwrap();
        assert!(!p.is_open_at(t));
        assert!(p.opening_status(t).is_none());
        assert!(p.next_opening(t).is_none());
        assert!(p.opening_week(t.date_naive()).is_none());
        assert_eq!(p.weekly_hours().exceptions, Exceptions::NOT_EVALUABLE);
    }

    #[test]
    fn alsace_moselle_places_close_on_good_friday() {
        let hours = Some("Mo-Fr 09:00-17:00; PH off");
        // Good Friday 2026 is 3 April.
        let t = Utc.with_ymd_and_hms(2026, 4, 3, 10, 0, 0).unwrap();
        assert!(!place("57000", Some("57463"), hours).is_open_at(t));
        assert!(place("54000", Some("54395"), hours).is_open_at(t));
        assert_eq!(
            place("57000", None, hours).opening_status(t).unwrap().state,
            State::Closed
        );
    }
}
