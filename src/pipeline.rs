//! The drivers: records in, analyses out, in input order, to a [`Sink`]. The serial driver
//! analyses one document at a time; the parallel one analyses batches with rayon, renders
//! each document on the same worker with the sink's [`Render`] part, and hands results to the
//! sink in input order, so both produce the same bytes. While the workers analyse one batch,
//! the calling thread hands the previous one to the sink and reads the next.

use crate::analysis::{Analyzer, DocAnalysis, Scratch};
use crate::corpus::{Document, InputFailure, Record, SeenIds};
use crate::error::Result;
use rayon::prelude::*;
use std::sync::{Mutex, PoisonError};

/// The part of handling one document that does not depend on the others (e.g. turning it
/// into rows of bytes): it runs on the worker threads, concurrently and in any order.
pub trait Render: Sync {
    /// What is prepared for one document.
    type Output: Send + Default;
    /// Prepares `out` (reused across documents) for one analysed document.
    fn render(&self, doc: &Document, analysis: &DocAnalysis, out: &mut Self::Output);
}

/// A [`Render`] that prepares nothing, for sinks that only need the analyses.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoRender;

impl Render for NoRender {
    type Output = ();
    fn render(&self, _: &Document, _: &DocAnalysis, _: &mut ()) {}
}

/// Receives every document's analysis and every failure, in input order, on the calling
/// thread.
pub trait Sink {
    /// The sink's worker-side part.
    type Render: Render;
    /// A renderer for the workers (shares what it needs with the sink).
    fn renderer(&self) -> Self::Render;
    /// One analysed document with what the renderer made of it, in input order.
    fn document(
        &mut self,
        doc: &Document,
        analysis: &DocAnalysis,
        rendered: &<Self::Render as Render>::Output,
    ) -> Result<()>;
    /// One record that could not be analysed.
    fn failure(&mut self, failure: &InputFailure) -> Result<()>;
}

/// How many records were read, analysed and failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RunCounts {
    /// Records read (documents and failures).
    pub read: u64,
    /// Documents analysed.
    pub analysed: u64,
    /// Records that failed.
    pub failed: u64,
    /// Bytes of text analysed (title and body).
    pub text_bytes: u64,
}

/// The largest document analysed, title and text together: offsets are 32-bit. A larger one
/// becomes a failure before analysis.
pub const MAX_DOCUMENT_BYTES: usize = u32::MAX as usize - 1;

/// Batch limits for the parallel driver: whichever is reached first.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 2 << 20;

/// Drives records through the analyzer to the sink. `threads == 1` runs serially in this
/// thread; otherwise in rayon's current pool.
pub fn run<S: Sink>(
    records: impl Iterator<Item = Record>,
    analyzer: &Analyzer,
    threads: usize,
    sink: &mut S,
) -> Result<RunCounts> {
    run_batched(records, analyzer, threads, sink, BATCH_DOCS)
}

fn run_batched<S: Sink>(
    records: impl Iterator<Item = Record>,
    analyzer: &Analyzer,
    threads: usize,
    sink: &mut S,
    batch_docs: usize,
) -> Result<RunCounts> {
    let mut state = State::new(MAX_DOCUMENT_BYTES);
    let renderer = sink.renderer();
    if threads <= 1 {
        let mut scratch = Scratch::new();
        let mut rendered = Default::default();
        for record in records {
            match state.check(record) {
                Ok(doc) => {
                    let a = analyzer.analyze(&doc, &mut scratch);
                    renderer.render(&doc, &a, &mut rendered);
                    state.emit(&doc, &a, &rendered, sink)?;
                }
                Err(f) => state.fail(&f, sink)?,
            }
        }
        return Ok(state.counts);
    }
    run_parallel(records.peekable(), analyzer, state, sink, batch_docs)
}

