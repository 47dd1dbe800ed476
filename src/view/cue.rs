//! A reporting cue as the view holds it: its tokens, its lexicon entry, and how it relates
//! to its source.

use crate::lexicon::EntryId;

/// How a cue relates to its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// A verb with its subject as source (`Holt said`, `said Holt`).
    Verb,
    /// A present participle (`saying`, `alleging`): the source is the noun it follows or the
    /// subject of its clause.
    Participle,
    /// `citing` / `quoting`: the source is the informant it names, when it names one,
    /// else the subject.
    Citing,
    /// A cue ending in a preposition (`according to`, `claims by`): the source follows.
    Object,
    /// A cue opening with a preposition (`in a statement`): the source is the subject.
    Adjunct,
    /// A speaker's colon (`Sanders: …`): the cue's tokens are the speaker's name, the cue
    /// itself is the colon after them.
    Colon,
}

/// One cue: tokens `first..end` matched `entry` (none for a speaker colon).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) entry: Option<EntryId>,
    pub(crate) form: Form,
    /// Found by the cue model, not by the rules of `view::cues::lexical`.
    pub(crate) learned: bool,
}
