//! A progress line on standard error for long runs: documents done, and the input read so far
//! with throughput, share and time left when the input's size is known (files and folders;
//! standard input is not), else megabytes of text and throughput. Redrawn at most four times a
//! second, only when standard error is a terminal and `--quiet` is off, so a log or a pipe gets
//! no carriage returns; it wraps the real sink and changes nothing it receives.

use super::common::documents;
use framelens::corpus::ReadMeter;
use framelens::pipeline::{Render, Sink};
use framelens::{DocAnalysis, Document, Input, InputFailure};
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
    text_bytes: u64,
    /// The inputs' meters and their total size, when every size is known.
    meters: Vec<ReadMeter>,
    total: Option<u64>,
}

const EVERY: Duration = Duration::from_millis(250);

impl<'a, S: Sink> Progress<'a, S> {
    /// Wraps `inner` for a run over `inputs`; draws only when `wanted` and standard error is a
    /// terminal.
    pub fn new(inner: &'a mut S, inputs: &[Input], wanted: bool) -> Self {
        let now = Instant::now();
        let enabled = wanted && std::io::stderr().is_terminal();
        let meters = inputs.iter().map(Input::meter).collect();
        let total = inputs.iter().map(Input::size).sum();
        Progress {
            inner,
            enabled,
            started: now,
            last: now,
            docs: 0,
            failed: 0,
            text_bytes: 0,
            meters,
            total,
        }
    }

    fn tick(&mut self) {
        if !self.enabled || self.last.elapsed() < EVERY {
            return;
        }
        self.last = Instant::now();
        self.draw();
    }

    fn draw(&self) {
        let done = Done {
            docs: self.docs,
            failed: self.failed,
            secs: self.started.elapsed().as_secs_f64(),
            text_bytes: self.text_bytes,
            read: self.meters.iter().map(ReadMeter::bytes).sum(),
        };
        let _ = write!(std::io::stderr().lock(), "\r{}   ", line(&done, self.total));
    }

    /// Draws the last state and ends the line.
    pub fn finish(self) {
        if self.enabled {
            self.draw();
            let _ = writeln!(std::io::stderr().lock());
        }
    }
}

/// Where a run stands.
struct Done {
    docs: u64,
    failed: u64,
    secs: f64,
    /// Text analysed (bodies and titles).
    text_bytes: u64,
    /// Input read (files as they are on disk).
    read: u64,
}

/// The progress line for `done`, of inputs of `total` bytes when known.
fn line(done: &Done, total: Option<u64>) -> String {
    let secs = done.secs.max(1e-9);
    let docs = format!("framelens: {} ({} failed)", documents(done.docs), done.failed);
    let Some(total) = total.filter(|&t| t > 0) else {
        let mb = done.text_bytes as f64 / 1e6;
        return format!("{docs}, {mb:.1} MB, {:.1} MB/s", mb / secs);
    };
    let read = done.read.min(total);
    let rate = read as f64 / secs;
    let left = if read == 0 { "?".into() } else { clock((total - read) as f64 / rate) };
    format!(
        "{docs}, {:.1} of {:.1} MB ({}%), {:.1} MB/s, {left} left",
        read as f64 / 1e6,
        total as f64 / 1e6,
        read * 100 / total,
        rate / 1e6
    )
}

/// Seconds as `m:ss`, or `h:mm:ss` from an hour on.
fn clock(secs: f64) -> String {
    let s = secs.ceil() as u64;
    match s / 3600 {
        0 => format!("{}:{:02}", s / 60, s % 60),
        h => format!("{h}:{:02}:{:02}", s / 60 % 60, s % 60),
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
        self.text_bytes += (doc.text.len() + doc.title.as_ref().map_or(0, String::len)) as u64;
        self.tick();
        self.inner.document(doc, a, rendered)
    }

    fn failure(&mut self, f: &InputFailure) -> framelens::Result<()> {
        self.failed += 1;
        self.tick();
        self.inner.failure(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_the_share_and_the_time_left_when_the_size_is_known() {
        let done =
            Done { docs: 1200, failed: 3, secs: 10.0, text_bytes: 20_000_000, read: 25_000_000 };
        assert_eq!(
            line(&done, Some(100_000_000)),
            "framelens: 1200 documents (3 failed), 25.0 of 100.0 MB (25%), 2.5 MB/s, 0:30 left"
        );
        assert_eq!(line(&done, None), "framelens: 1200 documents (3 failed), 20.0 MB, 2.0 MB/s");
        let start = Done { docs: 1, read: 0, ..done };
        let first = line(&start, Some(1));
        assert!(first.starts_with("framelens: 1 document (3 failed), "), "{first}");
        assert!(first.ends_with("(0%), 0.0 MB/s, ? left"), "{first}");
        assert_eq!(clock(59.2), "1:00");
        assert_eq!(clock(3725.0), "1:02:05");
    }
}
