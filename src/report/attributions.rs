//! `attributions.csv`: one row per attribution, with the cue's lemma and stance class, the
//! source as resolved, the quote type, and code-point offsets of cue, source and content into
//! the section; `--hit-details` adds the outlet and the cue and source as written.

use super::cells::CellStyle;
use super::rows::Rows;
use crate::analysis::DocAnalysis;
use crate::attribution::Extent;
use crate::corpus::Document;
use crate::lexicon::Lexicon;

/// Renders one document's rows; with `details` (`--hit-details`), the outlet and the cue and
/// source as written too.
pub(super) fn write(
    out: &mut Rows,
    (lex, d, a): (&Lexicon, &Document, &DocAnalysis),
    c: &CellStyle,
    details: bool,
) {
    for at in &a.attributions {
        let text = at.section.text(d);
        out.text(c, &d.id);
        if details {
            out.text(c, &d.outlet);
        }
        out.raw(at.section.name());
        out.int(at.sentence);
        if details {
            out.text(c, &text[at.cue.bytes.range()]);
        }
        out.text(c, at.kind.lemma(lex));
        out.text(c, at.kind.class_name(lex));
        extent(out, Some(at.cue));
        if details {
            out.text(c, at.source.map_or("", |s| &text[s.bytes.range()]));
        }
        extent(out, at.source);
        out.text(c, at.source_resolved.as_deref().unwrap_or(""));
        out.raw(at.quote_type.as_str());
        out.flag(at.direct);
        extent(out, at.content);
        out.end();
    }
}

/// Code-point start and end, or two empty cells.
fn extent(out: &mut Rows, x: Option<Extent>) {
    match x {
        Some(x) => {
            out.int(x.chars.start);
            out.int(x.chars.end);
        }
        None => {
            out.raw("");
            out.raw("");
        }
    }
}
