//! Folding per-document counts into per-outlet (and per event × outlet) totals. Integer sums
//! in document order, so totals never depend on thread scheduling; rates are computed later,
//! once, by the reporter.

use crate::analysis::DocAnalysis;
use crate::corpus::Document;
use crate::lexicon::{CategoryId, EntryId};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Totals for one group of documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupTotals {
    /// Documents.
    pub docs: u64,
    /// Tokens.
    pub tokens: u64,
    /// Sentences.
    pub sentences: u64,
    /// Tokens covered by a hit.
    pub matched_tokens: u64,
    /// Hits per category id.
    pub categories: Vec<u64>,
    /// Documents with at least one hit, per category id.
    pub category_docs: Vec<u64>,
    /// (hits, documents) per entry.
    pub entries: FxHashMap<EntryId, (u64, u64)>,
    /// Voice, scare quotes and tone (see [`DeviceTotals`]).
    pub devices: DeviceTotals,
    /// Attributions.
    pub attributions: u64,
    /// Attributions per cue class, in [`CueClass::ALL`](crate::attribution::CueClass::ALL) order.
    pub attribution_classes: [u64; 6],
    /// (attributions, documents) per (resolved source, cue category); the source is empty
    /// when it could not be resolved or the text gives none (an agentless cue), the category
    /// is `None` for a speaker colon (neutral).
    pub sources: BTreeMap<(Box<str>, Option<CategoryId>), (u64, u64)>,
}

/// The framing-device part of a group's totals: counts by voice, scare quotes, tone sums.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeviceTotals {
    /// Tokens inside quotation marks.
    pub quoted_tokens: u64,
    /// Hits inside quotation marks per category id.
    pub categories_quoted: Vec<u64>,
    /// Hits inside quotation marks per entry.
    pub entries_quoted: FxHashMap<EntryId, u64>,
    /// Scare quotes.
    pub scare_quotes: u64,
    /// Intensity-weighted counted loaded-language hits in authorial voice.
    pub loaded_weight_authorial: u64,
    /// Sum of sentence tones in millionths.
    pub tone_micro: i64,
    /// Sentences with a valence-bearing hit.
    pub toned_sentences: u64,
}

impl DeviceTotals {
    fn add(&mut self, a: &DocAnalysis) {
        if self.categories_quoted.len() < a.category_counts_quoted.len() {
            self.categories_quoted.resize(a.category_counts_quoted.len(), 0);
        }
        self.quoted_tokens += u64::from(a.quoted_tokens);
        for (i, &n) in a.category_counts_quoted.iter().enumerate() {
            self.categories_quoted[i] += u64::from(n);
        }
        for &(id, n) in &a.entry_counts_quoted {
            *self.entries_quoted.entry(id).or_default() += u64::from(n);
        }
        self.scare_quotes += u64::from(a.scare_quotes());
        self.loaded_weight_authorial += u64::from(a.loaded_weight_authorial);
        self.tone_micro += a.tone_micro;
        self.toned_sentences += u64::from(a.toned_sentences);
    }

    /// Adds `b`'s totals to these (see [`GroupTotals::add_totals`]).
    fn add_totals(&mut self, b: &DeviceTotals) {
        let DeviceTotals {
            quoted_tokens,
            categories_quoted,
            entries_quoted,
            scare_quotes,
            loaded_weight_authorial,
            tone_micro,
            toned_sentences,
        } = b;
        self.quoted_tokens += quoted_tokens;
        add_vec(&mut self.categories_quoted, categories_quoted);
        for (id, &n) in entries_quoted {
            *self.entries_quoted.entry(*id).or_default() += n;
        }
        self.scare_quotes += scare_quotes;
        self.loaded_weight_authorial += loaded_weight_authorial;
        self.tone_micro += tone_micro;
        self.toned_sentences += toned_sentences;
    }
}

impl GroupTotals {
    fn add(&mut self, a: &DocAnalysis) {
        if self.categories.len() < a.category_counts.len() {
            self.categories.resize(a.category_counts.len(), 0);
            self.category_docs.resize(a.category_counts.len(), 0);
        }
        self.docs += 1;
        self.tokens += u64::from(a.tokens);
        self.sentences += u64::from(a.sentences);
        self.matched_tokens += u64::from(a.matched_tokens);
        for (i, &n) in a.category_counts.iter().enumerate() {
            self.categories[i] += u64::from(n);
            self.category_docs[i] += u64::from(n > 0);
        }
        for &(id, n) in &a.entry_counts {
            let e = self.entries.entry(id).or_default();
            e.0 += u64::from(n);
            e.1 += 1;
        }
        self.devices.add(a);
        self.add_attributions(a);
    }

    fn add_attributions(&mut self, a: &DocAnalysis) {
        self.attributions += a.attributions.len() as u64;
        let mut in_doc: BTreeMap<(&str, Option<CategoryId>), u64> = BTreeMap::new();
        for at in &a.attributions {
            if let Some(c) = at.class {
                self.attribution_classes[c.index()] += 1;
            }
            *in_doc
                .entry((at.source_resolved.as_deref().unwrap_or(""), at.kind.category()))
                .or_default() += 1;
        }
        for ((source, cat), n) in in_doc {
            let e = self.sources.entry((source.into(), cat)).or_default();
            e.0 += n;
            e.1 += 1;
        }
    }

