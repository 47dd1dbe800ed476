//! Lexicon lint: findings a curator should look at before a lexicon is used. Owns the
//! [`Finding`] type, the list of [`KINDS`] and their order; each family of lints lives in its
//! own submodule and only reads the compiled [`Lexicon`].
//!
//! The matching lints are sound for the matcher as it is: each names an entry that can never
//! match, can never be counted, or matches words its author did not write. The others check
//! specificity (short stems and prefixes), completeness (verb families) and provenance.

mod context;
mod families;
mod shadow;
mod stems;
mod unmatchable;

pub use context::{Finding, KINDS};

use crate::lexicon::{Elem, EntryId, Lexicon};
use context::{Ctx, Findings};

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

fn short_prefixes(cx: &Ctx, out: &mut Findings) {
    for (id, e) in cx.lex.entries().iter().enumerate() {
        for &el in e.elems.iter() {
            if matches!(el, Elem::Prefix(_)) && cx.text(el).chars().count() < 4 {
                out.push(
                    EntryId(id as u32),
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
                EntryId(id as u32),
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
