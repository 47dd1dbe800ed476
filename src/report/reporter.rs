//! The pipeline's sink that writes every table: a [`Reporter`] creates the streamed tables,
//! copies the rows its [`RowRenderer`] encoded on the worker threads in input order, and at
//! the end writes the aggregate and comparison tables, `report.html` and the manifest.

use super::cells::CellStyle;
use super::html::{self, ReportLevel, gather::Gathered};
use super::manifest::Manifest;
use super::rows::Rows;
use super::schema;
use super::schema::Hits;
use super::table::{Closed, ReportOptions, Table};
use super::{attributions, boilerplate, comparison, doc_terms, documents, labels, matches};
use super::{scare_quotes, sources, tables, tone};
use crate::aggregate::Aggregates;
use crate::analysis::DocAnalysis;
use crate::collect::Collector;
use crate::compare::{COUNTS_SPILL, CompareOptions, DocColumns};
use crate::corpus::{Document, InputFailure};
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::pipeline::{Render, Sink};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The streamed tables of one document's rows, in the order of [`Rendered`]'s rows.
pub(super) const STREAMED: [&schema::TableSchema; 6] = [
    &schema::DOCUMENTS,
    &schema::MATCHES,
    &schema::ATTRIBUTIONS,
    &schema::DOC_TERMS,
    &schema::SCARE_QUOTES,
    &schema::TONE,
];

/// One document's rows, rendered on a worker thread by [`Reporter`]'s [`RowRenderer`].
#[derive(Default)]
pub struct Rendered {
    /// Per table of [`STREAMED`].
    rows: [Rows; 6],
    /// (term rank, count), ascending: `doc_terms.csv`'s scratch.
    terms: Vec<(u32, u32)>,
}

/// Writes every output table into one folder.
pub struct Reporter {
    dir: PathBuf,
    lexicon: Arc<Lexicon>,
    opts: ReportOptions,
    /// The tables of [`STREAMED`] (`doc_terms.csv` only when written).
    streamed: [Option<Table>; 6],
    errors: Table,
    entry_cells: Arc<matches::EntryCells>,
    term_order: Arc<doc_terms::TermOrder>,
    collector: Collector,
    compare: CompareOptions,
    /// Whether `finish` also writes the shard state `framelens merge` reads.
    shard: bool,
    columns: Arc<DocColumns>,
    /// What `report.html` keeps of the documents.
    gathered: Gathered,
    boilerplate: Arc<crate::boilerplate::Boilerplate>,
}

impl Reporter {
    /// Creates the streamed tables in `dir` (which must exist) and writes their headers.
    pub fn create(dir: &Path, lexicon: Arc<Lexicon>, opts: ReportOptions) -> Result<Reporter> {
        Reporter::create_with_columns(dir, lexicon, opts, DocColumns::default())
    }

    /// [`Reporter::create`] with input columns carried into `documents.csv` and documents
    /// grouped as `columns` says (the group tables then compare the groups).
    pub fn create_with_columns(
        dir: &Path,
        lexicon: Arc<Lexicon>,
        opts: ReportOptions,
        columns: DocColumns,
    ) -> Result<Reporter> {
        let columns = Arc::new(columns);
        // The per-entry cells and the term order (a few milliseconds of a short run) are
        // built alongside while the files are created.
        let (entry_cells, term_order, files) = std::thread::scope(|s| {
            let cells =
                s.spawn(|| matches::EntryCells::new(&lexicon, &opts.cells, opts.hits.details));
            let order = doc_terms::TermOrder::new(&lexicon, &opts.cells);
            let files = Self::create_files(dir, &lexicon, &opts, &columns.header());
            let cells = cells.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (Arc::new(cells), Arc::new(order), files)
        });
        let (streamed, errors) = files?;
        let spill = dir.join(COUNTS_SPILL);
        let collector =
            Collector::spilled(lexicon.clone(), &spill, opts.cells)?.grouped(columns.clone());
        let gathered = Gathered::new(&lexicon, opts.html == ReportLevel::Full);
        Ok(Reporter {
            dir: dir.to_path_buf(),
            lexicon,
            opts,
            streamed,
            errors,
            entry_cells,
            term_order,
            collector,
            compare: CompareOptions::default(),
            shard: false,
            columns,
            gathered,
            boilerplate: Arc::default(),
        })
    }

