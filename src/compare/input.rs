//! What the comparison reads: per-document token totals and term counts, keyed by ids that
//! are interned from names (outlet, event; lexicon, category and term). A
//! `Collector` fills it while documents stream, with the names as the
//! input gives them; `framelens compare` reads it back from `documents.csv` and
//! `doc_terms.csv` ([`CompareInput::read_dir`], [`CompareInput::read_dir_spilled`]), with
//! the names as the tables show them. Names are ordered, and bootstrap streams named, as the
//! tables show them ([`CompareInput::shown`]), so both paths give the same bytes. Integers
//! only. The per-document counts go to a `CountStore`: in memory, or spilled to a file, as
//! `analyze` and `framelens compare` do ([`CompareInput::spilled`]).

use super::store::CountStore;
use crate::corpus::SeenIds;
use crate::error::{Error, Result};
use crate::lexicon::CueClass;
use crate::util::CellStyle;
use rustc_hash::FxHashMap;
use std::path::Path;

/// A lexicon entry as the tables name it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermKey {
    /// The lexicon file (`loaded`).
    pub lexicon: String,
    /// Its category path (`loaded/violence`).
    pub category: String,
    /// The entry (`war crimes`).
    pub term: String,
}

/// A document's detected attributions, then its attributions per stance class in
/// [`CueClass::ALL`] order.
pub type StanceCounts = [u32; 7];

/// One document: where it belongs, its tokens and where its term counts start (24 bytes:
/// a run keeps one per document until the comparison).
#[derive(Clone, Debug)]
pub(crate) struct DocEntry {
    pub(crate) outlet: u32,
    /// The event id, or [`NO_EVENT`].
    event: u32,
    pub(crate) tokens: u64,
    /// Its first pair in [`CompareInput::counts`]; they run to the next document's first.
    counts_start: u64,
    /// The group id, or [`NO_EVENT`] when the input has no groups.
    group: u32,
}

/// [`DocEntry::event`] of a document without one.
const NO_EVENT: u32 = u32::MAX;

impl DocEntry {
    /// The event id, if it has one.
    pub(crate) fn event(&self) -> Option<u32> {
        (self.event != NO_EVENT).then_some(self.event)
    }

    /// The group id, if the input has groups.
    pub(crate) fn group(&self) -> Option<u32> {
        (self.group != NO_EVENT).then_some(self.group)
    }
}

/// Per-document counts for the whole corpus, in document order.
#[derive(Debug, Default)]
pub struct CompareInput {
    pub(crate) outlets: Vec<String>,
    outlet_ids: FxHashMap<String, u32>,
    pub(crate) events: Vec<String>,
    event_ids: FxHashMap<String, u32>,
    pub(crate) terms: Vec<TermKey>,
    term_ids: FxHashMap<TermKey, u32>,
    /// Group names (`--group-by`, or the `group` column of `documents.csv`).
    pub(crate) groups: Vec<String>,
    group_ids: FxHashMap<String, u32>,
    pub(crate) docs: Vec<DocEntry>,
    /// Per document: detected attributions, then per stance class.
    pub(crate) stance: Vec<StanceCounts>,
    /// (term id, count), per document in the order given.
    counts: CountStore,
    /// How the tables show the names (see [`CompareInput::key`]).
    shown: CellStyle,
}

/// The id of `name` in `names`, interning it on first use.
fn intern<Q>(names: &mut Vec<Q::Owned>, ids: &mut FxHashMap<Q::Owned, u32>, name: &Q) -> u32
where
    Q: ToOwned + std::hash::Hash + Eq + ?Sized,
    Q::Owned: std::hash::Hash + Eq,
{
    if let Some(&id) = ids.get(name) {
        return id;
    }
    let id = names.len() as u32;
    names.push(name.to_owned());
    ids.insert(name.to_owned(), id);
    id
}

impl CompareInput {
    /// No documents yet.
    pub fn new() -> CompareInput {
        CompareInput { shown: CellStyle { safe_text: false }, ..CompareInput::default() }
    }

    /// No documents yet; their counts will wait in a new file at `path` (which must not
    /// exist) instead of memory. [`CompareInput::remove_spill`] deletes it.
    pub fn spilled(path: &Path) -> Result<CompareInput> {
        Ok(CompareInput { counts: CountStore::spilled(path)?, ..CompareInput::new() })
    }

