//! JSONL input: one JSON object per line, from a file or standard input, in UTF-8 or UTF-16
//! with a byte-order mark. Lines end in `\n`, `\r\n` or a lone `\r` (JSON strings cannot hold
//! a raw line break, so this never splits a valid object). A bad line becomes a failure naming
//! its line number, and reading goes on.

use super::decode::{Digest, Source, decode, reject_nul};
use super::fields::{Field, FieldMap, InputOptions, mapping_hint};
use super::record::{Checked, InputFailure, Record, assemble, input_name};
use crate::error::{Error, Result};
use serde_json::Value;
use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The records of a JSONL file or of standard input, one per line that is not blank.
pub(super) struct JsonlReader {
    source: Source,
    name: String,
    /// The file name without its extension (`-` for standard input), for the ids of records
    /// without one.
    stem: String,
    opts: InputOptions,
    line_no: u64,
    buf: Vec<u8>,
    /// Set after a read error: the stream cannot go on.
    done: bool,
    /// Keys seen that are neither mapped to a field nor extra.
    pub(super) ignored: std::collections::BTreeSet<String>,
}

impl JsonlReader {
    /// Opens `path` (`-` is standard input) without reading from it.
    pub(super) fn open(
        path: &Path,
        opts: &InputOptions,
        digest: Arc<Mutex<Digest>>,
    ) -> Result<JsonlReader> {
        let inner: Box<dyn Read + Send> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin())
        } else {
            Box::new(std::fs::File::open(path).map_err(|e| Error::io(path, e))?)
        };
        Ok(JsonlReader {
            source: Source::new(inner, digest, opts.lossy),
            name: input_name(path),
            stem: path.file_stem().map_or("stdin".into(), |s| s.to_string_lossy().into_owned()),
            opts: opts.clone(),
            line_no: 0,
            buf: Vec::new(),
            done: false,
            ignored: std::collections::BTreeSet::new(),
        })
    }
}

