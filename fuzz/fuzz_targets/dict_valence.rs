//! Arbitrary bytes as a valence list (`token<TAB>score`): an error naming the file, or rows
//! whose every pattern parses and whose valence is within VADER's scale; never a panic.
#![no_main]

use framelens::lexicon::import::read_valence;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match read_valence("fuzz.txt", "fuzz", data) {
        Ok(rows) => {
            for r in rows {
                assert!(framelens::lexicon::pattern::parse(&r.pattern).is_ok(), "{}", r.pattern);
                assert!(r.valence.is_some_and(|v| (-40..=40).contains(&v)));
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz.txt:"), "error without a position: {msg}");
        }
    }
});