    /// The streamed tables with their header rows: those of [`STREAMED`], and errors.
    fn create_files(
        dir: &Path,
        lexicon: &Lexicon,
        opts: &ReportOptions,
        more: &[&str],
    ) -> Result<([Option<Table>; 6], Table)> {
        let top = tables::top_names(lexicon);
        let create = |s| Table::create(dir, s, &top, opts);
        let [_, b, c, d, e, f] = STREAMED.map(|s| opts.writes(s.file).then(|| create(s)));
        let a = Table::create_with(dir, &schema::DOCUMENTS, &top, more, opts);
        let [b, c, d, e, f] = [b, c, d, e, f].map(Option::transpose);
        Ok(([Some(a?), b?, c?, d?, e?, f?], create(&schema::ERRORS)?))
    }

    /// What the comparison reads, as collected so far.
    pub fn compare_input(&self) -> &crate::compare::CompareInput {
        self.collector.compare_input()
    }

    /// Options of the comparison tables written at the end (default: [`CompareOptions::default`]).
    pub fn set_compare_options(&mut self, opts: CompareOptions) {
        self.compare = opts;
    }

    /// Also write `shard.json`, the integer totals `framelens merge` sums (`analyze --shard`).
    pub fn write_shard_state(&mut self, shard: bool) {
        self.shard = shard;
    }

    /// The boilerplate lines to list in `boilerplate.csv` (none unless set).
    pub fn set_boilerplate(&mut self, boilerplate: Arc<crate::boilerplate::Boilerplate>) {
        self.boilerplate = boilerplate;
    }

    /// Writes the aggregate tables and the manifest, and flushes everything.
    pub fn finish(self, manifest: &Manifest) -> Result<()> {
        let mut streamed = Vec::with_capacity(7);
        for t in self.streamed.into_iter().flatten().chain([self.errors]) {
            streamed.push(t.close()?);
        }
        // The streamed tables reach the disk (an I/O wait, in its own thread) while the
        // aggregate and comparison tables, independent files, are computed side by side.
        let (synced, (aggregates, compared)) = std::thread::scope(|s| {
            let syncing = s.spawn(|| Closed::sync_all(streamed));
            let (dir, opts) = (&self.dir, &self.opts);
            let written = rayon::join(
                || {
                    let agg = self.collector.aggregates();
                    let by_event = self.compare.by_event;
                    let mut closed = aggregate_tables(dir, &self.lexicon, agg, opts, by_event)?;
                    closed.push(boilerplate::write(dir, &self.boilerplate, opts)?);
                    Ok::<_, Error>(closed)
                },
                || {
                    let input = self.collector.compare_input();
                    comparison::write_unsynced(dir, input, &self.compare, opts)
                },
            );
            (syncing.join(), written)
        });
        synced.map_err(|_| Error::io(&self.dir, std::io::Error::other("sync thread failed")))??;
        let (compared, kept) = compared?;
        let mut closed = aggregates?;
        closed.extend(compared);
        Closed::sync_all(closed)?;
        if self.shard {
            super::shard::write_state(&self.dir, self.collector.aggregates())?;
        }
        if let Some(kept) = kept {
            let analysis = html::Analysis {
                lex: &self.lexicon,
                agg: self.collector.aggregates(),
                gathered: &self.gathered,
            };
            let input = self.collector.compare_input();
            let model = html::Model::new("analyze", self.opts.html, input, kept, Some(analysis));
            html::write(&self.dir, &model)?;
        }
        self.collector.into_parts().1.remove_spill()?;
        manifest.write(&self.dir.join("manifest.json"))
    }
}

/// The aggregate tables, from the integer totals: `outlets.csv` with every group, the long
/// tables with the event × outlet groups only when `by_event`; then the same writers, keyed
/// by group, write the `group_` counterparts (header only when documents are not grouped).
pub(super) fn aggregate_tables(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
    by_event: bool,
) -> Result<Vec<Closed>> {
    let long = long_groups(agg, by_event);
    let groups = agg.of_groups();
    let groups_long = long_groups(&groups, by_event);
    Ok(vec![
        tables::outlets(dir, lex, agg, opts, &schema::OUTLETS)?,
        tables::categories(dir, lex, &long, opts)?,
        tables::terms(dir, lex, &long, opts)?,
        labels::write(dir, lex, &long, opts, &schema::LABELS)?,
        sources::write(dir, lex, &long, opts, &schema::SOURCES)?,
        tables::outlets(dir, lex, &groups, opts, &schema::GROUP_OUTLETS)?,
        labels::write(dir, lex, &groups_long, opts, &schema::GROUP_LABELS)?,
        sources::write(dir, lex, &groups_long, opts, &schema::GROUP_SOURCES)?,
    ])
}

