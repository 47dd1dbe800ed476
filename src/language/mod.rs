//! Languages framelens can stem, and the mapping from `--lang` codes to Snowball algorithms;
//! the closed-class word lists of English, which the rules are written for, are in [`english`].

pub(crate) mod english;

use crate::error::{Error, Result};
use rust_stemmers::Algorithm;

/// A language with a Snowball stemmer (ISO 639-1 code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    code: &'static str,
    algorithm: Algorithm,
}

const LANGUAGES: &[(&str, Algorithm)] = &[
    ("ar", Algorithm::Arabic),
    ("da", Algorithm::Danish),
    ("de", Algorithm::German),
    ("el", Algorithm::Greek),
    ("en", Algorithm::English),
    ("es", Algorithm::Spanish),
    ("fi", Algorithm::Finnish),
    ("fr", Algorithm::French),
    ("hu", Algorithm::Hungarian),
    ("it", Algorithm::Italian),
    ("nl", Algorithm::Dutch),
    ("no", Algorithm::Norwegian),
    ("pt", Algorithm::Portuguese),
    ("ro", Algorithm::Romanian),
    ("ru", Algorithm::Russian),
    ("sv", Algorithm::Swedish),
    ("ta", Algorithm::Tamil),
    ("tr", Algorithm::Turkish),
];

impl Language {
    /// English, the language of the bundled lexicons.
    pub const ENGLISH: Language = Language { code: "en", algorithm: Algorithm::English };

    /// Looks up an ISO 639-1 code (`en`, `de`, ...).
    pub fn from_code(code: &str) -> Result<Language> {
        let lower = code.trim().to_ascii_lowercase();
        LANGUAGES
            .iter()
            .find(|(c, _)| *c == lower)
            .map(|&(code, algorithm)| Language { code, algorithm })
            .ok_or_else(|| {
                let known: Vec<&str> = LANGUAGES.iter().map(|(c, _)| *c).collect();
                Error::Usage(format!(
                    "no stemmer for language '{code}'; known: {}",
                    known.join(", ")
                ))
            })
    }

    /// The ISO 639-1 code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    pub(crate) fn algorithm(&self) -> Algorithm {
        self.algorithm
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_codes() {
        assert_eq!(Language::from_code("EN").unwrap(), Language::ENGLISH);
        assert_eq!(Language::from_code("de").unwrap().code(), "de");
        let err = Language::from_code("xx").unwrap_err().to_string();
        assert!(err.contains("no stemmer for language 'xx'"), "{err}");
    }
}
