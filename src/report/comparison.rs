//! The comparison tables `compare.csv`, `rates.csv` and `compare_paired.csv` (outlets),
//! their `group_` counterparts (the same rows of the groups' [`Comparison`]) and
//! `distinctive.csv` (from the rows against the rest of both): the rows of a [`Comparison`]
//! (values keyed by ids) rendered to CSV bytes on the worker threads, names looked up and
//! shown in the run's [`CellStyle`], and written in order.

use super::cells::{CellStyle, STAT_DECIMALS, fixed_into, sci_into};
use super::distinctive::Distinctive;
use super::html::{
    self, ReportLevel,
    kept::{Kept, KeptRows, named_stance},
};
use super::rows::Rows as Encoded;
use super::schema::{self, TableSchema};
use super::table::{Closed, ReportOptions, Table};
use crate::compare::{
    CompareInput, CompareOptions, Comparison, ContrastRow, Feature, FeatureKind, PairedRow,
    RateRow, Regrouping, Rows, ScopeKind, StanceRow,
};
use crate::error::Result;
use crate::stats::per_1k;
use std::fmt::Write;
use std::path::Path;

/// Writes the comparison tables of `input` into `dir` and, unless `report.html` is
/// `none`, the page of a comparison without texts; waits until they are on disk.
pub fn write_comparison(
    dir: &Path,
    input: &CompareInput,
    opts: &CompareOptions,
    report: &ReportOptions,
) -> Result<()> {
    let (closed, kept) = write_unsynced(dir, input, opts, report)?;
    Closed::sync_all(closed)?;
    if let Some(kept) = kept {
        let model = html::Model::new("compare", report.html, input, kept, None);
        html::write(dir, &model)?;
    }
    Ok(())
}

/// `group_outlets.csv`, `group_labels.csv` and `group_sources.csv` of a comparison of the
/// analysis folder `source` (see `tables::group_outlets_of_folder`,
/// `labels::group_labels_of_folder`, `sources::group_sources_of_folder`), on disk when it
/// returns.
pub fn write_group_tables(
    source: &Path,
    dir: &Path,
    input: &CompareInput,
    opts: &CompareOptions,
    report: &ReportOptions,
) -> Result<()> {
    let r = Regrouping { source, input, map: &opts.groups, by_event: opts.by_event };
    let outlets = super::tables::group_outlets_of_folder(&r, dir, report)?;
    let labels = super::labels::group_labels_of_folder(&r, dir, report)?;
    let sources = super::sources::group_sources_of_folder(&r, dir, report)?;
    Closed::sync_all(vec![outlets, labels, sources])
}

/// [`write_comparison`]'s tables without waiting for the disk: the caller syncs the
/// returned files. Also returns the rows `report.html` shows, unless it is `none`.
pub(crate) fn write_unsynced(
    dir: &Path,
    input: &CompareInput,
    opts: &CompareOptions,
    report: &ReportOptions,
) -> Result<(Vec<Closed>, Option<KeptRows>)> {
    let outlets = Comparison::new(input, opts)?;
    let groups = Comparison::of_groups(input, opts)?;
    let mut distinctive = Distinctive::default();
    // The page shows the outlets' rows, and the groups'.
    let page = report.html != ReportLevel::None;
    let mut kept = page.then(Kept::default);
    let mut kept_groups = page.then(Kept::default);
    let outlet_tables = &schema::COMPARISON[..3];
    let mut closed =
        write_partition(dir, &outlets, outlet_tables, report, &mut distinctive, kept.as_mut())?;
    let mut table = Table::create(dir, &schema::DISTINCTIVE, &[], report)?;
    distinctive.write(&mut table, &outlets, report.cells)?;
    let mut stance = Table::create(dir, &schema::STANCE, &[], report)?;
    let stance_rows = outlets.stance();
    write_stance(&mut stance, &outlets, &stance_rows, report.cells)?;
    let shares = named_stance(&outlets, &stance_rows);
    let mut group_shares = Vec::new();
    let mut group_tables = schema::COMPARISON[4..7].iter();
    match &groups {
        Some(g) => {
            let mut d = Distinctive::default();
            let tables = &schema::COMPARISON[4..7];
            closed.extend(write_partition(dir, g, tables, report, &mut d, kept_groups.as_mut())?);
            d.write(&mut table, g, report.cells)?;
            let rows = g.stance();
            write_stance(&mut stance, g, &rows, report.cells)?;
            group_shares = named_stance(g, &rows);
        }
        // Without groups, their tables hold only a header row.
        None => group_tables.try_for_each(|s| {
            closed.push(Table::create(dir, s, &[], report)?.close()?);
            Ok::<_, crate::error::Error>(())
        })?,
    }
    closed.push(table.close()?);
    closed.push(stance.close()?);
    let kept = kept.map(|k| KeptRows {
        outlets: k.named(&outlets),
        groups: groups.as_ref().zip(kept_groups).map(|(g, k)| k.named(g)),
        stance: shares,
        group_stance: group_shares,
    });
    Ok((closed, kept))
}

