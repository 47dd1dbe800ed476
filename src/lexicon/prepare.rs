//! One lexicon file's checked rows with every pattern element in its compared form (stems
//! stemmed): everything about a file that does not depend on the other files. `build.rs`
//! includes this module (with `load` and `pattern`) to bake the bundled lexicons into this
//! form at build time, so it depends on nothing but those, `error` and a stem function.

use super::load::RawEntry;
use super::pattern::{ElemKind, PatternElem, parse};
use crate::error::{Error, Result};
use rustc_hash::FxHashMap;

/// A prepared file: origin (its path, `bundled:en/loaded.csv` for a bundled one), name (the
/// dimension), SHA-256 of its text, and its rows with their compared elements.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PreparedFile {
    pub(crate) origin: String,
    pub(crate) name: String,
    pub(crate) sha256: String,
    pub(crate) rows: Vec<(RawEntry, Vec<(ElemKind, String)>)>,
}

impl PreparedFile {
    /// Checks `raw` (every pattern parses, no two patterns collide) and stems its plain
    /// elements with `stem` (the stemmer the tokens use).
    pub(crate) fn from_rows(
        stem: &dyn Fn(&str) -> String,
        origin: &str,
        name: &str,
        sha256: String,
        raw: Vec<RawEntry>,
    ) -> Result<PreparedFile> {
        let mut seen: FxHashMap<String, u64> = FxHashMap::default();
        let mut rows = Vec::with_capacity(raw.len());
        for row in raw {
            let elems = parse(&row.pattern)
                .map_err(|m| Error::lexicon(origin, row.line, row.pattern_column, m))?;
            let key = canonical(&elems);
            if let Some(prev) = seen.insert(key, row.line) {
                return Err(Error::lexicon(
                    origin,
                    row.line,
                    row.pattern_column,
                    format!("pattern '{}' duplicates line {prev}", row.pattern),
                ));
            }
            let elems = elems
                .into_iter()
                .map(|e| match e.kind {
                    ElemKind::Stem => (e.kind, stem(&e.text)),
                    _ => (e.kind, e.text),
                })
                .collect();
            rows.push((row, elems));
        }
        Ok(PreparedFile { origin: origin.to_string(), name: name.to_string(), sha256, rows })
    }
}

/// A key under which two spellings of the same pattern collide (`So-called` and `so called`).
pub(crate) fn canonical(elems: &[PatternElem]) -> String {
    let mut s = String::new();
    for e in elems {
        s.push(match e.kind {
            ElemKind::Stem => ' ',
            ElemKind::Exact => '=',
            ElemKind::Prefix => '*',
        });
        s.push_str(&e.text);
    }
    s
}
