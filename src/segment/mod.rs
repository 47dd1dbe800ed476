//! Text segmentation: paragraphs, sentences (UAX #29 plus abbreviation merging) and words
//! (UAX #29), with a normalised form of each word (lowercase, typographic apostrophes as `'`).
//!
//! Owns [`TokenBuffer`], the reusable output of one section's segmentation. Offsets are byte
//! offsets into the section text and are never altered by any later stage; the normalised form
//! lives in a separate arena. Also owns which gaps may join the words of a phrase
//! (`joinable`), the rule the matcher and the lexicon lint share.

mod abbreviations;
mod normalize;
mod sentences;
mod token;
mod words;

pub use normalize::normalize_into;
pub use token::{
    ALL_CAPS, CAPITALIZED, HYPHEN_BEFORE, NUMERIC, SENTENCE_START, Sentence, Span, Token,
};

/// The segmentation of one text, reused across documents to avoid allocation.
#[derive(Clone, Debug, Default)]
pub struct TokenBuffer {
    /// Words in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Paragraphs (lines with text) in text order.
    pub paragraphs: Vec<Span>,
    /// Normalised forms of all tokens, back to back.
    pub arena: String,
    bounds: Vec<(u32, Span)>,
}

impl TokenBuffer {
    /// An empty buffer.
    pub fn new() -> TokenBuffer {
        TokenBuffer::default()
    }

    /// The normalised form of `token`.
    pub fn norm(&self, token: &Token) -> &str {
        &self.arena[token.norm.range()]
    }

    /// Empties the buffer, keeping its allocations.
    pub fn clear(&mut self) {
        self.tokens.clear();
        self.sentences.clear();
        self.paragraphs.clear();
        self.arena.clear();
        self.bounds.clear();
    }
}

/// Calls `f(byte_offset, word)` for every UAX #29 word of `text` that contains a letter or
/// digit (what `unicode_word_indices` yields), using the fast path where it applies.
pub fn word_spans(text: &str, f: impl FnMut(usize, &str)) {
    words::for_each_word(text, f);
}

/// Segments `text` into `buf` (cleared first).
///
/// Paragraphs are the lines of the text (split at `\n`, `\r` and U+2029). Words are found per
/// paragraph (a fast path for ASCII and common typographic punctuation, unicode-segmentation
/// otherwise), then sentence ends are decided in the gaps between words, with abbreviations
/// (`Mr.`, `U.S.`) merged.
///
/// # Panics
///
/// If `text` is 4 GiB or longer (offsets are 32-bit). The pipeline fails such documents
/// before analysis (see `pipeline::MAX_DOCUMENT_BYTES`).
pub fn tokenize(text: &str, buf: &mut TokenBuffer) {
    buf.clear();
    assert!(text.len() < u32::MAX as usize, "sections are limited to 4 GiB");
    for (start, end) in paragraphs(text) {
        let paragraph = buf.paragraphs.len() as u32;
        let para = Span::new(start, end);
        buf.paragraphs.push(para);
        let first = buf.tokens.len();
        words::for_each_word(&text[start..end], |off, word| {
            push_token(text, start + off, word, buf)
        });
        let mut bounds = std::mem::take(&mut buf.bounds);
        sentences::split(text, para, &buf.tokens[first..], &mut bounds);
        for (k, &(rel, span)) in bounds.iter().enumerate() {
            let sentence = buf.sentences.len() as u32;
            let first_token = (first + rel as usize) as u32;
            let end_token =
                bounds.get(k + 1).map_or(buf.tokens.len(), |b| first + b.0 as usize) as u32;
            for t in &mut buf.tokens[first_token as usize..end_token as usize] {
                t.sentence = sentence;
            }
            if first_token < end_token {
                buf.tokens[first_token as usize].flags |= SENTENCE_START;
            }
            buf.sentences.push(Sentence { span, paragraph, first_token, end_token });
        }
        buf.bounds = bounds;
    }
}