/// The parallel driver of [`run_batched`].
fn run_parallel<S: Sink>(
    mut records: std::iter::Peekable<impl Iterator<Item = Record>>,
    analyzer: &Analyzer,
    mut state: State,
    sink: &mut S,
    batch_docs: usize,
) -> Result<RunCounts> {
    let renderer = sink.renderer();
    // One scratch per worker for the whole run: its word cache stays warm from batch to
    // batch (a scratch per rayon job started cold many times per batch, and stemming came
    // back as 5 % of a 2-thread run). A worker only locks its own.
    let scratches: Vec<Mutex<Scratch>> =
        (0..rayon::current_num_threads().max(1)).map(|_| Mutex::new(Scratch::new())).collect();
    // Analysed, waiting to be handed to the sink.
    let mut ready: Option<Batch<<S::Render as Render>::Output>> = None;
    let mut next = records.peek().is_some().then(|| state.read_batch(&mut records, batch_docs));
    // Batch k is analysed on the workers while this thread hands batch k-1 to the sink and
    // reads batch k+1 (parsing the input is serial; done alone it left a worker idle).
    while let Some((docs, failures_after)) = next.take() {
        let mut analysed = None;
        let mut emitted = Ok(());
        rayon::in_place_scope(|s| {
            let slot = &mut analysed;
            let scratches = &scratches;
            let renderer = &renderer;
            s.spawn(move |_| {
                let results = analyse(&docs, analyzer, scratches, renderer);
                *slot = Some(Batch { docs, failures_after, results });
            });
            emitted = ready.take().map_or(Ok(()), |b| state.emit_batch(b, sink));
            if emitted.is_ok() && records.peek().is_some() {
                next = Some(state.read_batch(&mut records, batch_docs));
            }
        });
        emitted?;
        ready = analysed;
    }
    if let Some(b) = ready {
        state.emit_batch(b, sink)?;
    }
    Ok(state.counts)
}

/// Analyses and renders `docs` on the workers, each with its own scratch.
fn analyse<R: Render>(
    docs: &[Document],
    analyzer: &Analyzer,
    scratches: &[Mutex<Scratch>],
    renderer: &R,
) -> Vec<(DocAnalysis, R::Output)> {
    docs.par_iter()
        .map(|doc| {
            let worker = rayon::current_thread_index().unwrap_or(0);
            let mut scratch =
                scratches[worker % scratches.len()].lock().unwrap_or_else(PoisonError::into_inner);
            let a = analyzer.analyze(doc, &mut scratch);
            let mut rendered = Default::default();
            renderer.render(doc, &a, &mut rendered);
            (a, rendered)
        })
        .collect()
}

/// Bytes of a document's title and text.
fn text_bytes(doc: &Document) -> usize {
    doc.text.len() + doc.title.as_ref().map_or(0, String::len)
}

/// One batch: its documents, the failures read after each (`failures_after[0]` before the
/// first document, `failures_after[k]` after document k), and each document's results.
struct Batch<R> {
    docs: Vec<Document>,
    failures_after: Vec<Vec<InputFailure>>,
    results: Vec<(DocAnalysis, R)>,
}

/// Order-dependent bookkeeping done serially: counts, duplicate ids, the size limit.
struct State {
    counts: RunCounts,
    /// Every id seen, with where it was first read.
    seen: SeenIds,
    max_bytes: usize,
}

impl State {
    fn new(max_bytes: usize) -> State {
        State { counts: RunCounts::default(), seen: SeenIds::new(), max_bytes }
    }

    /// A document to analyse, or the failure it becomes (also for a duplicate id).
    fn check(&mut self, record: Record) -> std::result::Result<Box<Document>, InputFailure> {
        self.counts.read += 1;
        let doc = match record {
            Record::Doc(doc) => doc,
            Record::Failed(f) => return Err(f),
        };
        let failure = |reason: String| {
            let (input, location) = doc.origin.split_once(": ").unwrap_or((&doc.origin, ""));
            InputFailure {
                input: input.to_string(),
                location: location.to_string(),
                doc_id: Some(doc.id.clone()),
                reason,
            }
        };
        if let Some(first) = self.seen.first_seen(&doc.id) {
            return Err(failure(format!("duplicate document id (first seen at {first})")));
        }
        let bytes = text_bytes(&doc);
        if bytes > self.max_bytes {
            return Err(failure(format!(
                "document too large: {bytes} bytes of title and text (the limit is {})",
                self.max_bytes
            )));
        }
        // Not seen (checked above), so this records it.
        let _ = self.seen.insert(&doc.id, &doc.origin);
        Ok(doc)
    }

