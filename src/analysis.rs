//! Analysing one document: build each section's view (title, body: tokens, hits, quotations,
//! clauses, marks, reporting cues; `view`), find the framing devices around each hit
//! (`devices`), the attributions (`attribution`) and the tone (`tone`) over it, and count, by
//! voice. Produces a [`DocAnalysis`] of integers and offsets; infallible and free of I/O, so
//! the drivers in `pipeline` can run it on any thread.

use crate::attribution::{Attribution, AttributionScratch, CueKind, detect_section};
use crate::boilerplate::Boilerplate;
use crate::corpus::Document;
use crate::cuemodel::CueModel;
use crate::devices::{DeviceScratch, Flags, ShortQuote};
use crate::lexicon::{Counts, EntryId, Lexicon, Role};
use crate::names::NameScratch;
use crate::segment::{Span, Token};
use crate::tone::{SentenceTone, ToneScratch, score_sentences};
pub use crate::view::{Section, Sections};
use crate::view::{SectionView, ViewScratch};
use std::sync::Arc;

/// One lexicon hit with its position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// The entry matched.
    pub entry: EntryId,
    /// The section it is in.
    pub section: Section,
    /// Sentence index within the section (0-based).
    pub sentence: u32,
    /// Byte offsets into the section text.
    pub bytes: Span,
    /// Code-point offsets into the section text (what Python's `str` indexes).
    pub chars: Span,
    /// The framing devices around the hit.
    pub flags: Flags,
}

/// Everything counted in one document. Integers only, so totals are exact and independent
/// of the order in which documents are analysed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocAnalysis {
    /// Words in all analysed sections.
    pub tokens: u32,
    /// Sentences in all analysed sections.
    pub sentences: u32,
    /// Tokens covered by at least one hit.
    pub matched_tokens: u32,
    /// Hits per category id (each hit counts for its category and every ancestor).
    pub category_counts: Vec<u32>,
    /// Hits per entry, sorted by entry id.
    pub entry_counts: Vec<(EntryId, u32)>,
    /// Every hit, in section then text order.
    pub matches: Vec<Match>,
    /// Words inside quotation marks (the rest are in the outlet's own voice).
    pub quoted_tokens: u32,
    /// Hits inside quotation marks per category id (authorial = all − quoted).
    pub category_counts_quoted: Vec<u32>,
    /// Hits inside quotation marks per entry, sorted by entry id, non-zero only.
    pub entry_counts_quoted: Vec<(EntryId, u32)>,
    /// Short quoted spans (scare quotes, attributed phrases, titles), in text order.
    pub short_quotes: Vec<(Section, ShortQuote)>,
    /// The headline score's numerator: the intensities (1..=3, 1 when not given) of the
    /// counted loaded-language hits in the outlet's own voice.
    pub loaded_weight_authorial: u32,
    /// Sum of the sentence tones in millionths (see `tone`).
    pub tone_micro: i64,
    /// Sentences with at least one hit that carries valence.
    pub toned_sentences: u32,
    /// Every attribution (cue, source, content), in section then text order.
    pub attributions: Vec<Attribution>,
}

impl DocAnalysis {
    /// Scare quotes in the document.
    pub fn scare_quotes(&self) -> u32 {
        let scare = crate::devices::QuoteKind::Scare;
        self.short_quotes.iter().filter(|(_, q)| q.kind == scare).count() as u32
    }
}

/// The framing dimension an entry counts in, for the rule that a token counts once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dimension {
    /// Loaded language (a content entry under the top-level category `loaded`).
    Loaded,
    /// An attribution cue.
    Cue,
    /// A hedge.
    Hedge,
    /// A label.
    Label,
    /// Anything else (valence, boosters, negators: they feed tone).
    Other,
}

