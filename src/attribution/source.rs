//! Sources: the speaker's span for a cue, by rules over tokens, capitalisation and
//! punctuation. Covers `S said (that) C`, `"C," S said`, `"C," said S`,
//! `S, the spokesman for X, said`, `S, however, said`, `according to S`, `S told N`,
//! `C, S added`, passive `S was quoted as saying` and `was accused by S`, reduced relatives
//! (`a report alleging`), participles that share their clause's subject (`…, saying`), and
//! `citing S` when S is an informant. No parser: a noun phrase is a run of names, possessives,
//! determiners and content words that no punctuation or clause word interrupts.

use crate::language::english::{
    is_adverb, is_auxiliary, is_be, is_clause_word, is_determiner, is_informant, is_mouthpiece,
    is_np_preposition, is_object_pronoun, is_preposition, is_publication, is_time_word, pronoun,
};
use crate::view::SectionView as Ctx;
use crate::view::cue::{Cue, Form};
use std::ops::Range;

/// How the source was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// Before the cue (`Holt said`).
    Before,
    /// After the cue (`said Holt`, `according to Holt`).
    After,
    /// Shared with an earlier cue or the clause's subject (`…, saying`).
    Shared,
}

/// A source: tokens `first..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Source {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) place: Place,
}

/// Longest noun phrase the rules build, in tokens.
const MAX_NP: usize = 12;

/// Longest comma segment (apposition, relative clause) read between a subject and its verb.
const APPOSITION: usize = 28;

/// What the rules for one cue read besides the text: its sentence's tokens, the sources found
/// for the cues before it in the sentence (with their cue's first token), and every cue.
struct Around<'a> {
    sent: Range<usize>,
    earlier: &'a [(usize, Source)],
    cues: &'a [Cue],
}

impl Source {
    fn after((first, end): (usize, usize)) -> Source {
        Source { first, end, place: Place::After }
    }

    fn before((first, end): (usize, usize)) -> Source {
        Source { first, end, place: Place::Before }
    }
}

/// Finds the source of `cue`. `earlier` are the sources already found for the cues before
/// it in the same sentence, with their cue's first token.
pub(super) fn find(
    ctx: &Ctx,
    cue: &Cue,
    earlier: &[(usize, Source)],
    cues: &[Cue],
) -> Option<Source> {
    let a = &Around { sent: ctx.sentence_tokens(cue.first), earlier, cues };
    match cue.form {
        Form::Object => np_right(ctx, cue.end, a.sent.end, cues, true).map(Source::after),
        Form::Citing => np_right(ctx, cue.end, a.sent.end, cues, true)
            .filter(|&(f, e)| informant(ctx, f, e))
            .map(Source::after)
            .or_else(|| participle(ctx, cue, a)),
        Form::Participle => participle(ctx, cue, a),
        Form::Adjunct => subject_of_clause(ctx, cue, a),
        Form::Verb => verb(ctx, cue, a),
        Form::Colon => Some(Source::before((cue.first, cue.end))),
    }
}

fn verb(ctx: &Ctx, cue: &Cue, a: &Around) -> Option<Source> {
    let (sent, cues) = (&a.sent, a.cues);
    // Passive: the subject is not the speaker (`after` reads the agent of `was accused by
    // S`), except in `was quoted as saying`.
    if !quoted_as(ctx, cue) && passive(ctx, cue.first, sent.start) {
        return None;
    }
    // `"C," said S` before `S, the spokesman, said`; after a plain comma, the other way round.
    let after_quote = ctx.speech_closing_before(cue.first).is_some();
    if after_quote && let Some(s) = inverted(ctx, cue, sent, cues) {
        return Some(s);
    }
    match left(ctx, cue.first, sent.start, cues, true) {
        Left::Found(first, end) => Some(Source::before((first, end))),
        // `… and said`: the subject of the first verb.
        Left::Coordinated => subject_of_clause(ctx, cue, a),
        Left::None if !after_quote => inverted(ctx, cue, sent, cues),
        Left::None => None,
    }
}

