//! Boilerplate: lines an outlet repeats verbatim in several documents (photo captions such as
//! "Photos: Israel-Gaza crisis", promos, bylines, newsletter footers). A line is a run of text
//! between line breaks, compared after trimming, collapsing white space and lowercasing; it is
//! boilerplate for an outlet when it occurs in at least [`MIN_DOCUMENTS`] of the outlet's
//! documents (title or body), or at least [`MIN_REPEATS`] times in one of them (a live blog's
//! photo caption, a transcript's speaker line). Hits on such lines are flagged `boilerplate` and
//! left out of the counts (see `analysis`).
//!
//! Finding them needs the whole corpus, so it is a first, cheap pass over the records before
//! the analysis ([`Builder`]): every line is hashed (64-bit FxHash of the normalised text) and
//! counted once per document; only the hashes stay in memory ([`Counts`]: 8 bytes per slot, a
//! 62-bit key of outlet and line with a saturating 2-bit count, at most 3/4 full), plus the
//! text and exact count of the lines that reach the threshold, for `boilerplate.csv`. The pass
//! is serial and in input order, and the set it yields is read-only during the analysis, so
//! the flags are the same for any thread count.

use crate::corpus::Document;
use crate::segment::Span;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::cmp::Ordering;
use std::hash::Hasher;

/// Documents of one outlet a line must occur in to be boilerplate.
pub const MIN_DOCUMENTS: u32 = 3;
/// Times a line must occur in one document to be boilerplate of its outlet.
pub const MIN_REPEATS: u32 = 3;
// `Counts` keeps counts up to 3 (two bits): the threshold must fit.
const _: () = assert!(MIN_DOCUMENTS >= 1 && MIN_DOCUMENTS <= 3);

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
    /// Documents each (outlet, line) occurs in, up to the threshold.
    counts: Counts,
    /// The keys of the current document's lines and how often each occurs in it (each line
    /// counts once per document towards [`MIN_DOCUMENTS`]).
    in_doc: FxHashMap<u64, u32>,
    /// Key → (outlet, line hash, text, documents), for lines that reached the threshold.
    texts: FxHashMap<u64, (u32, u64, Box<str>, u32)>,
    norm: String,
    hashes: Vec<LineHash>,
}

/// An open-addressing set of 62-bit keys, each slot holding its key's count (1..=3, saturating)
/// in the low two bits; 0 marks an empty slot. A fixed 8 bytes per slot keeps the first pass
/// small on large corpora (a hash map of (outlet, line) → counts took 24 bytes per line plus
/// its control bytes, and twice that while growing).
#[derive(Debug, Default)]
struct Counts {
    slots: Vec<u64>,
    len: usize,
}

impl Counts {
    /// Adds one to `key`'s count (saturating at 3) and returns the count before.
    fn bump(&mut self, key: u64) -> u64 {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let k = match key & !3 {
            0 => 4,
            k => k,
        };
        let i = self.probe(k);
        let before = self.slots[i] & 3;
        self.len += usize::from(before == 0);
        self.slots[i] = k | (before + 1).min(3);
        before
    }

    /// Raises `key`'s count (which must be present) to the saturated 3 and returns the count
    /// before.
    fn saturate(&mut self, key: u64) -> u64 {
        let i = self.probe(match key & !3 {
            0 => 4,
            k => k,
        });
        let before = self.slots[i] & 3;
        debug_assert!(before > 0, "saturate a key that was bumped");
        self.slots[i] |= 3;
        before
    }

    /// The slot holding `k`, or the empty slot where it goes (linear probing).
    fn probe(&self, k: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = Counts::home(k, mask);
        while self.slots[i] != 0 && self.slots[i] & !3 != k {
            i = (i + 1) & mask;
        }
        i
    }

    /// The first slot to probe for `k` (Fibonacci hashing: the product's high bits).
    fn home(k: u64, mask: usize) -> usize {
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
    }

    /// Doubles the table (1,024 slots at first) and reinserts every key with its count.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        for slot in old.into_iter().filter(|&s| s != 0) {
            let i = self.probe(slot & !3);
            self.slots[i] = slot;
        }
    }
}

/// One key for a line of an outlet.
fn key(outlet: u32, line: u64) -> u64 {
    line ^ (u64::from(outlet) + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93)
}