    /// The names are shown in `style` in the tables: the comparison orders them (and names
    /// bootstrap streams) as shown, as `framelens compare` sees them when it reads the tables.
    pub(crate) fn shown_as(&mut self, style: CellStyle) {
        self.shown = style;
    }

    /// How the tables show names: groups, events and features are ordered as shown.
    pub(crate) fn shown(&self) -> CellStyle {
        self.shown
    }

    /// Deletes the spill file, if any; the input is spent.
    pub fn remove_spill(self) -> Result<()> {
        self.counts.remove()
    }

    /// Document `doc`'s (term id, count) pairs into `out` (cleared first).
    pub(crate) fn doc_terms(&self, doc: usize, out: &mut Vec<(u32, u32)>) -> Result<()> {
        let start = self.docs[doc].counts_start;
        let end = self.docs.get(doc + 1).map_or(self.counts.len(), |d| d.counts_start);
        self.counts.read(start..end, out)
    }

    /// The id of a term, interning it on first use.
    pub fn term_id(&mut self, lexicon: &str, category: &str, term: &str) -> u32 {
        let key = TermKey {
            lexicon: lexicon.to_string(),
            category: category.to_string(),
            term: term.to_string(),
        };
        intern(&mut self.terms, &mut self.term_ids, &key)
    }

    /// Adds a document with its (term id, count) pairs; duplicates are summed later.
    pub fn add_document(
        &mut self,
        outlet: &str,
        event: Option<&str>,
        tokens: u64,
        terms: &[(u32, u32)],
    ) -> Result<()> {
        self.add_grouped_document(outlet, event, None, tokens, terms)
    }

    /// [`CompareInput::add_document`] for a document in `group` (documents are grouped
    /// either all or none: a document without a group in a grouped input is in
    /// [`NO_GROUP`](super::groups::NO_GROUP)).
    pub fn add_grouped_document(
        &mut self,
        outlet: &str,
        event: Option<&str>,
        group: Option<&str>,
        tokens: u64,
        terms: &[(u32, u32)],
    ) -> Result<()> {
        let outlet = intern(&mut self.outlets, &mut self.outlet_ids, outlet);
        let event = event.map_or(NO_EVENT, |e| intern(&mut self.events, &mut self.event_ids, e));
        let group = group.map_or(NO_EVENT, |g| intern(&mut self.groups, &mut self.group_ids, g));
        let counts = self.counts.push(terms.iter().copied().filter(|&(_, n)| n > 0))?;
        self.docs.push(DocEntry { outlet, event, tokens, counts_start: counts.start, group });
        self.stance.push([0; 7]);
        Ok(())
    }

    /// Sets the last document's detected attributions and their counts per stance class.
    pub fn set_stance(&mut self, counts: StanceCounts) {
        if let Some(last) = self.stance.last_mut() {
            *last = counts;
        }
    }

    /// The documents of each group, by group name (sorted): the outlet map's groups when it
    /// has any, else the documents' own; empty when documents are not grouped.
    pub fn group_sizes(&self, map: &super::groups::GroupMap) -> Vec<(String, u64)> {
        let mut sizes = std::collections::BTreeMap::<&str, u64>::new();
        for doc in 0..self.docs.len() {
            if let Some(name) = self.group_name(doc, map) {
                *sizes.entry(name).or_default() += 1;
            }
        }
        sizes.into_iter().map(|(g, n)| (g.to_string(), n)).collect()
    }

