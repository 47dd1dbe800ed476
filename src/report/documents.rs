//! `documents.csv`: one row per analysed document, with a count and a rate per 1,000 tokens
//! for every top-level category, and lexicon coverage; then the same by voice, scare quotes
//! and tone (`voice`); then the attribution rate and cue-class shares.

use super::cells::{CellStyle, per_1k, share};
use super::rows::Rows;
use super::voice;
use crate::analysis::DocAnalysis;
use crate::corpus::Document;
use crate::lexicon::Lexicon;

/// An optional field's cell.
pub(super) fn o(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// Renders one document's row.
/// `more`: the cells of the input columns carried along (`--keep`, the group).
pub(super) fn write(
    out: &mut Rows,
    lex: &Lexicon,
    d: &Document,
    a: &DocAnalysis,
    c: &CellStyle,
    more: &[&str],
) {
    out.text(c, &d.id);
    out.text(c, &d.outlet);
    out.text(c, o(&d.event));
    out.text(c, o(&d.title));
    out.text(c, o(&d.date));
    out.text(c, o(&d.url));
    out.int(a.tokens);
    out.int(a.sentences);
    let tokens = u64::from(a.tokens);
    for &top in lex.top_categories() {
        let n = u64::from(a.category_counts[top.index()]);
        out.int(n);
        out.raw(&per_1k(n, tokens));
    }
    out.raw(&share(u64::from(a.matched_tokens), tokens));
    out.flag(d.repaired);
    for cell in voice::document(lex, a) {
        out.raw(&cell);
    }
    let mut classes = [0u64; 6];
    for at in &a.attributions {
        if let Some(c) = at.class {
            classes[c.index()] += 1;
        }
    }
    let n = a.attributions.len() as u64;
    for cell in super::tables::attribution_cells(n, &classes, tokens) {
        out.raw(&cell);
    }
    more.iter().for_each(|m| out.text(c, m));
    out.end();
}
