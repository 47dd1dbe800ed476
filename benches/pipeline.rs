//! Criterion benchmarks on real news text with typographic punctuation: word segmentation,
//! full segmentation (words + sentences), lexicon matching, attribution detection alone,
//! per-document analysis (with and
//! without attribution detection) and the end-to-end pipeline with the CSV reporter and the
//! comparison tables. Each reports bytes per second and checks its
//! result inside the loop.
//!
//! Text: the first ~8 MB of `../shared/data/article_bias_prediction` when that folder exists
//! (real multi-outlet news), else the bundled invented sample corpus repeated.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use framelens::analysis::{Analyzer, Scratch, Section, Sections};
use framelens::attribution::{AttributionScratch, detect_section};
use framelens::lexicon::bundled_files;
use framelens::matcher::{MatchScratch, find_hits};
use framelens::pipeline::{self, Render, Sink};
use framelens::report::{Manifest, ReportOptions, Reporter, RunInfo};
use framelens::segment::{TokenBuffer, tokenize, word_spans};
use framelens::view::ViewScratch;
use framelens::{DocAnalysis, Document, InputFailure, Language, Lexicon, LexiconBuilder, Record};
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

const TARGET_BYTES: usize = 8 << 20;

fn corpus() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let real = root.join("../shared/data/article_bias_prediction/articles_event_groups.jsonl");
    let (path, text_key, outlet_key) = if real.exists() {
        (real, "content_original", "source")
    } else {
        (root.join("examples/velmora.jsonl"), "text", "outlet")
    };
    let lines = std::fs::read_to_string(&path).expect("bench corpus");
    let mut docs = Vec::new();
    let mut bytes = 0;
    'outer: loop {
        for line in lines.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            let text = v[text_key].as_str().unwrap_or("").to_string();
            bytes += text.len();
            docs.push(Document {
                id: format!("d{}", docs.len()),
                outlet: v[outlet_key].as_str().unwrap_or("?").to_string(),
                text,
                ..Document::default()
            });
            if bytes >= TARGET_BYTES {
                break 'outer;
            }
        }
    }
    docs
}

fn total_bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn segmentation(c: &mut Criterion) {
    let docs = corpus();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(total_bytes(&docs)));
    g.sample_size(10);
    let expected_words: usize = docs
        .iter()
        .map(|d| {
            let mut n = 0;
            word_spans(&d.text, |_, _| n += 1);
            n
        })
        .sum();
    g.bench_function("words", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                word_spans(black_box(&d.text), |_, _| n += 1);
            }
            assert_eq!(n, expected_words);
        })
    });
    let mut buf = TokenBuffer::new();
    g.bench_function("words_sentences_normalised", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                tokenize(black_box(&d.text), &mut buf);
                n += buf.tokens.len();
            }
            assert_eq!(n, expected_words);
        })
    });
    g.finish();
}

fn matching(c: &mut Criterion) {
    let docs = corpus();
    let lex = Lexicon::bundled(Language::ENGLISH).expect("bundled lexicons");
    let buffers: Vec<TokenBuffer> = docs
        .iter()
        .map(|d| {
            let mut b = TokenBuffer::new();
            tokenize(&d.text, &mut b);
            b
        })
        .collect();
    let mut scratch = MatchScratch::new();
    let mut hits = Vec::new();
    let count = |scratch: &mut MatchScratch, hits: &mut Vec<_>| {
        let mut n = 0;
        for (d, b) in docs.iter().zip(&buffers) {
            hits.clear();
            find_hits(&lex, &d.text, b, scratch, hits);
            n += hits.len();
        }
        n
    };
    let expected = count(&mut scratch, &mut hits);
    let mut g = c.benchmark_group("match");
    g.throughput(Throughput::Bytes(total_bytes(&docs)));
    g.sample_size(10);
    g.bench_function("bundled_lexicons", |b| {
        b.iter(|| assert_eq!(count(&mut scratch, &mut hits), expected))
    });
    g.finish();
}

fn attribution(c: &mut Criterion) {
    let docs = corpus();
    let lex = Lexicon::bundled(Language::ENGLISH).expect("bundled lexicons");
    // Section views (tokens, hits, quotations, marks, reporting cues) are inputs here: only
    // attribution detection from the cues is timed.
    let prepared: Vec<ViewScratch> = docs
        .iter()
        .map(|d| {
            let mut v = ViewScratch::new();
            v.build(&lex, Section::Body, &d.text);
            v
        })
        .collect();
    let mut scratch = AttributionScratch::new();
    let mut out = Vec::new();
    let detect = |scratch: &mut AttributionScratch, out: &mut Vec<_>| {
        let mut n = 0;
        for (d, v) in docs.iter().zip(&prepared) {
            scratch.start_document();
            out.clear();
            let view = v.view(&lex, Section::Body, &d.text);
            detect_section(&lex, &view, scratch, out);
            n += out.len();
        }
        n
    };
    let expected = detect(&mut scratch, &mut out);
    assert!(expected > 0 || docs.is_empty());
    let mut g = c.benchmark_group("attribution");
    g.throughput(Throughput::Bytes(total_bytes(&docs)));
    g.sample_size(10);
    g.bench_function("detect", |b| b.iter(|| assert_eq!(detect(&mut scratch, &mut out), expected)));
    g.finish();
}

