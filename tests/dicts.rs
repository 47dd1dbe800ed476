//! `--dict`, `--valence`, `--no-bundled` and `lexicon export|import` on the real binary, with
//! small dictionaries written here (the real ones are tested in `lexicon::import`).

use crate::util::Workdir;

const DIC: &str =
    "%\n01\tCare\n02    Harm Vice\n%\nsafe*\t01\nhurt\t\t01 02\nkind of\t02\n\nfair-*\t01\n";

fn sum(rows: &[std::collections::HashMap<String, String>], col: &str) -> u64 {
    rows.iter().map(|r| r[col].parse::<u64>().unwrap()).sum()
}

#[test]
fn a_liwc_dictionary_adds_its_own_dimension_and_categories() {
    let w = Workdir::new();
    w.write("care.dic", DIC);
    w.write("in/o/a.txt", "They hurt him. It was safer, kind of. Hurting is fair. They said so.");
    w.run_ok(&["analyze", "in", "-o", "out", "-q", "--dict", "care.dic", "--hit-details"], 0);
    let docs = w.csv("out/documents.csv");
    // hurt (both categories), safer, kind of, fair; `Hurting` is neither `hurt` nor `hurt*`.
    assert_eq!(sum(&docs, "care_count"), 5);
    assert_eq!(sum(&docs, "attribution_count"), 1, "the bundled lexicons stay");
    let cats = w.csv("out/categories.csv");
    let n = |c: &str| cats.iter().find(|r| r["category"] == c).map(|r| r["count"].clone());
    assert_eq!(n("care/care").as_deref(), Some("3"));
    assert_eq!(n("care/harm_vice").as_deref(), Some("2"));
    let matches = w.csv("out/matches.csv");
    let texts: Vec<&str> =
        matches.iter().filter(|m| m["lexicon"].starts_with("care/")).map(|m| &*m["text"]).collect();
    assert!(texts.contains(&"safer") && texts.contains(&"kind of"), "{texts:?}");
    assert!(!texts.contains(&"Hurting"), "never stemmed: {texts:?}");
}

#[test]
fn without_bundled_only_the_dictionary_counts() {
    let w = Workdir::new();
    w.write("care.dic", DIC);
    w.write("in/o/a.txt", "They hurt him and said so.");
    w.run_ok(&["analyze", "in", "-o", "out", "-q", "--no-bundled", "--dict", "care.dic:liwc"], 0);
    let header = w.read("out/documents.csv").lines().next().unwrap().to_string();
    assert!(header.contains("care_count") && !header.contains("attribution_count"), "{header}");
    let err = w.run(&["analyze", "in", "-o", "out2", "--no-bundled"]);
    assert_eq!(err.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&err.stderr).contains("--no-bundled leaves no lexicons"));
}

