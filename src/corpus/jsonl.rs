//! JSONL input: one JSON object per line, from a file or standard input. A bad line becomes
//! a failure naming its line number, and reading goes on.

use super::decode::{HashingReader, decode};
use super::{Field, InputOptions, Record, assemble, input_name};
use crate::error::{Error, Result};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::{Arc, Mutex};

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
    let mut reader = BufReader::with_capacity(1 << 16, HashingReader { inner, digest });
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
            buf.clear();
            line_no += 1;
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    // The stream cannot go on after a read error: report it and stop.
                    done = true;
                    return Some(Record::Failed(super::InputFailure {
                        input: name.clone(),
                        location: format!("line {line_no}"),
                        doc_id: None,
                        reason: format!("read error, rest of input not read: {e}"),
                    }));
                }
            }
            let bytes =
                if line_no == 1 { buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&buf) } else { &buf };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_line(&name, &stem, line_no, bytes, &opts));
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
    let mut record =
        assemble(name, location.clone(), format!("{stem}:{line_no}"), &opts.fields, |f: Field| {
            let key = opts.fields.name(f);
            match map.get(key) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
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
            f.reason = format!("{}; {reason}", f.reason);
        }
    }
    if let Record::Doc(d) = &mut record {
        d.repaired = decoded.repaired;
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
}
