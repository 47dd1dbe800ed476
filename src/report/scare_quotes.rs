//! `scare_quotes.csv`: one row per short quoted span (one to four words), streamed per
//! document, with its kind (`scare`, `attributed`, `title`), the cue that decided it, its
//! offsets and, with `--context N`, its sentence; `--hit-details` adds the outlet and the
//! byte offsets.

use super::cells::CellStyle;
use super::rows::Rows;
use crate::analysis::DocAnalysis;
use crate::corpus::Document;
use crate::segment::Span;

/// Renders one document's rows: with `sentence` (`--context N`) the sentence of each, with
/// `details` (`--hit-details`) the outlet and the byte offsets.
pub(super) fn write(
    out: &mut Rows,
    d: &Document,
    a: &DocAnalysis,
    c: &CellStyle,
    (sentence, details): (bool, bool),
) {
    for (section, q) in &a.short_quotes {
        let text = section.text(d);
        out.text(c, &d.id);
        if details {
            out.text(c, &d.outlet);
        }
        out.raw(section.name());
        out.int(q.sentence);
        out.raw(q.kind.name());
        out.text(c, &text[q.bytes.range()]);
        out.int(q.chars.start);
        out.int(q.chars.end);
        if details {
            out.int(q.bytes.start);
            out.int(q.bytes.end);
        }
        out.text(c, q.cue.map_or("", |s| &text[s.range()]));
        if sentence {
            out.text(c, &sentence_window(text, q.sentence_bytes, q.bytes));
        }
        out.end();
    }
}

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
