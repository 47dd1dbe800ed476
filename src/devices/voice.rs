//! Voice: whether words stand in the outlet's own (authorial) voice or inside quotation marks
//! (quoted voice). Built on [`crate::quotes`]; a token is quoted when any quotation (scare
//! quotes included) contains it, and a hit is quoted when its first word is.

/// The voice of a word or hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Voice {
    /// The outlet's own words.
    Authorial,
    /// Inside quotation marks.
    Quoted,
}

impl Voice {
    /// The voice of a token, from its innermost quotation (`u32::MAX` when none).
    pub fn of(tok_quote: u32) -> Voice {
        if tok_quote == u32::MAX { Voice::Authorial } else { Voice::Quoted }
    }
}

/// Tokens inside quotation marks.
pub fn quoted_tokens(tok_quote: &[u32]) -> u32 {
    tok_quote.iter().filter(|&&q| q != u32::MAX).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::Flags;
    use crate::devices::testing::flag_of;
    use crate::quotes::{find_quotes, token_quotes};
    use crate::segment::{TokenBuffer, tokenize};

    fn quoted(text: &str) -> u32 {
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let (mut q, mut tq) = (Vec::new(), Vec::new());
        find_quotes(text, &buf, &mut q);
        token_quotes(&buf, &q, &mut tq);
        quoted_tokens(&tq)
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
        assert!(in_quote("Il a dit « the regime fell » hier.", "regime"));
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
        assert_eq!(quoted("A “b c” d ‘e’."), 3);
        assert_eq!(quoted("Nobody’s words."), 0);
    }
}
