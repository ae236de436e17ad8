//! Wall time of the `inclusion` binary against the library calls alone, in the same run.
//!
//! ```sh
//! cargo bench -p inclusion-cli --bench cli
//! ```
//!
//! * `near`: `inclusion near --near Grenoble --service "Aide aux démarches administratives"
//!   --open-at 2026-12-01T10:00` (a new process each time: the embedded places and the
//!   gazetteer are read cold), against the same library calls made cold in a fresh process
//!   (this program run again as a child, timing itself from its first call).
//! * `validate`: `inclusion validate FILE --format json` on 100,000 rows (the 687 embedded places
//!   repeated with new ids, 37 MB of CSV), against `read_path` and the JSON report written to
//!   a sink in this process.
//!
//! Medians of `RUNS` runs each, interleaved so that a change of load hits both sides.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use inclusion::geo::render::nearby_text;
use inclusion::geo::{HelpFilter, HelpIndex, HelpQuery};
use inclusion::model::wire::ValidationReport;
use inclusion::model::{Lang, ReadOptions, Service, read_path};
use inclusion::territory::communes::Gazetteer;

const RUNS: usize = 30;
const NEAR: [&str; 7] = [
    "near",
    "--near",
    "Grenoble",
    "--service",
    "Aide aux démarches administratives",
    "--open-at",
    "2026-12-01T10:00",
];

/// The library calls of `inclusion near` above, from cold: read the embedded places, find
/// Grenoble, build the index, query, render.
fn near_library() -> String {
    let places = inclusion::data::sample_places().to_vec();
    let (commune, point) = Gazetteer::embedded().locate("Grenoble").unwrap();
    let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let index = HelpIndex::build(places).unwrap();
    let query = HelpQuery::nearest(point.latitude, point.longitude, 5).filter(
        HelpFilter::default()
            .services([Service::AdministrativeProcedures])
            .open_at(at),
    );
    let hits = index.query(&query).unwrap();
    nearby_text(&index, &hits, &commune.name, "embedded", at, Lang::Fr)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn wall(args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_inclusion"))
        .args(args)
        .env_remove("LANG")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("runs");
    let elapsed = start.elapsed();
    assert!(matches!(status.code(), Some(0 | 1)), "{args:?}: {status:?}");
    elapsed
}

fn child_library_time() -> Duration {
    let out = Command::new(std::env::current_exe().unwrap())
        .env("INCLUSION_BENCH_CHILD", "near")
        .output()
        .expect("runs");
    let nanos: u64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("nanoseconds");
    Duration::from_nanos(nanos)
}

fn main() {
    if std::env::var_os("INCLUSION_BENCH_CHILD").is_some() {
        let start = Instant::now();
        let text = near_library();
        let elapsed = start.elapsed();
        assert!(text.contains("5 lieux"), "{text}");
        println!("{}", elapsed.as_nanos());
        return;
    }
    // cargo bench passes --bench; any other argument filters nothing here.
    let (mut cli, mut lib) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        cli.push(wall(&NEAR));
        lib.push(child_library_time());
    }
    let (c, l) = (median(cli), median(lib));
    println!(
        "near, embedded places: binary {:.1} ms wall, library alone (cold, in a fresh process) {:.1} ms; ratio {:.2}",
        c.as_secs_f64() * 1e3,
        l.as_secs_f64() * 1e3,
        c.as_secs_f64() / l.as_secs_f64()
    );

    let path = std::env::temp_dir().join(format!("inclusion-bench-{}.csv", std::process::id()));
    write_100k(&path);
    let file = path.to_str().unwrap();
    let (mut cli, mut lib) = (Vec::new(), Vec::new());
    for _ in 0..RUNS / 3 {
        // One thread, as the library call beside it (the binary's default is every CPU).
        cli.push(wall(&[
            "validate",
            file,
            "--format",
            "json",
            "--threads",
            "1",
        ]));
        let start = Instant::now();
        let report = read_path(&path, &ReadOptions::default()).unwrap();
        let mut sink = std::io::sink();
        serde_json::to_writer(&mut sink, &ValidationReport::from(&report)).unwrap();
        sink.flush().unwrap();
        assert_eq!(report.rows, 100_000);
        drop(report);
        lib.push(start.elapsed());
    }
    let (c, l) = (median(cli), median(lib));
    println!(
        "validate, 100,000 rows: binary {:.0} ms wall, library alone {:.0} ms; ratio {:.2}",
        c.as_secs_f64() * 1e3,
        l.as_secs_f64() * 1e3,
        c.as_secs_f64() / l.as_secs_f64()
    );
    let _ = std::fs::remove_file(&path);
}

/// The embedded places repeated to 100,000 rows, each with a new id.
fn write_100k(path: &std::path::Path) {
    let csv = inclusion::data::HINAURA_CSV;
    let (header, rows) = csv.split_once('\n').unwrap();
    let rows: Vec<&str> = rows.lines().collect();
    let mut out = String::with_capacity(100_000 * 520);
    out.push_str(header);
    out.push('\n');
    for i in 0..100_000 {
        let row = rows[i % rows.len()];
        // The first cell is the quoted id.
        let rest = row.split_once("\",").map_or(row, |(_, r)| r);
        out.push_str(&format!("\"b{i}\",{rest}\n"));
    }
    std::fs::write(path, out).unwrap();
}
