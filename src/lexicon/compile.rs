//! Compiling checked lexicon rows into a [`Lexicon`]: stemming every plain element with the
//! same stemmer the tokens use, interning stems, exact forms, prefixes and categories, and
//! indexing entries by their first element for the matcher.

use super::bundled::{baked_files, bundled_languages};
use super::compiled::{Candidate, Category, Elem, Entry, Lexicon, LexiconFile, Starts, Vocab};
use super::ids::{CategoryId, EntryId, FileId};
use super::load::{RawEntry, parse_file};
use super::pattern::ElemKind;
use super::prepare::PreparedFile;
use super::role::Roles;
use crate::error::{Error, Result};
use crate::language::Language;
use crate::stem::Stemmer;
use crate::util::sha256_hex;
use rustc_hash::FxHashMap;
use std::path::Path;

impl Lexicon {
    /// The bundled lexicons for `language`.
    pub fn bundled(language: Language) -> crate::Result<Lexicon> {
        let mut b = LexiconBuilder::new(language);
        b.add_bundled()?;
        Ok(b.build())
    }

    /// Every `*.csv` in `dir` (or in `dir/<lang>` when that folder exists), in name order.
    pub fn from_dir(dir: &std::path::Path, language: Language) -> crate::Result<Lexicon> {
        let mut b = LexiconBuilder::new(language);
        b.add_dir(dir)?;
        Ok(b.build())
    }
}

impl LexiconBuilder {
    /// Adds the bundled lexicons of the builder's language.
    pub fn add_bundled(&mut self) -> crate::Result<()> {
        let language = self.stemmer.language();
        let files = baked_files(language.code());
        if files.is_empty() {
            return Err(crate::Error::Usage(format!(
                "no bundled lexicons for '{}'; pass --lexicons DIR (bundled: {})",
                language.code(),
                bundled_languages().join(", ")
            )));
        }
        files.into_iter().try_for_each(|f| self.add_prepared(f))
    }
}

/// Collects lexicon files, then [`build`](LexiconBuilder::build)s the immutable [`Lexicon`].
pub struct LexiconBuilder {
    stemmer: Stemmer,
    files: Vec<LexiconFile>,
    categories: Vec<Category>,
    category_ids: FxHashMap<String, CategoryId>,
    entries: Vec<Entry>,
    roles: Roles,
    vocab: Vocab,
    tops: Vec<CategoryId>,
}

impl LexiconBuilder {
    /// An empty builder whose patterns are stemmed for `language`.
    pub fn new(language: Language) -> LexiconBuilder {
        LexiconBuilder {
            stemmer: Stemmer::new(language),
            files: Vec::new(),
            categories: Vec::new(),
            category_ids: FxHashMap::default(),
            entries: Vec::new(),
            roles: Roles::default(),
            vocab: Vocab::default(),
            tops: Vec::new(),
        }
    }

    /// Adds every `*.csv` file of `dir` (or of `dir/<lang>` when that exists), in name order.
    pub fn add_dir(&mut self, dir: &Path) -> Result<()> {
        let lang_dir = dir.join(self.stemmer.language().code());
        let dir = if lang_dir.is_dir() { lang_dir } else { dir.to_path_buf() };
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| Error::io(&dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(Error::Usage(format!("{}: no lexicon files (*.csv) here", dir.display())));
        }
        let files = paths.iter().map(|p| read_file(p)).collect::<Result<Vec<_>>>()?;
        let files: Vec<(String, &str, &str)> =
            files.iter().map(|(origin, name, text)| (origin.clone(), &**name, &**text)).collect();
        self.add_texts(&files)
    }

    /// Adds one lexicon file's text; `origin` names it in errors and in the manifest, `name`
    /// is the dimension (the file stem).
    pub fn add_text(&mut self, origin: &str, name: &str, text: &str) -> Result<()> {
        let file = prepare_text(&self.stemmer, origin, name, text)?;
        self.add_prepared(file)
    }

