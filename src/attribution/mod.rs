//! Attribution: who is quoted, with which reporting expression, in which stance.
//!
//! Runs inside [`crate::Analyzer`] over each section's view, from the view's reporting cues
//! (hits of the lexicon file named `attribution`, cue patterns with categories
//! `attribution/<class>`, used as reporting expressions; speakers' colons; named polls: built
//! by `view::cues`); without that file it finds nothing. For every cue it finds:
//!
//! - the **source** span and the entity it refers to, pronouns and descriptions resolved to
//!   the most recent compatible named source (`source`, `resolve`);
//! - the **content** span, whether it is a direct quotation, and the quote type (`content`).
//!
//! Rules over tokens, capitalisation, punctuation and quotation spans; no parser. A cue with
//! no source is an attribution only where the text leaves the source out on purpose (an
//! agentless passive such as `is expected to`, a reduced question such as `when asked`;
//! `agentless`): it is reported with an empty source. The rules are written for English.

mod after;
mod agentless;
mod content;
mod nested;
mod resolve;
mod source;
mod subject;

pub use crate::lexicon::CueClass;
pub use content::QuoteType;

use crate::language::english;
use crate::lexicon::{CategoryId, EntryId, Lexicon};
use crate::segment::Span;
use crate::view::SectionView as Ctx;
use crate::view::cue::{Cue, Form};
use crate::view::{Section, SectionView};
use resolve::Resolver;
use source::Source;

/// A span of the section text in bytes and in code points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extent {
    /// UTF-8 byte offsets into the section text.
    pub bytes: Span,
    /// Code-point offsets into the section text (what Python's `str` indexes).
    pub chars: Span,
}

/// What a cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A hit of the attribution lexicon: its entry and the entry's category
    /// (`attribution/doubting`).
    Lexicon {
        /// The attribution lexicon entry.
        entry: EntryId,
        /// The entry's category.
        category: CategoryId,
    },
    /// A speaker's colon opening a headline or transcript line (`Sanders: …`, `TAPPER: …`):
    /// punctuation, not a word, so it has no lexicon entry; its lemma is [`COLON_LEMMA`] and
    /// its class neutral.
    Colon,
    /// A poll named after `in` (`in a new Velm poll`): a construction, not a lexicon word;
    /// its lemma is [`SURVEY_LEMMA`] and its class neutral.
    Survey,
    /// A word outside the lexicon that the cue model takes for a cue (`blasted`,
    /// `criticism`): its lemma is [`LEARNED_LEMMA`] and its class neutral.
    Learned,
}

/// The lemma of a speaker colon cue.
pub const COLON_LEMMA: &str = ":";

/// The lemma of a survey cue.
pub const SURVEY_LEMMA: &str = "poll";

/// The lemma of a learned cue outside the lexicon (its words are in the cue column).
pub const LEARNED_LEMMA: &str = "(model)";

impl CueKind {
    /// The lexicon category of the cue; none for a colon or a survey.
    pub fn category(&self) -> Option<CategoryId> {
        match *self {
            CueKind::Lexicon { category, .. } => Some(category),
            CueKind::Colon | CueKind::Survey | CueKind::Learned => None,
        }
    }

    /// The cue's lemma: the entry's lemma, [`COLON_LEMMA`], [`SURVEY_LEMMA`] or
    /// [`LEARNED_LEMMA`].
    pub fn lemma<'a>(&self, lex: &'a Lexicon) -> &'a str {
        match *self {
            CueKind::Lexicon { entry, .. } => lex.entry(entry).term_lemma(),
            CueKind::Colon => COLON_LEMMA,
            CueKind::Survey => SURVEY_LEMMA,
            CueKind::Learned => LEARNED_LEMMA,
        }
    }

    /// The cue's class as written: the last level of the entry's category (`doubting`), or
    /// `neutral` for a colon, a survey or a learned cue.
    pub fn class_name<'a>(&self, lex: &'a Lexicon) -> &'a str {
        match *self {
            CueKind::Lexicon { category, .. } => lex.class_name(category),
            CueKind::Colon | CueKind::Survey | CueKind::Learned => CueClass::Neutral.name(),
        }
    }

    /// The cue's compiled stance class (neutral for a colon, a survey or a learned cue).
    pub fn class(&self, lex: &Lexicon) -> Option<CueClass> {
        match *self {
            CueKind::Lexicon { entry, .. } => lex.cue_class(entry),
            CueKind::Colon | CueKind::Survey | CueKind::Learned => Some(CueClass::Neutral),
        }
    }
}

