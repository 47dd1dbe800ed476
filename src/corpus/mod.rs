//! Corpus input: documents from a folder (`OUTLET/DOC.txt`), a CSV file, or JSONL (a file or
//! standard input), streamed as [`Record`]s in a fixed order. A record that cannot become a
//! document becomes an [`InputFailure`] with its location and reason; nothing is dropped.

mod decode;
mod fields;
mod folder;
mod jsonl;
mod record;
mod seen;
mod table;

pub use fields::{FieldMap, InputOptions};
pub use folder::Skipped;
pub use record::{Document, InputFailure, Record, UNKNOWN_OUTLET};
pub(crate) use seen::SeenIds;

use crate::error::{Error, Result};
use decode::Digest;
use folder::FolderReader;
use jsonl::JsonlReader;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use table::TableReader;

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

/// An opened input: its records, and a digest of its bytes once they are all read.
pub struct Input {
    /// The path as given.
    pub path: PathBuf,
    /// The kind.
    pub kind: InputKind,
    records: Reader,
    digest: Arc<Mutex<Digest>>,
    skipped: Skipped,
}

/// The reader of each kind of input.
enum Reader {
    Folder(FolderReader),
    Table(Box<TableReader>),
    Jsonl(Box<JsonlReader>),
}

impl Input {
    /// Opens `path` (`-` is JSONL on standard input). Fails only when the input as a whole
    /// cannot be read (missing, or a CSV without the required columns).
    pub fn open(path: &Path, opts: &InputOptions) -> Result<Input> {
        let kind = InputKind::detect(path)?;
        let digest = Arc::new(Mutex::new(Digest::new()));
        let mut skipped = Skipped::default();
        let records = match kind {
            InputKind::Folder => {
                let (reader, s) = FolderReader::open(path, opts.lossy, digest.clone())?;
                skipped = s;
                Reader::Folder(reader)
            }
            InputKind::Csv => {
                Reader::Table(Box::new(TableReader::open(path, opts, digest.clone())?))
            }
            InputKind::Jsonl => {
                Reader::Jsonl(Box::new(JsonlReader::open(path, opts, digest.clone())?))
            }
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
        match &mut self.records {
            Reader::Folder(r) => r.next(),
            Reader::Table(r) => r.next(),
            Reader::Jsonl(r) => r.next(),
        }
    }
}
