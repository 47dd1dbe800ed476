//! Lexicoder 3 `.lc3`: `+category` lines (a `#RRGGBB` colour suffix is dropped) each followed
//! by its entries, one per line (a leading space is not part of the entry).

use super::model::DictEntry;
use super::text::lines;
use crate::error::{Error, Result};

/// The entries of a Lexicoder 3 text.
pub(crate) fn read(origin: &str, text: &str) -> Result<Vec<DictEntry>> {
    let mut category: Option<String> = None;
    let mut out = Vec::new();
    for (n, l) in lines(text) {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        let column = super::text::column(l, l.len() - l.trim_start().len());
        if let Some(name) = t.strip_prefix('+') {
            let name = name.split('#').next().unwrap_or("").trim();
            if name.is_empty() {
                return Err(Error::lexicon(origin, n, column, "empty category name after '+'"));
            }
            category = Some(name.to_string());
            continue;
        }
        let Some(c) = &category else {
            return Err(Error::lexicon(
                origin,
                n,
                column,
                "entry before the first '+category' line",
            ));
        };
        out.push(DictEntry { term: t.to_string(), category: vec![c.clone()], line: n, column });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_categories_with_colours() {
        let e = read("l.lc3", "+negative#FF0000\r\n abandon*\r\n a lie\r\n+positive\r\n able*\r\n")
            .unwrap();
        let got: Vec<(&str, &str, u64, u64)> =
            e.iter().map(|x| (&*x.term, &*x.category[0], x.line, x.column)).collect();
        assert_eq!(
            got,
            vec![
                ("abandon*", "negative", 2, 2),
                ("a lie", "negative", 3, 2),
                ("able*", "positive", 5, 2)
            ]
        );
        let err = read("l.lc3", "x\n").unwrap_err().to_string();
        assert_eq!(err, "l.lc3:1:1: entry before the first '+category' line");
    }
}
