//! `labels.csv`: for every group (outlet, event × outlet) and every referent it names, each
//! label's count and share within the referent, overall and in authorial and quoted voice.
//! Written once at the end from the integer per-entry totals; `group_labels.csv` by the same
//! code, from the groups' totals in `analyze` and, in `framelens compare`, from the counted
//! label hits of `matches.csv` ([`group_labels_of_folder`]).

use super::cells::{CellStyle, share};
use super::matches::{Hit, HitColumns};
use super::schema::{self, TableSchema};
use super::table::{Closed, ReportOptions, Table};
use super::tables::scope;
use crate::aggregate::{Aggregates, GroupKey, GroupTotals};
use crate::compare::{DocPositions, Regrouping, input_header, read_input_table};
use crate::error::{Error, Result};
use crate::labels::{Label, LabelSet};
use crate::lexicon::{Lexicon, label_referent};
use crate::util::unguarded;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub(super) fn write(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
    table: &TableSchema,
) -> Result<Closed> {
    let set = LabelSet::new(lex);
    let mut t = Table::create(dir, table, &[], opts)?;
    let mut counts = vec![(0u64, 0u64); set.labels().len()];
    for (k, g) in &agg.groups {
        label_counts(&set, g, &mut counts);
        write_group(&mut t, &set, &scope(k, &opts.cells), &counts, opts.cells)?;
    }
    t.close()
}

/// One group's rows: for every referent it names, each label's count and share, overall and
/// by voice, from the (all, quoted) hits per label of `set` in `counts`.
fn write_group(
    t: &mut Table,
    set: &LabelSet,
    [s, e, o]: &[String; 3],
    counts: &[(u64, u64)],
    cells: CellStyle,
) -> Result<()> {
    for range in set.referents() {
        let group = &counts[range.clone()];
        let total: u64 = group.iter().map(|c| c.0).sum();
        if total == 0 {
            continue;
        }
        let quoted: u64 = group.iter().map(|c| c.1).sum();
        let authorial = total - quoted;
        for (label, &(n, q)) in set.labels()[range].iter().zip(group) {
            t.row([
                s,
                e,
                o,
                &*cells.text(&label.referent),
                &*cells.text(&label.name),
                &n.to_string(),
                &share(n, total),
                &(n - q).to_string(),
                &share(n - q, authorial),
                &q.to_string(),
                &share(q, quoted),
            ])?;
        }
    }
    Ok(())
}

/// (all, quoted) hits per label of one group.
pub(super) fn label_counts(set: &LabelSet, g: &GroupTotals, out: &mut [(u64, u64)]) {
    out.iter_mut().for_each(|c| *c = (0, 0));
    for (&id, &(n, _)) in &g.entries {
        if let Some(l) = set.of(id) {
            let q = g.devices.entries_quoted.get(&id).copied().unwrap_or(0);
            out[l as usize].0 += n;
            out[l as usize].1 += q;
        }
    }
}

/// `group_labels.csv` of `framelens compare`: the counted label hits of `source`'s
/// `matches.csv`, in all and quoted, summed per group of `input` (and per event × group with
/// `by_event`) and written as `analyze` writes them. The labels, with those of each referent
/// no hit names, are the ones of `labels.csv`; a hit's label (its entry's lemma, else its
/// term) is named by `terms.csv`, or by `matches.csv` itself with `--hit-details`. Header
/// only when documents are not grouped.
pub(crate) fn group_labels_of_folder(
    r: &Regrouping,
    dir: &Path,
    opts: &ReportOptions,
) -> Result<Closed> {
    let mut t = Table::create(dir, &schema::GROUP_LABELS, &[], opts)?;
    if !r.input.is_grouped(r.map) {
        return t.close();
    }
    let set = folder_labels(r)?;
    let mut counts = vec![(0u64, 0u64); set.labels().len()];
    for ((event, group), hits) in hits_per_group(r, &set)? {
        counts.iter_mut().for_each(|c| *c = (0, 0));
        hits.into_iter().for_each(|(l, c)| counts[l as usize] = c);
        let key = GroupKey { event: event.map(str::to_string), outlet: group.to_string() };
        write_group(&mut t, &set, &scope(&key, &opts.cells), &counts, opts.cells)?;
    }
    t.close()
}

