//! `documents.csv`: one row per analysed document: its input fields, then its profile
//! (`profile`: counts and rates per top-level category, coverage, the same by voice, scare
//! quotes, tone, the headline score, the attribution rate and cue-class shares).

use super::cells::CellStyle;
use super::profile::Profile;
use super::rows::Rows;
use crate::analysis::DocAnalysis;
use crate::corpus::Document;
use crate::lexicon::Lexicon;

/// An optional field's cell.
pub(super) fn o(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// Renders one document's row.
/// `more`: the cells of the input columns carried along (`--keep`, the group).
pub(super) fn write(
    out: &mut Rows,
    lex: &Lexicon,
    d: &Document,
    a: &DocAnalysis,
    c: &CellStyle,
    more: &[&str],
) {
    out.text(c, &d.id);
    out.text(c, &d.outlet);
    out.text(c, o(&d.event));
    out.text(c, o(&d.title));
    out.text(c, o(&d.date));
    out.text(c, o(&d.url));
    out.int(a.tokens);
    out.int(a.sentences);
    let profile = Profile::of_document(lex, a);
    profile.counts().iter().for_each(|cell| out.raw(cell));
    out.flag(d.repaired);
    profile.voice().iter().for_each(|cell| out.raw(cell));
    more.iter().for_each(|m| out.text(c, m));
    out.end();
}
