//! Valence lists in VADER's format: `token<TAB>score[<TAB>…]`, one per line, score on
//! VADER's −4..+4 scale. A token listed twice keeps its later score (as vaderSentiment
//! does). `*` is literal here, never a wildcard; tokens that the tokenizer can never produce
//! as words (emoticons such as `:-)`, `</3`) are skipped. Every token matches as written
//! (case-insensitive, never stemmed) and carries its score as tone valence, rounded to tenths.

use super::text::lines;
use crate::error::{Error, Result};
use crate::lexicon::load::RawEntry;
use rustc_hash::FxHashMap;

/// The entries of a valence list as rows of one lexicon file whose category is `name`
/// (plain content, so the rows carry tone).
pub(crate) fn rows(origin: &str, name: &str, text: &str) -> Result<Vec<RawEntry>> {
    let file =
        std::path::Path::new(origin).file_name().map_or(origin.into(), |f| f.to_string_lossy());
    let mut rows: Vec<RawEntry> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    for (n, l) in lines(text) {
        if l.trim().is_empty() {
            continue;
        }
        let (token, score, _) = parse_line(l).map_err(|(c, m)| Error::lexicon(origin, n, c, m))?;
        let Some(pattern) = exact_pattern(token) else { continue };
        let Ok(elems) = super::super::pattern::parse(&pattern) else { continue };
        let key = super::super::prepare::canonical(&elems);
        let row = RawEntry {
            pattern: pattern.clone(),
            category: name.to_string(),
            polarity: None,
            intensity: None,
            lemma: None,
            note: String::new(),
            source: format!("{file}:{n}"),
            line: n,
            pattern_column: 1,
            // Another tool's categories count as that tool counts them, beside ours.
            counts: super::super::load::Counts::Also,
            valence: Some(score),
        };
        match index.get(&key) {
            Some(&i) => rows[i] = row,
            None => {
                index.insert(key, rows.len());
                rows.push(row);
            }
        }
    }
    if rows.is_empty() {
        return Err(Error::lexicon(
            origin,
            1,
            0,
            "no word with a valence (expected word<TAB>score lines)",
        ));
    }
    Ok(rows)
}

/// `(token, score in tenths, column of the score)`, or (column, error).
fn parse_line(l: &str) -> std::result::Result<(&str, i16, u64), (u64, String)> {
    let mut cells = l.split('\t');
    let token = cells.next().unwrap_or("").trim();
    let Some(score) = cells.next() else {
        return Err((1, "expected token<TAB>score".into()));
    };
    let col = token.chars().count() as u64 + 2;
    if token.is_empty() {
        return Err((1, "empty token".into()));
    }
    let s = score.trim().replace('\u{2212}', "-");
    let v: f64 = s
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| (col, format!("'{s}' is not a number")))?;
    if !(-4.0..=4.0).contains(&v) {
        return Err((col, format!("valence {v} is outside -4..4 (VADER's scale)")));
    }
    Ok((token, (v * 10.0).round() as i16, col))
}

/// `=word =word` for a token whose every space-separated part is a word (letters, digits,
/// apostrophes and hyphens, at least one letter or digit); `None` otherwise.
fn exact_pattern(token: &str) -> Option<String> {
    let parts: Vec<&str> = token.split_whitespace().collect();
    let ok = |p: &&str| {
        p.chars().any(char::is_alphanumeric)
            && p.chars().all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
    };
    parts
        .iter()
        .all(ok)
        .then(|| parts.iter().map(|p| format!("={p}")).collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_lines_win_and_emoticons_are_skipped() {
        let t = "lol\t2.9\t0.8\t[3, 2]\n:-)\t2.0\t0.5\t[2]\ncan't stand\t-2.0\t0\t[]\nLOL\t1.8\t0\t[]\n(*\t1\t0\t[]\n(:0\t1\t0\n";
        let r = rows("v.txt", "v", t).unwrap();
        let got: Vec<(&str, Option<i16>, u64)> =
            r.iter().map(|e| (&*e.pattern, e.valence, e.line)).collect();
        assert_eq!(got, vec![("=LOL", Some(18), 4), ("=can't =stand", Some(-20), 3)]);
        let err = |t: &str| rows("v.txt", "v", t).unwrap_err().to_string();
        assert_eq!(err("good 2\n"), "v.txt:1:1: expected token<TAB>score");
        assert_eq!(err("good\tx\n"), "v.txt:1:6: 'x' is not a number");
        assert_eq!(err("good\t9\n"), "v.txt:1:6: valence 9 is outside -4..4 (VADER's scale)");
    }
}
