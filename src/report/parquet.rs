//! `--format parquet`: the finished CSV tables of an output folder rewritten as Parquet files
//! with the same columns, typed from the table descriptors (`schema::column`: text and date →
//! UTF-8 strings, integer → INT64, number → DOUBLE, an empty numeric cell → null),
//! dictionary-encoded, Snappy-compressed, in row groups of [`ROW_GROUP`] rows; each CSV is
//! removed once its Parquet file is complete. The rows are those of the CSV, so the bytes of
//! the CSV path decide every value.

use super::schema::{self, ColumnType};
use crate::error::{Error, Result};
use ::parquet::basic::{Compression, LogicalType, Repetition, Type as Physical};
use ::parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use ::parquet::file::properties::WriterProperties;
use ::parquet::file::writer::SerializedFileWriter;
use ::parquet::schema::types::Type;
use std::fs::File;
use std::path::Path;
use std::sync::Arc;

/// Rows per row group: bounds the memory a table needs while it is converted.
const ROW_GROUP: usize = 65_536;

/// The name of `file` (`documents.csv`) as Parquet (`documents.parquet`); other names as given.
pub fn parquet_name(file: &str) -> String {
    match file.strip_suffix(".csv") {
        Some(stem) => format!("{stem}.parquet"),
        None => file.to_string(),
    }
}

/// Rewrites each `*.csv` of `files` in `dir` as Parquet (see the module docs).
pub fn convert_folder(dir: &Path, files: &[&str]) -> Result<()> {
    for file in files.iter().filter(|f| f.ends_with(".csv")) {
        let csv = dir.join(file);
        let out = dir.join(parquet_name(file));
        convert(&csv, &out, file)?;
        std::fs::remove_file(&csv).map_err(|e| Error::io(&csv, e))?;
    }
    Ok(())
}

/// One column's values of the current row group.
enum Values {
    Text(Vec<ByteArray>),
    /// Values present, and a definition level per row (0: null).
    Int(Vec<i64>, Vec<i16>),
    Number(Vec<f64>, Vec<i16>),
}

impl Values {
    fn new(ty: ColumnType) -> Values {
        match ty {
            ColumnType::Text | ColumnType::Date => Values::Text(Vec::new()),
            ColumnType::Integer => Values::Int(Vec::new(), Vec::new()),
            ColumnType::Number => Values::Number(Vec::new(), Vec::new()),
        }
    }

    /// The Parquet field of a column `name` holding these values.
    fn field(&self, name: &str) -> Result<Type> {
        let (physical, repetition, logical) = match self {
            Values::Text(_) => {
                (Physical::BYTE_ARRAY, Repetition::REQUIRED, Some(LogicalType::String))
            }
            Values::Int(..) => (Physical::INT64, Repetition::OPTIONAL, None),
            Values::Number(..) => (Physical::DOUBLE, Repetition::OPTIONAL, None),
        };
        Type::primitive_type_builder(name, physical)
            .with_repetition(repetition)
            .with_logical_type(logical)
            .build()
            .map_err(|e| Error::Usage(format!("parquet schema of column {name}: {e}")))
    }

    /// Adds one cell; `Err` with what is wrong with it.
    fn push(&mut self, cell: &[u8]) -> std::result::Result<(), String> {
        let text = || std::str::from_utf8(cell).map_err(|_| "invalid UTF-8".to_string());
        match self {
            Values::Text(v) => v.push(ByteArray::from(cell.to_vec())),
            Values::Int(_, def) | Values::Number(_, def) if cell.is_empty() => def.push(0),
            Values::Int(v, def) => {
                let t = text()?;
                v.push(t.parse().map_err(|_| format!("'{t}' is not a whole number"))?);
                def.push(1);
            }
            Values::Number(v, def) => {
                let t = text()?;
                v.push(t.parse().map_err(|_| format!("'{t}' is not a number"))?);
                def.push(1);
            }
        }
        Ok(())
    }

    fn clear(&mut self) {
        match self {
            Values::Text(v) => v.clear(),
            Values::Int(v, d) => {
                v.clear();
                d.clear();
            }
            Values::Number(v, d) => {
                v.clear();
                d.clear();
            }
        }
    }
}

