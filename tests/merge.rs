//! `framelens merge`: the outputs of `analyze --shard` over disjoint shards of a corpus,
//! merged, are byte for byte the output of one run over the whole corpus; shards given out of
//! corpus order change only the tables whose rows follow input order; duplicate ids and
//! shards made with other options or lexicons are refused.

use crate::util::{Workdir, fixture, repo};

/// Every line of the JSONL inputs, in order.
fn corpus_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for path in [repo("examples/velmora.jsonl"), fixture("corpus.jsonl")] {
        let text = std::fs::read_to_string(path).unwrap();
        lines.extend(text.lines().filter(|l| !l.trim().is_empty()).map(String::from));
    }
    lines
}

/// The tables whose rows follow input order (and `errors.csv`, whose cells name the input
/// file and line).
const ORDERED: [&str; 7] = [
    "documents.csv",
    "matches.csv",
    "attributions.csv",
    "doc_terms.csv",
    "scare_quotes.csv",
    "tone.csv",
    "rates.csv",
];

/// The output files of a folder, but its manifest.
fn tables(w: &Workdir, dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(w.path(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "manifest.json")
        .collect();
    names.sort();
    names
}

/// Writes `parts` as shard files, analyses each with `extra` options, and returns the folders.
fn shards(w: &Workdir, parts: &[&[String]], extra: &[&str]) -> Vec<String> {
    let mut dirs = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let input = format!("shard{i}.jsonl");
        w.write(&input, part.join("\n") + "\n");
        let out = format!("out{i}");
        // A merge has no texts: its report.html is a comparison's page, not one run's.
        let mut args = vec!["analyze", &input, "-o", &out, "-q", "--shard", "--bootstrap", "50"];
        args.extend(["--report", "none"]);
        args.extend(extra);
        let code = w.run(&args).status.code();
        assert!(matches!(code, Some(0 | 1)), "analyze {input}: {code:?}");
        dirs.push(out);
    }
    dirs
}

fn merge(w: &Workdir, dirs: &[String], out: &str) {
    let mut args = vec!["merge"];
    args.extend(dirs.iter().map(String::as_str));
    args.extend(["-o", out, "-q"]);
    w.run_ok(&args, 0);
}

#[test]
fn merging_shards_gives_the_bytes_of_one_run() {
    let w = Workdir::new();
    let lines = corpus_lines();
    let whole = shards(&w, &[&lines], &["--min-count", "0"]);
    assert!(tables(&w, &whole[0]).contains(&"shard.json".to_string()));
    for k in [2, 3, 5] {
        let size = lines.len().div_ceil(k);
        let parts: Vec<&[String]> = lines.chunks(size).collect();
        let w2 = Workdir::new();
        let dirs = shards(&w2, &parts, &["--min-count", "0"]);
        merge(&w2, &dirs, "merged");
        assert_eq!(tables(&w2, "merged"), tables(&w, &whole[0]), "k = {k}");
        for file in tables(&w, &whole[0]) {
            let one = w.read(&format!("{}/{file}", whole[0]));
            let merged = w2.read(&format!("merged/{file}"));
            if file == "errors.csv" {
                // The cells name the shard file and its line: the same failures, elsewhere.
                assert_eq!(one.lines().count(), merged.lines().count(), "k = {k}, errors.csv");
                continue;
            }
            assert!(
                one == merged,
                "k = {k}: {file} differs\n--- one run\n{one}\n--- merged\n{merged}"
            );
        }
        let manifest: serde_json::Value =
            serde_json::from_str(&w2.read("merged/manifest.json")).unwrap();
        let single: serde_json::Value =
            serde_json::from_str(&w.read(&format!("{}/manifest.json", whole[0]))).unwrap();
        assert_eq!(manifest["counts"], single["counts"], "k = {k}");
        assert_eq!(manifest["options"], single["options"], "k = {k}");
        assert_eq!(manifest["inputs"].as_array().unwrap().len(), k, "k = {k}");
    }
}

/// Grouped shards keep their groups' totals in `shard.json`: the merged group tables are
/// those of one grouped run.
#[test]
fn merged_group_tables_are_those_of_one_run() {
    let w = Workdir::new();
    let lines = corpus_lines();
    w.write("groups.csv", "outlet,group\nMeridian Wire,wire\n");
    let grouped = ["--groups", "groups.csv"];
    let whole = shards(&w, &[&lines], &grouped);
    let w2 = Workdir::new();
    w2.write("groups.csv", "outlet,group\nMeridian Wire,wire\n");
    let parts: Vec<&[String]> = lines.chunks(lines.len().div_ceil(3)).collect();
    let dirs = shards(&w2, &parts, &grouped);
    merge(&w2, &dirs, "merged");
    let one = w.read(&format!("{}/group_outlets.csv", whole[0]));
    assert!(one.lines().any(|l| l.starts_with("all,,wire,")), "{one}");
    for file in ["group_outlets.csv", "group_labels.csv", "group_sources.csv"] {
        let one = w.read(&format!("{}/{file}", whole[0]));
        assert_eq!(one, w2.read(&format!("merged/{file}")), "{file}");
    }
}

