//! A progress line on standard error for long runs: documents done, megabytes of text and
//! throughput, redrawn at most a few times a second. Shown only when standard error is a
//! terminal and `--quiet` is off; it wraps the real sink and changes nothing it receives.

use framelens::pipeline::{Render, Sink};
use framelens::{DocAnalysis, Document, InputFailure};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A sink that forwards to `inner` and redraws a progress line.
pub struct Progress<'a, S: Sink> {
    inner: &'a mut S,
    enabled: bool,
    started: Instant,
    last: Instant,
    docs: u64,
    failed: u64,
    bytes: u64,
}

const EVERY: Duration = Duration::from_millis(250);

impl<'a, S: Sink> Progress<'a, S> {
    /// Wraps `inner`; draws only when `wanted` and standard error is a terminal.
    pub fn new(inner: &'a mut S, wanted: bool) -> Self {
        let now = Instant::now();
        let enabled = wanted && std::io::stderr().is_terminal();
        Progress { inner, enabled, started: now, last: now, docs: 0, failed: 0, bytes: 0 }
    }

    fn tick(&mut self) {
        if !self.enabled || self.last.elapsed() < EVERY {
            return;
        }
        self.last = Instant::now();
        self.draw();
    }

    fn draw(&self) {
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let _ = write!(
            std::io::stderr().lock(),
            "\rframelens: {} documents ({} failed), {mb:.1} MB, {:.1} MB/s   ",
            self.docs,
            self.failed,
            mb / secs
        );
    }

    /// Clears the line at the end of the run.
    pub fn finish(self) {
        if self.enabled {
            self.draw();
            let _ = writeln!(std::io::stderr().lock());
        }
    }
}

impl<S: Sink> Sink for Progress<'_, S> {
    type Render = S::Render;

    fn renderer(&self) -> S::Render {
        self.inner.renderer()
    }

    fn document(
        &mut self,
        doc: &Document,
        a: &DocAnalysis,
        rendered: &<S::Render as Render>::Output,
    ) -> framelens::Result<()> {
        self.docs += 1;
        self.bytes += (doc.text.len() + doc.title.as_ref().map_or(0, String::len)) as u64;
        self.tick();
        self.inner.document(doc, a, rendered)
    }

    fn failure(&mut self, f: &InputFailure) -> framelens::Result<()> {
        self.failed += 1;
        self.tick();
        self.inner.failure(f)
    }
}
