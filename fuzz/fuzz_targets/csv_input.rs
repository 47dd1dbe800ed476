//! Arbitrary bytes as a CSV input file (the first byte chooses --lossy): no panic, and every
//! record read is either analysed or reported as failed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flag, rest)) = data.split_first() else { return };
    framelens_fuzz::run_input(rest, "csv", flag & 1 == 1);
});
