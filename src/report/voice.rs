//! The framing-device columns appended to `documents.csv` and `outlets.csv`: token counts by
//! voice, every top-level category's count and rate in authorial and in quoted voice (rates
//! per 1,000 tokens of that voice), scare quotes, the mean sentence tone, and the headline
//! score (intensity-weighted loaded language in authorial voice).

use super::cells::{per_1k, tone};
use crate::aggregate::{DeviceTotals, GroupTotals};
use crate::analysis::DocAnalysis;
use crate::lexicon::Lexicon;

/// The cells of one document.
pub(super) fn document(lex: &Lexicon, a: &DocAnalysis) -> Vec<String> {
    let all: Vec<u64> = a.category_counts.iter().map(|&n| u64::from(n)).collect();
    let quoted: Vec<u64> = a.category_counts_quoted.iter().map(|&n| u64::from(n)).collect();
    let totals = Totals {
        tokens: u64::from(a.tokens),
        quoted_tokens: u64::from(a.quoted_tokens),
        categories: &all,
        quoted: &quoted,
        scare_quotes: u64::from(a.scare_quotes()),
        loaded_weight: u64::from(a.loaded_weight_authorial),
        sentences: u64::from(a.sentences),
        tone_micro: a.tone_micro,
    };
    totals.cells(lex)
}

/// The cells of one group of documents.
pub(super) fn group(lex: &Lexicon, g: &GroupTotals) -> Vec<String> {
    let d: &DeviceTotals = &g.devices;
    let totals = Totals {
        tokens: g.tokens,
        quoted_tokens: d.quoted_tokens,
        categories: &g.categories,
        quoted: &d.categories_quoted,
        scare_quotes: d.scare_quotes,
        loaded_weight: d.loaded_weight_authorial,
        sentences: g.sentences,
        tone_micro: d.tone_micro,
    };
    totals.cells(lex)
}

struct Totals<'a> {
    tokens: u64,
    quoted_tokens: u64,
    categories: &'a [u64],
    quoted: &'a [u64],
    scare_quotes: u64,
    loaded_weight: u64,
    sentences: u64,
    tone_micro: i64,
}

impl Totals<'_> {
    fn cells(&self, lex: &Lexicon) -> Vec<String> {
        let authorial_tokens = self.tokens - self.quoted_tokens;
        let mut row = vec![authorial_tokens.to_string(), self.quoted_tokens.to_string()];
        for &top in lex.top_categories() {
            let all = self.categories.get(top.index()).copied().unwrap_or(0);
            let quoted = self.quoted.get(top.index()).copied().unwrap_or(0);
            let authorial = all - quoted;
            row.push(authorial.to_string());
            row.push(per_1k(authorial, authorial_tokens));
            row.push(quoted.to_string());
            row.push(per_1k(quoted, self.quoted_tokens));
        }
        row.push(self.scare_quotes.to_string());
        row.push(per_1k(self.scare_quotes, self.tokens));
        row.push(tone(self.tone_micro, self.sentences));
        row.push(self.loaded_weight.to_string());
        row.push(per_1k(self.loaded_weight, authorial_tokens));
        row
    }
}