/// The rows of `stance.csv` of one partition.
fn write_stance(t: &mut Table, c: &Comparison, rows: &[StanceRow], style: CellStyle) -> Result<()> {
    let mut row = Row::new(&schema::STANCE, style);
    let mut out = Encoded::new();
    for r in rows {
        let v = &r.vs_rest;
        row.raw(0, c.partition().name());
        row.text(1, c.group_name(r.group));
        row.raw(2, r.class.name());
        row.int(3, r.docs);
        row.int(4, v.a.tokens);
        row.int(5, v.a.count);
        row.real(6, share(v.a));
        row.real(7, r.interval.map(|i| i.0));
        row.real(8, r.interval.map(|i| i.1));
        row.int(9, u64::from(r.replicates));
        row.int(10, v.b.tokens);
        row.int(11, v.b.count);
        row.real(12, share(v.b));
        row.statistics(13, v);
        row.write(&mut out);
    }
    t.bytes(&out)
}

/// count / tokens of a side (here attributions).
fn share(s: crate::compare::Side) -> Option<f64> {
    (s.tokens > 0).then(|| s.count as f64 / s.tokens as f64)
}

/// Writes one partition's comparison into the tables of `schemas` (compare, rates, paired),
/// keeping in `distinctive` its rows against the rest and in `kept` the rows the page shows.
fn write_partition(
    dir: &Path,
    comparison: &Comparison,
    schemas: &[&TableSchema],
    report: &ReportOptions,
    distinctive: &mut Distinctive,
    mut kept: Option<&mut Kept>,
) -> Result<Vec<Closed>> {
    let create = |s| Table::create(dir, s, &[], report);
    let mut compare = create(schemas[0])?;
    let mut rates = create(schemas[1])?;
    let mut paired = create(schemas[2])?;
    let render = Render { c: comparison, style: report.cells, report };
    let keep = kept.is_some();
    comparison.run(
        |rows| {
            let candidates = Distinctive::candidates(comparison, &rows);
            let shown = keep.then(|| Kept::select(comparison, &rows));
            (render.rows(&rows), candidates, shown)
        },
        |([c, r, p], candidates, shown)| {
            distinctive.extend(candidates);
            if let (Some(kept), Some(shown)) = (kept.as_deref_mut(), shown) {
                kept.extend(shown);
            }
            compare.bytes(&c)?;
            rates.bytes(&r)?;
            paired.bytes(&p)
        },
    )?;
    Ok(vec![compare.close()?, rates.close()?, paired.close()?])
}

/// Renders rows of one comparison.
struct Render<'c> {
    c: &'c Comparison<'c>,
    style: CellStyle,
    report: &'c ReportOptions,
}

