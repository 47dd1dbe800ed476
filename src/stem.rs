//! Stemming: a thin wrapper around the pinned Snowball stemmers, so the stemmer can be swapped
//! without touching the lexicon or the matcher. Input must already be normalised (lowercase).

use crate::language::Language;
use std::borrow::Cow;

/// A Snowball stemmer for one language. Immutable and shareable across threads.
pub struct Stemmer {
    inner: rust_stemmers::Stemmer,
    language: Language,
}

impl Stemmer {
    /// The stemmer for `language`.
    pub fn new(language: Language) -> Stemmer {
        Stemmer { inner: rust_stemmers::Stemmer::create(language.algorithm()), language }
    }

    /// The stem of a normalised word.
    pub fn stem<'a>(&self, normalised: &'a str) -> Cow<'a, str> {
        self.inner.stem(normalised)
    }

    /// The stemmer's language.
    pub fn language(&self) -> Language {
        self.language
    }
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Stemmer({})", self.language.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_english_stems() {
        let s = Stemmer::new(Language::ENGLISH);
        assert_eq!(s.stem("massacres"), "massacr");
        assert_eq!(s.stem("massacred"), "massacr");
        assert_eq!(s.stem("says"), "say");
        assert_eq!(s.stem("said"), "said");
        assert_eq!(s.stem("added"), "ad");
        assert_eq!(s.stem("terrorism"), "terror");
        assert_eq!(s.stem("terrorist"), "terrorist");
        assert_eq!(s.stem("trump's"), "trump");
    }
}