    /// Adds `b`'s totals (of disjoint documents) to these. Every field is named, so a new
    /// one must say how it sums.
    pub fn add_totals(&mut self, b: &GroupTotals) {
        let GroupTotals {
            docs,
            tokens,
            sentences,
            matched_tokens,
            categories,
            category_docs,
            entries,
            devices,
            attributions,
            attribution_classes,
            sources,
        } = b;
        self.docs += docs;
        self.tokens += tokens;
        self.sentences += sentences;
        self.matched_tokens += matched_tokens;
        add_vec(&mut self.categories, categories);
        add_vec(&mut self.category_docs, category_docs);
        for (id, &(n, d)) in entries {
            let e = self.entries.entry(*id).or_default();
            e.0 += n;
            e.1 += d;
        }
        self.devices.add_totals(devices);
        self.attributions += attributions;
        self.attribution_classes.iter_mut().zip(attribution_classes).for_each(|(x, y)| *x += y);
        for (k, &(n, d)) in sources {
            let e = self.sources.entry(k.clone()).or_default();
            e.0 += n;
            e.1 += d;
        }
    }
}

/// The key of a group: `event` is `None` for the all-events scope.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupKey {
    /// The event, or `None` for all documents of the outlet.
    pub event: Option<String>,
    /// The outlet.
    pub outlet: String,
}

/// Totals per outlet, and per event × outlet for documents that name an event; the same per
/// group of documents (`--group-by`, `--groups`) when grouped.
#[derive(Clone, Debug, Default)]
pub struct Aggregates {
    /// Sorted: all-events groups first (event `None`), then by event and outlet.
    pub groups: BTreeMap<GroupKey, GroupTotals>,
    /// As `groups`, keyed by each document's group (in [`GroupKey::outlet`]); empty when
    /// documents are not grouped.
    pub by_group: BTreeMap<GroupKey, GroupTotals>,
}

impl Aggregates {
    /// Empty totals.
    pub fn new() -> Aggregates {
        Aggregates::default()
    }

    /// Adds one analysed document.
    pub fn add(&mut self, doc: &Document, a: &DocAnalysis) {
        add_keyed(&mut self.groups, &doc.outlet, doc.event.as_deref(), a);
    }

    /// Adds one analysed document of the group `group` to [`Aggregates::by_group`].
    pub fn add_to_group(&mut self, group: &str, doc: &Document, a: &DocAnalysis) {
        add_keyed(&mut self.by_group, group, doc.event.as_deref(), a);
    }

    /// The group totals as the outlet totals of an [`Aggregates`] (for the per-outlet writers).
    pub fn of_groups(&self) -> Aggregates {
        Aggregates { groups: self.by_group.clone(), by_group: BTreeMap::new() }
    }

    /// Adds every total of `b` (of disjoint documents) to these.
    pub fn add_aggregates(&mut self, b: &Aggregates) {
        for (mine, theirs) in [(&mut self.groups, &b.groups), (&mut self.by_group, &b.by_group)] {
            for (k, g) in theirs {
                mine.entry(k.clone()).or_default().add_totals(g);
            }
        }
    }
}

/// Adds a document to the all-events totals of `name` and, if it names one, to its event's.
fn add_keyed(
    map: &mut BTreeMap<GroupKey, GroupTotals>,
    name: &str,
    event: Option<&str>,
    a: &DocAnalysis,
) {
    map.entry(GroupKey { event: None, outlet: name.to_string() }).or_default().add(a);
    if let Some(event) = event {
        let key = GroupKey { event: Some(event.to_string()), outlet: name.to_string() };
        map.entry(key).or_default().add(a);
    }
}

/// Adds `y` to `x` element by element, growing `x` to `y`'s length.
fn add_vec(x: &mut Vec<u64>, y: &[u64]) {
    if x.len() < y.len() {
        x.resize(y.len(), 0);
    }
    x.iter_mut().zip(y).for_each(|(x, y)| *x += y);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_by_outlet_and_event() {
        let mut agg = Aggregates::new();
        let a = DocAnalysis {
            tokens: 10,
            sentences: 2,
            matched_tokens: 1,
            category_counts: vec![1, 0],
            entry_counts: vec![(EntryId(3), 1)],
            matches: vec![],
            quoted_tokens: 4,
            category_counts_quoted: vec![1, 0],
            entry_counts_quoted: vec![(EntryId(3), 1)],
            short_quotes: vec![],
            loaded_weight_authorial: 5,
            tone_micro: -250_000,
            toned_sentences: 1,
            attributions: vec![],
        };
        let d1 = Document { outlet: "A".into(), event: Some("e1".into()), ..Document::default() };
        let d2 = Document { outlet: "A".into(), ..Document::default() };
        agg.add(&d1, &a);
        agg.add(&d2, &a);
        let all = &agg.groups[&GroupKey { event: None, outlet: "A".into() }];
        assert_eq!((all.docs, all.tokens, all.categories[0], all.category_docs[0]), (2, 20, 2, 2));
        assert_eq!(all.entries[&EntryId(3)], (2, 2));
        let d = &all.devices;
        assert_eq!(
            (d.quoted_tokens, d.categories_quoted[0], d.entries_quoted[&EntryId(3)]),
            (8, 2, 2)
        );
        assert_eq!((d.tone_micro, d.toned_sentences, d.scare_quotes), (-500_000, 2, 0));
        assert_eq!(d.loaded_weight_authorial, 10);
        let e1 = &agg.groups[&GroupKey { event: Some("e1".into()), outlet: "A".into() }];
        assert_eq!(e1.docs, 1);
    }
}
