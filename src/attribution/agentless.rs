//! Agentless cues: attributions whose source the text leaves out. A reporting verb in the
//! passive with no `by` phrase (`Trump is expected to win`, `the deal was announced`, `she is
//! seen as the favourite`) and a question reported without its asker (`Asked whether…`,
//! `when asked about it`) still attribute the content to someone; they are reported with an
//! empty source.

use super::source::passive;
use crate::view::SectionView as Ctx;
use crate::view::cue::{Cue, Form};

/// Whether `cue`, for which no source was found, is an agentless attribution.
pub(super) fn agentless(ctx: &Ctx, cue: &Cue) -> bool {
    if cue.form != Form::Verb || cue.end - cue.first != 1 {
        return false;
    }
    let sent = ctx.sentence_tokens(cue.first);
    let by_follows = cue.end < sent.end && ctx.joined(cue.end) && ctx.norm(cue.end) == "by";
    if by_follows {
        return false;
    }
    passive(ctx, cue.first, sent.start) || reduced_question(ctx, cue.first, sent.start)
}

/// `Asked whether…`, `When asked about…`: `asked` opening its clause, at the sentence start
/// or after a subordinator, with the question (a clause word or preposition) after it.
fn reduced_question(ctx: &Ctx, i: usize, start: usize) -> bool {
    if ctx.norm(i) != "asked" {
        return false;
    }
    let opens = i == start
        || !ctx.joined(i)
        || matches!(ctx.norm(i - 1), "when" | "if" | "once" | "as" | "after" | "before" | "while");
    opens && i + 1 < ctx.len() && ctx.sentence(i + 1) == ctx.sentence(i) && {
        let next = ctx.norm(i + 1);
        crate::language::english::is_clause_word(next)
            || crate::language::english::is_preposition(next)
            || matches!(next, "whether" | "who" | "what" | "which" | "how" | "why" | "if")
    }
}
