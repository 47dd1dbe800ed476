//! Attribution: who is quoted, with which reporting expression, in which stance.
//!
//! Runs inside [`crate::Analyzer`] on each section's tokens and the hits of the lexicon file
//! named `attribution` (cue patterns with categories `attribution/<class>`); without that file
//! it finds nothing. For every cue it finds:
//!
//! - the **cue** itself, filtered so that nouns and adjectives that look like reporting verbs
//!   are not cues (`cue`);
//! - the **source** span and the entity it refers to, pronouns and descriptions resolved to
//!   the most recent compatible named source (`source`, `resolve`);
//! - the **content** span, whether it is a direct quotation, and the quote type (`content`).
//!
//! Rules over tokens, capitalisation, punctuation and quotation spans; no parser. A cue with
//! no source is an attribution only where the text leaves the source out on purpose (an
//! agentless passive such as `is expected to`, a reduced question such as `when asked`;
//! `agentless`): it is reported with an empty source. The rules are written for English.

mod agentless;
mod colon;
mod content;
mod context;
mod cue;
mod nested;
mod resolve;
mod source;
mod subject;
mod survey;
mod words;

pub use content::QuoteType;
pub use survey::SURVEY_LEMMA;

use crate::lexicon::{CategoryId, EntryId, FileId, Lexicon};
use crate::segment::Span;
use crate::view::{Section, SectionView};
use context::Ctx;
use cue::{Cue, Form};
use resolve::Resolver;
use source::Source;

/// The stance classes of the bundled attribution lexicon (`attribution/<class>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CueClass {
    /// `said`, `told`, `according to`.
    Neutral,
    /// `confirmed`, `noted`, `revealed`: the statement is presented as fact.
    Endorsing,
    /// `claimed`, `alleged`: the statement is presented as doubtful.
    Doubting,
    /// `admitted`, `conceded`, `denied`: the source is presented as at fault.
    Guilt,
    /// `insisted`, `asserted`.
    Insistent,
    /// `denounced`, `slammed`, `accused`.
    Confrontational,
}

impl CueClass {
    /// Every class, in column order.
    pub const ALL: [CueClass; 6] = [
        CueClass::Neutral,
        CueClass::Endorsing,
        CueClass::Doubting,
        CueClass::Guilt,
        CueClass::Insistent,
        CueClass::Confrontational,
    ];

