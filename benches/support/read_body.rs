// The body of the `read` and `read_mimalloc` benchmarks (see benches/read.rs).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use inclusion::model::{
    Column, FlatRecord, Place, ReadOptions, ReadReport, RecordValidator, WriteOptions,
    read_bytes, to_csv_string, validate_records, write_csv_with,
};
use serde::de::{Deserialize, Deserializer, Visitor};
use serde_json::Value;

const ROWS: usize = 100_000;

const EXAMPLE: &str = r#"[{"id":"structure-1","pivot":"43493312300029","nom":"Anonymal","commune":"Reims","code_postal":"51100","code_insee":"51454","adresse":"12 BIS RUE DE LECLERCQ","latitude":43.52609,"longitude":5.41423,"typologie":"TIERS_LIEUX|ASSO","telephone":"+33180059880","courriels":"contact@laquincaillerie.tl","site_web":"https://www.laquincaillerie.tl/","horaires":"Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00","source":"Hubik","date_maj":"2024-04-02","services":"Maîtrise des outils numériques du quotidien|Insertion professionnelle via le numérique","frais_a_charge":"Gratuit","modalites_accompagnement":"En autonomie|Accompagnement individuel"}]"#;

/// The base records and where they come from.
fn base_records() -> (Vec<Value>, &'static str) {
    let path = inclusion_anchors::anchors_dir().join("real-datasets/hub-du-sud-paca.20230517.json");
    match std::fs::read(&path) {
        Ok(bytes) => (
            serde_json::from_slice(&bytes).expect("anchor parses"),
            "Hub du Sud (646 real places)",
        ),
        Err(_) => {
            eprintln!(
                "notice: {} is absent; benchmarking the official example row",
                path.display()
            );
            (
                serde_json::from_str(EXAMPLE).expect("example parses"),
                "official example row",
            )
        }
    }
}

/// The base records repeated up to `ROWS`, with unique ids, as JSON text.
fn repeated_json() -> String {
    let (base, origin) = base_records();
    eprintln!("data: {origin}, repeated to {ROWS} rows");
    let records: Vec<Value> = (0..ROWS)
        .map(|i| {
            let mut r = base[i % base.len()].clone();
            let id = format!("{}-{}", r["id"].as_str().unwrap_or("id"), i / base.len());
            r["id"] = Value::String(id);
            r
        })
        .collect();
    serde_json::to_string(&records).expect("serialises")
}

/// A value of a flat JSON record, borrowing its text from the JSON text when it has no escape.
enum JsonCell<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    Null,
}

impl<'de> Deserialize<'de> for JsonCell<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<JsonCell<'de>, D::Error> {
        struct CellVisitor;
        impl<'de> Visitor<'de> for CellVisitor {
            type Value = JsonCell<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, a number or null")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Text(Cow::Owned(v.to_owned())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Number(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Number(v as f64))
            }
            fn visit_unit<E>(self) -> Result<JsonCell<'de>, E> {
                Ok(JsonCell::Null)
            }
        }
        d.deserialize_any(CellVisitor)
    }
}

/// Flat records borrowing their texts from `json`, an array of flat objects.
fn text_records(json: &str) -> Vec<FlatRecord<'_>> {
    let objects: Vec<BTreeMap<&str, JsonCell<'_>>> =
        serde_json::from_str(json).expect("flat records");
    objects
        .into_iter()
        .map(|o| {
            let mut r = FlatRecord::new();
            for (k, v) in o {
                match v {
                    JsonCell::Text(t) => r.set(k, t),
                    JsonCell::Number(n) => r.set_number(k, n),
                    JsonCell::Null => {}
                }
            }
            r
        })
        .collect()
}

/// Runs `routine` `iters` times on fresh inputs from `setup`, timing only `routine`: its output
/// is freed after the clock stops, before the next input is built.
fn timed<I, O>(
    iters: u64,
    mut setup: impl FnMut() -> I,
    mut routine: impl FnMut(I) -> O,
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let input = setup();
        let start = Instant::now();
        let output = black_box(routine(black_box(input)));
        total += start.elapsed();
        drop(output);
    }
    total
}

/// A criterion benchmark of `routine` on fresh inputs from `setup` (see [`timed`]).
fn measure<I, O>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    mut setup: impl FnMut() -> I,
    mut routine: impl FnMut(I) -> O,
) {
    group.bench_function(name, |b| {
        b.iter_custom(|iters| timed(iters, &mut setup, &mut routine))
    });
}

/// Reads a file's bytes, checking the count of places.
fn read(bytes: &[u8], expected: usize) -> ReadReport {
    read_with(bytes, expected, &ReadOptions::default())
}

/// Reads a file's bytes with these options, checking the count of places.
fn read_with(bytes: &[u8], expected: usize, options: &ReadOptions) -> ReadReport {
    let r = read_bytes(bytes, options);
    assert_eq!(r.places.len(), expected);
    r
}

/// Validates records, every place kept in the report, as a reader does.
fn keep_all<'a>(records: impl IntoIterator<Item = FlatRecord<'a>>, expected: usize) -> ReadReport {
    let r = validate_records(records, &ReadOptions::default());
    assert_eq!(r.places.len(), expected);
    r
}

/// Validates records one by one, each place dropped at once.
fn one_by_one<'a>(records: impl IntoIterator<Item = FlatRecord<'a>>, expected: usize) -> usize {
    let mut validator = RecordValidator::new(&ReadOptions::default());
    let mut kept = 0;
    for r in records {
        kept += usize::from(validator.check(r).place.is_some());
    }
    assert_eq!(kept, expected);
    kept
}

