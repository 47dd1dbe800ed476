//! Hostile and broken input (issue 8): every case of the README's "Input problems" section,
//! run through the real binary. Nothing panics, nothing is dropped silently, every failure says
//! what and where, and an OUTDIR appears only when the results are complete.

use crate::util::{Workdir, fixture};
use std::collections::HashMap;
use std::io::{BufRead, Read, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

type Row = HashMap<String, String>;

fn lex() -> String {
    fixture("lexicons").display().to_string()
}

/// Runs `analyze INPUTS -o out --lexicons <fixture> -q EXTRA...` and checks the exit code.
fn analyze(w: &Workdir, inputs: &[&str], extra: &[&str], code: i32) {
    let lexicons = lex();
    let mut args = vec!["analyze"];
    args.extend(inputs);
    args.extend(["-o", "out", "--lexicons", &lexicons, "-q"]);
    args.extend(extra);
    w.run_ok(&args, code);
}

fn manifest(w: &Workdir, dir: &str) -> serde_json::Value {
    serde_json::from_str(&w.read(&format!("{dir}/manifest.json"))).unwrap()
}

/// `read = analysed + failed`, and the tables hold exactly that many rows.
fn assert_accounted(w: &Workdir, dir: &str, read: u64, failed: u64) {
    let m = manifest(w, dir);
    let c = &m["counts"];
    assert_eq!((c["read"].as_u64(), c["failed"].as_u64()), (Some(read), Some(failed)), "{c}");
    assert_eq!(c["analysed"].as_u64(), Some(read - failed));
    assert_eq!(w.csv(&format!("{dir}/documents.csv")).len() as u64, read - failed);
    assert_eq!(w.csv(&format!("{dir}/errors.csv")).len() as u64, failed);
}

fn by_id(rows: &[Row], key: &str) -> HashMap<String, Row> {
    rows.iter().map(|r| (r[key].clone(), r.clone())).collect()
}

/// The failure reason for `doc_id` (or for the row at `location` when no id is known).
fn reason(errors: &[Row], key: &str, value: &str) -> String {
    errors
        .iter()
        .find(|e| e[key] == value)
        .unwrap_or_else(|| panic!("no error with {key} = {value}: {errors:?}"))["reason"]
        .clone()
}

/// Python's `text[start:end]`: code points.
fn code_points(text: &str, start: &str, end: &str) -> String {
    let (s, e): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
    text.chars().skip(s).take(e - s).collect()
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for u in text.encode_utf16() {
        out.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn jsonl_line(id: &str, outlet: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "outlet": outlet, "text": text }).to_string() + "\n"
}

// ---------------------------------------------------------------- encoding and content

#[test]
fn invalid_utf8_fails_with_its_byte_offset_or_is_replaced_with_lossy() {
    let w = Workdir::new();
    w.write("in/A/bad.txt", b"A fiasco \xFF here.");
    w.write("in/A/good.txt", "A scandal.");
    w.write("in.csv", b"id,outlet,text\nc1,A,ok \xFE fiasco\nc2,A,fine\n");
    let line = b"{\"id\":\"j1\",\"outlet\":\"A\",\"text\":\"bad \xC3\x28 fiasco\"}\n";
    let at = line.iter().position(|&b| b == 0xC3).unwrap();
    w.write("in.jsonl", [&line[..], jsonl_line("j2", "A", "fine").as_bytes()].concat());
    analyze(&w, &["in", "in.csv", "in.jsonl"], &[], 1);
    let errors = w.csv("out/errors.csv");
    assert_eq!(
        reason(&errors, "doc_id", "A/bad"),
        "invalid UTF-8 at byte 9 (use --lossy to replace invalid bytes)"
    );
    let csv = reason(&errors, "input", "in.csv");
    assert_eq!(
        csv,
        "column 'text': invalid UTF-8 at byte 3 (use --lossy to replace invalid bytes)"
    );
    assert_eq!(errors.iter().find(|e| e["input"] == "in.csv").unwrap()["location"], "line 2");
    let jsonl = reason(&errors, "input", "in.jsonl");
    assert!(jsonl.starts_with(&format!("invalid UTF-8 at byte {at}")), "{jsonl}");
    assert_accounted(&w, "out", 6, 3);

    std::fs::remove_dir_all(w.path("out")).unwrap();
    analyze(&w, &["in", "in.csv", "in.jsonl"], &["--lossy", "--context", "40"], 0);
    let docs = by_id(&w.csv("out/documents.csv"), "doc_id");
    for (id, repaired) in [("A/bad", "1"), ("A/good", "0"), ("c1", "1"), ("c2", "0"), ("j1", "1")] {
        assert_eq!(docs[id]["repaired"], repaired, "{id}");
    }
    assert_eq!(docs["c1"]["loaded_count"], "1");
    let m = w.csv("out/matches.csv");
    let hit = m.iter().find(|r| r["doc_id"] == "A/bad").unwrap();
    assert_eq!((hit["start"].as_str(), hit["left"].as_str()), ("2", "A"));
    assert_eq!(hit["right"], "\u{FFFD} here.");
}

#[test]
fn utf8_and_utf16_byte_order_marks_are_read_and_not_counted_in_offsets() {
    let w = Workdir::new();
    let text = "Fiasco first. Then a scandal 👍🏽.";
    w.write("in/A/utf8.txt", ["\u{FEFF}", text].concat());
    w.write("in/A/le.txt", utf16(text, true));
    w.write("in/A/be.txt", utf16(text, false));
    // Excel's "Unicode text": UTF-16LE, tab-separated, CRLF.
    let tsv = format!("id\toutlet\ttext\r\nt1\tA\t{text}\r\n");
    w.write("excel.tsv", utf16(&tsv, true));
    w.write("in.csv", ["\u{FEFF}id,outlet,text\nc1,A,", text, "\n"].concat());
    w.write("be.jsonl", utf16(&jsonl_line("j1", "A", text), false));
    // Two files with marks joined by `cat`: the second mark starts line 2.
    let joined =
        ["\u{FEFF}", &jsonl_line("j2", "A", text), "\u{FEFF}", &jsonl_line("j3", "A", text)];
    w.write("bom8.jsonl", joined.concat());
    // Every hit: the same text in eight documents of one outlet is boilerplate, not counted.
    let all = ["--all-hits", "--hit-details"];
    analyze(&w, &["in", "excel.tsv", "in.csv", "be.jsonl", "bom8.jsonl"], &all, 0);
    let ids = ["A/be", "A/le", "A/utf8", "t1", "c1", "j1", "j2", "j3"];
    let m = w.csv("out/matches.csv");
    for id in ids {
        let hits: Vec<_> = m.iter().filter(|r| r["doc_id"] == id).collect();
        assert_eq!(hits.len(), 2, "{id}: {hits:?}");
        assert_eq!((hits[0]["start"].as_str(), hits[0]["end"].as_str()), ("0", "6"), "{id}");
        assert_eq!(hits[1]["text"], code_points(text, &hits[1]["start"], &hits[1]["end"]));
    }
    assert_accounted(&w, "out", ids.len() as u64, 0);
}

#[test]
fn invalid_utf16_fails_with_its_byte_offset_or_is_replaced_with_lossy() {
    let w = Workdir::new();
    let mut bad = utf16("Fiasco ", true);
    let at = bad.len();
    bad.extend([0x00, 0xDC]); // a lone low surrogate
    bad.extend(&utf16(" scandal", true)[2..]);
    w.write("in/A/bad.txt", &bad);
    let mut csv = utf16("id,outlet,text\nc1,A,scandal first\nc2,A,x", true);
    let csv_at = csv.len();
    csv.extend([0x00, 0xD8, b'y', 0x00]); // a lone high surrogate
    csv.extend(&utf16(" fiasco\n", true)[2..]);
    w.write("in.csv", &csv);
    analyze(&w, &["in", "in.csv"], &[], 1);
    let errors = w.csv("out/errors.csv");
    assert_eq!(
        reason(&errors, "doc_id", "A/bad"),
        format!("invalid UTF-16 at byte {at} (use --lossy to replace it)")
    );
    let r = reason(&errors, "input", "in.csv");
    assert!(r.contains(&format!("invalid UTF-16 at byte {csv_at}")), "{r}");
    assert!(r.contains("the rest of the file was not read"), "{r}");
    // The record before the bad bytes was read.
    assert_eq!(w.csv("out/documents.csv").iter().filter(|d| d["doc_id"] == "c1").count(), 1);
    assert_accounted(&w, "out", 3, 2);

    std::fs::remove_dir_all(w.path("out")).unwrap();
    analyze(&w, &["in", "in.csv"], &["--lossy"], 0);
    let docs = by_id(&w.csv("out/documents.csv"), "doc_id");
    assert_eq!(docs["A/bad"]["repaired"], "1");
    assert_eq!(docs["c1"]["repaired"], "0");
    assert_eq!(docs["c2"]["repaired"], "1");
    assert_eq!(docs["c2"]["loaded_count"], "1");
}

#[test]
fn nul_bytes_fail_the_document_or_are_replaced_with_lossy() {
    let w = Workdir::new();
    w.write("in/A/binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR fiasco");
    w.write("in/A/good.txt", "A fiasco.");
    w.write("in.csv", b"id,outlet,text\nc1,A,\"a\x00b fiasco\"\n");
    w.write("in.jsonl", jsonl_line("j1", "A", "nul\u{0}inside fiasco"));
    analyze(&w, &["in", "in.csv", "in.jsonl"], &[], 1);
    let errors = w.csv("out/errors.csv");
    assert_eq!(
        reason(&errors, "doc_id", "A/binary"),
        "contains NUL bytes: a binary file, not text"
    );
    assert_eq!(
        reason(&errors, "input", "in.csv"),
        "column 'text' contains a NUL character at byte 1 (use --lossy to replace it)"
    );
    assert_eq!(
        reason(&errors, "doc_id", "j1"),
        "'text' contains a NUL character at byte 3 (use --lossy to replace it)"
    );
    std::fs::remove_dir_all(w.path("out")).unwrap();
    // --lossy repairs text fields but a binary file stays a failure.
    analyze(&w, &["in", "in.csv", "in.jsonl"], &["--lossy"], 1);
    let docs = by_id(&w.csv("out/documents.csv"), "doc_id");
    assert_eq!((docs["c1"]["repaired"].as_str(), docs["j1"]["repaired"].as_str()), ("1", "1"));
    assert_eq!(docs["j1"]["loaded_count"], "1");
    assert_eq!(w.csv("out/errors.csv").len(), 1);
    assert!(!w.read("out/matches.csv").contains('\0'));
}

#[test]
fn empty_and_whitespace_only_documents_fail_and_title_only_ones_are_analysed() {
    let w = Workdir::new();
    w.write("in/A/empty.txt", "");
    w.write("in/A/blank.txt", " \n\t\r\n\u{3000}\u{A0}");
    w.write("in.csv", "id,outlet,title,text\nc1,A,,\nc2,A,,\"  \n \"\nc3,A,Fiasco,\n");
    let lines = [
        jsonl_line("j1", "A", " \t\n "),
        r#"{"id":"j2","outlet":"A","title":"A shocking fiasco","text":""}"#.to_string() + "\n",
    ];
    w.write("in.jsonl", lines.concat());
    analyze(&w, &["in", "in.csv", "in.jsonl"], &[], 1);
    let errors = w.csv("out/errors.csv");
    for id in ["A/empty", "A/blank", "c1", "c2", "j1"] {
        assert!(reason(&errors, "doc_id", id).starts_with("empty document"), "{id}");
    }
    let docs = by_id(&w.csv("out/documents.csv"), "doc_id");
    assert_eq!((docs["c3"]["tokens"].as_str(), docs["c3"]["loaded_count"].as_str()), ("1", "1"));
    assert_eq!(docs["j2"]["loaded_count"], "2");
    assert_accounted(&w, "out", 7, 5);
}

/// Runs `cmd` with a watchdog: quadratic behaviour on big input shows up as a timeout.
fn run_with_deadline(mut cmd: std::process::Command, limit: Duration) -> (i32, Duration) {
    let started = Instant::now();
    let mut child = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
            assert!(err.is_empty(), "{err}");
            return (status.code().unwrap(), started.elapsed());
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("still running after {limit:?}: not linear");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_50_mb_single_paragraph_document_is_analysed_in_linear_time() {
    let w = Workdir::new();
    // One paragraph: no line break in 50 MB, and long runs without a sentence end.
    let unit = "Mr. Smith said the “fiasco” was shocking; U.S. officials claimed 3.5% — reckless, ";
    let units = 50_000_000 / unit.len() + 1;
    let text = unit.repeat(units);
    let f = std::fs::File::create(w.path("big.jsonl")).unwrap();
    let mut f = std::io::BufWriter::new(f);
    f.write_all(jsonl_line("big", "A", &text).as_bytes()).unwrap();
    f.flush().unwrap();
    drop(f);
    let one = framelens::Document { text: unit.to_string(), ..Default::default() };
    let lexicon = std::sync::Arc::new(
        framelens::Lexicon::from_dir(&fixture("lexicons"), framelens::Language::ENGLISH).unwrap(),
    );
    let analyzer = framelens::Analyzer::new(lexicon, framelens::Sections::default());
    let per_unit = analyzer.analyze(&one, &mut framelens::Scratch::new());
    assert_eq!(per_unit.matches.len(), 5);
    let lexicons = lex();
    let cmd = w.command(&["analyze", "big.jsonl", "-o", "out", "--lexicons", &lexicons, "-q"]);
    let (code, took) = run_with_deadline(cmd, Duration::from_secs(900));
    assert_eq!(code, 0);
    eprintln!("50 MB document: {took:?}");
    let docs = w.csv("out/documents.csv");
    assert_eq!(docs[0]["tokens"], (u64::from(per_unit.tokens) * units as u64).to_string());
    assert_eq!(docs[0]["loaded_count"], (3 * units).to_string());
    assert_eq!(docs[0]["attribution_count"], (2 * units).to_string());
    assert_eq!(manifest(&w, "out")["counts"]["text_bytes"], text.len() as u64);
}

#[test]
fn a_100_000_character_token_is_one_word_and_later_offsets_stay_right() {
    let w = Workdir::new();
    let token = "fiasco".to_string() + &"x".repeat(99_994);
    let url = format!("https://example.org/{}", "ab".repeat(50_000));
    let text = format!("{token} shocking {url} scandal");
    w.write("in.jsonl", jsonl_line("t", "A", &text));
    let lexicons = lex();
    let args = ["analyze", "in.jsonl", "-o", "out", "--lexicons", &lexicons, "-q", "--full"];
    assert_eq!(run_with_deadline(w.command(&args), Duration::from_secs(120)).0, 0);
    let docs = w.csv("out/documents.csv");
    assert_eq!(docs[0]["loaded_count"], "2");
    let m = w.csv("out/matches.csv");
    assert_eq!(m.len(), 2);
    for hit in &m {
        assert_eq!(hit["text"], code_points(&text, &hit["start"], &hit["end"]));
    }
    assert_eq!(m[0]["start"], "100001");
    // 40 characters of context, white space at the edge trimmed.
    assert_eq!(m[0]["left"], "x".repeat(39));
}

#[test]
fn crlf_and_lone_cr_line_ends_keep_offsets_into_the_original_text() {
    let w = Workdir::new();
    let text = "First fiasco.\r\nSecond scandal.\rThird betrayal.\r\n\r\nFourth, reckless.";
    w.write("in/A/doc.txt", text);
    let quoted = text.replace('"', "\"\"");
    // One outlet each: the same lines in three documents of one outlet would be boilerplate.
    w.write("in.csv", format!("id,outlet,text\r\nc1,B,\"{quoted}\"\r\nc2,B,one\r"));
    // JSONL whose lines end in CRLF and in lone CR; line 3 is broken.
    let lines = format!(
        "{}\r\n{}\r{{broken\r{}",
        jsonl_line("j1", "C", text).trim_end(),
        jsonl_line("j2", "A", "scandal").trim_end(),
        jsonl_line("j3", "A", "fiasco").trim_end()
    );
    w.write("in.jsonl", lines);
    analyze(&w, &["in", "in.csv", "in.jsonl"], &["--hit-details"], 1);
    let errors = w.csv("out/errors.csv");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0]["input"].as_str(), errors[0]["location"].as_str()),
        ("in.jsonl", "line 3")
    );
    let docs = by_id(&w.csv("out/documents.csv"), "doc_id");
    for id in ["A/doc", "c1", "j1"] {
        assert_eq!(docs[id]["sentences"], "4", "{id}");
        assert_eq!(docs[id]["loaded_count"], "4", "{id}");
    }
    assert!(docs.contains_key("j3") && docs.contains_key("c2"));
    for hit in
        w.csv("out/matches.csv").iter().filter(|r| ["A/doc", "c1", "j1"].contains(&&*r["doc_id"]))
    {
        assert_eq!(hit["text"], code_points(text, &hit["start"], &hit["end"]), "{hit:?}");
        let bytes = &text.as_bytes()[hit["byte_start"].parse::<usize>().unwrap()
            ..hit["byte_end"].parse::<usize>().unwrap()];
        assert_eq!(std::str::from_utf8(bytes).unwrap(), hit["text"]);
    }
}

