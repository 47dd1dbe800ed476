//! quanteda-style YAML dictionaries, read by a strict subset parser written here (no YAML
//! crate): `#` comments, `---`, nested mapping keys (plain, `'single'` or `"double"` quoted)
//! indented with spaces, and values as flow sequences on one line (`KEY: [a, b*, c]`, a
//! trailing comma allowed), block sequences (`- a`) or one scalar (`KEY: a`). Keys are
//! strings, never booleans (`NO` is Norway). Nested keys become category levels `a/b`.
//! Anything else (anchors, multi-line flow sequences, block scalars, tabs) is an error at
//! its line and column.

use super::model::DictEntry;
use super::text::{column, lines};
use crate::error::{Error, Result};

/// The entries of a YAML text.
pub(crate) fn read(origin: &str, text: &str) -> Result<Vec<DictEntry>> {
    let mut keys: Vec<(usize, String)> = Vec::new();
    let mut out = Vec::new();
    for (n, l) in lines(text) {
        let body = strip_comment(l);
        let t = body.trim_start_matches(' ');
        if t.trim().is_empty() || t.trim() == "---" {
            continue;
        }
        let indent = body.len() - t.len();
        let err = |byte: usize, m: &str| Error::lexicon(origin, n, column(l, byte), m.to_string());
        if t.starts_with('\t') {
            return Err(err(indent, "tabs may not indent YAML"));
        }
        if let Some(item) = t.strip_prefix('-').filter(|r| r.is_empty() || r.starts_with(' ')) {
            let Some(_) = keys.last().filter(|(d, _)| *d <= indent) else {
                return Err(err(indent, "a list item outside any key"));
            };
            let at = indent + 1 + (item.len() - item.trim_start().len());
            let v = scalar(item.trim()).map_err(|m| err(at, &m))?;
            push(&mut out, &keys, v, n, column(l, at));
            continue;
        }
        while keys.last().is_some_and(|(d, _)| *d >= indent) {
            keys.pop();
        }
        let (key, rest) = split_key(t).map_err(|m| err(indent, &m))?;
        keys.push((indent, key));
        let vstart = body.len() - rest.trim_start().len();
        let rest = rest.trim();
        if rest.is_empty() {
            continue;
        }
        let values = if let Some(inner) = rest.strip_prefix('[') {
            let inner = inner
                .strip_suffix(']')
                .ok_or_else(|| err(vstart, "a flow sequence must close on its line ('[a, b]')"))?;
            split_flow(inner).map_err(|m| err(vstart, &m))?
        } else {
            vec![scalar(rest).map_err(|m| err(vstart, &m))?]
        };
        for v in values {
            push(&mut out, &keys, v, n, column(l, vstart));
        }
    }
    Ok(out)
}

fn push(out: &mut Vec<DictEntry>, keys: &[(usize, String)], term: String, line: u64, column: u64) {
    if term.is_empty() {
        return;
    }
    let category = keys.iter().map(|(_, k)| k.clone()).collect();
    out.push(DictEntry { term, category, line, column });
}

/// The line without a comment: `#` at its start or after a space, outside quotes.
fn strip_comment(l: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in l.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') if prev == ' ' || prev == '[' || prev == ',' => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev == ' ' || prev == '\t' => return &l[..i],
            _ => {}
        }
        prev = c;
    }
    l
}

/// `KEY: rest` → (key, rest).
fn split_key(t: &str) -> std::result::Result<(String, &str), String> {
    if let Some(q @ ('\'' | '"')) = t.chars().next() {
        let end = t[1..].find(q).ok_or("unclosed quote in a key")? + 1;
        let rest = t[end + 1..].trim_start_matches(' ');
        let rest = rest.strip_prefix(':').ok_or("expected ':' after the key")?;
        return Ok((t[1..end].to_string(), rest));
    }
    let colon = t
        .find(": ")
        .or_else(|| t.strip_suffix(':').map(|s| s.len()))
        .ok_or("expected 'KEY:' or '- item'")?;
    let key = t[..colon].trim();
    if key.is_empty() || key.starts_with(|c| "&*!{[|>".contains(c)) {
        return Err(format!("'{key}': this YAML is not supported here"));
    }
    Ok((key.to_string(), &t[colon + 1..]))
}

/// The items of a one-line flow sequence (empty items, as after a trailing comma, dropped).
fn split_flow(inner: &str) -> std::result::Result<Vec<String>, String> {
    let mut items = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (None, '\'' | '"') if inner[start..i].trim().is_empty() => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ',') => {
                items.push(scalar(inner[start..i].trim())?);
                start = i + 1;
            }
            (None, '[' | ']' | '{' | '}') => {
                return Err("nested collections are not supported".into());
            }
            _ => {}
        }
    }
    if quote.is_some() {
        return Err("unclosed quote".into());
    }
    items.push(scalar(inner[start..].trim())?);
    items.retain(|s| !s.is_empty());
    Ok(items)
}

/// A scalar: quoted (`''` escapes `'`; `\"` and `\\` in double quotes) or plain.
fn scalar(s: &str) -> std::result::Result<String, String> {
    if let Some(inner) = s.strip_prefix('\'') {
        let inner = inner.strip_suffix('\'').ok_or("unclosed quote")?;
        return Ok(inner.replace("''", "'"));
    }
    if let Some(inner) = s.strip_prefix('"') {
        let inner = inner.strip_suffix('"').ok_or("unclosed quote")?;
        return Ok(inner.replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    if s.starts_with(|c| "&!|>{[@`".contains(c)) {
        return Err(format!("'{s}': this YAML is not supported here"));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_keys_flow_and_block_sequences() {
        let t = "# c\n---\nAFRICA:\n  'EAST':\n    'KE': [Kenya, Kenyan*, Nairobi]\n    'MQ': [Martinique, Martinican*, ]\n  WEST:\n    NO: [\"Nor, way\", 'N''Djamena']\n    - x # comment\nEUROPE: Paris\n";
        let e = read("e.yml", t).unwrap();
        let got: Vec<(&str, String, u64)> =
            e.iter().map(|x| (&*x.term, x.category.join("/"), x.line)).collect();
        assert_eq!(
            got,
            vec![
                ("Kenya", "AFRICA/EAST/KE".into(), 5),
                ("Kenyan*", "AFRICA/EAST/KE".into(), 5),
                ("Nairobi", "AFRICA/EAST/KE".into(), 5),
                ("Martinique", "AFRICA/EAST/MQ".into(), 6),
                ("Martinican*", "AFRICA/EAST/MQ".into(), 6),
                ("Nor, way", "AFRICA/WEST/NO".into(), 8),
                ("N'Djamena", "AFRICA/WEST/NO".into(), 8),
                ("x", "AFRICA/WEST/NO".into(), 9),
                ("Paris", "EUROPE".into(), 10),
            ]
        );
        let err = |t: &str| read("e.yml", t).unwrap_err().to_string();
        assert_eq!(
            err("A:\n  B: [x,\n"),
            "e.yml:2:6: a flow sequence must close on its line ('[a, b]')"
        );
        assert_eq!(err("- x\n"), "e.yml:1:1: a list item outside any key");
        assert_eq!(err("A:\n\tB: x\n"), "e.yml:2:1: tabs may not indent YAML");
        assert_eq!(err("just text\n"), "e.yml:1:1: expected 'KEY:' or '- item'");
    }
}
