//! Statistics for comparing outlets, one formula per module, computed from integer counts.
//! Pure functions on numbers: no I/O, no tables, no knowledge of outlets or lexicons.
//! `crate::compare` decides what is compared with what; this module only does the arithmetic.
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

/// [`quantile`] of unsorted `values`, by selection (linear time) instead of a sort; the
/// result is the same value. `values` is reordered.
pub fn quantile_unsorted(values: &mut [f64], p: f64) -> Option<f64> {
    let last = values.len().checked_sub(1)?;
    let h = last as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let (_, &mut low, rest) = values.select_nth_unstable_by(lo, f64::total_cmp);
    let high = rest.iter().copied().min_by(f64::total_cmp).unwrap_or(low);
    Some(low + (h - lo as f64) * (high - low))
}

#[cfg(test)]
mod tests {
    use super::{quantile, quantile_unsorted};

    #[test]
    fn selection_gives_the_sorted_quantile() {
        let mut seed = 7u64;
        for n in [1usize, 2, 3, 10, 39, 1000] {
            let v: Vec<f64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 40) % 50) as f64 / 7.0
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            for p in [0.0, 0.025, 0.5, 0.975, 1.0] {
                let mut work = v.clone();
                assert_eq!(quantile_unsorted(&mut work, p), quantile(&sorted, p), "n {n} p {p}");
            }
        }
        assert_eq!(quantile_unsorted(&mut [], 0.5), None);
    }

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