/// The lines of `text` with their byte spans, each trimmed; empty lines skipped.
fn lines(text: &str) -> impl Iterator<Item = (Span, &str)> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.filter_map(move |end| {
        let (at, raw) = (start, &text[start..end]);
        start = end + 1;
        let trimmed = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        (!trimmed.is_empty()).then(|| (Span::new(at + lead, at + lead + trimmed.len()), trimmed))
    })
}

/// The hash of a line's normalised form (`norm` is a reusable buffer): its words (as
/// `split_whitespace` finds them), lowercased (`char::to_lowercase`), one space apart; one
/// pass over the bytes, eight at a time where they are printable ASCII and single spaces
/// ([`chunk`]), decoding only non-ASCII characters.
fn hash(line: &str, norm: &mut String) -> u64 {
    norm.clear();
    let bytes = line.as_bytes();
    let mut space = false;
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        // A space first is one space between words unless it leads or follows white space.
        if let Some(ch) = bytes.get(i..i + 8).and_then(chunk)
            && !(ch.first_space && (space || norm.is_empty()))
        {
            if space {
                norm.push(' ');
            }
            // SAFETY: ASCII bytes keep `norm` UTF-8. Eight bytes, a fixed length, are one
            // store; a space last may start a run of white space: held back, as `space`.
            let v = unsafe { norm.as_mut_vec() };
            v.extend_from_slice(&ch.lower);
            v.truncate(v.len() - usize::from(ch.last_space));
            space = ch.last_space;
            i += 8;
            continue;
        }
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

/// Eight bytes of a line that [`hash`] can take at once: printable ASCII and spaces, no two
/// spaces adjacent.
struct Chunk {
    /// The bytes, lowercased.
    lower: [u8; 8],
    first_space: bool,
    last_space: bool,
}

/// `eight` as a [`Chunk`], if it is one; SWAR, as in "Bit Twiddling Hacks" (`hasless`, and
/// the exact form of `haszero`).
fn chunk(eight: &[u8]) -> Option<Chunk> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    const LOW: u64 = ONES * 0x7f;
    let w = u64::from_le_bytes(eight.try_into().ok()?);
    // High bits: of bytes from 0x80 (not ASCII), and (exactly when some byte is) below ' '.
    if (w & HIGH) | (w.wrapping_sub(ONES * 0x20) & !w & HIGH) != 0 {
        return None;
    }
    // The high bit of each space byte, and of no other.
    let x = w ^ (ONES * 0x20);
    let spaces = !(((x & LOW) + LOW) | x | LOW);
    if spaces & (spaces >> 8) != 0 {
        return None;
    }
    // Bytes are below 0x80 now, so these sums carry into no neighbour; a byte's high bit is
    // set in `from_a` when it is at least 'A', in `past_z` when it is above 'Z'.
    let from_a = w + ONES * (0x80 - u64::from(b'A'));
    let past_z = w + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & HIGH;
    Some(Chunk {
        lower: (w | (upper >> 2)).to_le_bytes(),
        first_space: spaces & 0x80 != 0,
        last_space: spaces >> 63 != 0,
    })
}

/// Documents hashed together by [`Builder::add_all`].
const BATCH: usize = 256;

/// One line of a document: the hash of its normalised form, whether it is in the title, and
/// its span there.
#[derive(Clone, Copy, Debug)]
struct LineHash {
    hash: u64,
    title: bool,
    span: Span,
}

/// The lines of `doc` (title, then body) with their hashes, into `out` (cleared first).
fn line_hashes(doc: &Document, norm: &mut String, out: &mut Vec<LineHash>) {
    out.clear();
    let title = doc.title.as_deref().unwrap_or("");
    for (text, is_title) in [(title, true), (doc.text.as_str(), false)] {
        out.extend(lines(text).map(|(span, line)| LineHash {
            hash: hash(line, norm),
            title: is_title,
            span,
        }));
    }
}

impl Builder {
    /// An empty first pass.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Counts the lines of one document (title and body), each once.
    pub fn add(&mut self, doc: &Document) {
        let mut hashes = std::mem::take(&mut self.hashes);
        line_hashes(doc, &mut self.norm, &mut hashes);
        self.add_hashed(doc, &hashes);
        self.hashes = hashes;
    }

