//! `framelens validate OUTDIR --gold FILE.csv`: reads the matches of an `analyze` output and
//! the researcher's gold spans, scores them (`framelens::validate`), prints the table and
//! writes `validation.csv` and `validation_errors.csv`.

use crate::cli::ValidateArgs;
use framelens::validate::{Estimate, Span, Validation, validate};
use std::io::Write;
use std::path::Path;

pub fn run(args: ValidateArgs) -> anyhow::Result<u8> {
    let matches = args.source.join("matches.csv");
    let predicted = read_spans(&matches, true)?;
    let gold = read_spans(&args.gold, false)?;
    if gold.is_empty() {
        anyhow::bail!("{}: no gold spans", args.gold.display());
    }
    let v = validate(&gold, &predicted, args.bootstrap, args.seed, args.top);
    let out = args.output.clone().unwrap_or_else(|| args.source.join("validation.csv"));
    let errors = out.with_file_name("validation_errors.csv");
    write_scores(&out, &v)?;
    write_errors(&errors, &v)?;
    print(&v, &out, &errors)?;
    Ok(0)
}

/// Spans of a CSV with `doc_id,start,end,category` (and `text`); the title rows of
/// `matches.csv` are left out (gold offsets index the body).
fn read_spans(path: &Path, matches: bool) -> anyhow::Result<Vec<Span>> {
    let name = path.display();
    let mut r = csv::Reader::from_path(path).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let h = r.headers().map_err(|e| anyhow::anyhow!("{name}:1: {e}"))?.clone();
    let col = |c: &str| h.iter().position(|x| x.trim().trim_start_matches('\u{feff}') == c);
    let need = |c: &str| col(c).ok_or_else(|| anyhow::anyhow!("{name}:1: no '{c}' column"));
    let (doc, start, end, cat) = (need("doc_id")?, need("start")?, need("end")?, need("category")?);
    let (text, section) = (col("text"), col("section").filter(|_| matches));
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
        let line = rec.position().map_or(0, |p| p.line());
        if section.and_then(|i| rec.get(i)) == Some("title") {
            continue;
        }
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let num = |i: usize| {
            get(i).parse::<u64>().map_err(|_| {
                anyhow::anyhow!("{name}:{line}:{}: '{}' is not a code-point offset", i + 1, get(i))
            })
        };
        let (s, e) = (num(start)?, num(end)?);
        if e <= s {
            anyhow::bail!("{name}:{line}:{}: end {e} is not after start {s}", end + 1);
        }
        let category = get(cat).to_lowercase();
        let text = text.map_or(String::new(), |i| get(i).to_string());
        out.push(Span { doc: get(doc).to_string(), start: s, end: e, category, text });
    }
    Ok(out)
}

fn cell(x: Option<f64>) -> String {
    x.map_or(String::new(), |v| format!("{v:.4}"))
}

fn write_scores(path: &Path, v: &Validation) -> anyhow::Result<()> {
    let mut w =
        csv::Writer::from_path(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    w.write_record([
        "category",
        "gold",
        "predicted",
        "paired",
        "precision",
        "precision_low",
        "precision_high",
        "recall",
        "recall_low",
        "recall_high",
        "f1",
        "f1_low",
        "f1_high",
    ])?;
    for s in &v.scores {
        let mut row = vec![
            s.category.clone(),
            s.gold.to_string(),
            s.predicted.to_string(),
            s.paired.to_string(),
        ];
        for e in [s.precision, s.recall, s.f1] {
            row.extend([cell(e.value), cell(e.low), cell(e.high)]);
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

fn write_errors(path: &Path, v: &Validation) -> anyhow::Result<()> {
    let mut w =
        csv::Writer::from_path(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    w.write_record(["kind", "category", "text", "count"])?;
    for (kind, list) in [("false_positive", &v.false_positives), ("miss", &v.misses)] {
        for (c, t, n) in list {
            w.write_record([kind, c, t, &n.to_string()])?;
        }
    }
    w.flush()?;
    Ok(())
}

fn print(v: &Validation, scores: &Path, errors: &Path) -> anyhow::Result<()> {
    let mut o = std::io::stdout().lock();
    let ci = |e: Estimate| format!("{} [{}, {}]", cell(e.value), cell(e.low), cell(e.high));
    writeln!(
        o,
        "{:<32} {:>6} {:>6} {:>6}  {:<24} {:<24} {:<24}",
        "category", "gold", "pred", "paired", "precision [95% CI]", "recall", "F1"
    )?;
    for s in &v.scores {
        writeln!(
            o,
            "{:<32} {:>6} {:>6} {:>6}  {:<24} {:<24} {:<24}",
            s.category,
            s.gold,
            s.predicted,
            s.paired,
            ci(s.precision),
            ci(s.recall),
            ci(s.f1)
        )?;
    }
    for (title, list) in
        [("most frequent false positives", &v.false_positives), ("most frequent misses", &v.misses)]
    {
        writeln!(o, "\n{title}:")?;
        for (c, t, n) in list {
            writeln!(o, "  {n:>5}  {c}  {t}")?;
        }
    }
    if v.unscored > 0 {
        writeln!(o, "\n{} matches in documents without gold spans were not scored", v.unscored)?;
    }
    super::common::message(format_args!(
        "framelens: wrote {} and {}",
        scores.display(),
        errors.display()
    ));
    Ok(())
}
