//! What `report.html` keeps of a [`Comparison`] while its tables are written: the rates of
//! the all-documents scope (categories, and the terms of `label/…` for a page without
//! texts), and per comparison (outlet vs rest, outlet vs outlet) and dimension (top-level
//! category) the terms with the most extreme log-odds z on each side. Rows are selected on
//! the worker threads, unit by unit, so memory stays bounded by the caps, and named once at
//! the end ([`Kept::named`]).

use super::super::distinctive::{Stat, term_stats};
use crate::compare::{Comparison, ContrastRow, FeatureKind, RateRow, Rows, ScopeKind, StanceRow};

/// Terms kept per comparison, dimension and direction (the plot's points; the table shows
/// fewer).
pub(crate) const TERMS_PER_SIDE: usize = 20;

/// The kept rows, as ids of the comparison.
#[derive(Debug, Default)]
pub(crate) struct Kept {
    rates: Vec<RateRow>,
    contrasts: Vec<(ContrastRow, Stat)>,
}

/// A rate of the all-documents scope, named.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NamedRate {
    pub(crate) outlet: String,
    pub(crate) kind: FeatureKind,
    pub(crate) category: String,
    pub(crate) term: String,
    pub(crate) count: u64,
    pub(crate) per_1k: Option<f64>,
    pub(crate) interval: Option<(f64, f64)>,
}

/// A term's contrast in one comparison, named.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NamedContrast {
    /// Side a.
    pub(crate) a: String,
    /// Side b; `None` for the rest of the corpus.
    pub(crate) b: Option<String>,
    pub(crate) lexicon: String,
    pub(crate) category: String,
    pub(crate) term: String,
    pub(crate) count_a: u64,
    pub(crate) count_b: u64,
    pub(crate) z: f64,
    pub(crate) delta: f64,
}

/// A partition's kept rows, named: its rates and contrasts.
pub(crate) type Shown = (Vec<NamedRate>, Vec<NamedContrast>);

/// The rows of the comparisons that `report.html` shows, named: the outlets', the groups'
/// (when documents are grouped) and the stance shares of both.
pub(crate) struct KeptRows {
    pub(crate) outlets: Shown,
    pub(crate) groups: Option<Shown>,
    pub(crate) stance: Vec<NamedStance>,
    pub(crate) group_stance: Vec<NamedStance>,
}

/// An outlet's or group's share of one stance class among its attributions (stance.csv).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NamedStance {
    pub(crate) group: String,
    pub(crate) class: &'static str,
    /// Attributions of the class.
    pub(crate) count: u64,
    /// Attributions of the group.
    pub(crate) total: u64,
    pub(crate) interval: Option<(f64, f64)>,
}

/// The stance rows of `c`, named.
pub(crate) fn named_stance(c: &Comparison, rows: &[StanceRow]) -> Vec<NamedStance> {
    rows.iter()
        .map(|r| NamedStance {
            group: c.group_name(r.group).to_string(),
            class: r.class.name(),
            count: r.vs_rest.a.count,
            total: r.vs_rest.a.tokens,
            interval: r.interval,
        })
        .collect()
}

/// The dimension of a category path: its top level.
pub(crate) fn dimension(category: &str) -> &str {
    category.split('/').next().unwrap_or(category)
}

