//! Hostile input through the binary: every reproducer of the "nothing lost, nothing crashes"
//! list that reaches the command line. Large inputs are generated here, never committed; the
//! commands that must stay small run under `ulimit -v` (1 GB of address space), so that a
//! reservation sized by a guess instead of by the input fails the test instead of the machine.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{BAD_ROW, GOOD_ROW, HEADER, fails, file, inclusion, scratch, text};
use serde_json::Value;

/// Address space allowed to the commands that read large files, in KiB (1 GB).
const ADDRESS_SPACE_KIB: u64 = 1_000_000;

/// Runs the binary in `dir` with `args` under `ulimit -v`, in English.
fn bounded(dir: &Path, args: &[&str]) -> Output {
    let mut script = format!(
        "ulimit -v {ADDRESS_SPACE_KIB} && exec '{}'",
        env!("CARGO_BIN_EXE_inclusion")
    );
    for a in args {
        script.push_str(&format!(" '{a}'"));
    }
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("LANG", "en_GB.UTF-8")
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs")
}

/// The exit status, after checking that nothing panicked or aborted.
fn status(out: &Output, what: &str) -> i32 {
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(!stderr.contains("memory allocation"), "{what}: {stderr}");
    out.status
        .code()
        .unwrap_or_else(|| panic!("{what}: killed by a signal; {stderr}"))
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("JSON output")
}

