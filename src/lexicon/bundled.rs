//! The lexicons compiled into the binary (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/bundled_lexicons.rs"));

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
