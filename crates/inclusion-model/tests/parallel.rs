//! The parallel path of the CSV reader ([`ReadOptions::threads`]): a file read in parts on
//! several threads gives exactly the report of one thread (places, diagnostics in order,
//! limits per code, duplicate ids across parts, counts). So does a file read from disk a
//! chunk at a time ([`read_path`]), on one thread or several.

use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use inclusion_model::{
    ReadOptions, ReadProgress, ReadReport, SchemaVersion, read_bytes, read_bytes_parted,
    read_csv_in_parts, read_csv_str, read_path, read_path_in_chunks, read_path_in_chunks_paced,
    read_path_parted, read_path_with_progress,
};
use proptest::prelude::*;

const HEADER: &str = "id,pivot,nom,commune,code_postal,adresse,date_maj,presentation_detail";

/// The ways of reading compared: the defaults, small limits per code (0 included), lenient,
/// places not kept, Strict.
fn variants() -> Vec<ReadOptions> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let base = ReadOptions::default().with_today(today);
    vec![
        base.clone(),
        base.clone().with_max_diagnostics_per_code(2),
        base.clone().with_max_diagnostics_per_code(0),
        base.clone()
            .with_lenient(true)
            .with_max_diagnostics_per_code(1),
        base.clone().with_keep_places(false),
        ReadOptions::strict()
            .with_today(today)
            .with_lenient(true)
            .with_keep_places(false)
            .with_max_diagnostics_per_code(3),
    ]
}

