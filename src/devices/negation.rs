//! Negation: a hit is negated when an odd number of negators stand in the short window before
//! it, within its phrase ("not a terrorist attack", "never justified"; "not never justified"
//! is a double negation and is not negated). A negator followed by `only`, `just` or `merely`
//! ("not only … but") does not negate.

use super::clauses::Units;
use super::modifiers::{Marks, NEG, window};
use crate::language::english::ADDITIVE;
use crate::matcher::Hit;
use crate::segment::TokenBuffer;

/// Whether the negator `hit` is the first half of "not only", "not just", "not merely".
pub fn not_only(buf: &TokenBuffer, hit: &Hit) -> bool {
    let (last, next) = (hit.end as usize - 1, hit.end as usize);
    buf.tokens
        .get(next)
        .is_some_and(|t| t.sentence == buf.tokens[last].sentence && ADDITIVE.contains(&buf.norm(t)))
}

/// Negators in the window before token `first`.
pub fn negators_before(first: usize, units: &Units, marks: &Marks) -> u32 {
    window(first, units).filter(|&(_, j)| marks.bits[j] & NEG != 0).count() as u32
}

/// Whether the hit starting at token `first` is negated (odd number of negators before it).
pub fn is_negated(first: usize, units: &Units, marks: &Marks) -> bool {
    negators_before(first, units, marks) % 2 == 1
}

#[cfg(test)]
mod tests {
    use crate::devices::Flags;
    use crate::devices::testing::flag_of;

    fn negated(text: &str, word: &str) -> bool {
        flag_of(text, word).contains(Flags::NEGATED)
    }

    #[test]
    fn a_negator_shortly_before_negates() {
        assert!(negated("It was not a terrorist attack.", "terrorist"));
        assert!(negated("Violence is never justified.", "justified"));
        assert!(negated("We don’t call it heroic.", "heroic"));
        assert!(negated("No brutal raid took place.", "brutal"));
        assert!(!negated("It was a terrorist attack.", "terrorist"));
    }

    #[test]
    fn the_window_is_short_and_stays_in_the_phrase() {
        assert!(!negated("Not that anyone would call it heroic.", "heroic"));
        assert!(!negated("Not once, brutal as it was.", "brutal"));
        assert!(!negated("They did not stop; the regime fell.", "regime"));
    }

    #[test]
    fn double_negation_cancels() {
        assert!(!negated("It was not never justified.", "justified"));
        assert!(!negated("It was not without brutal force.", "brutal"));
    }

    #[test]
    fn not_only_does_not_negate() {
        assert!(!negated("Not only brutal but heroic.", "brutal"));
        assert!(!negated("It was not just a massacre.", "massacre"));
        assert!(!negated("Not only brutal but heroic.", "heroic"));
    }

    #[test]
    fn negation_reaches_into_quotation_marks() {
        assert!(negated("It was not a “massacre” at all.", "massacre"));
    }
}