fn participle(ctx: &Ctx, cue: &Cue, a: &Around) -> Option<Source> {
    let (sent, cues) = (&a.sent, a.cues);
    let i = cue.first;
    // `with Holt saying`: the noun phrase after `with` is the speaker.
    if let Some(s) = with_subject(ctx, i, sent.start, cues) {
        return Some(s);
    }
    if i == sent.start || !ctx.joined(i) {
        // `…, saying` / `…: saying` or sentence-initial.
        return subject_of_clause(ctx, cue, a);
    }
    let prev = ctx.norm(i - 1);
    // `was quoted as saying`
    if prev == "as" && i - 1 > sent.start && ctx.joined(i - 1) {
        let verb = i - 2;
        if ctx.norm(verb).ends_with("ed") {
            return match left(ctx, verb, sent.start, cues, true) {
                Left::Found(first, end) => Some(Source::before((first, end))),
                _ => None,
            };
        }
    }
    if is_clause_word(prev) || is_preposition(prev) {
        // `while raising`, `by saying`, `and saying`
        return subject_of_clause(ctx, cue, a);
    }
    // A participle may modify a noun: `a memo alleging`; a medium that is a verb's object
    // speaks for the verb's subject (`the council issued a statement saying`).
    match left(ctx, i, sent.start, cues, false) {
        Left::Found(first, end) if object_medium(ctx, first, end, sent.start) => {
            subject_of_clause(ctx, cue, a)
        }
        Left::Found(first, end) => Some(Source::before((first, end))),
        Left::Coordinated => subject_of_clause(ctx, cue, a),
        Left::None => None,
    }
}

/// The subject a non-finite or coordinated cue shares: the source of the nearest earlier cue
/// in the sentence that speaks in the main clause, else the sentence's own subject. Not a
/// relative pronoun (`an architect who said…`) nor a source inside what an earlier cue
/// reports (`Perdue said he did not believe…, arguing`: Perdue).
fn subject_of_clause(ctx: &Ctx, cue: &Cue, a: &Around) -> Option<Source> {
    let main = a.earlier.iter().rev().find(|&&(c, s)| {
        c < cue.first && !relative_pronoun(ctx, &s) && !reported(ctx, &s, a.earlier)
    });
    if let Some(&(_, s)) = main {
        return Some(Source { place: Place::Shared, ..s });
    }
    let (first, end) = sentence_subject(ctx, a.sent.start, cue.first, a.cues)?;
    Some(Source { first, end, place: Place::Shared })
}

/// Whether the source is a lone relative pronoun (`who`, `which`, `that`).
fn relative_pronoun(ctx: &Ctx, s: &Source) -> bool {
    s.end - s.first == 1 && matches!(ctx.norm(s.first), "who" | "which" | "that")
}

/// Whether the source is the subject of a clause that follows an earlier cue of the sentence
/// with no punctuation between (`told reporters that she…`): it speaks inside that cue's
/// content; or the agent of a passive (`was called a liar by the unions for saying`). Not a
/// source after its own cue (`said Caddell, speaking…`).
fn reported(ctx: &Ctx, s: &Source, earlier: &[(usize, Source)]) -> bool {
    let agent = s.first > 0 && matches!(ctx.norm(s.first - 1), "by" | "from");
    (s.place != Place::After || agent)
        && earlier.iter().any(|&(c, _)| {
            c < s.first && (c + 1..=s.first).all(|k| !ctx.gap_before(k).contains([',', ';', ':']))
        })
}

/// `with Holt saying`, `with Clinton — who… — lambasting`: the noun phrase that `with` opens
/// right before the participle at `i` (or before a dashed aside there).
fn with_subject(ctx: &Ctx, i: usize, floor: usize, cues: &[Cue]) -> Option<Source> {
    let dash = |k: usize| matches!(ctx.gap_before(k).trim(), "—" | "–" | "--");
    let p = if i > floor && dash(i) {
        (floor + 1..i - 1).rev().take(24).find(|&k| dash(k))?
    } else if ctx.joined(i) {
        i
    } else {
        return None;
    };
    if p < floor + 2 || !ctx.joined(p - 1) && p != i {
        return None;
    }
    let head = p - 1;
    let w = ctx.norm(head);
    let noun = content_word(ctx, head) && !participle_form(ctx, head) && !w.ends_with("ing");
    if is_cue_token(cues, head) || !(noun || is_object_pronoun(w)) {
        return None;
    }
    let first = if noun { np_before(ctx, head, floor, cues) } else { head };
    (first > floor && ctx.joined(first) && ctx.norm(first - 1) == "with").then_some(Source {
        first,
        end: head + 1,
        place: Place::Before,
    })
}

