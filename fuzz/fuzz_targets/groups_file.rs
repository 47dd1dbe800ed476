//! Arbitrary bytes as a `--groups` file: no panic; an error names a line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err((line, message)) = framelens::compare::GroupMap::from_csv(data) {
        assert!(!message.is_empty());
        let _ = line;
    }
});
