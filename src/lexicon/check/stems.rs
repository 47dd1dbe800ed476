//! Stem lints: a plain (stemmed) word matches every word with its stem, so it is worth a look
//! when that stem is tiny (`added` → `ad`), when it is the stem of a function word (`willful`
//! → `will`), or when a single-word entry's stem is shared by a different word of the same
//! file that the curator put in another category or polarity (`liberal` and `liberation` both
//! stem to `liber`).

use super::context::{Ctx, Findings};
use crate::language::Language;
use crate::language::english::FUNCTION_WORDS;
use crate::lexicon::{Elem, EntryId};
use rustc_hash::{FxHashMap, FxHashSet};

/// Stems shorter than this are shared by too many unrelated words.
const MIN_STEM_CHARS: usize = 3;

pub(super) fn short_stems(cx: &Ctx, out: &mut Findings) {
    for (id, e) in cx.lex.entries().iter().enumerate() {
        for &el in e.elems.iter() {
            let stem = cx.text(el);
            if matches!(el, Elem::Stem(_)) && stem.chars().count() < MIN_STEM_CHARS {
                out.push(
                    EntryId(id as u32),
                    "short-stem",
                    format!(
                        "'{}' stems to '{stem}', which unrelated words share; use an exact (=word) pattern",
                        e.pattern
                    ),
                );
            }
        }
    }
}

pub(super) fn function_words(cx: &Ctx, out: &mut Findings) {
    if cx.lex.language() != Language::ENGLISH {
        return;
    }
    let stemmer = cx.lex.stemmer();
    let by_stem: FxHashMap<String, &str> =
        FUNCTION_WORDS.iter().rev().map(|&w| (stemmer.stem(w).into_owned(), w)).collect();
    let function: FxHashSet<&str> = FUNCTION_WORDS.iter().copied().collect();
    for (id, e) in cx.lex.entries().iter().enumerate() {
        let words = cx.words(EntryId(id as u32));
        for (&el, word) in e.elems.iter().zip(&words) {
            let stem = cx.text(el);
            if !matches!(el, Elem::Stem(_))
                || stem.chars().count() < MIN_STEM_CHARS
                || function.contains(word.as_str())
            {
                continue;
            }
            if let Some(fw) = by_stem.get(stem) {
                out.push(
                    EntryId(id as u32),
                    "function-word",
                    format!(
                        "'{word}' in '{}' stems to '{stem}' like the function word '{fw}', so it also matches '{fw}'; write ={word}",
                        e.pattern
                    ),
                );
            }
        }
    }
}

/// Whether `a` and `b` look like inflections of one word (crime/crimes, hope/hoping,
/// cry/cries), which sharing a stem is meant for.
fn same_lexeme(a: &str, b: &str) -> bool {
    fn bases(w: &str) -> Vec<String> {
        let mut v = vec![w.to_string()];
        for suffix in ["'s", "ing", "ed", "es", "s", "d", "er", "est"] {
            if let Some(base) = w.strip_suffix(suffix)
                && base.len() >= 2
            {
                v.push(base.to_string());
            }
        }
        for suffix in ["ies", "ied", "ier", "iest"] {
            if let Some(base) = w.strip_suffix(suffix) {
                v.push(format!("{base}y"));
            }
        }
        // die/dying, lie/lying, tie/tying.
        if let Some(base) = w.strip_suffix("ying") {
            v.push(format!("{base}ie"));
        }
        // hope/hoping, stop/stopped: drop a final e and a doubled final consonant.
        let extra: Vec<String> = v
            .iter()
            .flat_map(|b| {
                let mut x = Vec::new();
                if let Some(s) = b.strip_suffix('e') {
                    x.push(s.to_string());
                }
                let c: Vec<char> = b.chars().collect();
                if c.len() > 2 && c[c.len() - 1] == c[c.len() - 2] {
                    x.push(c[..c.len() - 1].iter().collect());
                }
                x
            })
            .collect();
        v.extend(extra);
        v
    }
    let (x, y) = (bases(a), bases(b));
    x.iter().any(|s| y.contains(s))
}

