//! Content: what the source is reported to have said, as a span of the section, whether it
//! is (at least partly) the source's own words in quotation marks, and the quote type (the
//! order of source, verb and content, with `Q` for quotation marks: `QCQSV` for
//! `"C," she said`, `SVC` for `she said that C`).

use super::context::Ctx;
use super::cue::{Cue, Form};
use super::source::{Place, Source};
use crate::segment::Span;

/// The order of source (`S`), cue (`V`) and content (`C`, `QCQ` when the content is one
/// quotation) in the text, e.g. `QCQSV`, `SVC`, `CSV`, `VSC`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct QuoteType {
    code: [u8; 5],
    len: u8,
}

impl QuoteType {
    /// The code, e.g. `QCQSV`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.code[..self.len as usize]).unwrap_or("")
    }

    fn new(parts: &mut [(u32, u8)], quoted: bool) -> QuoteType {
        parts.sort_unstable();
        let mut t = QuoteType::default();
        for &(_, letter) in parts.iter() {
            let s: &[u8] =
                if letter == b'C' && quoted { b"QCQ" } else { std::slice::from_ref(&letter) };
            for &b in s {
                if (t.len as usize) < t.code.len() {
                    t.code[t.len as usize] = b;
                    t.len += 1;
                }
            }
        }
        t
    }
}

/// Content of one attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Content {
    pub(super) span: Option<Span>,
    pub(super) quote_type: QuoteType,
    pub(super) direct: bool,
}

/// A quotation of at least this many words inside indirect content makes it direct (shorter
/// ones are scare quotes or titles).
const DIRECT_WORDS: usize = 4;

/// The content of `cue`, whose source is `src`. `next` is the first token of the next cue's
/// clause in the same sentence, if any: content stops before it.
pub(super) fn find(ctx: &Ctx, cue: &Cue, src: &Source, next: Option<usize>) -> Content {
    let sent = ctx.sentence_tokens(cue.first);
    let own_clause = src.place != Place::Shared;
    let first = if own_clause { cue.first.min(src.first) } else { cue.first };
    let last = if own_clause { cue.end.max(src.end) } else { cue.end } - 1;
    let limit = next.filter(|&n| n > last).unwrap_or(sent.end);
    let (span, quoted) = if let Some(q) = quote_after(ctx, last) {
        (Some(q), true)
    } else if cue.form == Form::Colon {
        // `Sanders: C`: the rest of the line.
        ((last + 1 < limit).then(|| ctx.tokens_span(last + 1, limit)), false)
    } else if let Some(q) =
        quote_before(ctx, first).filter(|_| own_clause && short_tail(ctx, last, limit))
    {
        (Some(q), true)
    } else if cue.form == Form::Object
        && (!opens_sentence(ctx, cue.first, sent.start)
            || cue.entry.is_none() && cue.first > sent.start && src.end + 1 >= limit)
    {
        // A survey cue (`… by 8 points in the Velm survey.`) closing its sentence reports
        // what comes before it.
        (before(ctx, sent.start, cue.first), false)
    } else if own_clause
        && cue.form != Form::Object
        && ends_clause(ctx, first, last, limit, sent.start)
    {
        (before(ctx, sent.start, first), false)
    } else {
        // `…, saying C`: a participle's content follows it, like a verb's.
        (after(ctx, last, limit), false)
    };
    // `noted that "C."`: indirect in form, but the content is one quotation.
    let quoted = quoted
        || span.is_some_and(|s| {
            // Quotations are sorted by start: look only at those starting where the span does.
            let from = ctx.quotes.partition_point(|q| q.outer.start < s.start);
            ctx.quotes[from..]
                .iter()
                .take_while(|q| q.outer.start == s.start)
                .any(|q| q.depth == 0 && q.outer.end == s.end)
        });
    let direct = quoted || span.is_some_and(|s| has_direct_quote(ctx, s));
    let mut parts =
        [(ctx.span(src.first).start, b'S'), (ctx.span(cue.first).start, b'V'), (0, b'C')];
    let n = match span {
        Some(s) => {
            parts[2].0 = s.start;
            3
        }
        None => 2,
    };
    Content { span, quote_type: QuoteType::new(&mut parts[..n], quoted), direct }
}