    /// Reads up to `batch_docs` documents (or [`BATCH_BYTES`] of text) to analyse, keeping
    /// the failures in their place.
    #[allow(clippy::type_complexity)]
    fn read_batch(
        &mut self,
        records: &mut impl Iterator<Item = Record>,
        batch_docs: usize,
    ) -> (Vec<Document>, Vec<Vec<InputFailure>>) {
        let mut docs = Vec::with_capacity(batch_docs);
        let mut failures_after = vec![Vec::new()];
        let mut bytes = 0;
        for record in records.by_ref() {
            match self.check(record) {
                Ok(doc) => {
                    bytes += text_bytes(&doc);
                    docs.push(*doc);
                    failures_after.push(Vec::new());
                }
                Err(f) => failures_after.last_mut().expect("non-empty").push(f),
            }
            if docs.len() >= batch_docs || bytes >= BATCH_BYTES {
                break;
            }
        }
        (docs, failures_after)
    }

    /// Hands a batch to the sink in input order.
    fn emit_batch<S: Sink>(
        &mut self,
        batch: Batch<<S::Render as Render>::Output>,
        sink: &mut S,
    ) -> Result<()> {
        let mut failures = batch.failures_after.iter();
        for f in failures.next().into_iter().flatten() {
            self.fail(f, sink)?;
        }
        for (doc, (a, rendered)) in batch.docs.iter().zip(&batch.results) {
            self.emit(doc, a, rendered, sink)?;
            for f in failures.next().into_iter().flatten() {
                self.fail(f, sink)?;
            }
        }
        Ok(())
    }

    fn fail<S: Sink>(&mut self, f: &InputFailure, sink: &mut S) -> Result<()> {
        self.counts.failed += 1;
        sink.failure(f)
    }

