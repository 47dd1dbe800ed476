//! Sources after the cue: the agent in a `by` or `from` phrase of a noun cue (`criticism from
//! the senator`, `the questioning from the committee`, `a claim made by officials`), of a
//! reduced relative (`a view echoed by everyone I interviewed`) and of a passive whose object
//! stands before `by` (`was called a charlatan by fellow physicians`). A time, a number, a
//! medium (`by phone`) or a gerund after the preposition is no agent.

use super::source::{Place, Source, is_cue_token, np_right, passive, quoted_as};
use crate::language::english::{
    is_adverb, is_auxiliary, is_be, is_clause_word, is_determiner, is_preposition, is_time_word,
    pronoun,
};
use crate::view::SectionView as Ctx;
use crate::view::cue::{Cue, Form};
use std::ops::Range;

/// Most words between a passive verb and its `by` (`called a charlatan by`).
const MAX_OBJECT: usize = 4;

/// The agent of a noun cue or a reduced relative after `by` / `from`: the noun phrase after
/// the preposition, when the cue reads as a noun (`criticism from`, `claims made by`) or as a
/// participle after its noun (`a view echoed by`).
pub(super) fn agent(ctx: &Ctx, cue: &Cue, sent: &Range<usize>, cues: &[Cue]) -> Option<Source> {
    if !matches!(cue.form, Form::Verb | Form::Participle) {
        return None;
    }
    let mut next = cue.end;
    if next + 1 >= sent.end || !ctx.joined(next) || ctx.in_quotation(cue.first) {
        return None;
    }
    let nominal = nominal(ctx, cue, sent.start);
    // `a claim made by officials`: a participle between the noun cue and `by`.
    if nominal && participle_like(ctx, next) && ctx.joined(next + 1) && ctx.norm(next + 1) == "by" {
        next += 1;
    }
    let ok = match ctx.norm(next) {
        "from" => nominal,
        "by" => nominal || reduced_relative(ctx, cue, sent.start),
        _ => false,
    };
    if !ok || next + 1 >= sent.end || !ctx.joined(next + 1) {
        return None;
    }
    agent_np(ctx, next + 1, sent.end, cues)
}

/// The agent of a passive verb cue (`was accused by rivals`, `was called a charlatan by fellow
/// physicians`): the noun phrase after a `by` right after the verb or after a short object
/// with no preposition or clause word in it. Not `was quoted as saying`.
pub(super) fn passive_agent(
    ctx: &Ctx,
    cue: &Cue,
    sent: &Range<usize>,
    cues: &[Cue],
) -> Option<Source> {
    if cue.form != Form::Verb || quoted_as(ctx, cue) || !passive(ctx, cue.first, sent.start) {
        return None;
    }
    let mut k = cue.end;
    while k < sent.end && k - cue.end <= MAX_OBJECT && ctx.joined(k) {
        let w = ctx.norm(k);
        if w == "by" {
            return (k + 1 < sent.end && ctx.joined(k + 1))
                .then(|| agent_np(ctx, k + 1, sent.end, cues))
                .flatten();
        }
        let object_word = !(is_preposition(w)
            || is_clause_word(w)
            || w == "to"
            || is_auxiliary(w)
            || is_cue_token(cues, k));
        if !object_word {
            return None;
        }
        k += 1;
    }
    None
}

/// The noun phrase opening at `at` as an agent: not a time, a number, a medium or a gerund.
fn agent_np(ctx: &Ctx, at: usize, limit: usize, cues: &[Cue]) -> Option<Source> {
    let w = ctx.norm(at);
    if is_time_word(w) || is_medium(w) || ctx.is_numeric(at) || w.ends_with("ing") {
        return None;
    }
    let (first, end) = np_right(ctx, at, limit, cues, true)?;
    Some(Source { first, end, place: Place::After })
}

/// Whether the cue reads as a noun: after a determiner, a possessive or a preposition (`the
/// criticism`, `Trump’s claims`, `under questioning`), or with a noun's ending
/// (`criticism`, `allegations`, `statement`).
fn nominal(ctx: &Ctx, cue: &Cue, floor: usize) -> bool {
    let w = ctx.norm(cue.end - 1);
    if w.ends_with("ed") || cue.end - cue.first > 2 {
        return false;
    }
    let i = cue.first;
    if i > floor && ctx.joined(i) {
        let p = ctx.norm(i - 1);
        if is_determiner(p) || ctx.is_possessive(i - 1) || is_preposition(p) && p != "to" {
            return true;
        }
    }
    let stem = w.strip_suffix('s').unwrap_or(w);
    ["ism", "tion", "sion", "ment", "ance", "ence", "ity"].iter().any(|s| stem.ends_with(s))
}

/// Whether the cue is a participle after the noun it modifies (`a view echoed by`), not a
/// verb after its subject (`Holt said by`) or a passive (`was echoed by`).
fn reduced_relative(ctx: &Ctx, cue: &Cue, floor: usize) -> bool {
    let i = cue.first;
    if cue.end - i != 1 || !participle_like(ctx, i) || i <= floor || !ctx.joined(i) {
        return false;
    }
    let p = ctx.norm(i - 1);
    !(ctx.is_cap(i - 1)
        || is_be(p)
        || is_auxiliary(p)
        || is_adverb(p)
        || is_determiner(p)
        || is_preposition(p)
        || is_clause_word(p))
        && pronoun(p).is_none()
        && p.chars().next().is_some_and(char::is_alphabetic)
}

/// A lowercase past participle (`echoed`, `made`), not `agreed` or a name.
fn participle_like(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.norm(t);
    !ctx.is_cap(t)
        && (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed")
            || matches!(
                w,
                "made"
                    | "told"
                    | "said"
                    | "written"
                    | "given"
                    | "seen"
                    | "known"
                    | "heard"
                    | "held"
                    | "taken"
                    | "shown"
                    | "spoken"
                    | "brought"
                    | "put"
                    | "issued"
            ))
}

/// Means and manners that follow `by` without being an agent (`by phone`, `by contrast`).
fn is_medium(w: &str) -> bool {
    matches!(
        w,
        "phone"
            | "telephone"
            | "email"
            | "e-mail"
            | "text"
            | "mail"
            | "video"
            | "videolink"
            | "fax"
            | "contrast"
            | "comparison"
            | "default"
            | "design"
            | "accident"
            | "far"
            | "way"
            | "law"
            | "hand"
            | "name"
            | "itself"
            | "himself"
            | "herself"
            | "themselves"
    )
}
