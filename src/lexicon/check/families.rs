//! Verb families in attribution files: every lemma listed with single-word forms should list
//! all of them (base, -s, past, -ing), because irregular forms do not share a stem and exact
//! forms do not inflect.

use super::{Ctx, Findings};
use crate::lexicon::EntryId;
use rustc_hash::FxHashMap;

/// Verb forms every lemma in an `attribution` file should list (base, -s, past, -ing).
const MIN_VERB_FORMS: usize = 4;

pub(super) fn verb_families(cx: &Ctx, out: &mut Findings) {
    for f in cx.lex.files().iter().filter(|f| f.name == "attribution") {
        let mut families: FxHashMap<&str, (EntryId, usize)> = FxHashMap::default();
        for id in f.entries.clone() {
            let e = cx.lex.entry(id);
            if let (Some(lemma), 1) = (e.lemma.as_deref(), e.elems.len()) {
                families.entry(lemma).or_insert((id, 0)).1 += 1;
            }
        }
        for (lemma, (id, n)) in families {
            if n < MIN_VERB_FORMS && lemma.split_whitespace().count() == 1 {
                out.push(
                    id,
                    "verb-family",
                    format!(
                        "lemma '{lemma}' lists {n} single-word form(s); list base, -s, past and -ing forms"
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::check::tests::{kinds, lexicon};

    #[test]
    fn incomplete_families_in_attribution_only() {
        let rows = "=say,a/neutral,0,say,team\n=said,a/neutral,0,say,team\n\
                    =claim,a/doubting,-1,claim,team\n=claims,a/doubting,-1,claim,team\n\
                    =claimed,a/doubting,-1,claim,team\n=claiming,a/doubting,-1,claim,team\n\
                    according =to,a/neutral,0,according to,team\n";
        let lex = lexicon(&[("attribution", rows), ("other", "=say,x,0,say,team\n")]);
        assert_eq!(kinds(&lex), vec![("verb-family", "attribution.csv:2".into())]);
    }
}
