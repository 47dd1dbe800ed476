//! The features compared: every category at every level (`loaded`, `loaded/violence`) and
//! every term, in one sorted index space (categories by path, then terms by lexicon,
//! category and term). A document's category counts are derived from its term counts: each
//! term counts for its category and every ancestor, exactly as `analysis` counts hits.

use super::input::TermKey;
use crate::util::CellStyle;
use std::cmp::Ordering;

/// Whether a feature is a category or a lexicon entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeatureKind {
    /// A category path at any level.
    Category,
    /// One lexicon entry.
    Term,
}

impl FeatureKind {
    /// `category` or `term`, as written in the `kind` column.
    pub fn name(self) -> &'static str {
        match self {
            FeatureKind::Category => "category",
            FeatureKind::Term => "term",
        }
    }
}

/// One feature, named as the input names it. For categories `lexicon` and `term` are empty.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Feature {
    /// Category or term.
    pub kind: FeatureKind,
    /// The lexicon file (terms only).
    pub lexicon: String,
    /// The category path.
    pub category: String,
    /// The entry (terms only).
    pub term: String,
}

/// All features, sorted, and for each input term the features it counts for.
#[derive(Clone, Debug)]
pub(crate) struct FeatureTable {
    pub(crate) features: Vec<Feature>,
    /// Per input term id: its term feature, then its category and each ancestor.
    pub(crate) of_term: Vec<Vec<u32>>,
}

/// `loaded/violence/armed` → `loaded`, `loaded/violence`, `loaded/violence/armed`.
fn lineage(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(|(i, _)| &path[..i]).chain(std::iter::once(path))
}

impl FeatureTable {
    /// The features of `terms`, ordered by their names as `shown` (then as given).
    pub(crate) fn new(terms: &[TermKey], shown: CellStyle) -> FeatureTable {
        let by_key = |a: &str, b: &str| shown.text(a).cmp(&shown.text(b)).then_with(|| a.cmp(b));
        let mut categories: Vec<&str> = terms.iter().flat_map(|t| lineage(&t.category)).collect();
        categories.sort_unstable_by(|a, b| by_key(a, b));
        categories.dedup();
        let term_order = |a: &&TermKey, b: &&TermKey| -> Ordering {
            by_key(&a.lexicon, &b.lexicon)
                .then_with(|| by_key(&a.category, &b.category))
                .then_with(|| by_key(&a.term, &b.term))
        };
        let mut sorted_terms: Vec<&TermKey> = terms.iter().collect();
        sorted_terms.sort_unstable_by(term_order);
        sorted_terms.dedup();
        let mut features: Vec<Feature> = categories
            .iter()
            .map(|c| Feature {
                kind: FeatureKind::Category,
                lexicon: String::new(),
                category: c.to_string(),
                term: String::new(),
            })
            .collect();
        features.extend(sorted_terms.iter().map(|t| Feature {
            kind: FeatureKind::Term,
            lexicon: t.lexicon.clone(),
            category: t.category.clone(),
            term: t.term.clone(),
        }));
        let cat_index = |c: &str| categories.binary_search_by(|x| by_key(x, c)).ok();
        let of_term = terms
            .iter()
            .map(|t| {
                let term = sorted_terms.binary_search_by(|x| term_order(x, &t));
                let mut v = vec![term.map_or(0, |i| i + categories.len()) as u32];
                v.extend(lineage(&t.category).filter_map(|c| cat_index(c).map(|i| i as u32)));
                v
            })
            .collect();
        FeatureTable { features, of_term }
    }

    /// Expands (term, count) pairs into (feature, count), summed and sorted by feature, into
    /// `out` (cleared first).
    pub(crate) fn expand(&self, terms: &[(u32, u32)], out: &mut Vec<(u32, u64)>) {
        out.clear();
        for &(t, n) in terms {
            out.extend(self.of_term[t as usize].iter().map(|&f| (f, u64::from(n))));
        }
        out.sort_unstable_by_key(|&(f, _)| f);
        out.dedup_by(|next, kept| {
            if next.0 == kept.0 {
                kept.1 += next.1;
                true
            } else {
                false
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(l: &str, c: &str, t: &str) -> TermKey {
        TermKey { lexicon: l.into(), category: c.into(), term: t.into() }
    }

    #[test]
    fn categories_first_then_terms_and_counts_roll_up() {
        let terms = [
            key("loaded", "loaded/violence", "massacre"),
            key("hedges", "hedge", "reportedly"),
            key("loaded", "loaded/delegitimising", "regime"),
            key("loaded", "loaded/violence", "massacre"),
        ];
        let t = FeatureTable::new(&terms, CellStyle { safe_text: false });
        let names: Vec<String> = t
            .features
            .iter()
            .map(|f| format!("{}:{}:{}", f.kind.name(), f.category, f.term))
            .collect();
        assert_eq!(
            names,
            [
                "category:hedge:",
                "category:loaded:",
                "category:loaded/delegitimising:",
                "category:loaded/violence:",
                "term:hedge:reportedly",
                "term:loaded/delegitimising:regime",
                "term:loaded/violence:massacre",
            ]
        );
        let mut out = Vec::new();
        // Terms 0 and 3 are the same entry: their counts add up.
        t.expand(&[(0, 2), (2, 1), (3, 1)], &mut out);
        assert_eq!(out, vec![(1, 4), (2, 1), (3, 3), (5, 1), (6, 3)]);
    }
}
