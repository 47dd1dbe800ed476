//! Lexicons: CSV files of patterns with categories, compiled once into an immutable,
//! thread-shareable [`Lexicon`] that the matcher reads. One file is one dimension
//! (`loaded`, `attribution`, `hedges`, ...); its rows are entries. What an entry does
//! (content with its tone valence, attribution cue with its stance class, hedge, booster,
//! negator, label with its referent) is its [`Role`], compiled once from its category path
//! alone, never from the file's name (the rule is in `role`).

mod bundled;
pub mod check;
mod compile;
mod compiled;
mod ids;
pub mod import;
mod load;
pub mod pattern;
mod prepare;
mod role;

pub use bundled::{bundled_files, bundled_languages};
pub use compile::LexiconBuilder;
pub use compiled::{Category, Elem, Entry, Lexicon, LexiconFile};
pub use ids::{CategoryId, EntryId, FileId};
pub use load::{COLUMNS, Counts, MAX_CATEGORY_LEVELS, RawEntry, parse_file};
pub use pattern::ElemKind;
pub use role::{CueClass, Role, Roles, label_referent};
