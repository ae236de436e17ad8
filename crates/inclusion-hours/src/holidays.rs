//! The evaluation contexts of the `opening-hours` crate: the public holidays of each
//! [`Territory`] (see [`inclusion_territory::holidays`]) as a compact calendar for the `PH`
//! selector, each built on its territory's first use.

use std::sync::{Arc, LazyLock, OnceLock};

use compact_calendar::CompactCalendar;
use inclusion_territory::Territory;
use inclusion_territory::holidays::all_public_holidays;
use opening_hours::{Context, ContextHolidays};

/// What every territory's context shares: no school holidays, and the holidays of a context
/// that does not know them.
static SHARED: LazyLock<(Arc<CompactCalendar>, ContextHolidays)> = LazyLock::new(|| {
    let school = Arc::new(CompactCalendar::default());
    let unknown = ContextHolidays::new(Arc::new(CompactCalendar::default()), school.clone());
    (school, unknown)
});

/// The evaluation context (holiday calendar) of each territory of [`Territory::ALL`], built on
/// its first use: a file of one territory builds one calendar, not thirteen.
static CONTEXTS: [OnceLock<Context>; Territory::ALL.len()] =
    [const { OnceLock::new() }; Territory::ALL.len()];

/// A context without any holiday, for the weekly form.
static NO_HOLIDAYS: LazyLock<Context> = LazyLock::new(Context::default);

/// The evaluation context (public holidays of the territory, no school holidays).
pub(crate) fn context(territory: Territory) -> &'static Context {
    let Some(context) = CONTEXTS.get(territory.index()) else {
        return &NO_HOLIDAYS;
    };
    context.get_or_init(|| {
        let (school, unknown) = &*SHARED;
        let calendar: CompactCalendar = all_public_holidays(territory).iter().copied().collect();
        Context::default()
            .with_holidays(ContextHolidays::new(Arc::new(calendar), school.clone()))
            .with_holidays_unknown(unknown.clone())
    })
}

/// The context without holidays.
pub(crate) fn no_holidays() -> &'static Context {
    &NO_HOLIDAYS
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};
    use opening_hours::localization::Country;

    #[test]
    fn national_calendar_matches_the_crate_french_calendar() {
        let reference = Country::FR.holidays();
        let ours = context(Territory::Metropolitan);
        for year in 2000..=2076 {
            let mut day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            while day.year() == year {
                assert_eq!(
                    ours.holidays.get_public().contains(day),
                    reference.get_public().contains(day),
                    "{day}"
                );
                day = day.succ_opt().unwrap();
            }
        }
    }

    #[test]
    fn every_territory_calendar_is_the_territory_list() {
        for t in Territory::ALL {
            let calendar = context(t).holidays.get_public();
            for day in all_public_holidays(t) {
                assert!(calendar.contains(*day), "{t:?} {day}");
            }
            // A day that is no holiday anywhere.
            let d = NaiveDate::from_ymd_opt(2026, 2, 3).unwrap();
            assert!(!calendar.contains(d));
        }
    }
}
