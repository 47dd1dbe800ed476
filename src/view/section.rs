//! The types of a section view: which section, and the [`SectionView`] every detector reads.

use super::chars::CharIndex;
use super::clauses::Units;
use super::cue::Cue;
use super::marks::Marks;
use crate::corpus::Document;
use crate::lexicon::Roles;
use crate::matcher::Hit;
use crate::quotes::Quote;
use crate::segment::{Span, TokenBuffer};

/// Which part of a document a match is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The headline.
    Title,
    /// The body text.
    Body,
}

impl Section {
    /// This section's text in `doc` (empty for a missing title).
    pub fn text(self, doc: &Document) -> &str {
        match self {
            Section::Title => doc.title.as_deref().unwrap_or(""),
            Section::Body => &doc.text,
        }
    }

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

impl Sections {
    /// The sections named in `names` (`title`, `body`; at least one), or what is wrong with
    /// them, for the command line and the Python package alike.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Sections, String> {
        let mut s = Sections { title: false, body: false };
        for name in names {
            match name {
                "title" => s.title = true,
                "body" => s.body = true,
                other => return Err(format!("unknown section '{other}' (title, body)")),
            }
        }
        if !s.title && !s.body {
            return Err("name at least one of title, body".into());
        }
        Ok(s)
    }
}

/// One segmented, matched section and the facts derived from it, read-only.
#[derive(Clone, Copy)]
pub struct SectionView<'a> {
    pub(crate) section: Section,
    pub(crate) text: &'a str,
    pub(crate) buf: &'a TokenBuffer,
    /// Lexicon hits of every file, in token order.
    pub(crate) hits: &'a [Hit],
    /// What each entry does (negator, booster, hedge, cue) and its valence.
    pub(crate) roles: &'a Roles,
    /// Quotations, in order of their opening marks.
    pub(crate) quotes: &'a [Quote],
    /// Per token: the innermost quotation containing it, or `u32::MAX`.
    pub(crate) tok_quote: &'a [u32],
    pub(crate) units: &'a Units,
    pub(crate) marks: &'a Marks,
    /// The reporting cues attribution starts from, in token order (see [`super::cues`]).
    pub(crate) cues: &'a [Cue],
    pub(super) chars: &'a CharIndex,
}

impl SectionView<'_> {
    /// Code-point offsets of the byte offsets `bytes` (char boundaries of the text).
    pub(crate) fn chars(&self, bytes: Span) -> Span {
        let c = |b| self.chars.offset(self.text, b);
        Span { start: c(bytes.start), end: c(bytes.end) }
    }

    /// Byte span from the start of token `first` to the end of token `end - 1`.
    pub(crate) fn tokens_span(&self, first: usize, end: usize) -> Span {
        let t = &self.buf.tokens;
        Span { start: t[first].span.start, end: t[end - 1].span.end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_from_names() {
        assert_eq!(Sections::from_names(["body"]), Ok(Sections { title: false, body: true }));
        assert_eq!(Sections::from_names(["title", "body"]), Ok(Sections::default()));
        assert!(Sections::from_names(["lede"]).unwrap_err().contains("unknown section 'lede'"));
        assert!(Sections::from_names([]).unwrap_err().contains("at least one"));
    }
}
