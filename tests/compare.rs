//! The comparison layer end to end: `analyze` writes compare.csv, rates.csv and
//! compare_paired.csv; an independent Python reference recomputes them from the other tables;
//! `framelens compare` reproduces them from the output folder and regroups outlets.

use crate::util::{Workdir, fixture, repo};
use std::collections::HashMap;
use std::process::Command;

fn velmora() -> String {
    repo("examples/velmora.jsonl").display().to_string()
}

fn reference(dir: &std::path::Path) -> std::process::Output {
    Command::new("python3")
        .arg(repo("scripts/check_compare.py"))
        .arg(dir)
        .output()
        .expect("python3 is required for the reference check")
}

#[test]
fn python_reference_recomputes_every_statistic() {
    let w = Workdir::new();
    let args =
        ["analyze", "--doc-terms", &velmora(), "-q", "--bootstrap", "200", "--min-count", "0"];
    // Without the event rows of the long tables, the reference reads the events' counts from
    // the per-document tables.
    w.run_ok(&[&args[..], &["-o", "plain"][..]].concat(), 0);
    let ok = reference(&w.path("plain"));
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stdout));
    assert!(!w.csv("plain/compare_paired.csv").is_empty());
    w.run_ok(&[&args[..], &["-o", "out", "--by-event"][..]].concat(), 0);
    let ok = reference(&w.path("out"));
    assert!(
        ok.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&ok.stdout),
        String::from_utf8_lossy(&ok.stderr)
    );
    let rows = w.csv("out/compare.csv");
    assert!(rows.iter().any(|r| r["scope"] == "event" && r["comparison"] == "pair"));
    assert!(!w.csv("out/compare_paired.csv").is_empty());

    // The check can fail: one changed digit in one statistic is caught.
    let text = w.read("out/compare.csv");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let row = &mut lines[5];
    let mut cells: Vec<String> = row.split(',').map(String::from).collect();
    let z = cells[20].parse::<f64>().unwrap();
    cells[20] = format!("{:.10}", z + 1e-6);
    *row = cells.join(",");
    w.write("out/compare.csv", lines.join("\n") + "\n");
    let bad = reference(&w.path("out"));
    assert_eq!(bad.status.code(), Some(1), "{}", String::from_utf8_lossy(&bad.stdout));
    assert!(String::from_utf8_lossy(&bad.stdout).contains("column z"));
}

