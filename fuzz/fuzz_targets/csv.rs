//! CSV bytes: reading never panics, every diagnostic renders (excerpts, escaped), and the
//! places read are written and read back unchanged.
#![no_main]

use inclusion_model::{ReadOptions, read_bytes, read_csv_str, to_csv_string};
use libfuzzer_sys::fuzz_target;

#[path = "csv_input.rs"]
mod csv_input;

fuzz_target!(|data: &[u8]| {
    // The first byte chooses: the bytes as they are, or after a valid header; strict or not.
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let (bytes, options) = csv_input::bytes_and_options(choice, rest);
    // A CSV reading: the JSON reader has its own target.
    if matches!(
        bytes.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'[' | b'{')
    ) {
        return;
    }
    let report = read_bytes(&bytes, &options);
    for d in &report.diagnostics {
        let shown = d.to_string();
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(d.message_en().len() < 4_000 && d.message_fr().len() < 4_000);
    }
    assert!(report.invalid_rows <= report.rows);
    // What was read is written, and reads back the same (the writer's round trip).
    let csv = to_csv_string(&report.places).expect("writing to memory");
    let again = read_csv_str(&csv, &ReadOptions::default().with_lenient(options.lenient));
    assert_eq!(again.places, report.places, "{csv}");
});
