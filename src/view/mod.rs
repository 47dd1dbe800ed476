//! One section (title or body) as every detector reads it, built once per section, in order:
//! tokens (`segment`), lexicon hits (`matcher`), quotations and the token → quotation map
//! (`quotes`), clauses and phrases (`clauses`), modifier marks with the loose reporting-cue
//! mark (`marks`, `negation`) and the byte → code-point index (`chars`). Devices, attribution
//! and tone are functions over a [`SectionView`]; its buffers live in a per-thread
//! [`ViewScratch`], reused from section to section. Attribution derives its own, stricter
//! reporting cues from the view once per section (`attribution::cue`; see `marks` for how
//! they differ from the loose mark).

mod chars;
pub(crate) mod clauses;
pub(crate) mod marks;
mod negation;

use crate::corpus::Document;
use crate::lexicon::Lexicon;
use crate::lexicon::Roles;
use crate::matcher::{Hit, MatchScratch, find_hits};
use crate::quotes::{Quote, find_quotes, token_quotes};
use crate::segment::{Span, TokenBuffer, tokenize};
use chars::CharIndex;
use clauses::Units;
use marks::Marks;

/// Which part of a document a match is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The headline.
    Title,
    /// The body text.
    Body,
}

impl Section {
    /// This section's text in `doc` (empty for a missing title).
    pub fn text(self, doc: &Document) -> &str {
        match self {
            Section::Title => doc.title.as_deref().unwrap_or(""),
            Section::Body => &doc.text,
        }
    }

    /// `title` or `body`.
    pub fn name(self) -> &'static str {
        match self {
            Section::Title => "title",
            Section::Body => "body",
        }
    }
}

/// Which sections are analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    /// Analyse the title.
    pub title: bool,
    /// Analyse the body.
    pub body: bool,
}

impl Default for Sections {
    fn default() -> Sections {
        Sections { title: true, body: true }
    }
}

/// Per-thread buffers of the section views: everything a [`SectionView`] reads.
#[derive(Default)]
pub struct ViewScratch {
    tokens: TokenBuffer,
    matcher: MatchScratch,
    hits: Vec<Hit>,
    quotes: Vec<Quote>,
    tok_quote: Vec<u32>,
    units: Units,
    marks: Marks,
    chars: CharIndex,
}

/// One segmented, matched section and the facts derived from it, read-only.
#[derive(Clone, Copy)]
pub struct SectionView<'a> {
    pub(crate) section: Section,
    pub(crate) text: &'a str,
    pub(crate) buf: &'a TokenBuffer,
    /// Lexicon hits of every file, in token order.
    pub(crate) hits: &'a [Hit],
    /// What each entry does (negator, booster, hedge, cue) and its valence.
    pub(crate) roles: &'a Roles,
    /// Quotations, in order of their opening marks.
    pub(crate) quotes: &'a [Quote],
    /// Per token: the innermost quotation containing it, or `u32::MAX`.
    pub(crate) tok_quote: &'a [u32],
    pub(crate) units: &'a Units,
    pub(crate) marks: &'a Marks,
    chars: &'a CharIndex,
}

impl ViewScratch {
    /// Empty buffers.
    pub fn new() -> ViewScratch {
        ViewScratch::default()
    }

    /// Segments `text`, matches it against `lex` and derives the rest of its view.
    pub fn build<'a>(
        &'a mut self,
        lex: &Lexicon,
        roles: &'a Roles,
        section: Section,
        text: &'a str,
    ) -> SectionView<'a> {
        tokenize(text, &mut self.tokens);
        self.hits.clear();
        find_hits(lex, text, &self.tokens, &mut self.matcher, &mut self.hits);
        find_quotes(text, &self.tokens, &mut self.quotes);
        token_quotes(&self.tokens, &self.quotes, &mut self.tok_quote);
        self.units.mark(text, &self.tokens);
        self.marks.mark(&self.tokens, &self.hits, roles, &self.units);
        self.chars.build(text);
        self.view(roles, section, text)
    }

    /// The view of the section built last, whose text is `text`.
    pub fn view<'a>(
        &'a self,
        roles: &'a Roles,
        section: Section,
        text: &'a str,
    ) -> SectionView<'a> {
        SectionView {
            section,
            text,
            buf: &self.tokens,
            hits: &self.hits,
            roles,
            quotes: &self.quotes,
            tok_quote: &self.tok_quote,
            units: &self.units,
            marks: &self.marks,
            chars: &self.chars,
        }
    }
}

impl SectionView<'_> {
    /// Code-point offsets of the byte offsets `bytes` (char boundaries of the text).
    pub(crate) fn chars(&self, bytes: Span) -> Span {
        let c = |b| self.chars.offset(self.text, b);
        Span { start: c(bytes.start), end: c(bytes.end) }
    }

    /// Byte span from the start of token `first` to the end of token `end - 1`.
    pub(crate) fn tokens_span(&self, first: usize, end: usize) -> Span {
        let t = &self.buf.tokens;
        Span { start: t[first].span.start, end: t[end - 1].span.end }
    }
}
