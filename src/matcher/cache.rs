//! A per-thread memo from normalised word to what it can match (stem id, exact id, prefix
//! ids), so each distinct word is stemmed once. Words of up to 16 bytes live inline in an
//! open-addressing table of 32-byte entries, so a lookup touches one cache line (which the
//! matcher prefetches ahead); longer words go to an ordinary map.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;

/// What a word matches; `u32::MAX` for none. Prefix ids live in [`WordCache::prefixes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Keys {
    pub(super) stem: u32,
    pub(super) exact: u32,
    pub(super) pfx_start: u32,
    pub(super) pfx_len: u32,
}

const INLINE: usize = 16;

#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Entry {
    word: [u8; INLINE],
    /// 0 = empty.
    len: u8,
    pfx_len: u8,
    pfx_start: u32,
    stem: u32,
    exact: u32,
}

const EMPTY: Entry =
    Entry { word: [0; INLINE], len: 0, pfx_len: 0, pfx_start: 0, stem: 0, exact: 0 };

/// Above this many words, or this many bytes of long words, the cache starts again (memory
/// stays bounded on huge corpora and on text full of long unique tokens, such as base64).
const LIMIT: usize = 1 << 19;
const LONG_BYTES_LIMIT: usize = 32 << 20;

#[derive(Default)]
pub(super) struct WordCache {
    table: Vec<Entry>,
    used: usize,
    long: FxHashMap<Box<[u8]>, Keys>,
    long_bytes: usize,
    /// Prefix ids of cached words.
    pub(super) prefixes: Vec<u32>,
}

/// The hash of a word; also used to prefetch its table slot.
pub(super) fn hash(word: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(word);
    h.finish()
}

fn padded(w: &[u8]) -> [u8; INLINE] {
    let mut p = [0u8; INLINE];
    p[..w.len()].copy_from_slice(w);
    p
}

impl WordCache {
    /// Starts again when the cache has grown past its limit. Call only between texts: keys
    /// handed out before refer to `prefixes`.
    pub(super) fn trim(&mut self) {
        if self.used + self.long.len() >= LIMIT || self.long_bytes >= LONG_BYTES_LIMIT {
            self.table.iter_mut().for_each(|e| *e = EMPTY);
            self.used = 0;
            self.long.clear();
            self.long_bytes = 0;
            self.prefixes.clear();
        }
        if self.table.is_empty() {
            self.table = vec![EMPTY; 1 << 12];
        }
    }

    /// Hints the processor to load the slot of a word with hash `h`.
    #[inline]
    pub(super) fn prefetch(&self, h: u64) {
        #[cfg(target_arch = "x86_64")]
        if !self.table.is_empty() {
            let slot = &self.table[h as usize & (self.table.len() - 1)];
            // SAFETY: prefetching reads nothing and cannot fault; the pointer is valid anyway.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                    (slot as *const Entry).cast(),
                );
            }
        }
    }

    /// The keys of `word` (whose hash is `h`), computed by `compute` (which may append to
    /// `prefixes`) on a miss.
    pub(super) fn get(
        &mut self,
        word: &[u8],
        h: u64,
        compute: impl FnOnce(&mut Vec<u32>) -> Keys,
    ) -> Keys {
        let w = word;
        if w.len() > INLINE || w.is_empty() {
            if let Some(k) = self.long.get(word) {
                return *k;
            }
            let k = compute(&mut self.prefixes);
            self.long_bytes += w.len();
            self.long.insert(word.into(), k);
            return k;
        }
        if self.used * 2 >= self.table.len() {
            self.grow();
        }
        let key = padded(w);
        let mask = self.table.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let e = &self.table[i];
            if e.len == 0 {
                break;
            }
            if e.len as usize == w.len() && e.word == key {
                return Keys {
                    stem: e.stem,
                    exact: e.exact,
                    pfx_start: e.pfx_start,
                    pfx_len: e.pfx_len.into(),
                };
            }
            i = (i + 1) & mask;
        }
        let keys = compute(&mut self.prefixes);
        if keys.pfx_len > u32::from(u8::MAX) {
            self.long_bytes += w.len();
            self.long.insert(word.into(), keys);
            return keys;
        }
        self.table[i] = Entry {
            word: key,
            len: w.len() as u8,
            pfx_len: keys.pfx_len as u8,
            pfx_start: keys.pfx_start,
            stem: keys.stem,
            exact: keys.exact,
        };
        self.used += 1;
        keys
    }

    fn grow(&mut self) {
        let cap = (self.table.len() * 2).max(1 << 12);
        let old = std::mem::replace(&mut self.table, vec![EMPTY; cap]);
        let mask = cap - 1;
        for e in old.into_iter().filter(|e| e.len != 0) {
            let mut i = hash(&e.word[..e.len as usize]) as usize & mask;
            while self.table[i].len != 0 {
                i = (i + 1) & mask;
            }
            self.table[i] = e;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(n: u32) -> Keys {
        Keys { stem: n, exact: u32::MAX, pfx_start: 0, pfx_len: 0 }
    }

    #[test]
    fn computes_once_per_word_and_survives_growth() {
        let mut c = WordCache::default();
        c.trim();
        let mut calls = 0;
        for round in 0..2 {
            for i in 0..5000u32 {
                let w = if i % 7 == 0 {
                    format!("a-very-long-word-number-{i}")
                } else {
                    format!("w{i}")
                };
                let got = c.get(w.as_bytes(), hash(w.as_bytes()), |_| {
                    calls += 1;
                    k(i)
                });
                assert_eq!(got, k(i), "round {round}");
            }
        }
        assert_eq!(calls, 5000);
    }
}