/// Whether at most a few words, and no `that`, follow the clause ending at `last`
/// (`"C," she said during a briefing.`).
fn short_tail(ctx: &Ctx, last: usize, limit: usize) -> bool {
    let rest = last + 1..limit;
    rest.len() <= 6 && !rest.clone().any(|k| ctx.norm(k) == "that")
}

/// `said: "C"`, `said, "C"`, `asserted, "C"`: a quotation opening right after the clause.
fn quote_after(ctx: &Ctx, last: usize) -> Option<Span> {
    let k = ctx.quote_opening_after(last)?;
    let q = &ctx.quotes[k];
    let between = &ctx.text[ctx.span(last).end as usize..q.outer.start as usize];
    if !between.chars().all(|c| c.is_whitespace() || matches!(c, ',' | ':' | '—' | '–')) {
        return None;
    }
    // A quotation that runs over several paragraphs ends with its last part.
    let end = ctx.quotes[k..]
        .iter()
        .enumerate()
        .filter(|(j, p)| p.first_part as usize == k || *j == 0)
        .map(|(_, p)| p.inner.end)
        .max()
        .unwrap_or(q.inner.end);
    Some(Span { start: q.inner.start, end })
}

/// `"C," she said`: a quotation closing right before the clause.
fn quote_before(ctx: &Ctx, first: usize) -> Option<Span> {
    let k = ctx.quote_closing_before(first)?;
    let q = &ctx.quotes[k];
    let start = ctx.quotes[q.first_part as usize].inner.start;
    Some(Span { start, end: q.inner.end })
}

/// Whether only an opening adverbial (`In Iowa`, `Still`) stands before `i` in the sentence.
fn opens_sentence(ctx: &Ctx, i: usize, start: usize) -> bool {
    i == start || !(start + 1..=i).any(|k| ctx.gap_before(k).contains(','))
}

/// `C, S said on Wednesday.`: the attribution clause follows a comma and ends the sentence
/// (a few words of time or place may follow).
fn ends_clause(ctx: &Ctx, first: usize, last: usize, limit: usize, start: usize) -> bool {
    if first < start + 2 || !ctx.gap_before(first).trim_start().starts_with(',') {
        return false;
    }
    let rest = last + 1..limit;
    rest.len() <= 5
        && !rest.clone().any(|k| ctx.norm(k) == "that" || ctx.gap_before(k).contains(','))
}

/// From the sentence start to the token before `first` (the comma left out).
fn before(ctx: &Ctx, start: usize, first: usize) -> Option<Span> {
    (first > start).then(|| ctx.tokens_span(start, first))
}

/// After the clause ending at token `last`: from the next token (or after `that` within the
/// next few words) to the end of the sentence or the next cue's clause, with a closing
/// quotation mark kept.
fn after(ctx: &Ctx, last: usize, limit: usize) -> Option<Span> {
    let mut start = last + 1;
    if let Some(that) = (start..limit.min(start + 8)).find(|&k| ctx.norm(k) == "that") {
        start = that + 1;
    }
    if start >= limit {
        return None;
    }
    let mut span = ctx.tokens_span(start, limit);
    // Keep the quotation marks around content that opens or closes with a quotation.
    if let Some(q) = ctx.quote_of(start).map(|k| ctx.quotes[k]) {
        if q.inner.start <= span.start
            && ctx.text[q.outer.start as usize..span.start as usize]
                .chars()
                .all(|c| !c.is_alphanumeric())
        {
            span.start = q.outer.start;
        }
    }
    if let Some(q) = ctx.quote_of(limit - 1).map(|k| ctx.quotes[k]) {
        let sentence_end = ctx.sentence_span(limit - 1).end;
        if q.closed && q.outer.end <= sentence_end {
            span.end = span.end.max(q.outer.end);
        }
    }
    Some(span)
}

/// Whether a quotation of several words (or one that starts the content) lies in `span`.
fn has_direct_quote(ctx: &Ctx, span: Span) -> bool {
    let first = ctx.quotes.partition_point(|q| q.inner.start < span.start);
    ctx.quotes[first..].iter().take_while(|q| q.inner.start < span.end).any(|q| {
        let words = ctx.text[q.inner.range()].split_whitespace().count();
        q.depth == 0 && (words >= DIRECT_WORDS || q.outer.start == span.start)
    })
}
