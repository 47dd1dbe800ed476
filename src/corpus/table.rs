//! CSV (and TSV) input with a header row, in UTF-8 or UTF-16 with a byte-order mark. The
//! `outlet` and `text` columns are required (the error lists the columns found); other
//! columns are ignored. A ragged or undecodable row becomes a failure naming its line, and
//! reading goes on. A quote left open makes the CSV reader take the rest of the file as one
//! field: that record becomes a failure saying so, naming the line where the quote opened.

use super::decode::{HashingReader, Utf16Reader, decode, reject_nul, utf16_bom};
use super::{FIELDS, Field, InputFailure, InputOptions, Record, assemble, input_name};
use crate::csv_quotes::QuoteState;
use crate::error::{Error, Result};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

pub(super) fn read(
    path: &Path,
    opts: &InputOptions,
    digest: Arc<Mutex<super::decode::Digest>>,
) -> Result<impl Iterator<Item = Record> + Send + use<>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let tsv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    let delimiter = if tsv { b'\t' } else { b',' };
    let mut raw = BufReader::with_capacity(1 << 16, HashingReader { inner: file, digest });
    let head = raw.fill_buf().map_err(|e| Error::io(path, e))?;
    let mut utf16_replaced: Option<Arc<AtomicU64>> = None;
    let source: Box<dyn Read + Send> = match utf16_bom(head) {
        Some(little) => {
            raw.consume(2);
            let r = Utf16Reader::new(raw, little, opts.lossy);
            utf16_replaced = Some(r.replaced());
            Box::new(r)
        }
        None => Box::new(raw),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(QuoteTracker::new(source, delimiter));
    let name = input_name(path);
    let headers = reader
        .byte_headers()
        .map_err(|e| Error::Input {
            path: name.clone(),
            message: format!("unreadable header row: {e}"),
        })?
        .clone();
    if let Some(line) = reader.get_ref().unclosed() {
        return Err(Error::Input {
            path: name,
            message: format!(
                "unclosed quote in the header row (opened on line {line}): the CSV reader took the rest of the file as part of the header"
            ),
        });
    }
    let header: Vec<String> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = String::from_utf8_lossy(h);
            let h = if i == 0 { h.trim_start_matches('\u{feff}') } else { &h };
            h.trim().to_string()
        })
        .collect();
    let mut columns = [None; 7];
    for f in FIELDS {
        let want = opts.fields.name(f);
        let found: Vec<usize> =
            header.iter().enumerate().filter(|(_, h)| h.as_str() == want).map(|(i, _)| i).collect();
        if found.len() > 1 {
            return Err(Error::Input {
                path: name,
                message: format!("column '{want}' appears {} times in the header", found.len()),
            });
        }
        columns[f as usize] = found.first().copied();
    }
    for required in [Field::Outlet, Field::Text] {
        if columns[required as usize].is_none() {
            return Err(Error::Input {
                path: name,
                message: format!(
                    "no '{}' column (map one with --column {}=NAME); columns found: {}",
                    opts.fields.name(required),
                    required.name(),
                    list_columns(&header)
                ),
            });
        }
    }
    let stem = path.file_stem().map_or(String::new(), |s| s.to_string_lossy().into_owned());
    let opts = opts.clone();
    let width = header.len();
    let mut record = csv::ByteRecord::new();
    let mut number = 0u64;
    let mut done = false;
    Ok(std::iter::from_fn(move || {
        if done {
            return None;
        }
        let read = reader.read_byte_record(&mut record);
        number += 1;
        let line = record.position().map_or(0, |p| p.line());
        let location = format!("line {line}");
        if matches!(read, Ok(true)) {
            if let Some(open) = reader.get_ref().unclosed() {
                done = true;
                return Some(Record::Failed(InputFailure {
                    input: name.clone(),
                    location: location.clone(),
                    doc_id: None,
                    reason: format!(
                        "unclosed quote (opened on line {open}): the CSV reader took the rest of the file as one field, so this record and any after it were not analysed"
                    ),
                }));
            }
        }
        let failed = |reason: String| {
            Record::Failed(InputFailure {
                input: name.clone(),
                location: location.clone(),
                doc_id: None,
                reason,
            })
        };
        match read {
            Ok(false) => None,
            Err(e) => {
                done = !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. });
                let line = e.position().map_or(line, |p| p.line());
                Some(Record::Failed(InputFailure {
                    input: name.clone(),
                    location: format!("line {line}"),
                    doc_id: None,
                    reason: if done {
                        format!("unreadable CSV record, the rest of the file was not read: {e}")
                    } else {
                        format!("unreadable CSV record: {e}")
                    },
                }))
            }
            Ok(true) if record.len() != width => Some(failed(format!(
                "record has {} fields but the header has {width}",
                record.len()
            ))),
            Ok(true) => {
                let mut bad = None;
                let mut repaired = false;
                let mut rec = assemble(
                    &name,
                    location.clone(),
                    format!("{stem}:{number}"),
                    &opts.fields,
                    |f| {
                        let raw = record.get(columns[f as usize]?)?;
                        let column = format!("column '{}'", opts.fields.name(f));
                        let checked = decode(raw, opts.lossy)
                            .map_err(|e| format!("{column}: {e}"))
                            .and_then(|d| {
                                repaired |= d.repaired;
                                reject_nul(d.text, opts.lossy, &column)
                            });
                        match checked {
                            Ok((text, fixed)) => {
                                repaired |= fixed;
                                Some(text)
                            }
                            Err(e) => {
                                bad.get_or_insert(e);
                                None
                            }
                        }
                    },
                );
                if let Some(reason) = bad {
                    return Some(failed(reason));
                }
                if let Record::Doc(d) = &mut rec {
                    // UTF-16 replacements happen while streaming: flag the documents that
                    // show a replacement character once any replacement was made.
                    let utf16_fixed =
                        utf16_replaced.as_ref().is_some_and(|n| n.load(Ordering::Relaxed) > 0)
                            && (d.text.contains('\u{FFFD}')
                                || d.title.as_ref().is_some_and(|t| t.contains('\u{FFFD}')));
                    d.repaired = repaired || utf16_fixed;
                }
                Some(rec)
            }
        }
    }))
}

