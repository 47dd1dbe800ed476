//! Lexical cues: the attribution lexicon's hits that are used as reporting expressions in the
//! outlet's own voice. Drops hits inside quotations (the quoted speaker's reports), nouns and
//! adjectives that look like reporting verbs (`the claims`, `Trump’s charges`,
//! `a purported deal`, `12 states`, `United States`), adverbs (`reportedly`), and
//! prepositional cues (`in a statement`) that only repeat a verb cue of the same sentence;
//! tells what shape each remaining cue has.

use crate::language::english::{
    is_adverb, is_auxiliary, is_determiner, is_preposition, is_research_noun, is_subject_word,
    pronoun,
};
use crate::lexicon::{Lexicon, Role};
use crate::matcher::Hit;
use crate::view::cue::{Cue, Form};
use crate::view::section::SectionView;

/// Writes the cues among `hits` (hits of every file, in token order) to `out`, empty.
pub(super) fn collect(ctx: &SectionView, lex: &Lexicon, hits: &[Hit], out: &mut Vec<Cue>) {
    for h in hits {
        if !matches!(lex.role(h.entry), Role::AttributionCue { .. }) {
            continue;
        }
        let e = lex.entry(h.entry);
        let Some((first, end)) = trim(ctx, h.first as usize, h.end as usize) else { continue };
        // Inside a quotation the quoted speaker reports, not the outlet.
        if ctx.in_quotation(first) {
            continue;
        }
        let verbal = used_as_verb(ctx, first);
        let lemma = e.term_lemma();
        let form = form(ctx, first, end, lemma, verbal);
        if form_is_verbal(form) && !verbal {
            continue;
        }
        if naming_participle(ctx, first) || !complete(ctx, lemma, first, end) {
            continue;
        }
        // `declined to comment`, `wants to know`: the second verb completes the first cue.
        if let Some(prev) = out.last_mut() {
            let to = first.wrapping_sub(1);
            if prev.end == to
                && first >= 2
                && ctx.norm(to) == "to"
                && ctx.joined(to)
                && ctx.joined(first)
                && form_is_verbal(prev.form)
            {
                prev.end = end;
                continue;
            }
        }
        out.push(Cue { first, end, entry: Some(h.entry), form, learned: false });
    }
    // `said in a statement`: the verb carries the attribution. `reports say`: the first is
    // the subject of the second.
    let mut k = 0;
    while k < out.len() {
        let c = out[k];
        let repeated = c.form == Form::Adjunct
            && out
                .iter()
                .any(|o| o.form != Form::Adjunct && ctx.sentence(o.first) == ctx.sentence(c.first));
        let subject = out
            .get(k + 1)
            .is_some_and(|n| n.first == c.end && ctx.joined(n.first) && form_is_verbal(n.form));
        if repeated || subject {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Whether the cue `first..end` of lemma `lemma` has what its reporting sense needs: a topic,
/// a clause, `as`, an infinitive, or (`find`) `that` or an inquiry as subject.
fn complete(ctx: &SectionView, lemma: &str, first: usize, end: usize) -> bool {
    !(needs_topic(lemma) && !has_topic(ctx, end)
        || needs_clause(lemma) && !has_clause(ctx, first, end)
        || needs_as(lemma) && !has_as(ctx, end)
        || needs_infinitive(lemma) && !has_infinitive(ctx, end)
        || lemma == "find" && !(followed_by_that(ctx, end) || research_subject(ctx, first)))
}

fn form_is_verbal(form: Form) -> bool {
    matches!(form, Form::Verb | Form::Participle | Form::Citing)
}

/// The lexical part of a matched phrase: without leading pronouns, auxiliaries and adverbs
/// (`he stated`, `has learned`, `verbally attacked`) and without a final `that`
/// (`found that`).
pub(super) fn trim(ctx: &SectionView, mut first: usize, mut end: usize) -> Option<(usize, usize)> {
    while end - first > 1 {
        let w = ctx.norm(first);
        if pronoun(w).is_some() || is_auxiliary(w) || is_adverb(w) {
            first += 1;
        } else {
            break;
        }
    }
    if end - first > 1 && ctx.norm(end - 1) == "that" {
        end -= 1;
    }
    (end > first).then_some((first, end))
}

pub(super) fn form(ctx: &SectionView, first: usize, end: usize, lemma: &str, verbal: bool) -> Form {
    let head = ctx.norm(first);
    let last = ctx.norm(end - 1);
    if end - first > 1 && is_preposition(head) {
        Form::Adjunct
    } else if end - first > 1
        && matches!(last, "to" | "by")
        && (head == "according" || !verbal || ctx.is_sentence_start(first))
    {
        Form::Object
    } else if head.ends_with("ing") && matches!(lemma, "cite" | "quote") {
        Form::Citing
    } else if head.ends_with("ing") {
        Form::Participle
    } else {
        Form::Verb
    }
}

/// `a group called Citizens for Trump`, `a new company named Velm`: a participle after an
/// indefinite noun phrase and before a name only names the noun (a reduced passive).
fn naming_participle(ctx: &SectionView, i: usize) -> bool {
    if !matches!(ctx.norm(i), "called" | "named" | "dubbed" | "titled" | "labeled" | "labelled")
        || i + 1 >= ctx.len()
        || !ctx.joined(i + 1)
        || !ctx.is_cap(i + 1)
    {
        return false;
    }
    let mut k = i;
    for _ in 0..4 {
        if k == 0 || !ctx.joined(k) {
            return false;
        }
        k -= 1;
        let w = ctx.norm(k);
        if matches!(w, "a" | "an") {
            return true;
        }
        if pronoun(w).is_some() || is_auxiliary(w) || is_determiner(w) {
            return false;
        }
    }
    false
}

/// Verbs that report speech only with a topic (`spoke about the wall`, `talked of leaving`,
/// `spoke out`); otherwise they report an appearance (`spoke at the convention`).
fn needs_topic(lemma: &str) -> bool {
    matches!(lemma, "speak" | "talk")
}

/// Whether `about`, `of` or `out` follows the cue ending before `end` within a few words of its
/// clause, or a quotation or colon opens right after it.
fn has_topic(ctx: &SectionView, end: usize) -> bool {
    if end >= ctx.len() || ctx.gap_after(end - 1).contains(':') {
        return true;
    }
    let sent = ctx.sentence(end - 1);
    (end..ctx.len().min(end + 6))
        .take_while(|&k| ctx.sentence(k) == sent && (k == end || ctx.joined(k)))
        .any(|k| matches!(ctx.norm(k), "about" | "of" | "out"))
}

/// Verbs whose reporting sense takes a clause or a quotation (`maintained that…`, `proved
/// that…`, `continued: “…”`); without one they are other verbs (`maintained a lead`, `proved
/// resilient`, `published a book`, `answer questions`, `continued to rise`).
fn needs_clause(lemma: &str) -> bool {
    matches!(
        lemma,
        "maintain" | "prove" | "publish" | "brief" | "answer" | "testify" | "demand" | "continue"
    )
}

/// Whether the cue `first..end` introduces or closes reported content: `that` within the next
/// three words, a quotation or colon right after it, or a comma or closing quotation right
/// before it with the clause ending soon after (`"…," he maintained.`).
fn has_clause(ctx: &SectionView, first: usize, end: usize) -> bool {
    let last = end - 1;
    if ctx.gap_after(last).contains(':') || ctx.quote_opening_after(last).is_some() {
        return true;
    }
    let sent = ctx.sentence(last);
    if (end..ctx.len().min(end + 3))
        .take_while(|&k| ctx.sentence(k) == sent)
        .any(|k| ctx.norm(k) == "that")
    {
        return true;
    }
    // The subject may stand between the content and the cue (`"…," Mora maintained`).
    let after_content = (first.saturating_sub(4)..=first).any(|k| {
        ctx.sentence(k) == sent
            && (ctx.speech_closing_before(k).is_some() || ctx.gap_before(k).contains(','))
    });
    let closes = end >= ctx.len() || ctx.sentence(end) != sent || ctx.gap_after(last).contains(',');
    after_content && closes
}

/// Verbs of characterising that report a belief only as `see X as Y` / `viewed it as`
/// (`see you later` and `the view` report nothing).
fn needs_as(lemma: &str) -> bool {
    matches!(lemma, "see" | "view")
}

/// Whether `as` follows within a few words of the clause, or `that` right after.
fn has_as(ctx: &SectionView, end: usize) -> bool {
    if followed_by_that(ctx, end) {
        return true;
    }
    let sent = ctx.sentence(end - 1);
    (end..ctx.len().min(end + 8))
        .take_while(|&k| ctx.sentence(k) == sent && ctx.joined(k))
        .any(|k| ctx.norm(k) == "as")
}

/// Intention verbs: a reported plan only before `to` + verb (`decided to run`), not
/// with an object (`decided the case`).
fn needs_infinitive(lemma: &str) -> bool {
    matches!(lemma, "decide")
}

/// Whether `to` (or `not to`, `that`) follows the cue ending before `end`.
fn has_infinitive(ctx: &SectionView, end: usize) -> bool {
    let at = |k: usize| (k < ctx.len() && ctx.joined(k)).then(|| ctx.norm(k));
    match at(end) {
        Some("to" | "that") => true,
        Some("not" | "never") => at(end + 1) == Some("to"),
        _ => false,
    }
}

/// Whether `that` is the next word of the clause.
fn followed_by_that(ctx: &SectionView, end: usize) -> bool {
    end < ctx.len() && ctx.joined(end) && ctx.norm(end) == "that"
}

/// Whether the noun phrase right before `first` names an inquiry (`a new poll found`, `the
/// study finds`): the subject of a finding, unlike `police found the car`.
fn research_subject(ctx: &SectionView, first: usize) -> bool {
    let mut k = first;
    for _ in 0..8 {
        if k == 0 || !ctx.joined(k) {
            return false;
        }
        k -= 1;
        if is_research_noun(ctx.norm(k)) {
            return true;
        }
    }
    false
}

/// Whether the word at `i` is used as a verb: not after a determiner, possessive or number,
/// not capitalised inside a sentence (unless the sentence is a headline), not an adverb, not
/// a plural noun followed by `of`.
pub(super) fn used_as_verb(ctx: &SectionView, i: usize) -> bool {
    let w = ctx.norm(i);
    if w.len() > 4 && w.ends_with("ly") {
        return false;
    }
    if ctx.is_cap(i) && !ctx.is_sentence_start(i) && !ctx.title_case(i) {
        let after_opening = ctx.gap_before(i).contains(['“', '"', '‘', '(', ':', '—']);
        if !after_opening {
            return false;
        }
    }
    // Markup such as `<tweet …>` or `</tweet>`; part of a compound (`self-described`).
    if ctx.gap_before(i).ends_with(['<', '/', '-']) || ctx.gap_after(i).starts_with(['>', '-']) {
        return false;
    }
    if i + 1 < ctx.len() && ctx.joined(i + 1) {
        let next = ctx.norm(i + 1);
        // `reports of unrest`; `the report could`, `his remarks were`: a noun. (Past forms
        // are verbs whatever follows: `officials said will`.)
        let noun_form = !w.ends_with("ed")
            && !matches!(w, "said" | "says" | "say" | "told" | "tells" | "wrote" | "spoke");
        let plural = noun_form && w.ends_with('s') && !w.ends_with("ss");
        let noun_prep = matches!(next, "of" | "in" | "on" | "from" | "against" | "at" | "by");
        if plural && noun_prep
            || next == "of" && w.ends_with('s') && !w.ends_with("ss")
            || noun_form && is_auxiliary(next) && next != "not" && next != "never"
        {
            return false;
        }
    }
    if !ctx.joined(i) {
        return true;
    }
    let prev = ctx.norm(i - 1);
    let nominal = is_determiner(prev) && !matches!(prev, "all" | "both" | "each" | "most" | "many")
        || ctx.is_possessive(i - 1)
        || ctx.is_numeric(i - 1);
    !(nominal || bare_form(w) && modifier_before(ctx, i - 1))
}

/// A base form that is also a noun (`support`, `hope`, `call`): no `-s`, past or `-ing` form
/// (`the campaign says` has a singular subject), nor an irregular past.
fn bare_form(w: &str) -> bool {
    !(w.ends_with('s')
        || w.ends_with("ed")
        || w.ends_with("ing")
        || matches!(
            w,
            "said" | "told" | "wrote" | "spoke" | "thought" | "sought" | "knew" | "found" | "saw"
        ))
}

/// Whether the lowercase word at `t` can only modify a noun after it (`conservative support`,
/// `long-standing hopes`): it is no subject (pronoun, name, plural noun), auxiliary, adverb,
/// clause word or `to`, after which the next word would be a verb (`those surveyed say`,
/// `a third say`).
fn modifier_before(ctx: &SectionView, t: usize) -> bool {
    let w = ctx.norm(t);
    let subject = pronoun(w).is_some()
        || is_determiner(w)
        || ctx.is_cap(t)
        || ctx.is_numeric(t)
        || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous")
        || w.ends_with("ed")
        || is_subject_word(w);
    !(subject || is_auxiliary(w) || is_adverb(w) || crate::language::english::is_clause_word(w))
}