impl Render<'_> {
    /// One unit's rows: the bytes of `compare.csv`, `rates.csv` and `compare_paired.csv`.
    /// Rows of the tone inputs' terms are left out unless `--tone-terms` (see
    /// [`ReportOptions::tone_terms`]): only here, after every statistic is computed.
    fn rows(&self, rows: &Rows) -> [Encoded; 3] {
        let mut out = [Encoded::new(), Encoded::new(), Encoded::new()];
        if !rows.contrasts.is_empty() {
            let mut row = Row::new(&schema::COMPARE, self.style);
            let written = rows.contrasts.iter().filter(|r| self.writes(r.feature));
            written.for_each(|r| self.contrast(&mut row, r, &mut out[0]));
        }
        if !rows.rates.is_empty() {
            let mut row = Row::new(&schema::RATES, self.style);
            let written = rows.rates.iter().filter(|r| self.writes(r.feature));
            written.for_each(|r| self.rate(&mut row, r, &mut out[1]));
        }
        if !rows.paired.is_empty() {
            let mut row = Row::new(&schema::COMPARE_PAIRED, self.style);
            let written = rows.paired.iter().filter(|r| self.writes(r.feature));
            written.for_each(|r| self.paired(&mut row, r, &mut out[2]));
        }
        out
    }

    /// Whether the rows of feature `f` are written.
    fn writes(&self, f: u32) -> bool {
        let f = self.c.feature(f);
        f.kind == FeatureKind::Category || self.report.writes_term_of(&f.category)
    }

    /// `scope` and `event` from column 0.
    fn scope(&self, row: &mut Row, scope: ScopeKind) {
        match scope {
            ScopeKind::All => {
                row.raw(0, "all");
                row.raw(1, "");
            }
            ScopeKind::Event(e) => {
                row.raw(0, "event");
                row.text(1, self.c.event_name(e));
            }
        }
    }

    fn rate(&self, row: &mut Row, r: &RateRow, out: &mut Encoded) {
        // The cells naming the group are the same for a unit's rows: written once.
        if row.head != Some((r.scope, r.group, None)) {
            row.head = Some((r.scope, r.group, None));
            self.scope(row, r.scope);
            row.text(2, self.c.group_name(r.group));
            row.int(7, r.docs);
            row.int(8, r.tokens);
            row.int(14, u64::from(r.replicates));
        }
        row.feature(3, self.c.feature(r.feature));
        row.int(9, r.count);
        row.int(10, r.docs_with);
        row.real(11, r.per_1k);
        row.real(12, r.interval.map(|i| i.0));
        row.real(13, r.interval.map(|i| i.1));
        row.write(out);
    }

    fn contrast(&self, row: &mut Row, r: &ContrastRow, out: &mut Encoded) {
        let s = &r.sides;
        // The cells naming the comparison are the same for a unit's rows: written once.
        if row.head != Some((s.scope, s.a, s.b)) {
            row.head = Some((s.scope, s.a, s.b));
            self.scope(row, s.scope);
            row.raw(2, if s.b.is_some() { "pair" } else { "rest" });
            row.text(3, self.c.group_name(s.a));
            row.text(4, s.b.map_or("", |b| self.c.group_name(b)));
            row.int(9, s.docs_a);
            row.int(13, s.docs_b);
        }
        row.feature(5, self.c.feature(r.feature));
        row.int(10, r.a.tokens);
        row.int(11, r.a.count);
        row.real(12, per_1k(r.a.count, r.a.tokens));
        row.int(14, r.b.tokens);
        row.int(15, r.b.count);
        row.real(16, per_1k(r.b.count, r.b.tokens));
        row.statistics(17, r);
        row.write(out);
    }

    fn paired(&self, row: &mut Row, r: &PairedRow, out: &mut Encoded) {
        row.text(0, self.c.group_name(r.a));
        row.text(1, self.c.group_name(r.b));
        row.feature(2, self.c.feature(r.feature));
        row.int(6, r.events);
        row.int(7, r.a_higher);
        row.int(8, r.b_higher);
        row.int(9, r.events - r.a_higher - r.b_higher);
        row.real(10, Some(r.mean_a));
        row.real(11, Some(r.mean_b));
        row.prob(12, Some(r.p));
        row.prob(13, r.q);
        row.write(out);
    }
}

/// A reusable row of cells.
struct Row {
    cells: Vec<String>,
    style: CellStyle,
    /// The scope and groups its naming cells hold.
    head: Option<(ScopeKind, u32, Option<u32>)>,
}

impl Row {
    fn new(schema: &TableSchema, style: CellStyle) -> Row {
        Row { cells: vec![String::new(); schema.columns.len()], style, head: None }
    }
    fn raw(&mut self, i: usize, s: &str) {
        self.cells[i].clear();
        self.cells[i].push_str(s);
    }
    fn text(&mut self, i: usize, s: &str) {
        let t = self.style.text(s);
        self.raw(i, &t);
    }
    fn int(&mut self, i: usize, v: u64) {
        self.cells[i].clear();
        let _ = write!(self.cells[i], "{v}");
    }
    fn real(&mut self, i: usize, v: Option<f64>) {
        fixed_into(&mut self.cells[i], v, STAT_DECIMALS);
    }
    fn prob(&mut self, i: usize, v: Option<f64>) {
        sci_into(&mut self.cells[i], v);
    }
    /// `prior, log_odds, se, z, z_p, z_q, g2, g2_p, g2_q` of `r` from column `i`.
    fn statistics(&mut self, i: usize, r: &ContrastRow) {
        self.real(i, r.prior);
        self.real(i + 1, r.log_odds.map(|l| l.delta));
        self.real(i + 2, r.log_odds.map(|l| l.se));
        self.real(i + 3, r.log_odds.map(|l| l.z));
        self.prob(i + 4, r.z_p);
        self.prob(i + 5, r.z_q);
        self.real(i + 6, r.g2);
        self.prob(i + 7, r.g2_p);
        self.prob(i + 8, r.g2_q);
    }

    /// `kind, lexicon, category, term` from column `i`.
    fn feature(&mut self, i: usize, f: &Feature) {
        self.raw(i, f.kind.name());
        self.text(i + 1, &f.lexicon);
        self.text(i + 2, &f.category);
        self.text(i + 3, &f.term);
    }
    fn write(&self, out: &mut Encoded) {
        out.row(&self.cells);
    }
}