/// Each entry's dimension.
fn dimensions(lex: &Lexicon) -> Arc<[Dimension]> {
    let dim = |(i, e): (usize, &crate::lexicon::Entry)| match lex.role(EntryId(i as u32)) {
        Role::AttributionCue { .. } => Dimension::Cue,
        Role::Hedge => Dimension::Hedge,
        Role::Label { .. } => Dimension::Label,
        Role::Content if &*lex.category(lex.category(e.category).top).path == "loaded" => {
            Dimension::Loaded
        }
        _ => Dimension::Other,
    };
    lex.entries().iter().enumerate().map(dim).collect()
}

/// Token claims: which dimension already counts a token.
const CLAIM_CUE: u8 = 1;
const CLAIM_OTHER: u8 = 2;

/// Per-thread reusable buffers.
#[derive(Default)]
pub struct Scratch {
    view: ViewScratch,
    work: Work,
}

/// The buffers of the detectors and counters that read a section's view.
#[derive(Default)]
struct Work {
    covered: Vec<bool>,
    claims: Vec<u8>,
    /// Per token (and one past the last): how many indirect attributions' contents hold it.
    reported: Vec<i32>,
    flags: Vec<Flags>,
    names: NameScratch,
    boilerplate: Vec<Span>,
    norm: String,
    entry_ids: Vec<EntryId>,
    entry_ids_quoted: Vec<EntryId>,
    devices: DeviceScratch,
    short: Vec<ShortQuote>,
    tone: ToneScratch,
    sentence_tones: Vec<SentenceTone>,
    attribution: AttributionScratch,
}

impl Scratch {
    /// Empty buffers.
    pub fn new() -> Scratch {
        Scratch::default()
    }
}

/// Analyses documents against one lexicon. Cheap to clone; shareable across threads.
#[derive(Clone, Debug)]
pub struct Analyzer {
    lexicon: Arc<Lexicon>,
    sections: Sections,
    dimensions: Arc<[Dimension]>,
    boilerplate: Option<Arc<Boilerplate>>,
    count_names: bool,
    cue_model: Option<Arc<CueModel>>,
}

impl Analyzer {
    /// An analyzer for `lexicon`, analysing `sections`.
    pub fn new(lexicon: Arc<Lexicon>, sections: Sections) -> Analyzer {
        let dimensions = dimensions(&lexicon);
        Analyzer {
            lexicon,
            sections,
            dimensions,
            boilerplate: None,
            count_names: false,
            cue_model: None,
        }
    }

    /// The same analyzer, counting hits inside longer names when `on` (they stay flagged
    /// `in_name`; by default they are left out of the counts).
    pub fn counting_names(self, on: bool) -> Analyzer {
        Analyzer { count_names: on, ..self }
    }

    /// The same analyzer, flagging hits on the lines of `boilerplate` (found by a first pass
    /// over the corpus, see `boilerplate`).
    pub fn with_boilerplate(self, boilerplate: Arc<Boilerplate>) -> Analyzer {
        Analyzer { boilerplate: Some(boilerplate), ..self }
    }

