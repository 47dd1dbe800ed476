//! Survey adjuncts: `In a new Velm Herald poll, 40 percent backed Mora`, `Mora led by 8
//! points in the harbour board's survey`. A poll or survey named after `in` is the source of
//! the figures its clause reports; the preposition is the cue (lemma `poll` in attribution,
//! neutral) and the poll its source, as with `according to`.
//!
//! Only one poll counts: `in` then a determiner, possessive or name, then at most
//! [`MAX_WORDS`] names, figures or modifiers before a singular `poll` or `survey` (`in the
//! polls`, `in most surveys` are the horse race, not a source), and not when the poll only
//! places the people before it (`the voters in the poll`); `Half of those in the Velm poll
//! said` holds two attributions, as in PolNeAR: the poll's and the respondents'.

use crate::language::english::{is_clause_word, is_determiner, is_polled_people, is_preposition};
use crate::view::cue::{Cue, Form};
use crate::view::section::SectionView;

/// Most words between the determiner and `poll`.
const MAX_WORDS: usize = 8;

/// Whether `text` may hold a survey cue (a cheap test before any work): `poll` or `survey`
/// as `collect` finds them, lowercase, capitalised or in capitals.
pub(super) fn may_name_one(text: &str) -> bool {
    const FORMS: [&str; 6] = ["poll", "Poll", "POLL", "survey", "Survey", "SURVEY"];
    FORMS.iter().any(|f| text.contains(f))
}

/// Adds the survey cues of the section to `cues` (in token order) and keeps the order.
pub(super) fn collect(ctx: &SectionView, cues: &mut Vec<Cue>) {
    let n_before = cues.len();
    let n = ctx.len();
    let mut i = 0;
    while i + 2 < n {
        if ctx.norm(i) != "in" || ctx.in_quotation(i) || !ctx.joined(i + 1) {
            i += 1;
            continue;
        }
        let Some(head) = poll_after(ctx, i + 1) else {
            i += 1;
            continue;
        };
        if !after_people(ctx, i) {
            cues.push(Cue {
                first: i,
                end: i + 1,
                entry: None,
                form: Form::Object,
                learned: false,
            });
        }
        i = head + 1;
    }
    if cues.len() > n_before {
        cues.sort_by_key(|c| c.first);
    }
}

/// The index of `poll` / `survey` closing a single poll's noun phrase that opens at `j`.
fn poll_after(ctx: &SectionView, j: usize) -> Option<usize> {
    let w = ctx.norm(j);
    if !(matches!(w, "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our")
        || ctx.is_possessive(j)
        || ctx.is_cap(j))
    {
        return None;
    }
    let sent = ctx.sentence(j);
    for k in j + 1..ctx.len().min(j + 2 + MAX_WORDS) {
        if ctx.sentence(k) != sent || !ctx.joined(k) || ctx.in_quotation(k) {
            return None;
        }
        let w = ctx.norm(k);
        if matches!(w, "poll" | "survey") {
            return Some(k);
        }
        if is_clause_word(w) || is_preposition(w) || is_determiner(w) && !ctx.is_cap(k) {
            return None;
        }
    }
    None
}

/// `voters in the poll`, `respondents surveyed in`: the poll only places the people before
/// it.
fn after_people(ctx: &SectionView, i: usize) -> bool {
    i > 0 && ctx.joined(i) && is_polled_people(ctx.norm(i - 1))
}

#[cfg(test)]
mod tests {
    use super::may_name_one;

    #[test]
    fn the_cheap_test_sees_every_case_collect_sees() {
        for text in ["in a CNN poll", "In a Gallup Poll", "IN A POLL", "in a Pew Survey"] {
            assert!(may_name_one(text), "{text}");
        }
        assert!(may_name_one("in an NBC SURVEY"));
        assert!(!may_name_one("in a statement, she said"));
    }
}
