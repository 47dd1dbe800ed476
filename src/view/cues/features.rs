//! The hashed features of a candidate cue token (`learned`), computed through a memo: every
//! feature whose values come from a small fixed set (word classes, gap kinds, positions, hit
//! roles, rule forms) is hashed once per thread into a table, and every feature of the
//! candidate word itself (alone or with such a value) once per distinct word; only the
//! neighbouring words are hashed per token. The indices are exactly those of hashing each
//! feature as it is met (`FeatureHasher::add`), so a model scores the same.

use super::word_cache::WordCache;
use crate::cuemodel::{FeatureHasher, crude_stem, word_key};
use crate::language::english::{
    is_adverb, is_auxiliary, is_clause_word, is_determiner, is_preposition, pronoun,
};
use crate::lexicon::{CueClass, Role};
use crate::matcher::Hit;
use crate::view::cue::{Cue, Form};
use crate::view::section::{Section, SectionView};
use rustc_hash::FxHashMap;

/// Coarse word classes of context tokens, then the sentence boundaries.
const CLASSES: [&str; 11] =
    ["pron", "det", "aux", "prep", "poss", "num", "cap", "punct", "word", "<s>", "</s>"];
const START: usize = 9;
const END: usize = 10;
/// Punctuation kinds of a gap (`""`: none; `end`: no token after).
const GAPS: [&str; 8] = ["quote", "colon", "comma", "dash", "stop", "line", "", "end"];
const NO_GAP: usize = 6;
const GAP_END: usize = 7;
const POSITIONS: [&str; 6] = ["0", "1", "2", "3", "4", "5"];
/// Role names of lexicon hits: the stance classes in `CueClass::ALL` order, then the rest.
const ROLES: [&str; 13] = [
    "neutral",
    "endorsing",
    "doubting",
    "guilt",
    "insistent",
    "confrontational",
    "cue",
    "hedge",
    "negator",
    "booster",
    "label",
    "content",
    "none",
];
const NO_ROLE: usize = 12;
const OFFSETS: [&str; 7] = ["-3", "-2", "-1", "0", "+1", "+2", "+3"];
/// Forms of rule cues, then none.
const FORMS: [&str; 7] = ["verb", "participle", "citing", "object", "adjunct", "colon", "none"];
const NO_FORM: usize = 6;
/// Quoted words within eight tokens: before and after, before, after, neither.
const NEAR_QUOTES: [&str; 4] = ["both", "before", "after", "none"];

/// Offsets in a word's memo row (features of the word, alone or with a value of a set).
const W_WORD: usize = 0;
const W_STEM: usize = 1;
const W_SUFFIX3: usize = 2;
const W_SUFFIX2: usize = 3;
const W_PREV_CLASS: usize = 4;
const W_NEXT_CLASS: usize = W_PREV_CLASS + CLASSES.len();
const W_QUOTED: usize = W_NEXT_CLASS + CLASSES.len();
const W_GAP_BEFORE: usize = W_QUOTED + 2;
const W_GAP_AFTER: usize = W_GAP_BEFORE + GAPS.len();
const W_POSITION: usize = W_GAP_AFTER + GAPS.len();
const W_OWN_HIT: usize = W_POSITION + POSITIONS.len();
const W_OWN_RULE: usize = W_OWN_HIT + ROLES.len();
const W_THAT: usize = W_OWN_RULE + FORMS.len();
const W_TO: usize = W_THAT + 2;
const W_SUBJECT: usize = W_TO + 2;
const W_QUOTES: usize = W_SUBJECT + 2;
const W_LEN: usize = W_QUOTES + NEAR_QUOTES.len();

