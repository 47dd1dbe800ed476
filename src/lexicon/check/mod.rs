//! Lexicon lint: findings a curator should look at before a lexicon is used. Owns the
//! [`Finding`] type, the list of [`KINDS`] and their order; each family of lints lives in its
//! own submodule and only reads the compiled [`Lexicon`].
//!
//! The matching lints are sound for the matcher as it is: each names an entry that can never
//! match, can never be counted, or matches words its author did not write. The others check
//! specificity (short stems and prefixes), completeness (verb families) and provenance.

mod families;
mod shadow;
mod stems;
mod unmatchable;

use super::pattern::parse;
use super::{Elem, EntryId, Lexicon};

/// One lint finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// `origin:line`.
    pub location: String,
    /// Short machine-readable kind, one of [`KINDS`].
    pub kind: &'static str,
    /// What to look at.
    pub message: String,
}

/// Every finding kind with a one-line description, in the order findings on one line are
/// listed.
pub const KINDS: &[(&str, &str)] = &[
    (
        "never-matches",
        "a phrase needs characters between its words that matching does not allow (`9/11`, `u.s. troops`)",
    ),
    (
        "shadowed",
        "another entry of the same file matches everything this one matches and wins every tie, so it is never counted",
    ),
    (
        "stem-collision",
        "a single-word entry shares its stem with a different word of another category or polarity in the same file",
    ),
    (
        "function-word",
        "a word stems like a common English function word (`willful` → `will`), so it matches that word",
    ),
    ("short-stem", "a stem of one or two letters, shared by unrelated words (`added` → `ad`)"),
    ("short-prefix", "a prefix (`word*`) of fewer than 4 letters"),
    ("verb-family", "an attribution lemma lists fewer than 4 single-word forms"),
    ("no-source", "a row without provenance in `source`"),
];

/// All findings for `lex`, in file and line order (then in the order of [`KINDS`]).
pub fn check(lex: &Lexicon) -> Vec<Finding> {
    let cx = Ctx::new(lex);
    let mut out = Findings::default();
    unmatchable::never_matches(&cx, &mut out);
    let shadowed = shadow::shadowed(&cx, &mut out);
    stems::stem_collisions(&cx, &shadowed, &mut out);
    stems::function_words(&cx, &mut out);
    stems::short_stems(&cx, &mut out);
    short_prefixes(&cx, &mut out);
    families::verb_families(&cx, &mut out);
    provenance(&cx, &mut out);
    out.finish(&cx)
}

/// Read-only views of a lexicon that the lints share: element texts by id, stems of exact
/// forms, and the written words of each entry.
pub(super) struct Ctx<'a> {
    lex: &'a Lexicon,
    stems: Vec<&'a str>,
    exacts: Vec<&'a str>,
    prefixes: Vec<&'a str>,
    /// The stem id of each exact form, when that stem is in the vocabulary.
    exact_stem: Vec<Option<u32>>,
}

impl<'a> Ctx<'a> {
    fn new(lex: &'a Lexicon) -> Ctx<'a> {
        fn by_id(map: &rustc_hash::FxHashMap<Box<str>, u32>) -> Vec<&str> {
            let mut v = vec![""; map.len()];
            for (k, &id) in map {
                v[id as usize] = k;
            }
            v
        }
        let exacts = by_id(&lex.vocab.exacts);
        let exact_stem =
            exacts.iter().map(|w| lex.vocab.stems.get(&*lex.stemmer.stem(w)).copied()).collect();
        Ctx {
            lex,
            stems: by_id(&lex.vocab.stems),
            exacts,
            prefixes: by_id(&lex.vocab.prefixes),
            exact_stem,
        }
    }

    /// The stem, exact form or prefix (without `*`) an element compiled to.
    fn text(&self, el: Elem) -> &'a str {
        match el {
            Elem::Stem(id) => self.stems[id as usize],
            Elem::Exact(id) => self.exacts[id as usize],
            Elem::Prefix(id) => self.prefixes[id as usize],
        }
    }

    /// The words of an entry as written (normalised), one per element.
    fn words(&self, id: EntryId) -> Vec<String> {
        parse(&self.lex.entry(id).pattern)
            .map(|v| v.into_iter().map(|e| e.text).collect())
            .unwrap_or_default()
    }

