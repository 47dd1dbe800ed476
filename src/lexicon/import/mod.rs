//! Importing other tools' dictionaries (LIWC `.dic` and LIWC-22 CSV, WordStat `.cat`,
//! Lexicoder `.lc3`/`.lcd`, Yoshikoder `.ykd`, quanteda YAML) and valence lists (VADER's
//! `word<TAB>score`) on top of the bundled lexicons. Each reader turns a file into
//! [`DictEntry`] rows (term as written, raw category levels, position); this module turns
//! those into lexicon rows with the source tool's matching semantics: every word exact
//! (`=word`) or a prefix where it ends in `*`, never stemmed. Every category becomes one
//! lexicon file (a dimension) named `DICT/category/path`, so a term listed under several
//! categories counts in each, as in the source tools, and never collides with a bundled
//! category. A term listed twice under one category is merged.

mod lexicoder;
mod liwc;
mod liwc22;
mod model;
mod text;
mod valence;
mod wordstat;
mod xml;
mod yaml;
mod yoshikoder;

pub use model::Format;

use super::compile::LexiconBuilder;
use super::load::{MAX_CATEGORY_LEVELS, RawEntry};
use crate::error::{Error, Result};
use crate::util::sha256_hex;
use model::DictEntry;
use rustc_hash::FxHashMap;
use std::path::Path;

/// `(name, format, extensions)`: the names `--dict FILE:FORMAT` accepts and the extensions
/// that imply each format.
pub const FORMATS: &[(&str, Format, &[&str])] = &[
    ("liwc", Format::Liwc, &["dic"]),
    ("liwc22", Format::Liwc22, &["dicx"]),
    ("wordstat", Format::WordStat, &["cat"]),
    ("lc3", Format::Lexicoder3, &["lc3"]),
    ("lcd", Format::Lexicoder2, &["lcd"]),
    ("ykd", Format::Yoshikoder, &["ykd"]),
    ("yaml", Format::Yaml, &["yml", "yaml"]),
    ("csv", Format::Csv, &["csv"]),
];

/// One `--dict` argument: `FILE` or `FILE:FORMAT`.
#[derive(Clone, Debug)]
pub struct DictSpec {
    /// The file.
    pub path: std::path::PathBuf,
    /// The format named after the last `:`, if that names one.
    pub format: Option<Format>,
}

impl DictSpec {
    /// Parses `FILE` or `FILE:FORMAT`.
    pub fn parse(arg: &str) -> DictSpec {
        if let Some((file, fmt)) = arg.rsplit_once(':') {
            if let Some(&(_, f, _)) = FORMATS.iter().find(|(n, _, _)| n.eq_ignore_ascii_case(fmt)) {
                return DictSpec { path: file.into(), format: Some(f) };
            }
        }
        DictSpec { path: arg.into(), format: None }
    }

    /// The format: as given, or from the extension (a `.csv` with a `DicTerm` column is
    /// LIWC-22's).
    fn resolve(&self, bytes: &[u8]) -> Result<Format> {
        if let Some(f) = self.format {
            return Ok(f);
        }
        let ext = self.path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        let found =
            FORMATS.iter().find(|(_, _, exts)| ext.as_deref().is_some_and(|e| exts.contains(&e)));
        match found {
            Some((_, Format::Csv, _)) if liwc22::sniff(bytes) => Ok(Format::Liwc22),
            Some(&(_, f, _)) => Ok(f),
            None => Err(Error::Usage(format!(
                "{}: unknown dictionary format; name it: --dict FILE:FORMAT with FORMAT one of {}",
                self.path.display(),
                FORMATS.iter().map(|f| f.0).collect::<Vec<_>>().join(", ")
            ))),
        }
    }
}

/// The dictionary's name: its file stem, made a safe category level.
pub fn dictionary_name(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    safe_level(&stem)
}

impl LexiconBuilder {
    /// Adds the dictionary `spec`: one lexicon file per category, named `DICT/category`.
    /// Nothing is added unless the whole dictionary reads.
    pub fn add_dictionary(&mut self, spec: &DictSpec) -> Result<()> {
        add_dictionary(self, spec)
    }

    /// Adds the valence list at `path` (`word<TAB>score…`), whose words carry tone.
    pub fn add_valence(&mut self, path: &Path) -> Result<()> {
        add_valence(self, path)
    }
}

fn add_dictionary(b: &mut LexiconBuilder, spec: &DictSpec) -> Result<()> {
    let bytes = std::fs::read(&spec.path).map_err(|e| Error::io(&spec.path, e))?;
    let origin = spec.path.display().to_string();
    let format = spec.resolve(&bytes)?;
    let name = dictionary_name(&spec.path);
    if format == Format::Csv {
        let text = text::decode(&origin, &bytes, false)?;
        return b.add_text(&origin, &name, &text);
    }
    let dims = dimensions(&origin, &name, &read(&origin, format, &bytes)?)?;
    check_name(b, &origin, &name)?;
    let sha = sha256_hex(&bytes);
    dims.into_iter().try_for_each(|(file, rows)| b.add_rows(&origin, &file, sha.clone(), rows))
}

