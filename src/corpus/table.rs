//! CSV (and TSV) input with a header row, in UTF-8 or UTF-16 with a byte-order mark. The
//! `outlet` and `text` columns are required (the error lists the columns found); other
//! columns are ignored. A ragged or undecodable row becomes a failure naming its line, and
//! reading goes on. A quote left open makes the CSV reader take the rest of the file as one
//! field: that record becomes a failure saying so, naming the line where the quote opened.

use super::decode::{Digest, Source, decode, reject_nul};
use super::fields::{FIELDS, Field, FieldMap, InputOptions, list_names, mapping_hint};
use super::record::{Checked, Record, assemble, input_name};
use crate::csv_quotes::QuoteState;
use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The records of a CSV or TSV file, after its header.
pub(super) struct TableReader {
    reader: csv::Reader<QuoteTracker<Source>>,
    name: String,
    /// The file name without its extension, for the ids of records without one.
    stem: String,
    fields: FieldMap,
    lossy: bool,
    /// The column of each field, by `Field as usize`.
    columns: [Option<usize>; 7],
    /// The number of columns in the header.
    width: usize,
    /// The column of each extra column ([`InputOptions::extra`]).
    extra: Vec<(usize, String)>,
    /// The header's columns that are neither mapped to a field nor extra.
    pub(super) ignored: Vec<String>,
    record: csv::ByteRecord,
    /// Records read so far.
    number: u64,
    /// Set once the rest of the file cannot be read.
    done: bool,
}

