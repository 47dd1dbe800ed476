//! Direct quotations: spans of a section between quotation marks, found per paragraph with a
//! stack. Handles typographic and straight double quotes (also typed as two straight single
//! quotes, `''`), single quotes used as quotation marks (not apostrophes), guillemets,
//! nesting, and quotations that run over several
//! paragraphs (a paragraph that opens a quote without closing it, followed by a paragraph that
//! starts with an opening mark). Works on byte offsets of the section text; no I/O.

use crate::segment::{Span, TokenBuffer};

/// Which mark pair delimits a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteMark {
    /// “ ” or straight ".
    Double,
    /// ‘ ’ or straight ' (when used as quotation marks).
    Single,
    /// « » or ‹ ›.
    Guillemet,
}

/// One quotation (or one paragraph's part of a quotation that spans paragraphs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to after the closing mark (or the paragraph end when unclosed).
    pub outer: Span,
    /// The quoted text, marks excluded.
    pub inner: Span,
    /// The marks.
    pub mark: QuoteMark,
    /// 0 for an outermost quotation, 1 for a quotation inside it, ...
    pub depth: u8,
    /// Whether a closing mark was found in this paragraph.
    pub closed: bool,
    /// Index of the first part of the same quotation (itself unless it continues one from an
    /// earlier paragraph).
    pub first_part: u32,
}

/// Finds the quotations of a segmented section, in order of their opening marks.
pub fn find_quotes(text: &str, buf: &TokenBuffer, out: &mut Vec<Quote>) {
    out.clear();
    // Index of the quotation left open at the end of the previous paragraph, if any.
    let mut carried: Option<u32> = None;
    let mut stack = Vec::new();
    for para in &buf.paragraphs {
        let p = &text[para.range()];
        // Most paragraphs have no quotation mark at all: skip them with a byte scan.
        if !p.bytes().any(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)) {
            carried = None;
            continue;
        }
        let continues = carried.filter(|_| p.starts_with(['“', '"', '«', '‘']));
        let before = out.len();
        scan_paragraph(text, *para, continues, &mut stack, out);
        carried = out[before..]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, q)| q.depth == 0)
            .filter(|(_, q)| !q.closed && q.mark == QuoteMark::Double)
            .map(|(_, q)| q.first_part);
    }
    out.sort_by_key(|q| (q.outer.start, q.depth));
}

struct Open {
    mark: QuoteMark,
    at: usize,
    inner: usize,
    continues: Option<u32>,
}

/// Characters that may be quotation marks.
fn is_mark(c: char) -> bool {
    matches!(c, '“' | '„' | '”' | '«' | '‹' | '»' | '›' | '"' | '‘' | '’' | '\'')
}

fn scan_paragraph(
    text: &str,
    para: Span,
    continues: Option<u32>,
    stack: &mut Vec<Open>,
    out: &mut Vec<Quote>,
) {
    let base = para.start as usize;
    let p = &text[para.range()];
    stack.clear();
    // The second mark of a doubled straight single quote, already consumed.
    let mut skip_to = 0;
    for (i, &b) in p.as_bytes().iter().enumerate() {
        // Every quotation mark starts with one of these bytes; decode only there.
        if i < skip_to || !matches!(b, b'"' | b'\'' | 0xC2 | 0xE2) {
            continue;
        }
        let Some(c) = p[i..].chars().next().filter(|&c| is_mark(c)) else { continue };
        let prev = p[..i].chars().next_back();
        let mut next = p[i + c.len_utf8()..].chars().next();
        let at = base + i;
        let mut after = at + c.len_utf8();
        // Two straight single quotes stand for a double one (`''Yes,'' he said`) where a
        // double quote could open or close.
        let doubled = c == '\''
            && next == Some('\'')
            && (prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p))
                || stack.iter().any(|o| o.mark == QuoteMark::Double));
        let c = if doubled {
            skip_to = i + 2;
            next = p[i + 2..].chars().next();
            after += 1;
            '"'
        } else {
            c
        };
        let Some((mark, opening)) = action(c, prev, next, stack) else { continue };
        if opening {
            let cont = if i == 0 && stack.is_empty() { continues } else { None };
            stack.push(Open { mark, at, inner: after, continues: cont });
        } else if let Some(pos) = stack.iter().rposition(|o| o.mark == mark) {
            // Close it; anything opened inside it and left open closes with it.
            while stack.len() > pos {
                let o = stack.pop().expect("non-empty");
                let closed = stack.len() == pos;
                let end = if closed { after } else { at };
                push(out, &o, Span::new(o.at, end), Span::new(o.inner, at), stack.len(), closed);
            }
        }
    }
    let end = base + p.len();
    while let Some(o) = stack.pop() {
        push(out, &o, Span::new(o.at, end), Span::new(o.inner, end), stack.len(), false);
    }
}

