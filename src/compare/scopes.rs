//! The corpus as the comparison sees it: documents assigned to groups by a [`Partition`]
//! (outlets, or the groups of `--group-by`, `--groups` and `--group`), and the scopes in which groups are compared — all documents, then each
//! event. A scope's sums are integers over its documents, in document order. Document counts
//! are read from the [`CompareInput`] and expanded to features when a scope needs them, so
//! only the scopes being computed hold per-feature data.

use super::features::FeatureTable;
use super::groups::GroupMap;
use super::input::CompareInput;
use crate::error::Result;
use crate::util::CellStyle;
use std::borrow::Cow;

/// How documents are partitioned into the groups compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Partition {
    /// By outlet.
    Outlets,
    /// By group: an outlet map's, or else each document's own.
    Groups,
}

impl Partition {
    /// `outlet` or `group`.
    pub fn name(self) -> &'static str {
        match self {
            Partition::Outlets => "outlet",
            Partition::Groups => "group",
        }
    }
}

/// Documents with group and event ids in name order, and counts per feature.
pub(crate) struct Prepared<'a> {
    input: &'a CompareInput,
    pub(crate) partition: Partition,
    pub(crate) table: FeatureTable,
    /// Group names, sorted; ids are positions.
    pub(crate) groups: Vec<String>,
    /// Event names, sorted; ids are positions.
    pub(crate) events: Vec<String>,
    /// The group id of each of the input's outlets, or of its document groups when
    /// `by_doc_group`.
    group_of: Vec<u32>,
    by_doc_group: bool,
    /// The documents of each event, in input order.
    event_docs: Vec<Vec<u32>>,
}

/// Where a comparison runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// Every document.
    All,
    /// The documents of one event.
    Event(u32),
}

/// Integer sums of one group within a scope.
#[derive(Clone, Debug)]
pub(crate) struct GroupSums {
    pub(crate) group: u32,
    /// Its documents, in input order.
    pub(crate) docs: Vec<u32>,
    pub(crate) tokens: u64,
    /// Per feature (dense).
    pub(crate) counts: Vec<u64>,
    /// Documents with at least one occurrence, per feature (dense).
    pub(crate) docs_with: Vec<u64>,
}

/// A scope: its groups in name order and the pooled sums.
#[derive(Clone, Debug)]
pub(crate) struct Scope {
    pub(crate) kind: ScopeKind,
    pub(crate) groups: Vec<GroupSums>,
    pub(crate) tokens: u64,
    pub(crate) docs: u64,
    pub(crate) pooled: Vec<u64>,
    /// Features that occur in the scope, ascending.
    pub(crate) features: Vec<u32>,
}

/// Position of every name in the list sorted as `shown` (then by name), deduplicated.
fn ranks(names: &[&str], shown: CellStyle) -> (Vec<String>, Vec<u32>) {
    let order = |a: &&str, b: &&str| shown.text(a).cmp(&shown.text(b)).then_with(|| a.cmp(b));
    let mut sorted: Vec<&str> = names.to_vec();
    sorted.sort_unstable_by(order);
    sorted.dedup();
    let ids = names
        .iter()
        .map(|n| sorted.binary_search_by(|s| order(s, n)).unwrap_or(0) as u32)
        .collect();
    (sorted.into_iter().map(String::from).collect(), ids)
}

