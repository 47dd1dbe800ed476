//! Arbitrary bytes as a WordStat .cat: an error naming the file or checked rows, never a panic.
#![no_main]

use framelens::lexicon::import::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| framelens_fuzz::check_dictionary("fuzz.cat", Format::WordStat, data));
