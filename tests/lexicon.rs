//! `framelens lexicon check|stems` on the bundled lexicons and on broken ones.

use crate::util::{Workdir, fixture};

#[test]
fn bad_lexicon_errors_name_file_line_and_column() {
    let w = Workdir::new();
    w.write("lex/loaded.csv", "pattern,category,polarity\nfine,loaded,1\nbad,loaded,7\n");
    let out = w.run(&["lexicon", "check", "lex"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lex/loaded.csv:3:3: polarity 7 is outside -2..2"), "{err}");
}

#[test]
fn stems_lists_every_entry() {
    let w = Workdir::new();
    let dir = fixture("lexicons").display().to_string();
    let out = w.run_ok(&["lexicon", "stems", &dir], 0);
    assert!(out.contains("loaded\t2\tfiasco\tloaded/condemnation\tstem:fiasco"), "{out}");
    assert!(out.contains("attribution\t4\t=said\tattribution/neutral\texact:said"), "{out}");
    assert_eq!(out.lines().count(), 1 + 7 + 8);
}

#[test]
fn check_reports_every_finding_kind_of_the_broken_lexicon() {
    let w = Workdir::new();
    let dir = fixture("lexicons_broken").display().to_string();
    let out = w.run_ok(&["lexicon", "check", &dir], 1);
    let got: Vec<(String, String)> = out
        .lines()
        .map(|l| {
            let mut parts = l.splitn(3, ": ");
            let location = parts.next().unwrap();
            let file_line = location.rsplit(['/', '\\']).next().unwrap().to_string();
            (file_line, parts.next().unwrap_or_default().to_string())
        })
        .collect();
    let want: Vec<(String, String)> = [
        ("attribution.csv:2", "verb-family"),
        ("loaded.csv:2", "never-matches"),
        ("loaded.csv:4", "shadowed"),
        ("loaded.csv:6", "stem-collision"),
        ("loaded.csv:7", "function-word"),
        ("loaded.csv:8", "short-stem"),
        ("loaded.csv:9", "short-prefix"),
        ("loaded.csv:10", "no-source"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want, "{out}");
    // Every row's note names the kind it trips, so the fixture documents itself.
    let loaded = std::fs::read_to_string(fixture("lexicons_broken/loaded.csv")).unwrap();
    for (loc, kind) in &want {
        if let Some(line) = loc.strip_prefix("loaded.csv:") {
            let row = loaded.lines().nth(line.parse::<usize>().unwrap() - 1).unwrap();
            assert!(row.contains(kind.as_str()), "line {line} should name {kind}: {row}");
        }
    }
}

#[test]
fn check_messages_say_what_to_do() {
    let w = Workdir::new();
    let dir = fixture("lexicons_broken").display().to_string();
    let out = w.run_ok(&["lexicon", "check", &dir], 1);
    assert!(out.contains("'=9/11' can never match: '=9/11' is split into words at '/'"), "{out}");
    assert!(
        out.contains("'massacre' (line 3) matches everything that '=massacred' matches"),
        "{out}"
    );
    assert!(out.contains("both stem to 'liber'"), "{out}");
    assert!(out.contains("like the function word 'over'"), "{out}");
}

#[test]
fn duplicate_patterns_are_errors() {
    let w = Workdir::new();
    w.write("lex/loaded.csv", "pattern,category\nso-called,hedge\nSo called,hedge\n");
    let out = w.run(&["lexicon", "check", "lex"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lex/loaded.csv:3:1: pattern 'So called' duplicates line 2"), "{err}");
}
