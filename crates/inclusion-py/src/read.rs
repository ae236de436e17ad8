//! Reading, validating and writing files of the standard: `read`, `validate_records`,
//! `Report`, `Diagnostic`, `write_csv`, `write_json`, `write_geojson`, `to_data_inclusion`; and
//! the places a Python caller hands over (a `Report` or an iterable of `Place`).

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use inclusion_model::{
    Diagnostic, FlatRecord, Format, Level, PartedReport, Place, ReadOptions, ReadReport,
    SchemaVersion, Severity, join_parts, read_bytes, read_bytes_parted, read_path_parted,
    validate_records as validate_flat_records,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyMemoryView, PyString,
};

use crate::convert::{self, many_to_python, to_python, type_name};
use crate::errors::{self, Kind};
use crate::place::{PyPlace, place_list, record};

/// What reading gives: the valid places and every problem found.
#[pyclass(frozen, module = "inclusion", name = "Report")]
pub struct PyReport {
    /// The places: in Rust until Python first asks for them.
    places: LazyPlaces,
    /// The problems, as `Diagnostic` objects.
    diagnostics: Py<PyList>,
    rows: usize,
    invalid: usize,
    format: &'static str,
    version: &'static str,
    counts: Vec<(&'static str, &'static str, usize, usize)>,
}

#[pymethods]
impl PyReport {
    /// The valid places (in lenient reading, also the rows whose errors are all in optional
    /// columns, those values dropped), as `Place` objects, in file order.
    ///
    /// The places stay in Rust until this is first read (or `records()`, or a `HelpIndex`
    /// built from the report): a report whose places are only written, converted or counted
    /// never pays for 100,000 Python objects. Each read returns the same list.
    #[getter]
    fn places(&self, py: Python<'_>) -> PyResult<Py<PyList>> {
        Ok(self.places.objects(py)?.clone_ref(py))
    }
    /// The problems, in file order (file-level problems first): every problem of the file
    /// itself and the first 1,000 of each code in rows (`counts()` has the exact numbers).
    #[getter]
    fn diagnostics(&self, py: Python<'_>) -> Py<PyList> {
        self.diagnostics.clone_ref(py)
    }
    /// The number of data rows (records) read.
    #[getter]
    fn rows(&self) -> usize {
        self.rows
    }
    /// The number of rows without error.
    #[getter]
    fn valid(&self) -> usize {
        self.rows.saturating_sub(self.invalid)
    }
    /// The number of rows with at least one error.
    #[getter]
    fn invalid(&self) -> usize {
        self.invalid
    }
    /// The format read: `"csv"` or `"json"`.
    #[getter]
    fn format(&self) -> &'static str {
        self.format
    }
    /// The version of the standard the file was read as: `"1.0"`, or `"0.1"` (migrated).
    #[getter]
    fn version(&self) -> &'static str {
        self.version
    }

    /// How many problems of each code and severity were found and how many `diagnostics`
    /// keeps, in order of first appearance: `[{"code", "severity", "found", "kept"}]`.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for &(code, severity, found, kept) in &self.counts {
            let d = PyDict::new(py);
            d.set_item("code", code)?;
            d.set_item("severity", severity)?;
            d.set_item("found", found)?;
            d.set_item("kept", kept)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// The places as the standard's flat records (one dict per place, see `Place.to_dict`):
    /// `pandas.DataFrame(report.records())` gives one row per place.
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let places = self.places.objects(py)?.bind(py);
        let _paused = crate::gc::Paused::new(py);
        let list = PyList::empty(py);
        for p in places.iter() {
            let p = p.cast_into::<PyPlace>()?;
            list.append(record(py, &p.get().place)?)?;
        }
        Ok(list)
    }

    /// The diagnostics as dicts (`row`, `column`, `value`, `code`, `severity`, `message_fr`,
    /// `message_en`), pandas-friendly.
    fn diagnostic_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let _paused = crate::gc::Paused::new(py);
        let list = PyList::empty(py);
        for d in self.diagnostics.bind(py).iter() {
            let d = d.cast_into::<PyDiagnostic>()?;
            list.append(to_python(py, &d.get().diagnostic)?)?;
        }
        Ok(list)
    }

    fn __len__(&self) -> usize {
        self.places.len
    }

    fn __repr__(&self) -> String {
        format!(
            "Report(rows={}, valid={}, invalid={}, format={:?}, version={:?})",
            self.rows,
            self.rows.saturating_sub(self.invalid),
            self.invalid,
            self.format,
            self.version
        )
    }
}

