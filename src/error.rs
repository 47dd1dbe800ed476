//! The library's one error type. Loading (lexicons, corpora, output folders) can fail;
//! tokenizing, matching and counting cannot. Every variant names where the problem is.

use std::path::PathBuf;

/// Result alias used across the crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong while loading inputs or writing outputs.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A lexicon cell, row or file is invalid. `line` and `column` are 1-based.
    #[error("{file}:{line}:{column}: {message}")]
    Lexicon {
        /// The lexicon file as given (bundled files are named `bundled:en/loaded.csv`).
        file: String,
        /// 1-based line of the record.
        line: u64,
        /// 1-based column (field index) of the bad cell; 0 when the whole row is at fault.
        column: u64,
        /// What is wrong.
        message: String,
    },
    /// An input container (folder, CSV, JSONL) could not be read at all.
    #[error("{path}: {message}")]
    Input {
        /// The input path (`-` for standard input).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An I/O failure with the path it concerned.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path read or written.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An option has a value that cannot work.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// An input error at `path:line` (line 1-based; 0 when unknown).
    pub fn input_at(path: &std::path::Path, line: u64, message: impl Into<String>) -> Self {
        Error::Input { path: format!("{}:{line}", path.display()), message: message.into() }
    }

    /// A lexicon error at `file:line:column`.
    pub fn lexicon(file: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Error::Lexicon { file: file.to_string(), line, column, message: message.into() }
    }
}