/// Asserts that two reports are the same, part by part first for a readable failure.
fn assert_same(parts: &ReadReport, one: &ReadReport, what: &str) {
    assert_eq!(
        (parts.rows, parts.invalid_rows, parts.place_count()),
        (one.rows, one.invalid_rows, one.place_count()),
        "{what}: rows, invalid rows, places"
    );
    let ids = |r: &ReadReport| r.places.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(parts), ids(one), "{what}: the places");
    let diags = |r: &ReadReport| {
        r.diagnostics
            .iter()
            .map(|d| {
                (
                    d.row(),
                    d.code(),
                    d.column().map(str::to_owned),
                    d.message_en(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(diags(parts), diags(one), "{what}: the diagnostics");
    assert_eq!(parts.counts(), one.counts(), "{what}: the counts");
    assert_eq!(parts, one, "{what}");
}

/// Reads `csv` on one thread and in parts on `threads` threads (with no size threshold);
/// asserts the reports are the same; returns whether the parts were read apart.
fn compare(csv: &str, options: &ReadOptions, threads: usize) -> bool {
    let one = read_csv_str(csv, options);
    let many = options
        .clone()
        .with_threads(threads)
        .with_parallel_min_bytes(0);
    let parts = read_csv_in_parts(csv, &many);
    if let Some(parts) = &parts {
        assert_same(parts, &one, &format!("in parts, {threads} threads"));
    }
    assert_same(
        &read_csv_str(csv, &many),
        &one,
        &format!("{threads} threads"),
    );
    // The parts' places kept apart: the same places in the same order, and once appended the
    // same report as the bytes read in one vector.
    let joined = read_bytes(csv.as_bytes(), &many);
    let parted = read_bytes_parted(csv.as_bytes(), &many);
    assert_eq!(parted.len(), joined.places.len());
    assert!(
        parted.places().eq(&joined.places),
        "{threads} threads: parted places"
    );
    // Later parts only when read in parts (a small text may be read in one part: the
    // threads take parts from each other as they go, and there may be none worth taking).
    assert!(
        parted.later.is_empty() || parts.is_some(),
        "{threads} threads: later parts when not read in parts"
    );
    assert_same(
        &parted.into_report(),
        &joined,
        &format!("{threads} threads, parted"),
    );
    parts.is_some()
}

/// A file of the test's own in the system's temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(bytes: &[u8]) -> TempFile {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "inclusion-chunks-{}-{}.csv",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Writes `bytes` to a file and reads it from disk a chunk at a time, on one thread and on
/// `threads`, with chunks of each of `chunks` bytes (no size threshold for the parts);
/// asserts that every reading by chunks and `read_path` give the report of the bytes read
/// at once, and that the progress counted ends at the file's length. Returns whether every
/// reading was by chunks (none gave up).
fn compare_chunks(bytes: &[u8], options: &ReadOptions, threads: usize, chunks: &[usize]) -> bool {
    let file = TempFile::new(bytes);
    let mut all = true;
    for threads in [1, threads] {
        let options = options
            .clone()
            .with_threads(threads)
            .with_parallel_min_bytes(0);
        let whole = read_bytes(bytes, &options);
        let progress = ReadProgress::new();
        assert_same(
            &read_path_with_progress(&file.0, &options, &progress).unwrap(),
            &whole,
            &format!("read_path, {threads} threads"),
        );
        assert_eq!(progress.bytes(), bytes.len() as u64, "{threads} threads");
        let parted = read_path_parted(&file.0, &options).unwrap();
        assert!(
            parted.places().eq(&whole.places),
            "{threads} threads: parted"
        );
        for &chunk in chunks {
            let progress = ReadProgress::new();
            match read_path_in_chunks(&file.0, &options, chunk, &progress) {
                Some(report) => {
                    let what = format!("chunks of {chunk} bytes, {threads} threads");
                    assert_same(&report, &whole, &what);
                    // Each byte counted once: the header, then each chunk of each part.
                    assert_eq!(progress.bytes(), bytes.len() as u64, "{what}");
                }
                None => all = false,
            }
        }
    }
    all
}

/// A file of `n` rows: ids repeated every 97 rows (duplicates in every part), a bad date
/// every 7 rows, a bad postcode every 11, a text over several lines (commas and quotes in
/// it) every 5, a cell too many every 13, a blank row every 29.
fn synthetic(n: usize, crlf: bool) -> String {
    let mut csv = format!("{HEADER}\n");
    for i in 0..n {
        let id = format!("p{}", i % 97);
        let date = if i % 7 == 3 {
            "2024-02-30"
        } else {
            "2024-02-29"
        };
        let postcode = if i % 11 == 4 { "5110" } else { "51100" };
        let detail = if i % 5 == 1 {
            format!("\"Ligne {i}\nsuite, avec une virgule et des \"\"guillemets\"\"\n\nfin\"")
        } else {
            String::new()
        };
        let extra = if i % 13 == 6 { ",en trop" } else { "" };
        if i % 29 == 8 {
            csv.push_str(",,,,,,,\n");
        }
        csv.push_str(&format!(
            "{id},43493312300029,Mairie {i},Reims,{postcode},{i} rue X,{date},{detail}{extra}\n"
        ));
    }
    if crlf { csv.replace('\n', "\r\n") } else { csv }
}

#[test]
fn parts_with_duplicates_bad_rows_and_texts_over_several_lines_read_as_one_thread() {
    let mut apart = 0;
    for crlf in [false, true] {
        let csv = synthetic(1_500, crlf);
        for options in variants() {
            for threads in [2, 3, 4, 7] {
                assert!(compare(&csv, &options, threads), "read in parts");
                let many = options
                    .clone()
                    .with_threads(threads)
                    .with_parallel_min_bytes(0);
                apart += usize::from(!read_bytes_parted(csv.as_bytes(), &many).later.is_empty());
            }
        }
    }
    // The threads take parts as they go: the text was read in more than one part (in nearly
    // all of these 48 readings; one is enough to have compared parts with one thread).
    assert!(apart > 0, "never read in more than one part");
}

#[test]
fn a_file_read_by_chunks_reads_as_read_whole() {
    for crlf in [false, true] {
        let csv = synthetic(1_500, crlf);
        for (i, options) in variants().into_iter().enumerate() {
            let threads = [2, 3, 4, 7][i % 4];
            // Chunks of 4 KB hold dozens of rows: each finds a line that starts a row (the
            // texts over several lines have no line that reads as one).
            assert!(
                compare_chunks(csv.as_bytes(), &options, threads, &[4_096, 50_000]),
                "{threads} threads, crlf {crlf}: read by chunks"
            );
            // Chunks of 97 bytes hold a row or two, and may give up.
            compare_chunks(csv.as_bytes(), &options, threads, &[97]);
        }
    }
}

/// A thread that the host slows down (here the calling thread, paused after each chunk of
/// the first part) is relieved by the others: each thread that ends its part takes half of
/// what the slowest part has left, again and again, and the report is still exactly that of
/// the bytes read at once (duplicates across every part, the limits per code, the texts over
/// several lines that a cut must not split).
#[test]
fn a_slowed_thread_is_relieved_of_what_it_has_not_read() {
    const CHUNK: usize = 2_048;
    for crlf in [false, true] {
        let csv = synthetic(3_000, crlf);
        let file = TempFile::new(csv.as_bytes());
        let chunks = csv.len() / CHUNK;
        for (i, options) in variants().into_iter().enumerate() {
            let threads = [2, 3, 4][i % 3];
            let options = options.with_threads(threads).with_parallel_min_bytes(0);
            let whole = read_bytes(csv.as_bytes(), &options);
            let first = AtomicUsize::new(0);
            let pause = |k: usize| {
                if k == 0 {
                    first.fetch_add(1, Ordering::Relaxed);
                    std::thread::sleep(std::time::Duration::from_millis(3));
                }
            };
            let what = format!("{threads} threads, crlf {crlf}, variant {i}");
            let (report, parts) = read_path_in_chunks_paced(&file.0, &options, CHUNK, &pause)
                .unwrap_or_else(|| panic!("{what}: read by chunks"));
            assert_same(&report, &whole, &what);
            // Not relieved, the first part would be half of the file: the others took parts
            // from it beyond the ones they started with.
            let first = first.into_inner();
            assert!(parts > threads, "{what}: {parts} parts");
            assert!(
                first < chunks / 2,
                "{what}: {first} of {chunks} chunks on the slowed thread"
            );
        }
    }
}

#[test]
fn what_chunks_would_not_reproduce_is_read_whole() {
    let csv = synthetic(600, false).replace("Mairie", "Mairie é");
    let options = ReadOptions::default();
    let chunks = [2_048];
    assert!(compare_chunks(csv.as_bytes(), &options, 2, &chunks));
    // One byte that is not UTF-8 in a file of UTF-8 accents: an error in its cell.
    let mut invalid = csv.clone().into_bytes();
    let at = invalid.len() * 2 / 3;
    let at = at + invalid[at..].iter().position(|b| *b == b'X').unwrap();
    invalid[at] = 0xE9;
    let v01 = csv.replacen("presentation_detail", "cle_ban", 1);
    assert_eq!(
        read_bytes(v01.as_bytes(), &options).version,
        SchemaVersion::V0_1
    );
    for (what, bytes) in [
        (
            "byte-order mark",
            [b"\xEF\xBB\xBF".as_slice(), csv.as_bytes()].concat(),
        ),
        ("invalid UTF-8", invalid),
        ("Windows-1252", csv.chars().map(|c| c as u8).collect()),
        (
            "UTF-16",
            csv.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
        ("v0.1", v01.into_bytes()),
        ("JSON", [b" [".as_slice(), &[b' '; 4_000], b"]"].concat()),
        // `str::trim_start` takes a vertical tab for white space: JSON (not valid), though
        // its first line would read as a header of the standard's columns.
        (
            "JSON after a vertical tab",
            [b"\x0B[x,".as_slice(), csv.as_bytes()].concat(),
        ),
    ] {
        assert!(!compare_chunks(&bytes, &options, 2, &chunks), "{what}");
    }
    // A stray quote: reported as when the file is read whole.
    let stray = csv.replacen("p42,", "\"p42,", 1);
    assert!(!compare_chunks(stray.as_bytes(), &options, 2, &chunks));
    assert!(read_bytes(stray.as_bytes(), &options).count("file.unclosed_quote") > 0);
}

#[test]
fn a_missing_file_is_an_io_error_not_found() {
    let missing =
        std::env::temp_dir().join(format!("inclusion-missing-{}.csv", std::process::id()));
    for threads in [1, 2] {
        let options = ReadOptions::default().with_threads(threads);
        for result in [
            read_path(&missing, &options).map(|_| ()),
            read_path_parted(&missing, &options).map(|_| ()),
        ] {
            match result {
                Err(inclusion_model::ModelError::Io { source, .. }) => {
                    assert_eq!(source.kind(), std::io::ErrorKind::NotFound)
                }
                other => panic!("{threads} threads: {other:?}"),
            }
        }
        let progress = ReadProgress::new();
        assert_eq!(
            read_path_in_chunks(&missing, &options, 100, &progress),
            None
        );
        assert_eq!(progress.bytes(), 0);
    }
}

/// A named FIFO is opened once: opened again, it would wait for a writer that is gone.
#[cfg(unix)]
#[test]
fn a_named_fifo_is_read_once_as_its_bytes() {
    let csv = synthetic(3_000, false);
    for threads in [1, 2] {
        let dir =
            std::env::temp_dir().join(format!("inclusion-fifo-{}-{threads}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let fifo = dir.join("places.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available: skipped");
            return;
        }
        let options = ReadOptions::default()
            .with_threads(threads)
            .with_parallel_min_bytes(0);
        let (sent, received) = std::sync::mpsc::channel();
        let reader = {
            let (fifo, options) = (fifo.clone(), options.clone());
            std::thread::spawn(move || {
                let _ = sent.send(read_path(&fifo, &options).unwrap());
            })
        };
        // Blocks until the reader opens the FIFO.
        std::fs::write(&fifo, &csv).unwrap();
        let report = received
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the FIFO read ends");
        reader.join().unwrap();
        assert_same(&report, &read_bytes(csv.as_bytes(), &options), "FIFO");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// The records of a JSON file of the anchors as CSV (the columns in order of first
/// appearance, numbers as written), to read as a publisher's CSV.
fn json_as_csv(relative: &str) -> Option<(String, String)> {
    let bytes = inclusion_anchors::read(relative)?;
    let records: Vec<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_slice(&bytes).unwrap();
    let mut columns: Vec<String> = Vec::new();
    for r in &records {
        for k in r.keys() {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &records {
        w.write_record(columns.iter().map(|c| match r.get(c) {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
        }))
        .unwrap();
    }
    let body = String::from_utf8(w.into_inner().unwrap()).unwrap();
    Some((columns.join(","), body))
}

const REAL: [&str; 4] = [
    "real-datasets/bus-france-services-charente.20231003.json",
    "real-datasets/charente.20230711.json",
    "real-datasets/hub-du-sud-paca.20230517.json",
    "real-datasets/nouvelle-caledonie.20240320.json",
];

/// A real file repeated (every id a duplicate in each later copy), with bad rows injected
/// between the copies.
fn repeated(header: &str, body: &str, copies: usize) -> String {
    let width = header.split(',').count();
    let mut csv = format!("{header}\n");
    for copy in 0..copies {
        csv.push_str(body);
        // A row with one cell, a blank row and a row whose every cell is wrong.
        csv.push_str(&format!("seul-{copy}\n{}\n", ",".repeat(width - 1)));
        csv.push_str(&format!("{}\n", vec!["\"x\ny\""; width].join(",")));
    }
    csv
}

#[test]
fn real_files_repeated_read_in_parts_as_on_one_thread() {
    let mut read_in_parts = 0;
    for relative in REAL {
        let Some((header, body)) = json_as_csv(relative) else {
            continue;
        };
        let csv = repeated(&header, &body, 3);
        // A file with the columns of v0.1 is migrated row by row, on one thread.
        let v1 = read_csv_str(&csv, &ReadOptions::default()).version != SchemaVersion::V0_1;
        for options in variants() {
            for threads in [2, 5] {
                let parts = compare(&csv, &options, threads);
                assert_eq!(parts, v1, "{relative}: read in parts");
            }
        }
        let crlf = csv.replace('\n', "\r\n");
        assert_eq!(
            compare(&crlf, &ReadOptions::default(), 3),
            v1,
            "{relative}, CRLF"
        );
        read_in_parts += usize::from(v1);
    }
    if inclusion_anchors::required() {
        assert!(read_in_parts >= 2, "{read_in_parts} v1 files read in parts");
    }
}

#[test]
fn a_real_file_past_the_threshold_is_read_in_parts_as_on_one_thread() {
    let Some((header, body)) = json_as_csv(REAL[2]) else {
        return;
    };
    let copies = (4 << 20) / body.len() + 1;
    let csv = repeated(&header, &body, copies);
    assert!(csv.len() >= 4 << 20);
    let options = ReadOptions::default();
    let one = read_csv_str(&csv, &options);
    let parts = read_csv_in_parts(&csv, &options.with_threads(2)).expect("read in parts");
    assert_same(&parts, &one, "past the threshold");
    assert!(one.count("unique") > 0 && one.valid_rows() > 0);
}

fn row() -> impl Strategy<Value = String> {
    let id = (0u8..12).prop_map(|i| format!("p{i}"));
    prop_oneof![
        4 => id.clone().prop_map(|id| format!("{id},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,")),
        1 => id.clone().prop_map(|id| format!("{id},43493312300029,Mairie,Reims,51100,1 rue X,2024-02-30,")),
        1 => id.clone().prop_map(|id| format!("{id},4349331,Mairie,Reims,5110,1 rue X,2024-04-02,\"a\nb, \"\"c\"\"\n\"")),
        1 => id.clone().prop_map(|id| format!("{id},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,x,y")),
        1 => id.clone().prop_map(|id| format!("\"{id},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,")),
        1 => Just(",,,,,,,".to_owned()),
        1 => Just(String::new()),
        1 => Just("p1,\"a\np2,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,\"\"\"\"\nb\",R,51100,1,2024-04-02,".to_owned()),
    ]
}

/// The header and `rows`, lines ended by CRLF when `crlf`.
fn file_of(rows: &[String], crlf: bool) -> String {
    let csv = format!("{HEADER}\n{}\n", rows.join("\n"));
    if crlf { csv.replace('\n', "\r\n") } else { csv }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the rows (duplicates, bad values, texts over several lines, stray quotes,
    /// blank lines, CRLF) and the options, reading in parts gives the report of one thread.
    #[test]
    fn reading_in_parts_is_reading_on_one_thread(
        rows in proptest::collection::vec(row(), 0..60),
        crlf in any::<bool>(),
        threads in 2usize..6,
        variant in 0usize..6,
    ) {
        let csv = file_of(&rows, crlf);
        compare(&csv, &variants()[variant], threads);
    }

    /// The same files, written to disk and read a chunk at a time (chunks of 100 bytes to
    /// a few rows): the report of the bytes read at once, or a reading that gives up.
    #[test]
    fn reading_by_chunks_is_reading_whole(
        rows in proptest::collection::vec(row(), 0..60),
        crlf in any::<bool>(),
        threads in 2usize..6,
        variant in 0usize..6,
        chunk in 100usize..700,
    ) {
        let csv = file_of(&rows, crlf);
        compare_chunks(csv.as_bytes(), &variants()[variant], threads, &[chunk]);
    }
}
