//! Proper names: whether a hit stands inside a longer capitalised name (an organisation, a
//! publication, the title of a law or a work, a named database: `Global Terrorism Database`,
//! `Jobless Claims`, `New York Post`). Such hits are flagged `in_name` and left out of the
//! counts; a hit that *is* the whole name (a label such as `Israel Defense Forces`, a loaded
//! entry such as `Deep State`) is the outlet's word choice and stays.
//!
//! The rule, over the tokens of one sentence: a *name run* is a maximal sequence of
//! capitalised words, joined by nothing or by one of a few lowercase connectors (`of`, `the`,
//! `for`, `and`, `on`, `in`, `to`, `&`) that stand between two capitalised words. A hit is in
//! a name when all its words are capitalised, its run reaches beyond it, and the run holds at
//! least two capitalised words other than the sentence's first word (so `Radical Islamic
//! terrorism` opening a sentence is not a name). The run never grows left onto the sentence's
//! first word, whose capital says nothing (`The Democrat Party said`). Sentences in title case
//! (headlines, captions: at least two words of four or more letters after the first word, 80 %
//! of them capitalised) are skipped: there capitals do not mark names.

use crate::language::english::NAME_CONNECTORS;
use crate::segment::Token;
use crate::segment::{CAPITALIZED, SENTENCE_START};
use crate::view::SectionView;

/// Per-thread buffers: which sentences of the section are in title case, and the (long
/// words, capitalised long words) of each sentence that decide it.
#[derive(Default)]
pub(crate) struct NameScratch {
    title_case: Vec<bool>,
    counts: Vec<(u32, u32)>,
}

fn capitalised(t: &Token) -> bool {
    t.flags & CAPITALIZED != 0
}

impl NameScratch {
    /// Marks the title-case sentences of `view`. Call before [`NameScratch::in_name`].
    pub(crate) fn prepare(&mut self, view: &SectionView) {
        let buf = view.buf;
        self.title_case.clear();
        self.title_case.resize(buf.sentences.len(), false);
        self.counts.clear();
        self.counts.resize(buf.sentences.len(), (0, 0));
        for t in &buf.tokens {
            if let Some(c) = self.counts.get_mut(t.sentence as usize) {
                let norm = buf.norm(t);
                let long = norm.chars().next().is_some_and(char::is_alphabetic)
                    && norm.chars().nth(3).is_some()
                    && t.flags & SENTENCE_START == 0;
                c.0 += u32::from(long);
                c.1 += u32::from(long && capitalised(t));
            }
        }
        for (tc, &(words, caps)) in self.title_case.iter_mut().zip(&self.counts) {
            *tc = words >= 2 && caps * 10 >= words * 8;
        }
    }

    /// Whether the hit on tokens `first..end` of `view` stands inside a longer name.
    pub(crate) fn in_name(&self, view: &SectionView, first: usize, end: usize) -> bool {
        let buf = view.buf;
        let toks = &buf.tokens;
        let sentence = toks[first].sentence;
        if self.title_case.get(sentence as usize).copied().unwrap_or(true)
            || !toks[first..end].iter().all(capitalised)
        {
            return false;
        }
        let same = |i: usize| toks[i].sentence == sentence;
        let connector = |i: usize| NAME_CONNECTORS.contains(&buf.norm(&toks[i]));
        // Grow the run left and right of the hit.
        let (mut start, mut stop) = (first, end);
        loop {
            let opens = |i: usize| toks[i].flags & SENTENCE_START != 0;
            if start > 0 && same(start - 1) && capitalised(&toks[start - 1]) && !opens(start - 1) {
                start -= 1;
            } else if start > 1
                && same(start - 2)
                && connector(start - 1)
                && capitalised(&toks[start - 2])
            {
                start -= 2;
            } else {
                break;
            }
        }
        loop {
            if stop < toks.len() && same(stop) && capitalised(&toks[stop]) {
                stop += 1;
            } else if stop + 1 < toks.len()
                && same(stop + 1)
                && connector(stop)
                && capitalised(&toks[stop + 1])
            {
                stop += 2;
            } else {
                break;
            }
        }
        let inner = toks[start..stop]
            .iter()
            .filter(|t| capitalised(t) && t.flags & SENTENCE_START == 0)
            .count();
        (start, stop) != (first, end) && inner >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::testing::lexicon;
    use crate::view::{Section, ViewScratch};

    /// Whether the first hit whose text is `word` in `text` is in a name.
    fn in_name(text: &str, word: &str) -> bool {
        let lex = lexicon();
        let mut vs = ViewScratch::new();
        let view = vs.build(&lex, Section::Body, text);
        let mut n = NameScratch::default();
        n.prepare(&view);
        let t = &view.buf.tokens;
        let first = t.iter().position(|t| &text[t.span.range()] == word).expect("word");
        n.in_name(&view, first, first + 1)
    }

    #[test]
    fn words_inside_longer_names_are_flagged() {
        assert!(in_name("Data from the Global Terrorism Database show it.", "Terrorism"));
        assert!(in_name("He told the New York Post on Monday.", "Post"));
        assert!(in_name("Weekly Jobless Claims rose again.", "Claims"));
        assert!(in_name("She works at the Bureau of Alcohol and Firearms now.", "Alcohol"));
    }

    #[test]
    fn ordinary_words_and_whole_names_are_not() {
        assert!(!in_name("The regime fell on Monday after talks.", "regime"));
        assert!(!in_name("Brutal attacks followed in the north.", "Brutal"));
        assert!(!in_name("Radical Islamic terrorism was the theme.", "Radical"));
        assert!(!in_name("They met Hamas officials in Doha.", "Hamas"));
        assert!(!in_name("The Regime fell.", "Regime"), "the sentence's first word is no name");
        // Title case: capitals mark no names.
        assert!(!in_name("Trump Slams Regime Over New Sanctions", "Regime"));
    }

    #[test]
    fn arbitrary_text_never_panics() {
        use proptest::prelude::*;
        let lex = lexicon();
        proptest!(ProptestConfig::with_cases(300), |(text in "[A-Za-z &.,\n]{0,80}")| {
            let mut vs = ViewScratch::new();
            let view = vs.build(&lex, Section::Body, &text);
            let mut n = NameScratch::default();
            n.prepare(&view);
            for h in view.hits {
                let _ = n.in_name(&view, h.first as usize, h.end as usize);
            }
            for i in 0..view.buf.tokens.len() {
                let _ = n.in_name(&view, i, i + 1);
            }
        });
    }
}