    /// Adds several files' texts (`(origin, name, text)`), in this order. The files are
    /// parsed and stemmed in two shares of about equal size, one on a helper thread when
    /// there is a second core (most of a short run's start-up; a thread per file cost more
    /// CPU than it saved); the first failing file, in this order, is the error.
    pub fn add_texts(&mut self, files: &[(String, &str, &str)]) -> Result<()> {
        let stemmer = &self.stemmer;
        let prepare = |share: &[usize]| -> Vec<(usize, Result<PreparedFile>)> {
            share
                .iter()
                .map(|&i| {
                    let (origin, name, text) = &files[i];
                    (i, prepare_text(stemmer, origin, name, text))
                })
                .collect()
        };
        // Largest first, each to the lighter share.
        let mut by_size: Vec<usize> = (0..files.len()).collect();
        by_size.sort_by_key(|&i| std::cmp::Reverse(files[i].2.len()));
        let (mut here, mut there, mut loads) = (Vec::new(), Vec::new(), [0usize; 2]);
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        for i in by_size {
            if cores > 1 && loads[1] < loads[0] {
                loads[1] += files[i].2.len();
                there.push(i);
            } else {
                loads[0] += files[i].2.len();
                here.push(i);
            }
        }
        let mut prepared: Vec<(usize, Result<PreparedFile>)> = std::thread::scope(|s| {
            let helper = (!there.is_empty()).then(|| s.spawn(|| prepare(&there)));
            let mut done = prepare(&here);
            if let Some(h) = helper {
                done.extend(h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            }
            done
        });
        prepared.sort_by_key(|(i, _)| *i);
        prepared.into_iter().try_for_each(|(_, f)| self.add_prepared(f?))
    }

    /// Adds one dimension of checked rows (an imported dictionary's category, see
    /// `lexicon::import`); `sha256` is that of the file they were read from.
    pub(crate) fn add_rows(
        &mut self,
        origin: &str,
        name: &str,
        sha256: String,
        rows: Vec<RawEntry>,
    ) -> Result<()> {
        let stemmer = &self.stemmer;
        let file =
            PreparedFile::from_rows(&|w| stemmer.stem(w).into_owned(), origin, name, sha256, rows)?;
        self.add_prepared(file)
    }

    /// The top-level category paths interned so far.
    pub(crate) fn top_paths(&self) -> impl Iterator<Item = &str> {
        self.tops.iter().map(|t| &*self.categories[t.index()].path)
    }

    fn add_prepared(&mut self, prepared: PreparedFile) -> Result<()> {
        let PreparedFile { origin, name, sha256, rows } = prepared;
        if self.files.iter().any(|f| f.name == name) {
            return Err(Error::lexicon(
                &origin,
                1,
                0,
                format!("a lexicon named '{name}' is loaded twice"),
            ));
        }
        let file = FileId(self.files.len() as u32);
        let first = EntryId(self.entries.len() as u32);
        for (row, elems) in rows {
            self.push_entry(file, row, elems);
        }
        self.files.push(LexiconFile {
            name,
            origin,
            sha256,
            entries: first..EntryId(self.entries.len() as u32),
        });
        Ok(())
    }

    fn push_entry(&mut self, file: FileId, row: RawEntry, elems: Vec<(ElemKind, String)>) {
        let compiled: Vec<Elem> = elems
            .into_iter()
            .map(|(kind, text)| match kind {
                ElemKind::Stem => Elem::Stem(intern(&mut self.vocab.stems, text)),
                ElemKind::Exact => Elem::Exact(intern(&mut self.vocab.exacts, text)),
                ElemKind::Prefix => {
                    if !self.vocab.prefix_lens.contains(&text.len()) {
                        self.vocab.prefix_lens.push(text.len());
                        self.vocab.prefix_lens.sort_unstable();
                    }
                    Elem::Prefix(intern(&mut self.vocab.prefixes, text))
                }
            })
            .collect();
        let category = self.intern_category(&row.category);
        match row.valence {
            Some(tenths) => self.roles.push_valence(&row.category, row.intensity, tenths),
            None => self.roles.push(&row.category, row.polarity, row.intensity),
        }
        let term = display_term(&row.pattern);
        self.entries.push(Entry {
            term: term.into(),
            pattern: row.pattern.into(),
            elems: compiled.into(),
            file,
            category,
            polarity: row.polarity,
            intensity: row.intensity,
            lemma: row.lemma.map(Into::into),
            note: row.note.into(),
            source: row.source.into(),
            counts: row.counts,
            line: row.line as u32,
        });
    }

    /// The id of category `path`, interning it and its ancestors (iteratively: a category
    /// may have many levels).
    fn intern_category(&mut self, path: &str) -> CategoryId {
        if let Some(&id) = self.category_ids.get(path) {
            return id;
        }
        // The nearest ancestor already known, then every missing level below it.
        let mut parent = None;
        let mut missing = vec![path.len()];
        for (i, _) in path.rmatch_indices('/') {
            if let Some(&id) = self.category_ids.get(&path[..i]) {
                parent = Some(id);
                break;
            }
            missing.push(i);
        }
        for &end in missing.iter().rev() {
            let id = CategoryId(self.categories.len() as u32);
            let top = parent.map_or(id, |p| self.categories[p.index()].top);
            self.categories.push(Category { path: path[..end].into(), parent, top });
            self.category_ids.insert(path[..end].to_string(), id);
            if parent.is_none() {
                self.tops.push(id);
            }
            parent = Some(id);
        }
        parent.unwrap_or(CategoryId(0))
    }

    /// The compiled, immutable lexicon.
    pub fn build(self) -> Lexicon {
        let mut lists: [Vec<Vec<EntryId>>; 3] = [
            vec![Vec::new(); self.vocab.stems.len()],
            vec![Vec::new(); self.vocab.exacts.len()],
            vec![Vec::new(); self.vocab.prefixes.len()],
        ];
        for (id, e) in self.entries.iter().enumerate() {
            let (vocab, k) = e.elems[0].slot();
            lists[vocab][k as usize].push(EntryId(id as u32));
        }
        let entries = &self.entries;
        let starts = Starts(lists.map(|kind| {
            kind.into_iter()
                .map(|mut v| {
                    v.sort_by_key(|&id| {
                        let e = &entries[id.index()];
                        (e.file, std::cmp::Reverse(e.elems.len()), id)
                    });
                    v.into_iter()
                        .map(|id| {
                            let e = &entries[id.index()];
                            Candidate {
                                entry: id,
                                file: e.file,
                                len: e.elems.len() as u32,
                                second: e.elems.get(1).copied(),
                            }
                        })
                        .collect::<Box<[_]>>()
                })
                .collect()
        }));
        Lexicon {
            stemmer: self.stemmer,
            files: self.files,
            categories: self.categories,
            entries: self.entries,
            roles: self.roles,
            vocab: self.vocab,
            starts,
            tops: self.tops,
            elem_texts: std::sync::OnceLock::new(),
        }
    }
}

/// A lexicon file's origin (its path), name (its stem) and UTF-8 text.
fn read_file(path: &Path) -> Result<(String, String, String)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let origin = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        Error::lexicon(&origin, line, 0, format!("not UTF-8 (byte {valid})"))
    })?;
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((origin, name, text))
}

