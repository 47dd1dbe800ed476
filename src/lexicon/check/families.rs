//! Verb families of attribution cues (entries whose role is an attribution cue, per file):
//! every lemma listed with single-word forms should list all of them (base, -s, past, -ing),
//! because irregular forms do not share a stem and exact forms do not inflect.

use super::context::{Ctx, Findings};
use crate::lexicon::{EntryId, Role};
use rustc_hash::FxHashMap;

/// Verb forms every attribution cue lemma should list (base, -s, past, -ing).
const MIN_VERB_FORMS: usize = 4;

pub(super) fn verb_families(cx: &Ctx, out: &mut Findings) {
    for f in cx.lex.files() {
        let mut families: FxHashMap<&str, (EntryId, usize)> = FxHashMap::default();
        for id in f.entry_ids() {
            if !matches!(cx.lex.role(id), Role::AttributionCue { .. }) {
                continue;
            }
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
    fn incomplete_families_of_attribution_cues_only() {
        let rows = "=say,attribution/neutral,0,say,team\n=said,attribution/neutral,0,say,team\n\
                    =claim,attribution/doubting,-1,claim,team\n=claims,attribution/doubting,-1,claim,team\n\
                    =claimed,attribution/doubting,-1,claim,team\n=claiming,attribution/doubting,-1,claim,team\n\
                    according =to,attribution/neutral,0,according to,team\n";
        let lex = lexicon(&[("attribution", rows), ("other", "=say,x,0,say,team\n")]);
        assert_eq!(kinds(&lex), vec![("verb-family", "attribution.csv:2".into())]);
        // The role decides, not the file's name.
        let lex = lexicon(&[("cues", rows), ("attribution", "=tell,x,0,tell,team\n")]);
        assert_eq!(kinds(&lex), vec![("verb-family", "cues.csv:2".into())]);
    }
}