/// One attribution: a cue, its source, and what the source is reported to have said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The section it is in.
    pub section: Section,
    /// Sentence index of the cue within the section (0-based).
    pub sentence: u32,
    /// What the cue is: a lexicon entry or a speaker's colon.
    pub kind: CueKind,
    /// The cue's stance class, when it is one of the six of [`CueClass`].
    pub class: Option<CueClass>,
    /// The cue (`said`, `according to`).
    pub cue: Extent,
    /// The speaker as written (`Press Secretary Maren Holt`, `she`).
    pub source: Option<Extent>,
    /// The entity the source refers to (`Maren Holt` for both), when known.
    pub source_resolved: Option<Box<str>>,
    /// What the source is reported to have said.
    pub content: Option<Extent>,
    /// Order of source, cue and content (`QCQSV`, `SVC`, ...).
    pub quote_type: QuoteType,
    /// At least part of the content is in quotation marks as the source's own words.
    pub direct: bool,
}

/// Reusable per-thread buffers, and the entities of the document being analysed.
#[derive(Default)]
pub struct AttributionScratch {
    earlier: Vec<(usize, Source)>,
    contents: nested::Contents,
    resolver: Resolver,
}

impl AttributionScratch {
    /// Empty buffers.
    pub fn new() -> AttributionScratch {
        AttributionScratch::default()
    }

    /// Forgets the sources of the previous document (pronouns never reach across documents).
    pub fn start_document(&mut self) {
        self.resolver.start_document();
    }
}

/// Finds the attributions of one section and appends them to `out`.
pub fn detect_section(
    lex: &Lexicon,
    view: &SectionView,
    scratch: &mut AttributionScratch,
    out: &mut Vec<Attribution>,
) {
    let AttributionScratch { earlier, contents, resolver } = scratch;
    resolver.start_section();
    let cues = view.cues;
    if cues.is_empty() {
        return;
    }
    let first_new = out.len();
    earlier.clear();
    let mut sentence = u32::MAX;
    for k in 0..cues.len() {
        let sent = view.sentence(cues[k].first);
        if sent != sentence {
            earlier.clear();
            sentence = sent;
        }
        out.extend(attribute(view, lex, k, cues, earlier, resolver));
    }
    // An attitude verb inside the content of another attribution is part of what was said.
    contents.index(out[first_new..].iter().filter_map(|a| a.content.map(|c| c.bytes)));
    let mut k = 0;
    out.retain(|a| {
        k += 1;
        k <= first_new
            || !(contents.cover(a.cue.bytes.start) && english::is_attitude(a.kind.lemma(lex)))
    });
    for a in &mut out[first_new..] {
        for e in [Some(&mut a.cue), a.source.as_mut(), a.content.as_mut()].into_iter().flatten() {
            e.chars = view.chars(e.bytes);
        }
    }
}