    /// Counts every document of `docs` as [`Builder::add`] does, in order; with `parallel`,
    /// batches of documents have their lines hashed on the rayon pool while this thread
    /// counts the previous batch and reads the next (the counts stay serial and in input
    /// order, so the result is the same).
    pub fn add_all(&mut self, docs: impl Iterator<Item = Document>, parallel: bool) {
        if !parallel {
            docs.for_each(|d| self.add(&d));
            return;
        }
        let mut docs = docs.peekable();
        let read = |docs: &mut std::iter::Peekable<_>| -> Vec<Document> {
            let mut batch = Vec::with_capacity(BATCH);
            batch.extend(docs.by_ref().take(BATCH));
            batch
        };
        let mut ready: Option<(Vec<Document>, Vec<Vec<LineHash>>)> = None;
        let mut next = Some(read(&mut docs)).filter(|b| !b.is_empty());
        while let Some(batch) = next.take() {
            let mut hashed = None;
            rayon::in_place_scope(|s| {
                let slot = &mut hashed;
                s.spawn(move |_| {
                    let hashes = batch
                        .par_iter()
                        .map_init(String::new, |norm, d| {
                            let mut out = Vec::new();
                            line_hashes(d, norm, &mut out);
                            out
                        })
                        .collect();
                    *slot = Some((batch, hashes));
                });
                if let Some((docs, hashes)) = ready.take() {
                    docs.iter().zip(&hashes).for_each(|(d, h)| self.add_hashed(d, h));
                }
                next = Some(read(&mut docs)).filter(|b| !b.is_empty());
            });
            ready = hashed;
        }
        if let Some((docs, hashes)) = ready {
            docs.iter().zip(&hashes).for_each(|(d, h)| self.add_hashed(d, h));
        }
    }

