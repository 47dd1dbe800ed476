//! The normalised form of a word: lowercase, with typographic apostrophes folded to `'`.
//! Used for tokens and for lexicon patterns alike, so both sides of a lookup agree.

/// Appends the normalised form of `word` to `out`.
pub fn normalize_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // SAFETY: ASCII bytes keep `out` UTF-8. One pass that copies and lowercases.
        unsafe { out.as_mut_vec() }.extend(word.bytes().map(|c| c.to_ascii_lowercase()));
        return;
    }
    normalize_chars(word, out);
}

/// `normalize_into` character by character.
fn normalize_chars(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut out = String::new();
        normalize_into(s, &mut out);
        out
    }

    #[test]
    fn folds_case_and_apostrophes() {
        assert_eq!(norm("Hamas’"), "hamas'");
        assert_eq!(norm("DON’T"), "don't");
        assert_eq!(norm("Über"), "über");
        assert_eq!(norm("plain"), "plain");
    }

    proptest::proptest! {
        #[test]
        fn ascii_path_equals_char_by_char(word in "[a-zA-Z0-9'’‘ʼ′＇ÉİßΣé\u{301}👍-]{0,12}") {
            let mut reference = String::new();
            normalize_chars(&word, &mut reference);
            proptest::prop_assert_eq!(norm(&word), reference);
        }
    }
}