#[test]
fn rtl_combining_marks_zwj_and_emoji_keep_code_point_offsets() {
    let w = Workdir::new();
    w.write(
        "lex/loaded.csv",
        "pattern,category\nfiasco,loaded\nשערורייה,loaded\nفضيحة,loaded\nnaïve,loaded\n",
    );
    let text = "👨\u{200D}👩\u{200D}👧 fiasco 🇺🇸🇬🇧 שערורייה גדולה، فضيحة! \
                nai\u{308}ve naïve zero\u{200B}width fi\u{200D}asco 👍🏽fiasco";
    w.write("in.jsonl", jsonl_line("d", "A", text));
    w.run_ok(&["analyze", "in.jsonl", "-o", "out", "--lexicons", "lex", "-q", "--hit-details"], 0);
    let m = w.csv("out/matches.csv");
    let found: Vec<&str> = m.iter().map(|r| r["text"].as_str()).collect();
    // The decomposed "nai\u{308}ve" is not the lexicon's precomposed "naïve" (no Unicode
    // normalisation); the word with a joiner inside is one word, not "fiasco".
    assert_eq!(found, ["fiasco", "שערורייה", "فضيحة", "naïve", "fiasco"]);
    for hit in &m {
        assert_eq!(hit["text"], code_points(text, &hit["start"], &hit["end"]), "{hit:?}");
    }
    assert_eq!(m[0]["start"], "6");
}