fn push_token(text: &str, start: usize, word: &str, buf: &mut TokenBuffer) {
    let norm_start = buf.arena.len();
    normalize_into(word, &mut buf.arena);
    let mut flags = 0;
    let first = word.as_bytes()[0];
    if first.is_ascii_lowercase() {
        // The common case: nothing to flag from the word itself.
    } else if first.is_ascii_uppercase() && word.is_ascii() {
        flags |= CAPITALIZED;
        let b = word.as_bytes();
        if b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2
            && !b.iter().any(u8::is_ascii_lowercase)
        {
            flags |= ALL_CAPS;
        }
    } else if let Some(c) = word.chars().next() {
        if c.is_uppercase() {
            flags |= CAPITALIZED;
            if word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !word.chars().any(char::is_lowercase)
            {
                flags |= ALL_CAPS;
            }
        } else if c.is_ascii_digit() {
            flags |= NUMERIC;
        }
    }
    if start > 0 && text.as_bytes()[start - 1] == b'-' {
        flags |= HYPHEN_BEFORE;
    }
    buf.tokens.push(Token {
        span: Span::new(start, start + word.len()),
        norm: Span::new(norm_start, buf.arena.len()),
        sentence: 0,
        flags,
    });
}

/// Byte ranges of the non-blank lines of `text`, trimmed of surrounding white space.
pub fn paragraphs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < text.len() {
            let (line_end, next) = line_end(text.as_bytes(), pos);
            let line_start = pos;
            pos = next;
            let line = &text[line_start..line_end];
            let trimmed = line.trim_start();
            if trimmed.is_empty() {
                continue;
            }
            let start = line_start + (line.len() - trimmed.len());
            let end = start + trimmed.trim_end().len();
            return Some((start, end));
        }
        None
    })
}

/// Where the line starting at `from` ends (at `\n`, `\r`, U+2029 or the end of `b`) and where
/// the next one starts.
fn line_end(b: &[u8], from: usize) -> (usize, usize) {
    let mut i = from;
    loop {
        i = next_break_byte(b, i);
        match b.get(i) {
            None => return (b.len(), b.len()),
            Some(b'\n' | b'\r') => return (i, i + 1),
            // 0xE2: U+2029 is E2 80 A9.
            Some(_) if b[i + 1..].starts_with(&[0x80, 0xA9]) => return (i, i + 3),
            Some(_) => i += 1,
        }
    }
}

/// The first position from `i` on holding `\n`, `\r` or 0xE2 (the first byte of U+2029),
/// else `b.len()`: eight bytes at a time (a byte equal to c is a zero byte of x XOR c·0x01…;
/// the lowest flagged byte of the zero-byte test is always a true zero).
fn next_break_byte(b: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |y: u64| y.wrapping_sub(LO) & !y & HI;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let m = zero(x ^ (LO * u64::from(b'\n')))
            | zero(x ^ (LO * u64::from(b'\r')))
            | zero(x ^ (LO * 0xE2));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !matches!(b[i], b'\n' | b'\r' | 0xE2) {
        i += 1;
    }
    i
}

