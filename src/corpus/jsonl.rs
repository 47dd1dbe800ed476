//! JSONL input: one JSON object per line, from a file or standard input, in UTF-8 or UTF-16
//! with a byte-order mark. Lines end in `\n`, `\r\n` or a lone `\r` (JSON strings cannot hold
//! a raw line break, so this never splits a valid object). A bad line becomes a failure naming
//! its line number, and reading goes on.

use super::decode::{HashingReader, Utf16Reader, decode, reject_nul, utf16_bom};
use super::{Field, InputOptions, Record, assemble, input_name};
use crate::error::{Error, Result};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

type Raw = BufReader<HashingReader<Box<dyn Read + Send>>>;

/// The byte stream, decided on the first read: UTF-8 as is, or UTF-16 decoded to UTF-8.
/// Deciding lazily keeps `Input::open` from blocking on standard input.
enum Source {
    Undecided(Raw, bool),
    Utf8(Raw),
    Utf16(BufReader<Utf16Reader<Raw>>),
    Taken,
}

impl Source {
    fn reader(&mut self) -> std::io::Result<&mut dyn BufRead> {
        if let Source::Undecided(..) = self {
            let Source::Undecided(mut raw, lossy) = std::mem::replace(self, Source::Taken) else {
                unreachable!("matched above")
            };
            *self = match raw.fill_buf().map(utf16_bom) {
                Ok(Some(little)) => {
                    raw.consume(2);
                    Source::Utf16(BufReader::with_capacity(
                        1 << 16,
                        Utf16Reader::new(raw, little, lossy),
                    ))
                }
                Ok(None) => Source::Utf8(raw),
                Err(e) => {
                    *self = Source::Utf8(raw);
                    return Err(e);
                }
            };
        }
        Ok(match self {
            Source::Utf8(r) => r,
            Source::Utf16(r) => r,
            Source::Undecided(..) | Source::Taken => unreachable!("decided above"),
        })
    }

    /// Replacements made while decoding UTF-16 (`--lossy`), if the input is UTF-16.
    fn utf16_replaced(&self) -> Option<Arc<AtomicU64>> {
        match self {
            Source::Utf16(r) => Some(r.get_ref().replaced()),
            _ => None,
        }
    }
}

/// Reads one line into `buf`, without its terminator (`\n`, `\r\n` or `\r`). `Ok(false)` at
/// the end of the input.
fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    buf.clear();
    let mut any = false;
    loop {
        let chunk = match r.fill_buf() {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => other?,
        };
        if chunk.is_empty() {
            return Ok(any);
        }
        any = true;
        match chunk.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) => {
                let cr = chunk[i] == b'\r';
                buf.extend_from_slice(&chunk[..i]);
                r.consume(i + 1);
                if cr && r.fill_buf()?.first() == Some(&b'\n') {
                    r.consume(1);
                }
                return Ok(true);
            }
            None => {
                let n = chunk.len();
                buf.extend_from_slice(chunk);
                r.consume(n);
            }
        }
    }
}

pub(super) fn read(
    path: &Path,
    opts: &InputOptions,
    digest: Arc<Mutex<super::decode::Digest>>,
) -> Result<impl Iterator<Item = Record> + Send + use<>> {
    let inner: Box<dyn Read + Send> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| Error::io(path, e))?)
    };
    let mut source = Source::Undecided(
        BufReader::with_capacity(1 << 16, HashingReader { inner, digest }),
        opts.lossy,
    );
    let name = input_name(path);
    let stem = path.file_stem().map_or("stdin".into(), |s| s.to_string_lossy().into_owned());
    let opts = opts.clone();
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    let mut done = false;
    Ok(std::iter::from_fn(move || {
        loop {
            if done {
                return None;
            }
            line_no += 1;
            match source.reader().and_then(|r| read_line(r, &mut buf)) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    // The stream cannot go on after a read error: report it and stop.
                    done = true;
                    return Some(Record::Failed(super::InputFailure {
                        input: name.clone(),
                        location: format!("line {line_no}"),
                        doc_id: None,
                        reason: format!("read error, the rest of the input was not read: {e}"),
                    }));
                }
            }
            // A byte-order mark may start any line: files joined with `cat` keep theirs.
            let bytes = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let mut record = parse_line(&name, &stem, line_no, bytes, &opts);
            if let (Record::Doc(d), Some(n)) = (&mut record, source.utf16_replaced()) {
                // UTF-16 replacements happen while streaming: flag the documents that show a
                // replacement character once any replacement was made.
                d.repaired |= n.load(Ordering::Relaxed) > 0
                    && (d.text.contains('\u{FFFD}')
                        || d.title.as_ref().is_some_and(|t| t.contains('\u{FFFD}')));
            }
            return Some(record);
        }
    }))
}

