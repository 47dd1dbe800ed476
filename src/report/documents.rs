//! `documents.csv`: one row per analysed document, with a count and a rate per 1,000 tokens
//! for every top-level category, and lexicon coverage; then the same by voice, scare quotes
//! and tone (`voice`); then the attribution rate and cue-class shares.

use super::Table;
use super::cells::{CellStyle, per_1k, share};
use super::voice;
use crate::analysis::DocAnalysis;
use crate::corpus::Document;
use crate::error::Result;
use crate::lexicon::Lexicon;

pub(super) fn header(lex: &Lexicon) -> Vec<String> {
    let mut h: Vec<String> =
        ["doc_id", "outlet", "event", "title", "date", "url", "tokens", "sentences"]
            .map(String::from)
            .into();
    for &top in lex.top_categories() {
        let name = &lex.category(top).path;
        h.push(format!("{name}_count"));
        h.push(format!("{name}_per_1k"));
    }
    h.push("coverage".into());
    h.push("repaired".into());
    h.extend(voice::header(lex));
    h.extend(super::tables::attribution_columns());
    h
}

pub(super) fn write(
    t: &mut Table,
    lex: &Lexicon,
    d: &Document,
    a: &DocAnalysis,
    c: &CellStyle,
) -> Result<()> {
    let o = |v: &Option<String>| c.text(v.as_deref().unwrap_or("")).into_owned();
    let mut row = vec![
        c.text(&d.id).into_owned(),
        c.text(&d.outlet).into_owned(),
        o(&d.event),
        o(&d.title),
        o(&d.date),
        o(&d.url),
        a.tokens.to_string(),
        a.sentences.to_string(),
    ];
    let tokens = u64::from(a.tokens);
    for &top in lex.top_categories() {
        let n = u64::from(a.category_counts[top as usize]);
        row.push(n.to_string());
        row.push(per_1k(n, tokens));
    }
    row.push(share(u64::from(a.matched_tokens), tokens));
    row.push(if d.repaired { "1" } else { "0" }.into());
    row.extend(voice::document(lex, a));
    let mut classes = [0u64; 6];
    for at in &a.attributions {
        if let Some(c) = at.class {
            classes[c.index()] += 1;
        }
    }
    row.extend(super::tables::attribution_cells(a.attributions.len() as u64, &classes, tokens));
    t.row(&row)
}
