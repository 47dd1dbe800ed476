//! The lexicons compiled into the binary (see `build.rs`): each file's CSV text, and the same
//! file baked at build time into its prepared form (rows checked, elements stemmed, SHA-256),
//! so loading the bundled lexicons parses and stems nothing at run time.

use super::load::{Counts, RawEntry};
use super::pattern::ElemKind;
use super::prepare::PreparedFile;

include!(concat!(env!("OUT_DIR"), "/bundled_lexicons.rs"));

/// Every bundled file, prepared at build time by `build.rs` (its `bake` writes the layout
/// [`Blob`] reads): no pointers, so loading it costs no relocations and no parsing beyond
/// reading lengths.
static BAKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled_lexicons.bin"));

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
    let mut blob = Blob(BAKED);
    let mut files = Vec::new();
    while !blob.0.is_empty() {
        let lang = blob.str();
        let name = blob.str();
        let sha256 = blob.str().to_string();
        let rows = blob.int() as usize;
        let origin = format!("bundled:{lang}/{name}.csv");
        let file = PreparedFile { origin, name: name.to_string(), sha256, rows: Vec::new() };
        let mut file = if lang == code { Some(file) } else { None };
        for _ in 0..rows {
            let row = blob.row();
            if let Some(f) = &mut file {
                f.rows.push(row);
            }
        }
        files.extend(file);
    }
    files
}

/// A reading position in [`BAKED`]. The blob is the build's own output, so a malformed one is
/// a bug of `build.rs`: reading it panics rather than returning an error (the golden test
/// below reads all of it).
struct Blob(&'static [u8]);

impl Blob {
    fn take(&mut self, n: usize) -> &'static [u8] {
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        head
    }

    fn byte(&mut self) -> u8 {
        self.take(1)[0]
    }

    fn int(&mut self) -> i64 {
        i64::from_le_bytes(self.take(8).try_into().expect("8 bytes"))
    }

    fn opt(&mut self) -> Option<i64> {
        let some = self.byte() == 1;
        let v = self.int();
        some.then_some(v)
    }

    fn str(&mut self) -> &'static str {
        let n = u32::from_le_bytes(self.take(4).try_into().expect("4 bytes")) as usize;
        std::str::from_utf8(self.take(n)).expect("build.rs writes UTF-8")
    }

    fn row(&mut self) -> (RawEntry, Vec<(ElemKind, String)>) {
        let pattern = self.str().to_string();
        let category = self.str().to_string();
        let polarity = self.opt().map(|v| v as i8);
        let intensity = self.opt().map(|v| v as u8);
        let has_lemma = self.byte() == 1;
        let lemma = Some(self.str().to_string()).filter(|_| has_lemma);
        let note = self.str().to_string();
        let source = self.str().to_string();
        let counts = [Counts::Once, Counts::Also, Counts::Never][self.byte() as usize];
        let line = self.int() as u64;
        let pattern_column = self.int() as u64;
        let valence = self.opt().map(|v| v as i16);
        let raw = RawEntry {
            pattern,
            category,
            polarity,
            intensity,
            lemma,
            note,
            source,
            counts,
            line,
            pattern_column,
            valence,
        };
        let n = self.int() as usize;
        let elems = (0..n)
            .map(|_| {
                let kind =
                    [ElemKind::Stem, ElemKind::Exact, ElemKind::Prefix][self.byte() as usize];
                (kind, self.str().to_string())
            })
            .collect();
        (raw, elems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::stem::Stemmer;

    /// The golden test of the bake: every bundled file, read from its CSV text at run time,
    /// prepares to exactly what `build.rs` baked (which also reads the whole blob).
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
