//! Embedded social-media posts: a paragraph that ends in a post's signature, as news sites
//! print an embedded tweet (`… pic.twitter.com/x — Zeke Miller (@ZekeJMiller) November 2,
//! 2012`), quotes the post's author, with or without quotation marks. Finds those paragraphs
//! by their signature: a dash, a name of at most 60 bytes, `(@handle)`, then an English month,
//! a day and a four-digit year at the paragraph's end.

use crate::language::english::is_month;
use crate::segment::Span;

/// The longest name before `(@handle)`, in bytes.
const MAX_NAME: usize = 60;

/// Appends to `out` the paragraphs of `text` that end in a post's signature (cleared first).
pub(super) fn find(text: &str, paragraphs: &[Span], out: &mut Vec<Span>) {
    out.clear();
    if !text.contains("(@") {
        return;
    }
    out.extend(paragraphs.iter().filter(|p| is_post(&text[p.start as usize..p.end as usize])));
}

/// Whether `para` ends in `— Name (@handle) Month D, YYYY`.
fn is_post(para: &str) -> bool {
    let Some(open) = para.rfind("(@") else { return false };
    let Some(rest) = para[open + 2..].split_once(')') else { return false };
    let (handle, date) = rest;
    let handle_ok = (1..=30).contains(&handle.len())
        && handle.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    handle_ok && is_date(date.trim()) && signed(&para[..open])
}

/// `Month D, YYYY` (day of one or two digits).
fn is_date(s: &str) -> bool {
    let Some((month, rest)) = s.split_once(' ') else { return false };
    let Some((day, year)) = rest.split_once(", ") else { return false };
    is_month_name(month)
        && (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// An English month name, capitalised (`November`).
fn is_month_name(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    s.is_ascii()
        && s.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && s[1..] == lower[1..]
        && is_month(&lower)
}

/// Whether `before` (the text up to `(@`) ends in a dash and a name of at most [`MAX_NAME`]
/// bytes on one line.
fn signed(before: &str) -> bool {
    let Some((at, dash)) = before.char_indices().rev().find(|&(_, c)| matches!(c, '—' | '–' | '-'))
    else {
        return false;
    };
    let name = before[at + dash.len_utf8()..].trim();
    let spaced = before[..at].ends_with(char::is_whitespace) || at == 0;
    !name.is_empty() && name.len() <= MAX_NAME && !name.contains(['\n', '(', ')']) && spaced
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posts(text: &str) -> Vec<&str> {
        let mut paras = Vec::new();
        let mut start = 0;
        for p in text.split('\n') {
            paras.push(Span::new(start, start + p.len()));
            start += p.len() + 1;
        }
        let mut out = Vec::new();
        find(text, &paras, &mut out);
        out.iter().map(|s| &text[s.start as usize..s.end as usize]).collect()
    }

    #[test]
    fn a_paragraph_ending_in_a_signature_is_a_post() {
        let text = "The rate rose.\nJobless rate jumps to 14.3, a disaster. — Zeke Miller \
                    (@ZekeJMiller) November 2, 2012\nMore later.";
        assert_eq!(
            posts(text),
            [
                "Jobless rate jumps to 14.3, a disaster. — Zeke Miller (@ZekeJMiller) November 2, 2012"
            ]
        );
        let hyphen =
            "Wow pic.twitter.com/VTOs2BoZFB #2016 - Tasha Diakides (@TashaCNN) May 7, 2013";
        assert_eq!(posts(hyphen), [hyphen]);
        let tight = "No action, IRS says. — Karen Tumulty(@ktumulty) May 10, 2013";
        assert_eq!(posts(tight), [tight]);
    }

    #[test]
    fn handles_without_a_signature_are_not_posts() {
        for text in [
            "Follow us (@outlet) for more.",
            "He wrote (@handle) May 7, 2013 and left.",
            "A long-time aide (@aide) May 7, 2013",
            "— Zeke Miller (@Zeke Miller) November 2, 2012",
            "— Zeke Miller (@ZekeJMiller) Novembre 2, 2012",
            "— Zeke Miller (@ZekeJMiller) November 2, 12",
            "— (@ZekeJMiller) November 2, 2012",
        ] {
            assert!(posts(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn arbitrary_text_never_panics() {
        use proptest::prelude::*;
        proptest!(ProptestConfig::with_cases(300), |(text in "[a-z @()—,0-9\n-]{0,60}( \\(@a\\) May 1, 2000)?")| {
            posts(&text);
        });
    }
}
