//! One comparison of two sides (a group against the rest of its scope, or against another
//! group) over the features of a scope: counts, the log-odds ratio with the informative
//! Dirichlet prior and its z-score, Dunning's G², their p-values, and Benjamini–Hochberg
//! q-values within each kind (categories, terms) of the comparison.

use super::features::{Feature, FeatureKind};
use super::scopes::ScopeKind;
use crate::stats::fdr::bh;
use crate::stats::loglik::g2;
use crate::stats::logodds::{LogOdds, Side, log_odds, prior};
use crate::stats::pvalue::{chi2_1_upper, normal_two_sided};
use rustc_hash::FxHashMap;

/// What is compared: two groups, or a group and the rest of its scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sides {
    /// Where.
    pub scope: ScopeKind,
    /// Group a.
    pub a: u32,
    /// Group b; `None` for the rest of the scope.
    pub b: Option<u32>,
    /// Documents of side a.
    pub docs_a: u64,
    /// Documents of side b.
    pub docs_b: u64,
}

/// One row of `compare.csv`: a feature's counts on both sides and the statistics.
#[derive(Clone, Debug, PartialEq)]
pub struct ContrastRow {
    /// What is compared.
    pub sides: Sides,
    /// The feature id.
    pub feature: u32,
    /// Hits and tokens of side a.
    pub a: Side,
    /// Hits and tokens of side b.
    pub b: Side,
    /// α_w of the informative prior.
    pub prior: Option<f64>,
    /// Log-odds ratio, its standard error and z.
    pub log_odds: Option<LogOdds>,
    /// Two-sided p-value of z.
    pub z_p: Option<f64>,
    /// Benjamini–Hochberg q-value of `z_p` within the comparison and kind.
    pub z_q: Option<f64>,
    /// Dunning's G².
    pub g2: Option<f64>,
    /// Chi-square(1) p-value of G².
    pub g2_p: Option<f64>,
    /// Benjamini–Hochberg q-value of `g2_p` within the comparison and kind.
    pub g2_q: Option<f64>,
}

/// Compares side a and side b (`tokens` each) on `features` (ascending, so each kind is one
/// run). `count_a` and `count_b` give a feature's count on each side; the prior is the
/// scope's pooled count over its pooled tokens, scaled by `alpha0`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn contrast(
    features: &[u32],
    table: &[Feature],
    sides: Sides,
    (tokens_a, tokens_b): (u64, u64),
    count_a: impl Fn(u32) -> u64,
    count_b: impl Fn(u32) -> u64,
    pooled: impl Fn(u32) -> u64,
    pooled_tokens: u64,
    alpha0: f64,
) -> Vec<ContrastRow> {
    // A row's statistics depend only on its three counts (the sides' tokens, the pooled
    // tokens and α₀ are fixed here), and most features share them with another (a group
    // without the feature, rare features): each distinct triple is computed once.
    let mut memo: FxHashMap<[u64; 3], Stats> = FxHashMap::default();
    let mut rows: Vec<ContrastRow> = features
        .iter()
        .map(|&f| {
            let a = Side { count: count_a(f), tokens: tokens_a };
            let b = Side { count: count_b(f), tokens: tokens_b };
            let pooled = pooled(f);
            let s = *memo
                .entry([a.count, b.count, pooled])
                .or_insert_with(|| Stats::of(a, b, prior(pooled, pooled_tokens, alpha0), alpha0));
            ContrastRow {
                sides,
                feature: f,
                a,
                b,
                prior: s.prior,
                log_odds: s.log_odds,
                z_p: s.z_p,
                z_q: None,
                g2: s.g2,
                g2_p: s.g2_p,
                g2_q: None,
            }
        })
        .collect();
    for kind in [FeatureKind::Category, FeatureKind::Term] {
        let family: Vec<usize> =
            (0..rows.len()).filter(|&i| table[rows[i].feature as usize].kind == kind).collect();
        let zq = bh(&family.iter().map(|&i| rows[i].z_p).collect::<Vec<_>>());
        let gq = bh(&family.iter().map(|&i| rows[i].g2_p).collect::<Vec<_>>());
        for (k, &i) in family.iter().enumerate() {
            rows[i].z_q = zq[k];
            rows[i].g2_q = gq[k];
        }
    }
    rows
}

/// The statistics of one row before its q-values.
#[derive(Clone, Copy)]
struct Stats {
    prior: Option<f64>,
    log_odds: Option<LogOdds>,
    z_p: Option<f64>,
    g2: Option<f64>,
    g2_p: Option<f64>,
}

