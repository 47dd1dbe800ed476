//! Learned cues: the cue model (`crate::cuemodel`) decides which tokens are reporting cues.
//! Candidates are the tokens of attribution-lexicon hits and the words of the model's
//! vocabulary (words annotators marked as cues in training); each gets hashed features of its
//! window (word, crude stem, shape, suffixes, neighbours, the roles and stance classes of
//! nearby hits, quotation, punctuation and sentence position, and what the rules of
//! `lexical` decided). A rule cue stays when one of its tokens scores above the threshold; a
//! scoring lexicon hit the rules dropped becomes a cue with the rules' shape; a scoring word
//! outside the lexicon becomes a learned cue (no entry, neutral). Speakers' colons and named
//! polls stay rules. The same [`features`] serve training (`crate::cuetrain`).

use super::lexical;
use crate::cuemodel::{CueModel, FeatureHasher, word_key};
use crate::language::english::{
    is_adverb, is_auxiliary, is_clause_word, is_determiner, is_preposition, pronoun,
};
use crate::lexicon::{Role, Roles};
use crate::matcher::Hit;
use crate::view::cue::{Cue, Form};
use crate::view::section::SectionView;

/// Per-thread buffers of the decision, reused from section to section.
#[derive(Default)]
pub(crate) struct LearnedScratch {
    kept: Vec<bool>,
    added: Vec<Cue>,
}

/// The attribution hits' index range overlapping `lo..hi`, advancing `from` (hits are in token
/// order and calls come in token order).
fn near_hits<'h>(hits: &'h [Hit], from: &mut usize, lo: usize, hi: usize) -> &'h [Hit] {
    while *from < hits.len() && (hits[*from].end as usize) <= lo {
        *from += 1;
    }
    let end = hits[*from..].iter().take_while(|h| (h.first as usize) < hi).count();
    &hits[*from..*from + end]
}

/// Calls `visit` with every candidate token of the section, the attribution hit covering it
/// and its hashed features; `knows` tells whether a word key is in the vocabulary, `rules`
/// are the rule cues of the section.
pub(crate) fn each_candidate(
    ctx: &SectionView,
    rules: &[Cue],
    f: &mut FeatureHasher,
    knows: impl Fn(u64) -> bool,
    mut visit: impl FnMut(usize, Option<&Hit>, &[u32]),
) {
    let mut from = 0;
    for i in 0..ctx.len() {
        let near = near_hits(ctx.hits, &mut from, i.saturating_sub(3), i + 4);
        let hit = near.iter().find(|h| covers(h, i) && is_cue(ctx.roles, h));
        let w = ctx.norm(i);
        if !w.bytes().any(|b| b.is_ascii_alphabetic())
            || hit.is_none() && (!knows(word_key(w)) || closed_class(w))
        {
            continue;
        }
        f.clear();
        features(ctx, rules, near, i, f);
        visit(i, hit, f.indices());
    }
}

/// Replaces the rule cues in `out` with the model's decision (see the module documentation).
pub(super) fn decide(
    ctx: &SectionView,
    model: &CueModel,
    scratch: &mut LearnedScratch,
    out: &mut Vec<Cue>,
) {
    let LearnedScratch { kept, added } = scratch;
    kept.clear();
    kept.extend(out.iter().map(|c| c.entry.is_none()));
    added.clear();
    let mut f = FeatureHasher::new(model.bits());
    let rules: &[Cue] = out;
    each_candidate(
        ctx,
        rules,
        &mut f,
        |k| model.knows(k),
        |i, hit, features| {
            let score = model.score(features);
            let at = rules.partition_point(|c| c.end <= i);
            match rules.get(at).filter(|c| c.first <= i) {
                Some(_) if score > model.keep_threshold() => kept[at] = true,
                None if score > model.threshold() => add(ctx, hit, i, added),
                _ => {}
            }
        },
    );
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        kept[k - 1]
    });
    for c in added.drain(..) {
        if !out.iter().any(|o| o.first < c.end && c.first < o.end) {
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.first);
}

/// Function words, which annotators mark only as part of a cue (`has said`, `talked about`):
/// never a learned cue by themselves.
fn closed_class(w: &str) -> bool {
    pronoun(w).is_some()
        || is_determiner(w)
        || is_auxiliary(w)
        || is_preposition(w)
        || is_adverb(w)
        || is_clause_word(w)
        || matches!(w, "to" | "not" | "n't" | "and" | "or" | "but" | "also" | "then" | "later")
}

