//! The pipeline's sink that writes every table: a [`Reporter`] creates the streamed tables,
//! copies the rows its [`RowRenderer`] encoded on the worker threads in input order, and at
//! the end writes the aggregate and comparison tables and the manifest.

use super::cells::CellStyle;
use super::manifest::Manifest;
use super::rows::Rows;
use super::schema;
use super::table::{Closed, ReportOptions, Table};
use super::{attributions, comparison, doc_terms, documents, labels, matches};
use super::{scare_quotes, sources, tables, tone};
use crate::aggregate::Aggregates;
use crate::analysis::DocAnalysis;
use crate::collect::Collector;
use crate::compare::{COUNTS_SPILL, CompareOptions};
use crate::corpus::{Document, InputFailure};
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::pipeline::{Render, Sink};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One document's rows, rendered on a worker thread by [`Reporter`]'s [`RowRenderer`].
#[derive(Default)]
pub struct Rendered {
    documents: Rows,
    matches: Rows,
    attributions: Rows,
    doc_terms: Rows,
    scare_quotes: Rows,
    tone: Rows,
    /// (term rank, count), ascending: `doc_terms.csv`'s scratch.
    terms: Vec<(u32, u32)>,
}

/// Writes every output table into one folder.
pub struct Reporter {
    dir: PathBuf,
    lexicon: Arc<Lexicon>,
    opts: ReportOptions,
    documents: Table,
    matches: Table,
    scare_quotes: Table,
    tone: Table,
    errors: Table,
    attributions: Table,
    doc_terms: Table,
    entry_cells: Arc<matches::EntryCells>,
    term_order: Arc<doc_terms::TermOrder>,
    collector: Collector,
    compare: CompareOptions,
}

impl Reporter {
    /// Creates the streamed tables in `dir` (which must exist) and writes their headers.
    pub fn create(dir: &Path, lexicon: Arc<Lexicon>, opts: ReportOptions) -> Result<Reporter> {
        // The per-entry cells and the term order (a few milliseconds of a short run) are
        // built alongside while the files are created.
        let (entry_cells, term_order, files) = std::thread::scope(|s| {
            let cells = s.spawn(|| matches::EntryCells::new(&lexicon, &opts.cells));
            let order = doc_terms::TermOrder::new(&lexicon, &opts.cells);
            let files = Self::create_files(dir, &lexicon, &opts);
            let cells = cells.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (Arc::new(cells), Arc::new(order), files)
        });
        let [documents, matches, scare_quotes, tone, errors, attributions, doc_terms] = files?;
        let spill = dir.join(COUNTS_SPILL);
        let collector = Collector::spilled(lexicon.clone(), &spill, opts.cells)?;
        Ok(Reporter {
            dir: dir.to_path_buf(),
            lexicon,
            opts,
            documents,
            matches,
            scare_quotes,
            tone,
            errors,
            attributions,
            doc_terms,
            entry_cells,
            term_order,
            collector,
            compare: CompareOptions::default(),
        })
    }

    /// The streamed tables with their header rows: documents, matches, scare quotes, tone,
    /// errors, attributions and doc_terms.
    fn create_files(dir: &Path, lexicon: &Lexicon, opts: &ReportOptions) -> Result<[Table; 7]> {
        let top = tables::top_names(lexicon);
        let create = |s| Table::create(dir, s, &top, opts);
        Ok([
            create(&schema::DOCUMENTS)?,
            create(&schema::MATCHES)?,
            create(&schema::SCARE_QUOTES)?,
            create(&schema::TONE)?,
            create(&schema::ERRORS)?,
            create(&schema::ATTRIBUTIONS)?,
            create(&schema::DOC_TERMS)?,
        ])
    }

    /// Options of the comparison tables written at the end (default: [`CompareOptions::default`]).
    pub fn set_compare_options(&mut self, opts: CompareOptions) {
        self.compare = opts;
    }

