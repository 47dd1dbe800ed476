//! CSV (and TSV) input with a header row. The `outlet` and `text` columns are required (the
//! error lists the columns found); other columns are ignored. A ragged or undecodable row
//! becomes a failure naming its line, and reading goes on.

use super::decode::{HashingReader, decode};
use super::{FIELDS, Field, InputFailure, InputOptions, Record, assemble, input_name};
use crate::error::{Error, Result};
use std::path::Path;
use std::sync::{Arc, Mutex};

pub(super) fn read(
    path: &Path,
    opts: &InputOptions,
    digest: Arc<Mutex<super::decode::Digest>>,
) -> Result<impl Iterator<Item = Record> + Send + use<>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let tsv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .flexible(true)
        .has_headers(true)
        .from_reader(HashingReader { inner: file, digest });
    let name = input_name(path);
    let headers = reader.byte_headers().map_err(|e| Error::Input {
        path: name.clone(),
        message: format!("unreadable header row: {e}"),
    })?;
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
                    header.join(", ")
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
                    reason: format!("unreadable CSV record: {e}"),
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
                        match decode(raw, opts.lossy) {
                            Ok(d) => {
                                repaired |= d.repaired;
                                Some(d.text)
                            }
                            Err(e) => {
                                bad.get_or_insert(format!("column '{}': {e}", opts.fields.name(f)));
                                None
                            }
                        }
                    },
                );
                if let Some(reason) = bad {
                    return Some(failed(reason));
                }
                if let Record::Doc(d) = &mut rec {
                    d.repaired = repaired;
                }
                Some(rec)
            }
        }
    }))
}
