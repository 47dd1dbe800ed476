//! The aggregate tables, written once at the end from the integer totals:
//! `outlets.csv` (wide: one row per outlet, and per event × outlet), `categories.csv` (long:
//! every category level), `terms.csv` (long: every lexicon entry that occurred) and, through
//! `sources`, `sources.csv`.

use super::cells::{CellStyle, per_1k, per_1k_into, share, share_into};
use super::{Closed, ReportOptions, Table, voice};
use crate::aggregate::{Aggregates, GroupKey};
use crate::attribution::CueClass;
use crate::error::Result;
use crate::lexicon::Lexicon;
use std::path::Path;

pub(super) fn write_all(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
) -> Result<Vec<Closed>> {
    Ok(vec![
        outlets(dir, lex, agg, opts)?,
        categories(dir, lex, agg, opts)?,
        terms(dir, lex, agg, opts)?,
        super::labels::write(dir, lex, agg, opts)?,
        super::sources::write(dir, lex, agg, opts)?,
    ])
}

/// The `scope`, `event` and `outlet` cells of a group.
pub(super) fn scope(k: &GroupKey, c: &CellStyle) -> [String; 3] {
    match &k.event {
        None => ["all".into(), String::new(), c.text(&k.outlet).into_owned()],
        Some(e) => ["event".into(), c.text(e).into_owned(), c.text(&k.outlet).into_owned()],
    }
}

fn count(v: &[u64], i: u32) -> u64 {
    v.get(i as usize).copied().unwrap_or(0)
}

fn outlets(dir: &Path, lex: &Lexicon, agg: &Aggregates, opts: &ReportOptions) -> Result<Closed> {
    let mut t = Table::create(dir, "outlets.csv", opts)?;
    let mut header: Vec<String> =
        ["scope", "event", "outlet", "docs", "tokens", "sentences"].map(String::from).into();
    for &top in lex.top_categories() {
        let name = &lex.category(top).path;
        header.push(format!("{name}_count"));
        header.push(format!("{name}_per_1k"));
    }
    header.push("coverage".into());
    header.extend(voice::header(lex));
    header.extend(attribution_columns());
    t.row(&header)?;
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

/// `attributions`, `attributions_per_1k` and one `<class>_share` per cue class.
pub(super) fn attribution_columns() -> impl Iterator<Item = String> {
    ["attributions".to_string(), "attributions_per_1k".to_string()]
        .into_iter()
        .chain(CueClass::ALL.iter().map(|c| format!("{}_share", c.name())))
}

/// The cells of [`attribution_columns`].
pub(super) fn attribution_cells(total: u64, classes: &[u64; 6], tokens: u64) -> Vec<String> {
    let mut v = vec![total.to_string(), per_1k(total, tokens)];
    v.extend(classes.iter().map(|&n| share(n, total)));
    v
}

fn categories(dir: &Path, lex: &Lexicon, agg: &Aggregates, opts: &ReportOptions) -> Result<Closed> {
    let mut t = Table::create(dir, "categories.csv", opts)?;
    t.row([
        "scope",
        "event",
        "outlet",
        "category",
        "level",
        "count",
        "docs",
        "docs_share",
        "per_1k",
    ])?;
    let mut order: Vec<u32> = (0..lex.categories().len() as u32).collect();
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

fn terms(dir: &Path, lex: &Lexicon, agg: &Aggregates, opts: &ReportOptions) -> Result<Closed> {
    let mut t = Table::create(dir, "terms.csv", opts)?;
    t.row([
        "scope", "event", "outlet", "lexicon", "category", "term", "lemma", "count", "docs",
        "per_1k",
    ])?;
    let c = &opts.cells;
    let rank = entry_ranks(lex);
    let mut real = String::new();
    let mut entries = Vec::new();
    for (k, g) in &agg.groups {
        let [s, e, o] = scope(k, c);
        entries.clear();
        entries.extend(g.entries.iter().map(|(&id, &counts)| (rank[id as usize], id, counts)));
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

/// Each entry's position in (lexicon, category, term, id) order.
pub(super) fn entry_ranks(lex: &Lexicon) -> Vec<u32> {
    let key = |id: u32| {
        let e = lex.entry(id);
        (&lex.file(e.file).name, &lex.category(e.category).path, &e.term, id)
    };
    let mut order: Vec<u32> = (0..lex.entries().len() as u32).collect();
    order.sort_by(|&a, &b| key(a).cmp(&key(b)));
    let mut rank = vec![0; order.len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    rank
}
