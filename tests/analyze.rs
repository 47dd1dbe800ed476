//! `framelens analyze` end to end on the fixtures: every input kind, offsets, failures,
//! determinism across thread counts, and the output folder contract.

use crate::util::{Workdir, fixture, repo};

fn lex() -> String {
    fixture("lexicons").display().to_string()
}

#[test]
fn folder_input_counts_and_reports_the_empty_file() {
    let w = Workdir::new();
    let input = fixture("corpus_folder").display().to_string();
    w.run_ok(&["analyze", &input, "-o", "out", "--lexicons", &lex(), "-q"], 1);
    let docs = w.csv("out/documents.csv");
    assert_eq!(docs.len(), 6);
    assert!(docs.iter().all(|d| d["outlet"].starts_with("outlet-")));
    assert!(docs.iter().any(|d| d["doc_id"] == "outlet-a/harbor-fire"));
    let errors = w.csv("out/errors.csv");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["doc_id"], "outlet-c/empty");
    assert!(errors[0]["reason"].contains("empty"), "{:?}", errors[0]);
    let manifest: serde_json::Value = serde_json::from_str(&w.read("out/manifest.json")).unwrap();
    assert_eq!(manifest["counts"]["read"], 7);
    assert_eq!(manifest["counts"]["analysed"], 6);
    assert_eq!(manifest["counts"]["failed"], 1);
    let loaded: u64 = docs.iter().map(|d| d["loaded_count"].parse::<u64>().unwrap()).sum();
    assert_eq!(loaded, 6, "one loaded term per fixture document");
}

#[test]
fn csv_and_jsonl_inputs_agree_and_bad_lines_are_reported() {
    let w = Workdir::new();
    let csv = fixture("corpus.csv").display().to_string();
    let jsonl = fixture("corpus.jsonl").display().to_string();
    w.run_ok(&["analyze", &csv, "-o", "a", "--lexicons", &lex(), "-q"], 0);
    w.run_ok(&["analyze", &jsonl, "-o", "b", "--lexicons", &lex(), "-q"], 1);
    let (a, b) = (w.csv("a/documents.csv"), w.csv("b/documents.csv"));
    assert_eq!(a.len(), 6);
    assert_eq!(a, b);
    assert_eq!(w.read("a/matches.csv"), w.read("b/matches.csv"));
    let errors = w.csv("b/errors.csv");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["location"], "line 4");
    assert!(errors[0]["reason"].starts_with("not valid JSON"));
    assert!(!a[0].contains_key("extra_column"));
}

#[test]
fn match_offsets_round_trip_as_code_points() {
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    let args = ["analyze", &input, "-o", "out", "--lexicons", &lex(), "-q", "--hit-details"];
    w.run_ok(&args, 0);
    let mut texts = std::collections::HashMap::new();
    for line in std::fs::read_to_string(&input).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        texts.insert(v["id"].as_str().unwrap().to_string(), v);
    }
    let matches = w.csv("out/matches.csv");
    assert!(matches.len() > 10);
    for m in &matches {
        let doc = &texts[&m["doc_id"]];
        let section = if m["section"] == "title" { &doc["title"] } else { &doc["text"] };
        let chars: Vec<char> = section.as_str().unwrap().chars().collect();
        let (s, e): (usize, usize) = (m["start"].parse().unwrap(), m["end"].parse().unwrap());
        let got: String = chars[s..e].iter().collect();
        assert_eq!(got, m["text"].trim_start_matches('\''), "{m:?}");
        let bytes = section.as_str().unwrap().as_bytes();
        let (bs, be): (usize, usize) =
            (m["byte_start"].parse().unwrap(), m["byte_end"].parse().unwrap());
        assert_eq!(std::str::from_utf8(&bytes[bs..be]).unwrap(), got);
    }
}

