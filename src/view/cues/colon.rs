//! Speaker colons: `Sanders: Clinton is the candidate of the establishment`, `TAPPER: And…`.
//! A headline or a transcript line that opens with a short name and a colon attributes what
//! follows to that name, with no reporting word. The colon is the cue (neutral, lemma `:`),
//! the name its source, the rest of the line its content.
//!
//! Only a paragraph's first words count, and only a short capitalised run (at most
//! [`MAX_SPEAKER`] words) that is not a label (`Editor's note:`, `UPDATE:`), a kicker in
//! capitals (`STAT OF THE WEEK:`), or a reporting clause (`Trump said:`, a lexicon cue), and
//! whose line goes on with words rather than figures (`Clinton: 547` is a result). A single
//! letter (`Q: Why now?`, `A: Because…`) is an interview's role tag, not a named speaker: the
//! exchange is already attributed by the interview's own introduction, so it is no cue.

use crate::language::english::is_colon_label;
use crate::view::cue::{Cue, Form};
use crate::view::section::SectionView;

/// Longest speaker name before a colon, in words.
const MAX_SPEAKER: usize = 3;

/// Adds the speaker colons of the section to `cues` (the lexicon cues, in token order) and
/// keeps them in token order.
pub(super) fn collect(ctx: &SectionView, cues: &mut Vec<Cue>) {
    let n_lexical = cues.len();
    let sentences = &ctx.buf.sentences;
    for (s, sent) in sentences.iter().enumerate() {
        let opens_paragraph = s == 0 || sentences[s - 1].paragraph != sent.paragraph;
        let (first, end) = (sent.first_token as usize, sent.end_token as usize);
        if !opens_paragraph || first >= end {
            continue;
        }
        let Some(last) = (first..end.min(first + MAX_SPEAKER)).find(|&t| colon_after(ctx, t))
        else {
            continue;
        };
        if speaker(ctx, first, last + 1, &cues[..n_lexical]) && goes_on(ctx, last) {
            cues.push(Cue { first, end: last + 1, entry: None, form: Form::Colon, learned: false });
        }
    }
    if cues.len() > n_lexical {
        cues.sort_by_key(|c| c.first);
    }
}

/// Whether the text right after token `t` is a colon (then white space or a quotation mark).
fn colon_after(ctx: &SectionView, t: usize) -> bool {
    let gap = ctx.gap_after(t);
    gap.starts_with(':') && gap[1..].chars().all(|c| c.is_whitespace() || is_quote_mark(c))
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'')
}

/// Whether tokens `first..end` read as a speaker's name: joined capitalised words outside
/// quotations, none a lexicon cue, not a label, not a kicker in capitals.
fn speaker(ctx: &SectionView, first: usize, end: usize, cues: &[Cue]) -> bool {
    let words_ok = (first..end).all(|t| {
        ctx.is_cap(t) && !ctx.is_numeric(t) && !ctx.in_quotation(t) && (t == first || ctx.joined(t))
    });
    let all_caps = |t: usize| {
        let s = ctx.surface(t);
        s.chars().count() > 1 && !s.chars().any(char::is_lowercase)
    };
    let kicker = end - first > 1 && (first..end).filter(|&t| all_caps(t)).count() > 1;
    let is_cue = cues.iter().any(|c| c.first < end && first < c.end);
    let role_tag = end - first == 1 && ctx.surface(first).chars().count() == 1;
    words_ok && !role_tag && !kicker && !is_cue && !is_colon_label(ctx.norm(end - 1))
}

/// Whether words (not a figure) follow the colon in the same paragraph.
fn goes_on(ctx: &SectionView, last: usize) -> bool {
    let next = last + 1;
    next < ctx.len()
        && ctx.buf.sentences[ctx.sentence(next) as usize].paragraph
            == ctx.buf.sentences[ctx.sentence(last) as usize].paragraph
        && !ctx.is_numeric(next)
}
