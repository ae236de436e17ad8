//! French public-holiday calendars, one per [`Territory`] (the `PH` selector of opening hours).
//!
//! The calendars are computed here (Easter by the Gregorian computus), for the years
//! 1900–2199, and applied with today's rules to every year.
//!
//! | territory | public holidays |
//! |---|---|
//! | every territory (Code du travail, art. L3133-1) | 1 janvier, lundi de Pâques, 1 mai, 8 mai, Ascension, lundi de Pentecôte, 14 juillet, 15 août, 1 novembre, 11 novembre, 25 décembre |
//! | Alsace-Moselle (57, 67, 68; art. L3134-13) | + Vendredi saint, 26 décembre (Saint-Étienne) |
//! | Guadeloupe | + 27 mai (abolition de l'esclavage, loi n° 83-550 and décret n° 83-1003) |
//! | Martinique | + 22 mai (abolition) |
//! | Guyane | + 10 juin (abolition) |
//! | La Réunion | + 20 décembre (abolition) |
//! | Mayotte | + 27 avril (abolition) |
//! | Saint-Barthélemy | + 9 octobre (abolition) |
//! | Saint-Martin | + 28 mai (abolition) |
//! | Saint-Pierre-et-Miquelon | the national list only |
//! | Wallis-et-Futuna | + 28 avril (Saint Pierre Chanel), 29 juillet (fête du Territoire) |
//! | Polynésie française | + 5 mars (arrivée de l'Évangile), Vendredi saint, 29 juin (fête de l'autonomie) |
//! | Nouvelle-Calédonie | + 24 septembre (fête de la citoyenneté) |
//!
//! Not covered:
//! * history: the current rules are applied to every year (the 8 mai before 1982, the
//!   abolition days before 1983, Saint-Martin's date before it moved to 28 mai, are not modelled);
//! * Alsace-Moselle's Vendredi saint applies by law only in communes with a Protestant temple
//!   or a mixed church; it is applied here to the whole three départements, as employers and
//!   public services do in practice;
//! * customary days off that are not legal public holidays (carnival days in the Antilles and
//!   Guyane, Vendredi saint outside Alsace-Moselle and Polynésie, local patron saints);
//! * the Pacific collectivities set their holidays by local law, which changes more often: the
//!   lists above are those in force when this calendar was written and are not checked
//!   against an official machine-readable source.
//!
//! The national list is checked against the French calendar shipped with the
//! `opening-hours` crate (nager.date data) for 2000–2076, in `inclusion-hours`.

use std::sync::OnceLock;

use chrono::{Days, NaiveDate};

use crate::Territory;

/// First year of the calendars.
pub const FIRST_YEAR: i32 = 1900;
/// Last year of the calendars.
pub const LAST_YEAR: i32 = 2199;

/// Easter Sunday of a year of the Gregorian calendar (anonymous Gregorian computus).
///
/// ```
/// use inclusion_territory::holidays::easter_sunday;
/// use chrono::NaiveDate;
/// assert_eq!(easter_sunday(2026), NaiveDate::from_ymd_opt(2026, 4, 5));
/// assert_eq!(easter_sunday(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
/// ```
///
/// `None` only for years chrono cannot represent.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The public holidays of a territory in a year, sorted.
///
/// ```
/// use inclusion_territory::{holidays::public_holidays, Territory};
/// use chrono::NaiveDate;
/// let days = public_holidays(Territory::Reunion, 2026);
/// assert_eq!(days.len(), 12);
/// assert!(days.contains(&NaiveDate::from_ymd_opt(2026, 12, 20).unwrap()));
/// ```
pub fn public_holidays(territory: Territory, year: i32) -> Vec<NaiveDate> {
    let mut days = Vec::with_capacity(MAX_PER_YEAR);
    push_public_holidays(territory, year, &mut days);
    days
}

/// The most public holidays a territory has in a year (French Polynesia: 14).
const MAX_PER_YEAR: usize = 14;

