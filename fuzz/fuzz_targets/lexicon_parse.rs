//! Arbitrary lexicon CSV text: an error or a lexicon, never a panic. A lexicon that loads is
//! then matched against the same text, and every match must index it.
#![no_main]

use framelens::{Analyzer, Document, Language, LexiconBuilder, Scratch, Sections};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut b = LexiconBuilder::new(Language::ENGLISH);
    match b.add_text("fuzz.csv", "fuzz", text) {
        Ok(()) => {
            let lex = Arc::new(b.build());
            let _ = framelens::lexicon::check::check(&lex);
            let analyzer = Analyzer::new(lex, Sections::default());
            let doc = Document {
                id: "d".into(),
                outlet: "o".into(),
                text: text.into(),
                ..Document::default()
            };
            let a = analyzer.analyze(&doc, &mut Scratch::new());
            framelens_fuzz::check_analysis(&doc, &a);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz.csv:"), "error without a position: {msg}");
        }
    }
});
