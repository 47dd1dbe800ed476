//! `matches.csv`: one row per lexicon hit, with the text as it stands in the document,
//! code-point and byte offsets into its section, a short context on each side, and the
//! framing-device flags (0/1).

use super::Table;
use super::cells::{CellStyle, one_line, opt};
use crate::analysis::{DocAnalysis, Section};
use crate::corpus::Document;
use crate::devices::Flags;
use crate::error::Result;
use crate::lexicon::Lexicon;

pub(super) const HEADER: [&str; 23] = [
    "doc_id",
    "outlet",
    "section",
    "sentence",
    "lexicon",
    "category",
    "term",
    "lemma",
    "polarity",
    "intensity",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "left",
    "right",
    "in_quote",
    "negated",
    "intensified",
    "dampened",
    "hedged",
    "scare_quote",
];

/// Characters of context on each side.
const CONTEXT: usize = 40;

pub(super) fn write(
    t: &mut Table,
    lex: &Lexicon,
    d: &Document,
    a: &DocAnalysis,
    c: &CellStyle,
) -> Result<()> {
    let id = c.text(&d.id);
    let outlet = c.text(&d.outlet);
    for m in &a.matches {
        let text = match m.section {
            Section::Title => d.title.as_deref().unwrap_or(""),
            Section::Body => &d.text,
        };
        let e = lex.entry(m.entry);
        let (s, end) = (m.bytes.start as usize, m.bytes.end as usize);
        let left = &text[text[..s].char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i)..s];
        let right = &text
            [end..text[end..].char_indices().nth(CONTEXT).map_or(text.len(), |(i, _)| end + i)];
        t.row([
            &*id,
            &*outlet,
            m.section.name(),
            &m.sentence.to_string(),
            &c.text(&lex.file(e.file).name),
            &c.text(&lex.category(e.category).path),
            &c.text(&e.term),
            &c.text(e.lemma.as_deref().unwrap_or("")),
            &opt(e.polarity),
            &opt(e.intensity),
            &c.text(&text[s..end]),
            &m.chars.start.to_string(),
            &m.chars.end.to_string(),
            &s.to_string(),
            &end.to_string(),
            &c.text(&one_line(left)),
            &c.text(&one_line(right)),
            flag(m.flags, Flags::IN_QUOTE),
            flag(m.flags, Flags::NEGATED),
            flag(m.flags, Flags::INTENSIFIED),
            flag(m.flags, Flags::DAMPENED),
            flag(m.flags, Flags::HEDGED),
            flag(m.flags, Flags::SCARE_QUOTE),
        ])?;
    }
    Ok(())
}

fn flag(flags: Flags, f: Flags) -> &'static str {
    if flags.contains(f) { "1" } else { "0" }
}