/// The attribution of cue `cues[k]`, if it has a source (or leaves it out on purpose) and
/// reports something. `earlier`: the sources found for the cues before it in its sentence.
fn attribute(
    ctx: &Ctx,
    lex: &Lexicon,
    k: usize,
    cues: &[Cue],
    earlier: &mut Vec<(usize, Source)>,
    resolver: &mut Resolver,
) -> Option<Attribution> {
    let cue = &cues[k];
    let sent = ctx.sentence(cue.first);
    // `criticism from the senator`, `was called a liar by rivals`: the agent after the cue.
    let sent_tokens = ctx.sentence_tokens(cue.first);
    let found = after::agent(ctx, cue, &sent_tokens, cues)
        .or_else(|| after::passive_agent(ctx, cue, &sent_tokens, cues))
        .or_else(|| source::find(ctx, cue, earlier, cues))
        .or_else(|| {
            let lemma = cue.entry.map(|e| lex.entry(e).term_lemma());
            let clause = match lemma {
                Some(l) => english::takes_clause_subject(l),
                None => cue.learned,
            };
            Some(())
                .filter(|_| clause && !agentless::agentless(ctx, cue))
                .and_then(|_| subject::clause_subject(ctx, cue, cues))
        });
    // An agentless cue stands for its own clause: its content follows it.
    let src = match found {
        Some(s) => s,
        None if agentless::agentless(ctx, cue) => {
            Source { first: cue.first, end: cue.end, place: source::Place::Shared }
        }
        None => return None,
    };
    if found.is_some() {
        earlier.push((cue.first, src));
    }
    let next = cues.get(k + 1).filter(|n| ctx.sentence(n.first) == sent).and_then(|n| {
        let shares = matches!(n.form, Form::Participle | Form::Citing)
            && ctx.gap_before(n.first).contains(',');
        shares.then_some(n.first)
    });
    let content = content::find(ctx, cue, &src, next);
    // Nothing reported (`declined to comment.`): not an attribution.
    content.span?;
    let resolved = found.and_then(|src| resolver.resolve(ctx, src.first, src.end, cues));
    let kind = match cue.entry {
        Some(entry) => CueKind::Lexicon { entry, category: lex.entry(entry).category },
        None if cue.form == Form::Colon => CueKind::Colon,
        None if cue.learned => CueKind::Learned,
        None => CueKind::Survey,
    };
    Some(Attribution {
        section: ctx.section,
        sentence: sent,
        kind,
        class: kind.class(lex),
        cue: extent(cue_span(ctx, cue)),
        source: found.map(|src| extent(ctx.tokens_span(src.first, src.end))),
        source_resolved: resolved.map(String::into_boxed_str),
        content: content.span.map(extent),
        quote_type: content.quote_type,
        direct: content.direct,
    })
}

/// The bytes of a cue: its tokens with the verb group before a verb (`has also said`, `did
/// not respond`, `is expected`, as PolNeAR marks cues) and without the object or adjunct of
/// a phrase (`told` of `told reporters`), or the colon after a speaker's name.
fn cue_span(ctx: &Ctx, cue: &Cue) -> Span {
    if matches!(cue.form, Form::Verb | Form::Participle) {
        // The verb's object or adjunct written into a phrase (`told reporters`, `said in a
        // statement`, `attacked the plan`) is not part of the cue.
        let end = (cue.first + 1..cue.end)
            .find(|&k| matches!(ctx.norm(k), "in" | "the" | "reporters" | "journalists"))
            .unwrap_or(cue.end);
        return ctx.tokens_span(verb_group_start(ctx, cue.first), end);
    }
    if cue.form != Form::Colon {
        return ctx.tokens_span(cue.first, cue.end);
    }
    let at = ctx.span(cue.end - 1).end + ctx.gap_after(cue.end - 1).find(':').unwrap_or(0) as u32;
    Span { start: at, end: at + 1 }
}

/// The first token of the verb group ending with the verb at `first`: the auxiliaries,
/// negations and adverbs right before it, in its sentence, with no punctuation between
/// (`has also said`, `did not respond`, `later said`; at most four words).
fn verb_group_start(ctx: &Ctx, first: usize) -> usize {
    let start = ctx.sentence_tokens(first).start;
    let mut k = first;
    while k > start && first - k < 4 && ctx.joined(k) {
        let w = ctx.norm(k - 1);
        let adverb = english::is_adverb(w)
            && !matches!(w, "however" | "though" | "meanwhile" | "instead" | "yet" | "since");
        if ctx.is_cap(k - 1) || !(english::is_auxiliary(w) || adverb) {
            break;
        }
        k -= 1;
    }
    k
}

fn extent(bytes: Span) -> Extent {
    Extent { bytes, chars: Span::default() }
}

#[cfg(test)]
mod tests;
