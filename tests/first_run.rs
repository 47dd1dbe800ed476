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
fn the_quick_start_says_how_long_the_first_build_and_the_tests_take() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let start = readme.find("## Quick start").unwrap();
    let quick = &readme[start..start + readme[start..].find("## Usage").unwrap()];
    let quick = quick.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(quick.contains("the first build of step 1 takes about 1.5 minutes"), "{quick}");
    assert!(quick.contains("estimated at 3–4 minutes the first time"), "{quick}");
    assert!(quick.contains("runs in about 20 seconds"), "{quick}");
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
    let out = w.run(&["analyze", "one.jsonl", "-o", "out", "--lexicons", &lex(), "--doc-terms"]);
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

/// The `.txt` files of the sample folder, or its outlet folders, in path order.
fn sample(depth: usize) -> Vec<String> {
    let mut paths = vec![repo("examples/velmora-folder")];
    for _ in 0..depth {
        paths = paths
            .iter()
            .flat_map(|p| std::fs::read_dir(p).unwrap())
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
    }
    paths.iter().map(|p| p.display().to_string()).collect()
}

#[test]
fn txt_files_read_as_the_folder_reads_them() {
    let w = Workdir::new();
    let folder = repo("examples/velmora-folder").display().to_string();
    w.run_ok(&["analyze", &folder, "-o", "folder", "-q"], 0);
    let mut args = vec!["analyze".to_string(), "-o".into(), "files".into(), "-q".into()];
    args.extend(sample(2));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    w.run_ok(&args, 0);
    assert_eq!(w.read("files/documents.csv"), w.read("folder/documents.csv"));
    assert_eq!(w.read("files/matches.csv"), w.read("folder/matches.csv"));
    let m: serde_json::Value = serde_json::from_str(&w.read("files/manifest.json")).unwrap();
    assert_eq!(m["inputs"][0]["kind"], "text");
}

#[test]
fn one_txt_file_takes_its_folders_name_or_the_outlet_option() {
    let w = Workdir::new();
    w.write("harbor/article.txt", "The regime said so.");
    w.write("article.txt", "The regime said so.");
    w.run_ok(&["analyze", "harbor/article.txt", "-o", "a", "-q"], 0);
    let docs = w.csv("a/documents.csv");
    assert_eq!(
        (docs[0]["outlet"].as_str(), docs[0]["doc_id"].as_str()),
        ("harbor", "harbor/article")
    );
    w.run_ok(&["analyze", "harbor/article.txt", "--outlet", "Harbor Daily", "-o", "b", "-q"], 0);
    assert_eq!(w.csv("b/documents.csv")[0]["outlet"], "Harbor Daily");
    let m: serde_json::Value = serde_json::from_str(&w.read("b/manifest.json")).unwrap();
    assert_eq!(m["options"]["outlet"], "Harbor Daily");
    // A bare file name: the outlet is the current folder's name.
    w.run_ok(&["analyze", "article.txt", "-o", "c", "-q"], 0);
    let here = w.path("").canonicalize().unwrap();
    let here = here.file_name().unwrap().to_string_lossy();
    assert_eq!(w.csv("c/documents.csv")[0]["outlet"], here);
    // An empty file is reported, not lost.
    w.write("harbor/empty.txt", " ");
    w.run_ok(&["analyze", "harbor/empty.txt", "harbor/article.txt", "-o", "d", "-q"], 1);
    let errors = w.csv("d/errors.csv");
    assert_eq!(
        (errors[0]["doc_id"].as_str(), errors[0]["location"].as_str()),
        ("harbor/empty", "empty.txt")
    );
    assert_eq!(w.csv("d/documents.csv").len(), 1);
}

#[test]
fn the_outlet_option_needs_a_txt_input() {
    let w = Workdir::new();
    w.write("one.jsonl", "{\"outlet\":\"A\",\"text\":\"The regime said so.\"}\n");
    let out = w.run(&["analyze", "one.jsonl", "--outlet", "X", "-o", "out"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "framelens: error: --outlet names the outlet of .txt file inputs, and no input is one\n"
    );
}

#[test]
fn outlet_folders_given_as_inputs_say_what_to_give_instead() {
    let w = Workdir::new();
    let mut args = vec!["analyze".to_string(), "-o".into(), "out".into(), "-q".into()];
    args.extend(sample(1));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    w.run_ok(&args, 1);
    let errors = w.csv("out/errors.csv");
    assert_eq!(errors.len(), 8);
    let hint = "not inside an outlet folder (expected OUTLET/DOC.txt): give the folder that holds \
                the outlet folders, or the .txt files themselves (their outlet is their folder's \
                name, or --outlet NAME)";
    assert!(errors.iter().all(|e| e["reason"] == hint), "{errors:?}");
}

#[test]
fn raw_cells_stay_verbatim_in_the_workbook() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let w = Workdir::new();
    w.write("in.jsonl", "{\"outlet\":\"A\",\"title\":\"'=quoted\",\"text\":\"=1+1 said.\"}\n");
    w.run_ok(&["analyze", "in.jsonl", "-o", "out", "-q", "--raw-cells", "--xlsx", "b.xlsx"], 0);
    let mut book: Xlsx<_> = open_workbook(w.path("b.xlsx")).unwrap();
    let docs = book.worksheet_range("documents").unwrap();
    let title = docs.rows().next().unwrap().iter().position(|c| c == &Data::String("title".into()));
    assert_eq!(docs.get_value((1, title.unwrap() as u32)), Some(&Data::String("'=quoted".into())));
}

#[test]
fn the_readme_sheet_says_how_to_fill_the_gaps_of_rates() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let w = Workdir::new();
    w.write("in.jsonl", "{\"outlet\":\"A\",\"text\":\"The regime said so.\"}\n");
    w.run_ok(&["analyze", "in.jsonl", "-o", "out", "-q", "--xlsx", "b.xlsx"], 0);
    let mut book: Xlsx<_> = open_workbook(w.path("b.xlsx")).unwrap();
    let readme = book.worksheet_range("README").unwrap();
    let about = readme
        .rows()
        .find(|r| r[0] == Data::String("rates".into()) && r[1] == Data::Empty)
        .map(|r| r[3].to_string())
        .unwrap();
    assert!(about.starts_with("rates.csv: every outlet rate"), "{about}");
    assert!(about.contains("run framelens compare OUTDIR -o DEST --min-count 0"), "{about}");
}

#[test]
fn standard_error_is_clean_when_it_is_not_a_terminal() {
    let w = Workdir::new();
    let folder = repo("examples/velmora-folder").display().to_string();
    let out = w.run(&["analyze", &folder, "-o", "out"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err:?}");
    assert!(lines[0].starts_with("framelens: 8 documents analysed, 0 failed, "), "{err:?}");
    assert!(!err.contains('\r'), "{err:?}");
}
