//! Voice: whether words stand in the outlet's own (authorial) voice or in someone else's
//! (quoted voice). Built on [`crate::quotes`] and the quotation kinds of `scare`: a token is
//! quoted when a quotation contains it, except the words of a scare quote that no other
//! quotation contains, which are the outlet's own device; a hit is quoted when its first word
//! is.

use super::scare::QuoteKind;
use crate::quotes::Quote;

/// Whether a token whose innermost quotation is `q` (`u32::MAX`: none) is in quoted voice.
pub(crate) fn is_quoted(q: u32, quotes: &[Quote], kinds: &[QuoteKind]) -> bool {
    let Some(quote) = quotes.get(q as usize) else { return false };
    kinds[q as usize] != QuoteKind::Scare || quote.depth > 0
}

/// Tokens in quoted voice.
pub(crate) fn quoted_tokens(tok_quote: &[u32], quotes: &[Quote], kinds: &[QuoteKind]) -> u32 {
    tok_quote.iter().filter(|&&q| is_quoted(q, quotes, kinds)).count() as u32
}
