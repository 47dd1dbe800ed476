//! `attributions.csv`: one row per attribution, with the cue, its lemma and stance class, the
//! source as written and as resolved, the quote type, and code-point offsets of cue, source
//! and content into the section.

use super::Table;
use super::cells::CellStyle;
use crate::analysis::{DocAnalysis, Section};
use crate::attribution::{Extent, class_name};
use crate::corpus::Document;
use crate::error::Result;
use crate::lexicon::Lexicon;

pub(super) const HEADER: [&str; 17] = [
    "doc_id",
    "outlet",
    "section",
    "sentence",
    "cue",
    "cue_lemma",
    "cue_class",
    "cue_start",
    "cue_end",
    "source",
    "source_start",
    "source_end",
    "source_resolved",
    "quote_type",
    "direct",
    "content_start",
    "content_end",
];

pub(super) fn write(
    t: &mut Table,
    lex: &Lexicon,
    d: &Document,
    a: &DocAnalysis,
    c: &CellStyle,
) -> Result<()> {
    let id = c.text(&d.id);
    let outlet = c.text(&d.outlet);
    for at in &a.attributions {
        let text = match at.section {
            Section::Title => d.title.as_deref().unwrap_or(""),
            Section::Body => &d.text,
        };
        let e = lex.entry(at.entry);
        let cell = |x: Option<Extent>| -> [String; 2] {
            x.map_or([String::new(), String::new()], |x| {
                [x.chars.start.to_string(), x.chars.end.to_string()]
            })
        };
        let [cue_start, cue_end] = cell(Some(at.cue));
        let [source_start, source_end] = cell(at.source);
        let [content_start, content_end] = cell(at.content);
        let source = at.source.map_or("", |s| &text[s.bytes.range()]);
        t.row([
            &*id,
            &*outlet,
            at.section.name(),
            &at.sentence.to_string(),
            &c.text(&text[at.cue.bytes.range()]),
            &c.text(e.term_lemma()),
            &c.text(class_name(&lex.category(at.category).path)),
            &cue_start,
            &cue_end,
            &c.text(source),
            &source_start,
            &source_end,
            &c.text(at.source_resolved.as_deref().unwrap_or("")),
            at.quote_type.as_str(),
            if at.direct { "1" } else { "0" },
            &content_start,
            &content_end,
        ])?;
    }
    Ok(())
}