/// The labels of the referents some outlet names, from the all-documents rows of
/// `labels.csv` (which list every label of each referent an outlet names), as written.
fn folder_labels(r: &Regrouping) -> Result<LabelSet> {
    let path = r.file("labels.csv", schema::GROUP_LABELS.file)?;
    let mut labels: BTreeSet<(String, String)> = BTreeSet::new();
    read_input_table(&path, &["scope", "referent", "label"], |_, cells| {
        if cells[0] == "all" {
            labels.insert((cells[1].into(), cells[2].into()));
        }
        Ok(())
    })?;
    let named = |(referent, name): (String, String)| Label {
        referent: unguarded(&referent).into(),
        name: unguarded(&name).into(),
    };
    Ok(LabelSet::of_labels(labels.into_iter().map(named).collect()))
}

/// Per (event, group) — event `None` for all documents —, (all, quoted) counted hits per
/// label of `set`, from `source`'s `matches.csv`.
type GroupHits<'i> = BTreeMap<(Option<&'i str>, &'i str), FxHashMap<u32, (u64, u64)>>;

fn hits_per_group<'i>(r: &Regrouping<'i>, set: &LabelSet) -> Result<GroupHits<'i>> {
    let Regrouping { input, map, by_event, .. } = *r;
    let path = r.file("matches.csv", schema::GROUP_LABELS.file)?;
    let columns = HitColumns::new(&input_header(&path)?);
    let entries = match columns.has_lemma() {
        true => None,
        false => Some(EntryLabels::read(r, set)?),
    };
    let docs = DocPositions::read(r.source)?;
    let mut groups = GroupHits::new();
    read_input_table(&path, columns.names(), |line, cells| {
        let hit = columns.read(cells);
        let Some(referent) = label_referent(hit.category).filter(|_| hit.counted) else {
            return Ok(());
        };
        let at = |message| Error::input_at(&path, line, message);
        let label = match hit.lemma {
            Some(lemma) => label_of(set, referent, hit.term, lemma),
            None => entries.as_ref().and_then(|e| e.of(&hit)).ok_or_else(|| {
                format!("entry '{}' of {} is not in terms.csv", hit.term, hit.category)
            }),
        };
        let label = label.map_err(at)?;
        let doc = docs.of(&path, line, hit.doc_id)?;
        let Some(group) = input.group_name(doc, map) else { return Ok(()) };
        let event = input.event_name(doc).filter(|_| by_event);
        for key in [(None, group)].into_iter().chain(event.map(|e| (Some(e), group))) {
            let c = groups.entry(key).or_default().entry(label).or_default();
            c.0 += 1;
            c.1 += u64::from(hit.quoted);
        }
        Ok(())
    })?;
    Ok(groups)
}

/// The label of an entry of `referent` written `term`, with `lemma` (empty when it has
/// none): its lemma, else its term, as [`LabelSet::new`] names it; an error when `set` does
/// not list it.
fn label_of(
    set: &LabelSet,
    referent: &str,
    term: &str,
    lemma: &str,
) -> std::result::Result<u32, String> {
    let name = if lemma.is_empty() { term } else { lemma };
    let unlisted = || format!("label '{name}' of '{referent}' is not listed in labels.csv");
    set.position(referent, unguarded(name)).ok_or_else(unlisted)
}

/// Each label entry's label, by category and term as the tables write them, from the lemmas
/// of `terms.csv` (which lists every entry that occurred).
struct EntryLabels(FxHashMap<String, FxHashMap<String, u32>>);

impl EntryLabels {
    fn read(r: &Regrouping, set: &LabelSet) -> Result<EntryLabels> {
        let path = r.file("terms.csv", schema::GROUP_LABELS.file)?;
        let mut by_category: FxHashMap<String, FxHashMap<String, u32>> = FxHashMap::default();
        read_input_table(&path, &["category", "term", "lemma"], |line, cells| {
            let [category, term, lemma] = [cells[0], cells[1], cells[2]];
            let Some(referent) = label_referent(category) else { return Ok(()) };
            let at = |message| Error::input_at(&path, line, message);
            let label = label_of(set, referent, term, lemma).map_err(at)?;
            let terms = by_category.entry(category.to_string()).or_default();
            match terms.insert(term.to_string(), label) {
                Some(other) if other != label => Err(at(format!(
                    "the entry '{term}' of {category} names two labels (two lexicons have it); \
                     analyze again with --hit-details, whose matches.csv names each hit's lemma"
                ))),
                _ => Ok(()),
            }
        })?;
        Ok(EntryLabels(by_category))
    }

    /// The label of the entry of `hit`, if `terms.csv` lists it.
    fn of(&self, hit: &Hit) -> Option<u32> {
        self.0.get(hit.category)?.get(hit.term).copied()
    }
}
