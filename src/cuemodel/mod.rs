//! The learned attribution-cue model: an averaged perceptron over hashed features, its file
//! format, and scoring. The features themselves are read off a section view by
//! `view::cues::learned`; this module only knows hashed feature indices, weights and the
//! vocabulary of words that may be cues. The bundled model (`models/cues.bin`, trained on
//! PolNeAR train, see README "Attribution model") is compiled into the binary.
//!
//! File format (all integers little-endian):
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `FLCUE` `\0` `\x01` `\0` (version 1) |
//! | 4 | `bits`: the weight table has `2^bits` entries, 8 ≤ bits ≤ 22 |
//! | 4 | `threshold` (i32): a token outside every rule cue is a cue when its score exceeds it |
//! | 4 | `keep` (i32): a rule cue stays when one of its tokens scores above it |
//! | 4 | `n`: vocabulary size, then `n` × u64 word keys, strictly ascending |
//! | 2 × 2^bits | the weights (i16, the averaged weights × [`SCALE`], rounded) |
//! | 8 | FNV-1a 64 of every byte before it |

mod hash;

pub use hash::{FeatureHasher, crude_stem, word_key};

use std::sync::{Arc, OnceLock};

/// The averaged weights are stored multiplied by this and rounded to i16.
pub const SCALE: f64 = 256.0;

const MAGIC: &[u8; 8] = b"FLCUE\0\x01\0";
const MIN_BITS: u32 = 8;
const MAX_BITS: u32 = 22;

/// A trained cue model: hashed feature weights, a decision threshold, and the words (keys of
/// [`word_key`]) the model considers besides the attribution lexicon's hits.
#[derive(Clone, PartialEq, Eq)]
pub struct CueModel {
    bits: u32,
    threshold: i32,
    keep: i32,
    vocab: Vec<u64>,
    weights: Vec<i16>,
    /// One bit per low 16 bits of a vocabulary key: most words outside the vocabulary are
    /// rejected without a search (derived from `vocab`).
    filter: Box<[u64]>,
    /// The checksum of the file bytes (derived from the rest): per-thread memos of which
    /// words are candidates and of feature bounds hold for one model.
    id: u64,
}

/// The bits of [`CueModel::knows`]' filter for the vocabulary `vocab`.
fn filter(vocab: &[u64]) -> Box<[u64]> {
    let mut f = vec![0u64; 1 << 10].into_boxed_slice();
    for &k in vocab {
        let bit = (k & 0xffff) as usize;
        f[bit >> 6] |= 1 << (bit & 63);
    }
    f
}

/// Why bytes are not a cue model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// Too short for the part named.
    #[error("truncated at byte {0} (expected {1})")]
    Truncated(usize, &'static str),
    /// Not a framelens cue model, or another version.
    #[error("not a framelens cue model (bad magic or version)")]
    Magic,
    /// The table size is out of range.
    #[error("table bits {0} out of range {MIN_BITS}..={MAX_BITS}")]
    Bits(u32),
    /// The vocabulary is not strictly ascending.
    #[error("vocabulary not strictly ascending at entry {0}")]
    Vocab(usize),
    /// Bytes left after the checksum.
    #[error("{0} trailing bytes after the checksum")]
    Trailing(usize),
    /// The checksum does not match.
    #[error("checksum mismatch (file damaged)")]
    Checksum,
}

static BUNDLED: OnceLock<Arc<CueModel>> = OnceLock::new();

/// The model compiled into the binary (`models/cues.bin`).
pub fn bundled() -> Arc<CueModel> {
    BUNDLED
        .get_or_init(|| {
            Arc::new(
                CueModel::parse(include_bytes!("../../models/cues.bin"))
                    .expect("models/cues.bin is checked by a unit test"),
            )
        })
        .clone()
}

impl CueModel {
    /// A model from its parts: `weights` must have `2^bits` entries; `vocab` is sorted and
    /// deduplicated here. `threshold` decides new cues, `keep` the rules' cues.
    pub fn new(
        bits: u32,
        threshold: i32,
        keep: i32,
        mut vocab: Vec<u64>,
        weights: Vec<i16>,
    ) -> CueModel {
        assert!((MIN_BITS..=MAX_BITS).contains(&bits) && weights.len() == 1 << bits);
        vocab.sort_unstable();
        vocab.dedup();
        let filter = filter(&vocab);
        let mut m = CueModel { bits, threshold, keep, vocab, weights, filter, id: 0 };
        let bytes = m.to_bytes();
        m.id = le_u64(&bytes[bytes.len() - 8..]);
        m
    }

    /// The same model with the vocabulary `vocab` (sorted and deduplicated here).
    pub fn with_vocabulary(&self, vocab: Vec<u64>) -> CueModel {
        CueModel::new(self.bits, self.threshold, self.keep, vocab, self.weights.clone())
    }

    /// The vocabulary: keys of [`word_key`], ascending.
    pub fn vocabulary(&self) -> &[u64] {
        &self.vocab
    }

    /// The score a rule cue's token must exceed for the cue to stay.
    pub fn keep_threshold(&self) -> i32 {
        self.keep
    }

    /// Table size in bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The decision threshold.
    pub fn threshold(&self) -> i32 {
        self.threshold
    }

