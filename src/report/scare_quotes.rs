//! `scare_quotes.csv`: one row per short quoted span (one to four words), streamed per
//! document, with its kind (`scare`, `attributed`, `title`), the cue that decided it, its
//! offsets and its sentence.

use super::Table;
use super::cells::CellStyle;
use crate::analysis::{DocAnalysis, Section};
use crate::corpus::Document;
use crate::error::Result;

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
            &c.text(&super::cells::one_line(&text[q.sentence_bytes.range()])),
        ])?;
    }
    Ok(())
}