/// Whether the noun phrase `first..end` is a medium (`a statement`, `a letter to the board`)
/// that is the object of a verb of making it public right before it (`issued`, `sent`; not
/// `confirmed a report alleging`, where the report speaks).
fn object_medium(ctx: &Ctx, first: usize, end: usize, floor: usize) -> bool {
    let medium = (first..end)
        .take_while(|&t| !is_np_preposition(ctx.norm(t)) || t == first)
        .any(|t| is_mouthpiece(ctx.norm(t)) || is_publication(ctx.norm(t)));
    medium
        && first > floor
        && ctx.joined(first)
        && !ctx.is_cap(first - 1)
        && matches!(
            ctx.norm(first - 1),
            "issue"
                | "issued"
                | "issues"
                | "release"
                | "released"
                | "releases"
                | "send"
                | "sent"
                | "sends"
                | "post"
                | "posted"
                | "posts"
                | "publish"
                | "published"
                | "wrote"
                | "writes"
                | "signed"
                | "filed"
                | "delivered"
                | "unveiled"
                | "circulated"
                | "penned"
                | "drafted"
                | "submitted"
                | "put"
        )
}

/// `was quoted as saying`: a passive cue whose subject is the speaker.
pub(super) fn quoted_as(ctx: &Ctx, cue: &Cue) -> bool {
    (cue.first + 1..cue.end).any(|t| ctx.norm(t) == "as")
}

/// Whether the verb at `i` is a passive participle: a form of *be* (with adverbs between)
/// right before it.
pub(super) fn passive(ctx: &Ctx, i: usize, floor: usize) -> bool {
    let w = ctx.norm(i);
    if !(w.ends_with("ed") || matches!(w, "told" | "said" | "written" | "known" | "seen")) {
        return false;
    }
    let mut j = i;
    while j > floor && ctx.joined(j) {
        let p = ctx.norm(j - 1);
        if is_be(p) {
            return true;
        }
        if !is_adverb(p) || ctx.is_cap(j - 1) {
            return false;
        }
        j -= 1;
    }
    false
}

/// `"C," said S` / `C, says S`: the verb right after a closing quotation or a comma,
/// followed by a noun phrase that ends the clause.
fn inverted(ctx: &Ctx, cue: &Cue, sent: &Range<usize>, cues: &[Cue]) -> Option<Source> {
    let i = cue.first;
    if cue.end >= sent.end || !ctx.joined(cue.end) {
        return None;
    }
    let after_content = i == sent.start
        || ctx.gap_before(i).contains([',', '—', '–'])
        || ctx.speech_closing_before(i).is_some();
    let next = ctx.norm(cue.end);
    if !after_content || is_clause_word(next) || is_preposition(next) || is_auxiliary(next) {
        return None;
    }
    let (first, end) = np_right(ctx, cue.end, sent.end, cues, false)?;
    let closes = end == sent.end
        || !ctx.joined(end)
        || is_preposition(ctx.norm(end))
        || is_clause_word(ctx.norm(end))
        || is_time_word(ctx.norm(end))
        || is_cue_token(cues, end);
    closes.then_some(Source { first, end, place: Place::After })
}

enum Left {
    Found(usize, usize),
    /// The verb follows `and` / `but` / `then`: it shares the subject of the first verb.
    Coordinated,
    None,
}

/// The subject to the left of the token at `at`: skips auxiliaries, adverbs, time phrases,
/// `to` + verb, and a parenthetical between commas (`, however,`); takes the appositive's
/// anchor (`S, the spokesman for X, said`) or the noun phrase ending right there.
fn left(ctx: &Ctx, at: usize, floor: usize, cues: &[Cue], finite: bool) -> Left {
    let mut p = at; // the token the subject must precede
    let mut comma_seen = false; // the comma before `p` was already read (an aside)
    let mut infinitive = false; // `to` + verb was skipped
    for _ in 0..16 {
        if p <= floor {
            return Left::None;
        }
        if !comma_seen && !ctx.joined(p) {
            match across_gap(ctx, p, floor, cues, finite) {
                Step::Skip(k) => {
                    p = k;
                    comma_seen = true;
                    continue;
                }
                Step::Done(l) => return l,
            }
        }
        comma_seen = false;
        match word_before(ctx, p, at, (floor, cues), &mut infinitive) {
            Step::Skip(k) => p = k,
            Step::Done(Some(l)) => return l,
            Step::Done(None) => return subject_np(ctx, p - 1, floor, cues, finite),
        }
    }
    Left::None
}