fn covers(h: &Hit, i: usize) -> bool {
    (h.first as usize) <= i && i < h.end as usize
}

fn is_cue(roles: &Roles, h: &Hit) -> bool {
    matches!(roles.role(h.entry), Role::AttributionCue { .. })
}

/// Adds the cue of the scoring token `i`: its lexicon hit with the rules' shape, or the word
/// itself, joined to a learned cue right before it.
fn add(ctx: &SectionView, hit: Option<&Hit>, i: usize, added: &mut Vec<Cue>) {
    if let Some(h) = hit {
        let Some((first, end)) = lexical::trim(ctx, h.first as usize, h.end as usize) else {
            return;
        };
        if added.last().is_some_and(|c| c.end > first) {
            return;
        }
        let verbal = lexical::used_as_verb(ctx, first);
        let lemma = ""; // the shape rules only look at the lemma for `cite` / `quote`
        let form = lexical::form(ctx, first, end, lemma, verbal);
        added.push(Cue { first, end, entry: Some(h.entry), form, learned: true });
        return;
    }
    if let Some(last) = added.last_mut()
        && last.entry.is_none()
        && last.end == i
        && ctx.joined(i)
    {
        last.end = i + 1;
        return;
    }
    let form = if ctx.norm(i).ends_with("ing") { Form::Participle } else { Form::Verb };
    added.push(Cue { first: i, end: i + 1, entry: None, form, learned: true });
}

/// A coarse word class of token `i` for context features.
fn word_class(ctx: &SectionView, i: usize) -> &'static str {
    let w = ctx.norm(i);
    if pronoun(w).is_some() {
        "pron"
    } else if is_determiner(w) {
        "det"
    } else if is_auxiliary(w) {
        "aux"
    } else if is_preposition(w) {
        "prep"
    } else if ctx.is_possessive(i) {
        "poss"
    } else if ctx.is_numeric(i) {
        "num"
    } else if ctx.is_cap(i) {
        "cap"
    } else if !w.bytes().any(|b| b.is_ascii_alphanumeric()) {
        "punct"
    } else {
        "word"
    }
}

/// The kind of punctuation in a gap between tokens.
fn gap_kind(gap: &str) -> &'static str {
    if gap.contains(['“', '”', '"', '‘', '’', '\'']) {
        "quote"
    } else if gap.contains(':') {
        "colon"
    } else if gap.contains(',') {
        "comma"
    } else if gap.contains(['—', '–', '(', ')']) {
        "dash"
    } else if gap.contains(['.', '?', '!', ';']) {
        "stop"
    } else if gap.contains('\n') {
        "line"
    } else {
        ""
    }
}

/// A word's shape: runs of upper, lower, digit and other characters, at most four.
fn shape(surface: &str, buf: &mut [u8; 4]) -> usize {
    let mut n = 0;
    for ch in surface.chars() {
        let c = if ch.is_uppercase() {
            b'X'
        } else if ch.is_lowercase() {
            b'x'
        } else if ch.is_numeric() {
            b'd'
        } else {
            b'-'
        };
        if n == 0 || buf[n - 1] != c {
            if n == buf.len() {
                break;
            }
            buf[n] = c;
            n += 1;
        }
    }
    n
}

fn suffix(w: &str, n: usize) -> &str {
    let mut k = w.len().saturating_sub(n);
    while !w.is_char_boundary(k) {
        k -= 1;
    }
    &w[k..]
}

/// The word at `i + d` (or a boundary marker), within the sentence of `i`.
fn word_at<'a>(ctx: &SectionView<'a>, i: usize, d: isize) -> &'a str {
    let j = i as isize + d;
    if j < 0 || j as usize >= ctx.len() || ctx.sentence(j as usize) != ctx.sentence(i) {
        return if d < 0 { "<s>" } else { "</s>" };
    }
    ctx.norm(j as usize)
}

