//! Framing devices: the context each lexicon hit stands in. For every hit of a section this
//! module works out, from the same tokens and hits, whether it is in quoted voice, negated,
//! intensified or dampened by a booster, governed by a hedge, or inside a scare quote, and
//! returns those as [`Flags`]. It reads the entries' roles compiled in the lexicon ([`Roles`]:
//! negators, boosters, hedges, cues) and owns the per-section [`DeviceScratch`]; each device lives
//! in its own submodule. Bounded windows, no I/O, no allocation per token.

pub mod clauses;
pub mod modifiers;
pub mod negation;
pub mod scare;
pub mod voice;

pub use scare::{QuoteKind, ShortQuote};

use crate::lexicon::{Role, Roles};
use crate::matcher::Hit;
use crate::quotes::Quote;
use crate::segment::TokenBuffer;

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

/// Reusable per-thread buffers of the device detectors, indexed by token, clause or quote.
#[derive(Default)]
pub struct DeviceScratch {
    /// Quotations of the section.
    pub quotes: Vec<Quote>,
    /// Per token: the innermost quotation containing it, or `u32::MAX`.
    pub tok_quote: Vec<u32>,
    /// Per token: its clause and phrase.
    pub units: clauses::Units,
    /// Per token: negator, booster, hedge and cue marks.
    pub marks: modifiers::Marks,
    /// Per quotation: what kind of quoted span it is.
    pub quote_kind: Vec<QuoteKind>,
}

impl DeviceScratch {
    /// Finds the devices of one section: quotations and their kinds, clauses, modifiers.
    /// Call before [`DeviceScratch::flags`]; `short` receives the short quoted spans.
    pub fn prepare(
        &mut self,
        text: &str,
        buf: &TokenBuffer,
        hits: &[Hit],
        roles: &Roles,
        short: &mut Vec<ShortQuote>,
    ) {
        crate::quotes::find_quotes(text, buf, &mut self.quotes);
        crate::quotes::token_quotes(buf, &self.quotes, &mut self.tok_quote);
        self.units.mark(text, buf);
        self.marks.mark(buf, hits, roles, &self.units);
        let ctx = (&self.units, &self.marks);
        scare::classify(text, buf, &self.quotes, ctx, &mut self.quote_kind, short);
    }

