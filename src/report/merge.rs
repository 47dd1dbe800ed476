//! What `framelens merge` writes: the streamed per-document tables of several output folders
//! concatenated byte for byte (one header), and the aggregate tables of merged totals, written
//! by the same encoders as in one run, with their `shard.json`.

use super::reporter::{STREAMED, aggregate_tables};
use super::schema;
use super::shard::write_state;
use super::table::{Closed, ReportOptions};
use crate::aggregate::Aggregates;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

/// The tables `merge` concatenates, in the order of the output list: the per-document ones,
/// and `boilerplate.csv`, since each shard found its boilerplate among its own documents (a
/// line repeated across shards but fewer than 3 times in each is not flagged).
fn per_document_tables() -> Vec<&'static str> {
    let streamed = STREAMED.iter().map(|t| t.file);
    streamed.chain([schema::ERRORS.file, schema::BOILERPLATE.file]).collect()
}

/// Writes each per-document table of `shards` into `out`: the first shard's header, then every
/// shard's rows in the order given. Shards whose headers differ are an error naming both.
pub fn concat_tables(shards: &[&Path], out: &Path) -> Result<()> {
    for file in per_document_tables() {
        let dest = out.join(file);
        let mut w =
            std::io::BufWriter::new(std::fs::File::create(&dest).map_err(|e| Error::io(&dest, e))?);
        let mut header: Option<(Vec<u8>, &Path)> = None;
        for &shard in shards {
            let path = shard.join(file);
            let f = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
            let mut r = BufReader::with_capacity(1 << 16, f);
            let mut first = Vec::new();
            r.read_until(b'\n', &mut first).map_err(|e| Error::io(&path, e))?;
            match &header {
                None => {
                    w.write_all(&first).map_err(|e| Error::io(&dest, e))?;
                    header = Some((first, shard));
                }
                Some((h, from)) if *h != first => {
                    let message = format!(
                        "its header differs from that of {} (different lexicons or options)",
                        from.join(file).display()
                    );
                    return Err(Error::Input { path: path.display().to_string(), message });
                }
                Some(_) => {}
            }
            std::io::copy(&mut r, &mut w).map_err(|e| Error::io(&path, e))?;
        }
        let file = w.into_inner().map_err(|e| Error::io(&dest, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&dest, e))?;
    }
    Ok(())
}

/// Writes the aggregate tables of `agg` (and its [`SHARD_STATE`]) into `out`.
pub fn write_aggregates(
    out: &Path,
    lex: &Lexicon,
    agg: &Aggregates,
    opts: &ReportOptions,
    by_event: bool,
) -> Result<()> {
    Closed::sync_all(aggregate_tables(out, lex, agg, opts, by_event)?)?;
    write_state(out, agg)
}