/// Writes the features of token `i` to `f`: `rules` are the rule cues of the section (in
/// token order), `near` the hits around `i`.
pub(crate) fn features(
    ctx: &SectionView,
    rules: &[Cue],
    near: &[Hit],
    i: usize,
    f: &mut FeatureHasher,
) {
    let w = ctx.norm(i);
    let stem = crate::cuemodel::crude_stem(w);
    f.add(0, "", "");
    f.add(1, w, "");
    f.add(2, stem, "");
    let mut sb = [0; 4];
    let n = shape(ctx.surface(i), &mut sb);
    f.add(3, std::str::from_utf8(&sb[..n]).unwrap_or(""), "");
    f.add(4, suffix(w, 3), "");
    f.add(5, suffix(w, 2), "");
    let (p1, p2, n1, n2) =
        (word_at(ctx, i, -1), word_at(ctx, i, -2), word_at(ctx, i, 1), word_at(ctx, i, 2));
    f.add(6, p1, "");
    f.add(7, p2, "");
    f.add(8, n1, "");
    f.add(9, n2, "");
    f.add(10, p1, stem);
    f.add(11, stem, n1);
    let pc = if i > 0 && ctx.sentence(i - 1) == ctx.sentence(i) {
        word_class(ctx, i - 1)
    } else {
        "<s>"
    };
    let nc = if i + 1 < ctx.len() && ctx.sentence(i + 1) == ctx.sentence(i) {
        word_class(ctx, i + 1)
    } else {
        "</s>"
    };
    f.add(12, pc, nc);
    f.add(13, stem, pc);
    f.add(14, stem, nc);
    let (pc2, nc2) = (class_at(ctx, i, -2), class_at(ctx, i, 2));
    f.add3(17, pc2, pc, "");
    f.add3(18, nc, nc2, "");
    window_features(ctx, i, stem, f);
    context_features(ctx, i, stem, f);
    hit_features(ctx, near, i, stem, f);
    rule_features(ctx, rules, i, stem, f);
}

/// The word class of the token at `i + d`, or a boundary marker, within the sentence of `i`.
fn class_at(ctx: &SectionView, i: usize, d: isize) -> &'static str {
    let j = i as isize + d;
    if j < 0 || j as usize >= ctx.len() || ctx.sentence(j as usize) != ctx.sentence(i) {
        return if d < 0 { "<s>" } else { "</s>" };
    }
    word_class(ctx, j as usize)
}

/// What the sentence holds around token `i`: `that` or `to` soon after, a name or pronoun
/// before, quoted words within eight tokens on either side.
fn window_features(ctx: &SectionView, i: usize, stem: &str, f: &mut FeatureHasher) {
    let r = ctx.sentence_tokens(i);
    let after = i + 1..(i + 4).min(r.end);
    let that = after.clone().any(|k| ctx.norm(k) == "that");
    let to = after.clone().any(|k| ctx.norm(k) == "to");
    f.add(50, stem, if that { "that" } else { "" });
    f.add(51, stem, if to { "to" } else { "" });
    let subject = (i.saturating_sub(3).max(r.start)..i)
        .any(|k| ctx.is_name_like(k) || pronoun(ctx.norm(k)).is_some());
    f.add(52, stem, if subject { "subj" } else { "" });
    let q_before = (i.saturating_sub(8).max(r.start)..i).any(|k| ctx.quote_of(k).is_some());
    let q_after = (i + 1..(i + 9).min(r.end)).any(|k| ctx.quote_of(k).is_some());
    let q = match (q_before, q_after) {
        (true, true) => "both",
        (true, false) => "before",
        (false, true) => "after",
        (false, false) => "none",
    };
    f.add(53, q, "");
    f.add(54, stem, q);
}

/// Quotation, punctuation and position features of token `i`.
fn context_features(ctx: &SectionView, i: usize, stem: &str, f: &mut FeatureHasher) {
    let quoted = if ctx.in_quotation(i) { "q" } else { "" };
    f.add(20, quoted, "");
    f.add(21, stem, quoted);
    let before = gap_kind(ctx.gap_before(i));
    let after = if i + 1 < ctx.len() { gap_kind(ctx.gap_after(i)) } else { "end" };
    f.add(22, before, after);
    f.add(23, stem, before);
    f.add(24, stem, after);
    let start = ctx.sentence_tokens(i).start;
    let pos = match i - start {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=5 => 3,
        6..=10 => 4,
        _ => 5,
    };
    f.add_num(25, pos);
    f.add(26, stem, ["0", "1", "2", "3", "4", "5"][pos as usize]);
    let closing = ctx.speech_closing_before(i.saturating_sub(1)).is_some()
        || ctx.speech_closing_before(i).is_some();
    f.add(27, if closing { "closing" } else { "" }, "");
    f.add(28, if ctx.quote_opening_after(i).is_some() { "opening" } else { "" }, "");
    f.add(
        29,
        if ctx.section == crate::view::section::Section::Title { "title" } else { "body" },
        "",
    );
}

