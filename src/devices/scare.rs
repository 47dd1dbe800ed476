//! Short quoted spans (one to four words) and what they are, decided in this order:
//! - a **scare quote** when a hedge stands right before it (`its purported “inspection”`,
//!   `so-called “security operations”`): the outlet's own distancing;
//! - the **title** of a work after `the book`, `the film`, `titled`…;
//! - **attributed** to a speaker by a naming cue up to six words before it (`called it`,
//!   `dubbed`, `described as`; not a self-designation such as `call themselves`), or by a cue
//!   of the attribution lexicon in its clause: before it, or at most ten words after it and
//!   near the end of its phrase (`“reckless,” the minister said on Monday`, but not
//!   `the “delegation,” led by X, demanded the release of …`); a clause ending in `:` right
//!   before the quotation counts as its clause; a cue after a determiner is a noun
//!   (`a claim`) and attributes nothing;
//! - a **title** when two or more words are in title case;
//! - otherwise a **scare quote**: words the outlet puts in quotation marks without giving
//!   them to anyone.
//!
//! Longer quotations, unclosed ones and quotations that make up their whole sentence are plain
//! quotations. The decision is a function of the quotation, its clause and the cue hits, so
//! detected attributions can feed it later.

use crate::language::english::{NAMING, NOUN_DETERMINERS, REFLEXIVE, TITLE_SMALL, WORKS};
use crate::quotes::Quote;
use crate::segment::{CAPITALIZED, HYPHEN_BEFORE, Span, TokenBuffer};
use crate::view::SectionView;
use crate::view::marks::{CUE_HIT, HEDGE};

/// What a quoted span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuoteKind {
    /// A quotation that is not short (five words or more, unclosed, or a whole sentence).
    Long,
    /// A short quoted span that no cue attributes to a speaker.
    Scare,
    /// A short quoted span attributed to a speaker by a cue.
    Attributed,
    /// The title of a work.
    Title,
}

impl QuoteKind {
    /// `scare`, `attributed`, `title` or `quotation`.
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Long => "quotation",
            QuoteKind::Scare => "scare",
            QuoteKind::Attributed => "attributed",
            QuoteKind::Title => "title",
        }
    }
}

/// One short quoted span of a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShortQuote {
    /// Scare, attributed or title.
    pub kind: QuoteKind,
    /// Sentence index within the section.
    pub sentence: u32,
    /// Byte offsets of that sentence.
    pub sentence_bytes: Span,
    /// Byte offsets of the quoted words (marks excluded) in the section text.
    pub bytes: Span,
    /// Code-point offsets of the same (filled in by the analysis).
    pub chars: Span,
    /// Byte offsets of the cue that decided an attributed or title span.
    pub cue: Option<Span>,
}

/// Most words a short quoted span may have.
pub(crate) const MAX_WORDS: usize = 4;
/// How many words before the opening mark a naming cue may stand.
const NAMING_WINDOW: usize = 6;
/// How many words before the opening mark a work noun or a hedge may stand.
const WORK_WINDOW: usize = 2;
/// How many words after the quotation a reporting cue may stand.
const CUE_AFTER: usize = 10;

/// Most words after a reporting cue that follows the quotation before its phrase ends
/// (`“…,” he said on Monday.`); a cue followed by more is the verb of a new statement.
const CUE_TAIL: usize = 5;

/// Classifies every quotation of a section into `kinds` (one per quotation) and appends the
/// short ones to `short`.
pub(crate) fn classify(
    view: &SectionView,
    kinds: &mut Vec<QuoteKind>,
    short: &mut Vec<ShortQuote>,
) {
    let toks = &view.buf.tokens;
    kinds.clear();
    for q in view.quotes {
        let first = toks.partition_point(|t| t.span.start < q.inner.start);
        let end = toks.partition_point(|t| t.span.end <= q.inner.end).max(first);
        let (kind, cue) = match short_in_sentence(view, q, first, end) {
            Some(colon) => kind_of_short(view, first, end, colon),
            None => (QuoteKind::Long, None),
        };
        kinds.push(kind);
        if kind != QuoteKind::Long {
            let sentence = toks[first].sentence;
            let sentence_bytes = view.buf.sentences[sentence as usize].span;
            let (bytes, chars) = (q.inner, q.inner);
            short.push(ShortQuote { kind, sentence, sentence_bytes, bytes, chars, cue });
        }
    }
}

