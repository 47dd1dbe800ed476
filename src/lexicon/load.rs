//! Reading lexicon CSV files into raw rows, checking every cell and naming the file, line and
//! column of anything wrong. No stemming or indexing here (see `compile`).

use crate::error::{Error, Result};

/// Columns a lexicon file may have. `pattern` and `category` are required.
pub const COLUMNS: &[&str] =
    &["pattern", "category", "polarity", "intensity", "lemma", "note", "source", "counts"];

/// How an entry's hits count when they meet another dimension (the optional `counts` column;
/// see `analysis` and lexicons/README.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Counts {
    /// Empty cell: a loaded-language hit on a token that is a detected attribution cue, a
    /// hedge or part of a label counts there, not as loaded language.
    #[default]
    Once,
    /// `also`: counts in its own dimension even on such a token.
    Also,
    /// `never`: a set phrase, matched (so it takes its words from shorter entries of its
    /// file) but never counted.
    Never,
}

/// Other header names accepted for a column: `(alias, column)`.
pub const COLUMN_ALIASES: &[(&str, &str)] = &[("term", "pattern"), ("word", "pattern")];

/// One checked row of a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawEntry {
    /// The pattern as written.
    pub pattern: String,
    /// The category path, lowercase, `/`-separated.
    pub category: String,
    /// −2..=2, if given.
    pub polarity: Option<i8>,
    /// 1..=3, if given.
    pub intensity: Option<u8>,
    /// The canonical form the entry counts under (a verb lemma, a label name), if given.
    pub lemma: Option<String>,
    /// Free-text note.
    pub note: String,
    /// Provenance.
    pub source: String,
    /// The `counts` cell.
    pub counts: Counts,
    /// 1-based line of the row in its file.
    pub line: u64,
    /// 1-based column of the pattern cell.
    pub pattern_column: u64,
    /// Tone valence in tenths (−40..=40), set only by an imported valence list; CSV rows give
    /// polarity and intensity instead.
    pub valence: Option<i16>,
}

/// Parses one lexicon file's text. `file` names it in errors.
pub fn parse_file(file: &str, text: &str) -> Result<Vec<RawEntry>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::lexicon(file, 1, 0, "empty lexicon file (a header row is required)"));
    }
    let mut quotes = crate::csv_quotes::QuoteState::new(b',');
    quotes.feed(text.as_bytes());
    if let Some((line, field)) = quotes.open_quote() {
        return Err(Error::lexicon(
            file,
            line,
            field,
            "unclosed quote: the rest of the file would be read as one cell",
        ));
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::lexicon(file, 1, 0, format!("unreadable header: {e}")))?
        .clone();
    let index = column_index(file, &headers)?;
    let mut rows = Vec::new();
    // The csv crate's own line numbers skip blank lines; count newlines before each record.
    let mut lines = LineCounter { text, byte: 0, line: 1 };
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(|e| {
        let line = e.position().map_or(0, |p| lines.at(p.byte()));
        Error::lexicon(file, line, 0, format!("bad CSV: {e}"))
    })? {
        let line = record.position().map_or(0, |p| lines.at(p.byte()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > headers.len() {
            return Err(Error::lexicon(
                file,
                line,
                headers.len() as u64 + 1,
                format!("{} cells but the header has {}", record.len(), headers.len()),
            ));
        }
        rows.push(parse_row(file, line, &record, &index)?);
    }
    Ok(rows)
}

/// Where each of [`COLUMNS`] is in the header (`usize::MAX` when absent); an unknown or
/// repeated column, or a missing required one, is an error.
fn column_index(file: &str, headers: &csv::StringRecord) -> Result<[usize; 8]> {
    let mut index = [usize::MAX; 8];
    for (i, name) in headers.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        let canonical = COLUMN_ALIASES.iter().find(|(a, _)| *a == name).map_or(&*name, |(_, c)| c);
        let Some(k) = COLUMNS.iter().position(|c| *c == canonical) else {
            return Err(Error::lexicon(
                file,
                1,
                i as u64 + 1,
                format!(
                    "unknown column '{name}'; allowed: {} (or term, word for pattern)",
                    COLUMNS.join(", ")
                ),
            ));
        };
        if index[k] != usize::MAX {
            let msg = format!("column '{canonical}' twice");
            return Err(Error::lexicon(file, 1, i as u64 + 1, msg));
        }
        index[k] = i;
    }
    for required in [0, 1] {
        if index[required] == usize::MAX {
            return Err(Error::lexicon(
                file,
                1,
                0,
                format!("missing required column '{}'", COLUMNS[required]),
            ));
        }
    }
    Ok(index)
}

/// One non-blank record at `line`, its cells checked.
fn parse_row(
    file: &str,
    line: u64,
    record: &csv::StringRecord,
    index: &[usize; 8],
) -> Result<RawEntry> {
    let cell = |k: usize| -> &str {
        if index[k] == usize::MAX { "" } else { record.get(index[k]).unwrap_or("").trim() }
    };
    let col = |k: usize| index[k] as u64 + 1;
    let pattern = cell(0).to_string();
    if pattern.is_empty() {
        return Err(Error::lexicon(file, line, col(0), "empty pattern"));
    }
    let category = cell(1).to_ascii_lowercase();
    check_category(&category).map_err(|m| Error::lexicon(file, line, col(1), m))?;
    let polarity = parse_int(cell(2), -2, 2)
        .map_err(|m| Error::lexicon(file, line, col(2), format!("polarity {m}")))?
        .map(|v| v as i8);
    let intensity = parse_int(cell(3), 1, 3)
        .map_err(|m| Error::lexicon(file, line, col(3), format!("intensity {m}")))?
        .map(|v| v as u8);
    let lemma = Some(cell(4).to_string()).filter(|s| !s.is_empty());
    let counts = match cell(7) {
        "" => Counts::Once,
        "also" => Counts::Also,
        "never" => Counts::Never,
        other => {
            let m = format!("counts '{other}': allowed are empty, 'also' and 'never'");
            return Err(Error::lexicon(file, line, col(7), m));
        }
    };
    Ok(RawEntry {
        pattern,
        category,
        polarity,
        intensity,
        lemma,
        note: cell(5).to_string(),
        source: cell(6).to_string(),
        counts,
        line,
        pattern_column: col(0),
        valence: None,
    })
}

