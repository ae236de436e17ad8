//! Work side by side: two pieces for the index build ([`join`]), one piece per part for the
//! batches of queries ([`map`]).

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

/// `f` of each of `items`, in their order: the first on this thread, each other on a thread
/// of its own, or here when the system cannot make one. A panic in any is resumed on this
/// thread.
pub(crate) fn map<I: Copy + Send, R: Send>(items: &[I], f: impl Fn(I) -> R + Sync) -> Vec<R> {
    let Some((&first, rest)) = items.split_first() else {
        return Vec::new();
    };
    let f = &f;
    std::thread::scope(|s| {
        let spawned: Vec<_> = rest
            .iter()
            .map(|&item| std::thread::Builder::new().spawn_scoped(s, move || f(item)))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        out.push(f(first));
        for (&item, handle) in rest.iter().zip(spawned) {
            out.push(match handle {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
                // Not spawned: `item` is a copy, run here.
                Err(_) => f(item),
            });
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::{join, map};

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

    #[test]
    fn map_gives_each_result_in_order_the_first_here_the_others_on_threads() {
        let here = std::thread::current().id();
        for n in [0usize, 1, 2, 5] {
            let items: Vec<usize> = (0..n).collect();
            let got = map(&items, |i| (i * 10, std::thread::current().id()));
            let values: Vec<usize> = got.iter().map(|r| r.0).collect();
            assert_eq!(values, (0..n).map(|i| i * 10).collect::<Vec<_>>());
            for (i, r) in got.iter().enumerate() {
                assert_eq!(r.1 == here, i == 0, "item {i} of {n}");
            }
        }
    }
}
