//! `framelens compare` writes the groups' counterparts of the per-outlet tables byte-identical
//! to what `analyze` writes with the same groups: `group_labels.csv` counted from the label
//! hits of `matches.csv`, for groups of outlets (`--groups`) and of documents (`--group-by` a
//! column whose values differ within one outlet), on the sample and, when the shared data
//! is there, on the Article Bias Prediction articles.

use crate::util::{Workdir, repo};
use std::path::PathBuf;

const GROUP_TABLES: [&str; 3] = ["group_outlets.csv", "group_labels.csv", "group_sources.csv"];

/// Analyses `input` into `plain` (ungrouped, with `keep` too) and, once per grouping, into a
/// folder grouped at analysis time; regroups `plain` with `compare` and asserts the group
/// tables are the same bytes. `flags` are the analyze flags of every run.
fn regrouped_as_analyzed(
    w: &Workdir,
    input: &str,
    (flags, keep): (&[&str], &[&str]),
    groupings: &[(&str, &[&str])],
) {
    w.analyze_ok(input, "plain", &[flags, keep, &["--doc-terms"]].concat());
    let by_event: &[&str] = if flags.contains(&"--by-event") { &["--by-event"] } else { &[] };
    for &(name, grouping) in groupings {
        w.analyze_ok(input, name, &[flags, grouping].concat());
        let compared = format!("{name}-compared");
        w.run_ok(&[&["compare", "plain", "-o", &compared, "-q"], by_event, grouping].concat(), 0);
        for f in GROUP_TABLES {
            let (analyzed, compared) = (format!("{name}/{f}"), format!("{compared}/{f}"));
            assert!(w.read(&analyzed) == w.read(&compared), "{analyzed} and {compared} differ");
        }
    }
}

