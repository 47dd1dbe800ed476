//! Analysing one document: segment each section (title, body), match it against the lexicon,
//! find the framing devices around each hit (`devices`), score tone (`tone`), and count, by
//! voice. Produces a [`DocAnalysis`] of integers and offsets; infallible and free of I/O, so
//! the drivers in `pipeline` can run it on any thread.

use crate::attribution::{Attribution, AttributionScratch, detect_section};
use crate::corpus::Document;
use crate::devices::{DeviceScratch, Flags, ShortQuote, voice};
use crate::lexicon::{EntryId, Lexicon};
use crate::matcher::{Hit, MatchScratch, find_hits};
use crate::segment::{Span, TokenBuffer, tokenize};
use crate::tone::{SentenceTone, ToneScratch, score_sentences};
use std::sync::Arc;

/// Which part of a document a match is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The headline.
    Title,
    /// The body text.
    Body,
}

impl Section {
    /// This section's text in `doc` (empty for a missing title).
    pub fn text(self, doc: &Document) -> &str {
        match self {
            Section::Title => doc.title.as_deref().unwrap_or(""),
            Section::Body => &doc.text,
        }
    }

    /// `title` or `body`.
    pub fn name(self) -> &'static str {
        match self {
            Section::Title => "title",
            Section::Body => "body",
        }
    }
}

/// Which sections are analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    /// Analyse the title.
    pub title: bool,
    /// Analyse the body.
    pub body: bool,
}

impl Default for Sections {
    fn default() -> Sections {
        Sections { title: true, body: true }
    }
}

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
    tokens: TokenBuffer,
    matcher: MatchScratch,
    hits: Vec<Hit>,
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
    /// Whether the lexicon has attribution cues (else attribution is not run).
    attribution: bool,
}

impl Analyzer {
    /// An analyzer for `lexicon`, analysing `sections`.
    pub fn new(lexicon: Arc<Lexicon>, sections: Sections) -> Analyzer {
        let attribution = lexicon.roles().has_attribution_cues();
        Analyzer { lexicon, sections, attribution }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Analyses one document.
    ///
    /// # Panics
    ///
    /// May panic if the title and text together exceed
    /// [`crate::pipeline::MAX_DOCUMENT_BYTES`] (offsets are 32-bit); the
    /// pipeline turns such documents into failures instead of analysing them.
    pub fn analyze(&self, doc: &Document, scratch: &mut Scratch) -> DocAnalysis {
        let lex = &*self.lexicon;
        let mut out = DocAnalysis {
            category_counts: vec![0; lex.categories().len()],
            category_counts_quoted: vec![0; lex.categories().len()],
            ..DocAnalysis::default()
        };
        scratch.entry_ids.clear();
        scratch.entry_ids_quoted.clear();
        scratch.attribution.start_document();
        let title = doc.title.as_deref().filter(|_| self.sections.title);
        let body = Some(doc.text.as_str()).filter(|_| self.sections.body);
        for (section, text) in [(Section::Title, title), (Section::Body, body)] {
            if let Some(text) = text {
                self.analyze_section(section, text, scratch, &mut out);
            }
        }
        count_runs(&mut scratch.entry_ids, &mut out.entry_counts);
        count_runs(&mut scratch.entry_ids_quoted, &mut out.entry_counts_quoted);
        out
    }

    fn analyze_section(
        &self,
        section: Section,
        text: &str,
        s: &mut Scratch,
        out: &mut DocAnalysis,
    ) {
        let lex = &*self.lexicon;
        tokenize(text, &mut s.tokens);
        s.hits.clear();
        find_hits(lex, text, &s.tokens, &mut s.matcher, &mut s.hits);
        let toks = &s.tokens.tokens;
        out.tokens += toks.len() as u32;
        out.sentences += s.tokens.sentences.len() as u32;
        s.covered.clear();
        s.covered.resize(toks.len(), false);
        let roles = lex.roles();
        let short_start = out.short_quotes.len();
        s.short.clear();
        s.devices.prepare(text, &s.tokens, &s.hits, roles, &mut s.short);
        out.short_quotes.extend(s.short.iter().map(|&q| (section, q)));
        let d = &s.devices;
        out.quoted_tokens += voice::quoted_tokens(&d.tok_quote, &d.quotes, &d.quote_kind);
        let mut chars = CharCursor::new(text);
        for (_, q) in &mut out.short_quotes[short_start..] {
            q.chars = Span {
                start: chars.char_offset(q.bytes.start as usize),
                end: chars.char_offset(q.bytes.end as usize),
            };
        }
        for h in &s.hits {
            let (first, last) = (&toks[h.first as usize], &toks[h.end as usize - 1]);
            let bytes = Span { start: first.span.start, end: last.span.end };
            let start = chars.char_offset(bytes.start as usize);
            let end = chars.char_offset(bytes.end as usize);
            let flags = s.devices.flags(h, roles);
            out.matches.push(Match {
                entry: h.entry,
                section,
                sentence: first.sentence,
                bytes,
                chars: Span { start, end },
                flags,
            });
            s.covered[h.first as usize..h.end as usize].iter_mut().for_each(|c| *c = true);
            s.entry_ids.push(h.entry);
            let quoted = flags.contains(Flags::IN_QUOTE);
            if quoted {
                s.entry_ids_quoted.push(h.entry);
            }
            for c in lex.lineage(lex.entry(h.entry).category) {
                out.category_counts[c as usize] += 1;
                out.category_counts_quoted[c as usize] += u32::from(quoted);
            }
        }
        out.matched_tokens += s.covered.iter().filter(|&&c| c).count() as u32;
        if self.attribution {
            detect_section(
                lex,
                section,
                text,
                &s.tokens,
                &s.hits,
                &mut s.attribution,
                &mut out.attributions,
            );
        }
        self.score_tone(text, s, out);
    }
}

impl Analyzer {
    /// Adds the tone of every sentence of the section just prepared.
    fn score_tone(&self, text: &str, s: &mut Scratch, out: &mut DocAnalysis) {
        let d = &s.devices;
        score_sentences(
            text,
            &s.tokens,
            &s.hits,
            self.lexicon.roles(),
            &d.units,
            &d.marks,
            &mut s.tone,
            &mut s.sentence_tones,
        );
        for t in &s.sentence_tones {
            out.tone_micro += i64::from(t.micro);
            out.toned_sentences += u32::from(t.toned);
        }
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

/// Converts byte offsets to code-point offsets, fast for increasing offsets.
struct CharCursor<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: u32,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> CharCursor<'a> {
        CharCursor { text, ascii: text.is_ascii(), byte: 0, chars: 0 }
    }

    fn char_offset(&mut self, byte: usize) -> u32 {
        if self.ascii {
            return byte as u32;
        }
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count() as u32;
        self.byte = byte;
        self.chars
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
        assert_eq!(r.entry_counts, vec![(0, 2), (1, 1), (2, 1)]);
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
