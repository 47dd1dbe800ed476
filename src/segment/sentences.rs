//! Sentence bounds within one paragraph, decided in the gaps between words. The rules are
//! those of UAX #29 (a break after `.`, `!` or `?` plus closing punctuation and spaces; none
//! before a lowercase word after `.` (SB8), a digit right after `.` (SB6), or a comma, colon,
//! semicolon or dash (SB8a)), with two news-minded changes: no break before a lowercase word
//! after `?` or `!` either (`“Why?” he asked`), and no break after an abbreviation such as
//! `Mr.`, `Gen.`, an initial, or `U.S.` before a word that does not start a sentence.
//! Working on gaps is much faster than segmenting the whole text a second time.

use super::abbreviations::{Kind, classify, starts_sentence};
use super::token::{Span, Token};

/// Writes `(index of first token relative to tokens, sentence span)` for each sentence of the
/// paragraph `para` of `text`, whose words are `tokens`.
pub(super) fn split(text: &str, para: Span, tokens: &[Token], out: &mut Vec<(u32, Span)>) {
    out.clear();
    let mut start = para.start as usize;
    let mut first = 0u32;
    for (i, pair) in tokens.windows(2).enumerate() {
        let (prev, next) = (&pair[0], &pair[1]);
        let gap = &text.as_bytes()[prev.span.end as usize..next.span.start as usize];
        // Most gaps are a space or a comma: no terminator, no boundary.
        if !may_end(gap) {
            continue;
        }
        let gap = &text[prev.span.end as usize..next.span.start as usize];
        let prev_word = &text[prev.span.range()];
        let next_word = &text[next.span.range()];
        if let Some((end, next_start)) = boundary(gap, prev_word, next_word) {
            let base = prev.span.end as usize;
            out.push((first, Span::new(start, base + end)));
            start = base + next_start;
            first = i as u32 + 1;
        }
    }
    let end = start.max(para.end as usize);
    out.push((first, Span::new(start, end)));
}

fn is_aterm(c: char) -> bool {
    matches!(c, '.' | '\u{2024}' | '\u{fe52}' | '\u{ff0e}')
}

fn is_sterm(c: char) -> bool {
    matches!(
        c,
        '!' | '?'
            | '\u{203c}'
            | '\u{2047}'
            | '\u{2048}'
            | '\u{2049}'
            | '\u{3002}'
            | '\u{ff01}'
            | '\u{ff1f}'
            | '\u{061f}'
            | '\u{0964}'
            | '\u{0965}'
    )
}

/// Quotation marks and brackets, which UAX #29 lets a sentence end carry (class Close).
fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '„'
            | '「'
            | '」'
            | '『'
            | '』'
            | '（'
            | '）'
    )
}

/// Characters after which a sentence continues (class SContinue).
fn is_scontinue(c: char) -> bool {
    matches!(
        c,
        ',' | '-' | ':' | ';' | '–' | '—' | '\u{3001}' | '\u{ff0c}' | '\u{ff1a}' | '\u{ff1b}'
    )
}

/// Whether a gap may end a sentence: it has a terminator or a non-ASCII character.
fn may_end(gap: &[u8]) -> bool {
    gap.iter().any(|&b| matches!(b, b'.' | b'!' | b'?') || b >= 0x80)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Before,
    Term,
    Close,
    Space,
}

/// Where a sentence ends in `gap` and where the next begins (both relative to the gap), or
/// `None` when the gap does not end a sentence.
fn boundary(gap: &str, prev_word: &str, next_word: &str) -> Option<(usize, usize)> {
    if !may_end(gap.as_bytes()) {
        return None;
    }
    let mut state = State::Before;
    let mut sterm = false;
    let mut term_end = 0;
    let mut found = None;
    let mut spaced = false;
    for (i, c) in gap.char_indices() {
        let after = i + c.len_utf8();
        if is_aterm(c) || is_sterm(c) {
            if state == State::Before {
                sterm = false;
                spaced = false;
            }
            sterm |= is_sterm(c);
            state = State::Term;
            term_end = after;
        } else if is_close(c) && matches!(state, State::Term | State::Close) {
            state = State::Close;
            term_end = after;
        } else if c.is_whitespace() && state != State::Before {
            state = State::Space;
            spaced = true;
        } else if state != State::Before {
            if !is_scontinue(c) && found.is_none() {
                found = Some((term_end, i, sterm, spaced));
            }
            state = State::Before;
        }
    }
    if state != State::Before && found.is_none() {
        found = Some((term_end, gap.len(), sterm, spaced));
    }
    let (end, next_start, sterm, spaced) = found?;
    let next_first = next_word.chars().next()?;
    if next_first.is_lowercase() {
        return None;
    }
    if !sterm && !spaced && next_first.is_ascii_digit() {
        return None;
    }
    // An abbreviation: the full stop touches the word and only spaces follow it.
    if !sterm && gap.starts_with('.') && gap[1..].chars().all(char::is_whitespace) {
        match classify(prev_word) {
            Kind::Title => return None,
            Kind::Ambiguous if !starts_sentence(next_word) => return None,
            _ => {}
        }
    }
    Some((end, next_start))
}

#[cfg(test)]
mod tests {
    use crate::segment::{TokenBuffer, tokenize};

    fn split_str(p: &str) -> Vec<&str> {
        let mut buf = TokenBuffer::new();
        tokenize(p, &mut buf);
        buf.sentences.iter().map(|s| &p[s.span.range()]).collect()
    }

    #[test]
    fn merges_titles_initials_and_acronyms() {
        assert_eq!(split_str("Gen. John F. Kelly spoke."), vec!["Gen. John F. Kelly spoke."]);
        assert_eq!(
            split_str("The U.S. President spoke. Then he left."),
            vec!["The U.S. President spoke.", "Then he left."]
        );
        assert_eq!(split_str("It was 5 p.m. The end."), vec!["It was 5 p.m.", "The end."]);
        assert_eq!(
            split_str("They flew to the U.S. The talks failed."),
            vec!["They flew to the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn keeps_real_ends_and_closing_quotes() {
        assert_eq!(split_str("He said so. She agreed!  "), vec!["He said so.", "She agreed!"]);
        assert_eq!(split_str("“We won.” Then silence."), vec!["“We won.”", "Then silence."]);
        assert_eq!(
            split_str("It ended (finally.) Next one."),
            vec!["It ended (finally.)", "Next one."]
        );
        assert_eq!(split_str("Done. “Quote” follows."), vec!["Done.", "“Quote” follows."]);
        assert_eq!(split_str(""), Vec::<&str>::new());
    }

    #[test]
    fn does_not_break_where_uax29_does_not() {
        assert_eq!(split_str("“Why?” he asked. Fine."), vec!["“Why?” he asked.", "Fine."]);
        assert_eq!(split_str("It cost 3.5 million. ok then"), vec!["It cost 3.5 million. ok then"]);
        assert_eq!(split_str("Wait... what? Yes."), vec!["Wait... what?", "Yes."]);
        assert_eq!(split_str("He said: “No.”, and left."), vec!["He said: “No.”, and left."]);
        assert_eq!(split_str("Look at v.2 now."), vec!["Look at v.2 now."]);
    }

    #[test]
    fn a_paragraph_without_words_is_one_sentence() {
        assert_eq!(split_str("***"), vec!["***"]);
    }
}
