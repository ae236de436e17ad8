// The body of `benches/read_memory.rs` and `benches/read_memory_mimalloc.rs` (their docs say
// what it does): one program, built with either allocator.

use std::io::{BufWriter, Write};
use std::time::Instant;

use inclusion::model::{Place, ReadOptions, Record, read_bytes, read_path, to_csv_string};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["generate", kind, rows, out] => generate(kind, rows.parse().unwrap_or(0), out),
        ["read", path, mode] => read(path, *mode == "keep"),
        // `cargo bench` runs every benchmark without arguments: nothing to measure here.
        [] => Ok(()),
        _ => Err(
            "usage: read_memory generate valid|invalid|x|json ROWS OUT | read FILE keep|validate"
                .into(),
        ),
    };
    if let Err(e) = result {
        eprintln!("read_memory: {e}");
        std::process::exit(2);
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn read(path: &str, keep: bool) -> Result<()> {
    let start = Instant::now();
    let options = ReadOptions::default().with_keep_places(keep);
    let report = read_path(path, &options)?;
    println!(
        "{path}: {} rows, {} invalid, {} places kept, {} problems ({} listed), {:.2} s",
        report.rows,
        report.invalid_rows,
        report.places.len(),
        report.error_count() + report.warning_count(),
        report.diagnostics.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The real places the files repeat.
fn base() -> Result<Vec<Place>> {
    let path = inclusion_anchors::anchors_dir().join("real-datasets/hub-du-sud-paca.20230517.json");
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(read_bytes(&bytes, &ReadOptions::default()).places)
}

fn generate(kind: &str, rows: usize, out: &str) -> Result<()> {
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    match kind {
        "x" => {
            let header = to_csv_string(&[])?;
            w.write_all(header.as_bytes())?;
            for _ in 0..rows {
                w.write_all(b"x\n")?;
            }
        }
        "json" => {
            let places = base()?;
            w.write_all(b"[")?;
            for i in 0..rows {
                let mut p = places[i % places.len()].clone();
                p.id = format!("{}-{}", p.id, i / places.len()).into();
                if i > 0 {
                    w.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut w, &Record(&p))?;
            }
            w.write_all(b"]\n")?;
        }
        "valid" | "invalid" => {
            let places = base()?;
            let csv = to_csv_string(&places)?;
            let mut lines = csv.lines();
            writeln!(w, "{}", lines.next().unwrap_or_default())?;
            // Canonical CSV: every row starts with its quoted id, then its quoted pivot.
            let rows_of_base: Vec<(&str, &str, &str)> = lines
                .filter_map(|l| {
                    let (id, rest) = l.strip_prefix('"')?.split_once("\",\"")?;
                    let (pivot, rest) = rest.split_once("\",\"")?;
                    Some((id, pivot, rest))
                })
                .collect();
            for i in 0..rows {
                let (id, pivot, rest) = rows_of_base[i % rows_of_base.len()];
                let pivot = if kind == "invalid" {
                    "pas un pivot"
                } else {
                    pivot
                };
                writeln!(
                    w,
                    "\"{id}-{}\",\"{pivot}\",\"{rest}",
                    i / rows_of_base.len()
                )?;
            }
        }
        other => return Err(format!("unknown kind {other}").into()),
    }
    w.flush()?;
    Ok(())
}
