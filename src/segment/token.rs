//! What segmentation produces, word by word: byte spans, tokens with their flags, sentences.

/// A half-open byte range into the analysed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `usize` offsets.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }

    /// The range for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Token flag: the first character is uppercase.
pub const CAPITALIZED: u8 = 1;
/// Token flag: every cased character is uppercase and there are at least two letters.
pub const ALL_CAPS: u8 = 2;
/// Token flag: the byte right before the token is a hyphen (`so-called`).
pub const HYPHEN_BEFORE: u8 = 4;
/// Token flag: the token starts with a digit.
pub const NUMERIC: u8 = 8;
/// Token flag: the first token of its sentence.
pub const SENTENCE_START: u8 = 16;

/// One word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the word in the section text.
    pub span: Span,
    /// Bytes of the normalised form in `TokenBuffer::arena`.
    pub norm: Span,
    /// Index of the sentence (into `TokenBuffer::sentences`).
    pub sentence: u32,
    /// Bit set of the flags above.
    pub flags: u8,
}

/// One sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes of the sentence, trailing white space excluded.
    pub span: Span,
    /// Index of the paragraph (into `TokenBuffer::paragraphs`).
    pub paragraph: u32,
    /// Index of the sentence's first token; tokens of a sentence are contiguous.
    pub first_token: u32,
    /// One past the sentence's last token.
    pub end_token: u32,
}
