//! What the readers hand on: a [`Document`] or an [`InputFailure`] as a [`Record`], and the
//! one rule that turns a record's field values into a document ([`assemble`]).

use super::fields::{Field, FieldMap};
use std::path::Path;

/// One news article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Unique id (from the input, or made from its location).
    pub id: String,
    /// The outlet that published it.
    pub outlet: String,
    /// The event it covers, if given.
    pub event: Option<String>,
    /// The headline, analysed as its own section.
    pub title: Option<String>,
    /// Publication date as given.
    pub date: Option<String>,
    /// URL as given.
    pub url: Option<String>,
    /// The body text.
    pub text: String,
    /// Where it came from: `input` and `record N` / `line N` / a file path.
    pub origin: String,
    /// Whether invalid bytes were replaced (`--lossy`).
    pub repaired: bool,
    /// The values of the extra input columns ([`InputOptions::extra`](super::InputOptions)),
    /// in that order; empty where the record has none.
    pub extra: Vec<String>,
}

impl Document {
    /// Marks the document repaired when its input was UTF-16 with replacements made while
    /// streaming (`any_replaced`) and its text or title shows a replacement character.
    pub(super) fn flag_streamed_repairs(&mut self, any_replaced: bool) {
        self.repaired |= any_replaced
            && (self.text.contains('\u{FFFD}')
                || self.title.as_ref().is_some_and(|t| t.contains('\u{FFFD}')));
    }
}

/// A record that could not become a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFailure {
    /// The input it came from.
    pub input: String,
    /// Where in the input: `line 4`, `record 7`, a file path.
    pub location: String,
    /// The document id if it was known.
    pub doc_id: Option<String>,
    /// Why it failed.
    pub reason: String,
}

/// One item of an input stream.
#[derive(Clone, Debug)]
pub enum Record {
    /// A readable document.
    Doc(Box<Document>),
    /// A failed record.
    Failed(InputFailure),
}

impl Record {
    /// A failed record whose document id is not known.
    pub(super) fn failure(input: &str, location: String, reason: String) -> Record {
        Record::Failed(InputFailure { input: input.to_string(), location, doc_id: None, reason })
    }
}

/// The display name of an input path.
pub(super) fn input_name(path: &Path) -> String {
    if path.as_os_str() == "-" { "<stdin>".into() } else { path.display().to_string() }
}

/// The outlet of documents whose record names none.
pub const UNKNOWN_OUTLET: &str = "(unknown)";

/// Builds a document from field values, or says why the record is not one.
pub(super) fn assemble(
    input: &str,
    location: String,
    default_id: String,
    fields: &FieldMap,
    mut get: impl FnMut(Field) -> Option<String>,
) -> Record {
    let id = get(Field::Id).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let fail = |reason: String, id: Option<String>| {
        Record::Failed(InputFailure {
            input: input.to_string(),
            location: location.clone(),
            doc_id: id,
            reason,
        })
    };
    // A record without an outlet is still analysed (annotated corpora often lack one); it
    // counts under a visible placeholder rather than being lost.
    let outlet = match get(Field::Outlet).map(|s| s.trim().to_string()) {
        Some(o) if !o.is_empty() => o,
        _ => UNKNOWN_OUTLET.to_string(),
    };
    let Some(text) = get(Field::Text) else {
        return fail(format!("no '{}' value", fields.name(Field::Text)), id);
    };
    let opt = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let title = opt(get(Field::Title));
    if text.trim().is_empty() && title.is_none() {
        return fail("empty document (no text and no title)".into(), id);
    }
    Record::Doc(Box::new(Document {
        id: id.unwrap_or(default_id),
        outlet,
        event: opt(get(Field::Event)),
        title,
        date: opt(get(Field::Date)),
        url: opt(get(Field::Url)),
        text,
        origin: format!("{input}: {location}"),
        repaired: false,
        extra: Vec::new(),
    }))
}

/// What a reader learns while handing checked field values to [`assemble`]: the first value
/// that could not be used, and whether any value was repaired (`--lossy`).
#[derive(Default)]
pub(super) struct Checked {
    /// Why the first unusable value could not be used.
    pub(super) error: Option<String>,
    /// Whether a value had invalid bytes or NUL characters replaced.
    pub(super) repaired: bool,
}

impl Checked {
    /// The value of a `(text, repaired)` check, or `None` after remembering the first error.
    pub(super) fn keep(&mut self, value: Result<(String, bool), String>) -> Option<String> {
        match value {
            Ok((text, fixed)) => {
                self.repaired |= fixed;
                Some(text)
            }
            Err(e) => {
                self.error.get_or_insert(e);
                None
            }
        }
    }
}
