//! The aggregate tables, written once at the end from the integer totals:
//! `outlets.csv` (wide: one row per outlet, and per event × outlet), `categories.csv` (long:
//! every category level), `terms.csv` (long: every lexicon entry that occurred) and, through
//! `sources`, `sources.csv`.

use super::cells::{CellStyle, per_1k, per_1k_into, share, share_into};
use super::schema;
use super::table::{Closed, ReportOptions, Table};
use super::voice;
use crate::aggregate::{Aggregates, GroupKey};
use crate::error::Result;
use crate::lexicon::{CategoryId, Lexicon};
use std::path::Path;

/// The `scope`, `event` and `outlet` cells of a group.
pub(super) fn scope(k: &GroupKey, c: &CellStyle) -> [String; 3] {
    match &k.event {
        None => ["all".into(), String::new(), c.text(&k.outlet).into_owned()],
        Some(e) => ["event".into(), c.text(e).into_owned(), c.text(&k.outlet).into_owned()],
    }
}

fn count(v: &[u64], i: CategoryId) -> u64 {
    v.get(i.index()).copied().unwrap_or(0)
}

/// `outlets.csv` (or, with the groups' totals, `group_outlets.csv`: `table` names the file
/// and its key column).
pub(super) fn outlets(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
    table: &schema::TableSchema,
) -> Result<Closed> {
    let mut t = Table::create(dir, table, &top_names(lex), opts)?;
    for (k, g) in &agg.groups {
        let mut row: Vec<String> = scope(k, &opts.cells).into();
        row.extend([g.docs.to_string(), g.tokens.to_string(), g.sentences.to_string()]);
        for &top in lex.top_categories() {
            let n = count(&g.categories, top);
            row.push(n.to_string());
            row.push(per_1k(n, g.tokens));
        }
        row.push(share(g.matched_tokens, g.tokens));
        row.extend(voice::group(lex, g));
        row.extend(attribution_cells(g.attributions, &g.attribution_classes, g.tokens));
        t.row(&row)?;
    }
    t.close()
}

/// The cells of `attributions`, `attributions_per_1k` and one `<class>_share` per cue class.
pub(super) fn attribution_cells(total: u64, classes: &[u64; 6], tokens: u64) -> Vec<String> {
    let mut v = vec![total.to_string(), per_1k(total, tokens)];
    v.extend(classes.iter().map(|&n| share(n, total)));
    v
}

pub(super) fn categories(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
) -> Result<Closed> {
    let mut t = Table::create(dir, &schema::CATEGORIES, &[], opts)?;
    let mut order: Vec<_> = (0..lex.categories().len() as u32).map(CategoryId).collect();
    order.sort_by(|&a, &b| lex.category(a).path.cmp(&lex.category(b).path));
    let c = &opts.cells;
    let mut real = String::new();
    for (k, g) in &agg.groups {
        let [s, e, o] = scope(k, c);
        for &cat in &order {
            let n = count(&g.categories, cat);
            let docs = count(&g.category_docs, cat);
            let path = &lex.category(cat).path;
            let r = t.cells();
            r.raw(&s);
            r.raw(&e);
            r.raw(&o);
            r.text(c, path);
            r.int(path.matches('/').count() as u64 + 1);
            r.int(n);
            r.int(docs);
            share_into(&mut real, docs, g.docs);
            r.raw(&real);
            per_1k_into(&mut real, n, g.tokens);
            r.raw(&real);
            t.end_row()?;
        }
    }
    t.close()
}

pub(super) fn terms(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
) -> Result<Closed> {
    let mut t = Table::create(dir, &schema::TERMS, &[], opts)?;
    let c = &opts.cells;
    let rank = entry_ranks(lex, agg);
    let mut real = String::new();
    let mut entries = Vec::new();
    for (k, g) in &agg.groups {
        let [s, e, o] = scope(k, c);
        entries.clear();
        entries.extend(g.entries.iter().map(|(&id, &counts)| (rank[id.index()], id, counts)));
        entries.sort_unstable();
        for &(_, id, (n, docs)) in &entries {
            let entry = lex.entry(id);
            let r = t.cells();
            r.raw(&s);
            r.raw(&e);
            r.raw(&o);
            r.text(c, &lex.file(entry.file).name);
            r.text(c, &lex.category(entry.category).path);
            r.text(c, &entry.term);
            r.text(c, entry.lemma.as_deref().unwrap_or(""));
            r.int(n);
            r.int(docs);
            per_1k_into(&mut real, n, g.tokens);
            r.raw(&real);
            t.end_row()?;
        }
    }
    t.close()
}

/// The position in (lexicon, category, term, id) order of each entry that occurs in `agg`
/// (only those are sorted: a short run's few, not the whole lexicon).
fn entry_ranks(lex: &Lexicon, agg: &Aggregates) -> Vec<u32> {
    let mut occurring: Vec<u32> =
        agg.groups.values().flat_map(|g| g.entries.keys().map(|id| id.index() as u32)).collect();
    occurring.sort_unstable();
    occurring.dedup();
    let order = entry_order(lex, std::borrow::Cow::Borrowed, occurring);
    let mut rank = vec![0; lex.entries().len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    rank
}

/// `entries` (indices) in (lexicon, category, term, id) order of the forms `cell` gives the
/// names: files and categories are ranked once, so sorting the entries compares integers
/// and, within one category, terms.
pub(super) fn entry_order<'a>(
    lex: &'a Lexicon,
    cell: impl Fn(&'a str) -> std::borrow::Cow<'a, str>,
    mut entries: Vec<u32>,
) -> Vec<u32> {
    let files: Vec<_> = lex.files().iter().map(|f| cell(&f.name)).collect();
    let categories: Vec<_> = lex.categories().iter().map(|c| cell(&c.path)).collect();
    let (files, categories) = (dense_ranks(&files), dense_ranks(&categories));
    let terms: Vec<_> = lex.entries().iter().map(|e| cell(&e.term)).collect();
    let key = |i: u32| {
        let e = &lex.entries()[i as usize];
        (files[e.file.index()], categories[e.category.index()], &terms[i as usize], i)
    };
    entries.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)));
    entries
}

/// Each key's rank among the distinct keys, ascending (equal keys share a rank).
fn dense_ranks<T: Ord>(keys: &[T]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_unstable_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut rank = vec![0; keys.len()];
    let mut r = 0;
    for (i, &k) in order.iter().enumerate() {
        if i > 0 && keys[k] != keys[order[i - 1]] {
            r += 1;
        }
        rank[k] = r;
    }
    rank
}

/// The names of the top-level categories, for the headers.
pub(super) fn top_names(lex: &Lexicon) -> Vec<&str> {
    lex.top_categories().iter().map(|&top| &*lex.category(top).path).collect()
}
