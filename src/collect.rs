//! Collecting a run's results as values, without writing a file: a [`Collector`] folds every
//! document into the per-outlet [`Aggregates`] and into the comparison's [`CompareInput`]
//! (term counts keyed by ids interned from the lexicon's names), and can keep each
//! document's analysis. It is a [`Sink`] of [`pipeline`](crate::pipeline), so documents
//! held in memory are analysed serially or on the rayon pool and collected in input order;
//! the report's `Reporter` writes the tables from one.

use crate::aggregate::Aggregates;
use crate::analysis::DocAnalysis;
use crate::compare::{CompareInput, CompareOptions, Comparison, DocColumns};
use crate::corpus::{Document, InputFailure};
use crate::error::Result;
use crate::lexicon::Lexicon;
use crate::pipeline::{NoRender, Sink};
use crate::util::CellStyle;
use std::path::Path;
use std::sync::Arc;

/// Aggregates and comparison input of the documents added (and their analyses, if kept).
pub struct Collector {
    lexicon: Arc<Lexicon>,
    pub(crate) aggregates: Aggregates,
    pub(crate) input: CompareInput,
    /// Term id in `input` of each lexicon entry (`u32::MAX` until first seen).
    entry_term: Vec<u32>,
    /// One document's (term id, count) pairs.
    pairs: Vec<(u32, u32)>,
    analyses: Option<Vec<(String, DocAnalysis)>>,
    failures: Vec<InputFailure>,
    /// How documents are grouped (`--group-by`, `--groups`).
    columns: Arc<DocColumns>,
}

impl Collector {
    /// Nothing collected yet; term counts are held in memory.
    pub fn new(lexicon: Arc<Lexicon>) -> Collector {
        Collector::with_input(lexicon, CompareInput::new())
    }

    /// Term counts wait in a new spill file at `path` (see [`CompareInput::spilled`]); names
    /// are ordered as `shown` shows them in the tables.
    pub(crate) fn spilled(
        lexicon: Arc<Lexicon>,
        path: &Path,
        shown: CellStyle,
    ) -> Result<Collector> {
        let mut input = CompareInput::spilled(path)?;
        input.shown_as(shown);
        Ok(Collector::with_input(lexicon, input))
    }

    fn with_input(lexicon: Arc<Lexicon>, input: CompareInput) -> Collector {
        Collector {
            entry_term: vec![u32::MAX; lexicon.entries().len()],
            lexicon,
            aggregates: Aggregates::new(),
            input,
            pairs: Vec::new(),
            analyses: None,
            failures: Vec::new(),
            columns: Arc::default(),
        }
    }

    /// Groups documents as `columns` says: the comparison then also compares the groups.
    pub fn grouped(mut self, columns: Arc<DocColumns>) -> Collector {
        self.columns = columns;
        self
    }

    /// Also keeps every document's id and analysis ([`Collector::analyses`]).
    pub fn keep_analyses(mut self) -> Collector {
        self.analyses = Some(Vec::new());
        self
    }

    /// Adds one analysed document.
    pub fn add(&mut self, doc: &Document, a: &DocAnalysis) -> Result<()> {
        self.aggregates.add(doc, a);
        self.pairs.clear();
        for &(entry, n) in &a.entry_counts {
            let slot = &mut self.entry_term[entry.index()];
            if *slot == u32::MAX {
                let (lex, e) = (&*self.lexicon, self.lexicon.entry(entry));
                *slot = self.input.term_id(
                    &lex.file(e.file).name,
                    &lex.category(e.category).path,
                    &e.term,
                );
            }
            self.pairs.push((*slot, n));
        }
        let tokens = u64::from(a.tokens);
        let group = self.columns.group(&doc.outlet, &doc.extra);
        if let Some(group) = group {
            self.aggregates.add_to_group(group, doc, a);
        }
        let event = doc.event.as_deref();
        self.input.add_grouped_document(&doc.outlet, event, group, tokens, &self.pairs)?;
        let mut stance = [0u32; 7];
        stance[0] = a.attributions.len() as u32;
        for c in a.attributions.iter().filter_map(|at| at.class) {
            stance[c.index() + 1] += 1;
        }
        self.input.set_stance(stance);
        if let Some(kept) = &mut self.analyses {
            kept.push((doc.id.clone(), a.clone()));
        }
        Ok(())
    }

    /// Per outlet, and per event × outlet, totals.
    pub fn aggregates(&self) -> &Aggregates {
        &self.aggregates
    }

    /// What the comparison reads.
    pub fn compare_input(&self) -> &CompareInput {
        &self.input
    }

    /// The comparison of the outlets with `opts`: rates and comparison rows as values.
    pub fn compare(&self, opts: &CompareOptions) -> Result<Comparison<'_>> {
        Comparison::new(&self.input, opts)
    }

    /// Each document's id and analysis, in input order (with [`Collector::keep_analyses`]).
    pub fn analyses(&self) -> &[(String, DocAnalysis)] {
        self.analyses.as_deref().unwrap_or_default()
    }

    /// The records that could not be analysed (when used as a [`Sink`]).
    pub fn failures(&self) -> &[InputFailure] {
        &self.failures
    }

    /// The aggregates and the comparison input.
    pub fn into_parts(self) -> (Aggregates, CompareInput) {
        (self.aggregates, self.input)
    }
}

impl Sink for Collector {
    type Render = NoRender;

    fn renderer(&self) -> NoRender {
        NoRender
    }

    fn document(&mut self, doc: &Document, a: &DocAnalysis, _: &()) -> Result<()> {
        self.add(doc, a)
    }

    fn failure(&mut self, f: &InputFailure) -> Result<()> {
        self.failures.push(f.clone());
        Ok(())
    }
}
