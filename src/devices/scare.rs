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

use super::clauses::Units;
use super::modifiers::{CUE, HEDGE, Marks};
use crate::language::english::{NAMING, NOUN_DETERMINERS, REFLEXIVE, TITLE_SMALL, WORKS};
use crate::quotes::Quote;
use crate::segment::{CAPITALIZED, HYPHEN_BEFORE, Span, TokenBuffer};

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
pub const MAX_WORDS: usize = 4;
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
pub fn classify(
    text: &str,
    buf: &TokenBuffer,
    quotes: &[Quote],
    ctx: (&Units, &Marks),
    kinds: &mut Vec<QuoteKind>,
    short: &mut Vec<ShortQuote>,
) {
    kinds.clear();
    for q in quotes {
        let (kind, cue, first) = classify_one(text, buf, q, ctx);
        kinds.push(kind);
        if kind != QuoteKind::Long {
            let sentence = buf.tokens[first].sentence;
            let sentence_bytes = buf.sentences[sentence as usize].span;
            short.push(ShortQuote {
                kind,
                sentence,
                sentence_bytes,
                bytes: q.inner,
                chars: q.inner,
                cue,
            });
        }
    }
}

fn classify_one(
    text: &str,
    buf: &TokenBuffer,
    q: &Quote,
    (units, marks): (&Units, &Marks),
) -> (QuoteKind, Option<Span>, usize) {
    let toks = &buf.tokens;
    let first = toks.partition_point(|t| t.span.start < q.inner.start);
    let end = toks.partition_point(|t| t.span.end <= q.inner.end).max(first);
    let n = end - first;
    let long = (QuoteKind::Long, None, first);
    if !q.closed || n == 0 || n > MAX_WORDS || toks[first].sentence != toks[end - 1].sentence {
        return long;
    }
    let sentence = &buf.sentences[toks[first].sentence as usize];
    // A quotation that is its whole sentence is an utterance, not a designation.
    // (A quotation mark may fall outside the sentence span, e.g. after a sentence end.)
    let between = |a: u32, b: u32| text.get(a as usize..b as usize).unwrap_or("").trim();
    let before = between(sentence.span.start, q.outer.start);
    let after = between(q.outer.end, sentence.span.end);
    if before.is_empty() && after.chars().all(|c| !c.is_alphanumeric()) {
        return long;
    }
    let sentence_start = sentence.first_token as usize;
    let sentence_end = sentence.end_token as usize;
    let preceding = |window: usize| (sentence_start.max(first.saturating_sub(window))..first).rev();
    let norm = |i: usize| buf.norm(&toks[i]);
    let span = |i: usize| Some(toks[i].span);
    if preceding(WORK_WINDOW).any(|i| marks.bits[i] & HEDGE != 0 || so_called(buf, i)) {
        return (QuoteKind::Scare, None, first);
    }
    if let Some(i) = preceding(WORK_WINDOW).find(|&i| WORKS.contains(&norm(i))) {
        return (QuoteKind::Title, span(i), first);
    }
    let naming = preceding(NAMING_WINDOW).find(|&i| {
        NAMING.contains(&norm(i))
            && !so_called(buf, i)
            && !(i + 1 < first && REFLEXIVE.contains(&norm(i + 1)))
    });
    if let Some(i) = naming {
        return (QuoteKind::Attributed, span(i), first);
    }
    // Reporting cues: anywhere before the quotation in its clause (or in a clause that ends
    // with a colon right before it), or shortly after it in its clause.
    // A naming verb that is also a reporting cue (`call`) still designates nothing in a
    // self-designation (`who call themselves`).
    let self_designation =
        |i: usize| NAMING.contains(&norm(i)) && i + 1 < first && REFLEXIVE.contains(&norm(i + 1));
    let is_cue = |i: usize| {
        marks.bits[i] & CUE != 0
            && !(i > 0 && NOUN_DETERMINERS.contains(&norm(i - 1)))
            && !self_designation(i)
    };
    let colon = before.ends_with(':');
    let clause = units.clause[first];
    let from_clause = if colon { clause.saturating_sub(1) } else { clause };
    let cue_before = preceding(first - sentence_start)
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
    if let Some(i) = cue_before.or(cue_after) {
        return (QuoteKind::Attributed, span(i), first);
    }
    let title_case = n >= 2
        && toks[first].flags & CAPITALIZED != 0
        && toks[first..end]
            .iter()
            .all(|t| t.flags & CAPITALIZED != 0 || TITLE_SMALL.contains(&buf.norm(t)));
    if title_case {
        return (QuoteKind::Title, None, first);
    }
    (QuoteKind::Scare, None, first)
}