/// Offsets in the memo's table of features without the word.
const C_BIAS: usize = 0;
const C_CLASS_PAIR: usize = 1;
const C_PREV_CLASSES: usize = C_CLASS_PAIR + CLASSES.len() * CLASSES.len();
const C_NEXT_CLASSES: usize = C_PREV_CLASSES + CLASSES.len() * CLASSES.len();
const C_QUOTED: usize = C_NEXT_CLASSES + CLASSES.len() * CLASSES.len();
const C_GAPS2: usize = C_QUOTED + 2;
const C_POSITION: usize = C_GAPS2 + GAPS.len() * GAPS.len();
const C_CLOSING: usize = C_POSITION + POSITIONS.len();
const C_OPENING: usize = C_CLOSING + 2;
const C_TITLE: usize = C_OPENING + 2;
const C_OWN_HIT: usize = C_TITLE + 2;
const C_NEAR_HIT: usize = C_OWN_HIT + 2 * NO_ROLE;
const C_RULE: usize = C_NEAR_HIT + OFFSETS.len() * NO_ROLE;
const C_OTHER_RULES: usize = C_RULE + FORMS.len();
const C_QUOTES: usize = C_OTHER_RULES + 3;
/// Features 6–9 at a sentence boundary.
const C_BOUNDARY: usize = C_QUOTES + NEAR_QUOTES.len();
const C_LEN: usize = C_BOUNDARY + 4;

/// Candidate words whose features are remembered per thread before the memo starts afresh
/// (memory stays bounded whatever the model and the input).
const MAX_WORDS: usize = 1 << 17;

/// What the memo knows of one word as a neighbour of a candidate.
#[derive(Clone, Copy)]
struct Word {
    /// Its class in `CLASSES` when a closed class (pronoun, determiner, auxiliary,
    /// preposition) says it by the word alone, else `CLOSED_NONE`.
    closed: u8,
    /// Features 6–9: the word at −1, −2, +1, +2 of a candidate.
    near: [u32; 4],
}

const CLOSED_NONE: u8 = u8::MAX;

/// Per-thread memo of feature indices for one table size and model, and the feature buffer.
pub(crate) struct FeatureMemo {
    f: FeatureHasher,
    model: u64,
    fixed: Vec<u32>,
    /// Per word: it has a letter; it is a vocabulary word outside the function words.
    known: WordCache<(bool, bool)>,
    /// Words seen next to candidates.
    words: WordCache<Word>,
    /// The features of candidate words: the table `w`.
    rows: FxHashMap<Box<str>, Box<[u32]>>,
}

impl FeatureMemo {
    /// An empty memo for a table of `2^bits` weights and the model `model` (`CueModel::id`:
    /// which words are candidates depends on its vocabulary).
    pub(crate) fn new(bits: u32, model: u64) -> FeatureMemo {
        let f = FeatureHasher::new(bits);
        let fixed = fixed_row(&f);
        FeatureMemo {
            f,
            model,
            fixed,
            known: WordCache::new(),
            words: WordCache::new(),
            rows: FxHashMap::default(),
        }
    }

    /// Whether the memo was made for this table size and model (`CueModel::id`).
    pub(crate) fn fits(&self, bits: u32, model: u64) -> bool {
        self.f.bits() == bits && self.model == model
    }

    /// Whether the word of token `i` may be a cue: `None` when it has no letter, else whether
    /// it is a vocabulary word (`knows`, of the memo's model) outside the function words (if
    /// not, only an attribution hit covering it makes it a candidate).
    pub(crate) fn candidate(
        &mut self,
        ctx: &SectionView,
        i: usize,
        knows: impl Fn(u64) -> bool,
    ) -> Option<bool> {
        let w = ctx.norm(i);
        let (alpha, open_known) = self.known.get(w, || {
            (w.bytes().any(|b| b.is_ascii_alphabetic()), knows(word_key(w)) && !closed_class(w))
        });
        alpha.then_some(open_known)
    }
}

/// The memo entry of the neighbour `text`.
fn word(words: &mut WordCache<Word>, f: &FeatureHasher, text: &str) -> Word {
    words.get(text, || {
        let closed = if pronoun(text).is_some() {
            0
        } else if is_determiner(text) {
            1
        } else if is_auxiliary(text) {
            2
        } else if is_preposition(text) {
            3
        } else {
            CLOSED_NONE
        };
        Word { closed, near: [6, 7, 8, 9].map(|t| f.index(t, text, "")) }
    })
}

