//! `framelens train-cues` end to end: brat standoff in, a model out that `analyze --cue-model`
//! reads; `--vocabulary-share` narrows the words that may be cues, and `--base` prunes a
//! model's vocabulary.

use crate::util::Workdir;

/// Brat articles side by side (`aK.txt` + `aK.ann`): `blasted` is a cue in half of its uses,
/// `said` and `hammered` in all of theirs.
fn brat(w: &Workdir) {
    for k in 0..6 {
        let text = format!(
            "Senator Vale{k} blasted the plan. The rocket blasted off. Holt said it was over. \
             Critics hammered the bill."
        );
        let ann: String = ["blasted", "said", "hammered"]
            .iter()
            .enumerate()
            .map(|(n, cue)| {
                let at = text.find(cue).unwrap();
                format!("T{}\tCue {} {}\t{cue}\n", n + 1, at, at + cue.len())
            })
            .collect();
        w.write(&format!("brat/a{k}.txt"), &text);
        w.write(&format!("brat/a{k}.ann"), ann);
    }
}

/// `train-cues` on the articles `brat` writes, small and quick.
const TRAIN: [&str; 7] = ["train-cues", "--brat", "brat", "--bits", "12", "--epochs", "2"];

/// The vocabulary size `train-cues` reports on stderr.
fn vocabulary(w: &Workdir, args: &[&str]) -> usize {
    let out = w.run(args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    let tail = err.split("vocabulary ").nth(1).expect("the report names the vocabulary");
    tail.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn train_cues_writes_a_model_analyze_reads_and_the_share_narrows_its_vocabulary() {
    let w = Workdir::new();
    brat(&w);
    let wide = vocabulary(&w, &[&TRAIN[..], &["-o", "wide.bin"]].concat());
    let narrow =
        vocabulary(&w, &[&TRAIN[..], &["-o", "narrow.bin", "--vocabulary-share", "600"]].concat());
    // `blasted` (6 of 12 uses) leaves the vocabulary at 600 ‰; `said` and `hammered` stay.
    assert!(narrow >= 2 && narrow < wide, "wide {wide}, narrow {narrow}");
    w.write("in.jsonl", "{\"id\":\"1\",\"outlet\":\"A\",\"text\":\"Holt said it was over.\"}\n");
    for model in ["wide", "narrow"] {
        let file = format!("{model}.bin");
        w.run_ok(&["analyze", "in.jsonl", "-o", model, "-q", "--cue-model", &file], 0);
    }
    let rows = w.csv("narrow/attributions.csv");
    assert!(rows.iter().any(|r| r["cue_lemma"] == "say"), "{rows:?}");
}

#[test]
fn train_cues_base_prunes_a_models_vocabulary_and_keeps_its_decisions() {
    let w = Workdir::new();
    brat(&w);
    let wide = vocabulary(&w, &[&TRAIN[..], &["-o", "wide.bin"]].concat());
    let pruned =
        vocabulary(&w, &["train-cues", "--brat", "brat", "--base", "wide.bin", "-o", "p.bin"]);
    let none =
        &["train-cues", "--brat", "brat", "--base", "wide.bin", "--prune=-100000", "-o", "n.bin"];
    assert_eq!(vocabulary(&w, none), 0);
    assert!(pruned <= wide, "wide {wide}, pruned {pruned}");
    // On its training articles a pruned model decides as its base.
    let docs: String = (0..6)
        .map(|k| {
            format!(
                "{{\"id\":\"{k}\",\"outlet\":\"A\",\"text\":{:?}}}\n",
                w.read(&format!("brat/a{k}.txt"))
            )
        })
        .collect();
    w.write("train.jsonl", docs);
    for model in ["wide", "p"] {
        let file = format!("{model}.bin");
        w.run_ok(&["analyze", "train.jsonl", "-o", model, "-q", "--cue-model", &file], 0);
    }
    assert_eq!(w.read("wide/attributions.csv"), w.read("p/attributions.csv"));
    let trains =
        &["train-cues", "--brat", "brat", "--base", "wide.bin", "--epochs", "3", "-o", "x.bin"];
    assert_eq!(w.run(trains).status.code(), Some(2), "--base does not train");
    let out = w.run(&["train-cues", "--brat", "brat", "--base", "missing.bin", "-o", "x.bin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.bin"));
}