/// `inclusion --lang en validate FILE --format json` in `dir`: its report, after checking the
/// exit status (`what` names the case in failures).
fn validate_json(dir: &Path, file: &str, what: &str, expected: i32) -> Value {
    let out = inclusion(dir)
        .args(["--lang", "en", "validate", file, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(status(&out, what), expected, "{}", text(&out.stdout));
    json(&out.stdout)
}

#[test]
fn forty_megabytes_of_line_feeds_are_read_in_bounded_memory() {
    let dir = scratch("hostile-newlines");
    let mut bytes = format!("{HEADER}\n{GOOD_ROW}\n").into_bytes();
    bytes.resize(bytes.len() + 40_000_000, b'\n');
    file(&dir, "f.csv", &bytes);
    let out = bounded(&dir, &["validate", "f.csv", "--format", "json"]);
    assert_eq!(status(&out, "newlines"), 0, "{}", text(&out.stderr));
    let report = json(&out.stdout);
    assert_eq!(
        (report["rows"].as_u64(), report["valid"].as_u64()),
        (Some(1), Some(1))
    );

    // The same line feeds inside a quoted cell: one row, one long value.
    let mut quoted = format!("{HEADER},presentation_detail\n{GOOD_ROW},\"").into_bytes();
    quoted.resize(quoted.len() + 40_000_000, b'\n');
    quoted.extend_from_slice(b"\"\n");
    file(&dir, "q.csv", &quoted);
    let out = bounded(&dir, &["validate", "q.csv", "--format", "json"]);
    status(&out, "quoted newlines");
    assert_eq!(json(&out.stdout)["rows"].as_u64(), Some(1));
}

#[test]
fn a_hundred_megabytes_of_commas_are_refused_with_a_short_message() {
    let dir = scratch("hostile-commas");
    let mut bytes = b"id,pivot,nom,commune,code_postal,adresse,date_maj".to_vec();
    bytes.resize(100_000_000, b',');
    bytes.push(b'\n');
    file(&dir, "f.csv", &bytes);
    let out = bounded(&dir, &["validate", "f.csv"]);
    assert_eq!(status(&out, "commas"), 2);
    let stderr = text(&out.stderr);
    // One clear message, not one warning per empty column name, nor the header echoed.
    assert!(stderr.contains("f.csv cannot be read"), "{stderr}");
    assert!(stderr.contains("at most 10000 are read"), "{stderr}");
    assert!(out.stdout.len() + out.stderr.len() < 4_000, "{stderr}");
}

#[test]
fn a_million_invalid_rows_give_exact_counts_and_a_bounded_list() {
    let dir = scratch("hostile-million");
    let mut bytes = format!("{HEADER}\n").into_bytes();
    for _ in 0..1_000_000 {
        bytes.extend_from_slice(b"x\n");
    }
    file(&dir, "x.csv", &bytes);
    let out = bounded(
        &dir,
        &[
            "validate",
            "x.csv",
            "--format",
            "json",
            "--max-per-code",
            "5",
        ],
    );
    assert_eq!(status(&out, "a million rows of x"), 1);
    let report = json(&out.stdout);
    assert_eq!(report["rows"].as_u64(), Some(1_000_000));
    assert_eq!(report["invalid"].as_u64(), Some(1_000_000));
    let counts = report["counts"].as_array().unwrap();
    let found: u64 = counts.iter().map(|c| c["found"].as_u64().unwrap()).sum();
    let listed: u64 = counts.iter().map(|c| c["listed"].as_u64().unwrap()).sum();
    assert_eq!(
        found,
        report["errors"].as_u64().unwrap() + report["warnings"].as_u64().unwrap()
    );
    assert_eq!(
        listed as usize,
        report["diagnostics"].as_array().unwrap().len()
    );
    assert!(
        counts.iter().all(|c| c["listed"].as_u64() <= Some(5)),
        "{counts:?}"
    );
    assert!(
        found >= 6_000_000,
        "six required values missing per row: {found}"
    );

    // In text: the first 5 of each code, then one line per code for the others.
    let out = bounded(&dir, &["validate", "x.csv", "--max-per-code", "5"]);
    assert_eq!(status(&out, "text"), 1);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("… and 999,995 more errors with code "),
        "{stdout}"
    );
    assert!(
        stdout.contains("x.csv: 1,000,000 rows, 0 valid, 1,000,000 invalid;"),
        "{stdout}"
    );
    assert!(
        stdout.lines().count() < 200,
        "{} lines",
        stdout.lines().count()
    );
}

/// A row whose `horaires` is `Mo-Su 00:00-24:00` repeated 20,000 times (380,000 characters).
#[test]
fn validate_and_convert_on_several_threads_give_what_one_gives() {
    let dir = scratch("validate-threads");
    // 4.4 MB: ids repeated every 60,000 rows (duplicates across the parts), a bad postcode
    // every 7 rows, a text over two lines every 11.
    let mut csv = format!("{HEADER},presentation_detail\n");
    for i in 0..72_000 {
        let postcode = if i % 7 == 3 { "5110" } else { "51100" };
        let detail = if i % 11 == 5 {
            "\"ligne 1\nligne 2\""
        } else {
            ""
        };
        csv.push_str(&format!(
            "p{},43493312300029,Mairie,Reims,{postcode},1 rue X,2024-04-02,{detail}\n",
            i % 60_000
        ));
    }
    assert!(csv.len() >= 4 << 20);
    file(&dir, "big.csv", &csv);
    // `threads` empty: the default, as many threads as the system gives. Exit status 1: rows
    // with errors.
    let on = |args: &[&str], threads: &str| {
        let out = inclusion(&dir)
            .args(["--lang", "en"])
            .args(args)
            .args(
                ["--threads", threads]
                    .iter()
                    .filter(|_| !threads.is_empty()),
            )
            .output()
            .unwrap();
        assert_eq!(status(&out, threads), 1);
        out
    };
    let validate = [
        "validate",
        "big.csv",
        "--format",
        "json",
        "--max-per-code",
        "20",
    ];
    let run = |threads: &str| json(&on(&validate, threads).stdout);
    let one = run("1");
    assert_eq!(one["rows"].as_u64(), Some(72_000));
    let counts = one["counts"].as_array().unwrap();
    assert!(
        counts
            .iter()
            .any(|c| c["code"] == "unique" && c["found"] == 12_000)
    );
    assert_eq!(run("2"), one);
    assert_eq!(run("3"), one);
    assert_eq!(run(""), one);
    fails(
        &dir,
        &["validate", "big.csv", "--threads", "0"],
        "--threads",
    );
    // `convert` reads the same way: the same places written, the same problems reported.
    let convert = |threads: &str| {
        let out = on(&["convert", "big.csv", "--to", "csv"], threads);
        (out.stdout, String::from_utf8(out.stderr).unwrap())
    };
    let (places, problems) = convert("1");
    // One place per valid row (a record starts with its quoted id `"p…`; a text over two
    // lines does not).
    let records = places
        .split(|&b| b == b'\n')
        .filter(|line| line.starts_with(b"\"p"));
    assert_eq!(Some(records.count() as u64), one["valid"].as_u64());
    assert!(problems.contains("unique"), "{problems}");
    for threads in ["2", ""] {
        let (p, d) = convert(threads);
        assert!(p == places, "other places on {threads:?} threads");
        assert_eq!(d, problems);
    }
}

fn long_hours_rows(rows: usize) -> String {
    let long = "Mo-Su 00:00-24:00; ".repeat(20_000);
    let mut csv = format!("{HEADER},latitude,longitude,horaires\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "p{i},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,49.25,4.03,{long}\n"
        ));
    }
    csv.push_str(
        "q,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,49.26,4.04,Mo-Su 00:00-24:00\n",
    );
    csv
}

