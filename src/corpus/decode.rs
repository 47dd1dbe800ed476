//! Bytes to text: byte-order marks (UTF-8, UTF-16), invalid UTF-8 (an error naming the byte
//! offset, or replacement with `--lossy`), NUL characters (an error, or U+FFFD with
//! `--lossy`), a streaming UTF-16 to UTF-8 reader for CSV and JSONL files that start with a
//! UTF-16 byte-order mark ([`Source`] decides which on the first read), and a running SHA-256
//! of everything read.

use sha2::{Digest as _, Sha256};
use std::io::{BufRead, BufReader, Read};
use std::sync::{Arc, Mutex};

/// Decoded text and whether anything was replaced.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The text.
    pub text: String,
    /// True when invalid bytes were replaced by U+FFFD.
    pub repaired: bool,
}

/// Decodes `bytes` as UTF-8 (or UTF-16 with a byte-order mark). Invalid UTF-8 is an error
/// naming the byte offset unless `lossy`.
pub(crate) fn decode(bytes: &[u8], lossy: bool) -> Result<Decoded, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest, lossy, 3);
    }
    if let Some(little) = utf16_bom(bytes) {
        let rest = &bytes[2..];
        if rest.len() % 2 == 1 && !lossy {
            return Err(format!(
                "invalid UTF-16 at byte {}: an odd number of bytes (use --lossy to replace it)",
                bytes.len() - 1
            ));
        }
        let mut reader = Utf16Reader::new(rest, little, lossy);
        let mut text = String::with_capacity(rest.len());
        reader.read_to_string(&mut text).map_err(|e| e.to_string())?;
        return Ok(Decoded { text, repaired: reader.replaced() > 0 });
    }
    decode_utf8(bytes, lossy, 0)
}

/// Checks decoded text for NUL characters (U+0000), which spreadsheets and R cannot read
/// back: an error naming the byte offset, or with `lossy` each becomes U+FFFD and the text
/// is marked repaired. `what` names the text in the error (`text`, `column 'title'`).
pub(crate) fn reject_nul(text: String, lossy: bool, what: &str) -> Result<(String, bool), String> {
    // A NUL byte is only ever the character U+0000 in UTF-8: a byte search finds it.
    match memchr::memchr(0, text.as_bytes()) {
        None => Ok((text, false)),
        Some(_) if lossy => Ok((text.replace('\0', "\u{FFFD}"), true)),
        Some(at) => {
            Err(format!("{what} contains a NUL character at byte {at} (use --lossy to replace it)"))
        }
    }
}

/// The byte-order mark at the start of `bytes`, if it is a UTF-16 one: `Some(little_endian)`.
pub(crate) fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// Streams UTF-16 (after its byte-order mark) as UTF-8. Invalid UTF-16 (an unpaired
/// surrogate, an odd final byte) is an `InvalidData` error naming the byte offset in the
/// file, or with `lossy` becomes U+FFFD and is counted.
pub(crate) struct Utf16Reader<R> {
    inner: R,
    little: bool,
    lossy: bool,
    out: Vec<u8>,
    raw: Vec<u8>,
    pos: usize,
    high: Option<(u16, u64)>,
    odd: Option<u8>,
    offset: u64,
    eof: bool,
    /// An error met while decoding, returned once the text before it has been read.
    error: Option<std::io::Error>,
    replaced: u64,
}

impl<R: BufRead> Utf16Reader<R> {
    /// A reader over `inner`, positioned right after the 2-byte mark.
    pub(crate) fn new(inner: R, little: bool, lossy: bool) -> Utf16Reader<R> {
        Utf16Reader {
            inner,
            little,
            lossy,
            out: Vec::with_capacity(1 << 16),
            raw: Vec::new(),
            pos: 0,
            high: None,
            odd: None,
            offset: 2,
            eof: false,
            error: None,
            replaced: 0,
        }
    }

    /// The replacements made so far (`lossy` only).
    pub(crate) fn replaced(&self) -> u64 {
        self.replaced
    }

