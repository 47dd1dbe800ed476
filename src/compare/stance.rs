//! Stance shares: per outlet or group, the share of its detected attributions whose cue is of
//! each stance class (`doubting`: claimed, alleged; `endorsing`: confirmed, …), with a
//! bootstrap interval over documents and the comparison with the rest — the same functions
//! as the rates (`contrast`, `ratio_intervals`), with attributions in place of tokens as the
//! denominator, and the full variance of the log-odds ratio (classes are common among
//! attributions, unlike words among tokens). The six classes of one comparison are one
//! q-value family.

use super::contrast::{ContrastRow, Sides, contrast};
use super::features::{Feature, FeatureKind};
use super::options::{CompareOptions, QUANTILES};
use super::scopes::{Prepared, ScopeKind};
use super::support::supports;
use crate::lexicon::CueClass;
use crate::stats::bootstrap::{Sample, SplitMix64, ratio_intervals};
use crate::stats::fdr::bh;
use crate::stats::logodds::{Side, log_odds_of_shares};
use crate::stats::pvalue::normal_two_sided;

/// One row of `stance.csv`: a group's share of one stance class.
#[derive(Clone, Debug, PartialEq)]
pub struct StanceRow {
    /// The group (outlet) id.
    pub group: u32,
    /// The class.
    pub class: CueClass,
    /// Documents of the group.
    pub docs: u64,
    /// The bootstrap interval of the share (`None` without valid replicates).
    pub interval: Option<(f64, f64)>,
    /// Replicates with at least one attribution.
    pub replicates: u32,
    /// Counts, statistics and q-values against the rest (`tokens` are attributions); the
    /// rest is empty when the group is alone.
    pub vs_rest: ContrastRow,
}

/// The six classes as features, for `contrast`'s q-value family.
fn class_features() -> Vec<Feature> {
    CueClass::ALL
        .iter()
        .map(|c| Feature {
            kind: FeatureKind::Category,
            lexicon: String::new(),
            category: c.name().to_string(),
            term: String::new(),
        })
        .collect()
}

/// Every group's stance rows over all documents, in group and class order; rows only where
/// the group supports the class (`--min-count`, with attributions as the denominator).
pub(crate) fn stance_rows(p: &Prepared, opts: &CompareOptions) -> Vec<StanceRow> {
    let n = p.groups.len();
    let mut sums = vec![[0u64; 7]; n];
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); n];
    for d in 0..p.docs() as u32 {
        let g = p.group(d) as usize;
        members[g].push(d);
        for (s, &c) in sums[g].iter_mut().zip(p.stance(d)) {
            *s += u64::from(c);
        }
    }
    let mut pooled = [0u64; 7];
    sums.iter().for_each(|s| pooled.iter_mut().zip(s).for_each(|(p, &c)| *p += c));
    let table = class_features();
    let live = sums.iter().filter(|s| s[0] > 0).count();
    let mut rows = Vec::new();
    for g in 0..n {
        let (a, docs) = (&sums[g], &members[g]);
        if a[0] == 0 {
            continue;
        }
        let sides = Sides {
            scope: ScopeKind::All,
            a: g as u32,
            b: None,
            docs_a: docs.len() as u64,
            docs_b: p.docs() as u64 - docs.len() as u64,
        };
        let rest_total = if live >= 2 { pooled[0] - a[0] } else { 0 };
        let contrasts = contrast(
            &[0, 1, 2, 3, 4, 5],
            &table,
            sides,
            (a[0], rest_total),
            |f| a[f as usize + 1],
            |f| if live >= 2 { pooled[f as usize + 1] - a[f as usize + 1] } else { 0 },
            |f| pooled[f as usize + 1],
            pooled[0],
            opts.prior_strength,
        );
        let contrasts = with_full_variance(contrasts, opts.prior_strength);
        let boot = bootstrap(p, opts, g as u32, docs);
        for (k, r) in contrasts.into_iter().enumerate() {
            let side = Side { count: a[k + 1], tokens: a[0] };
            if !supports(side, pooled[k + 1], pooled[0], opts.min_count) {
                continue;
            }
            rows.push(StanceRow {
                group: g as u32,
                class: CueClass::ALL[k],
                docs: docs.len() as u64,
                interval: boot.intervals[k].map(|i| (i.low, i.high)),
                replicates: boot.valid,
                vs_rest: r,
            });
        }
    }
    rows
}

