//! WordStat `.cat`: a hierarchy by indentation (tabs or spaces). A line is a category when the
//! next non-blank line is indented deeper, otherwise an entry; an entry may end in a weight
//! `(1)` (read and dropped: counts are unweighted). `_` joins the words of a multi-word entry.

use super::model::DictEntry;
use super::text::{column, lines};
use crate::error::{Error, Result};

/// The entries of a WordStat text.
pub(crate) fn read(origin: &str, text: &str) -> Result<Vec<DictEntry>> {
    let items: Vec<(u64, usize, &str)> = lines(text)
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let indent = l.len() - l.trim_start().len();
            (n, indent, l)
        })
        .collect();
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut out = Vec::new();
    for (i, &(n, indent, l)) in items.iter().enumerate() {
        while stack.last().is_some_and(|(d, _)| *d >= indent) {
            stack.pop();
        }
        let col = column(l, indent);
        let (body, weighted) = strip_weight(l.trim());
        let deeper = items.get(i + 1).is_some_and(|&(_, next, _)| next > indent);
        if deeper {
            stack.push((indent, body.to_string()));
            continue;
        }
        if stack.is_empty() {
            let what = if weighted { "entry" } else { "line" };
            return Err(Error::lexicon(
                origin,
                n,
                col,
                format!("{what} '{body}' outside any category"),
            ));
        }
        let category = stack.iter().map(|(_, c)| c.clone()).collect();
        out.push(DictEntry { term: body.replace('_', " "), category, line: n, column: col });
    }
    Ok(out)
}

/// The line without a trailing weight `(number)`, and whether it had one.
fn strip_weight(line: &str) -> (&str, bool) {
    if let Some(open) = line.strip_suffix(')').and_then(|s| s.rfind('(')) {
        let w = line[open + 1..line.len() - 1].trim();
        if !w.is_empty() && w.parse::<f64>().is_ok() {
            return (line[..open].trim_end(), true);
        }
    }
    (line, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_categories_entries_and_weights() {
        let t = "CULTURE\r\n\tHIGH\r\n\t\tART (1)\r\n\t\tWAR_IN_IRAQ (1)\r\n\tPEOPLE (1)\r\nRURAL\r\n\tFARM*\r\n";
        let e = read("l.cat", t).unwrap();
        let got: Vec<(&str, String, u64, u64)> =
            e.iter().map(|x| (&*x.term, x.category.join("/"), x.line, x.column)).collect();
        assert_eq!(
            got,
            vec![
                ("ART", "CULTURE/HIGH".into(), 3, 3),
                ("WAR IN IRAQ", "CULTURE/HIGH".into(), 4, 3),
                ("PEOPLE", "CULTURE".into(), 5, 2),
                ("FARM*", "RURAL".into(), 7, 2),
            ]
        );
        let spaces = read("l.cat", "A\n  x (2)\n  B\n    y\n").unwrap();
        assert_eq!(spaces[1].category, vec!["A", "B"]);
        let err = read("l.cat", "ART (1)\n").unwrap_err().to_string();
        assert_eq!(err, "l.cat:1:1: entry 'ART' outside any category");
    }
}
