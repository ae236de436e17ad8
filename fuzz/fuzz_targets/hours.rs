//! `horaires` text: parsing and every evaluation never panic, and stay bounded (the fuzzer's
//! timeout catches a text that takes too long).
#![no_main]

use chrono::{TimeZone, Utc};
use inclusion_hours::{Lang, Locale, OpeningHours, SchoolZone, State, Territory};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let territory = Territory::ALL[usize::from(choice) % Territory::ALL.len()];
    let locale = Locale::from(territory).with_school_zone(SchoolZone::A);
    // An instant per choice, from 1899 to 2200: the edges of the supported dates included.
    let secs = -2_210_000_000 + i64::from(choice) * 39_000_000;
    let at = Utc
        .timestamp_opt(secs, 0)
        .single()
        .expect("in chrono's range");
    let hours = OpeningHours::new(text);
    let _ = hours.parse_error();
    let form = hours.weekly_form();
    let status = hours.try_status_at(at, locale);
    if let Ok(s) = &status
        && s.state == State::Open
    {
        assert!(hours.is_open_at(at, locale));
    }
    if let Some(change) = hours.next_change(at, locale) {
        assert!(change.at.with_timezone(&Utc) > at);
    }
    let _ = hours.week(at.date_naive(), locale);
    let _ = hours.describe(Lang::Fr);
    let _ = hours.describe(Lang::En);
    let _ = hours.state_line(at, locale, Lang::Fr);
    let _ = hours.timetable();
    let slot = u16::try_from(u32::from(choice) * 7 % inclusion_hours::SLOTS_PER_WEEK).unwrap_or(0);
    let _ = form.open_at_slot(slot, false);
});
