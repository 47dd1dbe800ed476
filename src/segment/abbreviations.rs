//! English abbreviations that end in a full stop without ending a sentence, and the words
//! that, after an ambiguous abbreviation such as `U.S.`, show a new sentence has begun.

/// Titles and similar words that are always followed by more of the same sentence.
const TITLES: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cmdr", "col", "cpl", "dr", "fr", "gen", "gov", "hon",
    "insp", "lt", "maj", "messrs", "mr", "mrs", "ms", "mssrs", "pres", "prof", "rep", "reps",
    "rev", "sen", "sens", "sgt", "sr", "jr", "st", "supt", "mt", "ft", "no", "nos", "vs", "v",
    "gens", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "dept", "est",
    "fig", "e.g", "i.e", "cf", "al", "ald", "del", "sec", "secs",
];

/// Abbreviations that may also end a sentence (`... moved to the U.S. The talks ...`).
const AMBIGUOUS: &[&str] = &["inc", "corp", "co", "ltd", "bros", "a.m", "p.m", "etc"];

/// Capitalised words that almost always begin a new sentence after an ambiguous abbreviation.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "a",
    "an",
    "in",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "on",
    "at",
    "as",
    "after",
    "for",
    "if",
    "when",
    "while",
    "some",
    "many",
    "meanwhile",
    "however",
    "yet",
    "and",
    "so",
    "still",
    "then",
    "earlier",
    "later",
    "last",
    "according",
    "asked",
    "what",
    "why",
    "how",
    "who",
    "no",
    "one",
];

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
    if TITLES.contains(&lower.as_str()) {
        return Kind::Title;
    }
    let mut chars = word.chars();
    // A single capital letter is an initial ("John F. Kennedy").
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return Kind::Title;
        }
    }
    if AMBIGUOUS.contains(&lower.as_str()) {
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
    SENTENCE_STARTERS.contains(&lower.as_str())
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