/// The memo row of the candidate word `text`, made on first sight.
fn row<'m>(
    rows: &'m mut FxHashMap<Box<str>, Box<[u32]>>,
    f: &FeatureHasher,
    text: &str,
) -> &'m [u32] {
    if !rows.contains_key(text) {
        if rows.len() >= MAX_WORDS {
            rows.clear();
        }
        rows.insert(text.into(), word_row(f, text));
    }
    &rows[text]
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

/// The features of the `CueModel` without the word: the table `c`.
fn fixed_row(f: &FeatureHasher) -> Vec<u32> {
    let mut r = Vec::with_capacity(C_LEN);
    r.push(f.index(0, "", ""));
    r.extend(CLASSES.iter().flat_map(|a| CLASSES.map(|b| f.index(12, a, b))));
    r.extend(CLASSES.iter().flat_map(|a| CLASSES.map(|b| f.index3(17, a, b, ""))));
    r.extend(CLASSES.iter().flat_map(|a| CLASSES.map(|b| f.index3(18, a, b, ""))));
    r.extend(["", "q"].map(|q| f.index(20, q, "")));
    r.extend(GAPS.iter().flat_map(|a| GAPS.map(|b| f.index(22, a, b))));
    r.extend((0..POSITIONS.len() as u32).map(|p| f.index_num(25, p)));
    r.extend(["", "closing"].map(|v| f.index(27, v, "")));
    r.extend(["", "opening"].map(|v| f.index(28, v, "")));
    r.extend(["body", "title"].map(|v| f.index(29, v, "")));
    r.extend(ROLES[..NO_ROLE].iter().flat_map(|n| ["B", "I"].map(|p| f.index(30, n, p))));
    r.extend(ROLES[..NO_ROLE].iter().flat_map(|n| OFFSETS.map(|d| f.index(31, n, d))));
    r.extend(FORMS.map(|v| f.index(40, v, "")));
    r.extend((0..3).map(|k| f.index_num(42, k)));
    r.extend(NEAR_QUOTES.map(|q| f.index(53, q, "")));
    r.extend([(6, START), (7, START), (8, END), (9, END)].map(|(t, b)| f.index(t, CLASSES[b], "")));
    debug_assert_eq!(r.len(), C_LEN);
    r
}

/// The features of the word `word`: the table `w`.
fn word_row(f: &FeatureHasher, word: &str) -> Box<[u32]> {
    let s = crude_stem(word);
    let mut r = Vec::with_capacity(W_LEN);
    r.extend([
        f.index(1, word, ""),
        f.index(2, s, ""),
        f.index(4, suffix(word, 3), ""),
        f.index(5, suffix(word, 2), ""),
    ]);
    r.extend(CLASSES.map(|v| f.index(13, s, v)));
    r.extend(CLASSES.map(|v| f.index(14, s, v)));
    r.extend(["", "q"].map(|v| f.index(21, s, v)));
    r.extend(GAPS.map(|v| f.index(23, s, v)));
    r.extend(GAPS.map(|v| f.index(24, s, v)));
    r.extend(POSITIONS.map(|v| f.index(26, s, v)));
    r.extend(ROLES.map(|v| f.index(32, s, v)));
    r.extend(FORMS.map(|v| f.index(41, s, v)));
    r.extend(["", "that"].map(|v| f.index(50, s, v)));
    r.extend(["", "to"].map(|v| f.index(51, s, v)));
    r.extend(["", "subj"].map(|v| f.index(52, s, v)));
    r.extend(NEAR_QUOTES.map(|v| f.index(54, s, v)));
    debug_assert_eq!(r.len(), W_LEN);
    r.into_boxed_slice()
}

