//! One Excel workbook from finished CSV tables (`--xlsx FILE`): a README sheet first (what
//! every column of every sheet means, and the run's manifest), then one sheet per table with
//! a bold frozen header row, an autofilter, column widths fitted to the content, and typed
//! cells: numbers as numbers, dates that read as dates as dates, text as text (never as a
//! formula, whatever it starts with, so without the `'` the CSV files put before formula-like
//! text; the manifest's `raw_cells` says whether they did).
//! Written with `rust_xlsxwriter` in constant-memory mode, so a large `matches.csv` does not
//! have to fit in memory; a table longer than a sheet (1,048,575 rows) continues on sheets
//! named `table (2)`, `table (3)`, …. The workbook is built beside FILE and renamed into place.

use super::schema::{self, ColumnType};
use crate::error::{Error, Result};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::path::{Path, PathBuf};

/// Data rows per sheet: Excel's 1,048,576 rows minus the header.
const MAX_ROWS: u32 = 1_048_575;
/// Excel's limit on the characters of one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Rows sampled to size the columns.
const WIDTH_SAMPLE: usize = 500;
/// Column widths, in characters.
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;

/// Writes the `*.csv` files among `files` (in that order) from `dir` into the workbook
/// `path`, with `dir/manifest.json` on the README sheet when present.
pub fn write_workbook(dir: &Path, files: &[&str], path: &Path) -> Result<()> {
    write_with_limit(dir, files, path, MAX_ROWS)
}

/// [`write_workbook`] with at most `max_rows` data rows per sheet.
fn write_with_limit(dir: &Path, files: &[&str], path: &Path, max_rows: u32) -> Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name =
        path.file_name().map_or("framelens.xlsx".into(), |n| n.to_string_lossy().into_owned());
    let tmp = parent.join(format!(".{name}.partial-{}", std::process::id()));
    let xerr = |e: XlsxError| Error::io(path, std::io::Error::other(e.to_string()));
    let result = (|| {
        let mut wb = Workbook::new();
        wb.set_tempdir(&parent).map_err(xerr)?;
        let csvs: Vec<&str> = files.iter().copied().filter(|f| f.ends_with(".csv")).collect();
        let manifest = std::fs::read_to_string(dir.join("manifest.json"))
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok());
        readme(&mut wb, dir, &csvs, manifest.as_ref()).map_err(xerr)?;
        let guarded =
            manifest.as_ref().and_then(|m| m["options"]["raw_cells"].as_bool()) != Some(true);
        let cells = Cells::new(guarded);
        for file in &csvs {
            table_sheets(&mut wb, dir, file, max_rows, &cells)?;
        }
        wb.save(&tmp).map_err(xerr)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
}

fn header_format() -> Format {
    Format::new().set_bold().set_background_color(0xD9E1F2)
}

fn reader(path: &Path) -> Result<csv::Reader<std::io::BufReader<std::fs::File>>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    Ok(csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(std::io::BufReader::new(file)))
}

fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line());
    Error::input_at(path, line, e.to_string())
}

/// The header of a CSV file, without a byte-order mark.
fn headers(path: &Path) -> Result<Vec<String>> {
    let mut r = reader(path)?;
    let mut rec = csv::StringRecord::new();
    r.read_record(&mut rec).map_err(|e| csv_error(path, e))?;
    Ok(rec
        .iter()
        .enumerate()
        .map(|(i, h)| if i == 0 { h.trim_start_matches('\u{feff}') } else { h }.to_string())
        .collect())
}

fn sheet_name(file: &str) -> &str {
    file.strip_suffix(".csv").unwrap_or(file)
}

/// The name of part `part` (1-based) of a table: `matches`, `matches (2)`, …, within Excel's
/// 31 characters.
fn sheet_title(file: &str, part: u32) -> String {
    let suffix = if part == 1 { String::new() } else { format!(" ({part})") };
    let stem: String = sheet_name(file).chars().take(31 - suffix.chars().count()).collect();
    stem + &suffix
}

