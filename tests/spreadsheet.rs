//! Spreadsheet safety and the workbook: hostile cell contents are neutralised in every CSV
//! (and kept verbatim with --raw-cells), --excel writes a byte-order mark that `compare`
//! still reads, and --xlsx writes a workbook whose sheets, headers and cell types are checked
//! by reading it back with calamine.

use crate::util::{Workdir, fixture, read_csv};
use calamine::{Data, Reader, Xlsx, open_workbook};
use std::io::Read;

const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Two outlets, two events, and formula-like text in every free-text field.
fn hostile(w: &Workdir) {
    let lines = [
        r#"{"id":"=HYPERLINK(\"http://x\",\"y\")","outlet":"+Outlet","event":"-ev","title":"@SUM(A1)","date":"2026-03-14","url":"=cmd|' /C calc'!A0","text":"=1+1 a fiasco, critics said. A scandal."}"#,
        r#"{"id":"\tTab","outlet":"Plain","event":"-ev","title":"-2 dead","date":"2026-03-14T09:30:15Z","text":"The mayor said it was fine."}"#,
        r#"{"id":"d3","outlet":"+Outlet","event":"calm","title":"ok","date":"14 March 2026","text":"Officials said the fiasco is over."}"#,
        r#"{"id":"d4","outlet":"Plain","event":"calm","title":"\rCR","text":"A reckless plan, she claimed."}"#,
        r#"{"id":"@broken","outlet":"Plain","text": not json"#,
    ];
    w.write("=evil.jsonl", lines.join("\n") + "\n");
    // Metadata fields are trimmed on input, so a leading tab or carriage return can only
    // reach a cell through a path: these inputs fail and are named in errors.csv.
    w.write("\ttab.jsonl", "{not json}\n");
    w.write("\rcr.jsonl", "{not json}\n");
    // The team's fixture lexicons plus one whose file name and categories look like formulas.
    for f in ["attribution.csv", "loaded.csv"] {
        w.write(&format!("lex/{f}"), std::fs::read(fixture(&format!("lexicons/{f}"))).unwrap());
    }
    w.write("lex/@lex.csv", "pattern,category\nfine,-bad/-worse\nover,-bad\n");
}

const INPUTS: [&str; 3] = ["=evil.jsonl", "\ttab.jsonl", "\rcr.jsonl"];

/// `analyze` on the hostile inputs with `extra` options.
fn analyze<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["analyze", "--doc-terms"];
    v.extend(INPUTS);
    v.extend(extra);
    v
}

fn lex() -> String {
    "lex".into()
}

/// Every CSV table `analyze` writes.
fn tables() -> Vec<&'static str> {
    framelens::report::analyze_outputs().into_iter().filter(|f| f.ends_with(".csv")).collect()
}