/// The places of a report, kept as the reader made them until Python first asks for them
/// as `Place` objects, then made into a list once (each place moved into its object).
///
/// Measured (`scripts/python-bench.py`, 100,000 places): making the objects costs 121.7 M of
/// the 1,057.2 M instructions of `read(path).places` (18–30 ms), which a caller that writes,
/// converts or counts the places, or reads only the diagnostics, does not need.
///
/// A file read on several threads leaves its places in one vector per part
/// ([`PartedReport`]): the objects are made from the parts in order, and the parts are
/// joined into one vector (each later part's places moved once, as `read_bytes` does) only
/// when work needs them all as one slice.
struct LazyPlaces {
    /// The places not yet made into objects, one vector per part read (one when joined);
    /// empty once they are made into objects.
    rust: Mutex<Vec<Vec<Place>>>,
    /// The `Place` objects, once made.
    objects: PyOnceLock<Py<PyList>>,
    /// How many places there are.
    len: usize,
}

impl LazyPlaces {
    fn new(parts: Vec<Vec<Place>>) -> LazyPlaces {
        LazyPlaces {
            len: parts.iter().map(Vec::len).sum(),
            rust: Mutex::new(parts),
            objects: PyOnceLock::new(),
        }
    }

    /// The list of `Place` objects, made at the first call.
    fn objects(&self, py: Python<'_>) -> PyResult<&Py<PyList>> {
        self.objects.get_or_try_init(py, || {
            let parts =
                std::mem::take(&mut *self.rust.lock().unwrap_or_else(PoisonError::into_inner));
            place_list(py, parts.into_iter().flatten())
        })
    }

    /// `work` on the places, with the interpreter released: on the Rust places themselves
    /// while no object is made (borrowed under the lock, the parts joined first if there are
    /// several; taken and dropped on the released side so that a thread that holds the
    /// interpreter and makes the objects only waits for `work`); on a copy of the objects'
    /// places once they are made.
    fn with<R: Send>(
        &self,
        py: Python<'_>,
        work: impl FnOnce(&[Place]) -> R + Send,
    ) -> PyResult<R> {
        py.detach(|| {
            let mut parts = self.rust.lock().unwrap_or_else(PoisonError::into_inner);
            if parts.iter().map(Vec::len).sum::<usize>() != self.len {
                // Made into objects, before this call or while it waited for the lock.
                return Err(work);
            }
            join(&mut parts);
            Ok(work(parts.first().map_or(&[], Vec::as_slice)))
        })
        .or_else(|work| {
            let places = place_copies(self.objects(py)?.bind(py).as_any())?;
            Ok(py.detach(|| work(&places)))
        })
    }

    /// A copy of the places: from the Rust ones while no object is made, without making
    /// any; from the objects once they are.
    fn cloned(&self, py: Python<'_>) -> PyResult<Vec<Place>> {
        match self.objects.get(py) {
            Some(list) => place_copies(list.bind(py).as_any()),
            None => Ok(self
                .rust
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .concat()),
        }
    }
}

/// The parts made one vector: the later parts' places moved after the first's.
fn join(parts: &mut Vec<Vec<Place>>) {
    if parts.len() > 1 {
        let later = parts.split_off(1);
        if let Some(first) = parts.first_mut() {
            join_parts(first, later);
        }
    }
}

/// One problem found: where (row as in a spreadsheet, column, value),
/// what (a stable code), how serious, and a message in French and in English.
#[pyclass(frozen, module = "inclusion", name = "Diagnostic")]
pub struct PyDiagnostic {
    diagnostic: Diagnostic,
}