/// The roles and stance classes of the hits around token `i`, by offset.
fn hit_features(ctx: &SectionView, near: &[Hit], i: usize, stem: &str, f: &mut FeatureHasher) {
    const OFFSETS: [&str; 7] = ["-3", "-2", "-1", "0", "+1", "+2", "+3"];
    let mut own = "none";
    for h in near {
        let name = role_name(ctx.roles.role(h.entry));
        let (a, b) = (h.first as usize, h.end as usize);
        if a <= i && i < b {
            own = name;
            f.add(30, name, if a == i { "B" } else { "I" });
            continue;
        }
        let d = if b <= i { b as isize - 1 - i as isize } else { a as isize - i as isize };
        if (-3..=3).contains(&d) {
            f.add(31, name, OFFSETS[(d + 3) as usize]);
        }
    }
    f.add(32, stem, own);
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::AttributionCue { class: Some(c) } => c.name(),
        Role::AttributionCue { class: None } => "cue",
        Role::Hedge => "hedge",
        Role::Negator => "negator",
        Role::Intensifier(_) | Role::Dampener(_) => "booster",
        Role::Label { .. } => "label",
        Role::Content => "content",
    }
}

/// What the rules decided around token `i`: the form of a rule cue covering it, and whether
/// another rule cue is in its sentence.
fn rule_features(ctx: &SectionView, rules: &[Cue], i: usize, stem: &str, f: &mut FeatureHasher) {
    let at = rules.partition_point(|c| c.end <= i);
    let own = rules.get(at).filter(|c| c.first <= i).map_or("none", |c| form_name(c.form));
    f.add(40, own, "");
    f.add(41, stem, own);
    // The rule cues of the sentence, looked up in the (sorted) rules around `at`.
    let r = ctx.sentence_tokens(i);
    let lo = rules.partition_point(|c| c.first < r.start);
    let hi = rules.partition_point(|c| c.first < r.end);
    let own_in = usize::from(at >= lo && at < hi && rules[at].first <= i);
    let others = (hi.max(lo) - lo - own_in).min(2);
    f.add_num(42, others as u32);
}

fn form_name(form: Form) -> &'static str {
    match form {
        Form::Verb => "verb",
        Form::Participle => "participle",
        Form::Citing => "citing",
        Form::Object => "object",
        Form::Adjunct => "adjunct",
        Form::Colon => "colon",
    }
}

#[cfg(test)]
mod tests {
    use crate::cuemodel::{CueModel, bundled};
    use crate::lexicon::Lexicon;
    use crate::view::{Section, ViewScratch};

    const TEXT: &str = "Senator Vale blasted the plan on Monday, saying it would fail. \
        The rocket blasted off. “We won,” Holt said. Critics said the claims of fraud were \
        false, according to a report. The United States said nothing.";

    fn cues(lex: &Lexicon, model: Option<&CueModel>) -> Vec<(usize, usize, bool)> {
        let mut vs = ViewScratch::new();
        let view = vs.build_with(lex, model, Section::Body, TEXT);
        view.cues.iter().map(|c| (c.first, c.end, c.learned)).collect()
    }

    #[test]
    fn the_model_decides_sorted_disjoint_cues_the_same_way_every_time() {
        let lex = Lexicon::bundled(crate::Language::ENGLISH).unwrap();
        let model = bundled();
        let a = cues(&lex, Some(&model));
        assert_eq!(a, cues(&lex, Some(&model)));
        assert!(a.windows(2).all(|w| w[0].1 <= w[1].0), "{a:?}");
        assert!(!a.is_empty());
        // A model that never overrules keeps exactly the rules' cues.
        let n = 1 << model.bits();
        let silent = CueModel::new(model.bits(), i32::MAX, i32::MIN, vec![], vec![0; n]);
        assert_eq!(cues(&lex, Some(&silent)), cues(&lex, None));
        // A model that rejects everything keeps only colons and polls (none here).
        let deaf = CueModel::new(model.bits(), i32::MAX, i32::MAX, vec![], vec![0; n]);
        assert!(cues(&lex, Some(&deaf)).is_empty());
    }
}
