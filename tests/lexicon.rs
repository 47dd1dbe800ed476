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
