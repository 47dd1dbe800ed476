//! The aggregate tables, written once at the end from the integer totals:
//! `outlets.csv` (wide: one row per outlet, and per event × outlet), `categories.csv` (long:
//! every category level), `terms.csv` (long: every lexicon entry that occurred, the tone
//! inputs' only with `--tone-terms`) and, through `sources`, `sources.csv`.

use super::cells::{CellStyle, per_1k_into, share_into};
use super::profile::{Profile, ProfileColumns};
use super::schema;
use super::table::{Closed, ReportOptions, Table};
use crate::aggregate::{Aggregates, GroupKey};
use crate::compare::Regrouping;
use crate::error::{Error, Result};
use crate::lexicon::{CategoryId, Lexicon};
use std::collections::BTreeMap;
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
    let rows = agg.groups.iter().map(|(k, g)| (k, g.docs, Profile::of_group(lex, g)));
    write_profiles(dir, &top_names(lex), rows, opts, table)
}

/// A table shaped as `outlets.csv`: per group, its documents and its profile.
fn write_profiles<'k>(
    dir: &Path,
    tops: &[&str],
    rows: impl Iterator<Item = (&'k GroupKey, u64, Profile)>,
    opts: &ReportOptions,
    table: &schema::TableSchema,
) -> Result<Closed> {
    let mut t = Table::create(dir, table, tops, opts)?;
    for (k, docs, profile) in rows {
        let mut row: Vec<String> = scope(k, &opts.cells).into();
        row.extend([docs.to_string(), profile.tokens.to_string(), profile.sentences.to_string()]);
        row.extend(profile.counts());
        row.extend(profile.voice());
        t.row(&row)?;
    }
    t.close()
}

/// `group_outlets.csv` of `framelens compare`: the profiles of the documents' rows of
/// `source`'s `documents.csv`, summed per group of `input` (and per event × group), so a
/// grouping chosen after the analysis gets the voice split, tone and headline score too.
/// Header only when documents are not grouped.
pub(crate) fn group_outlets_of_folder(
    r: &Regrouping,
    dir: &Path,
    opts: &ReportOptions,
) -> Result<Closed> {
    let (input, map) = (r.input, r.map);
    let path = r.source.join("documents.csv");
    let header = crate::compare::input_header(&path)?;
    let columns = ProfileColumns::new(&header).map_err(|message| Error::Input {
        path: format!("{}:1", path.display()),
        message: format!("{message}: written by an older framelens; run analyze again"),
    })?;
    let mut groups: BTreeMap<GroupKey, (u64, Profile)> = BTreeMap::new();
    let mut doc = 0;
    crate::compare::read_input_table(&path, &columns.names(), |line, cells| {
        let at = |message| Error::input_at(&path, line, message);
        let profile = columns.read(cells).map_err(at)?;
        if let Some(group) = input.group_name(doc, map) {
            let mut add = |event: Option<&str>| {
                let key = GroupKey { event: event.map(str::to_string), outlet: group.to_string() };
                let (docs, sum) = groups.entry(key).or_default();
                *docs += 1;
                sum.add(&profile);
            };
            add(None);
            if let Some(e) = input.event_name(doc) {
                add(Some(e));
            }
        }
        doc += 1;
        Ok(())
    })?;
    let tops: Vec<&str> = columns.tops.iter().map(String::as_str).collect();
    let rows = groups.iter().map(|(k, (docs, p))| (k, *docs, p.clone()));
    write_profiles(dir, &tops, rows, opts, &schema::GROUP_OUTLETS)
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
    let writes: Vec<bool> =
        lex.entries().iter().map(|e| opts.writes_term_of(&lex.category(e.category).path)).collect();
    let mut real = String::new();
    let mut entries = Vec::new();
    for (k, g) in &agg.groups {
        let [s, e, o] = scope(k, c);
        entries.clear();
        let written = g.entries.iter().filter(|(id, _)| writes[id.index()]);
        entries.extend(written.map(|(&id, &counts)| (rank[id.index()], id, counts)));
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
