//! Training the cue model (`crate::cuemodel`) on brat-annotated articles (`brat`): the
//! vocabulary (words annotators marked as cues often enough), one example per candidate token
//! of each article's body (features of `view::cues::learned`, label = the token overlaps a
//! gold cue), and an averaged perceptron trained in a fixed order (a SplitMix64 shuffle per
//! epoch from a fixed seed), so the same data gives the same bytes. With development
//! articles, the epoch and the threshold are those with the best token F1 on them. Pruning
//! (`prune`) then drops the vocabulary words that never come near the threshold in training:
//! a word outside every attribution hit is a cue only when it scores above the threshold, so
//! such words cost features on every use and decide nothing.

pub mod brat;

use crate::cuemodel::{CueModel, word_key};
use crate::lexicon::Lexicon;
use crate::matcher::Hit;
use crate::segment::Span;
use crate::stats::bootstrap::SplitMix64;
use crate::view::cues::FeatureMemo;
use crate::view::cues::learned::each_candidate;
use crate::view::{Section, ViewScratch};
use brat::Article;
use std::collections::{BTreeMap, BTreeSet};

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// The weight table has `2^bits` entries.
    pub bits: u32,
    /// Passes over the training examples (the best one on dev is kept when there is dev).
    pub epochs: u32,
    /// Seed of the example order.
    pub seed: u64,
    /// A word enters the vocabulary when annotators marked it as a cue this many times...
    pub min_cue_count: u32,
    /// ...and in at least this per mille of its occurrences.
    pub min_cue_permille: u32,
    /// New cues need the best dev threshold plus this share of the weight range (‰); the
    /// rules' cues stay down to the threshold minus it: the model overrules the rules only
    /// when it is confident.
    pub margin_permille: i32,
    /// With `Some(slack)`, the vocabulary keeps only the words of which some training use
    /// outside every attribution hit scores above the new-cue threshold minus this share of
    /// the weight range (‰; `prune`).
    pub prune_permille: Option<i32>,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            bits: 19,
            epochs: 12,
            seed: 19,
            min_cue_count: 2,
            min_cue_permille: 30,
            margin_permille: 250,
            prune_permille: None,
        }
    }
}

/// What training did, for the report.
#[derive(Clone, Debug, Default)]
pub struct TrainReport {
    /// Training examples and how many were cue tokens.
    pub examples: usize,
    /// Positive training examples.
    pub positives: usize,
    /// Vocabulary size.
    pub vocabulary: usize,
    /// Per epoch: token precision, recall and F1 on dev at the best threshold.
    pub dev: Vec<(f64, f64, f64)>,
    /// The epoch kept (1-based).
    pub epoch: u32,
    /// The vocabulary size after pruning (the size before it without pruning).
    pub pruned_vocabulary: usize,
}

/// Candidate tokens as flat feature indices with labels.
#[derive(Default)]
struct Examples {
    idx: Vec<u32>,
    ends: Vec<usize>,
    labels: Vec<bool>,
}

impl Examples {
    fn len(&self) -> usize {
        self.labels.len()
    }

    fn get(&self, k: usize) -> (&[u32], bool) {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        (&self.idx[start..self.ends[k]], self.labels[k])
    }
}

/// Keys of the words marked as cues at least `min_cue_count` times and in at least
/// `min_cue_permille` ‰ of their occurrences in `train`.
fn vocabulary(lex: &Lexicon, train: &[Article], o: &TrainOptions) -> BTreeSet<u64> {
    let mut counts: BTreeMap<u64, (u32, u32)> = BTreeMap::new();
    let mut vs = ViewScratch::new();
    for a in train {
        let view = vs.build_with(lex, None, Section::Body, &a.text);
        for i in 0..view.len() {
            let c = counts.entry(word_key(view.norm(i))).or_default();
            c.1 += 1;
            c.0 += u32::from(in_cue(&a.cues, view.span(i).start, view.span(i).end));
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (cue, all))| cue >= o.min_cue_count && cue * 1000 >= all * o.min_cue_permille)
        .map(|(k, _)| k)
        .collect()
}

/// Whether the bytes `start..end` overlap one of the sorted spans `cues`.
fn in_cue(cues: &[(u32, u32)], start: u32, end: u32) -> bool {
    let k = cues.partition_point(|c| c.1 <= start);
    cues[k..].iter().take_while(|c| c.0 < end).any(|c| c.1 > start)
}