    /// The group of document `doc`: by the outlet map when it has any, else the document's
    /// own; `None` when documents are not grouped.
    pub(crate) fn group_name<'a>(
        &'a self,
        doc: usize,
        map: &'a super::groups::GroupMap,
    ) -> Option<&'a str> {
        if !self.is_grouped(map) {
            return None;
        }
        let d = &self.docs[doc];
        Some(match d.group() {
            Some(g) if map.is_empty() => &self.groups[g as usize],
            _ => map.group(&self.outlets[d.outlet as usize]),
        })
    }

    /// The event of document `doc`, if it has one.
    pub(crate) fn event_name(&self, doc: usize) -> Option<&str> {
        self.docs[doc].event().map(|e| self.events[e as usize].as_str())
    }

    /// Whether documents are grouped: by the outlet map, or by their own groups.
    pub(crate) fn is_grouped(&self, map: &super::groups::GroupMap) -> bool {
        !map.is_empty() || self.has_groups()
    }

    /// Whether documents carry groups.
    pub fn has_groups(&self) -> bool {
        !self.groups.is_empty()
    }

    /// Documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The outlet names, in order of first appearance.
    pub fn outlets(&self) -> &[String] {
        &self.outlets
    }

    /// Fails unless `dir` is a folder with a `documents.csv`, as `analyze` writes: the check
    /// [`CompareInput::read_dir`] makes first, for callers that want it before other work.
    pub fn check_dir(dir: &Path) -> Result<()> {
        std::fs::metadata(dir).map_err(|e| Error::io(dir, e))?;
        if dir.join("documents.csv").exists() {
            return Ok(());
        }
        let message = "not a framelens output folder (no documents.csv)".into();
        Err(Error::Input { path: dir.display().to_string(), message })
    }

    /// Reads `documents.csv` (columns `doc_id`, `outlet`, `event`, `tokens`; others are
    /// ignored) and `doc_terms.csv` (`doc_id`, `lexicon`, `category`, `term`, `count`) of an
    /// `analyze` output folder, holding the counts in memory. Errors name the file and line.
    pub fn read_dir(dir: &Path) -> Result<CompareInput> {
        read_folder(dir, None, &|| Ok(CompareInput::new()))
    }

    /// [`CompareInput::read_dir`] with the counts spilled to a new file at `spill`, as
    /// `analyze` does: memory then holds about 60 bytes per document, not its counts.
    /// [`CompareInput::remove_spill`] deletes the file.
    /// Each document's group is its cell of the column `group_by` of `documents.csv` (an
    /// error if there is none), or without it of the `group` column `analyze` writes when it
    /// groups documents, if there is one.
    pub fn read_dir_spilled(
        dir: &Path,
        spill: &Path,
        group_by: Option<&str>,
    ) -> Result<CompareInput> {
        read_folder(dir, group_by, &|| {
            if std::fs::symlink_metadata(spill).is_ok() {
                std::fs::remove_file(spill).map_err(|e| Error::io(spill, e))?;
            }
            CompareInput::spilled(spill)
        })
    }
}

/// `documents.csv` as the comparison needs it: each document's outlet, event and tokens, and
/// an index of the ids.
struct DocumentRows {
    ids: SeenIds,
    names: Vec<String>,
    name_ids: FxHashMap<String, u32>,
    /// (outlet name, event name or [`NO_EVENT`], tokens), in file order.
    rows: Vec<(u32, u32, u64)>,
    /// Each row's group name, when documents are grouped.
    groups: Vec<u32>,
    /// Each row's stance counts, when the file has them.
    stance: Vec<StanceCounts>,
}

impl DocumentRows {
    fn read(path: &Path, group_by: Option<&str>) -> Result<DocumentRows> {
        let mut d = DocumentRows {
            ids: SeenIds::new(),
            names: Vec::new(),
            name_ids: FxHashMap::default(),
            rows: Vec::new(),
            groups: Vec::new(),
            stance: Vec::new(),
        };
        let mut columns = vec!["doc_id", "outlet", "event", "tokens"];
        let group = group_by.unwrap_or(super::groups::GROUP_COLUMN);
        let grouped = group_by.is_some() || has_column(path, group)?;
        columns.extend(grouped.then_some(group));
        // The stance counts, from the attributions and their class shares.
        let shares: Vec<String> =
            CueClass::ALL.iter().map(|c| format!("{}_share", c.name())).collect();
        let stance = has_column(path, "attributions")?;
        if stance {
            columns.push("attributions");
            columns.extend(shares.iter().map(String::as_str));
        }
        read_table(path, &columns, |line, cells| {
            let mut rest = &cells[4..];
            if grouped {
                let g = if rest[0].is_empty() { super::groups::NO_GROUP } else { rest[0] };
                d.groups.push(intern(&mut d.names, &mut d.name_ids, g));
                rest = &rest[1..];
            }
            if stance {
                d.stance.push(stance_counts(path, line, rest)?);
            }
            let tokens = parse_int(path, line, "tokens", cells[3])?;
            if d.ids.insert(cells[0], "").is_err() {
                return Err(Error::input_at(
                    path,
                    line,
                    format!("duplicate doc_id '{}'", cells[0]),
                ));
            }
            let outlet = intern(&mut d.names, &mut d.name_ids, cells[1]);
            let event = if cells[2].is_empty() {
                NO_EVENT
            } else {
                intern(&mut d.names, &mut d.name_ids, cells[2])
            };
            d.rows.push((outlet, event, tokens));
            Ok(())
        })?;
        Ok(d)
    }

