//! `sources.csv`: per outlet (and per event × outlet), how often each resolved source is
//! attributed with each cue class — long and flat, so "which verbs does each outlet use for
//! whom" is one pivot table away.

use super::cells::share;
use super::schema::TableSchema;
use super::table::{Closed, ReportOptions, Table};
use super::tables::scope;
use crate::aggregate::Aggregates;
use crate::attribution::CueClass;
use crate::error::Result;
use crate::lexicon::Lexicon;
use std::collections::BTreeMap;
use std::path::Path;

pub(super) fn write(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
    table: &TableSchema,
) -> Result<Closed> {
    let mut t = Table::create(dir, table, &[], opts)?;
    for (k, g) in &agg.groups {
        let [s, e, o] = scope(k, &opts.cells);
        // (source, class) → (count, docs); categories with the same last level merge.
        let mut rows: BTreeMap<(&str, &str), (u64, u64)> = BTreeMap::new();
        let mut per_source: BTreeMap<&str, u64> = BTreeMap::new();
        for ((source, cat), &(n, docs)) in &g.sources {
            let class = cat.map_or(CueClass::Neutral.name(), |c| lex.class_name(c));
            let r = rows.entry((&**source, class)).or_default();
            r.0 += n;
            r.1 += docs;
            *per_source.entry(&**source).or_default() += n;
        }
        for ((source, class), (n, docs)) in rows {
            let of_source = per_source.get(source).copied().unwrap_or(0);
            t.row([
                &s,
                &e,
                &o,
                &*opts.cells.text(source),
                &*opts.cells.text(class),
                &n.to_string(),
                &docs.to_string(),
                &share(n, of_source),
                &share(n, g.attributions),
            ])?;
        }
    }
    t.close()
}
