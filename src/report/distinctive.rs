//! `distinctive.csv`: for every outlet and group, the terms of each framing dimension it uses
//! more than the rest of the corpus, ranked by the log-odds z of `compare.csv` (the same
//! statistics: the rows against the rest in the all-documents scope, with their support,
//! `--min-count`), with q-values within each dimension. A dimension is a lexicon's top-level category — loaded language, labels,
//! reporting verbs (attribution cues), hedges — so a term of one dimension never appears in
//! another's block; valence and boosters feed tone and are left out.

use super::cells::{CellStyle, STAT_DECIMALS, fixed_into, per_1k_into, sci_into, share_into};
use super::table::Table;
use crate::compare::{Comparison, ContrastRow, FeatureKind, Rows, ScopeKind, Side};
use crate::error::Result;
use crate::stats::fdr::bh;
use crate::stats::logodds::log_odds_of_shares;
use crate::stats::pvalue::normal_two_sided;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// The dimensions, in block order: (name in the table, top-level category).
const DIMENSIONS: [(&str, &str); 4] = [
    ("loaded", "loaded"),
    ("labels", "label"),
    ("reporting_verbs", "attribution"),
    ("hedges", "hedge"),
];

/// The dimension of a category path, by its top level.
fn dimension(category: &str) -> Option<u8> {
    let top = category.split('/').next().unwrap_or("");
    DIMENSIONS.iter().position(|d| d.1 == top).map(|i| i as u8)
}

/// What a term of dimension `d` is a choice within: labels among the labels of their referent
/// (the entry's category), reporting verbs among all attribution cues; `None` for the
/// dimensions measured per token (loaded language, hedges).
fn whole_of(d: u8, category: &str) -> Option<&str> {
    match DIMENSIONS[d as usize].0 {
        "labels" => Some(category),
        "reporting_verbs" => Some(DIMENSIONS[d as usize].1),
        _ => None,
    }
}

/// A term's statistics in one comparison: per token (loaded, hedges, and the terms of no
/// dimension: the row of compare.csv), or as a share of its whole (labels, reporting verbs).
#[derive(Clone, Copy, Debug)]
pub(super) struct Stat {
    pub(super) delta: f64,
    pub(super) z: f64,
    p: Option<f64>,
    /// The term's counts within its whole, for side a and side b (shares only).
    within: Option<(Side, Side)>,
}

/// The rows of the all-documents scope.
fn all_docs(rows: &Rows) -> impl Iterator<Item = (usize, &ContrastRow)> {
    rows.contrasts.iter().enumerate().filter(|(_, r)| r.sides.scope == ScopeKind::All)
}

/// Each term row's [`Stat`] in the all-documents scope (against the rest or another outlet),
/// as `distinctive.csv` and the page's distinctive terms show it; `None` for other rows and
/// for shares whose whole has no row.
pub(super) fn term_stats(c: &Comparison, rows: &Rows) -> Vec<Option<Stat>> {
    type Key<'a> = (u32, Option<u32>, &'a str);
    let wholes: FxHashMap<Key, &ContrastRow> = all_docs(rows)
        .filter(|(_, r)| c.feature(r.feature).kind == FeatureKind::Category)
        .map(|(_, r)| ((r.sides.a, r.sides.b, c.feature(r.feature).category.as_str()), r))
        .collect();
    let mut out = vec![None; rows.contrasts.len()];
    for (i, r) in all_docs(rows) {
        let f = c.feature(r.feature);
        if f.kind != FeatureKind::Term {
            continue;
        }
        out[i] = match dimension(&f.category).and_then(|d| whole_of(d, &f.category)) {
            None => r.log_odds.map(|lo| Stat { delta: lo.delta, z: lo.z, p: r.z_p, within: None }),
            Some(w) => {
                wholes.get(&(r.sides.a, r.sides.b, w)).and_then(|whole| share_stat(r, whole))
            }
        };
    }
    out
}

/// A term's share of its whole, side a's against side b's: the log-odds of shares with
/// compare.csv's priors (the term's α_w; the whole's α as α₀).
fn share_stat(part: &ContrastRow, whole: &ContrastRow) -> Option<Stat> {
    let a = Side { count: part.a.count, tokens: whole.a.count };
    let b = Side { count: part.b.count, tokens: whole.b.count };
    let lo = log_odds_of_shares(a, b, part.prior?, whole.prior?)?;
    let p = normal_two_sided(lo.z);
    Some(Stat { delta: lo.delta, z: lo.z, p, within: Some((a, b)) })
}

/// The dimension of each row against the rest with a [`Stat`], if its term has one.
fn rest_dimensions(c: &Comparison, rows: &Rows, stats: &[Option<Stat>]) -> Vec<Option<u8>> {
    let of = |(r, s): (&ContrastRow, &Option<Stat>)| {
        (s.is_some() && r.sides.b.is_none())
            .then(|| dimension(&c.feature(r.feature).category))
            .flatten()
    };
    rows.contrasts.iter().zip(stats).map(of).collect()
}

