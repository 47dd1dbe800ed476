//! Framing devices end to end on `tests/data/devices`: flags on every `matches.csv` row,
//! counts by voice, `scare_quotes.csv`, `labels.csv` and `tone.csv`.

use crate::util::{Workdir, fixture};
use std::collections::HashMap;

type Row = HashMap<String, String>;

fn run() -> Workdir {
    let w = Workdir::new();
    let input = fixture("devices/corpus.jsonl").display().to_string();
    let lex = fixture("devices/lexicons").display().to_string();
    // Every hit, with one 0/1 column per flag (the default packs them and keeps counted hits),
    // and the sentence of each short quotation (`--context`).
    let all = ["--hit-details", "--all-hits", "--tone-hits", "--context", "40"];
    w.run_ok(&[&["analyze", &input, "-o", "out", "--lexicons", &lex, "-q"][..], &all].concat(), 0);
    w
}

/// The flags of the `matches.csv` row of `doc` whose text is `text` (the `nth` such row).
fn flags(rows: &[Row], doc: &str, text: &str, nth: usize) -> String {
    let row = rows
        .iter()
        .filter(|r| r["doc_id"] == doc && r["text"] == text)
        .nth(nth)
        .unwrap_or_else(|| panic!("no match {text} in {doc}"));
    ["in_quote", "negated", "intensified", "dampened", "hedged", "scare_quote"]
        .map(|c| row[c].as_str())
        .concat()
}

#[test]
fn every_match_carries_device_flags() {
    let w = run();
    let m = w.csv("out/matches.csv");
    for r in &m {
        for c in ["in_quote", "negated", "intensified", "dampened", "hedged", "scare_quote"] {
            assert!(r[c] == "0" || r[c] == "1", "{c} in {r:?}");
        }
    }
    //                                       quote neg int damp hedge scare
    assert_eq!(flags(&m, "a1", "regime", 0), "000000");
    assert_eq!(flags(&m, "a1", "justified", 0), "010000");
    assert_eq!(flags(&m, "a1", "regime", 1), "100000");
    assert_eq!(flags(&m, "a1", "rescue", 0), "100000", "attributed short quotation");
    assert_eq!(flags(&m, "a2", "captives", 1), "000011", "scare quote: authorial voice");
    assert_eq!(flags(&m, "a2", "militants", 0), "000010");
    assert_eq!(flags(&m, "b1", "brutal", 0), "001000");
    // A quotation over two paragraphs, the first left open; "militants’" is an apostrophe.
    assert_eq!(flags(&m, "b2", "militants", 0), "100000");
    assert_eq!(flags(&m, "b2", "heroic", 0), "110000");
    assert_eq!(flags(&m, "b2", "rescue", 0), "000001");
    assert_eq!(flags(&m, "b2", "brutal", 1), "000100");
    assert_eq!(flags(&m, "b2", "Brutal", 0), "100000", "title of a work");
}

#[test]
fn counts_and_rates_are_split_by_voice() {
    let w = run();
    let docs = w.csv("out/documents.csv");
    let a1 = docs.iter().find(|d| d["doc_id"] == "a1").unwrap();
    assert_eq!((a1["authorial_tokens"].as_str(), a1["quoted_tokens"].as_str()), ("20", "10"));
    assert_eq!(a1["loaded_count"], "5");
    assert_eq!(a1["loaded_authorial_count"], "2");
    assert_eq!(a1["loaded_authorial_per_1k"], "100.0000");
    assert_eq!(a1["loaded_quoted_count"], "3");
    assert_eq!(a1["loaded_quoted_per_1k"], "300.0000");
    let a2 = docs.iter().find(|d| d["doc_id"] == "a2").unwrap();
    assert_eq!(a2["quoted_tokens"], "0");
    assert_eq!(a2["loaded_quoted_per_1k"], "", "no quoted tokens: undefined rate");
    assert_eq!(a2["scare_quote_count"], "1");
    let outlets = w.csv("out/outlets.csv");
    let a = outlets.iter().find(|r| r["scope"] == "all" && r["outlet"] == "Outlet A").unwrap();
    assert_eq!((a["authorial_tokens"].as_str(), a["quoted_tokens"].as_str()), ("29", "10"));
    assert_eq!(a["label_authorial_count"], "3");
    assert_eq!(a["label_quoted_count"], "1");
    assert_eq!(a["scare_quote_count"], "1");
    for r in &outlets {
        let n = |c: &str| r[c].parse::<u64>().unwrap();
        assert_eq!(n("loaded_count"), n("loaded_authorial_count") + n("loaded_quoted_count"));
        assert_eq!(n("tokens"), n("authorial_tokens") + n("quoted_tokens"));
    }
}

