//! Short quoted spans (one to four words) and what they are: a phrase **attributed** to a
//! speaker (a reporting cue from the attribution lexicon in the same sentence, or a naming
//! cue such as `called`, `dubbed`, `described as`, `so-called` just before it), the **title**
//! of a work (after `the book`, `the film`, `titled`…, or two or more words in title case),
//! or a **scare quote**: words the outlet puts in quotation marks without giving them to
//! anyone, to distance itself from them. Longer quotations, unclosed ones and quotations
//! that make up their whole sentence are plain quotations. The decision is a function of the
//! quotation, its sentence and the cue hits, so detected attributions can feed it later.

use super::roles::{Role, Roles};
use crate::matcher::Hit;
use crate::quotes::Quote;
use crate::segment::{CAPITALIZED, Span, TokenBuffer};

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
const NAMING_WINDOW: usize = 4;
/// How many words before the opening mark a work noun may stand.
const WORK_WINDOW: usize = 2;

/// English naming cues: words that give a quoted designation to someone ("what critics
/// call", "dubbed", "described as", "so-called", "referred to as", "known as").
const NAMING: [&str; 30] = [
    "call",
    "calls",
    "called",
    "calling",
    "dub",
    "dubs",
    "dubbed",
    "dubbing",
    "term",
    "terms",
    "termed",
    "terming",
    "label",
    "labels",
    "labeled",
    "labelled",
    "labeling",
    "labelling",
    "brand",
    "branded",
    "branding",
    "describe",
    "describes",
    "described",
    "describing",
    "nicknamed",
    "known",
    "referred",
    "christened",
    "deemed",
];

/// English nouns and participles that introduce the title of a work.
const WORKS: [&str; 22] = [
    "book",
    "film",
    "movie",
    "report",
    "song",
    "article",
    "album",
    "novel",
    "play",
    "show",
    "series",
    "documentary",
    "poem",
    "essay",
    "column",
    "editorial",
    "podcast",
    "episode",
    "titled",
    "entitled",
    "headline",
    "exhibition",
];

/// Small words that stay lowercase in a title.
const TITLE_SMALL: [&str; 14] =
    ["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "from", "with", "by"];

/// Per sentence, the first token of an attribution cue outside quotation marks, or `u32::MAX`.
pub fn sentence_cues(
    buf: &TokenBuffer,
    hits: &[Hit],
    roles: &Roles,
    tok_quote: &[u32],
    out: &mut Vec<u32>,
) {
    out.clear();
    out.resize(buf.sentences.len(), u32::MAX);
    for h in hits {
        if roles.role(h.entry) == Role::Attribution && tok_quote[h.first as usize] == u32::MAX {
            let s = buf.tokens[h.first as usize].sentence as usize;
            if out[s] == u32::MAX {
                out[s] = h.first;
            }
        }
    }
}

/// Classifies every quotation of a section into `kinds` (one per quotation) and appends the
/// short ones to `short`.
pub fn classify(
    text: &str,
    buf: &TokenBuffer,
    quotes: &[Quote],
    sentence_cue: &[u32],
    kinds: &mut Vec<QuoteKind>,
    short: &mut Vec<ShortQuote>,
) {
    kinds.clear();
    for q in quotes {
        let (kind, cue, first) = classify_one(text, buf, q, sentence_cue);
        kinds.push(kind);
        if kind != QuoteKind::Long {
            let sentence = buf.tokens[first].sentence;
            short.push(ShortQuote { kind, sentence, bytes: q.inner, chars: q.inner, cue });
        }
    }
}

fn classify_one(
    text: &str,
    buf: &TokenBuffer,
    q: &Quote,
    sentence_cue: &[u32],
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
    let before = text[sentence.span.start as usize..q.outer.start as usize].trim();
    let after = text[q.outer.end as usize..sentence.span.end as usize].trim();
    if before.is_empty() && after.chars().all(|c| !c.is_alphanumeric()) {
        return long;
    }
    let sentence_start = sentence.first_token as usize;
    let preceding = |window: usize| (sentence_start.max(first.saturating_sub(window))..first).rev();
    let span = |i: usize| Some(toks[i].span);
    if let Some(i) = preceding(WORK_WINDOW).find(|&i| WORKS.contains(&buf.norm(&toks[i]))) {
        return (QuoteKind::Title, span(i), first);
    }
    if let Some(i) = preceding(NAMING_WINDOW).find(|&i| NAMING.contains(&buf.norm(&toks[i]))) {
        return (QuoteKind::Attributed, span(i), first);
    }
    let cue = sentence_cue[toks[first].sentence as usize];
    if cue != u32::MAX {
        return (QuoteKind::Attributed, span(cue as usize), first);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::testing::{flag_of, lexicon};
    use crate::devices::{DeviceScratch, Flags, Roles};
    use crate::matcher::{MatchScratch, find_hits};
    use crate::segment::tokenize;

    /// (quoted words, kind, cue) of each short quoted span.
    fn short(text: &str) -> Vec<(String, &'static str, String)> {
        let lex = lexicon();
        let roles = Roles::new(&lex);
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let mut hits = Vec::new();
        find_hits(&lex, text, &buf, &mut MatchScratch::new(), &mut hits);
        let mut out = Vec::new();
        DeviceScratch::default().prepare(text, &buf, &hits, &roles, &mut out);
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
        assert!(flag_of("The “regime” fell.", "regime").contains(Flags::IN_QUOTE));
    }

    #[test]
    fn attributed_phrases_are_not_scare_quotes() {
        assert_eq!(one("He called it “a disgrace” on Monday."), ("attributed", "called".into()));
        assert_eq!(
            one("What critics describe as a ‘brutal reform’ passed."),
            ("attributed", "describe".into())
        );
        assert_eq!(one("The so-called “reform” passed."), ("attributed", "called".into()));
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
        // Apostrophes are not quotation marks.
        assert!(short("The militants’ ‘reform’ isn’t one.").len() == 1);
        assert!(short("The militants’ reform isn’t one.").is_empty());
    }
}