    /// The flags of `hit` (after [`DeviceScratch::prepare`] on its section).
    pub fn flags(&self, hit: &Hit, roles: &Roles) -> Flags {
        let first = hit.first as usize;
        let mut f = Flags::default();
        let q = self.tok_quote[first];
        f.set(Flags::IN_QUOTE, voice::is_quoted(q, &self.quotes, &self.quote_kind));
        f.set(Flags::SCARE_QUOTE, q != u32::MAX && self.quote_kind[q as usize] == QuoteKind::Scare);
        f.set(Flags::NEGATED, negation::is_negated(first, &self.units, &self.marks));
        let (up, down) = modifiers::boosted(first, &self.units, &self.marks);
        f.set(Flags::INTENSIFIED, up);
        f.set(Flags::DAMPENED, down);
        let own = u32::from(roles.role(hit.entry) == Role::Hedge);
        f.set(Flags::HEDGED, self.marks.clause_hedges(&self.units, first) > own);
        f
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! A small lexicon with every role, and a helper that returns each hit's flags.
    use super::*;
    use crate::language::Language;
    use crate::lexicon::{Lexicon, LexiconBuilder};
    use crate::matcher::{MatchScratch, find_hits};
    use crate::segment::tokenize;

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
        let roles = lex.roles();
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let mut hits = Vec::new();
        find_hits(lex, text, &buf, &mut MatchScratch::new(), &mut hits);
        let mut s = DeviceScratch::default();
        let mut short = Vec::new();
        s.prepare(text, &buf, &hits, roles, &mut short);
        hits.iter()
            .map(|h| {
                let a = buf.tokens[h.first as usize].span.start as usize;
                let b = buf.tokens[h.end as usize - 1].span.end as usize;
                (text[a..b].to_string(), s.flags(h, roles))
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
mod tests {
    use super::testing::flag_of;
    use super::*;

    #[test]
    fn flags_combine() {
        let f = flag_of("He said it was “not a very brutal regime”, reportedly.", "brutal");
        assert!(f.contains(Flags::IN_QUOTE));
        assert!(f.contains(Flags::NEGATED));
        assert!(f.contains(Flags::INTENSIFIED));
        assert!(!f.contains(Flags::DAMPENED));
        assert!(!f.contains(Flags::SCARE_QUOTE), "five words and a cue: a quotation");
        let f = flag_of("The reportedly brutal raid.", "brutal");
        assert_eq!(f, Flags::HEDGED);
        let f = flag_of("The brutal raid.", "brutal");
        assert_eq!(f, Flags::default());
    }

    #[test]
    fn a_hedge_does_not_hedge_itself() {
        assert!(!flag_of("It reportedly ended.", "reportedly").contains(Flags::HEDGED));
        assert!(flag_of("It reportedly, so-called, ended.", "reportedly").contains(Flags::HEDGED));
    }
}

#[cfg(test)]
mod properties {
    use super::testing::lexicon;
    use super::*;
    use crate::matcher::{MatchScratch, find_hits};
    use crate::segment::tokenize;
    use crate::tone::{SentenceTone, ToneScratch, score_sentences};
    use proptest::prelude::*;

    /// News-like text built from lexicon words, every kind of quotation mark, apostrophes,
    /// clause punctuation, paragraph breaks and arbitrary characters.
    fn newsy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("the regime ".to_string()),
            Just("not ".to_string()),
            Just("very brutal ".to_string()),
            Just("reportedly ".to_string()),
            Just("so-called ".to_string()),
            Just("he said ".to_string()),
            Just("called it ".to_string()),
            Just("the book ".to_string()),
            Just("hostages ".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("’".to_string()),
            Just("‘".to_string()),
            Just("«".to_string()),
            Just("»".to_string()),
            Just("town's ".to_string()),
            Just(". ".to_string()),
            Just(", but ".to_string()),
            Just("; ".to_string()),
            Just(" — ".to_string()),
            Just("!".to_string()),
            Just("\n\n".to_string()),
            "\\PC{0,4}",
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn devices_never_panic_and_stay_consistent(text in newsy()) {
            let lex = lexicon();
            let roles = lex.roles();
            let mut buf = TokenBuffer::new();
            tokenize(&text, &mut buf);
            let mut hits = Vec::new();
            find_hits(&lex, &text, &buf, &mut MatchScratch::new(), &mut hits);
            let mut d = DeviceScratch::default();
            let mut short = Vec::new();
            d.prepare(&text, &buf, &hits, roles, &mut short);
            for q in &short {
                prop_assert!(text.get(q.bytes.range()).is_some());
                prop_assert!(text.get(q.sentence_bytes.range()).is_some());
                prop_assert!(q.kind != QuoteKind::Long);
                if let Some(c) = q.cue {
                    prop_assert!(text.get(c.range()).is_some());
                }
            }
            for h in &hits {
                let f = d.flags(h, roles);
                // A scare quote outside any other quotation is authorial voice.
                let q = d.tok_quote[h.first as usize];
                if f.contains(Flags::SCARE_QUOTE) && d.quotes[q as usize].depth == 0 {
                    prop_assert!(!f.contains(Flags::IN_QUOTE));
                }
            }
            let quoted = voice::quoted_tokens(&d.tok_quote, &d.quotes, &d.quote_kind);
            prop_assert!(quoted as usize <= buf.tokens.len());
            let mut tones: Vec<SentenceTone> = Vec::new();
            let mut ts = ToneScratch::default();
            score_sentences(&text, &buf, &hits, roles, &d.units, &d.marks, &mut ts, &mut tones);
            prop_assert_eq!(tones.len(), buf.sentences.len());
            for t in &tones {
                prop_assert!(t.micro.abs() <= 1_000_000);
                prop_assert!(t.toned || t.micro == 0);
            }
        }
    }
}