/// The rows as shares of attributions ([`log_odds_of_shares`]: the full variance), and their
/// z, p and q-values over the six classes.
fn with_full_variance(mut rows: Vec<ContrastRow>, alpha0: f64) -> Vec<ContrastRow> {
    for r in &mut rows {
        let Some(alpha) = r.prior.filter(|_| r.log_odds.is_some()) else { continue };
        r.log_odds = log_odds_of_shares(r.a, r.b, alpha, alpha0);
        r.z_p = r.log_odds.and_then(|lo| normal_two_sided(lo.z));
    }
    let q = bh(&rows.iter().map(|r| r.z_p).collect::<Vec<_>>());
    rows.iter_mut().zip(q).for_each(|(r, q)| r.z_q = q);
    rows
}

/// The bootstrap intervals of a group's six shares (documents resampled).
fn bootstrap(
    p: &Prepared,
    opts: &CompareOptions,
    group: u32,
    docs: &[u32],
) -> crate::stats::bootstrap::Intervals {
    let mut sample = Sample::new(6);
    if opts.bootstrap > 0 {
        for &d in docs {
            let s = p.stance(d);
            let counts = (0..6u32).map(|k| (k, u64::from(s[k as usize + 1])));
            sample.push(u64::from(s[0]), counts.filter(|&(_, c)| c > 0));
        }
    }
    let key = format!("stance\u{1f}{}", p.key(&p.groups[group as usize]));
    let mut rng = SplitMix64::for_stream(opts.seed, key.as_bytes());
    ratio_intervals(&sample, opts.bootstrap, 1.0, QUANTILES, &mut rng)
}

#[cfg(test)]
mod tests {
    use super::super::groups::GroupMap;
    use super::super::input::CompareInput;
    use super::super::scopes::Partition;
    use super::*;

    #[test]
    fn shares_with_intervals_and_tests_against_the_rest() {
        let mut input = CompareInput::new();
        // A: 20 attributions, 10 doubting; B: 20, 1 doubting.
        for (outlet, doubting) in [("A", 5), ("A", 5), ("B", 1), ("B", 0)] {
            input.add_document(outlet, None, 100, &[]).unwrap();
            input.set_stance([10, 10 - doubting, 0, doubting, 0, 0, 0]);
        }
        // A document without attributions counts for nothing.
        input.add_document("B", None, 100, &[]).unwrap();
        let opts = CompareOptions { min_count: 0, bootstrap: 200, ..Default::default() };
        let p = Prepared::new(&input, &GroupMap::default(), Partition::Outlets);
        let rows = stance_rows(&p, &opts);
        assert_eq!(rows.len(), 12);
        let doubt_a = &rows[2];
        assert_eq!((doubt_a.group, doubt_a.class), (0, CueClass::Doubting));
        let r = &doubt_a.vs_rest;
        assert_eq!((r.a.count, r.a.tokens, r.b.count, r.b.tokens), (10, 20, 1, 20));
        assert!(r.log_odds.unwrap().z > 0.0 && r.g2_p.unwrap() < 0.01);
        // The full variance: 1/(y+α) + 1/(n+α₀−y−α) on both sides (α = 1000 · 11/40).
        let alpha: f64 = 275.0;
        let var = 1.0 / (10.0 + alpha)
            + 1.0 / (20.0 + 1000.0 - 10.0 - alpha)
            + 1.0 / (1.0 + alpha)
            + 1.0 / (20.0 + 1000.0 - 1.0 - alpha);
        assert!((r.log_odds.unwrap().se - var.sqrt()).abs() < 1e-12);
        let (low, high) = doubt_a.interval.unwrap();
        assert!(low <= 0.5 && 0.5 <= high, "{low} {high}");
        assert_eq!(rows[8].docs, 3);
        // --min-count keeps only supported classes (nobody uses the four others).
        let opts = CompareOptions { min_count: 1, ..opts };
        assert_eq!(stance_rows(&p, &opts).len(), 4);
    }
}