    /// The class name as written in lexicon categories.
    pub fn name(self) -> &'static str {
        match self {
            CueClass::Neutral => "neutral",
            CueClass::Endorsing => "endorsing",
            CueClass::Doubting => "doubting",
            CueClass::Guilt => "guilt",
            CueClass::Insistent => "insistent",
            CueClass::Confrontational => "confrontational",
        }
    }

    /// Position in [`CueClass::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The class named `name`, if it is one of the six.
    pub fn from_name(name: &str) -> Option<CueClass> {
        CueClass::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The last level of a category path: the cue class as written (`doubting` for
/// `attribution/doubting`).
pub fn class_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

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
}

/// The lemma of a speaker colon cue.
pub const COLON_LEMMA: &str = ":";

impl CueKind {
    /// The lexicon category of the cue; none for a colon or a survey.
    pub fn category(&self) -> Option<CategoryId> {
        match *self {
            CueKind::Lexicon { category, .. } => Some(category),
            CueKind::Colon | CueKind::Survey => None,
        }
    }

    /// The cue's lemma: the entry's lemma, [`COLON_LEMMA`] or [`SURVEY_LEMMA`].
    pub fn lemma<'a>(&self, lex: &'a Lexicon) -> &'a str {
        match *self {
            CueKind::Lexicon { entry, .. } => lex.entry(entry).term_lemma(),
            CueKind::Colon => COLON_LEMMA,
            CueKind::Survey => SURVEY_LEMMA,
        }
    }

    /// The cue's class as written: the last level of the entry's category (`doubting`), or
    /// `neutral` for a colon or a survey.
    pub fn class_name<'a>(&self, lex: &'a Lexicon) -> &'a str {
        match *self {
            CueKind::Lexicon { category, .. } => class_name(&lex.category(category).path),
            CueKind::Colon | CueKind::Survey => CueClass::Neutral.name(),
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
    cues: Vec<Cue>,
    earlier: Vec<(usize, Source)>,
    spans: Vec<(u32, u32)>,
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

/// Finds the attributions of one section and appends them to `out`. `file` is the
/// attribution lexicon file.
pub fn detect_section(
    lex: &Lexicon,
    file: FileId,
    view: &SectionView,
    scratch: &mut AttributionScratch,
    out: &mut Vec<Attribution>,
) {
    let AttributionScratch { cues, earlier, spans, resolver } = scratch;
    resolver.start_section();
    let text = view.text;
    if !view.hits.iter().any(|h| lex.entry(h.entry).file == file)
        && !text.contains(':')
        && !survey::may_name_one(text)
    {
        return;
    }
    let ctx: &Ctx = view;
    cue::collect(ctx, lex, file, view.hits, cues);
    colon::collect(ctx, cues);
    survey::collect(ctx, cues);
    let first_new = out.len();
    earlier.clear();
    let mut sentence = u32::MAX;
    for k in 0..cues.len() {
        let sent = ctx.sentence(cues[k].first);
        if sent != sentence {
            earlier.clear();
            sentence = sent;
        }
        out.extend(attribute(ctx, lex, k, cues, earlier, resolver));
    }
    nested::drop_nested_attitudes(lex, out, first_new, spans);
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
    let found = source::find(ctx, cue, earlier, cues).or_else(|| {
        let lemma = cue.entry.map(|e| lex.entry(e).term_lemma());
        lemma
            .filter(|l| subject::takes_clause_subject(l) && !agentless::agentless(ctx, cue))
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
    if content.said_nothing {
        return None;
    }
    let resolved = found.and_then(|src| resolver.resolve(ctx, src.first, src.end, cues));
    let kind = match cue.entry {
        Some(entry) => CueKind::Lexicon { entry, category: lex.entry(entry).category },
        None if cue.form == Form::Colon => CueKind::Colon,
        None => CueKind::Survey,
    };
    Some(Attribution {
        section: ctx.section,
        sentence: sent,
        kind,
        class: CueClass::from_name(kind.class_name(lex)),
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
        let adverb = words::is_adverb(w)
            && !matches!(w, "however" | "though" | "meanwhile" | "instead" | "yet" | "since");
        if ctx.is_cap(k - 1) || !(words::is_auxiliary(w) || adverb) {
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
pub(crate) mod tests {
    use super::*;
    use crate::devices::Roles;
    use crate::language::Language;
    use crate::lexicon::LexiconBuilder;
    use crate::view::ViewScratch;

    /// The team's own small attribution lexicon for unit tests.
    pub(crate) fn fixture_lexicon() -> Lexicon {
        let mut rows = String::from("pattern,category,polarity,intensity,lemma\n");
        let verbs: &[(&str, &str, &[&str])] = &[
            ("say", "neutral", &["say", "says", "said", "saying"]),
            ("tell", "neutral", &["tell", "tells", "told", "telling"]),
            ("add", "neutral", &["add", "adds", "added", "adding"]),
            ("report", "neutral", &["report", "reports", "reported", "reporting"]),
            ("cite", "neutral", &["cite", "cites", "cited", "citing"]),
            ("confirm", "endorsing", &["confirm", "confirms", "confirmed", "confirming"]),
            ("note", "endorsing", &["note", "notes", "noted", "noting"]),
            ("claim", "doubting", &["claim", "claims", "claimed", "claiming"]),
            ("allege", "doubting", &["allege", "alleges", "alleged", "alleging"]),
            ("purport", "doubting", &["purported", "purports"]),
            ("admit", "guilt", &["admit", "admits", "admitted", "admitting"]),
            ("insist", "insistent", &["insist", "insists", "insisted", "insisting"]),
            ("accuse", "confrontational", &["accuse", "accuses", "accused", "accusing"]),
            ("state", "neutral", &["state", "states", "stated", "stating"]),
            ("tweet", "neutral", &["tweet", "tweets", "tweeted"]),
            ("report", "neutral", &["reportedly"]),
            ("speak", "neutral", &["speak", "speaks", "spoke", "speaking"]),
            ("maintain", "insistent", &["maintain", "maintains", "maintained", "maintaining"]),
            ("continue", "neutral", &["continue", "continues", "continued", "continuing"]),
            ("call", "neutral", &["call", "calls", "called", "calling"]),
            ("support", "neutral", &["support", "supports", "supported", "supporting"]),
            ("decline", "neutral", &["decline", "declines", "declined", "declining"]),
            ("comment", "neutral", &["comment", "comments", "commented", "commenting"]),
            ("expect", "neutral", &["expect", "expects", "expected", "expecting"]),
            ("ask", "neutral", &["ask", "asks", "asked", "asking"]),
            ("see", "neutral", &["see", "sees", "saw", "seeing"]),
            ("decide", "neutral", &["decide", "decides", "decided", "deciding"]),
            ("find", "endorsing", &["find", "finds", "found", "finding"]),
        ];
        for (lemma, class, forms) in verbs {
            for f in *forms {
                rows.push_str(&format!("={f},attribution/{class},,,{lemma}\n"));
            }
        }
        rows.push_str("=according =to,attribution/neutral,,,according to\n");
        rows.push_str("=in =a =statement,attribution/neutral,,,statement\n");
        rows.push_str(
            "=he =stated,attribution/neutral,,,state\n=stated =that,attribution/neutral,,,state\n",
        );
        rows.push_str("=claims =by,attribution/doubting,,,claim\n");
        rows.push_str("=was =quoted =as =saying,attribution/neutral,,,quote\n");
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        b.add_text("attribution.csv", "attribution", &rows).unwrap();
        b.add_text("loaded.csv", "loaded", "pattern,category\nregime,loaded/x\n").unwrap();
        b.build()
    }

    /// `cue text/form` of every cue of `text`.
    pub(crate) fn cues(lex: &Lexicon, text: &str) -> Vec<String> {
        let roles = Roles::new(lex);
        let mut vs = ViewScratch::new();
        let ctx = vs.build(lex, &roles, Section::Body, text);
        let mut out = Vec::new();
        let file = lex.file_named("attribution").unwrap();
        cue::collect(&ctx, lex, file, ctx.hits, &mut out);
        out.iter()
            .map(|c| format!("{}/{:?}", &text[ctx.tokens_span(c.first, c.end).range()], c.form))
            .collect()
    }

    /// One attribution as the tests compare it.
    #[derive(Debug, PartialEq, Eq)]
    pub(crate) struct Row {
        pub(crate) cue: String,
        pub(crate) class: String,
        pub(crate) source: String,
        pub(crate) resolved: String,
        pub(crate) content: String,
        pub(crate) quote_type: String,
        pub(crate) direct: bool,
    }

    pub(crate) fn detect(text: &str) -> Vec<Row> {
        let lex = fixture_lexicon();
        let roles = Roles::new(&lex);
        let mut vs = ViewScratch::new();
        let view = vs.build(&lex, &roles, Section::Body, text);
        let mut s = AttributionScratch::new();
        s.start_document();
        let mut out = Vec::new();
        let file = lex.file_named("attribution").unwrap();
        detect_section(&lex, file, &view, &mut s, &mut out);
        let chars: Vec<char> = text.chars().collect();
        let sub = |e: Option<Extent>| {
            e.map_or(String::new(), |e| {
                let by_chars: String =
                    chars[e.chars.start as usize..e.chars.end as usize].iter().collect();
                assert_eq!(by_chars, text[e.bytes.range()]);
                by_chars
            })
        };
        out.iter()
            .map(|a| Row {
                cue: sub(Some(a.cue)),
                class: a.class.map_or("", CueClass::name).to_string(),
                source: sub(a.source),
                resolved: a.source_resolved.as_deref().unwrap_or("").to_string(),
                content: sub(a.content),
                quote_type: a.quote_type.as_str().to_string(),
                direct: a.direct,
            })
            .collect()
    }

    /// (cue, source, resolved) triples.
    fn who(text: &str) -> Vec<(String, String, String)> {
        detect(text).into_iter().map(|r| (r.cue, r.source, r.resolved)).collect()
    }

    fn t(cue: &str, source: &str, resolved: &str) -> (String, String, String) {
        (cue.into(), source.into(), resolved.into())
    }

    #[test]
    fn subject_verb_content() {
        let r = detect("Harbour Minister Ilse Varga said on Monday that the port would reopen.");
        assert_eq!(
            r,
            vec![Row {
                cue: "said".into(),
                class: "neutral".into(),
                source: "Harbour Minister Ilse Varga".into(),
                resolved: "Ilse Varga".into(),
                content: "the port would reopen".into(),
                quote_type: "SVC".into(),
                direct: false,
            }]
        );
    }

    #[test]
    fn quote_before_with_pronoun_and_inverted_verb() {
        let text = "Ilse Varga told reporters the port was safe. “We are ready,” she said. \
                    “Ships may dock,” said the harbour master, Odo Brandt.";
        let r = detect(text);
        assert_eq!(r.len(), 3);
        assert_eq!((r[1].source.as_str(), r[1].resolved.as_str()), ("she", "Ilse Varga"));
        assert_eq!((r[1].content.as_str(), r[1].quote_type.as_str()), ("We are ready,", "QCQSV"));
        assert!(r[1].direct);
        assert_eq!(r[2].source, "the harbour master");
        assert_eq!(r[2].quote_type, "QCQVS");
    }

    #[test]
    fn content_before_the_clause_and_parentheticals() {
        assert_eq!(
            who("The port will reopen in May, the harbour authority said on Friday."),
            vec![t("said", "the harbour authority", "harbour authority")]
        );
        let r = detect("The port will reopen in May, the harbour authority said on Friday.");
        assert_eq!(
            (r[0].content.as_str(), r[0].quote_type.as_str()),
            ("The port will reopen in May", "CSV")
        );
        assert_eq!(
            who("Varga, however, insisted that the port was safe."),
            vec![t("insisted", "Varga", "Varga")]
        );
        assert_eq!(
            who("Odo Brandt, the spokesman for the port, claimed the ships were late."),
            vec![t("claimed", "Odo Brandt", "Odo Brandt")]
        );
    }

    #[test]
    fn according_to_participles_and_passives() {
        assert_eq!(
            who("According to port officials, the ships were late."),
            vec![t("According to", "port officials", "port officials")]
        );
        assert_eq!(
            who("Varga confirmed the delay, adding that the ships were late."),
            vec![t("confirmed", "Varga", "Varga"), t("adding", "Varga", "Varga")]
        );
        assert_eq!(
            who("The Tide Gazette ran a memo on Monday. A memo alleging fraud circulated."),
            vec![t("alleging", "A memo", "Tide Gazette")]
        );
        assert_eq!(
            who("Brandt was quoted as saying the port was safe."),
            vec![t("was quoted as saying", "Brandt", "Brandt")]
        );
        assert_eq!(
            who("The mayor was accused by rivals of lying."),
            vec![t("was accused", "rivals", "rivals")]
        );
        // An agentless passive is reported with an empty source.
        assert_eq!(
            who("The ships were reportedly late and the mayor was accused of lying."),
            vec![t("was accused", "", "")]
        );
    }

    #[test]
    fn a_verb_cue_spans_its_verb_group() {
        assert_eq!(
            who("Varga has also said the port was safe. Brandt, however, said it was not."),
            vec![t("has also said", "Varga", "Varga"), t("said", "Brandt", "Brandt")]
        );
    }

    #[test]
    fn citing_an_informant_or_a_reason() {
        assert_eq!(
            who("The Tide Gazette ran a story, citing “people familiar with the plan.”"),
            vec![t("citing", "people familiar with the plan", "people familiar with the plan")]
        );
        assert_eq!(who("Varga resigned, citing poor health."), vec![t("citing", "Varga", "Varga")]);
    }

    #[test]
    fn long_and_prepositional_appositions() {
        assert_eq!(
            who("Ilse Varga, 29, of Velm, Ala., says the port is safe."),
            vec![t("says", "Ilse Varga", "Ilse Varga")]
        );
        assert_eq!(
            who("The harbour board, which has been criticised for months by the unions over the \
                 closure of the old northern docks that the city once ran itself, said the port \
                 was safe."),
            vec![t("said", "The harbour board", "harbour board")]
        );
    }

    #[test]
    fn a_reduced_relative_between_subject_and_verb() {
        assert_eq!(
            who("A new Velm poll released on Friday found Mora ahead."),
            vec![t("found", "A new Velm poll", "a new Velm poll")]
        );
        assert!(who("Mora found it hard.").is_empty());
    }

    #[test]
    fn pronouns_and_descriptions_resolve() {
        let text = "Port spokeswoman Ilse Varga said the ships were late. The Tide Gazette \
                    reported that the port was closed. It added that crews were idle. \
                    She claimed the Gazette was wrong. The Estrel regime stayed silent. \
                    Later the regime’s navy said it was ready.";
        assert_eq!(
            who(text),
            vec![
                t("said", "Port spokeswoman Ilse Varga", "Ilse Varga"),
                t("reported", "The Tide Gazette", "The Tide Gazette"),
                t("added", "It", "The Tide Gazette"),
                t("claimed", "She", "Ilse Varga"),
                t("said", "the regime’s navy", "Estrel navy"),
            ]
        );
    }

    #[test]
    fn mixed_quotes_are_direct_and_scare_quotes_are_not() {
        let r = detect("Varga claimed that Brandt “has no authority to close the port.”");
        assert!(r[0].direct);
        let r = detect("Varga said the “reform” failed.");
        assert!(!r[0].direct);
    }

    #[test]
    fn no_attribution_lexicon_no_attributions() {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        b.add_text("l.csv", "loaded", "pattern,category\nsaid,loaded\n").unwrap();
        let lex = b.build();
        assert!(lex.file_named("attribution").is_none());
    }
}