/// The groups the long tables list: all of `agg` when `by_event`, else the all-events ones.
fn long_groups(agg: &Aggregates, by_event: bool) -> std::borrow::Cow<'_, Aggregates> {
    if by_event {
        return std::borrow::Cow::Borrowed(agg);
    }
    let groups = agg.groups.iter().filter(|(k, _)| k.event.is_none());
    let groups = groups.map(|(k, t)| (k.clone(), t.clone())).collect();
    std::borrow::Cow::Owned(Aggregates { groups, by_group: Default::default() })
}

/// The worker-side part of a [`Reporter`]: renders one document's rows.
pub struct RowRenderer {
    lexicon: Arc<Lexicon>,
    cells: CellStyle,
    /// Characters of context in `matches.csv` (0: none) and what else it holds.
    context: (usize, Hits),
    entry_cells: Arc<matches::EntryCells>,
    term_order: Arc<doc_terms::TermOrder>,
    /// Whether `doc_terms.csv` is written.
    doc_terms: bool,
    columns: Arc<DocColumns>,
}

impl Render for RowRenderer {
    type Output = Rendered;

    fn render(&self, doc: &Document, a: &DocAnalysis, out: &mut Rendered) {
        let (c, lex) = (&self.cells, &*self.lexicon);
        out.rows.iter_mut().for_each(Rows::clear);
        let [documents, matches, attributions, doc_terms, scare_quotes, tone] = &mut out.rows;
        let more = self.columns.cells(&doc.outlet, &doc.extra);
        documents::write(documents, lex, doc, a, c, &more);
        matches::write(matches, &self.entry_cells, doc, a, c, self.context);
        let details = self.context.1.details;
        attributions::write(attributions, (lex, doc, a), c, details);
        if self.doc_terms {
            doc_terms::write(doc_terms, &mut out.terms, &self.term_order, doc, a, c);
        }
        scare_quotes::write(scare_quotes, doc, a, c, (self.context.0 > 0, details));
        tone::write(tone, doc, a, c);
    }
}

impl Sink for Reporter {
    type Render = RowRenderer;

    fn renderer(&self) -> RowRenderer {
        RowRenderer {
            lexicon: self.lexicon.clone(),
            cells: self.opts.cells,
            context: (self.opts.context, self.opts.hits),
            entry_cells: self.entry_cells.clone(),
            term_order: self.term_order.clone(),
            doc_terms: self.opts.doc_terms,
            columns: self.columns.clone(),
        }
    }

    fn document(&mut self, doc: &Document, a: &DocAnalysis, r: &Rendered) -> Result<()> {
        for (table, rows) in self.streamed.iter_mut().zip(&r.rows) {
            if let Some(table) = table {
                table.bytes(rows)?;
            }
        }
        if self.opts.html != ReportLevel::None {
            self.gathered.add(&self.lexicon, doc, a);
        }
        self.collector.add(doc, a)
    }

    fn failure(&mut self, f: &InputFailure) -> Result<()> {
        self.gathered.failed += 1;
        let c = &self.opts.cells;
        let id = f.doc_id.as_deref().unwrap_or("");
        self.errors.row([
            &*c.text(&f.input),
            &*c.text(&f.location),
            &*c.text(id),
            &*c.text(&f.reason),
        ])
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::lexicon::LexiconBuilder;

    /// A full disk under a streamed table surfaces as an error naming the file, not a panic
    /// and not a silently short table.
    #[test]
    fn a_full_disk_is_an_error_naming_the_table() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/dev/full", dir.path().join("matches.csv")).unwrap();
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        b.add_text("l.csv", "l", "pattern,category\nfiasco,loaded\n").unwrap();
        let lex = Arc::new(b.build());
        let analyzer = crate::Analyzer::new(lex.clone(), crate::Sections::default());
        let mut r = Reporter::create(dir.path(), lex, ReportOptions::default()).unwrap();
        let doc = Document {
            id: "d".into(),
            outlet: "A".into(),
            text: "A fiasco. ".repeat(2000),
            ..Document::default()
        };
        let a = analyzer.analyze(&doc, &mut crate::Scratch::new());
        let mut rendered = Rendered::default();
        r.renderer().render(&doc, &a, &mut rendered);
        let mut result = Ok(());
        for _ in 0..20 {
            result = result.and_then(|()| r.document(&doc, &a, &rendered));
        }
        let err = result.and_then(|()| r.streamed[1].as_mut().unwrap().flush());
        let err = err.unwrap_err().to_string();
        assert!(err.contains("No space left on device"), "{err}");
        assert!(err.contains("matches.csv") || err.starts_with("x:"), "{err}");
    }
}
