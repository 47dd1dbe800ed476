//! Modifier marks: negators and boosters (marked on the last token of their hit, so distance
//! is counted to the word nearest the target), hedges (marked, and counted per clause), and
//! `CUE_HIT` on the first word of every hit of an attribution entry. Reads the hits and their
//! [`Roles`]. The window checks: [`boosted`] and [`is_negated`] — a hit is negated when an
//! odd number of negators stand in the short window before it, within its phrase ("not a
//! terrorist attack", "never justified"; "not never justified" is a double negation).
//!
//! Two reporting-cue decisions stay apart because they differ on real text: `CUE_HIT` is the
//! loose one scare quotes read (`devices::scare` drops only a noun after a determiner and a
//! self-designation), while attribution reads the stricter cues of `cues` (`cues::lexical`:
//! not inside a quotation, used as a verb, with the topic or clause its lemma needs). On the
//! sample, "Speaking outside the hotel, Marrin said … “in good conditions”" gives the scare
//! quote the cue `Speaking` (attribution: no topic, no cue; it keeps `said`); in the test
//! corpus, "The
//! so-called “deal” leaves, as one worker put it, "everything important" for later", the
//! `called` of `so-called` attributes the second quotation (attribution: part of a compound,
//! no cue; the quotation would be a scare quote).

use super::clauses::Units;
use super::negation;
use crate::lexicon::{Role, Roles};
use crate::matcher::Hit;
use crate::segment::TokenBuffer;

/// How many words before a hit a negator or booster may stand (VADER's window).
pub(crate) const WINDOW: usize = 3;

/// Token mark: the last word of a negator that negates.
pub(crate) const NEG: u8 = 1;
/// Token mark: the last word of an intensifier.
pub(crate) const INT: u8 = 2;
/// Token mark: the last word of a dampener.
pub(crate) const DAMP: u8 = 4;
/// Token mark: a negator that does not negate because `only`/`just`/`merely` follows
/// ("not only … but"); its sentence's `but` is then not contrastive.
pub(crate) const NOT_ONLY: u8 = 8;

/// Token mark: the last word of a hedge.
pub(crate) const HEDGE: u8 = 16;
/// Token mark: the first word of a hit of an attribution entry, however it is used.
pub(crate) const CUE_HIT: u8 = 32;

/// Per-token modifier marks and per-clause hedge counts of one section.
#[derive(Clone, Debug, Default)]
pub(crate) struct Marks {
    /// Bit set of the marks above, per token.
    pub(crate) bits: Vec<u8>,
    /// Booster strength 1..=3 on booster tokens, else 0.
    pub(crate) strength: Vec<u8>,
    /// Hedge hits per clause.
    pub(crate) hedges: Vec<u32>,
}

impl Marks {
    /// Marks the modifiers among `hits`.
    pub(crate) fn mark(&mut self, buf: &TokenBuffer, hits: &[Hit], roles: &Roles, units: &Units) {
        let n = buf.tokens.len();
        self.bits.clear();
        self.bits.resize(n, 0);
        self.strength.clear();
        self.strength.resize(n, 0);
        self.hedges.clear();
        self.hedges.resize(units.clauses as usize, 0);
        for h in hits {
            let last = h.end as usize - 1;
            match roles.role(h.entry) {
                Role::Negator if negation::not_only(buf, h) => self.bits[last] |= NOT_ONLY,
                Role::Negator => self.bits[last] |= NEG,
                Role::Intensifier(s) => {
                    self.bits[last] |= INT;
                    self.strength[last] = s;
                }
                Role::Dampener(s) => {
                    self.bits[last] |= DAMP;
                    self.strength[last] = s;
                }
                Role::Hedge => {
                    self.bits[last] |= HEDGE;
                    self.hedges[units.clause[h.first as usize] as usize] += 1;
                }
                Role::AttributionCue { .. } => self.bits[h.first as usize] |= CUE_HIT,
                Role::Content | Role::Label { .. } => {}
            }
        }
    }

    /// Hedge hits in the clause of token `tok`.
    pub(crate) fn clause_hedges(&self, units: &Units, tok: usize) -> u32 {
        self.hedges.get(units.clause[tok] as usize).copied().unwrap_or(0)
    }
}

/// The tokens before `first` within [`WINDOW`] words and in its phrase, nearest first, with
/// their distance (1 = the word right before).
pub(crate) fn window(first: usize, units: &Units) -> impl Iterator<Item = (usize, usize)> + '_ {
    (1..=WINDOW)
        .take_while(move |&d| d <= first && units.same_phrase(first - d, first))
        .map(move |d| (d, first - d))
}

/// (intensified, dampened): whether a booster of either kind stands in the window before
/// token `first`.
pub(crate) fn boosted(first: usize, units: &Units, marks: &Marks) -> (bool, bool) {
    let (mut up, mut down) = (false, false);
    for (_, j) in window(first, units) {
        up |= marks.bits[j] & INT != 0;
        down |= marks.bits[j] & DAMP != 0;
    }
    (up, down)
}

/// Negators in the window before token `first`.
pub(crate) fn negators_before(first: usize, units: &Units, marks: &Marks) -> u32 {
    window(first, units).filter(|&(_, j)| marks.bits[j] & NEG != 0).count() as u32
}

/// Whether the hit starting at token `first` is negated (odd number of negators before it).
pub(crate) fn is_negated(first: usize, units: &Units, marks: &Marks) -> bool {
    negators_before(first, units, marks) % 2 == 1
}
