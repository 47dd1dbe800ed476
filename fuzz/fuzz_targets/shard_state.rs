//! Arbitrary bytes read as a `shard.json` (what `framelens merge` sums): an error or totals
//! whose ids all index the lexicon, never a panic.
#![no_main]

use framelens::Language;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    thread_local! {
        static LEX: framelens::Lexicon = framelens_fuzz::small_lexicon(Language::ENGLISH);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        LEX.with(|lex| {
            if let Ok(agg) = framelens::report::shard::parse_state(text, lex, "fuzz") {
                for g in agg.groups.values() {
                    assert!(g.entries.keys().all(|id| id.index() < lex.entries().len()));
                }
            }
        });
    }
});
