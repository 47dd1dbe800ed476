//! What `report.html` gathers from the documents of an `analyze` run as they reach the
//! reporter, in input order (so the page is the same for any thread count): which verbs
//! introduce which sources per outlet, the first occurrences of each lexicon entry with
//! their context, and candidate articles for the event view (the first article of each
//! outlet for each of the first events seen, texts cut at [`TEXT_CAP`] bytes).

use crate::analysis::DocAnalysis;
use crate::corpus::Document;
use crate::lexicon::Lexicon;
use crate::view::Section;
use std::collections::BTreeMap;

/// Occurrences kept per lexicon entry.
pub(crate) const OCCURRENCES: usize = 3;
/// Characters of context on each side of an occurrence.
const CONTEXT: usize = 50;
/// Events considered for the event view (the first seen).
const CANDIDATE_EVENTS: usize = 64;
/// Articles kept per candidate event (the first of each outlet).
const OUTLETS_PER_EVENT: usize = 6;
/// Bytes of an article's text (and title) embedded in the event view.
pub(crate) const TEXT_CAP: usize = 16_000;

/// One occurrence of an entry in context.
#[derive(Clone, Debug)]
pub(crate) struct Occurrence {
    pub(crate) doc_id: String,
    pub(crate) outlet: String,
    pub(crate) left: String,
    pub(crate) hit: String,
    pub(crate) right: String,
}

/// An article kept for the event view.
#[derive(Clone, Debug)]
pub(crate) struct KeptDoc {
    pub(crate) doc: Document,
    pub(crate) analysis: DocAnalysis,
    /// Whether the title or text was cut at [`TEXT_CAP`].
    pub(crate) cut: bool,
}

/// A candidate event: its articles, at most one per outlet.
#[derive(Clone, Debug, Default)]
pub(crate) struct Candidate {
    pub(crate) name: String,
    pub(crate) docs: Vec<KeptDoc>,
}

/// Per (cue lemma, class name): attributions.
pub(crate) type Verbs = BTreeMap<(Box<str>, Box<str>), u64>;

/// Per source and outlet, per (cue lemma, class name): attributions.
pub(crate) type SourceVerbs = BTreeMap<Box<str>, BTreeMap<Box<str>, Verbs>>;

/// The gathered values.
#[derive(Debug, Default)]
pub(crate) struct Gathered {
    pub(crate) verbs: SourceVerbs,
    /// Per entry id.
    pub(crate) occurrences: Vec<Vec<Occurrence>>,
    /// In the order first seen.
    pub(crate) candidates: Vec<Candidate>,
    /// Whether to keep texts (occurrences, event view).
    pub(crate) texts: bool,
    pub(crate) failed: u64,
}

/// `text` cut to at most `cap` bytes at a character boundary.
pub(crate) fn cut(text: &str, cap: usize) -> &str {
    let mut end = cap.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Up to `n` characters of `s` before byte `at` and from byte `to`.
fn context(s: &str, at: usize, to: usize, n: usize) -> (String, String) {
    let left: Vec<char> = s[..at].chars().rev().take(n).collect();
    let left: String = left.into_iter().rev().collect();
    (one_line(&left), one_line(&s[to..].chars().take(n).collect::<String>()))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Gathered {
    /// Nothing yet; `texts`: keep occurrences and event-view candidates.
    pub(crate) fn new(lex: &Lexicon, texts: bool) -> Gathered {
        let occurrences = if texts { vec![Vec::new(); lex.entries().len()] } else { Vec::new() };
        Gathered { occurrences, texts, ..Gathered::default() }
    }

    /// Adds one analysed document.
    pub(crate) fn add(&mut self, lex: &Lexicon, doc: &Document, a: &DocAnalysis) {
        for at in &a.attributions {
            let source = at.source_resolved.as_deref().unwrap_or("");
            let by_outlet = match self.verbs.get_mut(source) {
                Some(m) => m,
                None => self.verbs.entry(source.into()).or_default(),
            };
            let verbs = match by_outlet.get_mut(doc.outlet.as_str()) {
                Some(m) => m,
                None => by_outlet.entry(doc.outlet.as_str().into()).or_default(),
            };
            let key = (at.kind.lemma(lex).into(), at.kind.class_name(lex).into());
            *verbs.entry(key).or_default() += 1;
        }
        if self.texts {
            self.add_occurrences(doc, a);
            self.add_candidate(doc, a);
        }
    }

    fn add_occurrences(&mut self, doc: &Document, a: &DocAnalysis) {
        for m in &a.matches {
            let kept = &mut self.occurrences[m.entry.index()];
            if kept.len() >= OCCURRENCES {
                continue;
            }
            let text = match m.section {
                Section::Title => doc.title.as_deref().unwrap_or(""),
                Section::Body => &doc.text,
            };
            let Some(hit) = text.get(m.bytes.range()) else { continue };
            let (left, right) =
                context(text, m.bytes.start as usize, m.bytes.end as usize, CONTEXT);
            kept.push(Occurrence {
                doc_id: doc.id.clone(),
                outlet: doc.outlet.clone(),
                left,
                hit: one_line(hit),
                right,
            });
        }
    }

    fn add_candidate(&mut self, doc: &Document, a: &DocAnalysis) {
        let name = doc.event.as_deref().unwrap_or("");
        let i = match self.candidates.iter().position(|c| c.name == name) {
            Some(i) => i,
            None if self.candidates.len() < CANDIDATE_EVENTS => {
                self.candidates.push(Candidate { name: name.into(), docs: Vec::new() });
                self.candidates.len() - 1
            }
            None => return,
        };
        let c = &mut self.candidates[i];
        if c.docs.len() >= OUTLETS_PER_EVENT || c.docs.iter().any(|d| d.doc.outlet == doc.outlet) {
            return;
        }
        let mut kept = doc.clone();
        let text = cut(&doc.text, TEXT_CAP);
        let title = doc.title.as_deref().map(|t| cut(t, TEXT_CAP));
        let was_cut = text.len() < doc.text.len()
            || title.map(str::len) != doc.title.as_ref().map(String::len);
        kept.text = text.to_string();
        kept.title = title.map(String::from);
        c.docs.push(KeptDoc { doc: kept, analysis: a.clone(), cut: was_cut });
    }
}