/// What [`left`] does next: read on leftwards from a token (before a skipped aside, word or
/// parenthetical such as `, however,`), or stop with a result.
enum Step<T> {
    Skip(usize),
    Done(T),
}

/// The punctuation before token `p` on the way to its subject: brackets and dashes around an
/// aside are skipped, a comma opens an apposition or parenthetical; anything else ends the
/// search.
fn across_gap(ctx: &Ctx, p: usize, floor: usize, cues: &[Cue], finite: bool) -> Step<Left> {
    let gap = ctx.gap_before(p).trim();
    if ctx.sentence(p - 1) != ctx.sentence(p) {
        return Step::Done(Left::None);
    }
    if gap.ends_with(')') && !gap.contains(',') {
        // `Paul Ryan (R-Wis.) said`: skip the brackets.
        return match (floor + 1..p).rev().find(|&k| ctx.gap_before(k).contains('(')) {
            Some(k) if p - k <= 6 => Step::Skip(k),
            _ => Step::Done(Left::None),
        };
    }
    if matches!(gap, "—" | "–" | "--") {
        // `Murphy — after a pause — told me`: skip the aside between dashes.
        let dash = (floor + 1..p - 1)
            .rev()
            .take(16)
            .find(|&k| matches!(ctx.gap_before(k).trim(), "—" | "–" | "--"));
        return dash.map_or(Step::Done(Left::None), Step::Skip);
    }
    // `Ala., says`: an abbreviation's full stop before the comma.
    let gap = if ctx.abbreviation(p - 1) { gap.trim_start_matches('.') } else { gap };
    if !gap.starts_with(',') && !gap.starts_with("),") {
        return Step::Done(Left::None);
    }
    // A comma: a parenthetical or an appositive lies between the subject and the verb.
    aside(ctx, p, floor, cues, finite)
}

/// The word right before token `p` (joined to it) on the way to the subject of the verb at
/// `at`: skipped (auxiliaries, adverbs, time words, `to` + verb, which sets `infinitive`), an
/// end (`Some`: a cue, a coordination, `it` before an infinitive), or the last word of the
/// subject (`None`).
fn word_before(
    ctx: &Ctx,
    p: usize,
    at: usize,
    (floor, cues): (usize, &[Cue]),
    infinitive: &mut bool,
) -> Step<Option<Left>> {
    let t = p - 1;
    let w = ctx.norm(t);
    if is_cue_token(cues, t) {
        return Step::Done(Some(Left::None));
    }
    if matches!(w, "and" | "but" | "then") {
        return Step::Done(Some(Left::Coordinated));
    }
    if (is_auxiliary(w) || is_adverb(w)) && !ctx.is_cap(t) || is_time_word(w) {
        return Step::Skip(t);
    }
    if matches!(w, "on" | "last" | "this" | "earlier" | "late" | "early")
        && p < at
        && is_time_word(ctx.norm(p))
    {
        return Step::Skip(t);
    }
    if w == "to" && t > floor && ctx.joined(t) {
        // `declined to say`: skip `to` and the verb that governs it.
        let v = t - 1;
        let vw = ctx.norm(v);
        if !ctx.is_cap(v) && !is_determiner(vw) && pronoun(vw).is_none() {
            *infinitive = true;
            return Step::Skip(v);
        }
    }
    // `it is fair to say`: no speaker.
    if *infinitive && matches!(w, "it" | "it's") {
        return Step::Done(Some(Left::None));
    }
    Step::Done(None)
}

/// The subject whose last word is `t`: the noun before a reduced relative (`a poll released
/// Friday found`), else the noun phrase ending at `t`.
fn subject_np(ctx: &Ctx, t: usize, floor: usize, cues: &[Cue], finite: bool) -> Left {
    if let Some(noun) = reduced_relative(ctx, t, floor)
        && let found @ Left::Found(..) = found_np(ctx, noun, floor, cues, finite)
    {
        return found;
    }
    found_np(ctx, t, floor, cues, finite)
}

