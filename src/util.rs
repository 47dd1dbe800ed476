//! Small helpers shared by several modules: hashing and hex, and how free text is shown in a
//! spreadsheet cell ([`CellStyle`], used by the tables and by the order of the comparison).

use sha2::{Digest, Sha256};
use std::borrow::Cow;

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// SHA-256 of `bytes`, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Cell formatting options shared by every table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellStyle {
    /// Prefix free text that a spreadsheet would run as a formula with `'`.
    pub safe_text: bool,
}

impl Default for CellStyle {
    fn default() -> CellStyle {
        CellStyle { safe_text: true }
    }
}

impl CellStyle {
    /// A free-text cell (titles, matched text, contexts, sources). Cells starting with
    /// `=`, `+`, `-`, `@`, tab or carriage return get a leading `'` when `safe_text` is on.
    pub fn text<'a>(&self, s: &'a str) -> Cow<'a, str> {
        if self.safe_text && formula_like(s) {
            Cow::Owned(format!("'{s}"))
        } else {
            Cow::Borrowed(s)
        }
    }
}

/// Whether a spreadsheet would run a cell starting with this text as a formula.
pub(crate) fn formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell [`CellStyle::text`] wrote with `safe_text` on, without the leading `'` it added.
pub(crate) fn unguarded(cell: &str) -> &str {
    cell.strip_prefix('\'').filter(|rest| formula_like(rest)).unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