    /// Adds documents `*current..to` to `input`: the first with `pairs` (then emptied), the
    /// others without rows; `*current` becomes `to`.
    fn add_until(
        &self,
        input: &mut CompareInput,
        current: &mut usize,
        to: usize,
        pairs: &mut Vec<(u32, u32)>,
    ) -> Result<()> {
        while *current < to {
            self.add(input, *current, pairs)?;
            pairs.clear();
            *current += 1;
        }
        Ok(())
    }

    /// Adds document `doc` with its pairs to `input`.
    fn add(&self, input: &mut CompareInput, doc: usize, pairs: &[(u32, u32)]) -> Result<()> {
        let (outlet, event, tokens) = self.rows[doc];
        let event = (event != NO_EVENT).then(|| self.names[event as usize].as_str());
        let group = self.groups.get(doc).map(|&g| self.names[g as usize].as_str());
        input.add_grouped_document(&self.names[outlet as usize], event, group, tokens, pairs)?;
        if let Some(&s) = self.stance.get(doc) {
            input.set_stance(s);
        }
        Ok(())
    }
}

/// One row of `doc_terms.csv`: its document (by position in `documents.csv`) and its
/// (term id, count) pair, the term interned into `input`.
fn term_row(
    input: &mut CompareInput,
    docs: &DocumentRows,
    path: &Path,
    line: u64,
    cells: &[&str],
) -> Result<(usize, (u32, u32))> {
    let Some(doc) = docs.ids.position(cells[0]) else {
        return Err(Error::input_at(
            path,
            line,
            format!("doc_id '{}' is not in documents.csv", cells[0]),
        ));
    };
    let count = parse_int(path, line, "count", cells[4])?;
    let count = u32::try_from(count)
        .map_err(|_| Error::input_at(path, line, format!("count {count} is too large")))?;
    Ok((doc as usize, (input.term_id(cells[1], cells[2], cells[3]), count)))
}

const TERM_COLUMNS: [&str; 5] = ["doc_id", "lexicon", "category", "term", "count"];

/// Reads an output folder into the input `make` creates. `analyze` writes `doc_terms.csv`
/// in the order of `documents.csv`, so each document's rows are added as soon as the next
/// document's begin; a file edited out of that order is read again, every document's pairs
/// gathered in memory first. Either way each document gets its rows in file order.
fn read_folder(
    dir: &Path,
    group_by: Option<&str>,
    make: &dyn Fn() -> Result<CompareInput>,
) -> Result<CompareInput> {
    CompareInput::check_dir(dir)?;
    let docs = DocumentRows::read(&dir.join("documents.csv"), group_by)?;
    let terms_path = required(
        dir,
        "doc_terms.csv",
        "`framelens compare` reads the per-document counts, which `framelens analyze` writes \
         with --doc-terms (or --full or --shard); analyze again with --doc-terms",
    )?;
    let mut input = make()?;
    // Documents before `current` are added; `current` gathers its rows in `pairs`.
    let (mut current, mut pairs) = (0usize, Vec::new());
    let mut out_of_order = false;
    let streamed = read_table(&terms_path, &TERM_COLUMNS, |line, cells| {
        let (doc, pair) = term_row(&mut input, &docs, &terms_path, line, cells)?;
        if doc < current {
            out_of_order = true;
            return Err(Error::input_at(&terms_path, line, "out of document order"));
        }
        docs.add_until(&mut input, &mut current, doc, &mut pairs)?;
        pairs.push(pair);
        Ok(())
    });
    if !out_of_order {
        streamed?;
        docs.add_until(&mut input, &mut current, docs.rows.len(), &mut pairs)?;
        return Ok(input);
    }
    drop(input);
    let mut input = make()?;
    let mut per_doc: Vec<Vec<(u32, u32)>> = vec![Vec::new(); docs.rows.len()];
    read_table(&terms_path, &TERM_COLUMNS, |line, cells| {
        let (doc, pair) = term_row(&mut input, &docs, &terms_path, line, cells)?;
        per_doc[doc].push(pair);
        Ok(())
    })?;
    for (doc, pairs) in per_doc.iter().enumerate() {
        docs.add(&mut input, doc, pairs)?;
    }
    Ok(input)
}

