//! Voice: whether words stand in the outlet's own (authorial) voice or in someone else's
//! (quoted voice). Built on [`crate::quotes`] and the quotation kinds of `scare`: a token is
//! quoted when a quotation contains it, except the words of a scare quote that no other
//! quotation contains, which are the outlet's own device; a hit is quoted when its first word
//! is.

use super::scare::QuoteKind;
use crate::quotes::Quote;

/// Whether a token whose innermost quotation is `q` (`u32::MAX`: none) is in quoted voice.
pub fn is_quoted(q: u32, quotes: &[Quote], kinds: &[QuoteKind]) -> bool {
    let Some(quote) = quotes.get(q as usize) else { return false };
    kinds[q as usize] != QuoteKind::Scare || quote.depth > 0
}

/// Tokens in quoted voice.
pub fn quoted_tokens(tok_quote: &[u32], quotes: &[Quote], kinds: &[QuoteKind]) -> u32 {
    tok_quote.iter().filter(|&&q| is_quoted(q, quotes, kinds)).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::Flags;
    use crate::devices::testing::flag_of;
    use crate::segment::{TokenBuffer, tokenize};

    fn quoted(text: &str) -> u32 {
        let lex = crate::devices::testing::lexicon();
        let roles = lex.roles();
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let mut hits = Vec::new();
        let mut m = crate::matcher::MatchScratch::new();
        crate::matcher::find_hits(&lex, text, &buf, &mut m, &mut hits);
        let mut d = crate::devices::DeviceScratch::default();
        d.prepare(text, &buf, &hits, roles, &mut Vec::new());
        quoted_tokens(&d.tok_quote, &d.quotes, &d.quote_kind)
    }

    fn in_quote(text: &str, word: &str) -> bool {
        flag_of(text, word).contains(Flags::IN_QUOTE)
    }

    #[test]
    fn every_kind_of_quotation_mark() {
        assert!(in_quote("He said “the regime fell” today.", "regime"));
        assert!(in_quote("He said \"the regime fell\" today.", "regime"));
        assert!(in_quote("He said ‘the regime fell’ today.", "regime"));
        assert!(in_quote("He said 'the regime fell' today.", "regime"));
        assert!(in_quote("Il a dit « the regime fell at dawn » hier.", "regime"));
        assert!(in_quote("“She called it ‘a brutal regime’,” he said.", "regime"));
        assert!(!in_quote("The militants’ regime and its ’90s “no” vote.", "regime"));
        assert!(!in_quote("The militants' leaders don't deny the regime 'ties.", "regime"));
    }

    #[test]
    fn a_quotation_left_open_runs_into_the_next_quoted_paragraph() {
        let text =
            "“The regime fell,\n\n“and the massacre began,” she said.\n\nThe regime denied it.";
        let lex = crate::devices::testing::lexicon();
        let got = crate::devices::testing::flags_of(&lex, text);
        let voices: Vec<bool> = got.iter().map(|(_, f)| f.contains(Flags::IN_QUOTE)).collect();
        assert_eq!(voices, vec![true, true, false, false]); // regime, massacre, said, regime
        assert_eq!(quoted("He said “b c d e f” and ‘g’."), 6);
        // A scare quote is the outlet's own voice.
        assert_eq!(quoted("A “b c” d."), 0);
        assert!(!in_quote("The “regime” fell.", "regime"));
        // ... unless it stands inside a quotation.
        assert!(in_quote("“Their ‘regime’ fell at last, we hope,” she said.", "regime"));
        assert_eq!(quoted("Nobody’s words."), 0);
    }
}