/// Whether `gap` may stand between two words of a phrase: only white space and hyphens.
/// The matcher joins phrases by it; `lexicon check` uses it to find patterns that can never match.
pub(crate) fn joinable(gap: &str) -> bool {
    gap.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, String)> {
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        buf.tokens.iter().map(|t| (&text[t.span.range()], buf.norm(t).to_string())).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        buf.sentences.iter().map(|s| &text[s.span.range()]).collect()
    }

    #[test]
    fn words_keep_offsets_and_normalise() {
        let text = "Trump’s “regime” — So-called ÉLITES.";
        let w = words(text);
        assert_eq!(w[0], ("Trump’s", "trump's".to_string()));
        assert_eq!(w[1], ("regime", "regime".to_string()));
        assert_eq!(w[2], ("So", "so".to_string()));
        assert_eq!(w[3], ("called", "called".to_string()));
        assert_eq!(w[4], ("ÉLITES", "élites".to_string()));
    }

    #[test]
    fn flags() {
        let text = "The so-called NATO plan had 3 parts.";
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let f = |i: usize| buf.tokens[i].flags;
        assert_ne!(f(0) & CAPITALIZED, 0);
        assert_ne!(f(0) & SENTENCE_START, 0);
        assert_ne!(f(2) & HYPHEN_BEFORE, 0);
        assert_ne!(f(3) & ALL_CAPS, 0);
        assert_ne!(f(6) & NUMERIC, 0);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s = sentences("Mr. Smith met Dr. Jones in the U.S. Congress on Monday. He left.");
        assert_eq!(s, vec!["Mr. Smith met Dr. Jones in the U.S. Congress on Monday.", "He left."]);
        let s = sentences("They flew to the U.S. The talks failed.");
        assert_eq!(s, vec!["They flew to the U.S.", "The talks failed."]);
    }

    #[test]
    fn paragraphs_are_lines_and_sentences_do_not_cross_them() {
        let text = "First line\n\n  Second one. Third.\r\nLast";
        let p: Vec<_> = paragraphs(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(p, vec!["First line", "Second one. Third.", "Last"]);
        assert_eq!(sentences(text), vec!["First line", "Second one.", "Third.", "Last"]);
    }

    #[test]
    fn sentence_tokens_are_contiguous() {
        let text = "One two. Three four five.\nSix.";
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        assert_eq!(buf.sentences.len(), 3);
        assert_eq!((buf.sentences[1].first_token, buf.sentences[1].end_token), (2, 5));
        assert_eq!(buf.sentences[2].paragraph, 1);
        assert!(buf.tokens.iter().all(|t| {
            let s = buf.sentences[t.sentence as usize];
            s.span.start <= t.span.start && t.span.end <= s.span.end
        }));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text drawn from news-like pieces: words, curly and straight quotes, abbreviations,
    /// line breaks, non-ASCII letters, emoji and combining marks.
    fn newsy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("word".to_string()),
            Just("Mr.".to_string()),
            Just("U.S.".to_string()),
            Just("“quoted”".to_string()),
            Just("don’t".to_string()),
            Just("so-called".to_string()),
            Just("é\u{301}".to_string()),
            Just("👍🏽".to_string()),
            Just(". ".to_string()),
            Just("\n\n".to_string()),
            Just("\r\n".to_string()),
            Just(" ".to_string()),
            Just("\u{2029}\u{2028}\u{85}".to_string()),
            "\\PC{0,6}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn offsets_are_char_boundaries_increasing_and_within_sentences(text in newsy()) {
            let mut buf = TokenBuffer::new();
            tokenize(&text, &mut buf);
            let mut last_end = 0;
            for t in &buf.tokens {
                prop_assert!(text.is_char_boundary(t.span.start as usize));
                prop_assert!(text.is_char_boundary(t.span.end as usize));
                prop_assert!(t.span.start >= last_end && t.span.end > t.span.start);
                last_end = t.span.end;
                let s = buf.sentences[t.sentence as usize];
                prop_assert!(s.span.start <= t.span.start && t.span.end <= s.span.end);
                let p = buf.paragraphs[s.paragraph as usize];
                prop_assert!(p.start <= s.span.start && s.span.end <= p.end);
                // The normalised form is the lowercased word when nothing else was folded.
                let word = &text[t.span.range()];
                if !word.contains(['’', '‘', 'ʼ', '′', '＇']) {
                    prop_assert_eq!(buf.norm(t), word.to_lowercase());
                }
            }
        }

        #[test]
        fn paragraphs_equal_splitting_at_line_breaks(text in newsy()) {
            let mut reference = Vec::new();
            let mut pos = 0;
            while pos < text.len() {
                let rest = &text[pos..];
                let len = rest.find(['\n', '\r', '\u{2029}']).unwrap_or(rest.len());
                let line = &rest[..len];
                let start = pos + (line.len() - line.trim_start().len());
                if !line.trim_start().is_empty() {
                    reference.push((start, start + line.trim().len()));
                }
                pos += len + rest[len..].chars().next().map_or(0, char::len_utf8);
            }
            prop_assert_eq!(paragraphs(&text).collect::<Vec<_>>(), reference);
        }

        #[test]
        fn break_bytes_found_eight_at_a_time_equal_a_byte_scan(
            b in proptest::collection::vec(prop_oneof![
                8 => 0x20u8..0x7F,
                1 => Just(b'\n'), 1 => Just(b'\r'), 1 => Just(0xE2u8), 1 => Just(0x80u8),
                1 => any::<u8>(),
            ], 0..80),
            from in 0usize..80,
        ) {
            let from = from.min(b.len());
            let want = (from..b.len()).find(|&i| matches!(b[i], b'\n' | b'\r' | 0xE2)).unwrap_or(b.len());
            prop_assert_eq!(next_break_byte(&b, from), want);
        }

        #[test]
        fn reusing_a_buffer_gives_the_same_result(a in newsy(), b in newsy()) {
            let mut fresh = TokenBuffer::new();
            tokenize(&b, &mut fresh);
            let mut reused = TokenBuffer::new();
            tokenize(&a, &mut reused);
            tokenize(&b, &mut reused);
            prop_assert_eq!(fresh.tokens, reused.tokens);
            prop_assert_eq!(fresh.sentences, reused.sentences);
            prop_assert_eq!(fresh.arena, reused.arena);
        }
    }
}
