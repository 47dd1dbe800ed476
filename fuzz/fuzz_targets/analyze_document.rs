//! An arbitrary document (title, body, language) analysed end to end with a small lexicon
//! stemmed for that language: no panic, and every match offset indexes its section.
#![no_main]

use framelens::{Analyzer, Document, Language, Scratch, Sections};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

const LANGS: &[&str] = &[
    "en", "ar", "da", "de", "el", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ro", "ru", "sv",
    "ta", "tr",
];

#[derive(Arbitrary, Debug)]
struct Input {
    lang: u8,
    title_only: bool,
    title: Option<String>,
    text: String,
}

fuzz_target!(|input: Input| {
    let code = LANGS[input.lang as usize % LANGS.len()];
    let language = Language::from_code(code).expect("known code");
    thread_local! {
        static LEXICONS: std::cell::RefCell<Vec<Option<Arc<framelens::Lexicon>>>> =
            std::cell::RefCell::new(vec![None; LANGS.len()]);
    }
    let lex = LEXICONS.with(|l| {
        l.borrow_mut()[input.lang as usize % LANGS.len()]
            .get_or_insert_with(|| Arc::new(framelens_fuzz::small_lexicon(language)))
            .clone()
    });
    let sections = Sections { title: true, body: !input.title_only };
    let analyzer = Analyzer::new(lex, sections);
    let doc = Document {
        id: "d".into(),
        outlet: "o".into(),
        title: input.title,
        text: input.text,
        ..Document::default()
    };
    let a = analyzer.analyze(&doc, &mut Scratch::new());
    framelens_fuzz::check_analysis(&doc, &a);
});
