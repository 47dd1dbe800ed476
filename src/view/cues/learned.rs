//! Learned cues: the cue model (`crate::cuemodel`) decides which tokens are reporting cues.
//! Candidates are the tokens of attribution-lexicon hits and the words of the model's
//! vocabulary (words annotators marked as cues in training); each gets the hashed features of
//! its window (`features`: word, crude stem, shape, suffixes, neighbours, the roles and stance
//! classes of nearby hits, quotation, punctuation and sentence position, and what the rules of
//! `lexical` decided). A rule cue stays when one of its tokens scores above the threshold; a
//! scoring lexicon hit the rules dropped becomes a cue with the rules' shape; a scoring word
//! outside the lexicon becomes a learned cue (no entry, neutral). Speakers' colons and named
//! polls stay rules. The same candidates and features serve training (`crate::cuetrain`).

use super::features::{FeatureMemo, features};
use super::lexical;
use crate::cuemodel::CueModel;
use crate::lexicon::{Role, Roles};
use crate::matcher::Hit;
use crate::view::cue::{Cue, Form};
use crate::view::section::SectionView;

/// Per-thread buffers of the decision, reused from section to section.
#[derive(Default)]
pub(crate) struct LearnedScratch {
    kept: Vec<bool>,
    added: Vec<Cue>,
    memo: Option<FeatureMemo>,
}

/// The attribution hits' index range overlapping `lo..hi`, advancing `from` (hits are in token
/// order and calls come in token order).
fn near_hits<'h>(hits: &'h [Hit], from: &mut usize, lo: usize, hi: usize) -> &'h [Hit] {
    while *from < hits.len() && (hits[*from].end as usize) <= lo {
        *from += 1;
    }
    let end = hits[*from..].iter().take_while(|h| (h.first as usize) < hi).count();
    &hits[*from..*from + end]
}

/// Calls `visit` with every candidate token of the section, the attribution hit covering it
/// and its hashed features (through `memo`); `knows` tells whether a word key is in the
/// vocabulary, `rules` are the rule cues of the section.
pub(crate) fn each_candidate(
    ctx: &SectionView,
    rules: &[Cue],
    memo: &mut FeatureMemo,
    knows: impl Fn(u64) -> bool,
    mut visit: impl FnMut(usize, Option<&Hit>, &[u32]),
) {
    let (mut from, mut covering) = (0, 0);
    for i in 0..ctx.len() {
        // The word decides first; the hits are looked at only for the words it lets through.
        let Some(known) = memo.candidate(ctx, i, &knows) else { continue };
        let hit = covering_cue(ctx, &mut covering, i);
        if known || hit.is_some() {
            let near = near_hits(ctx.hits, &mut from, i.saturating_sub(3), i + 4);
            visit(i, hit, features(ctx, rules, near, i, memo));
        }
    }
}

/// The attribution-cue hit covering token `i` (calls come in token order: `from` is the
/// cursor of [`near_hits`]).
fn covering_cue<'h>(ctx: &SectionView<'h>, from: &mut usize, i: usize) -> Option<&'h Hit> {
    near_hits(ctx.hits, from, i, i + 1).iter().find(|h| covers(h, i) && is_cue(ctx.roles, h))
}

/// Replaces the rule cues in `out` with the model's decision (see the module documentation).
pub(super) fn decide(
    ctx: &SectionView,
    model: &CueModel,
    scratch: &mut LearnedScratch,
    out: &mut Vec<Cue>,
) {
    let LearnedScratch { kept, added, memo } = scratch;
    kept.clear();
    kept.extend(out.iter().map(|c| c.entry.is_none()));
    added.clear();
    let memo = match memo {
        Some(m) if m.fits(model.bits(), model.id()) => m,
        _ => memo.insert(FeatureMemo::new(model.bits(), model.id())),
    };
    let rules: &[Cue] = out;
    each_candidate(
        ctx,
        rules,
        memo,
        |k| model.knows(k),
        |i, hit, features| {
            let score = model.score(features);
            let at = rules.partition_point(|c| c.end <= i);
            match rules.get(at).filter(|c| c.first <= i) {
                Some(_) if score > model.keep_threshold() => kept[at] = true,
                None if score > model.threshold() => add(ctx, hit, i, added),
                _ => {}
            }
        },
    );
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        kept[k - 1]
    });
    for c in added.drain(..) {
        if !out.iter().any(|o| o.first < c.end && c.first < o.end) {
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.first);
}

fn covers(h: &Hit, i: usize) -> bool {
    (h.first as usize) <= i && i < h.end as usize
}

fn is_cue(roles: &Roles, h: &Hit) -> bool {
    matches!(roles.role(h.entry), Role::AttributionCue { .. })
}

/// Adds the cue of the scoring token `i`: its lexicon hit with the rules' shape, or the word
/// itself, joined to a learned cue right before it.
fn add(ctx: &SectionView, hit: Option<&Hit>, i: usize, added: &mut Vec<Cue>) {
    if let Some(h) = hit {
        let Some((first, end)) = lexical::trim(ctx, h.first as usize, h.end as usize) else {
            return;
        };
        if added.last().is_some_and(|c| c.end > first) {
            return;
        }
        let verbal = lexical::used_as_verb(ctx, first);
        let lemma = ""; // the shape rules only look at the lemma for `cite` / `quote`
        let form = lexical::form(ctx, first, end, lemma, verbal);
        added.push(Cue { first, end, entry: Some(h.entry), form, learned: true });
        return;
    }
    if let Some(last) = added.last_mut()
        && last.entry.is_none()
        && last.end == i
        && ctx.joined(i)
    {
        last.end = i + 1;
        return;
    }
    let form = if ctx.norm(i).ends_with("ing") { Form::Participle } else { Form::Verb };
    added.push(Cue { first: i, end: i + 1, entry: None, form, learned: true });
}

#[cfg(test)]
mod tests {
    use crate::cuemodel::{CueModel, bundled};
    use crate::lexicon::Lexicon;
    use crate::view::{Section, ViewScratch};

    const TEXT: &str = "Senator Vale blasted the plan on Monday, saying it would fail. \
        The rocket blasted off. “We won,” Holt said. Critics said the claims of fraud were \
        false, according to a report. The United States said nothing.";

    fn cues(lex: &Lexicon, model: Option<&CueModel>) -> Vec<(usize, usize, bool)> {
        let mut vs = ViewScratch::new();
        let view = vs.build_with(lex, model, Section::Body, TEXT);
        view.cues.iter().map(|c| (c.first, c.end, c.learned)).collect()
    }

    #[test]
    fn the_model_decides_sorted_disjoint_cues_the_same_way_every_time() {
        let lex = Lexicon::bundled(crate::Language::ENGLISH).unwrap();
        let model = bundled();
        let a = cues(&lex, Some(&model));
        assert_eq!(a, cues(&lex, Some(&model)));
        assert!(a.windows(2).all(|w| w[0].1 <= w[1].0), "{a:?}");
        assert!(!a.is_empty());
        // A model that never overrules keeps exactly the rules' cues.
        let n = 1 << model.bits();
        let silent = CueModel::new(model.bits(), i32::MAX, i32::MIN, vec![], vec![0; n]);
        assert_eq!(cues(&lex, Some(&silent)), cues(&lex, None));
        // A model that rejects everything keeps only colons and polls (none here).
        let deaf = CueModel::new(model.bits(), i32::MAX, i32::MAX, vec![], vec![0; n]);
        assert!(cues(&lex, Some(&deaf)).is_empty());
    }
}