#[test]
fn a_language_without_a_stemmer_is_a_usage_error_and_other_scripts_are_analysed() {
    let w = Workdir::new();
    w.write("in.jsonl", jsonl_line("d", "A", "日本語のテキストです。中文文本。Ελληνικά κείμενα."));
    let out = w.run(&["analyze", "in.jsonl", "-o", "out", "--lexicons", &lex(), "--lang", "xx"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no stemmer for language 'xx'; known: ar, da, de"), "{err}");
    assert!(!w.path("out").exists());
    analyze(&w, &["in.jsonl"], &["--lang", "de"], 0);
    let docs = w.csv("out/documents.csv");
    assert!(docs[0]["tokens"].parse::<u32>().unwrap() > 5);
    assert_eq!(docs[0]["loaded_count"], "0");
    assert_eq!(docs[0]["loaded_per_1k"], "0.0000");
    assert_eq!(manifest(&w, "out")["options"]["lang"], "de");
}

// ------------------------------------------------------------------------ containers

#[test]
fn csv_ragged_rows_fail_with_their_line_and_reading_goes_on() {
    let w = Workdir::new();
    w.write(
        "in.csv",
        "id,outlet,text\n1,A,fiasco\n2,A,too,many\n3,A\n4,A,\"multi\nline\"\n5,B,ok\n",
    );
    analyze(&w, &["in.csv"], &[], 1);
    let errors = w.csv("out/errors.csv");
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["location"], "line 3");
    assert_eq!(errors[0]["reason"], "record has 4 fields but the header has 3");
    assert_eq!(errors[1]["location"], "line 4");
    let ids: Vec<_> = w.csv("out/documents.csv").iter().map(|d| d["doc_id"].clone()).collect();
    assert_eq!(ids, ["1", "4", "5"]);
}

#[test]
fn csv_unclosed_quote_is_a_failure_naming_the_line_where_it_opened() {
    let w = Workdir::new();
    w.write(
        "in.csv",
        "id,outlet,text\n1,A,fiasco\n2,A,\"never closed\n3,A,scandal\n4,A,betrayal\n",
    );
    analyze(&w, &["in.csv"], &[], 1);
    let errors = w.csv("out/errors.csv");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["location"], "line 3");
    assert!(
        errors[0]["reason"].starts_with("unclosed quote (opened on line 3): the CSV reader took the rest of the file as one field"),
        "{:?}",
        errors[0]
    );
    assert_eq!(w.csv("out/documents.csv").len(), 1);
    assert_accounted(&w, "out", 2, 1);

    w.write("head.csv", "id,\"outlet,text\n1,A,x\n");
    let out = w.run(&["analyze", "head.csv", "-o", "out2", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("head.csv: unclosed quote in the header row (opened on line 1)"), "{err}");
}

#[test]
fn csv_missing_or_duplicate_columns_are_fatal_and_name_the_columns() {
    let w = Workdir::new();
    w.write("missing.csv", "id,source,body\n1,A,text\n");
    let out = w.run(&["analyze", "missing.csv", "-o", "out", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no 'outlet' column (map one with --column outlet=NAME); columns found: id, source, body"), "{err}");
    w.write("dup.csv", "id,outlet,text,text\n1,A,x,y\n");
    let out = w.run(&["analyze", "dup.csv", "-o", "out", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dup.csv: column 'text' appears 2 times in the header"), "{err}");
    assert!(!w.path("out").exists());
    // A duplicate column that framelens does not read is harmless.
    w.write("extra.csv", "id,outlet,text,notes,notes\n1,A,fiasco,a,b\n");
    analyze(&w, &["extra.csv"], &[], 0);
}

#[test]
fn malformed_jsonl_lines_fail_with_their_line_number_and_reading_goes_on() {
    let w = Workdir::new();
    let lines = [
        jsonl_line("a", "A", "fiasco"),
        "{oops\n".into(),
        "\n".into(),
        "[1, 2]\n".into(),
        "\"just a string\"\n".into(),
        r#"{"id":"b","outlet":"A","text":{"nested":1}}"#.to_string() + "\n",
        r#"{"id":"c","outlet":"A","text":"lone \ud800 surrogate"}"#.to_string() + "\n",
        r#"{"id":"d","text":"no outlet"}"#.to_string() + "\n",
        jsonl_line("e", "B", "scandal"),
        r#"{"id":"f","outlet":"A","text":"truncated"#.to_string(),
    ];
    w.write("in.jsonl", lines.concat());
    analyze(&w, &["in.jsonl"], &[], 1);
    let errors = w.csv("out/errors.csv");
    let got: Vec<(&str, &str)> =
        errors.iter().map(|e| (e["location"].as_str(), e["reason"].as_str())).collect();
    let expect = [
        (2, "not valid JSON"),
        (4, "not a JSON object"),
        (5, "not a JSON object"),
        (6, "'text' is not a string"),
        (7, "not valid JSON"),
        (10, "not valid JSON: EOF while parsing a string"),
    ];
    assert_eq!(got.len(), expect.len(), "{got:?}");
    for ((loc, r), (line, start)) in got.iter().zip(expect) {
        assert_eq!(*loc, format!("line {line}"));
        assert!(r.starts_with(start), "line {line}: {r}");
    }
    let ids: Vec<_> = w.csv("out/documents.csv").iter().map(|d| d["doc_id"].clone()).collect();
    // A record without an outlet is analysed under "(unknown)".
    assert_eq!(ids, ["a", "d", "e"]);
}

#[test]
fn duplicate_document_ids_fail_after_the_first_within_and_across_inputs() {
    let w = Workdir::new();
    w.write("in.csv", "id,outlet,text\n1,A,fiasco\n2,A,scandal\n1,B,betrayal\n");
    w.write("in.jsonl", [jsonl_line("2", "C", "shocking"), jsonl_line("3", "C", "x")].concat());
    analyze(&w, &["in.csv", "in.jsonl"], &[], 1);
    let errors = w.csv("out/errors.csv");
    assert_eq!(errors.len(), 2);
    assert_eq!((errors[0]["doc_id"].as_str(), errors[0]["location"].as_str()), ("1", "line 4"));
    assert_eq!(errors[0]["reason"], "duplicate document id (first seen at in.csv: line 2)");
    assert_eq!((errors[1]["input"].as_str(), errors[1]["doc_id"].as_str()), ("in.jsonl", "2"));
    let docs = by_id(&w.csv("out/documents.csv"), "doc_id");
    assert_eq!(docs["1"]["outlet"], "A");
    assert_accounted(&w, "out", 5, 2);
}

#[test]
fn folder_with_binary_empty_hidden_unreadable_and_special_files_and_symlink_loops() {
    let w = Workdir::new();
    w.write("in/A/good.txt", "A fiasco.");
    w.write("in/A/binary.txt", b"GIF89a\x01\x00\x00\x00fiasco");
    w.write("in/A/empty.txt", "");
    w.write("in/A/.hidden.txt", "fiasco");
    w.write("in/.cache/A/x.txt", "fiasco");
    w.write("in/A/notes.md", "fiasco");
    w.write("in/A/page.html", "<p>fiasco</p>");
    w.write("in/top.txt", "scandal");
    w.write("in/B/sub/deep.txt", "A betrayal.");
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink("..", w.path("in/B/loop")).unwrap();
        symlink("nowhere.txt", w.path("in/B/dangling.txt")).unwrap();
        symlink("self.txt", w.path("in/B/self.txt")).unwrap();
        let fifo = std::process::Command::new("mkfifo").arg(w.path("in/B/pipe.txt")).status();
        assert!(fifo.unwrap().success());
    }
    // An unreadable file that stays unreadable as root (chmod 000 does not stop root):
    // /proc/self/mem is a regular file, but reading its offset 0 fails with EIO.
    #[cfg(target_os = "linux")]
    std::os::unix::fs::symlink("/proc/self/mem", w.path("in/B/unreadable.txt")).unwrap();
    let started = Instant::now();
    analyze(&w, &["in"], &[], 1);
    assert!(started.elapsed() < Duration::from_secs(60), "a pipe must not block the run");
    let errors = w.csv("out/errors.csv");
    let at = |loc: &str| reason(&errors, "location", loc);
    assert_eq!(at("A/binary.txt"), "contains NUL bytes: a binary file, not text");
    assert!(at("A/empty.txt").starts_with("empty document"));
    assert!(at("top.txt").starts_with("not inside an outlet folder (expected OUTLET/DOC.txt)"));
    #[cfg(unix)]
    {
        assert!(at("B/loop").starts_with("symbolic link to a folder already read"));
        assert!(at("B/dangling.txt").starts_with("cannot read: No such file"));
        assert!(at("B/self.txt").starts_with("cannot read: Too many levels of symbolic links"));
        assert!(at("B/pipe.txt").starts_with("not a regular file"));
    }
    #[cfg(target_os = "linux")]
    assert!(at("B/unreadable.txt").starts_with("cannot read:"), "{errors:?}");
    let docs: Vec<_> = w.csv("out/documents.csv").iter().map(|d| d["doc_id"].clone()).collect();
    assert_eq!(docs, ["A/good", "B/sub/deep"]);
    let m = manifest(&w, "out");
    assert_eq!(m["inputs"][0]["skipped"], serde_json::json!({"hidden": 2, "not_txt": 2}));
    let failed = errors.len() as u64;
    assert_accounted(&w, "out", 2 + failed, failed);
}

#[test]
fn a_nonexistent_input_is_fatal_and_names_the_path() {
    let w = Workdir::new();
    let out = w.run(&["analyze", "nowhere.jsonl", "-o", "out", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nowhere.jsonl: No such file or directory"), "{err}");
    assert!(!w.path("out").exists());
    w.write("in.docx", "fiasco");
    let out = w.run(&["analyze", "in.docx", "-o", "out", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("in.docx: unknown input kind"));
}

// -------------------------------------------------------------------------- lexicons

#[test]
fn lexicon_errors_name_file_line_and_column() {
    let w = Workdir::new();
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "pattern",
            b"pattern,category\nfine,loaded\nter*ror,loaded\n",
            "3:1: 'ter*ror': '*' only ends a word",
        ),
        ("nowords", b"pattern,category\n--,loaded\n", "2:1: '--' has no letters or digits"),
        (
            "polarity",
            b"pattern,category,polarity\nx,loaded,-3\n",
            "2:3: polarity -3 is outside -2..2",
        ),
        (
            "intensity",
            b"pattern,category,intensity\nx,loaded,9\n",
            "2:3: intensity 9 is outside 1..3",
        ),
        (
            "column",
            b"pattern,category,weight\nx,loaded,1\n",
            "1:3: unknown column 'weight'; allowed: pattern, category",
        ),
        (
            "duplicate",
            b"pattern,category\nx,loaded\n\nX,loaded\n",
            "4:1: pattern 'X' duplicates line 2",
        ),
        ("empty", b"", "1:0: empty lexicon file (a header row is required)"),
        ("headeronly", b"\n\n  \n", "1:0: empty lexicon file"),
        (
            "category",
            b"pattern,category\nx,loaded/\n",
            "2:2: category 'loaded/' has an empty level",
        ),
        ("cells", b"pattern,category\nx,loaded,extra\n", "2:3: 3 cells but the header has 2"),
        ("utf8", b"pattern,category\nx,loaded\n\xFFy,loaded\n", "3:0: not UTF-8 (byte 26)"),
        ("quote", b"pattern,category\n\"x,loaded\ny,loaded\n", "2:1: unclosed quote"),
    ];
    for (name, content, expect) in cases {
        w.write(&format!("{name}/loaded.csv"), content);
        let out = w.run(&["lexicon", "check", name]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("{name}/loaded.csv:{expect}")), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    // Through analyze: exit 2 and no OUTDIR.
    w.write("in.jsonl", jsonl_line("d", "A", "x"));
    let out = w.run(&["analyze", "in.jsonl", "-o", "out", "--lexicons", "polarity"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("polarity/loaded.csv:2:3:"));
    assert!(!w.path("out").exists());
    w.write("none/readme.txt", "no csv here");
    let out = w.run(&["lexicon", "check", "none"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("none: no lexicon files (*.csv) here"));
}

// ---------------------------------------------------------------------------- output

#[test]
fn force_replaces_only_an_output_folder_that_holds_no_input() {
    let w = Workdir::new();
    w.write("in/A/doc.txt", "A fiasco.");
    w.write("results.csv", "keep me");
    let lexicons = lex();
    let run =
        |out: &str| w.run(&["analyze", "in", "-o", out, "--lexicons", &lexicons, "--force", "-q"]);
    let out = run("results.csv");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("exists and is not a folder"));
    assert_eq!(w.read("results.csv"), "keep me");
    let out = run(".");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not replacing it with --force"));
    assert!(w.path("in/A/doc.txt").exists());
    let out = run("in");
    assert_eq!(out.status.code(), Some(2));
    assert!(w.path("in/A/doc.txt").exists());
    // An old result folder is replaced, and no temporary folder stays behind.
    assert_eq!(run("out").status.code(), Some(0));
    w.write("out/stale.txt", "old");
    assert_eq!(run("out").status.code(), Some(0));
    assert!(!w.path("out/stale.txt").exists());
    let leftovers: Vec<_> = std::fs::read_dir(w.path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_unwritable_output_location_is_fatal_before_any_analysis() {
    let w = Workdir::new();
    w.write("in.jsonl", jsonl_line("d", "A", "fiasco"));
    w.write("file.txt", "a file, not a folder");
    let out = w.run(&["analyze", "in.jsonl", "-o", "file.txt/out", "--lexicons", &lex()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot create the output folder file.txt/.out.partial-"), "{err}");
    assert!(err.contains("Not a directory"), "{err}");
    // A read-only place, even for root.
    #[cfg(target_os = "linux")]
    {
        let out =
            w.run(&["analyze", "in.jsonl", "-o", "/proc/framelens-out", "--lexicons", &lex()]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("cannot create the output folder /proc/.framelens-out.partial-"),
            "{err}"
        );
    }
}

/// Starts `analyze - -o out` reading JSONL from a pipe, feeds it `first`, and waits until the
/// partial folder holds the streamed tables. Returns the child and the partial folder.
#[cfg(unix)]
fn start_on_stdin(w: &Workdir, first: &str) -> (std::process::Child, std::path::PathBuf) {
    let lexicons = lex();
    let mut child = w
        .command(&["analyze", "-", "-o", "out", "--lexicons", &lexicons, "-q", "--threads", "1"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.as_mut().unwrap().write_all(first.as_bytes()).unwrap();
    child.stdin.as_mut().unwrap().flush().unwrap();
    let partial = w.path(&format!(".out.partial-{}", child.id()));
    let started = Instant::now();
    while !partial.join("errors.csv").exists() {
        assert!(started.elapsed() < Duration::from_secs(60), "no partial folder appeared");
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, partial)
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_while_writing_is_fatal_and_leaves_no_output_folder() {
    let w = Workdir::new();
    let (mut child, partial) = start_on_stdin(&w, &jsonl_line("d1", "A", "A fiasco."));
    // No small file system can be mounted here, but /dev/full fails every write with ENOSPC.
    // The aggregate tables are created at the end: make one of them land on a full disk.
    std::os::unix::fs::symlink("/dev/full", partial.join("outlets.csv")).unwrap();
    child.stdin.take().unwrap().write_all(jsonl_line("d2", "B", "A scandal.").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no results written (out was left as it was)"), "{err}");
    assert!(err.contains("outlets.csv: No space left on device"), "{err}");
    assert!(!w.path("out").exists());
    assert!(!partial.exists());
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_never_leaves_a_folder_that_looks_finished() {
    for signal in ["INT", "TERM"] {
        let w = Workdir::new();
        let (mut child, partial) = start_on_stdin(&w, &jsonl_line("d1", "A", "A fiasco."));
        let kill = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        // Keep standard input open until the process is gone: the run must end by the signal.
        let started = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "SIG{signal} ignored");
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(130), "SIG{signal}");
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        assert!(err.contains("interrupted; no results were written"), "{err}");
        assert!(!w.path("out").exists(), "SIG{signal}");
        assert!(!partial.exists(), "SIG{signal}: the partial folder is removed");
    }
    // SIGKILL cannot be caught: the hidden partial folder stays, without a manifest.
    let w = Workdir::new();
    let (mut child, partial) = start_on_stdin(&w, &jsonl_line("d1", "A", "A fiasco."));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!w.path("out").exists());
    assert!(partial.exists() && !partial.join("manifest.json").exists());
}

#[cfg(unix)]
#[test]
fn an_outdir_that_appears_during_the_run_is_not_replaced_without_force() {
    let w = Workdir::new();
    let (mut child, partial) = start_on_stdin(&w, &jsonl_line("d1", "A", "A fiasco."));
    w.write("out/theirs.txt", "another program's file");
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("out: appeared during the run and was not replaced"), "{err}");
    assert_eq!(w.read("out/theirs.txt"), "another program's file");
    // The finished results are kept, and the message says where.
    assert!(partial.join("manifest.json").exists());
    assert!(err.contains(&partial.file_name().unwrap().to_string_lossy().into_owned()), "{err}");
}

#[test]
fn piping_into_a_command_that_closes_early_ends_quietly() {
    let w = Workdir::new();
    let rows: String = (0..20_000).map(|i| format!("word{i},loaded\n")).collect();
    w.write("big/loaded.csv", format!("pattern,category\n{rows}"));
    // framelens lexicon stems big | head -1
    let mut child = w
        .command(&["lexicon", "stems", "big"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with("lexicon\tline\tpattern"));
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // The bundled lexicons, literally through a shell pipe.
    let script = r#""$0" lexicon stems | head -1; echo "status=${PIPESTATUS[0]}""#;
    let out = std::process::Command::new("bash")
        .args(["-c", script, env!("CARGO_BIN_EXE_framelens")])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("lexicon\tline\tpattern"), "{stdout}");
    assert!(stdout.ends_with("status=0\n"), "{stdout}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    // A closed standard error (`2>&1 | head -0`) does not turn progress messages into a panic.
    w.write("in.jsonl", jsonl_line("d", "A", "fiasco"));
    let lexicons = lex();
    let mut child = w
        .command(&["analyze", "in.jsonl", "-o", "out", "--lexicons", &lexicons])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert!(w.path("out/manifest.json").exists());
}

// ------------------------------------------------------------------------ guarantees

/// A corpus with a bit of everything, in all three input kinds.
fn hostile_corpus(w: &Workdir) {
    w.write("in/A/good.txt", "The “fiasco” was shocking, he said.\r\nNew line.");
    w.write("in/A/bad.txt", b"bad \xFF byte");
    w.write("in/B/empty.txt", "");
    w.write("in/B/le.txt", utf16("Reckless 👍🏽 betrayal, she claimed.", true));
    w.write("in/B/skip.pdf", "%PDF");
    let mut csv = String::from("id,outlet,event,title,text\n");
    for i in 0..300 {
        // Every 50th row repeats an id; every 25th (from the 4th) has neither title nor text.
        let id = if i % 50 == 49 { "c0".to_string() } else { format!("c{i}") };
        let event = ["e1", "e2", ""][i % 3];
        let texts = ["A scandal.", "", "claimed \"fiasco\"", "shameful, shocking giveaway"];
        let (title, text) =
            if i % 25 == 3 { (String::new(), "") } else { (format!("Title {i}"), texts[i % 4]) };
        let text = text.replace('"', "\"\"");
        csv += &format!("{id},O{},{event},{title},\"{text}\"\n", i % 5);
    }
    csv += "ragged,row\n";
    w.write("in.csv", csv);
    let mut jsonl = String::new();
    for i in 0..300 {
        match i % 10 {
            3 => jsonl += "{not json\n",
            5 => jsonl += &jsonl_line(&format!("j{}", i - 1), "X", "duplicate"),
            _ => {
                jsonl += &jsonl_line(
                    &format!("j{i}"),
                    &format!("P{}", i % 4),
                    "A reckless fiasco, officials said.",
                )
            }
        }
    }
    w.write("in.jsonl", jsonl);
}

#[test]
fn documents_read_equal_analysed_plus_failed_for_every_input_kind() {
    let w = Workdir::new();
    hostile_corpus(&w);
    let lexicons = lex();
    for (input, read, failed) in [("in", 4, 2), ("in.csv", 301, 19), ("in.jsonl", 300, 60)] {
        let out = format!("out-{input}");
        let args = ["analyze", input, "-o", &out, "--lexicons", &lexicons, "-q"];
        w.run_ok(&args, 1);
        assert_accounted(&w, &out, read, failed);
    }
    // Standard input, and everything in one run.
    let mut child = w
        .command(&["analyze", "-", "in", "in.csv", "-o", "all", "--lexicons", &lexicons, "-q"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(w.read("in.jsonl").as_bytes()).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(1));
    assert_accounted(&w, "all", 605, 81);
}

#[test]
fn hostile_corpus_output_is_byte_identical_across_runs_and_thread_counts() {
    let w = Workdir::new();
    hostile_corpus(&w);
    let lexicons = lex();
    let mut outputs = Vec::new();
    for (dir, threads) in [("t1", "1"), ("t2", "2"), ("t2again", "2")] {
        let args = [
            "analyze",
            "in",
            "in.csv",
            "in.jsonl",
            "-o",
            dir,
            "--lexicons",
            &lexicons,
            "-q",
            "--threads",
            threads,
        ];
        w.run_ok(&args, 1);
        outputs.push(dir);
    }
    let files = [
        "documents.csv",
        "matches.csv",
        "errors.csv",
        "outlets.csv",
        "categories.csv",
        "terms.csv",
    ];
    for f in files {
        let first = std::fs::read(w.path(&format!("t1/{f}"))).unwrap();
        assert!(first.len() > 30, "{f} is empty");
        for dir in &outputs[1..] {
            assert!(first == std::fs::read(w.path(&format!("{dir}/{f}"))).unwrap(), "{dir}/{f}");
        }
    }
    let mut m: Vec<serde_json::Value> = outputs.iter().map(|d| manifest(&w, d)).collect();
    for v in &mut m {
        v.as_object_mut().unwrap().remove("run");
        v["outputs"] = serde_json::Value::Null;
    }
    assert_eq!(m[0], m[1]);
    assert_eq!(m[1], m[2]);
}

#[test]
fn exit_codes_are_0_1_and_2() {
    let w = Workdir::new();
    w.write("ok.jsonl", jsonl_line("d", "A", "fiasco"));
    w.write("some.jsonl", [jsonl_line("d", "A", "fiasco"), "{bad\n".into()].concat());
    let lexicons = lex();
    let code = |args: &[&str]| w.run(args).status.code();
    assert_eq!(code(&["analyze", "ok.jsonl", "-o", "a", "--lexicons", &lexicons, "-q"]), Some(0));
    assert_eq!(code(&["analyze", "some.jsonl", "-o", "b", "--lexicons", &lexicons, "-q"]), Some(1));
    assert_eq!(code(&["analyze", "ok.jsonl", "-o", "c", "--no-such-flag"]), Some(2));
    assert_eq!(
        code(&["analyze", "ok.jsonl", "-o", "c", "--threads", "0", "--lexicons", &lexicons]),
        Some(2)
    );
    assert_eq!(
        code(&[
            "analyze",
            "ok.jsonl",
            "-o",
            "c",
            "--sections",
            "abstract",
            "--lexicons",
            &lexicons
        ]),
        Some(2)
    );
    assert_eq!(
        code(&["analyze", "ok.jsonl", "-o", "c", "--column", "colour=x", "--lexicons", &lexicons]),
        Some(2)
    );
    assert!(!w.path("c").exists());
    assert_eq!(code(&["--version"]), Some(0));
    // An empty input is not an error, but it is said.
    w.write("empty.jsonl", "");
    let out = w.run(&["analyze", "empty.jsonl", "-o", "e", "--lexicons", &lexicons, "-q"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the inputs held no documents"));
    assert_accounted(&w, "e", 0, 0);
}

#[test]
fn spreadsheet_formulas_are_neutralised_in_every_text_cell() {
    let w = Workdir::new();
    let line = serde_json::json!({
        "id": "=1+1", "outlet": "+Outlet", "event": "-event", "title": "@SUM(A1)",
        "date": "=TODAY()", "url": "@http://x", "text": "=HYPERLINK(\"http://evil\") fiasco"
    });
    let dup = serde_json::json!({"id": "=1+1", "outlet": "@o", "text": "x"});
    w.write("in.jsonl", format!("{line}\n{dup}\n"));
    analyze(&w, &["in.jsonl"], &["--full"], 1);
    let d = &w.csv("out/documents.csv")[0];
    for (col, want) in [
        ("doc_id", "'=1+1"),
        ("outlet", "'+Outlet"),
        ("event", "'-event"),
        ("title", "'@SUM(A1)"),
        ("date", "'=TODAY()"),
        ("url", "'@http://x"),
    ] {
        assert_eq!(d[col], want, "{col}");
    }
    let m = &w.csv("out/matches.csv")[0];
    assert_eq!((m["doc_id"].as_str(), m["outlet"].as_str()), ("'=1+1", "'+Outlet"));
    assert_eq!(m["left"], "'=HYPERLINK(\"http://evil\")");
    let e = &w.csv("out/errors.csv")[0];
    assert_eq!(e["doc_id"], "'=1+1");
    for table in ["outlets.csv", "categories.csv", "terms.csv"] {
        for row in w.csv(&format!("out/{table}")) {
            assert!(row["outlet"].starts_with('\''), "{table}: {row:?}");
            assert!(!row["event"].starts_with('-'), "{table}: {row:?}");
        }
    }
    // --raw-cells writes them verbatim, for pipelines.
    std::fs::remove_dir_all(w.path("out")).unwrap();
    analyze(&w, &["in.jsonl"], &["--raw-cells"], 1);
    assert_eq!(w.csv("out/documents.csv")[0]["doc_id"], "=1+1");
}