/// If the words ending at `t` are a reduced relative clause (`released Friday`, `conducted
/// by Gallup`, `released on Tuesday`: a lowercase past participle followed by `by`, a time or
/// place phrase, or nothing), the noun it modifies.
fn reduced_relative(ctx: &Ctx, t: usize, floor: usize) -> Option<usize> {
    let mut k = t;
    for _ in 0..8 {
        if k <= floor + 1 || !ctx.joined(k) {
            return None;
        }
        if participle_form(ctx, k) {
            let next_ok = k == t
                || matches!(
                    ctx.norm(k + 1),
                    "by" | "on" | "in" | "last" | "this" | "earlier" | "at"
                )
                || is_time_word(ctx.norm(k + 1));
            let noun = k - 1;
            let w = ctx.norm(noun);
            let is_noun = (content_word(ctx, noun) || ctx.is_cap(noun))
                && !is_auxiliary(w)
                && !is_adverb(w)
                && pronoun(w).is_none();
            return (next_ok && is_noun).then_some(noun);
        }
        let w = ctx.norm(k);
        if is_clause_word(w) || is_auxiliary(w) {
            return None;
        }
        k -= 1;
    }
    None
}

/// Whether token `t` reads as a lowercase past participle (`released`; not `Fred`, `agreed`).
fn participle_form(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.norm(t);
    !ctx.is_cap(t) && w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed")
}

/// Reads the comma-separated segments before the verb at `p`, right to left (at most three):
/// `Odo Brandt, the spokesman, said` → `Odo Brandt`; `the press secretary, Josh Earnest,
/// said` → `Josh Earnest`; `Marley Anderson, 21, a student, said` → `Marley Anderson`.
fn aside(ctx: &Ctx, p: usize, floor: usize, cues: &[Cue], finite: bool) -> Step<Left> {
    let mut end = p;
    for level in 0..4 {
        let Some(open) = previous_comma(ctx, end - 1, floor) else {
            return Step::Done(Left::None);
        };
        let inner = open..end;
        if level == 0 && parenthetical(ctx, &inner) {
            return Step::Skip(open);
        }
        if !appositive(ctx, &inner) || open <= floor {
            return Step::Done(Left::None);
        }
        let anchor = open - 1;
        let relative = matches!(ctx.norm(inner.start), "who" | "which");
        if ctx.is_cap(anchor) || relative {
            match found_np(ctx, anchor, floor, cues, finite) {
                // `Brianne Stone, 29, of Huntsville, Ala., says`: the anchor is the object of a
                // preposition inside a further segment.
                Left::None if !relative && object_of_preposition(ctx, anchor, floor) => {
                    end = open;
                    continue;
                }
                l => return Step::Done(l),
            }
        }
        // The segment itself is a name: `…secretary, Josh Earnest, said`.
        if inner.clone().all(|t| ctx.is_cap(t)) && !is_cue_token(cues, inner.start) {
            return Step::Done(Left::Found(inner.start, inner.end));
        }
        // `Marley Anderson, 21, a student, said`: the anchor belongs to another segment.
        end = open;
    }
    Step::Done(Left::None)
}

/// Whether the name ending at `t` follows a preposition that opens its comma segment
/// (`…, of Huntsville, …`).
fn object_of_preposition(ctx: &Ctx, t: usize, floor: usize) -> bool {
    let mut k = t;
    while k > floor && ctx.joined(k) && ctx.is_cap(k - 1) {
        k -= 1;
    }
    k > floor && ctx.joined(k) && is_preposition(ctx.norm(k - 1)) && !ctx.joined(k - 1)
}

/// The noun phrase whose head is `head`, if it can be the subject of a verb (`finite`: of a
/// finite verb, so that it cannot follow another verb as its object).
fn found_np(ctx: &Ctx, head: usize, floor: usize, cues: &[Cue], finite: bool) -> Left {
    if pronoun(ctx.norm(head)).is_some() {
        return Left::Found(head, head + 1);
    }
    let quantifier = matches!(
        ctx.norm(head),
        "many" | "some" | "most" | "all" | "both" | "others" | "several" | "few" | "none"
    );
    // A lowercase `-ed` word is a verb or participle (`exchanged written messages`).
    let after_determiner = head > floor && ctx.joined(head) && is_determiner(ctx.norm(head - 1));
    let verb_form = participle_form(ctx, head) && !after_determiner;
    if !(content_word(ctx, head) || quantifier) || verb_form || is_cue_token(cues, head) {
        return Left::None;
    }
    let first = np_before(ctx, head, floor, cues);
    // A noun phrase right after a preposition or a verb is its object, not a subject.
    if first > floor && ctx.joined(first) {
        let w = ctx.norm(first - 1);
        let verb = finite
            && content_word(ctx, first - 1)
            && !ctx.is_cap(first - 1)
            && !crate::language::english::is_title(w)
            && !is_adverb(w)
            && !is_time_word(w);
        if is_preposition(w) || verb {
            return Left::None;
        }
    }
    Left::Found(first, head + 1)
}

