//! Analysing one document: segment each section (title, body), match it against the lexicon,
//! and count. Produces a [`DocAnalysis`] of integers and offsets; infallible and free of I/O,
//! so the drivers in `pipeline` can run it on any thread.

use crate::attribution::{Attribution, AttributionScratch, detect_section};
use crate::corpus::Document;
use crate::lexicon::{EntryId, FileId, Lexicon};
use crate::matcher::{Hit, MatchScratch, find_hits};
use crate::segment::{Span, TokenBuffer, tokenize};
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
    /// Every attribution (cue, source, content), in section then text order.
    pub attributions: Vec<Attribution>,
}

/// Per-thread reusable buffers.
#[derive(Default)]
pub struct Scratch {
    tokens: TokenBuffer,
    matcher: MatchScratch,
    hits: Vec<Hit>,
    covered: Vec<bool>,
    entry_ids: Vec<EntryId>,
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
    /// The lexicon file whose hits are attribution cues, if loaded.
    attribution: Option<FileId>,
}

impl Analyzer {
    /// An analyzer for `lexicon`, analysing `sections`.
    pub fn new(lexicon: Arc<Lexicon>, sections: Sections) -> Analyzer {
        let attribution = lexicon.file_named("attribution");
        Analyzer { lexicon, sections, attribution }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Analyses one document.
    pub fn analyze(&self, doc: &Document, scratch: &mut Scratch) -> DocAnalysis {
        let lex = &*self.lexicon;
        let mut out = DocAnalysis {
            category_counts: vec![0; lex.categories().len()],
            ..DocAnalysis::default()
        };
        scratch.entry_ids.clear();
        scratch.attribution.start_document();
        let title = doc.title.as_deref().filter(|_| self.sections.title);
        let body = Some(doc.text.as_str()).filter(|_| self.sections.body);
        for (section, text) in [(Section::Title, title), (Section::Body, body)] {
            if let Some(text) = text {
                self.analyze_section(section, text, scratch, &mut out);
            }
        }
        // Count hits per entry: sort the (few) ids and count runs.
        scratch.entry_ids.sort_unstable();
        for &id in &scratch.entry_ids {
            match out.entry_counts.last_mut() {
                Some((last, n)) if *last == id => *n += 1,
                _ => out.entry_counts.push((id, 1)),
            }
        }
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
        let mut chars = CharCursor::new(text);
        for h in &s.hits {
            let (first, last) = (&toks[h.first as usize], &toks[h.end as usize - 1]);
            let bytes = Span { start: first.span.start, end: last.span.end };
            let start = chars.char_offset(bytes.start as usize);
            let end = chars.char_offset(bytes.end as usize);
            out.matches.push(Match {
                entry: h.entry,
                section,
                sentence: first.sentence,
                bytes,
                chars: Span { start, end },
            });
            s.covered[h.first as usize..h.end as usize].iter_mut().for_each(|c| *c = true);
            s.entry_ids.push(h.entry);
            for c in lex.lineage(lex.entry(h.entry).category) {
                out.category_counts[c as usize] += 1;
            }
        }
        out.matched_tokens += s.covered.iter().filter(|&&c| c).count() as u32;
        if let Some(file) = self.attribution {
            detect_section(
                lex,
                file,
                section,
                text,
                &s.tokens,
                &s.hits,
                &mut s.attribution,
                &mut out.attributions,
            );
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
