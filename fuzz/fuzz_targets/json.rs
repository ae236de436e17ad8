//! JSON bytes: reading never panics, every diagnostic renders, and the places read are
//! written and read back unchanged.
#![no_main]

use inclusion_model::{ReadOptions, SchemaVersion, read_json_slice, to_json_string};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let options = if choice & 1 == 1 {
        ReadOptions::strict()
    } else {
        ReadOptions::default()
    }
    .with_lenient(choice & 2 == 2);
    let report = read_json_slice(rest, &options);
    for d in &report.diagnostics {
        let shown = d.to_string();
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        let _ = serde_json_string(d);
    }
    // Written as v1: read back as v1 (a record keeps only the columns with a value, so a file
    // may hold no column only v1 has; see the writer's documentation).
    let json = to_json_string(&report.places).expect("writing to memory");
    let back = ReadOptions::default()
        .with_lenient(options.lenient)
        .with_version(SchemaVersion::V1_0);
    let again = read_json_slice(json.as_bytes(), &back);
    assert_eq!(again.places, report.places, "{json}");
});

fn serde_json_string(d: &inclusion_model::Diagnostic) -> String {
    format!("{}{}", d.message_fr(), d.message_en())
}