#[pymethods]
impl PyDiagnostic {
    /// The row as a spreadsheet shows it — in a CSV file the header is row 1 and the first
    /// place row 2; in a JSON array the first record is row 1 — or `None` for a problem of
    /// the whole file.
    #[getter]
    fn row(&self) -> Option<usize> {
        self.diagnostic.row()
    }
    /// The column concerned, if any.
    #[getter]
    fn column(&self) -> Option<&str> {
        self.diagnostic.column()
    }
    /// The value concerned, as written, if any; a value longer than 200 characters is kept as
    /// its first 200 characters followed by `…` (the message gives its full length).
    #[getter]
    fn value(&self) -> Option<&str> {
        self.diagnostic.value()
    }
    /// The stable code of the rule (e.g. `pattern`, `label`, `date_maj.future`).
    #[getter]
    fn code(&self) -> &'static str {
        self.diagnostic.code()
    }
    /// `"error"` or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        severity(self.diagnostic.severity())
    }
    /// The message in French.
    #[getter]
    fn message_fr(&self) -> String {
        self.diagnostic.message_fr()
    }
    /// The message in English.
    #[getter]
    fn message_en(&self) -> String {
        self.diagnostic.message_en()
    }
    /// The diagnostic as a dict (the JSON form of the validation report).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.diagnostic)
    }
    fn __str__(&self) -> String {
        self.diagnostic.to_string()
    }
    fn __repr__(&self) -> String {
        let row = self
            .diagnostic
            .row()
            .map_or_else(|| "None".to_owned(), |r| r.to_string());
        let column = self
            .diagnostic
            .column()
            .map_or_else(|| "None".to_owned(), |c| format!("{c:?}"));
        format!(
            "Diagnostic(row={row}, column={column}, code={:?}, severity={:?})",
            self.diagnostic.code(),
            severity(self.diagnostic.severity())
        )
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        _ => "warning",
    }
}

/// The reading options from the Python arguments.
fn options(level: &str, lenient: bool, version: Option<&str>) -> PyResult<ReadOptions> {
    let level = match level {
        "standard" => Level::Standard,
        "strict" => Level::Strict,
        other => {
            return Err(PyValueError::new_err(format!(
                "level must be \"standard\" or \"strict\", not {other:?}"
            )));
        }
    };
    let options = ReadOptions::default()
        .with_level(level)
        .with_lenient(lenient);
    Ok(match version {
        None => options,
        Some("1.0" | "1") => options.with_version(SchemaVersion::V1_0),
        Some("0.1") => options.with_version(SchemaVersion::V0_1),
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "version must be None (detect it), \"1.0\" or \"0.1\", not {other:?}"
            )));
        }
    })
}

/// A Python report from a Rust report (places and diagnostics moved into Python objects).
/// `later`: the places of the parts after the first, when the report was read in parts
/// ([`PartedReport`]).
fn into_python(py: Python<'_>, report: ReadReport, later: Vec<Vec<Place>>) -> PyResult<PyReport> {
    let counts = report
        .counts()
        .iter()
        .map(|c| (c.code, severity(c.severity), c.found, c.kept))
        .collect();
    let format = match report.format {
        Format::Csv => "csv",
        _ => "json",
    };
    let version = match report.version {
        SchemaVersion::V0_1 => "0.1",
        _ => "1.0",
    };
    let _paused = crate::gc::Paused::new(py);
    let diagnostics = report
        .diagnostics
        .into_iter()
        .map(|diagnostic| Py::new(py, PyDiagnostic { diagnostic }))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyReport {
        places: LazyPlaces::new(std::iter::once(report.places).chain(later).collect()),
        diagnostics: PyList::new(py, diagnostics)?.unbind(),
        rows: report.rows,
        invalid: report.invalid_rows,
        format,
        version,
        counts,
    })
}

/// A report that read nothing at all is an exception, with the file-level diagnostic's
/// message.
fn readable(report: ReadReport) -> PyResult<ReadReport> {
    match report.unreadable() {
        Some(d) => Err(errors::error(
            Kind::Unreadable,
            format!("the file cannot be read: {}", d.message_en()),
        )),
        None => Ok(report),
    }
}

/// Reads a file of the standard — CSV or JSON, v1.0.x or v0.1 (migrated) — from a path, from
/// its bytes (`bytes`, `bytearray`, `memoryview`), or from a file object opened in binary mode
/// (anything with a `read()` that returns bytes: `open(path, "rb")`, `io.BytesIO`, a member
/// of a zip archive, an HTTP response), and validates every row.
///
/// A CSV file of 4 MB or more is read in `threads` parts, each on its own thread (by default
/// as many as the system gives this process; `threads=1` reads on the calling thread); the
/// report is the one a single thread gives (same places, diagnostics and counts, in the same
/// order). A CSV file given by its path is read from disk a chunk at a time, never whole in
/// memory; bytes and file objects are read whole first (a file object to its end, from where
/// it stands). The report is the same whichever way the file comes.
#[pyfunction]
#[pyo3(signature = (source, level = "standard", lenient = false, *, version = None, threads = None))]
pub(crate) fn read(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    level: &str,
    lenient: bool,
    version: Option<&str>,
    threads: Option<usize>,
) -> PyResult<PyReport> {
    let threads = convert::threads(threads)?;
    let options = options(level, lenient, version)?.with_threads(threads.get());
    let report = match FileSource::of(source)? {
        Some(FileSource::Path(path)) => py
            .detach(|| read_path_parted(&path, &options))
            .map_err(errors::model)?,
        Some(FileSource::Bytes(bytes)) => {
            let bytes = bytes.as_bytes();
            py.detach(|| read_bytes_parted(bytes, &options))
        }
        None => {
            return Err(PyTypeError::new_err(format!(
                "source must be a path (str or os.PathLike), the file's bytes or a file \
                 object opened in binary mode, not {}",
                type_name(source)
            )));
        }
    };
    let PartedReport { report, later, .. } = report;
    into_python(py, readable(report)?, later)
}

