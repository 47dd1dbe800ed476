//! Folder input: `ROOT/OUTLET/.../DOC.txt`. The outlet is the first folder below the root and
//! the document id is the path below the root without `.txt`. Files are read in path order;
//! hidden entries are skipped, symbolic-link loops are not followed twice, and a file that is
//! unreadable, binary or not UTF-8 becomes a failure.

use super::decode::decode;
use super::{Document, InputFailure, InputOptions, Record, input_name};
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

enum Item {
    File(PathBuf),
    Problem(PathBuf, String),
}

pub(super) fn read(
    root: &Path,
    opts: &InputOptions,
    digest: Arc<Mutex<super::decode::Digest>>,
) -> Result<impl Iterator<Item = Record> + Send + use<>> {
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    walk(root, &mut items, &mut seen).map_err(|e| Error::io(root, e))?;
    let root = root.to_path_buf();
    let name = input_name(&root);
    let lossy = opts.lossy;
    Ok(items.into_iter().filter_map(move |item| {
        let fail = |path: &Path, reason: String| {
            Record::Failed(InputFailure {
                input: name.clone(),
                location: rel(&root, path),
                doc_id: None,
                reason,
            })
        };
        match item {
            Item::Problem(path, reason) => Some(fail(&path, reason)),
            Item::File(path) => {
                let relative = path.strip_prefix(&root).unwrap_or(&path);
                let is_txt = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
                if !is_txt {
                    return None;
                }
                let mut parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if parts.len() < 2 {
                    return Some(fail(
                        &path,
                        "not inside an outlet folder (expected OUTLET/DOC.txt)".into(),
                    ));
                }
                let bytes = match std::fs::read(&path) {
                    Ok(b) => b,
                    Err(e) => return Some(fail(&path, format!("cannot read: {e}"))),
                };
                if let Ok(mut d) = digest.lock() {
                    d.update(rel(&root, &path).as_bytes());
                    d.update(&bytes);
                }
                let outlet = parts[0].clone();
                if let Some(last) = parts.last_mut() {
                    if let Some(stem) = Path::new(last.as_str()).file_stem() {
                        *last = stem.to_string_lossy().into_owned();
                    }
                }
                let id = parts.join("/");
                let with_id = |r: Record| match r {
                    Record::Failed(mut f) => {
                        f.doc_id = Some(id.clone());
                        Record::Failed(f)
                    }
                    r => r,
                };
                let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
                if !utf16 && bytes.contains(&0) {
                    return Some(with_id(fail(
                        &path,
                        "contains NUL bytes: a binary file, not text".into(),
                    )));
                }
                let decoded = match decode(&bytes, lossy) {
                    Ok(d) => d,
                    Err(e) => return Some(with_id(fail(&path, e))),
                };
                if decoded.text.trim().is_empty() {
                    return Some(with_id(fail(&path, "empty document (no text)".into())));
                }
                Some(Record::Doc(Box::new(Document {
                    id,
                    outlet,
                    text: decoded.text,
                    origin: format!("{name}: {}", rel(&root, &path)),
                    repaired: decoded.repaired,
                    ..Document::default()
                })))
            }
        }
    }))
}

fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// Collects files below `dir` in path order, skipping hidden entries and recording problems.
fn walk(dir: &Path, out: &mut Vec<Item>, seen: &mut HashSet<PathBuf>) -> std::io::Result<()> {
    let canonical = std::fs::canonicalize(dir)?;
    if !seen.insert(canonical) {
        out.push(Item::Problem(
            dir.to_path_buf(),
            "symbolic link loop: folder already read".into(),
        ));
        return Ok(());
    }
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => {
                if let Err(e) = walk(&path, out, seen) {
                    out.push(Item::Problem(path, format!("cannot read folder: {e}")));
                }
            }
            Ok(_) => out.push(Item::File(path)),
            Err(e) => out.push(Item::Problem(path, format!("cannot read: {e}"))),
        }
    }
    Ok(())
}