    fn invalid(&mut self, at: u64) -> std::io::Result<()> {
        if self.lossy {
            self.replaced += 1;
            self.push('\u{FFFD}');
            Ok(())
        } else {
            Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("invalid UTF-16 at byte {at} (use --lossy to replace it)"),
            ))
        }
    }

    fn push(&mut self, c: char) {
        let mut b = [0; 4];
        self.out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
    }

    fn unit(&mut self, u: u16, at: u64) -> std::io::Result<()> {
        if let Some((h, h_at)) = self.high.take() {
            if (0xDC00..0xE000).contains(&u) {
                let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                self.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                return Ok(());
            }
            self.invalid(h_at)?;
        }
        match u {
            0xD800..0xDC00 => self.high = Some((u, at)),
            0xDC00..0xE000 => self.invalid(at)?,
            _ => self.push(char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}')),
        }
        Ok(())
    }

    /// Decodes the next chunk of input into `out`.
    fn refill(&mut self) -> std::io::Result<()> {
        self.out.clear();
        self.pos = 0;
        let chunk = loop {
            match self.inner.fill_buf() {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                other => break other?,
            }
        };
        if chunk.is_empty() {
            self.eof = true;
            if let Some((_, at)) = self.high.take() {
                self.invalid(at)?;
            }
            if self.odd.take().is_some() {
                let at = self.offset - 1;
                self.invalid(at)?;
            }
            return Ok(());
        }
        let mut raw = std::mem::take(&mut self.raw);
        raw.clear();
        raw.extend_from_slice(chunk);
        self.inner.consume(raw.len());
        if let Err(e) = self.decode_chunk(&raw) {
            // Deliver the text decoded before the error first; nothing after it.
            self.error = Some(e);
            self.eof = true;
        }
        self.raw = raw;
        Ok(())
    }

    fn decode_chunk(&mut self, mut bytes: &[u8]) -> std::io::Result<()> {
        if let Some(first) = self.odd.take() {
            if let Some((&second, rest)) = bytes.split_first() {
                let at = self.offset - 1;
                self.offset += 1;
                self.unit(self.to_unit(first, second), at)?;
                bytes = rest;
            }
        }
        let mut pairs = bytes.chunks_exact(2);
        for p in pairs.by_ref() {
            let at = self.offset;
            self.offset += 2;
            self.unit(self.to_unit(p[0], p[1]), at)?;
        }
        if let [last] = pairs.remainder() {
            self.odd = Some(*last);
            self.offset += 1;
        }
        Ok(())
    }

    fn to_unit(&self, a: u8, b: u8) -> u16 {
        if self.little { u16::from_le_bytes([a, b]) } else { u16::from_be_bytes([a, b]) }
    }
}

impl<R: BufRead> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos == self.out.len() {
            if let Some(e) = self.error.take() {
                return Err(e);
            }
            if self.eof {
                return Ok(0);
            }
            if let Err(e) = self.refill() {
                self.eof = true;
                return Err(e);
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

type Raw = BufReader<HashingReader<Box<dyn Read + Send>>>;

/// A CSV or JSONL byte stream as UTF-8: as it is, or decoded from UTF-16 after a UTF-16
/// byte-order mark. Which one is decided on the first read, so that opening standard input
/// does not block.
pub(crate) struct Source(SourceState);

enum SourceState {
    Undecided(Raw, bool),
    Utf8(Raw),
    Utf16(BufReader<Utf16Reader<Raw>>),
    Taken,
}

impl Source {
    /// The stream of `inner`, hashed into `digest` as it is read.
    pub(crate) fn new(
        inner: Box<dyn Read + Send>,
        digest: Arc<Mutex<Digest>>,
        lossy: bool,
    ) -> Source {
        let raw = BufReader::with_capacity(1 << 16, HashingReader { inner, digest });
        Source(SourceState::Undecided(raw, lossy))
    }

    /// The UTF-8 stream; the first call reads the first bytes to decide its kind.
    pub(crate) fn reader(&mut self) -> std::io::Result<&mut dyn BufRead> {
        use SourceState::*;
        if let Undecided(..) = self.0 {
            let Undecided(mut raw, lossy) = std::mem::replace(&mut self.0, Taken) else {
                unreachable!("matched above")
            };
            self.0 = match raw.fill_buf().map(utf16_bom) {
                Ok(Some(little)) => {
                    raw.consume(2);
                    Utf16(BufReader::with_capacity(1 << 16, Utf16Reader::new(raw, little, lossy)))
                }
                Ok(None) => Utf8(raw),
                Err(e) => {
                    self.0 = Utf8(raw);
                    return Err(e);
                }
            };
        }
        Ok(match &mut self.0 {
            Utf8(r) => r,
            Utf16(r) => r,
            Undecided(..) | Taken => unreachable!("decided above"),
        })
    }

    /// Whether invalid UTF-16 was replaced (`--lossy`) in what has been read so far.
    pub(crate) fn replaced_any(&self) -> bool {
        matches!(&self.0, SourceState::Utf16(r) if r.get_ref().replaced() > 0)
    }
}

impl Read for Source {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.reader()?.read(buf)
    }
}

fn decode_utf8(bytes: &[u8], lossy: bool, offset: usize) -> Result<Decoded, String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded { text: s.to_string(), repaired: false }),
        Err(_) if lossy => {
            Ok(Decoded { text: String::from_utf8_lossy(bytes).into_owned(), repaired: true })
        }
        Err(e) => Err(format!(
            "invalid UTF-8 at byte {} (use --lossy to replace invalid bytes)",
            offset + e.valid_up_to()
        )),
    }
}

/// A running SHA-256 and byte count.
pub(crate) struct Digest {
    hasher: Sha256,
    pub(crate) bytes: u64,
}

impl Digest {
    pub(crate) fn new() -> Digest {
        Digest { hasher: Sha256::new(), bytes: 0 }
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        self.hasher.update(data);
        self.bytes += data.len() as u64;
    }

    pub(crate) fn hex(&self) -> String {
        crate::util::hex(&self.hasher.clone().finalize())
    }
}

