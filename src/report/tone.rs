//! `tone.csv`: one row per document with its mean sentence tone as `score`, the layout
//! (`doc_id,score`) that tone scorers read.

use super::Table;
use super::cells::{CellStyle, tone};
use crate::analysis::DocAnalysis;
use crate::corpus::Document;
use crate::error::Result;

pub(super) const HEADER: [&str; 6] =
    ["doc_id", "outlet", "event", "sentences", "toned_sentences", "score"];

pub(super) fn write(t: &mut Table, d: &Document, a: &DocAnalysis, c: &CellStyle) -> Result<()> {
    t.row([
        &*c.text(&d.id),
        &*c.text(&d.outlet),
        &*c.text(d.event.as_deref().unwrap_or("")),
        &a.sentences.to_string(),
        &a.toned_sentences.to_string(),
        &tone(a.tone_micro, u64::from(a.sentences)),
    ])
}
