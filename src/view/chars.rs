//! Byte → code-point offsets of one section (what Python's `str` indexes): the identity for
//! ASCII text, else the code points before every 64-byte block, counted once, and a count of
//! at most 63 bytes per lookup, in any order.

/// Bytes per block of the index.
const BLOCK: usize = 64;

/// The code-point index of one section text; reused across sections.
#[derive(Clone, Debug, Default)]
pub(crate) struct CharIndex {
    ascii: bool,
    /// Code points before each block start (and one past the last block).
    blocks: Vec<u32>,
}

/// Whether a byte starts a code point (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

impl CharIndex {
    /// Indexes `text`.
    pub(crate) fn build(&mut self, text: &str) {
        self.blocks.clear();
        self.ascii = text.is_ascii();
        if self.ascii {
            return;
        }
        let mut n = 0u32;
        for block in text.as_bytes().chunks(BLOCK) {
            self.blocks.push(n);
            n += block.iter().filter(|&&b| starts_char(b)).count() as u32;
        }
        self.blocks.push(n);
    }

    /// The code-point offset of `byte`, a char boundary of the text indexed last.
    pub(crate) fn offset(&self, text: &str, byte: u32) -> u32 {
        if self.ascii {
            return byte;
        }
        let (b, k) = (byte as usize, byte as usize / BLOCK);
        let tail = &text.as_bytes()[k * BLOCK..b];
        self.blocks[k] + tail.iter().filter(|&&c| starts_char(c)).count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_counting_chars_at_every_boundary() {
        let text = "Régime’s “forces” — ".repeat(9) + "end";
        let mut index = CharIndex::default();
        index.build(&text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.offset(&text, b as u32), text[..b].chars().count() as u32);
        }
        index.build("plain");
        assert_eq!(index.offset("plain", 5), 5);
    }
}
