//! Long subjects: when the noun-phrase rules of `source` find no subject for a finite verb
//! of saying such as `say` or `tell` (`About half of the voters polled said…`, `Friends of the senator who have seen
//! him recently say…`, `42% say…`, `a video that said…`), the words of the verb's own clause
//! before it are its subject. These verbs report speech in every finite use, so the clause
//! before them is the speaker however long it is. Not for `to say`, `That said,`, `, say,`
//! (an example), nor a verb whose clause opens right before it.

use super::source::{Place, Source};
use crate::language::english::{is_adverb, is_auxiliary, is_clause_word, is_preposition};
use crate::view::SectionView as Ctx;
use crate::view::cue::{Cue, Form};

/// Longest clause read back from the verb, in tokens.
const MAX_CLAUSE: usize = 40;

/// The subject of the finite verb `cue`: the words of its clause before it, after a leading
/// adverbial phrase (`In Vermont, …`), or the relative pronoun right before it.
pub(super) fn clause_subject(ctx: &Ctx, cue: &Cue, cues: &[Cue]) -> Option<Source> {
    if cue.form != Form::Verb || cue.end - cue.first != 1 || ctx.norm(cue.first).ends_with("ing") {
        return None;
    }
    let sent = ctx.sentence_tokens(cue.first);
    let i = cue.first;
    // An example (`than, say, heroin`).
    let after = if cue.end < sent.end { ctx.gap_before(cue.end) } else { "" };
    if ctx.gap_before(i).contains(',') && after.contains(',') {
        return None;
    }
    // Auxiliaries and adverbs between the subject and the verb (`have also said`).
    let mut p = i;
    while p > sent.start && ctx.joined(p) && {
        let w = ctx.norm(p - 1);
        (is_auxiliary(w) || is_adverb(w)) && !ctx.is_cap(p - 1)
    } {
        p -= 1;
    }
    if p <= sent.start {
        return None;
    }
    let prev = ctx.norm(p - 1);
    if prev == "to" || ctx.in_quotation(p - 1) {
        return None;
    }
    if ctx.joined(p) && matches!(prev, "that" | "who" | "which") && p - 1 > sent.start {
        return Some(Source { first: p - 1, end: p, place: Place::Before });
    }
    let s = clause_start(ctx, p, sent.start, cues)?;
    // `That said, …`
    if p - s == 1 && ctx.norm(s) == "that" {
        return None;
    }
    // At least one word that can name someone (not `When asked`).
    let named = (s..p).any(|t| {
        let w = ctx.norm(t);
        !(is_clause_word(w) || is_preposition(w) || is_adverb(w) || is_auxiliary(w))
    });
    named.then_some(Source { first: s, end: p, place: Place::Before })
}

/// The first word of the clause before token `p`: back to the sentence start (`floor`), a
/// colon or semicolon, a quotation, or the previous cue (and its `that`), after a leading
/// adverbial phrase. `None` when the clause is longer than [`MAX_CLAUSE`].
fn clause_start(ctx: &Ctx, p: usize, floor: usize, cues: &[Cue]) -> Option<usize> {
    let mut s = p;
    while s > floor {
        let t = s - 1;
        if p - t > MAX_CLAUSE {
            return None;
        }
        // A verb cue ends the clause; a prepositional one (`in a poll`) lies inside it.
        let k = cues.partition_point(|c| c.end <= t);
        let cue_token = cues
            .get(k)
            .is_some_and(|c| c.first <= t && !matches!(c.form, Form::Object | Form::Adjunct));
        if cue_token || ctx.quote_of(t).is_some() || ctx.gap_after(t).contains([':', ';']) {
            break;
        }
        s = t;
    }
    while s < p && matches!(ctx.norm(s), "that" | "and" | "but" | "so" | "yet") {
        s += 1;
    }
    // A leading adverbial up to its comma: `In Vermont, about half … said`.
    let w = ctx.norm(s);
    if s < p
        && (is_preposition(w) || is_clause_word(w) || is_adverb(w) || w.ends_with("ing"))
        && let Some(k) = (s + 1..p).find(|&k| ctx.gap_before(k).contains(','))
    {
        s = k;
    }
    Some(s)
}
