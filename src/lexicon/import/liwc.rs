//! LIWC 2001–2015 `.dic`: a `%` line, `ID NAME` category lines, a `%` line, then entry lines
//! `TERM ID ID …`. Separators may be tabs or runs of spaces; a term may hold several words
//! when a tab ends it. LIWC2007's conditional category marks (`(02 134)126/253`, `134/125`)
//! are skipped: the entry keeps its plain category numbers.

use super::model::DictEntry;
use super::text::{fields, lines};
use crate::error::{Error, Result};
use rustc_hash::FxHashMap;

/// The entries of a LIWC `.dic` text.
pub(crate) fn read(origin: &str, text: &str) -> Result<Vec<DictEntry>> {
    let err = |line, col, m: String| Error::lexicon(origin, line, col, m);
    let mut it = lines(text).filter(|(_, l)| !l.trim().is_empty());
    match it.next() {
        Some((_, l)) if l.trim() == "%" => {}
        Some((n, _)) => {
            return Err(err(n, 1, "a LIWC .dic starts with a line holding only '%'".into()));
        }
        None => return Err(err(1, 0, "empty dictionary".into())),
    }
    let mut names: FxHashMap<&str, String> = FxHashMap::default();
    let mut closed = false;
    for (n, l) in it.by_ref() {
        if l.trim() == "%" {
            closed = true;
            break;
        }
        let f = fields(l);
        let (col, id) = f[0];
        if f.len() < 2 {
            return Err(err(n, col, format!("category '{id}' has no name")));
        }
        let name = f[1..].iter().map(|x| x.1).collect::<Vec<_>>().join(" ");
        if names.insert(id, name).is_some() {
            return Err(err(n, col, format!("category number {id} twice")));
        }
    }
    if !closed {
        return Err(err(1, 0, "the category list has no closing '%' line".into()));
    }
    let mut out = Vec::new();
    for (n, l) in it {
        entry(origin, n, l, &names, &mut out)?;
    }
    Ok(out)
}

/// One entry line: the term (up to the first tab, or the leading fields that are not
/// category numbers), then its categories.
fn entry(
    origin: &str,
    n: u64,
    line: &str,
    names: &FxHashMap<&str, String>,
    out: &mut Vec<DictEntry>,
) -> Result<()> {
    let f = fields(line);
    let is_id = |s: &str| names.contains_key(s) || s.bytes().all(|b| b.is_ascii_digit());
    let split = match line.trim_start().find('\t') {
        Some(i) => {
            let tab_col = super::text::column(line, line.len() - line.trim_start().len() + i);
            f.iter().position(|x| x.0 > tab_col).unwrap_or(f.len())
        }
        None => f.iter().position(|x| is_id(x.1)).unwrap_or(f.len()),
    };
    let (col, _) = f[0];
    let term = f[..split].iter().map(|x| x.1).collect::<Vec<_>>().join(" ");
    let mut cats = Vec::new();
    for &(c, id) in &f[split..] {
        if let Some(name) = names.get(id) {
            if !cats.contains(name) {
                cats.push(name.clone());
            }
        } else if !id.contains(['/', '(', ')', '<', '>']) {
            return Err(Error::lexicon(origin, n, c, format!("unknown category number '{id}'")));
        }
    }
    if split == 0 {
        return Err(Error::lexicon(origin, n, col, "an entry line starts with a category number"));
    }
    if cats.is_empty() && split == f.len() {
        return Err(Error::lexicon(origin, n, col, format!("'{term}' has no category number")));
    }
    out.extend(cats.into_iter().map(|c| DictEntry {
        term: term.clone(),
        category: vec![c],
        line: n,
        column: col,
    }));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headers_with_spaces_and_ids_split_by_spaces() {
        let t = "%\n01    Harm Virtue\n02\tVice\n%\nsafe*\t\t01\r\npreserve\t\t01 02\n\nkind of\t02\nlike\t02\t134/125\t(02 134)126/253\n";
        let e = read("m.dic", t).unwrap();
        let got: Vec<(&str, &str, u64)> =
            e.iter().map(|x| (&*x.term, &*x.category[0], x.line)).collect();
        assert_eq!(
            got,
            vec![
                ("safe*", "Harm Virtue", 5),
                ("preserve", "Harm Virtue", 6),
                ("preserve", "Vice", 6),
                ("kind of", "Vice", 8),
                ("like", "Vice", 9)
            ]
        );
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = |t: &str| read("m.dic", t).unwrap_err().to_string();
        assert_eq!(e("%\n01\tA\n%\nx\t01 07\n"), "m.dic:4:6: unknown category number '07'");
        assert_eq!(e("01 A\n"), "m.dic:1:1: a LIWC .dic starts with a line holding only '%'");
        assert_eq!(e("%\n01 A\nx 01\n"), "m.dic:1:0: the category list has no closing '%' line");
        assert_eq!(e("%\n01\n%\n"), "m.dic:2:1: category '01' has no name");
        assert_eq!(e("%\n01 A\n%\nlonely\n"), "m.dic:4:1: 'lonely' has no category number");
    }
}