#[test]
fn compare_reproduces_analyze_and_options_change_only_what_they_should() {
    let w = Workdir::new();
    w.run_ok(
        &[
            "analyze",
            "--doc-terms",
            &velmora(),
            "-o",
            "out",
            "-q",
            "--bootstrap",
            "100",
            "--seed",
            "7",
        ],
        0,
    );
    w.run_ok(&["compare", "out", "-o", "same", "-q", "--bootstrap", "100", "--seed", "7"], 0);
    let same = ["compare.csv", "rates.csv", "compare_paired.csv", "distinctive.csv", "stance.csv"];
    let groups = ["group_outlets.csv", "group_labels.csv", "group_sources.csv"];
    for f in same.iter().chain(&groups) {
        assert_eq!(w.read(&format!("out/{f}")), w.read(&format!("same/{f}")), "{f}");
    }
    // The workbook can live inside the output folder.
    w.run_ok(&["compare", "out", "-o", "book", "-q", "--xlsx", "book/tables.xlsx"], 0);
    let book: calamine::Xlsx<_> = calamine::open_workbook(w.path("book/tables.xlsx")).unwrap();
    use calamine::Reader;
    assert_eq!(
        book.sheet_names(),
        [
            "README",
            "compare",
            "rates",
            "compare_paired",
            "distinctive",
            "group_compare",
            "group_rates",
            "group_compare_paired",
            "stance",
            "group_outlets",
            "group_labels",
            "group_sources"
        ]
    );
    let manifest: serde_json::Value = serde_json::from_str(&w.read("same/manifest.json")).unwrap();
    assert_eq!(manifest["documents"], 8);
    assert_eq!(manifest["options"]["compare"]["seed"], 7);

    // Another seed moves the intervals, never the rates (on a corpus with enough documents
    // per outlet for the resamples to differ).
    let mut lines = String::new();
    for i in 0..12 {
        for outlet in ["A", "B"] {
            let loaded = "a fiasco and a scandal. ".repeat(i % 4);
            let plain = "The council met. ".repeat(1 + i % 3);
            lines.push_str(&format!(
                "{{\"id\":\"{outlet}{i}\",\"outlet\":\"{outlet}\",\"text\":\"{plain}{loaded}Critics said so.\"}}\n"
            ));
        }
    }
    w.write("many.jsonl", lines);
    let lex = fixture("lexicons").display().to_string();
    w.run_ok(
        &[
            "analyze",
            "--doc-terms",
            "many.jsonl",
            "-o",
            "many",
            "--lexicons",
            &lex,
            "-q",
            "--seed",
            "1",
        ],
        0,
    );
    w.run_ok(&["compare", "many", "-o", "seed", "-q", "--seed", "2"], 0);
    let (a, b) = (w.csv("many/rates.csv"), w.csv("seed/rates.csv"));
    assert!(a.iter().zip(&b).all(|(x, y)| x["per_1k"] == y["per_1k"]));
    assert!(a.iter().zip(&b).any(|(x, y)| x["per_1k_low"] != y["per_1k_low"]));
    w.run_ok(&["compare", "many", "-o", "seed_again", "-q", "--seed", "2"], 0);
    assert_eq!(w.read("seed/rates.csv"), w.read("seed_again/rates.csv"));

    // Another prior moves the log-odds, never G².
    w.run_ok(&["compare", "out", "-o", "prior", "-q", "--prior-strength", "5"], 0);
    let (a, b) = (w.csv("out/compare.csv"), w.csv("prior/compare.csv"));
    assert!(a.iter().zip(&b).all(|(x, y)| x["g2"] == y["g2"]));
    assert!(a.iter().zip(&b).any(|(x, y)| x["log_odds"] != y["log_odds"]));

    // Grouping: three outlets become two groups, compared in the group tables; the outlet
    // tables stay as they were.
    w.run_ok(
        &[
            "compare",
            "out",
            "-o",
            "grouped",
            "-q",
            "--group",
            "The Patriot Ledger=partisan",
            "--group",
            "Voice of Aldra=partisan",
            "--group",
            "Harbor Daily=tabloid",
        ],
        0,
    );
    let outlets: std::collections::BTreeSet<String> =
        w.csv("grouped/rates.csv").iter().map(|r| r["outlet"].clone()).collect();
    assert_eq!(outlets.len(), 4, "{outlets:?}");
    let rates = w.csv("grouped/group_rates.csv");
    let mut groups: Vec<&str> =
        rates.iter().filter(|r| r["scope"] == "all").map(|r| r["group"].as_str()).collect();
    groups.dedup();
    assert_eq!(groups, ["Meridian Wire", "partisan", "tabloid"]);
    let partisan = rates.iter().find(|r| r["group"] == "partisan").unwrap();
    assert_eq!(partisan["docs"], "4");
    assert!(w.csv("grouped/group_compare.csv").iter().any(|r| r["group_a"] == "partisan"));
    // The same groups from a file, with one outlet left out: it is reported, not dropped.
    w.write(
        "groups.csv",
        "outlet,group\nThe Patriot Ledger,partisan\nVoice of Aldra,partisan\nElsewhere,x\n",
    );
    let out = w.run(&["compare", "out", "-o", "from_file", "--groups", "groups.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 outlets are not in the --groups file"), "{stderr}");
    assert!(stderr.contains("Harbor Daily, Meridian Wire"), "{stderr}");
    let rates = w.csv("from_file/group_rates.csv");
    assert_eq!(rates.iter().find(|r| r["group"] == "partisan").unwrap()["docs"], "4");
    w.write("bad_groups.csv", "outlet,group\nA,left\nB,\n");
    let out = w.run(&["compare", "out", "-o", "bad", "--groups", "bad_groups.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad_groups.csv:3") && stderr.contains("column 'group'"), "{stderr}");
    let out = w.run(&["compare", "out", "-o", "out", "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(w.path("out/documents.csv").exists(), "the analysis is kept");
    let out = w.run(&["compare", "out", "-o", "big", "--bootstrap", "1000000"]);
    assert_eq!(out.status.code(), Some(2));
    let out = w.run(&["compare", "out", "-o", "typo", "--group", "Nobody=x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no outlet 'Nobody'"));
    assert!(!w.path("typo").exists());
}

/// `--group-by` groups documents by an input column, the groups survive into the output
/// folder, `compare` regroups by any column there, and the distinctive terms stay in their
/// dimension.
#[test]
fn groups_by_a_column_survive_into_the_folder_and_distinctive_keeps_dimensions_apart() {
    let w = Workdir::new();
    let mut lines = String::new();
    for i in 0..10 {
        for (outlet, lean) in [("A", "left"), ("B", "left"), ("C", "right")] {
            let words = if lean == "left" {
                "The regime claimed the massacre was reportedly staged, officials said."
            } else {
                "The government said the attack killed dozens, according to officials."
            };
            lines.push_str(&format!(
                "{{\"id\":\"{outlet}{i}\",\"source\":\"{outlet}\",\"content\":\"On day {i}: {words} Talks went on.\",\"lean\":\"{lean}\",\"topic\":\"t{i}\",\"desk\":\"d\"}}\n"
            ));
        }
    }
    w.write("lean.jsonl", lines);
    let args = [
        "analyze",
        "--doc-terms",
        "lean.jsonl",
        "-o",
        "out",
        "--column",
        "outlet=source",
        "--column",
        "text=content",
        "--group-by",
        "lean",
        "--keep",
        "topic",
    ];
    let out = w.run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The column neither mapped nor kept is mentioned, not dropped silently.
    assert!(stderr.contains("not read") && stderr.contains("desk"), "{stderr}");
    assert!(!stderr.contains("desk, lean") && stderr.contains("2 groups"), "{stderr}");
    let docs = w.csv("out/documents.csv");
    assert_eq!((docs[0]["topic"].as_str(), docs[0]["group"].as_str()), ("t0", "left"));
    let rates = w.csv("out/group_rates.csv");
    let left = rates.iter().find(|r| r["group"] == "left" && r["scope"] == "all").unwrap();
    assert_eq!(left["docs"], "20");
    // The per-outlet tables' group counterparts sum the outlets of each group.
    let outlets = w.csv("out/outlets.csv");
    let groups = w.csv("out/group_outlets.csv");
    let sum = |rows: &[HashMap<String, String>], key: &str, names: &[&str], col: &str| -> u64 {
        let of = |r: &&HashMap<String, String>| names.contains(&&*r[key]) && r["scope"] == "all";
        rows.iter().filter(of).map(|r| r[col].parse::<u64>().unwrap()).sum()
    };
    for col in ["docs", "tokens", "loaded_count", "loaded_authorial_count", "attributions"] {
        assert_eq!(
            sum(&groups, "group", &["left"], col),
            sum(&outlets, "outlet", &["A", "B"], col)
        );
        assert_eq!(sum(&groups, "group", &["right"], col), sum(&outlets, "outlet", &["C"], col));
    }
    assert!(sum(&groups, "group", &["left"], "loaded_count") > 0);
    let left = groups.iter().find(|r| r["group"] == "left").unwrap();
    assert!(!left["tone"].is_empty() && !left["loaded_weighted_authorial_per_1k"].is_empty());
    let (labels, group_labels) = (w.csv("out/labels.csv"), w.csv("out/group_labels.csv"));
    assert!(!group_labels.is_empty());
    for g in &group_labels {
        let same = |r: &&HashMap<String, String>| {
            r["referent"] == g["referent"] && r["label"] == g["label"] && r["scope"] == g["scope"]
        };
        let members: Vec<_> = labels.iter().filter(same).cloned().collect();
        let names: &[&str] = if g["group"] == "left" { &["A", "B"] } else { &["C"] };
        assert_eq!(g["count"].parse::<u64>().unwrap(), sum(&members, "outlet", names, "count"));
    }
    let sources = w.csv("out/group_sources.csv");
    let cues = sources.iter().filter(|r| r["group"] == "left").map(|r| r["count"].parse::<u64>());
    assert_eq!(
        cues.map(Result::unwrap).sum::<u64>(),
        sum(&groups, "group", &["left"], "attributions")
    );
    assert!(w.read("out/group_sources.csv").starts_with("scope,event,group,source_resolved,"));
    // Outlet tables are per outlet.
    assert!(w.csv("out/rates.csv").iter().all(|r| ["A", "B", "C"].contains(&&*r["outlet"])));
    // compare regroups from the folder: by the stored group, or by a kept column.
    w.run_ok(&["compare", "out", "-o", "same", "-q"], 0);
    assert_eq!(w.read("out/group_rates.csv"), w.read("same/group_rates.csv"));
    // The groups' profiles (voice, tone, headline score) are summed back from documents.csv.
    assert_eq!(w.read("out/group_outlets.csv"), w.read("same/group_outlets.csv"));
    assert_eq!(w.read("out/group_sources.csv"), w.read("same/group_sources.csv"));
    assert_eq!(w.read("out/group_labels.csv"), w.read("same/group_labels.csv"));
    // An attribution row of a document the folder does not have is an error at its line.
    std::fs::create_dir_all(w.path("edited")).unwrap();
    for f in [
        "documents.csv",
        "doc_terms.csv",
        "manifest.json",
        "labels.csv",
        "terms.csv",
        "matches.csv",
    ] {
        std::fs::copy(w.path(&format!("out/{f}")), w.path(&format!("edited/{f}"))).unwrap();
    }
    let attributions = w.read("out/attributions.csv");
    let (head, rows) = attributions.split_once('\n').unwrap();
    w.write(
        "edited/attributions.csv",
        format!("{head}\nnobody{}", &rows[rows.find(',').unwrap()..]),
    );
    let out = w.run(&["compare", "edited", "-o", "bad", "-q"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("attributions.csv:2") && stderr.contains("'nobody'"), "{stderr}");
    assert_eq!(w.read("out/distinctive.csv"), w.read("same/distinctive.csv"));
    assert_eq!(w.read("out/stance.csv"), w.read("same/stance.csv"));
    // Stance shares of detected attributions, per outlet and per group, with q-values.
    let stance = w.csv("out/stance.csv");
    let left = stance
        .iter()
        .find(|r| r["partition"] == "group" && r["name"] == "left" && r["cue_class"] == "neutral")
        .unwrap();
    assert!(!left["z_q"].is_empty() && !left["share_low"].is_empty(), "{left:?}");
    assert!(stance.iter().any(|r| r["partition"] == "outlet" && r["name"] == "C"));
    w.run_ok(
        &["compare", "out", "-o", "by_topic", "-q", "--group-by", "topic", "--min-count", "0"],
        0,
    );
    assert!(w.csv("by_topic/group_rates.csv").iter().any(|r| r["group"] == "t3"));
    let by_topic = w.csv("by_topic/group_outlets.csv");
    let t3 = by_topic.iter().find(|r| r["group"] == "t3" && r["scope"] == "all").unwrap();
    assert_eq!((t3["docs"].as_str(), t3["tone"].is_empty()), ("3", false));
    let all: u64 = by_topic
        .iter()
        .filter(|r| r["scope"] == "all")
        .map(|r| r["loaded_authorial_count"].parse::<u64>().unwrap())
        .sum();
    assert_eq!(all, sum(&outlets, "outlet", &["A", "B", "C"], "loaded_authorial_count"));
    let out = w.run(&["compare", "out", "-o", "nope", "--group-by", "colour"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no column 'colour'"));

    let distinctive = w.csv("out/distinctive.csv");
    let block = |name: &str, dim: &str| -> Vec<String> {
        distinctive
            .iter()
            .filter(|r| r["partition"] == "group" && r["name"] == name && r["dimension"] == dim)
            .map(|r| r["term"].clone())
            .collect()
    };
    let loaded = block("left", "loaded");
    assert!(loaded.iter().any(|t| t.contains("massacre")), "{loaded:?}");
    let category =
        |r: &HashMap<String, String>| r["category"].split('/').next().unwrap().to_string();
    for r in &distinctive {
        let top = category(r);
        let expected = match r["dimension"].as_str() {
            "loaded" => "loaded",
            "labels" => "label",
            "reporting_verbs" => "attribution",
            "hedges" => "hedge",
            d => panic!("dimension {d}"),
        };
        assert_eq!(top, expected, "{r:?}");
        assert!(r["z"].parse::<f64>().unwrap() >= 0.0, "{r:?}");
    }
    assert!(
        !block("right", "reporting_verbs").is_empty()
            || !block("left", "reporting_verbs").is_empty()
    );
    // Ranks count 1, 2, … within each block.
    let ranks: Vec<&str> = distinctive
        .iter()
        .filter(|r| r["partition"] == "group" && r["name"] == "left" && r["dimension"] == "loaded")
        .map(|r| r["rank"].as_str())
        .collect();
    assert_eq!(ranks.first(), Some(&"1"));

    // A --group-by column no document has is said, not a silent single group.
    let swap = |a: &&'static str| match *a {
        "out" => "nolean",
        "lean" => "bias",
        a => a,
    };
    let no_column: Vec<&str> = args.iter().map(swap).collect();
    let out = w.run(&no_column);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: --group-by bias: no document has a value"), "{stderr}");
    // A folder input has no columns.
    std::fs::create_dir_all(w.path("folder/A")).unwrap();
    w.write("folder/A/x.txt", "Some text.");
    let out = w.run(&["analyze", "--doc-terms", "folder", "-o", "f", "--group-by", "lean"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has none"));
    // A missing column of a CSV input is named with the columns found.
    w.write("in.csv", "outlet,text\nA,Hello there.\n");
    let out = w.run(&["analyze", "--doc-terms", "in.csv", "-o", "c", "--keep", "lean"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no 'lean' column") && stderr.contains("outlet, text"), "{stderr}");
}

#[test]
fn compare_reads_doc_terms_in_any_row_order_and_leaves_no_spill_file() {
    let w = Workdir::new();
    w.run_ok(&["analyze", "--doc-terms", &velmora(), "-o", "out", "-q", "--bootstrap", "50"], 0);
    w.run_ok(&["compare", "out", "-o", "in_order", "-q", "--bootstrap", "50"], 0);
    let names: Vec<String> = std::fs::read_dir(w.path("in_order"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    for f in ["compare.csv", "rates.csv", "compare_paired.csv", "distinctive.csv", "stance.csv"] {
        assert_eq!(w.read(&format!("out/{f}")), w.read(&format!("in_order/{f}")), "{f}");
    }
    // A doc_terms.csv whose rows were reordered (as after sorting it in a spreadsheet) is
    // read the slow way, to the same tables.
    let text = w.read("out/doc_terms.csv");
    let mut lines: Vec<&str> = text.lines().collect();
    let header = lines.remove(0);
    assert!(lines.len() > 10);
    lines.reverse();
    w.write("out/doc_terms.csv", format!("{header}\n{}\n", lines.join("\n")));
    w.run_ok(&["compare", "out", "-o", "reversed", "-q", "--bootstrap", "50"], 0);
    for f in ["compare.csv", "rates.csv", "compare_paired.csv", "distinctive.csv", "stance.csv"] {
        assert_eq!(w.read(&format!("in_order/{f}")), w.read(&format!("reversed/{f}")), "{f}");
    }
}

#[test]
fn small_corpus_with_zero_counts_gives_finite_values() {
    let w = Workdir::new();
    w.write(
        "tiny.jsonl",
        concat!(
            r#"{"id":"a1","outlet":"A","text":"The fiasco was a scandal, critics said."}"#,
            "\n",
            r#"{"id":"b1","outlet":"B","text":"The council said the plan was approved."}"#,
            "\n"
        ),
    );
    let lex = fixture("lexicons").display().to_string();
    w.run_ok(
        &[
            "analyze",
            "--doc-terms",
            "tiny.jsonl",
            "-o",
            "out",
            "--lexicons",
            &lex,
            "-q",
            "--min-count",
            "0",
        ],
        0,
    );
    let rows = w.csv("out/compare.csv");
    let fiasco: Vec<&HashMap<String, String>> =
        rows.iter().filter(|r| r["term"] == "fiasco" && r["comparison"] == "pair").collect();
    assert_eq!(fiasco.len(), 1);
    let r = fiasco[0];
    assert_eq!((r["count_a"].as_str(), r["count_b"].as_str()), ("1", "0"));
    for col in ["prior", "log_odds", "se", "z", "z_p", "z_q", "g2", "g2_p", "g2_q"] {
        let v: f64 = r[col].parse().unwrap_or_else(|_| panic!("{col} = {:?}", r[col]));
        assert!(v.is_finite(), "{col}");
    }
    assert!(r["log_odds"].parse::<f64>().unwrap() > 0.0);
    // One document per outlet: the interval collapses onto the rate.
    let rates = w.csv("out/rates.csv");
    let a = rates.iter().find(|r| r["outlet"] == "A" && r["term"] == "fiasco").unwrap();
    assert_eq!(
        (a["per_1k_low"].as_str(), a["per_1k_high"].as_str()),
        (a["per_1k"].as_str(), a["per_1k"].as_str())
    );
    // No events: the paired table has its header only.
    assert!(w.csv("out/compare_paired.csv").is_empty());
    assert!(w.read("out/compare_paired.csv").starts_with("outlet_a,outlet_b,"));
    let ok = reference(&w.path("out"));
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stdout));
}

#[test]
fn min_count_filters_rows_without_changing_a_statistic() {
    let w = Workdir::new();
    let base = ["analyze", "--doc-terms", &velmora(), "-q", "--bootstrap", "100"];
    w.run_ok(&[&base[..], &["-o", "all", "--min-count", "0"]].concat(), 0);
    w.run_ok(&[&base[..], &["-o", "some"]].concat(), 0);
    w.run_ok(&[&base[..], &["-o", "none", "--min-count", "1000000"]].concat(), 0);
    for (table, key) in [("compare.csv", 9), ("rates.csv", 7), ("compare_paired.csv", 6)] {
        let all = w.read(&format!("all/{table}"));
        let some = w.read(&format!("some/{table}"));
        let all_rows: HashMap<Vec<&str>, &str> =
            all.lines().map(|l| (l.split(',').take(key).collect(), l)).collect();
        let some_rows: Vec<&str> = some.lines().collect();
        assert!(some_rows.len() < all.lines().count(), "{table}: the default filters rows");
        for line in &some_rows {
            let k: Vec<&str> = line.split(',').take(key).collect();
            assert_eq!(all_rows.get(&k), Some(line), "{table}: a written row is unchanged");
        }
        // Nothing reaches a million: the header alone.
        assert_eq!(w.read(&format!("none/{table}")).lines().count(), 1, "{table}");
    }
    // The reference applies the filter on its own and agrees.
    for out in ["some", "none"] {
        let ok = reference(&w.path(out));
        assert!(ok.status.success(), "{out}: {}", String::from_utf8_lossy(&ok.stdout));
    }
}

/// README "Worked example on the sample corpus" quotes this row: the test keeps it true.
#[test]
fn the_worked_example_of_the_readme_holds() {
    let w = Workdir::new();
    w.run_ok(&["analyze", "--doc-terms", &velmora(), "-o", "out", "-q"], 0);
    let rows = w.csv("out/compare.csv");
    let r = rows
        .iter()
        .find(|r| {
            r["scope"] == "all"
                && r["comparison"] == "rest"
                && r["outlet_a"] == "Harbor Daily"
                && r["kind"] == "category"
                && r["category"] == "loaded/emotion"
        })
        .expect("the README's row");
    let cells: Vec<&str> =
        ["count_a", "tokens_a", "count_b", "tokens_b"].iter().map(|c| r[*c].as_str()).collect();
    assert_eq!(cells, ["16", "651", "0", "2437"]);
    let num = |c: &str| r[c].parse::<f64>().unwrap();
    assert!((num("prior") - 5.1813).abs() < 5e-5);
    assert!((num("log_odds") - 2.1527).abs() < 5e-5);
    assert!((num("se") - 0.4901).abs() < 5e-5);
    assert!((num("g2") - 50.13).abs() < 5e-3);
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    assert!(readme.contains("| `log_odds` | 2.1527 |"), "README and test agree");
}

/// Benjamini-Hochberg q-values (R's `p.adjust(method = "BH")`), written out here so the test
/// does not share the crate's code.
fn bh_reference(p: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let m = p.len() as f64;
    let mut q = vec![0.0; p.len()];
    let mut running = 1.0f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        running = running.min(p[i] * m / (rank + 1) as f64);
        q[i] = running.min(1.0);
    }
    q
}

/// (δ, z, two-sided p).
type Stat = (f64, f64, f64);

/// A row's [`Stat`] as `distinctive.csv` defines it, from `compare.csv` alone:
/// loaded language and hedges take the term's row; a label is a share of its referent's labels
/// (the category row), a reporting verb a share of all attribution cues, with the full
/// variance of the log-odds of shares.
fn distinctive_stat(
    term: &HashMap<String, String>,
    whole: Option<&HashMap<String, String>>,
) -> Option<Stat> {
    let num = |r: &HashMap<String, String>, c: &str| r[c].parse::<f64>().ok();
    let Some(whole) = whole else {
        let z = num(term, "z")?;
        return Some((num(term, "log_odds")?, z, num(term, "z_p")?));
    };
    let (alpha, alpha0) = (num(term, "prior")?, num(whole, "prior")?);
    let side = |s: &str| -> Option<(f64, f64)> {
        let (y, n) = (num(term, &format!("count_{s}"))?, num(whole, &format!("count_{s}"))?);
        let (hit, miss) = (y + alpha, n + alpha0 - y - alpha);
        (miss > 0.0).then_some((hit.ln() - miss.ln(), 1.0 / hit + 1.0 / miss))
    };
    let ((la, va), (lb, vb)) = (side("a")?, side("b")?);
    let z = (la - lb) / (va + vb).sqrt();
    Some((la - lb, z, libm::erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0)))
}

#[test]
fn distinctive_statistics_and_q_values_are_taken_within_each_dimension() {
    let w = Workdir::new();
    w.run_ok(&["analyze", "--doc-terms", &velmora(), "-o", "out", "-q"], 0);
    let compare = w.csv("out/compare.csv");
    let top = |c: &str| c.split('/').next().unwrap().to_string();
    let dims = [
        ("loaded", "loaded"),
        ("labels", "label"),
        ("reporting_verbs", "attribution"),
        ("hedges", "hedge"),
    ];
    let distinctive = w.csv("out/distinctive.csv");
    let rest = |r: &&HashMap<String, String>, name: &str| {
        r["scope"] == "all" && r["comparison"] == "rest" && r["outlet_a"] == name
    };
    let mut checked = (0, 0);
    let mut differs = false;
    for d in distinctive.iter().filter(|r| r["partition"] == "outlet") {
        let &(dim, cat) = dims.iter().find(|x| x.0 == d["dimension"]).unwrap();
        let whole_of = |term: &HashMap<String, String>| -> Option<&HashMap<String, String>> {
            let whole = match dim {
                "labels" => term["category"].clone(),
                "reporting_verbs" => "attribution".to_string(),
                _ => return None,
            };
            compare
                .iter()
                .find(|r| rest(r, &d["name"]) && r["kind"] == "category" && r["category"] == whole)
        };
        let family: Vec<(&HashMap<String, String>, Stat)> = compare
            .iter()
            .filter(|r| rest(r, &d["name"]) && r["kind"] == "term" && top(&r["category"]) == cat)
            .filter_map(|r| {
                let whole = whole_of(r);
                if dim == "labels" || dim == "reporting_verbs" {
                    whole?;
                }
                Some((r, distinctive_stat(r, whole)?))
            })
            .collect();
        let q = bh_reference(&family.iter().map(|f| f.1.2).collect::<Vec<_>>());
        let i = family
            .iter()
            .position(|f| f.0["term"] == d["term"] && f.0["category"] == d["category"])
            .expect("the row is in compare.csv");
        let close = |c: &str, want: f64| {
            let got: f64 = d[c].parse().unwrap();
            assert!((got - want).abs() <= 1e-6 + 1e-6 * want.abs(), "{c} of {d:?}: {want}");
        };
        close("log_odds", family[i].1.0);
        close("z", family[i].1.1);
        close("z_q", q[i]);
        differs |= family[i].0["z_q"] != d["z_q"];
        if whole_of(family[i].0).is_some() {
            assert!(!d["share"].is_empty() && !d["share_rest"].is_empty(), "{d:?}");
            checked.1 += 1;
        } else {
            assert!(d["share"].is_empty(), "{d:?}");
            checked.0 += 1;
        }
    }
    assert!(checked.0 > 0 && checked.1 > 0, "rows checked (per token, shares): {checked:?}");
    assert!(differs, "every per-dimension q equals the comparison-wide q");
}
