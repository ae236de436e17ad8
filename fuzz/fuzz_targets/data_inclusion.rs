//! data·inclusion JSON (structures, then services after a line `--`): reading and importing
//! never panic, and the places imported export again.
#![no_main]

use inclusion_exchange::data_inclusion::{
    from_data_inclusion, read_services_json, read_structures_json, to_data_inclusion,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.windows(4).position(|w| w == b"\n--\n");
    let (structures, services) = match split {
        Some(i) => (&data[..i], &data[i + 4..]),
        None => (data, &b"[]"[..]),
    };
    let (structures, mut diagnostics) = read_structures_json(structures);
    let (services, more) = read_services_json(services);
    diagnostics.extend(more);
    let (places, more) = from_data_inclusion(&structures, &services);
    diagnostics.extend(more);
    for d in &diagnostics {
        let _ = d.to_string();
    }
    let export = to_data_inclusion(&places, "fuzz");
    export.structures_json().expect("structures serialise");
    export.services_json().expect("services serialise");
});