impl Iterator for JsonlReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            self.line_no += 1;
            match self.source.reader().and_then(|r| read_line(r, &mut self.buf)) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    self.done = true;
                    let reason = format!("read error, the rest of the input was not read: {e}");
                    return Some(Record::failure(
                        &self.name,
                        format!("line {}", self.line_no),
                        reason,
                    ));
                }
            }
            // A byte-order mark may start any line: files joined with `cat` keep theirs.
            let bytes = self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf);
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (mut record, map) =
                parse_line(&self.name, &self.stem, self.line_no, bytes, &self.opts);
            for key in map.keys().filter(|k| !self.opts.reads(k)) {
                if !self.ignored.contains(key) {
                    self.ignored.insert(key.clone());
                }
            }
            if let Record::Doc(d) = &mut record {
                d.flag_streamed_repairs(self.source.replaced_any());
            }
            return Some(record);
        }
        None
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
        match memchr::memchr2(b'\n', b'\r', chunk) {
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

type Object = serde_json::Map<String, Value>;

/// One line as a document, or why it is not one, and its object (empty when it is none).
fn parse_line(
    name: &str,
    stem: &str,
    line_no: u64,
    bytes: &[u8],
    opts: &InputOptions,
) -> (Record, Object) {
    let location = format!("line {line_no}");
    let decoded = match decode(bytes, opts.lossy) {
        Ok(d) => d,
        Err(e) => return (Record::failure(name, location, e), Object::new()),
    };
    let map = match serde_json::from_str(&decoded.text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => {
            return (Record::failure(name, location, "not a JSON object".into()), Object::new());
        }
        Err(e) => {
            return (
                Record::failure(name, location, format!("not valid JSON: {e}")),
                Object::new(),
            );
        }
    };
    let record = object_record(name, stem, line_no, location, decoded.repaired, &map, opts);
    (record, map)
}

/// A JSON object as a document, with its extra values, or why it is not one.
fn object_record(
    name: &str,
    stem: &str,
    line_no: u64,
    location: String,
    repaired: bool,
    map: &Object,
    opts: &InputOptions,
) -> Record {
    let mut checked = Checked::default();
    let mut record =
        assemble(name, location.clone(), format!("{stem}:{line_no}"), &opts.fields, |f| {
            let key = opts.fields.name(f);
            checked.keep(value(map.get(key)?, key, opts.lossy)?)
        });
    if let Record::Doc(d) = &mut record {
        for key in &opts.extra {
            let v = map.get(key).and_then(|v| checked.keep(value(v, key, opts.lossy)?));
            d.extra.push(v.unwrap_or_default().trim().to_string());
        }
    }
    let Some(reason) = checked.error else {
        match &mut record {
            Record::Doc(d) => d.repaired = repaired || checked.repaired,
            Record::Failed(f) => add_key_hint(f, map, &opts.fields),
        }
        return record;
    };
    match record {
        Record::Doc(d) => Record::Failed(InputFailure {
            input: name.into(),
            location,
            doc_id: Some(d.id),
            reason,
        }),
        // The bad value is why a value is missing: say that instead.
        Record::Failed(f) => Record::Failed(InputFailure { reason, ..f }),
    }
}

/// When the object has no text key at all, says how to map one and which string keys it has
/// (`body`, `content`, …), as the CSV reader does for a missing column.
fn add_key_hint(f: &mut InputFailure, map: &serde_json::Map<String, Value>, fields: &FieldMap) {
    if map.contains_key(fields.name(Field::Text)) {
        return;
    }
    let keys: Vec<String> =
        map.iter().filter(|(_, v)| v.is_string()).map(|(k, _)| k.clone()).collect();
    f.reason = format!("{} {}", f.reason, mapping_hint(Field::Text, "string keys", &keys));
}

/// A JSON value as a field's text and whether it was repaired, or why it cannot be one;
/// `None` for null.
fn value(v: &Value, key: &str, lossy: bool) -> Option<std::result::Result<(String, bool), String>> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(reject_nul(s.clone(), lossy, &format!("'{key}'"))),
        Value::Number(n) => Some(Ok((n.to_string(), false))),
        Value::Bool(b) => Some(Ok((b.to_string(), false))),
        _ => Some(Err(format!("'{key}' is not a string"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Record {
        parse_line("in.jsonl", "in", 3, line.as_bytes(), &InputOptions::default()).0
    }

    #[test]
    fn extra_keys_are_carried_and_others_listed() {
        let opts = InputOptions { extra: vec!["lean".into(), "n".into()], ..Default::default() };
        let line = r#"{"outlet":"A","text":"Hi","lean":" left ","n":3,"topic":"x"}"#;
        let (Record::Doc(d), map) = parse_line("in.jsonl", "in", 1, line.as_bytes(), &opts) else {
            panic!()
        };
        assert_eq!(d.extra, ["left", "3"]);
        let ignored: Vec<&String> = map.keys().filter(|k| !opts.reads(k)).collect();
        assert_eq!(ignored, ["topic"]);
        let (Record::Doc(d), _) =
            parse_line("in.jsonl", "in", 1, br#"{"outlet":"A","text":"Hi"}"#, &opts)
        else {
            panic!()
        };
        assert_eq!(d.extra, ["", ""]);
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
        let Record::Failed(f) = one(r#"{"outlet":"A","body":"x","n":1}"#) else { panic!() };
        let hint = "(map one with --column text=NAME); string keys found: body, outlet";
        assert_eq!(f.reason, format!("no 'text' value {hint}"));
        let Record::Failed(f) = one(r#"{"outlet":"A","text":null}"#) else { panic!() };
        assert_eq!(f.reason, "no 'text' value");
        let Record::Failed(f) = one(r#"{"outlet":"A","text":["x"]}"#) else { panic!() };
        assert!(f.reason.contains("'text' is not a string"), "{}", f.reason);
        let Record::Failed(f) = one("[1]") else { panic!() };
        assert_eq!(f.reason, "not a JSON object");
    }
}