fn analysis(c: &mut Criterion) {
    let docs = corpus();
    let lex = Arc::new(Lexicon::bundled(Language::ENGLISH).expect("bundled lexicons"));
    let analyzer = Analyzer::new(lex.clone(), Sections::default());
    let mut scratch = Scratch::new();
    let expected: usize =
        docs.iter().map(|d| analyzer.analyze(d, &mut scratch).matches.len()).sum();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(total_bytes(&docs)));
    g.sample_size(10);
    g.bench_function("per_document", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| analyzer.analyze(black_box(d), &mut scratch).matches.len())
                .sum();
            assert_eq!(n, expected);
        })
    });
    // The same with the bundled cue model deciding the cues (`--cue-model bundled`): the
    // difference to `per_document` is what the model costs.
    let modelled = Analyzer::new(lex, Sections::default())
        .with_cue_model(Some(framelens::cuemodel::bundled()));
    let expected_model: usize =
        docs.iter().map(|d| modelled.analyze(d, &mut scratch).matches.len()).sum();
    g.bench_function("per_document_cue_model", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| modelled.analyze(black_box(d), &mut scratch).matches.len())
                .sum();
            assert_eq!(n, expected_model);
        })
    });
    // The same without the attribution lexicon, so without attribution detection: the
    // difference is what attribution costs.
    let mut b = LexiconBuilder::new(Language::ENGLISH);
    for (name, text) in bundled_files("en").into_iter().filter(|(n, _)| *n != "attribution") {
        b.add_text(&format!("bundled:en/{name}.csv"), name, text).expect("bundled lexicon");
    }
    let plain = Analyzer::new(Arc::new(b.build()), Sections::default());
    let attributions: usize =
        docs.iter().map(|d| analyzer.analyze(d, &mut scratch).attributions.len()).sum();
    assert!(attributions > 0 || docs.is_empty());
    let expected: usize = docs.iter().map(|d| plain.analyze(d, &mut scratch).matches.len()).sum();
    g.bench_function("per_document_without_attribution", |b| {
        b.iter(|| {
            let n: usize =
                docs.iter().map(|d| plain.analyze(black_box(d), &mut scratch).matches.len()).sum();
            assert_eq!(n, expected);
        })
    });
    g.finish();
}

/// Counts what reaches the sink, to check the end-to-end run without writing files.
#[derive(Default)]
struct Count(u64);

/// Renders nothing.
struct Nothing;

impl Render for Nothing {
    type Output = ();
    fn render(&self, _: &Document, _: &DocAnalysis, _: &mut ()) {}
}

impl Sink for Count {
    type Render = Nothing;
    fn renderer(&self) -> Nothing {
        Nothing
    }
    fn document(&mut self, _: &Document, a: &DocAnalysis, _: &()) -> framelens::Result<()> {
        self.0 += a.matches.len() as u64;
        Ok(())
    }
    fn failure(&mut self, _: &InputFailure) -> framelens::Result<()> {
        Ok(())
    }
}

fn manifest(lex: &Lexicon, counts: pipeline::RunCounts, threads: usize) -> Manifest {
    Manifest {
        framelens_version: "bench".into(),
        run: RunInfo { command: vec!["bench".into()], threads },
        options: serde_json::Value::Null,
        inputs: Vec::new(),
        lexicons: Manifest::lexicon_info(lex),
        counts,
        outputs: Vec::new(),
    }
}

fn end_to_end(c: &mut Criterion) {
    let docs = corpus();
    let lex = Arc::new(Lexicon::bundled(Language::ENGLISH).expect("bundled lexicons"));
    let analyzer = Analyzer::new(lex.clone(), Sections::default());
    let records = || docs.iter().cloned().map(|d| Record::Doc(Box::new(d)));
    let mut probe = Count::default();
    pipeline::run(records(), &analyzer, 1, &mut probe).unwrap();
    let mut g = c.benchmark_group("end_to_end");
    g.throughput(Throughput::Bytes(total_bytes(&docs)));
    g.sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        g.bench_function(format!("analyze_and_write_csv_threads_{threads}"), |b| {
            b.iter(|| {
                let dir = tempfile::tempdir().unwrap();
                let mut reporter =
                    Reporter::create(dir.path(), lex.clone(), ReportOptions::default()).unwrap();
                let counts = pool
                    .install(|| pipeline::run(records(), &analyzer, threads, &mut reporter))
                    .unwrap();
                assert_eq!(counts.analysed, docs.len() as u64);
                // Every table, the comparison statistics included.
                pool.install(|| reporter.finish(&manifest(&lex, counts, threads))).unwrap();
                let matches = std::fs::metadata(dir.path().join("matches.csv")).unwrap().len();
                assert!(matches > 0 || probe.0 == 0);
                assert!(dir.path().join("rates.csv").exists());
            })
        });
    }
    g.finish();
}

criterion_group!(benches, segmentation, matching, attribution, analysis, end_to_end);
criterion_main!(benches);
