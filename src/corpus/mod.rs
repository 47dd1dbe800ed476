//! Corpus input: documents from a folder (`OUTLET/DOC.txt`), a CSV file, or JSONL (a file or
//! standard input), streamed as [`Record`]s in a fixed order. A record that cannot become a
//! document becomes an [`InputFailure`] with its location and reason; nothing is dropped.

mod decode;
mod fields;
mod folder;
mod jsonl;
mod seen;
mod table;

pub use decode::{Decoded, decode, reject_nul};
pub use fields::{FIELDS, Field, FieldMap};
pub use folder::Skipped;
pub(crate) use seen::SeenIds;

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

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

/// The kinds of input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// `OUTLET/DOC.txt` files below a folder.
    Folder,
    /// A CSV file with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl InputKind {
    /// Guesses the kind from a path: folders, `.csv`/`.tsv`, `.jsonl`/`.ndjson`/`.json`, `-`.
    pub fn detect(path: &Path) -> Result<InputKind> {
        if path.as_os_str() == "-" {
            return Ok(InputKind::Jsonl);
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Ok(InputKind::Folder);
        }
        let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("csv" | "tsv") => Ok(InputKind::Csv),
            Some("jsonl" | "ndjson" | "json") => Ok(InputKind::Jsonl),
            _ => Err(Error::Input {
                path: path.display().to_string(),
                message: "unknown input kind: give a folder, a .csv/.tsv file, a .jsonl file or -"
                    .into(),
            }),
        }
    }
}

/// How inputs are read.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// Column or key names for the document fields.
    pub fields: FieldMap,
    /// Replace invalid UTF-8 instead of failing the document.
    pub lossy: bool,
}

/// An opened input: its records, and a digest of its bytes once they are all read.
pub struct Input {
    /// The path as given.
    pub path: PathBuf,
    /// The kind.
    pub kind: InputKind,
    records: Box<dyn Iterator<Item = Record> + Send>,
    digest: std::sync::Arc<std::sync::Mutex<decode::Digest>>,
    skipped: Skipped,
}

impl Input {
    /// Opens `path` (`-` is JSONL on standard input). Fails only when the input as a whole
    /// cannot be read (missing, or a CSV without the required columns).
    pub fn open(path: &Path, opts: &InputOptions) -> Result<Input> {
        let kind = InputKind::detect(path)?;
        let digest = std::sync::Arc::new(std::sync::Mutex::new(decode::Digest::new()));
        let mut skipped = Skipped::default();
        let records: Box<dyn Iterator<Item = Record> + Send> = match kind {
            InputKind::Folder => {
                let (records, s) = folder::read(path, opts, digest.clone())?;
                skipped = s;
                Box::new(records)
            }
            InputKind::Csv => Box::new(table::read(path, opts, digest.clone())?),
            InputKind::Jsonl => Box::new(jsonl::read(path, opts, digest.clone())?),
        };
        Ok(Input { path: path.to_path_buf(), kind, records, digest, skipped })
    }

    /// Entries of a folder input that are not documents (all zero for CSV and JSONL).
    pub fn skipped(&self) -> Skipped {
        self.skipped
    }

    /// SHA-256 of everything read so far (of all files, in order, for a folder).
    pub fn sha256(&self) -> String {
        self.digest.lock().map(|d| d.hex()).unwrap_or_default()
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.digest.lock().map(|d| d.bytes).unwrap_or_default()
    }
}

impl Iterator for Input {
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        self.records.next()
    }
}

/// The display name of an input path.
pub(crate) fn input_name(path: &Path) -> String {
    if path.as_os_str() == "-" { "<stdin>".into() } else { path.display().to_string() }
}

/// The outlet of documents whose record names none.
pub const UNKNOWN_OUTLET: &str = "(unknown)";

/// Builds a document from field values, or says why the record is not one.
pub(crate) fn assemble(
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
    }))
}