    /// Writes the aggregate tables and the manifest, and flushes everything.
    pub fn finish(self, manifest: &Manifest) -> Result<()> {
        let streamed = [
            self.documents.close()?,
            self.matches.close()?,
            self.scare_quotes.close()?,
            self.tone.close()?,
            self.errors.close()?,
            self.attributions.close()?,
            self.doc_terms.close()?,
        ];
        // The streamed tables reach the disk (an I/O wait, in its own thread) while the
        // aggregate and comparison tables, independent files, are computed side by side.
        let (synced, (aggregates, compared)) = std::thread::scope(|s| {
            let syncing = s.spawn(|| Closed::sync_all(streamed.into()));
            let (dir, opts) = (&self.dir, &self.opts);
            let written = rayon::join(
                || aggregate_tables(dir, &self.lexicon, self.collector.aggregates(), opts),
                || {
                    let input = self.collector.compare_input();
                    comparison::write_unsynced(dir, input, &self.compare, opts)
                },
            );
            (syncing.join(), written)
        });
        synced.map_err(|_| Error::io(&self.dir, std::io::Error::other("sync thread failed")))??;
        let mut closed = aggregates?;
        closed.extend(compared?);
        Closed::sync_all(closed)?;
        self.collector.into_parts().1.remove_spill()?;
        manifest.write(&self.dir.join("manifest.json"))
    }
}

/// The aggregate tables, from the integer totals.
fn aggregate_tables(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
) -> Result<Vec<Closed>> {
    Ok(vec![
        tables::outlets(dir, lex, agg, opts)?,
        tables::categories(dir, lex, agg, opts)?,
        tables::terms(dir, lex, agg, opts)?,
        labels::write(dir, lex, agg, opts)?,
        sources::write(dir, lex, agg, opts)?,
    ])
}

/// The worker-side part of a [`Reporter`]: renders one document's rows.
pub struct RowRenderer {
    lexicon: Arc<Lexicon>,
    cells: CellStyle,
    entry_cells: Arc<matches::EntryCells>,
    term_order: Arc<doc_terms::TermOrder>,
}

impl Render for RowRenderer {
    type Output = Rendered;

    fn render(&self, doc: &Document, a: &DocAnalysis, out: &mut Rendered) {
        let (c, lex) = (&self.cells, &*self.lexicon);
        out.documents.clear();
        documents::write(&mut out.documents, lex, doc, a, c);
        out.matches.clear();
        matches::write(&mut out.matches, &self.entry_cells, doc, a, c);
        out.attributions.clear();
        attributions::write(&mut out.attributions, lex, doc, a, c);
        out.doc_terms.clear();
        doc_terms::write(&mut out.doc_terms, &mut out.terms, &self.term_order, doc, a, c);
        out.scare_quotes.clear();
        scare_quotes::write(&mut out.scare_quotes, doc, a, c);
        out.tone.clear();
        tone::write(&mut out.tone, doc, a, c);
    }
}

impl Sink for Reporter {
    type Render = RowRenderer;

    fn renderer(&self) -> RowRenderer {
        RowRenderer {
            lexicon: self.lexicon.clone(),
            cells: self.opts.cells,
            entry_cells: self.entry_cells.clone(),
            term_order: self.term_order.clone(),
        }
    }

    fn document(&mut self, doc: &Document, a: &DocAnalysis, r: &Rendered) -> Result<()> {
        self.documents.bytes(&r.documents)?;
        self.matches.bytes(&r.matches)?;
        self.attributions.bytes(&r.attributions)?;
        self.doc_terms.bytes(&r.doc_terms)?;
        self.scare_quotes.bytes(&r.scare_quotes)?;
        self.tone.bytes(&r.tone)?;
        self.collector.add(doc, a)
    }

    fn failure(&mut self, f: &InputFailure) -> Result<()> {
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
        let err = result.and_then(|()| r.matches.flush());
        let err = err.unwrap_err().to_string();
        assert!(err.contains("No space left on device"), "{err}");
        assert!(err.contains("matches.csv") || err.starts_with("x:"), "{err}");
    }
}