/// The path of `file` in the output folder `dir`; an error saying `why` it is needed when
/// it is missing.
fn required(dir: &Path, file: &str, why: &str) -> Result<std::path::PathBuf> {
    let path = dir.join(file);
    if path.exists() {
        return Ok(path);
    }
    Err(Error::Input { path: path.display().to_string(), message: format!("missing: {why}") })
}

/// What `framelens compare` regroups: the analysis folder `source`, its documents as read
/// (`input`), the outlet map, and whether the long tables get event rows.
pub(crate) struct Regrouping<'a> {
    pub(crate) source: &'a Path,
    pub(crate) input: &'a CompareInput,
    pub(crate) map: &'a super::groups::GroupMap,
    pub(crate) by_event: bool,
}

impl Regrouping<'_> {
    /// The path of `file` in the analysis folder, which `table` is counted from; an error
    /// saying so when it is missing.
    pub(crate) fn file(&self, file: &str, table: &str) -> Result<std::path::PathBuf> {
        let why = format!(
            "`framelens compare` counts {table} from it, which `framelens analyze` writes by \
             default; analyze again"
        );
        required(self.source, file, &why)
    }
}

/// Each document's position in an output folder's `documents.csv`, by `doc_id`: what the
/// per-hit tables `framelens compare` counts per group (`attributions.csv`, `matches.csv`)
/// name their documents by.
pub(crate) struct DocPositions(FxHashMap<String, usize>);

impl DocPositions {
    /// The positions of the documents of the output folder `dir`.
    pub(crate) fn read(dir: &Path) -> Result<DocPositions> {
        let mut at = FxHashMap::default();
        read_table(&dir.join("documents.csv"), &["doc_id"], |_, cells| {
            at.insert(cells[0].to_string(), at.len());
            Ok(())
        })?;
        Ok(DocPositions(at))
    }

    /// The position of document `id`, named at `line` of `path`; an error there when
    /// `documents.csv` does not have it.
    pub(crate) fn of(&self, path: &Path, line: u64, id: &str) -> Result<usize> {
        let unknown =
            || Error::input_at(path, line, format!("doc_id '{id}' is not in documents.csv"));
        self.0.get(id).copied().ok_or_else(unknown)
    }
}

fn parse_int(path: &Path, line: u64, column: &str, cell: &str) -> Result<u64> {
    cell.parse().map_err(|_| {
        Error::input_at(path, line, format!("column '{column}': '{cell}' is not a whole number"))
    })
}

/// A document's stance counts from its `attributions` cell and its six `<class>_share`
/// cells (6 decimals: exact for any realistic number of attributions).
fn stance_counts(path: &Path, line: u64, cells: &[&str]) -> Result<StanceCounts> {
    let n = parse_int(path, line, "attributions", cells[0])?;
    let mut out = [0u32; 7];
    out[0] =
        u32::try_from(n).map_err(|_| Error::input_at(path, line, format!("{n} attributions")))?;
    for (k, cell) in cells[1..7].iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        let share: f64 = cell.parse().map_err(|_| {
            let name = CueClass::ALL[k].name();
            Error::input_at(path, line, format!("column '{name}_share': '{cell}' is not a number"))
        })?;
        out[k + 1] = (share * n as f64).round().clamp(0.0, n as f64) as u32;
    }
    Ok(out)
}

/// Whether the CSV file at `path` has the column `name`.
fn has_column(path: &Path, name: &str) -> Result<bool> {
    Ok(header(path)?.iter().any(|h| h == name))
}

/// The header row of a CSV file, without a UTF-8 byte-order mark.
pub(crate) fn header(path: &Path) -> Result<Vec<String>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = csv::ReaderBuilder::new().from_reader(std::io::BufReader::new(file));
    let headers = reader.headers().map_err(|e| Error::input_at(path, 1, e.to_string()))?;
    Ok(headers.iter().map(|h| h.trim_start_matches('\u{feff}').to_string()).collect())
}

