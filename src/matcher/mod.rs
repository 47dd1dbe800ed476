//! Matching a segmented text against a [`Lexicon`]: per lexicon file, leftmost-longest and
//! non-overlapping, so one token is counted at most once per file. Reads tokens, writes
//! [`Hit`]s; no I/O and no scoring here.

mod cache;

use crate::lexicon::{Elem, EntryId, FileId, Lexicon};
use crate::segment::{Token, TokenBuffer, joinable};
use cache::{Keys, WordCache};

/// A lexicon entry found at a run of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The entry.
    pub entry: EntryId,
    /// First token.
    pub first: u32,
    /// One past the last token.
    pub end: u32,
}

const NONE: u32 = u32::MAX;

/// Reusable per-thread state: the word cache and buffers.
#[derive(Default)]
pub struct MatchScratch {
    cache: WordCache,
    hashes: Vec<u64>,
    keys: Vec<Keys>,
    next_free: Vec<u32>,
    best: Vec<(FileId, EntryId, u32)>,
}

impl MatchScratch {
    /// An empty scratch.
    pub fn new() -> MatchScratch {
        MatchScratch::default()
    }
}

/// What a normalised word can match in `lex`; prefix ids are appended to `pool`.
fn compute_keys(lex: &Lexicon, norm: &str, pool: &mut Vec<u32>) -> Keys {
    let v = &lex.vocab;
    let stem = v.stems.get(&*lex.stemmer.stem(norm)).copied().unwrap_or(NONE);
    let exact = v.exacts.get(norm).copied().unwrap_or(NONE);
    let pfx_start = pool.len() as u32;
    for &len in &v.prefix_lens {
        if len > norm.len() {
            break;
        }
        if norm.is_char_boundary(len)
            && let Some(&id) = v.prefixes.get(&norm[..len])
        {
            pool.push(id);
        }
    }
    Keys { stem, exact, pfx_start, pfx_len: pool.len() as u32 - pfx_start }
}

impl Keys {
    fn matches(&self, elem: Elem, pool: &[u32]) -> bool {
        match elem {
            Elem::Stem(s) => self.stem == s,
            Elem::Exact(e) => self.exact == e,
            Elem::Prefix(p) => {
                pool[self.pfx_start as usize..(self.pfx_start + self.pfx_len) as usize].contains(&p)
            }
        }
    }
}

/// Finds every hit of `lex` in `buf` (the segmentation of `text`), appending to `hits` in
/// order of first token, then file.
pub fn find_hits(
    lex: &Lexicon,
    text: &str,
    buf: &TokenBuffer,
    scratch: &mut MatchScratch,
    hits: &mut Vec<Hit>,
) {
    scratch.cache.trim();
    scratch.keys.clear();
    scratch.hashes.clear();
    let arena = buf.arena.as_bytes();
    scratch.hashes.extend(buf.tokens.iter().map(|t| cache::hash(&arena[t.norm.range()])));
    // Look words up with their table slots prefetched a few tokens ahead: the cache is larger
    // than the processor's, and waiting for memory would dominate.
    const AHEAD: usize = 8;
    for (i, t) in buf.tokens.iter().enumerate() {
        if let Some(&h) = scratch.hashes.get(i + AHEAD) {
            scratch.cache.prefetch(h);
        }
        let word = &arena[t.norm.range()];
        let k =
            scratch.cache.get(word, scratch.hashes[i], |pool| compute_keys(lex, buf.norm(t), pool));
        scratch.keys.push(k);
    }
    scratch.next_free.clear();
    scratch.next_free.resize(lex.files.len(), 0);
    let toks = &buf.tokens;
    for i in 0..toks.len() {
        let k = scratch.keys[i];
        if k.stem == NONE && k.exact == NONE && k.pfx_len == 0 {
            // Most words start no entry.
            continue;
        }
        scratch.best.clear();
        let pfx = k.pfx_start as usize..(k.pfx_start + k.pfx_len) as usize;
        let firsts = [
            (k.stem != NONE).then_some(Elem::Stem(k.stem)),
            (k.exact != NONE).then_some(Elem::Exact(k.exact)),
        ];
        let prefixes = scratch.cache.prefixes[pfx].iter().map(|&p| Some(Elem::Prefix(p)));
        for first in firsts.into_iter().chain(prefixes).flatten() {
            for c in lex.starts.get(first) {
                if scratch.next_free[c.file.index()] > i as u32 {
                    continue;
                }
                if let Some(b) = scratch.best.iter().find(|b| b.0 == c.file)
                    && (b.2 > c.len || (b.2 == c.len && b.1 < c.entry))
                {
                    continue;
                }
                if let Some(second) = c.second {
                    let next_matches = scratch
                        .keys
                        .get(i + 1)
                        .is_some_and(|k| k.matches(second, &scratch.cache.prefixes));
                    if !next_matches {
                        continue;
                    }
                    let elems = &lex.entries[c.entry.index()].elems;
                    if !extends(elems, i, toks, text, &scratch.keys, &scratch.cache.prefixes) {
                        continue;
                    }
                }
                scratch.best.retain(|b| b.0 != c.file);
                scratch.best.push((c.file, c.entry, c.len));
            }
        }
        scratch.best.sort_unstable();
        for &(file, entry, len) in &scratch.best {
            scratch.next_free[file.index()] = i as u32 + len;
            hits.push(Hit { entry, first: i as u32, end: i as u32 + len });
        }
    }
}

