//! English abbreviations that end in a full stop without ending a sentence, and the words
//! that, after an ambiguous abbreviation such as `U.S.`, show a new sentence has begun (the
//! word lists are in `language::english`).

use crate::language::english::{
    is_ambiguous_abbreviation, is_non_final_abbreviation, is_sentence_starter,
};

/// How the segment ending in `word.` (lowercase, without the final full stop) continues.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Never ends a sentence.
    Title,
    /// Ends a sentence only when the next word looks like a sentence start.
    Ambiguous,
    /// Not an abbreviation.
    None,
}

pub(super) fn classify(word: &str) -> Kind {
    let lower = word.to_ascii_lowercase();
    if is_non_final_abbreviation(&lower) {
        return Kind::Title;
    }
    let mut chars = word.chars();
    // A single capital letter is an initial ("John F. Kennedy").
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return Kind::Title;
    }
    if is_ambiguous_abbreviation(&lower) {
        return Kind::Ambiguous;
    }
    // Dotted acronyms: U.S, U.N, E.U, D.C
    let dotted =
        word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    if word.contains('.') && dotted {
        return Kind::Ambiguous;
    }
    Kind::None
}

pub(super) fn starts_sentence(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    is_sentence_starter(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("Mr"), Kind::Title);
        assert_eq!(classify("J"), Kind::Title);
        assert_eq!(classify("U.S"), Kind::Ambiguous);
        assert_eq!(classify("Inc"), Kind::Ambiguous);
        assert_eq!(classify("talks"), Kind::None);
        assert!(starts_sentence("The"));
        assert!(!starts_sentence("Congress"));
    }
}
