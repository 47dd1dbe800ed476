//! LIWC-22 dictionaries exported as CSV (the `.dicx` format): a header `DicTerm,CAT,CAT,…`
//! and one row per term, a non-empty cell (`X`) under each category the term belongs to.

use super::model::DictEntry;
use crate::error::{Error, Result};

/// Whether `bytes` start like a LIWC-22 CSV (first header cell `DicTerm`).
pub(crate) fn sniff(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.split(|&b| b == b',' || b == b'\n' || b == b'\r').next().unwrap_or(&[]);
    let first = String::from_utf8_lossy(first);
    first.trim().trim_matches('"').eq_ignore_ascii_case("dicterm")
}

/// The entries of a LIWC-22 CSV text.
pub(crate) fn read(origin: &str, text: &str) -> Result<Vec<DictEntry>> {
    if !sniff(text.as_bytes()) {
        return Err(Error::lexicon(
            origin,
            1,
            1,
            "a LIWC-22 dictionary's first column is 'DicTerm'",
        ));
    }
    // The csv crate counts CR-only line ends as line ends too.
    let mut r =
        csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut rec = csv::StringRecord::new();
    let bad = |e: csv::Error| {
        let line = e.position().map_or(0, |p| p.line());
        Error::lexicon(origin, line, 0, format!("bad CSV: {e}"))
    };
    r.read_record(&mut rec).map_err(bad)?;
    let cats: Vec<String> = rec.iter().skip(1).map(|c| c.trim().to_string()).collect();
    if let Some(i) = cats.iter().position(String::is_empty) {
        return Err(Error::lexicon(origin, 1, i as u64 + 2, "empty category name"));
    }
    let mut out = Vec::new();
    let mut lines = super::text::Cursor::default();
    while r.read_record(&mut rec).map_err(bad)? {
        let line = rec.position().map_or(0, |p| lines.at(text, p.byte() as usize).0);
        let term = rec.get(0).unwrap_or("").trim();
        if term.is_empty() {
            if rec.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            return Err(Error::lexicon(origin, line, 1, "empty term"));
        }
        if rec.len() > cats.len() + 1 {
            let msg = format!("{} cells but the header has {}", rec.len(), cats.len() + 1);
            return Err(Error::lexicon(origin, line, cats.len() as u64 + 2, msg));
        }
        for (i, cell) in rec.iter().enumerate().skip(1) {
            if !cell.trim().is_empty() {
                out.push(DictEntry {
                    term: term.to_string(),
                    category: vec![cats[i - 1].clone()],
                    line,
                    column: 1,
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_marked_cells() {
        let e = read("d.csv", "DicTerm,Care,Harm\r\nsafe*,X,\r\nhurt,X,X\r\n,,\r\n").unwrap();
        let got: Vec<(&str, &str, u64)> =
            e.iter().map(|x| (&*x.term, &*x.category[0], x.line)).collect();
        assert_eq!(got, vec![("safe*", "Care", 2), ("hurt", "Care", 3), ("hurt", "Harm", 3)]);
        assert!(sniff(b"\xEF\xBB\xBF\"DicTerm\",a"));
        assert!(!sniff(b"pattern,category"));
        let err = read("d.csv", "DicTerm,A\nx,X,X\n").unwrap_err().to_string();
        assert_eq!(err, "d.csv:2:3: 3 cells but the header has 2");
    }
}
