//! Opening hours: is it open, when does it change, in words, and from French text.
//!
//! ```sh
//! cargo run --example opening_hours
//! ```
//!
//! The command line: `inclusion hours TEXT [--at T] [--postcode P]`, `inclusion hours
//! --from-french TEXT`.

use chrono::{TimeZone, Utc};
use inclusion::hours::render::hours_text;
use inclusion::hours::{Lang, Locale, OpeningHours, from_french};

fn main() {
    let hours = OpeningHours::new("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off");
    // La Réunion: its own time zone and public holidays (20 December, abolition day).
    let reunion = Locale::for_codes("97400", None);
    let christmas = Utc.with_ymd_and_hms(2026, 12, 25, 6, 0, 0).unwrap();
    println!(
        "open at Christmas: {}",
        hours.is_open_at(christmas, reunion)
    );
    if let Some(next) = hours.next_opening(christmas, reunion) {
        println!("next opening: {next}");
    }
    println!(
        "{}",
        hours
            .state_line(christmas, reunion, Lang::Fr)
            .unwrap_or_default()
    );
    print!(
        "\n{}",
        hours_text(&hours, christmas, reunion, Lang::En).unwrap_or_default()
    );

    // Hours as producers write them, converted only when it can be done faithfully.
    for text in [
        "Du lundi au vendredi de 9h à 12h et de 14h à 17h30, sauf jours fériés",
        "Selon les permanences",
    ] {
        let c = from_french(text);
        match &c.osm {
            Some(osm) => println!("\n{text:?}\n  -> {osm} (confidence {:.2})", c.confidence),
            None => println!("\n{text:?}\n  -> no value: {}", c.why.unwrap_or_default()),
        }
    }
}
