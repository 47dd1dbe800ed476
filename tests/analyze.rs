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
    let lexicons = lex();
    let args = ["analyze", &input, "-o", "out", "--lexicons", &lexicons, "-q", "--hit-details"];
    w.run_ok(&[&args[..], &["--all-hits"]].concat(), 0);
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
    w.run_ok(&["analyze", &input, "-o", "t1", "--threads", "1", "-q", "--doc-terms"], 0);
    w.run_ok(&["analyze", &input, "-o", "t2", "--threads", "2", "-q", "--doc-terms"], 0);
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
/// --all-hits --tone-hits` cut down: its counted rows outside the tone inputs and the
/// attribution cues, without the detail columns and `counted`, the flags that are 1 named in
/// `flags`; `--full` writes the columns every run wrote before; `scare_quotes.csv` has its
/// `sentence_text` only with `--context N`.
#[test]
fn matches_are_compact_by_default_and_each_opt_in_adds_its_part() {
    type Row = std::collections::HashMap<String, String>;
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    // The bundled lexicons: they have tone inputs.
    let run = |out: &str, extra: &[&str]| w.analyze_ok(&input, out, extra);
    run("plain", &[]);
    run("every", &["--hit-details", "--all-hits", "--tone-hits"]);
    run("full", &["--full"]);
    let header = |f: &str| w.read(f).lines().next().unwrap().to_string();
    assert_eq!(
        header("plain/matches.csv"),
        "doc_id,section,sentence,category,term,start,end,flags"
    );
    assert_eq!(
        header("full/matches.csv"),
        "doc_id,outlet,section,sentence,lexicon,category,term,lemma,polarity,intensity,text,\
         start,end,byte_start,byte_end,left,right,in_quote,negated,intensified,dampened,hedged,\
         scare_quote,in_name,boilerplate,reported,counted"
    );
    let flags = ["in_quote", "negated", "intensified", "dampened", "hedged", "scare_quote"];
    let flags = [&flags[..], &["in_name", "boilerplate", "reported"]].concat();
    let top = |m: &Row| m["category"].split('/').next().unwrap().to_string();
    let tone = |m: &Row| ["valence", "negator", "booster"].contains(&&*top(m));
    let cue = |m: &Row| top(m) == "attribution";
    let every = w.csv("every/matches.csv");
    assert!(every.iter().any(|m| m["counted"] == "0") && every.iter().any(tone));
    let expected: Vec<Row> = every
        .iter()
        .filter(|m| m["counted"] == "1" && !tone(m) && !cue(m))
        .map(|m| {
            let mut m = m.clone();
            let on: Vec<&str> = flags.iter().copied().filter(|f| m[*f] == "1").collect();
            m.insert("flags".into(), on.join(" "));
            let gone = ["outlet", "lexicon", "lemma", "polarity", "intensity", "text"];
            for c in gone.iter().chain(&["byte_start", "byte_end", "counted"]).chain(&flags) {
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
    assert!(uncounted.iter().any(|m| m["counted"] == "1" && cue(m)) && !plain.iter().any(cue));
    run("tone", &["--tone-hits"]);
    let toned = w.csv("tone/matches.csv");
    assert!(!toned[0].contains_key("counted") && toned.iter().any(tone));
    // The counts do not depend on what matches.csv holds.
    for table in ["documents.csv", "categories.csv", "terms.csv", "compare.csv"] {
        assert_eq!(w.read(&format!("plain/{table}")), w.read(&format!("every/{table}")), "{table}");
    }
    assert!(!header("plain/scare_quotes.csv").contains("sentence_text"));
    assert!(header("full/scare_quotes.csv").ends_with(",cue,sentence_text"));
    assert_eq!(
        header("plain/scare_quotes.csv"),
        "doc_id,section,sentence,kind,quoted,start,end,cue"
    );
    assert_eq!(
        header("plain/attributions.csv"),
        "doc_id,section,sentence,cue_lemma,cue_class,cue_start,cue_end,source_start,source_end,\
         source_resolved,quote_type,direct,content_start,content_end"
    );
    // --hit-details gives attributions.csv the table of --full (scare_quotes.csv all its
    // columns but the sentence of --context); the default is that table without them.
    assert_eq!(w.read("every/attributions.csv"), w.read("full/attributions.csv"));
    let details = [
        ("attributions.csv", ["outlet", "cue", "source"]),
        ("scare_quotes.csv", ["outlet", "byte_start", "byte_end"]),
    ];
    for (t, columns) in details {
        let (detailed, plain) = (w.csv(&format!("every/{t}")), w.csv(&format!("plain/{t}")));
        let cut: Vec<Row> = detailed
            .into_iter()
            .map(|mut r| {
                for c in columns {
                    r.remove(c);
                }
                r
            })
            .collect();
        assert!(!plain.is_empty(), "{t}");
        assert_eq!(plain, cut, "{t}");
    }
    // Each counted attribution hit is the cue of one attribution: what the default leaves out
    // of matches.csv is in attributions.csv.
    let attributions = w.csv("every/attributions.csv");
    let cues = every.iter().filter(|m| cue(m) && m["counted"] == "1");
    let span = |r: &Row, s: &str, e: &str| -> (usize, usize) {
        (r[s].parse().unwrap(), r[e].parse().unwrap())
    };
    let mut n = 0;
    for m in cues {
        let (s, e) = span(m, "start", "end");
        let of = attributions.iter().filter(|a| {
            let (cs, ce) = span(a, "cue_start", "cue_end");
            a["doc_id"] == m["doc_id"] && a["section"] == m["section"] && cs < e && s < ce
        });
        assert_eq!(of.count(), 1, "{m:?}");
        n += 1;
    }
    assert!(n > 10, "{n} counted attribution hits");
    // doc_terms.csv only with --doc-terms (or --full): what compare reads.
    assert!(!w.path("plain/doc_terms.csv").exists());
    run("terms", &["--doc-terms"]);
    assert_eq!(w.read("terms/doc_terms.csv"), w.read("full/doc_terms.csv"));
    let listed = |out: &str| {
        let m: serde_json::Value =
            serde_json::from_str(&w.read(&format!("{out}/manifest.json"))).unwrap();
        m["outputs"].as_array().unwrap().iter().any(|f| f == "doc_terms.csv")
    };
    assert!(!listed("plain") && listed("terms") && listed("full"));
    let err = w.run(&["compare", "plain", "-o", "again"]);
    let stderr = String::from_utf8_lossy(&err.stderr);
    assert_eq!(err.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("doc_terms.csv") && stderr.contains("--doc-terms"), "{stderr}");
    w.run_ok(&["compare", "terms", "-o", "again", "-q"], 0);
    assert_eq!(w.read("again/compare.csv"), w.read("plain/compare.csv"));
    let manifest: serde_json::Value = serde_json::from_str(&w.read("every/manifest.json")).unwrap();
    assert_eq!(manifest["options"]["hit_details"], true);
    assert_eq!(manifest["options"]["all_hits"], true);
    assert_eq!(manifest["options"]["tone_hits"], true);
}

/// The term rows of the tone inputs (valence words, negators, boosters) are in `terms.csv`,
/// `rates.csv` and `compare.csv` only with `--tone-terms` (or `--full`): the default tables are
/// those rows left out of `--tone-terms`'s, every other row (q-values included) unchanged and
/// the tone inputs' category rows kept; `compare` leaves them out and adds them the same way.
#[test]
fn tone_terms_are_opt_in() {
    type Row = std::collections::HashMap<String, String>;
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    // Every row, so the filter is the only difference.
    let run = |out: &str, extra: &[&str]| {
        w.analyze_ok(&input, out, &[&["--min-count", "0", "--doc-terms"], extra].concat())
    };
    run("plain", &[]);
    run("tone", &["--tone-terms"]);
    let tone_input = |r: &Row| {
        let top = r["category"].split('/').next().unwrap();
        ["valence", "negator", "booster"].contains(&top)
    };
    let term = |r: &Row| r.get("kind").is_none_or(|k| k == "term");
    for table in ["terms.csv", "rates.csv", "compare.csv"] {
        let [plain, tone] = ["plain", "tone"].map(|o| w.csv(&format!("{o}/{table}")));
        let header = |o: &str| w.read(&format!("{o}/{table}")).lines().next().unwrap().to_string();
        assert_eq!(header("plain"), header("tone"), "{table}");
        assert!(tone.iter().any(|r| tone_input(r) && term(r)), "{table}");
        assert!(!plain.iter().any(|r| tone_input(r) && term(r)), "{table}");
        if table != "terms.csv" {
            assert!(plain.iter().any(|r| tone_input(r) && !term(r)), "{table}");
        }
        let kept: Vec<Row> = tone.into_iter().filter(|r| !(tone_input(r) && term(r))).collect();
        assert!(kept.len() > 10, "{table}");
        assert_eq!(plain, kept, "{table}");
    }
    for table in ["documents.csv", "tone.csv", "categories.csv", "distinctive.csv"] {
        assert_eq!(w.read(&format!("plain/{table}")), w.read(&format!("tone/{table}")), "{table}");
    }
    // --full writes them too (its other rows are --by-event's: the `all` rows are these).
    run("full", &["--full"]);
    for table in ["terms.csv", "rates.csv", "compare.csv"] {
        let full = w.csv(&format!("full/{table}"));
        let all: Vec<Row> = full.into_iter().filter(|r| r["scope"] == "all").collect();
        assert_eq!(all, w.csv(&format!("tone/{table}")), "{table}");
    }
    let manifest: serde_json::Value = serde_json::from_str(&w.read("tone/manifest.json")).unwrap();
    assert_eq!(manifest["options"]["tone_terms"], true);
    // `compare` reads doc_terms.csv, not these rows: the same tables from either folder.
    let compare = |source: &str, out: &str, extra: &[&str]| {
        let mut args = vec!["compare", source, "-o", out, "-q", "--min-count", "0"];
        args.extend_from_slice(extra);
        w.run_ok(&args, 0);
    };
    compare("plain", "again", &[]);
    compare("plain", "again-tone", &["--tone-terms"]);
    for table in ["rates.csv", "compare.csv"] {
        assert_eq!(w.read(&format!("again/{table}")), w.read(&format!("plain/{table}")), "{table}");
        let toned = w.read(&format!("again-tone/{table}"));
        assert_eq!(toned, w.read(&format!("tone/{table}")), "{table}");
    }
}

/// The manifest names the cue model given with `--cue-model` (`bundled` or the file), and
/// records none when the rules decide the cues.
#[test]
fn manifest_names_the_cue_model() {
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    let options = |out: &str, extra: &[&str]| {
        w.analyze_ok(&input, out, extra);
        let m: serde_json::Value =
            serde_json::from_str(&w.read(&format!("{out}/manifest.json"))).unwrap();
        m["options"].clone()
    };
    assert_eq!(options("model", &["--cue-model", "bundled"])["cue_model"], "bundled");
    assert!(options("rules", &[]).get("cue_model").is_none());
}

/// `matches.csv` leaves the context out by default (the offsets locate each hit); `--context N`
/// adds up to N characters on each side, and `--full` the 40 every run wrote before, so its
/// tables are those of `--context 40 --by-event --hit-details --all-hits --tone-hits
/// --tone-terms --doc-terms`.
#[test]
fn context_columns_are_opt_in() {
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    let lexicons = lex();
    let run = |out: &str, extra: &[&str]| {
        // Every hit: the fixture's lexicons have few that count outside the attribution cues.
        let mut args =
            vec!["analyze", &input, "-o", out, "--lexicons", &lexicons, "-q", "--all-hits"];
        args.extend_from_slice(extra);
        w.run_ok(&args, 0);
    };
    run("plain", &[]);
    run("five", &["--context", "5"]);
    run("full", &["--full"]);
    let forty = ["--context", "40", "--by-event", "--hit-details", "--tone-hits"];
    run("forty", &[&forty[..], &["--tone-terms", "--doc-terms"]].concat());
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
/// that scope; `outlets.csv` and `compare_paired.csv` do not change; `--full` writes them
/// with the tone inputs' terms of `--tone-terms`.
#[test]
fn event_rows_of_the_long_tables_are_opt_in() {
    let w = Workdir::new();
    let input = repo("examples/velmora.jsonl").display().to_string();
    // The bundled lexicons, which have labels.
    for (out, extra) in [
        ("plain", &[][..]),
        ("by_event", &["--by-event"][..]),
        ("event_tone", &["--by-event", "--tone-terms"][..]),
        ("full", &["--full"][..]),
    ] {
        w.analyze_ok(&input, out, extra);
    }
    for t in ["categories", "terms", "labels", "sources", "rates", "compare"] {
        let (plain, by_event) =
            (w.csv(&format!("plain/{t}.csv")), w.csv(&format!("by_event/{t}.csv")));
        assert!(!plain.is_empty() && plain.iter().all(|r| r["scope"] == "all"), "{t}");
        assert!(by_event.iter().any(|r| r["scope"] == "event"), "{t}");
        let all: Vec<_> = by_event.into_iter().filter(|r| r["scope"] == "all").collect();
        assert_eq!(plain, all, "{t}");
        let full = w.read(&format!("full/{t}.csv"));
        assert_eq!(full, w.read(&format!("event_tone/{t}.csv")), "{t}");
    }
    for t in ["outlets", "compare_paired"] {
        assert_eq!(w.read(&format!("plain/{t}.csv")), w.read(&format!("by_event/{t}.csv")), "{t}");
    }
    let manifest: serde_json::Value = serde_json::from_str(&w.read("plain/manifest.json")).unwrap();
    assert_eq!(manifest["options"]["compare"]["by_event"], false);
}