#[test]
fn short_quotations_are_told_apart() {
    let w = run();
    let q = w.csv("out/scare_quotes.csv");
    let got: Vec<_> = q
        .iter()
        .map(|r| format!("{} {} {} {}", r["doc_id"], r["kind"], r["quoted"], r["cue"]))
        .collect();
    assert_eq!(
        got,
        vec![
            "a1 attributed a rescue called",
            "a2 scare captives ",
            "b2 scare rescue ",
            "b2 title Brutal Years book"
        ]
    );
    let r = &q[1];
    assert_eq!(r["sentence_text"], "The “captives” were militants, reportedly.");
    assert_eq!((r["start"].as_str(), r["end"].as_str()), ("30", "38"));
    let chars: Vec<char> =
        "The captives were freed. The “captives” were militants, reportedly.".chars().collect();
    assert_eq!(chars[30..38].iter().collect::<String>(), "captives");
}

#[test]
fn label_shares_within_each_referent_by_voice() {
    let w = run();
    let labels = w.csv("out/labels.csv");
    let row = |outlet: &str, label: &str| {
        labels
            .iter()
            .find(|r| r["scope"] == "all" && r["outlet"] == outlet && r["label"] == label)
            .unwrap_or_else(|| panic!("{outlet} {label}"))
    };
    let cells = |r: &Row| {
        ["referent", "count", "share", "authorial_share", "quoted_count", "quoted_share"]
            .map(|c| r[c].clone())
            .join(" ")
    };
    assert_eq!(cells(row("Outlet A", "captives")), "people-held 2 0.666667 1.000000 0 0.000000");
    assert_eq!(cells(row("Outlet A", "hostages")), "people-held 1 0.333333 0.000000 1 1.000000");
    assert_eq!(cells(row("Outlet B", "hostages")), "people-held 3 1.000000 1.000000 0 ");
    assert_eq!(cells(row("Outlet B", "militants")), "fighters 1 0.500000  1 0.500000");
}

#[test]
fn tone_is_the_mean_sentence_score() {
    let w = run();
    let tone = w.csv("out/tone.csv");
    let score = |id: &str| tone.iter().find(|r| r["doc_id"] == id).unwrap()["score"].clone();
    // b1: "... a very brutal raid." = −3 − 0.293 × 1.5 → −0.664024; "Hostages ..." (labels
    // carry no tone) → 0; mean −0.332012.
    assert_eq!(score("b1"), "-0.332012");
    // a1: regime −1.5 → −0.361158; not justified −0.74 → −0.187672; regime + brutal −4.5
    // → −0.757937; rescue +1 → 0.25; mean −0.264192.
    assert_eq!(score("a1"), "-0.264192");
    assert_eq!(score("a2"), "0.000000");
    let docs = w.csv("out/documents.csv");
    for d in &docs {
        assert_eq!(d["tone"], score(&d["doc_id"]));
    }
    let outlets = w.csv("out/outlets.csv");
    let b = outlets.iter().find(|r| r["scope"] == "all" && r["outlet"] == "Outlet B").unwrap();
    // Outlet B: the mean over its 6 sentences.
    let want = (-0.332012 * 2.0 + -0.570002 * 4.0) / 6.0;
    assert!((b["tone"].parse::<f64>().unwrap() - want).abs() < 2e-6, "{}", b["tone"]);
}

#[test]
fn sample_corpus_scare_quotes_match_its_answer_key() {
    // examples/README.md lists the scare quotes (no speaker) of every article.
    let w = Workdir::new();
    let input = crate::util::repo("examples/velmora.jsonl").display().to_string();
    w.run_ok(&["analyze", &input, "-o", "out", "-q"], 0);
    let found: Vec<(String, String)> = w
        .csv("out/scare_quotes.csv")
        .into_iter()
        .filter(|r| r["kind"] == "scare")
        .map(|r| {
            let words = r["quoted"].trim_end_matches([',', '.', '?', '!']).to_string();
            (r["doc_id"].clone(), words)
        })
        .collect();
    let key = [
        ("the-patriot-ledger/velmora-ship-seizure", "resistance"),
        ("the-patriot-ledger/velmora-ship-seizure", "inspection"),
        ("the-patriot-ledger/velmora-ship-seizure", "liberation"),
        ("voice-of-aldra/velmora-ship-seizure", "security operations"),
        ("harbor-daily/velmora-ship-seizure", "inspection"),
        ("the-patriot-ledger/velmora-talks", "delegation"),
        ("the-patriot-ledger/velmora-talks", "welfare video"),
        ("the-patriot-ledger/velmora-talks", "resistance"),
        ("the-patriot-ledger/velmora-talks", "fair wages"),
        ("voice-of-aldra/velmora-talks", "maritime security zone"),
        ("harbor-daily/velmora-talks", "welfare video"),
    ];
    for (doc, words) in key {
        assert!(
            found.iter().any(|(d, q)| d == doc && q == words),
            "missed scare quote “{words}” in {doc}; found {found:?}"
        );
    }
    // Precision: at most one scare quote the key does not list.
    let extra: Vec<_> =
        found.iter().filter(|(d, q)| !key.iter().any(|(kd, kq)| kd == d && kq == q)).collect();
    assert!(extra.len() <= 1, "{extra:?}");
    // Attributed short quotations of the key are not scare quotes.
    assert!(!found.iter().any(|(_, q)| q == "technical contacts" || q == "regime"));
}