fn examples(lex: &Lexicon, arts: &[Article], vocab: &BTreeSet<u64>, bits: u32) -> Examples {
    let mut ex = Examples::default();
    // One vocabulary for the memo's whole life: its fingerprint does not matter.
    let mut memo = FeatureMemo::new(bits, 0);
    each_article_candidate(
        lex,
        arts,
        &mut memo,
        |k| vocab.contains(&k),
        |a, span, _, _, idx| {
            ex.idx.extend_from_slice(idx);
            ex.ends.push(ex.idx.len());
            ex.labels.push(in_cue(&a.cues, span.start, span.end));
        },
    );
    ex
}

/// Calls `visit` with every candidate token of the bodies of `arts` (`each_candidate`, with
/// the rules' cues): its article, byte span, word, covering attribution hit and features.
fn each_article_candidate(
    lex: &Lexicon,
    arts: &[Article],
    memo: &mut FeatureMemo,
    knows: impl Fn(u64) -> bool + Copy,
    mut visit: impl FnMut(&Article, Span, &str, Option<&Hit>, &[u32]),
) {
    let mut vs = ViewScratch::new();
    for a in arts {
        let view = vs.build_with(lex, None, Section::Body, &a.text);
        each_candidate(&view, view.cues, memo, knows, |i, hit, idx| {
            visit(a, view.span(i), view.norm(i), hit, idx)
        });
    }
}

/// Trains a model on `train` (with `dev` for the epoch and threshold when not empty).
pub fn train(
    lex: &Lexicon,
    train: &[Article],
    dev: &[Article],
    o: &TrainOptions,
) -> (CueModel, TrainReport) {
    let vocab = vocabulary(lex, train, o);
    let tr = examples(lex, train, &vocab, o.bits);
    let dv = examples(lex, dev, &vocab, o.bits);
    let mut report = TrainReport {
        examples: tr.len(),
        positives: tr.labels.iter().filter(|&&l| l).count(),
        vocabulary: vocab.len(),
        ..TrainReport::default()
    };
    let n = 1usize << o.bits;
    let (mut w, mut u) = (vec![0i64; n], vec![0i64; n]);
    let mut c = 1i64;
    let mut order: Vec<usize> = (0..tr.len()).collect();
    let mut rng = SplitMix64::new(o.seed);
    let mut best: Option<(f64, CueModel)> = None;
    for epoch in 1..=o.epochs.max(1) {
        for k in (1..order.len()).rev() {
            order.swap(k, rng.below(k as u64 + 1) as usize);
        }
        for &k in &order {
            let (idx, y) = tr.get(k);
            let s: i64 = idx.iter().map(|&i| w[i as usize]).sum();
            if (s > 0) != y {
                let d = if y { 1 } else { -1 };
                for &i in idx {
                    w[i as usize] += d;
                    u[i as usize] += c * d;
                }
            }
            c += 1;
        }
        let weights = quantize(&w, &u, c);
        let (threshold, prf) = best_threshold(&weights, &dv);
        report.dev.push(prf);
        let margin = 32 * o.margin_permille;
        let vocab = vocab.iter().copied().collect();
        let model = CueModel::new(
            o.bits,
            threshold.saturating_add(margin),
            threshold.saturating_sub(margin),
            vocab,
            weights,
        );
        if best.as_ref().is_none_or(|(f1, _)| prf.2 > *f1 || dv.len() == 0) {
            report.epoch = epoch;
            best = Some((prf.2, model));
        }
    }
    let mut model = best.expect("at least one epoch").1;
    if let Some(slack) = o.prune_permille {
        model = prune(lex, train, &model, slack);
    }
    report.pruned_vocabulary = model.vocabulary().len();
    (model, report)
}

/// `model` with the vocabulary words of which no use in `train` outside every attribution
/// hit scores above its new-cue threshold minus `slack_permille` ‰ of the weight range.
/// Other candidates keep their features and scores (features do not read the vocabulary), so
/// on `train` every decision is the same when the slack is not negative.
pub fn prune(lex: &Lexicon, train: &[Article], model: &CueModel, slack_permille: i32) -> CueModel {
    let floor = model.threshold().saturating_sub(32i32.saturating_mul(slack_permille));
    let mut keep = BTreeSet::new();
    let mut memo = FeatureMemo::new(model.bits(), model.id());
    each_article_candidate(
        lex,
        train,
        &mut memo,
        |k| model.knows(k),
        |_, _, word, hit, idx| {
            if hit.is_none() && model.score(idx) > floor {
                keep.insert(word_key(word));
            }
        },
    );
    model.with_vocabulary(model.vocabulary().iter().copied().filter(|k| keep.contains(k)).collect())
}

/// The averaged weights `w - u / c`, scaled so the largest fits an i16.
fn quantize(w: &[i64], u: &[i64], c: i64) -> Vec<i16> {
    let avg: Vec<f64> = w.iter().zip(u).map(|(&w, &u)| w as f64 - u as f64 / c as f64).collect();
    let max = avg.iter().fold(0.0f64, |m, a| m.max(a.abs()));
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    avg.iter().map(|a| (a * scale).round() as i16).collect()
}

