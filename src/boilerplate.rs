//! Boilerplate: lines an outlet repeats verbatim in several documents (photo captions such as
//! "Photos: Israel-Gaza crisis", promos, bylines, newsletter footers). A line is a run of text
//! between line breaks, compared after trimming, collapsing white space and lowercasing; it is
//! boilerplate for an outlet when it occurs in at least [`MIN_DOCUMENTS`] of the outlet's
//! documents (title or body). Hits on such lines are flagged `boilerplate` and left out of the
//! counts (see `analysis`).
//!
//! Finding them needs the whole corpus, so it is a first, cheap pass over the records before
//! the analysis ([`Builder`]): every line is hashed (64-bit FxHash of the normalised text) and
//! counted once per document; only the hashes stay in memory (about 24 bytes per distinct
//! line), plus the text of the lines that reach the threshold, for `boilerplate.csv`. The pass
//! is serial and in input order, and the set it yields is read-only during the analysis, so
//! the flags are the same for any thread count.

use crate::corpus::Document;
use crate::segment::Span;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::Hasher;

/// Documents of one outlet a line must occur in to be boilerplate.
pub const MIN_DOCUMENTS: u32 = 3;

/// One boilerplate line of one outlet.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Line {
    /// The outlet.
    pub outlet: Box<str>,
    /// The line as first seen at the threshold, trimmed.
    pub text: Box<str>,
    /// Documents of the outlet the line occurs in.
    pub documents: u32,
}

/// The boilerplate lines of a corpus, per outlet.
#[derive(Clone, Debug, Default)]
pub struct Boilerplate {
    by_outlet: FxHashMap<Box<str>, FxHashSet<u64>>,
    lines: Vec<Line>,
}

/// The first pass: feed every document, in input order, then [`Builder::finish`].
#[derive(Debug, Default)]
pub struct Builder {
    outlets: FxHashMap<Box<str>, u32>,
    /// (outlet, line hash) → (documents, the last document counted).
    counts: FxHashMap<(u32, u64), (u32, u32)>,
    /// (outlet, line hash) → text, for lines that reached the threshold.
    texts: FxHashMap<(u32, u64), Box<str>>,
    docs: u32,
    norm: String,
}

/// The lines of `text` with their byte spans, each trimmed; empty lines skipped.
fn lines(text: &str) -> impl Iterator<Item = (Span, &str)> {
    let mut start = 0;
    text.split('\n').filter_map(move |raw| {
        let at = start;
        start += raw.len() + 1;
        let trimmed = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        (!trimmed.is_empty()).then(|| (Span::new(at + lead, at + lead + trimmed.len()), trimmed))
    })
}

