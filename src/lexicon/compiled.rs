//! The compiled lexicon: entries, categories, files, the interned vocabulary and the
//! matcher's start index, with the accessors everything downstream reads. Immutable once
//! built (`compile` builds it).

use super::ids::{CategoryId, EntryId, FileId};
use super::role::{self, CueClass, Role, Roles};
use crate::language::Language;
use crate::stem::Stemmer;
use rustc_hash::FxHashMap;

/// A compiled pattern element: an interned stem, exact form or prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Elem {
    /// Matches tokens whose stem has this id.
    Stem(u32),
    /// Matches tokens whose normalised form has this id.
    Exact(u32),
    /// Matches tokens whose normalised form starts with the prefix of this id.
    Prefix(u32),
}

impl Elem {
    /// Which vocabulary the element's id is in (0 stems, 1 exact forms, 2 prefixes), and the id.
    #[inline]
    pub(crate) fn slot(self) -> (usize, u32) {
        match self {
            Elem::Stem(id) => (0, id),
            Elem::Exact(id) => (1, id),
            Elem::Prefix(id) => (2, id),
        }
    }
}

/// One lexicon row, compiled.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The pattern as written in the file.
    pub pattern: Box<str>,
    /// The pattern without matching syntax (`=said` → `said`, `so-called`), as reported.
    pub term: Box<str>,
    /// Its elements, one per token matched.
    pub elems: Box<[Elem]>,
    /// The file it came from.
    pub file: FileId,
    /// Its (leaf) category.
    pub category: CategoryId,
    /// −2..=2.
    pub polarity: Option<i8>,
    /// 1..=3.
    pub intensity: Option<u8>,
    /// Canonical form (verb lemma, label name), if the file gives one.
    pub lemma: Option<Box<str>>,
    /// Free-text note.
    pub note: Box<str>,
    /// Provenance.
    pub source: Box<str>,
    /// How its hits count where they meet another dimension.
    pub counts: super::load::Counts,
    /// 1-based line in the file.
    pub line: u32,
}

impl Entry {
    /// The lemma if given, else the term.
    pub fn term_lemma(&self) -> &str {
        self.lemma.as_deref().unwrap_or(&self.term)
    }
}

/// One category path. Every ancestor of a category used by an entry is a category too.
#[derive(Clone, Debug)]
pub struct Category {
    /// The full path (`loaded/violence`).
    pub path: Box<str>,
    /// The parent (`loaded` for `loaded/violence`).
    pub parent: Option<CategoryId>,
    /// The top-level ancestor (itself at the top).
    pub top: CategoryId,
}

/// One lexicon file.
#[derive(Clone, Debug)]
pub struct LexiconFile {
    /// Dimension name: the file stem (`loaded`).
    pub name: String,
    /// Where it was read from: a path, or `bundled:en/loaded.csv`.
    pub origin: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// Its entries.
    pub entries: std::ops::Range<EntryId>,
}

impl LexiconFile {
    /// The ids of its entries, in order.
    pub fn entry_ids(&self) -> impl Iterator<Item = EntryId> + Clone {
        (self.entries.start.0..self.entries.end.0).map(EntryId)
    }
}

/// Interned vocabulary: the stems, exact forms and prefixes the entries use.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    pub(crate) stems: FxHashMap<Box<str>, u32>,
    pub(crate) exacts: FxHashMap<Box<str>, u32>,
    pub(crate) prefixes: FxHashMap<Box<str>, u32>,
    /// Distinct prefix lengths in bytes, ascending.
    pub(crate) prefix_lens: Vec<usize>,
}

/// A candidate entry as the matcher sees it: compact, so scanning a list stays in cache.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub(crate) entry: EntryId,
    pub(crate) file: FileId,
    /// Number of elements (tokens).
    pub(crate) len: u32,
    /// The second element, checked before the entry is looked at.
    pub(crate) second: Option<Elem>,
}

/// Entries by their first element, in dense arrays per [`Elem::slot`] vocabulary, by id.
#[derive(Debug, Default)]
pub(crate) struct Starts(pub(crate) [Vec<Box<[Candidate]>>; 3]);

