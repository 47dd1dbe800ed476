//! `distinctive.csv`: for every outlet and group, the terms of each framing dimension it uses
//! more than the rest of the corpus, ranked by the log-odds z of `compare.csv` (the same
//! statistics: the rows against the rest in the all-documents scope, with their support,
//! `--min-count`), with q-values within each dimension. A dimension is a lexicon's top-level category — loaded language, labels,
//! reporting verbs (attribution cues), hedges — so a term of one dimension never appears in
//! another's block; valence and boosters feed tone and are left out.

use super::cells::{CellStyle, STAT_DECIMALS, fixed_into, per_1k_into, sci_into};
use super::table::Table;
use crate::compare::{Comparison, FeatureKind, Rows, ScopeKind, Side};
use crate::error::Result;
use crate::stats::fdr::bh;
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

/// A term one outlet or group uses more than the rest.
pub(super) struct Candidate {
    group: u32,
    dimension: u8,
    feature: u32,
    /// Documents of the outlet or group with the term.
    docs: u64,
    a: Side,
    b: Side,
    delta: f64,
    z: f64,
    z_q: Option<f64>,
}

/// The q-value of each contrast row's z within its family: one outlet or group against the
/// rest, in the all-documents scope, over every term of one dimension (Benjamini-Hochberg over
/// all of them, not only the distinctive ones); `None` for the rows outside a family.
fn dimension_q(c: &Comparison, rows: &Rows) -> Vec<Option<f64>> {
    let mut families: BTreeMap<(u32, u8), Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.contrasts.iter().enumerate() {
        let f = c.feature(r.feature);
        if r.sides.scope == ScopeKind::All && r.sides.b.is_none() && f.kind == FeatureKind::Term {
            if let Some(d) = dimension(&f.category) {
                families.entry((r.sides.a, d)).or_default().push(i);
            }
        }
    }
    let mut q = vec![None; rows.contrasts.len()];
    for family in families.values() {
        let p: Vec<_> = family.iter().map(|&i| rows.contrasts[i].z_p).collect();
        for (&i, v) in family.iter().zip(bh(&p)) {
            q[i] = v;
        }
    }
    q
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
        let q = dimension_q(c, rows);
        rows.contrasts
            .iter()
            .zip(q)
            .filter(|(r, _)| r.sides.scope == ScopeKind::All && r.sides.b.is_none())
            .filter_map(|(r, z_q)| {
                let f = c.feature(r.feature);
                let lo = r.log_odds.filter(|l| l.z > 0.0)?;
                let dimension = dimension(&f.category).filter(|_| f.kind == FeatureKind::Term)?;
                Some(Candidate {
                    group: r.sides.a,
                    dimension,
                    feature: r.feature,
                    docs: docs(r.sides.a, r.feature),
                    a: r.a,
                    b: r.b,
                    delta: lo.delta,
                    z: lo.z,
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
                .then(y.z.total_cmp(&x.z))
                .then(x.feature.cmp(&y.feature))
        });
        let mut real = String::new();
        let mut rank = 0u64;
        let mut block = None;
        for r in &self.rows {
            rank = if block == Some((r.group, r.dimension)) { rank + 1 } else { 1 };
            block = Some((r.group, r.dimension));
            let f = c.feature(r.feature);
            let cells = t.cells();
            cells.raw(c.partition().name());
            cells.text(&style, c.group_name(r.group));
            cells.raw(DIMENSIONS[r.dimension as usize].0);
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
            for v in [r.delta, r.z] {
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