pub(super) fn stem_collisions(cx: &Ctx, dead: &FxHashSet<EntryId>, out: &mut Findings) {
    for range in cx.files() {
        // Single-word plain entries by stem id.
        let mut singles: FxHashMap<u32, Vec<EntryId>> = FxHashMap::default();
        for id in range.clone().filter(|id| !dead.contains(id)) {
            if let [Elem::Stem(s)] = *cx.lex.entry(id).elems {
                singles.entry(s).or_default().push(id);
            }
        }
        let mut reported: FxHashSet<(EntryId, EntryId)> = FxHashSet::default();
        for other in range.filter(|id| !dead.contains(id)) {
            let oe = cx.lex.entry(other);
            let words = cx.words(other);
            for (&el, word) in oe.elems.iter().zip(&words) {
                let Elem::Stem(s) = el else { continue };
                for &single in singles.get(&s).map_or(&[][..], |v| v) {
                    let se = cx.lex.entry(single);
                    let single_word = &cx.words(single)[0];
                    let differs = se.category != oe.category || se.polarity != oe.polarity;
                    if single == other || !differs || same_lexeme(single_word, word) {
                        continue;
                    }
                    let (first, second) = (single.min(other), single.max(other));
                    if !reported.insert((first, second)) {
                        continue;
                    }
                    let cat = |e: &crate::lexicon::Entry| cx.lex.category(e.category).path.clone();
                    out.push(
                        second,
                        "stem-collision",
                        format!(
                            "'{single_word}' ('{}', line {}, {} {}) and '{word}' ('{}', line {}, {} {}) both stem to '{}', so '{}' also matches '{word}'",
                            se.pattern,
                            se.line,
                            cat(se),
                            polarity(se.polarity),
                            oe.pattern,
                            oe.line,
                            cat(oe),
                            polarity(oe.polarity),
                            cx.text(el),
                            se.pattern,
                        ),
                    );
                }
            }
        }
    }
}

fn polarity(p: Option<i8>) -> String {
    p.map_or_else(|| "no polarity".into(), |p| format!("polarity {p:+}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::check::tests::{kinds, lexicon};

    #[test]
    fn inflections_are_one_lexeme() {
        for (a, b) in [
            ("crime", "crimes"),
            ("hope", "hoping"),
            ("cry", "cries"),
            ("stop", "stopped"),
            ("regime", "regime's"),
            ("die", "dying"),
        ] {
            assert!(same_lexeme(a, b), "{a} {b}");
            assert!(same_lexeme(b, a), "{b} {a}");
        }
        for (a, b) in [("liberal", "liberation"), ("general", "generous"), ("police", "policy")] {
            assert!(!same_lexeme(a, b), "{a} {b}");
        }
    }

    #[test]
    fn short_function_and_colliding_stems() {
        let rows = "added,loaded,0,,team\nwillful killing,loaded/violence,-2,,team\n\
                    overly,loaded/x,-1,,team\n=overly,loaded/y,-1,,team\n\
                    liberal,loaded/partisan,-1,,team\nnational liberation,loaded/legit,2,,team\n\
                    crimes,loaded/crime,-2,,team\nwar =on crime,loaded/metaphor,-1,,team\n\
                    against all odds,loaded/y,1,,team\n";
        let lex = lexicon(&[("l", rows)]);
        assert_eq!(
            kinds(&lex),
            vec![
                ("short-stem", "l.csv:2".into()),
                ("function-word", "l.csv:3".into()),
                ("function-word", "l.csv:4".into()),
                ("shadowed", "l.csv:5".into()),
                ("stem-collision", "l.csv:7".into()),
            ]
        );
    }

    #[test]
    fn collisions_are_per_file_and_need_a_difference() {
        let lex = lexicon(&[
            ("a", "liberal,loaded/partisan,-1,,team\n"),
            ("b", "liberation,loaded/legit,2,,team\n"),
            ("c", "liberal,loaded/p,-1,,team\nliberation struggle,loaded/p,-1,,team\n"),
        ]);
        assert!(kinds(&lex).is_empty(), "{:?}", kinds(&lex));
    }
}
