//! The log-odds ratio with an informative Dirichlet prior, and its z-score: Monroe, Colaresi
//! & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying
//! the Content of Political Conflict", *Political Analysis* 16(4), 372–403.
//!
//! For a feature w (a term or category) counted y_a times in n_a tokens of group a and
//! y_b times in n_b tokens of group b, with prior pseudo-counts α_w and α₀ = Σ α:
//!
//! ```text
//! δ_w   = ln[(y_a + α_w) / (n_a + α₀ − y_a − α_w)] − ln[(y_b + α_w) / (n_b + α₀ − y_b − α_w)]
//! σ²_w ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w)
//! z_w   = δ_w / σ_w
//! ```
//!
//! The informative prior is the pooled corpus scaled to a total mass of α₀:
//! α_w = α₀ · y_w / n, with y_w the feature's count and n the tokens of all groups pooled.
//! Because every token is an outcome of the multinomial (the feature or anything else), the
//! α of all outcomes sum to α₀. A feature seen anywhere in the pool has α_w > 0, so a group
//! with zero occurrences still gets a finite log-odds.

/// One side of a comparison: a feature's count and the group's token total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Side {
    /// Occurrences of the feature.
    pub count: u64,
    /// Tokens of the group.
    pub tokens: u64,
}

/// δ, its standard error and z.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogOdds {
    /// Log-odds ratio, group a against group b (positive: a uses the feature more).
    pub delta: f64,
    /// Approximate standard error √σ².
    pub se: f64,
    /// δ / se.
    pub z: f64,
}

/// The prior pseudo-count α_w = α₀ · pooled_count / pooled_tokens; `None` when nothing was
/// pooled or α₀ is not positive.
pub fn prior(pooled_count: u64, pooled_tokens: u64, alpha0: f64) -> Option<f64> {
    (pooled_tokens > 0 && alpha0 > 0.0 && alpha0.is_finite())
        .then(|| alpha0 * pooled_count as f64 / pooled_tokens as f64)
}

/// The log-odds ratio of a against b with prior α_w (`alpha`) of total mass α₀ (`alpha0`).
/// `None` when α_w is not positive or an odds denominator is not positive (a count larger
/// than its token total, which real counts never produce).
pub fn log_odds(a: Side, b: Side, alpha: f64, alpha0: f64) -> Option<LogOdds> {
    if !(alpha > 0.0 && alpha.is_finite()) {
        return None;
    }
    let odds = |s: Side| {
        let hit = s.count as f64 + alpha;
        let miss = s.tokens as f64 + alpha0 - s.count as f64 - alpha;
        (miss > 0.0).then(|| (hit.ln() - miss.ln(), 1.0 / hit))
    };
    let ((la, va), (lb, vb)) = (odds(a)?, odds(b)?);
    let delta = la - lb;
    let se = (va + vb).sqrt();
    Some(LogOdds { delta, se, z: delta / se })
}

/// [`log_odds`] of shares of a whole rather than of rates among tokens: the same δ, with the
/// full variance σ² = 1/(y_a+α_w) + 1/(n_a+α₀−y_a−α_w) + the same for b, where n is the whole
/// (a group's attributions, or its mentions of one referent) and α₀ the whole's prior.
/// Monroe et al.'s σ² leaves out the 1/(n − y) terms: right for words, rare among tokens,
/// but a share is often large (neutral cues are about 78 % of attributions), and there it
/// would overstate z several-fold.
pub fn log_odds_of_shares(a: Side, b: Side, alpha: f64, alpha0: f64) -> Option<LogOdds> {
    let delta = log_odds(a, b, alpha, alpha0)?.delta;
    let hit = |s: Side| s.count as f64 + alpha;
    let miss = |s: Side| s.tokens as f64 + alpha0 - s.count as f64 - alpha;
    let se = (1.0 / hit(a) + 1.0 / miss(a) + 1.0 / hit(b) + 1.0 / miss(b)).sqrt();
    Some(LogOdds { delta, se, z: delta / se })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1.0)
    }

    #[test]
    fn zero_count_on_one_side_is_finite() {
        // Pool: 10 hits in 2,000 tokens; α₀ = 100 → α = 0.5.
        let alpha = prior(10, 2000, 100.0).unwrap();
        assert_eq!(alpha, 0.5);
        let r = log_odds(
            Side { count: 0, tokens: 1000 },
            Side { count: 10, tokens: 1000 },
            alpha,
            100.0,
        )
        .unwrap();
        // δ = ln(0.5/1099.5) − ln(10.5/1089.5); σ² = 1/0.5 + 1/10.5.
        let delta = (0.5f64 / 1099.5).ln() - (10.5f64 / 1089.5).ln();
        assert!(close(r.delta, delta));
        assert!(close(r.delta, -3.0536590933335646));
        assert!(close(r.se, 1.4474937289114918));
        assert!(close(r.z, -2.1096181851025366));
    }

    #[test]
    fn antisymmetric_and_zero_for_equal_rates() {
        let (a, b) = (Side { count: 7, tokens: 700 }, Side { count: 3, tokens: 900 });
        let alpha = prior(10, 1600, 50.0).unwrap();
        let ab = log_odds(a, b, alpha, 50.0).unwrap();
        let ba = log_odds(b, a, alpha, 50.0).unwrap();
        assert!(close(ab.delta, -ba.delta) && close(ab.z, -ba.z) && ab.delta > 0.0);
        let same = Side { count: 4, tokens: 400 };
        assert_eq!(log_odds(same, same, 1.0, 10.0).unwrap().delta, 0.0);
    }

    #[test]
    fn undefined_without_prior_mass() {
        assert_eq!(prior(0, 0, 10.0), None);
        assert_eq!(prior(1, 10, 0.0), None);
        let s = Side { count: 0, tokens: 10 };
        assert_eq!(log_odds(s, s, 0.0, 10.0), None);
        // A count above its token total cannot come from real text: undefined, no panic.
        assert_eq!(log_odds(Side { count: 50, tokens: 1 }, s, 1.0, 2.0), None);
    }
}