/// Writes the table `file` read from `csv` as Parquet at `out`.
fn convert(csv: &Path, out: &Path, file: &str) -> Result<()> {
    let bad = |line: u64, message: String| Error::input_at(csv, line, message);
    let mut reader = csv::ReaderBuilder::new().from_path(csv).map_err(|e| bad(0, e.to_string()))?;
    let header = reader.byte_headers().map_err(|e| bad(1, e.to_string()))?.clone();
    let names: Vec<String> = header
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim_start_matches('\u{feff}').to_string())
        .collect();
    let mut columns: Vec<Values> = names
        .iter()
        .map(|n| Values::new(schema::column(file, n).map_or(ColumnType::Text, |(ty, _)| ty)))
        .collect();
    let fields = names
        .iter()
        .zip(&columns)
        .map(|(n, c)| c.field(n).map(Arc::new))
        .collect::<Result<Vec<_>>>()?;
    let message = Type::group_type_builder("schema").with_fields(fields).build();
    let message = message.map_err(|e| Error::Usage(format!("parquet schema of {file}: {e}")))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_dictionary_enabled(true)
        .set_created_by(format!("framelens {}", env!("CARGO_PKG_VERSION")))
        .build();
    let sink = File::create(out).map_err(|e| Error::io(out, e))?;
    let pq =
        |e: parquet::errors::ParquetError| Error::io(out, std::io::Error::other(e.to_string()));
    let mut writer =
        SerializedFileWriter::new(sink, Arc::new(message), Arc::new(props)).map_err(pq)?;
    let (mut record, mut rows) = (csv::ByteRecord::new(), 0usize);
    while reader.read_byte_record(&mut record).map_err(|e| bad(0, e.to_string()))? {
        let line = record.position().map_or(0, |p| p.line());
        for (i, (col, cell)) in columns.iter_mut().zip(record.iter()).enumerate() {
            col.push(cell).map_err(|m| bad(line, format!("column '{}': {m}", names[i])))?;
        }
        rows += 1;
        if rows == ROW_GROUP {
            write_group(&mut writer, &mut columns).map_err(pq)?;
            rows = 0;
        }
    }
    if rows > 0 {
        write_group(&mut writer, &mut columns).map_err(pq)?;
    }
    let file = writer.into_inner().map_err(pq)?;
    file.sync_all().map_err(|e| Error::io(out, e))
}

/// Writes `columns` as one row group and empties them.
fn write_group(
    writer: &mut SerializedFileWriter<File>,
    columns: &mut [Values],
) -> parquet::errors::Result<()> {
    let mut group = writer.next_row_group()?;
    for col in columns.iter_mut() {
        let Some(mut w) = group.next_column()? else { break };
        match col {
            Values::Text(v) => w.typed::<ByteArrayType>().write_batch(v, None, None)?,
            Values::Int(v, d) => w.typed::<Int64Type>().write_batch(v, Some(d), None)?,
            Values::Number(v, d) => w.typed::<DoubleType>().write_batch(v, Some(d), None)?,
        };
        w.close()?;
        col.clear();
    }
    group.close()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::parquet::file::reader::{FileReader, SerializedFileReader};
    use ::parquet::record::Field;

    #[test]
    fn typed_columns_nulls_and_bad_cells() {
        let dir = tempfile::tempdir().unwrap();
        let csv = "doc_id,outlet,event,title,date,url,tokens,sentences,coverage\n\
                   d1,A,,\"t, \"\"q\"\"\",2025-01-02,,12,2,0.250000\nd2,B,e,,,,0,0,\n";
        std::fs::write(dir.path().join("documents.csv"), csv).unwrap();
        convert_folder(dir.path(), &["documents.csv", "manifest.json"]).unwrap();
        assert!(!dir.path().join("documents.csv").exists());
        let file = File::open(dir.path().join("documents.parquet")).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let rows: Vec<Vec<Field>> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap().get_column_iter().map(|(_, f)| f.clone()).collect())
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][3], Field::Str("t, \"q\"".into()));
        assert_eq!(rows[0][6], Field::Long(12));
        assert_eq!(rows[0][8], Field::Double(0.25));
        assert_eq!(rows[1][2], Field::Str("e".into()));
        assert_eq!(rows[1][8], Field::Null);
        assert_eq!(parquet_name("rates.csv"), "rates.parquet");

        std::fs::write(dir.path().join("tone.csv"), "doc_id,sentences\nd1,many\n").unwrap();
        let err = convert_folder(dir.path(), &["tone.csv"]).unwrap_err().to_string();
        assert!(err.contains("tone.csv:2") && err.contains("'many'"), "{err}");
    }
}