impl Starts {
    /// Entries whose first element is `elem`, sorted by (file, length descending, id).
    #[inline]
    pub(crate) fn get(&self, elem: Elem) -> &[Candidate] {
        let (vocab, id) = elem.slot();
        self.0[vocab].get(id as usize).map_or(&[], |l| l)
    }
}

/// A compiled set of lexicon files. Built once, immutable, `Send + Sync`.
#[derive(Debug)]
pub struct Lexicon {
    pub(crate) stemmer: Stemmer,
    pub(crate) files: Vec<LexiconFile>,
    pub(crate) categories: Vec<Category>,
    pub(crate) entries: Vec<Entry>,
    /// The compiled role of every entry (see [`role`]).
    pub(crate) roles: Roles,
    pub(crate) vocab: Vocab,
    /// Entries by first element, each list sorted by (file, length descending, id).
    pub(crate) starts: Starts,
    /// Top-level categories in order of first appearance.
    pub(crate) tops: Vec<CategoryId>,
    /// Texts of stems, exact forms and prefixes by id, built on first use by `elem_text`.
    pub(crate) elem_texts: std::sync::OnceLock<[Vec<Box<str>>; 3]>,
}

impl Lexicon {
    /// The language the entries were stemmed for.
    pub fn language(&self) -> Language {
        self.stemmer.language()
    }

    /// The stemmer tokens must be stemmed with.
    pub fn stemmer(&self) -> &Stemmer {
        &self.stemmer
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// One entry.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id.index()]
    }

    /// The compiled roles of the entries.
    pub fn roles(&self) -> &Roles {
        &self.roles
    }

    /// The role of one entry.
    pub fn role(&self, id: EntryId) -> Role {
        self.roles.role(id)
    }

    /// The stance class of one entry, if it is an attribution cue of one of the six classes.
    pub fn cue_class(&self, id: EntryId) -> Option<CueClass> {
        match self.roles.role(id) {
            Role::AttributionCue { class } => class,
            _ => None,
        }
    }

    /// A cue class as written: the last level of category `id` (`doubting` for
    /// `attribution/doubting`), whether or not it is one of the six of [`CueClass`].
    pub fn class_name(&self, id: CategoryId) -> &str {
        role::leaf(&self.categories[id.index()].path)
    }

    /// All categories (every level).
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// One category.
    pub fn category(&self, id: CategoryId) -> &Category {
        &self.categories[id.index()]
    }

    /// Top-level categories in order of first appearance.
    pub fn top_categories(&self) -> &[CategoryId] {
        &self.tops
    }

    /// The files.
    pub fn files(&self) -> &[LexiconFile] {
        &self.files
    }

    /// One file.
    pub fn file(&self, id: FileId) -> &LexiconFile {
        &self.files[id.index()]
    }

    /// The file whose name is `name` (`attribution`), if loaded.
    pub fn file_named(&self, name: &str) -> Option<FileId> {
        self.files.iter().position(|f| f.name == name).map(|i| FileId(i as u32))
    }

    /// `id` and its ancestors, leaf first.
    pub fn lineage(&self, id: CategoryId) -> impl Iterator<Item = CategoryId> + '_ {
        std::iter::successors(Some(id), |&c| self.categories[c.index()].parent)
    }

    /// The text a pattern element compiled to (stem, exact form or prefix), for `lexicon
    /// stems` and the lint.
    pub fn elem_text(&self, elem: Elem) -> &str {
        fn by_id(map: &FxHashMap<Box<str>, u32>) -> Vec<Box<str>> {
            let mut v = vec![Box::<str>::default(); map.len()];
            for (text, &id) in map {
                v[id as usize] = text.clone();
            }
            v
        }
        let texts = self.elem_texts.get_or_init(|| {
            [by_id(&self.vocab.stems), by_id(&self.vocab.exacts), by_id(&self.vocab.prefixes)]
        });
        let (vocab, id) = elem.slot();
        texts[vocab].get(id as usize).map_or("", |t| t)
    }
}
