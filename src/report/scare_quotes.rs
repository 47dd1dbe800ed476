//! `scare_quotes.csv`: one row per short quoted span (one to four words), streamed per
//! document, with its kind (`scare`, `attributed`, `title`), the cue that decided it, its
//! offsets and its sentence.

use super::Table;
use super::cells::CellStyle;
use crate::analysis::{DocAnalysis, Section};
use crate::corpus::Document;
use crate::error::Result;
use crate::segment::Span;

pub(super) const HEADER: [&str; 12] = [
    "doc_id",
    "outlet",
    "section",
    "sentence",
    "kind",
    "quoted",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "cue",
    "sentence_text",
];

pub(super) fn write(t: &mut Table, d: &Document, a: &DocAnalysis, c: &CellStyle) -> Result<()> {
    let id = c.text(&d.id);
    let outlet = c.text(&d.outlet);
    for (section, q) in &a.short_quotes {
        let text = match section {
            Section::Title => d.title.as_deref().unwrap_or(""),
            Section::Body => &d.text,
        };
        let cue = q.cue.map_or("", |s| &text[s.range()]);
        t.row([
            &*id,
            &*outlet,
            section.name(),
            &q.sentence.to_string(),
            q.kind.name(),
            &c.text(&text[q.bytes.range()]),
            &q.chars.start.to_string(),
            &q.chars.end.to_string(),
            &q.bytes.start.to_string(),
            &q.bytes.end.to_string(),
            &c.text(cue),
            &c.text(&sentence_window(text, q.sentence_bytes, q.bytes)),
        ])?;
    }
    Ok(())
}

/// Characters of the sentence kept on each side of the quotation.
const WINDOW: usize = 200;

/// The sentence around `quote`, on one line; cut (with `…`) to `WINDOW` characters on each
/// side, so a run-on sentence of megabytes does not repeat itself into every row.
fn sentence_window(text: &str, sentence: Span, quote: Span) -> String {
    let (s, e) = (sentence.start as usize, sentence.end as usize);
    let (qs, qe) = ((quote.start as usize).clamp(s, e), (quote.end as usize).clamp(s, e));
    let before = &text[s..qs];
    let start = before.char_indices().rev().nth(WINDOW - 1).map_or(s, |(i, _)| s + i);
    let after = &text[qe..e];
    let end = after.char_indices().nth(WINDOW).map_or(e, |(i, _)| qe + i);
    let mut out = String::new();
    if start > s {
        out.push('…');
    }
    out.push_str(&super::cells::one_line(&text[start..end]));
    if end < e {
        out.push('…');
    }
    out
}