/// A file as Python code gives it: its path, or its bytes.
pub(crate) enum FileSource<'py> {
    /// A `str` or an `os.PathLike`.
    Path(PathBuf),
    /// `bytes` as they are; a `bytearray` or a `memoryview` copied; what a file object's
    /// `read()` returned.
    Bytes(Bound<'py, PyBytes>),
}

impl<'py> FileSource<'py> {
    /// The file `source` stands for, or `None` when it is none of a path, bytes (`bytes`,
    /// `bytearray`, `memoryview`) and a file object opened in binary mode (anything with a
    /// `read()`, read from where it stands to its end). A `str` that holds lines is the text of a
    /// file, not a path, and a file object opened in text mode gives a `str`: both are a
    /// `TypeError` that says what to pass instead.
    pub(crate) fn of(source: &Bound<'py, PyAny>) -> PyResult<Option<FileSource<'py>>> {
        if let Ok(bytes) = source.cast::<PyBytes>() {
            return Ok(Some(FileSource::Bytes(bytes.clone())));
        }
        if source.is_instance_of::<PyByteArray>() || source.is_instance_of::<PyMemoryView>() {
            return Ok(Some(FileSource::Bytes(copied(source)?)));
        }
        if let Ok(text) = source.cast::<PyString>() {
            if text.to_cow()?.contains('\n') {
                return Err(PyTypeError::new_err(
                    "a str source is a path, and this one holds lines: to read the text of a \
                     file, pass its bytes (text.encode(\"utf-8\"))",
                ));
            }
            return Ok(Some(FileSource::Path(source.extract()?)));
        }
        if is_path(source) {
            return Ok(Some(FileSource::Path(source.extract()?)));
        }
        if !source.hasattr("read").unwrap_or(false) {
            return Ok(None);
        }
        let read = source.call_method0("read")?;
        if read.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "this file object was opened in text mode: open it in binary mode \
                 (open(path, \"rb\")), or pass its path, so that the encoding is detected as \
                 for any file",
            ));
        }
        if read.is_instance_of::<PyByteArray>() {
            return Ok(Some(FileSource::Bytes(copied(&read)?)));
        }
        match read.cast_into::<PyBytes>() {
            Ok(bytes) => Ok(Some(FileSource::Bytes(bytes))),
            Err(e) => Err(PyTypeError::new_err(format!(
                "the file object's read() gave {}, not bytes",
                type_name(e.into_inner().as_any())
            ))),
        }
    }
}

/// Whether `value` names a file by its path: a `str` or an `os.PathLike`.
fn is_path(value: &Bound<'_, PyAny>) -> bool {
    value.is_instance_of::<PyString>() || value.hasattr("__fspath__").unwrap_or(false)
}

/// A `bytes` copy of a `bytearray` or a `memoryview` (`bytes(value)`: one copy, made by
/// Python).
fn copied<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    Ok(value
        .py()
        .get_type::<PyBytes>()
        .call1((value,))?
        .cast_into::<PyBytes>()?)
}

/// Validates records parsed elsewhere (a database, an API, a DataFrame's `to_dict("records")`)
/// with the same rules as `read`.
#[pyfunction]
#[pyo3(signature = (records, level = "standard", lenient = false))]
pub(crate) fn validate_records(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    level: &str,
    lenient: bool,
) -> PyResult<PyReport> {
    let options = options(level, lenient, None)?;
    let mut flat = Vec::new();
    for item in records.try_iter()? {
        flat.push(flat_record(&item?)?);
    }
    let report = py.detach(|| validate_flat_records(flat, &options));
    into_python(py, report, Vec::new())
}

