//! Brat standoff annotations of attribution cues: the `Cue` text-bound lines of an `.ann` file
//! (`T4<TAB>Cue 113 119[;120 125]<TAB>surface`, code-point offsets into the `.txt` beside it),
//! and the articles of a brat folder (PolNeAR's `text/*.txt` + `attributions/*_<annotator>.ann`,
//! or `*.txt` + `*.ann` side by side).

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// One annotated article: its text and its cues as byte spans (sorted, hulls of
/// discontinuous spans).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The `.txt` file's stem.
    pub name: String,
    /// The article text.
    pub text: String,
    /// Cue spans in bytes of `text`.
    pub cues: Vec<(u32, u32)>,
}

fn bad(file: &str, line: usize, column: usize, message: impl Into<String>) -> Error {
    Error::Input { path: format!("{file}:{line}:{column}"), message: message.into() }
}

/// The cue spans (code points, end exclusive, hull of the fragments) of the `.ann` text
/// `ann`; `file` names it in errors. Lines other than text-bound `T` lines are skipped
/// (relations, events, notes, and surface texts that run over several lines).
pub fn parse_cues(ann: &str, file: &str) -> Result<Vec<(u32, u32)>> {
    let mut out = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let Some(rest) = line.strip_prefix('T') else { continue };
        let Some((id, body)) = rest.split_once('\t') else { continue };
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // 1-based column of the label: `T`, the id, the tab.
        let col = id.len() + 3;
        let fields = body.split_once('\t').map_or(body, |(f, _)| f);
        let Some((label, ranges)) = fields.split_once(' ') else {
            return Err(bad(file, n + 1, col, "a text-bound line needs `Label start end`"));
        };
        if label != "Cue" {
            continue;
        }
        let col = col + label.len() + 1;
        let (mut lo, mut hi) = (u32::MAX, 0);
        for r in ranges.split(';') {
            let mut it = r.split(' ');
            let (Some(a), Some(b), None) = (it.next(), it.next(), it.next()) else {
                return Err(bad(file, n + 1, col, format!("bad range `{r}`")));
            };
            let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
                return Err(bad(file, n + 1, col, format!("bad offsets in `{r}`")));
            };
            if a > b {
                return Err(bad(file, n + 1, col, format!("range `{r}` ends before it starts")));
            }
            lo = lo.min(a);
            hi = hi.max(b);
        }
        out.push((lo, hi));
    }
    out.sort_unstable();
    Ok(out)
}

/// Byte spans of code-point spans of `text`; an offset past its end is an error naming
/// `file`.
pub fn to_bytes(text: &str, spans: &[(u32, u32)], file: &str) -> Result<Vec<(u32, u32)>> {
    let mut bounds: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
    bounds.push(text.len() as u32);
    let at = |c: u32| bounds.get(c as usize).copied();
    spans
        .iter()
        .map(|&(a, b)| match (at(a), at(b)) {
            (Some(x), Some(y)) => Ok((x, y)),
            _ => Err(bad(
                file,
                0,
                0,
                format!("cue {a}..{b} beyond the text ({} code points)", bounds.len() - 1),
            )),
        })
        .collect()
}

/// The articles of brat folder `dir`, sorted by name: each `.txt` with the first `.ann` (by
/// name) of its annotators, from `dir/text` + `dir/attributions` when those exist, else from
/// `dir` itself. An article without an `.ann` file has no cues.
pub fn read_dir(dir: &Path) -> Result<Vec<Article>> {
    let (texts, anns) = if dir.join("text").is_dir() && dir.join("attributions").is_dir() {
        (dir.join("text"), dir.join("attributions"))
    } else {
        (dir.to_path_buf(), dir.to_path_buf())
    };
    let txts = files(&texts, "txt")?;
    let ann_files = files(&anns, "ann")?;
    if txts.is_empty() {
        return Err(Error::Input {
            path: dir.display().to_string(),
            message: "no .txt files".into(),
        });
    }
    let mut out = Vec::with_capacity(txts.len());
    for txt in txts {
        let name = stem(&txt);
        let text = std::fs::read_to_string(&txt).map_err(|e| Error::io(&txt, e))?;
        // `<name>.ann`, else `<name>_<annotator>.ann`: the first by name.
        let ann = ann_files.iter().find(|a| {
            let s = stem(a);
            s == name
                || s.strip_prefix(name.as_str())
                    .is_some_and(|r| r.starts_with('_') && !r[1..].contains('_'))
        });
        let cues = match ann {
            Some(a) => {
                let f = a.display().to_string();
                let body = std::fs::read_to_string(a).map_err(|e| Error::io(a, e))?;
                to_bytes(&text, &parse_cues(&body, &f)?, &f)?
            }
            None => Vec::new(),
        };
        out.push(Article { name, text, cues });
    }
    Ok(out)
}

fn stem(p: &Path) -> String {
    p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The files of `dir` with extension `ext`, sorted by name.
fn files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let p = e.map_err(|e| Error::io(dir, e))?.path();
        if p.extension().is_some_and(|x| x == ext) && p.is_file() {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_cues_and_skips_the_rest() {
        let ann = "T1\tSource 0 2\twe\nT2\tCue 3 9\tmocked\nE1\tAttribution:T4 Cue:T2\n\
                   T3\tCue 20 24;30 35\tsaid in\nnext line of a surface\n#1\tNote T2\tx\n";
        assert_eq!(parse_cues(ann, "a.ann").unwrap(), vec![(3, 9), (20, 35)]);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let e = parse_cues("T1\tCue 3 x\tsaid\n", "a.ann").unwrap_err().to_string();
        assert!(e.starts_with("a.ann:1:8:"), "{e}");
        let e = parse_cues("T1\tCue 9 3\tsaid\n", "a.ann").unwrap_err().to_string();
        assert!(e.contains("ends before"), "{e}");
        let e = parse_cues("\nT1\tCue\n", "a.ann").unwrap_err().to_string();
        assert!(e.starts_with("a.ann:2:4:"), "{e}");
    }

    #[test]
    fn code_points_become_bytes() {
        let text = "“Hi,” she said";
        assert_eq!(to_bytes(text, &[(10, 14)], "a").unwrap(), vec![(14, 18)]);
        assert!(to_bytes(text, &[(10, 15)], "a").is_err());
    }

    proptest! {
        #[test]
        fn arbitrary_ann_text_never_panics(s in "(T[0-9]{0,2}\t?(Cue|Source)? ?[0-9 ;x]{0,12}\t?.{0,6}\n?){0,6}") {
            if let Ok(spans) = parse_cues(&s, "a.ann") {
                let _ = to_bytes("some text ü", &spans, "a.ann");
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(s in ".{0,200}") {
            let _ = parse_cues(&s, "a.ann");
        }
    }
}
