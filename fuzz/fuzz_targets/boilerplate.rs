//! Arbitrary documents through the boilerplate pass (line splitting, hashing, per-outlet
//! counting) and then analysed with the set it found: no panic, and every match offset indexes
//! its section.
#![no_main]

use framelens::boilerplate::Builder;
use framelens::{Analyzer, Document, Language, Scratch, Sections};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|texts: Vec<(bool, String)>| {
    let mut b = Builder::new();
    let docs: Vec<Document> = texts
        .into_iter()
        .map(|(second, text)| Document {
            id: "d".into(),
            outlet: if second { "b" } else { "a" }.into(),
            text,
            ..Document::default()
        })
        .collect();
    for d in &docs {
        b.add(d);
    }
    let lex = Arc::new(framelens_fuzz::small_lexicon(Language::ENGLISH));
    let analyzer = Analyzer::new(lex, Sections::default()).with_boilerplate(Arc::new(b.finish()));
    let mut scratch = Scratch::new();
    for d in &docs {
        let a = analyzer.analyze(d, &mut scratch);
        framelens_fuzz::check_analysis(d, &a);
    }
});