/// The hash of a line's normalised form (`norm` is a reusable buffer): its words (as
/// `split_whitespace` finds them), lowercased (`char::to_lowercase`), one space apart; one
/// pass over the bytes, decoding only non-ASCII characters.
fn hash(line: &str, norm: &mut String) -> u64 {
    norm.clear();
    let mut space = false;
    let mut i = 0;
    while let Some(&c) = line.as_bytes().get(i) {
        let (white, len) = if c < 0x80 {
            (matches!(c, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let Some(ch) = line[i..].chars().next() else { break };
            (ch.is_whitespace(), ch.len_utf8())
        };
        if white {
            space = !norm.is_empty();
        } else {
            if space {
                norm.push(' ');
                space = false;
            }
            if c < 0x80 {
                // SAFETY: an ASCII byte keeps `norm` UTF-8.
                unsafe { norm.as_mut_vec() }.push(c.to_ascii_lowercase());
            } else {
                norm.extend(line[i..i + len].chars().flat_map(char::to_lowercase));
            }
        }
        i += len;
    }
    let mut h = FxHasher::default();
    h.write(norm.as_bytes());
    h.finish()
}

impl Builder {
    /// An empty first pass.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Counts the lines of one document (title and body), each once.
    pub fn add(&mut self, doc: &Document) {
        self.docs += 1;
        let n = self.outlets.len() as u32;
        let outlet = *self.outlets.entry(doc.outlet.as_str().into()).or_insert(n);
        let title = doc.title.as_deref().unwrap_or("");
        for (_, line) in lines(title).chain(lines(&doc.text)) {
            let key = (outlet, hash(line, &mut self.norm));
            let c = self.counts.entry(key).or_insert((0, 0));
            if c.1 == self.docs {
                continue;
            }
            *c = (c.0 + 1, self.docs);
            if c.0 == MIN_DOCUMENTS {
                self.texts.insert(key, line.into());
            }
        }
    }

    /// The boilerplate lines found.
    pub fn finish(self) -> Boilerplate {
        let mut names = vec![Box::<str>::default(); self.outlets.len()];
        for (name, id) in self.outlets {
            names[id as usize] = name;
        }
        let mut bp = Boilerplate::default();
        for (key, text) in self.texts {
            let outlet = &names[key.0 as usize];
            bp.by_outlet.entry(outlet.clone()).or_default().insert(key.1);
            let documents = self.counts[&key].0;
            bp.lines.push(Line { outlet: outlet.clone(), text, documents });
        }
        bp.lines.sort();
        bp
    }
}

impl Boilerplate {
    /// The boilerplate lines, sorted by outlet, then text.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// Appends to `out` the byte spans of the boilerplate lines of `outlet` in `text`.
    pub(crate) fn spans(&self, outlet: &str, text: &str, norm: &mut String, out: &mut Vec<Span>) {
        let Some(set) = self.by_outlet.get(outlet) else { return };
        out.extend(lines(text).filter(|(_, l)| set.contains(&hash(l, norm))).map(|(s, _)| s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(outlet: &str, text: &str) -> Document {
        Document { outlet: outlet.into(), text: text.into(), ..Document::default() }
    }

    #[test]
    fn lines_in_three_documents_of_an_outlet_are_boilerplate() {
        let mut b = Builder::new();
        b.add(&doc("A", "Photos: Gaza crisis\nFirst story.\nPhotos: Gaza crisis"));
        b.add(&doc("A", "  photos:   GAZA crisis \nSecond story."));
        b.add(&doc("B", "Photos: Gaza crisis\nThird story."));
        let two = b.finish();
        assert!(two.lines().is_empty(), "two documents of A, one of B: not yet");
        let mut b = Builder::new();
        for text in
            ["Photos: Gaza crisis\nOne.", "Two.\nphotos: gaza  crisis", "Photos: Gaza crisis"]
        {
            b.add(&doc("A", text));
        }
        b.add(&doc("B", "Photos: Gaza crisis"));
        let bp = b.finish();
        let lines: Vec<_> =
            bp.lines().iter().map(|l| (&*l.outlet, &*l.text, l.documents)).collect();
        assert_eq!(lines, vec![("A", "Photos: Gaza crisis", 3)]);
        let text = "Intro.\n  Photos: Gaza crisis\nOutro.";
        let mut spans = Vec::new();
        bp.spans("A", text, &mut String::new(), &mut spans);
        assert_eq!(
            spans.iter().map(|s| &text[s.range()]).collect::<Vec<_>>(),
            ["Photos: Gaza crisis"]
        );
        spans.clear();
        bp.spans("B", text, &mut String::new(), &mut spans);
        assert!(spans.is_empty(), "boilerplate is per outlet");
    }

    #[test]
    fn arbitrary_text_never_panics() {
        use proptest::prelude::*;
        proptest!(ProptestConfig::with_cases(300), |(texts in proptest::collection::vec("[a \n\r\t\u{e9}\u{2028}]{0,30}", 0..6))| {
            let mut b = Builder::new();
            for t in &texts {
                b.add(&doc("o", t));
            }
            let bp = b.finish();
            for t in &texts {
                let mut spans = Vec::new();
                bp.spans("o", t, &mut String::new(), &mut spans);
                for s in spans {
                    prop_assert!(t.get(s.range()).is_some());
                }
            }
        });
    }
}

#[cfg(test)]
mod ascii_fast_path {
    use super::*;
    use proptest::prelude::*;

    /// The normalised form as `hash` defined it before its ASCII fast path.
    fn reference(line: &str) -> u64 {
        let words: Vec<String> = line
            .split_whitespace()
            .map(|w| w.chars().flat_map(char::to_lowercase).collect())
            .collect();
        let mut h = FxHasher::default();
        h.write(words.join(" ").as_bytes());
        h.finish()
    }

    proptest! {
        #[test]
        fn hash_equals_the_char_by_char_lowercasing(line in "[ A-Za-z0-9:\\-ÉİßΣ’\u{a0}\u{85}\u{2003}\u{3000}\t\r\n\x0b\x0c\x1c\x1f]{0,40}") {
            prop_assert_eq!(hash(&line, &mut String::new()), reference(&line));
        }

        #[test]
        fn ascii_lines_hash_as_split_and_lowercased(line in "[ A-Za-z0-9:\t\r\n\x0b\x0c\x1c\x1f]{0,40}") {
            prop_assert_eq!(hash(&line, &mut String::new()), reference(&line));
        }
    }
}