#[test]
fn hours_past_the_limit_are_reported_and_unknown_in_near() {
    let dir = scratch("hostile-hours");
    file(&dir, "h.csv", long_hours_rows(10));

    // validate names each row, without quoting the whole value.
    let out = bounded(&dir, &["validate", "h.csv", "--format", "json"]);
    assert_eq!(status(&out, "validate"), 0);
    let report = json(&out.stdout);
    let too_long: Vec<u64> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "horaires.too_long")
        .map(|d| d["row"].as_u64().unwrap())
        .collect();
    assert_eq!(too_long, (2..12).collect::<Vec<u64>>());
    assert!(out.stdout.len() < 100_000, "{} bytes", out.stdout.len());

    // near on those rows: an answer (every place, hours unknown for the ten), with or
    // without --open-at; the place open at all hours passes the filter, the others cannot.
    let near = |when: &str| {
        bounded(
            &dir,
            &[
                "near",
                "--lat",
                "49.25",
                "--lon",
                "4.03",
                "-k",
                "20",
                "--data",
                "h.csv",
                when,
                "2026-12-01T10:00",
                "--format",
                "json",
            ],
        )
    };
    let out = near("--at");
    assert_eq!(status(&out, "near"), 0, "{}", text(&out.stderr));
    let places = json(&out.stdout);
    assert_eq!(places.as_array().unwrap().len(), 11);
    let unknown = places
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["id"] != "q")
        .all(|p| p["open"].is_null());
    assert!(unknown, "{places}");
    let q = places.as_array().unwrap().iter().find(|p| p["id"] == "q");
    assert_eq!(q.map(|q| &q["open"]), Some(&Value::Bool(true)), "{places}");
    let out = near("--open-at");
    assert_eq!(status(&out, "near --open-at"), 0, "{}", text(&out.stderr));
    let places = json(&out.stdout);
    let ids: Vec<&str> = places
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert_eq!(ids, ["q"]);

    // The hours command itself: a clear refusal quoting an excerpt, not the 95 KB (an
    // argument is at most 128 KiB).
    let long = "Mo-Su 00:00-24:00; ".repeat(5_000);
    let out = inclusion(&dir)
        .args(["--lang", "en", "hours", &long])
        .output()
        .unwrap();
    assert_eq!(status(&out, "hours"), 2);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("255"), "{stderr}");
    assert!(stderr.len() < 2_000, "{} bytes", stderr.len());
}

