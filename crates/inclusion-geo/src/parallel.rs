//! Two pieces of work side by side, for the index build.

use std::sync::{Mutex, PoisonError};

/// Runs `a` on a second thread and `b` on this one when `two_threads`, and returns both
/// results; when `two_threads` is false, or the system cannot make a thread, both run here, one
/// after the other. A panic in either is resumed on this thread.
pub(crate) fn join<A: Send, B>(
    two_threads: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (A, B) {
    if !two_threads {
        let a = a();
        return (a, b());
    }
    // `a` stays here until the thread takes it, so that it can still run here when the
    // thread cannot be made.
    let slot = Mutex::new(Some(a));
    let take = || slot.lock().unwrap_or_else(PoisonError::into_inner).take();
    std::thread::scope(|s| {
        let spawned = std::thread::Builder::new().spawn_scoped(s, || take().map(|a| a()));
        let b = b();
        let a = match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            Err(_) => None,
        };
        match a {
            Some(a) => (a, b),
            None => {
                let a = take().expect("`a` runs once: on the thread, else here");
                (a(), b)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn both_run_and_give_their_results_on_one_thread_or_two() {
        for two in [false, true] {
            let here = std::thread::current().id();
            let (a, b) = join(two, || (std::thread::current().id(), 1), || 2);
            assert_eq!((a.1, b), (1, 2));
            assert_eq!(
                a.0 == here,
                !two,
                "`a` ran on another thread exactly when asked"
            );
        }
    }
}
