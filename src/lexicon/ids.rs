//! The ids of a compiled lexicon's entries, categories and files.

/// Index of an entry in `Lexicon::entries`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub(crate) u32);
/// Index of a category in `Lexicon::categories`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CategoryId(pub(crate) u32);
/// Index of a file in `Lexicon::files`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub(crate) u32);

impl EntryId {
    /// The position in `Lexicon::entries`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl CategoryId {
    /// The position in `Lexicon::categories`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl FileId {
    /// The position in `Lexicon::files`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}
