//! `matches.csv`: one row per lexicon hit, with the text as it stands in the document,
//! code-point and byte offsets into its section, the framing-device flags (0/1) and, with
//! `--context N`, up to N characters of context on each side.

use super::cells::CellStyle;
use super::rows::{Encoded, Rows};
use crate::analysis::DocAnalysis;
use crate::corpus::Document;
use crate::devices::Flags;
use crate::lexicon::Lexicon;

/// The cells of `matches.csv` that depend only on the entry (`lexicon` to `intensity`),
/// encoded once per entry.
pub(super) struct EntryCells(Vec<Encoded>);

impl EntryCells {
    pub(super) fn new(lex: &Lexicon, c: &CellStyle) -> EntryCells {
        EntryCells(
            lex.entries()
                .iter()
                .map(|e| {
                    let mut r = Rows::new();
                    r.text(c, &lex.file(e.file).name);
                    r.text(c, &lex.category(e.category).path);
                    r.text(c, &e.term);
                    r.text(c, e.lemma.as_deref().unwrap_or(""));
                    r.opt_int(e.polarity);
                    r.opt_int(e.intensity);
                    Encoded::from_row(r)
                })
                .collect(),
        )
    }
}

/// Renders one document's rows.
pub(super) fn write(
    out: &mut Rows,
    cells: &EntryCells,
    d: &Document,
    a: &DocAnalysis,
    c: &CellStyle,
    context: usize,
) {
    // The document's cells, encoded once for all its rows.
    let mut head = Rows::new();
    head.text(c, &d.id);
    head.text(c, &d.outlet);
    let head = Encoded::from_row(head);
    for m in &a.matches {
        let text = m.section.text(d);
        let (s, end) = (m.bytes.start as usize, m.bytes.end as usize);
        out.encoded(&head);
        out.raw(m.section.name());
        out.int(m.sentence);
        out.encoded(&cells.0[m.entry.index()]);
        out.text(c, &text[s..end]);
        out.int(m.chars.start);
        out.int(m.chars.end);
        out.int(m.bytes.start);
        out.int(m.bytes.end);
        if context > 0 {
            let left = text[..s].char_indices().rev().nth(context - 1).map_or(0, |(i, _)| i);
            let right =
                text[end..].char_indices().nth(context).map_or(text.len(), |(i, _)| end + i);
            out.text_one_line(c, &text[left..s]);
            out.text_one_line(c, &text[end..right]);
        }
        for f in [
            Flags::IN_QUOTE,
            Flags::NEGATED,
            Flags::INTENSIFIED,
            Flags::DAMPENED,
            Flags::HEDGED,
            Flags::SCARE_QUOTE,
            Flags::IN_NAME,
            Flags::BOILERPLATE,
        ] {
            out.flag(m.flags.contains(f));
        }
        out.flag(m.flags.counted());
        out.end();
    }
}
