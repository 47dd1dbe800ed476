//! Parsing one `pattern` cell: `word` (by stem), `=word` (exact), `word*` (prefix), or a
//! phrase of several such elements. Hyphenated elements (`so-called`) become one element per
//! word, because the tokenizer splits words at hyphens.

use crate::segment::normalize_into;
use unicode_segmentation::UnicodeSegmentation;

/// How one pattern element is compared with a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ElemKind {
    /// The token's stem equals the element's stem.
    Stem,
    /// The token's normalised form equals the element's text.
    Exact,
    /// The token's normalised form starts with the element's text.
    Prefix,
}

/// One element of a parsed pattern: its kind and normalised text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternElem {
    /// The comparison.
    pub kind: ElemKind,
    /// Normalised (lowercase, `'` apostrophe) text of one word.
    pub text: String,
}

/// Parses a pattern cell into elements, or says why it cannot match anything.
pub fn parse(pattern: &str) -> Result<Vec<PatternElem>, String> {
    let pattern = pattern.trim();
    if pattern.is_empty() {
        return Err("empty pattern".into());
    }
    let mut elems = Vec::new();
    for raw in pattern.split_whitespace() {
        let (kind, body) = if let Some(rest) = raw.strip_prefix('=') {
            (ElemKind::Exact, rest)
        } else if let Some(rest) = raw.strip_suffix('*') {
            (ElemKind::Prefix, rest)
        } else {
            (ElemKind::Stem, raw)
        };
        if body.contains('*') || body.contains('=') {
            return Err(format!("'{raw}': '*' only ends a word and '=' only starts one"));
        }
        // Most elements are one plain ASCII word: one word by UAX #29 as well.
        if !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric()) {
            let mut text = String::new();
            normalize_into(body, &mut text);
            elems.push(PatternElem { kind, text });
            continue;
        }
        let words: Vec<&str> = body.unicode_words().collect();
        if words.is_empty() {
            return Err(format!("'{raw}' has no letters or digits, so it can never match"));
        }
        let joined: String = words.concat();
        let letters: String =
            body.chars().filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’').collect();
        if joined.chars().count() < letters.chars().count() {
            return Err(format!("'{raw}' contains characters that are not part of any word"));
        }
        let n = words.len();
        for (i, w) in words.into_iter().enumerate() {
            let mut text = String::new();
            normalize_into(w, &mut text);
            // In a hyphenated prefix element only the last word is a prefix.
            let kind = if kind == ElemKind::Prefix && i + 1 < n { ElemKind::Exact } else { kind };
            elems.push(PatternElem { kind, text });
        }
    }
    Ok(elems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(p: &str) -> Vec<(ElemKind, String)> {
        parse(p).unwrap().into_iter().map(|e| (e.kind, e.text)).collect()
    }

    #[test]
    fn element_kinds() {
        use ElemKind::*;
        assert_eq!(kinds("Massacre"), vec![(Stem, "massacre".into())]);
        assert_eq!(kinds("=said"), vec![(Exact, "said".into())]);
        assert_eq!(kinds("terroris*"), vec![(Prefix, "terroris".into())]);
        assert_eq!(
            kinds("crimes against humanity"),
            vec![(Stem, "crimes".into()), (Stem, "against".into()), (Stem, "humanity".into())]
        );
        assert_eq!(kinds("so-called"), vec![(Stem, "so".into()), (Stem, "called".into())]);
        assert_eq!(kinds("=don’t"), vec![(Exact, "don't".into())]);
        assert_eq!(kinds("anti-semit*"), vec![(Exact, "anti".into()), (Prefix, "semit".into())]);
    }

    #[test]
    fn rejects_patterns_that_cannot_match() {
        assert!(parse("").is_err());
        assert!(parse("  ").is_err());
        assert!(parse("*").is_err());
        assert!(parse("=").is_err());
        assert!(parse("--").is_err());
        assert!(parse("ter*ror").is_err());
    }

    #[test]
    fn plain_ascii_words_parse_as_the_word_rules_would() {
        for p in ["Massacre", "2020", "covid19", "=G7", "Abc*", "x"] {
            let fast = parse(p).unwrap();
            let (kind, body) = match p.strip_prefix('=') {
                Some(rest) => (ElemKind::Exact, rest),
                None => match p.strip_suffix('*') {
                    Some(rest) => (ElemKind::Prefix, rest),
                    None => (ElemKind::Stem, p),
                },
            };
            let words: Vec<&str> = body.unicode_words().collect();
            assert_eq!(words, [body], "{p}");
            assert_eq!(fast, [PatternElem { kind, text: body.to_lowercase() }], "{p}");
        }
    }
}
