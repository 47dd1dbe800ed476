//! Where the per-document term counts of a run wait for the comparison: in memory, or — for
//! `analyze`, whose corpus may be far larger than memory — in a spill file beside the output
//! that holds them as little-endian `(term id, count)` pairs of `u32` and is read back one
//! document at a time. Memory then stays bounded by the work (the documents of one outlet
//! being resampled), not by the corpus.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Pairs held in memory before they are written to the spill file.
const SPILL_PAIRS: usize = 1 << 16;
/// Bytes of one pair.
const PAIR: u64 = 8;

/// The spill file: written in order, then read at offsets.
#[derive(Debug)]
struct Spill {
    file: File,
    path: PathBuf,
    /// Pairs written to the file.
    written: u64,
}

/// Every document's (term id, count) pairs, in document order (in memory by default).
#[derive(Debug, Default)]
pub(crate) struct CountStore {
    spill: Option<Spill>,
    /// Pairs after those in the spill file (all of them without one).
    pending: Vec<(u32, u32)>,
}

impl CountStore {
    /// Pairs go to a new file at `path` (removed by [`CountStore::remove`] or with its folder).
    pub(crate) fn spilled(path: &Path) -> Result<CountStore> {
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        Ok(CountStore {
            spill: Some(Spill { file, path: path.to_path_buf(), written: 0 }),
            pending: Vec::new(),
        })
    }

    /// Pairs stored so far.
    pub(crate) fn len(&self) -> u64 {
        self.spill.as_ref().map_or(0, |s| s.written) + self.pending.len() as u64
    }

    /// Appends one document's pairs and returns their range.
    pub(crate) fn push(&mut self, pairs: impl Iterator<Item = (u32, u32)>) -> Result<Range<u64>> {
        let start = self.len();
        self.pending.extend(pairs);
        let end = self.len();
        if self.pending.len() >= SPILL_PAIRS {
            self.flush()?;
        }
        Ok(start..end)
    }

    /// Writes the pending pairs to the spill file, if there is one.
    fn flush(&mut self) -> Result<()> {
        let Some(spill) = &mut self.spill else { return Ok(()) };
        let mut bytes = Vec::with_capacity(self.pending.len() * PAIR as usize);
        for &(t, n) in &self.pending {
            bytes.extend_from_slice(&t.to_le_bytes());
            bytes.extend_from_slice(&n.to_le_bytes());
        }
        spill.file.write_all(&bytes).map_err(|e| Error::io(&spill.path, e))?;
        spill.written += self.pending.len() as u64;
        self.pending.clear();
        Ok(())
    }

    /// The pairs of `range` (one document's) into `out` (cleared first).
    pub(crate) fn read(&self, range: Range<u64>, out: &mut Vec<(u32, u32)>) -> Result<()> {
        out.clear();
        let written = self.spill.as_ref().map_or(0, |s| s.written);
        if range.start >= written {
            let r = (range.start - written) as usize..(range.end - written) as usize;
            out.extend_from_slice(&self.pending[r]);
            return Ok(());
        }
        let spill = self.spill.as_ref().expect("pairs below `written` are in the spill file");
        // Documents are pushed whole and flushed whole: a range never straddles the two.
        let mut bytes = vec![0u8; ((range.end - range.start) * PAIR) as usize];
        read_at(&spill.file, &mut bytes, range.start * PAIR)
            .map_err(|e| Error::io(&spill.path, e))?;
        out.extend(bytes.chunks_exact(PAIR as usize).map(|c| {
            let t = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            let n = u32::from_le_bytes([c[4], c[5], c[6], c[7]]);
            (t, n)
        }));
        Ok(())
    }

    /// Deletes the spill file.
    pub(crate) fn remove(self) -> Result<()> {
        match self.spill {
            Some(s) => {
                drop(s.file);
                std::fs::remove_file(&s.path).map_err(|e| Error::io(&s.path, e))
            }
            None => Ok(()),
        }
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        let n = std::os::windows::fs::FileExt::seek_read(file, buf, offset)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf = &mut buf[n..];
        offset += n as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    type Stored = Vec<(Range<u64>, Vec<(u32, u32)>)>;

    fn fill(store: &mut CountStore, docs: usize) -> Stored {
        (0..docs)
            .map(|d| {
                let pairs: Vec<(u32, u32)> =
                    (0..(d % 7) as u32).map(|k| (k * 3 + d as u32, k + 1)).collect();
                (store.push(pairs.iter().copied()).unwrap(), pairs)
            })
            .collect()
    }

    #[test]
    fn spilled_and_in_memory_stores_read_back_the_same_pairs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("counts.spill");
        let mut disk = CountStore::spilled(&path).unwrap();
        let mut memory = CountStore::default();
        // Enough documents to spill several times, and a pending tail.
        let docs = 40_000;
        let a = fill(&mut disk, docs);
        let b = fill(&mut memory, docs);
        assert!(disk.spill.as_ref().unwrap().written > 0, "some pairs went to the file");
        assert!(!disk.pending.is_empty(), "some are still pending");
        disk.flush().unwrap();
        let mut out = Vec::new();
        for ((ra, pairs), (rb, _)) in a.iter().zip(&b) {
            assert_eq!(ra, rb);
            disk.read(ra.clone(), &mut out).unwrap();
            assert_eq!(&out, pairs);
            memory.read(rb.clone(), &mut out).unwrap();
            assert_eq!(&out, pairs);
        }
        disk.remove().unwrap();
        assert!(!path.exists());
        // An existing file is never overwritten.
        std::fs::write(&path, b"x").unwrap();
        assert!(CountStore::spilled(&path).is_err());
    }
}