/// Index of the token that follows the closest comma before token `i` (searching back to
/// `floor`), if that comma is at most [`APPOSITION`] tokens away.
fn previous_comma(ctx: &Ctx, i: usize, floor: usize) -> Option<usize> {
    let mut k = i;
    while k > floor && i - k < APPOSITION {
        if ctx.sentence(k - 1) != ctx.sentence(k) {
            return None;
        }
        if ctx.gap_before(k).contains(',') {
            return Some(k);
        }
        k -= 1;
    }
    None
}

/// `however`, `for example`, `for his part`, `in turn`, `too`: a short aside.
fn parenthetical(ctx: &Ctx, r: &Range<usize>) -> bool {
    r.len() <= 3
        && !r.clone().any(|t| ctx.is_cap(t) && !ctx.is_sentence_start(t))
        && !is_determiner(ctx.norm(r.start))
        && r.clone().all(|t| {
            let w = ctx.norm(t);
            is_adverb(w)
                || is_preposition(w)
                || is_determiner(w)
                || matches!(w, "example" | "instance" | "part" | "turn" | "one" | "course")
        })
}

/// `the spokesman for X`, `23`, `Clinton's campaign manager`, `who has not endorsed anyone`,
/// `struck by her story`: a description of the name before it. Anything short enough that
/// does not open with a pronoun (`…, he said` is no apposition).
fn appositive(ctx: &Ctx, r: &Range<usize>) -> bool {
    let w = ctx.norm(r.start);
    r.len() <= APPOSITION && (pronoun(w).is_none() || matches!(w, "who" | "which"))
}

/// The first token of the noun phrase whose head is `head`, extending it leftwards (also for
/// antecedents of `who`).
pub(super) fn np_before(ctx: &Ctx, head: usize, floor: usize, cues: &[Cue]) -> usize {
    let mut first = head;
    while first > floor && head - first < MAX_NP && ctx.joined(first) {
        let t = first - 1;
        let w = ctx.norm(t);
        if is_cue_token(cues, t) || ctx.quote_of(t) != ctx.quote_of(head) {
            break;
        }
        if is_determiner(w) {
            first = t;
            // `sources familiar with the matter`: a prepositional phrase inside the phrase.
            if let Some(k) = np_preposition_before(ctx, t, floor) {
                first = k;
                continue;
            }
            break;
        }
        if is_np_preposition(w) {
            if let Some(k) = np_preposition_before(ctx, first, floor) {
                first = k;
                continue;
            }
            break;
        }
        if ctx.is_cap(t) || ctx.is_possessive(t) || ctx.is_numeric(t) || content_word(ctx, t) {
            first = t;
            continue;
        }
        break;
    }
    first
}

/// If token `i - 1` is a noun-phrase preposition preceded by a content word, that content
/// word's index.
fn np_preposition_before(ctx: &Ctx, i: usize, floor: usize) -> Option<usize> {
    if i < floor + 2 || !ctx.joined(i) || !ctx.joined(i - 1) {
        return None;
    }
    let prep = i - 1;
    if !is_np_preposition(ctx.norm(prep)) {
        return None;
    }
    let before = prep - 1;
    (content_word(ctx, before) || ctx.is_cap(before)).then_some(before)
}