    fn emit<S: Sink>(
        &mut self,
        doc: &Document,
        a: &DocAnalysis,
        rendered: &<S::Render as Render>::Output,
        sink: &mut S,
    ) -> Result<()> {
        self.counts.analysed += 1;
        self.counts.text_bytes += text_bytes(doc) as u64;
        sink.document(doc, a, rendered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Sections;
    use crate::language::Language;
    use crate::lexicon::LexiconBuilder;
    use proptest::prelude::*;
    use std::sync::Arc;

    /// Records every call, for comparing drivers.
    #[derive(Default, PartialEq, Debug)]
    struct Log(Vec<String>);

    struct Describe;

    impl Render for Describe {
        type Output = String;
        fn render(&self, doc: &Document, a: &DocAnalysis, out: &mut String) {
            *out = format!("{} {:?}", doc.id, a);
        }
    }

    impl Sink for Log {
        type Render = Describe;
        fn renderer(&self) -> Describe {
            Describe
        }
        fn document(&mut self, _: &Document, _: &DocAnalysis, rendered: &String) -> Result<()> {
            self.0.push(rendered.clone());
            Ok(())
        }
        fn failure(&mut self, f: &InputFailure) -> Result<()> {
            self.0.push(format!("failed {f:?}"));
            Ok(())
        }
    }

    fn analyzer() -> Analyzer {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        b.add_text(
            "l",
            "loaded",
            "pattern,category\nregime,loaded\nwar crimes,loaded\nso-called,hedge\n",
        )
        .unwrap();
        Analyzer::new(Arc::new(b.build()), Sections::default())
    }

    fn records(docs: &[(u8, String)]) -> Vec<Record> {
        docs.iter()
            .enumerate()
            .map(|(i, (kind, text))| match kind % 4 {
                0 => Record::Failed(InputFailure {
                    input: "x".into(),
                    location: format!("line {i}"),
                    doc_id: None,
                    reason: "bad".into(),
                }),
                // Kind 1 reuses an id: a duplicate failure.
                1 => Record::Doc(Box::new(Document {
                    id: "dup".into(),
                    outlet: "B".into(),
                    text: text.clone(),
                    ..Document::default()
                })),
                _ => Record::Doc(Box::new(Document {
                    id: format!("d{i}"),
                    outlet: format!("O{}", kind % 3),
                    text: text.clone(),
                    ..Document::default()
                })),
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn serial_equals_parallel(docs in proptest::collection::vec(
            (any::<u8>(), "(regime|war crimes|so-called|“a”|word|\\. |\n| ){0,30}"), 0..60)) {
            let a = analyzer();
            let mut serial = Log::default();
            let c1 = run(records(&docs).into_iter(), &a, 1, &mut serial).unwrap();
            let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
            let mut parallel = Log::default();
            let c2 = pool
                .install(|| run_batched(records(&docs).into_iter(), &a, 2, &mut parallel, 7))
                .unwrap();
            prop_assert_eq!(c1, c2);
            prop_assert_eq!(c1.read, c1.analysed + c1.failed);
            prop_assert_eq!(c1.read, docs.len() as u64);
            prop_assert_eq!(serial, parallel);
        }
    }

    /// Fails on its `fail_at`-th document; counts how many records were pulled.
    struct Failing {
        seen: usize,
        fail_at: usize,
    }

    impl Sink for Failing {
        type Render = Describe;
        fn renderer(&self) -> Describe {
            Describe
        }
        fn document(&mut self, _: &Document, _: &DocAnalysis, _: &String) -> Result<()> {
            self.seen += 1;
            if self.seen == self.fail_at {
                return Err(crate::Error::io("sink", std::io::Error::other("disk full")));
            }
            Ok(())
        }
        fn failure(&mut self, _: &InputFailure) -> Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_sink_error_stops_both_drivers_without_reading_everything() {
        let a = analyzer();
        use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
        let pulled = AtomicUsize::new(0);
        let docs: Vec<(u8, String)> = (0..200).map(|_| (2, "the regime said".into())).collect();
        let input = || {
            pulled.store(0, Relaxed);
            records(&docs).into_iter().inspect(|_| {
                pulled.fetch_add(1, Relaxed);
            })
        };
        let mut sink = Failing { seen: 0, fail_at: 10 };
        let err = run(input(), &a, 1, &mut sink).unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!((sink.seen, pulled.load(Relaxed)), (10, 10));
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let mut sink = Failing { seen: 0, fail_at: 10 };
        let err = pool.install(|| run_batched(input(), &a, 2, &mut sink, 7)).unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        // Batches of 7: the failing one was the second emitted; at most two more were read.
        assert_eq!(sink.seen, 10);
        let read = pulled.load(Relaxed);
        assert!(read <= 4 * 7, "{read} records read for an error at the 10th");
    }

    #[test]
    fn oversized_and_duplicate_documents_fail_before_analysis() {
        let mut state = State::new(10);
        let doc = |id: &str, text: &str| {
            Record::Doc(Box::new(Document {
                id: id.into(),
                outlet: "A".into(),
                text: text.into(),
                title: Some("Head".into()),
                origin: "in.jsonl: line 1".into(),
                ..Document::default()
            }))
        };
        assert!(state.check(doc("a", "small")).is_ok());
        let big = state.check(doc("b", "far too long")).unwrap_err();
        assert_eq!(big.reason, "document too large: 16 bytes of title and text (the limit is 10)");
        assert_eq!((big.input.as_str(), big.location.as_str()), ("in.jsonl", "line 1"));
        let dup = state.check(doc("a", "x")).unwrap_err();
        assert!(dup.reason.starts_with("duplicate document id (first seen at in.jsonl: line 1)"));
        assert_eq!(state.counts.read, 3);
    }
}