/// The README sheet: every column of every table, then the manifest as key/value rows.
fn readme(
    wb: &mut Workbook,
    dir: &Path,
    csvs: &[&str],
    manifest: Option<&serde_json::Value>,
) -> std::result::Result<(), XlsxError> {
    let bold = header_format();
    let ws = wb.add_worksheet();
    ws.set_name("README")?;
    ws.write_string_with_format(0, 0, "sheet", &bold)?;
    ws.write_string_with_format(0, 1, "column", &bold)?;
    ws.write_string_with_format(0, 2, "type", &bold)?;
    ws.write_string_with_format(0, 3, "meaning", &bold)?;
    ws.set_freeze_panes(1, 0)?;
    let mut row = 1u32;
    for file in csvs {
        let about = schema::table(file).map_or("", |t| t.about);
        ws.write_string(row, 0, sheet_name(file))?;
        ws.write_string(row, 3, format!("{file}: {about}"))?;
        row += 1;
        let cols = headers(&dir.join(file)).unwrap_or_default();
        for c in cols {
            let (ty, doc) = schema::column(file, &c)
                .map(|(t, d)| (t.name(), d))
                .unwrap_or(("number or text", "(not documented by this version)".into()));
            ws.write_string(row, 0, sheet_name(file))?;
            ws.write_string(row, 1, &c)?;
            ws.write_string(row, 2, ty)?;
            ws.write_string(row, 3, doc)?;
            row += 1;
        }
    }
    ws.autofilter(0, 0, row - 1, 3)?;
    row += 1;
    ws.write_string_with_format(row, 0, "manifest", &bold)?;
    ws.write_string_with_format(row, 1, "value", &bold)?;
    row += 1;
    let mut pairs = Vec::new();
    if let Some(m) = manifest {
        flatten("", m, &mut pairs);
    }
    for (k, v) in pairs {
        ws.write_string(row, 0, k)?;
        ws.write_string(row, 1, clip(&v))?;
        row += 1;
    }
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_width(2, 14)?;
    ws.set_column_width(3, 100)?;
    Ok(())
}

