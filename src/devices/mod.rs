//! Framing devices: the context each lexicon hit stands in. For every hit of a section this
//! module works out, from its [`SectionView`] (quotations, clauses, modifier marks), whether
//! it is in quoted voice, negated, intensified or dampened by a booster, governed by a hedge,
//! or inside a scare quote, and returns those as [`Flags`]. It owns the per-entry [`Roles`]
//! (which lexicon entries act as negators, boosters, hedges, cues), the kinds of quoted spans
//! (`scare`) and voice (`voice`). Bounded windows, no I/O, no allocation per token.

pub mod roles;
mod scare;
mod voice;

pub use roles::{Role, Roles};
pub use scare::{QuoteKind, ShortQuote};

use crate::matcher::Hit;
use crate::view::SectionView;
use crate::view::marks::{boosted, is_negated};

/// The device flags of one hit, a small bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags(pub u8);

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
}

impl DeviceScratch {
    /// Classifies the quotations of `view`; `short` receives the short quoted spans.
    /// Call before [`DeviceScratch::flags`].
    pub(crate) fn prepare(&mut self, view: &SectionView, short: &mut Vec<ShortQuote>) {
        scare::classify(view, &mut self.quote_kind, short);
    }

    /// Tokens of `view` in quoted voice (after [`DeviceScratch::prepare`]).
    pub(crate) fn quoted_tokens(&self, view: &SectionView) -> u32 {
        voice::quoted_tokens(view.tok_quote, view.quotes, &self.quote_kind)
    }

    /// The flags of `hit` (after [`DeviceScratch::prepare`] on its section).
    pub(crate) fn flags(&self, view: &SectionView, hit: &Hit) -> Flags {
        let first = hit.first as usize;
        let (units, marks) = (view.units, view.marks);
        let mut f = Flags::default();
        let q = view.tok_quote[first];
        f.set(Flags::IN_QUOTE, voice::is_quoted(q, view.quotes, &self.quote_kind));
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
pub(crate) mod testing {
    //! A small lexicon with every role, and a helper that returns each hit's flags.
    use super::*;
    use crate::language::Language;
    use crate::lexicon::{Lexicon, LexiconBuilder};
    use crate::view::{Section, ViewScratch};

    pub(crate) fn lexicon() -> Lexicon {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        let files = [
            (
                "loaded",
                "pattern,category,polarity,intensity\nterrorist,loaded/violence,-2,3\n\
                 massacre,loaded/violence,-2,3\nregime,loaded/delegitimising,-1,2\n\
                 justified,loaded/legitimising,1,1\nheroic,loaded/praise,2,2\n\
                 brutal,loaded/violence,-2,2\nreform,loaded/praise,1,1\n",
            ),
            (
                "negators",
                "pattern,category\n=not,negator\n=never,negator\n=no,negator\n\
                 =don't,negator\n=without,negator\n",
            ),
            (
                "boosters",
                "pattern,category,intensity\n=very,booster/intensifier,1\n\
                 =deeply,booster/intensifier,2\n=somewhat,booster/dampener,1\n",
            ),
            (
                "hedges",
                "pattern,category\n=reportedly,hedge/reportive\nso-called,hedge/distancing\n",
            ),
            (
                "attribution",
                "pattern,category\n=said,attribution/neutral\n=claimed,attribution/doubting\n=claim,attribution/doubting\n",
            ),
            (
                "labels",
                "pattern,category,polarity,lemma\nhostage,label/captives,-1,hostages\n\
                 captive,label/captives,0,captives\nmilitant,label/fighters,-1,militants\n",
            ),
        ];
        for (name, text) in files {
            b.add_text(name, name, text).unwrap();
        }
        b.build()
    }

    /// (matched text, flags) for every hit of `text`.
    pub(crate) fn flags_of(lex: &Lexicon, text: &str) -> Vec<(String, Flags)> {
        let roles = Roles::new(lex);
        let mut vs = ViewScratch::new();
        let view = vs.build(lex, &roles, Section::Body, text);
        let mut s = DeviceScratch::default();
        s.prepare(&view, &mut Vec::new());
        view.hits
            .iter()
            .map(|h| {
                let span = view.tokens_span(h.first as usize, h.end as usize);
                (text[span.range()].to_string(), s.flags(&view, h))
            })
            .collect()
    }

    /// The flags of the hit whose text is `word`.
    pub(crate) fn flag_of(text: &str, word: &str) -> Flags {
        let lex = lexicon();
        flags_of(&lex, text)
            .into_iter()
            .find(|(w, _)| w == word)
            .unwrap_or_else(|| panic!("no hit {word} in {text}"))
            .1
    }
}

#[cfg(test)]
mod tests;