/// A reader that feeds everything it reads into a shared [`Digest`].
pub(crate) struct HashingReader<R> {
    pub(crate) inner: R,
    pub(crate) digest: Arc<Mutex<Digest>>,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Ok(mut d) = self.digest.lock() {
            d.update(&buf[..n]);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let mut out = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in text.encode_utf16() {
            out.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    /// Streams `bytes` (with their mark) through a [`Utf16Reader`] reading `chunk` bytes at a time.
    fn stream(bytes: &[u8], chunk: usize, lossy: bool) -> std::io::Result<(String, u64)> {
        let little = utf16_bom(bytes).expect("a UTF-16 mark");
        let inner = std::io::BufReader::with_capacity(chunk.max(1), &bytes[2..]);
        let mut r = Utf16Reader::new(inner, little, lossy);
        let mut out = String::new();
        r.read_to_string(&mut out)?;
        Ok((out, r.replaced()))
    }

    #[test]
    fn utf16_streaming_reports_invalid_units_by_byte() {
        // "ab" then a lone high surrogate at byte 6, then "c".
        let mut bad = utf16("ab", true);
        bad.extend([0x00, 0xD8, b'c', 0x00]);
        let err = stream(&bad, 3, false).unwrap_err();
        assert_eq!(err.to_string(), "invalid UTF-16 at byte 6 (use --lossy to replace it)");
        assert_eq!(stream(&bad, 3, true).unwrap(), ("ab\u{FFFD}c".to_string(), 1));
        // The text before an error is delivered before the error.
        let inner = std::io::BufReader::with_capacity(64, &bad[2..]);
        let mut r = Utf16Reader::new(inner, true, false);
        let mut buf = [0u8; 2];
        assert_eq!(r.read(&mut buf).unwrap(), 2);
        assert_eq!(&buf, b"ab");
        assert!(r.read(&mut buf).is_err());
        assert_eq!(r.read(&mut buf).unwrap(), 0);
        // An odd final byte.
        let mut odd = utf16("a", false);
        odd.push(0x00);
        assert!(stream(&odd, 2, false).unwrap_err().to_string().contains("at byte 4"));
        assert_eq!(
            decode(&odd, false).unwrap_err(),
            stream(&odd, 5, false)
                .unwrap_err()
                .to_string()
                .replace(" (use", ": an odd number of bytes (use")
        );
    }

    #[test]
    fn nul_characters_are_rejected_or_replaced() {
        assert_eq!(reject_nul("plain".into(), false, "text").unwrap(), ("plain".into(), false));
        assert_eq!(
            reject_nul("ab\0c".into(), false, "column 'text'").unwrap_err(),
            "column 'text' contains a NUL character at byte 2 (use --lossy to replace it)"
        );
        assert_eq!(reject_nul("ab\0c".into(), true, "x").unwrap(), ("ab\u{FFFD}c".into(), true));
    }

    #[test]
    fn boms_and_invalid_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc", false).unwrap().text, "abc");
        assert_eq!(decode(b"\xFF\xFEa\x00b\x00", false).unwrap().text, "ab");
        assert_eq!(decode(b"\xFE\xFF\x00a\x00b", false).unwrap().text, "ab");
        let err = decode(b"ab\xFFcd", false).unwrap_err();
        assert!(err.starts_with("invalid UTF-8 at byte 2"), "{err}");
        let d = decode(b"ab\xFFcd", true).unwrap();
        assert_eq!(d, Decoded { text: "ab\u{FFFD}cd".into(), repaired: true });
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn utf16_round_trips_whole_and_streamed(text in "\\PC{0,40}", little: bool, chunk in 1usize..9) {
                let bytes = utf16(&text, little);
                prop_assert_eq!(decode(&bytes, false).unwrap(), Decoded { text: text.clone(), repaired: false });
                prop_assert_eq!(stream(&bytes, chunk, false).unwrap(), (text, 0));
            }

            #[test]
            fn lossy_never_fails_and_strict_names_the_first_bad_byte(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
                let lossy = decode(&bytes, true).unwrap();
                match decode(&bytes, false) {
                    Ok(d) => prop_assert_eq!(d.text, lossy.text),
                    Err(e) => {
                        prop_assert!(lossy.repaired || utf16_bom(&bytes).is_some());
                        if utf16_bom(&bytes).is_none() {
                            let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
                            let at = std::str::from_utf8(body).unwrap_err().valid_up_to()
                                + (bytes.len() - body.len());
                            let expected = format!("invalid UTF-8 at byte {at} ");
                            prop_assert!(e.starts_with(&expected), "{}", e);
                        }
                    }
                }
            }

            #[test]
            fn utf16_lossy_stream_equals_whole_decoding(units in proptest::collection::vec(any::<u16>(), 0..24), little: bool, chunk in 1usize..9) {
                let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
                for u in &units {
                    bytes.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
                }
                let whole = decode(&bytes, true).unwrap();
                let (streamed, replaced) = stream(&bytes, chunk, true).unwrap();
                prop_assert_eq!(&whole.text, &streamed);
                prop_assert_eq!(whole.repaired, replaced > 0);
                prop_assert_eq!(decode(&bytes, false).is_ok(), stream(&bytes, chunk, false).is_ok());
            }
        }
    }
}
