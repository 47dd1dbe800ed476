//! A tiny XML reader, enough for Yoshikoder and Lexicoder 2 dictionaries: elements with
//! attributes (the five predefined entities and numeric character references decoded),
//! skipping the declaration, comments, doctype and text. Errors name line and column.

/// One tag.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tag {
    /// `<name a="v">` or, with `empty`, `<name a="v"/>`.
    Open { name: String, attrs: Vec<(String, String)>, empty: bool, line: u64, column: u64 },
    /// `</name>`.
    Close { name: String, line: u64, column: u64 },
}

/// An error: (line, column, message).
pub(crate) type XmlError = (u64, u64, String);

/// Every tag of `text`, in order.
pub(crate) fn tags(text: &str) -> Result<Vec<Tag>, XmlError> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut pos = super::text::Cursor::default();
    let mut at = |i: usize| pos.at(text, i);
    while let Some(off) = text[i..].find('<') {
        let start = i + off;
        let rest = &text[start..];
        let skip_to = |end: &str| rest.find(end).map(|e| start + e + end.len());
        let next = if rest.starts_with("<?") {
            skip_to("?>")
        } else if rest.starts_with("<!--") {
            skip_to("-->")
        } else if rest.starts_with("<!") {
            skip_to(">")
        } else {
            let (tag, end) = tag(rest).map_err(|m| {
                let (l, c) = at(start);
                (l, c, m)
            })?;
            let (line, column) = at(start);
            out.push(match tag {
                Parsed::Close(name) => Tag::Close { name, line, column },
                Parsed::Open(name, attrs, empty) => Tag::Open { name, attrs, empty, line, column },
            });
            Some(start + end)
        };
        i = next.ok_or_else(|| {
            let (l, c) = at(start);
            (l, c, "unclosed markup".to_string())
        })?;
    }
    Ok(out)
}

enum Parsed {
    Open(String, Vec<(String, String)>, bool),
    Close(String),
}

/// One tag at the start of `s` and the byte length it takes.
fn tag(s: &str) -> Result<(Parsed, usize), String> {
    let close = s.starts_with("</");
    let mut i = if close { 2 } else { 1 };
    let name_end =
        s[i..].find(|c: char| c.is_whitespace() || c == '>' || c == '/').map_or(s.len(), |e| i + e);
    let name = s[i..name_end].to_string();
    if name.is_empty() {
        return Err("a tag without a name".into());
    }
    i = name_end;
    let mut attrs = Vec::new();
    loop {
        let rest = &s[i..];
        let t = rest.trim_start();
        i += rest.len() - t.len();
        if let Some(r) = t.strip_prefix("/>").map(|_| i + 2) {
            return if close {
                Err("'/>' in a closing tag".into())
            } else {
                Ok((Parsed::Open(name, attrs, true), r))
            };
        }
        if t.starts_with('>') {
            let p = if close { Parsed::Close(name) } else { Parsed::Open(name, attrs, false) };
            return Ok((p, i + 1));
        }
        if t.is_empty() {
            return Err(format!("unclosed tag <{name}"));
        }
        let eq = t.find('=').ok_or_else(|| format!("attribute without '=' in <{name}>"))?;
        let key = t[..eq].trim().to_string();
        let v = t[eq + 1..].trim_start();
        let q = v
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
            .ok_or("attribute value without quotes")?;
        let end = v[1..].find(q).ok_or("unclosed attribute value")?;
        attrs.push((key, unescape(&v[1..1 + end])?));
        i += (t.len() - v.len()) + end + 2;
    }
}

/// Attribute text with entities decoded.
fn unescape(s: &str) -> Result<String, String> {
    if !s.contains('&') {
        return Ok(s.to_string());
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(a) = rest.find('&') {
        out.push_str(&rest[..a]);
        let semi = rest[a..].find(';').ok_or("'&' without ';'")? + a;
        let ent = &rest[a + 1..semi];
        let c = match ent {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code =
                    if let Some(h) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                        u32::from_str_radix(h, 16).ok()
                    } else {
                        ent.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                code.and_then(char::from_u32).ok_or_else(|| format!("unknown entity '&{ent};'"))?
            }
        };
        out.push(c);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_entities() {
        let t =
            "<?xml version=\"1.0\"?>\r\n<!-- c -->\n<d a='1'>\n  <p name=\"x &amp; y&#233;\"/></d>";
        let got = tags(t).unwrap();
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[1],
            Tag::Open {
                name: "p".into(),
                attrs: vec![("name".into(), "x & yé".into())],
                empty: true,
                line: 4,
                column: 3
            }
        );
        assert_eq!(got[2], Tag::Close { name: "d".into(), line: 4, column: 30 });
        assert_eq!(
            tags("a\n <p name=x/>").unwrap_err(),
            (2, 2, "attribute value without quotes".into())
        );
        assert_eq!(tags("<p name='x'").unwrap_err().2, "unclosed tag <p");
    }
}
