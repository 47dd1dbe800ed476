//! What every dictionary reader shares: decoding bytes (UTF-8, or Latin-1 where a format's
//! files were written so), splitting lines at LF, CRLF or a lone CR, and splitting a line
//! into whitespace-separated fields with their columns.

use crate::error::{Error, Result};

/// The text of a dictionary file: UTF-8 (a byte-order mark is dropped), or, when `latin1`
/// is set and the bytes are not UTF-8, Windows-1252/Latin-1. Otherwise invalid UTF-8 is an
/// error at its line and column, with a hint about the encoding.
pub(crate) fn decode(origin: &str, bytes: &[u8], latin1: bool) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) if latin1 => Ok(bytes.iter().map(|&b| windows_1252(b)).collect()),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            let start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[start..]).chars().count() as u64 + 1;
            Err(Error::lexicon(
                origin,
                line,
                column,
                format!(
                    "not UTF-8 (byte 0x{:02X}); if the file is Latin-1 or Windows-1252, convert \
                     it first: iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8",
                    bytes[e.valid_up_to()]
                ),
            ))
        }
    }
}

/// The character of one Windows-1252 byte (Latin-1 with printable 0x80..0x9F).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The lines of `text` with their 1-based numbers; a line ends at LF, CRLF or a lone CR.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (u64, &str)> {
    let mut rest = Some(text);
    let mut n = 0u64;
    std::iter::from_fn(move || {
        let s = rest?;
        n += 1;
        match s.find(['\n', '\r']) {
            Some(i) => {
                let skip = if s[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&s[i + skip..]).filter(|r| !r.is_empty());
                Some((n, &s[..i]))
            }
            None => {
                rest = None;
                Some((n, s))
            }
        }
    })
}

/// The whitespace-separated fields of `line` (tabs or runs of spaces), each with its
/// 1-based column in characters.
pub(crate) fn fields(line: &str) -> Vec<(u64, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut col = 0u64;
    let mut start_col = 0u64;
    for (i, c) in line.char_indices() {
        col += 1;
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((start_col, &line[s..i]));
                start = None;
            }
            (false, None) => {
                start = Some(i);
                start_col = col;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((start_col, &line[s..]));
    }
    out
}

/// The 1-based character column of byte offset `byte` of `line`.
pub(crate) fn column(line: &str, byte: usize) -> u64 {
    line.get(..byte).map_or(1, |s| s.chars().count() as u64 + 1)
}

/// Line and column of byte offsets asked in increasing order (LF, CRLF or CR line ends).
#[derive(Default)]
pub(crate) struct Cursor {
    byte: usize,
    line: u64,
    line_start: usize,
}

impl Cursor {
    /// 1-based line and character column of byte `i` (not before the last one asked).
    pub(crate) fn at(&mut self, text: &str, i: usize) -> (u64, u64) {
        let b = text.as_bytes();
        for k in self.byte..i.min(b.len()) {
            match b[k] {
                b'\r' => (self.line, self.line_start) = (self.line + 1, k + 1),
                b'\n' if k > 0 && b[k - 1] == b'\r' => self.line_start = k + 1,
                b'\n' => (self.line, self.line_start) = (self.line + 1, k + 1),
                _ => {}
            }
        }
        self.byte = self.byte.max(i);
        (self.line + 1, text[self.line_start..i].chars().count() as u64 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_fields() {
        let got: Vec<_> = lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(got, vec![(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
        assert_eq!(lines("a\n").count(), 1);
        assert_eq!(fields(" ab\t\tc  d"), vec![(2, "ab"), (6, "c"), (9, "d")]);
        let mut c = Cursor::default();
        assert_eq!(c.at("a\r\nbc\rd", 4), (2, 2));
        assert_eq!(c.at("a\r\nbc\rd", 6), (3, 1));
    }

    #[test]
    fn decoding() {
        assert_eq!(decode("f", b"\xEF\xBB\xBFcaf\xC3\xA9", false).unwrap(), "café");
        assert_eq!(decode("f", b"caf\xE9 \x93x\x94", true).unwrap(), "café “x”");
        let e = decode("f.dic", b"a\nb caf\xE9", false).unwrap_err().to_string();
        assert!(e.starts_with("f.dic:2:6: not UTF-8 (byte 0xE9); if the file is Latin-1"), "{e}");
    }
}