/// One record from a mapping of column name to value: `str`; `int` or `float` (numbers, for
/// `latitude` and `longitude`); a list or tuple of `str` (a list column, joined with `|`);
/// `None` (absent).
fn flat_record(item: &Bound<'_, PyAny>) -> PyResult<FlatRecord<'static>> {
    let Ok(mapping) = item.cast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "each record must be a dict of column name to value, not {}",
            type_name(item)
        )));
    };
    let mut record = FlatRecord::new();
    for (key, value) in mapping.iter() {
        let Ok(name) = key.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "column names are str, not {}",
                type_name(&key)
            )));
        };
        let name = name.to_cow()?;
        if value.is_none() {
            continue;
        }
        if let Ok(s) = value.cast::<PyString>() {
            record.set(&name, s.to_cow()?.into_owned());
        } else if value.is_instance_of::<PyBool>() {
            return Err(PyTypeError::new_err(format!(
                "column {name}: a bool is not a value of the standard"
            )));
        } else if value.is_instance_of::<PyFloat>() || value.is_instance_of::<PyInt>() {
            let number: f64 = value.extract()?;
            record.set_number(&name, number);
        } else if let Ok(list) = value.extract::<Vec<String>>() {
            record.set(&name, list.join("|"));
        } else {
            return Err(PyTypeError::new_err(format!(
                "column {name}: expected str, a number, a list of str or None, not {}",
                type_name(&value)
            )));
        }
    }
    Ok(record)
}

/// Places written by `write` (with the interpreter released) to `path`, a path or a file
/// object (its `write` given the text, or its UTF-8 bytes when it is a binary file: an
/// `io.BufferedIOBase` or `io.RawIOBase`), or returned as a `str` when `path` is `None`.
fn write_places(
    py: Python<'_>,
    places: &Bound<'_, PyAny>,
    path: Option<&Bound<'_, PyAny>>,
    write: fn(&[Place]) -> Result<String, inclusion_model::ModelError>,
) -> PyResult<Option<String>> {
    let text = with_places(places, write)?.map_err(errors::model)?;
    let Some(path) = path.filter(|p| !p.is_none()) else {
        return Ok(Some(text));
    };
    if !is_path(path) && path.hasattr("write")? {
        let io = py.import("io")?;
        let binary = path.is_instance(&io.getattr("BufferedIOBase")?)?
            || path.is_instance(&io.getattr("RawIOBase")?)?;
        if binary {
            path.call_method1("write", (PyBytes::new(py, text.as_bytes()),))?;
        } else {
            path.call_method1("write", (text,))?;
        }
        return Ok(None);
    }
    let path: PathBuf = path.extract()?;
    py.detach(|| std::fs::write(&path, text.as_bytes()))
        .map_err(|e| errors::io_error(e.kind(), format!("cannot write {}: {e}", path.display())))?;
    Ok(None)
}

