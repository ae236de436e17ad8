//! Python's cyclic garbage collector paused while the package makes many objects at once.
//!
//! Every Python object that can hold others (a `Place`, a dict, a list) is tracked by the
//! cyclic collector, which runs a collection every 700 such objects made and, as they
//! survive, collections of older generations over all of them: handing 100,000 places to
//! Python spent more than half of its instructions in collections that could find nothing,
//! for the objects made here form no cycle. The collector is paused while they are made and
//! resumed after, if it was running, as `gc.disable()` and `gc.enable()` would do.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// The collector, paused until this is dropped; nothing when it was not running (the caller
/// paused it, or an outer pause did).
pub(crate) struct Paused<'py>(Option<Bound<'py, PyModule>>);

impl<'py> Paused<'py> {
    /// Pauses the collector if it is running.
    pub(crate) fn new(py: Python<'py>) -> Paused<'py> {
        let running = |gc: &Bound<'py, PyModule>| {
            gc.call_method0("isenabled")
                .and_then(|enabled| enabled.is_truthy())
                .unwrap_or(false)
        };
        // The module imported once (an import per pause cost about a microsecond).
        static GC: PyOnceLock<Option<Py<PyModule>>> = PyOnceLock::new();
        let gc = GC
            .get_or_init(py, || py.import("gc").ok().map(Bound::unbind))
            .as_ref()
            .map(|gc| gc.bind(py).clone())
            .filter(|gc| running(gc) && gc.call_method0("disable").is_ok());
        Paused(gc)
    }
}

impl Drop for Paused<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.0 {
            // `gc.enable()` fails only with a broken `gc` module: nothing to tell then.
            let _ = gc.call_method0("enable");
        }
    }
}
