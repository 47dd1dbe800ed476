//! Checks shared by the fuzz targets: every offset framelens reports must index the text it
//! came from, and every record read must be either analysed or failed.

use framelens::pipeline::{self, Render, Sink};
use framelens::segment::TokenBuffer;
use framelens::{
    Analyzer, DocAnalysis, Document, Input, InputFailure, InputOptions, Language, Lexicon,
    LexiconBuilder, Sections,
};
use std::sync::Arc;

/// A small lexicon with every pattern kind: stems, exact forms, prefixes, phrases, hyphens.
pub fn small_lexicon(language: Language) -> Lexicon {
    let mut b = LexiconBuilder::new(language);
    b.add_text(
        "loaded.csv",
        "loaded",
        "pattern,category,polarity\nregime,loaded/deleg,-1\nmassacre,loaded/violence,-2\n\
         terroris*,loaded/label,-2\nwar crimes,loaded/violence,-2\nso-called,loaded/hedge,\n\
         =don't,loaded/neg,\né,loaded/x,\n",
    )
    .expect("fixed lexicon");
    b.add_text(
        "attribution.csv",
        "attribution",
        "pattern,category\n=said,attribution/neutral\n=claimed,attribution/doubting\n\
         according to,attribution/neutral\n",
    )
    .expect("fixed lexicon");
    b.build()
}

/// Asserts the invariants of a segmentation of `text`.
pub fn check_tokens(text: &str, buf: &TokenBuffer) {
    let mut last_end = 0;
    for t in &buf.tokens {
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        assert!(s >= last_end && e > s && e <= text.len(), "token span {s}..{e}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "token not on chars");
        last_end = e;
        let n = t.norm.range();
        assert!(n.end <= buf.arena.len() && buf.arena.is_char_boundary(n.start));
        assert!(buf.arena.is_char_boundary(n.end));
        let sentence = buf.sentences[t.sentence as usize];
        assert!(sentence.span.start as usize <= s && e <= sentence.span.end as usize);
    }
    for (i, s) in buf.sentences.iter().enumerate() {
        assert!(text.is_char_boundary(s.span.start as usize));
        assert!(text.is_char_boundary(s.span.end as usize));
        assert!(s.first_token <= s.end_token && s.end_token as usize <= buf.tokens.len());
        for t in &buf.tokens[s.first_token as usize..s.end_token as usize] {
            assert_eq!(t.sentence as usize, i);
        }
        let p = buf.paragraphs[s.paragraph as usize];
        assert!(p.start <= s.span.start && s.span.end <= p.end);
    }
}

/// Asserts that every match of `a` indexes `doc` correctly, in bytes and in code points.
pub fn check_analysis(doc: &Document, a: &DocAnalysis) {
    for m in &a.matches {
        let text = match m.section {
            framelens::Section::Title => doc.title.as_deref().expect("title match needs a title"),
            framelens::Section::Body => &doc.text,
        };
        let (s, e) = (m.bytes.start as usize, m.bytes.end as usize);
        assert!(s < e && e <= text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        assert_eq!(m.chars.start as usize, text[..s].chars().count());
        assert_eq!(m.chars.end as usize, text[..e].chars().count());
    }
    assert!(a.matched_tokens <= a.tokens);
}

/// A sink that checks every analysis and counts what it was given.
#[derive(Default)]
pub struct CheckingSink {
    /// Documents received.
    pub documents: u64,
    /// Failures received.
    pub failures: u64,
}

/// Checks nothing on the workers: the checks run in [`CheckingSink::document`].
pub struct NoRender;

impl Render for NoRender {
    type Output = ();
    fn render(&self, _: &Document, _: &DocAnalysis, _: &mut ()) {}
}

impl Sink for CheckingSink {
    type Render = NoRender;

    fn renderer(&self) -> NoRender {
        NoRender
    }

    fn document(&mut self, doc: &Document, a: &DocAnalysis, _: &()) -> framelens::Result<()> {
        check_analysis(doc, a);
        assert!(!doc.outlet.trim().is_empty());
        assert!(!doc.id.is_empty());
        self.documents += 1;
        Ok(())
    }
    fn failure(&mut self, f: &InputFailure) -> framelens::Result<()> {
        assert!(!f.reason.is_empty());
        self.failures += 1;
        Ok(())
    }
}

/// Writes `data` to a per-process file with extension `ext`, reads it as an input and runs
/// it through the serial driver: no panic, read = analysed + failed.
pub fn run_input(data: &[u8], ext: &str, lossy: bool) {
    let path = std::env::temp_dir().join(format!("framelens-fuzz-{}.{ext}", std::process::id()));
    std::fs::write(&path, data).expect("temp file");
    let opts = InputOptions { lossy, ..InputOptions::default() };
    let Ok(input) = Input::open(&path, &opts) else { return };
    thread_local! {
        static ANALYZER: Analyzer =
            Analyzer::new(Arc::new(small_lexicon(Language::ENGLISH)), Sections::default());
    }
    ANALYZER.with(|analyzer| {
        let mut sink = CheckingSink::default();
        let counts = pipeline::run(input, analyzer, 1, &mut sink).expect("sink never fails");
        assert_eq!(counts.read, counts.analysed + counts.failed);
        assert_eq!(counts.analysed, sink.documents);
        assert_eq!(counts.failed, sink.failures);
    });
}

/// A foreign dictionary of `format` read from arbitrary bytes: an error naming the file, or
/// rows whose every pattern parses, each under its dimension named `fuzz/...`.
pub fn check_dictionary(origin: &str, format: framelens::lexicon::import::Format, data: &[u8]) {
    match framelens::lexicon::import::read_dimensions(origin, "fuzz", format, data) {
        Ok(dims) => {
            for (name, rows) in dims {
                assert!(name.starts_with("fuzz/"), "{name}");
                for r in rows {
                    assert!(framelens::lexicon::pattern::parse(&r.pattern).is_ok(), "{}", r.pattern);
                    assert_eq!(r.category, name);
                }
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with(&format!("{origin}:")), "error without a position: {msg}");
        }
    }
}
