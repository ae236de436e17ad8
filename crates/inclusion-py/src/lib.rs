//! # inclusion-py
//!
//! The native part of the Python package `inclusion` (PyO3, stable ABI from Python 3.9):
//! the crates of the workspace behind a Pythonic API. The package is built by maturin
//! (`pyproject.toml`) into the extension module `inclusion._inclusion`, which the Python
//! files of `python/inclusion/` re-export with their type stubs and exceptions.
//!
//! | module | Python API |
//! |---|---|
//! | `read` | `read`, `validate_records`, `Report`, `Diagnostic`, `write_csv`, `write_json`, `write_geojson`, `to_data_inclusion` |
//! | `place` | `Place` (the standard's columns as attributes, `to_dict`) |
//! | `help` | `HelpIndex` (`nearest`, `within`, `near_commune`), `Hit`, `Answer` |
//! | `hours` | `OpeningHours` |
//! | `communes` | `communes.find`, `communes.locate`, `communes.suggest`, `Commune` |
//! | `skills` | `assess`, `questionnaire`, `eurostat_assess` |
//! | `coverage` | `coverage`, `Coverage` |
//! | `dedup` | `dedup`, `Dedup`, `find_duplicates`, `explain`, `merge`, `quality` |
//! | `convert`, `errors` | instants and dates, JSON forms, labels; the library's errors as Python exceptions |
//! | `gc` | Python's cyclic collector paused while many objects are made at once |
//!
//! Long work (reading, validating, building an index, coverage, deduplication, writing) runs
//! with the interpreter released (`Python::detach`), so other Python threads go on.

mod communes;
mod convert;
mod coverage;
mod dedup;
mod errors;
mod gc;
mod help;
mod hours;
mod place;
mod read;
mod skills;

use pyo3::prelude::*;

/// The extension's allocator: reading keeps several short texts per place, and glibc's
/// `malloc` is about a sixth of the instructions of reading a file (mimalloc: a few). A
/// Python program cannot choose the allocator of an extension, so the package chooses it; the
/// interpreter's own objects are unaffected. Measured in the README ("Python").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The extension module `inclusion._inclusion`.
#[pymodule]
fn _inclusion(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let columns: Vec<&str> = inclusion_model::Column::ALL
        .iter()
        .map(|c| c.name())
        .collect();
    m.add("COLUMNS", pyo3::types::PyTuple::new(m.py(), columns)?)?;
    m.add_function(wrap_pyfunction!(read::read, m)?)?;
    m.add_function(wrap_pyfunction!(read::validate_records, m)?)?;
    m.add_function(wrap_pyfunction!(read::_read_counts, m)?)?;
    m.add_function(wrap_pyfunction!(read::write_csv, m)?)?;
    m.add_function(wrap_pyfunction!(read::write_json, m)?)?;
    m.add_function(wrap_pyfunction!(read::write_geojson, m)?)?;
    m.add_function(wrap_pyfunction!(read::to_data_inclusion, m)?)?;
    m.add_class::<read::PyReport>()?;
    m.add_class::<read::PyDiagnostic>()?;
    m.add_class::<place::PyPlace>()?;
    m.add_class::<help::PyHelpIndex>()?;
    m.add_class::<help::PyHit>()?;
    m.add_class::<help::PyAnswer>()?;
    m.add_class::<hours::PyOpeningHours>()?;
    m.add_class::<communes::PyCommune>()?;
    m.add_function(wrap_pyfunction!(communes::find, m)?)?;
    m.add_function(wrap_pyfunction!(communes::locate, m)?)?;
    m.add_function(wrap_pyfunction!(communes::suggest, m)?)?;
    m.add_function(wrap_pyfunction!(skills::assess, m)?)?;
    m.add_function(wrap_pyfunction!(skills::questionnaire, m)?)?;
    m.add_function(wrap_pyfunction!(skills::eurostat_assess, m)?)?;
    m.add_function(wrap_pyfunction!(coverage::coverage, m)?)?;
    m.add_class::<coverage::PyCoverage>()?;
    m.add_function(wrap_pyfunction!(dedup::dedup, m)?)?;
    m.add_function(wrap_pyfunction!(dedup::find_duplicates, m)?)?;
    m.add_function(wrap_pyfunction!(dedup::explain, m)?)?;
    m.add_function(wrap_pyfunction!(dedup::merge, m)?)?;
    m.add_function(wrap_pyfunction!(dedup::quality, m)?)?;
    m.add_class::<dedup::PyDedup>()?;
    Ok(())
}