/// Whether token `i` is the `called` of `so-called`.
fn so_called(buf: &TokenBuffer, i: usize) -> bool {
    let t = &buf.tokens[i];
    i > 0
        && t.flags & HYPHEN_BEFORE != 0
        && buf.norm(t) == "called"
        && buf.norm(&buf.tokens[i - 1]) == "so"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::testing::{flag_of, lexicon};
    use crate::devices::{DeviceScratch, Flags};
    use crate::matcher::{MatchScratch, find_hits};
    use crate::segment::tokenize;

    /// (quoted words, kind, cue) of each short quoted span.
    fn short(text: &str) -> Vec<(String, &'static str, String)> {
        let lex = lexicon();
        let roles = lex.roles();
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let mut hits = Vec::new();
        find_hits(&lex, text, &buf, &mut MatchScratch::new(), &mut hits);
        let mut out = Vec::new();
        DeviceScratch::default().prepare(text, &buf, &hits, roles, &mut out);
        out.iter()
            .map(|q| {
                let cue = q.cue.map_or(String::new(), |c| text[c.range()].to_string());
                (text[q.bytes.range()].to_string(), q.kind.name(), cue)
            })
            .collect()
    }

    fn one(text: &str) -> (&'static str, String) {
        let v = short(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        (v[0].1, v[0].2.clone())
    }

    #[test]
    fn a_designation_nobody_said_is_a_scare_quote() {
        assert_eq!(one("The government’s “reform” cut pensions."), ("scare", String::new()));
        assert_eq!(
            one("Velmora designated the group a \"terrorist organization.\""),
            ("scare", "".into())
        );
        assert!(flag_of("The “regime” fell.", "regime").contains(Flags::SCARE_QUOTE));
        assert!(!flag_of("The “regime” fell.", "regime").contains(Flags::IN_QUOTE));
        // A hedge right before the quotation is the outlet's own distancing.
        assert_eq!(one("The so-called “reform” passed."), ("scare", String::new()));
        assert_eq!(one("He said its reportedly “heroic” raid failed."), ("scare", String::new()));
        // A self-designation is not attribution.
        assert_eq!(one("The militants, who call themselves “heroic,” fled."), ("scare", "".into()));
        // A cue in another clause, or far after the quotation, does not attribute it.
        assert_eq!(one("He claimed it was over — the “reform” had failed."), ("scare", "".into()));
        assert_eq!(
            one("The “reform” cut pensions and wages and jobs for years on end, he said."),
            ("scare", "".into())
        );
        // The quotation is the subject of the reporting verb, not its content.
        assert_eq!(
            one("The “heroic” unit, led by a colonel, said nothing about its pay or its dead."),
            ("scare", "".into())
        );
        // A noun after a determiner is not a reporting verb.
        assert_eq!(one("It was a claim about the “reform” plan."), ("scare", "".into()));
    }

    #[test]
    fn attributed_phrases_are_not_scare_quotes() {
        assert_eq!(one("He called it “a disgrace” on Monday."), ("attributed", "called".into()));
        assert_eq!(
            one("She calls the militants’ raid a “brutal massacre” now."),
            ("attributed", "calls".into())
        );
        assert_eq!(
            one("What critics describe as a ‘brutal reform’ passed."),
            ("attributed", "describe".into())
        );
        assert_eq!(one("He said: “a disgrace.”"), ("attributed", "said".into()));
        assert_eq!(
            one("The minister said the “reform” would pass."),
            ("attributed", "said".into())
        );
        assert_eq!(
            one("The “reform” would pass, the minister claimed."),
            ("attributed", "claimed".into())
        );
        assert!(!flag_of("He called it a “regime” twice.", "regime").contains(Flags::SCARE_QUOTE));
    }

    #[test]
    fn titles_of_works() {
        assert_eq!(one("Her book “Brutal Years” sold well."), ("title", "book".into()));
        assert_eq!(one("The report titled “Regime” came out."), ("title", "titled".into()));
        assert_eq!(one("They sang “Song of the Harbor” at noon."), ("title", String::new()));
    }

    #[test]
    fn long_unclosed_and_whole_sentence_quotations_are_not_short() {
        assert!(short("He said “the regime fell at dawn today”.").is_empty());
        assert!(short("“Never again.”").is_empty());
        assert!(short("She wrote “the regime\n\nfell.").is_empty());
        // An opening mark before the sentence end of the words it quotes (no panic).
        let q = short("He called it “. Reform” again.");
        assert!(q.iter().all(|(w, _, _)| w.contains("Reform")), "{q:?}");
        // Apostrophes are not quotation marks.
        assert!(short("The militants’ ‘reform’ isn’t one.").len() == 1);
        assert!(short("The militants’ reform isn’t one.").is_empty());
    }
}