#[test]
fn dates_outside_1900_2199_are_outside_the_supported_range_everywhere() {
    let dir = scratch("hostile-dates");
    file(
        &dir,
        "p.csv",
        format!("{HEADER},latitude,longitude,horaires\n{GOOD_ROW},49.25,4.03,Mo-Fr 09:00-12:00\n"),
    );
    for (args, flag) in [
        (
            &["hours", "Mo-Fr 09:00-12:00", "--at", "1800-01-01T10:00"][..],
            "--at",
        ),
        (
            &["hours", "Mo-Fr 09:00-12:00", "--at", "2200-01-01T10:00"][..],
            "--at",
        ),
        (
            &[
                "near",
                "--lat",
                "49.25",
                "--lon",
                "4.03",
                "--data",
                "p.csv",
                "--open-at",
                "1800-01-01T10:00",
            ][..],
            "--open-at",
        ),
        (
            &[
                "near",
                "--lat",
                "49.25",
                "--lon",
                "4.03",
                "--data",
                "p.csv",
                "--at",
                "1899-12-31T23:00",
            ][..],
            "--at",
        ),
        (
            &["coverage", "--open-at", "2200-01-01T00:00"][..],
            "--open-at",
        ),
    ] {
        let out = inclusion(&dir)
            .arg("--lang")
            .arg("en")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(status(&out, flag), 2, "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with(&format!("error: {flag} ")),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("outside the supported range (1900–2199)"),
            "{args:?}: {stderr}"
        );
    }
    // The last evening of the range: open or closed is known, the next change is not.
    let out = inclusion(&dir)
        .args([
            "--lang",
            "en",
            "hours",
            "Mo-Su 09:00-12:00",
            "--at",
            "2199-12-31T10:00",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(status(&out, "end of the range"), 0, "{}", text(&out.stderr));
    let report = json(&out.stdout);
    assert_eq!(report["open"], true, "{report}");
}

#[test]
fn convert_keeps_the_columns_outside_the_standard_unless_asked() {
    let dir = scratch("hostile-extras");
    file(
        &dir,
        "x.csv",
        format!("{HEADER},latitude,longitude,remarque\n{GOOD_ROW},49.25,4.03,à voir\n"),
    );
    for to in ["csv", "json", "geojson"] {
        let out = inclusion(&dir)
            .args(["-q", "convert", "x.csv", "--to", to])
            .output()
            .unwrap();
        assert_eq!(status(&out, to), 0);
        let written = text(&out.stdout);
        assert!(
            written.contains("remarque") && written.contains("à voir"),
            "{to}: {written}"
        );
        let out = inclusion(&dir)
            .args([
                "-q",
                "convert",
                "x.csv",
                "--to",
                to,
                "--drop-unknown-columns",
            ])
            .output()
            .unwrap();
        assert_eq!(status(&out, to), 0);
        let written = text(&out.stdout);
        assert!(
            !written.contains("remarque") && !written.contains("à voir"),
            "{to}: {written}"
        );
        assert!(written.contains("Mairie"), "{to}: {written}");
    }
}

#[test]
fn convert_to_data_inclusion_keeps_each_place_source() {
    let dir = scratch("hostile-sources");
    file(
        &dir,
        "s.csv",
        format!(
            "{HEADER},source\n{GOOD_ROW},conseiller-numerique\n\
             p3,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,hinaura\n\
             p4,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,\n"
        ),
    );
    let out = inclusion(&dir)
        .args([
            "-q",
            "convert",
            "s.csv",
            "--to",
            "data-inclusion",
            "--source",
            "moi",
        ])
        .output()
        .unwrap();
    assert_eq!(status(&out, "data-inclusion"), 0, "{}", text(&out.stderr));
    let export = json(&out.stdout);
    let sources: Vec<&str> = export["structures"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["source"].as_str())
        .collect();
    assert_eq!(sources, ["conseiller-numerique", "hinaura", "moi"]);
}

#[test]
fn encodings_and_stray_quotes_are_named_where_they_are() {
    let dir = scratch("hostile-bytes");
    // One invalid byte: its row and column, the other rows read as UTF-8.
    let mut bytes = format!(
        "{HEADER}\n{GOOD_ROW}\np2,43493312300029,Mairie,Reims,51100,1 rue @,2024-04-02\n\
         p3,43493312300029,Médiathèque,Reims,51100,1 rue X,2024-04-02\n"
    )
    .into_bytes();
    let at = bytes.iter().position(|b| *b == b'@').unwrap();
    bytes[at] = 0xE9; // é in Windows-1252, invalid alone in UTF-8
    file(&dir, "u.csv", &bytes);
    let report = validate_json(&dir, "u.csv", "invalid byte", 1);
    assert_eq!(
        (report["rows"].as_u64(), report["valid"].as_u64()),
        (Some(3), Some(2))
    );
    let cells: Vec<(Option<u64>, Option<&str>)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["row"].is_u64())
        .map(|d| (d["row"].as_u64(), d["column"].as_str()))
        .collect();
    assert_eq!(cells, [(Some(3), Some("adresse"))], "{report}");

    // A stray opening quote: named at its line, the rows after it still read.
    let mut csv = format!("{HEADER}\n");
    for i in 0..300 {
        if i == 9 {
            csv.push('"');
        }
        csv.push_str(&format!(
            "p{i},43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02\n"
        ));
    }
    file(&dir, "q.csv", csv);
    let report = validate_json(&dir, "q.csv", "stray quote", 1);
    assert!(report["rows"].as_u64() >= Some(299), "{report}");
    assert_eq!(report["invalid"].as_u64(), Some(1), "{report}");
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["row"].is_u64())
        .unwrap();
    assert_eq!(d["row"].as_u64(), Some(11), "{d}");

    // A blank file is empty, not missing its columns.
    file(&dir, "blank.csv", " \n\t\n");
    let out = inclusion(&dir)
        .args(["--lang", "en", "validate", "blank.csv"])
        .output()
        .unwrap();
    assert_eq!(status(&out, "blank"), 2);
    assert!(text(&out.stderr).contains("empty"), "{}", text(&out.stderr));

    // A bad row among good ones: named, and the good rows still come through.
    file(
        &dir,
        "mixed.csv",
        format!("{HEADER}\n{GOOD_ROW}\n{BAD_ROW}\n"),
    );
    let out = inclusion(&dir)
        .args(["-q", "convert", "mixed.csv", "--to", "json"])
        .output()
        .unwrap();
    assert_eq!(status(&out, "mixed"), 1);
    assert_eq!(json(&out.stdout).as_array().unwrap().len(), 1);
}