#[test]
fn output_is_identical_for_one_and_two_threads() {
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    w.run_ok(&["analyze", &input, "-o", "t1", "--threads", "1", "-q"], 0);
    w.run_ok(&["analyze", &input, "-o", "t2", "--threads", "2", "-q"], 0);
    for f in [
        "documents.csv",
        "matches.csv",
        "attributions.csv",
        "outlets.csv",
        "categories.csv",
        "terms.csv",
        "sources.csv",
        "errors.csv",
        "doc_terms.csv",
        "compare.csv",
        "rates.csv",
        "compare_paired.csv",
        "scare_quotes.csv",
        "tone.csv",
        "labels.csv",
    ] {
        assert_eq!(w.read(&format!("t1/{f}")), w.read(&format!("t2/{f}")), "{f} differs");
    }
    let m1: serde_json::Value = serde_json::from_str(&w.read("t1/manifest.json")).unwrap();
    let m2: serde_json::Value = serde_json::from_str(&w.read("t2/manifest.json")).unwrap();
    assert_eq!(m1["inputs"], m2["inputs"]);
    assert_eq!(m1["counts"], m2["counts"]);
}

#[test]
fn existing_output_is_refused_without_force() {
    let w = Workdir::new();
    w.write("out/keep.txt", "mine");
    let input = fixture("corpus.csv").display().to_string();
    let out = w.run(&["analyze", &input, "-o", "out", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(w.read("out/keep.txt"), "mine");
    w.run_ok(&["analyze", &input, "-o", "out", "--lexicons", &lex(), "--force", "-q"], 0);
    assert!(!w.path("out/keep.txt").exists());
    assert!(w.path("out/documents.csv").exists());
}

#[test]
fn missing_required_column_lists_the_columns_found() {
    let w = Workdir::new();
    w.write("in.csv", "id,source,body\n1,A,text\n");
    let out = w.run(&["analyze", "in.csv", "-o", "out", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("columns found: id, source, body"), "{err}");
    assert!(!w.path("out").exists());
    w.run_ok(
        &[
            "analyze",
            "in.csv",
            "-o",
            "out",
            "--lexicons",
            &lex(),
            "--column",
            "outlet=source",
            "--column",
            "text=body",
            "-q",
        ],
        0,
    );
    assert_eq!(w.csv("out/documents.csv")[0]["outlet"], "A");
}

#[test]
fn jsonl_from_stdin_and_formula_cells_are_neutralised() {
    use std::io::Write;
    let w = Workdir::new();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_framelens"))
        .args(["analyze", "-", "-o", "out", "--lexicons", &lex(), "-q"])
        .current_dir(w.path(""))
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let line = r#"{"id":"=1+1","outlet":"@Outlet","title":"-Shocking","text":"A fiasco."}"#;
    child.stdin.take().unwrap().write_all(line.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    let docs = w.csv("out/documents.csv");
    assert_eq!(docs[0]["doc_id"], "'=1+1");
    assert_eq!(docs[0]["outlet"], "'@Outlet");
    assert_eq!(docs[0]["title"], "'-Shocking");
}

#[test]
fn events_give_per_event_rows() {
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    w.run_ok(&["analyze", &input, "-o", "out", "-q"], 0);
    let outlets = w.csv("out/outlets.csv");
    let all: Vec<_> = outlets.iter().filter(|r| r["scope"] == "all").collect();
    let events: Vec<_> = outlets.iter().filter(|r| r["scope"] == "event").collect();
    assert_eq!(all.len(), 4);
    assert_eq!(events.len(), 8);
    let docs: u64 = all.iter().map(|r| r["docs"].parse::<u64>().unwrap()).sum();
    assert_eq!(docs, 8);
}

/// The compact default of `matches.csv` (issue 18) is the every-hit table of `--hit-details
/// --all-hits --tone-hits` cut down: its counted rows outside the tone inputs, without the
/// detail columns, the flags that are 1 named in `flags`; `--full` writes the columns every
/// run wrote before; `scare_quotes.csv` has its `sentence_text` only with `--context N`.
#[test]
fn matches_are_compact_by_default_and_each_opt_in_adds_its_part() {
    type Row = std::collections::HashMap<String, String>;
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    // The bundled lexicons: they have tone inputs.
    let run = |out: &str, extra: &[&str]| {
        let mut args = vec!["analyze", &input, "-o", out, "-q"];
        args.extend_from_slice(extra);
        w.run_ok(&args, 0);
    };
    run("plain", &[]);
    run("every", &["--hit-details", "--all-hits", "--tone-hits"]);
    run("full", &["--full"]);
    let header = |f: &str| w.read(f).lines().next().unwrap().to_string();
    assert_eq!(
        header("plain/matches.csv"),
        "doc_id,section,sentence,category,term,text,start,end,flags,counted"
    );
    assert_eq!(
        header("full/matches.csv"),
        "doc_id,outlet,section,sentence,lexicon,category,term,lemma,polarity,intensity,text,\
         start,end,byte_start,byte_end,left,right,in_quote,negated,intensified,dampened,hedged,\
         scare_quote,in_name,boilerplate,counted"
    );
    let flags = ["in_quote", "negated", "intensified", "dampened", "hedged", "scare_quote"];
    let flags = [&flags[..], &["in_name", "boilerplate"]].concat();
    let tone = |m: &Row| {
        ["valence", "negator", "booster"].contains(&m["category"].split('/').next().unwrap())
    };
    let every = w.csv("every/matches.csv");
    assert!(every.iter().any(|m| m["counted"] == "0") && every.iter().any(tone));
    let expected: Vec<Row> = every
        .iter()
        .filter(|m| m["counted"] == "1" && !tone(m))
        .map(|m| {
            let mut m = m.clone();
            let on: Vec<&str> = flags.iter().copied().filter(|f| m[*f] == "1").collect();
            m.insert("flags".into(), on.join(" "));
            let gone = ["outlet", "lexicon", "lemma", "polarity", "intensity", "byte_start"];
            for c in gone.iter().chain(&["byte_end"]).chain(&flags) {
                m.remove(*c);
            }
            m
        })
        .collect();
    let plain = w.csv("plain/matches.csv");
    assert!(plain.len() > 10 && plain.len() < every.len());
    assert!(plain.iter().any(|m| !m["flags"].is_empty()));
    assert_eq!(plain, expected);
    // Each flag alone adds its part.
    run("uncounted", &["--all-hits"]);
    let uncounted = w.csv("uncounted/matches.csv");
    assert!(uncounted.iter().any(|m| m["counted"] == "0") && !uncounted.iter().any(tone));
    run("tone", &["--tone-hits"]);
    let toned = w.csv("tone/matches.csv");
    assert!(toned.iter().all(|m| m["counted"] == "1") && toned.iter().any(tone));
    // The counts do not depend on what matches.csv holds.
    for table in ["documents.csv", "categories.csv", "terms.csv", "doc_terms.csv", "compare.csv"] {
        assert_eq!(w.read(&format!("plain/{table}")), w.read(&format!("every/{table}")), "{table}");
    }
    assert!(!header("plain/scare_quotes.csv").contains("sentence_text"));
    assert!(header("full/scare_quotes.csv").ends_with(",cue,sentence_text"));
    let manifest: serde_json::Value = serde_json::from_str(&w.read("every/manifest.json")).unwrap();
    assert_eq!(manifest["options"]["hit_details"], true);
    assert_eq!(manifest["options"]["all_hits"], true);
    assert_eq!(manifest["options"]["tone_hits"], true);
}

/// The manifest names the cue model given with `--cue-model` (`bundled` or the file), and
/// records none when the rules decide the cues.
#[test]
fn manifest_names_the_cue_model() {
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    let options = |out: &str, extra: &[&str]| {
        let mut args = vec!["analyze", &input, "-o", out, "-q"];
        args.extend_from_slice(extra);
        w.run_ok(&args, 0);
        let m: serde_json::Value =
            serde_json::from_str(&w.read(&format!("{out}/manifest.json"))).unwrap();
        m["options"].clone()
    };
    assert_eq!(options("model", &["--cue-model", "bundled"])["cue_model"], "bundled");
    assert!(options("rules", &[]).get("cue_model").is_none());
}

/// `matches.csv` leaves the context out by default (the offsets locate each hit); `--context N`
/// adds up to N characters on each side, and `--full` the 40 every run wrote before, so its
/// tables are those of `--context 40 --by-event --hit-details --all-hits --tone-hits`.
#[test]
fn context_columns_are_opt_in() {
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    let lexicons = lex();
    let run = |out: &str, extra: &[&str]| {
        let mut args = vec!["analyze", &input, "-o", out, "--lexicons", &lexicons, "-q"];
        args.extend_from_slice(extra);
        w.run_ok(&args, 0);
    };
    run("plain", &[]);
    run("five", &["--context", "5"]);
    run("full", &["--full"]);
    run("forty", &["--context", "40", "--by-event", "--hit-details", "--all-hits", "--tone-hits"]);
    let plain = w.csv("plain/matches.csv");
    assert!(plain.len() > 10);
    assert!(plain.iter().all(|m| !m.contains_key("left") && !m.contains_key("right")));
    let five = w.csv("five/matches.csv");
    assert_eq!(five.len(), plain.len());
    for (p, f) in plain.iter().zip(&five) {
        let mut f = f.clone();
        let (left, right) = (f.remove("left").unwrap(), f.remove("right").unwrap());
        assert_eq!(&f, p);
        assert!(left.chars().count() <= 5 && right.chars().count() <= 5, "{left:?} {right:?}");
    }
    assert!(five.iter().any(|m| !m["left"].is_empty()));
    for table in framelens::report::analyze_outputs().iter().filter(|f| f.ends_with(".csv")) {
        assert_eq!(w.read(&format!("full/{table}")), w.read(&format!("forty/{table}")), "{table}");
    }
    let manifest: serde_json::Value = serde_json::from_str(&w.read("five/manifest.json")).unwrap();
    assert_eq!(manifest["options"]["context"], 5);
}

/// The event × outlet rows of the long tables are opt-in (`--by-event`, or `--full`): by
/// default those tables hold the all-documents rows, the same rows `--by-event` writes for
/// that scope; `outlets.csv` and `compare_paired.csv` do not change.
#[test]
fn event_rows_of_the_long_tables_are_opt_in() {
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    // The bundled lexicons, which have labels.
    for (out, extra) in
        [("plain", None), ("by_event", Some("--by-event")), ("full", Some("--full"))]
    {
        let mut args = vec!["analyze", &input, "-o", out, "-q"];
        args.extend(extra);
        w.run_ok(&args, 0);
    }
    for t in ["categories", "terms", "labels", "sources", "rates", "compare"] {
        let (plain, by_event) =
            (w.csv(&format!("plain/{t}.csv")), w.csv(&format!("by_event/{t}.csv")));
        assert!(!plain.is_empty() && plain.iter().all(|r| r["scope"] == "all"), "{t}");
        assert!(by_event.iter().any(|r| r["scope"] == "event"), "{t}");
        let all: Vec<_> = by_event.into_iter().filter(|r| r["scope"] == "all").collect();
        assert_eq!(plain, all, "{t}");
        assert_eq!(w.read(&format!("full/{t}.csv")), w.read(&format!("by_event/{t}.csv")), "{t}");
    }
    for t in ["outlets", "compare_paired"] {
        assert_eq!(w.read(&format!("plain/{t}.csv")), w.read(&format!("by_event/{t}.csv")), "{t}");
    }
    let manifest: serde_json::Value = serde_json::from_str(&w.read("plain/manifest.json")).unwrap();
    assert_eq!(manifest["options"]["compare"]["by_event"], false);
}