#[test]
fn errors_name_file_line_and_column_and_nothing_is_half_loaded() {
    let w = Workdir::new();
    w.write("bad.dic", "%\n01\tCare\n%\nsafe*\t01\nhurt\t01 07\n");
    w.write("in/o/a.txt", "x");
    let out = w.run(&["analyze", "in", "-o", "out", "--dict", "bad.dic"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.dic:5:9: unknown category number '07'"), "{err}");
    assert!(!w.path("out").exists());
    w.write("latin.cat", b"TOP\n\tcaf\xE9 (1)\n");
    let err = w.run(&["lexicon", "stems", "--dict", "latin.cat"]);
    let err = String::from_utf8_lossy(&err.stderr);
    assert!(err.contains("latin.cat:2:5: not UTF-8 (byte 0xE9); if the file is Latin-1"), "{err}");
    w.write("mystery.xyz", "x");
    let err = w.run(&["lexicon", "stems", "--dict", "mystery.xyz"]);
    assert!(String::from_utf8_lossy(&err.stderr).contains("--dict FILE:FORMAT"));
    w.write("hedge.yml", "A: [x]\n");
    let err = w.run(&["lexicon", "stems", "--dict", "hedge.yml"]);
    assert!(String::from_utf8_lossy(&err.stderr).contains("already loaded; rename the file"));
}

#[test]
fn a_latin1_liwc_file_reads() {
    let w = Workdir::new();
    w.write("fr.dic", b"%\n1\tPos\n%\ncaf\xE9\t1\n");
    let out = w.run_ok(&["lexicon", "stems", "--no-bundled", "--dict", "fr.dic"], 0);
    assert!(out.contains("fr/pos\t4\t=café\tfr/pos\texact:café"), "{out}");
}

#[test]
fn every_format_loads_by_extension() {
    let w = Workdir::new();
    w.write("a.dicx", "DicTerm,Care\nsafe*,X\n");
    w.write("b.cat", "TOP\r\n\tSUB\r\n\t\tWAR_IN_IRAQ (1)\r\n");
    w.write("c.lc3", "+negative#FF0000\r\n a lie\r\n");
    w.write(
        "d.lcd",
        "<dictionary><cnode name=\"t1\"><pnode name=\" ECB \"></pnode></cnode></dictionary>",
    );
    w.write("e.ykd", "<dictionary><cnode name=\"pos\"><pnode name=\"gut\"/></cnode></dictionary>");
    w.write("f.yml", "'A':\n  'B': [x*, ]\n");
    w.write("g.csv", "term,category\n=zz,gg/x\n");
    let mut args = vec!["lexicon", "stems", "--no-bundled"];
    for f in ["a.dicx", "b.cat", "c.lc3", "d.lcd", "e.ykd", "f.yml", "g.csv"] {
        args.extend(["--dict", f]);
    }
    let out = w.run_ok(&args, 0);
    for want in [
        "a/care\t2\tsafe*\ta/care\tprefix:safe*",
        "b/top/sub\t3\t=WAR =IN =IRAQ\tb/top/sub\texact:war exact:in exact:iraq",
        "c/negative\t2\t=a =lie",
        "d/t1\t1\t=ECB\td/t1\texact:ecb",
        "e/pos\t1\t=gut",
        "f/a/b\t2\tx*",
        "g\t2\t=zz\tgg/x",
    ] {
        assert!(out.contains(want), "{want} in\n{out}");
    }
}

#[test]
fn valence_lists_give_tone() {
    let w = Workdir::new();
    w.write("v.txt", "zorgful\t-3.1\t0.5\t[-3]\n:-)\t2\t0\t[2]\n");
    w.write("in/o/a.txt", "The zorgful day.");
    w.run_ok(&["analyze", "in", "-o", "out", "-q"], 0);
    let before = w.csv("out/documents.csv")[0]["tone"].clone();
    w.run_ok(&["analyze", "in", "-o", "out2", "-q", "--valence", "v.txt"], 0);
    let after: f64 = w.csv("out2/documents.csv")[0]["tone"].parse().unwrap();
    assert_eq!(before.parse::<f64>().unwrap(), 0.0);
    // VADER: −3.1 / √(3.1² + 15) = −0.6247.
    assert!((after + 0.6247).abs() < 0.001, "{after}");
}

#[test]
fn export_then_import_round_trip() {
    let w = Workdir::new();
    w.run_ok(&["lexicon", "export", "lex"], 0);
    let bundled = w.run_ok(&["lexicon", "stems"], 0);
    let exported = w.run_ok(&["lexicon", "stems", "lex"], 0);
    assert_eq!(bundled, exported);
    assert_eq!(w.run(&["lexicon", "export", "lex"]).status.code(), Some(2), "no silent overwrite");
    w.write("care.dic", DIC);
    w.run_ok(&["lexicon", "import", "care.dic", "-o", "lex"], 0);
    assert!(w.path("lex/care.harm_vice.csv").exists());
    w.write("in/o/a.txt", "They hurt him. It was safer, kind of.");
    w.run_ok(&["analyze", "in", "-o", "a", "-q", "--dict", "care.dic", "--doc-terms"], 0);
    w.run_ok(&["analyze", "in", "-o", "b", "-q", "--lexicons", "lex", "--doc-terms"], 0);
    assert_eq!(w.read("a/categories.csv"), w.read("b/categories.csv"));
    assert_eq!(
        w.read("a/doc_terms.csv").lines().count(),
        w.read("b/doc_terms.csv").lines().count()
    );
}

#[test]
fn validate_scores_matches_against_gold_spans() {
    let w = Workdir::new();
    w.write("care.dic", DIC);
    w.write("docs.jsonl", "{\"id\":\"a\",\"outlet\":\"o\",\"text\":\"They hurt him. It was safe.\"}\n{\"id\":\"b\",\"outlet\":\"o\",\"text\":\"No gold here: hurt.\"}\n");
    w.run_ok(
        &["analyze", "docs.jsonl", "-o", "out", "-q", "--no-bundled", "--dict", "care.dic"],
        0,
    );
    // Gold: `hurt` (5..9) is harm; `him` (10..13) is a miss; `safe` is not annotated.
    w.write(
        "gold.csv",
        "doc_id,start,end,category,text\na,5,9,care/harm_vice,hurt\na,10,13,care/harm_vice,him\n",
    );
    let out = w.run_ok(&["validate", "out", "--gold", "gold.csv", "--bootstrap", "50"], 0);
    assert!(out.contains("most frequent misses:") && out.contains("care/harm_vice  him"), "{out}");
    let rows = w.csv("out/validation.csv");
    assert_eq!(rows.len(), 1);
    assert_eq!((&*rows[0]["gold"], &*rows[0]["predicted"], &*rows[0]["paired"]), ("2", "1", "1"));
    assert_eq!((&*rows[0]["precision"], &*rows[0]["recall"]), ("1.0000", "0.5000"));
    assert!(out.contains("not scored"), "b's match has no gold: {out}");
    let errors = w.read("out/validation_errors.csv");
    assert!(errors.contains("miss,care/harm_vice,him,1"), "{errors}");
    w.write("bad.csv", "doc_id,start,end,category\na,5,x,c\n");
    let err = w.run(&["validate", "out", "--gold", "bad.csv"]);
    assert!(
        String::from_utf8_lossy(&err.stderr)
            .contains("bad.csv:2:3: 'x' is not a code-point offset")
    );
}

#[test]
fn a_dictionary_in_a_lexicons_folder_is_added() {
    let w = Workdir::new();
    w.run_ok(&["lexicon", "export", "lex"], 0);
    w.write("lex/care.dic", DIC);
    let out = w.run_ok(&["lexicon", "stems", "lex"], 0);
    assert!(out.contains("care/care\t5\tsafe*"), "{out}");
}

#[test]
fn the_manifest_names_the_dictionaries() {
    let w = Workdir::new();
    w.write("care.dic", DIC);
    w.write("v.txt", "zorgful\t-3.1\n");
    w.write("in/o/a.txt", "They hurt him.");
    let args = [
        "analyze",
        "in",
        "-o",
        "out",
        "-q",
        "--no-bundled",
        "--dict",
        "care.dic",
        "--valence",
        "v.txt",
    ];
    w.run_ok(&args, 0);
    let m: serde_json::Value = serde_json::from_str(&w.read("out/manifest.json")).unwrap();
    let o = &m["options"];
    assert_eq!(
        (&o["lexicons"], &o["dicts"][0], &o["valence"][0]),
        (&"none".into(), &"care.dic".into(), &"v.txt".into()),
        "{m}"
    );
}
