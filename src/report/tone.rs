//! `tone.csv`: one row per document with its mean sentence tone as `score`, the layout
//! (`doc_id,score`) that tone scorers read.

use super::cells::{CellStyle, tone};
use super::rows::Rows;
use crate::analysis::DocAnalysis;
use crate::corpus::Document;

/// Renders one document's row.
pub(super) fn write(out: &mut Rows, d: &Document, a: &DocAnalysis, c: &CellStyle) {
    out.text(c, &d.id);
    out.text(c, &d.outlet);
    out.text(c, d.event.as_deref().unwrap_or(""));
    out.int(a.sentences);
    out.int(a.toned_sentences);
    out.raw(&tone(a.tone_micro, u64::from(a.sentences)));
    out.end();
}
