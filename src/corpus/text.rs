//! Plain-text input: one `.txt` file is one document. Its outlet is `--outlet NAME`, else the
//! name of the folder that holds it; its id is `FOLDER/NAME` (the folder's name and the file
//! name without `.txt`), as the same file has in a folder input. Decoding follows the folder
//! reader's rules (`folder::text`).

use super::decode::Digest;
use super::folder::{NOT_REGULAR, text};
use super::record::{Document, InputFailure, Record, UNKNOWN_OUTLET, input_name};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The one record of a `.txt` file, read when it is asked for.
pub(super) struct TextReader {
    path: std::path::PathBuf,
    name: String,
    outlet: Option<String>,
    lossy: bool,
    digest: Arc<Mutex<Digest>>,
    done: bool,
}

impl TextReader {
    /// A reader of `path`, whose documents belong to `outlet` when given.
    pub(super) fn new(
        path: &Path,
        outlet: Option<String>,
        lossy: bool,
        digest: Arc<Mutex<Digest>>,
    ) -> TextReader {
        let name = input_name(path);
        TextReader { path: path.to_path_buf(), name, outlet, lossy, digest, done: false }
    }

    fn read(&self) -> Record {
        let folder = folder_name(&self.path);
        let stem = self.path.file_stem().map_or(String::new(), |s| s.to_string_lossy().into());
        let id = format!("{}/{stem}", folder.as_deref().unwrap_or(UNKNOWN_OUTLET));
        let location =
            self.path.file_name().map_or(String::new(), |s| s.to_string_lossy().into_owned());
        let fail = |reason: String| {
            let (input, location) = (self.name.clone(), location.clone());
            Record::Failed(InputFailure { input, location, doc_id: Some(id.clone()), reason })
        };
        match std::fs::metadata(&self.path) {
            Ok(m) if !m.is_file() => return fail(NOT_REGULAR.into()),
            Err(e) => return fail(format!("cannot read: {e}")),
            Ok(_) => {}
        }
        let bytes = match std::fs::read(&self.path) {
            Ok(b) => b,
            Err(e) => return fail(format!("cannot read: {e}")),
        };
        if let Ok(mut d) = self.digest.lock() {
            d.update(&bytes);
        }
        match text(&bytes, self.lossy) {
            Ok(decoded) => Record::Doc(Box::new(Document {
                outlet: self.outlet.clone().or(folder).unwrap_or_else(|| UNKNOWN_OUTLET.into()),
                text: decoded.text,
                origin: format!("{}: {location}", self.name),
                repaired: decoded.repaired,
                extra: Vec::new(),
                id,
                ..Document::default()
            })),
            Err(reason) => fail(reason),
        }
    }
}

/// The name of the folder holding `path` (the current folder's for a bare file name).
fn folder_name(path: &Path) -> Option<String> {
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = match parent.file_name() {
        Some(n) => n.to_os_string(),
        None => std::fs::canonicalize(parent).ok()?.file_name()?.to_os_string(),
    };
    Some(name.to_string_lossy().into_owned())
}

impl Iterator for TextReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if std::mem::replace(&mut self.done, true) {
            return None;
        }
        Some(self.read())
    }
}