struct LineCounter<'a> {
    text: &'a str,
    byte: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// The 1-based line of byte offset `byte` (offsets must not decrease).
    fn at(&mut self, byte: u64) -> u64 {
        let bytes = self.text.as_bytes();
        let mut byte = (byte as usize).min(bytes.len());
        // A record's position can point at blank lines skipped before it.
        while byte < bytes.len() && matches!(bytes[byte], b'\n' | b'\r') {
            byte += 1;
        }
        if byte > self.byte {
            self.line += bytes[self.byte..byte].iter().filter(|&&b| b == b'\n').count() as u64;
            self.byte = byte;
        }
        self.line
    }
}

/// The most levels a category may have (`a/b/c` has 3). Every level is stored and counted
/// for every hit, so an absurdly deep category is a mistake, not a taxonomy.
pub const MAX_CATEGORY_LEVELS: usize = 16;

pub(crate) fn check_category(category: &str) -> std::result::Result<(), String> {
    if category.is_empty() {
        return Err("empty category".into());
    }
    let levels = category.split('/').count();
    if levels > MAX_CATEGORY_LEVELS {
        return Err(format!("category has {levels} levels; at most {MAX_CATEGORY_LEVELS}"));
    }
    for seg in category.split('/') {
        if seg.is_empty() {
            return Err(format!("category '{category}' has an empty level"));
        }
        if !seg.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.')) {
            return Err(format!(
                "category '{category}': levels may hold letters, digits, '-', '_' and '.' only"
            ));
        }
    }
    Ok(())
}

fn parse_int(cell: &str, min: i64, max: i64) -> std::result::Result<Option<i64>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    let cell: std::borrow::Cow<str> =
        if cell.contains('\u{2212}') { cell.replace('\u{2212}', "-").into() } else { cell.into() };
    let v: i64 = cell
        .trim_start_matches('+')
        .parse()
        .map_err(|_| format!("'{cell}' is not a whole number from {min} to {max}"))?;
    if v < min || v > max {
        return Err(format!("{v} is outside {min}..{max}"));
    }
    Ok(Some(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "pattern,category,polarity,intensity,note,source\n";

    fn err(text: &str) -> String {
        parse_file("t.csv", text).unwrap_err().to_string()
    }

    #[test]
    fn reads_rows_with_lines() {
        let rows = parse_file(
            "t.csv",
            &format!("{HEADER}massacre,loaded/violence,-2,3,,team\n\n=said,attribution/neutral,,,\"a, b\",team\n"),
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].polarity, Some(-2));
        assert_eq!(rows[0].intensity, Some(3));
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].note, "a, b");
        assert_eq!(rows[1].polarity, None);
    }

    #[test]
    fn term_and_word_are_aliases_of_pattern() {
        for h in ["term", "Word"] {
            let rows = parse_file("t.csv", &format!("{h},category\nx,a.b/c\n")).unwrap();
            assert_eq!((&*rows[0].pattern, &*rows[0].category), ("x", "a.b/c"));
        }
    }

    #[test]
    fn errors_name_line_and_column() {
        assert_eq!(
            err(&format!("{HEADER}x,loaded,5,1,,team\n")),
            "t.csv:2:3: polarity 5 is outside -2..2"
        );
        assert_eq!(
            err(&format!("{HEADER}x,loaded,1,high,,team\n")),
            "t.csv:2:4: intensity 'high' is not a whole number from 1 to 3"
        );
        assert_eq!(err(&format!("{HEADER}x,,1,1,,team\n")), "t.csv:2:2: empty category");
        assert_eq!(err(&format!("{HEADER},loaded,1,1,,team\n")), "t.csv:2:1: empty pattern");
        assert!(err("pattern,category,colour\n").starts_with("t.csv:1:3: unknown column 'colour'"));
        assert!(err("pattern,note\n").contains("missing required column 'category'"));
        assert!(err("term,word,category\n").contains("t.csv:1:2: column 'pattern' twice"));
        assert!(err("").contains("empty lexicon file"));
        assert_eq!(
            err(&format!("{HEADER}ok,loaded\nx,\"loaded\ny,z\n")),
            "t.csv:3:2: unclosed quote: the rest of the file would be read as one cell"
        );
        assert!(err(&format!("{HEADER}x,a//b,,,,\n")).contains("empty level"));
        let deep = vec!["x"; MAX_CATEGORY_LEVELS + 1].join("/");
        assert_eq!(
            err(&format!("{HEADER}y,{deep},,,,\n")),
            "t.csv:2:2: category has 17 levels; at most 16"
        );
        assert!(err(&format!("{HEADER}x,loaded,1,1,,team,extra\n")).starts_with("t.csv:2:7:"));
    }
}