fn parse_line(name: &str, stem: &str, line_no: u64, bytes: &[u8], opts: &InputOptions) -> Record {
    let location = format!("line {line_no}");
    let failed = |reason: String| {
        Record::Failed(super::InputFailure {
            input: name.to_string(),
            location: location.clone(),
            doc_id: None,
            reason,
        })
    };
    let decoded = match decode(bytes, opts.lossy) {
        Ok(d) => d,
        Err(e) => return failed(e),
    };
    let value: Value = match serde_json::from_str(&decoded.text) {
        Ok(v) => v,
        Err(e) => return failed(format!("not valid JSON: {e}")),
    };
    let Value::Object(map) = value else {
        return failed("not a JSON object".into());
    };
    let mut bad_type = None;
    let mut nul_fixed = false;
    let mut record =
        assemble(name, location.clone(), format!("{stem}:{line_no}"), &opts.fields, |f: Field| {
            let key = opts.fields.name(f);
            match map.get(key) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => {
                    match reject_nul(s.clone(), opts.lossy, &format!("'{key}'")) {
                        Ok((text, fixed)) => {
                            nul_fixed |= fixed;
                            Some(text)
                        }
                        Err(e) => {
                            bad_type.get_or_insert(e);
                            None
                        }
                    }
                }
                Some(Value::Number(n)) => Some(n.to_string()),
                Some(Value::Bool(b)) => Some(b.to_string()),
                Some(_) => {
                    bad_type.get_or_insert_with(|| format!("'{key}' is not a string"));
                    None
                }
            }
        });
    if let Some(reason) = bad_type {
        if let Record::Doc(d) = &record {
            record = Record::Failed(super::InputFailure {
                input: name.to_string(),
                location,
                doc_id: Some(d.id.clone()),
                reason,
            });
        } else if let Record::Failed(f) = &mut record {
            // The bad field is why a value is missing: say that instead.
            f.reason = reason;
        }
    }
    if let Record::Doc(d) = &mut record {
        d.repaired = decoded.repaired || nul_fixed;
    }
    record
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Record {
        parse_line("in.jsonl", "in", 3, line.as_bytes(), &InputOptions::default())
    }

    #[test]
    fn lines_end_in_lf_crlf_or_cr() {
        let text = b"a\nb\r\nc\rd\r\r\ne";
        let mut r = std::io::BufReader::with_capacity(2, &text[..]);
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        while read_line(&mut r, &mut buf).unwrap() {
            lines.push(String::from_utf8(buf.clone()).unwrap());
        }
        assert_eq!(lines, ["a", "b", "c", "d", "", "e"]);
    }

    #[test]
    fn good_and_bad_lines() {
        let Record::Doc(d) = one(r#"{"outlet":"A","text":"Hi","id":7,"extra":[1]}"#) else {
            panic!()
        };
        assert_eq!((d.id.as_str(), d.outlet.as_str(), d.text.as_str()), ("7", "A", "Hi"));
        let Record::Doc(d) = one(r#"{"outlet":"A","text":"Hi"}"#) else { panic!() };
        assert_eq!(d.id, "in:3");
        let Record::Failed(f) = one("{oops") else { panic!() };
        assert!(f.reason.starts_with("not valid JSON"), "{}", f.reason);
        assert_eq!(f.location, "line 3");
        let Record::Doc(d) = one(r#"{"text":"x","outlet":" "}"#) else { panic!() };
        assert_eq!(d.outlet, "(unknown)");
        let Record::Failed(f) = one(r#"{"outlet":"A"}"#) else { panic!() };
        assert_eq!(f.reason, "no 'text' value");
        let Record::Failed(f) = one(r#"{"outlet":"A","text":["x"]}"#) else { panic!() };
        assert!(f.reason.contains("'text' is not a string"), "{}", f.reason);
        let Record::Failed(f) = one("[1]") else { panic!() };
        assert_eq!(f.reason, "not a JSON object");
    }

    mod properties {
        use crate::corpus::{Input, InputOptions, Record};
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
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
        }
    }
}
