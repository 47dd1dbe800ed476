//! What `report.html` keeps of a [`Comparison`] while its tables are written: the rates of
//! the all-documents scope (categories, and the terms of `label/…` for a page without
//! texts), and per comparison (outlet vs rest, outlet vs outlet) and dimension (top-level
//! category) the terms with the most extreme log-odds z on each side. Rows are selected on
//! the worker threads, unit by unit, so memory stays bounded by the caps, and named once at
//! the end ([`Kept::named`]).

use crate::compare::{Comparison, ContrastRow, FeatureKind, RateRow, Rows, ScopeKind};

/// Terms kept per comparison, dimension and direction (the plot's points; the table shows
/// fewer).
pub(crate) const TERMS_PER_SIDE: usize = 20;

/// The kept rows, as ids of the comparison.
#[derive(Debug, Default)]
pub(crate) struct Kept {
    rates: Vec<RateRow>,
    contrasts: Vec<ContrastRow>,
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
        let mut terms: Vec<&ContrastRow> = rows
            .contrasts
            .iter()
            .filter(|r| r.sides.scope == ScopeKind::All && r.log_odds.is_some())
            .filter(|r| c.feature(r.feature).kind == FeatureKind::Term)
            .collect();
        let z = |r: &ContrastRow| r.log_odds.map_or(0.0, |l| l.z);
        let dim = |r: &ContrastRow| dimension(&c.feature(r.feature).category).to_string();
        terms.sort_by(|x, y| dim(x).cmp(&dim(y)).then(z(y).total_cmp(&z(x))));
        let mut contrasts = Vec::new();
        for run in terms.chunk_by(|x, y| dim(x) == dim(y)) {
            let n = run.len();
            let high = run.iter().take(TERMS_PER_SIDE.min(n)).filter(|r| z(r) > 0.0);
            let low_from = n.saturating_sub(TERMS_PER_SIDE).max(TERMS_PER_SIDE.min(n));
            let low = run[low_from..].iter().filter(|r| z(r) < 0.0);
            contrasts.extend(high.chain(low).map(|&r| r.clone()));
        }
        Kept { rates, contrasts }
    }

    /// Adds a unit's selection, in output order.
    pub(crate) fn extend(&mut self, other: Kept) {
        self.rates.extend(other.rates);
        self.contrasts.extend(other.contrasts);
    }

    /// The kept rows with their names.
    pub(crate) fn named(&self, c: &Comparison) -> (Vec<NamedRate>, Vec<NamedContrast>) {
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
            .map(|r| {
                let f = c.feature(r.feature);
                let lo =
                    r.log_odds.unwrap_or(crate::compare::LogOdds { delta: 0.0, se: 0.0, z: 0.0 });
                NamedContrast {
                    a: c.group_name(r.sides.a).to_string(),
                    b: r.sides.b.map(|b| c.group_name(b).to_string()),
                    lexicon: f.lexicon.clone(),
                    category: f.category.clone(),
                    term: f.term.clone(),
                    count_a: r.a.count,
                    count_b: r.b.count,
                    z: lo.z,
                    delta: lo.delta,
                }
            })
            .collect();
        (rates, contrasts)
    }
}
