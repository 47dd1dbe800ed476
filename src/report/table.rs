//! Output files: a CSV [`Table`] encodes rows into a buffer written out as it fills, starting
//! with its descriptor's header row; [`Closed`] files are synced to disk together.

use super::cells::CellStyle;
use super::rows::Rows;
use super::schema::{self, TableSchema};
use crate::error::{Error, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Output options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportOptions {
    /// Cell formatting.
    pub cells: CellStyle,
    /// Start every CSV with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
    /// Characters of context on each side of a hit in `matches.csv` (`--context N`); 0 leaves
    /// the context columns out.
    pub context: usize,
    /// What `matches.csv` holds beyond its compact default.
    pub hits: super::schema::Hits,
    /// Write `doc_terms.csv` (`--doc-terms`, `--full`, and always for shards: what
    /// `framelens compare` and `merge` read back).
    pub doc_terms: bool,
    /// What `report.html` holds (`--report`; default: everything).
    pub html: super::html::level::ReportLevel,
    /// Write the term rows of the tone inputs (`schema::TONE_INPUTS`: valence words,
    /// negators, boosters) in `terms.csv` and the comparison tables (`--tone-terms`, `--full`).
    /// Left out, they are still compared: every row written, q-values included, is the row
    /// written with them; their category rows are always written.
    pub tone_terms: bool,
}

impl ReportOptions {
    /// Whether a term row of the category `path` is written with these options.
    pub(crate) fn writes_term_of(&self, path: &str) -> bool {
        self.tone_terms || !super::schema::is_tone_input(path)
    }
}

impl ReportOptions {
    /// The files `analyze` writes with these options, in order: [`schema::analyze_outputs`]
    /// without `doc_terms.csv` unless it is written, and without `report.html` for
    /// `--report none`.
    pub fn analyze_outputs(&self) -> Vec<&'static str> {
        let none = self.html == super::html::level::ReportLevel::None;
        let all = schema::analyze_outputs().into_iter();
        all.filter(|f| self.writes(f) && !(none && *f == schema::REPORT_HTML)).collect()
    }

    /// Whether the table `file` is written with these options (all but `doc_terms.csv`).
    pub(crate) fn writes(&self, file: &str) -> bool {
        self.doc_terms || file != schema::DOC_TERMS.file
    }
}

/// A CSV file: rows are encoded into a buffer that is written out when it fills, with the
/// path for error messages.
pub(crate) struct Table {
    out: BufWriter<File>,
    rows: Rows,
    path: PathBuf,
}

/// Encoded bytes a table holds before writing them out.
const SPILL: usize = 1 << 16;

impl Table {
    /// Creates `schema`'s file in `dir` and writes its header row (templates expanded for the
    /// top-level categories `top`).
    pub(crate) fn create(
        dir: &Path,
        schema: &TableSchema,
        top: &[&str],
        opts: &ReportOptions,
    ) -> Result<Table> {
        Table::create_with(dir, schema, top, &[], opts)
    }

    /// [`Table::create`] with the columns `more` after the schema's (the input columns
    /// `documents.csv` carries along).
    pub(crate) fn create_with(
        dir: &Path,
        schema: &TableSchema,
        top: &[&str],
        more: &[&str],
        opts: &ReportOptions,
    ) -> Result<Table> {
        let path = dir.join(schema.file);
        let file = File::create(&path).map_err(|e| Error::io(&path, e))?;
        let mut buf = BufWriter::with_capacity(1 << 16, file);
        if opts.bom {
            buf.write_all("\u{feff}".as_bytes()).map_err(|e| Error::io(&path, e))?;
        }
        let mut table = Table { out: buf, rows: Rows::new(), path };
        let mut header: Vec<String> = schema
            .header(top)
            .into_iter()
            .filter(|c| schema::written(schema, c, opts.context, opts.hits))
            .collect();
        header.extend(more.iter().map(|m| opts.cells.text(m).into_owned()));
        table.row(header)?;
        Ok(table)
    }

    /// One row of raw cells.
    pub(crate) fn row<I, T>(&mut self, cells: I) -> Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.rows.row(cells);
        if self.rows.len() >= SPILL { self.spill() } else { Ok(()) }
    }

    /// The row being built, cell by cell; [`Table::end_row`] ends it.
    pub(crate) fn cells(&mut self) -> &mut Rows {
        &mut self.rows
    }

    /// Ends the row built with [`Table::cells`].
    pub(crate) fn end_row(&mut self) -> Result<()> {
        self.rows.end();
        if self.rows.len() >= SPILL { self.spill() } else { Ok(()) }
    }

    /// Rows encoded elsewhere ([`Rows::as_bytes`]).
    pub(crate) fn bytes(&mut self, rows: &Rows) -> Result<()> {
        self.spill()?;
        self.out.write_all(rows.as_bytes()).map_err(|e| Error::io(&self.path, e))
    }

    fn spill(&mut self) -> Result<()> {
        self.out.write_all(self.rows.as_bytes()).map_err(|e| Error::io(&self.path, e))?;
        self.rows.clear();
        Ok(())
    }

    /// Writes everything buffered to the file.
    pub(crate) fn flush(&mut self) -> Result<()> {
        self.spill()?;
        self.out.flush().map_err(|e| Error::io(&self.path, e))
    }

    /// Writes everything out and closes the writer; the data may still be in the OS cache
    /// until [`Closed::sync`].
    pub(crate) fn close(mut self) -> Result<Closed> {
        self.flush()?;
        let file = self.out.into_inner().map_err(|e| Error::io(&self.path, e.into_error()))?;
        Ok(Closed { file, path: self.path })
    }
}

/// A table whose bytes are written but maybe not yet on disk.
pub(crate) struct Closed {
    file: File,
    path: PathBuf,
}

impl Closed {
    /// Waits until the file is on disk (before the output folder is renamed into place).
    pub(crate) fn sync(self) -> Result<()> {
        self.file.sync_all().map_err(|e| Error::io(&self.path, e))
    }

    /// Waits until every file is on disk. The files are synced side by side, one thread
    /// each, so the file system can commit them together instead of one journal commit
    /// after another (on ext4 a one-document run spent 30 ms in 14 sequential `fsync`s).
    pub(crate) fn sync_all(files: Vec<Closed>) -> Result<()> {
        std::thread::scope(|s| {
            let handles: Vec<_> =
                files.into_iter().map(|f| (f.path.clone(), s.spawn(move || f.sync()))).collect();
            handles.into_iter().try_for_each(|(path, h)| {
                h.join().unwrap_or_else(|_| {
                    Err(Error::io(path, std::io::Error::other("the sync thread panicked")))
                })
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::html::level::ReportLevel;

    /// The output list names `doc_terms.csv` only when it is written, and `report.html` unless
    /// `--report none`; everything else always.
    #[test]
    fn the_output_list_is_what_the_options_write() {
        let all = schema::analyze_outputs();
        let full = ReportOptions { doc_terms: true, ..ReportOptions::default() };
        assert_eq!(full.analyze_outputs(), all);
        let plain = ReportOptions::default().analyze_outputs();
        assert_eq!(plain.len(), all.len() - 1);
        assert!(!plain.contains(&"doc_terms.csv") && plain.contains(&"matches.csv"));
        let none = ReportOptions { html: ReportLevel::None, ..ReportOptions::default() };
        assert!(!none.analyze_outputs().contains(&schema::REPORT_HTML));
    }
}
