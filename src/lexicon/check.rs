//! Lexicon lint: findings a curator should look at. Entries that share a compiled form with
//! an earlier one (they can never match), stems that collide with unrelated words, verb
//! families with missing forms, prefixes too short to be specific, rows without provenance.

use super::{Elem, Lexicon};
use rustc_hash::FxHashMap;

/// One lint finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// `origin:line`.
    pub location: String,
    /// Short machine-readable kind (`shadowed`, `short-stem`, ...).
    pub kind: &'static str,
    /// What to look at.
    pub message: String,
}

/// Verb forms every lemma in an `attribution` file should list (base, -s, past, -ing).
const MIN_VERB_FORMS: usize = 4;

/// All findings for `lex`, in file and line order.
pub fn check(lex: &Lexicon) -> Vec<Finding> {
    let mut out = Vec::new();
    let loc = |id: u32| {
        let e = lex.entry(id);
        format!("{}:{}", lex.file(e.file).origin, e.line)
    };
    // Same compiled elements in one file: the later entry can never match.
    let mut first: FxHashMap<(u32, &[Elem]), u32> = FxHashMap::default();
    for (id, e) in lex.entries().iter().enumerate() {
        if let Some(&prev) = first.get(&(e.file, &e.elems[..])) {
            out.push(Finding {
                location: loc(id as u32),
                kind: "shadowed",
                message: format!(
                    "'{}' matches exactly what '{}' (line {}) matches, so it can never be counted",
                    e.pattern,
                    lex.entry(prev).pattern,
                    lex.entry(prev).line
                ),
            });
        } else {
            first.insert((e.file, &e.elems[..]), id as u32);
        }
        for &el in e.elems.iter() {
            match el {
                Elem::Stem(_) => {
                    let stem = lex.elem_text(el);
                    if stem.chars().count() < 3 {
                        out.push(Finding {
                            location: loc(id as u32),
                            kind: "short-stem",
                            message: format!(
                                "'{}' stems to '{stem}', which unrelated words share; use an exact (=word) pattern",
                                e.pattern
                            ),
                        });
                    }
                }
                Elem::Prefix(_) => {
                    if lex.elem_text(el).chars().count() < 4 {
                        out.push(Finding {
                            location: loc(id as u32),
                            kind: "short-prefix",
                            message: format!("prefix in '{}' is shorter than 4 letters", e.pattern),
                        });
                    }
                }
                Elem::Exact(_) => {}
            }
        }
        if e.source.trim().is_empty() {
            out.push(Finding {
                location: loc(id as u32),
                kind: "no-source",
                message: format!("'{}' has no source (provenance)", e.pattern),
            });
        }
    }
    // Verb families in attribution files: single-word entries grouped by lemma.
    for f in lex.files().iter().filter(|f| f.name == "attribution") {
        let mut families: FxHashMap<&str, (u32, usize)> = FxHashMap::default();
        for id in f.entries.clone() {
            let e = lex.entry(id);
            if let (Some(lemma), 1) = (e.lemma.as_deref(), e.elems.len()) {
                let fam = families.entry(lemma).or_insert((id, 0));
                fam.1 += 1;
            }
        }
        let mut fams: Vec<_> = families.into_iter().collect();
        fams.sort_by_key(|(_, (id, _))| *id);
        for (lemma, (id, n)) in fams {
            if n < MIN_VERB_FORMS && lemma.split_whitespace().count() == 1 {
                out.push(Finding {
                    location: loc(id),
                    kind: "verb-family",
                    message: format!(
                        "lemma '{lemma}' lists {n} single-word form(s); list base, -s, past and -ing forms"
                    ),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::lexicon::LexiconBuilder;

    #[test]
    fn finds_shadowed_short_stems_and_families() {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        b.add_text(
            "a.csv",
            "attribution",
            "pattern,category,lemma,source\n=say,attribution/neutral,say,team\n=said,attribution/neutral,say,team\nadded,attribution/neutral,add,team\n",
        )
        .unwrap();
        b.add_text(
            "l.csv",
            "loaded",
            "pattern,category,source\nmassacre,loaded,team\nmassacres,loaded,\nter*,loaded,team\n",
        )
        .unwrap();
        let kinds: Vec<(&str, String)> =
            check(&b.build()).into_iter().map(|f| (f.kind, f.location)).collect();
        assert!(kinds.contains(&("short-stem", "a.csv:4".into())), "{kinds:?}");
        assert!(kinds.contains(&("shadowed", "l.csv:3".into())), "{kinds:?}");
        assert!(kinds.contains(&("no-source", "l.csv:3".into())), "{kinds:?}");
        assert!(kinds.contains(&("short-prefix", "l.csv:4".into())), "{kinds:?}");
        assert!(kinds.contains(&("verb-family", "a.csv:2".into())), "{kinds:?}");
    }
}
