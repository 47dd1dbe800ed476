//! Arbitrary bytes as a Lexicoder 3 .lc3: an error naming the file or checked rows, never a panic.
#![no_main]

use framelens::lexicon::import::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| framelens_fuzz::check_dictionary("fuzz.lc3", Format::Lexicoder3, data));
