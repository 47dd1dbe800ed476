//! `doc_terms.csv`: for every analysed document, each lexicon entry that occurred and how
//! often (long; non-zero counts only). It is what `framelens compare` reads back, with
//! `documents.csv`, to recompute the comparison tables — including the bootstrap over
//! documents — without the texts. The same counts are kept in memory, compactly, for the
//! comparison `analyze` writes at the end.

use super::Table;
use super::cells::CellStyle;
use crate::analysis::DocAnalysis;
use crate::compare::CompareInput;
use crate::corpus::Document;
use crate::error::Result;
use crate::lexicon::Lexicon;

pub(super) const HEADER: [&str; 5] = ["doc_id", "lexicon", "category", "term", "count"];

/// Streams `doc_terms.csv` and collects the comparison input.
#[derive(Default)]
pub(super) struct DocTerms {
    /// Term id of each lexicon entry, `u32::MAX` until first seen.
    entry_term: Vec<u32>,
    /// (term id, count) of the current document.
    buf: Vec<(u32, u32)>,
    pub(super) input: CompareInput,
}

impl DocTerms {
    pub(super) fn add(
        &mut self,
        t: &mut Table,
        lex: &Lexicon,
        d: &Document,
        a: &DocAnalysis,
        c: &CellStyle,
    ) -> Result<()> {
        if self.entry_term.len() < lex.entries().len() {
            self.entry_term.resize(lex.entries().len(), u32::MAX);
        }
        self.buf.clear();
        for &(entry, n) in &a.entry_counts {
            let slot = &mut self.entry_term[entry as usize];
            if *slot == u32::MAX {
                let e = lex.entry(entry);
                *slot = self.input.term_id(
                    &c.text(&lex.file(e.file).name),
                    &c.text(&lex.category(e.category).path),
                    &c.text(&e.term),
                );
            }
            self.buf.push((*slot, n));
        }
        // Rows in (lexicon, category, term) order; entries with the same key are one term.
        let terms = &self.input.terms;
        self.buf.sort_unstable_by(|x, y| terms[x.0 as usize].cmp(&terms[y.0 as usize]));
        self.buf.dedup_by(|next, kept| {
            if next.0 == kept.0 {
                kept.1 += next.1;
                true
            } else {
                false
            }
        });
        let id = c.text(&d.id);
        for &(term, n) in &self.buf {
            let k = &terms[term as usize];
            t.row([&*id, &k.lexicon, &k.category, &k.term, &n.to_string()])?;
        }
        let event = d.event.as_deref().map(|e| c.text(e));
        self.input.add_document(
            &c.text(&d.outlet),
            event.as_deref(),
            u64::from(a.tokens),
            &self.buf,
        );
        Ok(())
    }
}
