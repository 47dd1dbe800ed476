//! Validation against a researcher's own annotations (`framelens validate`): per gold
//! category, predicted spans (a match counts for gold category `G` when its category is `G`
//! or below it, `G/...`) are paired one-to-one with gold spans of the same document that
//! share at least one code point, largest overlap first (as `../shared/eval` pairs cues).
//! Precision = paired predictions / predictions, recall = paired gold spans / gold spans,
//! with percentile bootstrap intervals over documents (SplitMix64 seeded per category), and
//! the most frequent unpaired predictions (false positives) and gold spans (misses).
//! Only documents with at least one gold span are scored.

use crate::stats::bootstrap::SplitMix64;
use crate::stats::quantile;
use std::collections::{BTreeMap, BTreeSet};

/// One span: a document, code-point offsets (end exclusive), a category and its text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// The document id.
    pub doc: String,
    /// First code point.
    pub start: u64,
    /// One past the last code point.
    pub end: u64,
    /// The category path.
    pub category: String,
    /// The span's text, if known (for the lists of errors).
    pub text: String,
}

/// A point estimate with its 95 % bootstrap interval.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Estimate {
    /// The value on all documents (`None` with a zero denominator).
    pub value: Option<f64>,
    /// 2.5 % and 97.5 % quantiles of the replicates.
    pub low: Option<f64>,
    /// See `low`.
    pub high: Option<f64>,
}

/// The scores of one gold category.
#[derive(Clone, Debug, PartialEq)]
pub struct CategoryScore {
    /// The gold category.
    pub category: String,
    /// Gold spans, predicted spans, paired pairs.
    pub gold: u64,
    /// See `gold`.
    pub predicted: u64,
    /// See `gold`.
    pub paired: u64,
    /// Precision, recall and F1.
    pub precision: Estimate,
    /// See `precision`.
    pub recall: Estimate,
    /// See `precision`.
    pub f1: Estimate,
}

/// A frequent error: category, lower-cased text, count.
pub type Error = (String, String, u64);

/// Everything `validate` reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Validation {
    /// One row per gold category, in name order.
    pub scores: Vec<CategoryScore>,
    /// The most frequent unpaired predictions.
    pub false_positives: Vec<Error>,
    /// The most frequent unpaired gold spans.
    pub misses: Vec<Error>,
    /// Predictions in documents without gold spans (not scored).
    pub unscored: u64,
}

/// Per document of one category: (predicted, gold, paired).
type DocCounts = Vec<(u64, u64, u64)>;

/// Scores `predicted` against `gold`; `top` errors of each kind are listed.
pub fn validate(
    gold: &[Span],
    predicted: &[Span],
    bootstrap: u32,
    seed: u64,
    top: usize,
) -> Validation {
    let docs: BTreeSet<&str> = gold.iter().map(|s| &*s.doc).collect();
    let categories: BTreeSet<&str> = gold.iter().map(|s| &*s.category).collect();
    let unscored = predicted.iter().filter(|p| !docs.contains(&*p.doc)).count() as u64;
    let (mut fps, mut misses) = (BTreeMap::new(), BTreeMap::new());
    let mut scores = Vec::new();
    for cat in categories {
        let under = |c: &str| c == cat || c.strip_prefix(cat).is_some_and(|r| r.starts_with('/'));
        let mut by_doc: BTreeMap<&str, (Vec<&Span>, Vec<&Span>)> = BTreeMap::new();
        for s in predicted.iter().filter(|s| under(&s.category) && docs.contains(&*s.doc)) {
            by_doc.entry(&s.doc).or_default().0.push(s);
        }
        for s in gold.iter().filter(|s| s.category == cat) {
            by_doc.entry(&s.doc).or_default().1.push(s);
        }
        let mut counts: DocCounts = vec![(0, 0, 0); docs.len() - by_doc.len()];
        for (_, (mut pd, mut gd)) in by_doc {
            pd.sort_by_key(|s| (s.start, s.end));
            pd.dedup_by(|a, b| (a.start, a.end) == (b.start, b.end));
            gd.sort();
            gd.dedup();
            let (pu, gu) = pair(&pd, &gd);
            counts.push((pd.len() as u64, gd.len() as u64, (pd.len() - pu.len()) as u64));
            for s in pu {
                *fps.entry((cat.to_string(), label(s))).or_insert(0u64) += 1;
            }
            for s in gu {
                *misses.entry((cat.to_string(), label(s))).or_insert(0u64) += 1;
            }
        }
        scores.push(score(cat, &counts, bootstrap, seed));
    }
    Validation { scores, false_positives: most(fps, top), misses: most(misses, top), unscored }
}

