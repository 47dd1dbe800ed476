//! `doc_terms.csv`: for every analysed document, each lexicon entry that occurred and how
//! often (long; non-zero counts only). It is what `framelens compare` reads back, with
//! `documents.csv`, to recompute the comparison tables — including the bootstrap over
//! documents — without the texts. The same counts are kept in memory, compactly, for the
//! comparison `analyze` writes at the end.

use super::cells::CellStyle;
use super::rows::Rows;
use crate::analysis::DocAnalysis;
use crate::compare::TermKey;
use crate::corpus::Document;
use crate::lexicon::Lexicon;

/// The order of `doc_terms.csv` rows: each entry's rank among the distinct
/// (lexicon, category, term) cells; entries with the same cells share a rank (and a row).
pub(super) struct TermOrder {
    entry_rank: Vec<u32>,
    /// The cells of each rank, ascending.
    keys: Vec<TermKey>,
}

impl TermOrder {
    pub(super) fn new(lex: &Lexicon, c: &CellStyle) -> TermOrder {
        let all = (0..lex.entries().len() as u32).collect();
        let order = super::tables::entry_order(lex, |s| c.text(s), all);
        // Borrowed cells (owned only when neutralised): no allocation per entry.
        let cells: Vec<[std::borrow::Cow<str>; 3]> = lex
            .entries()
            .iter()
            .map(|e| {
                [
                    c.text(&lex.file(e.file).name),
                    c.text(&lex.category(e.category).path),
                    c.text(&e.term),
                ]
            })
            .collect();
        let mut entry_rank = vec![0; cells.len()];
        let mut keys: Vec<TermKey> = Vec::new();
        for (i, &e) in order.iter().enumerate() {
            let k = &cells[e as usize];
            if i == 0 || *k != cells[order[i - 1] as usize] {
                let [lexicon, category, term] = k.clone().map(|s| s.into_owned());
                keys.push(TermKey { lexicon, category, term });
            }
            entry_rank[e as usize] = keys.len() as u32 - 1;
        }
        TermOrder { entry_rank, keys }
    }
}

/// Renders one document's rows and leaves its (rank, count) pairs, ascending, in `terms`.
pub(super) fn write(
    out: &mut Rows,
    terms: &mut Vec<(u32, u32)>,
    order: &TermOrder,
    d: &Document,
    a: &DocAnalysis,
    c: &CellStyle,
) {
    terms.clear();
    terms.extend(a.entry_counts.iter().map(|&(e, n)| (order.entry_rank[e.index()], n)));
    terms.sort_unstable();
    terms.dedup_by(|next, kept| {
        if next.0 == kept.0 {
            kept.1 += next.1;
            true
        } else {
            false
        }
    });
    for &(rank, n) in terms.iter() {
        let k = &order.keys[rank as usize];
        out.text(c, &d.id);
        out.raw(&k.lexicon);
        out.raw(&k.category);
        out.raw(&k.term);
        out.int(n);
        out.end();
    }
}
