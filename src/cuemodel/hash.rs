//! Feature hashing without allocation: FNV-1a 64 over a template number and up to two byte
//! strings, folded into a fixed-size buffer of table indices.

pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Most features one token may have; more are ignored.
pub const MAX_FEATURES: usize = 96;

/// FNV-1a 64 of `bytes`, continuing from `h`.
pub(super) fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The vocabulary key of a lowercase word: FNV-1a of its crude stem (without a final `-ing`,
/// `-ed`, `-es`, `-s` or `-e`), so `blasted`, `blasts` and `blast` share one key.
pub fn word_key(lower: &str) -> u64 {
    fnv1a(FNV_OFFSET, crude_stem(lower).as_bytes())
}

/// `lower` without one inflectional ending, keeping at least three letters.
pub fn crude_stem(lower: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(s) = lower.strip_suffix(suffix)
            && s.len() >= 3
        {
            return s;
        }
    }
    lower
}

/// The hashed features of one token, in a fixed buffer reused from token to token.
pub struct FeatureHasher {
    idx: [u32; MAX_FEATURES],
    n: usize,
    bits: u32,
}

impl FeatureHasher {
    /// An empty set for a table of `2^bits` weights.
    pub fn new(bits: u32) -> FeatureHasher {
        FeatureHasher { idx: [0; MAX_FEATURES], n: 0, bits }
    }

    /// Forgets the features of the previous token.
    pub fn clear(&mut self) {
        self.n = 0;
    }

    /// Adds feature `template` with the values `a` and `b` (`b` may be empty).
    pub fn add(&mut self, template: u8, a: &str, b: &str) {
        self.push(self.index(template, a, b));
    }

    /// The table index of feature `template` with the values `a` and `b`, without adding it
    /// (for features computed once and added with [`FeatureHasher::push`]).
    pub fn index(&self, template: u8, a: &str, b: &str) -> u32 {
        let mut h = fnv1a(FNV_OFFSET, &[template]);
        h = fnv1a(h, a.as_bytes());
        h = fnv1a(h, &[0xff]);
        h = fnv1a(h, b.as_bytes());
        self.fold(h)
    }

    /// Adds feature `template` with the values `a`, `b` and `c`.
    pub fn add3(&mut self, template: u8, a: &str, b: &str, c: &str) {
        self.push(self.index3(template, a, b, c));
    }

    /// The table index of feature `template` with the values `a`, `b` and `c`.
    pub fn index3(&self, template: u8, a: &str, b: &str, c: &str) -> u32 {
        let mut h = fnv1a(FNV_OFFSET, &[template]);
        for part in [a, b, c] {
            h = fnv1a(h, part.as_bytes());
            h = fnv1a(h, &[0xff]);
        }
        self.fold(h)
    }

    /// Adds feature `template` with the small number `v`.
    pub fn add_num(&mut self, template: u8, v: u32) {
        self.push(self.index_num(template, v));
    }

    /// The table index of feature `template` with the small number `v`.
    pub fn index_num(&self, template: u8, v: u32) -> u32 {
        self.fold(fnv1a(fnv1a(FNV_OFFSET, &[template, 0xfe]), &v.to_le_bytes()))
    }

    /// A hash folded to a table index: the high bits of the multiplied hash are the best mixed.
    fn fold(&self, h: u64) -> u32 {
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as u32
    }

    /// Adds a table index from [`FeatureHasher::index`] (or its siblings) of the same `bits`.
    pub fn push(&mut self, index: u32) {
        if self.n < MAX_FEATURES {
            self.idx[self.n] = index;
            self.n += 1;
        }
    }

    /// Table size in bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The table indices added since the last [`FeatureHasher::clear`].
    pub fn indices(&self) -> &[u32] {
        &self.idx[..self.n]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_share_keys() {
        assert_eq!(word_key("blasted"), word_key("blasts"));
        assert_eq!(word_key("criticized"), word_key("criticize"));
        assert_ne!(word_key("said"), word_key("say"));
        assert_eq!(crude_stem("is"), "is");
    }

    #[test]
    fn features_are_deterministic_and_bounded() {
        let mut f = FeatureHasher::new(10);
        f.add(1, "said", "");
        f.add(1, "said", "");
        f.add(2, "said", "");
        let i = f.indices();
        assert_eq!(i[0], i[1]);
        assert!(i.iter().all(|&x| x < 1024));
        for _ in 0..200 {
            f.add_num(3, 7);
        }
        assert_eq!(f.indices().len(), MAX_FEATURES);
        f.clear();
        assert!(f.indices().is_empty());
    }
}