#[test]
fn hostile_cells_are_neutralised_everywhere_unless_raw() {
    let w = Workdir::new();
    hostile(&w);
    let args = ["-o", "safe", "--lexicons", &lex(), "-q", "--min-count", "0", "--full"];
    w.run_ok(&analyze(&args), 1);
    let manifest: serde_json::Value = serde_json::from_str(&w.read("safe/manifest.json")).unwrap();
    assert_eq!(manifest["outputs"], serde_json::json!(framelens::report::analyze_outputs()));
    for f in tables() {
        for row in read_csv(&w.path(&format!("safe/{f}"))) {
            for (col, cell) in &row {
                let risky = cell.starts_with(TRIGGERS);
                assert!(!risky || cell.parse::<f64>().is_ok(), "{f} {col}: {cell:?}");
            }
        }
    }
    let docs = w.csv("safe/documents.csv");
    assert_eq!(docs[0]["doc_id"], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(docs[0]["outlet"], "'+Outlet");
    assert_eq!(docs[0]["event"], "'-ev");
    assert_eq!(docs[0]["title"], "'@SUM(A1)");
    assert_eq!(docs[0]["url"], "'=cmd|' /C calc'!A0");
    assert_eq!(docs[1]["doc_id"], "Tab");
    assert_eq!(docs[1]["title"], "'-2 dead");
    let matches = w.csv("safe/matches.csv");
    assert!(matches.iter().any(|m| m["left"] == "'=1+1 a"), "{matches:?}");
    let errors: Vec<String> = w.csv("safe/errors.csv").iter().map(|e| e["input"].clone()).collect();
    assert_eq!(errors, ["'=evil.jsonl", "'\ttab.jsonl", "'\rcr.jsonl"]);
    let compare = w.csv("safe/compare.csv");
    assert!(compare.iter().any(|r| r["outlet_a"] == "'+Outlet" && r["event"] == "'-ev"));
    assert!(w.csv("safe/compare_paired.csv").iter().all(|r| r["outlet_a"] == "'+Outlet"));
    assert!(w.csv("safe/doc_terms.csv").iter().any(|r| r["doc_id"].starts_with("'=HYPERLINK")));
    let rates = w.csv("safe/rates.csv");
    assert!(rates.iter().any(|r| r["lexicon"] == "'@lex" && r["category"] == "'-bad/-worse"));
    assert!(w.csv("safe/categories.csv").iter().any(|r| r["category"] == "'-bad"));
    // The neutralised keys stay consistent across tables: the reference check still agrees.
    let check = std::process::Command::new("python3")
        .arg(crate::util::repo("scripts/check_compare.py"))
        .arg(w.path("safe"))
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let attributions = w.csv("safe/attributions.csv");
    assert!(
        attributions
            .iter()
            .any(|r| r["doc_id"].starts_with("'=HYPERLINK") && r["source"] == "critics")
    );
    assert!(
        w.csv("safe/sources.csv").iter().any(|r| r["outlet"] == "'+Outlet" && r["event"] == "'-ev")
    );

    // --raw-cells: verbatim, for pipelines.
    w.run_ok(
        &analyze(&["-o", "raw", "--lexicons", &lex(), "-q", "--raw-cells", "--min-count", "0"]),
        1,
    );
    let docs = w.csv("raw/documents.csv");
    assert_eq!(docs[0]["doc_id"], "=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(docs[1]["title"], "-2 dead");
    assert!(w.csv("raw/rates.csv").iter().any(|r| r["outlet"] == "+Outlet"));
    // compare keeps the folder's cells as written and neutralises its own output by default.
    w.run_ok(&["compare", "raw", "-o", "recompared", "-q", "--min-count", "0"], 0);
    assert!(w.csv("recompared/rates.csv").iter().any(|r| r["outlet"] == "'+Outlet"));
}

#[test]
fn excel_bom_is_written_and_read_back() {
    let w = Workdir::new();
    hostile(&w);
    w.run_ok(&analyze(&["-o", "bom", "--lexicons", &lex(), "-q", "--excel"]), 1);
    for f in tables() {
        let bytes = std::fs::read(w.path(&format!("bom/{f}"))).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{f}");
        assert!(!bytes[3..].starts_with(b"\xEF\xBB\xBF"), "{f}: one mark only");
    }
    w.run_ok(&analyze(&["-o", "plain", "--lexicons", &lex(), "-q"]), 1);
    w.run_ok(&["compare", "bom", "-o", "from_bom", "-q"], 0);
    for f in ["compare.csv", "rates.csv", "compare_paired.csv"] {
        assert_eq!(w.read(&format!("plain/{f}")), w.read(&format!("from_bom/{f}")), "{f}");
    }
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

#[test]
fn workbook_has_typed_cells_frozen_headers_and_filters() {
    let w = Workdir::new();
    hostile(&w);
    w.run_ok(&analyze(&["-o", "out", "--lexicons", &lex(), "-q", "--xlsx", "book.xlsx"]), 1);
    let mut book: Xlsx<_> = open_workbook(w.path("book.xlsx")).unwrap();
    let mut want = vec!["README".to_string()];
    want.extend(tables().iter().map(|t| t.trim_end_matches(".csv").to_string()));
    assert_eq!(book.sheet_names(), want);
    let readme = book.worksheet_range("README").unwrap();
    let documented: Vec<(String, String)> =
        readme.rows().map(|r| (cell_text(&r[0]), cell_text(&r[1]))).collect();
    assert!(readme.rows().any(|r| cell_text(&r[0]) == "framelens_version"));
    assert!(readme.rows().any(|r| cell_text(&r[0]) == "options.compare.prior_strength"));

    let (mut dates, mut unguarded) = (Vec::new(), 0);
    for table in tables() {
        let sheet = table.trim_end_matches(".csv");
        let range = book.worksheet_range(sheet).unwrap();
        let mut reader = csv::Reader::from_path(w.path(&format!("out/{table}"))).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let mut rows = range.rows();
        let got_header: Vec<String> = rows.next().unwrap().iter().map(cell_text).collect();
        assert_eq!(got_header[..header.len()], header[..], "{sheet}");
        for h in &header {
            assert!(
                documented.contains(&(sheet.to_string(), h.clone())),
                "{sheet}.{h} undocumented"
            );
        }
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(range.height(), records.len() + 1, "{sheet}");
        for (rec, row) in records.iter().zip(rows) {
            for (i, cell) in rec.iter().enumerate() {
                let got = row.get(i).unwrap_or(&Data::Empty);
                let text_column = [
                    "doc_id", "outlet", "event", "title", "url", "text", "left", "right", "term",
                    "input", "location", "reason", "outlet_a", "outlet_b", "date",
                ]
                .contains(&header[i].as_str());
                match got {
                    Data::Empty => assert!(cell.is_empty(), "{sheet}.{}: {cell:?}", header[i]),
                    Data::Float(x) => {
                        assert!(!text_column, "{sheet}.{} typed as number", header[i]);
                        let want: f64 = cell.parse().unwrap();
                        assert!(
                            (x - want).abs() <= 1e-12 * want.abs().max(1.0),
                            "{sheet}.{}",
                            header[i]
                        );
                    }
                    Data::Int(x) => assert_eq!(x.to_string(), cell),
                    Data::DateTime(d) => {
                        assert_eq!(header[i], "date", "{sheet}: {cell}");
                        dates.push((cell.to_string(), d.as_f64()));
                    }
                    Data::String(s) => {
                        // As in the CSV, without the `'` put before formula-like text.
                        let bare = cell.strip_prefix('\'').filter(|r| r.starts_with(TRIGGERS));
                        assert_eq!(s, bare.unwrap_or(cell), "{sheet}.{}", header[i]);
                        unguarded += usize::from(bare.is_some());
                        assert!(
                            cell.parse::<f64>().is_err() || text_column,
                            "{sheet}.{}: number as text",
                            header[i]
                        );
                    }
                    other => panic!("{sheet}.{}: unexpected {other:?}", header[i]),
                }
            }
        }
        let formulas = book.worksheet_formula(sheet).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{sheet} has formulas");
    }
    // Dates that read as dates are dates (days since 1899-12-30); others stay text.
    let want = [("2026-03-14", 46095.0), ("2026-03-14T09:30:15Z", 46095.0 + 34215.0 / 86400.0)];
    assert_eq!(dates.len(), 2, "{dates:?}");
    for ((cell, x), (want_cell, want_x)) in dates.iter().zip(want) {
        assert_eq!(cell, want_cell);
        assert!((x - want_x).abs() < 1e-9, "{cell}: {x}");
    }
    assert!(unguarded > 20, "formula-like text cells written without the guard: {unguarded}");
    // Numbers in the comparison sheet are numbers.
    let compare = book.worksheet_range("compare").unwrap();
    let z_col = 20;
    assert!(compare.rows().skip(1).all(|r| matches!(r[z_col], Data::Float(_))));
    // Frozen header row and autofilter on a data sheet (read from the sheet XML).
    let mut zip = zip::ZipArchive::new(std::fs::File::open(w.path("book.xlsx")).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet9.xml").unwrap().read_to_string(&mut xml).unwrap();
    assert!(xml.contains("state=\"frozen\""), "{xml:.400}");
    assert!(xml.contains("<autoFilter"));
    assert!(xml.contains("<col "), "column widths");
    assert!(!w.path(".book.xlsx.partial").exists());
}
