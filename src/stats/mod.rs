//! Statistics for comparing outlets, one formula per module, computed from integer counts.
//! Pure functions on numbers: no I/O, no tables, no knowledge of outlets, lexicons or of what
//! is compared with what (the comparison decides that); this module only does the arithmetic.
//!
//! - [`logodds`]: log-odds ratio with an informative Dirichlet prior and its z-score
//!   (Monroe, Colaresi & Quinn 2008).
//! - [`loglik`]: Dunning's log-likelihood G² for a 2×2 table (Dunning 1993).
//! - [`pvalue`]: two-sided normal and chi-square(1) tail probabilities via `erfc`.
//! - [`fdr`]: Benjamini–Hochberg q-values (Benjamini & Hochberg 1995).
//! - [`bootstrap`]: seeded percentile intervals for ratios of sums over resampled units.
//! - [`signtest`]: the exact two-sided binomial sign test.

pub mod bootstrap;
pub mod fdr;
pub mod loglik;
pub mod logodds;
pub mod pvalue;
pub mod signtest;

/// Tokens a rate is given per.
pub const RATE_SCALE: f64 = 1000.0;

/// A rate per 1,000 tokens, `1000 · count / tokens`; `None` without tokens.
pub fn per_1k(count: u64, tokens: u64) -> Option<f64> {
    (tokens > 0).then(|| count as f64 * RATE_SCALE / tokens as f64)
}

/// The `p`-quantile (0..=1) of ascending `sorted` values by linear interpolation between
/// order statistics (Hyndman & Fan 1996 type 7, the default of R and NumPy); `None` when
/// `sorted` is empty.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(last);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn quantile_type_7() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&v, 0.0), Some(1.0));
        assert_eq!(quantile(&v, 1.0), Some(4.0));
        assert_eq!(quantile(&v, 0.5), Some(2.5));
        // h = 3 × 0.025 = 0.075 → 1 + 0.075 × 1
        assert!((quantile(&v, 0.025).unwrap() - 1.075).abs() < 1e-15);
        assert_eq!(quantile(&[7.0], 0.975), Some(7.0));
        assert_eq!(quantile(&[], 0.5), None);
    }
}
