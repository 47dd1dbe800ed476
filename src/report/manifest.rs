//! `manifest.json`: what was run on what. Everything except `run` (the command line and
//! thread count) is identical for identical inputs and options.

use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::pipeline::RunCounts;
use serde::Serialize;
use std::path::Path;

/// One input as read.
#[derive(Clone, Debug, Serialize)]
pub struct InputInfo {
    /// The path as given.
    pub path: String,
    /// `folder`, `csv` or `jsonl`.
    pub kind: String,
    /// SHA-256 of the bytes read (for a folder: of each file's relative path and bytes, in order).
    pub sha256: String,
    /// Bytes read.
    pub bytes: u64,
    /// Entries of a folder input that are not documents (hidden, not `*.txt`).
    pub skipped: crate::corpus::Skipped,
}

/// Details of this particular run that may differ between equivalent runs.
#[derive(Clone, Debug, Serialize)]
pub struct RunInfo {
    /// The command line.
    pub command: Vec<String>,
    /// Worker threads.
    pub threads: usize,
}

#[derive(Serialize)]
struct LexiconInfo<'a> {
    name: &'a str,
    origin: &'a str,
    sha256: &'a str,
    entries: u32,
}

/// The manifest.
#[derive(Clone, Debug, Serialize)]
pub struct Manifest {
    /// framelens version.
    pub framelens_version: String,
    /// The run's command line and threads.
    pub run: RunInfo,
    /// Options that shape the results.
    pub options: serde_json::Value,
    /// Inputs in the order read.
    pub inputs: Vec<InputInfo>,
    /// Lexicon files.
    pub lexicons: serde_json::Value,
    /// Documents read = analysed + failed.
    pub counts: RunCounts,
    /// Files written.
    pub outputs: Vec<String>,
}

impl Manifest {
    /// The lexicon part of a manifest.
    pub fn lexicon_info(lex: &Lexicon) -> serde_json::Value {
        let v: Vec<LexiconInfo> = lex
            .files()
            .iter()
            .map(|f| LexiconInfo {
                name: &f.name,
                origin: &f.origin,
                sha256: &f.sha256,
                entries: f.entries.end.0 - f.entries.start.0,
            })
            .collect();
        serde_json::to_value(v).unwrap_or_default()
    }

    pub(crate) fn write(&self, path: &Path) -> Result<()> {
        write_json(path, self)
    }
}

/// Writes `value` as pretty JSON with a final newline (`framelens compare`'s manifest).
pub fn write_json(path: &Path, value: &impl Serialize) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Error::io(path, e.into()))?;
    text.push('\n');
    std::fs::write(path, text).map_err(|e| Error::io(path, e))
}