/// The hashed features of token `i` (cleared first): `rules` are the rule cues of the section
/// (in token order), `near` the hits around `i`. Templates: 0 bias; 1 word; 2 crude stem;
/// 3 shape; 4, 5 suffixes; 6–9 the words at −1, −2, +1, +2; 10, 11 the stem with the word
/// before or after; 12–14, 17, 18 word classes around; 20–29 quotation, punctuation,
/// position and section (`context`); 30–32 lexicon hits around (`hits`); 40–42 the rules'
/// decision (`rules`); 50–54 the sentence around (`window`).
pub(crate) fn features<'m>(
    ctx: &SectionView,
    rules: &[Cue],
    near: &[Hit],
    i: usize,
    memo: &'m mut FeatureMemo,
) -> &'m [u32] {
    let FeatureMemo { f, fixed, words, rows, .. } = memo;
    // The tokens at −1, −2, +1, +2 (features 6–9 and their word classes), or the boundary.
    let mut around = [(START, 0), (START, 0), (END, 0), (END, 0)];
    for (k, slot) in around.iter_mut().enumerate() {
        let (j, index) = neighbour(ctx, i, k, words, f, fixed);
        slot.1 = index;
        if let Some((j, closed)) = j {
            slot.0 = token_class(ctx, j, closed);
        }
    }
    let [(pc, _), (pc2, _), (nc, _), (nc2, _)] = around;
    let text = ctx.norm(i);
    let stem = crude_stem(text);
    let row = row(rows, f, text);
    f.clear();
    f.push(fixed[C_BIAS]);
    f.push(row[W_WORD]);
    f.push(row[W_STEM]);
    f.push(shape_index(f, ctx, i));
    f.push(row[W_SUFFIX3]);
    f.push(row[W_SUFFIX2]);
    for (_, index) in around {
        f.push(index);
    }
    f.add(10, word_at(ctx, i, -1), stem);
    f.add(11, stem, word_at(ctx, i, 1));
    f.push(fixed[C_CLASS_PAIR + pc * CLASSES.len() + nc]);
    f.push(row[W_PREV_CLASS + pc]);
    f.push(row[W_NEXT_CLASS + nc]);
    f.push(fixed[C_PREV_CLASSES + pc2 * CLASSES.len() + pc]);
    f.push(fixed[C_NEXT_CLASSES + nc * CLASSES.len() + nc2]);
    window(ctx, i, row, fixed, f);
    context(ctx, i, row, fixed, f);
    hits(ctx, near, i, row, fixed, f);
    rule_cues(ctx, rules, i, row, fixed, f);
    f.indices()
}

/// Neighbour `k` (at −1, −2, +1, +2) of token `i`: its token and its word's closed class when
/// in the sentence of `i`, and its feature (6 + `k`), the boundary's when not.
fn neighbour(
    ctx: &SectionView,
    i: usize,
    k: usize,
    words: &mut WordCache<Word>,
    f: &FeatureHasher,
    fixed: &[u32],
) -> (Option<(usize, u8)>, u32) {
    match in_sentence(ctx, i, [-1, -2, 1, 2][k]) {
        Some(j) => {
            let w = word(words, f, ctx.norm(j));
            (Some((j, w.closed)), w.near[k])
        }
        None => (None, fixed[C_BOUNDARY + k]),
    }
}

/// Feature 3: the shape of token `i`.
fn shape_index(f: &FeatureHasher, ctx: &SectionView, i: usize) -> u32 {
    let mut sb = [0; 4];
    let n = shape(ctx.surface(i), &mut sb);
    f.index(3, std::str::from_utf8(&sb[..n]).unwrap_or(""), "")
}

/// The word class of token `i` (index in `CLASSES`), given its word's closed class.
fn token_class(ctx: &SectionView, i: usize, closed: u8) -> usize {
    if closed != CLOSED_NONE {
        usize::from(closed)
    } else if ctx.is_possessive(i) {
        4
    } else if ctx.is_numeric(i) {
        5
    } else if ctx.is_cap(i) {
        6
    } else if !ctx.norm(i).bytes().any(|b| b.is_ascii_alphanumeric()) {
        7
    } else {
        8
    }
}

/// The token at `i + d` if it is in the sentence of `i`.
fn in_sentence(ctx: &SectionView, i: usize, d: isize) -> Option<usize> {
    let j = i.checked_add_signed(d)?;
    (j < ctx.len() && ctx.sentence(j) == ctx.sentence(i)).then_some(j)
}