#[test]
fn json_out_of_range_utf16_and_repeated_columns_are_problems_of_their_cells() {
    let dir = scratch("hostile-json");
    // A number beyond f64 as latitude: a problem of that cell (the place kept without
    // coordinates, as for any position out of range), every record read.
    let mut records = Vec::new();
    for i in 0..25 {
        let lat = if i == 7 { "1e400" } else { "49.25" };
        records.push(format!(
            r#"{{"id":"p{i}","pivot":"43493312300029","nom":"Mairie","commune":"Reims","code_postal":"51100","adresse":"1 rue X","date_maj":"2024-04-02","latitude":{lat},"longitude":4.03}}"#
        ));
    }
    let json_text = format!("[{}]", records.join(","));
    file(&dir, "n.json", &json_text);
    let report = validate_json(&dir, "n.json", "1e400", 0);
    assert_eq!(
        (report["rows"].as_u64(), report["valid"].as_u64()),
        (Some(25), Some(25))
    );
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["row"].is_u64())
        .unwrap();
    assert_eq!(
        (d["row"].as_u64(), d["column"].as_str(), d["code"].as_str()),
        (Some(8), Some("latitude"), Some("coordinates.out_of_range")),
        "{d}"
    );

    // The same file in UTF-16 with a BOM: read as JSON, the encoding named.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in json_text.replace("1e400", "49.25").encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    file(&dir, "u16.json", &utf16);
    let report = validate_json(&dir, "u16.json", "UTF-16", 0);
    assert_eq!(
        (report["rows"].as_u64(), report["valid"].as_u64()),
        (Some(25), Some(25))
    );
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"file.utf16"), "{codes:?}");

    // A repeated column whose second value differs: named, and exit 1 (a value not read).
    file(
        &dir,
        "dup.csv",
        format!("{HEADER},nom\n{GOOD_ROW},Médiathèque\n{GOOD_ROW},Mairie\n").replace("p1,", "px,"),
    );
    let out = inclusion(&dir)
        .args(["--lang", "en", "validate", "dup.csv"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert_eq!(status(&out, "repeated column"), 1, "{stdout}");
    assert!(stdout.contains("nom"), "{stdout}");
    assert!(
        stdout.contains("Médiathèque"),
        "the value not read is named: {stdout}"
    );
}
