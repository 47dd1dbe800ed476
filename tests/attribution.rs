//! Attribution end to end: the team's test article (every construction of the issue) with
//! the bundled lexicons, offsets that round-trip as code points, `sources.csv` as a pivot
//! source, the attribution columns of `documents.csv` and `outlets.csv`, and a lexicon set
//! without an attribution file.

use crate::util::{Workdir, fixture};
use std::collections::{BTreeMap, HashMap};

/// Runs the bundled lexicons on the test article, as outlet `Outlet`, with the cue and source
/// as written in `attributions.csv` (`--hit-details`).
fn article() -> (Workdir, String) {
    let w = Workdir::new();
    let text = std::fs::read_to_string(fixture("attribution_article.txt")).unwrap();
    w.write("corpus/Outlet/article.txt", &text);
    w.run_ok(&["analyze", "corpus", "-o", "out", "-q", "--hit-details"], 0);
    (w, text)
}

fn slice(chars: &[char], start: &str, end: &str) -> String {
    let (s, e): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
    chars[s..e].iter().collect()
}

#[test]
fn every_attribution_of_the_test_article_is_found_with_its_source_and_class() {
    let (w, text) = article();
    let got = w.csv("out/attributions.csv");
    let expected = std::fs::read_to_string(fixture("attribution_article.expected.tsv")).unwrap();
    let rows: Vec<Vec<&str>> = expected.lines().skip(1).map(|l| l.split('\t').collect()).collect();
    let show = |r: &HashMap<String, String>| {
        format!("{} | {} | {} | {}", r["cue"], r["cue_class"], r["source"], r["source_resolved"])
    };
    let listing: Vec<String> = got.iter().map(show).collect();
    assert_eq!(got.len(), rows.len(), "found:\n{}", listing.join("\n"));
    let chars: Vec<char> = text.chars().collect();
    for (g, e) in got.iter().zip(&rows) {
        let want = format!("{} | {} | {} | {}", e[0], e[1], e[2], e[3]);
        assert_eq!(show(g), want);
        assert_eq!(g["direct"], if e[4] == "yes" { "1" } else { "0" }, "direct: {want}");
        assert_eq!(slice(&chars, &g["cue_start"], &g["cue_end"]), g["cue"]);
        // An agentless cue (`is expected to`) has no source.
        if !g["source"].is_empty() {
            assert_eq!(slice(&chars, &g["source_start"], &g["source_end"]), g["source"]);
        }
        assert_eq!(g["section"], "body");
        assert!(!g["quote_type"].is_empty() && !g["cue_lemma"].is_empty(), "{g:?}");
    }
    // The quote types of the common orders.
    let types: Vec<&str> = got.iter().map(|g| g["quote_type"].as_str()).collect();
    assert_eq!(&types[2..5], &["CSV", "QCQSV", "QCQSV"]);
    assert_eq!(types[19], "SVQCQ");
}

#[test]
fn sources_csv_is_a_clean_pivot_source() {
    let (w, _) = article();
    let sources = w.csv("out/sources.csv");
    let header = w.read("out/sources.csv").lines().next().unwrap().to_string();
    assert_eq!(
        header,
        "scope,event,outlet,source_resolved,cue_class,count,docs,source_share,outlet_share"
    );
    let mut keys = std::collections::HashSet::new();
    let mut per_source: BTreeMap<String, u64> = BTreeMap::new();
    let mut total = 0;
    for r in &sources {
        assert!(keys.insert((
            r["scope"].clone(),
            r["outlet"].clone(),
            r["source_resolved"].clone(),
            r["cue_class"].clone()
        )));
        let n: u64 = r["count"].parse().unwrap();
        total += n;
        *per_source.entry(r["source_resolved"].clone()).or_default() += n;
    }
    assert_eq!(total, 20);
    assert_eq!(per_source["Maren Holt"], 5);
    assert_eq!(per_source["Capitol Ledger"], 5);
    let holt_doubting = sources
        .iter()
        .find(|r| r["source_resolved"] == "Maren Holt" && r["cue_class"] == "doubting")
        .unwrap();
    assert_eq!(
        (
            holt_doubting["count"].as_str(),
            holt_doubting["docs"].as_str(),
            holt_doubting["source_share"].as_str()
        ),
        ("1", "1", "0.200000")
    );
    // Sorted by source, then class.
    let order: Vec<(String, String)> =
        sources.iter().map(|r| (r["source_resolved"].clone(), r["cue_class"].clone())).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}

#[test]
fn documents_and_outlets_carry_rates_and_class_shares() {
    let (w, _) = article();
    let docs = w.csv("out/documents.csv");
    let outlets = w.csv("out/outlets.csv");
    for row in [&docs[0], &outlets[0]] {
        assert_eq!(row["attributions"], "20");
        let tokens: f64 = row["tokens"].parse().unwrap();
        let rate: f64 = row["attributions_per_1k"].parse().unwrap();
        assert!((rate - 20.0 * 1000.0 / tokens).abs() < 1e-4);
        assert_eq!(row["neutral_share"], format!("{:.6}", 10.0 / 20.0));
        assert_eq!(row["doubting_share"], format!("{:.6}", 3.0 / 20.0));
        assert_eq!(row["confrontational_share"], format!("{:.6}", 1.0 / 20.0));
        let shares: f64 =
            ["neutral", "endorsing", "doubting", "guilt", "insistent", "confrontational"]
                .iter()
                .map(|c| row[&format!("{c}_share")].parse::<f64>().unwrap())
                .sum();
        assert!((shares - 1.0).abs() < 1e-5);
    }
    let header = w.read("out/documents.csv").lines().next().unwrap().to_string();
    assert!(header.ends_with(
        "attributions,attributions_per_1k,neutral_share,endorsing_share,doubting_share,guilt_share,insistent_share,confrontational_share"
    ));
}

#[test]
fn user_lexicons_with_and_without_an_attribution_file() {
    let w = Workdir::new();
    w.write(
        "in.csv",
        "id,outlet,text\n1,A,\"Mora said the port was safe. Ortiz claimed it was not.\"\n",
    );
    let lex = fixture("lexicons").display().to_string();
    w.run_ok(&["analyze", "in.csv", "-o", "with", "--lexicons", &lex, "-q", "--hit-details"], 0);
    let got = w.csv("with/attributions.csv");
    let pairs: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|r| (r["cue"].as_str(), r["cue_class"].as_str(), r["source_resolved"].as_str()))
        .collect();
    assert_eq!(pairs, vec![("said", "neutral", "Mora"), ("claimed", "doubting", "Ortiz")]);
    w.write("lex/loaded.csv", "pattern,category\nsafe,loaded\n");
    w.run_ok(&["analyze", "in.csv", "-o", "without", "--lexicons", "lex", "-q"], 0);
    assert!(w.csv("without/attributions.csv").is_empty());
    assert!(w.csv("without/sources.csv").is_empty());
    let doc = &w.csv("without/documents.csv")[0];
    assert_eq!((doc["attributions"].as_str(), doc["neutral_share"].as_str()), ("0", ""));
}
