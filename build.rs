//! Embeds every bundled lexicon (`lexicons/<lang>/*.csv`) into the binary, so an installed
//! `framelens` needs no data files, and bakes each one into its prepared form (rows checked,
//! pattern elements parsed and stemmed, SHA-256 of the text) with the crate's own reading code
//! (`lexicon::load`, `lexicon::pattern`, `lexicon::prepare`, included below), so start-up
//! parses and stems nothing (`lexicon::bundled` turns the baked rows back into a prepared file;
//! its test proves the two equal). The lists are generated so a new file needs no code change.
#![allow(dead_code, unused_imports)]

#[path = "src/csv_quotes.rs"]
mod csv_quotes;
#[path = "src/error.rs"]
mod error;
#[path = "src/language/mod.rs"]
mod language;
#[path = "src/lexicon/load.rs"]
mod load;
#[path = "src/segment/normalize.rs"]
mod normalize;
#[path = "src/lexicon/pattern.rs"]
mod pattern;
#[path = "src/lexicon/prepare.rs"]
mod prepare;
mod segment {
    pub use super::normalize::normalize_into;
}

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Source files whose code runs here: a change to any of them re-runs the bake.
const CODE: &[&str] = &[
    "src/csv_quotes.rs",
    "src/error.rs",
    "src/language/mod.rs",
    "src/language/english.rs",
    "src/lexicon/load.rs",
    "src/lexicon/pattern.rs",
    "src/lexicon/prepare.rs",
    "src/segment/normalize.rs",
];

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for f in CODE {
        println!("cargo:rerun-if-changed={}", manifest.join(f).display());
    }
    let files = bundled_files(&manifest.join("lexicons"));
    let mut out =
        String::from("/// (language, dimension, CSV text) of every bundled lexicon file.\n");
    out.push_str("pub(crate) static BUNDLED: &[(&str, &str, &str)] = &[\n");
    for (lang, name, path) in &files {
        writeln!(out, "    ({lang:?}, {name:?}, include_str!({:?})),", path.display().to_string())
            .unwrap();
    }
    out.push_str("];\n\n/// Every bundled file, prepared at build time (see `build.rs`).\n");
    out.push_str("pub(crate) static BAKED: &[BakedFile] = &[\n");
    for (lang, name, path) in &files {
        bake(&mut out, lang, name, path);
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_lexicons.rs");
    std::fs::write(dest, out).unwrap();
}

/// `(language, name, path)` of every `lexicons/<lang>/*.csv`, sorted.
fn bundled_files(root: &Path) -> Vec<(String, String, PathBuf)> {
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    for lang in std::fs::read_dir(root).into_iter().flatten().flatten() {
        let lang_path = lang.path();
        if !lang_path.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", lang_path.display());
        for f in std::fs::read_dir(&lang_path).into_iter().flatten().flatten() {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "csv") {
                println!("cargo:rerun-if-changed={}", p.display());
                let lang = lang.file_name().to_string_lossy().into_owned();
                let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                files.push((lang, name, p));
            }
        }
    }
    files.sort();
    files
}

/// Appends one `BakedFile` literal: the file read, checked and stemmed by the crate's code.
fn bake(out: &mut String, lang: &str, name: &str, path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let origin = format!("bundled:{lang}/{name}.csv");
    let fail = |e: error::Error| -> ! { panic!("bundled lexicon {origin}: {e}") };
    let language = language::Language::from_code(lang).unwrap_or_else(|e| fail(e));
    let stemmer = rust_stemmers::Stemmer::create(language.algorithm());
    let raw = load::parse_file(&origin, &text).unwrap_or_else(|e| fail(e));
    let sha256: String =
        Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let stem = |w: &str| stemmer.stem(w).into_owned();
    let file = prepare::PreparedFile::from_rows(&stem, &origin, name, sha256, raw)
        .unwrap_or_else(|e| fail(e));
    writeln!(
        out,
        "    BakedFile {{ lang: {lang:?}, name: {name:?}, sha256: {:?}, rows: &[",
        file.sha256
    )
    .unwrap();
    for (r, elems) in &file.rows {
        let elems: Vec<String> =
            elems.iter().map(|(k, t)| format!("(ElemKind::{k:?}, {t:?})")).collect();
        writeln!(
            out,
            "        BakedRow {{ pattern: {:?}, category: {:?}, polarity: {:?}, intensity: {:?}, \
             lemma: {:?}, note: {:?}, source: {:?}, counts: Counts::{:?}, line: {}, \
             pattern_column: {}, valence: {:?}, elems: &[{}] }},",
            r.pattern,
            r.category,
            r.polarity,
            r.intensity,
            r.lemma,
            r.note,
            r.source,
            r.counts,
            r.line,
            r.pattern_column,
            r.valence,
            elems.join(", ")
        )
        .unwrap();
    }
    out.push_str("    ] },\n");
}
