//! Modifiers that act on a nearby hit: negators and boosters (marked on the last token of
//! their hit, so distance is counted to the word nearest the target), hedges (marked, and
//! counted per clause) and attribution cues (marked on their first word). Reads the hits and their [`Roles`]; the window checks live in [`boosted`] and in
//! `negation`.

use super::clauses::Units;
use super::negation;
use crate::lexicon::{Role, Roles};
use crate::matcher::Hit;
use crate::segment::TokenBuffer;

/// How many words before a hit a negator or booster may stand (VADER's window).
pub const WINDOW: usize = 3;

/// Token mark: the last word of a negator that negates.
pub const NEG: u8 = 1;
/// Token mark: the last word of an intensifier.
pub const INT: u8 = 2;
/// Token mark: the last word of a dampener.
pub const DAMP: u8 = 4;
/// Token mark: a negator that does not negate because `only`/`just`/`merely` follows
/// ("not only … but"); its sentence's `but` is then not contrastive.
pub const NOT_ONLY: u8 = 8;

/// Token mark: the last word of a hedge.
pub const HEDGE: u8 = 16;
/// Token mark: the first word of an attribution cue.
pub const CUE: u8 = 32;

/// Per-token modifier marks and per-clause hedge counts of one section.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    /// Bit set of the marks above, per token.
    pub bits: Vec<u8>,
    /// Booster strength 1..=3 on booster tokens, else 0.
    pub strength: Vec<u8>,
    /// Hedge hits per clause.
    pub hedges: Vec<u32>,
}

impl Marks {
    /// Marks the modifiers among `hits`.
    pub fn mark(&mut self, buf: &TokenBuffer, hits: &[Hit], roles: &Roles, units: &Units) {
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
                Role::AttributionCue { .. } => self.bits[h.first as usize] |= CUE,
                Role::Content | Role::Label { .. } => {}
            }
        }
    }

    /// Hedge hits in the clause of token `tok`.
    pub fn clause_hedges(&self, units: &Units, tok: usize) -> u32 {
        self.hedges.get(units.clause[tok] as usize).copied().unwrap_or(0)
    }
}

/// The tokens before `first` within [`WINDOW`] words and in its phrase, nearest first, with
/// their distance (1 = the word right before).
pub fn window(first: usize, units: &Units) -> impl Iterator<Item = (usize, usize)> + '_ {
    (1..=WINDOW)
        .take_while(move |&d| d <= first && units.same_phrase(first - d, first))
        .map(move |d| (d, first - d))
}

/// (intensified, dampened): whether a booster of either kind stands in the window before
/// token `first`.
pub fn boosted(first: usize, units: &Units, marks: &Marks) -> (bool, bool) {
    let (mut up, mut down) = (false, false);
    for (_, j) in window(first, units) {
        up |= marks.bits[j] & INT != 0;
        down |= marks.bits[j] & DAMP != 0;
    }
    (up, down)
}

#[cfg(test)]
mod tests {
    use crate::devices::Flags;
    use crate::devices::testing::flag_of;

    #[test]
    fn boosters_act_in_a_short_window_within_the_phrase() {
        assert!(flag_of("A very brutal raid.", "brutal").contains(Flags::INTENSIFIED));
        assert!(flag_of("A deeply and very brutal raid.", "brutal").contains(Flags::INTENSIFIED));
        assert!(flag_of("A somewhat brutal raid.", "brutal").contains(Flags::DAMPENED));
        // Four words away: outside the window.
        assert!(
            !flag_of("Very much more than a brutal raid.", "brutal").contains(Flags::INTENSIFIED)
        );
        // A comma ends the phrase.
        assert!(!flag_of("It was very, brutal.", "brutal").contains(Flags::INTENSIFIED));
        // Boosters act forwards only.
        assert!(!flag_of("A brutal raid, very.", "brutal").contains(Flags::INTENSIFIED));
    }

    #[test]
    fn hedges_govern_their_clause_in_either_direction() {
        assert!(flag_of("The regime reportedly fired.", "regime").contains(Flags::HEDGED));
        assert!(flag_of("Reportedly, the regime fired.", "regime").contains(Flags::HEDGED));
        assert!(flag_of("The so-called regime fell.", "regime").contains(Flags::HEDGED));
        assert!(
            !flag_of("The regime fired; reportedly it fell.", "regime").contains(Flags::HEDGED)
        );
        assert!(
            !flag_of("It reportedly fell, but the regime won.", "regime").contains(Flags::HEDGED)
        );
        assert!(!flag_of("It reportedly fell. The regime won.", "regime").contains(Flags::HEDGED));
    }
}
