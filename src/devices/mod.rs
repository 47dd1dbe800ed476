//! Framing devices: the context each lexicon hit stands in. For every hit of a section this
//! module works out, from its [`SectionView`] (quotations, clauses, modifier marks), whether
//! it is in quoted voice, negated, intensified or dampened by a booster, governed by a hedge,
//! or inside a scare quote, and returns those as [`Flags`]. It reads the entries' roles compiled in
//! the lexicon ([`crate::lexicon::Roles`]: negators, boosters, hedges, cues) and owns the kinds
//! of quoted spans (`scare`). Bounded windows, no I/O, no allocation per token.
//!
//! Voice: a token is in quoted voice (someone else's words) when a quotation contains it,
//! except the words of a scare quote that no other quotation contains, which are the outlet's
//! own device (authorial voice), and every word of an embedded social-media post (a
//! paragraph that ends in a post's signature, `— Name (@handle) May 7, 2013`: `posts`), which
//! quotes the post's author without quotation marks; a hit is quoted when its first word is.

mod posts;
mod scare;

pub use scare::{QuoteKind, ShortQuote};

use crate::lexicon::Role;
use crate::matcher::Hit;
use crate::view::SectionView;
use crate::view::marks::{boosted, is_negated};

/// The device flags of one hit, a small bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags(pub u16);

impl Flags {
    /// Inside a quotation (a scare quote that no other quotation contains is the outlet's
    /// own voice, not a quotation).
    pub const IN_QUOTE: Flags = Flags(1);
    /// An odd number of negators in the short window before the hit, in its phrase.
    pub const NEGATED: Flags = Flags(2);
    /// An intensifying booster (`very`, `deeply`) in the window before the hit.
    pub const INTENSIFIED: Flags = Flags(4);
    /// A dampening booster (`somewhat`, `slightly`) in the window before the hit.
    pub const DAMPENED: Flags = Flags(8);
    /// A hedge elsewhere in the hit's clause.
    pub const HEDGED: Flags = Flags(16);
    /// Inside a short quoted span that no cue attributes to a speaker.
    pub const SCARE_QUOTE: Flags = Flags(32);
    /// Inside a proper name (an organisation, publication, law, work or database: `Global
    /// Terrorism Database`, `New York Post`; see `names`). Left out of the counts.
    pub const IN_NAME: Flags = Flags(64);
    /// Inside text the outlet repeats verbatim in several documents (a caption, promo, byline
    /// or footer; see `boilerplate`). Left out of the counts.
    pub const BOILERPLATE: Flags = Flags(128);
    /// A loaded-language hit on a token another dimension counts (a detected attribution cue,
    /// a hedge, a label), or a hedge on a detected cue: counted there, not here.
    pub const OTHER_DIMENSION: Flags = Flags(256);
    /// An attribution-lexicon word that is not the cue of a detected attribution (a noun or
    /// adjective: `confirmed cases`, `the talks`).
    pub const NOT_A_CUE: Flags = Flags(512);
    /// A set phrase (an entry marked `counts = never`): matched, never counted.
    pub const SET_PHRASE: Flags = Flags(1024);

    /// Set by the analysis on a hit that counts in the per-document and per-outlet counts
    /// and rates: none of the flags above that leave it out (`IN_NAME` unless names are
    /// counted on request, `BOILERPLATE`, `OTHER_DIMENSION`, `NOT_A_CUE`, `SET_PHRASE`).
    pub const COUNTED: Flags = Flags(2048);
    /// Outside any quotation but inside what an indirect attribution reports (`the senator
    /// said the plan was a disaster`: *disaster*): reported speech, the outlet's sentence
    /// carrying a source's claim. A qualifier only: the hit still counts in the outlet's voice.
    pub const REPORTED: Flags = Flags(4096);

    /// Whether the hit counts (see [`Flags::COUNTED`]).
    pub fn counted(self) -> bool {
        self.contains(Flags::COUNTED)
    }

    /// Whether every flag of `other` is set.
    pub fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Sets the flags of `other` when `on`.
    pub fn set(&mut self, other: Flags, on: bool) {
        if on {
            self.0 |= other.0;
        }
    }
}

/// Per-thread buffers of the device detectors.
#[derive(Default)]
pub(crate) struct DeviceScratch {
    /// Per quotation of the section: what kind of quoted span it is.
    pub(crate) quote_kind: Vec<QuoteKind>,
    /// The section's embedded posts (paragraphs), in order.
    posts: Vec<crate::segment::Span>,
}

impl DeviceScratch {
    /// Classifies the quotations of `view`; `short` receives the short quoted spans.
    /// Call before [`DeviceScratch::flags`].
    pub(crate) fn prepare(&mut self, view: &SectionView, short: &mut Vec<ShortQuote>) {
        scare::classify(view, &mut self.quote_kind, short);
        posts::find(view.text, &view.buf.paragraphs, &mut self.posts);
    }

    /// Tokens of `view` in quoted voice (after [`DeviceScratch::prepare`]).
    pub(crate) fn quoted_tokens(&self, view: &SectionView) -> u32 {
        let quoted = |(t, &q): (usize, &u32)| self.is_quoted(view, q) || self.in_post(view, t);
        view.tok_quote.iter().enumerate().filter(|&x| quoted(x)).count() as u32
    }

    /// Whether token `t` of `view` is in an embedded post.
    fn in_post(&self, view: &SectionView, t: usize) -> bool {
        let at = view.buf.tokens[t].span.start;
        self.posts.iter().any(|p| p.start <= at && at < p.end)
    }

    /// Whether a token whose innermost quotation is `q` (`u32::MAX`: none) is in quoted voice.
    fn is_quoted(&self, view: &SectionView, q: u32) -> bool {
        let Some(quote) = view.quotes.get(q as usize) else { return false };
        self.quote_kind[q as usize] != QuoteKind::Scare || quote.depth > 0
    }

    /// The flags of `hit` (after [`DeviceScratch::prepare`] on its section).
    pub(crate) fn flags(&self, view: &SectionView, hit: &Hit) -> Flags {
        let first = hit.first as usize;
        let (units, marks) = (view.units, view.marks);
        let mut f = Flags::default();
        let q = view.tok_quote[first];
        f.set(Flags::IN_QUOTE, self.is_quoted(view, q) || self.in_post(view, first));
        f.set(Flags::SCARE_QUOTE, q != u32::MAX && self.quote_kind[q as usize] == QuoteKind::Scare);
        f.set(Flags::NEGATED, is_negated(first, units, marks));
        let (up, down) = boosted(first, units, marks);
        f.set(Flags::INTENSIFIED, up);
        f.set(Flags::DAMPENED, down);
        let own = u32::from(view.roles.role(hit.entry) == Role::Hedge);
        f.set(Flags::HEDGED, marks.clause_hedges(units, first) > own);
        f
    }
}

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
