//! The bundled English lexicons: lint-clean, stems pinned by a golden file, sizes the
//! lexicon issue asks for, and every file documented with its provenance.

use crate::util::{Workdir, repo};
use std::collections::{BTreeMap, BTreeSet};

/// The bundled lexicon files (`lexicons/en/*.csv`), by name.
fn bundled() -> BTreeMap<String, Vec<csv::StringRecord>> {
    let dir = repo("lexicons/en");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            let mut r = csv::Reader::from_path(&path).unwrap();
            let rows = r.records().map(|x| x.unwrap()).collect();
            out.insert(path.file_stem().unwrap().to_string_lossy().into_owned(), rows);
        }
    }
    out
}

#[test]
fn bundled_lexicons_lint_clean() {
    let w = Workdir::new();
    let out = w.run(&["lexicon", "check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "framelens lexicon check:\n{stdout}");
    assert_eq!(stdout, "");
}

/// `framelens lexicon stems` on the bundled lexicons equals `tests/golden/stems.tsv`, so a
/// stemmer upgrade (or any lexicon edit) shows up as a diff. Accept a change with
/// `FRAMELENS_BLESS=1 cargo test --test integration stems_golden`.
#[test]
fn stems_golden() {
    let w = Workdir::new();
    let got = w.run_ok(&["lexicon", "stems"], 0);
    let path = repo("tests/golden/stems.tsv");
    if std::env::var_os("FRAMELENS_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        panic!(
            "`framelens lexicon stems` differs from {}:\n{}\nIf the change is intended: \
             FRAMELENS_BLESS=1 cargo test --test integration stems_golden",
            path.display(),
            entry_diff(&want, &got)
        );
    }
}

/// The entries that differ between two `lexicon stems` outputs, keyed by lexicon and
/// pattern so that inserted rows do not shift everything after them.
fn entry_diff(want: &str, got: &str) -> String {
    fn entries(s: &str) -> BTreeMap<(String, String), String> {
        s.lines()
            .skip(1)
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f.len() == 5).then(|| ((f[0].into(), f[2].into()), format!("{}\t{}", f[3], f[4])))
            })
            .collect()
    }
    let (a, b) = (entries(want), entries(got));
    let keys: BTreeSet<_> = a.keys().chain(b.keys()).collect();
    let mut out = Vec::new();
    for k in keys {
        match (a.get(k), b.get(k)) {
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) => out.push(format!("~ {} {}: {x} -> {y}", k.0, k.1)),
            (Some(x), None) => out.push(format!("- {} {}: {x}", k.0, k.1)),
            (None, Some(y)) => out.push(format!("+ {} {}: {y}", k.0, k.1)),
            (None, None) => {}
        }
    }
    if out.is_empty() {
        out.push("(same entries; only line numbers or order changed)".into());
    }
    let n = out.len();
    out.truncate(60);
    if n > 60 {
        out.push(format!("... and {} more", n - 60));
    }
    out.join("\n")
}

#[test]
fn bundled_sizes_meet_the_lexicon_issue() {
    let lex = bundled();
    let rows = |name: &str| lex[name].len();
    assert!(rows("loaded") >= 2000, "loaded.csv has {} rows", rows("loaded"));
    assert!(rows("hedges") >= 150, "hedges.csv has {} rows", rows("hedges"));
    assert!(lex.contains_key("boosters") && lex.contains_key("negators"));
    // Column 4 is the lemma, column 1 the category.
    let lemmas: BTreeSet<&str> = lex["attribution"].iter().map(|r| &r[4]).collect();
    assert!(lemmas.len() >= 80, "attribution.csv has {} lemmas", lemmas.len());
    let referents: BTreeSet<&str> = lex["labels"].iter().map(|r| &r[1]).collect();
    let general = referents.iter().filter(|c| !c.starts_with("label/israel-gaza/")).count();
    let domain = referents.len() - general;
    assert!(general >= 40, "labels.csv has {general} general referents");
    assert!(domain >= 1, "labels.csv has no Israel–Gaza referents");
    for (name, rows) in &lex {
        for (i, r) in rows.iter().enumerate() {
            assert!(!r[6].trim().is_empty(), "{name}.csv:{}: empty source", i + 2);
        }
    }
}

#[test]
fn lexicon_readme_documents_every_file_and_its_size() {
    let readme = std::fs::read_to_string(repo("lexicons/README.md")).unwrap();
    for (name, rows) in bundled() {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `en/{name}.csv` |")))
            .unwrap_or_else(|| panic!("lexicons/README.md has no table row for en/{name}.csv"));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert_eq!(
            cells.get(3).copied(),
            Some(rows.len().to_string().as_str()),
            "lexicons/README.md: row count of en/{name}.csv is stale"
        );
        assert!(readme.contains(&format!("## `{name}.csv`")), "no section for {name}.csv");
    }
}