fn add_valence(b: &mut LexiconBuilder, path: &Path) -> Result<()> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let origin = path.display().to_string();
    let name = dictionary_name(path);
    let rows = valence::rows(&origin, &name, &text::decode(&origin, &bytes, false)?)?;
    check_name(b, &origin, &name)?;
    b.add_rows(&origin, &name, sha256_hex(&bytes), rows)
}

/// A dictionary may not share its name with a category already loaded.
fn check_name(b: &LexiconBuilder, origin: &str, name: &str) -> Result<()> {
    if b.top_paths().any(|t| t == name) {
        return Err(Error::lexicon(
            origin,
            1,
            0,
            format!("a category '{name}' is already loaded; rename the file to import it"),
        ));
    }
    Ok(())
}

/// The entries of a dictionary file of `format`.
pub(crate) fn read(origin: &str, format: Format, bytes: &[u8]) -> Result<Vec<DictEntry>> {
    let text = text::decode(origin, bytes, format == Format::Liwc)?;
    let entries = match format {
        Format::Liwc => liwc::read(origin, &text)?,
        Format::Liwc22 => liwc22::read(origin, &text)?,
        Format::WordStat => wordstat::read(origin, &text)?,
        Format::Lexicoder3 => lexicoder::read(origin, &text)?,
        Format::Lexicoder2 | Format::Yoshikoder => yoshikoder::read(origin, &text, format)?,
        Format::Yaml => yaml::read(origin, &text)?,
        Format::Csv => return Err(Error::Usage(format!("{origin}: already a framelens CSV"))),
    };
    if entries.is_empty() {
        return Err(Error::lexicon(origin, 1, 0, "no entries found"));
    }
    Ok(entries)
}

/// One lexicon file per category, in order of first appearance: `(file name, rows)`.
pub(crate) fn dimensions(
    origin: &str,
    name: &str,
    entries: &[DictEntry],
) -> Result<Vec<(String, Vec<RawEntry>)>> {
    let file = Path::new(origin).file_name().map_or(origin.into(), |f| f.to_string_lossy());
    let mut dims: Vec<(String, Vec<RawEntry>)> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut seen: FxHashMap<(usize, String), ()> = FxHashMap::default();
    let mut names = SafeNames::default();
    for e in entries {
        let path = names
            .path(name, &e.category)
            .map_err(|m| Error::lexicon(origin, e.line, e.column, m))?;
        let Some(pattern) =
            to_pattern(&e.term).map_err(|m| Error::lexicon(origin, e.line, e.column, m))?
        else {
            continue;
        };
        let elems = super::pattern::parse(&pattern)
            .map_err(|m| Error::lexicon(origin, e.line, e.column, m))?;
        let k = *index.entry(path.clone()).or_insert_with(|| {
            dims.push((path.clone(), Vec::new()));
            dims.len() - 1
        });
        if seen.insert((k, super::prepare::canonical(&elems)), ()).is_some() {
            continue;
        }
        dims[k].1.push(RawEntry {
            pattern,
            category: path,
            polarity: None,
            intensity: None,
            lemma: None,
            note: String::new(),
            source: format!("{file}:{}", e.line),
            line: e.line,
            pattern_column: e.column,
            // Another tool's categories count as that tool counts them, beside ours.
            counts: super::load::Counts::Also,
            valence: None,
        });
    }
    if dims.is_empty() {
        return Err(Error::lexicon(origin, 1, 0, "no entry has a letter or digit to match"));
    }
    Ok(dims)
}

/// Category levels made safe, remembering which raw name each safe path came from so two
/// names that become one (`A B`, `a_b`) are an error, not a silent merge.
#[derive(Default)]
struct SafeNames {
    raw_of: FxHashMap<String, Vec<String>>,
}

impl SafeNames {
    fn path(&mut self, name: &str, levels: &[String]) -> std::result::Result<String, String> {
        if levels.is_empty() {
            return Err("entry outside any category".into());
        }
        if levels.len() + 1 > MAX_CATEGORY_LEVELS {
            return Err(format!(
                "category has {} levels; at most {}",
                levels.len() + 1,
                MAX_CATEGORY_LEVELS
            ));
        }
        let mut path = name.to_string();
        for l in levels {
            path.push('/');
            path.push_str(&safe_level(l));
        }
        let raw: Vec<String> = levels.iter().map(|l| l.trim().to_lowercase()).collect();
        match self.raw_of.get(&path) {
            Some(prev) if *prev != raw => Err(format!(
                "categories '{}' and '{}' have the same name once made safe ('{path}')",
                prev.join("/"),
                raw.join("/")
            )),
            Some(_) => Ok(path),
            None => {
                self.raw_of.insert(path.clone(), raw);
                Ok(path)
            }
        }
    }
}

