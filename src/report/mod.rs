//! Writing results — the only module that writes files. A [`Reporter`] is the pipeline's
//! sink. Per-document tables (`documents.csv`, `matches.csv`, `attributions.csv`,
//! `doc_terms.csv`, `scare_quotes.csv`, `tone.csv`, `errors.csv`) are streamed as documents
//! arrive: their rows are encoded to bytes (`rows`) on the worker threads and only copied, in
//! input order, by the main thread; the aggregate tables (`outlets.csv`, `categories.csv`,
//! `terms.csv`, `labels.csv`, `sources.csv`), the comparison tables (`comparison`: the rows
//! of a [`crate::compare::Comparison`] rendered) and `manifest.json` are written by
//! [`Reporter::finish`], and `report.html` (`html`) from the same values. Every table is
//! described once in `schema` (file, columns, types, meanings), flat, sorted and
//! fixed-precision. [`xlsx`] turns finished tables into one
//! workbook.

mod attributions;
mod boilerplate;
mod cells;
mod comparison;
mod distinctive;
mod doc_terms;
mod documents;
mod html;
mod labels;
mod manifest;
mod matches;
pub mod merge;
pub mod parquet;
mod profile;
mod reporter;
mod rows;
mod scare_quotes;
pub(crate) mod schema;
pub mod shard;
mod sources;
mod table;
mod tables;
mod tone;
pub mod xlsx;

pub use cells::CellStyle;
pub use comparison::{write_comparison, write_group_tables};
pub use html::ReportLevel;
pub use manifest::{InputInfo, Manifest, RunInfo, write_json};
pub use reporter::{Rendered, Reporter, RowRenderer};
pub use schema::Hits;
pub use schema::{REPORT_HTML, analyze_outputs, compare_outputs};
pub use table::ReportOptions;

/// The type of column `name` of the table `file` (`text`, `integer`, `number` or `date`),
/// templates filled in, from the table descriptors; `None` for a column this version does not
/// know. For bindings that type the tables (the Python package).
pub fn column_type(file: &str, name: &str) -> Option<&'static str> {
    schema::column(file, name).map(|(ty, _)| ty.name())
}
