//! The ids of a compiled lexicon's entries, categories and files.

/// Index of an entry in `Lexicon::entries`.
pub type EntryId = u32;
/// Index of a category in `Lexicon::categories`.
pub type CategoryId = u32;
/// Index of a file in `Lexicon::files`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub(crate) u32);

impl FileId {
    /// The position in `Lexicon::files`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}
