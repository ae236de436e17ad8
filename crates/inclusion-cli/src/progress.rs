//! A progress bar on the standard error (indicatif), shown only when a step takes more than
//! about a second, the standard error is a terminal, and the output is not JSON or `--quiet`.

use std::io::{self, IsTerminal, Read};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a step runs before its bar appears.
const DELAY: Duration = Duration::from_millis(1000);

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
            if let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(DELAY) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(120));
            }
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
