//! Which rows have enough support to be written (`--min-count`). The statistics are computed
//! for every feature first, so q-values never depend on this choice; only the rows printed do.
//!
//! A side (an outlet, or a group) supports a feature when it counts it at least `min` times,
//! or would be expected to at the pooled rate: n_side · y / n ≥ `min`, where y and n are the
//! feature's count and the tokens of what it is compared within. The second clause keeps the
//! informative zeros (a large outlet that avoids a common word); the first keeps a word only
//! one small outlet uses. It is Cochran's rule of thumb for the expected cells of a 2×2 table,
//! applied to either cell of the feature row.

use crate::stats::logodds::Side;

/// Whether `side` supports a feature counted `pooled_count` times in `pooled_tokens` tokens.
pub(crate) fn supports(side: Side, pooled_count: u64, pooled_tokens: u64, min: u64) -> bool {
    side.count >= min
        || u128::from(side.tokens) * u128::from(pooled_count)
            >= u128::from(min) * u128::from(pooled_tokens)
}

/// Whether a comparison row of `a` against `b` is written: `a` supports it, or `b` does when
/// `b` is an outlet too (a pair), never because of the pooled rest alone.
pub(crate) fn row_supported(a: Side, b: Side, b_is_outlet: bool, min: u64) -> bool {
    let (y, n) = (a.count + b.count, a.tokens + b.tokens);
    supports(a, y, n, min) || (b_is_outlet && supports(b, y, n, min))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(count: u64, tokens: u64) -> Side {
        Side { count, tokens }
    }

    #[test]
    fn observed_or_expected_count_gives_support() {
        // Observed: 5 ≥ 5.
        assert!(supports(side(5, 10), 5, 1_000_000, 5));
        // Expected: 0 observed, but 1,000 of 2,000 tokens at 10 in 2,000 → 5.
        assert!(supports(side(0, 1000), 10, 2000, 5));
        // Expected 4.995 falls short.
        assert!(!supports(side(4, 999), 10, 2000, 5));
        // min 0 supports everything.
        assert!(supports(side(0, 0), 0, 0, 0));
    }

    #[test]
    fn the_rest_alone_never_supports_a_row() {
        // A small outlet that never uses a word the rest uses 1,000 times: expected 0.5.
        let (a, rest) = (side(0, 1000), side(1000, 2_000_000));
        assert!(!row_supported(a, rest, false, 5));
        // The same numbers as a pair: the other outlet's 1,000 uses are support.
        assert!(row_supported(a, rest, true, 5));
        // A word only the small outlet uses, 7 times.
        assert!(row_supported(side(7, 1000), side(0, 2_000_000), false, 5));
    }
}