    /// Entry ids of every file, in file order.
    fn files(&self) -> impl Iterator<Item = std::ops::Range<EntryId>> + '_ {
        self.lex.files().iter().map(|f| f.entries.clone())
    }
}

/// Findings collected by entry, sorted at the end.
#[derive(Default)]
pub(super) struct Findings {
    /// (entry, rank of the kind in [`KINDS`], kind, message).
    items: Vec<(EntryId, usize, &'static str, String)>,
}

impl Findings {
    /// Records a finding of `kind` (one of [`KINDS`]) on entry `id`.
    fn push(&mut self, id: EntryId, kind: &'static str, message: String) {
        let rank = KINDS.iter().position(|(k, _)| *k == kind).expect("kind listed in KINDS");
        self.items.push((id, rank, kind, message));
    }

    fn finish(mut self, cx: &Ctx) -> Vec<Finding> {
        self.items.sort_by_key(|&(id, rank, _, _)| (id, rank));
        self.items
            .into_iter()
            .map(|(id, _, kind, message)| Finding { location: location(cx.lex, id), kind, message })
            .collect()
    }
}

/// `origin:line` of an entry.
fn location(lex: &Lexicon, id: EntryId) -> String {
    let e = lex.entry(id);
    format!("{}:{}", lex.file(e.file).origin, e.line)
}

fn short_prefixes(cx: &Ctx, out: &mut Findings) {
    for (id, e) in cx.lex.entries().iter().enumerate() {
        for &el in e.elems.iter() {
            if matches!(el, Elem::Prefix(_)) && cx.text(el).chars().count() < 4 {
                out.push(
                    id as EntryId,
                    "short-prefix",
                    format!(
                        "prefix '{}*' in '{}' is shorter than 4 letters",
                        cx.text(el),
                        e.pattern
                    ),
                );
            }
        }
    }
}

fn provenance(cx: &Ctx, out: &mut Findings) {
    for (id, e) in cx.lex.entries().iter().enumerate() {
        if e.source.trim().is_empty() {
            out.push(
                id as EntryId,
                "no-source",
                format!("'{}' has no source (provenance)", e.pattern),
            );
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::language::Language;
    use crate::lexicon::LexiconBuilder;

    /// Compiles `(name, rows)` files (header `pattern,category,polarity,lemma,source`).
    pub(crate) fn lexicon(files: &[(&str, &str)]) -> Lexicon {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        for (name, rows) in files {
            let text = format!("pattern,category,polarity,lemma,source\n{rows}");
            b.add_text(&format!("{name}.csv"), name, &text).unwrap();
        }
        b.build()
    }

    /// `(kind, location)` of every finding.
    pub(crate) fn kinds(lex: &Lexicon) -> Vec<(&'static str, String)> {
        check(lex).into_iter().map(|f| (f.kind, f.location)).collect()
    }

    #[test]
    fn prefixes_and_provenance() {
        let rows = "ter*,loaded,-1,,team\nterroris*,loaded,-2,,team\nmassacre,loaded,-2,,\n";
        let lex = lexicon(&[("l", rows)]);
        assert_eq!(
            kinds(&lex),
            vec![
                ("short-prefix", "l.csv:2".into()),
                ("shadowed", "l.csv:3".into()),
                ("no-source", "l.csv:4".into())
            ]
        );
    }

    #[test]
    fn findings_are_in_line_then_kind_order() {
        let lex = lexicon(&[("l", "=9/11,loaded,-1,,\nter*,loaded,-1,,\n")]);
        let got = kinds(&lex);
        assert_eq!(
            got,
            vec![
                ("never-matches", "l.csv:2".into()),
                ("no-source", "l.csv:2".into()),
                ("short-prefix", "l.csv:3".into()),
                ("no-source", "l.csv:3".into()),
            ]
        );
    }

    #[test]
    fn every_kind_is_described() {
        for (k, d) in KINDS {
            assert!(!k.is_empty() && !d.is_empty());
        }
        let mut names: Vec<_> = KINDS.iter().map(|(k, _)| *k).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), KINDS.len());
    }
}
