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
    out.push_str("];\n");
    let mut blob = Vec::new();
    for (lang, name, path) in &files {
        bake(&mut blob, lang, name, path);
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("bundled_lexicons.bin"), blob).unwrap();
    std::fs::write(out_dir.join("bundled_lexicons.rs"), out).unwrap();
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

/// Appends one file to the blob: the file read, checked and stemmed by the crate's code, in
/// the layout `lexicon::bundled::Blob` reads (strings as u32 length + UTF-8, integers as i64,
/// options as a 0/1 byte and the value, all little-endian).
fn bake(out: &mut Vec<u8>, lang: &str, name: &str, path: &Path) {
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
    let put_str = |out: &mut Vec<u8>, s: &str| {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    };
    let put_int = |out: &mut Vec<u8>, v: i64| out.extend_from_slice(&v.to_le_bytes());
    let put_opt = |out: &mut Vec<u8>, v: Option<i64>| {
        out.push(v.is_some() as u8);
        put_int(out, v.unwrap_or(0));
    };
    put_str(out, lang);
    put_str(out, name);
    put_str(out, &file.sha256);
    put_int(out, file.rows.len() as i64);
    for (r, elems) in &file.rows {
        put_str(out, &r.pattern);
        put_str(out, &r.category);
        put_opt(out, r.polarity.map(i64::from));
        put_opt(out, r.intensity.map(i64::from));
        out.push(r.lemma.is_some() as u8);
        put_str(out, r.lemma.as_deref().unwrap_or(""));
        put_str(out, &r.note);
        put_str(out, &r.source);
        out.push(match r.counts {
            load::Counts::Once => 0,
            load::Counts::Also => 1,
            load::Counts::Never => 2,
        });
        put_int(out, r.line as i64);
        put_int(out, r.pattern_column as i64);
        put_opt(out, r.valence.map(i64::from));
        put_int(out, elems.len() as i64);
        for (kind, text) in elems {
            out.push(match kind {
                pattern::ElemKind::Stem => 0,
                pattern::ElemKind::Exact => 1,
                pattern::ElemKind::Prefix => 2,
            });
            put_str(out, text);
        }
    }
}
