//! Analysing one document: build each section's view (title, body: tokens, hits, quotations,
//! clauses, marks, reporting cues; `view`), find the framing devices around each hit
//! (`devices`), the attributions (`attribution`) and the tone (`tone`) over it, and count, by
//! voice. Produces a [`DocAnalysis`] of integers and offsets; infallible and free of I/O, so
//! the drivers in `pipeline` can run it on any thread.

use crate::attribution::{Attribution, AttributionScratch, detect_section};
use crate::corpus::Document;
use crate::cuemodel::CueModel;
use crate::devices::{DeviceScratch, Flags, ShortQuote};
use crate::lexicon::{EntryId, Lexicon};
use crate::segment::Span;
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
    cue_model: Option<Arc<CueModel>>,
}

impl Analyzer {
    /// An analyzer for `lexicon`, analysing `sections`.
    pub fn new(lexicon: Arc<Lexicon>, sections: Sections) -> Analyzer {
        Analyzer { lexicon, sections, cue_model: None }
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
        self.count_hits(view, w, out);
        detect_section(&self.lexicon, view, &mut w.attribution, &mut out.attributions);
        score_sentences(view, &mut w.tone, &mut w.sentence_tones);
        for t in &w.sentence_tones {
            out.tone_micro += i64::from(t.micro);
            out.toned_sentences += u32::from(t.toned);
        }
    }

    /// Adds every hit of the section, with its flags, to the matches and counts.
    fn count_hits(&self, view: &SectionView, w: &mut Work, out: &mut DocAnalysis) {
        let lex = &*self.lexicon;
        let toks = &view.buf.tokens;
        w.covered.clear();
        w.covered.resize(toks.len(), false);
        for h in view.hits {
            let bytes = view.tokens_span(h.first as usize, h.end as usize);
            let flags = w.devices.flags(view, h);
            out.matches.push(Match {
                entry: h.entry,
                section: view.section,
                sentence: toks[h.first as usize].sentence,
                bytes,
                chars: view.chars(bytes),
                flags,
            });
            w.covered[h.first as usize..h.end as usize].iter_mut().for_each(|c| *c = true);
            w.entry_ids.push(h.entry);
            let quoted = flags.contains(Flags::IN_QUOTE);
            if quoted {
                w.entry_ids_quoted.push(h.entry);
            }
            for c in lex.lineage(lex.entry(h.entry).category) {
                out.category_counts[c.index()] += 1;
                out.category_counts_quoted[c.index()] += u32::from(quoted);
            }
        }
        out.matched_tokens += w.covered.iter().filter(|&&c| c).count() as u32;
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
        // loaded (top) = 3: two regimes + massacre; hedge = 1.
        let lex = a.lexicon();
        let loaded = lex.categories().iter().position(|c| &*c.path == "loaded").unwrap();
        assert_eq!(r.category_counts[loaded], 3);
        assert_eq!(r.matched_tokens, 4);
        assert_eq!(r.entry_counts, vec![(EntryId(0), 2), (EntryId(1), 1), (EntryId(2), 1)]);
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
