//! The questions the reporting-cue and attribution rules ask of a [`SectionView`]: tokens,
//! their normalised forms, the text between them, capitalisation and quotations. No rule
//! lives here.

use super::SectionView;
use crate::language::english::{is_determiner, pronoun};
use crate::segment::{CAPITALIZED, NUMERIC, SENTENCE_START, Span};
use std::ops::Range;

/// `token_quotes` value of a token outside every quotation.
const OUTSIDE: u32 = u32::MAX;

/// Tokens an attribution may reach on each side of its cue within a sentence.
const REACH: usize = 400;

/// Quotations looked back at for one ending right before a token.
const NEAR_QUOTES: usize = 8;

impl<'a> SectionView<'a> {
    pub(crate) fn len(&self) -> usize {
        self.buf.tokens.len()
    }

    /// Lowercase form, `’` folded to `'`.
    pub(crate) fn norm(&self, i: usize) -> &'a str {
        self.buf.norm(&self.buf.tokens[i])
    }

    /// The token as written.
    pub(crate) fn surface(&self, i: usize) -> &'a str {
        &self.text[self.buf.tokens[i].span.range()]
    }

    pub(crate) fn span(&self, i: usize) -> Span {
        self.buf.tokens[i].span
    }

    pub(crate) fn sentence(&self, i: usize) -> u32 {
        self.buf.tokens[i].sentence
    }

    /// Token range of the sentence that token `i` is in.
    ///
    /// Clamped to [`REACH`] tokens on each side of `i`: no attribution spans more, and a
    /// run-on "sentence" of megabytes must not make every cue scan all of it.
    pub(crate) fn sentence_tokens(&self, i: usize) -> Range<usize> {
        let s = &self.buf.sentences[self.sentence(i) as usize];
        let start = (s.first_token as usize).max(i.saturating_sub(REACH));
        let end = (s.end_token as usize).min(i + REACH);
        start..end
    }

    /// Byte span of the sentence that token `i` is in.
    pub(crate) fn sentence_span(&self, i: usize) -> Span {
        self.buf.sentences[self.sentence(i) as usize].span
    }

    /// The text between token `i - 1` (or the section start) and token `i`.
    pub(crate) fn gap_before(&self, i: usize) -> &'a str {
        let start = if i == 0 { 0 } else { self.span(i - 1).end as usize };
        &self.text[start..self.span(i).start as usize]
    }

    /// The text between token `i` and token `i + 1` (or the section end).
    pub(crate) fn gap_after(&self, i: usize) -> &'a str {
        let end = self.buf.tokens.get(i + 1).map_or(self.text.len(), |t| t.span.start as usize);
        &self.text[self.span(i).end as usize..end]
    }

    /// Whether tokens `i - 1` and `i` are in one sentence with only spaces, hyphens or an
    /// abbreviation's full stop (`Sen. Ted`) between them.
    pub(crate) fn joined(&self, i: usize) -> bool {
        if i == 0 || self.sentence(i - 1) != self.sentence(i) {
            return false;
        }
        let mut gap = self.gap_before(i);
        if self.abbreviation(i - 1) {
            gap = gap.strip_prefix('.').unwrap_or(gap);
        }
        if self.norm(i - 1).ends_with('s') {
            gap = gap.strip_prefix(['\'', '’']).unwrap_or(gap);
        }
        gap.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '&'))
    }

    /// A short capitalised token that is written with a full stop (`Sen.`, `Gov.`, `J.`).
    pub(crate) fn abbreviation(&self, i: usize) -> bool {
        let s = self.surface(i);
        self.is_cap(i) && s.len() <= 4 && self.gap_after(i).starts_with('.')
    }

    pub(crate) fn is_cap(&self, i: usize) -> bool {
        self.buf.tokens[i].flags & CAPITALIZED != 0
    }

    pub(crate) fn is_numeric(&self, i: usize) -> bool {
        self.buf.tokens[i].flags & NUMERIC != 0
    }

    pub(crate) fn is_sentence_start(&self, i: usize) -> bool {
        self.buf.tokens[i].flags & SENTENCE_START != 0
    }

    /// Capitalised for a reason other than starting its sentence: a name or part of one.
    pub(crate) fn is_name_like(&self, i: usize) -> bool {
        self.is_cap(i)
            && !(self.is_sentence_start(i)
                && (is_determiner(self.norm(i)) || pronoun(self.norm(i)).is_some()))
    }

    /// Whether most words of the sentence of token `i` are capitalised (a headline).
    pub(crate) fn title_case(&self, i: usize) -> bool {
        let r = self.sentence_tokens(i);
        let words = r.clone().filter(|&t| !self.is_numeric(t)).count();
        let caps = r.filter(|&t| self.is_cap(t)).count();
        words >= 3 && caps * 10 >= words * 7
    }

    /// Index of the innermost quotation holding token `i`.
    pub(crate) fn quote_of(&self, i: usize) -> Option<usize> {
        let q = self.tok_quote[i];
        (q != OUTSIDE).then_some(q as usize)
    }

    /// Whether token `i` is quoted speech: inside a closed quotation, or in an unclosed one
    /// that opens its paragraph or runs on into the next one (a stray mark in mid-paragraph
    /// quotes nothing).
    pub(crate) fn in_quotation(&self, i: usize) -> bool {
        let Some(k) = self.quote_of(i) else { return false };
        let q = &self.quotes[k];
        let para =
            self.buf.paragraphs[self.buf.sentences[self.sentence(i) as usize].paragraph as usize];
        q.closed
            || q.outer.start == para.start
            || q.first_part as usize != k
            || self.quotes[k + 1..].iter().any(|p| p.first_part as usize == k)
    }

    /// A possessive (`Sand’s`, `Hamas’`), but not a contraction (`he's`, `it's`).
    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        let n = self.norm(i);
        if pronoun(n).is_some() || matches!(n, "that's" | "there's" | "what's" | "let's") {
            return false;
        }
        n.ends_with("'s") || (n.ends_with('s') && self.gap_after(i).starts_with(['\'', '’']))
    }

    /// The quotation whose closing mark is in the gap right before token `i`, within the
    /// paragraph of token `i` (`"We won!" Holt said` splits into two sentences).
    pub(crate) fn quote_closing_before(&self, i: usize) -> Option<usize> {
        let gap_start = if i == 0 { 0 } else { self.span(i - 1).end };
        let gap_end = self.span(i).start;
        // A closing mark lies in the gap: a gap of spaces (most gaps) holds none.
        if self.text.as_bytes()[gap_start as usize..gap_end as usize].iter().all(|&b| b == b' ') {
            return None;
        }
        let paragraph = self.buf.sentences[self.sentence(i) as usize].paragraph;
        let sentence_start = self.buf.paragraphs[paragraph as usize].start;
        let end = self.quotes.partition_point(|q| q.outer.start < gap_end);
        // Top-level quotations do not overlap: only the last few before the gap can end in it.
        let lo = end.saturating_sub(NEAR_QUOTES);
        self.quotes[lo..end]
            .iter()
            .rposition(|q| {
                q.depth == 0
                    && q.closed
                    && q.inner.end >= gap_start
                    && q.outer.end <= gap_end
                    && q.outer.start >= sentence_start
            })
            .map(|k| lo + k)
    }

    /// Like [`SectionView::quote_closing_before`], for a quotation that reads as speech: it ends with
    /// punctuation (`"We won,"`, `"Never!"`) or a comma follows it, unlike a scare quote (`the
    /// "welfare video" told`).
    pub(crate) fn speech_closing_before(&self, i: usize) -> Option<usize> {
        let k = self.quote_closing_before(i)?;
        let q = &self.quotes[k];
        let inner = self.text[q.inner.range()].trim_end();
        let after = &self.text[q.outer.end as usize..self.span(i).start as usize];
        let speech = inner.ends_with([',', '.', '!', '?', '…', '—', '–', '-', ':', ';'])
            || after.trim_start().starts_with(',');
        speech.then_some(k)
    }

    /// The quotation whose opening mark is in the gap right after token `i` (or, when `i` is
    /// the last token before it, anywhere up to the next token).
    pub(crate) fn quote_opening_after(&self, i: usize) -> Option<usize> {
        let gap_start = self.span(i).end;
        let gap_end = self.buf.tokens.get(i + 1).map_or(self.text.len() as u32, |t| t.span.start);
        let first = self.quotes.partition_point(|q| q.outer.start < gap_start);
        // Quotations are sorted by start: only the first one after the gap's start can open in it.
        Some(first)
            .filter(|&k| self.quotes.get(k).is_some_and(|q| q.outer.start < gap_end))
            .filter(|&k| self.quotes[k].depth == 0)
    }
}
