//! A progress bar on the standard error (indicatif), shown only when a step takes more than
//! about a second, the standard error is a terminal, and the output is not JSON or `--quiet`.

use std::io::{self, IsTerminal, Read};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a step runs before its bar appears.
const DELAY: Duration = Duration::from_millis(1000);

/// How often the position of a bar that follows a count ([`Progress::following`]) is asked.
const POLL: Duration = Duration::from_millis(100);

/// What a bar that follows a count asks for its position.
type Count = Box<dyn Fn() -> u64 + Send>;

/// A step with a bar that appears after [`DELAY`]; it disappears when dropped.
pub struct Progress {
    bar: ProgressBar,
    stop: Option<Sender<()>>,
    waiter: Option<JoinHandle<()>>,
}

impl Progress {
    /// A step of `len` bytes (`None`: unknown, a spinner) named `message`. Nothing is ever
    /// drawn unless `enabled` and the standard error is a terminal.
    pub fn start(message: &str, len: Option<u64>, enabled: bool) -> Progress {
        Progress::new(message, len, enabled, None)
    }

    /// A step of `len` bytes named `message` whose position is `count()`, asked every
    /// [`POLL`] while the bar is shown (the work runs elsewhere, e.g. the library's
    /// `ReadProgress`).
    pub fn following(
        message: &str,
        len: u64,
        enabled: bool,
        count: impl Fn() -> u64 + Send + 'static,
    ) -> Progress {
        Progress::new(message, Some(len), enabled, Some(Box::new(count)))
    }

    fn new(message: &str, len: Option<u64>, enabled: bool, count: Option<Count>) -> Progress {
        let bar = match len {
            Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::hidden())
                .with_style(
                    ProgressStyle::with_template(
                        "{msg} [{bar:30}] {binary_bytes}/{binary_total_bytes} {eta}",
                    )
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
                ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
                .with_style(ProgressStyle::default_spinner()),
        };
        bar.set_message(message.to_owned());
        if !enabled || !std::io::stderr().is_terminal() {
            return Progress {
                bar,
                stop: None,
                waiter: None,
            };
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let shown = bar.clone();
        let waiter = std::thread::spawn(move || {
            show_after_delay(&shown, &stopped, count, ProgressDrawTarget::stderr);
        });
        Progress {
            bar,
            stop: Some(stop),
            waiter: Some(waiter),
        }
    }

    /// Reads all of `reader` at the end of `bytes`, advancing the bar by the bytes read, 4 MB
    /// at a time. Each chunk is read straight into the spare room of `bytes`: through a
    /// wrapped reader (indicatif's `wrap_read`), `read_to_end` zeroed the room before each
    /// read, 45 M instructions for a 45 MB file, as many as reading it.
    pub fn read_to_end(&self, mut reader: impl Read, bytes: &mut Vec<u8>) -> io::Result<()> {
        const CHUNK: u64 = 1 << 22;
        loop {
            let read = (&mut reader).take(CHUNK).read_to_end(bytes)?;
            if read == 0 {
                return Ok(());
            }
            self.bar.inc(read as u64);
        }
    }
}

/// Shows `bar` on `target()` once [`DELAY`] has passed without a word on `stopped`; then, for
/// a bar that follows a count, sets its position to `count()` every [`POLL`] until `stopped`
/// hears from the step or the step is gone.
fn show_after_delay(
    bar: &ProgressBar,
    stopped: &Receiver<()>,
    count: Option<Count>,
    target: impl FnOnce() -> ProgressDrawTarget,
) {
    let waiting = |time| matches!(stopped.recv_timeout(time), Err(RecvTimeoutError::Timeout));
    if !waiting(DELAY) {
        return;
    }
    bar.set_draw_target(target());
    bar.enable_steady_tick(Duration::from_millis(120));
    if let Some(count) = count {
        bar.set_position(count());
        while waiting(POLL) {
            bar.set_position(count());
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(w) = self.waiter.take() {
            let _ = w.join();
        }
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Instant;

    /// A bar that follows a count: hidden for [`DELAY`], then at the count's value, and done
    /// when the step stops it.
    #[test]
    fn a_bar_follows_its_count_once_shown_until_stopped() {
        let bar = ProgressBar::with_draw_target(Some(1_000), ProgressDrawTarget::hidden());
        let count = Arc::new(AtomicU64::new(7));
        let (stop, stopped) = mpsc::channel::<()>();
        let started = Instant::now();
        let waiter = std::thread::spawn({
            let (bar, count) = (bar.clone(), Arc::clone(&count));
            move || {
                let asked = move || count.load(Ordering::Relaxed);
                show_after_delay(
                    &bar,
                    &stopped,
                    Some(Box::new(asked)),
                    ProgressDrawTarget::hidden,
                );
            }
        });
        let until = |value: u64| {
            let deadline = Instant::now() + Duration::from_secs(30);
            while bar.position() != value {
                assert!(Instant::now() < deadline, "the bar never reached {value}");
                std::thread::sleep(Duration::from_millis(10));
            }
        };
        until(7);
        assert!(started.elapsed() >= DELAY, "shown before the delay");
        count.store(420, Ordering::Relaxed);
        until(420);
        stop.send(()).unwrap();
        waiter.join().unwrap();
        // Stopped: the count is no longer asked.
        count.store(999, Ordering::Relaxed);
        std::thread::sleep(POLL * 3);
        assert_eq!(bar.position(), 420);
    }

    /// A step that ends before [`DELAY`] never shows its bar, nor asks its count.
    #[test]
    fn a_short_step_shows_nothing() {
        let bar = ProgressBar::with_draw_target(Some(1_000), ProgressDrawTarget::hidden());
        let (stop, stopped) = mpsc::channel::<()>();
        stop.send(()).unwrap();
        let asked = || -> u64 { panic!("the count of a step that ended is never asked") };
        show_after_delay(&bar, &stopped, Some(Box::new(asked)), || {
            panic!("a step that ended is never drawn")
        });
        assert_eq!(bar.position(), 0);
    }
}
