//! `labels.csv`: for every group (outlet, event × outlet) and every referent it names, each
//! label's count and share within the referent, overall and in authorial and quoted voice.
//! Written once at the end from the integer per-entry totals.

use super::cells::share;
use super::schema::TableSchema;
use super::table::{Closed, ReportOptions, Table};
use super::tables::scope;
use crate::aggregate::{Aggregates, GroupTotals};
use crate::error::Result;
use crate::labels::LabelSet;
use crate::lexicon::Lexicon;
use std::path::Path;

pub(super) fn write(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
    table: &TableSchema,
) -> Result<Closed> {
    let set = LabelSet::new(lex);
    let mut t = Table::create(dir, table, &[], opts)?;
    let mut counts = vec![(0u64, 0u64); set.labels().len()];
    for (k, g) in &agg.groups {
        label_counts(&set, g, &mut counts);
        let [s, e, o] = scope(k, &opts.cells);
        for range in set.referents() {
            let group = &counts[range.clone()];
            let total: u64 = group.iter().map(|c| c.0).sum();
            if total == 0 {
                continue;
            }
            let quoted: u64 = group.iter().map(|c| c.1).sum();
            let authorial = total - quoted;
            for (label, &(n, q)) in set.labels()[range].iter().zip(group) {
                t.row([
                    &s,
                    &e,
                    &o,
                    &*opts.cells.text(&label.referent),
                    &*opts.cells.text(&label.name),
                    &n.to_string(),
                    &share(n, total),
                    &(n - q).to_string(),
                    &share(n - q, authorial),
                    &q.to_string(),
                    &share(q, quoted),
                ])?;
            }
        }
    }
    t.close()
}

/// (all, quoted) hits per label of one group.
pub(super) fn label_counts(set: &LabelSet, g: &GroupTotals, out: &mut [(u64, u64)]) {
    out.iter_mut().for_each(|c| *c = (0, 0));
    for (&id, &(n, _)) in &g.entries {
        if let Some(l) = set.of(id) {
            let q = g.devices.entries_quoted.get(&id).copied().unwrap_or(0);
            out[l as usize].0 += n;
            out[l as usize].1 += q;
        }
    }
}