/// Shards written with the opt-ins of `matches.csv` (issue 18) or `--full` merge into the
/// tables of one run with the same options: the merge writes what the shards wrote.
#[test]
fn merged_opt_in_columns_and_rows_are_those_of_one_run() {
    let every = ["--hit-details", "--all-hits", "--tone-hits", "--context", "10"];
    for extra in [&every[..], &["--full"]] {
        let w = Workdir::new();
        let lines = corpus_lines();
        let whole = shards(&w, &[&lines], extra);
        let w2 = Workdir::new();
        let parts: Vec<&[String]> = lines.chunks(lines.len().div_ceil(3)).collect();
        let dirs = shards(&w2, &parts, extra);
        merge(&w2, &dirs, "merged");
        for file in ["matches.csv", "scare_quotes.csv", "doc_terms.csv"] {
            let one = w.read(&format!("{}/{file}", whole[0]));
            assert_eq!(one, w2.read(&format!("merged/{file}")), "{extra:?} {file}");
        }
        let header = w2.read("merged/matches.csv").lines().next().unwrap().to_string();
        assert!(header.contains(",byte_start,") && header.contains(",left,right,"), "{header}");
    }
}

#[test]
fn shards_out_of_order_change_only_the_ordered_tables() {
    let w = Workdir::new();
    let lines = corpus_lines();
    let parts: Vec<&[String]> = lines.chunks(4).collect();
    let dirs = shards(&w, &parts, &[]);
    merge(&w, &dirs, "in_order");
    let mut reversed = dirs.clone();
    reversed.reverse();
    merge(&w, &reversed, "reversed");
    // A merge of merges is a merge.
    merge(&w, &dirs[..2], "left");
    let mut tree = vec!["left".to_string()];
    tree.extend_from_slice(&dirs[2..]);
    merge(&w, &tree, "tree");
    for file in tables(&w, "in_order") {
        let a = w.read(&format!("in_order/{file}"));
        let tree = w.read(&format!("tree/{file}"));
        if file != "errors.csv" {
            assert!(a == tree, "{file}: a merge of merges differs");
        }
        let b = w.read(&format!("reversed/{file}"));
        if ORDERED.contains(&file.as_str()) || file == "errors.csv" {
            let sorted = |t: &str| {
                let mut v: Vec<String> = t.lines().map(String::from).collect();
                v.sort();
                v
            };
            if file == "rates.csv" || file == "errors.csv" {
                // The bootstrap resamples documents in input order; errors name shard lines.
                assert_eq!(sorted(&a).len(), sorted(&b).len(), "{file}: rows");
            } else {
                assert_eq!(sorted(&a), sorted(&b), "{file}: rows");
            }
        } else {
            assert!(a == b, "{file} depends on the order of the shards");
        }
    }
    // The per-document rows are the same, in another order.
    let rows = |dir: &str| {
        let mut v: Vec<String> =
            w.read(&format!("{dir}/doc_terms.csv")).lines().map(String::from).collect();
        v.sort();
        v
    };
    assert_eq!(rows("in_order"), rows("reversed"));
    assert_ne!(w.read("in_order/documents.csv"), w.read("reversed/documents.csv"));
}

#[test]
fn duplicate_ids_mixed_options_and_plain_runs_are_refused() {
    let w = Workdir::new();
    let lines = corpus_lines();
    let dirs = shards(&w, &[&lines[..3], &lines[2..5]], &[]);
    let out = w.run(&["merge", &dirs[0], &dirs[1], "-o", "m"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("out0") && err.contains("out1") && err.contains("document id"), "{err}");
    assert!(!w.path("m").exists());

    let w = Workdir::new();
    let a = shards(&w, &[&lines[..3]], &[]);
    w.write("b.jsonl", lines[3..6].join("\n") + "\n");
    w.run(&["analyze", "b.jsonl", "-o", "b", "-q", "--shard", "--min-count", "0"]);
    let out = w.run(&["merge", &a[0], "b", "-o", "m"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("options differ") && err.contains("min_count"), "{err}");

    w.run(&[
        "analyze",
        "b.jsonl",
        "-o",
        "c",
        "-q",
        "--shard",
        "--lexicons",
        &fixture("lexicons").display().to_string(),
    ]);
    let out = w.run(&["merge", &a[0], "c", "-o", "m"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lexicons") && err.contains("differ"), "{err}");

    w.run(&["analyze", "b.jsonl", "-o", "plain", "-q"]);
    let out = w.run(&["merge", &a[0], "plain", "-o", "m"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("plain") && err.contains("--shard"), "{err}");
}