#[test]
fn compare_counts_group_labels_by_voice_as_analyze_does() {
    let w = Workdir::new();
    let sample = repo("examples/velmora.jsonl").display().to_string();
    w.write(
        "groups.csv",
        "outlet,group\nMeridian Wire,wire\nHarbor Daily,wire\nVoice of Aldra,partisan\n\
         The Patriot Ledger,partisan\n",
    );
    // Harbor Daily's articles are dated a day after the others': the date groups cut across
    // outlets, so an outlet's labels are split between two groups.
    let by_date: &[&str] = &["--group-by", "date"];
    let groupings = [("outlets", &["--groups", "groups.csv"][..]), ("dates", by_date)];
    regrouped_as_analyzed(&w, &sample, (&["--by-event", "--report", "none"], &[]), &groupings);
    let rows = w.csv("dates/group_labels.csv");
    let at = |scope: &str, group: &str, label: &str| {
        let r =
            rows.iter().find(|r| r["scope"] == scope && r["group"] == group && r["label"] == label);
        r.unwrap_or_else(|| panic!("no {scope} row of {group}, {label}"))
    };
    let terrorist = at("all", "2025-03-11", "terrorist");
    assert_eq!((&*terrorist["authorial_count"], &*terrorist["quoted_count"]), ("2", "1"));
    assert!(rows.iter().any(|r| r["scope"] == "event" && r["group"] == "2025-03-19"));
    // A label no hit of the group names is listed with its referent, at 0.
    assert_eq!(at("all", "2025-03-11", "guerrilla")["count"], "0");

    // The rows of --hit-details (the lemma named, one column per flag) and --all-hits (the
    // hits that do not count, marked) give the same table.
    let details = ["--hit-details", "--all-hits", "--tone-hits", "--context", "5"];
    w.analyze_ok(&sample, "details", &[&["--doc-terms"][..], &details].concat());
    w.run_ok(&["compare", "details", "-o", "details-dates", "-q", "--group-by", "date"], 0);
    let without_events = |f: &str| -> String {
        w.read(f).lines().filter(|l| !l.starts_with("event,")).map(|l| format!("{l}\n")).collect()
    };
    assert_eq!(w.read("details-dates/group_labels.csv"), without_events("dates/group_labels.csv"));

    // Without groups the table is its header; without matches.csv, an error says what is
    // missing; a hit of a document the folder lacks is an error at its line.
    w.run_ok(&["compare", "plain", "-o", "ungrouped", "-q"], 0);
    assert_eq!(w.read("ungrouped/group_labels.csv").lines().count(), 1);
    let matches = w.read("plain/matches.csv");
    std::fs::remove_file(w.path("plain/matches.csv")).unwrap();
    let out = w.run(&["compare", "plain", "-o", "nomatches", "--groups", "groups.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("matches.csv: missing") && stderr.contains("analyze again"),
        "{stderr}"
    );
    let (head, rows) = matches.split_once('\n').unwrap();
    let label_row = rows.lines().position(|l| l.contains(",label/")).unwrap();
    let mut edited: Vec<String> = rows.lines().map(String::from).collect();
    edited[label_row] =
        format!("nobody{}", &edited[label_row][edited[label_row].find(',').unwrap()..]);
    w.write("plain/matches.csv", format!("{head}\n{}\n", edited.join("\n")));
    let out = w.run(&["compare", "plain", "-o", "unknown", "--groups", "groups.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = format!("matches.csv:{}", label_row + 2);
    assert!(stderr.contains(&line) && stderr.contains("'nobody'"), "{stderr}");
}

/// `terms.csv` names each label entry's label; two lexicons giving one entry two labels
/// cannot be told apart in the default `matches.csv`, and the error says which flag can.
#[test]
fn an_entry_with_two_labels_asks_for_hit_details() {
    let w = Workdir::new();
    let sample = repo("examples/velmora.jsonl").display().to_string();
    w.analyze_ok(&sample, "out", &["--doc-terms", "--report", "none"]);
    let terms = w.read("out/terms.csv");
    let row = terms.lines().find(|l| l.contains(",label/") && l.contains(",terrorist,")).unwrap();
    let other = row.replacen(",terrorist,terrorist,", ",terrorist,militant,", 1);
    assert_ne!(row, other, "{row}");
    w.write("out/terms.csv", format!("{terms}{other}\n"));
    let out = w.run(&["compare", "out", "-o", "bad", "--group", "Harbor Daily=x"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("two labels") && stderr.contains("--hit-details"), "{stderr}");
}

/// The shared data folder: `FRAMELENS_DATA`, else `../shared/data` beside the repository;
/// `None` (with a message) when it is absent.
fn shared_data(rel: &str) -> Option<PathBuf> {
    let data = std::env::var_os("FRAMELENS_DATA")
        .map_or_else(|| repo("../shared/data"), PathBuf::from)
        .join(rel);
    if !data.exists() {
        eprintln!("skipped: {} not found (set FRAMELENS_DATA)", data.display());
        return None;
    }
    Some(data)
}

/// On ABP (AllSides coverage): groups of outlets by their lean, and groups of documents by
/// topic (an outlet covers several), with event rows.
#[test]
fn compare_regroups_abp_as_analyze_does() {
    let Some(abp) = shared_data("article_bias_prediction/articles_event_groups.jsonl") else {
        return;
    };
    let w = Workdir::new();
    let mut lean = std::collections::BTreeMap::new();
    for line in std::fs::read_to_string(&abp).unwrap().lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        lean.insert(r["source"].as_str().unwrap().to_string(), r["bias"].to_string());
    }
    let rows: String = lean.iter().map(|(o, b)| format!("\"{o}\",{b}\n")).collect();
    w.write("lean.csv", format!("outlet,group\n{rows}"));
    let abp = abp.display().to_string();
    // The articles name no event: their outlet's lean stands in, so the event rows are few.
    let columns = ["--column", "outlet=source", "--column", "text=content_original"];
    let events = ["--column", "id=ID", "--column", "event=bias_text", "--by-event"];
    let flags = [&columns[..], &events, &["--report", "none"]].concat();
    let groupings = [("lean", &["--groups", "lean.csv"][..]), ("topic", &["--group-by", "topic"])];
    // compare --group-by reads the column from documents.csv: analyze keeps it there.
    regrouped_as_analyzed(&w, &abp, (&flags, &["--keep", "topic"]), &groupings);
    let topics = w.csv("topic/group_labels.csv");
    assert!(topics.iter().filter(|r| r["quoted_count"] != "0").count() > 100);
}
