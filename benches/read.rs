//! Reading and validating standard files.
//!
//! Data: the real records of Hub du Sud (PACA, 646 places, `../shared/anchors`), repeated with
//! unique ids up to 100,000 rows. Without the anchors, the official example row is repeated.
//!
//! * `read/csv_100k`: the whole path from the bytes of a canonical CSV file to validated places
//!   (Standard level): decoding, CSV parsing, validation, places. Throughput in decimal
//!   megabytes (criterion prints `MB/s`, 10^6 bytes per second, the unit of the README).
//!   `read/csv_100k_2_threads`: the same on two threads (`ReadOptions::with_threads(2)`).
//!   `read/json_100k`: the same from the bytes of the JSON file (an array of flat records).
//! * `read/validate_records_100k`: already-parsed flat records (the JSON parsing is outside the
//!   timed part; texts as owned strings, coordinates as numbers) turned into validated places,
//!   all kept in the report. `validate_borrowed_records_100k`: the same from records borrowing
//!   the parsed JSON values (texts copied).
//! * `read_write/csv_100k`: the places of the CSV file written back as canonical CSV (the
//!   standard's 32 columns), against `read_write/csv_100k_csv_crate`, the `csv` crate writing
//!   the same cells (the same bytes).
//! * `read/stream_borrowed_records_100k`: record by record (`RecordValidator`), the parsed
//!   records kept alive, each place made and dropped at once.
//! * `read/validate_text_records_100k` and `read/stream_text_records_100k`: the like-for-like
//!   comparison with the reference TypeScript library. As `JSON.parse` gives the library objects
//!   whose strings live in one heap, the records borrow their texts from one parsed JSON text
//!   (no copy when a string has no escape), built outside the timed part; the library does not
//!   consume its input, and neither do we. `validate_text_records` keeps every place (as
//!   `bench.mjs` does in its `keep` mode), `stream_text_records` drops each place at once (as its
//!   `discard` mode drops each result). `scripts/bench-reference-lib/bench.mjs` runs the library
//!   on the same records, in both modes.
//!
//! ```sh
//! cargo bench --bench read
//! node scripts/bench-reference-lib/bench.mjs ../shared/anchors/real-datasets/hub-du-sud-paca.20230517.json 100000
//! ```

include!("support/read_body.rs");