/// What the mark `c` (between `prev` and `next`) does given the quotations open in
/// `stack`: opens or closes (`true`: opens) a quotation of its kind, or nothing (an
/// apostrophe).
fn action(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    stack: &[Open],
) -> Option<(QuoteMark, bool)> {
    let open_ctx = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘«".contains(p));
    let top = stack.last().map(|o| o.mark);
    match c {
        '“' | '„' => Some((QuoteMark::Double, true)),
        '”' => Some((QuoteMark::Double, false)),
        '«' | '‹' => Some((QuoteMark::Guillemet, true)),
        '»' | '›' => Some((QuoteMark::Guillemet, false)),
        '"' => {
            let closing = stack.iter().any(|o| o.mark == QuoteMark::Double)
                && !(open_ctx && top != Some(QuoteMark::Double));
            Some((QuoteMark::Double, !closing))
        }
        '‘' => Some((QuoteMark::Single, true)),
        '’' | '\'' => {
            let letter_before = prev.is_some_and(char::is_alphanumeric);
            let letter_after = next.is_some_and(char::is_alphanumeric);
            if top == Some(QuoteMark::Single) && !letter_after && !open_ctx {
                Some((QuoteMark::Single, false))
            } else if c == '\'' && open_ctx && letter_after && !letter_before {
                Some((QuoteMark::Single, true))
            } else {
                None // an apostrophe
            }
        }
        _ => None,
    }
}

fn push(out: &mut Vec<Quote>, o: &Open, outer: Span, inner: Span, depth: usize, closed: bool) {
    let index = out.len() as u32;
    out.push(Quote {
        outer,
        inner,
        mark: o.mark,
        depth: depth.min(u8::MAX as usize) as u8,
        closed,
        first_part: o.continues.unwrap_or(index),
    });
}

/// For each token, the index into `quotes` of the innermost quotation containing it, or
/// `u32::MAX` when the token is in the outlet's own voice.
pub fn token_quotes(buf: &TokenBuffer, quotes: &[Quote], out: &mut Vec<u32>) {
    out.clear();
    out.resize(buf.tokens.len(), u32::MAX);
    for (qi, q) in quotes.iter().enumerate() {
        // Quotes are sorted by start, outer before inner, so inner ones overwrite.
        let first = buf.tokens.partition_point(|t| t.span.start < q.inner.start);
        for (ti, t) in buf.tokens.iter().enumerate().skip(first) {
            if t.span.end > q.inner.end {
                break;
            }
            out[ti] = qi as u32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tokenize;

    fn quotes(text: &str) -> Vec<(String, u8, bool)> {
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let mut out = Vec::new();
        find_quotes(text, &buf, &mut out);
        out.iter().map(|q| (text[q.inner.range()].to_string(), q.depth, q.closed)).collect()
    }

    #[test]
    fn typographic_and_straight_doubles() {
        assert_eq!(
            quotes("He said “we won” and \"they lost\"."),
            vec![("we won".into(), 0, true), ("they lost".into(), 0, true)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("Hamas’ leaders and the group’s ’90s don't 'regime' ones."),
            vec![("regime".into(), 0, true)]
        );
        assert_eq!(
            quotes("the players' union said ‘no deal’ today"),
            vec![("no deal".into(), 0, true)]
        );
    }

    #[test]
    fn two_single_quotes_are_a_double_quote() {
        assert_eq!(
            quotes("''We won,'' she said, and ''they lost.''"),
            vec![("We won,".into(), 0, true), ("they lost.".into(), 0, true)]
        );
        assert_eq!(quotes("the players'' union"), vec![]);
    }

    #[test]
    fn nesting_and_guillemets() {
        assert_eq!(
            quotes("“She called it ‘a disgrace’ twice,” he said."),
            vec![
                ("She called it ‘a disgrace’ twice,".into(), 0, true),
                ("a disgrace".into(), 1, true),
            ]
        );
        assert_eq!(quotes("Il a dit « non » hier."), vec![(" non ".into(), 0, true)]);
    }

    #[test]
    fn quotations_over_several_paragraphs() {
        let text = "“First part of it.\n\n“Second part,” she said.\n\nNot quoted.";
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let mut out = Vec::new();
        find_quotes(text, &buf, &mut out);
        assert_eq!(out.len(), 2);
        assert!(!out[0].closed);
        assert!(out[1].closed);
        assert_eq!(out[1].first_part, 0);
        let mut tq = Vec::new();
        token_quotes(&buf, &out, &mut tq);
        let last = buf.tokens.len() - 1;
        assert_eq!(tq[0], 0);
        assert_eq!(tq[last], u32::MAX);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let text = "He said “never again.\n\nThe end.";
        let q = quotes(text);
        assert_eq!(q, vec![("never again.".into(), 0, false)]);
    }
}