/// The predictions and gold spans left unpaired by pairing largest overlaps first.
fn pair<'a>(p: &[&'a Span], g: &[&'a Span]) -> (Vec<&'a Span>, Vec<&'a Span>) {
    let mut overlaps: Vec<(u64, usize, usize)> = Vec::new();
    for (i, a) in p.iter().enumerate() {
        for (j, b) in g.iter().enumerate() {
            let o = a.end.min(b.end).saturating_sub(a.start.max(b.start));
            if o > 0 {
                overlaps.push((o, i, j));
            }
        }
    }
    overlaps.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut pu, mut gu) = (vec![true; p.len()], vec![true; g.len()]);
    for (_, i, j) in overlaps {
        if pu[i] && gu[j] {
            (pu[i], gu[j]) = (false, false);
        }
    }
    let left =
        |v: &[&'a Span], free: &[bool]| v.iter().zip(free).filter(|x| *x.1).map(|x| *x.0).collect();
    (left(p, &pu), left(g, &gu))
}

fn label(s: &Span) -> String {
    if s.text.trim().is_empty() {
        format!("{}:{}-{}", s.doc, s.start, s.end)
    } else {
        s.text.to_lowercase()
    }
}

fn most(m: BTreeMap<(String, String), u64>, top: usize) -> Vec<Error> {
    let mut v: Vec<Error> = m.into_iter().map(|((c, t), n)| (c, t, n)).collect();
    v.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    v.truncate(top);
    v
}

/// (precision, recall, F1) of summed counts.
fn prf(pred: u64, gold: u64, paired_pred: u64, paired_gold: u64) -> [Option<f64>; 3] {
    let p = (pred > 0).then(|| paired_pred as f64 / pred as f64);
    let r = (gold > 0).then(|| paired_gold as f64 / gold as f64);
    let f = match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    [p, r, f]
}

fn score(cat: &str, counts: &DocCounts, bootstrap: u32, seed: u64) -> CategoryScore {
    let sum = |it: &mut dyn Iterator<Item = usize>| {
        it.fold((0, 0, 0), |a, i| (a.0 + counts[i].0, a.1 + counts[i].1, a.2 + counts[i].2))
    };
    let (pred, gold, paired) = sum(&mut (0..counts.len()));
    let point = prf(pred, gold, paired, paired);
    let mut reps: [Vec<f64>; 3] = Default::default();
    let mut rng = SplitMix64::for_stream(seed, cat.as_bytes());
    let n = counts.len() as u64;
    for _ in 0..bootstrap {
        let (p, g, k) = sum(&mut (0..n).map(|_| rng.below(n) as usize));
        for (v, x) in reps.iter_mut().zip(prf(p, g, k, k)) {
            v.extend(x);
        }
    }
    let mut est = |i: usize| {
        reps[i].sort_by(f64::total_cmp);
        Estimate {
            value: point[i],
            low: quantile(&reps[i], 0.025),
            high: quantile(&reps[i], 0.975),
        }
    };
    CategoryScore {
        category: cat.to_string(),
        gold,
        predicted: pred,
        paired,
        precision: est(0),
        recall: est(1),
        f1: est(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(doc: &str, start: u64, end: u64, cat: &str, text: &str) -> Span {
        Span { doc: doc.into(), start, end, category: cat.into(), text: text.into() }
    }

    #[test]
    fn pairs_one_to_one_and_rolls_subcategories_up() {
        let gold = [
            s("a", 0, 5, "loaded", ""),
            s("a", 10, 15, "loaded", "Regime"),
            s("b", 0, 3, "loaded", ""),
        ];
        let pred = [
            s("a", 0, 5, "loaded/violence", "brutal"),
            s("a", 3, 6, "loaded/x", "tal o"),
            s("b", 1, 2, "loaded", "x"),
            s("c", 0, 1, "loaded", "unscored"),
            s("a", 20, 25, "hedge", "maybe"),
        ];
        let v = validate(&gold, &pred, 200, 7, 10);
        assert_eq!(v.unscored, 1);
        assert_eq!(v.scores.len(), 1);
        let sc = &v.scores[0];
        assert_eq!((sc.gold, sc.predicted, sc.paired), (3, 3, 2));
        assert_eq!(sc.precision.value, Some(2.0 / 3.0));
        assert_eq!(sc.recall.value, Some(2.0 / 3.0));
        let (lo, hi) = (sc.precision.low.unwrap(), sc.precision.high.unwrap());
        assert!(lo <= 2.0 / 3.0 && (2.0 / 3.0..=1.0).contains(&hi), "{lo} {hi}");
        assert_eq!(v.false_positives, vec![("loaded".into(), "tal o".into(), 1)]);
        assert_eq!(v.misses, vec![("loaded".into(), "regime".into(), 1)]);
        assert_eq!(validate(&gold, &pred, 200, 7, 10), v, "same seed, same result");
        let none = validate(&gold, &[], 10, 7, 10);
        assert_eq!(none.scores[0].precision.value, None);
        assert_eq!(none.scores[0].recall.value, Some(0.0));
    }
}
