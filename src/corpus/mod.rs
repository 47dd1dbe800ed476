//! Corpus input: documents from a folder (`OUTLET/DOC.txt`), a plain `.txt` file, a CSV file,
//! or JSONL (a file or standard input), streamed as [`Record`]s in a fixed order. A record that cannot become a
//! document becomes an [`InputFailure`] with its location and reason; nothing is dropped.
//! Each kind has its reader, an iterator of records (`folder`, `text`, `table`, `jsonl`); `record`
//! holds what they hand on and `decode` how bytes become text. No file here imports this one.

mod decode;
mod fields;
mod folder;
mod jsonl;
mod record;
mod seen;
mod table;
mod text;

pub use fields::{FieldMap, InputOptions};
pub use folder::Skipped;
pub use record::{Document, InputFailure, Record, UNKNOWN_OUTLET};
pub(crate) use seen::SeenIds;

use crate::error::{Error, Result};
use decode::Digest;
use folder::FolderReader;
use jsonl::JsonlReader;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use table::TableReader;
use text::TextReader;

/// The kinds of input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// `OUTLET/DOC.txt` files below a folder.
    Folder,
    /// One plain `.txt` file: one document.
    Text,
    /// A CSV file with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl InputKind {
    /// Guesses the kind from a path: folders, `.txt`, `.csv`/`.tsv`, `.jsonl`/`.ndjson`/`.json`,
    /// `-`.
    pub fn detect(path: &Path) -> Result<InputKind> {
        if path.as_os_str() == "-" {
            return Ok(InputKind::Jsonl);
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Ok(InputKind::Folder);
        }
        let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("txt") => Ok(InputKind::Text),
            Some("csv" | "tsv") => Ok(InputKind::Csv),
            Some("jsonl" | "ndjson" | "json") => Ok(InputKind::Jsonl),
            _ => Err(Error::Input {
                path: path.display().to_string(),
                message:
                    "unknown input kind: give a folder, a .txt, .csv/.tsv or .jsonl file, or -"
                        .into(),
            }),
        }
    }
}

/// An opened input: its records, and a digest of its bytes once they are all read.
pub struct Input {
    /// The path as given.
    pub path: PathBuf,
    /// The kind.
    pub kind: InputKind,
    records: Reader,
    digest: Arc<Mutex<Digest>>,
    skipped: Skipped,
    size: Option<u64>,
}

/// How many bytes of an input have been read, readable while the input is read elsewhere.
#[derive(Clone)]
pub struct ReadMeter(Arc<Mutex<Digest>>);

impl ReadMeter {
    /// Bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.0.lock().map(|d| d.bytes).unwrap_or_default()
    }
}

/// The reader of each kind of input.
enum Reader {
    Folder(FolderReader),
    Text(TextReader),
    Table(Box<TableReader>),
    Jsonl(Box<JsonlReader>),
}

impl Input {
    /// Opens `path` (`-` is JSONL on standard input). Fails only when the input as a whole
    /// cannot be read (missing, or a CSV without the required columns).
    pub fn open(path: &Path, opts: &InputOptions) -> Result<Input> {
        let kind = InputKind::detect(path)?;
        let digest = Arc::new(Mutex::new(Digest::new()));
        let mut skipped = Skipped::default();
        // A regular file's length; nothing for standard input or a pipe.
        let mut size = std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| m.len());
        let records = match kind {
            InputKind::Folder => {
                let (reader, s) = FolderReader::open(path, opts.lossy, digest.clone())?;
                (skipped, size) = (s, Some(reader.size()));
                Reader::Folder(reader)
            }
            InputKind::Text => {
                Reader::Text(TextReader::new(path, opts.outlet.clone(), opts.lossy, digest.clone()))
            }
            InputKind::Csv => {
                Reader::Table(Box::new(TableReader::open(path, opts, digest.clone())?))
            }
            InputKind::Jsonl => {
                Reader::Jsonl(Box::new(JsonlReader::open(path, opts, digest.clone())?))
            }
        };
        Ok(Input { path: path.to_path_buf(), kind, records, digest, skipped, size })
    }

    /// The columns (CSV, TSV) or keys (JSONL, all seen so far) that are neither mapped to a
    /// document field nor carried as extra columns: the run ignores them.
    pub fn ignored_columns(&self) -> Vec<String> {
        match &self.records {
            Reader::Table(r) => r.ignored.clone(),
            Reader::Jsonl(r) => r.ignored.iter().cloned().collect(),
            Reader::Folder(_) | Reader::Text(_) => Vec::new(),
        }
    }

    /// Entries of a folder input that are not documents (all zero for CSV and JSONL).
    pub fn skipped(&self) -> Skipped {
        self.skipped
    }

    /// SHA-256 of everything read so far (of all files, in order, for a folder).
    pub fn sha256(&self) -> String {
        self.digest.lock().map(|d| d.hex()).unwrap_or_default()
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.meter().bytes()
    }

    /// The bytes [`Input::bytes_read`] reaches at the end, known before reading for files and
    /// folders; `None` for standard input or a pipe.
    pub fn size(&self) -> Option<u64> {
        self.size
    }

    /// A handle on [`Input::bytes_read`] that stays readable while the input is iterated.
    pub fn meter(&self) -> ReadMeter {
        ReadMeter(self.digest.clone())
    }
}

