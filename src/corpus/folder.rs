//! Folder input: `ROOT/OUTLET/.../DOC.txt`. The outlet is the first folder below the root and
//! the document id is the path below the root without `.txt`. Files are read in path order;
//! hidden entries and files that are not `*.txt` are skipped (and counted), a folder reached
//! twice through symbolic links is read once, and a `.txt` entry that is unreadable, not a
//! regular file (a pipe would block), binary or not UTF-8 becomes a failure.

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

/// Entries of a folder input that are not documents, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// Hidden files and folders (name starting with `.`), not looked into.
    pub hidden: u64,
    /// Files whose name does not end in `.txt`.
    pub not_txt: u64,
}

pub(super) fn read(
    root: &Path,
    opts: &InputOptions,
    digest: Arc<Mutex<super::decode::Digest>>,
) -> Result<(impl Iterator<Item = Record> + Send + use<>, Skipped)> {
    let mut walker = Walker::default();
    walker.walk(root).map_err(|e| Error::io(root, e))?;
    let Walker { items, skipped, .. } = walker;
    let root = root.to_path_buf();
    let name = input_name(&root);
    let lossy = opts.lossy;
    let records = items.into_iter().map(move |item| {
        let fail = |path: &Path, reason: String| {
            Record::Failed(InputFailure {
                input: name.clone(),
                location: rel(&root, path),
                doc_id: None,
                reason,
            })
        };
        match item {
            Item::Problem(path, reason) => fail(&path, reason),
            Item::File(path) => {
                let relative = path.strip_prefix(&root).unwrap_or(&path);
                let mut parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if parts.len() < 2 {
                    return fail(
                        &path,
                        "not inside an outlet folder (expected OUTLET/DOC.txt)".into(),
                    );
                }
                let bytes = match std::fs::read(&path) {
                    Ok(b) => b,
                    Err(e) => return fail(&path, format!("cannot read: {e}")),
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
                    return with_id(fail(
                        &path,
                        "contains NUL bytes: a binary file, not text".into(),
                    ));
                }
                let decoded = match decode(&bytes, lossy) {
                    Ok(d) => d,
                    Err(e) => return with_id(fail(&path, e)),
                };
                if decoded.text.contains('\0') {
                    return with_id(fail(
                        &path,
                        "contains NUL characters: a binary file, not text".into(),
                    ));
                }
                if decoded.text.trim().is_empty() {
                    return with_id(fail(&path, "empty document (no text)".into()));
                }
                Record::Doc(Box::new(Document {
                    id,
                    outlet,
                    text: decoded.text,
                    origin: format!("{name}: {}", rel(&root, &path)),
                    repaired: decoded.repaired,
                    ..Document::default()
                }))
            }
        }
    });
    Ok((records, skipped))
}

fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

fn is_txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Collects the `.txt` files below a folder in path order, and the problems met on the way.
#[derive(Default)]
struct Walker {
    items: Vec<Item>,
    skipped: Skipped,
    seen: HashSet<PathBuf>,
}

impl Walker {
    fn walk(&mut self, dir: &Path) -> std::io::Result<()> {
        let canonical = std::fs::canonicalize(dir)?;
        if !self.seen.insert(canonical) {
            self.items.push(Item::Problem(
                dir.to_path_buf(),
                "symbolic link to a folder already read (a loop or a second link): not read again"
                    .into(),
            ));
            return Ok(());
        }
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            match entry {
                Ok(e) => entries.push(e.path()),
                Err(e) => self
                    .items
                    .push(Item::Problem(dir.to_path_buf(), format!("cannot list folder: {e}"))),
            }
        }
        entries.sort();
        for path in entries {
            let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                self.skipped.hidden += 1;
                continue;
            }
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    if let Err(e) = self.walk(&path) {
                        self.items.push(Item::Problem(path, format!("cannot read folder: {e}")));
                    }
                }
                Ok(_) if !is_txt(&path) => self.skipped.not_txt += 1,
                Ok(m) if m.is_file() => self.items.push(Item::File(path)),
                Ok(_) => self.items.push(Item::Problem(
                    path,
                    "not a regular file (a pipe, socket or device): not read".into(),
                )),
                // A dangling link or a link loop: it may have been meant as a folder or a file.
                Err(e) => self.items.push(Item::Problem(path, format!("cannot read: {e}"))),
            }
        }
        Ok(())
    }
}
