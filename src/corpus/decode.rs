//! Bytes to text: byte-order marks (UTF-8, UTF-16), invalid UTF-8 (an error naming the byte
//! offset, or replacement with `--lossy`), and a running SHA-256 of everything read.

use sha2::{Digest as _, Sha256};
use std::io::Read;
use std::sync::{Arc, Mutex};

/// Decoded text and whether anything was replaced.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// True when invalid bytes were replaced by U+FFFD.
    pub repaired: bool,
}

/// Decodes `bytes` as UTF-8 (or UTF-16 with a byte-order mark). Invalid UTF-8 is an error
/// naming the byte offset unless `lossy`.
pub fn decode(bytes: &[u8], lossy: bool) -> Result<Decoded, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest, lossy, 3);
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, true)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, false)),
        _ => None,
    };
    if let Some((rest, little)) = utf16 {
        if rest.len() % 2 == 1 && !lossy {
            return Err("UTF-16 text with an odd number of bytes".into());
        }
        let units = rest.chunks_exact(2).map(|c| {
            if little { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) }
        });
        let mut text = String::with_capacity(rest.len());
        let mut repaired = rest.len() % 2 == 1;
        for (i, r) in char::decode_utf16(units).enumerate() {
            match r {
                Ok(c) => text.push(c),
                Err(_) if lossy => {
                    text.push('\u{FFFD}');
                    repaired = true;
                }
                Err(_) => return Err(format!("invalid UTF-16 at byte {}", 2 + 2 * i)),
            }
        }
        return Ok(Decoded { text, repaired });
    }
    decode_utf8(bytes, lossy, 0)
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
}
