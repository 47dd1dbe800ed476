//! Writing the comparison tables. Rows are produced scope by scope (all documents, then each
//! event by name); within a scope, a chunk of groups (or of pairs) is rendered to bytes in
//! parallel (each group's bootstrap from its own seeded stream) and written in order. Only one
//! scope's sums and one chunk's rows are in memory at a time, plus the per-event sums the
//! paired summary needs.

use super::CompareOptions;
use super::contrast::{ContrastRow, contrast};
use super::features::{Feature, FeatureKind};
use super::paired::{EventSums, paired};
use super::scopes::{DocCounts, GroupSums, Prepared, Scope, ScopeKind};
use super::support::{row_supported, supports};
use crate::error::Result;
use crate::report::cells::{CellStyle, STAT_DECIMALS, fixed_into, sci_into};
use crate::report::rows::Rows;
use crate::report::schema;
use crate::report::{Closed, ReportOptions, Table};
use crate::stats::bootstrap::{Sample, SplitMix64, ratio_intervals};
use crate::stats::fdr::bh;
use crate::stats::logodds::Side;
use rayon::prelude::*;
use std::fmt::Write;
use std::path::Path;

/// Groups (or pairs) of a scope computed together, in parallel, before their rows are written.
const GROUPS_PER_CHUNK: usize = 32;

/// Coverage of the bootstrap intervals, and the quantiles that bound them.
pub(crate) const CONFIDENCE: f64 = 0.95;
const QUANTILES: (f64, f64) = (0.025, 0.975);

/// A reusable row of cells.
struct Row {
    cells: Vec<String>,
    style: CellStyle,
}

impl Row {
    fn new(n: usize, style: CellStyle) -> Row {
        Row { cells: vec![String::new(); n], style }
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
    /// `kind, lexicon, category, term` from column `i`.
    fn feature(&mut self, i: usize, f: &Feature) {
        self.raw(i, f.kind.name());
        self.text(i + 1, &f.lexicon);
        self.text(i + 2, &f.category);
        self.text(i + 3, &f.term);
    }
    fn write(&self, out: &mut Rows) {
        out.row(&self.cells);
    }
}

fn rate(count: u64, tokens: u64) -> Option<f64> {
    (tokens > 0).then(|| count as f64 * 1000.0 / tokens as f64)
}

fn scope_cells<'p>(p: &'p Prepared, kind: ScopeKind) -> (&'static str, &'p str) {
    match kind {
        ScopeKind::All => ("all", ""),
        ScopeKind::Event(e) => ("event", &p.events[e as usize]),
    }
}

pub(super) fn write(
    dir: &Path,
    p: &Prepared,
    opts: &CompareOptions,
    report: &ReportOptions,
) -> Result<Vec<Closed>> {
    let mut compare = Table::create(dir, &schema::COMPARE, &[], report)?;
    let mut rates = Table::create(dir, &schema::RATES, &[], report)?;
    let mut by_event: Vec<Vec<EventSums>> = vec![Vec::new(); p.groups.len()];
    // Kept for the paired summary only when it is written (see `write_paired`).
    let paired = opts.compares_pairs(p.groups.len());
    let style = report.cells;
    // The next scope's sums are read and added up while this scope's rows are computed,
    // so neither worker waits on that serial pass over the documents.
    let mut kinds = p.scope_kinds();
    let mut next = kinds.next().map(|k| p.scope(k));
    while let Some(scope) = next.take() {
        let scope = scope?;
        let following = kinds.next();
        let (prepared, written) = rayon::join(
            || following.map(|k| p.scope(k)),
            || {
                let tables = (&mut compare, &mut rates);
                write_scope(tables, &mut by_event, p, &scope, paired, opts, style)
            },
        );
        written?;
        next = prepared;
    }
    Ok(vec![compare.close()?, rates.close()?, write_paired(dir, p, &by_event, opts, report)?])
}

