//! Sentence bounds within one paragraph: UAX #29 sentence segments, merged where a segment
//! ends in an abbreviation (`Mr.`, `U.S.`) rather than at a sentence end.

use super::Span;
use super::abbreviations::{Kind, classify, starts_sentence};
use unicode_segmentation::UnicodeSegmentation;

/// Writes the sentence spans of `para` (relative to it, trailing white space trimmed) to `out`.
pub(super) fn split(para: &str, out: &mut Vec<Span>) {
    out.clear();
    let mut open: Option<(usize, usize)> = None;
    for (start, seg) in para.split_sentence_bound_indices() {
        let trimmed = seg.trim_end();
        if trimmed.is_empty() {
            continue;
        }
        let end = start + trimmed.len();
        let (s, _) = match open {
            Some((s, prev_end)) if continues(&para[s..prev_end], trimmed) => (s, end),
            Some(prev) => {
                out.push(Span::new(prev.0, prev.1));
                (start, end)
            }
            None => (start, end),
        };
        open = Some((s, end));
    }
    if let Some((s, e)) = open {
        out.push(Span::new(s, e));
    }
}

/// Whether the sentence segment `prev` runs on into `next`.
fn continues(prev: &str, next: &str) -> bool {
    let Some(body) = prev.strip_suffix('.') else { return false };
    let last =
        body.rsplit(|c: char| c.is_whitespace() || "([\"“‘'".contains(c)).next().unwrap_or("");
    if last.is_empty() {
        return false;
    }
    match classify(last) {
        Kind::Title => true,
        Kind::Ambiguous => {
            let first = next
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let lower_start = first.chars().next().is_some_and(|c| !c.is_uppercase());
            lower_start || !starts_sentence(first)
        }
        Kind::None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_str(p: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(p, &mut out);
        out.iter().map(|s| &p[s.range()]).collect()
    }

    #[test]
    fn merges_titles_initials_and_acronyms() {
        assert_eq!(split_str("Gen. John F. Kelly spoke."), vec!["Gen. John F. Kelly spoke."]);
        assert_eq!(
            split_str("The U.S. President spoke. Then he left."),
            vec!["The U.S. President spoke.", "Then he left."]
        );
        assert_eq!(split_str("It was 5 p.m. The end."), vec!["It was 5 p.m.", "The end."]);
    }

    #[test]
    fn keeps_real_ends() {
        assert_eq!(split_str("He said so. She agreed!  "), vec!["He said so.", "She agreed!"]);
        assert_eq!(split_str(""), Vec::<&str>::new());
    }
}
