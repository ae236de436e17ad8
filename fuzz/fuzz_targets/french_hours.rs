//! French opening hours text: the conversion never panics, and what it gives parses.
#![no_main]

use inclusion_hours::{Lang, from_french, suggest_osm};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let conversion = from_french(text);
    if let Some(hours) = conversion.opening_hours() {
        assert!(
            hours.is_valid(),
            "{:?} gave {:?}: {:?}",
            text,
            conversion.osm,
            hours.parse_error()
        );
        let _ = hours.describe(Lang::Fr);
    }
    let _ = suggest_osm(text);
});
