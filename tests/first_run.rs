//! What a new user meets in the first hour (issue 20): the install line and the lean release
//! build, plain `.txt` inputs, the hints and messages of common mistakes, and the workbook.

use crate::util::{Workdir, fixture, repo};

fn lex() -> String {
    fixture("lexicons").display().to_string()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The lines of `[profile.NAME]` in Cargo.toml, up to the next section.
fn profile(name: &str) -> Vec<String> {
    let toml = std::fs::read_to_string(repo("Cargo.toml")).unwrap();
    let head = format!("[profile.{name}]");
    toml.lines()
        .skip_while(|l| l.trim() != head)
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .map(|l| l.replace(' ', ""))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

#[test]
fn install_is_locked_and_the_release_binary_is_lean() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    assert!(readme.contains("`cargo install --locked --path .`"));
    assert!(!readme.contains("`cargo install --path .`"));
    assert_eq!(profile("release"), ["debug=false"]);
    assert_eq!(profile("profiling"), ["inherits=\"release\"", "debug=1"]);
}

#[test]
fn a_missing_input_names_the_os_error_once() {
    let w = Workdir::new();
    let out = w.run(&["analyze", "nowhere.jsonl", "-o", "out", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "framelens: error: nowhere.jsonl: No such file or directory (os error 2)\n"
    );
}

#[test]
fn compare_names_a_folder_that_is_not_an_output() {
    let w = Workdir::new();
    w.write("notes/a.txt", "x");
    let out = w.run(&["compare", "notes", "-o", "cmp"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "framelens: error: notes: not a framelens output folder (no documents.csv)\n"
    );
    assert!(!w.path("cmp").exists());
}

#[test]
fn one_document_is_singular() {
    let w = Workdir::new();
    w.write("one.jsonl", "{\"outlet\":\"A\",\"text\":\"The regime said so.\"}\n");
    let out = w.run(&["analyze", "one.jsonl", "-o", "out", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("framelens: 1 document analysed, 0 failed, "),
        "{}",
        stderr(&out)
    );
    let out = w.run(&["compare", "out", "-o", "cmp"]);
    assert_eq!(stderr(&out), "framelens: compared 1 document of out -> cmp\n");
}

#[test]
fn a_workbook_must_be_named_xlsx() {
    let w = Workdir::new();
    w.write("one.jsonl", "{\"outlet\":\"A\",\"text\":\"The regime said so.\"}\n");
    for (cmd, src) in [("analyze", "one.jsonl"), ("compare", "one.jsonl")] {
        let out = w.run(&[cmd, src, "-o", "out", "--xlsx", "out/v2.csv"]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert_eq!(
            stderr(&out),
            "framelens: error: --xlsx out/v2.csv: the workbook's name must end in .xlsx\n"
        );
        assert!(!w.path("out").exists());
    }
}

#[test]
fn jsonl_without_the_text_key_lists_its_string_keys() {
    let w = Workdir::new();
    w.write("in.jsonl", "{\"id\":\"d1\",\"outlet\":\"A\",\"body\":\"Hi.\",\"words\":2}\n");
    w.run_ok(&["analyze", "in.jsonl", "-o", "out", "--lexicons", &lex(), "-q"], 1);
    let errors = w.csv("out/errors.csv");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["doc_id"], "d1");
    assert_eq!(
        errors[0]["reason"],
        "no 'text' value (map one with --column text=NAME); string keys found: body, id, outlet"
    );
    w.run_ok(&["analyze", "in.jsonl", "-o", "out2", "--column", "text=body", "-q"], 0);
}