    /// Whether the word with key `key` ([`word_key`]) is in the model's vocabulary.
    pub fn knows(&self, key: u64) -> bool {
        let bit = (key & 0xffff) as usize;
        self.filter[bit >> 6] >> (bit & 63) & 1 == 1 && self.vocab.binary_search(&key).is_ok()
    }

    /// A fingerprint of the model: the checksum of its file bytes.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The score of a token with the hashed features `features` (indices < 2^bits).
    pub fn score(&self, features: &[u32]) -> i32 {
        let mask = (1usize << self.bits) - 1;
        features.iter().map(|&f| i32::from(self.weights[f as usize & mask])).sum()
    }

    /// The file bytes (see the module documentation).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.vocab.len() * 8 + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.threshold.to_le_bytes());
        out.extend_from_slice(&self.keep.to_le_bytes());
        out.extend_from_slice(&(self.vocab.len() as u32).to_le_bytes());
        for v in &self.vocab {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let sum = hash::fnv1a(hash::FNV_OFFSET, &out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads a model file; any byte string gives a model or an error, never a panic.
    pub fn parse(bytes: &[u8]) -> Result<CueModel, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8, "magic")? != MAGIC {
            return Err(ModelError::Magic);
        }
        let bits = r.u32("bits")?;
        if !(MIN_BITS..=MAX_BITS).contains(&bits) {
            return Err(ModelError::Bits(bits));
        }
        let threshold = r.u32("threshold")? as i32;
        let keep = r.u32("keep threshold")? as i32;
        let n = r.u32("vocabulary size")? as usize;
        let vocab_bytes = r.take(n.saturating_mul(8), "vocabulary")?;
        let vocab: Vec<u64> = vocab_bytes.chunks_exact(8).map(le_u64).collect();
        if let Some(i) = vocab.windows(2).position(|w| w[0] >= w[1]) {
            return Err(ModelError::Vocab(i + 1));
        }
        let table = r.take(2usize << bits, "weights")?;
        let weights = table.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])).collect();
        let body = r.at;
        let sum = le_u64(r.take(8, "checksum")?);
        if r.at != bytes.len() {
            return Err(ModelError::Trailing(bytes.len() - r.at));
        }
        if sum != hash::fnv1a(hash::FNV_OFFSET, &bytes[..body]) {
            return Err(ModelError::Checksum);
        }
        let filter = filter(&vocab);
        Ok(CueModel { bits, threshold, keep, vocab, weights, filter, id: sum })
    }
}

impl std::fmt::Debug for CueModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CueModel")
            .field("bits", &self.bits)
            .field("threshold", &self.threshold)
            .field("vocabulary", &self.vocab.len())
            .finish_non_exhaustive()
    }
}

fn le_u64(c: &[u8]) -> u64 {
    let mut b = [0; 8];
    b.copy_from_slice(c);
    u64::from_le_bytes(b)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(ModelError::Truncated(self.bytes.len(), what))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn small() -> CueModel {
        let w = (0..256).map(|i| (i as i16) - 128).collect();
        CueModel::new(8, 7, 2, vec![9, 3, 3, 5], w)
    }

    #[test]
    fn round_trip() {
        let m = small();
        assert_eq!(CueModel::parse(&m.to_bytes()), Ok(m.clone()));
        assert!(m.knows(5) && !m.knows(4));
        assert_eq!(m.score(&[0, 255, 256 + 1]), -128 + 127 - 127);
    }

    #[test]
    fn damaged_files_are_errors() {
        let b = small().to_bytes();
        assert_eq!(
            CueModel::parse(&b[..b.len() - 1]),
            Err(ModelError::Truncated(b.len() - 1, "checksum"))
        );
        let mut c = b.clone();
        c[40] ^= 1;
        assert_eq!(CueModel::parse(&c), Err(ModelError::Checksum));
        let mut d = b.clone();
        d.push(0);
        assert_eq!(CueModel::parse(&d), Err(ModelError::Trailing(1)));
        assert_eq!(CueModel::parse(b"FLCUE\0\x02\0"), Err(ModelError::Magic));
        let mut e = b[..8].to_vec();
        e.extend_from_slice(&40u32.to_le_bytes());
        assert_eq!(CueModel::parse(&e), Err(ModelError::Bits(40)));
    }

    #[test]
    fn the_bundled_model_parses() {
        assert!(bundled().bits() >= MIN_BITS);
    }

    proptest! {
        #[test]
        fn the_filter_never_hides_a_word(
            vocab in proptest::collection::vec(any::<u64>(), 0..300),
            probes in proptest::collection::vec(any::<u64>(), 0..300),
        ) {
            let m = CueModel::new(8, 0, 0, vocab.clone(), vec![0; 256]);
            for k in vocab.iter().chain(&probes) {
                prop_assert_eq!(m.knows(*k), vocab.contains(k));
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = CueModel::parse(&bytes);
        }

        #[test]
        fn arbitrary_tails_after_a_valid_header_never_panic(
            tail in proptest::collection::vec(any::<u8>(), 0..600), bits in 0u32..30, n in 0u32..100
        ) {
            let mut b = MAGIC.to_vec();
            b.extend_from_slice(&bits.to_le_bytes());
            b.extend_from_slice(&0i32.to_le_bytes());
            b.extend_from_slice(&0i32.to_le_bytes());
            b.extend_from_slice(&n.to_le_bytes());
            b.extend_from_slice(&tail);
            let _ = CueModel::parse(&b);
        }
    }
}
