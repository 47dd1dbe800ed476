//! One section (title or body) as every detector reads it, built once per section, in order:
//! tokens (`segment`), lexicon hits (`matcher`), quotations and the token → quotation map
//! (`quotes`), clauses and phrases (`clauses`), modifier marks with the loose reporting-cue
//! mark (`marks`, `negation`), the byte → code-point index (`chars`) and the strict reporting
//! cues attribution starts from (`cues`; see `marks` for how they differ from the loose mark).
//! Devices, attribution and tone are functions over a [`SectionView`] (`section`; the
//! questions rules ask of it about tokens, gaps and quotations: `context`); its buffers live
//! in a per-thread [`ViewScratch`], reused from section to section.

mod chars;
pub(crate) mod clauses;
mod context;
pub(crate) mod cue;
pub(crate) mod cues;
pub(crate) mod marks;
mod negation;
mod section;

pub use section::{Section, SectionView, Sections};

use crate::cuemodel::CueModel;
use crate::lexicon::Lexicon;
use crate::matcher::{Hit, MatchScratch, find_hits};
use crate::quotes::{Quote, find_quotes, token_quotes};
use crate::segment::{TokenBuffer, tokenize};
use chars::CharIndex;
use clauses::Units;
use cue::Cue;
use marks::Marks;

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
    cues: Vec<Cue>,
    learned: cues::learned::LearnedScratch,
}

impl ViewScratch {
    /// Empty buffers.
    pub fn new() -> ViewScratch {
        ViewScratch::default()
    }

    /// Segments `text`, matches it against `lex` and derives the rest of its view, its
    /// reporting cues decided by the rules.
    pub fn build<'a>(
        &'a mut self,
        lex: &'a Lexicon,
        section: Section,
        text: &'a str,
    ) -> SectionView<'a> {
        self.build_with(lex, None, section, text)
    }

    /// Like [`ViewScratch::build`], the cues decided by `model` (by the rules alone if none).
    pub fn build_with<'a>(
        &'a mut self,
        lex: &'a Lexicon,
        model: Option<&CueModel>,
        section: Section,
        text: &'a str,
    ) -> SectionView<'a> {
        tokenize(text, &mut self.tokens);
        self.hits.clear();
        find_hits(lex, text, &self.tokens, &mut self.matcher, &mut self.hits);
        find_quotes(text, &self.tokens, &mut self.quotes);
        token_quotes(&self.tokens, &self.quotes, &mut self.tok_quote);
        self.units.mark(text, &self.tokens);
        self.marks.mark(&self.tokens, &self.hits, lex.roles(), &self.units);
        self.chars.build(text);
        // The cues are read from the view they complete: the buffer leaves the scratch while
        // they are collected (a move, no allocation).
        let mut cues = std::mem::take(&mut self.cues);
        cues.clear();
        let mut learned = std::mem::take(&mut self.learned);
        cues::collect(&self.view(lex, section, text), lex, model, &mut learned, &mut cues);
        self.cues = cues;
        self.learned = learned;
        self.view(lex, section, text)
    }

    /// The view of the section built last, whose text is `text`, against `lex`.
    pub fn view<'a>(
        &'a self,
        lex: &'a Lexicon,
        section: Section,
        text: &'a str,
    ) -> SectionView<'a> {
        SectionView {
            section,
            text,
            buf: &self.tokens,
            hits: &self.hits,
            roles: lex.roles(),
            quotes: &self.quotes,
            tok_quote: &self.tok_quote,
            units: &self.units,
            marks: &self.marks,
            cues: &self.cues,
            chars: &self.chars,
        }
    }
}