/// The header's column names for an error message, shortened when there are many or long ones.
fn list_columns(header: &[String]) -> String {
    const MAX_COLUMNS: usize = 30;
    const MAX_CHARS: usize = 40;
    let mut shown: Vec<String> = header
        .iter()
        .take(MAX_COLUMNS)
        .map(|h| {
            if h.chars().count() > MAX_CHARS {
                format!("{}…", h.chars().take(MAX_CHARS).collect::<String>())
            } else {
                h.clone()
            }
        })
        .collect();
    if header.len() > MAX_COLUMNS {
        shown.push(format!("… ({} more)", header.len() - MAX_COLUMNS));
    }
    shown.join(", ")
}

/// Passes the bytes to the CSV reader and follows their quoting, so that a quote still open
/// at the end of the file can be reported with the line where it opened.
struct QuoteTracker<R> {
    inner: R,
    quotes: QuoteState,
    eof: bool,
}

impl<R: Read> QuoteTracker<R> {
    fn new(inner: R, delimiter: u8) -> QuoteTracker<R> {
        QuoteTracker { inner, quotes: QuoteState::new(delimiter), eof: false }
    }

    /// The line of the quote left open, once the end of the input has been read.
    fn unclosed(&self) -> Option<u64> {
        self.quotes.open_quote().filter(|_| self.eof).map(|(line, _)| line)
    }
}

impl<R: Read> Read for QuoteTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.eof = true;
        }
        self.quotes.feed(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_quote_is_known_only_at_the_end() {
        let mut t = QuoteTracker::new(&b"a,b\n1,\"open\n2,3\n"[..], b',');
        let mut buf = [0u8; 4];
        t.read_exact(&mut buf).unwrap();
        assert_eq!(t.unclosed(), None);
        std::io::copy(&mut t, &mut std::io::sink()).unwrap();
        assert_eq!(t.unclosed(), Some(2));
    }

    #[test]
    fn long_headers_are_shortened() {
        let header: Vec<String> = (0..40).map(|i| format!("c{i}")).collect();
        let listed = list_columns(&header);
        assert!(listed.ends_with("c29, … (10 more)"), "{listed}");
        let long = list_columns(&["x".repeat(100)]);
        assert_eq!(long.chars().count(), 41);
    }

    mod properties {
        use crate::corpus::{Input, InputOptions, Record};
        use proptest::prelude::*;

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
        }
    }
}
