//! The lexicons compiled into the binary (see `build.rs`): each file's CSV text, and the same
//! file baked at build time into its prepared form (rows checked, elements stemmed, SHA-256),
//! so loading the bundled lexicons parses and stems nothing at run time.

use super::load::{Counts, RawEntry};
use super::pattern::ElemKind;
use super::prepare::PreparedFile;

include!(concat!(env!("OUT_DIR"), "/bundled_lexicons.rs"));

/// One bundled file as `build.rs` prepared it.
pub(crate) struct BakedFile {
    lang: &'static str,
    name: &'static str,
    sha256: &'static str,
    rows: &'static [BakedRow],
}

/// One prepared row: the fields of a [`RawEntry`] and its compared elements.
pub(crate) struct BakedRow {
    pattern: &'static str,
    category: &'static str,
    polarity: Option<i8>,
    intensity: Option<u8>,
    lemma: Option<&'static str>,
    note: &'static str,
    source: &'static str,
    counts: Counts,
    line: u64,
    pattern_column: u64,
    valence: Option<i16>,
    elems: &'static [(ElemKind, &'static str)],
}

/// `(dimension, CSV text)` of the bundled files for a language code, in name order.
pub fn bundled_files(code: &str) -> Vec<(&'static str, &'static str)> {
    BUNDLED.iter().filter(|(l, _, _)| *l == code).map(|&(_, n, t)| (n, t)).collect()
}

/// Language codes that have bundled lexicons.
pub fn bundled_languages() -> Vec<&'static str> {
    let mut langs: Vec<&str> = BUNDLED.iter().map(|(l, _, _)| *l).collect();
    langs.dedup();
    langs
}

/// The bundled files of a language code, prepared, in name order (the order of
/// [`bundled_files`]).
pub(crate) fn baked_files(code: &str) -> Vec<PreparedFile> {
    BAKED.iter().filter(|f| f.lang == code).map(BakedFile::prepared).collect()
}

impl BakedFile {
    fn prepared(&self) -> PreparedFile {
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let raw = RawEntry {
                    pattern: r.pattern.to_string(),
                    category: r.category.to_string(),
                    polarity: r.polarity,
                    intensity: r.intensity,
                    lemma: r.lemma.map(str::to_string),
                    note: r.note.to_string(),
                    source: r.source.to_string(),
                    counts: r.counts,
                    line: r.line,
                    pattern_column: r.pattern_column,
                    valence: r.valence,
                };
                (raw, r.elems.iter().map(|&(k, t)| (k, t.to_string())).collect())
            })
            .collect();
        PreparedFile {
            origin: format!("bundled:{}/{}.csv", self.lang, self.name),
            name: self.name.to_string(),
            sha256: self.sha256.to_string(),
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::stem::Stemmer;

    /// The golden test of the bake: every bundled file, read from its CSV text at run time,
    /// prepares to exactly what `build.rs` baked.
    #[test]
    fn baked_files_equal_the_csv_texts_prepared_at_run_time() {
        for lang in bundled_languages() {
            let stemmer = Stemmer::new(Language::from_code(lang).unwrap());
            let baked = baked_files(lang);
            let files = bundled_files(lang);
            assert_eq!(baked.len(), files.len(), "{lang}");
            for ((name, text), baked) in files.into_iter().zip(baked) {
                let origin = format!("bundled:{lang}/{name}.csv");
                let read = super::super::compile::prepare_text(&stemmer, &origin, name, text);
                assert!(read.as_ref().is_ok_and(|r| *r == baked), "{origin} differs from its bake");
            }
        }
    }
}