/// Appends the public holidays of `territory` in `year` to `days`, sorted and each once,
/// without allocating: a year's days are gathered in an array, and a table of 300 years is
/// one vector reserved once (it took a vector or two per year, whose reallocations were half
/// of the table's instructions).
fn push_public_holidays(territory: Territory, year: i32, days: &mut Vec<NaiveDate>) {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let Some(easter) = easter_sunday(year) else {
        return;
    };
    let after = |n: u64| easter.checked_add_days(Days::new(n));
    let good_friday = easter.checked_sub_days(Days::new(2));
    let mut year_days: [Option<NaiveDate>; MAX_PER_YEAR] = [None; MAX_PER_YEAR];
    let common = [
        ymd(1, 1),
        after(1),
        ymd(5, 1),
        ymd(5, 8),
        after(39),
        after(50),
        ymd(7, 14),
        ymd(8, 15),
        ymd(11, 1),
        ymd(11, 11),
        ymd(12, 25),
    ];
    let own: &[Option<NaiveDate>] = match territory {
        Territory::Metropolitan | Territory::SaintPierreEtMiquelon => &[],
        Territory::AlsaceMoselle => &[good_friday, ymd(12, 26)],
        Territory::Guadeloupe => &[ymd(5, 27)],
        Territory::Martinique => &[ymd(5, 22)],
        Territory::Guyane => &[ymd(6, 10)],
        Territory::Reunion => &[ymd(12, 20)],
        Territory::Mayotte => &[ymd(4, 27)],
        Territory::SaintBarthelemy => &[ymd(10, 9)],
        Territory::SaintMartin => &[ymd(5, 28)],
        Territory::WallisEtFutuna => &[ymd(4, 28), ymd(7, 29)],
        Territory::FrenchPolynesia => &[ymd(3, 5), good_friday, ymd(6, 29)],
        Territory::NewCaledonia => &[ymd(9, 24)],
    };
    debug_assert!(common.len() + own.len() <= MAX_PER_YEAR, "{territory:?}");
    for (slot, day) in year_days.iter_mut().zip(common.iter().chain(own)) {
        *slot = *day;
    }
    // `None` sorts first and is skipped; a day given twice (Ascension on 1 or 8 May, for one)
    // is kept once (the days before, of earlier years, are all earlier).
    year_days.sort_unstable();
    for day in year_days.into_iter().flatten() {
        if days.last() != Some(&day) {
            days.push(day);
        }
    }
}

/// Every public holiday of each territory, 1900–2199, sorted; each territory's list built on
/// its first use (where building all thirteen at once cost the first "open at" query of a
/// process 22 million instructions for a file of one territory), without a vector per year
/// ([`push_public_holidays`]).
static TABLES: [OnceLock<Vec<NaiveDate>>; Territory::ALL.len()] =
    [const { OnceLock::new() }; Territory::ALL.len()];

/// Every public holiday of a territory from [`FIRST_YEAR`] to [`LAST_YEAR`], sorted (about
/// 3,300 days): what an evaluator loads into its holiday calendar.
pub fn all_public_holidays(territory: Territory) -> &'static [NaiveDate] {
    TABLES.get(territory.index()).map_or(&[], |table| {
        table.get_or_init(|| {
            let years = usize::try_from(LAST_YEAR - FIRST_YEAR + 1).unwrap_or(0);
            let mut days = Vec::with_capacity(years * MAX_PER_YEAR);
            for year in FIRST_YEAR..=LAST_YEAR {
                push_public_holidays(territory, year, &mut days);
            }
            days
        })
    })
}

impl Territory {
    /// Whether `date` is a public holiday in this territory (see the [module](self) for the
    /// calendars). Always `false` outside 1900–2199.
    ///
    /// ```
    /// use inclusion_territory::Territory;
    /// use chrono::NaiveDate;
    /// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// assert!(Territory::Metropolitan.is_public_holiday(d(7, 14)));
    /// assert!(!Territory::Metropolitan.is_public_holiday(d(12, 26)));
    /// assert!(Territory::AlsaceMoselle.is_public_holiday(d(12, 26)));
    /// assert!(Territory::Guadeloupe.is_public_holiday(d(5, 27)));
    /// ```
    pub fn is_public_holiday(self, date: NaiveDate) -> bool {
        all_public_holidays(self).binary_search(&date).is_ok()
    }

