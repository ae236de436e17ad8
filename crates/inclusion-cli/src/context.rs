//! [`Context`]: what every command needs besides its flags.

use inclusion::model::Lang;

/// What every command needs besides its flags.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The language of messages and labels.
    pub lang: Lang,
    /// `--quiet`: no notes, no progress bar.
    pub quiet: bool,
}

impl Context {
    /// Whether a progress bar may be shown (it also needs a terminal, see `progress`).
    pub fn progress(self, json: bool) -> bool {
        !self.quiet && !json
    }
}