/// The word at `i + d` (or a boundary marker), within the sentence of `i`.
fn word_at<'a>(ctx: &SectionView<'a>, i: usize, d: isize) -> &'a str {
    match in_sentence(ctx, i, d) {
        Some(j) => ctx.norm(j),
        None => CLASSES[if d < 0 { START } else { END }],
    }
}

/// The kind of punctuation in a gap between tokens (index in `GAPS`).
fn gap_kind(gap: &str) -> usize {
    if gap.bytes().all(|b| b == b' ') {
        NO_GAP
    } else if gap.contains(['“', '”', '"', '‘', '’', '\'']) {
        0
    } else if gap.contains(':') {
        1
    } else if gap.contains(',') {
        2
    } else if gap.contains(['—', '–', '(', ')']) {
        3
    } else if gap.contains(['.', '?', '!', ';']) {
        4
    } else if gap.contains('\n') {
        5
    } else {
        NO_GAP
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

/// What the sentence holds around token `i`: `that` or `to` soon after, a name or pronoun
/// before, quoted words within eight tokens on either side.
fn window(ctx: &SectionView, i: usize, row: &[u32], fixed: &[u32], f: &mut FeatureHasher) {
    let r = ctx.sentence_tokens(i);
    let after = i + 1..(i + 4).min(r.end);
    let that = after.clone().any(|k| ctx.norm(k) == "that");
    let to = after.clone().any(|k| ctx.norm(k) == "to");
    f.push(row[W_THAT + usize::from(that)]);
    f.push(row[W_TO + usize::from(to)]);
    let subject = (i.saturating_sub(3).max(r.start)..i)
        .any(|k| ctx.is_name_like(k) || pronoun(ctx.norm(k)).is_some());
    f.push(row[W_SUBJECT + usize::from(subject)]);
    let q_before = (i.saturating_sub(8).max(r.start)..i).any(|k| ctx.quote_of(k).is_some());
    let q_after = (i + 1..(i + 9).min(r.end)).any(|k| ctx.quote_of(k).is_some());
    let q = match (q_before, q_after) {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => 2,
        (false, false) => 3,
    };
    f.push(fixed[C_QUOTES + q]);
    f.push(row[W_QUOTES + q]);
}

/// Quotation, punctuation and position features of token `i`.
fn context(ctx: &SectionView, i: usize, row: &[u32], fixed: &[u32], f: &mut FeatureHasher) {
    let quoted = usize::from(ctx.in_quotation(i));
    f.push(fixed[C_QUOTED + quoted]);
    f.push(row[W_QUOTED + quoted]);
    let before = gap_kind(ctx.gap_before(i));
    let after = if i + 1 < ctx.len() { gap_kind(ctx.gap_after(i)) } else { GAP_END };
    f.push(fixed[C_GAPS2 + before * GAPS.len() + after]);
    f.push(row[W_GAP_BEFORE + before]);
    f.push(row[W_GAP_AFTER + after]);
    let pos = match i - ctx.sentence_tokens(i).start {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=5 => 3,
        6..=10 => 4,
        _ => 5,
    };
    f.push(fixed[C_POSITION + pos]);
    f.push(row[W_POSITION + pos]);
    let closing = ctx.speech_closing_before(i.saturating_sub(1)).is_some()
        || ctx.speech_closing_before(i).is_some();
    f.push(fixed[C_CLOSING + usize::from(closing)]);
    f.push(fixed[C_OPENING + usize::from(ctx.quote_opening_after(i).is_some())]);
    f.push(fixed[C_TITLE + usize::from(ctx.section == Section::Title)]);
}

/// The roles and stance classes of the hits around token `i`, by offset.
fn hits(
    ctx: &SectionView,
    near: &[Hit],
    i: usize,
    row: &[u32],
    fixed: &[u32],
    f: &mut FeatureHasher,
) {
    let mut own = NO_ROLE;
    for h in near {
        let role = role_index(ctx.roles.role(h.entry));
        let (a, b) = (h.first as usize, h.end as usize);
        if a <= i && i < b {
            own = role;
            f.push(fixed[C_OWN_HIT + 2 * role + usize::from(a != i)]);
            continue;
        }
        let d = if b <= i { b as isize - 1 - i as isize } else { a as isize - i as isize };
        if (-3..=3).contains(&d) {
            f.push(fixed[C_NEAR_HIT + OFFSETS.len() * role + (d + 3) as usize]);
        }
    }
    f.push(row[W_OWN_HIT + own]);
}

/// The index in `ROLES` of a role.
fn role_index(r: Role) -> usize {
    match r {
        Role::AttributionCue { class: Some(c) } => c.index(),
        Role::AttributionCue { class: None } => CueClass::ALL.len(),
        Role::Hedge => 7,
        Role::Negator => 8,
        Role::Intensifier(_) | Role::Dampener(_) => 9,
        Role::Label { .. } => 10,
        Role::Content => 11,
    }
}

/// What the rules decided around token `i`: the form of a rule cue covering it, and whether
/// another rule cue is in its sentence.
fn rule_cues(
    ctx: &SectionView,
    rules: &[Cue],
    i: usize,
    row: &[u32],
    fixed: &[u32],
    f: &mut FeatureHasher,
) {
    let at = rules.partition_point(|c| c.end <= i);
    let own = rules.get(at).filter(|c| c.first <= i).map_or(NO_FORM, |c| form_index(c.form));
    f.push(fixed[C_RULE + own]);
    f.push(row[W_OWN_RULE + own]);
    // The rule cues of the sentence, looked up in the (sorted) rules around `at`.
    let r = ctx.sentence_tokens(i);
    let lo = rules.partition_point(|c| c.first < r.start);
    let hi = rules.partition_point(|c| c.first < r.end);
    let own_in = usize::from(at >= lo && at < hi && rules[at].first <= i);
    f.push(fixed[C_OTHER_RULES + (hi.max(lo) - lo - own_in).min(2)]);
}

fn form_index(form: Form) -> usize {
    match form {
        Form::Verb => 0,
        Form::Participle => 1,
        Form::Citing => 2,
        Form::Object => 3,
        Form::Adjunct => 4,
        Form::Colon => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_enumerations() {
        for c in CueClass::ALL {
            assert_eq!(ROLES[c.index()], c.name());
        }
        assert_eq!(ROLES[role_index(Role::AttributionCue { class: None })], "cue");
        assert_eq!(ROLES[role_index(Role::Hedge)], "hedge");
        assert_eq!(ROLES[role_index(Role::Content)], "content");
        assert_eq!(FORMS[form_index(Form::Colon)], "colon");
        assert_eq!(
            (CLASSES[START], CLASSES[END], GAPS[NO_GAP], GAPS[GAP_END]),
            ("<s>", "</s>", "", "end")
        );
    }

    #[test]
    fn memo_rows_hash_like_the_features_they_stand_for() {
        let f = FeatureHasher::new(19);
        let row = word_row(&f, "blasted");
        assert_eq!(row[W_STEM], f.index(2, "blast", ""));
        assert_eq!(row[W_NEXT_CLASS + 3], f.index(14, "blast", "prep"));
        assert_eq!(row[W_GAP_AFTER + GAP_END], f.index(24, "blast", "end"));
        assert_eq!(row[W_QUOTES + 3], f.index(54, "blast", "none"));
        let fixed = fixed_row(&f);
        assert_eq!(fixed[C_CLASS_PAIR + 2 * CLASSES.len() + 10], f.index(12, "aux", "</s>"));
        assert_eq!(fixed[C_NEAR_HIT + 7 * 2 + 6], f.index(31, "doubting", "+3"));
        assert_eq!(fixed[C_OTHER_RULES + 2], f.index_num(42, 2));
        assert_eq!(fixed[C_QUOTES + 1], f.index(53, "before", ""));
    }
}