impl TableReader {
    /// Opens the file and reads its header. Fails when the file cannot be read or the header
    /// is unusable (unreadable, a quote left open, a repeated or a missing required column).
    pub(super) fn open(
        path: &Path,
        opts: &InputOptions,
        digest: Arc<Mutex<Digest>>,
    ) -> Result<TableReader> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let tsv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
        let delimiter = if tsv { b'\t' } else { b',' };
        let mut source = Source::new(Box::new(file), digest, opts.lossy);
        source.reader().map_err(|e| Error::io(path, e))?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(QuoteTracker::new(source, delimiter));
        let name = input_name(path);
        let header = read_header(&mut reader, &name)?;
        let columns = find_columns(&header, &opts.fields, &name)?;
        let extra = opts
            .extra
            .iter()
            .map(|want| {
                let at = header.iter().position(|h| h == want);
                at.map(|i| (i, want.clone())).ok_or_else(|| Error::Input {
                    path: name.clone(),
                    message: format!(
                        "no '{want}' column (asked for by --keep or --group-by); {}",
                        mapping_hint_columns(&header)
                    ),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let ignored = header.iter().filter(|h| !opts.reads(h)).cloned().collect();
        Ok(TableReader {
            extra,
            ignored,
            reader,
            stem: path.file_stem().map_or(String::new(), |s| s.to_string_lossy().into_owned()),
            name,
            fields: opts.fields.clone(),
            lossy: opts.lossy,
            columns,
            width: header.len(),
            record: csv::ByteRecord::new(),
            number: 0,
            done: false,
        })
    }

    /// The record just read (on line `line`) as a document, or why it is not one.
    fn document(&self, line: u64) -> Record {
        let location = format!("line {line}");
        let (record, columns, fields, lossy) =
            (&self.record, &self.columns, &self.fields, self.lossy);
        let mut checked = Checked::default();
        let default_id = format!("{}:{}", self.stem, self.number);
        let mut rec = assemble(&self.name, location.clone(), default_id, fields, |f| {
            let raw = record.get(columns[f as usize]?)?;
            checked.keep(cell(raw, fields.name(f), lossy))
        });
        if let Some(reason) = checked.error {
            return Record::failure(&self.name, location, reason);
        }
        if let Record::Doc(d) = &mut rec {
            for (i, name) in &self.extra {
                let raw = record.get(*i).unwrap_or_default();
                let value = checked.keep(cell(raw, name, lossy)).unwrap_or_default();
                d.extra.push(value.trim().to_string());
            }
            if let Some(reason) = checked.error {
                return Record::failure(&self.name, location, reason);
            }
            d.repaired = checked.repaired;
            d.flag_streamed_repairs(self.reader.get_ref().inner.replaced_any());
        }
        rec
    }
}

impl Iterator for TableReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        let read = self.reader.read_byte_record(&mut self.record);
        self.number += 1;
        let mut line = self.record.position().map_or(0, |p| p.line());
        let reason = match read {
            Ok(false) => return None,
            // Records may be ragged (`flexible`), so an error is a read error: the rest of the
            // file cannot be read.
            Err(e) => {
                self.done = true;
                line = e.position().map_or(line, |p| p.line());
                format!("unreadable CSV record, the rest of the file was not read: {e}")
            }
            Ok(true) => match self.reader.get_ref().unclosed() {
                Some(open) => {
                    self.done = true;
                    format!(
                        "unclosed quote (opened on line {open}): the CSV reader took the rest of the file as one field, so this record and any after it were not analysed"
                    )
                }
                None if self.record.len() != self.width => format!(
                    "record has {} fields but the header has {}",
                    self.record.len(),
                    self.width
                ),
                None => return Some(self.document(line)),
            },
        };
        Some(Record::failure(&self.name, format!("line {line}"), reason))
    }
}

/// A cell's text and whether it was repaired, or why it cannot be used.
fn cell(raw: &[u8], column: &str, lossy: bool) -> std::result::Result<(String, bool), String> {
    let column = format!("column '{column}'");
    let decoded = decode(raw, lossy).map_err(|e| format!("{column}: {e}"))?;
    let (text, fixed) = reject_nul(decoded.text, lossy, &column)?;
    Ok((text, decoded.repaired || fixed))
}

/// The header's column names, trimmed (and without a byte-order mark), or why it is unusable.
fn read_header<R: Read>(
    reader: &mut csv::Reader<QuoteTracker<R>>,
    name: &str,
) -> Result<Vec<String>> {
    let headers = reader.byte_headers().map_err(|e| Error::Input {
        path: name.to_string(),
        message: format!("unreadable header row: {e}"),
    })?;
    let header = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = String::from_utf8_lossy(h);
            let h = if i == 0 { h.trim_start_matches('\u{feff}') } else { &h };
            h.trim().to_string()
        })
        .collect();
    if let Some(line) = reader.get_ref().unclosed() {
        return Err(Error::Input {
            path: name.to_string(),
            message: format!(
                "unclosed quote in the header row (opened on line {line}): the CSV reader took the rest of the file as part of the header"
            ),
        });
    }
    Ok(header)
}

/// The column of each field; an error when a field's column appears twice or a required one
/// (outlet, text) is missing.
fn find_columns(header: &[String], fields: &FieldMap, name: &str) -> Result<[Option<usize>; 7]> {
    let mut columns = [None; 7];
    for f in FIELDS {
        let want = fields.name(f);
        let found: Vec<usize> =
            header.iter().enumerate().filter(|(_, h)| h.as_str() == want).map(|(i, _)| i).collect();
        if found.len() > 1 {
            return Err(Error::Input {
                path: name.to_string(),
                message: format!("column '{want}' appears {} times in the header", found.len()),
            });
        }
        columns[f as usize] = found.first().copied();
    }
    for required in [Field::Outlet, Field::Text] {
        if columns[required as usize].is_none() {
            return Err(Error::Input {
                path: name.to_string(),
                message: format!(
                    "no '{}' column {}",
                    fields.name(required),
                    mapping_hint(required, "columns", header)
                ),
            });
        }
    }
    Ok(columns)
}

/// `columns found: …`, for an error about a missing column.
fn mapping_hint_columns(header: &[String]) -> String {
    format!("columns found: {}", list_names(header))
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
}
