//! Embeds every bundled lexicon (`lexicons/<lang>/*.csv`) into the binary, so an installed
//! `framelens` needs no data files. The list is generated so a new file needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    if let Ok(langs) = std::fs::read_dir(&root) {
        for lang in langs.flatten() {
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
    }
    files.sort();
    let mut out =
        String::from("/// (language, dimension, CSV text) of every bundled lexicon file.\n");
    out.push_str("pub(crate) static BUNDLED: &[(&str, &str, &str)] = &[\n");
    for (lang, name, path) in &files {
        writeln!(out, "    ({lang:?}, {name:?}, include_str!({:?})),", path.display().to_string())
            .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_lexicons.rs");
    std::fs::write(dest, out).unwrap();
}
