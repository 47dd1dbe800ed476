//! What the lints share: the [`Finding`] type and the [`KINDS`] in their order, read-only
//! views of the lexicon (`Ctx`) and the findings collected by entry (`Findings`).

use crate::lexicon::pattern::parse;
use crate::lexicon::{Elem, EntryId, Lexicon};

/// One lint finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// `origin:line`.
    pub location: String,
    /// Short machine-readable kind, one of [`KINDS`].
    pub kind: &'static str,
    /// What to look at.
    pub message: String,
}

/// Every finding kind with a one-line description, in the order findings on one line are
/// listed.
pub const KINDS: &[(&str, &str)] = &[
    (
        "never-matches",
        "a phrase needs characters between its words that matching does not allow (`9/11`, `u.s. troops`)",
    ),
    (
        "shadowed",
        "another entry of the same file matches everything this one matches and wins every tie, so it is never counted",
    ),
    (
        "stem-collision",
        "a single-word entry shares its stem with a different word of another category or polarity in the same file",
    ),
    (
        "function-word",
        "a word stems like a common English function word (`willful` → `will`), so it matches that word",
    ),
    ("short-stem", "a stem of one or two letters, shared by unrelated words (`added` → `ad`)"),
    ("short-prefix", "a prefix (`word*`) of fewer than 4 letters"),
    ("verb-family", "an attribution lemma lists fewer than 4 single-word forms"),
    ("no-source", "a row without provenance in `source`"),
];

/// Read-only views of a lexicon that the lints share: element texts, stems of exact forms,
/// and the written words of each entry.
pub(super) struct Ctx<'a> {
    pub(super) lex: &'a Lexicon,
    /// The stem id of each exact form, when that stem is in the vocabulary.
    pub(super) exact_stem: Vec<Option<u32>>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(lex: &'a Lexicon) -> Ctx<'a> {
        let stem_of = |x| lex.vocab.stems.get(&*lex.stemmer.stem(lex.elem_text(Elem::Exact(x))));
        let exact_stem = (0..lex.vocab.exacts.len() as u32).map(|x| stem_of(x).copied()).collect();
        Ctx { lex, exact_stem }
    }

    /// The stem, exact form or prefix (without `*`) an element compiled to.
    pub(super) fn text(&self, el: Elem) -> &'a str {
        self.lex.elem_text(el)
    }

    /// The words of an entry as written (normalised), one per element.
    pub(super) fn words(&self, id: EntryId) -> Vec<String> {
        parse(&self.lex.entry(id).pattern)
            .map(|v| v.into_iter().map(|e| e.text).collect())
            .unwrap_or_default()
    }

    /// Entry ids of every file, in file order.
    pub(super) fn files(&self) -> impl Iterator<Item = impl Iterator<Item = EntryId> + Clone> + '_ {
        self.lex.files().iter().map(|f| f.entry_ids())
    }
}

/// Findings collected by entry, sorted at the end.
#[derive(Default)]
pub(super) struct Findings {
    /// (entry, rank of the kind in [`KINDS`], kind, message).
    items: Vec<(EntryId, usize, &'static str, String)>,
}

impl Findings {
    /// Records a finding of `kind` (one of [`KINDS`]) on entry `id`.
    pub(super) fn push(&mut self, id: EntryId, kind: &'static str, message: String) {
        let rank = KINDS.iter().position(|(k, _)| *k == kind).expect("kind listed in KINDS");
        self.items.push((id, rank, kind, message));
    }

    pub(super) fn finish(mut self, cx: &Ctx) -> Vec<Finding> {
        self.items.sort_by_key(|&(id, rank, _, _)| (id, rank));
        self.items
            .into_iter()
            .map(|(id, _, kind, message)| Finding { location: location(cx.lex, id), kind, message })
            .collect()
    }
}

/// `origin:line` of an entry.
fn location(lex: &Lexicon, id: EntryId) -> String {
    let e = lex.entry(id);
    format!("{}:{}", lex.file(e.file).origin, e.line)
}
