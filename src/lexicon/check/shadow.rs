//! Entries that are never counted because another entry of the same file always wins.
//! Matching is leftmost-longest and a token counts once per file; among entries of one
//! length starting at one token the earliest row wins. So an entry is dead when an earlier
//! row of the same length matches every word it matches (`terrorist` after `terroris*`,
//! `=massacres` after `massacre`, `=ripped =into` after `rip into`).
//!
//! A longer entry never hides a shorter one everywhere (it needs words the shorter one does
//! not), so `war` inside `war crimes` is the intended leftmost-longest behaviour. Chains where
//! a longer entry ends inside a phrase (`a b` taking `b` from `b c`) are not reported either:
//! on the bundled lexicons nearly all of them are word sequences that do not occur.

use super::context::{Ctx, Findings};
use crate::lexicon::{Elem, EntryId};
use rustc_hash::FxHashSet;

/// Porter2 stems that do not begin their words (dying → die, lying → lie, tying → tie).
const IRREGULAR_STEMS: &[&str] = &["die", "lie", "tie"];

impl Ctx<'_> {
    /// Whether every token that `narrow` matches is also matched by `wide`.
    fn subsumes(&self, wide: Elem, narrow: Elem) -> bool {
        match (wide, narrow) {
            (a, b) if a == b => true,
            (Elem::Stem(s), Elem::Exact(x)) => self.exact_stem[x as usize] == Some(s),
            (Elem::Prefix(_), Elem::Exact(_)) | (Elem::Prefix(_), Elem::Prefix(_)) => {
                self.text(narrow).starts_with(self.text(wide))
            }
            // A word with stem `s` starts with `s` minus its last character (Porter2 rewrites
            // at most the final letter it keeps: hope → hoping, possibl ← possibility), except
            // for its special forms dying, lying and tying.
            (Elem::Prefix(_), Elem::Stem(_)) => {
                let (p, s) = (self.text(wide), self.text(narrow));
                s.starts_with(p)
                    && p.chars().count() < s.chars().count()
                    && !IRREGULAR_STEMS.contains(&s)
            }
            _ => false,
        }
    }
}

/// Reports entries that are never counted; returns their ids.
pub(super) fn shadowed(cx: &Ctx, out: &mut Findings) -> FxHashSet<EntryId> {
    let mut dead = FxHashSet::default();
    for range in cx.files() {
        let mut by_len: Vec<Vec<EntryId>> = Vec::new();
        for id in range {
            let n = cx.lex.entry(id).elems.len();
            if by_len.len() <= n {
                by_len.resize(n + 1, Vec::new());
            }
            by_len[n].push(id);
        }
        for group in &by_len {
            for (j, &id) in group.iter().enumerate() {
                let e = cx.lex.entry(id);
                let winner = group[..j].iter().copied().find(|&w| {
                    let we = &cx.lex.entry(w).elems;
                    we.iter().zip(e.elems.iter()).all(|(&a, &b)| cx.subsumes(a, b))
                });
                let Some(w) = winner else { continue };
                let we = cx.lex.entry(w);
                let how = if we.elems == e.elems {
                    "matches exactly what"
                } else {
                    "matches everything that"
                };
                out.push(
                    id,
                    "shadowed",
                    format!(
                        "'{}' (line {}) {how} '{}' matches and comes first, so '{}' is never counted",
                        we.pattern, we.line, e.pattern, e.pattern
                    ),
                );
                dead.insert(id);
            }
        }
    }
    dead
}

#[cfg(test)]
mod tests {
    use crate::lexicon::check::tests::{kinds, lexicon};

    #[test]
    fn never_counted_entries() {
        let rows = "massacre,loaded,-2,,team\n=massacres,loaded,-2,,team\nterroris*,loaded,-2,,team\n\
                    terrorist,loaded,-2,,team\n=terrorists,loaded,-2,,team\nmassacres,loaded,-1,,team\n\
                    =slain,loaded,-2,,team\nslain,loaded,-2,,team\nwar crimes,loaded,-2,,team\n\
                    war =crimes,loaded,-2,,team\n";
        let lex = lexicon(&[("l", rows)]);
        let found = kinds(&lex);
        // The exact `=slain` comes before the stem `slain`, which still matches `slains`.
        assert_eq!(
            found,
            ["l.csv:3", "l.csv:5", "l.csv:6", "l.csv:7", "l.csv:11"]
                .into_iter()
                .map(|l| ("shadowed", l.to_string()))
                .collect::<Vec<_>>()
        );
    }

    /// `Prefix(p)` subsumes `Stem(s)` when `p` is a prefix of `s` shorter than `s`; that rests on
    /// Porter2 changing at most the last letter it keeps, checked here on its rewriting rules.
    #[test]
    fn a_stem_without_its_last_letter_prefixes_the_word() {
        let stemmer = crate::stem::Stemmer::new(crate::language::Language::ENGLISH);
        for w in [
            "possibility",
            "possibly",
            "hoping",
            "hopping",
            "cries",
            "cried",
            "creation",
            "creator",
            "relational",
            "sensitivity",
            "activity",
            "troubling",
            "luxuriating",
            "generously",
            "terrorists",
            "terrorist's",
            "dying",
            "lying",
            "skies",
            "happiness",
            "ability",
            "conditional",
            "valency",
            "hesitancy",
            "digitizer",
            "formalism",
            "hopefulness",
        ] {
            let stem = stemmer.stem(w);
            let keep: String = stem.chars().take(stem.chars().count().saturating_sub(1)).collect();
            let irregular = super::IRREGULAR_STEMS.contains(&&*stem);
            assert!(w.starts_with(&keep) != irregular, "{w} -> {stem}");
        }
    }

    #[test]
    fn shadowing_is_per_file() {
        let lex = lexicon(&[("a", "massacre,loaded,-2,,team\n"), ("b", "=massacres,x,-2,,team\n")]);
        assert!(kinds(&lex).is_empty());
    }
}