/// One scope's rates and comparison rows, written in order, and its per-event sums for the
/// paired summary (when `paired`).
fn write_scope(
    (compare, rates): (&mut Table, &mut Table),
    by_event: &mut [Vec<EventSums>],
    p: &Prepared,
    scope: &Scope,
    paired: bool,
    opts: &CompareOptions,
    style: CellStyle,
) -> Result<()> {
    let kind = scope.kind;
    let live: Vec<&GroupSums> = scope.groups.iter().filter(|g| g.tokens > 0).collect();
    let rest = live.len() >= 2;
    // Each group's rates (with its bootstrap, the costly part) and its comparison with
    // the rest, groups in parallel, a chunk at a time, written in order.
    for chunk in scope.groups.chunks(GROUPS_PER_CHUNK) {
        let rendered: Vec<(Rows, Rows)> = chunk
            .par_iter()
            .map(|g| {
                let mut r = Rows::new();
                write_rates(
                    &mut r,
                    &mut Row::new(schema::RATES.columns.len(), style),
                    p,
                    scope,
                    g,
                    opts,
                )?;
                let mut c = Rows::new();
                if rest && g.tokens > 0 {
                    let mut row = Row::new(schema::COMPARE.columns.len(), style);
                    write_rest(&mut c, &mut row, p, scope, g, opts);
                }
                Ok((r, c))
            })
            .collect::<Result<_>>()?;
        for (r, c) in &rendered {
            rates.bytes(r)?;
            compare.bytes(c)?;
        }
    }
    if opts.compares_pairs(live.len()) {
        let pairs: Vec<(usize, usize)> =
            (0..live.len()).flat_map(|i| (i + 1..live.len()).map(move |j| (i, j))).collect();
        for chunk in pairs.chunks(GROUPS_PER_CHUNK) {
            let rendered: Vec<Rows> = chunk
                .par_iter()
                .map(|&(i, j)| {
                    let mut c = Rows::new();
                    let mut row = Row::new(schema::COMPARE.columns.len(), style);
                    write_pair(&mut c, &mut row, p, scope, live[i], live[j], opts);
                    c
                })
                .collect();
            for c in &rendered {
                compare.bytes(c)?;
            }
        }
    }
    if let (ScopeKind::Event(e), true) = (kind, paired) {
        for g in &scope.groups {
            let counts = scope
                .features
                .iter()
                .filter(|&&f| g.counts[f as usize] > 0)
                .map(|&f| (f, g.counts[f as usize]))
                .collect();
            by_event[g.group as usize].push(EventSums { event: e, tokens: g.tokens, counts });
        }
    }
    Ok(())
}

fn write_rates(
    t: &mut Rows,
    row: &mut Row,
    p: &Prepared,
    scope: &Scope,
    g: &GroupSums,
    opts: &CompareOptions,
) -> Result<()> {
    let mut local = vec![u32::MAX; p.table.features.len()];
    let min = opts.min_count;
    let supported = |f: u32| {
        let side = Side { count: g.counts[f as usize], tokens: g.tokens };
        supports(side, scope.pooled[f as usize], scope.tokens, min)
    };
    // Bootstrap only the written features the group uses; the others are 0 in every
    // replicate. The draws depend only on the documents, so each interval is the same
    // whichever other features are bootstrapped with it.
    let used: Vec<u32> = scope
        .features
        .iter()
        .copied()
        .filter(|&f| g.counts[f as usize] > 0 && supported(f))
        .collect();
    for (i, &f) in used.iter().enumerate() {
        local[f as usize] = i as u32;
    }
    // Without replicates no document needs reading.
    let mut sample = Sample::new(used.len());
    if opts.bootstrap > 0 {
        let mut buf = DocCounts::default();
        for &d in &g.docs {
            p.doc_counts(d, &mut buf)?;
            let counts = buf.features.iter().map(|&(f, n)| (local[f as usize], n));
            sample.push(p.tokens(d), counts.filter(|&(l, _)| l != u32::MAX));
        }
    }
    let (scope_name, event) = scope_cells(p, scope.kind);
    let group = &p.groups[g.group as usize];
    let key = format!("{scope_name}\u{1f}{event}\u{1f}{group}");
    let mut rng = SplitMix64::for_stream(opts.seed, key.as_bytes());
    let boot = ratio_intervals(&sample, opts.bootstrap, 1000.0, QUANTILES, &mut rng);
    row.raw(0, scope_name);
    row.text(1, event);
    row.text(2, group);
    row.int(7, g.docs.len() as u64);
    row.int(8, g.tokens);
    row.int(14, u64::from(boot.valid));
    for &f in scope.features.iter().filter(|&&f| supported(f)) {
        let n = g.counts[f as usize];
        row.feature(3, &p.table.features[f as usize]);
        row.int(9, n);
        row.int(10, g.docs_with[f as usize]);
        row.real(11, rate(n, g.tokens));
        let iv = if n > 0 {
            boot.intervals[local[f as usize] as usize].map(|i| (i.low, i.high))
        } else {
            (boot.valid > 0).then_some((0.0, 0.0))
        };
        row.real(12, iv.map(|i| i.0));
        row.real(13, iv.map(|i| i.1));
        row.write(t);
    }
    Ok(())
}

/// The cells that name a comparison: scope, event, `comparison`, outlet_a, outlet_b (empty
/// against the rest) and docs_a.
fn comparison_cells(
    row: &mut Row,
    p: &Prepared,
    scope: &Scope,
    comparison: &str,
    (a, b): (&GroupSums, Option<&GroupSums>),
) {
    let (scope_name, event) = scope_cells(p, scope.kind);
    row.raw(0, scope_name);
    row.text(1, event);
    row.raw(2, comparison);
    row.text(3, &p.groups[a.group as usize]);
    row.text(4, b.map_or("", |b| &p.groups[b.group as usize]));
    row.int(9, a.docs.len() as u64);
}