impl Iterator for Input {
    type Item = Record;
    fn next(&mut self) -> Option<Record> {
        match &mut self.records {
            Reader::Folder(r) => r.next(),
            Reader::Text(r) => r.next(),
            Reader::Table(r) => r.next(),
            Reader::Jsonl(r) => r.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A generated input row: a document with this text, or bad row number `0..5` of
    /// [`csv_row`] / [`jsonl_row`].
    #[derive(Clone, Debug)]
    enum Row {
        Good(String),
        Bad(u8),
    }

    fn rows() -> impl Strategy<Value = Vec<Row>> {
        let row = prop_oneof![
            2 => "x[a-z ,\"\n\u{e9}]{0,12}".prop_map(Row::Good),
            1 => (0u8..5).prop_map(Row::Bad),
        ];
        proptest::collection::vec(row, 0..16)
    }

    /// Row `i` as CSV (`id,outlet,text` columns), with its line break.
    fn csv_row(i: usize, row: &Row) -> Vec<u8> {
        let mut out = format!("d{i},A,").into_bytes();
        match row {
            Row::Good(text) => out.extend(format!("\"{}\"", text.replace('"', "\"\"")).bytes()),
            Row::Bad(0) => out.truncate(out.len() - 1), // two fields
            Row::Bad(1) => out.extend(b"\"  \""),       // empty
            Row::Bad(2) => out.extend(b"a\0b"),         // a NUL character
            Row::Bad(_) => out.extend(b"a\xFFb"),       // invalid UTF-8 (3 and 4)
        }
        out.push(b'\n');
        out
    }

    /// What row `row` reads as: `Some(true)` a document, `Some(false)` a failure, `None`
    /// nothing (a blank JSONL line). `--lossy` repairs invalid UTF-8 and NUL characters.
    fn expected(row: &Row, jsonl: bool, lossy: bool) -> Option<bool> {
        match row {
            Row::Good(_) => Some(true),
            Row::Bad(4) if jsonl => None,
            Row::Bad(k) => Some(lossy && *k >= 2),
        }
    }

    /// Row `i` as a JSONL line, with its line break.
    fn jsonl_row(i: usize, row: &Row) -> Vec<u8> {
        let id = format!("d{i}");
        let mut out = match row {
            Row::Good(text) => {
                serde_json::json!({"id": id, "outlet": "A", "text": text}).to_string().into_bytes()
            }
            Row::Bad(0) => b"{oops".to_vec(),
            Row::Bad(1) => serde_json::json!({"id": id, "text": ["x"]}).to_string().into_bytes(),
            Row::Bad(2) => serde_json::json!({"id": id, "text": "a\0b"}).to_string().into_bytes(),
            Row::Bad(3) => {
                [format!("{{\"id\":\"{id}\",\"text\":\"a").as_bytes(), b"\xFF\"}"].concat()
            }
            Row::Bad(_) => b"  ".to_vec(), // blank: not a record
        };
        out.push(b'\n');
        out
    }

    /// The size known before reading is what the digest counts once all is read, so the
    /// progress line reaches 100 %; standard input has none.
    #[test]
    fn the_size_is_known_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, text).unwrap();
            p
        };
        write("in/A/one.txt", "Hello.");
        write("in/B/sub/two.txt", "\u{feff}Hi there.");
        write("in/B/skip.md", "not read");
        let inputs = [
            dir.path().join("in"),
            write("a.txt", "Plain text."),
            write("a.csv", "outlet,text\nA,Hi\n"),
            write("a.jsonl", "{\"outlet\":\"A\",\"text\":\"Hi\"}\n"),
        ];
        for path in inputs {
            let mut input = Input::open(&path, &InputOptions::default()).unwrap();
            let size = input.size();
            assert!(input.by_ref().count() > 0);
            assert_eq!(size, Some(input.bytes_read()), "{}", path.display());
        }
        let stdin = Input::open(Path::new("-"), &InputOptions::default()).unwrap();
        assert_eq!(stdin.size(), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Whatever the cells hold (quotes, commas, line breaks, non-ASCII), a CSV written
        /// by a standard writer reads back as the same documents, in order.
        #[test]
        fn csv_round_trip(rows in proptest::collection::vec(
            ("[a-z]{1,8}", "[\\PC\"',\r\n]{0,30}", "\\PC{0,12}"), 1..12)) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("in.csv");
            let mut w = csv::Writer::from_path(&path).unwrap();
            w.write_record(["id", "outlet", "text", "title"]).unwrap();
            for (i, (outlet, text, title)) in rows.iter().enumerate() {
                w.write_record([&format!("d{i}"), outlet, text, title]).unwrap();
            }
            w.flush().unwrap();
            let input = Input::open(&path, &InputOptions::default()).unwrap();
            let records: Vec<Record> = input.collect();
            prop_assert_eq!(records.len(), rows.len());
            for (r, (outlet, text, title)) in records.iter().zip(&rows) {
                let title = Some(title.trim().to_string()).filter(|t| !t.is_empty());
                match r {
                    Record::Doc(d) => {
                        prop_assert_eq!(&d.outlet, outlet);
                        prop_assert_eq!(&d.text, text);
                        prop_assert_eq!(&d.title, &title);
                    }
                    Record::Failed(f) => {
                        prop_assert!(text.trim().is_empty() && title.is_none(), "{:?}", f);
                    }
                }
            }
        }