impl Kept {
    /// The part of one unit's rows the page needs (run on a worker thread).
    pub(crate) fn select(c: &Comparison, rows: &Rows) -> Kept {
        let rates = rows
            .rates
            .iter()
            .filter(|r| r.scope == ScopeKind::All)
            .filter(|r| {
                let f = c.feature(r.feature);
                f.kind == FeatureKind::Category || f.category.starts_with("label/")
            })
            .cloned()
            .collect();
        let stats = term_stats(c, rows);
        let mut terms: Vec<(&ContrastRow, Stat)> =
            rows.contrasts.iter().zip(stats).filter_map(|(r, s)| Some((r, s?))).collect();
        let z = |r: &(&ContrastRow, Stat)| r.1.z;
        let dim =
            |r: &(&ContrastRow, Stat)| dimension(&c.feature(r.0.feature).category).to_string();
        terms.sort_by(|x, y| dim(x).cmp(&dim(y)).then(z(y).total_cmp(&z(x))));
        let mut contrasts = Vec::new();
        for run in terms.chunk_by(|x, y| dim(x) == dim(y)) {
            // Sorted by z, descending: the positive terms are a prefix, the negative a suffix.
            let (n, pos) = (run.len(), run.iter().take_while(|r| z(r) > 0.0).count());
            let neg = run.iter().rev().take_while(|r| z(r) < 0.0).count();
            let high = &run[..pos.min(TERMS_PER_SIDE)];
            let low = &run[n - neg.min(TERMS_PER_SIDE)..];
            contrasts.extend(high.iter().chain(low).map(|&(r, s)| (r.clone(), s)));
        }
        Kept { rates, contrasts }
    }

    /// Adds a unit's selection, in output order.
    pub(crate) fn extend(&mut self, other: Kept) {
        self.rates.extend(other.rates);
        self.contrasts.extend(other.contrasts);
    }

    /// The kept rows with their names.
    pub(crate) fn named(&self, c: &Comparison) -> Shown {
        let rates = self
            .rates
            .iter()
            .map(|r| {
                let f = c.feature(r.feature);
                NamedRate {
                    outlet: c.group_name(r.group).to_string(),
                    kind: f.kind,
                    category: f.category.clone(),
                    term: f.term.clone(),
                    count: r.count,
                    per_1k: r.per_1k,
                    interval: r.interval,
                }
            })
            .collect();
        let contrasts = self
            .contrasts
            .iter()
            .map(|(r, s)| {
                let f = c.feature(r.feature);
                NamedContrast {
                    a: c.group_name(r.sides.a).to_string(),
                    b: r.sides.b.map(|b| c.group_name(b).to_string()),
                    lexicon: f.lexicon.clone(),
                    category: f.category.clone(),
                    term: f.term.clone(),
                    count_a: r.a.count,
                    count_b: r.b.count,
                    z: s.z,
                    delta: s.delta,
                }
            })
            .collect();
        (rates, contrasts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{CompareInput, CompareOptions};

    /// Each comparison keeps at most [`TERMS_PER_SIDE`] terms on each side, and the side
    /// with few terms keeps all of them.
    #[test]
    fn keeps_the_most_extreme_terms_of_each_side() {
        let mut input = CompareInput::new();
        let t: Vec<u32> =
            (0..30).map(|i| input.term_id("loaded", "loaded/x", &format!("t{i:02}"))).collect();
        let a: Vec<(u32, u32)> = t[..25].iter().map(|&id| (id, 10)).collect();
        let b: Vec<(u32, u32)> = t[25..].iter().map(|&id| (id, 10)).collect();
        input.add_document("A", None, 1000, &a).unwrap();
        input.add_document("B", None, 1000, &b).unwrap();
        let opts = CompareOptions { min_count: 0, bootstrap: 0, ..CompareOptions::default() };
        let c = Comparison::new(&input, &opts).unwrap();
        let mut kept = Kept::default();
        c.run(
            |rows| Kept::select(&c, &rows),
            |k| {
                kept.extend(k);
                Ok(())
            },
        )
        .unwrap();
        let (rates, contrasts) = kept.named(&c);
        let side = |a: &str, b: Option<&str>, up: bool| {
            let same = |x: &&NamedContrast| x.a == a && x.b.as_deref() == b;
            contrasts.iter().filter(same).filter(|x| (x.z > 0.0) == up).count()
        };
        assert_eq!((side("A", None, true), side("A", None, false)), (20, 5));
        assert_eq!((side("B", None, true), side("B", None, false)), (5, 20));
        assert_eq!((side("A", Some("B"), true), side("A", Some("B"), false)), (20, 5));
        assert!(rates.iter().all(|r| r.kind == FeatureKind::Category));
        assert_eq!(dimension("loaded/x"), "loaded");
    }
}