/// The rows of group `g` against the rest of its scope.
fn write_rest(
    t: &mut Rows,
    row: &mut Row,
    p: &Prepared,
    scope: &Scope,
    g: &GroupSums,
    opts: &CompareOptions,
) {
    comparison_cells(row, p, scope, "rest", (g, None));
    let rows = contrast(
        &scope.features,
        &p.table.features,
        g.tokens,
        scope.tokens - g.tokens,
        |f| g.counts[f as usize],
        |f| scope.pooled[f as usize] - g.counts[f as usize],
        |f| scope.pooled[f as usize],
        scope.tokens,
        opts.prior_strength,
    );
    row.int(13, scope.docs - g.docs.len() as u64);
    write_contrast_rows(t, row, &p.table.features, &rows, false, opts.min_count);
}

/// The rows of group `a` against group `b` (a before b).
fn write_pair(
    t: &mut Rows,
    row: &mut Row,
    p: &Prepared,
    scope: &Scope,
    a: &GroupSums,
    b: &GroupSums,
    opts: &CompareOptions,
) {
    comparison_cells(row, p, scope, "pair", (a, Some(b)));
    // A pair is compared on the features either side uses: a feature neither uses carries
    // no evidence, and leaving it out keeps it out of the q-value family.
    let used: Vec<u32> = scope
        .features
        .iter()
        .copied()
        .filter(|&f| a.counts[f as usize] > 0 || b.counts[f as usize] > 0)
        .collect();
    let rows = contrast(
        &used,
        &p.table.features,
        a.tokens,
        b.tokens,
        |f| a.counts[f as usize],
        |f| b.counts[f as usize],
        |f| scope.pooled[f as usize],
        scope.tokens,
        opts.prior_strength,
    );
    row.int(13, b.docs.len() as u64);
    write_contrast_rows(t, row, &p.table.features, &rows, true, opts.min_count);
}

fn write_contrast_rows(
    t: &mut Rows,
    row: &mut Row,
    features: &[Feature],
    rows: &[ContrastRow],
    b_is_outlet: bool,
    min_count: u64,
) {
    for r in rows.iter().filter(|r| row_supported(r.a, r.b, b_is_outlet, min_count)) {
        row.feature(5, &features[r.feature as usize]);
        row.int(10, r.a.tokens);
        row.int(11, r.a.count);
        row.real(12, rate(r.a.count, r.a.tokens));
        row.int(14, r.b.tokens);
        row.int(15, r.b.count);
        row.real(16, rate(r.b.count, r.b.tokens));
        row.real(17, r.prior);
        row.real(18, r.log_odds.map(|l| l.delta));
        row.real(19, r.log_odds.map(|l| l.se));
        row.real(20, r.log_odds.map(|l| l.z));
        row.prob(21, r.z_p);
        row.prob(22, r.z_q);
        row.real(23, r.g2);
        row.prob(24, r.g2_p);
        row.prob(25, r.g2_q);
        row.write(t);
    }
}

fn write_paired(
    dir: &Path,
    p: &Prepared,
    by_event: &[Vec<EventSums>],
    opts: &CompareOptions,
    report: &ReportOptions,
) -> Result<Closed> {
    let mut t = Table::create(dir, &schema::COMPARE_PAIRED, &[], report)?;
    if !opts.compares_pairs(p.groups.len()) {
        return t.close();
    }
    let mut row = Row::new(schema::COMPARE_PAIRED.columns.len(), report.cells);
    let mut out = Rows::new();
    let features = &p.table.features;
    for a in 0..p.groups.len() {
        for b in a + 1..p.groups.len() {
            let (events, rows) = paired(&by_event[a], &by_event[b]);
            if events == 0 {
                continue;
            }
            let mut q = vec![None; rows.len()];
            for kind in [FeatureKind::Category, FeatureKind::Term] {
                let family: Vec<usize> = (0..rows.len())
                    .filter(|&i| features[rows[i].feature as usize].kind == kind)
                    .collect();
                let fq = bh(&family.iter().map(|&i| Some(rows[i].p)).collect::<Vec<_>>());
                for (k, &i) in family.iter().enumerate() {
                    q[i] = fq[k];
                }
            }
            row.text(0, &p.groups[a]);
            row.text(1, &p.groups[b]);
            row.int(6, events);
            let written =
                rows.iter().zip(q).filter(|(r, _)| r.count_a + r.count_b >= opts.min_count);
            for (r, q) in written {
                row.feature(2, &features[r.feature as usize]);
                row.int(7, r.a_higher);
                row.int(8, r.b_higher);
                row.int(9, events - r.a_higher - r.b_higher);
                row.real(10, Some(r.mean_a));
                row.real(11, Some(r.mean_b));
                row.prob(12, Some(r.p));
                row.prob(13, q);
                row.write(&mut out);
            }
            t.bytes(&out)?;
            out.clear();
        }
    }
    t.close()
}
