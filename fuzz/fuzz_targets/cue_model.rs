//! Arbitrary bytes as a cue model file (`--cue-model`) and as brat standoff (`train-cues`):
//! an error or a value, never a panic; a parsed model scores any feature indices.
#![no_main]

use framelens::cuemodel::CueModel;
use framelens::cuetrain::brat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(model) = CueModel::parse(data) {
        let _ = model.score(&[0, 1, u32::MAX]);
        assert_eq!(CueModel::parse(&model.to_bytes()).ok(), Some(model));
    }
    let text = String::from_utf8_lossy(data);
    if let Ok(spans) = brat::parse_cues(&text, "fuzz.ann") {
        let _ = brat::to_bytes(&text, &spans, "fuzz.ann");
    }
});
