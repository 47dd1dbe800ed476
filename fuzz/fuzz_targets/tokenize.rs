//! Arbitrary text through the segmenter: no panic; token, sentence and paragraph offsets lie
//! on char boundaries, increase, and nest (token ⊂ sentence ⊂ paragraph).
#![no_main]

use framelens::segment::{TokenBuffer, tokenize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut buf = TokenBuffer::new();
    tokenize(&text, &mut buf);
    framelens_fuzz::check_tokens(&text, &buf);
});
