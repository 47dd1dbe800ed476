//! Dunning's log-likelihood ratio G² for a feature in two groups: Dunning (1993), "Accurate
//! Methods for the Statistics of Surprise and Coincidence", *Computational Linguistics* 19(1),
//! 61–74; the corpus-comparison form of Rayson & Garside (2000).
//!
//! The 2×2 table has the feature's count and the other tokens of each group as rows:
//!
//! ```text
//!             group a      group b
//! feature     y_a          y_b
//! other       n_a − y_a    n_b − y_b
//! ```
//!
//! G² = 2 Σ O ln(O / E) over the four cells, with E = row total × column total / N and
//! 0 ln 0 = 0, so zero counts are fine. Under the null hypothesis of equal rates, G² follows
//! chi-square with one degree of freedom; its p-value is [`crate::stats::pvalue::chi2_1_upper`].

use super::logodds::Side;

/// G² of the 2×2 table of `a` and `b`. `None` when a group has no tokens or a count exceeds
/// its token total.
pub fn g2(a: Side, b: Side) -> Option<f64> {
    if a.tokens == 0 || b.tokens == 0 || a.count > a.tokens || b.count > b.tokens {
        return None;
    }
    let n = (a.tokens + b.tokens) as f64;
    let hits = (a.count + b.count) as f64;
    let cell = |o: u64, col: u64, row: f64| {
        if o == 0 {
            0.0
        } else {
            let o = o as f64;
            o * (o / (col as f64 * row / n)).ln()
        }
    };
    let sum = cell(a.count, a.tokens, hits)
        + cell(b.count, b.tokens, hits)
        + cell(a.tokens - a.count, a.tokens, n - hits)
        + cell(b.tokens - b.count, b.tokens, n - hits);
    // Rounding can leave a tiny negative sum when O ≈ E everywhere.
    Some((2.0 * sum).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(count: u64, tokens: u64) -> Side {
        Side { count, tokens }
    }

    #[test]
    fn hand_computed() {
        // E(a) = 5, E(b) = 5, E(other a) = 995, E(other b) = 995:
        // G² = 2 (10 ln 2 + 1000 ln(1000/995) + 990 ln(990/995)).
        let want = 2.0
            * (10.0 * 2f64.ln() + 1000.0 * (1000f64 / 995.0).ln() + 990.0 * (990f64 / 995.0).ln());
        let got = g2(s(0, 1000), s(10, 1000)).unwrap();
        assert!((got - want).abs() < 1e-9, "{got} {want}");
        assert!((got - 13.913195078972077).abs() < 1e-9);
        assert!((g2(s(30, 10000), s(10, 20000)).unwrap() - 29.080961828682693).abs() < 1e-9);
    }

    #[test]
    fn equal_rates_give_zero_and_edges_are_safe() {
        assert_eq!(g2(s(10, 1000), s(10, 1000)), Some(0.0));
        assert_eq!(g2(s(0, 10), s(0, 20)), Some(0.0));
        assert_eq!(g2(s(1, 10), s(0, 0)), None);
        assert_eq!(g2(s(11, 10), s(0, 5)), None);
        // All tokens are hits in both groups: the "other" row is empty.
        assert_eq!(g2(s(5, 5), s(3, 3)), Some(0.0));
    }
}