/// The threshold with the best token F1 on `dev` and its precision, recall and F1 (threshold
/// 0 and zeros without dev examples).
fn best_threshold(weights: &[i16], dev: &Examples) -> (i32, (f64, f64, f64)) {
    let mut scored: Vec<(i32, bool)> = (0..dev.len())
        .map(|k| {
            let (idx, y) = dev.get(k);
            (idx.iter().map(|&i| i32::from(weights[i as usize])).sum(), y)
        })
        .collect();
    scored.sort_unstable_by(|a, b| b.cmp(a));
    let gold = scored.iter().filter(|s| s.1).count();
    let (mut tp, mut best) = (0usize, (0, (0.0, 0.0, 0.0)));
    for (k, &(s, y)) in scored.iter().enumerate() {
        tp += usize::from(y);
        // Everything scoring above the next score is predicted positive.
        if scored.get(k + 1).is_some_and(|n| n.0 == s) {
            continue;
        }
        let p = tp as f64 / (k + 1) as f64;
        let r = tp as f64 / gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        if f > best.1.2 {
            best = (scored.get(k + 1).map_or(s - 1, |n| n.0), (p, r, f));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, cues: &[&str]) -> Article {
        let mut spans: Vec<(u32, u32)> = cues
            .iter()
            .map(|c| {
                let at = text.find(c).unwrap() as u32;
                (at, at + c.len() as u32)
            })
            .collect();
        spans.sort_unstable();
        Article { name: "a".into(), text: text.into(), cues: spans }
    }

    #[test]
    fn learns_a_verb_outside_the_lexicon_deterministically() {
        let lex = Lexicon::bundled(crate::Language::ENGLISH).unwrap();
        let mut train = Vec::new();
        for k in 0..12 {
            let t = format!(
                "Senator Vale{k} blasted the plan. The rocket blasted off. Holt said it was over."
            );
            train.push(article(&t, &["blasted the plan", "said"]));
        }
        let o = TrainOptions { bits: 12, epochs: 3, ..TrainOptions::default() };
        let (m, r) = train_twice(&lex, &train, &o);
        assert!(r.positives > 0 && r.vocabulary > 0);
        assert!(m.knows(word_key("blasted")));
    }

    #[test]
    fn pruning_keeps_every_decision_on_the_training_articles() {
        let lex = Lexicon::bundled(crate::Language::ENGLISH).unwrap();
        let arts: Vec<Article> = (0..12)
            .map(|k| {
                let t = format!(
                    "Senator Vale{k} blasted the plan. The rocket blasted off. Holt said it was \
                     over. Aides planned a rally."
                );
                article(&t, &["blasted the plan", "said", "planned"])
            })
            .collect();
        let o = TrainOptions { bits: 12, epochs: 3, ..TrainOptions::default() };
        let (m, _) = train_twice(&lex, &arts, &o);
        let pruned = prune(&lex, &arts, &m, 0);
        assert!(pruned.vocabulary().iter().all(|k| m.knows(*k)));
        assert!(pruned.vocabulary().len() < m.vocabulary().len(), "{m:?}");
        assert!(pruned.knows(word_key("blasted")));
        let mut vs = ViewScratch::new();
        let cues = |model: &CueModel, text: &str, vs: &mut ViewScratch| {
            let view = vs.build_with(&lex, Some(model), Section::Body, text);
            view.cues.iter().map(|c| (c.first, c.end, c.learned)).collect::<Vec<_>>()
        };
        for a in &arts {
            assert_eq!(cues(&m, &a.text, &mut vs), cues(&pruned, &a.text, &mut vs));
        }
        assert!(prune(&lex, &arts, &m, -100_000).vocabulary().is_empty());
        let (both, _) = train(&lex, &arts, &arts, &TrainOptions { prune_permille: Some(0), ..o });
        assert_eq!(both, pruned);
    }

    fn train_twice(lex: &Lexicon, arts: &[Article], o: &TrainOptions) -> (CueModel, TrainReport) {
        let (a, r) = train(lex, arts, arts, o);
        let (b, _) = train(lex, arts, arts, o);
        assert_eq!(a.to_bytes(), b.to_bytes());
        (a, r)
    }

    #[test]
    fn overlap_of_sorted_spans() {
        let cues = [(3, 9), (20, 24)];
        assert!(in_cue(&cues, 8, 10) && in_cue(&cues, 23, 30) && !in_cue(&cues, 9, 20));
    }
}