/// For a short quotation (tokens `first..end`) that is not its whole sentence: whether the
/// text before it in its sentence ends with a colon. `None` for a plain quotation.
fn short_in_sentence(view: &SectionView, q: &Quote, first: usize, end: usize) -> Option<bool> {
    let toks = &view.buf.tokens;
    let n = end - first;
    if !q.closed || n == 0 || n > MAX_WORDS || toks[first].sentence != toks[end - 1].sentence {
        return None;
    }
    let sentence = &view.buf.sentences[toks[first].sentence as usize];
    // A quotation that is its whole sentence is an utterance, not a designation.
    // (A quotation mark may fall outside the sentence span, e.g. after a sentence end.)
    let between = |a: u32, b: u32| view.text.get(a as usize..b as usize).unwrap_or("").trim();
    let before = between(sentence.span.start, q.outer.start);
    let after = between(q.outer.end, sentence.span.end);
    if before.is_empty() && after.chars().all(|c| !c.is_alphanumeric()) {
        return None;
    }
    Some(before.ends_with(':'))
}

/// The kind of the short quotation of tokens `first..end`, and the cue that decided it.
fn kind_of_short(
    view: &SectionView,
    first: usize,
    end: usize,
    colon: bool,
) -> (QuoteKind, Option<Span>) {
    let buf = view.buf;
    let toks = &buf.tokens;
    let sentence_start = buf.sentences[toks[first].sentence as usize].first_token as usize;
    let preceding = |window: usize| (sentence_start.max(first.saturating_sub(window))..first).rev();
    let norm = |i: usize| buf.norm(&toks[i]);
    let span = |i: usize| Some(toks[i].span);
    if preceding(WORK_WINDOW).any(|i| view.marks.bits[i] & HEDGE != 0 || so_called(buf, i)) {
        return (QuoteKind::Scare, None);
    }
    if let Some(i) = preceding(WORK_WINDOW).find(|&i| WORKS.contains(&norm(i))) {
        return (QuoteKind::Title, span(i));
    }
    let naming = preceding(NAMING_WINDOW).find(|&i| {
        NAMING.contains(&norm(i)) && !so_called(buf, i) && !self_designation(buf, i, first)
    });
    if let Some(i) = naming.or_else(|| reporting_cue(view, first, end, colon)) {
        return (QuoteKind::Attributed, span(i));
    }
    let title_case = end - first >= 2
        && toks[first].flags & CAPITALIZED != 0
        && toks[first..end]
            .iter()
            .all(|t| t.flags & CAPITALIZED != 0 || TITLE_SMALL.contains(&buf.norm(t)));
    if title_case {
        return (QuoteKind::Title, None);
    }
    (QuoteKind::Scare, None)
}

/// A reporting cue (a `CUE_HIT` mark, not a noun after a determiner, not a self-designation)
/// anywhere before the quotation of tokens `first..end` in its clause (or in a clause that
/// ends with a colon right before it, `colon`), or shortly after it in its clause.
fn reporting_cue(view: &SectionView, first: usize, end: usize, colon: bool) -> Option<usize> {
    let (buf, units) = (view.buf, view.units);
    let toks = &buf.tokens;
    let sentence = &buf.sentences[toks[first].sentence as usize];
    let (sentence_start, sentence_end) =
        (sentence.first_token as usize, sentence.end_token as usize);
    let norm = |i: usize| buf.norm(&toks[i]);
    // A naming verb that is also a reporting cue (`call`) still designates nothing in a
    // self-designation (`who call themselves`).
    let is_cue = |i: usize| {
        view.marks.bits[i] & CUE_HIT != 0
            && !(i > 0 && NOUN_DETERMINERS.contains(&norm(i - 1)))
            && !self_designation(buf, i, first)
    };
    let clause = units.clause[first];
    let from_clause = if colon { clause.saturating_sub(1) } else { clause };
    let cue_before = (sentence_start..first)
        .rev()
        .take_while(|&i| units.clause[i] >= from_clause)
        .filter(|&i| is_cue(i))
        .last();
    let last_clause = units.clause[end - 1];
    let cue_after = (end..sentence_end.min(end + CUE_AFTER))
        .take_while(|&i| units.clause[i] == last_clause)
        .find(|&i| is_cue(i))
        .filter(|&i| {
            let tail = (i + 1..sentence_end).take_while(|&j| units.phrase[j] == units.phrase[i]);
            tail.count() <= CUE_TAIL
        });
    cue_before.or(cue_after)
}

/// Whether the naming verb at `i` makes a self-designation (`call themselves`) of the
/// quotation starting at token `first`.
fn self_designation(buf: &TokenBuffer, i: usize, first: usize) -> bool {
    let norm = |i: usize| buf.norm(&buf.tokens[i]);
    NAMING.contains(&norm(i)) && i + 1 < first && REFLEXIVE.contains(&norm(i + 1))
}

/// Whether token `i` is the `called` of `so-called`.
fn so_called(buf: &TokenBuffer, i: usize) -> bool {
    let t = &buf.tokens[i];
    i > 0
        && t.flags & HYPHEN_BEFORE != 0
        && buf.norm(t) == "called"
        && buf.norm(&buf.tokens[i - 1]) == "so"
}