impl<'a> Prepared<'a> {
    pub(crate) fn new(
        input: &'a CompareInput,
        groups: &GroupMap,
        partition: Partition,
    ) -> Prepared<'a> {
        let shown = input.shown();
        let table = FeatureTable::new(&input.terms, shown);
        let by_doc_group = partition == Partition::Groups && groups.is_empty();
        let mapped: Vec<&str> = match partition {
            Partition::Outlets => input.outlets.iter().map(String::as_str).collect(),
            Partition::Groups if by_doc_group => input.groups.iter().map(String::as_str).collect(),
            Partition::Groups => input.outlets.iter().map(|o| groups.group(o)).collect(),
        };
        let (group_names, group_of) = ranks(&mapped, shown);
        let event_refs: Vec<&str> = input.events.iter().map(String::as_str).collect();
        let (event_names, event_rank) = ranks(&event_refs, shown);
        let mut event_docs = vec![Vec::new(); event_names.len()];
        for (i, d) in input.docs.iter().enumerate() {
            if let Some(e) = d.event() {
                event_docs[event_rank[e as usize] as usize].push(i as u32);
            }
        }
        Prepared {
            input,
            partition,
            table,
            groups: group_names,
            events: event_names,
            group_of,
            by_doc_group,
            event_docs,
        }
    }

    /// `name` as the comparison orders it and names bootstrap streams by it (see
    /// [`CompareInput::shown`]).
    pub(crate) fn key<'n>(&self, name: &'n str) -> Cow<'n, str> {
        self.input.shown().text(name)
    }

    /// A document's group id.
    pub(crate) fn group(&self, doc: u32) -> u32 {
        let d = &self.input.docs[doc as usize];
        let key = if self.by_doc_group { d.group().unwrap_or(0) } else { d.outlet };
        self.group_of[key as usize]
    }

    /// Documents of the input.
    pub(crate) fn docs(&self) -> usize {
        self.input.docs.len()
    }

    /// A document's attributions, then per stance class.
    pub(crate) fn stance(&self, doc: u32) -> &super::input::StanceCounts {
        &self.input.stance[doc as usize]
    }

    /// A document's tokens.
    pub(crate) fn tokens(&self, doc: u32) -> u64 {
        self.input.docs[doc as usize].tokens
    }

    /// The scopes in output order: all documents, then each event by name.
    pub(crate) fn scope_kinds(&self) -> impl Iterator<Item = ScopeKind> {
        std::iter::once(ScopeKind::All).chain((0..self.events.len() as u32).map(ScopeKind::Event))
    }

    /// A document's (feature, count) pairs, ascending by feature, into `out`.
    pub(crate) fn doc_counts(&self, doc: u32, out: &mut DocCounts) -> Result<()> {
        self.input.doc_terms(doc as usize, &mut out.terms)?;
        self.table.expand(&out.terms, &mut out.features);
        Ok(())
    }

    /// Sums every group of a scope.
    pub(crate) fn scope(&self, kind: ScopeKind) -> Result<Scope> {
        let nf = self.table.features.len();
        let mut by_group: Vec<Option<GroupSums>> = vec![None; self.groups.len()];
        let members: Box<dyn Iterator<Item = u32>> = match kind {
            ScopeKind::All => Box::new(0..self.input.docs.len() as u32),
            ScopeKind::Event(e) => Box::new(self.event_docs[e as usize].iter().copied()),
        };
        let mut buf = DocCounts::default();
        for i in members {
            self.doc_counts(i, &mut buf)?;
            let group = self.group(i);
            let g = by_group[group as usize].get_or_insert_with(|| GroupSums {
                group,
                docs: Vec::new(),
                tokens: 0,
                counts: vec![0; nf],
                docs_with: vec![0; nf],
            });
            g.docs.push(i);
            g.tokens += self.tokens(i);
            for &(f, n) in &buf.features {
                g.counts[f as usize] += n;
                g.docs_with[f as usize] += 1;
            }
        }
        let groups: Vec<GroupSums> = by_group.into_iter().flatten().collect();
        let mut pooled = vec![0u64; nf];
        for g in &groups {
            pooled.iter_mut().zip(&g.counts).for_each(|(p, &c)| *p += c);
        }
        let features = (0..nf as u32).filter(|&f| pooled[f as usize] > 0).collect();
        Ok(Scope {
            kind,
            tokens: groups.iter().map(|g| g.tokens).sum(),
            docs: groups.iter().map(|g| g.docs.len() as u64).sum(),
            groups,
            pooled,
            features,
        })
    }
}

/// Reused buffers for one document's counts.
#[derive(Default)]
pub(crate) struct DocCounts {
    terms: Vec<(u32, u32)>,
    /// (feature, count), ascending.
    pub(crate) features: Vec<(u32, u64)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_events_and_sums() {
        let mut input = CompareInput::new();
        let t = input.term_id("loaded", "loaded/x", "regime");
        input.add_document("B", Some("e2"), 10, &[(t, 1)]).unwrap();
        input.add_document("A", Some("e1"), 20, &[]).unwrap();
        input.add_document("C", None, 5, &[(t, 2)]).unwrap();
        let map = GroupMap::parse(&["C=B".into()]).unwrap();
        let outlets = Prepared::new(&input, &map, Partition::Outlets);
        assert_eq!(outlets.groups, ["A", "B", "C"]);
        let p = Prepared::new(&input, &map, Partition::Groups);
        assert_eq!(p.groups, ["A", "B"]);
        assert_eq!(p.events, ["e1", "e2"]);
        let all = p.scope(ScopeKind::All).unwrap();
        assert_eq!((all.tokens, all.docs, all.groups.len()), (35, 3, 2));
        let b = &all.groups[1];
        assert_eq!((b.group, b.tokens, &b.docs[..]), (1, 15, &[0, 2][..]));
        // Features: loaded, loaded/x, regime — each counted 3 times, in 2 documents.
        assert_eq!(b.counts, vec![3, 3, 3]);
        assert_eq!(b.docs_with, vec![2, 2, 2]);
        assert_eq!(all.features, vec![0, 1, 2]);
        let e1 = p.scope(ScopeKind::Event(0)).unwrap();
        assert_eq!((e1.groups.len(), e1.tokens), (1, 20));
        assert!(e1.features.is_empty());
        assert_eq!(p.scope_kinds().count(), 3);
    }

    #[test]
    fn document_groups_partition_across_outlets() {
        let mut input = CompareInput::new();
        input.add_grouped_document("A", None, Some("right"), 10, &[]).unwrap();
        input.add_grouped_document("B", None, Some("left"), 20, &[]).unwrap();
        input.add_grouped_document("A", None, Some("left"), 5, &[]).unwrap();
        let p = Prepared::new(&input, &GroupMap::default(), Partition::Groups);
        assert_eq!(p.groups, ["left", "right"]);
        assert_eq!((p.group(0), p.group(1), p.group(2)), (1, 0, 0));
        let all = p.scope(ScopeKind::All).unwrap();
        assert_eq!((all.groups[0].tokens, all.groups[1].tokens), (25, 10));
        // An outlet map, when given, wins over the documents' own groups.
        let map = GroupMap::parse(&["A=x".into()]).unwrap();
        let p = Prepared::new(&input, &map, Partition::Groups);
        assert_eq!(p.groups, ["B", "x"]);
    }
}
