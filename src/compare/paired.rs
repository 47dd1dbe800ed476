//! The paired summary across events: for two groups and each feature, in how many of the
//! events covered by both the first group's rate was higher, lower or equal, the mean rates,
//! and the exact sign test on higher against lower. Comparing groups on the same events
//! holds the topic constant; each event counts once, however many documents it has.

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

/// One feature's tally for a pair of groups.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PairedRow {
    pub(crate) feature: u32,
    pub(crate) a_higher: u64,
    pub(crate) b_higher: u64,
    /// Counts over the shared events.
    pub(crate) count_a: u64,
    pub(crate) count_b: u64,
    pub(crate) mean_a: f64,
    pub(crate) mean_b: f64,
    pub(crate) p: f64,
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

/// Compares `a` and `b` (each sorted by event) on the events both cover with at least one
/// token. Returns the number of such events and a row for every feature that occurs in them
/// for either group, ascending by feature.
pub(crate) fn paired(a: &[EventSums], b: &[EventSums]) -> (u64, Vec<PairedRow>) {
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
            t.sum_a += ca as f64 * 1000.0 / ea.tokens as f64;
            t.sum_b += cb as f64 * 1000.0 / eb.tokens as f64;
        }
    }
    let rows = tallies
        .into_iter()
        .map(|(feature, t)| PairedRow {
            feature,
            a_higher: t.a_higher,
            b_higher: t.b_higher,
            count_a: t.count_a,
            count_b: t.count_b,
            mean_a: t.sum_a / events as f64,
            mean_b: t.sum_b / events as f64,
            p: sign_test(t.a_higher, t.b_higher),
        })
        .collect();
    (events, rows)
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
        let (events, rows) = paired(&a, &b);
        // Shared with tokens on both sides: events 0 and 1 (5 has no tokens for b).
        assert_eq!(events, 2);
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