impl Stats {
    fn of(a: Side, b: Side, prior: Option<f64>, alpha0: f64) -> Stats {
        let log_odds = prior.and_then(|al| log_odds(a, b, al, alpha0));
        let g2 = g2(a, b);
        Stats {
            prior,
            log_odds,
            z_p: log_odds.and_then(|l| normal_two_sided(l.z)),
            g2,
            g2_p: g2.and_then(chi2_1_upper),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(kind: FeatureKind) -> Feature {
        Feature { kind, lexicon: String::new(), category: "c".into(), term: String::new() }
    }

    #[test]
    fn rows_carry_every_statistic_and_q_per_kind() {
        let table = vec![
            feature(FeatureKind::Category),
            feature(FeatureKind::Term),
            feature(FeatureKind::Term),
        ];
        let a = [10u64, 0, 10];
        let b = [10u64, 10, 10];
        let sides = Sides { scope: ScopeKind::All, a: 0, b: Some(1), docs_a: 1, docs_b: 1 };
        let rows = contrast(
            &[0, 1, 2],
            &table,
            sides,
            (1000, 1000),
            |f| a[f as usize],
            |f| b[f as usize],
            |f| a[f as usize] + b[f as usize],
            2000,
            100.0,
        );
        assert_eq!(rows.len(), 3);
        // Feature 1: the zero-count case of the unit tests of logodds and loglik.
        let r = &rows[1];
        assert_eq!(r.prior, Some(0.5));
        assert!((r.log_odds.unwrap().z - -2.1096181851025366).abs() < 1e-12);
        assert!((r.g2.unwrap() - 13.913195078972077).abs() < 1e-9);
        // Equal rates: δ = 0, G² = 0, p = 1.
        assert_eq!(rows[2].log_odds.unwrap().delta, 0.0);
        assert_eq!(rows[2].g2_p, Some(1.0));
        // The category is its own family of one: q = p.
        assert_eq!(rows[0].z_q, rows[0].z_p);
        // Terms: m = 2, q of the smaller p = min(p·2/1, 1·2/2 = 1).
        assert_eq!(rows[1].g2_q, Some((rows[1].g2_p.unwrap() * 2.0).min(1.0)));
        assert_eq!(rows[2].g2_q, Some(1.0));
    }
    proptest::proptest! {
        /// Rows computed once per distinct triple of counts equal rows computed one by one.
        #[test]
        fn shared_statistics_equal_each_row_computed_alone(
            counts in proptest::collection::vec((0u64..4, 0u64..4, 0u64..3, proptest::prelude::any::<bool>()), 1..60),
            tokens in (1u64..200, 1u64..200),
        ) {
            let table: Vec<Feature> = counts
                .iter()
                .map(|c| feature(if c.3 { FeatureKind::Term } else { FeatureKind::Category }))
                .collect();
            let ids: Vec<u32> = (0..counts.len() as u32).collect();
            let pooled = |f: u32| { let c = counts[f as usize]; c.0 + c.1 + c.2 };
            let pooled_tokens = tokens.0 + tokens.1 + 50;
            let sides = Sides { scope: ScopeKind::All, a: 0, b: None, docs_a: 1, docs_b: 1 };
            let rows = contrast(
                &ids, &table, sides, tokens,
                |f| counts[f as usize].0, |f| counts[f as usize].1, pooled, pooled_tokens, 50.0,
            );
            for (f, r) in rows.iter().enumerate() {
                let (a, b) = (r.a, r.b);
                let alpha = prior(pooled(f as u32), pooled_tokens, 50.0);
                let lo = alpha.and_then(|al| log_odds(a, b, al, 50.0));
                let g = g2(a, b);
                let bits = |x: Option<f64>| x.map(f64::to_bits);
                proptest::prop_assert_eq!(bits(r.prior), bits(alpha));
                proptest::prop_assert_eq!(r.log_odds.map(|l| (l.delta.to_bits(), l.z.to_bits(), l.se.to_bits())), lo.map(|l| (l.delta.to_bits(), l.z.to_bits(), l.se.to_bits())));
                proptest::prop_assert_eq!(bits(r.z_p), bits(lo.and_then(|l| normal_two_sided(l.z))));
                proptest::prop_assert_eq!(bits(r.g2), bits(g));
                proptest::prop_assert_eq!(bits(r.g2_p), bits(g.and_then(chi2_1_upper)));
                proptest::prop_assert_eq!((a.count, b.count), (counts[f].0, counts[f].1));
            }
        }
    }
}
