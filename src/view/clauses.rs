//! Clauses and phrases: the units within which a modifier acts on a hit. A *clause* ends at a
//! sentence end, at `;`, `:`, a dash, a bracket, or before a contrastive conjunction
//! (`but`, `although`, `though`, `whereas`); a hedge governs its clause. A *phrase* also ends
//! at a comma; negators and boosters act only within their phrase. Quotation marks end
//! neither, so "not a “massacre”" is still negated.

use crate::language::english::CONTRAST;
use crate::segment::TokenBuffer;

/// Per token: the index of its clause and of its phrase within the section.
#[derive(Clone, Debug, Default)]
pub(crate) struct Units {
    /// Clause index per token (increasing).
    pub(crate) clause: Vec<u32>,
    /// Phrase index per token (increasing; a phrase never spans two clauses).
    pub(crate) phrase: Vec<u32>,
    /// Number of clauses.
    pub(crate) clauses: u32,
}

impl Units {
    /// Marks the clauses and phrases of a segmented section.
    pub(crate) fn mark(&mut self, text: &str, buf: &TokenBuffer) {
        self.clause.clear();
        self.phrase.clear();
        let (mut clause, mut phrase) = (0u32, 0u32);
        let (bytes, arena) = (text.as_bytes(), buf.arena.as_bytes());
        for (i, t) in buf.tokens.iter().enumerate() {
            if i > 0 {
                let prev = &buf.tokens[i - 1];
                let (hard, soft) = if prev.sentence != t.sentence {
                    (true, true)
                } else {
                    gap_breaks(&bytes[prev.span.end as usize..t.span.start as usize])
                };
                let hard = hard || is_contrast(&arena[t.norm.range()]);
                if hard {
                    clause += 1;
                }
                if hard || soft {
                    phrase += 1;
                }
            }
            self.clause.push(clause);
            self.phrase.push(phrase);
        }
        self.clauses = if buf.tokens.is_empty() { 0 } else { clause + 1 };
    }

    /// Whether tokens `a` and `b` are in the same phrase.
    pub(crate) fn same_phrase(&self, a: usize, b: usize) -> bool {
        self.phrase[a] == self.phrase[b]
    }
}

/// Whether a normalised word is a contrastive conjunction (cheap rejection first).
fn is_contrast(norm: &[u8]) -> bool {
    (3..=8).contains(&norm.len())
        && matches!(norm[0], b'b' | b'a' | b't' | b'w')
        && CONTRAST.iter().any(|c| c.as_bytes() == norm)
}

/// (ends a clause, ends a phrase) for the bytes between two words.
fn gap_breaks(b: &[u8]) -> (bool, bool) {
    if b == b" " {
        return (false, false);
    }
    let mut soft = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b';' | b':' | b'(' | b')' | b'[' | b']' => return (true, true),
            b',' => soft = true,
            // — – ― are E2 80 94, E2 80 93, E2 80 95.
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93..=0x95)) => {
                return (true, true);
            }
            _ => {}
        }
    }
    (false, soft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize;

    fn units(text: &str) -> (Vec<u32>, Vec<u32>) {
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let mut u = Units::default();
        u.mark(text, &buf);
        (u.clause, u.phrase)
    }

    #[test]
    fn clauses_end_at_hard_marks_and_contrast_phrases_at_commas() {
        //            It  was  ,  he  said ; but late . Yes
        let (c, p) = units("It was, he said; but — late. Yes “no” (maybe).");
        assert_eq!(c, vec![0, 0, 0, 0, 1, 2, 3, 3, 4]);
        assert_eq!(p, vec![0, 0, 1, 1, 2, 3, 4, 4, 5]);
        let (c, _) = units("Not only corrupt but cruel.");
        assert_eq!(c, vec![0, 0, 0, 1, 1]);
    }
}
