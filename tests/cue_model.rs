//! `framelens train-cues` end to end: brat standoff in, a model out that `analyze --cue-model`
//! reads; `--vocabulary-share` narrows the words that may be cues.

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
    let common = ["train-cues", "--brat", "brat", "--bits", "12", "--epochs", "2"];
    let wide = vocabulary(&w, &[&common[..], &["-o", "wide.bin"]].concat());
    let narrow =
        vocabulary(&w, &[&common[..], &["-o", "narrow.bin", "--vocabulary-share", "600"]].concat());
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