/// Canonical CSV (the standard's 32 columns) by this crate's writer.
fn write_ours(places: &[Place]) -> Vec<u8> {
    let mut out = Vec::new();
    write_csv_with(places, &mut out, &WriteOptions::standard_only()).expect("writes");
    out
}

/// The same by the `csv` crate (every field quoted, `\n` after each record) over the same
/// cells: the baseline, what the writer was before it wrote the form by hand.
fn write_csv_crate(places: &[Place]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(Column::ALL.iter().map(|c| c.name())).expect("writes");
    for p in places {
        for column in Column::ALL {
            w.write_field(inclusion::model::write::cell(p, column).as_bytes())
                .expect("writes");
        }
        w.write_record(None::<&[u8]>).expect("writes");
    }
    w.into_inner().expect("writes")
}

fn bench(c: &mut Criterion) {
    let json = repeated_json();
    let report = read_bytes(json.as_bytes(), &ReadOptions::default());
    assert_eq!(report.rows, ROWS);
    let csv = to_csv_string(&report.places).expect("writes");
    eprintln!(
        "csv: {} rows, {:.1} MB; {} valid places",
        ROWS,
        csv.len() as f64 / 1e6,
        report.places.len()
    );
    // Only the count is needed from here on: the 100,000 places of the preparation are freed, so
    // that every measured read starts from the same heap as a program reading one file.
    let expected = report.places.len();
    drop(report);

    let mut group = c.benchmark_group(env!("CARGO_CRATE_NAME"));
    group.sample_size(10);
    // Decimal megabytes (10^6 bytes, `MB/s`), the unit the README quotes.
    group.throughput(Throughput::BytesDecimal(csv.len() as u64));
    // Each measured read starts from the same heap: the places of the previous read are freed
    // outside the timed part, here and below.
    measure(
        &mut group,
        "csv_100k",
        || (),
        |()| read(csv.as_bytes(), expected),
    );
    // The same on two threads (`ReadOptions::threads`): the file cut in two parts at the start
    // of a row, each read on its thread, the reports appended. The report is the same.
    let two = ReadOptions::default().with_threads(2);
    assert!(
        read_bytes(csv.as_bytes(), &two) == read_bytes(csv.as_bytes(), &ReadOptions::default()),
        "two threads give the report of one"
    );
    measure(
        &mut group,
        "csv_100k_2_threads",
        || (),
        |()| read_with(csv.as_bytes(), expected, &two),
    );
    // The whole path from the bytes of a JSON file (an array of flat records) to validated places.
    group.throughput(Throughput::BytesDecimal(json.len() as u64));
    measure(
        &mut group,
        "json_100k",
        || (),
        |()| read(json.as_bytes(), expected),
    );

    // Flat records parsed outside the timed part, as the node script does: each record owns
    // its texts, and validation moves them into the places.
    let values: Vec<serde_json::Map<String, Value>> = serde_json::from_str(&json).expect("parses");
    // Texts as texts and numbers as numbers, as in the JavaScript objects the library receives.
    fn record<'v, 'a>(
        o: &'v serde_json::Map<String, Value>,
        text: impl Fn(&'v String) -> Cow<'a, str>,
    ) -> FlatRecord<'a> {
        let mut r = FlatRecord::new();
        for (k, v) in o {
            match v {
                Value::String(s) => r.set(k, text(s)),
                Value::Number(n) => r.set_number(k, n.as_f64().unwrap_or(f64::NAN)),
                _ => {}
            }
        }
        r
    }
    let owned: Vec<FlatRecord<'static>> = values
        .iter()
        .map(|o| record(o, |s| Cow::Owned(s.clone())))
        .collect();
    group.throughput(Throughput::Elements(owned.len() as u64));
    measure(
        &mut group,
        "validate_records_100k",
        || owned.clone(),
        |records| keep_all(records, expected),
    );
    // Records borrowing the texts of the parsed JSON values, built inside the timed part: every
    // text is copied into the places.
    measure(
        &mut group,
        "validate_borrowed_records_100k",
        || (),
        |()| {
            keep_all(
                values.iter().map(|o| record(o, |s| Cow::Borrowed(s))),
                expected,
            )
        },
    );
    // The like-for-like pair: records borrowing one parsed JSON text, kept alive (not consumed).
    let text = text_records(&json);
    measure(
        &mut group,
        "validate_text_records_100k",
        || text.clone(),
        |records| keep_all(records, expected),
    );
    measure(
        &mut group,
        "stream_text_records_100k",
        || text.clone(),
        |records| one_by_one(records, expected),
    );
    drop(text);
    // Record by record from the parsed JSON values: the records stay alive, each place is made
    // (its texts copied) and dropped at once.
    measure(
        &mut group,
        "stream_borrowed_records_100k",
        || {
            values
                .iter()
                .map(|o| record(o, |s| Cow::Borrowed(s)))
                .collect::<Vec<_>>()
        },
        |records| one_by_one(records, expected),
    );
    group.finish();

    // Writing the places of the CSV file as canonical CSV: this crate's writer against the
    // `csv` crate over the same cells, in the same run; both write the same bytes.
    let places = read(csv.as_bytes(), expected).places;
    let ours = write_ours(&places);
    assert!(ours == write_csv_crate(&places), "the same bytes");
    let mut group = c.benchmark_group(format!("{}_write", env!("CARGO_CRATE_NAME")));
    group.sample_size(10);
    group.throughput(Throughput::BytesDecimal(ours.len() as u64));
    drop(ours);
    group.bench_function("csv_100k", |b| b.iter(|| write_ours(&places)));
    group.bench_function("csv_100k_csv_crate", |b| {
        b.iter(|| write_csv_crate(&places))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