    /// Counts one document's lines from their hashes (see [`line_hashes`]).
    fn add_hashed(&mut self, doc: &Document, hashes: &[LineHash]) {
        let n = self.outlets.len() as u32;
        let outlet = *self.outlets.entry(doc.outlet.as_str().into()).or_insert(n);
        self.in_doc.clear();
        for &LineHash { hash: h, title, span } in hashes {
            let k = key(outlet, h);
            let seen = self.in_doc.entry(k).or_insert(0);
            *seen += 1;
            let min = u64::from(MIN_DOCUMENTS);
            // The documents holding the line when it has just become boilerplate.
            let reached = match *seen {
                1 => match (self.counts.bump(k) + 1).cmp(&min) {
                    Ordering::Less => None,
                    Ordering::Equal => Some(MIN_DOCUMENTS),
                    Ordering::Greater => {
                        let line = self.texts.get_mut(&k).expect("a line past the threshold");
                        line.3 += 1;
                        None
                    }
                },
                // Repeated in this document: boilerplate unless it already was.
                MIN_REPEATS => Some(self.counts.saturate(k)).filter(|&d| d < min).map(|d| d as u32),
                _ => None,
            };
            if let Some(documents) = reached {
                let text = if title { doc.title.as_deref().unwrap_or("") } else { &doc.text };
                self.texts.insert(k, (outlet, h, text[span.range()].into(), documents));
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
        for (outlet, line, text, documents) in self.texts.into_values() {
            let outlet = &names[outlet as usize];
            bp.by_outlet.entry(outlet.clone()).or_default().insert(line);
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
    fn a_line_three_times_in_one_document_is_boilerplate_of_its_outlet() {
        let caption = "Photos: Israel-Gaza crisis";
        let mut b = Builder::new();
        b.add(&doc("A", &format!("{caption}\nOne.\n{caption}")));
        b.add(&doc("B", &format!("{caption}\nTwo.\n{caption}\nThree.\n{caption}\n{caption}")));
        b.add(&doc("B", &format!("Later.\n{caption}")));
        b.add(&doc("A", "Other."));
        let bp = b.finish();
        let lines: Vec<_> =
            bp.lines().iter().map(|l| (&*l.outlet, &*l.text, l.documents)).collect();
        // Twice in A's document is not enough; four times in B's first makes it B's, and B's
        // second document counts towards `documents`.
        assert_eq!(lines, vec![("B", caption, 2)]);
        let mut spans = Vec::new();
        bp.spans("A", caption, &mut String::new(), &mut spans);
        assert!(spans.is_empty());
        bp.spans("B", caption, &mut String::new(), &mut spans);
        assert_eq!(spans.len(), 1);
        // A line already in three documents stays as it was when a fourth repeats it.
        let mut b = Builder::new();
        for _ in 0..3 {
            b.add(&doc("C", caption));
        }
        b.add(&doc("C", &format!("{caption}\n{caption}\n{caption}")));
        assert_eq!(b.finish().lines()[0].documents, 4);
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

    proptest::proptest! {
        /// `lines` gives the pieces `split('\n')` gives, trimmed, non-empty, with their spans.
        #[test]
        fn lines_are_the_trimmed_pieces_between_line_feeds(text in "[a \n\r\t\u{a0}\u{e9}\u{2028}]{0,40}") {
            let mut want = Vec::new();
            let mut at = 0;
            for raw in text.split('\n') {
                let lead = raw.len() - raw.trim_start().len();
                if !raw.trim().is_empty() {
                    want.push((at + lead, raw.trim()));
                }
                at += raw.len() + 1;
            }
            let got: Vec<_> = lines(&text).map(|(s, l)| (s.start as usize, l)).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20))]
        /// Lines hashed in parallel batches give the lines of one document at a time.
        #[test]
        fn parallel_first_pass_equals_the_serial_one(
            docs in proptest::collection::vec(
                (0u8..3, proptest::collection::vec(0u8..12, 0..6), proptest::option::of(0u8..4)),
                0..700,
            ),
        ) {
            let docs: Vec<Document> = docs
                .iter()
                .map(|(o, lines, title)| {
                    let text: Vec<String> = lines.iter().map(|l| format!("Line {l}  x")).collect();
                    Document {
                        outlet: format!("o{o}"),
                        text: text.join("\n"),
                        title: title.map(|t| format!(" line {t} x ")),
                        ..Document::default()
                    }
                })
                .collect();
            let mut serial = Builder::new();
            serial.add_all(docs.iter().cloned(), false);
            let mut parallel = Builder::new();
            parallel.add_all(docs.iter().cloned(), true);
            let (serial, parallel) = (serial.finish(), parallel.finish());
            proptest::prop_assert_eq!(serial.lines(), parallel.lines());
            proptest::prop_assert_eq!(&serial.by_outlet, &parallel.by_outlet);
        }
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
        fn long_mostly_ascii_lines_hash_as_split_and_lowercased(line in "[ \\t]{0,2}([!-~@\\[`{A-Z]{1,9}[ \t\x1f\x7fÉ\u{a0}]{0,2}){0,12}") {
            prop_assert_eq!(hash(&line, &mut String::new()), reference(&line));
        }

        #[test]
        fn chunks_are_eight_printable_or_lone_spaces_lowercased(eight in proptest::array::uniform8(prop_oneof![1 => any::<u8>(), 15 => 0x1fu8..=0x80])) {
            let taken = eight.iter().all(|b| (b' '..=0x7f).contains(b))
                && !eight.windows(2).any(|p| p == b"  ");
            let got = chunk(&eight).map(|c| (c.lower, c.first_space, c.last_space));
            let expected = taken
                .then(|| (eight.map(|b| b.to_ascii_lowercase()), eight[0] == b' ', eight[7] == b' '));
            prop_assert_eq!(got, expected);
        }

        #[test]
        fn ascii_lines_hash_as_split_and_lowercased(line in "[ A-Za-z0-9:\t\r\n\x0b\x0c\x1c\x1f]{0,40}") {
            prop_assert_eq!(hash(&line, &mut String::new()), reference(&line));
        }
    }
}

#[cfg(test)]
mod counts {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// `Counts` gives, for every key, the count before each bump that a map of exact
        /// counts gives (saturating at 3), through several growths of the table.
        #[test]
        fn counts_equal_a_map_of_exact_counts(keys in proptest::collection::vec(0u64..3000, 0..4000)) {
            let mut counts = Counts::default();
            let mut exact: HashMap<u64, u64> = HashMap::new();
            for k in keys {
                // Spread the small keys over all 64 bits, as line hashes are, with low bits
                // that `Counts` ignores (it keeps 62 bits; key 0 becomes 4, still apart).
                let k = k.wrapping_mul(0x9E37_79B9_7F4A_7C15) | (k & 3);
                let e = exact.entry(k & !3).or_insert(0);
                prop_assert_eq!(counts.bump(k), (*e).min(3));
                *e += 1;
            }
            prop_assert_eq!(counts.len, exact.len());
        }
    }
}