/// A category level as framelens writes it: lowercase letters, digits, `-`, `_` and `.`;
/// `+`, `=` and `&` become `plus`, `eq` and `and`, other characters `_`.
pub(crate) fn safe_level(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.trim().chars() {
        let word = match c {
            '+' => "plus",
            '=' => "eq",
            '&' => "and",
            c if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') => {
                out.extend(c.to_lowercase());
                continue;
            }
            _ => {
                out.push('_');
                continue;
            }
        };
        if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
        out.push_str(word);
        out.push('_');
    }
    let out = out.trim_end_matches('_');
    if out.is_empty() { "_".into() } else { out.to_string() }
}

/// A term in import syntax as a framelens pattern: every word exact (`=word`), or a prefix
/// where it ends in `*` (`**` counts as one); `None` when no word has a letter or digit.
/// A wildcard before the end of a word is an error. A prefix ending in a hyphen or an
/// apostrophe (`fair-*`) becomes the exact word before it, because the tokenizer splits there.
pub(crate) fn to_pattern(term: &str) -> std::result::Result<Option<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for word in term.split_whitespace() {
        let body = word.trim_end_matches('*');
        let prefix = body.len() < word.len();
        if body.contains('*') {
            return Err(format!("'{word}': a wildcard '*' may only end a word"));
        }
        let body: String = body.chars().filter(|&c| c != '=').collect();
        if !body.chars().any(char::is_alphanumeric) {
            if prefix && body.is_empty() {
                return Err(format!("'{word}': a wildcard alone would match every word"));
            }
            continue;
        }
        let stem = body.trim_end_matches(['-', '\'', '’']);
        out.push(if prefix && stem.len() == body.len() {
            format!("{body}*")
        } else {
            format!("={stem}")
        });
    }
    Ok((!out.is_empty()).then(|| out.join(" ")))
}

#[cfg(test)]
mod tests;

/// The dictionary `spec` as framelens lexicon CSV files, one per category:
/// `(file name, CSV text)`, the file named after the category (`mfd.harmvirtue.csv` for
/// `mfd/harmvirtue`). Loaded with `--lexicons`, they match as the dictionary does.
pub fn to_csv_files(spec: &DictSpec) -> Result<Vec<(String, String)>> {
    let bytes = std::fs::read(&spec.path).map_err(|e| Error::io(&spec.path, e))?;
    let origin = spec.path.display().to_string();
    let format = spec.resolve(&bytes)?;
    let dims = dimensions(&origin, &dictionary_name(&spec.path), &read(&origin, format, &bytes)?)?;
    let mut seen = FxHashMap::default();
    let mut out = Vec::new();
    for (name, rows) in dims {
        let file = format!("{}.csv", name.replace('/', "."));
        if let Some(prev) = seen.insert(file.clone(), name.clone()) {
            return Err(Error::Usage(format!(
                "categories '{prev}' and '{name}' would both be written to {file}"
            )));
        }
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let io = |e: csv::Error| Error::Usage(format!("{file}: {e}"));
        w.write_record(["pattern", "category", "note", "source"]).map_err(io)?;
        for r in rows {
            let note = "imported: matches as written, never stemmed";
            w.write_record([&*r.pattern, &r.category, note, &r.source]).map_err(io)?;
        }
        let bytes = w.into_inner().map_err(|e| Error::Usage(format!("{file}: {e}")))?;
        out.push((file, String::from_utf8_lossy(&bytes).into_owned()));
    }
    Ok(out)
}

/// The lexicon rows of a dictionary of `format` read from `bytes`, one `(file name, rows)`
/// per category (what `--dict` adds); `origin` names it in errors, `name` prefixes its
/// categories.
pub fn read_dimensions(
    origin: &str,
    name: &str,
    format: Format,
    bytes: &[u8],
) -> Result<Vec<(String, Vec<RawEntry>)>> {
    if format == Format::Csv {
        let text = text::decode(origin, bytes, false)?;
        return Ok(vec![(name.to_string(), super::load::parse_file(origin, &text)?)]);
    }
    dimensions(origin, name, &read(origin, format, bytes)?)
}

/// The rows of a valence list read from `bytes` (what `--valence` adds).
pub fn read_valence(origin: &str, name: &str, bytes: &[u8]) -> Result<Vec<RawEntry>> {
    valence::rows(origin, name, &text::decode(origin, bytes, false)?)
}
