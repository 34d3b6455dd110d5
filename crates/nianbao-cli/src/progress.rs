//! The progress bar of a long run: drawn on standard error when it is a
//! terminal, once the run has taken longer than a moment, and never when
//! standard error goes to a file or a pipe.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A run shorter than this shows no bar at all.
const DELAY: Duration = Duration::from_millis(300);

/// Progress through a run of `total` inputs.
pub struct Progress {
    bar: Option<ProgressBar>,
    shown: bool,
    start: Instant,
}

impl Progress {
    /// A bar for `total` inputs, or none when standard error is not a
    /// terminal or there is only one input.
    pub fn new(total: usize) -> Progress {
        let bar = (total > 1 && std::io::stderr().is_terminal()).then(|| {
            let style = ProgressStyle::with_template(
                "{bar:40} {pos}/{len} reports  {elapsed} ({eta} left)  {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden())
                .with_style(style)
        });
        Progress {
            bar,
            shown: false,
            start: Instant::now(),
        }
    }

    /// One more input done, `name` the last one.
    pub fn step(&mut self, name: &str) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        bar.set_message(name.to_string());
        if !self.shown && self.start.elapsed() >= DELAY {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Runs `f` (which writes to the terminal) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(f),
            _ => f(),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
