//! The paired summary across events: for two groups and each feature, in how many of the
//! events covered by both the first group's rate was higher, lower or equal, the mean rates,
//! and the exact sign test on higher against lower. Comparing groups on the same events
//! holds the topic constant; each event counts once, however many documents it has.

use crate::stats::per_1k;
use crate::stats::signtest::sign_test;
use std::collections::BTreeMap;

/// One group's sums in one event.
#[derive(Clone, Debug)]
pub(crate) struct EventSums {
    pub(crate) event: u32,
    pub(crate) tokens: u64,
    /// (feature, count), ascending, non-zero.
    pub(crate) counts: Vec<(u32, u64)>,
}

/// One row of `compare_paired.csv`: a feature's tally for a pair of groups across the events
/// both cover.
#[derive(Clone, Debug, PartialEq)]
pub struct PairedRow {
    /// Group a.
    pub a: u32,
    /// Group b.
    pub b: u32,
    /// The feature id.
    pub feature: u32,
    /// Events both groups cover with tokens.
    pub events: u64,
    /// Events in which a's rate was higher.
    pub a_higher: u64,
    /// Events in which b's rate was higher.
    pub b_higher: u64,
    /// a's hits over the shared events.
    pub count_a: u64,
    /// b's hits over the shared events.
    pub count_b: u64,
    /// Mean over the events of a's rate per 1,000 tokens.
    pub mean_a: f64,
    /// The same for b.
    pub mean_b: f64,
    /// Exact two-sided sign test of `a_higher` against `b_higher`.
    pub p: f64,
    /// Benjamini–Hochberg q-value of `p` within the pair and kind.
    pub q: Option<f64>,
}

#[derive(Default)]
struct Tally {
    a_higher: u64,
    b_higher: u64,
    count_a: u64,
    count_b: u64,
    sum_a: f64,
    sum_b: f64,
}

/// Compares groups `ga` and `gb` by their sums `a` and `b` (each sorted by event) on the
/// events both cover with at least one token: a row for every feature that occurs in them for
/// either group, ascending by feature (no q-values yet).
pub(crate) fn paired(ga: u32, gb: u32, a: &[EventSums], b: &[EventSums]) -> Vec<PairedRow> {
    let mut tallies: BTreeMap<u32, Tally> = BTreeMap::new();
    let mut events = 0u64;
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (ea, eb) = (&a[i], &b[j]);
        if ea.event != eb.event {
            if ea.event < eb.event {
                i += 1;
            } else {
                j += 1;
            }
            continue;
        }
        (i, j) = (i + 1, j + 1);
        if ea.tokens == 0 || eb.tokens == 0 {
            continue;
        }
        events += 1;
        tally_event(&mut tallies, ea, eb);
    }
    tallies
        .into_iter()
        .map(|(feature, t)| PairedRow {
            a: ga,
            b: gb,
            feature,
            events,
            a_higher: t.a_higher,
            b_higher: t.b_higher,
            count_a: t.count_a,
            count_b: t.count_b,
            mean_a: t.sum_a / events as f64,
            mean_b: t.sum_b / events as f64,
            p: sign_test(t.a_higher, t.b_higher),
            q: None,
        })
        .collect()
}

/// Adds one shared event's counts to the per-feature tallies.
fn tally_event(tallies: &mut BTreeMap<u32, Tally>, ea: &EventSums, eb: &EventSums) {
    let (mut x, mut y) = (0, 0);
    while x < ea.counts.len() || y < eb.counts.len() {
        let fa = ea.counts.get(x).map_or(u32::MAX, |c| c.0);
        let fb = eb.counts.get(y).map_or(u32::MAX, |c| c.0);
        let f = fa.min(fb);
        let ca = if fa == f {
            x += 1;
            ea.counts[x - 1].1
        } else {
            0
        };
        let cb = if fb == f {
            y += 1;
            eb.counts[y - 1].1
        } else {
            0
        };
        let t = tallies.entry(f).or_default();
        // Rates compared exactly: ca/na > cb/nb ⇔ ca·nb > cb·na.
        let (l, r) =
            (u128::from(ca) * u128::from(eb.tokens), u128::from(cb) * u128::from(ea.tokens));
        t.a_higher += u64::from(l > r);
        t.b_higher += u64::from(r > l);
        t.count_a += ca;
        t.count_b += cb;
        // Both sides have tokens: the rates are defined.
        t.sum_a += per_1k(ca, ea.tokens).unwrap_or(0.0);
        t.sum_b += per_1k(cb, eb.tokens).unwrap_or(0.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(event: u32, tokens: u64, counts: &[(u32, u64)]) -> EventSums {
        EventSums { event, tokens, counts: counts.to_vec() }
    }

    #[test]
    fn tallies_shared_events_only() {
        let a = [
            ev(0, 100, &[(1, 2)]),
            ev(1, 100, &[(1, 1), (4, 1)]),
            ev(2, 50, &[(1, 5)]),
            ev(5, 10, &[]),
        ];
        let b = [ev(0, 200, &[(1, 2)]), ev(1, 100, &[(1, 1)]), ev(3, 10, &[(1, 9)]), ev(5, 0, &[])];
        let rows = paired(0, 1, &a, &b);
        // Shared with tokens on both sides: events 0 and 1 (5 has no tokens for b).
        assert_eq!(rows[0].events, 2);
        assert_eq!(rows.len(), 2);
        // Feature 1: event 0 → 20 vs 10 per 1k (a higher); event 1 → 10 vs 10 (tie).
        assert_eq!((rows[0].feature, rows[0].a_higher, rows[0].b_higher), (1, 1, 0));
        assert_eq!((rows[0].mean_a, rows[0].mean_b), (15.0, 10.0));
        assert_eq!((rows[0].count_a, rows[0].count_b), (3, 3));
        assert_eq!(rows[0].p, 1.0);
        // Feature 4 only in a, event 1: a higher once, mean over both events.
        assert_eq!(
            (rows[1].feature, rows[1].a_higher, rows[1].mean_a, rows[1].mean_b),
            (4, 1, 5.0, 0.0)
        );
    }
}