/// Whether the elements after the first match the tokens after `i`, in the same sentence,
/// with only white space or hyphens between them.
fn extends(
    elems: &[Elem],
    i: usize,
    toks: &[Token],
    text: &str,
    keys: &[Keys],
    pool: &[u32],
) -> bool {
    if i + elems.len() > toks.len() {
        return false;
    }
    for (k, &elem) in elems.iter().enumerate().skip(1) {
        let (prev, tok) = (&toks[i + k - 1], &toks[i + k]);
        if tok.sentence != toks[i].sentence
            || !joinable(&text[prev.span.end as usize..tok.span.start as usize])
        {
            return false;
        }
        if !keys[i + k].matches(elem, pool) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::lexicon::LexiconBuilder;
    use crate::segment::tokenize;

    fn lexicon(files: &[(&str, &str)]) -> Lexicon {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        for (name, rows) in files {
            let text = format!("pattern,category\n{rows}");
            b.add_text(name, name, &text).unwrap();
        }
        b.build()
    }

    /// `(pattern, matched text)` of every hit of `lex` in `text`.
    fn hits(lex: &Lexicon, text: &str) -> Vec<(String, String)> {
        let mut buf = TokenBuffer::new();
        tokenize(text, &mut buf);
        let mut hits = Vec::new();
        find_hits(lex, text, &buf, &mut MatchScratch::new(), &mut hits);
        hits.iter()
            .map(|h| {
                let s = buf.tokens[h.first as usize].span.start as usize;
                let e = buf.tokens[h.end as usize - 1].span.end as usize;
                (lex.entry(h.entry).pattern.to_string(), text[s..e].to_string())
            })
            .collect()
    }

    #[test]
    fn stems_exact_and_prefix() {
        let lex = lexicon(&[("l", "massacre,loaded\n=said,attr\nterroris*,loaded\n")]);
        assert_eq!(
            hits(&lex, "They massacred civilians, he said. Terrorists! Saying massacres."),
            vec![
                ("massacre".into(), "massacred".into()),
                ("=said".into(), "said".into()),
                ("terroris*".into(), "Terrorists".into()),
                ("massacre".into(), "massacres".into()),
            ]
        );
    }

    #[test]
    fn leftmost_longest_and_once_per_file() {
        let lex = lexicon(&[
            ("a", "war,loaded\nwar crimes,loaded\ncrimes against humanity,loaded\ncrime,loaded\n"),
            ("b", "crimes,other\n"),
        ]);
        let got = hits(&lex, "War crimes and crimes against humanity.");
        assert_eq!(
            got,
            vec![
                ("war crimes".into(), "War crimes".into()),
                ("crimes".into(), "crimes".into()),
                ("crimes against humanity".into(), "crimes against humanity".into()),
                ("crimes".into(), "crimes".into()),
            ]
        );
    }

    #[test]
    fn phrases_stay_in_sentence_and_need_plain_gaps() {
        let lex = lexicon(&[("a", "so-called,hedge\naccording to,attr\n")]);
        assert_eq!(
            hits(&lex, "The so-called deal."),
            vec![("so-called".into(), "so-called".into())]
        );
        assert_eq!(
            hits(&lex, "The so called deal."),
            vec![("so-called".into(), "so called".into())]
        );
        assert!(hits(&lex, "Not so. Called off.").is_empty());
        assert!(hits(&lex, "according, to him").is_empty());
    }

    #[test]
    fn curly_apostrophes_match_straight_patterns() {
        let lex = lexicon(&[("n", "=don't,negator\n")]);
        assert_eq!(hits(&lex, "We don’t know."), vec![("=don't".into(), "don’t".into())]);
    }

    #[test]
    fn what_the_lint_calls_dead_really_never_matches() {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        let rows = "pattern,category,polarity,lemma,source\n=9/11,loaded,-1,,team\n\
                    =u.s. troops,loaded,-1,,team\n=u.s.,loaded,-1,,team\n";
        b.add_text("l.csv", "l", rows).unwrap();
        let lex = b.build();
        let text = "After 9/11, U.S. troops left; 9 11 and U.S troops.";
        let hit: Vec<String> = hits(&lex, text).into_iter().map(|(p, _)| p).collect();
        // `9/11` and `u.s. troops` match only the spaced forms, never the written ones.
        assert_eq!(hit, vec!["=u.s.", "=9/11", "=u.s. troops"]);
        let found: Vec<_> =
            crate::lexicon::check::check(&lex).into_iter().map(|f| (f.kind, f.location)).collect();
        assert_eq!(
            found,
            vec![("never-matches", "l.csv:2".into()), ("never-matches", "l.csv:3".into())]
        );
    }
}
