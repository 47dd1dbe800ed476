//! Folder input: `ROOT/OUTLET/.../DOC.txt`. The outlet is the first folder below the root and
//! the document id is the path below the root without `.txt`. Files are read in path order;
//! hidden entries and files that are not `*.txt` are skipped (and counted), a folder reached
//! twice through symbolic links is read once, and a `.txt` entry that is unreadable, not a
//! regular file (a pipe would block), binary or not UTF-8 becomes a failure.

use super::decode::{Decoded, Digest, decode, utf16_bom};
use super::record::{Document, InputFailure, Record, input_name};
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Why a file directly in a folder input is not read, and what to give instead.
const NO_OUTLET_FOLDER: &str = "not inside an outlet folder (expected OUTLET/DOC.txt): give the \
    folder that holds the outlet folders, or the .txt files themselves (their outlet is their \
    folder's name, or --outlet NAME)";

/// Why a `.txt` entry that is a pipe, socket or device is not read (reading it could block).
pub(super) const NOT_REGULAR: &str = "not a regular file (a pipe, socket or device): not read";

enum Item {
    /// A `.txt` file and its length.
    File(PathBuf, u64),
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

/// The documents of a folder: its `.txt` files (listed when it is opened) read one by one.
pub(super) struct FolderReader {
    items: std::vec::IntoIter<Item>,
    root: PathBuf,
    name: String,
    lossy: bool,
    digest: Arc<Mutex<Digest>>,
    /// What the digest will have counted once every file is read: each path and its bytes.
    size: u64,
}

impl FolderReader {
    /// Lists the folder; fails only when its root cannot be listed.
    pub(super) fn open(
        root: &Path,
        lossy: bool,
        digest: Arc<Mutex<Digest>>,
    ) -> Result<(FolderReader, Skipped)> {
        let mut walker = Walker::default();
        walker.walk(root).map_err(|e| Error::io(root, e))?;
        let Walker { items, skipped, .. } = walker;
        let size = items
            .iter()
            .map(|i| match i {
                Item::File(path, len) => rel(root, path).len() as u64 + len,
                Item::Problem(..) => 0,
            })
            .sum();
        let reader = FolderReader {
            items: items.into_iter(),
            root: root.to_path_buf(),
            name: input_name(root),
            lossy,
            digest,
            size,
        };
        Ok((reader, skipped))
    }

    /// The bytes the folder's digest counts once every file is read.
    pub(super) fn size(&self) -> u64 {
        self.size
    }

    fn fail(&self, path: &Path, doc_id: Option<String>, reason: String) -> Record {
        let (input, location) = (self.name.clone(), rel(&self.root, path));
        Record::Failed(InputFailure { input, location, doc_id, reason })
    }

    /// One `.txt` file as a document, or why it is not one.
    fn file(&self, path: &Path) -> Record {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let Some((outlet, id)) = outlet_and_id(relative) else {
            return self.fail(path, None, NO_OUTLET_FOLDER.into());
        };
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return self.fail(path, None, format!("cannot read: {e}")),
        };
        let location = rel(&self.root, path);
        if let Ok(mut d) = self.digest.lock() {
            d.update(location.as_bytes());
            d.update(&bytes);
        }
        match text(&bytes, self.lossy) {
            Ok(decoded) => Record::Doc(Box::new(Document {
                id,
                outlet,
                text: decoded.text,
                origin: format!("{}: {location}", self.name),
                repaired: decoded.repaired,
                extra: Vec::new(),
                ..Document::default()
            })),
            Err(reason) => self.fail(path, Some(id), reason),
        }
    }
}

impl Iterator for FolderReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        Some(match self.items.next()? {
            Item::Problem(path, reason) => self.fail(&path, None, reason),
            Item::File(path, _) => self.file(&path),
        })
    }
}

/// The outlet (the first folder) and the id (the path without `.txt`) of a file's path below
/// the root; `None` for a file directly in the root.
fn outlet_and_id(relative: &Path) -> Option<(String, String)> {
    let mut parts: Vec<String> =
        relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.len() < 2 {
        return None;
    }
    let outlet = parts[0].clone();
    if let Some(last) = parts.last_mut() {
        if let Some(stem) = Path::new(last.as_str()).file_stem() {
            *last = stem.to_string_lossy().into_owned();
        }
    }
    Some((outlet, parts.join("/")))
}

/// A file's text, or why it is not a text document (binary, not decodable, empty).
pub(super) fn text(bytes: &[u8], lossy: bool) -> std::result::Result<Decoded, String> {
    if utf16_bom(bytes).is_none() && bytes.contains(&0) {
        return Err("contains NUL bytes: a binary file, not text".into());
    }
    let decoded = decode(bytes, lossy)?;
    if decoded.text.contains('\0') {
        return Err("contains NUL characters: a binary file, not text".into());
    }
    if decoded.text.trim().is_empty() {
        return Err("empty document (no text)".into());
    }
    Ok(decoded)
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
                Ok(m) if m.is_file() => self.items.push(Item::File(path, m.len())),
                Ok(_) => self.items.push(Item::Problem(path, NOT_REGULAR.into())),
                // A dangling link or a link loop: it may have been meant as a folder or a file.
                Err(e) => self.items.push(Item::Problem(path, format!("cannot read: {e}"))),
            }
        }
        Ok(())
    }
}