/// The q-value of each row's z within its family: one outlet or group against the rest, in
/// the all-documents scope, over every term of one dimension (Benjamini-Hochberg over all of
/// them, not only the distinctive ones).
fn dimension_q(rows: &Rows, stats: &[Option<Stat>], dims: &[Option<u8>]) -> Vec<Option<f64>> {
    let mut families: BTreeMap<(u32, u8), Vec<usize>> = BTreeMap::new();
    for (i, d) in dims.iter().enumerate() {
        if let Some(d) = *d {
            families.entry((rows.contrasts[i].sides.a, d)).or_default().push(i);
        }
    }
    let mut q = vec![None; stats.len()];
    for family in families.values() {
        let p: Vec<_> = family.iter().map(|&i| stats[i].and_then(|s| s.p)).collect();
        for (&i, v) in family.iter().zip(bh(&p)) {
            q[i] = v;
        }
    }
    q
}

/// A term one outlet or group uses more than the rest.
pub(super) struct Candidate {
    group: u32,
    dimension: u8,
    feature: u32,
    /// Documents of the outlet or group with the term.
    docs: u64,
    a: Side,
    b: Side,
    stat: Stat,
    z_q: Option<f64>,
}

/// The candidates of one comparison (outlets, or groups).
#[derive(Default)]
pub(super) struct Distinctive {
    rows: Vec<Candidate>,
}

impl Distinctive {
    /// The written rows of `rows` that are distinctive: terms of a dimension, in the
    /// all-documents scope, against the rest, with z > 0 (a group's rates and its rows
    /// against the rest come in one unit).
    pub(super) fn candidates(c: &Comparison, rows: &Rows) -> Vec<Candidate> {
        let docs = |group: u32, feature: u32| {
            let r = rows
                .rates
                .iter()
                .find(|r| r.scope == ScopeKind::All && r.group == group && r.feature == feature);
            r.map_or(0, |r| r.docs_with)
        };
        let stats = term_stats(c, rows);
        let dims = rest_dimensions(c, rows, &stats);
        let q = dimension_q(rows, &stats, &dims);
        let rows = rows.contrasts.iter().zip(stats.into_iter().zip(dims).zip(q));
        rows.filter_map(|(r, ((stat, dimension), z_q))| {
            let stat = stat.filter(|s| s.z > 0.0)?;
            Some(Candidate {
                group: r.sides.a,
                dimension: dimension?,
                feature: r.feature,
                docs: docs(r.sides.a, r.feature),
                a: r.a,
                b: r.b,
                stat,
                z_q,
            })
        })
        .collect()
    }

    pub(super) fn extend(&mut self, rows: Vec<Candidate>) {
        self.rows.extend(rows);
    }

    /// Writes the rows of comparison `c`: by group, dimension, then z (highest first).
    pub(super) fn write(&mut self, t: &mut Table, c: &Comparison, style: CellStyle) -> Result<()> {
        self.rows.sort_by(|x, y| {
            (x.group, x.dimension)
                .cmp(&(y.group, y.dimension))
                .then(y.stat.z.total_cmp(&x.stat.z))
                .then(x.feature.cmp(&y.feature))
        });
        let mut real = String::new();
        let mut rank = 0u64;
        let mut block = None;
        for r in &self.rows {
            let dimension = r.dimension;
            rank = if block == Some((r.group, dimension)) { rank + 1 } else { 1 };
            block = Some((r.group, dimension));
            let f = c.feature(r.feature);
            let cells = t.cells();
            cells.raw(c.partition().name());
            cells.text(&style, c.group_name(r.group));
            cells.raw(DIMENSIONS[dimension as usize].0);
            cells.int(rank);
            cells.text(&style, &f.lexicon);
            cells.text(&style, &f.category);
            cells.text(&style, &f.term);
            cells.int(r.a.count);
            cells.int(r.docs);
            per_1k_into(&mut real, r.a.count, r.a.tokens);
            cells.raw(&real);
            cells.int(r.b.count);
            per_1k_into(&mut real, r.b.count, r.b.tokens);
            cells.raw(&real);
            for s in [r.stat.within.map(|w| w.0), r.stat.within.map(|w| w.1)] {
                real.clear();
                if let Some(s) = s {
                    share_into(&mut real, s.count, s.tokens);
                }
                cells.raw(&real);
            }
            for v in [r.stat.delta, r.stat.z] {
                fixed_into(&mut real, Some(v), STAT_DECIMALS);
                cells.raw(&real);
            }
            sci_into(&mut real, r.z_q);
            cells.raw(&real);
            t.end_row()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_come_from_the_top_level_category() {
        assert_eq!(dimension("loaded/violence"), Some(0));
        assert_eq!(dimension("label/israel-gaza/hamas"), Some(1));
        assert_eq!(dimension("attribution/doubting"), Some(2));
        assert_eq!(dimension("hedge"), Some(3));
        assert_eq!(dimension("valence/positive"), None);
        assert_eq!(dimension("loadedx"), None);
    }
}
