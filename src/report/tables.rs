//! The aggregate tables, written once at the end from the integer totals:
//! `outlets.csv` (wide: one row per outlet, and per event × outlet), `categories.csv` (long:
//! every category level), `terms.csv` (long: every lexicon entry that occurred) and, through
//! `sources`, `sources.csv`.

use super::cells::{CellStyle, per_1k, share};
use super::{ReportOptions, Table, voice};
use crate::aggregate::{Aggregates, GroupKey, GroupTotals};
use crate::attribution::CueClass;
use crate::error::Result;
use crate::lexicon::Lexicon;
use std::path::Path;

pub(super) fn write_all(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
) -> Result<()> {
    outlets(dir, lex, agg, opts)?;
    categories(dir, lex, agg, opts)?;
    terms(dir, lex, agg, opts)?;
    super::labels::write(dir, lex, agg, opts)?;
    super::sources::write(dir, lex, agg, opts)
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

fn outlets(dir: &Path, lex: &Lexicon, agg: &Aggregates, opts: &ReportOptions) -> Result<()> {
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
    t.finish()
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

fn categories(dir: &Path, lex: &Lexicon, agg: &Aggregates, opts: &ReportOptions) -> Result<()> {
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
    for (k, g) in &agg.groups {
        let [s, e, o] = scope(k, &opts.cells);
        for &cat in &order {
            let n = count(&g.categories, cat);
            let docs = count(&g.category_docs, cat);
            let level = lex.category(cat).path.matches('/').count() + 1;
            t.row([
                &s,
                &e,
                &o,
                &*opts.cells.text(&lex.category(cat).path),
                &level.to_string(),
                &n.to_string(),
                &docs.to_string(),
                &share(docs, g.docs),
                &per_1k(n, g.tokens),
            ])?;
        }
    }
    t.finish()
}

fn terms(dir: &Path, lex: &Lexicon, agg: &Aggregates, opts: &ReportOptions) -> Result<()> {
    let mut t = Table::create(dir, "terms.csv", opts)?;
    t.row([
        "scope", "event", "outlet", "lexicon", "category", "term", "lemma", "count", "docs",
        "per_1k",
    ])?;
    for (k, g) in &agg.groups {
        let [s, e, o] = scope(k, &opts.cells);
        for (id, (n, docs)) in sorted_entries(lex, g) {
            let entry = lex.entry(id);
            t.row([
                &s,
                &e,
                &o,
                &*opts.cells.text(&lex.file(entry.file).name),
                &*opts.cells.text(&lex.category(entry.category).path),
                &opts.cells.text(&entry.term),
                &opts.cells.text(entry.lemma.as_deref().unwrap_or("")),
                &n.to_string(),
                &docs.to_string(),
                &per_1k(n, g.tokens),
            ])?;
        }
    }
    t.finish()
}

/// Entries of a group in (lexicon, category, term) order.
fn sorted_entries(lex: &Lexicon, g: &GroupTotals) -> Vec<(u32, (u64, u64))> {
    let mut v: Vec<_> = g.entries.iter().map(|(&id, &c)| (id, c)).collect();
    v.sort_by(|a, b| {
        let (ea, eb) = (lex.entry(a.0), lex.entry(b.0));
        (&lex.file(ea.file).name, &lex.category(ea.category).path, &ea.term, a.0).cmp(&(
            &lex.file(eb.file).name,
            &lex.category(eb.category).path,
            &eb.term,
            b.0,
        ))
    });
    v
}