        /// Whatever the strings hold (quotes, line breaks, control and non-ASCII
        /// characters), JSONL written by a standard serializer, with LF, CRLF or CR line
        /// ends, reads back as the same documents.
        #[test]
        fn jsonl_round_trip(
            docs in proptest::collection::vec(("[a-z]{1,8}", "[^\\x00]{1,30}"), 1..12),
            ending in 0usize..3,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("in.jsonl");
            let end = ["\n", "\r\n", "\r"][ending];
            let text: String = docs
                .iter()
                .map(|(outlet, text)| {
                    serde_json::json!({"outlet": outlet, "text": text}).to_string() + end
                })
                .collect();
            std::fs::write(&path, text).unwrap();
            let input = Input::open(&path, &InputOptions::default()).unwrap();
            let records: Vec<Record> = input.collect();
            prop_assert_eq!(records.len(), docs.len());
            for (i, (r, (outlet, text))) in records.iter().zip(&docs).enumerate() {
                match r {
                    Record::Doc(d) => {
                        prop_assert_eq!(&d.outlet, outlet);
                        prop_assert_eq!(&d.text, text);
                        prop_assert_eq!(&d.id, &format!("in:{}", i + 1));
                    }
                    Record::Failed(f) => prop_assert!(text.trim().is_empty(), "{:?}", f),
                }
            }
        }

        /// Every row of a CSV or JSONL input with bad rows among good ones is read as one
        /// record (documents + failures = rows; blank JSONL lines are none), in input order:
        /// a document with the row's id, or a failure at the line where the row starts.
        #[test]
        fn every_row_is_one_record_in_input_order(rows in rows(), jsonl: bool, lossy: bool) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(if jsonl { "in.jsonl" } else { "in.csv" });
            let mut bytes = if jsonl { Vec::new() } else { b"id,outlet,text\n".to_vec() };
            let mut line = if jsonl { 1 } else { 2 };
            let mut want = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                let text = if jsonl { jsonl_row(i, row) } else { csv_row(i, row) };
                match expected(row, jsonl, lossy) {
                    Some(true) => want.push(Ok(format!("d{i}"))),
                    Some(false) => want.push(Err(format!("line {line}"))),
                    None => {}
                }
                line += text.iter().filter(|&&b| b == b'\n').count();
                bytes.extend(text);
            }
            std::fs::write(&path, bytes).unwrap();
            let opts = InputOptions { lossy, ..InputOptions::default() };
            let read: Vec<std::result::Result<String, String>> = Input::open(&path, &opts)
                .unwrap()
                .map(|r| match r {
                    Record::Doc(d) => Ok(d.id),
                    Record::Failed(f) => Err(f.location),
                })
                .collect();
            prop_assert_eq!(read, want);
        }
    }
}