/// Writes places as the standard's canonical CSV (v1.0.2, 32 columns): to `path` (a path, or
/// a file object: a text file gets the text, in its own encoding, a binary one its UTF-8
/// bytes), or returned as a `str` when `path` is `None`.
#[pyfunction]
#[pyo3(signature = (places, path = None))]
pub(crate) fn write_csv(
    py: Python<'_>,
    places: &Bound<'_, PyAny>,
    path: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<String>> {
    write_places(py, places, path, inclusion_model::to_csv_string)
}

/// Writes places as a JSON array of the standard's flat records (see `write_csv`).
#[pyfunction]
#[pyo3(signature = (places, path = None))]
pub(crate) fn write_json(
    py: Python<'_>,
    places: &Bound<'_, PyAny>,
    path: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<String>> {
    write_places(py, places, path, inclusion_model::to_json_string)
}

/// Writes places as a GeoJSON FeatureCollection, places without coordinates with a `null`
/// geometry (see `write_csv`).
#[pyfunction]
#[pyo3(signature = (places, path = None))]
pub(crate) fn write_geojson(
    py: Python<'_>,
    places: &Bound<'_, PyAny>,
    path: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<String>> {
    write_places(py, places, path, inclusion_model::to_geojson_string)
}

/// Converts places to data·inclusion v1: `{"structures": [...], "services": [...],
/// "diagnostics": [...]}`, each in data·inclusion's JSON form. Each structure and service
/// keeps its place's own `source`; `source` names the source of the places without one.
#[pyfunction]
pub(crate) fn to_data_inclusion<'py>(
    py: Python<'py>,
    places: &Bound<'py, PyAny>,
    source: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let export = with_places(places, |places| {
        inclusion_exchange::data_inclusion::to_data_inclusion(places, source)
    })?;
    let out = PyDict::new(py);
    out.set_item("structures", many_to_python(py, &export.structures)?)?;
    out.set_item("services", many_to_python(py, &export.services)?)?;
    out.set_item("diagnostics", many_to_python(py, &export.diagnostics)?)?;
    Ok(out)
}

/// The places a caller hands over: a `Report` (its places) or an iterable of `Place`, as
/// Python objects, in order.
pub(crate) fn place_objects(value: &Bound<'_, PyAny>) -> PyResult<Vec<Py<PyPlace>>> {
    let py = value.py();
    let iterable = match value.cast::<PyReport>() {
        Ok(report) => report.get().places.objects(py)?.bind(py).clone().into_any(),
        Err(_) => value.clone(),
    };
    let not_places = || {
        PyTypeError::new_err(format!(
            "expected a Report or an iterable of Place objects, not {}",
            type_name(value)
        ))
    };
    // A path or the bytes of a file iterate as characters or numbers: say to read it first.
    let is_file = is_path(value)
        || value.is_instance_of::<PyBytes>()
        || value.is_instance_of::<PyByteArray>();
    if is_file {
        return Err(PyTypeError::new_err(format!(
            "expected a Report or an iterable of Place objects, not a file ({}): read it first, \
             inclusion.read(path)",
            type_name(value)
        )));
    }
    let mut out = Vec::new();
    for item in iterable.try_iter().map_err(|_| not_places())? {
        let item = item?;
        match item.cast_into::<PyPlace>() {
            Ok(p) => out.push(p.unbind()),
            Err(e) => {
                let item = e.into_inner();
                return Err(PyTypeError::new_err(format!(
                    "expected Place objects (inclusion.read(...).places), found {}{}",
                    type_name(&item),
                    if item.is_instance_of::<pyo3::types::PyDict>() {
                        ": records as dicts become places through inclusion.validate_records(...)"
                    } else {
                        ""
                    }
                )));
            }
        }
    }
    Ok(out)
}

/// The places a caller hands over, copied: a report's without making their Python objects
/// when they are not made yet.
pub(crate) fn places(value: &Bound<'_, PyAny>) -> PyResult<Vec<Place>> {
    match value.cast::<PyReport>() {
        Ok(report) => report.get().places.cloned(value.py()),
        Err(_) => place_copies(value),
    }
}

/// `work` on the places a caller hands over, with the interpreter released: a report's
/// borrowed as they are while their Python objects are not made, a copy otherwise.
fn with_places<R: Send>(
    value: &Bound<'_, PyAny>,
    work: impl FnOnce(&[Place]) -> R + Send,
) -> PyResult<R> {
    let py = value.py();
    match value.cast::<PyReport>() {
        Ok(report) => report.get().places.with(py, work),
        Err(_) => {
            let places = place_copies(value)?;
            Ok(py.detach(|| work(&places)))
        }
    }
}

/// The places of `Place` objects (a report's, or an iterable of them), copied out.
fn place_copies(value: &Bound<'_, PyAny>) -> PyResult<Vec<Place>> {
    let py = value.py();
    Ok(place_objects(value)?
        .iter()
        .map(|p| p.bind(py).get().place.clone())
        .collect())
}

/// For the benchmark of the binding's cost (`scripts/python-bench.py`): reads like `read`
/// but hands nothing to Python except `(rows, places, diagnostics, reading, freeing)`: the
/// counts, then the seconds spent in `read_bytes` and in freeing what it made, each timed in
/// Rust, so that the Rust call alone is measured in the same process, apart from the freeing
/// that `read` leaves to the moment Python drops its report.
#[pyfunction]
#[pyo3(signature = (source, level = "standard"))]
pub(crate) fn _read_counts(
    py: Python<'_>,
    source: &Bound<'_, PyBytes>,
    level: &str,
) -> PyResult<(usize, usize, usize, f64, f64)> {
    let options = options(level, false, None)?;
    let bytes = source.as_bytes();
    Ok(py.detach(|| {
        let start = Instant::now();
        let report = read_bytes(bytes, &options);
        let reading = start.elapsed().as_secs_f64();
        let (rows, places, diagnostics) =
            (report.rows, report.places.len(), report.diagnostics.len());
        let start = Instant::now();
        drop(report);
        (
            rows,
            places,
            diagnostics,
            reading,
            start.elapsed().as_secs_f64(),
        )
    }))
}
