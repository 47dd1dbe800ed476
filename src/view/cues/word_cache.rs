//! A small direct-mapped cache of facts about short words (at most 16 bytes), keyed by the
//! word's bytes: one probe and two 8-byte comparisons instead of a hash map's hashing and
//! search. A slot holds the last word that maps to it; longer words are never kept, so the
//! cache answers exactly what `make` would.

/// Words of at most this many bytes are cached.
const MAX_LEN: usize = 16;
const SLOT_BITS: u32 = 12;

#[derive(Clone, Copy)]
struct Slot<T> {
    key: [u64; 2],
    len: u8,
    value: Option<T>,
}

/// Cached values of `T` per word.
pub(crate) struct WordCache<T: Copy> {
    slots: Box<[Slot<T>]>,
}

impl<T: Copy> WordCache<T> {
    /// An empty cache.
    pub(crate) fn new() -> WordCache<T> {
        let empty = Slot { key: [0; 2], len: 0, value: None };
        WordCache { slots: vec![empty; 1 << SLOT_BITS].into_boxed_slice() }
    }

    /// The value of `word`: the cached one, or `make()` (then cached when the word is short).
    pub(crate) fn get(&mut self, word: &str, make: impl FnOnce() -> T) -> T {
        let b = word.as_bytes();
        if b.len() > MAX_LEN {
            return make();
        }
        let mut buf = [0u8; MAX_LEN];
        buf[..b.len()].copy_from_slice(b);
        let (lo, hi) = buf.split_at(8);
        let key = [le(lo), le(hi)];
        let mixed =
            (key[0] ^ key[1].rotate_left(29) ^ b.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let slot = &mut self.slots[(mixed >> (64 - SLOT_BITS)) as usize];
        if let Some(v) = slot.value
            && slot.len as usize == b.len()
            && slot.key == key
        {
            return v;
        }
        let v = make();
        *slot = Slot { key, len: b.len() as u8, value: Some(v) };
        v
    }
}

fn le(b: &[u8]) -> u64 {
    let mut a = [0; 8];
    a.copy_from_slice(b);
    u64::from_le_bytes(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn answers_what_make_would(words in proptest::collection::vec("[a-c\u{e9}]{0,18}", 0..400)) {
            let mut c = WordCache::new();
            for w in &words {
                prop_assert_eq!(c.get(w, || w.len() * 31 + w.chars().count()), w.len() * 31 + w.chars().count());
            }
        }
    }

    #[test]
    fn a_word_is_made_once_while_it_keeps_its_slot() {
        let mut c = WordCache::new();
        let mut made = 0;
        for _ in 0..3 {
            c.get("said", || {
                made += 1;
                1
            });
        }
        assert_eq!(made, 1);
        assert_eq!(c.get("", || 7), 7);
        assert_eq!(c.get("", || 8), 7);
    }
}