    /// The same analyzer, its reporting cues decided by `model` (by the rules alone if none,
    /// the default).
    pub fn with_cue_model(self, model: Option<Arc<CueModel>>) -> Analyzer {
        Analyzer { cue_model: model, ..self }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Analyses one document.
    ///
    /// # Panics
    ///
    /// May panic if the title and text together exceed 4 GiB (offsets are 32-bit); the
    /// pipeline turns such documents into failures instead of analysing them.
    pub fn analyze(&self, doc: &Document, scratch: &mut Scratch) -> DocAnalysis {
        let lex = &*self.lexicon;
        let mut out = DocAnalysis {
            category_counts: vec![0; lex.categories().len()],
            category_counts_quoted: vec![0; lex.categories().len()],
            ..DocAnalysis::default()
        };
        let w = &mut scratch.work;
        w.entry_ids.clear();
        w.entry_ids_quoted.clear();
        w.attribution.start_document();
        let title = doc.title.as_deref().filter(|_| self.sections.title);
        let body = Some(doc.text.as_str()).filter(|_| self.sections.body);
        for (section, text) in [(Section::Title, title), (Section::Body, body)] {
            if let Some(text) = text {
                let w = &mut scratch.work;
                w.boilerplate.clear();
                if let Some(bp) = &self.boilerplate {
                    bp.spans(&doc.outlet, text, &mut w.norm, &mut w.boilerplate);
                }
                let view = scratch.view.build_with(lex, self.cue_model.as_deref(), section, text);
                self.analyze_section(&view, &mut scratch.work, &mut out);
            }
        }
        let w = &mut scratch.work;
        count_runs(&mut w.entry_ids, &mut out.entry_counts);
        count_runs(&mut w.entry_ids_quoted, &mut out.entry_counts_quoted);
        out
    }

    /// Counts one section: its devices, hits, attributions and tone.
    fn analyze_section(&self, view: &SectionView, w: &mut Work, out: &mut DocAnalysis) {
        out.tokens += view.buf.tokens.len() as u32;
        out.sentences += view.buf.sentences.len() as u32;
        w.short.clear();
        w.devices.prepare(view, &mut w.short);
        let short = w.short.iter().map(|&q| ShortQuote { chars: view.chars(q.bytes), ..q });
        out.short_quotes.extend(short.map(|q| (view.section, q)));
        out.quoted_tokens += w.devices.quoted_tokens(view);
        let first_new = out.attributions.len();
        detect_section(&self.lexicon, view, &mut w.attribution, &mut out.attributions);
        self.hit_flags(view, w, &out.attributions[first_new..]);
        self.count_hits(view, w, out);
        score_sentences(view, &mut w.tone, &mut w.sentence_tones);
        for t in &w.sentence_tones {
            out.tone_micro += i64::from(t.micro);
            out.toned_sentences += u32::from(t.toned);
        }
    }

    /// The flags of every hit of the section into `w.flags`: the devices around it, its
    /// context (a name, a set phrase), and whether another dimension counts its tokens. A
    /// token counts once: an attribution-lexicon hit counts only as the cue of a detected
    /// attribution (`attributions`, this section's); a hedge on such a cue counts as the
    /// cue; a loaded-language hit whose every token is a cue, a counted hedge or a counted
    /// label counts there, unless its entry says `counts = also` (a longer loaded phrase
    /// around a label, `culture war` around `war`, is its own choice and counts); a
    /// loaded-language hit inside a scare quote counts as the scare quote only.
    fn hit_flags(&self, view: &SectionView, w: &mut Work, attributions: &[Attribution]) {
        let lex = &*self.lexicon;
        let toks = &view.buf.tokens;
        w.claims.clear();
        w.claims.resize(toks.len(), 0);
        for at in attributions.iter().filter(|a| matches!(a.kind, CueKind::Lexicon { .. })) {
            claim(toks, at.cue.bytes, CLAIM_CUE, &mut w.claims);
        }
        mark_reported(toks, attributions, &mut w.reported);
        w.names.prepare(view);
        w.flags.clear();
        for h in view.hits {
            let (first, end) = (h.first as usize, h.end as usize);
            let mut f = w.devices.flags(view, h);
            f.set(Flags::IN_NAME, w.names.in_name(view, first, end));
            f.set(Flags::SET_PHRASE, lex.entry(h.entry).counts == Counts::Never);
            let at = toks[first].span.start;
            f.set(Flags::BOILERPLATE, w.boilerplate.iter().any(|s| s.start <= at && at < s.end));
            let quoted = f.contains(Flags::IN_QUOTE);
            f.set(Flags::REPORTED, !quoted && w.reported[first] > 0);
            let on_cue = w.claims[first..end].iter().any(|&c| c & CLAIM_CUE != 0);
            match self.dimensions[h.entry.index()] {
                Dimension::Cue => f.set(Flags::NOT_A_CUE, !on_cue),
                Dimension::Hedge => f.set(Flags::OTHER_DIMENSION, on_cue),
                _ => {}
            }
            w.flags.push(f);
        }
        for (h, f) in view.hits.iter().zip(&w.flags) {
            let dim = self.dimensions[h.entry.index()];
            if self.counts(*f) && matches!(dim, Dimension::Hedge | Dimension::Label) {
                w.claims[h.first as usize..h.end as usize]
                    .iter_mut()
                    .for_each(|c| *c |= CLAIM_OTHER);
            }
        }
        for (h, f) in view.hits.iter().zip(w.flags.iter_mut()) {
            let loaded = self.dimensions[h.entry.index()] == Dimension::Loaded;
            let claimed = w.claims[h.first as usize..h.end as usize].iter().all(|&c| c != 0);
            let once = lex.entry(h.entry).counts != Counts::Also;
            // Words in a scare quote are someone else's (or held at arm's length): they count
            // as the scare quote, never as the outlet's own loaded language.
            let scare = f.contains(Flags::SCARE_QUOTE);
            f.set(Flags::OTHER_DIMENSION, loaded && (scare || claimed && once));
            f.set(Flags::COUNTED, self.counts(*f));
        }
    }

    /// Adds every hit of the section, with its flags (from [`Analyzer::hit_flags`]), to the
    /// matches, and the counted ones to the counts.
    fn count_hits(&self, view: &SectionView, w: &mut Work, out: &mut DocAnalysis) {
        let lex = &*self.lexicon;
        let toks = &view.buf.tokens;
        w.covered.clear();
        w.covered.resize(toks.len(), false);
        for (h, &flags) in view.hits.iter().zip(&w.flags) {
            let bytes = view.tokens_span(h.first as usize, h.end as usize);
            out.matches.push(Match {
                entry: h.entry,
                section: view.section,
                sentence: toks[h.first as usize].sentence,
                bytes,
                chars: view.chars(bytes),
                flags,
            });
            w.covered[h.first as usize..h.end as usize].iter_mut().for_each(|c| *c = true);
            if !flags.counted() {
                continue;
            }
            w.entry_ids.push(h.entry);
            let quoted = flags.contains(Flags::IN_QUOTE);
            if quoted {
                w.entry_ids_quoted.push(h.entry);
            }
            let entry = lex.entry(h.entry);
            if !quoted && self.dimensions[h.entry.index()] == Dimension::Loaded {
                out.loaded_weight_authorial += u32::from(entry.intensity.unwrap_or(1));
            }
            for c in lex.lineage(entry.category) {
                out.category_counts[c.index()] += 1;
                out.category_counts_quoted[c.index()] += u32::from(quoted);
            }
        }
        out.matched_tokens += w.covered.iter().filter(|&&c| c).count() as u32;
    }
}

impl Analyzer {
    /// Whether a hit with `flags` counts: no flag that leaves it out (`IN_NAME` only when
    /// names are not counted on request).
    fn counts(&self, flags: Flags) -> bool {
        let mut out = Flags::BOILERPLATE.0
            | Flags::SET_PHRASE.0
            | Flags::OTHER_DIMENSION.0
            | Flags::NOT_A_CUE.0;
        if !self.count_names {
            out |= Flags::IN_NAME.0;
        }
        flags.0 & out == 0
    }
}

/// Counts per token how many contents of the section's indirect attributions hold its first
/// byte (a difference array, so a section with many long contents stays linear).
fn mark_reported(toks: &[Token], attributions: &[Attribution], depth: &mut Vec<i32>) {
    depth.clear();
    depth.resize(toks.len() + 1, 0);
    for content in attributions.iter().filter(|a| !a.direct).filter_map(|a| a.content) {
        let Span { start, end } = content.bytes;
        depth[toks.partition_point(|t| t.span.start < start)] += 1;
        depth[toks.partition_point(|t| t.span.start < end)] -= 1;
    }
    let mut inside = 0;
    for d in depth.iter_mut() {
        inside += *d;
        *d = inside;
    }
}

/// Marks with `mark` the tokens that overlap the byte span `bytes`.
fn claim(toks: &[Token], bytes: Span, mark: u8, claims: &mut [u8]) {
    let start = toks.partition_point(|t| t.span.end <= bytes.start);
    for (t, c) in toks[start..].iter().zip(&mut claims[start..]) {
        if t.span.start >= bytes.end {
            break;
        }
        *c |= mark;
    }
}

/// Counts hits per entry: sorts the (few) ids and counts runs into `out`.
fn count_runs(ids: &mut [EntryId], out: &mut Vec<(EntryId, u32)>) {
    ids.sort_unstable();
    for &id in ids.iter() {
        match out.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => out.push((id, 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::lexicon::LexiconBuilder;

    fn analyzer() -> Analyzer {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        b.add_text(
            "l",
            "loaded",
            "pattern,category\nregime,loaded/delegitimising\nmassacre,loaded/violence\n",
        )
        .unwrap();
        b.add_text("h", "hedges", "pattern,category\nreportedly,hedge/reportive\n").unwrap();
        Analyzer::new(Arc::new(b.build()), Sections::default())
    }

    #[test]
    fn counts_offsets_and_sections() {
        let a = analyzer();
        let doc = Document {
            title: Some("Regime “massacre”".into()),
            text: "The régime’s forces reportedly… the regime.".into(),
            ..Document::default()
        };
        let r = a.analyze(&doc, &mut Scratch::new());
        assert_eq!(r.tokens, 2 + 6);
        let spans: Vec<_> =
            r.matches.iter().map(|m| (m.section, m.chars.start, m.chars.end)).collect();
        assert_eq!(
            spans,
            vec![
                (Section::Title, 0, 6),
                (Section::Title, 8, 16),
                (Section::Body, 20, 30),
                (Section::Body, 36, 42)
            ]
        );
        let body: Vec<char> = doc.text.chars().collect();
        let m = &r.matches[3];
        assert_eq!(
            body[m.chars.start as usize..m.chars.end as usize].iter().collect::<String>(),
            "regime"
        );
        assert_eq!(&doc.text[m.bytes.range()], "regime");
        // loaded (top) = 2: two regimes (the scare-quoted massacre counts as a scare quote
        // only); hedge = 1.
        let lex = a.lexicon();
        let loaded = lex.categories().iter().position(|c| &*c.path == "loaded").unwrap();
        assert_eq!(r.category_counts[loaded], 2);
        assert_eq!(r.matched_tokens, 4);
        assert_eq!(r.entry_counts, vec![(EntryId(0), 2), (EntryId(2), 1)]);
    }

    /// The counted flag of each hit of `text`, as (file, matched text, counted).
    fn counted(text: &str) -> Vec<(String, String, bool)> {
        counted_with(text, false)
    }

    /// The same, counting hits in names when `names`.
    fn counted_with(text: &str, names: bool) -> Vec<(String, String, bool)> {
        let flagged = flagged(text, names).into_iter();
        flagged.map(|(file, text, f)| (file, text, f.counted())).collect()
    }

    /// The flags of each hit of `text`, as (file, matched text, flags), sorted.
    fn flagged(text: &str, names: bool) -> Vec<(String, String, Flags)> {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        let files = [
            (
                "loaded",
                "pattern,category,polarity,intensity,counts\n=claimed,loaded/doubt,-1,2,\n\
                 =claims,loaded/doubt,-1,2,\nregime,loaded/delegitimising,-2,2,also\n\
                 terroris*,loaded/delegitimising,-2,3,\nwar,loaded/violence,-1,1,\n\
                 =jobless =claims,loaded/doubt,,,never\n",
            ),
            (
                "attribution",
                "pattern,category\n=said,attribution/neutral\n=claimed,attribution/doubting\n\
                 =alleged,attribution/doubting\n=claims,attribution/doubting\n",
            ),
            ("hedges", "pattern,category\n=alleged,hedge/reportive\n"),
            (
                "labels",
                "pattern,category,lemma\nregime,label/government,regime\nwar,label/war,war\n",
            ),
        ];
        for (name, text) in files {
            b.add_text(name, name, text).unwrap();
        }
        let lex = Arc::new(b.build());
        let a = Analyzer::new(lex.clone(), Sections::default()).counting_names(names);
        let doc = Document { text: text.into(), ..Document::default() };
        let r = a.analyze(&doc, &mut Scratch::new());
        let file = |m: &Match| lex.file(lex.entry(m.entry).file).name.to_string();
        let mut v: Vec<_> = r
            .matches
            .iter()
            .map(|m| (file(m), text[m.bytes.range()].to_string(), m.flags))
            .collect();
        v.sort_by_key(|(file, text, f)| (file.clone(), text.clone(), f.counted()));
        v
    }

    fn c(file: &str, text: &str, counted: bool) -> (String, String, bool) {
        (file.into(), text.into(), counted)
    }

    #[test]
    fn a_cue_counts_as_attribution_not_as_loaded_language() {
        let got = counted("The minister claimed that the plan failed.");
        assert_eq!(got, [c("attribution", "claimed", true), c("loaded", "claimed", false)]);
        // No attribution: the word is loaded language, and no cue.
        let got = counted("The claimed victory was hollow.");
        assert_eq!(got, [c("attribution", "claimed", false), c("loaded", "claimed", true)]);
    }

    #[test]
    fn a_hedge_on_a_cue_counts_as_the_cue() {
        let got = counted("Prosecutors alleged that he lied.");
        assert_eq!(got, [c("attribution", "alleged", true), c("hedges", "alleged", false)]);
        let got = counted("The alleged thief ran.");
        assert_eq!(got, [c("attribution", "alleged", false), c("hedges", "alleged", true)]);
    }

    #[test]
    fn labels_take_loaded_words_unless_the_lexicon_says_also() {
        let got = counted("The regime ended the war.");
        let want = [
            c("labels", "regime", true),
            c("labels", "war", true),
            c("loaded", "regime", true),
            c("loaded", "war", false),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn names_and_set_phrases_do_not_count() {
        let got = counted("Data from the Global Terrorism Database show it.");
        assert_eq!(got, [c("loaded", "Terrorism", false)]);
        let got = counted_with("Data from the Global Terrorism Database show it.", true);
        assert_eq!(got, [c("loaded", "Terrorism", true)], "counted on request");
        let got = counted("Weekly jobless claims rose.");
        assert!(got.contains(&c("loaded", "jobless claims", false)), "{got:?}");
        let got = counted("Officials fear terrorism.");
        assert_eq!(got, [c("loaded", "terrorism", true)]);
    }

    #[test]
    fn a_scare_quoted_loaded_word_counts_as_the_scare_quote_only() {
        let got = counted("The \u{201c}regime\u{201d} ended.");
        assert!(got.contains(&c("loaded", "regime", false)), "{got:?}");
        let got = counted("The regime ended.");
        assert!(got.contains(&c("loaded", "regime", true)), "{got:?}");
    }

    #[test]
    fn reported_speech_is_flagged_and_still_counts() {
        let loaded = |text: &str| {
            let hits = flagged(text, false).into_iter().filter(|h| h.0 == "loaded");
            hits.map(|(_, _, f)| (f.contains(Flags::REPORTED), f.counted())).collect::<Vec<_>>()
        };
        assert_eq!(loaded("The senator said terrorism was rising."), [(true, true)]);
        assert_eq!(loaded("Terrorism was rising, the senator said."), [(true, true)]);
        assert_eq!(loaded("Terrorism was rising."), [(false, true)]);
        // The source's own words in quotation marks are quoted voice, not reported speech.
        let quoted = "The senator said: \u{201c}Terrorism is rising.\u{201d}";
        assert_eq!(loaded(quoted), [(false, true)]);
        let f = flagged(quoted, false).into_iter().find(|h| h.0 == "loaded").unwrap().2;
        assert!(f.contains(Flags::IN_QUOTE));
    }

    #[test]
    fn only_counted_hits_reach_the_counts_and_the_headline_score() {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        b.add_text(
            "l",
            "loaded",
            "pattern,category,intensity\nmassacre,loaded/violence,3\nbad,loaded/x,1\n",
        )
        .unwrap();
        let a = Analyzer::new(Arc::new(b.build()), Sections::default());
        let doc = Document {
            text: "A massacre, a bad one, at the Massacre Memorial Trust. He said: \"It was a \
                   massacre of many.\""
                .into(),
            ..Document::default()
        };
        let r = a.analyze(&doc, &mut Scratch::new());
        let counted: Vec<bool> = r.matches.iter().map(|m| m.flags.counted()).collect();
        assert_eq!(counted, [true, true, false, true]);
        assert_eq!(r.entry_counts, vec![(EntryId(0), 2), (EntryId(1), 1)]);
        // Authorial: massacre (3) + bad (1); the quoted massacre is not authorial.
        assert_eq!(r.loaded_weight_authorial, 4);
    }

    #[test]
    fn sections_can_be_skipped() {
        let lex = analyzer().lexicon.clone();
        let a = Analyzer::new(lex, Sections { title: false, body: true });
        let doc =
            Document { title: Some("Regime".into()), text: "calm".into(), ..Document::default() };
        assert!(a.analyze(&doc, &mut Scratch::new()).matches.is_empty());
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::devices::QuoteKind;
    use crate::devices::testing::lexicon;
    use proptest::prelude::*;

    /// News-like text built from lexicon words, every kind of quotation mark, apostrophes,
    /// clause punctuation, paragraph breaks and arbitrary characters.
    fn newsy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("the regime ".to_string()),
            Just("not ".to_string()),
            Just("very brutal ".to_string()),
            Just("reportedly ".to_string()),
            Just("so-called ".to_string()),
            Just("he said ".to_string()),
            Just("called it ".to_string()),
            Just("the book ".to_string()),
            Just("hostages ".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("’".to_string()),
            Just("‘".to_string()),
            Just("«".to_string()),
            Just("»".to_string()),
            Just("town's ".to_string()),
            Just(". ".to_string()),
            Just(", but ".to_string()),
            Just("; ".to_string()),
            Just(" — ".to_string()),
            Just("!".to_string()),
            Just("\n\n".to_string()),
            "\\PC{0,4}",
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn devices_never_panic_and_stay_consistent(text in newsy()) {
            let lex = lexicon();
            let mut vs = ViewScratch::new();
            let view = vs.build(&lex, Section::Body, &text);
            let mut d = DeviceScratch::default();
            let mut short = Vec::new();
            d.prepare(&view, &mut short);
            for q in &short {
                prop_assert!(text.get(q.bytes.range()).is_some());
                prop_assert!(text.get(q.sentence_bytes.range()).is_some());
                prop_assert!(q.kind != QuoteKind::Long);
                if let Some(c) = q.cue {
                    prop_assert!(text.get(c.range()).is_some());
                }
            }
            for h in view.hits {
                let f = d.flags(&view, h);
                // A scare quote outside any other quotation is authorial voice.
                let q = view.tok_quote[h.first as usize];
                if f.contains(Flags::SCARE_QUOTE) && view.quotes[q as usize].depth == 0 {
                    prop_assert!(!f.contains(Flags::IN_QUOTE));
                }
            }
            let quoted = d.quoted_tokens(&view);
            prop_assert!(quoted as usize <= view.buf.tokens.len());
            let mut tones: Vec<SentenceTone> = Vec::new();
            let mut ts = ToneScratch::default();
            score_sentences(&view, &mut ts, &mut tones);
            prop_assert_eq!(tones.len(), view.buf.sentences.len());
            for t in &tones {
                prop_assert!(t.micro.abs() <= 1_000_000);
                prop_assert!(t.toned || t.micro == 0);
            }
        }
    }
}