/// A noun phrase starting at token `start` (the gap before it may hold punctuation such as
/// an opening quotation mark), up to `limit`. Returns its token range. `object`: the phrase
/// is the object of a preposition, so `him` or `them` may be all of it.
pub(super) fn np_right(
    ctx: &Ctx,
    start: usize,
    limit: usize,
    cues: &[Cue],
    object: bool,
) -> Option<(usize, usize)> {
    if start >= limit || is_cue_token(cues, start) {
        return None;
    }
    let w = ctx.norm(start);
    if is_object_pronoun(w) || pronoun(w).is_some() {
        let subject =
            matches!(pronoun(w), Some(p) if p != crate::language::english::Pronoun::Relative);
        return (object || subject && !is_object_pronoun(w)).then_some((start, start + 1));
    }
    if !(ctx.is_cap(start) || is_determiner(w) || ctx.is_numeric(start) || content_word(ctx, start))
    {
        return None;
    }
    let mut end = start + 1;
    while end < limit && end - start < MAX_NP && ctx.joined(end) {
        let w = ctx.norm(end);
        if is_cue_token(cues, end) {
            break;
        }
        if ctx.is_cap(end) || ctx.is_possessive(end) || ctx.is_numeric(end) {
            end += 1;
            continue;
        }
        let close_to = w == "to" && matches!(ctx.norm(end - 1), "close" | "closer" | "near");
        if is_np_preposition(w) && matches!(w, "of" | "for" | "with" | "at" | "from") || close_to {
            let next = end + 1;
            if next < limit
                && ctx.joined(next)
                && !ctx.norm(next).ends_with("ing")
                && (ctx.is_cap(next) || is_determiner(ctx.norm(next)) || content_word(ctx, next))
            {
                end = next + 1;
                continue;
            }
            break;
        }
        if is_determiner(w) && !matches!(w, "no" | "more" | "any") {
            end += 1;
            continue;
        }
        if content_word(ctx, end) && !is_adverb(w) && !is_time_word(w) {
            end += 1;
            continue;
        }
        break;
    }
    // Drop a trailing determiner or preposition.
    let function_word = |t: usize| is_determiner(ctx.norm(t)) || is_preposition(ctx.norm(t));
    let kept = (start + 1..end).rev().take_while(|&t| function_word(t)).count();
    Some((start, end - kept))
}

/// The subject of the sentence `start..`: after a leading adverbial up to the first comma
/// (`On Thursday, he …`), the noun phrase that opens the clause. Stops before `limit`.
pub(super) fn sentence_subject(
    ctx: &Ctx,
    start: usize,
    limit: usize,
    cues: &[Cue],
) -> Option<(usize, usize)> {
    let mut s = start;
    while s < limit && ctx.quote_of(s).is_some() {
        s += 1;
    }
    if s >= limit {
        return None;
    }
    let w = ctx.norm(s);
    if is_preposition(w) || is_clause_word(w) || is_adverb(w) || w.ends_with("ing") {
        let comma = (s + 1..limit).find(|&k| ctx.gap_before(k).trim_start().starts_with(','))?;
        s = comma;
    }
    let w = ctx.norm(s);
    if pronoun(w).is_some() {
        return Some((s, s + 1));
    }
    // Names, determiners, possessives and content words up to the first auxiliary, adverb or
    // a lowercase word after a name (the verb).
    let mut end = s;
    let mut name_run = false;
    while end < limit && end - s < MAX_NP && (end == s || ctx.joined(end)) {
        let w = ctx.norm(end);
        if is_cue_token(cues, end) || is_auxiliary(w) || is_adverb(w) || is_clause_word(w) {
            break;
        }
        // A capitalised determiner opens the sentence (`The council`), not a name.
        if ctx.is_cap(end) && !is_determiner(w) || ctx.is_possessive(end) {
            name_run = !ctx.is_possessive(end);
            end += 1;
            continue;
        }
        if name_run || is_preposition(w) || !content_word(ctx, end) && !is_determiner(w) {
            break;
        }
        let verb_like = end > s && !is_determiner(ctx.norm(end - 1)) && w.ends_with("ed");
        if verb_like {
            break;
        }
        end += 1;
    }
    (end > s).then_some((s, end))
}

/// A word that can be part of a noun phrase: not a function word.
fn content_word(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.norm(i);
    if ctx.is_cap(i) && !ctx.is_sentence_start(i) && pronoun(w).is_none() && w != "i" {
        return true; // a name, even `Will`
    }
    !(is_determiner(w)
        || is_auxiliary(w)
        || is_clause_word(w)
        || is_preposition(w)
        || pronoun(w).is_some()
        || is_object_pronoun(w)
        || matches!(w, "also" | "not" | "to" | "there" | "here" | "said" | "says" | "told"))
        && w.chars().next().is_some_and(char::is_alphanumeric)
}

/// Informants: `citing sources familiar with the matter`, `quoting officials`.
fn informant(ctx: &Ctx, first: usize, end: usize) -> bool {
    (first..end).take_while(|&t| !is_np_preposition(ctx.norm(t))).any(|t| is_informant(ctx.norm(t)))
}

/// Whether token `i` is part of a cue.
pub(super) fn is_cue_token(cues: &[Cue], i: usize) -> bool {
    let k = cues.partition_point(|c| c.end <= i);
    cues.get(k).is_some_and(|c| c.first <= i)
}