/// JSON as `a.b[0].c = value` pairs, keys in order.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, x, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for (i, x) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{i}]"), x, out);
            }
        }
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        Value::Null => out.push((prefix.to_string(), String::new())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

fn clip(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// A number as Excel should store it, or `None` for text.
fn number(cell: &str) -> Option<f64> {
    let first = cell.bytes().next()?;
    if !(first.is_ascii_digit() || first == b'-' || first == b'.') {
        return None;
    }
    cell.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// One table on one or more sheets.
fn table_sheets(
    wb: &mut Workbook,
    dir: &Path,
    file: &str,
    max_rows: u32,
    cells: &Cells,
) -> Result<()> {
    let path = dir.join(file);
    let xerr = |e: XlsxError| Error::io(&path, std::io::Error::other(e.to_string()));
    let header = headers(&path)?;
    let types: Vec<Option<ColumnType>> =
        header.iter().map(|c| schema::column(file, c).map(|(t, _)| t)).collect();
    let widths = sample_widths(&path, &header)?;
    let bold = header_format();
    let mut records = reader(&path)?.into_records().peekable();
    records.next(); // the header
    let mut part = 1;
    let mut done = false;
    while !done {
        let ws = wb.add_worksheet_with_constant_memory();
        ws.set_name(sheet_title(file, part)).map_err(xerr)?;
        begin_sheet(ws, &header, &widths, &bold).map_err(xerr)?;
        let mut row = 0u32;
        done = true;
        while let Some(rec) = records.next() {
            let rec = rec.map_err(|e| csv_error(&path, e))?;
            row += 1;
            for (col, cell) in rec.iter().enumerate().filter(|(_, cell)| !cell.is_empty()) {
                let ty = types.get(col).copied().flatten();
                cells.write(ws, (row, col as u16), cell, ty).map_err(xerr)?;
            }
            if row == max_rows {
                done = records.peek().is_none();
                break;
            }
        }
        ws.autofilter(0, 0, row, header.len().saturating_sub(1) as u16).map_err(xerr)?;
        part += 1;
    }
    Ok(())
}

/// How CSV cells become typed workbook cells.
struct Cells {
    /// Whether formula-like text in the CSV files carries a leading `'` to take off.
    guarded: bool,
    date: Format,
    date_time: Format,
}

impl Cells {
    fn new(guarded: bool) -> Cells {
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
        Cells { guarded, date, date_time }
    }

    /// Writes `cell` of a column of type `ty` (`None`: not documented) at `at`: a number in a
    /// numeric column, a date in a date column, otherwise text.
    fn write(
        &self,
        ws: &mut Worksheet,
        (row, col): (u32, u16),
        cell: &str,
        ty: Option<ColumnType>,
    ) -> std::result::Result<(), XlsxError> {
        match ty {
            Some(ColumnType::Text) => {}
            Some(ColumnType::Date) => {
                if let Some((when, time)) = date(cell) {
                    let format = if time { &self.date_time } else { &self.date };
                    ws.write_datetime_with_format(row, col, when, format)?;
                    return Ok(());
                }
            }
            _ => {
                if let Some(x) = number(cell) {
                    ws.write_number(row, col, x)?;
                    return Ok(());
                }
            }
        }
        let text = if self.guarded { crate::util::unguarded(cell) } else { cell };
        ws.write_string(row, col, clip(text))?;
        Ok(())
    }
}

/// A date (`2026-03-14`) or a date and time (`2026-03-14T09:30`, `2026-03-14 09:30:15`, with
/// or without a final `Z`) as Excel stores it, and whether it has a time; `None` for anything
/// else (an offset from UTC, another order, an impossible day, a year before 1900).
fn date(cell: &str) -> Option<(ExcelDateTime, bool)> {
    fn part<T: std::str::FromStr>(s: &str, len: usize) -> Option<T> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    }
    let (day, time) = match cell.split_at_checked(10)? {
        (day, "") => (day, None),
        (day, rest) => (day, Some(rest.strip_prefix(['T', ' '])?)),
    };
    let mut ymd = day.split('-');
    let (y, m, d) = (part(ymd.next()?, 4)?, part(ymd.next()?, 2)?, part(ymd.next()?, 2)?);
    if y < 1900 {
        return None; // before Excel's first date
    }
    let when = ExcelDateTime::from_ymd(y, m, d).ok()?;
    let Some(time) = time else { return Some((when, false)) };
    let mut hms = time.strip_suffix('Z').unwrap_or(time).split(':');
    let (h, mi): (u16, u8) = (part(hms.next()?, 2)?, part(hms.next()?, 2)?);
    let sec: u8 = hms.next().map_or(Some(0), |s| part(s, 2))?;
    if hms.next().is_some() || h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    Some((when.and_hms(h, mi, sec).ok()?, true))
}

fn begin_sheet(
    ws: &mut Worksheet,
    header: &[String],
    widths: &[f64],
    bold: &Format,
) -> std::result::Result<(), XlsxError> {
    for (i, (h, &w)) in header.iter().zip(widths).enumerate() {
        ws.set_column_width(i as u16, w)?;
        ws.write_string_with_format(0, i as u16, h, bold)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Widths from the header and the first rows: the longest cell plus a margin, within limits.
fn sample_widths(path: &Path, header: &[String]) -> Result<Vec<f64>> {
    let mut w: Vec<usize> = header.iter().map(|h| h.chars().count() + 3).collect();
    let mut r = reader(path)?;
    for rec in r.records().skip(1).take(WIDTH_SAMPLE) {
        let rec = rec.map_err(|e| csv_error(path, e))?;
        for (i, cell) in rec.iter().enumerate() {
            if let Some(x) = w.get_mut(i) {
                *x = (*x).max(cell.chars().count() + 2);
            }
        }
    }
    Ok(w.into_iter().map(|x| (x as f64).clamp(MIN_WIDTH, MAX_WIDTH)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_text() {
        assert_eq!(number("12"), Some(12.0));
        assert_eq!(number("-0.5"), Some(-0.5));
        assert_eq!(number("1.914497127e-4"), Some(1.914497127e-4));
        assert_eq!(number("inf"), None);
        assert_eq!(number("NaN"), None);
        assert_eq!(number("'-3"), None);
        assert_eq!(number("=1+1"), None);
        assert_eq!(number(""), None);
        assert_eq!(clip("abc"), "abc");
        assert_eq!(sheet_title("matches.csv", 1), "matches");
        assert_eq!(sheet_title("matches.csv", 2), "matches (2)");
        let long = sheet_title(&format!("{}.csv", "x".repeat(40)), 12);
        assert_eq!(long.chars().count(), 31);
        assert!(long.ends_with(" (12)"));
    }

    #[test]
    fn dates_that_read_as_dates() {
        let has_time = |s: &str| date(s).map(|(_, time)| time);
        assert_eq!(has_time("2026-03-14"), Some(false));
        assert_eq!(has_time("2026-03-14T09:30"), Some(true));
        assert_eq!(has_time("2026-03-14 09:30:15Z"), Some(true));
        for text in [
            "2026-02-30",
            "2026-3-14",
            "14/03/2026",
            "2026-03-14T09:30+02:00",
            "2026-03-14T25:00",
            "2026-03-14T09:30:15:01",
            "1899-12-31",
            "2026-03-14 and more",
            "",
        ] {
            assert_eq!(has_time(text), None, "{text}");
        }
    }

    #[test]
    fn long_tables_continue_on_further_sheets() {
        use calamine::{Data, Reader, Xlsx, open_workbook};
        let dir = tempfile::tempdir().unwrap();
        let rows =
            "doc_id,lexicon,category,term,count\n007,l,c,t,1\nb,l,c,t,2\nc,l,c,t,3\nd,l,c,t,4\n";
        std::fs::write(dir.path().join("doc_terms.csv"), rows).unwrap();
        std::fs::write(
            dir.path().join("errors.csv"),
            "input,location,doc_id,reason\na,1,x,y\nb,2,x,y\n",
        )
        .unwrap();
        let book = dir.path().join("b.xlsx");
        let files = ["doc_terms.csv", "errors.csv", "manifest.json"];
        write_with_limit(dir.path(), &files, &book, 2).unwrap();
        let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
        // Exactly two rows fit on `errors`: no empty continuation sheet.
        assert_eq!(wb.sheet_names(), ["README", "doc_terms", "doc_terms (2)", "errors"]);
        let part2 = wb.worksheet_range("doc_terms (2)").unwrap();
        assert_eq!(part2.get_value((0, 0)), Some(&Data::String("doc_id".into())));
        assert_eq!(part2.get_value((2, 4)), Some(&Data::Float(4.0)));
        // doc_id is a text column: "007" stays text.
        let part1 = wb.worksheet_range("doc_terms").unwrap();
        assert_eq!(part1.get_value((1, 0)), Some(&Data::String("007".into())));
        assert_eq!(part1.height(), 3);
    }

    #[test]
    fn manifest_flattens_in_order() {
        let v: serde_json::Value =
            serde_json::from_str(r#"{"a":1,"b":{"c":"x","d":[true,null]},"e":[]}"#).unwrap();
        let mut out = Vec::new();
        flatten("", &v, &mut out);
        let got: Vec<String> = out.iter().map(|(k, v)| format!("{k}={v}")).collect();
        assert_eq!(got, ["a=1", "b.c=x", "b.d[0]=true", "b.d[1]=", "e=[]"]);
    }
}