    /// Whether `date` or the day before is a public holiday: the days on which a weekly
    /// opening-hours form whose only exception is public holidays cannot be trusted (a holiday
    /// rule can reach past midnight).
    pub fn is_public_holiday_or_day_after(self, date: NaiveDate) -> bool {
        self.is_public_holiday(date) || date.pred_opt().is_some_and(|d| self.is_public_holiday(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    #[test]
    fn easter_matches_known_dates() {
        let known = [
            (1900, 4, 15),
            (1943, 4, 25),
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2024, 3, 31),
            (2038, 4, 25),
            (2049, 4, 18),
            (2100, 3, 28),
            (2285, 3, 22),
        ];
        for (y, m, d) in known {
            assert_eq!(easter_sunday(y), NaiveDate::from_ymd_opt(y, m, d), "{y}");
        }
    }

    /// A day that is two holidays is listed once: in 2008, Ascension fell on 1 May; and every
    /// table is sorted with each day once, for every territory.
    #[test]
    fn a_day_that_is_two_holidays_is_listed_once() {
        let d = |m, day| NaiveDate::from_ymd_opt(2008, m, day).unwrap();
        for territory in Territory::ALL {
            let days = public_holidays(territory, 2008);
            assert_eq!(
                days.iter().filter(|&&x| x == d(5, 1)).count(),
                1,
                "{territory:?}"
            );
            assert!(
                days.windows(2).all(|w| w[0] < w[1]),
                "{territory:?} {days:?}"
            );
            let table = all_public_holidays(territory);
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{territory:?}");
        }
        assert_eq!(public_holidays(Territory::Metropolitan, 2008).len(), 10);
        assert_eq!(public_holidays(Territory::Metropolitan, 2026).len(), 11);
        assert_eq!(public_holidays(Territory::FrenchPolynesia, 2026).len(), 14);
    }

    #[test]
    fn easter_is_a_sunday_between_march_22_and_april_25() {
        for y in 1583..3000 {
            let e = easter_sunday(y).unwrap();
            assert_eq!(e.weekday(), Weekday::Sun, "{y}");
            let lo = NaiveDate::from_ymd_opt(y, 3, 22).unwrap();
            let hi = NaiveDate::from_ymd_opt(y, 4, 25).unwrap();
            assert!(lo <= e && e <= hi, "{y}: {e}");
        }
    }

    #[test]
    fn regional_calendars_add_their_days_to_the_national_list() {
        let national = public_holidays(Territory::Metropolitan, 2027);
        assert_eq!(national.len(), 11);
        let extra = |t| {
            let days = public_holidays(t, 2027);
            assert!(national.iter().all(|d| days.contains(d)), "{t:?}");
            days.into_iter()
                .filter(|d| !national.contains(d))
                .collect::<Vec<_>>()
        };
        let d = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        // Easter 2027 is 28 March.
        assert_eq!(extra(Territory::AlsaceMoselle), vec![d(3, 26), d(12, 26)]);
        assert_eq!(extra(Territory::Guadeloupe), vec![d(5, 27)]);
        assert_eq!(extra(Territory::Martinique), vec![d(5, 22)]);
        assert_eq!(extra(Territory::Guyane), vec![d(6, 10)]);
        assert_eq!(extra(Territory::Reunion), vec![d(12, 20)]);
        assert_eq!(extra(Territory::Mayotte), vec![d(4, 27)]);
        assert_eq!(extra(Territory::SaintBarthelemy), vec![d(10, 9)]);
        assert_eq!(extra(Territory::SaintMartin), vec![d(5, 28)]);
        assert_eq!(extra(Territory::SaintPierreEtMiquelon), vec![]);
        assert_eq!(extra(Territory::WallisEtFutuna), vec![d(4, 28), d(7, 29)]);
        assert_eq!(
            extra(Territory::FrenchPolynesia),
            vec![d(3, 5), d(3, 26), d(6, 29)]
        );
        assert_eq!(extra(Territory::NewCaledonia), vec![d(9, 24)]);
    }

    #[test]
    fn calendars_cover_their_years_only() {
        let t = Territory::Metropolitan;
        assert!(t.is_public_holiday(NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap()));
        assert!(t.is_public_holiday(NaiveDate::from_ymd_opt(LAST_YEAR, 12, 25).unwrap()));
        assert!(!t.is_public_holiday(NaiveDate::from_ymd_opt(LAST_YEAR + 1, 1, 1).unwrap()));
        let d = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        assert!(t.is_public_holiday_or_day_after(d));
        assert!(!t.is_public_holiday_or_day_after(d.succ_opt().unwrap()));
    }
}