/// Parses and prepares one file's text.
pub(super) fn prepare_text(
    stemmer: &Stemmer,
    origin: &str,
    name: &str,
    text: &str,
) -> Result<PreparedFile> {
    let raw = parse_file(origin, text)?;
    let sha256 = sha256_hex(text.as_bytes());
    PreparedFile::from_rows(&|w| stemmer.stem(w).into_owned(), origin, name, sha256, raw)
}

fn intern(map: &mut FxHashMap<Box<str>, u32>, key: String) -> u32 {
    let next = map.len() as u32;
    *map.entry(key.into_boxed_str()).or_insert(next)
}

/// The pattern as a reader would write it: without `=` markers, single-spaced, lowercase.
fn display_term(pattern: &str) -> String {
    pattern
        .split_whitespace()
        .map(|w| w.strip_prefix('=').unwrap_or(w).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "pattern,category,polarity,intensity,lemma,note,source\n";

    fn lex(files: &[(&str, &str)]) -> Result<Lexicon> {
        let mut b = LexiconBuilder::new(Language::ENGLISH);
        for (name, body) in files {
            b.add_text(&format!("{name}.csv"), name, &format!("{HEADER}{body}"))?;
        }
        Ok(b.build())
    }

    #[test]
    fn categories_form_a_tree() {
        let l = lex(&[(
            "loaded",
            "massacre,loaded/violence,-2,3,,,team\nhero,loaded/praise,2,2,,,team\n",
        )])
        .unwrap();
        let paths: Vec<&str> = l.categories().iter().map(|c| &*c.path).collect();
        assert_eq!(paths, vec!["loaded", "loaded/violence", "loaded/praise"]);
        assert_eq!(l.top_categories(), &[CategoryId(0)]);
        let lineage: Vec<_> = l.lineage(CategoryId(1)).collect();
        assert_eq!(lineage, vec![CategoryId(1), CategoryId(0)]);
    }

    #[test]
    fn duplicates_are_errors_with_position() {
        let err =
            lex(&[("x", "So-called,hedge,,,,,team\nso called,hedge,,,,,team\n")]).unwrap_err();
        assert_eq!(err.to_string(), "x.csv:3:1: pattern 'so called' duplicates line 2");
        let err = lex(&[("x", "--,hedge,,,,,team\n")]).unwrap_err();
        assert!(err.to_string().starts_with("x.csv:2:1: '--' has no letters"), "{err}");
    }

    #[test]
    fn every_level_of_a_deep_category_is_interned_once() {
        let deep = vec!["x"; super::super::load::MAX_CATEGORY_LEVELS].join("/");
        let l =
            lex(&[("d", &format!("a,{deep},,,,,team\nb,x/x,,,,,team\nc,x/y,,,,,team\n"))]).unwrap();
        assert_eq!(l.categories().len(), 17);
        assert_eq!(l.lineage(l.entry(EntryId(0)).category).count(), 16);
        assert_eq!(l.entry(EntryId(1)).category, CategoryId(1));
        assert_eq!(l.category(l.entry(EntryId(2)).category).parent, Some(CategoryId(0)));
        assert_eq!(l.top_categories(), &[CategoryId(0)]);
    }

    #[test]
    fn same_name_twice_is_an_error() {
        let err = lex(&[("x", "a,b,,,,,\n"), ("x", "c,d,,,,,\n")]).unwrap_err();
        assert!(err.to_string().contains("loaded twice"));
    }

    #[test]
    fn bundled_english_compiles() {
        let l = Lexicon::bundled(Language::ENGLISH).unwrap();
        assert!(!l.entries().is_empty());
        assert!(l.file_named("loaded").is_some());
    }
}
