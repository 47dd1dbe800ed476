//! `sources.csv`: per outlet (and per event × outlet), how often each resolved source is
//! attributed with each cue class — long and flat, so "which verbs does each outlet use for
//! whom" is one pivot table away.

use super::cells::share;
use super::schema::TableSchema;
use super::table::{Closed, ReportOptions, Table};
use super::tables::scope;
use crate::aggregate::{Aggregates, GroupKey};
use crate::attribution::{COLON_LEMMA, CueClass, LEARNED_LEMMA, SURVEY_LEMMA};
use crate::compare::{DocPositions, Regrouping, read_input_table};
use crate::error::Result;
use crate::lexicon::Lexicon;
use std::collections::BTreeMap;
use std::path::Path;

pub(super) fn write(
    dir: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
    table: &TableSchema,
) -> Result<Closed> {
    let mut t = Table::create(dir, table, &[], opts)?;
    for (k, g) in &agg.groups {
        // (source, class) → (count, docs); categories with the same last level merge.
        let mut rows: BTreeMap<(&str, &str), (u64, u64)> = BTreeMap::new();
        for ((source, cat), &(n, docs)) in &g.sources {
            let class = cat.map_or(CueClass::Neutral.name(), |c| lex.class_name(c));
            let r = rows.entry((&**source, class)).or_default();
            r.0 += n;
            r.1 += docs;
        }
        write_group(&mut t, &scope(k, &opts.cells), &rows, g.attributions, opts)?;
    }
    t.close()
}

/// One group's rows: (source, class) → (attributions, documents), of `attributions` in all.
fn write_group<S: AsRef<str> + Ord>(
    t: &mut Table,
    key: &[String; 3],
    rows: &BTreeMap<(S, S), (u64, u64)>,
    attributions: u64,
    opts: &ReportOptions,
) -> Result<()> {
    let mut per_source: BTreeMap<&str, u64> = BTreeMap::new();
    for ((source, _), &(n, _)) in rows {
        *per_source.entry(source.as_ref()).or_default() += n;
    }
    for ((source, class), &(n, docs)) in rows {
        let of_source = per_source.get(source.as_ref()).copied().unwrap_or(0);
        t.row([
            &key[0],
            &key[1],
            &key[2],
            &*opts.cells.text(source.as_ref()),
            &*opts.cells.text(class.as_ref()),
            &n.to_string(),
            &docs.to_string(),
            &share(n, of_source),
            &share(n, attributions),
        ])?;
    }
    Ok(())
}

/// A group's attributions and its (source, class) → (attributions, documents).
#[derive(Default)]
struct GroupSources {
    attributions: u64,
    rows: BTreeMap<(String, String), (u64, u64)>,
}

/// `group_sources.csv` of `framelens compare`: the rows of `source`'s `attributions.csv`
/// counted per group of `input` (and per event × group with `by_event`), as `analyze`
/// counts them: a document counts once per source, class and kind of cue (a lexicon cue, or
/// a colon, poll or model cue, which have no lexicon category).
pub(crate) fn group_sources_of_folder(
    r: &Regrouping,
    dir: &Path,
    opts: &ReportOptions,
) -> Result<Closed> {
    let Regrouping { source, input, map, by_event } = *r;
    let docs = DocPositions::read(source)?;
    let mut groups: BTreeMap<GroupKey, GroupSources> = BTreeMap::new();
    let mut in_doc: BTreeMap<(String, String, bool), u64> = BTreeMap::new();
    let mut current: Option<usize> = None;
    let mut flush = |doc: Option<usize>, in_doc: &mut BTreeMap<(String, String, bool), u64>| {
        let Some(group) = doc.and_then(|d| input.group_name(d, map)) else { return };
        let event = doc.and_then(|d| input.event_name(d)).filter(|_| by_event);
        for e in [None].into_iter().chain(event.map(Some)) {
            let key = GroupKey { event: e.map(str::to_string), outlet: group.to_string() };
            let g = groups.entry(key).or_default();
            for ((source, class, _), &n) in in_doc.iter() {
                let r = g.rows.entry((source.clone(), class.clone())).or_default();
                r.0 += n;
                r.1 += 1;
                g.attributions += n;
            }
        }
        in_doc.clear();
    };
    let path = r.file("attributions.csv", super::schema::GROUP_SOURCES.file)?;
    let columns = ["doc_id", "source_resolved", "cue_class", "cue_lemma"];
    read_input_table(&path, &columns, |line, cells| {
        let doc = docs.of(&path, line, cells[0])?;
        if current != Some(doc) {
            flush(current, &mut in_doc);
            current = Some(doc);
        }
        let lexicon_cue = ![COLON_LEMMA, SURVEY_LEMMA, LEARNED_LEMMA].contains(&cells[3]);
        *in_doc.entry((cells[1].to_string(), cells[2].to_string(), lexicon_cue)).or_default() += 1;
        Ok(())
    })?;
    flush(current, &mut in_doc);
    let mut t = Table::create(dir, &super::schema::GROUP_SOURCES, &[], opts)?;
    for (k, g) in &groups {
        write_group(&mut t, &scope(k, &opts.cells), &g.rows, g.attributions, opts)?;
    }
    t.close()
}