/// Reads a CSV file with a header row (a UTF-8 byte-order mark is skipped), handing the
/// cells of `columns`, in that order, to `row` with the record's 1-based line.
pub(crate) fn read_table(
    path: &Path,
    columns: &[&str],
    mut row: impl FnMut(u64, &[&str]) -> Result<()>,
) -> Result<()> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = csv::ReaderBuilder::new().from_reader(std::io::BufReader::new(file));
    let csv_err = |e: csv::Error| {
        let line = e.position().map_or(0, |p| p.line());
        Error::input_at(path, line, e.to_string())
    };
    let headers = reader.headers().map_err(csv_err)?.clone();
    let index: Vec<usize> = columns
        .iter()
        .map(|c| {
            headers.iter().position(|h| h.trim_start_matches('\u{feff}') == *c).ok_or_else(|| {
                Error::input_at(
                    path,
                    1,
                    format!(
                        "no column '{c}' (columns found: {})",
                        headers.iter().collect::<Vec<_>>().join(", ")
                    ),
                )
            })
        })
        .collect::<Result<_>>()?;
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(csv_err)? {
        let line = record.position().map_or(0, |p| p.line());
        let cells: Vec<&str> = index.iter().map(|&i| record.get(i).unwrap_or("")).collect();
        row(line, &cells)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_output_folder_and_reports_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("documents.csv"),
            "\u{feff}doc_id,outlet,event,title,tokens,extra\nd1,A,e1,t,10,x\nd2,B,,t,4,y\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("doc_terms.csv"),
            "doc_id,lexicon,category,term,count\nd1,loaded,loaded/x,regime,2\nd2,loaded,loaded/x,regime,1\nd2,hedges,hedge,reportedly,1\n",
        )
        .unwrap();
        let input = CompareInput::read_dir(dir.path()).unwrap();
        assert_eq!(input.len(), 2);
        assert_eq!(input.outlets(), ["A", "B"]);
        assert_eq!(input.events, ["e1"]);
        assert_eq!(input.docs[1].event(), None);
        assert_eq!(input.docs[0].tokens, 10);
        let mut pairs = Vec::new();
        input.doc_terms(1, &mut pairs).unwrap();
        assert_eq!(pairs, [(0, 1), (1, 1)]);

        std::fs::write(
            dir.path().join("doc_terms.csv"),
            "doc_id,lexicon,category,term,count\nd1,loaded,loaded/x,regime,2\nd9,loaded,loaded/x,regime,1\n",
        )
        .unwrap();
        let err = CompareInput::read_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("doc_terms.csv:3") && err.contains("'d9'"), "{err}");
        std::fs::write(dir.path().join("documents.csv"), "doc_id,outlet,event,tokens\nd1,A,,ten\n")
            .unwrap();
        let err = CompareInput::read_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("documents.csv:2") && err.contains("'ten'"), "{err}");
        std::fs::write(dir.path().join("documents.csv"), "doc_id,outlet\nd1,A\n").unwrap();
        let err = CompareInput::read_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains("no column 'event'"), "{err}");
    }

    #[test]
    fn reads_groups_from_the_group_column_or_another() {
        let dir = tempfile::tempdir().unwrap();
        let spill = dir.path().join("spill");
        std::fs::write(
            dir.path().join("documents.csv"),
            "doc_id,outlet,event,tokens,lean,group\nd1,A,,10,left,L\nd2,B,,4,,R\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("doc_terms.csv"), "doc_id,lexicon,category,term,count\n")
            .unwrap();
        let input = CompareInput::read_dir(dir.path()).unwrap();
        assert_eq!(input.groups, ["L", "R"]);
        let input = CompareInput::read_dir_spilled(dir.path(), &spill, Some("lean")).unwrap();
        assert_eq!(input.groups, ["left", "(no group)"]);
        assert_eq!(input.docs[1].group(), Some(1));
        input.remove_spill().unwrap();
        let err = CompareInput::read_dir_spilled(dir.path(), &spill, Some("bias")).unwrap_err();
        assert!(err.to_string().contains("no column 'bias'"), "{err}");
    }
}
